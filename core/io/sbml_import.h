// SBML import: libSBML document -> ModelSpec (SBML Level 2 and 3 core), with validation.
// Constructs the engine does not support (algebraic rules, fast reactions, csymbol delay/rateOf,
// stoichiometryMath, required packages other than layout/render, ...) are reported as errors that
// name the construct and the element. Any thread (libSBML documents are not shared).
#pragma once

#include "core/model/model_spec.h"
#include "core/util/result.h"

#include <string>

namespace ferroscope::core {

Result<ModelSpec> importSbmlFile(const std::string &path);
Result<ModelSpec> importSbmlString(const std::string &xml);

}  // namespace ferroscope::core
