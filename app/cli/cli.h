// ferroscope-cli entry point as a function, so tests call it in-process (STYLE.md §1).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ferroscope::cli {

/// Runs one command line (args exclude the program name). Writes results to `out`, one-line
/// error messages to `err`; returns the process exit status (0 = success).
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

}  // namespace ferroscope::cli
