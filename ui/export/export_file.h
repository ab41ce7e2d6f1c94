// Writing a painted picture to PNG, SVG or PDF with the sizes slides need (BUILD_NOTES §5): the
// caller paints `size` logical pixels at 96 dpi; PNG comes out at size×scale pixels, SVG with a
// viewBox of `size` and resolution 96 (text keeps its size), PDF with a page of exactly `size`
// at 96 dpi (1920×1080 → 1440×810 pt, 16:9). Files are written atomically (QSaveFile).
// GUI thread (fonts).
#pragma once

#include <QSize>
#include <QString>

#include <functional>

class QPaintDevice;

namespace ferroscope::ui {

enum class ExportFormat { Png, Svg, Pdf, Unknown };

/// By file extension (case-insensitive): .png, .svg, .pdf.
ExportFormat exportFormatFor(const QString &path);

/// Paints onto a fresh device: `scale` is the raster magnification (1 for SVG/PDF), `vector` true
/// for SVG/PDF. Returns false if painting failed.
using DevicePainter = std::function<bool(QPaintDevice *device, double scale, bool vector)>;

bool writePaintedFile(const QString &path, ExportFormat format, QSize size, double scale,
                      const QString &title, const DevicePainter &paint, QString *error);

}  // namespace ferroscope::ui
