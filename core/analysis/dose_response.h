// DoseResponse: sweeps one input dose or gene multiplier (ScanAxis) for one readout, for one or
// several phenotypes, in parallel; adds the control (the scenario without the swept input) and
// locates the IC50/EC50 of each curve: first by interpolation on the sampled curve in log-dose,
// then by bisection re-simulating inside the bracket (so the result does not depend on the grid).
// Called by the CLI and, from a worker thread, by the GUI (progress and cancel through
// RunCallbacks and the atomic flag). One call at a time per ParallelRunner.
#pragma once

#include "core/analysis/parallel_runner.h"
#include "core/analysis/readout_spec.h"
#include "core/analysis/scan_axis.h"

#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace ferroscope::core {

struct DoseResponseSpec {
    ScanAxis axis;
    ReadoutSpec readout;
    std::vector<std::string> phenotypes;   // empty = the scenario's own; e.g. {"nonCSC", "CSC"}
    bool halfEffect = true;                // locate IC50/EC50 (not for Threshold readouts)
    /// Readout level that defines the IC50/EC50. NaN = half-maximal effect within the range: for
    /// an input, control + (extreme - control) / 2 with extreme = the sampled response farthest
    /// from the control (the input absent); for a gene or parameter sweep, whose reference level
    /// lies inside the range, halfway between the smallest and largest sampled responses.
    double level = std::numeric_limits<double>::quiet_NaN();
    double relativeWidth = 1e-4;           // bisection stops when hi/lo - 1 < relativeWidth
    int maxRefinements = 60;
};

struct HalfEffect {
    bool found = false;
    std::string kind;                      // "IC50" (the readout falls with the dose) or "EC50"
    double level = std::numeric_limits<double>::quiet_NaN();
    double estimate = std::numeric_limits<double>::quiet_NaN();   // interpolated on the sampled curve
    double dose = std::numeric_limits<double>::quiet_NaN();       // refined (interpolated in the bracket)
    double lo = std::numeric_limits<double>::quiet_NaN();         // final bracket: the level is
    double hi = std::numeric_limits<double>::quiet_NaN();         //   crossed between lo and hi
    int evaluations = 0;                   // runs of the refinement
    std::string note;                      // why it was not found / not refined
};

struct DoseResponseCurve {
    std::string phenotype;
    double control = std::numeric_limits<double>::quiet_NaN();   // readout without the swept agent
    std::vector<double> responses;                               // one per dose; NaN = run failed
    HalfEffect half;
};

struct DoseResponseResult {
    ScanAxis axis;
    ReadoutSpec readout;
    std::string summary;                   // the scenario (one line)
    std::vector<double> doses;
    std::vector<DoseResponseCurve> curves;
    ParallelOutcome sweep, refinement;
    bool cancelled() const { return sweep.cancelled || refinement.cancelled; }
};

/// Validates the spec against the model (unknown readout/axis/phenotype -> errors), then runs.
/// Solver failures at single doses give NaN responses (counted in sweep.failed).
Result<DoseResponseResult> runDoseResponse(ParallelRunner &pool, const Scenario &scenario, const DoseResponseSpec &spec,
                                           const RunCallbacks &callbacks = {},
                                           const std::atomic<bool> *cancel = nullptr);

/// control + (extreme - control) / 2 (NaN when nothing is finite).
double halfEffectLevel(double control, const std::vector<double> &responses);
/// (min + max) / 2 of the finite responses (NaN when none).
double midrangeLevel(const std::vector<double> &responses);

/// Where the sampled curve first crosses `level` (in sweep order): interpolation in log-dose
/// (linear when a bracket end is <= 0), then bisection calling `evaluate(dose)` until the bracket
/// is narrower than relativeWidth, and interpolation inside the final bracket. `evaluate` may be
/// null (no refinement) and may throw (the refinement stops; the bracket so far is kept).
HalfEffect locateCrossing(const std::vector<double> &doses, const std::vector<double> &responses, double control,
                          double level, const std::function<double(double)> &evaluate,
                          double relativeWidth = 1e-4, int maxEvaluations = 60);

/// The observer tape for one readout id, with an error listing the project's readouts.
Result<expr::Tape> readoutTape(const ScenarioRunner &runner, const std::string &id);

}  // namespace ferroscope::core
