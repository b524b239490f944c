#include "synth/plant.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/csv.h"

namespace journey::synth {
namespace {

using model::Kind;
using model::Record;

// The kinds of error planted, each a change the record allows but the return's rules refuse.
//   168: a UPN of the right length whose first letter is I (never used in a UPN).
//   184: a should-be-placed-for-adoption decision dated the day before the child's birth.
//   119: a reversed adoption decision (in the year) with no reason for the reversal.
constexpr const char* kRules[] = {"168", "184", "119"};

// In the return: an episode open at some time in the year (903-INC-1).
bool InReturn(const model::ChildRecords& c, Date start, Date end) {
  for (const Record& e : c.of(Kind::kClaEpisode)) {
    auto s = e.GetDate("start_date"), f = e.GetDate("end_date");
    if (s && *s <= end && (!f || *f >= start)) return true;
  }
  return false;
}

// An adoption decision the return's PlacedAdoption holds (903-INC-11): made by 31 March,
// not reversed or completed before 1 April.
Record* PlacedAdoption(model::ChildRecords& c, Date start, Date end) {
  for (Record& a : c.of(Kind::kAdoption)) {
    auto d = a.GetDate("decision_date"), r = a.GetDate("reversed_date"),
         o = a.GetDate("order_date");
    if (d && *d <= end && (!r || *r >= start) && (!o || *o >= start)) return &a;
  }
  return nullptr;
}

}  // namespace

bool Planter::Plant(model::ChildRecords& c, size_t kind) {
  const Date start = CollectionYearStart(year_), end = CollectionYearEnd(year_);
  if (c.of(Kind::kPerson).empty() || !InReturn(c, start, end)) return false;
  Record& person = c.of(Kind::kPerson).front();
  const std::string child = person.GetString("la_child_id").value_or("");
  const std::string rule = kRules[kind];
  if (rule == "168") {
    person.Set("upn", std::string("I00000000000") + std::to_string(planted_.size() % 10));
    planted_.push_back({rule, child, "UPN starting I"});
    return true;
  }
  Record* a = PlacedAdoption(c, start, end);
  auto birth = person.GetDate("birth_date");
  if (!a || !birth) return false;
  if (rule == "184") {
    a->Set("decision_date", birth->AddDays(-1));
    planted_.push_back({rule, child, "adoption decision the day before birth"});
    return true;
  }
  // 119: reversed in the year, after the decision, with no reason given.
  const Date decided = *a->GetDate("decision_date");
  const Date reversed = std::max(decided.AddDays(1), start);
  if (reversed > end || a->GetDate("order_date")) return false;
  a->Set("reversed_date", reversed);
  a->Set("reversed_reason", model::Value{});
  planted_.push_back({rule, child, "adoption decision reversed with no reason"});
  return true;
}

Status Planter::Child(model::ChildRecords c) {
  if (static_cast<int>(planted_.size()) < count_ && !c.of(Kind::kPerson).empty() &&
      InReturn(c, CollectionYearStart(year_), CollectionYearEnd(year_))) {
    // The kinds planted least so far first, so that the rarer chances (a child with an
    // adoption decision in the year) are taken when they come.
    std::vector<size_t> order(std::size(kRules));
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    auto planted_of = [&](size_t k) {
      return std::count_if(planted_.begin(), planted_.end(),
                           [&](const Planted& p) { return p.rule == kRules[k]; });
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return planted_of(a) < planted_of(b); });
    const long share =
        (count_ + static_cast<long>(std::size(kRules)) - 1) / static_cast<long>(std::size(kRules));
    for (size_t kind : order) {
      if (planted_of(kind) >= share) continue;  // an even share of each kind
      model::ChildRecords trial = c;
      if (!Plant(trial, kind)) continue;
      if (Status st = model::ValidateChild(trial); !st.ok()) {  // the record refuses it: undo
        planted_.pop_back();
        continue;
      }
      c = std::move(trial);
      break;
    }
  }
  return inner_->Child(std::move(c));
}

std::string Planter::Csv() const {
  std::string out = CsvLine({"rule", "child", "what"});
  for (const Planted& p : planted_) out += CsvLine({p.rule, p.child, p.what});
  return out;
}

}  // namespace journey::synth
