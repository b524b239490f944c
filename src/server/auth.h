// Accounts, sign-in and sessions (docs/server.md, docs/decisions/0004-server-security.md).
//
// - Passwords: argon2id via libsodium's crypto_pwhash_str (salted, memory-hard). An unknown
//   username costs the same as a wrong password, so timing does not tell which it was.
// - Sessions: 32 random bytes (randombytes_buf), sent once as the cookie and stored only as
//   their BLAKE2b hash; a new id at every sign-in (any session the browser brought is
//   ended), never one the client chose. Idle expiry and an absolute lifetime.
// - CSRF: a random token per session, returned in the session body; compared in constant
//   time against the X-CSRF-Token header of every write.
// - Throttling: failed sign-ins counted per account and per address in a sliding window;
//   past the limit, sign-in is refused (429, Retry-After) without checking the password.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "server/roles.h"
#include "store/db.h"

namespace journey::server {

struct User {
  int64_t id = 0;
  std::string username;
  std::string name;
  Role role = Role::kSocialWorker;
  int32_t worker_id = 0;
  int32_t team_id = 0;
  bool active = true;
  int64_t expires_at_us = 0;  // 0: no end (inspectors always have one)
};

struct Session {
  std::string id_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_us = 0;
  int64_t last_seen_us = 0;
  int64_t persisted_seen_us = 0;  // last_seen as written to the database
};

struct AuthOptions {
  int64_t idle_timeout_s = 30 * 60;    // a session unused this long ends
  int64_t max_lifetime_s = 12 * 3600;  // and none lives longer than a working day
  int account_failures = 5;            // failed sign-ins per account in the window
  int address_failures = 20;           // and per address
  int64_t window_s = 15 * 60;
  // argon2id cost: libsodium's "interactive" limits (about 0.1 s and 64 MiB per hash).
  unsigned long long ops_limit = 0;  // 0: crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t mem_limit = 0;              // 0: crypto_pwhash_MEMLIMIT_INTERACTIVE
};

struct SignInResult {
  Status status;           // Unauthenticated (bad credentials), Unavailable (throttled)
  int retry_after_s = 0;   // when throttled
  std::string session_id;  // the new cookie value
  const Session* session = nullptr;
  const User* user = nullptr;
};

class Auth {
 public:
  Auth(db::Connection& db, const Clock& clock, AuthOptions options);
  // Reads accounts and live sessions from the database.
  Status Load();

  struct NewUser {
    std::string username, name, role, password;
    int32_t worker_id = 0, team_id = 0;
    int64_t expires_at_us = 0;
  };
  // Validates and creates an account; errors name the field at fault.
  Result<int64_t> CreateUser(const NewUser& u);

  // Sign-in, in three steps so that the argon2id check (about 0.1 s of CPU) can run off the
  // server's thread while it serves other requests:
  //  1. BeginSignIn (server's thread): ends the session the browser brought, applies the
  //     throttle and reads the stored hash (a dummy one for an unknown username, so the
  //     cost is the same). From here the attempt counts against the limits as a failure, so
  //     that attempts sent in parallel cannot all pass the throttle while their hashes are
  //     being checked; a success withdraws it.
  //  2. VerifyPassword (any thread): touches nothing of Auth's.
  //  3. FinishSignIn (server's thread): the verdict and, on success, the new session. The
  //     account is looked up again, so one ended meanwhile is refused.
  struct PendingSignIn {
    bool throttled = false;
    SignInResult refused;  // when throttled: the answer (no hash is checked)
    std::string username;
    std::string stored_hash;
    int64_t user_id = 0;  // 0: no such account
    std::string address;
    int64_t begun_us = 0;
  };
  PendingSignIn BeginSignIn(std::string_view username, std::string_view address,
                            std::string_view old_session_id);
  static bool VerifyPassword(const std::string& stored_hash, std::string_view password);
  SignInResult FinishSignIn(const PendingSignIn& p, bool password_ok);
  // The live session for a cookie value, or nullptr (unknown, expired, account ended).
  // Counts as activity: the idle clock restarts.
  const Session* Authenticate(std::string_view session_id);
  void SignOut(std::string_view session_id);

  bool CsrfMatches(const Session& s, std::string_view token) const;
  int64_t IdleExpiresAt(const Session& s) const;  // microseconds since the epoch

  const User* FindUser(int64_t id) const;
  const User* FindUsername(std::string_view username) const;
  std::vector<const User*> Users() const;

  // Writes pending last-seen times (at shutdown; otherwise at most once a minute each).
  void Persist();

 private:
  static std::string HashId(std::string_view id);
  bool Expired(const Session& s, int64_t now) const;
  void Forget(const std::string& id_hash);
  int Throttled(const std::string& key, int limit, int64_t now);  // seconds to wait, or 0
  void Failed(const std::string& key, int64_t now);
  void Withdraw(const std::string& key, int64_t at);  // one failure counted at `at`

  db::Connection& db_;
  const Clock& clock_;
  AuthOptions opt_;
  std::string dummy_hash_;  // verified against when the username is unknown
  std::unordered_map<int64_t, std::unique_ptr<User>> users_;
  std::unordered_map<std::string, int64_t> by_username_;
  std::unordered_map<std::string, Session> sessions_;              // by id hash
  std::unordered_map<std::string, std::deque<int64_t>> failures_;  // "u:name" / "a:addr"
};

// 32 random bytes, URL-safe base64 without padding (43 characters).
std::string RandomToken();

}  // namespace journey::server
