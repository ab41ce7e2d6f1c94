// The Ferroscope project file (JSON, format version 1); see project_file.h.
// Reading is strict: unknown fields, wrong types and unparsable formulas are errors, and every
// error is collected before anything is returned, so a file is either read whole or not at all.
// Writing uses its own small emitter so that keys keep a fixed, human-friendly order (QJsonObject
// would sort them) and numbers print in their shortest round-trip form.
#include "core/io/project_file.h"

#include "core/model/math_io.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QtGlobal>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace ferroscope::core {
namespace {

constexpr std::string_view kFormatTag = "ferroscope-project";

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const char *typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    case QJsonValue::Undefined: break;
    }
    return "undefined";
}

/// Typed, error-collecting access to JSON objects. `where` names the element ("species TfR1").
class Reader {
public:
    Errors errors;

    void fail(std::string where, std::string message) { errors.push_back({std::move(where), std::move(message)}); }

    void allowOnly(const QJsonObject &o, std::initializer_list<std::string_view> keys, const std::string &where)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) fail(where, "unknown field '" + key + "'");
        }
    }

    std::optional<QJsonValue> field(const QJsonObject &o, const char *key, QJsonValue::Type type,
                                    const std::string &where, bool required)
    {
        const auto it = o.constFind(QLatin1String(key));
        if (it == o.constEnd()) {
            if (required) fail(where, std::string("missing required field '") + key + "'");
            return std::nullopt;
        }
        if (it->type() != type) {
            fail(where, std::string("field '") + key + "' must be " + typeName(type) + ", not " + typeName(it->type()));
            return std::nullopt;
        }
        return *it;
    }

    std::string str(const QJsonObject &o, const char *key, const std::string &where, bool required = false)
    {
        const auto v = field(o, key, QJsonValue::String, where, required);
        return v ? v->toString().toStdString() : std::string();
    }
    double num(const QJsonObject &o, const char *key, const std::string &where, double fallback, bool required = false)
    {
        const auto v = field(o, key, QJsonValue::Double, where, required);
        return v ? v->toDouble() : fallback;
    }
    int integer(const QJsonObject &o, const char *key, const std::string &where, int fallback, bool required = false)
    {
        const double v = num(o, key, where, fallback, required);
        if (v != std::floor(v) || std::abs(v) > 1e9) {
            fail(where, std::string("field '") + key + "' must be a whole number");
            return fallback;
        }
        return static_cast<int>(v);
    }
    bool flag(const QJsonObject &o, const char *key, const std::string &where, bool fallback)
    {
        const auto v = field(o, key, QJsonValue::Bool, where, false);
        return v ? v->toBool() : fallback;
    }
    QJsonArray array(const QJsonObject &o, const char *key, const std::string &where, bool required = false)
    {
        const auto v = field(o, key, QJsonValue::Array, where, required);
        return v ? v->toArray() : QJsonArray();
    }
    QJsonObject object(const QJsonObject &o, const char *key, const std::string &where, bool required = false)
    {
        const auto v = field(o, key, QJsonValue::Object, where, required);
        return v ? v->toObject() : QJsonObject();
    }
    std::vector<std::string> strings(const QJsonObject &o, const char *key, const std::string &where)
    {
        std::vector<std::string> out;
        for (const QJsonValue &v : array(o, key, where)) {
            if (v.isString()) out.push_back(v.toString().toStdString());
            else fail(where, std::string("field '") + key + "' must hold only strings");
        }
        return out;
    }
    std::map<std::string, double> numbers(const QJsonObject &o, const char *key, const std::string &where)
    {
        std::map<std::string, double> out;
        const QJsonObject map = object(o, key, where);
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->isDouble()) out[it.key().toStdString()] = it->toDouble();
            else fail(where, std::string("field '") + key + "' entry '" + it.key().toStdString() + "' must be a number");
        }
        return out;
    }
    /// A formula field; parse errors are reported at `what` (e.g. "reaction R3 kinetic law").
    std::optional<MathNode> formula(const QJsonObject &o, const char *key, const std::string &where,
                                    const std::string &what, bool required)
    {
        const auto v = field(o, key, QJsonValue::String, where, required);
        if (!v) return std::nullopt;
        auto parsed = parseFormula(v->toString().toStdString());
        if (!parsed) {
            fail(what, parsed.errorText());
            return std::nullopt;
        }
        return std::move(parsed).value();
    }
    Evidence evidence(const QJsonObject &owner, const std::string &where)
    {
        Evidence e;
        if (!owner.contains(QLatin1String("evidence"))) return e;
        const QJsonObject o = object(owner, "evidence", where);
        const std::string w = where + " evidence";
        allowOnly(o, {"explanation", "seedRefs", "figure", "sources", "estimated", "units", "category"}, w);
        e.explanation = str(o, "explanation", w);
        e.seedRefs = str(o, "seedRefs", w);
        e.figure = str(o, "figure", w);
        e.sources = str(o, "sources", w);
        e.estimated = flag(o, "estimated", w, false);
        e.units = str(o, "units", w);
        e.category = str(o, "category", w);
        return e;
    }

    Parameter parameter(const QJsonObject &o, const std::string &where)
    {
        allowOnly(o, {"id", "name", "value", "constant", "evidence"}, where);
        Parameter p;
        p.id = str(o, "id", where, true);
        p.name = str(o, "name", where);
        p.value = num(o, "value", where, kUnset);
        p.constant = flag(o, "constant", where, true);
        p.evidence = evidence(o, where);
        return p;
    }

    SpeciesReference speciesReference(const QJsonObject &r, const std::string &w)
    {
        allowOnly(r, {"species", "stoichiometry", "id", "constant"}, w);
        SpeciesReference ref;
        ref.species = str(r, "species", w, true);
        ref.stoichiometry = num(r, "stoichiometry", w, kUnset);
        ref.id = str(r, "id", w);
        ref.constant = flag(r, "constant", w, true);
        return ref;
    }

    /// Reads the array `key` of `o` (an element named `owner`) into `out`, one `read` per object.
    /// Each object is named "kind id" in errors, or "kind #n" when it has no id.
    template <typename T>
    void list(const QJsonObject &o, const char *key, const std::string &owner, const std::string &kind,
              std::vector<T> &out, T (Reader::*read)(const QJsonObject &, const std::string &))
    {
        int index = 0;
        for (const QJsonValue &v : array(o, key, owner)) {
            const std::string fallback = kind + " #" + std::to_string(++index);
            if (!v.isObject()) {
                fail(fallback, std::string("entries of '") + key + "' must be objects");
                continue;
            }
            const QJsonObject item = v.toObject();
            const QJsonValue id = item.value(QLatin1String("id"));
            const bool named = id.isString() && !id.toString().isEmpty();
            out.push_back((this->*read)(item, named ? kind + " " + id.toString().toStdString() : fallback));
        }
    }

    FunctionDefinition function(const QJsonObject &f, const std::string &w);
    Compartment compartment(const QJsonObject &c, const std::string &w);
    Species species(const QJsonObject &s, const std::string &w);
    InitialAssignment initialAssignment(const QJsonObject &a, const std::string &w);
    Rule rule(const QJsonObject &r, const std::string &w);
    Reaction reaction(const QJsonObject &r, const std::string &w);
    Event event(const QJsonObject &e, const std::string &w);
    EventAssignment eventAssignment(const QJsonObject &a, const std::string &w);
    PhenotypePreset phenotype(const QJsonObject &ph, const std::string &w);
    GeneTarget gene(const QJsonObject &g, const std::string &w);
    InputSpec input(const QJsonObject &i, const std::string &w);
    InputDose dose(const QJsonObject &d, const std::string &w);
    TherapyPreset therapy(const QJsonObject &t, const std::string &w);
    void model(const QJsonObject &o, ModelSpec &m);
    void catalogue(const QJsonObject &o, Project &p);
};

FunctionDefinition Reader::function(const QJsonObject &f, const std::string &w)
{
    allowOnly(f, {"id", "name", "arguments", "body", "evidence"}, w);
    FunctionDefinition fd;
    fd.id = str(f, "id", w, true);
    fd.name = str(f, "name", w);
    fd.arguments = strings(f, "arguments", w);
    if (auto body = formula(f, "body", w, w + " body", true)) fd.body = std::move(*body);
    fd.evidence = evidence(f, w);
    return fd;
}

Compartment Reader::compartment(const QJsonObject &c, const std::string &w)
{
    allowOnly(c, {"id", "name", "size", "spatialDimensions", "constant", "evidence"}, w);
    Compartment comp;
    comp.id = str(c, "id", w, true);
    comp.name = str(c, "name", w);
    comp.size = num(c, "size", w, kUnset);
    comp.spatialDimensions = num(c, "spatialDimensions", w, 3);
    comp.constant = flag(c, "constant", w, true);
    comp.evidence = evidence(c, w);
    return comp;
}

Species Reader::species(const QJsonObject &s, const std::string &w)
{
    allowOnly(s, {"id", "name", "compartment", "initialAmount", "initialConcentration", "hasOnlySubstanceUnits",
                  "boundaryCondition", "constant", "conversionFactor", "evidence"}, w);
    Species sp;
    sp.id = str(s, "id", w, true);
    sp.name = str(s, "name", w);
    sp.compartment = str(s, "compartment", w, true);
    sp.initialAmount = num(s, "initialAmount", w, kUnset);
    sp.initialConcentration = num(s, "initialConcentration", w, kUnset);
    sp.hasOnlySubstanceUnits = flag(s, "hasOnlySubstanceUnits", w, false);
    sp.boundaryCondition = flag(s, "boundaryCondition", w, false);
    sp.constant = flag(s, "constant", w, false);
    sp.conversionFactor = str(s, "conversionFactor", w);
    sp.evidence = evidence(s, w);
    return sp;
}

InitialAssignment Reader::initialAssignment(const QJsonObject &a, const std::string &w)
{
    allowOnly(a, {"symbol", "math"}, w);
    InitialAssignment ia;
    ia.symbol = str(a, "symbol", w, true);
    if (auto math = formula(a, "math", w, "initial assignment for " + ia.symbol, true)) ia.math = std::move(*math);
    return ia;
}

Rule Reader::rule(const QJsonObject &r, const std::string &w)
{
    allowOnly(r, {"kind", "variable", "math"}, w);
    Rule rl;
    const std::string kind = str(r, "kind", w, true);
    if (kind == "assignment") rl.kind = RuleKind::Assignment;
    else if (kind == "rate") rl.kind = RuleKind::Rate;
    else if (kind == "algebraic") rl.kind = RuleKind::Algebraic;
    else if (!kind.empty()) fail(w, "rule kind must be 'assignment', 'rate' or 'algebraic', not '" + kind + "'");
    rl.variable = str(r, "variable", w, rl.kind != RuleKind::Algebraic);
    const std::string what = rl.variable.empty() ? w : kind + " rule for " + rl.variable;
    if (auto math = formula(r, "math", w, what, true)) rl.math = std::move(*math);
    return rl;
}

Reaction Reader::reaction(const QJsonObject &r, const std::string &w)
{
    allowOnly(r, {"id", "name", "reactants", "products", "modifiers", "kineticLaw", "localParameters",
                  "reversible", "fast", "evidence"}, w);
    Reaction rx;
    rx.id = str(r, "id", w, true);
    rx.name = str(r, "name", w);
    list(r, "reactants", w, w + " reactant", rx.reactants, &Reader::speciesReference);
    list(r, "products", w, w + " product", rx.products, &Reader::speciesReference);
    rx.modifiers = strings(r, "modifiers", w);
    rx.kineticLaw = formula(r, "kineticLaw", w, w + " kinetic law", false);
    list(r, "localParameters", w, w + " local parameter", rx.localParameters, &Reader::parameter);
    rx.reversible = flag(r, "reversible", w, false);
    rx.fast = flag(r, "fast", w, false);
    rx.evidence = evidence(r, w);
    return rx;
}

EventAssignment Reader::eventAssignment(const QJsonObject &a, const std::string &w)
{
    allowOnly(a, {"variable", "math"}, w);
    EventAssignment ea;
    ea.variable = str(a, "variable", w, true);
    if (auto math = formula(a, "math", w, w + " to " + ea.variable, true)) ea.math = std::move(*math);
    return ea;
}

Event Reader::event(const QJsonObject &e, const std::string &w)
{
    allowOnly(e, {"id", "name", "trigger", "initialValue", "persistent", "delay", "priority",
                  "useValuesFromTriggerTime", "assignments"}, w);
    Event ev;
    ev.id = str(e, "id", w);
    ev.name = str(e, "name", w);
    if (auto trigger = formula(e, "trigger", w, w + " trigger", true)) ev.trigger = std::move(*trigger);
    ev.initialValue = flag(e, "initialValue", w, true);
    ev.persistent = flag(e, "persistent", w, true);
    ev.delay = formula(e, "delay", w, w + " delay", false);
    ev.priority = formula(e, "priority", w, w + " priority", false);
    ev.useValuesFromTriggerTime = flag(e, "useValuesFromTriggerTime", w, true);
    list(e, "assignments", w, w + " assignment", ev.assignments, &Reader::eventAssignment);
    return ev;
}

void Reader::model(const QJsonObject &o, ModelSpec &m)
{
    allowOnly(o, {"id", "name", "conversionFactor", "functions", "compartments", "species", "parameters",
                  "initialAssignments", "rules", "reactions", "events", "unsupported"}, "model");
    m.id = str(o, "id", "model");
    m.name = str(o, "name", "model");
    m.conversionFactor = str(o, "conversionFactor", "model");
    m.unsupported = strings(o, "unsupported", "model");
    list(o, "functions", "model", "function", m.functions, &Reader::function);
    list(o, "compartments", "model", "compartment", m.compartments, &Reader::compartment);
    list(o, "species", "model", "species", m.species, &Reader::species);
    list(o, "parameters", "model", "parameter", m.parameters, &Reader::parameter);
    list(o, "initialAssignments", "model", "initial assignment", m.initialAssignments, &Reader::initialAssignment);
    list(o, "rules", "model", "rule", m.rules, &Reader::rule);
    list(o, "reactions", "model", "reaction", m.reactions, &Reader::reaction);
    list(o, "events", "model", "event", m.events, &Reader::event);
}

PhenotypePreset Reader::phenotype(const QJsonObject &ph, const std::string &w)
{
    allowOnly(ph, {"id", "name", "values", "evidence"}, w);
    return {str(ph, "id", w, true), str(ph, "name", w), numbers(ph, "values", w), evidence(ph, w)};
}

GeneTarget Reader::gene(const QJsonObject &g, const std::string &w)
{
    allowOnly(g, {"id", "name", "parameter", "term", "evidence"}, w);
    return {str(g, "id", w, true), str(g, "name", w), str(g, "parameter", w, true), str(g, "term", w), evidence(g, w)};
}

InputSpec Reader::input(const QJsonObject &i, const std::string &w)
{
    allowOnly(i, {"id", "name", "parameter", "unit", "typicalMin", "typicalMax", "typicalDose", "term", "evidence"}, w);
    InputSpec in;
    in.id = str(i, "id", w, true);
    in.name = str(i, "name", w);
    in.parameter = str(i, "parameter", w, true);
    in.unit = str(i, "unit", w);
    in.typicalMin = num(i, "typicalMin", w, 0);
    in.typicalMax = num(i, "typicalMax", w, 0);
    in.typicalDose = num(i, "typicalDose", w, 0);
    in.term = str(i, "term", w);
    in.evidence = evidence(i, w);
    return in;
}

InputDose Reader::dose(const QJsonObject &d, const std::string &w)
{
    allowOnly(d, {"input", "value", "start", "end"}, w);
    return {str(d, "input", w, true), num(d, "value", w, 0, true), num(d, "start", w, 0), num(d, "end", w, -1)};
}

TherapyPreset Reader::therapy(const QJsonObject &t, const std::string &w)
{
    allowOnly(t, {"id", "name", "inputs", "genes", "readTime", "source", "evidence"}, w);
    TherapyPreset th;
    th.id = str(t, "id", w, true);
    th.name = str(t, "name", w);
    list(t, "inputs", w, w + " dose", th.inputs, &Reader::dose);
    th.genes = numbers(t, "genes", w);
    th.readTime = num(t, "readTime", w, -1);
    th.source = str(t, "source", w);
    th.evidence = evidence(t, w);
    return th;
}

void Reader::catalogue(const QJsonObject &o, Project &p)
{
    list(o, "phenotypes", "project", "phenotype", p.phenotypes, &Reader::phenotype);
    list(o, "genes", "project", "gene", p.genes, &Reader::gene);
    list(o, "inputs", "project", "input", p.inputs, &Reader::input);
    list(o, "therapies", "project", "therapy", p.therapies, &Reader::therapy);
    p.readouts = strings(o, "readouts", "project");
    p.defaultPhenotype = str(o, "defaultPhenotype", "project");
    p.defaultEnd = num(o, "defaultEnd", "project", p.defaultEnd);
    p.defaultSteps = integer(o, "defaultSteps", "project", p.defaultSteps);
    if (o.contains(QLatin1String("solver"))) {
        const QJsonObject s = object(o, "solver", "project");
        allowOnly(s, {"relativeTolerance", "defaultAbsoluteTolerance", "absoluteTolerances"}, "solver");
        p.relativeTolerance = num(s, "relativeTolerance", "solver", p.relativeTolerance);
        p.defaultAbsoluteTolerance = num(s, "defaultAbsoluteTolerance", "solver", p.defaultAbsoluteTolerance);
        p.absoluteTolerances = numbers(s, "absoluteTolerances", "solver");
    }
    p.preequilibrationHours = num(o, "preequilibrationHours", "project", p.preequilibrationHours);
    p.resetAfterPreequilibration = numbers(o, "resetAfterPreequilibration", "project");
    p.clampNegativeStates = flag(o, "clampNegativeStates", "project", p.clampNegativeStates);
}

std::string lineAndColumn(const QByteArray &bytes, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') { ++line; column = 1; }
        else ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// An ordered JSON value: objects keep their keys in insertion order. Converts implicitly from
/// strings, numbers and booleans so that writers read `o.add("id", p.id)`.
struct Json {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool flag = false;
    double number = 0;
    std::string text;
    std::vector<std::string> keys;    // Object
    std::vector<Json> values;         // Array items or Object values

    Json() = default;
    Json(bool b) : kind(Kind::Bool), flag(b) {}                          // NOLINT implicit
    Json(double v) : kind(Kind::Number), number(v) {}                    // NOLINT implicit
    Json(int v) : kind(Kind::Number), number(v) {}                       // NOLINT implicit
    Json(std::string s) : kind(Kind::String), text(std::move(s)) {}      // NOLINT implicit
    Json(const char *s) : kind(Kind::String), text(s) {}                 // NOLINT implicit
    static Json array() { Json j; j.kind = Kind::Array; return j; }
    static Json object() { Json j; j.kind = Kind::Object; return j; }

    Json &add(std::string key, Json value) { keys.push_back(std::move(key)); values.push_back(std::move(value)); return *this; }
    Json &push(Json value) { values.push_back(std::move(value)); return *this; }
    bool scalar() const { return kind != Kind::Array && kind != Kind::Object; }
};

void appendString(std::string &out, const std::string &s)
{
    static const char *const kHex = "0123456789abcdef";
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) { out += "\\u00"; out += kHex[u >> 4]; out += kHex[u & 15]; }
            else out += c;   // UTF-8 passes through
        }
    }
    out += '"';
}

void appendNumber(std::string &out, double v)
{
    if (!std::isfinite(v)) { out += "null"; return; }    // JSON has no NaN/inf; optional fields omit them
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);   // shortest round-trip form
    out.append(buffer, result.ptr);
}

void appendJson(std::string &out, const Json &j, int indent);

/// Containers of scalars that fit on one line are written inline ([1, 2], {"species": "LIP", ...}).
bool appendInline(std::string &out, const Json &j)
{
    if (!std::all_of(j.values.begin(), j.values.end(), [](const Json &v) { return v.scalar(); })) return false;
    std::string line = j.kind == Json::Kind::Array ? "[" : "{";
    for (std::size_t i = 0; i < j.values.size(); ++i) {
        if (i) line += ", ";
        if (j.kind == Json::Kind::Object) { appendString(line, j.keys[i]); line += ": "; }
        appendJson(line, j.values[i], 0);
    }
    line += j.kind == Json::Kind::Array ? "]" : "}";
    if (line.size() > 100) return false;
    out += line;
    return true;
}

void appendJson(std::string &out, const Json &j, int indent)
{
    switch (j.kind) {
    case Json::Kind::Null: out += "null"; return;
    case Json::Kind::Bool: out += j.flag ? "true" : "false"; return;
    case Json::Kind::Number: appendNumber(out, j.number); return;
    case Json::Kind::String: appendString(out, j.text); return;
    case Json::Kind::Array:
    case Json::Kind::Object: break;
    }
    if (appendInline(out, j)) return;
    const bool object = j.kind == Json::Kind::Object;
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    out += object ? "{\n" : "[\n";
    for (std::size_t i = 0; i < j.values.size(); ++i) {
        out += pad;
        if (object) { appendString(out, j.keys[i]); out += ": "; }
        appendJson(out, j.values[i], indent + 2);
        out += i + 1 < j.values.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<std::size_t>(indent), ' ') + (object ? "}" : "]");
}

Json strings(const std::vector<std::string> &items)
{
    Json a = Json::array();
    for (const auto &s : items) a.push(s);
    return a;
}

Json numbers(const std::map<std::string, double> &items)
{
    Json o = Json::object();
    for (const auto &[key, value] : items) o.add(key, value);
    return o;
}

template <typename T, typename F>
Json list(const std::vector<T> &items, F convert)
{
    Json a = Json::array();
    for (const auto &item : items) a.push(convert(item));
    return a;
}

void addEvidence(Json &o, const Evidence &e)
{
    if (e.empty() && !e.estimated && e.units.empty() && e.category.empty()) return;
    Json j = Json::object();
    j.add("explanation", e.explanation).add("seedRefs", e.seedRefs).add("figure", e.figure).add("sources", e.sources)
        .add("estimated", e.estimated).add("units", e.units).add("category", e.category);
    o.add("evidence", std::move(j));
}

/// NaN means "not set" in ModelSpec; such fields are left out of the file.
void addIfSet(Json &o, const char *key, double v)
{
    if (!std::isnan(v)) o.add(key, v);
}

Json toJson(const Parameter &p)
{
    Json o = Json::object();
    o.add("id", p.id).add("name", p.name);
    addIfSet(o, "value", p.value);
    o.add("constant", p.constant);
    addEvidence(o, p.evidence);
    return o;
}

Json toJson(const SpeciesReference &r)
{
    Json o = Json::object();
    o.add("species", r.species);
    addIfSet(o, "stoichiometry", r.stoichiometry);
    if (!r.id.empty()) o.add("id", r.id);
    if (!r.constant) o.add("constant", false);
    return o;
}

Json toJson(const Species &s)
{
    Json o = Json::object();
    o.add("id", s.id).add("name", s.name).add("compartment", s.compartment);
    addIfSet(o, "initialAmount", s.initialAmount);
    addIfSet(o, "initialConcentration", s.initialConcentration);
    o.add("hasOnlySubstanceUnits", s.hasOnlySubstanceUnits).add("boundaryCondition", s.boundaryCondition)
        .add("constant", s.constant);
    if (!s.conversionFactor.empty()) o.add("conversionFactor", s.conversionFactor);
    addEvidence(o, s.evidence);
    return o;
}

Json toJson(const Reaction &r)
{
    const auto ref = [](const SpeciesReference &x) { return toJson(x); };
    Json o = Json::object();
    o.add("id", r.id).add("name", r.name).add("reactants", list(r.reactants, ref)).add("products", list(r.products, ref));
    o.add("modifiers", strings(r.modifiers));
    if (r.kineticLaw) o.add("kineticLaw", toFormula(*r.kineticLaw));
    o.add("localParameters", list(r.localParameters, [](const Parameter &x) { return toJson(x); }));
    o.add("reversible", r.reversible);
    if (r.fast) o.add("fast", true);
    addEvidence(o, r.evidence);
    return o;
}

Json toJson(const Event &e)
{
    Json o = Json::object();
    o.add("id", e.id).add("name", e.name).add("trigger", toFormula(e.trigger));
    o.add("initialValue", e.initialValue).add("persistent", e.persistent);
    if (e.delay) o.add("delay", toFormula(*e.delay));
    if (e.priority) o.add("priority", toFormula(*e.priority));
    o.add("useValuesFromTriggerTime", e.useValuesFromTriggerTime);
    o.add("assignments", list(e.assignments, [](const EventAssignment &a) {
        return Json::object().add("variable", a.variable).add("math", toFormula(a.math));
    }));
    return o;
}

const char *ruleKindName(RuleKind kind)
{
    return kind == RuleKind::Rate ? "rate" : kind == RuleKind::Algebraic ? "algebraic" : "assignment";
}

Json toJson(const ModelSpec &m)
{
    Json o = Json::object();
    o.add("id", m.id).add("name", m.name);
    if (!m.conversionFactor.empty()) o.add("conversionFactor", m.conversionFactor);
    o.add("functions", list(m.functions, [](const FunctionDefinition &f) {
        Json j = Json::object();
        j.add("id", f.id).add("name", f.name).add("arguments", strings(f.arguments)).add("body", toFormula(f.body));
        addEvidence(j, f.evidence);
        return j;
    }));
    o.add("compartments", list(m.compartments, [](const Compartment &c) {
        Json j = Json::object();
        j.add("id", c.id).add("name", c.name);
        addIfSet(j, "size", c.size);
        j.add("spatialDimensions", c.spatialDimensions).add("constant", c.constant);
        addEvidence(j, c.evidence);
        return j;
    }));
    o.add("species", list(m.species, [](const Species &s) { return toJson(s); }));
    o.add("parameters", list(m.parameters, [](const Parameter &p) { return toJson(p); }));
    o.add("initialAssignments", list(m.initialAssignments, [](const InitialAssignment &a) {
        return Json::object().add("symbol", a.symbol).add("math", toFormula(a.math));
    }));
    o.add("rules", list(m.rules, [](const Rule &r) {
        Json j = Json::object();
        j.add("kind", ruleKindName(r.kind));
        if (r.kind != RuleKind::Algebraic || !r.variable.empty()) j.add("variable", r.variable);
        return j.add("math", toFormula(r.math));
    }));
    o.add("reactions", list(m.reactions, [](const Reaction &r) { return toJson(r); }));
    o.add("events", list(m.events, [](const Event &e) { return toJson(e); }));
    if (!m.unsupported.empty()) o.add("unsupported", strings(m.unsupported));
    return o;
}

void addCatalogue(Json &o, const Project &p)
{
    o.add("phenotypes", list(p.phenotypes, [](const PhenotypePreset &ph) {
        Json j = Json::object();
        j.add("id", ph.id).add("name", ph.name).add("values", numbers(ph.values));
        addEvidence(j, ph.evidence);
        return j;
    }));
    o.add("genes", list(p.genes, [](const GeneTarget &g) {
        Json j = Json::object();
        j.add("id", g.id).add("name", g.name).add("parameter", g.parameter).add("term", g.term);
        addEvidence(j, g.evidence);
        return j;
    }));
    o.add("inputs", list(p.inputs, [](const InputSpec &i) {
        Json j = Json::object();
        j.add("id", i.id).add("name", i.name).add("parameter", i.parameter).add("unit", i.unit)
            .add("typicalMin", i.typicalMin).add("typicalMax", i.typicalMax).add("typicalDose", i.typicalDose)
            .add("term", i.term);
        addEvidence(j, i.evidence);
        return j;
    }));
    o.add("therapies", list(p.therapies, [](const TherapyPreset &t) {
        Json j = Json::object();
        j.add("id", t.id).add("name", t.name).add("inputs", list(t.inputs, [](const InputDose &d) {
            return Json::object().add("input", d.input).add("value", d.value).add("start", d.start).add("end", d.end);
        }));
        j.add("genes", numbers(t.genes)).add("readTime", t.readTime).add("source", t.source);
        addEvidence(j, t.evidence);
        return j;
    }));
}

}  // namespace

Result<Project> readProjectJson(const std::string &text)
{
    const QByteArray bytes = QByteArray::fromStdString(text);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{lineAndColumn(bytes, parseError.offset), "invalid JSON: " + parseError.errorString().toStdString()};
    if (!doc.isObject()) return Error{"", "a Ferroscope project file must hold a JSON object"};
    const QJsonObject root = doc.object();

    Reader r;
    const std::string format = r.str(root, "format", "project", true);
    if (!r.errors.empty()) return r.errors;
    if (format != kFormatTag)
        return Error{"project", "not a Ferroscope project file (format is '" + format + "', expected '" +
                                    std::string(kFormatTag) + "')"};
    Project project;
    project.formatVersion = r.integer(root, "formatVersion", "project", 0, true);
    if (!r.errors.empty()) return r.errors;
    if (project.formatVersion > kProjectFormatVersion)
        return Error{"project", "this file was written by a newer Ferroscope (format " +
                                    std::to_string(project.formatVersion) + "); this version reads format " +
                                    std::to_string(kProjectFormatVersion) + " and older"};
    if (project.formatVersion < 1)
        return Error{"project", "invalid format version " + std::to_string(project.formatVersion)};

    r.allowOnly(root, {"format", "formatVersion", "title", "modelVersion", "model", "phenotypes", "genes", "inputs",
                       "therapies", "readouts", "defaultPhenotype", "defaultEnd", "defaultSteps", "solver",
                       "preequilibrationHours", "resetAfterPreequilibration", "clampNegativeStates",
                       "diagram", "explorer", "plots"}, "project");
    project.title = r.str(root, "title", "project");
    project.modelVersion = r.str(root, "modelVersion", "project");
    r.model(r.object(root, "model", "project", true), project.model);
    r.catalogue(root, project);
    if (!r.errors.empty()) return r.errors;
    return project;
}

std::string writeProjectJson(const Project &project)
{
    Json o = Json::object();
    o.add("format", std::string(kFormatTag)).add("formatVersion", kProjectFormatVersion);
    o.add("title", project.title).add("modelVersion", project.modelVersion).add("model", toJson(project.model));
    addCatalogue(o, project);
    o.add("readouts", strings(project.readouts)).add("defaultPhenotype", project.defaultPhenotype);
    o.add("defaultEnd", project.defaultEnd).add("defaultSteps", project.defaultSteps);
    o.add("solver", Json::object()
                        .add("relativeTolerance", project.relativeTolerance)
                        .add("defaultAbsoluteTolerance", project.defaultAbsoluteTolerance)
                        .add("absoluteTolerances", numbers(project.absoluteTolerances)));
    o.add("preequilibrationHours", project.preequilibrationHours);
    o.add("resetAfterPreequilibration", numbers(project.resetAfterPreequilibration));
    o.add("clampNegativeStates", project.clampNegativeStates);
    std::string out;
    appendJson(out, o, 0);
    out += '\n';
    return out;
}

Result<bool> writeProjectFile(const Project &project, const std::string &path)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{path, "cannot write the project file: " + file.errorString().toStdString()};
    const std::string text = writeProjectJson(project);
    const auto size = static_cast<qint64>(text.size());
    if (file.write(text.data(), size) != size || !file.commit())
        return Error{path, "cannot write the project file: " + file.errorString().toStdString()};
    return true;
}

Result<Project> readProjectFile(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, "cannot read the project file: " + file.errorString().toStdString()};
    auto result = readProjectJson(file.readAll().toStdString());
    if (result) return result;
    Errors errors = result.errors();
    for (auto &e : errors) e.where = e.where.empty() ? path : path + ", " + e.where;
    return errors;
}

const Project &builtinProject()
{
    // Our own resource: a failure here is a packaging bug, not a user error, so abort loudly.
    static const Project project = [] {
        QFile file(QStringLiteral(":/models/iron_csc.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("Ferroscope: the built-in model resource :/models/iron_csc.json is missing");
        auto result = readProjectJson(file.readAll().toStdString());
        if (!result) qFatal("Ferroscope: the built-in model is invalid: %s", result.errorText().c_str());
        return std::move(result).value();
    }();
    return project;
}

}  // namespace ferroscope::core
