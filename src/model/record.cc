#include "model/record.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace journey::model {

std::string DateTime::ToIso() const {
  const int m = minute_of_day();
  return fmt::format("{}T{:02}:{:02}", date().ToIso(), m / 60, m % 60);
}

Result<DateTime> DateTime::ParseIso(std::string_view text) {
  auto bad = [&] {
    return Err(InvalidArgument(fmt::format(
        "date and time \"{}\" is not valid (expected YYYY-MM-DDTHH:MM)", text)));
  };
  if (text.size() != 16 && text.size() != 19) return bad();
  if (text[10] != 'T' && text[10] != ' ') return bad();
  auto d = Date::ParseIso(text.substr(0, 10));
  if (!d) return Err(d.error());
  auto two = [&](size_t at) -> int {
    char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  int hh = two(11), mm = two(14);
  if (text[13] != ':' || hh < 0 || hh > 23 || mm < 0 || mm > 59) return bad();
  if (text.size() == 19) {
    int ss = two(17);
    if (text[16] != ':' || ss < 0 || ss > 59) return bad();
  }
  return DateTime::FromDateAndMinutes(*d, hh * 60 + mm);
}

bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

std::string ValueToString(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return fmt::format("{}", d); }
    std::string operator()(Date d) const { return d.ToIso(); }
    std::string operator()(DateTime t) const { return t.ToIso(); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{}, v);
}

Record::Record(Kind k) : kind(k), values(Def(k).fields.size()) {}

const Value& Record::Get(std::string_view field) const { return Get(FieldOf(kind, field)); }

void Record::Set(std::string_view field, Value v) { Set(FieldOf(kind, field), std::move(v)); }

std::optional<Date> Record::GetDate(std::string_view field) const {
  const Value& v = Get(field);
  if (auto* d = std::get_if<Date>(&v)) return *d;
  if (auto* t = std::get_if<DateTime>(&v)) return t->date();
  return std::nullopt;
}

std::optional<int64_t> Record::GetInt(std::string_view field) const {
  const Value& v = Get(field);
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  return std::nullopt;
}

std::optional<std::string> Record::GetString(std::string_view field) const {
  const Value& v = Get(field);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return std::nullopt;
}

std::optional<bool> Record::GetBool(std::string_view field) const {
  const Value& v = Get(field);
  if (auto* b = std::get_if<bool>(&v)) return *b;
  return std::nullopt;
}

std::string Record::Label() const {
  std::string id_part = id ? std::to_string(id) : std::string("(new)");
  if (child_id && kind != Kind::kPerson)
    return fmt::format("{} {} (child {})", KindName(kind), id_part, child_id);
  return fmt::format("{} {}", KindName(kind), id_part);
}

}  // namespace journey::model
