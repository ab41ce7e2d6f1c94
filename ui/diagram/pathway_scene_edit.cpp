// PathwayScene's edit tools: selection, dragging (one MoveNodes request on release, optionally on
// a grid), the two-click add-reaction/add-regulation gestures, delete, rename and recolour
// requests. The scene never writes the model: it emits requests (see pathway_scene.h).
#include "ui/diagram/pathway_scene.h"

#include "ui/diagram/glyph_items.h"
#include "ui/diagram/pathway_scene_p.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QMenu>

#include <cmath>

namespace ferroscope::ui {

namespace {
const QString kEmptySet = QStringLiteral("∅");

template <typename Map>
DiagramNode *lookupNode(const Map &map, const QString &key)
{
    auto it = map.find(key);
    return it == map.end() ? nullptr : it->second;
}

bool isSpeciesGlyph(const DiagramNode *node)
{
    const auto *g = dynamic_cast<const GlyphItem *>(node);
    return g && g->kind() != GlyphKind::EmptySet && g->kind() != GlyphKind::Drug;
}

QPointF snapped(QPointF p) { return {std::round(p.x() / PathwayScene::kGrid) * PathwayScene::kGrid,
                                     std::round(p.y() / PathwayScene::kGrid) * PathwayScene::kGrid}; }
}  // namespace

void PathwayScene::setTool(EditTool tool)
{
    if (tool != m_tool) cancelPending();
    m_tool = tool;
    const bool editable = tool == EditTool::Select;
    for (QGraphicsItem *item : items())
        if (auto *node = dynamic_cast<DiagramNode *>(item))
            node->setEditable(editable && nodeRef(node).has_value());
}

std::optional<core::NodeRef> PathwayScene::nodeRef(const DiagramNode *node) const
{
    for (const auto &fig : m_figures) {
        for (const auto &[key, g] : fig->glyphs) {
            if (g != node) continue;
            if (key.startsWith(kEmptySet + QLatin1Char(':'))) {   // "∅:<reaction>:in|out"
                const QStringList parts = key.split(QLatin1Char(':'));
                return core::NodeRef{fig->id,
                                     parts.value(2) == QLatin1String("in") ? core::NodeRef::Kind::Source
                                                                           : core::NodeRef::Kind::Sink,
                                     parts.value(1)};
            }
            return core::NodeRef{fig->id, core::NodeRef::Kind::Glyph, key};
        }
        for (const auto &[reaction, p] : fig->processes)
            if (p == node) return core::NodeRef{fig->id, core::NodeRef::Kind::Process, reaction};
    }
    return std::nullopt;
}

DiagramNode *PathwayScene::findNode(const core::NodeRef &node) const
{
    for (const auto &fig : m_figures) {
        if (fig->id != node.figure) continue;
        switch (node.kind) {
        case core::NodeRef::Kind::Glyph: return lookupNode(fig->glyphs, node.key);
        case core::NodeRef::Kind::Process: return lookupNode(fig->processes, node.key);
        case core::NodeRef::Kind::Source: return lookupNode(fig->glyphs, kEmptySet + ":" + node.key + ":in");
        case core::NodeRef::Kind::Sink: return lookupNode(fig->glyphs, kEmptySet + ":" + node.key + ":out");
        }
    }
    return nullptr;
}

void PathwayScene::followMove(const core::NodeRef &node)
{
    DiagramNode *item = findNode(node);
    const auto pos = m_model.nodePosition(node);
    if (!item || !pos) return;
    for (const auto &fig : m_figures)
        if (fig->id == node.figure) item->setPos(*pos + fig->offset);   // arcs follow (itemChange)
}

void PathwayScene::updateArcsOf(DiagramNode *node)
{
    for (ArcItem *arc : arcs())
        if (arc->from() == node || arc->to() == node) arc->updatePath();
}

QStringList PathwayScene::selectedRefs() const
{
    QStringList out;
    for (QGraphicsItem *item : selectedItems()) {
        auto *node = dynamic_cast<DiagramNode *>(item);
        if (!node) continue;
        const auto ref = nodeRef(node);
        // a ∅ stands for its reaction; glyphs and processes for their model id
        const QString id = ref && ref->kind != core::NodeRef::Kind::Glyph ? ref->key : node->ref();
        if (!out.contains(id)) out << id;
    }
    return out;
}

std::vector<std::pair<core::NodeRef, QPointF>> PathwayScene::selectedNodes() const
{
    std::vector<std::pair<core::NodeRef, QPointF>> out;
    for (QGraphicsItem *item : selectedItems())
        if (auto *node = dynamic_cast<DiagramNode *>(item))
            if (const auto ref = nodeRef(node))
                if (const auto pos = m_model.nodePosition(*ref)) out.emplace_back(*ref, *pos);
    return out;
}

void PathwayScene::selectRefs(const QStringList &refs)
{
    clearSelection();
    if (m_tool != EditTool::Select) return;
    for (QGraphicsItem *item : items())
        if (auto *node = dynamic_cast<DiagramNode *>(item))
            if (node->isEditable() && refs.contains(node->ref())) node->setSelected(true);
}

std::pair<QString, QPointF> PathwayScene::figureAt(QPointF scenePos) const
{
    for (const auto &fig : m_figures)
        if (QRectF(fig->offset, fig->layout->size).contains(scenePos)) return {fig->id, scenePos - fig->offset};
    if (m_figures.size() == 1) return {m_figures.front()->id, scenePos - m_figures.front()->offset};
    return {};
}

QString PathwayScene::compartmentAt(QPointF scenePos) const
{
    for (const auto &fig : m_figures) {
        const QPointF local = scenePos - fig->offset;
        // innermost first: later compartments are drawn on top of earlier ones
        for (auto it = fig->layout->compartments.rbegin(); it != fig->layout->compartments.rend(); ++it) {
            if (!it->rect.contains(local)) continue;
            const QRectF inner = it->rect.adjusted(it->band, it->band, -it->band, -it->band);
            if (it->band > 0 && inner.contains(local) && !it->innerId.isEmpty()) return it->innerId;
            if (!it->id.isEmpty()) return it->id;
        }
    }
    return {};
}

DiagramNode *PathwayScene::nodeAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (auto *node = dynamic_cast<DiagramNode *>(item)) return node;
    return nullptr;
}

void PathwayScene::cancelPending()
{
    m_pending.clear();
    m_pendingFigure.clear();
    delete m_rubber;
    m_rubber = nullptr;
}

// ---- mouse

void PathwayScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_tool == EditTool::Explore || event->button() != Qt::LeftButton) {
        if (m_tool == EditTool::Explore) QGraphicsScene::mousePressEvent(event);
        else event->accept();
        return;
    }
    pressInTool(event);
}

void PathwayScene::pressInTool(QGraphicsSceneMouseEvent *event)
{
    DiagramNode *node = nodeAt(event->scenePos());
    const auto [figure, local] = figureAt(event->scenePos());
    switch (m_tool) {
    case EditTool::Select: {
        if (!node || !node->isEditable()) {
            if (!(event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier))) clearSelection();
            event->ignore();   // the view starts a rubber band
            return;
        }
        if (event->modifiers() & Qt::ControlModifier) node->setSelected(!node->isSelected());
        else if (!node->isSelected()) {
            clearSelection();
            node->setSelected(true);
        }
        m_dragStart.clear();
        for (QGraphicsItem *item : selectedItems())
            if (auto *n = dynamic_cast<DiagramNode *>(item)) m_dragStart[n] = n->pos();
        m_pressPos = event->scenePos();
        m_dragging = true;
        break;
    }
    case EditTool::AddSpecies:
        if (figure.isEmpty()) {
            emit toolMessage(tr("Click inside a figure to place the new species."));
            break;
        }
        emit addSpeciesRequested(figure, m_snap ? snapped(local) : local, compartmentAt(event->scenePos()));
        break;
    case EditTool::AddReaction: {
        const QString id = node && isSpeciesGlyph(node) ? node->ref() : kEmptySet;
        if (m_pending.isEmpty()) {
            if (figure.isEmpty()) break;
            m_pending = id;
            m_pendingFigure = figure;
            m_rubber = addLine(QLineF(event->scenePos(), event->scenePos()), QPen(QColor(0x00, 0x72, 0xB2), 1.5, Qt::DashLine));
            m_rubber->setZValue(1000);
            emit toolMessage(id == kEmptySet ? tr("Synthesis from ∅: now click the product.")
                                             : tr("Reactant %1: now click the product, or empty canvas for a degradation.").arg(id));
            break;
        }
        const QString from = m_pending, fig = m_pendingFigure;
        const QPointF mid = (m_rubber->line().p1() + event->scenePos()) / 2;
        cancelPending();
        if (from == kEmptySet && id == kEmptySet) {
            emit toolMessage(tr("A reaction needs at least one species."));
            break;
        }
        const auto [midFigure, midLocal] = figureAt(mid);
        emit addReactionRequested(fig, from == kEmptySet ? QStringList() : QStringList{from},
                                  id == kEmptySet ? QStringList() : QStringList{id},
                                  midFigure == fig ? midLocal : local);
        break;
    }
    case EditTool::AddRegulation: {
        if (m_pending.isEmpty()) {
            if (!node || !isSpeciesGlyph(node)) {
                emit toolMessage(tr("Click the species that regulates, then the process node it acts on."));
                break;
            }
            m_pending = node->ref();
            m_rubber = addLine(QLineF(event->scenePos(), event->scenePos()), QPen(QColor(0x00, 0x72, 0xB2), 1.5, Qt::DashLine));
            m_rubber->setZValue(1000);
            emit toolMessage(tr("Regulator %1: now click the process node (small square) it acts on.").arg(m_pending));
            break;
        }
        const QString modifier = m_pending;
        cancelPending();
        // a copy: handling the request rebuilds the scene, deleting the item that holds ref()
        if (auto *process = dynamic_cast<ProcessItem *>(node)) emit addRegulationRequested(modifier, QString(process->ref()));
        else emit toolMessage(tr("That is not a process node; regulation cancelled."));
        break;
    }
    case EditTool::Explore: break;
    }
    event->accept();
}

void PathwayScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_rubber) {
        m_rubber->setLine(QLineF(m_rubber->line().p1(), event->scenePos()));
        return;
    }
    if (m_tool == EditTool::Select && m_dragging && (event->buttons() & Qt::LeftButton)) {
        QPointF delta = event->scenePos() - m_pressPos;
        for (const auto &[node, start] : m_dragStart) node->setPos(start + delta);   // arcs follow
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void PathwayScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_tool == EditTool::Select && m_dragging) {
        finishDrag();
        event->accept();
        return;
    }
    if (m_tool == EditTool::Explore) QGraphicsScene::mouseReleaseEvent(event);
}

void PathwayScene::finishDrag()
{
    m_dragging = false;
    NodeMoves moves;
    for (const auto &[node, start] : m_dragStart) {
        const auto ref = nodeRef(node);
        const auto from = ref ? m_model.nodePosition(*ref) : std::nullopt;
        if (!ref || !from) continue;
        const QPointF offset = start - *from;   // the figure's offset in this scene
        QPointF to = node->pos() - offset;
        if (m_snap) to = snapped(to);
        if (to != *from) moves[*ref] = {*from, to};
        else node->setPos(start);
    }
    m_dragStart.clear();
    if (!moves.empty()) emit nodesMoved(moves);
}

void PathwayScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_tool == EditTool::Select) {
        DiagramNode *node = nodeAt(event->scenePos());
        if (node && node->isEditable()) emit renameRequested(QString(node->ref()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void PathwayScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !m_pending.isEmpty()) {
        cancelPending();
        emit toolMessage(tr("Cancelled."));
        return;
    }
    if (m_tool == EditTool::Select && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        const QStringList refs = selectedRefs();
        if (!refs.isEmpty()) emit deleteRequested(refs);
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void PathwayScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    DiagramNode *node = nodeAt(event->scenePos());
    if (m_tool == EditTool::Explore || !node || !nodeRef(node)) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    const QString id = node->ref();
    if (m_tool == EditTool::Select && !node->isSelected()) {
        clearSelection();
        node->setSelected(true);
    }
    QMenu menu;
    menu.addAction(tr("Inspect %1").arg(id), this, [this, id] { emit elementSelected(id); });
    menu.addAction(tr("Rename…"), this, [this, id] { emit renameRequested(id); });
    if (isSpeciesGlyph(node)) menu.addAction(tr("Colour…"), this, [this, id] { emit colourRequested(id); });
    menu.addSeparator();
    const QStringList refs = m_tool == EditTool::Select && node->isSelected() ? selectedRefs() : QStringList{id};
    menu.addAction(tr("Delete %1…").arg(refs.size() == 1 ? refs.front() : tr("%n items", nullptr, int(refs.size()))),
                   this, [this, refs] { emit deleteRequested(refs); });
    menu.exec(event->screenPos());
    event->accept();
}

}  // namespace ferroscope::ui
