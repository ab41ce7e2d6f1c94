// ScenarioRunner: *how* a Scenario runs on a Project: compiles the model once, validates and
// resolves a Scenario into a parameter table plus a schedule of input switches, pre-equilibrates
// (MODEL.md §5.2: 400 h, then a Newton steady-state solve on the analytic Jacobian, with an
// integration fallback) with a cache keyed by the pre-run parameter table, and runs it.
// One instance per thread (it owns a CVODE solver). Solver failures throw SolverError.
#pragma once

#include "core/model/project.h"
#include "core/ode/compiled_model.h"
#include "core/scenario/scenario.h"
#include "core/sim/simulator.h"
#include "core/util/result.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ferroscope::core {

/// A scenario checked against the project and turned into numbers.
struct ResolvedScenario {
    std::vector<double> baseParameters;      // phenotype, genes, overrides; inputs at baseline
    std::vector<ParameterChange> schedule;   // input windows (switch on, switch off)
    bool preequilibrate = true;
    double start = 0, end = 72;
    int steps = 720;
    std::string summary;                     // one line: phenotype, genes, inputs, overrides
};

class ScenarioRunner {
public:
    static Result<std::unique_ptr<ScenarioRunner>> create(const Project &project);
    /// Shares the compiled model of `other` (cheap: no recompilation), with its own solver/cache.
    static std::unique_ptr<ScenarioRunner> clone(const ScenarioRunner &other);

    const Project &project() const { return m_project; }
    const CompiledModel &model() const { return *m_model; }
    std::shared_ptr<const CompiledModel> compiledModel() const { return m_model; }

    /// Validates ids and values; errors name the offending token and list the valid choices.
    Result<ResolvedScenario> resolve(const Scenario &scenario) const;
    /// Pre-equilibrated (or initial) state for the scenario's pre-run parameters. Cached.
    std::vector<double> startState(const ResolvedScenario &scenario);
    SimulationResult run(const ResolvedScenario &scenario, const expr::Tape *observer,
                         const std::atomic<bool> *cancel = nullptr);
    /// Steady state from y0 for parameter table p (Newton with integration fallback); the states
    /// listed in the project's reset map are held fixed. Throws SolverError if none is found.
    std::vector<double> steadyState(const std::vector<double> &p, std::vector<double> y0);

    void clearCache() { m_cache.clear(); }
    std::size_t cacheSize() const { return m_cache.size(); }
    SolverSettings solverSettings() const { return m_settings; }

private:
    ScenarioRunner(const Project &project, std::shared_ptr<const CompiledModel> model);
    std::vector<double> preequilibrated(const std::vector<double> &p);
    bool newton(const std::vector<double> &p, std::vector<double> &y);

    Project m_project;
    std::shared_ptr<const CompiledModel> m_model;
    SolverSettings m_settings;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<Simulator> m_preSim;   // looser tolerances: the Newton solve sets the accuracy
    std::map<std::vector<double>, std::vector<double>> m_cache;
    std::vector<int> m_fixedStates;                    // held during the steady-state solve
    std::vector<std::pair<int, double>> m_resetStates;  // set after pre-equilibration
};

}  // namespace ferroscope::core
