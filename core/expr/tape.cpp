// Tape: compile an ExprGraph into a linear register program, and the one definition of Op
// semantics shared with ExprGraph (constant folding, reference evaluation).
#include "core/expr/tape.h"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ferroscope::core::expr {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t kLiveToEnd = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kNoRegister = std::numeric_limits<std::uint32_t>::max();

// n! for n = 0..170, accumulated in long double: exact while n! fits in 64 mantissa bits and
// correctly rounded to double for every entry (checked against exact integers); 171! overflows.
constexpr std::array<double, 171> kFactorials = [] {
    std::array<double, 171> table{};
    long double f = 1.0L;
    for (std::size_t n = 0; n < table.size(); ++n) {
        if (n > 0)
            f *= static_cast<long double>(n);
        table[n] = static_cast<double>(f);
    }
    return table;
}();

// factorial(x) = tgamma(x + 1), but exact (table) at the non-negative integers where SBML models
// use it: glibc's tgamma is an ulp off at 12!, 13!, 14!, ...
[[gnu::noinline]] double factorial(double x) noexcept
{
    if (x >= 0.0 && x <= 170.0 && x == std::floor(x))
        return kFactorials[static_cast<std::size_t>(x)];
    return std::tgamma(x + 1.0);
}

inline double truth(bool b) noexcept { return b ? 1.0 : 0.0; }

// Inlined into the evaluate() loop so that the switch is the only dispatch per instruction.
[[gnu::always_inline]] inline double apply(Op op, double a, double b, double c) noexcept
{
    switch (op) {
    case Op::Const:
    case Op::Leaf: return a;  // never emitted as instructions
    case Op::Add: return a + b;
    case Op::Sub: return a - b;
    case Op::Mul: return a * b;
    case Op::Div: return a / b;
    case Op::Neg: return -a;
    case Op::Pow: return std::pow(a, b);
    case Op::Exp: return std::exp(a);
    case Op::Ln: return std::log(a);
    case Op::Log10: return std::log10(a);
    case Op::Sqrt: return std::sqrt(a);
    case Op::Abs: return std::fabs(a);
    case Op::Floor: return std::floor(a);
    case Op::Ceil: return std::ceil(a);
    case Op::Factorial: return factorial(a);
    case Op::Sin: return std::sin(a);
    case Op::Cos: return std::cos(a);
    case Op::Tan: return std::tan(a);
    case Op::Sinh: return std::sinh(a);
    case Op::Cosh: return std::cosh(a);
    case Op::Tanh: return std::tanh(a);
    case Op::ASin: return std::asin(a);
    case Op::ACos: return std::acos(a);
    case Op::ATan: return std::atan(a);
    case Op::ASinh: return std::asinh(a);
    case Op::ACosh: return std::acosh(a);
    case Op::ATanh: return std::atanh(a);
    // Unlike std::fmin, a NaN operand poisons the result: a NaN concentration must not be hidden.
    case Op::Min: return (std::isnan(a) || std::isnan(b)) ? kNaN : (b < a ? b : a);
    case Op::Max: return (std::isnan(a) || std::isnan(b)) ? kNaN : (b > a ? b : a);
    case Op::Rem: return std::fmod(a, b);
    case Op::Quotient: return std::trunc(a / b);
    case Op::Lt: return truth(a < b);
    case Op::Le: return truth(a <= b);
    case Op::Gt: return truth(a > b);
    case Op::Ge: return truth(a >= b);
    case Op::Eq: return truth(a == b);
    case Op::Ne: return truth(a != b);
    case Op::And: return truth(a != 0.0 && b != 0.0);
    case Op::Or: return truth(a != 0.0 || b != 0.0);
    case Op::Xor: return truth((a != 0.0) != (b != 0.0));
    case Op::Not: return truth(a == 0.0);
    case Op::Select: return a != 0.0 ? b : c;
    }
    return kNaN;
}

// Register allocation state for compile(): constants and leaves own their registers for good
// (constants are preloaded once per workspace), temporaries are recycled after their last use.
struct RegisterFile {
    std::vector<double> initial;
    std::vector<std::uint32_t> freeList;

    std::uint32_t fresh(double value)
    {
        initial.push_back(value);
        return static_cast<std::uint32_t>(initial.size() - 1);
    }
    std::uint32_t temporary()
    {
        if (freeList.empty())
            return fresh(0.0);
        const std::uint32_t r = freeList.back();
        freeList.pop_back();
        return r;
    }
};

}  // namespace

double Tape::applyOp(Op op, double a, double b, double c) noexcept
{
    return apply(op, a, b, c);
}

Tape Tape::compile(const ExprGraph &graph, const std::vector<NodeId> &outputs,
                   std::uint32_t leafCount)
{
    Tape tape;
    tape.m_leafCount = leafCount;
    if (outputs.empty())
        return tape;

    // Node ids are a topological order (operands are interned before their users), so one
    // downward sweep marks everything reachable and an upward sweep emits the code.
    NodeId maxId = 0;
    for (NodeId o : outputs) {
        if (o >= graph.size())
            throw std::out_of_range("Tape::compile: output node " + std::to_string(o)
                                    + " is not in the graph");
        maxId = std::max(maxId, o);
    }
    std::vector<std::uint32_t> lastUse(maxId + 1, 0);  // id of the last user; 0 = unreachable
    std::vector<char> reached(maxId + 1, 0);
    for (NodeId o : outputs) {
        reached[o] = 1;
        lastUse[o] = kLiveToEnd;
    }
    for (NodeId id = maxId + 1; id-- > 0;) {
        if (!reached[id])
            continue;
        const Node &n = graph.node(id);
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId arg = n.args[k];
            reached[arg] = 1;
            if (lastUse[arg] != kLiveToEnd)
                lastUse[arg] = std::max<std::uint32_t>(lastUse[arg], id);
        }
    }

    RegisterFile regs;
    std::vector<std::uint32_t> regOf(maxId + 1, kNoRegister);
    for (NodeId id = 0; id <= maxId; ++id) {
        if (!reached[id])
            continue;
        const Node &n = graph.node(id);
        if (n.op == Op::Const) {
            regOf[id] = regs.fresh(n.value);
            continue;
        }
        if (n.op == Op::Leaf) {
            if (n.leaf >= leafCount)
                throw std::out_of_range("Tape::compile: leaf " + std::to_string(n.leaf)
                                        + " outside the " + std::to_string(leafCount)
                                        + " leaves");
            regOf[id] = regs.fresh(0.0);
            tape.m_leafRegs.push_back(regOf[id]);
            tape.m_leafIndex.push_back(n.leaf);
            continue;
        }
        const int k = arity(n.op);
        Instr in{n.op, 0, regOf[n.args[0]], 0, 0};
        in.b = k > 1 ? regOf[n.args[1]] : in.a;  // repeat `a`: same cache line, always valid
        in.c = k > 2 ? regOf[n.args[2]] : in.a;
        // Operands dying here free their registers before dst is chosen: evaluate() loads all
        // operands before storing, so dst may safely reuse one of them.
        for (int j = 0; j < k; ++j) {
            const NodeId arg = n.args[j];
            const Op argOp = graph.node(arg).op;
            const bool seenBefore = (j > 0 && n.args[0] == arg) || (j > 1 && n.args[1] == arg);
            if (lastUse[arg] == id && argOp != Op::Const && argOp != Op::Leaf && !seenBefore)
                regs.freeList.push_back(regOf[arg]);
        }
        in.dst = regs.temporary();
        regOf[id] = in.dst;
        tape.m_code.push_back(in);
    }

    tape.m_outputs.reserve(outputs.size());
    for (NodeId o : outputs)
        tape.m_outputs.push_back(regOf[o]);
    tape.m_initialWork = std::move(regs.initial);
    return tape;
}

std::vector<double> Tape::makeWorkspace() const
{
    return m_initialWork;
}

void Tape::evaluate(const double *leaves, double *outputs, double *work) const
{
    const std::size_t leafRegs = m_leafRegs.size();
    for (std::size_t i = 0; i < leafRegs; ++i)
        work[m_leafRegs[i]] = leaves[m_leafIndex[i]];
    for (const Instr &in : m_code)
        work[in.dst] = apply(in.op, work[in.a], work[in.b], work[in.c]);
    const std::size_t outs = m_outputs.size();
    for (std::size_t i = 0; i < outs; ++i)
        outputs[i] = work[m_outputs[i]];
}

}  // namespace ferroscope::core::expr
