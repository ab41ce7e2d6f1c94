// Scan files: a 2-D scan (whole or one shard) as CSV or JSON, each carrying the full grid
// definition (axes, reference levels, readout, synergy method, model, scenario) so that shards
// computed on different machines can be checked and merged: mergeScans() verifies that the files
// describe the same grid, that the shards are 1..N of the same split, each present once, and that
// every grid point is covered exactly once. Values are written in shortest round-trip form, so a
// merged scan equals the unsharded one bit for bit. Any thread.
#pragma once

#include "core/analysis/scan2d.h"
#include "core/util/result.h"

#include <string>
#include <vector>

namespace ferroscope::core {

std::string formatShortest(double v);   // shortest round-trip; NaN, INF, -INF
/// Canonical compact JSON of a scenario (phenotype resolved to the project default).
std::string scenarioDescription(const Scenario &scenario, const Project &project);
/// Canonical compact JSON of the grid definition (equal strings <=> same grid).
std::string gridDefinition(const ScanGrid &grid);

/// CSV: '#' header lines (format, grid definition, shard, summary, best pair), then the columns
/// i,j,X,Y,READOUT[,effect,expected,SCORE] (-1 = the axis at its reference level). The synergy
/// columns are written for a complete scan whose grid has a synergy method.
std::string scanToCsv(const Scan2DResult &scan);
/// JSON: {"format":"ferroscope-scan2d","version":1,"grid":{...},"shard":"I/N","points":[[k,v],...]}
/// plus, when complete, the surface as rows per y value, and the synergy maps with the best pair.
std::string scanToJson(const Scan2DResult &scan);

/// Reads either format (detected from the first character); `name` prefixes error messages.
Result<Scan2DResult> parseScan(const std::string &text, const std::string &name);
Result<Scan2DResult> readScanFile(const std::string &path);

/// One complete scan from shards (names for messages, same order). Errors name the file and the
/// shard or point at fault.
Result<Scan2DResult> mergeScans(const std::vector<Scan2DResult> &shards, const std::vector<std::string> &names);

}  // namespace ferroscope::core
