// MainWindow: the window of one open document (issues #4, #5). It only wires (STYLE.md §8): the
// ProjectDocument owns the PathwayModel (model + diagram, the single source of truth), the
// ScenarioDocument (interventions) and the undo stack. The diagram, inspector, interventions panel,
// toolbar and menus call the document; every model edit or scenario change goes straight to the
// latest-wins SimulationController (it coalesces; an edited model is recompiled on its worker
// thread), whose results go to the TrajectoryPanel; a pinned snapshot runs on a second controller
// as the dashed baseline. The UI thread never waits for a simulation. File handling (New, Open,
// Save, recent files, autosave and crash recovery, SBML import/export) is in main_window_file.cpp;
// opening a document opens a new window and closes this one. Exports without dialogs are public
// for tests and the headless runner. GUI thread only.
#pragma once

#include "core/model/project.h"
#include "core/scenario/scenario.h"
#include "core/sim/run_result.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QString>

#include <QJsonObject>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QUndoStack;
class QDockWidget;
class QMenu;
class QSplitter;
class QToolButton;

namespace ferroscope::core {
class ScenarioDocument;
class SimulationController;
}  // namespace ferroscope::core

namespace ferroscope::ui {

class Autosave;
class DiagramEditor;
class DiagramWidget;
class EvidencePanel;
class InspectorPanel;
class ProjectDocument;
class InterventionsPanel;
class RunStatus;
class TrajectoryPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Opens on the built-in model (builtinProject()), pre-equilibrated, default phenotype.
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const core::Project &project, QWidget *parent = nullptr);
    explicit MainWindow(std::unique_ptr<ProjectDocument> document, QWidget *parent = nullptr);
    ~MainWindow() override;

    core::ScenarioDocument &document() { return *m_document; }
    ProjectDocument &projectDocument() { return *m_doc; }
    QUndoStack &undoStack();
    InspectorPanel *inspectorPanel() const { return m_inspector; }
    DiagramEditor *diagramEditor() const { return m_editor; }
    Autosave *autosave() const { return m_autosave.get(); }

    // ---- documents (main_window_file.cpp); the *To/*From variants take no dialogs (tests)
    /// Saves to the document's file (Save As when untitled); false if cancelled or failed.
    bool save();
    bool saveAs();
    bool saveTo(const QString &path, QString *error = nullptr);
    /// Opens a file in a new window that replaces this one (asks first about unsaved changes).
    void openFile();
    MainWindow *openPath(const QString &path, QString *error = nullptr);
    void newDocument();
    bool exportSbmlTo(const QString &path, QString *error = nullptr);
    /// Saved-state of the plot panels (the document's "plots" section).
    QJsonObject plotSettings() const;
    void applyPlotSettings(const QJsonObject &plots);
    /// Asks Save/Discard/Cancel when there are unsaved changes; true = go ahead.
    bool maybeSave();
    /// Replaces the question of maybeSave (tests): returns QMessageBox::Save/Discard/Cancel.
    void setSavePrompt(std::function<int()> prompt) { m_savePrompt = std::move(prompt); }
    /// At start-up: offers the recovery files of sessions that did not end cleanly; returns the
    /// window to show (a recovered document's, or `current`).
    static MainWindow *offerRecovery(MainWindow *current);
    static QStringList recentFiles();
    InterventionsPanel *interventionsPanel() const { return m_interventions; }
    TrajectoryPanel *trajectoryPanel() const { return m_trajectories; }
    DiagramWidget *diagramWidget() const { return m_diagram; }
    EvidencePanel *evidencePanel() const { return m_evidence; }
    QSplitter *splitter() const { return m_splitter; }
    QDockWidget *interventionsDock() const { return m_interventionsDock; }
    QDockWidget *evidenceDock() const { return m_evidenceDock; }

    // ---- live loop state (tests, benchmark)
    /// The last result handed to the plots (nullptr before the first one).
    core::RunResultPtr lastResult() const { return m_lastResult; }
    core::RunResultPtr lastBaseline() const { return m_lastBaseline; }
    std::uint64_t requestedGeneration() const { return m_requested; }
    bool simulationBusy() const;
    /// The status line as text: summary | stale: … | run … ms.
    QString statusText() const;
    /// Sends any scenarios through the live controller (the document path uses this too).
    std::uint64_t requestRun(const std::vector<core::Scenario> &scenarios, const QString &summary);
    /// The scenarios the document asks for now: both phenotypes in compare mode, else one.
    std::vector<core::Scenario> currentScenarios() const;

    // ---- exports without dialogs (format from the extension); false + *error on failure
    bool exportPlots(const QString &path, QString *error = nullptr);      // .png (2×) .svg .pdf
    bool exportDiagram(const QString &path, QString *error = nullptr);    // .png (2×) .svg .pdf
    bool exportSlide(const QString &path, QString *error = nullptr);      // 16:9, 1920×1080
    bool exportCsv(const QString &path, QString *error = nullptr);
    /// Adds a plot panel of any species/readouts (View > Plot panels > New plot…); shown at once.
    void addCustomPlot(const QStringList &ids, const QString &title);

    // ---- settings (QSettings "Ferroscope"/"Ferroscope"): window geometry and dock state, splitter,
    // shown plot panels, diagram tab. main() restores them; closing the window saves them.
    void saveSettings() const;
    /// True if a saved window geometry was restored (else the window keeps its first-run layout).
    bool restoreSettings();

public slots:
    void runCurrentScenario();
    void pinSnapshot();
    void fitDiagram();

signals:
    /// A live result was handed to the plots (setResult done, replot queued).
    void resultShown(ferroscope::core::RunResultPtr result);
    /// The plots' queued replot of that result has run (emitted from the event queue right
    /// after it); only the widget's paint of the redrawn buffer may still be pending.
    void resultPlotted(ferroscope::core::RunResultPtr result);
    /// A run failed; the plots keep the last good curves, marked stale.
    void runFailedShown(const QString &message);
    void baselineShown(ferroscope::core::RunResultPtr baseline);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildCentre();
    void buildEditing();
    void buildFileMenu(QMenu *file);
    void buildEditMenu(QMenu *edit);
    void wireModel();
    void modelEdited();
    void updateTitle();
    void rebuildRecentMenu();
    void addRecentFile(const QString &path);
    MainWindow *replaceWith(std::unique_ptr<ProjectDocument> document);
    void buildDocks();
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void wireDocument();
    void applyInitialDefaults();
    void applyDefaultLayout();

    void showResult(core::RunResultPtr result);
    void showFailure(quint64 generation, const QString &message);
    void runBaseline();
    void showBaseline(core::RunResultPtr result);
    void rebuildBaselineMenu();
    void rebuildPanelsMenu();
    void syncActions();
    void showEvidence(const QString &id);

    void exportWithDialog(const QString &what, const QString &filters,
                          bool (MainWindow::*exporter)(const QString &, QString *));
    QString lastExportDir() const;
    std::vector<core::Scenario> scenariosFor(const core::Scenario &base, bool compare) const;
    QString slideTitle() const;

    std::unique_ptr<ProjectDocument> m_doc;
    const core::Project &m_project;          // the document's (edits change it in place)
    core::ScenarioDocument *m_document;      // the document's
    std::unique_ptr<core::SimulationController> m_controller;
    std::unique_ptr<core::SimulationController> m_baselineController;

    QSplitter *m_splitter = nullptr;
    DiagramWidget *m_diagram = nullptr;
    TrajectoryPanel *m_trajectories = nullptr;
    InterventionsPanel *m_interventions = nullptr;
    EvidencePanel *m_evidence = nullptr;
    QDockWidget *m_interventionsDock = nullptr;
    QDockWidget *m_evidenceDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    InspectorPanel *m_inspector = nullptr;
    DiagramEditor *m_editor = nullptr;
    std::unique_ptr<Autosave> m_autosave;
    std::function<int()> m_savePrompt;
    QMenu *m_recentMenu = nullptr;
    RunStatus *m_status = nullptr;

    QActionGroup *m_phenotypeGroup = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_pinAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_exportSlideAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_quitAction = nullptr;
    std::vector<QAction *> m_presetActions;
    std::vector<QAction *> m_exportActions;
    QMenu *m_presetMenu = nullptr;
    QMenu *m_baselineMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;

    core::RunResultPtr m_lastResult, m_lastBaseline;
    std::uint64_t m_requested = 0;
    std::uint64_t m_baselineRequested = 0;
    QString m_baselineName;
    QElapsedTimer m_sinceRequest;
    bool m_fittedOnce = false;
    class AnalysisWindow *m_analysisWindow = nullptr;   // Scenario > Analyses… (non-modal)
    std::uint64_t m_analysisRevision = 0;                // model revision it was made for
};

}  // namespace ferroscope::ui
