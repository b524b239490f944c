#include "returns/annex_a_spec.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "base/csv.h"
#include "base/embedded.h"

namespace journey::returns {
namespace {

constexpr std::string_view kColumnsFile = "data/annex_a_columns.csv";
constexpr std::string_view kLabelsFile = "data/annex_a_labels.csv";

Result<CsvTable> Need(std::string_view text, std::string_view file,
                      const std::vector<std::string>& header) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file));
  if (t.header != header)
    return Err(InvalidArgument(fmt::format("{}: header must be {}", file, fmt::join(header, ","))));
  return t;
}

Result<AnnexACellType> TypeOf(std::string_view t, int line) {
  if (t == "text") return AnnexACellType::kText;
  if (t == "date") return AnnexACellType::kDate;
  if (t == "int") return AnnexACellType::kInt;
  if (t == "label") return AnnexACellType::kLabel;
  return Err(InvalidArgument(fmt::format("{} line {}: type \"{}\" must be text, date, int or label",
                                         kColumnsFile, line, t)));
}

}  // namespace

std::string NormaliseHeader(std::string_view h) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < h.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(h[i]);
    // U+2018 and U+2019 (curly single quotes) are E2 80 98 / E2 80 99 in UTF-8.
    if (c == 0xE2 && i + 2 < h.size() && static_cast<unsigned char>(h[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(h[i + 2]) == 0x98 ||
         static_cast<unsigned char>(h[i + 2]) == 0x99)) {
      c = '\'';
      i += 2;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

int AnnexAList::Column(std::string_view key) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].key == key) return static_cast<int>(i);
  return -1;
}

Result<AnnexASpec> AnnexASpec::FromCsv(std::string_view columns_csv, std::string_view labels_csv) {
  AnnexASpec spec;
  JOURNEY_ASSIGN_OR_RETURN(CsvTable lt, Need(labels_csv, kLabelsFile, {"labels", "code", "label"}));
  for (const CsvRow& r : lt.rows) {
    AnnexALabelSet& set = spec.labels_[r.fields[0]];
    // The first label given for a code is the one written; later ones (other templates'
    // spellings) are accepted when reading.
    if (set.to_label.emplace(r.fields[1], r.fields[2]).second) set.written.push_back(r.fields[2]);
    set.to_code.emplace(r.fields[2], r.fields[1]);
    set.to_code.emplace(NormaliseHeader(r.fields[2]), r.fields[1]);
  }
  JOURNEY_ASSIGN_OR_RETURN(CsvTable ct,
                           Need(columns_csv, kColumnsFile,
                                {"sheet", "key", "header", "type", "labels", "blank", "aliases"}));
  for (const CsvRow& r : ct.rows) {
    const std::string& sheet = r.fields[0];
    if (spec.lists_.empty() || spec.lists_.back().sheet != sheet) {
      AnnexAList l;
      l.sheet = sheet;
      l.number = static_cast<int>(spec.lists_.size()) + 1;
      if (sheet != fmt::format("List {}", l.number))
        return Err(InvalidArgument(fmt::format("{} line {}: sheet \"{}\" must be \"List {}\"",
                                               kColumnsFile, r.line, sheet, l.number)));
      spec.lists_.push_back(std::move(l));
    }
    AnnexAColumn c;
    c.key = r.fields[1];
    c.header = r.fields[2];
    JOURNEY_ASSIGN_OR_RETURN(c.type, TypeOf(r.fields[3], r.line));
    c.labels = r.fields[4];
    if (c.type == AnnexACellType::kLabel && !spec.labels_.count(c.labels))
      return Err(InvalidArgument(fmt::format("{} line {}: no label set \"{}\" in {}", kColumnsFile,
                                             r.line, c.labels, kLabelsFile)));
    if (r.fields[5] != "yes" && r.fields[5] != "no")
      return Err(InvalidArgument(fmt::format("{} line {}: blank must be yes or no, not \"{}\"",
                                             kColumnsFile, r.line, r.fields[5])));
    c.may_be_blank = r.fields[5] == "yes";
    std::string_view al = r.fields[6];
    while (!al.empty()) {
      size_t bar = al.find('|');
      if (al.substr(0, bar).size()) c.aliases.emplace_back(al.substr(0, bar));
      al = bar == std::string_view::npos ? std::string_view() : al.substr(bar + 1);
    }
    spec.lists_.back().columns.push_back(std::move(c));
  }
  return spec;
}

const AnnexASpec& AnnexASpec::Default() {
  static const AnnexASpec spec = [] {
    auto cols = embedded::Find(kColumnsFile);
    auto labels = embedded::Find(kLabelsFile);
    if (!cols || !labels) {
      std::fprintf(stderr, "Annex A data files are not embedded\n");
      std::abort();
    }
    auto s = FromCsv(*cols, *labels);
    if (!s) {
      std::fprintf(stderr, "%s\n", s.error().ToString().c_str());
      std::abort();
    }
    return std::move(*s);
  }();
  return spec;
}

const AnnexAList* AnnexASpec::List(int number) const {
  for (const AnnexAList& l : lists_)
    if (l.number == number) return &l;
  return nullptr;
}

const AnnexALabelSet* AnnexASpec::Labels(std::string_view set) const {
  auto it = labels_.find(set);
  return it == labels_.end() ? nullptr : &it->second;
}

std::optional<std::string_view> AnnexASpec::Label(std::string_view set,
                                                  std::string_view code) const {
  const AnnexALabelSet* s = Labels(set);
  if (!s) return std::nullopt;
  auto it = s->to_label.find(code);
  if (it == s->to_label.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string> AnnexASpec::Code(std::string_view set, std::string_view label) const {
  const AnnexALabelSet* s = Labels(set);
  if (!s) return std::nullopt;
  auto it = s->to_code.find(label);
  if (it == s->to_code.end()) it = s->to_code.find(NormaliseHeader(label));
  if (it == s->to_code.end()) return std::nullopt;
  return it->second;
}

std::string AnnexASpec::Allowed(std::string_view set) const {
  const AnnexALabelSet* s = Labels(set);
  return s ? fmt::format("{}", fmt::join(s->written, ", ")) : std::string();
}

}  // namespace journey::returns
