// Headless runs of the explorer window: with no display (or --headless-out DIR) the app creates
// the real MainWindow offscreen, runs the default scenario (non-CSC vs CSC, no drugs) and one
// therapy preset (erastin), and writes the plots (PNG, SVG, PDF), the diagram, the 16:9 slide and
// the trajectories CSV into a folder (issue #4 §8). GUI thread, QApplication required.
#pragma once

#include <memory>

#include <QString>
#include <QStringList>

class QTextStream;

namespace ferroscope::ui {

class ProjectDocument;

class MainWindow;

/// Spins an event loop until the window shows the result of its latest request (true), a run
/// fails or the timeout passes (false + *error). Never call it from a slot of the window.
bool waitForLiveResult(MainWindow &window, int timeoutMs, QString *error = nullptr);

/// Writes the headless example outputs into `dir` (created if needed); the written paths in
/// `written`. False + *error if a run or an export failed.
bool writeHeadlessOutputs(MainWindow &window, const QString &dir, QStringList *written, QString *error);

/// The whole headless run for main(): prints the folder and the paths to `out`, errors to `err`.
/// Returns the process exit code.
/// With a document: runs it as saved and writes its plots, diagram, slide, CSV and a window shot.
int runHeadless(const QString &dir, QTextStream &out, QTextStream &err,
                std::unique_ptr<ProjectDocument> document = nullptr);

}  // namespace ferroscope::ui
