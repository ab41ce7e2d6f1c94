// Result<T>: a value or a list of user-facing errors (STYLE.md §7).
// Used for everything a user can get wrong (files, formulas, scenarios); exceptions are kept for
// solver failures and broken invariants. Plain value type, any thread.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ferroscope::core {

struct Error {
    std::string where;    // e.g. "reaction R3 kinetic law", "line 12", an id; may be empty
    std::string message;  // one sentence a user can act on

    std::string text() const { return where.empty() ? message : where + ": " + message; }
};

using Errors = std::vector<Error>;

inline std::string joinErrors(const Errors &errors, const std::string &sep = "; ")
{
    std::string out;
    for (const auto &e : errors) {
        if (!out.empty()) out += sep;
        out += e.text();
    }
    return out;
}

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}                         // NOLINT implicit
    Result(Error error) : m_errors{std::move(error)} {}                    // NOLINT implicit
    Result(Errors errors) : m_errors(std::move(errors)) {}                 // NOLINT implicit

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const Errors &errors() const { return m_errors; }
    std::string errorText() const { return joinErrors(m_errors); }

private:
    std::optional<T> m_value;
    Errors m_errors;
};

/// Thrown by the solver layer for numerical failures (CVODE flags, NaN in the RHS, ...).
class SolverError : public std::exception {
public:
    explicit SolverError(std::string message) : m_message(std::move(message)) {}
    const char *what() const noexcept override { return m_message.c_str(); }
private:
    std::string m_message;
};

}  // namespace ferroscope::core
