// The Annex A import, list by list: which record each column loads into and what is kept
// as stated (docs/returns/annex-a.md, "Import"; decision 0006).
#include "returns/annex_a_import_builder.h"

namespace journey::returns::annex_a_import {

void Builder::Contact(const Row& r, ImportChild& ic) {
  auto d = r.Day("contact_date");
  if (!d) return Bad(r, "contact_date", "", "a contact needs its date");
  Record& k = Match(ic, Kind::kContact, "contact_at", *d);
  if (auto s = r.Code("contact_source"); !s.empty()) k.Set("source", s);
}

void Builder::EarlyHelp(const Row& r, ImportChild& ic) {
  auto s = r.Day("eh_start");
  if (!s) return Bad(r, "eh_start", "", "an early help assessment needs its start date");
  Record& a = Match(ic, Kind::kEarlyHelpAssessment, "start_date", *s);
  a.Set("completed_date", Opt(r.Day("eh_completed")));
  if (const std::string org = r.Text("eh_organisation"); !org.empty()) {
    const Record* ep = nullptr;
    if (auto id = a.GetInt("episode_id")) ep = ic.want.Find(Kind::kEarlyHelpEpisode, *id);
    if (!ep) {
      Record& e = Match(ic, Kind::kEarlyHelpEpisode, "start_date", *s);
      a.Set("episode_id", e.id);
      ep = &e;
    }
    const_cast<Record*>(ep)->Set("lead_agency", org);
  }
}

void Builder::Referral(const Row& r, ImportChild& ic) {
  auto d = r.Day("referral_date");
  if (!d) return Bad(r, "referral_date", "", "a referral needs its date");
  Record& f = Match(ic, Kind::kReferral, "referral_date", *d);
  if (auto s = r.Code("referral_source"); !s.empty()) f.Set("source", s);
  if (auto nfa = r.Flag("referral_nfa")) f.Set("nfa", *nfa);
  f.Set("stated_referrals_12m", Opt(r.Int("referrals_12m")));
  Allocate(r, ic, *d, false, "SW");
}

void Builder::Assessment(const Row& r, ImportChild& ic) {
  auto s = r.Day("asmt_start");
  if (!s) return Bad(r, "asmt_start", "", "an assessment needs its start date");
  Record& a = Match(ic, Kind::kAssessment, "start_date", *s);
  a.Set("child_seen", Opt(r.Flag("asmt_seen")));
  auto auth = r.Day("asmt_authorised");
  a.Set("authorised_date", Opt(auth));
  // Requiring support: the list says yes or no, not which outcome. "No" keeps an outcome of
  // NFA or EH on record, else NFA; "Yes" keeps any other outcome, else CIN.
  if (auto support = r.Flag("asmt_support")) {
    const std::string o = a.GetString("outcome").value_or("");
    const bool none = o == "NFA" || o == "EH";
    if (o.empty() || none == *support) a.Set("outcome", std::string(*support ? "CIN" : "NFA"));
  }
  Allocate(r, ic, auth ? *auth : d_, !auth, "SW");
}

void Builder::Section47(const Row& r, ImportChild& ic) {
  auto s = r.Day("s47_start");
  if (!s) return Bad(r, "s47_start", "", "an enquiry needs its start date");
  Record& e = Match(ic, Kind::kSection47Enquiry, "start_date", *s);
  const int64_t sid = e.id;
  auto unnecessary = r.Flag("icpc_unnecessary");
  e.Set("icpc_not_required", Opt(unnecessary));
  // The list leaves "ICPC unnecessary" blank while the enquiry is open: a value says it had
  // concluded, on a day the list does not give.
  auto end = e.GetDate("end_date");
  e.Set("stated_concluded", unnecessary && !(end && *end <= d_) ? Value{true} : Value{});
  e.Set("stated_s47_12m", Opt(r.Int("s47_12m")));
  e.Set("stated_icpcs_12m", Opt(r.Int("icpc_12m")));
  if (end && *end <= d_) {
    Allocate(r, ic, *end, false, "SW");
  } else if (unnecessary) {
    // Concluded on a day the list does not give: the named worker stays on the enquiry.
    auto [team, worker] = Allocated(r);
    e.Set("worker_id", worker ? Value{worker->id} : Value{});
    e.Set("team_id", team ? Value{*team} : Value{});
  } else {
    Allocate(r, ic, d_, true, "SW");
  }
  if (auto held = r.Day("icpc_date")) {
    Record& cf = Match(ic, Kind::kCpConference, "conference_date", *held,
                       [](const Record& x) { return x.GetString("conference_type") == "INITIAL"; });
    cf.Set("conference_type", std::string("INITIAL"));
    cf.Set("s47_id", sid);
    if (auto plan = r.Flag("icpc_plan"))
      cf.Set("outcome", std::string(*plan ? "CP_PLAN" : "NO_PLAN"));
  }
}

void Builder::InNeed(const Row& r, ImportChild& ic) {
  auto d = r.Day("cin_start");
  if (!d) return Bad(r, "cin_start", "", "a child in need episode needs its start date");
  Record& f = Match(ic, Kind::kReferral, "referral_date", *d);
  // List 6 leaves out referrals closed with no further action.
  if (!f.GetBool("nfa")) f.Set("nfa", false);
  if (auto n = r.Code("primary_need"); !n.empty()) f.Set("primary_need", n);
  auto closed = r.Day("cin_closed");
  f.Set("closure_date", Opt(closed));
  f.Set("closure_reason", Opt(r.Code("closure_reason")));
  Allocate(r, ic, closed ? *closed : d_, !closed, "SW");
  if (auto seen = r.Day("last_seen")) {
    Record& v = Match(ic, Kind::kVisit, "visit_date", *seen);
    if (!v.GetString("visit_type")) v.Set("visit_type", std::string("CIN"));
    v.Set("seen", true);
  }
  // Case Status is derived, not stored (decision 0006): checked with every other cell once
  // the records are built (CheckAgainstRecord).
}

void Builder::Protection(const Row& r, ImportChild& ic) {
  auto s = r.Day("cp_start");
  if (!s) return Bad(r, "cp_start", "", "a protection plan needs its start date");
  Record& p = Match(ic, Kind::kCpPlan, "start_date", *s);
  const int64_t pid = p.id;
  if (auto c = r.Code("cp_initial"); !c.empty()) p.Set("initial_category", c);
  if (auto c = r.Code("cp_latest"); !c.empty() && c != p.GetString("initial_category"))
    p.Set("latest_category", c);
  p.Set("end_date", Opt(r.Day("cp_end")));
  p.Set("previous_plans", Opt(r.Int("cp_previous")));
  p.Set("stated_epo_6m", r.Flag("epo_6m").value_or(false) ? Value{true} : Value{});
  auto end = r.Day("cp_end");
  Allocate(r, ic, end ? *end : d_, !end, "SW");
  if (auto v = r.Day("cp_last_visit")) {
    Record& x = Match(ic, Kind::kVisit, "visit_date", *v);
    x.Set("visit_type", std::string("CP"));
    x.Set("cp_plan_id", pid);
    auto alone = r.Flag("cp_seen_alone");
    x.Set("seen_alone", Opt(alone));
    if (alone && *alone) x.Set("seen", true);
  }
  if (auto rv = r.Day("cp_last_review")) {
    Record& cf = Match(ic, Kind::kCpConference, "conference_date", *rv,
                       [](const Record& x) { return x.GetString("conference_type") == "REVIEW"; });
    cf.Set("conference_type", std::string("REVIEW"));
    cf.Set("cp_plan_id", pid);
  }
}

Record& Builder::Period(ImportChild& ic, Date start) {
  return Match(ic, Kind::kClaPeriod, "start_date", start);
}

void Builder::InCare(const Row& r, ImportChild& ic) {
  auto started = r.Day("cla_start");
  const std::string ls = r.Code("legal_status");
  if (!started) return Bad(r, "cla_start", "", "a period of care needs its start date");
  if (ls.empty()) return Bad(r, "legal_status", "", "the list must give the legal status");
  auto ceased = r.Day("cla_ceased");
  Record& period = Period(ic, *started);
  const int64_t period_id = period.id;
  period.Set("end_date", Opt(ceased));
  // One episode stands for the period as the list describes it now: its legal status,
  // need and placement; the start of its legal status is kept as stated.
  Record* ep = nullptr;
  for (Record& e : ic.want.of(Kind::kClaEpisode))
    if (e.GetInt("cla_period_id") == period_id &&
        (!ep || e.GetDate("start_date") > ep->GetDate("start_date")))
      ep = &e;
  if (!ep) {
    Record e = New(Kind::kClaEpisode, ic.want.child_id);
    e.Set("cla_period_id", period_id);
    e.Set("start_date", *started);
    e.Set("rne", std::string("S"));
    ic.want.of(Kind::kClaEpisode).push_back(std::move(e));
    ep = &ic.want.of(Kind::kClaEpisode).back();
    ep->Set("legal_status", ls);
    if (auto l = r.Day("ls_start"); l && *l > *started) ep->Set("stated_ls_start", *l);
  }
  ep->Set("legal_status", ls);
  ep->Set("cin", Opt(r.Code("cla_need")));
  ep->Set("end_date", Opt(ceased));
  ep->Set("rec", ceased ? Opt(r.Code("reason_ceased")) : Value{});
  ep->Set("stated_placements_12m", Opt(r.Int("placements_12m")));
  ep->Set("stated_missing_12m", Opt(r.Int("missing_12m")));
  ep->Set("stated_absent_12m", Opt(r.Int("absent_12m")));
  ep->Set("stated_last_iro_visit", Opt(r.Day("last_iro")));
  ep->Set("stated_second_period", r.Flag("cla_second").value_or(false) ? Value{true} : Value{});
  ep->Set("stated_uasc_12m", r.Flag("uasc_12m").value_or(false) ? Value{true} : Value{});
  ep->Set("stated_rhi_offered", Opt(r.Flag("rhi_offered")));
  ep->Set("stated_rhi_accepted", Opt(r.Code("rhi_accepted")));
  if (const std::string type = r.Code("pl_type"); !type.empty()) {
    const Date from = r.Day("pl_start").value_or(*started);
    Record& pl = Match(ic, Kind::kPlacement, "start_date", from,
                       [&](const Record& x) { return x.GetInt("cla_period_id") == period_id; });
    pl.Set("cla_period_id", period_id);
    pl.Set("placement_type", type);
    pl.Set("end_date", Opt(ceased));
    pl.Set("provider", Opt(r.Code("pl_provider")));
    pl.Set("postcode", Opt(r.Text("pl_postcode")));
    pl.Set("urn", Opt(r.Text("pl_urn")));
    pl.Set("placement_la", Opt(r.Text("pl_la")));
    const std::string where = r.Code("pl_location");
    pl.Set("inside_la", where.empty() ? Value{} : Value{where == "IN"});
    ep->Set("placement_id", pl.id);
  }
  if (auto d = r.Day("last_review")) {
    Record& rv = Match(ic, Kind::kClaReview, "review_date", *d);
    rv.Set("cla_period_id", period_id);
  }
  if (auto d = r.Day("last_sw_visit")) {
    Record& v = Match(ic, Kind::kVisit, "visit_date", *d,
                      [](const Record& x) { return x.GetString("visit_type") == "CLA"; });
    v.Set("visit_type", std::string("CLA"));
    v.Set("cla_period_id", period_id);
  }
  if (const std::string plan = r.Code("perm_plan"); !plan.empty()) {
    Record& cp = Match(ic, Kind::kCarePlan, "start_date", *started);
    cp.Set("cla_period_id", period_id);
    cp.Set("plan", plan);
  }
  // Health: the list gives the last assessment's date, not whether it was the initial one;
  // within 20 working days' reach of entering care (a month) it is taken as the initial.
  auto check = [&](std::string_view key, std::string type) {
    if (auto d = r.Day(key)) {
      Record& h = Match(ic, Kind::kHealthAssessment, "assessment_date", *d, [&](const Record& x) {
        return x.GetString("assessment_type") == type ||
               (type != "DENTAL" && x.GetString("assessment_type") != "DENTAL");
      });
      if (!h.GetString("assessment_type")) h.Set("assessment_type", type);
      h.Set("status", std::string("COMPLETED"));
    }
  };
  check("last_health", r.Day("last_health") && *r.Day("last_health") <= started->AddMonths(1)
                           ? "INITIAL"
                           : "REVIEW");
  check("last_dental", "DENTAL");
  const bool open = !ceased || *ceased > d_;
  Allocate(r, ic, open ? d_ : *ceased, open, "SW");
}

void Builder::CareLeaver(const Row& r, ImportChild& ic) {
  const std::string elig = r.Code("eligibility");
  if (elig.empty()) return Bad(r, "eligibility", "", "a care leaver's eligibility is required");
  // The list describes the young person's circumstances on the inspection date.
  Record& st = Match(ic, Kind::kCareLeaverStatus, "status_date", d_);
  st.Set("eligibility", elig);
  st.Set("in_touch", Opt(r.Code("in_touch")));
  st.Set("accommodation", Opt(r.Code("accommodation")));
  const std::string suit = r.Code("suitability");
  st.Set("accommodation_suitable", suit.empty() ? Value{} : Value{suit == "1"});
  st.Set("activity", Opt(r.Code("activity")));
  // A personal adviser when the named worker is one, else the social worker.
  auto [team, worker] = Allocated(r);
  const bool pa = worker && worker->GetString("role") == "PA";
  Allocate(r, ic, d_, true, pa ? "PA" : "SW");
}

void Builder::Adoption(const Row& r, ImportChild& ic) {
  auto decided = r.Day("adm_decision");
  if (!decided) return Bad(r, "adm_decision", "", "an adoption needs the date of the decision");
  Record& a = Match(ic, Kind::kAdoption, "decision_date", *decided);
  const int64_t aid = a.id;
  a.Set("placement_order_date", Opt(r.Day("placement_order")));
  a.Set("match_date", Opt(r.Day("matched")));
  a.Set("placed_date", Opt(r.Day("placed")));
  a.Set("order_date", Opt(r.Day("adoption_order")));
  a.Set("reversed_date", Opt(r.Day("reversed")));
  a.Set("reversed_reason", Opt(r.Code("reversed_reason")));
  if (const std::string fam = r.Text("family_id"); !fam.empty()) {
    auto it = households_.find(fam);
    if (it == households_.end())
      Bad(r, "family_id", fam,
          "no adopter household of this family identifier in List 11 or on record");
    else
      a.Set("household_id", it->second);
  }
  if (auto entered = r.Day("entered_care")) {
    Record& p = Period(ic, *entered);
    const int64_t pid = p.id;
    if (!p.GetDate("end_date") && !p.GetBool("began_earlier")) {
      if (auto o = r.Day("adoption_order")) p.Set("end_date", *o);
    }
    Record* ad = nullptr;
    for (Record& x : ic.want.of(Kind::kAdoption))
      if (x.id == aid) ad = &x;
    ad->Set("cla_period_id", pid);
    if (auto ffa = r.Day("ffa_placed")) {
      Record& pl = Match(ic, Kind::kPlacement, "start_date", *ffa,
                         [&](const Record& x) { return x.GetInt("cla_period_id") == pid; });
      pl.Set("cla_period_id", pid);
      if (!pl.GetString("placement_type")) pl.Set("placement_type", std::string("U5"));
      ad->Set("fostering_to_adopt", true);
    }
  }
}

void Builder::Adopter(const Row& r) {
  const std::string fam = r.Text("family_id");
  if (fam.empty()) return Bad(r, "family_id", "", "an adopter needs the family identifier");
  adopter_genders_[fam].push_back(r.Code("adopter_gender"));
  Record* h = nullptr;
  for (Record& x : plan_.organisation)
    if (x.GetString("family_ref") == fam) h = &x;
  if (auto it = on_record_.find(fam); !h && it != on_record_.end())
    h = &changed_.try_emplace(fam, *it->second).first->second;
  if (!h) {
    Record x(Kind::kAdopterHousehold);
    x.id = next_id_--;
    x.Set("family_ref", fam);
    plan_.organisation.push_back(std::move(x));
    h = &plan_.organisation.back();
    households_[fam] = h->id;
  }
  auto set = [&](std::string_view field, std::string_view key) {
    if (auto d = r.Day(key)) h->Set(field, *d);
  };
  set("enquiry_date", "enquiry");
  set("stage1_date", "stage1_start");
  set("stage2_date", "stage2_start");
  set("approval_date", "approved");
  set("withdrawn_date", "left");
  const auto& g = adopter_genders_[fam];
  std::string sex;
  if (g.size() == 1 && (g[0] == "M" || g[0] == "F")) sex = g[0] + "1";
  if (g.size() == 2 && g[0] != "U" && g[1] != "U") {
    sex = g[0] + g[1];
    if (sex == "FM") sex = "MF";
  }
  h->Set("sex_adoptr", Opt(sex));
  h->Set("number_adopters", static_cast<int64_t>(std::min<size_t>(g.size(), 2)));
}

// Placeholder ids (negative, falling in the order made) as positive ones rising in that
// order, as the store will give them, so that the export's ties break the same way.
}  // namespace journey::returns::annex_a_import
