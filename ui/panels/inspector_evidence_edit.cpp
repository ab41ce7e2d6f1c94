#include "ui/panels/inspector_evidence_edit.h"

#include "ui/commands/content_command.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>

namespace ferroscope::ui {

using namespace inspector;

EvidenceEditor::EvidenceEditor(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_units = new QLineEdit(this);
    m_units->setObjectName(QStringLiteral("inspectorUnitsEdit"));
    m_units->setPlaceholderText(tr("e.g. µM, /h, µM/h"));
    m_units->setToolTip(tr("Display units shown next to values and in evidence cards. They are a label "
                           "only: the simulation does not convert units."));
    m_explanation = new QPlainTextEdit(this);
    m_explanation->setObjectName(QStringLiteral("inspectorExplanationEdit"));
    m_explanation->setPlaceholderText(tr("One plain-language paragraph for students"));
    m_explanation->setToolTip(tr("Explanation shown in the evidence card of this element. Applied when you "
                                 "leave the field or press Apply."));
    m_explanation->setTabChangesFocus(true);
    m_explanation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_explanation->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_explanation->setMinimumHeight(60);
    m_explanation->setMaximumHeight(150);
    m_refs = new QLineEdit(this);
    m_refs->setObjectName(QStringLiteral("inspectorSeedRefsEdit"));
    m_refs->setPlaceholderText(tr("e.g. [3,4,8]"));
    m_refs->setToolTip(tr("Reference numbers of the seed review that support this element."));
    m_apply = new QPushButton(tr("Apply notes"), this);
    m_apply->setObjectName(QStringLiteral("inspectorEvidenceApply"));
    m_apply->setToolTip(tr("Save the units, explanation and references (one undo step)."));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Units:"), m_units);
    form->addRow(tr("Explanation:"), m_explanation);
    form->addRow(tr("Seed refs:"), m_refs);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_apply);
    form->addRow(buttons);

    for (QWidget *w : {static_cast<QWidget *>(m_units), static_cast<QWidget *>(m_explanation),
                       static_cast<QWidget *>(m_refs)})
        w->installEventFilter(this);
    connect(m_units, &QLineEdit::returnPressed, this, &EvidenceEditor::apply);
    connect(m_refs, &QLineEdit::returnPressed, this, &EvidenceEditor::apply);
    connect(m_units, &QLineEdit::textEdited, this, &EvidenceEditor::updateApply);
    connect(m_refs, &QLineEdit::textEdited, this, &EvidenceEditor::updateApply);
    connect(m_explanation, &QPlainTextEdit::textChanged, this, &EvidenceEditor::updateApply);
    connect(m_apply, &QPushButton::clicked, this, &EvidenceEditor::apply);
}

void EvidenceEditor::load(const QString &id, bool force)
{
    m_id = id;
    const auto *ev = evidenceOf(m_model.model(), id.toStdString());
    const core::Evidence empty;
    if (!ev) ev = &empty;
    setTextIfIdle(m_units, QString::fromStdString(ev->units), force);
    setTextIfIdle(m_refs, QString::fromStdString(ev->seedRefs), force);
    const QString text = QString::fromStdString(ev->explanation);
    const bool typing = m_explanation->hasFocus() && m_explanation->document()->isModified();
    if ((force || !typing) && m_explanation->toPlainText() != text) {
        const QSignalBlocker block(m_explanation);
        m_explanation->setPlainText(text);
    }
    if (force || !typing) m_explanation->document()->setModified(false);
    updateApply();
}

bool EvidenceEditor::differs() const
{
    const auto *ev = evidenceOf(m_model.model(), m_id.toStdString());
    if (!ev) return false;
    return m_units->text().trimmed().toStdString() != ev->units
        || m_refs->text().trimmed().toStdString() != ev->seedRefs
        || m_explanation->toPlainText().trimmed().toStdString() != ev->explanation;
}

void EvidenceEditor::updateApply() { m_apply->setEnabled(differs()); }

void EvidenceEditor::apply()
{
    const auto *ev = evidenceOf(m_model.model(), m_id.toStdString());
    if (!ev || !differs()) return;
    core::Evidence evidence = *ev;
    evidence.units = m_units->text().trimmed().toStdString();
    evidence.seedRefs = m_refs->text().trimmed().toStdString();
    evidence.explanation = m_explanation->toPlainText().trimmed().toStdString();
    const std::string id = m_id.toStdString();
    const auto result = pushEdit(m_undo, m_model, tr("Edit notes of %1").arg(m_id),
                                 [&](core::edits::Content &c) { return core::edits::setEvidence(c, id, evidence); });
    if (!result) emit statusMessage(tr("Notes not saved: %1").arg(QString::fromStdString(result.errorText())));
    m_units->setModified(false);
    m_refs->setModified(false);
    m_explanation->document()->setModified(false);
    load(m_id, true);
}

bool EvidenceEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut && !m_id.isEmpty()) apply();
    return InspectorSection::eventFilter(watched, event);
}

}  // namespace ferroscope::ui
