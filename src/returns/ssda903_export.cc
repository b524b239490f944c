// SSDA903 export. Inclusion rules carry a code (903-INC-n, Journey's own numbering, listed in
// docs/returns/ssda903.md) and their source. Dates are written dd/mm/yyyy. Collection year
// Y runs from S = 1 April Y-1 to E = 31 March Y (DATA-SPECS.md s12: "2026 means 2025/26").
#include "returns/ssda903_export.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "base/csv.h"

namespace journey::returns {
namespace {

using model::ChildRecords;
using model::Kind;
using model::Record;

std::string Dmy(std::optional<Date> d) { return d ? d->ToDmy() : std::string(); }
std::string Str(const Record& r, std::string_view f) { return r.GetString(f).value_or(""); }
std::string Flag(std::optional<bool> b) { return b ? (*b ? "1" : "0") : ""; }
std::optional<Date> DayOf(const Record& r, std::string_view f) {
  const model::Value& v = r.Get(f);
  if (auto* d = std::get_if<Date>(&v)) return *d;
  if (auto* t = std::get_if<model::DateTime>(&v)) return t->date();
  return std::nullopt;
}
bool Between(std::optional<Date> d, Date a, Date b) { return d && *d >= a && *d <= b; }

// A row under construction: values set by column name.
struct Row {
  const TableSpec* spec;
  std::vector<std::string> v;
  explicit Row(const TableSpec* s) : spec(s), v(s->columns.size()) {}
  Row& Set(std::string_view col, std::string value) {
    int i = spec->Column(col);
    if (i >= 0) v[static_cast<size_t>(i)] = std::move(value);
    return *this;
  }
};

// The column each table is ordered by after CHILD (one row per child where absent).
std::string_view SortColumn(std::string_view table) {
  if (table == "Episodes") return "DECOM";
  if (table == "Reviews") return "REVIEW";
  if (table == "Missing") return "MIS_START";
  if (table == "SWEpisodes") return "SW_DECOM";
  if (table == "PlacedAdoption") return "DATE_PLACED";
  if (table == "DoLo") return "DOLO_START";
  return {};
}

}  // namespace

struct Ssda903Exporter::Impl {
  int year;
  Date start, end;  // S and E
  RecordLookup lookup;
  const Ssda903Spec& spec;
  std::map<std::string, Table903> tables;
  std::vector<std::string> notes;
  bool sex_noted = false;

  Impl(int y, RecordLookup l, const Ssda903Spec& s)
      : year(y),
        start(CollectionYearStart(y)),
        end(CollectionYearEnd(y)),
        lookup(std::move(l)),
        spec(s) {
    for (const TableSpec* t : spec.TablesIn(year)) tables[t->name].spec = t;
  }
  Table903* T(std::string_view name) {
    auto it = tables.find(std::string(name));
    return it == tables.end() ? nullptr : &it->second;
  }
  void Add(Row&& r) { T(r.spec->name)->rows.push_back(std::move(r.v)); }
  template <typename F>
  void Emit(std::string_view table, const std::string& child, F&& fill) {
    Table903* t = T(table);
    if (!t) return;  // not collected this year
    Row r(t->spec);
    r.Set("CHILD", child);
    fill(r);
    Add(std::move(r));
  }

  // 903-INC-1 (SSDA903 guidance: the return covers every child looked after at any time
  // during the year): an episode is in the year when DECOM <= 31 March and DEC is empty or
  // on or after 1 April. An episode ending on 1 April was open that day, so it is included.
  bool EpisodeInYear(const Record& e) const {
    auto s = e.GetDate("start_date");
    auto d = e.GetDate("end_date");
    return s && *s <= end && (!d || *d >= start);
  }

  std::string Sex(const Record& person, const std::string& child) {
    std::string sex = Str(person, "sex");
    if (sex.empty()) return sex;
    auto v = spec.ToReturn("SEX", sex, year);
    if (!v) {
      if (!sex_noted)
        notes.push_back(
            fmt::format("sex \"{}\" has no SSDA903 code in {}/{:02} (allowed: {}); "
                        "SEX left blank, first for child {}",
                        sex, year - 1, year % 100, spec.AllowedIn("SEX", year), child));
      sex_noted = true;
      return {};
    }
    return *v;
  }

  void AddChild(const ChildRecords& c);
  void Header(const ChildRecords& c, const Record& p, const std::string& child);
  void Episodes(const ChildRecords& c, const std::vector<const Record*>& eps,
                const std::string& child);
  void Oc2(const ChildRecords& c, const std::string& child, const std::string& dob);
  bool Oc3(const ChildRecords& c, const Record& p, const std::string& child, bool emit);
  void Adoption(const ChildRecords& c, const std::vector<const Record*>& eps,
                const std::string& child, const std::string& dob);
};

void Ssda903Exporter::Impl::AddChild(const ChildRecords& c) {
  if (c.of(Kind::kPerson).empty()) return;
  const Record& p = c.of(Kind::kPerson).front();
  const std::string child = Str(p, "la_child_id");
  const std::string dob = Dmy(p.GetDate("birth_date"));
  std::vector<const Record*> eps;
  for (const Record& e : c.of(Kind::kClaEpisode))
    if (EpisodeInYear(e)) eps.push_back(&e);
  // 903-INC-2 (SSDA903 guidance, OC3): care leavers with their 17th to 21st birthday in
  // the year are in the return (Header and OC3) even when not looked after in it.
  const bool oc3 = Oc3(c, p, child, /*emit=*/false);
  if (eps.empty() && !oc3) return;
  Header(c, p, child);
  if (oc3) Oc3(c, p, child, true);
  if (eps.empty()) return;
  Episodes(c, eps, child);

  // 903-INC-3: reviews held in the year (REVIEW between 1 April and 31 March).
  for (const Record& r : c.of(Kind::kClaReview)) {
    if (!Between(r.GetDate("review_date"), start, end)) continue;
    Emit("Reviews", child, [&](Row& row) {
      row.Set("DOB", dob).Set("REVIEW", Dmy(r.GetDate("review_date")));
      row.Set("REVIEW_CODE", Str(r, "participation"));
    });
  }
  // 903-INC-4: UASC for a child whose unaccompanied asylum-seeking status was held at any
  // time in the year; DUC is the date it ceased (immigration_status end_date).
  for (const Record& s : c.of(Kind::kImmigrationStatus)) {
    if (Str(s, "status") != "UASC") continue;
    auto from = s.GetDate("start_date");
    auto to = s.GetDate("end_date");
    if (!from || *from > end || (to && *to < start)) continue;
    Emit("UASC", child,
         [&](Row& row) { row.Set("SEX", Sex(p, child)).Set("DOB", dob).Set("DUC", Dmy(to)); });
    break;  // one row per child
  }
  Oc2(c, child, dob);
  Adoption(c, eps, child, dob);

  // 903-INC-5 (SSDA903 guidance, PrevPerm): children who started a period of care in the
  // year (an episode with RNE S and DECOM in the year); the latest record of permanence
  // before care.
  bool started = false;
  for (const Record* e : eps)
    started |= Str(*e, "rne") == "S" && Between(e->GetDate("start_date"), start, end);
  if (started) {
    const Record* latest = nullptr;
    for (const Record& r : c.of(Kind::kPreviousPermanence)) {
      if (!latest || r.GetDate("recorded_date") > latest->GetDate("recorded_date") ||
          (r.GetDate("recorded_date") == latest->GetDate("recorded_date") && r.id > latest->id))
        latest = &r;
    }
    if (latest) {
      Emit("PrevPerm", child, [&](Row& row) {
        row.Set("DOB", dob).Set("PREV_PERM", Str(*latest, "prev_perm"));
        row.Set("LA_PERM", Str(*latest, "la_perm")).Set("DATE_PERM", Str(*latest, "date_perm"));
      });
    }
  }
  // 903-INC-6 (SSDA903 guidance, Missing): each time missing or away from placement that
  // began in the year.
  for (const Record& m : c.of(Kind::kMissingEpisode)) {
    if (!Between(DayOf(m, "start_at"), start, end)) continue;
    Emit("Missing", child, [&](Row& row) {
      row.Set("DOB", dob).Set("MISSING", Str(m, "missing_type"));
      row.Set("MIS_START", Dmy(DayOf(m, "start_at"))).Set("MIS_END", Dmy(DayOf(m, "end_at")));
    });
  }
  // 903-INC-12 (SSDA903 DoLo table, from 2026/27): each deprivation of liberty order in
  // force at any time in the year; DOLO_END blank while it continues past 31 March.
  for (const Record& d : c.of(Kind::kDeprivationOfLiberty)) {
    auto from = d.GetDate("start_date");
    auto to = d.GetDate("end_date");
    if (!from || *from > end || (to && *to < start)) continue;
    Emit("DoLo", child, [&](Row& row) {
      row.Set("DOB", dob).Set("DOLO_START", Dmy(from));
      row.Set("DOLO_END", to && *to <= end ? Dmy(to) : std::string());
    });
  }
  // 903-INC-7 (SSDA903 SocialWorker table, from 2023/24): each allocation of a social
  // worker open at any time in the year; SW_DEC blank while it continues past 31 March.
  for (const Record& a : c.of(Kind::kAllocation)) {
    if (Str(a, "role") != "SW") continue;
    auto from = a.GetDate("start_date");
    auto to = a.GetDate("end_date");
    if (!from || *from > end || (to && *to < start)) continue;
    std::string sw_id;
    if (auto w = a.GetInt("worker_id"); w && lookup) {
      if (auto worker = lookup(Kind::kWorker, *w)) sw_id = Str(*worker, "swe_number");
    }
    Emit("SWEpisodes", child, [&](Row& row) {
      row.Set("DOB", dob).Set("SW_ID", sw_id).Set("SW_DECOM", Dmy(from));
      row.Set("SW_DEC", to && *to <= end ? Dmy(to) : "").Set("SW_REASON", Str(a, "change_reason"));
    });
  }
}

void Ssda903Exporter::Impl::Header(const ChildRecords& c, const Record& p,
                                   const std::string& child) {
  // MOTHER and MC_DOB (SSDA903 guidance): for girls, 1 when the child is a mother (a
  // relationship CHILD on her record), else 0; blank for others. MC_DOB is the birth date
  // of her first child: the relationship's start, else that person's birth date.
  const bool female = Str(p, "sex") == "F";
  std::optional<Date> mc_dob;
  bool mother = false;
  for (const Record& r : c.of(Kind::kRelationship)) {
    if (Str(r, "relationship") != "CHILD") continue;
    std::optional<Date> born = r.GetDate("start_date");
    if (!born && lookup) {
      if (auto id = r.GetInt("related_person_id"))
        if (auto baby = lookup(Kind::kPerson, *id)) born = baby->GetDate("birth_date");
    }
    if (born && *born > end) continue;  // not yet a mother at the end of the year
    mother = true;
    if (born && (!mc_dob || *born < *mc_dob)) mc_dob = born;
  }
  std::string upn = Str(p, "upn");
  if (upn.empty()) upn = Str(p, "upn_unknown");
  Emit("Header", child, [&](Row& row) {
    row.Set("SEX", Sex(p, child)).Set("DOB", Dmy(p.GetDate("birth_date")));
    row.Set("ETHNIC", Str(p, "ethnicity")).Set("UPN", upn);
    row.Set("MOTHER", female ? (mother ? "1" : "0") : "");
    row.Set("MC_DOB", female && mother ? Dmy(mc_dob) : "");
  });
}

void Ssda903Exporter::Impl::Episodes(const ChildRecords& c, const std::vector<const Record*>& eps,
                                     const std::string& child) {
  for (const Record* e : eps) {
    const Record* pl = nullptr;
    if (auto id = e->GetInt("placement_id")) pl = c.Find(Kind::kPlacement, *id);
    auto dec = e->GetDate("end_date");
    // 903-INC-8 (SSDA903 guidance): an episode still open at 31 March has DEC, REC and
    // REASON_PLACE_CHANGE blank, even when the record already knows a later end.
    const bool open = !dec || *dec > end;
    Emit("Episodes", child, [&](Row& row) {
      row.Set("DECOM", Dmy(e->GetDate("start_date"))).Set("RNE", Str(*e, "rne"));
      row.Set("LS", Str(*e, "legal_status")).Set("CIN", Str(*e, "cin"));
      if (pl) {
        row.Set("PLACE", Str(*pl, "placement_type")).Set("PLACE_PROVIDER", Str(*pl, "provider"));
        row.Set("PL_POST", Str(*pl, "postcode")).Set("URN", Str(*pl, "urn"));
      }
      if (!open) {
        row.Set("DEC", Dmy(dec)).Set("REC", Str(*e, "rec"));
        row.Set("REASON_PLACE_CHANGE", Str(*e, "reason_place_change"));
      }
      row.Set("HOME_POST", Str(*e, "home_postcode"));
    });
  }
}

void Ssda903Exporter::Impl::Oc2(const ChildRecords& c, const std::string& child,
                                const std::string& dob) {
  // 903-INC-9 (SSDA903 guidance OC2; lac_validator CONTINUOUSLY_LOOKED_AFTER): children
  // looked after continuously for at least 12 months at 31 March: episodes in the year,
  // none starting a period (RNE S) in it, none ending other than by X1 in it, and none
  // under short-break legal status V3 or V4.
  bool any = false;
  for (const Record& e : c.of(Kind::kClaEpisode)) {
    if (!EpisodeInYear(e)) continue;
    any = true;
    const std::string ls = Str(e, "legal_status");
    if (ls == "V3" || ls == "V4") return;
    // As the DfE defines it: a period starting on 1 April itself, or care ending on 31
    // March itself, still leaves 12 months of care at 31 March (903 rule 191).
    auto decom = e.GetDate("start_date");
    if (Str(e, "rne") == "S" && decom && *decom > start && *decom <= end) return;
    auto dec = e.GetDate("end_date");
    if (dec && *dec >= start && *dec < end && Str(e, "rec") != "X1") return;
  }
  if (!any) return;
  // The outcomes, each over the year (1 April to 31 March):
  // SDQ: the latest questionnaire in the year, its score or the reason there is none.
  const Record* sdq = nullptr;
  for (const Record& s : c.of(Kind::kSdq))
    if (Between(s.GetDate("sdq_date"), start, end) &&
        (!sdq || s.GetDate("sdq_date") >= sdq->GetDate("sdq_date")))
      sdq = &s;
  // CONVICTED: an offence in the year.
  bool convicted = false;
  for (const Record& r : c.of(Kind::kConviction))
    convicted |= Between(r.GetDate("offence_date"), start, end);
  // HEALTH_CHECK, TEETH_CHECK, HEALTH_ASSESSMENT: a completed health assessment (initial or
  // review), dental check, development assessment in the year.
  bool health = false, teeth = false, development = false;
  for (const Record& h : c.of(Kind::kHealthAssessment)) {
    if (!Between(h.GetDate("assessment_date"), start, end)) continue;
    if (Str(h, "status") != "COMPLETED") continue;
    const std::string t = Str(h, "assessment_type");
    health |= t == "INITIAL" || t == "REVIEW";
    teeth |= t == "DENTAL";
    development |= t == "DEVELOPMENT";
  }
  // IMMUNISATIONS: up to date on the latest record on or before 31 March.
  const Record* imm = nullptr;
  for (const Record& i : c.of(Kind::kImmunisation)) {
    auto d = i.GetDate("recorded_date");
    if (d && *d <= end && (!imm || *d >= *imm->GetDate("recorded_date"))) imm = &i;
  }
  // SUBSTANCE_MISUSE: identified in the year; the interventions only then.
  bool misuse = false;
  std::optional<bool> received, offered;
  for (const Record& s : c.of(Kind::kSubstanceMisuse)) {
    if (!Between(s.GetDate("identified_date"), start, end)) continue;
    misuse = true;
    if (auto b = s.GetBool("intervention_received")) received = received.value_or(false) || *b;
    if (auto b = s.GetBool("intervention_offered")) offered = offered.value_or(false) || *b;
  }
  Emit("OC2", child, [&](Row& row) {
    row.Set("DOB", dob);
    if (sdq) {
      if (auto s = sdq->GetInt("score")) row.Set("SDQ_SCORE", std::to_string(*s));
      row.Set("SDQ_REASON", Str(*sdq, "reason"));
    }
    row.Set("CONVICTED", convicted ? "1" : "0").Set("HEALTH_CHECK", health ? "1" : "0");
    row.Set("IMMUNISATIONS", imm && imm->GetBool("up_to_date").value_or(false) ? "1" : "0");
    row.Set("TEETH_CHECK", teeth ? "1" : "0").Set("HEALTH_ASSESSMENT", development ? "1" : "0");
    row.Set("SUBSTANCE_MISUSE", misuse ? "1" : "0");
    // An intervention received was offered: INTERVENTION_OFFERED is then blank (rule 158).
    if (received.value_or(false)) offered.reset();
    if (misuse)
      row.Set("INTERVENTION_RECEIVED", Flag(received)).Set("INTERVENTION_OFFERED", Flag(offered));
  });
}

bool Ssda903Exporter::Impl::Oc3(const ChildRecords& c, const Record& p, const std::string& child,
                                bool emit) {
  // 903-INC-2 (continued): the circumstances recorded nearest the birthday, from three
  // months before it to one month after (SSDA903 guidance for OC3); a care leaver with
  // nothing recorded in that window is not exported (a validation rule will name them).
  auto dob = p.GetDate("birth_date");
  if (!dob || c.of(Kind::kCareLeaverStatus).empty()) return false;
  for (int age = 17; age <= 21; ++age) {
    const Date birthday = dob->AddYears(age);
    if (birthday < start || birthday > end) continue;
    const Record* best = nullptr;
    for (const Record& s : c.of(Kind::kCareLeaverStatus)) {
      auto d = s.GetDate("status_date");
      if (!d || *d < birthday.AddMonths(-3) || *d > birthday.AddMonths(1)) continue;
      if (!best || *d >= *best->GetDate("status_date")) best = &s;
    }
    if (!best) return false;
    if (emit) {
      const std::string in_touch = Str(*best, "in_touch");
      std::string activ = Str(*best, "activity"), accom = Str(*best, "accommodation");
      if (!accom.empty())
        accom += best->GetBool("accommodation_suitable").value_or(true) ? "1" : "2";
      // 903-INC-13: with IN_TOUCH given, an activity or accommodation the council does not
      // know (not in touch, refused, died, not required) is the DfE's 0, never blank: the
      // three are all given or all blank (903 rule 153).
      if (!in_touch.empty()) {
        if (activ.empty()) activ = "0";
        if (accom.empty()) accom = "0";
      }
      Emit("OC3", child, [&](Row& row) {
        row.Set("DOB", Dmy(dob)).Set("IN_TOUCH", in_touch);
        row.Set("ACTIV", activ).Set("ACCOM", accom);
      });
    }
    return true;
  }
  return false;
}

void Ssda903Exporter::Impl::Adoption(const ChildRecords& c, const std::vector<const Record*>& eps,
                                     const std::string& child, const std::string& dob) {
  // 903-INC-10 (SSDA903 guidance, AD1): children adopted in the year: an episode ending in
  // the year with REC E11 or E12; the adoption whose order is that day (else the latest
  // decided by then) gives DATE_INT, DATE_MATCH and the adopters.
  for (const Record* e : eps) {
    const std::string rec = Str(*e, "rec");
    auto dec = e->GetDate("end_date");
    if ((rec != "E11" && rec != "E12") || !Between(dec, start, end)) continue;
    const Record* a = nullptr;
    for (const Record& r : c.of(Kind::kAdoption)) {
      if (r.GetDate("order_date") == dec) {
        a = &r;
        break;
      }
      if (r.GetDate("decision_date") <= dec &&
          (!a || r.GetDate("decision_date") > a->GetDate("decision_date")))
        a = &r;
    }
    std::optional<Record> household;
    if (a && lookup)
      if (auto h = a->GetInt("household_id")) household = lookup(Kind::kAdopterHousehold, *h);
    Emit("AD1", child, [&](Row& row) {
      row.Set("DOB", dob);
      if (a) {
        row.Set("DATE_INT", Dmy(a->GetDate("decision_date")));
        row.Set("DATE_MATCH", Dmy(a->GetDate("match_date")));
        row.Set("FOSTER_CARE", Flag(a->GetBool("foster_carer")));
      }
      if (household) {
        if (auto n = household->GetInt("number_adopters")) row.Set("NB_ADOPTR", std::to_string(*n));
        row.Set("SEX_ADOPTR", Str(*household, "sex_adoptr"));
        row.Set("LS_ADOPTR", Str(*household, "ls_adoptr"));
      }
    });
  }
  // 903-INC-11 (SSDA903 guidance, PlacedAdoption): each decision that the child should be
  // placed for adoption made by 31 March, unless reversed or completed by an adoption
  // order before 1 April; DATE_PLACED_CEASED only when reversed within the year.
  for (const Record& a : c.of(Kind::kAdoption)) {
    auto decided = a.GetDate("decision_date");
    auto reversed = a.GetDate("reversed_date");
    auto order = a.GetDate("order_date");
    if (!decided || *decided > end || (reversed && *reversed < start) || (order && *order < start))
      continue;
    const bool ceased = reversed && *reversed <= end;
    Emit("PlacedAdoption", child, [&](Row& row) {
      row.Set("DOB", dob).Set("DATE_PLACED", Dmy(decided));
      if (ceased)
        row.Set("DATE_PLACED_CEASED", Dmy(reversed))
            .Set("REASON_PLACED_CEASED", Str(a, "reversed_reason"));
    });
  }
}

Ssda903Exporter::Ssda903Exporter(int year, RecordLookup lookup, const Ssda903Spec& spec)
    : impl_(std::make_shared<Impl>(year, std::move(lookup), spec)) {}

void Ssda903Exporter::AddChild(const ChildRecords& child) { impl_->AddChild(child); }

Return903 Ssda903Exporter::Finish() {
  Return903 out;
  out.year = impl_->year;
  out.notes = impl_->notes;
  for (const TableSpec* ts : impl_->spec.TablesIn(impl_->year)) {
    Table903 t = std::move(impl_->tables[ts->name]);
    const int sort_col = ts->Column(SortColumn(ts->name));
    auto key = [&](const std::vector<std::string>& r) {
      Date d;
      if (sort_col >= 0)
        if (auto p = Date::ParseDmy(r[static_cast<size_t>(sort_col)])) d = *p;
      return std::pair<const std::string&, Date>(r[0], d);
    };
    std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& a, const auto& b) {
      auto ka = key(a), kb = key(b);
      if (ka != kb) return ka < kb;
      return a < b;
    });
    out.tables.push_back(std::move(t));
  }
  return out;
}

const Table903* Return903::Find(std::string_view name) const {
  for (const Table903& t : tables)
    if (t.spec->name == name) return &t;
  return nullptr;
}

std::string TableCsv(const Table903& table) {
  std::string out = CsvLine(table.spec->columns);
  for (const auto& r : table.rows) out += CsvLine(r);
  return out;
}

Status WriteReturn(const Return903& ret, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return InvalidArgument(fmt::format("cannot create directory {}: {}", dir, ec.message()));
  for (const Table903& t : ret.tables) {
    const std::string path = (std::filesystem::path(dir) / (t.spec->name + ".csv")).string();
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    const std::string text = TableCsv(t);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f) return Internal(fmt::format("could not write {}", path));
  }
  return Status::Ok();
}

}  // namespace journey::returns
