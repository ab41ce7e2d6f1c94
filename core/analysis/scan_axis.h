// ScanAxis: one swept quantity of a dose-response or 2-D scan — a drug/light input dose (applied
// over the whole run, from t = start), a graded gene-target multiplier (applied during
// pre-equilibration, like a stable knock-down) or any model parameter — over a linear or
// logarithmic range of N points. Each axis also has a reference level, the scenario without the
// sweep (input absent, gene/parameter at the scenario's value): the control of a dose-response
// and the single-agent rows/columns of a synergy map. Plain value type; any thread.
#pragma once

#include "core/model/project.h"
#include "core/scenario/scenario.h"
#include "core/util/result.h"

#include <string>
#include <vector>

namespace ferroscope::core {

enum class AxisKind { Input, Gene, Parameter };

struct ScanAxis {
    std::string id;               // input id, gene target id or parameter id
    AxisKind kind = AxisKind::Input;
    double from = 0, to = 0;
    int points = 0;
    bool log = false;

    /// The N sampled values, from `from` to `to` inclusive (geometric when log).
    std::vector<double> values() const;
    /// "ERA:0.1:20:50:log" (round-trip precision); parseScanAxis() reads it back.
    std::string text() const;
    std::string kindName() const;   // "input", "gene", "parameter"
};

/// Checks and classifies an axis against the project: the id is an input of the catalogue, else
/// a gene target, else a model parameter (errors list the valid inputs and genes); the range is
/// finite, 2..100000 points, non-negative for inputs and genes, positive for a log range.
Result<ScanAxis> makeScanAxis(const Project &project, const std::string &id, double from, double to,
                              int points, bool log);
/// "ID:FROM:TO:N[:log|:lin]" (linear unless :log).
Result<ScanAxis> parseScanAxis(const Project &project, const std::string &text);

/// The scenario with its therapy preset written out as explicit genes and inputs (explicit
/// options still win), so that an axis can replace a dose the preset sets.
Scenario expandTherapy(const Project &project, const Scenario &scenario);
/// The scenario at reference level for the axis: its input removed (gene and parameter axes
/// leave the scenario as it is).
Scenario axisReference(const Scenario &scenario, const ScanAxis &axis);
/// The scenario with the axis at `value`: an input dose from the start to the end of the run
/// replacing any dose of that input, or the gene multiplier, or the parameter override.
Scenario applyAxis(const Scenario &scenario, const ScanAxis &axis, double value);

}  // namespace ferroscope::core
