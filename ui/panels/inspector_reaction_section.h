// ReactionSection: the reaction part of the Inspector — the participants ("A + B → C"), the
// modifiers with their diagram arc class and a Remove button each (core::edits::removeRegulation),
// the kinetic-law editor (FormulaEditor) and the table of the law's parameters (LawParameterTable).
// GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

class QGroupBox;
class QLabel;
class QVBoxLayout;

namespace ferroscope::ui {

class FormulaEditor;
class LawParameterTable;

class ReactionSection : public InspectorSection {
    Q_OBJECT
public:
    ReactionSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    void load(const QString &id, bool force) override;

private:
    QString participants() const;
    QString arcClassOf(const QString &modifier) const;
    void rebuildModifiers();
    void removeModifier(const QString &modifier);

    QLabel *m_equation = nullptr;
    QGroupBox *m_modifierBox = nullptr;
    QVBoxLayout *m_modifierRows = nullptr;
    QStringList m_modifiers;   // what the rows show, to rebuild only on change
    FormulaEditor *m_formula = nullptr;
    LawParameterTable *m_parameters = nullptr;
};

}  // namespace ferroscope::ui
