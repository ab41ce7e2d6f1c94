// Sensitivity: normalised local sensitivities S = d ln(readout) / d ln(p) of one readout (at a
// time, averaged over the run, or at the scenario's steady state) to every constant, non-zero
// model parameter, by central differences with a relative step h (R(p(1+h)) - R(p(1-h))) /
// (2 h R(p)), optionally with Richardson extrapolation over h and h/2 (error O(h^4) instead of
// O(h^2)). Each perturbation re-runs the whole scenario, pre-equilibration included (a parameter
// change moves the starting steady state too), in parallel. Entries are ranked by |S| and carry
// the parameter's evidence (measured vs estimated, units, sources) for a tornado chart.
// Parameters changed by the scenario's input schedule (the drugs themselves) are skipped.
// Called by the CLI and, from a worker thread, by the GUI; one call at a time per ParallelRunner.
#pragma once

#include "core/analysis/parallel_runner.h"
#include "core/analysis/readout_spec.h"

#include <limits>
#include <string>
#include <vector>

namespace ferroscope::core {

struct SensitivitySpec {
    ReadoutSpec readout;
    bool steadyState = false;               // readout at the steady state (readout.mode ignored)
    double relativeStep = 1e-3;
    bool richardson = false;
    std::vector<std::string> parameters;    // empty = every eligible parameter
};

struct SensitivityEntry {
    std::string id, name;
    std::string kind;                       // "parameter" or "localParameter" ("R1.k")
    double value = 0;                       // nominal value in the scenario
    double sensitivity = std::numeric_limits<double>::quiet_NaN();
    double plus = std::numeric_limits<double>::quiet_NaN();    // readout at p (1 + h)
    double minus = std::numeric_limits<double>::quiet_NaN();   // readout at p (1 - h)
    Evidence evidence;
};

struct SensitivityResult {
    ReadoutSpec readout;
    bool steadyState = false;
    std::string summary;
    double base = std::numeric_limits<double>::quiet_NaN();   // readout at the nominal parameters
    std::vector<SensitivityEntry> entries;  // by decreasing |S|; NaN (failed runs) last
    ParallelOutcome outcome;
};

/// The project with the tolerances Sensitivity needs: differences of runs amplify the solver
/// error by 1/h, so solve with rtol <= 1e-8 and 100x smaller absolute tolerances (at the
/// built-in model's rtol 1e-6 the error of S reaches 0.03; with these settings it is < 1e-3).
Project withSensitivityTolerances(Project project, double relativeTolerance = 1e-8, double absoluteScale = 1e-2);

/// Constant parameters (global, and local to a reaction) with a finite non-zero value in the
/// resolved scenario, not set by an initial assignment, event or the input schedule.
std::vector<std::string> sensitivityParameters(const ScenarioRunner &runner, const ResolvedScenario &scenario);

Result<SensitivityResult> runSensitivity(ParallelRunner &pool, const Scenario &scenario, const SensitivitySpec &spec,
                                         const RunCallbacks &callbacks = {}, const std::atomic<bool> *cancel = nullptr);

/// The readout of one scenario as Sensitivity defines it (steady state or a run).
double sensitivityReadout(ScenarioRunner &runner, const Scenario &scenario, const SensitivitySpec &spec,
                          const expr::Tape &observer, const std::atomic<bool> *cancel = nullptr);

}  // namespace ferroscope::core
