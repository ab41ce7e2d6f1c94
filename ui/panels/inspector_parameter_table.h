// LawParameterTable: the parameters a reaction's rate law uses (global ones, editable unless a rule
// computes them; the reaction's local parameters, read-only), with value and display units, plus a
// value field and log slider for the selected row (ParameterValueEditor). Value edits push
// SetParameterCommand; a value that is not a finite number ≥ 0 is refused with an inline message
// and the cell shows the model's value again. Double-clicking a name inspects that parameter.
// GUI thread only.
#pragma once

#include "ui/panels/inspector_section.h"

#include <QStringList>

class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace ferroscope::ui {

class ParameterValueEditor;

class LawParameterTable : public InspectorSection {
    Q_OBJECT
public:
    LawParameterTable(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);
    /// `id` is the reaction.
    void load(const QString &id, bool force) override;
    /// Global and local parameter ids the reaction's law uses, in order of first use.
    QStringList rowIds() const { return m_rows; }

    enum Column { NameColumn, ValueColumn, UnitsColumn };

private:
    QStringList lawParameters() const;
    void rebuild();
    void fillRow(int row);
    void onItemChanged(QTableWidgetItem *item);
    void onSelectionChanged();
    void fitHeight();

    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_selectedLabel = nullptr;
    ParameterValueEditor *m_editor = nullptr;
    QStringList m_rows;
    QStringList m_locals;
};

}  // namespace ferroscope::ui
