// Tests of the what-if analyses (core/analysis, issue #6): synergy scores on analytic response
// surfaces (Bliss, HSA, Loewe), IC50 on closed-form Hill curves (pure and through a tiny model),
// the steady state of the built-in model against its pre-equilibrated states and its stability,
// sensitivities against finite differences of individual runs, prompt cancellation, scans equal
// to individual ScenarioRunner runs, thread-count independence, and shard + merge = unsharded.
#include "core/analysis/dose_response.h"
#include "core/analysis/scan2d.h"
#include "core/analysis/scan_file.h"
#include "core/analysis/sensitivity.h"
#include "core/analysis/steady_state.h"
#include "core/io/project_file.h"
#include "core/model/math_io.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <functional>

using namespace ferroscope::core;

namespace {

double hill(double d, double c, double n) { return d <= 0 ? 0 : 1 / (1 + std::pow(c / d, n)); }

std::vector<double> logRange(double from, double to, int n)
{
    ScanAxis a{"a", AxisKind::Input, from, to, n, true};
    return a.values();
}

/// Surface R(a, b) = R0 * (1 - E(a, b)) on a log grid, with its single-agent rows.
SynergyInput surface(double r0, const std::function<double(double)> &ea, const std::function<double(double)> &eb,
                     const std::function<double(double, double)> &eab)
{
    SynergyInput in;
    in.x = logRange(0.05, 20, 17);
    in.y = logRange(0.01, 5, 13);
    in.control = r0;
    for (double a : in.x) in.alongX.push_back(r0 * (1 - ea(a)));
    for (double b : in.y) in.alongY.push_back(r0 * (1 - eb(b)));
    for (double b : in.y)
        for (double a : in.x) in.surface.push_back(r0 * (1 - eab(a, b)));
    return in;
}

double maxAbs(const std::vector<double> &v)
{
    double m = 0;
    for (double x : v) m = std::max(m, std::fabs(x));
    return m;
}

/// Loewe-additive effect of two Hill curves with the same emax, by the test's own bisection.
double loeweReference(double a, double b, double emax, double ca, double na, double cb, double nb)
{
    auto dose = [&](double e, double c, double n) { return c * std::pow(e / (emax - e), 1 / n); };
    double lo = 0, hi = emax;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (a / dose(mid, ca, na) + b / dose(mid, cb, nb) > 1 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

QByteArray msg(const QString &s) { return s.toUtf8(); }

/// A one-state model whose parameter H = 1/(1 + (D/ic50)^n) is an exact Hill curve of input D.
Project hillProject(double ic50, double n)
{
    Project p;
    p.title = "hill";
    ModelSpec &m = p.model;
    m.id = "hill";
    m.compartments.push_back({"c", "c", 1.0, 3, true, {}});
    Species x;
    x.id = x.name = "X";
    x.compartment = "c";
    x.initialConcentration = 1;
    m.species.push_back(x);
    auto param = [&](const std::string &id, double v, bool constant = true) {
        Parameter q;
        q.id = q.name = id;
        q.value = v;
        q.constant = constant;
        m.parameters.push_back(q);
    };
    param("D", 0);
    param("ic50", ic50);
    param("n", n);
    param("k", 0.5);
    param("H", 1, false);
    m.rules.push_back({RuleKind::Assignment, "H", *parseFormula("1/(1 + (D/ic50)^n)")});
    Reaction r;
    r.id = r.name = "decay";
    r.reactants.push_back({"X", 1.0, "", true});
    r.kineticLaw = *parseFormula("k*X");
    m.reactions.push_back(r);
    InputSpec d;
    d.id = d.name = d.parameter = "D";
    d.unit = "µM";
    p.inputs.push_back(d);
    p.readouts = {"H"};
    p.defaultEnd = 1;
    p.defaultSteps = 1;
    return p;
}

Scenario csc() { Scenario s; s.phenotype = "CSC"; return s; }

ReadoutSpec viabilityAt(double t)
{
    ReadoutSpec r;
    r.id = "Viability";
    r.time = t;
    return r;
}

}  // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

    std::unique_ptr<ScenarioRunner> m_runner;

    Scan2DSpec smallScan(SynergyMethod method = SynergyMethod::Bliss)
    {
        Scan2DSpec s;
        s.x = *makeScanAxis(m_runner->project(), "ERA", 0.5, 6, 6, true);
        s.y = *makeScanAxis(m_runner->project(), "KO143", 0.02, 1, 5, true);
        s.readout = viabilityAt(48);
        s.synergy = method;
        return s;
    }

private slots:
    void initTestCase()
    {
        auto runner = ScenarioRunner::create(builtinProject());
        QVERIFY2(runner.ok(), runner.errorText().c_str());
        m_runner = std::move(*runner);
    }

    // ------------------------------------------------------------------ synergy maths
    void blissIsZeroOnIndependentPair()
    {
        auto ea = [](double a) { return 0.9 * hill(a, 2, 1.5); };
        auto eb = [](double b) { return 0.6 * hill(b, 0.3, 2.5); };
        const SynergyInput in = surface(0.8, ea, eb, [&](double a, double b) { return 1 - (1 - ea(a)) * (1 - eb(b)); });
        const SynergyMap m = computeSynergy(in, SynergyMethod::Bliss, EffectScale::Decrease);
        QCOMPARE(m.score.size(), in.x.size() * in.y.size());
        QVERIFY2(maxAbs(m.score) <= 1e-12, msg(QString("max |Bliss| = %1").arg(maxAbs(m.score))));
        for (std::size_t k = 0; k < m.score.size(); ++k) QCOMPARE(blissExcess(m.effect[k], 0, 0), m.effect[k]);
    }

    void blissIsPositiveOnSynergisticSurface()
    {
        auto ea = [](double a) { return 0.9 * hill(a, 2, 1.5); };
        auto eb = [](double b) { return 0.6 * hill(b, 0.3, 2.5); };
        // Survival of the pair is lower than the product of the single-agent survivals.
        auto eab = [&](double a, double b) { return 1 - (1 - ea(a)) * (1 - eb(b)) * (1 - 0.5 * ea(a) * eb(b)); };
        const SynergyInput in = surface(1.0, ea, eb, eab);
        const SynergyMap m = computeSynergy(in, SynergyMethod::Bliss, EffectScale::Decrease);
        double least = 1;
        for (double s : m.score) least = std::min(least, s);
        QVERIFY2(least > 0, msg(QString("smallest Bliss score %1").arg(least)));
        QVERIFY(m.bestX >= 0 && m.bestY >= 0);
        QVERIFY(m.bestScore > 0.02);
        for (double s : m.score) QVERIFY(s <= m.bestScore);
        // Antagonism is negative.
        const SynergyInput anti = surface(1.0, ea, eb, [&](double a, double b) { return std::max(ea(a), eb(b)); });
        const SynergyMap n = computeSynergy(anti, SynergyMethod::Bliss, EffectScale::Decrease);
        QVERIFY(*std::min_element(n.score.begin(), n.score.end()) < -0.05);
    }

    void hsaIsZeroForTheBestSingleAgent()
    {
        auto ea = [](double a) { return 0.9 * hill(a, 2, 1.5); };
        auto eb = [](double b) { return 0.6 * hill(b, 0.3, 2.5); };
        const SynergyInput in = surface(1.0, ea, eb, [&](double a, double b) { return std::max(ea(a), eb(b)); });
        const SynergyMap m = computeSynergy(in, SynergyMethod::Hsa, EffectScale::Decrease);
        QVERIFY2(maxAbs(m.score) <= 1e-12, msg(QString("max |HSA| = %1").arg(maxAbs(m.score))));
        const SynergyInput more = surface(1.0, ea, eb, [&](double a, double b) { return std::min(1.0, std::max(ea(a), eb(b)) + 0.01); });
        const SynergyMap p = computeSynergy(more, SynergyMethod::Hsa, EffectScale::Decrease);
        for (double s : p.score) QVERIFY(std::fabs(s - 0.01) < 1e-12);
    }

    void hillFitRecoversParameters()
    {
        const std::vector<double> d = logRange(0.05, 20, 17);
        std::vector<double> e;
        for (double x : d) e.push_back(0.85 * hill(x, 1.7, 2.3));
        const HillFit f = fitHill(d, e);
        QVERIFY2(f.status == HillFit::Status::Hill, f.note.c_str());
        QVERIFY(std::fabs(f.emax - 0.85) < 1e-8 && std::fabs(f.ec50 / 1.7 - 1) < 1e-8 && std::fabs(f.hill / 2.3 - 1) < 1e-8);
        QCOMPARE(fitHill(d, std::vector<double>(d.size(), 0.001)).status, HillFit::Status::Inactive);
        std::vector<double> wiggle;
        for (double x : d) wiggle.push_back(0.5 + 0.4 * std::sin(3 * std::log(x)));
        QCOMPARE(fitHill(d, wiggle).status, HillFit::Status::Invalid);
    }

    void loeweIsZeroOnAdditiveHillPair_data()
    {
        QTest::addColumn<double>("na");
        QTest::addColumn<double>("nb");
        QTest::newRow("same slope") << 1.8 << 1.8;
        QTest::newRow("different slopes") << 1.2 << 3.0;
    }

    void loeweIsZeroOnAdditiveHillPair()
    {
        QFETCH(double, na);
        QFETCH(double, nb);
        const double emax = 0.95, ca = 2, cb = 0.3;
        auto ea = [&](double a) { return emax * hill(a, ca, na); };
        auto eb = [&](double b) { return emax * hill(b, cb, nb); };
        auto additive = [&](double a, double b) {
            if (na == nb) {   // closed form: a/ca + b/cb = (E/(emax-E))^(1/n)
                const double u = std::pow(a / ca + b / cb, na);
                return emax * u / (1 + u);
            }
            return loeweReference(a, b, emax, ca, na, cb, nb);
        };
        const SynergyInput in = surface(1.0, ea, eb, additive);
        const SynergyMap m = computeSynergy(in, SynergyMethod::Loewe, EffectScale::Decrease);
        QVERIFY2(m.fitX.status == HillFit::Status::Hill && m.fitY.status == HillFit::Status::Hill, (m.fitX.note + m.fitY.note).c_str());
        QVERIFY2(maxAbs(m.score) <= 1e-6, msg(QString("max |Loewe| = %1").arg(maxAbs(m.score))));
        // More effect than additive is synergy.
        const SynergyInput syn = surface(1.0, ea, eb, [&](double a, double b) { return std::min(emax, 1.2 * additive(a, b)); });
        const SynergyMap s = computeSynergy(syn, SynergyMethod::Loewe, EffectScale::Decrease);
        QVERIFY(s.bestScore > 0.05);
    }

    void loeweIsUndefinedWithoutHillCurve()
    {
        SynergyInput in = surface(1.0, [](double a) { return 0.5 + 0.4 * std::sin(3 * std::log(a)); },
                                  [](double b) { return hill(b, 0.3, 2); }, [](double, double) { return 0.5; });
        const SynergyMap m = computeSynergy(in, SynergyMethod::Loewe, EffectScale::Decrease);
        QCOMPARE(m.fitX.status, HillFit::Status::Invalid);
        for (double s : m.score) QVERIFY(std::isnan(s));
        QCOMPARE(m.bestX, -1);
    }

    // ------------------------------------------------------------------ IC50
    void ic50OnClosedFormHill_data()
    {
        QTest::addColumn<double>("ic50");
        QTest::addColumn<double>("n");
        QTest::addColumn<bool>("rising");
        QTest::newRow("IC50 2.345, n 2.7") << 2.345 << 2.7 << false;
        QTest::newRow("IC50 0.1234, n 1") << 0.1234 << 1.0 << false;
        QTest::newRow("EC50 7.7, n 4") << 7.7 << 4.0 << true;
    }

    void ic50OnClosedFormHill()
    {
        QFETCH(double, ic50);
        QFETCH(double, n);
        QFETCH(bool, rising);
        auto response = [&](double d) { return rising ? 10 * hill(d, ic50, n) : 1 - hill(d, ic50, n); };
        const std::vector<double> doses = logRange(0.01, 20, 25);
        std::vector<double> r;
        for (double d : doses) r.push_back(response(d));
        const double level = rising ? 5 : 0.5;
        int calls = 0;
        const HalfEffect h = locateCrossing(doses, r, response(0), level, [&](double d) { ++calls; return response(d); });
        QVERIFY2(h.found, h.note.c_str());
        QCOMPARE(h.kind, std::string(rising ? "EC50" : "IC50"));
        QVERIFY2(std::fabs(h.dose / ic50 - 1) < 1e-4, msg(QString("IC50 %1 vs %2").arg(h.dose, 0, 'g', 12).arg(ic50)));
        QVERIFY(h.lo <= ic50 && ic50 <= h.hi);
        QVERIFY(h.hi / h.lo - 1 < 1e-4);
        QCOMPARE(calls, h.evaluations);
        // The sampled estimate alone is coarser; without refinement the bracket is the grid cell.
        const HalfEffect coarse = locateCrossing(doses, r, response(0), level, nullptr);
        QVERIFY(coarse.lo <= ic50 && ic50 <= coarse.hi && coarse.evaluations == 0);
        QCOMPARE(coarse.dose, coarse.estimate);
        QCOMPARE(halfEffectLevel(1.0, {0.9, 0.2, 0.0}), 0.5);
    }

    void ic50ThroughTinyModel()
    {
        const double ic50 = 1.618, n = 2.2;
        auto runner = ScenarioRunner::create(hillProject(ic50, n));
        QVERIFY2(runner.ok(), runner.errorText().c_str());
        ParallelRunner pool(**runner, 2);
        DoseResponseSpec spec;
        spec.axis = *makeScanAxis((*runner)->project(), "D", 0.1, 20, 25, true);
        spec.readout.id = "H";
        spec.level = 0.5;
        auto r = runDoseResponse(pool, Scenario{}, spec);
        QVERIFY2(r.ok(), r.errorText().c_str());
        QCOMPARE(r->curves.size(), std::size_t(1));
        const auto &c = r->curves[0];
        QCOMPARE(c.control, 1.0);
        for (std::size_t i = 0; i < r->doses.size(); ++i)
            QVERIFY(std::fabs(c.responses[i] - 1 / (1 + std::pow(r->doses[i] / ic50, n))) < 1e-12);
        QVERIFY2(c.half.found, c.half.note.c_str());
        QVERIFY2(std::fabs(c.half.dose / ic50 - 1) < 1e-4, msg(QString("IC50 %1").arg(c.half.dose, 0, 'g', 12)));
        QVERIFY(c.half.lo <= ic50 && ic50 <= c.half.hi);
        // Default level: half-maximal effect within the range.
        spec.level = std::nan("");
        auto rel = runDoseResponse(pool, Scenario{}, spec);
        QVERIFY(rel.ok());
        const double extreme = 1 / (1 + std::pow(20 / ic50, n));
        QVERIFY(std::fabs(rel->curves[0].half.level - (1 + extreme) / 2) < 1e-12);
        // Errors: an unknown readout, a negative dose.
        spec.readout.id = "Nope";
        auto bad = runDoseResponse(pool, Scenario{}, spec);
        QVERIFY(!bad.ok() && bad.errorText().find("unknown readout 'Nope'") != std::string::npos);
        QVERIFY(!makeScanAxis((*runner)->project(), "D", -1, 2, 5, false).ok());
        QVERIFY(!makeScanAxis((*runner)->project(), "D", 0, 2, 5, true).ok());
        QVERIFY(!makeScanAxis((*runner)->project(), "Q", 1, 2, 5, true).ok());
    }

    void erastinIc50BracketOnBuiltinModel()
    {
        ParallelRunner pool(*m_runner, 2);
        DoseResponseSpec spec;
        spec.axis = *makeScanAxis(m_runner->project(), "ERA", 0.5, 10, 12, true);
        spec.readout = viabilityAt(48);
        spec.phenotypes = {"nonCSC", "CSC"};
        spec.level = 0.5;
        auto r = runDoseResponse(pool, Scenario{}, spec);
        QVERIFY2(r.ok(), r.errorText().c_str());
        QCOMPARE(r->curves.size(), std::size_t(2));
        auto tape = *readoutTape(*m_runner, "Viability");
        for (const auto &c : r->curves) {
            QVERIFY2(c.half.found, c.half.note.c_str());
            Scenario s;
            s.phenotype = c.phenotype;
            const double atLo = evaluateReadout(*m_runner, applyAxis(s, spec.axis, c.half.lo), spec.readout, tape);
            const double atHi = evaluateReadout(*m_runner, applyAxis(s, spec.axis, c.half.hi), spec.readout, tape);
            QVERIFY2(atLo > 0.5 && atHi < 0.5, msg(QString("%1: V(lo) %2, V(hi) %3").arg(QString::fromStdString(c.phenotype)).arg(atLo).arg(atHi)));
            qInfo().noquote() << "erastin IC50 (48 h)" << QString::fromStdString(c.phenotype) << c.half.dose << "µM in ["
                              << c.half.lo << "," << c.half.hi << "]";
        }
        QVERIFY(r->curves[1].half.dose > 1.2 * r->curves[0].half.dose);   // claim 22: CSCs more resistant
    }

    // ------------------------------------------------------------------ steady state
    void steadyStateEqualsPreequilibrated_data()
    {
        QTest::addColumn<QString>("phenotype");
        QTest::newRow("nonCSC") << "nonCSC";
        QTest::newRow("CSC") << "CSC";
    }

    void steadyStateEqualsPreequilibrated()
    {
        QFETCH(QString, phenotype);
        Scenario s;
        s.phenotype = phenotype.toStdString();
        const std::vector<double> pre = m_runner->startState(*m_runner->resolve(s));
        // Solved afresh from the model's initial values (no pre-equilibration).
        s.preequilibrate = false;
        auto a = analyseSteadyState(*m_runner, s);
        QVERIFY2(a.ok(), a.errorText().c_str());
        const auto atol = m_runner->solverSettings().absoluteTolerances;
        for (std::size_t i = 0; i < pre.size(); ++i) {
            const double dev = std::fabs(a->state[i] - pre[i]) / std::max(std::fabs(pre[i]), atol[i]);
            QVERIFY2(dev <= 1e-8, msg(QString("%1 %2: %3 vs pre-equilibrated %4").arg(phenotype, QString::fromStdString(a->stateIds[i]))
                                          .arg(a->state[i], 0, 'g', 15).arg(pre[i], 0, 'g', 15)));
        }
        QCOMPARE(a->heldStates, (std::vector<std::string>{"V", "PDT"}));
        QCOMPARE(a->eigenvalues.size(), std::size_t(m_runner->model().stateCount() - 2));
        QVERIFY(a->residual < 1e-9);
        QVERIFY(a->maxRealPart < 0);
        QCOMPARE(a->verdict, Stability::Stable);
        qInfo().noquote() << phenotype << "steady state: max Re(lambda)" << a->maxRealPart << "residual" << a->residual;
    }

    void steadyStateJacobianMatchesDifferences()
    {
        Scenario s = csc();
        s.inputs.push_back({"ERA", 2, 0, -1});
        auto a = analyseSteadyState(*m_runner, s);
        QVERIFY2(a.ok(), a.errorText().c_str());
        QCOMPARE(a->heldInputs, std::vector<std::string>{"ERA"});
        QVERIFY(a->residual < 1e-9);
        const CompiledModel &m = m_runner->model();
        const std::vector<double> p = steadyStateParameters(*m_runner->resolve(s));
        const Eigen::MatrixXd J = denseJacobian(m, a->state, p);
        auto rhs = [&](std::vector<double> y) {
            std::vector<double> leaves(m.leafCount(), 0.0), f(m.stateCount());
            std::copy(y.begin(), y.end(), leaves.begin() + 1);
            std::copy(p.begin(), p.end(), leaves.begin() + 1 + m.stateCount());
            auto w = m.rhsTape.makeWorkspace();
            m.rhsTape.evaluate(leaves.data(), f.data(), w.data());
            return f;
        };
        for (std::uint32_t c = 0; c < m.stateCount(); ++c) {
            const double h = 1e-6 * std::max(std::fabs(a->state[c]), 1e-3);
            std::vector<double> up = a->state, down = a->state;
            up[c] += h;
            down[c] -= h;
            const auto fu = rhs(up), fd = rhs(down);
            for (std::uint32_t r = 0; r < m.stateCount(); ++r) {
                const double fdv = (fu[r] - fd[r]) / (2 * h);
                QVERIFY2(std::fabs(J(r, c) - fdv) <= 1e-5 * std::max(1.0, std::fabs(fdv)),
                         msg(QString("J(%1,%2) %3 vs %4").arg(r).arg(c).arg(J(r, c)).arg(fdv)));
            }
        }
    }

    // ------------------------------------------------------------------ sensitivity
    void sensitivityMatchesFiniteDifferences()
    {
        auto runner = ScenarioRunner::create(withSensitivityTolerances(builtinProject()));   // as the CLI
        QVERIFY(runner.ok());
        ParallelRunner pool(**runner, 2);
        SensitivitySpec spec;
        spec.readout.id = "LOOH";
        spec.readout.time = 24;
        spec.parameters = {"k_prop", "k_gpx4", "V_gcl"};
        Scenario s = csc();
        s.inputs.push_back({"ERA", 1, 0, -1});
        auto r = runSensitivity(pool, s, spec);
        QVERIFY2(r.ok(), r.errorText().c_str());
        QCOMPARE(r->entries.size(), std::size_t(3));
        auto tape = *readoutTape(**runner, "LOOH");
        auto simulate = [&](const std::string &id, double factor) {
            Scenario t = s;
            t.end = 24;
            t.steps = 1;
            if (factor != 1) t.parameters[id] = (*runner)->resolve(s)->baseParameters[(*runner)->model().parameterIndex(id)] * factor;
            auto res = (*runner)->run(*(*runner)->resolve(t), &tape);
            return res.values.back();
        };
        const double base = simulate("", 1);
        QCOMPARE(r->base, base);
        for (const auto &e : r->entries) {
            const double fd = (simulate(e.id, 1.001) - simulate(e.id, 0.999)) / (0.002 * base);
            QVERIFY2(std::fabs(e.sensitivity - fd) <= 1e-10 * std::max(1.0, std::fabs(fd)),
                     msg(QString("%1: %2 vs %3").arg(QString::fromStdString(e.id)).arg(e.sensitivity).arg(fd)));
            // A ten times larger step agrees to the O(h^2) truncation error: the derivative is smooth.
            const double wide = (simulate(e.id, 1.01) - simulate(e.id, 0.99)) / (0.02 * base);
            QVERIFY2(std::fabs(e.sensitivity - wide) <= 2e-3 * std::max(1.0, std::fabs(fd)),
                     msg(QString("%1: h=1e-3 %2 vs h=1e-2 %3").arg(QString::fromStdString(e.id)).arg(e.sensitivity).arg(wide)));
            QVERIFY(!e.evidence.units.empty());
        }
        QVERIFY(std::fabs(r->entries[0].sensitivity) >= std::fabs(r->entries[1].sensitivity));
        for (const auto &e : r->entries) {
            qInfo().noquote() << "d ln LOOH / d ln" << QString::fromStdString(e.id) << "=" << e.sensitivity;
            if (e.id == "k_prop") QVERIFY(e.sensitivity > 0);   // more propagation, more LOOH
            if (e.id == "k_gpx4") QVERIFY(e.sensitivity < 0);   // more GPX4 activity, less LOOH
        }

        // The default parameter list: constant, non-zero, not the scheduled input.
        const auto ids = sensitivityParameters(**runner, *(*runner)->resolve(s));
        QVERIFY(ids.size() > 100);
        QVERIFY(std::find(ids.begin(), ids.end(), "ERA") == ids.end());
        QVERIFY(std::find(ids.begin(), ids.end(), "k_gpx4") != ids.end());
    }

    // ------------------------------------------------------------------ execution
    void cancellationStopsWorkersPromptly()
    {
        ParallelRunner pool(*m_runner, 2);
        Scan2DSpec spec = smallScan();
        spec.x = *makeScanAxis(m_runner->project(), "ERA", 0.1, 20, 100, true);
        spec.y = *makeScanAxis(m_runner->project(), "KO143", 0.01, 1, 100, true);
        std::atomic<bool> cancel{false};
        using Clock = std::chrono::steady_clock;
        Clock::time_point cancelledAt;
        int calls = 0;
        RunCallbacks callbacks;
        callbacks.progress = [&](std::size_t done, std::size_t total) {
            if (++calls == 1) {
                QVERIFY(done > 0 && done < total);
                cancel = true;
                cancelledAt = Clock::now();
            }
        };
        auto r = runScan2D(pool, csc(), spec, {}, callbacks, &cancel);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - cancelledAt).count();
        QVERIFY(r.ok());
        QVERIFY(r->outcome.cancelled);
        QVERIFY(r->outcome.done < r->outcome.total);
        QCOMPARE(r->outcome.failed, std::size_t(0));
        QVERIFY2(ms < 1000, msg(QString("returned %1 ms after the cancel").arg(ms)));
        qInfo().noquote() << "cancel: returned" << ms << "ms after the first progress report;" << r->outcome.done << "of"
                          << r->outcome.total << "points done";
        // The pool is reusable after a cancel.
        std::atomic<bool> no{false};
        auto again = runScan2D(pool, csc(), smallScan(), {}, {}, &no);
        QVERIFY(again.ok() && again->complete() && !again->outcome.cancelled);
    }

    void scanEqualsIndividualRuns()
    {
        ParallelRunner pool(*m_runner, 2);
        Scan2DSpec spec = smallScan();
        std::vector<std::size_t> ready;
        std::vector<double> early;
        RunCallbacks callbacks;
        callbacks.pointsReady = [&](const std::vector<std::size_t> &k, const std::vector<double> &v) {
            QCOMPARE(k.size(), v.size());
            ready.insert(ready.end(), k.begin(), k.end());
            early.insert(early.end(), v.begin(), v.end());
        };
        auto r = runScan2D(pool, csc(), spec, {}, callbacks);
        QVERIFY2(r.ok(), r.errorText().c_str());
        QVERIFY(r->complete());
        QCOMPARE(ready.size(), r->grid.pointCount());
        for (std::size_t m = 0; m < ready.size(); ++m) QCOMPARE(early[m], r->values[ready[m]]);   // as delivered live
        auto tape = *readoutTape(*m_runner, "Viability");
        auto individual = [&](int i, int j) {
            Scenario s = csc();
            s.end = 48;
            s.steps = 1;
            if (i >= 0) s.inputs.push_back({"ERA", r->grid.xs[std::size_t(i)], 0, -1});
            if (j >= 0) s.inputs.push_back({"KO143", r->grid.ys[std::size_t(j)], 0, -1});
            auto res = m_runner->run(*m_runner->resolve(s), &tape);
            return res.values.back();
        };
        for (auto [i, j] : std::vector<std::pair<int, int>>{{0, 0}, {5, 4}, {3, 2}, {2, 4}, {-1, -1}, {4, -1}, {-1, 3}}) {
            const double a = r->value(i, j), b = individual(i, j);
            QVERIFY2(std::fabs(a - b) <= 1e-10 * std::max(1e-300, std::fabs(b)),
                     msg(QString("(%1,%2): scan %3 vs run %4").arg(i).arg(j).arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)));
        }
        // A gene x input grid: every gene level has its own pre-equilibration.
        Scan2DSpec g = spec;
        g.y = *makeScanAxis(m_runner->project(), "GPX4", 0.2, 1.5, 4, false);
        auto rg = runScan2D(pool, csc(), g);
        QVERIFY2(rg.ok(), rg.errorText().c_str());
        QCOMPARE(rg->grid.yReference, 1.0);
        Scenario s = csc();
        s.end = 48;
        s.steps = 1;
        s.genes["GPX4"] = rg->grid.ys[2];
        s.inputs.push_back({"ERA", rg->grid.xs[4], 0, -1});
        const double b = m_runner->run(*m_runner->resolve(s), &tape).values.back();
        QVERIFY(std::fabs(rg->value(4, 2) - b) <= 1e-10 * std::fabs(b));
    }

    void resultsDoNotDependOnThreads()
    {
        ParallelRunner one(*m_runner, 1), two(*m_runner, 2);
        auto a = runScan2D(one, csc(), smallScan());
        auto b = runScan2D(two, csc(), smallScan());
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->outcome.threads, 1);
        QCOMPARE(b->outcome.threads, 2);
        QCOMPARE(scanToCsv(*a), scanToCsv(*b));
    }

    void shardsMergeToTheUnshardedScan()
    {
        ParallelRunner pool(*m_runner, 2);
        const Scan2DSpec spec = smallScan(SynergyMethod::Loewe);
        auto whole = runScan2D(pool, csc(), spec);
        QVERIFY(whole.ok() && whole->complete());
        for (bool blocks : {false, true})
            for (bool json : {false, true}) {
                std::vector<Scan2DResult> parts;
                std::vector<std::string> names;
                for (int i : {3, 1, 2}) {   // any order
                    auto sh = runScan2D(pool, csc(), spec, ShardSpec{i, 3, blocks});
                    QVERIFY(sh.ok() && !sh->complete());
                    const std::string name = "shard" + std::to_string(i);
                    auto back = parseScan(json ? scanToJson(*sh) : scanToCsv(*sh), name);
                    QVERIFY2(back.ok(), back.errorText().c_str());
                    parts.push_back(*back);
                    names.push_back(name);
                }
                auto merged = mergeScans(parts, names);
                QVERIFY2(merged.ok(), merged.errorText().c_str());
                QVERIFY(merged->complete());
                for (std::size_t k = 0; k < whole->values.size(); ++k) QCOMPARE(merged->values[k], whole->values[k]);
                QCOMPARE(scanToCsv(*merged), scanToCsv(*whole));
                QCOMPARE(scanToJson(*merged), scanToJson(*whole));

                // Missing, duplicated, foreign and truncated shards are refused.
                auto missing = mergeScans({parts[0], parts[1]}, {names[0], names[1]});
                QVERIFY(!missing.ok() && missing.errorText().find("missing") != std::string::npos);
                auto twice = mergeScans({parts[0], parts[1], parts[0]}, {"a", "b", "c"});
                QVERIFY(!twice.ok() && twice.errorText().find("given twice") != std::string::npos);
                Scan2DResult foreign = parts[2];
                foreign.grid.spec.readout.time = 24;
                auto other = mergeScans({parts[0], parts[1], foreign}, {"a", "b", "c"});
                QVERIFY(!other.ok() && other.errorText().find("different grid") != std::string::npos);
                Scan2DResult cut = parts[1];
                cut.present[std::size_t(std::find(cut.present.begin(), cut.present.end(), 1) - cut.present.begin())] = 0;
                auto truncated = mergeScans({parts[0], cut, parts[2]}, {"a", "b", "c"});
                QVERIFY(!truncated.ok() && truncated.errorText().find("truncated") != std::string::npos);
            }
        auto bad = parseShard("0/3");
        QVERIFY(!bad.ok());
        QVERIFY(!parseShard("4/3").ok() && !parseShard("1/0").ok() && !parseShard("a/b").ok() && !parseShard("1/2:x").ok());
        QVERIFY(parseShard("2/3:block")->blocks);
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
