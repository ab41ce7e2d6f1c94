#include "ui/main_window.h"

#include "ui/analysis/analysis_window.h"

#include "ui/panels/custom_plot_dialog.h"

#include "core/io/project_file.h"
#include "core/scenario/scenario_document.h"
#include "core/sim/simulation_controller.h"
#include "ui/diagram/diagram_widget.h"
#include "ui/document/autosave.h"
#include "ui/document/project_document.h"
#include "ui/panels/inspector_panel.h"
#include "ui/evidence/evidence_card.h"
#include "ui/export/export_file.h"
#include "ui/export/slide_exporter.h"
#include "ui/panels/evidence_panel.h"
#include "ui/panels/help_dialogs.h"
#include "ui/panels/interventions_panel.h"
#include "ui/panels/run_status.h"
#include "ui/plots/trajectory_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

namespace {

constexpr int kStateVersion = 1;   // bump when docks/toolbars change: old saved states are ignored
constexpr double kLightStartH = 4.0;              // PDT: irradiate 4 h after 5-ALA (MODEL.md §6.2)
constexpr double kLightDurationH = 10.0 / 60.0;   // 10 min
constexpr int kDiagramExportWidth = 1920;

QSettings settings() { return QSettings(QStringLiteral("Ferroscope"), QStringLiteral("Ferroscope")); }

QString phenotypeLabel(const QString &id) { return id == QLatin1String("nonCSC") ? QObject::tr("non-CSC") : id; }

/// Empties a menu whose own action may be the one being triggered right now: deleting it inside
/// its triggered() would pull the object out from under QAction::activate.
void clearMenuLater(QMenu *menu)
{
    for (QAction *a : menu->actions()) {
        menu->removeAction(a);
        if (a->parent() == menu) a->deleteLater();
    }
    for (QActionGroup *g : menu->findChildren<QActionGroup *>(Qt::FindDirectChildrenOnly)) g->deleteLater();
}

}  // namespace

MainWindow::MainWindow(QWidget *parent) : MainWindow(ProjectDocument::builtin(), parent) {}

MainWindow::MainWindow(const core::Project &project, QWidget *parent)
    : MainWindow(std::make_unique<ProjectDocument>(core::DocumentFile{project, std::nullopt, {}, {}}), parent)
{
}

MainWindow::MainWindow(std::unique_ptr<ProjectDocument> document, QWidget *parent)
    : QMainWindow(parent), m_doc(std::move(document)), m_project(m_doc->model().project()),
      m_document(&m_doc->scenario()),
      m_controller(std::make_unique<core::SimulationController>(m_project)),
      m_baselineController(std::make_unique<core::SimulationController>(m_project))
{
    setObjectName(QStringLiteral("ferroscopeMainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/ferroscope.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    if (!m_doc->hadSavedExplorer()) applyInitialDefaults();
    m_doc->resetScenarioBaseline();   // the opening state is not an undoable step
    buildCentre();
    buildDocks();
    buildEditing();
    buildActions();
    buildMenus();
    buildToolBar();
    m_status = new RunStatus(this);
    statusBar()->addWidget(m_status, 1);
    wireDocument();
    wireModel();
    syncActions();
    applyDefaultLayout();
    if (!m_doc->savedPlots().isEmpty()) applyPlotSettings(m_doc->savedPlots());
    updateTitle();
    if (!m_doc->restoreNotes().isEmpty())
        statusBar()->showMessage(tr("Opened with notes: %1").arg(m_doc->restoreNotes().join(QStringLiteral("; "))), 20000);
    runCurrentScenario();
    if (m_document->activeBaseline() >= 0) runBaseline();
}

MainWindow::~MainWindow()
{
    m_autosave.reset();                 // a clean end: no recovery file left behind
    delete m_analysisWindow;
    m_analysisWindow = nullptr;
    delete m_diagram;                   // the scenes observe the model: go before the document
    m_diagram = nullptr;
    delete m_inspector;
    m_inspector = nullptr;
}

QUndoStack &MainWindow::undoStack() { return m_doc->undoStack(); }

void MainWindow::applyInitialDefaults()
{
    // The light is a short PDT pulse 4 h after 5-ALA, not on for the whole run.
    if (m_project.findInput("IRR")) {
        core::InputSetting light = m_document->input(QStringLiteral("IRR"));
        light.start = kLightStartH;
        light.end = kLightStartH + kLightDurationH;
        m_document->setInput(QStringLiteral("IRR"), light);
    }
}

void MainWindow::buildCentre()
{
    m_diagram = new DiagramWidget(*m_document, m_doc->model(), this);
    m_trajectories = new TrajectoryPanel(m_project, this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("centralSplitter"));
    m_splitter->addWidget(m_diagram);
    m_splitter->addWidget(m_trajectories);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);
}

void MainWindow::buildDocks()
{
    m_interventions = new InterventionsPanel(*m_document, this);
    m_interventionsDock = new QDockWidget(tr("Interventions"), this);
    m_interventionsDock->setObjectName(QStringLiteral("interventionsDock"));
    m_interventionsDock->setWidget(m_interventions);
    addDockWidget(Qt::LeftDockWidgetArea, m_interventionsDock);

    m_evidence = new EvidencePanel(m_project, this);
    m_evidenceDock = new QDockWidget(tr("Evidence"), this);
    m_evidenceDock->setObjectName(QStringLiteral("evidenceDock"));
    m_evidenceDock->setWidget(m_evidence);
    addDockWidget(Qt::RightDockWidgetArea, m_evidenceDock);
}

void MainWindow::buildActions()
{
    m_phenotypeGroup = new QActionGroup(this);
    m_phenotypeGroup->setExclusive(true);
    int n = 0;
    for (const auto &p : m_project.phenotypes) {
        const QString id = QString::fromStdString(p.id);
        QAction *a = m_phenotypeGroup->addAction(phenotypeLabel(id));
        a->setCheckable(true);
        a->setData(id);
        a->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(++n)));
        a->setToolTip(tr("Simulate %1 (%2)").arg(QString::fromStdString(p.name), a->shortcut().toString()));
        connect(a, &QAction::triggered, this, [this, id] { m_document->setPhenotype(id); });
    }
    m_compareAction = new QAction(tr("Compare CSC vs non-CSC"), this);
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+K")));
    m_compareAction->setToolTip(tr("Run both phenotypes side by side (Ctrl+K)"));
    m_compareAction->setEnabled(m_project.phenotypes.size() > 1);
    connect(m_compareAction, &QAction::toggled, m_document, &core::ScenarioDocument::setCompare);

    for (const auto &t : m_project.therapies) {
        const QString id = QString::fromStdString(t.id);
        auto *a = new QAction(QString::fromStdString(t.name.empty() ? t.id : t.name), this);
        a->setData(id);
        a->setStatusTip(QString::fromStdString(t.evidence.explanation).left(200));
        connect(a, &QAction::triggered, this, [this, id] {
            m_document->applyTherapy(id);
            showEvidence(id);
        });
        m_presetActions.push_back(a);
    }

    m_pinAction = new QAction(tr("Pin snapshot"), this);
    m_pinAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+B")));
    m_pinAction->setToolTip(tr("Keep the current scenario as a dashed baseline (Ctrl+B)"));
    connect(m_pinAction, &QAction::triggered, this, &MainWindow::pinSnapshot);

    m_fitAction = new QAction(tr("Fit diagram"), this);
    m_fitAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+0")));
    m_fitAction->setToolTip(tr("Fit the diagram to its panel (Ctrl+0)"));
    connect(m_fitAction, &QAction::triggered, this, &MainWindow::fitDiagram);
    m_zoomInAction = new QAction(tr("Zoom in"), this);
    m_zoomInAction->setShortcuts({QKeySequence(QStringLiteral("Ctrl+=")), QKeySequence::ZoomIn});
    connect(m_zoomInAction, &QAction::triggered, m_diagram, &DiagramWidget::zoomIn);
    m_zoomOutAction = new QAction(tr("Zoom out"), this);
    m_zoomOutAction->setShortcuts({QKeySequence(QStringLiteral("Ctrl+-")), QKeySequence::ZoomOut});
    connect(m_zoomOutAction, &QAction::triggered, m_diagram, &DiagramWidget::zoomOut);

    m_resetAction = new QAction(tr("Reset interventions"), this);
    m_resetAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    connect(m_resetAction, &QAction::triggered, m_document, &core::ScenarioDocument::resetInterventions);

    m_exportSlideAction = new QAction(tr("Export slide (16:9)…"), this);
    m_exportSlideAction->setToolTip(tr("One 1920×1080 slide: diagram, two plots and a caption"));
    connect(m_exportSlideAction, &QAction::triggered, this, [this] {
        exportWithDialog(tr("Export slide (16:9)"),
                         tr("PNG image, 3840×2160 (*.png);;PDF (*.pdf);;SVG (*.svg)"), &MainWindow::exportSlide);
    });
    m_quitAction = new QAction(tr("Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildMenus()
{
    const QString images = tr("PNG image, 2× (*.png);;SVG (*.svg);;PDF (*.pdf)");
    QMenu *file = menuBar()->addMenu(tr("&File"));
    buildFileMenu(file);
    file->addAction(tr("Export plots…"), this,
                    [this, images] { exportWithDialog(tr("Export plots"), images, &MainWindow::exportPlots); });
    file->addAction(tr("Export diagram…"), this,
                    [this, images] { exportWithDialog(tr("Export diagram"), images, &MainWindow::exportDiagram); });
    file->addAction(m_exportSlideAction);
    file->addAction(tr("Export trajectories (CSV)…"), this, [this] {
        exportWithDialog(tr("Export trajectories"), tr("CSV table (*.csv)"), &MainWindow::exportCsv);
    });
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    buildEditMenu(edit);
    edit->addSeparator();
    edit->addAction(m_resetAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_fitAction);
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(tr("Plot panels"));
    rebuildPanelsMenu();
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_interventionsDock->toggleViewAction());
    m_viewMenu->addAction(m_evidenceDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_historyDock->toggleViewAction());

    QMenu *scenario = menuBar()->addMenu(tr("&Scenario"));
    scenario->addActions(m_phenotypeGroup->actions());
    scenario->addAction(m_compareAction);
    scenario->addSeparator();
    m_presetMenu = scenario->addMenu(tr("Therapy presets"));
    m_presetMenu->setToolTipsVisible(true);
    for (QAction *a : m_presetActions) {
        a->setToolTip(evidenceHtml(m_project, a->data().toString()));
        m_presetMenu->addAction(a);
    }
    scenario->addSeparator();
    scenario->addAction(m_pinAction);
    m_baselineMenu = scenario->addMenu(tr("Baselines"));
    rebuildBaselineMenu();
    scenario->addSeparator();
    scenario->addAction(tr("Analyses…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this, [this] {
        if (m_analysisWindow && m_analysisRevision != m_doc->model().revision() && !m_analysisWindow->isVisible()) {
            delete m_analysisWindow;   // made for a model that has been edited since
            m_analysisWindow = nullptr;
        }
        if (!m_analysisWindow) {
            m_analysisWindow = new AnalysisWindow(m_project, m_document->scenario(), this);
            m_analysisRevision = m_doc->model().revision();
        } else {
            m_analysisWindow->setBaseScenario(m_document->scenario());
        }
        m_analysisWindow->show();
        m_analysisWindow->raise();
        m_analysisWindow->activateWindow();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *legend = help->addAction(tr("How to read the diagram"), this,
                                      [this] { createDiagramLegendDialog(this)->show(); });
    legend->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction *about = help->addAction(tr("About Ferroscope"), this, [this] { showAboutBox(this, m_project); });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setMovable(false);
    bar->addActions(m_phenotypeGroup->actions());
    if (m_project.phenotypes.size() > 1) bar->addAction(m_compareAction);
    bar->addSeparator();
    auto *presets = new QToolButton(bar);

    presets->setText(tr("Therapy preset"));
    presets->setToolTip(tr("Apply one of the paper's therapies (clears the other interventions)"));
    presets->setMenu(m_presetMenu);
    presets->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(presets)->setVisible(!m_project.therapies.empty());
    bar->addAction(m_resetAction);
    bar->addSeparator();
    bar->addAction(m_pinAction);
    bar->addAction(m_fitAction);
    bar->addAction(m_exportSlideAction);
    m_viewMenu->addAction(bar->toggleViewAction());
}

void MainWindow::wireDocument()
{
    core::ScenarioDocument *doc = m_document;
    connect(doc, &core::ScenarioDocument::scenarioChanged, this, &MainWindow::runCurrentScenario);
    connect(doc, &core::ScenarioDocument::phenotypeChanged, this, &MainWindow::syncActions);
    connect(doc, &core::ScenarioDocument::compareChanged, this, [this] {
        syncActions();
        if (m_document->activeBaseline() >= 0) runBaseline();   // baseline pairs follow the mode
    });
    connect(doc, &core::ScenarioDocument::snapshotsChanged, this, [this] {
        rebuildBaselineMenu();
        runBaseline();
    });
    connect(m_controller.get(), &core::SimulationController::resultReady, this, &MainWindow::showResult);
    connect(m_controller.get(), &core::SimulationController::runFailed, this, &MainWindow::showFailure);
    connect(m_controller.get(), &core::SimulationController::busyChanged, m_status, &RunStatus::setBusy);
    connect(m_baselineController.get(), &core::SimulationController::resultReady, this, &MainWindow::showBaseline);
    connect(m_baselineController.get(), &core::SimulationController::runFailed, this,
            [this](quint64, const QString &message) {
                statusBar()->showMessage(tr("Baseline could not be simulated: %1").arg(message), 8000);
            });
    connect(m_diagram, &DiagramWidget::evidenceRequested, this, [this](const QString &id) {
        showEvidence(id);
        m_interventions->revealControl(id);
    });
    // From the panel itself: update the card, but never cover the controls being used with it.
    connect(m_interventions, &InterventionsPanel::evidenceRequested, m_evidence, &EvidencePanel::showEvidence);
}

// ---------------------------------------------------------------- live loop

std::vector<core::Scenario> MainWindow::scenariosFor(const core::Scenario &base, bool compare) const
{
    if (!compare) return {base};
    std::vector<core::Scenario> out;
    for (const auto &p : m_project.phenotypes) {
        core::Scenario s = base;
        s.phenotype = p.id;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<core::Scenario> MainWindow::currentScenarios() const
{
    return scenariosFor(m_document->scenario(), m_document->compare());
}

void MainWindow::runCurrentScenario() { requestRun(currentScenarios(), m_document->summary()); }

std::uint64_t MainWindow::requestRun(const std::vector<core::Scenario> &scenarios, const QString &summary)
{
    m_sinceRequest.start();
    m_requested = m_controller->request(scenarios, summary);
    m_status->setSummary(summary);
    return m_requested;
}

bool MainWindow::simulationBusy() const { return m_controller->busy(); }

void MainWindow::showResult(core::RunResultPtr result)
{
    if (!result) return;
    m_lastResult = result;
    m_trajectories->setResult(result);
    if (m_trajectories->isStale()) m_trajectories->clearStale();
    m_status->clearStale();
    m_status->setSummary(result->summary);
    m_status->showRun(result->elapsedMs, double(m_sinceRequest.nsecsElapsed()) / 1e6);
    emit resultShown(result);
    // Queued after the panel's own queued replot, so it runs once the curves are redrawn.
    QMetaObject::invokeMethod(this, [this, result] { emit resultPlotted(result); }, Qt::QueuedConnection);
}

void MainWindow::showFailure(quint64, const QString &message)
{
    // Keep the last good curves; say why they no longer match the controls.
    m_trajectories->markStale(message);
    m_status->showStale(message);
    emit runFailedShown(message);
}

void MainWindow::pinSnapshot()
{
    m_document->pinSnapshot({});
    const auto &snap = m_document->snapshots().back();
    statusBar()->showMessage(tr("Pinned \"%1\" as the dashed baseline: %2").arg(snap.name, m_document->summary()),
                             6000);
}

void MainWindow::runBaseline()
{
    const int index = m_document->activeBaseline();
    if (index < 0 || index >= int(m_document->snapshots().size())) {
        m_baselineRequested = 0;
        m_baselineName.clear();
        m_lastBaseline.reset();
        m_trajectories->setBaseline(nullptr, {});
        return;
    }
    const core::Snapshot &snap = m_document->snapshots()[std::size_t(index)];
    m_baselineName = snap.name;
    m_baselineRequested = m_baselineController->request(scenariosFor(snap.scenario, m_document->compare()), snap.name);
}

void MainWindow::showBaseline(core::RunResultPtr result)
{
    if (!result || result->generation != m_baselineRequested || m_document->activeBaseline() < 0) return;
    m_lastBaseline = result;
    m_trajectories->setBaseline(result, m_baselineName);
    emit baselineShown(result);
}

void MainWindow::rebuildBaselineMenu()
{
    clearMenuLater(m_baselineMenu);
    auto *group = new QActionGroup(m_baselineMenu);
    QAction *none = m_baselineMenu->addAction(tr("No baseline"));
    none->setCheckable(true);
    none->setChecked(m_document->activeBaseline() < 0);
    group->addAction(none);
    connect(none, &QAction::triggered, this, [this] { m_document->setActiveBaseline(-1); });
    const auto &snaps = m_document->snapshots();
    for (std::size_t i = 0; i < snaps.size(); ++i) {
        QAction *a = m_baselineMenu->addAction(snaps[i].name);
        a->setCheckable(true);
        a->setChecked(int(i) == m_document->activeBaseline());
        a->setStatusTip(QString::fromStdString(snaps[i].scenario.phenotype));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { m_document->setActiveBaseline(int(i)); });
    }
    m_baselineMenu->addSeparator();
    QAction *clear = m_baselineMenu->addAction(tr("Clear all baselines"), this, [this] {
        while (!m_document->snapshots().empty()) m_document->removeSnapshot(int(m_document->snapshots().size()) - 1);
    });
    clear->setEnabled(!snaps.empty());
}

void MainWindow::rebuildPanelsMenu()
{
    clearMenuLater(m_panelsMenu);
    const QStringList shown = m_trajectories->visiblePanels();
    for (const PanelSpec &p : m_trajectories->panels()) {
        QAction *a = m_panelsMenu->addAction(p.title);
        a->setCheckable(true);
        a->setChecked(shown.contains(p.title));
        connect(a, &QAction::toggled, this, [this] {
            QStringList titles;
            for (QAction *act : m_panelsMenu->actions())
                if (act->isCheckable() && act->isChecked()) titles << act->text();
            if (titles.isEmpty()) {   // keep at least one panel
                rebuildPanelsMenu();
                return;
            }
            m_trajectories->setVisiblePanels(titles);
        });
    }
    m_panelsMenu->addSeparator();
    m_panelsMenu->addAction(tr("Show all panels"), this, [this] {
        m_trajectories->setVisiblePanels({});
        rebuildPanelsMenu();
    });
    m_panelsMenu->addAction(tr("New plot of chosen species/readouts…"), this, [this] {
        CustomPlotDialog dialog(m_project, this);
        if (dialog.exec() == QDialog::Accepted) addCustomPlot(dialog.selectedIds(), dialog.title());
    });
}

void MainWindow::addCustomPlot(const QStringList &ids, const QString &title)
{
    if (ids.isEmpty()) return;
    m_trajectories->addCustomPanel(ids, title);
    rebuildPanelsMenu();
}

void MainWindow::syncActions()
{
    const QSignalBlocker block(m_compareAction);
    m_compareAction->setChecked(m_document->compare());
    for (QAction *a : m_phenotypeGroup->actions()) {
        a->setChecked(a->data().toString() == m_document->phenotype());
        a->setEnabled(!m_document->compare());   // both phenotypes run in compare mode
    }
}

void MainWindow::showEvidence(const QString &id)
{
    m_evidence->showEvidence(id);
    if (!m_evidenceDock->isHidden()) m_evidenceDock->raise();   // brings a tabbed card to the front
}

void MainWindow::fitDiagram() { m_diagram->fitToView(); }

QString MainWindow::statusText() const { return m_status->text(); }

// ---------------------------------------------------------------- exports

bool MainWindow::exportPlots(const QString &path, QString *error)
{
    bool ok = false;
    switch (exportFormatFor(path)) {
    case ExportFormat::Png: ok = m_trajectories->exportPng(path); break;
    case ExportFormat::Svg: ok = m_trajectories->exportSvg(path); break;
    case ExportFormat::Pdf: ok = m_trajectories->exportPdf(path); break;
    case ExportFormat::Unknown:
        if (error) *error = tr("unknown file type for %1 (use .png, .svg or .pdf)").arg(path);
        return false;
    }
    if (!ok && error) *error = m_trajectories->lastError();
    return ok;
}

bool MainWindow::exportDiagram(const QString &path, QString *error)
{
    const QSizeF natural = m_diagram->currentFigureSize();
    const double aspect = natural.width() > 0 && natural.height() > 0 ? natural.height() / natural.width() : 9.0 / 16;
    const QSize size(kDiagramExportWidth, std::clamp(int(std::lround(kDiagramExportWidth * aspect)), 400, 3000));
    return writePaintedFile(
        path, exportFormatFor(path), size, 2.0, tr("Ferroscope diagram"),
        [this, size](QPaintDevice *device, double scale, bool) {
            QPainter painter(device);
            if (!painter.isActive()) return false;
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
            painter.scale(scale, scale);
            painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
            m_diagram->renderTo(&painter, QRectF(QPointF(0, 0), size));
            return true;
        },
        error);
}

QString MainWindow::slideTitle() const
{
    // Short enough for one line at slide size; the caption carries the doses.
    const QString phenotype = m_document->phenotype();
    QString who = m_document->compare() ? tr("CSCs vs non-stem cancer cells")
                  : phenotype == QLatin1String("CSC") ? tr("Cancer stem cells")
                  : phenotype == QLatin1String("nonCSC") ? tr("Non-stem cancer cells")
                                                         : phenotype;
    QString what = tr("custom interventions");
    if (const core::TherapyPreset *t = m_project.findTherapy(InterventionsPanel::matchingPreset(*m_document).toStdString()))
        what = QString::fromStdString(t->name);
    else if (m_document->scenario().genes.empty() && m_document->scenario().inputs.empty())
        what = tr("untreated");
    return who + QStringLiteral(" · ") + what;
}

bool MainWindow::exportSlide(const QString &path, QString *error)
{
    if (!m_lastResult) {
        if (error) *error = tr("no simulation result yet");
        return false;
    }
    SlideContent content;
    content.title = slideTitle();
    content.caption = SlideExporter::caption(m_lastResult->summary, m_project);
    // The slide shows the part of the network the scenario acts on, at slide-legible size
    // (labels >= 32 px = 24 pt at 1920x1080), rather than the whole figure at unreadable size.
    content.renderDiagram = [this](QPainter *painter, const QRectF &target) {
        m_diagram->renderFocusTo(painter, target, 32.0);
    };
    // The two panels that tell this scenario's story first, then the rest of the shown ones.
    auto on = [this](const char *id) { return m_document->input(QString::fromLatin1(id)).enabled; };
    QStringList story{QStringLiteral("Lipid peroxidation"), QStringLiteral("Viability")};
    if (on("ALA_ext") || on("IRR")) story = {QStringLiteral("PDD"), QStringLiteral("Viability")};
    else if (on("DFO") || on("DFP") || on("DFX") || on("Dp44mT") || on("SAL") || on("ANTITFR1"))
        story = {QStringLiteral("Iron pools"), QStringLiteral("Stemness")};
    const std::vector<PanelSpec> shown = m_trajectories->shownPanels();
    for (const QString &title : story)
        for (const PanelSpec &p : shown)
            if (p.title == title) content.panels.push_back(p);
    for (const PanelSpec &p : shown)
        if (!story.contains(p.title)) content.panels.push_back(p);
    content.result = m_lastResult;
    content.baseline = m_lastBaseline;
    content.baselineName = m_baselineName;
    return SlideExporter::exportSlide(content, path, error);
}

bool MainWindow::exportCsv(const QString &path, QString *error)
{
    if (m_trajectories->exportCsv(path)) return true;
    if (error) *error = m_trajectories->lastError();
    return false;
}

QString MainWindow::lastExportDir() const
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString dir = settings().value(QStringLiteral("export/lastDir")).toString();
    return QFileInfo(dir).isDir() ? dir : (fallback.isEmpty() ? QDir::homePath() : fallback);
}

void MainWindow::exportWithDialog(const QString &what, const QString &filters,
                                  bool (MainWindow::*exporter)(const QString &, QString *))
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, what, lastExportDir() + QStringLiteral("/ferroscope"),
                                                filters, &selected);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) {   // take the extension of the chosen filter
        const int star = selected.indexOf(QStringLiteral("*."));
        if (star >= 0) path += selected.mid(star + 1, selected.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    settings().setValue(QStringLiteral("export/lastDir"), QFileInfo(path).absolutePath());
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = (this->*exporter)(path, &error);
    QApplication::restoreOverrideCursor();
    if (ok) statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    else QMessageBox::warning(this, what, tr("Could not export:\n%1").arg(error));
}

// ---------------------------------------------------------------- settings

void MainWindow::saveSettings() const
{
    QSettings s = settings();
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState(kStateVersion));
    s.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("plots/visible"), m_trajectories->visiblePanels());
    s.setValue(QStringLiteral("diagram/figure"), m_diagram->currentFigure());
}

void MainWindow::applyDefaultLayout()
{
    // First run: the whole screen (a lecture-hall projector or a laptop), as main() also maximises.
    const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1920, 1080);
    setGeometry(avail);
    if (avail.width() < 1600) {
        // A laptop: the diagram and the plots need the width more than the evidence card does,
        // which shares the left dock area as a tab (glyph tooltips show the same card on hover).
        tabifyDockWidget(m_interventionsDock, m_evidenceDock);
        m_interventionsDock->raise();
        resizeDocks({m_interventionsDock, m_inspectorDock}, {360, 340}, Qt::Horizontal);
    } else {
        resizeDocks({m_interventionsDock, m_evidenceDock}, {380, 380}, Qt::Horizontal);
    }
    m_splitter->setSizes({1, 1});
}

bool MainWindow::restoreSettings()
{
    QSettings s = settings();
    const bool geometry = restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray(), kStateVersion);
    m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray());
    const QStringList visible = s.value(QStringLiteral("plots/visible")).toStringList();
    if (!visible.isEmpty()) {
        m_trajectories->setVisiblePanels(visible);
        rebuildPanelsMenu();
    }
    const int figure = s.value(QStringLiteral("diagram/figure"), -1).toInt();
    if (figure >= 0 && figure < m_diagram->figureCount()) m_diagram->setCurrentFigure(figure);
    return geometry;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedOnce) {
        m_fittedOnce = true;
        QTimer::singleShot(0, this, &MainWindow::fitDiagram);   // after the first layout pass
    }
}

}  // namespace ferroscope::ui
