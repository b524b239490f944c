// Sessions over time, throttling and shutdown, each against a server of its own (they move
// the clock, lock accounts or stop the server).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <vector>

#include "server/test_server.h"
#include "store/db.h"

namespace journey::server {
namespace {

using nlohmann::json;
using testing::Client;
using testing::RawExchange;
using testing::Reply;
using testing::TestServer;

TEST(Session, FailedSignInsAreThrottledPerAccount) {
  TestServer s("throttle", 600);
  Client c(s.port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.SignIn("sw", "wrong-password-1").status, 401) << i;
  Reply locked = c.SignIn("sw", "wrong-password-1");
  EXPECT_EQ(locked.status, 429) << locked.body;
  const int retry = std::stoi(locked.Header("retry-after"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 15 * 60);
  // While locked, even the right password is refused, without being checked.
  EXPECT_EQ(c.SignInDemo("sw").status, 429);
  // Another account is not locked by this one's failures.
  EXPECT_EQ(Client(s.port()).SignInDemo("pa").status, 200);
  // Once the failures leave the 15-minute window, sign-in works again.
  s.clock().Advance(int64_t{retry} * 1000000);
  EXPECT_EQ(c.SignInDemo("sw").status, 200);
}

TEST(Session, FailedSignInsAreThrottledPerAddress) {
  TestServer s("throttle_addr", 600);
  Client c(s.port());
  // Guessing across many accounts from one address is stopped too.
  for (int i = 0; i < 20; ++i) c.SignIn(fmt::format("guess{}", i), "wrong-password-1");
  EXPECT_EQ(c.SignIn("guess-more", "wrong-password-1").status, 429);
  EXPECT_EQ(c.SignInDemo("pa").status, 429);
}

TEST(Session, IdleSessionsExpireAndDraftsSurvive) {
  TestServer s("idle", 600);
  Client c(s.port());
  ASSERT_EQ(c.SignInDemo("sw").status, 200);
  ASSERT_EQ(c.Send("PUT", "/api/drafts/note", json{{"text", "half a sentence"}}.dump()).status,
            200);
  s.clock().Advance(29LL * 60 * 1000000);  // activity restarts the idle clock
  Reply still = c.Get("/api/session");
  EXPECT_EQ(still.status, 200);
  EXPECT_EQ(still.Json()["idle_expires_at"], "2026-03-31T09:59:00Z");
  s.clock().Advance(30LL * 60 * 1000000);
  EXPECT_EQ(c.Get("/api/session").status, 401);
  ASSERT_EQ(c.SignInDemo("sw").status, 200);
  EXPECT_EQ(c.Get("/api/drafts/note").Json()["text"], "half a sentence");
}

TEST(Session, InspectorsAccountsEnd) {
  TestServer s("inspector", 600);
  Client c(s.port());
  ASSERT_EQ(c.SignInDemo("inspector").status, 200);
  s.clock().Advance(31LL * 86400 * 1000000);  // the demo inspector's account lasts 30 days
  EXPECT_EQ(c.Get("/api/session").status, 401);
  EXPECT_EQ(Client(s.port()).SignInDemo("inspector").status, 401);
}

TEST(Session, ShutdownAnswersTheRequestInFlight) {
  TestServer s("shutdown", 600);
  Client c(s.port());
  ASSERT_EQ(c.SignInDemo("sw").status, 200);
  // A request whose body is still arriving when the server is told to stop is read,
  // handled and answered before the server exits.
  const std::string body = json{{"text", "typed before the restart"}}.dump();
  std::string head = fmt::format(
      "PUT /api/drafts/inflight HTTP/1.1\r\nHost: x\r\nCookie: journey_session={}\r\n"
      "X-CSRF-Token: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
      c.cookie, c.csrf, body.size());
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(s.port()));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  s.http().Stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(send(fd, body.data(), body.size(), MSG_NOSIGNAL), static_cast<ssize_t>(body.size()));
  std::string all;
  char buf[4096];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    all.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  EXPECT_EQ(all.rfind("HTTP/1.1 200", 0), 0u) << all;
  EXPECT_NE(all.find("Connection: close"), std::string::npos) << all;
  s.StopAndJoin();
  // The draft was written.
  auto conn = db::Connection::OpenSqlite(s.db());
  ASSERT_TRUE(conn);
  auto q = (*conn)->Prepare("SELECT text FROM app_draft WHERE key = 'inflight'");
  ASSERT_TRUE(q);
  auto row = q->Step();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(q->Text(0), "typed before the restart");
}

// Sign-ins sent in parallel are each counted against the throttle before their hashes are
// checked (the check runs on a worker thread): however they interleave, exactly the limit
// of them is checked for one account, and the rest are refused.
TEST(Session, ParallelFailedSignInsCannotPassTheThrottleTogether) {
  TestServer s("throttle_parallel", 600);
  std::vector<std::future<int>> replies;
  for (int i = 0; i < 12; ++i) {
    replies.push_back(std::async(std::launch::async, [&s] {
      return Client(s.port()).SignIn("sw", "wrong-password-1").status;
    }));
  }
  int checked = 0, refused = 0;
  for (auto& r : replies) {
    const int status = r.get();
    checked += status == 401;
    refused += status == 429;
  }
  EXPECT_EQ(checked, 5);
  EXPECT_EQ(refused, 7);
  // A success withdraws its own count: the address is not held against the next person.
  for (int i = 0; i < 20; ++i) ASSERT_EQ(Client(s.port()).SignInDemo("pa").status, 200) << i;
}

// While a password is checked (here an argon2id hash made deliberately slow: about a second),
// the server's thread goes on answering other requests; a server told to stop meanwhile still
// answers the sign-in before it exits.
TEST(Session, PasswordCheckDoesNotHoldUpOtherRequests) {
  TestServer s("slow_hash", 600);
  {
    char hash[crypto_pwhash_STRBYTES];
    const std::string pw = "journey-demo-sw";
    ASSERT_EQ(crypto_pwhash_str(hash, pw.data(), pw.size(), 16, crypto_pwhash_MEMLIMIT_INTERACTIVE),
              0);
    auto conn = db::Connection::OpenSqlite(s.db());
    ASSERT_TRUE(conn);
    auto q = (*conn)->Prepare("UPDATE app_user SET password_hash = $1 WHERE username = 'sw'");
    ASSERT_TRUE(q);
    q->BindText(1, hash);
    ASSERT_TRUE(q->Run().ok());
  }
  Client other(s.port());
  ASSERT_EQ(other.SignInDemo("pa").status, 200);
  const auto start = std::chrono::steady_clock::now();
  auto slow = std::async(std::launch::async, [&s] { return Client(s.port()).SignInDemo("sw"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // Cheap requests only (not My work, whose first answer builds the due index and may take
  // as long as the hash on a loaded machine).
  EXPECT_EQ(other.Get("/api/session").status, 200);
  EXPECT_EQ(other.Get("/api/kinds").status, 200);
  EXPECT_EQ(other.Get("/api/teams").status, 200);
  EXPECT_EQ(slow.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the other requests waited for the slow hash";
  s.http().Stop();
  Reply r = slow.get();
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.Header("x-session-idle-expires").empty());
  EXPECT_FALSE(r.Header("content-security-policy").empty());
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_GT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace journey::server
