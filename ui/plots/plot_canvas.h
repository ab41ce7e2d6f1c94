// PlotCanvas: the QCustomPlot behind TrajectoryPanel and the exports. It lays a list of PanelSpecs
// out as a grid of axis rects in ONE QCustomPlot (one widget, one paint buffer), keeps one graph
// per (panel series × run) plus baseline graphs, updates them in place on each live result, and
// paints itself onto any device for export. Kept apart from TrajectoryPanel so that only
// plot_canvas*.cpp include qcustomplot.h. Owned by TrajectoryPanel, or created per export (and
// then never shown); GUI thread only.
#pragma once

#include "core/sim/run_result.h"
#include "ui/plots/plot_spec.h"
#include "ui/plots/plot_style.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPLayoutGrid;
class QCPLegend;
class QCPMarginGroup;
class QPaintDevice;
class QPainter;
class QPen;
class QTimer;
class QWidget;

namespace ferroscope::ui {

class PlotCanvas : public QObject {
    Q_OBJECT
public:
    /// The plot widget is created as a child of `parent`; without a parent the canvas owns it.
    explicit PlotCanvas(const PlotStyle &style, QWidget *parent = nullptr);
    ~PlotCanvas() override;

    QCustomPlot *plot() const { return m_plot; }
    QWidget *widget() const;
    const PlotStyle &style() const { return m_style; }

    /// Panels to show, in order. Rebuilds the graphs.
    void setPanels(const std::vector<PanelSpec> &panels);
    const std::vector<PanelSpec> &panels() const { return m_specs; }
    /// Curves of a result (1 run, or 2 = compare) and an optional baseline. Fast path (data copied
    /// in place, no allocation) when the shape (ids, runs, baseline) is unchanged.
    void setData(core::RunResultPtr result, core::RunResultPtr baseline, const QString &baselineName);
    /// Grid columns, legend wrapping and read-out wrapping for this size (px).
    void arrange(QSize size);
    int columnsFor(int width) const;
    int rowsFor(int width) const;
    /// Full replot at the next event-loop turn.
    void replotQueued();
    /// Live canvas (TrajectoryPanel): hover read-out, queued replots after setData() (only the
    /// curve layer when axes are unchanged), thin draft lines while results stream in.
    void setInteractive(bool on);
    bool isDraft() const;
    void setHoverEnabled(bool on);
    void hideCursor();

    /// Paints at `size` logical px onto a fresh device (QImage, QSvgGenerator, QPdfWriter), scaled
    /// by `scale` (2 = a 2× PNG). `vector` = PDF/SVG (no pixel caching, non-cosmetic pens).
    bool paintDevice(QPaintDevice *device, QSize size, double scale, bool vector);
    /// Paints into `target` of an active painter (recorded as vector commands, then replayed).
    void paint(QPainter *painter, const QRectF &target);

    // read-outs and test hooks
    QCPAxisRect *axisRectFor(const QString &title) const;
    int graphCount(const QString &title) const;        // data graphs (no legend key entries)
    int pointCount(const QString &title, int graph) const;
    QString noteText(const QString &title) const;      // compare read-out ("" in single mode)
    QString readoutAt(const QString &title, double hours) const;   // hover text (plain)
    bool yRange(const QString &title, double *lower, double *upper) const;
    QString legendText(const QString &title) const;    // legend entries joined by "\n"

signals:
    void replotted();   // the curves of the latest setData() are drawn (full or curve layer)

private:
    struct Panel;
    struct Shape;
    void rebuild();
    void clearAll();
    void buildPanel(Panel &panel, int index);
    void setupAxes(Panel &panel);
    void buildCursor(Panel &panel);
    void buildCurves(Panel &panel);
    void addCurves(Panel &panel, const core::RunResult &result, int run, bool baseline);
    QPen curvePen(int series, bool baseline, bool csc) const;
    void fillCurves(Panel &panel);
    void rescale(Panel &panel);
    void updateNote(Panel &panel);
    void placeCells(int columns);
    void alignPanels(int columns);
    int panelWidth() const;
    void setTickCounts();
    bool wrapNote(Panel &panel, int width);
    void requestReplot();
    void replotNow();
    void enterDraft();
    void applyPens();
    void wrapLegend(QCPLegend *legend, int width, bool column);
    void styleLegend(QCPLegend *legend) const;
    void buildKeys(QCPLegend *legend, QCPAxisRect *rect);
    void onMouseMove(const QPointF &pos, const QPoint &globalPos);
    bool eventFilter(QObject *watched, QEvent *event) override;
    Panel *panelAt(const QPointF &pos) const;
    const Panel *panelFor(const QString &title) const;

    PlotStyle m_style;
    QCustomPlot *m_plot = nullptr;
    std::vector<PanelSpec> m_specs;
    std::vector<std::unique_ptr<Panel>> m_panels;
    std::unique_ptr<Shape> m_shape;
    core::RunResultPtr m_result, m_baseline;
    QString m_baselineName;
    QCPLayoutGrid *m_grid = nullptr;       // the panels (below the shared key, if any)
    QCPLegend *m_sharedKeys = nullptr;     // slides: one line-style key for all panels
    std::vector<QCPMarginGroup *> m_groups;   // one per column: aligned y axes
    int m_columns = 0;
    QSize m_size;
    bool m_hover = false;
    bool m_interactive = false;
    bool m_replotQueued = false;
    bool m_layoutDirty = true;
    bool m_draft = false;
    QTimer *m_settle = nullptr;
    QElapsedTimer m_sinceData;
    Panel *m_hoverPanel = nullptr;
};

}  // namespace ferroscope::ui
