// Private parts of PathwayScene shared by its two source files (building and editing).
#pragma once

#include "ui/diagram/pathway_scene.h"

#include <map>
#include <vector>

namespace ferroscope::ui {

struct PathwayScene::DrugEntry {
    GlyphItem *glyph = nullptr;
    std::vector<ArcItem *> arcs;
};

struct PathwayScene::Figure {
    const FigureLayout *layout = nullptr;   // the model's: dangles once its content is replaced
    QString id;                             // the figure id (a copy: safe while rebuilding)
    QPointF offset;
    std::map<QString, GlyphItem *> glyphs;        // layout glyph id -> item
    std::map<QString, ProcessItem *> processes;   // reaction id -> item
    std::map<QString, DrugEntry> drugs;           // input id -> shown drug
};

}  // namespace ferroscope::ui
