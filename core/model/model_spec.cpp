// ModelSpec look-ups (see model_spec.h). Linear scans: models have at most a few hundred elements
// and these are called while compiling, not while simulating.
#include "core/model/model_spec.h"

#include <algorithm>

namespace ferroscope::core {
namespace {

template <typename Range>
auto findById(Range &items, const std::string &id) -> decltype(&*items.begin())
{
    const auto it = std::find_if(items.begin(), items.end(), [&id](const auto &x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

bool isSpeciesReference(const std::vector<SpeciesReference> &refs, const std::string &id)
{
    return std::any_of(refs.begin(), refs.end(), [&id](const SpeciesReference &r) { return r.id == id; });
}

}  // namespace

const Compartment *ModelSpec::findCompartment(const std::string &key) const { return findById(compartments, key); }
const Species *ModelSpec::findSpecies(const std::string &key) const { return findById(species, key); }
const Parameter *ModelSpec::findParameter(const std::string &key) const { return findById(parameters, key); }
const Reaction *ModelSpec::findReaction(const std::string &key) const { return findById(reactions, key); }
const FunctionDefinition *ModelSpec::findFunction(const std::string &key) const { return findById(functions, key); }
Parameter *ModelSpec::findParameter(const std::string &key) { return findById(parameters, key); }
Species *ModelSpec::findSpecies(const std::string &key) { return findById(species, key); }

const Rule *ModelSpec::findRule(const std::string &variable) const
{
    // Algebraic rules have no variable; an empty name never matches one of them.
    if (variable.empty()) return nullptr;
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [&variable](const Rule &r) { return r.variable == variable; });
    return it == rules.end() ? nullptr : &*it;
}

std::string ModelSpec::kindOf(const std::string &key) const
{
    if (key.empty()) return {};
    if (findCompartment(key)) return "compartment";
    if (findSpecies(key)) return "species";
    if (findParameter(key)) return "parameter";
    if (findReaction(key)) return "reaction";
    if (findFunction(key)) return "function";
    for (const auto &r : reactions)
        if (isSpeciesReference(r.reactants, key) || isSpeciesReference(r.products, key))
            return "speciesReference";
    if (findById(events, key)) return "event";
    return {};   // local parameters are scoped to their kinetic law: not global ids
}

}  // namespace ferroscope::core
