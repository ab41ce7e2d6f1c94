// Ids of undo commands that merge with their successor (QUndoCommand::id()).
#pragma once

namespace ferroscope::ui {

enum class CommandId { SetParameter = 1, MoveNodes = 2, Scenario = 3 };

}  // namespace ferroscope::ui
