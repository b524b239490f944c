// Statutory and local timescales: from a child's record and an as-at date, the obligations
// the council has towards the child, each with the record that started its clock, its due
// date, the date it was met (if it was, on or before the as-at date) and who is
// responsible. Every rule is one entry in timescales.cc's table (code, source, default)
// and one function in rules.cc or rules_care.cc; docs/TIMESCALES.md says how each is counted.
//
// Conventions (docs/TIMESCALES.md, "Boundaries"):
// - `due` is the last day on which meeting the obligation is on time (inclusive).
// - Working-day deadlines use WorkingDayCalendar::AddWorkingDays (day 0 is the event day;
//   an event on a weekend counts from the next working day), so they never fall on a
//   non-working day. Calendar-day, week and month deadlines are not moved.
// - An obligation exists as at D when its clock started on or before D. It is met as at D
//   when the meeting event is dated on or before D; later events are not yet known.
// - Recurring duties (visits, reviews) are chains: each meeting event restarts the clock.
// - When the episode carrying a duty (a plan, a period of care) ends before the duty fell
//   due, the duty falls away and is not listed; when it ends on or after the due date with
//   the duty unmet, the obligation is listed as lapsed (`closed` = the end date).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/calendar.h"
#include "base/date.h"
#include "base/status.h"
#include "engine/projection.h"

namespace journey::engine {

enum class Rule : uint8_t {
  kReferralDecision,
  kAssessment,
  kInitialConference,
  kFirstCoreGroup,
  kCpReview,
  kCpVisit,
  kCinVisit,
  kCarePlan,
  kClaReview,
  kClaVisit,
  kInitialHealth,
  kReviewHealth,
  kPepInitial,
  kPepReview,
  kNeedsAssessment16,
  kPathwayReview,
  kReturnInterview,
  kCareProceedings,
  kAdoptionA1,
  kAdoptionA2,
  kPrivateFosteringVisit,
  kComplaintStage,
  kSupervision,
  kCount  // not a rule
};
constexpr int kRuleCount = static_cast<int>(Rule::kCount);

// A set of rules (one bit each): lets a caller that needs a few rules (an indicator) skip
// the work of the others.
class RuleSet {
 public:
  constexpr RuleSet() = default;
  constexpr RuleSet(std::initializer_list<Rule> rules) {
    for (Rule r : rules) bits_ |= Bit(r);
  }
  static constexpr RuleSet All() {
    RuleSet s;
    s.bits_ = (uint32_t{1} << kRuleCount) - 1;
    return s;
  }
  constexpr bool has(Rule r) const { return (bits_ & Bit(r)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr RuleSet& operator|=(RuleSet o) {
    bits_ |= o.bits_;
    return *this;
  }
  friend constexpr bool operator==(RuleSet, RuleSet) = default;

 private:
  static constexpr uint32_t Bit(Rule r) { return uint32_t{1} << static_cast<int>(r); }
  uint32_t bits_ = 0;
};
static_assert(kRuleCount <= 32, "RuleSet holds the rules in 32 bits");

struct RuleInfo {
  Rule rule;
  std::string_view code;       // stable name, e.g. "ASSESSMENT_45WD"
  std::string_view title;      // what is due
  std::string_view timescale;  // the default, in words
  std::string_view source;     // regulation or guidance; "local" where policy sets it
  bool local;                  // configurable local policy
};

std::span<const RuleInfo> AllRules();
const RuleInfo& Info(Rule rule);
std::optional<Rule> RuleByCode(std::string_view code);

// The local-policy settings, with their defaults (each documented in docs/TIMESCALES.md).
struct TimescaleConfig {
  // ASSESSMENT_45WD: count from the referral (Working Together: "from the point of
  // referral"; the default) or from the assessment's start (as the CIN census measures).
  bool assessment_from_referral = true;
  int cp_visit_working_days = 10;     // CP_VISIT: local, e.g. every 10 working days
  int cin_visit_working_days = 20;    // CIN_VISIT: local, e.g. every 20 working days
  int pep_initial_working_days = 10;  // PEP_INITIAL: 10 (some councils 20)
  int pep_review_months = 4;          // PEP_REVIEW: "termly", read as at most 4 months apart
  int pep_min_age = 3;                // PEPs from the early years ...
  int pep_max_age = 17;               // ... to the end of the year the child turns 17
  int supervision_working_days = 20;  // SUPERVISION: local, e.g. every 4 weeks
  int return_interview_hours = 72;    // RETURN_INTERVIEW: 72 hours
  // CP_REVIEW for a child unborn at the initial conference: first review within 10 working
  // days of the birth if sooner than 3 months (Tees procedures; local, off by default).
  bool cp_review_unborn_birth_rule = false;
  // The record's horizon (store/record_span.h): the first day from which the council's
  // record is complete. An obligation whose clock started before it is outside the record
  // (the events that met it may never have been recorded) and is not produced at all:
  // neither listed as due or overdue nor counted as met or late. docs/TIMESCALES.md.
  std::optional<Date> horizon;

  // Sets one setting by name ("cp_visit_working_days=15"); errors name the key and value.
  Status Set(std::string_view key, std::string_view value);
};

struct Obligation {
  int32_t child = 0;  // 0 for duties towards no child (a worker's supervision)
  Rule rule = Rule::kCount;
  Kind from_kind = Kind::kPerson;  // the record that started the clock
  int32_t from_id = 0;
  int32_t start = kNoDay;   // the day the clock started
  int32_t due = kNoDay;     // the last day on time
  int32_t met = kNoDay;     // the day met, when on or before the as-at date
  int32_t closed = kNoDay;  // lapsed: the day the episode ended with the duty unmet
  int32_t worker = 0;       // responsible, from the allocation current on the as-at date
  int32_t team = 0;

  bool is_met() const { return met != kNoDay; }
  bool is_open() const { return met == kNoDay && closed == kNoDay; }
  // Days late when met (met - due, > 0 when late), or, for an open obligation, days
  // overdue as at `as_at` (as_at - due, > 0 when overdue).
  int32_t DaysLate(Date as_at) const { return (is_met() ? met : as_at.days()) - due; }

  friend auto operator<=>(const Obligation&, const Obligation&) = default;
};

// "ASSESSMENT_45WD child=1 from=assessment:3 start=2024-01-02 due=2024-03-06 met=- worker=7
// team=3" (with " closed=DATE" for a lapsed one): the golden tests' form.
std::string FormatObligation(const Obligation& o);

class Timescales {
 public:
  explicit Timescales(TimescaleConfig config = {},
                      const WorkingDayCalendar& calendar = WorkingDayCalendar::EnglandAndWales());

  const TimescaleConfig& config() const { return config_; }
  const WorkingDayCalendar& calendar() const { return *calendar_; }

  // The obligations of one child as at `as_at`, appended to `out` in rule order; with
  // `open_only`, only those neither met nor lapsed (what a due list needs).
  // `rules`: only these rules' obligations are computed (the child's view needs only the
  // kinds KindsFor(rules) names).
  void ForChild(const Projection& p, const ChildView& child, Date as_at,
                std::vector<Obligation>* out, bool open_only = false,
                RuleSet rules = RuleSet::All()) const;
  // Duties towards no child (workers' supervision), appended to `out`.
  void ForOrganisation(const Projection& p, Date as_at, std::vector<Obligation>* out) const;
  // Everything, sorted (child, rule, start, from).
  std::vector<Obligation> ForAll(const Projection& p, Date as_at) const;

  // The kinds the rules read (for Projection::ForEachChild).
  static const std::vector<Kind>& Kinds();
  // The kinds the given rules read (person and allocation always: age and who is
  // responsible).
  static std::vector<Kind> KindsFor(RuleSet rules);

 private:
  TimescaleConfig config_;
  const WorkingDayCalendar* calendar_;
};

}  // namespace journey::engine
