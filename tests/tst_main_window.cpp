// The explorer window end to end, offscreen (issue #4): it opens on a live result; the controls,
// the document and the diagram stay in step; GPX4 knockout raises lipid peroxides; a burst of
// slider moves ends on exactly the final dose; presets, compare mode, baselines, the failure path,
// the exports, the remembered window state, the headless run and the live benchmark.
#include "core/io/project_file.h"
#include "core/scenario/scenario_document.h"
#include "core/scenario/scenario_runner.h"
#include "ui/diagram/diagram_widget.h"
#include "ui/headless_export.h"
#include "ui/live_benchmark.h"
#include "ui/panels/help_dialogs.h"
#include "ui/main_window.h"
#include "ui/panels/evidence_panel.h"
#include "ui/panels/interventions_panel.h"
#include "ui/plots/trajectory_panel.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <ctime>
#include <memory>

using namespace ferroscope;
using ferroscope::core::RunResultPtr;
using ferroscope::ui::InterventionsPanel;
using ferroscope::ui::MainWindow;

namespace {

constexpr int kTimeoutMs = 30000;

/// Waits until the window shows the result of its latest request.
bool settle(MainWindow &w)
{
    QString error;
    const bool ok = ui::waitForLiveResult(w, kTimeoutMs, &error);
    if (!ok) qWarning("settle: %s", qPrintable(error));
    return ok;
}

double valueAtEnd(const RunResultPtr &r, const char *id, int run = 0)
{
    const int k = r->indexOf(id);
    if (k < 0) return std::nan("");
    return r->runs.at(std::size_t(run)).series.at(std::size_t(k)).back();
}

QByteArray head(const QString &path, int n)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(n) : QByteArray();
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void constructsShowsAndRuns()
    {
        MainWindow w;
        QCOMPARE(w.windowTitle(), QString("Built-in iron & heme CSC model[*] — Ferroscope"));
        QVERIFY(!w.isWindowModified());
        QVERIFY(!w.windowIcon().isNull());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.interventionsDock()->isVisible());
        QCOMPARE(w.document().phenotype(), QString("nonCSC"));
        // The offscreen screen is 800 px wide: a laptop layout, evidence tabbed behind the controls,
        // brought to the front by a glyph click but not by the panel's own names.
        QVERIFY(w.tabifiedDockWidgets(w.interventionsDock()).contains(w.evidenceDock()));
        QVERIFY(!w.interventionsDock()->visibleRegion().isEmpty());
        emit w.interventionsPanel()->evidenceRequested("ERA");
        QCOMPARE(w.evidencePanel()->currentId(), QString("ERA"));
        QTest::qWait(50);
        QVERIFY(!w.interventionsDock()->visibleRegion().isEmpty());
        emit w.diagramWidget()->evidenceRequested("GPX4");
        QTest::qWait(50);
        QCOMPARE(w.evidencePanel()->currentId(), QString("GPX4"));
        QVERIFY(!w.evidenceDock()->visibleRegion().isEmpty());
        QVERIFY(w.evidencePanel()->html().contains("GPX4"));
        QVERIFY(settle(w));
        const RunResultPtr r = w.lastResult();
        QCOMPARE(r->runs.size(), std::size_t(1));
        QCOMPARE(r->runs[0].phenotype, QString("nonCSC"));
        QCOMPARE(r->runs[0].times.size(), std::size_t(721));
        QCOMPARE(w.trajectoryPanel()->result(), r);
        QVERIFY(w.statusText().contains("no intervention"));
        QVERIFY(w.statusText().contains(" ms"));
        // Light defaults to a 10-min PDT pulse 4 h in (off until the user switches it on).
        QCOMPARE(w.document().input("IRR").start, 4.0);
        QVERIFY(std::fabs(w.document().input("IRR").end - (4.0 + 10.0 / 60)) < 1e-12);
        QVERIFY(!w.document().input("IRR").enabled);
    }

    void panelAndDocumentStayInStep()
    {
        MainWindow w;
        InterventionsPanel *panel = w.interventionsPanel();
        core::ScenarioDocument &doc = w.document();
        // 17 targets and 22 inputs, each with its controls and an evidence tooltip.
        for (const auto &g : doc.project().genes) {
            const QString id = QString::fromStdString(g.id);
            QVERIFY2(panel->geneSlider(id) && panel->geneStateCombo(id), qPrintable(id));
            QVERIFY(!panel->geneStateCombo(id)->toolTip().isEmpty());
        }
        for (const auto &in : doc.project().inputs) {
            const QString id = QString::fromStdString(in.id);
            QVERIFY2(panel->doseSlider(id) && panel->doseBox(id) && panel->inputCheck(id), qPrintable(id));
            QVERIFY(panel->doseBox(id)->suffix().contains(QString::fromStdString(in.unit)));
            QVERIFY(panel->inputCheck(id)->toolTip().contains("<"));
        }
        // A diagram click cycles the document; the panel follows.
        doc.cycleGene("GPX4");
        QCOMPARE(panel->geneStateCombo("GPX4")->currentIndex(), 1);   // knock-down
        QCOMPARE(panel->geneSlider("GPX4")->value(), InterventionsPanel::genePositionFor(0.2));
        QCOMPARE(panel->geneValueLabel("GPX4")->text(), QString("×0.20"));
        // The slider writes the document while it moves.
        panel->geneSlider("GPX4")->setValue(InterventionsPanel::genePositionFor(3.0));
        QCOMPARE(doc.gene("GPX4"), 3.0);
        QCOMPARE(panel->geneStateCombo("GPX4")->currentIndex(), 3);   // overexpressed
        panel->geneSlider("GPX4")->setValue(600);
        QCOMPARE(panel->geneStateCombo("GPX4")->currentIndex(), 4);   // graded
        // Dragging a dose switches the drug on; the box shows the dose in its unit.
        QSlider *era = panel->doseSlider("ERA");
        era->setValue(InterventionsPanel::kSliderSteps);
        QVERIFY(doc.input("ERA").enabled);
        QCOMPARE(doc.input("ERA").dose, 20.0);
        QVERIFY(panel->inputCheck("ERA")->isChecked());
        QCOMPARE(panel->doseBox("ERA")->value(), 20.0);
        panel->doseBox("ERA")->setValue(5.0);
        QCOMPARE(doc.input("ERA").dose, 5.0);
        panel->windowEndBox("ERA")->setValue(24.0);
        QCOMPARE(doc.input("ERA").end, 24.0);
        panel->windowEndBox("ERA")->setValue(0.0);   // "end"
        QCOMPARE(doc.input("ERA").end, -1.0);
        panel->inputCheck("ERA")->click();
        QVERIFY(!doc.input("ERA").enabled);
        // Phenotype and compare, both ways.
        panel->phenotypeButton("CSC")->click();
        QCOMPARE(doc.phenotype(), QString("CSC"));
        doc.setPhenotype("nonCSC");
        QVERIFY(panel->phenotypeButton("nonCSC")->isChecked());
        doc.setCompare(true);
        QVERIFY(panel->compareButton()->isChecked());
        // Log dose mapping over decades; gene mapping hits the named states exactly.
        QVERIFY(InterventionsPanel::logScale(0.1, 20));
        QCOMPARE(InterventionsPanel::dosePositionFor(20, 0.1, 20), InterventionsPanel::kSliderSteps);
        QCOMPARE(InterventionsPanel::geneMultiplierAt(InterventionsPanel::genePositionFor(0.2)), 0.2);
        QCOMPARE(InterventionsPanel::geneMultiplierAt(0), 0.0);
        QCOMPARE(InterventionsPanel::geneMultiplierAt(InterventionsPanel::kSliderSteps), 5.0);
        // Evidence: a glyph click shows its card.
        emit w.diagramWidget()->evidenceRequested("GPX4");
        QCOMPARE(w.evidencePanel()->currentId(), QString("GPX4"));
        QVERIFY(settle(w));
    }

    void gpx4KnockoutRaisesLipidPeroxides()
    {
        MainWindow w;
        QVERIFY(settle(w));
        const double before = valueAtEnd(w.lastResult(), "LOOH");
        w.document().setGene("GPX4", 0.0);
        QVERIFY(settle(w));
        const double after = valueAtEnd(w.lastResult(), "LOOH");
        QVERIFY2(after > 1.5 * before, qPrintable(QString("LOOH at 72 h: %1 -> %2").arg(before).arg(after)));
        QCOMPARE(w.lastResult()->runs[0].times.back(), 72.0);
        // The curve the user sees is the new one.
        QCOMPARE(w.trajectoryPanel()->result(), w.lastResult());
    }

    void burstOfSliderMovesEndsOnTheFinalDose()
    {
        MainWindow w;
        QVERIFY(settle(w));
        QSignalSpy shown(&w, &MainWindow::resultShown);
        QSlider *era = w.interventionsPanel()->doseSlider("ERA");
        for (int i = 1; i <= 20; ++i) era->setValue(100 + 37 * i);   // no event processing between
        const std::uint64_t last = w.requestedGeneration();
        QVERIFY(settle(w));
        QTRY_VERIFY_WITH_TIMEOUT(!w.simulationBusy(), kTimeoutMs);
        QTest::qWait(50);   // nothing older may arrive afterwards
        const RunResultPtr result = w.lastResult();
        QCOMPARE(result->generation, last);
        QCOMPARE(shown.last().at(0).value<RunResultPtr>(), result);
        std::uint64_t previous = 0;
        for (const auto &args : shown) {   // shown results only ever move forward
            const auto g = args.at(0).value<RunResultPtr>()->generation;
            QVERIFY(g > previous);
            previous = g;
        }
        QVERIFY(shown.count() < 20);   // stale requests were coalesced, not drawn
        QCOMPARE(result->summary, w.document().summary());

        // Equal to a direct simulation of the final state of the document.
        auto runner = core::ScenarioRunner::create(w.document().project());
        QVERIFY(runner);
        auto resolved = (*runner)->resolve(w.document().scenario());
        QVERIFY(resolved);
        auto tape = (*runner)->model().observerTape(result->ids, {});
        QVERIFY(tape);
        const auto direct = (*runner)->run(*resolved, &*tape);
        const auto &run = result->runs.at(0);
        QCOMPARE(run.times.size(), direct.times.size());
        for (std::size_t k = 0; k < result->ids.size(); ++k)
            for (std::size_t row = 0; row < run.times.size(); row += 10) {
                const double a = run.series[k][row], b = direct.at(row, k);
                QVERIFY2(std::fabs(a - b) <= 1e-9 * std::max(1e-12, std::fabs(b)) || std::fabs(a - b) < 1e-15,
                         qPrintable(QString("%1 at row %2: %3 vs %4")
                                        .arg(QString::fromStdString(result->ids[k])).arg(row).arg(a).arg(b)));
            }
    }

    void presetsApplyTheirInterventions()
    {
        MainWindow w;
        QVERIFY(settle(w));
        const RunResultPtr before = w.lastResult();
        InterventionsPanel *panel = w.interventionsPanel();
        QComboBox *presets = panel->presetCombo();
        const int erastin = presets->findData("erastin");
        QVERIFY(erastin >= 0);
        QVERIFY(!presets->itemData(erastin, Qt::ToolTipRole).toString().isEmpty());
        presets->setCurrentIndex(erastin);
        panel->applyPresetButton()->click();
        QVERIFY(w.document().input("ERA").enabled);
        QCOMPARE(w.document().input("ERA").dose, 10.0);
        QVERIFY(panel->inputCheck("ERA")->isChecked());
        QCOMPARE(panel->doseBox("ERA")->value(), 10.0);
        QVERIFY(settle(w));
        QVERIFY(w.lastResult() != before);
        QVERIFY(valueAtEnd(w.lastResult(), "GSH") < 0.9 * valueAtEnd(before, "GSH"));   // xCT blocked
        QVERIFY(w.lastResult()->summary.contains("erastin"));

        // The Scenario menu/toolbar actions do the same; a preset clears the previous one.
        QAction *pdt = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->data().toString() == "ala_pdt") pdt = a;
        QVERIFY(pdt);
        pdt->trigger();
        QVERIFY(!w.document().input("ERA").enabled);
        QVERIFY(w.document().input("ALA_ext").enabled);
        QVERIFY(w.document().input("IRR").enabled);
        QCOMPARE(w.document().input("IRR").start, 4.0);
        QVERIFY(settle(w));
        QVERIFY(valueAtEnd(w.lastResult(), "PpIX") > valueAtEnd(before, "PpIX"));
        QCOMPARE(w.evidencePanel()->currentId(), QString("ala_pdt"));
        QCOMPARE(presets->currentData().toString(), QString("ala_pdt"));   // the combo follows
        panel->doseSlider("ALA_ext")->setValue(100);                        // no longer the preset
        QCOMPARE(presets->currentIndex(), -1);
    }

    void customPlotOfChosenIds()
    {
        MainWindow w;
        QVERIFY(settle(w));
        const auto before = w.trajectoryPanel()->shownPanels().size();
        w.addCustomPlot({"LIP", "Fe_lys", "FeR"}, "My iron plot");
        const auto shown = w.trajectoryPanel()->shownPanels();
        QCOMPARE(shown.size(), before + 1);
        QCOMPARE(shown.back().title, QString("My iron plot"));
        QCOMPARE(shown.back().series.size(), std::size_t(3));
        QVERIFY(w.trajectoryPanel()->plotFor("My iron plot") != nullptr);
    }

    void compareModeRunsBothPhenotypes()
    {
        MainWindow w;
        QVERIFY(settle(w));
        w.interventionsPanel()->compareButton()->click();
        QVERIFY(w.document().compare());
        QVERIFY(settle(w));
        const RunResultPtr r = w.lastResult();
        QCOMPARE(r->runs.size(), std::size_t(2));
        QCOMPARE(r->runs[0].phenotype, QString("nonCSC"));
        QCOMPARE(r->runs[1].phenotype, QString("CSC"));
        QVERIFY(valueAtEnd(r, "Stem", 1) > valueAtEnd(r, "Stem", 0));   // CSCs are the stem-like ones
        QAction *compare = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->shortcut() == QKeySequence("Ctrl+K")) compare = a;
        QVERIFY(compare && compare->isChecked());
        compare->trigger();
        QVERIFY(!w.document().compare());
        QVERIFY(settle(w));
        QCOMPARE(w.lastResult()->runs.size(), std::size_t(1));
    }

    void pinnedSnapshotBecomesTheBaseline()
    {
        MainWindow w;
        QVERIFY(settle(w));
        QSignalSpy baseline(&w, &MainWindow::baselineShown);
        w.pinSnapshot();
        QTRY_VERIFY_WITH_TIMEOUT(baseline.count() == 1, kTimeoutMs);
        QVERIFY(w.trajectoryPanel()->baseline());
        QCOMPARE(w.trajectoryPanel()->baseline()->runs.size(), std::size_t(1));
        w.document().setCompare(true);   // the baseline follows the mode: both phenotypes
        QTRY_VERIFY_WITH_TIMEOUT(baseline.count() == 2, kTimeoutMs);
        QCOMPARE(w.trajectoryPanel()->baseline()->runs.size(), std::size_t(2));
        w.document().setActiveBaseline(-1);
        QVERIFY(!w.trajectoryPanel()->baseline());
        // The Baselines menu: pick the snapshot again, then clear them all (from inside the menu).
        auto menuAction = [&w](const QString &text) -> QAction * {
            for (QAction *a : w.findChildren<QAction *>())
                if (a->text() == text) return a;
            return nullptr;
        };
        QVERIFY(menuAction("Snapshot 1"));
        menuAction("Snapshot 1")->trigger();
        QCOMPARE(w.document().activeBaseline(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(w.trajectoryPanel()->baseline(), kTimeoutMs);
        menuAction("Clear all baselines")->trigger();
        QVERIFY(w.document().snapshots().empty());
        QVERIFY(!w.trajectoryPanel()->baseline());
        QTest::qWait(20);   // the old menu entries are deleted later, safely
        QVERIFY(!menuAction("Snapshot 1"));
        QVERIFY(settle(w));
    }

    void failureKeepsTheLastGoodCurves()
    {
        MainWindow w;
        QVERIFY(settle(w));
        const RunResultPtr good = w.lastResult();
        QSignalSpy failed(&w, &MainWindow::runFailedShown);
        core::Scenario bad = w.document().scenario();
        bad.phenotype = "no_such_phenotype";
        w.requestRun({bad}, "bad");
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, kTimeoutMs);
        QCOMPARE(w.lastResult(), good);
        QCOMPARE(w.trajectoryPanel()->result(), good);
        QVERIFY(w.trajectoryPanel()->isStale());
        QVERIFY2(w.statusText().contains("stale: "), qPrintable(w.statusText()));
        // The next good run clears it.
        w.document().setGene("NRF2", 0.2);
        QVERIFY(settle(w));
        QVERIFY(!w.trajectoryPanel()->isStale());
        QVERIFY(!w.statusText().contains("stale"));
    }

    void exportsWriteValidFiles()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.document().setCompare(true);
        QVERIFY(settle(w));
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath("plots.png"), svg = dir.filePath("plots.svg"), pdf = dir.filePath("plots.pdf");
        QVERIFY2(w.exportPlots(png, &error), qPrintable(error));
        QVERIFY2(w.exportPlots(svg, &error), qPrintable(error));
        QVERIFY2(w.exportPlots(pdf, &error), qPrintable(error));
        QCOMPARE(QImage(png).size(), QSize(3840, 2160));
        QVERIFY(head(svg, 4000).contains("<svg"));
        QVERIFY(head(svg, 4000).contains("viewBox=\"0 0 1920 1080\""));
        QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
        QVERIFY(QFileInfo(pdf).size() > 2000);

        const QString diagram = dir.filePath("diagram.png");
        QVERIFY2(w.exportDiagram(diagram, &error), qPrintable(error));
        const QImage d(diagram);
        QCOMPARE(d.width(), 3840);
        QVERIFY(d.height() > 500);
        QVERIFY2(w.exportDiagram(dir.filePath("diagram.svg"), &error), qPrintable(error));
        QVERIFY2(w.exportDiagram(dir.filePath("diagram.pdf"), &error), qPrintable(error));
        QCOMPARE(head(dir.filePath("diagram.pdf"), 5), QByteArray("%PDF-"));

        const QString slide = dir.filePath("slide.png");
        QVERIFY2(w.exportSlide(slide, &error), qPrintable(error));
        QCOMPARE(QImage(slide).size(), QSize(3840, 2160));
        QVERIFY2(w.exportSlide(dir.filePath("slide.pdf"), &error), qPrintable(error));

        const QString csv = dir.filePath("trajectories.csv");
        QVERIFY2(w.exportCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.first().startsWith("time,"));
        QVERIFY(lines.first().contains("LOOH"));
        QVERIFY(lines.size() >= 722);

        QVERIFY(!w.exportPlots(dir.filePath("plots.bmp"), &error));   // unknown type: an error, no file
        QVERIFY(!error.isEmpty());
    }

    void windowStateIsRemembered()
    {
        QSize size;
        QList<int> split;
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1280, 760);
            w.splitter()->setSizes({200, 400});
            QTest::qWait(20);
            size = w.size();
            split = w.splitter()->sizes();
            w.evidenceDock()->hide();
            for (QAction *a : w.findChildren<QAction *>())   // View > Plot panels
                if (a->text() == "Iron proteins" && a->isCheckable()) a->setChecked(false);
            QVERIFY(!w.trajectoryPanel()->visiblePanels().contains("Iron proteins"));
            QVERIFY(w.trajectoryPanel()->visiblePanels().contains("Iron pools"));
            w.close();   // saves
            QVERIFY(settle(w));
        }
        MainWindow again;
        again.restoreSettings();
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size);
        QCOMPARE(again.splitter()->sizes(), split);
        QVERIFY(!again.evidenceDock()->isVisible());
        QVERIFY(!again.trajectoryPanel()->visiblePanels().contains("Iron proteins"));
        QVERIFY(again.trajectoryPanel()->visiblePanels().contains("Iron pools"));
        QVERIFY(settle(again));
        QSettings("Ferroscope", "Ferroscope").clear();
    }

    /// A window left alone must go idle at any size: no layout ping-pong (a fit-to-view that
    /// toggles scroll bars that re-fit…) burning a core in a lecture hall laptop.
    void idleAtAnySize()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(settle(w));
        const QSize sizes[] = {{1600, 1000}, {1366, 768}, {1920, 1080}, {1280, 720}, {1024, 700}, {1500, 950}};
        for (const QSize &size : sizes) {
            w.resize(size);
            QTest::qWait(300);   // layout settles
            const std::clock_t before = std::clock();
            QTest::qWait(700);
            const double cpuMs = 1000.0 * double(std::clock() - before) / CLOCKS_PER_SEC;
            QVERIFY2(cpuMs < 250, qPrintable(QString("%1×%2: %3 ms CPU in 700 ms idle")
                                                 .arg(size.width()).arg(size.height()).arg(cpuMs)));
        }
    }

    void headlessRunWritesItsFolder()
    {
        MainWindow w;
        QTemporaryDir dir;
        QStringList written;
        QString error;
        QVERIFY2(ui::writeHeadlessOutputs(w, dir.filePath("out"), &written, &error), qPrintable(error));
        QVERIFY(written.size() >= 9);
        for (const QString &path : written) QVERIFY2(QFileInfo(path).size() > 100, qPrintable(path));
        QVERIFY(written.join(' ').contains("ferroscope-default-slide.png"));
        QVERIFY(written.join(' ').contains("ferroscope-erastin-plots.png"));
    }

    /// Not a check: with FERROSCOPE_SCREENSHOT_DIR set (and an offscreen screen of the wanted size,
    /// QT_QPA_PLATFORM="offscreen:configfile=screen.json"), saves the window in single mode, in
    /// compare mode with a preset, and with a pinned baseline, for looking at and for the README.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("FERROSCOPE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("FERROSCOPE_SCREENSHOT_DIR not set");
        const QString tag = qEnvironmentVariable("FERROSCOPE_SCREENSHOT_TAG", "shot");
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(settle(w));
        QTest::qWait(300);
        QVERIFY(w.grab().save(QDir(dir).filePath(tag + "-single.png")));
        w.document().applyTherapy("erastin");
        w.interventionsPanel()->revealControl("ERA");
        w.document().setCompare(true);
        QVERIFY(settle(w));
        QTest::qWait(300);
        QVERIFY(w.grab().save(QDir(dir).filePath(tag + "-compare.png")));
        w.pinSnapshot();
        w.document().setGene("GPX4", 0.2);
        emit w.diagramWidget()->evidenceRequested("GPX4");
        QVERIFY(settle(w));
        QTest::qWait(600);
        QVERIFY(w.grab().save(QDir(dir).filePath(tag + "-baseline.png")));
        w.document().setActiveBaseline(-1);
        w.document().setCompare(false);
        w.document().setPhenotype("CSC");
        w.document().applyTherapy("ala_pdt_ko143");
        w.interventionsPanel()->revealControl("IRR");
        w.diagramWidget()->setCurrentFigure(1);
        QVERIFY(settle(w));
        QTest::qWait(300);
        QVERIFY(w.grab().save(QDir(dir).filePath(tag + "-pdt.png")));
        QDialog *legend = ui::createDiagramLegendDialog(&w);
        legend->show();
        QVERIFY(QTest::qWaitForWindowExposed(legend));
        QVERIFY(legend->grab().save(QDir(dir).filePath(tag + "-legend.png")));
        legend->close();
    }

    void liveBenchmarkMeasuresFrames()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const ui::LiveBenchmarkResult r = ui::measureLiveLatency(w, 12);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.frames, 12);
        QVERIFY(r.p50 > 0 && r.p50 <= r.p95 && r.p95 <= r.max);
        QVERIFY(w.document().compare());
        QVERIFY(r.json().startsWith("{\"p50_ms\":"));
        QVERIFY(r.json().contains("\"frames\":12"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
