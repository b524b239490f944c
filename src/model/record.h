// A record: one dated fact of a child's journey (or of the workforce around it), as a
// kind (see kinds.h) and one value per field of that kind, in the kind's field order.
//
// Records are generic on purpose: the store, the returns and the generator all walk the
// same field descriptions, so a kind is defined once (kinds.cc) and every layer follows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/date.h"
#include "model/kinds.h"

namespace journey::model {

// Minutes since 1970-01-01 00:00, civil (local) time: a recorded date and time of day.
struct DateTime {
  int64_t minutes = 0;
  static DateTime FromDateAndMinutes(Date d, int minute_of_day) {
    return DateTime{static_cast<int64_t>(d.days()) * 1440 + minute_of_day};
  }
  Date date() const {
    int64_t d = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    return Date::FromDays(static_cast<int32_t>(d));
  }
  int minute_of_day() const { return static_cast<int>(minutes - int64_t{date().days()} * 1440); }
  std::string ToIso() const;  // "YYYY-MM-DDTHH:MM"
  static Result<DateTime> ParseIso(std::string_view text);  // "YYYY-MM-DDTHH:MM[:SS]"
  friend auto operator<=>(DateTime a, DateTime b) = default;
};

// One field's value. Which alternative a field holds follows its FieldType:
// text and code -> string; int, ref -> int64; bool -> bool; decimal -> double;
// date -> Date; datetime -> DateTime; absent -> monostate.
using Value = std::variant<std::monostate, bool, int64_t, double, Date, DateTime, std::string>;

bool IsNull(const Value& v);
// A readable form for messages and exports: dates ISO, bools "true"/"false", null "".
std::string ValueToString(const Value& v);

struct Record {
  Kind kind = Kind::kPerson;
  int64_t id = 0;        // 0 until the store assigns one
  int64_t child_id = 0;  // the person whose journey this is; 0 where the kind has none
  std::vector<Value> values;

  // Filled by the store on reads; ignored on writes.
  int32_t version = 0;
  int64_t tx = 0;
  bool deleted = false;

  Record() = default;
  explicit Record(Kind k);  // all fields null

  const Value& Get(int field) const { return values[static_cast<size_t>(field)]; }
  void Set(int field, Value v) { values[static_cast<size_t>(field)] = std::move(v); }

  // Typed access by field name; the name must belong to the kind (programming error if not).
  const Value& Get(std::string_view field) const;
  void Set(std::string_view field, Value v);
  std::optional<Date> GetDate(std::string_view field) const;
  std::optional<int64_t> GetInt(std::string_view field) const;  // int, ref
  std::optional<std::string> GetString(std::string_view field) const;  // text, code
  std::optional<bool> GetBool(std::string_view field) const;

  // "cp_plan 12 (child 3)": how messages name a record.
  std::string Label() const;

  friend bool operator==(const Record& a, const Record& b) {
    return a.kind == b.kind && a.id == b.id && a.child_id == b.child_id && a.values == b.values;
  }
};

}  // namespace journey::model
