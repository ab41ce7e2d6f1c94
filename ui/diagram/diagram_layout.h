// The diagram layout is model data (positions are saved with the document, STYLE.md §2), so it
// lives in core; the UI uses the same types under its own namespace.
#pragma once

#include "core/model/diagram_layout.h"

namespace ferroscope::ui {
using core::ArcClass;
using core::DiagramLayout;
using core::FigureLayout;
using core::GlyphKind;
using core::LayoutArc;
using core::LayoutCompartment;
using core::LayoutDrug;
using core::LayoutGlyph;
using core::LayoutProcess;
using core::LayoutRegulation;
using core::Route;
using core::glyphKindName;
using core::toString;
}  // namespace ferroscope::ui
