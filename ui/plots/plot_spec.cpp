#include "ui/plots/plot_spec.h"

#include <cmath>
#include <set>

namespace ferroscope::ui {
namespace {

struct Friendly {
    const char *id, *name, *shortName;
};

// Names a student recognises from the seed review's Fig. 1/Fig. 2 (MODEL.md §2, §7).
constexpr Friendly kFriendly[] = {
    {"LIP", "LIP (labile Fe²⁺)", "LIP"},
    {"FtFe", "Ferritin-bound Fe", "FtFe"},
    {"Fe_lys", "Lysosomal Fe", "Fe_lys"},
    {"Fe_mito", "Mitochondrial Fe", "Fe_mito"},
    {"FeR", "Redox-active Fe (FeR)", "FeR"},
    {"Fe3_endo", "Endosomal Fe³⁺", "Fe³⁺ endo"},
    {"Fe2_endo", "Endosomal Fe²⁺", "Fe²⁺ endo"},
    {"Total_iron", "Total tracked Fe", "Total Fe"},
    {"TfR1", "TfR1 (transferrin receptor)", "TfR1"},
    {"FPN", "FPN (ferroportin)", "FPN"},
    {"FT", "Ferritin shells (FT)", "FT"},
    {"IRPn", "IRP activity (1 = normal)", "IRP"},
    {"IRP1", "IRP1 (active)", "IRP1"},
    {"IRP2", "IRP2", "IRP2"},
    {"LOOH", "Lipid peroxides (LOOH)", "LOOH"},
    {"ROS", "ROS (H₂O₂-equiv.)", "ROS"},
    {"GSH", "Glutathione (GSH)", "GSH"},
    {"Cys", "Cysteine", "Cys"},
    {"xCT", "xCT (System Xc⁻)", "xCT"},
    {"CD44v", "CD44 variant", "CD44v"},
    {"CD44", "CD44", "CD44"},
    {"CD133", "CD133 (prominin-1)", "CD133"},
    {"NRF2", "NRF2 (nuclear)", "NRF2"},
    {"GPX4", "GPX4 enzyme", "GPX4"},
    {"GPX4_activity", "Active GPX4 (GSH-saturated)", "GPX4 act."},
    {"Ferroptosis_index", "Ferroptosis index", "Index"},
    {"Viability", "Viability (total)", "Viability"},
    {"V", "Ferroptosis survival (V)", "V"},
    {"PDT_survival", "PDT survival", "PDT surv."},
    {"PDT", "Photodynamic dose", "PDT dose"},
    {"PpIX", "PpIX (fluorescence ∝)", "PpIX"},
    {"Heme", "Free heme", "Heme"},
    {"HO1", "HO-1 (heme oxygenase)", "HO-1"},
    {"ABCG2", "ABCG2 (PpIX efflux)", "ABCG2"},
    {"ALA", "5-ALA", "ALA"},
    {"ALAS1", "ALAS1", "ALAS1"},
    {"Epi", "Epigenetic demethylases", "Epi"},
    {"Stem", "Stemness score", "Stem"},
    {"HIF1a", "HIF-1α", "HIF-1α"},
};

const Friendly *friendly(const QString &id)
{
    for (const Friendly &f : kFriendly)
        if (id == QLatin1String(f.id)) return &f;
    return nullptr;
}

const core::Evidence *evidenceOf(const core::Project &project, const std::string &id)
{
    for (const auto &s : project.model.species)
        if (s.id == id) return &s.evidence;
    for (const auto &p : project.model.parameters)
        if (p.id == id) return &p.evidence;
    for (const auto &c : project.model.compartments)
        if (c.id == id) return &c.evidence;
    return nullptr;
}

bool known(const core::Project &project, const QString &id)
{
    return evidenceOf(project, id.toStdString()) != nullptr;
}

SeriesSpec seriesFor(const core::Project &project, const QString &id)
{
    const Friendly *f = friendly(id);
    return {id, displayName(project, id), f ? QString::fromUtf8(f->shortName) : id, unitOf(project, id)};
}

struct DefaultPanel {
    const char *title, *yLabel, *yUnit;
    std::vector<const char *> ids;
    bool logY;
    double yMin, yMax;
    bool fraction;
};

// MODEL.md §7. Log axes where a panel's series span decades (FtFe ~10–50 µM vs Fe_lys ~0.4 µM;
// GSH ~3000 µM vs NRF2 0.02 µM; LOOH rises 100-fold in ferroptosis). Fractions use fixed 0–1.
std::vector<DefaultPanel> defaultTable()
{
    constexpr double A = PanelSpec::kAuto;
    return {
        {"Iron pools", "iron (µM Fe)", "µM Fe", {"LIP", "FtFe", "Fe_lys", "Fe_mito", "FeR"}, true, A, A, false},
        {"Iron proteins", "µM (IRP: ×normal)", "µM; IRP rel.", {"TfR1", "FPN", "FT", "IRPn"}, true, A, A, false},
        {"Lipid peroxidation", "concentration (µM)", "µM", {"LOOH", "ROS"}, true, A, A, false},
        {"Antioxidants", "concentration (µM)", "µM", {"GSH", "xCT", "NRF2"}, true, A, A, false},
        {"GPX4 activity", "active enzyme (µM)", "µM", {"GPX4_activity"}, false, 0, A, false},
        {"Ferroptosis index", "index (0–1)", "index 0–1", {"Ferroptosis_index"}, false, 0, 1.05, true},
        {"Viability", "fraction (0–1)", "fraction", {"Viability", "V", "PDT_survival"}, false, 0, 1.05, true},
        {"PDD", "PpIX (µM)", "µM", {"PpIX"}, false, 0, A, false},
        {"Heme pathway", "concentration (µM)", "µM", {"Heme", "HO1", "ABCG2", "ALA"}, true, A, A, false},
        {"Stemness", "score (HIF-1α: µM)", "score; µM", {"Epi", "Stem", "HIF1a"}, true, A, A, false},
    };
}

}  // namespace

QStringList PanelSpec::ids() const
{
    QStringList out;
    for (const SeriesSpec &s : series) out << s.id;
    return out;
}

bool PanelSpec::operator==(const PanelSpec &o) const
{
    auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
    if (title != o.title || yLabel != o.yLabel || yUnit != o.yUnit || logY != o.logY || fraction != o.fraction ||
        !same(yMin, o.yMin) || !same(yMax, o.yMax) || series.size() != o.series.size())
        return false;
    for (std::size_t i = 0; i < series.size(); ++i)
        if (series[i].id != o.series[i].id || series[i].name != o.series[i].name) return false;
    return true;
}

std::vector<PanelSpec> PanelSpec::defaults(const core::Project &project)
{
    std::vector<PanelSpec> out;
    for (const DefaultPanel &d : defaultTable()) {
        PanelSpec p;
        p.title = QString::fromUtf8(d.title);
        p.yLabel = QString::fromUtf8(d.yLabel);
        p.yUnit = QString::fromUtf8(d.yUnit);
        p.logY = d.logY;
        p.yMin = d.yMin;
        p.yMax = d.yMax;
        p.fraction = d.fraction;
        for (const char *id : d.ids)
            if (known(project, QString::fromUtf8(id))) p.series.push_back(seriesFor(project, QString::fromUtf8(id)));
        if (!p.series.empty()) out.push_back(std::move(p));
    }
    if (!out.empty()) return out;

    // A foreign (SBML) model: its species, six per panel.
    QStringList ids;
    for (const auto &s : project.model.species) ids << QString::fromStdString(s.id);
    for (int i = 0; i < ids.size(); i += 6) {
        PanelSpec p = custom(project, ids.mid(i, 6), QStringLiteral("Species %1–%2").arg(i + 1).arg(std::min<int>(i + 6, ids.size())));
        out.push_back(std::move(p));
    }
    return out;
}

PanelSpec PanelSpec::custom(const core::Project &project, const QStringList &ids, const QString &title)
{
    PanelSpec p;
    std::set<QString> units;
    for (const QString &id : ids) {
        p.series.push_back(seriesFor(project, id));
        units.insert(p.series.back().unit);
    }
    p.title = title.isEmpty() ? QStringList(ids.mid(0, 4)).join(QStringLiteral(", ")) + (ids.size() > 4 ? QStringLiteral(", …") : QString())
                              : title;
    QStringList unitList;
    for (const QString &u : units) unitList << (u.isEmpty() ? QStringLiteral("model units") : u);
    p.yUnit = unitList.join(QStringLiteral("; "));
    p.yLabel = QStringLiteral("value (%1)").arg(p.yUnit);
    // Several user-chosen series usually span decades (GSH ~3000 µM vs xCT ~0.1 µM).
    p.logY = ids.size() > 1;
    return p;
}

QString unitOf(const core::Project &project, const QString &id)
{
    const core::Evidence *e = evidenceOf(project, id.toStdString());
    return e ? QString::fromStdString(e->units) : QString();
}

QString displayName(const core::Project &project, const QString &id)
{
    if (const Friendly *f = friendly(id)) return QString::fromUtf8(f->name);
    for (const auto &s : project.model.species)
        if (s.id == id.toStdString() && !s.name.empty() && s.name != s.id)
            return QString::fromStdString(s.name) + QStringLiteral(" (") + id + QLatin1Char(')');
    return id;
}

}  // namespace ferroscope::ui
