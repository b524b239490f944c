// The Store over SQL: SQLite or PostgreSQL behind db::Connection, one SQL text for both
// ($n placeholders; what differs is in the connection, docs/decisions/0004-postgresql.md).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_set>

#include "store/db.h"
#include "store/migration_dialect.h"
#include "store/record_codec.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_connection.h"

namespace journey::store {
namespace {

using model::ChildLink;
using model::Def;
using model::FieldType;
using model::KindDef;

// Rolls back unless committed: an error anywhere leaves the database as it was.
class TxGuard {
 public:
  explicit TxGuard(db::Connection& c) : c_(c) {}
  ~TxGuard() {
    if (!done_) (void)c_.Rollback();
  }
  Status Commit() {
    done_ = true;
    return c_.Commit();
  }

 private:
  db::Connection& c_;
  bool done_ = false;
};

// Turns foreign-key checks off for a bulk load and back on when the load is over (after its
// transaction has ended: SQLite ignores the pragma inside one). The only foreign key is
// each version's tx, and a bulk load writes every row with the transaction it inserted
// itself, so the per-row check proves nothing there. (PostgreSQL keeps its checks.)
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(db::Connection& c) : c_(c) { (void)c_.SetForeignKeys(false); }
  ~ForeignKeysOff() { (void)c_.SetForeignKeys(true); }

 private:
  db::Connection& c_;
};

Status ApplyMigrations(db::Connection& c, const Clock& clock) {
  JOURNEY_RETURN_IF_ERROR(c.Exec(
      "CREATE TABLE IF NOT EXISTS journey_migrations (version INTEGER PRIMARY KEY, name TEXT "
      "NOT NULL, applied_at_us BIGINT NOT NULL)"));
  std::set<int> applied;
  {
    JOURNEY_ASSIGN_OR_RETURN(db::Statement q, c.Prepare("SELECT version FROM journey_migrations"));
    for (;;) {
      JOURNEY_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      applied.insert(static_cast<int>(q.Int(0)));
    }
  }
  for (const Migration& m : Migrations()) {
    if (applied.count(m.version)) continue;
    JOURNEY_RETURN_IF_ERROR(c.Begin());
    TxGuard guard(c);
    JOURNEY_ASSIGN_OR_RETURN(std::string sql, MigrationSql(c.dialect(), m.name, m.sql));
    Status st = c.Exec(sql);
    if (!st.ok()) return st.WithContext(fmt::format("migration {}: ", m.name));
    JOURNEY_ASSIGN_OR_RETURN(
        db::Statement ins,
        c.Prepare(
            "INSERT INTO journey_migrations (version, name, applied_at_us) VALUES ($1, $2, $3)"));
    ins.BindInt(1, m.version);
    ins.BindText(2, m.name);
    ins.BindInt(3, clock.NowMicros());
    JOURNEY_RETURN_IF_ERROR(ins.Run());
    JOURNEY_RETURN_IF_ERROR(guard.Commit());
  }
  return Status::Ok();
}

Result<int64_t> InsertTx(db::Connection& c, const Actor& a, int64_t at) {
  if (a.user.empty()) return Err(InvalidArgument("a write needs an acting user"));
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement * st,
      c.Cached("INSERT INTO journey_tx (actor, at_us, reason, origin) VALUES ($1, $2, $3, $4) "
               "RETURNING tx"));
  st->BindText(1, a.user);
  st->BindInt(2, at);
  if (a.reason.empty())
    st->BindNull(3);
  else
    st->BindText(3, a.reason);
  if (a.origin.empty())
    st->BindNull(4);
  else
    st->BindText(4, a.origin);
  JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Err(Internal("no transaction id returned"));
  int64_t tx = st->Int(0);
  st->Reset();
  return tx;
}

Status SetTxCount(db::Connection& c, int64_t tx, int64_t n) {
  JOURNEY_ASSIGN_OR_RETURN(db::Statement * st,
                           c.Cached("UPDATE journey_tx SET records = $1 WHERE tx = $2"));
  st->BindInt(1, n);
  st->BindInt(2, tx);
  return st->Run();
}

class SqlStore;

class SqlBulkLoader final : public BulkLoader {
 public:
  SqlBulkLoader(SqlStore& store, db::Connection& c, int64_t tx,
                std::unique_ptr<ForeignKeysOff> fk_off)
      : store_(store),
        c_(c),
        tx_(tx),
        copy_(c.dialect() == db::Dialect::kPostgres),
        fk_off_(std::move(fk_off)),
        guard_(c) {}
  Status Add(Record r) override;
  Status AddChild(ChildRecords child) override;
  int64_t records() const override { return records_; }
  Status Commit() override;

 private:
  Status Insert(const Record& r);
  Status Flush(Kind kind);
  Status NoteReferences(const Record& r);
  SqlStore& store_;
  db::Connection& c_;
  int64_t tx_;
  // On PostgreSQL rows are gathered per kind and sent by COPY (an INSERT per row would be a
  // round trip per row); each kind's rows go when they pass kCopyBytes, and all at Commit.
  static constexpr size_t kCopyBytes = size_t{4} << 20;
  bool copy_;
  std::array<std::string, model::kKindCount> rows_;
  std::unique_ptr<ForeignKeysOff> fk_off_;  // declared before guard_: restored after it ends
  TxGuard guard_;
  int64_t records_ = 0;
  bool committed_ = false;
  // Ids present per kind (for references to records that are not part of a child's
  // journey), and the references still to check when the load is complete.
  std::vector<std::unordered_set<int64_t>> ids_ =
      std::vector<std::unordered_set<int64_t>>(model::kKindCount);
  struct Pending {
    Kind target;
    int64_t id;
    Kind from_kind;  // the referring record and field, named only if the check fails
    int64_t from_id, from_child;
    int from_field;
  };
  std::vector<Pending> pending_;
  std::array<db::Statement*, model::kKindCount> inserts_{};
};

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<db::Connection> c, const Clock& clock)
      : c_(std::move(c)), clock_(clock) {}

  Result<WriteResult> Write(const Actor& actor, const WriteBatch& batch) override;
  Result<std::optional<Record>> Get(Kind kind, int64_t id) override;
  Result<std::vector<Record>> History(Kind kind, int64_t id) override;
  Result<TxInfo> Transaction(int64_t tx) override;
  Result<ChildRecords> LoadChild(int64_t child_id) override;
  Status Scan(Kind kind, const std::function<Status(const Record&)>& fn) override;
  Status ScanFields(Kind kind, const std::vector<std::string_view>& fields,
                    const std::function<Status(const Record&)>& fn) override;
  Result<int64_t> Count(Kind kind) override;
  Result<std::unique_ptr<BulkLoader>> BeginBulk(const Actor& actor) override;
  Status SetMeta(const std::string& key, const std::string& value) override;
  Result<std::optional<std::string>> GetMeta(const std::string& key) override;
  Result<int> SchemaVersion() override;
  db::Connection& connection() { return *c_; }

  Result<bool> Exists(Kind kind, int64_t id) {
    JOURNEY_ASSIGN_OR_RETURN(
        db::Statement * st,
        c_->Cached(fmt::format("SELECT 1 FROM {} WHERE id = $1 AND superseded_tx IS NULL AND "
                               "deleted = 0",
                               model::KindName(kind))));
    st->BindInt(1, id);
    JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
    st->Reset();
    return row;
  }

 private:
  enum class Query { kCurrentById, kHistory, kByChild, kCount };
  Result<db::Statement*> Select(Kind kind, Query q);
  Status SelectInto(Kind kind, Query q, int64_t key, std::vector<Record>& out);
  Result<int64_t> MaxId(Kind kind);
  Status WriteVersion(const Record& r, int32_t version, int64_t tx, bool deleted);

  std::unique_ptr<db::Connection> c_;
  const Clock& clock_;
  std::array<std::array<db::Statement*, static_cast<size_t>(Query::kCount)>, model::kKindCount>
      selects_{};
};

Result<int64_t> SqlStore::MaxId(Kind kind) {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement * st,
      c_->Cached(fmt::format("SELECT COALESCE(MAX(id), 0) FROM {}", model::KindName(kind))));
  JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
  int64_t v = row ? st->Int(0) : 0;
  st->Reset();
  return v;
}

Status SqlStore::WriteVersion(const Record& r, int32_t version, int64_t tx, bool deleted) {
  if (version > 1) {
    JOURNEY_ASSIGN_OR_RETURN(
        db::Statement * up,
        c_->Cached(fmt::format("UPDATE {} SET superseded_tx = $1 WHERE id = $2 AND "
                               "superseded_tx IS NULL",
                               model::KindName(r.kind))));
    up->BindInt(1, tx);
    up->BindInt(2, r.id);
    JOURNEY_RETURN_IF_ERROR(up->Run());
  }
  JOURNEY_ASSIGN_OR_RETURN(db::Statement * ins, c_->Cached(InsertSql(r.kind)));
  BindForInsert(*ins, r, version, tx, deleted);
  return ins->Run();
}

// Applies one op of a batch to the in-memory copy of the child's record.
void ApplyToChild(ChildRecords& c, const Record& r, bool is_delete) {
  auto& v = c.of(r.kind);
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it->id == r.id) {
      if (is_delete) {
        v.erase(it);
      } else {
        *it = r;
      }
      return;
    }
  }
  if (!is_delete) v.push_back(r);
}

Result<WriteResult> SqlStore::Write(const Actor& actor, const WriteBatch& batch) {
  if (batch.empty()) return Err(InvalidArgument("nothing to write: the batch is empty"));
  JOURNEY_RETURN_IF_ERROR(c_->Begin());
  TxGuard guard(*c_);
  JOURNEY_ASSIGN_OR_RETURN(const int64_t tx, InsertTx(*c_, actor, clock_.NowMicros()));

  // 1. Give new records their ids; note placeholders so references can follow.
  std::vector<Record> recs;
  std::vector<int32_t> versions;
  std::map<std::pair<Kind, int64_t>, int64_t> placeholder;
  std::map<Kind, int64_t> next_id;
  for (const WriteBatch::Op& op : batch.ops()) {
    Record r = op.record;
    if (!op.is_delete && r.id <= 0) {
      auto it = next_id.find(r.kind);
      if (it == next_id.end()) {
        JOURNEY_ASSIGN_OR_RETURN(int64_t max, MaxId(r.kind));
        it = next_id.emplace(r.kind, max).first;
      }
      const int64_t fresh = ++it->second;
      if (r.id < 0) {
        if (!placeholder.emplace(std::make_pair(r.kind, r.id), fresh).second) {
          return Err(InvalidArgument(fmt::format("placeholder id {} is used twice for {}", r.id,
                                                 model::KindName(r.kind))));
        }
      }
      r.id = fresh;
      versions.push_back(1);
    } else {
      versions.push_back(0);  // found below
    }
    recs.push_back(std::move(r));
  }
  auto resolve = [&](Kind k, int64_t& id) -> Status {
    if (id >= 0) return Status::Ok();
    auto it = placeholder.find({k, id});
    if (it == placeholder.end())
      return InvalidArgument(fmt::format("placeholder id {} refers to no new {} in this write", id,
                                         model::KindName(k)));
    id = it->second;
    return Status::Ok();
  };
  for (Record& r : recs) {
    if (r.kind == Kind::kPerson) {
      r.child_id = r.id;
    } else {
      JOURNEY_RETURN_IF_ERROR(resolve(Kind::kPerson, r.child_id));
    }
    const KindDef& d = Def(r.kind);
    for (size_t i = 0; i < d.fields.size() && i < r.values.size(); ++i) {
      if (d.fields[i].type != FieldType::kRef) continue;
      if (auto* id = std::get_if<int64_t>(&r.values[i]))
        JOURNEY_RETURN_IF_ERROR(resolve(d.fields[i].ref_kind, *id));
    }
  }

  // 2. Field checks, and the current versions of records being changed.
  const auto& ops = batch.ops();
  std::set<int64_t> children;
  for (size_t i = 0; i < recs.size(); ++i) {
    Record& r = recs[i];
    if (versions[i] == 0) {
      JOURNEY_ASSIGN_OR_RETURN(std::optional<Record> current, Get(r.kind, r.id));
      if (!current) {
        return Err(NotFound(fmt::format("{} {} does not exist (or was deleted), so it cannot be {}",
                                        model::KindName(r.kind), r.id,
                                        ops[i].is_delete ? "deleted" : "changed")));
      }
      if (ops[i].is_delete) {
        r = *current;
      } else if (r.child_id != current->child_id) {
        return Err(InvalidArgument(fmt::format(
            "{}: field child_id value \"{}\": a record cannot move to another child's journey "
            "(it belongs to child {})",
            r.Label(), r.child_id, current->child_id)));
      }
      versions[i] = current->version + 1;
    }
    if (!ops[i].is_delete) JOURNEY_RETURN_IF_ERROR(ValidateRecord(r));
    if (r.child_id) children.insert(r.child_id);
  }

  // 3. References to records outside a child's journey (workers, teams, ...) must exist.
  for (size_t i = 0; i < recs.size(); ++i) {
    if (ops[i].is_delete) continue;
    const Record& r = recs[i];
    const KindDef& d = Def(r.kind);
    for (size_t f = 0; f < d.fields.size(); ++f) {
      const model::FieldDef& fd = d.fields[f];
      if (fd.type != FieldType::kRef || model::IsNull(r.values[f])) continue;
      if (Def(fd.ref_kind).child_link == ChildLink::kRequired) continue;  // checked per child
      const int64_t target = std::get<int64_t>(r.values[f]);
      bool found = false;
      for (size_t j = 0; j < recs.size() && !found; ++j)
        found = !ops[j].is_delete && recs[j].kind == fd.ref_kind && recs[j].id == target;
      if (!found) {
        JOURNEY_ASSIGN_OR_RETURN(found, Exists(fd.ref_kind, target));
      }
      if (!found) {
        return Err(FailedPrecondition(
            fmt::format("{}: field {} value \"{}\": no {} {} exists [JR-REF]", r.Label(), fd.name,
                        target, model::KindName(fd.ref_kind), target)));
      }
    }
  }

  // 3b. Rules between records about no child (an inspection and its judgements), on the
  // records as the write would leave them.
  auto lookup = [&](Kind kind, int64_t id) -> Result<std::optional<Record>> {
    for (size_t j = 0; j < recs.size(); ++j) {
      if (recs[j].kind != kind || recs[j].id != id) continue;
      if (ops[j].is_delete) return std::optional<Record>();
      return std::optional<Record>(recs[j]);
    }
    return Get(kind, id);
  };
  for (size_t i = 0; i < recs.size(); ++i) {
    if (ops[i].is_delete || Def(recs[i].kind).child_link != ChildLink::kNone) continue;
    JOURNEY_RETURN_IF_ERROR(model::ValidateOrganisation(recs[i], lookup));
  }

  // 4. The cross-record rules of each child touched, on the record as it would be.
  for (int64_t child : children) {
    JOURNEY_ASSIGN_OR_RETURN(ChildRecords cr, LoadChild(child));
    for (size_t i = 0; i < recs.size(); ++i) {
      if (recs[i].child_id == child || (recs[i].kind == Kind::kPerson && recs[i].id == child))
        ApplyToChild(cr, recs[i], ops[i].is_delete);
    }
    if (cr.of(Kind::kPerson).empty() && cr.size() > 0) {
      return Err(FailedPrecondition(fmt::format(
          "child {} does not exist: record the person before their journey [JR-REF]", child)));
    }
    Status st = ValidateChild(cr);
    if (!st.ok()) return Err(st);
  }

  // 5. Write the versions.
  WriteResult out;
  out.tx = tx;
  for (size_t i = 0; i < recs.size(); ++i) {
    JOURNEY_RETURN_IF_ERROR(WriteVersion(recs[i], versions[i], tx, ops[i].is_delete));
    out.ids.push_back(recs[i].id);
  }
  JOURNEY_RETURN_IF_ERROR(SetTxCount(*c_, tx, static_cast<int64_t>(recs.size())));
  JOURNEY_RETURN_IF_ERROR(guard.Commit());
  return out;
}

// The three ways records are selected, each a statement prepared once per kind.
Result<db::Statement*> SqlStore::Select(Kind kind, Query q) {
  db::Statement*& slot = selects_[static_cast<size_t>(kind)][static_cast<size_t>(q)];
  if (slot) {
    slot->Reset();
    return slot;
  }
  static constexpr std::string_view kWhere[] = {
      "id = $1 AND superseded_tx IS NULL",                                    // kCurrentById
      "id = $1 ORDER BY version",                                             // kHistory
      "child_id = $1 AND superseded_tx IS NULL AND deleted = 0 ORDER BY id",  // kByChild
  };
  JOURNEY_ASSIGN_OR_RETURN(
      slot, c_->Cached(fmt::format("SELECT {} FROM {} WHERE {}", SelectColumns(kind),
                                   model::KindName(kind), kWhere[static_cast<size_t>(q)])));
  return slot;
}

Status SqlStore::SelectInto(Kind kind, Query q, int64_t key, std::vector<Record>& out) {
  JOURNEY_ASSIGN_OR_RETURN(db::Statement * st, Select(kind, q));
  st->BindInt(1, key);
  for (;;) {
    auto row = st->Step();
    if (!row || !*row) {
      st->Reset();
      if (!row) return row.error();
      return Status::Ok();
    }
    auto r = ReadRecord(*st, kind);
    if (!r) {
      st->Reset();
      return r.error();
    }
    out.push_back(std::move(*r));
  }
}

Result<std::optional<Record>> SqlStore::Get(Kind kind, int64_t id) {
  std::vector<Record> found;
  JOURNEY_RETURN_IF_ERROR(SelectInto(kind, Query::kCurrentById, id, found));
  if (found.empty() || found[0].deleted) return std::optional<Record>();
  return std::optional<Record>(std::move(found[0]));
}

Result<std::vector<Record>> SqlStore::History(Kind kind, int64_t id) {
  std::vector<Record> out;
  JOURNEY_RETURN_IF_ERROR(SelectInto(kind, Query::kHistory, id, out));
  return out;
}

Result<TxInfo> SqlStore::Transaction(int64_t tx) {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement * st,
      c_->Cached("SELECT tx, actor, at_us, reason, origin FROM journey_tx WHERE tx = $1"));
  st->BindInt(1, tx);
  JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) {
    st->Reset();
    return Err(NotFound(fmt::format("no transaction {}", tx)));
  }
  TxInfo t{st->Int(0), std::string(st->Text(1)), st->Int(2), std::string(st->Text(3)),
           std::string(st->Text(4))};
  st->Reset();
  return t;
}

Result<ChildRecords> SqlStore::LoadChild(int64_t child_id) {
  ChildRecords c;
  c.child_id = child_id;
  JOURNEY_ASSIGN_OR_RETURN(std::optional<Record> person, Get(Kind::kPerson, child_id));
  if (person) c.of(Kind::kPerson).push_back(std::move(*person));
  for (const KindDef& d : model::AllKinds()) {
    if (d.child_link == ChildLink::kNone) continue;
    JOURNEY_RETURN_IF_ERROR(SelectInto(d.kind, Query::kByChild, child_id, c.of(d.kind)));
  }
  return c;
}

Status SqlStore::Scan(Kind kind, const std::function<Status(const Record&)>& fn) {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement st,
      c_->Prepare(fmt::format("SELECT {} FROM {} WHERE superseded_tx IS NULL AND deleted = 0 "
                              "ORDER BY child_id NULLS FIRST, id",
                              SelectColumns(kind), model::KindName(kind))));
  for (;;) {
    JOURNEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    JOURNEY_ASSIGN_OR_RETURN(Record r, ReadRecord(st, kind));
    JOURNEY_RETURN_IF_ERROR(fn(r));
  }
  return Status::Ok();
}

Status SqlStore::ScanFields(Kind kind, const std::vector<std::string_view>& fields,
                            const std::function<Status(const Record&)>& fn) {
  // The columns left out are selected as NULL, so that ReadRecord reads the row as always
  // and the database neither decodes nor copies them.
  const model::KindDef& d = model::Def(kind);
  for (std::string_view f : fields)
    if (std::none_of(d.fields.begin(), d.fields.end(),
                     [&](const model::FieldDef& x) { return x.name == f; }))
      return InvalidArgument(fmt::format("{} has no field \"{}\"", d.name, f));
  std::string columns = "id, version, tx, deleted, child_id";
  for (const model::FieldDef& f : d.fields) {
    const bool wanted = std::find(fields.begin(), fields.end(), f.name) != fields.end();
    columns += wanted ? fmt::format(", {}", f.name) : std::string(", NULL");
  }
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement st,
      c_->Prepare(fmt::format("SELECT {} FROM {} WHERE superseded_tx IS NULL AND deleted = 0 "
                              "ORDER BY child_id NULLS FIRST, id",
                              columns, model::KindName(kind))));
  for (;;) {
    JOURNEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    JOURNEY_ASSIGN_OR_RETURN(Record r, ReadRecord(st, kind));
    JOURNEY_RETURN_IF_ERROR(fn(r));
  }
  return Status::Ok();
}

Result<int64_t> SqlStore::Count(Kind kind) {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement * st,
      c_->Cached(fmt::format("SELECT COUNT(*) FROM {} WHERE superseded_tx IS NULL AND deleted = 0",
                             model::KindName(kind))));
  JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
  int64_t n = row ? st->Int(0) : 0;
  st->Reset();
  return n;
}

Result<std::unique_ptr<BulkLoader>> SqlStore::BeginBulk(const Actor& actor) {
  auto fk_off = std::make_unique<ForeignKeysOff>(*c_);
  JOURNEY_RETURN_IF_ERROR(c_->Begin());
  auto tx = InsertTx(*c_, actor, clock_.NowMicros());
  if (!tx) {
    (void)c_->Rollback();
    return Err(tx.error());
  }
  return std::unique_ptr<BulkLoader>(new SqlBulkLoader(*this, *c_, *tx, std::move(fk_off)));
}

Status SqlStore::SetMeta(const std::string& key, const std::string& value) {
  JOURNEY_ASSIGN_OR_RETURN(db::Statement * st,
                           c_->Cached("INSERT INTO journey_meta (key, value) VALUES ($1, $2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  st->BindText(1, key);
  st->BindText(2, value);
  return st->Run();
}

Result<std::optional<std::string>> SqlStore::GetMeta(const std::string& key) {
  JOURNEY_ASSIGN_OR_RETURN(db::Statement * st,
                           c_->Cached("SELECT value FROM journey_meta WHERE key = $1"));
  st->BindText(1, key);
  JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
  std::optional<std::string> out;
  if (row) out = std::string(st->Text(0));
  st->Reset();
  return out;
}

Result<int> SqlStore::SchemaVersion() {
  JOURNEY_ASSIGN_OR_RETURN(db::Statement * st,
                           c_->Cached("SELECT COALESCE(MAX(version), 0) FROM journey_migrations"));
  JOURNEY_ASSIGN_OR_RETURN(bool row, st->Step());
  int v = row ? static_cast<int>(st->Int(0)) : 0;
  st->Reset();
  return v;
}

// ---- bulk ----

Status SqlBulkLoader::Insert(const Record& r) {
  if (r.id <= 0) {
    return InvalidArgument(fmt::format("{}: a bulk load needs every record's id set", r.Label()));
  }
  if (copy_) {
    std::string& rows = rows_[static_cast<size_t>(r.kind)];
    AppendCopyRow(rows, r, 1, tx_, false);
    if (rows.size() >= kCopyBytes) JOURNEY_RETURN_IF_ERROR(Flush(r.kind));
  } else {
    db::Statement*& ins = inserts_[static_cast<size_t>(r.kind)];
    if (!ins) {
      JOURNEY_ASSIGN_OR_RETURN(ins, c_.Cached(InsertSql(r.kind)));
    }
    BindForInsert(*ins, r, 1, tx_, false);
    Status st = ins->Run();
    if (!st.ok()) {
      if (st.code() == StatusCode::kAlreadyExists)
        return AlreadyExists(fmt::format("{}: id {} is already in use", r.Label(), r.id));
      return st;
    }
  }
  // Only records outside a child's journey can be referred to across children.
  if (Def(r.kind).child_link != ChildLink::kRequired)
    ids_[static_cast<size_t>(r.kind)].insert(r.id);
  ++records_;
  return Status::Ok();
}

Status SqlBulkLoader::Flush(Kind kind) {
  std::string& rows = rows_[static_cast<size_t>(kind)];
  if (rows.empty()) return Status::Ok();
  Status st = c_.CopyIn(model::KindName(kind), InsertColumns(kind), rows);
  rows.clear();
  if (st.code() != StatusCode::kAlreadyExists) return st;
  // A repeated id surfaces when its kind's rows are sent; PostgreSQL names the key in its
  // detail, "Key (id, version)=(17, 1) already exists". Other constraints say what they are.
  constexpr std::string_view kKey = "Key (id, version)=(";
  const size_t at = st.message().find(kKey);
  if (at == std::string::npos) return st;
  const int64_t id = std::atoll(st.message().c_str() + at + kKey.size());
  return AlreadyExists(
      fmt::format("{} {}: id {} is already in use", model::KindName(kind), id, id));
}

Status SqlBulkLoader::NoteReferences(const Record& r) {
  const KindDef& d = Def(r.kind);
  for (size_t f = 0; f < d.fields.size(); ++f) {
    const model::FieldDef& fd = d.fields[f];
    if (fd.type != FieldType::kRef || model::IsNull(r.values[f])) continue;
    if (Def(fd.ref_kind).child_link == ChildLink::kRequired) continue;
    pending_.push_back(Pending{fd.ref_kind, std::get<int64_t>(r.values[f]), r.kind, r.id,
                               r.child_id, static_cast<int>(f)});
  }
  return Status::Ok();
}

Status SqlBulkLoader::Add(Record r) {
  if (committed_) return FailedPrecondition("the bulk load is already committed");
  if (Def(r.kind).child_link == ChildLink::kRequired)
    return InvalidArgument(fmt::format("{}: belongs to a child: load it with AddChild", r.Label()));
  JOURNEY_RETURN_IF_ERROR(model::ValidateRecord(r));
  JOURNEY_RETURN_IF_ERROR(NoteReferences(r));
  return Insert(r);
}

Status SqlBulkLoader::AddChild(ChildRecords child) {
  if (committed_) return FailedPrecondition("the bulk load is already committed");
  for (auto& recs : child.by_kind)
    for (Record& r : recs) {
      if (r.kind == Kind::kPerson) r.child_id = r.id;
      JOURNEY_RETURN_IF_ERROR(model::ValidateRecord(r));
      JOURNEY_RETURN_IF_ERROR(NoteReferences(r));
    }
  JOURNEY_RETURN_IF_ERROR(model::ValidateChild(child));
  for (const auto& recs : child.by_kind)
    for (const Record& r : recs) JOURNEY_RETURN_IF_ERROR(Insert(r));
  return Status::Ok();
}

Status SqlBulkLoader::Commit() {
  if (committed_) return FailedPrecondition("the bulk load is already committed");
  for (size_t k = 0; k < model::kKindCount; ++k)
    JOURNEY_RETURN_IF_ERROR(Flush(static_cast<Kind>(k)));
  for (const Pending& p : pending_) {
    if (ids_[static_cast<size_t>(p.target)].count(p.id)) continue;
    JOURNEY_ASSIGN_OR_RETURN(bool found, store_.Exists(p.target, p.id));
    if (!found) {
      Record from(p.from_kind);
      from.id = p.from_id;
      from.child_id = p.from_child;
      return FailedPrecondition(fmt::format("{}: field {} value \"{}\": no {} {} exists [JR-REF]",
                                            from.Label(), Def(p.from_kind).field(p.from_field).name,
                                            p.id, model::KindName(p.target), p.id));
    }
    ids_[static_cast<size_t>(p.target)].insert(p.id);
  }
  JOURNEY_RETURN_IF_ERROR(SetTxCount(c_, tx_, records_));
  committed_ = true;
  return guard_.Commit();
}

}  // namespace

namespace {
Result<std::unique_ptr<Store>> Open(Result<std::unique_ptr<db::Connection>> c, const Clock& clock) {
  if (!c) return Err(c.error());
  JOURNEY_RETURN_IF_ERROR(ApplyMigrations(**c, clock));
  return std::unique_ptr<Store>(new SqlStore(std::move(*c), clock));
}
}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
  return Open(db::Connection::OpenSqlite(path), clock);
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const Clock& clock) {
  return Open(db::Connection::OpenPostgres(url), clock);
}

bool IsDatabaseUrl(std::string_view where) { return db::Connection::IsPostgresUrl(where); }

Result<std::unique_ptr<Store>> OpenStore(const std::string& where, const Clock& clock,
                                         bool must_exist) {
  if (db::Connection::IsPostgresUrl(where)) return OpenPostgresStore(where, clock);
  if (must_exist && !std::filesystem::exists(where))
    return Err(NotFound(fmt::format("{}: no such database file", where)));
  return OpenSqliteStore(where, clock);
}

db::Connection* ConnectionOf(Store& store) {
  auto* sql = dynamic_cast<SqlStore*>(&store);
  return sql ? &sql->connection() : nullptr;
}

}  // namespace journey::store
