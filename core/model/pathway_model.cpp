#include "core/model/pathway_model.h"

#include "core/io/project_file.h"

#include <cmath>

namespace ferroscope::core {

PathwayModel::PathwayModel(Project project, DiagramLayout layout, QObject *parent)
    : QObject(parent), m_project(std::move(project)), m_layout(std::move(layout))
{
}

double PathwayModel::parameterValue(const std::string &id) const
{
    const Parameter *p = m_project.model.findParameter(id);
    return p ? p->value : kUnset;
}

bool PathwayModel::setParameterValue(const std::string &id, double value)
{
    Parameter *p = m_project.model.findParameter(id);
    if (!p || !std::isfinite(value)) return false;
    if (p->value == value) return true;
    p->value = value;
    m_projectJson.reset();
    ++m_revision;
    emit parameterChanged(QString::fromStdString(id));
    emit modelChanged();
    return true;
}

namespace {

template <typename Layout>
auto *positionOf(Layout &layout, const NodeRef &node)
{
    using Point = std::conditional_t<std::is_const_v<Layout>, const QPointF, QPointF>;
    Point *out = nullptr;
    auto *figure = layout.figure(node.figure);
    if (!figure) return out;
    switch (node.kind) {
    case NodeRef::Kind::Glyph:
        if (auto *g = figure->findGlyph(node.key)) out = &g->pos;
        break;
    case NodeRef::Kind::Process:
        if (auto *p = figure->findProcess(node.key)) out = &p->pos;
        break;
    case NodeRef::Kind::Source:
        if (auto *p = figure->findProcess(node.key)) out = &p->source;
        break;
    case NodeRef::Kind::Sink:
        if (auto *p = figure->findProcess(node.key)) out = &p->sink;
        break;
    }
    return out;
}

}  // namespace

std::optional<QPointF> PathwayModel::nodePosition(const NodeRef &node) const
{
    if (const QPointF *p = positionOf(m_layout, node)) return *p;
    return std::nullopt;
}

void PathwayModel::setNodePosition(const NodeRef &node, QPointF pos)
{
    QPointF *p = positionOf(m_layout, node);
    if (!p || *p == pos) return;
    *p = pos;   // a ∅ away from its default offset is saved explicitly (diagram_layout.cpp)
    emit nodeMoved(node);
}

const std::string &PathwayModel::projectJson() const
{
    if (!m_projectJson) m_projectJson = writeProjectJson(m_project);
    return *m_projectJson;
}

void PathwayModel::setContent(Project project, DiagramLayout layout)
{
    std::string json = writeProjectJson(project);
    const bool modelChanged = json != projectJson();
    m_projectJson = std::move(json);
    m_project = std::move(project);
    m_layout = std::move(layout);
    if (modelChanged) ++m_revision;
    emit contentReplaced();
    if (modelChanged) emit this->modelChanged();
}

}  // namespace ferroscope::core
