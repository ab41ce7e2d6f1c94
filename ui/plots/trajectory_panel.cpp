#include "ui/plots/trajectory_panel.h"

#include "core/io/project_file.h"

#include "ui/export/export_file.h"
#include "ui/style/palette.h"

#include <QLabel>
#include <QPainter>
#include <QSaveFile>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace ferroscope::ui {

TrajectoryPanel::TrajectoryPanel(const core::Project &project, QWidget *parent)
    : QWidget(parent), m_project(project), m_specs(PanelSpec::defaults(project))
{
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    setPalette(pal);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // A strip above the plots rather than an overlay: it never covers a title or a curve.
    m_staleLabel = new QLabel(this);
    m_staleLabel->setFont(palette::uiFont(9));
    m_staleLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4d6; color: #6b4a00; border-bottom: 1px solid #e0c070; padding: 2px 8px; }"));
    m_staleLabel->hide();
    layout->addWidget(m_staleLabel);
    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_scroll);

    m_canvas = std::make_unique<PlotCanvas>(PlotStyle::screen(), m_scroll);
    m_scroll->setWidget(m_canvas->widget());
    m_canvas->setInteractive(true);
    connect(m_canvas.get(), &PlotCanvas::replotted, this, [this] {
        emit curvesReplotted(m_result ? m_result->generation : 0);
    });

    const QStringList added = addedSpecies(project);
    if (!added.isEmpty()) m_specs.push_back(PanelSpec::custom(project, added, addedSpeciesTitle()));
    applyPanels();
}

TrajectoryPanel::~TrajectoryPanel() = default;

QString TrajectoryPanel::addedSpeciesTitle() { return tr("Added species"); }

QStringList TrajectoryPanel::addedSpecies(const core::Project &project)
{
    // Only the built-in model has panels that leave species out (MODEL.md §7); a foreign model's
    // default panels show all its species, added ones included.
    QStringList out;
    if (!core::isBuiltinModel(project)) return out;
    const core::ModelSpec &builtin = core::builtinProject().model;
    for (const auto &sp : project.model.species)
        if (!builtin.findSpecies(sp.id)) out << QString::fromStdString(sp.id);
    return out;
}

void TrajectoryPanel::setProject(const core::Project &project)
{
    const std::vector<PanelSpec> oldDefaults = PanelSpec::defaults(m_project);
    const QStringList added = addedSpecies(project);
    std::vector<PanelSpec> specs = PanelSpec::defaults(project);
    for (const PanelSpec &p : m_specs) {   // custom panels survive, with refreshed names and units
        const bool isDefault = std::find(oldDefaults.begin(), oldDefaults.end(), p) != oldDefaults.end();
        if (isDefault || p.title == addedSpeciesTitle()) continue;
        specs.push_back(PanelSpec::custom(project, p.ids(), p.title));
    }
    if (!added.isEmpty()) specs.push_back(PanelSpec::custom(project, added, addedSpeciesTitle()));
    m_project = project;
    if (!m_visible.isEmpty() && !added.isEmpty() && !m_visible.contains(addedSpeciesTitle()))
        m_visible << addedSpeciesTitle();
    if (specs == m_specs) return;
    m_specs = std::move(specs);
    applyPanels();
}

// ---------------------------------------------------------------- panels

void TrajectoryPanel::setPanels(const std::vector<PanelSpec> &panels)
{
    m_specs = panels;
    applyPanels();
}

std::vector<PanelSpec> TrajectoryPanel::panels() const
{
    return m_specs;
}

void TrajectoryPanel::setVisiblePanels(const QStringList &titles)
{
    m_visible = titles;
    applyPanels();
}

QStringList TrajectoryPanel::visiblePanels() const
{
    QStringList out;
    for (const PanelSpec &p : shownPanels()) out << p.title;
    return out;
}

std::vector<PanelSpec> TrajectoryPanel::shownPanels() const
{
    if (m_visible.isEmpty()) return m_specs;
    std::vector<PanelSpec> out;
    for (const PanelSpec &p : m_specs)
        if (m_visible.contains(p.title)) out.push_back(p);
    return out;
}

void TrajectoryPanel::addCustomPanel(const QStringList &ids, const QString &title)
{
    m_specs.push_back(PanelSpec::custom(m_project, ids, title));
    if (!m_visible.isEmpty()) m_visible << m_specs.back().title;
    applyPanels();
}

void TrajectoryPanel::applyPanels()
{
    m_canvas->setPanels(shownPanels());
    updateMinimumHeight();
    m_canvas->replotQueued();
}

void TrajectoryPanel::updateMinimumHeight()
{
    // Columns follow the width; below minPanelHeight per row the view scrolls rather than squash.
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int width = std::max(1, m_scroll->width() - scrollBar);
    const PlotStyle &s = m_canvas->style();
    m_canvas->widget()->setMinimumHeight(m_canvas->rowsFor(width) * s.minPanelHeight);
}

void TrajectoryPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateMinimumHeight();
    updateStaleText();
}

// ---------------------------------------------------------------- data

void TrajectoryPanel::setResult(core::RunResultPtr result)
{
    m_result = std::move(result);
    m_canvas->setData(m_result, m_baseline, m_baselineName);   // queues the replot
}

void TrajectoryPanel::setBaseline(core::RunResultPtr baseline, const QString &name)
{
    m_baseline = std::move(baseline);
    m_baselineName = m_baseline ? (name.isEmpty() ? tr("Snapshot") : name) : QString();
    m_canvas->setData(m_result, m_baseline, m_baselineName);
}

void TrajectoryPanel::markStale(const QString &message)
{
    m_stale = true;
    m_staleMessage = message;
    m_staleLabel->setToolTip(tr("The last simulation failed; the curves show the last good result.\n%1").arg(message));
    updateStaleText();
    m_staleLabel->show();
}

void TrajectoryPanel::clearStale()
{
    m_stale = false;
    m_staleMessage.clear();
    m_staleLabel->hide();
}

QString TrajectoryPanel::staleText() const
{
    return m_stale ? tr("stale: %1").arg(m_staleMessage) : QString();
}

void TrajectoryPanel::updateStaleText()
{
    if (!m_stale) return;
    const QFontMetrics fm(m_staleLabel->font());
    m_staleLabel->setText(fm.elidedText(QStringLiteral("⚠ ") + staleText() + tr(" — showing the last good result"),
                                        Qt::ElideRight, std::max(100, width() - 24)));
}

// ---------------------------------------------------------------- export

bool TrajectoryPanel::exportImage(const QString &path, ExportFormat format, QSize size, double scale)
{
    m_lastError.clear();
    if (!size.isValid() || size.isEmpty()) {
        m_lastError = tr("invalid export size %1×%2").arg(size.width()).arg(size.height());
        return false;
    }
    PlotCanvas canvas(PlotStyle::forExport(size));
    canvas.setPanels(shownPanels());
    canvas.setData(m_result, m_baseline, m_baselineName);
    const auto paint = [&](QPaintDevice *device, double s, bool vector) {
        return canvas.paintDevice(device, size, s, vector);
    };
    return writePaintedFile(path, format, size, scale, tr("Ferroscope trajectories"), paint,
                            &m_lastError);
}

bool TrajectoryPanel::exportPng(const QString &path, QSize size, double scale)
{
    return exportImage(path, ExportFormat::Png, size, scale);
}

bool TrajectoryPanel::exportSvg(const QString &path, QSize size)
{
    return exportImage(path, ExportFormat::Svg, size, 1.0);
}

bool TrajectoryPanel::exportPdf(const QString &path, QSize size)
{
    return exportImage(path, ExportFormat::Pdf, size, 1.0);
}

bool TrajectoryPanel::exportCsv(const QString &path)
{
    m_lastError.clear();
    if (!m_result) {
        m_lastError = tr("nothing to export: no simulation result yet");
        return false;
    }
    return writeCsv(*m_result, path, &m_lastError);
}

bool TrajectoryPanel::writeCsv(const core::RunResult &result, const QString &path, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) *error = message;
        return false;
    };
    if (result.runs.empty() || result.runs[0].times.empty()) return fail(tr("the result has no time points"));
    const bool compare = result.runs.size() >= 2;
    QByteArray csv;
    csv += "time";
    for (std::size_t r = 0; r < result.runs.size(); ++r)
        for (const std::string &id : result.ids) {
            csv += ',';
            csv += QByteArray::fromStdString(id);
            if (compare && r > 0) csv += '_' + result.runs[r].phenotype.toUtf8();
        }
    csv += '\n';
    const std::vector<double> &times = result.runs[0].times;
    csv.reserve(qsizetype(times.size() * (result.ids.size() * result.runs.size() + 1) * 14));
    for (std::size_t row = 0; row < times.size(); ++row) {
        csv += QByteArray::number(times[row], 'g', 10);
        for (const core::PhenotypeRun &run : result.runs)
            for (std::size_t k = 0; k < result.ids.size(); ++k) {
                csv += ',';
                const bool have = k < run.series.size() && row < run.series[k].size();
                if (have) csv += QByteArray::number(run.series[k][row], 'g', 10);
            }
        csv += '\n';
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(csv) != csv.size() || !file.commit())
        return fail(tr("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

void TrajectoryPanel::renderTo(QPainter *painter, const QRectF &target)
{
    renderPanels(painter, target, shownPanels(), m_result, m_baseline, m_baselineName,
                 PlotStyle::forExport(target.size().toSize()));
}

void TrajectoryPanel::renderPanels(QPainter *painter, const QRectF &target, const std::vector<PanelSpec> &panels,
                                   const core::RunResultPtr &result, const core::RunResultPtr &baseline,
                                   const QString &baselineName, const PlotStyle &style)
{
    if (!painter || !painter->isActive() || target.isEmpty()) return;
    PlotCanvas canvas(style);
    canvas.setPanels(panels);
    canvas.setData(result, baseline, baselineName);
    canvas.paint(painter, target);
}

int TrajectoryPanel::countSeries(const std::vector<PanelSpec> &panels, const core::RunResult &result,
                                 const core::RunResult *baseline)
{
    int n = 0;
    for (const PanelSpec &p : panels)
        for (const SeriesSpec &s : p.series) {
            if (result.indexOf(s.id.toStdString()) >= 0) n += int(result.runs.size());
            if (baseline && baseline->indexOf(s.id.toStdString()) >= 0) n += int(baseline->runs.size());
        }
    return n;
}

// ---------------------------------------------------------------- test hooks

const QCustomPlot *TrajectoryPanel::plotFor(const QString &title) const
{
    return m_canvas->axisRectFor(title) ? m_canvas->plot() : nullptr;
}

QCPAxisRect *TrajectoryPanel::axisRectFor(const QString &title) const
{
    return m_canvas->axisRectFor(title);
}

}  // namespace ferroscope::ui
