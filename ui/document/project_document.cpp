#include "ui/document/project_document.h"

#include "core/io/project_file.h"
#include "core/io/sbml_document.h"
#include "ui/commands/scenario_command.h"

#include <QFile>
#include <QFileInfo>

namespace ferroscope::ui {

ProjectDocument::ProjectDocument(core::DocumentFile file, QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_plots(file.plots)
{
    core::DiagramLayout layout = file.layout ? std::move(*file.layout) : core::defaultLayout(file.project);
    m_model = std::make_unique<core::PathwayModel>(std::move(file.project), std::move(layout));
    m_scenario = std::make_unique<core::ScenarioDocument>(m_model->project());
    m_hadExplorer = !file.explorer.isEmpty();
    if (m_hadExplorer) m_notes = m_scenario->restore(file.explorer);
    m_undo.setUndoLimit(500);
    auto contentChanged = [this] { ++m_contentGeneration; };
    connect(m_model.get(), &core::PathwayModel::contentReplaced, this, contentChanged);
    connect(m_model.get(), &core::PathwayModel::parameterChanged, this, contentChanged);
    connect(m_model.get(), &core::PathwayModel::nodeMoved, this, contentChanged);
    markSaved();
    connect(&m_undo, &QUndoStack::indexChanged, this, &ProjectDocument::updateModified);
    connect(m_scenario.get(), &core::ScenarioDocument::scenarioChanged, this, &ProjectDocument::recordScenario);
    connect(m_scenario.get(), &core::ScenarioDocument::snapshotsChanged, this, &ProjectDocument::recordScenario);
}

const std::string &ProjectDocument::contentKey() const
{
    // Serialising the model takes milliseconds: done again only after the content changed, not
    // for every intervention step of a slider drag.
    if (m_keyGeneration != m_contentGeneration) {
        m_key = m_model->projectJson() + m_model->layout().toJson().toStdString();
        m_keyGeneration = m_contentGeneration;
    }
    return m_key;
}

void ProjectDocument::markSaved()
{
    m_savedContent = contentKey();
    m_savedExplorer = m_lastExplorer = m_scenario->toJson();
    m_forceModified = false;
    updateModified();
}

void ProjectDocument::resetScenarioBaseline()
{
    m_lastExplorer = m_savedExplorer = m_scenario->toJson();
    updateModified();
}

void ProjectDocument::markUnsaved()
{
    m_forceModified = true;
    updateModified();
}

void ProjectDocument::recordScenario()
{
    if (m_applyingScenario) return;
    const QJsonObject after = m_scenario->toJson();
    if (after == m_lastExplorer) return;
    const QStringList keys = ScenarioCommand::changedKeys(m_lastExplorer, after);
    auto apply = [this](const QJsonObject &state) {
        m_applyingScenario = true;
        m_scenario->restore(state);
        m_lastExplorer = m_scenario->toJson();
        m_applyingScenario = false;
        updateModified();
    };
    const QString what = m_scenario->summary();
    m_undo.push(new ScenarioCommand(apply, m_lastExplorer, after, keys.join(QLatin1Char(',')),
                                    tr("Interventions: %1").arg(what)));
    m_lastExplorer = after;
    updateModified();
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
    // Exploring an untitled model is not "work" to save; edits of the model or its diagram always
    // are, and so are intervention changes of a document that lives in a file. Compared by
    // content, so undoing back to the saved state is unmodified again.
    if (m_forceModified || contentKey() != m_savedContent) return true;
    return !m_path.isEmpty() && m_scenario->toJson() != m_savedExplorer;
}

void ProjectDocument::updateModified()
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
    m_undo.setClean();
    markSaved();
    if (newPath) emit pathChanged(path);
    return true;
}

}  // namespace ferroscope::ui
