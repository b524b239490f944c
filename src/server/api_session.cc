// POST/GET/DELETE /api/session: sign-in, the current session, sign-out.
#include <fmt/format.h>

#include "server/api_util.h"
#include "server/app.h"

namespace journey::server {

using nlohmann::json;

Response App::SessionBody(const User& u, const Session& s) const {
  const int64_t expires = auth_->IdleExpiresAt(s);
  json perms = json::array();
  const uint32_t p = PermissionsOf(u.role);
  const std::pair<uint32_t, std::string_view> names[] = {{kReadChildren, "read_children"},
                                                         {kWriteRecords, "write_records"},
                                                         {kMyWork, "my_work"},
                                                         {kTeam, "team"},
                                                         {kReport, "report"},
                                                         {kReportChildren, "report_children"},
                                                         {kAudit, "audit"},
                                                         {kUsers, "users"},
                                                         {kGrants, "grants"},
                                                         {kAllChildren, "all_children"}};
  for (const auto& [bit, name] : names)
    if (p & bit) perms.push_back(name);
  return Json(200, json{{"user", UserJson(u, directory_)},
                        {"csrf_token", s.csrf_token},
                        {"idle_expires_at", IsoInstantUs(expires)},
                        {"idle_timeout_seconds", opt_.auth.idle_timeout_s},
                        {"permissions", perms}});
}

Response App::SignIn(Call& c) {
  auto body = JsonBody(c.req);
  if (!body) return ErrorResponse(body.error());
  auto username = JsonString(*body, "username", true);
  if (!username) return ErrorResponse(username.error());
  auto password = JsonString(*body, "password", true);
  if (!password) return ErrorResponse(password.error());
  const bool had_cookie = !c.req.Cookie("journey_session").empty();
  Auth::PendingSignIn p =
      auth_->BeginSignIn(*username, c.req.remote, c.req.Cookie("journey_session"));
  if (p.throttled) return SignInAnswer(p, had_cookie, p.refused);
  // The argon2id check runs on the server's worker thread (Response::Offload), so other
  // requests are answered meanwhile; the verdict is applied back on the server's thread.
  // Each closure owns copies of what it uses; `this`, the App, outlives the server.
  Response res;
  res.offload = std::make_unique<Response::Offload>();
  res.offload->work = [hash = p.stored_hash, pw = std::move(*password)] {
    return Auth::VerifyPassword(hash, pw);
  };
  res.offload->then = [this, p = std::move(p), had_cookie](bool ok) {
    return SignInAnswer(p, had_cookie, auth_->FinishSignIn(p, ok));
  };
  return res;
}

Response App::SignInAnswer(const Auth::PendingSignIn& p, bool had_cookie, const SignInResult& r) {
  AuditEntry e;
  e.origin = p.address;
  if (!r.status.ok()) {
    // The attempted username is recorded (it is an account name, not a child's data) so
    // an administrator can see guessing against an account.
    e.username = p.username.substr(0, 64);
    e.action = "sign_in_failed";
    e.status = r.retry_after_s ? 429 : HttpStatusFor(r.status.code());
    (void)audit_->Append(std::move(e));
    Response res;
    if (r.retry_after_s) {
      res = ApiError(429, "too_many_requests", r.status.message());
      res.SetHeader("Retry-After", std::to_string(r.retry_after_s));
    } else {
      res = ErrorResponse(r.status);
    }
    // Whatever session the browser brought has ended: tell it to drop the cookie.
    if (had_cookie) res.SetHeader("Set-Cookie", SessionCookie("", 0));
    return res;
  }
  e.user_id = r.user->id;
  e.username = r.user->username;
  e.role = std::string(RoleName(r.user->role));
  e.action = "sign_in";
  (void)audit_->Append(std::move(e));
  Response res = SessionBody(*r.user, *r.session);
  res.SetHeader("Set-Cookie", SessionCookie(r.session_id, -1));
  res.SetHeader("X-Session-Idle-Expires", IsoInstantUs(auth_->IdleExpiresAt(*r.session)));
  return res;
}

Response App::GetSession(Call& c) { return SessionBody(*c.user, *c.session); }

Response App::SignOut(Call& c) {
  AuditEntry e;
  e.user_id = c.user->id;
  e.username = c.user->username;
  e.role = std::string(RoleName(c.user->role));
  e.action = "sign_out";
  e.origin = c.req.remote;
  (void)audit_->Append(std::move(e));
  auth_->SignOut(c.req.Cookie("journey_session"));
  c.session = nullptr;
  Response res;
  res.status = 204;
  res.SetHeader("Set-Cookie", SessionCookie("", 0));
  return res;
}

}  // namespace journey::server
