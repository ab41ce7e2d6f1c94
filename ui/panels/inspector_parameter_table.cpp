#include "ui/panels/inspector_parameter_table.h"

#include "ui/commands/set_parameter_command.h"
#include "ui/panels/inspector_value_edit.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

using namespace inspector;

namespace {
constexpr int kVisibleRows = 7;   // more rows scroll inside the table
}

LawParameterTable::LawParameterTable(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("inspectorParameterTable"));
    m_table->setHorizontalHeaderLabels({tr("Parameter"), tr("Value"), tr("Units")});
    m_table->setToolTip(tr("Parameters used by this rate law. Edit a value directly (Enter) or with the slider "
                           "below; double-click a name to inspect that parameter. Grey rows are computed by a "
                           "rule or local to this reaction and cannot be edited here."));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UnitsColumn, QHeaderView::ResizeToContents);
    header->setHighlightSections(false);
    m_message = makeMessageLabel(QStringLiteral("inspectorParameterTableMessage"), this);
    m_selectedLabel = new QLabel(this);
    m_selectedLabel->setObjectName(QStringLiteral("inspectorLawParameterLabel"));
    m_selectedLabel->setToolTip(tr("The parameter the slider below changes (select a row)."));
    m_editor = new ParameterValueEditor(model, undo, QStringLiteral("inspectorLawParameter"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_table);
    layout->addWidget(m_message);
    layout->addWidget(m_selectedLabel);
    layout->addWidget(m_editor);

    connect(m_table, &QTableWidget::itemChanged, this, &LawParameterTable::onItemChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &LawParameterTable::onSelectionChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column == NameColumn && row >= 0 && row < m_rows.size() && !m_locals.contains(m_rows[row]))
            emit elementActivated(m_rows[row]);
    });
    connect(m_editor, &ParameterValueEditor::statusMessage, this, &LawParameterTable::statusMessage);
}

QStringList LawParameterTable::lawParameters() const
{
    QStringList ids;
    const auto &spec = m_model.model();
    const auto *reaction = spec.findReaction(m_id.toStdString());
    if (!reaction || !reaction->kineticLaw) return ids;
    for (const auto &symbol : reaction->kineticLaw->symbols()) {
        const bool local = std::any_of(reaction->localParameters.begin(), reaction->localParameters.end(),
                                       [&](const core::Parameter &p) { return p.id == symbol; });
        if (local || spec.findParameter(symbol)) ids << QString::fromStdString(symbol);
    }
    return ids;
}

void LawParameterTable::load(const QString &id, bool force)
{
    const bool sameReaction = id == m_id;
    m_id = id;
    const QStringList ids = lawParameters();
    m_locals.clear();
    if (const auto *r = m_model.model().findReaction(id.toStdString()))
        for (const auto &p : r->localParameters) m_locals << QString::fromStdString(p.id);
    if (force || !sameReaction) showMessage(m_message, {});
    if (ids != m_rows || force) {
        m_rows = ids;
        rebuild();
    } else {
        const QSignalBlocker block(m_table);
        for (int row = 0; row < m_rows.size(); ++row) fillRow(row);
        m_editor->refresh(false);
    }
}

void LawParameterTable::rebuild()
{
    const QString selected = m_editor->parameter();
    {
        const QSignalBlocker block(m_table);
        m_table->clearContents();
        m_table->setRowCount(int(m_rows.size()));
        for (int row = 0; row < m_rows.size(); ++row) fillRow(row);
    }
    const qsizetype keep = m_rows.indexOf(selected);
    int firstEditable = -1;
    for (int row = 0; row < m_rows.size() && firstEditable < 0; ++row)
        if (!m_locals.contains(m_rows[row])) firstEditable = row;
    const int row = keep >= 0 ? int(keep) : firstEditable;
    if (row >= 0) m_table->selectRow(row);
    onSelectionChanged();
    fitHeight();
}

void LawParameterTable::fillRow(int row)
{
    const auto &spec = m_model.model();
    const QString id = m_rows[row];
    const std::string sid = id.toStdString();
    const bool local = m_locals.contains(id);
    const core::Parameter *parameter = nullptr;
    if (local) {
        for (const auto &p : spec.findReaction(m_id.toStdString())->localParameters)
            if (p.id == sid) parameter = &p;
    } else {
        parameter = spec.findParameter(sid);
    }
    const double value = parameter ? parameter->value : std::nan("");
    const auto *rule = spec.findRule(sid);
    const bool computed = local || (rule && rule->kind == core::RuleKind::Assignment);
    const QString name = parameter ? QString::fromStdString(parameter->name) : QString();

    auto item = [&](int column) {
        QTableWidgetItem *it = m_table->item(row, column);
        if (!it) {
            it = new QTableWidgetItem;
            m_table->setItem(row, column, it);
        }
        return it;
    };
    QTableWidgetItem *nameItem = item(NameColumn);
    nameItem->setText(id);
    nameItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    nameItem->setToolTip(local ? tr("%1: local parameter of this reaction (read-only here)").arg(id)
                               : name.isEmpty() || name == id ? id : QStringLiteral("%1 — %2").arg(id, name));
    QTableWidgetItem *valueItem = item(ValueColumn);
    // An open cell editor keeps its own text; the item's text is what the model says.
    valueItem->setText(computed && rule ? tr("(rule)") : formatValue(value));
    valueItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    valueItem->setFlags(computed ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                 : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
    valueItem->setForeground(computed ? palette().brush(QPalette::Disabled, QPalette::Text)
                                      : palette().brush(QPalette::Text));
    valueItem->setToolTip(computed ? (local ? tr("Local parameter: read-only") : tr("Computed by an assignment rule"))
                                   : tr("Double-click or type to edit; a number ≥ 0"));
    QTableWidgetItem *unitsItem = item(UnitsColumn);
    unitsItem->setText(parameter ? QString::fromStdString(parameter->evidence.units) : QString());
    unitsItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    unitsItem->setToolTip(tr("Display units (edit them in the parameter's own view)"));
}

void LawParameterTable::onItemChanged(QTableWidgetItem *item)
{
    if (item->column() != ValueColumn || item->row() >= m_rows.size()) return;
    const QString id = m_rows[item->row()];
    QString error;
    const auto value = parseNonNegative(item->text(), &error);
    if (!value) {
        const QString message = tr("%1 not changed: %2").arg(id, error);
        showMessage(m_message, message);
        emit statusMessage(message);
        const QSignalBlocker block(m_table);
        fillRow(item->row());   // the cell shows the model's value again
        return;
    }
    showMessage(m_message, {});
    if (*value != m_model.parameterValue(id.toStdString()))
        m_undo.push(new SetParameterCommand(m_model, id.toStdString(), *value));
    else {
        const QSignalBlocker block(m_table);
        fillRow(item->row());
    }
}

void LawParameterTable::onSelectionChanged()
{
    const int row = m_table->currentRow();
    const bool usable = row >= 0 && row < m_rows.size() && !m_table->selectedItems().isEmpty()
        && !m_locals.contains(m_rows[row]);
    const QString id = usable ? m_rows[row] : QString();
    m_selectedLabel->setText(usable ? tr("Slider: <b>%1</b>").arg(id.toHtmlEscaped())
                                    : tr("Select a global parameter to use the slider."));
    if (id != m_editor->parameter()) m_editor->setParameter(id);
    m_editor->setVisible(!m_rows.isEmpty());
    m_selectedLabel->setVisible(!m_rows.isEmpty());
}

void LawParameterTable::fitHeight()
{
    const int rows = std::clamp(int(m_rows.size()), 1, kVisibleRows);
    const int height = m_table->horizontalHeader()->sizeHint().height()
        + rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth() + 4;
    m_table->setFixedHeight(height);
}

}  // namespace ferroscope::ui
