#include "ui/export/export_file.h"

#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace ferroscope::ui {
namespace {

constexpr int kDotsPerMeter96 = 3780;   // 96 dpi: 1 pt = 4/3 px, as on a standard screen

bool fail(QString *error, const QString &message)
{
    if (error) *error = message;
    return false;
}

}  // namespace

ExportFormat exportFormatFor(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("png")) return ExportFormat::Png;
    if (ext == QLatin1String("svg")) return ExportFormat::Svg;
    if (ext == QLatin1String("pdf")) return ExportFormat::Pdf;
    return ExportFormat::Unknown;
}

bool writePaintedFile(const QString &path, ExportFormat format, QSize size, double scale,
                      const QString &title, const DevicePainter &paint, QString *error)
{
    if (!size.isValid() || size.isEmpty() || size.width() > 20000 || size.height() > 20000)
        return fail(error, QStringLiteral("invalid export size %1×%2").arg(size.width()).arg(size.height()));
    if (format == ExportFormat::Unknown)
        return fail(error, QStringLiteral("unknown file type for %1 (use .png, .svg or .pdf)").arg(path));
    if (format != ExportFormat::Png) scale = 1.0;
    if (!(scale > 0) || scale > 8) return fail(error, QStringLiteral("invalid scale %1").arg(scale));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));

    bool painted = false;
    switch (format) {
    case ExportFormat::Png: {
        const QSize pixels(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale)));
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(kDotsPerMeter96);   // fonts in pt resolve at 96 dpi, then scale
        image.setDotsPerMeterY(kDotsPerMeter96);
        image.fill(Qt::white);
        painted = paint(&image, scale, false);
        // Metadata only: a 2× image declares 192 dpi so slide software places it at its logical size.
        image.setDotsPerMeterX(int(std::lround(kDotsPerMeter96 * scale)));
        image.setDotsPerMeterY(int(std::lround(kDotsPerMeter96 * scale)));
        if (painted && !image.convertToFormat(QImage::Format_RGB32).save(&file, "PNG"))
            return fail(error, QStringLiteral("cannot encode PNG %1").arg(path));
        break;
    }
    case ExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);   // without it text comes out at 75 % (BUILD_NOTES §5)
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("Ferroscope export"));
        painted = paint(&svg, 1.0, true);
        break;
    }
    case ExportFormat::Pdf: {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setCreator(QStringLiteral("Ferroscope"));
        pdf.setTitle(title);
        const QPageSize page(QSizeF(size.width() * 72.0 / 96.0, size.height() * 72.0 / 96.0), QPageSize::Point,
                             QString(), QPageSize::ExactMatch);
        if (!pdf.setPageLayout(QPageLayout(page, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0))))
            return fail(error, QStringLiteral("cannot set the PDF page size"));
        painted = paint(&pdf, 1.0, true);
        break;
    }
    case ExportFormat::Unknown:
        break;
    }
    if (!painted) return fail(error, QStringLiteral("painting %1 failed").arg(path));
    if (!file.commit()) return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

}  // namespace ferroscope::ui
