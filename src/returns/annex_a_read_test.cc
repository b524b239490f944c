// Reading Annex A workbooks: the round trip of our own export, another writer's shapes
// (shared strings, text dates, other header spellings), and bad files: each a clear
// message naming file, sheet, row, column and value.
#include "returns/annex_a_read.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "returns/ssda903_test_util.h"
#include "returns/xlsx_write.h"

namespace journey::returns {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("annex_a_read_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string Problems(const AnnexARead& r) {
  std::string s;
  for (const AnnexAProblem& p : r.problems) s += p.ToString() + "\n";
  return s;
}

class AnnexAReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.LoadText(testing::Council());
    auto a = ExportAnnexA(*store_, Date::FromYmd(2026, 3, 31));
    ASSERT_TRUE(a) << a.error().ToString();
    lists_ = std::move(*a);
    path_ = TempPath("Annex_A.xlsx");
    ASSERT_TRUE(WriteAnnexAXlsx(lists_, path_).ok());
    book_ = testing::ReadText(path_);
  }
  void TearDown() override { std::filesystem::remove(path_); }
  testing::TempStore store_;
  AnnexA lists_;
  std::string path_, book_;
};

TEST_F(AnnexAReadTest, OurWorkbookReadsBackAsTheSameLists) {
  AnnexARead r = ReadAnnexAWorkbook(book_, "Annex_A.xlsx");
  EXPECT_EQ(Problems(r), "");
  EXPECT_EQ(r.found.size(), 11u);
  size_t rows = 0;
  for (size_t i = 0; i < 11; ++i) {
    EXPECT_EQ(AnnexACsv(r.lists.lists[i]), AnnexACsv(lists_.lists[i])) << "List " << i + 1;
    rows += r.lists.lists[i].rows.size();
  }
  EXPECT_GT(rows, 0u);
}

TEST_F(AnnexAReadTest, NotAZipATruncatedZipAndAZipThatIsNotAWorkbook) {
  EXPECT_NE(Problems(ReadAnnexAWorkbook("Child Unique ID,Gender\n", "lists.xlsx"))
                .find("lists.xlsx: not a workbook: an .xlsx file is a zip archive"),
            std::string::npos);
  const std::string cut = book_.substr(0, book_.size() / 2);
  EXPECT_NE(Problems(ReadAnnexAWorkbook(cut, "cut.xlsx")).find("cut.xlsx: not a workbook"),
            std::string::npos)
      << Problems(ReadAnnexAWorkbook(cut, "cut.xlsx"));
  // The same zip with its workbook part renamed (names are outside the checksums).
  std::string other = book_;
  for (size_t at = other.find("xl/workbook.xml"); at != std::string::npos;
       at = other.find("xl/workbook.xml", at))
    other.replace(at, 15, "xl/workbooq.xml");
  EXPECT_NE(Problems(ReadAnnexAWorkbook(other, "other.zip"))
                .find("other.zip: not a workbook: a zip archive without xl/workbook.xml"),
            std::string::npos)
      << Problems(ReadAnnexAWorkbook(other, "other.zip"));
}

TEST_F(AnnexAReadTest, APartExpandingPastTheLimitIsRefusedAsAZipBomb) {
  XlsxLimits tight;
  tight.max_part_bytes = 2000;  // our sheets are larger than this once expanded
  AnnexARead r = ReadAnnexAWorkbook(book_, "big.xlsx", AnnexASpec::Default(), tight);
  EXPECT_NE(Problems(r).find("refused as a possible zip bomb"), std::string::npos) << Problems(r);
  EXPECT_TRUE(r.found.empty());
}

// A workbook as another writer makes it: strings shared, dates as text, a header spelt
// the sample workbook's way, one sheet with wrong headers.
TEST(AnnexAReadOther, SharedStringsTextDatesAndEveryProblemNamed) {
  const std::string path = TempPath("other.xlsx");
  {
    auto w = XlsxWriter::Create(path, Date::FromYmd(2026, 1, 1), /*streaming=*/false);
    ASSERT_TRUE(w);
    ASSERT_TRUE(
        (*w)->AddSheet("Contacts", {"Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
                                    "Age", "Date of Contact", "Contact Source"})
            .ok());
    (*w)->Text(0, "C1"), (*w)->Text(1, "a) Male"), (*w)->Text(2, "s) NOBT");
    (*w)->Text(3, "01/02/2015"), (*w)->Number(4, 11), (*w)->Day(5, Date::FromYmd(2025, 12, 1));
    (*w)->Text(6, "q) 6: Police");
    (*w)->EndRow();
    (*w)->Text(0, "C2"), (*w)->Text(1, "Male"), (*w)->Text(2, "a) WBRI");
    (*w)->Text(3, "31/02/2025"), (*w)->Text(4, "ten"), (*w)->Number(5, 46000);
    (*w)->Text(6, "q) 6: Police");
    (*w)->EndRow();
    ASSERT_TRUE((*w)->AddSheet("List 3", {"Child Unique ID", "Gender", "Referral Sauce"}).ok());
    ASSERT_TRUE((*w)->AddSheet("Notes", {"Read me first"}).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  AnnexARead r = ReadAnnexAWorkbook(testing::ReadText(path), "other.xlsx");
  std::filesystem::remove(path);
  const std::string p = Problems(r);
  EXPECT_NE(p.find("other.xlsx, sheet \"Contacts\" row 3, column \"Gender\", value \"Male\": not "
                   "a label of this column; allowed: a) Male, b) Female, c) Not stated/recorded"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("row 3, column \"Date of Birth\", value \"31/02/2025\": not a real date"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("row 3, column \"Age of Child (Years)\", value \"ten\": not a whole number"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("sheet \"List 3\" row 1: the headers are not those of any Annex A list; the "
                   "closest is List "),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("not List"), std::string::npos) << p;  // names "Referral Sauce"
  EXPECT_EQ(r.problems.size(), 4u) << p;
  // Row 2 was read: "s) NOBT" (liia's spelling) becomes the label we write; the text date
  // and the date cell are both dates; the date serial 46000 is 09/12/2025.
  ASSERT_EQ(r.found, std::vector<int>{1});
  const std::string csv = AnnexACsv(r.lists.lists[0]);
  EXPECT_NE(csv.find("C1,a) Male,t) NOBT,01/02/2015,11,01/12/2025,q) 6: Police\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("C2,,a) WBRI,,,09/12/2025,q) 6: Police\n"), std::string::npos) << csv;
  EXPECT_FALSE(r.notes.empty());  // the Notes sheet, skipped
}

TEST(AnnexAReadOther, ExcelSerialsAtTheirBoundaries) {
  EXPECT_EQ(FromExcelSerial(61), Date::FromYmd(1900, 3, 1));
  EXPECT_EQ(FromExcelSerial(60), std::nullopt);  // Excel's phantom 29/02/1900
  EXPECT_EQ(FromExcelSerial(45658), Date::FromYmd(2025, 1, 1));
  EXPECT_EQ(FromExcelSerial(45658.99), Date::FromYmd(2025, 1, 1));  // a time of day dropped
  EXPECT_EQ(FromExcelSerial(45716), Date::FromYmd(2025, 2, 28));
  EXPECT_EQ(FromExcelSerial(45717), Date::FromYmd(2025, 3, 1));
  EXPECT_EQ(FromExcelSerial(2958465), Date::FromYmd(9999, 12, 31));
  EXPECT_EQ(FromExcelSerial(2958466), std::nullopt);
}

}  // namespace
}  // namespace journey::returns

namespace journey::returns {
namespace {

// Another writer's shapes in one file (the fuzz seed, written by Python's zipfile): a
// shared string of rich-text runs, inline strings, a custom date format, no styles on
// whole numbers.
TEST(AnnexAReadOther, RichTextInlineStringsAndCustomDateFormats) {
  for (const char* f : {"stored.xlsx", "deflated.xlsx"}) {
    const std::string bytes =
        testing::ReadText(std::string(JOURNEY_SOURCE_DIR) + "/fuzz/corpus/xlsx/" + f);
    AnnexARead r = ReadAnnexAWorkbook(bytes, f);
    EXPECT_EQ(Problems(r), "") << f;
    EXPECT_EQ(AnnexACsv(r.lists.lists[0]),
              "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of "
              "Contact,Contact Source\n"
              "C1,a) Male,a) WBRI,01/03/2015,11,01/12/2025,q) 6: Police\n")
        << f;
  }
}

}  // namespace
}  // namespace journey::returns
