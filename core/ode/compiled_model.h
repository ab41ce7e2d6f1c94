// CompiledModel: a ModelSpec turned into tapes over the leaf vector
//     leaves = [ time | y (states) | p (parameter table) | r (relation values for triggers) ]
// rhs and analytic Jacobian (symbolic derivatives), initial values, root functions (one per
// relational sub-expression of event triggers and piecewise conditions), event triggers, delays,
// priorities and assignments. Built once by compileModel(); immutable and shareable across threads
// afterwards (each solver keeps its own workspaces). Re-running with new parameter values or
// initial values needs no recompilation: they live in the parameter table p.
#pragma once

#include "core/expr/expr_graph.h"
#include "core/expr/tape.h"
#include "core/model/model_spec.h"
#include "core/util/result.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace ferroscope::core {

/// What a state variable holds.
enum class StateKind { SpeciesAmount, SpeciesValue /* rate-rule species: conc or amount as in math */,
                       Compartment, Parameter, StoichiometryRef };

struct StateInfo {
    std::string id;
    StateKind kind = StateKind::Parameter;
};

/// How an entry of the parameter table p is used.
struct ParameterInfo {
    std::string id;           // SBML id; local parameters are "reactionId.localId"
    std::string kind;         // "parameter", "compartment", "species", "localParameter", "speciesReference"
    double defaultValue = 0;  // from the ModelSpec
};

struct CompiledEvent {
    std::string id;
    std::uint32_t triggerOutput = 0;   // index into triggerTape outputs
    bool initialValue = true, persistent = true, useValuesFromTriggerTime = true;
    bool hasDelay = false, hasPriority = false;
    std::uint32_t delayOutput = 0, priorityOutput = 0;   // indices into eventTape outputs
    struct Assignment { std::string id; std::uint32_t valueOutput = 0; };
    std::vector<Assignment> assignments;                 // value outputs index eventTape
};

/// One relational of a trigger or piecewise condition: g = lhs - rhs, value from op(g, 0).
struct RootRelation {
    expr::Op op = expr::Op::Gt;
};

/// Value of the relation `op` for root function value g (g = lhs - rhs).
inline bool relationHolds(expr::Op op, double g)
{
    switch (op) {
    case expr::Op::Gt: return g > 0;
    case expr::Op::Ge: return g >= 0;
    case expr::Op::Lt: return g < 0;
    case expr::Op::Le: return g <= 0;
    case expr::Op::Eq: return g == 0;
    case expr::Op::Ne: return g != 0;
    default: return false;
    }
}

class CompiledModel {
public:
    // sizes and layout
    std::uint32_t stateCount() const { return std::uint32_t(states.size()); }
    std::uint32_t parameterCount() const { return std::uint32_t(parameters.size()); }
    std::uint32_t relationCount() const { return std::uint32_t(relations.size()); }
    std::uint32_t leafCount() const { return 1 + stateCount() + parameterCount() + relationCount(); }
    std::uint32_t stateLeaf(std::uint32_t i) const { return 1 + i; }
    std::uint32_t parameterLeaf(std::uint32_t i) const { return 1 + stateCount() + i; }
    std::uint32_t relationLeaf(std::uint32_t i) const { return 1 + stateCount() + parameterCount() + i; }

    int parameterIndex(const std::string &id) const;  // -1 if unknown
    int stateIndex(const std::string &id) const;      // -1 if not a state
    std::vector<double> defaultParameters() const;

    /// Compile a tape computing the given model symbols at (t, y, p): species as concentrations
    /// unless listed in `amounts` (or hasOnlySubstanceUnits), reactions as their rates,
    /// everything else by value. Unknown ids -> error naming them.
    Result<expr::Tape> observerTape(const std::vector<std::string> &ids,
                                    const std::vector<std::string> &amounts) const;
    /// All ids observerTape() accepts (for messages and listings).
    std::vector<std::string> observableIds() const;

    std::vector<StateInfo> states;
    std::vector<ParameterInfo> parameters;
    std::vector<RootRelation> relations;
    std::vector<CompiledEvent> events;

    // Tapes. Each reads the full leaf vector.
    /// outputs: y0 (stateCount), then the values of computedParameters — reads time and p only
    expr::Tape initTape;
    std::vector<std::uint32_t> computedParameters;   // table entries set by initial assignments
    expr::Tape rhsTape;       // outputs: ydot (stateCount)
    expr::Tape jacTape;       // outputs: the entries listed in jacEntries
    std::vector<std::pair<std::uint32_t, std::uint32_t>> jacEntries;  // (row, col) structural nonzeros
    expr::Tape rootTape;      // outputs: g_k = lhs - rhs, one per relation
    expr::Tape triggerTape;   // outputs: trigger booleans (read relation leaves r)
    expr::Tape eventTape;     // outputs: delays, priorities, assignment values
    /// Per state: how an event assignment value maps onto the state (for species amount states of
    /// concentration species the value is multiplied by the compartment size after the event).
    std::vector<bool> stateIsConcentrationAmount;  // amount state whose math value is amount/V
    std::vector<bool> stateIsConcentrationValue;   // rate-rule species state holding a concentration
    expr::Tape volumeTape;    // outputs: compartment size for each state (1 when not a species)

    // Symbol table for observers.
    std::shared_ptr<expr::ExprGraph> graph;   // kept for observer compilation
    std::unordered_map<std::string, expr::NodeId> valueNodes;       // id -> node (math value)
    std::unordered_map<std::string, expr::NodeId> amountNodes;      // species id -> amount node
    std::unordered_map<std::string, expr::NodeId> concentrationNodes;  // species id -> amount / size
    std::string modelId;
};

struct CompileOptions {
    /// Read states as max(y, 0) in every formula (MODEL.md §3.6: keeps negative round-off out of
    /// Hill terms). Off for SBML models, which may legitimately go negative.
    bool clampNegativeStates = false;
};

/// Build the compiled form. Errors: unknown symbols, cycles among rules/initial assignments,
/// unsupported constructs (algebraic rules, fast reactions, delay, rateOf), bad function calls.
Result<std::shared_ptr<const CompiledModel>> compileModel(const ModelSpec &spec,
                                                          const CompileOptions &options = {});

}  // namespace ferroscope::core
