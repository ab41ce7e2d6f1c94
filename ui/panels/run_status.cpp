#include "ui/panels/run_status.h"

#include "ui/style/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QTimer>

namespace ferroscope::ui {

/// A label that elides its text to the width it gets (the full text stays in the tooltip).
class ElidedLabel : public QLabel {
public:
    using QLabel::QLabel;
    void setFullText(const QString &text)
    {
        m_full = text;
        setToolTip(text);
        elide();
    }
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override { return {40, QLabel::minimumSizeHint().height()}; }
    QSize sizeHint() const override
    {
        return {fontMetrics().horizontalAdvance(m_full) + 8, QLabel::sizeHint().height()};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        elide();
    }

private:
    void elide() { setText(fontMetrics().elidedText(m_full, Qt::ElideRight, std::max(0, width() - 2))); }
    QString m_full;
};

RunStatus::RunStatus(QWidget *parent)
    : QWidget(parent), m_summary(new ElidedLabel(this)), m_busy(new QLabel(this)), m_run(new QLabel(this)),
      m_stale(new ElidedLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(14);
    layout->addWidget(m_summary, 3);
    layout->addWidget(m_stale, 2);
    layout->addWidget(m_busy);
    layout->addWidget(m_run);
    m_stale->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(palette::colour(1).name()));
    m_stale->hide();
    m_busy->setText(tr("simulating…"));
    m_busy->setMinimumWidth(m_busy->sizeHint().width());
    m_busy->setText({});
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(250);
    connect(m_busyDelay, &QTimer::timeout, this, [this] { m_busy->setText(tr("simulating…")); });
    m_run->setToolTip(tr("Solver time of the last live run (both phenotypes in compare mode), "
                         "and the time from the change to the redrawn curves."));
}

void RunStatus::setSummary(const QString &summary) { m_summary->setFullText(summary); }

void RunStatus::setBusy(bool busy)
{
    if (busy) {
        if (!m_busyDelay->isActive() && m_busy->text().isEmpty()) m_busyDelay->start();
        return;
    }
    m_busyDelay->stop();
    m_busy->setText({});
}

void RunStatus::showRun(double workerMs, double roundTripMs)
{
    m_run->setText(tr("run %1 ms · shown in %2 ms")
                       .arg(QString::number(workerMs, 'f', 1), QString::number(roundTripMs, 'f', 1)));
}

void RunStatus::showStale(const QString &message)
{
    m_stale->setFullText(tr("stale: %1").arg(message.simplified()));
    m_stale->show();
}

void RunStatus::clearStale()
{
    m_stale->setFullText({});
    m_stale->hide();
}

QString RunStatus::summary() const { return m_summary->fullText(); }
QString RunStatus::runText() const { return m_run->text(); }
QString RunStatus::staleText() const { return m_stale->fullText(); }

QString RunStatus::text() const
{
    QStringList parts{summary()};
    if (!staleText().isEmpty()) parts << staleText();
    if (!m_busy->text().isEmpty()) parts << m_busy->text();
    if (!runText().isEmpty()) parts << runText();
    return parts.join(QStringLiteral(" | "));
}

}  // namespace ferroscope::ui
