#include "server/record_json.h"

#include <fmt/format.h>

#include <cmath>

namespace journey::server {

using nlohmann::json;

namespace {

json ValueToJson(const model::Value& v) {
  struct V {
    json operator()(std::monostate) const { return nullptr; }
    json operator()(bool b) const { return b; }
    json operator()(int64_t i) const { return i; }
    json operator()(double d) const { return std::isfinite(d) ? json(d) : json(nullptr); }
    json operator()(Date d) const { return d.ToIso(); }
    json operator()(model::DateTime t) const { return t.ToIso(); }
    json operator()(const std::string& s) const { return s; }
  };
  return std::visit(V{}, v);
}

// One field's JSON value as the field's type; an error message naming what is allowed.
Result<model::Value> ValueFromJson(const model::FieldDef& f, const json& j) {
  using model::FieldType;
  if (j.is_null()) return model::Value{};
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kCode:
      if (!j.is_string()) return Err(InvalidArgument("must be a string"));
      if (j.get_ref<const std::string&>().empty()) return model::Value{};
      return model::Value{j.get<std::string>()};
    case FieldType::kInt:
    case FieldType::kRef:
      if (!j.is_number_integer()) return Err(InvalidArgument("must be a whole number"));
      return model::Value{j.get<int64_t>()};
    case FieldType::kDecimal:
      if (!j.is_number()) return Err(InvalidArgument("must be a number"));
      return model::Value{j.get<double>()};
    case FieldType::kBool:
      if (!j.is_boolean()) return Err(InvalidArgument("must be true or false"));
      return model::Value{j.get<bool>()};
    case FieldType::kDate: {
      if (!j.is_string()) return Err(InvalidArgument("must be a date, YYYY-MM-DD"));
      if (j.get_ref<const std::string&>().empty()) return model::Value{};
      auto d = Date::ParseIso(j.get<std::string>());
      if (!d) return Err(d.error());
      return model::Value{*d};
    }
    case FieldType::kDateTime: {
      if (!j.is_string()) return Err(InvalidArgument("must be a date and time, YYYY-MM-DDTHH:MM"));
      if (j.get_ref<const std::string&>().empty()) return model::Value{};
      auto t = model::DateTime::ParseIso(j.get<std::string>());
      if (!t) return Err(t.error());
      return model::Value{*t};
    }
  }
  return Err(InvalidArgument("unsupported field type"));
}

}  // namespace

json FieldsToJson(const model::Record& r) {
  json out = json::object();
  const model::KindDef& d = model::Def(r.kind);
  for (size_t i = 0; i < d.fields.size() && i < r.values.size(); ++i)
    out[std::string(d.fields[i].name)] = ValueToJson(r.values[i]);
  return out;
}

json RecordToJson(const model::Record& r) {
  return json{{"kind", model::KindName(r.kind)},
              {"id", r.id},
              {"child_id", r.child_id},
              {"version", r.version},
              {"fields", FieldsToJson(r)}};
}

std::vector<FieldError> FieldsFromJson(const json& fields, model::Record* r) {
  std::vector<FieldError> errors;
  if (!fields.is_object()) {
    errors.push_back({"fields", "must be an object of field names and values"});
    return errors;
  }
  const model::KindDef& d = model::Def(r->kind);
  for (const auto& [name, value] : fields.items()) {
    const int i = d.FieldIndex(name);
    if (i < 0) {
      errors.push_back({name, fmt::format("{} has no field \"{}\"", d.name, name)});
      continue;
    }
    Result<model::Value> v = ValueFromJson(d.field(i), value);
    if (!v) {
      errors.push_back({name, v.error().message()});
      continue;
    }
    r->Set(i, std::move(*v));
  }
  return errors;
}

}  // namespace journey::server
