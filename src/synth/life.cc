#include "synth/life.h"

#include <algorithm>
#include <cmath>

#include "synth/names.h"

namespace journey::synth {
namespace {

// Ethnicity of children in England (school census, roughly), and of unaccompanied children.
constexpr Weighted kEthnicity[] = {{"WBRI", 64},  {"WIRI", 0.3}, {"WIRT", 0.2}, {"WROM", 0.5},
                                   {"WOTH", 6.5}, {"MWBC", 1.5}, {"MWBA", 0.8}, {"MWAS", 1.7},
                                   {"MOTH", 2.2}, {"AIND", 3.5}, {"APKN", 4.5}, {"ABAN", 1.8},
                                   {"AOTH", 1.8}, {"BCRB", 1.0}, {"BAFR", 4.0}, {"BOTH", 0.6},
                                   {"CHNE", 0.5}, {"OOTH", 2.2}, {"REFU", 0.5}, {"NOBT", 1.0}};
constexpr Weighted kArrivalEthnicity[] = {{"AOTH", 28}, {"BAFR", 34}, {"OOTH", 22},
                                          {"WOTH", 10}, {"BOTH", 4},  {"NOBT", 2}};
constexpr Weighted kLanguage[] = {
    {"English", 84},  {"Polish", 2},   {"Urdu", 2},       {"Romanian", 2}, {"Punjabi", 1.5},
    {"Bengali", 1.5}, {"Arabic", 1.5}, {"Portuguese", 1}, {"Somali", 1},   {"Other", 3.5}};
constexpr Weighted kArrivalLanguage[] = {{"Tigrinya", 20}, {"Arabic", 25},   {"Pashto", 18},
                                         {"Kurdish", 15},  {"Albanian", 10}, {"Other", 12}};
constexpr Weighted kReligion[] = {{"No religion", 40}, {"Christian", 30}, {"Muslim", 10},
                                  {"Hindu", 2},        {"Sikh", 1},       {"Other", 2},
                                  {"Not stated", 15}};

}  // namespace

Life::Life(const Council& c, const Workforce& w, int64_t index, bool arrival)
    : c_(c),
      w_(w),
      rng_(Rng::For(c.seed,
                    (arrival ? kStreamArrivals : kStreamChildren) + static_cast<uint64_t>(c.index),
                    static_cast<uint64_t>(index))),
      id_rng_(
          Rng::For(c.seed + 0x9E3779B97F4A7C15ULL,
                   (arrival ? kStreamArrivals : kStreamChildren) + static_cast<uint64_t>(c.index),
                   static_cast<uint64_t>(index))),
      arrival_(arrival) {
  if (arrival) {
    // Arrivals spread evenly over their span; mostly boys of 15-17 (DfE: about 93% male).
    const double span = static_cast<double>(c.as_at - c.arrivals_start);
    const Date arrived = c.arrivals_start.AddDays(static_cast<int>(
        (static_cast<double>(index) + rng_.Uniform()) * span / static_cast<double>(c.arrivals)));
    const int age = static_cast<int>(
        rng_.PickIndex({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 10, 22, 36, 25}));
    birth_ = arrived.AddYears(-age).AddDays(-static_cast<int>(rng_.Below(364)));
    female_ = rng_.Chance(0.07);
    tier_ = 1;
    arrived_ = arrived;
  } else {
    const double span = static_cast<double>(c.as_at - c.cohort_start);
    birth_ = c.cohort_start.AddDays(static_cast<int>((static_cast<double>(index) + rng_.Uniform()) *
                                                     span / static_cast<double>(c.born)));
    female_ = rng_.Chance(0.488);
    tier_ = static_cast<int>(rng_.PickIndex(std::span<const double>(P().tier_share, 4)));
    disabled_ = rng_.Chance(tier_ == 0 ? 0.02 : 0.07);
  }
  birth_ymd_ = birth_.ToYmd();
  adult_ = Birthday(18);
}

const std::string& Life::HomePostcode() {
  if (home_postcode_.empty())
    home_postcode_ = MakePostcode(id_rng_, 1 + static_cast<int>(id_rng_.Below(30)));
  return home_postcode_;
}

void Life::Run() {
  if (arrival_) {
    Arrival();
    Extras();
    Identity();
    return;
  }
  Date t = birth_;
  if (rng_.Chance(P().prebirth_chance[tier_])) {
    const Date pb = birth_.AddDays(-rng_.Between(20, 150));
    if (pb <= c_.as_at) t = Max(t, Contact(pb, true));
  }
  const Date end = Min(adult_.AddDays(-1), c_.as_at);
  while (t <= end) {
    // The rate is constant between the next age band and the end of a recent closure, so
    // draw the wait to the next contact up to there, and again from there if it is not met.
    static constexpr int kBandEnds[] = {1, 5, 10, 16, 18};
    Date boundary = Birthday(kBandEnds[AgeBand(t)]);
    if (t < birth_) boundary = birth_;
    const Date recent_end = last_closed_.AddDays(365);
    if (t < recent_end) boundary = Min(boundary, recent_end);
    if (boundary <= t) boundary = t.AddDays(1);  // a 29 February birthday
    const double wait = rng_.Exponential(365.25 / ContactRate(t));
    if (t.AddDays(static_cast<int>(std::min(wait, 40000.0))) >= boundary) {
      t = boundary;
      continue;
    }
    t = t.AddDays(1 + static_cast<int>(wait));
    if (t > end) break;
    t = Max(t.AddDays(1), Contact(t, false));
  }
  Extras();
  // Only a child with something on record needs a name: most children never have.
  if (!b().empty()) Identity();
}

int Life::AgeBand(Date t) const {
  if (t < Birthday(1)) return 0;
  if (t < Birthday(5)) return 1;
  if (t < Birthday(10)) return 2;
  if (t < Birthday(16)) return 3;
  return 4;
}

double Life::ContactRate(Date t) const {
  double r = P().tier_contact_rate[tier_] * P().age_factor[AgeBand(t)];
  if (t < last_closed_.AddDays(365)) r *= P().recent_close_factor;
  return r;
}

void Life::Identity() {
  Rec p = b().Add(Kind::kPerson);
  p.Text(SF(Person, la_code), c_.la_code)
      .Text(SF(Person, first_name), FirstName(id_rng_, female_))
      .Text(SF(Person, last_name), LastName(id_rng_))
      .Code(SF(Person, sex), female_ ? "F" : "M")
      .Code(SF(Person, ethnicity),
            id_rng_.Pick(arrival_ ? std::span<const Weighted>(kArrivalEthnicity)
                                  : std::span<const Weighted>(kEthnicity)))
      .Text(SF(Person, first_language),
            std::string(id_rng_.Pick(arrival_ ? std::span<const Weighted>(kArrivalLanguage)
                                              : std::span<const Weighted>(kLanguage))))
      .Text(SF(Person, religion), std::string(id_rng_.Pick(kReligion)));
  if (birth_ <= c_.as_at) {
    p.Day(SF(Person, birth_date), birth_);
  } else {
    p.Day(SF(Person, expected_birth_date), birth_);
  }
  const Date school = birth_.AddYears(5);
  if (arrival_) {
    p.Code(SF(Person, upn_unknown), "UN2");
  } else if (school <= c_.as_at) {
    p.Text(SF(Person, upn), MakeUpn(id_rng_, c_.la_code, school.year()));
  } else {
    p.Code(SF(Person, upn_unknown), birth_ <= c_.as_at ? "UN1" : "UN6");
  }
  const Date known = arrival_ ? arrived_ : birth_;
  b().Add(Kind::kPersonIdentifier)
      .Code(SF(PersonIdentifier, identifier_type), "NHS")
      .Text(SF(PersonIdentifier, value), MakeNhsNumber(id_rng_))
      .Day(SF(PersonIdentifier, valid_from), known);
  b().Add(Kind::kAddress)
      .Code(SF(Address, address_type), "HOME")
      .Text(SF(Address, line1), MakeStreet(id_rng_))
      .Text(SF(Address, town), TownName(id_rng_))
      .Text(SF(Address, postcode), HomePostcode())
      .Flag(SF(Address, inside_la), true)
      .Day(SF(Address, start_date), known);
}

std::string_view Life::ContactSource(Date t) {
  const int age = Age(t);
  if (age < 0) return rng_.Pick({{"3B", 40}, {"3D", 25}, {"3F", 15}, {"6", 10}, {"5A", 10}});
  if (age < 5) {
    return rng_.Pick({{"6", 30},
                      {"3B", 14},
                      {"3A", 5},
                      {"3E", 5},
                      {"3F", 8},
                      {"1A", 10},
                      {"2B", 4},
                      {"4", 3},
                      {"5A", 5},
                      {"5C", 3},
                      {"8", 6},
                      {"9", 3},
                      {"10", 4}});
  }
  return rng_.Pick({{"6", 29}, {"2A", 20}, {"2B", 2}, {"3A", 3}, {"3C", 2}, {"3E", 3}, {"3F", 6},
                    {"1A", 7}, {"1B", 2},  {"1C", 2}, {"1D", 1}, {"4", 2},  {"5A", 4}, {"5B", 2},
                    {"5C", 3}, {"5D", 4},  {"7", 3},  {"8", 3},  {"9", 2},  {"10", 2}});
}

// A contact to the front door. Returns the day the child is next free of an open case.
Date Life::Contact(Date t, bool prebirth) {
  const bool weekend = t.weekday() >= Weekday::kSaturday;
  const int minute = weekend ? rng_.Between(0, 1439) : rng_.Between(8 * 60, 18 * 60);
  std::string_view source = ContactSource(t);
  const int age = Age(t);
  // A 16- or 17-year-old presenting as homeless is assessed first (Southwark judgment).
  if (age >= 16 && tier_ > 0 && rng_.Chance(0.06)) source = "4";
  const double p_ref = prebirth ? 0.8 : P().tier_referral_chance[tier_];
  std::string_view outcome = rng_.Chance(p_ref)
                                 ? "REFERRAL"
                                 : rng_.Pick({{"NFA", 40}, {"ADVICE", 36}, {"EARLY_HELP", 24}});
  // The front door decides within a working day, except when it does not.
  Date decided = t;
  int decided_min = minute + rng_.Between(20, 300);
  if (decided_min >= 24 * 60 || weekend) {
    decided = NextWorkingDay(t.AddDays(1));
    decided_min = rng_.Between(9 * 60, 17 * 60);
  }
  if (rng_.Chance(P().decision_late)) decided = AddWd(decided, rng_.Between(2, 6));
  int64_t contact_id = 0;
  if (decided >= c_.history_start.AddDays(-60)) {
    Holder fd = w_.Allocate(Service::kFrontDoor, t, rng_);
    Rec c = b().Add(Kind::kContact);
    c.At(SF(Contact, contact_at), At(t, minute))
        .Code(SF(Contact, source), source)
        .Code(SF(Contact, rag_rating), outcome == "REFERRAL"
                                           ? rng_.Pick({{"RED", 30}, {"AMBER", 50}, {"GREEN", 20}})
                                           : rng_.Pick({{"RED", 2}, {"AMBER", 18}, {"GREEN", 80}}))
        .At(SF(Contact, decision_at), At(decided, decided_min))
        .Code(SF(Contact, outcome), outcome)
        .Flag(SF(Contact, consent), rng_.Chance(0.86));
    if (fd.found())
      c.Ref(SF(Contact, worker_id), fd.worker_id).Ref(SF(Contact, team_id), fd.team_id);
    contact_id = c.id();
  }
  if (source == "4" && age >= 16) {
    // Homeless presentation: assessed; some become looked after under section 20.
    const Date assessed = AddWd(decided, rng_.Between(1, 15));
    const bool looked_after = rng_.Chance(0.35);
    Rec h = b().Add(Kind::kHomelessAssessment);
    h.Day(SF(HomelessAssessment, presented_date), t)
        .Day(SF(HomelessAssessment, assessment_date), assessed)
        .Code(SF(HomelessAssessment, outcome),
              looked_after
                  ? "LOOKED_AFTER"
                  : rng_.Pick(
                        {{"S17", 30}, {"RETURNED_HOME", 35}, {"HOUSING", 20}, {"DECLINED", 15}}))
        .Code(SF(HomelessAssessment, accommodation), looked_after ? "S20"
                                                                  : rng_.Pick({{"FAMILY", 40},
                                                                               {"SUPPORTED", 25},
                                                                               {"HOSTEL", 15},
                                                                               {"BNB", 8},
                                                                               {"NONE", 12}}));
    if (rng_.Chance(0.1))
      h.Int(SF(HomelessAssessment, nights_bed_and_breakfast), rng_.Between(1, 20));
    if (looked_after) return Involvement(assessed, contact_id, "4", Entry::kHomeless);
    return assessed;
  }
  if (outcome == "REFERRAL")
    return Involvement(decided, contact_id, source, prebirth ? Entry::kPrebirth : Entry::kNormal);
  if (outcome == "EARLY_HELP" && age >= 0) {
    bool step_up = false;
    const Date start = decided.AddDays(rng_.Between(3, 25));
    const Date end = EarlyHelp(start, &step_up);
    if (step_up && end <= c_.as_at && end < adult_)
      return Involvement(end, 0, "5D", Entry::kNormal);
    return Min(end, start.AddDays(120));
  }
  return t;
}

// Contacts about a child whose case is open: passed to the allocated worker.
void Life::ExistingContacts(Date from, Date to) {
  to = Min(to, c_.as_at);
  const double mean_gap = 365.25 / P().existing_contact_rate;
  for (Date d = Max(from, c_.history_start.AddDays(-30));;) {
    d = d.AddDays(1 + static_cast<int>(rng_.Exponential(mean_gap)));
    if (d >= to) return;
    const bool weekend = d.weekday() >= Weekday::kSaturday;
    const int minute = weekend ? rng_.Between(0, 1439) : rng_.Between(8 * 60, 18 * 60);
    Holder fd = w_.Allocate(Service::kFrontDoor, d, rng_);
    Rec c = b().Add(Kind::kContact);
    c.At(SF(Contact, contact_at), At(d, minute))
        .Code(SF(Contact, source), ContactSource(d))
        .Code(SF(Contact, rag_rating), rng_.Pick({{"RED", 10}, {"AMBER", 40}, {"GREEN", 50}}))
        .At(SF(Contact, decision_at), At(d, std::min(minute + rng_.Between(10, 240), 24 * 60 - 1)))
        .Code(SF(Contact, outcome), "EXISTING")
        .Flag(SF(Contact, consent), true);
    if (fd.found())
      c.Ref(SF(Contact, worker_id), fd.worker_id).Ref(SF(Contact, team_id), fd.team_id);
  }
}

}  // namespace journey::synth
