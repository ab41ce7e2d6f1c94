// Reading and writing the human-readable Ferroscope project file (JSON, format version 1).
// Maths are stored as SBML L3 infix formulas (math_io.h). Unknown/newer format versions and
// malformed content are reported as errors; nothing is half-read. Any thread.
#pragma once

#include "core/model/project.h"
#include "core/util/result.h"

#include <string>

namespace ferroscope::core {

inline constexpr int kProjectFormatVersion = 2;   // 2: optional diagram, explorer and plot sections

Result<Project> readProjectJson(const std::string &text);
Result<Project> readProjectFile(const std::string &path);
std::string writeProjectJson(const Project &project);
/// Atomic write (QSaveFile).
Result<bool> writeProjectFile(const Project &project, const std::string &path);

/// The built-in iron/heme CSC model (compiled into the binary as a Qt resource).
const Project &builtinProject();

}  // namespace ferroscope::core
