#include "returns/findings_files.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "returns/xlsx_write.h"

namespace journey::returns {
namespace {

Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!f) return Internal(fmt::format("could not write {}", path));
  return Status::Ok();
}

}  // namespace

Status WriteFindingsXlsx(const std::vector<Finding>& findings, const std::vector<NotRun>& not_run,
                         const std::string& path) {
  // Kept in memory (strings shared): a findings workbook is small beside an Annex A one.
  JOURNEY_ASSIGN_OR_RETURN(auto w, XlsxWriter::Create(path, Date::FromYmd(2000, 1, 1),
                                                      /*streaming=*/false));
  JOURNEY_RETURN_IF_ERROR(w->AddSheet("Findings", {"rule", "severity", "table", "file", "line",
                                                   "child", "field", "value", "message"}));
  struct PerRule {
    Severity severity = Severity::kError;
    int findings = 0;
    std::set<std::string> children;
  };
  std::map<std::string, PerRule> by_rule;
  std::map<std::string, int> by_child;
  for (const Finding& f : findings) {
    w->Text(0, f.rule);
    w->Text(1, SeverityName(f.severity));
    w->Text(2, f.table);
    w->Text(3, f.file);
    if (f.line > 0) w->Number(4, f.line);
    w->Text(5, f.child);
    w->Text(6, f.field);
    w->Text(7, f.value);
    w->Text(8, f.message);
    w->EndRow();
    PerRule& r = by_rule[f.rule];
    r.severity = f.severity;
    ++r.findings;
    r.children.insert(f.child);
    ++by_child[f.child];
  }
  JOURNEY_RETURN_IF_ERROR(w->AddSheet("By rule", {"rule", "severity", "findings", "children"}));
  for (const auto& [rule, r] : by_rule) {
    w->Text(0, rule);
    w->Text(1, SeverityName(r.severity));
    w->Number(2, r.findings);
    w->Number(3, static_cast<double>(r.children.size()));
    w->EndRow();
  }
  JOURNEY_RETURN_IF_ERROR(w->AddSheet("By child", {"child", "findings"}));
  for (const auto& [child, n] : by_child) {
    w->Text(0, child);
    w->Number(1, n);
    w->EndRow();
  }
  JOURNEY_RETURN_IF_ERROR(w->AddSheet("Not run", {"rule", "reason"}));
  for (const NotRun& n : not_run) {
    w->Text(0, n.rule);
    w->Text(1, n.reason);
    w->EndRow();
  }
  return w->Close();
}

Status WriteFindingsFiles(const std::vector<Finding>& findings, const std::vector<NotRun>& not_run,
                          const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return InvalidArgument(fmt::format("cannot create directory {}: {}", dir, ec.message()));
  const std::filesystem::path d(dir);
  JOURNEY_RETURN_IF_ERROR(WriteText((d / "findings.csv").string(), FindingsCsv(findings)));
  JOURNEY_RETURN_IF_ERROR(
      WriteText((d / "findings.json").string(), FindingsJson(findings, not_run)));
  return WriteFindingsXlsx(findings, not_run, (d / "findings.xlsx").string());
}

}  // namespace journey::returns
