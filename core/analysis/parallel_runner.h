// ParallelRunner: evaluates the points of a scan on a pool of std::thread workers. The model is
// compiled once (by the prototype ScenarioRunner); each worker owns a ScenarioRunner::clone with
// its own CVODE solver and pre-equilibration cache, and keeps it across calls, so a second scan of
// the same gene settings starts from cached steady states. Points that share a pre-equilibration
// (same gene setting / pre-run parameters) can be tagged with a group id; a group is handed to one
// worker as a whole when there are enough groups, so each steady state is computed once.
//
// Progress and finished points are reported on the thread that called run() (it coordinates and
// does not evaluate points), so a GUI controller can forward them as queued signals. Cancel by
// setting the atomic flag from any thread: workers stop before their next point and abort the run
// in flight at its next solver step.
//
// Owner: one analysis (CLI command or GUI controller). run() is not re-entrant; call it from one
// thread at a time. runner(k) may be used between calls (e.g. for a sequential refinement).
#pragma once

#include "core/scenario/scenario_runner.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ferroscope::core {

struct RunCallbacks {
    /// Points finished so far and the total; called at most every `progressIntervalMs` and once
    /// at the end (also when cancelled).
    std::function<void(std::size_t done, std::size_t total)> progress;
    /// Points finished since the last call and their values (for a plot that fills
    /// progressively); same cadence as progress, called before it.
    std::function<void(const std::vector<std::size_t> &indices, const std::vector<double> &values)> pointsReady;
    int progressIntervalMs = 50;
};

struct ParallelOutcome {
    std::size_t total = 0;
    std::size_t done = 0;         // points evaluated (failed ones included)
    std::size_t failed = 0;       // points whose task threw (solver failure): their value is NaN
    bool cancelled = false;
    std::string firstError;       // message of the first failure
    double seconds = 0;           // wall time
    int threads = 0;              // workers used
    std::vector<double> values;   // task(i) for each point; NaN where it failed or did not run
};

class ParallelRunner {
public:
    /// One point: its value computed with `runner` (pass `cancel` on to ScenarioRunner::run).
    /// May throw SolverError (the point is counted as failed and its value is NaN).
    using Task = std::function<double(std::size_t index, ScenarioRunner &runner, const std::atomic<bool> *cancel)>;

    /// threads <= 0: std::thread::hardware_concurrency(). Clones `prototype` (it need not outlive
    /// this object); further worker clones are made on first use.
    explicit ParallelRunner(const ScenarioRunner &prototype, int threads = 0);
    ~ParallelRunner();

    int threadCount() const { return m_threads; }
    /// Worker k's runner (k < threadCount()); for use between run() calls only.
    ScenarioRunner &runner(int k = 0);
    const ScenarioRunner &prototype() const { return *m_runners.front(); }

    /// Evaluates task(i) for i in [0, n). `groups` (size n, or null) tags points that share a
    /// pre-equilibration; null = every point independent. Blocks until done or cancelled.
    ParallelOutcome run(std::size_t n, const Task &task, const std::vector<std::size_t> *groups = nullptr,
                        const RunCallbacks &callbacks = {}, const std::atomic<bool> *cancel = nullptr);

private:
    struct Shared;
    static std::vector<std::vector<std::size_t>> makeChunks(std::size_t n, const std::vector<std::size_t> *groups,
                                                            int workers);
    static void work(Shared &shared, ScenarioRunner &runner, const Task &task);

    int m_threads = 1;
    std::vector<std::unique_ptr<ScenarioRunner>> m_runners;
};

}  // namespace ferroscope::core
