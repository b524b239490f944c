-- The web server's own tables (src/server): accounts, sessions, grants to restricted
-- records, server-side drafts, and the append-only audit log.

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  worker_id INTEGER NOT NULL DEFAULT 0,
  team_id INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,          -- libsodium crypto_pwhash_str (argon2id)
  active INTEGER NOT NULL DEFAULT 1,
  expires_at_us BIGINT,                 -- inspectors: the account ends then
  created_at_us BIGINT NOT NULL
);

-- Sessions are found by the BLAKE2b hash of their id: the id itself (the cookie) is never
-- stored, so a copy of the database does not let anyone sign in as a user.
CREATE TABLE app_session (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  csrf_token TEXT NOT NULL,
  created_at_us BIGINT NOT NULL,
  last_seen_us BIGINT NOT NULL
);

CREATE TABLE app_grant (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  child_id INTEGER NOT NULL,
  reason TEXT NOT NULL,
  granted_by INTEGER NOT NULL REFERENCES app_user(id),
  granted_at_us BIGINT NOT NULL,
  expires_at_us BIGINT
);
CREATE INDEX app_grant_user_child ON app_grant (user_id, child_id);

CREATE TABLE app_draft (
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  key TEXT NOT NULL,
  text TEXT NOT NULL,
  saved_at_us BIGINT NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- Every read and change of a child's record, every sign-in and refusal. Append-only: the
-- triggers refuse UPDATE and DELETE, so nothing that talks SQL through Journey can edit
-- or remove an entry (only someone with the file itself, outside the application).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at_us BIGINT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0,
  username TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  child_id INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL DEFAULT '',
  record_id INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 200
);
CREATE INDEX audit_log_child ON audit_log (child_id, id);
CREATE INDEX audit_log_user ON audit_log (username, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
