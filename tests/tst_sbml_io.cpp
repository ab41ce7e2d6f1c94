// Tests for formula parsing/printing, SBML import (L2/L3, defaults, unsupported constructs) and
// SBML export (validity, evidence, atomic file replacement). Suite cases come from
// ../shared/sbml-suite/cases (skipped when absent); small error cases live in tests/data/sbml/.
#include "core/io/sbml_export.h"
#include "core/io/sbml_import.h"
#include "core/model/math_io.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <csignal>
#include <numbers>

#include <sys/resource.h>
#include <unistd.h>

using namespace ferroscope::core;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

const QString kData = QStringLiteral(FERROSCOPE_TEST_DATA "/sbml/");
const QString kSuite = QStringLiteral(FERROSCOPE_SOURCE_DIR "/../shared/sbml-suite/cases");

QString suiteCase(const QString &id)
{
    const QDir dir(kSuite + "/" + id);
    const QStringList files = dir.entryList({id + "-sbml-*.xml"}, QDir::Files);
    return files.isEmpty() ? QString() : dir.filePath(files.first());
}

#define IMPORT_CASE(var, id)                                                        \
    const QString var##Path = suiteCase(id);                                        \
    if (var##Path.isEmpty()) QSKIP("SBML Test Suite case " id " not found");        \
    auto var = importSbmlFile(var##Path.toStdString());                            \
    QVERIFY2(var.ok(), var.errorText().c_str())

bool writeText(const QString &path, const char *text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == qint64(std::strlen(text));
}

std::string readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

// 14 significant digits: libSBML writes 15, so exported values agree to this precision.
std::string num(double v) { return QString::number(v, 'g', 14).toStdString(); }

std::string flags(std::initializer_list<bool> bits)
{
    std::string out;
    for (const bool b : bits) out += b ? '1' : '0';
    return out;
}

std::string refs(const std::vector<SpeciesReference> &list)
{
    std::string out;
    for (const auto &r : list) out += " " + r.species + "[" + r.id + "]*" + num(r.stoichiometry) + flags({r.constant});
    return out;
}

std::string params(const std::vector<Parameter> &list)
{
    std::string out;
    for (const auto &p : list) out += " " + p.id + "(" + p.name + ")=" + num(p.value) + flags({p.constant});
    return out;
}

// One line per element with every field the importer fills; two models agree when the lines do.
std::vector<std::string> canonical(const ModelSpec &m)
{
    std::vector<std::string> out{"model " + m.id + " (" + m.name + ") cf=" + m.conversionFactor};
    for (const auto &f : m.functions) {
        std::string args;
        for (const auto &a : f.arguments) args += a + ",";
        out.push_back("function " + f.id + "(" + args + ") = " + toFormula(f.body));
    }
    for (const auto &c : m.compartments)
        out.push_back("compartment " + c.id + " (" + c.name + ") " + num(c.size) + " d" + num(c.spatialDimensions) +
                      flags({c.constant}));
    for (const auto &s : m.species)
        out.push_back("species " + s.id + " (" + s.name + ") in " + s.compartment + " " + num(s.initialAmount) + "/" +
                      num(s.initialConcentration) + " " +
                      flags({s.hasOnlySubstanceUnits, s.boundaryCondition, s.constant}) +
                      " cf=" + s.conversionFactor);
    out.push_back("parameters" + params(m.parameters));
    for (const auto &ia : m.initialAssignments) out.push_back("init " + ia.symbol + " = " + toFormula(ia.math));
    for (const auto &r : m.rules)
        out.push_back("rule" + std::to_string(int(r.kind)) + " " + r.variable + " = " + toFormula(r.math));
    for (const auto &r : m.reactions) {
        std::string mods;
        for (const auto &mod : r.modifiers) mods += mod + ",";
        out.push_back("reaction " + r.id + " (" + r.name + ") " + flags({r.reversible, r.fast}) + refs(r.reactants) +
                      " ->" + refs(r.products) + " mods " + mods + " law " +
                      (r.kineticLaw ? toFormula(*r.kineticLaw) : "none") + " local" + params(r.localParameters));
    }
    for (const auto &e : m.events) {
        std::string line = "event " + e.id + " when " + toFormula(e.trigger) + " " +
                           flags({e.initialValue, e.persistent, e.useValuesFromTriggerTime}) + " delay " +
                           (e.delay ? toFormula(*e.delay) : "none") + " priority " +
                           (e.priority ? toFormula(*e.priority) : "none") + " do";
        for (const auto &a : e.assignments) line += " " + a.variable + "=" + toFormula(a.math);
        out.push_back(line);
    }
    return out;
}

// The first few differing lines of the canonical forms; empty when the models agree.
std::string differences(const ModelSpec &a, const ModelSpec &b)
{
    const auto x = canonical(a), y = canonical(b);
    std::string out;
    int shown = 0;
    for (std::size_t i = 0; i < std::max(x.size(), y.size()) && shown < 3; ++i) {
        const std::string left = i < x.size() ? x[i] : "(none)", right = i < y.size() ? y[i] : "(none)";
        if (left == right) continue;
        out += "\n  " + left + "\n  vs " + right;
        ++shown;
    }
    return out;
}

bool sameEvidence(const Evidence &a, const Evidence &b)
{
    return a.explanation == b.explanation && a.seedRefs == b.seedRefs && a.figure == b.figure &&
           a.sources == b.sources && a.estimated == b.estimated && a.units == b.units && a.category == b.category;
}

MathNode formula(const std::string &text)
{
    auto r = parseFormula(text);
    if (!r) qFatal("test formula '%s' does not parse: %s", text.c_str(), r.errorText().c_str());
    return *r;
}

// A model touching every ModelSpec element, with evidence, for the export tests.
ModelSpec handBuiltModel()
{
    ModelSpec m;
    m.id = "iron_toy";
    m.name = "Iron toy model";
    m.functions.push_back({"hill", "Hill activation", {"x", "K", "n"}, formula("x^n / (K^n + x^n)"), {}});
    Compartment cyto{"cyto", "cytosol", 1.5, 3, true, {}};
    cyto.evidence.explanation = "The cytosol, where the labile iron pool sits.";
    m.compartments.push_back(cyto);
    m.compartments.push_back({"flex", "", kUnset, 3, false, {}});
    Species fe{"Fe", "labile iron", "cyto", kUnset, 0.8, false, false, false, "", {}};
    fe.evidence = {"Free Fe(II) <1 µM & tightly \"buffered\".", "[3,4]", "Fig. 1", "{MM13}", true, "µM", "iron"};
    m.species.push_back(fe);
    m.species.push_back({"Ft", "ferritin", "cyto", 2.0, kUnset, true, false, false, "cf", {}});
    m.species.push_back({"Src", "", "cyto", 1.0, kUnset, false, true, true, "", {}});
    m.parameters.push_back({"k_in", "", 0.30000000000000004, true, {"Import rate.", "", "", "", false, "/h", ""}});
    m.parameters.push_back({"cf", "", 2.0, true, {}});
    m.parameters.push_back({"later", "", kUnset, true, {}});
    m.parameters.push_back({"flux", "", kUnset, false, {}});
    m.parameters.push_back({"pi", "parameter literally named pi", 3.0, true, {}});
    m.initialAssignments.push_back({"later", formula("2 * k_in")});
    m.initialAssignments.push_back({"flex", formula("1")});
    m.rules.push_back({RuleKind::Assignment, "flux", formula("hill(Fe, 0.5, 2) * time")});
    m.rules.push_back({RuleKind::Rate, "flex", formula("-0.01 * flex")});
    Reaction uptake{.id = "uptake", .name = "ferritin uptake", .reactants = {{"Fe", 2.0, "sr_fe", true}},
                    .products = {{"Ft", kUnset, "sr_ft", true}}, .modifiers = {"Src"},
                    .kineticLaw = formula("k_loc * Fe * cyto + max(0, log(2, Src)) * pi"),
                    .localParameters = {{"k_loc", "", 0.25, true, {}}}, .reversible = true, .fast = false,
                    .evidence = {"Iron is stored in ferritin.", "", "", "", false, "", ""}};
    uptake.kineticLaw->children.back().children.back() = MathNode::symbol("pi");   // the parameter, not 3.14...
    m.reactions.push_back(uptake);
    m.initialAssignments.push_back({"sr_ft", formula("3")});
    m.events.push_back({.id = "pulse", .name = "", .trigger = formula("time >= 5 && Fe < 10"), .initialValue = false,
                        .persistent = false, .delay = formula("0.5"), .priority = formula("1"),
                        .useValuesFromTriggerTime = false, .assignments = {{"Fe", formula("Fe + 1")}}});
    // A Boolean constant trigger: must be written as <true/>.
    m.events.push_back({.id = "always", .name = "", .trigger = MathNode::number(1.0), .initialValue = true,
                        .persistent = true, .delay = {}, .priority = {}, .useValuesFromTriggerTime = true,
                        .assignments = {}});
    return m;
}

}  // namespace

class TestSbmlIo : public QObject {
    Q_OBJECT

private slots:
    void formulaRoundTrip_data(); void formulaRoundTrip(); void formulaStructure(); void formulaErrors_data();
    void formulaErrors(); void formulaKeepsFullPrecision(); void formulaWithModelContext();
    void mathNodeHelpers(); void modelSpecLookups(); void mathmlNormalisation(); void importBasicCase();
    void importEvent(); void importLevel2Defaults();
    void importLocalParameters(); void importAssignmentRule(); void importConversionFactors();
    void importMissingMathL3v2(); void importParameterNamedAvogadro(); void importErrors_data();
    void importErrors(); void importNonexistentFile(); void importNotesAsExplanation(); void roundTrip_data();
    void roundTrip(); void roundTripWholeSuite(); void evidenceRoundTrip(); void exportHandBuiltModelIsValid();
    void exportErrors(); void exportFileReplacesAtomically(); void exportIntoUnwritableDirectoryFails();
    void exportWriteFailureKeepsOldFile(); void exportOverDirectoryFails();
};

void TestSbmlIo::formulaRoundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("printed");
    QTest::newRow("mass action") << "k1*S1/(Km+S1)" << "k1 * S1 / (Km + S1)";
    QTest::newRow("piecewise") << "piecewise(1, time > 5, 0)" << "piecewise(1, time > 5, 0)";
    QTest::newRow("piecewise no otherwise") << "piecewise(x, x > 0)" << "piecewise(x, x > 0)";
    QTest::newRow("time") << "2*time" << "2 * time";
    QTest::newRow("pi") << "pi*r^2" << "pi * r^2";
    QTest::newRow("exponentiale") << "exponentiale^x" << "exponentiale^x";
    QTest::newRow("function call") << "hill(S, K, 4)" << "hill(S, K, 4)";
    QTest::newRow("relational chain") << "a < b < c" << "a < b < c";
    QTest::newRow("logic") << "(a > 1 && b <= 2) || !(c == 3)" << "((a > 1) && (b <= 2)) || !(c == 3)";
    QTest::newRow("n-ary and") << "a && b && c" << "a && b && c";
    QTest::newRow("unary minus") << "-x^2 + -3" << "-x^2 + -3";
    QTest::newRow("log10") << "log10(x)" << "log10(x)";
    QTest::newRow("log base") << "log(2, x)" << "log(2, x)";
    QTest::newRow("sqrt") << "sqrt(x)" << "sqrt(x)";
    QTest::newRow("root") << "root(3, x)" << "root(3, x)";
    QTest::newRow("l3v2 functions") << "max(a, b, c) + min(a, 1) + rem(a, b) + quotient(a, b)"
                                    << "max(a, b, c) + min(a, 1) + rem(a, b) + quotient(a, b)";
    QTest::newRow("special numbers") << "INF - NaN * -INF" << "INF - NaN * -INF";
    QTest::newRow("decimals") << "0.1 + 1.5e-07 + 6.02214179e+23" << "0.1 + 1.5e-07 + 6.02214179e+23";
    QTest::newRow("trig") << "sin(x) + arccosh(y) + sech(z)" << "sin(x) + arccosh(y) + sech(z)";
}

void TestSbmlIo::formulaRoundTrip()
{
    QFETCH(QString, input);
    QFETCH(QString, printed);
    const auto parsed = parseFormula(input.toStdString());
    QVERIFY2(parsed.ok(), parsed.errorText().c_str());
    QCOMPARE(qs(toFormula(*parsed)), printed);
    const auto again = parseFormula(printed.toStdString());
    QVERIFY2(again.ok(), again.errorText().c_str());
    QCOMPARE(qs(toFormula(*again)), printed);
}

void TestSbmlIo::formulaStructure()
{
    QCOMPARE(formula("time").op, MathOp::Time);
    QCOMPARE(formula("avogadro").op, MathOp::Avogadro);
    QCOMPARE(formula("delay(x, 1)").op, MathOp::Delay);
    QCOMPARE(formula("rateOf(x)").op, MathOp::RateOf);

    const MathNode log = formula("log(x)");
    QCOMPARE(log.op, MathOp::Log);
    QCOMPARE(log.children.size(), std::size_t(2));
    QCOMPARE(log.children[0].value, 10.0);
    QCOMPARE(qs(log.children[1].name), QStringLiteral("x"));

    const MathNode root = formula("sqrt(y)");
    QCOMPARE(root.op, MathOp::Root);
    QCOMPARE(root.children.size(), std::size_t(2));
    QCOMPARE(root.children[0].value, 2.0);

    const MathNode neg = formula("-x");
    QCOMPARE(neg.op, MathOp::Minus);
    QCOMPARE(neg.children.size(), std::size_t(1));

    const MathNode chain = formula("a < b < c");
    QCOMPARE(chain.op, MathOp::Lt);
    QCOMPARE(chain.children.size(), std::size_t(3));

    QCOMPARE(formula("pi").op, MathOp::Number);
    QCOMPARE(formula("pi").value, std::numbers::pi);
    QCOMPARE(formula("exponentiale").value, std::numbers::e);
    QCOMPARE(formula("true").value, 1.0);
    QCOMPARE(formula("false").value, 0.0);
    QVERIFY(std::isinf(formula("INF").value));
    QVERIFY(std::isnan(formula("NaN").value));

    const MathNode call = formula("f(x, 2)");
    QCOMPARE(call.op, MathOp::Call);
    QCOMPARE(qs(call.name), QStringLiteral("f"));
    QCOMPARE(call.children.size(), std::size_t(2));

    const MathNode pw = formula("piecewise(1, x > 0, 2, x < 0, 0)");
    QCOMPARE(pw.op, MathOp::Piecewise);
    QCOMPARE(pw.children.size(), std::size_t(5));
    QCOMPARE(pw.children[1].op, MathOp::Gt);

    const MathNode lambda = formula("lambda(x, y, x + y)");
    QCOMPARE(lambda.op, MathOp::Lambda);
    QCOMPARE(lambda.children.size(), std::size_t(3));
    QCOMPARE(lambda.children[0].op, MathOp::Symbol);
}

void TestSbmlIo::formulaErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("dangling operator") << "x +";
    QTest::newRow("unbalanced") << "(a + b";
    QTest::newRow("empty") << "";
    QTest::newRow("units") << "5 mole";
    QTest::newRow("wrong arity") << "sin(a, b)";
}

void TestSbmlIo::formulaErrors()
{
    QFETCH(QString, input);
    const auto parsed = parseFormula(input.toStdString());
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.errors().front().message.empty());
    QVERIFY2(parsed.errorText().find("formula") != std::string::npos, parsed.errorText().c_str());
}

void TestSbmlIo::formulaKeepsFullPrecision()
{
    for (const double v : {0.1 + 0.2, 1.0 / 3.0, 6.02214179e23, -1.2345678901234567e-300, 123456789.12345679}) {
        const auto back = parseFormula(toFormula(MathNode::number(v)));
        QVERIFY(back.ok());
        const MathNode &n = *back;
        const double got = n.op == MathOp::Minus ? -n.children.at(0).value : n.value;
        QVERIFY2(got == v, qPrintable(QString::number(v, 'g', 17)));   // exact, not fuzzy
    }
}

void TestSbmlIo::formulaWithModelContext()
{
    ModelSpec m;
    m.parameters.push_back({"time", "", 1, true, {}});
    m.parameters.push_back({"avogadro", "", 2, true, {}});
    m.parameters.push_back({"pi", "", 3, true, {}});
    m.functions.push_back({"sin", "", {"a", "b"}, formula("a + b"), {}});
    const auto parsed = parseFormula("time + avogadro + pi + sin(1, 2) + cos(0)", m);
    QVERIFY2(parsed.ok(), parsed.errorText().c_str());
    QCOMPARE(parsed->symbols(), (std::vector<std::string>{"time", "avogadro", "pi"}));
    QVERIFY(!parsed->contains(MathOp::Time));
    QVERIFY(!parsed->contains(MathOp::Avogadro));
    QVERIFY(parsed->contains(MathOp::Call));
    QVERIFY(parsed->contains(MathOp::Cos));
    // Without the context the same text means the csymbols and the constant.
    QVERIFY(formula("time + avogadro").contains(MathOp::Time));
}

void TestSbmlIo::mathNodeHelpers()
{
    MathNode n = formula("k * S / (K + S) + f(S, k) + time");
    QCOMPARE(n.symbols(), (std::vector<std::string>{"k", "S", "K"}));
    QVERIFY(n.contains(MathOp::Divide));
    QVERIFY(n.contains(MathOp::Time));
    QVERIFY(!n.contains(MathOp::Delay));
    n.renameSymbol("S", "X");
    QCOMPARE(qs(toFormula(n)), QStringLiteral("k * X / (K + X) + f(X, k) + time"));
    n.renameSymbol("f", "g");   // Call names are not symbols
    QCOMPARE(qs(toFormula(n)), QStringLiteral("k * X / (K + X) + f(X, k) + time"));
}

void TestSbmlIo::modelSpecLookups()
{
    const ModelSpec m = handBuiltModel();
    QCOMPARE(qs(m.kindOf("cyto")), QStringLiteral("compartment"));
    QCOMPARE(qs(m.kindOf("Fe")), QStringLiteral("species"));
    QCOMPARE(qs(m.kindOf("k_in")), QStringLiteral("parameter"));
    QCOMPARE(qs(m.kindOf("uptake")), QStringLiteral("reaction"));
    QCOMPARE(qs(m.kindOf("hill")), QStringLiteral("function"));
    QCOMPARE(qs(m.kindOf("sr_ft")), QStringLiteral("speciesReference"));
    QCOMPARE(qs(m.kindOf("pulse")), QStringLiteral("event"));
    QCOMPARE(qs(m.kindOf("k_loc")), QString());   // local parameters are not global ids
    QCOMPARE(qs(m.kindOf("nothing")), QString());
    QVERIFY(m.findSpecies("Fe") && m.findSpecies("Fe")->initialConcentration == 0.8);
    QVERIFY(m.findParameter("cf"));
    QVERIFY(!m.findParameter("k_loc"));
    QVERIFY(m.findCompartment("flex"));
    QVERIFY(m.findReaction("uptake"));
    QVERIFY(m.findFunction("hill"));
    QVERIFY(m.findRule("flux") && m.findRule("flux")->kind == RuleKind::Assignment);
    QVERIFY(!m.findRule(""));
    ModelSpec copy = m;
    copy.findParameter("cf")->value = 5;
    QCOMPARE(copy.findParameter("cf")->value, 5.0);
}

void TestSbmlIo::mathmlNormalisation()
{
    const auto m = importSbmlFile((kData + "math_normalisation.xml").toStdString());
    QVERIFY2(m.ok(), m.errorText().c_str());
    auto rule = [&m](const char *variable) { return m->findRule(variable)->math; };

    // <ci> pi </ci>, <ci> time </ci>, <ci> INF </ci> name parameters; only the csymbol is time.
    const MathNode ids = rule("usesIds");
    QCOMPARE(ids.symbols(), (std::vector<std::string>{"pi", "time", "INF"}));
    QCOMPARE(ids.children.at(3).op, MathOp::Time);

    QCOMPARE(rule("log10").op, MathOp::Log);
    QCOMPARE(rule("log10").children.at(0).value, 10.0);
    QCOMPARE(rule("sqrt").op, MathOp::Root);
    QCOMPARE(rule("sqrt").children.at(0).value, 2.0);
    QCOMPARE(rule("rational").value, 0.25);
    QCOMPARE(rule("enote").value, 6.02214179e23);
    const MathNode consts = rule("consts");
    QCOMPARE(consts.children.size(), std::size_t(4));
    QCOMPARE(consts.children[0].value, std::numbers::pi);
    QCOMPARE(consts.children[1].value, std::numbers::e);
    QCOMPARE(consts.children[2].value, 1.0);
    QCOMPARE(consts.children[3].value, 0.0);
    QCOMPARE(rule("neg").op, MathOp::Minus);
    QCOMPARE(rule("neg").children.size(), std::size_t(1));
    const MathNode specials = rule("specials");
    QVERIFY(std::isinf(specials.children.at(0).value));
    QVERIFY(std::isnan(specials.children.at(1).value));
    QCOMPARE(specials.children.at(2).op, MathOp::Minus);
    QCOMPARE(rule("chain").children.at(1).op, MathOp::Lt);
    QCOMPARE(rule("chain").children.at(1).children.size(), std::size_t(3));
    QCOMPARE(rule("avo").op, MathOp::Number);   // csymbol avogadro -> SBML's value
    QCOMPARE(rule("avo").value, 6.02214179e23);
}

void TestSbmlIo::importBasicCase()
{
    IMPORT_CASE(m, "00001");
    QCOMPARE(qs(m->id), QStringLiteral("case00001"));
    QCOMPARE(m->compartments.size(), std::size_t(1));
    QCOMPARE(m->compartments[0].size, 1.0);
    QCOMPARE(m->compartments[0].spatialDimensions, 3.0);
    QCOMPARE(m->species.size(), std::size_t(2));
    const Species *s1 = m->findSpecies("S1");
    QVERIFY(s1);
    QCOMPARE(s1->initialAmount, 0.00015);
    QVERIFY(std::isnan(s1->initialConcentration));
    QCOMPARE(qs(s1->compartment), QStringLiteral("compartment"));
    QVERIFY(!s1->hasOnlySubstanceUnits && !s1->boundaryCondition && !s1->constant);
    QCOMPARE(m->parameters.size(), std::size_t(1));
    QCOMPARE(m->findParameter("k1")->value, 1.0);
    QCOMPARE(m->reactions.size(), std::size_t(1));
    const Reaction &r = m->reactions[0];
    QCOMPARE(qs(r.id), QStringLiteral("reaction1"));
    QVERIFY(!r.reversible && !r.fast);
    QCOMPARE(r.reactants.size(), std::size_t(1));
    QCOMPARE(qs(r.reactants[0].species), QStringLiteral("S1"));
    QCOMPARE(r.reactants[0].stoichiometry, 1.0);
    QCOMPARE(qs(r.products[0].species), QStringLiteral("S2"));
    QVERIFY(r.kineticLaw);
    QCOMPARE(qs(toFormula(*r.kineticLaw)), QStringLiteral("compartment * k1 * S1"));
    QVERIFY(m->events.empty() && m->rules.empty() && m->unsupported.empty());
}

void TestSbmlIo::importEvent()
{
    IMPORT_CASE(m, "00026");
    QCOMPARE(m->events.size(), std::size_t(1));
    const Event &e = m->events[0];
    QCOMPARE(qs(e.id), QStringLiteral("event1"));
    QCOMPARE(qs(toFormula(e.trigger)), QStringLiteral("S1 < 0.1"));
    QVERIFY(e.initialValue && e.persistent && e.useValuesFromTriggerTime);
    QVERIFY(!e.delay && !e.priority);
    QCOMPARE(e.assignments.size(), std::size_t(1));
    QCOMPARE(qs(e.assignments[0].variable), QStringLiteral("S1"));
    QCOMPARE(e.assignments[0].math.value, 1.0);
    IMPORT_CASE(delayed, "00071");
    QVERIFY(delayed->events.at(0).delay);
    QCOMPARE(delayed->events[0].delay->value, 1.0);
}

void TestSbmlIo::importLevel2Defaults()
{
    const auto m = importSbmlFile((kData + "l2v1_defaults.xml").toStdString());
    QVERIFY2(m.ok(), m.errorText().c_str());
    QCOMPARE(qs(m->name), QStringLiteral("L2 defaults"));
    const Compartment *cell = m->findCompartment("cell");
    QCOMPARE(cell->spatialDimensions, 3.0);
    QVERIFY(cell->constant);
    const Compartment *point = m->findCompartment("point");
    QCOMPARE(point->spatialDimensions, 0.0);
    QVERIFY(std::isnan(point->size));
    const Species *a = m->findSpecies("A");
    QCOMPARE(a->initialConcentration, 0.5);
    QVERIFY(std::isnan(a->initialAmount));
    QVERIFY(!a->hasOnlySubstanceUnits && !a->boundaryCondition && !a->constant);
    const Species *b = m->findSpecies("B");
    QVERIFY(std::isnan(b->initialAmount) && std::isnan(b->initialConcentration));
    QVERIFY(m->findSpecies("P")->hasOnlySubstanceUnits);   // L2 0-D compartment: amounts only
    QVERIFY(m->findParameter("k")->constant);
    QVERIFY(std::isnan(m->findParameter("unset")->value));
    const Reaction &r = m->reactions.at(0);
    QVERIFY(r.reversible);   // L2 default
    QVERIFY(!r.fast);
    QCOMPARE(r.reactants.at(0).stoichiometry, 1.0);
    QCOMPARE(r.products.at(0).stoichiometry, 2.0);
    QVERIFY(r.reactants.at(0).constant);
    QCOMPARE(r.modifiers, std::vector<std::string>{"P"});
    QCOMPARE(r.localParameters.size(), std::size_t(1));
    QCOMPARE(qs(r.localParameters[0].id), QStringLiteral("kl"));
    QCOMPARE(r.localParameters[0].value, 3.0);
    QVERIFY(!m->findParameter("kl"));
    const Event &e = m->events.at(0);
    QVERIFY(e.initialValue && e.persistent && e.useValuesFromTriggerTime);
    QVERIFY(e.trigger.contains(MathOp::Time));
    IMPORT_CASE(l2v5, "01797");
    QVERIFY(suiteCase("01797").endsWith("l2v5.xml"));
    QCOMPARE(l2v5->reactions.size(), std::size_t(3));
    QCOMPARE(l2v5->reactions[0].products.at(0).stoichiometry, 1.0);   // omitted -> 1 in L2
    QCOMPARE(l2v5->reactions[1].products.at(0).stoichiometry, 2.0);
    QVERIFY(l2v5->reactions[0].reversible);
    QVERIFY(!l2v5->reactions[0].fast);
}

void TestSbmlIo::importLocalParameters()
{
    IMPORT_CASE(m, "00057");
    QCOMPARE(m->reactions.size(), std::size_t(2));
    QCOMPARE(m->reactions[0].localParameters.size(), std::size_t(1));
    QCOMPARE(qs(m->reactions[0].localParameters[0].id), QStringLiteral("k"));
    QCOMPARE(m->reactions[0].localParameters[0].value, 1.0);
    QCOMPARE(m->reactions[1].localParameters[0].value, 2.0);
    QVERIFY(m->parameters.empty());
    QCOMPARE(qs(m->kindOf("k")), QString());
}

void TestSbmlIo::importAssignmentRule()
{
    IMPORT_CASE(m, "00087");
    QCOMPARE(m->rules.size(), std::size_t(1));
    QCOMPARE(m->rules[0].kind, RuleKind::Assignment);
    QCOMPARE(qs(m->rules[0].variable), QStringLiteral("S3"));
    QCOMPARE(qs(toFormula(m->rules[0].math)), QStringLiteral("k1 * S2"));
    QCOMPARE(m->findSpecies("S2")->initialAmount, 1.5e-15);
}

void TestSbmlIo::importConversionFactors()
{
    IMPORT_CASE(modelWide, "00975");
    QCOMPARE(qs(modelWide->conversionFactor), QStringLiteral("modelconv"));
    IMPORT_CASE(perSpecies, "00977");
    QVERIFY(perSpecies->conversionFactor.empty());
    QCOMPARE(qs(perSpecies->findSpecies("S1")->conversionFactor), QStringLiteral("S1conv"));
    QVERIFY(perSpecies->findSpecies("S2")->conversionFactor.empty());
    QCOMPARE(perSpecies->reactions[1].reactants.at(0).stoichiometry, 2.0);
}

void TestSbmlIo::importMissingMathL3v2()
{
    // L3v2 lets math be absent: the element then has no effect, and a trigger never fires.
    IMPORT_CASE(noTrigger, "01238");
    QCOMPARE(noTrigger->events.size(), std::size_t(1));
    QCOMPARE(noTrigger->events[0].trigger.op, MathOp::Number);
    QCOMPARE(noTrigger->events[0].trigger.value, 0.0);
    IMPORT_CASE(noAssignment, "01234");
    QVERIFY(noAssignment->initialAssignments.empty());
}

void TestSbmlIo::importParameterNamedAvogadro()
{
    IMPORT_CASE(m, "01761");
    QVERIFY(m->findParameter("avogadro"));
    const MathNode &law = *m->reactions.at(0).kineticLaw;
    QCOMPARE(law.op, MathOp::Symbol);
    QCOMPARE(qs(law.name), QStringLiteral("avogadro"));
}

void TestSbmlIo::importErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("mustMention");
    QTest::newRow("malformed XML") << "malformed.xml" << QStringList{"line 6"};
    QTest::newRow("algebraic rule") << "algebraic_rule.xml" << QStringList{"algebraic rule", "x - 3", "not supported"};
    QTest::newRow("fast reaction") << "fast_reaction.xml" << QStringList{"R1", "fast", "not supported"};
    QTest::newRow("delay csymbol") << "delay_kinetic_law.xml"
                                   << QStringList{"csymbol delay in the kinetic law of reaction R2 is not supported"};
    QTest::newRow("rateOf csymbol") << "rate_of.xml" << QStringList{"rateOf", "rule for y", "not supported"};
    QTest::newRow("required comp") << "comp_required.xml"
                                   << QStringList{"required SBML package 'comp' is not supported"};
    QTest::newRow("missing kinetic law") << "missing_kinetic_law.xml" << QStringList{"R4", "no kinetic law"};
    QTest::newRow("stoichiometryMath") << "stoichiometry_math.xml"
                                       << QStringList{"stoichiometryMath in reaction R3 is not supported"};
}

void TestSbmlIo::importErrors()
{
    QFETCH(QString, file);
    QFETCH(QStringList, mustMention);
    const auto m = importSbmlFile((kData + file).toStdString());
    QVERIFY(!m.ok());
    const QString text = qs(m.errorText());
    for (const QString &needle : mustMention) QVERIFY2(text.contains(needle), qPrintable(text));
    // Importing the same document from a string gives the same diagnosis.
    const auto fromString = importSbmlString(readText(kData + file));
    QVERIFY(!fromString.ok());
    QVERIFY2(qs(fromString.errorText()).contains(mustMention.first()), fromString.errorText().c_str());
}

void TestSbmlIo::importNonexistentFile()
{
    const auto m = importSbmlFile((kData + "does_not_exist.xml").toStdString());
    QVERIFY(!m.ok());
    QVERIFY2(qs(m.errorText()).contains("does_not_exist.xml: cannot read"), m.errorText().c_str());
    QVERIFY(!importSbmlString("").ok());
    QVERIFY(!importSbmlString("not xml at all").ok());
}

void TestSbmlIo::importNotesAsExplanation()
{
    const auto m = importSbmlFile((kData + "notes_only.xml").toStdString());
    QVERIFY2(m.ok(), m.errorText().c_str());
    QCOMPARE(qs(m->findParameter("k")->evidence.explanation),
             QStringLiteral("Rate of iron import. Second paragraph."));
}

void TestSbmlIo::roundTrip_data()
{
    QTest::addColumn<QString>("caseId");
    for (const char *id : {"00001", "00026", "00057", "00071", "00087", "00133", "00975", "00977", "00969",
                           "01238", "01465", "01486", "01656", "01761", "01784", "01797"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestSbmlIo::roundTrip()
{
    QFETCH(QString, caseId);
    const QString path = suiteCase(caseId);
    if (path.isEmpty()) QSKIP("SBML Test Suite not found");
    const auto original = importSbmlFile(path.toStdString());
    QVERIFY2(original.ok(), original.errorText().c_str());
    const auto xml = exportSbmlString(*original);
    QVERIFY2(xml.ok(), xml.errorText().c_str());
    QVERIFY(qs(*xml).contains("level=\"3\" version=\"2\""));
    const auto back = importSbmlString(*xml);
    QVERIFY2(back.ok(), back.errorText().c_str());
    const std::string diff = differences(*original, *back);
    QVERIFY2(diff.empty(), diff.c_str());
    // Exporting the re-imported model gives the same document.
    QCOMPARE(qs(exportSbmlString(*back).value()), qs(*xml));
}

void TestSbmlIo::roundTripWholeSuite()
{
    if (!QDir(kSuite).exists()) QSKIP("SBML Test Suite not found");
    int checked = 0;
    QStringList failures;
    for (const QString &id : QDir(kSuite).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto original = importSbmlFile(suiteCase(id).toStdString());
        if (!original) {
            failures << id + ": import: " + qs(original.errorText());
            continue;
        }
        const auto xml = exportSbmlString(*original);
        const auto back = xml ? importSbmlString(*xml) : Result<ModelSpec>(xml.errors());
        ++checked;
        if (!back) {
            failures << id + ": " + qs(back.errorText());
            continue;
        }
        std::string diff = differences(*original, *back);
        // L3v1 allowed a local parameter named like a species of its reaction; L3v2 export renames it.
        if (diff.find("_local") != std::string::npos) diff.clear();
        if (!diff.empty()) failures << id + ": " + qs(diff);
    }
    QVERIFY(checked > 100);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join('\n')));
}

void TestSbmlIo::evidenceRoundTrip()
{
    const ModelSpec m = handBuiltModel();
    const auto xml = exportSbmlString(m);
    QVERIFY2(xml.ok(), xml.errorText().c_str());
    const QString text = qs(*xml);
    QVERIFY(text.contains("<notes>"));
    QVERIFY(text.contains("xmlns:ferroscope=\"https://ferroscope.example.org/evidence\""));
    QVERIFY(text.contains("ferroscope:evidence"));
    QVERIFY(text.contains("The cytosol, where the labile iron pool sits."));
    const auto back = importSbmlString(*xml);
    QVERIFY2(back.ok(), back.errorText().c_str());
    QVERIFY(sameEvidence(back->findSpecies("Fe")->evidence, m.findSpecies("Fe")->evidence));
    QCOMPARE(qs(back->findSpecies("Fe")->evidence.explanation),
             QStringLiteral("Free Fe(II) <1 µM & tightly \"buffered\"."));
    QVERIFY(back->findSpecies("Fe")->evidence.estimated);
    QCOMPARE(qs(back->findParameter("k_in")->evidence.units), QStringLiteral("/h"));
    QVERIFY(sameEvidence(back->findCompartment("cyto")->evidence, m.findCompartment("cyto")->evidence));
    QVERIFY(sameEvidence(back->findReaction("uptake")->evidence, m.findReaction("uptake")->evidence));
    QVERIFY(back->findParameter("cf")->evidence.explanation.empty());
}

void TestSbmlIo::exportHandBuiltModelIsValid()
{
    const ModelSpec m = handBuiltModel();
    const auto xml = exportSbmlString(m);
    QVERIFY2(xml.ok(), xml.errorText().c_str());   // exportSbmlString validates with libSBML
    const QString text = qs(*xml);
    QVERIFY(text.contains("definitionURL=\"http://www.sbml.org/sbml/symbols/time\""));
    QVERIFY(text.contains("<true/>"));              // trigger Number 1 written as a Boolean
    QVERIFY(text.contains("hasOnlySubstanceUnits=\"true\""));
    QVERIFY(text.contains("useValuesFromTriggerTime=\"false\""));
    QVERIFY(text.contains("persistent=\"false\""));
    QVERIFY(text.contains("<localParameter"));
    const auto back = importSbmlString(*xml);
    QVERIFY2(back.ok(), back.errorText().c_str());
    const std::string diff = differences(m, *back);
    QVERIFY2(diff.empty(), diff.c_str());
    QVERIFY(std::isnan(back->reactions[0].products[0].stoichiometry));   // unset stays unset
    QCOMPARE(back->parameters[0].value, 0.30000000000000004);   // within libSBML's 15 digits
    QVERIFY(back->events[0].priority);
    QCOMPARE(back->reactions[0].kineticLaw->children.back().children.back().op, MathOp::Symbol);
}

void TestSbmlIo::exportErrors()
{
    ModelSpec badId = handBuiltModel();
    badId.parameters.push_back({"1bad id", "", 1, true, {}});
    auto r = exportSbmlString(badId);
    QVERIFY(!r.ok());
    QVERIFY2(qs(r.errorText()).contains("1bad id"), r.errorText().c_str());

    ModelSpec fast = handBuiltModel();
    fast.reactions[0].fast = true;
    r = exportSbmlString(fast);
    QVERIFY(!r.ok());
    QVERIFY2(qs(r.errorText()).contains("fast"), r.errorText().c_str());

    ModelSpec dangling = handBuiltModel();
    dangling.rules[0].math = formula("undefined_thing * 2");
    r = exportSbmlString(dangling);
    QVERIFY(!r.ok());
    QVERIFY2(qs(r.errorText()).contains("undefined_thing"), r.errorText().c_str());
}

void TestSbmlIo::exportFileReplacesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("model.xml");
    QVERIFY(writeText(path, "old contents"));
    const auto written = exportSbmlFile(handBuiltModel(), path.toStdString());
    QVERIFY2(written.ok(), written.errorText().c_str());
    const auto back = importSbmlFile(path.toStdString());
    QVERIFY2(back.ok(), back.errorText().c_str());
    QCOMPARE(qs(back->id), QStringLiteral("iron_toy"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.xml"});   // no temp left

    ModelSpec invalid = handBuiltModel();
    invalid.rules[0].math = formula("nowhere + 1");
    QVERIFY(!exportSbmlFile(invalid, path.toStdString()).ok());
    QVERIFY(importSbmlFile(path.toStdString()).ok());   // the good file is still there
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.xml"});
}

void TestSbmlIo::exportIntoUnwritableDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("model.xml");
    QVERIFY(writeText(path, "old contents"));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    const bool canStillWrite = ::access(dir.path().toLocal8Bit().constData(), W_OK) == 0;   // root
    if (!canStillWrite) {
        const auto written = exportSbmlFile(handBuiltModel(), path.toStdString());
        QVERIFY(!written.ok());
        QVERIFY2(qs(written.errorText()).contains("model.xml"), written.errorText().c_str());
    }
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (canStillWrite) QSKIP("running with permission to write anywhere (root); see exportWriteFailureKeepsOldFile");
    QCOMPARE(readText(path), std::string("old contents"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.xml"});
}

void TestSbmlIo::exportWriteFailureKeepsOldFile()
{
    // A file size limit makes write() fail (EFBIG) even for root: the old file must survive.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("model.xml");
    QVERIFY(writeText(path, "old contents"));
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit tiny = saved;
    tiny.rlim_cur = 64;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &tiny), 0);
    const auto written = exportSbmlFile(handBuiltModel(), path.toStdString());
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!written.ok());
    QVERIFY2(qs(written.errorText()).contains("cannot write"), written.errorText().c_str());
    QCOMPARE(readText(path), std::string("old contents"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.xml"});
}

void TestSbmlIo::exportOverDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir("target.xml"));
    const auto written = exportSbmlFile(handBuiltModel(), dir.filePath("target.xml").toStdString());
    QVERIFY(!written.ok());
    QVERIFY2(qs(written.errorText()).contains("cannot replace"), written.errorText().c_str());
    QVERIFY(QFileInfo(dir.filePath("target.xml")).isDir());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    QVERIFY(!exportSbmlFile(handBuiltModel(), dir.filePath("no/such/dir/model.xml").toStdString()).ok());
}

QTEST_GUILESS_MAIN(TestSbmlIo)
#include "tst_sbml_io.moc"
