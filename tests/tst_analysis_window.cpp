// AnalysisWindow (issue #6 GUI): dose-response with IC50 per phenotype, a cancelled and a finished
// 2-D scan with synergy, steady state, sensitivity tornado, exports. Runs offscreen.
#include "core/io/project_file.h"
#include "ui/analysis/analysis_window.h"

#include <qcustomplot.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ferroscope;
using ui::AnalysisWindow;

class TestAnalysisWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        core::Scenario base;
        base.phenotype = "nonCSC";
        m_window = new AnalysisWindow(core::builtinProject(), base);
        m_window->resize(1400, 900);
        m_window->show();
    }
    void cleanupTestCase() { delete m_window; }

    void doseResponse()
    {
        AnalysisWindow &w = *m_window;
        w.configureDoseResponse(QStringLiteral("ERA"), 0.5, 10, 6, true, true);
        QSignalSpy progress(&w, &AnalysisWindow::progressed);
        QVERIFY(w.startDoseResponse());
        QVERIFY(w.isRunning(AnalysisWindow::DoseResponseTab));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(AnalysisWindow::DoseResponseTab), 60000);
        QVERIFY2(!w.lastCancelled(AnalysisWindow::DoseResponseTab), qPrintable(w.statusText(0)));
        QVERIFY(progress.count() >= 1);
        QVERIFY(w.doseResponseResult().has_value());
        QCustomPlot *plot = w.doseResponsePlot();
        QCOMPARE(plot->graphCount(), 2);
        QCOMPARE(plot->graph(0)->dataCount(), 6);
        QCOMPARE(plot->graph(1)->dataCount(), 6);
        QVERIFY(w.ic50Label()->isVisible());
        QVERIFY(w.ic50Label()->text().contains(QStringLiteral("IC50")));
        double nonCsc = qQNaN(), csc = qQNaN();
        for (const auto &c : w.doseResponseResult()->curves) {
            QVERIFY(c.half.found);
            (c.phenotype == "CSC" ? csc : nonCsc) = c.half.dose;
        }
        QVERIFY2(csc > nonCsc, qPrintable(QStringLiteral("CSC %1 nonCSC %2").arg(csc).arg(nonCsc)));
        int lines = 0;
        for (int k = 0; k < plot->itemCount(); ++k)
            if (qobject_cast<QCPItemStraightLine *>(plot->item(k))) ++lines;
        QCOMPARE(lines, 2);
    }

    void scanCancel()
    {
        AnalysisWindow &w = *m_window;
        w.configureScan(QStringLiteral("ERA"), 0.5, 10, 40, true, QStringLiteral("KO143"), 0.1, 10, 40, true,
                        core::SynergyMethod::Bliss);
        bool cancelledOnce = false;
        QElapsedTimer sinceCancel;
        auto c = connect(&w, &AnalysisWindow::progressed, &w, [&](int tab, qint64 done, qint64) {
            if (tab != AnalysisWindow::ScanTab || cancelledOnce || done == 0) return;
            cancelledOnce = true;
            sinceCancel.start();
            w.cancel(AnalysisWindow::ScanTab);
        });
        QVERIFY(w.startScan());
        QTRY_VERIFY_WITH_TIMEOUT(cancelledOnce, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(AnalysisWindow::ScanTab), 5000);
        disconnect(c);
        QVERIFY2(sinceCancel.elapsed() < 2000, qPrintable(QString::number(sinceCancel.elapsed())));
        QVERIFY(w.lastCancelled(AnalysisWindow::ScanTab));
        QVERIFY(w.statusText(AnalysisWindow::ScanTab).contains(QStringLiteral("Cancelled")));
    }

    void scanSmall()
    {
        AnalysisWindow &w = *m_window;
        w.configureScan(QStringLiteral("ERA"), 0.5, 10, 4, true, QStringLiteral("KO143"), 0.1, 10, 4, true,
                        core::SynergyMethod::Bliss);
        QVERIFY(w.startScan());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(AnalysisWindow::ScanTab), 60000);
        QVERIFY2(!w.lastCancelled(AnalysisWindow::ScanTab), qPrintable(w.statusText(1)));
        QVERIFY(w.scanResult() && w.scanResult()->complete());
        for (QCPColorMap *map : {w.scanMap(), w.synergyMap()}) {
            QCOMPARE(map->data()->keySize(), 4);
            QCOMPARE(map->data()->valueSize(), 4);
            int finite = 0;
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 4; ++j) finite += std::isfinite(map->data()->cell(i, j)) ? 1 : 0;
            QCOMPARE(finite, 16);
        }
        // synergy colour range symmetric around 0
        const QCPRange r = w.synergyMap()->dataRange();
        QVERIFY(qFuzzyCompare(r.lower, -r.upper));
        QCOMPARE(w.synergyPlot()->graphCount(), 1);   // most synergistic pair marker
    }

    void steadyState()
    {
        AnalysisWindow &w = *m_window;
        QVERIFY(w.startSteadyState());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(AnalysisWindow::SteadyStateTab), 60000);
        QVERIFY2(w.steadyStateVerdict().contains(QStringLiteral("stable")), qPrintable(w.statusText(2)));
        QVERIFY(!w.steadyStateVerdict().contains(QStringLiteral("unstable")));
        QVERIFY(w.steadyStateTable()->rowCount() > 10);
    }

    void sensitivity()
    {
        AnalysisWindow &w = *m_window;
        w.configureSensitivity(QStringLiteral("Viability"), 72, 15);
        QVERIFY(w.startSensitivity());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(AnalysisWindow::SensitivityTab), 120000);
        QVERIFY2(w.sensitivityResult().has_value(), qPrintable(w.statusText(3)));
        QCOMPARE(w.tornadoBarCount(), 15);
    }

    void exports()
    {
        AnalysisWindow &w = *m_window;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (int tab = 0; tab < 4; ++tab)
            for (const char *ext : {"png", "svg", "pdf", "csv"}) {
                const QString path = dir.filePath(QStringLiteral("tab%1.%2").arg(tab).arg(QLatin1String(ext)));
                QString error;
                QVERIFY2(w.exportTab(tab, path, &error), qPrintable(path + QStringLiteral(": ") + error));
                QVERIFY2(QFileInfo(path).size() > 100, qPrintable(path));
            }
        QImage png(dir.filePath(QStringLiteral("tab1.png")));
        QCOMPARE(png.size(), QSize(1920, 1080));
        QCOMPARE(png.pixelColor(2, 2), QColor(Qt::white));
        QString error;
        QVERIFY(!w.exportTab(0, dir.filePath(QStringLiteral("x.bmp")), &error));
    }

    void screenshot()
    {
        AnalysisWindow &w = *m_window;
        w.configureScan(QStringLiteral("ERA"), 0.5, 10, 20, true, QStringLiteral("KO143"), 0.1, 10, 20, true,
                        core::SynergyMethod::Bliss);
        QVERIFY(w.startScan());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(AnalysisWindow::ScanTab), 60000);
        QVERIFY(!w.lastCancelled(AnalysisWindow::ScanTab));
        w.exportTab(AnalysisWindow::ScanTab, QStringLiteral("/tmp/ferroscope-shots/analysis-scan-slide.png"));
        w.tabs()->setCurrentIndex(AnalysisWindow::ScanTab);
        w.resize(1400, 900);
        QTest::qWait(100);
        QDir().mkpath(QStringLiteral("/tmp/ferroscope-shots"));
        QVERIFY(w.grab().save(QStringLiteral("/tmp/ferroscope-shots/analysis-scan.png")));
        for (int tab : {0, 2, 3}) {
            w.tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            w.grab().save(QStringLiteral("/tmp/ferroscope-shots/analysis-tab%1.png").arg(tab));
        }
    }

private:
    AnalysisWindow *m_window = nullptr;
};

QTEST_MAIN(TestAnalysisWindow)
#include "tst_analysis_window.moc"
