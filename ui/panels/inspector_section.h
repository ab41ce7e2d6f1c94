// InspectorSection: the base of the per-kind parts of the Inspector dock (species, reaction,
// parameter, compartment). A section shows one model element, reads the PathwayModel and changes it
// only through undo commands on the document's QUndoStack (STYLE.md §2, §4). load() is called for a
// new element (force) and after every model change (no force: fields the user is typing in keep
// their text). Helpers shared by the sections live here too. GUI thread only.
#pragma once

#include "core/model/model_spec.h"
#include "core/model/pathway_model.h"

#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QUndoStack;

namespace ferroscope::ui {

class InspectorSection : public QWidget {
    Q_OBJECT
public:
    InspectorSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent = nullptr);

    /// Shows element `id` (it exists and is of this section's kind). `force`: a new element, so
    /// every field is reset, including one the user was typing in.
    virtual void load(const QString &id, bool force) = 0;
    QString id() const { return m_id; }

signals:
    void statusMessage(const QString &text);
    /// The user clicked another element (a reaction in a species' list …) to inspect it.
    void elementActivated(const QString &id);

protected:
    core::PathwayModel &m_model;
    QUndoStack &m_undo;
    QString m_id;
};

namespace inspector {

/// Sets the text unless the user is editing the field (it has focus and unsaved typing), so a model
/// refresh never eats half-typed text. `force` always sets it.
void setTextIfIdle(QLineEdit *edit, const QString &text, bool force);
/// Parses a concentration/parameter value typed by the user ("0.5", "1e-3", "1,5" in a comma
/// locale). Returns nullopt and an error message for text that is not a finite number ≥ 0.
std::optional<double> parseNonNegative(const QString &text, QString *error);
/// A value for display: up to 6 significant digits, no trailing zeros ("0.1", "2.5e-05").
QString formatValue(double value);
/// Inline error/info label under a field: red, word-wrapped, hidden while empty.
QLabel *makeMessageLabel(const QString &objectName, QWidget *parent);
void showMessage(QLabel *label, const QString &text);
/// Styles a line edit's frame: 0 = neutral, 1 = valid and changed (green), -1 = invalid (red).
void setFrameState(QLineEdit *edit, int state);
/// Sizes a list to its rows (at most `maxRows`, then it scrolls) so short lists leave no blank box.
void fitListHeight(QListWidget *list, int maxRows = 6);
/// The evidence record of a species/reaction/parameter/compartment; nullptr for other ids.
const core::Evidence *evidenceOf(const core::ModelSpec &model, const std::string &id);
/// Display name of an element ("" when it has none or does not exist).
QString nameOf(const core::ModelSpec &model, const std::string &id);
/// "id — name" (or just the id when the name is empty or equal to it).
QString idAndName(const core::ModelSpec &model, const std::string &id);

}  // namespace inspector
}  // namespace ferroscope::ui
