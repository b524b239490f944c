// What the looked-after, permanence and care-leaver indicators share: the fields they
// read, the codes they compare with, and "what was true of the child's care on a day".
//
// "On day D" follows the DfE's "at 31 March": a period of care, 903 episode or placement
// is open on D when it started on or before D and has not ended on or before D (ended
// after D, or not at all). So on the day a child moves, the new placement is the one open;
// a child whose care ends on 31 March is not looked after at 31 March.
#pragma once

#include <cstdint>

#include "engine/indicator.h"

namespace journey::engine::cla {

struct Fields {
  Fields();
  int birth;
  int per_start, per_end;
  int ep_start, ep_end, ep_ls, ep_rec, ep_period;
  int pl_start, pl_end, pl_type, pl_inside, pl_miles, pl_period, pl_carer;
  int rv_date, rv_part;
  int ha_type, ha_date;
  int sdq_date, sdq_score;
  int me_type, me_start, me_end, me_period;
  int ri_episode, ri_offered;
  int im_status, im_start, im_end;
  int iro_period, iro_raised, iro_resolved;
  int iv_requested, iv_matched, iv_end;
  int v_type, v_date, v_seen, v_alone;
  int al_role, al_start, al_end;
};
const Fields& F();

// Code values (1 + the index in the field's list) of the codes the indicators compare
// with. The code lists are the same for every projection, so they are resolved once.
struct Codes {
  explicit Codes(const Projection& p);
  uint16_t v2, v3, v4;                          // legal status: section 20; short breaks
  uint16_t pn0, pn7;                            // review participation: under 4; not conveyed
  uint16_t dental;                              // health assessment type
  uint16_t missing;                             // missing type M (not "away", A)
  uint16_t uasc;                                // immigration status
  uint16_t visit_cla;                           // visit type
  uint16_t pa;                                  // allocation role: personal adviser
  uint16_t rec_e11, rec_e12;                    // ceased: adopted
  uint16_t rec_e45, rec_e46, rec_e47, rec_e48;  // ceased: special guardianship
  uint16_t foster[6];                           // placement types U1-U6
  bool Foster(uint16_t placement_type) const {  // in foster care (U1-U6)
    for (uint16_t f : foster)
      if (f != 0 && f == placement_type) return true;
    return false;
  }
};
const Codes& C(const Projection& p);

constexpr int64_t kNone = -1;

// The row open on `day` (start <= day < end; no end: open), or kNone; for episodes and
// placements, the latest-starting one when several are open.
int64_t PeriodOn(const ChildView& v, int32_t day);
int64_t EpisodeOn(const ChildView& v, int32_t day);
int64_t PlacementOn(const ChildView& v, int32_t day);
// Looked after on `day`: a period of care open, whose episode open that day (if any is
// recorded) is not a short break (V3, V4), as the DfE leaves short breaks out of the
// children looked after at 31 March.
bool LookedAfterOn(const Projection& p, const ChildView& v, int32_t day);
// The child's age in whole years on `day` (kNoInt unknown, negative unborn).
inline int32_t Age(const ChildView& v, int32_t day) { return AgeOn(v, day); }

// The kinds the helpers read.
inline std::vector<Kind> CareKinds() {
  return {Kind::kClaPeriod, Kind::kClaEpisode, Kind::kPlacement};
}

}  // namespace journey::engine::cla
