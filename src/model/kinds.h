// The kinds of record on a child's journey, and the fields of each.
//
// Each kind is described once, in kinds.cc, as data: its fields with their types, which
// code list a coded field draws on, which kind a reference points at, and what the field
// means and which return or Annex A list uses it. The store derives its tables, the
// validator its field checks, the returns their columns and the generator its output from
// these descriptions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace journey::model {

// Kept in the order of kinds.cc's table (checked at startup).
enum class Kind : uint16_t {
  // identity
  kPerson,
  kPersonIdentifier,
  kAddress,
  kDisability,
  kImmigrationStatus,
  kRelationship,
  // workforce
  kTeam,
  kWorker,
  kAllocation,
  // front door and early help
  kContact,
  kEarlyHelpEpisode,
  kEarlyHelpAssessment,
  // children in need and protection
  kReferral,
  kAssessment,
  kAssessmentFactor,
  kStrategyDiscussion,
  kSection47Enquiry,
  kCpConference,
  kCpPlan,
  kCoreGroup,
  kCinPlan,
  kCinPlanReview,
  kVisit,
  // looked after
  kClaPeriod,
  kPlacement,
  kClaEpisode,
  kCarePlan,
  kClaReview,
  kIroEscalation,
  kHealthAssessment,
  kSdq,
  kImmunisation,
  kSubstanceMisuse,
  kConviction,
  kPep,
  kMissingEpisode,
  kReturnInterview,
  kPreviousPermanence,
  // court
  kPreProceedings,
  kCareProceedings,
  kCourtHearing,
  kCourtOrder,
  kDeprivationOfLiberty,
  kConnectedPersonAssessment,
  // permanence
  kAdoption,
  kAdopterHousehold,
  kLifeStoryWork,
  // care leavers
  kCareLeaverStatus,
  kPathwayPlan,
  kPathwayPlanReview,
  kStayingPut,
  // around the journey
  kPrivateFostering,
  kHomelessAssessment,
  kExploitationRisk,
  kMissingEducation,
  kElectiveHomeEducation,
  kAllegation,
  kIndependentVisitor,
  kAdvocacy,
  kCaseNote,
  // practice and governance
  kSupervision,
  kCaseAudit,
  kComplaint,
  kComplaintStage,
  // governance: inspections and improvement
  kInspection,
  kJudgement,
  kRecommendation,
  kImprovementAction,
  kCount  // not a kind
};

constexpr int kKindCount = static_cast<int>(Kind::kCount);

enum class FieldType : uint8_t { kText, kInt, kDecimal, kBool, kDate, kDateTime, kCode, kRef };
std::string_view FieldTypeName(FieldType t);

struct FieldDef {
  std::string_view name;
  FieldType type;
  bool required = false;
  std::string_view code_list;  // kCode: the code list (data/codes/<name>.csv)
  Kind ref_kind = Kind::kCount;  // kRef: the kind referred to
  std::string_view doc;        // meaning, and the return/list that uses it
  int max_length = 0;          // kText: longest allowed (0 = 1000)
  double min = 0, max = 0;     // kInt/kDecimal: allowed range when min < max
};

// Whether a kind's records belong to one child's journey.
enum class ChildLink : uint8_t {
  kNone,      // workforce and governance records (teams, adopter households)
  kRequired,  // every record is about one child
  kOptional,  // may be about a child (a supervision of a case, or of a worker)
};

struct KindDef {
  Kind kind;
  std::string_view name;  // snake_case; also the store's table name
  std::string_view doc;
  ChildLink child_link;
  std::vector<FieldDef> fields;
  // For kinds that are periods: the fields holding their start and end (end may be
  // open). Validation refuses an end before the start.
  std::string_view start_field;
  std::string_view end_field;
  // The date the record is "as of", used to pick the code-list year.
  std::string_view date_field;
  // Restricted kinds (e.g. adoption) need an explicit grant to read (see the server).
  bool restricted = false;

  int FieldIndex(std::string_view field) const;  // -1 when absent
  const FieldDef& field(int i) const { return fields[static_cast<size_t>(i)]; }
  int start_index = -1, end_index = -1, date_index = -1;  // resolved from the names
};

std::span<const KindDef> AllKinds();
const KindDef& Def(Kind kind);
std::optional<Kind> KindByName(std::string_view name);
std::string_view KindName(Kind kind);

// The index of `field` in `kind`; aborts when absent (a programming error, caught by tests).
int FieldOf(Kind kind, std::string_view field);

}  // namespace journey::model
