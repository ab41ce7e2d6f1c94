// ExprGraph: hash-consing, constant folding, simplification, leaf dependencies, reference
// evaluation and printing. Symbolic differentiation lives in expr_derivative.cpp.
#include "core/expr/expr_graph.h"

#include "core/expr/tape.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ferroscope::core::expr {

namespace {

constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept
{
    // splitmix64 finaliser over a running combination.
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

bool isCommutative(Op op)
{
    switch (op) {
    case Op::Add: case Op::Mul: case Op::Min: case Op::Max: case Op::Eq: case Op::Ne:
    case Op::And: case Op::Or: case Op::Xor:
        return true;
    default:
        return false;
    }
}

const char *infixSymbol(Op op)
{
    switch (op) {
    case Op::Add: return " + ";
    case Op::Sub: return " - ";
    case Op::Mul: return " * ";
    case Op::Div: return " / ";
    case Op::Pow: return " ^ ";
    case Op::Lt: return " < ";
    case Op::Le: return " <= ";
    case Op::Gt: return " > ";
    case Op::Ge: return " >= ";
    case Op::Eq: return " == ";
    case Op::Ne: return " != ";
    case Op::And: return " && ";
    case Op::Or: return " || ";
    default: return nullptr;
    }
}

}  // namespace

int arity(Op op)
{
    switch (op) {
    case Op::Const: case Op::Leaf:
        return 0;
    case Op::Neg: case Op::Exp: case Op::Ln: case Op::Log10: case Op::Sqrt: case Op::Abs:
    case Op::Floor: case Op::Ceil: case Op::Factorial: case Op::Sin: case Op::Cos: case Op::Tan:
    case Op::Sinh: case Op::Cosh: case Op::Tanh: case Op::ASin: case Op::ACos: case Op::ATan:
    case Op::ASinh: case Op::ACosh: case Op::ATanh: case Op::Not:
        return 1;
    case Op::Select:
        return 3;
    default:
        return 2;
    }
}

const char *opName(Op op)
{
    switch (op) {
    case Op::Const: return "const";
    case Op::Leaf: return "leaf";
    case Op::Add: return "add";
    case Op::Sub: return "sub";
    case Op::Mul: return "mul";
    case Op::Div: return "div";
    case Op::Neg: return "neg";
    case Op::Pow: return "pow";
    case Op::Exp: return "exp";
    case Op::Ln: return "ln";
    case Op::Log10: return "log10";
    case Op::Sqrt: return "sqrt";
    case Op::Abs: return "abs";
    case Op::Floor: return "floor";
    case Op::Ceil: return "ceil";
    case Op::Factorial: return "factorial";
    case Op::Sin: return "sin";
    case Op::Cos: return "cos";
    case Op::Tan: return "tan";
    case Op::Sinh: return "sinh";
    case Op::Cosh: return "cosh";
    case Op::Tanh: return "tanh";
    case Op::ASin: return "asin";
    case Op::ACos: return "acos";
    case Op::ATan: return "atan";
    case Op::ASinh: return "asinh";
    case Op::ACosh: return "acosh";
    case Op::ATanh: return "atanh";
    case Op::Min: return "min";
    case Op::Max: return "max";
    case Op::Rem: return "rem";
    case Op::Quotient: return "quotient";
    case Op::Lt: return "lt";
    case Op::Le: return "le";
    case Op::Gt: return "gt";
    case Op::Ge: return "ge";
    case Op::Eq: return "eq";
    case Op::Ne: return "ne";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Xor: return "xor";
    case Op::Not: return "not";
    case Op::Select: return "select";
    }
    return "?";
}

bool isRelational(Op op)
{
    return op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge || op == Op::Eq
           || op == Op::Ne;
}

bool isLogical(Op op)
{
    return isRelational(op) || op == Op::And || op == Op::Or || op == Op::Xor || op == Op::Not;
}

std::size_t ExprGraph::NodeHash::operator()(const Node &n) const noexcept
{
    std::uint64_t h = mix(static_cast<std::uint64_t>(n.op), std::bit_cast<std::uint64_t>(n.value));
    h = mix(h, n.leaf);
    h = mix(h, (std::uint64_t(n.args[0]) << 32) | n.args[1]);
    return static_cast<std::size_t>(mix(h, n.args[2]));
}

bool ExprGraph::NodeEq::operator()(const Node &a, const Node &b) const noexcept
{
    // Constants compare by bit pattern: -0.0 stays distinct from 0.0 (1/x differs).
    return a.op == b.op
           && std::bit_cast<std::uint64_t>(a.value) == std::bit_cast<std::uint64_t>(b.value)
           && a.leaf == b.leaf && a.args[0] == b.args[0] && a.args[1] == b.args[1]
           && a.args[2] == b.args[2];
}

ExprGraph::ExprGraph()
{
    m_leafSets.emplace_back();  // set 0: no leaves
    m_zero = constant(0.0);
    m_one = constant(1.0);
}

NodeId ExprGraph::intern(const Node &n)
{
    if (auto it = m_index.find(n); it != m_index.end())
        return it->second;
    if (m_nodes.size() >= kNoNode)
        throw std::length_error("ExprGraph: too many nodes");
    const auto id = static_cast<NodeId>(m_nodes.size());
    m_leafSetOf.push_back(leafSetOfNew(n));
    m_nodes.push_back(n);
    m_index.emplace(n, id);
    return id;
}

bool ExprGraph::isConstant(NodeId id, double *value) const
{
    const Node &n = m_nodes[id];
    if (n.op != Op::Const)
        return false;
    if (value)
        *value = n.value;
    return true;
}

NodeId ExprGraph::constant(double v)
{
    Node n;
    n.op = Op::Const;
    // One NaN node, whatever the payload or sign an operation produced.
    n.value = std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : v;
    return intern(n);
}

NodeId ExprGraph::leaf(std::uint32_t index)
{
    Node n;
    n.op = Op::Leaf;
    n.leaf = index;
    return intern(n);
}

NodeId ExprGraph::unary(Op op, NodeId a)
{
    if (arity(op) != 1)
        throw std::invalid_argument(std::string("ExprGraph::unary: ") + opName(op)
                                    + " is not unary");
    if (a >= m_nodes.size())
        throw std::out_of_range("ExprGraph::unary: unknown operand");
    double va = 0.0;
    if (isConstant(a, &va))
        return constant(Tape::applyOp(op, va, va, va));
    if (op == Op::Neg && m_nodes[a].op == Op::Neg)
        return m_nodes[a].args[0];
    Node n;
    n.op = op;
    n.args[0] = a;
    return intern(n);
}

NodeId ExprGraph::binary(Op op, NodeId a, NodeId b)
{
    if (arity(op) != 2)
        throw std::invalid_argument(std::string("ExprGraph::binary: ") + opName(op)
                                    + " is not binary");
    if (a >= m_nodes.size() || b >= m_nodes.size())
        throw std::out_of_range("ExprGraph::binary: unknown operand");
    double va = 0.0, vb = 0.0;
    if (isConstant(a, &va) && isConstant(b, &vb))
        return constant(Tape::applyOp(op, va, vb, vb));
    if (const NodeId s = simplifyBinary(op, a, b); s != kNoNode)
        return s;
    if (isCommutative(op) && b < a)
        std::swap(a, b);
    Node n;
    n.op = op;
    n.args[0] = a;
    n.args[1] = b;
    return intern(n);
}

// Identities applied when at least one operand is not constant. x*0 -> 0 is deliberate even
// though inf*0 and NaN*0 are NaN: mass-action terms with a zero coefficient must vanish from the
// Jacobian's sparsity pattern, and a non-finite state is reported by the solver anyway.
NodeId ExprGraph::simplifyBinary(Op op, NodeId a, NodeId b)
{
    double va = 0.0, vb = 0.0;
    const bool ca = isConstant(a, &va), cb = isConstant(b, &vb);
    switch (op) {
    case Op::Add:
        if (cb && vb == 0.0) return a;
        if (ca && va == 0.0) return b;
        break;
    case Op::Sub:
        if (cb && vb == 0.0) return a;
        if (ca && va == 0.0) return unary(Op::Neg, b);
        break;
    case Op::Mul:
        if ((ca && va == 0.0) || (cb && vb == 0.0)) return m_zero;
        if (cb && vb == 1.0) return a;
        if (ca && va == 1.0) return b;
        break;
    case Op::Div:
        if (cb && vb == 1.0) return a;  // 0/x stays: 0/0 is NaN and x may reach 0
        break;
    case Op::Pow:
        if (cb && vb == 1.0) return a;
        if (cb && vb == 0.0) return m_one;  // std::pow(x, 0) == 1 for every x, NaN included
        if (ca && va == 1.0) return m_one;  // likewise std::pow(1, y) == 1
        break;
    default:
        break;
    }
    return kNoNode;
}

NodeId ExprGraph::select(NodeId cond, NodeId ifTrue, NodeId ifFalse)
{
    if (cond >= m_nodes.size() || ifTrue >= m_nodes.size() || ifFalse >= m_nodes.size())
        throw std::out_of_range("ExprGraph::select: unknown operand");
    double vc = 0.0;
    if (isConstant(cond, &vc))
        return vc != 0.0 ? ifTrue : ifFalse;  // same truth rule as the tape: NaN is true
    if (ifTrue == ifFalse)
        return ifTrue;
    Node n;
    n.op = Op::Select;
    n.args[0] = cond;
    n.args[1] = ifTrue;
    n.args[2] = ifFalse;
    return intern(n);
}

std::uint32_t ExprGraph::leafSetOfNew(const Node &n)
{
    if (n.op == Op::Const)
        return 0;
    if (n.op == Op::Leaf)
        return internLeafSet({n.leaf});
    std::uint32_t s = 0;
    for (int k = 0; k < arity(n.op); ++k)
        s = leafSetUnion(s, m_leafSetOf[n.args[k]]);
    return s;
}

std::uint32_t ExprGraph::leafSetUnion(std::uint32_t s, std::uint32_t t)
{
    if (s == t || t == 0)
        return s;
    if (s == 0)
        return t;
    std::vector<std::uint32_t> merged;
    {
        const auto &a = m_leafSets[s];
        const auto &b = m_leafSets[t];
        merged.reserve(a.size() + b.size());
        std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
        if (merged.size() == a.size())
            return s;  // t is a subset of s
        if (merged.size() == b.size())
            return t;
    }
    return internLeafSet(std::move(merged));
}

std::uint32_t ExprGraph::internLeafSet(std::vector<std::uint32_t> leaves)
{
    std::uint64_t h = leaves.size();
    for (std::uint32_t l : leaves)
        h = mix(h, l);
    auto [first, last] = m_leafSetIndex.equal_range(h);
    for (auto it = first; it != last; ++it) {
        if (m_leafSets[it->second] == leaves)
            return it->second;
    }
    const auto id = static_cast<std::uint32_t>(m_leafSets.size());
    m_leafSets.push_back(std::move(leaves));
    m_leafSetIndex.emplace(h, id);
    return id;
}

bool ExprGraph::dependsOn(NodeId node, std::uint32_t leafIndex) const
{
    const auto &set = m_leafSets[m_leafSetOf[node]];
    return std::binary_search(set.begin(), set.end(), leafIndex);
}

std::vector<std::uint32_t> ExprGraph::leavesOf(NodeId node) const
{
    return m_leafSets[m_leafSetOf[node]];
}

double ExprGraph::evaluate(NodeId node, const double *leaves) const
{
    // Ids are topologically ordered: mark what the node needs going down, compute going up.
    std::vector<char> needed(node + 1, 0);
    needed[node] = 1;
    for (NodeId id = node + 1; id-- > 0;) {
        if (!needed[id])
            continue;
        const Node &n = m_nodes[id];
        for (int k = 0; k < arity(n.op); ++k)
            needed[n.args[k]] = 1;
    }
    std::vector<double> value(node + 1, 0.0);
    for (NodeId id = 0; id <= node; ++id) {
        if (!needed[id])
            continue;
        const Node &n = m_nodes[id];
        switch (n.op) {
        case Op::Const: value[id] = n.value; break;
        case Op::Leaf: value[id] = leaves[n.leaf]; break;
        default: {
            const int k = arity(n.op);
            const double a = value[n.args[0]];
            const double b = k > 1 ? value[n.args[1]] : a;
            const double c = k > 2 ? value[n.args[2]] : a;
            value[id] = Tape::applyOp(n.op, a, b, c);
        }
        }
    }
    return value[node];
}

std::string ExprGraph::toString(NodeId node, const std::vector<std::string> *names) const
{
    const Node &n = m_nodes[node];
    switch (n.op) {
    case Op::Const: {
        char buf[32];
        const auto res = std::to_chars(buf, buf + sizeof buf, n.value);
        std::string s(buf, res.ptr);
        return std::signbit(n.value) && !std::isnan(n.value) ? "(" + s + ")" : s;
    }
    case Op::Leaf:
        if (names && n.leaf < names->size())
            return (*names)[n.leaf];
        return "x" + std::to_string(n.leaf);
    case Op::Neg:
        return "(-" + toString(n.args[0], names) + ")";
    case Op::Not:
        return "(!" + toString(n.args[0], names) + ")";
    case Op::Select:
        return "(" + toString(n.args[0], names) + " ? " + toString(n.args[1], names) + " : "
               + toString(n.args[2], names) + ")";
    default:
        break;
    }
    if (const char *sym = infixSymbol(n.op))
        return "(" + toString(n.args[0], names) + sym + toString(n.args[1], names) + ")";
    std::string s = std::string(opName(n.op)) + "(" + toString(n.args[0], names);
    if (arity(n.op) > 1)
        s += ", " + toString(n.args[1], names);
    return s + ")";
}

}  // namespace ferroscope::core::expr
