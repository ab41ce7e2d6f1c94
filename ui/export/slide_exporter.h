// SlideExporter: the one-click 16:9 lecture slide of issue #4 §7 — title, the pathway diagram
// (painted by a callback from the main window), up to two plot panels beside it (four without a
// diagram) re-drawn at slide size, and a caption with phenotype, interventions, doses and model
// version. 1920×1080 logical px, every text ≥ 24 pt (32 px); PNG at 2× (3840×2160), SVG
// (viewBox 1920×1080, resolution 96, DejaVu Sans) or PDF (1440×810 pt page), white background.
// Stateless; GUI thread only (fonts, QCustomPlot).
#pragma once

#include "core/sim/run_result.h"
#include "ui/plots/plot_spec.h"

#include <QFont>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QPainter;

namespace ferroscope::core {
class ScenarioDocument;
struct Project;
}  // namespace ferroscope::core

namespace ferroscope::ui {

struct SlideContent {
    QString title, caption;
    std::function<void(QPainter *, const QRectF &)> renderDiagram;   // may be empty: plots only
    std::vector<PanelSpec> panels;                                    // first 2 (4 without diagram)
    core::RunResultPtr result, baseline;
    QString baselineName;                                             // legend "name (baseline)"
};

/// Where everything goes on the slide (logical px), and the fonts used.
struct SlideLayout {
    QRectF title, diagram, plots, caption;
    QFont titleFont, captionFont;
    QStringList captionLines;
    std::vector<PanelSpec> panels;   // the panels that fit
    double smallestTextPx = 0;       // of all slide text, plots included
};

class SlideExporter {
public:
    static constexpr int kWidth = 1920, kHeight = 1080;
    static constexpr double kPngScale = 2.0;

    /// Format by extension (.png → 3840×2160, .svg, .pdf). False + *error on failure.
    static bool exportSlide(const SlideContent &content, const QString &path, QString *error);
    /// Paints the slide into (0, 0, kWidth, kHeight) of an active painter.
    static void render(QPainter *painter, const SlideContent &content);
    static SlideLayout layout(const SlideContent &content);
    /// "summary — model <version>" for SlideContent::caption.
    static QString caption(const core::ScenarioDocument &document);
    static QString caption(const QString &summary, const core::Project &project);
};

}  // namespace ferroscope::ui
