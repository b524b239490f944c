// The court, adoption, leaving care, and young mothers.
#include <fmt/format.h>

#include <algorithm>

#include "synth/life.h"
#include "synth/names.h"

namespace journey::synth {

// The public law outline and care proceedings: a letter before proceedings and a meeting
// (for planned proceedings), the application, hearings, and the orders made.
void Life::Proceedings(const CareTimeline& t) {
  if (!t.proceedings || t.issue >= t.end) return;
  Date final = t.final_hearing;
  std::string_view order = t.final_order;
  if (final > t.end) {
    final = t.end;  // the child left care first: the application is withdrawn
    order = "WITHDRAWN";
  }
  if (!t.emergency && rng_.Chance(0.55)) {
    const Date start = t.issue.AddDays(-rng_.Between(40, 160));
    const Date letter = start.AddDays(rng_.Between(2, 10));
    b().Add(Kind::kPreProceedings)
        .Day(SF(PreProceedings, start_date), start)
        .Day(SF(PreProceedings, letter_date), letter)
        .Day(SF(PreProceedings, meeting_date), letter.AddDays(rng_.Between(5, 15)))
        .Day(SF(PreProceedings, end_date), t.issue)
        .Code(SF(PreProceedings, outcome), "ISSUE");
  }
  Rec p = b().Add(Kind::kCareProceedings);
  p.Day(SF(CareProceedings, issue_date), t.issue)
      .Text(SF(CareProceedings, court_ref),
            fmt::format("QX{:02}C{:05}", t.issue.year() % 100, rng_.Below(100000)))
      .Flag(SF(CareProceedings, short_notice), t.emergency || rng_.Chance(0.1))
      .Day(SF(CareProceedings, final_order_date), final)
      .Code(SF(CareProceedings, final_order), order);
  auto hearing = [&](Date d, std::string_view type) {
    if (d <= t.issue || d > final) return;
    b().Add(Kind::kCourtHearing)
        .Ref(SF(CourtHearing, proceedings_id), p.id())
        .Day(SF(CourtHearing, hearing_date), NextWorkingDay(d))
        .Code(SF(CourtHearing, hearing_type), type);
  };
  hearing(t.issue.AddDays(rng_.Between(10, 20)), "CMH");
  for (int i = rng_.Poisson(1.2); i > 0; --i)
    hearing(t.issue.AddDays(rng_.Between(20, std::max(21, final - t.issue))), "INTERIM");
  if (order != "WITHDRAWN") {
    hearing(final.AddDays(-rng_.Between(14, 42)), "IRH");
    hearing(final, "FINAL");
  }
  auto make = [&](std::string_view type, Date made, std::optional<Date> until) {
    Rec o = b().Add(Kind::kCourtOrder);
    o.Ref(SF(CourtOrder, proceedings_id), p.id())
        .Code(SF(CourtOrder, order_type), type)
        .Day(SF(CourtOrder, made_date), made);
    if (until && *until > made) o.Day(SF(CourtOrder, end_date), *until);
  };
  if (t.legal.front().status == "L2") make("EPO", t.start, t.issue);
  make("ICO", t.issue, final);
  if (order == "WITHDRAWN") return;
  if (order == "PO") {
    make("CO", final, std::optional<Date>());
    make("PO", final,
         t.adoption_order.days() ? t.adoption_order : (t.reversed.days() ? t.reversed : t.end));
    if (t.adoption_order.days()) make("AO", t.adoption_order, std::nullopt);
  } else if (order == "CO") {
    make("CO", final, t.end);
  } else if (order == "SO") {
    make("SO", final, final.AddYears(1));
  } else {
    make(order, final, adult_);
  }
}

// The child's adoption milestones (903 PlacedAdoption and AD1; scorecard A1, A2, A10).
void Life::AdoptionRecord(const CareTimeline& t, int64_t period) {
  if (!t.decision.days() || t.decision >= t.end) return;
  Rec a = b().Add(Kind::kAdoption);
  a.Ref(SF(Adoption, cla_period_id), period)
      .Day(SF(Adoption, decision_date), t.decision)
      .Flag(SF(Adoption, foster_carer), t.foster_carer_adopts)
      .Flag(SF(Adoption, fostering_to_adopt), t.ffa)
      .Flag(SF(Adoption, sibling_group), rng_.Chance(0.3));
  if (t.placement_order < t.end) a.Day(SF(Adoption, placement_order_date), t.placement_order);
  if (t.reversed.days()) {
    a.Day(SF(Adoption, reversed_date), t.reversed)
        .Code(SF(Adoption, reversed_reason),
              rng_.Pick({{"RD1", 30}, {"RD2", 5}, {"RD3", 45}, {"RD4", 20}}));
    return;
  }
  if (!t.match.days()) return;
  a.Day(SF(Adoption, match_date), t.match)
      .Day(SF(Adoption, placed_date), t.placed)
      .Day(SF(Adoption, order_date), t.adoption_order);
  if (int64_t h = w_.PickHousehold(t.match, rng_)) a.Ref(SF(Adoption, household_id), h);
}

// Leaving care: a pathway plan from 16 reviewed at least every 6 months, a personal adviser,
// contact, and the young person's circumstances around each birthday to 21 (903 OC3).
void Life::LeavingCare(Date left, bool eligible, bool staying_put) {
  if (!eligible) return;
  const Date sixteen = birth_.AddYears(16);
  const Date until = birth_.AddYears(rng_.Chance(0.15) ? 25 : 21);
  if (until < c_.history_start) return;
  Date plan_start = rng_.Chance(0.8) ? sixteen.AddDays(rng_.Between(0, 90))
                                     : sixteen.AddDays(rng_.Between(91, 240));
  plan_start = Min(plan_start, left);
  Rec plan = b().Add(Kind::kPathwayPlan);
  plan.Day(SF(PathwayPlan, start_date), plan_start).Day(SF(PathwayPlan, end_date), until);
  for (Date d = plan_start;;) {
    d = d.AddMonths(6).AddDays(rng_.Chance(0.15) ? rng_.Between(1, 60) : -rng_.Between(0, 30));
    if (d > until || d > c_.as_at) break;
    if (Recorded(d))
      b().Add(Kind::kPathwayPlanReview)
          .Ref(SF(PathwayPlanReview, pathway_plan_id), plan.id())
          .Day(SF(PathwayPlanReview, review_date), d);
  }
  std::vector<Assigned> pa;
  Allocations({{Service::kLeavingCare, left}}, until, "PA", &pa);
  if (staying_put) {
    b().Add(Kind::kStayingPut)
        .Day(SF(StayingPut, start_date), left)
        .Day(SF(StayingPut, end_date), left.AddDays(rng_.Between(200, 1000)));
  }
  Visits("CARE_LEAVER", -1, 0, left, until, 56, 20, &pa);
  const bool settled = rng_.Chance(0.8);  // most care leavers keep in touch and in a home
  for (int age = 17; age <= 21; ++age) {
    const Date d = birth_.AddYears(age);
    if (d <= left || d > c_.as_at || d < c_.history_start) continue;
    const double r = rng_.Uniform();
    std::string_view touch =
        r < (settled ? 0.95 : 0.7) ? "YES" : (r < 0.985 ? "NO" : (r < 0.993 ? "REFU" : "NREQ"));
    Rec s = b().Add(Kind::kCareLeaverStatus);
    s.Day(SF(CareLeaverStatus, status_date), d)
        .Code(SF(CareLeaverStatus, eligibility), age >= 18 ? "FORMER_RELEVANT" : "RELEVANT")
        .Code(SF(CareLeaverStatus, in_touch), touch);
    if (touch != "YES") continue;
    s.Day(SF(CareLeaverStatus, contact_date), d.AddDays(-rng_.Between(0, 60)));
    const std::string_view acc = staying_put && age <= 20 ? "Z"
                                                          : rng_.Pick({{"U", 34},
                                                                       {"B", 13},
                                                                       {"D", 17},
                                                                       {"E", 6},
                                                                       {"T", 4},
                                                                       {"C", 1},
                                                                       {"K", 3},
                                                                       {"X", 1.5},
                                                                       {"S", 0.7},
                                                                       {"V", 0.7},
                                                                       {"W", 0.4},
                                                                       {"Y", 2},
                                                                       {"G", 0.5}});
    const bool unsuitable_kind = acc == "X" || acc == "S" || acc == "V" || acc == "W";
    s.Code(SF(CareLeaverStatus, accommodation), acc)
        .Flag(SF(CareLeaverStatus, accommodation_suitable),
              !unsuitable_kind && rng_.Chance(settled ? 0.998 : 0.94));
    const bool old_codes = CollectionYearOf(d) <= 2016;
    const bool eet = rng_.Chance(settled ? 0.62 : 0.45);
    std::string_view act = eet ? rng_.Pick({{"F1", 8},
                                            {"P1", 1},
                                            {"F2", 30},
                                            {"P2", 5},
                                            {"F4", 7},
                                            {"P4", 1},
                                            {"F5", 30},
                                            {"P5", 18}})
                               : rng_.Pick({{"G4", 25}, {"G5", 55}, {"G6", 20}});
    if (old_codes && (act == "F4" || act == "F5")) act = "F3";
    if (old_codes && (act == "P4" || act == "P5")) act = "P3";
    s.Code(SF(CareLeaverStatus, activity), act);
  }
  if (female_ && !mother_ && rng_.Chance(P().mother_chance)) {
    Baby(Max(left, birth_.AddYears(17)).AddDays(rng_.Between(0, 3 * 365)));
  }
}

// A baby born to a young woman in or leaving care: a person of her own, linked to her
// mother both ways; a pre-birth assessment for some.
void Life::Baby(Date born) {
  if (mother_) return;
  mother_ = true;
  const int position = static_cast<int>(people_count_);
  ChildBuilder& baby = people_[people_count_++];
  const bool girl = rng_.Chance(0.49);
  ChildBuilder::Rec p = baby.Add(Kind::kPerson);
  p.Text(SF(Person, la_code), c_.la_code)
      .Text(SF(Person, first_name), FirstName(rng_, girl))
      .Text(SF(Person, last_name), LastName(rng_))
      .Code(SF(Person, sex), girl ? "F" : "M")
      .Code(SF(Person, ethnicity), "NOBT")
      .Code(SF(Person, upn_unknown), born <= c_.as_at ? "UN1" : "UN6");
  if (born <= c_.as_at)
    p.Day(SF(Person, birth_date), born);
  else
    p.Day(SF(Person, expected_birth_date), born);
  baby.Add(Kind::kRelationship)
      .Ref(SF(Relationship, related_person_id), PersonInGroup(0))
      .Code(SF(Relationship, relationship), "MOTHER")
      .Day(SF(Relationship, start_date), born);
  b().Add(Kind::kRelationship)
      .Ref(SF(Relationship, related_person_id), PersonInGroup(position))
      .Code(SF(Relationship, relationship), "CHILD")
      .Day(SF(Relationship, start_date), born);
  if (rng_.Chance(0.4)) {
    const Date ref_day = NextWorkingDay(born.AddDays(-rng_.Between(30, 120)));
    const Date done = AddWd(ref_day, rng_.Between(15, 45));
    ChildBuilder::Rec r = baby.Add(Kind::kReferral);
    r.Day(SF(Referral, referral_date), ref_day)
        .Code(SF(Referral, source), "5A")
        .Code(SF(Referral, primary_need), "N1")
        .Flag(SF(Referral, nfa), false)
        .Day(SF(Referral, closure_date), done)
        .Code(SF(Referral, closure_reason), "RC8");
    baby.Add(Kind::kAssessment)
        .Ref(SF(Assessment, referral_id), r.id())
        .Day(SF(Assessment, start_date), AddWd(ref_day, 2))
        .Day(SF(Assessment, authorised_date), done)
        .Flag(SF(Assessment, child_seen), false)
        .Flag(SF(Assessment, pre_birth), done < born)
        .Code(SF(Assessment, outcome), "NFA");
  }
}

}  // namespace journey::synth
