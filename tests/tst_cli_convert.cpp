// Tests for `ferroscope-cli convert IN OUT` (in-process, cli_test_support.h): project <-> SBML
// round trips keep the model, catalogue and simulation; SBML without a layout gets one; bad
// inputs give exit != 0, one message line, and never create or clobber OUT. Also: simulate
// reads saved document files, export-sbml carries the diagram.
#include "cli_test_support.h"

#include "core/io/document_file.h"
#include "core/io/project_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

using clitest::cli;
using clitest::expectError;

namespace {

const QString kSuite = QStringLiteral(FERROSCOPE_SOURCE_DIR "/../shared/sbml-suite/cases");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

std::vector<double> numbers(const std::string &csv)
{
    std::vector<double> out;
    QString text = QString::fromStdString(csv);
    const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i)
        for (const QString &cell : lines[i].split(',')) out.push_back(cell.toDouble());
    return out;
}

void sameTrajectory(const std::string &a, const std::string &b)
{
    const auto x = numbers(a), y = numbers(b);
    QVERIFY(!x.empty());
    QCOMPARE(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        QVERIFY2(std::abs(x[i] - y[i]) <= 1e-9 + 1e-6 * std::abs(x[i]), qPrintable(QString::number(i)));
}

}  // namespace

class TestCliConvert : public QObject {
    Q_OBJECT
private slots:
    void projectToSbmlToProject();
    void sbmlWithoutLayoutGetsDiagram();
    void simulateReadsDocumentFiles();
    void exportSbmlCarriesLayout();
    void badInputs();
    void unwritableOutputDirectory();
    void helpMentionsConvert();
};

void TestCliConvert::projectToSbmlToProject()
{
    QTemporaryDir dir;
    const QString project = dir.filePath("p.json"), sbml = dir.filePath("p.xml"), back = dir.filePath("back.ferroscope");
    QVERIFY(writeAll(project, QByteArray::fromStdString(ferroscope::core::writeProjectJson(ferroscope::core::builtinProject()))));
    auto r = cli({"convert", project, sbml});
    QVERIFY2(r.rc == 0, r.err.c_str());
    QVERIFY(readAll(sbml).contains("layout:listOfLayouts"));
    r = cli({"convert", sbml, back});
    QVERIFY2(r.rc == 0, r.err.c_str());
    auto doc = ferroscope::core::readDocumentFile(back);
    QVERIFY2(doc.ok(), doc.errorText().c_str());
    QCOMPARE(QString::fromStdString(ferroscope::core::writeProjectJson(doc->project)),
             QString::fromStdString(ferroscope::core::writeProjectJson(ferroscope::core::builtinProject())));
    QVERIFY(doc->layout && *doc->layout == ferroscope::core::DiagramLayout::builtin());
    const QStringList args = {"--end", "24", "--steps", "12", "--phenotype", "CSC"};
    const auto a = cli(QStringList{"simulate", project} + args), b = cli(QStringList{"simulate", back} + args);
    QVERIFY2(a.rc == 0 && b.rc == 0, (a.err + b.err).c_str());
    sameTrajectory(a.out, b.out);
}

void TestCliConvert::sbmlWithoutLayoutGetsDiagram()
{
    const QString in = kSuite + "/00001/00001-sbml-l3v2.xml";
    if (!QFile::exists(in)) QSKIP("SBML Test Suite not found");
    QTemporaryDir dir;
    const QString out = dir.filePath("doc.ferroscope");
    auto r = cli({"convert", in, out});
    QVERIFY2(r.rc == 0, r.err.c_str());
    QVERIFY(QString::fromStdString(r.out).startsWith("wrote "));
    auto doc = ferroscope::core::readDocumentFile(out);
    QVERIFY2(doc.ok(), doc.errorText().c_str());
    QVERIFY(doc->layout);
    for (const auto &s : doc->project.model.species)
        QCOMPARE(doc->layout->figures()[0].glyphsFor(QString::fromStdString(s.id)).size(), std::size_t(1));
    const auto a = cli({"simulate", in}), b = cli({"simulate", out});
    QVERIFY2(a.rc == 0 && b.rc == 0, (a.err + b.err).c_str());
    sameTrajectory(a.out, b.out);
}

void TestCliConvert::simulateReadsDocumentFiles()
{
    QTemporaryDir dir;
    ferroscope::core::DocumentFile doc;
    doc.project = ferroscope::core::builtinProject();
    doc.layout = ferroscope::core::DiagramLayout::builtin();
    doc.explorer = QJsonObject{{"note", "saved by a test"}};
    doc.plots = QJsonObject{{"columns", 2}};
    const QString path = dir.filePath("saved.ferroscope");
    QVERIFY(ferroscope::core::writeDocumentFile(doc, path).ok());
    const auto a = cli({"simulate", path, "--end", "6", "--steps", "3"}), b = cli({"simulate", "--end", "6", "--steps", "3"});
    QVERIFY2(a.rc == 0, a.err.c_str());
    QCOMPARE(a.out, b.out);
}

void TestCliConvert::exportSbmlCarriesLayout()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("e.xml");
    auto r = cli({"export-sbml", "--output", out});
    QVERIFY2(r.rc == 0, r.err.c_str());
    const QByteArray xml = readAll(out);
    QVERIFY(xml.contains("layout:speciesGlyph"));
    QVERIFY(xml.contains("ferroscope:layout"));
    QVERIFY(!xml.contains("ferroscope:project"));   // the scenario is baked in: no catalogue
    const auto s = cli({"simulate", out, "--end", "1", "--steps", "1"});
    QVERIFY2(s.rc == 0, s.err.c_str());
}

void TestCliConvert::badInputs()
{
    QTemporaryDir dir;
    const QString corrupt = dir.filePath("corrupt.json"), truncated = dir.filePath("trunc.xml");
    QVERIFY(writeAll(corrupt, "{ \"format\": \"ferroscope-project\", "));
    QVERIFY(writeAll(truncated, "<?xml version=\"1.0\"?><sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" "
                                "level=\"3\" version=\"2\"><model id=\"m\"><listOfSpecies>"));
    const QString out = dir.filePath("out.xml"), existing = dir.filePath("existing.json");
    QVERIFY(writeAll(existing, "precious"));
    struct Case { QStringList args; QString needle; int rc; };
    const std::vector<Case> cases = {
        {{"convert", dir.filePath("missing.xml"), out}, "no such file", 1},
        {{"convert", corrupt, out}, "corrupt.json", 1},
        {{"convert", truncated, out}, "trunc.xml", 1},
        {{"convert", truncated, existing}, "trunc.xml", 1},
        {{"convert", corrupt, dir.filePath("out.txt")}, ".ferroscope", 2},
        {{"convert", corrupt}, "IN and OUT", 2},
        {{"convert", corrupt, out, out}, "IN and OUT", 2},
        {{"convert", "--bogus", corrupt, out}, "unknown option", 2},
    };
    for (const auto &c : cases) {
        const auto r = cli(c.args);
        expectError(r, c.needle);
        QCOMPARE(r.rc, c.rc);
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(dir.filePath("out.txt")));
    }
    QCOMPARE(readAll(existing), QByteArray("precious"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);   // no temporary files left
}

void TestCliConvert::unwritableOutputDirectory()
{
    QTemporaryDir dir;
    const QString locked = dir.filePath("locked");
    QVERIFY(QDir().mkdir(locked));
    QVERIFY(::chmod(locked.toLocal8Bit().constData(), 0500) == 0);
    const bool root = ::geteuid() == 0;   // root ignores directory permissions
    for (const QString &name : {QStringLiteral("o.xml"), QStringLiteral("o.ferroscope")}) {
        const QString target = root ? dir.filePath("no/such/dir/" + name) : locked + "/" + name;
        const QString project = dir.filePath("p.json");
        QVERIFY(writeAll(project, QByteArray::fromStdString(ferroscope::core::writeProjectJson(ferroscope::core::builtinProject()))));
        const auto w = cli({"convert", project, target});
        expectError(w, "ferroscope-cli:");
        QCOMPARE(w.rc, 1);
        QVERIFY(!QFile::exists(target));
    }
    ::chmod(locked.toLocal8Bit().constData(), 0700);
}

void TestCliConvert::helpMentionsConvert()
{
    const auto r = cli({"--help"});
    QCOMPARE(r.rc, 0);
    QVERIFY(QString::fromStdString(r.out).contains("ferroscope-cli convert IN OUT"));
    const auto u = cli({"bogus"});
    expectError(u, "convert");
}

QTEST_GUILESS_MAIN(TestCliConvert)
#include "tst_cli_convert.moc"
