// The audit log: who read or changed which child's record, when, from where, and why when
// a reason was asked. Written to audit_log (migration 0002), whose triggers refuse UPDATE
// and DELETE; this class only ever inserts and selects. Each entry is written before the
// response that it records is sent: a crash cannot leave a read unrecorded.
#pragma once

#include <cstdint>
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

class AuditLog {
 public:
  AuditLog(db::Connection& db, const Clock& clock) : db_(db), clock_(clock) {}
  Status Append(AuditEntry e);  // sets at_us from the clock
  Result<std::vector<AuditEntry>> Search(const AuditQuery& q);

 private:
  db::Connection& db_;
  const Clock& clock_;
};

}  // namespace journey::server
