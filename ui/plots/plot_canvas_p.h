// Private to plot_canvas.cpp and plot_canvas_live.cpp: one panel's QCustomPlot objects, the
// "shape" of the data that decides between updating curves in place and rebuilding, and the
// shared look (colours, layer names). Includes qcustomplot.h: never include it from a header
// other code sees.
#pragma once

#include "ui/plots/plot_canvas.h"

#include <qcustomplot.h>

#include <QPen>

#include <vector>

namespace ferroscope::ui {

inline const char *const kCursorLayer = "cursor";   // hover line and tracers (buffered)
inline const char *const kCurveLayer = "curves";    // graphs and read-outs (buffered)
inline const QColor kInk(0x22, 0x22, 0x22);
inline const QColor kAxisColour(0x55, 0x55, 0x55);
inline const QColor kGrid(0xE3, 0xE3, 0xE3);
inline const QColor kSubGrid(0xF1, 0xF1, 0xF1);
inline const QColor kKeyColour(0x44, 0x44, 0x44);

struct PlotCanvas::Panel {
    struct Curve {
        QCPGraph *graph = nullptr;
        QCPItemTracer *tracer = nullptr;
        QPen pen;                // full-quality pen (drafts are thinner)
        int series = 0;          // index into spec.series
        int column = 0;          // index into the RunResult's ids
        int run = 0;
        bool baseline = false;
    };
    PanelSpec spec;
    QCPLayoutGrid *cell = nullptr;
    QCPTextElement *title = nullptr, *note = nullptr;
    QCPAxisRect *rect = nullptr;
    QCPLegend *legend = nullptr;          // series
    QCPLegend *keys = nullptr;            // line styles: non-CSC / CSC / baseline
    QCPLayoutGrid *legendBox = nullptr;
    QCPItemStraightLine *cursor = nullptr;
    std::vector<Curve> curves;
    QString notePrefix;
    QStringList noteItems;
    bool ranged = false;
    double lower = 0, upper = 1;
};

struct PlotCanvas::Shape {
    std::vector<std::string> ids, baseIds;
    std::vector<QString> phenotypes, basePhenotypes;
    QString baseName;
    bool operator==(const Shape &) const = default;

    static Shape of(const core::RunResult *result, const core::RunResult *base, const QString &name)
    {
        Shape s;
        if (result) {
            s.ids = result->ids;
            for (const auto &run : result->runs) s.phenotypes.push_back(run.phenotype);
        }
        if (base) {
            s.baseIds = base->ids;
            for (const auto &run : base->runs) s.basePhenotypes.push_back(run.phenotype);
            s.baseName = name;
        }
        return s;
    }
};

}  // namespace ferroscope::ui
