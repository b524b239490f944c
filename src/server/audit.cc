#include "server/audit.h"

#include <fmt/format.h>

namespace journey::server {

std::shared_ptr<AuditLog::Batch> AuditLog::Defer(AuditEntry e) {
  e.at_us = clock_.NowMicros();
  kept_.push_back(std::move(e));
  return open_;
}

Status AuditLog::Append(AuditEntry e) {
  std::shared_ptr<Batch> b = Defer(std::move(e));
  return Commit(*b);
}

Status AuditLog::Commit(Batch& batch) {
  if (batch.written) return batch.status;
  return CommitAll();
}

Status AuditLog::CommitAll() {
  // Every kept entry belongs to the open batch: earlier batches are written.
  std::shared_ptr<Batch> b = std::move(open_);
  open_ = std::make_shared<Batch>();
  std::vector<AuditEntry> entries = std::move(kept_);
  kept_.clear();
  b->written = true;
  if (entries.empty()) return b->status;
  // One transaction for the batch: all of it is written, or none of it (and then none of
  // the answers waiting for it is sent). Inside a caller's transaction, the entries join
  // it (and stand or fall with it).
  const bool own = !db_.in_transaction();
  Status st = own ? db_.Begin() : Status::Ok();
  for (size_t i = 0; st.ok() && i < entries.size(); ++i) st = Insert(entries[i]);
  if (own && st.ok()) st = db_.Commit();
  if (own && !st.ok()) (void)db_.Rollback();
  b->status = st;
  return st;
}

Status AuditLog::Insert(const AuditEntry& e) {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement * st,
      db_.Cached("INSERT INTO audit_log (at_us, user_id, username, role, action, child_id, kind, "
                 "record_id, reason, origin, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                 "$9, $10, $11)"));
  st->BindInt(1, e.at_us);
  st->BindInt(2, e.user_id);
  st->BindText(3, e.username);
  st->BindText(4, e.role);
  st->BindText(5, e.action);
  st->BindInt(6, e.child_id);
  st->BindText(7, e.kind);
  st->BindInt(8, e.record_id);
  st->BindText(9, e.reason);
  st->BindText(10, e.origin);
  st->BindInt(11, e.status);
  Status s = st->Run();
  st->Reset();
  return s;
}

Result<std::vector<AuditEntry>> AuditLog::Search(const AuditQuery& q) {
  // One statement with every filter optional ($n = '' or 0 means "any"), so the SQL text
  // is fixed and no value is ever spliced into it.
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement st,
      db_.Prepare("SELECT id, at_us, user_id, username, role, action, child_id, kind, record_id, "
                  "reason, origin, status FROM audit_log WHERE ($1 = '' OR username = $1) AND "
                  "($2 = 0 OR child_id = $2) AND ($3 = '' OR action = $3) AND "
                  "($4 = 0 OR at_us >= $4) AND ($5 = 0 OR at_us < $5) AND "
                  "($6 = 0 OR id < $6) ORDER BY id DESC LIMIT $7"));
  st.BindText(1, q.username);
  st.BindInt(2, q.child_id);
  st.BindText(3, q.action);
  st.BindInt(4, q.from_us);
  st.BindInt(5, q.to_us);
  st.BindInt(6, q.before_id);
  st.BindInt(7, q.limit);
  std::vector<AuditEntry> out;
  for (;;) {
    JOURNEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    AuditEntry e;
    e.id = st.Int(0);
    e.at_us = st.Int(1);
    e.user_id = st.Int(2);
    e.username = std::string(st.Text(3));
    e.role = std::string(st.Text(4));
    e.action = std::string(st.Text(5));
    e.child_id = st.Int(6);
    e.kind = std::string(st.Text(7));
    e.record_id = st.Int(8);
    e.reason = std::string(st.Text(9));
    e.origin = std::string(st.Text(10));
    e.status = static_cast<int>(st.Int(11));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace journey::server
