// Rules on the paths through care: placed for adoption after fostering (336), AD1 against
// the adoptive placement (335), the adoption decision after care began (1003), placements
// with a minimum age (372-374), temporary placements and respite (382, 383), care leavers'
// contact against their activity and accommodation (344, 345), and episodes before the
// Children Act 1989 (353); RNE after care ended (432) and when only the placement changed
// (435), special guardianship before 18 (407), A5/A6 under a placement order (408), V3 and V4
// together (426), a UPN for a child looked after (442), MOTHER for a girl looked after (393),
// staying put from 18 (460), episodes not overlapping (501) and this year beginning with
// last year's open episode (502) and carrying on its details (503A-503F). Each has a failing and a
// passing case at its boundary, on full tables.
#include <gtest/gtest.h>

#include "returns/ssda903_rules_testing.h"

namespace journey::returns {
namespace {

using testing::FindingsOf;
using testing::Row;
using testing::TableRows;
using testing::V;

Row Ep(std::string decom, std::string dec, std::string rec, Row extra = {}) {
  Row r = {{"CHILD", "C1"}, {"DECOM", decom},          {"RNE", "S"}, {"LS", "C2"}, {"CIN", "N1"},
           {"PLACE", "U1"}, {"PLACE_PROVIDER", "PR1"}, {"DEC", dec}, {"REC", rec}};
  for (auto& [k, v] : extra) r[k] = v;
  return r;
}
TableRows Header(std::string dob = "10/05/2010") {
  return {"Header",
          {{{"CHILD", "C1"},
            {"SEX", "F"},
            {"DOB", dob},
            {"ETHNIC", "WBRI"},
            {"UPN", "UN1"},
            {"MOTHER", "0"}}}};
}
V Of(const std::string& rule, std::vector<Row> eps, std::vector<TableRows> more = {}) {
  std::vector<TableRows> tables = {Header(), {"Episodes", std::move(eps)}};
  for (TableRows& t : more) tables.push_back(std::move(t));
  return FindingsOf(rule, 2026, tables);
}

TEST(Rules903Paths, Rule336PlacedForAdoptionAfterFostering) {
  auto path = [](std::string before, std::string now) {
    return std::vector<Row>{Ep("01/05/2025", "01/06/2025", "X1", {{"PLACE", before}}),
                            Ep("01/06/2025", "", "", {{"PLACE", now}, {"RNE", "P"}})};
  };
  EXPECT_EQ(Of("336", path("U6", "A3")), V{});
  EXPECT_EQ(Of("336", path("A6", "A5")), V{});
  EXPECT_EQ(Of("336", path("K2", "A3")), V{"Episodes 3 PLACE"});
  EXPECT_EQ(Of("336", path("U7", "A5")), V{"Episodes 3 PLACE"});
  // With others than the foster carers (A4), or as the first episode, no fostering needed.
  EXPECT_EQ(Of("336", path("K2", "A4")), V{});
  EXPECT_EQ(Of("336", {Ep("01/05/2025", "", "", {{"PLACE", "A3"}})}), V{});
}

TEST(Rules903Paths, Rule335FosterCareAgreesWithTheAdoptivePlacement) {
  auto ad1 = [](std::string foster) {
    return TableRows{"AD1", {{{"CHILD", "C1"}, {"DOB", "10/05/2010"}, {"FOSTER_CARE", foster}}}};
  };
  auto adopted = [](std::string place) {
    return std::vector<Row>{Ep("01/05/2025", "01/12/2025", "E11", {{"PLACE", place}})};
  };
  EXPECT_EQ(Of("335", adopted("A5"), {ad1("1")}), V{});
  EXPECT_EQ(Of("335", adopted("A5"), {ad1("0")}), V{"AD1 2 FOSTER_CARE"});
  EXPECT_EQ(Of("335", adopted("A6"), {ad1("0")}), V{});
  EXPECT_EQ(Of("335", adopted("A4"), {ad1("1")}), V{"AD1 2 FOSTER_CARE"});
  // Not adopted yet: nothing to agree with.
  EXPECT_EQ(Of("335", {Ep("01/05/2025", "", "", {{"PLACE", "A4"}})}, {ad1("1")}), V{});
}

TEST(Rules903Paths, Rule1003DecisionAfterCareBegan) {
  auto placed = [](std::string date) {
    return TableRows{"PlacedAdoption",
                     {{{"CHILD", "C1"}, {"DOB", "10/05/2010"}, {"DATE_PLACED", date}}}};
  };
  // The first episode starting care (RNE S) is what counts, in date order whatever the file
  // order; a later period of care does not move it.
  const std::vector<Row> eps = {
      Ep("01/06/2024", "", "", {{"RNE", "S"}}),
      Ep("01/03/2024", "01/04/2024", "E4A", {{"RNE", "S"}}),
  };
  EXPECT_EQ(Of("1003", eps, {placed("01/03/2024")}), V{});
  EXPECT_EQ(Of("1003", eps, {placed("29/02/2024")}), V{"PlacedAdoption 2 DATE_PLACED"});
}

TEST(Rules903Paths, Rules372To374PlacementsFromAnAge) {
  // Born 10/05/2010: 10 on 10/05/2020, 14 on 10/05/2024; 4 on 10/05/2014.
  auto at = [](std::string place, std::string decom) {
    return Of(place == "R5"   ? "372"
              : place == "S1" ? "373"
                              : "374",
              {Ep(decom, "", "", {{"PLACE", place}})});
  };
  EXPECT_EQ(at("R5", "10/05/2020"), V{});
  EXPECT_EQ(at("R5", "09/05/2020"), V{"Episodes 2 DECOM"});
  EXPECT_EQ(at("S1", "10/05/2014"), V{});
  EXPECT_EQ(at("S1", "09/05/2014"), V{"Episodes 2 DECOM"});
  EXPECT_EQ(at("P3", "10/05/2024"), V{});
  EXPECT_EQ(at("P3", "09/05/2024"), V{"Episodes 2 DECOM"});
}

TEST(Rules903Paths, Rule382NoTemporaryPlacementOnRespite) {
  EXPECT_EQ(Of("382", {Ep("01/05/2025", "", "", {{"LS", "V3"}, {"PLACE", "U1"}})}), V{});
  EXPECT_EQ(Of("382", {Ep("01/05/2025", "", "", {{"LS", "V4"}, {"PLACE", "T4"}})}),
            V{"Episodes 2 PLACE"});
  EXPECT_EQ(Of("382", {Ep("01/05/2025", "", "", {{"LS", "C2"}, {"PLACE", "T4"}})}), V{});
}

TEST(Rules903Paths, Rule383BackToTheUsualPlacement) {
  auto trip = [](std::string rne, std::string back) {
    return std::vector<Row>{
        Ep("01/05/2025", "01/06/2025", "X1", {{"PLACE", "U1"}}),
        Ep("01/06/2025", "05/06/2025", "X1", {{"PLACE", "T1"}, {"RNE", "P"}}),
        Ep("05/06/2025", "", "", {{"PLACE", back}, {"RNE", rne}}),
    };
  };
  EXPECT_EQ(Of("383", trip("P", "U1")), V{});
  EXPECT_EQ(Of("383", trip("P", "U2")), V{"Episodes 3 PLACE"});
  EXPECT_EQ(Of("383", trip("B", "U1")), V{"Episodes 3 PLACE"});
}

TEST(Rules903Paths, Rules344And345ContactAgainstActivity) {
  auto oc3 = [](std::string touch, std::string activ, std::string accom) {
    return std::vector<TableRows>{{"OC3",
                                   {{{"CHILD", "C1"},
                                     {"DOB", "10/05/2007"},
                                     {"IN_TOUCH", touch},
                                     {"ACTIV", activ},
                                     {"ACCOM", accom}}}}};
  };
  EXPECT_EQ(FindingsOf("344", 2026, oc3("RHOM", "0", "0")), V{});
  EXPECT_EQ(FindingsOf("344", 2026, oc3("DIED", "0", "B1")), V{"OC3 2 ACTIV"});
  EXPECT_EQ(FindingsOf("344", 2026, oc3("NO", "0", "B1")), V{});
  EXPECT_EQ(FindingsOf("345", 2026, oc3("YES", "F1", "B1")), V{});
  EXPECT_EQ(FindingsOf("345", 2026, oc3("YES", "F1", "0")), V{"OC3 2 ACTIV"});
  EXPECT_EQ(FindingsOf("345", 2026, oc3("NO", "0", "0")), V{});
}

TEST(Rules903Paths, Rule353NotBeforeTheChildrenAct) {
  EXPECT_EQ(
      FindingsOf("353", 2026, {Header("01/01/1980"), {"Episodes", {Ep("14/10/1991", "", "")}}}),
      V{});
  EXPECT_EQ(
      FindingsOf("353", 2026, {Header("01/01/1980"), {"Episodes", {Ep("13/10/1991", "", "")}}}),
      V{"Episodes 2 DECOM"});
}

TEST(Rules903Paths, Rule432NewCareAfterCareEnded) {
  auto after = [](std::string rec, std::string rne) {
    return std::vector<Row>{Ep("01/05/2025", "01/06/2025", rec),
                            Ep("01/07/2025", "", "", {{"RNE", rne}})};
  };
  EXPECT_EQ(Of("432", after("E4A", "S")), V{});
  EXPECT_EQ(Of("432", after("E4A", "P")), V{"Episodes 3 RNE"});
  EXPECT_EQ(Of("432", after("X1", "P")), V{});
}

TEST(Rules903Paths, Rule435PlacementChangeOnly) {
  auto change = [](Row next) {
    Row r = {{"RNE", "P"}};
    for (auto& [k, v] : next) r[k] = v;
    return std::vector<Row>{Ep("01/05/2025", "01/06/2025", "X1"), Ep("01/06/2025", "", "", r)};
  };
  EXPECT_EQ(Of("435", change({{"PLACE", "U2"}})), V{});
  EXPECT_EQ(Of("435", change({{"PLACE_PROVIDER", "PR2"}, {"RNE", "T"}})), V{});
  EXPECT_EQ(Of("435", change({})), V{"Episodes 3 RNE"});  // nothing changed
  EXPECT_EQ(Of("435", change({{"PLACE", "U2"}, {"LS", "C1"}})), V{"Episodes 3 RNE"});
}

TEST(Rules903Paths, Rule407SpecialGuardianshipBefore18) {
  // Born 10/05/2007 (Header below): 18 on 10/05/2025.
  auto sgo = [](std::string dec) {
    return FindingsOf("407", 2026,
                      {Header("10/05/2007"), {"Episodes", {Ep("01/04/2025", dec, "E45")}}});
  };
  EXPECT_EQ(sgo("10/05/2025"), V{});
  EXPECT_EQ(sgo("11/05/2025"), V{"Episodes 2 REC"});
}

TEST(Rules903Paths, Rule408PlacementOrderForA5AndA6) {
  EXPECT_EQ(Of("408", {Ep("01/05/2025", "", "", {{"PLACE", "A6"}, {"LS", "E1"}})}), V{});
  EXPECT_EQ(Of("408", {Ep("01/05/2025", "", "", {{"PLACE", "A5"}, {"LS", "C2"}})}),
            V{"Episodes 2 LS"});
  EXPECT_EQ(Of("408", {Ep("01/05/2025", "", "", {{"PLACE", "A4"}, {"LS", "C2"}})}), V{});
}

TEST(Rules903Paths, Rule426NotBothV3AndV4) {
  const Row v3 = {{"LS", "V3"}}, v4 = {{"LS", "V4"}};
  EXPECT_EQ(Of("426", {Ep("01/05/2025", "03/05/2025", "E8", v3),
                       Ep("01/06/2025", "03/06/2025", "E8", v3)}),
            V{});
  EXPECT_EQ(Of("426", {Ep("01/05/2025", "03/05/2025", "E8", v3),
                       Ep("01/06/2025", "03/06/2025", "E8", {{"LS", "C2"}}),
                       Ep("01/07/2025", "03/07/2025", "E8", v4)}),
            (V{"Episodes 2 LS", "Episodes 4 LS"}));
}

TEST(Rules903Paths, Rule442UpnForAChildLookedAfter) {
  auto upn = [](std::string value, std::string ls) {
    TableRows h = Header();
    h.rows[0]["UPN"] = value;
    return FindingsOf("442", 2026, {h, {"Episodes", {Ep("01/05/2025", "", "", {{"LS", ls}})}}});
  };
  EXPECT_EQ(upn("UN2", "C2"), V{});
  EXPECT_EQ(upn("", "C2"), V{"Header 2 UPN"});
  EXPECT_EQ(upn("", "V3"), V{});  // respite only
}

TEST(Rules903Paths, Rule393MotherForAGirlLookedAfter) {
  auto mother = [](std::string sex, std::string value, std::string ls, int year = 2026) {
    TableRows h = Header();
    h.rows[0]["SEX"] = sex;
    h.rows[0]["MOTHER"] = value;
    const std::string decom = year == 2026 ? "01/05/2025" : "01/05/2023";
    return FindingsOf("393", year, {h, {"Episodes", {Ep(decom, "", "", {{"LS", ls}})}}});
  };
  EXPECT_EQ(mother("F", "0", "C2"), V{});
  EXPECT_EQ(mother("F", "", "C2"), V{"Header 2 MOTHER"});
  EXPECT_EQ(mother("F", "", "V4"), V{});  // respite only
  EXPECT_EQ(mother("M", "", "C2"), V{});
  // Up to 2023/24 the female code is 2.
  EXPECT_EQ(mother("2", "", "C2", 2024), V{"Header 2 MOTHER"});
}

TEST(Rules903Paths, Rule460StayingPutFrom18) {
  // Born 10/05/2007: 18 on 10/05/2025.
  auto put = [](std::string dec) {
    return FindingsOf("460", 2026,
                      {Header("10/05/2007"), {"Episodes", {Ep("01/04/2025", dec, "E17")}}});
  };
  EXPECT_EQ(put("10/05/2025"), V{});
  EXPECT_EQ(put("09/05/2025"), V{"Episodes 2 REC"});
}

TEST(Rules903Paths, Rule501NoOverlap) {
  auto next = [](std::string decom) {
    return std::vector<Row>{Ep("01/05/2025", "01/06/2025", "X1"),
                            Ep(decom, "", "", {{"RNE", "P"}})};
  };
  EXPECT_EQ(Of("501", next("01/06/2025")), V{});
  EXPECT_EQ(Of("501", next("31/05/2025")), V{"Episodes 3 DECOM"});
}

TEST(Rules903Paths, Rule502BeginsWithLastYearsOpenEpisode) {
  const Read903 last = testing::ReadTables(
      {Header(), {"Episodes", {Ep("01/02/2025", "", "", {{"PLACE", "U1"}})}}}, 2025);
  auto now = [&](std::string decom) {
    return FindingsOf("502", 2026, {Header(), {"Episodes", {Ep(decom, "", "")}}}, &last);
  };
  EXPECT_EQ(now("01/02/2025"), V{});
  EXPECT_EQ(now("02/02/2025"), V{"Episodes 2 DECOM"});
  // Without last year's return the rule is not run: no finding.
  EXPECT_EQ(FindingsOf("502", 2026, {Header(), {"Episodes", {Ep("02/02/2025", "", "")}}}), V{});
}

TEST(Rules903Paths, Rules503AToFCarryOnLastYearsOpenEpisode) {
  const Row open = {
      {"RNE", "P"},  {"LS", "C2"}, {"CIN", "N1"}, {"PLACE", "H5"}, {"PLACE_PROVIDER", "PR1"},
      {"URN", "SC1"}};
  auto last = [&](std::string dec) {
    return testing::ReadTables({Header(),
                                {"Episodes",
                                 {Ep("01/06/2024", "01/09/2024", "X1", {{"PLACE", "U1"}}),
                                  Ep("01/09/2024", dec, dec.empty() ? "" : "E4A", open)}}},
                               2025);
  };
  const Read903 open_last = last(""), closed_last = last("01/03/2025");
  auto now = [&](const std::string& rule, Row change, const Read903& before, int year = 2026) {
    Row r = open;
    for (auto& [k, v] : change) r[k] = v;
    const std::string decom = year == 2026 ? "01/09/2024" : "01/09/2023";
    return FindingsOf(rule, year, {Header(), {"Episodes", {Ep(decom, "", "", r)}}}, &before);
  };
  EXPECT_EQ(now("503A", {}, open_last), V{});
  EXPECT_EQ(now("503A", {{"RNE", "L"}}, open_last), V{"Episodes 2 RNE"});
  EXPECT_EQ(now("503B", {{"LS", "C1"}}, open_last), V{"Episodes 2 LS"});
  EXPECT_EQ(now("503C", {{"CIN", "N2"}}, open_last), V{"Episodes 2 CIN"});
  EXPECT_EQ(now("503E", {{"PLACE_PROVIDER", "PR2"}}, open_last), V{"Episodes 2 PLACE_PROVIDER"});
  EXPECT_EQ(now("503F", {{"URN", "SC2"}}, open_last), V{"Episodes 2 URN"});
  // Last year's latest episode ended: nothing carried on.
  EXPECT_EQ(now("503F", {{"URN", "SC2"}}, closed_last), V{});
  // PLACE: in 2025/26 H5 may carry on as K3 (its replacement), not as another code.
  EXPECT_EQ(now("503D", {{"PLACE", "K3"}}, open_last), V{});
  EXPECT_EQ(now("503D", {{"PLACE", "U1"}}, open_last), V{"Episodes 2 PLACE"});
}

}  // namespace
}  // namespace journey::returns
