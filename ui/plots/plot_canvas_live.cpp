// PlotCanvas, part 2: the live path — new results into the existing graphs, jitter-free axis
// ranges, compare read-outs, queued replots of only the curve layer, thin "draft" lines while a
// slider drags, the hover cursor — and the read-outs tests use.
#include "ui/plots/plot_canvas.h"

#include "ui/plots/plot_canvas_p.h"
#include "ui/style/palette.h"

#include <QEvent>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ferroscope::ui {

// ---------------------------------------------------------------- data

void PlotCanvas::setData(core::RunResultPtr result, core::RunResultPtr baseline, const QString &baselineName)
{
    m_result = std::move(result);
    m_baseline = std::move(baseline);
    m_baselineName = baselineName;
    const Shape shape = Shape::of(m_result.get(), m_baseline.get(), m_baselineName);
    if (!(shape == *m_shape)) {
        rebuild();
        return;
    }
    if (m_interactive) enterDraft();
    const int width = m_size.isValid() ? panelWidth() : 0;
    for (auto &p : m_panels) {
        fillCurves(*p);
        rescale(*p);
        updateNote(*p);
        if (width > 0 && wrapNote(*p, width)) arrange(m_size);   // a read-out gained a line
    }
    requestReplot();
}

void PlotCanvas::fillCurves(Panel &p)
{
    const bool log = p.spec.logY;
    for (const Panel::Curve &c : p.curves) {
        const core::RunResult *r = c.baseline ? m_baseline.get() : m_result.get();
        const core::PhenotypeRun &run = r->runs[std::size_t(c.run)];
        const std::vector<double> &t = run.times;
        const std::vector<double> &v = run.series[std::size_t(c.column)];
        const int n = int(std::min(t.size(), v.size()));
        auto value = [log](double y) { return log && !(y > 0) ? std::numeric_limits<double>::quiet_NaN() : y; };
        QSharedPointer<QCPGraphDataContainer> data = c.graph->data();
        if (data->size() == n) {   // live path: overwrite in place, keys stay sorted
            auto it = data->begin();
            for (int i = 0; i < n; ++i, ++it) {
                it->key = t[std::size_t(i)];
                it->value = value(v[std::size_t(i)]);
            }
        } else {
            QVector<QCPGraphData> points(n);
            for (int i = 0; i < n; ++i) points[i] = QCPGraphData(t[std::size_t(i)], value(v[std::size_t(i)]));
            data->set(points, true);
        }
    }
    const core::RunResult *r = m_result ? m_result.get() : m_baseline.get();
    if (r && !r->runs.empty() && r->runs[0].times.size() >= 2) {
        const double t0 = r->runs[0].times.front(), t1 = r->runs[0].times.back();
        QCPAxis *x = p.rect->axis(QCPAxis::atBottom);
        if (x->range().lower != t0 || x->range().upper != t1) m_layoutDirty = true;
        x->setRange(t0, t1);
        if (auto ticker = qSharedPointerCast<QCPAxisTickerFixed>(x->ticker()))
            ticker->setTickStep(plotmath::timeStep(t1 - t0, m_style.maxXTicks));
    }
}

void PlotCanvas::rescale(Panel &p)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Panel::Curve &c : p.curves) {
        const core::RunResult *r = c.baseline ? m_baseline.get() : m_result.get();
        for (double v : r->runs[std::size_t(c.run)].series[std::size_t(c.column)]) {
            if (!std::isfinite(v) || (p.spec.logY && !(v > 0))) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    const plotmath::AxisRange current{p.lower, p.upper};
    const plotmath::AxisRange r = plotmath::yRange(p.spec, lo, hi, p.ranged ? &current : nullptr);
    p.lower = r.lower;
    p.upper = r.upper;
    p.ranged = true;
    QCPAxis *y = p.rect->axis(QCPAxis::atLeft);
    if (y->range().lower != r.lower || y->range().upper != r.upper) m_layoutDirty = true;   // new tick labels
    y->setRange(r.lower, r.upper);
}

void PlotCanvas::updateNote(Panel &p)
{
    p.noteItems.clear();
    p.notePrefix.clear();
    if (!p.note || !m_result) return;
    plotmath::CompareNote note = plotmath::compareNote(p.spec, *m_result);
    p.notePrefix = note.prefix;
    p.noteItems = note.items;
}

// ---------------------------------------------------------------- replot

void PlotCanvas::replotQueued()
{
    m_layoutDirty = true;
    requestReplot();
}

void PlotCanvas::setInteractive(bool on)
{
    m_interactive = on;
    setHoverEnabled(on);
    if (on) m_plot->setPlottingHint(QCP::phFastPolylines, true);   // solid lines: segments, not one polyline
}

void PlotCanvas::requestReplot()
{
    if (!m_interactive || m_replotQueued) return;   // export canvases paint on demand
    m_replotQueued = true;
    QMetaObject::invokeMethod(this, &PlotCanvas::replotNow, Qt::QueuedConnection);
}

void PlotCanvas::replotNow()
{
    // Live path: while only the curves and read-outs changed (same axis ranges, same layout),
    // redraw just their buffered layer; axes, grids, titles and legends stay cached.
    m_replotQueued = false;
    if (m_layoutDirty) {
        m_layoutDirty = false;
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
    } else {
        m_plot->layer(QString::fromLatin1(kCurveLayer))->replot();
    }
    emit replotted();
}

void PlotCanvas::enterDraft()
{
    // Results arriving faster than 4 per second are a slider drag: draw thin (cosmetic) lines,
    // 3× cheaper than 2 px antialiased ones; full quality once the results settle.
    const bool fast = m_sinceData.isValid() && m_sinceData.elapsed() < 250;
    m_sinceData.start();
    if (fast && !m_draft) {
        m_draft = true;
        applyPens();
    }
    if (!m_settle) {
        m_settle = new QTimer(this);
        m_settle->setSingleShot(true);
        m_settle->setInterval(250);
        connect(m_settle, &QTimer::timeout, this, [this] {
            if (!m_draft) return;
            m_draft = false;
            applyPens();
            requestReplot();
        });
    }
    m_settle->start();
}

void PlotCanvas::applyPens()
{
    for (auto &p : m_panels)
        for (auto &c : p->curves) {
            if (!m_draft) {
                c.graph->setPen(c.pen);
                continue;
            }
            QPen thin = c.pen;
            if (thin.style() != Qt::SolidLine && thin.style() != Qt::NoPen) {
                QVector<qreal> pattern = thin.dashPattern();   // keep the dash lengths in pixels
                for (qreal &d : pattern) d *= c.pen.widthF();
                thin.setDashPattern(pattern);
            }
            thin.setWidthF(1.0);   // QCustomPlot draws 1.0 as a cosmetic pen: the fast raster path
            c.graph->setPen(thin);
        }
}

bool PlotCanvas::isDraft() const
{
    return m_draft;
}

// ---------------------------------------------------------------- hover

void PlotCanvas::setHoverEnabled(bool on)
{
    m_hover = on;
    m_plot->setMouseTracking(on);
    if (!on) hideCursor();
}

void PlotCanvas::hideCursor()
{
    if (!m_hoverPanel) return;
    m_hoverPanel->cursor->setVisible(false);
    for (auto &c : m_hoverPanel->curves) c.tracer->setVisible(false);
    m_hoverPanel = nullptr;
    m_plot->layer(QString::fromLatin1(kCursorLayer))->replot();
    QToolTip::hideText();
}

bool PlotCanvas::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot) {
        switch (event->type()) {
        case QEvent::Resize:
            arrange(static_cast<QResizeEvent *>(event)->size());
            break;
        case QEvent::MouseMove:
            if (m_hover) {
                auto *e = static_cast<QMouseEvent *>(event);
                onMouseMove(e->position(), e->globalPosition().toPoint());
            }
            break;
        case QEvent::Leave:
            hideCursor();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

PlotCanvas::Panel *PlotCanvas::panelAt(const QPointF &pos) const
{
    for (const auto &p : m_panels)
        if (QRectF(p->rect->rect()).contains(pos)) return p.get();
    return nullptr;
}

const PlotCanvas::Panel *PlotCanvas::panelFor(const QString &title) const
{
    for (const auto &p : m_panels)
        if (p->spec.title == title) return p.get();
    return nullptr;
}

void PlotCanvas::onMouseMove(const QPointF &pos, const QPoint &globalPos)
{
    Panel *p = panelAt(pos);
    if (!p || !m_result || p->curves.empty()) {
        hideCursor();
        return;
    }
    if (m_hoverPanel && m_hoverPanel != p) hideCursor();
    QCPAxis *x = p->rect->axis(QCPAxis::atBottom);
    const double t = std::clamp(x->pixelToCoord(pos.x()), x->range().lower, x->range().upper);
    m_hoverPanel = p;
    p->cursor->setVisible(true);
    p->cursor->point1->setCoords(t, 0);
    p->cursor->point2->setCoords(t, 1);
    for (auto &c : p->curves) {
        if (c.tracer->graph() != c.graph) c.tracer->setGraph(c.graph);
        c.tracer->setGraphKey(t);
        c.tracer->setVisible(true);
    }
    m_plot->layer(QString::fromLatin1(kCursorLayer))->replot();
    QString html = QStringLiteral("<b>%1</b> — t = %2 h<table cellspacing='0' cellpadding='1'>")
                       .arg(p->spec.title.toHtmlEscaped(), QString::number(t, 'f', 1));
    for (const auto &[series, text] : plotmath::readoutRows(p->spec, m_result.get(), m_baseline.get(), m_baselineName, t))
        html += QStringLiteral("<tr><td><span style='color:%1'>■</span> %2</td></tr>")
                    .arg(palette::colour(series).name(), text.toHtmlEscaped());
    html += QStringLiteral("</table>");
    QToolTip::showText(globalPos, html, m_plot, p->rect->rect());
}

// ---------------------------------------------------------------- read-outs and test hooks

QString PlotCanvas::readoutAt(const QString &title, double hours) const
{
    const Panel *p = panelFor(title);
    if (!p) return {};
    QStringList lines{QStringLiteral("t = %1 h").arg(QString::number(hours, 'f', 1))};
    for (const auto &row : plotmath::readoutRows(p->spec, m_result.get(), m_baseline.get(), m_baselineName, hours))
        lines << row.second;
    return lines.join(QLatin1Char('\n'));
}

QCPAxisRect *PlotCanvas::axisRectFor(const QString &title) const
{
    const Panel *p = panelFor(title);
    return p ? p->rect : nullptr;
}

int PlotCanvas::graphCount(const QString &title) const
{
    const Panel *p = panelFor(title);
    return p ? int(p->curves.size()) : -1;
}

int PlotCanvas::pointCount(const QString &title, int graph) const
{
    const Panel *p = panelFor(title);
    if (!p || graph < 0 || graph >= int(p->curves.size())) return -1;
    return p->curves[std::size_t(graph)].graph->dataCount();
}

QString PlotCanvas::noteText(const QString &title) const
{
    const Panel *p = panelFor(title);
    if (!p || !p->note) return {};
    return p->notePrefix + QLatin1Char(' ') + p->noteItems.join(QStringLiteral(" · "));
}

bool PlotCanvas::yRange(const QString &title, double *lower, double *upper) const
{
    const Panel *p = panelFor(title);
    if (!p) return false;
    const QCPRange r = p->rect->axis(QCPAxis::atLeft)->range();
    if (lower) *lower = r.lower;
    if (upper) *upper = r.upper;
    return true;
}

QString PlotCanvas::legendText(const QString &title) const
{
    const Panel *p = panelFor(title);
    if (!p) return {};
    QStringList out;
    for (QCPLegend *legend : {p->legend, p->keys ? p->keys : m_sharedKeys}) {
        if (!legend) continue;
        for (int i = 0; i < legend->itemCount(); ++i)
            if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i))) out << item->plottable()->name();
    }
    return out.join(QLatin1Char('\n'));
}

}  // namespace ferroscope::ui
