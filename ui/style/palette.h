// Okabe–Ito colour-blind-safe palette with matching dash patterns (issue #4 §7), shared by the
// diagram and the plots so that a species has one colour everywhere. Any thread (constants).
#pragma once

#include <QColor>
#include <QFont>
#include <Qt>

#include <array>

namespace ferroscope::ui::palette {

/// Okabe & Ito (2008): distinguishable under the common colour-vision deficiencies.
inline const std::array<QColor, 8> &okabeIto()
{
    static const std::array<QColor, 8> colours = {
        QColor(0x00, 0x72, 0xB2),   // blue
        QColor(0xD5, 0x5E, 0x00),   // vermillion
        QColor(0x00, 0x9E, 0x73),   // bluish green
        QColor(0xCC, 0x79, 0xA7),   // reddish purple
        QColor(0xE6, 0x9F, 0x00),   // orange
        QColor(0x56, 0xB4, 0xE9),   // sky blue
        QColor(0x00, 0x00, 0x00),   // black
        QColor(0xF0, 0xE4, 0x42),   // yellow (light: use for fills, not thin lines)
    };
    return colours;
}

inline QColor colour(int index) { return okabeIto()[std::size_t(index) % 7]; }   // lines: skip yellow

/// Dash pattern paired with a series index, so curves differ without colour too.
inline Qt::PenStyle dash(int index)
{
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                          Qt::DashDotDotLine};
    return styles[index % 5];
}

/// Phenotype styling in compare mode: nonCSC solid, CSC dashed-dotted heavier.
inline Qt::PenStyle phenotypeStyle(bool csc) { return csc ? Qt::DashDotLine : Qt::SolidLine; }

inline QFont uiFont(double pointSize = 10, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

// Diagram fills (light tints so black labels stay legible).
inline QColor compartmentFill(int i)
{
    static const QColor fills[] = {QColor(0xF2, 0xF7, 0xFB), QColor(0xFD, 0xF3, 0xE7), QColor(0xEE, 0xF8, 0xF4),
                                   QColor(0xF9, 0xF0, 0xF5), QColor(0xF4, 0xF4, 0xF4), QColor(0xFF, 0xFB, 0xE6)};
    return fills[i % 6];
}
inline QColor knockDownColour() { return QColor(0x56, 0xB4, 0xE9); }     // sky blue: less
inline QColor knockoutColour() { return QColor(0x00, 0x00, 0x00); }      // black: none
inline QColor overexpressedColour() { return QColor(0xD5, 0x5E, 0x00); } // vermillion: more
inline QColor drugColour() { return QColor(0xCC, 0x79, 0xA7); }          // reddish purple

}  // namespace ferroscope::ui::palette
