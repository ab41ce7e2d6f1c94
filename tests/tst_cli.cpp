// ferroscope-cli contract (issue #2, #3): CSV shape and formatting, ids by kind, scenario options,
// describe/list, export-sbml round trip, bench JSON, and every bad-input path (one clear line on
// stderr, non-zero exit, nothing written).
#include "app/cli/cli.h"
#include "cli_test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <sstream>

namespace {

using clitest::Run;
using clitest::cli;
using clitest::expectError;

const QString kSuite = QStringLiteral(FERROSCOPE_SOURCE_DIR "/../shared/sbml-suite/cases");
const QString kData = QStringLiteral(FERROSCOPE_TEST_DATA);


std::vector<std::vector<QString>> parseCsv(const std::string &text)
{
    std::vector<std::vector<QString>> rows;
    for (const QString &line : QString::fromStdString(text).split('\n', Qt::SkipEmptyParts)) {
        std::vector<QString> cells;
        for (const QString &c : line.split(',')) cells.push_back(c);
        rows.push_back(cells);
    }
    return rows;
}

double num(const QString &s)
{
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok) qFatal("not a number in CSV: %s", qPrintable(s));
    return v;
}

QString suiteCase(const QString &id) { return kSuite + "/" + id + "/" + id + "-sbml-l3v2.xml"; }

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}


}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void helpAndVersion()
    {
        auto h = cli({"--help"});
        QCOMPARE(h.rc, 0);
        QVERIFY(QString::fromStdString(h.out).contains("ferroscope-cli simulate"));
        QVERIFY(QString::fromStdString(h.out).contains("export-sbml"));
        auto v = cli({"--version"});
        QCOMPARE(v.rc, 0);
        QVERIFY(QString::fromStdString(v.out).startsWith("ferroscope-cli " FERROSCOPE_VERSION));
    }

    void csvShapeAndValues()
    {
        // case 00001: S1 -> S2, rate C*k1*S1 with k1 = 1, S1(0) = 1.5e-4 mol in C = 1
        auto r = cli({"simulate", suiteCase("00001"), "--start", "0", "--end", "5", "--steps", "50", "--vars",
                      "S1,S2,reaction1,k1,compartment", "--amounts", "S1,S2"});
        QCOMPARE(r.rc, 0);
        auto rows = parseCsv(r.out);
        QCOMPARE(rows.size(), std::size_t(52));
        QCOMPARE(rows[0], (std::vector<QString>{"time", "S1", "S2", "reaction1", "k1", "compartment"}));
        QCOMPARE(num(rows[1][0]), 0.0);
        QCOMPARE(num(rows[51][0]), 5.0);
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const double t = num(rows[i][0]);
            const double s1 = 1.5e-4 * std::exp(-t);
            QVERIFY(std::fabs(num(rows[i][1]) - s1) <= 1e-9 + 1e-5 * s1);
            QVERIFY(std::fabs(num(rows[i][1]) + num(rows[i][2]) - 1.5e-4) <= 1e-9);
            QVERIFY(std::fabs(num(rows[i][3]) - num(rows[i][1])) <= 1e-12);   // rate = C*k1*S1
            QCOMPARE(num(rows[i][4]), 1.0);
            QCOMPARE(num(rows[i][5]), 1.0);
        }
    }

    void concentrationVersusAmount()
    {
        // case 00862: compartment C = 0.002, S1(0) = 2 (concentration)
        auto conc = cli({"simulate", suiteCase("00862"), "--end", "1", "--steps", "2", "--vars", "S1"});
        auto amt = cli({"simulate", suiteCase("00862"), "--end", "1", "--steps", "2", "--vars", "S1", "--amounts", "S1"});
        QCOMPARE(conc.rc, 0);
        QCOMPARE(amt.rc, 0);
        auto c = parseCsv(conc.out), a = parseCsv(amt.out);
        QCOMPARE(num(c[1][1]), 2.0);
        QVERIFY(std::fabs(num(a[1][1]) - 0.004) < 1e-15);
        QVERIFY(std::fabs(num(a[3][1]) - 0.002 * num(c[3][1])) < 1e-12);
    }

    void nanAndInfinityFormatting()
    {
        auto r = cli({"simulate", suiteCase("00950"), "--end", "1", "--steps", "1", "--vars", "P,Q,R"});
        QCOMPARE(r.rc, 0);
        auto rows = parseCsv(r.out);
        QCOMPARE(rows[1], (std::vector<QString>{"0", "INF", "-INF", "NaN"}));
    }

    void errorPaths_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const QString c1 = suiteCase("00001");
        QTest::newRow("unknown id") << QStringList{"simulate", c1, "--vars", "S1,nope"} << "unknown id 'nope'";
        QTest::newRow("unknown amount id") << QStringList{"simulate", c1, "--vars", "S1", "--amounts", "zz"} << "zz";
        QTest::newRow("malformed number") << QStringList{"simulate", c1, "--end", "5x"} << "--end expects a number";
        QTest::newRow("nan end") << QStringList{"simulate", c1, "--end", "nan"} << "NaN";
        QTest::newRow("zero steps") << QStringList{"simulate", c1, "--steps", "0"} << "--steps";
        QTest::newRow("fractional steps") << QStringList{"simulate", c1, "--steps", "2.5"} << "whole number";
        QTest::newRow("end before start") << QStringList{"simulate", c1, "--start", "5", "--end", "1"} << "end time";
        QTest::newRow("bad rtol") << QStringList{"simulate", c1, "--rtol", "-1"} << "--rtol";
        QTest::newRow("missing file") << QStringList{"simulate", "/nonexistent/model.xml"} << "no such file";
        QTest::newRow("malformed xml") << QStringList{"simulate", kData + "/sbml/malformed.xml"} << "malformed.xml";
        QTest::newRow("algebraic rule") << QStringList{"simulate", kData + "/sbml/algebraic_rule.xml"} << "lgebraic";
        QTest::newRow("fast reaction") << QStringList{"simulate", kData + "/sbml/fast_reaction.xml"} << "fast";
        QTest::newRow("delay") << QStringList{"simulate", kData + "/sbml/delay_kinetic_law.xml"} << "delay";
        QTest::newRow("comp package") << QStringList{"simulate", kData + "/sbml/comp_required.xml"} << "comp";
        QTest::newRow("unknown command") << QStringList{"simulat"} << "unknown command";
        QTest::newRow("unknown option") << QStringList{"simulate", "--frobnicate", "1"} << "unknown option";
        QTest::newRow("option without value") << QStringList{"simulate", "--end"} << "needs a value";
        QTest::newRow("two models") << QStringList{"simulate", c1, c1} << "more than one MODEL";
        QTest::newRow("phenotype typo") << QStringList{"simulate", "--phenotype", "csc"} << "valid: nonCSC, CSC";
        QTest::newRow("unknown gene") << QStringList{"simulate", "--gene", "TFR1=0.5"} << "unknown gene target 'TFR1'";
        QTest::newRow("negative gene") << QStringList{"simulate", "--gene", "GPX4=-1"} << "GPX4";
        QTest::newRow("unknown input") << QStringList{"simulate", "--input", "Erastin=5"} << "unknown input 'Erastin'";
        QTest::newRow("negative dose") << QStringList{"simulate", "--input", "DFO=-5"} << "DFO";
        QTest::newRow("nan dose") << QStringList{"simulate", "--input", "DFO=nan"} << "NaN";
        QTest::newRow("window reversed") << QStringList{"simulate", "--input", "IRR=10@5-2"} << "before its start";
        QTest::newRow("malformed input") << QStringList{"simulate", "--input", "DFO"} << "ID=VALUE";
        QTest::newRow("unknown preset") << QStringList{"simulate", "--preset", "magic"} << "unknown preset 'magic'";
        QTest::newRow("unknown parameter") << QStringList{"simulate", "--param", "k_nope=1"} << "k_nope";
        QTest::newRow("negative parameter") << QStringList{"simulate", "--param", "k_cyc=-2"} << "k_cyc";
        QTest::newRow("describe unknown") << QStringList{"describe", "Unobtainium"} << "unknown id";
        QTest::newRow("list unknown") << QStringList{"list", "drugs"} << "unknown list";
        QTest::newRow("export without output") << QStringList{"export-sbml"} << "--output";
        QTest::newRow("bench bad repeat") << QStringList{"bench", "--repeat", "0", "--json"} << "--repeat";
    }

    void errorPaths()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        expectError(cli(args), needle);
    }

    void failureWritesNothing()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("out.csv");
        auto r = cli({"simulate", suiteCase("00001"), "--vars", "nope", "--output", out});
        QVERIFY(r.rc != 0);
        QVERIFY(!QFile::exists(out));
        // An existing file is kept intact when a later run fails.
        writeFile(out, "previous results\n");
        r = cli({"simulate", suiteCase("00001"), "--vars", "S1", "--end", "bad", "--output", out});
        QVERIFY(r.rc != 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("previous results\n"));
        // Unwritable destination: error, no partial file.
        r = cli({"simulate", suiteCase("00001"), "--vars", "S1", "--output", dir.filePath("missing/dir/out.csv")});
        QCOMPARE(r.rc, 1);
        QVERIFY(QString::fromStdString(r.err).contains("cannot write"));
        QVERIFY(!QDir(dir.filePath("missing")).exists());
    }

    void solverFailureIsReported()
    {
        const QString path = kData + "/cli/blowup.xml";
        auto r = cli({"simulate", path, "--end", "3", "--steps", "3", "--vars", "x"});
        expectError(r, "simulation failed");
    }

    void builtinDefaults()
    {
        auto r = cli({"simulate"});
        QCOMPARE(r.rc, 0);
        auto rows = parseCsv(r.out);
        QCOMPARE(rows.size(), std::size_t(722));           // header + 721 rows, 0..72 h
        QCOMPARE(rows[0].size(), std::size_t(33));         // time + 32 states
        QCOMPARE(rows[0][1], QString("TfR1"));
        QCOMPARE(num(rows[721][0]), 72.0);
        QVERIFY(std::fabs(num(rows[1][4]) - 0.800) < 0.008);   // LIP at the nonCSC steady state
    }

    void scenarioOptionsChangeResults()
    {
        auto control = parseCsv(cli({"simulate", "--phenotype", "CSC", "--end", "24", "--steps", "1", "--vars", "LIP,TfR1"}).out);
        auto dfo = parseCsv(cli({"simulate", "--phenotype", "CSC", "--input", "DFO=100", "--end", "24", "--steps", "1",
                                 "--vars", "LIP,TfR1"}).out);
        QVERIFY(num(dfo[2][1]) < num(control[2][1]));   // chelation lowers LIP
        QVERIFY(num(dfo[2][2]) > num(control[2][2]));   // and raises TfR1 (claim 6)
        // A window that ends before the run: from 12 h on the drug is gone.
        auto pulse = parseCsv(cli({"simulate", "--phenotype", "CSC", "--input", "DFO=100@0-12", "--end", "24",
                                   "--steps", "2", "--vars", "LIP"}).out);
        QVERIFY(num(pulse[2][1]) < num(control[2][1]));
        QVERIFY(num(pulse[3][1]) > num(pulse[2][1]));   // recovering after washout
        // Readouts are accepted by --vars.
        auto ro = cli({"simulate", "--vars", "FeR,IRPn,GPX4_activity,Ferroptosis_index,Viability,PDT_survival,Total_iron",
                       "--steps", "1"});
        QCOMPARE(ro.rc, 0);
        auto rows = parseCsv(ro.out);
        QVERIFY(std::fabs(num(rows[1][2]) - 1.0) < 0.01);   // IRPn = 1 at the nonCSC steady state
        QVERIFY(std::fabs(num(rows[1][5]) - 1.0) < 1e-9);   // Viability starts at 1
        // A preset applies its inputs.
        auto preset = cli({"simulate", "--preset", "ala_pdd", "--end", "4", "--steps", "1", "--vars", "PpIX"});
        auto plain = cli({"simulate", "--end", "4", "--steps", "1", "--vars", "PpIX"});
        QVERIFY(num(parseCsv(preset.out)[2][1]) > 5 * num(parseCsv(plain.out)[2][1]));
    }

    void describeAndList()
    {
        auto d = cli({"describe", "TfR1"});
        QCOMPARE(d.rc, 0);
        const QString text = QString::fromStdString(d.out);
        QVERIFY(text.contains("transferrin receptor"));
        QVERIFY(text.contains("Fig. 1"));
        QVERIFY(text.contains("seed refs"));
        QCOMPARE(cli({"describe", "R3"}).rc, 0);
        QVERIFY(QString::fromStdString(cli({"describe", "R3"}).out).contains("rate law"));
        QCOMPARE(cli({"describe", "ERA"}).rc, 0);
        QCOMPARE(cli({"describe", "CSC"}).rc, 0);
        auto t = cli({"list", "targets"});
        QCOMPARE(t.rc, 0);
        QVERIFY(QString::fromStdString(t.out).startsWith("gene targets (17)"));
        for (const char *what : {"inputs", "presets", "readouts", "species", "parameters"}) {
            auto l = cli({"list", what});
            QCOMPARE(l.rc, 0);
            QVERIFY(!l.out.empty());
        }
        QVERIFY(QString::fromStdString(cli({"list", "inputs"}).out).startsWith("inputs (22)"));
    }

    void exportSbmlReproducesScenario()
    {
        QTemporaryDir dir;
        const QString xml = dir.filePath("csc_dfo.xml");
        const QStringList scenario{"--phenotype", "CSC", "--input", "DFO=100@2-30", "--gene", "FT=0.5"};
        auto e = cli(QStringList{"export-sbml"} + scenario + QStringList{"--output", xml});
        QVERIFY2(e.rc == 0, e.err.c_str());
        QVERIFY(QFile::exists(xml));
        const QStringList grid{"--end", "48", "--steps", "24", "--vars", "LIP,FtFe,TfR1,GSH,Stem,Viability"};
        auto direct = parseCsv(cli(QStringList{"simulate"} + scenario + grid).out);
        auto reimported = cli(QStringList{"simulate", xml} + grid);
        QVERIFY2(reimported.rc == 0, reimported.err.c_str());
        auto again = parseCsv(reimported.out);
        QCOMPARE(again.size(), direct.size());
        for (std::size_t i = 1; i < direct.size(); ++i)
            for (std::size_t j = 1; j < direct[i].size(); ++j) {
                const double a = num(direct[i][j]), b = num(again[i][j]);
                QVERIFY2(std::fabs(a - b) <= 1e-4 * std::fabs(a) + 1e-8,
                         qPrintable(QString("%1 at row %2: %3 vs %4").arg(direct[0][j]).arg(i).arg(a).arg(b)));
            }
    }

    void benchJson()
    {
        auto b = cli({"bench", "--phenotype", "CSC", "--repeat", "3", "--json"});
        QCOMPARE(b.rc, 0);
        auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(b.out));
        QVERIFY(doc.isObject());
        const auto o = doc.object();
        for (const char *key : {"median_ms", "p95_ms", "repeat", "states"}) QVERIFY2(o.contains(key), key);
        QCOMPARE(o["repeat"].toInt(), 3);
        QCOMPARE(o["states"].toInt(), 32);
        QVERIFY(o["median_ms"].toDouble() > 0);
        QVERIFY(o["p95_ms"].toDouble() >= o["median_ms"].toDouble());
    }

    void binaryExitCodes()
    {
        QProcess p;
        p.start(FERROSCOPE_CLI_PATH, {"simulate", "--vars", "nope"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(p.readAllStandardError().startsWith("ferroscope-cli: "));
        p.start(FERROSCOPE_CLI_PATH, {"simulate", "--steps", "2", "--vars", "LIP"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput().count('\n'), 4);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
