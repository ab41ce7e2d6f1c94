#include "core/analysis/scan2d.h"

#include "core/analysis/dose_response.h"
#include "core/analysis/scan_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ferroscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool parseInt(const std::string &text, int &out)
{
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

/// Parameter-table value of the axis in a resolved scenario (its reference level).
double referenceValue(const ScenarioRunner &runner, const ResolvedScenario &resolved, const ScanAxis &axis)
{
    std::string parameter = axis.id;
    if (axis.kind == AxisKind::Input) {
        if (const InputSpec *in = runner.project().findInput(axis.id)) parameter = in->parameter;
    } else if (axis.kind == AxisKind::Gene) {
        if (const GeneTarget *g = runner.project().findGene(axis.id)) parameter = g->parameter;
    }
    const int index = runner.model().parameterIndex(parameter);
    return index < 0 ? kNaN : resolved.baseParameters[std::size_t(index)];
}

Scenario scenarioAt(const Scenario &base, const ScanGrid &grid, std::size_t k)
{
    const auto [i, j] = grid.cell(k);
    const Scan2DSpec &s = grid.spec;
    Scenario sc = i < 0 ? axisReference(base, s.x) : applyAxis(base, s.x, grid.xs[std::size_t(i)]);
    return j < 0 ? axisReference(sc, s.y) : applyAxis(sc, s.y, grid.ys[std::size_t(j)]);
}

}  // namespace

std::string ShardSpec::text() const
{
    return std::to_string(index) + "/" + std::to_string(count) + (blocks ? ":block" : "");
}

bool ShardSpec::contains(std::size_t point, std::size_t total) const
{
    if (count <= 1) return true;
    const auto n = std::size_t(count), i = std::size_t(index - 1);
    if (!blocks) return point % n == i;
    return point >= i * total / n && point < (i + 1) * total / n;
}

Result<ShardSpec> parseShard(const std::string &text)
{
    ShardSpec s;
    std::string body = text;
    if (const auto colon = body.find(':'); colon != std::string::npos) {
        const std::string mode = body.substr(colon + 1);
        if (mode == "block") s.blocks = true;
        else if (mode != "stride") return Error{"--shard", "expected I/N or I/N:block, got '" + text + "'"};
        body = body.substr(0, colon);
    }
    const auto slash = body.find('/');
    if (slash == std::string::npos || !parseInt(body.substr(0, slash), s.index) ||
        !parseInt(body.substr(slash + 1), s.count))
        return Error{"--shard", "expected I/N (e.g. 2/8: the second of 8 shards), got '" + text + "'"};
    if (s.count < 1 || s.count > 1000000)
        return Error{"--shard", "the number of shards must be between 1 and 1000000, got " + std::to_string(s.count)};
    if (s.index < 1 || s.index > s.count)
        return Error{"--shard", "the shard index must be between 1 and " + std::to_string(s.count) + ", got " +
                                    std::to_string(s.index)};
    return s;
}

std::pair<int, int> ScanGrid::cell(std::size_t k) const
{
    const std::size_t cells = nx() * ny();
    if (k < cells) return {int(k % nx()), int(k / nx())};
    k -= cells;
    if (k == 0) return {-1, -1};
    if (k <= nx()) return {int(k - 1), -1};
    return {-1, int(k - 1 - nx())};
}

std::size_t ScanGrid::pointIndex(int i, int j) const
{
    const std::size_t cells = nx() * ny();
    if (i >= 0 && j >= 0) return std::size_t(j) * nx() + std::size_t(i);
    if (i < 0 && j < 0) return cells;
    if (j < 0) return cells + 1 + std::size_t(i);
    return cells + 1 + nx() + std::size_t(j);
}

bool Scan2DResult::complete() const
{
    return !present.empty() && std::all_of(present.begin(), present.end(), [](char c) { return c != 0; });
}

SynergyMap Scan2DResult::synergy() const
{
    SynergyInput in;
    const std::size_t nx = grid.nx(), ny = grid.ny();
    for (double x : grid.xs) in.x.push_back(std::fabs(x - grid.xReference));
    for (double y : grid.ys) in.y.push_back(std::fabs(y - grid.yReference));
    in.control = value(-1, -1);
    for (std::size_t i = 0; i < nx; ++i) in.alongX.push_back(value(int(i), -1));
    for (std::size_t j = 0; j < ny; ++j) in.alongY.push_back(value(-1, int(j)));
    in.surface.assign(values.begin(), values.begin() + std::ptrdiff_t(nx * ny));
    return computeSynergy(in, grid.spec.synergy, grid.spec.effect);
}

Result<ScanGrid> makeScanGrid(const ScenarioRunner &runner, const Scenario &scenario, const Scan2DSpec &spec)
{
    if (auto tape = readoutTape(runner, spec.readout.id); !tape) return tape.errors();
    if (spec.x.id == spec.y.id) return Error{"--y", "the two axes must differ (both are " + spec.x.id + ")"};
    if (spec.readout.mode == ReadoutMode::Threshold && !std::isfinite(spec.readout.threshold))
        return Error{"--threshold", "the threshold must be a finite number"};
    ScanGrid grid;
    grid.spec = spec;
    grid.xs = spec.x.values();
    grid.ys = spec.y.values();
    const Scenario base = expandTherapy(runner.project(), scenario);
    const Scenario reference = axisReference(axisReference(base, spec.x), spec.y);
    auto resolved = runner.resolve(readoutScenario(reference, spec.readout));
    if (!resolved) return resolved.errors();
    grid.summary = resolved->summary;
    grid.spec.readout = concreteReadout(spec.readout, *resolved);
    grid.xReference = referenceValue(runner, *resolved, spec.x);
    grid.yReference = referenceValue(runner, *resolved, spec.y);
    for (std::size_t k : {grid.pointIndex(0, 0), grid.pointIndex(int(grid.nx()) - 1, int(grid.ny()) - 1)})
        if (auto r = runner.resolve(readoutScenario(scenarioAt(base, grid, k), spec.readout)); !r) return r.errors();
    const Project &p = runner.project();
    const SolverSettings settings = runner.solverSettings();
    grid.model = p.title + (p.modelVersion.empty() ? "" : " (" + p.modelVersion + ")") + "; rtol " +
                 formatShortest(settings.relativeTolerance) + ", atol " + formatShortest(settings.absoluteTolerance);
    Scenario effective = base;   // as run: "--at 72" and "--end 72 --at 72" are the same grid
    effective.end = resolved->end;
    effective.steps = resolved->steps;
    grid.scenario = scenarioDescription(effective, p);
    return grid;
}

Result<Scan2DResult> runScan2D(ParallelRunner &pool, const Scenario &scenario, const Scan2DSpec &spec,
                               const ShardSpec &shard, const RunCallbacks &callbacks, const std::atomic<bool> *cancel)
{
    ScenarioRunner &main = pool.runner(0);
    auto grid = makeScanGrid(main, scenario, spec);
    if (!grid) return grid.errors();
    auto tape = readoutTape(main, spec.readout.id);
    Scan2DResult out;
    out.grid = std::move(*grid);
    out.shard = shard;
    const ScanGrid &g = out.grid;
    const std::size_t total = g.pointCount();
    out.values.assign(total, kNaN);
    out.present.assign(total, 0);
    std::vector<std::size_t> points, groups;
    for (std::size_t k = 0; k < total; ++k) {
        if (!shard.contains(k, total)) continue;
        out.present[k] = 1;
        points.push_back(k);
        // Points differing only in inputs share a pre-equilibration; gene/parameter axes do not.
        const auto [i, j] = g.cell(k);
        const std::size_t gx = spec.x.kind == AxisKind::Input ? 0 : std::size_t(i + 1);
        const std::size_t gy = spec.y.kind == AxisKind::Input ? 0 : std::size_t(j + 1);
        groups.push_back(gy * (g.nx() + 1) + gx);
    }
    const Scenario base = expandTherapy(main.project(), scenario);
    RunCallbacks translated = callbacks;
    if (callbacks.pointsReady)
        translated.pointsReady = [&](const std::vector<std::size_t> &local, const std::vector<double> &values) {
            std::vector<std::size_t> global;
            for (std::size_t m : local) global.push_back(points[m]);
            callbacks.pointsReady(global, values);
        };
    out.outcome = pool.run(points.size(), [&](std::size_t m, ScenarioRunner &runner, const std::atomic<bool> *c) {
        return evaluateReadout(runner, scenarioAt(base, g, points[m]), g.spec.readout, *tape, c);
    }, &groups, translated, cancel);
    for (std::size_t m = 0; m < points.size(); ++m) out.values[points[m]] = out.outcome.values[m];
    return out;
}

}  // namespace ferroscope::core
