// Latest-request-wins live simulation (STYLE.md §5): a burst gives one result equal to a direct
// run of the last request; failures are reported, not thrown; the document drives scenarios.
#include "core/io/project_file.h"
#include "core/scenario/scenario_document.h"
#include "core/scenario/scenario_runner.h"
#include "core/sim/simulation_controller.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace ferroscope::core;

namespace {

Scenario withErastin(double dose)
{
    Scenario sc;
    sc.phenotype = "CSC";
    sc.inputs.push_back(InputDose{"ERA", dose, 0, -1});
    sc.end = 48;
    sc.steps = 48;
    return sc;
}

}  // namespace

class TestSimulationController : public QObject {
    Q_OBJECT
private slots:
    void burstGivesOneFinalResult()
    {
        SimulationController controller(builtinProject());
        QSignalSpy results(&controller, &SimulationController::resultReady);
        QSignalSpy busy(&controller, &SimulationController::busyChanged);
        std::uint64_t last = 0;
        for (int i = 1; i <= 25; ++i) last = controller.request({withErastin(0.2 * i)}, QString::number(i));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY(results.count() >= 1);
        auto result = results.last().at(0).value<RunResultPtr>();
        QCOMPARE(result->generation, last);
        QCOMPARE(result->summary, QString("25"));
        // Only the latest generation is ever published: the running request was stale, the rest coalesced.
        QCOMPARE(results.count(), 1);
        QCOMPARE(busy.count(), 2);   // busy once, idle once

        // Equal to a direct simulation of the final request.
        auto runner = ScenarioRunner::create(builtinProject());
        QVERIFY(runner);
        auto resolved = (*runner)->resolve(withErastin(5.0));
        QVERIFY(resolved);
        auto tape = (*runner)->model().observerTape(result->ids, {});
        auto direct = (*runner)->run(*resolved, &*tape);
        const int v = result->indexOf("Viability");
        const int gsh = result->indexOf("GSH");
        QVERIFY(v >= 0 && gsh >= 0);
        const auto &run = result->runs.at(0);
        QCOMPARE(run.times.size(), direct.times.size());
        for (std::size_t r = 0; r < run.times.size(); ++r) {
            QVERIFY(std::fabs(run.series[v][r] - direct.at(r, v)) <= 1e-9 * (1 + std::fabs(direct.at(r, v))));
            QVERIFY(std::fabs(run.series[gsh][r] - direct.at(r, gsh)) <= 1e-9 * std::fabs(direct.at(r, gsh)));
        }
    }

    void changeMidRunWins()
    {
        SimulationController controller(builtinProject());
        QSignalSpy results(&controller, &SimulationController::resultReady);
        controller.request({withErastin(1.0)}, "first");
        QTest::qWait(1);
        const auto second = controller.request({withErastin(8.0)}, "second");
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QVERIFY(!results.isEmpty());
        QCOMPARE(results.last().at(0).value<RunResultPtr>()->generation, second);
        QCOMPARE(results.last().at(0).value<RunResultPtr>()->summary, QString("second"));
    }

    void failureIsReported()
    {
        SimulationController controller(builtinProject());
        QSignalSpy failed(&controller, &SimulationController::runFailed);
        QSignalSpy results(&controller, &SimulationController::resultReady);
        Scenario bad;
        bad.genes["NoSuchGene"] = 0.5;
        controller.request({bad}, "bad");
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.last().at(1).toString().contains("NoSuchGene"));
        QCOMPARE(results.count(), 0);
        // The controller keeps working after a failure.
        controller.request({withErastin(1.0)}, "ok");
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QCOMPARE(results.count(), 1);
    }

    void compareRunsBothPhenotypes()
    {
        SimulationController controller(builtinProject());
        QSignalSpy results(&controller, &SimulationController::resultReady);
        ScenarioDocument doc(builtinProject());
        doc.setCompare(true);
        controller.request({doc.scenario("nonCSC"), doc.scenario("CSC")}, doc.summary());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 20000);
        QCOMPARE(results.count(), 1);
        auto r = results.last().at(0).value<RunResultPtr>();
        QCOMPARE(r->runs.size(), std::size_t(2));
        const int lip = r->indexOf("LIP");
        QVERIFY(r->runs[1].series[lip].back() > 1.3 * r->runs[0].series[lip].back());   // CSC hold more iron
    }

    void documentSignalsAndSummary()
    {
        ScenarioDocument doc(builtinProject());
        QSignalSpy changed(&doc, &ScenarioDocument::scenarioChanged);
        doc.cycleGene("GPX4");
        QCOMPARE(doc.gene("GPX4"), 0.2);
        doc.cycleGene("GPX4");
        QCOMPARE(doc.gene("GPX4"), 0.0);
        doc.cycleGene("GPX4");
        QCOMPARE(doc.gene("GPX4"), 3.0);
        doc.cycleGene("GPX4");
        QCOMPARE(doc.gene("GPX4"), 1.0);
        QCOMPARE(changed.count(), 4);
        doc.setGene("GPX4", 1.0);                 // no change, no signal
        QCOMPARE(changed.count(), 4);
        doc.setInputDose("ERA", 5);               // disabled input: no run needed
        QCOMPARE(changed.count(), 4);
        doc.setInputEnabled("ERA", true);
        QCOMPARE(changed.count(), 5);
        QVERIFY(doc.summary().contains("5"));
        doc.setInputDose("ERA", -1);              // rejected
        QCOMPARE(doc.input("ERA").dose, 5.0);
        doc.applyTherapy("ala_pdt");
        QCOMPARE(changed.count(), 6);
        QVERIFY(doc.input("ALA_ext").enabled);
        QVERIFY(doc.input("IRR").enabled);
        QVERIFY(!doc.input("ERA").enabled);
        const Scenario sc = doc.scenario();
        QCOMPARE(sc.inputs.size(), std::size_t(2));
        doc.pinSnapshot("PDT");
        QCOMPARE(doc.snapshots().size(), std::size_t(1));
        QCOMPARE(doc.activeBaseline(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulationController)
#include "tst_simulation_controller.moc"
