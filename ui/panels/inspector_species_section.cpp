#include "ui/panels/inspector_species_section.h"

#include "core/model/model_edits.h"
#include "ui/commands/content_command.h"

#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace ferroscope::ui {

using namespace inspector;

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x60, 0x60, 0x60));
    painter.setBrush(colour.isValid() ? colour : QColor(Qt::white));
    painter.drawRect(0, 0, 13, 13);
    if (!colour.isValid()) painter.drawLine(1, 12, 12, 1);   // "no colour of its own"
    return QIcon(pixmap);
}

}  // namespace

SpeciesSection::SpeciesSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_compartment = new QComboBox(this);
    m_compartment->setObjectName(QStringLiteral("inspectorCompartmentCombo"));
    m_compartment->setToolTip(tr("The compartment the species lives in. Its concentration is per volume of "
                                 "this compartment."));
    m_compartment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compartment->setMinimumContentsLength(8);
    m_initial = new QLineEdit(this);
    m_initial->setObjectName(QStringLiteral("inspectorInitialEdit"));
    m_initial->setToolTip(tr("Initial concentration at the start of a run (before any pre-equilibration). "
                             "A number ≥ 0, e.g. 0.5 or 2e-3; Enter applies. One undo step."));
    m_initial->setMaximumWidth(120);
    m_units = new QLabel(this);
    m_units->setObjectName(QStringLiteral("inspectorInitialUnits"));
    m_units->setToolTip(tr("Display units (edit them under Evidence & notes)."));
    m_initialMessage = makeMessageLabel(QStringLiteral("inspectorInitialMessage"), this);
    m_colour = new QPushButton(this);
    m_colour->setObjectName(QStringLiteral("inspectorColourButton"));
    m_colour->setToolTip(tr("Fill colour of this species' glyphs on every figure. Click to choose one."));
    m_colourDefault = new QPushButton(tr("Reset"), this);
    m_colourDefault->setObjectName(QStringLiteral("inspectorColourDefault"));
    m_colourDefault->setToolTip(tr("Use the standard colour of the glyph class again (SBGN default)."));
    m_reactions = new QListWidget(this);
    m_reactions->setObjectName(QStringLiteral("inspectorSpeciesReactions"));
    m_reactions->setToolTip(tr("Reactions that make, use or regulate this species. Click one to inspect it."));

    auto *initialRow = new QHBoxLayout;
    initialRow->addWidget(m_initial);
    initialRow->addWidget(m_units, 1);
    auto *initialBox = new QVBoxLayout;
    initialBox->setSpacing(2);
    initialBox->addLayout(initialRow);
    initialBox->addWidget(m_initialMessage);
    auto *colourRow = new QHBoxLayout;
    colourRow->addWidget(m_colour, 1);
    colourRow->addWidget(m_colourDefault);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Compartment:"), m_compartment);
    form->addRow(tr("Initial conc.:"), initialBox);
    form->addRow(tr("Colour:"), colourRow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    auto *reactionsLabel = new QLabel(tr("Takes part in:"), this);
    layout->addWidget(reactionsLabel);
    layout->addWidget(m_reactions);

    connect(m_initial, &QLineEdit::editingFinished, this, &SpeciesSection::commitInitial);
    connect(m_initial, &QLineEdit::textEdited, this, [this](const QString &text) {
        QString error;
        const bool ok = parseNonNegative(text, &error).has_value();
        setFrameState(m_initial, ok ? 1 : -1);
        showMessage(m_initialMessage, ok ? QString() : error);
    });
    connect(m_compartment, &QComboBox::activated, this, &SpeciesSection::changeCompartment);
    connect(m_colour, &QPushButton::clicked, this, &SpeciesSection::chooseColour);
    connect(m_colourDefault, &QPushButton::clicked, this, [this] { setColour({}); });
    connect(m_reactions, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit elementActivated(item->data(Qt::UserRole).toString()); });
    connect(m_reactions, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { emit elementActivated(item->data(Qt::UserRole).toString()); });
}

void SpeciesSection::load(const QString &id, bool force)
{
    m_id = id;
    const auto *s = m_model.model().findSpecies(id.toStdString());
    if (!s) return;
    const bool concentration = !std::isnan(s->initialConcentration) || std::isnan(s->initialAmount);
    setTextIfIdle(m_initial, formatValue(concentration ? s->initialConcentration : s->initialAmount), force);
    if (force || !m_initial->hasFocus()) {
        setFrameState(m_initial, 0);
        if (force) showMessage(m_initialMessage, {});
    }
    m_units->setText(QString::fromStdString(s->evidence.units) + (concentration ? QString() : tr(" (amount)")));
    loadCompartments();
    loadColour();
    loadReactions();
}

void SpeciesSection::loadCompartments()
{
    const auto &spec = m_model.model();
    const QSignalBlocker block(m_compartment);
    m_compartment->clear();
    for (const auto &c : spec.compartments)
        m_compartment->addItem(idAndName(spec, c.id), QString::fromStdString(c.id));
    const auto *s = spec.findSpecies(m_id.toStdString());
    m_compartment->setCurrentIndex(m_compartment->findData(QString::fromStdString(s->compartment)));
}

QString SpeciesSection::currentColour() const
{
    for (const auto &figure : m_model.layout().figures())
        for (const auto *glyph : figure.glyphsFor(m_id))
            if (!glyph->colour.isEmpty()) return glyph->colour;
    return {};
}

void SpeciesSection::loadColour()
{
    bool drawn = false;
    for (const auto &figure : m_model.layout().figures()) drawn = drawn || !figure.glyphsFor(m_id).empty();
    const QString colour = currentColour();
    m_colour->setIcon(swatch(QColor(colour)));
    m_colour->setText(colour.isEmpty() ? tr("Default") : colour);
    m_colour->setEnabled(drawn);
    m_colourDefault->setEnabled(drawn && !colour.isEmpty());
    if (!drawn) m_colour->setText(tr("Not drawn"));
}

void SpeciesSection::loadReactions()
{
    const auto &spec = m_model.model();
    const std::string sid = m_id.toStdString();
    m_reactions->clear();
    for (const auto &r : spec.reactions) {
        QStringList roles;
        for (const auto &ref : r.reactants) if (ref.species == sid) roles << tr("consumed");
        for (const auto &ref : r.products) if (ref.species == sid) roles << tr("produced");
        for (const auto &m : r.modifiers) if (m == sid) roles << tr("modifier");
        if (roles.isEmpty()) continue;
        auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(idAndName(spec, r.id), roles.join(u',')),
                                         m_reactions);
        item->setData(Qt::UserRole, QString::fromStdString(r.id));
        item->setToolTip(tr("Click to inspect %1").arg(QString::fromStdString(r.id)));
    }
    if (m_reactions->count() == 0) {
        auto *item = new QListWidgetItem(tr("(no reactions)"), m_reactions);
        item->setFlags(Qt::NoItemFlags);
    }
    fitListHeight(m_reactions);
}

void SpeciesSection::commitInitial()
{
    const auto *s = m_model.model().findSpecies(m_id.toStdString());
    if (!s) return;
    const double current = std::isnan(s->initialConcentration) ? s->initialAmount : s->initialConcentration;
    if (m_initial->text().trimmed() == formatValue(current)) return;   // focus left, nothing typed
    QString error;
    const auto value = parseNonNegative(m_initial->text(), &error);
    if (!value) {
        const QString message = tr("Initial value of %1 not changed: %2").arg(m_id, error);
        emit statusMessage(message);
        load(m_id, true);
        showMessage(m_initialMessage, message);
        return;
    }
    const std::string sid = m_id.toStdString();
    const auto result = pushEdit(m_undo, m_model, tr("Set initial %1").arg(m_id),
                                 [&](core::edits::Content &c) { return core::edits::setSpeciesInitial(c, sid, *value); });
    if (!result) {
        const QString message = tr("Initial value of %1 not changed: %2").arg(m_id, QString::fromStdString(result.errorText()));
        emit statusMessage(message);
        load(m_id, true);
        showMessage(m_initialMessage, message);
        return;
    }
    load(m_id, true);
}

void SpeciesSection::changeCompartment(int index)
{
    const std::string sid = m_id.toStdString(), compartment = m_compartment->itemData(index).toString().toStdString();
    const auto *s = m_model.model().findSpecies(sid);
    if (!s || s->compartment == compartment) return;
    const auto result = pushEdit(m_undo, m_model, tr("Move %1 to %2").arg(m_id, QString::fromStdString(compartment)),
                                 [&](core::edits::Content &c) { return core::edits::setSpeciesCompartment(c, sid, compartment); });
    if (!result)
        emit statusMessage(tr("%1 not moved: %2").arg(m_id, QString::fromStdString(result.errorText())));
    loadCompartments();
}

void SpeciesSection::chooseColour()
{
    const QString current = currentColour();
    const QColor chosen = QColorDialog::getColor(current.isEmpty() ? QColor(Qt::white) : QColor(current), this,
                                                 tr("Colour of %1").arg(m_id));
    if (chosen.isValid()) setColour(chosen.name(QColor::HexRgb));
}

void SpeciesSection::setColour(const QString &colour)
{
    if (colour == currentColour()) return;
    const QString ref = m_id;
    const auto result = pushEdit(m_undo, m_model, tr("Colour %1").arg(m_id), [&](core::edits::Content &c) {
        return core::edits::setGlyphColour(c, QString(), ref, colour);
    });
    if (!result) emit statusMessage(tr("Colour not changed: %1").arg(QString::fromStdString(result.errorText())));
}

}  // namespace ferroscope::ui
