// Building one person's records as the generator simulates their journey. Records get
// local ids (1, 2, ... within each kind of this person) and refer to each other by them;
// the finaliser (finalise.h) later drops what falls outside the history, and gives every
// record its council-wide id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "model/record.h"
#include "model/validate.h"
#include "synth/dates.h"

namespace journey::synth {

using model::DateTime;
using model::Kind;
using model::Record;

// The index of field `name` of kind k (e.g. SF(CpPlan, start_date)), looked up once per
// place of use: the generator sets millions of fields and a name lookup each time would
// dominate its cost.
#define SF(K, name)                                                                         \
  ([]() -> int {                                                                            \
    static const int idx_ = ::journey::model::FieldOf(::journey::model::Kind::k##K, #name); \
    return idx_;                                                                            \
  }())

// A reference to another person (a mother to her baby, a baby to its mother) is written as
// a negative number while building: -1 is the first person of the group the generator is
// building (the child), -2 the second (her first baby), and so on.
constexpr int64_t PersonInGroup(int position) { return -1 - position; }

// Chainable setters over a record, for the builders below.
template <typename Self>
class Setters {
 public:
  Self& Day(int f, Date d) { return Put(f, d); }
  Self& Day(int f, std::optional<Date> d) {
    if (d) Put(f, *d);
    return self();
  }
  Self& At(int f, DateTime t) { return Put(f, t); }
  Self& Flag(int f, bool v) { return Put(f, v); }
  Self& Int(int f, int64_t v) { return Put(f, v); }
  Self& Dec(int f, double v) { return Put(f, v); }
  Self& Code(int f, std::string_view code) { return Put(f, std::string(code)); }
  Self& Text(int f, std::string text) { return Put(f, std::move(text)); }
  Self& Ref(int f, int64_t id) { return Put(f, id); }
  Self& Clear(int f) { return Put(f, std::monostate{}); }

 private:
  Self& self() { return static_cast<Self&>(*this); }
  template <typename T>
  Self& Put(int f, T v) {
    if (self().live()) self().r().values[static_cast<size_t>(f)] = model::Value(std::move(v));
    return self();
  }
};

// A record not about a child (a team, a worker), built whole and then handed on.
class OrgRec : public Setters<OrgRec> {
 public:
  OrgRec(Kind k, int64_t id) : rec_(k) { rec_.id = id; }
  Record& r() { return rec_; }
  bool live() const { return true; }
  Record Take() { return std::move(rec_); }

 private:
  Record rec_;
};

class ChildBuilder {
 public:
  // A handle on one record being built; stays valid as more records are added. A
  // default-constructed handle refers to no record, and setting its fields does nothing (for
  // records not worth making because nothing of them would be kept).
  class Rec : public Setters<Rec> {
   public:
    Rec() = default;
    Rec(ChildBuilder* b, Kind k, uint32_t index) : b_(b), kind_(k), index_(index) {}
    int64_t id() const { return static_cast<int64_t>(index_) + 1; }
    bool valid() const { return b_ != nullptr; }
    bool live() const { return b_ != nullptr; }
    Record& r() const { return b_->recs_->of(kind_)[index_]; }
    using Setters<Rec>::Ref;
    Rec& Ref(int f, const Rec& other) { return Setters<Rec>::Ref(f, other.id()); }

   private:
    ChildBuilder* b_ = nullptr;
    Kind kind_ = Kind::kPerson;
    uint32_t index_ = 0;
  };

  Rec Add(Kind k) {
    auto& v = records().of(k);
    if (v.capacity() == 0) v.reserve(4);
    v.emplace_back(k);
    v.back().id = static_cast<int64_t>(v.size());
    return Rec(this, k, static_cast<uint32_t>(v.size() - 1));
  }
  size_t Count(Kind k) const { return recs_ ? recs_->of(k).size() : 0; }
  bool empty() const { return !recs_; }
  // The records, made on first use: most simulated children never have any, and an empty
  // builder costs nothing.
  model::ChildRecords& records() {
    if (!recs_) recs_.emplace();
    return *recs_;
  }

 private:
  std::optional<model::ChildRecords> recs_;
};

}  // namespace journey::synth
