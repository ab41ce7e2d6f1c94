#include "core/scenario/scenario_document.h"

#include <cmath>

namespace ferroscope::core {

namespace {
constexpr double kKnockDown = 0.2;
constexpr double kOverexpressed = 3.0;

QString number(double v) { return QString::number(v, 'g', 4); }
}  // namespace

ScenarioDocument::ScenarioDocument(const Project &project, QObject *parent)
    : QObject(parent), m_project(project)
{
    m_phenotype = QString::fromStdString(project.defaultPhenotype);
    m_end = project.defaultEnd;
    resetInputsToDefaults();
}

void ScenarioDocument::resetInputsToDefaults()
{
    for (const auto &in : m_project.inputs) {
        InputSetting off;
        off.dose = in.typicalDose;
        m_inputs[QString::fromStdString(in.id)] = off;
    }
}

void ScenarioDocument::changed() { emit scenarioChanged(); }

void ScenarioDocument::setPhenotype(const QString &id)
{
    if (id == m_phenotype || !m_project.findPhenotype(id.toStdString())) return;
    m_phenotype = id;
    emit phenotypeChanged(id);
    changed();
}

double ScenarioDocument::gene(const QString &id) const
{
    auto it = m_genes.find(id);
    return it == m_genes.end() ? 1.0 : it->second;
}

void ScenarioDocument::setGene(const QString &id, double multiplier)
{
    if (!m_project.findGene(id.toStdString()) || !(multiplier >= 0) || std::isinf(multiplier)) return;
    if (gene(id) == multiplier) return;
    if (multiplier == 1.0) m_genes.erase(id);
    else m_genes[id] = multiplier;
    emit geneChanged(id, multiplier);
    changed();
}

GeneState ScenarioDocument::geneState(double x)
{
    if (x == 1.0) return GeneState::Normal;
    if (x == kKnockDown) return GeneState::KnockDown;
    if (x == 0.0) return GeneState::Knockout;
    if (x == kOverexpressed) return GeneState::Overexpressed;
    return GeneState::Custom;
}

double ScenarioDocument::multiplierFor(GeneState state)
{
    switch (state) {
    case GeneState::KnockDown: return kKnockDown;
    case GeneState::Knockout: return 0.0;
    case GeneState::Overexpressed: return kOverexpressed;
    default: return 1.0;
    }
}

void ScenarioDocument::cycleGene(const QString &id)
{
    switch (geneState(gene(id))) {
    case GeneState::Normal: setGene(id, kKnockDown); break;
    case GeneState::KnockDown: setGene(id, 0.0); break;
    case GeneState::Knockout: setGene(id, kOverexpressed); break;
    default: setGene(id, 1.0); break;
    }
}

InputSetting ScenarioDocument::input(const QString &id) const
{
    auto it = m_inputs.find(id);
    return it == m_inputs.end() ? InputSetting{} : it->second;
}

void ScenarioDocument::setInput(const QString &id, const InputSetting &s)
{
    auto it = m_inputs.find(id);
    if (it == m_inputs.end()) return;
    if (!(s.dose >= 0) || std::isinf(s.dose) || !(s.start >= 0) || (s.end >= 0 && s.end < s.start)) return;
    const InputSetting &old = it->second;
    if (old.enabled == s.enabled && old.dose == s.dose && old.start == s.start && old.end == s.end) return;
    const bool affectsRun = s.enabled || old.enabled;
    it->second = s;
    emit inputChanged(id);
    if (affectsRun) changed();
}

void ScenarioDocument::setInputEnabled(const QString &id, bool enabled)
{
    InputSetting s = input(id);
    s.enabled = enabled;
    setInput(id, s);
}

void ScenarioDocument::setInputDose(const QString &id, double dose)
{
    InputSetting s = input(id);
    s.dose = dose;
    setInput(id, s);
}

void ScenarioDocument::resetInterventions()
{
    const bool any = !m_genes.empty() || std::any_of(m_inputs.begin(), m_inputs.end(),
                                                     [](const auto &kv) { return kv.second.enabled; });
    const auto genes = m_genes;
    m_genes.clear();
    for (const auto &[id, x] : genes) emit geneChanged(id, 1.0);
    for (auto &[id, s] : m_inputs) {
        if (!s.enabled) continue;
        s.enabled = false;
        emit inputChanged(id);
    }
    if (any) changed();
}

void ScenarioDocument::applyTherapy(const QString &presetId)
{
    const TherapyPreset *t = m_project.findTherapy(presetId.toStdString());
    if (!t) return;
    const QSignalBlocker block(this);   // one scenarioChanged at the end
    resetInterventions();
    for (const auto &dose : t->inputs) {
        InputSetting s;
        s.enabled = true;
        s.dose = dose.value;
        s.start = dose.start;
        s.end = dose.end;
        m_inputs[QString::fromStdString(dose.input)] = s;
    }
    for (const auto &[g, x] : t->genes)
        if (x != 1.0) m_genes[QString::fromStdString(g)] = x;
    if (t->readTime > m_end) m_end = t->readTime;
    blockSignals(false);
    for (const auto &in : m_project.inputs) emit inputChanged(QString::fromStdString(in.id));
    for (const auto &g : m_project.genes) emit geneChanged(QString::fromStdString(g.id), gene(QString::fromStdString(g.id)));
    changed();
}

void ScenarioDocument::setEndTime(double hours)
{
    if (!(hours > 0) || std::isinf(hours) || hours == m_end) return;
    m_end = hours;
    changed();
}

void ScenarioDocument::setCompare(bool on)
{
    if (on == m_compare) return;
    m_compare = on;
    emit compareChanged(on);
    changed();
}

Scenario ScenarioDocument::scenario(const QString &phenotypeOverride) const
{
    Scenario sc;
    sc.phenotype = (phenotypeOverride.isEmpty() ? m_phenotype : phenotypeOverride).toStdString();
    for (const auto &[id, x] : m_genes) sc.genes[id.toStdString()] = x;
    for (const auto &[id, s] : m_inputs) {
        if (!s.enabled) continue;
        sc.inputs.push_back(InputDose{id.toStdString(), s.dose, s.start, s.end});
    }
    sc.end = m_end;
    sc.steps = int(std::lround(m_end * 10));   // 0.1 h resolution (721 points for 72 h)
    return sc;
}

QString ScenarioDocument::summary() const
{
    QStringList parts;
    if (m_compare) parts << QStringLiteral("non-CSC vs CSC");
    else if (const PhenotypePreset *p = m_project.findPhenotype(m_phenotype.toStdString()))
        parts << QString::fromStdString(p->name.empty() ? p->id : p->name);
    for (const auto &[id, x] : m_genes) {
        const GeneTarget *g = m_project.findGene(id.toStdString());
        const QString name = g ? QString::fromStdString(g->name) : id;
        switch (geneState(x)) {
        case GeneState::KnockDown: parts << name + " knock-down (×" + number(x) + ")"; break;
        case GeneState::Knockout: parts << name + " knockout"; break;
        default: parts << name + " ×" + number(x); break;
        }
    }
    for (const auto &[id, s] : m_inputs) {
        if (!s.enabled) continue;
        const InputSpec *in = m_project.findInput(id.toStdString());
        QString text = (in ? QString::fromStdString(in->name) : id) + " " + number(s.dose) + " " +
                       (in ? QString::fromStdString(in->unit) : QString());
        if (s.start > 0 || s.end >= 0)
            text += " (" + number(s.start) + "–" + (s.end >= 0 ? number(s.end) : number(m_end)) + " h)";
        parts << text.trimmed();
    }
    if (parts.size() == 1) parts << QStringLiteral("no intervention");
    parts << QStringLiteral("0–%1 h").arg(number(m_end));
    return parts.join(QStringLiteral("; "));
}

void ScenarioDocument::pinSnapshot(const QString &name)
{
    Snapshot s;
    s.name = name.isEmpty() ? QStringLiteral("Snapshot %1").arg(m_snapshots.size() + 1) : name;
    s.scenario = scenario();
    s.compare = m_compare;
    m_snapshots.push_back(s);
    m_baseline = int(m_snapshots.size()) - 1;
    emit snapshotsChanged();
}

void ScenarioDocument::removeSnapshot(int index)
{
    if (index < 0 || index >= int(m_snapshots.size())) return;
    m_snapshots.erase(m_snapshots.begin() + index);
    if (m_baseline == index) m_baseline = -1;
    else if (m_baseline > index) --m_baseline;
    emit snapshotsChanged();
}

void ScenarioDocument::setActiveBaseline(int index)
{
    if (index < -1 || index >= int(m_snapshots.size()) || index == m_baseline) return;
    m_baseline = index;
    emit snapshotsChanged();
}

}  // namespace ferroscope::core
