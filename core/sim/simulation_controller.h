// SimulationController: latest-request-wins live simulation (STYLE.md §5). The GUI thread calls
// request(); a SimulationWorker on its own QThread runs it (one or two phenotypes) with its own
// ScenarioRunner (compiled model shared, pre-equilibration cached per gene setting). If a run is
// in progress the new request becomes the single pending one (older pending requests are
// dropped) and the running one is told to stop at its next step; stale results are never
// published. Results and failures come back as queued signals in the GUI thread.
#pragma once

#include "core/model/project.h"
#include "core/scenario/scenario.h"
#include "core/sim/run_result.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ferroscope::core {

class ScenarioRunner;
class SimulationWorker;

struct SimulationJob {
    std::uint64_t generation = 0;
    std::vector<Scenario> scenarios;   // one per phenotype to run
    QString summary;
    std::vector<std::string> ids;      // observed ids
    /// Set when the model changed since the previous job: the worker recompiles it first.
    std::shared_ptr<const Project> project;
};

class SimulationController : public QObject {
    Q_OBJECT
public:
    /// Compiles the project's model once (throws std::runtime_error with the compiler's message
    /// if it does not compile — the built-in model always does).
    explicit SimulationController(const Project &project, QObject *parent = nullptr);
    ~SimulationController() override;

    /// Ids recorded in every result (default: all species then the project's readouts).
    void setObservedIds(const std::vector<std::string> &ids);
    /// The default observed ids of a project: all species, then its readouts.
    static std::vector<std::string> defaultIds(const Project &project);
    /// The model was edited: the next request runs this project. It is compiled on the worker
    /// thread (the UI never waits); a model that does not compile fails that request with the
    /// compiler's message and the previous model stays in use. Resets the observed ids to the
    /// project's defaults.
    void setProject(const Project &project);
    /// As above, sharing one copy of the edited project between controllers.
    void setProject(std::shared_ptr<const Project> project);
    const std::vector<std::string> &observedIds() const { return m_ids; }
    /// Queue a run of these scenarios (latest wins). Returns its generation.
    std::uint64_t request(const std::vector<Scenario> &scenarios, const QString &summary);
    bool busy() const { return m_busy; }
    std::uint64_t latestGeneration() const { return m_generation; }

signals:
    void resultReady(ferroscope::core::RunResultPtr result);
    void runFailed(quint64 generation, const QString &message);
    void busyChanged(bool busy);

    // internal: queued to the worker
    void runRequested(const ferroscope::core::SimulationJob &job);

private:
    void onFinished(ferroscope::core::RunResultPtr result);
    void onFailed(quint64 generation, const QString &message);
    void onAbandoned(quint64 generation);
    void startPending();

    QThread m_thread;
    SimulationWorker *m_worker = nullptr;   // lives in m_thread, deleted on thread finish
    std::shared_ptr<std::atomic<std::uint64_t>> m_latest;
    std::vector<std::string> m_ids;
    std::optional<SimulationJob> m_pending;
    std::shared_ptr<const Project> m_newProject;   // handed to the next job
    std::uint64_t m_generation = 0;
    bool m_busy = false;
};

}  // namespace ferroscope::core

Q_DECLARE_METATYPE(ferroscope::core::RunResultPtr)
Q_DECLARE_METATYPE(ferroscope::core::SimulationJob)
