#include "ui/headless_export.h"

#include "core/scenario/scenario_document.h"
#include "ui/document/project_document.h"
#include "ui/main_window.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

namespace ferroscope::ui {

namespace {

constexpr int kRunTimeoutMs = 60000;

bool exportAll(MainWindow &w, const QString &dir, const QString &prefix, bool full, QStringList *written,
               QString *error)
{
    const QString base = QDir(dir).filePath(prefix);
    struct Job {
        QString suffix;
        bool (MainWindow::*exporter)(const QString &, QString *);
        bool always;
    };
    const Job jobs[] = {
        {QStringLiteral("-plots.png"), &MainWindow::exportPlots, true},
        {QStringLiteral("-plots.svg"), &MainWindow::exportPlots, false},
        {QStringLiteral("-plots.pdf"), &MainWindow::exportPlots, false},
        {QStringLiteral("-diagram.png"), &MainWindow::exportDiagram, false},
        {QStringLiteral("-slide.png"), &MainWindow::exportSlide, true},
        {QStringLiteral("-trajectories.csv"), &MainWindow::exportCsv, true},
    };
    for (const Job &job : jobs) {
        if (!full && !job.always) continue;
        const QString path = base + job.suffix;
        if (!(w.*job.exporter)(path, error)) return false;
        *written << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    }
    return true;
}

}  // namespace

bool waitForLiveResult(MainWindow &window, int timeoutMs, QString *error)
{
    auto done = [&window] {
        return window.lastResult() && window.lastResult()->generation == window.requestedGeneration();
    };
    if (done()) return true;
    QEventLoop loop;
    QString failure;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&window, &MainWindow::resultShown, &loop, [&] {
        if (done()) loop.quit();
    });
    QObject::connect(&window, &MainWindow::runFailedShown, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    timeout.start(timeoutMs);
    loop.exec();
    if (done()) return true;
    if (error) *error = failure.isEmpty() ? QObject::tr("no result within %1 s").arg(timeoutMs / 1000) : failure;
    return false;
}

bool writeHeadlessOutputs(MainWindow &window, const QString &dir, QStringList *written, QString *error)
{
    if (!QDir().mkpath(dir)) {
        if (error) *error = QObject::tr("cannot create the folder %1").arg(dir);
        return false;
    }
    core::ScenarioDocument &doc = window.document();
    doc.resetInterventions();
    doc.setCompare(true);   // the default scenario: non-CSC vs CSC, no drugs
    if (!waitForLiveResult(window, kRunTimeoutMs, error)) return false;
    if (!exportAll(window, dir, QStringLiteral("ferroscope-default"), true, written, error)) return false;

    if (doc.project().findTherapy("erastin")) {   // a second example: System Xc⁻ inhibition
        doc.applyTherapy(QStringLiteral("erastin"));
        if (!waitForLiveResult(window, kRunTimeoutMs, error)) return false;
        if (!exportAll(window, dir, QStringLiteral("ferroscope-erastin"), false, written, error)) return false;
    }
    return true;
}

int runHeadless(const QString &dir, QTextStream &out, QTextStream &err, std::unique_ptr<ProjectDocument> document)
{
    if (document) {   // a document: its own scenario, exported as it was saved, plus the window
        MainWindow window(std::move(document));
        window.resize(1600, 1000);
        window.show();
        QString error;
        QStringList written;
        const bool ok = QDir().mkpath(dir) && waitForLiveResult(window, kRunTimeoutMs, &error) &&
                        exportAll(window, dir, QStringLiteral("ferroscope-document"), true, &written, &error);
        QEventLoop settle;   // let the queued replot and the first paint happen before the grab
        QTimer::singleShot(300, &settle, &QEventLoop::quit);
        settle.exec();
        const QString shot = QDir(dir).filePath(QStringLiteral("ferroscope-document-window.png"));
        if (!ok || !window.grab().save(shot)) {
            err << "Ferroscope: headless run failed: " << (error.isEmpty() ? QStringLiteral("cannot write ") + shot : error)
                << Qt::endl;
            return 1;
        }
        out << "Ferroscope: wrote the document's scenario to " << QDir::toNativeSeparators(QFileInfo(dir).absoluteFilePath())
            << Qt::endl;
        for (const QString &path : written) out << "  " << path << Qt::endl;
        out << "  " << QDir::toNativeSeparators(QFileInfo(shot).absoluteFilePath()) << Qt::endl;
        return 0;
    }
    MainWindow window;
    window.resize(1920, 1080);
    QStringList written;
    QString error;
    if (!writeHeadlessOutputs(window, dir, &written, &error)) {
        err << "Ferroscope: headless run failed: " << error << Qt::endl;
        return 1;
    }
    out << "Ferroscope: wrote the default scenario (non-CSC vs CSC) and the erastin preset to "
        << QDir::toNativeSeparators(QFileInfo(dir).absoluteFilePath()) << Qt::endl;
    for (const QString &path : written) out << "  " << path << Qt::endl;
    return 0;
}

}  // namespace ferroscope::ui
