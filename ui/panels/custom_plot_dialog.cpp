#include "ui/panels/custom_plot_dialog.h"

#include "ui/evidence/evidence_card.h"
#include "ui/plots/plot_spec.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ferroscope::ui {

CustomPlotDialog::CustomPlotDialog(const core::Project &project, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("New plot panel"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Tick the species and readouts to plot together (same units plot best):"), this));
    m_list = new QListWidget(this);
    auto add = [&](const std::string &id) {
        const QString qid = QString::fromStdString(id);
        const QString unit = unitOf(project, qid);
        auto *item = new QListWidgetItem(displayName(project, qid) + "  [" + qid + (unit.isEmpty() ? "" : ", " + unit) + "]", m_list);
        item->setData(Qt::UserRole, qid);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setToolTip(evidenceHtml(project, qid));
    };
    for (const auto &r : project.readouts) add(r);
    for (const auto &s : project.model.species) add(s.id);
    m_list->setMinimumSize(420, 360);
    layout->addWidget(m_list);
    auto *form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("e.g. Iron and lipid peroxides"));
    form->addRow(tr("Title:"), m_title);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Add plot"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &CustomPlotDialog::updateOk);
    updateOk();
}

QStringList CustomPlotDialog::selectedIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked) ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString CustomPlotDialog::title() const { return m_title->text().trimmed(); }

void CustomPlotDialog::updateOk() { m_ok->setEnabled(!selectedIds().isEmpty()); }

}  // namespace ferroscope::ui
