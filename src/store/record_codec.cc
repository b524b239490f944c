#include "store/record_codec.h"

#include <fmt/format.h>

#include <array>
#include <iterator>

namespace journey::store {
namespace {

using model::FieldType;
using model::Kind;
using model::kKindCount;

struct KindSql {
  std::string insert_columns, insert_sql, select_columns;
};

const KindSql& SqlFor(Kind kind) {
  static const std::array<KindSql, kKindCount> all = [] {
    std::array<KindSql, kKindCount> out;
    for (const model::KindDef& d : model::AllKinds()) {
      KindSql& k = out[static_cast<size_t>(d.kind)];
      std::string fields;
      for (const model::FieldDef& f : d.fields) fields += fmt::format(", {}", f.name);
      k.insert_columns = "id, version, tx, superseded_tx, deleted, child_id" + fields;
      std::string params;
      const size_t n = 6 + d.fields.size();
      for (size_t i = 1; i <= n; ++i) params += fmt::format("{}${}", i > 1 ? ", " : "", i);
      k.insert_sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", d.name, k.insert_columns,
                                 params);
      k.select_columns = "id, version, tx, deleted, child_id" + fields;
    }
    return out;
  }();
  return all[static_cast<size_t>(kind)];
}

}  // namespace

const std::string& InsertColumns(Kind kind) { return SqlFor(kind).insert_columns; }
const std::string& InsertSql(Kind kind) { return SqlFor(kind).insert_sql; }
const std::string& SelectColumns(Kind kind) { return SqlFor(kind).select_columns; }

void BindForInsert(db::Statement& st, const model::Record& r, int32_t version, int64_t tx,
                   bool deleted) {
  st.BindInt(1, r.id);
  st.BindInt(2, version);
  st.BindInt(3, tx);
  st.BindNull(4);
  st.BindInt(5, deleted ? 1 : 0);
  if (r.child_id) {
    st.BindInt(6, r.child_id);
  } else {
    st.BindNull(6);
  }
  char buf[32];
  int n = 7;
  for (const model::Value& v : r.values) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            st.BindNull(n);
          } else if constexpr (std::is_same_v<T, bool>) {
            st.BindInt(n, x ? 1 : 0);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            st.BindInt(n, x);
          } else if constexpr (std::is_same_v<T, double>) {
            st.BindDouble(n, x);
          } else if constexpr (std::is_same_v<T, Date>) {
            x.WriteIso(buf);
            st.BindText(n, std::string_view(buf, 10));
          } else if constexpr (std::is_same_v<T, model::DateTime>) {
            st.BindText(n, x.ToIso());
          } else {
            st.BindTextNoCopy(n, x);  // the record outlives the statement's run
          }
        },
        v);
    ++n;
  }
}

namespace {
void AppendCopyText(std::string& out, std::string_view v) {
  for (char c : v) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}
}  // namespace

void AppendCopyRow(std::string& out, const model::Record& r, int32_t version, int64_t tx,
                   bool deleted) {
  fmt::format_to(std::back_inserter(out), "{}\t{}\t{}\t\\N\t{}\t", r.id, version, tx,
                 deleted ? 1 : 0);
  if (r.child_id)
    fmt::format_to(std::back_inserter(out), "{}", r.child_id);
  else
    out += "\\N";
  char buf[32];
  for (const model::Value& v : r.values) {
    out += '\t';
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            out += "\\N";
          } else if constexpr (std::is_same_v<T, bool>) {
            out += x ? '1' : '0';
          } else if constexpr (std::is_same_v<T, int64_t>) {
            fmt::format_to(std::back_inserter(out), "{}", x);
          } else if constexpr (std::is_same_v<T, double>) {
            fmt::format_to(std::back_inserter(out), "{:.17g}", x);  // as PgStatement binds it
          } else if constexpr (std::is_same_v<T, Date>) {
            x.WriteIso(buf);
            out.append(buf, 10);
          } else if constexpr (std::is_same_v<T, model::DateTime>) {
            out += x.ToIso();
          } else {
            AppendCopyText(out, x);
          }
        },
        v);
  }
  out += '\n';
}

Result<model::Record> ReadRecord(const db::Statement& st, Kind kind) {
  const model::KindDef& d = model::Def(kind);
  model::Record r(kind);
  r.id = st.Int(0);
  r.version = static_cast<int32_t>(st.Int(1));
  r.tx = st.Int(2);
  r.deleted = st.Int(3) != 0;
  r.child_id = st.IsNull(4) ? 0 : st.Int(4);
  for (size_t i = 0; i < d.fields.size(); ++i) {
    const int col = static_cast<int>(5 + i);
    if (st.IsNull(col)) continue;
    model::Value& v = r.values[i];
    switch (d.fields[i].type) {
      case FieldType::kText:
      case FieldType::kCode: v = std::string(st.Text(col)); break;
      case FieldType::kInt:
      case FieldType::kRef: v = st.Int(col); break;
      case FieldType::kDecimal: v = st.Double(col); break;
      case FieldType::kBool: v = st.Int(col) != 0; break;
      case FieldType::kDate: {
        auto dt = Date::ParseIso(st.Text(col));
        if (!dt)
          return Err(Internal(fmt::format("{} {}: stored {} is unreadable: {}", d.name, r.id,
                                          d.fields[i].name, dt.error().message())));
        v = *dt;
        break;
      }
      case FieldType::kDateTime: {
        auto t = model::DateTime::ParseIso(st.Text(col));
        if (!t)
          return Err(Internal(fmt::format("{} {}: stored {} is unreadable: {}", d.name, r.id,
                                          d.fields[i].name, t.error().message())));
        v = *t;
        break;
      }
    }
  }
  return r;
}

}  // namespace journey::store
