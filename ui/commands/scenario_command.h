// ScenarioCommand: one undo step for a change of the interventions (phenotype, compare mode, gene
// levels, drug/light doses and windows, snapshots). The ScenarioDocument changes first (its panels
// call it directly); ProjectDocument records the change afterwards as before/after states, so the
// first redo() is a no-op. Changes of the same controls within a second merge into one step, so a
// slider drag is one step. GUI thread only.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QUndoCommand>

#include <functional>

namespace ferroscope::ui {

class ScenarioCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const QJsonObject &)>;
    /// `key` names what changed (e.g. "genes.GPX4"); only equal keys merge.
    ScenarioCommand(Apply apply, QJsonObject before, QJsonObject after, QString key, const QString &text);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    /// What changed between two explorer states, as "phenotype", "genes.GPX4", "inputs.ERA", …
    static QStringList changedKeys(const QJsonObject &before, const QJsonObject &after);
    static constexpr qint64 kMergeWindowMs = 1000;

private:
    Apply m_apply;
    QJsonObject m_before, m_after;
    QString m_key;
    qint64 m_lastChangeMs;
    bool m_applied = true;   // recorded after the change happened
};

}  // namespace ferroscope::ui
