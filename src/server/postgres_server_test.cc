// The server over PostgreSQL (`journey serve --db postgresql://...`): the same App, the same
// SQL, a real server on the test cluster that CTest starts (fixture pg). The API's rules are
// tested in api_test.cc on SQLite; this checks that each of the server's own tables
// (accounts, sessions, drafts, the audit log) and the store work on the other engine.
#include <gtest/gtest.h>

#include "server/test_server.h"
#include "store/db.h"
#include "store/test_db.h"

namespace journey::server {
namespace {

using nlohmann::json;
using testing::Client;
using testing::Reply;
using testing::TestServer;

TEST(ServerOnPostgres, SignInReadARecordKeepADraftAndAuditIt) {
  store::testing::TestDb db(db::Dialect::kPostgres);
  ASSERT_EQ(db.error(), "");
  TestServer s("pg", 300, db.where());
  EXPECT_EQ(s.app().where().find("postgresql://"), 0u);

  Client c(s.port());
  Reply in = c.SignInDemo("sw");
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(c.Get("/api/me/work").status, 200);
  const User* u = s.app().auth().FindUsername("sw");
  ASSERT_NE(u, nullptr);
  int64_t child = 0;
  for (int32_t id : s.app().directory().OfWorker(u->worker_id))
    if (!s.app().directory().Child(id)->restricted) child = id;
  ASSERT_NE(child, 0);
  Reply rec = c.Get(fmt::format("/api/children/{}", child));
  EXPECT_EQ(rec.status, 200) << rec.body;

  // A draft saved twice (INSERT ... ON CONFLICT DO UPDATE) and read back.
  ASSERT_EQ(c.Send("PUT", "/api/drafts/visit:1", json{{"text", "first"}}.dump()).status, 200);
  ASSERT_EQ(c.Send("PUT", "/api/drafts/visit:1", json{{"text", "second"}}.dump()).status, 200);
  Reply draft = c.Get("/api/drafts/visit:1");
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.Json()["text"], "second");

  // The read is in the audit log, which refuses change (migration 0002's trigger, translated).
  auto conn = db.Connect();
  ASSERT_TRUE(conn);
  auto q =
      (*conn)->Prepare("SELECT COUNT(*) FROM audit_log WHERE username = 'sw' AND child_id = $1");
  ASSERT_TRUE(q);
  q->BindInt(1, child);
  ASSERT_TRUE(q->Step().value_or(false));
  EXPECT_GE(q->Int(0), 1);
  Status upd = (*conn)->Exec("UPDATE audit_log SET username = 'someone'");
  EXPECT_NE(upd.message().find("append-only"), std::string::npos) << upd.ToString();
  EXPECT_EQ(c.Send("DELETE", "/api/session").status, 204);
}

}  // namespace
}  // namespace journey::server
