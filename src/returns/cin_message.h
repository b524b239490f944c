// The CIN census message in memory: the shape of the DfE's XML (DATA-SPECS.md §6 and §12
// 2.2), one struct per element that repeats, one Leaf per element holding a value. The
// exporter fills it from the record, the XML reader from a file (with the line of every
// element), the rules read it and the importer turns it into records. Element names are in
// the comments; cin_xml.cc writes and reads them.
#pragma once

#include <string>
#include <vector>

namespace journey::returns {

// One simple element: its text (empty when absent or empty) and the line it starts on (0
// when built in memory).
struct Leaf {
  std::string v;
  int line = 0;
  bool empty() const { return v.empty(); }
};

struct CinAssessment {  // Assessments
  int line = 0;
  Leaf start;                 // AssessmentActualStartDate (N00159)
  Leaf internal_review;       // AssessmentInternalReviewDate (N00161)
  Leaf authorised;            // AssessmentAuthorisationDate (N00160)
  std::vector<Leaf> factors;  // FactorsIdentifiedAtAssessment/AssessmentFactors (N00181)
  bool has_factors_block = false;
};

struct CinPlanDates {  // CINPlanDates
  int line = 0;
  Leaf start;  // CINPlanStartDate (N00689)
  Leaf end;    // CINPlanEndDate (N00690)
};

struct CinSection47 {  // Section47
  int line = 0;
  Leaf start;              // S47ActualStartDate (N00148)
  Leaf icpc_target;        // InitialCPCtarget (N00109)
  Leaf icpc_date;          // DateOfInitialCPC (N00110)
  Leaf icpc_not_required;  // ICPCnotRequired (N00111)
};

struct CinProtectionPlan {  // ChildProtectionPlans
  int line = 0;
  Leaf start;                 // CPPstartDate (N00105)
  Leaf end;                   // CPPendDate (N00115)
  Leaf initial_category;      // InitialCategoryOfAbuse (N00113)
  Leaf latest_category;       // LatestCategoryOfAbuse (N00114)
  Leaf previous_plans;        // NumberOfPreviousCPP (N00106)
  std::vector<Leaf> reviews;  // Reviews/CPPreviewDate (N00116)
};

struct CinDetails {  // CINdetails: one child in need episode
  int line = 0;
  Leaf referral_date;   // CINreferralDate (N00100)
  Leaf source;          // ReferralSource (N00152)
  Leaf primary_need;    // PrimaryNeedCode (N00101)
  Leaf closure_date;    // CINclosureDate (N00102)
  Leaf closure_reason;  // ReasonForClosure (N00103)
  Leaf icpc_date;       // DateOfInitialCPC (N00110)
  Leaf nfa;             // ReferralNFA (N00112)
  std::vector<CinAssessment> assessments;
  std::vector<CinPlanDates> plans;
  std::vector<CinSection47> section47s;
  std::vector<CinProtectionPlan> protection_plans;
};

struct CinChild {  // Child
  int line = 0;
  // ChildIdentifiers
  Leaf la_child_id;     // LAchildID (N00097)
  Leaf upn;             // UPN (N00001)
  Leaf former_upn;      // FormerUPN (N00002)
  Leaf upn_unknown;     // UPNunknown (N00135)
  Leaf birth;           // PersonBirthDate (N00066)
  Leaf expected_birth;  // ExpectedPersonBirthDate (N00098)
  Leaf sex;             // Sex (N00783, 2024/25 on: M F U) or GenderCurrent (1 2 0 9, before)
  Leaf death;           // PersonDeathDate (N00108)
  // ChildCharacteristics
  Leaf ethnicity;                  // Ethnicity (N00177)
  std::vector<Leaf> disabilities;  // Disabilities/Disability (N00099)
  std::vector<CinDetails> details;
};

struct CinHeader {
  Leaf collection;      // CollectionDetails/Collection (N00600): "CIN"
  Leaf year;            // CollectionDetails/Year (N00602): the collection year, 2026 = 2025/26
  Leaf reference_date;  // CollectionDetails/ReferenceDate (N00603): 31 March of Year
  Leaf source_level;    // Source/SourceLevel (N00604): "L"
  Leaf lea;             // Source/LEA (N00216): the council's 3-digit code
  Leaf software_code;   // Source/SoftwareCode (N00605)
  Leaf release;         // Source/Release (N00607)
  Leaf serial_no;       // Source/SerialNo (N00606)
  Leaf date_time;       // Source/DateTime (N00609)
};

struct CinMessage {
  std::string file;  // for messages
  CinHeader header;
  std::vector<CinChild> children;
};

// The element names of the sex field: Sex from 2024/25 (collection year 2025) on,
// GenderCurrent before (DATA-SPECS.md §12 2.3, rule 4180).
inline const char* SexElement(int year) { return year >= 2025 ? "Sex" : "GenderCurrent"; }

}  // namespace journey::returns
