// MoveNodesCommand: one undo step for a drag, an align or a snap of any number of diagram nodes.
// The scene moves only the items while dragging and pushes this on release (STYLE.md §3); redo()
// writes the positions into the model, which echoes nodeMoved. GUI thread only.
#pragma once

#include "core/model/pathway_model.h"

#include <QPointF>
#include <QUndoCommand>

#include <map>
#include <utility>

namespace ferroscope::ui {

class MoveNodesCommand : public QUndoCommand {
public:
    /// node -> (from, to)
    using Moves = std::map<core::NodeRef, std::pair<QPointF, QPointF>>;
    MoveNodesCommand(core::PathwayModel &model, Moves moves, const QString &text = {});
    void redo() override;
    void undo() override;
    const Moves &moves() const { return m_moves; }

private:
    core::PathwayModel &m_model;
    Moves m_moves;
};

}  // namespace ferroscope::ui
