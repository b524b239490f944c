// The CIN census XML: what we write is valid against our XSD and reads back the same; bad
// files are refused with the file, the line and what is wrong.
#include <gtest/gtest.h>

#include "returns/cin_test_util.h"
#include "returns/cin_xsd.h"

namespace journey::returns {
namespace {

using testing::FullMessage;

std::string FirstProblem(const std::string& text) {
  CinRead r = ReadCinXml(InputFile{"bad.xml", text});
  return r.problems.empty() ? std::string() : r.problems.front().ToString();
}

TEST(CinXml, WrittenMessageIsValidAgainstTheXsdAndReadsBackTheSame) {
  for (int year : {2024, 2026}) {
    const std::string xml = CinXml(FullMessage(year), year);
    for (const std::string& e : CheckCinXsd(xml)) ADD_FAILURE() << year << ": " << e;
    CinRead r = ReadCinXml(InputFile{"cin.xml", xml});
    ASSERT_TRUE(r.ok()) << r.problems.front().ToString();
    EXPECT_EQ(CinXml(r.message, year), xml);
    EXPECT_EQ(r.message.children[0].details[0].assessments[0].factors.size(), 2u);
    EXPECT_GT(r.message.children[0].details[0].line, 1);
  }
}

TEST(CinXml, XsdRefusesWhatTheSpecificationDoesNot) {
  std::string xml = CinXml(FullMessage(), 2026);
  EXPECT_TRUE(CheckCinXsd(xml).empty());
  // A date that is not real, elements out of order, and a missing required element.
  std::string bad = xml;
  bad.replace(bad.find("2025-05-01"), 10, "2025-02-31");
  EXPECT_FALSE(CheckCinXsd(bad).empty());
  bad = xml;
  bad.replace(bad.find("<ReferralNFA>false</ReferralNFA>"), 32, "");
  auto errors = CheckCinXsd(bad);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("line "), std::string::npos) << errors[0];
}

TEST(CinXml, XsdCheckNeverExpandsEntities) {
  const std::string bomb =
      "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
      "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]><Message>&h;</Message>";
  EXPECT_FALSE(CheckCinXsd(bomb).empty());  // invalid, and returns at once
  EXPECT_NE(FirstProblem(bomb).find("DOCTYPE"), std::string::npos) << FirstProblem(bomb);
}

TEST(CinXml, BadFilesAreProblemsNamingFileAndLine) {
  const std::string xml = CinXml(FullMessage(), 2026);
  // Truncated.
  std::string p = FirstProblem(xml.substr(0, xml.size() / 2));
  EXPECT_NE(p.find("bad.xml line "), std::string::npos) << p;
  EXPECT_NE(p.find("not well-formed"), std::string::npos) << p;
  // Wrong root.
  p = FirstProblem("<?xml version=\"1.0\"?>\n<EXPSSDA903><CHILD/></EXPSSDA903>\n");
  EXPECT_NE(p.find("root element is <EXPSSDA903>"), std::string::npos) << p;
  // UTF-16.
  std::string utf16 = "\xFF\xFE<";
  utf16.push_back('\0');
  p = FirstProblem(utf16);
  EXPECT_NE(p.find("UTF-16"), std::string::npos) << p;
  // An element the census does not have, at its line.
  std::string extra = xml;
  extra.insert(extra.find("<ReferralSource>"), "<Favourite>x</Favourite>");
  p = FirstProblem(extra);
  EXPECT_NE(p.find("Favourite is not an element of CINdetails; allowed: CINreferralDate"),
            std::string::npos)
      << p;
  EXPECT_EQ(p.find("line 0"), std::string::npos) << p;
  // Empty file.
  EXPECT_FALSE(FirstProblem("").empty());
}

}  // namespace
}  // namespace journey::returns
