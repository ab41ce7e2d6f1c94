// SBML as a Ferroscope document format: the model (sbml_import/sbml_export) plus the diagram as
// standard SBML layout/render, SBO terms for the glyph classes, and two annotations in the
// Ferroscope namespace that make a Ferroscope -> SBML -> Ferroscope round trip exact: the
// project (catalogue, tolerances, explorer and plot settings) and the DiagramLayout JSON.
// Files from other tools get the first SBML Layout, or autoLayout() when there is none.
// Hostile input never crashes: unusable glyphs or annotations are skipped with a note.
// Free functions, no shared state; any thread.
#pragma once

#include "core/io/document_file.h"
#include "core/util/result.h"

#include <QString>

#include <string>
#include <vector>

namespace ferroscope::core {

/// XML namespace of the <ferroscope:document> model annotation.
inline constexpr const char *kFerroscopeNamespace = "https://ferroscope.github.io/ns/1";

struct SbmlExportOptions {
    /// Embed the project catalogue. Off for a scenario baked into the model (export-sbml), where
    /// the presets would no longer describe the model.
    bool embedProject = true;
};

/// `notes` (optional) receives what was ignored or replaced (bad glyphs, unreadable annotations).
Result<DocumentFile> importSbmlDocument(const QString &path, std::vector<std::string> *notes = nullptr);
Result<DocumentFile> importSbmlDocumentFromString(const std::string &xml, std::vector<std::string> *notes = nullptr);

/// SBML L3V2 with layout + render (not required); a document without a layout gets
/// defaultLayout(project). The text passes libSBML's consistency checks.
Result<std::string> exportSbmlDocument(const DocumentFile &doc, const SbmlExportOptions &options = {});
/// Atomic: a failure leaves any existing file untouched.
Result<bool> exportSbmlDocumentFile(const DocumentFile &doc, const QString &path,
                                    const SbmlExportOptions &options = {});

/// The project a bare SBML model gets: its name as title, 0-10 with 100 steps, rtol 1e-6,
/// atol 1e-12 (as the CLI has always simulated SBML files).
Project projectForSbmlModel(ModelSpec model);
/// True for the built-in iron/heme model (modelVersion "MODEL.md ...").
/// DiagramLayout::builtin() for the built-in model, else autoLayout(project.model).
DiagramLayout defaultLayout(const Project &project);

}  // namespace ferroscope::core
