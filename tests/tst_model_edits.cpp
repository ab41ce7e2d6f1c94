// Tests of the structural edits (core/model/model_edits.h): each edit changes exactly what it
// should; every bad input is refused with a message naming the problem and leaves the content
// byte-identical; deletion plans on the built-in model; closed-form dynamics of edited models
// (first-order decay in a compartment of size 2.5, conservation, the Hill factor of a regulation).
#include "core/io/project_file.h"
#include "core/model/math_io.h"
#include "core/model/model_edits.h"
#include "core/ode/compiled_model.h"
#include "core/scenario/scenario_runner.h"
#include "core/sim/simulator.h"

#include <QtTest>

#include <cmath>
#include <functional>

using namespace ferroscope::core;
using namespace ferroscope::core::edits;

/// An edit under test: "" on success, else the error text.
using Edit = std::function<std::string(Content &)>;
Q_DECLARE_METATYPE(Edit)

namespace {

template <typename T>
std::string errorOf(const Result<T> &r) { return r ? std::string() : r.errorText(); }

Content builtinContent() { return {builtinProject(), DiagramLayout::builtin()}; }

std::string snapshot(const Content &c) { return writeProjectJson(c.project) + c.layout.toJson().toStdString(); }

/// One compartment of size 2.5 (not 1, so a missing volume factor shows), no species, one figure.
Content smallContent()
{
    Content c;
    c.project.title = "small";
    c.project.model.id = "small";
    Compartment comp;
    comp.id = "C";
    comp.name = "cell";
    comp.size = 2.5;
    c.project.model.compartments.push_back(comp);
    c.project.relativeTolerance = 1e-8;
    c.project.defaultAbsoluteTolerance = 1e-10;
    FigureLayout figure;
    figure.id = "f";
    figure.size = QSizeF(400, 300);
    c.layout = DiagramLayout::fromFigures({figure});
    return c;
}

std::string addOk(Content &c, const std::string &name, double initial, QPointF pos = {})
{
    auto id = addSpecies(c, NewSpecies{{}, name, {}, initial, GlyphKind::Macromolecule, {}, pos});
    if (!id) qFatal("addSpecies failed: %s", id.errorText().c_str());
    return *id;
}

std::string reactionOk(Content &c, std::vector<std::string> reactants, std::vector<std::string> products,
                       KineticTemplate t = KineticTemplate::MassAction)
{
    NewReaction spec;
    spec.reactants = std::move(reactants);
    spec.products = std::move(products);
    spec.kinetics = t;
    auto id = addReaction(c, spec);
    if (!id) qFatal("addReaction failed: %s", id.errorText().c_str());
    return *id;
}

const Reaction &reaction(const Content &c, const std::string &id) { return *c.project.model.findReaction(id); }

/// The rate law as compact infix text (no spaces).
std::string law(const Content &c, const std::string &id)
{
    std::string text = toFormula(*reaction(c, id).kineticLaw);
    std::erase(text, ' ');
    return text;
}

/// d[species]/dt at t = 0 from the compiled right-hand side (states are amounts: divide by size).
double initialSlope(const Project &p, const std::string &species, double size)
{
    auto compiled = compileModel(p.model);
    if (!compiled) qFatal("compile failed: %s", compiled.errorText().c_str());
    const CompiledModel &m = **compiled;
    Simulator sim(*compiled);
    std::vector<double> params = m.defaultParameters();
    const std::vector<double> y = sim.initialState(params, 0);
    std::vector<double> leaves(m.leafCount(), 0.0);
    std::copy(y.begin(), y.end(), leaves.begin() + 1);
    std::copy(params.begin(), params.end(), leaves.begin() + 1 + m.stateCount());
    std::vector<double> out(m.stateCount()), work = m.rhsTape.makeWorkspace();
    m.rhsTape.evaluate(leaves.data(), out.data(), work.data());
    const int i = m.stateIndex(species);
    return out[std::size_t(i)] / size;
}

struct Run {
    std::vector<double> t;
    std::vector<std::vector<double>> y;   // per id
};

Run simulate(const Project &p, const std::vector<std::string> &ids)
{
    auto runner = ScenarioRunner::create(p);
    if (!runner) qFatal("runner: %s", runner.errorText().c_str());
    Scenario sc;
    sc.preequilibrate = false;
    sc.end = 10;
    sc.steps = 20;
    auto resolved = (*runner)->resolve(sc);
    auto tape = (*runner)->model().observerTape(ids, {});
    if (!resolved || !tape) qFatal("resolve/observer failed");
    const SimulationResult r = (*runner)->run(*resolved, &*tape);
    Run out{r.times, std::vector<std::vector<double>>(ids.size())};
    for (std::size_t row = 0; row < r.times.size(); ++row)
        for (std::size_t k = 0; k < ids.size(); ++k) out.y[k].push_back(r.at(row, k));
    return out;
}

double tolerance(const Project &p, double x) { return 100 * (p.relativeTolerance * std::fabs(x) + p.defaultAbsoluteTolerance); }

NewSpecies species(std::string id, std::string name, std::string compartment, double initial, QString figure = {})
{
    return NewSpecies{std::move(id), std::move(name), std::move(compartment), initial, GlyphKind::Macromolecule,
                      std::move(figure), QPointF(10, 20)};
}

NewReaction reactionSpec(std::string id, std::vector<std::string> r, std::vector<std::string> p,
                         KineticTemplate t = KineticTemplate::MassAction)
{
    NewReaction spec;
    spec.id = std::move(id);
    spec.reactants = std::move(r);
    spec.products = std::move(p);
    spec.kinetics = t;
    return spec;
}

}  // namespace

class TestModelEdits : public QObject {
    Q_OBJECT

private slots:
    void uniqueIds_data();
    void uniqueIds();
    void refusals_data();
    void refusals();
    void addSpeciesDrawsAGlyph();
    void addReactionPlacesTheProcess();
    void templates_data();
    void templates();
    void regulationRoundTrip_data();
    void regulationRoundTrip();
    void regulationSurvivesSaveAndLoad();
    void removeUnusedModifier();
    void simpleSetters();
    void setKineticLawAddsModifiers();
    void checkFormulaScopes();
    void deletionPlans();
    void deletionCleansLayoutAndCatalogue();
    void deletionCascadesThroughRulesAndEvents();
    void deleteEverySpeciesAllowed();
    void decayClosedForm();
    void conversionAndRegulationSlope();
};

void TestModelEdits::uniqueIds_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("free") << "Ferritin_new" << "Ferritin_new";
    QTest::newRow("clash species") << "LIP" << "LIP_2";
    QTest::newRow("clash gene") << "myc" << "myc_2";
    QTest::newRow("clash reaction") << "R1" << "R1_2";
    QTest::newRow("spaces") << "heme oxygenase" << "heme_oxygenase";
    QTest::newRow("leading digit") << "2OG" << "_2OG";
    QTest::newRow("unicode") << "Fe²⁺" << "Fe____";
    QTest::newRow("reserved") << "time" << "time_2";
    QTest::newRow("empty") << "" << "x";
}

void TestModelEdits::uniqueIds()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    const std::string id = uniqueId(builtinProject(), base.toStdString());
    if (base != "Fe²⁺") QCOMPARE(QString::fromStdString(id), expected);
    QVERIFY(QRegularExpression("^[A-Za-z_][A-Za-z0-9_]*$").match(QString::fromStdString(id)).hasMatch());
}

void TestModelEdits::refusals_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("message");
    const double nan = std::nan(""), inf = INFINITY;
    auto row = [](const char *name, Edit e, const char *message) { QTest::newRow(name) << e << QString(message); };
    row("species NaN", [=](Content &c) { return errorOf(addSpecies(c, species("", "A", "CYT", nan))); }, "nan");
    row("species negative", [](Content &c) { return errorOf(addSpecies(c, species("", "A", "CYT", -2))); }, "-2");
    row("species inf", [=](Content &c) { return errorOf(addSpecies(c, species("", "A", "CYT", inf))); }, "inf");
    row("species compartment", [](Content &c) { return errorOf(addSpecies(c, species("", "A", "GOLGI", 1))); }, "GOLGI");
    row("species no name", [](Content &c) { return errorOf(addSpecies(c, species("", " ", "CYT", 1))); }, "name");
    row("species duplicate", [](Content &c) { return errorOf(addSpecies(c, species("LIP", "x", "CYT", 1))); }, "'LIP' is already used");
    row("species catalogue id", [](Content &c) { return errorOf(addSpecies(c, species("myc", "x", "CYT", 1))); }, "already used");
    row("species bad id", [](Content &c) { return errorOf(addSpecies(c, species("1a", "x", "CYT", 1))); }, "not a valid id");
    row("species figure", [](Content &c) { return errorOf(addSpecies(c, species("", "x", "CYT", 1, "fig9"))); }, "fig9");
    row("reaction species", [](Content &c) { return errorOf(addReaction(c, reactionSpec("", {"LIP"}, {"nope"}))); }, "'nope'");
    row("reaction empty", [](Content &c) { return errorOf(addReaction(c, reactionSpec("", {}, {}))); }, "at least one");
    row("reaction duplicate", [](Content &c) { return errorOf(addReaction(c, reactionSpec("R5", {"LIP"}, {}))); }, "'R5' is already used");
    row("reaction MM no substrate", [](Content &c) {
        return errorOf(addReaction(c, reactionSpec("", {}, {"LIP"}, KineticTemplate::MichaelisMenten)));
    }, "needs a reactant");
    row("regulation modifier", [](Content &c) { return errorOf(addRegulation(c, {"nope", "R5"})); }, "'nope'");
    row("regulation reaction", [](Content &c) { return errorOf(addRegulation(c, {"LIP", "R999"})); }, "'R999'");
    row("regulation K", [](Content &c) { return errorOf(addRegulation(c, {"LIP", "R5", ArcClass::Inhibition, 0})); }, "K = 0");
    row("regulation n", [=](Content &c) { return errorOf(addRegulation(c, {"LIP", "R5", ArcClass::Stimulation, 1, nan})); }, "n = nan");
    row("regulation class", [](Content &c) { return errorOf(addRegulation(c, {"LIP", "R5", ArcClass::Production})); }, "stimulation");
    row("unregulate non-modifier", [](Content &c) { return errorOf(removeRegulation(c, "R5", "GSH")); }, "not a modifier");
    row("unregulate other use", [](Content &c) { return errorOf(removeRegulation(c, "R3", "CD133")); }, "another way");
    row("law syntax", [](Content &c) { return errorOf(setKineticLaw(c, "R5", "k_dmt1*(")); }, "formula 'k_dmt1*('");
    row("law unknown id", [](Content &c) { return errorOf(setKineticLaw(c, "R5", "kx*Fe2_endo")); },
        "unknown identifier 'kx' (not a species, parameter or compartment of this model)");
    row("law unknown function", [](Content &c) { return errorOf(setKineticLaw(c, "R5", "foo(LIP)")); }, "unknown function 'foo'");
    row("law arity", [](Content &c) { return errorOf(setKineticLaw(c, "R5", "hill(LIP, 1)")); }, "takes 3 argument");
    row("law empty", [](Content &c) { return errorOf(setKineticLaw(c, "R5", "  ")); }, "empty");
    row("law reaction", [](Content &c) { return errorOf(setKineticLaw(c, "R999", "1")); }, "R999");
    row("parameter NaN", [=](Content &c) { return errorOf(setParameterValue(c, "k_dmt1", nan)); }, "not a finite");
    row("parameter inf", [=](Content &c) { return errorOf(setParameterValue(c, "k_dmt1", inf)); }, "not a finite");
    row("parameter negative", [](Content &c) { return errorOf(setParameterValue(c, "k_dmt1", -1)); }, "negative");
    row("parameter unknown", [](Content &c) { return errorOf(setParameterValue(c, "k_dmt", 1)); }, "did you mean 'k_dmt1'");
    row("parameter rule", [](Content &c) { return errorOf(setParameterValue(c, "FeR", 1)); }, "assignment rule");
    row("initial NaN", [=](Content &c) { return errorOf(setSpeciesInitial(c, "LIP", nan)); }, "nan");
    row("initial negative", [](Content &c) { return errorOf(setSpeciesInitial(c, "LIP", -0.5)); }, "negative");
    row("initial unknown", [](Content &c) { return errorOf(setSpeciesInitial(c, "LUP", 1)); }, "LUP");
    row("compartment unknown", [](Content &c) { return errorOf(setSpeciesCompartment(c, "LIP", "GOLGI")); }, "GOLGI");
    row("rename empty", [](Content &c) { return errorOf(rename(c, "LIP", "  ")); }, "empty");
    row("rename unknown", [](Content &c) { return errorOf(rename(c, "LUP", "x")); }, "LUP");
    row("colour", [](Content &c) { return errorOf(setGlyphColour(c, "", "LIP", "red")); }, "#rrggbb");
    row("colour figure", [](Content &c) { return errorOf(setGlyphColour(c, "fig7", "LIP", "#ff0000")); }, "fig7");
    row("colour ref", [](Content &c) { return errorOf(setGlyphColour(c, "", "k_dmt1", "#ff0000")); }, "draws");
    row("add parameter NaN", [=](Content &c) { return errorOf(addParameter(c, "k_new", nan)); }, "not a finite");
    row("add parameter id", [](Content &c) { return errorOf(addParameter(c, "", 1)); }, "id");
    row("template reaction", [](Content &c) { return errorOf(applyTemplate(c, "R999", KineticTemplate::Constant)); }, "R999");
    row("template substrate", [](Content &c) {
        return errorOf(applyTemplate(c, "R1", KineticTemplate::HillActivation));
    }, "needs a reactant");
    row("evidence unknown", [](Content &c) { return errorOf(setEvidence(c, "nope", {})); }, "nope");
    row("delete gene parameter", [](Content &c) { return errorOf(applyDeletion(c, planDeletion(c.project, {"x_TfR1"}))); },
        "x_TfR1 is the multiplier of gene target TfR1");
    row("delete unknown", [](Content &c) { return errorOf(applyDeletion(c, planDeletion(c.project, {"nope"}))); }, "'nope'");
    row("delete nothing", [](Content &c) { return errorOf(applyDeletion(c, planDeletion(c.project, {}))); }, "nothing");
    row("break the model", [](Content &c) { return errorOf(setKineticLaw(c, "R5", "FeR*hill(LIP, 1, 2)/0 + R5")); }, "R5");
}

void TestModelEdits::refusals()
{
    QFETCH(Edit, edit);
    QFETCH(QString, message);
    Content content = builtinContent();
    const std::string before = snapshot(content);
    const std::string error = edit(content);
    QVERIFY2(!error.empty(), "the edit was accepted");
    QVERIFY2(QString::fromStdString(error).contains(message, Qt::CaseInsensitive), error.c_str());
    QCOMPARE(snapshot(content), before);
}

void TestModelEdits::addSpeciesDrawsAGlyph()
{
    Content c = builtinContent();
    const auto species0 = c.project.model.species.size();
    auto id = addSpecies(c, NewSpecies{{}, "NCOA4 cargo", "CYT", 1.5, GlyphKind::SimpleChemical, "fig2", {120, 80}});
    QVERIFY2(id, id.errorText().c_str());
    QCOMPARE(*id, std::string("NCOA4_cargo"));
    QCOMPARE(c.project.model.species.size(), species0 + 1);
    const Species *s = c.project.model.findSpecies(*id);
    QCOMPARE(s->name, std::string("NCOA4 cargo"));
    QCOMPARE(s->compartment, std::string("CYT"));
    QCOMPARE(s->initialConcentration, 1.5);
    QVERIFY(std::isnan(s->initialAmount) && !s->constant && !s->hasOnlySubstanceUnits);
    const auto glyphs = c.layout.figure("fig2")->glyphsFor("NCOA4_cargo");
    QCOMPARE(glyphs.size(), std::size_t(1));
    QCOMPARE(glyphs[0]->label, QString("NCOA4 cargo"));
    QVERIFY(glyphs[0]->kind == GlyphKind::SimpleChemical);
    QCOMPARE(glyphs[0]->pos, QPointF(120, 80));
    QVERIFY(c.layout.figure("fig1")->glyphsFor("NCOA4_cargo").empty());
    // A second one with the same name gets a fresh id; "" compartment = the first one.
    auto second = addSpecies(c, NewSpecies{{}, "NCOA4 cargo", {}, 0, GlyphKind::Macromolecule, {}, {}});
    QCOMPARE(*second, std::string("NCOA4_cargo_2"));
    QCOMPARE(c.project.model.findSpecies(*second)->compartment, c.project.model.compartments.front().id);
    QCOMPARE(c.layout.figure("fig1")->glyphsFor("NCOA4_cargo_2").size(), std::size_t(1));
    QVERIFY(validate(c.project));
}

void TestModelEdits::addReactionPlacesTheProcess()
{
    Content c = smallContent();
    const auto a = addOk(c, "A", 1, {0, 0}), b = addOk(c, "B", 1, {100, 0}), d = addOk(c, "D", 1, {100, 100});
    const auto r = reactionOk(c, {a, a}, {b});
    QCOMPARE(r, std::string("R_A_A_B"));
    QCOMPARE(reaction(c, r).reactants.size(), std::size_t(1));
    QCOMPARE(reaction(c, r).reactants[0].stoichiometry, 2.0);
    QCOMPARE(reaction(c, r).name, std::string("A + A → B"));
    const LayoutProcess *p = c.layout.figure("f")->findProcess(QString::fromStdString(r));
    QVERIFY(p);
    QCOMPARE(p->pos, QPointF(50, 0));
    QCOMPARE(p->dir, QPointF(1, 0));
    const auto down = reactionOk(c, {b}, {d});
    QCOMPARE(c.layout.figure("f")->findProcess(QString::fromStdString(down))->dir, QPointF(0, 1));
    // Degradation and synthesis: ids name the empty side; a participant drawn nowhere is ignored.
    QCOMPARE(reactionOk(c, {a}, {}), std::string("R_A_deg"));
    QCOMPARE(reactionOk(c, {}, {a}), std::string("R_syn_A"));
    Content other = smallContent();
    other.project.model.species = c.project.model.species;   // species without glyphs
    const auto r2 = reactionOk(other, {a}, {b});
    QCOMPARE(other.layout.figure("f")->findProcess(QString::fromStdString(r2))->pos, QPointF(200, 150));
    NewReaction at = reactionSpec("Rx", {a}, {});
    at.pos = QPointF(7, 8);
    at.name = "export";
    QVERIFY(addReaction(c, at));
    QCOMPARE(c.layout.figure("f")->findProcess("Rx")->pos, QPointF(7, 8));
    QCOMPARE(reaction(c, "Rx").name, std::string("export"));
}

void TestModelEdits::templates_data()
{
    QTest::addColumn<int>("kinetics");
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QStringList>("parameters");   // id=value:units
    QTest::newRow("mass action") << int(KineticTemplate::MassAction) << "C*k_R*A*B^2" << QStringList{"k_R=0.1:µM^-2/h"};
    QTest::newRow("michaelis") << int(KineticTemplate::MichaelisMenten) << "C*Vmax_R*(A/(Km_R + A))"
                               << QStringList{"Vmax_R=1:µM/h", "Km_R=1:µM"};
    QTest::newRow("hill act") << int(KineticTemplate::HillActivation) << "C*Vmax_R*(A^n_R/(K_R^n_R + A^n_R))"
                              << QStringList{"Vmax_R=1:µM/h", "K_R=1:µM", "n_R=2:1"};
    QTest::newRow("hill inh") << int(KineticTemplate::HillInhibition) << "C*Vmax_R*(K_R^n_R/(K_R^n_R + A^n_R))"
                              << QStringList{"Vmax_R=1:µM/h", "K_R=1:µM", "n_R=2:1"};
    QTest::newRow("constant") << int(KineticTemplate::Constant) << "C*v0_R" << QStringList{"v0_R=0.1:µM/h"};
}

void TestModelEdits::templates()
{
    QFETCH(int, kinetics);
    QFETCH(QString, formula);
    QFETCH(QStringList, parameters);
    Content c = smallContent();
    addOk(c, "A", 1), addOk(c, "B", 1), addOk(c, "P", 0);
    QVERIFY(addReaction(c, reactionSpec("R", {"A", "B", "B"}, {"P"}, KineticTemplate(kinetics))));
    const auto normalise = [](std::string s) { return QString::fromStdString(s).remove(' ').remove('(').remove(')'); };
    QCOMPARE(normalise(law(c, "R")), normalise(formula.toStdString()));
    for (const QString &entry : parameters) {
        const QString id = entry.section('=', 0, 0);
        const Parameter *p = c.project.model.findParameter(id.toStdString());
        QVERIFY2(p, qPrintable(id));
        QCOMPARE(p->value, entry.section('=', 1).section(':', 0, 0).toDouble());
        QCOMPARE(QString::fromStdString(p->evidence.units), entry.section(':', 1));
        QVERIFY(p->evidence.estimated);
        QCOMPARE(p->evidence.explanation, std::string("added by the user"));
    }
    // Re-applying a template creates fresh parameters (no clash) and keeps the model valid.
    QVERIFY(applyTemplate(c, "R", KineticTemplate(kinetics)));
    QVERIFY(law(c, "R").find("_R_2") != std::string::npos);
}

void TestModelEdits::regulationRoundTrip_data()
{
    QTest::addColumn<QString>("reaction");
    QTest::addColumn<QString>("modifier");
    QTest::addColumn<int>("cls");
    QTest::newRow("stimulation") << "R5" << "GSH" << int(ArcClass::Stimulation);
    QTest::newRow("inhibition") << "R4" << "Heme" << int(ArcClass::Inhibition);
    QTest::newRow("catalysis") << "R8" << "NRF2" << int(ArcClass::Catalysis);
    QTest::newRow("existing modifier") << "R3" << "CD133" << int(ArcClass::Inhibition);
    QTest::newRow("regulation-only drawing") << "R1" << "GPX4" << int(ArcClass::Stimulation);
}

void TestModelEdits::regulationRoundTrip()
{
    QFETCH(QString, reaction);
    QFETCH(QString, modifier);
    QFETCH(int, cls);
    const std::string rid = reaction.toStdString(), mid = modifier.toStdString();
    Content c = builtinContent();
    const std::string before = snapshot(c);
    const std::string oldLaw = law(c, rid);
    const auto params0 = c.project.model.parameters.size();
    QVERIFY(addRegulation(c, {mid, rid, ArcClass(cls), 0.5, 3}));
    const Reaction &r = ::reaction(c, rid);
    QCOMPARE(std::count(r.modifiers.begin(), r.modifiers.end(), mid), 1l);
    const bool hill = ArcClass(cls) != ArcClass::Catalysis;
    QCOMPARE(c.project.model.parameters.size(), params0 + (hill ? 2 : 0));
    if (hill) {
        const std::string k = "K_" + rid + "_" + mid, n = "n_" + rid + "_" + mid;
        QCOMPARE(c.project.model.findParameter(k)->value, 0.5);
        QCOMPARE(c.project.model.findParameter(n)->value, 3.0);
        const std::string m = mid + "^" + n, kn = k + "^" + n;
        const std::string factor = (ArcClass(cls) == ArcClass::Inhibition ? kn : m) + "/(" + kn + "+" + m + ")";
        QVERIFY2(law(c, rid).find(factor) != std::string::npos, law(c, rid).c_str());
    }
    bool drawn = false;
    for (const auto &f : c.layout.figures()) {
        if (const auto *p = f.findProcess(reaction)) {
            QVERIFY(p->arcs.at(modifier) == ArcClass(cls));
            drawn = true;
        } else if (auto *g = const_cast<FigureLayout &>(f).findRegulation(reaction)) {
            QVERIFY(g->arcs.at(modifier) == ArcClass(cls));
            drawn = true;
        }
    }
    QVERIFY(drawn);
    auto removed = removeRegulation(c, rid, mid);
    QVERIFY2(removed, removed.errorText().c_str());
    QCOMPARE(law(c, rid), oldLaw);
    if (modifier != "CD133") QCOMPARE(snapshot(c), before);   // CD133 stays (the law uses it)
    else QCOMPARE(c.project.model.parameters.size(), params0);
}

void TestModelEdits::regulationSurvivesSaveAndLoad()
{
    Content c = builtinContent();
    const std::string before = snapshot(c);
    QVERIFY(addRegulation(c, {"GSH", "R5", ArcClass::Inhibition, 2, 1}));
    auto reloaded = readProjectJson(writeProjectJson(c.project));
    QVERIFY2(reloaded, reloaded.errorText().c_str());
    c.project = *reloaded;
    QVERIFY(removeRegulation(c, "R5", "GSH"));
    QCOMPARE(snapshot(c), before);
}

void TestModelEdits::removeUnusedModifier()
{
    Content c = builtinContent();
    // R1's modifiers act through the rule IRPn, not directly: removing one just drops it and its arc.
    QVERIFY(removeRegulation(c, "R1", "IRP2"));
    const auto &mods = reaction(c, "R1").modifiers;
    QVERIFY(std::find(mods.begin(), mods.end(), "IRP2") == mods.end());
    QVERIFY(!c.layout.figure("fig1")->findRegulation("R1")->arcs.count("IRP2"));
    QCOMPARE(law(c, "R1"), law(builtinContent(), "R1"));
}

void TestModelEdits::simpleSetters()
{
    Content c = builtinContent();
    QVERIFY(rename(c, "LIP", "labile iron"));
    QCOMPARE(c.project.model.findSpecies("LIP")->name, std::string("labile iron"));
    for (const auto &f : c.layout.figures())
        for (const auto *g : f.glyphsFor("LIP")) QCOMPARE(g->label, QString("labile iron"));
    QVERIFY(rename(c, "TfR1", "receptor"));   // a species and a gene target: the species is renamed
    QVERIFY(setParameterValue(c, "k_dmt1", 0));
    QCOMPARE(c.project.model.findParameter("k_dmt1")->value, 0.0);
    QVERIFY(setSpeciesInitial(c, "LIP", 2.5));
    QCOMPARE(c.project.model.findSpecies("LIP")->initialConcentration, 2.5);
    QVERIFY(setSpeciesCompartment(c, "LIP", "MITO"));
    QCOMPARE(c.project.model.findSpecies("LIP")->compartment, std::string("MITO"));
    QVERIFY(setGlyphColour(c, "fig2", "LIP", "#12ab34"));
    QCOMPARE(c.layout.figure("fig2")->glyphsFor("LIP")[0]->colour, QString("#12ab34"));
    QVERIFY(c.layout.figure("fig1")->glyphsFor("LIP")[0]->colour.isEmpty());
    QVERIFY(setGlyphColour(c, "", "LIP", ""));
    QVERIFY(c.layout.figure("fig2")->glyphsFor("LIP")[0]->colour.isEmpty());
    auto p = addParameter(c, "k_dmt1", 3, "/h");
    QCOMPARE(*p, std::string("k_dmt1_2"));
    QCOMPARE(c.project.model.findParameter(*p)->evidence.units, std::string("/h"));
    Evidence e;
    e.explanation = "why";
    e.seedRefs = "[1]";
    QVERIFY(setEvidence(c, "R5", e));
    QCOMPARE(c.project.model.findReaction("R5")->evidence.seedRefs, std::string("[1]"));
    QVERIFY(setEvidence(c, "myc", e));
    QCOMPARE(c.project.findGene("myc")->evidence.explanation, std::string("why"));
    QVERIFY(validate(c.project));
}

void TestModelEdits::setKineticLawAddsModifiers()
{
    Content c = builtinContent();
    QVERIFY(setKineticLaw(c, "R5", "k_dmt1*Fe2_endo*f_sal*hill(GSH, 1, 2)*time/(1 + time)"));
    QCOMPARE(law(c, "R5"), std::string("k_dmt1*Fe2_endo*f_sal*hill(GSH,1,2)*time/(1+time)"));
    QCOMPARE(reaction(c, "R5").modifiers, std::vector<std::string>{"GSH"});
    QVERIFY(setKineticLaw(c, "R5", "k_dmt1*Fe2_endo"));
    QCOMPARE(reaction(c, "R5").modifiers, std::vector<std::string>{"GSH"});   // kept; removeRegulation drops it
}

void TestModelEdits::checkFormulaScopes()
{
    ModelSpec m = builtinProject().model;
    QVERIFY(checkFormula(m, "k_dmt1*LIP*CYT + R5 + pi + time"));
    Parameter local;
    local.id = "kloc";
    local.value = 1;
    m.reactions.front().localParameters.push_back(local);
    const std::string first = m.reactions.front().id;
    QVERIFY(checkFormula(m, "kloc*LIP", first));
    auto outside = checkFormula(m, "kloc*LIP", "R5");
    QVERIFY(!outside);
    QVERIFY(QString::fromStdString(outside.errorText()).contains("'kloc'"));
    QVERIFY(!checkFormula(m, "x", "R999"));
    QVERIFY(!checkFormula(m, "delay(LIP, 2)"));
    QVERIFY(!checkFormula(m, "LIP*avogadro"));
}

void TestModelEdits::deletionPlans()
{
    const Project &p = builtinProject();
    DeletionPlan cd133 = planDeletion(p, {"CD133"});
    QVERIFY2(cd133.refusals.empty(), qPrintable(cd133.summary()));
    QCOMPARE(cd133.species, std::vector<std::string>{"CD133"});
    for (const auto &r : p.model.reactions) {
        const bool usesIt = r.kineticLaw && toFormula(*r.kineticLaw).find("CD133") != std::string::npos;
        const bool planned = std::find(cd133.reactions.begin(), cd133.reactions.end(), r.id) != cd133.reactions.end();
        if (usesIt) QVERIFY2(planned, r.id.c_str());
    }
    QVERIFY(cd133.summary().startsWith("Species: CD133\nReactions: "));
    Content c = builtinContent();
    QVERIFY2(applyDeletion(c, cd133), qPrintable(cd133.summary()));
    QVERIFY(!c.project.model.findSpecies("CD133"));
    QVERIFY(c.layout.figure("fig1")->glyphsFor("CD133").empty());
    QVERIFY(!c.layout.figure("fig1")->findProcess("R3"));
    QVERIFY(validate(c.project));

    DeletionPlan gene = planDeletion(p, {"x_TfR1"});
    QCOMPARE(gene.refusals.size(), std::size_t(1));
    QCOMPARE(gene.refusals[0], std::string("x_TfR1 is the multiplier of gene target TfR1 (TFR1); it cannot be deleted"));
    DeletionPlan input = planDeletion(p, {"ERA"});
    QVERIFY(!input.refusals.empty() && input.refusals[0].find("input ERA") != std::string::npos);
    QVERIFY(planDeletion(p, {"R5"}).species.empty());   // deleting a reaction keeps its species
}

void TestModelEdits::deletionCleansLayoutAndCatalogue()
{
    Content c = builtinContent();
    const auto x = addOk(c, "X", 1, {5, 5});
    const auto r = reactionOk(c, {x}, {"LIP"});
    QVERIFY(addRegulation(c, {x, "R5", ArcClass::Stimulation}));
    c.project.readouts.push_back(x);
    c.project.absoluteTolerances[x] = 1e-12;
    c.project.resetAfterPreequilibration[x] = 1;
    c.layout.figure("fig1")->arcs.push_back(LayoutArc{QString::fromStdString(x), "LIP", ArcClass::Inhibition, {}, "test"});
    c.layout.figure("fig1")->drugs.push_back(LayoutDrug{"ERA", {1, 1}, {QString::fromStdString(x)}, ArcClass::Inhibition, {}});
    const DeletionPlan plan = planDeletion(c.project, {x});
    QVERIFY(plan.refusals.empty());
    QCOMPARE(plan.reactions, (std::vector<std::string>{"R5", r}));
    QCOMPARE(plan.readouts, std::vector<std::string>{x});
    const QString expected = QString("Species: X\nReactions: R5 (%1), %2 (X → %3)\nReadouts: X")
                                 .arg(QString::fromStdString(builtinProject().model.findReaction("R5")->name),
                                      QString::fromStdString(r),
                                      QString::fromStdString(c.project.model.findSpecies("LIP")->name));
    QCOMPARE(plan.summary(), expected);
    QVERIFY(applyDeletion(c, plan));
    const FigureLayout &f = *c.layout.figure("fig1");
    QVERIFY(f.glyphsFor(QString::fromStdString(x)).empty());
    QVERIFY(!f.findProcess("R5") && !f.findProcess(QString::fromStdString(r)));
    QVERIFY(std::none_of(f.arcs.begin(), f.arcs.end(), [](const LayoutArc &a) { return a.reason == "test"; }));
    QVERIFY(std::none_of(f.drugs.begin(), f.drugs.end(), [](const LayoutDrug &d) { return d.pos == QPointF(1, 1); }));
    QVERIFY(!c.project.absoluteTolerances.count(x) && !c.project.resetAfterPreequilibration.count(x));
    QCOMPARE(c.project.readouts, builtinProject().readouts);
}

void TestModelEdits::deletionCascadesThroughRulesAndEvents()
{
    Content c = smallContent();
    const auto a = addOk(c, "A", 1), b = addOk(c, "B", 2);
    ModelSpec &m = c.project.model;
    Parameter total;
    total.id = "total";
    total.constant = false;
    m.parameters.push_back(total);
    m.rules.push_back(Rule{RuleKind::Assignment, "total", *parseFormula("A + B")});
    const auto r = reactionOk(c, {}, {b});
    QVERIFY(setKineticLaw(c, r, "C*total"));   // uses A through the rule
    Event ev;
    ev.id = "pulse";
    ev.trigger = *parseFormula("time > 1");
    ev.assignments = {{"A", *parseFormula("5")}, {"B", *parseFormula("A")}};
    c.project.model.events.push_back(ev);
    Event gone;
    gone.id = "gone";
    gone.trigger = *parseFormula("A > 3");
    gone.assignments = {{"B", *parseFormula("0")}};
    c.project.model.events.push_back(gone);
    QVERIFY(validate(c.project));
    const DeletionPlan plan = planDeletion(c.project, {a});
    QCOMPARE(plan.rules, std::vector<std::string>{"total"});
    QCOMPARE(plan.parameters, std::vector<std::string>{"total"});   // unset and its rule went
    QCOMPARE(plan.reactions, std::vector<std::string>{r});
    QCOMPARE(plan.events, std::vector<std::string>{"gone"});
    QCOMPARE(plan.eventAssignments, (std::vector<std::string>{"pulse:A", "pulse:B"}));
    QVERIFY(applyDeletion(c, plan));
    QCOMPARE(c.project.model.events.size(), std::size_t(1));
    QVERIFY(c.project.model.events[0].assignments.empty());
    QVERIFY(c.project.model.rules.empty() && !c.project.model.findParameter("total"));
    // Deleting the compartment deletes its species.
    const DeletionPlan all = planDeletion(c.project, {"C"});
    QCOMPARE(all.species, std::vector<std::string>{b});
    QVERIFY(applyDeletion(c, all));
    QVERIFY(c.project.model.species.empty() && c.layout.figure("f")->glyphs.empty());
}

void TestModelEdits::deleteEverySpeciesAllowed()
{
    int deleted = 0, refused = 0;
    for (const auto &s : builtinProject().model.species) {
        Content c = builtinContent();
        const DeletionPlan plan = planDeletion(c.project, {s.id});
        if (!plan.refusals.empty()) {
            ++refused;
            QVERIFY(!applyDeletion(c, plan));
            continue;
        }
        auto ok = applyDeletion(c, plan);
        QVERIFY2(ok, qPrintable(QString::fromStdString(s.id + ": " + ok.errorText())));
        ++deleted;
    }
    qInfo("%d species deletable, %d refused", deleted, refused);
    QVERIFY(deleted > 0);
}

void TestModelEdits::decayClosedForm()
{
    Content c = smallContent();
    const auto a = addOk(c, "A", 10);
    const auto r = reactionOk(c, {a}, {});
    QCOMPARE(law(c, r), "C*k_" + r + "*A");
    QVERIFY(setParameterValue(c, "k_" + r, 0.3));
    const Run run = simulate(c.project, {a});
    QCOMPARE(run.t.size(), std::size_t(21));
    for (std::size_t i = 0; i < run.t.size(); ++i) {
        const double exact = 10 * std::exp(-0.3 * run.t[i]);
        QVERIFY2(std::fabs(run.y[0][i] - exact) <= tolerance(c.project, exact),
                 qPrintable(QString("t=%1: %2 vs %3").arg(run.t[i]).arg(run.y[0][i]).arg(exact)));
    }
}

void TestModelEdits::conversionAndRegulationSlope()
{
    Content c = smallContent();
    const auto a = addOk(c, "A", 10), b = addOk(c, "B", 0), m = addOk(c, "M", 2);
    const auto r = reactionOk(c, {a}, {b});
    QVERIFY(setParameterValue(c, "k_" + r, 0.2));
    const Run run = simulate(c.project, {a, b});
    for (std::size_t i = 0; i < run.t.size(); ++i) {
        const double exact = 10 * std::exp(-0.2 * run.t[i]);
        QVERIFY(std::fabs(run.y[0][i] - exact) <= tolerance(c.project, exact));
        QVERIFY(std::fabs(run.y[0][i] + run.y[1][i] - 10) <= tolerance(c.project, 10));
    }
    QVERIFY(std::fabs(initialSlope(c.project, a, 2.5) + 0.2 * 10) < 1e-12);
    QVERIFY(addRegulation(c, {m, r, ArcClass::Stimulation, 1, 2}));   // M^2/(1+M^2) = 4/5
    QVERIFY(std::fabs(initialSlope(c.project, a, 2.5) + 0.2 * 10 * 0.8) < 1e-12);
    QVERIFY(std::fabs(initialSlope(c.project, b, 2.5) - 0.2 * 10 * 0.8) < 1e-12);
    QVERIFY(addRegulation(c, {m, r, ArcClass::Inhibition, 4, 1}));    // × 4/(4+2)
    QVERIFY(std::fabs(initialSlope(c.project, a, 2.5) + 0.2 * 10 * 0.8 * 4 / 6) < 1e-12);
    QVERIFY(addRegulation(c, {m, r, ArcClass::Catalysis}));           // × M
    QVERIFY(std::fabs(initialSlope(c.project, a, 2.5) + 0.2 * 10 * 0.8 * 4 / 6 * 2) < 1e-12);
    QVERIFY(removeRegulation(c, r, m));   // one factor at a time; M stays while the law uses it
    QVERIFY(removeRegulation(c, r, m));
    QVERIFY(removeRegulation(c, r, m));
    QVERIFY(std::fabs(initialSlope(c.project, a, 2.5) + 0.2 * 10) < 1e-12);
    QVERIFY(reaction(c, r).modifiers.empty());
    QCOMPARE(law(c, r), "C*k_" + r + "*A");
}

QTEST_GUILESS_MAIN(TestModelEdits)
#include "tst_model_edits.moc"
