// Parsing and printing MathNode through libSBML (L3 infix formula syntax and MathML ASTs).
// The libSBML types stay inside core/*.cpp; this header exposes only plain types. Any thread.
#pragma once

#include "core/model/math_node.h"
#include "core/model/model_spec.h"
#include "core/util/result.h"

#include <string>

namespace ferroscope::core {

/// Parse an SBML Level 3 infix formula ("k1*S1/(Km+S1)", "piecewise(1, time > 5, 0)").
/// Identifiers stay Symbols (even "time"? no: the L3 parser maps `time` to csymbol time, `pi`,
/// `exponentiale`, `true`, `false`, `INF`, `NaN` to constants). Errors carry libSBML's message.
Result<MathNode> parseFormula(const std::string &formula);

/// As above, but identifiers that are ids in `context` (its compartments, species, parameters,
/// reactions, species references, functions) stay Symbols/Calls even when they spell a constant,
/// a csymbol or a built-in function: SBML models may name a parameter "time", "pi", "avogadro" or
/// "INF" (the SBML Test Suite does). Use this to read back formulas of an imported model.
Result<MathNode> parseFormula(const std::string &formula, const ModelSpec &context);

/// L3 infix text for display and for the project file (round-trips through parseFormula).
std::string toFormula(const MathNode &node);

}  // namespace ferroscope::core
