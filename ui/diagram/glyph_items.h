// SBGN Process Description glyphs for the pathway diagram: entity pool nodes (macromolecule,
// simple chemical, phenotype, empty set), Ferroscope's drug label, process nodes, arcs with the
// standard heads, and compartments. Items hold an id and draw; PathwayScene owns them, wires
// their clicks and feeds them state (gene level, drug dose, species value). GUI thread only.
#pragma once

#include "ui/diagram/diagram_layout.h"

#include <QColor>
#include <QGraphicsItem>
#include <QString>

#include <functional>
#include <optional>

namespace ferroscope::ui {

/// Common base: an id for evidence, hover highlight, and a click callback.
class DiagramNode : public QGraphicsItem {
public:
    using Activation = std::function<void(Qt::MouseButton, Qt::KeyboardModifiers)>;

    explicit DiagramNode(QString ref, QGraphicsItem *parent = nullptr);
    const QString &ref() const { return m_ref; }
    void setActivation(Activation activation) { m_activation = std::move(activation); }
    /// Runs the click callback as a mouse click would.
    void activate(Qt::MouseButton button, Qt::KeyboardModifiers modifiers);
    bool isHovered() const { return m_hover; }
    /// Edit mode: the node can be selected (rubber band, clicks) and shows a selection frame.
    void setEditable(bool on);
    bool isEditable() const { return m_editable; }
    /// Called after the node moved (drag in edit mode, or a model echo) so arcs can follow.
    void setMoveCallback(std::function<void(DiagramNode *)> callback) { m_moved = std::move(callback); }

    /// Where an arc leaving (outgoing) or entering the node meets it, coming from/going to `toward`
    /// (scene coordinates). Flux arcs of a process use its ports; everything else its outline.
    virtual QPointF attachPoint(const QPointF &toward, ArcClass cls, bool outgoing) const = 0;
    /// The area the node needs on the canvas (scene coordinates): used to check the hand layout.
    virtual QRectF footprint() const = 0;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    /// Point on `outline` (item coordinates) on the segment from the item centre to `toward`.
    QPointF clipToOutline(const QPainterPath &outline, const QPointF &toward) const;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    /// Dashed selection frame around `rect` (item coordinates) when selected.
    void paintSelection(QPainter *painter, const QRectF &rect) const;

private:
    QString m_ref;
    Activation m_activation;
    std::function<void(DiagramNode *)> m_moved;
    bool m_hover = false;
    bool m_editable = false;
};

/// An entity pool node: macromolecule, simple chemical, phenotype, empty set, or drug.
class GlyphItem : public DiagramNode {
public:
    enum { Type = UserType + 101 };

    GlyphItem(GlyphKind kind, QString glyphId, QString ref, QString label, QSizeF size = {});

    int type() const override { return Type; }
    const QString &glyphId() const { return m_id; }
    GlyphKind kind() const { return m_kind; }
    QString label() const { return m_label; }
    void setLabel(const QString &label);
    /// User fill colour (from the layout); invalid = the class default.
    void setColour(const QColor &colour);
    /// Caption beside an empty-set glyph ("holo-Tf").
    void setCaption(const QString &caption, Qt::Edge side = Qt::RightEdge);

    /// Gene target glyphs are clickable and show their multiplier as fill + badge.
    void setGeneTarget(bool on);
    bool isGeneTarget() const { return m_gene; }
    void setGeneLevel(double multiplier);
    double geneLevel() const { return m_level; }
    QString badgeText() const;   // "" when normal

    /// Fold change vs a baseline, shown as a fill tint (vermillion up, blue down); nullopt clears it.
    void setValue(std::optional<double> fold);
    std::optional<double> value() const { return m_value; }

    QRectF bodyRect() const { return m_body; }   // item coordinates, centred on (0, 0)
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QPointF attachPoint(const QPointF &toward, ArcClass cls, bool outgoing) const override;
    QRectF footprint() const override;

private:
    void relayout();
    QPainterPath outline() const;
    QRectF badgeRect() const;
    QRectF captionRect() const;
    void paintBadge(QPainter *painter) const;
    QColor valueTint(const QColor &fill) const;

    GlyphKind m_kind;
    QString m_id, m_label, m_caption;
    Qt::Edge m_captionSide = Qt::RightEdge;
    QSizeF m_requested;
    QRectF m_body;
    bool m_gene = false;
    double m_level = 1.0;
    std::optional<double> m_value;
    QColor m_colour;
};

/// A process node: a small square with an input and an output port along the flow direction.
class ProcessItem : public DiagramNode {
public:
    enum { Type = UserType + 102 };

    ProcessItem(QString reaction, QPointF direction, QString caption = {}, QPointF captionOffset = {});
    int type() const override { return Type; }
    QPointF inputPort() const;    // scene coordinates
    QPointF outputPort() const;
    QRectF captionRect() const;   // scene coordinates; empty without caption

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QPointF attachPoint(const QPointF &toward, ArcClass cls, bool outgoing) const override;
    QRectF footprint() const override;

private:
    QRectF localCaptionRect() const;
    QPointF m_dir;
    QString m_caption;
    QPointF m_captionOffset;
};

/// An arc between two nodes through optional waypoints, with the SBGN head of its class.
class ArcItem : public QGraphicsItem {
public:
    enum { Type = UserType + 103 };

    ArcItem(DiagramNode *from, DiagramNode *to, ArcClass cls, Route route = {});
    int type() const override { return Type; }
    DiagramNode *from() const { return m_from; }
    DiagramNode *to() const { return m_to; }
    ArcClass arcClass() const { return m_cls; }
    /// Stoichiometry label drawn on the arc ("8"), SBGN cardinality.
    void setCardinality(const QString &text);
    /// Drug arcs are drawn dashed in the drug colour.
    void setDrugArc(bool on);
    bool isDrugArc() const { return m_drug; }
    /// Recomputes the geometry from the two ends' current positions.
    void updatePath();
    QPolygonF points() const { return m_points; }   // scene coordinates, including both ends

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QPainterPath linePath() const;
    void paintHead(QPainter *painter, const QColor &colour) const;

    DiagramNode *m_from;
    DiagramNode *m_to;
    ArcClass m_cls;
    Route m_route;
    QPolygonF m_points;
    QString m_cardinality;
    bool m_drug = false;
    bool m_hover = false;
};

/// A labelled compartment region; with a band > 0 it is a membrane around an inner region.
class CompartmentItem : public QGraphicsItem {
public:
    enum { Type = UserType + 104 };

    explicit CompartmentItem(const LayoutCompartment &spec);
    int type() const override { return Type; }
    const LayoutCompartment &spec() const { return m_spec; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    /// The label items (children) so the scene can give them the compartment's evidence tooltip.
    QGraphicsItem *labelItem() const { return m_labelItem; }
    QGraphicsItem *innerLabelItem() const { return m_innerLabelItem; }

private:
    LayoutCompartment m_spec;
    QGraphicsItem *m_labelItem = nullptr;
    QGraphicsItem *m_innerLabelItem = nullptr;
};

/// The key to the arc heads (SBGN PD) and the drug style, laid out in columns to fit its rect.
class LegendItem : public QGraphicsItem {
public:
    enum { Type = UserType + 105 };

    LegendItem(QPointF topLeft, int columns);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_columns, m_rows;
    double m_columnWidth, m_rowHeight;
};

}  // namespace ferroscope::ui
