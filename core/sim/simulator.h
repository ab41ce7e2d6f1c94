// Simulator: runs a CompiledModel over a time grid with CVODE, handling SBML events (root-found
// triggers, delays, persistence, initialValue, useValuesFromTriggerTime, priorities), timed
// parameter changes (drug and light windows: the integrator stops exactly at each switch) and
// output sampling by interpolation (one CVODE step at a time, CVodeGetDky at each output time).
// One Simulator per thread; run() may be called many times with new parameters (no recompile).
// Throws SolverError on numerical failure.
#pragma once

#include "core/ode/compiled_model.h"
#include "core/solver/cvode_solver.h"

#include <atomic>
#include <memory>
#include <vector>

namespace ferroscope::core {

/// At `time`, parameter table entry `parameter` becomes `value` (piecewise-constant inputs).
struct ParameterChange {
    double time = 0;
    std::uint32_t parameter = 0;
    double value = 0;
};

struct SimulationRequest {
    double start = 0, end = 10;
    int steps = 100;                        // output rows = steps + 1 (0 = only the end point)
    std::vector<ParameterChange> schedule;  // any order
    const std::atomic<bool> *cancel = nullptr;   // checked between steps; throws SolverError
};

struct SimulationResult {
    std::vector<double> times;
    std::vector<double> values;      // row-major: times.size() x columns
    std::size_t columns = 0;
    std::vector<double> finalState;
    std::vector<double> finalParameters;
    SolverStats stats;
    double at(std::size_t row, std::size_t column) const { return values[row * columns + column]; }
};

class Simulator {
public:
    Simulator(std::shared_ptr<const CompiledModel> model, const SolverSettings &settings = {});
    ~Simulator();

    const CompiledModel &model() const { return *m_model; }
    /// Initial state for parameter table p at time t0 (initial assignments, rules, literals).
    std::vector<double> initialState(const std::vector<double> &p, double t0);
    /// Same, and writes the values of initial-assignment constants into p.
    std::vector<double> initialise(std::vector<double> &p, double t0);
    /// Run from y0 (or the initial state of `params` when y0 is null). `observer` (may be null)
    /// is evaluated at every output time. Events at t0 fire before the first row is written.
    SimulationResult run(const std::vector<double> &params, const std::vector<double> *y0,
                         const SimulationRequest &request, const expr::Tape *observer);

private:
    struct Run;
    std::shared_ptr<const CompiledModel> m_model;
    std::unique_ptr<CvodeSolver> m_solver;
    std::vector<double> m_initWork, m_leaves, m_lastVolumes;
};

}  // namespace ferroscope::core
