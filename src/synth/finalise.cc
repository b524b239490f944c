#include "synth/finalise.h"

#include <fmt/format.h>

namespace journey::synth {
namespace {

using model::ChildLink;
using model::Def;
using model::FieldType;
using model::KindDef;
using model::Value;

bool IsIdentity(Kind k) {
  return k == Kind::kPerson || k == Kind::kPersonIdentifier || k == Kind::kAddress ||
         k == Kind::kDisability || k == Kind::kImmigrationStatus || k == Kind::kRelationship;
}

// What the finaliser needs to know about each kind, worked out once from kinds.cc.
struct RefField {
  int field;
  Kind target;
  bool required;
};
struct KindInfo {
  std::vector<int> dates;         // date and date-time fields
  std::vector<RefField> refs;     // references to records of the same person
  int person_ref = -1;            // a reference to another person (relationship)
  // Fields that only make sense with a given date field (an end and its reason).
  std::vector<std::pair<int, std::vector<int>>> companions;
};

std::vector<KindInfo> BuildInfo() {
  std::vector<KindInfo> info(model::kKindCount);
  for (const KindDef& d : model::AllKinds()) {
    KindInfo& ki = info[static_cast<size_t>(d.kind)];
    for (size_t i = 0; i < d.fields.size(); ++i) {
      const model::FieldDef& f = d.fields[i];
      if (f.type == FieldType::kDate || f.type == FieldType::kDateTime) ki.dates.push_back(static_cast<int>(i));
      if (f.type != FieldType::kRef) continue;
      if (f.ref_kind == Kind::kPerson) {
        ki.person_ref = static_cast<int>(i);
      } else if (Def(f.ref_kind).child_link != ChildLink::kNone) {
        // A review conference must name its plan (JR-CPC-1): treat the reference as required.
        const bool required = f.required || (d.kind == Kind::kCpConference && f.name == "cp_plan_id");
        ki.refs.push_back({static_cast<int>(i), f.ref_kind, required});
      }
    }
  }
  auto link = [&](Kind k, std::string_view date, std::initializer_list<std::string_view> with) {
    std::vector<int> fields;
    for (std::string_view w : with) fields.push_back(model::FieldOf(k, w));
    info[static_cast<size_t>(k)].companions.push_back({model::FieldOf(k, date), fields});
  };
  link(Kind::kReferral, "closure_date", {"closure_reason"});
  link(Kind::kAssessment, "authorised_date", {"outcome"});
  link(Kind::kSection47Enquiry, "end_date", {"outcome", "icpc_not_required"});
  link(Kind::kCpPlan, "end_date", {"end_reason"});
  link(Kind::kEarlyHelpEpisode, "end_date", {"end_reason"});
  link(Kind::kClaEpisode, "end_date", {"rec", "reason_place_change"});
  link(Kind::kPlacement, "end_date", {"change_reason"});
  link(Kind::kPreProceedings, "end_date", {"outcome"});
  link(Kind::kCareProceedings, "final_order_date", {"final_order"});
  link(Kind::kConnectedPersonAssessment, "completed_date", {"outcome"});
  link(Kind::kAdoption, "reversed_date", {"reversed_reason"});
  link(Kind::kHomelessAssessment, "assessment_date", {"outcome"});
  link(Kind::kAllegation, "concluded_date", {"outcome"});
  link(Kind::kComplaint, "closed_date", {"outcome", "lessons"});
  link(Kind::kCaseAudit, "moderated_date", {"moderated_grade"});
  return info;
}

const std::vector<KindInfo>& Info() {
  static const std::vector<KindInfo> info = BuildInfo();
  return info;
}

int32_t DayOf(const Value& v) {
  if (auto* d = std::get_if<Date>(&v)) return d->days();
  if (auto* t = std::get_if<DateTime>(&v)) return t->date().days();
  return INT32_MIN;
}

// Cuts a record off at as_at. Returns false when the record itself lies beyond it.
bool Truncate(Record& r, int32_t as_at) {
  if (r.kind == Kind::kPerson) return true;
  const KindDef& d = Def(r.kind);
  const KindInfo& ki = Info()[static_cast<size_t>(r.kind)];
  for (int f : ki.dates) {
    Value& v = r.values[static_cast<size_t>(f)];
    if (DayOf(v) <= as_at) continue;
    if (d.fields[static_cast<size_t>(f)].required || f == d.date_index || f == d.start_index) return false;
    v = std::monostate{};
    for (const auto& [date, with] : ki.companions)
      if (date == f)
        for (int w : with) r.values[static_cast<size_t>(w)] = std::monostate{};
  }
  return true;
}

// Whether a record touches the history: any of its dates on or after its start, or a
// period still open. A record with no dates at all follows the records it refers to.
bool InHistory(const Record& r, int32_t start) {
  const KindDef& d = Def(r.kind);
  const KindInfo& ki = Info()[static_cast<size_t>(r.kind)];
  if (ki.dates.empty()) return true;
  bool any = false;
  for (int f : ki.dates) {
    const int32_t day = DayOf(r.values[static_cast<size_t>(f)]);
    if (day == INT32_MIN) continue;
    any = true;
    if (day >= start) return true;
  }
  if (!any) return true;
  return d.end_index >= 0 && model::IsNull(r.values[static_cast<size_t>(d.end_index)]);
}

struct PersonState {
  std::vector<std::vector<uint8_t>> keep = std::vector<std::vector<uint8_t>>(model::kKindCount);
  bool emitted = false;
};

void Decide(const Council& c, model::ChildRecords& recs, PersonState& st) {
  const int32_t as_at = c.as_at.days(), start = c.history_start.days();
  bool any = false;
  // Episodes and placements go with their period of care: all of it or none.
  const int f_ep = model::FieldOf(Kind::kClaEpisode, "cla_period_id");
  const int f_pl = model::FieldOf(Kind::kPlacement, "cla_period_id");
  for (int k = 0; k < model::kKindCount; ++k) {
    auto& v = recs.by_kind[static_cast<size_t>(k)];
    auto& keep = st.keep[static_cast<size_t>(k)];
    keep.assign(v.size(), 0);
    const Kind kind = static_cast<Kind>(k);
    const int period_field = kind == Kind::kClaEpisode ? f_ep : (kind == Kind::kPlacement ? f_pl : -1);
    const auto& periods = st.keep[static_cast<size_t>(Kind::kClaPeriod)];
    for (size_t i = 0; i < v.size(); ++i) {
      if (!Truncate(v[i], as_at)) continue;
      if (period_field >= 0) {
        const int64_t p = std::get<int64_t>(v[i].values[static_cast<size_t>(period_field)]);
        keep[i] = periods[static_cast<size_t>(p - 1)];
      } else {
        keep[i] = IsIdentity(kind) || InHistory(v[i], start);
      }
    }
  }
  // Close references over what is kept: a record whose required reference is gone goes
  // too; an optional reference to a record that is gone is cleared.
  for (bool changed = true; changed;) {
    changed = false;
    for (int k = 0; k < model::kKindCount; ++k) {
      const KindInfo& ki = Info()[static_cast<size_t>(k)];
      if (ki.refs.empty()) continue;
      auto& v = recs.by_kind[static_cast<size_t>(k)];
      auto& keep = st.keep[static_cast<size_t>(k)];
      for (size_t i = 0; i < v.size(); ++i) {
        if (!keep[i]) continue;
        for (const RefField& rf : ki.refs) {
          Value& val = v[i].values[static_cast<size_t>(rf.field)];
          if (model::IsNull(val)) continue;
          const int64_t target = std::get<int64_t>(val);
          if (st.keep[static_cast<size_t>(rf.target)][static_cast<size_t>(target - 1)]) continue;
          if (rf.required) {
            keep[i] = 0;
            changed = true;
            break;
          }
          val = std::monostate{};
        }
      }
    }
  }
  // Assessment factors are recorded when the assessment is completed.
  {
    const int f_auth = model::FieldOf(Kind::kAssessment, "authorised_date");
    const int f_a = model::FieldOf(Kind::kAssessmentFactor, "assessment_id");
    const auto& assessments = recs.of(Kind::kAssessment);
    auto& v = recs.of(Kind::kAssessmentFactor);
    auto& keep = st.keep[static_cast<size_t>(Kind::kAssessmentFactor)];
    for (size_t i = 0; i < v.size(); ++i) {
      if (!keep[i]) continue;
      const int64_t a = std::get<int64_t>(v[i].values[static_cast<size_t>(f_a)]);
      if (model::IsNull(assessments[static_cast<size_t>(a - 1)].values[static_cast<size_t>(f_auth)])) keep[i] = 0;
    }
  }
  for (int k = 0; k < model::kKindCount && !any; ++k) {
    if (IsIdentity(static_cast<Kind>(k))) continue;
    for (uint8_t x : st.keep[static_cast<size_t>(k)]) any = any || x;
  }
  st.emitted = any;
}

}  // namespace

void Finalise(const Council& c, std::vector<ChildBuilder>& people, IdCounters& ids,
              std::vector<model::ChildRecords>* out) {
  std::vector<PersonState> states(people.size());
  std::vector<int64_t> person_ids(people.size(), 0);
  for (size_t p = 0; p < people.size(); ++p) {
    Decide(c, people[p].records(), states[p]);
    if (states[p].emitted) person_ids[p] = ids.Next(Kind::kPerson);
  }
  const int f_la_id = model::FieldOf(Kind::kPerson, "la_child_id");
  std::vector<int64_t> map;
  for (size_t p = 0; p < people.size(); ++p) {
    if (!states[p].emitted) continue;
    model::ChildRecords& in = people[p].records();
    model::ChildRecords result;
    const int64_t child = person_ids[p];
    result.child_id = child;
    // New ids per kind; a dropped record maps to 0.
    std::vector<std::vector<int64_t>> new_ids(model::kKindCount);
    for (int k = 0; k < model::kKindCount; ++k) {
      const auto& keep = states[p].keep[static_cast<size_t>(k)];
      auto& ni = new_ids[static_cast<size_t>(k)];
      ni.assign(keep.size(), 0);
      for (size_t i = 0; i < keep.size(); ++i)
        if (keep[i]) ni[i] = k == static_cast<int>(Kind::kPerson) ? child : ids.Next(static_cast<Kind>(k));
    }
    for (int k = 0; k < model::kKindCount; ++k) {
      const KindInfo& ki = Info()[static_cast<size_t>(k)];
      auto& src = in.by_kind[static_cast<size_t>(k)];
      auto& dst = result.by_kind[static_cast<size_t>(k)];
      const auto& keep = states[p].keep[static_cast<size_t>(k)];
      for (size_t i = 0; i < src.size(); ++i) {
        if (!keep[i]) continue;
        Record& r = src[i];
        if (ki.person_ref >= 0) {
          Value& v = r.values[static_cast<size_t>(ki.person_ref)];
          const int64_t pos = -1 - std::get<int64_t>(v);
          const int64_t target = pos >= 0 && pos < static_cast<int64_t>(people.size()) ? person_ids[static_cast<size_t>(pos)] : 0;
          if (target == 0) continue;  // the other person has nothing on record
          v = target;
        }
        for (const RefField& rf : ki.refs) {
          Value& v = r.values[static_cast<size_t>(rf.field)];
          if (!model::IsNull(v)) v = new_ids[static_cast<size_t>(rf.target)][static_cast<size_t>(std::get<int64_t>(v) - 1)];
        }
        r.id = new_ids[static_cast<size_t>(k)][i];
        r.child_id = child;
        if (k == static_cast<int>(Kind::kPerson)) r.values[static_cast<size_t>(f_la_id)] = fmt::format("C{:07}", child);
        dst.push_back(std::move(r));
      }
    }
    out->push_back(std::move(result));
  }
}

}  // namespace journey::synth
