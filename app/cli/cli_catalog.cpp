// describe and list: the evidence catalogue of a project on the command line.
#include "app/cli/cli_internal.h"
#include "core/model/math_io.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace ferroscope::cli {

namespace {

void printEvidence(std::ostream &out, const core::Evidence &e)
{
    if (!e.units.empty()) out << "  units:       " << e.units << "\n";
    if (!e.figure.empty()) out << "  figure:      " << e.figure << "\n";
    if (!e.seedRefs.empty()) out << "  seed refs:   " << e.seedRefs << " (Wang et al. 2022, Inflamm Regen 42:34)\n";
    if (!e.sources.empty()) out << "  sources:     " << e.sources << "\n";
    out << "  evidence:    " << (e.estimated ? "estimated (est.)" : "from the literature / calibrated") << "\n";
    if (!e.explanation.empty()) out << "\n  " << e.explanation << "\n";
}

std::string equation(const core::Reaction &r)
{
    auto side = [](const std::vector<core::SpeciesReference> &refs) {
        std::string s;
        for (const auto &ref : refs) {
            if (!s.empty()) s += " + ";
            if (ref.stoichiometry != 1.0 && !std::isnan(ref.stoichiometry)) s += formatNumber(ref.stoichiometry) + " ";
            s += ref.species;
        }
        return s.empty() ? std::string("∅") : s;
    };
    return side(r.reactants) + (r.reversible ? " ⇄ " : " → ") + side(r.products);
}

const core::Evidence *findEvidence(const core::Project &p, const std::string &id, std::ostream &out)
{
    const auto &m = p.model;
    if (auto *s = m.findSpecies(id)) {
        out << id << " — " << s->name << " (species in " << s->compartment << ")\n";
        out << "  initial:     " << formatNumber(std::isnan(s->initialConcentration) ? s->initialAmount : s->initialConcentration) << "\n";
        return &s->evidence;
    }
    if (auto *r = m.findReaction(id)) {
        out << id << " — " << r->name << " (reaction)\n  equation:    " << equation(*r) << "\n";
        if (r->kineticLaw) out << "  rate law:    " << core::toFormula(*r->kineticLaw) << "\n";
        return &r->evidence;
    }
    if (auto *g = p.findGene(id)) {
        out << id << " — " << g->name << " (gene target; multiplier " << g->parameter << " in " << g->term << ")\n";
        return &g->evidence;
    }
    if (auto *i = p.findInput(id)) {
        out << id << " — " << i->name << " (input, " << i->unit << ", typical " << formatNumber(i->typicalMin) << "–"
            << formatNumber(i->typicalMax) << "; changes " << i->term << ")\n";
        return &i->evidence;
    }
    if (auto *ph = p.findPhenotype(id)) {
        out << id << " — " << ph->name << " (phenotype preset)\n";
        for (const auto &[k, v] : ph->values) out << "  " << std::left << std::setw(12) << k << " " << formatNumber(v) << "\n";
        return &ph->evidence;
    }
    if (auto *t = p.findTherapy(id)) {
        out << id << " — " << t->name << " (therapy preset)\n";
        for (const auto &in : t->inputs)
            out << "  input       " << in.input << " = " << formatNumber(in.value) << " from " << formatNumber(in.start) << " h"
                << (in.end >= 0 ? " to " + formatNumber(in.end) + " h" : std::string()) << "\n";
        for (const auto &[g, v] : t->genes) out << "  gene        " << g << " x " << formatNumber(v) << "\n";
        if (t->readTime >= 0) out << "  read at     " << formatNumber(t->readTime) << " h\n";
        if (!t->source.empty()) out << "  source:     " << t->source << "\n";
        return &t->evidence;
    }
    if (auto *par = m.findParameter(id)) {
        out << id << " — " << par->name << " (parameter)\n";
        if (const core::Rule *rule = m.findRule(id))
            out << "  definition:  " << id << " = " << core::toFormula(rule->math) << "\n";
        else
            out << "  value:       " << formatNumber(par->value) << "\n";
        return &par->evidence;
    }
    if (auto *c = m.findCompartment(id)) {
        out << id << " — " << c->name << " (compartment)\n";
        return &c->evidence;
    }
    if (auto *f = m.findFunction(id)) {
        out << id << " — " << f->name << " (function)\n  definition:  " << id << "(";
        for (std::size_t i = 0; i < f->arguments.size(); ++i) out << (i ? ", " : "") << f->arguments[i];
        out << ") = " << core::toFormula(f->body) << "\n";
        return &f->evidence;
    }
    return nullptr;
}

template <typename T, typename F>
void table(std::ostream &out, const std::string &title, const std::vector<T> &items, F line)
{
    out << title << " (" << items.size() << ")\n";
    for (const auto &x : items) out << "  " << line(x) << "\n";
}

std::string pad(const std::string &s, std::size_t w)
{
    return s.size() >= w ? s + " " : s + std::string(w - s.size(), ' ');
}

}  // namespace

int describeCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, {"--model"}, {}, {});
    if (o.positional.size() != 1) throw UsageError{"describe needs exactly one ID (see `ferroscope-cli list`)"};
    auto project = loadModel(o.value("--model").value_or(""));
    if (!project) {
        err << "ferroscope-cli: " << project.errorText() << "\n";
        return 1;
    }
    std::ostringstream text;
    const core::Evidence *e = findEvidence(*project, o.positional[0], text);
    if (!e) {
        err << "ferroscope-cli: unknown id '" << o.positional[0]
            << "' (try `ferroscope-cli list species`, `list targets`, `list inputs`, `list presets`)\n";
        return 2;
    }
    printEvidence(text, *e);
    out << text.str();
    return 0;
}

int listCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, {"--model"}, {}, {});
    if (o.positional.size() > 1) throw UsageError{"list takes at most one category"};
    const std::string what = o.positional.empty() ? "all" : o.positional[0];
    static const std::vector<std::string> kinds = {"targets", "inputs", "presets", "readouts", "species", "parameters", "all"};
    if (std::find(kinds.begin(), kinds.end(), what) == kinds.end())
        throw UsageError{"unknown list '" + what + "' (valid: targets, inputs, presets, readouts, species, parameters)"};
    auto project = loadModel(o.value("--model").value_or(""));
    if (!project) {
        err << "ferroscope-cli: " << project.errorText() << "\n";
        return 1;
    }
    const core::Project &p = *project;
    const bool all = what == "all";
    if (all || what == "targets")
        table(out, "gene targets", p.genes, [](const core::GeneTarget &g) { return pad(g.id, 8) + pad(g.parameter, 10) + g.name; });
    if (all || what == "inputs")
        table(out, "inputs", p.inputs, [](const core::InputSpec &i) {
            return pad(i.id, 10) + pad(i.unit, 8) + pad(formatNumber(i.typicalMin) + "–" + formatNumber(i.typicalMax), 12) + i.name;
        });
    if (all || what == "presets") {
        table(out, "phenotypes", p.phenotypes, [](const core::PhenotypePreset &ph) { return pad(ph.id, 10) + ph.name; });
        table(out, "therapy presets", p.therapies, [](const core::TherapyPreset &t) { return pad(t.id, 16) + t.name; });
    }
    if (all || what == "readouts") {
        out << "readouts (" << p.readouts.size() << ")\n";
        for (const auto &id : p.readouts) {
            const core::Parameter *par = p.model.findParameter(id);
            const core::Rule *rule = p.model.findRule(id);
            out << "  " << pad(id, 18) << (par ? par->name : std::string()) << (rule ? "  [" + core::toFormula(rule->math) + "]" : std::string()) << "\n";
        }
    }
    if (all || what == "species")
        table(out, "species", p.model.species, [](const core::Species &s) {
            return pad(s.id, 10) + pad(s.compartment, 6) + pad(formatNumber(std::isnan(s.initialConcentration) ? s.initialAmount : s.initialConcentration), 10) + s.name;
        });
    if (all || what == "parameters")
        table(out, "parameters", p.model.parameters, [&](const core::Parameter &par) {
            const bool rule = p.model.findRule(par.id) != nullptr;
            return pad(par.id, 14) + pad(rule ? "(rule)" : formatNumber(par.value), 10) + pad(par.evidence.units, 10) +
                   (par.evidence.estimated ? "est.  " : "      ") + par.name;
        });
    return 0;
}

}  // namespace ferroscope::cli
