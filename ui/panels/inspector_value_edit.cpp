#include "ui/panels/inspector_value_edit.h"

#include "core/model/math_io.h"
#include "ui/commands/set_parameter_command.h"
#include "ui/panels/inspector_section.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

using namespace inspector;

ParameterValueEditor::ParameterValueEditor(core::PathwayModel &model, QUndoStack &undo, const QString &namePrefix,
                                           QWidget *parent)
    : QWidget(parent), m_model(model), m_undo(undo)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(namePrefix + QStringLiteral("Edit"));
    m_edit->setToolTip(tr("Value of the parameter. Type a number ≥ 0 (e.g. 0.5 or 2e-3) and press Enter. "
                          "Each change is one undo step (Ctrl+Z)."));
    m_edit->setMaximumWidth(110);
    m_units = new QLabel(this);
    m_units->setObjectName(namePrefix + QStringLiteral("Units"));
    m_units->setToolTip(tr("Display units of the parameter (edit them under Evidence & notes)."));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(namePrefix + QStringLiteral("Slider"));
    m_slider->setRange(0, kDecades * kStepsPerDecade);
    m_slider->setPageStep(kStepsPerDecade / 10);
    m_slider->setToolTip(tr("Drag to change the value on a logarithmic scale (±3 decades around the value "
                            "when it was shown). One drag is one undo step."));
    m_message = makeMessageLabel(namePrefix + QStringLiteral("Message"), this);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit);
    row->addWidget(m_units);
    row->addWidget(m_slider, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_edit, &QLineEdit::editingFinished, this, &ParameterValueEditor::commitText);
    connect(m_edit, &QLineEdit::textEdited, this, &ParameterValueEditor::checkTyping);
    connect(m_slider, &QSlider::sliderPressed, this, [this] { m_gesture = SetParameterCommand::nextGesture(); });
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        m_gesture = -1;
        refresh(true);   // rescale around the value the drag ended on
    });
    connect(m_slider, &QSlider::valueChanged, this, &ParameterValueEditor::onSliderValue);
    setParameter({});
}

void ParameterValueEditor::setParameter(const QString &id)
{
    m_id = id;
    m_gesture = -1;
    showMessage(m_message, {});
    refresh(true);
}

bool ParameterValueEditor::isComputed(QString *why) const
{
    const auto &spec = m_model.model();
    const std::string id = m_id.toStdString();
    if (const auto *rule = spec.findRule(id); rule && rule->kind == core::RuleKind::Assignment) {
        *why = tr("Computed by an assignment rule: %1").arg(QString::fromStdString(core::toFormula(rule->math)));
        return true;
    }
    for (const auto &ia : spec.initialAssignments)
        if (ia.symbol == id) {
            *why = tr("Set at the start by an initial assignment: %1")
                       .arg(QString::fromStdString(core::toFormula(ia.math)));
            return true;
        }
    return false;
}

void ParameterValueEditor::refresh(bool force)
{
    const double value = m_id.isEmpty() ? std::nan("") : m_model.parameterValue(m_id.toStdString());
    const bool exists = !std::isnan(value) || m_model.model().findParameter(m_id.toStdString());
    const auto *parameter = m_model.model().findParameter(m_id.toStdString());
    m_units->setText(parameter ? QString::fromStdString(parameter->evidence.units) : QString());
    m_units->setVisible(!m_units->text().isEmpty());
    QString why;
    const bool computed = exists && isComputed(&why);
    m_edit->setEnabled(exists);
    m_edit->setReadOnly(computed);
    m_slider->setEnabled(exists && !computed);
    m_edit->setToolTip(computed ? why
                                : tr("Value of the parameter. Type a number ≥ 0 (e.g. 0.5 or 2e-3) and press "
                                     "Enter. Each change is one undo step (Ctrl+Z)."));
    setTextIfIdle(m_edit, exists ? formatValue(value) : QString(), force);
    if (force || !m_edit->hasFocus()) setFrameState(m_edit, 0);
    if (m_gesture < 0) placeSlider(value, force);
    else placeSlider(value, false);
}

double ParameterValueEditor::sliderValue(int position) const
{
    const double v = std::pow(10.0, m_lowDecade + double(position) / kStepsPerDecade);
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)) - 2);   // 3 significant digits
    return std::round(v / magnitude) * magnitude;
}

void ParameterValueEditor::placeSlider(double value, bool rescale)
{
    const bool usable = std::isfinite(value) && value > 0;
    if (rescale || (m_gesture < 0 && usable)) {
        const int decade = usable ? int(std::floor(std::log10(value))) : 0;
        const int high = m_lowDecade + kDecades;
        if (rescale || decade < m_lowDecade || decade >= high) m_lowDecade = decade - kDecades / 2;
    }
    const int position =
        usable ? int(std::lround((std::log10(value) - m_lowDecade) * kStepsPerDecade)) : m_slider->minimum();
    const QSignalBlocker block(m_slider);
    m_slider->setValue(std::clamp(position, m_slider->minimum(), m_slider->maximum()));
}

void ParameterValueEditor::onSliderValue(int position)
{
    if (m_id.isEmpty()) return;
    const double value = sliderValue(position);
    if (value == m_model.parameterValue(m_id.toStdString())) return;
    // Keyboard/wheel steps (no gesture) are one undo step each; a drag merges into one.
    m_undo.push(new SetParameterCommand(m_model, m_id.toStdString(), value, m_gesture));
    showMessage(m_message, {});
}

void ParameterValueEditor::checkTyping(const QString &text)
{
    QString error;
    const bool ok = parseNonNegative(text, &error).has_value();
    setFrameState(m_edit, ok ? 1 : -1);
    showMessage(m_message, ok ? QString() : error);
}

void ParameterValueEditor::commitText()
{
    if (m_id.isEmpty() || m_edit->isReadOnly()) return;
    const std::string id = m_id.toStdString();
    const double current = m_model.parameterValue(id);
    if (m_edit->text().trimmed() == formatValue(current)) return;   // focus left, nothing typed
    QString error;
    const auto value = parseNonNegative(m_edit->text(), &error);
    if (!value) {
        const QString message = tr("%1 not changed: %2").arg(m_id, error);
        showMessage(m_message, message);
        emit statusMessage(message);
        refresh(true);   // the field shows the model's value again; the message stays
        return;
    }
    showMessage(m_message, {});
    setFrameState(m_edit, 0);
    if (*value != current) m_undo.push(new SetParameterCommand(m_model, id, *value));
    refresh(true);
}

}  // namespace ferroscope::ui
