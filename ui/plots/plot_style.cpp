#include "ui/plots/plot_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ferroscope::ui {

// ---------------------------------------------------------------- styles

PlotStyle PlotStyle::screen()
{
    return PlotStyle{};
}

PlotStyle PlotStyle::forExport(QSize size)
{
    PlotStyle s;
    const double k = std::clamp(std::min(size.width() / 1400.0, size.height() / 900.0), 1.0, 1.6);
    s.tickPt *= k;
    s.labelPt *= k;
    s.titlePt *= k;
    s.legendPt *= k;
    s.notePt *= k;
    s.lineWidth *= k;
    s.minPanelWidth = int(s.minPanelWidth * k);
    s.pixelFonts = true;
    return s;
}

PlotStyle PlotStyle::slide()
{
    PlotStyle s;
    s.tickPt = 24;   // 32 px at 1920×1080: legible from the back of a lecture hall
    s.labelPt = 24;
    s.titlePt = 26;
    s.legendPt = 24;
    s.notePt = 24;
    s.lineWidth = 5;
    s.minPanelWidth = 760;
    s.maxColumns = 2;
    s.legendRight = true;
    s.pixelFonts = true;
    s.shortNames = true;
    s.sharedKeys = true;
    s.compactYLabel = true;
    s.maxXTicks = 4;
    s.maxYTicks = 4;
    s.noteLines = 1;
    return s;
}

double PlotStyle::smallestPt() const
{
    return std::min({tickPt, labelPt, titlePt, legendPt, notePt});
}

QFont PlotStyle::font(double pt, bool bold) const
{
    QFont f(QStringLiteral("DejaVu Sans"));   // explicit: SVG would otherwise say "Sans Serif"
    if (pixelFonts) f.setPixelSize(int(std::lround(pt * 96.0 / 72.0)));
    else f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

double PlotStyle::textPx(double pt) const
{
    return pixelFonts ? std::round(pt * 96.0 / 72.0) : pt * 96.0 / 72.0;
}

int PlotStyle::px(double screenPx) const
{
    return int(std::lround(screenPx * std::sqrt(tickPt / 9.0)));
}

namespace plotmath {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double niceCeil(double v)
{
    if (!(v > 0)) return 1;
    const double base = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * base >= v * (1 - 1e-12)) return m * base;
    return 10 * base;
}

QString ratioText(double r)
{
    if (!std::isfinite(r)) return QStringLiteral("n/a");
    return QStringLiteral("×") + QString::number(r, 'f', r < 10 ? 2 : r < 100 ? 1 : 0);
}

QString differenceText(double d)
{
    const QString sign = std::fabs(d) < 0.005 ? QStringLiteral("±") : d > 0 ? QStringLiteral("+") : QStringLiteral("−");
    return sign + QString::number(std::fabs(d), 'f', 2);
}

}  // namespace

AxisRange yRange(const PanelSpec &spec, double lo, double hi, const AxisRange *current)
{
    AxisRange r;
    if (spec.logY) {
        if (!(hi > 0)) return {0.1, 10};
        const double top = hi * 1.15;   // whole decades: at least two labelled ticks, no jitter
        const double bottom = std::max(lo / 1.15, top * 1e-7);
        r.upper = std::pow(10.0, std::ceil(std::log10(top)));
        r.lower = std::pow(10.0, std::floor(std::log10(bottom)));
        if (r.lower >= r.upper) r.lower = r.upper / 10;
        return r;
    }
    const bool haveData = hi >= lo;
    r.lower = !std::isnan(spec.yMin) ? spec.yMin : (!haveData || lo >= 0 ? 0.0 : -niceCeil(-lo * 1.08));
    if (!std::isnan(spec.yMax)) {
        r.upper = spec.yMax;
    } else {
        const double top = haveData ? std::max(hi, 0.0) : 0.0;
        r.upper = top > 0 ? niceCeil(top * 1.08) : 1.0;
        // Hysteresis: keep the current top while the data still fill at least half of it.
        if (current && current->lower == r.lower && top * 1.02 <= current->upper && top >= 0.5 * current->upper)
            r.upper = current->upper;
    }
    if (r.upper <= r.lower) r.upper = r.lower + 1;
    return r;
}

double timeStep(double span, int maxTicks)
{
    for (double s : {0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 12.0, 24.0, 48.0, 72.0, 96.0, 168.0, 336.0, 720.0})
        if (span / s <= maxTicks) return s;
    return std::ceil(span / std::max(1, maxTicks));
}

QString formatValue(double v)
{
    if (!std::isfinite(v)) return QStringLiteral("–");
    const double a = std::fabs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-3)) return QString::number(v, 'g', 3);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
    return QString::number(v, 'f', decimals);
}

QString phenotypeLabel(const QString &id)
{
    if (id.compare(QLatin1String("nonCSC"), Qt::CaseInsensitive) == 0) return QStringLiteral("non-CSC");
    return id;
}

bool isCsc(const QString &phenotype)
{
    return phenotype.compare(QLatin1String("CSC"), Qt::CaseInsensitive) == 0;
}

double interpolate(const std::vector<double> &t, const std::vector<double> &y, double at)
{
    const std::size_t n = std::min(t.size(), y.size());
    if (n == 0) return kNaN;
    if (at <= t.front()) return y.front();
    if (at >= t[n - 1]) return y[n - 1];
    const auto hi = std::size_t(std::lower_bound(t.begin(), t.begin() + long(n), at) - t.begin());
    const std::size_t lo = hi - 1;
    const double w = (at - t[lo]) / (t[hi] - t[lo]);
    return y[lo] + w * (y[hi] - y[lo]);
}

double halfTime(const std::vector<double> &t, const std::vector<double> &v)
{
    const std::size_t n = std::min(t.size(), v.size());
    for (std::size_t i = 1; i < n; ++i) {
        const double a = v[i - 1] - 0.5, b = v[i] - 0.5;
        if (a == 0) return t[i - 1];
        if ((a < 0) != (b < 0)) return t[i - 1] + (t[i] - t[i - 1]) * a / (a - b);
    }
    return kNaN;
}

QColor towardsWhite(const QColor &c, double amount)
{
    return QColor::fromRgbF(float(c.redF() + (1 - c.redF()) * amount), float(c.greenF() + (1 - c.greenF()) * amount),
                            float(c.blueF() + (1 - c.blueF()) * amount));
}

CompareNote compareNote(const PanelSpec &spec, const core::RunResult &result)
{
    CompareNote note;
    if (result.runs.size() < 2 || result.runs[0].times.empty()) return note;
    const core::PhenotypeRun &a = result.runs[0];
    const core::PhenotypeRun &b = result.runs[1];
    const QString time = QString::number(a.times.back(), 'g', 4);
    const QString la = phenotypeLabel(a.phenotype), lb = phenotypeLabel(b.phenotype);
    note.prefix = spec.fraction ? QStringLiteral("%1 − %2 at %3 h:").arg(lb, la, time)
                                : QStringLiteral("%1/%2 at %3 h:").arg(lb, la, time);
    bool crossings = false, differences = false;
    for (const SeriesSpec &s : spec.series) {
        const int k = result.indexOf(s.id.toStdString());
        if (k < 0 || std::size_t(k) >= a.series.size() || std::size_t(k) >= b.series.size()) continue;
        const auto &va = a.series[std::size_t(k)];
        const auto &vb = b.series[std::size_t(k)];
        if (va.empty() || vb.empty()) continue;
        if (!spec.fraction) {
            note.items << s.shortName + QLatin1Char(' ') +
                              (std::fabs(va.back()) > 1e-12 ? ratioText(vb.back() / va.back()) : QStringLiteral("n/a"));
            continue;
        }
        // When both phenotypes pass 0.5 the end values are often equal (both dead): the time it
        // happened is what differs.
        const double ta = halfTime(a.times, va), tb = halfTime(b.times, vb);
        if (std::isfinite(ta) && std::isfinite(tb)) {
            crossings = true;
            note.items << QStringLiteral("%1 0.5 at %2 vs %3 h")
                              .arg(s.shortName, QString::number(tb, 'f', 1), QString::number(ta, 'f', 1));
        } else {
            differences = true;
            note.items << s.shortName + QLatin1Char(' ') + differenceText(vb.back() - va.back());
        }
    }
    if (crossings) {
        if (differences)
            for (QString &item : note.items)
                if (!item.contains(QStringLiteral(" 0.5 at "))) item += QStringLiteral(" at %1 h").arg(time);
        note.prefix = QStringLiteral("%1 vs %2:").arg(lb, la);
    }
    return note;
}

std::vector<std::pair<int, QString>> readoutRows(const PanelSpec &spec, const core::RunResult *result,
                                                 const core::RunResult *baseline,
                                                 const QString &baselineName, double hours)
{
    std::vector<std::pair<int, QString>> rows;
    const bool compare = result && result->runs.size() >= 2;
    for (std::size_t s = 0; s < spec.series.size(); ++s) {
        const SeriesSpec &ser = spec.series[s];
        QStringList values;
        auto add = [&](const core::RunResult *r, bool isBaseline) {
            const int k = r ? r->indexOf(ser.id.toStdString()) : -1;
            if (k < 0) return;
            for (const core::PhenotypeRun &run : r->runs) {
                if (std::size_t(k) >= run.series.size()) continue;
                const QString v = formatValue(interpolate(run.times, run.series[std::size_t(k)], hours));
                QString label;
                if (isBaseline)
                    label = baselineName + (r->runs.size() >= 2 ? QLatin1Char(' ') + phenotypeLabel(run.phenotype) : QString());
                else if (compare)
                    label = phenotypeLabel(run.phenotype);
                values << (label.isEmpty() ? v : label + QLatin1Char(' ') + v);
            }
        };
        add(result, false);
        add(baseline, true);
        if (values.isEmpty()) continue;
        const QString unit = ser.unit == QLatin1String("dimensionless") ? QString() : ser.unit;
        rows.emplace_back(int(s), ser.name + QStringLiteral(": ") + values.join(QStringLiteral(" · ")) +
                                      (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit));
    }
    return rows;
}

}  // namespace plotmath
}  // namespace ferroscope::ui
