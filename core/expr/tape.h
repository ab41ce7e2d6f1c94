// Tape: an ExprGraph flattened into a linear register program (topologically ordered, common
// subexpressions computed once, constants preloaded). This is the hot path of every right-hand
// side and Jacobian call: no allocation, no string look-ups, one switch per instruction.
// Immutable after compile(); evaluate() is const and thread-safe given a separate Workspace.
#pragma once

#include "core/expr/expr_graph.h"

#include <cstdint>
#include <vector>

namespace ferroscope::core::expr {

class Tape {
public:
    Tape() = default;
    /// Compile the given output nodes. leafCount = size of the leaves array passed to evaluate().
    static Tape compile(const ExprGraph &graph, const std::vector<NodeId> &outputs,
                        std::uint32_t leafCount);

    /// Scratch registers for one evaluating thread (size workSize(), constants preloaded).
    std::vector<double> makeWorkspace() const;
    /// outputs[i] = value of outputs[i] given leaves. `work` from makeWorkspace().
    void evaluate(const double *leaves, double *outputs, double *work) const;

    std::size_t workSize() const { return m_initialWork.size(); }
    std::size_t instructionCount() const { return m_code.size(); }
    std::size_t outputCount() const { return m_outputs.size(); }
    bool empty() const { return m_outputs.empty(); }

    struct Instr {
        Op op;
        std::uint32_t dst, a, b, c;  // register indices
    };

private:
    // The single definition of every Op's arithmetic: ExprGraph::evaluate and constant folding
    // call it too, so folded, reference and tape values agree bit for bit.
    friend class ExprGraph;
    static double applyOp(Op op, double a, double b, double c) noexcept;

    std::uint32_t m_leafCount = 0;
    std::vector<Instr> m_code;                // topological order; unused operands repeat `a`
    std::vector<double> m_initialWork;        // registers; constants preloaded, never overwritten
    std::vector<std::uint32_t> m_outputs;     // register of each output
    std::vector<std::uint32_t> m_leafRegs;    // register of each leaf that the code reads
    std::vector<std::uint32_t> m_leafIndex;   // leaf index for each entry of m_leafRegs
};

}  // namespace ferroscope::core::expr
