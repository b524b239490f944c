// The command against a PostgreSQL server (--db postgresql://...): the test server that
// CTest starts (scripts/pg_test_server, fixture "pg").
#include <gtest/gtest.h>

#include "cli/cli_testing.h"
#include "store/test_db.h"

namespace {

using journey::cli::testing::Journey;
using journey::store::testing::TestDb;

// The URL with a password added (the test server trusts local connections, so any works).
std::string PasswordUrl(const std::string& url) {
  const size_t at = url.find('@');
  return url.substr(0, at) + ":s3cret" + url.substr(at);
}

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
  // The report on the server: beside England's figures, from the record's last day.
  auto r = Journey("report --db " + db.where() + " --indicators rereferrals_12m --trend yearly");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("As at 2025-03-31;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("England 24.0 (2014-15)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2022-23 *"), std::string::npos) << r.out;
  // A password in the URL is never shown.
  auto pw =
      Journey("report --db " + PasswordUrl(db.where()) + " --from 2020-04-01 --to 2021-03-31");
  EXPECT_EQ(pw.exit_code, 2) << pw.out;
  EXPECT_NE(pw.out.find("is complete only from 2023-04-01"), std::string::npos) << pw.out;
  EXPECT_EQ(pw.out.find("s3cret"), std::string::npos) << pw.out;
  // Governance (migration 0003's tables) on the server: the Ofsted history loads and reads.
  auto gov = Journey("governance load --db " + db.where());
  EXPECT_EQ(gov.exit_code, 0) << gov.out;
  auto hist = Journey("governance history --db " + db.where());
  EXPECT_EQ(hist.exit_code, 0) << hist.out;
  EXPECT_NE(hist.out.find("Northamptonshire"), std::string::npos) << hist.out;
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
