// EvidenceEditor: the "Evidence & notes" box of the Inspector — display units, the plain-language
// explanation and the seed-review references of any species, reaction, parameter or compartment.
// Changes are applied (core::edits::setEvidence, one undo step) when a field loses focus, on
// Enter in a line field or with Apply; other Evidence fields (sources, category …) are kept.
// GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ferroscope::ui {

class EvidenceEditor : public InspectorSection {
    Q_OBJECT
public:
    EvidenceEditor(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    void load(const QString &id, bool force) override;
    /// Applies what the user typed (no-op when nothing differs from the model).
    void apply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool differs() const;
    void updateApply();

    QLineEdit *m_units = nullptr;
    QPlainTextEdit *m_explanation = nullptr;
    QLineEdit *m_refs = nullptr;
    QPushButton *m_apply = nullptr;
};

}  // namespace ferroscope::ui
