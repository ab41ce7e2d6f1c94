// SBML export: ModelSpec -> SBML Level 3 Version 2 text (libSBML), evidence carried in notes and
// a Ferroscope annotation so that re-import restores it. The document is checked with libSBML's
// consistency checks (units and modelling-practice categories off) before it is returned.
#pragma once

#include "core/model/model_spec.h"
#include "core/util/result.h"

#include <string>

namespace ferroscope::core {

Result<std::string> exportSbmlString(const ModelSpec &model);
/// Writes atomically (temporary file + rename): a failure leaves any existing file untouched.
Result<bool> exportSbmlFile(const ModelSpec &model, const std::string &path);

}  // namespace ferroscope::core
