// The Performance API against a running server: figures equal the engine's own, breakdowns
// add up, the drill-down names children only to those allowed, downloads, bad parameters,
// and reports kept until a write.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/indicator_report.h"
#include "server/test_server.h"

namespace journey::server {
namespace {

using nlohmann::json;
using testing::Client;
using testing::Reply;
using testing::TestServer;

constexpr char kInd[] = "rereferrals_12m";

class ReportApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer("report"); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer& S() { return *server_; }
  static Client SignedIn(const std::string& user) {
    Client c(S().port());
    Reply r = c.SignInDemo(user);
    EXPECT_EQ(r.status, 200) << user << ": " << r.body;
    return c;
  }
  static TestServer* server_;
};
TestServer* ReportApi::server_ = nullptr;

TEST_F(ReportApi, ScorecardEqualsTheEngine) {
  Client c = SignedIn("analyst");
  Reply r = c.Get("/api/report?trend=yearly");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["as_at"], "2026-03-31");
  ASSERT_EQ(j["periods"].size(), 6u);
  EXPECT_EQ(j["periods"][5]["label"], "2025-26");
  EXPECT_EQ(j["indicators"].size(), engine::Indicators().indicators().size());
  // The same computation straight from the engine over the database.
  auto store = store::OpenSqliteStore(S().db(), S().clock());
  ASSERT_TRUE(store);
  auto p = engine::Projection::Load(**store);
  ASSERT_TRUE(p);
  engine::Timescales ts;
  engine::ReportRequest req;
  req.indicators = {kInd};
  req.as_at = Date::FromYmd(2026, 3, 31);
  req.periods = *engine::TrendPeriods("yearly", req.as_at);
  auto want = engine::ComputeIndicators(*p, ts, req);
  ASSERT_TRUE(want);
  size_t idx = 0;
  while (j["indicators"][idx]["id"] != kInd) ++idx;
  int matched = 0;
  for (const json& cell : j["cells"]) {
    if (cell["indicator"] != idx) continue;
    EXPECT_EQ(cell["dimension"], -1);
    const engine::Cell* w = want->Total(0, cell["period"].get<size_t>());
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(cell["numerator"].get<double>(), w->numerator);
    EXPECT_EQ(cell["cases"].get<uint32_t>(), w->cases);
    ++matched;
  }
  EXPECT_EQ(matched, 6);
  // England's published re-referral rate sits beside the council's (data/benchmarks_*.csv).
  EXPECT_FALSE(j["indicators"][idx]["england"].is_null()) << j["indicators"][idx].dump();
  EXPECT_EQ(j["council"]["code"], "990");
}

TEST_F(ReportApi, TeamsAddUpToTheCouncilAndWorkersBelongToTheirTeam) {
  Client c = SignedIn("director");
  Reply r = c.Get(std::string("/api/report?trend=none&breakdown=team&indicators=") + kInd);
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  uint32_t total = 0, sum = 0;
  int32_t team = 0;
  for (const json& cell : j["cells"]) {
    if (cell["dimension"] == -1) {
      total = cell["cases"];
    } else {
      sum += cell["cases"].get<uint32_t>();
      if (cell["key"].get<int32_t>() > 0 && !team) team = cell["key"];
      EXPECT_NE(cell["label"].get<std::string>().rfind("team ", 0), 0u) << "a name, not an id";
    }
  }
  EXPECT_GT(total, 0u);
  EXPECT_EQ(sum, total);  // every case has exactly one team (or none)
  ASSERT_GT(team, 0);
  Reply w = c.Get(
      fmt::format("/api/report?trend=none&breakdown=worker&team_id={}&indicators={}", team, kInd));
  ASSERT_EQ(w.status, 200) << w.body;
  int workers = 0;
  const json wj = w.Json();  // kept: a range-for over a temporary's member dangles
  for (const json& cell : wj["cells"]) workers += cell["dimension"] == 0;
  EXPECT_GT(workers, 0);
  // The drill-down of the team lists as many children as the engine's.
  Reply d = c.Get(fmt::format("/api/report/drill?trend=none&indicator={}&team_id={}", kInd, team));
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_GT(d.Json()["total"].get<int>(), 0);
  EXPECT_LE(d.Json()["in_numerator"].get<int>(), d.Json()["total"].get<int>());
}

TEST_F(ReportApi, DrillNamesChildrenOnlyToThoseAllowed) {
  const std::string target = std::string("/api/report/drill?trend=none&indicator=") + kInd;
  Client analyst = SignedIn("analyst");
  Reply a = analyst.Get(target);
  ASSERT_EQ(a.status, 200) << a.body;
  ASSERT_GT(a.Json()["items"].size(), 0u);
  EXPECT_FALSE(a.Json()["names_shown"].get<bool>());
  const json aj = a.Json();
  for (const json& item : aj["items"]) {
    EXPECT_FALSE(item.contains("name")) << item.dump();
    EXPECT_FALSE(item.contains("date_of_birth"));
    EXPECT_GT(item["id"].get<int>(), 0);
  }
  Client director = SignedIn("director");
  Reply d = director.Get(target);
  ASSERT_EQ(d.status, 200);
  int named = 0;
  const json dj = d.Json();
  for (const json& item : dj["items"]) named += item.contains("date_of_birth");
  EXPECT_GT(named, 0);
  // A manager sees names of their own team's children only.
  Client manager = SignedIn("manager");
  Reply m = manager.Get(target + "&limit=5000");
  ASSERT_EQ(m.status, 200);
  const Directory& dir = S().app().directory();
  const User* mu = S().app().auth().FindUsername("manager");
  int mine = 0, others = 0;
  const json mj = m.Json();
  for (const json& item : mj["items"]) {
    const ChildEntry* ch = dir.Child(item["id"].get<int64_t>());
    ASSERT_NE(ch, nullptr);
    bool team = false;
    for (const Allocation& al : ch->current) team = team || al.team == mu->team_id;
    if (team) {
      EXPECT_TRUE(item["may_open"].get<bool>());
      ++mine;
    } else {
      EXPECT_FALSE(item.contains("name")) << item.dump();
      ++others;
    }
  }
  EXPECT_GT(others, 0);
  // The director's listing is in the audit log; the analyst's (ids only) is not.
  Client admin = SignedIn("admin");
  Reply log = admin.Get("/api/audit?action=report_children");
  ASSERT_EQ(log.status, 200);
  std::set<std::string> who;
  const json lj = log.Json();
  for (const json& e : lj["items"]) who.insert(e["user"].get<std::string>());
  EXPECT_TRUE(who.count("director")) << log.body;
  EXPECT_FALSE(who.count("analyst"));
}

TEST_F(ReportApi, DownloadsAsCsvAndXlsx) {
  Client c = SignedIn("analyst");
  Reply csv = c.Get(std::string("/api/report?trend=monthly&format=csv&indicators=") + kInd);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find(".csv"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("indicator,title,unit,period,", 0), 0u);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 13);  // header and 12 months
  Reply x = c.Get(std::string("/api/report?trend=monthly&format=xlsx&indicators=") + kInd);
  ASSERT_EQ(x.status, 200) << x.body;
  EXPECT_EQ(x.body.substr(0, 2), "PK");  // a zip: an Office Open XML workbook
  EXPECT_NE(x.Header("content-disposition").find(".xlsx"), std::string::npos);
}

TEST_F(ReportApi, BadParametersSayWhatIsAllowed) {
  Client c = SignedIn("analyst");
  Reply t = c.Get("/api/report?trend=daily");
  EXPECT_EQ(t.status, 400);
  EXPECT_NE(t.body.find("trend"), std::string::npos) << t.body;
  EXPECT_NE(t.body.find("weekly"), std::string::npos) << t.body;
  Reply i = c.Get("/api/report?indicators=rereferals_12m");
  EXPECT_EQ(i.status, 404);
  EXPECT_NE(i.body.find(kInd), std::string::npos) << "suggests the closest: " << i.body;
  EXPECT_EQ(c.Get("/api/report?as_at=2026-02-30").status, 400);
  EXPECT_EQ(c.Get("/api/report?breakdown=age").status, 400);
  EXPECT_EQ(c.Get("/api/report?format=pdf").status, 400);
  EXPECT_EQ(c.Get("/api/report?trend=yearly&from=2025-04-01").status, 400);
  EXPECT_EQ(c.Get("/api/report/drill").status, 400);
  EXPECT_EQ(c.Get(std::string("/api/report/drill?indicator=") + kInd + "&period=99").status, 400);
}

TEST_F(ReportApi, KeptUntilAWrite) {
  Client c = SignedIn("director");
  const std::string target = std::string("/api/report?trend=none&indicators=") + kInd;
  ASSERT_EQ(c.Get(target).status, 200);
  const size_t before = S().app().reports().computed();
  ASSERT_EQ(c.Get(target).status, 200);
  EXPECT_EQ(S().app().reports().computed(), before);  // kept
  Client sw = SignedIn("sw");
  const User* u = S().app().auth().FindUsername("sw");
  int64_t child = 0;
  for (int32_t id : S().app().directory().OfWorker(u->worker_id))
    if (!S().app().directory().Child(id)->restricted) child = id;
  ASSERT_GT(child, 0);
  Reply made = sw.Send(
      "POST", fmt::format("/api/children/{}/records", child),
      json{
          {"kind", "case_note"},
          {"fields", {{"noted_at", "2026-03-31T09:00"}, {"note_type", "CASE_NOTE"}, {"text", "r"}}}}
          .dump());
  ASSERT_EQ(made.status, 201) << made.body;
  ASSERT_EQ(c.Get(target).status, 200);
  EXPECT_EQ(S().app().reports().computed(), before + 1);  // recomputed after the write
}

}  // namespace
}  // namespace journey::server
