// Shared helpers for tst_claims and tst_scenario: run a scenario of the built-in iron/heme CSC
// model (claims.md conventions: phenotype preset, pre-equilibration with stable gene multipliers,
// inputs from t = 0, observation at a grid time), read any state or readout at a time, and find an
// IC50 by bisection in log-dose. Header-only; helpers never throw: every result carries `ok` and an
// error text so the test functions can report it with QVERIFY2.
#pragma once

#include "core/io/project_file.h"
#include "core/scenario/scenario_runner.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace claims {

using ferroscope::core::InputDose;
using ferroscope::core::ResolvedScenario;
using ferroscope::core::Scenario;
using ferroscope::core::ScenarioRunner;

/// A trajectory of observed symbols (all states and the project readouts) on the output grid.
struct Trajectory {
    bool ok = false;
    QString error;
    std::vector<std::string> ids;
    std::vector<double> times;
    std::vector<double> values;   // row-major: times.size() x ids.size()

    int column(const std::string &id) const
    {
        for (std::size_t c = 0; c < ids.size(); ++c)
            if (ids[c] == id) return int(c);
        return -1;
    }
    int row(double t) const
    {
        for (std::size_t r = 0; r < times.size(); ++r)
            if (std::fabs(times[r] - t) <= 1e-9 * std::max(1.0, std::fabs(t))) return int(r);
        return -1;
    }
    /// Value of `id` at grid time t; NaN when the symbol or the time is not on the grid.
    double at(const std::string &id, double t) const
    {
        const int c = column(id), r = row(t);
        if (c < 0 || r < 0) return std::numeric_limits<double>::quiet_NaN();
        return values[std::size_t(r) * ids.size() + std::size_t(c)];
    }
    double value(std::size_t r, const std::string &id) const
    {
        const int c = column(id);
        if (c < 0 || r >= times.size()) return std::numeric_limits<double>::quiet_NaN();
        return values[r * ids.size() + std::size_t(c)];
    }
    double last(const std::string &id) const { return times.empty() ? std::nan("") : value(times.size() - 1, id); }
};

/// One scenario of claims.md: phenotype, stable genes, inputs (from t = 0 unless a window is given).
struct Case {
    std::string phenotype;
    std::vector<InputDose> inputs;
    std::map<std::string, double> genes;
    std::map<std::string, double> parameters;
    std::string therapy;
    double end = 72;
    int steps = -1;   // < 0 = hourly rows (end must then be a whole number of hours)

    Case &input(const std::string &id, double value, double start = 0, double stop = -1)
    {
        inputs.push_back(InputDose{id, value, start, stop});
        return *this;
    }
    Case &gene(const std::string &id, double x)
    {
        genes[id] = x;
        return *this;
    }
    Case &until(double hours, int rows = -1)
    {
        end = hours;
        steps = rows;
        return *this;
    }
};

inline Case phenotype(const std::string &id) { Case c; c.phenotype = id; return c; }

inline Scenario toScenario(const Case &c)
{
    Scenario s;
    s.phenotype = c.phenotype;
    s.therapy = c.therapy;
    s.genes = c.genes;
    s.inputs = c.inputs;
    s.parameters = c.parameters;
    s.end = c.end;
    s.steps = c.steps > 0 ? c.steps : std::max(1, int(std::lround(c.end)));
    return s;
}

/// Owns one ScenarioRunner (pre-equilibration cache shared by every run) and one observer tape.
class Harness {
public:
    bool init(QString &error)
    {
        auto runner = ScenarioRunner::create(ferroscope::core::builtinProject());
        if (!runner) {
            error = QString::fromStdString(runner.errorText());
            return false;
        }
        m_runner = std::move(*runner);
        for (const auto &s : m_runner->model().states) m_ids.push_back(s.id);
        for (const auto &r : m_runner->project().readouts) m_ids.push_back(r);
        auto tape = m_runner->model().observerTape(m_ids, {});
        if (!tape) {
            error = QString::fromStdString(tape.errorText());
            return false;
        }
        m_tape = std::make_unique<ferroscope::core::expr::Tape>(std::move(*tape));
        return true;
    }

    ScenarioRunner &runner() { return *m_runner; }
    const std::vector<std::string> &ids() const { return m_ids; }

    Trajectory run(const Case &c) { return run(toScenario(c)); }

    Trajectory run(const Scenario &s)
    {
        Trajectory out;
        out.ids = m_ids;
        auto resolved = m_runner->resolve(s);
        if (!resolved) {
            out.error = "resolve failed: " + QString::fromStdString(resolved.errorText());
            return out;
        }
        try {
            auto r = m_runner->run(*resolved, m_tape.get());
            out.times = std::move(r.times);
            out.values = std::move(r.values);
            out.ok = r.columns == m_ids.size();
            if (!out.ok) out.error = "observer returned an unexpected column count";
        } catch (const std::exception &e) {
            out.error = QString("simulation failed (%1): %2")
                            .arg(QString::fromStdString(resolved->summary), QString::fromUtf8(e.what()));
        }
        return out;
    }

    /// Pre-equilibrated start state (V = 1, PDT = 0) of a scenario, by state id.
    std::map<std::string, double> startState(const Case &c, QString &error)
    {
        std::map<std::string, double> out;
        auto resolved = m_runner->resolve(toScenario(c));
        if (!resolved) {
            error = QString::fromStdString(resolved.errorText());
            return out;
        }
        try {
            const auto y = m_runner->startState(*resolved);
            for (std::size_t i = 0; i < y.size(); ++i) out[m_runner->model().states[i].id] = y[i];
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        return out;
    }

private:
    std::unique_ptr<ScenarioRunner> m_runner;
    std::unique_ptr<ferroscope::core::expr::Tape> m_tape;
    std::vector<std::string> m_ids;
};

struct Ic50 {
    bool ok = false;
    QString error;
    double value = std::nan("");
    int evaluations = 0;
};

/// Medium dose of `input` added to `base` that gives Viability 0.5 at time t (claims.md: IC50).
/// Brackets on a log scale starting from [lo, hi] (expanding by decades if needed), then bisects in
/// log-dose until hi/lo - 1 < relWidth. Viability is taken as non-increasing in dose.
inline Ic50 ic50(Harness &h, const Case &base, const std::string &input, double t, double lo = 1e-3,
                 double hi = 1e4, double relWidth = 1e-3)
{
    Ic50 out;
    auto viability = [&](double dose, double &v) {
        Case c = base;
        c.input(input, dose);
        c.until(t, 1);
        ++out.evaluations;
        const Trajectory tr = h.run(c);
        if (!tr.ok) {
            out.error = QString("%1 = %2: %3").arg(QString::fromStdString(input)).arg(dose).arg(tr.error);
            return false;
        }
        v = tr.at("Viability", t);
        if (!std::isfinite(v)) {
            out.error = QString("Viability is not finite at %1 = %2").arg(QString::fromStdString(input)).arg(dose);
            return false;
        }
        return true;
    };
    double vlo = 0, vhi = 0;
    if (!viability(lo, vlo) || !viability(hi, vhi)) return out;
    for (int k = 0; k < 6 && vlo <= 0.5; ++k) {
        lo /= 10;
        if (!viability(lo, vlo)) return out;
    }
    for (int k = 0; k < 6 && vhi >= 0.5; ++k) {
        hi *= 10;
        if (!viability(hi, vhi)) return out;
    }
    if (!(vlo > 0.5 && vhi < 0.5)) {
        out.error = QString("no bracket for the IC50 of %1: viability %2 at %3, %4 at %5")
                        .arg(QString::fromStdString(input)).arg(vlo).arg(lo).arg(vhi).arg(hi);
        return out;
    }
    while (hi / lo - 1 > relWidth) {
        const double mid = std::sqrt(lo * hi);
        double v = 0;
        if (!viability(mid, v)) return out;
        (v > 0.5 ? lo : hi) = mid;
    }
    out.value = std::sqrt(lo * hi);
    out.ok = true;
    return out;
}

/// "name a → b" for the log, 3 significant digits.
inline QString arrow(double a, double b) { return QString("%1 → %2").arg(a, 0, 'g', 3).arg(b, 0, 'g', 3); }
inline QString num(double a) { return QString::number(a, 'g', 4); }

}  // namespace claims

/// Fail the current test function with the helper's error text when a run did not succeed.
#define CLAIMS_REQUIRE(result) QVERIFY2((result).ok, qPrintable((result).error))
