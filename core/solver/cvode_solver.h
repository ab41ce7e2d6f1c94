// CvodeSolver: CVODE (BDF, Newton, dense direct linear solver, analytic Jacobian from the
// compiled tapes, root finding on the model's relations) bound to one CompiledModel.
// Stepping is one internal step at a time (CV_ONE_STEP) so the caller can interpolate output
// times with interpolate() and stop exactly at discontinuities with the tstop argument.
// Failures throw SolverError; the process never aborts. One instance per thread; re-run cheaply
// with reset() after changing parameters (no recompilation, no reallocation).
#pragma once

#include "core/ode/compiled_model.h"

#include <memory>
#include <vector>

namespace ferroscope::core {

struct SolverSettings {
    double relativeTolerance = 1e-6;
    double absoluteTolerance = 1e-12;
    std::vector<double> absoluteTolerances;   // per state; overrides the scalar when non-empty
    long maxSteps = 500000;                   // per run (all segments)
    double maxStepSize = 0;                   // 0 = unlimited
};

struct SolverStats {
    long steps = 0, rhsEvaluations = 0, jacobianEvaluations = 0, reinits = 0, rootReturns = 0;
};

class CvodeSolver {
public:
    CvodeSolver(std::shared_ptr<const CompiledModel> model, const SolverSettings &settings);
    ~CvodeSolver();
    CvodeSolver(const CvodeSolver &) = delete;
    CvodeSolver &operator=(const CvodeSolver &) = delete;

    const CompiledModel &model() const { return *m_model; }
    /// Parameter table used by every following evaluation (copied).
    void setParameters(const std::vector<double> &p);
    const std::vector<double> &parameters() const { return m_params; }
    /// Absolute tolerance of state i = settings value x factors[i] (e.g. the compartment size for
    /// amount states of concentration species, so that atol keeps meaning a concentration).
    void scaleAbsoluteTolerances(const std::vector<double> &factors);
    /// Largest step (0 = unlimited). Used when root functions exist: a sign change of g inside
    /// one step is only seen if the step is short enough (e.g. sin(10 t) triggers).
    void setMaxStep(double h);
    /// (Re)start integration at t0 from y0 (stateCount() values).
    void reset(double t0, const double *y0);

    enum class StepResult { Step, Root, StopTime };
    /// One internal step towards tstop (never past it). t receives the time reached.
    StepResult step(double tstop, double &t);
    /// State at time t within the last step (CVodeGetDky), written to y (stateCount() values).
    void interpolate(double t, double *y);
    /// Current state after step()/reset().
    const double *state() const;
    /// Root directions after StepResult::Root: +1 rising, -1 falling, 0 not crossed.
    const std::vector<int> &rootsFound() const { return m_roots; }
    SolverStats stats() const;
    /// Starts a new run: step budget and counters back to zero.
    void beginRun() { m_stepsTaken = 0; m_reinits = 0; m_rootReturns = 0; }

    // Used by the CVODE trampolines.
    struct Callbacks;

private:
    void evaluate(const expr::Tape &tape, double t, const double *y, double *out, std::vector<double> &work);

    std::shared_ptr<const CompiledModel> m_model;
    SolverSettings m_settings;
    std::vector<double> m_params, m_leaves;
    std::vector<double> m_rhsWork, m_jacWork, m_rootWork, m_jacValues;
    std::vector<int> m_roots;
    std::uint32_t m_n = 0, m_nAlloc = 0;
    bool m_initialised = false;
    double m_maxStep = 0;
    long m_stepsTaken = 0, m_reinits = 0, m_rootReturns = 0;
    struct Handles;
    std::unique_ptr<Handles> m_h;
};

}  // namespace ferroscope::core
