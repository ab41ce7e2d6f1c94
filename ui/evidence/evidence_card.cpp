#include "ui/evidence/evidence_card.h"

#include "core/model/math_io.h"
#include "core/model/project.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

namespace {

// The card is a fixed-width table so that Qt's word-wrapping tooltip label does not pick a tall
// narrow column; the width suits a 96-dpi tooltip and the evidence dock alike.
constexpr int kCardWidth = 400;

QString esc(const std::string &s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString num(double v)
{
    if (std::isnan(v)) return QStringLiteral("–");
    return QString::number(v, 'g', 4);
}

QString heading(const QString &title, const QStringList &facts)
{
    QString out = QStringLiteral("<b><span style='font-size:12pt'>%1</span></b>").arg(title);
    QStringList shown;
    for (const QString &f : facts)
        if (!f.isEmpty()) shown << f;
    if (!shown.isEmpty())
        out += QStringLiteral("<br><span style='color:#555555'>%1</span>").arg(shown.join(QStringLiteral(" · ")));
    return QStringLiteral("<p style='margin-top:0; margin-bottom:4px'>%1</p>").arg(out);
}

QString row(const QString &label, const QString &valueHtml)
{
    if (valueHtml.isEmpty()) return {};
    return QStringLiteral("<tr><td style='color:#555555; padding-right:6px' valign='top'>%1</td><td>%2</td></tr>")
        .arg(label, valueHtml);
}

/// Explanation paragraph plus the provenance table every card ends with.
QString evidenceBlock(const core::Evidence &e, const QString &extraRows = {})
{
    QString out;
    if (!e.explanation.empty())
        out += QStringLiteral("<p style='margin-top:2px; margin-bottom:4px'>%1</p>").arg(esc(e.explanation));
    QString rows = extraRows;
    if (!e.seedRefs.empty())
        rows += row(QStringLiteral("Seed"),
                    QStringLiteral("Wang et al. 2022 <b>%1</b> <span style='color:#555555'>(Inflamm Regen 42:34)</span>")
                        .arg(esc(e.seedRefs)));
    rows += row(QStringLiteral("Figure"), esc(e.figure));
    rows += row(QStringLiteral("Outside"), esc(e.sources));
    if (!e.empty())
        rows += row(QStringLiteral("Basis"), e.estimated
                        ? QStringLiteral("<span style='color:#D55E00'>estimated (est.)</span>")
                        : QStringLiteral("published / measured"));
    if (!rows.isEmpty())
        out += QStringLiteral("<table cellspacing='0' cellpadding='1'>%1</table>").arg(rows);
    return out;
}

QString card(const QString &body)
{
    return QStringLiteral("<html><table width='%1' cellspacing='0' cellpadding='2'><tr><td>%2</td></tr></table></html>")
        .arg(kCardWidth)
        .arg(body);
}

QString compartmentName(const core::ModelSpec &m, const std::string &id)
{
    const core::Compartment *c = m.findCompartment(id);
    return c ? esc(c->name.empty() ? c->id : c->name) : esc(id);
}

QString side(const std::vector<core::SpeciesReference> &refs)
{
    if (refs.empty()) return QStringLiteral("∅");
    QStringList parts;
    for (const auto &r : refs) {
        const bool one = std::isnan(r.stoichiometry) || r.stoichiometry == 1.0;
        parts << (one ? esc(r.species) : num(r.stoichiometry) + QLatin1Char(' ') + esc(r.species));
    }
    return parts.join(QStringLiteral(" + "));
}

QString geneSection(const core::GeneTarget &g)
{
    QString rows = row(QStringLiteral("Multiplier"),
                       QStringLiteral("<code>%1</code> on %2").arg(esc(g.parameter), esc(g.term)));
    rows += row(QStringLiteral("Click"), QStringLiteral("normal → knock-down ×0.2 → knockout → overexpressed ×3"));
    return QStringLiteral("<p style='margin-top:6px; margin-bottom:2px'><b>Gene target: %1</b></p>").arg(esc(g.name)) +
           evidenceBlock(g.evidence, rows);
}

QString speciesCard(const core::Project &p, const core::Species &s)
{
    const double init = std::isnan(s.initialConcentration) ? s.initialAmount : s.initialConcentration;
    const QString units = esc(s.evidence.units);
    QString body = heading(esc(s.name.empty() ? s.id : s.name) + QStringLiteral(" (%1)").arg(esc(s.id)),
                           {QStringLiteral("species"), compartmentName(p.model, s.compartment), units});
    body += evidenceBlock(s.evidence, row(QStringLiteral("Initial"),
                                          QStringLiteral("%1 %2 (non-CSC steady state)").arg(num(init), units)));
    if (const core::GeneTarget *g = p.findGene(s.id)) body += geneSection(*g);
    return body;
}

QString reactionCard(const core::Reaction &r)
{
    QString rows = row(QStringLiteral("Reaction"),
                       side(r.reactants) + (r.reversible ? QStringLiteral(" ⇄ ") : QStringLiteral(" → ")) +
                           side(r.products));
    if (!r.modifiers.empty()) {
        QStringList mods;
        for (const auto &m : r.modifiers) mods << esc(m);
        rows += row(QStringLiteral("Modifiers"), mods.join(QStringLiteral(", ")));
    }
    if (r.kineticLaw)
        rows += row(QStringLiteral("Rate law"),
                    QStringLiteral("<code>%1</code>").arg(esc(core::toFormula(*r.kineticLaw))));
    return heading(esc(r.name.empty() ? r.id : r.name) + QStringLiteral(" (%1)").arg(esc(r.id)),
                   {QStringLiteral("reaction"), esc(r.evidence.units)}) +
           evidenceBlock(r.evidence, rows);
}

QString inputCard(const core::InputSpec &in)
{
    const QString unit = esc(in.unit);
    QString rows = row(QStringLiteral("Typical"), QStringLiteral("%1–%2 %3 (default %4 %3)")
                                                      .arg(num(in.typicalMin), num(in.typicalMax), unit,
                                                           num(in.typicalDose)));
    rows += row(QStringLiteral("Acts on"), esc(in.term));
    return heading(esc(in.name), {QStringLiteral("drug / input"), unit}) + evidenceBlock(in.evidence, rows);
}

QString therapyCard(const core::Project &p, const core::TherapyPreset &t)
{
    QStringList doses;
    for (const auto &d : t.inputs) {
        const core::InputSpec *in = p.findInput(d.input);
        QString text = QStringLiteral("%1 %2 %3").arg(esc(in ? in->name : d.input), num(d.value),
                                                      in ? esc(in->unit) : QString());
        text += d.end >= 0 ? QStringLiteral(" (%1–%2 h)").arg(num(d.start), num(d.end))
                           : QStringLiteral(" (from %1 h)").arg(num(d.start));
        doses << text;
    }
    for (const auto &[gene, x] : t.genes) doses << QStringLiteral("%1 ×%2").arg(esc(gene), num(x));
    QString rows = row(QStringLiteral("Applies"), doses.join(QStringLiteral("<br>")));
    if (t.readTime >= 0) rows += row(QStringLiteral("Read at"), QStringLiteral("%1 h").arg(num(t.readTime)));
    QString body = heading(esc(t.name), {QStringLiteral("therapy preset")}) + evidenceBlock(t.evidence, rows);
    if (!t.source.empty())
        body += QStringLiteral("<p style='margin-top:4px; color:#555555'><i>%1</i></p>").arg(esc(t.source));
    return body;
}

QString phenotypeCard(const core::PhenotypePreset &ph)
{
    QStringList values;
    for (const auto &[param, v] : ph.values) values << QStringLiteral("%1 = %2").arg(esc(param), num(v));
    const QString rows = row(QStringLiteral("Sets"), values.join(QStringLiteral(", ")));
    return heading(esc(ph.name) + QStringLiteral(" (%1)").arg(esc(ph.id)), {QStringLiteral("phenotype")}) +
           evidenceBlock(ph.evidence, rows);
}

QString parameterCard(const core::Project &p, const core::Parameter &par, bool readout)
{
    const QString units = esc(par.evidence.units);
    QString rows;
    if (const core::Rule *rule = p.model.findRule(par.id))
        rows += row(QStringLiteral("Computed"), QStringLiteral("<code>%1</code>").arg(esc(core::toFormula(rule->math))));
    else
        rows += row(QStringLiteral("Value"), QStringLiteral("%1 %2").arg(num(par.value), units));
    const QString title = par.name.empty() || par.name == par.id
                              ? esc(par.id)
                              : esc(par.name) + QStringLiteral(" (%1)").arg(esc(par.id));
    return heading(title, {readout ? QStringLiteral("readout") : QStringLiteral("parameter"), units}) +
           evidenceBlock(par.evidence, rows);
}

bool isReadout(const core::Project &p, const std::string &id)
{
    return std::find(p.readouts.begin(), p.readouts.end(), id) != p.readouts.end();
}

}  // namespace

QString evidenceKind(const core::Project &p, const QString &qid)
{
    const std::string id = qid.toStdString();
    if (id.empty()) return {};
    if (p.model.findSpecies(id)) return QStringLiteral("species");
    if (p.model.findReaction(id)) return QStringLiteral("reaction");
    if (p.findGene(id)) return QStringLiteral("gene target");
    if (p.findInput(id)) return QStringLiteral("input");
    if (p.findPhenotype(id)) return QStringLiteral("phenotype");
    if (p.findTherapy(id)) return QStringLiteral("therapy preset");
    if (isReadout(p, id) && p.model.findParameter(id)) return QStringLiteral("readout");
    if (p.model.findCompartment(id)) return QStringLiteral("compartment");
    if (p.model.findParameter(id)) return QStringLiteral("parameter");
    return {};
}

QString evidenceHtml(const core::Project &p, const QString &qid)
{
    const std::string id = qid.toStdString();
    const QString kind = evidenceKind(p, qid);
    QString body;
    if (kind == QLatin1String("species")) {
        body = speciesCard(p, *p.model.findSpecies(id));
    } else if (kind == QLatin1String("reaction")) {
        body = reactionCard(*p.model.findReaction(id));
    } else if (kind == QLatin1String("gene target")) {
        const core::GeneTarget &g = *p.findGene(id);
        body = heading(esc(g.name), {QStringLiteral("gene target (not a model state)")}) +
               geneSection(g).section(QStringLiteral("</p>"), 1);   // skip the repeated title
    } else if (kind == QLatin1String("input")) {
        body = inputCard(*p.findInput(id));
    } else if (kind == QLatin1String("phenotype")) {
        body = phenotypeCard(*p.findPhenotype(id));
    } else if (kind == QLatin1String("therapy preset")) {
        body = therapyCard(p, *p.findTherapy(id));
    } else if (kind == QLatin1String("readout") || kind == QLatin1String("parameter")) {
        body = parameterCard(p, *p.model.findParameter(id), kind == QLatin1String("readout"));
    } else if (kind == QLatin1String("compartment")) {
        const core::Compartment &c = *p.model.findCompartment(id);
        body = heading(esc(c.name.empty() ? c.id : c.name), {QStringLiteral("compartment")}) +
               evidenceBlock(c.evidence);
    } else {
        return {};
    }
    return card(body);
}

}  // namespace ferroscope::ui
