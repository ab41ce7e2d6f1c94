// RunResult: the trajectories of one explorer request — one run per phenotype (two in compare
// mode), sampled at the same times, for a fixed list of observed ids (species, readouts).
// Immutable once published; shared between threads via std::shared_ptr<const RunResult>.
#pragma once

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ferroscope::core {

struct PhenotypeRun {
    QString phenotype;                            // "nonCSC", "CSC"
    std::vector<double> times;                    // h
    std::vector<std::vector<double>> series;      // series[k][row] for ids[k]
};

struct RunResult {
    std::uint64_t generation = 0;
    std::vector<std::string> ids;                 // observed ids, same order as series
    std::vector<PhenotypeRun> runs;               // 1 run, or 2 in compare mode (nonCSC, CSC)
    QString summary;                              // scenario caption
    double elapsedMs = 0;                         // worker time for the whole request

    int indexOf(const std::string &id) const
    {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == id) return int(i);
        return -1;
    }
};

using RunResultPtr = std::shared_ptr<const RunResult>;

}  // namespace ferroscope::core
