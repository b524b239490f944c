// The DoLo table (deprivation of liberty orders, from 2026/27): exported from the
// deprivation_of_liberty kind, read back into it, byte-identical on a second export.
#include <gtest/gtest.h>

#include "returns/ssda903_import.h"
#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

using testing::TempStore;

std::vector<InputFile> Files(const Return903& r) {
  std::vector<InputFile> out;
  for (const Table903& t : r.tables) out.push_back({t.spec->name + ".csv", TableCsv(t)});
  return out;
}

// C1 (child 1) is looked after through 2026/27; one order ended in the year, one continues
// past 31 March 2027, one ended before the year.
const char kOrders[] =
    "deprivation_of_liberty 1 child=1 start_date=2026-05-01 end_date=2026-08-31 "
    "made_by=\"High Court\"\n"
    "deprivation_of_liberty 2 child=1 start_date=2027-01-10 end_date=2027-06-30\n"
    "deprivation_of_liberty 3 child=1 start_date=2025-01-10 end_date=2025-03-01\n";

TEST(DoLo903, ExportedFromTheRecordAndReadBack) {
  TempStore council;
  council.LoadText(testing::Council() + kOrders);
  auto first = Export903(*council, 2027);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_EQ(testing::Csv(*first, "DoLo"),
            "CHILD,DOB,DOLO_START,DOLO_END\n"
            "C1,10/05/2010,01/05/2026,31/08/2026\n"
            "C1,10/05/2010,10/01/2027,\n");
  // Not collected before 2026/27.
  auto earlier = Export903(*council, 2026);
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->Find("DoLo"), nullptr);

  TempStore empty;
  auto rep = Import903(*empty, 2027, Files(*first), store::Actor{"test", "", ""});
  ASSERT_TRUE(rep) << rep.error().ToString();
  ASSERT_TRUE(rep->problems.empty()) << rep->problems[0].ToString();
  auto again = Export903(*empty, 2027);
  ASSERT_TRUE(again);
  EXPECT_EQ(testing::Csv(*again, "DoLo"), testing::Csv(*first, "DoLo"));
}

TEST(DoLo903, AnOrderEndingBeforeItBeganIsRefused) {
  TempStore council;
  council.LoadText(testing::Council());
  auto first = Export903(*council, 2027);
  ASSERT_TRUE(first);
  std::vector<InputFile> files = Files(*first);
  for (InputFile& f : files)
    if (f.name == "DoLo.csv") f.text += "C1,10/05/2010,01/05/2026,30/04/2026\n";
  TempStore empty;
  auto rep = Import903(*empty, 2027, files, store::Actor{"test", "", ""});
  ASSERT_TRUE(rep);
  ASSERT_EQ(rep->problems.size(), 1u);
  EXPECT_NE(rep->problems[0].ToString().find("DoLo.csv line 2, column DOLO_END"), std::string::npos)
      << rep->problems[0].ToString();
  EXPECT_EQ(rep->records_written, 0);
}

}  // namespace
}  // namespace journey::returns
