// The Annex A import on hand-made workbooks: rows become records, stated figures are kept
// and used, names are matched; and bad workbooks (wrong headers, a date that is not one, a
// label outside the column's list, an unknown worker, a file that is not a workbook, a
// child the store would refuse) are refused with a message naming where, and nothing is
// written.
#include "returns/annex_a_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "returns/ssda903_test_util.h"
#include "returns/xlsx_write.h"
#include "store/record_span.h"

namespace journey::returns {
namespace {

using model::Kind;
using Cells = std::vector<std::string>;  // "d:2026-01-05" a date cell, "n:3" a number

constexpr char kOrganisation[] =
    "team 1 name=Assessment service=ASSESSMENT\n"
    "worker 1 name=\"Ada Lovel\" role=SW team_id=1 start_date=2020-01-01\n";

class AnnexAImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("annex_a_import_" + std::to_string(::getpid()) + ".xlsx"))
                .string();
    store_.LoadText(kOrganisation);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  // A workbook of one sheet per entry: its headers (the list's, unless given) and rows.
  void Book(const std::vector<std::pair<int, std::vector<Cells>>>& sheets,
            const Cells& headers = {}) {
    auto w = XlsxWriter::Create(path_, Date::FromYmd(2026, 3, 31), false);
    ASSERT_TRUE(w);
    for (const auto& [n, rows] : sheets) {
      const AnnexAList* l = AnnexASpec::Default().List(n);
      Cells h = headers;
      if (h.empty())
        for (const AnnexAColumn& c : l->columns) h.push_back(c.header);
      ASSERT_TRUE((*w)->AddSheet(l->sheet, h).ok());
      for (const Cells& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) {
          const std::string& v = row[i];
          if (v.rfind("d:", 0) == 0)
            (*w)->Day(static_cast<int>(i), *Date::ParseIso(v.substr(2)));
          else if (v.rfind("n:", 0) == 0)
            (*w)->Number(static_cast<int>(i), std::stod(v.substr(2)));
          else if (!v.empty())
            (*w)->Text(static_cast<int>(i), v);
        }
        (*w)->EndRow();
      }
    }
    ASSERT_TRUE((*w)->Close().ok());
  }

  AnnexAImportReport Import(std::string bytes = "") {
    InputFile f{"Annex_A.xlsx", bytes.empty() ? testing::ReadText(path_) : bytes};
    auto r = ImportAnnexA(*store_, Date::FromYmd(2026, 3, 31), f,
                          store::Actor{"test", "annex a", "test"});
    EXPECT_TRUE(r) << r.error().ToString();
    return r ? *r : AnnexAImportReport{};
  }
  static std::string Problems(const AnnexAImportReport& r) {
    std::string s;
    for (const Problem& p : r.report.problems) s += p.ToString() + "\n";
    return s;
  }
  int64_t People() {
    int64_t n = 0;
    EXPECT_TRUE(store_
                    ->Scan(Kind::kPerson,
                           [&](const model::Record&) {
                             ++n;
                             return Status::Ok();
                           })
                    .ok());
    return n;
  }

  testing::TempStore store_;
  std::string path_;
};

const Cells kReferral = {"C1",   "b) Female",    "a) WBRI",      "d:2012-02-29",
                         "n:14", "d:2026-01-05", "q) 6: Police", "b) No",
                         "n:2",  "Assessment",   "Ada Lovel"};

TEST_F(AnnexAImportTest, RowsBecomeRecordsAndStatedCountsComeBack) {
  Book({{1,
         {{"C1", "b) Female", "a) WBRI", "d:2012-02-29", "n:14", "d:2026-01-02", "q) 6: Police"}}},
        {3, {kReferral}}});
  AnnexAImportReport r = Import();
  ASSERT_EQ(Problems(r), "");
  EXPECT_EQ(r.report.children_added, 1);
  EXPECT_EQ(People(), 1);
  // The record now starts six months before the inspection date.
  auto span = store::ReadRecordSpan(*store_);
  ASSERT_TRUE(span);
  EXPECT_EQ(span->horizon, Date::FromYmd(2025, 9, 30));
  // Exported again: the stated count of earlier referrals (2) where the record holds none,
  // and the worker matched by name.
  auto again = ExportAnnexA(*store_, Date::FromYmd(2026, 3, 31));
  ASSERT_TRUE(again);
  EXPECT_EQ(AnnexACsv(again->lists[2]).substr(AnnexACsv(again->lists[2]).find('\n') + 1),
            "C1,b) Female,a) WBRI,29/02/2012,14,05/01/2026,q) 6: Police,b) No,2,Assessment,"
            "Ada Lovel\n");
  EXPECT_EQ(again->lists[0].rows.size(), 1u);
  // Three months on, the referral's twelve months still reach back before the horizon.
  auto later = ExportAnnexA(*store_, Date::FromYmd(2026, 7, 1));
  ASSERT_TRUE(later);
  ASSERT_EQ(later->lists[2].rows.size(), 1u);
  EXPECT_EQ(std::get<int64_t>(later->lists[2].rows[0][8]), 2);
}

TEST_F(AnnexAImportTest, WrongHeadersAreRefusedAndNothingIsWritten) {
  Book({{3, {kReferral}}}, {"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
                            "Date of referral", "Referral Source", "Allocated Team"});
  AnnexAImportReport r = Import();
  EXPECT_NE(Problems(r).find("Annex_A.xlsx, sheet \"List 3\" row 1"), std::string::npos)
      << Problems(r);
  EXPECT_NE(Problems(r).find("missing: \"Referral NFA?\""), std::string::npos) << Problems(r);
  EXPECT_EQ(People(), 0);
}

TEST_F(AnnexAImportTest, ADateThatIsNotADateAndALabelOutsideTheList) {
  Cells bad_date = kReferral, bad_label = kReferral;
  bad_date[5] = "31/02/2026";
  bad_label[0] = "C2";
  bad_label[1] = "z) Martian";
  Book({{3, {bad_date, bad_label}}});
  AnnexAImportReport r = Import();
  const std::string p = Problems(r);
  EXPECT_NE(p.find("sheet \"List 3\" row 2, column \"Date of referral\", value \"31/02/2026\": "
                   "not a real date"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("sheet \"List 3\" row 3, column \"Gender\", value \"z) Martian\": not a "
                   "label of this column; allowed: a) Male"),
            std::string::npos)
      << p;
  EXPECT_EQ(People(), 0);
}

TEST_F(AnnexAImportTest, AnUnknownWorkerIsAProblemNotANewWorker) {
  Cells row = kReferral;
  row[10] = "Nobody Known";
  Book({{1,
         {{"C1", "b) Female", "a) WBRI", "d:2012-02-29", "n:14", "d:2026-01-02", "q) 6: Police"}}},
        {3, {row}}});
  AnnexAImportReport r = Import();
  EXPECT_NE(Problems(r).find("sheet \"List 3\" row 2, column \"Allocated Worker\", value "
                             "\"Nobody Known\": no worker of this name on record; load the "
                             "organisation first"),
            std::string::npos)
      << Problems(r);
  EXPECT_EQ(People(), 0);  // List 1's good row is not written either
}

TEST_F(AnnexAImportTest, AChildTheStoreWouldRefuseNamesTheRow) {
  // A protection plan that ends before it starts.
  const AnnexAList* l7 = AnnexASpec::Default().List(7);
  Cells row(l7->columns.size());
  auto set = [&](std::string_view key, std::string v) {
    row[static_cast<size_t>(l7->Column(key))] = std::move(v);
  };
  set("child_id", "C1");
  set("gender", "b) Female");
  set("ethnicity", "a) WBRI");
  set("disability", "b) No");
  set("cp_start", "d:2026-01-05");
  set("cp_initial", "a) Neglect");
  set("cp_latest", "a) Neglect");
  set("cp_end", "d:2025-12-01");
  set("epo_6m", "b) No");
  set("cp_previous", "n:0");
  Book({{7, {row}}});
  AnnexAImportReport r = Import();
  EXPECT_NE(Problems(r).find("Annex_A.xlsx, sheet \"List 7\" row 2: child C1:"), std::string::npos)
      << Problems(r);
  EXPECT_EQ(People(), 0);
}

TEST_F(AnnexAImportTest, FilesThatAreNotWorkbooks) {
  AnnexAImportReport r = Import("Child Unique ID,Gender\nC1,a) Male\n");
  EXPECT_NE(Problems(r).find("Annex_A.xlsx"), std::string::npos) << Problems(r);
  EXPECT_NE(Problems(r).find("not a workbook"), std::string::npos) << Problems(r);
  Book({{3, {kReferral}}});
  const std::string whole = testing::ReadText(path_);
  r = Import(whole.substr(0, whole.size() / 2));  // truncated
  EXPECT_FALSE(r.report.problems.empty());
  EXPECT_EQ(People(), 0);
}

}  // namespace
}  // namespace journey::returns
