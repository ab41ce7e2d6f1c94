#include "ui/document/project_document.h"

#include "core/io/project_file.h"
#include "core/io/sbml_document.h"
#include "core/model/auto_layout.h"

#include <QFile>
#include <QFileInfo>

namespace ferroscope::ui {

ProjectDocument::ProjectDocument(core::DocumentFile file, QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_plots(file.plots)
{
    core::DiagramLayout layout = file.layout ? std::move(*file.layout)
                                 : core::isBuiltinModel(file.project) ? core::DiagramLayout::builtin()
                                                                : core::autoLayout(file.project.model);
    m_model = std::make_unique<core::PathwayModel>(std::move(file.project), std::move(layout));
    m_scenario = std::make_unique<core::ScenarioDocument>(m_model->project());
    m_hadExplorer = !file.explorer.isEmpty();
    if (m_hadExplorer) m_notes = m_scenario->restore(file.explorer);
    m_undo.setUndoLimit(500);
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { explorerChanged(); });
    connect(m_scenario.get(), &core::ScenarioDocument::scenarioChanged, this, [this] {
        m_explorerDirty = true;
        explorerChanged();
    });
    connect(m_scenario.get(), &core::ScenarioDocument::snapshotsChanged, this, [this] {
        m_explorerDirty = true;
        explorerChanged();
    });
}

ProjectDocument::~ProjectDocument()
{
    m_undo.clear();   // commands refer to the model: drop them first
}

std::unique_ptr<ProjectDocument> ProjectDocument::builtin()
{
    core::DocumentFile file;
    file.project = core::builtinProject();
    file.layout = core::DiagramLayout::builtin();
    return std::make_unique<ProjectDocument>(std::move(file));
}

core::Result<core::DocumentFile> ProjectDocument::read(const QString &path, QStringList *notes, bool *sbml)
{
    if (sbml) *sbml = false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{path.toStdString(), "cannot open: " + f.errorString().toStdString()};
    const QByteArray head = f.peek(256).trimmed();
    f.close();
    if (head.isEmpty()) return core::Error{path.toStdString(), "the file is empty"};
    if (head.startsWith('{') || head.startsWith('[')) return core::readDocumentFile(path);   // JSON: say what is wrong
    if (head.startsWith('<')) {
        if (sbml) *sbml = true;
        std::vector<std::string> imported;
        auto file = core::importSbmlDocument(path, &imported);
        if (notes)
            for (const auto &n : imported) *notes << QString::fromStdString(n);
        return file;
    }
    return core::Error{path.toStdString(), "neither a Ferroscope document (JSON) nor an SBML file (XML)"};
}

core::Result<std::unique_ptr<ProjectDocument>> ProjectDocument::open(const QString &path)
{
    QStringList notes;
    bool sbml = false;
    auto file = read(path, &notes, &sbml);
    if (!file) return file.errors();
    // An imported SBML file stays untitled: Save writes a Ferroscope document, never over the SBML.
    auto document = std::make_unique<ProjectDocument>(std::move(*file), sbml ? QString() : path);
    document->m_notes = notes + document->m_notes;
    return document;
}

QString ProjectDocument::displayName() const
{
    if (!m_path.isEmpty()) return QFileInfo(m_path).fileName();
    if (core::isBuiltinModel(m_model->project())) return tr("Built-in iron & heme CSC model");
    const std::string &title = m_model->project().title;
    return title.empty() ? tr("Untitled") : QString::fromStdString(title);
}

bool ProjectDocument::isModified() const
{
    // Exploring the untitled built-in model is not "work" to save; edits of the model always are,
    // and so are intervention changes of a document that lives in a file.
    return !m_undo.isClean() || (m_explorerDirty && !m_path.isEmpty());
}

void ProjectDocument::explorerChanged()
{
    const bool modified = isModified();
    if (modified == m_lastModified) return;
    m_lastModified = modified;
    emit modifiedChanged(modified);
}

core::DocumentFile ProjectDocument::toFile(const QJsonObject &plots) const
{
    core::DocumentFile file;
    file.project = m_model->project();
    file.layout = m_model->layout();
    file.explorer = m_scenario->toJson();
    file.plots = plots;
    return file;
}

core::Result<bool> ProjectDocument::saveAs(const QString &path, const QJsonObject &plots)
{
    auto written = core::writeDocumentFile(toFile(plots), path);
    if (!written) return written;
    const bool newPath = path != m_path;
    m_path = path;
    m_plots = plots;
    m_explorerDirty = false;
    m_undo.setClean();
    explorerChanged();
    if (newPath) emit pathChanged(path);
    return true;
}

}  // namespace ferroscope::ui
