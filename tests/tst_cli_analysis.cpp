// ferroscope-cli analyses (issue #6): dose-response, scan2d (synergy, shards), merge,
// steady-state and sensitivity — output shape in CSV and JSON, shard + merge through files equal
// to the unsharded scan, and every bad-input path (one line on stderr, non-zero exit, nothing
// written).
#include "app/cli/cli.h"
#include "cli_test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <sstream>

namespace {

using clitest::Run;
using clitest::cli;
using clitest::expectError;


/// Data lines (not '#' comments) split at commas.
std::vector<QStringList> csvRows(const std::string &text)
{
    std::vector<QStringList> rows;
    for (const QString &line : QString::fromStdString(text).split('\n', Qt::SkipEmptyParts))
        if (!line.startsWith('#')) rows.push_back(line.split(','));
    return rows;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}


const QStringList kScan = {"scan2d", "--phenotype", "CSC", "--x", "ERA:0.5:6:5:log", "--y", "KO143:0.02:1:4:log",
                           "--readout", "Viability", "--at", "48"};

}  // namespace

class TestCliAnalysis : public QObject {
    Q_OBJECT
private slots:
    void helpListsTheAnalyses()
    {
        const auto h = cli({"--help"});
        QCOMPARE(h.rc, 0);
        for (const char *cmd : {"dose-response", "scan2d", "steady-state", "sensitivity", "merge"})
            QVERIFY2(QString::fromStdString(h.out).contains(QString("ferroscope-cli ") + cmd), cmd);
    }

    void doseResponseCsvAndJson()
    {
        auto r = cli({"dose-response", "--input", "ERA", "--from", "0.5", "--to", "10", "--points", "9", "--readout",
                      "Viability", "--at", "48", "--both-phenotypes", "--level", "0.5"});
        QCOMPARE(r.rc, 0);
        const auto rows = csvRows(r.out);
        QCOMPARE(rows.size(), std::size_t(10));
        QCOMPARE(rows[0], (QStringList{"ERA", "Viability_nonCSC", "Viability_CSC"}));
        QCOMPARE(rows[1][0].toDouble(), 0.5);
        QCOMPARE(rows[9][0].toDouble(), 10.0);
        QVERIFY(QString::fromStdString(r.out).contains("# IC50 CSC: 3.39"));
        auto j = cli({"dose-response", "--input", "ERA", "--from", "0.5", "--to", "10", "--points", "9", "--readout",
                      "Viability", "--at", "48", "--both-phenotypes", "--level", "0.5", "--json"});
        QCOMPARE(j.rc, 0);
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(j.out)).object();
        QCOMPARE(o["analysis"].toString(), QString("dose-response"));
        const QJsonArray curves = o["curves"].toArray();
        QCOMPARE(curves.size(), 2);
        for (const auto &c : curves) {
            const QJsonObject h = c.toObject()["half_effect"].toObject();
            QVERIFY(h["found"].toBool());
            const double dose = h["dose"].toDouble(), lo = h["bracket"].toArray()[0].toDouble(),
                         hi = h["bracket"].toArray()[1].toDouble();
            QVERIFY(lo <= dose && dose <= hi && hi / lo - 1 < 1e-3);
        }
        // Gene sweep, mean readout, linear default from 0.
        auto g = cli({"dose-response", "--gene", "GPX4", "--from", "0", "--to", "2", "--points", "5", "--readout", "LOOH",
                      "--mean", "--end", "24", "--steps", "24"});
        QCOMPARE(g.rc, 0);
        QCOMPARE(csvRows(g.out).size(), std::size_t(6));
        QVERIFY(QString::fromStdString(g.out).contains("linear"));
    }

    void scanWithSynergy()
    {
        auto r = cli(kScan + QStringList{"--synergy", "bliss"});
        QCOMPARE(r.rc, 0);
        const auto rows = csvRows(r.out);
        QCOMPARE(rows.size(), std::size_t(1 + 5 * 4 + 1 + 5 + 4));
        QCOMPARE(rows[0], (QStringList{"i", "j", "ERA", "KO143", "Viability", "effect", "expected", "bliss"}));
        QVERIFY(QString::fromStdString(r.out).contains("# best bliss: ERA="));
        auto j = cli(kScan + QStringList{"--synergy", "hsa", "--json", "--threads", "1"});
        QCOMPARE(j.rc, 0);
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(j.out)).object();
        QCOMPARE(o["format"].toString(), QString("ferroscope-scan2d"));
        QCOMPARE(o["surface"].toArray().size(), 4);
        QCOMPARE(o["surface"].toArray()[0].toArray().size(), 5);
        QCOMPARE(o["synergy"].toObject()["method"].toString(), QString("hsa"));
    }

    void shardsMergeToTheUnshardedFile()
    {
        QTemporaryDir dir;
        const QString whole = dir.filePath("whole.csv"), merged = dir.filePath("merged.csv");
        QCOMPARE(cli(kScan + QStringList{"--synergy", "loewe", "--output", whole}).rc, 0);
        QStringList shards;
        for (int i = 1; i <= 3; ++i) {
            const QString f = dir.filePath(QString("shard%1.%2").arg(i).arg(i == 2 ? "json" : "csv"));
            const auto r = cli(kScan + QStringList{"--synergy", "loewe", "--shard", QString("%1/3").arg(i), "--output", f});
            QVERIFY2(r.rc == 0, r.err.c_str());
            shards << f;
        }
        auto m = cli(QStringList{"merge"} + shards + QStringList{"--output", merged});
        QVERIFY2(m.rc == 0, m.err.c_str());
        QCOMPARE(readFile(merged), readFile(whole));
        // JSON output of the merge, from the extension.
        const QString mergedJson = dir.filePath("merged.json");
        QCOMPARE(cli(QStringList{"merge"} + shards + QStringList{"--output", mergedJson}).rc, 0);
        QVERIFY(readFile(mergedJson).startsWith("{"));

        // A shard of another grid, a missing shard, a duplicate: refused, nothing written.
        const QString other = dir.filePath("other.csv"), out = dir.filePath("bad.csv");
        QCOMPARE(cli(QStringList{"scan2d", "--phenotype", "CSC", "--x", "ERA:0.5:6:5:log", "--y", "KO143:0.02:1:4:log",
                                 "--readout", "LOOH", "--at", "48", "--synergy", "loewe", "--shard", "3/3", "--output", other})
                     .rc,
                 0);
        auto e = cli({"merge", shards[0], shards[1], other, "--output", out});
        expectError(e, "different grid");
        expectError(cli({"merge", shards[0], shards[1], "--output", out}), "missing");
        expectError(cli({"merge", shards[0], shards[1], shards[2], shards[1], "--output", out}), "given twice");
        QVERIFY(!QFile::exists(out));
    }

    void steadyStateJson()
    {
        auto r = cli({"steady-state", "--phenotype", "CSC", "--json"});
        QCOMPARE(r.rc, 0);
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
        QCOMPARE(o["verdict"].toString(), QString("stable"));
        QVERIFY(o["max_real_part"].toDouble() < 0);
        QCOMPARE(o["held_states"].toArray().size(), 2);
        QCOMPARE(o["eigenvalues"].toArray().size(), 30);
        QVERIFY(std::fabs(o["states"].toObject()["LIP"].toDouble() - 1.15) < 0.02);   // MODEL.md §2
        auto t = cli({"steady-state", "--input", "ERA=2"});
        QCOMPARE(t.rc, 0);
        QVERIFY(QString::fromStdString(t.out).contains("inputs held at their doses: ERA"));
        QVERIFY(QString::fromStdString(t.out).contains(": stable"));
    }

    void sensitivityTop()
    {
        auto r = cli({"sensitivity", "--readout", "LOOH", "--at", "24", "--top", "5"});
        QCOMPARE(r.rc, 0);
        const auto rows = csvRows(r.out);
        QCOMPARE(rows.size(), std::size_t(6));
        QCOMPARE(rows[0][0], QString("rank"));
        double previous = HUGE_VAL;
        for (std::size_t k = 1; k < rows.size(); ++k) {
            const double s = std::fabs(rows[k][5].toDouble());
            QVERIFY(s <= previous);
            previous = s;
        }
        auto j = cli({"sensitivity", "--readout", "LOOH", "--steady-state", "--top", "3", "--json", "--phenotype", "CSC"});
        QVERIFY2(j.rc == 0, j.err.c_str());
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(j.out)).object();
        QVERIFY(o["steady_state"].toBool());
        QCOMPARE(o["entries"].toArray().size(), 3);
        QVERIFY(o["parameters"].toInt() > 100);
        const QJsonObject first = o["entries"].toArray()[0].toObject();
        QVERIFY(first.contains("estimated") && first.contains("sources") && std::isfinite(first["sensitivity"].toDouble()));
    }

    void errorPaths_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const QStringList dr = {"dose-response", "--readout", "Viability"};
        QTest::newRow("no sweep") << dr << "--input ID";
        QTest::newRow("unknown input") << dr + QStringList{"--input", "Erastin", "--from", "1", "--to", "2"} << "Erastin";
        QTest::newRow("gene as input") << dr + QStringList{"--input", "GPX4", "--from", "0", "--to", "2"} << "--gene GPX4";
        QTest::newRow("empty range") << dr + QStringList{"--input", "ERA", "--from", "5", "--to", "5"} << "range is empty";
        QTest::newRow("negative log") << dr + QStringList{"--input", "ERA", "--from", "-1", "--to", "5", "--log"} << "log range";
        QTest::newRow("one point") << dr + QStringList{"--input", "ERA", "--points", "1"} << "number of points";
        QTest::newRow("unknown readout") << QStringList{"dose-response", "--input", "ERA", "--readout", "Vitality"}
                                         << "unknown readout 'Vitality'";
        QTest::newRow("no readout") << QStringList{"dose-response", "--input", "ERA"} << "--readout";
        QTest::newRow("two modes") << dr + QStringList{"--input", "ERA", "--at", "48", "--mean"} << "only one of";
        QTest::newRow("bad at") << dr + QStringList{"--input", "ERA", "--at", "-3"} << "--at";
        QTest::newRow("at vs end") << dr + QStringList{"--input", "ERA", "--at", "48", "--end", "72"} << "disagree";
        QTest::newRow("scan no y") << QStringList{"scan2d", "--x", "ERA:0.1:20:5", "--readout", "Viability"} << "--y";
        QTest::newRow("scan bad axis") << QStringList{"scan2d", "--x", "ERA:0.1:20", "--y", "KO143:0.01:1:5", "--readout", "Viability"}
                                       << "ID:FROM:TO:POINTS";
        QTest::newRow("scan bad scale") << QStringList{"scan2d", "--x", "ERA:0.1:20:5:cubic", "--y", "KO143:0.01:1:5", "--readout", "Viability"}
                                        << "cubic";
        QTest::newRow("scan unknown axis") << QStringList{"scan2d", "--x", "ERX:0.1:20:5", "--y", "KO143:0.01:1:5", "--readout", "Viability"}
                                           << "ERX";
        QTest::newRow("scan same axes") << QStringList{"scan2d", "--x", "ERA:0.1:20:5", "--y", "ERA:1:2:5", "--readout", "Viability"}
                                        << "must differ";
        QTest::newRow("scan bad shard") << kScan + QStringList{"--shard", "0/3"} << "between 1 and 3";
        QTest::newRow("scan shard syntax") << kScan + QStringList{"--shard", "2"} << "I/N";
        QTest::newRow("scan bad synergy") << kScan + QStringList{"--synergy", "chou"} << "bliss, hsa, loewe";
        QTest::newRow("scan bad threads") << kScan + QStringList{"--threads", "-2"} << "--threads";
        QTest::newRow("scan bad phenotype") << QStringList{"scan2d", "--phenotype", "stem", "--x", "ERA:0.1:20:5", "--y",
                                                           "KO143:0.01:1:5", "--readout", "Viability"} << "unknown phenotype";
        QTest::newRow("sensitivity no readout") << QStringList{"sensitivity"} << "--readout";
        QTest::newRow("sensitivity bad step") << QStringList{"sensitivity", "--readout", "LOOH", "--step", "2"} << "relative step";
        QTest::newRow("steady-state bad input") << QStringList{"steady-state", "--input", "ERA=-1"} << "ERA";
        QTest::newRow("merge nothing") << QStringList{"merge"} << "shard files";
        QTest::newRow("merge missing file") << QStringList{"merge", "/nonexistent/shard.csv"} << "cannot read";
    }

    void errorPaths()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        expectError(cli(args), needle);
    }

    void notAScanFile()
    {
        QTemporaryDir dir;
        const QString f = dir.filePath("x.csv");
        QFile file(f);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("time,LIP\n0,1\n");
        file.close();
        expectError(cli({"merge", f}), "not a Ferroscope scan file");
    }
};

QTEST_GUILESS_MAIN(TestCliAnalysis)
#include "tst_cli_analysis.moc"
