#include "model/codes.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "base/csv.h"
#include "base/embedded.h"

namespace journey::model {

const CodeEntry* CodeList::Find(std::string_view code) const {
  for (const CodeEntry& e : entries_)
    if (e.code == code) return &e;
  return nullptr;
}

std::string CodeList::AllowedIn(int collection_year) const {
  std::string out;
  for (const CodeEntry& e : entries_) {
    if (collection_year != 0 && !e.ValidIn(collection_year)) continue;
    if (!out.empty()) out += ", ";
    out += e.code;
  }
  return out;
}

namespace {

Result<int> ParseYear(std::string_view text, std::string_view file, int line,
                      std::string_view column) {
  if (text.empty()) return 0;
  int y = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || y > 10000) {
      return Err(InvalidArgument(fmt::format(
          "{} line {}: {} \"{}\" is not a collection year (expected e.g. 2026, or blank)", file,
          line, column, text)));
    }
    y = y * 10 + (c - '0');
  }
  if (y < 1990 || y > 2100)
    return Err(InvalidArgument(fmt::format(
        "{} line {}: {} \"{}\" is outside 1990..2100", file, line, column, text)));
  return y;
}

}  // namespace

Result<CodeLists> CodeLists::FromCsv(std::string_view csv_text, std::string_view file_name) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(csv_text, file_name));
  const int c_list = table.ColumnIndex("list"), c_code = table.ColumnIndex("code"),
            c_label = table.ColumnIndex("label"), c_from = table.ColumnIndex("from_year"),
            c_to = table.ColumnIndex("to_year");
  if (c_list < 0 || c_code < 0 || c_label < 0 || c_from < 0 || c_to < 0) {
    return Err(InvalidArgument(fmt::format(
        "{}: the header must have the columns list, code, label, from_year, to_year", file_name)));
  }
  CodeLists out;
  for (const CsvRow& row : table.rows) {
    const std::string& list = row.fields[c_list];
    const std::string& code = row.fields[c_code];
    if (list.empty() || code.empty()) {
      return Err(InvalidArgument(
          fmt::format("{} line {}: list and code must not be blank", file_name, row.line)));
    }
    CodeEntry e;
    e.code = code;
    e.label = row.fields[c_label];
    JOURNEY_ASSIGN_OR_RETURN(e.from_year,
                             ParseYear(row.fields[c_from], file_name, row.line, "from_year"));
    JOURNEY_ASSIGN_OR_RETURN(e.to_year,
                             ParseYear(row.fields[c_to], file_name, row.line, "to_year"));
    if (e.from_year && e.to_year && e.to_year < e.from_year) {
      return Err(InvalidArgument(fmt::format("{} line {}: to_year {} is before from_year {}",
                                             file_name, row.line, e.to_year, e.from_year)));
    }
    auto [it, inserted] = out.index_.try_emplace(list, out.lists_.size());
    if (inserted) {
      out.lists_.emplace_back();
      out.lists_.back().name_ = list;
    }
    CodeList& cl = out.lists_[it->second];
    if (cl.Find(code)) {
      return Err(InvalidArgument(fmt::format("{} line {}: code \"{}\" appears twice in list {}",
                                             file_name, row.line, code, list)));
    }
    cl.entries_.push_back(std::move(e));
  }
  return out;
}

const CodeLists& CodeLists::Default() {
  static const CodeLists lists = [] {
    constexpr std::string_view kPath = "data/code_lists.csv";
    auto text = embedded::Find(kPath);
    if (!text) {
      std::fprintf(stderr, "%s is not embedded in this build\n", kPath.data());
      std::abort();
    }
    auto parsed = FromCsv(*text, kPath);
    if (!parsed) {
      std::fprintf(stderr, "%s\n", parsed.error().ToString().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return lists;
}

const CodeList* CodeLists::Find(std::string_view list) const {
  auto it = index_.find(list);
  return it == index_.end() ? nullptr : &lists_[it->second];
}

std::vector<std::string_view> CodeLists::Names() const {
  std::vector<std::string_view> out;
  for (const CodeList& l : lists_) out.push_back(l.name());
  return out;
}

Status CodeLists::Check(std::string_view list, std::string_view code,
                        std::optional<Date> on) const {
  const CodeList* cl = Find(list);
  if (!cl) return Internal(fmt::format("no code list named {}", list));
  const CodeEntry* e = cl->Find(code);
  const int year = on ? CollectionYearOf(*on) : 0;
  if (!e) {
    return InvalidArgument(fmt::format("value \"{}\" is not a code of list {} (allowed: {})", code,
                                       list, cl->AllowedIn(year)));
  }
  if (on && !e->ValidIn(year)) {
    return InvalidArgument(fmt::format(
        "code \"{}\" of list {} is not valid in collection year {}/{:02} (allowed then: {})", code,
        list, year - 1, year % 100, cl->AllowedIn(year)));
  }
  return Status::Ok();
}

}  // namespace journey::model
