#include "ui/commands/content_command.h"

#include "core/io/project_file.h"

namespace ferroscope::ui {

core::edits::Content contentOf(const core::PathwayModel &model)
{
    return {model.project(), model.layout()};
}

bool sameContent(const core::edits::Content &content, const core::PathwayModel &model)
{
    return content.layout == model.layout()
           && core::writeProjectJson(content.project) == core::writeProjectJson(model.project());
}

ContentCommand::ContentCommand(core::PathwayModel &model, const QString &text, core::edits::Content after,
                               QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_before(contentOf(model)), m_after(std::move(after))
{
}

void ContentCommand::redo() { m_model.setContent(m_after.project, m_after.layout); }

void ContentCommand::undo() { m_model.setContent(m_before.project, m_before.layout); }

}  // namespace ferroscope::ui
