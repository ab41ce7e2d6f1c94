// SetParameterCommand: a parameter value change (inspector spin box or slider). Steps of one slider
// drag share a gesture number and merge into one undo step (STYLE.md §4); a drag that ends where
// it began leaves no step. GUI thread only.
#pragma once

#include "core/model/pathway_model.h"

#include <QUndoCommand>

#include <string>

namespace ferroscope::ui {

class SetParameterCommand : public QUndoCommand {
public:
    /// `gesture` < 0: never merges.
    SetParameterCommand(core::PathwayModel &model, std::string id, double to, int gesture = -1);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    /// A new gesture number (call on slider press).
    static int nextGesture();

private:
    core::PathwayModel &m_model;
    std::string m_id;
    double m_from = 0, m_to = 0;
    int m_gesture;
};

}  // namespace ferroscope::ui
