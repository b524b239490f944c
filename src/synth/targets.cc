// The calibration targets: published figures for England (and, for comparison, the 2016
// Northamptonshire inspection). All are approximate, rounded from the sources named. The
// tolerance is how close a generated default council (160,000 children) must come: about
// three standard errors of the figure at that size, so that any seed passes (a council of
// 160,000 has only about 40 adoptions a year, and about 25 children on a plan for sexual
// abuse at a time, so their figures vary from seed to seed by a third).
#include "synth/rates.h"

namespace journey::synth {
namespace {

constexpr std::string_view kCin = "DfE, Characteristics of children in need, year to 31 March 2024";
constexpr std::string_view kCla =
    "DfE, Children looked after in England including adoptions, year to 31 March 2024";

// key, label, value, unit, tolerance, relative, source
constexpr Target kTargets[] = {
    {"contacts", "Contacts in the year", 2100, "per 10k", 0.2, true,
     "approximate: about four contacts per referral in councils' front-door data (no national "
     "statistic)"},
    {"referrals", "Referrals in the year", 530, "per 10k", 0.15, true,
     "approximate; DfE CIN 2024: 621,880 referrals, about 519 per 10,000"},
    {"rereferrals", "Re-referrals within 12 months", 22, "%", 4, false,
     "approximate; DfE CIN 2024: 22.4% (2016 Northamptonshire: 27%)"},
    {"assessments", "Assessments completed in the year", 500, "per 10k", 0.15, true,
     "approximate: referrals less those closed with no further action (CIN 2024 counts "
     "re-assessments too)"},
    {"assessments_45wd", "Assessments completed within 45 working days", 82, "%", 4, false, kCin},
    {"s47", "Section 47 enquiries started", 170, "per 10k", 0.15, true, kCin},
    {"icpc", "Initial child protection conferences", 65, "per 10k", 0.15, true, kCin},
    {"icpc_15wd", "Initial conferences within 15 working days of the strategy discussion", 78, "%",
     5, false, kCin},
    {"cp", "On a protection plan at 31 March", 42, "per 10k", 0.15, true,
     "approximate; DfE CIN 2024: 50,780, 41.9 per 10,000 (2016 Northamptonshire: 1,052, about 65)"},
    {"cp_neg", "  of whom: neglect", 50, "%", 6, false, kCin},
    {"cp_emo", "  of whom: emotional abuse", 38, "%", 6, false, kCin},
    {"cp_phy", "  of whom: physical abuse", 6, "%", 3, false, kCin},
    {"cp_sab", "  of whom: sexual abuse", 4, "%", 3, false, kCin},
    {"cp_mul", "  of whom: multiple", 2, "%", 2, false, kCin},
    {"cp_second", "Plans starting that are a second or later plan", 23, "%", 4, false, kCin},
    {"cp_2years", "Plans ending that lasted 2 years or more", 3.5, "%", 2, false, kCin},
    {"cin", "Children in need at 31 March", 330, "per 10k", 0.15, true,
     "approximate; DfE CIN 2024: 399,500, 333 per 10,000 (2016 Northamptonshire: 4,676)"},
    {"lac", "Looked after at 31 March", 70, "per 10k", 0.15, true,
     "approximate; DfE CLA 2024: 83,630, 70 per 10,000 (2016 Northamptonshire: 977, 61.4)"},
    {"lac_age0", "  aged under 1", 5, "%", 2, false, kCla},
    {"lac_age1", "  aged 1-4", 13, "%", 3, false, kCla},
    {"lac_age5", "  aged 5-9", 17, "%", 5, false, kCla},
    {"lac_age10", "  aged 10-15", 38, "%", 6, false, kCla},
    {"lac_age16", "  aged 16-17", 27, "%", 5, false, kCla},
    {"ls_c2", "  full care order (C2)", 62, "%", 7, false,
     "approximate; DfE CLA 2024: care orders, full and interim, about four in five of those looked "
     "after; full orders 60-65%"},
    {"ls_c1", "  interim care order (C1)", 13, "%", 4, false, kCla},
    {"ls_v2", "  section 20 (V2)", 15, "%", 4, false, kCla},
    {"ls_e1", "  placement order (E1)", 6, "%", 3, false, kCla},
    {"pl_foster", "  in foster care (U1-U6)", 68, "%", 6, false, kCla},
    {"pl_kin", "    of whom with relatives or friends (U1-U3)", 18, "%", 5, false, kCla},
    {"pl_homes", "  in children's homes (K1, K2, R1)", 11, "%", 4, false, kCla},
    {"pl_semi", "  in semi-independent or supported accommodation (H5, P2, K3)", 8, "%", 3, false,
     kCla},
    {"pl_parents", "  placed with parents (P1)", 6, "%", 3, false, kCla},
    {"pl_adoption", "  placed for adoption (A3-A6)", 2, "%", 1.5, false, kCla},
    {"lac_starts", "Started to be looked after in the year", 28, "per 10k", 0.15, true, kCla},
    {"uasc", "Unaccompanied asylum-seeking children, of those looked after", 9, "%", 3, false,
     "approximate; DfE CLA 2024: 7,380, 8.8% (2016 Northamptonshire: 124)"},
    {"adoptions", "Adopted in the year", 2.5, "per 10k", 0.45, true,
     "approximate; DfE CLA 2024: 2,960 adoptions"},
    {"sgo", "Left care on a special guardianship order", 3.0, "per 10k", 0.45, true,
     "approximate; DfE CLA 2024: about 3,700"},
    {"cl_touch", "Care leavers aged 19-21 in touch", 90, "%", 5, false, kCla},
    {"cl_suitable", "Care leavers aged 19-21 in suitable accommodation", 88, "%", 6, false, kCla},
    {"cl_eet", "Care leavers aged 19-21 in education, employment or training", 55, "%", 9, false,
     kCla},
    {"missing", "Looked-after children who went missing in the year", 11, "%", 3, false, kCla},
    {"missing_episodes", "  missing episodes per child who went missing", 6, "episodes", 1.5, false,
     kCla},
    {"rhi_offered", "Return interviews offered", 75, "%", 6, false,
     "approximate; 2016 Northamptonshire: 82% of missing episodes"},
    {"rhi_72h", "  of those offered, held within 72 hours", 60, "%", 6, false,
     "approximate; 2016 Northamptonshire: 62%; Missing People 2023-24: 63%"},
    {"agency", "Agency staff among case-holding workers at the as-at date", 20, "%", 7, false,
     "approximate; DfE social work workforce 2024 about 16%; 2016 Northamptonshire 43%"},
    {"caseload", "Children per case-holding worker at the as-at date", 20, "cases", 5, false,
     "approximate: caseloads of 15-30 (DfE workforce 2024 average about 16; 2016 Northamptonshire "
     "25-30)"},
    {"workers3", "Children with 3 or more social workers in the year", 0, "%", 0, false,
     "informational: changes of worker with agency staff and turnover"},
};

}  // namespace

std::span<const Target> Targets() { return kTargets; }

bool RateRow::within() const {
  if (target->value == 0) return true;
  const double allowed = target->relative ? target->tolerance * target->value : target->tolerance;
  return value >= target->value - allowed && value <= target->value + allowed;
}

}  // namespace journey::synth
