// The record kinds of Journey, as data. Field names follow the DfE returns' and the
// Standard Safeguarding Dataset's meanings (see ../shared/reference/DATA-SPECS.md §1-§3 and
// §11); the doc string of each field says which return or Annex A list uses it.
#include "model/kinds.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace journey::model {
namespace {

using FT = FieldType;

FieldDef Text(std::string_view n, std::string_view doc, int max_length = 0) {
  FieldDef f{n, FT::kText};
  f.doc = doc;
  f.max_length = max_length;
  return f;
}
FieldDef Int(std::string_view n, std::string_view doc, double lo = 0, double hi = 0) {
  FieldDef f{n, FT::kInt};
  f.doc = doc;
  f.min = lo;
  f.max = hi;
  return f;
}
FieldDef Dec(std::string_view n, std::string_view doc, double lo = 0, double hi = 0) {
  FieldDef f{n, FT::kDecimal};
  f.doc = doc;
  f.min = lo;
  f.max = hi;
  return f;
}
FieldDef Bool(std::string_view n, std::string_view doc) {
  FieldDef f{n, FT::kBool};
  f.doc = doc;
  return f;
}
FieldDef Day(std::string_view n, std::string_view doc) {
  FieldDef f{n, FT::kDate};
  f.doc = doc;
  return f;
}
FieldDef When(std::string_view n, std::string_view doc) {
  FieldDef f{n, FT::kDateTime};
  f.doc = doc;
  return f;
}
FieldDef Code(std::string_view n, std::string_view list, std::string_view doc) {
  FieldDef f{n, FT::kCode};
  f.code_list = list;
  f.doc = doc;
  return f;
}
FieldDef Ref(std::string_view n, Kind k, std::string_view doc) {
  FieldDef f{n, FT::kRef};
  f.ref_kind = k;
  f.doc = doc;
  return f;
}
FieldDef Req(FieldDef f) {
  f.required = true;
  return f;
}

// Fields many kinds share.
FieldDef WorkerRef(std::string_view doc = "worker responsible") {
  return Ref("worker_id", Kind::kWorker, doc);
}
FieldDef TeamRef(std::string_view doc = "team responsible") {
  return Ref("team_id", Kind::kTeam, doc);
}

using CL = ChildLink;

std::vector<KindDef> BuildKinds() {
  std::vector<KindDef> k;
  auto add = [&](Kind kind, std::string_view name, std::string_view doc, ChildLink link,
                 std::vector<FieldDef> fields, std::string_view start = {},
                 std::string_view end = {}, std::string_view date = {}, bool restricted = false) {
    KindDef d{kind, name, doc, link, std::move(fields), start, end, date.empty() ? start : date,
              restricted};
    k.push_back(std::move(d));
  };

  // ---- identity ----
  add(Kind::kPerson, "person",
      "A child or young person (or a related adult such as a mother). The root of the journey.",
      CL::kNone,
      {Req(Text("la_child_id", "the council's stable child identifier (CIN LAchildID, 903 CHILD)", 20)),
       Text("la_code", "the council (DfE 3-digit LA code) whose record this is", 3),
       Text("first_name", "given name (synthetic in every dataset in the repository)", 100),
       Text("last_name", "family name", 100),
       Code("sex", "sex", "sex as the returns record it (903 SEX, CIN GenderCurrent)"),
       Day("birth_date", "date of birth (903 DOB, CIN PersonBirthDate)"),
       Day("expected_birth_date", "expected date of birth of an unborn child (CIN ExpectedPersonBirthDate)"),
       Day("death_date", "date of death (CIN PersonDeathDate)"),
       Code("ethnicity", "ethnicity", "DfE main ethnicity code (903 ETHNIC, CIN Ethnicity)"),
       Text("upn", "unique pupil number (903 UPN, CIN UPN)", 13),
       Code("upn_unknown", "upn_unknown", "why there is no UPN (UN1-UN10)"),
       Text("first_language", "first language", 50),
       Text("religion", "religion", 50)},
      "birth_date", "death_date", "birth_date");
  add(Kind::kPersonIdentifier, "person_identifier",
      "Another identifier of the person, with its validity (former UPN, NHS number, ...).",
      CL::kRequired,
      {Req(Code("identifier_type", "identifier_type", "kind of identifier")),
       Req(Text("value", "the identifier", 48)), Day("valid_from", "from"),
       Day("valid_to", "to")},
      "valid_from", "valid_to");
  add(Kind::kAddress, "address", "Where the person lived, and when.", CL::kRequired,
      {Code("address_type", "address_type", "home, placement, ..."),
       Text("line1", "first line (synthetic)", 200), Text("town", "town", 100),
       Text("postcode", "postcode (903 HOME_POST)", 8),
       Bool("inside_la", "inside the council's own area"), Req(Day("start_date", "moved in")),
       Day("end_date", "moved out")},
      "start_date", "end_date");
  add(Kind::kDisability, "disability", "A disability (CIN Disability, one row per code).",
      CL::kRequired,
      {Req(Code("disability", "disability", "CIN disability code")),
       Day("recorded_date", "when recorded")},
      {}, {}, "recorded_date");
  add(Kind::kImmigrationStatus, "immigration_status",
      "Immigration status over time, including unaccompanied asylum-seeking children (903 UASC).",
      CL::kRequired,
      {Req(Code("status", "immigration_status", "status")),
       Req(Day("start_date", "from")),
       Day("end_date", "to (for UASC: 903 DUC, the date UASC status ceased)")},
      "start_date", "end_date");
  add(Kind::kRelationship, "relationship",
      "How the child is related to another person (mother, sibling, ...): 903 MOTHER and MC_DOB "
      "are derived from a 'child' relationship.",
      CL::kRequired,
      {Req(Ref("related_person_id", Kind::kPerson, "the other person")),
       Req(Code("relationship", "relationship", "what the other person is to the child")),
       Day("start_date", "from"), Day("end_date", "to")},
      "start_date", "end_date");

  // ---- workforce ----
  add(Kind::kTeam, "team", "A team or service area of the council.", CL::kNone,
      {Req(Text("name", "team name", 100)), Text("la_code", "council (DfE 3-digit LA code)", 3),
       Req(Code("service", "team_service", "service area")),
       Ref("parent_team_id", Kind::kTeam, "the team above, if any"),
       Day("start_date", "from"), Day("end_date", "to")},
      "start_date", "end_date");
  add(Kind::kWorker, "worker",
      "A member of staff: social worker, personal adviser, manager, reviewing officer (CSWW census).",
      CL::kNone,
      {Req(Text("name", "name (synthetic)", 100)), Req(Code("role", "worker_role", "role")),
       Ref("team_id", Kind::kTeam, "current team"),
       Bool("agency", "agency (not permanent) worker (CSWW AgencyWorker)"),
       Text("swe_number", "Social Work England registration number (903 SW_ID)", 10),
       Dec("fte", "full-time equivalent", 0, 1.0001), Req(Day("start_date", "started")),
       Day("end_date", "left"),
       Code("leaving_reason", "reason_leave", "reason for leaving (CSWW ReasonLeave)")},
      "start_date", "end_date");
  add(Kind::kAllocation, "allocation",
      "A worker's and team's allocation to a child: the history behind 'allocated worker' "
      "(Annex A lists 6-8) and the 903 SocialWorker table.",
      CL::kRequired,
      {Req(Ref("worker_id", Kind::kWorker, "allocated worker")), TeamRef("allocated team"),
       Req(Code("role", "allocation_role", "social worker, personal adviser, reviewing officer")),
       Req(Day("start_date", "allocated (903 SW_DECOM)")), Day("end_date", "ended (903 SW_DEC)"),
       Code("change_reason", "sw_reason", "why the worker changed (903 SW_REASON)")},
      "start_date", "end_date");

  // ---- front door and early help ----
  add(Kind::kContact, "contact", "A contact to children's social care (Annex A List 1).",
      CL::kRequired,
      {Req(When("contact_at", "date and time the contact was received")),
       Code("source", "referral_source", "who made the contact (CIN ReferralSource)"),
       Code("rag_rating", "rag_rating", "MASH red/amber/green rating"),
       When("decision_at", "date and time of the decision on the contact"),
       Code("outcome", "contact_outcome", "what was decided"),
       Bool("consent", "parental consent obtained or dispensed with"), WorkerRef(), TeamRef()},
      {}, {}, "contact_at");
  add(Kind::kEarlyHelpEpisode, "early_help_episode", "An early help episode (Annex A List 2).",
      CL::kRequired,
      {Req(Day("start_date", "episode start")), Day("end_date", "episode end"),
       Code("end_reason", "early_help_end_reason", "why it ended"),
       Text("lead_agency", "lead professional's agency", 100), WorkerRef(), TeamRef()},
      "start_date", "end_date");
  add(Kind::kEarlyHelpAssessment, "early_help_assessment", "An early help assessment.",
      CL::kRequired,
      {Ref("episode_id", Kind::kEarlyHelpEpisode, "its episode"),
       Req(Day("start_date", "started")), Day("completed_date", "completed"), WorkerRef()},
      "start_date", "completed_date");

  // ---- children in need and protection ----
  add(Kind::kReferral, "referral",
      "A referral, opening a child in need episode (CIN CINdetails; Annex A List 3). The spine "
      "of the journey: assessments, plans, enquiries and conferences hang from it.",
      CL::kRequired,
      {Ref("contact_id", Kind::kContact, "the contact that led to it"),
       Req(Day("referral_date", "CIN CINreferralDate")),
       When("received_at", "date and time received, for the one-working-day decision"),
       When("decision_at", "date and time the next steps were decided"),
       Code("source", "referral_source", "CIN ReferralSource"),
       Code("primary_need", "primary_need", "CIN PrimaryNeedCode"),
       Bool("nfa", "no further action after the referral (CIN ReferralNFA)"),
       Day("closure_date", "CIN CINclosureDate"),
       Code("closure_reason", "closure_reason", "CIN ReasonForClosure"), WorkerRef(), TeamRef(),
       Int("stated_referrals_12m",
           "Annex A List 3 Number of Referrals in Last 12 Months, as an Annex A import stated it (docs/returns/annex-a.md)", 0, 999)},
      "referral_date", "closure_date");
  add(Kind::kAssessment, "assessment",
      "A child and family (single) assessment (CIN Assessments; Annex A List 4).", CL::kRequired,
      {Ref("referral_id", Kind::kReferral, "its referral"),
       Req(Day("start_date", "CIN AssessmentActualStartDate")),
       Day("internal_review_date", "CIN AssessmentInternalReviewDate"),
       Day("authorised_date", "CIN AssessmentAuthorisationDate"),
       Bool("child_seen", "child seen during the assessment"),
       Day("child_seen_date", "when the child was first seen"),
       Code("outcome", "assessment_outcome", "what the assessment concluded"),
       Bool("pre_birth", "a pre-birth assessment"), WorkerRef(), TeamRef()},
      "start_date", "authorised_date");
  add(Kind::kAssessmentFactor, "assessment_factor",
      "A factor identified at the end of an assessment (CIN AssessmentFactors).", CL::kRequired,
      {Req(Ref("assessment_id", Kind::kAssessment, "the assessment")),
       Req(Code("factor", "assessment_factor", "factor code"))});
  add(Kind::kStrategyDiscussion, "strategy_discussion",
      "A strategy discussion or meeting on reasonable cause to suspect significant harm.",
      CL::kRequired,
      {Ref("referral_id", Kind::kReferral, "its referral"),
       Req(Day("discussion_date", "date held")),
       Code("form", "strategy_form", "meeting or call"),
       Bool("police_present", "police took part"), Bool("health_present", "health took part"),
       Bool("education_present", "education took part"),
       Code("outcome", "strategy_outcome", "section 47 or not")},
      {}, {}, "discussion_date");
  add(Kind::kSection47Enquiry, "section47_enquiry",
      "A section 47 enquiry (CIN Section47; Annex A List 5).", CL::kRequired,
      {Ref("referral_id", Kind::kReferral, "its referral"),
       Ref("strategy_discussion_id", Kind::kStrategyDiscussion, "the discussion that began it"),
       Req(Day("start_date", "CIN S47ActualStartDate: the strategy discussion's date")),
       Day("end_date", "enquiry completed"),
       Code("outcome", "s47_outcome", "outcome of the enquiry"),
       Bool("icpc_not_required", "CIN ICPCnotRequired"), WorkerRef(), TeamRef(),
       Int("stated_s47_12m",
           "Annex A List 5 Number of Section 47 Enquiries in the last 12 months, as an Annex A import stated it (docs/returns/annex-a.md)", 0, 999),
       Int("stated_icpcs_12m", "Annex A List 5 Number of ICPCs in the last 12 months, as an Annex A import stated it (docs/returns/annex-a.md)", 0,
           999),
       Bool("stated_concluded",
            "Annex A List 5: concluded by the inspection date, no end date on record, as an Annex A import stated it (docs/returns/annex-a.md)")},
      "start_date", "end_date");
  add(Kind::kCpConference, "cp_conference",
      "A child protection conference: initial (CIN DateOfInitialCPC) or review (CIN "
      "CPPreviewDate).",
      CL::kRequired,
      {Req(Code("conference_type", "conference_type", "initial, review or transfer-in")),
       Ref("referral_id", Kind::kReferral, "its referral"),
       Ref("s47_id", Kind::kSection47Enquiry, "for an initial conference: its enquiry"),
       Ref("cp_plan_id", Kind::kCpPlan, "for a review: the plan reviewed"),
       Req(Day("conference_date", "date held")),
       Code("outcome", "conference_outcome", "plan or no plan"),
       Bool("parents_attended", "a parent attended"),
       Code("child_participation", "participation", "how the child took part (PN0-PN7)"),
       Bool("police_attended", "police"), Bool("health_attended", "health"),
       Bool("education_attended", "school or education"),
       Ref("chair_id", Kind::kWorker, "conference chair")},
      {}, {}, "conference_date");
  add(Kind::kCpPlan, "cp_plan", "A child protection plan (CIN ChildProtectionPlans; List 7).",
      CL::kRequired,
      {Ref("referral_id", Kind::kReferral, "its referral"),
       Ref("icpc_id", Kind::kCpConference, "the initial conference"),
       Req(Day("start_date", "CIN CPPstartDate")), Day("end_date", "CIN CPPendDate"),
       Req(Code("initial_category", "category_of_abuse", "CIN InitialCategoryOfAbuse")),
       Code("latest_category", "category_of_abuse", "CIN LatestCategoryOfAbuse"),
       Code("end_reason", "cp_end_reason", "why the plan ended"),
       Bool("other_la", "a plan of another council transferred in"), WorkerRef(), TeamRef(),
       Int("previous_plans",
           "CIN NumberOfPreviousCPP as a census gave it (set by an import; when empty the "
           "census counts the child's earlier plans on record)",
           0, 99),
       Bool("stated_epo_6m",
            "Annex A List 7 emergency or police protection in the last six months, as an Annex A import stated it (docs/returns/annex-a.md)")},
      "start_date", "end_date");
  add(Kind::kCoreGroup, "core_group", "A core group meeting of a protection plan.",
      CL::kRequired,
      {Req(Ref("cp_plan_id", Kind::kCpPlan, "the plan")), Req(Day("meeting_date", "held")),
       Bool("parents_attended", "a parent attended")},
      {}, {}, "meeting_date");
  add(Kind::kCinPlan, "cin_plan", "A child in need plan (CIN CINPlanDates; List 6).",
      CL::kRequired,
      {Ref("referral_id", Kind::kReferral, "its referral"),
       Req(Day("start_date", "CIN CINPlanStartDate")), Day("end_date", "CIN CINPlanEndDate"),
       WorkerRef(), TeamRef()},
      "start_date", "end_date");
  add(Kind::kCinPlanReview, "cin_plan_review", "A review of a child in need plan.",
      CL::kRequired,
      {Req(Ref("cin_plan_id", Kind::kCinPlan, "the plan")), Req(Day("review_date", "held"))},
      {}, {}, "review_date");
  add(Kind::kVisit, "visit",
      "A visit to the child by their worker: child in need, protection, looked after (statutory), "
      "care leaver or private fostering.",
      CL::kRequired,
      {Req(Code("visit_type", "visit_type", "which duty the visit meets")),
       Req(Day("visit_date", "date of visit")), Bool("seen", "child seen"),
       Bool("seen_alone", "child seen alone"), Bool("bedroom_seen", "bedroom seen"),
       Ref("cin_plan_id", Kind::kCinPlan, "child in need plan visited under"),
       Ref("cp_plan_id", Kind::kCpPlan, "protection plan visited under"),
       Ref("cla_period_id", Kind::kClaPeriod, "period of care visited in"),
       Ref("private_fostering_id", Kind::kPrivateFostering, "arrangement visited"),
       WorkerRef("who visited")},
      {}, {}, "visit_date");

  // ---- looked after ----
  add(Kind::kClaPeriod, "cla_period",
      "A period of care: from starting to be looked after to ceasing (903 episodes with RNE S to "
      "the last DEC).",
      CL::kRequired,
      {Req(Day("start_date", "started to be looked after")), Day("end_date", "ceased"),
       Bool("began_earlier",
            "the period began before the first episode on record (a return imported from a "
            "year when the child was already looked after): its first episode may continue an "
            "earlier one (RNE other than S)")},
      "start_date", "end_date");
  add(Kind::kPlacement, "placement",
      "A placement (903 PLACE, PLACE_PROVIDER, URN, PL_POST; Annex A List 8).", CL::kRequired,
      {Req(Ref("cla_period_id", Kind::kClaPeriod, "period of care")),
       Req(Day("start_date", "placement start")), Day("end_date", "placement end"),
       Req(Code("placement_type", "placement_type", "903 PLACE")),
       Code("provider", "placement_provider", "903 PLACE_PROVIDER"),
       Text("urn", "Ofsted unique reference number of the provider (903 URN)", 8),
       Text("postcode", "placement postcode (903 PL_POST)", 8),
       Text("placement_la", "council area the placement is in (DfE LA code)", 3),
       Bool("inside_la", "inside the council's own area"),
       Dec("distance_miles", "home to placement, miles (999.9 when unknown)", 0, 999.9001),
       Text("carer_ref", "the carer or household (tells 903 RNE P from T)", 48),
       Bool("long_term", "intended to last to 18 (long-term foster): 3-monthly visits after a year"),
       Code("change_reason", "reason_place_change", "903 REASON_PLACE_CHANGE")},
      "start_date", "end_date");
  add(Kind::kClaEpisode, "cla_episode",
      "A 903 episode: a new one on any change of legal status, placement or carer.",
      CL::kRequired,
      {Req(Ref("cla_period_id", Kind::kClaPeriod, "period of care")),
       Ref("placement_id", Kind::kPlacement, "its placement"),
       Req(Day("start_date", "903 DECOM")), Req(Code("rne", "rne", "903 RNE")),
       Req(Code("legal_status", "legal_status", "903 LS")),
       Code("cin", "primary_need", "903 CIN: category of need"),
       Day("end_date", "903 DEC"), Code("rec", "reason_ceased", "903 REC"),
       Code("reason_place_change", "reason_place_change", "903 REASON_PLACE_CHANGE"),
       Text("home_postcode", "903 HOME_POST", 8),
       Int("stated_placements_12m",
           "Annex A List 8 Number of Placements in the Last 12 months, as an Annex A import stated it (docs/returns/annex-a.md)", 0, 999),
       Int("stated_missing_12m", "Annex A List 8 'Missing' episodes in the last 12 months, as an Annex A import stated it (docs/returns/annex-a.md)",
           0, 999),
       Int("stated_absent_12m", "Annex A List 8 'Absent' episodes in the last 12 months, as an Annex A import stated it (docs/returns/annex-a.md)", 0,
           999),
       Day("stated_last_iro_visit", "Annex A List 8 Date of Last IRO Visit / Contact, as an Annex A import stated it (docs/returns/annex-a.md)"),
       Bool("stated_second_period",
            "Annex A List 8 second or later period of care in 12 months, as an Annex A import stated it (docs/returns/annex-a.md)"),
       Bool("stated_uasc_12m", "Annex A List 8 UASC within the last 12 months, as an Annex A import stated it (docs/returns/annex-a.md)"),
       Bool("stated_rhi_offered",
            "Annex A List 8 return interview offered after the last missing episode, as an Annex A import stated it (docs/returns/annex-a.md)"),
       Day("stated_ls_start", "Annex A List 8 Start date of current legal status, for an "
           "episode loaded from a list without the period's earlier episodes, as an Annex A "
           "import stated it (docs/returns/annex-a.md)"),
       Code("stated_rhi_accepted", "rhi_accepted",
            "Annex A List 8 return interview accepted after the last missing episode, as an Annex A import stated it (docs/returns/annex-a.md)")},
      "start_date", "end_date");
  add(Kind::kCarePlan, "care_plan", "The permanence plan over time (Annex A List 8).",
      CL::kRequired,
      {Ref("cla_period_id", Kind::kClaPeriod, "period of care"),
       Req(Day("start_date", "from")), Day("end_date", "to"),
       Req(Code("plan", "permanence_plan", "the plan"))},
      "start_date", "end_date");
  add(Kind::kClaReview, "cla_review", "A looked-after review (903 REVIEW, REVIEW_CODE).",
      CL::kRequired,
      {Req(Ref("cla_period_id", Kind::kClaPeriod, "period of care")),
       Req(Day("review_date", "903 REVIEW")),
       Code("participation", "participation", "903 REVIEW_CODE"),
       Ref("iro_id", Kind::kWorker, "independent reviewing officer")},
      {}, {}, "review_date");
  add(Kind::kIroEscalation, "iro_escalation",
      "A reviewing officer's or conference chair's escalation of a concern about a child's plan.",
      CL::kRequired,
      {Ref("cla_period_id", Kind::kClaPeriod, "period of care, for a looked-after child"),
       Ref("cp_plan_id", Kind::kCpPlan, "protection plan, for a chair's escalation"),
       Req(Day("raised_date", "raised")), Code("stage", "escalation_stage", "stage reached"),
       Text("issue", "what was escalated", 1000), Day("responded_date", "first response"),
       Day("resolved_date", "resolved"), Ref("raised_by_id", Kind::kWorker, "who raised it")},
      "raised_date", "resolved_date");
  add(Kind::kHealthAssessment, "health_assessment",
      "A health assessment or check: initial, review, dental, optician (903 OC2).",
      CL::kRequired,
      {Req(Code("assessment_type", "health_assessment_type", "which check")),
       Req(Day("assessment_date", "date")),
       Code("status", "health_status", "completed, refused, ..."),
       Text("outcome_notes", "notes", 1000)},
      {}, {}, "assessment_date");
  add(Kind::kSdq, "sdq", "A strengths and difficulties questionnaire (903 OC2 SDQ_SCORE).",
      CL::kRequired,
      {Req(Day("sdq_date", "date")), Int("score", "total difficulties score 0-40", 0, 40),
       Code("reason", "sdq_reason", "903 SDQ_REASON when not done")},
      {}, {}, "sdq_date");
  add(Kind::kImmunisation, "immunisation", "Whether immunisations are up to date (903 OC2).",
      CL::kRequired,
      {Req(Day("recorded_date", "date")), Req(Bool("up_to_date", "immunisations up to date"))},
      {}, {}, "recorded_date");
  add(Kind::kSubstanceMisuse, "substance_misuse", "Substance misuse identified (903 OC2).",
      CL::kRequired,
      {Req(Day("identified_date", "date")),
       Bool("intervention_offered", "903 INTERVENTION_OFFERED"),
       Bool("intervention_received", "903 INTERVENTION_RECEIVED")},
      {}, {}, "identified_date");
  add(Kind::kConviction, "conviction", "An offence while looked after (903 OC2 CONVICTED).",
      CL::kRequired,
      {Req(Day("offence_date", "date")), Text("offence", "description", 1000)}, {}, {},
      "offence_date");
  add(Kind::kPep, "pep", "A personal education plan or its review.", CL::kRequired,
      {Req(Day("pep_date", "date")), Req(Code("pep_type", "pep_type", "initial or review")),
       Text("school_urn", "school URN", 8), Code("quality", "pep_quality", "virtual school rating")},
      {}, {}, "pep_date");
  add(Kind::kMissingEpisode, "missing_episode",
      "A time missing or away without authorisation (903 Missing; Annex A List 8).",
      CL::kRequired,
      {Req(Code("missing_type", "missing_type", "903 MISSING: M or A")),
       Req(When("start_at", "903 MIS_START")), When("end_at", "903 MIS_END"),
       Bool("reported_to_police", "reported to police"),
       Ref("cla_period_id", Kind::kClaPeriod, "period of care, if looked after")},
      "start_at", "end_at");
  add(Kind::kReturnInterview, "return_interview",
      "A return home interview after a missing episode (due within 72 hours).", CL::kRequired,
      {Req(Ref("missing_episode_id", Kind::kMissingEpisode, "the episode")),
       Req(Bool("offered", "interview offered")), When("offered_at", "when offered"),
       Code("accepted", "rhi_accepted", "accepted, declined, not applicable"),
       When("completed_at", "when held")},
      {}, {}, {});
  add(Kind::kPreviousPermanence, "previous_permanence",
      "Permanence before entering care (903 PrevPerm).", CL::kRequired,
      {Req(Code("prev_perm", "previous_permanence", "903 PREV_PERM")),
       Text("la_perm", "903 LA_PERM: 3-digit LA code or WAL, SCO, NUK, NIR", 3),
       Text("date_perm", "903 DATE_PERM: dd/mm/yyyy, possibly partial (zz/MM/YYYY)", 10),
       Day("recorded_date", "when recorded")},
      {}, {}, "recorded_date");

  // ---- court ----
  add(Kind::kPreProceedings, "pre_proceedings",
      "The public law outline's pre-proceedings stage.", CL::kRequired,
      {Req(Day("start_date", "legal gateway decision to start")),
       Day("letter_date", "letter before proceedings"), Day("meeting_date", "first meeting"),
       Day("end_date", "ended"), Code("outcome", "pre_proceedings_outcome", "outcome")},
      "start_date", "end_date");
  add(Kind::kCareProceedings, "care_proceedings",
      "Care proceedings: issued to final order (26-week target, Children Act 1989 s32).",
      CL::kRequired,
      {Req(Day("issue_date", "application issued")), Text("court_ref", "court case number", 30),
       Bool("short_notice", "issued at short notice"),
       Day("final_order_date", "final hearing / order"),
       Code("final_order", "court_order", "the final order made")},
      "issue_date", "final_order_date");
  add(Kind::kCourtHearing, "court_hearing", "A hearing in proceedings.", CL::kRequired,
      {Req(Ref("proceedings_id", Kind::kCareProceedings, "the proceedings")),
       Req(Day("hearing_date", "date")), Code("hearing_type", "hearing_type", "type")},
      {}, {}, "hearing_date");
  add(Kind::kCourtOrder, "court_order", "An order made about the child.", CL::kRequired,
      {Ref("proceedings_id", Kind::kCareProceedings, "the proceedings, if any"),
       Req(Code("order_type", "court_order", "order")), Req(Day("made_date", "made")),
       Day("end_date", "ended")},
      "made_date", "end_date");
  // The DfE collects deprivation of liberty orders in the SSDA903 from 2026/27 (DoLo:
  // DOLO_START, DOLO_END; DATA-SPECS.md s12): an order of the High Court under its inherent
  // jurisdiction, or a later statutory authorisation, depriving a looked-after child of
  // their liberty. Apart from court_order because it is collected and validated apart
  // (903 rules 700-710) and has no order code in the DfE's lists.
  add(Kind::kDeprivationOfLiberty, "deprivation_of_liberty",
      "An order or authorisation depriving the child of their liberty (903 DoLo, 2026/27 on).",
      CL::kRequired,
      {Req(Day("start_date", "in force from (903 DOLO_START)")),
       Day("end_date", "ended (903 DOLO_END)"),
       Text("made_by", "the court or body that made or authorised it", 100)},
      "start_date", "end_date");
  add(Kind::kConnectedPersonAssessment, "connected_person_assessment",
      "An assessment of a family member or friend as carer (incl. regulation 24 approval).",
      CL::kRequired,
      {Req(Day("start_date", "started")), Day("completed_date", "completed"),
       Bool("temporary_approval", "regulation 24 temporary approval"),
       Code("outcome", "connected_outcome", "outcome")},
      "start_date", "completed_date");

  // ---- permanence ----
  add(Kind::kAdoption, "adoption",
      "A child's adoption plan and its milestones (903 AD1, PlacedAdoption; Annex A List 10; A1, "
      "A2, A10).",
      CL::kRequired,
      {Ref("cla_period_id", Kind::kClaPeriod, "period of care"),
       Req(Day("decision_date", "should-be-placed-for-adoption decision (903 DATE_PLACED/DATE_INT)")),
       Day("placement_order_date", "placement order granted"),
       Day("match_date", "matched (903 DATE_MATCH)"), Day("placed_date", "placed for adoption"),
       Day("order_date", "adoption order"),
       Day("reversed_date", "no longer to be placed (903 DATE_PLACED_CEASED)"),
       Code("reversed_reason", "reason_placed_ceased", "903 REASON_PLACED_CEASED"),
       Ref("household_id", Kind::kAdopterHousehold, "the adoptive family"),
       Bool("foster_carer", "adopted by their foster carer (903 FOSTER_CARE)"),
       Bool("fostering_to_adopt", "a fostering-for-adoption placement"),
       Bool("sibling_group", "placed with siblings"), Day("disruption_date", "disrupted")},
      "decision_date", {}, "decision_date", /*restricted=*/true);
  add(Kind::kAdopterHousehold, "adopter_household",
      "A prospective adoptive family, from enquiry to approval, match and placement (Annex A "
      "List 11; 903 AD1 adopter fields).",
      CL::kNone,
      {Req(Text("family_ref", "family identifier", 20)), Text("la_code", "council (DfE 3-digit LA code)", 3),
       Req(Day("enquiry_date", "first enquiry")), Day("stage1_date", "stage one started"),
       Day("stage2_date", "stage two started"), Day("approval_date", "approved"),
       Day("withdrawn_date", "withdrew or not approved"),
       Code("sex_adoptr", "sex_adoptr", "903 SEX_ADOPTR"),
       Code("ls_adoptr", "ls_adoptr", "903 LS_ADOPTR"),
       Int("number_adopters", "903 NB_ADOPTR", 1, 2)},
      "enquiry_date", {}, "enquiry_date", true);
  add(Kind::kLifeStoryWork, "life_story_work", "Life story work for a child in care or adopted.",
      CL::kRequired,
      {Req(Day("start_date", "started")), Day("completed_date", "completed")}, "start_date",
      "completed_date");

  // ---- care leavers ----
  add(Kind::kCareLeaverStatus, "care_leaver_status",
      "A care leaver's circumstances on a date (903 OC3; Annex A List 9).", CL::kRequired,
      {Req(Day("status_date", "the date it describes (birthday or latest contact)")),
       Code("eligibility", "eligibility", "care leaver eligibility"),
       Code("in_touch", "in_touch", "903 IN_TOUCH"), Day("contact_date", "latest contact"),
       Code("accommodation", "accommodation", "903 ACCOM letter"),
       Bool("accommodation_suitable", "903 ACCOM suitability digit (1 suitable)"),
       Code("activity", "activity", "903 ACTIV")},
      {}, {}, "status_date");
  add(Kind::kPathwayPlan, "pathway_plan", "A pathway plan.", CL::kRequired,
      {Req(Day("start_date", "plan started")), Day("end_date", "ended")}, "start_date",
      "end_date");
  add(Kind::kPathwayPlanReview, "pathway_plan_review", "A review of a pathway plan.",
      CL::kRequired,
      {Req(Ref("pathway_plan_id", Kind::kPathwayPlan, "the plan")),
       Req(Day("review_date", "reviewed"))},
      {}, {}, "review_date");
  add(Kind::kStayingPut, "staying_put", "Staying with former foster carers after 18.",
      CL::kRequired, {Req(Day("start_date", "from")), Day("end_date", "to")}, "start_date",
      "end_date");

  // ---- around the journey ----
  add(Kind::kPrivateFostering, "private_fostering", "A private fostering arrangement.",
      CL::kRequired,
      {Req(Day("notification_date", "council notified")), Day("start_date", "arrangement began"),
       Day("assessment_completed_date", "assessment of the arrangement completed"),
       Day("end_date", "ended")},
      "notification_date", "end_date");
  add(Kind::kHomelessAssessment, "homeless_assessment",
      "A 16 or 17 year old presenting as homeless.", CL::kRequired,
      {Req(Day("presented_date", "presented")), Day("assessment_date", "assessment completed"),
       Code("outcome", "homeless_outcome", "outcome"),
       Code("accommodation", "homeless_accommodation", "accommodation used"),
       Int("nights_bed_and_breakfast", "nights in bed and breakfast", 0, 10000)},
      {}, {}, "presented_date");
  add(Kind::kExploitationRisk, "exploitation_risk",
      "A screening of the risk of sexual or criminal exploitation.", CL::kRequired,
      {Req(Day("screened_date", "date")), Req(Code("risk_type", "exploitation_type", "type")),
       Req(Code("level", "risk_level", "level"))},
      {}, {}, "screened_date");
  add(Kind::kMissingEducation, "missing_education", "A child missing education.",
      CL::kRequired, {Req(Day("start_date", "from")), Day("end_date", "to")}, "start_date",
      "end_date");
  add(Kind::kElectiveHomeEducation, "elective_home_education", "Electively home educated.",
      CL::kRequired, {Req(Day("start_date", "from")), Day("end_date", "to")}, "start_date",
      "end_date");
  add(Kind::kAllegation, "allegation",
      "An allegation against a person who works with children (designated officer).",
      CL::kOptional,
      {Req(Day("received_date", "received")), Text("role_of_person", "their role", 100),
       Day("concluded_date", "concluded"), Code("outcome", "allegation_outcome", "outcome")},
      "received_date", "concluded_date");
  add(Kind::kIndependentVisitor, "independent_visitor", "An independent visitor for a child in care.",
      CL::kRequired,
      {Req(Day("requested_date", "requested")), Day("matched_date", "matched"),
       Day("end_date", "ended")},
      "requested_date", "end_date");
  add(Kind::kAdvocacy, "advocacy", "Advocacy for a child.", CL::kRequired,
      {Req(Day("requested_date", "requested")), Day("start_date", "started"),
       Day("end_date", "ended")},
      "requested_date", "end_date");
  add(Kind::kCaseNote, "case_note", "A case note or a record of management oversight.",
      CL::kRequired,
      {Req(When("noted_at", "when")), Req(Code("note_type", "note_type", "kind of note")),
       Req(Text("text", "the note", 20000)), WorkerRef("author")},
      {}, {}, "noted_at");

  // ---- practice and governance ----
  add(Kind::kSupervision, "supervision",
      "Supervision of a worker, or of a child's case (with child).", CL::kOptional,
      {Req(Code("supervision_type", "supervision_type", "case or staff")),
       Req(Ref("worker_id", Kind::kWorker, "the worker supervised")),
       Req(Ref("supervisor_id", Kind::kWorker, "the supervisor")),
       Req(Day("supervision_date", "held")), Bool("reflection", "records reflection"),
       Bool("challenge", "records challenge"), Bool("decisions", "records decisions and actions")},
      {}, {}, "supervision_date");
  add(Kind::kCaseAudit, "case_audit", "An audit of a child's case, and its moderation.",
      CL::kRequired,
      {Req(Ref("auditor_id", Kind::kWorker, "auditor")), Req(Day("audit_date", "audited")),
       Req(Code("grade", "audit_grade", "overall grade")), Text("findings", "findings", 5000),
       Ref("worker_id", Kind::kWorker, "the child's worker at the time"),
       Ref("moderator_id", Kind::kWorker, "moderator"), Day("moderated_date", "moderated"),
       Code("moderated_grade", "audit_grade", "the moderated grade")},
      {}, {}, "audit_date");
  add(Kind::kComplaint, "complaint", "A complaint, by a child or by an adult.", CL::kOptional,
      {Req(Day("received_date", "received")),
       Req(Code("complainant", "complainant", "child or adult")),
       Text("subject", "what it is about", 1000), Day("closed_date", "closed"),
       Code("outcome", "complaint_outcome", "upheld or not"),
       Text("lessons", "lessons learned", 5000)},
      "received_date", "closed_date");
  add(Kind::kComplaintStage, "complaint_stage", "A stage of the complaints procedure.",
      CL::kOptional,
      {Req(Ref("complaint_id", Kind::kComplaint, "the complaint")),
       Req(Int("stage", "stage 1, 2 or 3", 1, 3)), Req(Day("start_date", "stage began")),
       Day("responded_date", "response sent")},
      "start_date", "responded_date");

  // ---- governance: inspections, their judgements and recommendations, the improvement
  // plan (issue 6). Each framework grades on its own scale: which areas and grades a
  // framework allows is data (data/inspection_frameworks.csv), checked by rule JR-GOV-1.
  add(Kind::kInspection, "inspection",
      "An inspection, assessment or monitoring visit of the council's children's services.",
      CL::kNone,
      {Req(Code("framework", "inspection_framework", "the framework inspected under")),
       Req(Text("council", "the council inspected", 200)),
       Req(Day("start_date", "first day of fieldwork (or the assessment's date)")),
       Day("end_date", "last day of fieldwork"), Day("published_date", "report published"),
       Req(Text("title", "the report's title", 300)),
       Text("body", "who inspected (e.g. Ofsted, or Ofsted with partner inspectorates)", 200),
       Text("source", "where the report is (file name or address)", 500),
       Text("summary", "the report's headline finding in a sentence or two", 2000)},
      "start_date", "end_date");
  add(Kind::kJudgement, "judgement",
      "One graded judgement of an inspection (overall, or one area or sub-judgement).",
      CL::kNone,
      {Req(Ref("inspection_id", Kind::kInspection, "the inspection")),
       Req(Code("area", "judgement_area", "what was judged")),
       Req(Code("grade", "inspection_grade", "the grade, on the framework's own scale")),
       Text("note", "the report's words for the judgement", 1000)});
  add(Kind::kRecommendation, "recommendation",
      "A recommendation or area for development/improvement that an inspection made.",
      CL::kNone,
      {Req(Ref("inspection_id", Kind::kInspection, "the inspection")),
       Req(Code("type", "recommendation_type", "recommendation or area for development")),
       Int("number", "its number in the report", 1, 999),
       Code("area", "judgement_area", "the judgement area it belongs to"),
       Req(Text("text", "the recommendation, as the report words it", 3000)),
       Text("reference", "where in the report (paragraph or page)", 100)});
  add(Kind::kImprovementAction, "improvement_action",
      "An action of the improvement plan, usually answering a recommendation, with the "
      "measure that shows whether it is working.",
      CL::kNone,
      {Ref("recommendation_id", Kind::kRecommendation, "the recommendation it answers"),
       Req(Text("title", "the action", 1000)), Ref("owner_id", Kind::kWorker, "owner"),
       Req(Day("start_date", "agreed")), Day("due_date", "to be done by"),
       Req(Code("status", "action_status", "progress")), Day("completed_date", "done"),
       Text("evidence", "evidence of impact", 3000),
       Text("indicator", "the indicator id (docs/INDICATORS.md) that measures it", 80),
       Dec("target", "the indicator's target value"),
       Code("target_direction", "target_direction", "whether higher or lower is better")},
      "start_date", "completed_date");
  return k;
}

struct Registry {
  std::vector<KindDef> kinds;
  Registry() : kinds(BuildKinds()) {
    for (size_t i = 0; i < kinds.size(); ++i) {
      KindDef& d = kinds[i];
      if (static_cast<size_t>(d.kind) != i) {
        std::fprintf(stderr, "kinds.cc: kind %.*s is out of order\n",
                     static_cast<int>(d.name.size()), d.name.data());
        std::abort();
      }
      auto resolve = [&](std::string_view name) {
        if (name.empty()) return -1;
        int idx = d.FieldIndex(name);
        if (idx < 0) {
          std::fprintf(stderr, "kinds.cc: %.*s has no field %.*s\n",
                       static_cast<int>(d.name.size()), d.name.data(),
                       static_cast<int>(name.size()), name.data());
          std::abort();
        }
        return idx;
      };
      d.start_index = resolve(d.start_field);
      d.end_index = resolve(d.end_field);
      d.date_index = resolve(d.date_field);
    }
    if (kinds.size() != static_cast<size_t>(kKindCount)) {
      std::fprintf(stderr, "kinds.cc: %zu kinds described, %d in the enum\n", kinds.size(),
                   kKindCount);
      std::abort();
    }
  }
};

const Registry& GetRegistry() {
  static const Registry r;
  return r;
}

}  // namespace

std::string_view FieldTypeName(FieldType t) {
  switch (t) {
    case FT::kText: return "text";
    case FT::kInt: return "int";
    case FT::kDecimal: return "decimal";
    case FT::kBool: return "bool";
    case FT::kDate: return "date";
    case FT::kDateTime: return "datetime";
    case FT::kCode: return "code";
    case FT::kRef: return "ref";
  }
  return "?";
}

int KindDef::FieldIndex(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field_name) return static_cast<int>(i);
  return -1;
}

std::span<const KindDef> AllKinds() { return GetRegistry().kinds; }

const KindDef& Def(Kind kind) { return GetRegistry().kinds[static_cast<size_t>(kind)]; }

std::optional<Kind> KindByName(std::string_view name) {
  for (const KindDef& d : GetRegistry().kinds)
    if (d.name == name) return d.kind;
  return std::nullopt;
}

std::string_view KindName(Kind kind) { return Def(kind).name; }

int FieldOf(Kind kind, std::string_view field) {
  int i = Def(kind).FieldIndex(field);
  if (i < 0) {
    std::string_view k = KindName(kind);
    std::fprintf(stderr, "no field %.*s in kind %.*s\n", static_cast<int>(field.size()),
                 field.data(), static_cast<int>(k.size()), k.data());
    std::abort();
  }
  return i;
}

}  // namespace journey::model
