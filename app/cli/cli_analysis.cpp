// dose-response, scan2d, steady-state, sensitivity and merge: the what-if analyses of issue #6 on
// the command line. Each takes the scenario options of simulate; the work is done by
// core/analysis (the GUI calls the same functions). Over 400 lines because it holds five commands
// that share option parsing and output helpers.
#include "app/cli/cli_internal.h"
#include "core/analysis/dose_response.h"
#include "core/analysis/scan2d.h"
#include "core/analysis/scan_file.h"
#include "core/analysis/sensitivity.h"
#include "core/analysis/steady_state.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ferroscope::cli {

namespace {

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::vector<std::string> kReadoutValued = {"--readout", "--at", "--threshold", "--output", "--threads",
                                                 "--rtol", "--atol"};
const std::vector<std::string> kOutputFlags = {"--json", "--csv", "--mean", "--auc"};

/// The model and a runner with the project's (or --rtol/--atol) tolerances. As simulate's
/// prepare(), without resolving: the analyses resolve their own scenarios.
struct Analysis {
    core::Project project;
    std::unique_ptr<core::ScenarioRunner> runner;
    core::Scenario scenario;
};

int prepareAnalysis(const Options &o, std::ostream &err, Analysis &a, bool sensitivity = false)
{
    if (int rc = loadProjectForRun(o, err, a.project)) return rc;
    const bool ownTolerances = o.value("--rtol") || o.value("--atol");
    if (sensitivity && !ownTolerances) a.project = core::withSensitivityTolerances(a.project);
    applyToleranceOptions(o, a.project);
    a.scenario = scenarioFromOptions(o);
    auto runner = core::ScenarioRunner::create(a.project);
    if (!runner) {
        err << "ferroscope-cli: " << runner.errorText() << "\n";
        return 1;
    }
    a.runner = std::move(*runner);
    return 0;
}

core::ReadoutSpec readoutFromOptions(const Options &o, bool required = true)
{
    core::ReadoutSpec r;
    if (auto v = o.value("--readout")) r.id = *v;
    else if (required) throw UsageError{"--readout ID is required (see `ferroscope-cli list readouts`)"};
    const int modes = int(o.value("--at").has_value()) + int(o.hasFlag("--mean")) + int(o.hasFlag("--auc")) +
                      int(o.value("--threshold").has_value()) + int(o.hasFlag("--steady-state"));
    if (modes > 1) throw UsageError{"give only one of --at, --mean, --auc, --threshold, --steady-state"};
    if (auto v = o.value("--at")) {
        r.time = parseNumber(*v, "--at");
        if (!(r.time > 0) || std::isinf(r.time)) throw UsageError{"--at must be a time after 0 h, got '" + *v + "'"};
        if (auto e = o.value("--end"); e && parseNumber(*e, "--end") != r.time)
            throw UsageError{"--at " + *v + " and --end " + *e + " disagree: --at sets the end of the run"};
    }
    if (o.hasFlag("--mean")) r.mode = core::ReadoutMode::Mean;
    if (o.hasFlag("--auc")) r.mode = core::ReadoutMode::Auc;
    if (auto v = o.value("--threshold")) {
        r.mode = core::ReadoutMode::Threshold;
        r.threshold = parseNumber(*v, "--threshold");
        if (std::isinf(r.threshold)) throw UsageError{"--threshold must be a finite number"};
    }
    return r;
}

int threadsFromOptions(const Options &o)
{
    const long t = o.integer("--threads", 0);
    if (t < 0 || t > 256) throw UsageError{"--threads must be between 1 and 256 (0 = all cores)"};
    return int(t);
}

bool wantJson(const Options &o)
{
    if (o.hasFlag("--json") && o.hasFlag("--csv")) throw UsageError{"give only one of --json and --csv"};
    if (o.hasFlag("--json")) return true;
    if (o.hasFlag("--csv")) return false;
    const auto path = o.value("--output");
    return path && path->size() > 5 && path->substr(path->size() - 5) == ".json";
}

int writeOutput(const Options &o, const std::string &text, std::ostream &out, std::ostream &err)
{
    if (auto path = o.value("--output")) {
        std::string error;
        if (!writeFileAtomically(*path, text, error)) {
            err << "ferroscope-cli: " << error << "\n";
            return 1;
        }
        return 0;
    }
    out << text;
    return 0;
}

int reportErrors(const core::Errors &errors, std::ostream &err)
{
    err << "ferroscope-cli: " << core::joinErrors(errors) << "\n";
    return 2;
}

/// One warning line when some runs failed; exit status 1 when all did.
int runStatus(const core::ParallelOutcome &o, std::ostream &err)
{
    if (o.failed == 0) return 0;
    err << "ferroscope-cli: warning: " << o.failed << " of " << o.total << " runs failed and are NaN (first: "
        << o.firstError << ")\n";
    return o.failed == o.total ? 1 : 0;
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

QJsonValue jnum(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
QString qs(const std::string &s) { return QString::fromStdString(s); }
std::string jsonText(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString(); }

QJsonObject readoutJson(const core::ReadoutSpec &r)
{
    return {{"id", qs(r.id)}, {"mode", qs(r.modeText())}, {"description", qs(r.description())}};
}

// ------------------------------------------------------------------ dose-response

struct Sweep {
    std::string id, flag;
};

/// Takes the swept id out of the options: --input ID / --gene ID without '=' (with '=' they are
/// fixed scenario settings, as in simulate).
Sweep takeSweep(Options &o)
{
    Sweep sw;
    for (const char *name : {"--input", "--gene"}) {
        auto &list = o.repeated[name];
        for (auto it = list.begin(); it != list.end();) {
            if (it->find('=') != std::string::npos) { ++it; continue; }
            if (!sw.id.empty()) throw UsageError{"sweep only one input or gene at a time (" + sw.id + " and " + *it + ")"};
            sw = {*it, name};
            it = list.erase(it);
        }
    }
    if (sw.id.empty()) throw UsageError{"dose-response needs the swept input: --input ID (or --gene ID)"};
    return sw;
}

core::ScanAxis sweepAxis(const Sweep &sweep, const Options &o, const core::Project &project)
{
    const std::string &id = sweep.id, &flag = sweep.flag;
    const core::InputSpec *in = project.findInput(id);
    if (flag == "--input" && !in && !project.inputs.empty()) {
        if (project.findGene(id)) throw UsageError{"'" + id + "' is a gene target: sweep it with --gene " + id};
        std::string valid;
        for (const auto &i : project.inputs) valid += (valid.empty() ? "" : ", ") + i.id;
        throw UsageError{"--input: unknown input '" + id + "' (valid: " + valid + ")"};
    }
    if (flag == "--gene" && !project.findGene(id))
        throw UsageError{"unknown gene target '" + id + "' (see `ferroscope-cli list targets`)"};
    const bool typical = in && in->typicalMax > 0;
    if (!typical && (!o.value("--from") || !o.value("--to")))
        throw UsageError{"give the range of " + id + " with --from A --to B"};
    const double from = o.number("--from", typical ? (in->typicalMin > 0 ? in->typicalMin : in->typicalMax / 100) : 0);
    const double to = o.number("--to", typical ? in->typicalMax : 0);
    const long points = o.integer("--points", 25);
    if (o.hasFlag("--log") && o.hasFlag("--linear")) throw UsageError{"give only one of --log and --linear"};
    const bool log = o.hasFlag("--log") || (!o.hasFlag("--linear") && from > 0 && to > 0);
    auto axis = core::makeScanAxis(project, id, from, to, int(std::clamp<long>(points, -1, 1000000)), log);
    if (!axis) throw UsageError{axis.errorText()};
    return *axis;
}

std::string doseResponseCsv(const core::DoseResponseResult &r, const core::Project &project)
{
    const core::InputSpec *in = project.findInput(r.axis.id);
    const std::string unit = in ? " " + in->unit : "";
    std::ostringstream s;
    s << "# ferroscope dose-response\n# sweep " << r.axis.id << " (" << r.axis.kindName() << (in ? ", " + in->unit : "")
      << "): " << formatNumber(r.axis.from) << " to " << formatNumber(r.axis.to) << ", " << r.axis.points << " points, "
      << (r.axis.log ? "log" : "linear") << "\n# readout " << r.readout.description() << "\n# scenario "
      << (r.summary.empty() ? "(default)" : r.summary) << "\n";
    const std::string reference = r.axis.kind == core::AxisKind::Input ? r.axis.id + " absent"
                                                                       : r.axis.id + " at its scenario level";
    for (const auto &c : r.curves) {
        const std::string phen = c.phenotype.empty() ? "" : " " + c.phenotype;
        s << "# control" << phen << " (" << reference << "): " << formatNumber(c.control) << "\n";
        const auto &h = c.half;
        if (h.found)
            s << "# " << h.kind << phen << ": " << formatNumber(h.dose) << unit << " in [" << formatNumber(h.lo)
              << ", " << formatNumber(h.hi) << "] at " << r.readout.id << " = " << formatNumber(h.level) << " ("
              << h.evaluations << " refinement runs; sampled estimate " << formatNumber(h.estimate) << ")\n";
        else if (r.readout.mode == core::ReadoutMode::Threshold)
            s << "# IC50/EC50" << phen << ": not computed for a time-to-threshold readout\n";
        else if (!h.note.empty())
            s << "# IC50/EC50" << phen << ": not found (" << h.note << ")\n";
    }
    s << r.axis.id;
    for (const auto &c : r.curves) s << "," << r.readout.id << (r.curves.size() > 1 ? "_" + c.phenotype : "");
    s << "\n";
    for (std::size_t i = 0; i < r.doses.size(); ++i) {
        s << formatNumber(r.doses[i]);
        for (const auto &c : r.curves) s << "," << formatNumber(c.responses[i]);
        s << "\n";
    }
    return s.str();
}

std::string doseResponseJson(const core::DoseResponseResult &r)
{
    QJsonArray doses, curves;
    for (double d : r.doses) doses.append(jnum(d));
    for (const auto &c : r.curves) {
        QJsonArray responses;
        for (double v : c.responses) responses.append(jnum(v));
        const auto &h = c.half;
        curves.append(QJsonObject{
            {"phenotype", qs(c.phenotype)}, {"control", jnum(c.control)}, {"responses", responses},
            {"half_effect", QJsonObject{{"kind", qs(h.kind)}, {"found", h.found}, {"dose", jnum(h.dose)},
                                        {"bracket", QJsonArray{jnum(h.lo), jnum(h.hi)}}, {"estimate", jnum(h.estimate)},
                                        {"level", jnum(h.level)}, {"evaluations", h.evaluations}, {"note", qs(h.note)}}}});
    }
    return jsonText({{"analysis", "dose-response"},
                     {"sweep", QJsonObject{{"id", qs(r.axis.id)}, {"kind", qs(r.axis.kindName())}, {"from", r.axis.from},
                                           {"to", r.axis.to}, {"points", r.axis.points}, {"scale", r.axis.log ? "log" : "lin"}}},
                     {"readout", readoutJson(r.readout)}, {"scenario", qs(r.summary)}, {"doses", doses}, {"curves", curves},
                     {"failed_runs", double(r.sweep.failed)}});
}

// ------------------------------------------------------------------ steady state

std::string steadyStateText(const core::SteadyStateAnalysis &s)
{
    std::ostringstream o;
    o << "steady state: " << (s.summary.empty() ? "(default scenario)" : s.summary) << "\n";
    if (!s.heldInputs.empty()) {
        o << "inputs held at their doses:";
        for (const auto &i : s.heldInputs) o << " " << i;
        o << "\n";
    }
    o << "held states (not part of the steady-state condition):";
    for (const auto &h : s.heldStates) o << " " << h;
    o << "\nresidual max |dy/dt|/(|y|+atol): " << formatNumber(s.residual) << "\n\nstate            value\n";
    for (std::size_t i = 0; i < s.state.size(); ++i) {
        std::string id = s.stateIds[i];
        id.resize(std::max<std::size_t>(id.size(), 16), ' ');
        o << id << " " << formatNumber(s.state[i]) << "\n";
    }
    if (!s.readouts.empty()) o << "\nreadout          value\n";
    for (const auto &[id, v] : s.readouts) {
        std::string name = id;
        name.resize(std::max<std::size_t>(name.size(), 16), ' ');
        o << name << " " << formatNumber(v) << "\n";
    }
    o << "\nJacobian eigenvalues (" << s.eigenvalues.size() << ", free states; largest real part first):\n";
    for (const auto &l : s.eigenvalues)
        o << "  " << formatNumber(l.real()) << (l.imag() == 0 ? "" : (l.imag() > 0 ? " + " : " - ") + formatNumber(std::fabs(l.imag())) + "i") << "\n";
    o << "max real part " << formatNumber(s.maxRealPart) << ": " << core::stabilityName(s.verdict) << "\n";
    return o.str();
}

std::string steadyStateJson(const core::SteadyStateAnalysis &s)
{
    QJsonObject states, rates, readouts;
    for (std::size_t i = 0; i < s.state.size(); ++i) {
        states[qs(s.stateIds[i])] = jnum(s.state[i]);
        rates[qs(s.stateIds[i])] = jnum(s.rates[i]);
    }
    for (const auto &[id, v] : s.readouts) readouts[qs(id)] = jnum(v);
    QJsonArray eig, held, inputs;
    for (const auto &l : s.eigenvalues) eig.append(QJsonArray{jnum(l.real()), jnum(l.imag())});
    for (const auto &h : s.heldStates) held.append(qs(h));
    for (const auto &i : s.heldInputs) inputs.append(qs(i));
    return jsonText({{"analysis", "steady-state"}, {"scenario", qs(s.summary)}, {"states", states}, {"rates", rates},
                     {"readouts", readouts}, {"held_states", held}, {"held_inputs", inputs},
                     {"residual", jnum(s.residual)}, {"eigenvalues", eig}, {"max_real_part", jnum(s.maxRealPart)},
                     {"verdict", qs(core::stabilityName(s.verdict))}});
}

// ------------------------------------------------------------------ sensitivity

std::string sensitivityCsv(const core::SensitivityResult &r, std::size_t top, double step, bool richardson)
{
    std::ostringstream s;
    s << "# ferroscope sensitivity d ln(" << r.readout.id << ")/d ln(p)\n# readout "
      << (r.steadyState ? r.readout.id + " at steady state" : r.readout.description()) << " = " << formatNumber(r.base)
      << "\n# scenario " << (r.summary.empty() ? "(default)" : r.summary) << "\n# central differences, relative step "
      << formatNumber(step) << (richardson ? ", Richardson-extrapolated" : "") << "; " << r.entries.size()
      << " parameters\nrank,parameter,name,value,units,sensitivity,evidence,sources,readout_plus,readout_minus\n";
    for (std::size_t k = 0; k < r.entries.size() && k < top; ++k) {
        const auto &e = r.entries[k];
        const char *evidence = e.evidence.estimated ? "estimated" : e.evidence.empty() ? "" : "measured";
        s << k + 1 << "," << csvField(e.id) << "," << csvField(e.name) << "," << formatNumber(e.value) << ","
          << csvField(e.evidence.units) << "," << formatNumber(e.sensitivity) << "," << evidence << ","
          << csvField(e.evidence.sources) << "," << formatNumber(e.plus) << "," << formatNumber(e.minus) << "\n";
    }
    return s.str();
}

std::string sensitivityJson(const core::SensitivityResult &r, std::size_t top, double step, bool richardson)
{
    QJsonArray entries;
    for (std::size_t k = 0; k < r.entries.size() && k < top; ++k) {
        const auto &e = r.entries[k];
        entries.append(QJsonObject{{"rank", int(k + 1)}, {"parameter", qs(e.id)}, {"name", qs(e.name)}, {"kind", qs(e.kind)},
                                   {"value", jnum(e.value)}, {"sensitivity", jnum(e.sensitivity)},
                                   {"readout_plus", jnum(e.plus)}, {"readout_minus", jnum(e.minus)},
                                   {"units", qs(e.evidence.units)}, {"estimated", e.evidence.estimated},
                                   {"sources", qs(e.evidence.sources)}, {"seed_refs", qs(e.evidence.seedRefs)}});
    }
    return jsonText({{"analysis", "sensitivity"}, {"readout", readoutJson(r.readout)}, {"steady_state", r.steadyState},
                     {"scenario", qs(r.summary)}, {"base", jnum(r.base)}, {"relative_step", step},
                     {"richardson", richardson}, {"parameters", int(r.entries.size())}, {"entries", entries},
                     {"failed_runs", double(r.outcome.failed)}});
}

}  // namespace

int doseResponseCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    Options o = parseOptions(args, concat(concat(kScenarioValued, kReadoutValued), {"--from", "--to", "--points", "--level"}),
                             kScenarioRepeatable,
                             concat(concat(kScenarioFlags, kOutputFlags), {"--log", "--linear", "--both-phenotypes"}));
    const Sweep sweep = takeSweep(o);
    Analysis a;
    if (int rc = prepareAnalysis(o, err, a)) return rc;
    core::DoseResponseSpec spec;
    spec.axis = sweepAxis(sweep, o, a.project);
    spec.readout = readoutFromOptions(o);
    if (o.hasFlag("--both-phenotypes")) {
        if (o.value("--phenotype")) throw UsageError{"give either --phenotype or --both-phenotypes"};
        for (const auto &p : a.project.phenotypes) spec.phenotypes.push_back(p.id);
        if (spec.phenotypes.empty()) throw UsageError{"--both-phenotypes: this model has no phenotype presets"};
    }
    if (auto v = o.value("--level")) spec.level = parseNumber(*v, "--level");
    const bool json = wantJson(o);
    core::ParallelRunner pool(*a.runner, threadsFromOptions(o));
    auto result = core::runDoseResponse(pool, a.scenario, spec);
    if (!result) return reportErrors(result.errors(), err);
    if (int status = runStatus(result->sweep, err)) return status;
    return writeOutput(o, json ? doseResponseJson(*result) : doseResponseCsv(*result, a.project), out, err);
}

int scan2dCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args,
                                   concat(concat(kScenarioValued, kReadoutValued), {"--x", "--y", "--synergy", "--effect", "--shard"}),
                                   kScenarioRepeatable, concat(kScenarioFlags, kOutputFlags));
    Analysis a;
    if (int rc = prepareAnalysis(o, err, a)) return rc;
    core::Scan2DSpec spec;
    for (const char *name : {"--x", "--y"}) {
        const auto v = o.value(name);
        if (!v) throw UsageError{std::string("scan2d needs ") + name + " ID:FROM:TO:POINTS[:log]"};
        auto axis = core::parseScanAxis(a.project, *v);
        if (!axis) throw UsageError{std::string(name) + " " + axis.errorText()};
        (name[2] == 'x' ? spec.x : spec.y) = *axis;
    }
    spec.readout = readoutFromOptions(o);
    if (auto v = o.value("--synergy"); v && !core::parseSynergyMethod(*v, spec.synergy))
        throw UsageError{"--synergy must be bliss, hsa, loewe or none, got '" + *v + "'"};
    if (auto v = o.value("--effect"); v && !core::parseEffectScale(*v, spec.effect))
        throw UsageError{"--effect must be decrease or increase, got '" + *v + "'"};
    core::ShardSpec shard;
    if (auto v = o.value("--shard")) {
        auto s = core::parseShard(*v);
        if (!s) throw UsageError{s.errorText()};
        shard = *s;
    }
    const bool json = wantJson(o);
    core::ParallelRunner pool(*a.runner, threadsFromOptions(o));
    auto result = core::runScan2D(pool, a.scenario, spec, shard);
    if (!result) return reportErrors(result.errors(), err);
    if (int status = runStatus(result->outcome, err)) return status;
    return writeOutput(o, json ? core::scanToJson(*result) : core::scanToCsv(*result), out, err);
}

int steadyStateCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, concat(kScenarioValued, {"--output", "--rtol", "--atol"}), kScenarioRepeatable,
                                   concat(kScenarioFlags, {"--json"}));
    Analysis a;
    if (int rc = prepareAnalysis(o, err, a)) return rc;
    core::Result<core::SteadyStateAnalysis> result = core::Error{"", ""};
    try {
        result = core::analyseSteadyState(*a.runner, a.scenario);
    } catch (const core::SolverError &e) {
        err << "ferroscope-cli: steady state not found: " << e.what() << "\n";
        return 1;
    }
    if (!result) return reportErrors(result.errors(), err);
    return writeOutput(o, o.hasFlag("--json") ? steadyStateJson(*result) : steadyStateText(*result), out, err);
}

int sensitivityCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, concat(concat(kScenarioValued, kReadoutValued), {"--top", "--step"}),
                                   kScenarioRepeatable,
                                   concat(concat(kScenarioFlags, kOutputFlags), {"--steady-state", "--richardson"}));
    Analysis a;
    if (int rc = prepareAnalysis(o, err, a, true)) return rc;   // 100x tighter tolerances
    core::SensitivitySpec spec;
    spec.readout = readoutFromOptions(o);
    spec.steadyState = o.hasFlag("--steady-state");
    spec.richardson = o.hasFlag("--richardson");
    spec.relativeStep = o.number("--step", 1e-3);
    const long top = o.integer("--top", 1000000);
    if (top < 1) throw UsageError{"--top must be at least 1"};
    const bool json = wantJson(o);
    core::ParallelRunner pool(*a.runner, threadsFromOptions(o));
    auto result = core::runSensitivity(pool, a.scenario, spec);
    if (!result) return reportErrors(result.errors(), err);
    if (!std::isfinite(result->base) || result->base == 0) {
        err << "ferroscope-cli: the readout is " << formatNumber(result->base)
            << " for the scenario: normalised sensitivities are undefined\n";
        return 1;
    }
    if (int status = runStatus(result->outcome, err)) return status;
    return writeOutput(o, json ? sensitivityJson(*result, std::size_t(top), spec.relativeStep, spec.richardson)
                        : sensitivityCsv(*result, std::size_t(top), spec.relativeStep, spec.richardson), out, err);
}

int mergeCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, {"--output"}, {}, {"--json", "--csv"});
    if (o.positional.empty()) throw UsageError{"merge needs the shard files: merge SHARD... --output FILE"};
    std::vector<core::Scan2DResult> shards;
    for (const auto &path : o.positional) {
        auto s = core::readScanFile(path);
        if (!s) {
            err << "ferroscope-cli: " << s.errorText() << "\n";
            return 2;
        }
        shards.push_back(std::move(*s));
    }
    auto merged = core::mergeScans(shards, o.positional);
    if (!merged) return reportErrors(merged.errors(), err);
    return writeOutput(o, wantJson(o) ? core::scanToJson(*merged) : core::scanToCsv(*merged), out, err);
}

}  // namespace ferroscope::cli
