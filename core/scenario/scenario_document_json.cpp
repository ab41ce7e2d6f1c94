// ScenarioDocument <-> the "explorer" section of a document file (interventions and snapshots).
#include "core/scenario/scenario_document.h"

#include <QJsonArray>

#include <cmath>

namespace ferroscope::core {

namespace {

QJsonObject numbers(const std::map<std::string, double> &values)
{
    QJsonObject o;
    for (const auto &[k, v] : values) o.insert(QString::fromStdString(k), v);
    return o;
}

std::map<std::string, double> numbers(const QJsonObject &o)
{
    std::map<std::string, double> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.value().isDouble() && std::isfinite(it.value().toDouble())) out[it.key().toStdString()] = it.value().toDouble();
    return out;
}

QJsonObject scenarioJson(const Scenario &sc)
{
    QJsonArray inputs;
    for (const auto &d : sc.inputs)
        inputs.append(QJsonObject{{"input", QString::fromStdString(d.input)}, {"value", d.value}, {"start", d.start},
                                  {"end", d.end}});
    return QJsonObject{{"phenotype", QString::fromStdString(sc.phenotype)}, {"therapy", QString::fromStdString(sc.therapy)},
                       {"genes", numbers(sc.genes)}, {"inputs", inputs}, {"parameters", numbers(sc.parameters)},
                       {"preequilibrate", sc.preequilibrate}, {"start", sc.start}, {"end", sc.end}, {"steps", sc.steps}};
}

Scenario scenarioFrom(const QJsonObject &o)
{
    Scenario sc;
    sc.phenotype = o.value("phenotype").toString().toStdString();
    sc.therapy = o.value("therapy").toString().toStdString();
    sc.genes = numbers(o.value("genes").toObject());
    for (const QJsonValue &v : o.value("inputs").toArray()) {
        const QJsonObject d = v.toObject();
        sc.inputs.push_back(InputDose{d.value("input").toString().toStdString(), d.value("value").toDouble(),
                                      d.value("start").toDouble(), d.value("end").toDouble(-1)});
    }
    sc.parameters = numbers(o.value("parameters").toObject());
    sc.preequilibrate = o.value("preequilibrate").toBool(true);
    sc.start = o.value("start").toDouble(0);
    sc.end = o.value("end").toDouble(-1);
    sc.steps = o.value("steps").toInt(-1);
    return sc;
}

}  // namespace

QJsonObject ScenarioDocument::toJson() const
{
    QJsonObject genes, inputs;
    for (const auto &[id, x] : m_genes) genes.insert(id, x);
    for (const auto &[id, s] : m_inputs)
        inputs.insert(id, QJsonObject{{"enabled", s.enabled}, {"dose", s.dose}, {"start", s.start}, {"end", s.end}});
    QJsonArray snapshots;
    for (const auto &s : m_snapshots)
        snapshots.append(QJsonObject{{"name", s.name}, {"compare", s.compare}, {"scenario", scenarioJson(s.scenario)}});
    return QJsonObject{{"phenotype", m_phenotype}, {"genes", genes}, {"inputs", inputs}, {"endHours", m_end},
                       {"compare", m_compare}, {"snapshots", snapshots}, {"activeBaseline", m_baseline}};
}

QStringList ScenarioDocument::restore(const QJsonObject &json)
{
    QStringList notes;
    blockSignals(true);
    const QString phenotype = json.value("phenotype").toString(m_phenotype);
    if (phenotype.isEmpty() || m_project.findPhenotype(phenotype.toStdString())) m_phenotype = phenotype;
    else notes << tr("unknown phenotype '%1' ignored").arg(phenotype);
    m_genes.clear();   // the saved state is complete: a gene not listed is normal
    const QJsonObject genes = json.value("genes").toObject();
    for (auto it = genes.begin(); it != genes.end(); ++it) {
        const double x = it.value().toDouble(-1);
        if (!m_project.findGene(it.key().toStdString()) || !(x >= 0) || std::isinf(x))
            notes << tr("gene setting '%1' ignored").arg(it.key());
        else if (x == 1.0) m_genes.erase(it.key());
        else m_genes[it.key()] = x;
    }
    resetInputsToDefaults();   // an input not listed is off at its typical dose
    const QJsonObject inputs = json.value("inputs").toObject();
    for (auto it = inputs.begin(); it != inputs.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        const double dose = o.value("dose").toDouble(-1);
        if (!m_project.findInput(it.key().toStdString()) || !(dose >= 0) || std::isinf(dose)) {
            notes << tr("input setting '%1' ignored").arg(it.key());
            continue;
        }
        m_inputs[it.key()] = InputSetting{o.value("enabled").toBool(), dose, std::max(0.0, o.value("start").toDouble()),
                                          o.value("end").toDouble(-1)};
    }
    const double end = json.value("endHours").toDouble(m_end);
    if (end > 0 && std::isfinite(end)) m_end = end;
    m_compare = json.value("compare").toBool(m_compare) && !m_project.phenotypes.empty();
    m_snapshots.clear();
    for (const QJsonValue &v : json.value("snapshots").toArray()) {
        const QJsonObject o = v.toObject();
        m_snapshots.push_back(Snapshot{o.value("name").toString(), scenarioFrom(o.value("scenario").toObject()),
                                       o.value("compare").toBool()});
    }
    const int baseline = json.value("activeBaseline").toInt(-1);
    m_baseline = baseline >= 0 && baseline < int(m_snapshots.size()) ? baseline : -1;
    blockSignals(false);
    emit phenotypeChanged(m_phenotype);
    emit compareChanged(m_compare);
    for (const auto &in : m_project.inputs) emit inputChanged(QString::fromStdString(in.id));
    for (const auto &g : m_project.genes) emit geneChanged(QString::fromStdString(g.id), gene(QString::fromStdString(g.id)));
    emit snapshotsChanged();
    changed();
    return notes;
}

}  // namespace ferroscope::core
