// A period of care: how it is planned when it begins (legal statuses, placements, how it
// ends), and the 903 episodes that follow from the plan.
#include <fmt/format.h>

#include <algorithm>

#include "synth/life.h"
#include "synth/names.h"

namespace journey::synth {
namespace {

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Codes that changed in 2025-26: semi-independent (H5), independent living (P2) and other
// (Z1) placements before it; supported accommodation (K3) and Z11-Z14 from it.
std::string_view PlacementCode(std::string_view kind, Date day, bool same_carer, Rng& rng) {
  const bool new_codes = CollectionYearOf(day) >= 2026;
  switch (kind[0]) {
    case 'F':
      return "U6";
    case 'K':
      return "U3";
    case 'L':
      return "U4";
    case 'M':
      return "U1";
    case 'G':
      return rng.Chance(0.1) ? "U2" : "U5";
    case 'A':
      return rng.Chance(0.08) ? (same_carer ? "A3" : "A4") : (same_carer ? "A5" : "A6");
    case 'R':
      return rng.Pick(
          {{"K2", 84}, {"R1", 4}, {"S1", 5}, {"K1", 3}, {"R2", 2}, {"P3", 0.5}, {"R3", 1.5}});
    case 'S':
      return new_codes ? "K3" : "H5";
    case 'I':
      return new_codes ? "K3" : "P2";
    case 'P':
      return "P1";
    case 'Y':
      return rng.Chance(0.65) ? "R5" : "K1";
    case 'B':
      return "R3";
    default:
      return new_codes ? rng.Pick({{"Z11", 40}, {"Z12", 30}, {"Z13", 20}, {"Z14", 10}}) : "Z1";
  }
}

std::string_view Provider(std::string_view code, Rng& rng) {
  if (code == "P1") return "PR0";
  if (IsOneOf(code, {"U1", "U2", "U3"})) return "PR1";
  if (IsOneOf(code, {"U4", "U5", "U6"})) return rng.Chance(0.55) ? "PR1" : "PR4";
  if (IsOneOf(code, {"R2", "R5"})) return "PR3";
  if (code[0] == 'A') return rng.Pick({{"PR1", 70}, {"PR2", 10}, {"PR5", 20}});
  if (code == "K1") return rng.Chance(0.7) ? "PR1" : "PR2";
  return rng.Pick({{"PR4", 72}, {"PR1", 18}, {"PR5", 10}});
}

std::string_view MoveReason(Rng& rng) {
  return rng.Pick({{"CARPL", 38},
                   {"CREQB", 16},
                   {"CREQO", 10},
                   {"CHILD", 8},
                   {"STAND", 4},
                   {"ALLEG", 3},
                   {"CLOSE", 5},
                   {"LAREQ", 5},
                   {"APPRR", 1},
                   {"OTHER", 10}});
}

std::string_view FirstPlacement(int age, CarePlanKind plan, Rng& rng) {
  if (plan == CarePlanKind::kRemand) return rng.Pick({{"Y", 55}, {"R", 20}, {"F", 25}});
  if (plan == CarePlanKind::kUnaccompanied) {
    return age >= 16 ? rng.Pick({{"S", 62}, {"F", 33}, {"R", 5}})
                     : rng.Pick({{"F", 85}, {"R", 15}});
  }
  if (plan == CarePlanKind::kSgo) return rng.Chance(0.65) ? "K" : "F";
  if (age < 1) return rng.Pick({{"F", 76}, {"K", 17}, {"B", 5}, {"P", 2}});
  if (age < 10) return rng.Pick({{"F", 74}, {"K", 20}, {"P", 5}, {"O", 1}});
  if (age < 16) return rng.Pick({{"F", 36}, {"K", 8}, {"R", 48}, {"P", 5}, {"O", 3}});
  return rng.Pick({{"F", 18}, {"S", 38}, {"R", 36}, {"K", 2}, {"I", 3}, {"O", 3}});
}

}  // namespace

Date Life::Care(Date start, CareRoute route) {
  start = Max(start, birth_);
  if (start >= adult_.AddDays(-7)) return start;
  ++care_periods_;
  phases_.push_back({disabled_ && rng_.Chance(0.4) ? Service::kDisability : Service::kLac, start});
  CareTimeline t = PlanCare(start, route);
  Rec period = b().Add(Kind::kClaPeriod);
  period.Day(SF(ClaPeriod, start_date), t.start).Day(SF(ClaPeriod, end_date), t.end);
  const std::vector<int64_t> placements = Episodes(t, period.id());
  CareRecords(t, period.id(), placements);
  const std::string_view rec = t.rec;
  if (IsOneOf(rec, {"E11", "E12"}))
    closure_ = "RC1";
  else if (IsOneOf(rec, {"E45", "E46", "E47", "E48"}))
    closure_ = "RC4";
  else if (rec == "E41")
    closure_ = "RC3";
  else if (rec == "E3")
    closure_ = "RC5";
  else if (rec == "E2")
    closure_ = "RC2";
  else if (rec == "E7")
    closure_ = "RC6";
  else
    closure_ = "RC7";
  if (closure_ == "RC1" || closure_ == "RC4") adopted_or_sgo_ = true;
  // Care leavers (Children (Leaving Care) Act 2000): looked after at least 13 weeks since
  // 14, and still looked after at 16 (eligible, later relevant or former relevant).
  const Date sixteen = birth_.AddYears(16);
  const bool eligible = t.end >= sixteen && (t.end - Max(t.start, birth_.AddYears(14))) >= 91 &&
                        !IsOneOf(rec, {"E11", "E12", "E45", "E46", "E47", "E48", "E41", "E3", "E2",
                                       "E15", "E16", "E9", "E14"});
  if (eligible) LeavingCare(t.end, true, rec == "E17");
  return t.end;
}

void Life::PlanProceedings(CareTimeline& t, Date issue, std::string_view interim) {
  t.proceedings = true;
  t.issue = issue;
  t.legal.push_back({issue, interim});
  // Care proceedings take most of a year (national averages of 40-45 weeks in 2023-24,
  // shorter here so the legal statuses come out right); about a quarter meet the 26-week
  // target.
  const int weeks =
      std::max(8, static_cast<int>(rng_.LogNormal(P().proceedings_median_weeks, 0.38)));
  t.final_hearing = NextWorkingDay(issue.AddDays(weeks * 7));
}

CareTimeline Life::PlanCare(Date start, CareRoute route) {
  CareTimeline t;
  t.start = start;
  const int age = Age(start);
  if (route == CareRoute::kUnaccompanied) {
    t.plan = CarePlanKind::kUnaccompanied;
    t.legal.push_back({start, "V2"});
    const double r = rng_.Uniform();
    if (r < 0.04) {
      t.end = start.AddDays(rng_.Between(20, 120));
      t.rec = "E15";  // age assessment found the young person to be 18 or over
    } else if (r < 0.07) {
      t.end = start.AddDays(rng_.Between(3, 40));
      t.rec = "E3";  // transferred to another council (national transfer scheme)
    } else {
      t.end = adult_;
      t.rec = rng_.Pick({{"E5", 45}, {"E6", 12}, {"E8", 18}, {"E17", 15}, {"E16", 2}, {"E13", 8}});
    }
    t.end = Min(t.end, adult_);
    PlanPlacements(t);
    return t;
  }
  if (route == CareRoute::kRemand) {
    t.plan = CarePlanKind::kRemand;
    t.legal.push_back({start, "J1"});
    t.end = start.AddDays(rng_.Between(10, 120));
    t.rec = rng_.Chance(0.7) ? "E14" : "E9";
    t.end = Min(t.end, adult_);
    PlanPlacements(t);
    return t;
  }
  // The plan, by age on entry (long-term care for older children; adoption mostly for
  // the youngest; a return home for many, often within months).
  double w[4];  // return, adopt, sgo, long-term
  if (age < 1)
    w[0] = 0.27, w[1] = 0.42, w[2] = 0.2, w[3] = 0.11;
  else if (age < 5)
    w[0] = 0.52, w[1] = 0.15, w[2] = 0.2, w[3] = 0.13;
  else if (age < 10)
    w[0] = 0.48, w[1] = 0.03, w[2] = 0.19, w[3] = 0.3;
  else if (age < 16)
    w[0] = 0.58, w[1] = 0.0, w[2] = 0.04, w[3] = 0.38;
  else
    w[0] = 0.38, w[1] = 0.0, w[2] = 0.0, w[3] = 0.62;
  if (route == CareRoute::kAccommodated) w[0] *= 1.1;
  t.plan = static_cast<CarePlanKind>(rng_.PickIndex(std::span<const double>(w, 4)));
  const bool needs_order =
      t.plan == CarePlanKind::kAdopt || t.plan == CarePlanKind::kSgo ||
      (t.plan == CarePlanKind::kLongTerm && rng_.Chance(age < 15 ? 0.97 : 0.8)) ||
      (t.plan == CarePlanKind::kReturn && route != CareRoute::kAccommodated && rng_.Chance(0.3));
  if (route == CareRoute::kEmergency) {
    t.emergency = true;
    const bool epo = rng_.Chance(0.45);
    t.legal.push_back({start, epo ? "L2" : "L1"});
    PlanProceedings(t, start.AddDays(epo ? rng_.Between(4, 8) : rng_.Between(1, 3)), "C1");
  } else if (needs_order && (route == CareRoute::kFromPlan ? rng_.Chance(0.8) : rng_.Chance(0.3))) {
    PlanProceedings(t, start, "C1");
  } else {
    t.legal.push_back({start, "V2"});
    if (needs_order) PlanProceedings(t, start.AddDays(rng_.Between(10, 60)), "C1");
  }
  PlanEnding(t, age);
  if (t.end >= adult_) t.end = adult_;
  if (t.end <= start) t.end = start.AddDays(1);
  PlanPlacements(t);
  return t;
}

// How and when the period ends, by plan: a return home, an adoption order, a special
// guardianship order, or (for long-term care) the 18th birthday for most.
void Life::PlanEnding(CareTimeline& t, int age) {
  const Date final = t.final_hearing;
  switch (t.plan) {
    case CarePlanKind::kReturn:
      if (!t.proceedings) {
        t.end = t.start.AddDays(2 + static_cast<int>(rng_.LogNormal(60, 1.05)));
        t.rec = rng_.Pick({{"E4A", 58}, {"E4B", 24}, {"E13", 12}, {"E8", 6}});
      } else if (rng_.Chance(0.5)) {
        t.final_order = rng_.Chance(0.5) ? "CAO" : "SO";
        t.end = final;
        t.rec = t.final_order == "CAO" ? "E41" : "E4A";
      } else {
        t.final_order = "CO";
        t.legal.push_back({final, "C2"});
        t.end = final.AddDays(rng_.Between(200, 700));
        t.rec = "E4A";
      }
      break;
    case CarePlanKind::kAdopt: {
      t.final_order = "PO";
      t.legal.push_back({final, "E1"});
      t.placement_order = final;
      t.decision =
          Max(t.start.AddDays(rng_.Between(20, 60)), final.AddDays(-rng_.Between(40, 160)));
      t.ffa = rng_.Chance(0.08);
      t.foster_carer_adopts = t.ffa || rng_.Chance(0.1);
      if (rng_.Chance(0.12)) {  // the plan for adoption ends: no family found, needs changed
        t.reversed = final.AddDays(rng_.Between(150, 450));
        t.legal.push_back({t.reversed, "C2"});
        t.end = rng_.Chance(0.3) ? t.reversed.AddDays(rng_.Between(300, 700)) : adult_;
        t.rec = t.end == adult_ ? rng_.Pick({{"E17", 35}, {"E5", 35}, {"E8", 30}})
                                : rng_.Pick({{"E45", 50}, {"E46", 50}});
      } else {
        t.match = final.AddDays(20 + static_cast<int>(rng_.LogNormal(175, 0.65)));
        t.placed = t.match.AddDays(rng_.Between(7, 40));
        t.adoption_order = t.placed.AddDays(70 + static_cast<int>(rng_.LogNormal(160, 0.45)));
        t.end = t.adoption_order;
        t.rec = rng_.Chance(0.72) ? "E11" : "E12";
      }
      break;
    }
    case CarePlanKind::kSgo:
      t.final_order = "SGO";
      t.end = final;
      t.rec = "E47";  // refined once the placements are known
      break;
    default:
      if (t.proceedings) {
        t.final_order = "CO";
        t.legal.push_back({final, "C2"});
      }
      if (age >= 14 && rng_.Chance(0.12)) {
        t.end = Max(t.start.AddDays(30), Birthday(16).AddDays(rng_.Between(30, 700)));
        t.rec = rng_.Pick({{"E5", 35}, {"E6", 10}, {"E4B", 25}, {"E13", 20}, {"E8", 10}});
      } else if (rng_.Chance(0.08)) {
        t.end = t.start.AddDays(rng_.Between(400, 2000));
        t.rec = rng_.Pick({{"E4A", 70}, {"E13", 15}, {"E41", 15}});
      } else {
        t.end = adult_;
        t.rec = "";  // decided by the placement at 18
      }
  }
}

void Life::PlanMoves(CareTimeline& t, Date from, Date to, std::string_view kind) {
  const int age = Age(from);
  double rate = P().placement_move_rate;
  if (kind == "L" || kind == "M")
    rate = 0.1;
  else if (kind == "K")
    rate = 0.2;
  else if (kind == "R")
    rate = 0.55;
  else if (kind == "A" || kind == "G" || kind == "P" || kind == "Y")
    return;
  for (Date d = from;;) {
    d = d.AddDays(14 + static_cast<int>(rng_.Exponential(365.25 / rate)));
    if (d >= to) return;
    std::string_view next = kind;
    if (kind == "F" && age >= 10 && rng_.Chance(0.5))
      next = "R";
    else if (kind == "R" && rng_.Chance(0.2))
      next = Age(d) >= 16 ? "S" : "F";
    else if (kind == "K" && rng_.Chance(0.4))
      next = "F";
    t.places.push_back({d, next, false, MoveReason(rng_)});
    kind = next;
  }
}

void Life::PlanPlacements(CareTimeline& t) {
  const int age = Age(t.start);
  std::string_view kind = FirstPlacement(age, t.plan, rng_);
  // A child accommodated under section 20 (V2) is not placed with parents (903 rule 378):
  // a placement with parents waits for an order, so such a child starts in foster care.
  if (kind == "P" && !t.legal.empty() && t.legal.front().day == t.start &&
      t.legal.front().status == "V2")
    kind = "F";
  t.places.push_back({t.start, kind, false, ""});
  switch (t.plan) {
    case CarePlanKind::kAdopt:
      if (t.ffa) {
        t.places.back().kind = "G";
        if (t.placed.days()) t.places.push_back({t.placed, "A", true, "CARPL"});
        break;
      }
      if (t.placed.days()) {
        PlanMoves(t, t.start, t.placed, kind);
        t.places.push_back({t.placed, "A", t.foster_carer_adopts, "CARPL"});
      } else {
        PlanMoves(t, t.start, t.reversed, kind);
        t.places.push_back({t.reversed.AddDays(rng_.Between(60, 200)), "L", false, "CARPL"});
      }
      break;
    case CarePlanKind::kSgo:
      if (kind != "K")
        t.places.push_back({t.start.AddDays(rng_.Between(20, 150)), "K", false, "CARPL"});
      t.rec = rng_.Pick({{"E45", 80}, {"E46", 5}, {"E47", 10}, {"E48", 5}});
      break;
    case CarePlanKind::kReturn:
      if (t.final_order == "CO") {
        PlanMoves(t, t.start, t.final_hearing, kind);
        t.places.push_back({t.final_hearing.AddDays(-rng_.Between(0, 40)), "P", false, "CARPL"});
      } else {
        PlanMoves(t, t.start, t.end, kind);
      }
      break;
    case CarePlanKind::kLongTerm: {
      // Matched with long-term carers (often the same foster carers) after the final order.
      const Date settled =
          t.proceedings ? t.final_hearing : t.start.AddDays(rng_.Between(150, 400));
      PlanMoves(t, t.start, settled, kind);
      const std::string_view now = t.places.back().kind;
      if (now == "F" || now == "K") {
        const bool same = rng_.Chance(0.6);
        t.places.push_back({settled, now == "K" ? "M" : "L", same, same ? "PLACE" : "CARPL"});
      } else if (now == "R" && Age(settled) < 12 && rng_.Chance(0.4)) {
        t.places.push_back({settled, "L", false, "CARPL"});  // from a children's home to a family
      }
      Date from = settled;
      const Date sixteen = birth_.AddYears(16);
      if (t.end > sixteen.AddDays(60) && rng_.Chance(0.5)) {
        const Date move = Max(sixteen, settled).AddDays(rng_.Between(1, 500));
        PlanMoves(t, from, move, t.places.back().kind);
        t.places.push_back({move, rng_.Chance(0.85) ? "S" : "I", false, "CARPL"});
        from = move;
      }
      PlanMoves(t, from, t.end, t.places.back().kind);
      break;
    }
    default:
      PlanMoves(t, t.start, t.end, kind);
  }
  std::stable_sort(t.places.begin(), t.places.end(),
                   [](const PlacementSpec& a, const PlacementSpec& b) { return a.day < b.day; });
  // Keep one placement a day, none on or after the end, none before the start.
  std::vector<PlacementSpec> kept;
  for (const PlacementSpec& p : t.places) {
    if (p.day < t.start || p.day >= t.end) continue;
    if (!kept.empty() && kept.back().day == p.day)
      kept.back() = p;
    else
      kept.push_back(p);
  }
  kept.front().same_carer = false;
  kept.front().prev_ended = "";
  t.places = std::move(kept);
  if (t.rec.empty()) {
    const char last = t.places.back().kind[0];
    if (last == 'L' || last == 'F' || last == 'K' || last == 'M') {
      t.rec = rng_.Pick({{"E17", 30}, {"E5", 32}, {"E8", 20}, {"E4A", 10}, {"E13", 8}});
    } else if (last == 'R') {
      t.rec = rng_.Pick({{"E5", 40}, {"E8", 40}, {"E7", disabled_ ? 40.0 : 3.0}, {"E4A", 10}});
    } else {
      t.rec = rng_.Pick({{"E5", 60}, {"E6", 20}, {"E8", 15}, {"E4B", 5}});
    }
  }
}

// Deprivation of liberty orders (903 DoLo from 2026/27): about one in sixteen placements in
// a children's home (K2, or Z12/Z13 unregistered) has one, from a week in, for two to ten
// months or to the placement's end. Chosen from the placement's id and start so that the
// random stream, and so every other record of the council, is the same as without them.
void Life::DeprivationOfLiberty(std::string_view code, Date from, Date to, int64_t placement) {
  if (code != "K2" && code != "Z12" && code != "Z13") return;
  const uint64_t h = (static_cast<uint64_t>(placement) * 0x9E3779B97F4A7C15ull) ^
                     (static_cast<uint64_t>(from.days()) * 0xBF58476D1CE4E5B9ull);
  if ((h >> 7) % 16 != 0) return;
  const Date start = from.AddDays(7);
  if (start >= to) return;
  const Date end = std::min(to, start.AddDays(60 + static_cast<int>((h >> 20) % 240)));
  b().Add(Kind::kDeprivationOfLiberty)
      .Day(SF(DeprivationOfLiberty, start_date), start)
      .Day(SF(DeprivationOfLiberty, end_date), end)
      .Text(SF(DeprivationOfLiberty, made_by), "High Court (inherent jurisdiction)");
}

// Writes the placements and the 903 episodes: a new episode on each change of legal status
// or placement, with RNE saying which changed and REC X1 on all but the last.
std::vector<int64_t> Life::Placements(const CareTimeline& t, int64_t period) {
  std::vector<int64_t> ids;
  std::string carer;
  for (size_t i = 0; i < t.places.size(); ++i) {
    const PlacementSpec& p = t.places[i];
    const Date end = i + 1 < t.places.size() ? t.places[i + 1].day : t.end;
    const std::string_view code = PlacementCode(p.kind, p.day, p.same_carer, rng_);
    if (!p.same_carer || carer.empty()) carer = fmt::format("{}{:06}", p.kind, rng_.Below(1000000));
    const bool inside = rng_.Chance(p.kind == "R" ? 0.45 : (p.kind == "Y" ? 0.2 : 0.8));
    // Z11-Z14 (from 2025/26) have no provider (903 rule 213); the draw is still made so the
    // rest of the council is the same.
    std::string_view provider = Provider(code, rng_);
    if (code.size() == 3 && code[0] == 'Z') provider = {};
    Rec r = b().Add(Kind::kPlacement);
    r.Ref(SF(Placement, cla_period_id), period)
        .Day(SF(Placement, start_date), p.day)
        .Day(SF(Placement, end_date), end)
        .Code(SF(Placement, placement_type), code)
        .Text(SF(Placement, postcode),
              MakePostcode(rng_, inside ? 1 + static_cast<int>(rng_.Below(30))
                                        : 40 + static_cast<int>(rng_.Below(59))))
        .Text(SF(Placement, placement_la),
              inside ? c_.la_code : fmt::format("{}", 400 + rng_.Below(400)))
        .Flag(SF(Placement, inside_la), inside)
        .Dec(SF(Placement, distance_miles),
             rng_.Chance(0.03)
                 ? 999.9
                 : std::min(400.0, std::round(rng_.LogNormal(inside ? 4 : 32, 0.6) * 10) / 10))
        .Text(SF(Placement, carer_ref), carer)
        .Flag(SF(Placement, long_term), p.kind == "L" || p.kind == "M");
    if (!provider.empty()) r.Code(SF(Placement, provider), provider);
    if (code != "P1") r.Text(SF(Placement, urn), fmt::format("SC{:06}", rng_.Below(1000000)));
    if (i + 1 < t.places.size()) r.Code(SF(Placement, change_reason), t.places[i + 1].prev_ended);
    DeprivationOfLiberty(code, p.day, end, r.id());
    ids.push_back(r.id());
  }
  return ids;
}

std::vector<int64_t> Life::Episodes(const CareTimeline& t, int64_t period) {
  const std::vector<int64_t> ids = Placements(t, period);
  const std::string_view need =
      arrival_
          ? "N8"
          : (disabled_
                 ? "N2"
                 : rng_.Pick({{"N1", 66}, {"N4", 10}, {"N5", 9}, {"N8", 7}, {"N3", 4}, {"N6", 4}}));
  // Change points: legal status changes and placement starts, in order, one a day.
  struct Point {
    Date day;
    std::string_view status;  // empty: unchanged
    int place = -1;           // index of a new placement, -1: unchanged
  };
  std::vector<Point> points;
  for (const LegalChange& l : t.legal) points.push_back({l.day, l.status, -1});
  for (size_t i = 0; i < t.places.size(); ++i)
    points.push_back({t.places[i].day, {}, static_cast<int>(i)});
  std::stable_sort(points.begin(), points.end(),
                   [](const Point& a, const Point& b) { return a.day < b.day; });
  std::vector<Point> merged;
  for (const Point& p : points) {
    if (p.day < t.start || p.day >= t.end) continue;
    if (!merged.empty() && merged.back().day == p.day) {
      if (!p.status.empty()) merged.back().status = p.status;
      if (p.place >= 0) merged.back().place = p.place;
    } else {
      merged.push_back(p);
    }
  }
  std::string_view status = merged.front().status.empty() ? "V2" : merged.front().status;
  int place = std::max(0, merged.front().place);
  Rec prev;
  for (size_t i = 0; i < merged.size(); ++i) {
    const Point& p = merged[i];
    std::string_view rne = "S";
    if (i > 0) {
      const bool legal = !p.status.empty() && p.status != status;
      const bool moved = p.place >= 0 && p.place != place;
      if (!legal && !moved) continue;  // nothing changed that day
      const bool same = moved && t.places[static_cast<size_t>(p.place)].same_carer;
      rne = legal && moved ? (same ? "U" : "B") : (legal ? "L" : (same ? "T" : "P"));
      if (legal) status = p.status;
      prev.Day(SF(ClaEpisode, end_date), p.day).Code(SF(ClaEpisode, rec), "X1");
      if (moved) {
        prev.Code(SF(ClaEpisode, reason_place_change),
                  t.places[static_cast<size_t>(p.place)].prev_ended);
        place = p.place;
      }
    }
    prev = b().Add(Kind::kClaEpisode);
    prev.Ref(SF(ClaEpisode, cla_period_id), period)
        .Ref(SF(ClaEpisode, placement_id), ids[static_cast<size_t>(place)])
        .Day(SF(ClaEpisode, start_date), p.day)
        .Code(SF(ClaEpisode, rne), rne)
        .Code(SF(ClaEpisode, legal_status), status)
        .Code(SF(ClaEpisode, cin), need)
        .Text(SF(ClaEpisode, home_postcode), HomePostcode());
  }
  prev.Day(SF(ClaEpisode, end_date), t.end).Code(SF(ClaEpisode, rec), t.rec);
  return ids;
}

}  // namespace journey::synth
