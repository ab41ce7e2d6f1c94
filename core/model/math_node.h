// MathNode: Ferroscope's own small math AST (SBML MathML semantics), independent of libSBML so that
// the model representation stays a plain value type. libSBML is used only to parse/print it
// (math_io.h). Owned by whoever holds the ModelSpec; any thread.
#pragma once

#include <string>
#include <vector>

namespace ferroscope::core {

enum class MathOp {
    Number,    // value
    Symbol,    // name = an SBML id (species, compartment, parameter, species reference, reaction,
               // function argument inside a lambda body)
    Time,      // csymbol time
    Avogadro,  // csymbol avogadro (not supported by the engine; import reports it)
    Delay,     // csymbol delay (not supported; import reports it)
    RateOf,    // csymbol rateOf (not supported; import reports it)
    Plus, Minus, Times, Divide, Power,   // Minus with one child = negation; Plus/Times n-ary
    Root,      // children: [degree, x]  (degree defaults to 2; the importer always fills it)
    Log,       // children: [base, x]    (base defaults to 10; the importer always fills it)
    Ln, Exp, Abs, Floor, Ceiling, Factorial,
    Sin, Cos, Tan, Sec, Csc, Cot, Sinh, Cosh, Tanh, Sech, Csch, Coth,
    ArcSin, ArcCos, ArcTan, ArcSec, ArcCsc, ArcCot,
    ArcSinh, ArcCosh, ArcTanh, ArcSech, ArcCsch, ArcCoth,
    Eq, Neq, Gt, Lt, Geq, Leq,           // n-ary chains allowed: a < b < c means a<b and b<c
    And, Or, Xor, Not, Implies,
    Piecewise,  // children: [v1, c1, v2, c2, ..., otherwise?]  (odd size = has otherwise)
    Call,       // name = function definition id, children = arguments
    Lambda,     // children: bvars (Symbol nodes) ..., body (last)
    Min, Max,   // n-ary (L3v2)
    Rem, Quotient,
};

struct MathNode {
    MathOp op = MathOp::Number;
    double value = 0.0;        // Number
    std::string name;          // Symbol, Call
    std::vector<MathNode> children;

    static MathNode number(double v) { MathNode n; n.op = MathOp::Number; n.value = v; return n; }
    static MathNode symbol(std::string id) { MathNode n; n.op = MathOp::Symbol; n.name = std::move(id); return n; }
    static MathNode make(MathOp op, std::vector<MathNode> kids = {}) { MathNode n; n.op = op; n.children = std::move(kids); return n; }

    /// Every Symbol name used below this node (Call names excluded), in first-use order, unique.
    std::vector<std::string> symbols() const;
    /// true if any node below has `op`.
    bool contains(MathOp op) const;
    /// Replace Symbol nodes named `from` by `to` (Call names are left alone).
    void renameSymbol(const std::string &from, const std::string &to);
};

}  // namespace ferroscope::core
