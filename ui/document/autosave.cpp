#include "ui/document/autosave.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace ferroscope::ui {

namespace {
constexpr int kIntervalMs = 60 * 1000;   // issue #5: every minute
const char *kSuffix = ".ferroscope";
}  // namespace

QString Autosave::recoveryDir()
{
    const QString env = qEnvironmentVariable("FERROSCOPE_RECOVERY_DIR");
    const QString dir = !env.isEmpty() ? env
                                       : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                                             QStringLiteral("/recovery");
    QDir().mkpath(dir);
    return dir;
}

Autosave::Autosave(std::function<core::DocumentFile()> snapshot, std::function<bool()> modified, QObject *parent)
    : QObject(parent), m_snapshot(std::move(snapshot)), m_modified(std::move(modified))
{
    const QString base = recoveryDir() + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_file = base + QLatin1String(kSuffix);
    m_meta = base + QStringLiteral(".json");
    m_lock = std::make_unique<QLockFile>(base + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);   // only a dead owner makes a lock stale, never its age
    m_lock->tryLock(0);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
}

Autosave::~Autosave()
{
    removeFiles();
    m_lock->unlock();
}

bool Autosave::saveNow()
{
    if (!m_modified()) {
        removeFiles();   // nothing unsaved: nothing to recover
        return true;
    }
    const core::DocumentFile doc = m_snapshot();
    auto written = core::writeDocumentFile(doc, m_file);   // atomic: a kill leaves the previous copy
    if (!written) {
        emit failed(tr("Autosave failed: %1").arg(QString::fromStdString(written.errorText())));
        return false;
    }
    QSaveFile meta(m_meta);
    if (meta.open(QIODevice::WriteOnly)) {
        const QJsonObject o{{"originalPath", m_originalPath},
                            {"title", QString::fromStdString(doc.project.title)},
                            {"saved", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        meta.write(QJsonDocument(o).toJson());
        meta.commit();
    }
    emit saved(m_file);
    return true;
}

void Autosave::removeFiles()
{
    QFile::remove(m_file);
    QFile::remove(m_meta);
}

QList<Autosave::Recovery> Autosave::orphans()
{
    QList<Recovery> out;
    const QDir dir(recoveryDir());
    for (const QString &name : dir.entryList({QStringLiteral("*") + QLatin1String(kSuffix)}, QDir::Files)) {
        const QString base = dir.filePath(name.chopped(int(qstrlen(kSuffix))));
        QLockFile lock(base + QStringLiteral(".lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0)) continue;   // its session is still running
        lock.unlock();
        Recovery r;
        r.file = dir.filePath(name);
        QFile meta(base + QStringLiteral(".json"));
        if (meta.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
            r.originalPath = o.value("originalPath").toString();
            r.title = o.value("title").toString();
            r.saved = QDateTime::fromString(o.value("saved").toString(), Qt::ISODate);
        }
        if (!r.saved.isValid()) r.saved = QFileInfo(r.file).lastModified();
        out << r;
    }
    std::sort(out.begin(), out.end(), [](const Recovery &a, const Recovery &b) { return a.saved > b.saved; });
    return out;
}

void Autosave::discard(const Recovery &recovery)
{
    const QString base = recovery.file.chopped(int(qstrlen(kSuffix)));
    QFile::remove(recovery.file);
    QFile::remove(base + QStringLiteral(".json"));
    QFile::remove(base + QStringLiteral(".lock"));
}

}  // namespace ferroscope::ui
