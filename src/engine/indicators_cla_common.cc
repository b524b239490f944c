#include "engine/indicators_cla_common.h"

#include "model/kinds.h"

namespace journey::engine::cla {
namespace {
using K = Kind;
int Of(K k, std::string_view f) { return model::FieldOf(k, f); }

// The open row of `kind` on `day` with the latest start (start and end fields given).
int64_t OpenRow(const ChildView& v, K kind, int start, int end, int32_t day) {
  const KindTable& t = v.table(kind);
  const RowRange r = v.of(kind);
  int64_t best = kNone;
  int32_t best_start = 0;
  for (uint32_t i = r.begin; i < r.end; ++i) {
    const int32_t s = t.Day(start, i), e = t.Day(end, i);
    if (s == kNoDay || s > day || (e != kNoDay && e <= day)) continue;
    if (best == kNone || s >= best_start) {
      best = i;
      best_start = s;
    }
  }
  return best;
}
}  // namespace

Fields::Fields()
    : birth(Of(K::kPerson, "birth_date")),
      per_start(Of(K::kClaPeriod, "start_date")),
      per_end(Of(K::kClaPeriod, "end_date")),
      ep_start(Of(K::kClaEpisode, "start_date")),
      ep_end(Of(K::kClaEpisode, "end_date")),
      ep_ls(Of(K::kClaEpisode, "legal_status")),
      ep_rec(Of(K::kClaEpisode, "rec")),
      ep_period(Of(K::kClaEpisode, "cla_period_id")),
      pl_start(Of(K::kPlacement, "start_date")),
      pl_end(Of(K::kPlacement, "end_date")),
      pl_type(Of(K::kPlacement, "placement_type")),
      pl_inside(Of(K::kPlacement, "inside_la")),
      pl_miles(Of(K::kPlacement, "distance_miles")),
      pl_period(Of(K::kPlacement, "cla_period_id")),
      pl_carer(Of(K::kPlacement, "carer_ref")),
      rv_date(Of(K::kClaReview, "review_date")),
      rv_part(Of(K::kClaReview, "participation")),
      ha_type(Of(K::kHealthAssessment, "assessment_type")),
      ha_date(Of(K::kHealthAssessment, "assessment_date")),
      sdq_date(Of(K::kSdq, "sdq_date")),
      sdq_score(Of(K::kSdq, "score")),
      me_type(Of(K::kMissingEpisode, "missing_type")),
      me_start(Of(K::kMissingEpisode, "start_at")),
      me_end(Of(K::kMissingEpisode, "end_at")),
      me_period(Of(K::kMissingEpisode, "cla_period_id")),
      ri_episode(Of(K::kReturnInterview, "missing_episode_id")),
      ri_offered(Of(K::kReturnInterview, "offered")),
      im_status(Of(K::kImmigrationStatus, "status")),
      im_start(Of(K::kImmigrationStatus, "start_date")),
      im_end(Of(K::kImmigrationStatus, "end_date")),
      iro_period(Of(K::kIroEscalation, "cla_period_id")),
      iro_raised(Of(K::kIroEscalation, "raised_date")),
      iro_resolved(Of(K::kIroEscalation, "resolved_date")),
      iv_requested(Of(K::kIndependentVisitor, "requested_date")),
      iv_matched(Of(K::kIndependentVisitor, "matched_date")),
      iv_end(Of(K::kIndependentVisitor, "end_date")),
      v_type(Of(K::kVisit, "visit_type")),
      v_date(Of(K::kVisit, "visit_date")),
      v_seen(Of(K::kVisit, "seen")),
      v_alone(Of(K::kVisit, "seen_alone")),
      al_role(Of(K::kAllocation, "role")),
      al_start(Of(K::kAllocation, "start_date")),
      al_end(Of(K::kAllocation, "end_date")) {}

const Fields& F() {
  static const Fields f;
  return f;
}

Codes::Codes(const Projection& p) {
  const Fields& f = F();
  auto c = [&](K k, int field, std::string_view code) { return p.table(k).CodeValue(field, code); };
  v2 = c(K::kClaEpisode, f.ep_ls, "V2");
  v3 = c(K::kClaEpisode, f.ep_ls, "V3");
  v4 = c(K::kClaEpisode, f.ep_ls, "V4");
  pn0 = c(K::kClaReview, f.rv_part, "PN0");
  pn7 = c(K::kClaReview, f.rv_part, "PN7");
  dental = c(K::kHealthAssessment, f.ha_type, "DENTAL");
  missing = c(K::kMissingEpisode, f.me_type, "M");
  uasc = c(K::kImmigrationStatus, f.im_status, "UASC");
  visit_cla = c(K::kVisit, f.v_type, "CLA");
  pa = c(K::kAllocation, f.al_role, "PA");
  rec_e11 = c(K::kClaEpisode, f.ep_rec, "E11");
  rec_e12 = c(K::kClaEpisode, f.ep_rec, "E12");
  rec_e45 = c(K::kClaEpisode, f.ep_rec, "E45");
  rec_e46 = c(K::kClaEpisode, f.ep_rec, "E46");
  rec_e47 = c(K::kClaEpisode, f.ep_rec, "E47");
  rec_e48 = c(K::kClaEpisode, f.ep_rec, "E48");
  const char* const kFoster[] = {"U1", "U2", "U3", "U4", "U5", "U6"};
  for (int i = 0; i < 6; ++i) foster[i] = c(K::kPlacement, f.pl_type, kFoster[i]);
}

const Codes& C(const Projection& p) {
  static const Codes c(p);
  return c;
}

int64_t PeriodOn(const ChildView& v, int32_t day) {
  return OpenRow(v, K::kClaPeriod, F().per_start, F().per_end, day);
}
int64_t EpisodeOn(const ChildView& v, int32_t day) {
  return OpenRow(v, K::kClaEpisode, F().ep_start, F().ep_end, day);
}
int64_t PlacementOn(const ChildView& v, int32_t day) {
  return OpenRow(v, K::kPlacement, F().pl_start, F().pl_end, day);
}

bool LookedAfterOn(const Projection& p, const ChildView& v, int32_t day) {
  if (PeriodOn(v, day) == kNone) return false;
  const int64_t ep = EpisodeOn(v, day);
  if (ep == kNone) return true;
  const uint16_t ls = v.table(K::kClaEpisode).Code(F().ep_ls, static_cast<uint32_t>(ep));
  return ls == 0 || (ls != C(p).v3 && ls != C(p).v4);
}

}  // namespace journey::engine::cla
