// The Ferroscope document file (*.ferroscope, JSON): a project file (project_file.h, format 2)
// plus the diagram layout, the explorer state (interventions, snapshots) and the plot settings,
// so one human-readable file restores the whole window. A plain project file is a valid document
// without those sections. Reading is all-or-nothing: any error returns errors and no document.
// Writing is atomic (QSaveFile: a kill during save leaves the previous file). Any thread.
#pragma once

#include "core/model/diagram_layout.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ferroscope::core {

struct DocumentFile {
    Project project;
    std::optional<DiagramLayout> layout;   // nullopt: the file has no diagram section
    QJsonObject explorer;                  // ScenarioDocument::toJson()
    QJsonObject plots;                     // plot panel settings (UI-defined)
};

Result<DocumentFile> readDocumentJson(const QByteArray &json);
Result<DocumentFile> readDocumentFile(const QString &path);
QByteArray writeDocumentJson(const DocumentFile &document);
Result<bool> writeDocumentFile(const DocumentFile &document, const QString &path);

}  // namespace ferroscope::core
