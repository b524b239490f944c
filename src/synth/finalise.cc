#include "synth/finalise.h"

#include <fmt/format.h>

#include <array>
#include <span>

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
  std::vector<int> dates;      // date and date-time fields
  std::vector<RefField> refs;  // references to records of the same person
  int person_ref = -1;         // a reference to another person (relationship)
  // Fields that only make sense with a given date field (an end and its reason).
  std::vector<std::pair<int, std::vector<int>>> companions;
};

std::vector<KindInfo> BuildInfo() {
  std::vector<KindInfo> info(model::kKindCount);
  for (const KindDef& d : model::AllKinds()) {
    KindInfo& ki = info[static_cast<size_t>(d.kind)];
    for (size_t i = 0; i < d.fields.size(); ++i) {
      const model::FieldDef& f = d.fields[i];
      if (f.type == FieldType::kDate || f.type == FieldType::kDateTime)
        ki.dates.push_back(static_cast<int>(i));
      if (f.type != FieldType::kRef) continue;
      if (f.ref_kind == Kind::kPerson) {
        ki.person_ref = static_cast<int>(i);
      } else if (Def(f.ref_kind).child_link != ChildLink::kNone) {
        // A review conference must name its plan (JR-CPC-1): treat the reference as required.
        const bool required =
            f.required || (d.kind == Kind::kCpConference && f.name == "cp_plan_id");
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
    if (d.fields[static_cast<size_t>(f)].required || f == d.date_index || f == d.start_index)
      return false;
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

void DecideOne(const Council& c, model::ChildRecords& recs, Keep& st) {
  const int32_t as_at = c.as_at.days(), start = c.history_start.days();
  uint32_t n = 0;
  for (int k = 0; k < model::kKindCount; ++k) {
    st.offset[static_cast<size_t>(k)] = n;
    n += static_cast<uint32_t>(recs.by_kind[static_cast<size_t>(k)].size());
  }
  st.offset[model::kKindCount] = n;
  st.flag.assign(n, 0);
  // Episodes and placements go with their period of care: all of it or none.
  static const int f_ep = model::FieldOf(Kind::kClaEpisode, "cla_period_id");
  static const int f_pl = model::FieldOf(Kind::kPlacement, "cla_period_id");
  for (int k = 0; k < model::kKindCount; ++k) {
    auto& v = recs.by_kind[static_cast<size_t>(k)];
    if (v.empty()) continue;
    const Kind kind = static_cast<Kind>(k);
    const int period_field =
        kind == Kind::kClaEpisode ? f_ep : (kind == Kind::kPlacement ? f_pl : -1);
    for (size_t i = 0; i < v.size(); ++i) {
      if (!Truncate(v[i], as_at)) continue;
      if (period_field >= 0) {
        st.at(k, i) = st.of(Kind::kClaPeriod,
                            std::get<int64_t>(v[i].values[static_cast<size_t>(period_field)]));
      } else {
        st.at(k, i) = IsIdentity(kind) || InHistory(v[i], start);
      }
    }
  }
  // Close references over what is kept: a record whose required reference is gone goes
  // too; an optional reference to a record that is gone is cleared.
  for (bool changed = true; changed;) {
    changed = false;
    for (int k = 0; k < model::kKindCount; ++k) {
      const KindInfo& ki = Info()[static_cast<size_t>(k)];
      auto& v = recs.by_kind[static_cast<size_t>(k)];
      if (ki.refs.empty() || v.empty()) continue;
      for (size_t i = 0; i < v.size(); ++i) {
        if (!st.at(k, i)) continue;
        for (const RefField& rf : ki.refs) {
          Value& val = v[i].values[static_cast<size_t>(rf.field)];
          if (model::IsNull(val)) continue;
          if (st.of(rf.target, std::get<int64_t>(val))) continue;
          if (rf.required) {
            st.at(k, i) = 0;
            changed = true;
            break;
          }
          val = std::monostate{};
        }
      }
    }
  }
  // Assessment factors are recorded when the assessment is completed.
  static const int f_auth = model::FieldOf(Kind::kAssessment, "authorised_date");
  static const int f_a = model::FieldOf(Kind::kAssessmentFactor, "assessment_id");
  const auto& assessments = recs.of(Kind::kAssessment);
  const auto& factors = recs.of(Kind::kAssessmentFactor);
  for (size_t i = 0; i < factors.size(); ++i) {
    uint8_t& keep = st.at(static_cast<int>(Kind::kAssessmentFactor), i);
    if (!keep) continue;
    const int64_t a = std::get<int64_t>(factors[i].values[static_cast<size_t>(f_a)]);
    if (model::IsNull(assessments[static_cast<size_t>(a - 1)].values[static_cast<size_t>(f_auth)]))
      keep = 0;
  }
  st.emitted = false;
  for (int k = 0; k < model::kKindCount && !st.emitted; ++k) {
    if (IsIdentity(static_cast<Kind>(k))) continue;
    for (uint32_t i = st.offset[static_cast<size_t>(k)]; i < st.offset[static_cast<size_t>(k) + 1];
         ++i)
      if (st.flag[i]) {
        st.emitted = true;
        break;
      }
  }
}

// Gives kept records their ids, rewrites references, and drops the rest in place.
void RenumberOne(model::ChildRecords& recs, Keep& st, int64_t child,
                 std::span<const int64_t> person_ids, IdCounters& ids) {
  static const int f_la_id = model::FieldOf(Kind::kPerson, "la_child_id");
  thread_local std::vector<int64_t> new_ids;
  new_ids.assign(st.flag.size(), 0);
  for (int k = 0; k < model::kKindCount; ++k) {
    for (uint32_t i = st.offset[static_cast<size_t>(k)]; i < st.offset[static_cast<size_t>(k) + 1];
         ++i)
      if (st.flag[i])
        new_ids[i] = k == static_cast<int>(Kind::kPerson) ? child : ids.Next(static_cast<Kind>(k));
  }
  auto new_id = [&](Kind k, int64_t local) {
    return new_ids[st.offset[static_cast<size_t>(k)] + static_cast<size_t>(local - 1)];
  };
  recs.child_id = child;
  for (int k = 0; k < model::kKindCount; ++k) {
    auto& v = recs.by_kind[static_cast<size_t>(k)];
    if (v.empty()) continue;
    const KindInfo& ki = Info()[static_cast<size_t>(k)];
    size_t w = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      if (!st.at(k, i)) continue;
      Record& r = v[i];
      if (ki.person_ref >= 0) {
        Value& pv = r.values[static_cast<size_t>(ki.person_ref)];
        const int64_t pos = -1 - std::get<int64_t>(pv);
        const int64_t target = pos >= 0 && pos < static_cast<int64_t>(person_ids.size())
                                   ? person_ids[static_cast<size_t>(pos)]
                                   : 0;
        if (target == 0) continue;  // the other person has nothing on record
        pv = target;
      }
      for (const RefField& rf : ki.refs) {
        Value& rv = r.values[static_cast<size_t>(rf.field)];
        if (!model::IsNull(rv)) rv = new_id(rf.target, std::get<int64_t>(rv));
      }
      r.id = new_id(static_cast<Kind>(k), static_cast<int64_t>(i) + 1);
      r.child_id = child;
      if (k == static_cast<int>(Kind::kPerson))
        r.values[static_cast<size_t>(f_la_id)] = fmt::format("C{:07}", child);
      if (w != i) v[w] = std::move(r);
      ++w;
    }
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(w), v.end());
  }
}

}  // namespace

void Decide(const Council& c, std::span<ChildBuilder> people, Group* out) {
  out->people.clear();
  out->keep.resize(people.size());
  for (size_t p = 0; p < people.size(); ++p) {
    Keep& k = out->keep[p];
    k.emitted = false;
    if (people[p].empty()) {
      out->people.emplace_back();
      continue;
    }
    out->people.push_back(std::move(people[p].records()));
    DecideOne(c, out->people.back(), k);
  }
  bool any = false;
  for (size_t p = 0; p < people.size(); ++p) any = any || out->keep[p].emitted;
  if (!any) out->people.clear();
}

void Renumber(Group& g, IdCounters& ids, std::vector<model::ChildRecords>* out) {
  std::array<int64_t, 4> person_ids{};
  const size_t n = std::min(g.people.size(), person_ids.size());
  for (size_t p = 0; p < n; ++p)
    if (g.keep[p].emitted) person_ids[p] = ids.Next(Kind::kPerson);
  for (size_t p = 0; p < n; ++p) {
    if (!g.keep[p].emitted) continue;
    RenumberOne(g.people[p], g.keep[p], person_ids[p],
                std::span<const int64_t>(person_ids.data(), n), ids);
    out->push_back(std::move(g.people[p]));
  }
}

}  // namespace journey::synth
