// DiagramLayout: the hand-laid positions of the Fig. 1 / Fig. 2 network (resources/layout/
// iron_csc_layout.json). It holds geometry and drawing choices only — which glyph sits where, which
// reactions get a process node, which arc class a modifier draws with, where drugs attach. What is
// connected to what comes from the model's reactions (PathwayScene derives the arcs), so the
// diagram stays bound to the model. Plain value type; any thread.
#pragma once

#include "core/util/result.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <vector>

namespace ferroscope::core {

/// SBGN Process Description node classes used by the diagram (plus Ferroscope's drug label).
enum class GlyphKind { Macromolecule, SimpleChemical, Phenotype, EmptySet, Drug };

/// SBGN PD arc classes: consumption/production carry flux; the rest modulate a process.
enum class ArcClass { Consumption, Production, Stimulation, Inhibition, Catalysis };

using Route = QVector<QPointF>;   // waypoints between the two ends, in scene coordinates

struct LayoutGlyph {
    QString id;        // unique within the figure
    QString ref;       // model/project id it stands for (species, gene target, readout, preset)
    QString label;     // may contain '\n'
    GlyphKind kind = GlyphKind::Macromolecule;
    QPointF pos;       // centre
    QSizeF size;       // empty = computed from the label
    QString colour;    // user fill colour "#rrggbb"; empty = the class default
};

/// A reaction drawn with its own process node: reactants -> [] -> products, modifiers -> [].
struct LayoutProcess {
    QString reaction;
    QPointF pos;
    QPointF dir{1, 0};           // unit flow direction: input port behind, output port ahead
    QString label;               // enzyme/transporter caption next to the node (e.g. "STEAP3")
    QPointF labelOffset{0, -18}; // caption centre relative to the node
    QPointF source, sink;        // ∅ glyph centres for an empty side (defaults: 70 units away)
    bool hasSource = false, hasSink = false;
    QString sourceLabel, sinkLabel;            // caption beside the ∅ (e.g. "holo-Tf")
    Qt::Edge sourceLabelSide = Qt::RightEdge, sinkLabelSide = Qt::RightEdge;
    std::map<QString, ArcClass> arcs;          // modifier id -> class (default stimulation)
    QStringList hidden;                        // modifiers not drawn (e.g. implied elsewhere)
    std::map<QString, Route> routes;           // participant id, "source" or "sink" -> waypoints
};

/// A reaction drawn without a process node: only its modifiers, as arcs onto the species it makes
/// (or, for a degradation, the species it removes) with the class of the net effect.
struct LayoutRegulation {
    QString reaction;
    std::map<QString, ArcClass> arcs;          // modifier id -> class (default stimulation)
    QStringList hidden;                        // modifiers not drawn
    std::map<QString, Route> routes;           // modifier id -> waypoints
};

/// An arc the model expresses through a parameter rather than a species (gene-only targets such as
/// c-Myc -> IRP2 synthesis, or a readout). `to` may be "process:<reaction id>".
struct LayoutArc {
    QString from, to;
    ArcClass cls = ArcClass::Stimulation;
    Route route;
    QString reason;    // model term it stands for, e.g. "R19 (x_myc)"
};

/// Where an enabled drug/light input appears and what it acts on.
struct LayoutDrug {
    QString input;
    QPointF pos;
    QStringList targets;                     // glyph ids or "process:<reaction id>"
    ArcClass cls = ArcClass::Inhibition;
    std::map<QString, Route> routes;         // target -> waypoints
};

struct LayoutCompartment {
    QString id;          // model compartment id (for the evidence card), may be ""
    QString label;
    QRectF rect;
    int fill = 0;        // palette::compartmentFill index
    double band = 0;     // > 0: drawn as a membrane band of this thickness around an inner region
    QString innerLabel;  // label of the region inside the band (e.g. "cytoplasm")
    QString innerId;
    QPointF labelPos;    // top-left of the label, relative to rect (default: inside top-left)
    QPointF innerLabelPos;
};

struct FigureLayout {
    QString id, title;
    QSizeF size;
    std::vector<LayoutCompartment> compartments;
    std::vector<LayoutGlyph> glyphs;
    std::vector<LayoutProcess> processes;
    std::vector<LayoutRegulation> regulations;
    std::vector<LayoutArc> arcs;
    std::vector<LayoutDrug> drugs;
    QPointF legendPos;   // top-left of the arc legend (it sizes itself)
    int legendColumns = 0;   // 0 = no legend

    const LayoutGlyph *findGlyph(const QString &id) const;
    const LayoutProcess *findProcess(const QString &reaction) const;
    LayoutGlyph *findGlyph(const QString &id);
    LayoutProcess *findProcess(const QString &reaction);
    LayoutRegulation *findRegulation(const QString &reaction);
    /// Glyphs standing for this model/project id (a species may be drawn more than once).
    std::vector<const LayoutGlyph *> glyphsFor(const QString &ref) const;
    /// A glyph id not used yet in this figure, derived from `base`.
    QString uniqueGlyphId(const QString &base) const;
};

class DiagramLayout {
public:
    static Result<DiagramLayout> fromJson(const QByteArray &json);
    static Result<DiagramLayout> fromFile(const QString &path);
    /// The layout compiled into the binary (:/layout/iron_csc_layout.json); aborts if broken.
    static const DiagramLayout &builtin();
    /// A layout made of these figures (labels and drug labels empty).
    static DiagramLayout fromFigures(std::vector<FigureLayout> figures);

    /// The layout as JSON in the format fromJson reads (round trip exact up to defaults).
    QByteArray toJson() const;

    const std::vector<FigureLayout> &figures() const { return m_figures; }
    std::vector<FigureLayout> &figures() { return m_figures; }
    const FigureLayout *figure(const QString &id) const;
    FigureLayout *figure(const QString &id);
    /// Short drug name for the drug glyph ("RSL3", "anti-TFR1"); falls back to the input id.
    QString drugLabel(const QString &input) const;
    /// Default glyph label for a model id ("Fe²⁺ (LIP)"); falls back to the id.
    QString label(const QString &ref) const;
    void setLabel(const QString &ref, const QString &label) { m_labels[ref] = label; }
    void setDrugLabel(const QString &input, const QString &label) { m_drugLabels[input] = label; }
    bool operator==(const DiagramLayout &other) const;

private:
    std::vector<FigureLayout> m_figures;
    std::map<QString, QString> m_drugLabels;
    std::map<QString, QString> m_labels;
};

QString toString(ArcClass cls);
QString glyphKindName(GlyphKind kind);
/// SBGN/SBO term of a glyph class (macromolecule SBO:0000245, simple chemical SBO:0000247, ...).
int sboTerm(GlyphKind kind);
/// SBO term of an arc class as a modifier/participant role (stimulation SBO:0000170, ...).
int sboTerm(ArcClass cls);

}  // namespace ferroscope::core
