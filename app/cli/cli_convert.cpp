// convert: between the Ferroscope document/project file (JSON) and SBML with a diagram
// (layout + render packages and Ferroscope annotations). The output format follows OUT's
// extension; writing is atomic, so a failure never leaves a partial or clobbered OUT.
#include "app/cli/cli_internal.h"
#include "core/io/document_file.h"
#include "core/io/sbml_document.h"

#include <QFile>
#include <QFileInfo>

#include <iostream>

namespace ferroscope::cli {

namespace {

enum class Format { Sbml, Document };

const char *kValidExtensions = ".xml, .sbml (SBML L3V2 with layout), .ferroscope, .json (document file)";

Format outputFormat(const std::string &path)
{
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
    if (suffix == QLatin1String("xml") || suffix == QLatin1String("sbml")) return Format::Sbml;
    if (suffix == QLatin1String("ferroscope") || suffix == QLatin1String("json")) return Format::Document;
    throw UsageError{"convert: cannot tell the output format of '" + path + "' from its extension (valid: " +
                     kValidExtensions + ")"};
}

/// IN as a document: JSON (first non-blank byte '{') is a document/project file, anything else SBML.
core::Result<core::DocumentFile> readInput(const std::string &path, std::vector<std::string> &notes)
{
    const QString qpath = QString::fromStdString(path);
    QFileInfo info(qpath);
    if (!info.exists()) return core::Error{path, "no such file"};
    if (!info.isFile() || !info.isReadable()) return core::Error{path, "cannot read this file"};
    QFile f(qpath);
    if (!f.open(QIODevice::ReadOnly)) return core::Error{path, "cannot open: " + f.errorString().toStdString()};
    const bool json = f.peek(64).trimmed().startsWith('{');
    f.close();
    if (!json) return core::importSbmlDocument(qpath, &notes);
    auto doc = core::readDocumentFile(qpath);
    if (doc && !doc->layout) doc->layout = core::defaultLayout(doc->project);
    return doc;
}

}  // namespace

int convertCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const Options o = parseOptions(args, {}, {}, {});
    if (o.positional.size() != 2)
        throw UsageError{"convert expects IN and OUT (usage: ferroscope-cli convert IN OUT; OUT extensions: " +
                         std::string(kValidExtensions) + ")"};
    const std::string &in = o.positional[0], &outPath = o.positional[1];
    const Format format = outputFormat(outPath);
    std::vector<std::string> notes;
    auto doc = readInput(in, notes);
    if (!doc) {
        err << "ferroscope-cli: " << doc.errorText() << "\n";
        return 1;
    }
    const QString target = QString::fromStdString(outPath);
    const auto written = format == Format::Sbml ? core::exportSbmlDocumentFile(*doc, target)
                                                : core::writeDocumentFile(*doc, target);
    if (!written) {
        err << "ferroscope-cli: " << written.errorText() << "\n";
        return 1;
    }
    for (const auto &note : notes) err << "ferroscope-cli: note: " << note << "\n";
    std::size_t glyphs = 0;
    for (const auto &fig : doc->layout->figures()) glyphs += fig.glyphs.size();
    out << "wrote " << outPath << " (" << (format == Format::Sbml ? "SBML L3V2 with layout" : "Ferroscope document")
        << "; " << doc->project.model.species.size() << " species, " << doc->layout->figures().size()
        << " diagram figure(s), " << glyphs << " glyphs)\n";
    return 0;
}

}  // namespace ferroscope::cli
