#include "ui/diagram/diagram_widget.h"

#include <algorithm>

#include "ui/diagram/diagram_layout.h"
#include "ui/diagram/diagram_view.h"
#include "ui/diagram/glyph_items.h"
#include "core/scenario/scenario_document.h"
#include "ui/diagram/pathway_scene.h"

#include <QHBoxLayout>
#include <QPainter>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ferroscope::ui {

DiagramWidget::DiagramWidget(core::ScenarioDocument &document, core::PathwayModel &model, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(model)
{
    build();
}

DiagramWidget::DiagramWidget(core::ScenarioDocument &document, QWidget *parent)
    : DiagramWidget(document, DiagramLayout::builtin(), parent)
{
}

DiagramWidget::DiagramWidget(core::ScenarioDocument &document, const DiagramLayout &layout, QWidget *parent)
    : DiagramWidget(document, *new core::PathwayModel(document.project(), layout), parent)
{
    m_ownedModel.reset(&m_model);
    m_ownedModel->setParent(nullptr);
}

DiagramWidget::~DiagramWidget()
{
    for (DiagramView *v : m_views) delete v->pathwayScene();   // before the model they observe
}

void DiagramWidget::build()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    buildEditActions();
    box->addWidget(m_editBar);
    box->addWidget(m_tabs);

    const DiagramLayout &layout = m_model.layout();
    std::vector<std::pair<QString, QString>> tabs;   // figure id, tab title
    for (const FigureLayout &f : layout.figures()) tabs.emplace_back(f.id, f.title);
    if (layout.figures().size() > 1) tabs.emplace_back(QStringLiteral("both"), tr("Both"));
    for (const auto &[id, title] : tabs) {
        auto *scene = new PathwayScene(m_document, m_model, id, nullptr);
        wireScene(scene);
        auto *view = new DiagramView(scene, m_tabs);
        m_tabs->addTab(view, QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")));   // no mnemonic
        m_views.push_back(view);
        m_figureIds.push_back(id);
    }

    auto *corner = new QWidget(m_tabs);
    auto *buttons = new QHBoxLayout(corner);
    buttons->setContentsMargins(0, 0, 4, 0);
    buttons->setSpacing(2);
    auto addButton = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(corner);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    addButton(QStringLiteral("−"), tr("Zoom out (−, Ctrl+wheel)"), &DiagramWidget::zoomOut);
    addButton(QStringLiteral("+"), tr("Zoom in (+, Ctrl+wheel)"), &DiagramWidget::zoomIn);
    addButton(tr("Fit"), tr("Fit the figure to the window (0)"), &DiagramWidget::fitToView);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DiagramWidget::currentFigureChanged);
}

void DiagramWidget::fitToView()
{
    if (DiagramView *v = view(currentFigure())) v->fitToView();
}

void DiagramWidget::zoomIn()
{
    if (DiagramView *v = view(currentFigure())) v->zoomIn();
}

void DiagramWidget::zoomOut()
{
    if (DiagramView *v = view(currentFigure())) v->zoomOut();
}

int DiagramWidget::figureCount() const { return int(m_views.size()); }
int DiagramWidget::currentFigure() const { return m_tabs->currentIndex(); }
void DiagramWidget::setCurrentFigure(int index) { m_tabs->setCurrentIndex(index); }

QString DiagramWidget::figureId(int index) const
{
    return index >= 0 && index < figureCount() ? m_figureIds[std::size_t(index)] : QString();
}

DiagramView *DiagramWidget::view(int index) const
{
    return index >= 0 && index < figureCount() ? m_views[std::size_t(index)] : nullptr;
}

PathwayScene *DiagramWidget::scene(int index) const
{
    DiagramView *v = view(index);
    return v ? v->pathwayScene() : nullptr;
}

QGraphicsScene *DiagramWidget::currentScene() const { return scene(currentFigure()); }

QSizeF DiagramWidget::currentFigureSize() const
{
    PathwayScene *s = scene(currentFigure());
    return s ? s->figureRect().size() : QSizeF();
}

void DiagramWidget::renderTo(QPainter *painter, const QRectF &target)
{
    PathwayScene *s = scene(currentFigure());
    if (!s || !painter) return;
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter->fillRect(target, Qt::white);
    const QRectF source = s->figureRect().adjusted(-10, -10, 10, 10);
    const QStringList selected = s->selectedRefs();   // exports never show the selection frame
    s->clearSelection();
    s->render(painter, target, source, Qt::KeepAspectRatio);
    s->selectRefs(selected);
    painter->restore();
}

QRectF DiagramWidget::focusRect(const QSizeF &target, double minLabelPx) const
{
    PathwayScene *s = scene(currentFigure());
    if (!s || target.isEmpty()) return {};
    constexpr double kLabelScenePx = 11.0 * 96.0 / 72.0;   // glyph labels are 11 pt in scene units
    const double scale = std::max(minLabelPx / kLabelScenePx, 1e-6);
    QRectF focus;
    for (GlyphItem *drug : s->drugGlyphs()) {
        // The drug and the glyph it acts on (the nearest entity), so the arc between them shows.
        focus |= drug->sceneBoundingRect();
        GlyphItem *nearest = nullptr;
        double best = 0;
        for (GlyphItem *g : s->glyphs()) {
            const QPointF d = g->sceneBoundingRect().center() - drug->sceneBoundingRect().center();
            const double dist = d.x() * d.x() + d.y() * d.y();
            if (!nearest || dist < best) { nearest = g; best = dist; }
        }
        if (nearest) focus |= nearest->sceneBoundingRect();
    }
    for (GlyphItem *g : s->glyphs())
        if (m_document.project().findGene(g->ref().toStdString()) && m_document.gene(g->ref()) != 1.0)
            focus |= g->sceneBoundingRect();
    if (focus.isEmpty())
        for (GlyphItem *g : s->glyphs())
            if (g->ref() == QLatin1String("LIP")) focus = g->sceneBoundingRect();
    const QRectF figure = s->figureRect().adjusted(-10, -10, 10, 10);
    if (focus.isEmpty()) focus = figure;
    QRectF source(QPointF(0, 0), QSizeF(target.width() / scale, target.height() / scale));
    source.moveCenter(focus.center());
    // Keep the window inside the figure where it fits, so no blank margin is shown.
    if (source.width() < figure.width()) {
        if (source.left() < figure.left()) source.moveLeft(figure.left());
        if (source.right() > figure.right()) source.moveRight(figure.right());
    }
    if (source.height() < figure.height()) {
        if (source.top() < figure.top()) source.moveTop(figure.top());
        if (source.bottom() > figure.bottom()) source.moveBottom(figure.bottom());
    }
    return source;
}

void DiagramWidget::renderFocusTo(QPainter *painter, const QRectF &target, double minLabelPx)
{
    PathwayScene *s = scene(currentFigure());
    if (!s || !painter || target.isEmpty()) return;
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter->fillRect(target, Qt::white);
    painter->setClipRect(target);
    const QStringList selected = s->selectedRefs();
    s->clearSelection();
    s->render(painter, target, focusRect(target.size(), minLabelPx), Qt::KeepAspectRatio);
    s->selectRefs(selected);
    painter->restore();
}

void DiagramWidget::setSpeciesValues(const std::map<std::string, double> &fold)
{
    for (DiagramView *v : m_views) v->pathwayScene()->setSpeciesValues(fold);
}

}  // namespace ferroscope::ui
