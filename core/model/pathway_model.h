// PathwayModel: the editable document model — the Project (model + scenario catalogue) and the
// diagram layout (positions are model data, they are saved). It is the single source of truth
// (STYLE.md §2): the diagram, the inspector, the plots and the simulation observe its signals;
// every change is a method here that emits one specific signal after it. Undo commands
// (ui/commands) are its only writers in the GUI. Lives in the GUI thread.
#pragma once

#include "core/model/diagram_layout.h"
#include "core/model/project.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

namespace ferroscope::core {

/// A movable thing on the diagram: a glyph, a process node, or the ∅ source/sink of a process.
struct NodeRef {
    enum class Kind { Glyph, Process, Source, Sink };
    QString figure;
    Kind kind = Kind::Glyph;
    QString key;   // glyph id, or the process's reaction id
    bool operator==(const NodeRef &) const = default;
    bool operator<(const NodeRef &o) const
    {
        return std::tie(figure, kind, key) < std::tie(o.figure, o.kind, o.key);
    }
};

class PathwayModel : public QObject {
    Q_OBJECT
public:
    PathwayModel(Project project, DiagramLayout layout, QObject *parent = nullptr);

    const Project &project() const { return m_project; }
    const ModelSpec &model() const { return m_project.model; }
    const DiagramLayout &layout() const { return m_layout; }
    /// Increases with every change the simulation sees (not with moves or colours).
    std::uint64_t revision() const { return m_revision; }
    /// The project as project-file JSON (writeProjectJson), made once per change of the project.
    const std::string &projectJson() const;

    /// NaN when the id is not a global parameter.
    double parameterValue(const std::string &id) const;
    /// Sets a global parameter's value (finite); emits parameterChanged then modelChanged.
    bool setParameterValue(const std::string &id, double value);

    /// Position of a diagram node; nullopt if it does not exist.
    std::optional<QPointF> nodePosition(const NodeRef &node) const;
    /// Moves a node (no-op if it does not exist); emits nodeMoved.
    void setNodePosition(const NodeRef &node, QPointF pos);

    /// Replaces model and layout at once (structural edits, undo of them, New/Open). Emits
    /// contentReplaced, then modelChanged if the model part changed.
    void setContent(Project project, DiagramLayout layout);

signals:
    void parameterChanged(const QString &id);
    void nodeMoved(const ferroscope::core::NodeRef &node);
    void contentReplaced();
    /// Anything the simulation depends on changed (a new revision).
    void modelChanged();

private:
    Project m_project;
    DiagramLayout m_layout;
    std::uint64_t m_revision = 1;
    mutable std::optional<std::string> m_projectJson;   // cache of projectJson()
};

}  // namespace ferroscope::core
