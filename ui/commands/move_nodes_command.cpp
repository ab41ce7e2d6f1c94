#include "ui/commands/move_nodes_command.h"

#include <QObject>

#include <algorithm>

namespace ferroscope::ui {

MoveNodesCommand::MoveNodesCommand(core::PathwayModel &model, Moves moves, const QString &text)
    : m_model(model), m_moves(std::move(moves))
{
    if (!text.isEmpty()) setText(text);
    else if (m_moves.size() == 1) setText(QObject::tr("Move %1").arg(m_moves.begin()->first.key));
    else setText(QObject::tr("Move %n items", nullptr, int(m_moves.size())));
    // A drag that ends where it began leaves no step (QUndoStack::push deletes obsolete commands).
    setObsolete(std::all_of(m_moves.begin(), m_moves.end(),
                            [](const auto &move) { return move.second.first == move.second.second; }));
}

void MoveNodesCommand::redo()
{
    for (const auto &[node, fromTo] : m_moves) m_model.setNodePosition(node, fromTo.second);
}

void MoveNodesCommand::undo()
{
    for (const auto &[node, fromTo] : m_moves) m_model.setNodePosition(node, fromTo.first);
}

}  // namespace ferroscope::ui
