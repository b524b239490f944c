// The API against a running server on 127.0.0.1: sign-in and sessions, CSRF, throttling,
// limits, the authorisation matrix, need-to-know, restricted records and the audit log.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "server/test_server.h"
#include "store/db.h"

namespace journey::server {
namespace {

using nlohmann::json;
using testing::Client;
using testing::RawExchange;
using testing::Reply;
using testing::TestServer;

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer("api"); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer& S() { return *server_; }
  static Client SignedIn(const std::string& user) {
    Client c(S().port());
    Reply r = c.SignInDemo(user);
    EXPECT_EQ(r.status, 200) << user << ": " << r.body;
    return c;
  }
  // A child the demo social worker holds, and one held by nobody in their team.
  static int64_t OwnChild() {
    const User* u = S().app().auth().FindUsername("sw");
    for (int32_t id : S().app().directory().OfWorker(u->worker_id))
      if (!S().app().directory().Child(id)->restricted) return id;
    return 0;
  }
  static int64_t OtherChild() {
    const User* u = S().app().auth().FindUsername("sw");
    const Directory& d = S().app().directory();
    for (int32_t id : d.KnownChildren()) {
      const ChildEntry* c = d.Child(id);
      bool mine = c->restricted;
      for (const Allocation& a : c->current)
        mine = mine || a.worker == u->worker_id || a.team == u->team_id;
      if (!mine) return id;
    }
    return 0;
  }
  static TestServer* server_;
};
TestServer* Api::server_ = nullptr;

TEST_F(Api, SignInSetsAHardenedCookieAndReturnsTheSession) {
  Client c(S().port());
  Reply r = c.SignInDemo("sw");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  json j = r.Json();
  EXPECT_EQ(j["user"]["role"], "social_worker");
  EXPECT_GT(j["user"]["worker_id"].get<int>(), 0);
  EXPECT_EQ(j["csrf_token"].get<std::string>().size(), 43u);
  EXPECT_EQ(j["idle_expires_at"].get<std::string>().size(), 20u);  // 2026-03-31T09:30:00Z
  EXPECT_EQ(j["idle_expires_at"], "2026-03-31T09:30:00Z");
  Reply again = c.Get("/api/session");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["user"]["username"], "sw");
  EXPECT_EQ(again.Header("x-session-idle-expires"), "2026-03-31T09:30:00Z");
}

TEST_F(Api, BadCredentialsAre401AndSayNothingAboutWhichWasWrong) {
  Client a(S().port()), b(S().port());
  Reply wrong_pw = a.SignIn("analyst", "not-the-password");
  Reply no_user = b.SignIn("nobody-here", "not-the-password");
  EXPECT_EQ(wrong_pw.status, 401);
  EXPECT_EQ(no_user.status, 401);
  EXPECT_EQ(wrong_pw.Json()["error"]["message"], no_user.Json()["error"]["message"]);
  EXPECT_EQ(a.Get("/api/session").status, 401);
}

TEST_F(Api, SessionFixationIsNotPossible) {
  Client c(S().port());
  c.cookie = "chosen-by-an-attacker-0123456789";
  EXPECT_EQ(c.Get("/api/session").status, 401);  // an unknown id is never adopted
  ASSERT_EQ(c.SignInDemo("pa").status, 200);
  EXPECT_NE(c.cookie, "chosen-by-an-attacker-0123456789");
  Client attacker(S().port());
  attacker.cookie = "chosen-by-an-attacker-0123456789";
  EXPECT_EQ(attacker.Get("/api/session").status, 401);
  // Signing in again rotates the id: the earlier one stops working.
  const std::string first = c.cookie;
  ASSERT_EQ(c.SignInDemo("pa").status, 200);
  EXPECT_NE(c.cookie, first);
  Client old(S().port());
  old.cookie = first;
  EXPECT_EQ(old.Get("/api/session").status, 401);
  EXPECT_EQ(c.Get("/api/session").status, 200);
}

TEST_F(Api, SignOutEndsTheSession) {
  Client c = SignedIn("iro");
  const std::string cookie = c.cookie;
  Reply r = c.Send("DELETE", "/api/session");
  EXPECT_EQ(r.status, 204);
  Client old(S().port());
  old.cookie = cookie;
  EXPECT_EQ(old.Get("/api/session").status, 401);
}

TEST_F(Api, WritesWithoutTheCsrfTokenAreRefused) {
  Client c = SignedIn("sw");
  const int64_t child = OwnChild();
  ASSERT_GT(child, 0);
  const std::string target = fmt::format("/api/children/{}/records", child);
  const std::string body =
      json{
          {"kind", "case_note"},
          {"fields", {{"noted_at", "2026-03-31T10:00"}, {"note_type", "CASE_NOTE"}, {"text", "x"}}}}
          .dump();
  Reply none = c.Send("POST", target, body, /*with_csrf=*/false);
  EXPECT_EQ(none.status, 403);
  EXPECT_EQ(none.Json()["error"]["code"], "csrf");
  const std::string good = c.csrf;
  c.csrf = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  EXPECT_EQ(c.Send("POST", target, body).status, 403);
  c.csrf = good;
  EXPECT_EQ(c.Send("DELETE", "/api/drafts/x", "", false).status, 403);
}

TEST_F(Api, ScriptInATextFieldIsStoredAndReturnedAsText) {
  Client c = SignedIn("sw");
  const int64_t child = OwnChild();
  const std::string text = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
  Reply made =
      c.Send("POST", fmt::format("/api/children/{}/records", child),
             json{{"kind", "case_note"},
                  {"fields",
                   {{"noted_at", "2026-03-31T10:00"}, {"note_type", "CASE_NOTE"}, {"text", text}}}}
                 .dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t id = made.Json()["id"];
  Reply got = c.Get(fmt::format("/api/children/{}/records/case_note/{}", child, id));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Json()["fields"]["text"], text);
  EXPECT_EQ(got.Header("content-type"), "application/json");
  EXPECT_EQ(got.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(got.Header("content-security-policy").find("script-src 'self'"), std::string::npos);
  // Changing it needs the version seen; a stale version is a conflict (409).
  json change{{"version", 1}, {"fields", {{"text", "corrected"}}}};
  const std::string path = fmt::format("/api/children/{}/records/case_note/{}", child, id);
  Reply ok = c.Send("PUT", path, change.dump());
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["version"], 2);
  Reply stale = c.Send("PUT", path, change.dump());
  EXPECT_EQ(stale.status, 409) << stale.body;
  Reply history = c.Get(path + "/history");
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.Json()["items"].size(), 2u);
  EXPECT_EQ(history.Json()["items"][0]["fields"]["text"], text);
  EXPECT_EQ(history.Json()["items"][1]["by"], "sw");
}

TEST_F(Api, ValidationErrorsNameTheField) {
  Client c = SignedIn("sw");
  const std::string target = fmt::format("/api/children/{}/records", OwnChild());
  Reply r = c.Send(
      "POST", target,
      json{
          {"kind", "visit"},
          {"fields", {{"visit_type", "NOT_A_CODE"}, {"visit_date", "2026-02-30"}, {"seen", "yes"}}}}
          .dump());
  ASSERT_EQ(r.status, 400) << r.body;
  std::set<std::string> fields;
  const json err = r.Json();
  for (const json& f : err["error"]["fields"]) fields.insert(f["field"].get<std::string>());
  EXPECT_TRUE(fields.count("visit_date")) << r.body;
  EXPECT_TRUE(fields.count("seen")) << r.body;
  Reply code = c.Send("POST", target,
                      json{{"kind", "visit"},
                           {"fields", {{"visit_type", "NOT_A_CODE"}, {"visit_date", "2026-03-02"}}}}
                          .dump());
  ASSERT_EQ(code.status, 400) << code.body;
  EXPECT_EQ(code.Json()["error"]["fields"][0]["field"], "visit_type") << code.body;
}

TEST_F(Api, MalformedJsonAndWrongContentType) {
  Client c = SignedIn("sw");
  const std::string target = fmt::format("/api/children/{}/records", OwnChild());
  Reply bad = c.Send("POST", target, "{\"kind\": \"visit\", ");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["code"], "invalid_argument");
  Reply array = c.Send("POST", target, "[1,2]");
  EXPECT_EQ(array.status, 400);
  Reply form = c.Send("POST", target, "kind=visit", true, "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 415);
  Client anon(S().port());
  EXPECT_EQ(anon.Send("POST", "/api/session", "not json").status, 400);
}

TEST_F(Api, OversizedBodiesAndHeadersAreRefused) {
  const std::string big(2 << 20, 'a');
  Reply body = RawExchange(S().port(), fmt::format("POST /api/session HTTP/1.1\r\nHost: x\r\n"
                                                   "Content-Type: application/json\r\n"
                                                   "Content-Length: {}\r\n\r\n{}",
                                                   big.size(), big));
  EXPECT_EQ(body.status, 413) << body.head;
  Reply head = RawExchange(S().port(), fmt::format("GET /api/session HTTP/1.1\r\nHost: x\r\n"
                                                   "X-Filler: {}\r\n\r\n",
                                                   std::string(40000, 'b')));
  EXPECT_EQ(head.status, 431) << head.head;
  Reply garbage = RawExchange(S().port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(garbage.status, 400) << garbage.head;
}

TEST_F(Api, SecurityHeadersOnEveryResponse) {
  S().WriteStatic();
  Client anon(S().port());
  for (const std::string target : {"/api/session", "/", "/children/42", "/assets/index-abcdef12.js",
                                   "/nothing.png", "/api/nowhere"}) {
    Reply r = anon.Get(target);
    EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos)
        << target;
    EXPECT_EQ(r.Header("content-security-policy").find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer") << target;
  }
  Reply index = anon.Get("/children/42");  // a front-end route
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("cache-control"), "no-cache");
  Reply js = anon.Get("/assets/index-abcdef12.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(anon.Get("/nothing.png").status, 404);
}

TEST_F(Api, NeedToKnow) {
  Client sw = SignedIn("sw");
  const int64_t own = OwnChild(), other = OtherChild();
  ASSERT_GT(own, 0);
  ASSERT_GT(other, 0);
  EXPECT_EQ(sw.Get(fmt::format("/api/children/{}", own)).status, 200);
  Reply refused = sw.Get(fmt::format("/api/children/{}", other));
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(sw.Get(fmt::format("/api/children/{}/chronology", other)).status, 403);
  EXPECT_EQ(sw.Get("/api/children/999999999").status, 403);  // does not confirm ids exist
  // The list holds only the children the worker may see.
  Reply list = sw.Get("/api/children?limit=500");
  ASSERT_EQ(list.status, 200);
  const int64_t total = list.Json()["total"];
  EXPECT_GT(total, 0);
  EXPECT_LT(total, static_cast<int64_t>(S().app().directory().KnownChildren().size()));
  Reply mine = sw.Get(fmt::format("/api/children?q={}", own));
  ASSERT_EQ(mine.Json()["items"].size(), 1u) << mine.body;
  EXPECT_EQ(mine.Json()["items"][0]["id"], own);
  EXPECT_EQ(sw.Get(fmt::format("/api/children?q={}", other)).Json()["total"], 0);
  // A senior leader sees every child; an inspector reads but cannot write.
  EXPECT_EQ(SignedIn("director").Get(fmt::format("/api/children/{}", other)).status, 200);
  Client insp = SignedIn("inspector");
  EXPECT_EQ(insp.Get(fmt::format("/api/children/{}", other)).status, 200);
  EXPECT_EQ(insp.Send("POST", fmt::format("/api/children/{}/records", other), "{}").status, 403);
}

TEST_F(Api, RestrictedRecordsNeedAGrantAndAReason) {
  const Directory& d = S().app().directory();
  int64_t restricted = 0;
  for (int32_t id : d.KnownChildren())
    if (d.Child(id)->restricted) restricted = id;
  ASSERT_GT(restricted, 0) << "the test council has no adoption";
  Client leader = SignedIn("director");
  const std::string path = fmt::format("/api/children/{}", restricted);
  Reply no_grant = leader.Get(path);
  EXPECT_EQ(no_grant.status, 403);
  EXPECT_EQ(no_grant.Json()["error"]["reason_required"], true) << no_grant.body;
  Client admin = SignedIn("admin");
  const int64_t director_id = S().app().auth().FindUsername("director")->id;
  Reply grant = admin.Send(
      "POST", "/api/grants",
      json{
          {"user_id", director_id}, {"child_id", restricted}, {"reason", "case audit"}, {"days", 7}}
          .dump());
  ASSERT_EQ(grant.status, 201) << grant.body;
  EXPECT_EQ(leader.Get(path).status, 403);  // a grant, but no reason given
  Reply ok = leader.Get(path + "?reason=quality%20audit%20of%20the%20adoption");
  EXPECT_EQ(ok.status, 200) << ok.body;
  Reply audit = admin.Get(fmt::format("/api/audit?child_id={}", restricted));
  ASSERT_EQ(audit.status, 200);
  bool seen = false;
  const json entries = audit.Json();
  for (const json& e : entries["items"])
    seen = seen || (e["user"].get<std::string>() == "director" &&
                    e["action"].get<std::string>() == "read" &&
                    e["reason"].get<std::string>() == "quality audit of the adoption" &&
                    e["origin"].get<std::string>() == "127.0.0.1");
  EXPECT_TRUE(seen) << audit.body;
}

TEST_F(Api, EveryReadAndChangeIsAuditedAndTheLogCannotBeEdited) {
  Client sw = SignedIn("sw");
  const int64_t child = OwnChild();
  ASSERT_EQ(sw.Get(fmt::format("/api/children/{}/chronology", child)).status, 200);
  Client admin = SignedIn("admin");
  Reply r = admin.Get(fmt::format("/api/audit?user=sw&child_id={}&action=read", child));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(r.Json()["items"].empty());
  EXPECT_EQ(r.Json()["items"][0]["role"], "social_worker");
  EXPECT_EQ(sw.Get("/api/audit").status, 403);
  // Nothing that talks SQL to the file can change or remove an entry.
  auto conn = db::Connection::OpenSqlite(S().db());
  ASSERT_TRUE(conn);
  Status upd = (*conn)->Exec("UPDATE audit_log SET username = 'someone' WHERE id = 1");
  EXPECT_FALSE(upd.ok());
  EXPECT_NE(upd.message().find("append-only"), std::string::npos) << upd.message();
  EXPECT_FALSE((*conn)->Exec("DELETE FROM audit_log").ok());
}

TEST_F(Api, DraftsAreKeptServerSide) {
  Client c = SignedIn("pa");
  EXPECT_EQ(c.Get("/api/drafts/visit-form:42").status, 404);
  Reply put = c.Send("PUT", "/api/drafts/visit-form:42", json{{"text", "{\"seen\":true}"}}.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  // A new session (the old one expired, or another device) finds the draft.
  Client again = SignedIn("pa");
  Reply got = again.Get("/api/drafts/visit-form:42");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.Json()["text"], "{\"seen\":true}");
  EXPECT_EQ(SignedIn("iro").Get("/api/drafts/visit-form:42").status, 404);  // one's own only
  EXPECT_EQ(again.Send("DELETE", "/api/drafts/visit-form:42").status, 204);
  EXPECT_EQ(again.Get("/api/drafts/visit-form:42").status, 404);
  EXPECT_EQ(again.Get("/api/drafts/bad%20key").status, 400);
}

// Every role against every endpoint: 2xx/4xx-not-403 where the role may, 403 where not.
// The expectations are written out here, apart from roles.cc, so a change to either shows.
TEST_F(Api, AuthorisationMatrix) {
  const int64_t child = OwnChild();
  const std::string c = std::to_string(child);
  struct Endpoint {
    std::string method, target, body;
    std::set<std::string> allowed;  // usernames of the demo accounts
  };
  const std::set<std::string> practitioners{"sw", "pa", "manager", "iro"};
  const std::set<std::string> readers{"sw", "pa", "manager", "iro", "director", "inspector"};
  const std::set<std::string> everyone{"sw",      "pa",       "manager", "iro",
                                       "analyst", "director", "admin",   "inspector"};
  // The demo practitioners are in different teams; only those who hold or whose team holds
  // `child` may read it: the social worker and their manager (same team). Others are
  // refused by need-to-know, which is also a 403.
  const std::set<std::string> child_readers{"sw", "manager", "director", "inspector"};
  const std::set<std::string> child_writers{"sw", "manager"};
  const std::set<std::string> figures{"manager", "analyst", "director", "inspector"};
  const std::vector<Endpoint> endpoints = {
      {"GET", "/api/session", "", everyone},
      {"GET", "/api/me/work", "", practitioners},
      {"GET", "/api/children", "", readers},
      {"GET", "/api/children/" + c, "", child_readers},
      {"GET", "/api/children/" + c + "/chronology", "", child_readers},
      {"POST", "/api/children/" + c + "/records",
       json{{"kind", "case_note"},
            {"fields",
             {{"noted_at", "2026-03-31T11:00"}, {"note_type", "CASE_NOTE"}, {"text", "m"}}}}
           .dump(),
       child_writers},
      {"GET", "/api/children/" + c + "/records/person/" + c, "", child_readers},
      {"PUT", "/api/children/" + c + "/records/person/" + c,
       json{{"version", 0}, {"fields", json::object()}}.dump(), child_writers},
      {"GET", "/api/children/" + c + "/records/person/" + c + "/history", "", child_readers},
      {"GET", "/api/kinds", "", everyone},
      {"GET", "/api/drafts", "", everyone},
      {"GET", "/api/drafts/k", "", everyone},
      {"PUT", "/api/drafts/k", json{{"text", "t"}}.dump(), everyone},
      {"DELETE", "/api/drafts/k", "", everyone},
      {"GET", "/api/team/caseloads", "", {"manager", "director"}},
      {"GET", "/api/team/exceptions", "", {"manager", "director"}},
      {"GET", "/api/teams", "", everyone},
      {"GET", "/api/users", "", {"admin"}},
      {"POST", "/api/users", "{}", {"admin"}},
      {"GET", "/api/grants", "", {"admin"}},
      {"POST", "/api/grants", "{}", {"admin"}},
      {"GET", "/api/audit", "", {"admin"}},
      {"GET", "/api/indicators", "", figures},
      {"GET", "/api/report?indicators=rereferrals_12m&trend=none", "", figures},
      {"GET", "/api/report/drill?indicator=rereferrals_12m&trend=none", "", figures},
  };
  // Every route is in the matrix (bar sign-in and sign-out, tested above).
  EXPECT_EQ(endpoints.size() + 2, S().app().Routes().size());
  for (const std::string& user : everyone) {
    Client cl = SignedIn(user);
    for (const Endpoint& e : endpoints) {
      Reply r = cl.Send(e.method, e.target, e.body);
      if (e.allowed.count(user)) {
        EXPECT_NE(r.status, 403) << user << " " << e.method << " " << e.target << ": " << r.body;
        EXPECT_NE(r.status, 401) << user << " " << e.method << " " << e.target;
        EXPECT_LT(r.status, 500) << user << " " << e.method << " " << e.target << ": " << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << user << " " << e.method << " " << e.target << ": " << r.body;
      }
    }
  }
  // Without a session, everything but sign-in is 401.
  Client anon(S().port());
  for (const Endpoint& e : endpoints)
    EXPECT_EQ(anon.Send(e.method, e.target, e.body).status, 401) << e.method << " " << e.target;
}

TEST_F(Api, MyWorkIsSortedByUrgency) {
  Client sw = SignedIn("sw");
  Reply r = sw.Get("/api/me/work?days=30");
  ASSERT_EQ(r.status, 200) << r.body;
  const json items = r.Json()["items"];
  ASSERT_FALSE(items.empty());
  for (size_t i = 1; i < items.size(); ++i)
    EXPECT_GE(items[i - 1]["days_overdue"].get<int>(), items[i]["days_overdue"].get<int>());
  EXPECT_EQ(r.Json()["as_at"], "2026-03-31");
  EXPECT_EQ(sw.Get("/api/me/work?as_at=2026-13-01").status, 400);
}

TEST_F(Api, TheOpenApiDescriptionAndTheRoutesAgree) {
  std::ifstream in(std::string(JOURNEY_SOURCE_DIR) + "/docs/api/openapi.yaml");
  ASSERT_TRUE(in) << "docs/api/openapi.yaml";
  std::set<std::pair<std::string, std::string>> documented;
  std::string line, path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths) continue;
    if (line.rfind("  /", 0) == 0 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
    } else if (line.rfind("    ", 0) == 0 && line[4] != ' ') {
      std::string m = line.substr(4, line.find(':') - 4);
      if (m == "get" || m == "post" || m == "put" || m == "delete" || m == "patch") {
        for (char& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        documented.emplace(m, path);
      }
    }
  }
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& r : S().app().Routes()) routed.insert(r);
  for (const auto& r : routed)
    EXPECT_TRUE(documented.count(r)) << "routed but not documented: " << r.first << " " << r.second;
  for (const auto& d : documented)
    EXPECT_TRUE(routed.count(d)) << "documented but not routed: " << d.first << " " << d.second;
}

}  // namespace
}  // namespace journey::server
