#include "model/journey_text.h"

#include <gtest/gtest.h>

namespace journey::model {
namespace {

TEST(JourneyText, ParsesRecordsByKind) {
  auto j = ParseJourneyText(
      "# a child referred and assessed\n"
      "worker 7 name=\"Ann \"\"Nan\"\" Example\" role=SW start_date=2020-01-06 agency=no\n"
      "person 1 la_child_id=C1 birth_date=02/03/2015 sex=F\n"
      "referral 1 child=1 referral_date=2024-01-05 source=2A worker_id=7 nfa=false\r\n"
      "\n"
      "contact 3 child=1 contact_at=2024-01-04T09:30   # trailing comment\n",
      "j.txt");
  ASSERT_TRUE(j) << j.error().ToString();
  ASSERT_EQ(j->organisation.size(), 1u);
  EXPECT_EQ(j->organisation[0].GetString("name"), "Ann \"Nan\" Example");
  EXPECT_EQ(j->organisation[0].GetBool("agency"), false);
  const ChildRecords& c = j->children.at(1);
  EXPECT_EQ(c.of(Kind::kPerson).at(0).GetDate("birth_date"), Date::FromYmd(2015, 3, 2));
  EXPECT_EQ(c.of(Kind::kPerson).at(0).child_id, 1);
  EXPECT_EQ(c.of(Kind::kReferral).at(0).GetInt("worker_id"), 7);
  EXPECT_EQ(c.of(Kind::kContact).at(0).Get("contact_at"),
            Value{DateTime::FromDateAndMinutes(Date::FromYmd(2024, 1, 4), 570)});
  EXPECT_TRUE(ValidateChild(c).ok());
}

TEST(JourneyText, ErrorsNameLineFieldAndValue) {
  auto bad = [](std::string_view text) {
    auto j = ParseJourneyText(text, "golden.txt");
    EXPECT_FALSE(j);
    return j ? std::string() : j.error().message();
  };
  EXPECT_EQ(bad("person 1\nreferal 2 child=1\n"),
            "golden.txt line 2: \"referal\" is not a kind of record");
  EXPECT_EQ(bad("referral 2 child=1 referral_date=2023-02-29\n"),
            "golden.txt line 1: field referral_date: date \"2023-02-29\" is not a real date: "
            "2023 is not a leap year, so February has 28 days (expected YYYY-MM-DD)");
  EXPECT_EQ(bad("referral 2 child=1 colour=red\n"),
            "golden.txt line 1: referral has no field \"colour\"");
  EXPECT_EQ(bad("referral 2 referral_date=2024-01-01\n"),
            "golden.txt line 1: a referral belongs to a child: add child=N");
  EXPECT_EQ(bad("referral x child=1\n"),
            "golden.txt line 1: id \"x\" must be a whole number above 0");
  EXPECT_EQ(bad("visit 1 child=1 seen=maybe\n"),
            "golden.txt line 1: field seen: \"maybe\" is not true or false (also yes/no, Y/N, "
            "1/0)");
  EXPECT_EQ(bad("person 1 first_name=\"open\n"), "golden.txt line 1: a quoted value is not closed");
  EXPECT_EQ(bad("person 1\nperson 1\n"), "golden.txt line 2: person 1 appears twice");
}

}  // namespace
}  // namespace journey::model
