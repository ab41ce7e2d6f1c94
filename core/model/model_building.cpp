// Structural edits that add to the network: species, reactions, rate-law templates (model_edits.h).
// Rate laws are written in concentration/time and multiplied by the compartment of the first
// reactant (or product): the SBML convention, so that k*S in any compartment gives d[S]/dt = -k[S].
#include "core/model/model_edits.h"

#include <QLineF>

#include "core/model/model_edits_p.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ferroscope::core::edits {

using namespace detail;

namespace {

MathNode sym(const std::string &id) { return MathNode::symbol(id); }
MathNode times(std::vector<MathNode> kids) { return MathNode::make(MathOp::Times, std::move(kids)); }
MathNode power(MathNode a, MathNode b) { return MathNode::make(MathOp::Power, {std::move(a), std::move(b)}); }

/// S^n / (K^n + S^n) (or K^n / (K^n + S^n) when `inhibit`): the saturating Hill term.
MathNode hillTerm(const std::string &s, const std::string &k, const std::string &n, bool inhibit)
{
    MathNode num = power(sym(inhibit ? k : s), sym(n));
    MathNode den = MathNode::make(MathOp::Plus, {power(sym(k), sym(n)), power(sym(s), sym(n))});
    return MathNode::make(MathOp::Divide, {std::move(num), std::move(den)});
}

std::string massActionUnits(double order)
{
    if (order == 0) return "µM/h";
    if (order == 1) return "/h";
    if (order == 2) return "/(µM·h)";
    return "µM^" + std::to_string(int(1 - order)) + "/h";
}

MathNode massAction(Project &p, const Reaction &r)
{
    double order = 0;
    for (const auto &ref : r.reactants) order += std::isnan(ref.stoichiometry) ? 1 : ref.stoichiometry;
    std::vector<MathNode> kids{sym(addUserParameter(p, "k_" + r.id, 0.1, massActionUnits(order)))};
    for (const auto &ref : r.reactants)
        kids.push_back(ref.stoichiometry == 1 || std::isnan(ref.stoichiometry)
                           ? sym(ref.species)
                           : power(sym(ref.species), MathNode::number(ref.stoichiometry)));
    return kids.size() == 1 ? kids.front() : times(std::move(kids));
}

/// The rate law in concentration/time for a template (no compartment factor yet).
Result<MathNode> templateLaw(Project &p, const Reaction &r, KineticTemplate t)
{
    if (t == KineticTemplate::MassAction) return massAction(p, r);
    if (t == KineticTemplate::Constant) return sym(addUserParameter(p, "v0_" + r.id, 0.1, "µM/h"));
    if (r.reactants.empty())
        return Error{r.id, toString(t).toStdString() + " needs a reactant (its substrate), but this reaction has none"};
    const std::string s = r.reactants.front().species;
    const std::string vmax = addUserParameter(p, "Vmax_" + r.id, 1, "µM/h");
    if (t == KineticTemplate::MichaelisMenten) {
        const std::string km = addUserParameter(p, "Km_" + r.id, 1, "µM");
        MathNode den = MathNode::make(MathOp::Plus, {sym(km), sym(s)});
        return times({sym(vmax), MathNode::make(MathOp::Divide, {sym(s), std::move(den)})});
    }
    const std::string k = addUserParameter(p, "K_" + r.id, 1, "µM");
    const std::string n = addUserParameter(p, "n_" + r.id, 2, "1");
    return times({sym(vmax), hillTerm(s, k, n, t == KineticTemplate::HillInhibition)});
}

/// Sets the reaction's law from a template, times the compartment of its first participant.
Result<bool> setTemplateLaw(Project &p, Reaction &r, KineticTemplate t)
{
    auto law = templateLaw(p, r, t);
    if (!law) return law.errors();
    const auto &first = r.reactants.empty() ? r.products : r.reactants;
    if (first.empty()) return Error{r.id, "the reaction has no reactants and no products"};
    const Species *s = p.model.findSpecies(first.front().species);
    MathNode compartment = sym(s->compartment);
    if (law->op == MathOp::Times) law->children.insert(law->children.begin(), std::move(compartment));
    else law = times({std::move(compartment), std::move(*law)});
    r.kineticLaw = std::move(*law);
    return true;
}

/// The figure to draw in: "" = the first one (nullptr without error when there are none).
Result<FigureLayout *> drawingFigure(DiagramLayout &layout, const QString &figure)
{
    if (figure.isEmpty()) return layout.figures().empty() ? nullptr : &layout.figures().front();
    FigureLayout *f = layout.figure(figure);
    if (!f) return Error{"figure", "unknown figure '" + figure.toStdString() + "'"};
    return f;
}

std::optional<Error> checkSpeciesFields(const Project &p, const NewSpecies &spec, const std::string &compartment)
{
    if (!std::isfinite(spec.initialConcentration))
        return Error{"initial concentration", "the value " + formatNumber(spec.initialConcentration)
                                                  + " is not a finite number"};
    if (spec.initialConcentration < 0)
        return Error{"initial concentration", "the value " + formatNumber(spec.initialConcentration)
                                                  + " is negative; concentrations must be ≥ 0"};
    if (QString::fromStdString(spec.name).trimmed().isEmpty() && spec.id.empty())
        return Error{"species", "a name (or an id) is required"};
    if (!p.model.findCompartment(compartment))
        return Error{"species", compartment.empty() ? "the model has no compartment to put it in"
                                                    : "unknown compartment '" + compartment + "'"};
    return std::nullopt;
}

}  // namespace

Result<std::string> addSpecies(Content &content, const NewSpecies &spec)
{
    const auto &compartments = content.project.model.compartments;
    const std::string compartment = spec.compartment.empty() && !compartments.empty() ? compartments.front().id
                                                                                     : spec.compartment;
    if (auto e = checkSpeciesFields(content.project, spec, compartment)) return *e;
    if (!spec.id.empty())
        if (auto e = checkNewId(content.project, spec.id, "species")) return *e;
    Content work = content;
    auto figure = drawingFigure(work.layout, spec.figure);
    if (!figure) return figure.errors();
    Species s;
    s.name = QString::fromStdString(spec.name).trimmed().toStdString();
    s.id = spec.id.empty() ? uniqueId(work.project, s.name) : spec.id;
    if (s.name.empty()) s.name = s.id;
    s.compartment = compartment;
    s.initialConcentration = spec.initialConcentration;
    s.evidence.units = "µM";
    s.evidence.explanation = "added by the user";
    work.project.model.species.push_back(s);
    if (*figure) {
        LayoutGlyph glyph;
        glyph.ref = QString::fromStdString(s.id);
        glyph.id = (*figure)->uniqueGlyphId(glyph.ref);
        glyph.label = QString::fromStdString(s.name);
        glyph.kind = spec.kind;
        glyph.pos = spec.pos;
        (*figure)->glyphs.push_back(glyph);
    }
    auto ok = commit(content, std::move(work));
    if (!ok) return ok.errors();
    return s.id;
}

namespace {

/// Participants as references, repeated species merged into one with a higher stoichiometry.
std::vector<SpeciesReference> references(const std::vector<std::string> &ids)
{
    std::vector<SpeciesReference> out;
    for (const auto &id : ids) {
        auto it = std::find_if(out.begin(), out.end(), [&id](const SpeciesReference &r) { return r.species == id; });
        if (it != out.end()) it->stoichiometry += 1;
        else out.push_back(SpeciesReference{id, 1.0, {}, true});
    }
    return out;
}

std::optional<Error> checkParticipants(const ModelSpec &m, const NewReaction &spec)
{
    if (spec.reactants.empty() && spec.products.empty())
        return Error{"reaction", "a reaction needs at least one reactant or product"};
    for (const auto *side : {&spec.reactants, &spec.products})
        for (const auto &id : *side)
            if (!m.findSpecies(id)) return Error{"reaction", "unknown species '" + id + "'"};
    return std::nullopt;
}

std::string defaultReactionBase(const NewReaction &spec)
{
    auto join = [](const std::vector<std::string> &ids, const char *none) {
        std::string out;
        for (const auto &id : ids) out += (out.empty() ? "" : "_") + id;
        return out.empty() ? std::string(none) : out;
    };
    return "R_" + join(spec.reactants, "syn") + "_" + join(spec.products, "deg");
}

std::string defaultReactionName(const ModelSpec &m, const NewReaction &spec)
{
    auto side = [&m](const std::vector<std::string> &ids) {
        std::string out;
        for (const auto &id : ids) out += (out.empty() ? "" : " + ") + m.findSpecies(id)->name;
        return out.empty() ? std::string("∅") : out;
    };
    return side(spec.reactants) + " → " + side(spec.products);
}

/// Centroid of the first glyph of each species in the figure; nullopt if none is drawn there.
std::optional<QPointF> centroid(const FigureLayout &figure, const std::vector<std::string> &ids)
{
    QPointF sum;
    int count = 0;
    std::vector<std::string> seen;
    for (const auto &id : ids) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;   // A + A: one glyph
        seen.push_back(id);
        const auto glyphs = figure.glyphsFor(QString::fromStdString(id));
        if (glyphs.empty()) continue;
        sum += glyphs.front()->pos;
        ++count;
    }
    if (count == 0) return std::nullopt;
    return sum / count;
}

LayoutProcess processNode(const FigureLayout &figure, const NewReaction &spec, const std::string &id)
{
    LayoutProcess process;
    process.reaction = QString::fromStdString(id);
    std::vector<std::string> all = spec.reactants;
    all.insert(all.end(), spec.products.begin(), spec.products.end());
    const QPointF centre(figure.size.width() / 2, figure.size.height() / 2);
    process.pos = spec.pos ? *spec.pos : centroid(figure, all).value_or(centre);
    const auto from = centroid(figure, spec.reactants), to = centroid(figure, spec.products);
    auto direction = [&process](QPointF d) {
        const double length = std::hypot(d.x(), d.y());
        if (length > 1e-9) process.dir = d / length;
    };
    constexpr double kEmptySetDistance = 70;   // as DiagramLayout's default
    if (from && to) direction(*to - *from);
    else if (to) direction(*to - process.pos);
    else if (from) direction(process.pos - *from);
    process.source = process.pos - process.dir * kEmptySetDistance;
    process.sink = process.pos + process.dir * kEmptySetDistance;
    // A one-sided reaction placed by the user (pos = midway between the two clicks): the ∅ goes
    // where the empty-canvas click was, i.e. the species mirrored through the process node.
    if (spec.pos && to && !from && QLineF(process.pos, *to).length() > 1) process.source = 2 * process.pos - *to;
    if (spec.pos && from && !to && QLineF(process.pos, *from).length() > 1) process.sink = 2 * process.pos - *from;
    return process;
}

}  // namespace

Result<std::string> addReaction(Content &content, const NewReaction &spec)
{
    if (auto e = checkParticipants(content.project.model, spec)) return *e;
    if (!spec.id.empty())
        if (auto e = checkNewId(content.project, spec.id, "reaction")) return *e;
    Content work = content;
    auto figure = drawingFigure(work.layout, spec.figure);
    if (!figure) return figure.errors();
    Reaction r;
    r.id = spec.id.empty() ? uniqueId(work.project, defaultReactionBase(spec)) : spec.id;
    const std::string name = QString::fromStdString(spec.name).trimmed().toStdString();
    r.name = name.empty() ? defaultReactionName(work.project.model, spec) : name;
    r.reactants = references(spec.reactants);
    r.products = references(spec.products);
    r.evidence.explanation = "added by the user";
    r.evidence.units = "µM/h";
    auto law = setTemplateLaw(work.project, r, spec.kinetics);
    if (!law) return law.errors();
    work.project.model.reactions.push_back(r);
    if (*figure) (*figure)->processes.push_back(processNode(**figure, spec, r.id));
    auto ok = commit(content, std::move(work));
    if (!ok) return ok.errors();
    return r.id;
}

Result<bool> applyTemplate(Content &content, const std::string &reaction, KineticTemplate kinetics)
{
    Content work = content;
    Reaction *r = findReaction(work.project.model, reaction);
    if (!r) return Error{reaction, "no reaction with this id"};
    Reaction updated = *r;   // templateLaw adds parameters (may reallocate nothing in reactions)
    auto ok = setTemplateLaw(work.project, updated, kinetics);
    if (!ok) return ok.errors();
    *findReaction(work.project.model, reaction) = std::move(updated);
    return commit(content, std::move(work));
}

}  // namespace ferroscope::core::edits
