#include "core/scenario/scenario_runner.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace ferroscope::core {

namespace {

std::string choices(const std::vector<std::string> &ids)
{
    std::string out;
    for (const auto &id : ids) out += (out.empty() ? "" : ", ") + id;
    return out.empty() ? "(none)" : out;
}

template <typename T>
std::vector<std::string> idsOf(const std::vector<T> &items)
{
    std::vector<std::string> ids;
    for (const auto &x : items) ids.push_back(x.id);
    return ids;
}

std::size_t editDistance(const std::string &a, const std::string &b, bool ignoreCase)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = ignoreCase ? std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                               std::tolower(static_cast<unsigned char>(b[j - 1]))
                                         : a[i - 1] == b[j - 1];
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// " (did you mean X?)" for the closest of `ids`, or a pointer to the full list.
std::string suggestion(const std::string &token, const std::vector<std::string> &ids)
{
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(3, token.size() / 3) + 1;
    std::size_t bestExact = 0;
    for (const auto &id : ids) {
        const std::size_t d = editDistance(token, id, true), exact = editDistance(token, id, false);
        if (d < bestDistance || (d == bestDistance && !best.empty() && exact < bestExact)) {
            bestDistance = d;
            bestExact = exact;
            best = id;
        }
    }
    return best.empty() ? " (see `ferroscope-cli list parameters`)" : " (did you mean " + best + "?)";
}

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

}  // namespace

ScenarioRunner::ScenarioRunner(const Project &project, std::shared_ptr<const CompiledModel> model)
    : m_project(project), m_model(std::move(model))
{
    m_settings.relativeTolerance = project.relativeTolerance;
    m_settings.absoluteTolerance = project.defaultAbsoluteTolerance;
    m_settings.absoluteTolerances.resize(m_model->stateCount(), project.defaultAbsoluteTolerance);
    for (std::uint32_t i = 0; i < m_model->stateCount(); ++i) {
        auto it = project.absoluteTolerances.find(m_model->states[i].id);
        if (it != project.absoluteTolerances.end()) m_settings.absoluteTolerances[i] = it->second;
    }
    for (const auto &[id, value] : project.resetAfterPreequilibration) {
        const int s = m_model->stateIndex(id);
        if (s < 0) continue;
        m_fixedStates.push_back(s);
        m_resetStates.emplace_back(s, value);
    }
    m_sim = std::make_unique<Simulator>(m_model, m_settings);
    // The 400 h pre-run only has to land in the basin of the right steady state; the Newton
    // solve that follows fixes it to full precision, so it can use looser tolerances (1e-3
    // relative). If the loose run were off by more than the same-branch check allows, the
    // steady-state search falls back to integrating at full accuracy (steadyState()).
    SolverSettings loose = m_settings;
    loose.relativeTolerance = std::max(1e-3, m_settings.relativeTolerance);
    for (double &a : loose.absoluteTolerances) a *= 100;
    loose.absoluteTolerance *= 100;
    m_preSim = std::make_unique<Simulator>(m_model, loose);
}

Result<std::unique_ptr<ScenarioRunner>> ScenarioRunner::create(const Project &project)
{
    CompileOptions options;
    options.clampNegativeStates = project.clampNegativeStates;
    auto compiled = compileModel(project.model, options);
    if (!compiled) return compiled.errors();
    try {
        return std::unique_ptr<ScenarioRunner>(new ScenarioRunner(project, *compiled));
    } catch (const SolverError &e) {
        return Error{"solver", e.what()};
    }
}

std::unique_ptr<ScenarioRunner> ScenarioRunner::clone(const ScenarioRunner &other)
{
    return std::unique_ptr<ScenarioRunner>(new ScenarioRunner(other.m_project, other.m_model));
}

Result<ResolvedScenario> ScenarioRunner::resolve(const Scenario &sc) const
{
    const CompiledModel &m = *m_model;
    ResolvedScenario out;
    out.baseParameters = m.defaultParameters();
    Errors errors;
    std::vector<std::string> summary;
    const bool nonNegative = m_project.clampNegativeStates;
    auto setParam = [&](const std::string &id, double v, const std::string &what) {
        const int i = m.parameterIndex(id);
        if (i < 0) {
            std::vector<std::string> ids;
            for (const auto &p : m.parameters) ids.push_back(p.id);
            errors.push_back({what, "unknown parameter '" + id + "'" + suggestion(id, ids)});
            return false;
        }
        if (std::isnan(v) || std::isinf(v)) {
            errors.push_back({what, "value of '" + id + "' must be a finite number"});
            return false;
        }
        if (v < 0 && nonNegative) {
            errors.push_back({what, "value of '" + id + "' must not be negative (got " + number(v) + ")"});
            return false;
        }
        out.baseParameters[i] = v;
        return true;
    };

    // Phenotype preset.
    std::string phenotype = sc.phenotype.empty() ? m_project.defaultPhenotype : sc.phenotype;
    if (!phenotype.empty()) {
        const PhenotypePreset *preset = m_project.findPhenotype(phenotype);
        if (!preset) {
            errors.push_back({"--phenotype", "unknown phenotype '" + phenotype + "' (valid: " +
                                                 choices(idsOf(m_project.phenotypes)) + ")"});
        } else {
            for (const auto &[id, v] : preset->values) setParam(id, v, "phenotype " + phenotype);
            summary.push_back(phenotype);
        }
    }
    // Therapy preset: its genes and inputs come first; explicit options add to / override them.
    std::map<std::string, double> genes;
    std::vector<InputDose> inputs;
    if (!sc.therapy.empty()) {
        const TherapyPreset *t = m_project.findTherapy(sc.therapy);
        if (!t) {
            errors.push_back({"--preset", "unknown preset '" + sc.therapy + "' (valid: " +
                                              choices(idsOf(m_project.therapies)) + ")"});
        } else {
            genes = t->genes;
            inputs = t->inputs;
            summary.push_back("preset " + t->id);
        }
    }
    for (const auto &[id, v] : sc.genes) genes[id] = v;
    inputs.insert(inputs.end(), sc.inputs.begin(), sc.inputs.end());

    for (const auto &[id, v] : genes) {
        const GeneTarget *gt = m_project.findGene(id);
        if (!gt) {
            errors.push_back({"--gene", "unknown gene target '" + id + "' (valid: " + choices(idsOf(m_project.genes)) + ")"});
            continue;
        }
        if (!(v >= 0) || std::isinf(v)) {
            errors.push_back({"--gene " + id, "multiplier must be a finite number >= 0 (0 = knockout, 1 = normal), got " + number(v)});
            continue;
        }
        if (setParam(gt->parameter, v, "--gene " + id)) summary.push_back(id + "x" + number(v));
    }
    for (const auto &[id, v] : sc.parameters)
        if (setParam(id, v, "--param " + id)) summary.push_back(id + "=" + number(v));

    // Time grid.
    out.start = sc.start;
    out.end = sc.end < 0 ? m_project.defaultEnd : sc.end;
    out.steps = sc.steps < 0 ? m_project.defaultSteps : sc.steps;
    if (!std::isfinite(out.start) || !std::isfinite(out.end) || !(out.end > out.start))
        errors.push_back({"time", "the end time must be a finite number after the start time"});
    if (out.steps < 1) errors.push_back({"--steps", "the number of steps must be at least 1"});

    // Inputs: baseline value during pre-equilibration, switched on/off by the schedule.
    for (const auto &dose : inputs) {
        const InputSpec *spec = m_project.findInput(dose.input);
        std::string paramId = spec ? spec->parameter : dose.input;
        const int i = m.parameterIndex(paramId);
        if (i < 0 || (!spec && !m_project.inputs.empty())) {
            errors.push_back({"--input", "unknown input '" + dose.input + "' (valid: " + choices(idsOf(m_project.inputs)) + ")"});
            continue;
        }
        if (std::isnan(dose.value) || std::isinf(dose.value) || (dose.value < 0 && nonNegative)) {
            errors.push_back({"--input " + dose.input, "dose must be a finite number >= 0, got " + number(dose.value)});
            continue;
        }
        const double t0 = dose.start, t1 = dose.end < 0 ? out.end : dose.end;
        if (!std::isfinite(t0) || !std::isfinite(t1) || t0 < 0) {
            errors.push_back({"--input " + dose.input, "window times must be finite and >= 0"});
            continue;
        }
        if (t1 < t0) {
            errors.push_back({"--input " + dose.input, "window end " + number(t1) + " is before its start " + number(t0)});
            continue;
        }
        const double baseline = out.baseParameters[i];
        out.schedule.push_back({std::max(t0, out.start), std::uint32_t(i), dose.value});
        if (t1 < out.end) out.schedule.push_back({t1, std::uint32_t(i), baseline});
        std::string s = dose.input + "=" + number(dose.value);
        if (dose.start > 0 || dose.end >= 0) s += "@" + number(t0) + "-" + number(t1) + "h";
        summary.push_back(s);
    }
    out.preequilibrate = sc.preequilibrate && m_project.preequilibrationHours > 0;
    if (!errors.empty()) return errors;
    for (const auto &s : summary) out.summary += (out.summary.empty() ? "" : ", ") + s;
    return out;
}

std::vector<double> ScenarioRunner::startState(const ResolvedScenario &sc)
{
    if (!sc.preequilibrate) return m_sim->initialState(sc.baseParameters, sc.start);
    std::vector<double> y = preequilibrated(sc.baseParameters);
    for (auto [s, v] : m_resetStates) y[s] = v;
    return y;
}

SimulationResult ScenarioRunner::run(const ResolvedScenario &sc, const expr::Tape *observer,
                                     const std::atomic<bool> *cancel)
{
    std::vector<double> y0 = startState(sc);
    SimulationRequest request;
    request.start = sc.start;
    request.end = sc.end;
    request.steps = sc.steps;
    request.schedule = sc.schedule;
    request.cancel = cancel;
    return m_sim->run(sc.baseParameters, &y0, request, observer);
}

std::vector<double> ScenarioRunner::preequilibrated(const std::vector<double> &p)
{
    if (auto it = m_cache.find(p); it != m_cache.end()) return it->second;
    std::vector<double> y0 = m_sim->initialState(p, 0.0);
    std::vector<double> y = steadyState(p, y0);
    if (m_cache.size() > 256) m_cache.clear();   // bounded: scans touch many gene settings
    m_cache.emplace(p, y);
    return y;
}

std::vector<double> ScenarioRunner::steadyState(const std::vector<double> &p, std::vector<double> y0)
{
    const double hours = m_project.preequilibrationHours > 0 ? m_project.preequilibrationHours : 400.0;
    SimulationRequest request;
    request.start = 0;
    request.end = hours;
    request.steps = 0;
    SimulationResult r = m_preSim->run(p, &y0, request, nullptr);
    std::vector<double> y = r.finalState;
    std::vector<double> guess = y;
    if (newton(p, guess)) {
        // Same branch as the integration (R30 can make lipid peroxidation bistable): the Newton
        // correction must stay small relative to the 400 h state.
        bool close = true;
        for (std::size_t i = 0; i < y.size(); ++i) {
            const double scale = std::max(std::fabs(y[i]), m_settings.absoluteTolerances[i] * 1e3);
            if (std::fabs(guess[i] - y[i]) > 0.05 * scale) close = false;
        }
        if (close) return guess;
    }
    // Fallback: integrate on until no state changes by more than 1e-9 relative over `hours`.
    for (int chunk = 0; chunk < 50; ++chunk) {
        r = m_sim->run(p, &y, request, nullptr);
        double change = 0;
        for (std::size_t i = 0; i < y.size(); ++i) {
            if (std::find(m_fixedStates.begin(), m_fixedStates.end(), int(i)) != m_fixedStates.end()) continue;
            const double scale = std::max(std::fabs(y[i]), m_settings.absoluteTolerances[i]);
            change = std::max(change, std::fabs(r.finalState[i] - y[i]) / scale);
        }
        y = r.finalState;
        if (change <= 1e-9) return y;
    }
    throw SolverError("pre-equilibration did not reach a steady state within " + number(hours * 51) + " h");
}

bool ScenarioRunner::newton(const std::vector<double> &p, std::vector<double> &y)
{
    const CompiledModel &m = *m_model;
    const std::uint32_t n = m.stateCount();
    std::vector<int> freeIdx;
    for (std::uint32_t i = 0; i < n; ++i)
        if (std::find(m_fixedStates.begin(), m_fixedStates.end(), int(i)) == m_fixedStates.end()) freeIdx.push_back(int(i));
    const int k = int(freeIdx.size());
    if (k == 0) return true;
    std::vector<int> position(n, -1);
    for (int i = 0; i < k; ++i) position[freeIdx[i]] = i;

    std::vector<double> leaves(m.leafCount(), 0.0), f(n), jv(m.jacEntries.size());
    auto rhsWork = m.rhsTape.makeWorkspace();
    auto jacWork = m.jacTape.makeWorkspace();
    std::copy(p.begin(), p.end(), leaves.begin() + 1 + n);
    auto evalF = [&](const std::vector<double> &x, Eigen::VectorXd &F) {
        std::copy(x.begin(), x.end(), leaves.begin() + 1);
        m.rhsTape.evaluate(leaves.data(), f.data(), rhsWork.data());
        for (int i = 0; i < k; ++i) F[i] = f[freeIdx[i]];
        return F.allFinite();
    };
    auto weight = [&](int i, const std::vector<double> &x) {
        return 1.0 / (1e-6 * std::fabs(x[freeIdx[i]]) + m_settings.absoluteTolerances[freeIdx[i]]);
    };
    Eigen::VectorXd F(k), Fnew(k), dx(k);
    Eigen::MatrixXd J(k, k);
    if (!evalF(y, F)) return false;
    for (int iter = 0; iter < 60; ++iter) {
        std::copy(y.begin(), y.end(), leaves.begin() + 1);
        m.jacTape.evaluate(leaves.data(), jv.data(), jacWork.data());
        J.setZero();
        for (std::size_t e = 0; e < m.jacEntries.size(); ++e) {
            const int r = position[m.jacEntries[e].first], c = position[m.jacEntries[e].second];
            if (r >= 0 && c >= 0) J(r, c) = jv[e];
        }
        Eigen::PartialPivLU<Eigen::MatrixXd> lu(J);
        dx = lu.solve(-F);
        if (!dx.allFinite()) return false;
        double lambda = 1.0, stepNorm = 0;
        for (int i = 0; i < k; ++i)
            stepNorm = std::max(stepNorm, std::fabs(dx[i]) /
                                              (std::fabs(y[freeIdx[i]]) + m_settings.absoluteTolerances[freeIdx[i]]));
        if (stepNorm < 1e-11) {
            for (int i = 0; i < k; ++i) y[freeIdx[i]] += dx[i];
            return true;
        }
        auto fnorm = [&](const Eigen::VectorXd &v, const std::vector<double> &x) {
            double s = 0;
            for (int i = 0; i < k; ++i) s = std::max(s, std::fabs(v[i]) * weight(i, x));
            return s;
        };
        const double f0 = fnorm(F, y);
        std::vector<double> trial(y);
        for (int ls = 0; ls < 30; ++ls, lambda *= 0.5) {
            trial = y;
            bool ok = true;
            for (int i = 0; i < k; ++i) {
                trial[freeIdx[i]] = y[freeIdx[i]] + lambda * dx[i];
                if (m_project.clampNegativeStates && trial[freeIdx[i]] < 0) ok = false;
            }
            if (ok && evalF(trial, Fnew) && fnorm(Fnew, trial) < (1 - 1e-4 * lambda) * f0 + 1e-300) break;
            if (ls == 29) return false;   // no descent direction: let integration decide
        }
        stepNorm = 0;
        for (int i = 0; i < k; ++i)
            stepNorm = std::max(stepNorm, std::fabs(lambda * dx[i]) /
                                              (std::fabs(trial[freeIdx[i]]) + m_settings.absoluteTolerances[freeIdx[i]]));
        y = trial;
        F = Fnew;
        if (stepNorm < 1e-11) return true;
    }
    return false;
}

}  // namespace ferroscope::core
