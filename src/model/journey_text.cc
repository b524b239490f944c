#include "model/journey_text.h"

#include <charconv>

#include <fmt/format.h>

namespace journey::model {
namespace {

Result<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty())
    return Err(InvalidArgument("is not a whole number"));
  return v;
}

// Splits a line into words; a word may be quoted ("...", with "" for a quote), and a
// quote may also open after `name=`.
Result<std::vector<std::string>> Words(std::string_view line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] == '#') break;
    std::string w;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
      if (line[i] == '"') {
        ++i;
        for (;;) {
          if (i >= line.size()) return Err(InvalidArgument("a quoted value is not closed"));
          if (line[i] == '"') {
            if (i + 1 < line.size() && line[i + 1] == '"') {
              w += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          w += line[i++];
        }
      } else {
        w += line[i++];
      }
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

Result<Value> ParseFieldValue(const FieldDef& f, std::string_view s) {
  if (s.empty()) return Value{};
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kCode: return Value{std::string(s)};
    case FieldType::kInt:
    case FieldType::kRef: {
      auto v = ParseInt(s);
      if (!v) return Err(InvalidArgument(fmt::format("\"{}\" is not a whole number", s)));
      return Value{*v};
    }
    case FieldType::kDecimal: {
      double d = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
      if (ec != std::errc() || p != s.data() + s.size())
        return Err(InvalidArgument(fmt::format("\"{}\" is not a number", s)));
      return Value{d};
    }
    case FieldType::kBool:
      if (s == "true" || s == "yes" || s == "Y" || s == "1") return Value{true};
      if (s == "false" || s == "no" || s == "N" || s == "0") return Value{false};
      return Err(InvalidArgument(
          fmt::format("\"{}\" is not true or false (also yes/no, Y/N, 1/0)", s)));
    case FieldType::kDate: {
      auto d = Date::Parse(s);
      if (!d) return Err(d.error());
      return Value{*d};
    }
    case FieldType::kDateTime: {
      auto t = DateTime::ParseIso(s);
      if (!t) return Err(t.error());
      return Value{*t};
    }
  }
  return Err(Internal("unknown field type"));
}

Result<JourneyText> ParseJourneyText(std::string_view text, std::string_view file_name) {
  JourneyText out;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto where = [&](std::string_view what) {
      return InvalidArgument(fmt::format("{} line {}: {}", file_name, line_no, what));
    };
    auto words = Words(line);
    if (!words) return Err(where(words.error().message()));
    if (words->empty()) continue;
    auto kind = KindByName((*words)[0]);
    if (!kind) return Err(where(fmt::format("\"{}\" is not a kind of record", (*words)[0])));
    if (words->size() < 2) return Err(where("the kind must be followed by the record's id"));
    auto id = ParseInt((*words)[1]);
    if (!id || *id <= 0) {
      return Err(where(fmt::format("id \"{}\" must be a whole number above 0", (*words)[1])));
    }
    const KindDef& def = Def(*kind);
    Record r(*kind);
    r.id = *id;
    for (size_t i = 2; i < words->size(); ++i) {
      const std::string& w = (*words)[i];
      const size_t eq = w.find('=');
      if (eq == std::string::npos || eq == 0)
        return Err(where(fmt::format("\"{}\" is not field=value", w)));
      std::string_view name(w.data(), eq), value(w.data() + eq + 1, w.size() - eq - 1);
      if (name == "child") {
        auto c = ParseInt(value);
        if (!c || *c <= 0)
          return Err(where(fmt::format("child \"{}\" must be a whole number above 0", value)));
        r.child_id = *c;
        continue;
      }
      const int f = def.FieldIndex(name);
      if (f < 0) {
        return Err(where(fmt::format("{} has no field \"{}\"", def.name, name)));
      }
      auto v = ParseFieldValue(def.field(f), value);
      if (!v) return Err(where(fmt::format("field {}: {}", name, v.error().message())));
      r.Set(f, std::move(*v));
    }
    if (*kind == Kind::kPerson) {
      r.child_id = r.id;
    } else if (def.child_link == ChildLink::kRequired && r.child_id == 0) {
      return Err(where(fmt::format("a {} belongs to a child: add child=N", def.name)));
    }
    if (r.child_id == 0) {
      out.organisation.push_back(std::move(r));
    } else {
      ChildRecords& c = out.children[r.child_id];
      c.child_id = r.child_id;
      if (c.Find(r.kind, r.id)) {
        return Err(where(fmt::format("{} {} appears twice", def.name, r.id)));
      }
      c.of(r.kind).push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace journey::model
