#include "ui/panels/inspector_panel.h"

#include "core/model/model_edits.h"
#include "ui/commands/content_command.h"
#include "ui/panels/inspector_compartment_section.h"
#include "ui/panels/inspector_evidence_edit.h"
#include "ui/panels/inspector_parameter_section.h"
#include "ui/panels/inspector_reaction_section.h"
#include "ui/panels/inspector_section.h"
#include "ui/panels/inspector_species_section.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ferroscope::ui {

using namespace inspector;

namespace {

QString kindTitle(const std::string &kind)
{
    if (kind == "species") return QObject::tr("Species");
    if (kind == "reaction") return QObject::tr("Reaction");
    if (kind == "parameter") return QObject::tr("Parameter");
    if (kind == "compartment") return QObject::tr("Compartment");
    return {};
}

}  // namespace

InspectorPanel::InspectorPanel(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : QWidget(parent), m_model(model), m_undo(undo)
{
    setObjectName(QStringLiteral("inspectorPanel"));
    buildUi();
    connect(&m_model, &core::PathwayModel::contentReplaced, this, [this] { refresh(false); });
    connect(&m_model, &core::PathwayModel::parameterChanged, this, [this] { refresh(false); });
    for (InspectorSection *s : {static_cast<InspectorSection *>(m_species), static_cast<InspectorSection *>(m_reaction),
                                static_cast<InspectorSection *>(m_parameter),
                                static_cast<InspectorSection *>(m_compartment),
                                static_cast<InspectorSection *>(m_evidence)}) {
        connect(s, &InspectorSection::statusMessage, this, &InspectorPanel::statusMessage);
        connect(s, &InspectorSection::elementActivated, this, &InspectorPanel::showElement);
    }
    showEmpty();
}

void InspectorPanel::buildUi()
{
    m_empty = new QLabel(tr("Select a species, reaction or parameter on the diagram"));
    m_empty->setObjectName(QStringLiteral("inspectorEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #777; padding: 24px 12px;"));

    m_element = new QWidget;
    auto *elementLayout = new QVBoxLayout(m_element);
    elementLayout->setContentsMargins(0, 0, 0, 0);
    elementLayout->addWidget(buildHeader());
    m_species = new SpeciesSection(m_model, m_undo);
    m_reaction = new ReactionSection(m_model, m_undo);
    m_parameter = new ParameterSection(m_model, m_undo);
    m_compartment = new CompartmentSection(m_model, m_undo);
    for (QWidget *w : {static_cast<QWidget *>(m_species), static_cast<QWidget *>(m_reaction),
                       static_cast<QWidget *>(m_parameter), static_cast<QWidget *>(m_compartment)})
        elementLayout->addWidget(w);
    auto *evidenceBox = new QGroupBox(tr("Evidence && notes"));
    evidenceBox->setObjectName(QStringLiteral("inspectorEvidenceBox"));
    m_evidence = new EvidenceEditor(m_model, m_undo, evidenceBox);
    (new QVBoxLayout(evidenceBox))->addWidget(m_evidence);
    elementLayout->addWidget(evidenceBox);
    m_delete = new QPushButton(tr("Delete…"));
    m_delete->setObjectName(QStringLiteral("inspectorDeleteButton"));
    m_delete->setToolTip(tr("Delete this element and everything that depends on it (you will see the list "
                            "and confirm first). Undo restores it."));
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (!m_id.isEmpty()) emit deleteRequested({m_id});
    });
    auto *deleteRow = new QHBoxLayout;
    deleteRow->addStretch();
    deleteRow->addWidget(m_delete);
    elementLayout->addLayout(deleteRow);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(6, 6, 6, 6);
    contentLayout->addWidget(m_empty);
    contentLayout->addWidget(m_element);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("inspectorScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);   // only below ~270 px
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setMinimumWidth(260);
}

QWidget *InspectorPanel::buildHeader()
{
    auto *header = new QWidget;
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_kindLabel = new QLabel(header);
    m_kindLabel->setObjectName(QStringLiteral("inspectorKindLabel"));
    m_kindLabel->setStyleSheet(QStringLiteral("color: #666;"));
    m_kindLabel->setWordWrap(true);
    m_idField = new QLabel(header);
    m_idField->setObjectName(QStringLiteral("inspectorIdField"));
    m_idField->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_idField->setTextFormat(Qt::PlainText);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_idField->font().pointSizeF());
    m_idField->setFont(mono);
    m_idField->setToolTip(tr("The id is how formulas, rules and the SBML file refer to this element; it never "
                             "changes. The name is only the label people read and can be edited freely."));
    m_name = new QLineEdit(header);
    m_name->setObjectName(QStringLiteral("inspectorNameEdit"));
    m_name->setToolTip(tr("Display name (used in the diagram labels, plots and evidence cards). Press Enter or "
                          "leave the field to rename; formulas keep using the id."));
    m_nameMessage = makeMessageLabel(QStringLiteral("inspectorNameMessage"), header);
    connect(m_name, &QLineEdit::editingFinished, this, &InspectorPanel::commitName);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Id:"), m_idField);
    form->addRow(tr("Name:"), m_name);
    form->addRow(m_nameMessage);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_kindLabel);
    layout->addLayout(form);
    return header;
}

InspectorSection *InspectorPanel::sectionFor(const std::string &kind) const
{
    if (kind == "species") return m_species;
    if (kind == "reaction") return m_reaction;
    if (kind == "parameter") return m_parameter;
    if (kind == "compartment") return m_compartment;
    return nullptr;
}

void InspectorPanel::showElement(const QString &id)
{
    const std::string kind = m_model.model().kindOf(id.toStdString());
    if (id.isEmpty() || !sectionFor(kind)) {
        showEmpty();
        return;
    }
    m_id = id;
    m_kind = kind;
    refresh(true);
}

void InspectorPanel::showEmpty()
{
    m_id.clear();
    m_kind.clear();
    m_element->hide();
    m_empty->show();
}

void InspectorPanel::refresh(bool force)
{
    if (m_id.isEmpty()) return;
    const auto &spec = m_model.model();
    const std::string id = m_id.toStdString();
    if (spec.kindOf(id) != m_kind) {   // deleted (or undo removed it): nothing to show any more
        showEmpty();
        return;
    }
    const QString name = nameOf(spec, id);
    m_title->setText(name.isEmpty() ? m_id : name);
    QString kind = kindTitle(m_kind);
    if (const auto *s = spec.findSpecies(id)) kind += tr(" in %1").arg(idAndName(spec, s->compartment));
    m_kindLabel->setText(kind);
    m_idField->setText(m_id);
    setTextIfIdle(m_name, name, force);
    if (force) showMessage(m_nameMessage, {});
    for (InspectorSection *s : {static_cast<InspectorSection *>(m_species), static_cast<InspectorSection *>(m_reaction),
                                static_cast<InspectorSection *>(m_parameter),
                                static_cast<InspectorSection *>(m_compartment)})
        s->setVisible(s == sectionFor(m_kind));
    sectionFor(m_kind)->load(m_id, force);
    m_evidence->load(m_id, force);
    m_empty->hide();
    m_element->show();
}

void InspectorPanel::commitName()
{
    if (m_id.isEmpty()) return;
    const std::string id = m_id.toStdString();
    const QString name = m_name->text().trimmed();
    if (name == nameOf(m_model.model(), id)) return;
    m_name->setModified(false);   // the refresh after the rename may set the field again
    const auto result = pushEdit(m_undo, m_model, tr("Rename %1").arg(m_id), [&](core::edits::Content &c) {
        return core::edits::rename(c, id, name.toStdString());
    });
    if (!result) {
        const QString message = tr("Not renamed: %1").arg(QString::fromStdString(result.errorText()));
        emit statusMessage(message);
        refresh(true);
        showMessage(m_nameMessage, message);
    }
}

}  // namespace ferroscope::ui
