#include "core/analysis/steady_state.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ferroscope::core {

namespace {

std::vector<double> leavesAt(const CompiledModel &m, const std::vector<double> &y, const std::vector<double> &p, double t)
{
    std::vector<double> leaves(m.leafCount(), 0.0);
    leaves[0] = t;
    std::copy(y.begin(), y.end(), leaves.begin() + m.stateLeaf(0));
    std::copy(p.begin(), p.end(), leaves.begin() + m.parameterLeaf(0));
    if (m.relationCount() > 0) {
        std::vector<double> g(m.relationCount());
        auto work = m.rootTape.makeWorkspace();
        m.rootTape.evaluate(leaves.data(), g.data(), work.data());
        for (std::uint32_t k = 0; k < m.relationCount(); ++k)
            leaves[m.relationLeaf(k)] = relationHolds(m.relations[k].op, g[k]) ? 1.0 : 0.0;
    }
    return leaves;
}

}  // namespace

std::string stabilityName(Stability s)
{
    switch (s) {
    case Stability::Stable: return "stable";
    case Stability::Unstable: return "unstable";
    case Stability::Marginal: return "marginal";
    }
    return "marginal";
}

std::vector<double> steadyStateParameters(const ResolvedScenario &scenario)
{
    std::vector<double> p = scenario.baseParameters;
    std::vector<ParameterChange> changes = scenario.schedule;
    std::stable_sort(changes.begin(), changes.end(), [](const auto &a, const auto &b) { return a.time < b.time; });
    std::vector<char> seen(p.size(), 0);
    for (const auto &c : changes)
        if (!seen[c.parameter]) {
            seen[c.parameter] = 1;
            p[c.parameter] = c.value;
        }
    return p;
}

std::vector<int> heldStateIndices(const ScenarioRunner &runner)
{
    std::vector<int> held;
    for (const auto &[id, value] : runner.project().resetAfterPreequilibration)
        if (const int s = runner.model().stateIndex(id); s >= 0) held.push_back(s);
    return held;
}

std::vector<double> scenarioSteadyState(ScenarioRunner &runner, const ResolvedScenario &scenario, std::vector<double> &p)
{
    p = steadyStateParameters(scenario);
    std::vector<double> y = runner.startState(scenario);
    if (p != scenario.baseParameters || !scenario.preequilibrate) y = runner.steadyState(p, y);
    for (const auto &[id, value] : runner.project().resetAfterPreequilibration)
        if (const int s = runner.model().stateIndex(id); s >= 0) y[std::size_t(s)] = value;
    return y;
}

Eigen::MatrixXd denseJacobian(const CompiledModel &m, const std::vector<double> &y, const std::vector<double> &p, double t)
{
    const std::vector<double> leaves = leavesAt(m, y, p, t);
    std::vector<double> values(m.jacEntries.size());
    auto work = m.jacTape.makeWorkspace();
    m.jacTape.evaluate(leaves.data(), values.data(), work.data());
    Eigen::MatrixXd J = Eigen::MatrixXd::Zero(m.stateCount(), m.stateCount());
    for (std::size_t e = 0; e < m.jacEntries.size(); ++e) J(m.jacEntries[e].first, m.jacEntries[e].second) += values[e];
    return J;
}

std::vector<double> observeAt(const CompiledModel &m, const expr::Tape &tape, const std::vector<double> &y,
                              const std::vector<double> &p, double t)
{
    const std::vector<double> leaves = leavesAt(m, y, p, t);
    std::vector<double> out(tape.outputCount());
    auto work = tape.makeWorkspace();
    tape.evaluate(leaves.data(), out.data(), work.data());
    return out;
}

Result<SteadyStateAnalysis> analyseSteadyState(ScenarioRunner &runner, const Scenario &scenario)
{
    auto resolved = runner.resolve(scenario);
    if (!resolved) return resolved.errors();
    const CompiledModel &m = runner.model();
    SteadyStateAnalysis out;
    out.summary = resolved->summary;
    std::vector<double> p;
    out.state = scenarioSteadyState(runner, *resolved, p);
    for (const auto &s : m.states) out.stateIds.push_back(s.id);
    for (const auto &c : resolved->schedule)
        if (std::find(out.heldInputs.begin(), out.heldInputs.end(), m.parameters[c.parameter].id) == out.heldInputs.end())
            out.heldInputs.push_back(m.parameters[c.parameter].id);

    std::vector<double> leaves = leavesAt(m, out.state, p, 0);
    out.rates.resize(m.stateCount());
    auto work = m.rhsTape.makeWorkspace();
    m.rhsTape.evaluate(leaves.data(), out.rates.data(), work.data());
    const std::vector<int> held = heldStateIndices(runner);
    std::vector<int> free;
    for (int i = 0; i < int(m.stateCount()); ++i)
        if (std::find(held.begin(), held.end(), i) == held.end()) free.push_back(i);
        else out.heldStates.push_back(m.states[std::size_t(i)].id);
    const auto atol = runner.solverSettings().absoluteTolerances;
    for (int i : free) {
        const double scale = std::fabs(out.state[std::size_t(i)]) + (std::size_t(i) < atol.size() ? atol[std::size_t(i)] : 1e-12);
        out.residual = std::max(out.residual, std::fabs(out.rates[std::size_t(i)]) / scale);
    }

    const Eigen::MatrixXd full = denseJacobian(m, out.state, p);
    Eigen::MatrixXd J(free.size(), free.size());
    for (std::size_t r = 0; r < free.size(); ++r)
        for (std::size_t c = 0; c < free.size(); ++c) J(Eigen::Index(r), Eigen::Index(c)) = full(free[r], free[c]);
    if (J.size() > 0) {
        Eigen::EigenSolver<Eigen::MatrixXd> solver(J, false);
        if (solver.info() != Eigen::Success) throw SolverError("the Jacobian eigenvalue solver did not converge");
        for (Eigen::Index k = 0; k < solver.eigenvalues().size(); ++k) out.eigenvalues.push_back(solver.eigenvalues()[k]);
    }
    std::sort(out.eigenvalues.begin(), out.eigenvalues.end(), [](const auto &a, const auto &b) {
        return a.real() != b.real() ? a.real() > b.real() : a.imag() > b.imag();
    });
    double largest = 1;
    for (const auto &l : out.eigenvalues) largest = std::max(largest, std::abs(l));
    out.maxRealPart = out.eigenvalues.empty() ? -HUGE_VAL : out.eigenvalues.front().real();
    const double tol = 1e-9 * largest;
    out.verdict = out.maxRealPart < -tol ? Stability::Stable : out.maxRealPart > tol ? Stability::Unstable : Stability::Marginal;

    auto tape = m.observerTape(runner.project().readouts, {});
    if (tape && !runner.project().readouts.empty()) {
        const auto values = observeAt(m, *tape, out.state, p);
        for (std::size_t k = 0; k < values.size(); ++k) out.readouts.emplace_back(runner.project().readouts[k], values[k]);
    }
    return out;
}

}  // namespace ferroscope::core
