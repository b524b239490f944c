#include "cli/input_files.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace journey::cli {

Result<std::string> ReadInputFile(const std::string& path, uintmax_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st))
    return Err(
        NotFound(fmt::format("{}: cannot read: {}", path, ec ? ec.message() : "no such file")));
  if (fs::is_directory(st))
    return Err(InvalidArgument(fmt::format("{}: is a directory; give the file itself", path)));
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return Err(NotFound(fmt::format("{}: cannot read: {}", path, ec.message())));
  if (size > max_bytes)
    return Err(InvalidArgument(fmt::format("{}: the file is {} MB; the largest accepted is {} MB",
                                           path, size >> 20, max_bytes >> 20)));
  std::ifstream f(path, std::ios::binary);
  if (!f) return Err(NotFound(fmt::format("{}: cannot read: permission denied or gone", path)));
  std::ostringstream s;
  if (size > 0) s << f.rdbuf();
  if (f.bad()) return Err(NotFound(fmt::format("{}: cannot read: a read error", path)));
  return s.str();
}

Result<std::vector<returns::InputFile>> ReadInputFiles(const std::vector<std::string>& paths) {
  std::vector<returns::InputFile> files;
  for (const std::string& path : paths) {
    JOURNEY_ASSIGN_OR_RETURN(std::string text, ReadInputFile(path));
    files.push_back({InputFileName(path), std::move(text)});
  }
  return files;
}

std::string InputFileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

Status CheckCollectionYear(int year) {
  if (year < 2000 || year > 2100)
    return InvalidArgument(fmt::format(
        "--year {}: give the collection year as the DfE's tools do (2026 means 2025/26)", year));
  return Status::Ok();
}

}  // namespace journey::cli
