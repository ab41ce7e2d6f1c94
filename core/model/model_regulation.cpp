// Regulations: a modifier species multiplies a reaction's rate law by a saturating term
// (stimulation M^n/(K^n+M^n), inhibition K^n/(K^n+M^n)) or by its own amount (catalysis, the
// enzyme). The factor is a top-level factor of the law's product, so it can be found and removed
// again by its exact shape (model_edits.h).
#include "core/model/model_edits.h"

#include "core/model/model_edits_p.h"

#include <algorithm>
#include <cmath>

namespace ferroscope::core::edits {

using namespace detail;

namespace {

struct HillParameters {
    std::string K, n;
    bool inhibition = false;
};

bool isSymbolPower(const MathNode &x, std::string &base, std::string &exponent)
{
    if (x.op != MathOp::Power || x.children.size() != 2) return false;
    const auto &b = x.children[0], &e = x.children[1];
    if (b.op != MathOp::Symbol || e.op != MathOp::Symbol) return false;
    base = b.name, exponent = e.name;
    return true;
}

/// Matches M^n/(K^n + M^n) or K^n/(K^n + M^n) for this modifier M.
std::optional<HillParameters> matchHill(const MathNode &f, const std::string &m)
{
    if (f.op != MathOp::Divide || f.children.size() != 2) return std::nullopt;
    const MathNode &den = f.children[1];
    if (den.op != MathOp::Plus || den.children.size() != 2) return std::nullopt;
    std::string num, numN, k, kN, mm, mN;
    if (!isSymbolPower(f.children[0], num, numN) || !isSymbolPower(den.children[0], k, kN)
        || !isSymbolPower(den.children[1], mm, mN))
        return std::nullopt;
    if (mm != m || k == m || kN != mN || numN != kN || (num != m && num != k)) return std::nullopt;
    return HillParameters{k, kN, num == k};
}

/// Removes the first top-level product factor accepted by `match` (searching nested products).
template <typename Match>
bool removeFactor(MathNode &law, const Match &match)
{
    if (law.op != MathOp::Times) return false;
    for (std::size_t i = 0; i < law.children.size(); ++i) {
        if (!match(law.children[i])) continue;
        law.children.erase(law.children.begin() + std::ptrdiff_t(i));
        if (law.children.size() == 1) law = MathNode(law.children.front());
        return true;
    }
    return std::any_of(law.children.begin(), law.children.end(),
                       [&match](MathNode &child) { return removeFactor(child, match); });
}

void multiplyBy(MathNode &law, MathNode factor)
{
    if (law.op == MathOp::Times) law.children.push_back(std::move(factor));
    else law = MathNode::make(MathOp::Times, {std::move(law), std::move(factor)});
}

std::optional<Error> checkRegulation(const ModelSpec &m, const NewRegulation &spec)
{
    const Reaction *r = m.findReaction(spec.reaction);
    if (!r) return Error{"regulation", "unknown reaction '" + spec.reaction + "'"};
    if (!m.findSpecies(spec.modifier)) return Error{"regulation", "unknown species '" + spec.modifier + "'"};
    if (spec.cls != ArcClass::Stimulation && spec.cls != ArcClass::Inhibition && spec.cls != ArcClass::Catalysis)
        return Error{"regulation", "a regulation is a stimulation, an inhibition or a catalysis"};
    if (!r->kineticLaw) return Error{spec.reaction, "the reaction has no rate law to regulate; set one first"};
    if (spec.cls == ArcClass::Catalysis) return std::nullopt;
    if (!std::isfinite(spec.K) || spec.K <= 0)
        return Error{"regulation", "the half-saturation constant K = " + formatNumber(spec.K) + " must be > 0"};
    if (!std::isfinite(spec.n) || spec.n <= 0)
        return Error{"regulation", "the Hill coefficient n = " + formatNumber(spec.n) + " must be > 0"};
    return std::nullopt;
}

void drawModifier(DiagramLayout &layout, const std::string &reaction, const std::string &modifier, ArcClass cls)
{
    const QString rid = QString::fromStdString(reaction), mid = QString::fromStdString(modifier);
    bool hasProcess = false;
    for (auto &f : layout.figures())
        if (LayoutProcess *p = f.findProcess(rid)) p->arcs[mid] = cls, p->hidden.removeAll(mid), hasProcess = true;
    if (hasProcess) return;
    for (auto &f : layout.figures())
        if (LayoutRegulation *r = f.findRegulation(rid)) r->arcs[mid] = cls, r->hidden.removeAll(mid);
}

}  // namespace

void detail::eraseModifierDrawing(DiagramLayout &layout, const std::string &reaction, const std::string &modifier)
{
    const QString rid = QString::fromStdString(reaction), mid = QString::fromStdString(modifier);
    for (auto &f : layout.figures()) {
        if (LayoutProcess *p = f.findProcess(rid)) p->arcs.erase(mid), p->routes.erase(mid), p->hidden.removeAll(mid);
        if (LayoutRegulation *r = f.findRegulation(rid))
            r->arcs.erase(mid), r->routes.erase(mid), r->hidden.removeAll(mid);
    }
}

Result<bool> addRegulation(Content &content, const NewRegulation &spec)
{
    if (auto e = checkRegulation(content.project.model, spec)) return *e;
    Content work = content;
    MathNode factor = MathNode::symbol(spec.modifier);
    if (spec.cls != ArcClass::Catalysis) {
        const std::string base = spec.reaction + "_" + spec.modifier;
        const std::string k = addUserParameter(work.project, "K_" + base, spec.K, "µM");
        const std::string n = addUserParameter(work.project, "n_" + base, spec.n, "1");
        MathNode pm = MathNode::make(MathOp::Power, {MathNode::symbol(spec.modifier), MathNode::symbol(n)});
        MathNode pk = MathNode::make(MathOp::Power, {MathNode::symbol(k), MathNode::symbol(n)});
        MathNode num = spec.cls == ArcClass::Inhibition ? pk : pm;
        MathNode den = MathNode::make(MathOp::Plus, {std::move(pk), std::move(pm)});
        factor = MathNode::make(MathOp::Divide, {std::move(num), std::move(den)});
    }
    Reaction *r = findReaction(work.project.model, spec.reaction);
    multiplyBy(*r->kineticLaw, std::move(factor));
    if (std::find(r->modifiers.begin(), r->modifiers.end(), spec.modifier) == r->modifiers.end())
        r->modifiers.push_back(spec.modifier);
    drawModifier(work.layout, spec.reaction, spec.modifier, spec.cls);
    return commit(content, std::move(work));
}

namespace {

/// Removes the modifier's regulation factor from the law; the Hill parameters it used, if any.
/// nullopt when no factor of this modifier was found.
std::optional<std::vector<std::string>> removeRegulationFactor(MathNode &law, const std::string &m)
{
    std::optional<HillParameters> hill;
    if (removeFactor(law, [&](const MathNode &f) { return bool(hill = matchHill(f, m)); }))
        return std::vector<std::string>{hill->K, hill->n};
    if (removeFactor(law, [&m](const MathNode &f) { return f.op == MathOp::Symbol && f.name == m; }))
        return std::vector<std::string>{};
    return std::nullopt;
}

bool lawUses(const Reaction &r, const std::string &id)
{
    if (!r.kineticLaw) return false;
    const auto names = namesIn(*r.kineticLaw);
    return std::find(names.begin(), names.end(), id) != names.end();
}

}  // namespace

Result<bool> removeRegulation(Content &content, const std::string &reaction, const std::string &modifier)
{
    Content work = content;
    Reaction *r = findReaction(work.project.model, reaction);
    if (!r) return Error{reaction, "no reaction with this id"};
    auto &mods = r->modifiers;
    if (std::find(mods.begin(), mods.end(), modifier) == mods.end())
        return Error{reaction, "'" + modifier + "' is not a modifier of this reaction"};
    std::vector<std::string> parameters;
    if (r->kineticLaw)
        if (auto removed = removeRegulationFactor(*r->kineticLaw, modifier)) parameters = *removed;
    if (!lawUses(*r, modifier)) {
        mods.erase(std::remove(mods.begin(), mods.end(), modifier), mods.end());
        eraseModifierDrawing(work.layout, reaction, modifier);
    } else if (r->kineticLaw && sameMath(*r->kineticLaw, *content.project.model.findReaction(reaction)->kineticLaw)) {
        return Error{reaction, "the rate law uses " + modifier
                                   + " in another way than a regulation term; edit the rate law instead"};
    }
    auto &params = work.project.model.parameters;
    for (const auto &id : parameters)
        if (!isReferenced(work.project, id))
            params.erase(std::remove_if(params.begin(), params.end(), [&id](const Parameter &p) { return p.id == id; }),
                         params.end());
    return commit(content, std::move(work));
}

}  // namespace ferroscope::core::edits
