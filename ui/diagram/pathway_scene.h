// PathwayScene: one figure (or both side by side) of the network as SBGN PD glyphs, built from the
// document's PathwayModel (its diagram layout and the model's reactions) and bound to a
// ScenarioDocument: gene glyphs show and cycle their level, drug glyphs appear while their input is
// enabled (STYLE.md §3: the diagram observes; clicks become document calls). It rebuilds when the
// model's content is replaced and follows nodeMoved. In the edit tools it turns gestures into
// requests (move, add species/reaction/regulation, delete, rename) that the DiagramEditor makes
// into undo commands; the scene itself never writes the model. Owned by DiagramWidget; GUI thread.
#pragma once

#include "core/model/pathway_model.h"
#include "ui/diagram/diagram_layout.h"

#include <QGraphicsScene>
#include <QPointF>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace ferroscope::core {
class ScenarioDocument;
struct Reaction;
}

class QGraphicsLineItem;

namespace ferroscope::ui {

class ArcItem;
class DiagramNode;
class GlyphItem;
class ProcessItem;

/// What a click on the diagram does.
enum class EditTool {
    Explore,         // teaching: gene glyphs cycle their level, other clicks show evidence
    Select,          // select (click, rubber band), move (drag), delete, rename, recolour
    AddSpecies,      // click on the canvas: a new species there
    AddReaction,     // click the reactant (or empty canvas for ∅), then the product (or ∅)
    AddRegulation,   // click the regulating species, then the process it acts on
};

using NodeMoves = std::map<core::NodeRef, std::pair<QPointF, QPointF>>;   // node -> (from, to)

class PathwayScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// `figure`: a figure id of the layout ("fig1", "fig2") or "both" (all figures side by side).
    PathwayScene(core::ScenarioDocument &document, core::PathwayModel &model, const QString &figure,
                 QObject *parent = nullptr);
    /// A read-only scene of a fixed layout (its own copy of the document's project and `layout`).
    PathwayScene(core::ScenarioDocument &document, const DiagramLayout &layout, const QString &figure,
                 QObject *parent = nullptr);
    ~PathwayScene() override;

    // ---- editing
    EditTool tool() const { return m_tool; }
    void setTool(EditTool tool);
    void setNewGlyphKind(GlyphKind kind) { m_newKind = kind; }
    GlyphKind newGlyphKind() const { return m_newKind; }
    void setRegulationClass(ArcClass cls) { m_regulationClass = cls; }
    ArcClass regulationClass() const { return m_regulationClass; }
    /// Moves end on a 10-unit grid.
    void setSnapToGrid(bool on) { m_snap = on; }
    bool snapToGrid() const { return m_snap; }
    static constexpr double kGrid = 10;
    /// Model ids of the selected nodes (species, reactions), in scene order, without duplicates.
    QStringList selectedRefs() const;
    /// The selected movable nodes and their layout positions.
    std::vector<std::pair<core::NodeRef, QPointF>> selectedNodes() const;
    /// Selects the nodes drawing these model ids.
    void selectRefs(const QStringList &refs);
    /// The node a diagram item stands for (figure-relative), nullopt for drugs/compartments.
    std::optional<core::NodeRef> nodeRef(const DiagramNode *node) const;
    /// Figure id and figure-relative position of a scene point ("" when outside every figure).
    std::pair<QString, QPointF> figureAt(QPointF scenePos) const;
    /// Model compartment id whose drawn region contains the scene point ("" if none).
    QString compartmentAt(QPointF scenePos) const;
    /// The first click of a two-click tool (reactant/modifier), "" when none pending.
    QString pendingRef() const { return m_pending; }

    QString figure() const { return m_figure; }
    /// Scene rectangle covering the drawn figure(s), titles included (for fit-to-view and export).
    QRectF figureRect() const { return m_figureRect; }

    /// The glyph with this layout id in the n-th figure of the scene (0 = first), or nullptr.
    GlyphItem *glyph(const QString &glyphId, int figureIndex = 0) const;
    ProcessItem *process(const QString &reaction, int figureIndex = 0) const;
    QList<GlyphItem *> glyphs() const;        // entity pools and ∅ (not drugs)
    QList<GlyphItem *> drugGlyphs() const;    // currently shown drug glyphs
    QList<ProcessItem *> processes() const;
    QList<ArcItem *> arcs() const;            // all arcs, drug arcs included
    /// Layout problems found while building (missing glyphs, unknown reactions); empty when clean.
    QStringList problems() const { return m_problems; }

    /// Species fold changes (vs a baseline) shown as small bars on the glyphs; ids not in the map
    /// are cleared.
    void setSpeciesValues(const std::map<std::string, double> &fold);
    void clearSpeciesValues();

signals:
    /// The user asked for the evidence card of a model/project id (click on a non-gene glyph,
    /// right-click or Ctrl+click on a gene glyph, click on a process or drug). Emitted queued,
    /// just after the click has been handled.
    void evidenceRequested(const QString &id);

    // ---- edit requests (DiagramEditor turns them into undo commands)
    void elementSelected(const QString &id);          // first selected node's model id, "" = none
    void nodesMoved(const ferroscope::ui::NodeMoves &moves);
    void addSpeciesRequested(const QString &figure, QPointF pos, const QString &compartment);
    /// ids of species; an empty list = ∅ (synthesis / degradation)
    void addReactionRequested(const QString &figure, const QStringList &reactants, const QStringList &products,
                              QPointF pos);
    void addRegulationRequested(const QString &modifier, const QString &reaction);
    void deleteRequested(const QStringList &ids);
    void renameRequested(const QString &id);
    void colourRequested(const QString &id);
    void toolMessage(const QString &text);            // a hint for the status bar

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    struct Figure;
    struct DrugEntry;

    void rebuild();
    void followMove(const core::NodeRef &node);
    void updateArcsOf(DiagramNode *node);
    DiagramNode *nodeAt(QPointF scenePos) const;
    DiagramNode *findNode(const core::NodeRef &node) const;
    void pressInTool(QGraphicsSceneMouseEvent *event);
    void finishDrag();
    void cancelPending();
    void buildFigure(const FigureLayout &layout, QPointF offset, bool title);
    void addCompartments(Figure &fig, const FigureLayout &layout);
    void addGlyphs(Figure &fig, const FigureLayout &layout);
    void addProcesses(Figure &fig, const FigureLayout &layout);
    void addFluxArcs(Figure &fig, const LayoutProcess &p, const core::Reaction &r, ProcessItem *node);
    GlyphItem *addEmptySet(Figure &fig, QPointF at, const QString &caption, Qt::Edge side, const QString &key,
                           const QString &reaction);
    void addRegulations(Figure &fig, const FigureLayout &layout);
    void addExtraArcs(Figure &fig, const FigureLayout &layout);
    DiagramNode *resolve(const Figure &fig, const QString &target) const;
    ArcItem *addArc(DiagramNode *from, DiagramNode *to, ArcClass cls, const Route &route,
                    const QString &evidenceId);
    void wireNode(DiagramNode *node, bool geneTarget);

    void syncGene(const QString &id, double multiplier);
    void syncInput(const QString &id);
    void showDrug(Figure &fig, const LayoutDrug &spec);
    void hideDrug(Figure &fig, const QString &input);

    core::ScenarioDocument &m_document;
    std::unique_ptr<core::PathwayModel> m_ownedModel;   // the read-only constructor's copy
    core::PathwayModel &m_model;
    const core::Project &m_project;
    QString m_figure;
    std::vector<std::unique_ptr<Figure>> m_figures;
    QRectF m_figureRect;
    QStringList m_problems;
    std::map<std::string, double> m_fold;

    EditTool m_tool = EditTool::Explore;
    GlyphKind m_newKind = GlyphKind::Macromolecule;
    ArcClass m_regulationClass = ArcClass::Stimulation;
    bool m_snap = false;
    QString m_pending;                      // first click of a two-click tool ("∅" = empty set)
    QString m_pendingFigure;
    QGraphicsLineItem *m_rubber = nullptr;  // line from the first click to the cursor
    std::map<DiagramNode *, QPointF> m_dragStart;   // selected nodes' scene positions at press
    QPointF m_pressPos;
    bool m_dragging = false;
};

}  // namespace ferroscope::ui
