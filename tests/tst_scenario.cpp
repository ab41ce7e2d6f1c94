// Tests of the scenario layer (core/scenario) on the built-in iron/heme CSC model: pre-equilibrated
// states against MODEL.md §2, steadiness of the pre-equilibrated state, resolve() error messages,
// stable gene perturbations and the pre-equilibration cache, exact switching of input windows (PDT
// light window), parameter overrides after the phenotype, and every therapy preset of the project.
#include "claims_support.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <vector>

using namespace ferroscope::core;
using claims::Case;
using claims::Trajectory;
using claims::phenotype;

namespace {

struct SteadyRow {
    const char *id;
    double nonCSC, CSC;
};

// MODEL.md §2, columns "nonCSC ss" and "CSC ss" (V = 1 and PDT = 0 after the reset).
const SteadyRow kSteadyState[] = {
    {"TfR1", 0.100, 0.150},     {"Fe3_endo", 0.060, 0.119}, {"Fe2_endo", 0.060, 0.119},
    {"LIP", 0.800, 1.15},       {"FT", 0.0100, 0.0382},     {"FtFe", 10.2, 53.0},
    {"Fe_lys", 0.381, 1.48},    {"FPN", 0.0500, 0.0217},    {"IRP1", 0.305, 0.215},
    {"IRP2", 0.102, 0.0746},    {"Fe_mito", 0.502, 0.671},  {"CD133", 0.0500, 0.0880},
    {"CD44", 0.0500, 0.107},    {"ROS", 0.0200, 0.0143},    {"LOOH", 0.0175, 0.0156},
    {"GSH", 3002, 6330},        {"Cys", 49.9, 337},         {"xCT", 0.100, 0.327},
    {"CD44v", 0.0500, 0.150},   {"GPX4", 0.500, 0.700},     {"NRF2", 0.0200, 0.0491},
    {"V", 1, 1},                {"ALA", 25.9, 36.5},        {"ALAS1", 0.0100, 0.0138},
    {"PpIX", 0.0657, 0.0535},   {"Heme", 0.104, 0.0714},    {"HO1", 0.0500, 0.112},
    {"ABCG2", 0.0500, 0.186},   {"PDT", 0, 0},              {"HIF1a", 0.0100, 0.00839},
    {"Epi", 0.444, 0.535},      {"Stem", 0.441, 0.705},
};

/// Relative deviation of a model value from a table value (absolute when the table says 0).
double deviation(double model, double table)
{
    return table == 0 ? std::fabs(model) : std::fabs(model - table) / std::fabs(table);
}

QByteArray msg(const QString &s) { return s.toUtf8(); }

}  // namespace

class TestScenario : public QObject {
    Q_OBJECT

    claims::Harness m_h;
    std::map<QString, std::pair<double, QString>> m_maxDeviation;   // phenotype -> (max, state id)

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_h.init(error), qPrintable(error));
        QCOMPARE(m_h.runner().model().stateCount(), std::uint32_t(std::size(kSteadyState)));
    }

    // (a) pre-equilibrated states = MODEL.md §2 within 1 %
    void steadyStateMatchesModelTable_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("nonCSC");
        QTest::addColumn<double>("CSC");
        for (const auto &row : kSteadyState) QTest::newRow(row.id) << QString(row.id) << row.nonCSC << row.CSC;
    }

    void steadyStateMatchesModelTable()
    {
        QFETCH(QString, id);
        QFETCH(double, nonCSC);
        QFETCH(double, CSC);
        const std::pair<const char *, double> expected[] = {{"nonCSC", nonCSC}, {"CSC", CSC}};
        for (const auto &[phen, table] : expected) {
            QString error;
            const auto y = m_h.startState(phenotype(phen), error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const auto it = y.find(id.toStdString());
            QVERIFY2(it != y.end(), qPrintable("no state " + id));
            const double dev = deviation(it->second, table);
            auto &worst = m_maxDeviation[phen];
            if (dev >= worst.first) worst = {dev, id};
            QVERIFY2(dev <= 0.01, msg(QString("%1 %2: pre-equilibrated %3 vs MODEL.md %4 (%5 %)")
                                          .arg(phen, id).arg(it->second, 0, 'g', 6).arg(table).arg(100 * dev)));
        }
    }

    void steadyStateMaxDeviation()
    {
        QCOMPARE(m_maxDeviation.size(), std::size_t(2));
        for (const auto &[phen, worst] : m_maxDeviation)
            qInfo().noquote() << "steady state" << phen << ": max deviation from MODEL.md §2"
                              << QString::number(100 * worst.first, 'f', 3) << "% (" << worst.second << ")";
    }

    // (b) the pre-equilibrated state is steady: 400 h more change every state by < 1e-6 relative
    void preequilibratedStateIsSteady()
    {
        for (const char *phen : {"nonCSC", "CSC"}) {
            const Trajectory tr = m_h.run(phenotype(phen).until(400, 1));
            CLAIMS_REQUIRE(tr);
            double worst = 0;
            std::string worstId;
            for (const auto &s : m_h.runner().model().states) {
                if (s.id == "V" || s.id == "PDT") continue;
                const double y0 = tr.value(0, s.id), y1 = tr.last(s.id);
                const double change = y0 == 0 ? std::fabs(y1) : std::fabs(y1 - y0) / std::fabs(y0);
                if (change >= worst) {
                    worst = change;
                    worstId = s.id;
                }
                QVERIFY2(change < 1e-6, msg(QString("%1 %2: %3 -> %4 after 400 h (relative change %5)")
                                                .arg(phen, QString::fromStdString(s.id))
                                                .arg(y0, 0, 'g', 10).arg(y1, 0, 'g', 10).arg(change)));
            }
            qInfo().noquote() << "steady state" << phen << ": max relative change over 400 h" << worst << "("
                              << QString::fromStdString(worstId) << ")";
        }
    }

    // (c) resolve() errors name the offending token and list the valid choices
    void resolveErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("mustContain");
        QTest::newRow("unknown gene") << "gene" << QStringList{"GPX5", "GPX4", "TfR1", "HIF1a"};
        QTest::newRow("unknown input") << "input" << QStringList{"DFOX", "DFO", "ALA_ext", "IRR"};
        QTest::newRow("unknown preset") << "preset" << QStringList{"chemo", "dfo", "ala_pdt", "rsl3"};
        QTest::newRow("unknown parameter") << "parameter" << QStringList{"m_TfR", "m_TfR1"};
        QTest::newRow("phenotype typo") << "phenotype" << QStringList{"'csc'", "nonCSC", "CSC"};
        QTest::newRow("NaN dose") << "nan dose" << QStringList{"DFO", "nan", ">= 0"};
        QTest::newRow("negative dose") << "negative dose" << QStringList{"DFO", "-5", ">= 0"};
        QTest::newRow("negative gene multiplier") << "negative gene" << QStringList{"GPX4", "-0.5", ">= 0"};
        QTest::newRow("window T1 < T0") << "window" << QStringList{"DFO", "10", "5", "before"};
    }

    void resolveErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, mustContain);
        Scenario s;
        s.phenotype = "nonCSC";
        s.end = 24;
        if (kind == "gene") s.genes["GPX5"] = 0.5;
        if (kind == "input") s.inputs.push_back({"DFOX", 100, 0, -1});
        if (kind == "preset") s.therapy = "chemo";
        if (kind == "parameter") s.parameters["m_TfR"] = 2;
        if (kind == "phenotype") s.phenotype = "csc";
        if (kind == "nan dose") s.inputs.push_back({"DFO", std::nan(""), 0, -1});
        if (kind == "negative dose") s.inputs.push_back({"DFO", -5, 0, -1});
        if (kind == "negative gene") s.genes["GPX4"] = -0.5;
        if (kind == "window") s.inputs.push_back({"DFO", 100, 10, 5});
        const auto r = m_h.runner().resolve(s);
        QVERIFY2(!r.ok(), qPrintable("resolve accepted the scenario (" + kind + ")"));
        const QString text = QString::fromStdString(r.errorText());
        qInfo().noquote() << kind << "->" << text.left(300);
        for (const QString &token : mustContain)
            QVERIFY2(text.contains(token), msg(QString("error does not mention '%1': %2").arg(token, text)));
    }

    // (d) stable gene knock-down changes the pre-equilibrated state; a drug-only change reuses the cache
    void geneKnockDownAndCache()
    {
        auto &runner = m_h.runner();
        QString error;
        const auto plain = m_h.startState(phenotype("nonCSC"), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const std::size_t n0 = runner.cacheSize();
        QVERIFY(n0 >= 1);

        // drug-only change: same pre-run parameters -> same cached start state, no new entry
        const auto withDrug = m_h.startState(phenotype("nonCSC").input("DFO", 100).input("IRR", 10, 4, 5), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Trajectory run = m_h.run(phenotype("nonCSC").input("ERA", 10).until(24));
        CLAIMS_REQUIRE(run);
        QCOMPARE(runner.cacheSize(), n0);
        QVERIFY(withDrug == plain);

        // stable knock-down: applied during pre-equilibration
        const auto kd = m_h.startState(phenotype("nonCSC").gene("GPX4", 0.2), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(runner.cacheSize(), n0 + 1);
        const double g0 = plain.at("GPX4"), g1 = kd.at("GPX4");
        qInfo().noquote() << "x_GPX4 = 0.2: pre-equilibrated GPX4" << g0 << "->" << g1 << "; cache" << n0 << "->"
                          << runner.cacheSize();
        QVERIFY2(g1 < 0.5 * g0, msg(QString("GPX4 %1 with x_GPX4 = 0.2 is not well below %2").arg(g1).arg(g0)));
        QVERIFY2(kd.at("V") == 1 && kd.at("PDT") == 0, "V and PDT are not reset after pre-equilibration");
        // and again: cached now
        m_h.startState(phenotype("nonCSC").gene("GPX4", 0.2).input("RSL3", 0.1), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(runner.cacheSize(), n0 + 1);
    }

    // (e) the light window switches exactly; PDT = 3.6 ∫ PpIX·IRR dt over the window. Light also
    // photobleaches PpIX (R53: about −20 % over these 10 min), so PpIX(4 h)·IRR·window is only an
    // upper bound of the dose: the integral is taken by Simpson's rule on 10-s rows instead.
    void lightWindowSwitchesExactly()
    {
        constexpr double t0 = 4.0, t1 = 4.0 + 1.0 / 6.0, irr = 10;
        const Trajectory tr =
            m_h.run(phenotype("nonCSC").input("ALA_ext", 1000).input("IRR", irr, t0, t1).until(24, 24 * 360));
        CLAIMS_REQUIRE(tr);
        const double pdtEnd = tr.at("PDT", t1);
        QVERIFY2(pdtEnd > 0, msg(QString("PDT at the end of the window is %1").arg(pdtEnd)));
        std::vector<double> ppixInWindow;   // rows t0 .. t1 inclusive
        for (std::size_t r = 0; r < tr.times.size(); ++r) {
            const double t = tr.times[r], pdt = tr.value(r, "PDT");
            if (t < t0 - 1e-9) {
                QVERIFY2(pdt == 0, msg(QString("PDT(%1 h) = %2 before the light").arg(t).arg(pdt)));
            } else if (t > t1 + 1e-9) {
                QVERIFY2(std::fabs(pdt - pdtEnd) <= 1e-12 * pdtEnd,
                         msg(QString("PDT(%1 h) = %2 differs from %3 after the light").arg(t).arg(pdt, 0, 'g', 15)
                                 .arg(pdtEnd, 0, 'g', 15)));
            } else {
                ppixInWindow.push_back(tr.value(r, "PpIX"));
                if (t > t0 + 1e-9 && t < t1 - 1e-9)
                    QVERIFY2(pdt > 0 && pdt < pdtEnd, msg(QString("PDT(%1 h) = %2 inside the window").arg(t).arg(pdt)));
            }
        }
        QCOMPARE(ppixInWindow.size(), std::size_t(61));   // 60 intervals of 10 s
        QVERIFY2(tr.at("PDT", t0) == 0, msg(QString("PDT(4 h) = %1").arg(tr.at("PDT", t0))));
        // Simpson's rule over the 60 intervals
        const double h = (t1 - t0) / 60;
        double sum = ppixInWindow.front() + ppixInWindow.back();
        for (std::size_t i = 1; i + 1 < ppixInWindow.size(); ++i) sum += (i % 2 ? 4 : 2) * ppixInWindow[i];
        const double integral = 3.6 * irr * sum * h / 3;
        const double ppix0 = tr.at("PpIX", t0), ppix1 = tr.at("PpIX", t1), pdt24 = tr.at("PDT", 24);
        const double upper = 3.6 * irr * ppix0 * (t1 - t0), lower = 3.6 * irr * ppix1 * (t1 - t0);
        qInfo().noquote() << "light window: PDT(4 h) 0, PDT(24 h)" << pdt24 << "; 3.6·IRR·∫PpIX dt =" << integral
                          << "; 3.6·IRR·PpIX(4 h)/6 =" << upper << "(PpIX" << ppix0 << "->" << ppix1
                          << "over the window: photobleaching)";
        QVERIFY2(std::fabs(pdt24 - integral) <= 1e-3 * integral,
                 msg(QString("PDT(24 h) %1 vs 3.6*IRR*integral of PpIX %2").arg(pdt24).arg(integral)));
        QVERIFY2(pdt24 <= upper && pdt24 >= lower,
                 msg(QString("PDT(24 h) %1 outside [3.6*IRR*PpIX(t1)/6, 3.6*IRR*PpIX(t0)/6] = [%2, %3]")
                         .arg(pdt24).arg(lower).arg(upper)));
    }

    // (f) --param overrides apply after the phenotype
    void parameterOverrideAfterPhenotype()
    {
        auto &runner = m_h.runner();
        Case over = phenotype("CSC");
        over.parameters["m_TfR1"] = 1;
        const auto resolved = runner.resolve(claims::toScenario(over));
        QVERIFY2(resolved.ok(), qPrintable(QString::fromStdString(resolved.errorText())));
        const auto &p = resolved->baseParameters;
        QCOMPARE(p[std::size_t(runner.model().parameterIndex("m_TfR1"))], 1.0);
        QCOMPARE(p[std::size_t(runner.model().parameterIndex("m_FT"))], 2.5);   // rest of the preset kept
        QString error;
        const auto csc = m_h.startState(phenotype("CSC"), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto cscOver = m_h.startState(over, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const double a = csc.at("TfR1"), b = cscOver.at("TfR1");
        qInfo().noquote() << "CSC TfR1" << a << "; CSC with m_TfR1 = 1:" << b;
        QVERIFY2(b < 0.95 * a, msg(QString("TfR1 with m_TfR1 = 1 (%1) not below plain CSC (%2)").arg(b).arg(a)));
    }

    // (g) every therapy preset resolves, runs 24 h and changes at least one state vs control
    void therapyPresetsRun_data()
    {
        QTest::addColumn<QString>("preset");
        for (const auto &t : builtinProject().therapies)
            QTest::newRow(t.id.c_str()) << QString::fromStdString(t.id);
        QVERIFY(!builtinProject().therapies.empty());
    }

    void therapyPresetsRun()
    {
        QFETCH(QString, preset);
        for (const char *phen : {"nonCSC", "CSC"}) {
            Case c = phenotype(phen).until(24);
            c.therapy = preset.toStdString();
            const Trajectory tr = m_h.run(c);
            CLAIMS_REQUIRE(tr);
            const Trajectory ctrl = m_h.run(phenotype(phen).until(24));
            CLAIMS_REQUIRE(ctrl);
            double worst = 0;
            std::string worstId;
            for (const auto &s : m_h.runner().model().states) {
                const double a = ctrl.at(s.id, 24), b = tr.at(s.id, 24);
                QVERIFY2(std::isfinite(b), msg(QString("%1 %2: %3 is not finite at 24 h")
                                                   .arg(preset, phen, QString::fromStdString(s.id))));
                const double change = std::fabs(b - a) / std::max(std::fabs(a), 1e-12);
                if (change > worst) {
                    worst = change;
                    worstId = s.id;
                }
            }
            qInfo().noquote() << "preset" << preset << phen << ": largest change vs control"
                              << QString::fromStdString(worstId) << "relative change" << worst;
            QVERIFY2(worst > 1e-3, msg(QString("preset %1 (%2) changes no state vs control").arg(preset, phen)));
        }
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
