// TrajectoryPanel, PanelSpec and SlideExporter on results of the real built-in model (issue #4
// §4, §5, §7): every default panel gets its curves, compare mode overlays CSC with a ratio
// read-out that matches the data, baselines are dashed, a failure keeps the curves, setResult()
// is fast, and PNG/SVG/PDF/CSV exports and the 16:9 slide have the sizes and text sizes asked for.
// Set FERROSCOPE_SHOTS=<dir> to also save screenshots there for looking at them.
#include "core/io/project_file.h"
#include "core/scenario/scenario_runner.h"
#include "core/sim/run_result.h"
#include "ui/export/slide_exporter.h"
#include "ui/plots/plot_spec.h"
#include "ui/plots/trajectory_panel.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace ferroscope;
using ferroscope::ui::PanelSpec;
using ferroscope::ui::SlideExporter;
using ferroscope::ui::TrajectoryPanel;

namespace {

class Simulator {
public:
    Simulator()
    {
        auto runner = core::ScenarioRunner::create(core::builtinProject());
        if (!runner) qFatal("ScenarioRunner::create failed: %s", runner.errorText().c_str());
        m_runner = std::move(*runner);
        for (const auto &s : m_runner->model().states) m_ids.push_back(s.id);
        for (const auto &r : m_runner->project().readouts) m_ids.push_back(r);
        auto tape = m_runner->model().observerTape(m_ids, {});
        if (!tape) qFatal("observerTape failed: %s", tape.errorText().c_str());
        m_tape = std::make_unique<core::expr::Tape>(std::move(*tape));
    }

    core::RunResultPtr run(const std::vector<std::string> &phenotypes, core::Scenario scenario = {})
    {
        auto result = std::make_shared<core::RunResult>();
        result->ids = m_ids;
        for (const std::string &phenotype : phenotypes) {
            scenario.phenotype = phenotype;
            auto resolved = m_runner->resolve(scenario);
            if (!resolved) qFatal("resolve failed: %s", resolved.errorText().c_str());
            const core::SimulationResult sim = m_runner->run(*resolved, m_tape.get());
            core::PhenotypeRun run;
            run.phenotype = QString::fromStdString(phenotype);
            run.times = sim.times;
            run.series.assign(m_ids.size(), std::vector<double>(sim.times.size()));
            for (std::size_t row = 0; row < sim.times.size(); ++row)
                for (std::size_t k = 0; k < m_ids.size(); ++k) run.series[k][row] = sim.at(row, k);
            result->runs.push_back(std::move(run));
        }
        result->summary = QString::fromStdString(scenario.therapy.empty() ? "no intervention" : scenario.therapy);
        return result;
    }

private:
    std::unique_ptr<core::ScenarioRunner> m_runner;
    std::vector<std::string> m_ids;
    std::unique_ptr<core::expr::Tape> m_tape;
};

/// Data graphs (with points) of a panel, optionally only those with a given pen style.
int dataGraphs(const QCPAxisRect *rect, int points, Qt::PenStyle style = Qt::NoPen)
{
    int n = 0;
    for (QCPGraph *g : rect->graphs())
        if (g->dataCount() == points && (style == Qt::NoPen || g->pen().style() == style)) ++n;
    return n;
}

double nonWhiteFraction(const QImage &image)
{
    qint64 ink = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) ++ink;
    return double(ink) / (double(image.width() / 2) * double(image.height() / 2));
}

QString shotsDir()
{
    const QString dir = qEnvironmentVariable("FERROSCOPE_SHOTS");
    if (!dir.isEmpty()) QDir().mkpath(dir);
    return dir;
}

}  // namespace

class TestTrajectoryPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultPanelsHaveUnitsAndNames();
    void customPanelTakesProjectUnits();
    void singleResultFillsEveryPanel();
    void compareModeOverlaysWithRatioReadout();
    void baselineAddsDashedGraphs();
    void visiblePanelsChooseWhatIsShown();
    void staleKeepsTheCurves();
    void hoverShowsValues();
    void setResultIsFast();
    void exportPngHasRequestedSize();
    void exportSvgKeepsFontAndViewBox();
    void exportPdfIsSixteenByNine();
    void exportCsvHasAllSeries();
    void exportErrorsAreReported();
    void slideIsLargeAndLegible();
    void screenshots();

private:
    std::unique_ptr<Simulator> m_sim;
    core::RunResultPtr m_single, m_compare, m_treated, m_treatedCompare;
    QTemporaryDir m_dir;
    static constexpr int kPoints = 721;
};

void TestTrajectoryPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sim = std::make_unique<Simulator>();
    m_single = m_sim->run({"nonCSC"});
    m_compare = m_sim->run({"nonCSC", "CSC"});
    core::Scenario rsl3;
    rsl3.therapy = "rsl3";
    m_treated = m_sim->run({"nonCSC"}, rsl3);
    m_treatedCompare = m_sim->run({"nonCSC", "CSC"}, rsl3);
    QCOMPARE(int(m_single->runs[0].times.size()), kPoints);
}

void TestTrajectoryPanel::defaultPanelsHaveUnitsAndNames()
{
    const auto panels = PanelSpec::defaults(core::builtinProject());
    const QStringList expected{"Iron pools", "Iron proteins", "Lipid peroxidation", "Antioxidants", "GPX4 activity",
                               "Ferroptosis index", "Viability", "PDD", "Heme pathway", "Stemness"};
    QStringList titles;
    for (const PanelSpec &p : panels) {
        titles << p.title;
        QVERIFY2(p.yLabel.contains('(') || p.yLabel.contains(QStringLiteral("µM")), qPrintable(p.yLabel));
        for (const auto &s : p.series) {
            QVERIFY(!s.name.isEmpty());
            QVERIFY2(!s.unit.isEmpty(), qPrintable(s.id));
        }
    }
    QCOMPARE(titles, expected);
    QCOMPARE(panels[0].ids(), QStringList({"LIP", "FtFe", "Fe_lys", "Fe_mito", "FeR"}));
    QCOMPARE(panels[0].series[0].name, QStringLiteral("LIP (labile Fe²⁺)"));
    QVERIFY(panels[0].logY);    // FtFe ~10 µM vs Fe_lys ~0.4 µM
    QVERIFY(panels[3].logY);    // GSH ~3000 µM vs NRF2 0.02 µM
    QVERIFY(panels[6].fraction);
    QCOMPARE(panels[6].ids(), QStringList({"Viability", "V", "PDT_survival"}));
}

void TestTrajectoryPanel::customPanelTakesProjectUnits()
{
    const PanelSpec p = PanelSpec::custom(core::builtinProject(), {"GSH", "xCT"});
    QCOMPARE(p.series.size(), std::size_t(2));
    QCOMPARE(p.series[0].unit, QStringLiteral("µM"));
    QVERIFY(p.yLabel.contains(QStringLiteral("µM")));
    QVERIFY(p.logY);
    const PanelSpec mixed = PanelSpec::custom(core::builtinProject(), {"Stem", "HIF1a"}, QStringLiteral("Mine"));
    QCOMPARE(mixed.title, QStringLiteral("Mine"));
    QVERIFY(mixed.yLabel.contains(QStringLiteral("dimensionless")) && mixed.yLabel.contains(QStringLiteral("µM")));
}

void TestTrajectoryPanel::singleResultFillsEveryPanel()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1400, 900);
    panel.setResult(m_single);
    QCOMPARE(int(panel.panels().size()), 10);
    for (const PanelSpec &spec : panel.panels()) {
        const QCPAxisRect *rect = panel.axisRectFor(spec.title);
        QVERIFY2(rect, qPrintable(spec.title));
        QVERIFY(panel.plotFor(spec.title));
        QCOMPARE(dataGraphs(rect, kPoints), int(spec.series.size()));
        QCOMPARE(panel.canvas().graphCount(spec.title), int(spec.series.size()));
        QCOMPARE(rect->axis(QCPAxis::atBottom)->label(), QStringLiteral("time (h)"));
        QCOMPARE(rect->axis(QCPAxis::atLeft)->label(), spec.yLabel);
        double lo = 0, hi = 0;
        QVERIFY(panel.canvas().yRange(spec.title, &lo, &hi));
        QVERIFY2(hi > lo, qPrintable(spec.title));
        QVERIFY(panel.canvas().noteText(spec.title).isEmpty());   // no read-out in single mode
    }
    int series = 0;
    for (const PanelSpec &spec : panel.panels()) series += int(spec.series.size());
    QCOMPARE(series, 27);
    QCOMPARE(TrajectoryPanel::countSeries(panel.panels(), *m_single), series);
    // Log axes cover the data: FtFe (~10 µM) and Fe_lys (~0.38 µM) both inside.
    double lo = 0, hi = 0;
    panel.canvas().yRange("Iron pools", &lo, &hi);
    QVERIFY(lo <= 0.38 && hi >= 10.2);
    // Single mode: colours and dash patterns per series index.
    const QCPAxisRect *iron = panel.axisRectFor("Iron pools");
    QCOMPARE(iron->graphs().at(0)->pen().style(), Qt::SolidLine);
    QCOMPARE(iron->graphs().at(1)->pen().style(), Qt::DashLine);
    QVERIFY(iron->graphs().at(0)->pen().color() != iron->graphs().at(1)->pen().color());
    QVERIFY(panel.canvas().legendText("Iron pools").startsWith(QStringLiteral("LIP (labile Fe²⁺)")));

    // Laid out: 4 columns × 3 rows at 1400 px; the axes of a column line up and use its width.
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *plot = const_cast<QCustomPlot *>(panel.plotFor("Iron pools"));
    plot->replot();
    const QStringList column{"Iron pools", "GPX4 activity", "Heme pathway"};
    const QRect top = panel.axisRectFor(column[0])->rect();
    QVERIFY2(top.width() > 200, qPrintable(QString::number(top.width())));
    for (const QString &title : column) {
        const QRect r = panel.axisRectFor(title)->rect();
        QCOMPARE(r.left(), top.left());
        QCOMPARE(r.right(), top.right());
    }
    QVERIFY(panel.axisRectFor("Iron proteins")->rect().left() > top.right());
}

void TestTrajectoryPanel::compareModeOverlaysWithRatioReadout()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1400, 900);
    panel.setResult(m_compare);
    for (const PanelSpec &spec : panel.panels())
        QCOMPARE(dataGraphs(panel.axisRectFor(spec.title), kPoints), 2 * int(spec.series.size()));
    QCOMPARE(TrajectoryPanel::countSeries(panel.panels(), *m_compare), 54);

    const QCPAxisRect *iron = panel.axisRectFor("Iron pools");
    QCOMPARE(dataGraphs(iron, kPoints, Qt::SolidLine), 5);     // non-CSC
    QCOMPARE(dataGraphs(iron, kPoints, Qt::DashDotLine), 5);   // CSC
    const QString legend = panel.canvas().legendText("Iron pools");
    QVERIFY2(legend.contains(QStringLiteral("non-CSC")) && legend.contains(QStringLiteral("\nCSC")), qPrintable(legend));

    // Read-out: "CSC/non-CSC at 72 h: LIP ×1.44 · …" and it matches the data.
    const QString note = panel.canvas().noteText("Iron pools");
    QVERIFY2(note.startsWith(QStringLiteral("CSC/non-CSC at 72 h:")), qPrintable(note));
    const QRegularExpression re(QStringLiteral("LIP ×([0-9.]+)"));
    const auto match = re.match(note);
    QVERIFY2(match.hasMatch(), qPrintable(note));
    const double shown = match.captured(1).toDouble();
    const int lip = m_compare->indexOf("LIP");
    const double data = m_compare->runs[1].series[std::size_t(lip)].back() / m_compare->runs[0].series[std::size_t(lip)].back();
    QVERIFY2(std::fabs(shown - data) < 0.006, qPrintable(QString("shown %1, data %2").arg(shown).arg(data)));
    QVERIFY2(std::fabs(shown - 1.44) <= 0.02, qPrintable(note));
    // Fractions show a difference instead of a ratio.
    QVERIFY(panel.canvas().noteText("Viability").startsWith(QStringLiteral("CSC − non-CSC at 72 h:")));

    // Back to single mode: graphs and read-outs follow.
    panel.setResult(m_single);
    QCOMPARE(dataGraphs(panel.axisRectFor("Iron pools"), kPoints), 5);
    QVERIFY(panel.canvas().noteText("Iron pools").isEmpty());
}

void TestTrajectoryPanel::baselineAddsDashedGraphs()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1400, 900);
    panel.setResult(m_treated);
    panel.setBaseline(m_single, QStringLiteral("Untreated"));
    const QCPAxisRect *lipid = panel.axisRectFor("Lipid peroxidation");
    QCOMPARE(dataGraphs(lipid, kPoints), 4);
    QCOMPARE(dataGraphs(lipid, kPoints, Qt::DashLine), 2);    // baseline: dashed and lighter
    QCOMPARE(dataGraphs(lipid, kPoints, Qt::SolidLine), 2);   // current: solid when a baseline shows
    for (QCPGraph *g : lipid->graphs())
        if (g->dataCount() == kPoints && g->pen().style() == Qt::DashLine) QVERIFY(g->pen().color().lightness() > 130);
    QVERIFY(panel.canvas().legendText("Lipid peroxidation").contains(QStringLiteral("Untreated (baseline)")));
    // RSL3 raises lipid peroxides above the untreated baseline.
    const int looh = m_single->indexOf("LOOH");
    QVERIFY(m_treated->runs[0].series[std::size_t(looh)].back() > 2 * m_single->runs[0].series[std::size_t(looh)].back());

    panel.setBaseline(nullptr, QString());
    QCOMPARE(dataGraphs(panel.axisRectFor("Lipid peroxidation"), kPoints), 2);
}

void TestTrajectoryPanel::visiblePanelsChooseWhatIsShown()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.setResult(m_single);
    panel.setVisiblePanels({"Viability", "Iron pools", "no such panel"});
    QCOMPARE(panel.visiblePanels(), QStringList({"Iron pools", "Viability"}));
    QVERIFY(panel.plotFor("Iron pools"));
    QVERIFY(!panel.plotFor("Stemness"));
    QCOMPARE(dataGraphs(panel.axisRectFor("Viability"), kPoints), 3);
    panel.addCustomPanel({"GSH", "Cys"}, QStringLiteral("Thiols"));
    QCOMPARE(panel.visiblePanels().size(), 3);
    QCOMPARE(dataGraphs(panel.axisRectFor("Thiols"), kPoints), 2);
    panel.addCustomPanel({"Fe_total_not_recorded"}, QStringLiteral("Unknown"));   // id absent from the result
    QCOMPARE(panel.canvas().graphCount("Unknown"), 0);
    panel.setVisiblePanels({});
    QCOMPARE(panel.visiblePanels().size(), 12);
}

void TestTrajectoryPanel::staleKeepsTheCurves()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1000, 700);
    panel.setResult(m_compare);
    panel.markStale(QStringLiteral("CVODE: too much work"));
    QVERIFY(panel.isStale());
    QCOMPARE(panel.staleText(), QStringLiteral("stale: CVODE: too much work"));
    QCOMPARE(dataGraphs(panel.axisRectFor("Iron pools"), kPoints), 10);
    QVERIFY(panel.result() == m_compare);
    panel.clearStale();
    QVERIFY(!panel.isStale());
    QVERIFY(panel.staleText().isEmpty());
}

void TestTrajectoryPanel::hoverShowsValues()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1400, 900);
    panel.setResult(m_compare);
    const QString text = panel.canvas().readoutAt("Iron pools", 24);
    QVERIFY2(text.startsWith(QStringLiteral("t = 24.0 h")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("LIP (labile Fe²⁺): non-CSC 0.800 · CSC 1.15 µM")), qPrintable(text));

    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *plot = const_cast<QCustomPlot *>(panel.plotFor("Iron pools"));
    plot->replot();
    const QRect r = panel.axisRectFor("Iron pools")->rect();
    QMouseEvent move(QEvent::MouseMove, QPointF(r.center()), plot->mapToGlobal(QPointF(r.center())), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(plot, &move);
    int visibleTracers = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (qobject_cast<QCPItemTracer *>(plot->item(i)) && plot->item(i)->visible()) ++visibleTracers;
    QCOMPARE(visibleTracers, 10);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(plot, &leave);
    visibleTracers = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (qobject_cast<QCPItemTracer *>(plot->item(i)) && plot->item(i)->visible()) ++visibleTracers;
    QCOMPARE(visibleTracers, 0);
}

void TestTrajectoryPanel::setResultIsFast()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setResult(m_compare);   // builds the graphs once
    QSignalSpy replotted(&panel, &TrajectoryPanel::curvesReplotted);
    QVERIFY(replotted.wait(2000));
    auto *plot = const_cast<QCustomPlot *>(panel.plotFor("Iron pools"));
    QSignalSpy fullReplots(plot, &QCustomPlot::afterReplot);

    // A slider drag: results of the same shape, slightly different values, in quick succession.
    auto nudged = std::make_shared<core::RunResult>(*m_compare);
    for (auto &run : nudged->runs)
        for (auto &series : run.series)
            for (double &v : series) v *= 1.002;
    std::vector<double> setMs, frameMs;
    QElapsedTimer timer;
    for (int i = 0; i < 40; ++i) {
        auto next = std::make_shared<core::RunResult>(i % 2 ? *m_compare : *nudged);
        next->generation = std::uint64_t(i + 1);
        timer.start();
        panel.setResult(next);
        setMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY(replotted.wait(2000));
        frameMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        QCOMPARE(replotted.last().at(0).toULongLong(), quint64(i + 1));
    }
    QVERIFY(panel.canvas().isDraft());   // thin lines while the results stream in
    QVERIFY(fullReplots.size() <= 2);    // axes unchanged: only the curve layer is redrawn
    std::sort(setMs.begin(), setMs.end());
    std::sort(frameMs.begin(), frameMs.end());
    std::vector<double> full;
    for (int i = 0; i < 9; ++i) {
        timer.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        full.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(full.begin(), full.end());
    qInfo("compare mode, 54 graphs x 721 points, 1400x900: setResult median %.3f ms (max %.3f); "
          "setResult -> curves replotted median %.2f ms, p95 %.2f ms; full replot median %.2f ms",
          setMs[setMs.size() / 2], setMs.back(), frameMs[frameMs.size() / 2], frameMs[frameMs.size() * 95 / 100],
          full[full.size() / 2]);
    QVERIFY2(setMs[setMs.size() / 2] < 5.0, "setResult median must stay well under 5 ms");

    QTRY_VERIFY_WITH_TIMEOUT(!panel.canvas().isDraft(), 2000);   // settles to full quality
}

void TestTrajectoryPanel::exportPngHasRequestedSize()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.setResult(m_compare);
    const QString one = m_dir.filePath("plots1x.png"), two = m_dir.filePath("plots2x.png");
    QVERIFY2(panel.exportPng(one, {1920, 1080}, 1.0), qPrintable(panel.lastError()));
    QVERIFY2(panel.exportPng(two), qPrintable(panel.lastError()));
    const QImage a(one), b(two);
    QCOMPARE(a.size(), QSize(1920, 1080));
    QCOMPARE(b.size(), QSize(3840, 2160));
    QVERIFY(nonWhiteFraction(a) > 0.02);
    QVERIFY(nonWhiteFraction(b) > 0.02);
    QCOMPARE(a.pixel(2, 2), qRgb(255, 255, 255));   // white background
}

void TestTrajectoryPanel::exportSvgKeepsFontAndViewBox()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.setResult(m_single);
    const QString path = m_dir.filePath("plots.svg");
    QVERIFY2(panel.exportSvg(path, {1600, 900}), qPrintable(panel.lastError()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    QVERIFY(svg.contains("font-family=\"DejaVu Sans\""));
    QVERIFY(svg.contains("viewBox=\"0 0 1600 900\""));
    QVERIFY(!svg.contains("font-family=\"Sans Serif\""));
}

void TestTrajectoryPanel::exportPdfIsSixteenByNine()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.setResult(m_compare);
    const QString path = m_dir.filePath("plots.pdf");
    QVERIFY2(panel.exportPdf(path, {1920, 1080}), qPrintable(panel.lastError()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    double w = 0, h = 0;
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (!pdfinfo.isEmpty()) {
        QProcess p;
        p.start(pdfinfo, {path});
        QVERIFY(p.waitForFinished(10000));
        const auto m = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"))
                           .match(QString::fromUtf8(p.readAllStandardOutput()));
        QVERIFY(m.hasMatch());
        w = m.captured(1).toDouble();
        h = m.captured(2).toDouble();
    } else {
        const auto m = QRegularExpression(QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)"))
                           .match(QString::fromLatin1(pdf));
        QVERIFY(m.hasMatch());
        w = m.captured(1).toDouble();
        h = m.captured(2).toDouble();
    }
    QVERIFY2(std::fabs(w / h - 16.0 / 9.0) < 0.005, qPrintable(QString("%1 x %2").arg(w).arg(h)));
    QVERIFY(std::fabs(w - 1440) < 1);
}

void TestTrajectoryPanel::exportCsvHasAllSeries()
{
    TrajectoryPanel panel(core::builtinProject());
    panel.setResult(m_compare);
    const QString path = m_dir.filePath("trajectories.csv");
    QVERIFY2(panel.exportCsv(path), qPrintable(panel.lastError()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + kPoints);
    const QStringList header = lines[0].split(',');
    QCOMPARE(header[0], QStringLiteral("time"));
    QCOMPARE(header.size(), 1 + 2 * int(m_compare->ids.size()));
    QVERIFY(header.contains("LIP") && header.contains("LIP_CSC"));
    const QStringList last = lines.back().split(',');
    QCOMPARE(last.size(), header.size());
    QCOMPARE(last[0].toDouble(), 72.0);
    const int lip = int(header.indexOf("LIP_CSC"));
    QVERIFY(std::fabs(last[lip].toDouble() - m_compare->runs[1].series[std::size_t(m_compare->indexOf("LIP"))].back()) < 1e-9);
}

void TestTrajectoryPanel::exportErrorsAreReported()
{
    TrajectoryPanel panel(core::builtinProject());
    QVERIFY(!panel.exportCsv(m_dir.filePath("none.csv")));   // no result yet
    QVERIFY(!panel.lastError().isEmpty());
    panel.setResult(m_single);
    QVERIFY(!panel.exportPng(m_dir.filePath("bad.png"), QSize(0, 0)));
    QVERIFY(panel.lastError().contains(QStringLiteral("size")));
    QVERIFY(!panel.exportPdf(QStringLiteral("/nonexistent-dir/x.pdf")));
    QVERIFY(!panel.lastError().isEmpty());
    QString error;
    ui::SlideContent content;
    QVERIFY(!SlideExporter::exportSlide(content, m_dir.filePath("slide.bmp"), &error));
    QVERIFY(error.contains(QStringLiteral(".png")));
}

void TestTrajectoryPanel::slideIsLargeAndLegible()
{
    ui::SlideContent content;
    content.title = QStringLiteral("RSL3 triggers ferroptosis in CSCs and non-CSCs");
    content.caption = SlideExporter::caption(
        QStringLiteral("non-CSC vs CSC; RSL3 0.1 µM (0–72 h); 0–72 h"), core::builtinProject());
    QVERIFY(content.caption.contains(QStringLiteral("MODEL.md 1.0")));
    content.renderDiagram = [](QPainter *p, const QRectF &r) {
        p->fillRect(r.adjusted(20, 20, -20, -20), QColor(0xF2, 0xF7, 0xFB));
        p->setPen(QPen(Qt::black, 3));
        p->drawEllipse(r.center(), 80, 80);
    };
    const auto defaults = PanelSpec::defaults(core::builtinProject());
    content.panels = {defaults[2], defaults[6], defaults[0]};
    content.result = m_treatedCompare;

    const ui::SlideLayout layout = SlideExporter::layout(content);
    QCOMPARE(layout.panels.size(), std::size_t(2));   // two fit beside a diagram
    QVERIFY2(layout.smallestTextPx >= 32, qPrintable(QString::number(layout.smallestTextPx)));
    QCOMPARE(layout.captionFont.pixelSize(), 32);
    QCOMPARE(layout.captionFont.family(), QStringLiteral("DejaVu Sans"));

    QString error;
    const QString png = m_dir.filePath("slide.png");
    QVERIFY2(SlideExporter::exportSlide(content, png, &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(3840, 2160));
    QVERIFY(nonWhiteFraction(image) > 0.03);

    // Measure the caption as drawn: the ink of its first line is at least 0.7 em of 32 px tall.
    QImage slide(1920, 1080, QImage::Format_RGB32);
    slide.setDotsPerMeterX(3780);
    slide.setDotsPerMeterY(3780);
    slide.fill(Qt::white);
    {
        QPainter p(&slide);
        SlideExporter::render(&p, content);
    }
    const QRectF line(layout.caption.left(), layout.caption.top(), layout.caption.width(),
                      QFontMetricsF(layout.captionFont).lineSpacing());
    int top = -1, bottom = -1;
    for (int y = int(line.top()); y < int(line.bottom()); ++y)
        for (int x = int(line.left()); x < int(line.right()); ++x)
            if (qGray(slide.pixel(x, y)) < 128) {
                if (top < 0) top = y;
                bottom = y;
                break;
            }
    QVERIFY(top >= 0);
    QVERIFY2(bottom - top + 1 >= 22, qPrintable(QString("caption ink height %1 px").arg(bottom - top + 1)));

    const QString svg = m_dir.filePath("slide.svg"), pdf = m_dir.filePath("slide.pdf");
    QVERIFY2(SlideExporter::exportSlide(content, svg, &error), qPrintable(error));
    QVERIFY2(SlideExporter::exportSlide(content, pdf, &error), qPrintable(error));
    QFile s(svg);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray svgText = s.readAll();
    QVERIFY(svgText.contains("font-family=\"DejaVu Sans\"") && svgText.contains("viewBox=\"0 0 1920 1080\""));
    QVERIFY(!svgText.contains("font-family=\"Sans Serif\""));
    QFile d(pdf);
    QVERIFY(d.open(QIODevice::ReadOnly));
    QVERIFY(d.read(4) == "%PDF");
}

void TestTrajectoryPanel::screenshots()
{
    const QString dir = shotsDir();
    if (dir.isEmpty()) QSKIP("set FERROSCOPE_SHOTS=<dir> to save screenshots");
    TrajectoryPanel panel(core::builtinProject());
    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setResult(m_treated);
    QTest::qWait(400);   // past the live-drag draft mode
    panel.grab().save(dir + "/panel-single.png");
    panel.setResult(m_treatedCompare);
    QTest::qWait(400);   // past the live-drag draft mode
    panel.grab().save(dir + "/panel-compare.png");
    {
        auto *plot = const_cast<QCustomPlot *>(panel.plotFor("Lipid peroxidation"));
        const QRect r = panel.axisRectFor("Lipid peroxidation")->rect();
        const QPointF at(r.left() + r.width() * 0.2, r.center().y());
        QMouseEvent move(QEvent::MouseMove, at, plot->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(plot, &move);
        panel.grab().save(dir + "/panel-hover.png");
        QFile text(dir + "/panel-hover.txt");
        if (text.open(QIODevice::WriteOnly)) text.write(panel.canvas().readoutAt("Lipid peroxidation", 14.4).toUtf8());
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(plot, &leave);
    }
    panel.setResult(m_treated);
    panel.setBaseline(m_single, QStringLiteral("Untreated"));
    panel.markStale(QStringLiteral("CVODE error: too much work at t = 31.2 h"));
    QTest::qWait(400);   // past the live-drag draft mode
    panel.grab().save(dir + "/panel-baseline-stale.png");
    panel.clearStale();
    panel.setBaseline(nullptr, {});
    panel.resize(900, 600);
    QTest::qWait(400);   // past the live-drag draft mode
    panel.grab().save(dir + "/panel-small.png");

    panel.setResult(m_treatedCompare);
    QVERIFY(panel.exportPng(dir + "/plots-export.png"));
    QVERIFY(panel.exportSvg(dir + "/plots-export.svg"));
    QVERIFY(panel.exportPdf(dir + "/plots-export.pdf"));
    panel.setBaseline(m_compare, QStringLiteral("Untreated"));
    QVERIFY(panel.exportPng(dir + "/plots-export-baseline.png", {1920, 1080}, 1.0));

    ui::SlideContent content;
    content.title = QStringLiteral("RSL3 triggers ferroptosis in CSCs and non-CSCs");
    content.caption = SlideExporter::caption(QStringLiteral("non-CSC vs CSC; RSL3 0.1 µM (0–72 h); 0–72 h"),
                                             core::builtinProject());
    content.renderDiagram = [](QPainter *p, const QRectF &r) {
        p->fillRect(r, QColor(0xF2, 0xF7, 0xFB));
        p->setPen(QPen(Qt::black, 2));
        p->drawRect(r);
        p->setFont(QFont(QStringLiteral("DejaVu Sans"), 24));
        p->drawText(r, Qt::AlignCenter, QStringLiteral("pathway diagram"));
    };
    const auto defaults = PanelSpec::defaults(core::builtinProject());
    content.panels = {defaults[2], defaults[6]};
    content.result = m_treatedCompare;
    content.baseline = m_compare;
    content.baselineName = QStringLiteral("Untreated");
    QString error;
    QVERIFY2(SlideExporter::exportSlide(content, dir + "/slide.png", &error), qPrintable(error));
    QVERIFY2(SlideExporter::exportSlide(content, dir + "/slide.svg", &error), qPrintable(error));
    QVERIFY2(SlideExporter::exportSlide(content, dir + "/slide.pdf", &error), qPrintable(error));
    content.renderDiagram = nullptr;
    content.panels = {defaults[0], defaults[2], defaults[6], defaults[7]};
    content.baseline = nullptr;
    QVERIFY2(SlideExporter::exportSlide(content, dir + "/slide-4panels.png", &error), qPrintable(error));
}

QTEST_MAIN(TestTrajectoryPanel)
#include "tst_trajectory_panel.moc"
