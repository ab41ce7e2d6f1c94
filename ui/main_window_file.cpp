// MainWindow, documents: New, Open, Open Recent, Save, Save As, SBML import/export, unsaved-change
// prompts, the window title, autosave and crash recovery. Opening a document opens it in a new
// window that takes this one's place (this one closes), so every panel is built for one document.
#include "ui/main_window.h"

#include "core/io/sbml_document.h"
#include "core/model/pathway_model.h"
#include "core/scenario/scenario_document.h"
#include "ui/document/autosave.h"
#include "ui/document/project_document.h"
#include "ui/plots/trajectory_panel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

namespace ferroscope::ui {

namespace {
constexpr int kMaxRecent = 8;
const QString kDocumentFilter = QObject::tr("Ferroscope documents (*.ferroscope *.json)");
const QString kOpenFilter =
    QObject::tr("Ferroscope documents and SBML models (*.ferroscope *.json *.xml *.sbml);;Ferroscope documents "
                "(*.ferroscope *.json);;SBML models (*.xml *.sbml);;All files (*)");

QSettings appSettings() { return QSettings(QStringLiteral("Ferroscope"), QStringLiteral("Ferroscope")); }

QString documentsDir()
{
    const QString last = appSettings().value(QStringLiteral("documents/lastDir")).toString();
    if (QFileInfo(last).isDir()) return last;
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return docs.isEmpty() ? QDir::homePath() : docs;
}
}  // namespace

void MainWindow::buildFileMenu(QMenu *file)
{
    QAction *newAction = file->addAction(tr("&New"), this, &MainWindow::newDocument);
    newAction->setShortcut(QKeySequence::New);
    newAction->setToolTip(tr("A new document on the built-in iron/heme model"));
    file->addAction(tr("&Open…"), this, &MainWindow::openFile)->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &As…"), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *import = file->addAction(tr("&Import SBML…"), this, &MainWindow::openFile);
    import->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    import->setToolTip(tr("Open an SBML model (with its SBML Layout, or an automatic layout)"));
    file->addAction(tr("&Export SBML (with layout)…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export SBML"),
                                                          documentsDir() + QLatin1Char('/') +
                                                              QFileInfo(m_doc->displayName()).completeBaseName() + ".xml",
                                                          tr("SBML Level 3 (*.xml *.sbml)"));
        if (path.isEmpty()) return;
        QString error;
        if (exportSbmlTo(path, &error)) statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 6000);
        else QMessageBox::warning(this, tr("Export SBML"), tr("Could not export:\n%1").arg(error));
    });
    file->addSeparator();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Ferroscope").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
    if (!m_autosave) {   // made here: the first call comes once the window is built
        m_autosave = std::make_unique<Autosave>([this] { return m_doc->toFile(plotSettings()); },
                                                [this] { return m_doc->isModified(); });
        connect(m_autosave.get(), &Autosave::failed, this, [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    }
    m_autosave->setOriginalPath(m_doc->path());
}

// ---------------------------------------------------------------- plot settings

QJsonObject MainWindow::plotSettings() const
{
    QJsonArray custom;
    const std::vector<PanelSpec> defaults = PanelSpec::defaults(m_project);
    for (const PanelSpec &p : m_trajectories->panels())
        if (std::find(defaults.begin(), defaults.end(), p) == defaults.end() && p.title != TrajectoryPanel::addedSpeciesTitle())
            custom.append(QJsonObject{{"title", p.title}, {"ids", QJsonArray::fromStringList(p.ids())}});
    return QJsonObject{{"visible", QJsonArray::fromStringList(m_trajectories->visiblePanels())}, {"custom", custom}};
}

void MainWindow::applyPlotSettings(const QJsonObject &plots)
{
    for (const QJsonValue &v : plots.value("custom").toArray()) {
        const QJsonObject o = v.toObject();
        QStringList ids;
        for (const QJsonValue &id : o.value("ids").toArray())
            if (!m_project.model.kindOf(id.toString().toStdString()).empty()) ids << id.toString();
        if (!ids.isEmpty()) m_trajectories->addCustomPanel(ids, o.value("title").toString());
    }
    QStringList visible;
    for (const QJsonValue &v : plots.value("visible").toArray()) visible << v.toString();
    if (!visible.isEmpty()) m_trajectories->setVisiblePanels(visible);
    rebuildPanelsMenu();
}

// ---------------------------------------------------------------- save

bool MainWindow::saveTo(const QString &path, QString *error)
{
    auto saved = m_doc->saveAs(path, plotSettings());
    if (!saved) {
        if (error) *error = QString::fromStdString(saved.errorText());
        return false;
    }
    addRecentFile(path);
    m_autosave->saveNow();   // nothing unsaved now: drops the recovery file
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    return true;
}

bool MainWindow::save()
{
    if (m_doc->path().isEmpty()) return saveAs();
    QString error;
    if (saveTo(m_doc->path(), &error)) return true;
    QMessageBox::warning(this, tr("Save"), tr("Could not save; the previous file is unchanged.\n\n%1").arg(error));
    return false;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save document"),
                                                documentsDir() + QLatin1Char('/') +
                                                    QFileInfo(m_doc->displayName()).completeBaseName() + ".ferroscope",
                                                kDocumentFilter);
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".ferroscope");
    appSettings().setValue(QStringLiteral("documents/lastDir"), QFileInfo(path).absolutePath());
    QString error;
    if (saveTo(path, &error)) return true;
    QMessageBox::warning(this, tr("Save"), tr("Could not save:\n\n%1").arg(error));
    return false;
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified()) return true;
    const int answer = m_savePrompt ? m_savePrompt()
                                    : QMessageBox::warning(this, tr("Unsaved changes"),
                                                           tr("“%1” has unsaved changes. Save them first?")
                                                               .arg(m_doc->displayName()),
                                                           QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                           QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::exportSbmlTo(const QString &path, QString *error)
{
    auto written = core::exportSbmlDocumentFile(m_doc->toFile(plotSettings()), path);
    if (!written && error) *error = QString::fromStdString(written.errorText());
    return bool(written);
}

// ---------------------------------------------------------------- open / new

MainWindow *MainWindow::replaceWith(std::unique_ptr<ProjectDocument> document)
{
    auto *next = new MainWindow(std::move(document));
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->setGeometry(geometry());
    next->restoreState(saveState());
    if (isMaximized()) next->showMaximized();
    else next->show();
    setAttribute(Qt::WA_DeleteOnClose);
    m_savePrompt = [] { return int(QMessageBox::Discard); };   // already asked: closing must not ask again
    close();
    return next;
}

MainWindow *MainWindow::openPath(const QString &path, QString *error)
{
    auto opened = ProjectDocument::open(path);
    if (!opened) {   // nothing changes in this window
        if (error) *error = QString::fromStdString(opened.errorText());
        return nullptr;
    }
    // Asked only once the file has been read: a file that cannot be opened costs no decision.
    if (!maybeSave()) {
        if (error) error->clear();   // the user kept this document: nothing to report
        return nullptr;
    }
    addRecentFile(path);
    appSettings().setValue(QStringLiteral("documents/lastDir"), QFileInfo(path).absolutePath());
    return replaceWith(std::move(*opened));
}

void MainWindow::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open"), documentsDir(), kOpenFilter);
    if (path.isEmpty()) return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    MainWindow *next = openPath(path, &error);
    QApplication::restoreOverrideCursor();
    if (!next && !error.isEmpty()) QMessageBox::warning(this, tr("Open"), tr("Could not open %1.\nThe current document is unchanged.\n\n%2")
                                                          .arg(QDir::toNativeSeparators(path), error));
}

void MainWindow::newDocument()
{
    if (!maybeSave()) return;
    replaceWith(ProjectDocument::builtin());
}

QStringList MainWindow::recentFiles()
{
    QStringList files = appSettings().value(QStringLiteral("documents/recent")).toStringList();
    files.erase(std::remove_if(files.begin(), files.end(), [](const QString &f) { return !QFileInfo::exists(f); }),
                files.end());
    return files;
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent) files.removeLast();
    appSettings().setValue(QStringLiteral("documents/recent"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu) return;
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            QString error;
            if (!openPath(path, &error) && !error.isEmpty())
                QMessageBox::warning(this, tr("Open"), tr("Could not open %1.\n\n%2").arg(QDir::toNativeSeparators(path), error));
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

// ---------------------------------------------------------------- recovery

MainWindow *MainWindow::offerRecovery(MainWindow *current)
{
    const QList<Autosave::Recovery> orphans = Autosave::orphans();
    for (const Autosave::Recovery &r : orphans) {
        const QString name = !r.originalPath.isEmpty() ? QFileInfo(r.originalPath).fileName()
                             : !r.title.isEmpty() ? r.title : tr("an untitled document");
        const int answer = QMessageBox::question(
            current, tr("Recover unsaved work?"),
            tr("Ferroscope did not close properly last time. Unsaved changes to %1 were autosaved at %2.\n\n"
               "Recover them? (No deletes the autosaved copy.)")
                .arg(name, QLocale().toString(r.saved.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel) break;   // keep it for next time
        if (answer == QMessageBox::No) {
            Autosave::discard(r);
            continue;
        }
        auto file = core::readDocumentFile(r.file);
        if (!file) {
            QMessageBox::warning(current, tr("Recover"), tr("The autosaved copy cannot be read:\n%1")
                                                             .arg(QString::fromStdString(file.errorText())));
            continue;
        }
        auto document = std::make_unique<ProjectDocument>(std::move(*file), r.originalPath);
        document->markUnsaved();   // recovered work is unsaved until the user saves it
        Autosave::discard(r);
        current = current->replaceWith(std::move(document));
        break;
    }
    return current;
}

}  // namespace ferroscope::ui
