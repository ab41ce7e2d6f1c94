// AnalysisWindow: the what-if analyses of issue #6 in the GUI (non-modal): dose-response with
// IC50 per phenotype, 2-D scan with a synergy map, steady state and stability, local sensitivity
// as a tornado chart. Each analysis runs on a worker thread (QtConcurrent) that drives a
// core::ParallelRunner; progress and finished points come back as queued calls, so the plots fill
// progressively and the UI thread never waits. Cancel sets the run's atomic flag. Exports without
// dialogs are public (tests); the buttons add file dialogs. GUI thread only.
#pragma once

#include "core/analysis/dose_response.h"
#include "core/analysis/scan2d.h"
#include "core/analysis/sensitivity.h"
#include "core/analysis/steady_state.h"
#include "core/model/project.h"
#include "core/scenario/scenario.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QFuture>
#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPainter;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QCPColorMap;
class QCPColorScale;

namespace ferroscope::ui {

class AnalysisWindow : public QDialog {
    Q_OBJECT
public:
    enum Tab { DoseResponseTab = 0, ScanTab = 1, SteadyStateTab = 2, SensitivityTab = 3 };

    AnalysisWindow(const core::Project &project, const core::Scenario &base, QWidget *parent = nullptr);
    ~AnalysisWindow() override;   // cancels and joins running analyses

    /// The scenario every analysis starts from (phenotype, genes, inputs); used by the next run.
    void setBaseScenario(const core::Scenario &scenario);
    const core::Scenario &baseScenario() const { return m_base; }
    QTabWidget *tabs() const { return m_tabs; }

    // ---- configuration without the widgets (tests, scripting); ids must exist in the project
    void configureDoseResponse(const QString &input, double from, double to, int points, bool log,
                               bool bothPhenotypes, const QString &readout = QStringLiteral("Viability"));
    void configureScan(const QString &x, double xFrom, double xTo, int xPoints, bool xLog, const QString &y,
                       double yFrom, double yTo, int yPoints, bool yLog, core::SynergyMethod method,
                       const QString &readout = QStringLiteral("Viability"));
    void configureSensitivity(const QString &readout, double time, int top = 15);

    // ---- runs (each tab one at a time); false if it could not start (message in statusText)
    bool startDoseResponse();
    bool startScan();
    bool startSteadyState();
    bool startSensitivity();
    void cancel(int tab);
    bool isRunning(int tab) const;
    /// True if the last finished run of the tab was cancelled.
    bool lastCancelled(int tab) const;
    QString statusText(int tab) const;

    // ---- results and views (tests)
    QCustomPlot *doseResponsePlot() const { return m_drPlot; }
    QCustomPlot *scanPlot() const { return m_scanPlot; }
    QCustomPlot *synergyPlot() const { return m_synPlot; }
    QCustomPlot *tornadoPlot() const { return m_sensPlot; }
    QCPColorMap *scanMap() const { return m_scanMap; }
    QCPColorMap *synergyMap() const { return m_synMap; }
    QLabel *ic50Label() const { return m_drSummary; }
    QString steadyStateVerdict() const;
    QTableWidget *steadyStateTable() const { return m_ssTable; }
    int tornadoBarCount() const;
    const std::optional<core::DoseResponseResult> &doseResponseResult() const { return m_drResult; }
    const std::optional<core::Scan2DResult> &scanResult() const { return m_scanResult; }
    const std::optional<core::SteadyStateAnalysis> &steadyStateResult() const { return m_ssResult; }
    const std::optional<core::SensitivityResult> &sensitivityResult() const { return m_sensResult; }

    // ---- exports without dialogs: .png/.svg/.pdf (1920×1080 slide, white) or .csv
    bool exportTab(int tab, const QString &path, QString *error = nullptr);

signals:
    void progressed(int tab, qint64 done, qint64 total);
    /// A run of `tab` ended (completed, cancelled or failed).
    void finished(int tab, bool cancelled);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Job {
        std::shared_ptr<std::atomic<bool>> cancel;
        QFuture<void> future;
        QElapsedTimer timer;
        bool running = false;
        bool cancelled = false;
        QString status;
        QProgressBar *bar = nullptr;
        QPushButton *run = nullptr;
        QPushButton *stop = nullptr;
        QLabel *statusLabel = nullptr;
    };

    QWidget *buildDoseResponseTab();
    QWidget *buildScanTab();
    QWidget *buildSteadyStateTab();
    QWidget *buildSensitivityTab();
    QWidget *buildRunRow(int tab, const std::function<bool()> &start);
    QWidget *buildExportRow(int tab);
    void fillInputCombo(QComboBox *combo, const QString &select);
    void fillReadoutCombo(QComboBox *combo);
    void applyInputDefaults(QComboBox *combo, QDoubleSpinBox *from, QDoubleSpinBox *to);

    /// Runs `work` on a worker thread with a fresh cancel flag; `work` posts its result itself.
    bool launch(int tab, const std::function<void(const std::atomic<bool> *cancel)> &work);
    core::RunCallbacks callbacksFor(int tab, std::function<void(std::vector<std::size_t>, std::vector<double>)> points);
    void onProgress(int tab, std::size_t done, std::size_t total);
    void endJob(int tab, bool cancelled, const QString &status);
    /// Posts `f` to the GUI thread (worker side).
    void post(std::function<void()> f);

    void resetDoseResponsePlot(const core::DoseResponseSpec &spec);
    void drawDoseResponse();
    void resetScanPlots(const core::ScanGrid &grid);
    void drawScanResult();
    void showSteadyState();
    void drawTornado();

    void paintTab(int tab, QPainter &painter, QSize size, bool vector);
    bool writeCsv(int tab, const QString &path, QString *error);
    void exportWithDialog(int tab, const QString &suffix);

    core::Project m_project;
    core::Scenario m_base;
    std::unique_ptr<core::ScenarioRunner> m_runner;       // prototype (compiled once)
    std::unique_ptr<core::ScenarioRunner> m_sensRunner;   // tighter tolerances (sensitivity.h)
    std::array<std::unique_ptr<core::ParallelRunner>, 4> m_pools;
    std::array<Job, 4> m_jobs;

    QTabWidget *m_tabs = nullptr;

    // dose-response
    QComboBox *m_drInput = nullptr, *m_drReadout = nullptr, *m_drMode = nullptr;
    QDoubleSpinBox *m_drFrom = nullptr, *m_drTo = nullptr, *m_drTime = nullptr, *m_drThreshold = nullptr;
    QSpinBox *m_drPoints = nullptr;
    QCheckBox *m_drLog = nullptr, *m_drBoth = nullptr;
    QCustomPlot *m_drPlot = nullptr;
    QLabel *m_drSummary = nullptr;
    std::vector<std::string> m_drPhenotypes;
    std::vector<double> m_drDoses;
    std::vector<std::vector<double>> m_drValues;   // per curve, per dose
    std::optional<core::DoseResponseResult> m_drResult;

    // 2-D scan
    QComboBox *m_xInput = nullptr, *m_yInput = nullptr, *m_scanReadout = nullptr, *m_synMethod = nullptr;
    QDoubleSpinBox *m_xFrom = nullptr, *m_xTo = nullptr, *m_yFrom = nullptr, *m_yTo = nullptr;
    QSpinBox *m_xPoints = nullptr, *m_yPoints = nullptr;
    QCheckBox *m_xLog = nullptr, *m_yLog = nullptr;
    QCustomPlot *m_scanPlot = nullptr, *m_synPlot = nullptr;
    QCPColorMap *m_scanMap = nullptr, *m_synMap = nullptr;
    QCPColorScale *m_scanScale = nullptr, *m_synScale = nullptr;
    QLabel *m_scanSummary = nullptr;
    std::optional<core::ScanGrid> m_scanGrid;
    std::optional<core::Scan2DResult> m_scanResult;

    // steady state
    QTableWidget *m_ssTable = nullptr;
    QPlainTextEdit *m_ssEigen = nullptr;
    QLabel *m_ssVerdict = nullptr;
    std::optional<core::SteadyStateAnalysis> m_ssResult;

    // sensitivity
    QComboBox *m_sensReadout = nullptr;
    QDoubleSpinBox *m_sensTime = nullptr;
    QSpinBox *m_sensTop = nullptr;
    QCustomPlot *m_sensPlot = nullptr;
    QLabel *m_sensSummary = nullptr;
    std::optional<core::SensitivityResult> m_sensResult;
};

}  // namespace ferroscope::ui
