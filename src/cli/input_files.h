// Reading the files a command is given (returns, workbooks, organisation text): one place
// for the size limit, the checks and the messages, so every command refuses the same way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "returns/ssda903_read.h"  // returns::InputFile

namespace journey::cli {

// Larger files are refused before reading. All of England's 903 tables are ~20 MB each and
// its CIN census ~300,000 children (well under 256 MB); a council's are far smaller.
inline constexpr uintmax_t kMaxInputBytes = 256u << 20;

// The whole file as bytes. Errors name the file and say why: missing or unreadable
// (NotFound), a directory or larger than max_bytes (InvalidArgument, with the size and the
// limit).
Result<std::string> ReadInputFile(const std::string& path, uintmax_t max_bytes = kMaxInputBytes);

// Each file read, named by its file name (as findings and import messages name it): the
// first error stops, naming the file.
Result<std::vector<returns::InputFile>> ReadInputFiles(const std::vector<std::string>& paths);

// The file's name without its directories, as findings and import messages name it.
std::string InputFileName(const std::string& path);

// --year for a DfE collection: 2026 means 2025/26, as the DfE's tools name it.
Status CheckCollectionYear(int year);

}  // namespace journey::cli
