// Drug-combination synergy on a 2-D response surface (pure maths, no model): effects relative to
// the untreated control, Bliss independence, highest single agent (HSA) and Loewe additivity
// (Hill curves fitted to the single-agent row and column, the Loewe equation solved per cell).
// Scores are excess effects: observed minus expected, > 0 = synergy, < 0 = antagonism.
// Any thread; no shared state.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace ferroscope::core {

enum class SynergyMethod { None, Bliss, Hsa, Loewe };
/// How a response becomes an effect: Decrease E = 1 - R/R0 (viability-like readouts: E is the
/// fraction killed, in [0, 1]); Increase E = R/R0 - 1 (a readout the drugs raise, e.g. PpIX).
enum class EffectScale { Decrease, Increase };

std::string synergyName(SynergyMethod method);     // "none", "bliss", "hsa", "loewe"
bool parseSynergyMethod(const std::string &text, SynergyMethod &out);
std::string effectScaleName(EffectScale scale);     // "decrease", "increase"
bool parseEffectScale(const std::string &text, EffectScale &out);

double effectOf(double response, double control, EffectScale scale);
/// E_ab - (E_a + E_b - E_a E_b)
double blissExcess(double eab, double ea, double eb);
/// E_ab - max(E_a, E_b)
double hsaExcess(double eab, double ea, double eb);

/// E(d) = emax d^n / (ec50^n + d^n), fitted by Levenberg-Marquardt on (emax, ln ec50, ln n).
struct HillFit {
    enum class Status { Hill, Inactive /* no effect: the Loewe dose is infinite */, Invalid };
    Status status = Status::Invalid;
    double emax = std::numeric_limits<double>::quiet_NaN();
    double ec50 = std::numeric_limits<double>::quiet_NaN();
    double hill = std::numeric_limits<double>::quiet_NaN();
    double rmsResidual = std::numeric_limits<double>::quiet_NaN();
    std::string note;                  // why the fit is Invalid

    double effect(double dose) const;
    /// Dose giving effect e: 0 for e <= 0, +inf for e >= emax (or Inactive).
    double inverse(double e) const;
};

/// Fits the single-agent effects (doses > 0 are used). Inactive when every |effect| < 0.01;
/// Invalid when fewer than 3 positive doses, the effects are negative, or the rms residual of the
/// best Hill curve exceeds 0.05 (not Hill-shaped: the Loewe reference would be meaningless).
HillFit fitHill(const std::vector<double> &doses, const std::vector<double> &effects);

/// Loewe-additive effect of the pair (a, b): the E solving a/D_a(E) + b/D_b(E) = 1, where D is the
/// inverse Hill curve of each agent. NaN when a fit is Invalid; 0 when both agents are Inactive.
double loeweExpected(const HillFit &fa, const HillFit &fb, double a, double b);

/// A complete surface: responses at the control, along each single-agent axis and at every cell.
struct SynergyInput {
    std::vector<double> x, y;          // doses (distance from the reference level) along each axis
    double control = 0;                // response with neither agent
    std::vector<double> alongX;        // response at (x_i, none), size nx
    std::vector<double> alongY;        // response at (none, y_j), size ny
    std::vector<double> surface;       // response at (x_i, y_j), index j * nx + i
};

struct SynergyMap {
    SynergyMethod method = SynergyMethod::None;
    EffectScale scale = EffectScale::Decrease;
    std::vector<double> effect;        // observed effect per cell (j * nx + i)
    std::vector<double> expected;      // expected (non-interacting) effect per cell
    std::vector<double> score;         // effect - expected
    std::vector<double> effectX, effectY;
    HillFit fitX, fitY;                // Loewe only
    int bestX = -1, bestY = -1;        // most synergistic cell (largest finite score); -1 = none
    double bestScore = std::numeric_limits<double>::quiet_NaN();
};

SynergyMap computeSynergy(const SynergyInput &input, SynergyMethod method, EffectScale scale);

}  // namespace ferroscope::core
