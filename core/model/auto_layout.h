// autoLayout: a readable diagram for a model that has none (an imported SBML file without a
// Layout). Layered (Sugiyama-style): species and reactions are nodes, flux runs left to right,
// cycles are broken at DFS back edges, layers come from the longest path, the order within a
// layer from barycentre sweeps. Glyph boxes never overlap; tall layers wrap into extra columns.
// Plain function, no shared state; any thread.
#pragma once

#include "core/model/diagram_layout.h"
#include "core/model/model_spec.h"

namespace ferroscope::core {

/// One figure (id "model", title = model name or id): a glyph per species (id = ref = species
/// id), a process node per reaction (∅ for an empty side, modifiers as stimulation arcs), and
/// compartment rectangles when the model has more than one compartment and they do not overlap.
DiagramLayout autoLayout(const ModelSpec &model);

}  // namespace ferroscope::core
