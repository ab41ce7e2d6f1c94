#include "ui/panels/evidence_panel.h"

#include "core/model/project.h"
#include "ui/evidence/evidence_card.h"

#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ferroscope::ui {

EvidencePanel::EvidencePanel(const core::Project &project, QWidget *parent)
    : QWidget(parent), m_project(project), m_browser(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_browser->setOpenExternalLinks(true);
    m_browser->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_browser);
    showWelcome();
}

void EvidencePanel::showEvidence(const QString &id)
{
    const QString html = evidenceHtml(m_project, id);
    if (html.isEmpty()) return;
    m_id = id;
    // The card is laid out at a fixed tooltip width; in the dock it follows the dock's width.
    static const QRegularExpression fixedWidth(QStringLiteral("^<html><table width='\\d+'"));
    QString fitted = html;
    fitted.replace(fixedWidth, QStringLiteral("<html><table width='100%'"));
    m_browser->setHtml(fitted);
}

void EvidencePanel::showWelcome()
{
    m_id.clear();
    m_browser->setHtml(tr(
        "<p><b><span style='font-size:12pt'>Evidence</span></b></p>"
        "<p>Click any glyph of the diagram, or the name of a target or drug in the interventions "
        "panel, to see why it is in the model: a plain-language explanation, the references of "
        "the seed review (Wang et al. 2022) and the figure panel it comes from.</p>"
        "<p><b>Try it:</b></p><ul>"
        "<li>Click the <b>GPX4</b> glyph to cycle normal → knock-down → knockout → overexpressed "
        "(right-click shows its card).</li>"
        "<li>Drag the <b>erastin</b> dose slider: the curves follow while you drag.</li>"
        "<li>Switch on <b>Compare CSC vs non-CSC</b> (Ctrl+K) to run both cell types.</li>"
        "<li><b>Pin</b> a snapshot (Ctrl+B) to keep it as a dashed baseline.</li></ul>"
        "<p style='color:#555555'>Model %1.</p>")
                           .arg(QString::fromStdString(m_project.modelVersion).toHtmlEscaped()));
}

QString EvidencePanel::html() const { return m_browser->toHtml(); }

}  // namespace ferroscope::ui
