// Reference data for the SSDA903 rules (see the header).
#include "returns/ssda903_reference.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/csv.h"

namespace journey::returns {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The index of the first header column whose lower-cased, trimmed name is one of `names`.
int FindColumn(const CsvTable& t, std::initializer_list<std::string_view> names) {
  for (size_t i = 0; i < t.header.size(); ++i) {
    std::string h = Lower(t.header[i]);
    while (!h.empty() && h.back() == ' ') h.pop_back();
    while (!h.empty() && h.front() == ' ') h.erase(h.begin());
    for (std::string_view n : names)
      if (h == n) return static_cast<int>(i);
  }
  return -1;
}

bool ThreeDigits(std::string_view v) {
  return v.size() == 3 &&
         std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

Status LoadLaCodes(std::string_view text, std::string_view file, Reference903& ref) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file));
  const int code = FindColumn(t, {"la (code)", "la code"});
  if (code < 0)
    return InvalidArgument(
        fmt::format("{}: no council code column; the header must have \"LA (code)\" (as in Get "
                    "Information about Schools' extracts) or \"LA code\"; found: {}",
                    file, fmt::join(t.header, ", ")));
  const int name = FindColumn(t, {"la (name)", "la name"});
  std::map<std::string, std::string> codes;
  for (const CsvRow& r : t.rows) {
    const std::string& v = r.fields[static_cast<size_t>(code)];
    if (!ThreeDigits(v))
      return InvalidArgument(fmt::format(
          "{} line {}: {} \"{}\" is not a council code; allowed: three digits, such as 201", file,
          r.line, t.header[static_cast<size_t>(code)], v));
    std::string n = name >= 0 ? r.fields[static_cast<size_t>(name)] : std::string();
    codes.try_emplace(v, std::move(n));
  }
  if (codes.empty())
    return InvalidArgument(fmt::format("{}: no councils listed (only the header)", file));
  ref.la_codes.merge(codes);
  ref.has_la_codes = true;
  return Status::Ok();
}

Result<Reference903> LoadReference903(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Err(InvalidArgument(fmt::format("--reference {}: not a directory", dir)));
  Reference903 ref;
  bool any = false;
  const fs::path la = fs::path(dir) / "la_codes.csv";
  if (fs::exists(la, ec)) {
    std::ifstream in(la, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    if (!in) return Err(InvalidArgument(fmt::format("{}: cannot be read", la.string())));
    JOURNEY_RETURN_IF_ERROR(LoadLaCodes(s.str(), la.string(), ref));
    any = true;
  }
  if (!any)
    return Err(InvalidArgument(
        fmt::format("--reference {}: no reference file found; looked for la_codes.csv (the list of "
                    "council codes)",
                    dir)));
  return ref;
}

}  // namespace journey::returns
