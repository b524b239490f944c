// The knobs of the simulation: hazards, probabilities and durations. They are not the
// published figures themselves (those are the targets in rates.cc) but what makes the
// simulated journeys reproduce them; each was tuned by generating the default council and
// comparing `journey stats` with the targets. Durations are in days unless named otherwise.
#pragma once

namespace journey::synth {

struct Params {
  // ---- who comes to notice ----
  // Children differ in how likely their family is to need help: four tiers, each with a
  // yearly rate of contacts while no case is open, and a chance that a contact becomes a
  // referral. Most contacts come from a few families, as in every council's data.
  double tier_share[4] = {0.72, 0.21, 0.055, 0.015};
  double tier_contact_rate[4] = {0.036, 0.23, 0.8, 1.5};
  double tier_referral_chance[4] = {0.156, 0.355, 0.47, 0.57};
  // Multiplier on the contact rate by age band: unborn/under 1, 1-4, 5-9, 10-15, 16-17.
  double age_factor[5] = {2.2, 0.85, 0.85, 1.1, 0.95};
  // After a case closes, contacts are more likely for a year (re-referrals within 12 months).
  double recent_close_factor = 1.8;
  double existing_contact_rate = 2.2;  // contacts a year about a child whose case is open
  // Before birth: the chance of a referral, then of a strategy discussion, an initial
  // conference, and of the baby being looked after from birth.
  double prebirth_strategy = 0.6, prebirth_icpc = 0.6, prebirth_care_at_birth = 0.65,
         prebirth_assess_cla = 0.35;
  double prebirth_chance[4] = {0.0, 0.02, 0.3, 0.5};  // a referral before birth

  // ---- referral and assessment ----
  double referral_nfa = 0.07;     // no further action at the referral itself
  double decision_late = 0.08;    // referral decision after more than 1 working day
  double assessment_late = 0.17;  // over 45 working days from referral
  double strategy_chance[4] = {0.118, 0.25, 0.385, 0.47};  // strategy discussion on a referral
  double strategy_known = 0.68;  // ... for a child who has been on a plan before
  double strategy_to_s47 = 0.86;
  double s47_to_icpc = 0.39;
  double icpc_late = 0.22;  // over 15 working days after the strategy discussion
  double icpc_to_plan = 0.87;
  // Outcome of an assessment without a section 47 enquiry.
  double assess_nfa = 0.45, assess_eh = 0.17, assess_cin = 0.34, assess_cla = 0.012;

  // ---- plans ----
  double cin_plan_median = 260;  // days
  double cin_plan_sigma = 0.7;
  double cin_escalate = 0.05;   // a child in need plan ending in a section 47
  double cin_to_care = 0.018;   // ... or in the child being looked after
  double cp_plan_median = 205;  // days
  double cp_plan_sigma = 0.72;
  double cp_to_care = 0.135;  // plans ending with the child looked after
  double cp_step_down = 0.6;  // ended plans followed by a child in need plan
  double cp_review_late = 0.09;
  double core_group_late = 0.15;
  double visit_late = 0.18;  // a visit later than its interval
  double review_late = 0.1;  // looked-after and child in need reviews

  // ---- care ----
  double emergency_to_care = 0.016;    // a section 47 becoming care straight away
  double uasc_arrivals_per_10k = 3.4;  // a year
  double remand_chance = 0.02;         // a police referral of a 12-17 year old ending in remand
  double proceedings_median_weeks = 31;
  double placement_move_rate = 0.4;  // a year, outside long-term placements
  // The share of looked-after children of 13 or more who go missing in a year, by where
  // they live (children's home, foster care, elsewhere); at 11-12 less than half that.
  double missing_rate_resi = 0.4;
  double missing_rate_foster = 0.062;
  double missing_rate_other = 0.18;
  double missing_episodes_mean = 6.5;  // episodes a year for a child who goes missing
  double rhi_offered = 0.75;
  double rhi_in_72h = 0.61;     // of those offered
  double iha_late = 0.35;       // initial health assessment after 20 working days
  double mother_chance = 0.05;  // a young woman in or leaving care who has a baby
};

inline const Params& P() {
  static const Params p;
  return p;
}

}  // namespace journey::synth
