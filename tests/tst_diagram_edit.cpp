// Editing on the diagram of a live window, end to end (issue #5 §1, §3): mouse clicks with the
// edit tools add a species and its synthesis/degradation, parameter edits and a regulation arc
// re-simulate through the live path, and the pre-equilibrated level matches the closed-form
// steady state; delete and undo restore everything. Offscreen; GUI thread.
#include "core/model/model_spec.h"
#include "core/model/pathway_model.h"
#include "core/scenario/scenario_document.h"
#include "ui/commands/set_parameter_command.h"
#include "ui/diagram/diagram_editor.h"
#include "ui/diagram/diagram_view.h"
#include "ui/diagram/diagram_widget.h"
#include "ui/diagram/glyph_items.h"
#include "ui/diagram/pathway_scene.h"
#include "ui/document/project_document.h"
#include "ui/main_window.h"
#include "ui/panels/inspector_panel.h"

#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace ferroscope;
using ui::EditTool;

class TestDiagramEdit : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::PathwayScene *scene() { return m_window->diagramWidget()->scene(0); }
    ui::DiagramView *view() { return m_window->diagramWidget()->view(0); }
    core::PathwayModel &model() { return m_window->projectDocument().model(); }

    void click(QPointF scenePos)
    {
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->mapFromScene(scenePos));
    }

    /// A point of the figure near `from` where no node is (for ∅ ends).
    QPointF emptyNear(QPointF from)
    {
        for (int r = 60; r < 600; r += 20)
            for (int a = 0; a < 16; ++a) {
                const QPointF p = from + QPointF(r * std::cos(a * M_PI / 8), r * std::sin(a * M_PI / 8));
                if (!scene()->figureRect().contains(p)) continue;
                bool free = true;
                for (QGraphicsItem *item : scene()->items(QRectF(p - QPointF(30, 30), QSizeF(60, 60))))
                    if (dynamic_cast<ui::DiagramNode *>(item)) free = false;
                if (free) return p;
            }
        return {};
    }

    ui::GlyphItem *glyphOf(const QString &ref)
    {
        for (ui::GlyphItem *g : scene()->glyphs())
            if (g->ref() == ref) return g;
        return nullptr;
    }

    /// Waits for the live result of the latest request and returns the first and last value of id.
    std::pair<double, double> settledValue(const std::string &id)
    {
        auto settled = [this] {
            return m_window->lastResult() && m_window->lastResult()->generation == m_window->requestedGeneration() &&
                   !m_window->simulationBusy();
        };
        if (!QTest::qWaitFor(settled, 20000)) return {NAN, NAN};
        const auto &result = *m_window->lastResult();
        const int k = result.indexOf(id);
        if (k < 0) return {NAN, NAN};
        const auto &series = result.runs.front().series[std::size_t(k)];
        return {series.front(), series.back()};
    }

    std::vector<std::string> reactionsWith(const std::string &species) const
    {
        std::vector<std::string> out;
        for (const auto &r : m_window->projectDocument().model().model().reactions) {
            bool uses = false;
            for (const auto &ref : r.reactants) uses |= ref.species == species;
            for (const auto &ref : r.products) uses |= ref.species == species;
            if (uses) out.push_back(r.id);
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        qputenv("FERROSCOPE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath("recovery")));
        m_window = std::make_unique<ui::MainWindow>();
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->diagramWidget()->setCurrentFigure(0);
        m_window->diagramEditor()->setNamePrompt([](const QString &, const QString &, const QString &) {
            return QStringLiteral("Xprot");
        });
        m_window->diagramEditor()->setConfirm([](const QString &) { return true; });
        connect(m_window->diagramEditor(), &ui::DiagramEditor::message, this, [](const QString &m) { qDebug() << m; });
        connect(m_window->diagramWidget(), &ui::DiagramWidget::toolMessage, this, [](const QString &m) { qDebug() << m; });
        settledValue("LIP");
    }

    void addSpeciesAndReactionsByClicking()
    {
        ui::GlyphItem *lip = glyphOf("LIP");
        QVERIFY(lip);
        const std::string lipCompartment = model().model().findSpecies("LIP")->compartment;
        m_window->diagramWidget()->setTool(EditTool::AddSpecies);
        const QPointF at = emptyNear(lip->scenePos());
        QVERIFY(!at.isNull());
        const QString expectedCompartment = scene()->compartmentAt(at);
        click(at);
        const core::Species *x = model().model().findSpecies("Xprot");
        QVERIFY(x);
        QCOMPARE(QString::fromStdString(x->compartment), expectedCompartment.isEmpty()
                                                            ? QString::fromStdString(model().model().compartments.front().id)
                                                            : expectedCompartment);
        Q_UNUSED(lipCompartment);
        ui::GlyphItem *glyph = glyphOf("Xprot");
        QVERIFY(glyph);
        // the click lands on a pixel: at the fitted zoom that is within a few scene units
        QVERIFY(QLineF(glyph->scenePos(), at).length() < 3.0);

        // ∅ -> X (synthesis), then X -> ∅ (degradation): two clicks each
        m_window->diagramWidget()->setTool(EditTool::AddReaction);
        const QPointF empty = emptyNear(glyph->scenePos());
        click(empty);
        QCOMPARE(scene()->pendingRef(), QStringLiteral("∅"));
        click(glyphOf("Xprot")->scenePos());
        click(glyphOf("Xprot")->scenePos());
        QCOMPARE(scene()->pendingRef(), QStringLiteral("Xprot"));
        click(emptyNear(glyphOf("Xprot")->scenePos()));
        QCOMPARE(reactionsWith("Xprot").size(), std::size_t(2));
        QCOMPARE(m_window->undoStack().count(), 3);
        // each reaction has a process node on the diagram
        for (const std::string &r : reactionsWith("Xprot")) QVERIFY(scene()->process(QString::fromStdString(r)));
    }

    void liveSteadyStateFollowsParameterEdits()
    {
        // d[X]/dt = k_syn - k_deg [X]: the pre-equilibrated level is k_syn / k_deg at all times.
        std::string syn, deg;
        for (const std::string &r : reactionsWith("Xprot"))
            (model().model().findReaction(r)->reactants.empty() ? syn : deg) = r;
        QVERIFY(!syn.empty() && !deg.empty());
        auto [x0, x1] = settledValue("Xprot");
        QVERIFY2(std::abs(x0 - 1.0) < 1e-3 && std::abs(x1 - 1.0) < 1e-3, qPrintable(QString::number(x1)));
        const std::string kSyn = "k_" + syn;
        QVERIFY(model().model().findParameter(kSyn));
        m_window->undoStack().push(new ui::SetParameterCommand(model(), kSyn, 0.3));
        std::tie(x0, x1) = settledValue("Xprot");
        QVERIFY2(std::abs(x1 - 3.0) < 3e-3, qPrintable(QString::number(x1)));
        m_window->undoStack().undo();
        std::tie(x0, x1) = settledValue("Xprot");
        QVERIFY2(std::abs(x1 - 1.0) < 1e-3, qPrintable(QString::number(x1)));

        // X inhibits its own synthesis (K = 1, n = 1): 0.1/(1+X) = 0.1 X  =>  X = (√5 − 1)/2
        m_window->diagramWidget()->setRegulationClass(ui::ArcClass::Inhibition);
        QCOMPARE(m_window->diagramWidget()->tool(), EditTool::AddRegulation);
        click(glyphOf("Xprot")->scenePos());
        click(scene()->process(QString::fromStdString(syn))->scenePos());
        const auto &mods = model().model().findReaction(syn)->modifiers;
        QVERIFY(std::find(mods.begin(), mods.end(), "Xprot") != mods.end());
        std::tie(x0, x1) = settledValue("Xprot");
        QVERIFY2(std::abs(x1 - (std::sqrt(5.0) - 1) / 2) < 1e-3, qPrintable(QString::number(x1)));
        // and the arc is drawn as an inhibition onto the process
        bool arc = false;
        for (ui::ArcItem *a : scene()->arcs())
            arc |= a->from() == glyphOf("Xprot") && a->to() == scene()->process(QString::fromStdString(syn)) &&
                   a->arcClass() == ui::ArcClass::Inhibition;
        QVERIFY(arc);
    }

    void selectMoveDeleteAndUndo()
    {
        m_window->diagramWidget()->setTool(EditTool::Select);
        ui::GlyphItem *glyph = glyphOf("Xprot");
        QVERIFY(glyph);
        const QPointF start = glyph->scenePos();
        // drag by (40, 30): one undo step, the model position follows
        const int steps = m_window->undoStack().count();
        QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, view()->mapFromScene(start));
        QTest::mouseMove(view()->viewport(), view()->mapFromScene(start + QPointF(20, 15)));
        QTest::mouseMove(view()->viewport(), view()->mapFromScene(start + QPointF(40, 30)));
        QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, view()->mapFromScene(start + QPointF(40, 30)));
        QCOMPARE(m_window->undoStack().count(), steps + 1);
        const auto *g = model().layout().figures().front().findGlyph(QStringLiteral("Xprot"));
        QVERIFY(g);
        QVERIFY(QLineF(glyphOf("Xprot")->scenePos(), start + QPointF(40, 30)).length() < 2.0);
        QCOMPARE(m_window->inspectorPanel()->currentId(), QStringLiteral("Xprot"));
        m_window->undoStack().undo();
        QVERIFY(QLineF(glyphOf("Xprot")->scenePos(), start).length() < 1e-6);

        // delete X: its reactions go too (the confirmation is answered yes), the model still runs
        glyphOf("Xprot")->setSelected(true);
        QTest::keyClick(view()->viewport(), Qt::Key_Delete);
        QVERIFY(!model().model().findSpecies("Xprot"));
        QVERIFY(reactionsWith("Xprot").empty());
        QVERIFY(!glyphOf("Xprot"));
        auto [lip0, lip1] = settledValue("LIP");
        QVERIFY(std::isfinite(lip1));
        m_window->undoStack().undo();
        QVERIFY(model().model().findSpecies("Xprot"));
        QCOMPARE(reactionsWith("Xprot").size(), std::size_t(2));
        auto [x0, x1] = settledValue("Xprot");
        QVERIFY2(std::abs(x1 - (std::sqrt(5.0) - 1) / 2) < 1e-3, qPrintable(QString::number(x1)));
    }

    void screenshot()
    {
        const QByteArray dir = qgetenv("FERROSCOPE_EDIT_SHOTS");
        if (dir.isEmpty()) QSKIP("set FERROSCOPE_EDIT_SHOTS=<dir> to write screenshots");
        m_window->diagramWidget()->setTool(EditTool::Select);
        glyphOf("Xprot")->setSelected(true);
        m_window->inspectorPanel()->showElement(QString::fromStdString(reactionsWith("Xprot").front()));
        m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->raise();
        settledValue("Xprot");
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dir) + "/editing.png"));
        // a hand-routed glyph moved far: how do its arcs look?
        ui::GlyphItem *lip = glyphOf("LIP");
        const auto ref = scene()->nodeRef(lip);
        QVERIFY(ref);
        const QPointF from = *model().nodePosition(*ref);
        m_window->diagramEditor()->moveNodes({{*ref, {from, from + QPointF(120, 90)}}});
        QTest::qWait(200);
        QVERIFY(m_window->diagramWidget()->grab().save(QString::fromLocal8Bit(dir) + "/moved.png"));
        m_window->undoStack().undo();
    }

    void cleanupTestCase()
    {
        m_window->projectDocument().undoStack().setClean();
        m_window.reset();
    }
};

QTEST_MAIN(TestDiagramEdit)
#include "tst_diagram_edit.moc"
