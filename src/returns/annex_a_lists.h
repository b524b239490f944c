// Internal to the Annex A export: the per-child derivation shared by annex_a_lists.cc
// (Lists 1 to 7) and annex_a_lists_care.cc (Lists 8 to 11).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>

#include "returns/annex_a_export.h"

namespace journey::returns::annex_a {

using model::ChildRecords;
using model::Kind;
using model::Record;

std::optional<Date> DayOf(const Record& r, std::string_view field);  // date or datetime
std::string Str(const Record& r, std::string_view field);
inline std::string YesNo(bool b) { return b ? "Y" : "N"; }

// A row under construction: cells set by column key; labels looked up as they are set.
class RowBuilder {
 public:
  RowBuilder(const AnnexAList& list, const AnnexASpec& spec, std::set<std::string>& unlabelled)
      : list_(list), spec_(spec), unlabelled_(unlabelled), row_(list.columns.size()) {}
  RowBuilder& Text(std::string_view key, std::string value);
  RowBuilder& Day(std::string_view key, std::optional<Date> d);
  RowBuilder& Int(std::string_view key, std::optional<int64_t> n);
  // The label of the record code `code` in the column's label set; an empty code leaves
  // the cell blank, a code with no label leaves it blank and is noted.
  RowBuilder& Label(std::string_view key, std::string_view code);
  AnnexARow Take() { return std::move(row_); }

 private:
  int At(std::string_view key) const;
  const AnnexAList& list_;
  const AnnexASpec& spec_;
  std::set<std::string>& unlabelled_;
  AnnexARow row_;
};

struct Windows {
  Date date;    // the inspection date D
  Date six;     // D less six months: Lists 1 to 9 (SSD AnnexA script, @AA_ReportingPeriod = 6)
  Date twelve;  // D less twelve months: Lists 10 and 11, and the "last 12 months" counts
  explicit Windows(Date d) : date(d), six(d.AddMonths(-6)), twelve(d.AddMonths(-12)) {}
  // In [from, D], both ends included.
  bool Within(std::optional<Date> d, Date from) const { return d && *d >= from && *d <= date; }
  // Open on D: no end yet, or an end after D (the record may know a later end when D is
  // in the past).
  bool OpenOn(std::optional<Date> end) const { return !end || *end > date; }
  // Began by D and was open at some time in [from, D].
  bool Active(std::optional<Date> start, std::optional<Date> end, Date from) const {
    return start && *start <= date && (!end || *end >= from);
  }
};

// A figure a return stated (decision 0006): `field` of `r` when it is set and the window
// counted from `from` reaches back to the record's horizon (the record holds only what the
// return carried before then); otherwise nullopt and the record answers for itself.
std::optional<int64_t> StatedInt(const Record& r, std::string_view field, Date from,
                                 const std::optional<Date>& horizon);
bool StatedFlag(const Record& r, std::string_view field, Date from,
                const std::optional<Date>& horizon);

struct Lists {
  const AnnexASpec& spec;
  const AnnexAContext& ctx;
  Windows w;
  std::vector<AnnexASheet> sheets;  // index = list number - 1
  std::set<std::string> unlabelled;

  Lists(Date date, const AnnexAContext& c, const AnnexASpec& s);
  RowBuilder Row(int list) {
    return RowBuilder(*sheets[static_cast<size_t>(list - 1)].list, spec, unlabelled);
  }
  void Add(int list, RowBuilder& r) {
    sheets[static_cast<size_t>(list - 1)].rows.push_back(r.Take());
  }

  // Common columns 1 to 5 (DATA-SPECS.md s4.2), and "Does the Child have a Disability".
  void Common(RowBuilder& r, const ChildRecords& c) const;
  static bool Disabled(const ChildRecords& c);
  // Allocated Team and Allocated Worker (names): the social worker allocation (or personal
  // adviser, for `role` PA) overlapping [from, to] that began last; else the record's own
  // worker and team.
  void Allocated(RowBuilder& r, const ChildRecords& c, Date from, Date to, const Record* own,
                 std::string_view role = "SW") const;
  const Record* AllocationIn(const ChildRecords& c, Date from, Date to,
                             std::string_view role) const;
  // The team and worker of `src` (an allocation or the list's own record).
  void Named(RowBuilder& r, const Record& src) const;

  void AddChild(const ChildRecords& c);
  void Contacts(const ChildRecords& c);        // List 1
  void EarlyHelp(const ChildRecords& c);       // List 2
  void Referrals(const ChildRecords& c);       // List 3
  void Assessments(const ChildRecords& c);     // List 4
  void Section47(const ChildRecords& c);       // List 5
  void ChildrenInNeed(const ChildRecords& c);  // List 6
  void Protection(const ChildRecords& c);      // List 7
  void InCare(const ChildRecords& c);          // List 8
  void CareLeavers(const ChildRecords& c);     // List 9
  void Adoption(const ChildRecords& c);        // List 10
  void Adopters();                             // List 11
  // The child's latest episode begun by D and whether they are looked after on D (an open
  // episode not under short-break legal status V3/V4, and under 18).
  const Record* LatestEpisode(const ChildRecords& c) const;
  bool LookedAfterOn(const ChildRecords& c) const;
};

}  // namespace journey::returns::annex_a
