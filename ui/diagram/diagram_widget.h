// DiagramWidget: the explorer's network panel — tabs "Fig. 1", "Fig. 2" and "Both" (one tab per
// figure of the document's layout, "Both" when there are several), each a DiagramView on its own
// PathwayScene bound to the same PathwayModel and ScenarioDocument, with zoom/fit buttons in the tab
// bar corner and the edit tools (explore, select/move, add species/reaction/regulation, snap,
// align) as actions the main window puts in its menus and toolbar. Edit requests of every scene are
// forwarded as this widget's signals (DiagramEditor handles them). GUI thread only.
#pragma once

#include "ui/diagram/pathway_scene.h"

#include <QWidget>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QGraphicsScene;
class QPainter;
class QTabWidget;

class QAction;
class QActionGroup;
class QToolBar;

namespace ferroscope::core {
class PathwayModel;
class ScenarioDocument;
}

namespace ferroscope::ui {

class DiagramView;

class DiagramWidget : public QWidget {
    Q_OBJECT
public:
    /// The editable diagram of a document.
    DiagramWidget(core::ScenarioDocument &document, core::PathwayModel &model, QWidget *parent = nullptr);
    /// A diagram of a fixed layout (default: the built-in one) over the document's project.
    explicit DiagramWidget(core::ScenarioDocument &document, QWidget *parent = nullptr);
    DiagramWidget(core::ScenarioDocument &document, const DiagramLayout &layout, QWidget *parent = nullptr);
    ~DiagramWidget() override;

    // ---- edit tools
    EditTool tool() const { return m_tool; }
    void setTool(EditTool tool);
    QList<QAction *> toolActions() const;   // Explore, Select, Add species, Add reaction, Add regulation
    QAction *snapAction() const { return m_snapAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QList<QAction *> alignActions() const { return m_alignActions; }
    QToolBar *editToolBar() const { return m_editBar; }
    GlyphKind newGlyphKind() const { return m_kind; }
    ArcClass regulationClass() const { return m_regulationClass; }
    void setNewGlyphKind(GlyphKind kind);
    void setRegulationClass(ArcClass cls);
    /// Aligns the selected nodes of the current figure: Qt::AlignLeft/HCenter/Right/Top/VCenter/Bottom.
    void alignSelection(Qt::Alignment how);
    /// Selects the glyphs/process drawing a model id in the current figure (edit tools only).
    void selectElement(const QString &id);

    void fitToView();
    void zoomIn();
    void zoomOut();

    /// Tabs: 0 = Fig. 1, 1 = Fig. 2, 2 = both (in layout order, "both" last).
    int figureCount() const;
    int currentFigure() const;
    void setCurrentFigure(int index);
    QString figureId(int index) const;   // "fig1", "fig2", "both"
    QGraphicsScene *currentScene() const;
    PathwayScene *scene(int index) const;
    DiagramView *view(int index) const;

    /// Renders the current figure (without hover decorations' dependence on the view's zoom) into
    /// `target`, keeping its aspect ratio; for PNG/SVG/PDF export and the slide.
    void renderTo(QPainter *painter, const QRectF &target);
    /// Scene region of the current figure centred on what the scenario changes (active drugs,
    /// altered gene targets; the labile iron pool when nothing is), sized so that glyph labels
    /// come out at least minLabelPx tall when the region fills `target` (slides: 24 pt text).
    QRectF focusRect(const QSizeF &target, double minLabelPx) const;
    /// Renders focusRect() into target (the 16:9 slide uses this).
    void renderFocusTo(QPainter *painter, const QRectF &target, double minLabelPx);
    /// Natural size of the current figure in scene units (for choosing an export size).
    QSizeF currentFigureSize() const;

    /// Species fold changes shown as small bars on the glyphs of every figure.
    void setSpeciesValues(const std::map<std::string, double> &fold);

signals:
    void evidenceRequested(const QString &id);
    void currentFigureChanged(int index);
    void toolChanged(ferroscope::ui::EditTool tool);
    // forwarded from the current scene (see PathwayScene)
    void elementSelected(const QString &id);
    void nodesMoved(const ferroscope::ui::NodeMoves &moves);
    void addSpeciesRequested(const QString &figure, QPointF pos, const QString &compartment,
                             ferroscope::ui::GlyphKind kind);
    void addReactionRequested(const QString &figure, const QStringList &reactants, const QStringList &products,
                              QPointF pos);
    void addRegulationRequested(const QString &modifier, const QString &reaction, ferroscope::ui::ArcClass cls);
    void deleteRequested(const QStringList &ids);
    void renameRequested(const QString &id);
    void colourRequested(const QString &id);
    void toolMessage(const QString &text);

private:
    void build();
    void buildEditActions();
    void wireScene(PathwayScene *scene);

    core::ScenarioDocument &m_document;
    std::unique_ptr<core::PathwayModel> m_ownedModel;
    core::PathwayModel &m_model;
    QToolBar *m_editBar = nullptr;
    QActionGroup *m_toolGroup = nullptr;
    std::vector<std::pair<QAction *, EditTool>> m_toolActions;
    QAction *m_snapAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QList<QAction *> m_alignActions;
    EditTool m_tool = EditTool::Explore;
    GlyphKind m_kind = GlyphKind::Macromolecule;
    ArcClass m_regulationClass = ArcClass::Stimulation;
    QTabWidget *m_tabs = nullptr;
    std::vector<DiagramView *> m_views;
    std::vector<QString> m_figureIds;
};

}  // namespace ferroscope::ui
