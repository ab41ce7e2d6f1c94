// Documents, autosave and crash recovery (issue #5 §4 "Documents", "Bad input and safety"): a
// save/load round trip of everything a window shows; corrupt, truncated and hostile files are
// refused with a clear message and leave the open window alone; a SIGKILL during a save never
// leaves a broken file; autosave files are written, locked while their session lives, found after
// a crash and removed on a clean exit; the unsaved-changes prompt; the SBML export round trip.
// Two cases re-run this executable as a child (--save-loop, --autosave-then-crash; see main()).
#include "core/io/document_file.h"
#include "core/io/project_file.h"
#include "core/model/model_edits.h"
#include "core/model/pathway_model.h"
#include "core/scenario/scenario_document.h"
#include "ui/commands/content_command.h"
#include "ui/commands/move_nodes_command.h"
#include "ui/document/autosave.h"
#include "ui/document/project_document.h"
#include "ui/headless_export.h"
#include "ui/main_window.h"
#include "ui/plots/trajectory_panel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QUndoStack>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace ferroscope;
using core::DocumentFile;
using core::edits::Content;
using ui::MainWindow;
using ui::ProjectDocument;

namespace {

constexpr int kTimeoutMs = 30000;
const char *kSaveLoopArg = "--save-loop";
const char *kCrashArg = "--autosave-then-crash";
const char *kCrashTitle = "Crash test model";
const char *kCrashOriginal = "/nonexistent/crashed.ferroscope";

QByteArray projectJson(const core::Project &p) { return QByteArray::fromStdString(core::writeProjectJson(p)); }

QByteArray modelJson(const core::Project &p)
{
    return QJsonDocument(QJsonDocument::fromJson(projectJson(p)).object().value("model").toObject()).toJson();
}

/// Equal JSON, numbers within 1e-12 (relative): "" or where the first difference is.
QString jsonDifference(const QJsonValue &a, const QJsonValue &b, const QString &at = "$")
{
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        return std::abs(x - y) <= 1e-12 * std::max(1.0, std::max(std::abs(x), std::abs(y)))
                   ? QString()
                   : QString("%1: %2 vs %3").arg(at).arg(x, 0, 'g', 17).arg(y, 0, 'g', 17);
    }
    if (a.type() != b.type()) return at + ": different types";
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size()) return at + ": different lengths";
        for (qsizetype i = 0; i < x.size(); ++i)
            if (QString d = jsonDifference(x[i], y[i], QString("%1[%2]").arg(at).arg(i)); !d.isEmpty()) return d;
        return {};
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys()) return at + ": different keys";
        for (auto it = x.begin(); it != x.end(); ++it)
            if (QString d = jsonDifference(it.value(), y.value(it.key()), at + "." + it.key()); !d.isEmpty()) return d;
        return {};
    }
    return a == b ? QString() : at + ": different values";
}

/// Two diagram layouts the same up to the last bits of their numbers.
QString layoutDifference(const core::DiagramLayout &a, const core::DiagramLayout &b)
{
    return jsonDifference(QJsonDocument::fromJson(a.toJson()).object(), QJsonDocument::fromJson(b.toJson()).object());
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A document file's JSON without its plots section (numbers exactly as written).
QJsonObject withoutPlots(const QString &path)
{
    QJsonObject o = QJsonDocument::fromJson(readBytes(path)).object();
    o.remove("plots");
    return o;
}

core::edits::NewSpecies newSpecies(const std::string &id, QPointF pos)
{
    core::edits::NewSpecies s;
    s.id = id;
    s.name = id + " (test)";
    s.initialConcentration = 0.5;
    s.pos = pos;
    return s;
}

/// The built-in document, and the same with one species more: the two versions the save loop writes.
DocumentFile builtinFile(bool withExtraSpecies)
{
    Content c{core::builtinProject(), core::DiagramLayout::builtin()};
    if (withExtraSpecies && !core::edits::addSpecies(c, newSpecies("SaveLoopX", {40, 40}))) std::abort();
    DocumentFile f;
    f.project = std::move(c.project);
    f.layout = std::move(c.layout);
    return f;
}

/// Child mode: writes the two versions to `path` alternately until killed.
int saveLoop(const QString &path)
{
    const DocumentFile a = builtinFile(false), b = builtinFile(true);
    for (long i = 0;; ++i) {
        if (!core::writeDocumentFile(i % 2 ? b : a, path)) return 2;
        if (i == 0) {
            std::fputs("written\n", stdout);
            std::fflush(stdout);
        }
    }
}

/// Child mode: an edited document autosaved, then a crash (no destructors, no clean-up).
int autosaveThenCrash(int argc, char **argv, const QString &dir)
{
    qputenv("FERROSCOPE_RECOVERY_DIR", dir.toLocal8Bit());
    QCoreApplication app(argc, argv);
    auto doc = ProjectDocument::builtin();
    auto added = ui::pushEdit(doc->undoStack(), doc->model(), "add", [](Content &c) {
        c.project.title = kCrashTitle;
        return core::edits::addSpecies(c, newSpecies("CrashedX", {60, 60}));
    });
    if (!added || !doc->isModified()) return 2;
    auto *autosave = new ui::Autosave([&doc] { return doc->toFile({}); }, [&doc] { return doc->isModified(); });
    autosave->setOriginalPath(QString::fromLatin1(kCrashOriginal));
    if (!autosave->saveNow()) return 3;
    std::fputs("saved\n", stdout);
    std::fflush(stdout);
    std::_Exit(9);   // a crash: the lock file stays, its owner is gone
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

/// The project, layout and explorer of a document, for "untouched" checks.
struct DocumentState {
    QByteArray project, layout;
    QJsonObject explorer;
    int undoCount = 0, undoIndex = 0;
    bool modified = false;
    QString path;

    static DocumentState of(ProjectDocument &d)
    {
        return {projectJson(d.model().project()), d.model().layout().toJson(), d.scenario().toJson(),
                d.undoStack().count(), d.undoStack().index(), d.isModified(), d.path()};
    }
    bool operator==(const DocumentState &) const = default;
};

/// The other top-level MainWindow (the one a New/Open put in place of `old`).
MainWindow *replacement(const MainWindow *old)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *m = qobject_cast<MainWindow *>(w); m && m != old && m->isVisible()) return m;
    return nullptr;
}

void flushDeletes() { QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); }

}  // namespace

class TestDocument : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir, m_settings, m_recovery;
    std::unique_ptr<MainWindow> m_live;   // the window hostile files must leave alone
    DocumentState m_liveState;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// A valid document (the built-in one) as a JSON object to spoil.
    static QJsonObject validDocument()
    {
        return QJsonDocument::fromJson(core::writeDocumentJson(builtinFile(false))).object();
    }

    /// Each hostile file must be refused with `expected` in the message, here and by a live window.
    void checkRefused(const QString &file, const QStringList &expected)
    {
        auto opened = ProjectDocument::open(file);
        QVERIFY2(!opened, qPrintable(file + " was opened"));
        const QString message = QString::fromStdString(opened.errorText());
        for (const QString &e : expected)
            QVERIFY2(message.contains(e, Qt::CaseInsensitive), qPrintable(QString("'%1' not in: %2").arg(e, message)));
        QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable("the message names no file: " + message));

        if (!m_live) {   // one live, saved window with one edit on its undo stack
            m_live = std::make_unique<MainWindow>();
            m_live->show();
            ProjectDocument &d = m_live->projectDocument();
            QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add",
                                 [](Content &c) { return core::edits::addSpecies(c, newSpecies("LiveX", {30, 30})); }));
            QString error;
            QVERIFY2(m_live->saveTo(path("live.ferroscope"), &error), qPrintable(error));
            m_liveState = DocumentState::of(d);
            QCOMPARE(m_liveState.undoCount, 1);
            QVERIFY(!m_liveState.modified);
        }
        m_live->setSavePrompt([] {
            qWarning("the save prompt was shown for a file that cannot be opened");
            return int(QMessageBox::Cancel);
        });
        QString error;
        QVERIFY(m_live->openPath(file, &error) == nullptr);
        QCOMPARE(error, message);
        flushDeletes();
        QVERIFY(m_live->isVisible());
        QVERIFY(!replacement(m_live.get()));
        QVERIFY(DocumentState::of(m_live->projectDocument()) == m_liveState);
        QVERIFY(!m_live->isWindowModified());
        QVERIFY(!MainWindow::recentFiles().contains(QFileInfo(file).absoluteFilePath()));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid() && m_settings.isValid() && m_recovery.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        qputenv("FERROSCOPE_RECOVERY_DIR", m_recovery.path().toLocal8Bit());
        QCOMPARE(ui::Autosave::recoveryDir(), m_recovery.path());
    }

    void cleanupTestCase()
    {
        m_live.reset();
        flushDeletes();
        QSettings("Ferroscope", "Ferroscope").clear();
    }

    // ------------------------------------------------------------------ 0. interventions undo
    void interventionsAreUndoable()
    {
        MainWindow w;
        ProjectDocument &d = w.projectDocument();
        core::ScenarioDocument &sd = w.document();
        QCOMPARE(d.undoStack().count(), 0);   // opening (with the light defaults) is not a step
        sd.setGene("GPX4", 0.0);
        QCOMPARE(d.undoStack().count(), 1);
        // switching erastin on and dragging its dose slider: changes of one control within a
        // second are one step; another control is a step of its own
        sd.setInputEnabled("ERA", true);
        for (double dose : {1.0, 2.0, 3.0, 4.0, 5.0}) sd.setInputDose("ERA", dose);
        QCOMPARE(d.undoStack().count(), 2);
        sd.setGene("NRF2", 3.0);
        QCOMPARE(d.undoStack().count(), 3);
        d.undoStack().undo();
        QCOMPARE(sd.gene("NRF2"), 1.0);
        QVERIFY(sd.input("ERA").enabled);
        QCOMPARE(sd.input("ERA").dose, 5.0);
        d.undoStack().undo();
        QVERIFY(!sd.input("ERA").enabled);
        QCOMPARE(sd.input("ERA").dose, core::builtinProject().findInput("ERA")->typicalDose);
        QCOMPARE(sd.gene("GPX4"), 0.0);
        d.undoStack().undo();
        QCOMPARE(sd.gene("GPX4"), 1.0);
        QVERIFY(!d.isModified());   // untitled built-in model: exploring is not unsaved work
        d.undoStack().redo();
        QCOMPARE(sd.gene("GPX4"), 0.0);
        // a change undone through the stack re-simulates like any other
        const auto before = w.requestedGeneration();
        d.undoStack().undo();
        QVERIFY(w.requestedGeneration() > before);
        // in a saved document interventions are work: modified after a change, clean after undo
        QString error;
        QVERIFY2(w.saveTo(path("interventions.ferroscope"), &error), qPrintable(error));
        QVERIFY(!d.isModified());
        sd.setPhenotype("CSC");
        QVERIFY(d.isModified());
        d.undoStack().undo();
        QCOMPARE(sd.phenotype(), QStringLiteral("nonCSC"));
        QVERIFY(!d.isModified());
    }

    // ------------------------------------------------------------------ 1. round trip
    void saveLoadRoundTrip()
    {
        MainWindow w;
        ProjectDocument &d = w.projectDocument();
        QVERIFY(!d.isModified());
        core::ScenarioDocument &sd = w.document();
        sd.setPhenotype("CSC");
        sd.setGene("GPX4", 0.0);
        sd.setInput("ERA", core::InputSetting{true, 7.5, 2.0, 30.0});
        sd.setCompare(true);
        sd.pinSnapshot("Before the edit");
        QCOMPARE(sd.activeBaseline(), 0);
        QVERIFY(!d.isModified());   // exploring the untitled built-in model is not work to save
        const int explored = d.undoStack().count();   // intervention changes are undo steps too

        auto species = ui::pushEdit(d.undoStack(), d.model(), "add species",
                                    [](Content &c) { return core::edits::addSpecies(c, newSpecies("RoundX", {120, 80})); });
        QVERIFY2(species, species ? "" : species.errorText().c_str());
        auto reaction = ui::pushEdit(d.undoStack(), d.model(), "add reaction", [](Content &c) {
            core::edits::NewReaction r;
            r.reactants = {"RoundX"};
            r.products = {"LIP"};
            r.kinetics = core::edits::KineticTemplate::MichaelisMenten;
            return core::edits::addReaction(c, r);
        });
        QVERIFY2(reaction, reaction ? "" : reaction.errorText().c_str());
        const core::NodeRef lip{"fig1", core::NodeRef::Kind::Glyph, "LIP"};
        const QPointF lip0 = *d.model().nodePosition(lip);
        d.undoStack().push(new ui::MoveNodesCommand(d.model(), {{lip, {lip0, lip0 + QPointF(33, -17)}}}));
        QCOMPARE(d.undoStack().count(), explored + 3);
        QVERIFY(d.isModified());
        QVERIFY(w.isWindowModified());
        w.addCustomPlot({"LIP", "RoundX", "FeR"}, "My iron plot");

        const QString file = path("roundtrip.ferroscope");
        QString error;
        QVERIFY2(w.saveTo(file, &error), qPrintable(error));
        QVERIFY(!d.isModified());
        QVERIFY(!w.isWindowModified());
        QCOMPARE(d.path(), file);
        QVERIFY(w.windowTitle().startsWith("roundtrip.ferroscope"));
        QVERIFY(MainWindow::recentFiles().contains(QFileInfo(file).absoluteFilePath()));

        // The file is JSON and holds exactly what the window has.
        QJsonParseError parse;
        const QJsonDocument json = QJsonDocument::fromJson(readBytes(file), &parse);
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QVERIFY(json.isObject());
        QCOMPARE(json.object().value("format").toString(), QString("ferroscope-project"));
        auto read = core::readDocumentFile(file);
        QVERIFY2(read, read ? "" : read.errorText().c_str());
        QCOMPARE(projectJson(read->project), projectJson(d.model().project()));
        QVERIFY(read->project.model.findSpecies("RoundX"));
        QVERIFY(read->layout);
        const QString layoutDiff = layoutDifference(*read->layout, d.model().layout());
        QVERIFY2(layoutDiff.isEmpty(), qPrintable(layoutDiff));
        QCOMPARE(read->explorer, sd.toJson());
        QCOMPARE(read->plots, w.plotSettings());
        QVERIFY(QJsonDocument(read->plots).toJson().contains("My iron plot"));

        // Modified follows the undo stack's clean state.
        d.undoStack().push(new ui::MoveNodesCommand(d.model(), {{lip, {lip0 + QPointF(33, -17), lip0}}}));
        QVERIFY(d.isModified());
        QVERIFY(w.isWindowModified());
        d.undoStack().undo();
        QVERIFY(!d.isModified());
        QVERIFY(!w.isWindowModified());
        d.undoStack().undo();   // before the save point is modified too
        QVERIFY(d.isModified());
        d.undoStack().redo();
        QVERIFY(!d.isModified());
        // A document with a file: intervention changes are work to save as well.
        sd.setGene("NRF2", 0.2);
        QVERIFY(d.isModified());
        sd.setGene("NRF2", 1.0);
        QVERIFY2(w.saveTo(file, &error), qPrintable(error));
        QVERIFY(!d.isModified());

        // Opened again, in a window of its own: every part is back.
        auto opened = ProjectDocument::open(file);
        QVERIFY2(opened, opened ? "" : opened.errorText().c_str());
        QCOMPARE((*opened)->path(), file);
        QVERIFY((*opened)->restoreNotes().isEmpty());
        MainWindow w2(std::move(*opened));
        ProjectDocument &d2 = w2.projectDocument();
        QVERIFY(!d2.isModified());
        QVERIFY(!w2.isWindowModified());
        QCOMPARE(projectJson(d2.model().project()), projectJson(d.model().project()));
        QVERIFY(layoutDifference(d2.model().layout(), d.model().layout()).isEmpty());
        QCOMPARE(*d2.model().nodePosition(lip), lip0 + QPointF(33, -17));
        // Saving what was opened writes the same bytes (no drift over save/open cycles). The plots
        // section may differ: the "Added species" panel of species added in the session is not
        // saved, so its title drops out of the visible list.
        const QString again = path("roundtrip-again.ferroscope");
        QVERIFY2(w2.saveTo(again, &error), qPrintable(error));
        QCOMPARE(withoutPlots(again), withoutPlots(file));
        QVERIFY(!d2.isModified());
        QCOMPARE(d2.path(), again);
        core::ScenarioDocument &sd2 = w2.document();
        QCOMPARE(sd2.phenotype(), QString("CSC"));
        QCOMPARE(sd2.gene("GPX4"), 0.0);
        QCOMPARE(sd2.gene("NRF2"), 1.0);
        const core::InputSetting era = sd2.input("ERA");
        QVERIFY(era.enabled);
        QCOMPARE(era.dose, 7.5);
        QCOMPARE(era.start, 2.0);
        QCOMPARE(era.end, 30.0);
        QCOMPARE(sd2.input("IRR").start, sd.input("IRR").start);
        QVERIFY(sd2.compare());
        QCOMPARE(sd2.snapshots().size(), std::size_t(1));
        QCOMPARE(sd2.snapshots()[0].name, QString("Before the edit"));
        QCOMPARE(sd2.snapshots()[0].scenario.genes, sd.snapshots()[0].scenario.genes);
        QCOMPARE(sd2.activeBaseline(), 0);
        QCOMPARE(sd2.toJson(), sd.toJson());
        bool found = false;
        for (const auto &p : w2.trajectoryPanel()->panels())
            if (p.title == "My iron plot") {
                found = true;
                QCOMPARE(p.ids(), QStringList({"LIP", "RoundX", "FeR"}));
            }
        QVERIFY(found);
        QVERIFY(w2.trajectoryPanel()->visiblePanels().contains("My iron plot"));
        QCOMPARE(w2.plotSettings().value("custom"), w.plotSettings().value("custom"));
        QVERIFY(ui::waitForLiveResult(w2, kTimeoutMs));
        QVERIFY(w2.lastResult()->indexOf("RoundX") >= 0);   // the edited model is what runs
        QVERIFY(!d2.isModified());
    }

    // ------------------------------------------------------------------ 2. hostile files
    void hostileFilesAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const QString &file, const QByteArray &content, const QStringList &expected) {
            QTest::newRow(name) << file << content << expected;
        };
        auto spoiled = [](const std::function<void(QJsonObject &)> &spoil) {
            QJsonObject o = validDocument();
            spoil(o);
            return QJsonDocument(o).toJson();
        };
        const QByteArray valid = core::writeDocumentJson(builtinFile(false));

        row("empty", "empty.ferroscope", {}, {"empty"});
        row("blank", "blank.ferroscope", "  \n\t\n", {"empty"});
        QRandomGenerator random(20240517);
        QByteArray noise(4096, '\0');
        for (char &c : noise) c = char(random.bounded(256));
        noise[0] = '\x01';
        row("random bytes", "noise.ferroscope", noise, {"neither a Ferroscope document"});
        noise[0] = '{';
        row("random bytes after a brace", "brace-noise.ferroscope", noise, {"invalid JSON"});
        for (const qsizetype cut : {qsizetype(1), qsizetype(2), qsizetype(57), valid.size() / 5, valid.size() / 2,
                                    valid.indexOf("\"diagram\"") + 40, valid.size() - 3}) {
            const QByteArray name = "truncated at " + QByteArray::number(cut);
            QTest::newRow(name.constData()) << QString("cut-%1.ferroscope").arg(cut) << valid.left(cut)
                                            << QStringList{"invalid JSON"};
        }
        row("a JSON array", "array.ferroscope", "[1, 2, 3]", {"must hold a JSON object"});
        row("other JSON", "other.json", "{\"name\": \"not ours\", \"values\": [1, 2]}", {"missing required field 'format'"});
        row("wrong format", "wrong.ferroscope", spoiled([](QJsonObject &o) { o["format"] = "copasi-project"; }),
            {"not a Ferroscope project file", "copasi-project"});
        row("format version 99", "v99.ferroscope", spoiled([](QJsonObject &o) { o["formatVersion"] = 99; }),
            {"newer Ferroscope", "format 99"});
        row("format version 0", "v0.ferroscope", spoiled([](QJsonObject &o) { o["formatVersion"] = 0; }),
            {"invalid format version"});
        row("format version 1e300", "vhuge.ferroscope", spoiled([](QJsonObject &o) { o["formatVersion"] = 1e300; }),
            {"whole number"});
        row("diagram is an array", "diagram-array.ferroscope", spoiled([](QJsonObject &o) { o["diagram"] = QJsonArray{1, 2}; }),
            {"diagram", "must be a JSON object"});
        row("diagram of another format", "diagram-format.ferroscope",
            spoiled([](QJsonObject &o) { o["diagram"] = QJsonObject{{"format", "svg"}}; }), {"diagram", "not a Ferroscope diagram"});
        row("glyph colour", "colour.ferroscope", spoiled([](QJsonObject &o) {
                QJsonObject diagram = o["diagram"].toObject();
                QJsonArray figures = diagram["figures"].toArray();
                QJsonObject fig = figures[0].toObject();
                QJsonArray glyphs = fig["glyphs"].toArray();
                QJsonObject g = glyphs[0].toObject();
                g["colour"] = "red; background: url(x)";
                glyphs[0] = g;
                fig["glyphs"] = glyphs;
                figures[0] = fig;
                diagram["figures"] = figures;
                o["diagram"] = diagram;
            }),
            {"diagram", "colour must be #rrggbb"});
        row("explorer is a string", "explorer.ferroscope", spoiled([](QJsonObject &o) { o["explorer"] = "GPX4 off"; }),
            {"explorer", "must be a JSON object"});
        auto spoilReaction = [](const QJsonValue &law) {
            return [law](QJsonObject &o) {
                QJsonObject model = o["model"].toObject();
                QJsonArray reactions = model["reactions"].toArray();
                QJsonObject r = reactions[0].toObject();
                r["kineticLaw"] = law;
                reactions[0] = r;
                model["reactions"] = reactions;
                o["model"] = model;
            };
        };
        row("formula syntax error", "formula.ferroscope", spoiled(spoilReaction("s_TfR1*(stab(IRPn, b_tfr")), {"R1"});
        row("formula is a number", "formula-number.ferroscope", spoiled(spoilReaction(3)), {"kineticLaw", "must be a string"});
        auto spoilSpecies = [](const QJsonValue &value) {
            return [value](QJsonObject &o) {
                QJsonObject model = o["model"].toObject();
                QJsonArray species = model["species"].toArray();
                QJsonObject s = species[0].toObject();
                s["initialConcentration"] = value;
                species[0] = s;
                model["species"] = species;
                o["model"] = model;
            };
        };
        row("NaN string", "nan.ferroscope", spoiled(spoilSpecies("NaN")), {"initialConcentration", "must be a number"});
        QByteArray huge = valid;
        huge.replace("\"initialConcentration\": 0.1,", "\"initialConcentration\": 1e999999,");
        QVERIFY(huge != valid);
        row("number overflow", "overflow.ferroscope", huge, {"invalid JSON"});
        QByteArray literal = valid;
        literal.replace("\"initialConcentration\": 0.1,", "\"initialConcentration\": NaN,");
        row("NaN literal", "nan-literal.ferroscope", literal, {"invalid JSON"});
        row("deeply nested", "nested.ferroscope", "{\"model\": " + QByteArray(100000, '[') + QByteArray(100000, ']') + "}",
            {"invalid JSON"});
        row("deeply nested object", "nested-object.ferroscope",
            QByteArray("{\"a\":").repeated(50000) + "1" + QByteArray("}").repeated(50000), {"invalid JSON"});
        row("truncated SBML", "truncated.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" "
            "level=\"3\" version=\"2\"><model id=\"m\"><listOfSpecies><species id=\"A\" compartment=\"c\"",
            {});
        row("XML that is no SBML", "svg.xml", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", {});
    }

    void hostileFilesAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        const QString p = path(file);
        QVERIFY(writeBytes(p, content));
        checkRefused(p, expected);
    }

    /// After all that, the live window's file is as it saved it and the window closes without asking.
    void hostileFilesLeaveTheLiveWindowAlone()
    {
        QVERIFY(m_live);
        auto read = core::readDocumentFile(m_liveState.path);
        QVERIFY2(read, read ? "" : read.errorText().c_str());
        QCOMPARE(projectJson(read->project), m_liveState.project);
        QVERIFY(m_live->close());   // the prompt would warn and refuse
        m_live.reset();
    }

    /// Not refused, but never trusted: a broken layout or junk in the explorer section is skipped
    /// (the model is all there) and the window works.
    void damagedExtrasAreSkipped()
    {
        // SBML whose Ferroscope layout annotation and SBML Layout are both broken.
        MainWindow source;
        const QString sbml = path("broken-layout.xml");
        QString error;
        QVERIFY2(source.exportSbmlTo(sbml, &error), qPrintable(error));
        QByteArray xml = readBytes(sbml);
        const int layoutAt = xml.indexOf("<ferroscope:layout");
        QVERIFY(layoutAt > 0);
        xml.insert(xml.indexOf('>', layoutAt) + 1, "{{{ not json ");
        const int boxes = xml.count("layout:x=\"");
        QVERIFY(boxes > 10);
        xml.replace("layout:x=\"", "layout:x=\"NaN");   // every bounding box unreadable
        xml.replace("layout:species=\"LIP", "layout:species=\"NO_SUCH_SPECIES");
        QVERIFY(writeBytes(sbml, xml));
        auto opened = ProjectDocument::open(sbml);
        QVERIFY2(opened, opened ? "" : opened.errorText().c_str());
        QCOMPARE(modelJson((*opened)->model().project()), modelJson(source.projectDocument().model().project()));
        QVERIFY(!(*opened)->model().layout().figures().empty());
        for (const auto &fig : (*opened)->model().layout().figures())
            for (const auto &g : fig.glyphs) {
                QVERIFY2(std::isfinite(g.pos.x()) && std::isfinite(g.pos.y()), qPrintable(g.id));
            }
        {
            MainWindow w(std::move(*opened));
            w.show();
            QVERIFY(ui::waitForLiveResult(w, kTimeoutMs));
        }

        // Explorer junk: unknown ids and non-numbers are skipped with a note, the rest restored.
        const QJsonObject hostileSnapshot{
            {"name", "hostile"},
            {"scenario", QJsonObject{{"phenotype", "zzz"},
                                     {"genes", QJsonObject{{"GPX4", -3}, {"NOPE", 2}}},
                                     {"inputs", QJsonArray{QJsonObject{{"input", "NOPE"}, {"value", "x"}}, 5}},
                                     {"start", 1e308}, {"end", 1e308}, {"steps", 2000000000}}}};
        QJsonObject doc = validDocument();
        doc["explorer"] = QJsonObject{{"phenotype", "no_such_phenotype"},
                                      {"genes", QJsonObject{{"GPX4", "NaN"}, {"NOPE", 0.0}, {"NRF2", 0.2}}},
                                      {"inputs", QJsonObject{{"ERA", QJsonObject{{"enabled", true}, {"dose", -5}}},
                                                             {"RSL3", QJsonObject{{"enabled", true}, {"dose", 1e308}}}}},
                                      {"endHours", "forever"},
                                      {"snapshots", QJsonArray{"junk", QJsonObject{{"scenario", 7}}, hostileSnapshot}},
                                      {"activeBaseline", 2}};
        const QString junk = path("junk-explorer.ferroscope");
        QVERIFY(writeBytes(junk, QJsonDocument(doc).toJson()));
        auto withJunk = ProjectDocument::open(junk);
        QVERIFY2(withJunk, withJunk ? "" : withJunk.errorText().c_str());
        const QString notes = (*withJunk)->restoreNotes().join("; ");
        QVERIFY2(notes.contains("no_such_phenotype") && notes.contains("GPX4") && notes.contains("NOPE") &&
                     notes.contains("ERA"),
                 qPrintable(notes));
        core::ScenarioDocument &sd = (*withJunk)->scenario();
        QCOMPARE(sd.gene("GPX4"), 1.0);
        QCOMPARE(sd.gene("NRF2"), 0.2);
        QVERIFY(!sd.input("ERA").enabled);
        QVERIFY(sd.endTime() > 0);
        QVERIFY(sd.activeBaseline() < int(sd.snapshots().size()));
        MainWindow w(std::move(*withJunk));
        QVERIFY(ui::waitForLiveResult(w, kTimeoutMs));
        QCOMPARE(w.document().activeBaseline(), 2);   // the hostile snapshot is refused by the run, quietly
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains("Baseline could not be simulated"), kTimeoutMs);
        QVERIFY(!w.lastBaseline());
    }

    // ------------------------------------------------------------------ 3. kill during save
    void killDuringSaveNeverBreaksTheFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("doc.ferroscope");
        const QByteArray a = core::writeDocumentJson(builtinFile(false)), b = core::writeDocumentJson(builtinFile(true));
        QVERIFY(a != b);
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        int stray = 0, seenA = 0, seenB = 0;
        constexpr int kKills = 20;
        for (int i = 0; i < kKills; ++i) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {kSaveLoopArg, file});
            QVERIFY(child.waitForStarted(kTimeoutMs));
            QVERIFY2(child.waitForReadyRead(kTimeoutMs), qPrintable(child.readAllStandardError()));
            QCOMPARE(child.readAllStandardOutput(), QByteArray("written\n"));
            const int delayMs = int(random.bounded(5, 201));
            QThread::msleep(ulong(delayMs));
            QCOMPARE(child.state(), QProcess::Running);   // still saving, never failed
            child.kill();   // SIGKILL
            QVERIFY(child.waitForFinished(kTimeoutMs));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            const QString where = QString("kill %1 after %2 ms (seed %3)").arg(i).arg(delayMs).arg(seed);
            auto read = core::readDocumentFile(file);
            QVERIFY2(read, qPrintable(where + ": " + QString::fromStdString(read.errorText())));
            const QByteArray bytes = readBytes(file);
            QVERIFY2(bytes == a || bytes == b, qPrintable(where + ": the file is neither version"));
            (bytes == a ? seenA : seenB)++;
            QCOMPARE(core::writeDocumentJson(*read), bytes);
            // QSaveFile writes "doc.ferroscope.XXXXXX" (or an unnamed O_TMPFILE inode on Linux) and
            // renames it over the file on commit; a SIGKILL before the rename may leave that temp
            // file behind. That is all it may leave: one at most per kill, named after the file.
            const QStringList files = filesIn(dir.path());
            for (const QString &f : files)
                QVERIFY2(f == "doc.ferroscope" || f.startsWith("doc.ferroscope."), qPrintable(where + ": stray " + f));
            stray = int(files.size()) - 1;
            QVERIFY2(stray <= i + 1, qPrintable(where + ": " + files.join(", ")));
        }
        qInfo("%d kills: %d left version A, %d version B; %d QSaveFile temp files left behind (seed %u)", kKills,
              seenA, seenB, stray, seed);
    }

    // ------------------------------------------------------------------ 4. autosave
    void autosaveWritesLocksAndRemoves()
    {
        auto doc = ProjectDocument::builtin();
        auto save = std::make_unique<ui::Autosave>([&doc] { return doc->toFile({{"visible", QJsonArray{"x"}}}); },
                                                   [&doc] { return doc->isModified(); });
        QCOMPARE(QFileInfo(save->recoveryPath()).absolutePath(), QFileInfo(m_recovery.path()).absoluteFilePath());
        QCOMPARE(save->intervalMs(), 60 * 1000);
        QVERIFY(save->saveNow());   // nothing unsaved: nothing written
        QVERIFY(!QFile::exists(save->recoveryPath()));

        QVERIFY(ui::pushEdit(doc->undoStack(), doc->model(), "add",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("AutoX", {10, 10})); }));
        QVERIFY(doc->isModified());
        save->setOriginalPath(path("original.ferroscope"));
        QSignalSpy saved(save.get(), &ui::Autosave::saved);
        QVERIFY(save->saveNow());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toString(), save->recoveryPath());
        auto read = core::readDocumentFile(save->recoveryPath());
        QVERIFY2(read, read ? "" : read.errorText().c_str());
        QCOMPARE(projectJson(read->project), projectJson(doc->model().project()));
        QCOMPARE(read->plots.value("visible").toArray().at(0).toString(), QString("x"));
        for (const auto &r : ui::Autosave::orphans())   // its session is alive: locked, not an orphan
            QVERIFY2(r.file != save->recoveryPath(), qPrintable(r.file));

        // The timer does the same.
        save->setIntervalMs(50);
        QFile::remove(save->recoveryPath());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(save->recoveryPath()), 5000);
        save->setIntervalMs(60 * 1000);

        // Back to the saved state: the recovery file goes.
        doc->undoStack().undo();
        QVERIFY(!doc->isModified());
        QVERIFY(save->saveNow());
        QVERIFY(!QFile::exists(save->recoveryPath()));
        doc->undoStack().redo();
        QVERIFY(save->saveNow());
        QVERIFY(QFile::exists(save->recoveryPath()));
        const QString base = QFileInfo(save->recoveryPath()).completeBaseName();
        QVERIFY(filesIn(m_recovery.path()).filter(base).size() >= 2);   // document, meta (+ lock)

        save.reset();   // a clean end leaves nothing
        QCOMPARE(filesIn(m_recovery.path()).filter(base), QStringList());
        QVERIFY(ui::Autosave::orphans().isEmpty());
    }

    void crashLeavesARecoverableOrphan()
    {
        // A recovery folder of its own: nothing else's files or locks in the counts.
        QTemporaryDir recovery;
        qputenv("FERROSCOPE_RECOVERY_DIR", recovery.path().toLocal8Bit());
        const auto restore = qScopeGuard([this] { qputenv("FERROSCOPE_RECOVERY_DIR", m_recovery.path().toLocal8Bit()); });
        QVERIFY(ui::Autosave::orphans().isEmpty());
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {kCrashArg, recovery.path()});
        QVERIFY(child.waitForFinished(kTimeoutMs));
        QCOMPARE(child.readAllStandardOutput(), QByteArray("saved\n"));
        QCOMPARE(child.exitCode(), 9);
        QCOMPARE(filesIn(recovery.path()).size(), 3);   // document, meta, stale lock

        const QList<ui::Autosave::Recovery> orphans = ui::Autosave::orphans();
        QCOMPARE(orphans.size(), 1);
        const ui::Autosave::Recovery &r = orphans[0];
        QCOMPARE(r.title, QString(kCrashTitle));
        QCOMPARE(r.originalPath, QString(kCrashOriginal));
        QVERIFY(r.saved.isValid());
        QVERIFY(qAbs(r.saved.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        auto read = core::readDocumentFile(r.file);
        QVERIFY2(read, read ? "" : read.errorText().c_str());
        QVERIFY(read->project.model.findSpecies("CrashedX"));
        QCOMPARE(read->project.title, std::string(kCrashTitle));
        QVERIFY(read->layout);
        QCOMPARE(ui::Autosave::orphans().size(), 1);   // looking does not consume it

        // Recovering in a window: the work comes back unsaved, under its own name; the orphan goes.
        auto *current = new MainWindow;
        current->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MainWindow> guard(current);
        QTimer::singleShot(0, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains("crashed.ferroscope"));
            box->button(QMessageBox::Yes)->click();
        });
        MainWindow *recovered = MainWindow::offerRecovery(current);
        QVERIFY(recovered && recovered != current);
        flushDeletes();
        QVERIFY(!guard);
        QPointer<MainWindow> recoveredGuard(recovered);
        QVERIFY(recovered->projectDocument().model().project().model.findSpecies("CrashedX"));
        QVERIFY(recovered->projectDocument().isModified());
        QCOMPARE(recovered->projectDocument().path(), QString(kCrashOriginal));
        QVERIFY(ui::Autosave::orphans().isEmpty());
        recovered->setSavePrompt([] { return int(QMessageBox::Discard); });
        recovered->close();
        flushDeletes();
        QVERIFY(!recoveredGuard);
        QCOMPARE(filesIn(recovery.path()), QStringList());

        // discard() of an orphan removes all its files.
        QProcess again;
        again.start(QCoreApplication::applicationFilePath(), {kCrashArg, recovery.path()});
        QVERIFY(again.waitForFinished(kTimeoutMs));
        QCOMPARE(ui::Autosave::orphans().size(), 1);
        ui::Autosave::discard(ui::Autosave::orphans().at(0));
        QVERIFY(ui::Autosave::orphans().isEmpty());
        QCOMPARE(filesIn(recovery.path()), QStringList());
    }

    // ------------------------------------------------------------------ 5. unsaved-change prompt
    void closePromptsForUnsavedWork()
    {
        auto *w = new MainWindow;
        QPointer<MainWindow> guard(w);
        w->show();
        ProjectDocument &d = w->projectDocument();
        int asked = 0;
        int answer = QMessageBox::Cancel;
        w->setSavePrompt([&] {
            ++asked;
            return answer;
        });
        QVERIFY(w->maybeSave());   // unmodified: no question
        QCOMPARE(asked, 0);
        QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("PromptX", {5, 5})); }));

        QCloseEvent event;
        QApplication::sendEvent(w, &event);
        QVERIFY(!event.isAccepted());
        QCOMPARE(asked, 1);
        QVERIFY(!w->close());
        QCOMPARE(asked, 2);
        QVERIFY(w->isVisible());
        QVERIFY(d.isModified());

        // Save with a path: the file is written, then the window closes.
        const QString file = path("prompt.ferroscope");
        QString error;
        QVERIFY2(w->saveTo(file, &error), qPrintable(error));
        QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("PromptY", {5, 25})); }));
        answer = QMessageBox::Save;
        QVERIFY(w->close());
        QCOMPARE(asked, 3);
        auto read = core::readDocumentFile(file);
        QVERIFY(read && read->project.model.findSpecies("PromptY"));
        QVERIFY(!d.isModified());

        // Discard closes without writing.
        w->show();
        QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("PromptZ", {5, 45})); }));
        answer = QMessageBox::Discard;
        QVERIFY(w->close());
        QCOMPARE(asked, 4);
        QVERIFY(!w->isVisible());
        read = core::readDocumentFile(file);
        QVERIFY(read && !read->project.model.findSpecies("PromptZ"));
        delete w;
    }

    void newAndOpenReplaceOnlyAfterTheAnswer()
    {
        const QString other = path("other.ferroscope");
        {
            MainWindow source;
            source.document().setGene("GPX4", 0.0);
            QString error;
            QVERIFY2(source.saveTo(other, &error), qPrintable(error));
        }
        auto *w = new MainWindow;
        QPointer<MainWindow> guard(w);
        w->show();
        ProjectDocument &d = w->projectDocument();
        QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("KeepX", {5, 5})); }));
        const DocumentState before = DocumentState::of(d);
        int asked = 0;
        int answer = QMessageBox::Cancel;
        w->setSavePrompt([&] {
            ++asked;
            return answer;
        });

        w->newDocument();
        flushDeletes();
        QCOMPARE(asked, 1);
        QVERIFY(guard && w->isVisible());
        QVERIFY(!replacement(w));
        QVERIFY(DocumentState::of(d) == before);

        QString error;
        QVERIFY(w->openPath(other, &error) == nullptr);
        flushDeletes();
        QCOMPARE(asked, 2);
        QVERIFY(guard && w->isVisible());
        QVERIFY(!replacement(w));
        QVERIFY(DocumentState::of(d) == before);

        answer = QMessageBox::Discard;
        MainWindow *next = w->openPath(other, &error);
        QVERIFY2(next, qPrintable(error));
        QCOMPARE(asked, 3);
        flushDeletes();
        QVERIFY(!guard);   // the old window closed and went
        QPointer<MainWindow> nextGuard(next);
        QCOMPARE(next->projectDocument().path(), other);
        QCOMPARE(next->document().gene("GPX4"), 0.0);
        QVERIFY(!next->projectDocument().isModified());
        QVERIFY(!next->projectDocument().model().project().model.findSpecies("KeepX"));

        // New on an edited document: Discard gives the built-in model in a new window.
        QVERIFY(ui::pushEdit(next->projectDocument().undoStack(), next->projectDocument().model(), "add",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("GoneX", {5, 5})); }));
        int nextAsked = 0;
        next->setSavePrompt([&] {
            ++nextAsked;
            return int(QMessageBox::Discard);
        });
        next->newDocument();
        QCOMPARE(nextAsked, 1);
        flushDeletes();
        QVERIFY(!nextGuard);
        MainWindow *fresh = replacement(nullptr);
        QVERIFY(fresh);
        QVERIFY(fresh->projectDocument().path().isEmpty());
        QCOMPARE(projectJson(fresh->projectDocument().model().project()), projectJson(core::builtinProject()));
        QVERIFY(!fresh->projectDocument().isModified());
        delete fresh;
        QVERIFY(core::readDocumentFile(other));   // Discard never touches the file
    }

    // ------------------------------------------------------------------ 6. SBML from the window
    void sbmlExportRoundTrip()
    {
        MainWindow w;
        ProjectDocument &d = w.projectDocument();
        QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add species",
                             [](Content &c) { return core::edits::addSpecies(c, newSpecies("SbmlX", {200, 60})); }));
        QVERIFY(ui::pushEdit(d.undoStack(), d.model(), "add reaction", [](Content &c) {
            core::edits::NewReaction r;
            r.reactants = {"SbmlX"};   // drains to a steady state: pre-equilibration must settle
            r.products = {"LIP"};
            r.kinetics = core::edits::KineticTemplate::MassAction;
            return core::edits::addReaction(c, r);
        }));
        const core::NodeRef lip{"fig1", core::NodeRef::Kind::Glyph, "LIP"};
        const QPointF lip0 = *d.model().nodePosition(lip);
        d.undoStack().push(new ui::MoveNodesCommand(d.model(), {{lip, {lip0, lip0 + QPointF(-21, 14)}}}));
        w.document().setGene("FPN", 0.0);
        w.document().setInput("DFO", core::InputSetting{true, 50, 1.0, 12.0});
        w.document().setInput("IRR", core::InputSetting{false, 1, 6.0, 6.5});
        w.addCustomPlot({"SbmlX", "LIP"}, "SBML plot");

        const QString file = path("exported.xml");
        QString error;
        QVERIFY2(w.exportSbmlTo(file, &error), qPrintable(error));
        QVERIFY(readBytes(file).contains("<sbml"));
        QVERIFY(d.isModified());   // an export is not a save

        auto opened = ProjectDocument::open(file);
        QVERIFY2(opened, opened ? "" : opened.errorText().c_str());
        ProjectDocument &d2 = **opened;
        QVERIFY(d2.path().isEmpty());   // imported SBML is untitled: Save never overwrites it
        QCOMPARE(modelJson(d2.model().project()), modelJson(d.model().project()));
        QCOMPARE(projectJson(d2.model().project()), projectJson(d.model().project()));
        QVERIFY(layoutDifference(d2.model().layout(), d.model().layout()).isEmpty());
        QCOMPARE(*d2.model().nodePosition(lip), lip0 + QPointF(-21, 14));
        QCOMPARE(d2.scenario().toJson(), w.document().toJson());

        MainWindow w2(std::move(*opened));
        QCOMPARE(w2.document().gene("FPN"), 0.0);
        QVERIFY(w2.document().input("DFO").enabled);
        QCOMPARE(w2.document().input("DFO").end, 12.0);
        // The explorer state came from the file: a restored window is not a fresh one.
        QCOMPARE(w2.document().input("IRR").start, 6.0);
        QCOMPARE(w2.plotSettings().value("custom"), w.plotSettings().value("custom"));
        QString waitError;
        QVERIFY2(ui::waitForLiveResult(w2, kTimeoutMs, &waitError), qPrintable(waitError));
        QVERIFY(w2.lastResult()->indexOf("SbmlX") >= 0);

        // A failed export (no such folder) says why and writes nothing.
        QVERIFY(!w.exportSbmlTo(path("no/such/folder/x.xml"), &error));
        QVERIFY(!error.isEmpty());
    }
};

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], kSaveLoopArg) == 0) return saveLoop(QString::fromLocal8Bit(argv[i + 1]));
        if (qstrcmp(argv[i], kCrashArg) == 0) return autosaveThenCrash(argc, argv, QString::fromLocal8Bit(argv[i + 1]));
    }
    QApplication app(argc, argv);   // as QTEST_MAIN does for a widgets test
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestDocument test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_document.moc"
