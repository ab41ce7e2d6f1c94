// Optimised replacements for the serial N_Vector and dense SUNMatrix operations that CVODE calls
// on its hot path. Debian builds SUNDIALS without optimisation (BUILD_NOTES §8), so these plain
// loops, compiled -O2 here, run several times faster. They act on the same data layout (serial
// vector content, column-major dense matrix), so they are installed into the ops tables of
// objects SUNDIALS created; clones inherit them.
#pragma once

#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>

namespace ferroscope::core::sun {

void installFastVectorOps(N_Vector v);
void installFastMatrixOps(SUNMatrix A);

}  // namespace ferroscope::core::sun
