// MainWindow: the explorer window (issue #4). It only wires (STYLE.md §8): the ScenarioDocument is
// the single source of truth; the diagram, the interventions panel, the toolbar and the menus call
// its setters; every scenarioChanged() goes straight to the latest-wins SimulationController
// (no debounce: the controller coalesces), whose results go to the TrajectoryPanel; a pinned
// snapshot runs once on a second controller and is drawn as the dashed baseline. The UI thread
// never waits for a simulation. Exports without dialogs are public for tests and the headless
// runner. GUI thread only.
#pragma once

#include "core/model/project.h"
#include "core/scenario/scenario.h"
#include "core/sim/run_result.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QSplitter;
class QToolButton;

namespace ferroscope::core {
class ScenarioDocument;
class SimulationController;
}  // namespace ferroscope::core

namespace ferroscope::ui {

class DiagramWidget;
class EvidencePanel;
class InterventionsPanel;
class RunStatus;
class TrajectoryPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Opens on the built-in model (builtinProject()), pre-equilibrated, default phenotype.
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const core::Project &project, QWidget *parent = nullptr);
    ~MainWindow() override;

    core::ScenarioDocument &document() { return *m_document; }
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

    core::Project m_project;
    std::unique_ptr<core::ScenarioDocument> m_document;
    std::unique_ptr<core::SimulationController> m_controller;
    std::unique_ptr<core::SimulationController> m_baselineController;

    QSplitter *m_splitter = nullptr;
    DiagramWidget *m_diagram = nullptr;
    TrajectoryPanel *m_trajectories = nullptr;
    InterventionsPanel *m_interventions = nullptr;
    EvidencePanel *m_evidence = nullptr;
    QDockWidget *m_interventionsDock = nullptr;
    QDockWidget *m_evidenceDock = nullptr;
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
};

}  // namespace ferroscope::ui
