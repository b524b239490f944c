// CIN census export. Inclusion rules carry a code (CIN-INC-n, Journey's numbering, listed
// in docs/returns/cin.md) and their source. Collection year Y runs from S = 1 April Y-1 to
// E = 31 March Y, the census's ReferenceDate (DATA-SPECS.md §6: a child is included when
// any CIN episode is open in the year).
#include "returns/cin_export.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "model/statutory.h"

namespace journey::returns {
namespace {

using model::ChildRecords;
using model::Kind;
using model::Record;

std::string Iso(std::optional<Date> d) { return d ? d->ToIso() : std::string(); }
std::string Str(const Record& r, std::string_view f) { return r.GetString(f).value_or(""); }
std::string Bool01(std::optional<bool> b) { return b.value_or(false) ? "true" : "false"; }
Leaf L(std::string v) { return Leaf{std::move(v), 0}; }
std::optional<Date> Day(const Record& r, std::string_view f) { return r.GetDate(f); }

// Sorted by a date field, then id, so that the same record gives the same bytes.
std::vector<const Record*> Sorted(std::vector<const Record*> v, std::string_view field) {
  std::sort(v.begin(), v.end(), [&](const Record* a, const Record* b) {
    auto da = a->GetDate(field), db = b->GetDate(field);
    if (da != db) return da < db;
    return a->id < b->id;
  });
  return v;
}

}  // namespace

const std::vector<Kind>& CinKinds() {
  static const std::vector<Kind> k = {Kind::kPersonIdentifier, Kind::kDisability,
                                      Kind::kReferral,         Kind::kAssessment,
                                      Kind::kAssessmentFactor, Kind::kCinPlan,
                                      Kind::kSection47Enquiry, Kind::kCpConference,
                                      Kind::kCpPlan,           Kind::kStrategyDiscussion};
  return k;
}

CinExporter::CinExporter(int year, std::string la_code)
    : year_(year), la_code_(std::move(la_code)) {}

void CinExporter::AddChild(const ChildRecords& c) {
  if (c.of(Kind::kPerson).empty()) return;
  const Date start = CollectionYearStart(year_), end = CollectionYearEnd(year_);
  // An item is in the year when it began by E and had not ended before S; a date after E
  // is not yet known at the reference date and is left out (as the 903 does for DEC).
  auto open_in_year = [&](std::optional<Date> s, std::optional<Date> e) {
    return s && *s <= end && (!e || *e >= start);
  };
  auto by_e = [&](std::optional<Date> d) { return d && *d <= end ? Iso(d) : std::string(); };

  // CIN-INC-1 (DfE CIN census guide: every child in need at any time in the year, including
  // referrals that led to no further action): a referral is an episode in the year when
  // CINreferralDate <= E and CINclosureDate is empty or >= S.
  std::vector<const Record*> referrals;
  for (const Record& r : c.of(Kind::kReferral))
    if (open_in_year(Day(r, "referral_date"), Day(r, "closure_date"))) referrals.push_back(&r);
  if (referrals.empty()) return;
  referrals = Sorted(std::move(referrals), "referral_date");

  const Record& p = c.of(Kind::kPerson).front();
  CinChild ch;
  ch.la_child_id = L(Str(p, "la_child_id"));
  ch.upn = L(Str(p, "upn"));
  for (const Record& id : c.of(Kind::kPersonIdentifier))
    if (Str(id, "identifier_type") == "FORMER_UPN" && ch.former_upn.empty())
      ch.former_upn = L(Str(id, "value"));
  if (ch.upn.empty()) ch.upn_unknown = L(Str(p, "upn_unknown"));
  // CIN-INC-2: a child born by E has PersonBirthDate; one not yet born (or born after E)
  // has ExpectedPersonBirthDate instead.
  auto born = Day(p, "birth_date");
  if (born && *born <= end)
    ch.birth = L(Iso(born));
  else if (auto due = Day(p, "expected_birth_date"))
    ch.expected_birth = L(Iso(due));
  else if (born)
    ch.expected_birth = L(Iso(born));
  // Sex: M, F, U from 2024/25 (element Sex); before, GenderCurrent 1, 2 or 0 (not known).
  // An unborn child's is U (0) whatever the record expects (rule 8750).
  const std::string sex = ch.birth.empty() ? std::string("U") : Str(p, "sex");
  if (year_ >= 2025)
    ch.sex = L(sex);
  else
    ch.sex = L(sex == "M" ? "1" : sex == "F" ? "2" : sex.empty() ? "" : "0");
  ch.death = L(by_e(Day(p, "death_date")));
  ch.ethnicity = L(Str(p, "ethnicity"));
  // CIN-INC-3: Disabilities: each distinct disability on record, in code order; NONE when
  // there is none (the census asks for NONE rather than nothing).
  std::set<std::string> dis;
  for (const Record& d : c.of(Kind::kDisability)) dis.insert(Str(d, "disability"));
  dis.erase("");
  if (dis.size() > 1) dis.erase("NONE");
  if (dis.empty()) dis.insert("NONE");
  for (const std::string& d : dis) ch.disabilities.push_back(L(d));

  // Children's parts hang from their referral by referral_id.
  auto of = [&](Kind k, int64_t referral) {
    std::vector<const Record*> v;
    for (const Record& r : c.of(k))
      if (r.GetInt("referral_id") == referral) v.push_back(&r);
    return v;
  };
  std::vector<const Record*> plans_all;
  for (const Record& r : c.of(Kind::kCpPlan)) plans_all.push_back(&r);

  for (const Record* ref : referrals) {
    CinDetails d;
    d.referral_date = L(Iso(Day(*ref, "referral_date")));
    d.source = L(Str(*ref, "source"));
    d.primary_need = L(Str(*ref, "primary_need"));
    d.closure_date = L(by_e(Day(*ref, "closure_date")));
    if (!d.closure_date.empty()) d.closure_reason = L(Str(*ref, "closure_reason"));
    d.nfa = L(Bool01(ref->GetBool("nfa")));
    // DateOfInitialCPC of the episode: its first initial conference held by E that is not
    // an enquiry's (rule 2884: a conference is recorded at one level only, the enquiry's
    // when there is one).
    std::optional<Date> icpc;
    for (const Record* cf : of(Kind::kCpConference, ref->id)) {
      auto when = Day(*cf, "conference_date");
      if (Str(*cf, "conference_type") == "INITIAL" && !cf->GetInt("s47_id") && when &&
          *when <= end && (!icpc || *when < *icpc))
        icpc = when;
    }
    d.icpc_date = L(Iso(icpc));

    // CIN-INC-4: Assessments of the episode open in the year (started by E, not authorised
    // before S); the factors identified only once the assessment is authorised.
    for (const Record* a : Sorted(of(Kind::kAssessment, ref->id), "start_date")) {
      if (!open_in_year(Day(*a, "start_date"), Day(*a, "authorised_date"))) continue;
      CinAssessment as;
      as.start = L(Iso(Day(*a, "start_date")));
      as.internal_review = L(by_e(Day(*a, "internal_review_date")));
      as.authorised = L(by_e(Day(*a, "authorised_date")));
      if (!as.authorised.empty()) {
        std::set<std::string> f;
        for (const Record& af : c.of(Kind::kAssessmentFactor))
          if (af.GetInt("assessment_id") == a->id) f.insert(Str(af, "factor"));
        f.erase("");
        for (const std::string& code : f) as.factors.push_back(L(code));
        as.has_factors_block = true;
      }
      d.assessments.push_back(std::move(as));
    }
    // CIN-INC-5: CIN plans of the episode open in the year.
    for (const Record* pl : Sorted(of(Kind::kCinPlan, ref->id), "start_date")) {
      if (!open_in_year(Day(*pl, "start_date"), Day(*pl, "end_date"))) continue;
      d.plans.push_back({0, L(Iso(Day(*pl, "start_date"))), L(by_e(Day(*pl, "end_date")))});
    }
    // CIN-INC-6: Section 47 enquiries of the episode that began in the year, or began
    // before it and led to an initial conference in it (the census carries no end of an
    // enquiry, so this is what a census read back can say too); the target is 15 working
    // days from the start; DateOfInitialCPC is the enquiry's initial conference held by E.
    for (const Record* s : Sorted(of(Kind::kSection47Enquiry, ref->id), "start_date")) {
      const std::optional<Date> s_begun = Day(*s, "start_date");
      std::optional<Date> held;
      for (const Record& cf : c.of(Kind::kCpConference)) {
        auto when = Day(cf, "conference_date");
        if (cf.GetInt("s47_id") == s->id && Str(cf, "conference_type") == "INITIAL" && when &&
            *when <= end && (!held || *when < *held))
          held = when;
      }
      if (!s_begun || *s_begun > end || (*s_begun < start && !(held && *held >= start))) continue;
      CinSection47 e;
      const Date s_start = *s_begun;
      e.start = L(Iso(s_start));
      // InitialCPCtarget: the one definition the engine's ICPC_15WD uses too
      // (model/statutory.h), from the discussion that began the enquiry. A start outside
      // the calendar's years (1990-2040) has no target rather than a guessed one.
      std::optional<Date> discussion;
      for (const Record& sd : c.of(Kind::kStrategyDiscussion))
        if (s->GetInt("strategy_discussion_id") == sd.id) discussion = Day(sd, "discussion_date");
      const Result<Date> target =
          model::InitialConferenceDue(model::InitialConferenceCountsFrom(s_start, discussion));
      e.icpc_target = L(target ? Iso(*target) : "");
      e.icpc_date = L(Iso(held));
      // ICPCnotRequired: as recorded, or true when the enquiry ended by E with an outcome
      // other than a conference (legal action, services, no further action): none was
      // needed, so the episode can close (rule 8868). The engine's ICPC_15WD duty ends the
      // same way.
      bool not_required = s->GetBool("icpc_not_required").value_or(false);
      const auto ended = Day(*s, "end_date");
      const std::string outcome = Str(*s, "outcome");
      if (!held && ended && *ended <= end && !outcome.empty() && outcome != "ICPC")
        not_required = true;
      e.icpc_not_required = L(not_required ? "true" : "false");
      d.section47s.push_back(std::move(e));
    }
    // CIN-INC-7: Protection plans of the episode open in the year; NumberOfPreviousCPP is
    // the number a return said when the plan came from one, else the child's plans on record
    // that began before it; reviews: the plan's review conferences held in the year.
    for (const Record* pl : Sorted(of(Kind::kCpPlan, ref->id), "start_date")) {
      if (!open_in_year(Day(*pl, "start_date"), Day(*pl, "end_date"))) continue;
      CinProtectionPlan cp;
      const Date p_start = *Day(*pl, "start_date");
      cp.start = L(Iso(p_start));
      cp.end = L(by_e(Day(*pl, "end_date")));
      cp.initial_category = L(Str(*pl, "initial_category"));
      std::string latest = Str(*pl, "latest_category");
      cp.latest_category = L(latest.empty() ? cp.initial_category.v : latest);
      int64_t previous = 0;
      if (auto n = pl->GetInt("previous_plans")) {
        previous = *n;
      } else {
        for (const Record* o : plans_all)
          if (o != pl && o->GetDate("start_date") < p_start) ++previous;
      }
      cp.previous_plans = L(std::to_string(previous));
      std::vector<const Record*> reviews;
      for (const Record& cf : c.of(Kind::kCpConference))
        if (cf.GetInt("cp_plan_id") == pl->id && Str(cf, "conference_type") == "REVIEW")
          if (auto when = Day(cf, "conference_date"); when && *when >= start && *when <= end)
            reviews.push_back(&cf);
      for (const Record* r : Sorted(std::move(reviews), "conference_date"))
        cp.reviews.push_back(L(Iso(Day(*r, "conference_date"))));
      d.protection_plans.push_back(std::move(cp));
    }
    ch.details.push_back(std::move(d));
  }
  children_.push_back(std::move(ch));
}

CinMessage CinExporter::Finish() {
  CinMessage m;
  const Date ref = CollectionYearEnd(year_);
  m.header.collection = L("CIN");
  m.header.year = L(std::to_string(year_));
  m.header.reference_date = L(ref.ToIso());
  m.header.source_level = L("L");
  m.header.lea = L(la_code_);
  m.header.software_code = L("Journey");
  m.header.release = L("1");
  m.header.serial_no = L("1");
  // The time of production would make every export differ; the reference date at midnight
  // stands in, so the same record always gives the same bytes.
  m.header.date_time = L(ref.ToIso() + "T00:00:00");
  std::stable_sort(children_.begin(), children_.end(), [](const CinChild& a, const CinChild& b) {
    return a.la_child_id.v < b.la_child_id.v;
  });
  m.children = std::move(children_);
  return m;
}

Result<CinMessage> ExportCin(store::Store& store, int year) {
  const Date start = CollectionYearStart(year), end = CollectionYearEnd(year);
  std::set<int64_t> children;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kReferral, [&](const Record& r) {
    auto s = r.GetDate("referral_date");
    auto e = r.GetDate("closure_date");
    if (s && *s <= end && (!e || *e >= start)) children.insert(r.child_id);
    return Status::Ok();
  }));
  std::unordered_map<int64_t, ChildRecords> records;
  std::map<std::string, int> la_codes;
  for (int64_t child : children) {
    JOURNEY_ASSIGN_OR_RETURN(std::optional<Record> person, store.Get(Kind::kPerson, child));
    if (!person) continue;
    if (auto la = person->GetString("la_code")) ++la_codes[*la];
    ChildRecords& c = records[child];
    c.child_id = child;
    c.of(Kind::kPerson).push_back(std::move(*person));
  }
  for (Kind k : CinKinds()) {
    JOURNEY_RETURN_IF_ERROR(store.Scan(k, [&](const Record& r) {
      auto it = records.find(r.child_id);
      if (it != records.end()) it->second.of(k).push_back(r);
      return Status::Ok();
    }));
  }
  std::string la;
  int most = 0;
  for (const auto& [code, n] : la_codes)
    if (n > most) la = code, most = n;
  CinExporter ex(year, la);
  for (int64_t child : children)
    if (auto it = records.find(child); it != records.end()) ex.AddChild(it->second);
  return ex.Finish();
}

}  // namespace journey::returns
