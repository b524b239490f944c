// Annex A Lists 8 to 11: children in care, care leavers, adoption and adopters.
#include <algorithm>

#include "returns/annex_a_lists.h"

namespace journey::returns::annex_a {
namespace {

bool ShortBreak(const Record& e) {
  const std::string ls = Str(e, "legal_status");
  return ls == "V3" || ls == "V4";
}

// The latest record of `kind` whose `field` is on or before D and that `keep` accepts.
template <typename F>
const Record* LatestBy(const std::vector<Record>& recs, std::string_view field, Date d, F keep) {
  const Record* best = nullptr;
  for (const Record& r : recs) {
    auto v = DayOf(r, field);
    if (!v || *v > d || !keep(r)) continue;
    auto b = best ? DayOf(*best, field) : std::nullopt;
    if (!best || *v > *b || (*v == *b && r.id > best->id)) best = &r;
  }
  return best;
}

}  // namespace

const Record* Lists::LatestEpisode(const ChildRecords& c) const {
  return LatestBy(c.of(Kind::kClaEpisode), "start_date", w.date,
                  [](const Record&) { return true; });
}

bool Lists::LookedAfterOn(const ChildRecords& c) const {
  const Record* e = LatestEpisode(c);
  if (!e || ShortBreak(*e) || !w.OpenOn(e->GetDate("end_date"))) return false;
  auto dob = c.of(Kind::kPerson).front().GetDate("birth_date");
  return !dob || AgeInYears(*dob, w.date) < 18;
}

void Lists::InCare(const ChildRecords& c) {
  // AA-L8-INC (List 8: "all children in care at the point of inspection, and all those who
  // ceased to be looked after in the six months before"; SSD: one row per child, short
  // breaks V1/V3/V4 left out): the child's latest episode begun by D, not under V3/V4,
  // open on D or ended in the window.
  const Record* ep = LatestEpisode(c);
  if (!ep || ShortBreak(*ep)) return;
  auto dec = ep->GetDate("end_date");
  const bool open = w.OpenOn(dec);
  if (!open && *dec < w.six) return;
  const auto period_id = ep->GetInt("cla_period_id");
  const Record* period = period_id ? c.Find(Kind::kClaPeriod, *period_id) : nullptr;
  const Date started = period ? *period->GetDate("start_date") : *ep->GetDate("start_date");
  auto in_period = [&](const Record& r) { return r.GetInt("cla_period_id") == period_id; };

  // Start of the current legal status: back through the period's episodes while the
  // legal status stays the same.
  std::vector<const Record*> eps;
  for (const Record& e : c.of(Kind::kClaEpisode))
    if (in_period(e) && e.GetDate("start_date") <= ep->GetDate("start_date")) eps.push_back(&e);
  std::sort(eps.begin(), eps.end(), [](const Record* a, const Record* b) {
    return std::pair(a->GetDate("start_date"), a->id) < std::pair(b->GetDate("start_date"), b->id);
  });
  const std::string ls = Str(*ep, "legal_status");
  std::optional<Date> ls_start = ep->GetDate("start_date");
  const Record* earliest = ep;
  for (auto it = eps.rbegin(); it != eps.rend() && Str(**it, "legal_status") == ls; ++it) {
    ls_start = (*it)->GetDate("start_date");
    earliest = *it;
  }
  // An episode loaded from a list stands for the period's earlier ones it lacks; the start
  // of its legal status is as stated.
  if (auto s = earliest->GetDate("stated_ls_start"); s && ls_start && *s > *ls_start) ls_start = s;
  // A second or later period within the last 12 months: another period, not of short
  // breaks, that began in the twelve months before this one (SSD script).
  bool second = false;
  for (const Record& p : c.of(Kind::kClaPeriod)) {
    auto s = p.GetDate("start_date");
    if (p.id == (period ? period->id : 0) || !s || *s >= started || *s < started.AddMonths(-12))
      continue;
    bool breaks = false;
    for (const Record& e : c.of(Kind::kClaEpisode))
      breaks |= e.GetInt("cla_period_id") == p.id && ShortBreak(e);
    second |= !breaks;
  }
  second |= StatedFlag(*ep, "stated_second_period", started.AddMonths(-12), ctx.horizon);
  const Record* placement = nullptr;
  if (auto id = ep->GetInt("placement_id")) placement = c.Find(Kind::kPlacement, *id);
  const std::optional<Date> pl_start =
      placement ? placement->GetDate("start_date") : ep->GetDate("start_date");
  const Record* review = LatestBy(c.of(Kind::kClaReview), "review_date", w.date, in_period);
  const Record* iro = LatestBy(c.of(Kind::kClaReview), "review_date", w.date, [&](const Record& r) {
    return in_period(r) && r.GetInt("iro_id").has_value();
  });
  // An IRO's visit a return stated (no reviewing officer named) counts when it is later.
  std::optional<Date> last_iro = iro ? iro->GetDate("review_date") : std::nullopt;
  if (auto s = ep->GetDate("stated_last_iro_visit");
      s && *s <= w.date && (!last_iro || *s > *last_iro))
    last_iro = s;
  const Record* sw_visit = LatestBy(c.of(Kind::kVisit), "visit_date", w.date, [&](const Record& v) {
    return Str(v, "visit_type") == "CLA" && v.GetDate("visit_date") >= pl_start;
  });
  const Record* plan = LatestBy(c.of(Kind::kCarePlan), "start_date", w.date, in_period);
  auto check = [&](std::initializer_list<std::string_view> types) {
    return LatestBy(c.of(Kind::kHealthAssessment), "assessment_date", w.date, [&](const Record& h) {
      const std::string t = Str(h, "assessment_type");
      return Str(h, "status") == "COMPLETED" && h.GetDate("assessment_date") >= started &&
             std::find(types.begin(), types.end(), t) != types.end();
    });
  };
  const Record* health = check({"INITIAL", "REVIEW"});
  const Record* dental = check({"DENTAL"});
  // Placements in the last 12 months: the child's placements begun by D and open at some
  // time in the twelve months before it; at least the current one.
  int64_t placements = 0;
  for (const Record& p : c.of(Kind::kPlacement))
    placements += w.Active(p.GetDate("start_date"), p.GetDate("end_date"), w.twelve);
  // Missing and absent: episodes that began in the last twelve months; the return
  // interview of the latest episode begun by D.
  int64_t missing = 0, absent = 0;
  for (const Record& m : c.of(Kind::kMissingEpisode)) {
    if (!w.Within(DayOf(m, "start_at"), w.twelve)) continue;
    (Str(m, "missing_type") == "M" ? missing : absent)++;
  }
  if (auto n = StatedInt(*ep, "stated_placements_12m", w.twelve, ctx.horizon)) placements = *n;
  if (auto n = StatedInt(*ep, "stated_missing_12m", w.twelve, ctx.horizon)) missing = *n;
  if (auto n = StatedInt(*ep, "stated_absent_12m", w.twelve, ctx.horizon)) absent = *n;
  const Record* last_missing =
      LatestBy(c.of(Kind::kMissingEpisode), "start_at", w.date, [](const Record&) { return true; });
  const Record* rhi = nullptr;
  if (last_missing)
    for (const Record& i : c.of(Kind::kReturnInterview))
      if (i.GetInt("missing_episode_id") == last_missing->id) rhi = &i;
  bool uasc = StatedFlag(*ep, "stated_uasc_12m", w.twelve, ctx.horizon);
  for (const Record& s : c.of(Kind::kImmigrationStatus))
    uasc |= Str(s, "status") == "UASC" &&
            w.Active(s.GetDate("start_date"), s.GetDate("end_date"), w.twelve);

  RowBuilder r = Row(8);
  Common(r, c);
  r.Label("uasc_12m", YesNo(uasc))
      .Day("cla_start", started)
      .Label("cla_need", Str(*ep, "cin"))
      .Label("cla_second", YesNo(second))
      .Day("ls_start", ls_start)
      .Label("legal_status", ls)
      .Day("last_review", review ? review->GetDate("review_date") : std::nullopt)
      .Day("last_sw_visit", sw_visit ? sw_visit->GetDate("visit_date") : std::nullopt)
      .Label("perm_plan", plan ? Str(*plan, "plan") : "")
      .Day("last_iro", last_iro)
      .Day("last_health", health ? health->GetDate("assessment_date") : std::nullopt)
      .Day("last_dental", dental ? dental->GetDate("assessment_date") : std::nullopt)
      .Int("placements_12m", std::max<int64_t>(placements, 1))
      .Day("cla_ceased", open ? std::nullopt : dec)
      .Label("reason_ceased", open ? "" : Str(*ep, "rec"))
      .Day("pl_start", pl_start)
      .Int("missing_12m", missing)
      .Int("absent_12m", absent);
  if (placement) {
    auto inside = placement->GetBool("inside_la");
    r.Label("pl_type", Str(*placement, "placement_type"))
        .Label("pl_provider", Str(*placement, "provider"))
        .Text("pl_postcode", Str(*placement, "postcode"))
        .Text("pl_urn", Str(*placement, "urn"))
        .Label("pl_location", inside ? (*inside ? "IN" : "OUT") : "")
        .Text("pl_la", Str(*placement, "placement_la"));
  }
  if (rhi) {
    r.Label("rhi_offered", YesNo(rhi->GetBool("offered").value_or(false)));
    const std::string acc = Str(*rhi, "accepted");
    if (acc == "Y" || acc == "N") r.Label("rhi_accepted", acc);
  } else if (auto offered = ep->GetBool("stated_rhi_offered");
             offered && ctx.horizon &&
             (!last_missing || *DayOf(*last_missing, "start_at") < *ctx.horizon)) {
    // The last missing episode lies before the horizon: the interview a return stated.
    r.Label("rhi_offered", YesNo(*offered)).Label("rhi_accepted", Str(*ep, "stated_rhi_accepted"));
  }
  Allocated(r, c, started, open ? w.date : *dec, nullptr);
  Add(8, r);
}

void Lists::CareLeavers(const ChildRecords& c) {
  // AA-L9-INC (List 9: "all those who have reached the threshold for receiving leaving
  // care services at the point of inspection: relevant, former relevant, qualifying and
  // eligible"): the latest circumstances recorded by D name one of those four, and the
  // young person is under 26 on D (leaving care duties run to 25: Children and Social
  // Work Act 2017 s3).
  const Record* st = LatestBy(c.of(Kind::kCareLeaverStatus), "status_date", w.date,
                              [](const Record&) { return true; });
  if (!st) return;
  const std::string elig = Str(*st, "eligibility");
  if (elig != "RELEVANT" && elig != "FORMER_RELEVANT" && elig != "QUALIFYING" && elig != "ELIGIBLE")
    return;
  auto dob = c.of(Kind::kPerson).front().GetDate("birth_date");
  if (dob && AgeInYears(*dob, w.date) >= 26) return;
  RowBuilder r = Row(9);
  Common(r, c);
  auto suitable = st->GetBool("accommodation_suitable");
  r.Label("eligibility", elig)
      .Label("in_touch", Str(*st, "in_touch"))
      .Label("accommodation", Str(*st, "accommodation"))
      .Label("suitability", suitable ? (*suitable ? "1" : "2") : "")
      .Label("activity", Str(*st, "activity"));
  // The personal adviser allocated on D, else the social worker.
  const bool pa = AllocationIn(c, w.date, w.date, "PA") != nullptr;
  Allocated(r, c, w.date, w.date, nullptr, pa ? "PA" : "SW");
  Add(9, r);
}

void Lists::Adoption(const ChildRecords& c) {
  // AA-L10-INC (List 10: "all those children who, in the 12 months before the inspection,
  // have been adopted, had the decision that they should be placed for adoption but have
  // not yet been adopted, or had an adoption decision reversed"): each decision made by D
  // whose adoption order or reversal is in the last twelve months, or that has neither by D.
  for (const Record& a : c.of(Kind::kAdoption)) {
    auto decided = a.GetDate("decision_date");
    if (!decided || *decided > w.date) continue;
    auto order = a.GetDate("order_date");
    auto reversed = a.GetDate("reversed_date");
    if (order && *order > w.date) order.reset();
    if (reversed && *reversed > w.date) reversed.reset();
    const bool in =
        (!order && !reversed) || w.Within(order, w.twelve) || w.Within(reversed, w.twelve);
    if (!in) continue;
    // Entered care: the start of the adoption's period of care, else of the latest period
    // begun by the decision.
    const Record* period = nullptr;
    if (auto id = a.GetInt("cla_period_id")) period = c.Find(Kind::kClaPeriod, *id);
    if (!period)
      period = LatestBy(c.of(Kind::kClaPeriod), "start_date", *decided,
                        [](const Record&) { return true; });
    // Placed for fostering for adoption or concurrent planning: the first U2 or U5
    // placement in that period.
    const Record* ffa = nullptr;
    if (period)
      for (const Record& p : c.of(Kind::kPlacement)) {
        const std::string t = Str(p, "placement_type");
        if (p.GetInt("cla_period_id") != period->id || (t != "U2" && t != "U5")) continue;
        if (p.GetDate("start_date") > w.date) continue;
        if (!ffa || p.GetDate("start_date") < ffa->GetDate("start_date")) ffa = &p;
      }
    std::string family;
    if (auto h = a.GetInt("household_id"))
      for (const Record& hh : ctx.households)
        if (hh.id == *h) family = Str(hh, "family_ref");
    auto upto = [&](std::string_view f) {
      auto d = a.GetDate(f);
      return d && *d <= w.date ? d : std::nullopt;
    };
    RowBuilder r = Row(10);
    Common(r, c);
    r.Text("family_id", family)
        .Day("entered_care", period ? period->GetDate("start_date") : std::nullopt)
        .Day("adm_decision", decided)
        .Day("placement_order", upto("placement_order_date"))
        .Day("matched", upto("match_date"))
        .Day("placed", upto("placed_date"))
        .Day("adoption_order", order)
        .Day("reversed", reversed)
        .Label("reversed_reason", reversed ? Str(a, "reversed_reason") : "")
        .Day("ffa_placed", ffa ? ffa->GetDate("start_date") : std::nullopt);
    Add(10, r);
  }
}

void Lists::Adopters() {
  // AA-L11-INC (List 11: "all those individuals who in the 12 months before the
  // inspection have had contact with the local authority adoption agency"): a household
  // that enquired by D and either is still in the process on D (not withdrawn, no adoption
  // order) or had any step of it in the last twelve months. One row per adopter
  // (NB_ADOPTR), "<family>-1", "<family>-2"; gender from SEX_ADOPTR.
  for (const Record& h : ctx.households) {
    auto enquiry = h.GetDate("enquiry_date");
    if (!enquiry || *enquiry > w.date) continue;
    auto upto = [&](std::optional<Date> d) { return d && *d <= w.date ? d : std::nullopt; };
    auto withdrawn = upto(h.GetDate("withdrawn_date"));
    std::optional<Date> matched, placed, order, last = enquiry;
    int64_t children = 0;
    bool ffa = false;
    auto later = [&](std::optional<Date> d) {
      if (d && (!last || *d > *last)) last = d;
    };
    static const std::vector<Record> kNone;
    auto it = ctx.household_adoptions.find(h.id);
    for (const Record& a : it == ctx.household_adoptions.end() ? kNone : it->second) {
      auto m = upto(a.GetDate("match_date"));
      auto p = upto(a.GetDate("placed_date"));
      auto o = upto(a.GetDate("order_date"));
      if (m && (!matched || *m < *matched)) matched = m;
      if (p && (!placed || *p < *placed)) placed = p;
      if (o && (!order || *o > *order)) order = o;
      children += p.has_value();
      ffa |= a.GetBool("fostering_to_adopt").value_or(false);
      later(m), later(p), later(o);
    }
    for (const char* f : {"stage1_date", "stage2_date", "approval_date"}) later(upto(h.GetDate(f)));
    later(withdrawn);
    const bool in_process = !withdrawn && !order;
    if (!in_process && *last < w.twelve) continue;
    const std::string sex = Str(h, "sex_adoptr");
    std::vector<std::string> genders;
    if (sex == "M1")
      genders = {"M"};
    else if (sex == "F1")
      genders = {"F"};
    else if (sex == "MM")
      genders = {"M", "M"};
    else if (sex == "FF")
      genders = {"F", "F"};
    else if (sex == "MF")
      genders = {"M", "F"};
    else
      genders.assign(static_cast<size_t>(h.GetInt("number_adopters").value_or(1)), "U");
    for (size_t i = 0; i < genders.size(); ++i) {
      RowBuilder r = Row(11);
      const std::string family = Str(h, "family_ref");
      // Ethnicity and disability of each adopter are not on the record: NOBT ("information
      // not yet obtained") and "c) Unknown" say so rather than guess.
      r.Text("adopter_id", family + "-" + std::to_string(i + 1))
          .Text("family_id", family)
          .Label("adopter_gender", genders[i])
          .Label("adopter_ethnicity", "NOBT")
          .Label("adopter_disability", "U")
          .Label("adopter_ffa", YesNo(ffa))
          .Day("enquiry", enquiry)
          .Day("stage1_start", upto(h.GetDate("stage1_date")))
          .Day("stage2_start", upto(h.GetDate("stage2_date")))
          .Day("approved", upto(h.GetDate("approval_date")))
          .Day("adopter_matched", matched)
          .Day("adopter_placed", placed)
          .Int("children_placed", children ? std::optional<int64_t>(children) : std::nullopt)
          .Day("adopter_order", order)
          .Day("left", withdrawn);
      Add(11, r);
    }
  }
}

}  // namespace journey::returns::annex_a
