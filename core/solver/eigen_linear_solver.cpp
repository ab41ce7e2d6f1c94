#include "core/solver/eigen_linear_solver.h"

#include <Eigen/Dense>
#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <new>

namespace ferroscope::core::sun {

namespace {

struct Content {
    explicit Content(sunindextype n) : matrix(n, n), lu(n) {}
    Eigen::MatrixXd matrix;
    Eigen::PartialPivLU<Eigen::MatrixXd> lu;
    sunindextype lastFlag = 0;
};

Content *content(SUNLinearSolver s) { return static_cast<Content *>(s->content); }

SUNLinearSolver_Type getType(SUNLinearSolver) { return SUNLINEARSOLVER_DIRECT; }
SUNLinearSolver_ID getId(SUNLinearSolver) { return SUNLINEARSOLVER_CUSTOM; }
int initialize(SUNLinearSolver s) { content(s)->lastFlag = 0; return SUNLS_SUCCESS; }

int setup(SUNLinearSolver s, SUNMatrix A)
{
    Content &c = *content(s);
    const sunindextype n = SUNDenseMatrix_Rows(A);
    // SUNDIALS dense storage is column-major and contiguous, as Eigen's default.
    c.matrix = Eigen::Map<const Eigen::MatrixXd>(SUNDenseMatrix_Data(A), n, n);
    c.lu.compute(c.matrix);
    // PartialPivLU does not report singularity; a zero pivot shows up as a zero on U's diagonal.
    const auto &lu = c.lu.matrixLU();
    for (sunindextype i = 0; i < n; ++i)
        if (lu(i, i) == 0.0) { c.lastFlag = i + 1; return int(i + 1); }   // recoverable, as SUNLinSol_Dense
    c.lastFlag = 0;
    return SUNLS_SUCCESS;
}

int solve(SUNLinearSolver s, SUNMatrix, N_Vector x, N_Vector b, sunrealtype)
{
    Content &c = *content(s);
    const auto n = c.matrix.rows();
    Eigen::Map<const Eigen::VectorXd> rhs(N_VGetArrayPointer(b), n);
    Eigen::Map<Eigen::VectorXd> out(N_VGetArrayPointer(x), n);
    out = c.lu.solve(rhs);
    if (!out.allFinite()) { c.lastFlag = SUNLS_PACKAGE_FAIL_REC; return SUNLS_PACKAGE_FAIL_REC; }
    return SUNLS_SUCCESS;
}

sunindextype lastFlag(SUNLinearSolver s) { return content(s)->lastFlag; }

int freeSolver(SUNLinearSolver s)
{
    if (!s) return SUNLS_SUCCESS;
    delete content(s);
    s->content = nullptr;
    SUNLinSolFreeEmpty(s);
    return SUNLS_SUCCESS;
}

}  // namespace

SUNLinearSolver makeEigenDenseSolver(SUNContext ctx, sunindextype n)
{
    SUNLinearSolver s = SUNLinSolNewEmpty(ctx);
    if (!s) return nullptr;
    s->ops->gettype = getType;
    s->ops->getid = getId;
    s->ops->initialize = initialize;
    s->ops->setup = setup;
    s->ops->solve = solve;
    s->ops->lastflag = lastFlag;
    s->ops->free = freeSolver;
    s->content = new (std::nothrow) Content(n);
    if (!s->content) { SUNLinSolFreeEmpty(s); return nullptr; }
    return s;
}

}  // namespace ferroscope::core::sun
