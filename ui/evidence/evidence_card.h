// Evidence cards: the compact rich-text "what is this, why is it in the model, where is it from"
// card shown as a glyph tooltip, in the evidence dock and on the therapy presets (issue #4 §6).
// Pure functions of a core::Project; any thread (uses only QString).
#pragma once

#include <QString>

namespace ferroscope::core {
struct Project;
}

namespace ferroscope::ui {

/// Rich-text (Qt HTML subset) card for any id of the project: species, reaction, gene target,
/// drug/light input, phenotype, therapy preset, readout, parameter or compartment. A species that
/// is also a gene target gets both sections. Returns an empty string for an unknown id.
QString evidenceHtml(const core::Project &project, const QString &id);

/// Kind of the id as shown on the card ("species", "reaction", "gene target", "input",
/// "phenotype", "therapy preset", "readout", "parameter", "compartment"), or "" if unknown.
QString evidenceKind(const core::Project &project, const QString &id);

}  // namespace ferroscope::ui
