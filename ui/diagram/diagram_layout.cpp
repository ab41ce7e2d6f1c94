#include "ui/diagram/diagram_layout.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

namespace {

using core::Error;
using core::Errors;

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

core::Result<DiagramLayout> DiagramLayout::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return core::Error{"layout", "not valid JSON: " + parseError.errorString().toStdString()};
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("ferroscope-diagram-layout"))
        return core::Error{"layout", "not a Ferroscope diagram layout (format field)"};

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

core::Result<DiagramLayout> DiagramLayout::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{path.toStdString(), "cannot open: " + file.errorString().toStdString()};
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

}  // namespace ferroscope::ui
