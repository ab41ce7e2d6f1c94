// Helpers shared by the model_edits*.cpp files (not part of the public edit API). Any thread.
#pragma once

#include "core/model/model_edits.h"

#include <set>
#include <string>
#include <vector>

namespace ferroscope::core::edits::detail {

/// Every id a new element must not take: model ids (not local parameters) and catalogue ids.
std::set<std::string> usedIds(const Project &project);
bool isValidSId(const std::string &id);
/// A number as a user typed it ("-2", "0.5", "nan", "inf"), for messages.
std::string formatNumber(double v);
/// Error if `id` is not a valid SId or is already used; `what` names the element ("species").
std::optional<Error> checkNewId(const Project &project, const std::string &id, const std::string &what);

/// Validates `work` and, if it compiles, moves it into `content`; else returns the errors.
Result<bool> commit(Content &content, Content &&work);

/// Adds a global parameter made unique from `base`, flagged as added by the user. Returns its id.
std::string addUserParameter(Project &project, const std::string &base, double value, const std::string &units);

/// Every symbol and function name any math of the model or the catalogue refers to `id` with.
bool isReferenced(const Project &project, const std::string &id);
/// Every Symbol and Call name below `node`.
std::vector<std::string> namesIn(const MathNode &node);

Reaction *findReaction(ModelSpec &model, const std::string &id);
bool sameMath(const MathNode &a, const MathNode &b);
/// true when the species takes part in the reaction as reactant, product or modifier.
bool isParticipant(const Reaction &reaction, const std::string &species);

/// Removes the modifier's arc/route/hidden entries from every process and regulation of `reaction`.
void eraseModifierDrawing(DiagramLayout &layout, const std::string &reaction, const std::string &modifier);

}  // namespace ferroscope::core::edits::detail
