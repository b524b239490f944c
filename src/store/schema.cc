#include "store/schema.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "base/embedded.h"

namespace journey::store {

std::string_view SqlType(model::FieldType t) {
  using model::FieldType;
  switch (t) {
    case FieldType::kText:
    case FieldType::kCode: return "TEXT";
    case FieldType::kInt:
    case FieldType::kRef: return "BIGINT";
    case FieldType::kDecimal: return "DOUBLE PRECISION";
    case FieldType::kBool: return "SMALLINT";
    case FieldType::kDate: return "DATE";
    case FieldType::kDateTime: return "TIMESTAMP";
  }
  return "TEXT";
}

std::string KindTableSql(const model::KindDef& def) {
  std::string s = fmt::format(
      "CREATE TABLE {0} (\n"
      "  row_id INTEGER PRIMARY KEY,\n"
      "  id BIGINT NOT NULL,\n"
      "  version INTEGER NOT NULL,\n"
      "  tx BIGINT NOT NULL REFERENCES journey_tx(tx),\n"
      "  superseded_tx BIGINT,\n"
      "  deleted SMALLINT NOT NULL DEFAULT 0,\n"
      "  child_id BIGINT",
      def.name);
  for (const model::FieldDef& f : def.fields) {
    s += fmt::format(",\n  {} {}", f.name, SqlType(f.type));
  }
  s += "\n);\n";
  s += fmt::format("CREATE UNIQUE INDEX {0}_id_version ON {0}(id, version);\n", def.name);
  if (def.child_link != model::ChildLink::kNone) {
    s += fmt::format(
        "CREATE INDEX {0}_child ON {0}(child_id, id) WHERE superseded_tx IS NULL;\n", def.name);
  }
  return s;
}

std::string FullSchemaSql() {
  std::string s =
      "CREATE TABLE journey_tx (\n"
      "  tx INTEGER PRIMARY KEY,\n"
      "  actor TEXT NOT NULL,\n"
      "  at_us BIGINT NOT NULL,\n"
      "  reason TEXT,\n"
      "  origin TEXT,\n"
      "  records BIGINT NOT NULL DEFAULT 0\n"
      ");\n"
      "CREATE TABLE journey_meta (\n"
      "  key TEXT PRIMARY KEY,\n"
      "  value TEXT NOT NULL\n"
      ");\n";
  for (const model::KindDef& d : model::AllKinds()) s += KindTableSql(d);
  return s;
}

std::vector<Migration> Migrations() {
  std::vector<Migration> out;
  for (std::string_view path : embedded::List()) {
    constexpr std::string_view kDir = "src/store/migrations/";
    if (path.substr(0, kDir.size()) != kDir || path.size() < kDir.size() + 9) continue;
    std::string_view file = path.substr(kDir.size());
    int version = 0;
    for (size_t i = 0; i < 4; ++i) {
      if (file[i] < '0' || file[i] > '9') {
        std::fprintf(stderr, "migration %s: name must start with 4 digits\n",
                     std::string(file).c_str());
        std::abort();
      }
      version = version * 10 + (file[i] - '0');
    }
    out.push_back(Migration{version, std::string(file), *embedded::Find(path)});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

}  // namespace journey::store
