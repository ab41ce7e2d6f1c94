// ExprGraph::derivative: symbolic differentiation over the DAG (forward chain rule per leaf),
// memoised per (node, leaf) and built through the simplifying constructors, so that terms which
// do not depend on the leaf disappear and the Jacobian's sparsity falls out of dependsOn().
#include "core/expr/expr_graph.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace ferroscope::core::expr {

namespace {

std::uint64_t memoKey(NodeId node, std::uint32_t leafIndex)
{
    return (std::uint64_t(node) << 32) | leafIndex;
}

// Which operands' derivatives the rule for `op` reads (bit k = operand k). Piecewise-constant
// results (floor, relations, logic, quotient) read none; select never differentiates its
// condition.
unsigned neededOperands(Op op)
{
    if (isLogical(op))
        return 0;
    switch (op) {
    case Op::Const: case Op::Leaf: case Op::Floor: case Op::Ceil: case Op::Quotient:
        return 0;
    case Op::Select:
        return 0b110;
    default:
        return arity(op) == 1 ? 0b1 : 0b11;
    }
}

}  // namespace

NodeId ExprGraph::derivative(NodeId node, std::uint32_t leafIndex)
{
    if (node >= m_nodes.size())
        throw std::out_of_range("ExprGraph::derivative: unknown node");
    if (!dependsOn(node, leafIndex))
        return m_zero;
    // Explicit post-order stack: model expressions (long sums) can nest deeper than is safe to
    // recurse on a worker thread's stack.
    std::vector<NodeId> stack{node};
    while (!stack.empty()) {
        const NodeId id = stack.back();
        if (m_derivMemo.contains(memoKey(id, leafIndex))) {
            stack.pop_back();
            continue;
        }
        const Node n = m_nodes[id];  // copy: the rules below grow m_nodes
        const unsigned needed = neededOperands(n.op);
        NodeId d[3] = {m_zero, m_zero, m_zero};
        bool ready = true;
        for (int k = 0; k < arity(n.op); ++k) {
            const NodeId arg = n.args[k];
            if (!(needed & (1u << k)) || !dependsOn(arg, leafIndex))
                continue;
            if (auto it = m_derivMemo.find(memoKey(arg, leafIndex)); it != m_derivMemo.end()) {
                d[k] = it->second;
            } else {
                stack.push_back(arg);
                ready = false;
            }
        }
        if (!ready)
            continue;
        stack.pop_back();
        m_derivMemo.emplace(memoKey(id, leafIndex), derivativeRule(id, leafIndex, d));
    }
    return m_derivMemo.at(memoKey(node, leafIndex));
}

// d(node)/d(leaf) from the operands' derivatives dArgs (zero for operands not depending on it).
NodeId ExprGraph::derivativeRule(NodeId id, std::uint32_t leafIndex, const NodeId *dArgs)
{
    const Node n = m_nodes[id];
    const NodeId a = n.args[0], b = n.args[1];
    const NodeId da = dArgs[0], db = dArgs[1];
    const NodeId zero = m_zero, one = m_one;
    auto sq = [&](NodeId x) { return mul(x, x); };
    auto chain = [&](NodeId outer) { return mul(outer, da); };  // f'(a) * da
    switch (n.op) {
    case Op::Const: return zero;
    case Op::Leaf: return n.leaf == leafIndex ? one : zero;
    case Op::Add: return add(da, db);
    case Op::Sub: return sub(da, db);
    case Op::Neg: return neg(da);
    case Op::Mul: return add(mul(da, b), mul(a, db));
    case Op::Div:  // (da - (a/b) db) / b, reusing this node for a/b
        return div(sub(da, mul(id, db)), b);
    case Op::Pow: {
        if (!dependsOn(b, leafIndex)) {
            double vb = 0.0;
            const NodeId bMinus1 = isConstant(b, &vb) ? constant(vb - 1.0) : sub(b, one);
            return mul(mul(b, binary(Op::Pow, a, bMinus1)), da);  // b == 2 gives 2*a*da
        }
        NodeId inner = mul(db, unary(Op::Ln, a));
        if (da != zero)
            inner = add(inner, div(mul(b, da), a));
        return mul(id, inner);
    }
    case Op::Exp: return chain(id);
    case Op::Ln: return div(da, a);
    case Op::Log10: return div(da, mul(a, constant(std::numbers::ln10)));
    case Op::Sqrt: return div(da, mul(constant(2.0), id));
    case Op::Abs:  // sign(a) * da, with sign(0) = 0
        return select(binary(Op::Gt, a, zero), da,
                      select(binary(Op::Lt, a, zero), neg(da), zero));
    case Op::Factorial: return chain(factorialSlope(a));
    case Op::Sin: return chain(unary(Op::Cos, a));
    case Op::Cos: return neg(chain(unary(Op::Sin, a)));
    case Op::Tan: return chain(add(one, sq(id)));
    case Op::Sinh: return chain(unary(Op::Cosh, a));
    case Op::Cosh: return chain(unary(Op::Sinh, a));
    case Op::Tanh: return chain(sub(one, sq(id)));
    case Op::ASin: return div(da, unary(Op::Sqrt, sub(one, sq(a))));
    case Op::ACos: return neg(div(da, unary(Op::Sqrt, sub(one, sq(a)))));
    case Op::ATan: return div(da, add(one, sq(a)));
    case Op::ASinh: return div(da, unary(Op::Sqrt, add(sq(a), one)));
    case Op::ACosh:  // sqrt(a-1)*sqrt(a+1) rather than sqrt(a*a-1): no cancellation near a = 1
        return div(da, mul(unary(Op::Sqrt, sub(a, one)), unary(Op::Sqrt, add(a, one))));
    case Op::ATanh: return div(da, sub(one, sq(a)));
    case Op::Min: return select(binary(Op::Le, a, b), da, db);
    case Op::Max: return select(binary(Op::Ge, a, b), da, db);
    case Op::Rem:  // fmod(a, b) = a - trunc(a/b) * b, trunc piecewise constant
        return sub(da, mul(binary(Op::Quotient, a, b), db));
    case Op::Select: return select(a, dArgs[1], dArgs[2]);
    case Op::Floor: case Op::Ceil: case Op::Quotient:
    case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne:
    case Op::And: case Op::Or: case Op::Xor: case Op::Not:
        return zero;
    }
    return zero;
}

// factorial has no elementary derivative (it involves the digamma function), so its slope is a
// central difference quotient in the graph, h = 1e-6 * max(1, |x|): truncation ~h^2, round-off
// ~eps/h, both near 1e-10 relative.
NodeId ExprGraph::factorialSlope(NodeId x)
{
    const NodeId h = mul(constant(1e-6), binary(Op::Max, m_one, unary(Op::Abs, x)));
    const NodeId up = unary(Op::Factorial, add(x, h));
    const NodeId down = unary(Op::Factorial, sub(x, h));
    return div(sub(up, down), mul(constant(2.0), h));
}

}  // namespace ferroscope::core::expr
