// Scenario: *what* to run on a Project (STYLE.md §2): phenotype preset, graded gene targets,
// drug/light inputs with time windows, parameter overrides, therapy preset, time grid, and
// whether to pre-equilibrate. Plain value type; the GUI and the CLI both build one and hand it to
// ScenarioRunner. Any thread.
#pragma once

#include "core/model/project.h"

#include <map>
#include <string>
#include <vector>

namespace ferroscope::core {

struct Scenario {
    std::string phenotype;                      // "" = the project's default phenotype
    std::string therapy;                        // therapy preset id, applied before the options below
    std::map<std::string, double> genes;        // gene target id -> multiplier x (stable)
    std::vector<InputDose> inputs;              // windows; end < 0 = until the end of the run
    std::map<std::string, double> parameters;   // id -> value, applied last (after phenotype)
    bool preequilibrate = true;
    double start = 0;
    double end = -1;                            // < 0 = the project's default end
    int steps = -1;                             // < 0 = the project's default steps
};

}  // namespace ferroscope::core
