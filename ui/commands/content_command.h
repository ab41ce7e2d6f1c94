// ContentCommand: one undo step for a structural edit (add/delete/rename/formula …). It stores the
// document content before and after by value (STYLE.md §4: values, not pointers), so undo/redo are
// exact whatever the edit did. pushEdit() runs an edit function (core/model/model_edits.h) on a
// copy first: an edit that fails pushes nothing and leaves the model untouched. GUI thread only.
#pragma once

#include "core/model/model_edits.h"
#include "core/model/pathway_model.h"
#include "core/util/result.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <utility>

namespace ferroscope::ui {

class ContentCommand : public QUndoCommand {
public:
    ContentCommand(core::PathwayModel &model, const QString &text, core::edits::Content after,
                   QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    core::PathwayModel &m_model;
    core::edits::Content m_before, m_after;
};

/// The model's current content as an editable copy.
core::edits::Content contentOf(const core::PathwayModel &model);

/// true when `content` equals the model's current content (an edit that changed nothing).
bool sameContent(const core::edits::Content &content, const core::PathwayModel &model);

/// Runs `edit(content)` on a copy of the model's content; on success pushes one ContentCommand
/// (which applies it) and returns the edit's value, else returns its errors and changes nothing.
/// A successful edit that changed nothing (e.g. a value set to what it was) pushes no step.
template <typename Edit>
auto pushEdit(QUndoStack &stack, core::PathwayModel &model, const QString &text, Edit &&edit)
    -> decltype(edit(std::declval<core::edits::Content &>()))
{
    core::edits::Content content = contentOf(model);
    auto result = edit(content);
    if (!result || sameContent(content, model)) return result;
    stack.push(new ContentCommand(model, text, std::move(content)));
    return result;
}

}  // namespace ferroscope::ui
