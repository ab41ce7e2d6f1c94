#include "core/io/document_file.h"

#include "core/io/project_file.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace ferroscope::core {

Result<DocumentFile> readDocumentJson(const QByteArray &json)
{
    auto project = readProjectJson(json.toStdString());   // checks syntax, format and version first
    if (!project) return project.errors();
    DocumentFile doc;
    doc.project = std::move(*project);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonValue diagram = root.value(QLatin1String("diagram"));
    if (!diagram.isUndefined()) {
        if (!diagram.isObject()) return Error{"diagram", "must be a JSON object (a diagram layout)"};
        auto layout = DiagramLayout::fromJson(QJsonDocument(diagram.toObject()).toJson(QJsonDocument::Compact));
        if (!layout) {
            Errors errors = layout.errors();
            for (auto &e : errors) e.where = e.where.empty() ? "diagram" : "diagram, " + e.where;
            return errors;
        }
        doc.layout = std::move(*layout);
    }
    for (const char *key : {"explorer", "plots"}) {
        const QJsonValue v = root.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isObject()) return Error{key, "must be a JSON object"};
    }
    doc.explorer = root.value(QLatin1String("explorer")).toObject();
    doc.plots = root.value(QLatin1String("plots")).toObject();
    return doc;
}

Result<DocumentFile> readDocumentFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path.toStdString(), "cannot read the file: " + file.errorString().toStdString()};
    auto result = readDocumentJson(file.readAll());
    if (result) return result;
    Errors errors = result.errors();
    for (auto &e : errors) e.where = e.where.empty() ? path.toStdString() : path.toStdString() + ", " + e.where;
    return errors;
}

QByteArray writeDocumentJson(const DocumentFile &document)
{
    // The project part keeps project_file.cpp's exact number formatting and key order; the other
    // sections are appended as extra members of the same top-level object.
    QByteArray out = QByteArray::fromStdString(writeProjectJson(document.project)).trimmed();
    out.chop(1);   // the closing '}'
    while (!out.isEmpty() && (out.back() == '\n' || out.back() == ' ')) out.chop(1);
    auto section = [&out](const char *key, const QByteArray &json) {
        out += ",\n  \"" + QByteArray(key) + "\": " + json.trimmed();
    };
    if (document.layout) section("diagram", document.layout->toJson());
    if (!document.explorer.isEmpty()) section("explorer", QJsonDocument(document.explorer).toJson());
    if (!document.plots.isEmpty()) section("plots", QJsonDocument(document.plots).toJson());
    out += "\n}\n";
    return out;
}

Result<bool> writeDocumentFile(const DocumentFile &document, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path.toStdString(), "cannot write: " + file.errorString().toStdString()};
    const QByteArray bytes = writeDocumentJson(document);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{path.toStdString(), "cannot write: " + file.errorString().toStdString()};
    return true;
}

}  // namespace ferroscope::core
