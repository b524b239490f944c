// The SSDA903 XML form: a return written as XML reads back as the same tables, loads through
// the same all-or-nothing import as the CSVs, and bad XML is refused naming the element.
#include "returns/ssda903_xml.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "returns/ssda903_import.h"
#include "returns/ssda903_test_util.h"

namespace journey::returns {
namespace {

using testing::TempStore;

// A table's rows as CSV with the rows sorted: the XML groups rows by child, the CSV by table.
std::string Sorted(const TableSpec* spec, std::vector<std::vector<std::string>> rows) {
  std::sort(rows.begin(), rows.end());
  return TableCsv(Table903{spec, std::move(rows)});
}

std::string Problems(const std::vector<Problem>& ps) {
  std::string out;
  for (const Problem& p : ps) out += p.ToString() + "\n";
  return out;
}

class Xml903Test : public ::testing::Test {
 protected:
  void SetUp() override {
    council_.LoadText(testing::Council());
    auto r = Export903(*council_, 2026);
    ASSERT_TRUE(r) << r.error().ToString();
    ret_ = *r;
  }
  TempStore council_;
  Return903 ret_;
};

TEST_F(Xml903Test, ReadsBackAsTheSameTables) {
  std::vector<std::string> notes;
  const std::string xml = Xml903(ret_, &notes);
  EXPECT_TRUE(LooksLikeXml(xml));
  Read903 read = ReadFiles({{"903.xml", xml}}, 2026);
  ASSERT_TRUE(read.problems.empty()) << Problems(read.problems);
  size_t compared = 0;
  for (const Table903& t : ret_.tables) {
    auto it = std::find_if(read.tables.begin(), read.tables.end(),
                           [&](const ReadTable& r) { return r.spec == t.spec; });
    if (t.spec->name == "SWEpisodes" || t.spec->name == "DoLo") {
      EXPECT_EQ(it, read.tables.end()) << t.spec->name << " is not in the XML form";
      continue;
    }
    ASSERT_NE(it, read.tables.end()) << t.spec->name;
    EXPECT_EQ(Sorted(t.spec, t.rows), Sorted(t.spec, it->rows)) << t.spec->name;
    ++compared;
  }
  EXPECT_EQ(compared, 10u);
  // The sample council has social workers on record: the XML cannot carry them, and says so.
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("SWEpisodes"), std::string::npos) << notes[0];
}

TEST_F(Xml903Test, ImportsThroughTheSamePathAndExportsTheSameReturn) {
  TempStore empty;
  auto rep = Import903(*empty, 2026, {{"903.xml", Xml903(ret_)}}, store::Actor{"test", "", ""});
  ASSERT_TRUE(rep) << rep.error().ToString();
  ASSERT_TRUE(rep->problems.empty()) << Problems(rep->problems);
  EXPECT_EQ(rep->children_added, 5);  // C1-C4 and C1's child, as from the CSVs
  auto again = Export903(*empty, 2026);
  ASSERT_TRUE(again) << again.error().ToString();
  for (const Table903& t : ret_.tables) {
    if (t.spec->name == "SWEpisodes") continue;  // not carried by the XML form
    const Table903* u = again->Find(t.spec->name);
    ASSERT_NE(u, nullptr) << t.spec->name;
    EXPECT_EQ(TableCsv(t), TableCsv(*u)) << t.spec->name;
  }
}

TEST_F(Xml903Test, ABadValueNamesTheElementsLineAndNothingIsWritten) {
  std::string xml = Xml903(ret_);
  const size_t at = xml.find("<DECOM>");
  ASSERT_NE(at, std::string::npos);
  xml.replace(xml.find("</DECOM>", at) - 10, 10, "31/02/2025");
  const int line = static_cast<int>(std::count(xml.begin(), xml.begin() + at, '\n'));
  TempStore empty;
  auto rep = Import903(*empty, 2026, {{"903.xml", xml}}, store::Actor{"test", "", ""});
  ASSERT_TRUE(rep);
  ASSERT_FALSE(rep->problems.empty());
  const Problem& p = rep->problems.front();
  EXPECT_EQ(p.file, "903.xml");
  EXPECT_EQ(p.column, "DECOM");
  EXPECT_EQ(p.value, "31/02/2025");
  EXPECT_EQ(p.line, line) << p.ToString();  // the line of the EPISODE that holds it
  EXPECT_EQ(rep->records_written, 0);
}

TEST(Xml903, ShapeProblemsAreLocated) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<EXPSSDA903>\n"
      "  <CHILD>\n"
      "    <HEADER><CHILDID>A1</CHILDID><UASC>2</UASC><FAVOURITE>x</FAVOURITE></HEADER>\n"
      "    <HEADER><CHILDID>A1</CHILDID></HEADER>\n"
      "    <EPISODE><DECOM><B/></DECOM></EPISODE>\n"
      "  </CHILD>\n"
      "  <CHILD><EPISODE/></CHILD>\n"
      "</EXPSSDA903>\n";
  Read903 read = ReadFiles({{"903.xml", xml}}, 2026);
  const std::string all = Problems(read.problems);
  EXPECT_NE(all.find("903.xml line 4, column EXPSSDA903/CHILD/HEADER/UASC, value \"2\""),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("line 4, column EXPSSDA903/CHILD/HEADER/FAVOURITE"), std::string::npos) << all;
  EXPECT_NE(all.find("FAVOURITE is not an element of HEADER; allowed: "), std::string::npos);
  EXPECT_NE(all.find("line 5, column EXPSSDA903/CHILD/HEADER"), std::string::npos) << all;
  EXPECT_NE(all.find("line 6, column EXPSSDA903/CHILD/EPISODE/DECOM/B"), std::string::npos) << all;
  EXPECT_NE(all.find("line 8, column EXPSSDA903/CHILD"), std::string::npos) << all;
  EXPECT_NE(all.find("has no HEADER"), std::string::npos) << all;
}

TEST(Xml903, UnsafeOrBrokenFilesAreRefused) {
  for (const auto& [text, says] : std::vector<std::pair<std::string, std::string>>{
           {"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<EXPSSDA903/>",
            "line 2: the file has a DOCTYPE"},
           {"<EXPSSDA903><CHILD>", "not well-formed XML"},
           {"<Message/>", "the root element is <Message>; the SSDA903 XML is a <EXPSSDA903>"},
       }) {
    Read903 read = ReadFiles({{"903.xml", text}}, 2026);
    EXPECT_NE(Problems(read.problems).find(says), std::string::npos) << Problems(read.problems);
    EXPECT_TRUE(read.tables.empty());
  }
}

TEST(Xml903, XmlIsGivenAloneNotMixedWithCsv) {
  Read903 read = ReadFiles({{"903.xml", "<EXPSSDA903/>"}, {"Header.csv", "CHILD\n"}}, 2026);
  ASSERT_EQ(read.problems.size(), 1u) << Problems(read.problems);
  EXPECT_NE(read.problems[0].message.find("one XML file or CSV files"), std::string::npos)
      << read.problems[0].ToString();
  EXPECT_TRUE(read.tables.empty());
}

}  // namespace
}  // namespace journey::returns
