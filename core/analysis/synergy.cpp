#include "core/analysis/synergy.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace ferroscope::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInactiveEffect = 0.01;   // |E| below this everywhere: the agent does nothing
constexpr double kMaxRmsResidual = 0.05;   // worse than this: not a Hill curve

struct Sample {
    double dose, effect;
};

/// Sum of squared residuals and its Jacobian for theta = (emax, ln ec50, ln n).
double residuals(const std::vector<Sample> &data, const Eigen::Vector3d &theta, Eigen::VectorXd &r, Eigen::MatrixXd &J)
{
    const double emax = theta[0], c = std::exp(theta[1]), n = std::exp(theta[2]);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const double lr = std::log(data[i].dose / c);
        const double u = std::exp(n * lr);
        const double s = std::isinf(u) ? 1.0 : u / (1 + u);
        const double ds = std::isinf(u) ? 0.0 : u / ((1 + u) * (1 + u));
        const Eigen::Index k = Eigen::Index(i);
        r[k] = emax * s - data[i].effect;
        J(k, 0) = s;
        J(k, 1) = -emax * n * ds;
        J(k, 2) = emax * n * lr * ds;
    }
    return r.squaredNorm();
}

/// Levenberg-Marquardt from theta; returns the final sum of squares.
double levenbergMarquardt(const std::vector<Sample> &data, Eigen::Vector3d &theta)
{
    const Eigen::Index m = Eigen::Index(data.size());
    Eigen::VectorXd r(m), rTry(m);
    Eigen::MatrixXd J(m, 3), JTry(m, 3);
    double cost = residuals(data, theta, r, J), lambda = 1e-3;
    for (int iter = 0; iter < 500 && std::isfinite(cost); ++iter) {
        const Eigen::Matrix3d A = J.transpose() * J;
        const Eigen::Vector3d g = J.transpose() * r;
        Eigen::Matrix3d D = A;
        for (int k = 0; k < 3; ++k) D(k, k) += lambda * std::max(A(k, k), 1e-300);
        const Eigen::Vector3d step = D.ldlt().solve(-g);
        const Eigen::Vector3d trial = theta + step;
        const double next = residuals(data, trial, rTry, JTry);
        if (std::isfinite(next) && next <= cost) {
            const bool converged = cost - next <= 1e-15 * cost + 1e-300 && step.norm() <= 1e-10 * (1 + theta.norm());
            theta = trial;
            cost = next;
            r = rTry;
            J = JTry;
            lambda = std::max(lambda / 3, 1e-12);
            if (converged || cost == 0) break;
        } else {
            lambda *= 4;
            if (lambda > 1e12) break;
        }
    }
    return cost;
}

}  // namespace

std::string synergyName(SynergyMethod method)
{
    switch (method) {
    case SynergyMethod::None: return "none";
    case SynergyMethod::Bliss: return "bliss";
    case SynergyMethod::Hsa: return "hsa";
    case SynergyMethod::Loewe: return "loewe";
    }
    return "none";
}

bool parseSynergyMethod(const std::string &text, SynergyMethod &out)
{
    for (auto m : {SynergyMethod::None, SynergyMethod::Bliss, SynergyMethod::Hsa, SynergyMethod::Loewe})
        if (text == synergyName(m)) { out = m; return true; }
    return false;
}

std::string effectScaleName(EffectScale scale) { return scale == EffectScale::Decrease ? "decrease" : "increase"; }

bool parseEffectScale(const std::string &text, EffectScale &out)
{
    if (text == "decrease") out = EffectScale::Decrease;
    else if (text == "increase") out = EffectScale::Increase;
    else return false;
    return true;
}

double effectOf(double response, double control, EffectScale scale)
{
    return scale == EffectScale::Decrease ? 1 - response / control : response / control - 1;
}

double blissExcess(double eab, double ea, double eb) { return eab - (ea + eb - ea * eb); }

double hsaExcess(double eab, double ea, double eb) { return eab - std::max(ea, eb); }

double HillFit::effect(double dose) const
{
    if (status == Status::Inactive) return 0;
    if (status != Status::Hill) return kNaN;
    if (dose <= 0) return 0;
    const double u = std::pow(dose / ec50, hill);
    return std::isinf(u) ? emax : emax * u / (1 + u);
}

double HillFit::inverse(double e) const
{
    if (status == Status::Invalid) return kNaN;
    if (e <= 0) return 0;
    if (status == Status::Inactive || e >= emax) return std::numeric_limits<double>::infinity();
    return ec50 * std::pow(e / (emax - e), 1 / hill);
}

HillFit fitHill(const std::vector<double> &doses, const std::vector<double> &effects)
{
    HillFit fit;
    std::vector<Sample> data;
    double maxEffect = 0, minEffect = 0;
    for (std::size_t i = 0; i < doses.size() && i < effects.size(); ++i) {
        if (!(doses[i] > 0) || !std::isfinite(doses[i])) continue;
        if (!std::isfinite(effects[i])) { fit.note = "a single-agent response is not finite"; return fit; }
        data.push_back({doses[i], effects[i]});
        maxEffect = std::max(maxEffect, effects[i]);
        minEffect = std::min(minEffect, effects[i]);
    }
    if (data.size() < 3) { fit.note = "fewer than 3 single-agent doses"; return fit; }
    std::sort(data.begin(), data.end(), [](const Sample &a, const Sample &b) { return a.dose < b.dose; });
    if (maxEffect < kInactiveEffect && minEffect > -kInactiveEffect) {
        fit.status = HillFit::Status::Inactive;
        fit.emax = 0;
        return fit;
    }
    if (maxEffect < kInactiveEffect) { fit.note = "the agent raises the response (negative effects)"; return fit; }
    // Start at the half-maximal crossing, several Hill slopes; keep the best local fit.
    double c0 = data.back().dose;
    for (std::size_t i = 1; i < data.size(); ++i)
        if (data[i].effect >= maxEffect / 2 && data[i - 1].effect < maxEffect / 2) {
            const double f = (maxEffect / 2 - data[i - 1].effect) / (data[i].effect - data[i - 1].effect);
            c0 = std::exp(std::log(data[i - 1].dose) + f * (std::log(data[i].dose) - std::log(data[i - 1].dose)));
            break;
        }
    double bestCost = std::numeric_limits<double>::infinity();
    Eigen::Vector3d best = Eigen::Vector3d::Constant(std::numeric_limits<double>::quiet_NaN());
    for (double n0 : {1.0, 0.5, 2.0, 4.0, 8.0}) {
        Eigen::Vector3d theta(maxEffect, std::log(c0), std::log(n0));
        const double cost = levenbergMarquardt(data, theta);
        if (cost < bestCost) { bestCost = cost; best = theta; }
    }
    fit.rmsResidual = std::sqrt(bestCost / double(data.size()));
    fit.emax = best[0];
    fit.ec50 = std::exp(best[1]);
    fit.hill = std::exp(best[2]);
    if (!std::isfinite(bestCost) || !std::isfinite(fit.emax) || !std::isfinite(fit.ec50) || !std::isfinite(fit.hill) ||
        fit.emax <= 0) {
        fit.note = "no Hill curve fits the single-agent effects";
    } else if (fit.rmsResidual > kMaxRmsResidual) {
        fit.note = "the single-agent effects are not Hill-shaped (rms residual " + std::to_string(fit.rmsResidual) + ")";
    } else {
        fit.status = HillFit::Status::Hill;
    }
    return fit;
}

double loeweExpected(const HillFit &fa, const HillFit &fb, double a, double b)
{
    if (fa.status == HillFit::Status::Invalid || fb.status == HillFit::Status::Invalid) return kNaN;
    double top = 0;
    if (fa.status == HillFit::Status::Hill && a > 0) top = std::max(top, fa.emax);
    if (fb.status == HillFit::Status::Hill && b > 0) top = std::max(top, fb.emax);
    if (top == 0) return 0;   // no active agent at a positive dose
    auto excess = [&](double e) {   // decreasing in e: +inf at 0+, -1 at the larger emax
        double s = -1;
        if (a > 0) s += a / fa.inverse(e);
        if (b > 0) s += b / fb.inverse(e);
        return s;
    };
    double lo = 0, hi = top;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * top; ++i) {
        const double mid = 0.5 * (lo + hi);
        (excess(mid) > 0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

SynergyMap computeSynergy(const SynergyInput &in, SynergyMethod method, EffectScale scale)
{
    SynergyMap out;
    out.method = method;
    out.scale = scale;
    const std::size_t nx = in.x.size(), ny = in.y.size();
    for (double r : in.alongX) out.effectX.push_back(effectOf(r, in.control, scale));
    for (double r : in.alongY) out.effectY.push_back(effectOf(r, in.control, scale));
    out.effect.resize(nx * ny, kNaN);
    for (std::size_t k = 0; k < nx * ny && k < in.surface.size(); ++k) out.effect[k] = effectOf(in.surface[k], in.control, scale);
    if (method == SynergyMethod::None) return out;
    if (method == SynergyMethod::Loewe) {
        out.fitX = fitHill(in.x, out.effectX);
        out.fitY = fitHill(in.y, out.effectY);
    }
    out.expected.assign(nx * ny, kNaN);
    out.score.assign(nx * ny, kNaN);
    for (std::size_t j = 0; j < ny; ++j)
        for (std::size_t i = 0; i < nx; ++i) {
            const std::size_t k = j * nx + i;
            const double ea = out.effectX[i], eb = out.effectY[j];
            double expected = kNaN;
            switch (method) {
            case SynergyMethod::Bliss: expected = ea + eb - ea * eb; break;
            case SynergyMethod::Hsa: expected = std::max(ea, eb); break;
            case SynergyMethod::Loewe: expected = loeweExpected(out.fitX, out.fitY, in.x[i], in.y[j]); break;
            case SynergyMethod::None: break;
            }
            out.expected[k] = expected;
            out.score[k] = out.effect[k] - expected;
            if (std::isfinite(out.score[k]) && (out.bestX < 0 || out.score[k] > out.bestScore)) {
                out.bestScore = out.score[k];
                out.bestX = int(i);
                out.bestY = int(j);
            }
        }
    return out;
}

}  // namespace ferroscope::core
