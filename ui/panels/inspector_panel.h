// InspectorPanel: the Inspector dock (issue #5) — shows the species, reaction, parameter or
// compartment selected on the diagram and edits it: name, kind-specific fields (a section per kind:
// inspector_*_section.h), evidence & notes, and a Delete… request. It reads core::PathwayModel (the
// single source of truth, STYLE.md §2) and changes it only through undo commands on the document's
// QUndoStack (§4). It refreshes on every model signal without overwriting a field the user is
// typing in; when the shown element disappears (delete, undo of its creation) it shows the empty
// state. Owned by the main window's dock; GUI thread only.
#pragma once

#include "core/model/pathway_model.h"

#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QUndoStack;

namespace ferroscope::ui {

class CompartmentSection;
class EvidenceEditor;
class InspectorSection;
class ParameterSection;
class ReactionSection;
class SpeciesSection;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    InspectorPanel(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    /// The element shown ("" = the empty state).
    QString currentId() const { return m_id; }

public slots:
    /// Model id (species/reaction/parameter/compartment); "" or an unknown id = nothing.
    void showElement(const QString &id);

signals:
    /// Errors of rejected edits, for the status bar (the panel also shows them inline).
    void statusMessage(const QString &text);
    /// The "Delete…" button; the main window confirms (planDeletion) and deletes.
    void deleteRequested(const QStringList &ids);

private:
    void buildUi();
    QWidget *buildHeader();
    void refresh(bool force);
    void showEmpty();
    void commitName();
    InspectorSection *sectionFor(const std::string &kind) const;

    core::PathwayModel &m_model;
    QUndoStack &m_undo;
    QString m_id;
    std::string m_kind;

    QLabel *m_empty = nullptr;
    QWidget *m_element = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_kindLabel = nullptr;
    QLabel *m_idField = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameMessage = nullptr;
    SpeciesSection *m_species = nullptr;
    ReactionSection *m_reaction = nullptr;
    ParameterSection *m_parameter = nullptr;
    CompartmentSection *m_compartment = nullptr;
    EvidenceEditor *m_evidence = nullptr;
    QPushButton *m_delete = nullptr;
};

}  // namespace ferroscope::ui
