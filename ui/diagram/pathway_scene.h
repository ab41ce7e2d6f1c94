// PathwayScene: one figure (or both side by side) of the network as SBGN PD glyphs, built from the
// hand layout (DiagramLayout) and the model's reactions, and bound to a ScenarioDocument: gene
// glyphs show and cycle their level, drug glyphs appear while their input is enabled (STYLE.md §3:
// the diagram observes; clicks become document calls). Owned by DiagramWidget; GUI thread only.
#pragma once

#include "ui/diagram/diagram_layout.h"

#include <QGraphicsScene>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ferroscope::core {
class ScenarioDocument;
struct Project;
struct Reaction;
}

namespace ferroscope::ui {

class ArcItem;
class DiagramNode;
class GlyphItem;
class ProcessItem;

class PathwayScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// `figure`: a figure id of the layout ("fig1", "fig2") or "both" (all figures side by side).
    PathwayScene(core::ScenarioDocument &document, const DiagramLayout &layout, const QString &figure,
                 QObject *parent = nullptr);
    ~PathwayScene() override;

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

private:
    struct Figure;
    struct DrugEntry;

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
    const core::Project &m_project;
    const DiagramLayout &m_layout;
    QString m_figure;
    std::vector<std::unique_ptr<Figure>> m_figures;
    QRectF m_figureRect;
    QStringList m_problems;
};

}  // namespace ferroscope::ui
