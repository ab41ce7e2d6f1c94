// ExprGraph: a hash-consed expression DAG over numbered leaves (time, states, parameters, ...),
// with constant folding, algebraic simplification and symbolic differentiation. The ODE compiler
// builds the right-hand side, Jacobian, root functions and event maths here, then flattens them
// into a Tape (tape.h) for fast evaluation. Not thread-safe while being built; the finished graph
// is read-only and may be shared. Owned by ModelCompiler / CompiledModel.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ferroscope::core::expr {

using NodeId = std::uint32_t;

enum class Op : std::uint8_t {
    Const,  // value
    Leaf,   // leaves[leaf]
    // arithmetic
    Add, Sub, Mul, Div, Neg, Pow, Exp, Ln, Log10, Sqrt, Abs, Floor, Ceil, Factorial,
    Sin, Cos, Tan, Sinh, Cosh, Tanh, ASin, ACos, ATan, ASinh, ACosh, ATanh,
    Min, Max, Rem /* fmod */, Quotient /* trunc(a/b) */,
    // logic: results are exactly 1.0 or 0.0; inputs are true when != 0
    Lt, Le, Gt, Ge, Eq, Ne, And, Or, Xor, Not,
    Select,  // args[0] != 0 ? args[1] : args[2]
};

struct Node {
    Op op = Op::Const;
    double value = 0.0;          // Const
    std::uint32_t leaf = 0;      // Leaf
    NodeId args[3] = {0, 0, 0};  // operands (count from arity(op))
};

int arity(Op op);
const char *opName(Op op);
bool isRelational(Op op);   // Lt Le Gt Ge Eq Ne
bool isLogical(Op op);      // relational, And Or Xor Not

class ExprGraph {
public:
    ExprGraph();

    NodeId constant(double v);
    NodeId leaf(std::uint32_t index);
    NodeId unary(Op op, NodeId a);
    NodeId binary(Op op, NodeId a, NodeId b);
    NodeId select(NodeId cond, NodeId ifTrue, NodeId ifFalse);
    // convenience
    NodeId add(NodeId a, NodeId b) { return binary(Op::Add, a, b); }
    NodeId sub(NodeId a, NodeId b) { return binary(Op::Sub, a, b); }
    NodeId mul(NodeId a, NodeId b) { return binary(Op::Mul, a, b); }
    NodeId div(NodeId a, NodeId b) { return binary(Op::Div, a, b); }
    NodeId neg(NodeId a) { return unary(Op::Neg, a); }
    NodeId zero() const { return m_zero; }
    NodeId one() const { return m_one; }

    const Node &node(NodeId id) const { return m_nodes[id]; }
    std::size_t size() const { return m_nodes.size(); }
    bool isConstant(NodeId id, double *value = nullptr) const;

    /// d node / d leaves[leafIndex], simplified and memoised. Non-smooth points follow the usual
    /// conventions (abs' = sign, floor' = 0, relational' = 0, min/max/select pick a branch);
    /// functions without a closed-form derivative (factorial) get a central difference quotient
    /// built in the graph.
    NodeId derivative(NodeId node, std::uint32_t leafIndex);
    bool dependsOn(NodeId node, std::uint32_t leafIndex) const;
    /// Sorted leaf indices reachable from node.
    std::vector<std::uint32_t> leavesOf(NodeId node) const;

    /// Reference recursive evaluation (slow; for tests and one-off constant folding).
    double evaluate(NodeId node, const double *leaves) const;
    /// Human-readable form (leaf i printed as names[i] when given, else "x<i>").
    std::string toString(NodeId node, const std::vector<std::string> *names = nullptr) const;

private:
    NodeId intern(const Node &n);
    // ... implementation detail members (hash-consing table, derivative memo, leaf-dependency
    // cache) live in the .cpp-visible section below.
public:
    struct NodeHash { std::size_t operator()(const Node &n) const noexcept; };
    struct NodeEq { bool operator()(const Node &a, const Node &b) const noexcept; };
private:
    NodeId simplifyBinary(Op op, NodeId a, NodeId b);        // kNoNode when no rule applies
    NodeId derivativeRule(NodeId id, std::uint32_t leafIndex, const NodeId *dArgs);
    NodeId factorialSlope(NodeId x);                          // central difference, in the graph
    std::uint32_t leafSetOfNew(const Node &n);
    std::uint32_t leafSetUnion(std::uint32_t s, std::uint32_t t);
    std::uint32_t internLeafSet(std::vector<std::uint32_t> leaves);

    std::vector<Node> m_nodes;   // children always have smaller ids than their parents
    std::unordered_map<Node, NodeId, NodeHash, NodeEq> m_index;
    std::unordered_map<std::uint64_t, NodeId> m_derivMemo;        // (node << 32 | leaf) -> d
    // Leaf dependencies, filled eagerly at intern time so that the finished graph stays truly
    // read-only (no lazy mutable cache racing between threads). Leaf sets are sorted and shared:
    // m_leafSetOf[node] indexes m_leafSets, whose entry 0 is the empty set.
    std::vector<std::uint32_t> m_leafSetOf;
    std::vector<std::vector<std::uint32_t>> m_leafSets;
    std::unordered_multimap<std::uint64_t, std::uint32_t> m_leafSetIndex;  // hash -> set
    NodeId m_zero = 0, m_one = 0;
};

}  // namespace ferroscope::core::expr
