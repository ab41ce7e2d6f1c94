// ASTNode <-> MathNode conversion (see sbml_math.h). libSBML's ASTNode has many representations of
// the same mathematics (integer/real/e-notation/rational numbers, log with or without logbase,
// named constants); MathNode keeps one, so that the compiler downstream has fewer cases.
#include "core/io/sbml_math.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <utility>

namespace ferroscope::core {
namespace {

// Operators that map one-to-one, without special handling of their children.
constexpr std::array<std::pair<ASTNodeType_t, MathOp>, 52> kSimpleOps{{
    {AST_PLUS, MathOp::Plus}, {AST_MINUS, MathOp::Minus}, {AST_TIMES, MathOp::Times},
    {AST_DIVIDE, MathOp::Divide}, {AST_POWER, MathOp::Power},
    {AST_FUNCTION_LN, MathOp::Ln}, {AST_FUNCTION_EXP, MathOp::Exp},
    {AST_FUNCTION_ABS, MathOp::Abs}, {AST_FUNCTION_FLOOR, MathOp::Floor},
    {AST_FUNCTION_CEILING, MathOp::Ceiling}, {AST_FUNCTION_FACTORIAL, MathOp::Factorial},
    {AST_FUNCTION_SIN, MathOp::Sin}, {AST_FUNCTION_COS, MathOp::Cos}, {AST_FUNCTION_TAN, MathOp::Tan},
    {AST_FUNCTION_SEC, MathOp::Sec}, {AST_FUNCTION_CSC, MathOp::Csc}, {AST_FUNCTION_COT, MathOp::Cot},
    {AST_FUNCTION_SINH, MathOp::Sinh}, {AST_FUNCTION_COSH, MathOp::Cosh},
    {AST_FUNCTION_TANH, MathOp::Tanh}, {AST_FUNCTION_SECH, MathOp::Sech},
    {AST_FUNCTION_CSCH, MathOp::Csch}, {AST_FUNCTION_COTH, MathOp::Coth},
    {AST_FUNCTION_ARCSIN, MathOp::ArcSin}, {AST_FUNCTION_ARCCOS, MathOp::ArcCos},
    {AST_FUNCTION_ARCTAN, MathOp::ArcTan}, {AST_FUNCTION_ARCSEC, MathOp::ArcSec},
    {AST_FUNCTION_ARCCSC, MathOp::ArcCsc}, {AST_FUNCTION_ARCCOT, MathOp::ArcCot},
    {AST_FUNCTION_ARCSINH, MathOp::ArcSinh}, {AST_FUNCTION_ARCCOSH, MathOp::ArcCosh},
    {AST_FUNCTION_ARCTANH, MathOp::ArcTanh}, {AST_FUNCTION_ARCSECH, MathOp::ArcSech},
    {AST_FUNCTION_ARCCSCH, MathOp::ArcCsch}, {AST_FUNCTION_ARCCOTH, MathOp::ArcCoth},
    {AST_RELATIONAL_EQ, MathOp::Eq}, {AST_RELATIONAL_NEQ, MathOp::Neq},
    {AST_RELATIONAL_GT, MathOp::Gt}, {AST_RELATIONAL_LT, MathOp::Lt},
    {AST_RELATIONAL_GEQ, MathOp::Geq}, {AST_RELATIONAL_LEQ, MathOp::Leq},
    {AST_LOGICAL_AND, MathOp::And}, {AST_LOGICAL_OR, MathOp::Or}, {AST_LOGICAL_XOR, MathOp::Xor},
    {AST_LOGICAL_NOT, MathOp::Not}, {AST_LOGICAL_IMPLIES, MathOp::Implies},
    {AST_FUNCTION_PIECEWISE, MathOp::Piecewise},
    {AST_FUNCTION_MIN, MathOp::Min}, {AST_FUNCTION_MAX, MathOp::Max},
    {AST_FUNCTION_REM, MathOp::Rem}, {AST_FUNCTION_QUOTIENT, MathOp::Quotient},
    {AST_FUNCTION_POWER, MathOp::Power},   // last: MathOp::Power maps back to AST_POWER
}};

std::string describe(const ASTNode *ast)
{
    if (const char *op = ast->getOperatorName()) return op;
    if (const char *name = ast->getName()) return name;
    return "type " + std::to_string(int(ast->getType()));
}

// Children converted in order; the first error stops the conversion.
Result<MathNode> withChildren(const ASTNode *ast, MathNode node)
{
    for (unsigned i = 0; i < ast->getNumChildren(); ++i) {
        auto child = fromAst(ast->getChild(i));
        if (!child) return child.errors();
        node.children.push_back(std::move(child).value());
    }
    return node;
}

// log and root: the importer always fills the optional qualifier (base 10, degree 2).
Result<MathNode> withQualifier(const ASTNode *ast, MathOp op, double defaultValue)
{
    const unsigned n = ast->getNumChildren();
    if (n != 1 && n != 2)
        return Error{"", describe(ast) + " needs one argument and an optional qualifier"};
    auto node = withChildren(ast, MathNode::make(op));
    if (node && n == 1) node->children.insert(node->children.begin(), MathNode::number(defaultValue));
    return node;
}

// libSBML's MathML reader turns <apply><plus/> a b c</apply> into ((a + b) + c); undo that for
// the associative n-ary operators, flattening only the left operand so the evaluation order of
// the written expression is kept.
void flattenLeft(MathNode &node)
{
    const bool nary = node.op == MathOp::Plus || node.op == MathOp::Times || node.op == MathOp::And ||
                      node.op == MathOp::Or;
    if (!nary || node.children.empty()) return;
    MathNode &first = node.children.front();
    if (first.op != node.op || first.children.size() < 2) return;
    std::vector<MathNode> merged = std::move(first.children);
    for (std::size_t i = 1; i < node.children.size(); ++i) merged.push_back(std::move(node.children[i]));
    node.children = std::move(merged);
}

std::optional<MathOp> simpleOp(ASTNodeType_t type)
{
    for (const auto &[t, op] : kSimpleOps)
        if (t == type) return op;
    return std::nullopt;
}

std::optional<ASTNodeType_t> simpleType(MathOp op)
{
    if (op == MathOp::Power) return AST_POWER;
    for (const auto &[t, o] : kSimpleOps)
        if (o == op) return t;
    return std::nullopt;
}

std::string shortest(double v)
{
    std::array<char, 64> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), res.ptr);
}

// <cn type="e-notation"> m <sep/> e </cn>: libSBML computes m*10^e in floating point, which can be
// off by an ulp; reading the decimal text "me" instead gives the correctly rounded value.
double eNotationValue(const ASTNode *ast)
{
    const std::string text = shortest(ast->getMantissa()) + "e" + std::to_string(ast->getExponent());
    return std::strtod(text.c_str(), nullptr);
}

std::unique_ptr<ASTNode> named(ASTNodeType_t type, const std::string &name)
{
    auto ast = std::make_unique<ASTNode>(type);
    ast->setName(name.c_str());
    return ast;
}

std::unique_ptr<ASTNode> numberAst(double v, AstContext context, bool forFormula)
{
    if (context == AstContext::Boolean && (v == 1.0 || v == 0.0))
        return std::make_unique<ASTNode>(v == 1.0 ? AST_CONSTANT_TRUE : AST_CONSTANT_FALSE);
    // MathML keeps only 15 digits of a <cn>; the named constants keep pi and e exact.
    if (v == std::numbers::pi) return std::make_unique<ASTNode>(AST_CONSTANT_PI);
    if (v == std::numbers::e) return std::make_unique<ASTNode>(AST_CONSTANT_E);
    const bool isSmallInteger = std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 2147483647.0;
    if (forFormula && std::isfinite(v) && !isSmallInteger) {
        // Shortest text that reads back as the same double; a name node is printed verbatim.
        auto text = named(AST_NAME, shortest(std::fabs(v)));
        if (!std::signbit(v)) return text;
        auto minus = std::make_unique<ASTNode>(AST_MINUS);
        minus->addChild(text.release());
        return minus;
    }
    if (isSmallInteger) {
        auto ast = std::make_unique<ASTNode>(AST_INTEGER);
        ast->setValue(static_cast<long>(v));
        return ast;
    }
    auto ast = std::make_unique<ASTNode>(AST_REAL);
    ast->setValue(v);
    return ast;
}

// Which children of `node` are Boolean-valued, given the context of `node` itself.
AstContext childContext(const MathNode &node, std::size_t i, AstContext context)
{
    switch (node.op) {
    case MathOp::And: case MathOp::Or: case MathOp::Xor: case MathOp::Not: case MathOp::Implies:
        return AstContext::Boolean;
    case MathOp::Piecewise: {
        const bool isCondition = i % 2 == 1;
        return isCondition ? AstContext::Boolean : context;
    }
    default:
        return AstContext::Value;
    }
}

std::unique_ptr<ASTNode> build(const MathNode &node, AstContext context, bool forFormula)
{
    std::unique_ptr<ASTNode> ast;
    switch (node.op) {
    case MathOp::Number: return numberAst(node.value, context, forFormula);
    case MathOp::Symbol: return named(AST_NAME, node.name);
    case MathOp::Time: return named(AST_NAME_TIME, "time");
    case MathOp::Avogadro: return named(AST_NAME_AVOGADRO, "avogadro");
    case MathOp::Delay: ast = named(AST_FUNCTION_DELAY, "delay"); break;
    case MathOp::RateOf: ast = named(AST_FUNCTION_RATE_OF, "rateOf"); break;
    case MathOp::Call: ast = named(AST_FUNCTION, node.name); break;
    case MathOp::Lambda: ast = std::make_unique<ASTNode>(AST_LAMBDA); break;
    case MathOp::Root: ast = std::make_unique<ASTNode>(AST_FUNCTION_ROOT); break;
    case MathOp::Log: ast = std::make_unique<ASTNode>(AST_FUNCTION_LOG); break;
    default: ast = std::make_unique<ASTNode>(simpleType(node.op).value_or(AST_UNKNOWN)); break;
    }
    for (std::size_t i = 0; i < node.children.size(); ++i)
        ast->addChild(build(node.children[i], childContext(node, i, context), forFormula).release());
    return ast;
}

}  // namespace

Result<MathNode> fromAst(const ASTNode *ast)
{
    if (!ast) return Error{"", "missing math"};
    const ASTNodeType_t type = ast->getType();
    switch (type) {
    case AST_REAL_E: return MathNode::number(eNotationValue(ast));
    case AST_INTEGER: case AST_REAL: case AST_RATIONAL: return MathNode::number(ast->getValue());
    case AST_NAME: return MathNode::symbol(ast->getName() ? ast->getName() : "");
    case AST_NAME_TIME: return MathNode::make(MathOp::Time);
    case AST_NAME_AVOGADRO: return MathNode::make(MathOp::Avogadro);
    case AST_CONSTANT_PI: return MathNode::number(std::numbers::pi);
    case AST_CONSTANT_E: return MathNode::number(std::numbers::e);
    case AST_CONSTANT_TRUE: return MathNode::number(1.0);
    case AST_CONSTANT_FALSE: return MathNode::number(0.0);
    case AST_FUNCTION_LOG: return withQualifier(ast, MathOp::Log, 10.0);
    case AST_FUNCTION_ROOT: return withQualifier(ast, MathOp::Root, 2.0);
    case AST_FUNCTION_DELAY: return withChildren(ast, MathNode::make(MathOp::Delay));
    case AST_FUNCTION_RATE_OF: return withChildren(ast, MathNode::make(MathOp::RateOf));
    case AST_LAMBDA:
        if (ast->getNumChildren() == 0) return Error{"", "lambda without a body"};
        return withChildren(ast, MathNode::make(MathOp::Lambda));
    case AST_FUNCTION: {
        MathNode call = MathNode::make(MathOp::Call);
        call.name = ast->getName() ? ast->getName() : "";
        return withChildren(ast, std::move(call));
    }
    default: break;
    }
    if (const auto op = simpleOp(type)) {
        auto node = withChildren(ast, MathNode::make(*op));
        if (node) flattenLeft(*node);
        return node;
    }
    return Error{"", "MathML construct '" + describe(ast) + "' is not supported"};
}

std::unique_ptr<ASTNode> toAst(const MathNode &node, AstContext context)
{
    return build(node, context, false);
}

std::unique_ptr<ASTNode> toFormulaAst(const MathNode &node)
{
    return build(node, AstContext::Value, true);
}

}  // namespace ferroscope::core
