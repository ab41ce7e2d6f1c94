// ModelSpec: the plain-data model representation (SBML Level 2/3 core semantics) that every
// front end produces (SBML import, the project file of the built-in model) and the ODE compiler
// consumes. Value type; no Qt, no libSBML. Owned by the document/caller; any thread.
#pragma once

#include "core/model/math_node.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ferroscope::core {

inline constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();

/// Teaching/evidence metadata carried by any element (MODEL.md, the seed review). All optional.
struct Evidence {
    std::string explanation;   // one plain-language paragraph for students
    std::string seedRefs;      // e.g. "[3,4,8,9]" (the seed review's own reference numbers)
    std::string figure;        // e.g. "Fig. 1"
    std::string sources;       // outside sources, e.g. "{MM13}"
    bool estimated = false;    // value estimated rather than measured (MODEL.md "est.")
    std::string units;         // display units, e.g. "µM", "/h"
    std::string category;      // free grouping tag, e.g. "iron", "redox", "heme", "stemness"
    bool empty() const { return explanation.empty() && seedRefs.empty() && figure.empty() && sources.empty(); }
};

struct Compartment {
    std::string id, name;
    double size = kUnset;           // NaN = not set (then an initial assignment/rule must give it)
    double spatialDimensions = 3;   // 0-D compartments: size is ignored for concentrations
    bool constant = true;
    Evidence evidence;
};

struct Species {
    std::string id, name, compartment;
    double initialAmount = kUnset;          // exactly one of these two is normally set
    double initialConcentration = kUnset;
    bool hasOnlySubstanceUnits = false;
    bool boundaryCondition = false;
    bool constant = false;
    std::string conversionFactor;           // parameter id or empty
    Evidence evidence;
};

struct Parameter {
    std::string id, name;
    double value = kUnset;
    bool constant = true;
    Evidence evidence;
};

struct SpeciesReference {
    std::string species;
    double stoichiometry = 1.0;     // NaN = not set (then an initial assignment/rule gives it)
    std::string id;                 // optional; when set, the id names the stoichiometry in math
    bool constant = true;
};

struct Reaction {
    std::string id, name;
    std::vector<SpeciesReference> reactants, products;
    std::vector<std::string> modifiers;       // species ids
    std::optional<MathNode> kineticLaw;       // rate in substance/time
    std::vector<Parameter> localParameters;   // shadow globals inside the kinetic law only
    bool reversible = false;
    bool fast = false;                        // unsupported by the engine (reported)
    Evidence evidence;
};

struct FunctionDefinition {
    std::string id, name;
    std::vector<std::string> arguments;
    MathNode body;
    Evidence evidence;
};

enum class RuleKind { Assignment, Rate, Algebraic };

struct Rule {
    RuleKind kind = RuleKind::Assignment;
    std::string variable;   // empty for algebraic rules
    MathNode math;
};

struct InitialAssignment {
    std::string symbol;
    MathNode math;
};

struct EventAssignment {
    std::string variable;
    MathNode math;
};

struct Event {
    std::string id, name;
    MathNode trigger;
    bool initialValue = true;
    bool persistent = true;
    std::optional<MathNode> delay;
    std::optional<MathNode> priority;        // unsupported when it matters (reported)
    bool useValuesFromTriggerTime = true;
    std::vector<EventAssignment> assignments;
};

struct ModelSpec {
    std::string id, name;
    std::string conversionFactor;            // model-wide species conversion factor (L3)
    std::vector<FunctionDefinition> functions;
    std::vector<Compartment> compartments;
    std::vector<Species> species;
    std::vector<Parameter> parameters;
    std::vector<InitialAssignment> initialAssignments;
    std::vector<Rule> rules;
    std::vector<Reaction> reactions;
    std::vector<Event> events;
    std::vector<std::string> unsupported;    // constructs the importer met that the engine lacks

    const Compartment *findCompartment(const std::string &id) const;
    const Species *findSpecies(const std::string &id) const;
    const Parameter *findParameter(const std::string &id) const;
    const Reaction *findReaction(const std::string &id) const;
    const FunctionDefinition *findFunction(const std::string &id) const;
    Parameter *findParameter(const std::string &id);
    Species *findSpecies(const std::string &id);
    const Rule *findRule(const std::string &variable) const;
    /// Kind of the element with this id: "compartment", "species", "parameter", "reaction",
    /// "speciesReference", "function", "event" or "" when unknown.
    std::string kindOf(const std::string &id) const;
};

}  // namespace ferroscope::core
