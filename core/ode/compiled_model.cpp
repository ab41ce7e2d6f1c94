#include "core/ode/compiled_model.h"

#include <algorithm>

namespace ferroscope::core {

int CompiledModel::parameterIndex(const std::string &id) const
{
    for (std::size_t i = 0; i < parameters.size(); ++i)
        if (parameters[i].id == id) return int(i);
    return -1;
}

int CompiledModel::stateIndex(const std::string &id) const
{
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i].id == id) return int(i);
    return -1;
}

std::vector<double> CompiledModel::defaultParameters() const
{
    std::vector<double> p(parameters.size());
    for (std::size_t i = 0; i < parameters.size(); ++i) p[i] = parameters[i].defaultValue;
    return p;
}

Result<expr::Tape> CompiledModel::observerTape(const std::vector<std::string> &ids,
                                               const std::vector<std::string> &amounts) const
{
    std::vector<expr::NodeId> nodes;
    Errors errors;
    for (const auto &id : ids) {
        const bool wantAmount = std::find(amounts.begin(), amounts.end(), id) != amounts.end();
        const auto &table = wantAmount ? amountNodes : (concentrationNodes.count(id) ? concentrationNodes : valueNodes);
        auto source = table.find(id);
        if (source == table.end()) {
            if (wantAmount && valueNodes.count(id))
                source = valueNodes.find(id);   // --amounts on a non-species: report its value
            else {
                errors.push_back(Error{"", "unknown id '" + id + "' (not a species, compartment, parameter, "
                                           "species reference or reaction of model " + modelId + ")"});
                continue;
            }
        }
        nodes.push_back(source->second);
    }
    for (const auto &id : amounts)
        if (!valueNodes.count(id)) errors.push_back(Error{"", "unknown id '" + id + "' in --amounts"});
    if (!errors.empty()) return errors;
    return expr::Tape::compile(*graph, nodes, leafCount());
}

std::vector<std::string> CompiledModel::observableIds() const
{
    std::vector<std::string> ids;
    ids.reserve(valueNodes.size());
    for (const auto &[id, node] : valueNodes) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace ferroscope::core
