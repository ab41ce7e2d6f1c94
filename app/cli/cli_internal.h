// Shared pieces of the CLI commands: option parsing, model loading, CSV formatting.
#pragma once

#include "core/model/project.h"
#include "core/scenario/scenario.h"
#include "core/util/result.h"

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ferroscope::cli {

/// A user mistake: reported as one line on stderr, exit status 2.
struct UsageError {
    std::string message;
};

/// Parsed command line: positional arguments, single-valued options, repeatable options, flags.
struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> single;
    std::map<std::string, std::vector<std::string>> repeated;
    std::vector<std::string> flags;

    bool has(const std::string &name) const { return single.count(name) || hasFlag(name); }
    bool hasFlag(const std::string &name) const;
    std::optional<std::string> value(const std::string &name) const;
    double number(const std::string &name, double fallback) const;
    long integer(const std::string &name, long fallback) const;
    std::vector<std::string> list(const std::string &name) const;   // comma-separated
};

/// Parses args; `valued` lists options that take a value, `repeatable` those that may repeat,
/// `flags` those without a value. Anything else is a UsageError.
Options parseOptions(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                     const std::vector<std::string> &repeatable, const std::vector<std::string> &flags);

double parseNumber(const std::string &text, const std::string &what);
/// "ID=VALUE" -> (ID, VALUE)
std::pair<std::string, double> parseAssignment(const std::string &text, const std::string &what);
/// "ID=VALUE[@T0[-T1]]"
core::InputDose parseInput(const std::string &text);

/// Loads MODEL (SBML file or Ferroscope project JSON); empty path = the built-in model.
core::Result<core::Project> loadModel(const std::string &path);
/// Loads MODEL from the positional arguments and applies --rtol/--atol. Returns the exit status
/// on failure (message written to err), else 0.
int loadProjectForRun(const Options &o, std::ostream &err, core::Project &project);
void applyToleranceOptions(const Options &o, core::Project &project);
/// Scenario options shared by simulate, bench and export-sbml.
core::Scenario scenarioFromOptions(const Options &o);
extern const std::vector<std::string> kScenarioValued, kScenarioRepeatable, kScenarioFlags;

std::string formatNumber(double v);   // shortest round-trip; NaN, INF, -INF
/// Writes text to path atomically (temporary file + rename); false + message on failure.
bool writeFileAtomically(const std::string &path, const std::string &text, std::string &error);

int simulateCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int benchCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int exportSbmlCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int describeCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int listCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
// Format conversion (issue #5, cli_convert.cpp).
int convertCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
// What-if analyses (issue #6, cli_analysis.cpp).
int doseResponseCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int scan2dCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int steadyStateCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int sensitivityCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int mergeCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

}  // namespace ferroscope::cli
