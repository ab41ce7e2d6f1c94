// The Inspector dock (issue #5): shows the selected element from the model, edits it only through
// undo commands (one step per edit, one per slider drag), refuses invalid input without touching
// the model, and follows the model on undo/redo and deletion. Widgets are found by objectName.
#include "core/io/project_file.h"
#include "core/model/math_io.h"
#include "core/model/model_edits.h"
#include "core/model/pathway_model.h"
#include "ui/commands/content_command.h"
#include "ui/commands/set_parameter_command.h"
#include "ui/panels/inspector_panel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace ferroscope;
using ui::InspectorPanel;

namespace {

std::string lawOf(const core::PathwayModel &model, const std::string &reaction)
{
    const auto *r = model.model().findReaction(reaction);
    return r && r->kineticLaw ? core::toFormula(*r->kineticLaw) : std::string();
}

}  // namespace

class TestInspector : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<core::PathwayModel> m_model;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<InspectorPanel> m_panel;

    template <typename T>
    T *child(const char *name)
    {
        auto *w = m_panel->findChild<T *>(QString::fromLatin1(name));
        if (!w) qFatal("no child %s", name);
        return w;
    }
    bool visible(QWidget *w) const { return w->isVisibleTo(m_panel.get()); }

private slots:
    void init()
    {
        m_model = std::make_unique<core::PathwayModel>(core::builtinProject(), core::DiagramLayout::builtin());
        m_undo = std::make_unique<QUndoStack>();
        m_panel = std::make_unique<InspectorPanel>(*m_model, *m_undo);
        m_panel->resize(320, 900);
        m_panel->show();
    }
    void cleanup()
    {
        m_panel.reset();
        m_undo.reset();
        m_model.reset();
    }

    void startsEmpty()
    {
        QVERIFY(visible(child<QLabel>("inspectorEmptyState")));
        QCOMPARE(m_panel->currentId(), QString());
        m_panel->showElement(QStringLiteral("no_such_id"));
        QVERIFY(visible(child<QLabel>("inspectorEmptyState")));
    }

    void showsSpecies()
    {
        m_panel->showElement(QStringLiteral("TfR1"));
        QCOMPARE(m_panel->currentId(), QStringLiteral("TfR1"));
        QVERIFY(!visible(child<QLabel>("inspectorEmptyState")));
        const auto *s = m_model->model().findSpecies("TfR1");
        QCOMPARE(child<QLineEdit>("inspectorNameEdit")->text(), QString::fromStdString(s->name));
        QCOMPARE(child<QLabel>("inspectorIdField")->text(), QStringLiteral("TfR1"));
        bool ok = false;
        const double shown = child<QLineEdit>("inspectorInitialEdit")->text().toDouble(&ok);
        QVERIFY(ok);
        QVERIFY(std::abs(shown - s->initialConcentration) <= 1e-5 * std::abs(s->initialConcentration));
        QVERIFY(visible(child<QWidget>("inspectorSpeciesReactions")));
        QVERIFY(!visible(child<QWidget>("inspectorFormulaEdit")));
    }

    void renameUndoRedo()
    {
        m_panel->showElement(QStringLiteral("TfR1"));
        const std::string before = m_model->model().findSpecies("TfR1")->name;
        auto *name = child<QLineEdit>("inspectorNameEdit");
        name->setText(QStringLiteral("receptor one"));
        emit name->editingFinished();
        QCOMPARE(m_model->model().findSpecies("TfR1")->name, std::string("receptor one"));
        QCOMPARE(m_undo->count(), 1);
        m_undo->undo();
        QCOMPARE(m_model->model().findSpecies("TfR1")->name, before);
        QCOMPARE(name->text(), QString::fromStdString(before));   // contentReplaced refreshed the field
        m_undo->redo();
        QCOMPARE(m_model->model().findSpecies("TfR1")->name, std::string("receptor one"));
        QCOMPARE(name->text(), QStringLiteral("receptor one"));
        emit name->editingFinished();   // unchanged text: no new step
        QCOMPARE(m_undo->count(), 1);
    }

    void invalidFormula_data()
    {
        QTest::addColumn<QString>("formula");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("creatable");
        QTest::newRow("syntax") << "k_steap3 * (Fe3_endo" << "" << false;
        QTest::newRow("operator") << "k_steap3 * * Fe3_endo" << "" << false;
        QTest::newRow("unknown id") << "k_steap3 * Fe3_endo * zz_unknown" << "zz_unknown" << true;
        QTest::newRow("unknown function") << "nofun(Fe3_endo)" << "nofun" << false;
        QTest::newRow("empty") << "" << "" << false;
    }
    void invalidFormula()
    {
        QFETCH(QString, formula);
        QFETCH(QString, token);
        QFETCH(bool, creatable);
        m_panel->showElement(QStringLiteral("R4"));
        const std::string before = lawOf(*m_model, "R4");
        auto *edit = child<QLineEdit>("inspectorFormulaEdit");
        QCOMPARE(edit->text(), QString::fromStdString(before));
        edit->setText(formula);
        auto *error = child<QLabel>("inspectorFormulaError");
        QVERIFY(visible(error));
        QVERIFY(!error->text().isEmpty());
        if (!token.isEmpty()) QVERIFY2(error->text().contains(token), qPrintable(error->text()));
        QVERIFY(!child<QPushButton>("inspectorFormulaApply")->isEnabled());
        QCOMPARE(visible(child<QPushButton>("inspectorCreateParameters")), creatable);
        QSignalSpy status(m_panel.get(), &InspectorPanel::statusMessage);
        emit edit->returnPressed();   // Enter on an invalid formula: refused, said why
        QCOMPARE(status.count(), 1);
        QCOMPARE(lawOf(*m_model, "R4"), before);
        QCOMPARE(m_undo->count(), 0);
    }

    void validFormulaApplies()
    {
        m_panel->showElement(QStringLiteral("R4"));
        const std::string before = lawOf(*m_model, "R4");
        auto *edit = child<QLineEdit>("inspectorFormulaEdit");
        edit->setText(QStringLiteral("2 * k_steap3 * Fe3_endo"));
        QVERIFY(!visible(child<QLabel>("inspectorFormulaError")));
        auto *apply = child<QPushButton>("inspectorFormulaApply");
        QVERIFY(apply->isEnabled());
        apply->click();
        QCOMPARE(lawOf(*m_model, "R4"), core::toFormula(*core::parseFormula("2 * k_steap3 * Fe3_endo")));
        QCOMPARE(m_undo->count(), 1);
        QVERIFY(!apply->isEnabled());
        m_undo->undo();
        QCOMPARE(lawOf(*m_model, "R4"), before);
        QCOMPARE(edit->text(), QString::fromStdString(before));
        m_undo->redo();
        QVERIFY(lawOf(*m_model, "R4") != before);
    }

    void createParameterIsOneStep()
    {
        m_panel->showElement(QStringLiteral("R4"));
        const std::string before = lawOf(*m_model, "R4");
        const auto parameters = m_model->model().parameters.size();
        child<QLineEdit>("inspectorFormulaEdit")->setText(QStringLiteral("k_steap3 * Fe3_endo / k_new"));
        auto *create = child<QPushButton>("inspectorCreateParameters");
        QVERIFY(visible(create));
        QVERIFY(create->text().contains(QStringLiteral("k_new")));
        create->click();
        QCOMPARE(m_undo->count(), 1);
        QVERIFY(m_model->model().findParameter("k_new"));
        QCOMPARE(m_model->parameterValue("k_new"), 1.0);
        QVERIFY(lawOf(*m_model, "R4").find("k_new") != std::string::npos);
        // the new parameter shows up in the law's table
        auto *table = child<QTableWidget>("inspectorParameterTable");
        QVERIFY(!table->findItems(QStringLiteral("k_new"), Qt::MatchExactly).isEmpty());
        m_undo->undo();
        QVERIFY(!m_model->model().findParameter("k_new"));
        QCOMPARE(m_model->model().parameters.size(), parameters);
        QCOMPARE(lawOf(*m_model, "R4"), before);
    }

    void sliderDragIsOneStep_data()
    {
        QTest::addColumn<QString>("show");
        QTest::addColumn<QString>("slider");
        QTest::addColumn<QString>("valueEdit");
        QTest::newRow("parameter") << "k_steap3" << "inspectorParameterValueSlider" << "inspectorParameterValueEdit";
        QTest::newRow("law table") << "R4" << "inspectorLawParameterSlider" << "inspectorLawParameterEdit";
    }
    void sliderDragIsOneStep()
    {
        QFETCH(QString, show);
        QFETCH(QString, slider);
        QFETCH(QString, valueEdit);
        m_panel->showElement(show);
        const double before = m_model->parameterValue("k_steap3");
        QVERIFY(before > 0);
        auto *s = m_panel->findChild<QSlider *>(slider);
        QVERIFY(s && s->isEnabled());
        const int start = s->value();
        emit s->sliderPressed();
        for (int step = 1; step <= 5; ++step) s->setValue(start + 10 * step);   // +0.5 decade in all
        emit s->sliderReleased();
        QCOMPARE(m_undo->count(), 1);
        const double after = m_model->parameterValue("k_steap3");
        QVERIFY2(std::abs(after / before - std::pow(10.0, 0.5)) < 0.02, qPrintable(QString::number(after)));
        QCOMPARE(m_panel->findChild<QLineEdit *>(valueEdit)->text().toDouble(), after);
        // a second drag is a second step; undo goes back one drag at a time
        emit s->sliderPressed();
        s->setValue(s->value() - 20);
        s->setValue(s->value() - 20);
        emit s->sliderReleased();
        QCOMPARE(m_undo->count(), 2);
        m_undo->undo();
        QCOMPARE(m_model->parameterValue("k_steap3"), after);
        m_undo->undo();
        QCOMPARE(m_model->parameterValue("k_steap3"), before);
        QCOMPARE(m_panel->findChild<QLineEdit *>(valueEdit)->text().toDouble(), before);
    }

    void typedParameterValue()
    {
        m_panel->showElement(QStringLiteral("k_steap3"));
        auto *edit = child<QLineEdit>("inspectorParameterValueEdit");
        edit->setText(QStringLiteral("2.5e-2"));
        emit edit->editingFinished();
        QCOMPARE(m_model->parameterValue("k_steap3"), 0.025);
        QCOMPARE(m_undo->count(), 1);
        m_undo->undo();   // parameterChanged refreshes the field
        QCOMPARE(edit->text().toDouble(), m_model->parameterValue("k_steap3"));
    }

    void refusesBadValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("nan") << "nan";
        QTest::newRow("negative") << "-1";
        QTest::newRow("text") << "abc";
        QTest::newRow("infinite") << "inf";
        QTest::newRow("empty") << "";
    }
    void refusesBadValues()
    {
        QFETCH(QString, text);
        QSignalSpy status(m_panel.get(), &InspectorPanel::statusMessage);
        // parameter value field
        m_panel->showElement(QStringLiteral("k_steap3"));
        const double parameter = m_model->parameterValue("k_steap3");
        auto *edit = child<QLineEdit>("inspectorParameterValueEdit");
        edit->setText(text);
        emit edit->editingFinished();
        QCOMPARE(m_model->parameterValue("k_steap3"), parameter);
        QVERIFY(visible(child<QLabel>("inspectorParameterValueMessage")));
        QCOMPARE(edit->text().toDouble(), parameter);   // the field shows the model again
        // species initial concentration
        m_panel->showElement(QStringLiteral("TfR1"));
        const double initial = m_model->model().findSpecies("TfR1")->initialConcentration;
        auto *initialEdit = child<QLineEdit>("inspectorInitialEdit");
        initialEdit->setText(text);
        emit initialEdit->editingFinished();
        QCOMPARE(m_model->model().findSpecies("TfR1")->initialConcentration, initial);
        QVERIFY(visible(child<QLabel>("inspectorInitialMessage")));
        // a value cell of the law's table: refused and reverted
        m_panel->showElement(QStringLiteral("R4"));
        auto *table = child<QTableWidget>("inspectorParameterTable");
        const auto items = table->findItems(QStringLiteral("k_steap3"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QTableWidgetItem *cell = table->item(items.front()->row(), 1);
        cell->setText(text);
        QCOMPARE(m_model->parameterValue("k_steap3"), parameter);
        QCOMPARE(cell->text().toDouble(), parameter);
        QVERIFY(visible(child<QLabel>("inspectorParameterTableMessage")));
        QCOMPARE(m_undo->count(), 0);
        QCOMPARE(status.count(), 3);
    }

    void tableCellEdit()
    {
        m_panel->showElement(QStringLiteral("R4"));
        auto *table = child<QTableWidget>("inspectorParameterTable");
        const auto items = table->findItems(QStringLiteral("k_steap3"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        table->item(items.front()->row(), 1)->setText(QStringLiteral("3"));
        QCOMPARE(m_model->parameterValue("k_steap3"), 3.0);
        QCOMPARE(m_undo->count(), 1);
    }

    void speciesInitialUndo()
    {
        m_panel->showElement(QStringLiteral("LIP"));
        const double before = m_model->model().findSpecies("LIP")->initialConcentration;
        auto *edit = child<QLineEdit>("inspectorInitialEdit");
        edit->setText(QStringLiteral("4.5"));
        emit edit->editingFinished();
        QCOMPARE(m_model->model().findSpecies("LIP")->initialConcentration, 4.5);
        m_undo->undo();
        QCOMPARE(m_model->model().findSpecies("LIP")->initialConcentration, before);
        QCOMPARE(edit->text().toDouble(), before);
    }

    void evidenceEdit()
    {
        m_panel->showElement(QStringLiteral("k_steap3"));
        auto *units = child<QLineEdit>("inspectorUnitsEdit");
        units->setText(QStringLiteral("/min"));
        emit units->returnPressed();
        QCOMPARE(m_model->model().findParameter("k_steap3")->evidence.units, std::string("/min"));
        QCOMPARE(m_undo->count(), 1);
        m_undo->undo();
        QVERIFY(units->text() != QStringLiteral("/min"));
    }

    void deletedElementShowsEmptyState()
    {
        m_panel->showElement(QStringLiteral("R4"));
        QSignalSpy requested(m_panel.get(), &InspectorPanel::deleteRequested);
        child<QPushButton>("inspectorDeleteButton")->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.front().front().toStringList(), QStringList{QStringLiteral("R4")});
        const auto plan = core::edits::planDeletion(m_model->project(), {"R4"});
        QVERIFY(ui::pushEdit(*m_undo, *m_model, QStringLiteral("Delete"),
                             [&](core::edits::Content &c) { return core::edits::applyDeletion(c, plan); }));
        QVERIFY(visible(child<QLabel>("inspectorEmptyState")));
        QCOMPARE(m_panel->currentId(), QString());
        m_panel->showElement(QStringLiteral("R4"));
        QVERIFY(visible(child<QLabel>("inspectorEmptyState")));
    }

    void removeModifier()
    {
        QSignalSpy status(m_panel.get(), &InspectorPanel::statusMessage);
        m_panel->showElement(QStringLiteral("R3"));   // the law uses CD133: refused, said why
        child<QPushButton>("inspectorRemoveModifier_CD133")->click();
        QCOMPARE(status.count(), 1);
        QCOMPARE(m_undo->count(), 0);
        m_panel->showElement(QStringLiteral("R1"));   // IRP1 acts through a rule only: removable
        child<QPushButton>("inspectorRemoveModifier_IRP1")->click();
        QCOMPARE(m_undo->count(), 1);
        const auto &mods = m_model->model().findReaction("R1")->modifiers;
        QVERIFY(std::find(mods.begin(), mods.end(), "IRP1") == mods.end());
        QTRY_VERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("inspectorRemoveModifier_IRP1")));
        m_undo->undo();
        QTRY_VERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("inspectorRemoveModifier_IRP1")));
    }

    void keepsTypingAcrossRefresh()
    {
        m_panel->showElement(QStringLiteral("R4"));
        auto *edit = child<QLineEdit>("inspectorFormulaEdit");
        m_panel->activateWindow();
        edit->setFocus();
        if (!QTest::qWaitFor([&] { return edit->hasFocus(); }, 500)) QSKIP("no keyboard focus on this platform");
        edit->end(false);
        QTest::keyClicks(edit, QStringLiteral(" * 2"));
        const QString typed = edit->text();
        QVERIFY(typed.endsWith(QStringLiteral(" * 2")));
        m_undo->push(new ui::SetParameterCommand(*m_model, "k_steap3", 7.0));   // parameterChanged
        QCOMPARE(edit->text(), typed);
        m_undo->undo();   // and a structural refresh
        auto plan = core::edits::planDeletion(m_model->project(), {"R6"});
        QVERIFY(ui::pushEdit(*m_undo, *m_model, QStringLiteral("Delete"),
                             [&](core::edits::Content &c) { return core::edits::applyDeletion(c, plan); }));
        QCOMPARE(edit->text(), typed);
        QCOMPARE(m_panel->currentId(), QStringLiteral("R4"));
    }

    void clickingAReactionShowsIt()
    {
        m_panel->showElement(QStringLiteral("Fe3_endo"));
        auto *list = child<QListWidget>("inspectorSpeciesReactions");
        QVERIFY(list->count() >= 2);
        emit list->itemClicked(list->item(0));
        QVERIFY(m_model->model().findReaction(m_panel->currentId().toStdString()));
    }

    // Renders the panel for a visual check when FERROSCOPE_INSPECTOR_SHOTS names a folder.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("FERROSCOPE_INSPECTOR_SHOTS");
        if (dir.isEmpty()) QSKIP("set FERROSCOPE_INSPECTOR_SHOTS to a folder to render screenshots");
        m_panel->resize(320, 1000);
        const auto shot = [&](const char *file) {
            QTest::qWait(50);   // queued shows and layout requests, as the event loop would run them
            return m_panel->grab().save(QDir(dir).filePath(QString::fromLatin1(file)));
        };
        m_panel->showElement(QStringLiteral("TfR1"));
        QVERIFY(shot("inspector_species.png"));
        m_panel->showElement(QStringLiteral("R3"));
        child<QLineEdit>("inspectorFormulaEdit")->setText(QStringLiteral("n_Fe*k_cyc*TfR1*f_Tf*(1 - f_ab) / K_new"));
        QVERIFY(shot("inspector_reaction_invalid.png"));
        child<QLineEdit>("inspectorFormulaEdit")->setText(QStringLiteral("k_steap3 * (Fe3_endo"));
        QVERIFY(shot("inspector_reaction_syntax.png"));
        m_panel->showElement(QStringLiteral("k_steap3"));
        QVERIFY(shot("inspector_parameter.png"));
        m_panel->showElement(QStringLiteral("CYT"));
        QVERIFY(shot("inspector_compartment.png"));
        m_panel->showElement({});
        QVERIFY(shot("inspector_empty.png"));
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
