// Code lists: the DfE's and Ofsted's codes, and Journey's own, as data with validity
// periods. A code can start or stop in a given collection year (e.g. activity F3/P3
// stopped when F4/F5/P4/P5 began), so whether a code is allowed depends on the date of
// the record it is on. Source: data/code_lists.csv (list,code,label,from_year,to_year;
// years are DfE collection years, blank = open).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace journey::model {

struct CodeEntry {
  std::string code;
  std::string label;
  int from_year = 0;  // first collection year it is valid in; 0 = always
  int to_year = 0;    // last collection year it is valid in; 0 = still valid
  bool ValidIn(int collection_year) const {
    return (from_year == 0 || collection_year >= from_year) &&
           (to_year == 0 || collection_year <= to_year);
  }
};

class CodeList {
 public:
  std::string_view name() const { return name_; }
  const std::vector<CodeEntry>& entries() const { return entries_; }
  const CodeEntry* Find(std::string_view code) const;
  // The codes valid in a collection year, joined for messages: "NEG, PHY, SAB, EMO, MUL".
  std::string AllowedIn(int collection_year) const;

 private:
  friend class CodeLists;
  std::string name_;
  std::vector<CodeEntry> entries_;
};

class CodeLists {
 public:
  static Result<CodeLists> FromCsv(std::string_view csv_text, std::string_view file_name);
  // The embedded data/code_lists.csv.
  static const CodeLists& Default();

  const CodeList* Find(std::string_view list) const;
  std::vector<std::string_view> Names() const;

  // OK when `code` is in `list` and valid on `on` (any year when `on` is empty).
  // Otherwise a message naming the value, the list and what is allowed.
  Status Check(std::string_view list, std::string_view code, std::optional<Date> on) const;

 private:
  std::vector<CodeList> lists_;
  // Looked up by string_view without building a string (heterogeneous lookup).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> index_;
};

}  // namespace journey::model
