// ModelSpec -> CompiledModel. Classifies every SBML symbol (state, assigned by rule, constant
// table entry), inlines rules and function definitions into one hash-consed expression graph,
// differentiates it for the Jacobian and flattens everything into tapes (compiled_model.h).
// SBML semantics followed: species appear in maths as concentrations unless
// hasOnlySubstanceUnits; reactions change amounts (times conversion factors); rate rules on
// species act on the quantity the species symbol denotes; initial assignments and assignment
// rules hold at t0; events may change any non-constant symbol.
#include "core/ode/compiled_model.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_set>

namespace ferroscope::core {

using expr::ExprGraph;
using expr::NodeId;
using expr::Op;

namespace {

constexpr double kAvogadro = 6.02214179e23;

struct CompileFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Role { Assigned, State, Table, Reaction };
enum class SymType { Compartment, Species, Parameter, SpeciesRef, LocalParameter, Reaction };

struct Sym {
    SymType type = SymType::Parameter;
    Role role = Role::Table;
    int index = -1;            // into the spec vector of its type (reactions for refs/locals)
    int refSide = 0, refIndex = -1;   // species reference: 0 reactant / 1 product, index
    int state = -1, param = -1;
    const MathNode *assignment = nullptr, *rate = nullptr, *initial = nullptr;
};

enum class Context { Runtime, Initial, Trigger };

class Compiler {
public:
    Compiler(const ModelSpec &spec, const CompileOptions &options)
        : m_spec(spec), m_options(options), m_graph(std::make_shared<ExprGraph>()),
          m_out(std::make_shared<CompiledModel>())
    {
        m_out->graph = m_graph;
        m_out->modelId = spec.id;
    }

    std::shared_ptr<CompiledModel> run()
    {
        checkUnsupported();
        registerSymbols();
        classify();
        buildInitial();
        buildRhs();
        buildEvents();
        buildRhsRoots();
        buildObservables();
        finishTapes();
        return m_out;
    }

private:
    ExprGraph &g() { return *m_graph; }
    [[noreturn]] void fail(const std::string &msg) { throw CompileFailure(msg); }

    // ---------------------------------------------------------------- symbols
    void addSym(const std::string &id, Sym s)
    {
        if (id.empty()) return;
        if (m_syms.count(id)) fail("the id '" + id + "' is used twice");
        m_syms.emplace(id, s);
        m_order.push_back(id);
    }

    void checkUnsupported()
    {
        // m_spec.unsupported holds non-fatal notes (ignored constraints, ...); fatal constructs are
        // rejected by the importer already and re-checked here for hand-built models.
        for (const auto &r : m_spec.rules)
            if (r.kind == RuleKind::Algebraic) fail("algebraic rules are not supported");
        for (const auto &r : m_spec.reactions)
            if (r.fast) fail("reaction " + r.id + " is marked fast, which is not supported");
    }

    void registerSymbols()
    {
        for (std::size_t i = 0; i < m_spec.compartments.size(); ++i)
            addSym(m_spec.compartments[i].id, Sym{SymType::Compartment, Role::Table, int(i)});
        for (std::size_t i = 0; i < m_spec.species.size(); ++i)
            addSym(m_spec.species[i].id, Sym{SymType::Species, Role::Table, int(i)});
        for (std::size_t i = 0; i < m_spec.parameters.size(); ++i)
            addSym(m_spec.parameters[i].id, Sym{SymType::Parameter, Role::Table, int(i)});
        for (std::size_t i = 0; i < m_spec.reactions.size(); ++i) {
            const auto &r = m_spec.reactions[i];
            addSym(r.id, Sym{SymType::Reaction, Role::Reaction, int(i)});
            for (int side = 0; side < 2; ++side) {
                const auto &refs = side == 0 ? r.reactants : r.products;
                for (std::size_t k = 0; k < refs.size(); ++k) {
                    if (refs[k].id.empty()) continue;
                    Sym s{SymType::SpeciesRef, Role::Table, int(i)};
                    s.refSide = side;
                    s.refIndex = int(k);
                    addSym(refs[k].id, s);
                }
                for (const auto &ref : refs)
                    if (!m_spec.findSpecies(ref.species))
                        fail("reaction " + r.id + " refers to unknown species '" + ref.species + "'");
            }
        }
        for (const auto &f : m_spec.functions) m_functions[f.id] = &f;
        for (const auto &s : m_spec.species)
            if (!m_spec.findCompartment(s.compartment))
                fail("species " + s.id + " is in unknown compartment '" + s.compartment + "'");
    }

    Sym &symOf(const std::string &id, const std::string &where)
    {
        auto it = m_syms.find(id);
        if (it == m_syms.end()) fail(where + ": unknown id '" + id + "'");
        return it->second;
    }

    bool isConstantFlag(const Sym &s) const
    {
        switch (s.type) {
        case SymType::Compartment: return m_spec.compartments[s.index].constant;
        case SymType::Species: return m_spec.species[s.index].constant;
        case SymType::Parameter: return m_spec.parameters[s.index].constant;
        case SymType::SpeciesRef: return refOf(s).constant;
        default: return true;
        }
    }

    const SpeciesReference &refOf(const Sym &s) const
    {
        const auto &r = m_spec.reactions[s.index];
        return (s.refSide == 0 ? r.reactants : r.products)[s.refIndex];
    }

    void classify()
    {
        for (const auto &rule : m_spec.rules) {
            Sym &s = symOf(rule.variable, "rule");
            if (s.type == SymType::Reaction) fail("a rule cannot set reaction " + rule.variable);
            if (s.assignment || s.rate) fail("more than one rule sets '" + rule.variable + "'");
            (rule.kind == RuleKind::Assignment ? s.assignment : s.rate) = &rule.math;
        }
        for (const auto &ia : m_spec.initialAssignments) {
            Sym &s = symOf(ia.symbol, "initial assignment");
            if (s.initial) fail("more than one initial assignment sets '" + ia.symbol + "'");
            if (s.assignment) fail("'" + ia.symbol + "' has both an assignment rule and an initial assignment");
            s.initial = &ia.math;
        }
        std::unordered_set<std::string> eventTargets, reacting;
        for (const auto &e : m_spec.events)
            for (const auto &a : e.assignments) {
                Sym &s = symOf(a.variable, "event " + e.id);
                if (s.assignment) fail("event " + e.id + " assigns '" + a.variable + "', which an assignment rule sets");
                if (s.type == SymType::Reaction) fail("event " + e.id + " cannot assign reaction " + a.variable);
                eventTargets.insert(a.variable);
            }
        for (const auto &r : m_spec.reactions)
            for (const auto *refs : {&r.reactants, &r.products})
                for (const auto &ref : *refs) reacting.insert(ref.species);

        // Compartments first: species decide on them.
        auto decide = [&](const std::string &id, Sym &s) {
            if (s.role == Role::Reaction) return;
            if (s.assignment) { s.role = Role::Assigned; return; }
            if (s.rate) { addState(id, s, s.type == SymType::Species ? StateKind::SpeciesValue : kindOf(s)); return; }
            bool state = eventTargets.count(id) > 0;
            if (s.type == SymType::Species) {
                const auto &sp = m_spec.species[s.index];
                if (reacting.count(id) && !sp.boundaryCondition && !sp.constant) state = true;
                const Sym &c = m_syms.at(sp.compartment);
                if (c.role != Role::Table) state = true;   // amount fixed at t0, V varies
                if (state) { addState(id, s, StateKind::SpeciesAmount); }
            } else if (state) {
                addState(id, s, kindOf(s));
            }
            if (s.role == Role::Table) s.param = addParam(id, s);
        };
        for (const auto &id : m_order) if (m_syms.at(id).type == SymType::Compartment) decide(id, m_syms.at(id));
        for (const auto &id : m_order) if (m_syms.at(id).type != SymType::Compartment) decide(id, m_syms.at(id));
        // Local parameters: table entries "reaction.local", resolved only inside their law.
        for (const auto &r : m_spec.reactions)
            for (const auto &lp : r.localParameters) {
                ParameterInfo info{r.id + "." + lp.id, "localParameter", lp.value};
                m_localParam[r.id + "." + lp.id] = int(m_out->parameters.size());
                m_out->parameters.push_back(info);
            }
        // Parameters of states hold their initial literal too (so overrides of initial values work).
        for (const auto &id : m_order) {
            Sym &s = m_syms.at(id);
            if (s.role == Role::State && s.param < 0) s.param = addParam(id, s);
        }
    }

    static StateKind kindOf(const Sym &s)
    {
        switch (s.type) {
        case SymType::Compartment: return StateKind::Compartment;
        case SymType::SpeciesRef: return StateKind::StoichiometryRef;
        default: return StateKind::Parameter;
        }
    }

    void addState(const std::string &id, Sym &s, StateKind kind)
    {
        s.role = Role::State;
        s.state = int(m_out->states.size());
        m_out->states.push_back(StateInfo{id, kind});
    }

    int addParam(const std::string &id, const Sym &s)
    {
        ParameterInfo info{id, "parameter", kUnset};
        switch (s.type) {
        case SymType::Compartment:
            info.kind = "compartment";
            info.defaultValue = m_spec.compartments[s.index].size;
            if (m_spec.compartments[s.index].spatialDimensions == 0 && std::isnan(info.defaultValue))
                info.defaultValue = 1.0;
            break;
        case SymType::Species: {
            const auto &sp = m_spec.species[s.index];
            info.kind = "species";
            info.defaultValue = std::isnan(sp.initialConcentration) ? sp.initialAmount : sp.initialConcentration;
            break;
        }
        case SymType::Parameter: info.defaultValue = m_spec.parameters[s.index].value; break;
        case SymType::SpeciesRef: {
            info.kind = "speciesReference";
            info.defaultValue = refOf(s).stoichiometry;
            if (std::isnan(info.defaultValue) && !s.initial && !s.assignment && !s.rate) info.defaultValue = 1.0;
            break;
        }
        default: break;
        }
        m_out->parameters.push_back(info);
        return int(m_out->parameters.size() - 1);
    }

    // ---------------------------------------------------------------- maths
    using Scope = std::unordered_map<std::string, NodeId>;

    struct Env {
        Context ctx = Context::Runtime;
        const Scope *scope = nullptr;          // function arguments
        const Reaction *reaction = nullptr;    // local parameter scope
        std::string where;
    };

    NodeId build(const MathNode &m, const Env &env)
    {
        auto kids = [&](std::size_t i) { return build(m.children.at(i), env); };
        auto nary = [&](Op op, NodeId empty) {
            if (m.children.empty()) return empty;
            NodeId acc = kids(0);
            for (std::size_t i = 1; i < m.children.size(); ++i) acc = g().binary(op, acc, kids(i));
            return acc;
        };
        auto un = [&](Op op) { need(m, 1, env); return g().unary(op, kids(0)); };
        auto inv = [&](NodeId x) { return g().div(g().one(), x); };
        switch (m.op) {
        case MathOp::Number: return g().constant(m.value);
        case MathOp::Symbol: return resolve(m.name, env);
        case MathOp::Time: return g().leaf(0);
        case MathOp::Avogadro: return g().constant(kAvogadro);
        case MathOp::Delay: fail(env.where + ": csymbol delay is not supported");
        case MathOp::RateOf: fail(env.where + ": csymbol rateOf is not supported");
        case MathOp::Plus: return nary(Op::Add, g().zero());
        case MathOp::Times: return nary(Op::Mul, g().one());
        case MathOp::Minus:
            if (m.children.size() == 1) return g().neg(kids(0));
            need(m, 2, env);
            return g().sub(kids(0), kids(1));
        case MathOp::Divide: need(m, 2, env); return g().div(kids(0), kids(1));
        case MathOp::Power: need(m, 2, env); return g().binary(Op::Pow, kids(0), kids(1));
        case MathOp::Root: {
            need(m, 2, env);
            double deg = 0;
            NodeId d = kids(0);
            if (g().isConstant(d, &deg) && deg == 2.0) return g().unary(Op::Sqrt, kids(1));
            return g().binary(Op::Pow, kids(1), inv(d));
        }
        case MathOp::Log: {
            need(m, 2, env);
            double base = 0;
            NodeId b = kids(0);
            if (g().isConstant(b, &base) && base == 10.0) return g().unary(Op::Log10, kids(1));
            return g().div(g().unary(Op::Ln, kids(1)), g().unary(Op::Ln, b));
        }
        case MathOp::Ln: return un(Op::Ln);
        case MathOp::Exp: return un(Op::Exp);
        case MathOp::Abs: return un(Op::Abs);
        case MathOp::Floor: return un(Op::Floor);
        case MathOp::Ceiling: return un(Op::Ceil);
        case MathOp::Factorial: return un(Op::Factorial);
        case MathOp::Sin: return un(Op::Sin);
        case MathOp::Cos: return un(Op::Cos);
        case MathOp::Tan: return un(Op::Tan);
        case MathOp::Sec: return inv(un(Op::Cos));
        case MathOp::Csc: return inv(un(Op::Sin));
        case MathOp::Cot: return inv(un(Op::Tan));
        case MathOp::Sinh: return un(Op::Sinh);
        case MathOp::Cosh: return un(Op::Cosh);
        case MathOp::Tanh: return un(Op::Tanh);
        case MathOp::Sech: return inv(un(Op::Cosh));
        case MathOp::Csch: return inv(un(Op::Sinh));
        case MathOp::Coth: return inv(un(Op::Tanh));
        case MathOp::ArcSin: return un(Op::ASin);
        case MathOp::ArcCos: return un(Op::ACos);
        case MathOp::ArcTan: return un(Op::ATan);
        case MathOp::ArcSec: need(m, 1, env); return g().unary(Op::ACos, inv(kids(0)));
        case MathOp::ArcCsc: need(m, 1, env); return g().unary(Op::ASin, inv(kids(0)));
        case MathOp::ArcCot: need(m, 1, env); return g().unary(Op::ATan, inv(kids(0)));
        case MathOp::ArcSinh: return un(Op::ASinh);
        case MathOp::ArcCosh: return un(Op::ACosh);
        case MathOp::ArcTanh: return un(Op::ATanh);
        case MathOp::ArcSech: need(m, 1, env); return g().unary(Op::ACosh, inv(kids(0)));
        case MathOp::ArcCsch: need(m, 1, env); return g().unary(Op::ASinh, inv(kids(0)));
        case MathOp::ArcCoth: need(m, 1, env); return g().unary(Op::ATanh, inv(kids(0)));
        case MathOp::Eq: return relationChain(m, Op::Eq, env);
        case MathOp::Neq: return relationChain(m, Op::Ne, env);
        case MathOp::Gt: return relationChain(m, Op::Gt, env);
        case MathOp::Lt: return relationChain(m, Op::Lt, env);
        case MathOp::Geq: return relationChain(m, Op::Ge, env);
        case MathOp::Leq: return relationChain(m, Op::Le, env);
        case MathOp::And: return nary(Op::And, g().one());
        case MathOp::Or: return nary(Op::Or, g().zero());
        case MathOp::Xor: return nary(Op::Xor, g().zero());
        case MathOp::Not: return un(Op::Not);
        case MathOp::Implies:
            need(m, 2, env);
            return g().binary(Op::Or, g().unary(Op::Not, kids(0)), kids(1));
        case MathOp::Piecewise: {
            const std::size_t n = m.children.size();
            NodeId acc = (n % 2 == 1) ? kids(n - 1) : g().constant(std::nan(""));
            for (std::size_t i = (n / 2); i-- > 0;)
                acc = g().select(kids(2 * i + 1), kids(2 * i), acc);
            return acc;
        }
        case MathOp::Call: return call(m, env);
        case MathOp::Lambda: fail(env.where + ": a lambda can only appear in a function definition");
        case MathOp::Min: return nary(Op::Min, g().constant(std::nan("")));
        case MathOp::Max: return nary(Op::Max, g().constant(std::nan("")));
        case MathOp::Rem: need(m, 2, env); return g().binary(Op::Rem, kids(0), kids(1));
        case MathOp::Quotient: need(m, 2, env); return g().binary(Op::Quotient, kids(0), kids(1));
        }
        fail(env.where + ": unsupported maths");
    }

    void need(const MathNode &m, std::size_t n, const Env &env)
    {
        if (m.children.size() != n)
            fail(env.where + ": an operator has " + std::to_string(m.children.size()) +
                 " arguments, expected " + std::to_string(n));
    }

    NodeId relationChain(const MathNode &m, Op op, const Env &env)
    {
        if (m.children.size() < 2) fail(env.where + ": a comparison needs two arguments");
        if (op == Op::Ne && m.children.size() != 2) fail(env.where + ": neq takes two arguments");
        NodeId acc = 0;
        for (std::size_t i = 0; i + 1 < m.children.size(); ++i) {
            NodeId r = relation(op, build(m.children[i], env), build(m.children[i + 1], env), env);
            acc = i == 0 ? r : g().binary(Op::And, acc, r);
        }
        return acc;
    }

    /// In trigger maths a comparison becomes a relation leaf whose value the solver sets from the
    /// root function g = lhs - rhs (and its crossing direction); elsewhere it stays inline.
    NodeId relation(Op op, NodeId lhs, NodeId rhs, const Env &env)
    {
        if (env.ctx != Context::Trigger) return g().binary(op, lhs, rhs);
        NodeId diff = g().sub(lhs, rhs);
        if (g().isConstant(diff)) return g().binary(op, diff, g().zero());   // folds
        const auto key = std::make_pair(int(op), diff);
        auto it = m_relationIndex.find(key);
        if (it == m_relationIndex.end()) {
            it = m_relationIndex.emplace(key, std::uint32_t(m_out->relations.size())).first;
            m_out->relations.push_back(RootRelation{op});
            m_rootNodes.push_back(diff);
        }
        return g().leaf(relationLeafBase() + it->second);
    }

    std::uint32_t relationLeafBase() const
    {
        return 1 + m_out->stateCount() + m_out->parameterCount();
    }

    NodeId call(const MathNode &m, const Env &env)
    {
        auto it = m_functions.find(m.name);
        if (it == m_functions.end()) fail(env.where + ": unknown function '" + m.name + "'");
        const FunctionDefinition &f = *it->second;
        if (f.arguments.size() != m.children.size())
            fail(env.where + ": function " + f.id + " takes " + std::to_string(f.arguments.size()) +
                 " arguments, got " + std::to_string(m.children.size()));
        if (++m_callDepth > 64) fail(env.where + ": function definitions call each other recursively");
        Scope scope;
        for (std::size_t i = 0; i < f.arguments.size(); ++i) scope[f.arguments[i]] = build(m.children[i], env);
        Env inner = env;
        inner.scope = &scope;
        inner.reaction = nullptr;
        inner.where = env.where + " (in function " + f.id + ")";
        NodeId result = build(f.body, inner);
        --m_callDepth;
        return result;
    }

    NodeId resolve(const std::string &name, const Env &env)
    {
        if (env.scope) {
            auto it = env.scope->find(name);
            if (it != env.scope->end()) return it->second;
        }
        if (env.reaction) {
            auto it = m_localParam.find(env.reaction->id + "." + name);
            if (it != m_localParam.end()) return paramLeaf(it->second);
        }
        if (!m_syms.count(name)) fail(env.where + ": unknown id '" + name + "'");
        return env.ctx == Context::Initial ? initialValue(name) : value(name);
    }

    NodeId paramLeaf(int p) { return g().leaf(1 + m_out->stateCount() + std::uint32_t(p)); }
    NodeId stateRead(int s)
    {
        NodeId y = g().leaf(1 + std::uint32_t(s));
        return m_options.clampNegativeStates ? g().binary(Op::Max, y, g().zero()) : y;
    }

    /// The SBML Test Suite gives 0-D compartments a size and uses it like any other (case 01809);
    /// only a 0-D compartment without any size counts as 1 (addParam's default).
    bool zeroDimensional(const Species &) const { return false; }

    /// Value of a symbol as it appears in maths at time t (runtime leaves: time, y, p).
    NodeId value(const std::string &id)
    {
        if (auto it = m_value.find(id); it != m_value.end()) return it->second;
        if (!m_busy.insert(id).second) fail("'" + id + "' is defined in terms of itself (rule cycle)");
        Sym &s = m_syms.at(id);
        NodeId v = 0;
        const Env env{Context::Runtime, nullptr, nullptr, "rule for " + id};
        if (s.role == Role::Assigned) {
            v = build(*s.assignment, env);
        } else if (s.role == Role::Reaction) {
            v = kineticLaw(s.index, Context::Runtime);
        } else if (s.type == SymType::Species) {
            const auto &sp = m_spec.species[s.index];
            const bool zeroD = zeroDimensional(sp);
            if (s.role == Role::State) {
                NodeId y = stateRead(s.state);
                const bool amountState = m_out->states[s.state].kind == StateKind::SpeciesAmount;
                v = (amountState && !sp.hasOnlySubstanceUnits && !zeroD) ? g().div(y, value(sp.compartment)) : y;
            } else {
                NodeId lit = paramLeaf(s.param);
                const bool isConc = !std::isnan(sp.initialConcentration);
                if (zeroD || isConc == !sp.hasOnlySubstanceUnits) v = lit;
                else if (isConc) v = g().mul(lit, value(sp.compartment));
                else v = g().div(lit, value(sp.compartment));
            }
        } else if (s.role == Role::State) {
            v = stateRead(s.state);
        } else {
            v = paramLeaf(s.param);
        }
        m_busy.erase(id);
        m_value[id] = v;
        return v;
    }

    /// Value at t0 in terms of time and the parameter table only (initial assignments win).
    NodeId initialValue(const std::string &id)
    {
        if (auto it = m_initial.find(id); it != m_initial.end()) return it->second;
        if (!m_busyInit.insert(id).second)
            fail("'" + id + "' is defined in terms of itself (initial assignment / rule cycle)");
        Sym &s = m_syms.at(id);
        NodeId v = 0;
        const Env env{Context::Initial, nullptr, nullptr, "initial value of " + id};
        if (s.initial) {
            v = build(*s.initial, env);
        } else if (s.assignment) {
            v = build(*s.assignment, env);
        } else if (s.role == Role::Reaction) {
            v = kineticLaw(s.index, Context::Initial);
        } else if (s.type == SymType::Species) {
            const auto &sp = m_spec.species[s.index];
            NodeId lit = paramLeaf(s.param);
            const bool isConc = !std::isnan(sp.initialConcentration);
            if (zeroDimensional(sp) || isConc == !sp.hasOnlySubstanceUnits) v = lit;
            else if (isConc) v = g().mul(lit, initialValue(sp.compartment));
            else v = g().div(lit, initialValue(sp.compartment));
        } else {
            v = paramLeaf(s.param);
        }
        m_busyInit.erase(id);
        m_initial[id] = v;
        return v;
    }

    NodeId kineticLaw(int reactionIndex, Context ctx)
    {
        const Reaction &r = m_spec.reactions[reactionIndex];
        if (!r.kineticLaw) fail("reaction " + r.id + " has no kinetic law");
        Env env{ctx, nullptr, &r, "kinetic law of reaction " + r.id};
        return build(*r.kineticLaw, env);
    }

    NodeId volumeOf(const Species &sp, bool initial)
    {
        if (zeroDimensional(sp)) return g().one();
        return initial ? initialValue(sp.compartment) : value(sp.compartment);
    }

    // ---------------------------------------------------------------- pieces
    void buildInitial()
    {
        // Table entries with an initial assignment are computed once at t0 and written back into
        // the parameter table (they never change afterwards).
        for (const auto &id : m_order) {
            const Sym &s = m_syms.at(id);
            if (s.role == Role::Table && s.initial) {
                m_out->computedParameters.push_back(std::uint32_t(s.param));
                m_computedOutputs.push_back(initialValue(id));
            }
        }
        m_initOutputs.assign(m_out->stateCount(), 0);
        for (const auto &id : m_order) {
            const Sym &s = m_syms.at(id);
            if (s.role != Role::State) continue;
            NodeId v = initialValue(id);
            if (s.type == SymType::Species && m_out->states[s.state].kind == StateKind::SpeciesAmount) {
                const auto &sp = m_spec.species[s.index];
                if (!sp.hasOnlySubstanceUnits) v = g().mul(v, volumeOf(sp, true));
            }
            m_initOutputs[s.state] = v;
        }
    }

    NodeId stoichiometry(const SpeciesReference &ref)
    {
        if (!ref.id.empty()) return value(ref.id);
        return g().constant(std::isnan(ref.stoichiometry) ? 1.0 : ref.stoichiometry);
    }

    void buildRhs()
    {
        const auto n = m_out->stateCount();
        m_rhsOutputs.assign(n, g().zero());
        m_out->stateIsConcentrationAmount.assign(n, false);
        m_out->stateIsConcentrationValue.assign(n, false);
        m_volumeOutputs.assign(n, g().one());
        std::vector<NodeId> rates(m_spec.reactions.size());
        for (std::size_t i = 0; i < m_spec.reactions.size(); ++i) rates[i] = value(m_spec.reactions[i].id);
        for (const auto &id : m_order) {
            const Sym &s = m_syms.at(id);
            if (s.role != Role::State) continue;
            if (s.rate) {
                Env env{Context::Runtime, nullptr, nullptr, "rate rule for " + id};
                m_rhsOutputs[s.state] = build(*s.rate, env);
                if (s.type == SymType::Species && !m_spec.species[s.index].hasOnlySubstanceUnits) {
                    m_out->stateIsConcentrationValue[s.state] = true;
                    m_volumeOutputs[s.state] = value(m_spec.species[s.index].compartment);
                }
                continue;
            }
            if (s.type != SymType::Species) continue;
            const auto &sp = m_spec.species[s.index];
            if (!sp.hasOnlySubstanceUnits && !zeroDimensional(sp)) {
                m_out->stateIsConcentrationAmount[s.state] = true;
                m_volumeOutputs[s.state] = value(sp.compartment);
            }
            if (sp.boundaryCondition || sp.constant) continue;
            NodeId sum = g().zero();
            for (std::size_t i = 0; i < m_spec.reactions.size(); ++i) {
                const Reaction &r = m_spec.reactions[i];
                for (const auto &ref : r.reactants)
                    if (ref.species == id) sum = g().sub(sum, g().mul(stoichiometry(ref), rates[i]));
                for (const auto &ref : r.products)
                    if (ref.species == id) sum = g().add(sum, g().mul(stoichiometry(ref), rates[i]));
            }
            const std::string &cf = !sp.conversionFactor.empty() ? sp.conversionFactor : m_spec.conversionFactor;
            if (!cf.empty()) sum = g().mul(sum, value(cf));
            m_rhsOutputs[s.state] = sum;
        }
        // Analytic Jacobian: structural nonzeros of d f_i / d y_j.
        for (std::uint32_t i = 0; i < n; ++i) {
            for (std::uint32_t leaf : g().leavesOf(m_rhsOutputs[i])) {
                if (leaf < 1 || leaf > n) continue;
                NodeId d = g().derivative(m_rhsOutputs[i], leaf);
                double c = 0;
                if (g().isConstant(d, &c) && c == 0.0) continue;
                m_out->jacEntries.emplace_back(i, leaf - 1);
                m_jacOutputs.push_back(d);
            }
        }
    }

    void buildEvents()
    {
        for (const auto &e : m_spec.events) {
            CompiledEvent ce;
            ce.id = e.id;
            ce.initialValue = e.initialValue;
            ce.persistent = e.persistent;
            ce.useValuesFromTriggerTime = e.useValuesFromTriggerTime;
            const std::string where = "event " + (e.id.empty() ? std::string("(unnamed)") : e.id);
            ce.triggerOutput = std::uint32_t(m_triggerOutputs.size());
            m_triggerOutputs.push_back(build(e.trigger, Env{Context::Trigger, nullptr, nullptr, where + " trigger"}));
            const Env env{Context::Runtime, nullptr, nullptr, where};
            if (e.delay) {
                ce.hasDelay = true;
                ce.delayOutput = std::uint32_t(m_eventOutputs.size());
                m_eventOutputs.push_back(build(*e.delay, env));
            }
            if (e.priority) {
                ce.hasPriority = true;
                ce.priorityOutput = std::uint32_t(m_eventOutputs.size());
                m_eventOutputs.push_back(build(*e.priority, env));
            }
            for (const auto &a : e.assignments) {
                const Sym &s = m_syms.at(a.variable);
                if (s.role != Role::State) fail(where + " assigns '" + a.variable + "', which cannot change");
                ce.assignments.push_back({a.variable, std::uint32_t(m_eventOutputs.size())});
                m_eventOutputs.push_back(build(a.math, env));
            }
            m_out->events.push_back(std::move(ce));
        }
    }

    /// Comparisons inside piecewise conditions of the right-hand side are discontinuities: make
    /// them root functions too, so the integrator stops exactly there instead of stepping over.
    void buildRhsRoots()
    {
        std::vector<char> seen(g().size(), 0);
        std::vector<NodeId> stack(m_rhsOutputs.begin(), m_rhsOutputs.end());
        std::vector<NodeId> conditions;
        while (!stack.empty()) {
            NodeId id = stack.back();
            stack.pop_back();
            if (id >= seen.size() || seen[id]) continue;
            seen[id] = 1;
            const auto &nd = g().node(id);
            if (nd.op == Op::Select) conditions.push_back(nd.args[0]);
            for (int k = 0; k < expr::arity(nd.op); ++k) stack.push_back(nd.args[k]);
        }
        std::vector<char> seenCond(g().size(), 0);
        for (NodeId c : conditions) stack.push_back(c);
        while (!stack.empty()) {
            NodeId id = stack.back();
            stack.pop_back();
            if (id >= seenCond.size() || seenCond[id]) continue;
            seenCond[id] = 1;
            const auto &nd = g().node(id);
            if (expr::isRelational(nd.op)) {
                NodeId diff = g().sub(nd.args[0], nd.args[1]);
                if (g().isConstant(diff) || !dependsOnTimeOrState(diff)) continue;
                const auto key = std::make_pair(int(nd.op), diff);
                if (!m_relationIndex.count(key)) {
                    m_relationIndex.emplace(key, std::uint32_t(m_out->relations.size()));
                    m_out->relations.push_back(RootRelation{nd.op});
                    m_rootNodes.push_back(diff);
                }
            } else if (expr::isLogical(nd.op)) {
                for (int k = 0; k < expr::arity(nd.op); ++k) stack.push_back(nd.args[k]);
            }
        }
    }

    bool dependsOnTimeOrState(NodeId node)
    {
        for (std::uint32_t leaf : g().leavesOf(node))
            if (leaf <= m_out->stateCount()) return true;
        return false;
    }

    void buildObservables()
    {
        for (const auto &id : m_order) {
            const Sym &s = m_syms.at(id);
            m_out->valueNodes[id] = value(id);
            if (s.type != SymType::Species) continue;
            const auto &sp = m_spec.species[s.index];
            if (s.role == Role::State && m_out->states[s.state].kind == StateKind::SpeciesAmount) {
                // Outputs show the integrated value itself (no max(y, 0) clamp: cheaper, and a
                // negative round-off stays visible rather than hidden).
                const NodeId raw = g().leaf(1 + std::uint32_t(s.state));
                m_out->amountNodes[id] = raw;
                m_out->concentrationNodes[id] = zeroDimensional(sp) ? raw : g().div(raw, value(sp.compartment));
                continue;
            }
            else if (sp.hasOnlySubstanceUnits || zeroDimensional(sp))
                m_out->amountNodes[id] = value(id);
            else
                m_out->amountNodes[id] = g().mul(value(id), value(sp.compartment));
            // Output as a concentration even for hasOnlySubstanceUnits species (case 01307).
            m_out->concentrationNodes[id] =
                sp.hasOnlySubstanceUnits ? g().div(value(id), value(sp.compartment)) : value(id);
        }
    }

    void finishTapes()
    {
        // Relation leaves come after states and parameters; the count is final now.
        const std::uint32_t leaves = m_out->leafCount();
        std::vector<NodeId> initAll = m_initOutputs;
        initAll.insert(initAll.end(), m_computedOutputs.begin(), m_computedOutputs.end());
        m_out->initTape = expr::Tape::compile(g(), initAll, leaves);
        m_out->rhsTape = expr::Tape::compile(g(), m_rhsOutputs, leaves);
        m_out->jacTape = expr::Tape::compile(g(), m_jacOutputs, leaves);
        m_out->rootTape = expr::Tape::compile(g(), m_rootNodes, leaves);
        m_out->triggerTape = expr::Tape::compile(g(), m_triggerOutputs, leaves);
        m_out->eventTape = expr::Tape::compile(g(), m_eventOutputs, leaves);
        m_out->volumeTape = expr::Tape::compile(g(), m_volumeOutputs, leaves);
        for (NodeId init : m_initOutputs)
            for (std::uint32_t leaf : g().leavesOf(init))
                if (leaf >= 1 && leaf <= m_out->stateCount())
                    fail("internal error: an initial value depends on a state");
    }

    const ModelSpec &m_spec;
    CompileOptions m_options;
    std::shared_ptr<ExprGraph> m_graph;
    std::shared_ptr<CompiledModel> m_out;
    std::unordered_map<std::string, Sym> m_syms;
    std::vector<std::string> m_order;
    std::unordered_map<std::string, const FunctionDefinition *> m_functions;
    std::unordered_map<std::string, int> m_localParam;
    std::unordered_map<std::string, NodeId> m_value, m_initial;
    std::unordered_set<std::string> m_busy, m_busyInit;
    std::map<std::pair<int, NodeId>, std::uint32_t> m_relationIndex;
    std::vector<NodeId> m_rootNodes, m_initOutputs, m_computedOutputs, m_rhsOutputs, m_jacOutputs, m_triggerOutputs,
        m_eventOutputs, m_volumeOutputs;
    int m_callDepth = 0;
};

}  // namespace

Result<std::shared_ptr<const CompiledModel>> compileModel(const ModelSpec &spec, const CompileOptions &options)
{
    try {
        Compiler compiler(spec, options);
        std::shared_ptr<const CompiledModel> model = compiler.run();
        return model;
    } catch (const CompileFailure &e) {
        return Error{spec.id.empty() ? "model" : "model " + spec.id, e.what()};
    }
}

}  // namespace ferroscope::core
