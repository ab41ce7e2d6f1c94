#include "ui/analysis/analysis_window.h"

#include "core/analysis/parallel_runner.h"
#include "core/scenario/scenario_runner.h"
#include "ui/export/export_file.h"
#include "ui/style/palette.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ferroscope::ui {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

QString qs(const std::string &s) { return QString::fromStdString(s); }
QString num(double v, int precision = 4) { return std::isfinite(v) ? QString::number(v, 'g', precision) : QStringLiteral("–"); }

bool isCsc(const std::string &phenotype)
{
    const QString p = qs(phenotype);
    return p.contains(QLatin1String("CSC"), Qt::CaseInsensitive) && !p.startsWith(QLatin1String("non"), Qt::CaseInsensitive);
}

/// Matplotlib's viridis (QCustomPlot 2.1.0 has no gpViridis preset).
QCPColorGradient viridis()
{
    QCPColorGradient g;
    g.clearColorStops();
    const QColor stops[] = {QColor(0x44, 0x01, 0x54), QColor(0x48, 0x28, 0x78), QColor(0x3E, 0x4A, 0x89),
                            QColor(0x31, 0x68, 0x8E), QColor(0x26, 0x82, 0x8E), QColor(0x1F, 0x9E, 0x89),
                            QColor(0x35, 0xB7, 0x79), QColor(0x6D, 0xCD, 0x59), QColor(0xB4, 0xDE, 0x2C),
                            QColor(0xFD, 0xE7, 0x25)};
    for (int i = 0; i < 10; ++i) g.setColorStopAt(i / 9.0, stops[i]);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

/// Diverging blue–white–orange, centred on 0 when the data range is symmetric.
QCPColorGradient diverging()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x00, 0x4A, 0x80));
    g.setColorStopAt(0.25, QColor(0x56, 0xB4, 0xE9));
    g.setColorStopAt(0.5, Qt::white);
    g.setColorStopAt(0.75, QColor(0xE6, 0x9F, 0x00));
    g.setColorStopAt(1.0, QColor(0xA0, 0x40, 0x00));
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

/// 1-2-5 ticks per decade for a logarithmic range. `logCoords`: the axis holds log10 of the
/// values (heatmaps, whose cells must be uniform in plot coordinates); else the axis itself has a
/// logarithmic scale (dose-response) and ticks are the values.
class DecadeTicker : public QCPAxisTicker {
public:
    explicit DecadeTicker(bool logCoords) : m_logCoords(logCoords) {}

protected:
    QVector<double> createTickVector(double, const QCPRange &range) override
    {
        double lo = m_logCoords ? range.lower : std::log10(std::max(range.lower, 1e-300));
        double hi = m_logCoords ? range.upper : std::log10(std::max(range.upper, 1e-300));
        if (lo > hi) std::swap(lo, hi);
        QVector<double> ticks;
        const bool sparse = hi - lo > 4;   // many decades: label the decades only
        for (int k = int(std::floor(lo)) - 1; k <= int(std::ceil(hi)) + 1; ++k)
            for (double m : {1.0, 2.0, 5.0}) {
                if (sparse && m != 1.0) continue;
                const double t = std::log10(m) + k;
                if (t >= lo - 1e-9 && t <= hi + 1e-9) ticks << (m_logCoords ? t : std::pow(10.0, t));
            }
        return ticks;
    }
    QVector<double> createSubTickVector(int, const QVector<double> &) override { return {}; }
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return QString::number(m_logCoords ? std::pow(10.0, tick) : tick, 'g', 3);
    }

private:
    bool m_logCoords;
};

void styleAxes(QCustomPlot *plot)
{
    const QFont f = palette::uiFont(9);
    for (QCPAxis *a : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        a->setTickLabelFont(f);
        a->setLabelFont(palette::uiFont(10));
    }
    plot->setFont(f);
    plot->setBackground(Qt::white);
}

QCustomPlot *newPlot(QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setMinimumSize(360, 260);
    plot->setNotAntialiasedElements(QCP::aeNone);
    styleAxes(plot);
    return plot;
}

double axisCoord(double v, bool log) { return log ? std::log10(v) : v; }

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error) *error = f.errorString();
        return false;
    }
    f.write(text.toUtf8());
    if (!f.commit()) {
        if (error) *error = f.errorString();
        return false;
    }
    return true;
}

QString csvField(const std::string &s)
{
    QString q = qs(s);
    if (q.contains(QLatin1Char(',')) || q.contains(QLatin1Char('"')))
        q = QLatin1Char('"') + q.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
    return q;
}

QString csvNum(double v) { return QString::number(v, 'g', 17); }

}  // namespace

// ------------------------------------------------------------------------------------------------

AnalysisWindow::AnalysisWindow(const core::Project &project, const core::Scenario &base, QWidget *parent)
    : QDialog(parent), m_project(project), m_base(base)
{
    setWindowTitle(tr("Ferroscope — analyses"));
    setModal(false);
    setSizeGripEnabled(true);
    setFont(palette::uiFont(10));

    auto runner = core::ScenarioRunner::create(m_project);
    if (runner) m_runner = std::move(*runner);
    auto sens = core::ScenarioRunner::create(core::withSensitivityTolerances(m_project));
    if (sens) m_sensRunner = std::move(*sens);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildDoseResponseTab(), tr("Dose–response"));
    m_tabs->addTab(buildScanTab(), tr("2-D scan && synergy"));
    m_tabs->addTab(buildSteadyStateTab(), tr("Steady state"));
    m_tabs->addTab(buildSensitivityTab(), tr("Sensitivity"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_tabs);
    resize(1400, 900);

    if (!m_runner) {
        for (int t = 0; t < 4; ++t) {
            m_jobs[std::size_t(t)].run->setEnabled(false);
            m_jobs[std::size_t(t)].statusLabel->setText(qs(runner.errorText()));
        }
    }
}

AnalysisWindow::~AnalysisWindow()
{
    for (auto &job : m_jobs)
        if (job.cancel) job.cancel->store(true);
    for (auto &job : m_jobs) job.future.waitForFinished();
}

void AnalysisWindow::closeEvent(QCloseEvent *event)
{
    for (int t = 0; t < 4; ++t) cancel(t);
    QDialog::closeEvent(event);
}

void AnalysisWindow::setBaseScenario(const core::Scenario &scenario) { m_base = scenario; }

// ---- building ------------------------------------------------------------------------------------

void AnalysisWindow::fillInputCombo(QComboBox *combo, const QString &select)
{
    for (const auto &in : m_project.inputs)
        combo->addItem(QStringLiteral("%1 — %2").arg(qs(in.id), qs(in.name)), qs(in.id));
    const int i = combo->findData(select);
    if (i >= 0) combo->setCurrentIndex(i);
}

void AnalysisWindow::fillReadoutCombo(QComboBox *combo)
{
    for (const auto &r : m_project.readouts) combo->addItem(qs(r), qs(r));
    combo->insertSeparator(combo->count());
    for (const auto &s : m_project.model.species)
        if (std::find(m_project.readouts.begin(), m_project.readouts.end(), s.id) == m_project.readouts.end())
            combo->addItem(qs(s.id), qs(s.id));
    const int i = combo->findData(QStringLiteral("Viability"));
    if (i >= 0) combo->setCurrentIndex(i);
}

void AnalysisWindow::applyInputDefaults(QComboBox *combo, QDoubleSpinBox *from, QDoubleSpinBox *to)
{
    const core::InputSpec *in = m_project.findInput(combo->currentData().toString().toStdString());
    if (!in) return;
    const double hi = in->typicalMax > 0 ? in->typicalMax : 10;
    const double lo = in->typicalMin > 0 ? in->typicalMin : hi / 100;
    from->setValue(lo);
    to->setValue(hi);
    from->setSuffix(QStringLiteral(" ") + qs(in->unit));
    to->setSuffix(QStringLiteral(" ") + qs(in->unit));
}

static QDoubleSpinBox *doseSpin(QWidget *parent)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setDecimals(4);
    s->setRange(0, 1e6);
    s->setMinimumWidth(110);
    return s;
}

QWidget *AnalysisWindow::buildRunRow(int tab, const std::function<bool()> &start)
{
    Job &job = m_jobs[std::size_t(tab)];
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    job.run = new QPushButton(tr("Run"), row);
    job.stop = new QPushButton(tr("Cancel"), row);
    job.stop->setEnabled(false);
    job.bar = new QProgressBar(row);
    job.bar->setRange(0, 1);
    job.bar->setValue(0);
    job.bar->setFormat(QStringLiteral("%v / %m"));
    job.bar->setMinimumWidth(220);
    job.statusLabel = new QLabel(tr("Ready."), row);
    job.statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    h->addWidget(job.run);
    h->addWidget(job.stop);
    h->addWidget(job.bar);
    h->addWidget(job.statusLabel, 1);
    connect(job.run, &QPushButton::clicked, this, [start] { start(); });
    connect(job.stop, &QPushButton::clicked, this, [this, tab] { cancel(tab); });
    return row;
}

QWidget *AnalysisWindow::buildExportRow(int tab)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->addStretch(1);
    for (const char *fmt : {"PNG", "SVG", "PDF", "CSV"}) {
        auto *b = new QPushButton(tr("Export %1…").arg(QLatin1String(fmt)), row);
        const QString suffix = QString::fromLatin1(fmt).toLower();
        connect(b, &QPushButton::clicked, this, [this, tab, suffix] { exportWithDialog(tab, suffix); });
        h->addWidget(b);
    }
    return row;
}

QWidget *AnalysisWindow::buildDoseResponseTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *controls = new QHBoxLayout;
    auto *left = new QFormLayout;
    auto *right = new QFormLayout;

    m_drInput = new QComboBox(page);
    fillInputCombo(m_drInput, QStringLiteral("ERA"));
    m_drFrom = doseSpin(page);
    m_drTo = doseSpin(page);
    applyInputDefaults(m_drInput, m_drFrom, m_drTo);
    connect(m_drInput, &QComboBox::currentIndexChanged, this, [this] { applyInputDefaults(m_drInput, m_drFrom, m_drTo); });
    m_drPoints = new QSpinBox(page);
    m_drPoints->setRange(2, 2000);
    m_drPoints->setValue(25);
    m_drLog = new QCheckBox(tr("log spacing"), page);
    m_drLog->setChecked(true);
    auto *range = new QHBoxLayout;
    range->addWidget(m_drFrom);
    range->addWidget(new QLabel(tr("to"), page));
    range->addWidget(m_drTo);
    range->addWidget(new QLabel(tr("points"), page));
    range->addWidget(m_drPoints);
    range->addWidget(m_drLog);
    left->addRow(tr("Input"), m_drInput);
    left->addRow(tr("Range"), range);

    m_drReadout = new QComboBox(page);
    fillReadoutCombo(m_drReadout);
    m_drMode = new QComboBox(page);
    m_drMode->addItem(tr("value at time"));
    m_drMode->addItem(tr("mean over the run"));
    m_drMode->addItem(tr("time to threshold"));
    m_drTime = new QDoubleSpinBox(page);
    m_drTime->setRange(0.1, 10000);
    m_drTime->setValue(m_base.end > 0 ? m_base.end : m_project.defaultEnd);
    m_drTime->setSuffix(QStringLiteral(" h"));
    m_drThreshold = new QDoubleSpinBox(page);
    m_drThreshold->setDecimals(4);
    m_drThreshold->setRange(-1e9, 1e9);
    m_drThreshold->setValue(0.5);
    m_drThreshold->setEnabled(false);
    connect(m_drMode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_drTime->setEnabled(i == 0);
        m_drThreshold->setEnabled(i == 2);
    });
    auto *mode = new QHBoxLayout;
    mode->addWidget(m_drMode);
    mode->addWidget(new QLabel(tr("time"), page));
    mode->addWidget(m_drTime);
    mode->addWidget(new QLabel(tr("threshold"), page));
    mode->addWidget(m_drThreshold);
    m_drBoth = new QCheckBox(tr("both phenotypes (nonCSC and CSC)"), page);
    m_drBoth->setChecked(true);
    right->addRow(tr("Readout"), m_drReadout);
    right->addRow(tr("Mode"), mode);
    right->addRow(QString(), m_drBoth);
    controls->addLayout(left, 1);
    controls->addLayout(right, 1);
    v->addLayout(controls);
    v->addWidget(buildRunRow(DoseResponseTab, [this] { return startDoseResponse(); }));

    m_drPlot = newPlot(page);
    m_drPlot->legend->setVisible(true);
    m_drPlot->legend->setFont(palette::uiFont(9));
    v->addWidget(m_drPlot, 1);
    m_drSummary = new QLabel(page);
    m_drSummary->setWordWrap(true);
    m_drSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_drSummary->setVisible(false);
    v->addWidget(m_drSummary);
    v->addWidget(buildExportRow(DoseResponseTab));
    return page;
}

QWidget *AnalysisWindow::buildScanTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    auto axisRow = [&](QComboBox *&combo, QDoubleSpinBox *&from, QDoubleSpinBox *&to, QSpinBox *&points,
                       QCheckBox *&log, const QString &select) {
        combo = new QComboBox(page);
        fillInputCombo(combo, select);
        from = doseSpin(page);
        to = doseSpin(page);
        applyInputDefaults(combo, from, to);
        QComboBox *c = combo;
        QDoubleSpinBox *f = from, *t = to;
        connect(combo, &QComboBox::currentIndexChanged, this, [this, c, f, t] { applyInputDefaults(c, f, t); });
        points = new QSpinBox(page);
        points->setRange(2, 500);
        points->setValue(20);
        log = new QCheckBox(tr("log"), page);
        log->setChecked(true);
        auto *h = new QHBoxLayout;
        h->addWidget(combo, 1);
        h->addWidget(from);
        h->addWidget(new QLabel(tr("to"), page));
        h->addWidget(to);
        h->addWidget(new QLabel(tr("points"), page));
        h->addWidget(points);
        h->addWidget(log);
        return h;
    };
    QString second = m_project.inputs.size() > 1 ? qs(m_project.inputs[1].id) : QString();
    if (m_project.findInput("KO143")) second = QStringLiteral("KO143");
    form->addRow(tr("x input"), axisRow(m_xInput, m_xFrom, m_xTo, m_xPoints, m_xLog, QStringLiteral("ERA")));
    form->addRow(tr("y input"), axisRow(m_yInput, m_yFrom, m_yTo, m_yPoints, m_yLog, second));
    m_scanReadout = new QComboBox(page);
    fillReadoutCombo(m_scanReadout);
    m_synMethod = new QComboBox(page);
    m_synMethod->addItem(tr("Bliss independence"), int(core::SynergyMethod::Bliss));
    m_synMethod->addItem(tr("Highest single agent (HSA)"), int(core::SynergyMethod::Hsa));
    m_synMethod->addItem(tr("Loewe additivity"), int(core::SynergyMethod::Loewe));
    auto *h = new QHBoxLayout;
    h->addWidget(m_scanReadout, 1);
    h->addWidget(new QLabel(tr("at the scenario's end; synergy"), page));
    h->addWidget(m_synMethod, 1);
    form->addRow(tr("Readout"), h);
    v->addLayout(form);
    v->addWidget(buildRunRow(ScanTab, [this] { return startScan(); }));

    auto *plots = new QHBoxLayout;
    auto makeMap = [&](QCustomPlot *&plot, QCPColorMap *&map, QCPColorScale *&scale, const QCPColorGradient &g) {
        plot = newPlot(page);
        map = new QCPColorMap(plot->xAxis, plot->yAxis);
        scale = new QCPColorScale(plot);
        plot->plotLayout()->addElement(0, 1, scale);
        scale->setType(QCPAxis::atRight);
        scale->axis()->setTickLabelFont(palette::uiFont(9));
        scale->axis()->setLabelFont(palette::uiFont(10));
        map->setColorScale(scale);
        map->setGradient(g);
        map->setInterpolate(false);
        auto *group = new QCPMarginGroup(plot);
        plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
        scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
        plots->addWidget(plot, 1);
    };
    makeMap(m_scanPlot, m_scanMap, m_scanScale, viridis());
    makeMap(m_synPlot, m_synMap, m_synScale, diverging());
    v->addLayout(plots, 1);
    m_scanSummary = new QLabel(page);
    m_scanSummary->setWordWrap(true);
    m_scanSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_scanSummary);
    v->addWidget(buildExportRow(ScanTab));
    return page;
}

QWidget *AnalysisWindow::buildSteadyStateTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    v->addWidget(new QLabel(tr("Steady state of the current scenario (inputs held at their doses; V and PDT held)."), page));
    v->addWidget(buildRunRow(SteadyStateTab, [this] { return startSteadyState(); }));
    m_ssVerdict = new QLabel(page);
    m_ssVerdict->setFont(palette::uiFont(11, true));
    v->addWidget(m_ssVerdict);
    auto *h = new QHBoxLayout;
    m_ssTable = new QTableWidget(0, 3, page);
    m_ssTable->setHorizontalHeaderLabels({tr("State"), tr("Value"), tr("Units")});
    m_ssTable->horizontalHeader()->setStretchLastSection(true);
    m_ssTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ssTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_ssTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ssEigen = new QPlainTextEdit(page);
    m_ssEigen->setReadOnly(true);
    m_ssEigen->setFont(QFont(QStringLiteral("DejaVu Sans Mono"), 9));
    h->addWidget(m_ssTable, 1);
    h->addWidget(m_ssEigen, 1);
    v->addLayout(h, 1);
    v->addWidget(buildExportRow(SteadyStateTab));
    return page;
}

QWidget *AnalysisWindow::buildSensitivityTab()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *h = new QHBoxLayout;
    m_sensReadout = new QComboBox(page);
    fillReadoutCombo(m_sensReadout);
    m_sensTime = new QDoubleSpinBox(page);
    m_sensTime->setRange(0.1, 10000);
    m_sensTime->setValue(m_base.end > 0 ? m_base.end : m_project.defaultEnd);
    m_sensTime->setSuffix(QStringLiteral(" h"));
    m_sensTop = new QSpinBox(page);
    m_sensTop->setRange(1, 100);
    m_sensTop->setValue(15);
    h->addWidget(new QLabel(tr("Readout"), page));
    h->addWidget(m_sensReadout, 1);
    h->addWidget(new QLabel(tr("at"), page));
    h->addWidget(m_sensTime);
    h->addWidget(new QLabel(tr("top"), page));
    h->addWidget(m_sensTop);
    h->addStretch(1);
    v->addLayout(h);
    v->addWidget(buildRunRow(SensitivityTab, [this] { return startSensitivity(); }));
    m_sensPlot = newPlot(page);
    v->addWidget(m_sensPlot, 1);
    m_sensSummary = new QLabel(page);
    m_sensSummary->setWordWrap(true);
    v->addWidget(m_sensSummary);
    v->addWidget(buildExportRow(SensitivityTab));
    return page;
}

// ---- configuration --------------------------------------------------------------------------------

void AnalysisWindow::configureDoseResponse(const QString &input, double from, double to, int points, bool log,
                                           bool bothPhenotypes, const QString &readout)
{
    m_drInput->setCurrentIndex(std::max(0, m_drInput->findData(input)));
    m_drFrom->setValue(from);
    m_drTo->setValue(to);
    m_drPoints->setValue(points);
    m_drLog->setChecked(log);
    m_drBoth->setChecked(bothPhenotypes);
    m_drReadout->setCurrentIndex(std::max(0, m_drReadout->findData(readout)));
}

void AnalysisWindow::configureScan(const QString &x, double xFrom, double xTo, int xPoints, bool xLog, const QString &y,
                                   double yFrom, double yTo, int yPoints, bool yLog, core::SynergyMethod method,
                                   const QString &readout)
{
    m_xInput->setCurrentIndex(std::max(0, m_xInput->findData(x)));
    m_yInput->setCurrentIndex(std::max(0, m_yInput->findData(y)));
    m_xFrom->setValue(xFrom);
    m_xTo->setValue(xTo);
    m_xPoints->setValue(xPoints);
    m_xLog->setChecked(xLog);
    m_yFrom->setValue(yFrom);
    m_yTo->setValue(yTo);
    m_yPoints->setValue(yPoints);
    m_yLog->setChecked(yLog);
    m_synMethod->setCurrentIndex(std::max(0, m_synMethod->findData(int(method))));
    m_scanReadout->setCurrentIndex(std::max(0, m_scanReadout->findData(readout)));
}

void AnalysisWindow::configureSensitivity(const QString &readout, double time, int top)
{
    m_sensReadout->setCurrentIndex(std::max(0, m_sensReadout->findData(readout)));
    m_sensTime->setValue(time);
    m_sensTop->setValue(top);
}

// ---- job plumbing ---------------------------------------------------------------------------------

void AnalysisWindow::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

bool AnalysisWindow::isRunning(int tab) const { return m_jobs[std::size_t(tab)].running; }
bool AnalysisWindow::lastCancelled(int tab) const { return m_jobs[std::size_t(tab)].cancelled; }
QString AnalysisWindow::statusText(int tab) const { return m_jobs[std::size_t(tab)].status; }

void AnalysisWindow::cancel(int tab)
{
    Job &job = m_jobs[std::size_t(tab)];
    if (!job.running || !job.cancel) return;
    job.cancel->store(true);
    job.statusLabel->setText(tr("Cancelling…"));
}

bool AnalysisWindow::launch(int tab, const std::function<void(const std::atomic<bool> *)> &work)
{
    Job &job = m_jobs[std::size_t(tab)];
    if (job.running || !m_runner) return false;
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    job.running = true;
    job.cancelled = false;
    job.status = tr("Running…");
    job.statusLabel->setText(job.status);
    job.bar->setRange(0, 0);   // busy until the first progress report
    job.run->setEnabled(false);
    job.stop->setEnabled(true);
    job.timer.start();
    auto flag = job.cancel;
    job.future = QtConcurrent::run([this, tab, work, flag] {
        try {
            work(flag.get());
        } catch (const std::exception &e) {
            const QString message = QString::fromUtf8(e.what());
            post([this, tab, message] { endJob(tab, false, tr("Failed: %1").arg(message)); });
        }
    });
    return true;
}

core::RunCallbacks AnalysisWindow::callbacksFor(int tab,
                                               std::function<void(std::vector<std::size_t>, std::vector<double>)> points)
{
    core::RunCallbacks cb;
    cb.progressIntervalMs = 50;
    cb.progress = [this, tab](std::size_t done, std::size_t total) {
        post([this, tab, done, total] { onProgress(tab, done, total); });
    };
    if (points)
        cb.pointsReady = [this, points](const std::vector<std::size_t> &idx, const std::vector<double> &values) {
            post([points, idx, values] { points(idx, values); });
        };
    return cb;
}

void AnalysisWindow::onProgress(int tab, std::size_t done, std::size_t total)
{
    Job &job = m_jobs[std::size_t(tab)];
    if (!job.running) return;
    job.bar->setRange(0, int(std::max<std::size_t>(total, 1)));
    job.bar->setValue(int(done));
    QString text = tr("%1 of %2 points").arg(done).arg(total);
    if (done > 0 && done < total) {
        const double elapsed = job.timer.elapsed() / 1000.0;
        const double remaining = elapsed * double(total - done) / double(done);
        text += tr(" — about %1 s remaining").arg(QString::number(remaining, 'f', remaining < 10 ? 1 : 0));
    }
    if (job.cancel && job.cancel->load()) text = tr("Cancelling…");
    job.status = text;
    job.statusLabel->setText(text);
    emit progressed(tab, qint64(done), qint64(total));
}

void AnalysisWindow::endJob(int tab, bool cancelled, const QString &status)
{
    Job &job = m_jobs[std::size_t(tab)];
    job.running = false;
    job.cancelled = cancelled;
    job.status = status;
    job.statusLabel->setText(status);
    job.run->setEnabled(true);
    job.stop->setEnabled(false);
    if (job.bar->maximum() == 0) job.bar->setRange(0, 1);
    if (!cancelled) job.bar->setValue(job.bar->maximum());
    emit finished(tab, cancelled);
}

// ---- dose-response --------------------------------------------------------------------------------

bool AnalysisWindow::startDoseResponse()
{
    Job &job = m_jobs[DoseResponseTab];
    if (job.running || !m_runner) return false;
    auto axis = core::makeScanAxis(m_project, m_drInput->currentData().toString().toStdString(), m_drFrom->value(),
                                   m_drTo->value(), m_drPoints->value(), m_drLog->isChecked());
    if (!axis) {
        job.status = tr("Invalid range: %1").arg(qs(axis.errorText()));
        job.statusLabel->setText(job.status);
        return false;
    }
    core::DoseResponseSpec spec;
    spec.axis = *axis;
    spec.readout.id = m_drReadout->currentData().toString().toStdString();
    switch (m_drMode->currentIndex()) {
    case 1: spec.readout.mode = core::ReadoutMode::Mean; break;
    case 2:
        spec.readout.mode = core::ReadoutMode::Threshold;
        spec.readout.threshold = m_drThreshold->value();
        break;
    default: spec.readout.mode = core::ReadoutMode::At; spec.readout.time = m_drTime->value();
    }
    if (m_drBoth->isChecked())
        for (const auto &p : m_project.phenotypes) spec.phenotypes.push_back(p.id);
    m_drPhenotypes = spec.phenotypes;
    if (m_drPhenotypes.empty())
        m_drPhenotypes.push_back(!m_base.phenotype.empty() ? m_base.phenotype : m_project.defaultPhenotype);
    m_drResult.reset();
    resetDoseResponsePlot(spec);
    if (!m_pools[DoseResponseTab]) m_pools[DoseResponseTab] = std::make_unique<core::ParallelRunner>(*m_runner);
    core::ParallelRunner *pool = m_pools[DoseResponseTab].get();
    const core::Scenario scenario = m_base;
    const std::size_t per = m_drDoses.size() + 1;
    auto points = [this, per](std::vector<std::size_t> idx, std::vector<double> values) {
        for (std::size_t m = 0; m < idx.size(); ++m) {
            const std::size_t c = idx[m] / per, i = idx[m] % per;
            if (i == 0 || c >= m_drValues.size()) continue;
            m_drValues[c][i - 1] = values[m];
        }
        drawDoseResponse();
    };
    return launch(DoseResponseTab, [this, pool, scenario, spec, points](const std::atomic<bool> *cancel) {
        auto result = std::make_shared<core::Result<core::DoseResponseResult>>(
            core::runDoseResponse(*pool, scenario, spec, callbacksFor(DoseResponseTab, points), cancel));
        post([this, result] {
            if (!*result) {
                endJob(DoseResponseTab, false, tr("Error: %1").arg(qs(result->errorText())));
                return;
            }
            m_drResult = std::move(**result);
            for (std::size_t c = 0; c < m_drResult->curves.size() && c < m_drValues.size(); ++c)
                m_drValues[c] = m_drResult->curves[c].responses;
            drawDoseResponse();
            const bool cancelled = m_drResult->cancelled();
            endJob(DoseResponseTab, cancelled,
                   cancelled ? tr("Cancelled after %1 of %2 points.").arg(m_drResult->sweep.done).arg(m_drResult->sweep.total)
                             : tr("Done: %1 points in %2 s on %3 threads.")
                                   .arg(m_drResult->sweep.total)
                                   .arg(m_drResult->sweep.seconds + m_drResult->refinement.seconds, 0, 'f', 2)
                                   .arg(m_drResult->sweep.threads));
        });
    });
}

void AnalysisWindow::resetDoseResponsePlot(const core::DoseResponseSpec &spec)
{
    m_drDoses = spec.axis.values();
    m_drValues.assign(m_drPhenotypes.size(), std::vector<double>(m_drDoses.size(), kNaN));
    QCustomPlot *plot = m_drPlot;
    plot->clearGraphs();
    plot->clearItems();
    const core::InputSpec *in = m_project.findInput(spec.axis.id);
    plot->xAxis->setLabel(QStringLiteral("%1 (%2)").arg(qs(spec.axis.id), in ? qs(in->unit) : QString()));
    plot->yAxis->setLabel(qs(spec.readout.description()));
    if (spec.axis.log) {
        plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new DecadeTicker(false)));
    } else {
        plot->xAxis->setScaleType(QCPAxis::stLinear);
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    plot->xAxis->setRange(spec.axis.from, spec.axis.to);
    for (std::size_t c = 0; c < m_drPhenotypes.size(); ++c) {
        QCPGraph *g = plot->addGraph();
        const bool csc = isCsc(m_drPhenotypes[c]);
        QPen pen(palette::colour(csc ? 1 : 0), csc ? 2.5 : 2.0);
        pen.setStyle(palette::phenotypeStyle(csc));
        g->setPen(pen);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, pen.color(), Qt::white, 6));
        g->setName(qs(m_drPhenotypes[c]));
    }
    m_drSummary->clear();
    m_drSummary->setVisible(false);
    plot->replot();
}

void AnalysisWindow::drawDoseResponse()
{
    QCustomPlot *plot = m_drPlot;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t c = 0; c < m_drValues.size() && int(c) < plot->graphCount(); ++c) {
        QVector<double> xs, ys;
        for (std::size_t i = 0; i < m_drDoses.size(); ++i)
            if (std::isfinite(m_drValues[c][i])) {
                xs << m_drDoses[i];
                ys << m_drValues[c][i];
                lo = std::min(lo, m_drValues[c][i]);
                hi = std::max(hi, m_drValues[c][i]);
            }
        plot->graph(int(c))->setData(xs, ys, true);
    }
    plot->clearItems();
    if (m_drResult) {
        for (const auto &curve : m_drResult->curves)
            if (std::isfinite(curve.control)) {
                lo = std::min(lo, curve.control);
                hi = std::max(hi, curve.control);
            }
        QStringList lines;
        const QString unit = [&] {
            const core::InputSpec *in = m_project.findInput(m_drResult->axis.id);
            return in ? qs(in->unit) : QString();
        }();
        int row = 0;
        for (std::size_t c = 0; c < m_drResult->curves.size(); ++c) {
            const auto &curve = m_drResult->curves[c];
            const auto &h = curve.half;
            if (!h.found || !std::isfinite(h.dose)) {
                lines << tr("%1: no %2 in the range%3").arg(qs(curve.phenotype), h.kind.empty() ? QStringLiteral("IC50") : qs(h.kind),
                                                          h.note.empty() ? QString() : QStringLiteral(" (") + qs(h.note) + QLatin1Char(')'));
                continue;
            }
            const bool csc = isCsc(curve.phenotype);
            auto *line = new QCPItemStraightLine(plot);
            QPen pen(palette::colour(csc ? 1 : 0), 1.5, Qt::DashLine);
            line->setPen(pen);
            line->point1->setCoords(h.dose, 0);
            line->point2->setCoords(h.dose, 1);
            auto *label = new QCPItemText(plot);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            label->position->setTypeX(QCPItemPosition::ptPlotCoords);
            label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            label->position->setCoords(h.dose, 0.04 + 0.07 * row++);
            label->setText(QStringLiteral(" %1 %2 = %3 %4").arg(qs(h.kind), qs(curve.phenotype), num(h.dose), unit));
            label->setColor(pen.color());
            label->setFont(palette::uiFont(9, true));
            label->setBrush(QColor(255, 255, 255, 210));
            lines << tr("%1 %2 = %3 %4, bracket [%5, %6] at %7 = %8 (control %9)")
                         .arg(qs(h.kind), qs(curve.phenotype), num(h.dose, 5), unit, num(h.lo, 6), num(h.hi, 6),
                              qs(m_drResult->readout.id), num(h.level), num(curve.control));
        }
        m_drSummary->setText(lines.join(QStringLiteral("\n")));
        m_drSummary->setVisible(true);
    }
    if (std::isfinite(lo)) {
        const double pad = std::max((hi - lo) * 0.06, 1e-9);
        plot->yAxis->setRange(lo - pad, hi + pad);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// ---- 2-D scan -------------------------------------------------------------------------------------

bool AnalysisWindow::startScan()
{
    Job &job = m_jobs[ScanTab];
    if (job.running || !m_runner) return false;
    auto fail = [&](const std::string &message) {
        job.status = tr("Invalid scan: %1").arg(qs(message));
        job.statusLabel->setText(job.status);
        return false;
    };
    auto x = core::makeScanAxis(m_project, m_xInput->currentData().toString().toStdString(), m_xFrom->value(),
                                m_xTo->value(), m_xPoints->value(), m_xLog->isChecked());
    if (!x) return fail(x.errorText());
    auto y = core::makeScanAxis(m_project, m_yInput->currentData().toString().toStdString(), m_yFrom->value(),
                                m_yTo->value(), m_yPoints->value(), m_yLog->isChecked());
    if (!y) return fail(y.errorText());
    core::Scan2DSpec spec;
    spec.x = *x;
    spec.y = *y;
    spec.readout.id = m_scanReadout->currentData().toString().toStdString();
    spec.synergy = core::SynergyMethod(m_synMethod->currentData().toInt());
    const QString rid = qs(spec.readout.id);
    spec.effect = (rid == QLatin1String("Viability") || rid == QLatin1String("V")) ? core::EffectScale::Decrease
                                                                                   : core::EffectScale::Increase;
    auto grid = core::makeScanGrid(*m_runner, m_base, spec);
    if (!grid) return fail(grid.errorText());
    m_scanGrid = *grid;
    m_scanResult.reset();
    resetScanPlots(*grid);
    if (!m_pools[ScanTab]) m_pools[ScanTab] = std::make_unique<core::ParallelRunner>(*m_runner);
    core::ParallelRunner *pool = m_pools[ScanTab].get();
    const core::Scenario scenario = m_base;
    auto points = [this](std::vector<std::size_t> idx, std::vector<double> values) {
        if (!m_scanGrid) return;
        const std::size_t cells = m_scanGrid->nx() * m_scanGrid->ny();
        for (std::size_t m = 0; m < idx.size(); ++m)
            if (idx[m] < cells) {
                const auto [i, j] = m_scanGrid->cell(idx[m]);
                m_scanMap->data()->setCell(i, j, values[m]);
            }
        m_scanMap->rescaleDataRange(true);
        m_scanPlot->replot(QCustomPlot::rpQueuedReplot);
    };
    return launch(ScanTab, [this, pool, scenario, spec, points](const std::atomic<bool> *cancel) {
        auto result = std::make_shared<core::Result<core::Scan2DResult>>(
            core::runScan2D(*pool, scenario, spec, {}, callbacksFor(ScanTab, points), cancel));
        post([this, result] {
            if (!*result) {
                endJob(ScanTab, false, tr("Error: %1").arg(qs(result->errorText())));
                return;
            }
            m_scanResult = std::move(**result);
            const auto &o = m_scanResult->outcome;
            if (o.cancelled) {
                endJob(ScanTab, true, tr("Cancelled after %1 of %2 points.").arg(o.done).arg(o.total));
                return;
            }
            drawScanResult();
            endJob(ScanTab, false,
                   tr("Done: %1 points in %2 s on %3 threads%4.")
                       .arg(o.total)
                       .arg(o.seconds, 0, 'f', 2)
                       .arg(o.threads)
                       .arg(o.failed ? tr(" (%1 failed)").arg(o.failed) : QString()));
        });
    });
}

void AnalysisWindow::resetScanPlots(const core::ScanGrid &grid)
{
    const auto &sx = grid.spec.x, &sy = grid.spec.y;
    auto label = [this](const core::ScanAxis &a) {
        const core::InputSpec *in = m_project.findInput(a.id);
        return QStringLiteral("%1 (%2)").arg(qs(a.id), in ? qs(in->unit) : QString());
    };
    for (QCustomPlot *plot : {m_scanPlot, m_synPlot}) {
        plot->clearItems();
        for (int g = plot->graphCount() - 1; g >= 0; --g) plot->removeGraph(g);
        plot->xAxis->setLabel(label(sx));
        plot->yAxis->setLabel(label(sy));
        plot->xAxis->setTicker(sx.log ? QSharedPointer<QCPAxisTicker>(new DecadeTicker(true)) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        plot->yAxis->setTicker(sy.log ? QSharedPointer<QCPAxisTicker>(new DecadeTicker(true)) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    const QCPRange xr(axisCoord(sx.from, sx.log), axisCoord(sx.to, sx.log));
    const QCPRange yr(axisCoord(sy.from, sy.log), axisCoord(sy.to, sy.log));
    for (QCPColorMap *map : {m_scanMap, m_synMap}) {
        map->data()->setSize(int(grid.nx()), int(grid.ny()));
        map->data()->setRange(xr, yr);
        map->data()->fill(kNaN);
    }
    const double hx = (xr.upper - xr.lower) / std::max<double>(1, double(grid.nx()) - 1) / 2;
    const double hy = (yr.upper - yr.lower) / std::max<double>(1, double(grid.ny()) - 1) / 2;
    for (QCustomPlot *plot : {m_scanPlot, m_synPlot}) {
        plot->xAxis->setRange(xr.lower - hx, xr.upper + hx);
        plot->yAxis->setRange(yr.lower - hy, yr.upper + hy);
    }
    m_scanScale->axis()->setLabel(qs(grid.spec.readout.description()));
    m_synScale->axis()->setLabel(tr("%1 synergy score").arg(qs(core::synergyName(grid.spec.synergy))));
    m_synScale->setDataRange(QCPRange(-0.1, 0.1));
    m_scanSummary->setText(tr("Scanning %1 × %2 grid…").arg(grid.nx()).arg(grid.ny()));
    m_scanPlot->replot();
    m_synPlot->replot();
}

void AnalysisWindow::drawScanResult()
{
    if (!m_scanResult) return;
    const core::ScanGrid &grid = m_scanResult->grid;
    const int nx = int(grid.nx()), ny = int(grid.ny());
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) m_scanMap->data()->setCell(i, j, m_scanResult->value(i, j));
    m_scanMap->rescaleDataRange(true);
    QString text = tr("%1 — %2").arg(qs(grid.spec.readout.description()), qs(grid.summary));
    if (m_scanResult->complete() && grid.spec.synergy != core::SynergyMethod::None) {
        const core::SynergyMap syn = m_scanResult->synergy();
        double extent = 0;
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const double s = syn.score[std::size_t(j * nx + i)];
                m_synMap->data()->setCell(i, j, s);
                if (std::isfinite(s)) extent = std::max(extent, std::abs(s));
            }
        extent = std::max(extent, 1e-6);
        m_synScale->setDataRange(QCPRange(-extent, extent));   // symmetric: white = 0
        if (syn.bestX >= 0 && syn.bestY >= 0) {
            const double bx = axisCoord(grid.xs[std::size_t(syn.bestX)], grid.spec.x.log);
            const double by = axisCoord(grid.ys[std::size_t(syn.bestY)], grid.spec.y.log);
            QCPGraph *mark = m_synPlot->addGraph();
            mark->setLineStyle(QCPGraph::lsNone);
            mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::black, 2), Qt::NoBrush, 16));
            mark->setData(QVector<double>{bx}, QVector<double>{by});
            auto *label = new QCPItemText(m_synPlot);
            label->position->setCoords(bx, by);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
            label->setText(tr("  most synergistic"));
            label->setFont(palette::uiFont(9, true));
            label->setBrush(QColor(255, 255, 255, 200));
            // keep the label inside the plot near the right or top edge
            if (syn.bestX > nx * 2 / 3) label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
            if (syn.bestY > ny * 2 / 3)
                label->setPositionAlignment((label->positionAlignment() & Qt::AlignHorizontal_Mask) | Qt::AlignTop);
            text += tr("\nMost synergistic (%1): %2 = %3, %4 = %5, score %6")
                        .arg(qs(core::synergyName(grid.spec.synergy)), qs(grid.spec.x.id), num(grid.xs[std::size_t(syn.bestX)]),
                             qs(grid.spec.y.id), num(grid.ys[std::size_t(syn.bestY)]), num(syn.bestScore));
        } else {
            text += tr("\nNo finite synergy score (%1).").arg(qs(core::synergyName(grid.spec.synergy)));
        }
        if (grid.spec.synergy == core::SynergyMethod::Loewe)
            for (const auto *f : {&syn.fitX, &syn.fitY})
                if (f->status == core::HillFit::Status::Invalid && !f->note.empty())
                    text += tr("\nLoewe: %1").arg(qs(f->note));
    }
    m_scanSummary->setText(text);
    m_scanPlot->replot();
    m_synPlot->replot();
}

// ---- steady state ---------------------------------------------------------------------------------

bool AnalysisWindow::startSteadyState()
{
    if (m_jobs[SteadyStateTab].running || !m_runner) return false;
    if (!m_pools[SteadyStateTab]) m_pools[SteadyStateTab] = std::make_unique<core::ParallelRunner>(*m_runner, 1);
    core::ParallelRunner *pool = m_pools[SteadyStateTab].get();
    const core::Scenario scenario = m_base;
    return launch(SteadyStateTab, [this, pool, scenario](const std::atomic<bool> *) {
        auto result = std::make_shared<core::Result<core::SteadyStateAnalysis>>(
            core::analyseSteadyState(pool->runner(0), scenario));
        post([this, result] {
            if (!*result) {
                endJob(SteadyStateTab, false, tr("Error: %1").arg(qs(result->errorText())));
                return;
            }
            m_ssResult = std::move(**result);
            showSteadyState();
            endJob(SteadyStateTab, false, tr("Done (residual %1).").arg(num(m_ssResult->residual, 3)));
        });
    });
}

QString AnalysisWindow::steadyStateVerdict() const { return m_ssVerdict->text(); }

void AnalysisWindow::showSteadyState()
{
    const auto &r = *m_ssResult;
    m_ssTable->setRowCount(int(r.stateIds.size()));
    for (std::size_t k = 0; k < r.stateIds.size(); ++k) {
        const core::Species *s = m_project.model.findSpecies(r.stateIds[k]);
        QString units = s && !s->evidence.units.empty() ? qs(s->evidence.units) : QString();
        QString id = qs(r.stateIds[k]);
        if (std::find(r.heldStates.begin(), r.heldStates.end(), r.stateIds[k]) != r.heldStates.end()) id += tr(" (held)");
        m_ssTable->setItem(int(k), 0, new QTableWidgetItem(id));
        auto *value = new QTableWidgetItem(QString::number(r.state[k], 'g', 6));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_ssTable->setItem(int(k), 1, value);
        m_ssTable->setItem(int(k), 2, new QTableWidgetItem(units));
    }
    QStringList lines;
    lines << tr("Jacobian eigenvalues (free states, /h), by decreasing real part:");
    for (const auto &l : r.eigenvalues)
        lines << (std::abs(l.imag()) > 0 ? QStringLiteral("%1 %2 %3i").arg(QString::number(l.real(), 'g', 6),
                                                                       l.imag() < 0 ? QStringLiteral("−") : QStringLiteral("+"),
                                                                       QString::number(std::abs(l.imag()), 'g', 6))
                                         : QString::number(l.real(), 'g', 6));
    if (!r.readouts.empty()) {
        lines << QString() << tr("Readouts at the steady state:");
        for (const auto &[id, v] : r.readouts) lines << QStringLiteral("%1 = %2").arg(qs(id), QString::number(v, 'g', 6));
    }
    m_ssEigen->setPlainText(lines.join(QLatin1Char('\n')));
    m_ssVerdict->setText(tr("Verdict: %1 — max Re λ = %2 /h (%3)")
                             .arg(qs(core::stabilityName(r.verdict)), QString::number(r.maxRealPart, 'g', 4), qs(r.summary)));
}

// ---- sensitivity ----------------------------------------------------------------------------------

bool AnalysisWindow::startSensitivity()
{
    if (m_jobs[SensitivityTab].running || !m_sensRunner) return false;
    core::SensitivitySpec spec;
    spec.readout.id = m_sensReadout->currentData().toString().toStdString();
    spec.readout.mode = core::ReadoutMode::At;
    spec.readout.time = m_sensTime->value();
    m_sensResult.reset();
    m_sensPlot->clearPlottables();
    m_sensPlot->replot();
    if (!m_pools[SensitivityTab]) m_pools[SensitivityTab] = std::make_unique<core::ParallelRunner>(*m_sensRunner);
    core::ParallelRunner *pool = m_pools[SensitivityTab].get();
    const core::Scenario scenario = m_base;
    return launch(SensitivityTab, [this, pool, scenario, spec](const std::atomic<bool> *cancel) {
        auto result = std::make_shared<core::Result<core::SensitivityResult>>(
            core::runSensitivity(*pool, scenario, spec, callbacksFor(SensitivityTab, {}), cancel));
        post([this, result] {
            if (!*result) {
                endJob(SensitivityTab, false, tr("Error: %1").arg(qs(result->errorText())));
                return;
            }
            m_sensResult = std::move(**result);
            const auto &o = m_sensResult->outcome;
            if (o.cancelled) {
                endJob(SensitivityTab, true, tr("Cancelled after %1 of %2 runs.").arg(o.done).arg(o.total));
                return;
            }
            drawTornado();
            endJob(SensitivityTab, false, tr("Done: %1 parameters in %2 s.").arg(m_sensResult->entries.size()).arg(o.seconds, 0, 'f', 2));
        });
    });
}

int AnalysisWindow::tornadoBarCount() const
{
    int n = 0;
    for (int k = 0; k < m_sensPlot->plottableCount(); ++k)
        if (auto *bars = qobject_cast<QCPBars *>(m_sensPlot->plottable(k))) n += bars->dataCount();
    return n;
}

void AnalysisWindow::drawTornado()
{
    QCustomPlot *plot = m_sensPlot;
    plot->clearPlottables();
    plot->clearItems();
    const auto &r = *m_sensResult;
    std::vector<const core::SensitivityEntry *> top;
    for (const auto &e : r.entries)
        if (std::isfinite(e.sensitivity) && int(top.size()) < m_sensTop->value()) top.push_back(&e);
    auto *positive = new QCPBars(plot->yAxis, plot->xAxis);
    auto *negative = new QCPBars(plot->yAxis, plot->xAxis);
    positive->setName(tr("S > 0"));
    negative->setName(tr("S < 0"));
    positive->setBrush(palette::colour(1));
    positive->setPen(QPen(palette::colour(1).darker(130)));
    negative->setBrush(palette::colour(0));
    negative->setPen(QPen(palette::colour(0).darker(130)));
    positive->setWidth(0.7);
    negative->setWidth(0.7);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int n = int(top.size());
    double extent = 0;
    for (int k = 0; k < n; ++k) {
        const auto &e = *top[std::size_t(k)];
        const double key = n - k;   // rank 1 at the top
        (e.sensitivity >= 0 ? positive : negative)->addData(key, e.sensitivity);
        ticker->addTick(key, qs(e.id) + (e.evidence.estimated ? QStringLiteral("  (est.)") : QString()));
        extent = std::max(extent, std::abs(e.sensitivity));
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(0.3, n + 0.7);
    plot->yAxis->setSubTicks(false);
    plot->yAxis->setTickLength(0, 3);
    plot->yAxis->grid()->setVisible(false);
    extent = std::max(extent, 1e-12) * 1.08;
    plot->xAxis->setRange(-extent, extent);
    plot->xAxis->setLabel(tr("normalised sensitivity  d ln(%1) / d ln(p)").arg(qs(r.readout.id)));
    plot->xAxis->grid()->setZeroLinePen(QPen(Qt::black, 1));
    plot->legend->setVisible(true);
    plot->legend->setFont(palette::uiFont(9));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_sensSummary->setText(tr("Top %1 of %2 parameters; %3 = %4 (base). “est.” = estimated value (evidence), others measured.")
                               .arg(n)
                               .arg(r.entries.size())
                               .arg(qs(r.readout.description()), num(r.base, 6)));
    plot->replot();
}

// ---- export ---------------------------------------------------------------------------------------

void AnalysisWindow::paintTab(int tab, QPainter &painter, QSize size, bool vector)
{
    // Lay out at half the slide size and scale by 2: the plots' 9–10 pt fonts read on a slide.
    const double zoom = 2.0;
    const int w = int(size.width() / zoom), h = int(size.height() / zoom);
    auto scenarioSummary = [this]() -> QString {
        if (!m_runner) return {};
        auto resolved = m_runner->resolve(m_base);
        return resolved ? qs(resolved->summary) : QString();
    };
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    painter.save();
    painter.scale(zoom, zoom);
    painter.setFont(palette::uiFont(12, true));
    painter.setPen(Qt::black);
    const QString titles[] = {tr("Dose–response"), tr("2-D scan and synergy"), tr("Steady state"), tr("Local sensitivity")};
    painter.drawText(QRect(12, 6, w - 24, 22), Qt::AlignLeft | Qt::AlignVCenter,
                     titles[tab] + QStringLiteral(" — ") + scenarioSummary());
    auto drawPlot = [&](QCustomPlot *plot, QRect r) {
        QCPPainter *qcp = static_cast<QCPPainter *>(&painter);
        painter.save();
        painter.translate(r.topLeft());
        plot->toPainter(qcp, r.width(), r.height());
        painter.restore();
    };
    const int top = 32;
    QString footer;
    switch (tab) {
    case DoseResponseTab:
        drawPlot(m_drPlot, QRect(8, top, w - 16, h - top - 70));
        footer = m_drSummary->text();
        break;
    case ScanTab:
        drawPlot(m_scanPlot, QRect(8, top, (w - 24) / 2, h - top - 56));
        drawPlot(m_synPlot, QRect(16 + (w - 24) / 2, top, (w - 24) / 2, h - top - 56));
        footer = m_scanSummary->text();
        break;
    case SteadyStateTab: {
        painter.setFont(palette::uiFont(8));
        QStringList left;
        for (int k = 0; k < m_ssTable->rowCount(); ++k)
            left << QStringLiteral("%1\t%2 %3").arg(m_ssTable->item(k, 0)->text(), m_ssTable->item(k, 1)->text(),
                                                  m_ssTable->item(k, 2)->text());
        painter.drawText(QRect(16, top + 24, w / 2 - 24, h - top - 40), Qt::AlignLeft | Qt::AlignTop | Qt::TextExpandTabs,
                         left.join(QLatin1Char('\n')));
        painter.drawText(QRect(w / 2, top + 24, w / 2 - 16, h - top - 40), Qt::AlignLeft | Qt::AlignTop,
                         m_ssEigen->toPlainText());
        painter.setFont(palette::uiFont(10, true));
        painter.drawText(QRect(16, top, w - 32, 22), Qt::AlignLeft | Qt::AlignVCenter, m_ssVerdict->text());
        break;
    }
    case SensitivityTab:
        drawPlot(m_sensPlot, QRect(8, top, w - 16, h - top - 40));
        footer = m_sensSummary->text();
        break;
    default: break;
    }
    if (!footer.isEmpty()) {
        painter.setFont(palette::uiFont(8));
        painter.setPen(Qt::black);
        const int fh = tab == DoseResponseTab ? 62 : tab == ScanTab ? 50 : 34;
        painter.drawText(QRect(16, h - fh, w - 32, fh - 4), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, footer);
    }
    painter.restore();
    Q_UNUSED(vector);
}

bool AnalysisWindow::exportTab(int tab, const QString &path, QString *error)
{
    if (tab < 0 || tab > 3) {
        if (error) *error = tr("no such tab");
        return false;
    }
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) return writeCsv(tab, path, error);
    const ExportFormat format = exportFormatFor(path);
    if (format == ExportFormat::Unknown) {
        if (error) *error = tr("unknown format (use .png, .svg, .pdf or .csv): %1").arg(path);
        return false;
    }
    const QSize size(1920, 1080);
    const bool ok = writePaintedFile(path, format, size, 1.0, windowTitle(),
                                     [this, tab, size](QPaintDevice *device, double scale, bool vector) {
                                         QCPPainter painter(device);
                                         if (!painter.isActive()) return false;
                                         painter.setRenderHint(QPainter::Antialiasing);
                                         painter.setRenderHint(QPainter::TextAntialiasing);
                                         if (vector) painter.setMode(QCPPainter::pmVectorized);
                                         painter.setMode(QCPPainter::pmNoCaching);
                                         if (scale != 1.0) painter.scale(scale, scale);
                                         paintTab(tab, painter, size, vector);
                                         painter.end();
                                         return true;
                                     },
                                     error);
    // toPainter() changed the plots' viewports temporarily: lay them out for the screen again.
    for (QCustomPlot *p : {m_drPlot, m_scanPlot, m_synPlot, m_sensPlot}) p->replot(QCustomPlot::rpQueuedReplot);
    return ok;
}

bool AnalysisWindow::writeCsv(int tab, const QString &path, QString *error)
{
    QString out;
    QTextStream s(&out);
    auto none = [&] {
        if (error) *error = tr("nothing to export yet: run the analysis first");
        return false;
    };
    switch (tab) {
    case DoseResponseTab: {
        if (!m_drResult) return none();
        const auto &r = *m_drResult;
        s << "# ferroscope dose-response\n# sweep " << qs(r.axis.text()) << "\n# readout " << qs(r.readout.description())
          << "\n# scenario " << qs(r.summary) << "\n";
        for (const auto &c : r.curves)
            s << "# " << qs(c.half.kind.empty() ? "IC50" : c.half.kind) << ' ' << qs(c.phenotype) << ": "
              << csvNum(c.half.dose) << " in [" << csvNum(c.half.lo) << ", " << csvNum(c.half.hi) << "] control "
              << csvNum(c.control) << "\n";
        s << csvField(r.axis.id);
        for (const auto &c : r.curves) s << ',' << csvField(r.readout.id + "_" + c.phenotype);
        s << '\n';
        for (std::size_t i = 0; i < r.doses.size(); ++i) {
            s << csvNum(r.doses[i]);
            for (const auto &c : r.curves) s << ',' << csvNum(c.responses[i]);
            s << '\n';
        }
        break;
    }
    case ScanTab: {
        if (!m_scanResult || !m_scanResult->complete()) return none();
        const auto &r = *m_scanResult;
        const auto &g = r.grid;
        const bool syn = g.spec.synergy != core::SynergyMethod::None;
        const core::SynergyMap map = syn ? r.synergy() : core::SynergyMap{};
        s << "# ferroscope scan2d\n# readout " << qs(g.spec.readout.description()) << "\n# scenario " << qs(g.summary)
          << "\n# synergy " << qs(core::synergyName(g.spec.synergy)) << "\n";
        s << "i,j," << csvField(g.spec.x.id) << ',' << csvField(g.spec.y.id) << ',' << csvField(g.spec.readout.id);
        if (syn) s << ",effect,expected," << qs(core::synergyName(g.spec.synergy));
        s << '\n';
        for (std::size_t j = 0; j < g.ny(); ++j)
            for (std::size_t i = 0; i < g.nx(); ++i) {
                const std::size_t c = j * g.nx() + i;
                s << i << ',' << j << ',' << csvNum(g.xs[i]) << ',' << csvNum(g.ys[j]) << ','
                  << csvNum(r.value(int(i), int(j)));
                if (syn) s << ',' << csvNum(map.effect[c]) << ',' << csvNum(map.expected[c]) << ',' << csvNum(map.score[c]);
                s << '\n';
            }
        break;
    }
    case SteadyStateTab: {
        if (!m_ssResult) return none();
        const auto &r = *m_ssResult;
        s << "# ferroscope steady-state\n# scenario " << qs(r.summary) << "\n# verdict "
          << qs(core::stabilityName(r.verdict)) << " (max Re " << csvNum(r.maxRealPart) << ")\n";
        s << "state,value,units,held\n";
        for (std::size_t k = 0; k < r.stateIds.size(); ++k) {
            const core::Species *sp = m_project.model.findSpecies(r.stateIds[k]);
            const bool held = std::find(r.heldStates.begin(), r.heldStates.end(), r.stateIds[k]) != r.heldStates.end();
            s << csvField(r.stateIds[k]) << ',' << csvNum(r.state[k]) << ','
              << csvField(sp ? sp->evidence.units : std::string()) << ',' << (held ? "yes" : "no") << '\n';
        }
        s << "\neigenvalue_real,eigenvalue_imag\n";
        for (const auto &l : r.eigenvalues) s << csvNum(l.real()) << ',' << csvNum(l.imag()) << '\n';
        break;
    }
    case SensitivityTab: {
        if (!m_sensResult) return none();
        const auto &r = *m_sensResult;
        s << "# ferroscope sensitivity d ln(" << qs(r.readout.id) << ")/d ln(p)\n# readout "
          << qs(r.readout.description()) << " = " << csvNum(r.base) << "\n# scenario " << qs(r.summary) << "\n";
        s << "rank,parameter,name,value,units,sensitivity,evidence\n";
        int rank = 0;
        for (const auto &e : r.entries)
            s << ++rank << ',' << csvField(e.id) << ',' << csvField(e.name) << ',' << csvNum(e.value) << ','
              << csvField(e.evidence.units) << ',' << csvNum(e.sensitivity) << ','
              << (e.evidence.estimated ? "estimated" : "measured") << '\n';
        break;
    }
    default: return none();
    }
    s.flush();
    return writeText(path, out, error);
}

void AnalysisWindow::exportWithDialog(int tab, const QString &suffix)
{
    const QString names[] = {QStringLiteral("dose-response"), QStringLiteral("scan2d"), QStringLiteral("steady-state"),
                             QStringLiteral("sensitivity")};
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), names[tab] + QLatin1Char('.') + suffix,
                                                      tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty()) return;
    QString error;
    if (!exportTab(tab, path, &error)) QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace ferroscope::ui
