#include "server/auth.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cstdlib>

namespace journey::server {
namespace {

constexpr int64_t kMicros = 1000000;

bool ValidUsername(std::string_view u) {
  if (u.size() < 2 || u.size() > 64) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

}  // namespace

std::string RandomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string Auth::HashId(std::string_view id) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(id.data()), id.size(),
                     nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

Auth::Auth(db::Connection& db, const Clock& clock, AuthOptions options)
    : db_(db), clock_(clock), opt_(options) {
  if (sodium_init() < 0) std::abort();  // no safe randomness: refuse to run at all
  if (opt_.ops_limit == 0) opt_.ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  if (opt_.mem_limit == 0) opt_.mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char hash[crypto_pwhash_STRBYTES];
  const std::string pw = RandomToken();
  if (crypto_pwhash_str(hash, pw.data(), pw.size(), opt_.ops_limit, opt_.mem_limit) == 0)
    dummy_hash_ = hash;
}

Status Auth::Load() {
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement q, db_.Prepare("SELECT id, username, name, role, worker_id, team_id, active, "
                                   "COALESCE(expires_at_us, 0) FROM app_user"));
  for (;;) {
    JOURNEY_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    auto u = std::make_unique<User>();
    u->id = q.Int(0);
    u->username = std::string(q.Text(1));
    u->name = std::string(q.Text(2));
    auto role = RoleByName(q.Text(3));
    if (!role) {
      return Internal(fmt::format("app_user {}: role \"{}\" is not a role", u->id, q.Text(3)));
    }
    u->role = *role;
    u->worker_id = static_cast<int32_t>(q.Int(4));
    u->team_id = static_cast<int32_t>(q.Int(5));
    u->active = q.Int(6) != 0;
    u->expires_at_us = q.Int(7);
    by_username_[u->username] = u->id;
    users_[u->id] = std::move(u);
  }
  JOURNEY_ASSIGN_OR_RETURN(db::Statement s,
                           db_.Prepare("SELECT id_hash, user_id, csrf_token, created_at_us, "
                                       "last_seen_us FROM app_session"));
  const int64_t now = clock_.NowMicros();
  std::vector<std::string> stale;
  for (;;) {
    JOURNEY_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Session ss;
    ss.id_hash = std::string(s.Text(0));
    ss.user_id = s.Int(1);
    ss.csrf_token = std::string(s.Text(2));
    ss.created_us = s.Int(3);
    ss.last_seen_us = ss.persisted_seen_us = s.Int(4);
    if (Expired(ss, now)) {
      stale.push_back(ss.id_hash);
    } else {
      sessions_[ss.id_hash] = std::move(ss);
    }
  }
  for (const std::string& h : stale) Forget(h);
  return Status::Ok();
}

Result<int64_t> Auth::CreateUser(const NewUser& n) {
  if (!ValidUsername(n.username)) {
    return Err(InvalidArgument(fmt::format(
        "field username value \"{}\": use 2 to 64 of a-z, 0-9, '.', '_' and '-'", n.username)));
  }
  if (by_username_.count(n.username)) {
    return Err(AlreadyExists(
        fmt::format("field username value \"{}\": that username is taken", n.username)));
  }
  if (n.name.empty() || n.name.size() > 100) {
    return Err(InvalidArgument("field name: give the person's name (1 to 100 characters)"));
  }
  auto role = RoleByName(n.role);
  if (!role) {
    std::string allowed;
    for (int r = 0; r < static_cast<int>(Role::kCount); ++r)
      allowed += fmt::format("{}{}", r ? ", " : "", RoleName(static_cast<Role>(r)));
    return Err(InvalidArgument(
        fmt::format("field role value \"{}\": not a role (allowed: {})", n.role, allowed)));
  }
  if (n.password.size() < 12 || n.password.size() > 1024) {
    return Err(InvalidArgument("field password: use at least 12 characters (at most 1024)"));
  }
  if (*role == Role::kInspector && n.expires_at_us <= clock_.NowMicros()) {
    return Err(InvalidArgument(
        "field expires_at: an inspector's account needs an end date and time in the future"));
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, n.password.data(), n.password.size(), opt_.ops_limit,
                        opt_.mem_limit) != 0) {
    return Err(Internal("out of memory while hashing the password"));
  }
  JOURNEY_ASSIGN_OR_RETURN(
      db::Statement ins,
      db_.Prepare("INSERT INTO app_user (username, name, role, worker_id, team_id, "
                  "password_hash, active, expires_at_us, created_at_us) "
                  "VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING id"));
  ins.BindText(1, n.username);
  ins.BindText(2, n.name);
  ins.BindText(3, RoleName(*role));
  ins.BindInt(4, n.worker_id);
  ins.BindInt(5, n.team_id);
  ins.BindText(6, hash);
  if (n.expires_at_us)
    ins.BindInt(7, n.expires_at_us);
  else
    ins.BindNull(7);
  ins.BindInt(8, clock_.NowMicros());
  JOURNEY_ASSIGN_OR_RETURN(bool row, ins.Step());
  if (!row) return Err(Internal("no id returned for the new account"));
  auto u = std::make_unique<User>();
  u->id = ins.Int(0);
  u->username = n.username;
  u->name = n.name;
  u->role = *role;
  u->worker_id = n.worker_id;
  u->team_id = n.team_id;
  u->expires_at_us = n.expires_at_us;
  const int64_t id = u->id;
  by_username_[u->username] = id;
  users_[id] = std::move(u);
  return id;
}

int Auth::Throttled(const std::string& key, int limit, int64_t now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  std::deque<int64_t>& q = it->second;
  const int64_t window = opt_.window_s * kMicros;
  while (!q.empty() && q.front() <= now - window) q.pop_front();
  if (q.empty()) {
    failures_.erase(it);
    return 0;
  }
  if (static_cast<int>(q.size()) < limit) return 0;
  // Allowed again when enough failures have left the window to be under the limit.
  const int64_t until = q[q.size() - static_cast<size_t>(limit)] + window;
  return static_cast<int>((until - now + kMicros - 1) / kMicros);
}

void Auth::Failed(const std::string& key, int64_t now) { failures_[key].push_back(now); }

void Auth::Withdraw(const std::string& key, int64_t at) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return;
  auto f = std::find(it->second.begin(), it->second.end(), at);
  if (f != it->second.end()) it->second.erase(f);
  if (it->second.empty()) failures_.erase(it);
}

namespace {
std::string AccountKey(std::string_view username) { return fmt::format("u:{}", username); }
std::string AddressKey(std::string_view address) { return fmt::format("a:{}", address); }
}  // namespace

Auth::PendingSignIn Auth::BeginSignIn(std::string_view username, std::string_view address,
                                      std::string_view old_session_id) {
  PendingSignIn p;
  p.username = std::string(username);
  p.address = std::string(address);
  p.begun_us = clock_.NowMicros();
  // The session the browser brought (if any) ends whatever happens: a sign-in never
  // continues an earlier session id (session fixation).
  if (!old_session_id.empty()) SignOut(old_session_id);
  const std::string ukey = AccountKey(username), akey = AddressKey(address);
  const int wait = std::max(Throttled(ukey, opt_.account_failures, p.begun_us),
                            Throttled(akey, opt_.address_failures, p.begun_us));
  if (wait > 0) {
    p.throttled = true;
    p.refused.status =
        Status(StatusCode::kUnavailable,
               fmt::format("too many failed sign-ins: try again in {} seconds", wait));
    p.refused.retry_after_s = wait;
    return p;
  }
  Failed(ukey, p.begun_us);
  Failed(akey, p.begun_us);
  p.stored_hash = dummy_hash_;
  if (const User* u = FindUsername(username)) {
    p.user_id = u->id;
    auto q = db_.Cached("SELECT password_hash FROM app_user WHERE id = $1");
    if (q) {
      (*q)->BindInt(1, u->id);
      auto row = (*q)->Step();
      if (row && *row) p.stored_hash = std::string((*q)->Text(0));
      (*q)->Reset();
    }
  }
  return p;
}

bool Auth::VerifyPassword(const std::string& stored_hash, std::string_view password) {
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

SignInResult Auth::FinishSignIn(const PendingSignIn& p, bool password_ok) {
  SignInResult r;
  if (p.throttled) return p.refused;
  const int64_t now = clock_.NowMicros();
  const User* u = p.user_id ? FindUser(p.user_id) : nullptr;
  const bool usable = u && u->active && (u->expires_at_us == 0 || u->expires_at_us > now);
  if (!password_ok || !usable) {
    // The failures counted at BeginSignIn stand.
    r.status = Status(StatusCode::kUnauthenticated, "the username or password is not right");
    return r;
  }
  failures_.erase(AccountKey(p.username));
  Withdraw(AddressKey(p.address), p.begun_us);
  Session s;
  r.session_id = RandomToken();
  s.id_hash = HashId(r.session_id);
  s.user_id = u->id;
  s.csrf_token = RandomToken();
  s.created_us = s.last_seen_us = s.persisted_seen_us = now;
  auto ins = db_.Cached(
      "INSERT INTO app_session (id_hash, user_id, csrf_token, created_at_us, last_seen_us) "
      "VALUES ($1, $2, $3, $4, $5)");
  if (!ins) {
    r.status = ins.error();
    return r;
  }
  (*ins)->BindText(1, s.id_hash);
  (*ins)->BindInt(2, s.user_id);
  (*ins)->BindText(3, s.csrf_token);
  (*ins)->BindInt(4, now);
  (*ins)->BindInt(5, now);
  Status st = (*ins)->Run();
  (*ins)->Reset();
  if (!st.ok()) {
    r.status = st;
    return r;
  }
  auto [it, inserted] = sessions_.emplace(s.id_hash, std::move(s));
  r.session = &it->second;
  r.user = u;
  return r;
}

bool Auth::Expired(const Session& s, int64_t now) const {
  if (now - s.last_seen_us >= opt_.idle_timeout_s * kMicros) return true;
  if (now - s.created_us >= opt_.max_lifetime_s * kMicros) return true;
  const User* u = FindUser(s.user_id);
  return !u || !u->active || (u->expires_at_us != 0 && u->expires_at_us <= now);
}

const Session* Auth::Authenticate(std::string_view session_id) {
  if (session_id.empty() || session_id.size() > 128) return nullptr;
  const std::string h = HashId(session_id);
  auto it = sessions_.find(h);
  if (it == sessions_.end()) return nullptr;
  const int64_t now = clock_.NowMicros();
  if (Expired(it->second, now)) {
    Forget(h);
    return nullptr;
  }
  Session& s = it->second;
  s.last_seen_us = now;
  // Written at most once a minute: a write per request would cost more than the request.
  if (now - s.persisted_seen_us >= 60 * kMicros) {
    auto q = db_.Cached("UPDATE app_session SET last_seen_us = $1 WHERE id_hash = $2");
    if (q) {
      (*q)->BindInt(1, now);
      (*q)->BindText(2, h);
      if ((*q)->Run().ok()) s.persisted_seen_us = now;
      (*q)->Reset();
    }
  }
  return &s;
}

void Auth::Forget(const std::string& id_hash) {
  sessions_.erase(id_hash);
  auto q = db_.Cached("DELETE FROM app_session WHERE id_hash = $1");
  if (!q) return;
  (*q)->BindText(1, id_hash);
  (void)(*q)->Run();
  (*q)->Reset();
}

void Auth::SignOut(std::string_view session_id) {
  if (session_id.empty() || session_id.size() > 128) return;
  const std::string h = HashId(session_id);
  if (sessions_.count(h)) Forget(h);
}

bool Auth::CsrfMatches(const Session& s, std::string_view token) const {
  return token.size() == s.csrf_token.size() &&
         sodium_memcmp(token.data(), s.csrf_token.data(), token.size()) == 0;
}

int64_t Auth::IdleExpiresAt(const Session& s) const {
  return std::min(s.last_seen_us + opt_.idle_timeout_s * kMicros,
                  s.created_us + opt_.max_lifetime_s * kMicros);
}

const User* Auth::FindUser(int64_t id) const {
  auto it = users_.find(id);
  return it == users_.end() ? nullptr : it->second.get();
}

const User* Auth::FindUsername(std::string_view username) const {
  auto it = by_username_.find(std::string(username));
  return it == by_username_.end() ? nullptr : FindUser(it->second);
}

std::vector<const User*> Auth::Users() const {
  std::vector<const User*> out;
  for (const auto& [id, u] : users_) out.push_back(u.get());
  std::sort(out.begin(), out.end(), [](const User* a, const User* b) { return a->id < b->id; });
  return out;
}

void Auth::Persist() {
  for (auto& [h, s] : sessions_) {
    if (s.last_seen_us == s.persisted_seen_us) continue;
    auto q = db_.Cached("UPDATE app_session SET last_seen_us = $1 WHERE id_hash = $2");
    if (!q) return;
    (*q)->BindInt(1, s.last_seen_us);
    (*q)->BindText(2, h);
    if ((*q)->Run().ok()) s.persisted_seen_us = s.last_seen_us;
    (*q)->Reset();
  }
}

}  // namespace journey::server
