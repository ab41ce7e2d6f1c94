// Deleting model elements with everything that depends on them (model_edits.h): planDeletion
// computes the transitive closure and the catalogue refusals; applyDeletion removes the plan from
// the model, the catalogue and the diagram.
#include "core/model/model_edits.h"

#include "core/model/model_edits_p.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace ferroscope::core::edits {

using namespace detail;

namespace {

using IdSet = std::set<std::string>;

bool contains(const std::vector<std::string> &v, const std::string &x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool refersTo(const MathNode &math, const IdSet &deleted, const std::vector<Parameter> &locals = {})
{
    for (const auto &name : namesIn(math)) {
        const bool shadowed = std::any_of(locals.begin(), locals.end(), [&](const Parameter &p) { return p.id == name; });
        if (!shadowed && deleted.count(name)) return true;
    }
    return false;
}

/// Rules are identified by their variable; algebraic rules (no variable) by their position.
std::string ruleKey(const ModelSpec &m, std::size_t index)
{
    const Rule &r = m.rules[index];
    return r.variable.empty() ? "algebraic rule " + std::to_string(index + 1) : r.variable;
}

/// A parameter whose definition went away goes too when it has no value of its own: unset (NaN),
/// or (for an assignment rule) non-constant, i.e. it only ever held the rule's value.
bool lostDefinition(const ModelSpec &m, const std::string &id, bool assignmentRule)
{
    const Parameter *p = m.findParameter(id);
    return p && (std::isnan(p->value) || (assignmentRule && !p->constant));
}

void add(std::vector<std::string> &list, const std::string &id)
{
    if (!contains(list, id)) list.push_back(id);
}

struct Closure {
    const ModelSpec &m;
    DeletionPlan &plan;
    IdSet deleted;

    bool mark(const std::string &id)
    {
        return deleted.insert(id).second;
    }

    bool reactionGoes(const Reaction &r) const
    {
        auto side = [this](const std::vector<SpeciesReference> &refs) {
            return std::any_of(refs.begin(), refs.end(), [this](const SpeciesReference &s) { return deleted.count(s.species) > 0; });
        };
        if (side(r.reactants) || side(r.products)) return true;
        if (std::any_of(r.modifiers.begin(), r.modifiers.end(), [this](const std::string &s) { return deleted.count(s) > 0; }))
            return true;
        return r.kineticLaw && refersTo(*r.kineticLaw, deleted, r.localParameters);
    }

    bool step();
    bool stepReactions();
    bool stepRulesAndAssignments();
    bool stepEvents();
};

bool Closure::stepReactions()
{
    bool changed = false;
    for (const auto &s : m.species)
        if (deleted.count(s.compartment) && mark(s.id)) add(plan.species, s.id), changed = true;
    for (const auto &r : m.reactions) {
        if (!deleted.count(r.id) && !reactionGoes(r)) continue;
        if (mark(r.id)) changed = true;
        add(plan.reactions, r.id);
        for (const auto *side : {&r.reactants, &r.products})
            for (const auto &ref : *side)
                if (!ref.id.empty()) changed |= mark(ref.id);
    }
    return changed;
}

bool Closure::stepRulesAndAssignments()
{
    bool changed = false;
    for (std::size_t i = 0; i < m.rules.size(); ++i) {
        const Rule &r = m.rules[i];
        const std::string key = ruleKey(m, i);
        if (contains(plan.rules, key) || !(deleted.count(r.variable) || refersTo(r.math, deleted))) continue;
        plan.rules.push_back(key), changed = true;
        if (lostDefinition(m, r.variable, r.kind == RuleKind::Assignment) && mark(r.variable)) add(plan.parameters, r.variable);
    }
    for (const auto &a : m.initialAssignments) {
        if (contains(plan.initialAssignments, a.symbol) || !(deleted.count(a.symbol) || refersTo(a.math, deleted)))
            continue;
        plan.initialAssignments.push_back(a.symbol), changed = true;
        if (lostDefinition(m, a.symbol, false) && !m.findRule(a.symbol) && mark(a.symbol)) add(plan.parameters, a.symbol);
    }
    return changed;
}

bool Closure::stepEvents()
{
    bool changed = false;
    for (const auto &e : m.events) {
        if (contains(plan.events, e.id)) continue;
        const bool goes = deleted.count(e.id) || refersTo(e.trigger, deleted) || (e.delay && refersTo(*e.delay, deleted))
                          || (e.priority && refersTo(*e.priority, deleted));
        if (goes) {
            plan.events.push_back(e.id), mark(e.id), changed = true;
            continue;
        }
        for (const auto &a : e.assignments) {
            const std::string key = e.id + ":" + a.variable;
            if (!contains(plan.eventAssignments, key) && (deleted.count(a.variable) || refersTo(a.math, deleted)))
                plan.eventAssignments.push_back(key), changed = true;
        }
    }
    return changed;
}

bool Closure::step()
{
    bool changed = stepReactions();
    changed |= stepRulesAndAssignments();
    changed |= stepEvents();
    return changed;
}

void requestOne(const ModelSpec &m, Closure &c, const std::string &id)
{
    const std::string kind = m.kindOf(id);
    if (kind == "compartment") add(c.plan.compartments, id);
    else if (kind == "species") add(c.plan.species, id);
    else if (kind == "parameter") add(c.plan.parameters, id);
    else if (kind == "reaction") add(c.plan.reactions, id);
    else if (kind == "event") add(c.plan.events, id);
    else if (kind.empty()) return c.plan.refusals.push_back("'" + id + "' is not an element of this model");
    else return c.plan.refusals.push_back("'" + id + "' is a " + kind + "; it cannot be deleted on its own");
    c.mark(id);
}

std::string geneLabel(const GeneTarget &g) { return g.name.empty() ? g.id : g.id + " (" + g.name + ")"; }

void addRefusals(const Project &p, DeletionPlan &plan, const IdSet &deleted)
{
    auto refuse = [&plan](const std::string &id, const std::string &why) {
        plan.refusals.push_back(id + " is " + why + "; it cannot be deleted");
    };
    for (const auto &g : p.genes)
        if (deleted.count(g.parameter)) refuse(g.parameter, "the multiplier of gene target " + geneLabel(g));
    for (const auto &i : p.inputs)
        if (deleted.count(i.parameter)) refuse(i.parameter, "the parameter of input " + i.id + " (" + i.name + ")");
    for (const auto &ph : p.phenotypes)
        for (const auto &[id, value] : ph.values)
            if (deleted.count(id))
                refuse(id, "set by phenotype preset " + ph.id + (ph.id == p.defaultPhenotype ? " (the default phenotype)" : ""));
    for (const auto &t : p.therapies) {
        for (const auto &dose : t.inputs)
            if (deleted.count(dose.input)) refuse(dose.input, "used by therapy preset " + t.id);
        for (const auto &[gene, x] : t.genes)
            if (deleted.count(gene)) refuse(gene, "used by therapy preset " + t.id);
    }
}

}  // namespace

DeletionPlan planDeletion(const Project &project, const std::vector<std::string> &ids)
{
    const ModelSpec &m = project.model;
    DeletionPlan plan;
    plan.requested = ids;
    Closure closure{m, plan, {}};
    for (const auto &id : ids) requestOne(m, closure, id);
    while (closure.step()) {
    }
    for (const auto &r : project.readouts)
        if (closure.deleted.count(r)) plan.readouts.push_back(r);
    for (const auto &r : plan.reactions)
        if (const Reaction *x = m.findReaction(r); x && !x->name.empty() && x->name != r) plan.names[r] = x->name;
    addRefusals(project, plan, closure.deleted);
    return plan;
}

bool DeletionPlan::empty() const
{
    return species.empty() && reactions.empty() && parameters.empty() && compartments.empty() && rules.empty()
           && initialAssignments.empty() && events.empty() && eventAssignments.empty() && readouts.empty();
}

QString DeletionPlan::summary() const
{
    QStringList lines;
    auto group = [&](const char *title, const std::vector<std::string> &ids) {
        if (ids.empty()) return;
        QStringList items;
        for (const auto &id : ids) {
            auto it = names.find(id);
            items << (it == names.end() ? QString::fromStdString(id)
                                        : QStringLiteral("%1 (%2)").arg(QString::fromStdString(id),
                                                                        QString::fromStdString(it->second)));
        }
        lines << QStringLiteral("%1: %2").arg(QLatin1String(title), items.join(QStringLiteral(", ")));
    };
    group("Compartments", compartments);
    group("Species", species);
    group("Reactions", reactions);
    group("Parameters", parameters);
    group("Rules", rules);
    group("Initial assignments", initialAssignments);
    group("Events", events);
    group("Event assignments", eventAssignments);
    group("Readouts", readouts);
    for (const auto &r : refusals) lines << QStringLiteral("Cannot delete: %1").arg(QString::fromStdString(r));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace ferroscope::core::edits

namespace ferroscope::core::edits {
namespace {

using QIdSet = std::set<QString>;

template <typename Map>
void eraseKeys(Map &map, const std::function<bool(const QString &)> &gone)
{
    for (auto it = map.begin(); it != map.end();) it = gone(it->first) ? map.erase(it) : std::next(it);
}

template <typename Drawing>
void cleanModifiers(Drawing &d, const std::function<bool(const QString &)> &gone)
{
    eraseKeys(d.arcs, gone);
    eraseKeys(d.routes, gone);
    d.hidden.removeIf(gone);
}

void cleanFigure(FigureLayout &f, const QIdSet &ids)
{
    QIdSet glyphs;
    for (const auto &g : f.glyphs)
        if (ids.count(g.ref)) glyphs.insert(g.id);
    std::erase_if(f.glyphs, [&](const LayoutGlyph &g) { return glyphs.count(g.id) > 0; });
    const std::function<bool(const QString &)> gone = [&](const QString &x) {
        return ids.count(x) || glyphs.count(x) || (x.startsWith(QLatin1String("process:")) && ids.count(x.mid(8)));
    };
    std::erase_if(f.processes, [&](const LayoutProcess &p) { return ids.count(p.reaction) > 0; });
    std::erase_if(f.regulations, [&](const LayoutRegulation &r) { return ids.count(r.reaction) > 0; });
    for (auto &p : f.processes) cleanModifiers(p, gone);
    for (auto &r : f.regulations) cleanModifiers(r, gone);
    std::erase_if(f.arcs, [&](const LayoutArc &a) { return gone(a.from) || gone(a.to); });
    for (auto &d : f.drugs) {
        d.targets.removeIf(gone);
        eraseKeys(d.routes, gone);
    }
    std::erase_if(f.drugs, [](const LayoutDrug &d) { return d.targets.isEmpty(); });
    for (auto &c : f.compartments) {
        if (ids.count(c.innerId)) c.innerId.clear();
        if (ids.count(c.id)) c.id.clear();
    }
}

template <typename Items>
void eraseIds(Items &items, const std::vector<std::string> &ids)
{
    std::erase_if(items, [&ids](const auto &x) { return contains(ids, x.id); });
}

void removeFromModel(ModelSpec &m, const DeletionPlan &plan)
{
    std::vector<bool> dropRule(m.rules.size());
    for (std::size_t i = 0; i < m.rules.size(); ++i) dropRule[i] = contains(plan.rules, ruleKey(m, i));
    std::size_t index = 0;
    std::erase_if(m.rules, [&](const Rule &) { return dropRule[index++]; });
    std::erase_if(m.initialAssignments, [&](const InitialAssignment &a) { return contains(plan.initialAssignments, a.symbol); });
    eraseIds(m.events, plan.events);
    for (auto &e : m.events)
        std::erase_if(e.assignments, [&](const EventAssignment &a) { return contains(plan.eventAssignments, e.id + ":" + a.variable); });
    eraseIds(m.reactions, plan.reactions);
    eraseIds(m.species, plan.species);
    eraseIds(m.parameters, plan.parameters);
    eraseIds(m.compartments, plan.compartments);
}

/// Every id that disappears: the plan's elements and the species references of its reactions.
QIdSet deletedIds(const ModelSpec &m, const DeletionPlan &plan)
{
    QIdSet ids;
    for (const auto *list : {&plan.species, &plan.reactions, &plan.parameters, &plan.compartments, &plan.events})
        for (const auto &id : *list) ids.insert(QString::fromStdString(id));
    for (const auto &id : plan.reactions)
        if (const Reaction *r = m.findReaction(id))
            for (const auto *side : {&r->reactants, &r->products})
                for (const auto &ref : *side)
                    if (!ref.id.empty()) ids.insert(QString::fromStdString(ref.id));
    return ids;
}

}  // namespace

Result<bool> applyDeletion(Content &content, const DeletionPlan &plan)
{
    if (!plan.refusals.empty()) {
        Errors errors;
        for (const auto &r : plan.refusals) errors.push_back(Error{"delete", r});
        return errors;
    }
    if (plan.empty()) return Error{"delete", "nothing to delete"};
    Content work = content;
    Project &p = work.project;
    const QIdSet ids = deletedIds(p.model, plan);
    auto gone = [&ids](const std::string &id) { return ids.count(QString::fromStdString(id)) > 0; };
    removeFromModel(p.model, plan);
    std::erase_if(p.readouts, [&](const std::string &r) { return contains(plan.readouts, r) || gone(r); });
    std::erase_if(p.absoluteTolerances, [&](const auto &entry) { return gone(entry.first); });
    std::erase_if(p.resetAfterPreequilibration, [&](const auto &entry) { return gone(entry.first); });
    for (auto &f : work.layout.figures()) cleanFigure(f, ids);
    return commit(content, std::move(work));
}

}  // namespace ferroscope::core::edits
