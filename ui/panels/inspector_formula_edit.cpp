#include "ui/panels/inspector_formula_edit.h"

#include "core/model/math_io.h"
#include "core/model/model_edits.h"
#include "ui/commands/content_command.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringListModel>
#include <QVBoxLayout>

namespace ferroscope::ui {

using namespace inspector;
using core::edits::KineticTemplate;

namespace {

bool isIdChar(QChar c) { return c.isLetterOrNumber() || c == u'_'; }

/// The checker's messages without the "formula '…':" prefix (the user sees the formula right above)
/// and libSBML's parser wording shortened: "Syntax error at character 20: unexpected end of string".
QString describe(const core::Errors &errors)
{
    static const QRegularExpression kParser(QStringLiteral("Error when parsing input '.*' at position (\\d+):\\s*(.*)"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QStringList lines;
    for (const auto &e : errors) {
        QString text = QString::fromStdString(e.message).trimmed();
        if (const auto m = kParser.match(text); m.hasMatch()) {
            QString what = m.captured(2).trimmed();
            what.remove(QRegularExpression(QStringLiteral("^syntax error,?\\s*"), QRegularExpression::CaseInsensitiveOption));
            text = QObject::tr("Syntax error at character %1: %2").arg(m.captured(1), what);
        }
        if (!text.isEmpty()) text[0] = text[0].toUpper();
        lines << text;
    }
    return lines.join(u'\n');
}

}  // namespace

FormulaEditor::FormulaEditor(core::PathwayModel &model, QUndoStack &undo, QWidget *parent)
    : InspectorSection(model, undo, parent)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("inspectorFormulaEdit"));
    m_edit->setPlaceholderText(tr("e.g. k1 * S / (Km + S)"));
    m_edit->setToolTip(tr("Rate of the reaction (amount per hour), in SBML infix syntax: + - * / ^, "
                          "functions like exp(x) or the model's own (act, stab …). Use ids, not names. "
                          "Checked as you type; Enter or Apply applies it, Esc reverts."));
    m_edit->installEventFilter(this);
    m_error = makeMessageLabel(QStringLiteral("inspectorFormulaError"), this);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("inspectorCreateParameters"));
    m_create->setToolTip(tr("Add the unknown identifiers as global parameters with value 1 and apply the "
                            "formula, as one undo step. Set their values afterwards in the table below."));
    m_create->hide();
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("inspectorFormulaRevert"));
    m_revert->setToolTip(tr("Show the reaction's current rate law again (Esc)."));
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("inspectorFormulaApply"));
    m_apply->setToolTip(tr("Replace the rate law by this formula (Enter). One undo step."));
    m_apply->setDefault(false);

    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("inspectorTemplateCombo"));
    m_template->setToolTip(tr("Standard rate laws. Applying one replaces the whole formula and creates its "
                              "parameters (named after the reaction) as global parameters."));
    for (auto t : {KineticTemplate::MassAction, KineticTemplate::MichaelisMenten, KineticTemplate::HillActivation,
                   KineticTemplate::HillInhibition, KineticTemplate::Constant})
        m_template->addItem(core::edits::toString(t), int(t));
    m_template->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_template->setMinimumContentsLength(8);
    m_template->setPlaceholderText(tr("Rate-law template…"));
    m_template->setCurrentIndex(-1);
    m_applyTemplate = new QPushButton(tr("Use template"), this);
    m_applyTemplate->setObjectName(QStringLiteral("inspectorApplyTemplate"));
    m_applyTemplate->setToolTip(tr("Replace the rate law by the selected template (one undo step)."));

    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_create);
    createRow->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto *templates = new QHBoxLayout;
    templates->addWidget(m_template, 1);
    templates->addWidget(m_applyTemplate);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addLayout(createRow);
    layout->addLayout(buttons);
    layout->addLayout(templates);

    m_completer = new QCompleter(new QStringListModel(this), this);
    m_completer->setWidget(m_edit);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);

    connect(m_edit, &QLineEdit::textChanged, this, &FormulaEditor::validate);
    connect(m_edit, &QLineEdit::textEdited, this, &FormulaEditor::completeWord);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (!m_completer->popup()->isVisible()) apply();
    });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &FormulaEditor::insertCompletion);
    connect(m_apply, &QPushButton::clicked, this, &FormulaEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, [this] { load(m_id, true); });
    connect(m_create, &QPushButton::clicked, this, &FormulaEditor::createParametersAndApply);
    connect(m_applyTemplate, &QPushButton::clicked, this, &FormulaEditor::applyTemplate);
    connect(m_template, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_applyTemplate->setEnabled(index >= 0); });
    m_applyTemplate->setEnabled(false);
}

QString FormulaEditor::currentLaw() const
{
    const auto *r = m_model.model().findReaction(m_id.toStdString());
    return r && r->kineticLaw ? QString::fromStdString(core::toFormula(*r->kineticLaw)) : QString();
}

void FormulaEditor::load(const QString &id, bool force)
{
    m_id = id;
    const QString law = currentLaw();
    setTextIfIdle(m_edit, law, force);
    if (!m_edit->text().isEmpty()) m_edit->setCursorPosition(m_edit->hasFocus() ? m_edit->cursorPosition() : 0);
    refreshCompleter();
    validate();
}

void FormulaEditor::validate()
{
    const QString text = m_edit->text();
    const QString law = currentLaw();
    m_missing.clear();
    m_edit->setToolTip(text.size() > 30 ? text : QString());
    if (text.trimmed() == law && !law.isEmpty()) {
        m_valid = true;
        setFrameState(m_edit, 0);
        showMessage(m_error, {});
    } else {
        const auto result = core::edits::checkFormula(m_model.model(), text.toStdString(), m_id.toStdString());
        m_valid = result.ok();
        setFrameState(m_edit, m_valid ? 1 : -1);
        showMessage(m_error, m_valid ? QString()
                                     : (text.trimmed().isEmpty() ? tr("Enter a rate law.")
                                                                 : describe(result.errors())));
        if (!m_valid) m_missing = creatableParameters(text.toStdString());
    }
    m_create->setVisible(!m_missing.isEmpty());
    m_create->setText(m_missing.size() == 1 ? tr("Create parameter %1").arg(m_missing.front())
                                            : tr("Create parameters %1").arg(m_missing.join(QStringLiteral(", "))));
    const bool changed = text.trimmed() != law;
    m_apply->setEnabled(m_valid && changed);
    m_revert->setEnabled(changed);
}

QStringList FormulaEditor::creatableParameters(const std::string &text) const
{
    const auto parsed = core::parseFormula(text);
    if (!parsed) return {};
    const auto &spec = m_model.model();
    const auto *reaction = spec.findReaction(m_id.toStdString());
    core::ModelSpec trial = spec;
    QStringList missing;
    for (const auto &symbol : parsed->symbols()) {
        if (!spec.kindOf(symbol).empty()) continue;
        bool local = false;
        if (reaction)
            for (const auto &p : reaction->localParameters) local = local || p.id == symbol;
        if (local) continue;
        core::Parameter p;
        p.id = p.name = symbol;
        p.value = 1;
        trial.parameters.push_back(p);
        missing << QString::fromStdString(symbol);
    }
    // Offer creation only when that alone makes the formula valid (no syntax or other error left).
    if (missing.isEmpty() || !core::edits::checkFormula(trial, text, m_id.toStdString())) return {};
    return missing;
}

bool FormulaEditor::apply()
{
    const QString text = m_edit->text().trimmed();
    if (text == currentLaw()) return false;
    if (!m_valid) {
        emit statusMessage(tr("Rate law of %1 not changed: %2").arg(m_id, m_error->text()));
        return false;
    }
    const std::string reaction = m_id.toStdString(), formula = text.toStdString();
    const auto result = pushEdit(m_undo, m_model, tr("Change rate law of %1").arg(m_id),
                                 [&](core::edits::Content &c) { return core::edits::setKineticLaw(c, reaction, formula); });
    if (!result) {
        emit statusMessage(tr("Rate law of %1 not changed: %2").arg(m_id, QString::fromStdString(result.errorText())));
        return false;
    }
    load(m_id, true);
    return true;
}

bool FormulaEditor::createParametersAndApply()
{
    const QStringList missing = m_missing;
    if (missing.isEmpty()) return false;
    const std::string reaction = m_id.toStdString(), formula = m_edit->text().trimmed().toStdString();
    // One content edit = one undo step, atomic: if any part fails nothing is pushed.
    const auto result = pushEdit(
        m_undo, m_model, tr("Create %1 and change rate law of %2").arg(missing.join(QStringLiteral(", ")), m_id),
        [&](core::edits::Content &c) -> core::Result<bool> {
            for (const QString &name : missing) {
                const auto added = core::edits::addParameter(c, name.toStdString(), 1.0);
                if (!added) return added.errors();
                if (*added != name.toStdString())
                    return core::Error{name.toStdString(), "this id is taken by a scenario element; rename it"};
            }
            return core::edits::setKineticLaw(c, reaction, formula);
        });
    if (!result) {
        emit statusMessage(tr("Rate law of %1 not changed: %2").arg(m_id, QString::fromStdString(result.errorText())));
        return false;
    }
    load(m_id, true);
    return true;
}

void FormulaEditor::applyTemplate()
{
    if (m_template->currentIndex() < 0) return;
    const auto kinetics = KineticTemplate(m_template->currentData().toInt());
    const std::string reaction = m_id.toStdString();
    const auto result = pushEdit(m_undo, m_model, tr("Use %1 for %2").arg(m_template->currentText(), m_id),
                                 [&](core::edits::Content &c) { return core::edits::applyTemplate(c, reaction, kinetics); });
    if (!result)
        emit statusMessage(tr("Template not applied to %1: %2").arg(m_id, QString::fromStdString(result.errorText())));
    else
        load(m_id, true);
    m_template->setCurrentIndex(-1);
}

void FormulaEditor::refreshCompleter()
{
    const auto &spec = m_model.model();
    QStringList ids;
    for (const auto &s : spec.species) ids << QString::fromStdString(s.id);
    for (const auto &p : spec.parameters) ids << QString::fromStdString(p.id);
    for (const auto &c : spec.compartments) ids << QString::fromStdString(c.id);
    for (const auto &f : spec.functions) ids << QString::fromStdString(f.id);
    if (const auto *r = spec.findReaction(m_id.toStdString()))
        for (const auto &p : r->localParameters) ids << QString::fromStdString(p.id);
    ids.sort(Qt::CaseInsensitive);
    auto *list = static_cast<QStringListModel *>(m_completer->model());
    if (list->stringList() != ids) list->setStringList(ids);
}

void FormulaEditor::completeWord()
{
    const QString text = m_edit->text();
    int start = m_edit->cursorPosition();
    while (start > 0 && isIdChar(text.at(start - 1))) --start;
    const QString word = text.mid(start, m_edit->cursorPosition() - start);
    if (word.size() < 2 || word.front().isDigit()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = m_edit->rect();
    rect.setWidth(std::max(160, rect.width() / 2));
    m_completer->complete(rect);
}

void FormulaEditor::insertCompletion(const QString &word)
{
    QString text = m_edit->text();
    const int end = m_edit->cursorPosition();
    int start = end;
    while (start > 0 && isIdChar(text.at(start - 1))) --start;
    text.replace(start, end - start, word);
    m_edit->setText(text);
    m_edit->setModified(true);
    m_edit->setCursorPosition(start + int(word.size()));
}

bool FormulaEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_completer->popup()->isVisible()) {
        load(m_id, true);
        return true;
    }
    return InspectorSection::eventFilter(watched, event);
}

}  // namespace ferroscope::ui
