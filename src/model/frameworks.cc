#include "model/frameworks.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "base/csv.h"
#include "base/embedded.h"

namespace journey::model {

Result<Frameworks> Frameworks::FromCsv(std::string_view csv_text, std::string_view file_name) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(csv_text, file_name));
  const int c_fw = table.ColumnIndex("framework"), c_part = table.ColumnIndex("part"),
            c_code = table.ColumnIndex("code"), c_rank = table.ColumnIndex("rank"),
            c_label = table.ColumnIndex("label");
  if (c_fw < 0 || c_part < 0 || c_code < 0 || c_rank < 0 || c_label < 0) {
    return Err(InvalidArgument(fmt::format(
        "{}: the header must have the columns framework, part, code, rank, label", file_name)));
  }
  Frameworks out;
  for (const CsvRow& row : table.rows) {
    FrameworkEntry e;
    e.framework = row.fields[c_fw];
    e.code = row.fields[c_code];
    e.label = row.fields[c_label];
    const std::string& part = row.fields[c_part];
    if (part != "area" && part != "grade") {
      return Err(InvalidArgument(
          fmt::format("{} line {}: part \"{}\" must be area or grade", file_name, row.line, part)));
    }
    e.is_grade = part == "grade";
    if (e.framework.empty() || e.code.empty()) {
      return Err(InvalidArgument(
          fmt::format("{} line {}: framework and code must not be blank", file_name, row.line)));
    }
    const std::string& rank = row.fields[c_rank];
    if (e.is_grade) {
      if (rank.size() != 1 || rank[0] < '1' || rank[0] > '4') {
        return Err(InvalidArgument(
            fmt::format("{} line {}: rank \"{}\" must be 1 (worst) to 4 (best) for a grade",
                        file_name, row.line, rank)));
      }
      e.rank = rank[0] - '0';
    } else if (!rank.empty()) {
      return Err(InvalidArgument(
          fmt::format("{} line {}: rank \"{}\" is for grades only; leave it blank for an area",
                      file_name, row.line, rank)));
    }
    if (out.Find(e.framework, e.is_grade, e.code)) {
      return Err(InvalidArgument(fmt::format("{} line {}: {} {} appears twice for {}", file_name,
                                             row.line, part, e.code, e.framework)));
    }
    out.entries_.push_back(std::move(e));
  }
  return out;
}

const Frameworks& Frameworks::Default() {
  static const Frameworks frameworks = [] {
    constexpr std::string_view kPath = "data/inspection_frameworks.csv";
    auto text = embedded::Find(kPath);
    auto parsed = text ? FromCsv(*text, kPath)
                       : Result<Frameworks>(Err(Internal("not embedded in this build")));
    if (!parsed) {
      std::fprintf(stderr, "%s: %s\n", kPath.data(), parsed.error().ToString().c_str());
      std::abort();
    }
    return *std::move(parsed);
  }();
  return frameworks;
}

const FrameworkEntry* Frameworks::Find(std::string_view framework, bool grade,
                                       std::string_view code) const {
  for (const FrameworkEntry& e : entries_)
    if (e.is_grade == grade && e.framework == framework && e.code == code) return &e;
  return nullptr;
}

const FrameworkEntry* Frameworks::Area(std::string_view framework, std::string_view area) const {
  return Find(framework, false, area);
}

const FrameworkEntry* Frameworks::Grade(std::string_view framework, std::string_view grade) const {
  return Find(framework, true, grade);
}

std::string Frameworks::Allowed(std::string_view framework, bool grade) const {
  std::string out;
  for (const FrameworkEntry& e : entries_) {
    if (e.is_grade != grade || e.framework != framework) continue;
    if (!out.empty()) out += ", ";
    out += e.code;
  }
  return out;
}

size_t Frameworks::AreaOrder(std::string_view framework, std::string_view area) const {
  for (size_t i = 0; i < entries_.size(); ++i)
    if (!entries_[i].is_grade && entries_[i].framework == framework && entries_[i].code == area)
      return i;
  return entries_.size();
}

std::string Frameworks::AllowedGrades(std::string_view framework) const {
  return Allowed(framework, true);
}
std::string Frameworks::AllowedAreas(std::string_view framework) const {
  return Allowed(framework, false);
}

}  // namespace journey::model
