// Test helpers for the SSDA903 rules: full tables (every column of the spec present) built
// from the cells a case cares about, and the findings of one rule over them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "returns/ssda903_rules.h"
#include "returns/ssda903_spec.h"

namespace journey::returns::testing {

using Row = std::map<std::string, std::string>;
struct TableRows {
  std::string table;
  std::vector<Row> rows;
};
using V = std::vector<std::string>;

// A table's CSV with every column of the spec, blanks where a row gives nothing.
inline std::string FullCsv(const TableRows& t) {
  const TableSpec* spec = Ssda903Spec::Default().Find(t.table);
  std::string out;
  for (size_t c = 0; c < spec->columns.size(); ++c) out += (c ? "," : "") + spec->columns[c];
  out += "\n";
  for (const Row& r : t.rows) {
    for (size_t c = 0; c < spec->columns.size(); ++c) {
      auto it = r.find(spec->columns[c]);
      out += (c ? "," : "") + (it == r.end() ? std::string() : it->second);
    }
    out += "\n";
  }
  return out;
}

inline Read903 ReadTables(const std::vector<TableRows>& tables, int year) {
  std::vector<InputFile> files;
  for (const TableRows& t : tables) files.push_back({t.table + ".csv", FullCsv(t)});
  return ReadFiles(files, year);
}

// The findings of `rule` in `year` as "Table line FIELD" (line 2 is the first row).
inline V FindingsOf(const std::string& rule, int year, const std::vector<TableRows>& tables,
                    const Read903* previous = nullptr) {
  Read903 read = ReadTables(tables, year);
  V out;
  if (!read.problems.empty()) {
    out.push_back("problem: " + read.problems[0].ToString());
    return out;
  }
  Validate903Options opts;
  opts.previous = previous;
  for (const Finding& f : Validate903(read, year, opts).findings)
    if (f.rule == rule) out.push_back(f.table + " " + std::to_string(f.line) + " " + f.field);
  return out;
}

// A child looked after since 2020 through 2025/26 (continuously for 12 months at 31 March
// 2026), born `dob`.
inline std::vector<TableRows> LookedAfter(const std::string& dob, std::vector<Row> oc2 = {}) {
  std::vector<TableRows> out = {{"Header",
                                 {{{"CHILD", "C1"},
                                   {"SEX", "F"},
                                   {"DOB", dob},
                                   {"ETHNIC", "WBRI"},
                                   {"UPN", "UN1"},
                                   {"MOTHER", "0"}}}},
                                {"Episodes",
                                 {{{"CHILD", "C1"},
                                   {"DECOM", "01/05/2020"},
                                   {"RNE", "S"},
                                   {"LS", "C2"},
                                   {"CIN", "N1"},
                                   {"PLACE", "U1"},
                                   {"PLACE_PROVIDER", "PR1"}}}}};
  if (!oc2.empty()) out.push_back({"OC2", std::move(oc2)});
  return out;
}

}  // namespace journey::returns::testing
