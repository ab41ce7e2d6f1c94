// Project: a ModelSpec plus the Ferroscope-specific scenario catalogue that turns a model into
// something to explore: phenotype presets, graded gene targets, drug/light inputs, therapy presets,
// solver tolerances. The built-in iron/heme CSC model is a Project stored as JSON in resources/.
// Plain value type; any thread.
#pragma once

#include "core/model/model_spec.h"

#include <map>
#include <string>
#include <vector>

namespace ferroscope::core {

/// A named set of parameter values (e.g. CSC multipliers m_*). Applied before overrides.
struct PhenotypePreset {
    std::string id, name;
    std::map<std::string, double> values;   // parameter id -> value
    Evidence evidence;
};

/// A graded gene target: its multiplier parameter (x_<id>) scales synthesis (MODEL.md §6.1).
struct GeneTarget {
    std::string id, name;
    std::string parameter;     // e.g. "x_TfR1"
    std::string term;          // which rate law it enters, e.g. "R1"
    Evidence evidence;
};

/// A drug or physical input: a model parameter that is 0 (or its default) outside its window.
struct InputSpec {
    std::string id, name;
    std::string parameter;     // model parameter set inside the window (usually == id)
    std::string unit;          // e.g. "µM", "nM", "mW/cm²"
    double typicalMin = 0, typicalMax = 0, typicalDose = 0;
    std::string term;          // which terms it changes, e.g. "R23, R24"
    Evidence evidence;
};

struct InputDose {
    std::string input;         // InputSpec id
    double value = 0;
    double start = 0;          // h
    double end = -1;           // h; < 0 = until the end of the run
};

/// One-click therapy preset from the paper (issue #3 §4).
struct TherapyPreset {
    std::string id, name;
    std::vector<InputDose> inputs;
    std::map<std::string, double> genes;     // gene target id -> multiplier
    double readTime = -1;                    // suggested observation time (h); < 0 = default end
    std::string source;                      // seed paragraph it comes from
    Evidence evidence;
};

struct Project {
    int formatVersion = 1;
    std::string title;
    std::string modelVersion;                // e.g. "MODEL.md 1.0"
    ModelSpec model;
    std::vector<PhenotypePreset> phenotypes;
    std::vector<GeneTarget> genes;
    std::vector<InputSpec> inputs;
    std::vector<TherapyPreset> therapies;
    std::vector<std::string> readouts;         // ids of model symbols shown as readouts (FeR, ...)
    std::string defaultPhenotype;              // "" = none
    double defaultEnd = 72;
    int defaultSteps = 720;
    double relativeTolerance = 1e-6;
    std::map<std::string, double> absoluteTolerances;   // state id -> atol
    double defaultAbsoluteTolerance = 1e-9;
    double preequilibrationHours = 0;          // 0 = no pre-equilibration for this project
    bool clampNegativeStates = false;          // evaluate rates with max(y, 0) (MODEL.md §3.6)
    /// States held out of the steady-state condition and reset after pre-equilibration
    /// (MODEL.md §5.2: V = 1, PDT = 0).
    std::map<std::string, double> resetAfterPreequilibration;

    const PhenotypePreset *findPhenotype(const std::string &id) const;
    const GeneTarget *findGene(const std::string &id) const;
    const InputSpec *findInput(const std::string &id) const;
    const TherapyPreset *findTherapy(const std::string &id) const;
};

/// The built-in iron/heme CSC model (or a document made from it): its model version is MODEL.md's.
bool isBuiltinModel(const Project &project);

}  // namespace ferroscope::core
