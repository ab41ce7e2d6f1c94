// MainWindow, editing: the inspector and undo-history docks, the diagram editor, the Edit menu,
// and the model -> simulation wiring (every edit re-simulates through the same live path).
#include "ui/main_window.h"

#include "core/model/pathway_model.h"
#include "core/scenario/scenario_document.h"
#include "core/sim/simulation_controller.h"
#include "ui/analysis/analysis_window.h"
#include "ui/diagram/diagram_editor.h"
#include "ui/diagram/diagram_widget.h"
#include "ui/document/project_document.h"
#include "ui/panels/inspector_panel.h"
#include "ui/panels/run_status.h"
#include "ui/plots/trajectory_panel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <QUndoStack>
#include <QUndoView>

namespace ferroscope::ui {

void MainWindow::buildEditing()
{
    QUndoStack &undo = m_doc->undoStack();
    m_inspector = new InspectorPanel(m_doc->model(), undo, this);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_inspector);
    m_inspector->setMinimumWidth(320);   // formula field and parameter table stay readable
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    tabifyDockWidget(m_evidenceDock, m_inspectorDock);
    m_evidenceDock->raise();

    auto *history = new QUndoView(&undo, this);
    history->setEmptyLabel(tr("<opened>"));
    history->setToolTip(tr("Every edit of this document; click a line to go back to it"));
    m_historyDock = new QDockWidget(tr("Edit history"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();

    m_editor = new DiagramEditor(m_doc->model(), undo, this);
    connect(m_diagram, &DiagramWidget::addSpeciesRequested, m_editor, &DiagramEditor::addSpecies);
    connect(m_diagram, &DiagramWidget::addReactionRequested, m_editor, &DiagramEditor::addReaction);
    connect(m_diagram, &DiagramWidget::addRegulationRequested, m_editor, &DiagramEditor::addRegulation);
    connect(m_diagram, &DiagramWidget::deleteRequested, m_editor, &DiagramEditor::deleteElements);
    connect(m_diagram, &DiagramWidget::renameRequested, m_editor, &DiagramEditor::rename);
    connect(m_diagram, &DiagramWidget::colourRequested, m_editor, &DiagramEditor::recolour);
    connect(m_diagram, &DiagramWidget::nodesMoved, m_editor, &DiagramEditor::moveNodes);
    connect(m_diagram, &DiagramWidget::toolMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });
    connect(m_editor, &DiagramEditor::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_editor, &DiagramEditor::created, this, [this](const QString &id) {
        m_inspector->showElement(id);
        m_inspectorDock->show();
        m_inspectorDock->raise();
    });
    connect(m_diagram, &DiagramWidget::elementSelected, this, [this](const QString &id) {
        if (id.isEmpty()) return;
        m_inspector->showElement(id);
        if (m_diagram->tool() != EditTool::Explore) {
            m_inspectorDock->show();
            m_inspectorDock->raise();
        }
    });
    connect(m_inspector, &InspectorPanel::deleteRequested, m_editor, &DiagramEditor::deleteElements);
    connect(m_inspector, &InspectorPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });
}

void MainWindow::buildEditMenu(QMenu *edit)
{
    QUndoStack &undo = m_doc->undoStack();
    QAction *undoAction = undo.createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction *redoAction = undo.createRedoAction(this, tr("&Redo"));
    redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(QStringLiteral("Ctrl+Shift+Z"))});
    edit->addAction(undoAction);
    edit->addAction(redoAction);
    edit->addAction(m_historyDock->toggleViewAction());
    edit->addSeparator();
    QMenu *tools = edit->addMenu(tr("Diagram tool"));
    tools->addActions(m_diagram->toolActions());
    edit->addAction(m_diagram->deleteAction());
    QMenu *align = edit->addMenu(tr("Align"));
    align->addActions(m_diagram->alignActions());
    edit->addAction(m_diagram->snapAction());
}

void MainWindow::wireModel()
{
    core::PathwayModel &model = m_doc->model();
    connect(&model, &core::PathwayModel::modelChanged, this, &MainWindow::modelEdited);
    connect(m_doc.get(), &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc.get(), &ProjectDocument::pathChanged, this, &MainWindow::updateTitle);
}

void MainWindow::modelEdited()
{
    // The edited model runs on the same live path: the controllers recompile it on their worker
    // threads, the plots learn new names/units, and the current scenario runs again.
    const auto edited = std::make_shared<const core::Project>(m_project);   // one copy for both workers
    m_controller->setProject(edited);
    m_baselineController->setProject(edited);
    m_trajectories->setProject(m_project);
    if (m_analysisWindow && m_analysisWindow->isVisible())   // it keeps its runs; reopening uses the edit
        statusBar()->showMessage(tr("The Analyses window still uses the model as it was; close and reopen it "
                                    "(Ctrl+Shift+A) to analyse the edited model."), 10000);
    runCurrentScenario();
    if (m_document->activeBaseline() >= 0) runBaseline();
}

}  // namespace ferroscope::ui
