// Records to and from JSON: {"kind", "id", "child_id", "version", "fields": {...}} with
// dates as "YYYY-MM-DD", date-times as "YYYY-MM-DDTHH:MM", codes and text as strings,
// references and whole numbers as integers. Free text is returned exactly as stored (JSON
// escapes it; the page inserts it as text, never as markup).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/record.h"

namespace journey::server {

struct FieldError {
  std::string field;
  std::string message;
};

nlohmann::json FieldsToJson(const model::Record& r);
nlohmann::json RecordToJson(const model::Record& r);

// Sets r's fields from a JSON object (fields absent from it keep their values; null clears
// one). Every field at fault is reported, not only the first.
std::vector<FieldError> FieldsFromJson(const nlohmann::json& fields, model::Record* r);

}  // namespace journey::server
