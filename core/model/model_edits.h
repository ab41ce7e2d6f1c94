// Structural edits of a document's content (model + diagram layout) as pure functions: each takes
// the content by reference, checks its arguments, applies the change and re-validates the whole
// model (it must still compile, compileModel()); on any error it returns the errors and leaves the
// content exactly as it was. Undo commands (ui/commands) run them on a copy and store before/after,
// so these functions are all the "business logic" of editing and are tested without a GUI.
// Plain functions; any thread.
#pragma once

#include "core/model/diagram_layout.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QPointF>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ferroscope::core::edits {

/// What an edit transforms: the project (model + catalogue) and its diagram.
struct Content {
    Project project;
    DiagramLayout layout;
};

/// Rate-law templates offered when a reaction is added or its kinetics are replaced. Each creates
/// its parameters as global parameters named after the reaction (k_R, Vmax_R, Km_R, K_R, n_R).
enum class KineticTemplate {
    MassAction,        // k * Π reactants            (k = 0.1 /h by default)
    MichaelisMenten,   // Vmax * S / (Km + S)        (first reactant; Vmax = 1, Km = 1)
    HillActivation,    // Vmax * S^n / (K^n + S^n)   (Vmax = 1, K = 1, n = 2)
    HillInhibition,    // Vmax * K^n / (K^n + S^n)   (Vmax = 1, K = 1, n = 2)
    Constant,          // v0 (zero-order synthesis, v0 = 0.1)
};
QString toString(KineticTemplate t);

/// A valid, unused SBML SId derived from `base` (non-id characters become '_', a leading digit gets
/// a '_' prefix, "_2", "_3", … appended while it clashes with any model or catalogue id).
std::string uniqueId(const Project &project, const std::string &base);

/// Checks a formula typed by the user against the model: syntax (libSBML L3 infix) and that every
/// identifier is known (species, compartment, parameter, reaction, function, `time`, and the
/// reaction's local parameters when `reactionId` is given). Errors say which token and why.
Result<MathNode> checkFormula(const ModelSpec &model, const std::string &text, const std::string &reactionId = {});

/// Re-validates the whole model (compiles it); errors are the compiler's.
Result<bool> validate(const Project &project);

struct NewSpecies {
    std::string id;                    // "" = derived from the name
    std::string name;
    std::string compartment;           // "" = the first compartment
    double initialConcentration = 0;   // ≥ 0, finite
    GlyphKind kind = GlyphKind::Macromolecule;
    QString figure;                    // figure to draw it in ("" = the first)
    QPointF pos;
};
/// Adds a species (concentration-based, not constant) and its glyph. Returns the new id.
Result<std::string> addSpecies(Content &content, const NewSpecies &spec);

struct NewReaction {
    std::string id;                         // "" = "R_<reactants>_<products>" made unique
    std::string name;
    std::vector<std::string> reactants;     // species ids; empty = synthesis from ∅
    std::vector<std::string> products;      // species ids; empty = degradation to ∅
    KineticTemplate kinetics = KineticTemplate::MassAction;
    QString figure;                         // "" = the first figure
    std::optional<QPointF> pos;             // process node; default: between the participants
};
/// Adds a reaction with a process node and its consumption/production arcs. Returns the new id.
Result<std::string> addReaction(Content &content, const NewReaction &spec);

struct NewRegulation {
    std::string modifier;     // species id
    std::string reaction;     // reaction id
    ArcClass cls = ArcClass::Stimulation;   // Stimulation, Inhibition or Catalysis
    double K = 1;             // half-saturation (Hill) constant, > 0
    double n = 1;             // Hill coefficient, > 0
};
/// Adds the modifier to the reaction and multiplies its rate law by the regulation term:
/// stimulation M^n/(K^n+M^n), inhibition K^n/(K^n+M^n), catalysis M (the enzyme amount), with new
/// parameters K_<reaction>_<modifier> and n_<reaction>_<modifier>. Draws the arc on the process.
Result<bool> addRegulation(Content &content, const NewRegulation &spec);
/// Removes a regulation added by addRegulation (its factor and parameters) or, for any other
/// modifier that the rate law does not use, just the modifier and its arc. Refused with a clear
/// message if the rate law uses the modifier in some other way.
Result<bool> removeRegulation(Content &content, const std::string &reaction, const std::string &modifier);

/// Everything that goes when the user deletes some elements: the elements themselves plus every
/// reaction, rule, initial assignment, event and readout that refers to something deleted
/// (transitively), and the diagram glyphs/processes/arcs drawing them.
struct DeletionPlan {
    std::vector<std::string> requested;
    std::vector<std::string> species, reactions, parameters, compartments, rules, initialAssignments, events,
        readouts;
    std::vector<std::string> eventAssignments;   // "event:variable" dropped from events that stay
    std::map<std::string, std::string> names;    // id -> display name (for summary())
    /// Reasons the deletion cannot be done (e.g. a parameter used by a gene target or an input);
    /// non-empty = applyDeletion refuses.
    std::vector<std::string> refusals;
    /// Human-readable list for the confirmation dialog ("Species: LIP; Reactions: R5, R6 …").
    QString summary() const;
    bool empty() const;
};
DeletionPlan planDeletion(const Project &project, const std::vector<std::string> &ids);
Result<bool> applyDeletion(Content &content, const DeletionPlan &plan);

/// Sets the display name of any model element and the labels of the glyphs drawing it.
Result<bool> rename(Content &content, const std::string &id, const std::string &name);
/// Replaces a reaction's rate law by a checked formula (checkFormula); invalid = nothing changes.
/// Species the formula uses that are not participants become modifiers.
Result<bool> setKineticLaw(Content &content, const std::string &reaction, const std::string &formula);
/// Replaces a reaction's rate law by a template (creating its parameters).
Result<bool> applyTemplate(Content &content, const std::string &reaction, KineticTemplate kinetics);
Result<bool> setSpeciesInitial(Content &content, const std::string &species, double concentration);
Result<bool> setSpeciesCompartment(Content &content, const std::string &species, const std::string &compartment);
/// Adds a global parameter (value finite). Returns its id (made unique from `id`).
Result<std::string> addParameter(Content &content, const std::string &id, double value, const std::string &units = {});
/// Value must be finite; negative values are allowed only where the model already had one there
/// (parameters are rates/constants: a negative value is refused with a message).
Result<bool> setParameterValue(Content &content, const std::string &id, double value);
Result<bool> setEvidence(Content &content, const std::string &id, const Evidence &evidence);
/// Colour "#rrggbb" or "" (default) of every glyph drawing `ref` in the given figure ("" = all).
Result<bool> setGlyphColour(Content &content, const QString &figure, const QString &ref, const QString &colour);

}  // namespace ferroscope::core::edits
