// MathNode queries and edits (see math_node.h).
#include "core/model/math_node.h"

#include <algorithm>

namespace ferroscope::core {
namespace {

void collectSymbols(const MathNode &node, std::vector<std::string> &out)
{
    if (node.op == MathOp::Symbol && std::find(out.begin(), out.end(), node.name) == out.end())
        out.push_back(node.name);
    for (const auto &child : node.children) collectSymbols(child, out);
}

}  // namespace

std::vector<std::string> MathNode::symbols() const
{
    std::vector<std::string> out;
    collectSymbols(*this, out);
    return out;
}

bool MathNode::contains(MathOp wanted) const
{
    if (op == wanted) return true;
    return std::any_of(children.begin(), children.end(),
                       [wanted](const MathNode &child) { return child.contains(wanted); });
}

void MathNode::renameSymbol(const std::string &from, const std::string &to)
{
    if (op == MathOp::Symbol && name == from) name = to;
    for (auto &child : children) child.renameSymbol(from, to);
}

}  // namespace ferroscope::core
