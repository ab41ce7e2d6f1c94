// SBML documents (see sbml_document.h). Export: core model -> SBO terms -> MIRIAM reference
// (built-in model) -> layout/render -> Ferroscope annotation -> validation. Import: core model
// via importSbmlString, then the annotation (project, layout), the SBML Layout or autoLayout.
#include "core/io/sbml_document.h"

#include "core/io/sbml_import.h"
#include "core/io/sbml_layout.h"
#include "core/model/auto_layout.h"

#include <QFileInfo>

#include <fstream>
#include <set>
#include <sstream>

namespace ferroscope::core {
namespace {

constexpr const char *kSeedDoi = "https://identifiers.org/doi:10.1186/s41232-022-00220-x";
constexpr std::size_t kMaxFileBytes = std::size_t(512) << 20;   // refuse absurd inputs early

// SBO participant roles of a modifier (SBML modifierSpeciesReference), by the arc it draws.
int modifierSbo(ArcClass cls)
{
    switch (cls) {
    case ArcClass::Inhibition: return 20;    // inhibitor
    case ArcClass::Catalysis: return 13;     // catalyst
    default: return 459;                     // stimulator
    }
}

void setSboTerms(SbmlModel &sbml, const DiagramLayout &layout)
{
    std::set<std::string> speciesDone, modifiersDone;
    for (const auto &fig : layout.figures()) {
        for (const auto &g : fig.glyphs) {
            const std::string ref = g.ref.toStdString();
            if (SbmlSpecies *s = sbml.getSpecies(ref); s && speciesDone.insert(ref).second) s->setSBOTerm(sboTerm(g.kind));
        }
        auto markArcs = [&](const QString &reaction, const std::map<QString, ArcClass> &arcs) {
            SbmlReaction *r = sbml.getReaction(reaction.toStdString());
            for (const auto &[id, cls] : arcs) {
                ModifierSpeciesReference *m = r ? r->getModifier(id.toStdString()) : nullptr;
                if (m && modifiersDone.insert(reaction.toStdString() + "/" + id.toStdString()).second)
                    m->setSBOTerm(modifierSbo(cls));
            }
        };
        for (const auto &p : fig.processes) markArcs(p.reaction, p.arcs);
        for (const auto &r : fig.regulations) markArcs(r.reaction, r.arcs);
    }
}

void addSeedReference(SbmlModel &sbml)
{
    if (!sbml.isSetMetaId()) sbml.setMetaId("ferroscope_model");
    CVTerm term(MODEL_QUALIFIER);
    term.setModelQualifierType(BQM_IS_DESCRIBED_BY);
    term.addResource(kSeedDoi);
    sbml.addCVTerm(&term);
}

XMLNode textElement(const std::string &name, const std::string &text)
{
    XMLNode element(XMLTriple(name, kFerroscopeNamespace, "ferroscope"), XMLAttributes());
    element.addChild(XMLNode(text));
    return element;
}

void addFerroscopeAnnotation(SbmlModel &sbml, const DocumentFile &doc, const DiagramLayout &layout,
                             const SbmlExportOptions &options)
{
    XMLAttributes attrs;
    attrs.add("version", "1");
    XMLNamespaces ns;
    ns.add(kFerroscopeNamespace, "ferroscope");
    XMLNode root(XMLTriple("document", kFerroscopeNamespace, "ferroscope"), attrs, ns);
    if (options.embedProject) {
        DocumentFile withoutLayout = doc;
        withoutLayout.layout.reset();
        root.addChild(textElement("project", writeDocumentJson(withoutLayout).toStdString()));
    }
    root.addChild(textElement("layout", layout.toJson().toStdString()));
    sbml.appendAnnotation(&root);
}

// ---- import

const XMLNode *ferroscopeNode(const SbmlModel &sbml)
{
    const XMLNode *annotation = const_cast<SbmlModel &>(sbml).getAnnotation();
    if (!annotation) return nullptr;
    for (unsigned i = 0; i < annotation->getNumChildren(); ++i) {
        const XMLNode &child = annotation->getChild(i);
        if (child.getName() == "document" && child.getURI() == kFerroscopeNamespace) return &child;
    }
    return nullptr;
}

std::optional<std::string> childText(const XMLNode *node, const std::string &name)
{
    if (!node) return std::nullopt;
    for (unsigned i = 0; i < node->getNumChildren(); ++i) {
        const XMLNode &child = node->getChild(i);
        if (child.getName() != name || child.getURI() != kFerroscopeNamespace) continue;
        std::string text;
        for (unsigned k = 0; k < child.getNumChildren(); ++k)
            if (child.getChild(k).isText()) text += child.getChild(k).getCharacters();
        return text;
    }
    return std::nullopt;
}

void restoreProject(DocumentFile &doc, const XMLNode *annotation, ModelSpec model, std::vector<std::string> &notes)
{
    if (const auto json = childText(annotation, "project")) {
        auto embedded = readDocumentJson(QByteArray::fromStdString(*json));
        if (embedded) {
            doc = std::move(*embedded);
            doc.layout.reset();
            doc.project.model = std::move(model);   // the SBML itself is the model; the annotation
            return;                                 // only carries what SBML cannot say
        }
        notes.push_back("the Ferroscope project annotation was ignored: " + embedded.errorText());
    }
    doc.project = projectForSbmlModel(std::move(model));
}

void restoreLayout(DocumentFile &doc, const SBMLDocument &sbml, const XMLNode *annotation,
                   std::vector<std::string> &notes)
{
    if (const auto json = childText(annotation, "layout")) {
        auto layout = DiagramLayout::fromJson(QByteArray::fromStdString(*json));
        if (layout) {
            doc.layout = std::move(*layout);
            return;
        }
        notes.push_back("the Ferroscope layout annotation was ignored: " + layout.errorText());
    }
    if (auto layout = readSbmlLayout(sbml, doc.project.model, notes)) {
        doc.layout = std::move(*layout);
        return;
    }
    doc.layout = defaultLayout(doc.project);
}

}  // namespace

Project projectForSbmlModel(ModelSpec model)
{
    Project project;
    project.title = model.name.empty() ? model.id : model.name;
    project.model = std::move(model);
    project.defaultEnd = 10;
    project.defaultSteps = 100;
    project.relativeTolerance = 1e-6;
    project.defaultAbsoluteTolerance = 1e-12;
    return project;
}

DiagramLayout defaultLayout(const Project &project)
{
    return isBuiltinModel(project) ? DiagramLayout::builtin() : autoLayout(project.model);
}

Result<DocumentFile> importSbmlDocumentFromString(const std::string &xml, std::vector<std::string> *notes)
{
    // The model is read without the graphics packages: their validation rules (a glyph naming
    // an unknown species, ...) must not reject a model whose diagram we can partly ignore.
    const std::optional<std::string> coreOnly = withoutGraphicsPackages(xml);
    auto model = importSbmlString(coreOnly ? *coreOnly : xml);
    if (!model) return model.errors();
    const std::unique_ptr<SBMLDocument> sbml(readSBMLFromString(xml.c_str()));
    if (!sbml || !sbml->getModel()) return Error{"", "libSBML could not read the document a second time"};
    std::vector<std::string> ignored;
    const XMLNode *annotation = ferroscopeNode(*sbml->getModel());
    DocumentFile doc;
    restoreProject(doc, annotation, std::move(*model), ignored);
    restoreLayout(doc, *sbml, annotation, ignored);
    if (notes) notes->insert(notes->end(), ignored.begin(), ignored.end());
    return doc;
}

Result<DocumentFile> importSbmlDocument(const QString &path, std::vector<std::string> *notes)
{
    const std::string where = path.toStdString();
    const QFileInfo info(path);
    if (!info.isFile()) return Error{where, "cannot read the SBML file: it does not exist or is not a regular file"};
    if (std::size_t(info.size()) > kMaxFileBytes) return Error{where, "the file is too large for an SBML model"};
    std::ifstream in(where, std::ios::binary);
    std::ostringstream text;
    if (!(text << in.rdbuf()) && info.size() > 0) return Error{where, "cannot read the SBML file"};
    auto result = importSbmlDocumentFromString(text.str(), notes);
    if (result) return result;
    Errors errors = result.errors();
    for (auto &e : errors) e.where = e.where.empty() ? where : where + " " + e.where;
    return errors;
}

Result<std::string> exportSbmlDocument(const DocumentFile &doc, const SbmlExportOptions &options)
{
    auto sbml = buildSbmlDocument(doc.project.model);
    if (!sbml) return sbml.errors();
    SBMLDocument &out = **sbml;
    const DiagramLayout layout = doc.layout ? *doc.layout : defaultLayout(doc.project);
    setSboTerms(*out.getModel(), layout);
    if (isBuiltinModel(doc.project)) addSeedReference(*out.getModel());
    if (Errors errors = writeSbmlLayout(out, doc.project.model, layout); !errors.empty()) return errors;
    addFerroscopeAnnotation(*out.getModel(), doc, layout, options);
    return validatedSbmlText(out);
}

Result<bool> exportSbmlDocumentFile(const DocumentFile &doc, const QString &path, const SbmlExportOptions &options)
{
    auto text = exportSbmlDocument(doc, options);
    if (!text) return text.errors();
    return writeTextAtomically(*text, path.toStdString());
}

}  // namespace ferroscope::core
