// Tests for autoLayout and for SBML documents with a diagram (sbml_document.h): exact round
// trips through the Ferroscope annotations, the standard-Layout-only path, SBO terms, render
// styles, simulation equivalence, and hostile files (never a crash; a note or a clear error).
#include "core/io/project_file.h"
#include "core/io/sbml_document.h"
#include "core/io/sbml_import.h"
#include "core/model/auto_layout.h"
#include "core/scenario/scenario_runner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace ferroscope::core;

namespace {

const QString kSuite = QStringLiteral(FERROSCOPE_SOURCE_DIR "/../shared/sbml-suite/cases");

QString suiteCase(const QString &id)
{
    const QDir dir(kSuite + "/" + id);
    const QStringList files = dir.entryList({id + "-sbml-l3v2.xml", id + "-sbml-l3v1.xml"}, QDir::Files);
    return files.isEmpty() ? QString() : dir.filePath(files.first());
}

std::string readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

QRectF box(const LayoutGlyph &g) { return {g.pos - QPointF(g.size.width() / 2, g.size.height() / 2), g.size}; }

// A chain A0 -> A1 -> ... plus a feedback loop and a side branch every 10 species.
ModelSpec chainModel(int n, int compartments = 1)
{
    ModelSpec m;
    m.id = "chain";
    for (int c = 0; c < compartments; ++c) m.compartments.push_back({"c" + std::to_string(c), "", 1.0, 3, true, {}});
    for (int i = 0; i < n; ++i) {
        Species s;
        s.id = "A" + std::to_string(i);
        s.compartment = "c" + std::to_string(i * compartments / std::max(1, n));
        s.initialConcentration = i == 0 ? 1 : 0;
        m.species.push_back(s);
    }
    m.parameters.push_back({"k", "", 0.3, true, {}});
    auto law = [](const std::string &s) {
        return MathNode::make(MathOp::Times, {MathNode::symbol("k"), MathNode::symbol(s)});
    };
    for (int i = 0; i + 1 < n; ++i) {
        Reaction r;
        r.id = "R" + std::to_string(i);
        r.reactants.push_back({m.species[std::size_t(i)].id, 1.0, "", true});
        r.products.push_back({m.species[std::size_t(i + 1)].id, 1.0, "", true});
        if (i % 10 == 9) r.modifiers.push_back(m.species[std::size_t(i - 5)].id);
        r.kineticLaw = law(m.species[std::size_t(i)].id);
        m.reactions.push_back(r);
    }
    if (n > 3) {   // feedback: last -> first (a cycle) and a degradation (empty product side)
        Reaction back;
        back.id = "back";
        back.reactants.push_back({m.species.back().id, 1.0, "", true});
        back.products.push_back({m.species.front().id, 1.0, "", true});
        back.kineticLaw = law(m.species.back().id);
        m.reactions.push_back(back);
        Reaction deg;
        deg.id = "deg";
        deg.reactants.push_back({m.species[1].id, 1.0, "", true});
        deg.kineticLaw = law(m.species[1].id);
        m.reactions.push_back(deg);
    }
    return m;
}

void checkNoOverlap(const FigureLayout &fig)
{
    for (std::size_t i = 0; i < fig.glyphs.size(); ++i)
        for (std::size_t j = i + 1; j < fig.glyphs.size(); ++j)
            QVERIFY2(!box(fig.glyphs[i]).intersects(box(fig.glyphs[j])),
                     qPrintable(fig.glyphs[i].id + " overlaps " + fig.glyphs[j].id));
    for (const auto &p : fig.processes)
        for (const auto &g : fig.glyphs) QVERIFY2(!box(g).contains(p.pos), qPrintable(p.reaction + " inside " + g.id));
    for (const auto &g : fig.glyphs) {
        QVERIFY(box(g).left() >= 0 && box(g).top() >= 0);
        QVERIFY(box(g).right() <= fig.size.width() && box(g).bottom() <= fig.size.height());
    }
}

/// Final states of the default scenario; both projects must simulate the same trajectory.
std::vector<double> simulate(const Project &project)
{
    auto runner = ScenarioRunner::create(project);
    if (!runner) qFatal("%s", runner.errorText().c_str());
    Scenario sc;
    sc.end = 5;
    sc.steps = 10;
    auto resolved = (*runner)->resolve(sc);
    if (!resolved) qFatal("%s", resolved.errorText().c_str());
    std::vector<std::string> vars;
    for (const auto &s : project.model.species) vars.push_back(s.id);
    auto tape = (*runner)->model().observerTape(vars, {});
    const SimulationResult r = (*runner)->run(*resolved, &*tape);
    std::vector<double> out;
    for (std::size_t row = 0; row < r.times.size(); ++row)
        for (std::size_t c = 0; c < r.columns; ++c) out.push_back(r.at(row, c));
    return out;
}

void compareTrajectories(const Project &a, const Project &b)
{
    const auto x = simulate(a), y = simulate(b);
    QCOMPARE(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        QVERIFY2(std::abs(x[i] - y[i]) <= 1e-9 + 1e-6 * std::abs(x[i]), qPrintable(QString::number(i)));
}

std::string stripFerroscope(std::string xml)
{
    const QRegularExpression re(QStringLiteral("<ferroscope:document.*</ferroscope:document>"),
                                QRegularExpression::DotMatchesEverythingOption);
    return QString::fromStdString(xml).remove(re).toStdString();
}

const char *kSmallModel = R"(<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"
      xmlns:layout="http://www.sbml.org/sbml/level3/version1/layout/version1" layout:required="false">
  <model id="m">%ANNOTATION%
    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
      <species id="B" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
    <listOfReactions>
      <reaction id="r" reversible="false">
        <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
        <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
        <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
      </reaction>
    </listOfReactions>%LAYOUT%
  </model>
</sbml>
)";

std::string smallModel(const std::string &annotation, const std::string &layout)
{
    QString s = QString::fromLatin1(kSmallModel);
    s.replace(QStringLiteral("%ANNOTATION%"), QString::fromStdString(annotation));
    s.replace(QStringLiteral("%LAYOUT%"), QString::fromStdString(layout));
    return s.toStdString();
}

std::string glyph(const std::string &id, const std::string &species, const std::string &x, const std::string &w)
{
    return "<layout:speciesGlyph layout:id=\"" + id + "\" layout:species=\"" + species +
           "\"><layout:boundingBox><layout:position layout:x=\"" + x +
           "\" layout:y=\"10\"/><layout:dimensions layout:width=\"" + w +
           "\" layout:height=\"30\"/></layout:boundingBox></layout:speciesGlyph>";
}

std::string layoutWith(const std::string &glyphs)
{
    return "<layout:listOfLayouts><layout:layout layout:id=\"L\"><layout:dimensions layout:width=\"400\" "
           "layout:height=\"200\"/><layout:listOfSpeciesGlyphs>" + glyphs +
           "</layout:listOfSpeciesGlyphs></layout:layout></layout:listOfLayouts>";
}

std::string annotation(const std::string &children)
{
    return "<annotation><ferroscope:document xmlns:ferroscope=\"https://ferroscope.github.io/ns/1\" version=\"1\">" +
           children + "</ferroscope:document></annotation>";
}

}  // namespace

class TestSbmlLayout : public QObject {
    Q_OBJECT
private slots:
    void autoLayoutEmptyAndSingle();
    void autoLayoutLargeModelHasNoOverlaps();
    void autoLayoutCompartments();
    void builtinRoundTripViaAnnotation();
    void builtinStandardLayoutOnly();
    void suiteModelsRoundTrip_data();
    void suiteModelsRoundTrip();
    void sbmlWithoutLayoutGetsAutoLayout();
    void hostileFiles_data();
    void hostileFiles();
    void badGlyphsAreSkippedWithNotes();
    void invalidAnnotationsFallBack();
    void exportFileIsAtomic();
};

void TestSbmlLayout::autoLayoutEmptyAndSingle()
{
    ModelSpec empty;
    const DiagramLayout none = autoLayout(empty);
    QCOMPARE(none.figures().size(), std::size_t(1));
    QVERIFY(none.figures()[0].glyphs.empty());
    QVERIFY(none.figures()[0].size.width() > 0);
    QVERIFY(DiagramLayout::fromJson(none.toJson()).ok());

    const ModelSpec one = chainModel(1);
    const DiagramLayout single = autoLayout(one);
    QCOMPARE(single.figures()[0].glyphs.size(), std::size_t(1));
    QCOMPARE(single.figures()[0].glyphs[0].ref, QStringLiteral("A0"));
    checkNoOverlap(single.figures()[0]);
}

void TestSbmlLayout::autoLayoutLargeModelHasNoOverlaps()
{
    const ModelSpec m = chainModel(200);
    QElapsedTimer timer;
    timer.start();
    const DiagramLayout layout = autoLayout(m);
    QVERIFY2(timer.elapsed() < 5000, "autoLayout of 200 species took too long");
    const FigureLayout &fig = layout.figures()[0];
    QCOMPARE(fig.glyphs.size(), std::size_t(200));
    QCOMPARE(fig.processes.size(), m.reactions.size());
    checkNoOverlap(fig);
    const LayoutProcess *deg = fig.findProcess(QStringLiteral("deg"));
    QVERIFY(deg && deg->hasSink && !deg->hasSource);                       // ∅ for the empty side
    QVERIFY(fig.findProcess(QStringLiteral("R9"))->arcs.at(QStringLiteral("A4")) == ArcClass::Stimulation);
    // Flow reads left to right along the chain (the cycle is broken, not stretched backwards).
    QVERIFY(fig.findGlyph(QStringLiteral("A0"))->pos.x() < fig.findGlyph(QStringLiteral("A5"))->pos.x());
    auto back = DiagramLayout::fromJson(layout.toJson());
    QVERIFY2(back.ok(), back.errorText().c_str());
    QCOMPARE(back->toJson(), layout.toJson());
}

void TestSbmlLayout::autoLayoutCompartments()
{
    const DiagramLayout two = autoLayout(chainModel(8, 2));
    const FigureLayout &fig = two.figures()[0];
    checkNoOverlap(fig);
    for (const auto &c : fig.compartments)
        for (const auto &g : fig.glyphs)
            if (box(g).intersects(c.rect)) QVERIFY(c.id == "c0" ? g.id.mid(1).toInt() < 4 : g.id.mid(1).toInt() >= 4);
    QVERIFY(autoLayout(chainModel(8, 1)).figures()[0].compartments.empty());   // one compartment: no box
}

void TestSbmlLayout::builtinRoundTripViaAnnotation()
{
    DocumentFile doc;
    doc.project = builtinProject();
    doc.layout = DiagramLayout::builtin();
    auto xml = exportSbmlDocument(doc);   // validated by libSBML inside (no errors)
    QVERIFY2(xml.ok(), xml.errorText().c_str());
    const QString text = QString::fromStdString(*xml);
    QVERIFY(text.contains("layout:required=\"false\""));
    QVERIFY(text.contains("render:required=\"false\""));
    QVERIFY(text.contains("sboTerm=\"SBO:0000247\""));   // simple chemical (LIP)
    QVERIFY(text.contains("doi:10.1186/s41232-022-00220-x"));
    QVERIFY(text.contains("render:listOfStyles") || text.contains("render:style"));
    std::vector<std::string> notes;
    auto back = importSbmlDocumentFromString(*xml, &notes);
    QVERIFY2(back.ok(), back.errorText().c_str());
    QVERIFY2(notes.empty(), notes.empty() ? "" : notes[0].c_str());
    QCOMPARE(QString::fromStdString(writeProjectJson(back->project)), QString::fromStdString(writeProjectJson(doc.project)));
    QVERIFY(back->layout);
    QCOMPARE(back->layout->toJson(), doc.layout->toJson());
    compareTrajectories(doc.project, back->project);
}

void TestSbmlLayout::builtinStandardLayoutOnly()
{
    DocumentFile doc;
    doc.project = builtinProject();
    doc.layout = DiagramLayout::builtin();
    const std::string xml = stripFerroscope(exportSbmlDocument(doc).value());
    QVERIFY(xml.find("ferroscope:document") == std::string::npos);
    std::vector<std::string> notes;
    auto back = importSbmlDocumentFromString(xml, &notes);
    QVERIFY2(back.ok(), back.errorText().c_str());
    const FigureLayout &want = doc.layout->figures()[0];
    const FigureLayout &got = back->layout->figures()[0];
    QCOMPARE(got.size, want.size);
    int speciesGlyphs = 0;
    for (const auto &g : want.glyphs) {
        const LayoutGlyph *h = got.findGlyph(g.id);
        QVERIFY2(h, qPrintable("missing glyph " + g.id));
        const QSizeF size = g.size.isEmpty() ? QSizeF(90, 40) : g.size;
        QVERIFY(std::abs(h->pos.x() - g.pos.x()) < 1e-6 && std::abs(h->pos.y() - g.pos.y()) < 1e-6);
        QVERIFY(std::abs(h->size.width() - size.width()) < 1e-6 && std::abs(h->size.height() - size.height()) < 1e-6);
        QCOMPARE(glyphKindName(h->kind), glyphKindName(g.kind));
        QCOMPARE(h->ref, g.ref);
        QCOMPARE(h->colour, g.colour);
        if (back->project.model.findSpecies(g.ref.toStdString())) ++speciesGlyphs;
    }
    QVERIFY(speciesGlyphs > 20);
    for (const auto &p : want.processes) {
        const LayoutProcess *q = got.findProcess(p.reaction);
        QVERIFY2(q, qPrintable("missing process " + p.reaction));
        QVERIFY(std::abs(q->pos.x() - p.pos.x()) < 1e-6 && std::abs(q->pos.y() - p.pos.y()) < 1e-6);
        for (const auto &[modifier, cls] : p.arcs)
            if (!p.hidden.contains(modifier) && q->arcs.count(modifier)) QCOMPARE(toString(q->arcs.at(modifier)), toString(cls));
    }
    QCOMPARE(got.compartments.size(), want.compartments.size());
    // Without the catalogue annotation the model still simulates like the original.
    Project plain = doc.project;
    plain.model = back->project.model;
    compareTrajectories(doc.project, plain);
}

void TestSbmlLayout::suiteModelsRoundTrip_data()
{
    QTest::addColumn<QString>("caseId");
    for (const char *id : {"00001", "00026", "00087"}) QTest::newRow(id) << QString::fromLatin1(id);
}

void TestSbmlLayout::suiteModelsRoundTrip()
{
    QFETCH(QString, caseId);
    const QString path = suiteCase(caseId);
    if (path.isEmpty()) QSKIP("SBML Test Suite case not found");
    auto doc = importSbmlDocument(path);
    QVERIFY2(doc.ok(), doc.errorText().c_str());
    QVERIFY(doc->layout);
    QCOMPARE(doc->layout->figures()[0].glyphs.size(), doc->project.model.species.size());
    auto xml = exportSbmlDocument(*doc);
    QVERIFY2(xml.ok(), xml.errorText().c_str());
    auto back = importSbmlDocumentFromString(*xml);
    QVERIFY2(back.ok(), back.errorText().c_str());
    QCOMPARE(QString::fromStdString(writeProjectJson(back->project)), QString::fromStdString(writeProjectJson(doc->project)));
    QCOMPARE(back->layout->toJson(), doc->layout->toJson());
    compareTrajectories(doc->project, back->project);
    auto plain = importSbmlDocumentFromString(stripFerroscope(*xml));   // standard layout only
    QVERIFY2(plain.ok(), plain.errorText().c_str());
    for (const auto &g : doc->layout->figures()[0].glyphs) {
        const LayoutGlyph *h = plain->layout->figures()[0].findGlyph(g.id);
        QVERIFY(h && std::abs(h->pos.x() - g.pos.x()) < 1e-6 && std::abs(h->pos.y() - g.pos.y()) < 1e-6);
    }
}

void TestSbmlLayout::sbmlWithoutLayoutGetsAutoLayout()
{
    auto doc = importSbmlDocumentFromString(smallModel("", ""));
    QVERIFY2(doc.ok(), doc.errorText().c_str());
    QCOMPARE(doc->project.defaultEnd, 10.0);
    QCOMPARE(doc->project.defaultSteps, 100);
    QCOMPARE(doc->project.defaultAbsoluteTolerance, 1e-12);
    QCOMPARE(doc->layout->figures()[0].id, QStringLiteral("model"));
    QCOMPARE(doc->layout->figures()[0].glyphs.size(), std::size_t(2));
    QCOMPARE(doc->layout->figures()[0].processes.size(), std::size_t(1));
}

void TestSbmlLayout::hostileFiles_data()
{
    QTest::addColumn<QByteArray>("xml");
    const std::string good = smallModel("", "");
    QTest::newRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() / 2));
    QTest::newRow("not xml") << QByteArray("{\"format\": \"ferroscope-project\"}");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("binary") << QByteArray("\x00\x01\xff<sbml", 8);
}

void TestSbmlLayout::hostileFiles()
{
    QFETCH(QByteArray, xml);
    auto doc = importSbmlDocumentFromString(xml.toStdString());
    QVERIFY(!doc.ok());
    QVERIFY(!doc.errorText().empty());
}

void TestSbmlLayout::badGlyphsAreSkippedWithNotes()
{
    const std::string glyphs = glyph("gA", "A", "10", "80") + glyph("gX", "Unknown", "100", "80") +
                               glyph("gNaN", "B", "NaN", "80") + glyph("gNeg", "B", "200", "-5") +
                               glyph("gZero", "B", "200", "0");
    std::vector<std::string> notes;
    auto doc = importSbmlDocumentFromString(smallModel("", layoutWith(glyphs)), &notes);
    QVERIFY2(doc.ok(), doc.errorText().c_str());
    const FigureLayout &fig = doc->layout->figures()[0];
    QCOMPARE(fig.glyphs.size(), std::size_t(1));
    QCOMPARE(fig.glyphs[0].ref, QStringLiteral("A"));
    QCOMPARE(fig.glyphs[0].pos, QPointF(50, 25));
    QCOMPARE(notes.size(), std::size_t(4));
    QVERIFY(QString::fromStdString(notes[0]).contains("gX"));

    notes.clear();   // nothing usable: the automatic layout takes over
    auto none = importSbmlDocumentFromString(smallModel("", layoutWith(glyph("gX", "Unknown", "1", "1"))), &notes);
    QVERIFY2(none.ok(), none.errorText().c_str());
    QCOMPARE(none->layout->figures()[0].id, QStringLiteral("model"));
    QCOMPARE(none->layout->figures()[0].glyphs.size(), std::size_t(2));
    QVERIFY(!notes.empty());
}

void TestSbmlLayout::invalidAnnotationsFallBack()
{
    auto load = [](const std::string &children, std::vector<std::string> &notes) {
        return importSbmlDocumentFromString(smallModel(annotation(children), ""), &notes);
    };
    std::vector<std::string> notes;
    auto badJson = load("<ferroscope:project>{ not json</ferroscope:project><ferroscope:layout>[1,2</ferroscope:layout>", notes);
    QVERIFY2(badJson.ok(), badJson.errorText().c_str());
    QCOMPARE(badJson->project.defaultEnd, 10.0);                       // plain SBML project
    QCOMPARE(badJson->layout->figures()[0].glyphs.size(), std::size_t(2));   // autoLayout
    QCOMPARE(notes.size(), std::size_t(2));

    notes.clear();
    const std::string garbage(4 << 20, 'x');
    auto huge = load("<ferroscope:project>" + garbage + "</ferroscope:project><ferroscope:junk>" + garbage +
                         "</ferroscope:junk>", notes);
    QVERIFY2(huge.ok(), huge.errorText().c_str());
    QCOMPARE(notes.size(), std::size_t(1));

    notes.clear();   // a project written by a newer Ferroscope: the SBML model still loads
    DocumentFile newer;
    newer.project = projectForSbmlModel(importSbmlString(smallModel("", "")).value());
    std::string json = writeDocumentJson(newer).toStdString();
    json.replace(json.find("\"formatVersion\": 2"), 18, "\"formatVersion\": 99");
    auto future = load("<ferroscope:project>" + QString::fromStdString(json).toHtmlEscaped().toStdString() +
                           "</ferroscope:project>", notes);
    QVERIFY2(future.ok(), future.errorText().c_str());
    QCOMPARE(notes.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(notes[0]).contains("99"), notes[0].c_str());
}

void TestSbmlLayout::exportFileIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("m.xml");
    DocumentFile doc;
    doc.project = projectForSbmlModel(chainModel(5));
    QVERIFY(exportSbmlDocumentFile(doc, path).ok());
    const std::string first = readAll(path);
    QVERIFY(first.find("layout:listOfLayouts") != std::string::npos);
    doc.project.model.species[0].id = "bad id";   // invalid SId: export fails, file untouched
    QVERIFY(!exportSbmlDocumentFile(doc, path).ok());
    QCOMPARE(readAll(path), first);
    QVERIFY(!exportSbmlDocumentFile(doc, dir.filePath("missing/dir/m.xml")).ok());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

QTEST_GUILESS_MAIN(TestSbmlLayout)
#include "tst_sbml_layout.moc"
