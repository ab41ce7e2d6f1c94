// Internal (core .cpp files only: exposes libSBML types). The mapping between DiagramLayout and
// the SBML Level 3 layout + render packages, plus the pieces of sbml_export.cpp that
// sbml_document.cpp builds on. Any thread (documents are never shared).
#pragma once

#include "core/io/sbml_math.h"
#include "core/model/diagram_layout.h"
#include "core/model/model_spec.h"
#include "core/util/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ferroscope::core {

// ---- sbml_export.cpp
/// The model as an SBML L3V2 document, not yet validated.
Result<std::unique_ptr<SBMLDocument>> buildSbmlDocument(const ModelSpec &model);
/// libSBML consistency checks (units and modelling practice off); errors fail, else the text.
Result<std::string> validatedSbmlText(SBMLDocument &doc);
/// Temporary file next to `path` + fsync + rename: a failure leaves any existing file untouched.
Result<bool> writeTextAtomically(const std::string &text, const std::string &path);

// ---- sbml_layout.cpp
/// Default glyph box when a LayoutGlyph has no explicit size.
inline constexpr double kDefaultGlyphWidth = 90, kDefaultGlyphHeight = 40;

/// Enables layout and render (required="false") on `doc` and writes one Layout per figure:
/// compartment, species (general glyphs for non-species), text and reaction glyphs, with a
/// LocalRenderInformation for the glyph classes and colour overrides. `doc` holds `model`.
Errors writeSbmlLayout(SBMLDocument &doc, const ModelSpec &model, const DiagramLayout &layout);

/// The first SBML Layout as a one-figure DiagramLayout; nullopt when there is none or nothing in
/// it is usable. Bad glyphs (unknown species, NaN or non-positive sizes) are skipped with a note.
std::optional<DiagramLayout> readSbmlLayout(const SBMLDocument &doc, const ModelSpec &model,
                                            std::vector<std::string> &notes);

/// The document re-written without its layout and render packages (L3 only), so that a broken
/// diagram never stops the model from loading; nullopt when there is nothing to remove.
std::optional<std::string> withoutGraphicsPackages(const std::string &xml);

}  // namespace ferroscope::core
