// SBML export (see sbml_export.h): ModelSpec -> SBML L3V2 with every L3-required attribute set,
// evidence in notes (for people) and in a Ferroscope annotation (for re-import), validated by
// libSBML before it is returned. exportSbmlFile replaces the target atomically.
#include "core/io/sbml_export.h"

#include "core/io/sbml_layout.h"
#include "core/io/sbml_math.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferroscope::core {
namespace {

constexpr const char *kXhtml = "http://www.w3.org/1999/xhtml";

bool hasEvidence(const Evidence &ev)
{
    return !ev.empty() || ev.estimated || !ev.units.empty() || !ev.category.empty();
}

// One readable paragraph: the explanation followed by its references.
std::string notesText(const Evidence &ev)
{
    std::string text = ev.explanation;
    auto add = [&text](const std::string &label, const std::string &value) {
        if (value.empty()) return;
        if (!text.empty()) text += ' ';
        text += label + value + '.';
    };
    add("Seed references: ", ev.seedRefs);
    add("Figure: ", ev.figure);
    add("Sources: ", ev.sources);
    add("Units: ", ev.units);
    add("Category: ", ev.category);
    if (ev.estimated) add("", "Value estimated");
    return text;
}

// Writes libSBML objects; setter failures (invalid ids, ...) are collected as errors.
class Exporter {
public:
    explicit Exporter(const ModelSpec &spec) : m_spec(spec), m_owned(std::make_unique<SBMLDocument>(3, 2)),
                                               m_doc(*m_owned) {}

    Result<std::unique_ptr<SBMLDocument>> build()
    {
        m_model = m_doc.createModel();
        if (!m_spec.id.empty()) check(m_model->setId(m_spec.id), "model", "id '" + m_spec.id + "'");
        if (!m_spec.name.empty()) m_model->setName(m_spec.name);
        if (!m_spec.conversionFactor.empty()) m_model->setConversionFactor(m_spec.conversionFactor);
        writeFunctions();
        writeCompartments();
        writeSpecies();
        writeParameters();
        writeInitialAssignments();
        writeRules();
        writeReactions();
        writeEvents();
        if (!m_errors.empty()) return m_errors;
        return std::move(m_owned);
    }

private:
    void check(int rc, const std::string &where, const std::string &what)
    {
        if (rc != LIBSBML_OPERATION_SUCCESS)
            m_errors.push_back({where, "cannot write " + what + ": " + OperationReturnValue_toString(rc)});
    }

    void setMath(SBase &element, const MathNode &math, const std::string &where,
                 AstContext context = AstContext::Value)
    {
        const std::unique_ptr<ASTNode> ast = toAst(math, context);
        int rc = LIBSBML_OPERATION_FAILED;
        // Only the math-bearing classes have setMath; dispatch on libSBML's type code.
        switch (element.getTypeCode()) {
        case SBML_FUNCTION_DEFINITION: rc = static_cast<SbmlFunctionDefinition &>(element).setMath(ast.get()); break;
        case SBML_INITIAL_ASSIGNMENT: rc = static_cast<SbmlInitialAssignment &>(element).setMath(ast.get()); break;
        case SBML_ASSIGNMENT_RULE: case SBML_RATE_RULE: case SBML_ALGEBRAIC_RULE:
            rc = static_cast<SbmlRule &>(element).setMath(ast.get()); break;
        case SBML_KINETIC_LAW: rc = static_cast<KineticLaw &>(element).setMath(ast.get()); break;
        case SBML_TRIGGER: rc = static_cast<Trigger &>(element).setMath(ast.get()); break;
        case SBML_DELAY: rc = static_cast<SbmlDelay &>(element).setMath(ast.get()); break;
        case SBML_PRIORITY: rc = static_cast<Priority &>(element).setMath(ast.get()); break;
        case SBML_EVENT_ASSIGNMENT: rc = static_cast<SbmlEventAssignment &>(element).setMath(ast.get()); break;
        default: break;
        }
        check(rc, where, "math");
    }

    void writeEvidence(SBase &element, const Evidence &ev)
    {
        if (!hasEvidence(ev)) return;
        XMLNamespaces xhtml;
        xhtml.add(kXhtml);
        XMLNode paragraph(XMLTriple("p", kXhtml, ""), XMLAttributes(), xhtml);
        paragraph.addChild(XMLNode(notesText(ev)));
        check(element.setNotes(&paragraph), element.getId(), "notes");

        XMLAttributes attrs;
        attrs.add("explanation", ev.explanation);
        attrs.add("seedRefs", ev.seedRefs);
        attrs.add("figure", ev.figure);
        attrs.add("sources", ev.sources);
        attrs.add("estimated", ev.estimated ? "true" : "false");
        attrs.add("units", ev.units);
        attrs.add("category", ev.category);
        XMLNamespaces ns;
        ns.add(kEvidenceNamespace, "ferroscope");
        const XMLNode evidence(XMLTriple("evidence", kEvidenceNamespace, "ferroscope"), attrs, ns);
        check(element.appendAnnotation(&evidence), element.getId(), "evidence annotation");
    }

    template <typename T>
    void setIdAndName(T &element, const std::string &id, const std::string &name, const std::string &kind)
    {
        check(element.setId(id), kind + " " + id, "id '" + id + "'");
        if (!name.empty()) element.setName(name);
    }

    void writeFunctions()
    {
        for (const auto &f : m_spec.functions) {
            auto *fd = m_model->createFunctionDefinition();
            setIdAndName(*fd, f.id, f.name, "function");
            MathNode lambda = MathNode::make(MathOp::Lambda);
            for (const auto &arg : f.arguments) lambda.children.push_back(MathNode::symbol(arg));
            lambda.children.push_back(f.body);
            setMath(*fd, lambda, "function " + f.id);
            writeEvidence(*fd, f.evidence);
        }
    }

    void writeCompartments()
    {
        for (const auto &c : m_spec.compartments) {
            auto *out = m_model->createCompartment();
            setIdAndName(*out, c.id, c.name, "compartment");
            if (!std::isnan(c.size)) out->setSize(c.size);
            out->setSpatialDimensions(c.spatialDimensions);
            out->setConstant(c.constant);
            writeEvidence(*out, c.evidence);
        }
    }

    void writeSpecies()
    {
        for (const auto &s : m_spec.species) {
            auto *out = m_model->createSpecies();
            setIdAndName(*out, s.id, s.name, "species");
            out->setCompartment(s.compartment);
            if (!std::isnan(s.initialAmount)) out->setInitialAmount(s.initialAmount);
            if (!std::isnan(s.initialConcentration)) out->setInitialConcentration(s.initialConcentration);
            out->setHasOnlySubstanceUnits(s.hasOnlySubstanceUnits);
            out->setBoundaryCondition(s.boundaryCondition);
            out->setConstant(s.constant);
            if (!s.conversionFactor.empty()) out->setConversionFactor(s.conversionFactor);
            writeEvidence(*out, s.evidence);
        }
    }

    template <typename T>
    void writeParameter(T &out, const Parameter &p, const std::string &kind)
    {
        setIdAndName(out, p.id, p.name, kind);
        if (!std::isnan(p.value)) out.setValue(p.value);
        writeEvidence(out, p.evidence);
    }

    void writeParameters()
    {
        for (const auto &p : m_spec.parameters) {
            auto *out = m_model->createParameter();
            writeParameter(*out, p, "parameter");
            out->setConstant(p.constant);
        }
    }

    void writeInitialAssignments()
    {
        for (const auto &ia : m_spec.initialAssignments) {
            auto *out = m_model->createInitialAssignment();
            check(out->setSymbol(ia.symbol), "initial assignment " + ia.symbol, "symbol");
            setMath(*out, ia.math, "initial assignment " + ia.symbol);
        }
    }

    void writeRules()
    {
        for (const auto &r : m_spec.rules) {
            SbmlRule *out = nullptr;
            switch (r.kind) {
            case RuleKind::Assignment: out = m_model->createAssignmentRule(); break;
            case RuleKind::Rate: out = m_model->createRateRule(); break;
            case RuleKind::Algebraic: out = m_model->createAlgebraicRule(); break;
            }
            const std::string where = "rule for " + (r.variable.empty() ? std::string("0") : r.variable);
            if (r.kind != RuleKind::Algebraic) check(out->setVariable(r.variable), where, "variable");
            setMath(*out, r.math, where);
        }
    }

    void writeReferences(const std::vector<SpeciesReference> &refs, bool reactants, SbmlReaction &out)
    {
        for (const auto &ref : refs) {
            auto *sr = reactants ? out.createReactant() : out.createProduct();
            sr->setSpecies(ref.species);
            if (!ref.id.empty())
                check(sr->setId(ref.id), "reaction " + out.getId(), "species reference id '" + ref.id + "'");
            if (!std::isnan(ref.stoichiometry)) sr->setStoichiometry(ref.stoichiometry);
            sr->setConstant(ref.constant);
        }
    }

    bool isTaken(const std::string &id, const Reaction &r) const
    {
        if (!m_spec.kindOf(id).empty()) return true;
        return std::any_of(r.localParameters.begin(), r.localParameters.end(),
                           [&id](const Parameter &p) { return p.id == id; });
    }

    // L3V1 allowed a local parameter named like a species of its own reaction; L3V2 does not
    // (rule 21173). Such a parameter is renamed, together with its uses in the kinetic law
    // (where it shadows the species, so every use means the parameter).
    void writeKineticLaw(const Reaction &r, KineticLaw &kl)
    {
        std::optional<MathNode> law = r.kineticLaw;
        auto involved = [&r](const std::string &id) {
            auto same = [&id](const SpeciesReference &ref) { return ref.species == id; };
            return std::any_of(r.reactants.begin(), r.reactants.end(), same) ||
                   std::any_of(r.products.begin(), r.products.end(), same) ||
                   std::find(r.modifiers.begin(), r.modifiers.end(), id) != r.modifiers.end();
        };
        for (Parameter p : r.localParameters) {
            if (involved(p.id)) {
                std::string renamed = p.id + "_local";
                for (int n = 2; isTaken(renamed, r); ++n) renamed = p.id + "_local" + std::to_string(n);
                if (law) law->renameSymbol(p.id, renamed);
                p.id = renamed;
            }
            writeParameter(*kl.createLocalParameter(), p, "local parameter");
        }
        if (law) setMath(kl, *law, "reaction " + r.id);
    }

    void writeReactions()
    {
        for (const auto &r : m_spec.reactions) {
            auto *out = m_model->createReaction();
            const std::string where = "reaction " + r.id;
            setIdAndName(*out, r.id, r.name, "reaction");
            out->setReversible(r.reversible);
            if (r.fast) m_errors.push_back({where, "fast reactions cannot be written to SBML Level 3 Version 2"});
            writeReferences(r.reactants, true, *out);
            writeReferences(r.products, false, *out);
            for (const auto &m : r.modifiers) out->createModifier()->setSpecies(m);
            if (r.kineticLaw || !r.localParameters.empty()) writeKineticLaw(r, *out->createKineticLaw());
            writeEvidence(*out, r.evidence);
        }
    }

    void writeEvents()
    {
        for (const auto &e : m_spec.events) {
            auto *out = m_model->createEvent();
            const std::string where = "event " + e.id;
            if (!e.id.empty()) check(out->setId(e.id), where, "id '" + e.id + "'");
            if (!e.name.empty()) out->setName(e.name);
            out->setUseValuesFromTriggerTime(e.useValuesFromTriggerTime);
            auto *trigger = out->createTrigger();
            trigger->setInitialValue(e.initialValue);
            trigger->setPersistent(e.persistent);
            setMath(*trigger, e.trigger, where, AstContext::Boolean);
            if (e.delay) setMath(*out->createDelay(), *e.delay, where);
            if (e.priority) setMath(*out->createPriority(), *e.priority, where);
            for (const auto &a : e.assignments) {
                auto *ea = out->createEventAssignment();
                check(ea->setVariable(a.variable), where, "event assignment to '" + a.variable + "'");
                setMath(*ea, a.math, where);
            }
        }
    }

    const ModelSpec &m_spec;
    std::unique_ptr<SBMLDocument> m_owned;
    SBMLDocument &m_doc;
    SbmlModel *m_model = nullptr;
    Errors m_errors;
};

std::string systemError(const std::string &what)
{
    return what + ": " + std::strerror(errno);
}

// Writes all of `text` to `fd`, retrying short writes and EINTR.
bool writeAll(int fd, const std::string &text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Makes the rename itself durable; failure here is not fatal (the data is already in place).
void syncDirectory(const std::string &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

Result<std::unique_ptr<SBMLDocument>> buildSbmlDocument(const ModelSpec &model)
{
    return Exporter(model).build();
}

Result<std::string> validatedSbmlText(SBMLDocument &doc)
{
    doc.setConsistencyChecks(LIBSBML_CAT_UNITS_CONSISTENCY, false);
    doc.setConsistencyChecks(LIBSBML_CAT_MODELING_PRACTICE, false);
    doc.checkConsistency();
    Errors errors;
    for (unsigned i = 0; i < doc.getNumErrors(); ++i) {
        const SBMLError *e = doc.getError(i);
        if (e->getSeverity() >= LIBSBML_SEV_ERROR)
            errors.push_back({"SBML export", "libSBML error " + std::to_string(e->getErrorId()) + ": " +
                                                 e->getMessage()});
    }
    if (!errors.empty()) return errors;
    return writeSBMLToStdString(&doc);
}

Result<std::string> exportSbmlString(const ModelSpec &model)
{
    auto doc = buildSbmlDocument(model);
    if (!doc) return doc.errors();
    return validatedSbmlText(**doc);
}

Result<bool> exportSbmlFile(const ModelSpec &model, const std::string &path)
{
    auto text = exportSbmlString(model);
    if (!text) return text.errors();
    return writeTextAtomically(*text, path);
}

Result<bool> writeTextAtomically(const std::string &text, const std::string &path)
{
    std::string pattern = path + ".tmp-XXXXXX";   // same directory, so rename() is atomic
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Error{path, systemError("cannot create a temporary file next to it")};
    const std::string temp = pattern;
    struct stat old {};
    const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : mode_t(0644);
    std::string failure;
    if (::fchmod(fd, mode) != 0) failure = systemError("cannot set permissions");
    else if (!writeAll(fd, text)) failure = systemError("cannot write");
    else if (::fsync(fd) != 0) failure = systemError("cannot flush to disk");
    if (::close(fd) != 0 && failure.empty()) failure = systemError("cannot close");
    if (failure.empty() && std::rename(temp.c_str(), path.c_str()) != 0)
        failure = systemError("cannot replace the file");
    if (!failure.empty()) {
        ::unlink(temp.c_str());
        return Error{path, failure};
    }
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    syncDirectory(parent.empty() ? "." : parent.string());
    return true;
}

}  // namespace ferroscope::core
