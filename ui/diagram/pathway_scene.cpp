#include "ui/diagram/pathway_scene.h"

#include "core/scenario/scenario_document.h"
#include "ui/diagram/glyph_items.h"
#include "ui/diagram/pathway_scene_p.h"
#include "ui/evidence/evidence_card.h"
#include "ui/style/palette.h"

#include <QGraphicsSimpleTextItem>

#include <cmath>

namespace ferroscope::ui {

namespace {
constexpr double kFigureGap = 80;     // between figures in the "both" scene
constexpr double kTitleHeight = 44;   // title band above each figure in the "both" scene
constexpr double kSceneMargin = 20;

Route shifted(const Route &route, QPointF offset)
{
    Route out;
    out.reserve(route.size());
    for (const QPointF &p : route) out << p + offset;
    return out;
}

template <typename Map>
auto lookup(const Map &map, const QString &key) -> typename Map::mapped_type
{
    auto it = map.find(key);
    return it == map.end() ? typename Map::mapped_type{} : it->second;
}
}  // namespace

PathwayScene::PathwayScene(core::ScenarioDocument &document, core::PathwayModel &model, const QString &figure,
                           QObject *parent)
    : QGraphicsScene(parent), m_document(document), m_model(model), m_project(model.project()), m_figure(figure)
{
    setBackgroundBrush(Qt::white);
    setItemIndexMethod(QGraphicsScene::NoIndex);   // a few hundred items; drugs come and go
    rebuild();
    connect(&m_document, &core::ScenarioDocument::geneChanged, this, &PathwayScene::syncGene);
    connect(&m_document, &core::ScenarioDocument::inputChanged, this, &PathwayScene::syncInput);
    connect(&m_model, &core::PathwayModel::contentReplaced, this, &PathwayScene::rebuild);
    connect(&m_model, &core::PathwayModel::nodeMoved, this, &PathwayScene::followMove);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList refs = selectedRefs();
        emit elementSelected(refs.isEmpty() ? QString() : refs.front());
    });
}

PathwayScene::PathwayScene(core::ScenarioDocument &document, const DiagramLayout &layout, const QString &figure,
                           QObject *parent)
    : PathwayScene(document, *new core::PathwayModel(document.project(), layout), figure, parent)
{
    m_ownedModel.reset(&m_model);
}

void PathwayScene::rebuild()
{
    const QStringList selected = selectedRefs();
    cancelPending();
    m_dragStart.clear();
    m_dragging = false;
    blockSignals(true);
    clear();
    m_figures.clear();
    m_figureRect = QRectF();
    m_problems.clear();
    const bool both = m_figure == QLatin1String("both");
    QPointF offset(0, both ? kTitleHeight : 0);
    for (const FigureLayout &f : m_model.layout().figures()) {
        if (!both && f.id != m_figure) continue;
        buildFigure(f, offset, both);
        offset.rx() += f.size.width() + kFigureGap;
    }
    if (m_figures.empty()) m_problems << QStringLiteral("no figure '%1' in the layout").arg(m_figure);
    setSceneRect(m_figureRect.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    for (const auto &g : m_project.genes) {
        const QString id = QString::fromStdString(g.id);
        syncGene(id, m_document.gene(id));
    }
    for (const auto &in : m_project.inputs) syncInput(QString::fromStdString(in.id));
    setSpeciesValues(m_fold);
    setTool(m_tool);
    selectRefs(selected);
    blockSignals(false);
}

PathwayScene::~PathwayScene() = default;

void PathwayScene::buildFigure(const FigureLayout &layout, QPointF offset, bool title)
{
    auto fig = std::make_unique<Figure>();
    fig->layout = &layout;
    fig->id = layout.id;
    fig->offset = offset;
    const QRectF frame(offset, layout.size);
    m_figureRect = m_figureRect.isNull() ? frame : m_figureRect.united(frame);
    if (title) {
        auto *text = addSimpleText(layout.title, palette::uiFont(16, true));
        text->setBrush(QColor(0x22, 0x22, 0x22));
        text->setPos(offset + QPointF(8, -kTitleHeight + 6));
        m_figureRect = m_figureRect.united(text->sceneBoundingRect());
    }
    addCompartments(*fig, layout);
    addGlyphs(*fig, layout);
    addProcesses(*fig, layout);
    addRegulations(*fig, layout);
    addExtraArcs(*fig, layout);
    if (layout.legendColumns > 0) addItem(new LegendItem(layout.legendPos + offset, layout.legendColumns));
    m_figures.push_back(std::move(fig));
}

void PathwayScene::addCompartments(Figure &fig, const FigureLayout &layout)
{
    double z = -100;
    for (LayoutCompartment spec : layout.compartments) {
        spec.rect.translate(fig.offset);
        auto *item = new CompartmentItem(spec);
        item->setZValue(z++);
        addItem(item);
        if (item->labelItem()) item->labelItem()->setToolTip(evidenceHtml(m_project, spec.id));
        if (item->innerLabelItem()) item->innerLabelItem()->setToolTip(evidenceHtml(m_project, spec.innerId));
    }
}

void PathwayScene::addGlyphs(Figure &fig, const FigureLayout &layout)
{
    for (const LayoutGlyph &g : layout.glyphs) {
        auto *item = new GlyphItem(g.kind, g.id, g.ref, g.label, g.size);
        item->setPos(g.pos + fig.offset);
        if (!g.colour.isEmpty()) item->setColour(QColor(g.colour));
        const bool gene = m_project.findGene(g.ref.toStdString()) != nullptr;
        item->setGeneTarget(gene);
        addItem(item);
        wireNode(item, gene);
        if (item->toolTip().isEmpty())
            m_problems << QStringLiteral("%1: glyph '%2' refers to unknown id '%3'").arg(layout.id, g.id, g.ref);
        fig.glyphs[g.id] = item;
    }
}

void PathwayScene::addProcesses(Figure &fig, const FigureLayout &layout)
{
    for (const LayoutProcess &p : layout.processes) {
        const core::Reaction *r = m_project.model.findReaction(p.reaction.toStdString());
        if (!r) {
            m_problems << QStringLiteral("%1: unknown reaction %2").arg(layout.id, p.reaction);
            continue;
        }
        auto *node = new ProcessItem(p.reaction, p.dir, p.label, p.labelOffset);
        node->setPos(p.pos + fig.offset);
        addItem(node);
        wireNode(node, false);
        fig.processes[p.reaction] = node;
        addFluxArcs(fig, p, *r, node);
        for (const auto &mod : r->modifiers) {
            const QString id = QString::fromStdString(mod);
            GlyphItem *g = lookup(fig.glyphs, id);
            if (!g || p.hidden.contains(id)) continue;   // modifiers outside this figure are not drawn
            auto cls = p.arcs.find(id);
            addArc(g, node, cls == p.arcs.end() ? ArcClass::Stimulation : cls->second,
                   shifted(lookup(p.routes, id), fig.offset), p.reaction);
        }
    }
}

/// Reactants -> process (consumption), process -> products (production); an empty side is an ∅.
void PathwayScene::addFluxArcs(Figure &fig, const LayoutProcess &p, const core::Reaction &r, ProcessItem *node)
{
    auto route = [&](const std::string &key) { return shifted(lookup(p.routes, QString::fromStdString(key)), fig.offset); };
    auto participant = [&](const core::SpeciesReference &ref) -> GlyphItem * {
        GlyphItem *g = lookup(fig.glyphs, QString::fromStdString(ref.species));
        if (!g)
            m_problems << QStringLiteral("%1: %2 needs a glyph for %3")
                              .arg(fig.layout->id, p.reaction, QString::fromStdString(ref.species));
        return g;
    };
    auto cardinality = [](ArcItem *arc, const core::SpeciesReference &ref) {   // SBGN stoichiometry label
        if (std::isfinite(ref.stoichiometry) && ref.stoichiometry != 1.0)
            arc->setCardinality(QString::number(ref.stoichiometry));
    };
    if (r.reactants.empty()) {
        GlyphItem *source = addEmptySet(fig, p.source, p.sourceLabel, p.sourceLabelSide,
                                        QStringLiteral("∅:%1:in").arg(p.reaction), p.reaction);
        addArc(source, node, ArcClass::Consumption, route("source"), p.reaction);
    }
    for (const auto &ref : r.reactants)
        if (GlyphItem *g = participant(ref))
            cardinality(addArc(g, node, ArcClass::Consumption, route(ref.species), p.reaction), ref);
    if (r.products.empty()) {
        GlyphItem *sink = addEmptySet(fig, p.sink, p.sinkLabel, p.sinkLabelSide,
                                      QStringLiteral("∅:%1:out").arg(p.reaction), p.reaction);
        addArc(node, sink, ArcClass::Production, route("sink"), p.reaction);
    }
    for (const auto &ref : r.products)
        if (GlyphItem *g = participant(ref))
            cardinality(addArc(node, g, ArcClass::Production, route(ref.species), p.reaction), ref);
}

GlyphItem *PathwayScene::addEmptySet(Figure &fig, QPointF at, const QString &caption, Qt::Edge side,
                                     const QString &key, const QString &reaction)
{
    auto *e = new GlyphItem(GlyphKind::EmptySet, key, reaction, QString());
    e->setPos(at + fig.offset);
    e->setCaption(caption, side);
    addItem(e);
    wireNode(e, false);
    fig.glyphs[key] = e;
    return e;
}

void PathwayScene::addRegulations(Figure &fig, const FigureLayout &layout)
{
    for (const LayoutRegulation &reg : layout.regulations) {
        const core::Reaction *r = m_project.model.findReaction(reg.reaction.toStdString());
        if (!r) {
            m_problems << QStringLiteral("%1: unknown reaction %2").arg(layout.id, reg.reaction);
            continue;
        }
        // The species the reaction makes (synthesis) or removes (degradation) carries the arc.
        const std::string subjectId = !r->products.empty() ? r->products.front().species
                                      : !r->reactants.empty() ? r->reactants.front().species : std::string();
        GlyphItem *subject = lookup(fig.glyphs, QString::fromStdString(subjectId));
        if (!subject) {
            m_problems << QStringLiteral("%1: regulation %2 needs a glyph for %3")
                              .arg(layout.id, reg.reaction, QString::fromStdString(subjectId));
            continue;
        }
        for (const auto &mod : r->modifiers) {
            const QString id = QString::fromStdString(mod);
            GlyphItem *g = lookup(fig.glyphs, id);
            if (!g || g == subject || reg.hidden.contains(id)) continue;
            auto cls = reg.arcs.find(id);
            addArc(g, subject, cls == reg.arcs.end() ? ArcClass::Stimulation : cls->second,
                   shifted(lookup(reg.routes, id), fig.offset), reg.reaction);
        }
    }
}

void PathwayScene::addExtraArcs(Figure &fig, const FigureLayout &layout)
{
    for (const LayoutArc &a : layout.arcs) {
        DiagramNode *from = resolve(fig, a.from);
        DiagramNode *to = resolve(fig, a.to);
        if (!from || !to) {
            m_problems << QStringLiteral("%1: arc %2 -> %3 has a missing end").arg(layout.id, a.from, a.to);
            continue;
        }
        const QString evidence = a.reason.section(QLatin1Char(' '), 0, 0);
        addArc(from, to, a.cls, shifted(a.route, fig.offset), evidence);
    }
}

DiagramNode *PathwayScene::resolve(const Figure &fig, const QString &target) const
{
    static const QString processPrefix = QStringLiteral("process:");
    if (target.startsWith(processPrefix)) return lookup(fig.processes, target.mid(processPrefix.size()));
    return lookup(fig.glyphs, target);
}

ArcItem *PathwayScene::addArc(DiagramNode *from, DiagramNode *to, ArcClass cls, const Route &route,
                              const QString &evidenceId)
{
    auto *arc = new ArcItem(from, to, cls, route);
    arc->setToolTip(evidenceHtml(m_project, evidenceId));
    addItem(arc);
    return arc;
}

void PathwayScene::wireNode(DiagramNode *node, bool geneTarget)
{
    const QString ref = node->ref();
    node->setToolTip(evidenceHtml(m_project, ref));
    node->setMoveCallback([this](DiagramNode *moved) { updateArcsOf(moved); });
    node->setActivation([this, ref, geneTarget](Qt::MouseButton button, Qt::KeyboardModifiers modifiers) {
        if (geneTarget && button == Qt::LeftButton && !(modifiers & Qt::ControlModifier)) {
            m_document.cycleGene(ref);   // gene glyphs are never deleted, so this may run in the event
            return;
        }
        // Queued: a slot may change the document (e.g. disable a drug), which deletes drug glyphs;
        // that must not happen inside the clicked item's own mouse handler.
        QMetaObject::invokeMethod(this, [this, ref] { emit evidenceRequested(ref); }, Qt::QueuedConnection);
    });
}

// ---- document -> glyphs

void PathwayScene::syncGene(const QString &id, double multiplier)
{
    for (const auto &fig : m_figures)
        for (const auto &[key, g] : fig->glyphs)
            if (g->isGeneTarget() && g->ref() == id) g->setGeneLevel(multiplier);
}

void PathwayScene::syncInput(const QString &id)
{
    const core::InputSetting setting = m_document.input(id);
    for (const auto &fig : m_figures) {
        for (const LayoutDrug &spec : fig->layout->drugs) {
            if (spec.input != id) continue;
            if (setting.enabled) showDrug(*fig, spec);
            else hideDrug(*fig, id);
        }
    }
}

void PathwayScene::showDrug(Figure &fig, const LayoutDrug &spec)
{
    const core::InputSpec *input = m_project.findInput(spec.input.toStdString());
    const QString unit = input ? QString::fromStdString(input->unit) : QString();
    const QString label = QStringLiteral("%1\n%2 %3")
                              .arg(m_model.layout().drugLabel(spec.input),
                                   QString::number(m_document.input(spec.input).dose, 'g', 4), unit)
                              .trimmed();
    DrugEntry &entry = fig.drugs[spec.input];
    if (entry.glyph) {
        entry.glyph->setLabel(label);
        for (ArcItem *arc : entry.arcs) arc->updatePath();
        return;
    }
    entry.glyph = new GlyphItem(GlyphKind::Drug, QStringLiteral("drug:%1").arg(spec.input), spec.input, label);
    entry.glyph->setPos(spec.pos + fig.offset);
    addItem(entry.glyph);
    wireNode(entry.glyph, false);
    for (const QString &target : spec.targets) {
        DiagramNode *node = resolve(fig, target);
        if (!node) {
            m_problems << QStringLiteral("%1: drug %2 targets unknown %3").arg(fig.layout->id, spec.input, target);
            continue;
        }
        ArcItem *arc = addArc(entry.glyph, node, spec.cls, shifted(lookup(spec.routes, target), fig.offset), spec.input);
        arc->setDrugArc(true);
        entry.arcs.push_back(arc);
    }
}

void PathwayScene::hideDrug(Figure &fig, const QString &input)
{
    auto it = fig.drugs.find(input);
    if (it == fig.drugs.end()) return;
    for (ArcItem *arc : it->second.arcs) delete arc;   // arcs first: they point at the glyph
    delete it->second.glyph;
    fig.drugs.erase(it);
}

// ---- queries

GlyphItem *PathwayScene::glyph(const QString &glyphId, int figureIndex) const
{
    if (figureIndex < 0 || figureIndex >= int(m_figures.size())) return nullptr;
    return lookup(m_figures[std::size_t(figureIndex)]->glyphs, glyphId);
}

ProcessItem *PathwayScene::process(const QString &reaction, int figureIndex) const
{
    if (figureIndex < 0 || figureIndex >= int(m_figures.size())) return nullptr;
    return lookup(m_figures[std::size_t(figureIndex)]->processes, reaction);
}

QList<GlyphItem *> PathwayScene::glyphs() const
{
    QList<GlyphItem *> out;
    for (const auto &fig : m_figures)
        for (const auto &[key, g] : fig->glyphs) out << g;
    return out;
}

QList<GlyphItem *> PathwayScene::drugGlyphs() const
{
    QList<GlyphItem *> out;
    for (const auto &fig : m_figures)
        for (const auto &[key, d] : fig->drugs) out << d.glyph;
    return out;
}

QList<ProcessItem *> PathwayScene::processes() const
{
    QList<ProcessItem *> out;
    for (const auto &fig : m_figures)
        for (const auto &[key, p] : fig->processes) out << p;
    return out;
}

QList<ArcItem *> PathwayScene::arcs() const
{
    QList<ArcItem *> out;
    const QList<QGraphicsItem *> all = items();
    for (QGraphicsItem *item : all)
        if (auto *arc = qgraphicsitem_cast<ArcItem *>(item)) out << arc;
    return out;
}

void PathwayScene::setSpeciesValues(const std::map<std::string, double> &fold)
{
    m_fold = fold;
    for (GlyphItem *g : glyphs()) {
        if (g->kind() == GlyphKind::EmptySet) continue;
        auto it = fold.find(g->ref().toStdString());
        g->setValue(it == fold.end() ? std::nullopt : std::optional<double>(it->second));
    }
}

void PathwayScene::clearSpeciesValues() { setSpeciesValues({}); }

}  // namespace ferroscope::ui
