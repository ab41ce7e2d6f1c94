// FormulaEditor: a reaction's kinetic-law editor in the Inspector. The formula (SBML L3 infix) is
// checked against the model on every keystroke (core::edits::checkFormula): a valid change gets a
// green frame and enables Apply; an invalid one a red frame and the checker's message (which token,
// why). An invalid formula is never applied. When the only problem is unknown identifiers, "Create
// parameter …" adds them (value 1) and applies the formula as one undo step. Rate-law templates
// replace the law with applyTemplate. Ids complete as you type. GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

#include <QStringList>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ferroscope::ui {

class FormulaEditor : public InspectorSection {
    Q_OBJECT
public:
    FormulaEditor(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    void load(const QString &id, bool force) override;

    /// Applies the typed formula if it is valid and differs from the law; else reports why.
    bool apply();
    /// Adds the unknown identifiers as parameters (value 1) and applies the formula: one undo step.
    bool createParametersAndApply();
    void applyTemplate();
    /// Identifiers whose creation as parameters would make the typed formula valid ("" list = none).
    QStringList missingParameters() const { return m_missing; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString currentLaw() const;
    void validate();
    QStringList creatableParameters(const std::string &text) const;
    void refreshCompleter();
    void completeWord();
    void insertCompletion(const QString &word);

    QLineEdit *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_create = nullptr;
    QComboBox *m_template = nullptr;
    QPushButton *m_applyTemplate = nullptr;
    QCompleter *m_completer = nullptr;
    QStringList m_missing;
    bool m_valid = false;
};

}  // namespace ferroscope::ui
