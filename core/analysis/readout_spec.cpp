#include "core/analysis/readout_spec.h"

#include <cmath>
#include <sstream>

namespace ferroscope::core {

namespace {

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

}  // namespace

std::string ReadoutSpec::description() const
{
    switch (mode) {
    case ReadoutMode::At: return id + (time < 0 ? " at the end of the run" : " at " + number(time) + " h");
    case ReadoutMode::Mean: return "time average of " + id + " over the run";
    case ReadoutMode::Auc: return "area under " + id + " over the run";
    case ReadoutMode::Threshold: return "time to " + id + " crossing " + number(threshold);
    }
    return id;
}

std::string ReadoutSpec::modeText() const
{
    std::ostringstream s;
    s.precision(17);
    switch (mode) {
    case ReadoutMode::At: s << "at:" << time; break;
    case ReadoutMode::Mean: s << "mean"; break;
    case ReadoutMode::Auc: s << "auc"; break;
    case ReadoutMode::Threshold: s << "threshold:" << threshold; break;
    }
    return s.str();
}

ReadoutSpec concreteReadout(const ReadoutSpec &readout, const ResolvedScenario &scenario)
{
    ReadoutSpec r = readout;
    if (r.mode == ReadoutMode::At && r.time < 0) r.time = scenario.end;
    return r;
}

Scenario readoutScenario(const Scenario &scenario, const ReadoutSpec &readout)
{
    Scenario s = scenario;
    if (readout.mode == ReadoutMode::At) {
        if (readout.time >= 0) s.end = readout.time;
        s.steps = 1;
    }
    return s;
}

double readoutValue(const SimulationResult &run, const ReadoutSpec &readout)
{
    const std::size_t rows = run.times.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (rows == 0 || run.columns == 0) return nan;
    switch (readout.mode) {
    case ReadoutMode::At: return run.at(rows - 1, 0);
    case ReadoutMode::Mean:
    case ReadoutMode::Auc: {
        double area = 0;
        for (std::size_t r = 1; r < rows; ++r)
            area += 0.5 * (run.at(r, 0) + run.at(r - 1, 0)) * (run.times[r] - run.times[r - 1]);
        if (readout.mode == ReadoutMode::Auc) return area;
        const double span = run.times.back() - run.times.front();
        return span > 0 ? area / span : run.at(0, 0);
    }
    case ReadoutMode::Threshold: {
        const double level = readout.threshold;
        const double g0 = run.at(0, 0) - level;
        if (g0 == 0) return run.times.front();
        for (std::size_t r = 1; r < rows; ++r) {
            const double g = run.at(r, 0) - level;
            if (g == 0) return run.times[r];
            if ((g > 0) != (g0 > 0)) {
                const double gPrev = run.at(r - 1, 0) - level;
                const double f = gPrev / (gPrev - g);
                return run.times[r - 1] + f * (run.times[r] - run.times[r - 1]);
            }
        }
        return nan;
    }
    }
    return nan;
}

double evaluateReadout(ScenarioRunner &runner, const Scenario &scenario, const ReadoutSpec &readout,
                       const expr::Tape &observer, const std::atomic<bool> *cancel)
{
    auto resolved = runner.resolve(readoutScenario(scenario, readout));
    if (!resolved) throw SolverError("scenario: " + resolved.errorText());
    return readoutValue(runner.run(*resolved, &observer, cancel), readout);
}

}  // namespace ferroscope::core
