#include "server/api_util.h"

#include <fmt/format.h>

#include <charconv>

namespace journey::server {

using nlohmann::json;

Result<json> JsonBody(const Request& req) {
  json j = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Err(InvalidArgument("the request body is not valid JSON (send a JSON object)"));
  }
  if (!j.is_object()) return Err(InvalidArgument("the request body must be a JSON object"));
  return j;
}

Result<int64_t> QueryInt(const Request& req, std::string_view name, int64_t dflt, int64_t min,
                         int64_t max) {
  if (!req.HasQuery(name)) return dflt;
  std::string_view s = req.Query(name);
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < min || v > max) {
    return Err(InvalidArgument(fmt::format(
        "query parameter {} value \"{}\": give a whole number from {} to {}", name, s, min, max)));
  }
  return v;
}

Result<Date> QueryDate(const Request& req, std::string_view name, Date dflt) {
  if (!req.HasQuery(name) || req.Query(name).empty()) return dflt;
  auto d = Date::ParseIso(req.Query(name));
  if (!d) {
    return Err(InvalidArgument(fmt::format("query parameter {} value \"{}\": {} (use YYYY-MM-DD)",
                                           name, req.Query(name), d.error().message())));
  }
  return *d;
}

Result<std::string> JsonString(const json& j, std::string_view name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Err(InvalidArgument(fmt::format("field {}: required", name)));
    return std::string();
  }
  if (!it->is_string())
    return Err(InvalidArgument(fmt::format("field {}: must be a string", name)));
  return it->get<std::string>();
}

Response Json(int status, const json& j) {
  return JsonResponse(status, j.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string IsoInstantUs(int64_t micros) {
  const int64_t secs = micros / 1000000;
  const Date d = Date::FromDays(static_cast<int32_t>(secs / 86400));
  const int64_t s = secs % 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", d.ToIso(), s / 3600, (s / 60) % 60, s % 60);
}

std::string DayIso(int32_t day) {
  return day == engine::kNoDay ? std::string() : Date::FromDays(day).ToIso();
}

json UserJson(const User& u, const Directory& d) {
  const TeamEntry* t = d.Team(u.team_id);
  return json{
      {"id", u.id},
      {"username", u.username},
      {"name", u.name},
      {"role", RoleName(u.role)},
      {"worker_id", u.worker_id},
      {"team_id", u.team_id},
      {"team_name", t ? t->name : ""},
      {"expires_at", u.expires_at_us ? json(IsoInstantUs(u.expires_at_us)) : json(nullptr)}};
}

}  // namespace journey::server
