// Tests of the undo commands (ui/commands): every kind of structural edit through pushEdit /
// ContentCommand, SetParameterCommand (merging by gesture) and MoveNodesCommand, each as
// redo → check → undo → check (byte-identical content) → redo → check, with the PathwayModel
// signals and revisions they cause. A failing edit pushes nothing.
#include "core/io/project_file.h"
#include "core/model/model_edits.h"
#include "core/model/pathway_model.h"
#include "ui/commands/content_command.h"
#include "ui/commands/move_nodes_command.h"
#include "ui/commands/set_parameter_command.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace ferroscope;
using namespace ferroscope::core;
using namespace ferroscope::core::edits;

using Edit = std::function<Result<bool>(Content &)>;
using Check = std::function<bool(const PathwayModel &)>;
Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(Check)

namespace {

std::string snapshot(const PathwayModel &m) { return writeProjectJson(m.project()) + m.layout().toJson().toStdString(); }

template <typename T>
Result<bool> asBool(const Result<T> &r)
{
    if (!r) return r.errors();
    return true;
}

bool hasModifier(const PathwayModel &m, const std::string &reaction, const std::string &modifier)
{
    const auto &mods = m.model().findReaction(reaction)->modifiers;
    return std::find(mods.begin(), mods.end(), modifier) != mods.end();
}

struct Spies {
    explicit Spies(PathwayModel &m)
        : replaced(&m, &PathwayModel::contentReplaced), changed(&m, &PathwayModel::modelChanged),
          parameter(&m, &PathwayModel::parameterChanged), moved(&m, &PathwayModel::nodeMoved)
    {
    }
    void clear() { replaced.clear(), changed.clear(), parameter.clear(), moved.clear(); }
    QSignalSpy replaced, changed, parameter, moved;
};

}  // namespace

class TestCommands : public QObject {
    Q_OBJECT

private slots:
    void contentEdits_data();
    void contentEdits();
    void failingEditPushesNothing();
    void noOpEditPushesNothing();
    void setParameterMergesOneGesture();
    void setParameterSeparateGestures();
    void setParameterDragBackLeavesNoStep();
    void moveNodes();
    void moveSourceUndoesExactly();
};

void TestCommands::contentEdits_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<Check>("check");
    QTest::addColumn<bool>("changesModel");
    auto row = [](const char *name, Edit e, Check c, bool model = true) { QTest::newRow(name) << e << c << model; };
    row("add species", [](Content &c) { return asBool(addSpecies(c, {"Xn", "new one", "CYT", 2, {}, {}, {}})); },
        [](const PathwayModel &m) { return m.model().findSpecies("Xn") && !m.layout().figures()[0].glyphsFor("Xn").empty(); });
    row("add reaction", [](Content &c) {
        NewReaction r;
        r.id = "Rnew";
        r.reactants = {"LIP"};
        r.products = {"Fe_mito"};
        return asBool(addReaction(c, r));
    }, [](const PathwayModel &m) { return m.model().findReaction("Rnew") && m.layout().figures()[0].findProcess("Rnew"); });
    row("add regulation", [](Content &c) { return addRegulation(c, {"GSH", "R5", ArcClass::Inhibition, 2, 1}); },
        [](const PathwayModel &m) { return hasModifier(m, "R5", "GSH") && m.model().findParameter("K_R5_GSH"); });
    row("remove regulation", [](Content &c) { return removeRegulation(c, "R1", "IRP2"); },
        [](const PathwayModel &m) { return !hasModifier(m, "R1", "IRP2"); });
    row("delete with dependants", [](Content &c) { return applyDeletion(c, planDeletion(c.project, {"CD133"})); },
        [](const PathwayModel &m) { return !m.model().findSpecies("CD133") && !m.model().findReaction("R3"); });
    row("rename", [](Content &c) { return rename(c, "LIP", "labile iron"); },
        [](const PathwayModel &m) { return m.model().findSpecies("LIP")->name == "labile iron"; });
    row("set kinetic law", [](Content &c) { return setKineticLaw(c, "R5", "k_dmt1*Fe2_endo*GSH"); },
        [](const PathwayModel &m) { return hasModifier(m, "R5", "GSH"); });
    row("apply template", [](Content &c) { return applyTemplate(c, "R4", KineticTemplate::MichaelisMenten); },
        [](const PathwayModel &m) { return m.model().findParameter("Km_R4") != nullptr; });
    row("set initial", [](Content &c) { return setSpeciesInitial(c, "LIP", 3.25); },
        [](const PathwayModel &m) { return m.model().findSpecies("LIP")->initialConcentration == 3.25; });
    row("set colour", [](Content &c) { return setGlyphColour(c, "", "LIP", "#aa5500"); },
        [](const PathwayModel &m) { return m.layout().figures()[0].glyphsFor("LIP")[0]->colour == "#aa5500"; }, false);
}

void TestCommands::contentEdits()
{
    QFETCH(Edit, edit);
    QFETCH(Check, check);
    QFETCH(bool, changesModel);
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    Spies spies(model);
    const std::string before = snapshot(model);
    const auto revision0 = model.revision();
    QVERIFY(!check(model));

    auto result = ui::pushEdit(stack, model, "edit", edit);
    QVERIFY2(result, result.errorText().c_str());
    QCOMPARE(stack.count(), 1);
    QVERIFY(check(model));
    const std::string after = snapshot(model);
    QVERIFY(after != before);
    QCOMPARE(spies.replaced.count(), 1);
    QCOMPARE(spies.changed.count(), changesModel ? 1 : 0);
    QCOMPARE(model.revision() > revision0, changesModel);

    spies.clear();
    stack.undo();
    QVERIFY(!check(model));
    QCOMPARE(snapshot(model), before);
    QCOMPARE(spies.replaced.count(), 1);
    QCOMPARE(spies.changed.count(), changesModel ? 1 : 0);
    const auto revision1 = model.revision();

    stack.redo();
    QVERIFY(check(model));
    QCOMPARE(snapshot(model), after);
    QCOMPARE(model.revision() > revision1, changesModel);
    QCOMPARE(spies.parameter.count(), 0);
    QCOMPARE(spies.moved.count(), 0);
}

void TestCommands::failingEditPushesNothing()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    Spies spies(model);
    const std::string before = snapshot(model);
    const auto revision = model.revision();
    auto bad = ui::pushEdit(stack, model, "bad", [](Content &c) { return setSpeciesInitial(c, "LIP", -1); });
    QVERIFY(!bad);
    QVERIFY(QString::fromStdString(bad.errorText()).contains("negative"));
    auto badId = ui::pushEdit(stack, model, "bad", [](Content &c) { return setKineticLaw(c, "R5", "kx*LIP"); });
    QVERIFY(QString::fromStdString(badId.errorText()).contains("'kx'"));
    auto badSpecies = ui::pushEdit(stack, model, "bad", [](Content &c) {
        return addSpecies(c, {"", "A", "CYT", std::nan(""), {}, {}, {}});
    });
    QVERIFY(!badSpecies);
    QCOMPARE(stack.count(), 0);
    QCOMPARE(snapshot(model), before);
    QCOMPARE(model.revision(), revision);
    QCOMPARE(spies.replaced.count() + spies.changed.count(), 0);
}

void TestCommands::noOpEditPushesNothing()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    const double lip = model.model().findSpecies("LIP")->initialConcentration;
    QVERIFY(ui::pushEdit(stack, model, "same", [lip](Content &c) { return setSpeciesInitial(c, "LIP", lip); }));
    QCOMPARE(stack.count(), 0);
}

void TestCommands::setParameterMergesOneGesture()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    Spies spies(model);
    const double k0 = model.parameterValue("k_dmt1");
    const std::string before = snapshot(model);
    const auto revision0 = model.revision();
    const int gesture = ui::SetParameterCommand::nextGesture();
    for (double v : {1.0, 2.0, 3.0}) stack.push(new ui::SetParameterCommand(model, "k_dmt1", v, gesture));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(model.parameterValue("k_dmt1"), 3.0);
    QCOMPARE(spies.parameter.count(), 3);
    QCOMPARE(spies.parameter.last().at(0).toString(), QString("k_dmt1"));
    QCOMPARE(spies.changed.count(), 3);
    QVERIFY(model.revision() > revision0);
    stack.undo();
    QCOMPARE(model.parameterValue("k_dmt1"), k0);
    QCOMPARE(snapshot(model), before);
    stack.redo();
    QCOMPARE(model.parameterValue("k_dmt1"), 3.0);
    QCOMPARE(spies.replaced.count(), 0);
    // gesture < 0 never merges
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", 4.0));
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", 5.0));
    QCOMPARE(stack.count(), 3);
}

void TestCommands::setParameterSeparateGestures()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    const double k0 = model.parameterValue("k_dmt1");
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", 1.0, ui::SetParameterCommand::nextGesture()));
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", 2.0, ui::SetParameterCommand::nextGesture()));
    const int g = ui::SetParameterCommand::nextGesture();   // same gesture, other parameter: two steps
    stack.push(new ui::SetParameterCommand(model, "k_steap3", 1.0, g));
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", 7.0, g));
    QCOMPARE(stack.count(), 4);
    stack.undo(), stack.undo(), stack.undo();
    QCOMPARE(model.parameterValue("k_dmt1"), 1.0);
    stack.undo();
    QCOMPARE(model.parameterValue("k_dmt1"), k0);
    QCOMPARE(snapshot(model), snapshot(PathwayModel(builtinProject(), DiagramLayout::builtin())));
}

void TestCommands::setParameterDragBackLeavesNoStep()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    const double k0 = model.parameterValue("k_dmt1");
    const int gesture = ui::SetParameterCommand::nextGesture();
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", k0 * 2, gesture));
    stack.push(new ui::SetParameterCommand(model, "k_dmt1", k0, gesture));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(model.parameterValue("k_dmt1"), k0);
}

void TestCommands::moveNodes()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    Spies spies(model);
    const std::string before = snapshot(model);
    const auto revision = model.revision();
    const NodeRef glyph{"fig1", NodeRef::Kind::Glyph, "LIP"}, process{"fig1", NodeRef::Kind::Process, "R5"};
    const QPointF g0 = *model.nodePosition(glyph), p0 = *model.nodePosition(process);
    ui::MoveNodesCommand::Moves moves{{glyph, {g0, g0 + QPointF(10, 5)}}, {process, {p0, p0 - QPointF(3, 4)}}};
    stack.push(new ui::MoveNodesCommand(model, moves));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(*model.nodePosition(glyph), g0 + QPointF(10, 5));
    QCOMPARE(*model.nodePosition(process), p0 - QPointF(3, 4));
    QCOMPARE(spies.moved.count(), 2);
    const std::string after = snapshot(model);
    stack.undo();
    QCOMPARE(*model.nodePosition(glyph), g0);
    QCOMPARE(snapshot(model), before);
    QCOMPARE(spies.moved.count(), 4);
    stack.redo();
    QCOMPARE(snapshot(model), after);
    QCOMPARE(model.revision(), revision);   // positions are not simulated
    QCOMPARE(spies.changed.count() + spies.replaced.count(), 0);
    // a move that ends where it started leaves no step
    stack.push(new ui::MoveNodesCommand(model, {{glyph, {g0, g0}}}));
    QCOMPARE(stack.count(), 1);
}

void TestCommands::moveSourceUndoesExactly()
{
    PathwayModel model(builtinProject(), DiagramLayout::builtin());
    QUndoStack stack;
    const auto &processes = model.layout().figures()[0].processes;
    const auto it = std::find_if(processes.begin(), processes.end(), [](const LayoutProcess &p) { return !p.hasSource; });
    QVERIFY(it != processes.end());
    const NodeRef source{"fig1", NodeRef::Kind::Source, it->reaction};
    const QPointF s0 = *model.nodePosition(source);
    const std::string before = snapshot(model);
    stack.push(new ui::MoveNodesCommand(model, {{source, {s0, s0 + QPointF(20, 0)}}}));
    stack.undo();
    QCOMPARE(snapshot(model), before);
}

QTEST_MAIN(TestCommands)
#include "tst_commands.moc"
