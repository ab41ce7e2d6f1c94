// ReadoutSpec: the one number an analysis takes from a run — a model symbol (state, readout,
// reaction rate, ...) at a time, its time average or area under the curve over the run, or the
// time at which it first crosses a threshold. Also used at steady state by Sensitivity.
// Plain value type; any thread.
#pragma once

#include "core/scenario/scenario.h"
#include "core/scenario/scenario_runner.h"
#include "core/sim/simulator.h"

#include <atomic>

#include <limits>
#include <string>

namespace ferroscope::core {

enum class ReadoutMode {
    At,          // value at `time` (the run ends there; one output step)
    Mean,        // time average over [start, end] (trapezoid on the scenario's output grid)
    Auc,         // area under the curve over [start, end] (same grid), units × h
    Threshold,   // first time the value crosses `threshold` (linear interpolation between rows)
};

struct ReadoutSpec {
    std::string id;                   // any id CompiledModel::observerTape accepts
    ReadoutMode mode = ReadoutMode::At;
    double time = -1;                 // At: observation time in h; < 0 = the scenario's end
    double threshold = std::numeric_limits<double>::quiet_NaN();   // Threshold mode

    /// "Viability at 48 h", "mean of LOOH over the run", "time to Viability crossing 0.5".
    std::string description() const;
    /// Machine-readable form for file headers: "at:48", "mean", "auc", "threshold:0.5".
    std::string modeText() const;
};

/// The readout with an At time < 0 replaced by the scenario's end (for headers and comparisons).
ReadoutSpec concreteReadout(const ReadoutSpec &readout, const ResolvedScenario &scenario);

/// The scenario adjusted so that one run gives the readout: At -> end = time, one output step
/// (no intermediate rows are needed, so the run is as cheap as it can be).
Scenario readoutScenario(const Scenario &scenario, const ReadoutSpec &readout);

/// The readout from a finished run whose observer computed column 0 = readout.id.
/// Threshold: NaN when the value never crosses within the run; the start time when the run
/// starts exactly on the threshold. The direction is set by the first row (a falling viability
/// crosses 0.5 from above; a rising LOOH from below).
double readoutValue(const SimulationResult &run, const ReadoutSpec &readout);

/// Resolves and runs readoutScenario(scenario) on `runner` and returns the readout. `observer`
/// computes readout.id (observerTape({readout.id})). Throws SolverError on a solver failure, a
/// cancel, or a scenario that does not resolve (callers validate scenarios before a scan).
double evaluateReadout(ScenarioRunner &runner, const Scenario &scenario, const ReadoutSpec &readout,
                       const expr::Tape &observer, const std::atomic<bool> *cancel = nullptr);

}  // namespace ferroscope::core
