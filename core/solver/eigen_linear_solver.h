// A SUNDIALS direct linear solver backed by Eigen's PartialPivLU on the dense SUNMatrix data.
// Debian's SUNDIALS is built without optimisation and its dense getrf/getrs dominated the run
// time (BUILD_NOTES §8); Eigen's optimised kernels do the same factorisation several times
// faster. Owned through sun::LinearSolver (SUNLinSolFree calls our free op).
#pragma once

#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>

namespace ferroscope::core::sun {

/// New solver for n x n dense systems; nullptr on allocation failure.
SUNLinearSolver makeEigenDenseSolver(SUNContext ctx, sunindextype n);

}  // namespace ferroscope::core::sun
