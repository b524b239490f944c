#include "returns/ssda903_import.h"

#include <gtest/gtest.h>

#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

using testing::TempStore;

std::vector<InputFile> Files(const Return903& r) {
  std::vector<InputFile> out;
  for (const Table903& t : r.tables) out.push_back({t.spec->name + ".csv", TableCsv(t)});
  return out;
}

void ExpectSame(const Return903& a, const Return903& b) {
  ASSERT_EQ(a.tables.size(), b.tables.size());
  for (size_t i = 0; i < a.tables.size(); ++i)
    EXPECT_EQ(TableCsv(a.tables[i]), TableCsv(b.tables[i])) << a.tables[i].spec->name;
}

ImportReport Import(store::Store& s, int year, const std::vector<InputFile>& files) {
  auto rep = Import903(s, year, files, store::Actor{"test", "", ""});
  EXPECT_TRUE(rep) << rep.error().ToString();
  return rep ? *rep : ImportReport{};
}

std::string Problems(const ImportReport& rep) {
  std::string out;
  for (const Problem& p : rep.problems) out += p.ToString() + "\n";
  return out;
}

class Import903Test : public ::testing::Test {
 protected:
  void SetUp() override { council_.LoadText(testing::Council()); }
  Return903 Export(store::Store& s, int year) {
    auto r = Export903(s, year);
    EXPECT_TRUE(r) << r.error().ToString();
    return r ? *r : Return903{};
  }
  TempStore council_;
};

TEST_F(Import903Test, RoundTripIsByteIdentical) {
  const Return903 first = Export(*council_, 2026);
  TempStore empty;
  ImportReport rep = Import(*empty, 2026, Files(first));
  ASSERT_TRUE(rep.problems.empty()) << Problems(rep);
  EXPECT_EQ(rep.children_added, 5);  // C1-C4 and C1's child
  ExpectSame(first, Export(*empty, 2026));
}

TEST_F(Import903Test, LoadingTheSameReturnTwiceChangesNothing) {
  const Return903 first = Export(*council_, 2026);
  TempStore s;
  ASSERT_TRUE(Import(*s, 2026, Files(first)).problems.empty());
  ImportReport again = Import(*s, 2026, Files(first));
  ASSERT_TRUE(again.problems.empty()) << Problems(again);
  EXPECT_EQ(again.records_written, 0);
  EXPECT_EQ(again.children_updated, 0);
  ExpectSame(first, Export(*s, 2026));
}

TEST_F(Import903Test, SeveralYearsMakeOneHistory) {
  const Return903 y2024 = Export(*council_, 2024), y2025 = Export(*council_, 2025),
                  y2026 = Export(*council_, 2026);
  TempStore s;
  for (const Return903* r : {&y2024, &y2025, &y2026}) {
    ImportReport rep = Import(*s, r->year, Files(*r));
    ASSERT_TRUE(rep.problems.empty()) << r->year << "\n" << Problems(rep);
  }
  ExpectSame(y2024, Export(*s, 2024));
  ExpectSame(y2025, Export(*s, 2025));
  ExpectSame(y2026, Export(*s, 2026));
  // C1's care is one period from 2023: the 2024 return held its first episode (RNE S).
  auto periods = s->Count(model::Kind::kClaPeriod);
  ASSERT_TRUE(periods);
  EXPECT_EQ(*periods, 5);  // one for each of C1 to C5
}

TEST_F(Import903Test, YearsInReverseOrderKeepWhatTheLaterYearKnew) {
  const Return903 y2025 = Export(*council_, 2025), y2026 = Export(*council_, 2026);
  TempStore s;
  ASSERT_TRUE(Import(*s, 2026, Files(y2026)).problems.empty());
  ImportReport rep = Import(*s, 2025, Files(y2025));
  ASSERT_TRUE(rep.problems.empty()) << Problems(rep);
  ExpectSame(y2025, Export(*s, 2025));
  ExpectSame(y2026, Export(*s, 2026));
}

}  // namespace
}  // namespace journey::returns
