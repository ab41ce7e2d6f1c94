// ScenarioDocument: the explorer's current "what if" — phenotype, gene target levels, drug/light
// inputs with windows, CSC-vs-nonCSC compare mode and pinned snapshots — as one observable object.
// The diagram, the interventions panel, the plots and the simulation controller all bind to it
// through its signals (STYLE.md §2): widgets call its setters, never each other. Every setter
// emits scenarioChanged() once, after the change, and only if something changed.
// Lives in the GUI thread.
#pragma once

#include "core/model/project.h"
#include "core/scenario/scenario.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ferroscope::core {

/// Knock-down/knockout/overexpression states a gene glyph cycles through (issue #4 §3).
enum class GeneState { Normal, KnockDown, Knockout, Overexpressed, Custom };

/// State of one drug/light input in the explorer.
struct InputSetting {
    bool enabled = false;
    double dose = 0;       // in the input's unit
    double start = 0;      // h
    double end = -1;       // h; < 0 = until the end of the run
};

/// A pinned scenario shown as dashed baseline curves.
struct Snapshot {
    QString name;
    Scenario scenario;
    bool compare = false;
};

class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    /// `project` must outlive the document (it is the PathwayModel's, which may be edited).
    explicit ScenarioDocument(const Project &project, QObject *parent = nullptr);

    const Project &project() const { return m_project; }

    // ---- current scenario
    QString phenotype() const { return m_phenotype; }
    void setPhenotype(const QString &id);
    double gene(const QString &id) const;                // multiplier x, 1 = normal
    void setGene(const QString &id, double multiplier);
    static GeneState geneState(double multiplier);
    static double multiplierFor(GeneState state);        // knock-down 0.2, knockout 0, over 3
    /// normal -> knock-down -> knockout -> overexpressed -> normal (issue #4 §3)
    void cycleGene(const QString &id);
    InputSetting input(const QString &id) const;
    void setInput(const QString &id, const InputSetting &setting);
    void setInputEnabled(const QString &id, bool enabled);
    void setInputDose(const QString &id, double dose);
    /// Clears all interventions, then applies the therapy preset's inputs and genes.
    void applyTherapy(const QString &presetId);
    void resetInterventions();
    double endTime() const { return m_end; }
    void setEndTime(double hours);
    bool compare() const { return m_compare; }
    void setCompare(bool on);

    /// The scenario of the current settings for a phenotype ("" = the current one).
    Scenario scenario(const QString &phenotypeOverride = {}) const;
    /// One line: phenotype, interventions, doses (for captions and the status bar).
    QString summary() const;

    // ---- snapshots (baselines)
    const std::vector<Snapshot> &snapshots() const { return m_snapshots; }
    void pinSnapshot(const QString &name);
    void removeSnapshot(int index);
    int activeBaseline() const { return m_baseline; }    // -1 = none shown
    void setActiveBaseline(int index);

    // ---- saving (the "explorer" section of a document file)
    QJsonObject toJson() const;
    /// Restores a saved state; ids the project does not know are skipped and named in the
    /// returned notes. Emits the change signals once at the end.
    QStringList restore(const QJsonObject &json);

signals:
    void scenarioChanged();          // anything that changes the simulation
    void geneChanged(const QString &id, double multiplier);
    void inputChanged(const QString &id);
    void phenotypeChanged(const QString &id);
    void compareChanged(bool on);
    void snapshotsChanged();

private:
    void changed();
    /// Every input off, at its typical dose (no signals).
    void resetInputsToDefaults();
    const Project &m_project;
    QString m_phenotype;
    std::map<QString, double> m_genes;
    std::map<QString, InputSetting> m_inputs;
    double m_end = 72;
    bool m_compare = false;
    std::vector<Snapshot> m_snapshots;
    int m_baseline = -1;
};

}  // namespace ferroscope::core
