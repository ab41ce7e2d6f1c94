#include "ui/diagram/diagram_editor.h"

#include "core/model/model_edits.h"
#include "core/model/pathway_model.h"
#include "ui/commands/content_command.h"
#include "ui/commands/move_nodes_command.h"

#include <QColorDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QUndoStack>

namespace ferroscope::ui {

namespace {
std::vector<std::string> toStd(const QStringList &ids)
{
    std::vector<std::string> out;
    for (const QString &id : ids) out.push_back(id.toStdString());
    return out;
}
}  // namespace

DiagramEditor::DiagramEditor(core::PathwayModel &model, QUndoStack &undo, QWidget *dialogParent)
    : QObject(dialogParent), m_model(model), m_undo(undo), m_parent(dialogParent)
{
    m_name = [this](const QString &title, const QString &label, const QString &suggestion) {
        bool ok = false;
        const QString text = QInputDialog::getText(m_parent, title, label, QLineEdit::Normal, suggestion, &ok);
        return ok ? text.trimmed() : QString();
    };
    m_confirm = [this](const QString &summary) {
        return QMessageBox::question(m_parent, tr("Delete"), summary, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_colour = [this](const QString &current) -> std::optional<QString> {
        const QColor c = QColorDialog::getColor(current.isEmpty() ? QColor(Qt::white) : QColor(current), m_parent,
                                                tr("Glyph colour"));
        if (!c.isValid()) return std::nullopt;
        return c.name();
    };
}

QString DiagramEditor::nameOf(const QString &id) const
{
    const core::ModelSpec &m = m_model.model();
    const std::string key = id.toStdString();
    if (const auto *s = m.findSpecies(key); s && !s->name.empty()) return QString::fromStdString(s->name);
    if (const auto *r = m.findReaction(key); r && !r->name.empty()) return QString::fromStdString(r->name);
    return id;
}

void DiagramEditor::addSpecies(QString figure, QPointF pos, QString compartment, GlyphKind kind)
{
    const QString suggestion = tr("Species %1").arg(m_model.model().species.size() + 1);
    const QString name = m_name(tr("Add species"),
                                tr("Name of the new %1 (in %2):").arg(glyphKindName(kind),
                                    compartment.isEmpty() ? tr("the first compartment") : compartment),
                                suggestion);
    if (name.isEmpty()) return;
    core::edits::NewSpecies spec;
    spec.name = name.toStdString();
    spec.compartment = compartment.toStdString();
    spec.kind = kind;
    spec.figure = figure;
    spec.pos = pos;
    auto result = pushEdit(m_undo, m_model, tr("Add species %1").arg(name),
                           [&](core::edits::Content &c) { return core::edits::addSpecies(c, spec); });
    if (!result) { emit message(tr("Species not added: %1").arg(QString::fromStdString(result.errorText()))); return; }
    emit message(tr("Added species %1 (%2). Give it reactions with + Reaction.").arg(name, QString::fromStdString(*result)));
    emit created(QString::fromStdString(*result));
}

void DiagramEditor::addReaction(QString figure, QStringList reactants, QStringList products,
                                QPointF pos)
{
    core::edits::NewReaction spec;
    spec.reactants = toStd(reactants);
    spec.products = toStd(products);
    spec.figure = figure;
    spec.pos = pos;
    const QString text = QStringLiteral("%1 → %2").arg(reactants.isEmpty() ? QStringLiteral("∅") : reactants.join(" + "),
                                                       products.isEmpty() ? QStringLiteral("∅") : products.join(" + "));
    auto result = pushEdit(m_undo, m_model, tr("Add reaction %1").arg(text),
                           [&](core::edits::Content &c) { return core::edits::addReaction(c, spec); });
    if (!result) { emit message(tr("Reaction not added: %1").arg(QString::fromStdString(result.errorText()))); return; }
    emit message(tr("Added reaction %1 (%2, mass action); edit its rate law in the Inspector.")
                     .arg(text, QString::fromStdString(*result)));
    emit created(QString::fromStdString(*result));
}

void DiagramEditor::addRegulation(QString modifier, QString reaction, ArcClass cls)
{
    core::edits::NewRegulation spec;
    spec.modifier = modifier.toStdString();
    spec.reaction = reaction.toStdString();
    spec.cls = cls;
    auto result = pushEdit(m_undo, m_model, tr("Add %1 %2 → %3").arg(toString(cls), modifier, reaction),
                           [&](core::edits::Content &c) { return core::edits::addRegulation(c, spec); });
    if (!result) { emit message(tr("Regulation not added: %1").arg(QString::fromStdString(result.errorText()))); return; }
    emit message(tr("%1 now regulates %2 (%3); tune K and n in the Inspector.").arg(modifier, reaction, toString(cls)));
    emit created(reaction);
}

void DiagramEditor::deleteElements(QStringList ids)
{
    if (ids.isEmpty()) return;
    const core::edits::DeletionPlan plan = core::edits::planDeletion(m_model.project(), toStd(ids));
    if (!plan.refusals.empty()) {
        QStringList reasons;
        for (const auto &r : plan.refusals) reasons << QString::fromStdString(r);
        const QString text = tr("Cannot delete: %1").arg(reasons.join(QStringLiteral("; ")));
        emit message(text);
        if (m_parent && m_parent->isVisible()) QMessageBox::information(m_parent, tr("Delete"), text);
        return;
    }
    if (!m_confirm(tr("Delete %1?\n\nThis also removes everything that depends on it:\n\n%2\n\n(Undo brings it back.)")
                       .arg(ids.join(QStringLiteral(", ")), plan.summary())))
        return;
    auto result = pushEdit(m_undo, m_model, tr("Delete %1").arg(ids.join(QStringLiteral(", "))),
                           [&](core::edits::Content &c) { return core::edits::applyDeletion(c, plan); });
    emit message(result ? tr("Deleted %1.").arg(ids.join(QStringLiteral(", ")))
                        : tr("Not deleted: %1").arg(QString::fromStdString(result.errorText())));
}

void DiagramEditor::rename(QString id)
{
    const QString current = nameOf(id);
    const QString name = m_name(tr("Rename"), tr("New name for %1:").arg(id), current);
    if (name.isEmpty() || name == current) return;
    auto result = pushEdit(m_undo, m_model, tr("Rename %1 to %2").arg(id, name),
                           [&](core::edits::Content &c) { return core::edits::rename(c, id.toStdString(), name.toStdString()); });
    if (!result) emit message(tr("Not renamed: %1").arg(QString::fromStdString(result.errorText())));
}

void DiagramEditor::recolour(QString id)
{
    QString current;
    for (const auto &f : m_model.layout().figures())
        for (const auto *g : f.glyphsFor(id))
            if (current.isEmpty()) current = g->colour;
    const auto colour = m_colour(current);
    if (!colour || *colour == current) return;
    auto result = pushEdit(m_undo, m_model, tr("Colour %1").arg(id),
                           [&](core::edits::Content &c) { return core::edits::setGlyphColour(c, QString(), id, *colour); });
    if (!result) emit message(tr("Colour not changed: %1").arg(QString::fromStdString(result.errorText())));
}

void DiagramEditor::moveNodes(const NodeMoves &moves)
{
    if (!moves.empty()) m_undo.push(new MoveNodesCommand(m_model, moves));
}

}  // namespace ferroscope::ui
