// Annex A Lists 1 to 7: the front door, assessments, enquiries, children in need and child
// protection. Windows (DATA-SPECS.md s4.1, from the SSD's Annex A script): "the six months
// before the inspection" is from the same day six months earlier to the inspection date,
// both included; "the last 12 months" likewise twelve months.
#include "returns/annex_a_lists.h"

#include <fmt/format.h>

#include <algorithm>

namespace journey::returns::annex_a {

std::optional<Date> DayOf(const Record& r, std::string_view field) {
  const model::Value& v = r.Get(field);
  if (auto* d = std::get_if<Date>(&v)) return *d;
  if (auto* t = std::get_if<model::DateTime>(&v)) return t->date();
  return std::nullopt;
}

std::string Str(const Record& r, std::string_view f) { return r.GetString(f).value_or(""); }

std::optional<int64_t> StatedInt(const Record& r, std::string_view field, Date from,
                                 const std::optional<Date>& horizon) {
  if (!horizon || from > *horizon) return std::nullopt;
  return r.GetInt(field);
}

bool StatedFlag(const Record& r, std::string_view field, Date from,
                const std::optional<Date>& horizon) {
  return horizon && from <= *horizon && r.GetBool(field).value_or(false);
}

int RowBuilder::At(std::string_view key) const {
  // A key the template no longer has is skipped: a column dropped from next year's
  // template is a data change.
  return list_.Column(key);
}

RowBuilder& RowBuilder::Text(std::string_view key, std::string value) {
  int i = At(key);
  if (i >= 0 && !value.empty()) row_[static_cast<size_t>(i)] = std::move(value);
  return *this;
}

RowBuilder& RowBuilder::Day(std::string_view key, std::optional<Date> d) {
  int i = At(key);
  if (i >= 0 && d) row_[static_cast<size_t>(i)] = *d;
  return *this;
}

RowBuilder& RowBuilder::Int(std::string_view key, std::optional<int64_t> n) {
  int i = At(key);
  if (i >= 0 && n) row_[static_cast<size_t>(i)] = *n;
  return *this;
}

RowBuilder& RowBuilder::Label(std::string_view key, std::string_view code) {
  int i = At(key);
  if (i < 0 || code.empty()) return *this;
  const AnnexAColumn& col = list_.columns[static_cast<size_t>(i)];
  if (auto label = spec_.Label(col.labels, code)) {
    row_[static_cast<size_t>(i)] = std::string(*label);
  } else {
    unlabelled_.insert(fmt::format("{} \"{}\" ({})", col.header, code, list_.sheet));
  }
  return *this;
}

Lists::Lists(Date date, const AnnexAContext& c, const AnnexASpec& s) : spec(s), ctx(c), w(date) {
  for (const AnnexAList& l : spec.lists()) sheets.push_back(AnnexASheet{&l, {}});
}

bool Lists::Disabled(const ChildRecords& c) {
  // DATA-SPECS.md s4.1: "a) Yes" when the child has any disability other than NONE.
  for (const Record& d : c.of(Kind::kDisability))
    if (Str(d, "disability") != "NONE") return true;
  return false;
}

void Lists::Common(RowBuilder& r, const ChildRecords& c) const {
  const Record& p = c.of(Kind::kPerson).front();
  auto dob = p.GetDate("birth_date");
  r.Text("child_id", Str(p, "la_child_id"))
      .Label("gender", Str(p, "sex"))
      .Label("ethnicity", Str(p, "ethnicity"))
      .Day("dob", dob)
      .Label("disability", YesNo(Disabled(c)));
  // Age: completed years on the inspection date; blank for a child not yet born.
  if (dob && *dob <= w.date) r.Int("age", AgeInYears(*dob, w.date));
}

const Record* Lists::AllocationIn(const ChildRecords& c, Date from, Date to,
                                  std::string_view role) const {
  const Record* best = nullptr;
  for (const Record& a : c.of(Kind::kAllocation)) {
    if (Str(a, "role") != role) continue;
    auto s = a.GetDate("start_date");
    auto e = a.GetDate("end_date");
    if (!s || *s > to || (e && *e < from)) continue;
    if (!best || *s > *best->GetDate("start_date") ||
        (*s == *best->GetDate("start_date") && a.id > best->id))
      best = &a;
  }
  return best;
}

void Lists::Allocated(RowBuilder& r, const ChildRecords& c, Date from, Date to, const Record* own,
                      std::string_view role) const {
  const Record* best = AllocationIn(c, from, to, role);
  const Record* src = best ? best : own;
  if (src) Named(r, *src);
}

void Lists::Named(RowBuilder& r, const Record& s) const {
  const Record* src = &s;
  auto name = [](const auto& m, std::optional<int64_t> id) {
    if (!id) return std::string();
    auto it = m.find(*id);
    return it == m.end() ? std::string() : it->second;
  };
  auto worker = src->GetInt("worker_id");
  auto team = src->GetInt("team_id");
  if (!team && worker) {
    auto it = ctx.worker_teams.find(*worker);
    if (it != ctx.worker_teams.end()) team = it->second;
  }
  r.Text("team", name(ctx.team_names, team)).Text("worker", name(ctx.worker_names, worker));
}

void Lists::AddChild(const ChildRecords& c) {
  if (c.of(Kind::kPerson).empty()) return;
  Contacts(c);
  EarlyHelp(c);
  Referrals(c);
  Assessments(c);
  Section47(c);
  ChildrenInNeed(c);
  Protection(c);
  InCare(c);
  CareLeavers(c);
  Adoption(c);
}

void Lists::Contacts(const ChildRecords& c) {
  // AA-L1-INC (Ofsted Annex A List 1: "all contacts received in the six months before the
  // date of inspection"; one row per child in a contact): contacts received in the window.
  for (const Record& k : c.of(Kind::kContact)) {
    auto d = DayOf(k, "contact_at");
    if (!w.Within(d, w.six)) continue;
    RowBuilder r = Row(1);
    Common(r, c);
    r.Day("contact_date", d).Label("contact_source", Str(k, "source"));
    Add(1, r);
  }
}

void Lists::EarlyHelp(const ChildRecords& c) {
  // AA-L2-INC (List 2: "all early help assessments in the six months before the date of
  // inspection; also current early help interventions"): each early help assessment begun
  // by D and not completed before the window; the organisation is its episode's lead
  // agency.
  for (const Record& a : c.of(Kind::kEarlyHelpAssessment)) {
    auto s = a.GetDate("start_date");
    auto done = a.GetDate("completed_date");
    if (!w.Active(s, done, w.six)) continue;
    const Record* ep = nullptr;
    if (auto id = a.GetInt("episode_id")) ep = c.Find(Kind::kEarlyHelpEpisode, *id);
    RowBuilder r = Row(2);
    Common(r, c);
    r.Day("eh_start", s).Day("eh_completed", done && *done <= w.date ? done : std::nullopt);
    if (ep) r.Text("eh_organisation", Str(*ep, "lead_agency"));
    Add(2, r);
  }
}

void Lists::Referrals(const ChildRecords& c) {
  // AA-L3-INC (List 3: "all referrals received in the six months before the inspection";
  // a row per referral). "Number of Referrals in Last 12 Months" counts the child's other
  // referrals in the twelve months before this one (SSD script: the count less this one).
  const auto& refs = c.of(Kind::kReferral);
  for (const Record& f : refs) {
    auto d = f.GetDate("referral_date");
    if (!w.Within(d, w.six)) continue;
    int64_t earlier = 0;
    for (const Record& g : refs) {
      auto e = g.GetDate("referral_date");
      earlier += e && *e >= d->AddMonths(-12) && (*e < *d || (*e == *d && g.id < f.id));
    }
    if (auto stated = StatedInt(f, "stated_referrals_12m", d->AddMonths(-12), ctx.horizon))
      earlier = *stated;
    RowBuilder r = Row(3);
    Common(r, c);
    r.Day("referral_date", d)
        .Label("referral_source", Str(f, "source"))
        .Label("referral_nfa", YesNo(f.GetBool("nfa").value_or(false)))
        .Int("referrals_12m", earlier);
    Allocated(r, c, *d, *d, &f);
    Add(3, r);
  }
}

void Lists::Assessments(const ChildRecords& c) {
  // AA-L4-INC (List 4: "children with assessments in previous six months"; SSD: open, or
  // authorised in the window): each assessment begun by D and not authorised before the
  // window. "Requiring LA children's social care support" is blank until authorised, then
  // "b) No" for an outcome of no further action or early help, else "a) Yes".
  for (const Record& a : c.of(Kind::kAssessment)) {
    auto s = a.GetDate("start_date");
    auto auth = a.GetDate("authorised_date");
    if (!w.Active(s, auth, w.six)) continue;
    const bool authorised = auth && *auth <= w.date;
    RowBuilder r = Row(4);
    Common(r, c);
    r.Day("asmt_start", s)
        .Label("asmt_seen", YesNo(a.GetBool("child_seen").value_or(false)))
        .Day("asmt_authorised", authorised ? auth : std::nullopt);
    const std::string outcome = Str(a, "outcome");
    if (authorised && !outcome.empty())
      r.Label("asmt_support", YesNo(outcome != "NFA" && outcome != "EH"));
    Allocated(r, c, *s, authorised ? *auth : w.date, &a);
    Add(4, r);
  }
}

void Lists::Section47(const ChildRecords& c) {
  // AA-L5-INC (List 5: "all section 47 enquiries in the six months before the inspection,
  // including open ones"; a row per enquiry): each enquiry begun by D and not ended before
  // the window. The counts are of the child's other enquiries, and initial conferences,
  // in the twelve months before this enquiry began.
  const auto& all = c.of(Kind::kSection47Enquiry);
  for (const Record& s : all) {
    auto start = s.GetDate("start_date");
    auto end = s.GetDate("end_date");
    if (!w.Active(start, end, w.six)) continue;
    // Concluded by D: an end on record, or (loaded from a list, which gives no end) stated.
    // (stated_concluded: the list said so on the day it was made, which a later import or
    // the enquiry's end date on record replaces.)
    const bool open =
        w.OpenOn(end) && !(!end && ctx.horizon && s.GetBool("stated_concluded").value_or(false));
    const Date from = start->AddMonths(-12);
    int64_t enquiries = 0, icpcs = 0;
    for (const Record& o : all) {
      auto d = o.GetDate("start_date");
      enquiries += d && *d >= from && (*d < *start || (*d == *start && o.id < s.id));
    }
    const Record* icpc = nullptr;
    for (const Record& k : c.of(Kind::kCpConference)) {
      if (Str(k, "conference_type") != "INITIAL") continue;
      auto d = k.GetDate("conference_date");
      icpcs += d && *d >= from && *d < *start;
      if (k.GetInt("s47_id") == s.id && d && *d <= w.date) icpc = &k;
    }
    RowBuilder r = Row(5);
    Common(r, c);
    r.Day("s47_start", start);
    // Blank while the enquiry is open (SSD script).
    if (!open && s.GetBool("icpc_not_required"))
      r.Label("icpc_unnecessary", YesNo(*s.GetBool("icpc_not_required")));
    if (icpc) {
      r.Day("icpc_date", icpc->GetDate("conference_date"));
      const std::string o = Str(*icpc, "outcome");
      if (o == "CP_PLAN" || o == "NO_PLAN") r.Label("icpc_plan", YesNo(o == "CP_PLAN"));
    }
    if (auto n = StatedInt(s, "stated_s47_12m", from, ctx.horizon)) enquiries = *n;
    if (auto n = StatedInt(s, "stated_icpcs_12m", from, ctx.horizon)) icpcs = *n;
    r.Int("s47_12m", enquiries).Int("icpc_12m", icpcs);
    // An enquiry loaded from a list that said it had concluded, on a day it did not give:
    // the worker the list named, kept on the enquiry (decision 0006).
    if (!open && !end && s.GetInt("worker_id"))
      Named(r, s);
    else
      Allocated(r, c, *start, end && *end <= w.date ? *end : w.date, &s);
    Add(5, r);
  }
}

void Lists::ChildrenInNeed(const ChildRecords& c) {
  // AA-L6-INC (List 6: "all those in receipt of services as a child in need at the point
  // of inspection or in the six months before; not care leavers or children who are only
  // the subject of a referral"): the child's latest referral begun by D that was not closed
  // with no further action and was open at some time in the window; one row per child.
  const Record* latest = nullptr;
  for (const Record& f : c.of(Kind::kReferral)) {
    if (f.GetBool("nfa").value_or(false)) continue;
    if (!w.Active(f.GetDate("referral_date"), f.GetDate("closure_date"), w.six)) continue;
    if (!latest || f.GetDate("referral_date") > latest->GetDate("referral_date") ||
        (f.GetDate("referral_date") == latest->GetDate("referral_date") && f.id > latest->id))
      latest = &f;
  }
  if (!latest) return;
  const Date start = *latest->GetDate("referral_date");
  auto closed = latest->GetDate("closure_date");
  const bool open = w.OpenOn(closed);
  const Date to = open ? w.date : *closed;
  // Date last seen: the latest visit in which the child was seen, of any kind, between
  // the referral and its closure (or D) (SSD: CIN, CP and CLA visits in the episode).
  std::optional<Date> seen;
  for (const Record& v : c.of(Kind::kVisit)) {
    auto d = v.GetDate("visit_date");
    if (d && *d >= start && *d <= to && v.GetBool("seen").value_or(false) && (!seen || *d > *seen))
      seen = d;
  }
  // Case status, by precedence (SSD script): closed; looked after; on a protection plan;
  // on a child in need plan; assessment open; otherwise a child in need.
  std::string status = "CIN";
  auto open_on = [&](Kind k, std::string_view from, std::string_view until) {
    for (const Record& r : c.of(k)) {
      auto s = r.GetDate(from);
      if (s && *s <= w.date && w.OpenOn(r.GetDate(until))) return true;
    }
    return false;
  };
  if (!open)
    status = "CLOSED";
  else if (LookedAfterOn(c))
    status = "CLA";
  else if (open_on(Kind::kCpPlan, "start_date", "end_date"))
    status = "CP";
  else if (open_on(Kind::kCinPlan, "start_date", "end_date"))
    status = "CIN";
  else if (open_on(Kind::kAssessment, "start_date", "authorised_date"))
    status = "ASSESSMENT";
  RowBuilder r = Row(6);
  Common(r, c);
  r.Day("cin_start", start)
      .Label("primary_need", Str(*latest, "primary_need"))
      .Day("last_seen", seen)
      .Day("cin_closed", open ? std::nullopt : closed)
      .Label("closure_reason", open ? "" : Str(*latest, "closure_reason"))
      .Label("case_status", status);
  Allocated(r, c, start, to, latest);
  Add(6, r);
}

void Lists::Protection(const ChildRecords& c) {
  // AA-L7-INC (List 7: "all those who are the subject of a child protection plan at the
  // point of inspection, and those whose plan ceased in the six months before"; SSD: one
  // row per child, the latest plan; plans of other councils left out).
  const Record* plan = nullptr;
  for (const Record& p : c.of(Kind::kCpPlan)) {
    if (p.GetBool("other_la").value_or(false)) continue;
    if (!w.Active(p.GetDate("start_date"), p.GetDate("end_date"), w.six)) continue;
    if (!plan || p.GetDate("start_date") > plan->GetDate("start_date") ||
        (p.GetDate("start_date") == plan->GetDate("start_date") && p.id > plan->id))
      plan = &p;
  }
  if (!plan) return;
  const Date start = *plan->GetDate("start_date");
  auto end = plan->GetDate("end_date");
  const bool open = w.OpenOn(end);
  const Record* visit = nullptr;
  for (const Record& v : c.of(Kind::kVisit)) {
    auto d = v.GetDate("visit_date");
    if (Str(v, "visit_type") != "CP" || v.GetInt("cp_plan_id") != plan->id || !d || *d > w.date)
      continue;
    if (!visit || *d > *visit->GetDate("visit_date") ||
        (*d == *visit->GetDate("visit_date") && v.id > visit->id))
      visit = &v;
  }
  std::optional<Date> review;
  for (const Record& k : c.of(Kind::kCpConference)) {
    auto d = k.GetDate("conference_date");
    if (Str(k, "conference_type") == "REVIEW" && k.GetInt("cp_plan_id") == plan->id && d &&
        *d <= w.date && (!review || *d > *review))
      review = d;
  }
  // Emergency protection or police protection in the last six months: an episode under
  // legal status L1 or L2, or an emergency protection order, active in the window.
  bool epo = false;
  for (const Record& e : c.of(Kind::kClaEpisode)) {
    const std::string ls = Str(e, "legal_status");
    epo |= (ls == "L1" || ls == "L2") &&
           w.Active(e.GetDate("start_date"), e.GetDate("end_date"), w.six);
  }
  for (const Record& o : c.of(Kind::kCourtOrder))
    epo |= Str(o, "order_type") == "EPO" &&
           w.Active(o.GetDate("made_date"), o.GetDate("end_date"), w.six);
  epo |= StatedFlag(*plan, "stated_epo_6m", w.six, ctx.horizon);
  // Previous plans count from the child's birth: a number a return gave (CIN census
  // NumberOfPreviousCPP, Annex A) stands whenever the record has a horizon.
  int64_t previous = 0;
  for (const Record& p : c.of(Kind::kCpPlan)) previous += p.GetDate("start_date") < start;
  if (auto n = plan->GetInt("previous_plans"); n && ctx.horizon) previous = *n;
  RowBuilder r = Row(7);
  Common(r, c);
  r.Day("cp_start", start)
      .Label("cp_initial", Str(*plan, "initial_category"))
      .Label("cp_latest", Str(*plan, "latest_category").empty() ? Str(*plan, "initial_category")
                                                                : Str(*plan, "latest_category"));
  if (visit) {
    r.Day("cp_last_visit", visit->GetDate("visit_date"));
    auto alone = visit->GetBool("seen_alone");
    r.Label("cp_seen_alone", alone ? YesNo(*alone) : "U");
  }
  r.Day("cp_last_review", review)
      .Day("cp_end", open ? std::nullopt : end)
      .Label("epo_6m", YesNo(epo))
      .Int("cp_previous", previous);
  Allocated(r, c, start, open ? w.date : *end, plan);
  Add(7, r);
}

}  // namespace journey::returns::annex_a
