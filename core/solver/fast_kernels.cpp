#include "core/solver/fast_kernels.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ferroscope::core::sun {

namespace {

inline sunindextype len(N_Vector v) { return NV_LENGTH_S(v); }
inline double *data(N_Vector v) { return NV_DATA_S(v); }

void linearSum(double a, N_Vector x, double b, N_Vector y, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x), *yd = data(y);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = a * xd[i] + b * yd[i];
}

void constant(double c, N_Vector z)
{
    std::fill_n(data(z), len(z), c);
}

void prod(N_Vector x, N_Vector y, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x), *yd = data(y);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = xd[i] * yd[i];
}

void divide(N_Vector x, N_Vector y, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x), *yd = data(y);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = xd[i] / yd[i];
}

void scale(double c, N_Vector x, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double *zd = data(z);
    if (xd == zd) {
        for (sunindextype i = 0; i < n; ++i) zd[i] *= c;
    } else {
        for (sunindextype i = 0; i < n; ++i) zd[i] = c * xd[i];
    }
}

void absolute(N_Vector x, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = std::fabs(xd[i]);
}

void inverse(N_Vector x, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = 1.0 / xd[i];
}

void addConst(N_Vector x, double b, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = xd[i] + b;
}

double wsqrsum(N_Vector x, N_Vector w)
{
    const sunindextype n = len(x);
    const double *xd = data(x), *wd = data(w);
    double s = 0;
    for (sunindextype i = 0; i < n; ++i) {
        const double p = xd[i] * wd[i];
        s += p * p;
    }
    return s;
}

double wrmsNorm(N_Vector x, N_Vector w)
{
    const sunindextype n = len(x);
    return n > 0 ? std::sqrt(wsqrsum(x, w) / double(n)) : 0.0;
}

double maxNorm(N_Vector x)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double m = 0;
    for (sunindextype i = 0; i < n; ++i) m = std::max(m, std::fabs(xd[i]));
    return m;
}

double dotProd(N_Vector x, N_Vector y)
{
    const sunindextype n = len(x);
    const double *xd = data(x), *yd = data(y);
    double s = 0;
    for (sunindextype i = 0; i < n; ++i) s += xd[i] * yd[i];
    return s;
}

int linearCombination(int nvec, double *c, N_Vector *X, N_Vector z)
{
    const sunindextype n = len(z);
    double *zd = data(z);
    if (nvec < 1) return -1;
    // z may alias X[0] (SUNDIALS allows it); handle that first term in place.
    const double *x0 = data(X[0]);
    if (x0 == zd) {
        if (c[0] != 1.0)
            for (sunindextype i = 0; i < n; ++i) zd[i] *= c[0];
    } else {
        for (sunindextype i = 0; i < n; ++i) zd[i] = c[0] * x0[i];
    }
    for (int k = 1; k < nvec; ++k) {
        const double *xk = data(X[k]);
        const double ck = c[k];
        for (sunindextype i = 0; i < n; ++i) zd[i] += ck * xk[i];
    }
    return 0;
}

int scaleAddMulti(int nvec, double *a, N_Vector x, N_Vector *Y, N_Vector *Z)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    for (int k = 0; k < nvec; ++k) {
        const double *yd = data(Y[k]);
        double *zd = data(Z[k]);
        const double ak = a[k];
        for (sunindextype i = 0; i < n; ++i) zd[i] = ak * xd[i] + yd[i];
    }
    return 0;
}

void compare(double c, N_Vector x, N_Vector z)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double *zd = data(z);
    for (sunindextype i = 0; i < n; ++i) zd[i] = std::fabs(xd[i]) >= c ? 1.0 : 0.0;
}

double minimum(N_Vector x)
{
    const sunindextype n = len(x);
    const double *xd = data(x);
    double m = n > 0 ? xd[0] : 0.0;
    for (sunindextype i = 1; i < n; ++i) m = std::min(m, xd[i]);
    return m;
}

// Dense matrix: column-major, contiguous ldata = rows * cols.
int matZero(SUNMatrix A)
{
    std::fill_n(SM_DATA_D(A), SM_LDATA_D(A), 0.0);
    return 0;
}

int matCopy(SUNMatrix A, SUNMatrix B)
{
    std::memcpy(SM_DATA_D(B), SM_DATA_D(A), sizeof(double) * std::size_t(SM_LDATA_D(A)));
    return 0;
}

int matScaleAddI(double c, SUNMatrix A)   // A = c*A + I
{
    const sunindextype rows = SM_ROWS_D(A), cols = SM_COLUMNS_D(A);
    double *d = SM_DATA_D(A);
    const sunindextype total = SM_LDATA_D(A);
    for (sunindextype i = 0; i < total; ++i) d[i] *= c;
    for (sunindextype j = 0; j < std::min(rows, cols); ++j) d[j * rows + j] += 1.0;
    return 0;
}

int matScaleAdd(double c, SUNMatrix A, SUNMatrix B)   // A = c*A + B
{
    double *a = SM_DATA_D(A);
    const double *b = SM_DATA_D(B);
    const sunindextype total = SM_LDATA_D(A);
    for (sunindextype i = 0; i < total; ++i) a[i] = c * a[i] + b[i];
    return 0;
}

}  // namespace

void installFastVectorOps(N_Vector v)
{
    auto *ops = v->ops;
    ops->nvlinearsum = linearSum;
    ops->nvconst = constant;
    ops->nvprod = prod;
    ops->nvdiv = divide;
    ops->nvscale = scale;
    ops->nvabs = absolute;
    ops->nvinv = inverse;
    ops->nvaddconst = addConst;
    ops->nvwrmsnorm = wrmsNorm;
    ops->nvwsqrsumlocal = wsqrsum;
    ops->nvmaxnorm = maxNorm;
    ops->nvmaxnormlocal = maxNorm;
    ops->nvdotprod = dotProd;
    ops->nvdotprodlocal = dotProd;
    ops->nvlinearcombination = linearCombination;
    ops->nvscaleaddmulti = scaleAddMulti;
    ops->nvcompare = compare;
    ops->nvmin = minimum;
    ops->nvminlocal = minimum;
}

void installFastMatrixOps(SUNMatrix A)
{
    A->ops->zero = matZero;
    A->ops->copy = matCopy;
    A->ops->scaleaddi = matScaleAddI;
    A->ops->scaleadd = matScaleAdd;
}

}  // namespace ferroscope::core::sun
