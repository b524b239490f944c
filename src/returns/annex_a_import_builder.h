// Internal to the Annex A import: a row read by column key, and the builder that turns the
// lists' rows into a plan (annex_a_import.cc: children, names, allocations;
// annex_a_import_lists.cc: each list's records).
#pragma once

#include <fmt/format.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "returns/annex_a_import.h"

namespace journey::returns::annex_a_import {

using model::ChildRecords;
using model::Kind;
using model::Record;
using model::Value;

// One row of a list, read by column key.
struct Row {
  const AnnexASpec& spec;
  const AnnexAList& list;
  const AnnexARow& cells;
  std::string where;  // `file, sheet "List 3" row 5`

  const AnnexACell* At(std::string_view key) const {
    const int i = list.Column(key);
    return i < 0 ? nullptr : &cells[static_cast<size_t>(i)];
  }
  std::optional<Date> Day(std::string_view key) const {
    const AnnexACell* c = At(key);
    if (const Date* d = c ? std::get_if<Date>(c) : nullptr) return *d;
    return std::nullopt;
  }
  std::optional<int64_t> Int(std::string_view key) const {
    const AnnexACell* c = At(key);
    if (const int64_t* n = c ? std::get_if<int64_t>(c) : nullptr) return *n;
    return std::nullopt;
  }
  std::string Text(std::string_view key) const {
    const AnnexACell* c = At(key);
    const std::string* s = c ? std::get_if<std::string>(c) : nullptr;
    return s ? *s : std::string();
  }
  // The record code of a label cell (the reader has checked the label), or "".
  std::string Code(std::string_view key) const {
    const int i = list.Column(key);
    if (i < 0) return {};
    const std::string label = Text(key);
    if (label.empty()) return {};
    return spec.Code(list.columns[static_cast<size_t>(i)].labels, label).value_or("");
  }
  std::optional<bool> Flag(std::string_view key) const {
    const std::string c = Code(key);
    if (c == "Y") return true;
    if (c == "N") return false;
    return std::nullopt;
  }
  std::string Header(std::string_view key) const {
    const int i = list.Column(key);
    return i < 0 ? std::string(key) : list.columns[static_cast<size_t>(i)].header;
  }
};

inline Value Opt(std::optional<Date> d) { return d ? Value{*d} : Value{}; }
inline Value Opt(std::optional<bool> b) { return b ? Value{*b} : Value{}; }
inline Value Opt(std::optional<int64_t> n) { return n ? Value{*n} : Value{}; }
inline Value Opt(const std::string& s) { return s.empty() ? Value{} : Value{s}; }

class Builder {
 public:
  Builder(Date date, std::string file, const StoreView& view, const AnnexAOrganisation& org,
          const AnnexASpec& spec, ImportPlan& plan, std::vector<std::string>& notes)
      : d_(date),
        six_(date.AddMonths(-6)),
        file_(std::move(file)),
        view_(view),
        spec_(spec),
        plan_(plan),
        notes_(notes) {
    for (const Record& t : org.teams)
      if (auto n = t.GetString("name")) teams_.emplace(*n, t.id);
    for (const Record& w : org.workers)
      if (auto n = w.GetString("name")) workers_.emplace(*n, &w);
    for (const Record& h : org.households)
      if (auto f = h.GetString("family_ref")) {
        households_.emplace(*f, h.id);
        on_record_.emplace(*f, &h);
      }
  }

  void Sheet(const AnnexASheet& s);
  void Finish() {
    for (auto& [id, ic] : children_) plan_.children.push_back(std::move(ic));
    // A household on record is written again only when the lists changed it.
    for (auto& [fam, h] : changed_)
      if (h.values != on_record_.at(fam)->values) plan_.organisation.push_back(std::move(h));
  }

 private:
  void Bad(const Row& r, std::string_view key, std::string value, std::string message) {
    plan_.problems.push_back(Problem{r.where, 0,
                                     key.empty() ? "" : fmt::format("\"{}\"", r.Header(key)),
                                     std::move(value), std::move(message)});
  }
  Record New(Kind kind, int64_t child) {
    Record r(kind);
    r.id = next_id_--;
    r.child_id = child;
    return r;
  }
  // The child's record of `kind` whose `field` falls on day `d` (and that `keep` accepts);
  // added when there is none (decision 0006: a row repeating an event updates it).
  template <typename F>
  Record& Match(ImportChild& ic, Kind kind, std::string_view field, Date d, F keep) {
    for (Record& r : ic.want.of(kind)) {
      const Value& v = r.Get(field);
      std::optional<Date> day;
      if (auto* x = std::get_if<Date>(&v)) day = *x;
      if (auto* x = std::get_if<model::DateTime>(&v)) day = x->date();
      if (day == d && keep(r)) return r;
    }
    Record r = New(kind, ic.want.child_id);
    if (model::Def(kind).fields[static_cast<size_t>(model::FieldOf(kind, field))].type ==
        model::FieldType::kDateTime)
      r.Set(field, model::DateTime::FromDateAndMinutes(d, 0));
    else
      r.Set(field, d);
    ic.want.of(kind).push_back(std::move(r));
    return ic.want.of(kind).back();
  }
  Record& Match(ImportChild& ic, Kind kind, std::string_view field, Date d) {
    return Match(ic, kind, field, d, [](const Record&) { return true; });
  }

  ImportChild* Child(const Row& r, bool has_disability_column);
  // Allocated Team and Allocated Worker: the ids of the names on record, or problems.
  std::pair<std::optional<int64_t>, const Record*> Allocated(const Row& r);
  void Allocate(const Row& r, ImportChild& ic, Date on, bool open, std::string role);

  void Contact(const Row& r, ImportChild& ic);
  void EarlyHelp(const Row& r, ImportChild& ic);
  void Referral(const Row& r, ImportChild& ic);
  void Assessment(const Row& r, ImportChild& ic);
  void Section47(const Row& r, ImportChild& ic);
  void InNeed(const Row& r, ImportChild& ic);
  void Protection(const Row& r, ImportChild& ic);
  void InCare(const Row& r, ImportChild& ic);
  void CareLeaver(const Row& r, ImportChild& ic);
  void Adoption(const Row& r, ImportChild& ic);
  void Adopter(const Row& r);
  Record& Period(ImportChild& ic, Date start);

  Date d_, six_;
  std::string file_;
  const StoreView& view_;
  const AnnexASpec& spec_;
  ImportPlan& plan_;
  std::vector<std::string>& notes_;
  int64_t next_id_ = -1;
  std::map<std::string, ImportChild> children_;  // by Child Unique ID
  std::multimap<std::string, int64_t> teams_;
  std::multimap<std::string, const Record*> workers_;
  std::map<std::string, int64_t> households_;  // family_ref -> id (on record or new)
  std::map<std::string, std::vector<std::string>> adopter_genders_;
  std::map<std::string, std::string> seen_;
  std::map<std::string, const Record*> on_record_;  // households on record, by family_ref
  std::map<std::string, Record>
      changed_;  // those the lists describe  // child -> the first row that gave their details
};

}  // namespace journey::returns::annex_a_import
