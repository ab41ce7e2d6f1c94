// Conversion between libSBML ASTNode trees and Ferroscope's MathNode (internal header: only core
// .cpp files include it, because it exposes libSBML types). Any thread (no shared state).
#pragma once

#include "core/model/math_node.h"
#include "core/util/result.h"

#include <sbml/SBMLTypes.h>

#include <memory>

LIBSBML_CPP_NAMESPACE_USE

// libSBML's classes share names with ModelSpec's (Species, Reaction, ...); inside
// ferroscope::core the plain names are ours, the Sbml* aliases are libSBML's.
#define FERROSCOPE_SBML(T) using Sbml##T = ::LIBSBML_CPP_NAMESPACE_QUALIFIER T;
FERROSCOPE_SBML(Compartment)
FERROSCOPE_SBML(Species)
FERROSCOPE_SBML(Parameter)
FERROSCOPE_SBML(Reaction)
FERROSCOPE_SBML(SpeciesReference)
FERROSCOPE_SBML(FunctionDefinition)
FERROSCOPE_SBML(Rule)
FERROSCOPE_SBML(InitialAssignment)
FERROSCOPE_SBML(Event)
FERROSCOPE_SBML(EventAssignment)
FERROSCOPE_SBML(Model)
FERROSCOPE_SBML(Delay)
#undef FERROSCOPE_SBML

namespace ferroscope::core {

/// XML namespace of the <ferroscope:evidence .../> annotation written by the exporter.
inline constexpr const char *kEvidenceNamespace = "https://ferroscope.example.org/evidence";
/// The value SBML defines for csymbol avogadro (L3 core specification).
inline constexpr double kAvogadro = 6.02214179e23;

/// Where an expression sits: in a Boolean context (trigger, condition, operand of and/or/not),
/// Number 1/0 are written as <true/>/<false/>, so that the MathML stays type-correct.
enum class AstContext { Value, Boolean };

/// ASTNode -> MathNode, normalised: Log is always [base, x] (base 10 when absent), Root always
/// [degree, x] (2 when absent), pi/e/true/false/INF/NaN become Numbers, csymbols become Time/
/// Avogadro/Delay/RateOf, user function calls become Call. Unknown constructs are errors.
Result<MathNode> fromAst(const ASTNode *ast);

/// MathNode -> ASTNode (caller owns) that libSBML writes as valid L3V2 MathML.
std::unique_ptr<ASTNode> toAst(const MathNode &node, AstContext context = AstContext::Value);

/// For the infix printer only: finite Numbers become name nodes holding the shortest decimal
/// text that round-trips to the same double (libSBML itself prints only 15 digits).
std::unique_ptr<ASTNode> toFormulaAst(const MathNode &node);

}  // namespace ferroscope::core
