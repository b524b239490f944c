// Ofsted's Annex A template as data: each list's sheet name, its columns in order (exact
// header text, the type of cell, whether it may be blank, header spellings other templates
// use) and the value labels of each category column (data/annex_a_columns.csv,
// data/annex_a_labels.csv). Next year's template is a change to those files, not to code.
// Source: DATA-SPECS.md s4 (liia-tools annex-a-merge.yml and data-map.yml; the SSD's
// Annex A script).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace journey::returns {

enum class AnnexACellType { kText, kDate, kInt, kLabel };

struct AnnexAColumn {
  std::string key;     // what the exporter fills (e.g. "contact_date"), fixed in code
  std::string header;  // exact header text
  AnnexACellType type = AnnexACellType::kText;
  std::string labels;  // for kLabel: the label set (e.g. "gender")
  bool may_be_blank = false;
  std::vector<std::string> aliases;  // other spellings accepted on import
};

struct AnnexAList {
  int number = 0;     // 1 to 11
  std::string sheet;  // "List 1"
  std::vector<AnnexAColumn> columns;
  int Column(std::string_view key) const;  // index, or -1
};

struct AnnexALabelSet {
  std::map<std::string, std::string, std::less<>> to_label;  // record code -> label written
  std::map<std::string, std::string, std::less<>> to_code;   // any accepted label -> code
  std::vector<std::string> written;                          // labels written, in file order
};

class AnnexASpec {
 public:
  static Result<AnnexASpec> FromCsv(std::string_view columns_csv, std::string_view labels_csv);
  static const AnnexASpec& Default();  // the embedded data files

  const std::vector<AnnexAList>& lists() const { return lists_; }
  const AnnexAList* List(int number) const;
  const AnnexALabelSet* Labels(std::string_view set) const;
  // The label written for `code`, or nullopt when the set has none for it.
  std::optional<std::string_view> Label(std::string_view set, std::string_view code) const;
  // The record code for a label as found in a workbook (exact, then ignoring case and
  // spacing), or nullopt.
  std::optional<std::string> Code(std::string_view set, std::string_view label) const;
  // The labels a set allows, for messages ("a) Male, b) Female, ...").
  std::string Allowed(std::string_view set) const;

 private:
  std::vector<AnnexAList> lists_;
  std::map<std::string, AnnexALabelSet, std::less<>> labels_;
};

// A header as compared on import: lower case, curly quotes straightened, runs of spaces
// one space, trimmed. "Date of Referral" and "date of  referral" compare equal.
std::string NormaliseHeader(std::string_view header);

}  // namespace journey::returns
