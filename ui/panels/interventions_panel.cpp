#include "ui/panels/interventions_panel.h"

#include "core/scenario/scenario_document.h"
#include "ui/evidence/evidence_card.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ferroscope::ui {

using core::GeneState;
using core::InputSetting;

struct InterventionsPanel::GeneRow {
    QLabel *name = nullptr;
    QComboBox *state = nullptr;
    QSlider *slider = nullptr;
    QLabel *value = nullptr;
};

struct InterventionsPanel::InputRow {
    double min = 0, max = 1;
    int decimals = 2;
    QCheckBox *check = nullptr;
    QSlider *slider = nullptr;
    QDoubleSpinBox *dose = nullptr;
    QDoubleSpinBox *start = nullptr;
    QDoubleSpinBox *end = nullptr;
};

namespace {

constexpr double kGeneMax = 5.0;
constexpr int kGeneMid = InterventionsPanel::kSliderSteps / 2;
constexpr double kMaxWindowHours = 240;   // ten days: longer than any scenario the GUI runs
// Combo rows, in the order a glyph click cycles through them; "graded" marks slider values.
const char *const kStateNames[] = {"normal", "knock-down", "knockout", "overexpressed", "graded"};
constexpr int kGradedIndex = 4;

int comboIndexFor(GeneState s)
{
    switch (s) {
    case GeneState::Normal: return 0;
    case GeneState::KnockDown: return 1;
    case GeneState::Knockout: return 2;
    case GeneState::Overexpressed: return 3;
    default: return kGradedIndex;
    }
}

GeneState stateForIndex(int index)
{
    static const GeneState states[] = {GeneState::Normal, GeneState::KnockDown, GeneState::Knockout,
                                       GeneState::Overexpressed};
    return index >= 0 && index < 4 ? states[index] : GeneState::Normal;
}

// Gene rows grouped as in the paper's figures (ids not listed land in "Other targets").
const std::vector<std::pair<QString, QStringList>> &geneGroups()
{
    static const std::vector<std::pair<QString, QStringList>> groups = {
        {QStringLiteral("Iron uptake, storage and export"),
         {"TfR1", "FPN", "FT", "NCOA4", "IRP1", "IRP2", "myc"}},
        {QStringLiteral("Ferroptosis defence"), {"CD44v", "xCT", "GPX4", "NRF2"}},
        {QStringLiteral("Heme and PpIX"), {"FECH", "HO1", "ABCG2"}},
        {QStringLiteral("Stemness and hypoxia"), {"CD133", "CD44", "HIF1a"}},
    };
    return groups;
}

// Drug/light pages (tool-box pages); inputs not listed land in "Other inputs".
const std::vector<std::pair<QString, QStringList>> &inputPages()
{
    static const std::vector<std::pair<QString, QStringList>> pages = {
        {QStringLiteral("Ferroptosis inducers and protectors"), {"ERA", "SAS", "RSL3", "ML385", "FER1", "LIP1"}},
        {QStringLiteral("Iron chelators and iron supply"),
         {"DFO", "DFP", "DFX", "Dp44mT", "CUR", "SAL", "ANTITFR1", "HEP", "TfFe"}},
        {QStringLiteral("5-ALA, light and heme enzymes"), {"ALA_ext", "IRR", "KO143", "ZNPP", "FECHI"}},
        {QStringLiteral("Hypoxic niche"), {"O2", "YC1"}},
    };
    return pages;
}

/// Short row label: "FPN1 (SLC40A1)" -> "FPN1"; System Xc⁻ is better known than SLC7A11.
QString shortGeneName(const core::GeneTarget &g)
{
    if (g.id == "xCT") return QStringLiteral("System Xc⁻");
    const QString name = QString::fromStdString(g.name.empty() ? g.id : g.name);
    const int paren = name.indexOf(QStringLiteral(" ("));
    return paren > 0 ? name.left(paren) : name;
}

int decimalsFor(double min, double max)
{
    const double ref = min > 0 ? min : max / 10;
    if (!(ref > 0)) return 2;
    return std::clamp(1 - int(std::floor(std::log10(ref))), 0, 4);
}

/// Slider doses: 3 significant digits, within the dose box's decimals, so box and document agree.
double niceDose(double v, int decimals)
{
    if (!(v > 0)) return 0;
    const double sig = QString::number(v, 'g', 3).toDouble();
    return QString::number(sig, 'f', decimals).toDouble();
}

QString multiplierText(double x) { return QStringLiteral("×") + QString::number(x, 'f', 2); }

void setBold(QWidget *w, bool bold)
{
    QFont f = w->font();
    if (f.bold() == bold) return;
    f.setBold(bold);
    w->setFont(f);
}

}  // namespace

// ---------------------------------------------------------------- mappings

double InterventionsPanel::geneMultiplierAt(int position)
{
    position = std::clamp(position, 0, kSliderSteps);
    if (position <= kGeneMid) return double(position) / kGeneMid;
    return 1.0 + (kGeneMax - 1.0) * double(position - kGeneMid) / (kSliderSteps - kGeneMid);
}

int InterventionsPanel::genePositionFor(double x)
{
    if (!(x > 0)) return 0;
    if (x <= 1.0) return int(std::lround(x * kGeneMid));
    const double p = kGeneMid + (x - 1.0) / (kGeneMax - 1.0) * (kSliderSteps - kGeneMid);
    return std::min(kSliderSteps, int(std::lround(p)));
}

bool InterventionsPanel::logScale(double min, double max) { return min > 0 && max / min >= 10; }

double InterventionsPanel::doseAt(int position, double min, double max)
{
    const double f = double(std::clamp(position, 0, kSliderSteps)) / kSliderSteps;
    if (logScale(min, max)) return min * std::pow(max / min, f);
    return min + (max - min) * f;
}

int InterventionsPanel::dosePositionFor(double dose, double min, double max)
{
    double f = 0;
    if (logScale(min, max)) f = dose > 0 ? std::log(dose / min) / std::log(max / min) : 0;
    else if (max > min) f = (dose - min) / (max - min);
    return int(std::lround(std::clamp(f, 0.0, 1.0) * kSliderSteps));
}

// ---------------------------------------------------------------- construction

InterventionsPanel::InterventionsPanel(core::ScenarioDocument &document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(8);
    const core::Project &project = document.project();
    QWidget *cells = buildPhenotypeBox();
    QWidget *presets = buildPresetBox();
    layout->addWidget(cells);
    layout->addWidget(presets);
    // A foreign (SBML) model has no catalogue: show only the parts it has.
    cells->setVisible(!project.phenotypes.empty());
    m_compare->setVisible(project.phenotypes.size() > 1);
    presets->setVisible(!project.therapies.empty());
    if (project.phenotypes.empty() && project.genes.empty() && project.inputs.empty() && project.therapies.empty()) {
        auto *none = new QLabel(tr("This model has no phenotypes, gene targets or drug inputs to switch. Change its "
                                   "parameters and initial values in the Inspector (select an element on the "
                                   "diagram with the Select tool)."), this);
        none->setWordWrap(true);
        none->setObjectName(QStringLiteral("noInterventions"));
        layout->addWidget(none);
    }

    m_toolBox = new QToolBox(this);
    if (!project.genes.empty()) {
        m_pages.push_back({m_toolBox->addItem(buildGenePage(), {}), QStringLiteral("Gene targets"), {}, true});
        for (const auto &g : document.project().genes) m_pages.back().ids << QString::fromStdString(g.id);
    }
    QStringList placed;
    for (const auto &[title, ids] : inputPages()) {
        QStringList present;
        for (const QString &id : ids)
            if (document.project().findInput(id.toStdString())) present << id;
        if (present.isEmpty()) continue;
        placed << present;
        m_pages.push_back({m_toolBox->addItem(buildInputPage(present), {}), title, present, false});
    }
    QStringList others;
    for (const auto &in : document.project().inputs)
        if (!placed.contains(QString::fromStdString(in.id))) others << QString::fromStdString(in.id);
    if (!others.isEmpty())
        m_pages.push_back({m_toolBox->addItem(buildInputPage(others), {}), QStringLiteral("Other inputs"), others, false});
    layout->addWidget(m_toolBox, 1);
    if (m_toolBox->count() == 0) {
        m_toolBox->hide();
        layout->addStretch(1);
    }
    fitPagesToWidth();

    connect(&m_document, &core::ScenarioDocument::geneChanged, this, [this](const QString &id) { syncGene(id); });
    connect(&m_document, &core::ScenarioDocument::inputChanged, this, &InterventionsPanel::syncInput);
    connect(&m_document, &core::ScenarioDocument::phenotypeChanged, this, &InterventionsPanel::syncPhenotype);
    connect(&m_document, &core::ScenarioDocument::compareChanged, this, &InterventionsPanel::syncCompare);
    connect(&m_document, &core::ScenarioDocument::scenarioChanged, this, [this] {
        updatePageTitles();
        syncPreset();
    });
    syncAll();
}

InterventionsPanel::~InterventionsPanel() = default;

void InterventionsPanel::fitPagesToWidth()
{
    // QToolBox wraps each page in a scroll area that would scroll sideways and hide the names;
    // instead the panel is as wide as its widest page and pages only scroll vertically.
    int widest = 0;
    for (int i = 0; i < m_toolBox->count(); ++i) widest = std::max(widest, m_toolBox->widget(i)->minimumSizeHint().width());
    for (auto *scroll : m_toolBox->findChildren<QScrollArea *>()) {
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setFrameShape(QFrame::NoFrame);
    }
    m_toolBox->setMinimumWidth(widest + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
}

QWidget *InterventionsPanel::buildPhenotypeBox()
{
    auto *box = new QGroupBox(tr("Cells"), this);
    auto *v = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    auto *group = new QButtonGroup(box);
    group->setExclusive(true);
    for (const auto &p : m_document.project().phenotypes) {
        const QString id = QString::fromStdString(p.id);
        auto *b = new QPushButton(id == QLatin1String("nonCSC") ? tr("non-CSC") : id, box);
        b->setCheckable(true);
        b->setToolTip(evidenceHtml(m_document.project(), id));
        b->setMinimumWidth(90);
        group->addButton(b);
        row->addWidget(b);
        m_phenotypeButtons[id] = b;
        connect(b, &QPushButton::clicked, this, [this, id] { m_document.setPhenotype(id); });
    }
    row->addStretch(1);
    v->addLayout(row);
    auto *compare = new QCheckBox(tr("Compare CSC vs non-CSC side by side"), box);
    compare->setToolTip(tr("Runs both phenotypes with the same interventions and overlays them "
                           "(non-CSC solid, CSC dash-dot) with a CSC/non-CSC read-out (Ctrl+K)."));
    connect(compare, &QCheckBox::toggled, &m_document, &core::ScenarioDocument::setCompare);
    m_compare = compare;
    v->addWidget(compare);
    return box;
}

QWidget *InterventionsPanel::buildPresetBox()
{
    auto *box = new QGroupBox(tr("Therapy preset"), this);
    auto *row = new QHBoxLayout(box);
    m_presets = new QComboBox(box);
    m_presets->setPlaceholderText(tr("Choose a therapy…"));
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presets->setMinimumContentsLength(16);
    for (const auto &t : m_document.project().therapies) {
        const QString id = QString::fromStdString(t.id);
        m_presets->addItem(QString::fromStdString(t.name.empty() ? t.id : t.name), id);
        m_presets->setItemData(m_presets->count() - 1, evidenceHtml(m_document.project(), id), Qt::ToolTipRole);
    }
    m_presets->setCurrentIndex(-1);
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        emit evidenceRequested(m_presets->itemData(index).toString());
    });
    m_apply = new QPushButton(tr("Apply"), box);
    m_apply->setToolTip(tr("Clears all interventions, then applies the chosen therapy preset."));
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (m_presets->currentIndex() >= 0) m_document.applyTherapy(m_presets->currentData().toString());
    });
    auto *reset = new QPushButton(tr("Reset"), box);
    reset->setToolTip(tr("Back to no intervention: every target normal, every drug and the light off."));
    connect(reset, &QPushButton::clicked, &m_document, &core::ScenarioDocument::resetInterventions);
    row->addWidget(m_presets, 1);
    row->addWidget(m_apply);
    row->addWidget(reset);
    guardWheel(m_presets);
    return box;
}

QLabel *InterventionsPanel::nameLabel(const QString &text, const QString &evidenceId)
{
    auto *label = new QLabel(text);
    label->setToolTip(evidenceHtml(m_document.project(), evidenceId));
    label->setProperty("evidenceId", evidenceId);
    label->setCursor(Qt::PointingHandCursor);
    label->installEventFilter(this);
    return label;
}

void InterventionsPanel::guardWheel(QWidget *w)
{
    // A wheel over the scrolling panel must scroll it, not change the dose under the pointer.
    w->setFocusPolicy(Qt::StrongFocus);
    w->installEventFilter(this);
}

QWidget *InterventionsPanel::buildGenePage()
{
    auto *page = new QWidget;
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(3);
    grid->setColumnStretch(2, 1);
    const core::Project &project = m_document.project();
    QStringList placed;
    auto groups = geneGroups();
    QStringList rest;
    for (const auto &g : project.genes) {
        const QString id = QString::fromStdString(g.id);
        bool listed = false;
        for (const auto &grp : groups) listed = listed || grp.second.contains(id);
        if (!listed) rest << id;
    }
    if (!rest.isEmpty()) groups.push_back({tr("Other targets"), rest});

    int row = 0;
    for (const auto &[title, ids] : groups) {
        auto *header = new QLabel(title, page);
        setBold(header, true);
        grid->addWidget(header, row++, 0, 1, 4, Qt::AlignBottom);
        for (const QString &id : ids) {
            const core::GeneTarget *g = project.findGene(id.toStdString());
            if (!g) continue;
            GeneRow r;
            r.name = nameLabel(shortGeneName(*g), id);
            r.name->setParent(page);
            r.state = new QComboBox(page);
            for (const char *s : kStateNames) r.state->addItem(tr(s));
            if (auto *model = qobject_cast<QStandardItemModel *>(r.state->model()))
                model->item(kGradedIndex)->setEnabled(false);   // shown for slider values only
            r.state->setToolTip(r.name->toolTip());
            r.slider = new QSlider(Qt::Horizontal, page);
            r.slider->setRange(0, kSliderSteps);
            r.slider->setPageStep(50);
            r.slider->setMinimumWidth(70);
            r.slider->setToolTip(tr("Expression level ×0 (knockout) … ×1 (normal, middle) … ×5"));
            r.slider->setAccessibleName(tr("%1 expression level").arg(r.name->text()));
            r.value = new QLabel(page);
            r.value->setMinimumWidth(r.value->fontMetrics().horizontalAdvance(QStringLiteral("×0.00")) + 4);
            r.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            guardWheel(r.state);
            guardWheel(r.slider);
            connect(r.state, &QComboBox::activated, this, [this, id](int index) { writeGeneState(id, index); });
            connect(r.slider, &QSlider::valueChanged, this, [this, id](int pos) { writeGeneSlider(id, pos); });
            grid->addWidget(r.name, row, 0);
            grid->addWidget(r.state, row, 1);
            grid->addWidget(r.slider, row, 2);
            grid->addWidget(r.value, row, 3);
            m_genes[id] = r;
            ++row;
        }
    }
    grid->setRowStretch(row, 1);
    return page;
}

QWidget *InterventionsPanel::buildInputPage(const QStringList &ids)
{
    auto *page = new QWidget;
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);
    auto *hint = new QLabel(tr("Tick a drug or drag its dose. The two boxes after the slider are its "
                               "time window in hours (\"end\" = until the end of the run)."),
                            page);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #555555;"));
    grid->addWidget(hint, 0, 0, 1, 4);
    int row = 1;
    for (const QString &id : ids) {
        addInputRow(grid, row, id);
        row += 2;
    }
    grid->setRowStretch(row, 1);
    return page;
}

QDoubleSpinBox *InterventionsPanel::hoursBox(QWidget *parent, const QString &tip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, kMaxWindowHours);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" h"));
    box->setKeyboardTracking(false);
    box->setToolTip(tip);
    guardWheel(box);
    return box;
}

void InterventionsPanel::addInputRow(QGridLayout *grid, int row, const QString &id)
{
    const core::InputSpec *spec = m_document.project().findInput(id.toStdString());
    QWidget *page = grid->parentWidget();
    InputRow r;
    r.min = spec->typicalMin;
    r.max = spec->typicalMax > spec->typicalMin ? spec->typicalMax : spec->typicalMin + 1;
    r.decimals = decimalsFor(r.min, r.max);
    const QString unit = QString::fromStdString(spec->unit);
    const QString card = evidenceHtml(m_document.project(), id);

    // Row 1: name (checkbox) and dose; row 2: dose slider and time window.
    r.check = new QCheckBox(QString::fromStdString(spec->name.empty() ? spec->id : spec->name), page);
    r.check->setToolTip(card);
    r.check->setProperty("evidenceId", id);
    r.check->installEventFilter(this);
    r.dose = new QDoubleSpinBox(page);
    r.dose->setDecimals(r.decimals);
    r.dose->setRange(0, r.max * 5);
    r.dose->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    r.dose->setSuffix(QStringLiteral(" ") + unit);
    r.dose->setKeyboardTracking(false);
    r.dose->setToolTip(card);
    guardWheel(r.dose);
    r.slider = new QSlider(Qt::Horizontal, page);
    r.slider->setRange(0, kSliderSteps);
    r.slider->setPageStep(50);
    r.slider->setMinimumWidth(60);
    r.slider->setAccessibleName(tr("%1 dose").arg(r.check->text()));
    r.slider->setToolTip(tr("Typical range %1–%2 %3%4 (dragging switches the input on)")
                             .arg(QString::number(r.min, 'g', 3), QString::number(r.max, 'g', 3), unit,
                                  logScale(r.min, r.max) ? tr(", log scale") : QString()));
    guardWheel(r.slider);
    r.start = hoursBox(page, tr("Start of the window (h after the start of the run)"));
    r.end = hoursBox(page, tr("End of the window (h); \"end\" = until the end of the run"));
    r.end->setSpecialValueText(tr("end"));
    auto *arrow = new QLabel(QStringLiteral("→"), page);

    connect(r.check, &QCheckBox::toggled, this, [this, id](bool on) { writeInputEnabled(id, on); });
    connect(r.slider, &QSlider::valueChanged, this, [this, id](int pos) { writeDoseSlider(id, pos); });
    connect(r.dose, &QDoubleSpinBox::valueChanged, this, [this, id](double v) { writeDoseBox(id, v); });
    connect(r.start, &QDoubleSpinBox::valueChanged, this, [this, id](double v) { writeWindow(id, true, v); });
    connect(r.end, &QDoubleSpinBox::valueChanged, this, [this, id](double v) { writeWindow(id, false, v); });

    grid->addWidget(r.check, row, 0);
    grid->addWidget(r.dose, row, 1, 1, 3);
    grid->addWidget(r.slider, row + 1, 0);
    grid->addWidget(r.start, row + 1, 1);
    grid->addWidget(arrow, row + 1, 2);
    grid->addWidget(r.end, row + 1, 3);
    grid->setRowMinimumHeight(row, r.dose->sizeHint().height() + 8);   // air between inputs
    m_inputs[id] = r;
}

// ---------------------------------------------------------------- controls -> document

void InterventionsPanel::writeGeneState(const QString &id, int comboIndex)
{
    if (comboIndex == kGradedIndex) return;
    m_document.setGene(id, core::ScenarioDocument::multiplierFor(stateForIndex(comboIndex)));
}

void InterventionsPanel::writeGeneSlider(const QString &id, int position)
{
    m_document.setGene(id, geneMultiplierAt(position));
}

void InterventionsPanel::writeInputEnabled(const QString &id, bool on)
{
    m_document.setInputEnabled(id, on);
    syncInput(id);
}

void InterventionsPanel::writeDoseSlider(const QString &id, int position)
{
    const InputRow &r = m_inputs.at(id);
    InputSetting s = m_document.input(id);
    s.dose = niceDose(doseAt(position, r.min, r.max), r.decimals);
    s.enabled = true;   // dragging a dose means "give this drug"
    m_document.setInput(id, s);
    syncInput(id);
}

void InterventionsPanel::writeDoseBox(const QString &id, double dose)
{
    InputSetting s = m_document.input(id);
    s.dose = dose;
    s.enabled = true;
    m_document.setInput(id, s);
    syncInput(id);
}

void InterventionsPanel::writeWindow(const QString &id, bool start, double hours)
{
    InputSetting s = m_document.input(id);
    if (start) {
        const double duration = s.end >= 0 ? s.end - s.start : -1;
        s.start = hours;
        if (s.end >= 0 && s.end < s.start) s.end = s.start + duration;   // keep the window's length
    } else {
        s.end = hours > 0 ? std::max(hours, s.start) : -1.0;
    }
    m_document.setInput(id, s);
    syncInput(id);   // the document may have refused or adjusted the window
}

// ---------------------------------------------------------------- document -> controls

void InterventionsPanel::syncGene(const QString &id)
{
    auto it = m_genes.find(id);
    if (it == m_genes.end()) return;
    const GeneRow &r = it->second;
    const double x = m_document.gene(id);
    {
        const QSignalBlocker b1(r.state), b2(r.slider);
        r.state->setCurrentIndex(comboIndexFor(core::ScenarioDocument::geneState(x)));
        if (geneMultiplierAt(r.slider->value()) != x) r.slider->setValue(genePositionFor(x));
    }
    r.value->setText(multiplierText(x));
    setBold(r.name, x != 1.0);
    setBold(r.value, x != 1.0);
}

void InterventionsPanel::syncInput(const QString &id)
{
    auto it = m_inputs.find(id);
    if (it == m_inputs.end()) return;
    const InputRow &r = it->second;
    const InputSetting s = m_document.input(id);
    const QSignalBlocker b1(r.check), b2(r.slider), b3(r.dose), b4(r.start), b5(r.end);
    r.check->setChecked(s.enabled);
    setBold(r.check, s.enabled);
    // While dragging, leave the slider where the hand put it if it already means this dose.
    if (niceDose(doseAt(r.slider->value(), r.min, r.max), r.decimals) != s.dose)
        r.slider->setValue(dosePositionFor(s.dose, r.min, r.max));
    if (r.dose->value() != s.dose) r.dose->setValue(s.dose);
    r.start->setValue(s.start);
    r.end->setValue(s.end >= 0 ? s.end : 0.0);
}

void InterventionsPanel::syncPhenotype()
{
    for (auto &[id, button] : m_phenotypeButtons) {
        const QSignalBlocker block(button);
        button->setChecked(id == m_document.phenotype());
    }
}

void InterventionsPanel::syncCompare()
{
    {
        const QSignalBlocker block(m_compare);
        m_compare->setChecked(m_document.compare());
    }
    // In compare mode both phenotypes run: the single-phenotype switch has no effect.
    for (auto &[id, button] : m_phenotypeButtons) button->setEnabled(!m_document.compare());
}

void InterventionsPanel::syncAll()
{
    for (const auto &[id, r] : m_genes) syncGene(id);
    for (const auto &[id, r] : m_inputs) syncInput(id);
    syncPhenotype();
    syncCompare();
    updatePageTitles();
    syncPreset();
}

void InterventionsPanel::syncPreset()
{
    // After every change the combo names the preset the interventions now are exactly, or none.
    const QSignalBlocker block(m_presets);
    m_presets->setCurrentIndex(m_presets->findData(matchingPreset(m_document)));
}

QString InterventionsPanel::matchingPreset(const core::ScenarioDocument &document)
{
    const core::Project &project = document.project();
    auto matches = [&](const core::TherapyPreset &t) {
        for (const auto &in : project.inputs) {
            const InputSetting s = document.input(QString::fromStdString(in.id));
            const auto dose = std::find_if(t.inputs.begin(), t.inputs.end(),
                                           [&](const core::InputDose &d) { return d.input == in.id; });
            if (dose == t.inputs.end() ? s.enabled
                                       : (!s.enabled || s.dose != dose->value || s.start != dose->start ||
                                          s.end != dose->end))
                return false;
        }
        for (const auto &g : project.genes) {
            const auto it = t.genes.find(g.id);
            if (document.gene(QString::fromStdString(g.id)) != (it == t.genes.end() ? 1.0 : it->second)) return false;
        }
        return true;
    };
    for (const auto &t : project.therapies)
        if (matches(t)) return QString::fromStdString(t.id);
    return {};
}

void InterventionsPanel::updatePageTitles()
{
    for (const Page &p : m_pages) {
        int active = 0;
        for (const QString &id : p.ids)
            active += p.genes ? (m_document.gene(id) != 1.0) : m_document.input(id).enabled;
        QString title = p.title;
        if (active > 0)
            title += p.genes ? tr("  ·  %n changed", nullptr, active) : tr("  ·  %n on", nullptr, active);
        if (m_toolBox->itemText(p.index) != title) m_toolBox->setItemText(p.index, title);
    }
}

void InterventionsPanel::revealControl(const QString &id)
{
    QWidget *target = nullptr;
    if (auto g = m_genes.find(id); g != m_genes.end()) target = g->second.slider;
    else if (auto in = m_inputs.find(id); in != m_inputs.end()) target = in->second.check;
    if (!target) return;
    for (const Page &p : m_pages)
        if (p.ids.contains(id)) m_toolBox->setCurrentIndex(p.index);
    for (QWidget *w = target->parentWidget(); w; w = w->parentWidget())
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->ensureWidgetVisible(target, 20, 40);
            break;
        }
}

bool InterventionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    auto *w = qobject_cast<QWidget *>(watched);
    if (event->type() == QEvent::Wheel && w && !w->hasFocus()) {
        event->ignore();   // propagates to the scroll area
        return true;
    }
    if (event->type() == QEvent::MouseButtonRelease && w && w->property("evidenceId").isValid()) {
        emit evidenceRequested(w->property("evidenceId").toString());
        return false;
    }
    return QWidget::eventFilter(watched, event);
}

// ---------------------------------------------------------------- accessors

QSlider *InterventionsPanel::geneSlider(const QString &id) const
{
    auto it = m_genes.find(id);
    return it == m_genes.end() ? nullptr : it->second.slider;
}
QComboBox *InterventionsPanel::geneStateCombo(const QString &id) const
{
    auto it = m_genes.find(id);
    return it == m_genes.end() ? nullptr : it->second.state;
}
QLabel *InterventionsPanel::geneValueLabel(const QString &id) const
{
    auto it = m_genes.find(id);
    return it == m_genes.end() ? nullptr : it->second.value;
}
QCheckBox *InterventionsPanel::inputCheck(const QString &id) const
{
    auto it = m_inputs.find(id);
    return it == m_inputs.end() ? nullptr : it->second.check;
}
QSlider *InterventionsPanel::doseSlider(const QString &id) const
{
    auto it = m_inputs.find(id);
    return it == m_inputs.end() ? nullptr : it->second.slider;
}
QDoubleSpinBox *InterventionsPanel::doseBox(const QString &id) const
{
    auto it = m_inputs.find(id);
    return it == m_inputs.end() ? nullptr : it->second.dose;
}
QDoubleSpinBox *InterventionsPanel::windowStartBox(const QString &id) const
{
    auto it = m_inputs.find(id);
    return it == m_inputs.end() ? nullptr : it->second.start;
}
QDoubleSpinBox *InterventionsPanel::windowEndBox(const QString &id) const
{
    auto it = m_inputs.find(id);
    return it == m_inputs.end() ? nullptr : it->second.end;
}
QAbstractButton *InterventionsPanel::phenotypeButton(const QString &id) const
{
    auto it = m_phenotypeButtons.find(id);
    return it == m_phenotypeButtons.end() ? nullptr : it->second;
}
QAbstractButton *InterventionsPanel::compareButton() const { return m_compare; }
QComboBox *InterventionsPanel::presetCombo() const { return m_presets; }
QPushButton *InterventionsPanel::applyPresetButton() const { return m_apply; }

}  // namespace ferroscope::ui
