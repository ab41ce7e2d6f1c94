#include "ui/panels/inspector_reaction_section.h"

#include "core/model/model_edits.h"
#include "ui/commands/content_command.h"
#include "ui/panels/inspector_formula_edit.h"
#include "ui/panels/inspector_parameter_table.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ferroscope::ui {

using namespace inspector;

ReactionSection::ReactionSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_equation = new QLabel(this);
    m_equation->setObjectName(QStringLiteral("inspectorReactionEquation"));
    m_equation->setWordWrap(true);
    m_equation->setTextFormat(Qt::RichText);
    m_equation->setToolTip(tr("Reactants → products (∅: made from nothing or degraded). Click a species to "
                              "inspect it."));
    connect(m_equation, &QLabel::linkActivated, this, &InspectorSection::elementActivated);

    m_modifierBox = new QGroupBox(tr("Modifiers"), this);
    m_modifierBox->setObjectName(QStringLiteral("inspectorModifierBox"));
    m_modifierBox->setToolTip(tr("Species that change the rate without being consumed (enzymes, activators, "
                                 "inhibitors), with the arc class the diagram draws."));
    m_modifierRows = new QVBoxLayout(m_modifierBox);
    m_modifierRows->setSpacing(2);

    auto *lawBox = new QGroupBox(tr("Kinetic law"), this);
    m_formula = new FormulaEditor(model, undo, lawBox);
    (new QVBoxLayout(lawBox))->addWidget(m_formula);
    auto *parameterBox = new QGroupBox(tr("Parameters of the law"), this);
    m_parameters = new LawParameterTable(model, undo, parameterBox);
    (new QVBoxLayout(parameterBox))->addWidget(m_parameters);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_equation);
    layout->addWidget(m_modifierBox);
    layout->addWidget(lawBox);
    layout->addWidget(parameterBox);

    for (InspectorSection *s : {static_cast<InspectorSection *>(m_formula), static_cast<InspectorSection *>(m_parameters)}) {
        connect(s, &InspectorSection::statusMessage, this, &InspectorSection::statusMessage);
        connect(s, &InspectorSection::elementActivated, this, &InspectorSection::elementActivated);
    }
}

void ReactionSection::load(const QString &id, bool force)
{
    m_id = id;
    m_equation->setText(participants());
    rebuildModifiers();
    m_formula->load(id, force);
    m_parameters->load(id, force);
}

QString ReactionSection::participants() const
{
    const auto *r = m_model.model().findReaction(m_id.toStdString());
    if (!r) return {};
    auto side = [&](const std::vector<core::SpeciesReference> &refs) {
        if (refs.empty()) return QStringLiteral("∅");
        QStringList terms;
        for (const auto &ref : refs) {
            const QString sid = QString::fromStdString(ref.species);
            const QString link = QStringLiteral("<a href=\"%1\">%1</a>").arg(sid.toHtmlEscaped());
            terms << (ref.stoichiometry == 1 ? link : QStringLiteral("%1 %2").arg(formatValue(ref.stoichiometry), link));
        }
        return terms.join(QStringLiteral(" + "));
    };
    return QStringLiteral("<b>%1</b> %2 <b>%3</b>")
        .arg(side(r->reactants), r->reversible ? QStringLiteral("⇌") : QStringLiteral("→"), side(r->products));
}

QString ReactionSection::arcClassOf(const QString &modifier) const
{
    for (const auto &figure : m_model.layout().figures()) {
        for (const auto &p : figure.processes)
            if (p.reaction == m_id)
                if (auto it = p.arcs.find(modifier); it != p.arcs.end()) return core::toString(it->second);
        for (const auto &g : figure.regulations)
            if (g.reaction == m_id)
                if (auto it = g.arcs.find(modifier); it != g.arcs.end()) return core::toString(it->second);
    }
    return core::toString(core::ArcClass::Stimulation);   // the diagram's default for a modifier
}

void ReactionSection::rebuildModifiers()
{
    const auto *r = m_model.model().findReaction(m_id.toStdString());
    QStringList rows;
    if (r)
        for (const auto &m : r->modifiers) rows << QString::fromStdString(m) + u'\t' + arcClassOf(QString::fromStdString(m));
    m_modifierBox->setVisible(!rows.isEmpty());
    if (rows == m_modifiers) return;
    m_modifiers = rows;
    // deleteLater: a Remove button may be the sender of the click that led to this refresh.
    while (QLayoutItem *item = m_modifierRows->takeAt(0)) {
        if (item->layout())
            while (QLayoutItem *child = item->layout()->takeAt(0)) {
                if (QWidget *w = child->widget()) {
                    w->hide();
                    w->deleteLater();
                }
                delete child;
            }
        delete item;
    }
    for (const QString &row : rows) {
        const QString modifier = row.section(u'\t', 0, 0), cls = row.section(u'\t', 1);
        auto *label = new QLabel(QStringLiteral("<a href=\"%1\">%1</a> <span style=\"color:#666\">(%2)</span>")
                                     .arg(modifier.toHtmlEscaped(), cls.toHtmlEscaped()), m_modifierBox);
        label->setObjectName(QStringLiteral("inspectorModifier_") + modifier);
        label->setToolTip(idAndName(m_model.model(), modifier.toStdString()));
        connect(label, &QLabel::linkActivated, this, &InspectorSection::elementActivated);
        auto *remove = new QPushButton(tr("Remove"), m_modifierBox);
        remove->setObjectName(QStringLiteral("inspectorRemoveModifier_") + modifier);
        remove->setToolTip(tr("Remove %1 as a modifier: its regulation factor and parameters leave the rate law "
                              "(refused if the law uses %1 in another way). One undo step.").arg(modifier));
        connect(remove, &QPushButton::clicked, this, [this, modifier] { removeModifier(modifier); });
        auto *line = new QHBoxLayout;
        line->addWidget(label, 1);
        line->addWidget(remove);
        m_modifierRows->addLayout(line);
    }
}

void ReactionSection::removeModifier(const QString &modifier)
{
    const std::string reaction = m_id.toStdString(), species = modifier.toStdString();
    const auto result = pushEdit(m_undo, m_model, tr("Remove %1 from %2").arg(modifier, m_id),
                                 [&](core::edits::Content &c) { return core::edits::removeRegulation(c, reaction, species); });
    if (!result)
        emit statusMessage(tr("%1 not removed: %2").arg(modifier, QString::fromStdString(result.errorText())));
}

}  // namespace ferroscope::ui
