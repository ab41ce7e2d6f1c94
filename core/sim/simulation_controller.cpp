#include "core/sim/simulation_controller.h"

#include "core/scenario/scenario_runner.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace ferroscope::core {

/// Runs jobs on the controller's thread. Owns its ScenarioRunner (and so its CVODE memory and
/// pre-equilibration cache); never touches the document or a widget.
class SimulationWorker : public QObject {
    Q_OBJECT
public:
    SimulationWorker(std::unique_ptr<ScenarioRunner> runner, std::shared_ptr<std::atomic<std::uint64_t>> latest)
        : m_runner(std::move(runner)), m_latest(std::move(latest))
    {
    }

    void run(const SimulationJob &job, const std::vector<std::string> &ids)
    {
        const quint64 generation = job.generation;
        if (job.project) {   // an edited model: compile it here, off the UI thread
            auto runner = ScenarioRunner::create(*job.project);
            if (!runner) {
                emit failed(generation, QStringLiteral("the edited model does not compile: %1")
                                            .arg(QString::fromStdString(runner.errorText())));
                return;
            }
            m_runner = std::move(*runner);
            m_tape.reset();
        }
        if (superseded(generation)) { emit abandoned(generation); return; }
        try {
            if (ids != m_ids || !m_tape) {
                auto tape = m_runner->model().observerTape(ids, {});
                if (!tape) { emit failed(generation, QString::fromStdString(tape.errorText())); return; }
                m_tape = std::make_unique<expr::Tape>(std::move(*tape));
                m_ids = ids;
            }
            QElapsedTimer timer;
            timer.start();
            auto result = std::make_shared<RunResult>();
            result->generation = generation;
            result->ids = ids;
            result->summary = job.summary;
            m_cancel.store(false);
            for (const Scenario &sc : job.scenarios) {
                auto resolved = m_runner->resolve(sc);
                if (!resolved) { emit failed(generation, QString::fromStdString(resolved.errorText())); return; }
                SimulationResult r = m_runner->run(*resolved, m_tape.get(), &m_cancel);
                if (superseded(generation)) { emit abandoned(generation); return; }
                PhenotypeRun run;
                run.phenotype = QString::fromStdString(sc.phenotype);
                run.times = std::move(r.times);
                run.series.assign(ids.size(), std::vector<double>(run.times.size()));
                for (std::size_t row = 0; row < run.times.size(); ++row)
                    for (std::size_t k = 0; k < ids.size(); ++k) run.series[k][row] = r.at(row, k);
                result->runs.push_back(std::move(run));
            }
            result->elapsedMs = double(timer.nsecsElapsed()) / 1e6;
            emit finished(std::move(result));
        } catch (const std::exception &e) {
            if (superseded(generation)) emit abandoned(generation);
            else emit failed(generation, QString::fromUtf8(e.what()));
        }
    }

    std::atomic<bool> &cancelFlag() { return m_cancel; }

signals:
    void finished(ferroscope::core::RunResultPtr result);
    void failed(quint64 generation, const QString &message);
    void abandoned(quint64 generation);

private:
    bool superseded(quint64 generation) const { return m_latest->load() != generation; }

    std::unique_ptr<ScenarioRunner> m_runner;
    std::shared_ptr<std::atomic<std::uint64_t>> m_latest;
    std::unique_ptr<expr::Tape> m_tape;
    std::vector<std::string> m_ids;
    std::atomic<bool> m_cancel{false};
};

SimulationController::SimulationController(const Project &project, QObject *parent)
    : QObject(parent), m_latest(std::make_shared<std::atomic<std::uint64_t>>(0))
{
    qRegisterMetaType<ferroscope::core::RunResultPtr>();
    qRegisterMetaType<ferroscope::core::SimulationJob>();
    auto runner = ScenarioRunner::create(project);
    if (!runner) throw std::runtime_error("the model does not compile: " + runner.errorText());
    m_ids = defaultIds(project);
    m_worker = new SimulationWorker(std::move(*runner), m_latest);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SimulationController::runRequested, m_worker,
            [w = m_worker](const SimulationJob &job) { w->run(job, job.ids); });
    connect(m_worker, &SimulationWorker::finished, this, &SimulationController::onFinished);
    connect(m_worker, &SimulationWorker::failed, this, &SimulationController::onFailed);
    connect(m_worker, &SimulationWorker::abandoned, this, &SimulationController::onAbandoned);
    m_thread.setObjectName(QStringLiteral("ferroscope-simulation"));
    m_thread.start();
}

SimulationController::~SimulationController()
{
    m_latest->store(~std::uint64_t(0));   // supersede everything
    m_worker->cancelFlag().store(true);
    m_thread.quit();
    m_thread.wait();
}

void SimulationController::setObservedIds(const std::vector<std::string> &ids) { m_ids = ids; }

std::vector<std::string> SimulationController::defaultIds(const Project &project)
{
    std::vector<std::string> ids;
    for (const auto &s : project.model.species) ids.push_back(s.id);
    for (const auto &r : project.readouts)
        if (std::find(ids.begin(), ids.end(), r) == ids.end()) ids.push_back(r);
    return ids;
}

void SimulationController::setProject(const Project &project)
{
    setProject(std::make_shared<const Project>(project));
}

void SimulationController::setProject(std::shared_ptr<const Project> project)
{
    m_ids = defaultIds(*project);
    m_newProject = std::move(project);
    if (m_pending) m_pending->project = m_newProject;   // not yet sent: it carries the new model
}

std::uint64_t SimulationController::request(const std::vector<Scenario> &scenarios, const QString &summary)
{
    SimulationJob job;
    job.generation = ++m_generation;
    job.scenarios = scenarios;
    job.summary = summary;
    job.ids = m_ids;
    job.project = std::exchange(m_newProject, nullptr);
    if (m_pending && m_pending->project && !job.project) job.project = m_pending->project;   // never lose one
    m_latest->store(job.generation);
    if (m_busy) {
        m_pending = std::move(job);             // replaces any older pending request
        m_worker->cancelFlag().store(true);     // the running one stops at its next step
        return m_generation;
    }
    m_busy = true;
    emit busyChanged(true);
    emit runRequested(job);
    return m_generation;
}

void SimulationController::startPending()
{
    if (m_pending) {
        SimulationJob job = std::move(*m_pending);
        m_pending.reset();
        emit runRequested(job);
        return;
    }
    m_busy = false;
    emit busyChanged(false);
}

void SimulationController::onFinished(RunResultPtr result)
{
    if (result && result->generation == m_generation) emit resultReady(result);
    startPending();
}

void SimulationController::onFailed(quint64 generation, const QString &message)
{
    if (generation == m_generation) emit runFailed(generation, message);
    startPending();
}

void SimulationController::onAbandoned(quint64) { startPending(); }

}  // namespace ferroscope::core

#include "simulation_controller.moc"
