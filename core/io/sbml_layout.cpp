// DiagramLayout <-> SBML layout/render (see sbml_layout.h). The SBML Layout carries what other
// tools understand: glyph boxes, labels, process positions and arc roles, SBO terms for the
// glyph classes, fill colours. Ferroscope-only details (routes, captions, drugs, bands) travel
// in sbml_document.cpp's annotation instead.
#include "core/io/sbml_layout.h"

#include <sbml/packages/layout/common/LayoutExtensionTypes.h>
#include <sbml/packages/render/common/RenderExtensionTypes.h>

#include <QRegularExpression>

#include <cmath>
#include <cstring>
#include <map>
#include <set>

namespace ferroscope::core {
namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

constexpr const char *kGlyphPrefix = "glyph_";   // SBML id = prefix + Ferroscope glyph id

/// A valid SBML SId derived from `base`, unique among everything handed out (and the model).
class IdPool {
public:
    explicit IdPool(const ModelSpec &model)
    {
        auto add = [this](const std::string &id) { m_used.insert(id); };
        for (const auto &x : model.compartments) add(x.id);
        for (const auto &x : model.species) add(x.id);
        for (const auto &x : model.parameters) add(x.id);
        for (const auto &x : model.functions) add(x.id);
        for (const auto &x : model.events) add(x.id);
        for (const auto &r : model.reactions) {
            add(r.id);
            for (const auto &ref : r.reactants) add(ref.id);
            for (const auto &ref : r.products) add(ref.id);
        }
        add(model.id);
    }

    std::string make(const std::string &base)
    {
        std::string id;
        for (const char c : base) id += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_';
        if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "_" + id;
        std::string candidate = id;
        for (int n = 2; m_used.count(candidate); ++n) candidate = id + "_" + std::to_string(n);
        m_used.insert(candidate);
        return candidate;
    }

private:
    std::set<std::string> m_used;
};

// libSBML's validator requires boxes, points and dimensions to be "explicitly set", which
// editing the default sub-objects in place does not do: copy, edit, set.
void setBox(GraphicalObject &g, double x, double y, double w, double h)
{
    BoundingBox box(*g.getBoundingBox());
    Point position(*box.getPosition());
    position.setX(x);
    position.setY(y);
    box.setPosition(&position);
    Dimensions size(*box.getDimensions());
    size.setWidth(w);
    size.setHeight(h);
    box.setDimensions(&size);
    g.setBoundingBox(&box);
}

QSizeF glyphSize(const LayoutGlyph &g)
{
    return g.size.isEmpty() ? QSizeF(kDefaultGlyphWidth, kDefaultGlyphHeight) : g.size;
}

void setCentredBox(GraphicalObject &g, QPointF centre, QSizeF size)
{
    setBox(g, centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height());
}

Curve segment(const Curve &prototype, QPointF from, QPointF to)
{
    Curve curve(prototype);
    LineSegment *s = curve.createLineSegment();
    s->setStart(from.x(), from.y());
    s->setEnd(to.x(), to.y());
    return curve;
}

std::string defaultColour(GlyphKind kind)
{
    switch (kind) {
    case GlyphKind::Macromolecule: return "#d7e9f7";
    case GlyphKind::SimpleChemical: return "#dff2d8";
    case GlyphKind::Phenotype: return "#fde9cf";
    case GlyphKind::EmptySet: return "#ffffff";
    case GlyphKind::Drug: return "#f6d3d3";
    }
    return "#ffffff";
}

constexpr GlyphKind kKinds[] = {GlyphKind::Macromolecule, GlyphKind::SimpleChemical, GlyphKind::Phenotype,
                                GlyphKind::EmptySet, GlyphKind::Drug};

// ---- writing

class LayoutWriter {
public:
    LayoutWriter(const ModelSpec &model) : m_model(model), m_ids(model) {}

    void writeFigure(Layout &out, const FigureLayout &fig)
    {
        m_glyphIds.clear();
        m_glyphKinds.clear();
        out.setId(m_ids.make("layout_" + fig.id.toStdString()));
        if (!fig.title.isEmpty()) out.setName(fig.title.toStdString());
        Dimensions size(*out.getDimensions());
        size.setWidth(std::max(1.0, fig.size.width()));
        size.setHeight(std::max(1.0, fig.size.height()));
        out.setDimensions(&size);
        for (const auto &c : fig.compartments) writeCompartment(out, c);
        for (const auto &g : fig.glyphs) writeGlyph(out, g);
        for (const auto &p : fig.processes) writeProcess(out, fig, p);
        writeRender(out);
    }

private:
    void writeLabel(Layout &out, const std::string &target, const std::string &origin, const QString &text,
                    const QRectF &box)
    {
        if (text.isEmpty() && origin.empty()) return;
        TextGlyph *t = out.createTextGlyph();
        t->setId(m_ids.make("text_" + target));
        t->setGraphicalObjectId(target);
        if (!origin.empty()) t->setOriginOfTextId(origin);
        if (!text.isEmpty()) t->setText(text.toStdString());
        setBox(*t, box.x(), box.y(), box.width(), box.height());
    }

    void writeCompartment(Layout &out, const LayoutCompartment &c)
    {
        if (!std::isfinite(c.rect.width()) || c.rect.width() <= 0 || c.rect.height() <= 0) return;
        CompartmentGlyph *g = out.createCompartmentGlyph();
        g->setId(m_ids.make("cg_" + (c.id.isEmpty() ? c.label : c.id).toStdString()));
        const bool known = m_model.findCompartment(c.id.toStdString());
        if (known) g->setCompartmentId(c.id.toStdString());
        setBox(*g, c.rect.x(), c.rect.y(), c.rect.width(), c.rect.height());
        const QRectF labelBox(c.rect.topLeft() + c.labelPos, QSizeF(std::min(200.0, c.rect.width()), 20));
        writeLabel(out, g->getId(), "", c.label, labelBox);
    }

    void writeGlyph(Layout &out, const LayoutGlyph &g)
    {
        const std::string ref = g.ref.toStdString();
        const bool isSpecies = m_model.findSpecies(ref) != nullptr;
        GraphicalObject *obj = nullptr;
        if (isSpecies) {
            SpeciesGlyph *sg = out.createSpeciesGlyph();
            sg->setSpeciesId(ref);
            obj = sg;
        } else {
            GeneralGlyph *gg = out.createGeneralGlyph();
            const std::string kind = m_model.kindOf(ref);
            if (!kind.empty() && kind != "speciesReference") gg->setReferenceId(ref);
            obj = gg;
        }
        obj->setId(m_ids.make(kGlyphPrefix + g.id.toStdString()));
        obj->setSBOTerm(sboTerm(g.kind));
        const QSizeF size = glyphSize(g);
        setCentredBox(*obj, g.pos, size);
        m_glyphIds[g.id] = obj->getId();
        m_glyphKinds[obj->getId()] = g;
        writeLabel(out, obj->getId(), isSpecies ? ref : "", g.label, QRectF(g.pos - QPointF(size.width() / 2, size.height() / 2), size));
    }

    // The species glyph drawing `species` nearest to `pos` in this figure, or "".
    std::string speciesGlyph(const FigureLayout &fig, const std::string &species, QPointF pos) const
    {
        std::string best;
        double bestDistance = INFINITY;
        for (const LayoutGlyph *g : fig.glyphsFor(qs(species))) {
            auto it = m_glyphIds.find(g->id);
            const double d = std::hypot(g->pos.x() - pos.x(), g->pos.y() - pos.y());
            if (it != m_glyphIds.end() && d < bestDistance) { best = it->second; bestDistance = d; }
        }
        return best;
    }

    void writeReference(ReactionGlyph &rg, const std::string &glyph, const std::string &refId, ArcClass cls,
                        QPointF from, QPointF to)
    {
        SpeciesReferenceGlyph *s = rg.createSpeciesReferenceGlyph();
        s->setId(m_ids.make("arc_" + rg.getReactionId() + "_" + glyph));
        s->setSpeciesGlyphId(glyph);
        if (!refId.empty()) s->setSpeciesReferenceId(refId);
        static const std::map<ArcClass, std::string> roles = {
            {ArcClass::Consumption, "substrate"}, {ArcClass::Production, "product"},
            {ArcClass::Stimulation, "activator"}, {ArcClass::Inhibition, "inhibitor"},
            {ArcClass::Catalysis, "modifier"}};
        s->setRole(roles.at(cls));
        s->setSBOTerm(sboTerm(cls));
        const Curve curve = segment(*s->getCurve(), from, to);
        s->setCurve(&curve);
    }

    void writeProcess(Layout &out, const FigureLayout &fig, const LayoutProcess &p)
    {
        const Reaction *r = m_model.findReaction(p.reaction.toStdString());
        if (!r) return;
        ReactionGlyph *rg = out.createReactionGlyph();
        rg->setId(m_ids.make("process_" + r->id));
        rg->setReactionId(r->id);
        const QPointF in = p.pos - p.dir * 10, outPort = p.pos + p.dir * 10;
        const Curve curve = segment(*rg->getCurve(), in, outPort);
        rg->setCurve(&curve);
        setCentredBox(*rg, p.pos, QSizeF(20, 20));
        auto glyphPos = [this](const std::string &sbmlId) { return m_glyphKinds.at(sbmlId).pos; };
        for (const auto &ref : r->reactants)
            if (auto g = speciesGlyph(fig, ref.species, p.pos); !g.empty())
                writeReference(*rg, g, ref.id, ArcClass::Consumption, glyphPos(g), in);
        for (const auto &ref : r->products)
            if (auto g = speciesGlyph(fig, ref.species, p.pos); !g.empty())
                writeReference(*rg, g, ref.id, ArcClass::Production, outPort, glyphPos(g));
        for (const auto &m : r->modifiers) {
            if (p.hidden.contains(qs(m))) continue;
            auto cls = p.arcs.find(qs(m));
            if (auto g = speciesGlyph(fig, m, p.pos); !g.empty())
                writeReference(*rg, g, "", cls == p.arcs.end() ? ArcClass::Stimulation : cls->second, glyphPos(g),
                               p.pos);
        }
    }

    void writeStyle(LocalRenderInformation &info, const std::string &id, const std::string &fill,
                    const std::set<std::string> &ids, const std::set<std::string> &types)
    {
        LocalStyle *style = info.createLocalStyle();
        style->setId(m_ids.make(id));
        for (const auto &x : ids) style->addId(x);
        for (const auto &t : types) style->addType(t);
        RenderGroup *group = style->getGroup();
        group->setStroke("#000000");
        group->setStrokeWidth(1);
        if (!fill.empty()) group->setFillColor(fill);
    }

    // Colour definitions for the glyph classes and per-glyph overrides; local styles by glyph id
    // (an overridden glyph gets its own style, never two styles for one id).
    void writeRender(Layout &out)
    {
        auto *plugin = static_cast<RenderLayoutPlugin *>(out.getPlugin("render"));
        if (!plugin) return;
        LocalRenderInformation *info = plugin->createLocalRenderInformation();
        info->setId(m_ids.make("render_" + out.getId()));
        info->setProgramName("Ferroscope");
        std::map<GlyphKind, std::set<std::string>> byKind;
        for (const auto &[sbmlId, g] : m_glyphKinds) {
            if (!g.colour.isEmpty()) {
                ColorDefinition *c = info->createColorDefinition();
                c->setId(m_ids.make("colour_" + sbmlId));
                c->setColorValue(g.colour.toLower().toStdString());
                writeStyle(*info, "style_" + sbmlId, c->getId(), {sbmlId}, {});
            } else {
                byKind[g.kind].insert(sbmlId);
            }
        }
        for (const GlyphKind kind : kKinds) {
            if (!byKind.count(kind)) continue;
            ColorDefinition *c = info->createColorDefinition();
            const std::string name = glyphKindName(kind).replace(' ', '_').toStdString();
            c->setId(m_ids.make("colour_" + name));
            c->setColorValue(defaultColour(kind));
            writeStyle(*info, "style_" + name, c->getId(), byKind[kind], {});
        }
        writeStyle(*info, "style_compartment", "#f4f4f4", {}, {"COMPARTMENTGLYPH"});
        writeStyle(*info, "style_process", "#ffffff", {}, {"REACTIONGLYPH", "SPECIESREFERENCEGLYPH"});
    }

    const ModelSpec &m_model;
    IdPool m_ids;
    std::map<QString, std::string> m_glyphIds;        // Ferroscope glyph id -> SBML glyph id
    std::map<std::string, LayoutGlyph> m_glyphKinds;  // SBML glyph id -> glyph (this figure)
};


// ---- reading

bool finite(double v) { return std::isfinite(v); }

std::optional<QRectF> validBox(const GraphicalObject &g)
{
    const BoundingBox *b = g.getBoundingBox();
    if (!b) return std::nullopt;
    const double x = b->x(), y = b->y(), w = b->width(), h = b->height();
    if (!finite(x) || !finite(y) || !finite(w) || !finite(h) || w <= 0 || h <= 0 || w > 1e7 || h > 1e7)
        return std::nullopt;
    return QRectF(x, y, w, h);
}

std::optional<GlyphKind> kindFromSbo(int sbo)
{
    switch (sbo) {
    case 245: case 246: case 248: case 249: case 250: case 251: case 252: case 253: return GlyphKind::Macromolecule;
    case 247: case 327: case 328: return GlyphKind::SimpleChemical;
    case 358: return GlyphKind::Phenotype;
    case 291: return GlyphKind::EmptySet;
    case 298: return GlyphKind::Drug;
    default: return std::nullopt;
    }
}

std::optional<ArcClass> arcFromSbo(int sbo)
{
    switch (sbo) {
    case 170: case 459: case 21: return ArcClass::Stimulation;
    case 169: case 20: return ArcClass::Inhibition;
    case 172: case 13: return ArcClass::Catalysis;
    default: return std::nullopt;
    }
}

// "#rrggbb" (lower case) for a colour definition id or a literal #rrggbb[aa]; "" otherwise.
QString resolveColour(const LocalRenderInformation &info, const std::string &fill)
{
    if (const ColorDefinition *c = info.getColorDefinition(fill))
        return QStringLiteral("#%1%2%3")
            .arg(c->getRed(), 2, 16, QLatin1Char('0'))
            .arg(c->getGreen(), 2, 16, QLatin1Char('0'))
            .arg(c->getBlue(), 2, 16, QLatin1Char('0'));
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$"));
    const QString text = qs(fill);
    return hex.match(text).hasMatch() ? text.left(7).toLower() : QString();
}

class LayoutReader {
public:
    LayoutReader(const Layout &layout, const SbmlModel &sbml, const ModelSpec &model, std::vector<std::string> &notes)
        : m_layout(layout), m_sbml(sbml), m_model(model), m_notes(notes) {}

    std::optional<DiagramLayout> run()
    {
        m_fig.id = qs(m_layout.getId().empty() ? std::string("layout") : m_layout.getId());
        m_fig.title = qs(m_layout.getName().empty() ? m_layout.getId() : m_layout.getName());
        for (unsigned i = 0; i < m_layout.getNumCompartmentGlyphs(); ++i) readCompartment(*m_layout.getCompartmentGlyph(i));
        for (unsigned i = 0; i < m_layout.getNumSpeciesGlyphs(); ++i) readSpecies(*m_layout.getSpeciesGlyph(i));
        for (unsigned i = 0; i < m_layout.getNumAdditionalGraphicalObjects(); ++i)
            if (auto *g = dynamic_cast<const GeneralGlyph *>(m_layout.getAdditionalGraphicalObject(i))) readGeneral(*g);
        for (unsigned i = 0; i < m_layout.getNumTextGlyphs(); ++i) readText(*m_layout.getTextGlyph(i));
        for (unsigned i = 0; i < m_layout.getNumReactionGlyphs(); ++i) readReaction(*m_layout.getReactionGlyph(i));
        readColours();
        if (m_fig.glyphs.empty() && m_fig.processes.empty()) {
            m_notes.push_back("the SBML layout '" + m_layout.getId() + "' has no usable glyphs");
            return std::nullopt;
        }
        fitSize();
        return DiagramLayout::fromFigures({m_fig});
    }

private:
    void note(const GraphicalObject &g, const std::string &why)
    {
        m_notes.push_back("SBML layout: ignored glyph '" + g.getId() + "': " + why);
    }

    void readCompartment(const CompartmentGlyph &g)
    {
        const auto box = validBox(g);
        if (!box) return note(g, "missing, infinite or non-positive bounding box");
        LayoutCompartment c;
        const Compartment *comp = m_model.findCompartment(g.getCompartmentId());
        if (comp) c.id = qs(comp->id);
        c.label = comp ? qs(comp->name.empty() ? comp->id : comp->name) : QString();
        c.rect = *box;
        c.fill = int(m_fig.compartments.size() % 3);
        c.labelPos = c.innerLabelPos = QPointF(10, 6);
        m_compartmentIndex[g.getId()] = m_fig.compartments.size();
        m_fig.compartments.push_back(c);
    }

    // The glyph's Ferroscope id: ours come back from "glyph_<id>"; another tool's glyph is
    // named after what it draws (`fallback`) when that is free, else keeps its SBML id.
    QString glyphId(const GraphicalObject &g, const std::string &fallback) const
    {
        const QString sbmlId = qs(g.getId());
        QString base = sbmlId.startsWith(QLatin1String(kGlyphPrefix)) ? sbmlId.mid(int(std::strlen(kGlyphPrefix)))
                       : !fallback.empty() && !m_fig.findGlyph(qs(fallback)) ? qs(fallback)
                                                                              : sbmlId;
        return m_fig.uniqueGlyphId(base.isEmpty() ? QStringLiteral("glyph") : base);
    }

    void addGlyph(const GraphicalObject &g, LayoutGlyph glyph, const QRectF &box)
    {
        glyph.pos = box.center();
        glyph.size = box.size();
        m_glyphIndex[g.getId()] = m_fig.glyphs.size();
        m_fig.glyphs.push_back(glyph);
    }

    void readSpecies(const SpeciesGlyph &g)
    {
        const Species *s = m_model.findSpecies(g.getSpeciesId());
        if (!s) return note(g, "it refers to '" + g.getSpeciesId() + "', which is not a species of the model");
        const auto box = validBox(g);
        if (!box) return note(g, "missing, infinite or non-positive bounding box");
        LayoutGlyph glyph;
        glyph.id = glyphId(g, s->id);
        glyph.ref = qs(s->id);
        glyph.label = qs(s->name.empty() ? s->id : s->name);
        const SbmlSpecies *sbmlSpecies = m_sbml.getSpecies(s->id);
        auto kind = kindFromSbo(g.getSBOTerm());
        if (!kind && sbmlSpecies) kind = kindFromSbo(sbmlSpecies->getSBOTerm());
        glyph.kind = kind.value_or(GlyphKind::Macromolecule);
        addGlyph(g, glyph, *box);
    }

    // General glyphs stand for non-species nodes (phenotypes, drugs); only those with a known
    // glyph class are read, others are decoration of other tools.
    void readGeneral(const GeneralGlyph &g)
    {
        const auto kind = kindFromSbo(g.getSBOTerm());
        if (!kind) return;
        const auto box = validBox(g);
        if (!box) return note(g, "missing, infinite or non-positive bounding box");
        LayoutGlyph glyph;
        glyph.id = glyphId(g, g.getReferenceId());
        glyph.ref = g.getReferenceId().empty() ? glyph.id : qs(g.getReferenceId());
        glyph.label = glyph.id;
        glyph.kind = *kind;
        addGlyph(g, glyph, *box);
    }

    void readText(const TextGlyph &t)
    {
        const QString text = qs(t.getText());
        if (text.isEmpty()) return;
        if (auto it = m_glyphIndex.find(t.getGraphicalObjectId()); it != m_glyphIndex.end())
            m_fig.glyphs[it->second].label = text;
        else if (auto c = m_compartmentIndex.find(t.getGraphicalObjectId()); c != m_compartmentIndex.end())
            m_fig.compartments[c->second].label = text;
    }

    // Process position: the middle of its curve (first start to last end), else its box centre.
    std::optional<std::pair<QPointF, QPointF>> processPlace(const ReactionGlyph &g) const
    {
        const Curve *curve = g.getCurve();
        if (curve && curve->getNumCurveSegments() > 0) {
            const Point *a = curve->getCurveSegment(0)->getStart();
            const Point *b = curve->getCurveSegment(curve->getNumCurveSegments() - 1)->getEnd();
            if (a && b && finite(a->x()) && finite(a->y()) && finite(b->x()) && finite(b->y())) {
                const QPointF from(a->x(), a->y()), to(b->x(), b->y());
                const QPointF d = to - from;
                const double len = std::hypot(d.x(), d.y());
                return std::make_pair((from + to) / 2, len > 0 ? d / len : QPointF(1, 0));
            }
        }
        if (const auto box = validBox(g)) return std::make_pair(box->center(), QPointF(1, 0));
        return std::nullopt;
    }

    void readReaction(const ReactionGlyph &g)
    {
        const Reaction *r = m_model.findReaction(g.getReactionId());
        if (!r) return note(g, "it refers to '" + g.getReactionId() + "', which is not a reaction of the model");
        const auto place = processPlace(g);
        if (!place) return note(g, "it has neither a usable curve nor a usable bounding box");
        LayoutProcess p;
        p.reaction = qs(r->id);
        p.pos = place->first;
        p.dir = place->second;
        p.source = p.pos - p.dir * 70;   // DiagramLayout's default ∅ distance
        p.sink = p.pos + p.dir * 70;
        for (unsigned i = 0; i < g.getNumSpeciesReferenceGlyphs(); ++i) readModifier(*g.getSpeciesReferenceGlyph(i), *r, p);
        m_fig.processes.push_back(p);
    }

    void readModifier(const SpeciesReferenceGlyph &s, const Reaction &r, LayoutProcess &p)
    {
        const SpeciesGlyph *sg = m_layout.getSpeciesGlyph(s.getSpeciesGlyphId());
        if (!sg) return;
        const std::string &species = sg->getSpeciesId();
        if (std::find(r.modifiers.begin(), r.modifiers.end(), species) == r.modifiers.end()) return;
        auto cls = arcFromSbo(s.getSBOTerm());
        if (!cls) {
            const std::string role = s.getRoleString();
            if (role == "inhibitor") cls = ArcClass::Inhibition;
            else if (role == "activator" || role == "modifier") cls = ArcClass::Stimulation;
            else return;
        }
        p.arcs[qs(species)] = *cls;
    }

    // Per-glyph fill colours from the first LocalRenderInformation, kept only when they differ
    // from the class default (so a plain export/import does not freeze default colours).
    void readColours()
    {
        const auto *plugin = dynamic_cast<const RenderLayoutPlugin *>(m_layout.getPlugin("render"));
        if (!plugin || plugin->getNumLocalRenderInformationObjects() == 0) return;
        const LocalRenderInformation *info = plugin->getRenderInformation(0u);
        for (unsigned i = 0; i < info->getNumStyles(); ++i) {
            const LocalStyle *style = info->getStyle(i);
            const RenderGroup *group = style ? style->getGroup() : nullptr;
            if (!group || !group->isSetFill()) continue;
            const QString colour = resolveColour(*info, group->getFill());
            if (colour.isEmpty()) continue;
            for (const auto &id : style->getIdList()) {
                auto it = m_glyphIndex.find(id);
                if (it == m_glyphIndex.end()) continue;
                LayoutGlyph &glyph = m_fig.glyphs[it->second];
                if (colour != qs(defaultColour(glyph.kind))) glyph.colour = colour;
            }
        }
    }

    void fitSize()
    {
        const Dimensions *d = m_layout.getDimensions();
        if (d && finite(d->getWidth()) && finite(d->getHeight()) && d->getWidth() > 0 && d->getHeight() > 0) {
            m_fig.size = QSizeF(d->getWidth(), d->getHeight());
            return;
        }
        QRectF box;
        for (const auto &g : m_fig.glyphs) box |= QRectF(g.pos - QPointF(g.size.width() / 2, g.size.height() / 2), g.size);
        for (const auto &c : m_fig.compartments) box |= c.rect;
        for (const auto &p : m_fig.processes) box |= QRectF(p.pos, QSizeF(1, 1));
        m_fig.size = QSizeF(std::max(200.0, box.right() + 40), std::max(120.0, box.bottom() + 40));
    }

    const Layout &m_layout;
    const SbmlModel &m_sbml;
    const ModelSpec &m_model;
    std::vector<std::string> &m_notes;
    FigureLayout m_fig;
    std::map<std::string, std::size_t> m_glyphIndex, m_compartmentIndex;   // SBML id -> index
};

}  // namespace

Errors writeSbmlLayout(SBMLDocument &doc, const ModelSpec &model, const DiagramLayout &layout)
{
    Errors errors;
    if (layout.figures().empty()) return errors;
    if (doc.enablePackage(LayoutExtension::getXmlnsL3V1V1(), "layout", true) != LIBSBML_OPERATION_SUCCESS ||
        doc.enablePackage(RenderExtension::getXmlnsL3V1V1(), "render", true) != LIBSBML_OPERATION_SUCCESS)
        return {Error{"SBML export", "libSBML cannot enable the layout and render packages"}};
    doc.setPackageRequired("layout", false);
    doc.setPackageRequired("render", false);
    auto *plugin = static_cast<LayoutModelPlugin *>(doc.getModel()->getPlugin("layout"));
    if (!plugin) return {Error{"SBML export", "libSBML has no layout plugin on the model"}};
    LayoutWriter writer(model);
    for (const auto &fig : layout.figures()) writer.writeFigure(*plugin->createLayout(), fig);
    return errors;
}

std::optional<DiagramLayout> readSbmlLayout(const SBMLDocument &doc, const ModelSpec &model,
                                            std::vector<std::string> &notes)
{
    const SbmlModel *sbml = doc.getModel();
    if (!sbml) return std::nullopt;
    const auto *plugin = dynamic_cast<const LayoutModelPlugin *>(sbml->getPlugin("layout"));
    if (!plugin || plugin->getNumLayouts() == 0) return std::nullopt;
    return LayoutReader(*plugin->getLayout(0u), *sbml, model, notes).run();
}

std::optional<std::string> withoutGraphicsPackages(const std::string &xml)
{
    const std::unique_ptr<SBMLDocument> doc(readSBMLFromString(xml.c_str()));
    if (!doc || doc->getNumErrors(LIBSBML_SEV_FATAL) > 0 || doc->getLevel() < 3) return std::nullopt;
    bool changed = false;
    for (const char *name : {"render", "layout"}) {
        const std::string uri = doc->getSBMLNamespaces()->getNamespaces()->getURI(name);
        if (uri.empty() || !doc->isPackageEnabled(name)) continue;
        changed = doc->disablePackage(uri, name) == LIBSBML_OPERATION_SUCCESS || changed;
    }
    if (!changed) return std::nullopt;
    return writeSBMLToStdString(doc.get());
}

}  // namespace ferroscope::core
