#include "ui/export/slide_exporter.h"

#include "core/model/project.h"
#include "core/scenario/scenario_document.h"
#include "ui/export/export_file.h"
#include "ui/plots/plot_canvas.h"
#include "ui/plots/trajectory_panel.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace ferroscope::ui {
namespace {

constexpr double kMargin = 56;
constexpr double kGap = 28;
constexpr int kCaptionMaxLines = 3;

QFont slideFont(double px, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(int(px));   // pixels of the 1920×1080 slide; 32 px = 24 pt at 96 dpi
    f.setBold(bold);
    return f;
}

QStringList wrapWords(const QString &text, const QFontMetricsF &fm, double width, int maxLines)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (line.isEmpty() || fm.horizontalAdvance(candidate) <= width) {
            line = candidate;
        } else {
            lines << line;
            line = word;
        }
    }
    if (!line.isEmpty()) lines << line;
    if (lines.size() > maxLines) {
        const QString rest = QStringList(lines.mid(maxLines - 1)).join(QLatin1Char(' '));
        lines = lines.mid(0, maxLines - 1);
        lines << fm.elidedText(rest, Qt::ElideRight, width);
    }
    for (QString &l : lines) l = fm.elidedText(l, Qt::ElideRight, width);   // a single over-long word
    return lines;
}

}  // namespace

SlideLayout SlideExporter::layout(const SlideContent &content)
{
    SlideLayout l;
    l.titleFont = slideFont(46, true);
    l.captionFont = slideFont(32, false);
    const QFontMetricsF tfm(l.titleFont), cfm(l.captionFont);
    const double inner = kWidth - 2 * kMargin;

    l.title = QRectF(kMargin, kMargin * 0.7, inner, tfm.height());
    l.captionLines = wrapWords(content.caption, cfm, inner, kCaptionMaxLines);
    const double captionH = std::max<qsizetype>(1, l.captionLines.size()) * cfm.lineSpacing();
    l.caption = QRectF(kMargin, kHeight - kMargin * 0.7 - captionH, inner, captionH);

    const double top = l.title.bottom() + kGap;
    const double bottom = l.caption.top() - kGap;
    const QRectF middle(kMargin, top, inner, bottom - top);
    if (content.renderDiagram) {
        const double diagramW = std::round(inner * 0.40);
        l.diagram = QRectF(middle.left(), middle.top(), diagramW, middle.height());
        l.plots = QRectF(l.diagram.right() + kGap, middle.top(), middle.width() - diagramW - kGap, middle.height());
    } else {
        l.plots = middle;
    }
    // Text ≥ 32 px leaves room for two stacked panels beside a diagram, or a 2×2 grid without.
    const std::size_t maxPanels = content.renderDiagram ? 2 : 4;
    l.panels.assign(content.panels.begin(), content.panels.begin() + long(std::min(maxPanels, content.panels.size())));

    const PlotStyle style = PlotStyle::slide();
    l.smallestTextPx = std::min({double(l.titleFont.pixelSize()), double(l.captionFont.pixelSize()),
                                 std::round(style.smallestPt() * 96.0 / 72.0)});
    return l;
}

void SlideExporter::render(QPainter *painter, const SlideContent &content)
{
    const SlideLayout l = layout(content);
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter->setFont(l.captionFont);   // SVG groups carry the painter's font: never "Sans Serif"
    painter->fillRect(QRectF(0, 0, kWidth, kHeight), Qt::white);

    painter->setFont(l.titleFont);
    painter->setPen(QColor(0x11, 0x11, 0x11));
    const QString title = content.title.isEmpty() ? QStringLiteral("Iron and heme metabolism in cancer stem cells")
                                                  : content.title;
    painter->drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(l.titleFont).elidedText(title, Qt::ElideRight, l.title.width()));

    if (content.renderDiagram && !l.diagram.isEmpty()) {
        painter->save();
        painter->setClipRect(l.diagram);
        content.renderDiagram(painter, l.diagram);
        painter->restore();
    }
    if (!l.panels.empty())
        TrajectoryPanel::renderPanels(painter, l.plots, l.panels, content.result, content.baseline,
                                      content.baselineName, PlotStyle::slide());

    painter->setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 2));
    painter->drawLine(QPointF(l.caption.left(), l.caption.top() - kGap / 2),
                      QPointF(l.caption.right(), l.caption.top() - kGap / 2));
    painter->setFont(l.captionFont);
    painter->setPen(QColor(0x33, 0x33, 0x33));
    const double lineH = QFontMetricsF(l.captionFont).lineSpacing();
    for (int i = 0; i < l.captionLines.size(); ++i)
        painter->drawText(QRectF(l.caption.left(), l.caption.top() + i * lineH, l.caption.width(), lineH),
                          Qt::AlignLeft | Qt::AlignVCenter, l.captionLines[i]);
    painter->restore();
}

bool SlideExporter::exportSlide(const SlideContent &content, const QString &path, QString *error)
{
    const ExportFormat format = exportFormatFor(path);
    const auto paint = [&content](QPaintDevice *device, double scale, bool) {
        QPainter painter;
        if (!painter.begin(device)) return false;
        painter.setFont(layout(content).captionFont);
        if (scale != 1.0) painter.scale(scale, scale);
        render(&painter, content);
        return painter.end();
    };
    return writePaintedFile(path, format, QSize(kWidth, kHeight), format == ExportFormat::Png ? kPngScale : 1.0,
                            content.title, paint, error);
}

QString SlideExporter::caption(const core::ScenarioDocument &document)
{
    return caption(document.summary(), document.project());
}

QString SlideExporter::caption(const QString &summary, const core::Project &project)
{
    const QString version = QString::fromStdString(project.modelVersion);
    return version.isEmpty() ? summary : summary + QStringLiteral(" — model ") + version;
}

}  // namespace ferroscope::ui
