// Solver and compiler on closed-form problems: decay, linear exchange, Robertson, events,
// timed parameter changes, re-runs without recompiling, analytic Jacobian vs differences,
// failures reported as errors.
#include "core/model/math_io.h"
#include "core/ode/compiled_model.h"
#include "core/sim/simulator.h"

#include <QtTest>

#include <cmath>

using namespace ferroscope::core;

namespace {

MathNode f(const std::string &text)
{
    auto r = parseFormula(text);
    if (!r) qFatal("bad formula in test: %s", r.errorText().c_str());
    return *r;
}

ModelSpec base()
{
    ModelSpec m;
    m.id = "test";
    Compartment c;
    c.id = "C";
    c.size = 1;
    m.compartments.push_back(c);
    return m;
}

void species(ModelSpec &m, const std::string &id, double amount, const std::string &comp = "C")
{
    Species s;
    s.id = id;
    s.compartment = comp;
    s.initialAmount = amount;
    m.species.push_back(s);
}

void param(ModelSpec &m, const std::string &id, double v, bool constant = true)
{
    Parameter p;
    p.id = id;
    p.value = v;
    p.constant = constant;
    m.parameters.push_back(p);
}

void reaction(ModelSpec &m, const std::string &id, std::vector<std::pair<std::string, double>> reactants,
              std::vector<std::pair<std::string, double>> products, const std::string &law)
{
    Reaction r;
    r.id = id;
    for (auto &[s, n] : reactants) r.reactants.push_back({s, n, "", true});
    for (auto &[s, n] : products) r.products.push_back({s, n, "", true});
    r.kineticLaw = f(law);
    m.reactions.push_back(r);
}

std::shared_ptr<const CompiledModel> compile(const ModelSpec &m)
{
    auto c = compileModel(m);
    if (!c) qFatal("compile failed: %s", c.errorText().c_str());
    return *c;
}

SimulationResult simulate(const ModelSpec &m, double end, int steps, const std::vector<std::string> &vars,
                          double rtol = 1e-9, double atol = 1e-12, std::vector<ParameterChange> schedule = {})
{
    auto model = compile(m);
    SolverSettings s;
    s.relativeTolerance = rtol;
    s.absoluteTolerance = atol;
    Simulator sim(model, s);
    auto tape = model->observerTape(vars, {});
    if (!tape) qFatal("observer: %s", tape.errorText().c_str());
    SimulationRequest req;
    req.end = end;
    req.steps = steps;
    req.schedule = std::move(schedule);
    return sim.run(model->defaultParameters(), nullptr, req, &*tape);
}

}  // namespace

class TestSolver : public QObject {
    Q_OBJECT
private slots:
    void decay()
    {
        ModelSpec m = base();
        species(m, "S", 10);
        param(m, "k", 0.5);
        reaction(m, "R", {{"S", 1}}, {}, "k*S");
        auto r = simulate(m, 10, 20, {"S"});
        QCOMPARE(r.times.size(), std::size_t(21));
        for (std::size_t i = 0; i < r.times.size(); ++i) {
            const double exact = 10 * std::exp(-0.5 * r.times[i]);
            QVERIFY2(std::fabs(r.at(i, 0) - exact) <= 1e-6 * exact + 1e-10, qPrintable(QString::number(r.at(i, 0))));
        }
        QCOMPARE(r.times.back(), 10.0);
    }

    void linearExchange()
    {
        // A <-> B, kf = 2, kr = 1: A(t) = A_inf + (A0 - A_inf) e^{-(kf+kr) t}, A_inf = kr/(kf+kr) * total
        ModelSpec m = base();
        species(m, "A", 3);
        species(m, "B", 0);
        param(m, "kf", 2);
        param(m, "kr", 1);
        reaction(m, "R", {{"A", 1}}, {{"B", 1}}, "kf*A - kr*B");
        auto r = simulate(m, 5, 50, {"A", "B", "R"});
        for (std::size_t i = 0; i < r.times.size(); ++i) {
            const double t = r.times[i];
            const double a = 1.0 + 2.0 * std::exp(-3 * t);
            QVERIFY(std::fabs(r.at(i, 0) - a) <= 1e-7 * a + 1e-10);
            QVERIFY(std::fabs(r.at(i, 0) + r.at(i, 1) - 3.0) <= 1e-8);           // mass conserved
            QVERIFY(std::fabs(r.at(i, 2) - (2 * a - (3 - a))) <= 1e-6);            // reaction rate output
        }
    }

    void robertson()
    {
        // Stiff reference problem; values at t = 40 from Hairer & Wanner's reference solution.
        ModelSpec m = base();
        species(m, "y1", 1);
        species(m, "y2", 0);
        species(m, "y3", 0);
        reaction(m, "R1", {{"y1", 1}}, {{"y2", 1}}, "0.04*y1");
        reaction(m, "R2", {{"y2", 1}, {"y3", 1}}, {{"y1", 1}, {"y3", 1}}, "1e4*y2*y3");
        reaction(m, "R3", {{"y2", 2}}, {{"y2", 1}, {"y3", 1}}, "3e7*y2^2");
        auto r = simulate(m, 40, 4, {"y1", "y2", "y3"}, 1e-8, 1e-14);
        const std::size_t last = r.times.size() - 1;
        QVERIFY(std::fabs(r.at(last, 0) - 0.7158270687) < 1e-6);
        QVERIFY(std::fabs(r.at(last, 1) - 9.185534764e-6) < 1e-10);
        QVERIFY(std::fabs(r.at(last, 2) - 0.2841637457) < 1e-6);
    }

    void jacobianMatchesDifferences()
    {
        ModelSpec m = base();
        species(m, "S", 2);
        species(m, "E", 0.5);
        species(m, "P", 0.1);
        param(m, "Vm", 3);
        param(m, "Km", 0.7);
        param(m, "n", 2.5);
        reaction(m, "R1", {{"S", 1}}, {{"P", 1}}, "Vm*E*S^n/(Km^n + S^n)");
        reaction(m, "R2", {{"P", 1}}, {{"S", 1}}, "0.3*P*exp(-S/4) + sin(P)^2");
        reaction(m, "R3", {{"E", 1}}, {}, "0.1*E*P/(1 + S*P)");
        auto model = compile(m);
        const auto n = model->stateCount();
        std::vector<double> leaves(model->leafCount(), 0.0), f0(n), f1(n), jac(model->jacEntries.size());
        auto p = model->defaultParameters();
        std::copy(p.begin(), p.end(), leaves.begin() + 1 + n);
        const double y[] = {1.3, 0.4, 0.8};
        std::copy(y, y + 3, leaves.begin() + 1);
        auto work = model->rhsTape.makeWorkspace();
        auto jwork = model->jacTape.makeWorkspace();
        model->jacTape.evaluate(leaves.data(), jac.data(), jwork.data());
        std::vector<double> dense(n * n, 0.0);
        for (std::size_t e = 0; e < jac.size(); ++e)
            dense[model->jacEntries[e].first * n + model->jacEntries[e].second] = jac[e];
        for (std::uint32_t j = 0; j < n; ++j) {
            const double h = 1e-6 * std::max(1.0, std::fabs(leaves[1 + j]));
            auto l = leaves;
            l[1 + j] += h;
            model->rhsTape.evaluate(l.data(), f1.data(), work.data());
            l[1 + j] -= 2 * h;
            model->rhsTape.evaluate(l.data(), f0.data(), work.data());
            for (std::uint32_t i = 0; i < n; ++i) {
                const double fd = (f1[i] - f0[i]) / (2 * h);
                QVERIFY2(std::fabs(fd - dense[i * n + j]) <= 1e-6 * (1 + std::fabs(fd)),
                         qPrintable(QString("J(%1,%2) = %3 vs %4").arg(i).arg(j).arg(dense[i * n + j]).arg(fd)));
            }
        }
    }

    void eventAtTimeAndDelay()
    {
        ModelSpec m = base();
        species(m, "S", 1);
        param(m, "k", 1);
        reaction(m, "R", {{"S", 1}}, {}, "k*S");
        Event e;
        e.id = "reset";
        e.trigger = f("time >= 2");
        e.assignments.push_back({"S", f("5")});
        m.events.push_back(e);
        Event d;
        d.id = "late";
        d.trigger = f("S > 4");
        d.delay = f("1");
        d.assignments.push_back({"k", f("0")});
        m.events.push_back(d);
        m.parameters.back().constant = false;
        auto r = simulate(m, 5, 10, {"S", "k"});
        // t = 1.5: plain decay; t = 2 (event time): post-event value 5; t = 3: k switched off at 3
        QVERIFY(std::fabs(r.at(3, 0) - std::exp(-1.5)) < 1e-7);
        QVERIFY(std::fabs(r.at(4, 0) - 5.0) < 1e-7);
        QVERIFY(std::fabs(r.at(5, 0) - 5 * std::exp(-0.5)) < 1e-6);
        QVERIFY(std::fabs(r.at(6, 0) - 5 * std::exp(-1.0)) < 1e-6);
        QCOMPARE(r.at(6, 1), 0.0);
        QVERIFY(std::fabs(r.at(10, 0) - 5 * std::exp(-1.0)) < 1e-6);   // constant after k = 0
    }

    void eventPersistenceAndInitialValue()
    {
        ModelSpec m = base();
        species(m, "S", 0);
        param(m, "x", 0, false);
        param(m, "y", 0, false);
        reaction(m, "R", {}, {{"S", 1}}, "1");          // S = t
        Event np;                                         // true on [1, 1.5) only: cancelled
        np.id = "np";
        np.trigger = f("S >= 1 && S < 1.5");
        np.persistent = false;
        np.delay = f("1");
        np.assignments.push_back({"x", f("1")});
        m.events.push_back(np);
        Event iv;                                         // true at t0 with initialValue false: fires at 0
        iv.id = "iv";
        iv.trigger = f("S < 100");
        iv.initialValue = false;
        iv.assignments.push_back({"y", f("7")});
        m.events.push_back(iv);
        auto r = simulate(m, 4, 4, {"x", "y"});
        QCOMPARE(r.at(0, 1), 7.0);
        QCOMPARE(r.at(4, 0), 0.0);
    }

    void useValuesFromTriggerTime()
    {
        ModelSpec m = base();
        species(m, "S", 0);
        param(m, "a", 0, false);
        param(m, "b", 0, false);
        reaction(m, "R", {}, {{"S", 1}}, "1");
        Event e1;
        e1.id = "trig";
        e1.trigger = f("time >= 1");
        e1.delay = f("1");
        e1.useValuesFromTriggerTime = true;
        e1.assignments.push_back({"a", f("S")});
        m.events.push_back(e1);
        Event e2 = e1;
        e2.id = "exec";
        e2.useValuesFromTriggerTime = false;
        e2.assignments = {{"b", f("S")}};
        m.events.push_back(e2);
        auto r = simulate(m, 3, 3, {"a", "b"});
        QVERIFY(std::fabs(r.at(3, 0) - 1.0) < 1e-6);   // S at trigger time 1
        QVERIFY(std::fabs(r.at(3, 1) - 2.0) < 1e-6);   // S at execution time 2
    }

    void scheduleSwitchesExactly()
    {
        // k = 0 until t = 1, then 2 until t = 1.5, then 0: S = exp(-2 * 0.5) from 1.5 on.
        ModelSpec m = base();
        species(m, "S", 1);
        param(m, "k", 0);
        reaction(m, "R", {{"S", 1}}, {}, "k*S");
        auto model = compile(m);
        const auto k = std::uint32_t(model->parameterIndex("k"));
        auto r = simulate(m, 4, 4, {"S"}, 1e-9, 1e-12, {{1.0, k, 2.0}, {1.5, k, 0.0}});
        QVERIFY(std::fabs(r.at(1, 0) - 1.0) < 1e-9);
        QVERIFY(std::fabs(r.at(2, 0) - std::exp(-1.0)) < 1e-7);
        QVERIFY(std::fabs(r.at(4, 0) - std::exp(-1.0)) < 1e-7);
    }

    void rerunWithNewParameters()
    {
        ModelSpec m = base();
        species(m, "S", 10);
        param(m, "k", 0.5);
        reaction(m, "R", {{"S", 1}}, {}, "k*S");
        auto model = compile(m);
        SolverSettings s;
        s.relativeTolerance = 1e-9;
        Simulator sim(model, s);
        auto tape = model->observerTape({"S"}, {});
        SimulationRequest req;
        req.end = 2;
        req.steps = 2;
        auto p = model->defaultParameters();
        for (double k : {0.1, 1.0, 3.0}) {
            p[model->parameterIndex("k")] = k;
            p[model->parameterIndex("S")] = 4;   // initial amount, also in the table
            auto r = sim.run(p, nullptr, req, &*tape);
            QVERIFY(std::fabs(r.at(2, 0) - 4 * std::exp(-2 * k)) < 1e-6 * 4);
        }
    }

    void rulesAndInitialAssignments()
    {
        ModelSpec m = base();
        species(m, "S", 0);
        param(m, "k", 0);
        param(m, "twoK", 0, false);
        m.initialAssignments.push_back({"k", f("3")});
        m.rules.push_back({RuleKind::Assignment, "twoK", f("2*k + time")});
        reaction(m, "R", {}, {{"S", 1}}, "twoK");
        auto r = simulate(m, 2, 2, {"S", "twoK", "k"});
        QVERIFY(std::fabs(r.at(2, 0) - (6 * 2 + 2.0)) < 1e-6);   // integral of 6 + t over [0, 2]
        QCOMPARE(r.at(2, 2), 3.0);
    }

    void solverFailureIsAnError()
    {
        ModelSpec m = base();
        species(m, "S", 1);
        reaction(m, "R", {}, {{"S", 1}}, "S^2");   // blows up at t = 1
        bool threw = false;
        try {
            simulate(m, 2, 10, {"S"});
        } catch (const SolverError &e) {
            threw = true;
            QVERIFY(std::string(e.what()).size() > 10);
        }
        QVERIFY(threw);
    }

    void compileErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown symbol") << 0 << "unknown id 'nope'";
        QTest::newRow("rule cycle") << 1 << "itself";
        QTest::newRow("unknown function") << 2 << "unknown function";
        QTest::newRow("algebraic rule") << 3 << "algebraic";
        QTest::newRow("fast reaction") << 4 << "fast";
    }

    void compileErrors()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        ModelSpec m = base();
        species(m, "S", 1);
        param(m, "a", 0, false);
        param(m, "b", 0, false);
        switch (kind) {
        case 0: reaction(m, "R", {{"S", 1}}, {}, "nope*S"); break;
        case 1:
            m.rules.push_back({RuleKind::Assignment, "a", f("b + 1")});
            m.rules.push_back({RuleKind::Assignment, "b", f("a * 2")});
            reaction(m, "R", {{"S", 1}}, {}, "a*S");
            break;
        case 2: reaction(m, "R", {{"S", 1}}, {}, "myfun(S)"); break;
        case 3: m.rules.push_back({RuleKind::Algebraic, "", f("a + b")}); break;
        case 4:
            reaction(m, "R", {{"S", 1}}, {}, "S");
            m.reactions.back().fast = true;
            break;
        }
        auto c = compileModel(m);
        QVERIFY(!c);
        QVERIFY2(QString::fromStdString(c.errorText()).contains(expected), c.errorText().c_str());
    }
};

QTEST_GUILESS_MAIN(TestSolver)
#include "tst_solver.moc"
