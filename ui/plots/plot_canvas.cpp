// PlotCanvas, part 1: building the panels (layout grid, axes, legends, graphs), arranging them
// for a size, and painting. Part 2 (plot_canvas_live.cpp): data updates, replots, hover.
#include "ui/plots/plot_canvas.h"

#include "ui/plots/plot_canvas_p.h"
#include "ui/style/palette.h"

#include <QFontMetrics>
#include <QPicture>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {
namespace {

void styleAxis(QCPAxis *axis, const PlotStyle &style)
{
    const QPen pen(kAxisColour, style.pixelFonts ? style.px(1.0) : 1.0);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelFont(style.font(style.tickPt));
    axis->setLabelFont(style.font(style.labelPt));
    axis->setTickLabelColor(kInk);
    axis->setLabelColor(kInk);
    axis->setTickLength(0, style.px(4));
    axis->setSubTickLength(0, style.px(2));
    axis->setTickLabelPadding(style.px(3));
    axis->setLabelPadding(style.px(3));
    axis->grid()->setPen(QPen(kGrid, 1));
    axis->grid()->setSubGridPen(QPen(kSubGrid, 1));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

}  // namespace

// ---------------------------------------------------------------- construction

PlotCanvas::PlotCanvas(const PlotStyle &style, QWidget *parent)
    : m_style(style), m_plot(new QCustomPlot(parent))
{
    m_plot->setBackground(Qt::white);
    m_plot->setFont(style.font(style.tickPt));
    m_plot->plotLayout()->clear();   // drop the default axis rect and legend
    // Each panel has its own legend; QCustomPlot would make the first one "the" legend and add
    // every graph to it.
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->plotLayout()->setRowSpacing(style.px(6));
    m_plot->plotLayout()->setMargins(QMargins(style.px(6), style.px(4), style.px(6), style.px(4)));
    m_plot->setPlottingHint(QCP::phCacheLabels, true);
    m_plot->addLayer(QString::fromLatin1(kCurveLayer), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->layer(QString::fromLatin1(kCurveLayer))->setMode(QCPLayer::lmBuffered);
    m_plot->addLayer(QString::fromLatin1(kCursorLayer), m_plot->layer(QStringLiteral("overlay")), QCustomPlot::limBelow);
    m_plot->layer(QString::fromLatin1(kCursorLayer))->setMode(QCPLayer::lmBuffered);
    m_plot->installEventFilter(this);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { m_layoutDirty = false; });
    m_shape = std::make_unique<Shape>();
}

PlotCanvas::~PlotCanvas()
{
    if (m_plot && !m_plot->parent()) delete m_plot;   // parentless canvases (exports) own their plot
}

QWidget *PlotCanvas::widget() const
{
    return m_plot;
}

void PlotCanvas::setPanels(const std::vector<PanelSpec> &panels)
{
    m_specs = panels;
    rebuild();
}

void PlotCanvas::clearAll()
{
    for (auto &p : m_panels) {
        if (p->legend) p->legend->clearItems();
        if (p->keys) p->keys->clearItems();
    }
    if (m_sharedKeys) m_sharedKeys->clearItems();
    m_plot->clearItems();
    m_plot->clearPlottables();
    m_plot->plotLayout()->clear();
    m_sharedKeys = nullptr;
    m_grid = nullptr;
    m_panels.clear();
    m_hoverPanel = nullptr;
    m_columns = 0;
}

void PlotCanvas::rebuild()
{
    clearAll();
    *m_shape = Shape::of(m_result.get(), m_baseline.get(), m_baselineName);
    QCPLayoutGrid *root = m_plot->plotLayout();
    m_grid = new QCPLayoutGrid;
    const bool keyed = (m_result && m_result->runs.size() >= 2) || m_baseline;
    if (m_style.sharedKeys && keyed) {   // slides: one line-style key above all panels
        m_sharedKeys = new QCPLegend;
        auto *keyRow = new QCPLayoutGrid;   // key on the left, empty stretch to its right
        root->addElement(0, 0, keyRow);
        root->addElement(1, 0, m_grid);
        root->setRowStretchFactor(0, 0.001);
        keyRow->addElement(0, 0, m_sharedKeys);
        keyRow->addElement(0, 1, new QCPLayoutElement(m_plot));
        keyRow->setColumnStretchFactor(0, 0.001);
        styleLegend(m_sharedKeys);
    } else {
        root->addElement(0, 0, m_grid);
    }
    m_grid->setRowSpacing(m_style.px(10));
    m_grid->setColumnSpacing(m_style.px(14));
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        auto panel = std::make_unique<Panel>();
        panel->spec = m_specs[i];
        buildPanel(*panel, int(i));
        buildCurves(*panel);
        if (panel->legend->itemCount() == 0) {   // none of its ids recorded: no empty legend (width cap)
            panel->legendBox->remove(panel->legend);
            panel->legend = nullptr;
        }
        if (!m_style.sharedKeys) buildKeys(panel->keys, panel->rect);
        else if (i == 0) buildKeys(m_sharedKeys, panel->rect);
        fillCurves(*panel);
        rescale(*panel);
        updateNote(*panel);
        m_panels.push_back(std::move(panel));
    }
    if (m_size.isValid()) arrange(m_size);
    else placeCells(1);
    m_layoutDirty = true;
    applyPens();
    requestReplot();
}

void PlotCanvas::styleLegend(QCPLegend *legend) const
{
    legend->setLayer(QStringLiteral("legend"));
    legend->setFont(m_style.font(m_style.legendPt));
    legend->setTextColor(kInk);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    // Icon as tall as the text: QCustomPlot top-aligns icon and text, and centres the line sample.
    const int iconH = int(std::lround(m_style.textPx(m_style.legendPt) * 1.15));
    legend->setIconSize(std::max(m_style.px(30), int(iconH * 2.2)), iconH);
    legend->setIconTextPadding(m_style.px(5));
    legend->setRowSpacing(0);
    legend->setColumnSpacing(m_style.px(10));
    legend->setMargins(QMargins(m_style.px(4), m_style.px(1), m_style.px(4), m_style.px(1)));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
}

void PlotCanvas::buildPanel(Panel &p, int index)
{
    p.cell = new QCPLayoutGrid;
    m_grid->addElement(index, 0, p.cell);
    p.cell->setRowSpacing(0);
    p.title = new QCPTextElement(m_plot, p.spec.title, m_style.font(m_style.titlePt, true));
    p.title->setTextColor(kInk);
    p.title->setMargins(QMargins(0, m_style.px(2), 0, m_style.px(1)));
    p.cell->addElement(0, 0, p.title);
    int row = 1;
    const bool compare = m_result && m_result->runs.size() >= 2;
    if (compare) {
        p.note = new QCPTextElement(m_plot, QString(), m_style.font(m_style.notePt));
        p.note->setTextColor(QColor(0x44, 0x44, 0x44));
        p.note->setLayer(QString::fromLatin1(kCurveLayer));   // changes with every result
        p.note->setMargins(QMargins(0, 0, 0, m_style.px(2)));
        p.cell->addElement(row++, 0, p.note);
    }
    p.rect = new QCPAxisRect(m_plot);
    p.legend = new QCPLegend;
    p.legendBox = new QCPLayoutGrid;   // legend on top, empty stretch below: rows stay packed
    if (m_style.legendRight) {
        auto *body = new QCPLayoutGrid;
        p.cell->addElement(row, 0, body);
        body->addElement(0, 0, p.rect);
        body->addElement(0, 1, p.legendBox);
        body->setColumnStretchFactor(1, 0.001);
        body->setColumnSpacing(m_style.px(8));
    } else {
        p.cell->addElement(row, 0, p.rect);
        p.cell->addElement(row + 1, 0, p.legendBox);
    }
    p.legendBox->setRowSpacing(0);
    p.legendBox->addElement(0, 0, p.legend);
    int spacerRow = 1;
    // An empty legend would cap the panel's width at its own (QCustomPlot takes the smallest
    // maximum width of a column): only make the key legend when there are line styles to explain.
    const bool keyed = (m_result && m_result->runs.size() >= 2) || m_baseline;
    if (!m_style.sharedKeys && keyed) {
        p.keys = new QCPLegend;
        p.legendBox->addElement(1, 0, p.keys);
        p.legendBox->setRowStretchFactor(1, 0.001);
        spacerRow = 2;
    }
    p.legendBox->addElement(spacerRow, 0, new QCPLayoutElement(m_plot));
    p.legendBox->setRowStretchFactor(0, 0.001);
    for (int r = 0; r < p.cell->rowCount(); ++r) p.cell->setRowStretchFactor(r, r == row ? 1 : 0.001);
    styleLegend(p.legend);
    if (p.keys) styleLegend(p.keys);
    setupAxes(p);
    buildCursor(p);
}

void PlotCanvas::setupAxes(Panel &p)
{
    p.rect->setMinimumMargins(QMargins(m_style.px(4), m_style.px(8), m_style.px(14), m_style.px(2)));
    p.rect->axis(QCPAxis::atTop)->setVisible(false);
    p.rect->axis(QCPAxis::atRight)->setVisible(false);
    QCPAxis *x = p.rect->axis(QCPAxis::atBottom);
    QCPAxis *y = p.rect->axis(QCPAxis::atLeft);
    styleAxis(x, m_style);
    styleAxis(y, m_style);
    x->setLabel(QStringLiteral("time (h)"));
    y->setLabel(m_style.compactYLabel && !p.spec.yUnit.isEmpty() ? p.spec.yUnit : p.spec.yLabel);
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    ticker->setTickStep(12);
    x->setTicker(ticker);
    x->setSubTicks(false);
    x->setRange(0, 72);
    if (p.spec.logY) {
        y->setScaleType(QCPAxis::stLogarithmic);
        QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
        logTicker->setLogBase(10);
        logTicker->setSubTickCount(8);
        logTicker->setTickCount(m_style.maxYTicks);   // skips decades on short axes
        y->setTicker(logTicker);
        y->setNumberFormat(QStringLiteral("gb"));
        y->setNumberPrecision(6);
        y->grid()->setSubGridVisible(true);
        y->setRange(0.1, 10);
    } else {
        y->ticker()->setTickCount(m_style.maxYTicks);
        y->setNumberFormat(QStringLiteral("g"));
        y->setNumberPrecision(4);
        y->setRange(0, 1);
    }
}

void PlotCanvas::buildCursor(Panel &p)
{
    QCPAxis *x = p.rect->axis(QCPAxis::atBottom);
    QCPAxis *y = p.rect->axis(QCPAxis::atLeft);
    p.cursor = new QCPItemStraightLine(m_plot);
    p.cursor->setLayer(QString::fromLatin1(kCursorLayer));
    p.cursor->setClipAxisRect(p.rect);
    p.cursor->setPen(QPen(QColor(0x77, 0x77, 0x77), 1, Qt::DashLine));
    for (QCPItemPosition *pos : {p.cursor->point1, p.cursor->point2}) {
        pos->setAxes(x, y);
        pos->setAxisRect(p.rect);
        pos->setTypeX(QCPItemPosition::ptPlotCoords);
        pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    p.cursor->point1->setCoords(0, 0);
    p.cursor->point2->setCoords(0, 1);
    p.cursor->setVisible(false);
}

void PlotCanvas::buildCurves(Panel &p)
{
    if (const core::RunResult *base = m_baseline.get())
        for (int run = 0; run < int(base->runs.size()); ++run) addCurves(p, *base, run, true);   // drawn beneath
    if (const core::RunResult *res = m_result.get())
        for (int run = 0; run < int(res->runs.size()); ++run) addCurves(p, *res, run, false);
}

QPen PlotCanvas::curvePen(int series, bool baseline, bool csc) const
{
    // Colour = series (Okabe–Ito). Dash = series when one run is shown; with a comparison or a
    // baseline, dash = run (non-CSC solid, CSC dash-dot, baseline dashed/dotted and lighter).
    const bool keyed = (m_result && m_result->runs.size() >= 2) || m_baseline;
    QPen pen(palette::colour(series), m_style.lineWidth);
    pen.setCapStyle(Qt::FlatCap);
    if (baseline) {
        pen.setColor(plotmath::towardsWhite(palette::colour(series), 0.45));
        pen.setWidthF(m_style.lineWidth * 0.85);
        pen.setStyle(csc ? Qt::DotLine : Qt::DashLine);
    } else {
        pen.setStyle(keyed ? palette::phenotypeStyle(csc) : palette::dash(series));
    }
    return pen;
}

void PlotCanvas::addCurves(Panel &p, const core::RunResult &r, int run, bool baseline)
{
    const core::PhenotypeRun &data = r.runs[std::size_t(run)];
    const bool compare = r.runs.size() >= 2;
    const bool csc = compare && plotmath::isCsc(data.phenotype);
    for (std::size_t s = 0; s < p.spec.series.size(); ++s) {
        const SeriesSpec &ser = p.spec.series[s];
        const int column = r.indexOf(ser.id.toStdString());
        if (column < 0 || std::size_t(column) >= data.series.size()) continue;
        const QPen pen = curvePen(int(s), baseline, csc);
        QCPGraph *g = m_plot->addGraph(p.rect->axis(QCPAxis::atBottom), p.rect->axis(QCPAxis::atLeft));
        g->setLayer(QString::fromLatin1(kCurveLayer));
        g->setPen(pen);
        g->setAntialiased(true);
        QString name = m_style.shortNames ? ser.shortName : ser.name;
        if (baseline) name += QStringLiteral(" — %1 (baseline)").arg(m_baselineName) + (csc ? QStringLiteral(" CSC") : QString());
        else if (compare && run > 0) name += QStringLiteral(" (%1)").arg(plotmath::phenotypeLabel(data.phenotype));
        g->setName(name);
        if (!baseline && run == 0) g->addToLegend(p.legend);   // run styles are in the key legend
        auto *tracer = new QCPItemTracer(m_plot);
        tracer->setLayer(QString::fromLatin1(kCursorLayer));
        tracer->setClipAxisRect(p.rect);
        tracer->setInterpolating(true);   // graph attached on hover, once it has data
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(m_style.px(7));
        tracer->setPen(QPen(pen.color(), 1.5));
        tracer->setBrush(Qt::white);
        tracer->setVisible(false);
        p.curves.push_back({g, tracer, pen, int(s), column, run, baseline});
    }
}

void PlotCanvas::buildKeys(QCPLegend *legend, QCPAxisRect *rect)
{
    // Empty graphs whose legend entries explain the line styles (colour = series, dash = run).
    const core::RunResult *res = m_result.get();
    const core::RunResult *base = m_baseline.get();
    if (!legend || !rect) return;
    auto key = [&](const QString &name, Qt::PenStyle style, const QColor &colour) {
        QCPGraph *g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        QPen pen(colour, m_style.lineWidth, style);
        pen.setCapStyle(Qt::FlatCap);
        g->setPen(pen);
        g->setName(name);
        g->addToLegend(legend);
    };
    if (res && res->runs.size() >= 2) {
        key(plotmath::phenotypeLabel(res->runs[0].phenotype), palette::phenotypeStyle(false), kKeyColour);
        key(plotmath::phenotypeLabel(res->runs[1].phenotype), palette::phenotypeStyle(true), kKeyColour);
    }
    if (base) {
        const QColor light = plotmath::towardsWhite(kKeyColour, 0.45);
        key(QStringLiteral("%1 (baseline)").arg(m_baselineName), Qt::DashLine, light);
        if (base->runs.size() >= 2) key(QStringLiteral("%1 (baseline, CSC)").arg(m_baselineName), Qt::DotLine, light);
    }
}

// ---------------------------------------------------------------- layout

int PlotCanvas::columnsFor(int width) const
{
    const int n = std::max<int>(1, int(m_panels.size()));
    int cols = std::clamp(width / std::max(1, m_style.minPanelWidth), 1, std::min(m_style.maxColumns, n));
    const int rows = (n + cols - 1) / cols;
    return (n + rows - 1) / rows;   // same rows, fewer empty cells
}

int PlotCanvas::rowsFor(int width) const
{
    const int n = std::max<int>(1, int(m_panels.size()));
    const int cols = columnsFor(width);
    return (n + cols - 1) / cols;
}

void PlotCanvas::placeCells(int columns)
{
    QCPLayoutGrid *grid = m_grid;
    for (auto &p : m_panels) grid->take(p->cell);
    grid->simplify();
    while (int(m_groups.size()) < columns) m_groups.push_back(new QCPMarginGroup(m_plot));
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        Panel &p = *m_panels[i];
        grid->addElement(int(i) / columns, int(i) % columns, p.cell);
        p.rect->setMarginGroup(QCP::msLeft | QCP::msRight, m_groups[i % std::size_t(columns)]);
    }
    m_columns = columns;
}

void PlotCanvas::wrapLegend(QCPLegend *legend, int width, bool column)
{
    if (!legend) return;
    if (column) {
        legend->setWrap(0);
        legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
        return;
    }
    std::vector<int> widths;   // item i goes to column i % n: the widest n that fits
    for (int i = 0; i < legend->itemCount(); ++i)   // itemCount() includes empty cells
        if (QCPLayoutElement *item = legend->item(i)) widths.push_back(item->minimumOuterSizeHint().width());
    const int spacing = legend->columnSpacing();
    const int avail = width - legend->margins().left() - legend->margins().right();
    int columns = 1;
    const int count = int(widths.size());
    for (int n = count; n > 1; --n) {
        std::vector<int> col(std::size_t(n), 0);
        for (std::size_t i = 0; i < widths.size(); ++i) col[i % std::size_t(n)] = std::max(col[i % std::size_t(n)], widths[i]);
        int total = (n - 1) * spacing;
        for (int w : col) total += w;
        if (total <= avail) {
            columns = n;
            break;
        }
    }
    // Same number of rows with fewer columns: balanced rows (2 + 2 rather than 3 + 1).
    const int rows = (count + columns - 1) / std::max(1, columns);
    while (columns > 1 && (count + columns - 2) / (columns - 1) == rows) --columns;
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

int PlotCanvas::panelWidth() const
{
    const int cols = std::max(1, m_columns);
    const QMargins m = m_plot->plotLayout()->margins();
    const int spacing = m_grid->columnSpacing();
    return (m_size.width() - m.left() - m.right() - (cols - 1) * spacing) / cols;
}

bool PlotCanvas::wrapNote(Panel &p, int width)
{
    if (!p.note) return false;
    const QFontMetrics fm(p.note->font());
    const int avail = width - m_style.px(8);
    QStringList lines{p.notePrefix};
    for (const QString &item : p.noteItems) {
        const QString sep = lines.back() == p.notePrefix ? QStringLiteral(" ") : QStringLiteral(" · ");
        if (fm.horizontalAdvance(lines.back() + sep + item) <= avail) lines.back() += sep + item;
        else lines << item;
    }
    const int maxLines = std::max(1, m_style.noteLines);
    if (lines.size() > maxLines) {
        lines = lines.mid(0, maxLines);
        lines.back() = fm.elidedText(lines.back() + QStringLiteral(" · …"), Qt::ElideRight, avail);
    }
    for (QString &line : lines) line = fm.elidedText(line, Qt::ElideRight, avail);
    const QString text = lines.join(QLatin1Char('\n'));
    const bool moreLines = text.count(QLatin1Char('\n')) != p.note->text().count(QLatin1Char('\n'));
    p.note->setText(text);
    return moreLines;   // the layout must change
}

void PlotCanvas::arrange(QSize size)
{
    if (!size.isValid() || size.isEmpty()) return;
    m_size = size;
    m_layoutDirty = true;
    const int cols = columnsFor(size.width());
    if (cols != m_columns) placeCells(cols);
    const int width = panelWidth();
    for (auto &p : m_panels) {
        wrapLegend(p->legend, width, m_style.legendRight);
        wrapLegend(p->keys, width, m_style.legendRight);
        wrapNote(*p, width);
    }
    wrapLegend(m_sharedKeys, size.width(), false);
    setTickCounts();
    alignPanels(cols);
}

void PlotCanvas::alignPanels(int cols)
{
    // Equal legend and read-out heights along a row (legend widths along a column when the
    // legends are beside the axes), so that the axes of a row or column line up.
    const int rows = (int(m_panels.size()) + cols - 1) / cols;
    std::vector<int> legendW(std::size_t(cols), 0);   // legends beside the axes: equal per column
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        m_panels[i]->legendBox->setMinimumSize(0, 0);
        const int w = static_cast<QCPLayoutElement *>(m_panels[i]->legendBox)->minimumOuterSizeHint().width();
        legendW[i % std::size_t(cols)] = std::max(legendW[i % std::size_t(cols)], w);
    }
    for (int r = 0; r < rows; ++r) {
        int legendH = 0, noteH = 0;
        for (int c = 0; c < cols; ++c) {
            const std::size_t i = std::size_t(r * cols + c);
            if (i >= m_panels.size()) break;
            Panel &p = *m_panels[i];
            p.legendBox->setMinimumSize(0, 0);
            legendH = std::max(legendH, static_cast<QCPLayoutElement *>(p.legendBox)->minimumOuterSizeHint().height());
            if (p.note) {
                p.note->setMinimumSize(0, 0);
                noteH = std::max(noteH, static_cast<QCPLayoutElement *>(p.note)->minimumOuterSizeHint().height());
            }
        }
        for (int c = 0; c < cols; ++c) {
            const std::size_t i = std::size_t(r * cols + c);
            if (i >= m_panels.size()) break;
            Panel &p = *m_panels[i];
            if (!m_style.legendRight) p.legendBox->setMinimumSize(0, legendH);
            else p.legendBox->setMinimumSize(legendW[std::size_t(c)], 0);
            if (p.note) p.note->setMinimumSize(1, noteH);
        }
    }
}

void PlotCanvas::setTickCounts()
{
    // Tick labels one and a half lines apart at most: estimate each axis height from the panel
    // height minus title, read-out and time axis (all in units of the text height).
    const int rows = std::max(1, (int(m_panels.size()) + std::max(1, m_columns) - 1) / std::max(1, m_columns));
    const double text = m_style.textPx(m_style.tickPt);
    const double keys = m_sharedKeys ? 1.4 * text : 0;
    for (auto &p : m_panels) {
        double panelH = (m_size.height() - keys) / rows;
        double overhead = 1.5 * text + (p->note ? 1.4 * text * m_style.noteLines : 0) + 3.2 * text;
        if (!m_style.legendRight) overhead += static_cast<QCPLayoutElement *>(p->legendBox)->minimumOuterSizeHint().height();
        const double axisH = panelH - overhead;
        const int ticks = std::clamp(int(axisH / (2.4 * text)), 2, m_style.maxYTicks);
        p->rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(ticks);
    }
}

// ---------------------------------------------------------------- painting

bool PlotCanvas::paintDevice(QPaintDevice *device, QSize size, double scale, bool vector)
{
    if (!size.isValid() || size.isEmpty()) return false;
    const QSize previous = m_size;
    hideCursor();
    arrange(size);
    const QCP::AntialiasedElements aa = m_plot->antialiasedElements();
    m_plot->setAntialiasedElements(QCP::aeAll);
    QCPPainter painter;
    bool ok = painter.begin(device);
    if (ok) {
        painter.setFont(m_style.font(m_style.tickPt));   // SVG groups carry the painter's font
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmVectorized, vector);
        if (scale != 1.0 || vector) painter.setMode(QCPPainter::pmNonCosmetic);
        if (scale != 1.0) painter.scale(scale, scale);
        m_plot->toPainter(&painter, size.width(), size.height());
        ok = painter.end();
    }
    m_plot->setAntialiasedElements(aa);
    if (previous.isValid() && previous != size) {
        arrange(previous);
        replotQueued();
    }
    return ok;
}

void PlotCanvas::paint(QPainter *painter, const QRectF &target)
{
    QPicture picture;   // QCustomPlot draws with a QCPPainter; record it, replay on `painter`
    if (!paintDevice(&picture, target.size().toSize(), 1.0, true)) return;
    painter->save();
    painter->translate(target.topLeft());
    painter->drawPicture(QPointF(0, 0), picture);
    painter->restore();
}

}  // namespace ferroscope::ui
