// Infix formulas through libSBML's Level 3 parser/printer; see math_io.h.
#include "core/model/math_io.h"

#include "core/io/sbml_math.h"

#include <cstdlib>
#include <memory>
#include <mutex>

namespace ferroscope::core {
namespace {

struct FreeDeleter {
    void operator()(char *p) const noexcept { std::free(p); }
};
using CString = std::unique_ptr<char, FreeDeleter>;

// L3 syntax: `time` and `avogadro` are csymbols, log(x) is log10, L3v2 functions (min, max, rem,
// quotient, implies, rateOf) are recognised. Units after numbers ("5 mole") are rejected, because
// MathNode carries no units and silently dropping them would mislead.
L3ParserSettings parserSettings()
{
    L3ParserSettings settings;
    settings.setParseLog(L3P_PARSE_LOG_AS_LOG10);
    settings.setParseCollapseMinus(false);
    settings.setParseUnits(false);
    settings.setParseAvogadroCsymbol(true);
    settings.setParseL3v2Functions(true);
    settings.setComparisonCaseSensitivity(false);
    settings.setParsePackageMath(EM_DISTRIB, false);   // "normal(...)" may be a user function
    return settings;
}

// libSBML's L3 parser is one global object (and keeps the last error globally), so parses from
// different threads must not overlap.
std::mutex g_parserMutex;

Result<MathNode> parse(const std::string &formula, const L3ParserSettings &settings)
{
    std::unique_lock lock(g_parserMutex);
    std::unique_ptr<ASTNode> ast(SBML_parseL3FormulaWithSettings(formula.c_str(), &settings));
    if (!ast) {
        CString reason(SBML_getLastParseL3Error());
        lock.unlock();
        std::string text = reason ? reason.get() : "unknown parse error";
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        if (text.empty()) text = "the formula is empty or incomplete";
        return Error{"formula '" + formula + "'", text};
    }
    lock.unlock();
    auto node = fromAst(ast.get());
    if (!node) return Error{"formula '" + formula + "'", node.errorText()};
    return node;
}

}  // namespace

Result<MathNode> parseFormula(const std::string &formula)
{
    return parse(formula, parserSettings());
}

Result<MathNode> parseFormula(const std::string &formula, const ModelSpec &context)
{
    // The L3 parser resolves names against a libSBML Model: a stand-in with one parameter per
    // id (and one function per function id, with the right number of arguments) is enough.
    SBMLDocument doc(3, 2);
    SbmlModel *model = doc.createModel();
    auto addId = [model](const std::string &id) {
        if (!id.empty() && !model->getElementBySId(id)) model->createParameter()->setId(id);
    };
    for (const auto &f : context.functions) {
        auto *fd = model->createFunctionDefinition();
        fd->setId(f.id);
        MathNode lambda = MathNode::make(MathOp::Lambda);
        for (const auto &arg : f.arguments) lambda.children.push_back(MathNode::symbol(arg));
        lambda.children.push_back(MathNode::number(0.0));
        fd->setMath(toAst(lambda).get());
    }
    for (const auto &c : context.compartments) addId(c.id);
    for (const auto &s : context.species) addId(s.id);
    for (const auto &p : context.parameters) addId(p.id);
    for (const auto &r : context.reactions) {
        addId(r.id);
        for (const auto &ref : r.reactants) addId(ref.id);
        for (const auto &ref : r.products) addId(ref.id);
    }
    L3ParserSettings settings = parserSettings();
    settings.setModel(model);
    return parse(formula, settings);
}

std::string toFormula(const MathNode &node)
{
    const std::unique_ptr<ASTNode> ast = toFormulaAst(node);
    const L3ParserSettings settings = parserSettings();
    CString text(SBML_formulaToL3StringWithSettings(ast.get(), &settings));
    return text ? std::string(text.get()) : std::string();
}

}  // namespace ferroscope::core
