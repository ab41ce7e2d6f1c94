// Scan2D: a grid over two inputs (or a gene level and an input, or two parameters) for one
// readout, run in parallel, with the single-agent row and column and the control (each axis at
// its reference level) so that effects and synergy (Bliss, HSA, Loewe) follow from the grid.
// A grid can be split into shards (every N-th point, or contiguous blocks) computed on different
// machines and merged (scan_file.h). Called by the CLI and, from a worker thread, by the GUI.
#pragma once

#include "core/analysis/parallel_runner.h"
#include "core/analysis/readout_spec.h"
#include "core/analysis/scan_axis.h"
#include "core/analysis/synergy.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace ferroscope::core {

struct Scan2DSpec {
    ScanAxis x, y;
    ReadoutSpec readout;
    SynergyMethod synergy = SynergyMethod::None;
    EffectScale effect = EffectScale::Decrease;
};

/// Which points of a grid one run computes: shard `index` of `count` (1-based), either every
/// count-th point (stride: balances cheap and expensive regions) or one contiguous block.
struct ShardSpec {
    int index = 1, count = 1;
    bool blocks = false;
    bool whole() const { return count == 1; }
    std::string text() const;                                   // "2/4" or "2/4:block"
    bool contains(std::size_t point, std::size_t total) const;
};
/// "I/N" or "I/N:block" with 1 <= I <= N.
Result<ShardSpec> parseShard(const std::string &text);

/// The full definition of a grid: what every shard of it must agree on.
struct ScanGrid {
    Scan2DSpec spec;
    std::string model;          // model title, version and solver tolerances
    std::string scenario;       // canonical description of the base scenario (compact JSON)
    std::string summary;        // one line for people
    double xReference = std::numeric_limits<double>::quiet_NaN();   // axis value of "agent absent"
    double yReference = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> xs, ys;

    std::size_t nx() const { return xs.size(); }
    std::size_t ny() const { return ys.size(); }
    /// Points: the cells (i, j) at k = j * nx + i, then the control (-1, -1), then (i, -1) for
    /// each i, then (-1, j) for each j; -1 = the axis at its reference level.
    std::size_t pointCount() const { return nx() * ny() + 1 + nx() + ny(); }
    std::pair<int, int> cell(std::size_t k) const;
    std::size_t pointIndex(int i, int j) const;
    double xAt(int i) const { return i < 0 ? xReference : xs[std::size_t(i)]; }
    double yAt(int j) const { return j < 0 ? yReference : ys[std::size_t(j)]; }
};

struct Scan2DResult {
    ScanGrid grid;
    ShardSpec shard;
    std::vector<double> values;   // per point; NaN where not computed or the run failed
    std::vector<char> present;    // 1 = this result covers the point
    ParallelOutcome outcome;

    bool complete() const;
    double value(int i, int j) const { return values[grid.pointIndex(i, j)]; }
    /// Effects and the synergy scores of grid.spec.synergy; needs a complete result.
    SynergyMap synergy() const;
};

/// Checks the spec (readout, axes distinct and valid, scenario) and builds the grid definition.
Result<ScanGrid> makeScanGrid(const ScenarioRunner &runner, const Scenario &scenario, const Scan2DSpec &spec);

/// Runs the points of `shard` (all by default). `callbacks.pointsReady` receives grid point
/// indices (ScanGrid numbering) with their values. Failed points stay NaN (outcome.failed).
Result<Scan2DResult> runScan2D(ParallelRunner &pool, const Scenario &scenario, const Scan2DSpec &spec,
                               const ShardSpec &shard = {}, const RunCallbacks &callbacks = {},
                               const std::atomic<bool> *cancel = nullptr);

}  // namespace ferroscope::core
