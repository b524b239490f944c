// One child's life as the generator simulates it: from birth (or, for an unaccompanied
// child, from arrival) to the end of the history, event by event. Contacts arrive at a rate
// that depends on the family's needs and the child's age; a contact may become a referral,
// and a referral an assessment, a section 47 enquiry, a protection plan, a child in need
// plan or a period of care; a period of care may end in adoption, special guardianship,
// a return home or leaving care. Practice is realistic, not perfect: some assessments,
// conferences, reviews, visits and return interviews are late or missed.
//
// A Life draws only on its own random stream (seed, council, index), so children can be
// generated in any order, or in parallel, and still come out the same.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "synth/builder.h"
#include "synth/council.h"
#include "synth/params.h"
#include "synth/rng.h"
#include "synth/workforce.h"

namespace journey::synth {

// A stretch of a case held in one service ("phase"), and the workers who held it.
struct Phase {
  Service service;
  Date from;
};
struct Assigned {
  int64_t worker = 0, team = 0, manager = 0;
  Date from, until;
};

// How a period of care begins.
enum class CareRoute { kFromPlan, kEmergency, kAccommodated, kUnaccompanied, kRemand };
// How a referral comes about.
enum class Entry { kNormal, kPrebirth, kHomeless, kArrival };

// The shape of one period of care, decided when it begins: its legal statuses and
// placements over time, how and when it ends, and the permanence milestones on the way.
enum class CarePlanKind { kReturn, kAdopt, kSgo, kLongTerm, kUnaccompanied, kRemand };
struct LegalChange {
  Date day;
  std::string_view status;  // 903 LS
};
struct PlacementSpec {
  Date day;
  std::string_view kind;        // F foster, K kin, L long-term foster, M long-term kin,
                                // A adoption, G fostering for adoption, R residential,
                                // S semi-independent, I independent, P parents,
                                // Y custody, B mother and baby, O other
  bool same_carer = false;      // the carer is the previous placement's (903 RNE T or U)
  std::string_view prev_ended;  // why the previous placement ended (REASON_PLACE_CHANGE)
};
struct CareTimeline {
  CarePlanKind plan = CarePlanKind::kReturn;
  Date start, end;
  std::string_view rec;  // why the period ends (903 REC)
  std::vector<LegalChange> legal;
  std::vector<PlacementSpec> places;
  bool proceedings = false, emergency = false;
  Date issue, final_hearing;
  std::string_view final_order;  // court_order code
  Date decision, placement_order, match, placed, adoption_order, reversed;
  bool foster_carer_adopts = false, ffa = false;
};

class Life {
 public:
  Life(const Council& c, const Workforce& w, int64_t index, bool arrival);
  void Run();
  // The child's records, then those of any baby born to her.
  std::span<ChildBuilder> people() {
    return std::span<ChildBuilder>(people_.data(), people_count_);
  }

 private:
  using Rec = ChildBuilder::Rec;
  ChildBuilder& b() { return people_[0]; }

  // life.cc: identity and the stream of contacts.
  void Identity();
  void Arrival();
  double ContactRate(Date t) const;
  Date Contact(Date t, bool prebirth);
  void ExistingContacts(Date from, Date to);
  std::string_view ContactSource(Date t);
  int AgeBand(Date t) const;
  // Whole years of age on t (as AgeInYears), from birthdays worked out once.
  int Age(Date t) const {
    if (t < birth_) return -1;
    if (!have_birthdays_) {
      for (int k = 0; k < kBirthdays; ++k) birthdays_[k] = Birthday(k);
      have_birthdays_ = true;
    }
    int a = 0;
    while (a < kBirthdays - 1 && birthdays_[a + 1] <= t) ++a;
    return a == kBirthdays - 1 ? AgeInYears(birth_, t) : a;
  }
  // The day the child turns k, as AgeInYears counts it: a 29 February birthday falls on
  // 1 March in common years.
  Date Birthday(int k) const {
    const int y = birth_ymd_.year + k;
    return birth_ymd_.month == 2 && birth_ymd_.day == 29 && !IsLeapYear(y)
               ? Date::FromYmd(y, 3, 1)
               : Date::FromYmd(y, birth_ymd_.month, birth_ymd_.day);
  }
  const std::string& HomePostcode();
  bool InHistory(Date d) const { return d >= c_.history_start && d <= c_.as_at; }
  bool Recorded(Date d) const { return d >= c_.history_start; }

  // life_cin.cc: referral to the end of the case.
  Date Involvement(Date day, int64_t contact_id, std::string_view source, Entry entry);
  Date Assessment(int64_t referral, Date referral_date, bool prebirth, std::string_view outcome);
  Date Protection(int64_t referral, Date strategy_day, int depth);
  Date CpPlan(int64_t referral, int64_t icpc, Date start);
  Date CinPlan(int64_t referral, Date start, int depth);
  Date EarlyHelp(Date start, bool* step_up);
  void Factors(const Rec& assessment, bool protection);
  std::string_view PrimaryNeed();

  // life_care.cc: a period of care.
  Date Care(Date start, CareRoute route);
  CareTimeline PlanCare(Date start, CareRoute route);
  void PlanProceedings(CareTimeline& t, Date issue, std::string_view interim);
  void PlanEnding(CareTimeline& t, int age);
  void PlanPlacements(CareTimeline& t);
  void PlanMoves(CareTimeline& t, Date from, Date to, std::string_view kind);
  std::vector<int64_t> Placements(const CareTimeline& t, int64_t period);
  void DeprivationOfLiberty(std::string_view code, Date from, Date to, int64_t placement);
  std::vector<int64_t> Episodes(const CareTimeline& t, int64_t period);
  void CareRecords(const CareTimeline& t, int64_t period, const std::vector<int64_t>& placements);
  void Reviews(const CareTimeline& t, int64_t period, const std::vector<Assigned>& iro);
  void Health(const CareTimeline& t);
  void Education(const CareTimeline& t);
  void Missing(const CareTimeline& t, int64_t period);

  // life_perm.cc: the court, permanence and leaving care.
  void Proceedings(const CareTimeline& t);
  void AdoptionRecord(const CareTimeline& t, int64_t period);
  void LeavingCare(Date left, bool eligible, bool staying_put);
  void Baby(Date birth);

  // life_extra.cc: everything around the journey.
  void Extras();
  void Allocations(const std::vector<Phase>& phases, Date end, std::string_view role,
                   std::vector<Assigned>* out);
  void AssignWorkers(const std::vector<size_t>& marks, const std::vector<Assigned>& sw);
  void CaseWork(const std::vector<Assigned>& sw, Date from, Date to);
  void Note(Date d, std::string_view type, int64_t worker);
  std::vector<size_t> Marks();
  // Visits every `interval` days, the first within `first_within` of `from`; some late.
  // `field` (when not -1) refers each visit to its plan or period `parent`; `who`, when
  // given, says who visited on each date.
  void Visits(std::string_view type, int field, int64_t parent, Date from, Date to, int interval,
              int first_within, const std::vector<Assigned>* who = nullptr);
  void Complaint(Date from, Date to);
  void Audit(const std::vector<Assigned>& sw, Date from, Date to);

  const Council& c_;
  const Workforce& w_;
  Rng rng_;
  Rng id_rng_;  // names and identifiers: drawn only for children with a record
  static constexpr int kBirthdays = 27;
  mutable Date birthdays_[kBirthdays];  // birthdays_[k]: the day the child turns k
  mutable bool have_birthdays_ = false;
  YearMonthDay birth_ymd_{};
  Date arrived_;
  // The child and at most one baby. Fixed storage: handles on records (Rec) point at the
  // builders, which must never move.
  std::array<ChildBuilder, 2> people_;
  size_t people_count_ = 1;
  std::vector<Phase> phases_;  // of the open case

  Date birth_;
  Date adult_;  // 18th birthday
  bool female_ = false;
  bool arrival_ = false;  // an unaccompanied asylum-seeking child
  bool disabled_ = false;
  int tier_ = 0;
  Date last_closed_ = Date::FromDays(-(1 << 30));
  int cp_plans_ = 0;
  int care_periods_ = 0;
  bool adopted_or_sgo_ = false;  // left care to adoption or special guardianship
  bool has_disability_record_ = false;
  bool mother_ = false;
  std::string home_postcode_;
  std::string_view closure_ = "RC7";  // why the open case closes (CIN ReasonForClosure)
};

}  // namespace journey::synth
