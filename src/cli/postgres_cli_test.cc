// The command against a PostgreSQL server (--db postgresql://...): the test server that
// CTest starts (scripts/pg_test_server, fixture "pg").
#include <gtest/gtest.h>

#include "cli/cli_testing.h"
#include "store/test_db.h"

namespace {

using journey::cli::testing::Journey;
using journey::store::testing::TestDb;

TEST(PostgresCli, GenerateThenDueAndHorizonOnAServer) {
  TestDb db(journey::db::Dialect::kPostgres);
  ASSERT_EQ(db.error(), "");
  auto g =
      Journey("generate --children 1500 --years 2 --seed 4 --as-at 2025-03-31 --db " + db.where());
  ASSERT_EQ(g.exit_code, 0) << g.out;
  auto h = Journey("horizon --db " + db.where());
  EXPECT_EQ(h.exit_code, 0) << h.out;
  EXPECT_EQ(h.out, "horizon 2023-04-01\nlast day 2025-03-31\n");
  auto d = Journey("due --db " + db.where() + " --council --within -1");
  EXPECT_EQ(d.exit_code, 0) << d.out;
  EXPECT_NE(d.out.find("As at 2025-03-31:"), std::string::npos) << d.out;
  auto s = Journey("stats --db " + db.where());
  EXPECT_EQ(s.exit_code, 0) << s.out;
  EXPECT_NE(s.out.find("cla_episode"), std::string::npos) << s.out;
  // A server that is not there: a clear error, no crash.
  auto none = Journey("due --council --db postgresql://postgres@127.0.0.1:1/none");
  EXPECT_EQ(none.exit_code, 1) << none.out;
  EXPECT_NE(none.out.find("cannot connect to postgresql://postgres@127.0.0.1:1/none"),
            std::string::npos)
      << none.out;
}

}  // namespace
