// DiagramWidget: the explorer's network panel — tabs "Fig. 1", "Fig. 2" and "Both", each a
// DiagramView on its own PathwayScene bound to the same ScenarioDocument, with zoom/fit buttons in
// the tab bar corner. The main window wires evidenceRequested() to its evidence dock and calls
// renderTo() for exports. GUI thread only.
#pragma once

#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QGraphicsScene;
class QPainter;
class QTabWidget;

namespace ferroscope::core {
class ScenarioDocument;
}

namespace ferroscope::ui {

class DiagramLayout;
class DiagramView;
class PathwayScene;

class DiagramWidget : public QWidget {
    Q_OBJECT
public:
    /// Uses the built-in layout (DiagramLayout::builtin()).
    explicit DiagramWidget(core::ScenarioDocument &document, QWidget *parent = nullptr);
    DiagramWidget(core::ScenarioDocument &document, const DiagramLayout &layout, QWidget *parent = nullptr);

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

private:
    void build(const DiagramLayout &layout);

    core::ScenarioDocument &m_document;
    QTabWidget *m_tabs = nullptr;
    std::vector<DiagramView *> m_views;
    std::vector<QString> m_figureIds;
};

}  // namespace ferroscope::ui
