#include "model/validate.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <fmt/format.h>

namespace journey::model {
namespace {

std::string_view TypeWanted(FieldType t) {
  switch (t) {
    case FieldType::kText: return "text";
    case FieldType::kCode: return "a code";
    case FieldType::kInt: return "a whole number";
    case FieldType::kRef: return "a record id";
    case FieldType::kDecimal: return "a number";
    case FieldType::kBool: return "true or false";
    case FieldType::kDate: return "a date";
    case FieldType::kDateTime: return "a date and time";
  }
  return "?";
}

bool TypeMatches(FieldType t, const Value& v) {
  switch (t) {
    case FieldType::kText:
    case FieldType::kCode: return std::holds_alternative<std::string>(v);
    case FieldType::kInt:
    case FieldType::kRef: return std::holds_alternative<int64_t>(v);
    case FieldType::kDecimal: return std::holds_alternative<double>(v);
    case FieldType::kBool: return std::holds_alternative<bool>(v);
    case FieldType::kDate: return std::holds_alternative<Date>(v);
    case FieldType::kDateTime: return std::holds_alternative<DateTime>(v);
  }
  return false;
}

// The day a date or date-time field falls on, if set.
std::optional<Date> DayOf(const Value& v) {
  if (auto* d = std::get_if<Date>(&v)) return *d;
  if (auto* t = std::get_if<DateTime>(&v)) return t->date();
  return std::nullopt;
}

Status FieldError(const Record& r, const FieldDef& f, const Value& v, std::string_view rule) {
  return InvalidArgument(fmt::format("{}: field {} value \"{}\": {}", r.Label(), f.name,
                                     ValueToString(v), rule));
}

Status RuleError(const Record& r, std::string_view field, const Value& v, std::string_view code,
                 std::string_view rule) {
  return FailedPrecondition(fmt::format("{}: field {} value \"{}\": {} [{}]", r.Label(), field,
                                        ValueToString(v), rule, code));
}

// A record's period as [start, end) in day numbers; an open end is +infinity.
struct Span {
  int32_t start;
  int32_t end;  // exclusive bound used only for overlap tests
};

std::optional<Span> PeriodOf(const Record& r) {
  const KindDef& d = Def(r.kind);
  if (d.start_index < 0) return std::nullopt;
  auto s = DayOf(r.Get(d.start_index));
  if (!s) return std::nullopt;
  std::optional<Date> e;
  if (d.end_index >= 0) e = DayOf(r.Get(d.end_index));
  return Span{s->days(), e ? e->days() : std::numeric_limits<int32_t>::max()};
}

bool Overlap(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

}  // namespace

Status ValidateRecord(const Record& r, const CodeLists& codes) {
  const KindDef& def = Def(r.kind);
  if (r.values.size() != def.fields.size()) {
    return Internal(fmt::format("{}: has {} values for {} fields", r.Label(), r.values.size(),
                                def.fields.size()));
  }
  if (def.child_link == ChildLink::kRequired && r.child_id <= 0) {
    return InvalidArgument(fmt::format("{}: is not linked to a child (child_id is required)",
                                       r.Label()));
  }
  if (def.child_link == ChildLink::kNone && r.kind != Kind::kPerson && r.child_id != 0) {
    return InvalidArgument(
        fmt::format("{}: a {} is not about a child, so child_id must be empty", r.Label(),
                    def.name));
  }
  std::optional<Date> as_of;
  if (def.date_index >= 0) as_of = DayOf(r.Get(def.date_index));

  for (size_t i = 0; i < def.fields.size(); ++i) {
    const FieldDef& f = def.fields[i];
    const Value& v = r.values[i];
    if (IsNull(v)) {
      if (f.required) return FieldError(r, f, v, "is required and missing");
      continue;
    }
    if (!TypeMatches(f.type, v)) {
      return FieldError(r, f, v, fmt::format("must be {}", TypeWanted(f.type)));
    }
    switch (f.type) {
      case FieldType::kText: {
        const auto& s = std::get<std::string>(v);
        const size_t limit = f.max_length > 0 ? static_cast<size_t>(f.max_length) : 1000;
        if (s.size() > limit)
          return FieldError(r, f, v, fmt::format("is longer than {} characters", limit));
        if (f.required && s.empty()) return FieldError(r, f, v, "is required and blank");
        break;
      }
      case FieldType::kCode: {
        Status st = codes.Check(f.code_list, std::get<std::string>(v), as_of);
        if (!st.ok()) return st.WithContext(fmt::format("{}: field {}: ", r.Label(), f.name));
        break;
      }
      case FieldType::kInt:
        if (f.min < f.max) {
          auto i = std::get<int64_t>(v);
          if (i < f.min || i > f.max)
            return FieldError(r, f, v, fmt::format("must be from {} to {}", f.min, f.max));
        }
        break;
      case FieldType::kDecimal:
        if (f.min < f.max) {
          double x = std::get<double>(v);
          if (!(x >= f.min && x <= f.max))
            return FieldError(r, f, v, fmt::format("must be from {} to {:.1f}", f.min, f.max));
        }
        break;
      case FieldType::kRef:
        if (std::get<int64_t>(v) <= 0) return FieldError(r, f, v, "must be a record id above 0");
        break;
      default: break;
    }
  }
  // A period cannot end before it starts (e.g. a plan's end before its start).
  if (def.start_index >= 0 && def.end_index >= 0) {
    auto s = DayOf(r.Get(def.start_index));
    auto e = DayOf(r.Get(def.end_index));
    if (s && e && *e < *s) {
      return FieldError(r, def.field(def.end_index), r.Get(def.end_index),
                        fmt::format("ends before {} {}: a period cannot end before it starts",
                                    def.start_field, s->ToIso()));
    }
  }
  return Status::Ok();
}

const Record* ChildRecords::Find(Kind k, int64_t id) const {
  for (const Record& r : of(k))
    if (r.id == id) return &r;
  return nullptr;
}

size_t ChildRecords::size() const {
  size_t n = 0;
  for (const auto& v : by_kind) n += v.size();
  return n;
}

namespace {

// JR-REF: a reference to a record of a child-level kind points at a record of the same
// child. (References to workers, teams and adopter households are checked by the store.)
Status CheckReferences(const ChildRecords& c) {
  for (const KindDef& d : AllKinds()) {
    for (const Record& r : c.of(d.kind)) {
      for (size_t i = 0; i < d.fields.size(); ++i) {
        const FieldDef& f = d.fields[i];
        if (f.type != FieldType::kRef || IsNull(r.values[i])) continue;
        if (Def(f.ref_kind).child_link != ChildLink::kRequired) continue;
        const int64_t target = std::get<int64_t>(r.values[i]);
        if (!c.Find(f.ref_kind, target)) {
          return RuleError(r, f.name, r.values[i], "JR-REF",
                           fmt::format("no {} {} on this child's record", KindName(f.ref_kind),
                                       target));
        }
      }
    }
  }
  return Status::Ok();
}

// JR-CLA-1: a child's periods of care do not overlap.
// JR-CP-1: a child is not on two child protection plans at once.
// Both treat a period as [start, end): one may end on the day the next begins.
Status CheckNoOverlap(const ChildRecords& c, Kind kind, std::string_view code,
                      std::string_view what) {
  const auto& recs = c.of(kind);
  for (size_t i = 0; i < recs.size(); ++i) {
    auto a = PeriodOf(recs[i]);
    if (!a) continue;
    for (size_t j = i + 1; j < recs.size(); ++j) {
      auto b = PeriodOf(recs[j]);
      if (!b || !Overlap(*a, *b)) continue;
      const Record& later = recs[i].id > recs[j].id || recs[i].id == 0 ? recs[i] : recs[j];
      const Record& other = &later == &recs[i] ? recs[j] : recs[i];
      const KindDef& d = Def(kind);
      return RuleError(later, d.start_field, later.Get(d.start_index), code,
                       fmt::format("overlaps {} {}: {}", KindName(kind), other.id, what));
    }
  }
  return Status::Ok();
}

// JR-CLA-2 (903 episode rules, DfE SSDA903 guidance: "consecutive episodes must abut",
// "an episode cannot start and end on the same day"; DATA-SPECS §11 note 5): within a
// period of care, episodes run in order without gaps or overlaps, the first starts the
// period with RNE S and later ones do not, each but the last ends on the day the next
// begins with REC X1, and the last ends with the period.
Status CheckEpisodes(const ChildRecords& c) {
  const int f_period = FieldOf(Kind::kClaEpisode, "cla_period_id");
  const int f_start = FieldOf(Kind::kClaEpisode, "start_date");
  const int f_end = FieldOf(Kind::kClaEpisode, "end_date");
  const int f_rne = FieldOf(Kind::kClaEpisode, "rne");
  const int f_rec = FieldOf(Kind::kClaEpisode, "rec");
  const int f_placement = FieldOf(Kind::kClaEpisode, "placement_id");
  const int p_start = FieldOf(Kind::kClaPeriod, "start_date");
  const int p_end = FieldOf(Kind::kClaPeriod, "end_date");
  const int pl_period = FieldOf(Kind::kPlacement, "cla_period_id");

  for (const Record& period : c.of(Kind::kClaPeriod)) {
    std::vector<const Record*> eps;
    for (const Record& e : c.of(Kind::kClaEpisode))
      if (std::get<int64_t>(e.Get(f_period)) == period.id) eps.push_back(&e);
    if (eps.empty()) continue;  // a period being entered before its first episode
    std::sort(eps.begin(), eps.end(), [&](const Record* a, const Record* b) {
      return std::get<Date>(a->Get(f_start)) < std::get<Date>(b->Get(f_start));
    });
    const Date period_start = std::get<Date>(period.Get(p_start));
    const Record& first = *eps.front();
    if (std::get<Date>(first.Get(f_start)) != period_start) {
      return RuleError(first, "start_date", first.Get(f_start), "JR-CLA-2",
                       fmt::format("the first episode must start on the day the period of care "
                                   "starts ({})",
                                   period_start.ToIso()));
    }
    for (size_t i = 0; i < eps.size(); ++i) {
      const Record& e = *eps[i];
      const Date start = std::get<Date>(e.Get(f_start));
      const Value& rne = e.Get(f_rne);
      const bool is_s = std::get<std::string>(rne) == "S";
      // A period imported from a return that begins mid-period (began_earlier) may open
      // with an episode that continues one before the history on record.
      const bool began_earlier = period.GetBool("began_earlier").value_or(false);
      if (i == 0 && !is_s && !began_earlier)
        return RuleError(e, "rne", rne, "JR-CLA-2",
                         "the first episode of a period of care must have RNE S");
      if (i > 0 && is_s)
        return RuleError(e, "rne", rne, "JR-CLA-2",
                         "only the first episode of a period of care has RNE S");
      const Value& end_v = e.Get(f_end);
      const Value& rec_v = e.Get(f_rec);
      if (auto* end = std::get_if<Date>(&end_v); end && *end <= start) {
        return RuleError(e, "end_date", end_v, "JR-CLA-2",
                         "an episode cannot end on or before the day it starts");
      }
      if (!IsNull(rec_v) && IsNull(end_v)) {
        return RuleError(e, "rec", rec_v, "JR-CLA-2",
                         "an episode with a reason ceased (REC) must have an end date (DEC)");
      }
      if (i + 1 < eps.size()) {
        const Record& next = *eps[i + 1];
        const Date next_start = std::get<Date>(next.Get(f_start));
        auto* end = std::get_if<Date>(&end_v);
        if (!end || *end != next_start) {
          return RuleError(e, "end_date", end_v, "JR-CLA-2",
                           fmt::format("must equal the next episode's start {} (episodes abut "
                                       "without gaps or overlaps)",
                                       next_start.ToIso()));
        }
        if (IsNull(rec_v) || std::get<std::string>(rec_v) != "X1") {
          return RuleError(e, "rec", rec_v, "JR-CLA-2",
                           "an episode followed by another in the same period must have REC X1");
        }
      } else {
        const Value& pend_v = period.Get(p_end);
        if (IsNull(pend_v) != IsNull(end_v) ||
            (!IsNull(end_v) && std::get<Date>(end_v) != std::get<Date>(pend_v))) {
          return RuleError(e, "end_date", end_v, "JR-CLA-2",
                           fmt::format("the last episode must end when the period of care ends "
                                       "(\"{}\")",
                                       ValueToString(pend_v)));
        }
        if (!IsNull(rec_v) && std::get<std::string>(rec_v) == "X1") {
          return RuleError(e, "rec", rec_v, "JR-CLA-2",
                           "X1 means a new episode follows, but this is the period's last");
        }
        if (!IsNull(end_v) && IsNull(rec_v)) {
          return RuleError(e, "rec", rec_v, "JR-CLA-2",
                           "the episode that ends a period of care needs a reason ceased (REC)");
        }
      }
      // JR-CLA-3: an episode's placement belongs to the same period of care.
      const Value& pl = e.Get(f_placement);
      if (!IsNull(pl)) {
        const Record* placement = c.Find(Kind::kPlacement, std::get<int64_t>(pl));
        if (placement && std::get<int64_t>(placement->Get(pl_period)) != period.id) {
          return RuleError(e, "placement_id", pl, "JR-CLA-3",
                           "the placement belongs to another period of care");
        }
      }
    }
  }
  return Status::Ok();
}

// JR-WITHIN: a dated record that belongs to a plan or period falls within it: a
// looked-after review, placement or visit within its period of care; a review
// conference, core group or visit within its protection plan; a child in need review
// within its plan; a pathway plan review within its plan. Reviews of a plan cannot
// precede it; the plan's end day itself is allowed (a final review on the day it ends).
Status CheckWithin(const ChildRecords& c, Kind kind, std::string_view date_field,
                   std::string_view parent_field, Kind parent_kind) {
  const int f_date = FieldOf(kind, date_field);
  const int f_parent = FieldOf(kind, parent_field);
  const KindDef& pd = Def(parent_kind);
  for (const Record& r : c.of(kind)) {
    const Value& pv = r.Get(f_parent);
    if (IsNull(pv)) continue;
    const Record* parent = c.Find(parent_kind, std::get<int64_t>(pv));
    if (!parent) continue;  // reported by JR-REF
    auto day = DayOf(r.Get(f_date));
    auto start = DayOf(parent->Get(pd.start_index));
    auto end = DayOf(parent->Get(pd.end_index));
    if (!day || !start) continue;
    if (*day < *start || (end && *day > *end)) {
      return RuleError(r, date_field, r.Get(f_date), "JR-WITHIN",
                       fmt::format("must fall within {} {} ({} to {})", pd.name, parent->id,
                                   start->ToIso(), end ? end->ToIso() : "open"));
    }
  }
  return Status::Ok();
}

// JR-CPC-1: a review conference names the plan it reviews; an initial one does not.
Status CheckConferences(const ChildRecords& c) {
  const int f_type = FieldOf(Kind::kCpConference, "conference_type");
  const int f_plan = FieldOf(Kind::kCpConference, "cp_plan_id");
  for (const Record& r : c.of(Kind::kCpConference)) {
    const auto& type = std::get<std::string>(r.Get(f_type));
    if (type == "REVIEW" && IsNull(r.Get(f_plan))) {
      return RuleError(r, "cp_plan_id", r.Get(f_plan), "JR-CPC-1",
                       "a review conference must name the protection plan it reviews");
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidateChild(const ChildRecords& c) {
  for (const auto& recs : c.by_kind) {
    for (const Record& r : recs) {
      if (Def(r.kind).child_link != ChildLink::kNone && r.child_id != c.child_id) {
        return Internal(fmt::format("{}: filed under child {}", r.Label(), c.child_id));
      }
    }
  }
  JOURNEY_RETURN_IF_ERROR(CheckReferences(c));
  JOURNEY_RETURN_IF_ERROR(CheckNoOverlap(c, Kind::kClaPeriod, "JR-CLA-1",
                                         "a child has one period of care at a time"));
  JOURNEY_RETURN_IF_ERROR(CheckNoOverlap(c, Kind::kCpPlan, "JR-CP-1",
                                         "a child cannot be on two protection plans at once"));
  JOURNEY_RETURN_IF_ERROR(CheckEpisodes(c));
  JOURNEY_RETURN_IF_ERROR(CheckConferences(c));
  struct Within {
    Kind kind;
    std::string_view date_field, parent_field;
    Kind parent;
  };
  static const Within kWithin[] = {
      {Kind::kClaReview, "review_date", "cla_period_id", Kind::kClaPeriod},
      {Kind::kPlacement, "start_date", "cla_period_id", Kind::kClaPeriod},
      {Kind::kVisit, "visit_date", "cla_period_id", Kind::kClaPeriod},
      {Kind::kCpConference, "conference_date", "cp_plan_id", Kind::kCpPlan},
      {Kind::kCoreGroup, "meeting_date", "cp_plan_id", Kind::kCpPlan},
      {Kind::kVisit, "visit_date", "cp_plan_id", Kind::kCpPlan},
      {Kind::kCinPlanReview, "review_date", "cin_plan_id", Kind::kCinPlan},
      {Kind::kVisit, "visit_date", "cin_plan_id", Kind::kCinPlan},
      {Kind::kPathwayPlanReview, "review_date", "pathway_plan_id", Kind::kPathwayPlan},
  };
  for (const Within& w : kWithin)
    JOURNEY_RETURN_IF_ERROR(CheckWithin(c, w.kind, w.date_field, w.parent_field, w.parent));
  return Status::Ok();
}

}  // namespace journey::model
