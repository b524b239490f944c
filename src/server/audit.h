// The audit log: who read or changed which child's record, when, from where, and why when
// a reason was asked. Written to audit_log (migration 0002), whose triggers refuse UPDATE
// and DELETE; this class only ever inserts and selects. Each entry is written before the
// response that it records is sent: a crash cannot leave a read unrecorded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "store/db.h"

namespace journey::server {

struct AuditEntry {
  int64_t id = 0;
  int64_t at_us = 0;
  int64_t user_id = 0;
  std::string username;
  std::string role;
  std::string action;  // read, create, change, sign_in, sign_in_failed, sign_out, ...
  int64_t child_id = 0;
  std::string kind;
  int64_t record_id = 0;
  std::string reason;
  std::string origin;  // the client's address
  int status = 200;
};

struct AuditQuery {
  std::string username;
  int64_t child_id = 0;
  std::string action;
  int64_t from_us = 0, to_us = 0;  // 0: open
  int64_t before_id = 0;           // paging: entries older than this id
  int limit = 100;
};

// Entries are written in batches: Defer keeps an entry in the open batch and returns it;
// Commit(batch) writes every entry kept so far in one transaction (one commit for the many
// reads a busy server answers in one turn of its loop, instead of one each). The server
// commits a read's batch just before the answer is written (App::Api sets the response's
// before_send), so nothing is answered whose entry is not in the database; an answer whose
// batch cannot be written is replaced by a 503, and that batch's entries are dropped with
// the reads they record. Append is Defer and Commit at once.
class AuditLog {
 public:
  struct Batch {
    bool written = false;
    Status status;  // once written
  };

  AuditLog(db::Connection& db, const Clock& clock) : db_(db), clock_(clock) {}
  Status Append(AuditEntry e);                 // sets at_us from the clock
  std::shared_ptr<Batch> Defer(AuditEntry e);  // sets at_us from the clock
  // Writes the batch (and every entry kept before it), unless already written; its status.
  Status Commit(Batch& batch);
  Status CommitAll();  // whatever is kept (at shutdown)
  Result<std::vector<AuditEntry>> Search(const AuditQuery& q);

 private:
  Status Insert(const AuditEntry& e);

  db::Connection& db_;
  const Clock& clock_;
  std::vector<AuditEntry> kept_;
  std::shared_ptr<Batch> open_ = std::make_shared<Batch>();
};

}  // namespace journey::server
