#include "base/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace journey {
namespace {

using Fields = std::vector<std::string>;

CsvTable MustParse(std::string_view text) {
  Result<CsvTable> t = ParseCsv(text, "test.csv");
  EXPECT_TRUE(t.has_value()) << t.error().ToString();
  return t.has_value() ? *t : CsvTable{};
}

std::string MustFail(std::string_view text) {
  Result<CsvTable> t = ParseCsv(text, "test.csv");
  EXPECT_FALSE(t.has_value());
  if (t.has_value()) return "";
  EXPECT_EQ(t.error().code(), StatusCode::kInvalidArgument);
  return t.error().message();
}

TEST(CsvTest, SimpleTable) {
  const CsvTable t = MustParse("date,name\n2024-01-01,New Year's Day\n2024-03-29,Good Friday\n");
  EXPECT_EQ(t.header, (Fields{"date", "name"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].fields, (Fields{"2024-01-01", "New Year's Day"}));
  EXPECT_EQ(t.rows[1].line, 3);
  EXPECT_EQ(t.rows[1].fields, (Fields{"2024-03-29", "Good Friday"}));
  EXPECT_EQ(t.ColumnIndex("date"), 0);
  EXPECT_EQ(t.ColumnIndex("name"), 1);
  EXPECT_EQ(t.ColumnIndex("Name"), -1);
  EXPECT_EQ(t.ColumnIndex(""), -1);
}

TEST(CsvTest, NoFinalNewlineAndTrailingBlankLines) {
  EXPECT_EQ(MustParse("a,b\n1,2").rows.size(), 1u);
  EXPECT_EQ(MustParse("a,b\n1,2\n").rows.size(), 1u);
  EXPECT_EQ(MustParse("a,b\n1,2\n\n").rows.size(), 1u);
  EXPECT_EQ(MustParse("a,b\r\n1,2\r\n\r\n").rows.size(), 1u);
  const CsvTable header_only = MustParse("a,b\n");
  EXPECT_EQ(header_only.header, (Fields{"a", "b"}));
  EXPECT_TRUE(header_only.rows.empty());
}

TEST(CsvTest, EmptyFields) {
  const CsvTable t = MustParse("a,b,c\n,,\n1,,3\n\"\",x,\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"", "", ""}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(t.rows[2].fields, (Fields{"", "x", ""}));
}

TEST(CsvTest, QuotedFieldsWithCommasAndQuotes) {
  const CsvTable t = MustParse(
      "id,text\n1,\"Smith, Jo\"\n2,\"She said \"\"no\"\"\"\n3,\"\"\"\"\n4,\" spaced \"\n");
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].fields[1], "Smith, Jo");
  EXPECT_EQ(t.rows[1].fields[1], "She said \"no\"");
  EXPECT_EQ(t.rows[2].fields[1], "\"");
  EXPECT_EQ(t.rows[3].fields[1], " spaced ");
}

TEST(CsvTest, EmbeddedNewlinesKeepLineNumbers) {
  const CsvTable t = MustParse("id,note\n1,\"first line\nsecond line\"\n2,\"a\r\nb\r\nc\"\n3,x\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].fields[1], "first line\nsecond line");
  EXPECT_EQ(t.rows[1].line, 4);
  EXPECT_EQ(t.rows[1].fields[1], "a\r\nb\r\nc");
  EXPECT_EQ(t.rows[2].line, 7);
  EXPECT_EQ(t.rows[2].fields, (Fields{"3", "x"}));
}

TEST(CsvTest, CrLfLineEndings) {
  const CsvTable t = MustParse("a,b\r\n1,2\r\n3,\"4\"\r\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.header, (Fields{"a", "b"}));
  EXPECT_EQ(t.rows[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"3", "4"}));
  EXPECT_EQ(t.rows[1].line, 3);
}

TEST(CsvTest, Utf8ByteOrderMarkIsSkipped) {
  const CsvTable t = MustParse(
      "\xEF\xBB\xBF"
      "date,name\n2024-01-01,New Year\n");
  EXPECT_EQ(t.header, (Fields{"date", "name"}));
  EXPECT_EQ(t.ColumnIndex("date"), 0);
  // UTF-8 text in fields is passed through unchanged.
  const CsvTable u = MustParse("name\nZo\xC3\xAB\n");
  EXPECT_EQ(u.rows[0].fields[0], "Zo\xC3\xAB");
}

TEST(CsvTest, Utf16IsRefused) {
  const std::string le(
      "\xFF\xFE"
      "d\0a\0",
      6);
  EXPECT_EQ(MustFail(le),
            "test.csv is UTF-16 encoded; Journey reads UTF-8 CSV only: save it as \"CSV UTF-8 "
            "(comma delimited)\" and try again");
  const std::string be("\xFE\xFF\0d\0a", 6);
  EXPECT_NE(MustFail(be).find("UTF-16"), std::string::npos);
  const std::string no_bom("d\0a\0t\0e\0\n\0", 10);
  EXPECT_EQ(MustFail(no_bom),
            "test.csv line 1 contains a NUL byte, so the file is UTF-16 or not text; Journey "
            "reads UTF-8 CSV only: save it as \"CSV UTF-8 (comma delimited)\" and try again");
  const std::string nul_later("a\n1\n2\0\n", 7);
  EXPECT_NE(MustFail(nul_later).find("test.csv line 3 "), std::string::npos);
}

TEST(CsvTest, EmptyFileIsRefused) {
  EXPECT_EQ(MustFail(""), "test.csv is empty: expected a header line naming the columns");
  EXPECT_EQ(MustFail("\n\r\n"), "test.csv is empty: expected a header line naming the columns");
  EXPECT_EQ(MustFail("\xEF\xBB\xBF"),
            "test.csv is empty: expected a header line naming the columns");
}

TEST(CsvTest, RaggedRowIsRefused) {
  EXPECT_EQ(MustFail("a,b\n1,2\n1,2,3\n"),
            "test.csv line 3: found 3 fields, expected 2 (one for each column of the header)");
  EXPECT_EQ(MustFail("a,b\n1\n"),
            "test.csv line 2: found 1 fields, expected 2 (one for each column of the header)");
  // A blank line in the middle is a record with one empty field.
  EXPECT_EQ(MustFail("a,b\n1,2\n\n3,4\n"),
            "test.csv line 3: found 1 fields, expected 2 (one for each column of the header)");
  // The line named is where the record starts, after embedded newlines.
  EXPECT_EQ(MustFail("a,b\n\"x\ny\",2\n1,2,3\n"),
            "test.csv line 4: found 3 fields, expected 2 (one for each column of the header)");
}

TEST(CsvTest, UnterminatedQuoteIsRefused) {
  EXPECT_EQ(MustFail("a,b\n1,\"open\n2,3\n"),
            "test.csv line 2, field 2: the quote that opens this field is never closed; end the "
            "field with a quote, and double any quote inside it (\"\")");
  EXPECT_NE(MustFail("a,b\n1,\"x\"\"\n").find("never closed"), std::string::npos);
}

TEST(CsvTest, StrayQuotesAreRefused) {
  EXPECT_EQ(MustFail("a,b\n1,ab\"c\n"),
            "test.csv line 2, field 2: a quote inside an unquoted field; put the whole field in "
            "quotes and double the quote (\"\")");
  EXPECT_EQ(MustFail("a,b\n\"x\"y,2\n"),
            "test.csv line 2, field 1: text after the closing quote of a quoted field; put the "
            "whole field in quotes and double any quote inside it (\"\")");
}

TEST(CsvTest, EscapeQuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("plain"), "plain");
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvEscape(" spaced "), " spaced ");
  EXPECT_EQ(CsvEscape("Smith, Jo"), "\"Smith, Jo\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvEscape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvEscape("cr\r"), "\"cr\r\"");
}

TEST(CsvTest, LinesRoundTrip) {
  EXPECT_EQ(CsvLine({"a", "b,c", ""}), "a,\"b,c\",\n");
  EXPECT_EQ(CsvLine({}), "\n");
  EXPECT_EQ(CsvLine({""}), "\"\"\n");
  const std::vector<Fields> rows = {
      {"id", "text", "empty"},          {"1", "Smith, Jo", ""}, {"2", "She said \"no\"", "x"},
      {"3", "multi\nline\r\ntext", ""}, {"4", "\"", ","},
  };
  std::string text;
  for (const Fields& r : rows) text += CsvLine(r);
  const CsvTable t = MustParse(text);
  EXPECT_EQ(t.header, rows[0]);
  ASSERT_EQ(t.rows.size(), rows.size() - 1);
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(t.rows[i - 1].fields, rows[i]);
  // A one-column table with an empty value survives the round trip.
  const CsvTable one = MustParse(CsvLine({"only"}) + CsvLine({""}) + CsvLine({"x"}));
  ASSERT_EQ(one.rows.size(), 2u);
  EXPECT_EQ(one.rows[0].fields, (Fields{""}));
}

TEST(CsvTest, LargeInput) {
  std::string text = "a,b,c\n";
  for (int i = 0; i < 100000; ++i) {
    text += std::to_string(i) + ",\"x, " + std::to_string(i) + "\",plain\n";
  }
  const CsvTable t = MustParse(text);
  ASSERT_EQ(t.rows.size(), 100000u);
  EXPECT_EQ(t.rows[99999].fields[1], "x, 99999");
  EXPECT_EQ(t.rows[99999].line, 100001);
}

}  // namespace
}  // namespace journey

namespace journey {
namespace {
// Found by the fuzzer: a file with its byte-order mark written twice.
TEST(CsvFuzzFindings, RepeatedByteOrderMarkIsSkipped) {
  auto t = ParseCsv("\xEF\xBB\xBF\xEF\xBB\xBF" "CHILD,DOB\nC1,01/01/2020\n", "twice.csv");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->header[0], "CHILD");
}
}  // namespace
}  // namespace journey
