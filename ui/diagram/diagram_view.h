// DiagramView: the QGraphicsView of one PathwayScene — antialiased, white, zoom with Ctrl+wheel and
// +/- keys, pan with the middle button, Space+drag or a drag on empty canvas, fit-to-view on first
// show and on resize until the user zooms. Owned by DiagramWidget; GUI thread only.
#pragma once

#include <QGraphicsView>

namespace ferroscope::ui {

class PathwayScene;

class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiagramView(PathwayScene *scene, QWidget *parent = nullptr);

    PathwayScene *pathwayScene() const { return m_scene; }
    /// Fits the whole figure and re-enables fitting on resize.
    void fitToView();
    void zoomIn();
    void zoomOut();
    /// Multiplies the zoom by `factor` (clamped to 10 %…600 %), around the viewport centre.
    void zoomBy(double factor);
    double zoom() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    PathwayScene *m_scene;
    bool m_autoFit = true;    // until the user zooms, the figure follows the window size
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panFrom;
};

}  // namespace ferroscope::ui
