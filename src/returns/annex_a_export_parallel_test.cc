// The Annex A export reading through two connections on two threads, and reading whole
// records rather than the fields the lists use, gives the same lists, cell for cell.
#include <gtest/gtest.h>
#include <unistd.h>

#include "returns/annex_a_export.h"
#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

TEST(AnnexAExportParallel, TwoConnectionsAndWholeRecordsGiveTheSameLists) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("annex_a_parallel_" + std::to_string(::getpid()) + ".db"))
                               .string();
  FixedClock clock(Date::FromYmd(2026, 5, 1));
  {
    auto one = store::OpenSqliteStore(path, clock);
    ASSERT_TRUE(one) << one.error().ToString();
    auto j = model::ParseJourneyText(testing::Council(), "council.journey");
    ASSERT_TRUE(j) << j.error().ToString();
    auto bulk = (*one)->BeginBulk(store::Actor{"test", "", ""});
    ASSERT_TRUE(bulk);
    for (auto& r : j->organisation) ASSERT_TRUE((*bulk)->Add(r).ok());
    for (auto& [id, c] : j->children) ASSERT_TRUE((*bulk)->AddChild(c).ok());
    ASSERT_TRUE((*bulk)->Commit().ok());
    auto two = store::OpenSqliteStore(path, clock);
    ASSERT_TRUE(two) << two.error().ToString();
    for (Date d : {Date::FromYmd(2026, 3, 31), Date::FromYmd(2025, 8, 31)}) {
      auto a = ExportAnnexA(**one, d);
      auto b = ExportAnnexA(**one, d, AnnexASpec::Default(), {.second = two->get()});
      auto whole = ExportAnnexA(**one, d, AnnexASpec::Default(), {.whole_records = true});
      ASSERT_TRUE(a && b && whole);
      size_t rows = 0;
      for (size_t i = 0; i < a->lists.size(); ++i) {
        EXPECT_EQ(AnnexACsv(a->lists[i]), AnnexACsv(b->lists[i])) << "List " << i + 1;
        EXPECT_EQ(AnnexACsv(a->lists[i]), AnnexACsv(whole->lists[i])) << "List " << i + 1;
        rows += a->lists[i].rows.size();
      }
      EXPECT_GT(rows, 0u);
      EXPECT_EQ(a->notes, b->notes);
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace journey::returns
