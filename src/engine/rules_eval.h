// Internal to the engine: the evaluation of one child's record against the timescale
// rules (field indices, code values, the Eval class). The rules themselves are in
// rules.cc (front door, protection, around the journey) and rules_care.cc (looked after,
// care leavers); timescales.h is the interface.
#pragma once

#include <algorithm>
#include <vector>

#include "engine/timescales.h"
#include "model/kinds.h"

namespace journey::engine::rules_internal {

using K = Kind;

// Field indices and code values, resolved once.
struct F {
  static int Of(K k, std::string_view f) { return model::FieldOf(k, f); }
  int birth = Of(K::kPerson, "birth_date");
  int al_worker = Of(K::kAllocation, "worker_id"), al_team = Of(K::kAllocation, "team_id"),
      al_role = Of(K::kAllocation, "role"), al_start = Of(K::kAllocation, "start_date"),
      al_end = Of(K::kAllocation, "end_date");
  int ref_date = Of(K::kReferral, "referral_date"), ref_received = Of(K::kReferral, "received_at"),
      ref_decision = Of(K::kReferral, "decision_at"), ref_closed = Of(K::kReferral, "closure_date");
  int as_ref = Of(K::kAssessment, "referral_id"), as_start = Of(K::kAssessment, "start_date"),
      as_auth = Of(K::kAssessment, "authorised_date");
  int sd_date = Of(K::kStrategyDiscussion, "discussion_date");
  int s47_sd = Of(K::kSection47Enquiry, "strategy_discussion_id"),
      s47_start = Of(K::kSection47Enquiry, "start_date"),
      s47_end = Of(K::kSection47Enquiry, "end_date"),
      s47_outcome = Of(K::kSection47Enquiry, "outcome"),
      s47_not_required = Of(K::kSection47Enquiry, "icpc_not_required");
  int cc_type = Of(K::kCpConference, "conference_type"), cc_s47 = Of(K::kCpConference, "s47_id"),
      cc_plan = Of(K::kCpConference, "cp_plan_id"),
      cc_date = Of(K::kCpConference, "conference_date");
  int cp_icpc = Of(K::kCpPlan, "icpc_id"), cp_start = Of(K::kCpPlan, "start_date"),
      cp_end = Of(K::kCpPlan, "end_date");
  int cg_plan = Of(K::kCoreGroup, "cp_plan_id"), cg_date = Of(K::kCoreGroup, "meeting_date");
  int cin_start = Of(K::kCinPlan, "start_date"), cin_end = Of(K::kCinPlan, "end_date");
  int v_type = Of(K::kVisit, "visit_type"), v_date = Of(K::kVisit, "visit_date"),
      v_seen = Of(K::kVisit, "seen");
  int per_start = Of(K::kClaPeriod, "start_date"), per_end = Of(K::kClaPeriod, "end_date");
  int pl_period = Of(K::kPlacement, "cla_period_id"), pl_start = Of(K::kPlacement, "start_date"),
      pl_end = Of(K::kPlacement, "end_date"), pl_long = Of(K::kPlacement, "long_term"),
      pl_type = Of(K::kPlacement, "placement_type");
  int ep_period = Of(K::kClaEpisode, "cla_period_id"), ep_start = Of(K::kClaEpisode, "start_date"),
      ep_end = Of(K::kClaEpisode, "end_date"), ep_status = Of(K::kClaEpisode, "legal_status");
  int cpl_period = Of(K::kCarePlan, "cla_period_id"), cpl_start = Of(K::kCarePlan, "start_date"),
      cpl_plan = Of(K::kCarePlan, "plan");
  int rv_period = Of(K::kClaReview, "cla_period_id"), rv_date = Of(K::kClaReview, "review_date");
  int ha_type = Of(K::kHealthAssessment, "assessment_type"),
      ha_date = Of(K::kHealthAssessment, "assessment_date");
  int pep_date = Of(K::kPep, "pep_date");
  int me_end = Of(K::kMissingEpisode, "end_at");
  int ri_episode = Of(K::kReturnInterview, "missing_episode_id"),
      ri_offered_at = Of(K::kReturnInterview, "offered_at"),
      ri_accepted = Of(K::kReturnInterview, "accepted"),
      ri_completed = Of(K::kReturnInterview, "completed_at");
  int pr_issue = Of(K::kCareProceedings, "issue_date"),
      pr_final = Of(K::kCareProceedings, "final_order_date");
  int ad_period = Of(K::kAdoption, "cla_period_id"),
      ad_order = Of(K::kAdoption, "placement_order_date"),
      ad_match = Of(K::kAdoption, "match_date"), ad_placed = Of(K::kAdoption, "placed_date"),
      ad_reversed = Of(K::kAdoption, "reversed_date");
  int pp_start = Of(K::kPathwayPlan, "start_date"), pp_end = Of(K::kPathwayPlan, "end_date");
  int ppr_plan = Of(K::kPathwayPlanReview, "pathway_plan_id"),
      ppr_date = Of(K::kPathwayPlanReview, "review_date");
  int pf_notified = Of(K::kPrivateFostering, "notification_date"),
      pf_end = Of(K::kPrivateFostering, "end_date");
  int cs_stage = Of(K::kComplaintStage, "stage"), cs_start = Of(K::kComplaintStage, "start_date"),
      cs_responded = Of(K::kComplaintStage, "responded_date");
  int w_start = Of(K::kWorker, "start_date"), w_end = Of(K::kWorker, "end_date"),
      w_team = Of(K::kWorker, "team_id");
  int su_worker = Of(K::kSupervision, "worker_id"),
      su_date = Of(K::kSupervision, "supervision_date");
};

inline const F& Fields() {
  static const F f;
  return f;
}

struct Codes {
  uint16_t role_sw, role_pa, initial, review, visit_cp, visit_cin, visit_cla, visit_pf, iha, rha,
      s47_icpc, rhi_declined;
  // Reg 28's special cases: legal statuses (903 LS), placement types (903 PLACE) and
  // permanence plans that change the visiting interval.
  uint16_t ls_ico, ls_care_order, ls_short_break_episodes, ls_short_break_agreement, at_home,
      lt_relative, lt_foster, plan_lt_foster, plan_lt_relative;
  explicit Codes(const Projection& p) {
    const F& f = Fields();
    auto c = [&](K k, int field, std::string_view code) {
      return p.table(k).CodeValue(field, code);
    };
    role_sw = c(K::kAllocation, f.al_role, "SW");
    role_pa = c(K::kAllocation, f.al_role, "PA");
    initial = c(K::kCpConference, f.cc_type, "INITIAL");
    review = c(K::kCpConference, f.cc_type, "REVIEW");
    visit_cp = c(K::kVisit, f.v_type, "CP");
    visit_cin = c(K::kVisit, f.v_type, "CIN");
    visit_cla = c(K::kVisit, f.v_type, "CLA");
    visit_pf = c(K::kVisit, f.v_type, "PRIVATE_FOSTERING");
    iha = c(K::kHealthAssessment, f.ha_type, "INITIAL");
    rha = c(K::kHealthAssessment, f.ha_type, "REVIEW");
    s47_icpc = c(K::kSection47Enquiry, f.s47_outcome, "ICPC");
    rhi_declined = c(K::kReturnInterview, f.ri_accepted, "N");
    ls_ico = c(K::kClaEpisode, f.ep_status, "C1");
    ls_care_order = c(K::kClaEpisode, f.ep_status, "C2");
    ls_short_break_episodes = c(K::kClaEpisode, f.ep_status, "V3");
    ls_short_break_agreement = c(K::kClaEpisode, f.ep_status, "V4");
    at_home = c(K::kPlacement, f.pl_type, "P1");
    lt_relative = c(K::kPlacement, f.pl_type, "U1");
    lt_foster = c(K::kPlacement, f.pl_type, "U4");
    plan_lt_foster = c(K::kCarePlan, f.cpl_plan, "LTFOST18");
    plan_lt_relative = c(K::kCarePlan, f.cpl_plan, "LTRELFR");
  }
};

inline const Codes& CodesOf(const Projection& p) {
  static const Codes c(p);  // the code lists are the same for every projection
  return c;
}

inline int32_t AddMonths(int32_t d, int n) { return Date::FromDays(d).AddMonths(n).days(); }
inline int32_t DayOf(int32_t minutes) {
  return minutes == kNoInt ? kNoDay : model::DateTime{minutes}.date().days();
}
// The earlier of two days, either of which may be kNoDay.
inline int32_t Earliest(int32_t a, int32_t b) {
  return a == kNoDay ? b : b == kNoDay ? a : std::min(a, b);
}
inline bool Within(int32_t d, int32_t start, int32_t end) {
  return d != kNoDay && d >= start && (end == kNoDay || d <= end);
}

// One child's evaluation: the rows, the as-at date, the responsible worker and the output.
class Eval {
 public:
  Eval(const Timescales& ts, const Projection& p, const ChildView& v, Date as_at,
       std::vector<Obligation>* out, bool open_only, RuleSet rules)
      : f_(Fields()),
        c_(CodesOf(p)),
        ts_(ts),
        cfg_(ts.config()),
        p_(p),
        v_(v),
        as_at_(as_at.days()),
        horizon_(ts.config().horizon ? ts.config().horizon->days() : kNoDay),
        out_(out),
        open_only_(open_only),
        rules_(rules) {
    FindResponsible();
  }

  // Each family runs only when one of its rules is asked for (Timescales::ForChild's
  // RuleSet); Emit drops the others' obligations.
  void Run() {
    using R = Rule;
    if (Any({R::kReferralDecision, R::kAssessment})) FrontDoor();
    if (Any({R::kInitialConference, R::kFirstCoreGroup, R::kCpReview, R::kCpVisit, R::kCinVisit}))
      Protection();
    if (Any({R::kCarePlan, R::kClaReview, R::kInitialHealth, R::kReviewHealth, R::kPepInitial,
             R::kPepReview, R::kClaVisit}))
      LookedAfter();
    if (Any({R::kNeedsAssessment16, R::kPathwayReview})) Leaving();
    if (Any({R::kReturnInterview, R::kCareProceedings, R::kAdoptionA1, R::kAdoptionA2,
             R::kPrivateFosteringVisit, R::kComplaintStage}))
      Around();
  }

 private:
  const KindTable& T(K k) const { return v_.table(k); }
  RowRange R(K k) const { return v_.of(k); }

  int32_t Wd(int32_t d, int n) const {
    if (d == kNoDay) return kNoDay;
    Result<Date> r = ts_.calendar().AddWorkingDays(Date::FromDays(d), n);
    return r ? r->days() : kNoDay;  // outside the calendar's years: no deadline is guessed
  }

  void FindResponsible() {
    // The allocation current on the as-at date: a social worker first, else a personal
    // adviser; when none is current the duty is unallocated (worker 0).
    const KindTable& a = T(K::kAllocation);
    int best_rank = 0;
    for (uint32_t i = R(K::kAllocation).begin; i < R(K::kAllocation).end; ++i) {
      if (!Within(as_at_, a.Day(f_.al_start, i), a.Day(f_.al_end, i))) continue;
      const uint16_t role = a.Code(f_.al_role, i);
      const int rank = role == c_.role_sw ? 3 : role == c_.role_pa ? 2 : 1;
      if (rank <= best_rank) continue;
      best_rank = rank;
      worker_ = a.Ref(f_.al_worker, i);
      team_ = a.Ref(f_.al_team, i);
    }
    if (worker_ && !team_) team_ = p_.WorkerTeam(worker_);
  }

  // Adds an obligation as at the as-at date (see timescales.h for the conventions).
  bool On(Rule r) const { return rules_.has(r); }
  bool Any(std::initializer_list<Rule> rs) const {
    for (Rule r : rs)
      if (On(r)) return true;
    return false;
  }

  void Emit(Rule r, K k, int32_t id, int32_t start, int32_t due, int32_t met, int32_t end) {
    if (!On(r) || start == kNoDay || start > as_at_ || due == kNoDay) return;
    if (start < horizon_) return;  // outside the record (TimescaleConfig::horizon)
    if (met != kNoDay && met > as_at_) met = kNoDay;
    int32_t closed = kNoDay;
    if (met == kNoDay && end != kNoDay && end <= as_at_) {
      if (end < due) return;  // the episode ended before the duty fell due
      closed = end;
    }
    if (open_only_ && (met != kNoDay || closed != kNoDay)) return;
    out_->push_back(Obligation{v_.child, r, k, id, start, due, met, closed, worker_, team_});
  }

  // A recurring duty: each event in `events` (ascending) meets the current obligation and
  // restarts the clock; next(event) gives the following due date.
  template <typename Next>
  void Chain(Rule r, K k, int32_t id, int32_t start, int32_t first_due, int32_t end, Next next) {
    std::sort(events_.begin(), events_.end());
    int32_t s = start, due = first_due;
    for (int32_t e : events_) {
      if (e < s) continue;
      if (e > as_at_ || due == kNoDay) break;
      Emit(r, k, id, s, due, e, kNoDay);
      s = e;
      due = next(e);
    }
    Emit(r, k, id, s, due, kNoDay, end);
  }

  void FrontDoor();
  void Protection();
  void LookedAfter();
  void ClaVisits(int32_t period, int32_t period_end);
  void ShortBreakVisits();
  bool ShortBreak(uint32_t placement_row) const;
  uint16_t LegalStatusOn(int32_t period, int32_t day) const;
  void Leaving();
  void Around();

  const F& f_;
  const Codes& c_;
  const Timescales& ts_;
  const TimescaleConfig& cfg_;
  const Projection& p_;
  const ChildView& v_;
  int32_t as_at_;
  int32_t horizon_;  // kNoDay (the least day) when the record has no horizon
  std::vector<Obligation>* out_;
  bool open_only_;  // a due list: met and lapsed obligations are not kept
  RuleSet rules_;   // the rules asked for: the others are not computed
  int32_t worker_ = 0, team_ = 0;
  std::vector<int32_t> events_;

 public:
  int32_t Birth() const {
    RowRange r = R(K::kPerson);
    return r.empty() ? kNoDay : T(K::kPerson).Day(f_.birth, r.begin);
  }
};

}  // namespace journey::engine::rules_internal
