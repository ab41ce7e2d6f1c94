// ferroscope: the explorer window (issue #4). With no display it says so and runs the default
// scenario headless; --benchmark-live times the live path offscreen (STYLE.md §1: wiring only).
#include "ui/headless_export.h"
#include "ui/live_benchmark.h"
#include "ui/document/project_document.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {
bool hasArg(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], name) == 0 || std::strncmp(argv[i], name, std::strlen(name)) == 0) return true;
    return false;
}
}  // namespace

int main(int argc, char **argv)
{
    // The platform must be chosen before QApplication exists: without a display Qt would abort.
    const bool info = hasArg(argc, argv, "--help") || hasArg(argc, argv, "-h") || hasArg(argc, argv, "--version") ||
                      hasArg(argc, argv, "-v");
    const bool offscreenMode = hasArg(argc, argv, "--benchmark-live") || hasArg(argc, argv, "--headless-out");
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
                           qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (noDisplay && !info && !offscreenMode)
        std::fputs("Ferroscope: no display found; running the default scenario headless\n", stdout);
    if (offscreenMode || noDisplay) qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Ferroscope"));
    QApplication::setApplicationName(QStringLiteral("Ferroscope"));
    QApplication::setApplicationVersion(QStringLiteral(FERROSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.ferroscope.Ferroscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ferroscope.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Explore iron and heme metabolism in cancer stem cells."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption benchmark(QStringLiteral("benchmark-live"),
                                       QStringLiteral("Time slider changes and model edits -> replotted curves "
                                                     "offscreen; print JSON."));
    const QCommandLineOption frames(QStringLiteral("frames"), QStringLiteral("Changes to time (default 200)."),
                                    QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption headless(QStringLiteral("headless-out"),
                                      QStringLiteral("Run without a window: the default scenario, or FILE's own; "
                                                     "write plots, diagram, slide and CSV to DIR (default "
                                                     "./ferroscope-output)."),
                                      QStringLiteral("DIR"));
    parser.addOptions({benchmark, frames, headless});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A Ferroscope document (.ferroscope) or an SBML model to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    if (parser.isSet(benchmark)) return ferroscope::ui::runLiveBenchmark(parser.value(frames).toInt());
    std::unique_ptr<ferroscope::ui::ProjectDocument> document;
    if (!parser.positionalArguments().isEmpty()) {
        const QString path = parser.positionalArguments().front();
        auto opened = ferroscope::ui::ProjectDocument::open(path);
        if (opened) document = std::move(*opened);
        else {
            QTextStream(stderr) << "ferroscope: cannot open " << path << ": "
                                << QString::fromStdString(opened.errorText()) << "\n";
            if (parser.isSet(headless) || noDisplay) return 1;
        }
    }
    if (parser.isSet(headless) || noDisplay) {
        QTextStream out(stdout), err(stderr);
        const QString dir = parser.isSet(headless) ? parser.value(headless) : QStringLiteral("ferroscope-output");
        return ferroscope::ui::runHeadless(dir, out, err, std::move(document));
    }
    auto *window = new ferroscope::ui::MainWindow(document ? std::move(document)
                                                           : ferroscope::ui::ProjectDocument::builtin());
    window->setAttribute(Qt::WA_DeleteOnClose);   // File > Open replaces windows
    if (window->restoreSettings()) window->show();
    else window->showMaximized();
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QTimer::singleShot(0, window, [window] { ferroscope::ui::MainWindow::offerRecovery(window); });
    return app.exec();
}
