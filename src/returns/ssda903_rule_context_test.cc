// RuleContext's children, found once for every rule: each row's child, a child's rows in
// each table in file order, the episodes in DECOM order (unreadable and blank DECOMs last,
// in file order), the Header's first readable DOB, and lookups by CHILD in last year's
// return. Rows of one child are interleaved with others' on purpose.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::ReadTables;
using testing::Row;
using testing::TableRows;

std::vector<size_t> Of(std::span<const size_t> s) { return {s.begin(), s.end()}; }

Row Ep(std::string child, std::string decom) {
  return {{"CHILD", child}, {"DECOM", decom}, {"RNE", "S"}, {"LS", "C2"}};
}

TEST(RuleContext903, ChildrenFoundOnce) {
  const Read903 read = ReadTables(
      {{"Header",
        {{{"CHILD", "A"}, {"DOB", "31/02/2010"}},  // unreadable: the next row's DOB counts
         {{"CHILD", "B"}, {"DOB", "29/02/2012"}},
         {{"CHILD", "A"}, {"DOB", "01/03/2010"}}}},
       {"Episodes",
        {Ep("B", "01/06/2025"), Ep("A", "10/10/2024"), Ep("B", "01/05/2025"), Ep("A", "bad"),
         Ep("A", "01/01/2024"), Ep("A", ""), Ep("B", "01/05/2025")}},
       {"Reviews", {{{"CHILD", "C"}, {"REVIEW", "01/05/2025"}}}}},
      2026);
  ASSERT_TRUE(read.problems.empty()) << read.problems[0].ToString();
  RuleContext ctx(2026, read);
  const ReadTable& header = *ctx.Table("Header");
  const ReadTable& eps = *ctx.Table("Episodes");
  const ReadTable& reviews = *ctx.Table("Reviews");

  // C is only in Reviews, and still a child of the return.
  ASSERT_EQ(ctx.Children().size(), 3u);
  const Child903& a = ctx.ChildOf(header, 0);
  const Child903& b = ctx.ChildOf(header, 1);
  const Child903& c = ctx.ChildOf(reviews, 0);
  EXPECT_EQ(*a.id, "A");
  EXPECT_EQ(*b.id, "B");
  EXPECT_EQ(*c.id, "C");
  EXPECT_EQ(&ctx.ChildOf(eps, 3), &a);
  EXPECT_EQ(&ctx.ChildOf(header, 2), &a);

  EXPECT_EQ(a.dob, Date::FromYmd(2010, 3, 1));
  EXPECT_EQ(b.dob, Date::FromYmd(2012, 2, 29));
  EXPECT_FALSE(c.dob);

  // File order within a table; DECOM order for the episodes, ties in file order, unreadable
  // and blank DECOMs last in file order.
  EXPECT_EQ(Of(ctx.RowsOf(header, a)), (std::vector<size_t>{0, 2}));
  EXPECT_EQ(Of(ctx.RowsOf(eps, a)), (std::vector<size_t>{1, 3, 4, 5}));
  EXPECT_EQ(Of(a.episodes), (std::vector<size_t>{4, 1, 3, 5}));
  EXPECT_EQ(Of(b.episodes), (std::vector<size_t>{2, 6, 0}));
  EXPECT_EQ(Of(a.dated), (std::vector<size_t>{4, 1}));  // readable DECOMs only
  EXPECT_EQ(Of(b.dated), (std::vector<size_t>{2, 6, 0}));
  EXPECT_TRUE(c.episodes.empty());
  EXPECT_TRUE(ctx.RowsOf(eps, c).empty());
  EXPECT_EQ(Of(ctx.RowsOf(reviews, c)), (std::vector<size_t>{0}));

  // A table's children in the order first seen in it.
  std::vector<std::string> order;
  for (const Child903* child : ctx.ChildrenOf(eps)) order.push_back(*child->id);
  EXPECT_EQ(order, (std::vector<std::string>{"B", "A"}));

  // By CHILD, in this year's tables.
  EXPECT_EQ(Of(ctx.ChildRows(eps, "B")), (std::vector<size_t>{0, 2, 6}));
  EXPECT_TRUE(ctx.ChildRows(eps, "Z").empty());
}

TEST(RuleContext903, LastYearsRowsByChild) {
  const Read903 now = ReadTables({{"Episodes", {Ep("A", "01/05/2025")}}}, 2026);
  const Read903 last =
      ReadTables({{"Episodes", {Ep("X", "01/05/2024"), Ep("A", "01/06/2024"), Ep("A", "")}}}, 2025);
  RuleContext ctx(2026, now, &last);
  const ReadTable& before = *ctx.PreviousTable("Episodes");
  EXPECT_EQ(Of(ctx.ChildRows(before, "A")), (std::vector<size_t>{1, 2}));
  EXPECT_EQ(Of(ctx.ChildRows(before, "X")), (std::vector<size_t>{0}));
  // X is last year's only: not a child of this year's return.
  EXPECT_EQ(ctx.Children().size(), 1u);
  EXPECT_EQ(ctx.DateAt(before, 1, "DECOM"), Date::FromYmd(2024, 6, 1));
  EXPECT_FALSE(ctx.DateAt(before, 2, "DECOM"));
}

}  // namespace
}  // namespace journey::returns
