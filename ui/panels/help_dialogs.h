// Help menu content: the About box (version, model version, licence, credits) and "How to read
// the diagram", an SBGN Process Description legend drawn with the diagram's own glyph items so it
// always matches what is on screen. GUI thread only.
#pragma once

class QDialog;
class QGraphicsScene;
class QWidget;

namespace ferroscope::core {
struct Project;
}

namespace ferroscope::ui {

void showAboutBox(QWidget *parent, const core::Project &project);
/// The legend scene (glyphs, arcs, gene states, compartments) with explanations; caller owns it.
QGraphicsScene *createDiagramLegendScene();
/// Non-modal dialog around the legend; deletes itself when closed.
QDialog *createDiagramLegendDialog(QWidget *parent);

}  // namespace ferroscope::ui
