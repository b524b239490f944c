// From referral to the end of a case: assessment, strategy discussion, section 47 enquiry,
// conferences, protection and child in need plans, and early help.
#include <algorithm>

#include "synth/life.h"

namespace journey::synth {
namespace {

// CIN census primary need at referral, roughly as published (N1 abuse or neglect ~57%).
constexpr Weighted kNeed[] = {{"N1", 57}, {"N2", 6},   {"N3", 3}, {"N4", 15}, {"N5", 8},
                              {"N6", 2},  {"N7", 0.5}, {"N8", 3}, {"N0", 5.5}};
// Factors identified at the end of assessments (CIN census 2023-24: domestic abuse and
// parental mental health are the commonest).
constexpr Weighted kFactors[] = {{"3B", 30},  {"3A", 10},   {"3C", 4},    {"4B", 28},   {"4A", 8},
                                 {"4C", 3},   {"2B", 14},   {"2C", 3},    {"1B", 11},   {"1C", 3},
                                 {"16A", 16}, {"17A", 15},  {"18C", 7},   {"18B", 2},   {"19C", 4},
                                 {"19B", 2},  {"5B", 4},    {"6B", 5},    {"6A", 3},    {"7A", 2},
                                 {"14A", 4},  {"15A", 4},   {"10A", 3},   {"11A", 3},   {"24A", 3},
                                 {"13A", 1},  {"12A", 0.5}, {"22A", 0.3}, {"23A", 0.3}, {"20", 6}};

std::string_view Participation(Rng& rng, int age) {
  if (age < 4) return "PN0";
  return rng.Pick(
      {{"PN1", 35}, {"PN2", 10}, {"PN3", 6}, {"PN4", 6}, {"PN5", 15}, {"PN6", 13}, {"PN7", 15}});
}

}  // namespace

std::string_view Life::PrimaryNeed() {
  if (arrival_) return "N8";
  if (disabled_ && rng_.Chance(0.7)) return "N2";
  return rng_.Pick(kNeed);
}

Date Life::Involvement(Date day, int64_t contact_id, std::string_view source, Entry entry) {
  const auto marks = Marks();
  phases_.clear();
  closure_ = "RC7";
  const bool prebirth = entry == Entry::kPrebirth && day < birth_;
  Rec ref = b().Add(Kind::kReferral);
  const int64_t ref_id = ref.id();
  const int received = rng_.Between(8 * 60, 16 * 60);
  Date decided = day;
  int decided_min = received + rng_.Between(30, 400);
  if (decided_min >= 24 * 60 || rng_.Chance(P().decision_late)) {
    decided = AddWd(day, rng_.Chance(P().decision_late) ? rng_.Between(2, 5) : 1);
    decided_min = rng_.Between(9 * 60, 17 * 60);
  }
  ref.Day(SF(Referral, referral_date), day)
      .At(SF(Referral, received_at), At(day, received))
      .At(SF(Referral, decision_at), At(decided, decided_min))
      .Code(SF(Referral, source), source)
      .Code(SF(Referral, primary_need), PrimaryNeed())
      .Flag(SF(Referral, nfa), false);
  if (contact_id) ref.Ref(SF(Referral, contact_id), contact_id);
  if (!has_disability_record_ && !prebirth) {
    has_disability_record_ = true;
    if (!disabled_) {
      b().Add(Kind::kDisability)
          .Code(SF(Disability, disability), "NONE")
          .Day(SF(Disability, recorded_date), day);
    } else {
      const int n = rng_.Between(1, 2);
      std::string_view first;
      for (int i = 0; i < n; ++i) {
        std::string_view code = rng_.Pick({{"LD", 30},
                                           {"AUT", 30},
                                           {"COMM", 12},
                                           {"MOB", 8},
                                           {"BEH", 10},
                                           {"PC", 4},
                                           {"HEAR", 2},
                                           {"VIS", 2},
                                           {"CON", 2}});
        if (code == first) continue;
        first = code;
        b().Add(Kind::kDisability)
            .Code(SF(Disability, disability), code)
            .Day(SF(Disability, recorded_date), day);
      }
    }
  }
  phases_.push_back({disabled_ ? Service::kDisability : Service::kAssessment, day});
  Date end = day;
  bool nfa = false;
  if (entry == Entry::kNormal && rng_.Chance(P().referral_nfa)) {
    nfa = true;
    // No further action at the referral, before any assessment: RC7 ("services ceased for
    // any other reason"). RC8 means closed *after assessment* and, without one, is
    // queried by CIN rule 8825Q (DATA-SPECS.md, CIN ReasonForClosure code list).
    closure_ = "RC7";
    ref.Flag(SF(Referral, nfa), true);
  } else if (source == "6" && Age(day) >= 12 && tier_ >= 2 && rng_.Chance(P().remand_chance)) {
    // Remanded to local authority accommodation (903 legal status J1).
    Assessment(ref_id, day, false, "CLA");
    end = Care(day, CareRoute::kRemand);
  } else if (entry == Entry::kArrival || entry == Entry::kHomeless) {
    Assessment(ref_id, day, false, "CLA");
    end =
        Care(day, entry == Entry::kArrival ? CareRoute::kUnaccompanied : CareRoute::kAccommodated);
  } else if (rng_.Chance(prebirth ? P().prebirth_strategy
                                  : std::max(P().strategy_chance[tier_],
                                             cp_plans_ > 0 ? P().strategy_known : 0.0))) {
    const Date sd = AddWd(day, rng_.PickIndex({45, 30, 15, 10}));
    const Date assessed = Assessment(ref_id, day, prebirth, "S47");
    closure_ = "RC8";
    end = Max(assessed, Protection(ref_id, sd, 0));
  } else {
    const double cla =
        prebirth ? P().prebirth_assess_cla : P().assess_cla * (Age(day) >= 13 ? 2.2 : 1.0);
    const size_t o = rng_.PickIndex({P().assess_nfa, P().assess_eh, P().assess_cin, cla, 0.01});
    static constexpr std::string_view kOutcome[] = {"NFA", "EH", "CIN", "CLA", "OTHER"};
    const Date assessed = Assessment(ref_id, day, prebirth, kOutcome[o]);
    end = assessed;
    if (o == 0 || o == 4) {
      closure_ = "RC8";
    } else if (o == 1) {
      closure_ = "RC9";
      bool step_up = false;
      if (assessed > birth_) EarlyHelp(assessed.AddDays(rng_.Between(3, 15)), &step_up);
    } else if (o == 2) {
      end = CinPlan(ref_id, NextWorkingDay(assessed.AddDays(rng_.Between(0, 10))), 0);
    } else {
      end = Care(Max(assessed, birth_.AddDays(rng_.Between(0, 5))), CareRoute::kAccommodated);
    }
  }
  ref.Day(SF(Referral, closure_date), end).Code(SF(Referral, closure_reason), closure_);
  if (!nfa) ExistingContacts(Max(day, birth_), end);
  last_closed_ = end;
  std::vector<Assigned> sw;
  if (!nfa) Allocations(phases_, end, "SW", &sw);
  AssignWorkers(marks, sw);
  if (!nfa) CaseWork(sw, day, end);
  return end.AddDays(1);
}

// A child and family assessment, authorised within 45 working days of the referral in most
// cases (DfE 2023-24: 82.8%) and later in the rest.
Date Life::Assessment(int64_t referral, Date referral_date, bool prebirth,
                      std::string_view outcome) {
  const Date start = AddWd(referral_date, static_cast<int>(rng_.PickIndex({35, 35, 15, 10, 5})));
  const bool late = rng_.Chance(P().assessment_late);
  int wd = late ? rng_.Between(46, 100) : std::min(45, 5 + static_cast<int>(rng_.Exponential(18)));
  if (outcome == "CLA" || outcome == "S47") wd = std::max(wd, 10);
  const Date authorised = AddWd(referral_date, std::max(wd, WdBetween(referral_date, start) + 3));
  // Long before the history nothing of it is kept: do not make it.
  if (authorised < c_.history_start) return authorised;
  Rec a = b().Add(Kind::kAssessment);
  a.Ref(SF(Assessment, referral_id), referral)
      .Day(SF(Assessment, start_date), start)
      .Day(SF(Assessment, authorised_date), authorised)
      .Code(SF(Assessment, outcome), outcome)
      .Flag(SF(Assessment, pre_birth), prebirth);
  const bool seen = !prebirth && authorised >= birth_ && rng_.Chance(0.95);
  a.Flag(SF(Assessment, child_seen), seen);
  if (seen) {
    const Date seen_day = Max(birth_, AddWd(start, rng_.Between(0, 7)));
    if (seen_day <= authorised) a.Day(SF(Assessment, child_seen_date), seen_day);
  }
  if (rng_.Chance(0.7)) {
    const Date review = AddWd(start, WdBetween(start, authorised) / 2);
    if (review >= start) a.Day(SF(Assessment, internal_review_date), review);
  }
  Factors(a, outcome == "S47");
  return authorised;
}

void Life::Factors(const Rec& assessment, bool protection) {
  if (arrival_) {
    b().Add(Kind::kAssessmentFactor)
        .Ref(SF(AssessmentFactor, assessment_id), assessment.id())
        .Code(SF(AssessmentFactor, factor), "9A");
    return;
  }
  if (!protection && rng_.Chance(0.08)) {
    b().Add(Kind::kAssessmentFactor)
        .Ref(SF(AssessmentFactor, assessment_id), assessment.id())
        .Code(SF(AssessmentFactor, factor), "21");
    return;
  }
  const int n = 1 + rng_.Poisson(protection ? 1.6 : 0.9);
  std::string_view seen[6];
  int count = 0;
  for (int i = 0; i < n && count < 6; ++i) {
    std::string_view f = rng_.Pick(kFactors);
    if (std::find(seen, seen + count, f) != seen + count) continue;
    seen[count++] = f;
    b().Add(Kind::kAssessmentFactor)
        .Ref(SF(AssessmentFactor, assessment_id), assessment.id())
        .Code(SF(AssessmentFactor, factor), f);
  }
}

// Strategy discussion, section 47 enquiry and, for about 38% of enquiries, an initial
// conference: within 15 working days of the discussion in about 78% of cases.
Date Life::Protection(int64_t referral, Date sd, int depth) {
  // Records wholly before the history are not made (nothing of them would be kept);
  // those that refer to them then refer to nothing.
  const bool s47 = rng_.Chance(P().strategy_to_s47);
  Rec s = Recorded(sd) ? b().Add(Kind::kStrategyDiscussion) : Rec();
  if (s.valid())
    s.Ref(SF(StrategyDiscussion, referral_id), referral)
        .Day(SF(StrategyDiscussion, discussion_date), sd)
        .Code(SF(StrategyDiscussion, form), rng_.Chance(0.55) ? "MEETING" : "CALL")
        .Flag(SF(StrategyDiscussion, police_present), rng_.Chance(0.88))
        .Flag(SF(StrategyDiscussion, health_present), rng_.Chance(0.7))
        .Flag(SF(StrategyDiscussion, education_present), rng_.Chance(Age(sd) >= 4 ? 0.65 : 0.1))
        .Code(SF(StrategyDiscussion, outcome),
              s47 ? "S47" : rng_.Pick({{"NO_S47", 50}, {"SINGLE_AGENCY", 30}, {"NFA", 20}}));
  if (!s47)
    return rng_.Chance(0.3) ? CinPlan(referral, AddWd(sd, rng_.Between(5, 20)), depth + 1) : sd;
  const Date done = AddWd(sd, 3 + static_cast<int>(rng_.LogNormal(9, 0.5)));
  Rec e = Recorded(done.AddDays(40)) ? b().Add(Kind::kSection47Enquiry) : Rec();
  e.Ref(SF(Section47Enquiry, referral_id), referral).Day(SF(Section47Enquiry, start_date), sd);
  if (s.valid()) e.Ref(SF(Section47Enquiry, strategy_discussion_id), s.id());
  const int64_t e_id = e.valid() ? e.id() : 0;
  if (sd >= birth_ && rng_.Chance(P().emergency_to_care)) {
    e.Day(SF(Section47Enquiry, end_date), done).Code(SF(Section47Enquiry, outcome), "LEGAL");
    return Care(sd.AddDays(static_cast<int>(rng_.PickIndex({60, 30, 10}))), CareRoute::kEmergency);
  }
  if (!rng_.Chance(sd < birth_ ? P().prebirth_icpc : P().s47_to_icpc)) {
    e.Day(SF(Section47Enquiry, end_date), done)
        .Code(SF(Section47Enquiry, outcome), rng_.Pick({{"CONTINUE", 30},
                                                        {"S17", 25},
                                                        {"NFA", 25},
                                                        {"MONITOR", 12},
                                                        {"OTHER", 5},
                                                        {"SHORT_BREAKS", disabled_ ? 10.0 : 0.0}}))
        .Flag(SF(Section47Enquiry, icpc_not_required), true);
    closure_ = "RC7";
    return rng_.Chance(0.38) ? CinPlan(referral, AddWd(done, rng_.Between(0, 10)), depth + 1)
                             : done;
  }
  const int wd = rng_.Chance(P().icpc_late) ? rng_.Between(16, 35) : rng_.Between(5, 15);
  const Date icpc_day = AddWd(sd, wd);
  e.Day(SF(Section47Enquiry, end_date), Min(done, icpc_day))
      .Code(SF(Section47Enquiry, outcome), "ICPC")
      .Flag(SF(Section47Enquiry, icpc_not_required), false);
  const bool plan = rng_.Chance(P().icpc_to_plan);
  const int age = Age(icpc_day);
  if (!Recorded(icpc_day)) {
    if (plan) return CpPlan(referral, 0, icpc_day);
    closure_ = "RC7";
    return rng_.Chance(0.7) ? CinPlan(referral, icpc_day, depth + 1) : icpc_day;
  }
  Holder chair = w_.Allocate(Service::kIro, icpc_day, rng_);
  Rec c = b().Add(Kind::kCpConference);
  if (e_id) c.Ref(SF(CpConference, s47_id), e_id);
  c.Code(SF(CpConference, conference_type), "INITIAL")
      .Ref(SF(CpConference, referral_id), referral)
      .Day(SF(CpConference, conference_date), icpc_day)
      .Code(SF(CpConference, outcome), plan ? "CP_PLAN" : "NO_PLAN")
      .Flag(SF(CpConference, parents_attended), rng_.Chance(0.8))
      .Code(SF(CpConference, child_participation), Participation(rng_, age))
      .Flag(SF(CpConference, police_attended), rng_.Chance(0.7))
      .Flag(SF(CpConference, health_attended), rng_.Chance(0.75))
      .Flag(SF(CpConference, education_attended), rng_.Chance(age >= 4 ? 0.7 : 0.15));
  if (chair.found()) c.Ref(SF(CpConference, chair_id), chair.worker_id);
  if (plan) return CpPlan(referral, c.id(), icpc_day);
  closure_ = "RC7";
  return rng_.Chance(0.7) ? CinPlan(referral, icpc_day, depth + 1) : icpc_day;
}

}  // namespace journey::synth
