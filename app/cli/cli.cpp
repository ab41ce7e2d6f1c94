#include "app/cli/cli.h"

#include "app/cli/cli_internal.h"
#include "core/io/project_file.h"
#include "core/io/sbml_import.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace ferroscope::cli {

namespace {

const char *kHelp = R"(ferroscope-cli — simulate the Ferroscope iron/heme CSC model or any SBML model

Usage:
  ferroscope-cli simulate [MODEL] [scenario options] [--start S --end E --steps N]
                          [--vars a,b,c] [--amounts a,b] [--atol A] [--rtol R] [--output FILE]
  ferroscope-cli bench [MODEL] [scenario options] [--end E --steps N] --repeat K --json
  ferroscope-cli export-sbml [MODEL] [scenario options] --output OUT.xml
  ferroscope-cli describe ID
  ferroscope-cli list [targets|inputs|presets|readouts|species|parameters]
  ferroscope-cli dose-response [MODEL] [scenario options] --input ID|--gene ID [--from A --to B]
                          [--points N] [--log|--linear] --readout R [readout mode] [--level L]
                          [--both-phenotypes] [--threads K] [--json|--csv] [--output FILE]
  ferroscope-cli scan2d [MODEL] [scenario options] --x ID:FROM:TO:N[:log] --y ID:FROM:TO:N[:log]
                          --readout R [readout mode] [--synergy bliss|hsa|loewe]
                          [--effect decrease|increase] [--shard I/N[:block]] [--threads K]
                          [--json|--csv] [--output FILE]
  ferroscope-cli steady-state [MODEL] [scenario options] [--json] [--output FILE]
  ferroscope-cli sensitivity [MODEL] [scenario options] --readout R [readout mode | --steady-state]
                          [--top K] [--step H] [--richardson] [--threads K] [--json|--csv] [--output FILE]
  ferroscope-cli merge SHARD... [--output FILE] [--json|--csv]
  ferroscope-cli convert IN OUT
  ferroscope-cli --help | --version

MODEL is an SBML file (Level 2 or 3 core) or a Ferroscope project or document file (.json,
.ferroscope). Omitted, it is the built-in iron/heme model of cancer stem cells (MODEL.md 1.0).

Scenario options (built-in model; --param and --input also work on SBML models):
  --phenotype nonCSC|CSC     phenotype preset (default nonCSC)
  --gene ID=X                gene target multiplier: 0 knockout, 0.2 knock-down, 1 normal,
                             >1 overexpressed; applied during pre-equilibration (repeatable)
  --input ID=VALUE[@T0[-T1]] drug or light input with an optional window in hours
                             (default [0, end]) (repeatable)
  --param ID=VALUE           override any parameter or phenotype multiplier m_* (repeatable)
  --preset NAME              therapy preset (see `list presets`)
  --no-preequilibrate        start from the model's initial values instead of steady state

Output (simulate): CSV with header time,<vars> and N+1 rows from S to E inclusive.
Species are concentrations unless listed in --amounts; compartments, parameters and
readouts by value; a reaction id gives its rate. NaN and infinities are written NaN, INF, -INF.
Defaults: built-in model 0-72 h, 720 steps, all species; SBML models 0-10, 100 steps.

bench prints {"median_ms":..., "p95_ms":..., "repeat":K, "states":n} for K full runs
(pre-equilibration included; the model is compiled once).

Analyses (readout mode: --at T value at T h (default: the end), --mean time average, --auc
area under the curve, --threshold L time of first crossing L):
  dose-response  sweeps one input (default range: its typical range; log unless it starts at 0)
                 or gene multiplier; control = the input absent; IC50/EC50 = half-maximal
                 effect (or --level L) by interpolation in log-dose, refined by bisection.
  scan2d         grid over two inputs/genes/parameters (linear unless :log) plus the single-
                 agent row, column and control; synergy = observed minus expected effect
                 (E = 1 - R/R0, or R/R0 - 1 with --effect increase); --shard I/N computes
                 every N-th point (I = 1..N), merge joins the shards.
  steady-state   steady state with inputs held at their doses, Jacobian eigenvalues, verdict
                 (held states V and PDT excluded).
  sensitivity    d ln(readout)/d ln(p) for every constant non-zero parameter, ranked, with
                 evidence; central differences, relative step 1e-3 (--step), solved with
                 rtol 1e-8 and 100x smaller atol unless --rtol/--atol are given.
  --threads K    worker threads (default: all cores).

convert IN OUT  IN: a project/document file (JSON) or SBML. OUT by extension: .xml/.sbml -> SBML
               L3V2 with the diagram as SBML layout + render (plus Ferroscope annotations that
               restore the catalogue and diagram exactly); .ferroscope/.json -> document file.
               The diagram: the document's, else the SBML Layout, else an automatic layout.
               export-sbml also writes the diagram (layout package).

Exit status: 0 success, 1 simulation or file failure, 2 invalid command line or input.
)";

}  // namespace

bool Options::hasFlag(const std::string &name) const
{
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Options::value(const std::string &name) const
{
    auto it = single.find(name);
    if (it == single.end()) return std::nullopt;
    return it->second;
}

double Options::number(const std::string &name, double fallback) const
{
    auto v = value(name);
    return v ? parseNumber(*v, name) : fallback;
}

long Options::integer(const std::string &name, long fallback) const
{
    auto v = value(name);
    if (!v) return fallback;
    long out = 0;
    const char *b = v->data(), *e = v->data() + v->size();
    auto [ptr, ec] = std::from_chars(b, e, out);
    if (ec != std::errc() || ptr != e) throw UsageError{name + " expects a whole number, got '" + *v + "'"};
    return out;
}

std::vector<std::string> Options::list(const std::string &name) const
{
    std::vector<std::string> out;
    auto v = value(name);
    if (!v) return out;
    std::stringstream s(*v);
    std::string item;
    while (std::getline(s, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) out.push_back(item);
    }
    if (out.empty()) throw UsageError{name + " expects a comma-separated list of ids"};
    return out;
}

Options parseOptions(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                     const std::vector<std::string> &repeatable, const std::vector<std::string> &flags)
{
    auto in = [](const std::vector<std::string> &v, const std::string &x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    };
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a.size() < 3 || a.rfind("--", 0) != 0) {
            if (!a.empty() && a[0] == '-' && a.size() > 1 && !std::isdigit(static_cast<unsigned char>(a[1])))
                throw UsageError{"unknown option '" + a + "' (see --help)"};
            o.positional.push_back(a);
            continue;
        }
        std::string name = a, inlineValue;
        bool hasInline = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            inlineValue = a.substr(eq + 1);
            hasInline = true;
        }
        if (in(flags, name)) {
            if (hasInline) throw UsageError{"option " + name + " takes no value"};
            o.flags.push_back(name);
            continue;
        }
        if (!in(valued, name) && !in(repeatable, name)) throw UsageError{"unknown option '" + name + "' (see --help)"};
        std::string v;
        if (hasInline) v = inlineValue;
        else if (i + 1 < args.size()) v = args[++i];
        else throw UsageError{"option " + name + " needs a value"};
        if (in(repeatable, name)) {
            o.repeated[name].push_back(v);
        } else {
            if (o.single.count(name)) throw UsageError{"option " + name + " given twice"};
            o.single[name] = v;
        }
    }
    return o;
}

double parseNumber(const std::string &text, const std::string &what)
{
    std::string t = text;
    t.erase(0, t.find_first_not_of(" \t"));
    t.erase(t.find_last_not_of(" \t") + 1);
    if (t.empty()) throw UsageError{what + " expects a number, got an empty value"};
    char *end = nullptr;
    errno = 0;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size()) throw UsageError{what + " expects a number, got '" + text + "'"};
    if (std::isnan(v)) throw UsageError{what + " must be a number, got NaN"};
    return v;
}

std::pair<std::string, double> parseAssignment(const std::string &text, const std::string &what)
{
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError{what + " expects ID=VALUE, got '" + text + "'"};
    return {text.substr(0, eq), parseNumber(text.substr(eq + 1), what + " " + text.substr(0, eq))};
}

core::InputDose parseInput(const std::string &text)
{
    core::InputDose dose;
    const auto at = text.find('@');
    auto [id, value] = parseAssignment(text.substr(0, at), "--input");
    dose.input = id;
    dose.value = value;
    if (at != std::string::npos) {
        const std::string window = text.substr(at + 1);
        // T0-T1: the separator is the first '-' that is not a sign or an exponent sign.
        std::size_t dash = std::string::npos;
        for (std::size_t i = 1; i < window.size(); ++i)
            if (window[i] == '-' && window[i - 1] != 'e' && window[i - 1] != 'E') { dash = i; break; }
        dose.start = parseNumber(window.substr(0, dash), "--input " + id + " window start");
        if (dash != std::string::npos) {
            dose.end = parseNumber(window.substr(dash + 1), "--input " + id + " window end");
            if (dose.end < dose.start)
                throw UsageError{"--input " + id + ": window end " + window.substr(dash + 1) +
                                 " is before its start " + window.substr(0, dash)};
        }
        if (dose.start < 0) throw UsageError{"--input " + id + ": window start must be >= 0"};
    }
    return dose;
}

const std::vector<std::string> kScenarioValued = {"--phenotype", "--preset", "--start", "--end", "--steps"};
const std::vector<std::string> kScenarioRepeatable = {"--gene", "--input", "--param"};
const std::vector<std::string> kScenarioFlags = {"--no-preequilibrate"};

core::Scenario scenarioFromOptions(const Options &o)
{
    core::Scenario sc;
    if (auto v = o.value("--phenotype")) sc.phenotype = *v;
    if (auto v = o.value("--preset")) sc.therapy = *v;
    auto rep = [&](const std::string &name) {
        auto it = o.repeated.find(name);
        return it == o.repeated.end() ? std::vector<std::string>{} : it->second;
    };
    for (const auto &g : rep("--gene")) {
        auto [id, v] = parseAssignment(g, "--gene");
        sc.genes[id] = v;
    }
    for (const auto &p : rep("--param")) {
        auto [id, v] = parseAssignment(p, "--param");
        sc.parameters[id] = v;
    }
    for (const auto &i : rep("--input")) sc.inputs.push_back(parseInput(i));
    sc.preequilibrate = !o.hasFlag("--no-preequilibrate");
    sc.start = o.number("--start", 0.0);
    sc.end = o.number("--end", -1.0);
    if (o.value("--end") && sc.end < 0) throw UsageError{"--end must not be negative"};
    const long steps = o.integer("--steps", -1);
    if (o.value("--steps") && steps < 1) throw UsageError{"--steps must be at least 1"};
    if (steps > 10000000) throw UsageError{"--steps is too large (at most 10000000)"};
    sc.steps = int(steps);
    return sc;
}

core::Result<core::Project> loadModel(const std::string &path)
{
    if (path.empty()) return core::builtinProject();
    QFileInfo info(QString::fromStdString(path));
    if (!info.exists()) return core::Error{path, "no such file"};
    if (!info.isFile() || !info.isReadable()) return core::Error{path, "cannot read this file"};
    QFile f(info.filePath());
    if (!f.open(QIODevice::ReadOnly)) return core::Error{path, "cannot open: " + f.errorString().toStdString()};
    const QByteArray head = f.peek(64).trimmed();
    f.close();
    if (head.startsWith('{')) return core::readProjectFile(path);
    auto spec = core::importSbmlFile(path);
    if (!spec) return spec.errors();
    core::Project project;
    project.title = spec->name.empty() ? spec->id : spec->name;
    project.model = std::move(*spec);
    project.defaultEnd = 10;
    project.defaultSteps = 100;
    project.relativeTolerance = 1e-6;
    project.defaultAbsoluteTolerance = 1e-12;
    return project;
}

void applyToleranceOptions(const Options &o, core::Project &project)
{
    if (auto v = o.value("--rtol")) {
        const double r = parseNumber(*v, "--rtol");
        if (!(r > 0) || r >= 1) throw UsageError{"--rtol must be between 0 and 1"};
        project.relativeTolerance = r;
    }
    if (auto v = o.value("--atol")) {
        const double a = parseNumber(*v, "--atol");
        if (!(a > 0) || std::isinf(a)) throw UsageError{"--atol must be a positive number"};
        project.defaultAbsoluteTolerance = a;
        project.absoluteTolerances.clear();
    }
}

int loadProjectForRun(const Options &o, std::ostream &err, core::Project &project)
{
    if (o.positional.size() > 1) throw UsageError{"more than one MODEL given: '" + o.positional[1] + "'"};
    auto loaded = loadModel(o.positional.empty() ? std::string() : o.positional[0]);
    if (!loaded) {
        err << "ferroscope-cli: " << loaded.errorText() << "\n";
        return 1;
    }
    project = std::move(*loaded);
    return 0;
}

std::string formatNumber(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, ptr) : std::to_string(v);
}

bool writeFileAtomically(const std::string &path, const std::string &text, std::string &error)
{
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) { error = "cannot write " + path; return false; }
        f << text;
        f.flush();
        if (!f) { f.close(); std::remove(tmp.c_str()); error = "writing " + path + " failed"; return false; }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        error = "cannot replace " + path;
        return false;
    }
    return true;
}

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (args.empty()) {
        err << "ferroscope-cli: no command given (see --help)\n";
        return 2;
    }
    const std::string cmd = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        if (cmd == "--help" || cmd == "-h" || cmd == "help") { out << kHelp; return 0; }
        if (cmd == "--version") { out << "ferroscope-cli " << FERROSCOPE_VERSION << "\n"; return 0; }
        if (cmd == "simulate") return simulateCommand(rest, out, err);
        if (cmd == "bench") return benchCommand(rest, out, err);
        if (cmd == "export-sbml") return exportSbmlCommand(rest, out, err);
        if (cmd == "describe") return describeCommand(rest, out, err);
        if (cmd == "list") return listCommand(rest, out, err);
        if (cmd == "dose-response") return doseResponseCommand(rest, out, err);
        if (cmd == "scan2d") return scan2dCommand(rest, out, err);
        if (cmd == "steady-state") return steadyStateCommand(rest, out, err);
        if (cmd == "sensitivity") return sensitivityCommand(rest, out, err);
        if (cmd == "merge") return mergeCommand(rest, out, err);
        if (cmd == "convert") return convertCommand(rest, out, err);
        err << "ferroscope-cli: unknown command '" << cmd
            << "' (valid: simulate, bench, export-sbml, describe, list, dose-response, scan2d, steady-state, "
               "sensitivity, merge, convert, --help, --version)\n";
        return 2;
    } catch (const UsageError &e) {
        err << "ferroscope-cli: " << e.message << "\n";
        return 2;
    } catch (const std::exception &e) {
        err << "ferroscope-cli: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace ferroscope::cli
