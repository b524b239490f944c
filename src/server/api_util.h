// Small helpers the API handlers share: reading the JSON body and query parameters with
// errors that name the parameter, the value and what is allowed.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"
#include "server/app.h"

namespace journey::server {

// The body as a JSON object (400 when it is not one).
Result<nlohmann::json> JsonBody(const Request& req);
// A query parameter as a whole number in [min, max], or `dflt` when absent.
Result<int64_t> QueryInt(const Request& req, std::string_view name, int64_t dflt, int64_t min,
                         int64_t max);
// A query parameter as a date, or `dflt` when absent.
Result<Date> QueryDate(const Request& req, std::string_view name, Date dflt);
// A string member of a JSON object ("" when absent; an error when not a string).
Result<std::string> JsonString(const nlohmann::json& j, std::string_view name, bool required);

Response Json(int status, const nlohmann::json& j);
std::string IsoInstantUs(int64_t micros);  // "2026-11-23T13:37:46Z"
std::string DayIso(int32_t day);           // "" for engine::kNoDay

// A user's public description ({id, username, name, role, worker_id, team_id, team_name,
// expires_at}).
nlohmann::json UserJson(const User& u, const Directory& d);

}  // namespace journey::server
