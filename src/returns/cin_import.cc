// The CIN census importer: messages into records (BuildCinImport), then the shared
// all-or-nothing write (import_apply.h). Matching across years (docs/returns/cin.md):
// children by LAchildID; episodes by CINreferralDate; assessments, CIN plans, enquiries and
// protection plans by their start date within the episode; conferences by date.
#include "returns/cin_import.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "model/codes.h"
#include "returns/cin_xml.h"
#include "returns/import_apply.h"

namespace journey::returns {
namespace {

using model::ChildRecords;
using model::Kind;
using model::Record;

model::Value Text(const std::string& s) { return s.empty() ? model::Value{} : model::Value{s}; }
model::Value Day(std::optional<Date> d) { return d ? model::Value{*d} : model::Value{}; }

class CinBuilder {
 public:
  CinBuilder(int year, const StoreView& view, ImportPlan& plan)
      : year_(year), end_(CollectionYearEnd(year)), view_(view), plan_(plan) {}

  void Message(const CinMessage& m);

 private:
  // Problems, each naming the file, the element's line and path, the value, what is allowed.
  void Bad(const Leaf& l, const std::string& path, std::string message) {
    plan_.problems.push_back(Problem{file_, l.line, path, l.v, std::move(message)});
  }
  std::optional<Date> Date_(const Leaf& l, const std::string& path, bool required = false) {
    if (l.empty()) {
      if (required) Bad(l, path, "is required here: a date written YYYY-MM-DD");
      return std::nullopt;
    }
    auto d = Date::ParseIso(l.v);
    if (!d) {
      Bad(l, path, "is not a real date written YYYY-MM-DD: " + d.error().message());
      return std::nullopt;
    }
    return *d;
  }
  std::string Code(const Leaf& l, const std::string& path, std::string_view list,
                   bool required = false) {
    if (l.empty()) {
      if (required) Bad(l, path, fmt::format("is required here: a {} code", list));
      return {};
    }
    if (Status st = model::CodeLists::Default().Check(list, l.v, end_); !st.ok()) {
      Bad(l, path, st.message());
      return {};
    }
    return l.v;
  }
  std::optional<bool> Flag(const Leaf& l, const std::string& path) {
    if (l.empty()) return std::nullopt;
    if (l.v == "true" || l.v == "1") return true;
    if (l.v == "false" || l.v == "0") return false;
    Bad(l, path, "is not true, false, 1 or 0");
    return std::nullopt;
  }
  Record New(Kind kind, const ImportChild& ic) {
    Record r(kind);
    r.id = next_id_--;
    r.child_id = ic.want.child_id;
    return r;
  }
  // The record of `kind` in `recs` whose `field` is `d` and whose `link` is `parent` (any
  // when link is empty); added when there is none.
  Record& Match(ImportChild& ic, Kind kind, std::string_view field, Date d,
                std::string_view link = {}, int64_t parent = 0) {
    for (Record& r : ic.want.of(kind))
      if (r.GetDate(field) == d && (link.empty() || r.GetInt(link) == parent)) return r;
    Record r = New(kind, ic);
    r.Set(field, d);
    if (!link.empty()) r.Set(link, parent);
    ic.want.of(kind).push_back(std::move(r));
    return ic.want.of(kind).back();
  }

  void Child(const CinChild& c, const CinHeader& h);
  void Details(ImportChild& ic, const CinDetails& d, const std::string& path);

  int year_;
  Date end_;
  const StoreView& view_;
  ImportPlan& plan_;
  std::string file_;
  int64_t next_id_ = -1;
  std::set<std::string> seen_;
};

void CinBuilder::Message(const CinMessage& m) {
  file_ = m.file;
  const std::string hp = "Message/Header/CollectionDetails";
  if (m.header.year.v != std::to_string(year_))
    Bad(m.header.year, hp + "/Year",
        fmt::format("the census is for collection year {} (--year {}); give the year the file "
                    "is for",
                    year_, year_));
  if (m.header.collection.v != "CIN") Bad(m.header.collection, hp + "/Collection", "must be CIN");
  for (const CinChild& c : m.children) Child(c, m.header);
}

void CinBuilder::Child(const CinChild& c, const CinHeader& h) {
  const std::string path(kChildPath);
  const std::string ip = path + "/ChildIdentifiers";
  const std::string& id = c.la_child_id.v;
  if (id.empty() || id.size() > 20) {
    Bad(c.la_child_id, ip + "/LAchildID", "a child's LAchildID has 1 to 20 characters");
    return;
  }
  if (!seen_.insert(id).second) {
    Bad(c.la_child_id, ip + "/LAchildID",
        fmt::format("child {} is given twice; each child appears once in a census", id));
    return;
  }
  ImportChild ic;
  ic.child = id;
  ic.where = fmt::format("{} line {}", file_, c.line);
  if (auto have = view_.child ? view_.child(id) : std::nullopt) {
    ic.have = *have;
    ic.want = *have;
  } else {
    Record p(Kind::kPerson);
    p.id = next_id_--;
    p.child_id = p.id;
    ic.want.child_id = p.id;
    p.Set("la_child_id", id);
    p.Set("la_code", Text(h.lea.v));
    ic.want.of(Kind::kPerson).push_back(std::move(p));
  }
  Record& p = ic.want.of(Kind::kPerson).front();
  // The census's identity fields replace the record's (the latest census is the truest).
  if (!c.upn.empty()) {
    if (c.upn.v.size() != 13) Bad(c.upn, ip + "/UPN", "a UPN has 13 characters");
    p.Set("upn", c.upn.v);
    p.Set("upn_unknown", model::Value{});
  } else {
    p.Set("upn", model::Value{});
    p.Set("upn_unknown", Text(Code(c.upn_unknown, ip + "/UPNunknown", "upn_unknown")));
  }
  if (auto b = Date_(c.birth, ip + "/PersonBirthDate")) p.Set("birth_date", *b);
  if (auto e = Date_(c.expected_birth, ip + "/ExpectedPersonBirthDate"))
    p.Set("expected_birth_date", *e);
  // An unborn child's sex is U in the census (rule 8750): it does not replace one on record.
  const bool unborn = c.birth.empty() && !c.expected_birth.empty();
  if (!c.sex.empty() && !(unborn && ic.have)) {
    // Sex M, F, U (2024/25 on) or GenderCurrent 1, 2, 0, 9 (before).
    std::string sex = c.sex.v;
    if (year_ < 2025)
      sex = sex == "1" ? "M" : sex == "2" ? "F" : sex == "0" || sex == "9" ? "U" : "?";
    if (sex != "M" && sex != "F" && sex != "U")
      Bad(c.sex, ip + "/" + SexElement(year_),
          year_ >= 2025 ? "is not M, F or U" : "is not 1, 2, 0 or 9");
    else
      p.Set("sex", sex);
  }
  p.Set("death_date", Day(Date_(c.death, ip + "/PersonDeathDate")));
  if (!c.ethnicity.empty())
    p.Set("ethnicity",
          Text(Code(c.ethnicity, path + "/ChildCharacteristics/Ethnicity", "ethnicity")));
  if (!c.former_upn.empty()) {
    bool have = false;
    for (const Record& r : ic.want.of(Kind::kPersonIdentifier))
      have |=
          r.GetString("identifier_type") == "FORMER_UPN" && r.GetString("value") == c.former_upn.v;
    if (!have) {
      Record r = New(Kind::kPersonIdentifier, ic);
      r.Set("identifier_type", std::string("FORMER_UPN"));
      r.Set("value", c.former_upn.v);
      ic.want.of(Kind::kPersonIdentifier).push_back(std::move(r));
    }
  }
  // Disabilities: each code not yet on record is added; NONE adds nothing (the export says
  // NONE when there is none).
  for (const Leaf& d : c.disabilities) {
    const std::string code =
        Code(d, path + "/ChildCharacteristics/Disabilities/Disability", "disability");
    if (code.empty() || code == "NONE") continue;
    bool have = false;
    for (const Record& r : ic.want.of(Kind::kDisability)) have |= r.GetString("disability") == code;
    if (!have) {
      Record r = New(Kind::kDisability, ic);
      r.Set("disability", code);
      ic.want.of(Kind::kDisability).push_back(std::move(r));
    }
  }
  for (const CinDetails& d : c.details) Details(ic, d, path + "/CINdetails");
  plan_.children.push_back(std::move(ic));
}

void CinBuilder::Details(ImportChild& ic, const CinDetails& d, const std::string& path) {
  auto referral_date = Date_(d.referral_date, path + "/CINreferralDate", true);
  if (!referral_date) return;
  Record& ref = Match(ic, Kind::kReferral, "referral_date", *referral_date);
  const int64_t ref_id = ref.id;
  ref.Set("source", Text(Code(d.source, path + "/ReferralSource", "referral_source")));
  ref.Set("primary_need", Text(Code(d.primary_need, path + "/PrimaryNeedCode", "primary_need")));
  ref.Set("nfa", Flag(d.nfa, path + "/ReferralNFA").value_or(false));
  // A closure the census does not give (open at 31 March) keeps a later closure already on
  // record, so loading an earlier year after a later one loses nothing.
  auto closed = Date_(d.closure_date, path + "/CINclosureDate");
  auto known = ref.GetDate("closure_date");
  if (closed || !(known && *known > end_)) {
    ref.Set("closure_date", Day(closed));
    ref.Set("closure_reason",
            Text(Code(d.closure_reason, path + "/ReasonForClosure", "closure_reason")));
  }
  if (auto icpc = Date_(d.icpc_date, path + "/DateOfInitialCPC")) {
    bool held = false;  // already there through a Section47's conference
    for (const CinSection47& s : d.section47s) held |= s.icpc_date.v == d.icpc_date.v;
    if (!held) {
      Record& cf = Match(ic, Kind::kCpConference, "conference_date", *icpc, "referral_id", ref_id);
      cf.Set("conference_type", std::string("INITIAL"));
    }
  }

  const std::string ap = path + "/Assessments";
  for (const CinAssessment& a : d.assessments) {
    auto s = Date_(a.start, ap + "/AssessmentActualStartDate", true);
    if (!s) continue;
    Record& r = Match(ic, Kind::kAssessment, "start_date", *s, "referral_id", ref_id);
    const int64_t aid = r.id;
    auto auth = Date_(a.authorised, ap + "/AssessmentAuthorisationDate");
    auto known_auth = r.GetDate("authorised_date");
    if (auth || !(known_auth && *known_auth > end_)) r.Set("authorised_date", Day(auth));
    if (auto rv = Date_(a.internal_review, ap + "/AssessmentInternalReviewDate"))
      r.Set("internal_review_date", *rv);
    for (const Leaf& f : a.factors) {
      const std::string code =
          Code(f, ap + "/FactorsIdentifiedAtAssessment/AssessmentFactors", "assessment_factor");
      if (code.empty()) continue;
      bool have = false;
      for (const Record& x : ic.want.of(Kind::kAssessmentFactor))
        have |= x.GetInt("assessment_id") == aid && x.GetString("factor") == code;
      if (have) continue;
      Record x = New(Kind::kAssessmentFactor, ic);
      x.Set("assessment_id", aid);
      x.Set("factor", code);
      ic.want.of(Kind::kAssessmentFactor).push_back(std::move(x));
    }
  }
  const std::string pp = path + "/CINPlanDates";
  for (const CinPlanDates& pl : d.plans) {
    auto s = Date_(pl.start, pp + "/CINPlanStartDate", true);
    if (!s) continue;
    Record& r = Match(ic, Kind::kCinPlan, "start_date", *s, "referral_id", ref_id);
    auto e = Date_(pl.end, pp + "/CINPlanEndDate");
    auto known_end = r.GetDate("end_date");
    if (e || !(known_end && *known_end > end_)) r.Set("end_date", Day(e));
  }
  const std::string sp = path + "/Section47";
  for (const CinSection47& s : d.section47s) {
    auto st = Date_(s.start, sp + "/S47ActualStartDate", true);
    Date_(s.icpc_target, sp + "/InitialCPCtarget");  // derived on export; checked only
    if (!st) continue;
    Record& r = Match(ic, Kind::kSection47Enquiry, "start_date", *st, "referral_id", ref_id);
    const int64_t sid = r.id;
    if (auto nr = Flag(s.icpc_not_required, sp + "/ICPCnotRequired"))
      r.Set("icpc_not_required", *nr);
    if (auto held = Date_(s.icpc_date, sp + "/DateOfInitialCPC")) {
      Record& cf = Match(ic, Kind::kCpConference, "conference_date", *held, "s47_id", sid);
      cf.Set("conference_type", std::string("INITIAL"));
      cf.Set("referral_id", ref_id);
    }
  }
  const std::string cp = path + "/ChildProtectionPlans";
  for (const CinProtectionPlan& p : d.protection_plans) {
    auto st = Date_(p.start, cp + "/CPPstartDate", true);
    const std::string initial =
        Code(p.initial_category, cp + "/InitialCategoryOfAbuse", "category_of_abuse", true);
    if (!st || initial.empty()) continue;
    Record& r = Match(ic, Kind::kCpPlan, "start_date", *st, "referral_id", ref_id);
    const int64_t pid = r.id;
    r.Set("initial_category", initial);
    r.Set("latest_category",
          Text(Code(p.latest_category, cp + "/LatestCategoryOfAbuse", "category_of_abuse")));
    auto e = Date_(p.end, cp + "/CPPendDate");
    auto known_end = r.GetDate("end_date");
    if (e || !(known_end && *known_end > end_)) r.Set("end_date", Day(e));
    if (!p.previous_plans.empty()) {
      char* stop = nullptr;
      const long n = std::strtol(p.previous_plans.v.c_str(), &stop, 10);
      if (*stop || n < 0 || n > 99)
        Bad(p.previous_plans, cp + "/NumberOfPreviousCPP", "is not a whole number from 0 to 99");
      else
        r.Set("previous_plans", int64_t{n});
    }
    for (const Leaf& rv : p.reviews) {
      auto when = Date_(rv, cp + "/Reviews/CPPreviewDate");
      if (!when) continue;
      Record& cf = Match(ic, Kind::kCpConference, "conference_date", *when, "cp_plan_id", pid);
      cf.Set("conference_type", std::string("REVIEW"));
      cf.Set("referral_id", ref_id);
    }
  }
}

}  // namespace

ImportPlan BuildCinImport(const std::vector<CinMessage>& messages, int year,
                          const StoreView& view) {
  ImportPlan plan;
  CinBuilder b(year, view, plan);
  for (const CinMessage& m : messages) b.Message(m);
  return plan;
}

Result<ImportReport> ImportCin(store::Store& store, int year, const std::vector<InputFile>& files,
                               const store::Actor& actor) {
  ImportReport rep;
  std::vector<CinMessage> messages;
  for (const InputFile& f : files) {
    CinRead read = ReadCinXml(f);
    rep.problems.insert(rep.problems.end(), read.problems.begin(), read.problems.end());
    messages.push_back(std::move(read.message));
  }
  if (!rep.problems.empty()) return rep;
  std::unordered_map<std::string, int64_t> people;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kPerson, [&](const Record& r) {
    if (auto id = r.GetString("la_child_id")) people.emplace(*id, r.id);
    return Status::Ok();
  }));
  Status load_error;
  StoreView view;
  view.child = [&](const std::string& child) -> std::optional<ChildRecords> {
    auto it = people.find(child);
    if (it == people.end()) return std::nullopt;
    auto c = store.LoadChild(it->second);
    if (!c) {
      load_error = c.error();
      return std::nullopt;
    }
    return *c;
  };
  ImportPlan plan = BuildCinImport(messages, year, view);
  JOURNEY_RETURN_IF_ERROR(load_error);
  JOURNEY_RETURN_IF_ERROR(ApplyImport(store, plan, people.empty(), actor, rep));
  return rep;
}

}  // namespace journey::returns
