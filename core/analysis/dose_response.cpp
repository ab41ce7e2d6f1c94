#include "core/analysis/dose_response.h"

#include <algorithm>
#include <cmath>

namespace ferroscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Dose where the straight line through (da, ra), (db, rb) reaches level, in log-dose if possible.
double interpolate(double da, double ra, double db, double rb, double level)
{
    if (ra == rb) return da;
    const double f = (level - ra) / (rb - ra);
    if (da > 0 && db > 0) return std::exp(std::log(da) + f * (std::log(db) - std::log(da)));
    return da + f * (db - da);
}

double bracketWidth(double da, double db)
{
    if (da > 0 && db > 0) return std::expm1(std::fabs(std::log(db / da)));
    return std::fabs(db - da) / std::max(std::fabs(da), std::fabs(db));
}

}  // namespace

Result<expr::Tape> readoutTape(const ScenarioRunner &runner, const std::string &id)
{
    auto tape = runner.model().observerTape({id}, {});
    if (tape) return tape;
    std::string readouts;
    for (const auto &r : runner.project().readouts) readouts += (readouts.empty() ? "" : ", ") + r;
    return Error{"--readout", "unknown readout '" + id + "' (readouts: " + (readouts.empty() ? "none" : readouts) +
                                  "; or any species, parameter or reaction id)"};
}

double midrangeLevel(const std::vector<double> &responses)
{
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (double r : responses)
        if (std::isfinite(r)) {
            lo = std::min(lo, r);
            hi = std::max(hi, r);
        }
    return lo <= hi ? 0.5 * (lo + hi) : kNaN;
}

double halfEffectLevel(double control, const std::vector<double> &responses)
{
    double extreme = kNaN;
    for (double r : responses)
        if (std::isfinite(r) && (!std::isfinite(extreme) || std::fabs(r - control) > std::fabs(extreme - control)))
            extreme = r;
    return control + 0.5 * (extreme - control);
}

HalfEffect locateCrossing(const std::vector<double> &doses, const std::vector<double> &responses, double control,
                          double level, const std::function<double(double)> &evaluate, double relativeWidth,
                          int maxEvaluations)
{
    HalfEffect h;
    h.level = level;
    h.kind = level < control ? "IC50" : "EC50";   // until the crossing shows the direction
    if (!std::isfinite(level)) {
        h.note = "no finite response level to locate";
        return h;
    }
    const std::size_t n = std::min(doses.size(), responses.size());
    std::size_t at = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (responses[i] == level) {   // sampled exactly
            h.found = true;
            h.estimate = h.dose = h.lo = h.hi = doses[i];
            return h;
        }
        if (i + 1 < n && std::isfinite(responses[i]) && std::isfinite(responses[i + 1]) &&
            (responses[i] > level) != (responses[i + 1] > level) && responses[i + 1] != level) {
            at = i;
            break;
        }
    }
    if (at == n) {
        h.note = "the curve does not cross " + std::to_string(level) + " within the range";
        return h;
    }
    double da = doses[at], db = doses[at + 1], ra = responses[at], rb = responses[at + 1];
    h.kind = (rb - ra) * (db - da) < 0 ? "IC50" : "EC50";   // falls / rises with the dose
    h.estimate = interpolate(da, ra, db, rb, level);
    while (evaluate && h.evaluations < maxEvaluations && bracketWidth(da, db) > relativeWidth) {
        const double mid = (da > 0 && db > 0) ? std::sqrt(da * db) : 0.5 * (da + db);
        double rm = kNaN;
        try {
            rm = evaluate(mid);
        } catch (const std::exception &e) {
            h.note = std::string("refinement stopped: ") + e.what();
            break;
        }
        ++h.evaluations;
        if (!std::isfinite(rm)) {
            h.note = "refinement stopped: the readout is not finite at " + std::to_string(mid);
            break;
        }
        if (rm == level) {
            da = db = mid;
            break;
        }
        if ((rm > level) == (ra > level)) { da = mid; ra = rm; }
        else { db = mid; rb = rm; }
    }
    h.found = true;
    h.dose = da == db ? da : interpolate(da, ra, db, rb, level);
    h.lo = std::min(da, db);
    h.hi = std::max(da, db);
    return h;
}

namespace {

/// One base scenario per curve (phenotype), each checked at the control and both ends of the
/// range before any run; fills the result's summary, concrete readout and empty curves.
Result<std::vector<Scenario>> curveScenarios(const ScenarioRunner &main, const Scenario &scenario,
                                             const DoseResponseSpec &spec, DoseResponseResult &out)
{
    const Scenario base = expandTherapy(main.project(), scenario);
    std::vector<Scenario> bases;
    if (spec.phenotypes.empty()) bases.push_back(base);
    for (const auto &p : spec.phenotypes) {
        bases.push_back(base);
        bases.back().phenotype = p;
    }
    for (const Scenario &b : bases) {
        for (const Scenario &s : {applyAxis(b, spec.axis, out.doses.front()), applyAxis(b, spec.axis, out.doses.back())})
            if (auto r = main.resolve(readoutScenario(s, spec.readout)); !r) return r.errors();
        const auto control = main.resolve(readoutScenario(axisReference(b, spec.axis), spec.readout));
        if (!control) return control.errors();
        out.summary += (out.summary.empty() ? "" : " | ") + control->summary;   // "nonCSC | CSC"
        out.readout = concreteReadout(spec.readout, *control);
        out.curves.push_back({b.phenotype.empty() ? main.project().defaultPhenotype : b.phenotype, kNaN,
                              std::vector<double>(out.doses.size(), kNaN), {}});
    }
    return bases;
}

}  // namespace

Result<DoseResponseResult> runDoseResponse(ParallelRunner &pool, const Scenario &scenario, const DoseResponseSpec &spec,
                                           const RunCallbacks &callbacks, const std::atomic<bool> *cancel)
{
    ScenarioRunner &main = pool.runner(0);
    auto tape = readoutTape(main, spec.readout.id);
    if (!tape) return tape.errors();
    if (spec.readout.mode == ReadoutMode::Threshold && !std::isfinite(spec.readout.threshold))
        return Error{"--threshold", "the threshold must be a finite number"};
    DoseResponseResult out;
    out.axis = spec.axis;
    out.doses = spec.axis.values();
    auto prepared = curveScenarios(main, scenario, spec, out);
    if (!prepared) return prepared.errors();
    const std::vector<Scenario> &bases = *prepared;

    // Point k: curve k / per, index k % per (0 = the control). An input sweep shares one
    // pre-equilibration per phenotype; a gene or parameter sweep needs one per point.
    const std::size_t per = out.doses.size() + 1, n = per * bases.size();
    std::vector<std::size_t> groups(n);
    for (std::size_t k = 0; k < n; ++k) groups[k] = spec.axis.kind == AxisKind::Input ? k / per : k;
    auto scenarioAt = [&](std::size_t k) {
        const Scenario &b = bases[k / per];
        const std::size_t i = k % per;
        return i == 0 ? axisReference(b, spec.axis) : applyAxis(b, spec.axis, out.doses[i - 1]);
    };
    out.sweep = pool.run(n, [&](std::size_t k, ScenarioRunner &runner, const std::atomic<bool> *c) {
        return evaluateReadout(runner, scenarioAt(k), spec.readout, *tape, c);
    }, &groups, callbacks, cancel);
    const std::vector<double> &values = out.sweep.values;
    for (std::size_t c = 0; c < bases.size(); ++c) {
        out.curves[c].control = values[c * per];
        std::copy(values.begin() + std::ptrdiff_t(c * per + 1), values.begin() + std::ptrdiff_t((c + 1) * per),
                  out.curves[c].responses.begin());
    }
    if (out.sweep.cancelled || !spec.halfEffect) return out;
    if (spec.readout.mode == ReadoutMode::Threshold) {
        for (auto &c : out.curves) c.half.note = "IC50/EC50 is not computed for time-to-threshold readouts";
        return out;
    }
    out.refinement = pool.run(bases.size(), [&](std::size_t c, ScenarioRunner &runner, const std::atomic<bool> *flag) {
        DoseResponseCurve &curve = out.curves[c];
        const double level = std::isfinite(spec.level)               ? spec.level
                             : spec.axis.kind == AxisKind::Input ? halfEffectLevel(curve.control, curve.responses)
                                                                 : midrangeLevel(curve.responses);
        auto evaluate = [&](double dose) {
            return evaluateReadout(runner, applyAxis(bases[c], spec.axis, dose), spec.readout, *tape, flag);
        };
        curve.half = locateCrossing(out.doses, curve.responses, curve.control, level, evaluate, spec.relativeWidth,
                                    spec.maxRefinements);
        return curve.half.dose;
    }, nullptr, {}, cancel);
    if (cancel && cancel->load()) out.refinement.cancelled = true;
    return out;
}

}  // namespace ferroscope::core
