// autoLayout (see auto_layout.h). Steps: build the bipartite species/reaction graph, drop DFS
// back edges, assign longest-path layers, order each layer by barycentre sweeps, place layers as
// columns (wrapping tall layers), then add ∅ ends, modifier arcs and compartment boxes.
#include "core/model/auto_layout.h"

#include <algorithm>
#include <optional>
#include <cmath>
#include <map>
#include <numeric>
#include <utility>

namespace ferroscope::core {
namespace {

constexpr double kGlyphWidth = 90, kGlyphHeight = 40;
constexpr double kColumnGap = 170;   // glyph width + room for arcs and a ∅ between columns
constexpr double kRowGap = 70;       // glyph height + room for two lines of arcs
constexpr double kEmptySetOffset = 55;
constexpr double kMargin = 40;
constexpr int kMaxPerColumn = 12;    // taller layers wrap into extra columns
constexpr int kSweeps = 4;

struct Graph {
    int species = 0;                          // nodes [0, species) are species, the rest reactions
    std::vector<std::vector<int>> out, undirected;
};

Graph buildGraph(const ModelSpec &model)
{
    Graph g;
    g.species = int(model.species.size());
    const int n = g.species + int(model.reactions.size());
    g.out.resize(std::size_t(n));
    g.undirected.resize(std::size_t(n));
    std::map<std::string, int> index;
    for (int i = 0; i < g.species; ++i) index[model.species[std::size_t(i)].id] = i;
    auto link = [&g](int from, int to) {
        g.out[std::size_t(from)].push_back(to);
        g.undirected[std::size_t(from)].push_back(to);
        g.undirected[std::size_t(to)].push_back(from);
    };
    for (std::size_t r = 0; r < model.reactions.size(); ++r) {
        const int node = g.species + int(r);
        for (const auto &ref : model.reactions[r].reactants)
            if (auto it = index.find(ref.species); it != index.end()) link(it->second, node);
        for (const auto &ref : model.reactions[r].products)
            if (auto it = index.find(ref.species); it != index.end()) link(node, it->second);
    }
    return g;
}

// Iterative DFS: keeps every edge except back edges (which close cycles); returns the kept
// edges and a topological order of the resulting DAG.
std::pair<std::vector<std::vector<int>>, std::vector<int>> acyclic(const Graph &g)
{
    const std::size_t n = g.out.size();
    std::vector<std::vector<int>> dag(n);
    std::vector<int> state(n, 0), post;
    for (std::size_t root = 0; root < n; ++root) {
        if (state[root]) continue;
        std::vector<std::pair<int, std::size_t>> stack{{int(root), 0}};
        state[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            const auto &edges = g.out[std::size_t(v)];
            if (next == edges.size()) {
                state[std::size_t(v)] = 2;
                post.push_back(v);
                stack.pop_back();
                continue;
            }
            const int w = edges[next++];
            if (state[std::size_t(w)] == 1) continue;   // back edge: dropped
            dag[std::size_t(v)].push_back(w);
            if (state[std::size_t(w)] == 0) {
                state[std::size_t(w)] = 1;
                stack.emplace_back(w, 0);
            }
        }
    }
    std::reverse(post.begin(), post.end());
    return {dag, post};
}

std::vector<int> longestPathLayers(const std::vector<std::vector<int>> &dag, const std::vector<int> &order)
{
    std::vector<int> layer(dag.size(), 0);
    std::vector<bool> hasPred(dag.size(), false);
    for (const int v : order)
        for (const int w : dag[std::size_t(v)]) {
            layer[std::size_t(w)] = std::max(layer[std::size_t(w)], layer[std::size_t(v)] + 1);
            hasPred[std::size_t(w)] = true;
        }
    // A pure source sits just before its earliest successor rather than at the far left.
    for (std::size_t v = 0; v < dag.size(); ++v) {
        if (hasPred[v] || dag[v].empty()) continue;
        int first = layer[std::size_t(dag[v].front())];
        for (const int w : dag[v]) first = std::min(first, layer[std::size_t(w)]);
        layer[v] = std::max(0, first - 1);
    }
    return layer;
}

// Barycentre heuristic: alternately sort each layer by the mean position of its neighbours in
// the layer above, then below. Nodes without such neighbours keep their place.
void orderLayers(std::vector<std::vector<int>> &layers, const Graph &g, const std::vector<int> &layerOf)
{
    std::vector<double> pos(g.out.size(), 0);
    auto index = [&](const std::vector<int> &nodes) {
        for (std::size_t i = 0; i < nodes.size(); ++i) pos[std::size_t(nodes[i])] = double(i);
    };
    for (const auto &l : layers) index(l);
    auto sweep = [&](std::size_t l, int neighbourLayer) {
        std::vector<std::pair<double, int>> keyed;
        for (const int v : layers[l]) {
            double sum = 0;
            int count = 0;
            for (const int w : g.undirected[std::size_t(v)])
                if (layerOf[std::size_t(w)] == neighbourLayer) { sum += pos[std::size_t(w)]; ++count; }
            keyed.emplace_back(count ? sum / count : pos[std::size_t(v)], v);
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t i = 0; i < keyed.size(); ++i) layers[l][i] = keyed[i].second;
        index(layers[l]);
    };
    for (int k = 0; k < kSweeps; ++k) {
        for (std::size_t l = 1; l < layers.size(); ++l) sweep(l, int(l) - 1);
        for (std::size_t l = layers.size(); l-- > 1;) sweep(l - 1, int(l));
    }
}

// Columns left to right; a layer of m nodes uses ceil(m / kMaxPerColumn) columns, its nodes
// dealt across them in order (so the barycentre order still reads top to bottom).
std::vector<QPointF> placeNodes(const std::vector<std::vector<int>> &layers, std::size_t nodeCount)
{
    std::vector<QPointF> at(nodeCount);
    int maxRows = 1;
    for (const auto &l : layers) {
        const int cols = std::max(1, int((l.size() + kMaxPerColumn - 1) / kMaxPerColumn));
        maxRows = std::max(maxRows, int((l.size() + std::size_t(cols) - 1) / std::size_t(cols)));
    }
    double x = 0;
    for (const auto &l : layers) {
        const int cols = std::max(1, int((l.size() + kMaxPerColumn - 1) / kMaxPerColumn));
        const int rows = int((l.size() + std::size_t(cols) - 1) / std::size_t(cols));
        const double top = (maxRows - rows) * kRowGap / 2;
        for (std::size_t i = 0; i < l.size(); ++i) {
            const int col = int(i) % cols, row = int(i) / cols;
            at[std::size_t(l[i])] = {x + col * kColumnGap, top + row * kRowGap + col * kRowGap / (2.0 * cols)};
        }
        x += cols * kColumnGap;
    }
    return at;
}

QRectF glyphRect(const LayoutGlyph &g) { return {g.pos - QPointF(g.size.width() / 2, g.size.height() / 2), g.size}; }

// One box per compartment around its species, only if no box overlaps another box or a glyph
// of another compartment (a misleading box is worse than none).
std::vector<LayoutCompartment> compartmentBoxes(const ModelSpec &model, const FigureLayout &fig)
{
    std::vector<LayoutCompartment> out;
    if (model.compartments.size() < 2) return out;
    for (std::size_t c = 0; c < model.compartments.size(); ++c) {
        const auto &comp = model.compartments[c];
        QRectF box;
        for (const auto &s : model.species)
            if (s.compartment == comp.id)
                if (const LayoutGlyph *g = fig.findGlyph(QString::fromStdString(s.id))) box |= glyphRect(*g);
        if (box.isNull()) continue;
        LayoutCompartment lc;
        lc.id = QString::fromStdString(comp.id);
        lc.label = QString::fromStdString(comp.name.empty() ? comp.id : comp.name);
        lc.rect = box.adjusted(-18, -30, 18, 14);
        lc.fill = int(c % 3);
        lc.labelPos = lc.innerLabelPos = QPointF(10, 6);
        out.push_back(lc);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (std::size_t j = i + 1; j < out.size(); ++j)
            if (out[i].rect.intersects(out[j].rect)) return {};
        for (const auto &s : model.species)
            if (s.compartment != out[i].id.toStdString())
                if (const LayoutGlyph *g = fig.findGlyph(QString::fromStdString(s.id));
                    g && out[i].rect.intersects(glyphRect(*g)))
                    return {};
    }
    return out;
}

LayoutProcess processFor(const ModelSpec &model, const Reaction &r, QPointF pos)
{
    LayoutProcess p;
    p.reaction = QString::fromStdString(r.id);
    p.pos = pos;
    auto known = [&model](const std::vector<SpeciesReference> &refs) {
        return std::any_of(refs.begin(), refs.end(),
                           [&model](const SpeciesReference &ref) { return model.findSpecies(ref.species); });
    };
    p.hasSource = !known(r.reactants);
    p.hasSink = !known(r.products);
    p.source = pos - QPointF(kEmptySetOffset, 0);
    p.sink = pos + QPointF(kEmptySetOffset, 0);
    for (const auto &m : r.modifiers)
        if (model.findSpecies(m)) p.arcs[QString::fromStdString(m)] = ArcClass::Stimulation;
    return p;
}

// Points the process's flow from its reactants to its products (back edges of cycles flow right
// to left), axis-aligned so the drawing stays tidy; the ∅ ends follow.
constexpr double kBackEdgeLift = 50;

void orientProcess(LayoutProcess &p, const Reaction &r, const FigureLayout &fig)
{
    auto centroid = [&fig](const std::vector<SpeciesReference> &refs) -> std::optional<QPointF> {
        QPointF sum;
        int n = 0;
        for (const auto &ref : refs)
            if (const LayoutGlyph *g = fig.findGlyph(QString::fromStdString(ref.species))) {
                sum += g->pos;
                ++n;
            }
        if (n == 0) return std::nullopt;
        return sum / n;
    };
    const auto from = centroid(r.reactants), to = centroid(r.products);
    if (from && to && to->x() < from->x() - 1) {
        // a back edge of a cycle (e.g. the reverse of S1 -> S2): between its ends, above the
        // forward process that usually sits on the same line, flowing right to left
        p.pos = (*from + *to) / 2 - QPointF(0, kBackEdgeLift);
    }
    const QPointF d = from && to ? *to - *from : to ? *to - p.pos : from ? p.pos - *from : QPointF(1, 0);
    if (std::abs(d.x()) >= 1) p.dir = QPointF(d.x() > 0 ? 1 : -1, 0);
    else if (std::abs(d.y()) >= 1) p.dir = QPointF(0, d.y() > 0 ? 1 : -1);
    p.source = p.pos - p.dir * kEmptySetOffset;
    p.sink = p.pos + p.dir * kEmptySetOffset;
}

// Moves everything so the drawing starts at (kMargin, kMargin) and sizes the figure to fit.
void fitFigure(FigureLayout &fig)
{
    QRectF box;
    for (const auto &g : fig.glyphs) box |= glyphRect(g);
    for (const auto &c : fig.compartments) box |= c.rect;
    for (const auto &p : fig.processes) {
        box |= QRectF(p.pos - QPointF(15, 15), QSizeF(30, 30));
        if (p.hasSource) box |= QRectF(p.source - QPointF(15, 15), QSizeF(30, 30));
        if (p.hasSink) box |= QRectF(p.sink - QPointF(15, 15), QSizeF(30, 30));
    }
    const QPointF shift = QPointF(kMargin, kMargin) - box.topLeft();
    for (auto &g : fig.glyphs) g.pos += shift;
    for (auto &c : fig.compartments) c.rect.translate(shift);
    for (auto &p : fig.processes) {
        p.pos += shift;
        p.source += shift;
        p.sink += shift;
    }
    fig.size = QSizeF(std::max(200.0, box.width() + 2 * kMargin), std::max(120.0, box.height() + 2 * kMargin));
}

}  // namespace

DiagramLayout autoLayout(const ModelSpec &model)
{
    const Graph graph = buildGraph(model);
    const auto [dag, order] = acyclic(graph);
    const std::vector<int> layerOf = longestPathLayers(dag, order);
    const int layerCount = layerOf.empty() ? 0 : *std::max_element(layerOf.begin(), layerOf.end()) + 1;
    std::vector<std::vector<int>> layers(static_cast<std::size_t>(layerCount));
    for (std::size_t v = 0; v < layerOf.size(); ++v) layers[std::size_t(layerOf[v])].push_back(int(v));
    layers.erase(std::remove_if(layers.begin(), layers.end(), [](const auto &l) { return l.empty(); }), layers.end());
    std::vector<int> compactLayer(layerOf.size());
    for (std::size_t l = 0; l < layers.size(); ++l)
        for (const int v : layers[l]) compactLayer[std::size_t(v)] = int(l);
    orderLayers(layers, graph, compactLayer);
    const std::vector<QPointF> at = placeNodes(layers, layerOf.size());

    FigureLayout fig;
    fig.id = QStringLiteral("model");
    fig.title = QString::fromStdString(model.name.empty() ? model.id : model.name);
    for (std::size_t i = 0; i < model.species.size(); ++i) {
        const Species &s = model.species[i];
        LayoutGlyph g;
        g.id = g.ref = QString::fromStdString(s.id);
        g.label = QString::fromStdString(s.name.empty() ? s.id : s.name);
        g.kind = s.boundaryCondition ? GlyphKind::SimpleChemical : GlyphKind::Macromolecule;
        g.pos = at[i];
        g.size = QSizeF(kGlyphWidth, kGlyphHeight);
        fig.glyphs.push_back(g);
    }
    for (std::size_t r = 0; r < model.reactions.size(); ++r) {
        LayoutProcess p = processFor(model, model.reactions[r], at[model.species.size() + r]);
        orientProcess(p, model.reactions[r], fig);
        fig.processes.push_back(std::move(p));
    }
    fig.compartments = compartmentBoxes(model, fig);
    fitFigure(fig);
    return DiagramLayout::fromFigures({fig});
}

}  // namespace ferroscope::core
