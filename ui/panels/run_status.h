// RunStatus: the main window's status line — the scenario summary (elided, full text as tooltip),
// a "simulating…" indicator, the time of the last live run, and "stale: …" in vermillion when the
// last run failed and the plots still show the last good curves (no modal boxes, STYLE.md §5).
// Owned by the main window's status bar; GUI thread only.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QTimer;

namespace ferroscope::ui {

class ElidedLabel;

class RunStatus : public QWidget {
    Q_OBJECT
public:
    explicit RunStatus(QWidget *parent = nullptr);

    void setSummary(const QString &summary);
    void setBusy(bool busy);
    /// A result was shown: worker time and change -> curves time (ms).
    void showRun(double workerMs, double roundTripMs);
    void showStale(const QString &message);
    void clearStale();

    QString summary() const;
    QString runText() const;
    QString staleText() const;   // "" when not stale
    /// Everything shown, joined by " | " (tests).
    QString text() const;

private:
    ElidedLabel *m_summary = nullptr;
    QLabel *m_busy = nullptr;
    QTimer *m_busyDelay = nullptr;   // only runs longer than a glance show "simulating…"
    QLabel *m_run = nullptr;
    ElidedLabel *m_stale = nullptr;
};

}  // namespace ferroscope::ui
