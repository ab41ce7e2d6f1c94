// RAII owners for SUNDIALS handles (STYLE.md §6). SUNDIALS 6/7 differences stay in this header.
// Declare members in creation order (context, vectors, matrix, linear solver, CVODE memory) so
// that C++ destroys them in reverse and the context goes last, as SUNDIALS requires.
#pragma once

#include "core/util/result.h"

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <type_traits>

namespace ferroscope::core::sun {

static_assert(std::is_same_v<sunrealtype, double>, "Ferroscope needs SUNDIALS built with double precision");

class Context {
public:
    Context()
    {
#if SUNDIALS_VERSION_MAJOR >= 7
        const int rc = SUNContext_Create(SUN_COMM_NULL, &m_ctx);
#else
        const int rc = SUNContext_Create(nullptr, &m_ctx);   // Debian 12 ships 6.4
#endif
        if (rc != 0) throw SolverError("SUNContext_Create failed");
    }
    ~Context() { if (m_ctx) SUNContext_Free(&m_ctx); }
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;
    operator SUNContext() const { return m_ctx; }   // NOLINT implicit by design

private:
    SUNContext m_ctx = nullptr;
};

struct VectorDeleter { void operator()(N_Vector v) const noexcept { if (v) N_VDestroy(v); } };
struct MatrixDeleter { void operator()(SUNMatrix m) const noexcept { if (m) SUNMatDestroy(m); } };
struct LinearSolverDeleter { void operator()(SUNLinearSolver s) const noexcept { if (s) SUNLinSolFree(s); } };
struct CvodeDeleter { void operator()(void *mem) const noexcept { if (mem) CVodeFree(&mem); } };

using Vector = std::unique_ptr<std::remove_pointer_t<N_Vector>, VectorDeleter>;
using Matrix = std::unique_ptr<std::remove_pointer_t<SUNMatrix>, MatrixDeleter>;
using LinearSolver = std::unique_ptr<std::remove_pointer_t<SUNLinearSolver>, LinearSolverDeleter>;
using CvodeMemory = std::unique_ptr<void, CvodeDeleter>;

/// Throws SolverError naming the call and CVODE's flag name when flag < 0.
inline void check(int flag, const char *call)
{
    if (flag >= 0) return;
    std::unique_ptr<char, decltype(&std::free)> name(CVodeGetReturnFlagName(flag), &std::free);
    throw SolverError(std::string(call) + " failed: " + (name ? name.get() : "unknown flag") +
                      " (" + std::to_string(flag) + ")");
}

}  // namespace ferroscope::core::sun
