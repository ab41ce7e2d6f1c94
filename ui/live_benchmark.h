// Live benchmark (issue #4 "Speed"): `ferroscope --benchmark-live [--frames N]` drives N slider
// and toggle changes through the real UI path of an offscreen MainWindow in CSC-vs-non-CSC
// compare mode — the erastin dose slider every frame, the GPX4 slider (knock-down <-> normal)
// every 10th — and times each change until the trajectory plot has replotted its result.
// GUI thread, QApplication required.
#pragma once

#include <QString>

#include <vector>

namespace ferroscope::ui {

class MainWindow;

struct LiveBenchmarkResult {
    std::vector<double> samplesMs;   // change -> curves replotted, one per frame
    double p50 = 0, p95 = 0, max = 0;
    int frames = 0;
    QString error;                   // non-empty if a frame timed out or failed

    QString json() const;            // {"p50_ms":…, "p95_ms":…, "max_ms":…, "frames":N}
};

/// Drives `frames` changes through the window's interventions panel; compare mode is switched on
/// through its checkbox first. The window should be shown (offscreen is fine).
LiveBenchmarkResult measureLiveLatency(MainWindow &window, int frames);
/// Model edit -> recompiled, re-simulated and repainted curves (undo/redo of an added species).
LiveBenchmarkResult measureEditLatency(MainWindow &window, int frames);

/// The whole benchmark for main(): prints one JSON line; returns the exit code.
int runLiveBenchmark(int frames);

}  // namespace ferroscope::ui
