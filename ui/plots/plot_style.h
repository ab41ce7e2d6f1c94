// PlotStyle: text sizes and geometry of the trajectory plots for the three places they are drawn
// (live view, plot export, lecture slide), plus the QCustomPlot-free arithmetic behind the plots:
// jitter-free axis ranges, time ticks, number formats, and the CSC/non-CSC read-out. Kept out of
// the QCustomPlot files so it compiles fast and reads on its own. Value types; any thread
// (fonts: GUI thread).
#pragma once

#include "core/sim/run_result.h"
#include "ui/plots/plot_spec.h"

#include <QColor>
#include <QFont>
#include <QSize>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace ferroscope::ui {

/// Font sizes (pt) and geometry of a canvas. screen() for the live view, forExport() for plot
/// exports (grows with the export size), slide() for 1920×1080 slides (all text ≥ 24 pt).
struct PlotStyle {
    double tickPt = 9, labelPt = 9.5, titlePt = 10.5, legendPt = 9, notePt = 9;
    double lineWidth = 2.0;
    int minPanelWidth = 330;   // px: sets the number of columns for a given width
    int minPanelHeight = 270;  // px: below this the live view scrolls instead of squashing
    int maxColumns = 4;
    bool legendRight = false;  // legend beside the axes (slides) instead of below them
    bool pixelFonts = false;   // sizes as pixels at 96 dpi: same text size on every device
    bool shortNames = false;   // legend uses SeriesSpec::shortName (slides)
    bool sharedKeys = false;   // one non-CSC/CSC/baseline key above all panels (slides)
    bool compactYLabel = false;   // y label = PanelSpec::yUnit (short axes, large text)
    int maxXTicks = 7;
    int maxYTicks = 5;
    int noteLines = 2;         // compare read-out lines per panel

    static PlotStyle screen();
    static PlotStyle forExport(QSize size);
    static PlotStyle slide();
    double smallestPt() const;

    QFont font(double pt, bool bold = false) const;   // DejaVu Sans, pt or px (pixelFonts)
    double textPx(double pt) const;                   // text size in layout pixels
    int px(double screenPx) const;                    // geometry: grows more slowly than text
};

namespace plotmath {

struct AxisRange {
    double lower = 0, upper = 1;
};

/// y range for data spanning [lo, hi] (finite values; > 0 on log axes): whole decades on log axes,
/// 1-1.2-1.5-2-2.5-3-4-5-6-8 steps on linear ones, fixed bounds from the spec, and hysteresis
/// against `current` so a slider drag does not make the axis jump.
AxisRange yRange(const PanelSpec &spec, double lo, double hi, const AxisRange *current);
/// Tick spacing in hours for a time span: 1, 2, 3, 4, 6, 12, 24 … h.
double timeStep(double spanHours, int maxTicks);
/// 3 significant digits without exponent between 0.001 and 1e5.
QString formatValue(double v);
QString phenotypeLabel(const QString &id);   // "nonCSC" → "non-CSC"
bool isCsc(const QString &phenotype);
double interpolate(const std::vector<double> &t, const std::vector<double> &y, double at);
/// First time a 0–1 quantity crosses 0.5; NaN if it never does.
double halfTime(const std::vector<double> &t, const std::vector<double> &v);
QColor towardsWhite(const QColor &c, double amount);

/// Compare read-out of a panel: runs[1]/runs[0] at the end time ("CSC/non-CSC at 72 h: LIP
/// ×1.44 · …"), differences for fractions, and the time of reaching 0.5 when both runs do.
struct CompareNote {
    QString prefix;
    QStringList items;
};
CompareNote compareNote(const PanelSpec &spec, const core::RunResult &result);

/// Hover lines of a panel at a time: (series index, "name: values unit"), with phenotype and
/// baseline labels in compare/baseline mode.
std::vector<std::pair<int, QString>> readoutRows(const PanelSpec &spec, const core::RunResult *result,
                                                 const core::RunResult *baseline,
                                                 const QString &baselineName, double hours);

}  // namespace plotmath
}  // namespace ferroscope::ui
