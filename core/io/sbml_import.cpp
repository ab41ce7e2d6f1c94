// SBML import (see sbml_import.h). Flow: read with libSBML -> refuse unsupported required
// packages -> XML/consistency errors -> copy every element into a ModelSpec, taking the Level 2
// defaults explicitly and rejecting constructs the ODE engine cannot simulate.
#include "core/io/sbml_import.h"

#include "core/io/sbml_math.h"
#include "core/model/math_io.h"

#include <sbml/extension/SBasePlugin.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string_view>

namespace ferroscope::core {
namespace {

constexpr std::size_t kMaxReportedErrors = 5;

std::string squeezeSpaces(std::string_view text)
{
    std::string out;
    bool pendingSpace = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

// Validation errors that cannot change a simulation: units are not used (the units category is
// off), but a dangling unit reference such as L2's areaUnits="area" in an L3 file is reported
// under identifier consistency.
bool isHarmless(const SBMLError &e) { return e.getErrorId() == DanglingUnitReference; }

// libSBML's error log, errors and fatals only (warnings are not failures), capped for display.
Errors documentErrors(const SBMLDocument &doc)
{
    Errors out;
    std::size_t total = 0;
    for (unsigned i = 0; i < doc.getNumErrors(); ++i) {
        const SBMLError *e = doc.getError(i);
        if (e->getSeverity() < LIBSBML_SEV_ERROR || isHarmless(*e)) continue;
        if (++total > kMaxReportedErrors) continue;
        std::string where = e->getLine() > 0 ? "line " + std::to_string(e->getLine()) : "";
        out.push_back({std::move(where), squeezeSpaces(e->getMessage())});
    }
    if (total > kMaxReportedErrors)
        out.push_back({"", "and " + std::to_string(total - kMaxReportedErrors) + " more errors"});
    return out;
}

// Required packages change the meaning of core elements; only the purely graphical ones (and the
// L3v2 math functions, which MathNode covers) can be read safely as core SBML.
Errors packageErrors(SBMLDocument &doc)
{
    Errors out;
    auto supported = [](const std::string &name) {
        return name == "layout" || name == "render" || name == "l3v2extendedmath";
    };
    for (unsigned i = 0; i < doc.getNumPlugins(); ++i) {
        const std::string name = doc.getPlugin(i)->getPackageName();
        if (!supported(name) && doc.getPackageRequired(name))
            out.push_back({"", "required SBML package '" + name + "' is not supported"});
    }
    for (int i = 0; i < doc.getNumUnknownPackages(); ++i) {
        const std::string uri = doc.getUnknownPackageURI(i);
        if (doc.getPackageRequired(uri))
            out.push_back({"", "required SBML package '" + doc.getUnknownPackagePrefix(i) + "' (" + uri +
                                   ") is not supported"});
    }
    return out;
}

std::string plainText(const XMLNode &node)
{
    if (node.isText()) return node.getCharacters();
    std::string out;
    for (unsigned i = 0; i < node.getNumChildren(); ++i) out += plainText(node.getChild(i)) + " ";
    return out;
}

// Ferroscope's own annotation wins; otherwise the notes' plain text becomes the explanation.
Evidence readEvidence(const SBase &element)
{
    Evidence ev;
    if (const XMLNode *annotation = element.getAnnotation()) {
        for (unsigned i = 0; i < annotation->getNumChildren(); ++i) {
            const XMLNode &child = annotation->getChild(i);
            if (child.getName() != "evidence" || child.getURI() != kEvidenceNamespace) continue;
            ev.explanation = child.getAttrValue("explanation");
            ev.seedRefs = child.getAttrValue("seedRefs");
            ev.figure = child.getAttrValue("figure");
            ev.sources = child.getAttrValue("sources");
            ev.estimated = child.getAttrValue("estimated") == "true";
            ev.units = child.getAttrValue("units");
            ev.category = child.getAttrValue("category");
            return ev;
        }
    }
    if (const XMLNode *notes = element.getNotes()) ev.explanation = squeezeSpaces(plainText(*notes));
    return ev;
}

double valueOr(bool isSet, double value, double fallback = kUnset) { return isSet ? value : fallback; }

void replaceAvogadro(MathNode &node)
{
    if (node.op == MathOp::Avogadro) node = MathNode::number(kAvogadro);
    for (auto &child : node.children) replaceAvogadro(child);
}

// Copies one libSBML Model into a ModelSpec, collecting every problem rather than stopping at
// the first, so that the user sees the whole list at once.
class Importer {
public:
    Importer(const Model &model, unsigned level, unsigned version)
        : m_model(model), m_level(level), m_version(version) {}

    Result<ModelSpec> run()
    {
        m_spec.id = m_model.getId();
        m_spec.name = m_model.getName();
        if (m_level >= 3) m_spec.conversionFactor = m_model.getConversionFactor();
        readFunctions();
        readCompartments();
        readSpecies();
        readParameters();
        readInitialAssignments();
        readRules();
        readReactions();
        readEvents();
        if (m_model.getNumConstraints() > 0)
            m_spec.unsupported.push_back(std::to_string(m_model.getNumConstraints()) +
                                         " constraint(s) ignored (they are not checked during simulation)");
        if (!m_errors.empty()) return m_errors;
        return std::move(m_spec);
    }

private:
    void fail(const std::string &where, const std::string &message) { m_errors.push_back({where, message}); }

    // MathML -> MathNode for simulation: avogadro becomes its number, delay and rateOf are errors.
    // `what` reads as a phrase ("the kinetic law of reaction R2") for the messages.
    std::optional<MathNode> math(const ASTNode *ast, const std::string &where, const std::string &what)
    {
        auto node = fromAst(ast);
        if (!node) {
            fail(where, node.errorText() + " (in " + what + ")");
            return std::nullopt;
        }
        if (node->contains(MathOp::Delay)) fail(where, "csymbol delay in " + what + " is not supported");
        if (node->contains(MathOp::RateOf)) fail(where, "csymbol rateOf in " + what + " is not supported");
        replaceAvogadro(*node);
        return std::move(node).value();
    }

    bool isL3v2OrLater() const { return m_level > 3 || (m_level == 3 && m_version >= 2); }

    void readFunctions()
    {
        for (unsigned i = 0; i < m_model.getNumFunctionDefinitions(); ++i) {
            const SbmlFunctionDefinition *fd = m_model.getFunctionDefinition(i);
            const std::string where = "function " + fd->getId();
            if (!fd->isSetMath()) continue;   // L3v2: a function without math is never callable
            auto lambda = math(fd->getMath(), where, "the function definition " + fd->getId());
            if (!lambda) continue;
            if (lambda->op != MathOp::Lambda || lambda->children.empty()) {
                fail(where, "the function definition is not a lambda expression");
                continue;
            }
            FunctionDefinition out;
            out.id = fd->getId();
            out.name = fd->getName();
            out.body = std::move(lambda->children.back());
            lambda->children.pop_back();
            for (const auto &arg : lambda->children) out.arguments.push_back(arg.name);
            out.evidence = readEvidence(*fd);
            m_spec.functions.push_back(std::move(out));
        }
    }

    void readCompartments()
    {
        for (unsigned i = 0; i < m_model.getNumCompartments(); ++i) {
            const SbmlCompartment *c = m_model.getCompartment(i);
            Compartment out;
            out.id = c->getId();
            out.name = c->getName();
            out.size = valueOr(c->isSetSize(), c->getSize());
            if (m_level >= 3)   // L3 may leave spatialDimensions unset: treat as 3-D
                out.spatialDimensions = valueOr(c->isSetSpatialDimensions(), c->getSpatialDimensionsAsDouble(), 3.0);
            else
                out.spatialDimensions = c->getSpatialDimensions();   // L2 default 3
            out.constant = c->getConstant();                           // L2 default true
            out.evidence = readEvidence(*c);
            m_spec.compartments.push_back(std::move(out));
        }
    }

    void readSpecies()
    {
        for (unsigned i = 0; i < m_model.getNumSpecies(); ++i) {
            const SbmlSpecies *s = m_model.getSpecies(i);
            Species out;
            out.id = s->getId();
            out.name = s->getName();
            out.compartment = s->getCompartment();
            out.initialAmount = valueOr(s->isSetInitialAmount(), s->getInitialAmount());
            out.initialConcentration = valueOr(s->isSetInitialConcentration(), s->getInitialConcentration());
            out.hasOnlySubstanceUnits = s->getHasOnlySubstanceUnits();   // L2 default false
            out.boundaryCondition = s->getBoundaryCondition();           // L2 default false
            out.constant = s->getConstant();                             // L2 default false
            if (m_level >= 3) out.conversionFactor = s->getConversionFactor();
            // L2: a species in a 0-D compartment has no concentration; its symbol is an amount.
            const SbmlCompartment *c = m_model.getCompartment(out.compartment);
            if (m_level < 3 && c && c->getSpatialDimensions() == 0) out.hasOnlySubstanceUnits = true;
            out.evidence = readEvidence(*s);
            m_spec.species.push_back(std::move(out));
        }
    }

    Parameter parameter(const SBase &p, double value, bool isSet, bool constant)
    {
        Parameter out;
        out.id = p.getId();
        out.name = p.getName();
        out.value = valueOr(isSet, value);
        out.constant = constant;
        out.evidence = readEvidence(p);
        return out;
    }

    void readParameters()
    {
        for (unsigned i = 0; i < m_model.getNumParameters(); ++i) {
            const SbmlParameter *p = m_model.getParameter(i);
            m_spec.parameters.push_back(parameter(*p, p->getValue(), p->isSetValue(), p->getConstant()));
        }
    }

    void readInitialAssignments()
    {
        for (unsigned i = 0; i < m_model.getNumInitialAssignments(); ++i) {
            const SbmlInitialAssignment *ia = m_model.getInitialAssignment(i);
            if (!ia->isSetMath()) continue;   // L3v2: no math, no effect
            const std::string symbol = ia->getSymbol();
            auto m = math(ia->getMath(), "initial assignment " + symbol, "the initial assignment to " + symbol);
            if (m) m_spec.initialAssignments.push_back({symbol, std::move(*m)});
        }
    }

    void readRules()
    {
        for (unsigned i = 0; i < m_model.getNumRules(); ++i) {
            const SbmlRule *r = m_model.getRule(i);
            if (r->isAlgebraic()) {
                const auto m = fromAst(r->isSetMath() ? r->getMath() : nullptr);
                const std::string text = m ? toFormula(*m) : "?";
                fail("algebraic rule", "algebraic rule (for 0 = " + text + ") is not supported");
                continue;
            }
            if (!r->isSetMath()) continue;   // L3v2: no math, no effect
            Rule out;
            out.kind = r->isRate() ? RuleKind::Rate : RuleKind::Assignment;
            out.variable = r->getVariable();
            const std::string kind = r->isRate() ? "rate rule" : "assignment rule";
            auto m = math(r->getMath(), kind + " " + out.variable, "the " + kind + " for " + out.variable);
            if (!m) continue;
            out.math = std::move(*m);
            m_spec.rules.push_back(std::move(out));
        }
    }

    void readSpeciesReferences(const ListOf &list, const std::string &reactionId, std::vector<SpeciesReference> &out)
    {
        for (unsigned i = 0; i < list.size(); ++i) {
            const auto *sr = static_cast<const SbmlSpeciesReference *>(list.get(i));
            if (sr->isSetStoichiometryMath()) {
                fail("reaction " + reactionId, "stoichiometryMath in reaction " + reactionId + " is not supported");
                continue;
            }
            SpeciesReference ref;
            ref.species = sr->getSpecies();
            ref.id = sr->getId();
            // L3 leaves stoichiometry unset -> NaN (an initial assignment or rule may give it);
            // L2 defaults it to 1 (libSBML's getter returns the default).
            if (m_level >= 3) ref.stoichiometry = valueOr(sr->isSetStoichiometry(), sr->getStoichiometry());
            else ref.stoichiometry = sr->getStoichiometry();
            ref.constant = m_level >= 3 ? sr->getConstant() : true;
            out.push_back(std::move(ref));
        }
    }

    void readLocalParameters(const KineticLaw &kl, Reaction &out)
    {
        if (m_level >= 3) {
            for (unsigned i = 0; i < kl.getNumLocalParameters(); ++i) {
                const LocalParameter *p = kl.getLocalParameter(i);
                out.localParameters.push_back(parameter(*p, p->getValue(), p->isSetValue(), true));
            }
        } else {
            for (unsigned i = 0; i < kl.getNumParameters(); ++i) {
                const SbmlParameter *p = kl.getParameter(i);
                out.localParameters.push_back(parameter(*p, p->getValue(), p->isSetValue(), true));
            }
        }
    }

    void readReactions()
    {
        for (unsigned i = 0; i < m_model.getNumReactions(); ++i) {
            const SbmlReaction *r = m_model.getReaction(i);
            Reaction out;
            out.id = r->getId();
            out.name = r->getName();
            const std::string where = "reaction " + out.id;
            out.reversible = r->getReversible();   // L2 default true
            out.fast = r->isSetFast() && r->getFast();
            if (out.fast) fail(where, "reaction " + out.id + " is marked fast, which is not supported");
            readSpeciesReferences(*r->getListOfReactants(), out.id, out.reactants);
            readSpeciesReferences(*r->getListOfProducts(), out.id, out.products);
            for (unsigned k = 0; k < r->getNumModifiers(); ++k)
                out.modifiers.push_back(r->getModifier(k)->getSpecies());
            const KineticLaw *kl = r->isSetKineticLaw() ? r->getKineticLaw() : nullptr;
            if (!kl || !kl->isSetMath()) {
                fail(where, "reaction " + out.id + " has no kinetic law" +
                                (kl ? " math" : "") + ", so its rate is undefined");
            } else {
                out.kineticLaw = math(kl->getMath(), where, "the kinetic law of reaction " + out.id);
                readLocalParameters(*kl, out);
            }
            out.evidence = readEvidence(*r);
            m_spec.reactions.push_back(std::move(out));
        }
    }

    void readEventDetails(const SbmlEvent &e, Event &out, const std::string &where)
    {
        const std::string what = " of event " + out.id;
        if (e.isSetDelay() && e.getDelay()->isSetMath())
            out.delay = math(e.getDelay()->getMath(), where, "the delay" + what);
        if (m_level >= 3 && e.isSetPriority() && e.getPriority()->isSetMath()) {
            out.priority = math(e.getPriority()->getMath(), where, "the priority" + what);
            m_spec.unsupported.push_back("event " + out.id +
                                         " has a priority, which only orders simultaneous events");
        }
        for (unsigned k = 0; k < e.getNumEventAssignments(); ++k) {
            const SbmlEventAssignment *ea = e.getEventAssignment(k);
            if (!ea->isSetMath()) continue;   // L3v2: no math, no assignment
            auto m = math(ea->getMath(), where, "the assignment to " + ea->getVariable() + what);
            if (m) out.assignments.push_back({ea->getVariable(), std::move(*m)});
        }
    }

    void readEvents()
    {
        for (unsigned i = 0; i < m_model.getNumEvents(); ++i) {
            const SbmlEvent *e = m_model.getEvent(i);
            Event out;
            out.id = e->getId();
            out.name = e->getName();
            const std::string where = "event " + (out.id.empty() ? std::to_string(i + 1) : out.id);
            const Trigger *trigger = e->isSetTrigger() ? e->getTrigger() : nullptr;
            if (trigger && trigger->isSetMath()) {
                auto m = math(trigger->getMath(), where, "the trigger of " + where);
                if (m) out.trigger = std::move(*m);
            } else if (isL3v2OrLater()) {
                out.trigger = MathNode::number(0.0);   // L3v2: an event without trigger math never fires
            } else {
                fail(where, where + " has no trigger");
            }
            // L2 triggers have neither attribute: both behave as true.
            out.initialValue = m_level >= 3 && trigger ? trigger->getInitialValue() : true;
            out.persistent = m_level >= 3 && trigger ? trigger->getPersistent() : true;
            out.useValuesFromTriggerTime = e->getUseValuesFromTriggerTime();   // L2 default true
            readEventDetails(*e, out, where);
            m_spec.events.push_back(std::move(out));
        }
    }

    const Model &m_model;
    unsigned m_level, m_version;
    ModelSpec m_spec;
    Errors m_errors;
};

Result<ModelSpec> importDocument(std::unique_ptr<SBMLDocument> doc)
{
    if (!doc) return Error{"", "libSBML could not create a document"};
    Errors errors = packageErrors(*doc);
    const Errors readErrors = documentErrors(*doc);
    errors.insert(errors.end(), readErrors.begin(), readErrors.end());
    if (!errors.empty()) return errors;
    if (!doc->getModel()) return Error{"", "the SBML document contains no model"};
    if (doc->getLevel() < 2 && !doc->setLevelAndVersion(2, 4, false))
        return Error{"", "SBML Level 1 document could not be converted to Level 2"};

    doc->setConsistencyChecks(LIBSBML_CAT_UNITS_CONSISTENCY, false);
    doc->setConsistencyChecks(LIBSBML_CAT_MODELING_PRACTICE, false);
    doc->checkConsistency();
    errors = documentErrors(*doc);
    if (!errors.empty()) return errors;
    return Importer(*doc->getModel(), doc->getLevel(), doc->getVersion()).run();
}

}  // namespace

Result<ModelSpec> importSbmlFile(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error{path, "cannot read the SBML file: it does not exist or is not a regular file"};
    auto result = importDocument(std::unique_ptr<SBMLDocument>(readSBMLFromFile(path.c_str())));
    if (result) return result;
    Errors errors = result.errors();
    for (auto &e : errors) e.where = e.where.empty() ? path : path + " " + e.where;
    return errors;
}

Result<ModelSpec> importSbmlString(const std::string &xml)
{
    return importDocument(std::unique_ptr<SBMLDocument>(readSBMLFromString(xml.c_str())));
}

}  // namespace ferroscope::core
