#include "core/model/diagram_layout.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ferroscope::core {

namespace {



constexpr double kEmptySetDistance = 70;   // default ∅ distance from its process node

struct Reader {
    Errors errors;
    QString where;

    void fail(const QString &message) { errors.push_back({where.toStdString(), message.toStdString()}); }

    QPointF point(const QJsonValue &v, const QString &what)
    {
        const QJsonArray a = v.toArray();
        if (a.size() != 2 || !a[0].isDouble() || !a[1].isDouble()) {
            fail(QStringLiteral("%1 must be [x, y]").arg(what));
            return {};
        }
        return {a[0].toDouble(), a[1].toDouble()};
    }

    QRectF rect(const QJsonValue &v, const QString &what)
    {
        const QJsonArray a = v.toArray();
        if (a.size() != 4) {
            fail(QStringLiteral("%1 must be [x, y, width, height]").arg(what));
            return {};
        }
        return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble()};
    }

    Route route(const QJsonValue &v)
    {
        Route r;
        for (const QJsonValue &p : v.toArray()) r << point(p, QStringLiteral("waypoint"));
        return r;
    }

    std::map<QString, Route> routes(const QJsonValue &v)
    {
        std::map<QString, Route> out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) out[it.key()] = route(it.value());
        return out;
    }

    static QStringList strings(const QJsonValue &v)
    {
        QStringList out;
        for (const QJsonValue &s : v.toArray()) out << s.toString();
        return out;
    }

    ArcClass arcClass(const QString &s)
    {
        if (s == QLatin1String("stimulation")) return ArcClass::Stimulation;
        if (s == QLatin1String("inhibition")) return ArcClass::Inhibition;
        if (s == QLatin1String("catalysis")) return ArcClass::Catalysis;
        if (s == QLatin1String("consumption")) return ArcClass::Consumption;
        if (s == QLatin1String("production")) return ArcClass::Production;
        fail(QStringLiteral("unknown arc class '%1'").arg(s));
        return ArcClass::Stimulation;
    }

    std::map<QString, ArcClass> arcClasses(const QJsonValue &v)
    {
        std::map<QString, ArcClass> out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) out[it.key()] = arcClass(it.value().toString());
        return out;
    }

    GlyphKind glyphKind(const QString &s)
    {
        if (s == QLatin1String("macromolecule")) return GlyphKind::Macromolecule;
        if (s == QLatin1String("simple chemical")) return GlyphKind::SimpleChemical;
        if (s == QLatin1String("phenotype")) return GlyphKind::Phenotype;
        if (s == QLatin1String("empty set")) return GlyphKind::EmptySet;
        fail(QStringLiteral("unknown glyph kind '%1'").arg(s));
        return GlyphKind::Macromolecule;
    }

    Qt::Edge edge(const QJsonValue &v)
    {
        const QString s = v.toString(QStringLiteral("right"));
        if (s == QLatin1String("right")) return Qt::RightEdge;
        if (s == QLatin1String("left")) return Qt::LeftEdge;
        if (s == QLatin1String("above")) return Qt::TopEdge;
        if (s == QLatin1String("below")) return Qt::BottomEdge;
        fail(QStringLiteral("caption side must be right, left, above or below"));
        return Qt::RightEdge;
    }

    QPointF direction(const QJsonValue &v)
    {
        static const std::map<QString, QPointF> compass = {
            {QStringLiteral("E"), {1, 0}}, {QStringLiteral("W"), {-1, 0}}, {QStringLiteral("S"), {0, 1}},
            {QStringLiteral("N"), {0, -1}}};
        if (v.isUndefined()) return {1, 0};
        if (v.isString()) {
            auto it = compass.find(v.toString());
            if (it != compass.end()) return it->second;
            fail(QStringLiteral("direction must be E, W, N, S or [dx, dy]"));
            return {1, 0};
        }
        const QPointF d = point(v, QStringLiteral("dir"));
        const double len = std::hypot(d.x(), d.y());
        if (std::abs(len - 1) < 1e-12) return d;   // already a unit vector: keep it bit for bit
        return len > 0 ? d / len : QPointF(1, 0);
    }

    LayoutCompartment compartment(const QJsonObject &o)
    {
        LayoutCompartment c;
        c.id = o.value(QLatin1String("id")).toString();
        c.label = o.value(QLatin1String("label")).toString();
        c.rect = rect(o.value(QLatin1String("rect")), QStringLiteral("compartment rect"));
        c.fill = o.value(QLatin1String("fill")).toInt();
        c.band = o.value(QLatin1String("band")).toDouble();
        c.innerLabel = o.value(QLatin1String("innerLabel")).toString();
        c.innerId = o.value(QLatin1String("innerId")).toString();
        c.labelPos = o.contains(QLatin1String("labelPos")) ? point(o.value(QLatin1String("labelPos")), QStringLiteral("labelPos"))
                                                           : QPointF(10, 6);
        c.innerLabelPos = o.contains(QLatin1String("innerLabelPos"))
                              ? point(o.value(QLatin1String("innerLabelPos")), QStringLiteral("innerLabelPos"))
                              : QPointF(c.band + 10, c.band + 6);
        return c;
    }

    LayoutGlyph glyph(const QJsonObject &o)
    {
        LayoutGlyph g;
        g.id = o.value(QLatin1String("id")).toString();
        g.ref = o.value(QLatin1String("ref")).toString(g.id);
        g.label = o.value(QLatin1String("label")).toString();
        g.kind = glyphKind(o.value(QLatin1String("kind")).toString(QStringLiteral("macromolecule")));
        g.pos = point(o.value(QLatin1String("pos")), QStringLiteral("glyph pos"));
        if (o.contains(QLatin1String("size"))) {
            const QPointF s = point(o.value(QLatin1String("size")), QStringLiteral("size"));
            g.size = QSizeF(s.x(), s.y());
        }
        g.colour = o.value(QLatin1String("colour")).toString();
        if (!g.colour.isEmpty() && !QRegularExpression(QStringLiteral("^#[0-9a-fA-F]{6}$")).match(g.colour).hasMatch())
            fail(QStringLiteral("glyph %1: colour must be #rrggbb").arg(g.id));
        if (g.id.isEmpty()) fail(QStringLiteral("a glyph has no id"));
        return g;
    }

    LayoutProcess process(const QJsonObject &o)
    {
        LayoutProcess p;
        p.reaction = o.value(QLatin1String("reaction")).toString();
        p.pos = point(o.value(QLatin1String("pos")), QStringLiteral("process pos"));
        p.dir = direction(o.value(QLatin1String("dir")));
        p.label = o.value(QLatin1String("label")).toString();
        if (o.contains(QLatin1String("labelOffset")))
            p.labelOffset = point(o.value(QLatin1String("labelOffset")), QStringLiteral("labelOffset"));
        p.hasSource = o.contains(QLatin1String("source"));
        p.source = p.hasSource ? point(o.value(QLatin1String("source")), QStringLiteral("source"))
                               : p.pos - p.dir * kEmptySetDistance;
        p.hasSink = o.contains(QLatin1String("sink"));
        p.sink = p.hasSink ? point(o.value(QLatin1String("sink")), QStringLiteral("sink"))
                           : p.pos + p.dir * kEmptySetDistance;
        p.sourceLabel = o.value(QLatin1String("sourceLabel")).toString();
        p.sinkLabel = o.value(QLatin1String("sinkLabel")).toString();
        p.sourceLabelSide = edge(o.value(QLatin1String("sourceLabelSide")));
        p.sinkLabelSide = edge(o.value(QLatin1String("sinkLabelSide")));
        p.arcs = arcClasses(o.value(QLatin1String("arcs")));
        p.hidden = strings(o.value(QLatin1String("hide")));
        p.routes = routes(o.value(QLatin1String("routes")));
        return p;
    }

    LayoutRegulation regulation(const QJsonObject &o)
    {
        LayoutRegulation r;
        r.reaction = o.value(QLatin1String("reaction")).toString();
        r.arcs = arcClasses(o.value(QLatin1String("arcs")));
        r.hidden = strings(o.value(QLatin1String("hide")));
        r.routes = routes(o.value(QLatin1String("routes")));
        return r;
    }

    LayoutArc arc(const QJsonObject &o)
    {
        LayoutArc a;
        a.from = o.value(QLatin1String("from")).toString();
        a.to = o.value(QLatin1String("to")).toString();
        a.cls = arcClass(o.value(QLatin1String("class")).toString(QStringLiteral("stimulation")));
        a.route = route(o.value(QLatin1String("route")));
        a.reason = o.value(QLatin1String("reason")).toString();
        return a;
    }

    LayoutDrug drug(const QJsonObject &o)
    {
        LayoutDrug d;
        d.input = o.value(QLatin1String("input")).toString();
        d.pos = point(o.value(QLatin1String("pos")), QStringLiteral("drug pos"));
        d.targets = strings(o.value(QLatin1String("targets")));
        d.cls = arcClass(o.value(QLatin1String("class")).toString(QStringLiteral("inhibition")));
        d.routes = routes(o.value(QLatin1String("routes")));
        if (d.targets.isEmpty()) fail(QStringLiteral("drug %1 has no target").arg(d.input));
        return d;
    }

    FigureLayout figure(const QJsonObject &o)
    {
        FigureLayout f;
        f.id = o.value(QLatin1String("id")).toString();
        f.title = o.value(QLatin1String("title")).toString(f.id);
        where = QStringLiteral("figure %1").arg(f.id);
        const QPointF size = point(o.value(QLatin1String("size")), QStringLiteral("size"));
        f.size = QSizeF(size.x(), size.y());
        for (const QJsonValue &v : o.value(QLatin1String("compartments")).toArray())
            f.compartments.push_back(compartment(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("glyphs")).toArray()) f.glyphs.push_back(glyph(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("processes")).toArray())
            f.processes.push_back(process(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("regulations")).toArray())
            f.regulations.push_back(regulation(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("arcs")).toArray()) f.arcs.push_back(arc(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("drugs")).toArray()) f.drugs.push_back(drug(v.toObject()));
        if (o.contains(QLatin1String("legend"))) {
            const QJsonObject legend = o.value(QLatin1String("legend")).toObject();
            f.legendPos = point(legend.value(QLatin1String("pos")), QStringLiteral("legend pos"));
            f.legendColumns = std::max(1, legend.value(QLatin1String("columns")).toInt(1));
        }
        return f;
    }
};

void checkUnique(const FigureLayout &f, Errors &errors)
{
    std::map<QString, int> seen;
    for (const auto &g : f.glyphs)
        if (++seen[g.id] == 2)
            errors.push_back({"figure " + f.id.toStdString(), "glyph '" + g.id.toStdString() + "' appears twice"});
}


// ---- writing (the inverse of Reader)

QJsonArray jsonPoint(QPointF p) { return QJsonArray{p.x(), p.y()}; }

QJsonArray jsonRoute(const Route &r)
{
    QJsonArray a;
    for (const QPointF &p : r) a.append(jsonPoint(p));
    return a;
}

QJsonObject jsonRoutes(const std::map<QString, Route> &routes)
{
    QJsonObject o;
    for (const auto &[k, r] : routes) o.insert(k, jsonRoute(r));
    return o;
}

QJsonObject jsonArcs(const std::map<QString, ArcClass> &arcs)
{
    QJsonObject o;
    for (const auto &[k, c] : arcs) o.insert(k, toString(c));
    return o;
}

QString edgeName(Qt::Edge e)
{
    switch (e) {
    case Qt::LeftEdge: return QStringLiteral("left");
    case Qt::TopEdge: return QStringLiteral("above");
    case Qt::BottomEdge: return QStringLiteral("below");
    default: return QStringLiteral("right");
    }
}

QJsonObject jsonFigure(const FigureLayout &f)
{
    QJsonObject o{{"id", f.id}, {"title", f.title}, {"size", jsonPoint({f.size.width(), f.size.height()})}};
    QJsonArray compartments, glyphs, processes, regulations, arcs, drugs;
    for (const auto &c : f.compartments) {
        QJsonObject j{{"id", c.id}, {"label", c.label},
                      {"rect", QJsonArray{c.rect.x(), c.rect.y(), c.rect.width(), c.rect.height()}},
                      {"fill", c.fill}, {"labelPos", jsonPoint(c.labelPos)}};
        if (c.band > 0) {
            j.insert("band", c.band);
            j.insert("innerLabel", c.innerLabel);
            j.insert("innerId", c.innerId);
            j.insert("innerLabelPos", jsonPoint(c.innerLabelPos));
        }
        compartments.append(j);
    }
    for (const auto &g : f.glyphs) {
        QJsonObject j{{"id", g.id}, {"ref", g.ref}, {"label", g.label}, {"kind", glyphKindName(g.kind)},
                      {"pos", jsonPoint(g.pos)}};
        if (!g.size.isEmpty()) j.insert("size", jsonPoint({g.size.width(), g.size.height()}));
        if (!g.colour.isEmpty()) j.insert("colour", g.colour);
        glyphs.append(j);
    }
    for (const auto &p : f.processes) {
        QJsonObject j{{"reaction", p.reaction}, {"pos", jsonPoint(p.pos)}, {"dir", jsonPoint(p.dir)}};
        if (!p.label.isEmpty()) j.insert("label", p.label);
        j.insert("labelOffset", jsonPoint(p.labelOffset));
        if (p.hasSource || p.source != p.pos - p.dir * kEmptySetDistance) j.insert("source", jsonPoint(p.source));
        if (p.hasSink || p.sink != p.pos + p.dir * kEmptySetDistance) j.insert("sink", jsonPoint(p.sink));
        if (!p.sourceLabel.isEmpty()) j.insert("sourceLabel", p.sourceLabel);
        if (!p.sinkLabel.isEmpty()) j.insert("sinkLabel", p.sinkLabel);
        j.insert("sourceLabelSide", edgeName(p.sourceLabelSide));
        j.insert("sinkLabelSide", edgeName(p.sinkLabelSide));
        if (!p.arcs.empty()) j.insert("arcs", jsonArcs(p.arcs));
        if (!p.hidden.isEmpty()) j.insert("hide", QJsonArray::fromStringList(p.hidden));
        if (!p.routes.empty()) j.insert("routes", jsonRoutes(p.routes));
        processes.append(j);
    }
    for (const auto &r : f.regulations) {
        QJsonObject j{{"reaction", r.reaction}};
        if (!r.arcs.empty()) j.insert("arcs", jsonArcs(r.arcs));
        if (!r.hidden.isEmpty()) j.insert("hide", QJsonArray::fromStringList(r.hidden));
        if (!r.routes.empty()) j.insert("routes", jsonRoutes(r.routes));
        regulations.append(j);
    }
    for (const auto &a : f.arcs) {
        QJsonObject j{{"from", a.from}, {"to", a.to}, {"class", toString(a.cls)}};
        if (!a.route.isEmpty()) j.insert("route", jsonRoute(a.route));
        if (!a.reason.isEmpty()) j.insert("reason", a.reason);
        arcs.append(j);
    }
    for (const auto &d : f.drugs) {
        QJsonObject j{{"input", d.input}, {"pos", jsonPoint(d.pos)}, {"targets", QJsonArray::fromStringList(d.targets)},
                      {"class", toString(d.cls)}};
        if (!d.routes.empty()) j.insert("routes", jsonRoutes(d.routes));
        drugs.append(j);
    }
    o.insert("compartments", compartments);
    o.insert("glyphs", glyphs);
    o.insert("processes", processes);
    o.insert("regulations", regulations);
    o.insert("arcs", arcs);
    o.insert("drugs", drugs);
    if (f.legendColumns > 0) o.insert("legend", QJsonObject{{"pos", jsonPoint(f.legendPos)}, {"columns", f.legendColumns}});
    return o;
}

}  // namespace

const LayoutGlyph *FigureLayout::findGlyph(const QString &glyphId) const
{
    for (const auto &g : glyphs)
        if (g.id == glyphId) return &g;
    return nullptr;
}

const LayoutProcess *FigureLayout::findProcess(const QString &reaction) const
{
    for (const auto &p : processes)
        if (p.reaction == reaction) return &p;
    return nullptr;
}

Result<DiagramLayout> DiagramLayout::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Error{"layout", "not valid JSON: " + parseError.errorString().toStdString()};
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("ferroscope-diagram-layout"))
        return Error{"layout", "not a Ferroscope diagram layout (format field)"};

    DiagramLayout layout;
    Reader reader;
    const QJsonObject labels = root.value(QLatin1String("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) layout.m_labels[it.key()] = it.value().toString();
    const QJsonObject drugs = root.value(QLatin1String("drugLabels")).toObject();
    for (auto it = drugs.begin(); it != drugs.end(); ++it) layout.m_drugLabels[it.key()] = it.value().toString();
    for (const QJsonValue &v : root.value(QLatin1String("figures")).toArray())
        layout.m_figures.push_back(reader.figure(v.toObject()));
    if (layout.m_figures.empty()) reader.fail(QStringLiteral("the layout has no figures"));
    for (auto &f : layout.m_figures) {
        checkUnique(f, reader.errors);
        for (auto &g : f.glyphs)
            if (g.label.isEmpty()) g.label = layout.label(g.ref);
    }
    if (!reader.errors.empty()) return reader.errors;
    return layout;
}

Result<DiagramLayout> DiagramLayout::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path.toStdString(), "cannot open: " + file.errorString().toStdString()};
    return fromJson(file.readAll());
}

const DiagramLayout &DiagramLayout::builtin()
{
    // Our own resource: a failure is a packaging bug, not a user error (as builtinProject()).
    static const DiagramLayout layout = [] {
        auto result = fromFile(QStringLiteral(":/layout/iron_csc_layout.json"));
        if (!result) qFatal("Ferroscope: the built-in diagram layout is invalid: %s", result.errorText().c_str());
        return std::move(result).value();
    }();
    return layout;
}


LayoutGlyph *FigureLayout::findGlyph(const QString &glyphId)
{
    for (auto &g : glyphs)
        if (g.id == glyphId) return &g;
    return nullptr;
}

LayoutProcess *FigureLayout::findProcess(const QString &reaction)
{
    for (auto &p : processes)
        if (p.reaction == reaction) return &p;
    return nullptr;
}

LayoutRegulation *FigureLayout::findRegulation(const QString &reaction)
{
    for (auto &r : regulations)
        if (r.reaction == reaction) return &r;
    return nullptr;
}

std::vector<const LayoutGlyph *> FigureLayout::glyphsFor(const QString &ref) const
{
    std::vector<const LayoutGlyph *> out;
    for (const auto &g : glyphs)
        if (g.ref == ref) out.push_back(&g);
    return out;
}

QString FigureLayout::uniqueGlyphId(const QString &base) const
{
    QString id = base;
    for (int n = 2; findGlyph(id); ++n) id = base + QStringLiteral("_%1").arg(n);
    return id;
}

DiagramLayout DiagramLayout::fromFigures(std::vector<FigureLayout> figures)
{
    DiagramLayout layout;
    layout.m_figures = std::move(figures);
    return layout;
}

QByteArray DiagramLayout::toJson() const
{
    QJsonObject labels, drugLabels;
    for (const auto &[k, v] : m_labels) labels.insert(k, v);
    for (const auto &[k, v] : m_drugLabels) drugLabels.insert(k, v);
    QJsonArray figures;
    for (const auto &f : m_figures) figures.append(jsonFigure(f));
    const QJsonObject root{{"format", "ferroscope-diagram-layout"}, {"version", 1}, {"labels", labels},
                           {"drugLabels", drugLabels}, {"figures", figures}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool DiagramLayout::operator==(const DiagramLayout &other) const { return toJson() == other.toJson(); }

FigureLayout *DiagramLayout::figure(const QString &figureId)
{
    for (auto &f : m_figures)
        if (f.id == figureId) return &f;
    return nullptr;
}

const FigureLayout *DiagramLayout::figure(const QString &figureId) const
{
    for (const auto &f : m_figures)
        if (f.id == figureId) return &f;
    return nullptr;
}

QString DiagramLayout::drugLabel(const QString &input) const
{
    auto it = m_drugLabels.find(input);
    return it == m_drugLabels.end() ? input : it->second;
}

QString DiagramLayout::label(const QString &ref) const
{
    auto it = m_labels.find(ref);
    return it == m_labels.end() ? ref : it->second;
}

QString toString(ArcClass cls)
{
    switch (cls) {
    case ArcClass::Consumption: return QStringLiteral("consumption");
    case ArcClass::Production: return QStringLiteral("production");
    case ArcClass::Stimulation: return QStringLiteral("stimulation");
    case ArcClass::Inhibition: return QStringLiteral("inhibition");
    case ArcClass::Catalysis: return QStringLiteral("catalysis");
    }
    return {};
}

QString glyphKindName(GlyphKind kind)
{
    switch (kind) {
    case GlyphKind::Macromolecule: return QStringLiteral("macromolecule");
    case GlyphKind::SimpleChemical: return QStringLiteral("simple chemical");
    case GlyphKind::Phenotype: return QStringLiteral("phenotype");
    case GlyphKind::EmptySet: return QStringLiteral("empty set");
    case GlyphKind::Drug: return QStringLiteral("drug");
    }
    return {};
}

int sboTerm(GlyphKind kind)
{
    switch (kind) {
    case GlyphKind::Macromolecule: return 245;    // macromolecule
    case GlyphKind::SimpleChemical: return 247;   // simple chemical
    case GlyphKind::Phenotype: return 358;        // phenotype
    case GlyphKind::EmptySet: return 291;         // empty set
    case GlyphKind::Drug: return 298;             // synthetic chemical compound
    }
    return 0;
}

int sboTerm(ArcClass cls)
{
    switch (cls) {
    case ArcClass::Consumption: return 10;    // reactant
    case ArcClass::Production: return 11;     // product
    case ArcClass::Stimulation: return 170;   // stimulation
    case ArcClass::Inhibition: return 169;    // inhibition
    case ArcClass::Catalysis: return 172;     // catalysis
    }
    return 0;
}

}  // namespace ferroscope::core
