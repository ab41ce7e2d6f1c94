// ProjectDocument: one open Ferroscope document — the PathwayModel (model + diagram), the
// ScenarioDocument (interventions, snapshots) bound to it, and the QUndoStack of its edits
// (STYLE.md §4: one stack per document, beside the model). It knows its file, whether it has
// unsaved changes, and how to read and write itself (atomic saves). Owned by MainWindow; GUI thread.
#pragma once

#include "core/io/document_file.h"
#include "core/model/pathway_model.h"
#include "core/scenario/scenario_document.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <cstdint>
#include <memory>
#include <string>

namespace ferroscope::ui {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    /// `path` empty = untitled. A file without a diagram gets the built-in layout (built-in model)
    /// or an automatic layered layout.
    explicit ProjectDocument(core::DocumentFile file, QString path = {}, QObject *parent = nullptr);
    ~ProjectDocument() override;

    /// The built-in iron/heme CSC model with its hand-laid diagram, untitled.
    static std::unique_ptr<ProjectDocument> builtin();
    /// Reads a document/project file (JSON) or imports an SBML file (then untitled: saving it
    /// writes a Ferroscope document). Errors leave nothing half-open.
    static core::Result<std::unique_ptr<ProjectDocument>> open(const QString &path);
    /// Reads a file into a DocumentFile (JSON document or SBML) without opening it.
    /// `notes` receives import notes (parts of an SBML file skipped); `sbml` whether it was SBML.
    static core::Result<core::DocumentFile> read(const QString &path, QStringList *notes = nullptr,
                                                 bool *sbml = nullptr);

    core::PathwayModel &model() { return *m_model; }
    const core::PathwayModel &model() const { return *m_model; }
    core::ScenarioDocument &scenario() { return *m_scenario; }
    QUndoStack &undoStack() { return m_undo; }

    QString path() const { return m_path; }
    /// File name, or "Untitled" / the model title for a new or imported document.
    QString displayName() const;
    bool isModified() const;
    /// Notes from importing (SBML parts skipped) and restoring the explorer state (unknown ids
    /// skipped), for the status bar.
    QStringList restoreNotes() const { return m_notes; }
    /// The file carried interventions/snapshots (else the window applies its first-run defaults).
    bool hadSavedExplorer() const { return m_hadExplorer; }

    /// Everything to save; `plots` is the plot panel state (UI-defined).
    core::DocumentFile toFile(const QJsonObject &plots) const;
    /// Atomic save; on success the document takes this path and becomes unmodified.
    core::Result<bool> saveAs(const QString &path, const QJsonObject &plots);
    /// The plot settings read from the file (applied by the window after it built its panels).
    QJsonObject savedPlots() const { return m_plots; }
    /// The current interventions count as "as opened" (after the window's first-run defaults).
    void resetScenarioBaseline();
    /// Unsaved whatever the content (recovered work, until it is saved).
    void markUnsaved();

signals:
    void modifiedChanged(bool modified);
    void pathChanged(const QString &path);

private:
    void updateModified();
    void recordScenario();
    void markSaved();
    const std::string &contentKey() const;

    std::unique_ptr<core::PathwayModel> m_model;
    std::unique_ptr<core::ScenarioDocument> m_scenario;
    QUndoStack m_undo;
    QString m_path;
    QJsonObject m_plots;
    QStringList m_notes;
    bool m_hadExplorer = false;
    std::string m_savedContent;        // model + layout as last opened/saved
    QJsonObject m_savedExplorer;       // interventions as last opened/saved
    QJsonObject m_lastExplorer;        // interventions as last recorded on the undo stack
    bool m_applyingScenario = false;   // an undo/redo is restoring interventions
    bool m_forceModified = false;
    std::uint64_t m_contentGeneration = 1;       // bumped by every model/layout change
    mutable std::uint64_t m_keyGeneration = 0;   // generation m_key was made for
    mutable std::string m_key;
    bool m_lastModified = false;
};

}  // namespace ferroscope::ui
