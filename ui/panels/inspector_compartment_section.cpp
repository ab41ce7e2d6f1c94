#include "ui/panels/inspector_compartment_section.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace ferroscope::ui {

using namespace inspector;

CompartmentSection::CompartmentSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("inspectorCompartmentSize"));
    m_size->setToolTip(tr("Volume of the compartment (relative units). Species concentrations are per this "
                          "volume; transport between compartments scales with the volume ratio."));
    m_species = new QListWidget(this);
    m_species->setObjectName(QStringLiteral("inspectorCompartmentSpecies"));
    m_species->setToolTip(tr("Species in this compartment. Click one to inspect it."));

    auto *form = new QFormLayout;
    form->addRow(tr("Size:"), m_size);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Species:"), this));
    layout->addWidget(m_species);
    connect(m_species, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString target = item->data(Qt::UserRole).toString();
        if (!target.isEmpty()) emit elementActivated(target);
    });
}

void CompartmentSection::load(const QString &id, bool /*force*/)
{
    m_id = id;
    const auto &spec = m_model.model();
    const auto *c = spec.findCompartment(id.toStdString());
    if (!c) return;
    QString size = formatValue(c->size);
    if (!c->evidence.units.empty()) size += u' ' + QString::fromStdString(c->evidence.units);
    if (c->spatialDimensions == 0) size = tr("— (0-dimensional)");
    m_size->setText(size);
    m_species->clear();
    for (const auto &s : spec.species) {
        if (s.compartment != c->id) continue;
        auto *item = new QListWidgetItem(idAndName(spec, s.id), m_species);
        item->setData(Qt::UserRole, QString::fromStdString(s.id));
    }
    if (m_species->count() == 0) new QListWidgetItem(tr("(none)"), m_species);
    fitListHeight(m_species, 8);
}

}  // namespace ferroscope::ui
