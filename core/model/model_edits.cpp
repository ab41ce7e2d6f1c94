// Structural edits: ids, formula checks, validation, species/reactions/templates and the simple
// setters (see model_edits.h). Regulations live in model_regulation.cpp, deletion in
// model_deletion.cpp. Every edit works on a copy (`work`) and commits it only once it compiles.
#include "core/model/model_edits.h"

#include "core/model/math_io.h"
#include "core/model/model_edits_p.h"
#include "core/ode/compiled_model.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ferroscope::core::edits {
namespace detail {
namespace {

// Names the L3 infix parser reads as constants/csymbols: ids spelled like these are legal SBML but
// confusing in formulas, so generated ids avoid them.
const std::set<std::string> kReserved = {"time", "pi", "exponentiale", "true", "false", "inf", "INF",
                                         "infinity", "nan", "NaN", "notanumber", "avogadro"};

void collectNames(const MathNode &node, std::vector<std::string> &out)
{
    if ((node.op == MathOp::Symbol || node.op == MathOp::Call)
        && std::find(out.begin(), out.end(), node.name) == out.end())
        out.push_back(node.name);
    for (const auto &child : node.children) collectNames(child, out);
}

bool uses(const MathNode &node, const std::string &id)
{
    const auto names = namesIn(node);
    return std::find(names.begin(), names.end(), id) != names.end();
}

bool modelMathUses(const ModelSpec &m, const std::string &id)
{
    for (const auto &r : m.reactions)
        if (r.kineticLaw && uses(*r.kineticLaw, id)) return true;
    for (const auto &r : m.rules)
        if (r.variable == id || uses(r.math, id)) return true;
    for (const auto &a : m.initialAssignments)
        if (a.symbol == id || uses(a.math, id)) return true;
    for (const auto &f : m.functions)
        if (uses(f.body, id)) return true;
    for (const auto &e : m.events) {
        if (uses(e.trigger, id) || (e.delay && uses(*e.delay, id)) || (e.priority && uses(*e.priority, id)))
            return true;
        for (const auto &a : e.assignments)
            if (a.variable == id || uses(a.math, id)) return true;
    }
    if (m.conversionFactor == id) return true;
    return std::any_of(m.species.begin(), m.species.end(),
                       [&id](const Species &s) { return s.conversionFactor == id; });
}

}  // namespace

std::vector<std::string> namesIn(const MathNode &node)
{
    std::vector<std::string> out;
    collectNames(node, out);
    return out;
}

bool isReferenced(const Project &p, const std::string &id)
{
    if (modelMathUses(p.model, id)) return true;
    for (const auto &g : p.genes)
        if (g.parameter == id) return true;
    for (const auto &i : p.inputs)
        if (i.parameter == id) return true;
    for (const auto &ph : p.phenotypes)
        if (ph.values.count(id)) return true;
    return std::find(p.readouts.begin(), p.readouts.end(), id) != p.readouts.end();
}

std::set<std::string> usedIds(const Project &project)
{
    const ModelSpec &m = project.model;
    std::set<std::string> ids;
    auto add = [&ids](const auto &items) {
        for (const auto &x : items) ids.insert(x.id);
    };
    add(m.compartments), add(m.species), add(m.parameters), add(m.reactions), add(m.functions), add(m.events);
    for (const auto &r : m.reactions) {
        for (const auto &ref : r.reactants) ids.insert(ref.id);
        for (const auto &ref : r.products) ids.insert(ref.id);
    }
    add(project.phenotypes), add(project.genes), add(project.inputs), add(project.therapies);
    ids.insert(m.id);
    ids.erase(std::string());
    return ids;
}

std::string formatNumber(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

bool isValidSId(const std::string &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(QString::fromStdString(id)).hasMatch();
}

std::optional<Error> checkNewId(const Project &project, const std::string &id, const std::string &what)
{
    if (!isValidSId(id))
        return Error{what, "'" + id + "' is not a valid id (a letter or '_' first, then letters, digits or '_')"};
    if (usedIds(project).count(id) || kReserved.count(id))
        return Error{what, "the id '" + id + "' is already used in this model; choose another"};
    return std::nullopt;
}

Result<bool> commit(Content &content, Content &&work)
{
    auto ok = validate(work.project);
    if (!ok) return ok.errors();
    content = std::move(work);
    return true;
}

std::string addUserParameter(Project &project, const std::string &base, double value, const std::string &units)
{
    Parameter p;
    p.id = uniqueId(project, base);
    p.value = value;
    p.evidence.units = units;
    p.evidence.estimated = true;
    p.evidence.explanation = "added by the user";
    project.model.parameters.push_back(p);
    return p.id;
}

Reaction *findReaction(ModelSpec &model, const std::string &id)
{
    auto it = std::find_if(model.reactions.begin(), model.reactions.end(),
                           [&id](const Reaction &r) { return r.id == id; });
    return it == model.reactions.end() ? nullptr : &*it;
}

bool sameMath(const MathNode &a, const MathNode &b)
{
    if (a.op != b.op || a.name != b.name || a.children.size() != b.children.size()) return false;
    if (a.op == MathOp::Number && !(a.value == b.value)) return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!sameMath(a.children[i], b.children[i])) return false;
    return true;
}

bool isParticipant(const Reaction &r, const std::string &species)
{
    auto in = [&species](const std::vector<SpeciesReference> &refs) {
        return std::any_of(refs.begin(), refs.end(), [&](const SpeciesReference &x) { return x.species == species; });
    };
    return in(r.reactants) || in(r.products)
        || std::find(r.modifiers.begin(), r.modifiers.end(), species) != r.modifiers.end();
}

}  // namespace detail

using namespace detail;

QString toString(KineticTemplate t)
{
    switch (t) {
    case KineticTemplate::MassAction: return QStringLiteral("mass action");
    case KineticTemplate::MichaelisMenten: return QStringLiteral("Michaelis–Menten");
    case KineticTemplate::HillActivation: return QStringLiteral("Hill activation");
    case KineticTemplate::HillInhibition: return QStringLiteral("Hill inhibition");
    case KineticTemplate::Constant: return QStringLiteral("constant");
    }
    return {};
}

std::string uniqueId(const Project &project, const std::string &base)
{
    std::string id;
    for (unsigned char c : base) id += (std::isalnum(c) || c == '_') && c < 128 ? char(c) : '_';
    if (id.empty()) id = "x";
    if (std::isdigit(static_cast<unsigned char>(id.front()))) id.insert(id.begin(), '_');
    const auto used = usedIds(project);
    std::string candidate = id;
    for (int n = 2; used.count(candidate) || kReserved.count(candidate); ++n) candidate = id + "_" + std::to_string(n);
    return candidate;
}

Result<bool> validate(const Project &project)
{
    auto compiled = compileModel(project.model, CompileOptions{project.clampNegativeStates});
    if (!compiled) return compiled.errors();
    return true;
}

namespace {

struct FormulaScope {
    const ModelSpec &model;
    const Reaction *reaction;   // local parameters visible when set
};

bool isKnownSymbol(const FormulaScope &scope, const std::string &id, const std::vector<std::string> &bound)
{
    if (std::find(bound.begin(), bound.end(), id) != bound.end()) return true;
    if (scope.reaction) {
        const auto &locals = scope.reaction->localParameters;
        if (std::any_of(locals.begin(), locals.end(), [&id](const Parameter &p) { return p.id == id; })) return true;
    }
    const std::string kind = scope.model.kindOf(id);
    return !kind.empty() && kind != "function" && kind != "event";
}

std::optional<Error> checkNode(const FormulaScope &scope, const MathNode &node, const std::vector<std::string> &bound)
{
    switch (node.op) {
    case MathOp::Symbol:
        if (!isKnownSymbol(scope, node.name, bound))
            return Error{"formula", "unknown identifier '" + node.name
                                        + "' (not a species, parameter or compartment of this model)"};
        return std::nullopt;
    case MathOp::Call: {
        const FunctionDefinition *f = scope.model.findFunction(node.name);
        if (!f) return Error{"formula", "unknown function '" + node.name + "' (not a built-in or a function of this model)"};
        if (f->arguments.size() != node.children.size())
            return Error{"formula", "function '" + node.name + "' takes " + std::to_string(f->arguments.size())
                                        + " argument(s), not " + std::to_string(node.children.size())};
        break;
    }
    case MathOp::Avogadro: return Error{"formula", "'avogadro' is not supported by the simulator"};
    case MathOp::Delay: return Error{"formula", "delay() is not supported by the simulator"};
    case MathOp::RateOf: return Error{"formula", "rateOf() is not supported by the simulator"};
    case MathOp::Lambda: return Error{"formula", "lambda() is only allowed in function definitions"};
    default: break;
    }
    for (const auto &child : node.children)
        if (auto e = checkNode(scope, child, bound)) return e;
    return std::nullopt;
}

}  // namespace

Result<MathNode> checkFormula(const ModelSpec &model, const std::string &text, const std::string &reactionId)
{
    if (QString::fromStdString(text).trimmed().isEmpty()) return Error{"formula", "the formula is empty"};
    const Reaction *reaction = nullptr;
    if (!reactionId.empty()) {
        reaction = model.findReaction(reactionId);
        if (!reaction) return Error{"formula", "unknown reaction '" + reactionId + "'"};
    }
    auto parsed = parseFormula(text, model);
    if (!parsed) return parsed.errors();
    if (auto e = checkNode(FormulaScope{model, reaction}, *parsed, {})) return *e;
    return parsed;
}

Result<bool> setKineticLaw(Content &content, const std::string &reaction, const std::string &formula)
{
    Content work = content;
    Reaction *r = findReaction(work.project.model, reaction);
    if (!r) return Error{reaction, "no reaction with this id"};
    auto law = checkFormula(work.project.model, formula, reaction);
    if (!law) return Error{"rate law of " + reaction, law.errorText()};
    for (const auto &name : law->symbols()) {
        const bool local = std::any_of(r->localParameters.begin(), r->localParameters.end(),
                                       [&name](const Parameter &p) { return p.id == name; });
        if (!local && work.project.model.findSpecies(name) && !isParticipant(*r, name)) r->modifiers.push_back(name);
    }
    r->kineticLaw = std::move(*law);
    return commit(content, std::move(work));
}

namespace {

std::optional<Error> checkAmount(const std::string &what, double value)
{
    if (!std::isfinite(value)) return Error{what, "the value " + formatNumber(value) + " is not a finite number"};
    if (value < 0) return Error{what, "the value " + formatNumber(value) + " is negative; concentrations must be ≥ 0"};
    return std::nullopt;
}

/// The closest parameter id to a mistyped one (case-insensitive match or edit distance ≤ 2).
std::string didYouMean(const ModelSpec &model, const std::string &id)
{
    auto distance = [](const std::string &a, const std::string &b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diag = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t up = row[j];
                const bool same = std::tolower(static_cast<unsigned char>(a[i - 1]))
                                  == std::tolower(static_cast<unsigned char>(b[j - 1]));
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
                diag = up;
            }
        }
        return row[b.size()];
    };
    std::string best;
    std::size_t bestDistance = 3;
    for (const auto &p : model.parameters)
        if (const std::size_t d = distance(id, p.id); d < bestDistance) best = p.id, bestDistance = d;
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace

Result<bool> setSpeciesInitial(Content &content, const std::string &species, double concentration)
{
    if (auto e = checkAmount("initial concentration of " + species, concentration)) return *e;
    Content work = content;
    Species *s = work.project.model.findSpecies(species);
    if (!s) return Error{species, "no species with this id"};
    s->initialConcentration = concentration;
    s->initialAmount = kUnset;
    return commit(content, std::move(work));
}

Result<bool> setSpeciesCompartment(Content &content, const std::string &species, const std::string &compartment)
{
    Content work = content;
    Species *s = work.project.model.findSpecies(species);
    if (!s) return Error{species, "no species with this id"};
    if (!work.project.model.findCompartment(compartment))
        return Error{species, "unknown compartment '" + compartment + "'"};
    s->compartment = compartment;
    return commit(content, std::move(work));
}

Result<std::string> addParameter(Content &content, const std::string &id, double value, const std::string &units)
{
    if (!std::isfinite(value)) return Error{id, "the value " + formatNumber(value) + " is not a finite number"};
    if (QString::fromStdString(id).trimmed().isEmpty()) return Error{"parameter", "an id is required"};
    Content work = content;
    const std::string newId = addUserParameter(work.project, id, value, units);
    auto ok = commit(content, std::move(work));
    if (!ok) return ok.errors();
    return newId;
}

Result<bool> setParameterValue(Content &content, const std::string &id, double value)
{
    Content work = content;
    Parameter *p = work.project.model.findParameter(id);
    if (!p) return Error{id, "no parameter with this id" + didYouMean(work.project.model, id)};
    if (!std::isfinite(value)) return Error{id, "the value " + formatNumber(value) + " is not a finite number"};
    if (value < 0 && !(p->value < 0))
        return Error{id, "the value " + formatNumber(value) + " is negative; rates and constants must be ≥ 0"};
    if (const Rule *rule = work.project.model.findRule(id); rule && rule->kind == RuleKind::Assignment)
        return Error{id, "this parameter is computed by an assignment rule; its value cannot be set"};
    p->value = value;
    return commit(content, std::move(work));
}

namespace {

template <typename Items>
auto *findIn(Items &items, const std::string &id)
{
    auto it = std::find_if(items.begin(), items.end(), [&id](const auto &x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

/// Calls `f` on the element (model or catalogue) with this id; false when there is none.
template <typename F>
bool withElement(Project &p, const std::string &id, F &&f)
{
    ModelSpec &m = p.model;
    if (auto *x = findIn(m.compartments, id)) return f(*x), true;
    if (auto *x = findIn(m.species, id)) return f(*x), true;
    if (auto *x = findIn(m.parameters, id)) return f(*x), true;
    if (auto *x = findIn(m.reactions, id)) return f(*x), true;
    if (auto *x = findIn(m.functions, id)) return f(*x), true;
    if (auto *x = findIn(p.phenotypes, id)) return f(*x), true;
    if (auto *x = findIn(p.genes, id)) return f(*x), true;
    if (auto *x = findIn(p.inputs, id)) return f(*x), true;
    if (auto *x = findIn(p.therapies, id)) return f(*x), true;
    return false;
}

}  // namespace

Result<bool> rename(Content &content, const std::string &id, const std::string &name)
{
    const QString label = QString::fromStdString(name).trimmed();
    if (label.isEmpty()) return Error{id, "the name must not be empty"};
    Content work = content;
    const bool found = withElement(work.project, id, [&label](auto &x) { x.name = label.toStdString(); });
    Event *event = findIn(work.project.model.events, id);
    if (event) event->name = label.toStdString();
    if (!found && !event) return Error{id, "no element with this id"};
    const QString ref = QString::fromStdString(id);
    for (auto &figure : work.layout.figures())
        for (auto &glyph : figure.glyphs)
            if (glyph.ref == ref) glyph.label = label;
    if (work.layout.label(ref) != ref) work.layout.setLabel(ref, label);
    content = std::move(work);
    return true;
}

Result<bool> setEvidence(Content &content, const std::string &id, const Evidence &evidence)
{
    Content work = content;
    if (!withElement(work.project, id, [&evidence](auto &x) { x.evidence = evidence; }))
        return Error{id, "no element with this id"};
    content = std::move(work);
    return true;
}

Result<bool> setGlyphColour(Content &content, const QString &figure, const QString &ref, const QString &colour)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!colour.isEmpty() && !re.match(colour).hasMatch())
        return Error{ref.toStdString(), "'" + colour.toStdString() + "' is not a colour of the form #rrggbb"};
    if (!figure.isEmpty() && !content.layout.figure(figure))
        return Error{ref.toStdString(), "unknown figure '" + figure.toStdString() + "'"};
    Content work = content;
    int changed = 0;
    for (auto &f : work.layout.figures()) {
        if (!figure.isEmpty() && f.id != figure) continue;
        for (auto &glyph : f.glyphs)
            if (glyph.ref == ref) glyph.colour = colour, ++changed;
    }
    if (changed == 0) return Error{ref.toStdString(), "nothing in the diagram draws this element"};
    content = std::move(work);
    return true;
}

}  // namespace ferroscope::core::edits
