// SteadyState: the steady state of the current scenario and its stability. Inputs are held at
// their doses for the whole solve (windows ignored: a steady state has no time); gene levels and
// overrides as in the scenario. Solved by ScenarioRunner::steadyState (integration, then Newton
// on the analytic Jacobian, with an integration fallback) from the scenario's start state.
// The states in the project's reset map (built-in model: V and PDT, MODEL.md §5.2) are held: V
// only declines (cell death) and PDT only accumulates, so they have no steady state of their own;
// they are set to their reset values (V = 1, PDT = 0) and excluded from the steady-state
// condition and from the Jacobian whose eigenvalues decide stability.
// One call per ScenarioRunner at a time (it uses the runner's solver).
#pragma once

#include "core/scenario/scenario_runner.h"

#include <Eigen/Dense>

#include <complex>
#include <string>
#include <utility>
#include <vector>

namespace ferroscope::core {

enum class Stability { Stable, Unstable, Marginal };
std::string stabilityName(Stability s);   // "stable", "unstable", "marginal"

struct SteadyStateAnalysis {
    std::string summary;                          // the scenario
    std::vector<std::string> stateIds;
    std::vector<double> state;                    // all states; held ones at their reset values
    std::vector<double> rates;                    // dy/dt at the steady state (all states)
    std::vector<std::string> heldStates;
    std::vector<std::string> heldInputs;          // inputs held at their doses
    double residual = 0;                          // max over free states |dy/dt| / (|y| + atol)
    std::vector<std::complex<double>> eigenvalues;  // free-state Jacobian, by decreasing real part
    double maxRealPart = 0;
    /// Stable: max Re < -tol; Unstable: > tol; Marginal otherwise, tol = 1e-9 * max(1, max |lambda|)
    /// (a conservation law or a numerically zero mode).
    Stability verdict = Stability::Marginal;
    std::vector<std::pair<std::string, double>> readouts;   // the project's readouts at the steady state
};

/// Throws SolverError when no steady state is found. User errors (bad scenario) as Result.
Result<SteadyStateAnalysis> analyseSteadyState(ScenarioRunner &runner, const Scenario &scenario);

/// The scenario's parameters with every input switched on at its dose (first switch of each).
std::vector<double> steadyStateParameters(const ResolvedScenario &scenario);
/// Steady state of a resolved scenario (inputs on, held states reset); p receives the parameters.
/// With no input on and pre-equilibration, it is the (cached) pre-equilibrated state itself.
std::vector<double> scenarioSteadyState(ScenarioRunner &runner, const ResolvedScenario &scenario,
                                        std::vector<double> &p);
/// Indices of the held states (the project's reset map).
std::vector<int> heldStateIndices(const ScenarioRunner &runner);
/// Dense Jacobian d(dy/dt)/dy at (t, y, p) from the compiled analytic Jacobian.
Eigen::MatrixXd denseJacobian(const CompiledModel &model, const std::vector<double> &y, const std::vector<double> &p,
                              double t = 0);
/// An observer tape's outputs at (t, y, p) (relations evaluated from the root functions).
std::vector<double> observeAt(const CompiledModel &model, const expr::Tape &tape, const std::vector<double> &y,
                              const std::vector<double> &p, double t = 0);

}  // namespace ferroscope::core
