#include "core/analysis/sensitivity.h"

#include "core/analysis/dose_response.h"
#include "core/analysis/steady_state.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace ferroscope::core {

namespace {

void describe(const Project &project, SensitivityEntry &e)
{
    if (const Parameter *p = project.model.findParameter(e.id)) {
        e.name = p->name;
        e.evidence = p->evidence;
        return;
    }
    const auto dot = e.id.find('.');
    if (const Reaction *r = project.model.findReaction(e.id.substr(0, dot)); r && dot != std::string::npos)
        for (const auto &lp : r->localParameters)
            if (lp.id == e.id.substr(dot + 1)) {
                e.name = lp.name;
                e.evidence = lp.evidence;
            }
}

}  // namespace

Project withSensitivityTolerances(Project project, double relativeTolerance, double absoluteScale)
{
    project.relativeTolerance = std::min(project.relativeTolerance, relativeTolerance);
    project.defaultAbsoluteTolerance *= absoluteScale;
    for (auto &[id, atol] : project.absoluteTolerances) atol *= absoluteScale;
    return project;
}

std::vector<std::string> sensitivityParameters(const ScenarioRunner &runner, const ResolvedScenario &scenario)
{
    const CompiledModel &m = runner.model();
    const ModelSpec &spec = runner.project().model;
    std::set<std::uint32_t> excluded(m.computedParameters.begin(), m.computedParameters.end());
    for (const auto &c : scenario.schedule) excluded.insert(c.parameter);
    std::set<std::string> eventTargets;
    for (const auto &e : spec.events)
        for (const auto &a : e.assignments) eventTargets.insert(a.variable);
    std::vector<std::string> ids;
    for (std::uint32_t i = 0; i < m.parameterCount(); ++i) {
        const ParameterInfo &info = m.parameters[i];
        const double v = scenario.baseParameters[i];
        if ((info.kind != "parameter" && info.kind != "localParameter") || excluded.count(i) || eventTargets.count(info.id) ||
            !std::isfinite(v) || v == 0)
            continue;
        if (const Parameter *p = spec.findParameter(info.id); info.kind == "parameter" && (!p || !p->constant)) continue;
        ids.push_back(info.id);
    }
    return ids;
}

double sensitivityReadout(ScenarioRunner &runner, const Scenario &scenario, const SensitivitySpec &spec,
                          const expr::Tape &observer, const std::atomic<bool> *cancel)
{
    if (!spec.steadyState) return evaluateReadout(runner, scenario, spec.readout, observer, cancel);
    if (cancel && cancel->load()) throw SolverError("cancelled");
    auto resolved = runner.resolve(scenario);
    if (!resolved) throw SolverError("scenario: " + resolved.errorText());
    std::vector<double> p;
    const std::vector<double> y = scenarioSteadyState(runner, *resolved, p);
    return observeAt(runner.model(), observer, y, p).at(0);
}

Result<SensitivityResult> runSensitivity(ParallelRunner &pool, const Scenario &scenario, const SensitivitySpec &spec,
                                         const RunCallbacks &callbacks, const std::atomic<bool> *cancel)
{
    ScenarioRunner &main = pool.runner(0);
    auto tape = readoutTape(main, spec.readout.id);
    if (!tape) return tape.errors();
    if (!(spec.relativeStep > 0 && spec.relativeStep < 0.5))
        return Error{"--step", "the relative step must be between 0 and 0.5"};
    auto resolved = main.resolve(spec.steadyState ? scenario : readoutScenario(scenario, spec.readout));
    if (!resolved) return resolved.errors();
    SensitivityResult out;
    out.readout = concreteReadout(spec.readout, *resolved);
    out.steadyState = spec.steadyState;
    out.summary = resolved->summary;
    std::vector<std::string> ids = spec.parameters.empty() ? sensitivityParameters(main, *resolved) : spec.parameters;
    for (const auto &id : ids) {
        const int index = main.model().parameterIndex(id);
        if (index < 0) return Error{"--param", "unknown parameter '" + id + "'"};
        SensitivityEntry e;
        e.id = id;
        e.kind = main.model().parameters[std::size_t(index)].kind;
        e.value = resolved->baseParameters[std::size_t(index)];
        if (e.value == 0) return Error{id, "the parameter is 0: its normalised sensitivity is undefined"};
        describe(main.project(), e);
        out.entries.push_back(std::move(e));
    }
    // Point 0: nominal. Then per parameter: +h, -h (and +h/2, -h/2 with Richardson).
    const std::vector<double> factors = spec.richardson
        ? std::vector<double>{1 + spec.relativeStep, 1 - spec.relativeStep, 1 + spec.relativeStep / 2, 1 - spec.relativeStep / 2}
        : std::vector<double>{1 + spec.relativeStep, 1 - spec.relativeStep};
    const std::size_t per = factors.size(), n = 1 + per * out.entries.size();
    out.outcome = pool.run(n, [&](std::size_t k, ScenarioRunner &runner, const std::atomic<bool> *c) {
        Scenario s = scenario;
        if (k > 0) {
            const SensitivityEntry &e = out.entries[(k - 1) / per];
            s.parameters[e.id] = e.value * factors[(k - 1) % per];
        }
        return sensitivityReadout(runner, s, spec, *tape, c);
    }, nullptr, callbacks, cancel);
    const std::vector<double> &values = out.outcome.values;
    out.base = values[0];
    const double h = spec.relativeStep;
    for (std::size_t m = 0; m < out.entries.size(); ++m) {
        SensitivityEntry &e = out.entries[m];
        const double *v = &values[1 + per * m];
        e.plus = v[0];
        e.minus = v[1];
        const double coarse = (v[0] - v[1]) / (2 * h * out.base);
        e.sensitivity = spec.richardson ? (4 * (v[2] - v[3]) / (h * out.base) - coarse) / 3 : coarse;
    }
    std::stable_sort(out.entries.begin(), out.entries.end(), [](const SensitivityEntry &a, const SensitivityEntry &b) {
        const bool fa = std::isfinite(a.sensitivity), fb = std::isfinite(b.sensitivity);
        if (fa != fb) return fa;
        return fa && std::fabs(a.sensitivity) > std::fabs(b.sensitivity);
    });
    return out;
}

}  // namespace ferroscope::core
