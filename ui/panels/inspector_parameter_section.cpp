#include "ui/panels/inspector_parameter_section.h"

#include "ui/panels/inspector_value_edit.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ferroscope::ui {

using namespace inspector;

namespace {

bool uses(const core::MathNode &math, const std::string &id)
{
    const auto symbols = math.symbols();
    return std::find(symbols.begin(), symbols.end(), id) != symbols.end();
}

}  // namespace

ParameterSection::ParameterSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_value = new ParameterValueEditor(model, undo, QStringLiteral("inspectorParameterValue"), this);
    m_usage = new QListWidget(this);
    m_usage->setObjectName(QStringLiteral("inspectorParameterUsage"));
    m_usage->setToolTip(tr("Rate laws, rules and events that use this parameter. Click a reaction to inspect it."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Value:"), m_value);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Used by:"), this));
    layout->addWidget(m_usage);

    connect(m_value, &ParameterValueEditor::statusMessage, this, &InspectorSection::statusMessage);
    connect(m_usage, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString target = item->data(Qt::UserRole).toString();
        if (!target.isEmpty()) emit elementActivated(target);
    });
}

void ParameterSection::load(const QString &id, bool force)
{
    const bool fresh = force || id != m_id;
    m_id = id;
    if (fresh && m_value->parameter() != id) m_value->setParameter(id);
    else m_value->refresh(force);
    loadUsage();
}

void ParameterSection::loadUsage()
{
    const auto &spec = m_model.model();
    const std::string pid = m_id.toStdString();
    m_usage->clear();
    auto add = [&](const QString &text, const QString &target) {
        auto *item = new QListWidgetItem(text, m_usage);
        item->setData(Qt::UserRole, target);
        if (target.isEmpty()) item->setFlags(Qt::ItemIsEnabled);
    };
    for (const auto &r : spec.reactions)
        if (r.kineticLaw && uses(*r.kineticLaw, pid)) add(tr("Reaction %1").arg(idAndName(spec, r.id)), QString::fromStdString(r.id));
    for (const auto &rule : spec.rules)
        if (uses(rule.math, pid))
            add(tr("Rule for %1").arg(rule.variable.empty() ? tr("(algebraic)") : QString::fromStdString(rule.variable)),
                spec.kindOf(rule.variable) == "parameter" || spec.kindOf(rule.variable) == "species"
                    ? QString::fromStdString(rule.variable) : QString());
    for (const auto &ia : spec.initialAssignments)
        if (uses(ia.math, pid)) add(tr("Initial value of %1").arg(QString::fromStdString(ia.symbol)), {});
    for (const auto &e : spec.events) {
        bool used = uses(e.trigger, pid);
        for (const auto &a : e.assignments) used = used || uses(a.math, pid) || a.variable == pid;
        if (used) add(tr("Event %1").arg(QString::fromStdString(e.id.empty() ? e.name : e.id)), {});
    }
    if (m_usage->count() == 0) add(tr("(not used by the model; may be a scenario input)"), {});
    fitListHeight(m_usage);
}

}  // namespace ferroscope::ui
