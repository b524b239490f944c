// The timescale rules, one function each. What each counts from, what meets it and when
// it ends is written in docs/TIMESCALES.md; the rule's source is in timescales.cc's table.
#include <algorithm>
#include <unordered_map>

#include "engine/timescales.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

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
      pl_end = Of(K::kPlacement, "end_date"), pl_long = Of(K::kPlacement, "long_term");
  int cpl_period = Of(K::kCarePlan, "cla_period_id"), cpl_start = Of(K::kCarePlan, "start_date");
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

const F& Fields() {
  static const F f;
  return f;
}

struct Codes {
  uint16_t role_sw, role_pa, initial, review, visit_cp, visit_cin, visit_cla, visit_pf, iha, rha,
      s47_icpc, rhi_declined;
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
  }
};

const Codes& CodesOf(const Projection& p) {
  static const Codes c(p);  // the code lists are the same for every projection
  return c;
}

int32_t AddMonths(int32_t d, int n) { return Date::FromDays(d).AddMonths(n).days(); }
int32_t DayOf(int32_t minutes) {
  return minutes == kNoInt ? kNoDay : model::DateTime{minutes}.date().days();
}
bool Within(int32_t d, int32_t start, int32_t end) {
  return d != kNoDay && d >= start && (end == kNoDay || d <= end);
}

// One child's evaluation: the rows, the as-at date, the responsible worker and the output.
class Eval {
 public:
  Eval(const Timescales& ts, const Projection& p, const ChildView& v, Date as_at,
       std::vector<Obligation>* out, bool open_only)
      : f_(Fields()),
        c_(CodesOf(p)),
        ts_(ts),
        cfg_(ts.config()),
        p_(p),
        v_(v),
        as_at_(as_at.days()),
        horizon_(ts.config().horizon ? ts.config().horizon->days() : kNoDay),
        out_(out),
        open_only_(open_only) {
    FindResponsible();
  }

  void Run() {
    FrontDoor();
    Protection();
    LookedAfter();
    Leaving();
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
  void Emit(Rule r, K k, int32_t id, int32_t start, int32_t due, int32_t met, int32_t end) {
    if (start == kNoDay || start > as_at_ || due == kNoDay) return;
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
  int32_t worker_ = 0, team_ = 0;
  std::vector<int32_t> events_;

 public:
  int32_t Birth() const {
    RowRange r = R(K::kPerson);
    return r.empty() ? kNoDay : T(K::kPerson).Day(f_.birth, r.begin);
  }
};

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
    int32_t start = s47.Day(f_.s47_start, i);
    const int32_t disc = s47.Ref(f_.s47_sd, i);
    for (uint32_t j = R(K::kStrategyDiscussion).begin; disc && j < R(K::kStrategyDiscussion).end;
         ++j)
      if (sd.id(j) == disc) start = sd.Day(f_.sd_date, j);
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
    Emit(Rule::kInitialConference, K::kSection47Enquiry, s47.id(i), start, Wd(start, 15), met, end);
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

// ---- looked after ----
void Eval::LookedAfter() {
  const KindTable& per = T(K::kClaPeriod);
  const KindTable& pl = T(K::kPlacement);
  const KindTable& cpl = T(K::kCarePlan);
  const KindTable& rv = T(K::kClaReview);
  const KindTable& ha = T(K::kHealthAssessment);
  const KindTable& pep = T(K::kPep);
  const KindTable& vis = T(K::kVisit);
  const int32_t birth = Birth();
  for (uint32_t i = R(K::kClaPeriod).begin; i < R(K::kClaPeriod).end; ++i) {
    const int32_t id = per.id(i), start = per.Day(f_.per_start, i), end = per.Day(f_.per_end, i);

    int32_t plan = kNoDay;
    for (uint32_t j = R(K::kCarePlan).begin; j < R(K::kCarePlan).end; ++j) {
      const int32_t d = cpl.Day(f_.cpl_start, j);
      if (cpl.Ref(f_.cpl_period, j) == id && (plan == kNoDay || d < plan)) plan = d;
    }
    Emit(Rule::kCarePlan, K::kClaPeriod, id, start, Wd(start, 10), plan, end);

    events_.clear();
    for (uint32_t j = R(K::kClaReview).begin; j < R(K::kClaReview).end; ++j)
      if (rv.Ref(f_.rv_period, j) == id) events_.push_back(rv.Day(f_.rv_date, j));
    // A period that began before the record's horizon: when its first review fell due
    // before the horizon, the first review on record is a later one (6 months to the next).
    int reviews = start < horizon_ && Wd(start, 20) < horizon_ ? 1 : 0;
    Chain(Rule::kClaReview, K::kClaPeriod, id, start, Wd(start, 20), end,
          [&](int32_t e) { return AddMonths(e, ++reviews == 1 ? 3 : 6); });

    // Health: the initial assessment, then reviews 6-monthly under 5 and yearly from 5
    // (age on the day of the last assessment; 6-monthly when the birth date is unknown).
    int32_t iha = kNoDay;
    events_.clear();
    for (uint32_t j = R(K::kHealthAssessment).begin; j < R(K::kHealthAssessment).end; ++j) {
      const int32_t d = ha.Day(f_.ha_date, j);
      if (!Within(d, start, end)) continue;
      const uint16_t type = ha.Code(f_.ha_type, j);
      if (type == c_.iha && iha == kNoDay)
        iha = d;
      else if (type == c_.rha)
        events_.push_back(d);
    }
    Emit(Rule::kInitialHealth, K::kClaPeriod, id, start, Wd(start, 20), iha, end);
    auto next_health = [&](int32_t e) {
      const bool under5 =
          birth == kNoDay || AgeInYears(Date::FromDays(birth), Date::FromDays(e)) < 5;
      return AddMonths(e, under5 ? 6 : 12);
    };
    if (iha == kNoDay && start < horizon_ && !events_.empty()) {
      // The initial assessment is before the record's horizon: the chain of reviews runs
      // from the first review on record.
      std::sort(events_.begin(), events_.end());
      iha = events_.front();
      events_.erase(events_.begin());
    }
    if (iha != kNoDay)
      Chain(Rule::kReviewHealth, K::kClaPeriod, id, iha, next_health(iha), end, next_health);

    // Education: children of the configured ages when they became looked after.
    const int age = birth == kNoDay ? -1 : AgeInYears(Date::FromDays(birth), Date::FromDays(start));
    if (age >= cfg_.pep_min_age && age <= cfg_.pep_max_age) {
      int32_t first = kNoDay;
      events_.clear();
      for (uint32_t j = R(K::kPep).begin; j < R(K::kPep).end; ++j) {
        const int32_t d = pep.Day(f_.pep_date, j);
        if (!Within(d, start, end)) continue;
        if (first == kNoDay)
          first = d;
        else
          events_.push_back(d);
      }
      Emit(Rule::kPepInitial, K::kClaPeriod, id, start, Wd(start, cfg_.pep_initial_working_days),
           first, end);
      const int m = cfg_.pep_review_months;
      if (first != kNoDay)
        Chain(Rule::kPepReview, K::kClaPeriod, id, first, AddMonths(first, m), end,
              [&](int32_t e) { return AddMonths(e, m); });
    }

    // Statutory visits, placement by placement (reg 28): within a week of the start, then
    // 6-weekly in the placement's first year, then 3-monthly if it is long-term.
    for (uint32_t j = R(K::kPlacement).begin; j < R(K::kPlacement).end; ++j) {
      if (pl.Ref(f_.pl_period, j) != id) continue;
      const int32_t ps = pl.Day(f_.pl_start, j);
      int32_t pe = pl.Day(f_.pl_end, j);
      if (pe == kNoDay) pe = end;
      events_.clear();
      for (uint32_t k = R(K::kVisit).begin; k < R(K::kVisit).end; ++k) {
        const int32_t d = vis.Day(f_.v_date, k);
        if (vis.Code(f_.v_type, k) == c_.visit_cla && vis.Bool(f_.v_seen, k) != 0 &&
            Within(d, ps, pe))
          events_.push_back(d);
      }
      const bool long_term = pl.IsTrue(f_.pl_long, j);
      const int32_t year_on = AddMonths(ps, 12);
      Chain(Rule::kClaVisit, K::kPlacement, pl.id(j), ps, ps + 7, pe,
            [&](int32_t e) { return long_term && e >= year_on ? AddMonths(e, 3) : e + 42; });
    }
  }
}

// ---- care leavers ----
void Eval::Leaving() {
  const int32_t birth = Birth();
  const KindTable& per = T(K::kClaPeriod);
  const KindTable& pp = T(K::kPathwayPlan);
  if (birth != kNoDay) {
    const int32_t sixteen = AddMonths(birth, 16 * 12);
    for (uint32_t i = R(K::kClaPeriod).begin; i < R(K::kClaPeriod).end; ++i) {
      if (!Within(sixteen, per.Day(f_.per_start, i), per.Day(f_.per_end, i))) continue;
      int32_t met = kNoDay;
      for (uint32_t j = R(K::kPathwayPlan).begin; j < R(K::kPathwayPlan).end; ++j)
        if (met == kNoDay || pp.Day(f_.pp_start, j) < met) met = pp.Day(f_.pp_start, j);
      Emit(Rule::kNeedsAssessment16, K::kClaPeriod, per.id(i), sixteen, AddMonths(sixteen, 3), met,
           kNoDay);
    }
  }
  const KindTable& ppr = T(K::kPathwayPlanReview);
  for (uint32_t i = R(K::kPathwayPlan).begin; i < R(K::kPathwayPlan).end; ++i) {
    const int32_t start = pp.Day(f_.pp_start, i);
    events_.clear();
    for (uint32_t j = R(K::kPathwayPlanReview).begin; j < R(K::kPathwayPlanReview).end; ++j)
      if (ppr.Ref(f_.ppr_plan, j) == pp.id(i)) events_.push_back(ppr.Day(f_.ppr_date, j));
    Chain(Rule::kPathwayReview, K::kPathwayPlan, pp.id(i), start, AddMonths(start, 6),
          pp.Day(f_.pp_end, i), [](int32_t e) { return AddMonths(e, 6); });
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

}  // namespace

void Timescales::ForChild(const Projection& p, const ChildView& child, Date as_at,
                          std::vector<Obligation>* out, bool open_only) const {
  Eval(*this, p, child, as_at, out, open_only).Run();
}

// Supervision of each worker in post: every N working days (local) from their start, met
// by any supervision of them (of their practice or of one of their cases).
void Timescales::ForOrganisation(const Projection& p, Date as_at,
                                 std::vector<Obligation>* out) const {
  // Records about no child that carry a duty (an adult's complaint) follow the child rules.
  Eval(*this, p, p.View(0), as_at, out, false).Run();
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
