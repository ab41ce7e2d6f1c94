// DiagramWidget's edit tools: the tool actions (checkable, one at a time), glyph class and
// regulation class choices, snap to grid, align, and forwarding of the scenes' edit requests.
#include "ui/diagram/diagram_widget.h"

#include "ui/diagram/diagram_view.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <numeric>

namespace ferroscope::ui {

void DiagramWidget::buildEditActions()
{
    m_editBar = new QToolBar(tr("Diagram tools"), this);
    m_editBar->setObjectName(QStringLiteral("diagramTools"));
    m_editBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_editBar->setIconSize(QSize(16, 16));
    m_toolGroup = new QActionGroup(this);
    auto addTool = [this](const QString &text, const QString &shortcut, const QString &tip, EditTool tool) {
        auto *a = new QAction(text, this);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(shortcut));
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut));
        a->setStatusTip(tip);
        a->setObjectName(QStringLiteral("tool_%1").arg(int(tool)));
        m_toolGroup->addAction(a);
        m_editBar->addAction(a);
        m_toolActions.emplace_back(a, tool);
        connect(a, &QAction::triggered, this, [this, tool] { setTool(tool); });
        return a;
    };
    addTool(tr("Explore"), QStringLiteral("Alt+1"),
            tr("Teaching mode: click a gene glyph to cycle normal → knock-down → knockout → overexpressed; "
               "click anything else for its evidence"), EditTool::Explore)->setChecked(true);
    addTool(tr("Select"), QStringLiteral("Alt+2"),
            tr("Select, move (drag), rename (double-click) and delete (Del) glyphs; drag on the canvas to select "
               "several"), EditTool::Select);
    QAction *species = addTool(tr("+ Species"), QStringLiteral("Alt+3"),
                               tr("Click on the canvas to add a species there (its compartment is the one you click in)"),
                               EditTool::AddSpecies);
    addTool(tr("+ Reaction"), QStringLiteral("Alt+4"),
            tr("Click the reactant (or empty canvas for ∅), then the product (or empty canvas for ∅)"),
            EditTool::AddReaction);
    QAction *regulation = addTool(tr("+ Regulation"), QStringLiteral("Alt+5"),
                                  tr("Click the regulating species, then the process node it acts on; the rate law "
                                     "is multiplied by a Hill term you can tune"),
                                  EditTool::AddRegulation);

    // glyph class and regulation class as drop-down menus on their tool buttons
    auto *kinds = new QMenu(this);
    for (GlyphKind k : {GlyphKind::Macromolecule, GlyphKind::SimpleChemical, GlyphKind::Phenotype}) {
        QAction *a = kinds->addAction(glyphKindName(k), this, [this, k] { setNewGlyphKind(k); });
        a->setCheckable(true);
        a->setChecked(k == m_kind);
        a->setData(int(k));
    }
    species->setMenu(kinds);
    auto *classes = new QMenu(this);
    for (ArcClass c : {ArcClass::Stimulation, ArcClass::Inhibition, ArcClass::Catalysis}) {
        QAction *a = classes->addAction(toString(c), this, [this, c] { setRegulationClass(c); });
        a->setCheckable(true);
        a->setChecked(c == m_regulationClass);
        a->setData(int(c));
    }
    regulation->setMenu(classes);
    for (QAction *a : {species, regulation})
        if (auto *b = qobject_cast<QToolButton *>(m_editBar->widgetForAction(a)))
            b->setPopupMode(QToolButton::MenuButtonPopup);

    m_editBar->addSeparator();
    m_snapAction = m_editBar->addAction(tr("Snap"));
    m_snapAction->setCheckable(true);
    m_snapAction->setToolTip(tr("Snap moved and new glyphs to a %1-unit grid").arg(PathwayScene::kGrid));
    connect(m_snapAction, &QAction::toggled, this, [this](bool on) {
        for (DiagramView *v : m_views) v->pathwayScene()->setSnapToGrid(on);
    });
    m_deleteAction = new QAction(tr("Delete…"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAction->setToolTip(tr("Delete the selected species/reactions and everything that depends on them "
                                  "(you see the list first)"));
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        if (PathwayScene *s = scene(currentFigure()); s && !s->selectedRefs().isEmpty())
            emit deleteRequested(s->selectedRefs());
    });
    addAction(m_deleteAction);
    const std::pair<QString, Qt::Alignment> aligns[] = {
        {tr("Align left"), Qt::AlignLeft},     {tr("Align centres horizontally"), Qt::AlignHCenter},
        {tr("Align right"), Qt::AlignRight},   {tr("Align top"), Qt::AlignTop},
        {tr("Align middles vertically"), Qt::AlignVCenter}, {tr("Align bottom"), Qt::AlignBottom}};
    for (const auto &[text, how] : aligns) {
        auto *a = new QAction(text, this);
        a->setToolTip(tr("%1 the selected glyphs (Select tool)").arg(text));
        connect(a, &QAction::triggered, this, [this, h = how] { alignSelection(h); });
        m_alignActions << a;
    }
    auto *alignButton = new QToolButton(m_editBar);
    alignButton->setText(tr("Align"));
    alignButton->setToolTip(tr("Align the selected glyphs"));
    alignButton->setPopupMode(QToolButton::InstantPopup);
    auto *alignMenu = new QMenu(alignButton);
    alignMenu->addActions(m_alignActions);
    alignButton->setMenu(alignMenu);
    m_editBar->addWidget(alignButton);
}

QList<QAction *> DiagramWidget::toolActions() const
{
    QList<QAction *> out;
    for (const auto &[a, tool] : m_toolActions) out << a;
    return out;
}

void DiagramWidget::setTool(EditTool tool)
{
    m_tool = tool;
    for (const auto &[a, t] : m_toolActions) a->setChecked(t == tool);
    for (DiagramView *v : m_views) {
        v->pathwayScene()->setTool(tool);
        v->setDragMode(tool == EditTool::Select ? QGraphicsView::RubberBandDrag
                       : tool == EditTool::Explore ? QGraphicsView::ScrollHandDrag
                                                   : QGraphicsView::NoDrag);
        v->viewport()->setCursor(tool == EditTool::Explore || tool == EditTool::Select ? Qt::ArrowCursor
                                                                                        : Qt::CrossCursor);
    }
    emit toolChanged(tool);
}

void DiagramWidget::setNewGlyphKind(GlyphKind kind)
{
    m_kind = kind;
    for (DiagramView *v : m_views) v->pathwayScene()->setNewGlyphKind(kind);
    setTool(EditTool::AddSpecies);
}

void DiagramWidget::setRegulationClass(ArcClass cls)
{
    m_regulationClass = cls;
    for (DiagramView *v : m_views) v->pathwayScene()->setRegulationClass(cls);
    setTool(EditTool::AddRegulation);
}

void DiagramWidget::wireScene(PathwayScene *scene)
{
    connect(scene, &PathwayScene::evidenceRequested, this, &DiagramWidget::evidenceRequested);
    connect(scene, &PathwayScene::elementSelected, this, &DiagramWidget::elementSelected);
    connect(scene, &PathwayScene::nodesMoved, this, &DiagramWidget::nodesMoved);
    connect(scene, &PathwayScene::addSpeciesRequested, this,
            [this](const QString &figure, QPointF pos, const QString &compartment) {
                emit addSpeciesRequested(figure, pos, compartment, m_kind);
            });
    connect(scene, &PathwayScene::addReactionRequested, this, &DiagramWidget::addReactionRequested);
    connect(scene, &PathwayScene::addRegulationRequested, this,
            [this](const QString &modifier, const QString &reaction) {
                emit addRegulationRequested(modifier, reaction, m_regulationClass);
            });
    connect(scene, &PathwayScene::deleteRequested, this, &DiagramWidget::deleteRequested);
    connect(scene, &PathwayScene::renameRequested, this, &DiagramWidget::renameRequested);
    connect(scene, &PathwayScene::colourRequested, this, &DiagramWidget::colourRequested);
    connect(scene, &PathwayScene::toolMessage, this, &DiagramWidget::toolMessage);
}

void DiagramWidget::alignSelection(Qt::Alignment how)
{
    PathwayScene *s = scene(currentFigure());
    if (!s) return;
    const auto nodes = s->selectedNodes();
    if (nodes.size() < 2) {
        emit toolMessage(tr("Select two or more glyphs to align (Select tool, Ctrl+click or drag a box)."));
        return;
    }
    double target = 0;
    auto coord = [how](QPointF p) { return how & (Qt::AlignLeft | Qt::AlignHCenter | Qt::AlignRight) ? p.x() : p.y(); };
    std::vector<double> values;
    for (const auto &[ref, pos] : nodes) values.push_back(coord(pos));
    if (how & (Qt::AlignLeft | Qt::AlignTop)) target = *std::min_element(values.begin(), values.end());
    else if (how & (Qt::AlignRight | Qt::AlignBottom)) target = *std::max_element(values.begin(), values.end());
    else target = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    NodeMoves moves;
    for (const auto &[ref, pos] : nodes) {
        QPointF to = pos;
        (how & (Qt::AlignLeft | Qt::AlignHCenter | Qt::AlignRight) ? to.rx() : to.ry()) = target;
        if (to != pos) moves[ref] = {pos, to};
    }
    if (!moves.empty()) emit nodesMoved(moves);
}

void DiagramWidget::selectElement(const QString &id)
{
    if (PathwayScene *s = scene(currentFigure())) s->selectRefs({id});
}

}  // namespace ferroscope::ui
