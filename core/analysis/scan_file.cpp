#include "core/analysis/scan_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace ferroscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const char *kFormat = "ferroscope-scan2d";

QString qs(const std::string &s) { return QString::fromStdString(s); }
QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
double fromJson(const QJsonValue &v) { return v.isDouble() ? v.toDouble() : kNaN; }
std::string compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(); }

QJsonObject axisObject(const ScanAxis &a, double reference)
{
    return {{"id", qs(a.id)}, {"kind", qs(a.kindName())}, {"from", a.from}, {"to", a.to},
            {"points", a.points}, {"scale", a.log ? "log" : "lin"}, {"reference", jsonNumber(reference)}};
}

bool axisFrom(const QJsonObject &o, ScanAxis &a, double &reference)
{
    a.id = o["id"].toString().toStdString();
    const QString kind = o["kind"].toString();
    a.kind = kind == "gene" ? AxisKind::Gene : kind == "parameter" ? AxisKind::Parameter : AxisKind::Input;
    a.from = fromJson(o["from"]);
    a.to = fromJson(o["to"]);
    a.points = o["points"].toInt(-1);
    a.log = o["scale"].toString() == "log";
    reference = fromJson(o["reference"]);
    return !a.id.empty() && (kind == "input" || kind == "gene" || kind == "parameter") && std::isfinite(a.from) &&
           std::isfinite(a.to) && a.points >= 1 && a.points <= 100000;
}

bool readoutFrom(const QJsonObject &o, ReadoutSpec &r)
{
    r.id = o["id"].toString().toStdString();
    const std::string mode = o["mode"].toString().toStdString();
    auto number = [&](std::size_t from, double &out) {
        const std::string t = mode.substr(from);
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
        return ec == std::errc() && ptr == t.data() + t.size();
    };
    if (mode == "mean") r.mode = ReadoutMode::Mean;
    else if (mode == "auc") r.mode = ReadoutMode::Auc;
    else if (mode.rfind("at:", 0) == 0) { r.mode = ReadoutMode::At; return !r.id.empty() && number(3, r.time); }
    else if (mode.rfind("threshold:", 0) == 0) { r.mode = ReadoutMode::Threshold; return !r.id.empty() && number(10, r.threshold); }
    else return false;
    return !r.id.empty();
}

QJsonObject gridObject(const ScanGrid &g)
{
    const QJsonObject scenario = QJsonDocument::fromJson(QByteArray::fromStdString(g.scenario)).object();
    return {{"x", axisObject(g.spec.x, g.xReference)},
            {"y", axisObject(g.spec.y, g.yReference)},
            {"readout", QJsonObject{{"id", qs(g.spec.readout.id)}, {"mode", qs(g.spec.readout.modeText())}}},
            {"synergy", qs(synergyName(g.spec.synergy))},
            {"effect", qs(effectScaleName(g.spec.effect))},
            {"model", qs(g.model)},
            {"scenario", scenario}};
}

Result<ScanGrid> gridFrom(const QJsonObject &o, const std::string &name)
{
    ScanGrid g;
    if (!axisFrom(o["x"].toObject(), g.spec.x, g.xReference) || !axisFrom(o["y"].toObject(), g.spec.y, g.yReference) ||
        !readoutFrom(o["readout"].toObject(), g.spec.readout) ||
        !parseSynergyMethod(o["synergy"].toString().toStdString(), g.spec.synergy) ||
        !parseEffectScale(o["effect"].toString().toStdString(), g.spec.effect) || !o["scenario"].isObject())
        return Error{name, "the grid definition is incomplete or malformed"};
    g.model = o["model"].toString().toStdString();
    g.scenario = compact(o["scenario"].toObject());
    g.xs = g.spec.x.values();
    g.ys = g.spec.y.values();
    return g;
}

QJsonArray numbers(const std::vector<double> &v, std::size_t from = 0, std::size_t count = std::size_t(-1))
{
    QJsonArray a;
    for (std::size_t k = from; k < v.size() && k - from < count; ++k) a.append(jsonNumber(v[k]));
    return a;
}

QJsonArray rows(const std::vector<double> &v, std::size_t nx, std::size_t ny)
{
    QJsonArray a;
    for (std::size_t j = 0; j < ny; ++j) a.append(numbers(v, j * nx, nx));
    return a;
}

QJsonObject fitObject(const HillFit &f)
{
    const char *status = f.status == HillFit::Status::Hill ? "hill" : f.status == HillFit::Status::Inactive ? "inactive" : "invalid";
    return {{"status", status}, {"emax", jsonNumber(f.emax)}, {"ec50", jsonNumber(f.ec50)}, {"hill", jsonNumber(f.hill)},
            {"rms", jsonNumber(f.rmsResidual)}, {"note", qs(f.note)}};
}

std::string fitLine(const std::string &axis, const HillFit &f)
{
    if (f.status == HillFit::Status::Inactive) return "# loewe single agent " + axis + ": inactive (no effect)\n";
    if (f.status == HillFit::Status::Invalid) return "# loewe single agent " + axis + ": undefined (" + f.note + ")\n";
    return "# loewe single agent " + axis + ": Hill emax=" + formatShortest(f.emax) + " ec50=" + formatShortest(f.ec50) +
           " n=" + formatShortest(f.hill) + " rms=" + formatShortest(f.rmsResidual) + "\n";
}

bool parseCell(const std::string &t, double &out)
{
    if (t == "NaN") { out = kNaN; return true; }
    if (t == "INF" || t == "-INF") { out = t[0] == '-' ? -HUGE_VAL : HUGE_VAL; return true; }
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
    return ec == std::errc() && ptr == t.data() + t.size();
}

Result<Scan2DResult> parseCsv(const std::string &text, const std::string &name)
{
    Scan2DResult s;
    bool haveGrid = false, haveHeader = false;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::string where = name + " line " + std::to_string(lineNo);
        if (line[0] == '#') {
            if (line.rfind("# grid ", 0) == 0) {
                const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(line.substr(7)));
                auto g = gridFrom(doc.object(), where);
                if (!g) return g.errors();
                s.grid = std::move(*g);
                haveGrid = true;
                s.values.assign(s.grid.pointCount(), kNaN);
                s.present.assign(s.grid.pointCount(), 0);
            } else if (line.rfind("# shard ", 0) == 0) {
                auto sh = parseShard(line.substr(8));
                if (!sh) return Error{where, sh.errorText()};
                s.shard = *sh;
            } else if (line.rfind("# summary ", 0) == 0 && haveGrid) {
                s.grid.summary = line.substr(10);
            }
            continue;
        }
        if (!haveGrid) return Error{name, "not a Ferroscope scan file (no '# grid' header line)"};
        if (!haveHeader) {
            if (line.rfind("i,j,", 0) != 0) return Error{where, "expected the column header i,j,..."};
            haveHeader = true;
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream ls(line);
        std::string cell;
        while (std::getline(ls, cell, ',')) cells.push_back(cell);
        double i = 0, j = 0, x = 0, y = 0, v = 0;
        if (cells.size() < 5 || !parseCell(cells[0], i) || !parseCell(cells[1], j) || !parseCell(cells[2], x) ||
            !parseCell(cells[3], y) || !parseCell(cells[4], v))
            return Error{where, "malformed row"};
        const ScanGrid &g = s.grid;
        if (i != std::floor(i) || j != std::floor(j) || i < -1 || j < -1 || i >= double(g.nx()) || j >= double(g.ny()))
            return Error{where, "point (" + cells[0] + ", " + cells[1] + ") is outside the grid"};
        if (x != g.xAt(int(i)) || y != g.yAt(int(j)))
            return Error{where, "the doses of point (" + cells[0] + ", " + cells[1] + ") do not match the grid definition"};
        const std::size_t k = g.pointIndex(int(i), int(j));
        if (s.present[k]) return Error{where, "point (" + cells[0] + ", " + cells[1] + ") appears twice"};
        s.present[k] = 1;
        s.values[k] = v;
    }
    if (!haveGrid) return Error{name, "not a Ferroscope scan file (no '# grid' header line)"};
    return s;
}

Result<Scan2DResult> parseJson(const std::string &text, const std::string &name)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (doc.isNull()) return Error{name, "invalid JSON: " + error.errorString().toStdString()};
    const QJsonObject root = doc.object();
    if (root["format"].toString() != kFormat) return Error{name, "not a Ferroscope scan file (format is not ferroscope-scan2d)"};
    if (root["version"].toInt() != 1) return Error{name, "unsupported scan file version"};
    Scan2DResult s;
    auto g = gridFrom(root["grid"].toObject(), name);
    if (!g) return g.errors();
    s.grid = std::move(*g);
    auto sh = parseShard(root["shard"].toString().toStdString());
    if (!sh) return Error{name, sh.errorText()};
    s.shard = *sh;
    s.grid.summary = root["summary"].toString().toStdString();
    s.values.assign(s.grid.pointCount(), kNaN);
    s.present.assign(s.grid.pointCount(), 0);
    for (const QJsonValue &p : root["points"].toArray()) {
        const QJsonArray a = p.toArray();
        const double k = a.size() == 2 ? a[0].toDouble(-1) : -1;
        if (k < 0 || k != std::floor(k) || k >= double(s.grid.pointCount()))
            return Error{name, "a point index is missing or outside the grid"};
        if (s.present[std::size_t(k)]) return Error{name, "point " + std::to_string(std::size_t(k)) + " appears twice"};
        s.present[std::size_t(k)] = 1;
        s.values[std::size_t(k)] = fromJson(a[1]);
    }
    return s;
}

}  // namespace

std::string formatShortest(double v)
{
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, ptr) : std::to_string(v);
}

std::string scenarioDescription(const Scenario &sc, const Project &project)
{
    QJsonObject genes, parameters;
    for (const auto &[id, v] : sc.genes) genes[qs(id)] = v;
    for (const auto &[id, v] : sc.parameters) parameters[qs(id)] = v;
    QJsonArray inputs;
    for (const auto &d : sc.inputs)
        inputs.append(QJsonObject{{"input", qs(d.input)}, {"value", d.value}, {"start", d.start}, {"end", d.end}});
    return compact({{"phenotype", qs(sc.phenotype.empty() ? project.defaultPhenotype : sc.phenotype)},
                    {"therapy", qs(sc.therapy)}, {"genes", genes}, {"inputs", inputs}, {"parameters", parameters},
                    {"preequilibrate", sc.preequilibrate}, {"start", sc.start}, {"end", sc.end}, {"steps", sc.steps}});
}

std::string gridDefinition(const ScanGrid &grid) { return compact(gridObject(grid)); }

std::string scanToCsv(const Scan2DResult &scan)
{
    const ScanGrid &g = scan.grid;
    const bool synergy = scan.complete() && g.spec.synergy != SynergyMethod::None;
    const SynergyMap map = synergy ? scan.synergy() : SynergyMap{};
    const std::string method = synergyName(g.spec.synergy);
    std::string out = "# " + std::string(kFormat) + " 1\n# grid " + gridDefinition(g) + "\n# shard " +
                      scan.shard.text() + "\n# summary " + g.summary + "\n# readout " + g.spec.readout.description() + "\n";
    if (synergy && map.bestX >= 0)
        out += "# best " + method + ": " + g.spec.x.id + "=" + formatShortest(g.xs[std::size_t(map.bestX)]) + " " +
               g.spec.y.id + "=" + formatShortest(g.ys[std::size_t(map.bestY)]) + " score=" + formatShortest(map.bestScore) +
               " (i=" + std::to_string(map.bestX) + ", j=" + std::to_string(map.bestY) + ")\n";
    if (synergy && g.spec.synergy == SynergyMethod::Loewe)
        out += fitLine(g.spec.x.id, map.fitX) + fitLine(g.spec.y.id, map.fitY);
    out += "i,j," + g.spec.x.id + "," + g.spec.y.id + "," + g.spec.readout.id;
    if (synergy) out += ",effect,expected," + method;
    out += "\n";
    const std::size_t cells = g.nx() * g.ny();
    for (std::size_t k = 0; k < g.pointCount(); ++k) {
        if (!scan.present[k]) continue;
        const auto [i, j] = g.cell(k);
        out += std::to_string(i) + "," + std::to_string(j) + "," + formatShortest(g.xAt(i)) + "," +
               formatShortest(g.yAt(j)) + "," + formatShortest(scan.values[k]);
        if (synergy) {
            const double effect = k < cells ? map.effect[k] : i >= 0 ? map.effectX[std::size_t(i)]
                                                          : j >= 0 ? map.effectY[std::size_t(j)] : 0.0;
            out += "," + formatShortest(effect) + "," + formatShortest(k < cells ? map.expected[k] : kNaN) + "," +
                   formatShortest(k < cells ? map.score[k] : kNaN);
        }
        out += "\n";
    }
    return out;
}

std::string scanToJson(const Scan2DResult &scan)
{
    const ScanGrid &g = scan.grid;
    QJsonArray points;
    for (std::size_t k = 0; k < g.pointCount(); ++k)
        if (scan.present[k]) points.append(QJsonArray{double(k), jsonNumber(scan.values[k])});
    QJsonObject root{{"format", kFormat}, {"version", 1}, {"grid", gridObject(g)}, {"shard", qs(scan.shard.text())},
                     {"summary", qs(g.summary)}, {"readout", qs(g.spec.readout.description())}, {"points", points}};
    if (scan.complete()) {
        const std::size_t nx = g.nx(), ny = g.ny(), cells = nx * ny;
        root["x"] = numbers(g.xs);
        root["y"] = numbers(g.ys);
        root["control"] = jsonNumber(scan.values[cells]);
        root["along_x"] = numbers(scan.values, cells + 1, nx);
        root["along_y"] = numbers(scan.values, cells + 1 + nx, ny);
        root["surface"] = rows(scan.values, nx, ny);
        if (g.spec.synergy != SynergyMethod::None) {
            const SynergyMap m = scan.synergy();
            QJsonObject s{{"method", qs(synergyName(m.method))}, {"effect_scale", qs(effectScaleName(m.scale))},
                          {"effect", rows(m.effect, nx, ny)}, {"expected", rows(m.expected, nx, ny)},
                          {"score", rows(m.score, nx, ny)}, {"effect_x", numbers(m.effectX)}, {"effect_y", numbers(m.effectY)}};
            s["best"] = m.bestX < 0 ? QJsonValue(QJsonValue::Null)
                                    : QJsonValue(QJsonObject{{"i", m.bestX}, {"j", m.bestY},
                                                             {"x", g.xs[std::size_t(m.bestX)]}, {"y", g.ys[std::size_t(m.bestY)]},
                                                             {"score", jsonNumber(m.bestScore)}});
            if (m.method == SynergyMethod::Loewe) {
                s["fit_x"] = fitObject(m.fitX);
                s["fit_y"] = fitObject(m.fitY);
            }
            root["synergy"] = s;
        }
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString() + "\n";
}

Result<Scan2DResult> parseScan(const std::string &text, const std::string &name)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return Error{name, "the file is empty"};
    return text[first] == '{' ? parseJson(text, name) : parseCsv(text, name);
}

Result<Scan2DResult> readScanFile(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f) return Error{path, "cannot read this file"};
    std::stringstream buffer;
    buffer << f.rdbuf();
    return parseScan(buffer.str(), path);
}

Result<Scan2DResult> mergeScans(const std::vector<Scan2DResult> &shards, const std::vector<std::string> &names)
{
    if (shards.empty()) return Error{"merge", "no shard files given"};
    auto nameOf = [&](std::size_t s) { return s < names.size() ? names[s] : "shard file " + std::to_string(s + 1); };
    const Scan2DResult &first = shards.front();
    const std::string definition = gridDefinition(first.grid);
    const int count = first.shard.count;
    std::vector<std::string> owner(std::size_t(count) + 1);
    for (std::size_t s = 0; s < shards.size(); ++s) {
        const Scan2DResult &sh = shards[s];
        if (gridDefinition(sh.grid) != definition) {
            const ScanGrid &a = first.grid, &b = sh.grid;
            std::string what = a.spec.x.text() != b.spec.x.text() || a.xReference != b.xReference ? "x axis"
                             : a.spec.y.text() != b.spec.y.text() || a.yReference != b.yReference ? "y axis"
                             : a.spec.readout.modeText() != b.spec.readout.modeText() || a.spec.readout.id != b.spec.readout.id ? "readout"
                             : a.scenario != b.scenario ? "scenario"
                             : a.model != b.model ? "model or tolerances" : "synergy settings";
            return Error{nameOf(s), "describes a different grid than " + nameOf(0) + " (" + what + " differs)"};
        }
        if (sh.shard.count != count || sh.shard.blocks != first.shard.blocks)
            return Error{nameOf(s), "is shard " + sh.shard.text() + " but " + nameOf(0) + " is shard " + first.shard.text() +
                                        " (different splits cannot be merged)"};
        std::string &o = owner[std::size_t(sh.shard.index)];
        if (!o.empty()) return Error{nameOf(s), "shard " + sh.shard.text() + " is given twice (also " + o + ")"};
        o = nameOf(s);
    }
    std::string missing;
    for (int i = 1; i <= count; ++i)
        if (owner[std::size_t(i)].empty()) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
    if (!missing.empty()) return Error{"merge", "shard(s) " + missing + " of " + std::to_string(count) + " missing"};

    Scan2DResult out;
    out.grid = first.grid;
    const std::size_t total = out.grid.pointCount();
    out.values.assign(total, kNaN);
    out.present.assign(total, 0);
    for (std::size_t s = 0; s < shards.size(); ++s) {
        const Scan2DResult &sh = shards[s];
        for (std::size_t k = 0; k < total; ++k) {
            const bool expected = sh.shard.contains(k, total);
            if (bool(sh.present[k]) != expected) {
                const auto [i, j] = out.grid.cell(k);
                const std::string point = "point (" + std::to_string(i) + ", " + std::to_string(j) + ")";
                return Error{nameOf(s), expected ? point + " of shard " + sh.shard.text() + " is missing (truncated file?)"
                                                 : point + " does not belong to shard " + sh.shard.text()};
            }
            if (expected) {
                out.values[k] = sh.values[k];
                out.present[k] = 1;
                if (std::isnan(sh.values[k])) ++out.outcome.failed;
            }
        }
        out.grid.summary = sh.grid.summary.empty() ? out.grid.summary : sh.grid.summary;
    }
    out.outcome.total = out.outcome.done = total;
    return out;
}

}  // namespace ferroscope::core
