// The Store: where the record lives. Every write is one transaction, made by an actor at a
// time from the injected clock, validated in full (each record's fields and the child's
// cross-record rules) before anything is written; a refused write leaves nothing behind.
// Nothing is overwritten: each change adds a version, and any record's history can be read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "model/record.h"
#include "model/validate.h"

namespace journey::store {

using model::ChildRecords;
using model::Kind;
using model::Record;

// Who is writing, and why. Never personal data of a child.
struct Actor {
  std::string user;    // the signed-in user, or a process such as "generator"
  std::string reason;  // optional: why (e.g. the reason given to open a restricted record)
  std::string origin;  // optional: where from (an address, "cli")
};

struct TxInfo {
  int64_t tx = 0;
  std::string actor;
  int64_t at_micros = 0;
  std::string reason;
  std::string origin;
};

// A set of changes applied together or not at all.
//
// Put with id > 0 replaces that record with a new version. Put with id <= 0 inserts a new
// record: id 0 for one nothing else in the batch refers to, or a negative placeholder
// (-1, -2, ...) that other records in the same batch may use in their references and
// child_id, replaced by the real id on write (as when a period of care and its first
// episode are recorded together).
class WriteBatch {
 public:
  void Put(Record r) { ops_.push_back(Op{false, std::move(r)}); }
  void Delete(Kind kind, int64_t id) {
    Record r;
    r.kind = kind;
    r.id = id;
    ops_.push_back(Op{true, std::move(r)});
  }
  bool empty() const { return ops_.empty(); }
  size_t size() const { return ops_.size(); }

  struct Op {
    bool is_delete;
    Record record;
  };
  const std::vector<Op>& ops() const { return ops_; }

 private:
  std::vector<Op> ops_;
};

struct WriteResult {
  int64_t tx = 0;
  std::vector<int64_t> ids;  // the id of each op's record, in the batch's order
};

// Loads many records at once, as a generator or an import does: validated in memory as
// each child arrives, written in one transaction, committed all or nothing.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // A record not about a child (a team, a worker, an adopter household). Ids must be set.
  virtual Status Add(Record r) = 0;
  // One child's whole record (the person and everything on their journey). Ids must be set.
  virtual Status AddChild(ChildRecords child) = 0;
  virtual int64_t records() const = 0;
  // Writes what remains and commits. Without Commit, destruction rolls everything back.
  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<WriteResult> Write(const Actor& actor, const WriteBatch& batch) = 0;

  // The current version, or nullopt when there is none (never written, or deleted).
  virtual Result<std::optional<Record>> Get(Kind kind, int64_t id) = 0;
  // Every version, oldest first (deleted ones included, marked deleted).
  virtual Result<std::vector<Record>> History(Kind kind, int64_t id) = 0;
  virtual Result<TxInfo> Transaction(int64_t tx) = 0;
  // The child's current record, every kind (the person under Kind::kPerson).
  virtual Result<ChildRecords> LoadChild(int64_t child_id) = 0;
  // Current records of a kind, ordered by child then id; stops at the first error `fn` returns.
  virtual Status Scan(Kind kind, const std::function<Status(const Record&)>& fn) = 0;
  // The same, reading only the named fields (the others come back null, as if unset): for a
  // reader that needs a few fields of many records (the Annex A lists). Ids, the child and
  // the version are always read. A name that is not a field of the kind is an error.
  virtual Status ScanFields(Kind kind, const std::vector<std::string_view>& fields,
                            const std::function<Status(const Record&)>& fn) = 0;
  virtual Result<int64_t> Count(Kind kind) = 0;

  virtual Result<std::unique_ptr<BulkLoader>> BeginBulk(const Actor& actor) = 0;

  // Small facts about the store (e.g. how a synthetic council was generated).
  virtual Status SetMeta(const std::string& key, const std::string& value) = 0;
  virtual Result<std::optional<std::string>> GetMeta(const std::string& key) = 0;

  // The schema version (the last migration applied).
  virtual Result<int> SchemaVersion() = 0;
};

// Opens or creates an SQLite store at `path`, applying any migrations it lacks.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock);
// Opens the store in a PostgreSQL database ("postgresql://user@host:port/db"), applying
// any migrations it lacks. The database must exist.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const Clock& clock);
// Either, by the form of `where` (what --db takes): a postgresql:// URL, else a file.
// With `must_exist`, a file that does not exist is NotFound rather than created.
Result<std::unique_ptr<Store>> OpenStore(const std::string& where, const Clock& clock,
                                         bool must_exist = false);
// Whether `where` names a server database (postgresql:// or postgres://), not a file.
bool IsDatabaseUrl(std::string_view where);

}  // namespace journey::store
