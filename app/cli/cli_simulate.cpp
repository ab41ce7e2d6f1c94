// simulate, bench and export-sbml: the commands that run a scenario.
#include "app/cli/cli_internal.h"
#include "core/io/sbml_document.h"
#include "core/scenario/scenario_runner.h"

#include <QFile>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

namespace ferroscope::cli {

namespace {

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

struct Prepared {
    core::Project project;
    std::unique_ptr<core::ScenarioRunner> runner;
    core::ResolvedScenario scenario;
};

/// Loads the model, applies tolerances, compiles and resolves the scenario. Returns the exit
/// status on failure (message already written), or 0.
int prepare(const Options &o, std::ostream &err, Prepared &p)
{
    if (int rc = loadProjectForRun(o, err, p.project)) return rc;
    applyToleranceOptions(o, p.project);
    const core::Scenario scenario = scenarioFromOptions(o);
    auto runner = core::ScenarioRunner::create(p.project);
    if (!runner) {
        err << "ferroscope-cli: " << runner.errorText() << "\n";
        return 1;
    }
    p.runner = std::move(*runner);
    auto resolved = p.runner->resolve(scenario);
    if (!resolved) {
        err << "ferroscope-cli: " << resolved.errorText() << "\n";
        return 2;
    }
    p.scenario = std::move(*resolved);
    return 0;
}

std::vector<std::string> defaultVariables(const core::Project &project)
{
    std::vector<std::string> ids;
    for (const auto &s : project.model.species) ids.push_back(s.id);
    return ids;
}

/// The diagram export-sbml writes: MODEL's own (document diagram or SBML Layout), else the default.
core::DiagramLayout diagramFor(const Options &o, const core::Project &project)
{
    const QString path = o.positional.empty() ? QString() : QString::fromStdString(o.positional[0]);
    if (!path.isEmpty()) {
        QFile f(path);
        const bool json = f.open(QIODevice::ReadOnly) && f.peek(64).trimmed().startsWith('{');
        f.close();
        auto doc = json ? core::readDocumentFile(path) : core::importSbmlDocument(path);
        if (doc && doc->layout) return *doc->layout;
    }
    return core::defaultLayout(project);
}

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    if (v.empty()) return 0;
    const double pos = q * double(v.size() - 1);
    const std::size_t lo = std::size_t(pos);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

}  // namespace

int simulateCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, concat(kScenarioValued, {"--vars", "--amounts", "--atol", "--rtol", "--output"}),
                                   kScenarioRepeatable, kScenarioFlags);
    Prepared p;
    if (int rc = prepare(o, err, p)) return rc;
    std::vector<std::string> vars = o.value("--vars") ? o.list("--vars") : defaultVariables(p.project);
    std::vector<std::string> amounts = o.value("--amounts") ? o.list("--amounts") : std::vector<std::string>{};
    auto tape = p.runner->model().observerTape(vars, amounts);
    if (!tape) {
        err << "ferroscope-cli: " << tape.errorText() << "\n";
        return 2;
    }
    core::SimulationResult result;
    try {
        result = p.runner->run(p.scenario, &*tape);
    } catch (const core::SolverError &e) {
        err << "ferroscope-cli: simulation failed: " << e.what() << "\n";
        return 1;
    }
    std::string csv;
    csv.reserve(result.times.size() * (vars.size() + 1) * 14);
    csv += "time";
    for (const auto &v : vars) csv += "," + v;
    csv += "\n";
    for (std::size_t r = 0; r < result.times.size(); ++r) {
        csv += formatNumber(result.times[r]);
        for (std::size_t c = 0; c < result.columns; ++c) {
            csv += ',';
            csv += formatNumber(result.at(r, c));
        }
        csv += '\n';
    }
    if (auto path = o.value("--output")) {
        std::string error;
        if (!writeFileAtomically(*path, csv, error)) {
            err << "ferroscope-cli: " << error << "\n";
            return 1;
        }
    } else {
        out << csv;
    }
    return 0;
}

int benchCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, concat(kScenarioValued, {"--repeat", "--atol", "--rtol"}),
                                   kScenarioRepeatable, concat(kScenarioFlags, {"--json"}));
    const long repeat = o.integer("--repeat", 20);
    if (repeat < 1 || repeat > 1000000) throw UsageError{"--repeat must be between 1 and 1000000"};
    using Clock = std::chrono::steady_clock;
    const auto c0 = Clock::now();
    Prepared p;
    if (int rc = prepare(o, err, p)) return rc;
    const double compileMs = std::chrono::duration<double, std::milli>(Clock::now() - c0).count();
    auto tape = p.runner->model().observerTape(defaultVariables(p.project), {});
    if (!tape) {
        err << "ferroscope-cli: " << tape.errorText() << "\n";
        return 1;
    }
    std::vector<double> full, cached;
    long steps = 0;
    try {
        for (long k = 0; k < repeat; ++k) {
            p.runner->clearCache();   // time the whole scenario, pre-equilibration included
            const auto t0 = Clock::now();
            auto r = p.runner->run(p.scenario, &*tape);
            full.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            steps = r.stats.steps;
        }
        for (long k = 0; k < repeat; ++k) {   // a drug-only change: pre-equilibrated state cached
            const auto t0 = Clock::now();
            p.runner->run(p.scenario, &*tape);
            cached.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
    } catch (const core::SolverError &e) {
        err << "ferroscope-cli: simulation failed: " << e.what() << "\n";
        return 1;
    }
    std::ostringstream json;
    json.precision(4);
    json << std::fixed;
    json << "{\"median_ms\":" << percentile(full, 0.5) << ",\"p95_ms\":" << percentile(full, 0.95)
         << ",\"repeat\":" << repeat << ",\"states\":" << p.runner->model().stateCount()
         << ",\"cached_median_ms\":" << percentile(cached, 0.5) << ",\"compile_ms\":" << compileMs
         << ",\"solver_steps\":" << steps << ",\"output_points\":" << (p.scenario.steps + 1)
         << ",\"rhs_instructions\":" << p.runner->model().rhsTape.instructionCount()
         << ",\"jacobian_nonzeros\":" << p.runner->model().jacEntries.size()
         << ",\"jacobian_instructions\":" << p.runner->model().jacTape.instructionCount() << "}";
    if (o.hasFlag("--json")) {
        out << json.str() << "\n";
    } else {
        out << "full scenario (pre-equilibration included): median " << percentile(full, 0.5) << " ms, p95 "
            << percentile(full, 0.95) << " ms over " << repeat << " runs\n"
            << "with cached pre-equilibration: median " << percentile(cached, 0.5) << " ms\n"
            << "states " << p.runner->model().stateCount() << ", compile " << compileMs << " ms\n";
    }
    return 0;
}

int exportSbmlCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, concat(kScenarioValued, {"--output"}), kScenarioRepeatable, kScenarioFlags);
    auto path = o.value("--output");
    if (!path) throw UsageError{"export-sbml needs --output OUT.xml"};
    Prepared p;
    if (int rc = prepare(o, err, p)) return rc;
    const core::CompiledModel &m = p.runner->model();
    core::ModelSpec spec = p.project.model;
    const auto defaults = m.defaultParameters();
    auto setValue = [&](const std::string &id, double v) {
        if (auto *par = spec.findParameter(id)) { par->value = v; return; }
        for (auto &c : spec.compartments)
            if (c.id == id) { c.size = v; return; }
        for (auto &s : spec.species)
            if (s.id == id) {
                if (std::isnan(s.initialConcentration)) s.initialAmount = v;
                else s.initialConcentration = v;
                return;
            }
    };
    for (std::uint32_t i = 0; i < m.parameterCount(); ++i) {
        const double v = p.scenario.baseParameters[i];
        if (v != defaults[i] && !(std::isnan(v) && std::isnan(defaults[i]))) setValue(m.parameters[i].id, v);
    }
    std::vector<double> y0;
    try {
        y0 = p.runner->startState(p.scenario);
    } catch (const core::SolverError &e) {
        err << "ferroscope-cli: pre-equilibration failed: " << e.what() << "\n";
        return 1;
    }
    if (p.scenario.preequilibrate) {
        for (std::uint32_t i = 0; i < m.stateCount(); ++i) {
            const auto &st = m.states[i];
            core::Species *sp = spec.findSpecies(st.id);
            if (sp && st.kind == core::StateKind::SpeciesAmount && !std::isnan(sp->initialConcentration)) {
                const core::Compartment *c = spec.findCompartment(sp->compartment);
                const double size = (c && std::isfinite(c->size) && c->size > 0) ? c->size : 1.0;
                sp->initialConcentration = y0[i] / size;
            } else {
                setValue(st.id, y0[i]);
            }
        }
    }
    // Input windows become events (or the initial value when they start at the start time).
    int k = 0;
    for (const auto &change : p.scenario.schedule) {
        const std::string &id = m.parameters[change.parameter].id;
        if (change.time <= p.scenario.start) {
            setValue(id, change.value);
            continue;
        }
        if (auto *par = spec.findParameter(id)) par->constant = false;
        core::Event e;
        e.id = "switch_" + id + "_" + std::to_string(++k);
        e.name = id + " = " + formatNumber(change.value) + " from t = " + formatNumber(change.time) + " h";
        e.trigger = core::MathNode::make(core::MathOp::Geq,
                                         {core::MathNode::make(core::MathOp::Time), core::MathNode::number(change.time)});
        e.initialValue = true;
        e.persistent = true;
        e.assignments.push_back({id, core::MathNode::number(change.value)});
        spec.events.push_back(std::move(e));
    }
    core::DocumentFile doc;
    doc.layout = diagramFor(o, p.project);
    doc.project = p.project;
    doc.project.model = std::move(spec);
    core::SbmlExportOptions options;
    options.embedProject = false;   // the scenario is baked in: the catalogue no longer applies
    auto written = core::exportSbmlDocumentFile(doc, QString::fromStdString(*path), options);
    if (!written) {
        err << "ferroscope-cli: " << written.errorText() << "\n";
        return 1;
    }
    out << "wrote " << *path << " (SBML L3V2" << (p.scenario.summary.empty() ? "" : "; scenario: " + p.scenario.summary)
        << ")\n";
    return 0;
}

}  // namespace ferroscope::cli
