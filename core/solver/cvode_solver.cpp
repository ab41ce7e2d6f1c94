#include "core/solver/cvode_solver.h"

#include "core/solver/eigen_linear_solver.h"
#include "core/solver/fast_kernels.h"
#include "core/solver/sundials_raii.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ferroscope::core {

struct CvodeSolver::Handles {
    sun::Context ctx;
    sun::Vector y, atol, dky;
    sun::Matrix A;
    sun::LinearSolver LS;
    sun::CvodeMemory mem;
};

struct CvodeSolver::Callbacks {
    static int rhs(sunrealtype t, N_Vector y, N_Vector ydot, void *user) noexcept
    {
        auto *self = static_cast<CvodeSolver *>(user);
        try {
            double *out = N_VGetArrayPointer(ydot);
            if (self->m_n == 0) { out[0] = 0; return 0; }
            self->evaluate(self->m_model->rhsTape, t, N_VGetArrayPointer(y), out, self->m_rhsWork);
            for (std::uint32_t i = 0; i < self->m_n; ++i)
                if (!std::isfinite(out[i])) return 1;   // recoverable: CVODE retries a smaller step
            return 0;
        } catch (...) {
            return -1;
        }
    }

    static int jac(sunrealtype t, N_Vector y, N_Vector, SUNMatrix J, void *user, N_Vector, N_Vector, N_Vector) noexcept
    {
        auto *self = static_cast<CvodeSolver *>(user);
        try {
            SUNMatZero(J);
            if (self->m_n == 0) return 0;
            const auto &entries = self->m_model->jacEntries;
            if (entries.empty()) return 0;
            self->evaluate(self->m_model->jacTape, t, N_VGetArrayPointer(y), self->m_jacValues.data(), self->m_jacWork);
            for (std::size_t k = 0; k < entries.size(); ++k) {
                const double v = self->m_jacValues[k];
                if (!std::isfinite(v)) return 1;
                SM_ELEMENT_D(J, entries[k].first, entries[k].second) = v;
            }
            return 0;
        } catch (...) {
            return -1;
        }
    }

    static int roots(sunrealtype t, N_Vector y, sunrealtype *gout, void *user) noexcept
    {
        auto *self = static_cast<CvodeSolver *>(user);
        try {
            self->evaluate(self->m_model->rootTape, t, N_VGetArrayPointer(y), gout, self->m_rootWork);
            return 0;
        } catch (...) {
            return -1;
        }
    }

    static void silence(int, const char *, const char *, char *, void *) noexcept {}
};

CvodeSolver::CvodeSolver(std::shared_ptr<const CompiledModel> model, const SolverSettings &settings)
    : m_model(std::move(model)), m_settings(settings), m_h(std::make_unique<Handles>())
{
    const auto &m = *m_model;
    m_n = m.stateCount();
    m_nAlloc = std::max<std::uint32_t>(m_n, 1);
    m_params = m.defaultParameters();
    m_leaves.assign(m.leafCount(), 0.0);
    m_rhsWork = m.rhsTape.makeWorkspace();
    m_jacWork = m.jacTape.makeWorkspace();
    m_rootWork = m.rootTape.makeWorkspace();
    m_jacValues.assign(m.jacEntries.size(), 0.0);
    m_roots.assign(m.relationCount(), 0);

    Handles &h = *m_h;
    h.y.reset(N_VNew_Serial(m_nAlloc, h.ctx));
    h.atol.reset(N_VNew_Serial(m_nAlloc, h.ctx));
    h.dky.reset(N_VNew_Serial(m_nAlloc, h.ctx));
    if (!h.y || !h.atol || !h.dky) throw SolverError("could not allocate solver vectors");
    for (N_Vector v : {h.y.get(), h.atol.get(), h.dky.get()}) sun::installFastVectorOps(v);
    N_VConst(0.0, h.y.get());
    double *atol = N_VGetArrayPointer(h.atol.get());
    for (std::uint32_t i = 0; i < m_nAlloc; ++i) {
        double a = m_settings.absoluteTolerance;
        if (i < m_settings.absoluteTolerances.size()) a = m_settings.absoluteTolerances[i];
        atol[i] = a > 0 && std::isfinite(a) ? a : 1e-12;
    }
    h.A.reset(SUNDenseMatrix(m_nAlloc, m_nAlloc, h.ctx));
    if (!h.A) throw SolverError("could not allocate the Jacobian matrix");
    sun::installFastMatrixOps(h.A.get());
    h.LS.reset(sun::makeEigenDenseSolver(h.ctx, m_nAlloc));
    if (!h.LS) throw SolverError("could not create the dense linear solver");
    h.mem.reset(CVodeCreate(CV_BDF, h.ctx));
    if (!h.mem) throw SolverError("CVodeCreate failed");
    sun::check(CVodeInit(h.mem.get(), &Callbacks::rhs, 0.0, h.y.get()), "CVodeInit");
    sun::check(CVodeSetUserData(h.mem.get(), this), "CVodeSetUserData");
    const double rtol = m_settings.relativeTolerance > 0 ? m_settings.relativeTolerance : 1e-6;
    sun::check(CVodeSVtolerances(h.mem.get(), rtol, h.atol.get()), "CVodeSVtolerances");
    sun::check(CVodeSetLinearSolver(h.mem.get(), h.LS.get(), h.A.get()), "CVodeSetLinearSolver");
    sun::check(CVodeSetJacFn(h.mem.get(), &Callbacks::jac), "CVodeSetJacFn");
    sun::check(CVodeSetMaxNumSteps(h.mem.get(), 1000000), "CVodeSetMaxNumSteps");
    sun::check(CVodeSetMaxErrTestFails(h.mem.get(), 20), "CVodeSetMaxErrTestFails");
    sun::check(CVodeSetMaxConvFails(h.mem.get(), 50), "CVodeSetMaxConvFails");
    sun::check(CVodeSetErrHandlerFn(h.mem.get(), &Callbacks::silence, nullptr), "CVodeSetErrHandlerFn");
    if (m_settings.maxStepSize > 0) sun::check(CVodeSetMaxStep(h.mem.get(), m_settings.maxStepSize), "CVodeSetMaxStep");
    if (m.relationCount() > 0) {
        sun::check(CVodeRootInit(h.mem.get(), int(m.relationCount()), &Callbacks::roots), "CVodeRootInit");
        sun::check(CVodeSetNoInactiveRootWarn(h.mem.get()), "CVodeSetNoInactiveRootWarn");
    }
}

CvodeSolver::~CvodeSolver() = default;

void CvodeSolver::setParameters(const std::vector<double> &p)
{
    if (p.size() != m_params.size()) throw SolverError("parameter table has the wrong size");
    m_params = p;
}

void CvodeSolver::evaluate(const expr::Tape &tape, double t, const double *y, double *out, std::vector<double> &work)
{
    m_leaves[0] = t;
    std::memcpy(m_leaves.data() + 1, y, sizeof(double) * m_n);
    std::memcpy(m_leaves.data() + 1 + m_n, m_params.data(), sizeof(double) * m_params.size());
    tape.evaluate(m_leaves.data(), out, work.data());
}

void CvodeSolver::scaleAbsoluteTolerances(const std::vector<double> &factors)
{
    double *atol = N_VGetArrayPointer(m_h->atol.get());
    for (std::uint32_t i = 0; i < m_nAlloc; ++i) {
        double a = m_settings.absoluteTolerance;
        if (i < m_settings.absoluteTolerances.size()) a = m_settings.absoluteTolerances[i];
        if (!(a > 0) || !std::isfinite(a)) a = 1e-12;
        const double f = i < factors.size() ? factors[i] : 1.0;
        if (f > 0 && std::isfinite(f)) a *= f;
        atol[i] = std::max(a, 1e-300);
    }
    const double rtol = m_settings.relativeTolerance > 0 ? m_settings.relativeTolerance : 1e-6;
    sun::check(CVodeSVtolerances(m_h->mem.get(), rtol, m_h->atol.get()), "CVodeSVtolerances");
}

void CvodeSolver::setMaxStep(double h)
{
    if (h == m_maxStep) return;
    m_maxStep = h;
    sun::check(CVodeSetMaxStep(m_h->mem.get(), h > 0 && std::isfinite(h) ? h : 0.0), "CVodeSetMaxStep");
}

void CvodeSolver::reset(double t0, const double *y0)
{
    double *y = N_VGetArrayPointer(m_h->y.get());
    for (std::uint32_t i = 0; i < m_n; ++i) y[i] = y0[i];
    if (m_n == 0) y[0] = 0;
    sun::check(CVodeReInit(m_h->mem.get(), t0, m_h->y.get()), "CVodeReInit");
    ++m_reinits;
    m_initialised = true;
}

CvodeSolver::StepResult CvodeSolver::step(double tstop, double &t)
{
    if (!m_initialised) throw SolverError("solver used before reset()");
    sun::check(CVodeSetStopTime(m_h->mem.get(), tstop), "CVodeSetStopTime");
    if (++m_stepsTaken > m_settings.maxSteps)
        throw SolverError("too many solver steps (" + std::to_string(m_settings.maxSteps) +
                          "); the model may be too stiff or the time span too long");
    const int flag = CVode(m_h->mem.get(), tstop, m_h->y.get(), &t, CV_ONE_STEP);
    if (flag == CV_ROOT_RETURN) {
        ++m_rootReturns;
        sun::check(CVodeGetRootInfo(m_h->mem.get(), m_roots.data()), "CVodeGetRootInfo");
        return StepResult::Root;
    }
    if (flag == CV_TSTOP_RETURN) return StepResult::StopTime;
    if (flag < 0) {
        std::unique_ptr<char, decltype(&std::free)> name(CVodeGetReturnFlagName(flag), &std::free);
        throw SolverError("CVODE failed at t = " + std::to_string(t) + ": " + (name ? name.get() : "error") +
                          (flag == CV_CONV_FAILURE || flag == CV_ERR_FAILURE
                               ? " (the model may have a singularity or a blow-up here)" : ""));
    }
    return StepResult::Step;
}

void CvodeSolver::interpolate(double t, double *y)
{
    sun::check(CVodeGetDky(m_h->mem.get(), t, 0, m_h->dky.get()), "CVodeGetDky");
    std::memcpy(y, N_VGetArrayPointer(m_h->dky.get()), sizeof(double) * m_n);
}

const double *CvodeSolver::state() const { return N_VGetArrayPointer(m_h->y.get()); }

SolverStats CvodeSolver::stats() const
{
    SolverStats s;
    long v = 0;
    CVodeGetNumSteps(m_h->mem.get(), &v);
    s.steps = m_stepsTaken;
    CVodeGetNumRhsEvals(m_h->mem.get(), &v);
    s.rhsEvaluations = v;
    CVodeGetNumJacEvals(m_h->mem.get(), &v);
    s.jacobianEvaluations = v;
    s.reinits = m_reinits;
    s.rootReturns = m_rootReturns;
    return s;
}

}  // namespace ferroscope::core
