// InterventionsPanel: the "what if" controls of the explorer (issue #4 §3) — phenotype switch and
// CSC-vs-non-CSC compare toggle, therapy presets, the 17 graded gene targets and the 22 drug/light
// inputs (checkbox, dose slider over the typical range of MODEL.md §6.2, dose box with unit, time
// window). Every control writes a ScenarioDocument setter and every document signal updates the
// controls (STYLE.md §2), so a click on the diagram shows up here too. Sliders write while they
// are dragged: the live path re-simulates on every step. Owned by the main window (as a dock
// widget); GUI thread only.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <vector>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QToolBox;

namespace ferroscope::core {
class ScenarioDocument;
}

namespace ferroscope::ui {

class InterventionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit InterventionsPanel(core::ScenarioDocument &document, QWidget *parent = nullptr);
    ~InterventionsPanel() override;

    // ---- slider mappings (public for tests)
    static constexpr int kSliderSteps = 1000;
    /// Gene slider: position 0–1000 -> ×0–×5, piecewise linear with ×1 (normal) in the middle,
    /// so knock-down ×0.2 and overexpression ×3 land on exact positions (100, 750).
    static double geneMultiplierAt(int position);
    static int genePositionFor(double multiplier);
    /// Dose slider over [min, max]: logarithmic when the range spans a decade or more.
    static bool logScale(double min, double max);
    static double doseAt(int position, double min, double max);
    static int dosePositionFor(double dose, double min, double max);
    /// Id of the therapy preset the document's interventions are exactly, or "".
    static QString matchingPreset(const core::ScenarioDocument &document);

    // ---- the widgets a user touches (tests and the live benchmark drive them)
    QSlider *geneSlider(const QString &id) const;
    QComboBox *geneStateCombo(const QString &id) const;
    QLabel *geneValueLabel(const QString &id) const;
    QCheckBox *inputCheck(const QString &id) const;
    QSlider *doseSlider(const QString &id) const;
    QDoubleSpinBox *doseBox(const QString &id) const;
    QDoubleSpinBox *windowStartBox(const QString &id) const;
    QDoubleSpinBox *windowEndBox(const QString &id) const;
    QAbstractButton *phenotypeButton(const QString &id) const;
    QAbstractButton *compareButton() const;
    QComboBox *presetCombo() const;
    QPushButton *applyPresetButton() const;
    /// Opens the tool-box page holding this gene/input id (e.g. after a click on its glyph).
    void revealControl(const QString &id);

signals:
    /// The user clicked a target/drug name or picked a preset: show its evidence card.
    void evidenceRequested(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct GeneRow;
    struct InputRow;

    QWidget *buildPhenotypeBox();
    QWidget *buildPresetBox();
    QWidget *buildGenePage();
    QWidget *buildInputPage(const QStringList &ids);
    void addInputRow(QGridLayout *grid, int row, const QString &id);
    QLabel *nameLabel(const QString &text, const QString &evidenceId);
    QDoubleSpinBox *hoursBox(QWidget *parent, const QString &tip);
    void guardWheel(QWidget *w);

    void writeGeneState(const QString &id, int comboIndex);
    void writeGeneSlider(const QString &id, int position);
    void writeInputEnabled(const QString &id, bool on);
    void writeDoseSlider(const QString &id, int position);
    void writeDoseBox(const QString &id, double dose);
    void writeWindow(const QString &id, bool start, double hours);

    void syncGene(const QString &id);
    void syncInput(const QString &id);
    void syncPhenotype();
    void syncCompare();
    void syncAll();
    void updatePageTitles();
    void syncPreset();
    void fitPagesToWidth();

    core::ScenarioDocument &m_document;
    std::map<QString, GeneRow> m_genes;
    std::map<QString, InputRow> m_inputs;
    std::map<QString, QAbstractButton *> m_phenotypeButtons;
    QAbstractButton *m_compare = nullptr;
    QComboBox *m_presets = nullptr;
    QPushButton *m_apply = nullptr;
    QToolBox *m_toolBox = nullptr;
    struct Page {
        int index;
        QString title;
        QStringList ids;
        bool genes;
    };
    std::vector<Page> m_pages;
};

}  // namespace ferroscope::ui
