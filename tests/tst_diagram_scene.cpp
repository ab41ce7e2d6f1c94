// The pathway diagram: the hand layout matches the model, nothing overlaps, the glyphs follow the
// ScenarioDocument (gene clicks, drug inputs), tooltips carry the evidence, and export renders.
// Set FERROSCOPE_SHOT_DIR to also save screenshots of every tab at 1600x1000 and 1366x768.
#include "core/io/project_file.h"
#include "core/scenario/scenario_document.h"
#include "ui/diagram/diagram_layout.h"
#include "ui/diagram/diagram_view.h"
#include "ui/diagram/diagram_widget.h"
#include "ui/diagram/glyph_items.h"
#include "ui/diagram/pathway_scene.h"
#include "ui/evidence/evidence_card.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>
#include <QWheelEvent>

#include <memory>
#include <set>

using namespace ferroscope;
using ui::ArcClass;
using ui::ArcItem;
using ui::GlyphItem;
using ui::GlyphKind;
using ui::PathwayScene;

namespace {

const core::Project &project() { return core::builtinProject(); }

QStringList figureIds()
{
    QStringList ids;
    for (const auto &f : ui::DiagramLayout::builtin().figures()) ids << f.id;
    return ids;
}

/// Everything that occupies canvas and must not collide: glyph bodies (+ gene badge room, ∅
/// captions), process nodes with their ports, and process captions.
struct Box {
    QString name;
    QRectF rect;
    const QGraphicsItem *item;
};

std::vector<Box> boxes(const PathwayScene &scene)
{
    std::vector<Box> out;
    for (GlyphItem *g : scene.glyphs()) out.push_back({g->glyphId(), g->footprint(), g});
    for (GlyphItem *g : scene.drugGlyphs()) out.push_back({g->glyphId(), g->footprint(), g});
    for (ui::ProcessItem *p : scene.processes()) {
        out.push_back({QStringLiteral("process %1").arg(p->ref()), p->footprint(), p});
        if (!p->captionRect().isEmpty())
            out.push_back({QStringLiteral("caption of %1").arg(p->ref()), p->captionRect(), p});
    }
    const QList<QGraphicsItem *> items = scene.items();
    for (QGraphicsItem *item : items) {
        if (auto *legend = qgraphicsitem_cast<ui::LegendItem *>(item))
            out.push_back({QStringLiteral("legend"), legend->sceneBoundingRect(), legend});
        auto *c = qgraphicsitem_cast<ui::CompartmentItem *>(item);
        if (!c) continue;
        for (QGraphicsItem *label : {c->labelItem(), c->innerLabelItem()})
            if (auto *text = static_cast<QGraphicsSimpleTextItem *>(label))
                out.push_back({QStringLiteral("label '%1'").arg(text->text()), text->sceneBoundingRect(), text});
    }
    return out;
}

/// Does the segment a-b pass through the rectangle r (shrunk a little so grazing is allowed)?
bool segmentCrosses(QPointF a, QPointF b, const QRectF &r)
{
    const int steps = int(std::max(8.0, QLineF(a, b).length() / 2));
    for (int i = 1; i < steps; ++i) {
        const QPointF p = a + (b - a) * (double(i) / steps);
        if (r.contains(p)) return true;
    }
    return false;
}

void enableEverything(core::ScenarioDocument &doc)
{
    for (const auto &in : project().inputs) doc.setInputEnabled(QString::fromStdString(in.id), true);
    for (const auto &g : project().genes) doc.setGene(QString::fromStdString(g.id), 0.2);   // KD badges
}

}  // namespace

class TestDiagramScene : public QObject {
    Q_OBJECT
private slots:
    void layoutMatchesModel_data();
    void layoutMatchesModel();
    void shownReactionsAreComplete_data();
    void shownReactionsAreComplete();
    void nothingOverlaps_data();
    void nothingOverlaps();
    void arcsAvoidGlyphs_data();
    void arcsAvoidGlyphs();
    void everyInputAndGeneIsOnADiagram();
    void clickCyclesGene();
    void rightClickAsksForEvidence();
    void drugGlyphFollowsInput();
    void tooltipsCarryEvidence();
    void hoverShowsTooltipAndHighlight();
    void evidenceCardsForEveryKind();
    void renderToDrawsTheFigure();
    void slideFocusShowsTheDrugLegibly();
    void zoomAndFit();
    void wheelZoomAndPan();
    void screenshots();
};

void TestDiagramScene::layoutMatchesModel_data()
{
    QTest::addColumn<QString>("figure");
    for (const QString &id : figureIds()) QTest::newRow(qPrintable(id)) << id;
}

void TestDiagramScene::layoutMatchesModel()
{
    QFETCH(QString, figure);
    const ui::FigureLayout *f = ui::DiagramLayout::builtin().figure(figure);
    QVERIFY(f);
    std::set<QString> refs;
    for (const auto &g : f->glyphs) {
        const std::string ref = g.ref.toStdString();
        const bool known = project().model.findSpecies(ref) || project().findGene(ref) ||
                           !ui::evidenceKind(project(), g.ref).isEmpty();
        QVERIFY2(known, qPrintable(QStringLiteral("glyph %1 refers to unknown %2").arg(g.id, g.ref)));
        if (g.id == g.ref && !project().findGene(ref) && g.kind != GlyphKind::Phenotype)
            QVERIFY2(project().model.findSpecies(ref), qPrintable(g.id + QStringLiteral(" is not a species")));
        QVERIFY2(refs.insert(g.ref).second, qPrintable(g.ref + QStringLiteral(" is shown twice")));
        QVERIFY2(QRectF(QPointF(0, 0), f->size).contains(g.pos), qPrintable(g.id + QStringLiteral(" is off the figure")));
    }
    for (const auto &p : f->processes) QVERIFY2(project().model.findReaction(p.reaction.toStdString()), qPrintable(p.reaction));
    for (const auto &r : f->regulations) QVERIFY2(project().model.findReaction(r.reaction.toStdString()), qPrintable(r.reaction));
    for (const auto &d : f->drugs) QVERIFY2(project().findInput(d.input.toStdString()), qPrintable(d.input));

    core::ScenarioDocument doc(project());
    PathwayScene scene(doc, ui::DiagramLayout::builtin(), figure);
    enableEverything(doc);
    QVERIFY2(scene.problems().isEmpty(), qPrintable(scene.problems().join(QLatin1Char('\n'))));
}

void TestDiagramScene::shownReactionsAreComplete_data() { layoutMatchesModel_data(); }

void TestDiagramScene::shownReactionsAreComplete()
{
    QFETCH(QString, figure);
    core::ScenarioDocument doc(project());
    PathwayScene scene(doc, ui::DiagramLayout::builtin(), figure);
    const QList<ArcItem *> arcs = scene.arcs();
    auto hasArc = [&](const QGraphicsItem *from, const QGraphicsItem *to, ArcClass cls) {
        return std::any_of(arcs.begin(), arcs.end(), [&](ArcItem *a) {
            return a->from() == from && a->to() == to && a->arcClass() == cls;
        });
    };
    QVERIFY(!scene.processes().isEmpty());
    for (ui::ProcessItem *p : scene.processes()) {
        const core::Reaction *r = project().model.findReaction(p->ref().toStdString());
        QVERIFY(r);
        for (const auto &s : r->reactants) {
            GlyphItem *g = scene.glyph(QString::fromStdString(s.species));
            QVERIFY2(g, qPrintable(p->ref() + QStringLiteral(": no glyph for reactant ") + QString::fromStdString(s.species)));
            QVERIFY(hasArc(g, p, ArcClass::Consumption));
        }
        for (const auto &s : r->products) {
            GlyphItem *g = scene.glyph(QString::fromStdString(s.species));
            QVERIFY2(g, qPrintable(p->ref() + QStringLiteral(": no glyph for product ") + QString::fromStdString(s.species)));
            QVERIFY(hasArc(p, g, ArcClass::Production));
        }
        if (r->reactants.empty()) QVERIFY(scene.glyph(QStringLiteral("∅:%1:in").arg(p->ref())));
        if (r->products.empty()) QVERIFY(scene.glyph(QStringLiteral("∅:%1:out").arg(p->ref())));
    }
}

void TestDiagramScene::nothingOverlaps_data() { layoutMatchesModel_data(); }

void TestDiagramScene::nothingOverlaps()
{
    QFETCH(QString, figure);
    core::ScenarioDocument doc(project());
    PathwayScene scene(doc, ui::DiagramLayout::builtin(), figure);
    enableEverything(doc);   // every drug glyph and every gene badge on the canvas
    const std::vector<Box> all = boxes(scene);
    QVERIFY(all.size() > 20);
    QStringList clashes;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!scene.figureRect().contains(all[i].rect)) clashes << all[i].name + QStringLiteral(" sticks out of the figure");
        for (std::size_t j = i + 1; j < all.size(); ++j)
            if (all[i].item != all[j].item && all[i].rect.intersects(all[j].rect))
                clashes << all[i].name + QStringLiteral(" overlaps ") + all[j].name;
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestDiagramScene::arcsAvoidGlyphs_data() { layoutMatchesModel_data(); }

void TestDiagramScene::arcsAvoidGlyphs()
{
    QFETCH(QString, figure);
    core::ScenarioDocument doc(project());
    PathwayScene scene(doc, ui::DiagramLayout::builtin(), figure);
    enableEverything(doc);
    const std::vector<Box> all = boxes(scene);
    QStringList crossings;
    for (ArcItem *arc : scene.arcs()) {
        const QPolygonF pts = arc->points();
        for (const Box &b : all) {
            if (b.item == arc->from() || b.item == arc->to()) continue;
            const QRectF r = b.rect.adjusted(3, 3, -3, -3);
            for (int i = 0; i + 1 < pts.size(); ++i) {
                if (segmentCrosses(pts[i], pts[i + 1], r)) {
                    crossings << QStringLiteral("arc %1 -> %2 crosses %3")
                                     .arg(arc->from()->ref(), arc->to()->ref(), b.name);
                    break;
                }
            }
        }
    }
    QVERIFY2(crossings.isEmpty(), qPrintable(crossings.join(QLatin1Char('\n'))));
}

void TestDiagramScene::everyInputAndGeneIsOnADiagram()
{
    std::set<std::string> inputs, genes;
    for (const auto &f : ui::DiagramLayout::builtin().figures()) {
        for (const auto &d : f.drugs) inputs.insert(d.input.toStdString());
        for (const auto &g : f.glyphs)
            if (project().findGene(g.ref.toStdString())) genes.insert(g.ref.toStdString());
    }
    for (const auto &in : project().inputs) QVERIFY2(inputs.count(in.id), in.id.c_str());
    for (const auto &g : project().genes) QVERIFY2(genes.count(g.id), g.id.c_str());
}

void TestDiagramScene::slideFocusShowsTheDrugLegibly()
{
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    widget.setCurrentFigure(0);
    const QSizeF target(560, 650);
    const double minLabelPx = 32;   // 24 pt on a 1920x1080 slide
    // Nothing changed: centred on the labile iron pool, at a scale where 11 pt labels reach 32 px.
    QRectF focus = widget.focusRect(target, minLabelPx);
    QVERIFY(focus.isValid());
    const double scale = target.width() / focus.width();
    QVERIFY(std::fabs(scale - minLabelPx / (11.0 * 96.0 / 72.0)) < 1e-9);
    GlyphItem *lip = widget.view(0)->pathwayScene()->glyph(QStringLiteral("LIP"));
    QVERIFY(lip && focus.contains(lip->sceneBoundingRect().center()));
    // RSL3 on: the drug glyph and GPX4 are in view.
    doc.setInputEnabled(QStringLiteral("RSL3"), true);
    focus = widget.focusRect(target, minLabelPx);
    const auto drugs = widget.view(0)->pathwayScene()->drugGlyphs();
    QVERIFY(!drugs.isEmpty());
    QVERIFY(focus.contains(drugs.first()->sceneBoundingRect().center()));
    GlyphItem *gpx4 = widget.view(0)->pathwayScene()->glyph(QStringLiteral("GPX4"));
    QVERIFY(gpx4 && focus.contains(gpx4->sceneBoundingRect().center()));
    QImage image(target.toSize(), QImage::Format_ARGB32);
    image.fill(Qt::black);
    QPainter painter(&image);
    widget.renderFocusTo(&painter, QRectF(QPointF(0, 0), target), minLabelPx);
    painter.end();
    QCOMPARE(image.pixelColor(1, 1).lightness() > 0, true);   // painted (white background or figure)
}

void TestDiagramScene::clickCyclesGene()
{
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    widget.resize(1600, 1000);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    widget.setCurrentFigure(0);
    ui::DiagramView *view = widget.view(0);
    GlyphItem *gpx4 = view->pathwayScene()->glyph(QStringLiteral("GPX4"));
    QVERIFY(gpx4);
    QVERIFY(gpx4->isGeneTarget());
    QCOMPARE(gpx4->badgeText(), QString());

    const struct { double x; const char *badge; } steps[] = {{0.2, "KD ×0.2"}, {0.0, "KO"}, {3.0, "OE ×3"}, {1.0, ""}};
    for (const auto &step : steps) {
        const QPoint at = view->mapFromScene(gpx4->scenePos());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(doc.gene(QStringLiteral("GPX4")), step.x);
        QCOMPARE(gpx4->badgeText(), QString::fromUtf8(step.badge));
        QCOMPARE(gpx4->geneLevel(), step.x);
    }
    // A custom level set elsewhere (the panel's slider) shows as a plain multiplier badge.
    doc.setGene(QStringLiteral("GPX4"), 0.5);
    QCOMPARE(gpx4->badgeText(), QStringLiteral("×0.5"));
}

void TestDiagramScene::rightClickAsksForEvidence()
{
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    widget.resize(1600, 1000);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy spy(&widget, &ui::DiagramWidget::evidenceRequested);
    ui::DiagramView *view = widget.view(0);
    GlyphItem *gpx4 = view->pathwayScene()->glyph(QStringLiteral("GPX4"));
    GlyphItem *lip = view->pathwayScene()->glyph(QStringLiteral("LIP"));
    QVERIFY(gpx4 && lip);

    QTest::mouseClick(view->viewport(), Qt::RightButton, {}, view->mapFromScene(gpx4->scenePos()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->mapFromScene(gpx4->scenePos()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(lip->scenePos()));
    QCOMPARE(doc.gene(QStringLiteral("GPX4")), 1.0);   // neither right- nor Ctrl+click toggles
    QTRY_COMPARE(spy.count(), 3);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("GPX4"));
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("GPX4"));
    QCOMPARE(spy.at(2).at(0).toString(), QStringLiteral("LIP"));

    // A slot that disables the clicked drug deletes its glyph: safe because the signal is queued.
    doc.setInputEnabled(QStringLiteral("RSL3"), true);
    GlyphItem *drug = view->pathwayScene()->drugGlyphs().value(0);
    QVERIFY(drug);
    connect(&widget, &ui::DiagramWidget::evidenceRequested, &doc, [&doc](const QString &id) {
        if (id == QLatin1String("RSL3")) doc.setInputEnabled(id, false);
    });
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(drug->scenePos()));
    QTRY_VERIFY(view->pathwayScene()->drugGlyphs().isEmpty());
    QCOMPARE(spy.last().at(0).toString(), QStringLiteral("RSL3"));
}

void TestDiagramScene::drugGlyphFollowsInput()
{
    core::ScenarioDocument doc(project());
    PathwayScene scene(doc, ui::DiagramLayout::builtin(), QStringLiteral("fig1"));
    QVERIFY(scene.drugGlyphs().isEmpty());
    const qsizetype arcsBefore = scene.arcs().size();

    doc.setInputEnabled(QStringLiteral("RSL3"), true);
    QCOMPARE(scene.drugGlyphs().size(), 1);
    GlyphItem *drug = scene.drugGlyphs().first();
    QCOMPARE(drug->ref(), QStringLiteral("RSL3"));
    QCOMPARE(drug->kind(), GlyphKind::Drug);
    QVERIFY(drug->label().contains(QStringLiteral("RSL3")));
    QVERIFY(drug->label().contains(QStringLiteral("µM")));
    const QList<ArcItem *> arcs = scene.arcs();
    QCOMPARE(arcs.size(), arcsBefore + 1);
    QVERIFY(std::any_of(arcs.begin(), arcs.end(), [&](ArcItem *a) {
        return a->from() == drug && a->to() == scene.glyph(QStringLiteral("GPX4")) &&
               a->arcClass() == ArcClass::Inhibition && a->isDrugArc();
    }));

    doc.setInputDose(QStringLiteral("RSL3"), 0.5);
    QVERIFY(scene.drugGlyphs().first()->label().contains(QStringLiteral("0.5")));

    doc.setInputEnabled(QStringLiteral("RSL3"), false);
    QVERIFY(scene.drugGlyphs().isEmpty());
    QCOMPARE(scene.arcs().size(), arcsBefore);

    // Light is a "drug" too, and a stimulation; a preset enables several at once.
    PathwayScene fig2(doc, ui::DiagramLayout::builtin(), QStringLiteral("fig2"));
    doc.applyTherapy(QStringLiteral("ala_pdt_ko143"));
    QStringList shown;
    for (GlyphItem *g : fig2.drugGlyphs()) shown << g->ref();
    QVERIFY2(shown.contains(QStringLiteral("ALA_ext")) && shown.contains(QStringLiteral("IRR")) &&
                 shown.contains(QStringLiteral("KO143")),
             qPrintable(shown.join(QLatin1Char(','))));
    doc.resetInterventions();
    QVERIFY(fig2.drugGlyphs().isEmpty());
}

void TestDiagramScene::tooltipsCarryEvidence()
{
    core::ScenarioDocument doc(project());
    PathwayScene scene(doc, ui::DiagramLayout::builtin(), QStringLiteral("fig1"));
    GlyphItem *tfr1 = scene.glyph(QStringLiteral("TfR1"));
    QVERIFY(tfr1);
    const QString tip = tfr1->toolTip();
    QVERIFY(tip.contains(QStringLiteral("Fig. 1")));
    QVERIFY(tip.contains(QStringLiteral("Wang et al. 2022")));
    QVERIFY(tip.contains(QStringLiteral("[3,4,7,8,9]")));
    QVERIFY(tip.contains(QStringLiteral("Gene target")));   // TfR1 is a species and a gene target
    QVERIFY(Qt::mightBeRichText(tip));
    for (GlyphItem *g : scene.glyphs()) QVERIFY2(!g->toolTip().isEmpty(), qPrintable(g->glyphId()));
    for (ui::ProcessItem *p : scene.processes()) QVERIFY2(p->toolTip().contains(QStringLiteral("Rate law")), qPrintable(p->ref()));
}

void TestDiagramScene::hoverShowsTooltipAndHighlight()
{
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    widget.resize(1600, 1000);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    ui::DiagramView *view = widget.view(0);
    GlyphItem *tfr1 = view->pathwayScene()->glyph(QStringLiteral("TfR1"));
    QVERIFY(tfr1);
    const QPoint at = view->mapFromScene(tfr1->scenePos());
    QTest::mouseMove(view->viewport(), at);
    QTRY_VERIFY(tfr1->isHovered());
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QStringLiteral("transferrin receptor 1")));
    QTest::mouseMove(view->viewport(), QPoint(5, 5));
    QTRY_VERIFY(!tfr1->isHovered());
}

void TestDiagramScene::evidenceCardsForEveryKind()
{
    const core::Project &p = project();
    const std::pair<const char *, const char *> cases[] = {
        {"LIP", "species"},     {"R3", "reaction"},          {"NCOA4", "gene target"}, {"DFO", "input"},
        {"CSC", "phenotype"},   {"ala_pdt", "therapy preset"}, {"FeR", "readout"},     {"k_tfr", "parameter"},
        {"MITO", "compartment"}};
    for (const auto &[id, kind] : cases) {
        QCOMPARE(ui::evidenceKind(p, QString::fromUtf8(id)), QString::fromUtf8(kind));
        const QString html = ui::evidenceHtml(p, QString::fromUtf8(id));
        QVERIFY2(html.size() > 100, id);
        QVERIFY2(!html.contains(QStringLiteral("<script")), id);
    }
    QVERIFY(ui::evidenceHtml(p, QStringLiteral("R3")).contains(QStringLiteral("TfR1")));
    QVERIFY(ui::evidenceHtml(p, QStringLiteral("R3")).contains(QStringLiteral("n_Fe")));   // rate law
    QVERIFY(ui::evidenceHtml(p, QStringLiteral("DFO")).contains(QStringLiteral("10–200 µM")));
    QVERIFY(ui::evidenceHtml(p, QStringLiteral("ala_pdt")).contains(QStringLiteral("5-ALA")));
    QVERIFY(ui::evidenceHtml(p, QStringLiteral("R50")).contains(QStringLiteral("8 ALA → PpIX")));
    QVERIFY(ui::evidenceHtml(p, QStringLiteral("no_such_thing")).isEmpty());
    QVERIFY(ui::evidenceHtml(p, QString()).isEmpty());
}

void TestDiagramScene::renderToDrawsTheFigure()
{
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    for (int i = 0; i < widget.figureCount(); ++i) {
        widget.setCurrentFigure(i);
        QImage image(1200, 800, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        widget.renderTo(&painter, QRectF(0, 0, image.width(), image.height()));
        painter.end();
        int ink = 0, white = 0, transparent = 0, samples = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4, ++samples) {
                const QRgb c = image.pixel(x, y);
                if (qAlpha(c) < 255) ++transparent;
                else if (qGray(c) < 160) ++ink;          // lines, text, glyph outlines
                else if (c == qRgb(255, 255, 255)) ++white;
            }
        QVERIFY2(ink > samples / 200, qPrintable(QStringLiteral("figure %1: only %2 of %3 samples inked").arg(i).arg(ink).arg(samples)));
        QVERIFY(white > 0);            // white background around the figure
        QCOMPARE(transparent, 0);      // the whole target is painted
    }
}

void TestDiagramScene::zoomAndFit()
{
    core::ScenarioDocument doc(project());
    QElapsedTimer timer;
    timer.start();
    ui::DiagramWidget widget(doc);
    qInfo("DiagramWidget with %d figures built in %lld ms", widget.figureCount(), timer.elapsed());
    widget.resize(1366, 768);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    ui::DiagramView *view = widget.view(widget.currentFigure());
    const double fitted = view->zoom();
    QVERIFY(fitted > 0.3 && fitted < 2);
    widget.zoomIn();
    QVERIFY(view->zoom() > fitted * 1.1);
    QTest::keyClick(view, Qt::Key_Minus);
    QTest::keyClick(view, Qt::Key_Minus);
    QVERIFY(view->zoom() < fitted);
    widget.fitToView();
    QVERIFY(qAbs(view->zoom() - fitted) < 1e-6);
    // The fitted figure is entirely visible.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.adjusted(-1, -1, 1, 1).contains(view->pathwayScene()->figureRect()));
}

void TestDiagramScene::wheelZoomAndPan()
{
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    widget.resize(1366, 768);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    ui::DiagramView *view = widget.view(0);
    const double fitted = view->zoom();
    const QPointF centre = QPointF(view->viewport()->rect().center());
    QWheelEvent plain(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view->viewport(), &plain);
    QCOMPARE(view->zoom(), fitted);   // a plain wheel scrolls, it does not zoom
    QWheelEvent ctrl(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton,
                     Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view->viewport(), &ctrl);
    QVERIFY(view->zoom() > fitted * 1.3);

    // Middle-button drag pans the zoomed view.
    const QPointF before = view->mapToScene(view->viewport()->rect().center());
    const QPoint start = view->viewport()->rect().center();
    QTest::mousePress(view->viewport(), Qt::MiddleButton, {}, start);
    QTest::mouseMove(view->viewport(), start + QPoint(-120, -80));
    QTest::mouseRelease(view->viewport(), Qt::MiddleButton, {}, start + QPoint(-120, -80));
    const QPointF after = view->mapToScene(view->viewport()->rect().center());
    QVERIFY2(after.x() > before.x() + 40 && after.y() > before.y() + 20,
             qPrintable(QStringLiteral("(%1,%2) -> (%3,%4)").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    QCOMPARE(doc.gene(QStringLiteral("GPX4")), 1.0);   // panning toggled nothing
}

void TestDiagramScene::screenshots()
{
    const QString dir = qEnvironmentVariable("FERROSCOPE_SHOT_DIR");
    if (dir.isEmpty()) QSKIP("set FERROSCOPE_SHOT_DIR to save screenshots");
    QDir().mkpath(dir);
    core::ScenarioDocument doc(project());
    ui::DiagramWidget widget(doc);
    const QSize sizes[] = {{1600, 1000}, {1366, 768}};
    for (const QSize &size : sizes) {
        widget.resize(size);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        for (int i = 0; i < widget.figureCount(); ++i) {
            widget.setCurrentFigure(i);
            widget.fitToView();
            QCoreApplication::processEvents();
            const QString name = QStringLiteral("%1/diagram-%2-%3x%4.png")
                                     .arg(dir, widget.figureId(i)).arg(size.width()).arg(size.height());
            QVERIFY(widget.grab().save(name));
        }
    }
    // The states a class sees during a lesson: RSL3 on, GPX4 knocked out, a few genes changed,
    // ferroptosis drugs and the 5-ALA-PDT + Ko143 preset.
    doc.applyTherapy(QStringLiteral("ala_pdt_ko143"));
    for (const char *in : {"RSL3", "ERA", "DFO", "FER1", "HEP", "ML385", "SAL", "ANTITFR1", "YC1", "O2", "TfFe"})
        doc.setInputEnabled(QString::fromUtf8(in), true);
    doc.setGene(QStringLiteral("GPX4"), 0);
    doc.setGene(QStringLiteral("TfR1"), 0.2);
    doc.setGene(QStringLiteral("NRF2"), 3);
    doc.setGene(QStringLiteral("FECH"), 0.5);
    widget.setSpeciesValues({{"LIP", 0.4}, {"LOOH", 4.0}, {"GSH", 0.6}, {"PpIX", 2.5}, {"V", 0.5}, {"FtFe", 1.4}});
    widget.resize(1600, 1000);
    for (int i = 0; i < widget.figureCount(); ++i) {
        widget.setCurrentFigure(i);
        widget.fitToView();
        QCoreApplication::processEvents();
        QVERIFY(widget.grab().save(QStringLiteral("%1/diagram-%2-interventions.png").arg(dir, widget.figureId(i))));
    }
    // Evidence cards as the tooltip label shows them (rich text, word-wrapped).
    for (const char *id : {"TfR1", "R3", "ala_pdt_ko143", "DFO", "NCOA4"}) {
        QLabel card(ui::evidenceHtml(project(), QString::fromUtf8(id)));
        card.setWordWrap(true);
        card.setStyleSheet(QStringLiteral("QLabel { background: #ffffdc; padding: 4px; }"));
        card.adjustSize();
        QVERIFY(card.grab().save(QStringLiteral("%1/diagram-card-%2.png").arg(dir, QString::fromUtf8(id))));
    }
}

QTEST_MAIN(TestDiagramScene)
#include "tst_diagram_scene.moc"
