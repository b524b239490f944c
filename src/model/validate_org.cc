// Rules between records about no child (governance). See validate.h for the list.
#include <fmt/format.h>

#include "model/frameworks.h"
#include "model/validate.h"

namespace journey::model {

namespace {

// The framework of the inspection a judgement or recommendation belongs to.
Result<std::string> FrameworkOf(const Record& r, const RecordLookup& lookup) {
  const std::optional<int64_t> id = r.GetInt("inspection_id");
  if (!id) return std::string();  // a required field: ValidateRecord has said so
  JOURNEY_ASSIGN_OR_RETURN(std::optional<Record> inspection, lookup(Kind::kInspection, *id));
  if (!inspection) {
    return Err(FailedPrecondition(
        fmt::format("{}: field inspection_id value \"{}\": no inspection {} exists [JR-REF]",
                    r.Label(), *id, *id)));
  }
  return inspection->GetString("framework").value_or("");
}

Status AreaIsJudged(const Record& r, std::string_view framework, std::string_view rule) {
  const std::optional<std::string> area = r.GetString("area");
  if (!area || Frameworks::Default().Area(framework, *area)) return Status::Ok();
  const std::string allowed = Frameworks::Default().AllowedAreas(framework);
  return FailedPrecondition(fmt::format(
      "{}: field area value \"{}\": the {} framework does not judge this area; it judges {} "
      "[{}]",
      r.Label(), *area, framework,
      allowed.empty() ? "no areas (it makes no graded judgements)" : allowed, rule));
}

}  // namespace

Status ValidateOrganisation(const Record& r, const RecordLookup& lookup) {
  if (r.kind == Kind::kJudgement) {
    // JR-GOV-1. Source: each framework's published scale (Ofsted's APA 2007 grade
    // descriptors; the 2011 annual assessment's four levels; the SIF 2013-17 and ILACS
    // evaluation schedules), as data/inspection_frameworks.csv records them.
    JOURNEY_ASSIGN_OR_RETURN(std::string framework, FrameworkOf(r, lookup));
    JOURNEY_RETURN_IF_ERROR(AreaIsJudged(r, framework, "JR-GOV-1"));
    const std::optional<std::string> grade = r.GetString("grade");
    if (grade && !Frameworks::Default().Grade(framework, *grade)) {
      const std::string allowed = Frameworks::Default().AllowedGrades(framework);
      return FailedPrecondition(fmt::format(
          "{}: field grade value \"{}\": not a grade on the {} framework's scale; {} [JR-GOV-1]",
          r.Label(), *grade, framework,
          allowed.empty() ? "it makes no graded judgements"
                          : fmt::format("its grades are {}", allowed)));
    }
  } else if (r.kind == Kind::kRecommendation) {
    // JR-GOV-2: a recommendation filed under an area its framework does not judge could
    // never be shown beside that area's judgement.
    JOURNEY_ASSIGN_OR_RETURN(std::string framework, FrameworkOf(r, lookup));
    JOURNEY_RETURN_IF_ERROR(AreaIsJudged(r, framework, "JR-GOV-2"));
  }
  return Status::Ok();
}

}  // namespace journey::model
