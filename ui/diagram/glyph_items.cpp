#include "ui/diagram/glyph_items.h"

#include "core/scenario/scenario_document.h"
#include "ui/style/palette.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace ferroscope::ui {

namespace {

// Geometry in scene units (1 unit = 1 px at 100 % zoom).
constexpr double kLabelPt = 11;          // glyph labels: legible at the fitted zoom on a laptop
constexpr double kBadgePt = 10;
constexpr double kProcessHalf = 7;       // process square half side
constexpr double kPortStub = 8;          // SBGN port length on each side of a process
constexpr double kHeadLength = 12;
constexpr double kHeadWidth = 11;
constexpr double kCatalysisDiameter = 10;
constexpr double kBarLength = 16;
constexpr double kHeadGap = 2;           // air between a head and the node it points at
constexpr double kBadgeRise = 10;        // how far a gene badge rises above the glyph

const QColor kInk(0x22, 0x22, 0x22);
const QColor kHalo(0xE6, 0x9F, 0x00, 170);   // orange hover halo (Okabe–Ito orange)

QFont labelFont() { return palette::uiFont(kLabelPt); }
QFont captionFont()
{
    QFont f = palette::uiFont(kLabelPt);
    f.setItalic(true);
    return f;
}
QFont badgeFont() { return palette::uiFont(kBadgePt, true); }

QSizeF textSize(const QString &text, const QFont &font)
{
    const QFontMetricsF fm(font);
    double w = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) w = std::max(w, fm.horizontalAdvance(line));
    return {w, lines.size() * fm.height()};
}

QColor arcColour(ArcClass cls)
{
    switch (cls) {
    case ArcClass::Stimulation: return QColor(0x00, 0x9E, 0x73);   // bluish green
    case ArcClass::Catalysis: return QColor(0x00, 0x72, 0xB2);     // blue
    case ArcClass::Inhibition: return QColor(0xD5, 0x5E, 0x00);    // vermillion
    default: return QColor(0x33, 0x33, 0x33);
    }
}

QPointF unit(const QPointF &v)
{
    const double len = std::hypot(v.x(), v.y());
    return len > 1e-9 ? v / len : QPointF(1, 0);
}

/// The SBGN head of `cls` with its tip `kHeadGap` short of `tipRaw`, arriving along `dir`.
void drawHead(QPainter *painter, ArcClass cls, QPointF tipRaw, QPointF dir, const QColor &colour)
{
    const QPointF normal(-dir.y(), dir.x());
    const QPointF tip = tipRaw - dir * kHeadGap;
    painter->setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    switch (cls) {
    case ArcClass::Consumption: break;
    case ArcClass::Production:
    case ArcClass::Stimulation: {
        const QPointF base = tip - dir * kHeadLength;
        const QPolygonF head({tip, base + normal * kHeadWidth / 2, base - normal * kHeadWidth / 2});
        painter->setBrush(cls == ArcClass::Production ? QBrush(colour) : QBrush(Qt::white));
        painter->drawPolygon(head);
        break;
    }
    case ArcClass::Catalysis:
        painter->setBrush(Qt::white);
        painter->drawEllipse(tip - dir * kCatalysisDiameter / 2, kCatalysisDiameter / 2, kCatalysisDiameter / 2);
        break;
    case ArcClass::Inhibition:
        painter->setPen(QPen(colour, 2.6, Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(tip + normal * kBarLength / 2, tip - normal * kBarLength / 2);
        break;
    }
}

/// How far the line stops short of the tip so that it ends at the head's base.
double headBack(ArcClass cls)
{
    switch (cls) {
    case ArcClass::Production:
    case ArcClass::Stimulation: return kHeadGap + kHeadLength;
    case ArcClass::Catalysis: return kHeadGap + kCatalysisDiameter;
    case ArcClass::Inhibition: return kHeadGap;
    case ArcClass::Consumption: return 0;
    }
    return 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
DiagramNode::DiagramNode(QString ref, QGraphicsItem *parent) : QGraphicsItem(parent), m_ref(std::move(ref))
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
}

void DiagramNode::setEditable(bool on)
{
    m_editable = on;
    setFlag(ItemIsSelectable, on);
    setFlag(ItemSendsGeometryChanges, true);
    if (!on) setSelected(false);
}

QVariant DiagramNode::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && m_moved) m_moved(this);
    return QGraphicsItem::itemChange(change, value);
}

void DiagramNode::paintSelection(QPainter *painter, const QRectF &rect) const
{
    if (!isSelected()) return;
    QPen pen(QColor(0x00, 0x72, 0xB2), 1.5, Qt::DashLine);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(rect.adjusted(-4, -4, 4, 4));
}

void DiagramNode::activate(Qt::MouseButton button, Qt::KeyboardModifiers modifiers)
{
    if (m_activation) m_activation(button, modifiers);
}

void DiagramNode::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hover = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void DiagramNode::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hover = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void DiagramNode::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept();   // keeps the view from starting a hand-drag on a glyph
}

void DiagramNode::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (shape().contains(event->pos())) activate(event->button(), event->modifiers());
    event->accept();
}

QPointF DiagramNode::clipToOutline(const QPainterPath &outline, const QPointF &toward) const
{
    QPointF inside(0, 0), outside = toward;
    if (outline.contains(outside)) return outside;
    for (int i = 0; i < 28; ++i) {   // bisection: exact enough for any outline shape
        const QPointF mid = (inside + outside) / 2;
        (outline.contains(mid) ? inside : outside) = mid;
    }
    return outside;
}

// ---------------------------------------------------------------------------------------------
GlyphItem::GlyphItem(GlyphKind kind, QString glyphId, QString ref, QString label, QSizeF size)
    : DiagramNode(std::move(ref)), m_kind(kind), m_id(std::move(glyphId)), m_label(std::move(label)),
      m_requested(size)
{
    setZValue(kind == GlyphKind::Drug ? 4 : 3);
    relayout();
}

void GlyphItem::setLabel(const QString &label)
{
    if (label == m_label) return;
    m_label = label;
    relayout();
    update();
}

void GlyphItem::setColour(const QColor &colour)
{
    if (colour == m_colour) return;
    m_colour = colour;
    update();
}

void GlyphItem::setCaption(const QString &caption, Qt::Edge side)
{
    prepareGeometryChange();
    m_caption = caption;
    m_captionSide = side;
    update();
}

void GlyphItem::setGeneTarget(bool on)
{
    prepareGeometryChange();
    m_gene = on;
    setCursor(on ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

void GlyphItem::setGeneLevel(double multiplier)
{
    if (multiplier == m_level) return;
    m_level = multiplier;
    update();
}

QString GlyphItem::badgeText() const
{
    using core::GeneState;
    switch (core::ScenarioDocument::geneState(m_level)) {
    case GeneState::Normal: return {};
    case GeneState::KnockDown: return QStringLiteral("KD ×%1").arg(m_level);
    case GeneState::Knockout: return QStringLiteral("KO");
    case GeneState::Overexpressed: return QStringLiteral("OE ×%1").arg(m_level);
    case GeneState::Custom: return QStringLiteral("×%1").arg(QString::number(m_level, 'g', 3));
    }
    return {};
}

void GlyphItem::setValue(std::optional<double> fold)
{
    if (fold == m_value) return;
    m_value = fold;
    update();
}

void GlyphItem::relayout()
{
    prepareGeometryChange();
    const QSizeF text = textSize(m_label, m_kind == GlyphKind::Drug ? palette::uiFont(kLabelPt, true) : labelFont());
    const int lines = int(m_label.count(QLatin1Char('\n'))) + 1;
    QSizeF s;
    switch (m_kind) {
    case GlyphKind::Macromolecule: s = {std::max(text.width() + 24, 76.0), std::max(text.height() + 14, 40.0)}; break;
    case GlyphKind::SimpleChemical:
        if (lines == 1 && text.width() + 18 <= 56) s = {56, 56};   // a true circle for short names
        else s = {text.width() + 34, std::max(text.height() + 14, 44.0)};
        break;
    case GlyphKind::Phenotype: s = {text.width() + 46, std::max(text.height() + 14, 42.0)}; break;
    case GlyphKind::EmptySet: s = {22, 22}; break;
    case GlyphKind::Drug: s = {text.width() + 22, text.height() + 10}; break;
    }
    if (m_requested.isValid() && !m_requested.isEmpty()) s = m_requested;
    m_body = QRectF(-s.width() / 2, -s.height() / 2, s.width(), s.height());
}

QPainterPath GlyphItem::outline() const
{
    QPainterPath path;
    const QRectF r = m_body;
    switch (m_kind) {
    case GlyphKind::Macromolecule: path.addRoundedRect(r, 10, 10); break;
    case GlyphKind::SimpleChemical: path.addRoundedRect(r, r.height() / 2, r.height() / 2); break;
    case GlyphKind::EmptySet: path.addEllipse(r); break;
    case GlyphKind::Drug: path.addRoundedRect(r, 9, 9); break;
    case GlyphKind::Phenotype: {
        const double e = r.height() * 0.38;
        path.addPolygon(QPolygonF({QPointF(r.left(), 0), QPointF(r.left() + e, r.top()), QPointF(r.right() - e, r.top()),
                                   QPointF(r.right(), 0), QPointF(r.right() - e, r.bottom()),
                                   QPointF(r.left() + e, r.bottom()), QPointF(r.left(), 0)}));
        path.closeSubpath();
        break;
    }
    }
    return path;
}

QRectF GlyphItem::badgeRect() const
{
    // Right-aligned just beyond the glyph's top-right corner, rising above it like a notification.
    const QString text = badgeText();
    const QSizeF s = textSize(text.isEmpty() ? QStringLiteral("OE ×3") : text, badgeFont());
    const double w = s.width() + 10, h = s.height() + 2;
    return QRectF(m_body.right() + 8 - w, m_body.top() - kBadgeRise, w, h);
}

QRectF GlyphItem::captionRect() const
{
    if (m_caption.isEmpty()) return {};
    const QSizeF s = textSize(m_caption, captionFont());
    switch (m_captionSide) {
    case Qt::LeftEdge: return QRectF(m_body.left() - 5 - s.width(), -s.height() / 2, s.width(), s.height());
    case Qt::TopEdge: return QRectF(-s.width() / 2, m_body.top() - 3 - s.height(), s.width(), s.height());
    case Qt::BottomEdge: return QRectF(-s.width() / 2, m_body.bottom() + 3, s.width(), s.height());
    case Qt::RightEdge: break;
    }
    return QRectF(m_body.right() + 5, -s.height() / 2, s.width(), s.height());
}

QRectF GlyphItem::footprint() const
{
    QRectF r = m_body;
    if (m_gene) r = r.united(QRectF(m_body.left(), m_body.top() - kBadgeRise, m_body.width() + 8, m_body.height() + kBadgeRise));
    if (!m_caption.isEmpty()) r = r.united(captionRect());
    return mapRectToScene(r);
}

QRectF GlyphItem::boundingRect() const
{
    QRectF r = m_body;
    if (m_gene) r = r.united(badgeRect());
    if (!m_caption.isEmpty()) r = r.united(captionRect());
    return r.adjusted(-5, -5, 5, 5);
}

QPainterPath GlyphItem::shape() const
{
    QPainterPath p = outline();
    if (!m_caption.isEmpty()) p.addRect(captionRect());
    return p;
}

void GlyphItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    using core::GeneState;
    painter->setRenderHint(QPainter::Antialiasing);
    const QPainterPath path = outline();
    if (isHovered()) {
        painter->setPen(QPen(kHalo, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }

    QColor fill = Qt::white, text = kInk, border = kInk;
    double borderWidth = m_gene ? 2.2 : 1.6;
    Qt::BrushStyle hatch = Qt::NoBrush;
    switch (m_kind) {
    case GlyphKind::SimpleChemical: fill = QColor(0xFF, 0xF4, 0xD6); break;
    case GlyphKind::Phenotype: fill = QColor(0xE3, 0xF4, 0xEC); break;
    case GlyphKind::Drug: fill = palette::drugColour(); border = palette::drugColour().darker(150); break;
    default: break;
    }
    if (m_gene) {
        switch (core::ScenarioDocument::geneState(m_level)) {
        case GeneState::Normal: break;
        case GeneState::KnockDown: fill = palette::knockDownColour(); break;
        case GeneState::Knockout:
            fill = QColor(0x3A, 0x3A, 0x3A);
            text = Qt::white;
            border = palette::knockoutColour();
            hatch = Qt::BDiagPattern;
            break;
        case GeneState::Overexpressed:
            fill = QColor(0xFB, 0xE6, 0xD6);
            border = palette::overexpressedColour();
            borderWidth = 3.6;
            break;
        case GeneState::Custom:
            fill = m_level < 1 ? palette::knockDownColour().lighter(150) : QColor(0xFB, 0xE6, 0xD6);
            border = m_level < 1 ? kInk : palette::overexpressedColour();
            borderWidth = m_level < 1 ? 2.2 : 2.8;
            break;
        }
    }
    if (m_colour.isValid() && (!m_gene || core::ScenarioDocument::geneState(m_level) == GeneState::Normal))
        fill = m_colour;
    if (!m_gene || core::ScenarioDocument::geneState(m_level) == GeneState::Normal) fill = valueTint(fill);
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(fill);
    painter->drawPath(path);
    if (hatch != Qt::NoBrush) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QBrush(QColor(0x80, 0x80, 0x80), hatch));
        painter->drawPath(path);
    }

    if (m_kind == GlyphKind::EmptySet) {
        painter->setPen(QPen(kInk, 1.6));
        painter->drawLine(QPointF(m_body.left() - 3, m_body.bottom() + 3), QPointF(m_body.right() + 3, m_body.top() - 3));
    } else {
        painter->setPen(text);
        painter->setFont(m_kind == GlyphKind::Drug ? palette::uiFont(kLabelPt, true) : labelFont());
        painter->drawText(m_body, Qt::AlignCenter, m_label);
    }
    if (!m_caption.isEmpty()) {
        painter->setPen(QColor(0x44, 0x44, 0x44));
        painter->setFont(captionFont());
        painter->drawText(captionRect(), Qt::AlignCenter, m_caption);
    }
    if (m_gene) paintBadge(painter);
    paintSelection(painter, m_body);
}

void GlyphItem::paintBadge(QPainter *painter) const
{
    using core::GeneState;
    const QString text = badgeText();
    if (text.isEmpty()) return;
    QColor bg(0x55, 0x55, 0x55);
    switch (core::ScenarioDocument::geneState(m_level)) {
    case GeneState::KnockDown: bg = QColor(0x00, 0x72, 0xB2); break;
    case GeneState::Knockout: bg = palette::knockoutColour(); break;
    case GeneState::Overexpressed: bg = palette::overexpressedColour(); break;
    default: bg = m_level < 1 ? QColor(0x00, 0x72, 0xB2) : palette::overexpressedColour(); break;
    }
    const QRectF r = badgeRect();
    painter->setPen(QPen(Qt::white, 1.2));
    painter->setBrush(bg);
    painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    painter->setPen(Qt::white);
    painter->setFont(badgeFont());
    painter->drawText(r, Qt::AlignCenter, text);
}

QColor GlyphItem::valueTint(const QColor &fill) const
{
    if (!m_value || !(*m_value > 0) || m_kind == GlyphKind::EmptySet || m_kind == GlyphKind::Drug) return fill;
    // log2 fold change clipped to ±2 (¼× … 4×) blends the fill toward vermillion (up) or blue (down),
    // at most 55 % so that the black label stays legible.
    const double f = std::clamp(std::log2(*m_value), -2.0, 2.0) / 2;
    const QColor target = f >= 0 ? palette::overexpressedColour() : QColor(0x00, 0x72, 0xB2);
    const double t = 0.55 * std::abs(f);
    return QColor::fromRgbF(float(fill.redF() * (1 - t) + target.redF() * t),
                            float(fill.greenF() * (1 - t) + target.greenF() * t),
                            float(fill.blueF() * (1 - t) + target.blueF() * t));
}

QPointF GlyphItem::attachPoint(const QPointF &toward, ArcClass, bool) const
{
    return mapToScene(clipToOutline(outline(), mapFromScene(toward)));
}

// ---------------------------------------------------------------------------------------------
ProcessItem::ProcessItem(QString reaction, QPointF direction, QString caption, QPointF captionOffset)
    : DiagramNode(std::move(reaction)), m_dir(unit(direction)), m_caption(std::move(caption)),
      m_captionOffset(captionOffset)
{
    setZValue(2);
}

namespace {
double portDistance(const QPointF &dir)
{
    return kProcessHalf / std::max(std::abs(dir.x()), std::abs(dir.y())) + kPortStub;
}
}  // namespace

QPointF ProcessItem::inputPort() const { return mapToScene(-m_dir * portDistance(m_dir)); }
QPointF ProcessItem::outputPort() const { return mapToScene(m_dir * portDistance(m_dir)); }

QRectF ProcessItem::localCaptionRect() const
{
    if (m_caption.isEmpty()) return {};
    const QSizeF s = textSize(m_caption, captionFont());
    return QRectF(m_captionOffset.x() - s.width() / 2, m_captionOffset.y() - s.height() / 2, s.width(), s.height());
}

QRectF ProcessItem::captionRect() const
{
    return m_caption.isEmpty() ? QRectF() : mapRectToScene(localCaptionRect());
}

QRectF ProcessItem::footprint() const
{
    const double d = portDistance(m_dir);
    const QPointF a = -m_dir * d, b = m_dir * d;
    const QRectF ports = QRectF(a, b).normalized().adjusted(-1, -1, 1, 1);
    const QRectF square(-kProcessHalf, -kProcessHalf, 2 * kProcessHalf, 2 * kProcessHalf);
    return mapRectToScene(square.united(ports));
}

QRectF ProcessItem::boundingRect() const
{
    const double d = portDistance(m_dir) + 6;
    QRectF r(-d, -d, 2 * d, 2 * d);
    if (!m_caption.isEmpty()) r = r.united(localCaptionRect());
    return r.adjusted(-2, -2, 2, 2);
}

QPainterPath ProcessItem::shape() const
{
    QPainterPath p;
    p.addRect(QRectF(-kProcessHalf - 3, -kProcessHalf - 3, 2 * kProcessHalf + 6, 2 * kProcessHalf + 6));
    if (!m_caption.isEmpty()) p.addRect(localCaptionRect());
    return p;
}

void ProcessItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF square(-kProcessHalf, -kProcessHalf, 2 * kProcessHalf, 2 * kProcessHalf);
    if (isHovered()) {
        painter->setPen(QPen(kHalo, 7));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(square);
    }
    const double d = portDistance(m_dir);
    painter->setPen(QPen(kInk, 1.6));
    painter->drawLine(-m_dir * (d - kPortStub), -m_dir * d);
    painter->drawLine(m_dir * (d - kPortStub), m_dir * d);
    painter->setBrush(Qt::white);
    painter->drawRect(square);
    if (!m_caption.isEmpty()) {
        painter->setPen(QColor(0x44, 0x44, 0x44));
        painter->setFont(captionFont());
        painter->drawText(localCaptionRect(), Qt::AlignCenter, m_caption);
    }
    paintSelection(painter, square);
}

QPointF ProcessItem::attachPoint(const QPointF &toward, ArcClass cls, bool outgoing) const
{
    if (cls == ArcClass::Consumption && !outgoing) return inputPort();
    if (cls == ArcClass::Production && outgoing) return outputPort();
    QPainterPath square;
    square.addRect(QRectF(-kProcessHalf, -kProcessHalf, 2 * kProcessHalf, 2 * kProcessHalf));
    return mapToScene(clipToOutline(square, mapFromScene(toward)));
}

// ---------------------------------------------------------------------------------------------
ArcItem::ArcItem(DiagramNode *from, DiagramNode *to, ArcClass cls, Route route)
    : m_from(from), m_to(to), m_cls(cls), m_route(std::move(route))
{
    setZValue(1);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::NoButton);
    updatePath();
}

void ArcItem::setCardinality(const QString &text)
{
    prepareGeometryChange();
    m_cardinality = text;
    update();
}

void ArcItem::setDrugArc(bool on)
{
    m_drug = on;
    setZValue(on ? 1.5 : 1);
    update();
}

void ArcItem::updatePath()
{
    prepareGeometryChange();
    // Two passes so that both ends aim at each other's actual attachment point (ports, outlines).
    QPointF end = m_to->attachPoint(m_route.isEmpty() ? m_from->scenePos() : m_route.last(), m_cls, false);
    QPointF start = m_from->attachPoint(m_route.isEmpty() ? end : m_route.first(), m_cls, true);
    if (m_route.isEmpty()) end = m_to->attachPoint(start, m_cls, false);
    m_points = QPolygonF() << start;
    for (const QPointF &p : m_route) m_points << p;
    m_points << end;
    update();
}

QPainterPath ArcItem::linePath() const
{
    QPainterPath path;
    if (m_points.size() < 2) return path;
    const QPointF tip = m_points.last();
    const QPointF dir = unit(tip - m_points[m_points.size() - 2]);
    path.moveTo(m_points.first());
    for (int i = 1; i + 1 < m_points.size(); ++i) path.lineTo(m_points[i]);
    path.lineTo(tip - dir * headBack(m_cls));
    return path;
}

QRectF ArcItem::boundingRect() const
{
    QRectF r = m_points.boundingRect().adjusted(-14, -14, 14, 14);
    return r;
}

QPainterPath ArcItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(9);
    return stroker.createStroke(linePath());
}

void ArcItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_points.size() < 2) return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_drug ? palette::drugColour().darker(115) : arcColour(m_cls);
    double width = (m_cls == ArcClass::Consumption || m_cls == ArcClass::Production) ? 1.8 : 1.6;
    if (m_drug) width = 2.2;
    if (m_hover) width += 1.6;
    QPen pen(colour, width, m_drug ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(linePath());
    paintHead(painter, colour);

    if (!m_cardinality.isEmpty()) {
        const QPointF mid = (m_points[0] + m_points[1]) / 2;
        const QSizeF s = textSize(m_cardinality, badgeFont());
        const QRectF box(mid.x() - s.width() / 2 - 4, mid.y() - s.height() / 2, s.width() + 8, s.height());
        painter->setPen(QPen(kInk, 1));
        painter->setBrush(Qt::white);
        painter->drawRoundedRect(box, 3, 3);
        painter->setFont(badgeFont());
        painter->drawText(box, Qt::AlignCenter, m_cardinality);
    }
}

void ArcItem::paintHead(QPainter *painter, const QColor &colour) const
{
    drawHead(painter, m_cls, m_points.last(), unit(m_points.last() - m_points[m_points.size() - 2]), colour);
}

void ArcItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hover = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ArcItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hover = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

// ---------------------------------------------------------------------------------------------
namespace {
QGraphicsSimpleTextItem *makeLabel(const QString &text, QGraphicsItem *parent, const QPointF &pos)
{
    auto *label = new QGraphicsSimpleTextItem(text, parent);
    label->setFont(palette::uiFont(kLabelPt, true));
    label->setBrush(QColor(0x55, 0x55, 0x55));
    label->setPos(pos);
    label->setAcceptedMouseButtons(Qt::NoButton);
    return label;
}
const QColor kMembrane(0xF1, 0xDC, 0xB8);
}  // namespace

CompartmentItem::CompartmentItem(const LayoutCompartment &spec) : m_spec(spec)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setPos(spec.rect.topLeft());
    if (!spec.label.isEmpty()) m_labelItem = makeLabel(spec.label, this, spec.labelPos);
    if (!spec.innerLabel.isEmpty()) m_innerLabelItem = makeLabel(spec.innerLabel, this, spec.innerLabelPos);
}

QRectF CompartmentItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_spec.rect.size()).adjusted(-3, -3, 3, 3);
}

void CompartmentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r(QPointF(0, 0), m_spec.rect.size());
    const QColor fill = palette::compartmentFill(m_spec.fill);
    const double radius = m_spec.band > 0 ? 46 : 22;
    if (m_spec.band > 0) {
        // A lipid bilayer: the band between two outlines, the inner region in its own tint.
        painter->setPen(QPen(kMembrane.darker(135), 2));
        painter->setBrush(kMembrane);
        painter->drawRoundedRect(r, radius, radius);
        const QRectF inner = r.adjusted(m_spec.band, m_spec.band, -m_spec.band, -m_spec.band);
        painter->setBrush(fill);
        const double innerRadius = std::max(8.0, radius - m_spec.band);
        painter->drawRoundedRect(inner, innerRadius, innerRadius);
        return;
    }
    painter->setPen(QPen(fill.darker(125), 2));
    painter->setBrush(fill);
    painter->drawRoundedRect(r, radius, radius);
}

// ---------------------------------------------------------------------------------------------
namespace {
struct LegendEntry {
    ArcClass cls;
    bool drug;
    const char *text;
};
constexpr LegendEntry kLegend[] = {
    {ArcClass::Production, false, "production"},   {ArcClass::Stimulation, false, "stimulation"},
    {ArcClass::Inhibition, false, "inhibition"},   {ArcClass::Catalysis, false, "catalysis"},
    {ArcClass::Inhibition, true, "drug / light"},
};
constexpr double kLegendSample = 28;   // length of the sample arc
constexpr double kLegendPad = 8;
}  // namespace

LegendItem::LegendItem(QPointF topLeft, int columns)
{
    setPos(topLeft);
    setZValue(-50);
    setAcceptedMouseButtons(Qt::NoButton);
    const QFontMetricsF fm(labelFont());
    double text = 0;
    for (const LegendEntry &e : kLegend) text = std::max(text, fm.horizontalAdvance(QString::fromUtf8(e.text)));
    m_columns = std::max(1, columns);
    m_rows = int((std::size(kLegend) + std::size_t(m_columns) - 1) / std::size_t(m_columns));
    m_columnWidth = kLegendSample + 6 + text + kLegendPad;
    m_rowHeight = fm.height() + 3;
}

QRectF LegendItem::boundingRect() const
{
    return QRectF(0, 0, kLegendPad + m_columns * m_columnWidth, 2 * 4 + m_rows * m_rowHeight);
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0xBB, 0xBB, 0xBB), 1));
    painter->setBrush(QColor(0xFF, 0xFF, 0xFF, 235));
    painter->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->setFont(labelFont());
    for (int i = 0; i < int(std::size(kLegend)); ++i) {
        const LegendEntry &e = kLegend[i];
        const double x = kLegendPad + (i / m_rows) * m_columnWidth;
        const double y = 4 + (i % m_rows + 0.5) * m_rowHeight;
        const QColor colour = e.drug ? palette::drugColour().darker(115) : arcColour(e.cls);
        const QPointF from(x, y), to(x + kLegendSample, y);
        painter->setPen(QPen(colour, e.drug ? 2.2 : 1.7, e.drug ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(from, to - QPointF(headBack(e.cls), 0));
        drawHead(painter, e.cls, to, QPointF(1, 0), colour);
        painter->setPen(kInk);
        painter->drawText(QRectF(to.x() + 6, y - m_rowHeight / 2, m_columnWidth, m_rowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, QString::fromUtf8(e.text));
    }
}

}  // namespace ferroscope::ui
