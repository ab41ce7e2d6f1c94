#include "core/analysis/scan_axis.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace ferroscope::core {

namespace {

std::string roundTrip(double v)
{
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, ptr) : std::to_string(v);
}

template <typename T>
std::string idList(const std::vector<T> &items)
{
    std::string out;
    for (const auto &x : items) out += (out.empty() ? "" : ", ") + x.id;
    return out;
}

bool parseDouble(const std::string &text, double &out)
{
    if (text.empty()) return false;
    char *end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && !std::isnan(out);
}

}  // namespace

std::vector<double> ScanAxis::values() const
{
    std::vector<double> v(std::size_t(std::max(points, 0)));
    if (points == 1) v[0] = from;
    for (int i = 0; i < points && points > 1; ++i) {
        const double f = double(i) / double(points - 1);
        v[std::size_t(i)] = log ? std::exp(std::log(from) + f * (std::log(to) - std::log(from)))
                                : from + f * (to - from);
    }
    if (points > 1) {   // the end points exactly as given
        v.front() = from;
        v.back() = to;
    }
    return v;
}

std::string ScanAxis::text() const
{
    return id + ":" + roundTrip(from) + ":" + roundTrip(to) + ":" + std::to_string(points) + (log ? ":log" : ":lin");
}

std::string ScanAxis::kindName() const
{
    switch (kind) {
    case AxisKind::Input: return "input";
    case AxisKind::Gene: return "gene";
    case AxisKind::Parameter: return "parameter";
    }
    return "input";
}

Result<ScanAxis> makeScanAxis(const Project &project, const std::string &id, double from, double to,
                              int points, bool log)
{
    ScanAxis a{id, AxisKind::Input, from, to, points, log};
    if (project.findInput(id)) a.kind = AxisKind::Input;
    else if (project.findGene(id)) a.kind = AxisKind::Gene;
    else if (project.model.findParameter(id) || (project.inputs.empty() && !project.model.kindOf(id).empty()))
        a.kind = AxisKind::Parameter;
    else
        return Error{id, "unknown input, gene target or parameter (inputs: " + idList(project.inputs) +
                             "; genes: " + idList(project.genes) + ")"};
    if (a.kind == AxisKind::Parameter && project.model.kindOf(id) != "parameter")
        return Error{id, "only inputs, gene targets and parameters can be scanned, not a " + project.model.kindOf(id)};
    if (!std::isfinite(from) || !std::isfinite(to))
        return Error{id, "the range must be finite numbers"};
    if (points < 2 || points > 100000)
        return Error{id, "the number of points must be between 2 and 100000, got " + std::to_string(points)};
    if (from == to) return Error{id, "the range is empty (from = to = " + roundTrip(from) + ")"};
    if (log && (from <= 0 || to <= 0))
        return Error{id, "a log range needs positive ends, got " + roundTrip(from) + " to " + roundTrip(to) +
                             " (use a linear range to include 0)"};
    if (a.kind != AxisKind::Parameter && (from < 0 || to < 0))
        return Error{id, std::string(a.kind == AxisKind::Gene ? "gene multipliers" : "doses") +
                             " must not be negative, got " + roundTrip(std::min(from, to))};
    return a;
}

Result<ScanAxis> parseScanAxis(const Project &project, const std::string &text)
{
    std::vector<std::string> parts;
    std::stringstream s(text);
    std::string part;
    while (std::getline(s, part, ':')) parts.push_back(part);
    if (parts.size() < 4 || parts.size() > 5 || parts[0].empty())
        return Error{text, "expected ID:FROM:TO:POINTS[:log|:lin], e.g. ERA:0.1:20:50:log"};
    double from = 0, to = 0, n = 0;
    if (!parseDouble(parts[1], from)) return Error{text, "FROM is not a number: '" + parts[1] + "'"};
    if (!parseDouble(parts[2], to)) return Error{text, "TO is not a number: '" + parts[2] + "'"};
    if (!parseDouble(parts[3], n) || n != std::floor(n) || n > 1e9)
        return Error{text, "POINTS must be a whole number, got '" + parts[3] + "'"};
    bool log = false;
    if (parts.size() == 5) {
        if (parts[4] == "log") log = true;
        else if (parts[4] != "lin" && parts[4] != "linear")
            return Error{text, "the scale must be 'log' or 'lin', got '" + parts[4] + "'"};
    }
    return makeScanAxis(project, parts[0], from, to, int(n), log);
}

Scenario expandTherapy(const Project &project, const Scenario &scenario)
{
    Scenario s = scenario;
    if (s.therapy.empty()) return s;
    const TherapyPreset *t = project.findTherapy(s.therapy);
    if (!t) return s;   // resolve() reports the unknown preset
    s.genes = t->genes;
    for (const auto &[id, v] : scenario.genes) s.genes[id] = v;
    s.inputs = t->inputs;
    s.inputs.insert(s.inputs.end(), scenario.inputs.begin(), scenario.inputs.end());
    s.therapy.clear();
    return s;
}

Scenario axisReference(const Scenario &scenario, const ScanAxis &axis)
{
    Scenario s = scenario;
    if (axis.kind == AxisKind::Input)
        s.inputs.erase(std::remove_if(s.inputs.begin(), s.inputs.end(),
                                      [&](const InputDose &d) { return d.input == axis.id; }),
                       s.inputs.end());
    return s;
}

Scenario applyAxis(const Scenario &scenario, const ScanAxis &axis, double value)
{
    Scenario s = axisReference(scenario, axis);
    switch (axis.kind) {
    case AxisKind::Input: s.inputs.push_back(InputDose{axis.id, value, s.start, -1}); break;
    case AxisKind::Gene: s.genes[axis.id] = value; break;
    case AxisKind::Parameter: s.parameters[axis.id] = value; break;
    }
    return s;
}

}  // namespace ferroscope::core
