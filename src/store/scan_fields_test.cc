// Store::ScanFields on both engines: the named fields as Scan reads them, the others null,
// the same records in the same order; a name that is not a field is an error.
#include <gtest/gtest.h>

#include "base/clock.h"
#include "model/journey_text.h"
#include "store/store.h"
#include "store/test_db.h"

namespace journey::store {
namespace {

using model::Kind;
using model::Record;

class ScanFieldsTest : public ::testing::TestWithParam<db::Dialect> {};

TEST_P(ScanFieldsTest, OnlyTheNamedFieldsAreRead) {
  testing::TestDb db(GetParam());
  ASSERT_EQ(db.error(), "");
  FixedClock clock(Date::FromYmd(2026, 5, 1));
  auto store = OpenStore(db.where(), clock);
  ASSERT_TRUE(store) << store.error().ToString();
  auto j = model::ParseJourneyText(
      "person 1 la_child_id=C1 sex=F birth_date=2015-01-02\n"
      "person 2 la_child_id=C2 sex=M birth_date=2016-03-04\n"
      "referral 5 child=2 referral_date=2025-06-01 source=2A nfa=true\n"
      "referral 4 child=1 referral_date=2025-05-01 source=1A closure_date=2025-07-01 "
      "closure_reason=RC7\n",
      "t.journey");
  ASSERT_TRUE(j) << j.error().ToString();
  auto bulk = (*store)->BeginBulk(Actor{"test", "", ""});
  ASSERT_TRUE(bulk);
  for (auto& [id, c] : j->children) ASSERT_TRUE((*bulk)->AddChild(c).ok());
  ASSERT_TRUE((*bulk)->Commit().ok());

  std::vector<Record> whole, some;
  ASSERT_TRUE((*store)
                  ->Scan(Kind::kReferral,
                         [&](const Record& r) {
                           whole.push_back(r);
                           return Status::Ok();
                         })
                  .ok());
  ASSERT_TRUE((*store)
                  ->ScanFields(Kind::kReferral, {"referral_date", "closure_date"},
                               [&](const Record& r) {
                                 some.push_back(r);
                                 return Status::Ok();
                               })
                  .ok());
  ASSERT_EQ(some.size(), 2u);
  ASSERT_EQ(whole.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(some[i].id, whole[i].id);
    EXPECT_EQ(some[i].child_id, whole[i].child_id);
    EXPECT_EQ(some[i].version, whole[i].version);
    EXPECT_EQ(some[i].GetDate("referral_date"), whole[i].GetDate("referral_date"));
    EXPECT_EQ(some[i].GetDate("closure_date"), whole[i].GetDate("closure_date"));
    EXPECT_TRUE(whole[i].GetString("source").has_value());
    EXPECT_FALSE(some[i].GetString("source").has_value());  // not asked for
    EXPECT_FALSE(some[i].GetBool("nfa").has_value());
  }
  EXPECT_EQ(some[0].child_id, 1);  // ordered by child, as Scan
  EXPECT_EQ(*some[0].GetDate("closure_date"), Date::FromYmd(2025, 7, 1));
  Status bad = (*store)->ScanFields(Kind::kReferral, {"referal_date"},
                                    [](const Record&) { return Status::Ok(); });
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("referral has no field \"referal_date\""), std::string::npos)
      << bad.message();
}

INSTANTIATE_TEST_SUITE_P(Engines, ScanFieldsTest,
                         ::testing::Values(db::Dialect::kSqlite, db::Dialect::kPostgres),
                         [](const auto& info) {
                           return std::string(testing::DialectName(info.param));
                         });

}  // namespace
}  // namespace journey::store
