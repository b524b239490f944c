// The timescale rules of the front door, protection and around the journey, one function
// per family, and the entry points. What each counts from, what meets it and when it ends
// is written in docs/TIMESCALES.md; the rule's source is in timescales.cc's table. The
// looked-after and care-leaver rules are in rules_care.cc.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "engine/rules_eval.h"
#include "model/statutory.h"

namespace journey::engine {
namespace rules_internal {

// ---- front door ----
void Eval::FrontDoor() {
  const KindTable& ref = T(K::kReferral);
  for (uint32_t i = R(K::kReferral).begin; i < R(K::kReferral).end; ++i) {
    // Received date-time when recorded, else the referral date.
    int32_t received = DayOf(ref.Minutes(f_.ref_received, i));
    if (received == kNoDay) received = ref.Day(f_.ref_date, i);
    Emit(Rule::kReferralDecision, K::kReferral, ref.id(i), received, Wd(received, 1),
         DayOf(ref.Minutes(f_.ref_decision, i)), kNoDay);
  }
  const KindTable& as = T(K::kAssessment);
  for (uint32_t i = R(K::kAssessment).begin; i < R(K::kAssessment).end; ++i) {
    int32_t start = as.Day(f_.as_start, i), end = kNoDay;
    const int32_t referral = as.Ref(f_.as_ref, i);
    for (uint32_t j = R(K::kReferral).begin; referral && j < R(K::kReferral).end; ++j) {
      if (ref.id(j) != referral) continue;
      if (cfg_.assessment_from_referral) start = ref.Day(f_.ref_date, j);
      end = ref.Day(f_.ref_closed, j);
    }
    Emit(Rule::kAssessment, K::kAssessment, as.id(i), start, Wd(start, 45), as.Day(f_.as_auth, i),
         end);
  }
}

// ---- protection and children in need ----
void Eval::Protection() {
  const KindTable& s47 = T(K::kSection47Enquiry);
  const KindTable& sd = T(K::kStrategyDiscussion);
  const KindTable& cc = T(K::kCpConference);
  for (uint32_t i = R(K::kSection47Enquiry).begin; i < R(K::kSection47Enquiry).end; ++i) {
    if (s47.IsTrue(f_.s47_not_required, i)) continue;
    // Counted from the discussion that began the enquiry (model/statutory.h, shared with
    // the CIN census's InitialCPCtarget).
    int32_t start = s47.Day(f_.s47_start, i);
    const int32_t disc = s47.Ref(f_.s47_sd, i);
    std::optional<Date> discussion;
    for (uint32_t j = R(K::kStrategyDiscussion).begin; disc && j < R(K::kStrategyDiscussion).end;
         ++j)
      if (sd.id(j) == disc && sd.Day(f_.sd_date, j) != kNoDay)
        discussion = Date::FromDays(sd.Day(f_.sd_date, j));
    if (start != kNoDay || discussion)
      start = model::InitialConferenceCountsFrom(Date::FromDays(start), discussion).days();
    // Met by the initial conference for this enquiry; failing a link, the child's first
    // initial conference on or after the discussion.
    int32_t met = kNoDay;
    for (uint32_t j = R(K::kCpConference).begin; j < R(K::kCpConference).end; ++j) {
      if (cc.Code(f_.cc_type, j) != c_.initial) continue;
      const int32_t linked = cc.Ref(f_.cc_s47, j), d = cc.Day(f_.cc_date, j);
      if (linked == s47.id(i) || (linked == 0 && d >= start)) {
        met = d;
        break;
      }
    }
    // An enquiry that ended with an outcome other than a conference ends the duty.
    const uint16_t outcome = s47.Code(f_.s47_outcome, i);
    const int32_t end = outcome != 0 && outcome != c_.s47_icpc ? s47.Day(f_.s47_end, i) : kNoDay;
    int32_t due = kNoDay;
    if (start != kNoDay)
      if (Result<Date> d = model::InitialConferenceDue(Date::FromDays(start), ts_.calendar()))
        due = d->days();
    Emit(Rule::kInitialConference, K::kSection47Enquiry, s47.id(i), start, due, met, end);
  }

  const KindTable& cp = T(K::kCpPlan);
  const KindTable& cg = T(K::kCoreGroup);
  const KindTable& vis = T(K::kVisit);
  const int32_t birth = Birth();
  for (uint32_t i = R(K::kCpPlan).begin; i < R(K::kCpPlan).end; ++i) {
    const int32_t id = cp.id(i), plan_start = cp.Day(f_.cp_start, i), end = cp.Day(f_.cp_end, i);
    int32_t icpc = plan_start;
    const int32_t icpc_id = cp.Ref(f_.cp_icpc, i);
    for (uint32_t j = R(K::kCpConference).begin; icpc_id && j < R(K::kCpConference).end; ++j)
      if (cc.id(j) == icpc_id) icpc = cc.Day(f_.cc_date, j);

    int32_t first_cg = kNoDay;
    for (uint32_t j = R(K::kCoreGroup).begin; j < R(K::kCoreGroup).end; ++j) {
      const int32_t d = cg.Day(f_.cg_date, j);
      if (cg.Ref(f_.cg_plan, j) == id && d >= icpc) {
        first_cg = d;
        break;
      }
    }
    Emit(Rule::kFirstCoreGroup, K::kCpPlan, id, icpc, Wd(icpc, 10), first_cg, end);

    events_.clear();
    for (uint32_t j = R(K::kCpConference).begin; j < R(K::kCpConference).end; ++j) {
      if (cc.Code(f_.cc_type, j) != c_.review) continue;
      const int32_t plan = cc.Ref(f_.cc_plan, j), d = cc.Day(f_.cc_date, j);
      if (plan == id || (plan == 0 && Within(d, plan_start, end))) events_.push_back(d);
    }
    int32_t first_review = AddMonths(icpc, 3);
    // Unborn at the conference and born by the as-at date (a birth not yet happened is
    // not known as at then).
    if (cfg_.cp_review_unborn_birth_rule && birth != kNoDay && birth > icpc && birth <= as_at_)
      first_review = std::min(first_review, Wd(birth, 10));
    Chain(Rule::kCpReview, K::kCpPlan, id, icpc, first_review, end,
          [](int32_t e) { return AddMonths(e, 6); });

    events_.clear();
    for (uint32_t j = R(K::kVisit).begin; j < R(K::kVisit).end; ++j) {
      const int32_t d = vis.Day(f_.v_date, j);
      if (vis.Code(f_.v_type, j) == c_.visit_cp && vis.Bool(f_.v_seen, j) != 0 &&
          Within(d, plan_start, end))
        events_.push_back(d);
    }
    const int n = cfg_.cp_visit_working_days;
    Chain(Rule::kCpVisit, K::kCpPlan, id, plan_start, Wd(plan_start, n), end,
          [&](int32_t e) { return Wd(e, n); });
  }

  const KindTable& cin = T(K::kCinPlan);
  for (uint32_t i = R(K::kCinPlan).begin; i < R(K::kCinPlan).end; ++i) {
    const int32_t start = cin.Day(f_.cin_start, i), end = cin.Day(f_.cin_end, i);
    events_.clear();
    for (uint32_t j = R(K::kVisit).begin; j < R(K::kVisit).end; ++j) {
      const int32_t d = vis.Day(f_.v_date, j);
      if (vis.Code(f_.v_type, j) == c_.visit_cin && vis.Bool(f_.v_seen, j) != 0 &&
          Within(d, start, end))
        events_.push_back(d);
    }
    const int n = cfg_.cin_visit_working_days;
    Chain(Rule::kCinVisit, K::kCinPlan, cin.id(i), start, Wd(start, n), end,
          [&](int32_t e) { return Wd(e, n); });
  }
}

// ---- missing, court, adoption, private fostering, complaints ----
void Eval::Around() {
  const KindTable& me = T(K::kMissingEpisode);
  const KindTable& ri = T(K::kReturnInterview);
  for (uint32_t i = R(K::kMissingEpisode).begin; i < R(K::kMissingEpisode).end; ++i) {
    const int32_t back = me.Minutes(f_.me_end, i);
    if (back == kNoInt) continue;  // still missing: the clock starts on return
    int32_t met = kNoDay;
    for (uint32_t j = R(K::kReturnInterview).begin; j < R(K::kReturnInterview).end; ++j) {
      if (ri.Ref(f_.ri_episode, j) != me.id(i)) continue;
      // Held, or offered and declined (the duty is to offer).
      int32_t d = DayOf(ri.Minutes(f_.ri_completed, j));
      if (d == kNoDay && ri.Code(f_.ri_accepted, j) == c_.rhi_declined)
        d = DayOf(ri.Minutes(f_.ri_offered_at, j));
      if (d != kNoDay && (met == kNoDay || d < met)) met = d;
    }
    Emit(Rule::kReturnInterview, K::kMissingEpisode, me.id(i), DayOf(back),
         DayOf(back + cfg_.return_interview_hours * 60), met, kNoDay);
  }

  const KindTable& pr = T(K::kCareProceedings);
  for (uint32_t i = R(K::kCareProceedings).begin; i < R(K::kCareProceedings).end; ++i) {
    const int32_t issue = pr.Day(f_.pr_issue, i);
    Emit(Rule::kCareProceedings, K::kCareProceedings, pr.id(i), issue, issue + 26 * 7,
         pr.Day(f_.pr_final, i), kNoDay);
  }

  const KindTable& ad = T(K::kAdoption);
  const KindTable& per = T(K::kClaPeriod);
  for (uint32_t i = R(K::kAdoption).begin; i < R(K::kAdoption).end; ++i) {
    const int32_t reversed = ad.Day(f_.ad_reversed, i), period = ad.Ref(f_.ad_period, i);
    int32_t entered = kNoDay;
    for (uint32_t j = R(K::kClaPeriod).begin; period && j < R(K::kClaPeriod).end; ++j)
      if (per.id(j) == period) entered = per.Day(f_.per_start, j);
    Emit(Rule::kAdoptionA1, K::kAdoption, ad.id(i), entered,
         entered == kNoDay ? kNoDay : entered + 426, ad.Day(f_.ad_placed, i), reversed);
    const int32_t order = ad.Day(f_.ad_order, i);
    Emit(Rule::kAdoptionA2, K::kAdoption, ad.id(i), order, order == kNoDay ? kNoDay : order + 121,
         ad.Day(f_.ad_match, i), reversed);
  }

  const KindTable& pf = T(K::kPrivateFostering);
  const KindTable& vis = T(K::kVisit);
  for (uint32_t i = R(K::kPrivateFostering).begin; i < R(K::kPrivateFostering).end; ++i) {
    const int32_t start = pf.Day(f_.pf_notified, i), end = pf.Day(f_.pf_end, i);
    events_.clear();
    for (uint32_t j = R(K::kVisit).begin; j < R(K::kVisit).end; ++j) {
      const int32_t d = vis.Day(f_.v_date, j);
      if (vis.Code(f_.v_type, j) == c_.visit_pf && Within(d, start, end)) events_.push_back(d);
    }
    const int32_t year_on = AddMonths(start, 12);
    Chain(Rule::kPrivateFosteringVisit, K::kPrivateFostering, pf.id(i), start, Wd(start, 7), end,
          [&](int32_t e) { return e + (e < year_on ? 42 : 84); });
  }

  const KindTable& cs = T(K::kComplaintStage);
  for (uint32_t i = R(K::kComplaintStage).begin; i < R(K::kComplaintStage).end; ++i) {
    const int stage = cs.Int(f_.cs_stage, i);
    const int n = stage == 1 ? 10 : stage == 2 ? 25 : 30;
    const int32_t start = cs.Day(f_.cs_start, i);
    Emit(Rule::kComplaintStage, K::kComplaintStage, cs.id(i), start, Wd(start, n),
         cs.Day(f_.cs_responded, i), kNoDay);
  }
}

}  // namespace rules_internal

using rules_internal::Eval;
using rules_internal::F;
using rules_internal::Fields;
using K = Kind;

void Timescales::ForChild(const Projection& p, const ChildView& child, Date as_at,
                          std::vector<Obligation>* out, bool open_only, RuleSet rules) const {
  if (rules.empty()) return;
  Eval(*this, p, child, as_at, out, open_only, rules).Run();
}

// Supervision of each worker in post: every N working days (local) from their start, met
// by any supervision of them (of their practice or of one of their cases).
void Timescales::ForOrganisation(const Projection& p, Date as_at,
                                 std::vector<Obligation>* out) const {
  // Records about no child that carry a duty (an adult's complaint) follow the child rules.
  Eval(*this, p, p.View(0), as_at, out, false, RuleSet::All()).Run();
  const F& f = Fields();
  std::unordered_map<int32_t, std::vector<int32_t>> held;
  const KindTable& su = p.table(K::kSupervision);
  su.ForEachRun([&](int32_t, RowRange r) {
    for (uint32_t i = r.begin; i < r.end; ++i)
      held[su.Ref(f.su_worker, i)].push_back(su.Day(f.su_date, i));
  });
  const KindTable& w = p.table(K::kWorker);
  const int n = config_.supervision_working_days;
  const int32_t today = as_at.days();
  auto wd = [&](int32_t d) {
    Result<Date> r = calendar_->AddWorkingDays(Date::FromDays(d), n);
    return r ? r->days() : kNoDay;
  };
  const int32_t horizon = config_.horizon ? config_.horizon->days() : kNoDay;
  for (uint32_t i = w.RowsOf(0).begin; i < w.RowsOf(0).end; ++i) {
    const int32_t id = w.id(i), start = w.Day(f.w_start, i), end = w.Day(f.w_end, i);
    if (start == kNoDay || start > today || (end != kNoDay && end < today)) continue;
    std::vector<int32_t>& ev = held[id];
    std::sort(ev.begin(), ev.end());
    int32_t s = start, due = wd(start);
    Obligation o{0,  Rule::kSupervision, K::kWorker, id, 0, 0, kNoDay, kNoDay,
                 id, w.Ref(f.w_team, i)};
    for (int32_t e : ev) {
      if (e < s) continue;
      if (e > today || due == kNoDay) break;
      o.start = s, o.due = due, o.met = e;
      if (s >= horizon) out->push_back(o);  // before the horizon: outside the record
      s = e;
      due = wd(e);
    }
    if (due == kNoDay || s < horizon) continue;
    o.start = s, o.due = due, o.met = kNoDay;
    out->push_back(o);
  }
}

}  // namespace journey::engine
