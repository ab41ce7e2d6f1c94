// Tests of the project file (core/io/project_file.*) and of the built-in iron/heme CSC model
// (resources/models/iron_csc.json) against MODEL.md 1.0: states, reactions, stoichiometry (§3.5),
// presets (§5.1), gene targets (§6.1), inputs (§6.2), evidence, formula symbols, round trip, errors.
#include "core/io/project_file.h"
#include "core/model/math_io.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <set>

using namespace ferroscope::core;

namespace {

const char *const kAllReactions[] = {
    "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11_FT", "R11_Fe", "R12_FT", "R12_Fe",
    "R13_FT", "R13_Fe", "R14", "R15", "R16", "R17", "R18", "R19", "R20", "R21", "R22", "R23", "R24",
    "R25_syn", "R25_deg", "R26_syn", "R26_deg", "R27", "R28", "R29", "R30", "R31", "R32", "R33", "R34",
    "R35", "R36", "R37", "R38", "R39_syn", "R39_deg", "R40", "R41", "R42", "R43", "R44", "R45", "R46",
    "R47", "R48", "R49", "R50", "R51", "R52", "R53", "R54", "R55", "R56", "R57", "R58_syn", "R58_deg",
    "R59", "R60", "R61", "R62", "R63"};

const char *const kGenes[] = {"TfR1", "FPN", "FT", "IRP1", "IRP2", "myc", "NCOA4", "CD133", "CD44",
                              "CD44v", "xCT", "GPX4", "NRF2", "HO1", "ABCG2", "FECH", "HIF1a"};

const char *const kInputs[] = {"DFO", "DFP", "DFX", "Dp44mT", "CUR", "SAL", "ERA", "SAS", "RSL3", "FER1", "LIP1",
                               "ML385", "KO143", "ZNPP", "FECHI", "ANTITFR1", "YC1", "HEP", "TfFe", "ALA_ext",
                               "IRR", "O2"};

/// Net stoichiometry of each species as "+R1 -R2 +2*R33" in reaction order of the file.
QString netEquation(const ModelSpec &m, const std::string &species)
{
    QStringList terms;
    for (const auto &r : m.reactions) {
        double net = 0;
        for (const auto &x : r.reactants) if (x.species == species) net -= x.stoichiometry;
        for (const auto &x : r.products) if (x.species == species) net += x.stoichiometry;
        if (net == 0) continue;
        const QString coefficient = std::abs(net) == 1 ? QString() : QString::number(std::abs(net)) + "*";
        terms << QString(net > 0 ? "+" : "-") + coefficient + QString::fromStdString(r.id);
    }
    terms.sort();
    return terms.join(' ');
}

QString sorted(const QString &equation)
{
    QStringList terms = equation.split(' ', Qt::SkipEmptyParts);
    terms.sort();
    return terms.join(' ');
}

/// Call names used below a node.
void collectCalls(const MathNode &node, std::set<std::string> &out)
{
    if (node.op == MathOp::Call) out.insert(node.name);
    for (const auto &child : node.children) collectCalls(child, out);
}

const std::string kMinimal = R"({"format": "ferroscope-project", "formatVersion": 1,
  "model": {"id": "m", "species": [{"id": "A", "compartment": "c", "initialConcentration": 1}],
            "compartments": [{"id": "c", "size": 1}],
            "parameters": [{"id": "k", "value": 0.5}],
            "reactions": [{"id": "R3", "reactants": [{"species": "A", "stoichiometry": 1}], "kineticLaw": "KLAW"}]}})";

std::string minimalWith(const std::string &law)
{
    std::string text = kMinimal;
    text.replace(text.find("KLAW"), 4, law);
    return text;
}

}  // namespace

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void builtinLoads()
    {
        const Project &p = builtinProject();
        QCOMPARE(p.formatVersion, 1);
        QCOMPARE(p.model.id, std::string("iron_csc"));
        QCOMPARE(p.modelVersion, std::string("MODEL.md 1.0"));
        QVERIFY(!p.title.empty());
        QCOMPARE(p.model.species.size(), std::size_t(32));
        QCOMPARE(p.model.compartments.size(), std::size_t(7));
        QCOMPARE(p.defaultPhenotype, std::string("nonCSC"));
        QCOMPARE(p.defaultEnd, 72.0);
        QCOMPARE(p.defaultSteps, 720);
        QCOMPARE(p.preequilibrationHours, 400.0);
        QVERIFY(p.clampNegativeStates);
        QCOMPARE(p.relativeTolerance, 1e-6);
        QCOMPARE(p.resetAfterPreequilibration.at("V"), 1.0);
        QCOMPARE(p.resetAfterPreequilibration.at("PDT"), 0.0);
        QVERIFY(&builtinProject() == &p);   // loaded once
        for (const auto &c : p.model.compartments) {
            QCOMPARE(c.size, 1.0);
            QVERIFY(c.constant);
            QCOMPARE(c.spatialDimensions, 3.0);
        }
    }

    void species_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("nonCsc");
        const std::pair<const char *, double> rows[] = {
            {"TfR1", 0.100}, {"Fe3_endo", 0.060}, {"Fe2_endo", 0.060}, {"LIP", 0.800}, {"FT", 0.0100},
            {"FtFe", 10.2}, {"Fe_lys", 0.381}, {"FPN", 0.0500}, {"IRP1", 0.305}, {"IRP2", 0.102},
            {"Fe_mito", 0.502}, {"CD133", 0.0500}, {"CD44", 0.0500}, {"ROS", 0.0200}, {"LOOH", 0.0175},
            {"GSH", 3002}, {"Cys", 49.9}, {"xCT", 0.100}, {"CD44v", 0.0500}, {"GPX4", 0.500}, {"NRF2", 0.0200},
            {"V", 1}, {"ALA", 25.9}, {"ALAS1", 0.0100}, {"PpIX", 0.0657}, {"Heme", 0.104}, {"HO1", 0.0500},
            {"ABCG2", 0.0500}, {"PDT", 0}, {"HIF1a", 0.0100}, {"Epi", 0.444}, {"Stem", 0.441}};
        for (const auto &[id, value] : rows) QTest::newRow(id) << QString(id) << value;
    }
    void species()
    {
        QFETCH(QString, id);
        QFETCH(double, nonCsc);
        const Project &p = builtinProject();
        const Species *s = p.model.findSpecies(id.toStdString());
        QVERIFY2(s, qPrintable("missing species " + id));
        QCOMPARE(s->initialConcentration, nonCsc);
        QVERIFY(std::isnan(s->initialAmount));
        QVERIFY(!s->constant && !s->boundaryCondition && !s->hasOnlySubstanceUnits);
        QVERIFY(p.model.findCompartment(s->compartment));
        // MODEL.md §3.6: atol = 1e-6 × nonCSC steady state, 1e-9 for PDT and V
        const double atol = (id == "V" || id == "PDT") ? 1e-9 : 1e-6 * nonCsc;
        QVERIFY(p.absoluteTolerances.count(s->id));
        QVERIFY(std::abs(p.absoluteTolerances.at(s->id) - atol) <= 1e-9 * atol);
    }

    void reactionIds()
    {
        const ModelSpec &m = builtinProject().model;
        std::set<std::string> expected(std::begin(kAllReactions), std::end(kAllReactions));
        for (const auto &id : expected) QVERIFY2(m.findReaction(id), id.c_str());
        QCOMPARE(m.reactions.size(), expected.size());
        for (const auto &r : m.reactions) {
            QVERIFY2(r.kineticLaw.has_value(), r.id.c_str());
            for (const auto &mod : r.modifiers) QVERIFY2(m.findSpecies(mod), (r.id + " modifier " + mod).c_str());
        }
        for (const char *id : {"R18", "R62", "R63"}) QVERIFY(m.findReaction(id)->reversible);
    }

    // MODEL.md §3.5, assembled ODEs.
    void odes_data()
    {
        QTest::addColumn<QString>("species");
        QTest::addColumn<QString>("equation");
        const std::pair<const char *, const char *> rows[] = {
            {"TfR1", "+R1 -R2"}, {"Fe3_endo", "+R3 -R4"}, {"Fe2_endo", "+R4 -R5 -R6"},
            {"LIP", "+R5 +R8 +R10 +R11_Fe +R54 -R9 -R17 -R21 -R23"},
            {"FT", "+R14 -R11_FT -R12_FT -R13_FT"}, {"FtFe", "+R9 -R10 -R11_Fe -R12_Fe -R13_Fe"},
            {"Fe_lys", "+R6 +R7 +R12_Fe -R8 -R24"}, {"FPN", "+R15 -R16"}, {"IRP1", "+R18"}, {"IRP2", "+R19 -R20"},
            {"Fe_mito", "+R21 -R22 -R51"}, {"CD133", "+R25_syn -R25_deg"}, {"CD44", "+R26_syn -R26_deg"},
            {"ROS", "+R27 -R28"}, {"LOOH", "+R29 +R30 -R31 -R32"}, {"GSH", "+R34 -R36"},
            {"Cys", "+2*R33 -R34 -R35"}, {"xCT", "+R37 -R38"}, {"CD44v", "+R39_syn -R39_deg"},
            {"GPX4", "+R40 -R41"}, {"NRF2", "+R42 -R43"}, {"V", "-R44"}, {"ALA", "+R45 +R49 -8*R50 -R46"},
            {"ALAS1", "+R47 -R48"}, {"PpIX", "+R50 -R51 -R52 -R53"}, {"Heme", "+R51 -R54 -R55"},
            {"HO1", "+R56 -R57"}, {"ABCG2", "+R58_syn -R58_deg"}, {"PDT", "+R59"}, {"HIF1a", "+R60 -R61"},
            {"Epi", "+R62"}, {"Stem", "+R63"}};
        for (const auto &[s, eq] : rows) QTest::newRow(s) << QString(s) << QString(eq);
    }
    void odes()
    {
        QFETCH(QString, species);
        QFETCH(QString, equation);
        QCOMPARE(netEquation(builtinProject().model, species.toStdString()), sorted(equation));
    }

    void genes()
    {
        const Project &p = builtinProject();
        QCOMPARE(p.genes.size(), std::size_t(17));
        for (const char *id : kGenes) {
            const GeneTarget *g = p.findGene(id);
            QVERIFY2(g, id);
            QCOMPARE(g->parameter, std::string("x_") + id);
            const Parameter *par = p.model.findParameter(g->parameter);
            QVERIFY2(par, g->parameter.c_str());
            QCOMPARE(par->value, 1.0);
            QVERIFY(par->constant);
            QVERIFY(!g->term.empty());
        }
        QVERIFY(!p.findGene("nonsense"));
    }

    void inputs()
    {
        const Project &p = builtinProject();
        QCOMPARE(p.inputs.size(), std::size_t(22));
        const std::map<std::string, double> defaults = {{"HEP", 2}, {"TfFe", 0.5}, {"O2", 150}};
        for (const char *id : kInputs) {
            const InputSpec *in = p.findInput(id);
            QVERIFY2(in, id);
            const Parameter *par = p.model.findParameter(in->parameter);
            QVERIFY2(par, in->parameter.c_str());
            QVERIFY(par->constant);
            const auto it = defaults.find(id);
            QCOMPARE(par->value, it == defaults.end() ? 0.0 : it->second);
            QVERIFY(!in->unit.empty() && !in->term.empty());
            QVERIFY2(in->typicalMin <= in->typicalDose && in->typicalDose <= in->typicalMax, id);
        }
        QCOMPARE(p.findInput("ANTITFR1")->unit, std::string("nM"));
        QCOMPARE(p.findInput("HEP")->unit, std::string("nM"));
        // `Hep` (the constant of s_FPN) and the input `HEP` are separate parameters
        QCOMPARE(p.model.findParameter("Hep")->value, 2.0);
    }

    void cscPreset_data()
    {
        QTest::addColumn<QString>("multiplier");
        QTest::addColumn<double>("csc");
        const std::pair<const char *, double> rows[] = {
            {"m_TfR1", 2.0}, {"m_TF", 1.5}, {"m_FPN", 0.3}, {"m_FT", 2.5}, {"m_CP", 0.5}, {"m_NRF2", 2.5},
            {"m_CD44v", 3.0}, {"m_CD44", 2.0}, {"m_ABCG2", 3.0}, {"m_HO1", 1.5}, {"m_FECH", 1.0},
            {"m_CD133", 1.5}, {"m_stem", 1.5}};
        for (const auto &[id, value] : rows) QTest::newRow(id) << QString(id) << value;
    }
    void cscPreset()
    {
        QFETCH(QString, multiplier);
        QFETCH(double, csc);
        const Project &p = builtinProject();
        const PhenotypePreset *preset = p.findPhenotype("CSC");
        QVERIFY(preset);
        QCOMPARE(preset->values.size(), std::size_t(13));
        QCOMPARE(preset->values.at(multiplier.toStdString()), csc);
        const Parameter *par = p.model.findParameter(multiplier.toStdString());
        QVERIFY(par);
        QCOMPARE(par->value, 1.0);   // non-CSC default
        QVERIFY(!par->evidence.explanation.empty() && !par->evidence.seedRefs.empty());
        QVERIFY(p.findPhenotype("nonCSC")->values.empty());
    }

    void therapies()
    {
        const Project &p = builtinProject();
        for (const char *id : {"dfo", "anti_tfr1", "rsl3", "erastin", "sulfasalazine", "ml385", "salinomycin",
                               "ala_pdd", "ala_pdt", "ala_pdt_ko143", "ala_pdt_znpp", "ala_pdt_fechi", "ala_pdt_dfo"}) {
            const TherapyPreset *t = p.findTherapy(id);
            QVERIFY2(t, id);
            QVERIFY(!t->inputs.empty());
            QVERIFY2(t->source.find("seed") != std::string::npos && t->source.find('[') != std::string::npos, id);
            for (const auto &dose : t->inputs) QVERIFY2(p.findInput(dose.input), dose.input.c_str());
        }
        const TherapyPreset *pdt = p.findTherapy("ala_pdt_ko143");
        QCOMPARE(pdt->readTime, 24.0);
        bool light = false;
        for (const auto &d : pdt->inputs) {
            if (d.input != "IRR") continue;
            light = true;
            QCOMPARE(d.value, 10.0);
            QCOMPARE(d.start, 4.0);
            QVERIFY(std::abs((d.end - d.start) * 3.6 * d.value - 6.0) < 1e-9);   // 10 min of 10 mW/cm² = 6 J/cm²
        }
        QVERIFY(light);
        QCOMPARE(p.findTherapy("ala_pdd")->readTime, 4.0);
    }

    void evidence()
    {
        const Project &p = builtinProject();
        auto check = [](const Evidence &e, const std::string &what) {
            QVERIFY2(!e.explanation.empty(), (what + " has no explanation").c_str());
            QVERIFY2(!e.category.empty(), (what + " has no category").c_str());
        };
        for (const auto &s : p.model.species) check(s.evidence, "species " + s.id);
        for (const auto &r : p.model.reactions) check(r.evidence, "reaction " + r.id);
        for (const auto &f : p.model.functions) check(f.evidence, "function " + f.id);
        for (const auto &c : p.model.compartments) check(c.evidence, "compartment " + c.id);
        for (const auto &g : p.genes) check(g.evidence, "gene " + g.id);
        for (const auto &i : p.inputs) check(i.evidence, "input " + i.id);
        for (const auto &t : p.therapies) check(t.evidence, "therapy " + t.id);
        for (const auto &ph : p.phenotypes) check(ph.evidence, "phenotype " + ph.id);
        for (const auto &par : p.model.parameters) {
            QVERIFY2(!par.evidence.units.empty(), ("parameter " + par.id + " has no units").c_str());
            QVERIFY2(!par.evidence.sources.empty() || par.evidence.estimated,
                     ("parameter " + par.id + " has neither a source nor 'estimated'").c_str());
        }
        for (const auto &id : p.readouts) {
            const Parameter *par = p.model.findParameter(id);
            QVERIFY2(par, id.c_str());
            check(par->evidence, "readout " + id);
        }
    }

    void formulaSymbols()
    {
        const ModelSpec &m = builtinProject().model;
        std::set<std::string> functions;
        for (const auto &f : m.functions) {
            functions.insert(f.id);
            for (const auto &s : f.body.symbols())
                QVERIFY2(std::count(f.arguments.begin(), f.arguments.end(), s), (f.id + " uses " + s).c_str());
        }
        auto check = [&](const MathNode &math, const std::string &where, const std::vector<Parameter> &locals) {
            for (const auto &s : math.symbols()) {
                const bool local = std::any_of(locals.begin(), locals.end(), [&](const Parameter &p) { return p.id == s; });
                QVERIFY2(local || !m.kindOf(s).empty(), (where + " uses unknown symbol " + s).c_str());
            }
            std::set<std::string> calls;
            collectCalls(math, calls);
            for (const auto &c : calls) QVERIFY2(functions.count(c), (where + " calls unknown " + c).c_str());
            QVERIFY2(!math.contains(MathOp::Time), (where + " depends on time").c_str());
        };
        for (const auto &r : m.reactions) check(*r.kineticLaw, "reaction " + r.id, r.localParameters);
        for (const auto &r : m.rules) {
            check(r.math, "rule " + r.variable, {});
            const Parameter *target = m.findParameter(r.variable);
            QVERIFY2(target && !target->constant, r.variable.c_str());
        }
        for (const auto &a : m.initialAssignments) check(a.math, "initial assignment " + a.symbol, {});
        const Project &p = builtinProject();
        for (const auto &id : p.readouts) QVERIFY2(m.findRule(id), id.c_str());
        for (const auto &[id, value] : p.findPhenotype("CSC")->values) QVERIFY2(m.findParameter(id), id.c_str());
        for (const auto &[id, value] : p.absoluteTolerances) QVERIFY2(m.findSpecies(id), id.c_str());
        // the helper of MODEL.md §1.1 uses max(x, 0), so hill(-1, K, n) is 0 without a discontinuity
        QVERIFY(m.findFunction("hill")->body.contains(MathOp::Max));
    }

    void roundTrip()
    {
        const std::string first = writeProjectJson(builtinProject());
        QVERIFY(first.find("\"format\": \"ferroscope-project\"") != std::string::npos);
        QVERIFY(first.find("\"clampNegativeStates\": true") != std::string::npos);
        const auto again = readProjectJson(first);
        QVERIFY2(again.ok(), again.errorText().c_str());
        QCOMPARE(writeProjectJson(*again), first);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("copy.ferroscope.json").toStdString();
        const auto written = writeProjectFile(*again, path);
        QVERIFY2(written.ok(), written.errorText().c_str());
        const auto fromFile = readProjectFile(path);
        QVERIFY2(fromFile.ok(), fromFile.errorText().c_str());
        QCOMPARE(writeProjectJson(*fromFile), first);
        QCOMPARE(fromFile->model.species.size(), std::size_t(32));
        QCOMPARE(fromFile->findTherapy("ala_pdt")->inputs.size(), std::size_t(2));
    }

    void roundTripKeepsOptionalParts()
    {
        auto parsed = readProjectJson(minimalWith("k*A"));
        QVERIFY2(parsed.ok(), parsed.errorText().c_str());
        Project p = *parsed;
        Event e;
        e.id = "pulse";
        e.trigger = *parseFormula("time > 5");
        e.delay = *parseFormula("2");
        e.assignments.push_back({"k", *parseFormula("k/2")});
        p.model.events.push_back(e);
        p.model.rules.push_back({RuleKind::Algebraic, "", *parseFormula("A - 1")});
        p.model.reactions[0].localParameters.push_back({"kl", "", 3, true, {}});
        p.model.species[0].initialConcentration = kUnset;
        p.model.species[0].initialAmount = 2;
        const std::string text = writeProjectJson(p);
        const auto back = readProjectJson(text);
        QVERIFY2(back.ok(), back.errorText().c_str());
        QCOMPARE(writeProjectJson(*back), text);
        QCOMPARE(back->model.events.size(), std::size_t(1));
        QVERIFY(back->model.events[0].delay.has_value());
        QVERIFY(!back->model.events[0].priority.has_value());
        QVERIFY(std::isnan(back->model.species[0].initialConcentration));
        QCOMPARE(back->model.species[0].initialAmount, 2.0);
        QCOMPARE(back->model.reactions[0].localParameters.at(0).value, 3.0);
        QVERIFY(back->model.rules.at(0).kind == RuleKind::Algebraic);
        QVERIFY(!back->clampNegativeStates);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("malformed JSON") << R"({"format": "ferroscope-project", )" << "invalid JSON";
        QTest::newRow("not an object") << "[1, 2]" << "must hold a JSON object";
        QTest::newRow("wrong format tag") << R"({"format": "copasi", "formatVersion": 1, "model": {}})"
                                          << "not a Ferroscope project file (format is 'copasi'";
        QTest::newRow("missing format") << R"({"formatVersion": 1, "model": {}})" << "missing required field 'format'";
        QTest::newRow("newer format")
            << R"({"format": "ferroscope-project", "formatVersion": 7, "model": {}, "futureField": 1})"
            << "this file was written by a newer Ferroscope (format 7)";
        QTest::newRow("bad formula") << QString::fromStdString(minimalWith("k*(A")) << "reaction R3 kinetic law: ";
        QTest::newRow("mistyped field")
            << R"({"format": "ferroscope-project", "formatVersion": 1, "model": {"parameters": [{"id": "k", "value": "1"}]}})"
            << "parameter k: field 'value' must be a number, not a string";
        QTest::newRow("missing id")
            << R"({"format": "ferroscope-project", "formatVersion": 1, "model": {"species": [{"compartment": "c"}]}})"
            << "species #1: missing required field 'id'";
        QTest::newRow("unknown field")
            << R"({"format": "ferroscope-project", "formatVersion": 1, "model": {"parameters": [{"id": "k", "valeu": 1}]}})"
            << "parameter k: unknown field 'valeu'";
        QTest::newRow("missing model") << R"({"format": "ferroscope-project", "formatVersion": 1})"
                                       << "missing required field 'model'";
        QTest::newRow("fractional version") << R"({"format": "ferroscope-project", "formatVersion": 1.5, "model": {}})"
                                            << "whole number";
        QTest::newRow("bad rule kind")
            << R"({"format": "ferroscope-project", "formatVersion": 1, "model": {"rules": [{"kind": "event", "variable": "x", "math": "1"}]}})"
            << "rule kind must be";
    }
    void errors()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const auto result = readProjectJson(json.toStdString());
        QVERIFY(!result.ok());
        QVERIFY(!result.errors().empty());
        QVERIFY2(QString::fromStdString(result.errorText()).contains(expected), result.errorText().c_str());
    }

    void badFormulaNamesTheParserMessage()
    {
        const auto result = readProjectJson(minimalWith("k*(A"));
        QVERIFY(!result.ok());
        QCOMPARE(result.errors().size(), std::size_t(1));
        QCOMPARE(result.errors()[0].where, std::string("reaction R3 kinetic law"));
        QVERIFY(!result.errors()[0].message.empty());
    }

    void errorsAreCollected()
    {
        const auto result = readProjectJson(
            R"({"format": "ferroscope-project", "formatVersion": 1, "model": {"parameters": [{"id": 3}, {"id": "k", "constant": 1}]}})");
        QVERIFY(!result.ok());
        QCOMPARE(result.errors().size(), std::size_t(2));
    }

    void unreadablePath()
    {
        const std::string path = "/nonexistent-ferroscope-dir/model.json";
        const auto result = readProjectFile(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.errors().at(0).where, path);
        QVERIFY(result.errorText().find("cannot read") != std::string::npos);

        QTemporaryDir dir;
        const std::string bad = dir.filePath("bad.json").toStdString();
        QFile file(QString::fromStdString(bad));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"ferroscope-project\",\n \"formatVersion\": 1,\n oops}");
        file.close();
        const auto malformed = readProjectFile(bad);
        QVERIFY(!malformed.ok());
        QVERIFY2(malformed.errorText().find(bad + ", line 3") != std::string::npos, malformed.errorText().c_str());
    }

    void unwritablePath()
    {
        const auto result = writeProjectFile(builtinProject(), "/nonexistent-ferroscope-dir/out.json");
        QVERIFY(!result.ok());
        QVERIFY(result.errorText().find("cannot write") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
