#include "ui/commands/set_parameter_command.h"

#include "ui/commands/command_ids.h"

#include <QObject>

namespace ferroscope::ui {

SetParameterCommand::SetParameterCommand(core::PathwayModel &model, std::string id, double to, int gesture)
    : m_model(model), m_id(std::move(id)), m_from(model.parameterValue(m_id)), m_to(to), m_gesture(gesture)
{
    setText(QObject::tr("Change %1").arg(QString::fromStdString(m_id)));
}

void SetParameterCommand::redo() { m_model.setParameterValue(m_id, m_to); }

void SetParameterCommand::undo() { m_model.setParameterValue(m_id, m_from); }

int SetParameterCommand::id() const { return m_gesture < 0 ? -1 : int(CommandId::SetParameter); }

bool SetParameterCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetParameterCommand *>(other);
    if (next->m_id != m_id || next->m_gesture != m_gesture) return false;   // a new drag, a new step
    m_to = next->m_to;
    setObsolete(m_to == m_from);
    return true;
}

int SetParameterCommand::nextGesture()
{
    static int gesture = 0;
    return ++gesture;
}

}  // namespace ferroscope::ui
