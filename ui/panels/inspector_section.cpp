#include "ui/panels/inspector_section.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

InspectorSection::InspectorSection(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : QWidget(parent), m_model(model), m_undo(undo)
{
    // Never taller than the content: spare dock height goes below the last section, not into gaps.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

namespace inspector {

void setTextIfIdle(QLineEdit *edit, const QString &text, bool force)
{
    if (!force && edit->hasFocus() && edit->isModified()) return;   // the user is typing here
    if (edit->text() != text) edit->setText(text);                  // keeps the cursor otherwise
    edit->setModified(false);
}

std::optional<double> parseNonNegative(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    bool ok = false;
    double v = QLocale::c().toDouble(t, &ok);
    if (!ok) v = QLocale().toDouble(t, &ok);   // "1,5" where the comma is the decimal separator
    QString message;
    if (t.isEmpty())
        message = QObject::tr("Enter a number.");
    else if (!ok || std::isnan(v))
        message = QObject::tr("“%1” is not a number.").arg(t);
    else if (!std::isfinite(v))
        message = QObject::tr("The value must be finite.");
    else if (v < 0)
        message = QObject::tr("The value cannot be negative (concentrations and rate constants are ≥ 0).");
    if (!message.isEmpty()) {
        if (error) *error = message;
        return std::nullopt;
    }
    return v == 0 ? 0.0 : v;   // no "-0"
}

QString formatValue(double value)
{
    if (std::isnan(value)) return QObject::tr("not set");
    return QLocale::c().toString(value, 'g', 6);
}

QLabel *makeMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void setFrameState(QLineEdit *edit, int state)
{
    static const QString kValid = QStringLiteral(
        "QLineEdit { border: 1px solid #2e7d32; border-radius: 3px; padding: 2px; background: #f1f8f1; }");
    static const QString kInvalid = QStringLiteral(
        "QLineEdit { border: 1px solid #c62828; border-radius: 3px; padding: 2px; background: #fdecea; }");
    const QString &sheet = state > 0 ? kValid : state < 0 ? kInvalid : QString();
    if (edit->styleSheet() != sheet) edit->setStyleSheet(sheet);
    edit->setProperty("invalid", state < 0);
}

void fitListHeight(QListWidget *list, int maxRows)
{
    const int rows = std::clamp(list->count(), 1, maxRows);
    const int row = list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 4;
    list->setFixedHeight(rows * row + 2 * list->frameWidth() + 4);
}

const core::Evidence *evidenceOf(const core::ModelSpec &model, const std::string &id)
{
    if (const auto *s = model.findSpecies(id)) return &s->evidence;
    if (const auto *r = model.findReaction(id)) return &r->evidence;
    if (const auto *p = model.findParameter(id)) return &p->evidence;
    if (const auto *c = model.findCompartment(id)) return &c->evidence;
    return nullptr;
}

QString nameOf(const core::ModelSpec &model, const std::string &id)
{
    if (const auto *s = model.findSpecies(id)) return QString::fromStdString(s->name);
    if (const auto *r = model.findReaction(id)) return QString::fromStdString(r->name);
    if (const auto *p = model.findParameter(id)) return QString::fromStdString(p->name);
    if (const auto *c = model.findCompartment(id)) return QString::fromStdString(c->name);
    return {};
}

QString idAndName(const core::ModelSpec &model, const std::string &id)
{
    const QString name = nameOf(model, id);
    const QString qid = QString::fromStdString(id);
    return name.isEmpty() || name == qid ? qid : QStringLiteral("%1 — %2").arg(qid, name);
}

}  // namespace inspector
}  // namespace ferroscope::ui
