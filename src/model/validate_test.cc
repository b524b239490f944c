#include "model/validate.h"

#include <set>

#include <gtest/gtest.h>

#include "model/codes.h"
#include "model/kinds.h"

namespace journey::model {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

TEST(Kinds, DescriptionsAreConsistent) {
  std::set<std::string_view> names;
  for (const KindDef& d : AllKinds()) {
    EXPECT_TRUE(names.insert(d.name).second) << d.name;
    std::set<std::string_view> fields;
    for (const FieldDef& f : d.fields) {
      EXPECT_TRUE(fields.insert(f.name).second) << d.name << "." << f.name;
      EXPECT_NE(f.name, "id");
      EXPECT_NE(f.name, "child_id");
      if (f.type == FieldType::kCode) {
        EXPECT_NE(CodeLists::Default().Find(f.code_list), nullptr)
            << d.name << "." << f.name << " names a missing code list " << f.code_list;
      }
      if (f.type == FieldType::kRef) EXPECT_LT(f.ref_kind, Kind::kCount) << f.name;
      EXPECT_FALSE(f.doc.empty()) << d.name << "." << f.name;
    }
    if (!d.start_field.empty()) {
      EXPECT_GE(d.start_index, 0);
      auto t = d.field(d.start_index).type;
      EXPECT_TRUE(t == FieldType::kDate || t == FieldType::kDateTime) << d.name;
    }
    EXPECT_EQ(KindByName(d.name), d.kind);
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(kKindCount));
}

TEST(Codes, EveryListIsUsedOrDocumented) {
  std::set<std::string_view> used;
  for (const KindDef& d : AllKinds())
    for (const FieldDef& f : d.fields)
      if (f.type == FieldType::kCode) used.insert(f.code_list);
  for (std::string_view name : CodeLists::Default().Names())
    EXPECT_TRUE(used.count(name)) << "code list " << name << " is used by no field";
}

TEST(Codes, ValidityByCollectionYear) {
  const CodeLists& c = CodeLists::Default();
  // H5 (semi-independent) stopped after 2024/25; K3 began in 2025/26.
  EXPECT_TRUE(c.Check("placement_type", "H5", D("2025-03-31")).ok());
  Status late = c.Check("placement_type", "H5", D("2025-04-01"));
  EXPECT_FALSE(late.ok());
  EXPECT_NE(late.message().find("not valid in collection year 2025/26"), std::string::npos)
      << late.message();
  EXPECT_FALSE(c.Check("placement_type", "K3", D("2025-03-31")).ok());
  EXPECT_TRUE(c.Check("placement_type", "K3", D("2025-04-01")).ok());
  Status bad = c.Check("category_of_abuse", "XYZ", std::nullopt);
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("\"XYZ\""), std::string::npos);
  EXPECT_NE(bad.message().find("NEG, PHY, SAB, EMO, MUL"), std::string::npos) << bad.message();
}

TEST(Codes, BadCsvIsRefusedWithLine) {
  auto r = CodeLists::FromCsv("list,code,label,from_year,to_year\nsex,M,Male,,\nsex,M,Again,,\n",
                              "codes.csv");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("codes.csv line 3"), std::string::npos)
      << r.error().message();
  auto y = CodeLists::FromCsv("list,code,label,from_year,to_year\nsex,M,Male,20x6,\n", "c.csv");
  ASSERT_FALSE(y);
  EXPECT_NE(y.error().message().find("\"20x6\""), std::string::npos);
}

Record Plan(int64_t id, const char* start, const char* end) {
  Record r(Kind::kCpPlan);
  r.id = id;
  r.child_id = 1;
  r.Set("start_date", D(start));
  if (end) r.Set("end_date", D(end));
  r.Set("initial_category", std::string("NEG"));
  return r;
}

TEST(ValidateRecord, RequiredTypeLengthRangeAndOrder) {
  Record p = Plan(5, "2024-01-10", nullptr);
  EXPECT_TRUE(ValidateRecord(p).ok());

  Record missing = p;
  missing.Set("initial_category", std::monostate{});
  Status s = ValidateRecord(missing);
  EXPECT_EQ(s.message(),
            "cp_plan 5 (child 1): field initial_category value \"\": is required and missing");

  Record wrong = p;
  wrong.Set("start_date", std::string("10/01/2024"));
  EXPECT_NE(ValidateRecord(wrong).message().find("must be a date"), std::string::npos);

  Record ends_early = Plan(5, "2024-01-10", "2024-01-09");
  s = ValidateRecord(ends_early);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(),
            "cp_plan 5 (child 1): field end_date value \"2024-01-09\": ends before start_date "
            "2024-01-10: a period cannot end before it starts");
  EXPECT_TRUE(ValidateRecord(Plan(5, "2024-01-10", "2024-01-10")).ok());  // same day is allowed

  Record sdq(Kind::kSdq);
  sdq.id = 1;
  sdq.child_id = 1;
  sdq.Set("sdq_date", D("2024-05-01"));
  sdq.Set("score", int64_t{41});
  EXPECT_NE(ValidateRecord(sdq).message().find("must be from 0 to 40"), std::string::npos);
  sdq.Set("score", int64_t{40});
  EXPECT_TRUE(ValidateRecord(sdq).ok());

  Record person(Kind::kPerson);
  person.id = 1;
  person.Set("la_child_id", std::string(21, 'A'));
  EXPECT_NE(ValidateRecord(person).message().find("longer than 20 characters"),
            std::string::npos);

  Record orphan = p;
  orphan.child_id = 0;
  EXPECT_NE(ValidateRecord(orphan).message().find("child_id is required"), std::string::npos);
}

TEST(ValidateRecord, CodeCheckedInTheRecordsYear) {
  Record pl(Kind::kPlacement);
  pl.id = 1;
  pl.child_id = 1;
  pl.Set("cla_period_id", int64_t{1});
  pl.Set("start_date", D("2025-04-01"));
  pl.Set("placement_type", std::string("H5"));
  Status s = ValidateRecord(pl);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("placement 1 (child 1): field placement_type"), std::string::npos)
      << s.message();
  pl.Set("start_date", D("2025-03-31"));
  EXPECT_TRUE(ValidateRecord(pl).ok());
}

// A child with one period of care and its episodes, built for the rule tests.
struct CareBuilder {
  ChildRecords c;
  CareBuilder() {
    c.child_id = 1;
    Record person(Kind::kPerson);
    person.id = person.child_id = 1;
    person.Set("la_child_id", std::string("C1"));
    c.of(Kind::kPerson).push_back(person);
  }
  Record& Period(int64_t id, const char* start, const char* end) {
    Record r(Kind::kClaPeriod);
    r.id = id;
    r.child_id = 1;
    r.Set("start_date", D(start));
    if (end) r.Set("end_date", D(end));
    c.of(Kind::kClaPeriod).push_back(r);
    return c.of(Kind::kClaPeriod).back();
  }
  Record& Episode(int64_t id, int64_t period, const char* start, const char* end, const char* rne,
                  const char* rec) {
    Record r(Kind::kClaEpisode);
    r.id = id;
    r.child_id = 1;
    r.Set("cla_period_id", period);
    r.Set("start_date", D(start));
    if (end) r.Set("end_date", D(end));
    r.Set("rne", std::string(rne));
    r.Set("legal_status", std::string("C2"));
    if (rec) r.Set("rec", std::string(rec));
    c.of(Kind::kClaEpisode).push_back(r);
    return c.of(Kind::kClaEpisode).back();
  }
};

TEST(ValidateChild, EpisodesThatAbutPass) {
  CareBuilder b;
  b.Period(1, "2023-01-05", "2024-02-01");
  b.Episode(1, 1, "2023-01-05", "2023-06-01", "S", "X1");
  b.Episode(2, 1, "2023-06-01", "2024-02-01", "P", "E4A");
  EXPECT_TRUE(ValidateChild(b.c).ok()) << ValidateChild(b.c).message();
}

TEST(ValidateChild, APeriodThatBeganEarlierMayOpenMidWay) {
  // A return imported from a year when the child was already looked after: the first
  // episode on record continues one before it (RNE P), and the period says so.
  CareBuilder b;
  Record& p = b.Period(1, "2024-02-01", nullptr);
  b.Episode(1, 1, "2024-02-01", nullptr, "P", nullptr);
  EXPECT_NE(ValidateChild(b.c).message().find("must have RNE S"), std::string::npos);
  p.Set("began_earlier", true);
  EXPECT_TRUE(ValidateChild(b.c).ok()) << ValidateChild(b.c).message();
}

TEST(ValidateChild, EpisodeGapIsRefused) {
  CareBuilder b;
  b.Period(1, "2023-01-05", nullptr);
  b.Episode(1, 1, "2023-01-05", "2023-05-31", "S", "X1");
  b.Episode(2, 1, "2023-06-01", nullptr, "P", nullptr);
  Status s = ValidateChild(b.c);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "cla_episode 1 (child 1): field end_date value \"2023-05-31\": must equal the next "
            "episode's start 2023-06-01 (episodes abut without gaps or overlaps) [JR-CLA-2]");
}

TEST(ValidateChild, EpisodeOverlapIsRefused) {
  CareBuilder b;
  b.Period(1, "2023-01-05", nullptr);
  b.Episode(1, 1, "2023-01-05", "2023-06-02", "S", "X1");
  b.Episode(2, 1, "2023-06-01", nullptr, "P", nullptr);
  EXPECT_NE(ValidateChild(b.c).message().find("must equal the next episode's start"),
            std::string::npos);
}

TEST(ValidateChild, EpisodeCodesAndEnds) {
  {
    CareBuilder b;  // first episode not S
    b.Period(1, "2023-01-05", nullptr);
    b.Episode(1, 1, "2023-01-05", nullptr, "P", nullptr);
    EXPECT_NE(ValidateChild(b.c).message().find("must have RNE S"), std::string::npos);
  }
  {
    CareBuilder b;  // a later S
    b.Period(1, "2023-01-05", nullptr);
    b.Episode(1, 1, "2023-01-05", "2023-02-01", "S", "X1");
    b.Episode(2, 1, "2023-02-01", nullptr, "S", nullptr);
    EXPECT_NE(ValidateChild(b.c).message().find("only the first episode"), std::string::npos);
  }
  {
    CareBuilder b;  // followed but not X1
    b.Period(1, "2023-01-05", nullptr);
    b.Episode(1, 1, "2023-01-05", "2023-02-01", "S", "E8");
    b.Episode(2, 1, "2023-02-01", nullptr, "L", nullptr);
    EXPECT_NE(ValidateChild(b.c).message().find("must have REC X1"), std::string::npos);
  }
  {
    CareBuilder b;  // last is X1
    b.Period(1, "2023-01-05", "2023-02-01");
    b.Episode(1, 1, "2023-01-05", "2023-02-01", "S", "X1");
    EXPECT_NE(ValidateChild(b.c).message().find("this is the period's last"), std::string::npos);
  }
  {
    CareBuilder b;  // zero-length episode
    b.Period(1, "2023-01-05", "2023-01-05");
    b.Episode(1, 1, "2023-01-05", "2023-01-05", "S", "E8");
    EXPECT_NE(ValidateChild(b.c).message().find("cannot end on or before the day it starts"),
              std::string::npos);
  }
  {
    CareBuilder b;  // last episode open but period ended
    b.Period(1, "2023-01-05", "2023-03-01");
    b.Episode(1, 1, "2023-01-05", nullptr, "S", nullptr);
    EXPECT_NE(ValidateChild(b.c).message().find("must end when the period of care ends"),
              std::string::npos);
  }
  {
    CareBuilder b;  // first episode after the period's start
    b.Period(1, "2023-01-05", nullptr);
    b.Episode(1, 1, "2023-01-06", nullptr, "S", nullptr);
    EXPECT_NE(ValidateChild(b.c).message().find("must start on the day the period of care"),
              std::string::npos);
  }
}

TEST(ValidateChild, PeriodsOfCareDoNotOverlap) {
  CareBuilder b;
  b.Period(1, "2022-01-01", "2022-06-01");
  b.Period(2, "2022-06-01", nullptr);  // starts the day the first ends: allowed
  EXPECT_TRUE(ValidateChild(b.c).ok());
  b.c.of(Kind::kClaPeriod)[1].Set("start_date", D("2022-05-31"));
  Status s = ValidateChild(b.c);
  EXPECT_NE(s.message().find("overlaps cla_period 1"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("[JR-CLA-1]"), std::string::npos);
}

TEST(ValidateChild, NotOnTwoProtectionPlansAtOnce) {
  ChildRecords c;
  c.child_id = 1;
  c.of(Kind::kCpPlan).push_back(Plan(1, "2024-01-10", "2024-05-01"));
  c.of(Kind::kCpPlan).push_back(Plan(2, "2024-05-01", nullptr));
  EXPECT_TRUE(ValidateChild(c).ok());
  c.of(Kind::kCpPlan)[1].Set("start_date", D("2024-04-30"));
  Status s = ValidateChild(c);
  EXPECT_EQ(s.message(),
            "cp_plan 2 (child 1): field start_date value \"2024-04-30\": overlaps cp_plan 1: a "
            "child cannot be on two protection plans at once [JR-CP-1]");
  // An open plan overlaps everything after it.
  c.of(Kind::kCpPlan)[0].Set("end_date", std::monostate{});
  c.of(Kind::kCpPlan)[1].Set("start_date", D("2025-01-01"));
  EXPECT_FALSE(ValidateChild(c).ok());
}

TEST(ValidateChild, ReviewMustBelongToAnExistingPeriodAndFallWithinIt) {
  CareBuilder b;
  b.Period(1, "2023-01-05", "2023-12-01");
  b.Episode(1, 1, "2023-01-05", "2023-12-01", "S", "E8");
  Record review(Kind::kClaReview);
  review.id = 1;
  review.child_id = 1;
  review.Set("cla_period_id", int64_t{1});
  review.Set("review_date", D("2023-02-01"));
  b.c.of(Kind::kClaReview).push_back(review);
  EXPECT_TRUE(ValidateChild(b.c).ok());

  b.c.of(Kind::kClaReview)[0].Set("review_date", D("2023-12-02"));
  Status s = ValidateChild(b.c);
  EXPECT_EQ(s.message(),
            "cla_review 1 (child 1): field review_date value \"2023-12-02\": must fall within "
            "cla_period 1 (2023-01-05 to 2023-12-01) [JR-WITHIN]");

  b.c.of(Kind::kClaReview)[0].Set("cla_period_id", int64_t{9});
  s = ValidateChild(b.c);
  EXPECT_EQ(s.message(),
            "cla_review 1 (child 1): field cla_period_id value \"9\": no cla_period 9 on this "
            "child's record [JR-REF]");
}

TEST(ValidateChild, ReviewConferenceNamesItsPlan) {
  ChildRecords c;
  c.child_id = 1;
  Record conf(Kind::kCpConference);
  conf.id = 3;
  conf.child_id = 1;
  conf.Set("conference_type", std::string("REVIEW"));
  conf.Set("conference_date", D("2024-03-01"));
  c.of(Kind::kCpConference).push_back(conf);
  EXPECT_NE(ValidateChild(c).message().find("[JR-CPC-1]"), std::string::npos);
}

TEST(DateTime, RoundTrip) {
  auto t = DateTime::ParseIso("2024-02-29T23:59");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->ToIso(), "2024-02-29T23:59");
  EXPECT_EQ(t->date(), D("2024-02-29"));
  EXPECT_FALSE(DateTime::ParseIso("2024-02-30T10:00"));
  EXPECT_FALSE(DateTime::ParseIso("2024-02-01T24:00"));
  EXPECT_FALSE(DateTime::ParseIso("2024-02-01 10"));
}

}  // namespace
}  // namespace journey::model
