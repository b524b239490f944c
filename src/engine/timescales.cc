// The table of timescale rules: each rule's code, default and source, in one place.
// Sources are those of ../shared/reference/DOMAIN.md's "Statutory timescales" table (row
// numbers given as DOMAIN #n); rules not in that table say where they come from and are
// marked [unverified] until checked against the primary text.
#include "engine/timescales.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace journey::engine {
namespace {

constexpr RuleInfo kRules[] = {
    {Rule::kReferralDecision, "REFERRAL_DECISION", "decision on a referral",
     "1 working day from receipt", "Working Together 2018/2023 (DOMAIN #1, secondary quoting WT)",
     false},
    {Rule::kAssessment, "ASSESSMENT_45WD", "child and family assessment authorised",
     "45 working days from the referral",
     "Working Together 2013-2023: 'within 45 working days from the point of referral' "
     "(DOMAIN #2)",
     false},
    {Rule::kInitialConference, "ICPC_15WD", "initial child protection conference",
     "15 working days from the strategy discussion", "Working Together 2018 (DOMAIN #4, secondary)",
     false},
    {Rule::kFirstCoreGroup, "CORE_GROUP_10WD", "first core group meeting",
     "10 working days from the initial conference", "Working Together (DOMAIN #5, secondary)",
     false},
    {Rule::kCpReview, "CP_REVIEW", "child protection review conference",
     "3 months from the initial conference, then at most 6 months apart",
     "Working Together (DOMAIN #6 and #7, secondary)", false},
    {Rule::kCpVisit, "CP_VISIT", "visit to a child on a protection plan",
     "every 10 working days (local default)", "local policy", true},
    {Rule::kCinVisit, "CIN_VISIT", "visit to a child in need on a plan",
     "every 20 working days (local default)", "local policy", true},
    {Rule::kCarePlan, "CLA_CARE_PLAN", "care plan of a looked-after child",
     "10 working days from the start of the first placement",
     "Care Planning, Placement and Case Review (England) Regulations 2010 reg 4(2) (DOMAIN #8, "
     "primary)",
     false},
    {Rule::kClaReview, "CLA_REVIEW", "looked-after review",
     "20 working days from becoming looked after, 3 months after the first, then at most 6 "
     "months apart",
     "CPPCR Regulations 2010 reg 33 (DOMAIN #9, secondary citing reg 33)", false},
    {Rule::kClaVisit, "CLA_VISIT", "statutory visit to a looked-after child",
     "1 week from each placement's start, then 6-weekly in its first year, then 3-monthly in a "
     "long-term placement (otherwise 6-weekly); at home under an interim care order weekly to "
     "the first review then 4-weekly; at home under a care order 1 week from the order then "
     "6-weekly; short breaks 3 months then 6-monthly",
     "CPPCR Regulations 2010 reg 28(2), (4), (5) (DOMAIN #10, primary; 2015 amendment for "
     "long-term foster placements) and reg 48(3)(c) for short breaks",
     false},
    {Rule::kInitialHealth, "IHA_20WD", "initial health assessment",
     "20 working days from becoming looked after (before the first review)",
     "Promoting the health and well-being of looked-after children 2015 (DOMAIN #11, partly "
     "verified)",
     false},
    {Rule::kReviewHealth, "RHA", "review health assessment",
     "6 months after the last assessment under 5, 12 months from 5",
     "Promoting the health and well-being of looked-after children 2015 (DOMAIN #12, "
     "secondary)",
     false},
    {Rule::kPepInitial, "PEP_INITIAL", "personal education plan",
     "10 working days from becoming looked after (local: some councils 20)",
     "Promoting the education of looked-after children 2018 (DOMAIN #13, secondary)", true},
    {Rule::kPepReview, "PEP_REVIEW", "review of the personal education plan",
     "termly, read as at most 4 months apart (local)",
     "Promoting the education of looked-after children 2018 (DOMAIN #13); the month reading "
     "is Journey's",
     true},
    {Rule::kNeedsAssessment16, "NEEDS_ASSESSMENT_16", "care leaver's needs assessment",
     "3 months from the 16th birthday of a child looked after on it",
     "CPPCR Regulations 2010 reg 42 (DOMAIN #14, primary)", false},
    {Rule::kPathwayReview, "PATHWAY_REVIEW", "pathway plan review",
     "6 months from the plan or its last review",
     "Care Leavers (England) Regulations 2010 (DOMAIN #14; regulation number unverified)", false},
    {Rule::kReturnInterview, "RETURN_INTERVIEW_72H", "return home interview",
     "72 hours from the return (counted to the day)",
     "DfE statutory guidance on children who run away or go missing, 2014 (DOMAIN #15, "
     "secondary)",
     true},
    {Rule::kCareProceedings, "PROCEEDINGS_26W", "care proceedings disposed of",
     "26 weeks from issue", "Children Act 1989 s32(1)(a)(ii) (DOMAIN #20, primary)", false},
    {Rule::kAdoptionA1, "ADOPTION_A1", "moved in with the adoptive family",
     "426 days from entering care (scorecard threshold)",
     "Adoption scorecard A1, threshold 14 months since 2013-16 (DOMAIN #16, primary)", false},
    {Rule::kAdoptionA2, "ADOPTION_A2", "matched with adopters",
     "121 days from the placement order (scorecard threshold)",
     "Adoption scorecard A2, threshold 4 months (DOMAIN #17, primary)", false},
    {Rule::kPrivateFosteringVisit, "PF_VISIT", "visit to a privately fostered child",
     "7 working days from notification, then 6-weekly in the first year, then 12-weekly",
     "Children (Private Arrangements for Fostering) Regulations 2005 regs 4 and 8 [unverified: "
     "not in DOMAIN's table]",
     false},
    {Rule::kComplaintStage, "COMPLAINT_STAGE", "response at a stage of the complaints procedure",
     "stage 1: 10 working days; stage 2: 25 working days; stage 3 panel: 30 working days",
     "Children Act 1989 Representations Procedure (England) Regulations 2006 [unverified: not "
     "in DOMAIN's table; extensions to 20 and 65 working days not modelled]",
     false},
    {Rule::kSupervision, "SUPERVISION", "supervision of a worker",
     "every 20 working days (local default)", "local policy", true},
};
static_assert(std::size(kRules) == kRuleCount);

Result<int> ParseInt(std::string_view key, std::string_view v, int lo, int hi) {
  int x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || x < lo || x > hi) {
    return Err(InvalidArgument(fmt::format(
        "timescale setting {}: \"{}\" is not a whole number from {} to {}", key, v, lo, hi)));
  }
  return x;
}

std::string Day(int32_t d) { return d == kNoDay ? "-" : Date::FromDays(d).ToIso(); }

}  // namespace

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo& Info(Rule rule) { return kRules[static_cast<size_t>(rule)]; }

std::optional<Rule> RuleByCode(std::string_view code) {
  for (const RuleInfo& r : kRules)
    if (r.code == code) return r.rule;
  return std::nullopt;
}

Status TimescaleConfig::Set(std::string_view key, std::string_view value) {
  struct IntKey {
    std::string_view name;
    int TimescaleConfig::*field;
    int lo, hi;
  };
  static const IntKey kInts[] = {
      {"cp_visit_working_days", &TimescaleConfig::cp_visit_working_days, 1, 100},
      {"cin_visit_working_days", &TimescaleConfig::cin_visit_working_days, 1, 200},
      {"pep_initial_working_days", &TimescaleConfig::pep_initial_working_days, 1, 60},
      {"pep_review_months", &TimescaleConfig::pep_review_months, 1, 12},
      {"pep_min_age", &TimescaleConfig::pep_min_age, 0, 25},
      {"pep_max_age", &TimescaleConfig::pep_max_age, 0, 25},
      {"supervision_working_days", &TimescaleConfig::supervision_working_days, 1, 200},
      {"return_interview_hours", &TimescaleConfig::return_interview_hours, 1, 720},
  };
  for (const IntKey& k : kInts) {
    if (k.name != key) continue;
    JOURNEY_ASSIGN_OR_RETURN(this->*k.field, ParseInt(key, value, k.lo, k.hi));
    return Status::Ok();
  }
  if (key == "horizon") {
    Result<Date> d = Date::ParseIso(value);
    if (!d) {
      return InvalidArgument(fmt::format(
          "timescale setting horizon: \"{}\" is not a date (allowed: YYYY-MM-DD)", value));
    }
    horizon = *d;
    return Status::Ok();
  }
  bool* flag = key == "assessment_from_referral"      ? &assessment_from_referral
               : key == "cp_review_unborn_birth_rule" ? &cp_review_unborn_birth_rule
                                                      : nullptr;
  if (flag) {
    if (value == "true" || value == "false") {
      *flag = value == "true";
      return Status::Ok();
    }
    return InvalidArgument(
        fmt::format("timescale setting {}: \"{}\" is not true or false", key, value));
  }
  std::string names;
  for (const IntKey& k : kInts) names += fmt::format("{}, ", k.name);
  return InvalidArgument(
      fmt::format("\"{}\" is not a timescale setting (allowed: {}assessment_from_referral, "
                  "cp_review_unborn_birth_rule, horizon)",
                  key, names));
}

std::string FormatObligation(const Obligation& o) {
  std::string s =
      fmt::format("{} child={} from={}:{} start={} due={} met={}", Info(o.rule).code, o.child,
                  model::KindName(o.from_kind), o.from_id, Day(o.start), Day(o.due), Day(o.met));
  if (o.closed != kNoDay) s += fmt::format(" closed={}", Day(o.closed));
  s += fmt::format(" worker={} team={}", o.worker, o.team);
  return s;
}

Timescales::Timescales(TimescaleConfig config, const WorkingDayCalendar& calendar)
    : config_(config), calendar_(&calendar) {}

const std::vector<Kind>& Timescales::Kinds() {
  static const std::vector<Kind> kinds = {Kind::kPerson,
                                          Kind::kAllocation,
                                          Kind::kReferral,
                                          Kind::kAssessment,
                                          Kind::kStrategyDiscussion,
                                          Kind::kSection47Enquiry,
                                          Kind::kCpConference,
                                          Kind::kCpPlan,
                                          Kind::kCoreGroup,
                                          Kind::kCinPlan,
                                          Kind::kVisit,
                                          Kind::kClaPeriod,
                                          Kind::kPlacement,
                                          Kind::kClaEpisode,
                                          Kind::kCarePlan,
                                          Kind::kClaReview,
                                          Kind::kHealthAssessment,
                                          Kind::kPep,
                                          Kind::kMissingEpisode,
                                          Kind::kReturnInterview,
                                          Kind::kCareProceedings,
                                          Kind::kAdoption,
                                          Kind::kPathwayPlan,
                                          Kind::kPathwayPlanReview,
                                          Kind::kPrivateFostering,
                                          Kind::kComplaint,
                                          Kind::kComplaintStage};
  return kinds;
}

std::vector<Kind> Timescales::KindsFor(RuleSet rules) {
  using R = Rule;
  using K = Kind;
  // What each rule's code in rules.cc reads, beyond the person and their allocations.
  static const std::vector<std::pair<R, std::vector<K>>> reads = {
      {R::kReferralDecision, {K::kReferral}},
      {R::kAssessment, {K::kAssessment, K::kReferral}},
      {R::kInitialConference, {K::kSection47Enquiry, K::kStrategyDiscussion, K::kCpConference}},
      {R::kFirstCoreGroup, {K::kCpPlan, K::kCpConference, K::kCoreGroup}},
      {R::kCpReview, {K::kCpPlan, K::kCpConference}},
      {R::kCpVisit, {K::kCpPlan, K::kCpConference, K::kVisit}},
      {R::kCinVisit, {K::kCinPlan, K::kVisit}},
      {R::kCarePlan, {K::kClaPeriod, K::kCarePlan}},
      {R::kClaReview, {K::kClaPeriod, K::kClaReview}},
      {R::kClaVisit,
       {K::kClaPeriod, K::kPlacement, K::kVisit, K::kClaEpisode, K::kCarePlan, K::kClaReview}},
      {R::kInitialHealth, {K::kClaPeriod, K::kHealthAssessment}},
      {R::kReviewHealth, {K::kClaPeriod, K::kHealthAssessment}},
      {R::kPepInitial, {K::kClaPeriod, K::kPep}},
      {R::kPepReview, {K::kClaPeriod, K::kPep}},
      {R::kNeedsAssessment16, {K::kClaPeriod, K::kPathwayPlan}},
      {R::kPathwayReview, {K::kPathwayPlan, K::kPathwayPlanReview}},
      {R::kReturnInterview, {K::kMissingEpisode, K::kReturnInterview}},
      {R::kCareProceedings, {K::kCareProceedings}},
      {R::kAdoptionA1, {K::kAdoption, K::kClaPeriod}},
      {R::kAdoptionA2, {K::kAdoption}},
      {R::kPrivateFosteringVisit, {K::kPrivateFostering, K::kVisit}},
      {R::kComplaintStage, {K::kComplaintStage}},
      {R::kSupervision, {}},
  };
  std::vector<K> out = {K::kPerson, K::kAllocation};
  for (const auto& [rule, kinds] : reads)
    if (rules.has(rule))
      for (K k : kinds)
        if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  return out;
}

std::vector<Obligation> Timescales::ForAll(const Projection& p, Date as_at) const {
  std::vector<Obligation> out;
  p.ForEachChild(Kinds(), [&](const ChildView& v) { ForChild(p, v, as_at, &out); });
  ForOrganisation(p, as_at, &out);
  std::sort(out.begin(), out.end(), [](const Obligation& a, const Obligation& b) {
    return std::tie(a.child, a.rule, a.start, a.from_kind, a.from_id, a.due) <
           std::tie(b.child, b.rule, b.start, b.from_kind, b.from_id, b.due);
  });
  return out;
}

}  // namespace journey::engine
