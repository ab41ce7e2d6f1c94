// DiagramEditor: turns the diagram's edit requests (DiagramWidget signals) into undo commands on the
// document: asks for a name, confirms a deletion with the full list of what goes, pushes the
// command, reports refusals in the status bar. The prompts are replaceable (tests answer them
// without dialogs). Owned by MainWindow; GUI thread only.
#pragma once

#include "core/model/diagram_layout.h"
#include "ui/diagram/pathway_scene.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QUndoStack;
class QWidget;

namespace ferroscope::core {
class PathwayModel;
}

namespace ferroscope::ui {

class DiagramEditor : public QObject {
    Q_OBJECT
public:
    DiagramEditor(core::PathwayModel &model, QUndoStack &undo, QWidget *dialogParent);

    /// Asks for a name: (title, label, suggestion) -> name, "" = cancelled.
    using NamePrompt = std::function<QString(const QString &, const QString &, const QString &)>;
    /// Confirms a deletion: (summary) -> true to delete.
    using Confirm = std::function<bool(const QString &)>;
    /// Picks a colour: (current "#rrggbb" or "") -> "#rrggbb", "" = default, nullopt = cancelled.
    using ColourPrompt = std::function<std::optional<QString>(const QString &)>;
    void setNamePrompt(NamePrompt prompt) { m_name = std::move(prompt); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setColourPrompt(ColourPrompt prompt) { m_colour = std::move(prompt); }

public slots:
    void addSpecies(QString figure, QPointF pos, QString compartment, ferroscope::ui::GlyphKind kind);
    void addReaction(QString figure, QStringList reactants, QStringList products, QPointF pos);
    void addRegulation(QString modifier, QString reaction, ferroscope::ui::ArcClass cls);
    void deleteElements(QStringList ids);
    void rename(QString id);
    void recolour(QString id);
    void moveNodes(const ferroscope::ui::NodeMoves &moves);

signals:
    /// A result or a refusal, for the status bar.
    void message(const QString &text);
    /// A new element was made (so the inspector can show it).
    void created(const QString &id);

private:
    QString nameOf(const QString &id) const;

    core::PathwayModel &m_model;
    QUndoStack &m_undo;
    QWidget *m_parent;
    NamePrompt m_name;
    Confirm m_confirm;
    ColourPrompt m_colour;
};

}  // namespace ferroscope::ui
