#include "ui/live_benchmark.h"

#include "ui/headless_export.h"
#include "core/model/model_edits.h"
#include "core/model/pathway_model.h"
#include "ui/commands/content_command.h"
#include "ui/document/project_document.h"
#include "ui/main_window.h"
#include "ui/panels/interventions_panel.h"
#include "ui/plots/trajectory_panel.h"

#include <QAbstractButton>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace ferroscope::ui {

namespace {

constexpr int kFrameTimeoutMs = 30000;
constexpr int kDoseStep = 37;   // slider steps per frame: a sweep back and forth, every dose new

double percentile(std::vector<double> sorted, double q)
{
    if (sorted.empty()) return 0;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = std::size_t(std::ceil(q * double(sorted.size())));   // nearest rank
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

/// Fills frames and the percentiles from the samples.
void summarise(LiveBenchmarkResult &out)
{
    out.frames = int(out.samplesMs.size());
    out.p50 = percentile(out.samplesMs, 0.50);
    out.p95 = percentile(out.samplesMs, 0.95);
    out.max = out.samplesMs.empty() ? 0 : *std::max_element(out.samplesMs.begin(), out.samplesMs.end());
}

/// Counts paint events of a widget and calls back after each one has been delivered.
class PaintWatcher : public QObject {
public:
    PaintWatcher(QWidget *widget, std::function<void()> onPaint) : m_onPaint(std::move(onPaint))
    {
        widget->installEventFilter(this);
    }
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            m_onPaint();   // only quits the loop: the paint itself still runs before exec() returns
        }
        return false;
    }

private:
    std::function<void()> m_onPaint;
};

/// Waits until the result of `generation` (or a newer one) is replotted and painted on screen.
bool waitForCurves(MainWindow &window, std::uint64_t generation, QString *error)
{
    QWidget *plot = window.trajectoryPanel()->canvas().widget();
    QEventLoop loop;
    bool plotted = false, done = false;
    PaintWatcher watcher(plot, [&] {
        if (plotted) {
            done = true;
            loop.quit();
        }
    });
    auto fresh = [generation](const core::RunResultPtr &r) { return r && r->generation >= generation; };
    QObject::connect(&window, &MainWindow::resultShown, &loop, [&](const core::RunResultPtr &r) {
        if (fresh(r)) watcher.paints = 0;
    });
    QObject::connect(&window, &MainWindow::resultPlotted, &loop, [&](const core::RunResultPtr &r) {
        if (!fresh(r)) return;
        plotted = true;
        if (watcher.paints > 0 || !plot->isVisible()) {   // repainted during the replot already
            done = true;
            loop.quit();
        }
    });
    QString failure;
    QObject::connect(&window, &MainWindow::runFailedShown, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(kFrameTimeoutMs);
    loop.exec();
    if (done) return true;
    *error = failure.isEmpty() ? QStringLiteral("frame timed out") : failure;
    return false;
}

}  // namespace

QString LiveBenchmarkResult::json() const
{
    return QStringLiteral("{\"p50_ms\":%1, \"p95_ms\":%2, \"max_ms\":%3, \"frames\":%4}")
        .arg(QString::number(p50, 'f', 3), QString::number(p95, 'f', 3), QString::number(max, 'f', 3))
        .arg(frames);
}

LiveBenchmarkResult measureLiveLatency(MainWindow &window, int frames)
{
    LiveBenchmarkResult out;
    InterventionsPanel *panel = window.interventionsPanel();
    QSlider *dose = panel->doseSlider(QStringLiteral("ERA"));
    QSlider *gpx4 = panel->geneSlider(QStringLiteral("GPX4"));
    if (!dose || !gpx4) {
        out.error = QStringLiteral("the model has no erastin input or GPX4 target");
        return out;
    }
    if (!waitForLiveResult(window, kFrameTimeoutMs, &out.error)) return out;
    if (!panel->compareButton()->isChecked()) panel->compareButton()->click();   // CSC vs non-CSC
    if (!waitForLiveResult(window, kFrameTimeoutMs, &out.error)) return out;
    if (!waitForCurves(window, window.requestedGeneration(), &out.error)) return out;

    const bool verbose = qEnvironmentVariableIsSet("FERROSCOPE_BENCH_VERBOSE");
    int position = dose->value();
    int direction = 1;
    for (int frame = 0; frame < frames; ++frame) {
        const std::uint64_t before = window.requestedGeneration();
        QElapsedTimer clock;
        clock.start();
        if (frame % 10 == 9) {   // GPX4 knock-down (×0.2) <-> normal, through its slider
            const int kd = InterventionsPanel::genePositionFor(0.2);
            const int normal = InterventionsPanel::genePositionFor(1.0);
            gpx4->setValue(gpx4->value() == kd ? normal : kd);
        } else {
            if (position + direction * kDoseStep > dose->maximum() || position + direction * kDoseStep < 0)
                direction = -direction;
            position += direction * kDoseStep;
            dose->setValue(position);
        }
        if (window.requestedGeneration() == before) {   // a step that did not change the dose
            --frame;
            continue;
        }
        // Stages for FERROSCOPE_BENCH_VERBOSE: change handled, result handed to the plots, replotted.
        const double changedMs = double(clock.nsecsElapsed()) / 1e6;
        double shownMs = -1, plottedMs = -1;
        const auto c1 = QObject::connect(&window, &MainWindow::resultShown,
                                         [&] { shownMs = double(clock.nsecsElapsed()) / 1e6; });
        const auto c2 = QObject::connect(&window, &MainWindow::resultPlotted,
                                         [&] { plottedMs = double(clock.nsecsElapsed()) / 1e6; });
        if (!waitForCurves(window, window.requestedGeneration(), &out.error)) return out;
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        out.samplesMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (verbose)
            std::fprintf(stderr, "frame %d: changed %.2f, solver %.2f, shown %.2f, replotted %.2f, painted %.2f ms\n",
                         frame, changedMs, window.lastResult()->elapsedMs, shownMs, plottedMs, out.samplesMs.back());
    }
    summarise(out);
    return out;
}

LiveBenchmarkResult measureEditLatency(MainWindow &window, int frames)
{
    // A user's protein with synthesis and degradation is added once; then one structural edit (it
    // inhibits its own synthesis, a Hill term in the rate law) is made and unmade by undo/redo:
    // every frame recompiles the model on the worker, rebuilds the diagram, re-runs (with a new
    // pre-equilibration) and repaints the curves.
    LiveBenchmarkResult out;
    core::PathwayModel &model = window.projectDocument().model();
    QUndoStack &undo = window.undoStack();
    auto added = pushEdit(undo, model, QStringLiteral("benchmark edit"), [](core::edits::Content &c) {
        core::edits::NewSpecies sp;
        sp.name = "BenchProtein";
        sp.initialConcentration = 1;
        auto id = core::edits::addSpecies(c, sp);
        if (!id) return id;
        core::edits::NewReaction synthesis, degradation;   // a steady state exists: k_syn/k_deg
        synthesis.products = {*id};
        degradation.reactants = {*id};
        auto made = core::edits::addReaction(c, synthesis);
        return made ? core::edits::addReaction(c, degradation) : made;
    });
    if (!added) {
        out.error = QString::fromStdString(added.errorText());
        return out;
    }
    if (!waitForCurves(window, window.requestedGeneration(), &out.error)) return out;
    auto regulated = pushEdit(undo, model, QStringLiteral("benchmark regulation"), [&](core::edits::Content &c) {
        core::edits::NewRegulation reg;
        reg.modifier = c.project.model.species.back().id;
        reg.reaction = c.project.model.reactions[c.project.model.reactions.size() - 2].id;
        reg.cls = core::ArcClass::Inhibition;
        return core::edits::addRegulation(c, reg);
    });
    if (!regulated) {
        out.error = QString::fromStdString(regulated.errorText());
        return out;
    }
    if (!waitForCurves(window, window.requestedGeneration(), &out.error)) return out;
    for (int frame = 0; frame < frames; ++frame) {
        QElapsedTimer clock;
        clock.start();
        if (frame % 2 == 0) undo.undo();
        else undo.redo();
        if (!waitForCurves(window, window.requestedGeneration(), &out.error)) return out;
        out.samplesMs.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    while (undo.canUndo()) undo.undo();
    summarise(out);
    return out;
}

int runLiveBenchmark(int frames)
{
    QTemporaryDir settingsDir;   // leave the user's window settings alone
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    const LiveBenchmarkResult result = measureLiveLatency(window, std::max(1, frames));
    QTextStream out(stdout);
    if (!result.error.isEmpty()) {
        QTextStream(stderr) << "Ferroscope: benchmark failed: " << result.error << Qt::endl;
        return 1;
    }
    const LiveBenchmarkResult edits = measureEditLatency(window, std::clamp(frames / 5, 2, 40));
    if (!edits.error.isEmpty()) {
        QTextStream(stderr) << "Ferroscope: edit benchmark failed: " << edits.error << Qt::endl;
        return 1;
    }
    QString json = result.json();
    json.chop(1);   // the closing brace: the edit figures join the same object
    out << json
        << QStringLiteral(", \"edit_p50_ms\":%1, \"edit_p95_ms\":%2, \"edit_max_ms\":%3, \"edit_frames\":%4}")
               .arg(QString::number(edits.p50, 'f', 3), QString::number(edits.p95, 'f', 3),
                    QString::number(edits.max, 'f', 3))
               .arg(edits.frames)
        << Qt::endl;
    window.undoStack().setClean();
    return 0;
}

}  // namespace ferroscope::ui
