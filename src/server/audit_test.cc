// The audit log's guarantees with entries written in batches (audit.h): every read of a
// child's record is in the database before its answer leaves, however many are answered
// together, and a read whose entry cannot be written is not answered.
#include <gtest/gtest.h>

#include <future>
#include <vector>

#include "server/test_server.h"
#include "store/db.h"

namespace journey::server {
namespace {

using nlohmann::json;
using testing::Client;
using testing::Reply;
using testing::TestServer;

std::vector<int64_t> SomeChildren(Client& c, int n) {
  Reply list = c.Get(fmt::format("/api/children?limit={}", n * 2));
  EXPECT_EQ(list.status, 200) << list.head << list.body;
  std::vector<int64_t> ids;
  const json body = list.Json();
  for (const json& item : body["items"]) {
    if (!item["restricted"].get<bool>() && static_cast<int>(ids.size()) < n)
      ids.push_back(item["id"].get<int64_t>());
  }
  return ids;
}

int64_t Reads(db::Connection& conn, int64_t child) {
  auto q = conn.Prepare(
      "SELECT COUNT(*) FROM audit_log WHERE username = 'director' AND action = 'read' AND "
      "child_id = $1 AND status = 200");
  if (!q) return -1;
  q->BindInt(1, child);
  auto row = q->Step();
  return row && *row ? q->Int(0) : -1;
}

TEST(ServerAudit, EveryReadIsInTheLogWhenItsAnswerArrives) {
  TestServer s("audit_batches", 600);
  Client director(s.port());
  ASSERT_EQ(director.SignInDemo("director").status, 200);
  const std::vector<int64_t> ids = SomeChildren(director, 12);
  ASSERT_EQ(ids.size(), 12u);
  // Twelve clients at once, each reading its own child ten times: answers that arrive
  // together share a batch, and after each answer its client finds exactly as many
  // entries for its child as it has had answers.
  std::vector<std::future<std::string>> runs;
  for (int64_t child : ids) {
    runs.push_back(std::async(std::launch::async, [&s, &director, child]() -> std::string {
      auto conn = db::Connection::OpenSqlite(s.db());
      if (!conn) return conn.error().message();
      Client c(s.port());
      c.cookie = director.cookie;
      for (int i = 1; i <= 10; ++i) {
        Reply r = c.Get(fmt::format("/api/children/{}", child));
        if (r.status != 200) return fmt::format("child {}: status {}", child, r.status);
        const int64_t logged = Reads(**conn, child);
        if (logged != i) return fmt::format("child {}: {} answers, {} entries", child, i, logged);
      }
      return "";
    }));
  }
  for (auto& r : runs) EXPECT_EQ(r.get(), "");
}

TEST(ServerAudit, AReadThatCannotBeLoggedIsNotAnswered) {
  TestServer s("audit_locked", 600);
  Client director(s.port());
  ASSERT_EQ(director.SignInDemo("director").status, 200);
  const std::vector<int64_t> ids = SomeChildren(director, 1);
  ASSERT_EQ(ids.size(), 1u);
  const std::string path = fmt::format("/api/children/{}", ids[0]);
  Reply before = director.Get(path);
  ASSERT_EQ(before.status, 200);
  const std::string name = before.Json()["name"].get<std::string>();
  ASSERT_FALSE(name.empty());
  // Another program holds the database's write lock for longer than the server waits (5 s).
  auto other = db::Connection::OpenSqlite(s.db());
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->Begin().ok());
  Reply refused = director.Get(path);
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.Json()["error"]["code"], "unavailable");
  EXPECT_EQ(refused.body.find(name), std::string::npos) << "the child's data left unlogged";
  EXPECT_FALSE(refused.Header("content-security-policy").empty());
  ASSERT_TRUE((*other)->Rollback().ok());
  EXPECT_EQ(Reads(**other, ids[0]), 1);  // the refused read left no entry
  EXPECT_EQ(director.Get(path).status, 200);
  EXPECT_EQ(Reads(**other, ids[0]), 2);
}

}  // namespace
}  // namespace journey::server
