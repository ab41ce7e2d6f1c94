#include "ui/panels/help_dialogs.h"

#include "core/model/project.h"
#include "ui/diagram/glyph_items.h"
#include "ui/style/palette.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QVBoxLayout>

namespace ferroscope::ui {

namespace {

constexpr double kGlyphX = 70;    // centre of the glyph column
constexpr double kTextX = 170;    // left edge of the explanations
constexpr double kRow = 52;       // row pitch

QGraphicsSimpleTextItem *addText(QGraphicsScene *scene, const QString &text, QPointF at, double pt = 10.5,
                                 bool bold = false)
{
    auto *item = scene->addSimpleText(text, palette::uiFont(pt, bold));
    item->setPos(at.x(), at.y() - item->boundingRect().height() / 2);
    return item;
}

void heading(QGraphicsScene *scene, const QString &text, double &y)
{
    y += 18;
    addText(scene, text, {10, y}, 12, true);
    y += 40;
}

GlyphItem *glyph(QGraphicsScene *scene, GlyphKind kind, const QString &label, QPointF at)
{
    auto *g = new GlyphItem(kind, label, QString(), label);
    g->setPos(at);
    g->setAcceptHoverEvents(false);
    scene->addItem(g);
    return g;
}

void entityRows(QGraphicsScene *scene, double &y)
{
    heading(scene, QObject::tr("Things (entity pools)"), y);
    const struct {
        GlyphKind kind;
        const char *label, *text;
    } rows[] = {
        {GlyphKind::Macromolecule, "GPX4", "Macromolecule (protein, mRNA): rounded rectangle."},
        {GlyphKind::SimpleChemical, "GSH", "Simple chemical (iron, ROS, glutathione, heme, PpIX): circle."},
        {GlyphKind::Phenotype, "ferroptosis", "Phenotype (cell fate: ferroptosis, stemness, viability)."},
        {GlyphKind::EmptySet, "", "Source or sink (synthesis from / degradation to nothing): ∅."},
        {GlyphKind::Drug, "erastin", "Drug or light, shown next to its target while it is switched on."},
    };
    for (const auto &r : rows) {
        glyph(scene, r.kind, QString::fromUtf8(r.label), {kGlyphX, y});
        addText(scene, QObject::tr(r.text), {kTextX, y});
        y += kRow;
    }
}

void arcRows(QGraphicsScene *scene, double &y)
{
    heading(scene, QObject::tr("Processes and arcs"), y);
    // A reaction: substrate -> process -> product, drawn once, explained in three lines.
    auto *a = glyph(scene, GlyphKind::SimpleChemical, QStringLiteral("Fe³⁺"), {20, y + 10});
    auto *p = new ProcessItem(QString(), QPointF(1, 0));
    p->setPos(kGlyphX, y + 10);
    scene->addItem(p);
    auto *b = glyph(scene, GlyphKind::SimpleChemical, QStringLiteral("Fe²⁺"), {120, y + 10});
    scene->addItem(new ArcItem(a, p, ArcClass::Consumption));
    scene->addItem(new ArcItem(p, b, ArcClass::Production));
    addText(scene, QObject::tr("Process node (small square): one reaction or transport step."), {kTextX, y - 8});
    addText(scene, QObject::tr("Plain line in: consumption.  Filled arrow out: production."), {kTextX, y + 16});
    y += kRow + 18;
    const struct {
        ArcClass cls;
        const char *text;
    } mods[] = {
        {ArcClass::Stimulation, "Stimulation (open arrowhead): speeds the process up."},
        {ArcClass::Catalysis, "Catalysis (open circle): the enzyme that carries it out."},
        {ArcClass::Inhibition, "Inhibition (bar): slows or blocks the process."},
    };
    for (const auto &m : mods) {
        auto *from = glyph(scene, GlyphKind::Macromolecule, QStringLiteral("X"), {22, y});
        auto *to = new ProcessItem(QString(), QPointF(0, 1));
        to->setPos(125, y);
        scene->addItem(to);
        scene->addItem(new ArcItem(from, to, m.cls));
        addText(scene, QObject::tr(m.text), {kTextX, y});
        y += kRow;
    }
}

void geneRows(QGraphicsScene *scene, double &y)
{
    heading(scene, QObject::tr("Gene targets: click a glyph to cycle, or use the sliders"), y);
    const struct {
        double level;
        const char *text;
    } states[] = {{1.0, "normal ×1"}, {0.2, "knock-down ×0.2"}, {0.0, "knockout ×0"}, {3.0, "overexpressed ×3"}};
    double x = kGlyphX;
    for (const auto &st : states) {
        auto *g = glyph(scene, GlyphKind::Macromolecule, QStringLiteral("GPX4"), {x, y + 6});
        g->setGeneTarget(true);
        g->setGeneLevel(st.level);
        auto *caption = addText(scene, QObject::tr(st.text), {0, y + 48}, 10);
        caption->setX(x - caption->boundingRect().width() / 2);
        x += 175;
    }
    y += 80;
    const char *notes[] = {
        "Knock-down is sky blue, knockout black, overexpression vermillion; graded slider values (×0–×5)",
        "are tinted in between. Gene changes act before the experiment (as siRNA/shRNA would).",
        "Right-click (or Ctrl+click) any glyph for its evidence card. Ctrl+wheel or Ctrl+= / Ctrl+- zoom,",
        "dragging the background pans, Ctrl+0 fits. Coloured regions are compartments: extracellular",
        "space, plasma membrane, endosome/lysosome, cytoplasm, mitochondrion and nucleus.",
    };
    for (const char *line : notes) {
        addText(scene, QObject::tr(line), {10, y}, 10);
        y += 20;
    }
}

}  // namespace

QGraphicsScene *createDiagramLegendScene()
{
    auto *scene = new QGraphicsScene;
    scene->setBackgroundBrush(Qt::white);
    double y = 0;
    entityRows(scene, y);
    arcRows(scene, y);
    geneRows(scene, y);
    scene->setSceneRect(scene->itemsBoundingRect().adjusted(-12, -12, 12, 12));
    return scene;
}

QDialog *createDiagramLegendDialog(QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("How to read the diagram"));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(QObject::tr("The diagram uses the <b>SBGN Process Description</b> notation "
                                         "(sbgn.org), the standard for biochemical network maps."),
                             dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QGraphicsScene *scene = createDiagramLegendScene();
    scene->setParent(dialog);
    auto *view = new QGraphicsView(scene, dialog);
    view->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    const QSize natural = scene->sceneRect().size().toSize() + QSize(40, 110);
    const QSize screen = parent && parent->screen() ? parent->screen()->availableGeometry().size() : QSize(1366, 768);
    dialog->resize(natural.boundedTo(screen * 0.9));
    view->ensureVisible(QRectF(scene->sceneRect().topLeft(), QSizeF(1, 1)));
    return dialog;
}

void showAboutBox(QWidget *parent, const core::Project &project)
{
    const QString text = QObject::tr(
        "<h3>Ferroscope %1</h3>"
        "<p>Explore iron and heme metabolism in cancer stem cells with a mechanistic ODE model: "
        "iron uptake, storage and export, ferroptosis, and 5-ALA/PpIX photodynamic diagnosis and "
        "therapy, in CSCs and non-stem cancer cells.</p>"
        "<p><b>Model:</b> %2<br><b>Based on:</b> Wang et al. 2022, <i>Inflammation and Regeneration</i> 42:34 "
        "(the seed review, Fig. 1 and Fig. 2).</p>"
        "<p><b>Licence:</b> GPL-3.0-or-later. This program comes with ABSOLUTELY NO WARRANTY.</p>"
        "<p><b>Credits:</b> Qt %3 (LGPL-3.0); <b>QCustomPlot</b> 2.1 by Emanuel Eichhammer (GPL-3.0), "
        "for the trajectory plots; SUNDIALS CVODE (BSD-3-Clause), Eigen (MPL-2.0) and libSBML "
        "(LGPL-2.1) for the simulation engine.</p>"
        "<p>The model is for teaching and hypothesis exploration; its parameters are partly estimated "
        "(marked \"est.\" on the evidence cards). It is not a clinical tool.</p>")
                             .arg(QStringLiteral(FERROSCOPE_VERSION),
                                  QString::fromStdString(project.modelVersion).toHtmlEscaped(),
                                  QString::fromLatin1(qVersion()));
    QMessageBox::about(parent, QObject::tr("About Ferroscope"), text);
}

}  // namespace ferroscope::ui
