// Autosave: writes the open document to a per-session recovery file every minute while it has
// unsaved changes, and finds the recovery files of sessions that ended without closing cleanly
// (a crash, a kill, a power cut) so the next start can offer them. Each session holds a QLockFile
// beside its recovery file; a recovery file whose lock nobody holds is an orphan. The directory is
// QStandardPaths' AppLocalDataLocation/recovery, or $FERROSCOPE_RECOVERY_DIR (tests). GUI thread.
#pragma once

#include "core/io/document_file.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace ferroscope::ui {

class Autosave : public QObject {
    Q_OBJECT
public:
    struct Recovery {
        QString file;           // the recovery document
        QString originalPath;   // the document's own file, "" if untitled
        QString title;
        QDateTime saved;
    };

    /// `snapshot` gives the document to write; `modified` says whether there is unsaved work.
    Autosave(std::function<core::DocumentFile()> snapshot, std::function<bool()> modified,
             QObject *parent = nullptr);
    ~Autosave() override;   // a clean end: the recovery file goes

    static QString recoveryDir();
    /// Recovery files left by sessions that did not end cleanly, newest first.
    static QList<Recovery> orphans();
    /// Deletes a recovery file (after it was recovered or declined).
    static void discard(const Recovery &recovery);

    void setIntervalMs(int ms) { m_timer.setInterval(ms); }
    int intervalMs() const { return m_timer.interval(); }
    /// The document's own path (stored with the recovery file so it can reopen under its name).
    void setOriginalPath(const QString &path) { m_originalPath = path; }
    /// Writes the recovery file now if there is unsaved work; removes it if there is none.
    bool saveNow();
    QString recoveryPath() const { return m_file; }

signals:
    void saved(const QString &recoveryFile);
    void failed(const QString &message);

private:
    void removeFiles();

    std::function<core::DocumentFile()> m_snapshot;
    std::function<bool()> m_modified;
    QTimer m_timer;
    QString m_file, m_meta, m_originalPath;
    std::unique_ptr<QLockFile> m_lock;
};

}  // namespace ferroscope::ui
