// TrajectoryPanel: the explorer's live trajectory plots (issue #4 §4, §5, §7). A scrollable grid
// of panels (MODEL.md §7 by default, user-choosable) in one QCustomPlot: units on every axis,
// legends, Okabe–Ito colours with dash patterns, a hover cursor with a value read-out; compare
// mode overlays non-CSC (solid) and CSC (dash-dot) with a CSC/non-CSC read-out per panel; a pinned
// baseline is drawn dashed and lighter. setResult() is on the live-drag path: it overwrites the
// curves in place and queues one replot. A solver failure keeps the last curves and shows
// "stale: …". Exports (PNG/SVG/PDF/CSV, renderTo for slides) re-draw the panels at the export
// size. Owned by the main window; GUI thread only.
#pragma once

#include "core/model/project.h"
#include "core/sim/run_result.h"
#include "ui/export/export_file.h"
#include "ui/plots/plot_canvas.h"
#include "ui/plots/plot_spec.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QLabel;
class QPainter;
class QScrollArea;

namespace ferroscope::ui {

class TrajectoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrajectoryPanel(const core::Project &project, QWidget *parent = nullptr);
    ~TrajectoryPanel() override;

    // ---- which panels
    void setPanels(const std::vector<PanelSpec> &panels);   // all panels, shown or not
    std::vector<PanelSpec> panels() const;
    void setVisiblePanels(const QStringList &titles);       // empty = all; unknown titles ignored
    QStringList visiblePanels() const;                      // titles shown, in order
    std::vector<PanelSpec> shownPanels() const;
    /// Appends PanelSpec::custom(project, ids, title) and shows it.
    void addCustomPanel(const QStringList &ids, const QString &title = {});
    /// The model was edited: names and units are refreshed, custom panels keep their ids, and
    /// species added to the built-in model get an "Added species" panel of their own.
    void setProject(const core::Project &project);
    static QString addedSpeciesTitle();
    /// Species of an edited built-in model that are not the model's own (they get that panel).
    static QStringList addedSpecies(const core::Project &project);

    // ---- data
    void setResult(core::RunResultPtr result);
    core::RunResultPtr result() const { return m_result; }
    void setBaseline(core::RunResultPtr baseline, const QString &name);   // nullptr clears
    core::RunResultPtr baseline() const { return m_baseline; }
    void markStale(const QString &message);
    void clearStale();
    bool isStale() const { return m_stale; }
    QString staleText() const;

    // ---- export (false + lastError() on failure)
    bool exportPng(const QString &path, QSize size = {1920, 1080}, double scale = 2.0);
    bool exportSvg(const QString &path, QSize size = {1920, 1080});
    bool exportPdf(const QString &path, QSize size = {1920, 1080});
    /// All series of the current result: header time,<id>…[,<id>_CSC…]; atomic (QSaveFile).
    bool exportCsv(const QString &path);
    /// The shown panels re-drawn to fill `target` (fonts sized for the target, as exports).
    void renderTo(QPainter *painter, const QRectF &target);
    QString lastError() const { return m_lastError; }

    /// Draws panels for a result without a widget (SlideExporter): a temporary canvas at the
    /// target size in the given style.
    static void renderPanels(QPainter *painter, const QRectF &target, const std::vector<PanelSpec> &panels,
                             const core::RunResultPtr &result, const core::RunResultPtr &baseline,
                             const QString &baselineName, const PlotStyle &style);
    static bool writeCsv(const core::RunResult &result, const QString &path, QString *error);
    /// Graphs a panel list gets for a result (test hook): series present × runs, + baseline.
    static int countSeries(const std::vector<PanelSpec> &panels, const core::RunResult &result,
                           const core::RunResult *baseline = nullptr);

    // ---- test hooks
    const QCustomPlot *plotFor(const QString &title) const;   // nullptr if not shown
    QCPAxisRect *axisRectFor(const QString &title) const;
    const PlotCanvas &canvas() const { return *m_canvas; }

signals:
    /// The curves of the result with this generation are on screen (replot done); the live
    /// benchmark measures change → this signal.
    void curvesReplotted(quint64 generation);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    bool exportImage(const QString &path, ExportFormat format, QSize size, double scale);
    void applyPanels();
    void updateMinimumHeight();
    void updateStaleText();

    core::Project m_project;
    std::vector<PanelSpec> m_specs;
    QStringList m_visible;   // empty = all
    core::RunResultPtr m_result, m_baseline;
    QString m_baselineName;
    bool m_stale = false;
    QString m_staleMessage;
    QString m_lastError;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_staleLabel = nullptr;
    std::unique_ptr<PlotCanvas> m_canvas;
};

}  // namespace ferroscope::ui
