#include "ui/commands/scenario_command.h"

#include "ui/commands/command_ids.h"

#include <QStringList>

namespace ferroscope::ui {

ScenarioCommand::ScenarioCommand(Apply apply, QJsonObject before, QJsonObject after, QString key, const QString &text)
    : QUndoCommand(text), m_apply(std::move(apply)), m_before(std::move(before)), m_after(std::move(after)),
      m_key(std::move(key)), m_lastChangeMs(QDateTime::currentMSecsSinceEpoch())
{
}

void ScenarioCommand::redo()
{
    if (m_applied) {   // pushed after the fact: the document already shows `after`
        m_applied = false;
        return;
    }
    m_apply(m_after);
}

void ScenarioCommand::undo() { m_apply(m_before); }

int ScenarioCommand::id() const { return int(CommandId::Scenario); }

bool ScenarioCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ScenarioCommand *>(other);
    if (next->m_key != m_key || next->m_lastChangeMs - m_lastChangeMs > kMergeWindowMs) return false;
    m_after = next->m_after;
    m_lastChangeMs = next->m_lastChangeMs;
    setObsolete(m_after == m_before);   // dragged back to where it started
    return true;
}

QStringList ScenarioCommand::changedKeys(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys;
    QStringList names = before.keys() + after.keys();
    names.removeDuplicates();
    for (const QString &name : names) {
        const QJsonValue a = before.value(name), b = after.value(name);
        if (a == b) continue;
        if ((name == QLatin1String("genes") || name == QLatin1String("inputs")) && (a.isObject() || b.isObject())) {
            const QJsonObject x = a.toObject(), y = b.toObject();
            QStringList ids = x.keys() + y.keys();
            ids.removeDuplicates();
            for (const QString &id : ids)
                if (x.value(id) != y.value(id)) keys << name + QLatin1Char('.') + id;
        } else {
            keys << name;
        }
    }
    return keys;
}

}  // namespace ferroscope::ui
