// The Performance page's API: the indicators (GET /api/indicators), the scorecard and its
// breakdowns by team and worker for any period and as-at date, with England, the region and
// statistical neighbours beside each figure (GET /api/report, also as CSV or xlsx), and the
// children behind a figure (GET /api/report/drill). Figures come from the engine over the
// server's in-memory projection (ReportCache); comparisons from engine::Benchmarks.
//
// Who sees what (roles.cc): kReport gives figures; the children behind a figure are listed
// by id to anyone with kReport, and with names, dates of birth and a link only for a role
// with kReportChildren and only for children the user may open (need-to-know, restricted
// records: App::CanSee, App::HasGrant). A listing that names children is audited.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/csv.h"
#include "engine/benchmarks.h"
#include "returns/xlsx_write.h"
#include "server/api_util.h"
#include "server/app.h"

namespace journey::server {

using nlohmann::json;

namespace {

constexpr int64_t kDrillLimitMax = 5000;

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  std::string part;
  std::stringstream ss{std::string(s)};
  while (std::getline(ss, part, ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

// The request's periods: `from`/`to` give one period (either defaults to the collection
// year to the as-at date); otherwise `trend` (monthly by default; weekly, yearly, or
// `none` for the collection year to date).
Result<std::vector<engine::Period>> PeriodsOf(const Request& req, Date as_at) {
  if (req.HasQuery("from") || req.HasQuery("to")) {
    if (req.HasQuery("trend")) {
      return Err(InvalidArgument("give either the query parameter trend or from/to, not both"));
    }
    engine::Period p = engine::YearTo(as_at);
    JOURNEY_ASSIGN_OR_RETURN(p.start, QueryDate(req, "from", p.start));
    JOURNEY_ASSIGN_OR_RETURN(p.end, QueryDate(req, "to", p.end));
    p.label = fmt::format("{} to {}", p.start.ToIso(), p.end.ToIso());
    return std::vector<engine::Period>{p};
  }
  std::string_view trend = req.HasQuery("trend") ? req.Query("trend") : "monthly";
  if (trend == "none") return std::vector<engine::Period>{engine::YearTo(as_at)};
  if (trend != "weekly" && trend != "monthly" && trend != "yearly") {
    return Err(InvalidArgument(fmt::format(
        "query parameter trend value \"{}\": allowed are weekly, monthly, yearly, none", trend)));
  }
  return engine::TrendPeriods(trend, as_at);
}

json RefJson(const std::optional<engine::ReferenceValue>& v) {
  if (!v) return nullptr;
  return json{{"value", v->value},
              {"period", v->period},
              {"area", v->area_name},
              {"source", v->source},
              {"figure", "value"}};
}

std::string FigureText(const engine::IndicatorInfo& info, const engine::Cell& c) {
  if (!c.value) return "";
  return info.unit == engine::Unit::kCount ? fmt::format("{:.0f}", *c.value)
                                           : fmt::format("{:.1f}", *c.value);
}

}  // namespace

Result<engine::ReportRequest> App::ReportRequestOf(const Request& req, bool breakdown) {
  engine::ReportRequest r;
  JOURNEY_ASSIGN_OR_RETURN(r.as_at, QueryDate(req, "as_at", clock_.Today()));
  JOURNEY_ASSIGN_OR_RETURN(r.periods, PeriodsOf(req, r.as_at));
  r.indicators = SplitList(req.Query("indicators"));
  if (req.HasQuery("indicator")) r.indicators.emplace_back(req.Query("indicator"));
  for (const std::string& area : SplitList(req.Query("area"))) {
    size_t before = r.indicators.size();
    for (const engine::IndicatorDef& d : engine::Indicators().indicators())
      if (d.info.area == area) r.indicators.emplace_back(d.info.id);
    if (r.indicators.size() == before) {
      return Err(NotFound(fmt::format("query parameter area value \"{}\": no such area", area)));
    }
  }
  // Team and worker together: one computation answers both levels of the drill-down.
  if (breakdown) r.dimensions = {"team", "worker"};
  return r;
}

Response App::IndicatorList(Call&) {
  json items = json::array();
  for (const engine::IndicatorDef& d : engine::Indicators().indicators()) {
    const engine::IndicatorInfo& i = d.info;
    items.push_back({{"id", i.id},
                     {"title", i.title},
                     {"area", i.area},
                     {"unit", engine::UnitName(i.unit)},
                     {"polarity", i.higher_is_better ? "higher" : "lower"},
                     {"numerator", i.numerator},
                     {"denominator", i.denominator},
                     {"source", i.source},
                     {"differs", i.differs}});
  }
  return Json(200, json{{"items", items}});
}

Response App::Report(Call& c) {
  std::string_view breakdown = c.req.Query("breakdown");
  if (!breakdown.empty() && breakdown != "team" && breakdown != "worker") {
    return ErrorResponse(InvalidArgument(fmt::format(
        "query parameter breakdown value \"{}\": allowed are team, worker", breakdown)));
  }
  std::string_view format = c.req.HasQuery("format") ? c.req.Query("format") : "json";
  if (format != "json" && format != "csv" && format != "xlsx") {
    return ErrorResponse(InvalidArgument(
        fmt::format("query parameter format value \"{}\": allowed are json, csv, xlsx", format)));
  }
  auto team = QueryInt(c.req, "team_id", 0, 1, INT32_MAX);
  if (!team) return ErrorResponse(team.error());
  // The as-at date defaults to today, so the day is part of what the answer depends on.
  const std::string body_key = clock_.Today().ToIso() + " " + c.req.target;
  if (format == "json") {
    if (const std::string* body = reports_.Body(body_key)) return JsonResponse(200, *body);
  }
  auto rq = ReportRequestOf(c.req, !breakdown.empty());
  if (!rq) return ErrorResponse(rq.error());
  auto got = reports_.Get(projection_, timescales_, std::move(*rq));
  if (!got) return ErrorResponse(got.error());
  const engine::ReportResult& r = **got;
  const int dim = breakdown == "team" ? 0 : breakdown == "worker" ? 1 : -1;

  // A worker breakdown within a team lists the workers holding any of the team's cases.
  std::vector<std::set<int32_t>> team_workers(r.indicators.size());
  if (dim == 1 && *team) {
    for (size_t i = 0; i < r.indicators.size(); ++i)
      for (size_t k = 0; k < r.cases[i].size(); ++k)
        if (r.keys[i][k * 2] == *team) team_workers[i].insert(r.keys[i][k * 2 + 1]);
  }
  auto label = [&](const engine::Cell& cell) -> std::string {
    if (cell.dimension < 0) return "";
    if (cell.key == 0) return "Not allocated";
    if (cell.dimension == 0) {
      const TeamEntry* t = directory_.Team(cell.key);
      return t ? t->name : cell.label;
    }
    const WorkerEntry* w = directory_.Worker(cell.key);
    return w ? w->name : cell.label;
  };
  std::vector<const engine::Cell*> cells;
  for (const engine::Cell& cell : r.cells) {
    if (cell.dimension >= 0 && cell.dimension != dim) continue;
    if (dim == 1 && *team && cell.dimension == 1 && !team_workers[cell.indicator].count(cell.key))
      continue;
    if (dim == 0 && *team && cell.dimension == 0 && cell.key != *team) continue;
    cells.push_back(&cell);
  }

  const engine::Period& last = r.periods.back();
  if (format == "csv" || format == "xlsx") {
    const std::vector<std::string> head = {
        "indicator", "title",    "unit",  "period", "period_start", "period_end",  "as_at",
        "breakdown", "group_id", "group", "value",  "numerator",    "denominator", "cases"};
    std::string name = fmt::format("journey-report-{}", r.as_at.ToIso());
    if (format == "csv") {
      std::string out = CsvLine(head);
      for (const engine::Cell* cell : cells) {
        const auto& info = r.indicators[cell->indicator]->info;
        const auto& p = r.periods[cell->period];
        out += CsvLine({std::string(info.id), std::string(info.title),
                        std::string(engine::UnitName(info.unit)), p.label, p.start.ToIso(),
                        p.end.ToIso(), r.as_at.ToIso(),
                        cell->dimension < 0 ? "" : std::string(breakdown),
                        cell->dimension < 0 ? "" : std::to_string(cell->key), label(*cell),
                        FigureText(info, *cell), fmt::format("{:.10g}", cell->numerator),
                        fmt::format("{:.10g}", cell->denominator), std::to_string(cell->cases)});
      }
      Response res = JsonResponse(200, std::move(out));
      res.content_type = "text/csv; charset=utf-8";
      res.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", name));
      return res;
    }
    // libxlsxwriter writes files: a private temporary one, read back and removed.
    const std::string path = (std::filesystem::temp_directory_path() /
                              fmt::format("journey-report-{}-{}.xlsx", getpid(), ++export_seq_))
                                 .string();
    Status st = [&]() -> Status {
      JOURNEY_ASSIGN_OR_RETURN(auto x, returns::XlsxWriter::Create(path, r.as_at, true));
      JOURNEY_RETURN_IF_ERROR(x->AddSheet("Indicators", head));
      for (const engine::Cell* cell : cells) {
        const auto& info = r.indicators[cell->indicator]->info;
        const auto& p = r.periods[cell->period];
        x->Text(0, info.id);
        x->Text(1, info.title);
        x->Text(2, engine::UnitName(info.unit));
        x->Text(3, p.label);
        x->Day(4, p.start);
        x->Day(5, p.end);
        x->Day(6, r.as_at);
        if (cell->dimension >= 0) {
          x->Text(7, breakdown);
          x->Number(8, cell->key);
        }
        x->Text(9, label(*cell));
        if (cell->value) x->Number(10, *cell->value);
        x->Number(11, cell->numerator);
        x->Number(12, cell->denominator);
        x->Number(13, cell->cases);
        x->EndRow();
      }
      return x->Close();
    }();
    std::string bytes;
    if (st.ok()) {
      std::ifstream in(path, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::filesystem::remove(path);
    if (!st.ok()) return ErrorResponse(st);
    Response res = JsonResponse(200, std::move(bytes));
    res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    res.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"{}.xlsx\"", name));
    return res;
  }

  json periods = json::array();
  for (const engine::Period& p : r.periods)
    periods.push_back({{"label", p.label}, {"start", p.start.ToIso()}, {"end", p.end.ToIso()}});
  const engine::Benchmarks& bench = engine::Benchmarks::Default();
  const engine::Council* council = bench.FindCouncil(reports_.la_code());
  json inds = json::array();
  for (const engine::IndicatorDef* d : r.indicators) {
    const engine::IndicatorInfo& i = d->info;
    json j = {{"id", i.id},
              {"title", i.title},
              {"area", i.area},
              {"unit", engine::UnitName(i.unit)},
              {"polarity", i.higher_is_better ? "higher" : "lower"},
              {"source", i.source},
              {"england", nullptr},
              {"region", nullptr},
              {"neighbours", nullptr},
              {"thresholds", json::array()}};
    // Compared over the latest period, as a board report quotes the latest published figure.
    if (council) {
      auto cmp = bench.Compare(i.id, council->code, last.start, last.end);
      if (cmp) {
        j["england"] = RefJson(cmp->england);
        j["region"] = RefJson(cmp->region);
        j["neighbours"] = RefJson(cmp->neighbours_average);
        for (const engine::ReferenceValue& t : cmp->thresholds)
          j["thresholds"].push_back(
              {{"value", t.value},
               {"period", t.period},
               {"figure", t.figure == engine::Figure::kTarget ? "target" : "threshold"},
               {"source", t.source}});
      }
    }
    inds.push_back(std::move(j));
  }
  json out = json::array();
  for (const engine::Cell* cell : cells) {
    out.push_back({{"indicator", cell->indicator},
                   {"period", cell->period},
                   {"dimension", cell->dimension < 0 ? -1 : 0},
                   {"key", cell->key},
                   {"label", label(*cell)},
                   {"value", cell->value ? json(*cell->value) : json(nullptr)},
                   {"numerator", cell->numerator},
                   {"denominator", cell->denominator},
                   {"cases", cell->cases}});
  }
  Response res =
      Json(200, json{{"as_at", r.as_at.ToIso()},
                     {"council", council ? json{{"code", council->code}, {"name", council->name}}
                                         : json(nullptr)},
                     {"breakdown", breakdown.empty() ? json(nullptr) : json(breakdown)},
                     {"team_id", *team ? json(*team) : json(nullptr)},
                     {"periods", periods},
                     {"indicators", inds},
                     {"cells", out}});
  reports_.PutBody(body_key, res.body);
  return res;
}

Response App::ReportDrill(Call& c) {
  if (!c.req.HasQuery("indicator") || c.req.HasQuery("indicators") || c.req.HasQuery("area")) {
    return ErrorResponse(
        InvalidArgument("give the query parameter indicator (one indicator id) to drill into"));
  }
  auto team = QueryInt(c.req, "team_id", 0, 1, INT32_MAX);
  if (!team) return ErrorResponse(team.error());
  auto worker = QueryInt(c.req, "worker_id", 0, 1, INT32_MAX);
  if (!worker) return ErrorResponse(worker.error());
  auto limit = QueryInt(c.req, "limit", 500, 1, kDrillLimitMax);
  if (!limit) return ErrorResponse(limit.error());
  auto offset = QueryInt(c.req, "offset", 0, 0, INT32_MAX);
  if (!offset) return ErrorResponse(offset.error());
  auto rq = ReportRequestOf(c.req, true);
  if (!rq) return ErrorResponse(rq.error());
  auto got = reports_.Get(projection_, timescales_, std::move(*rq));
  if (!got) return ErrorResponse(got.error());
  const engine::ReportResult& r = **got;
  auto period = QueryInt(c.req, "period", static_cast<int64_t>(r.periods.size()) - 1, 0,
                         static_cast<int64_t>(r.periods.size()) - 1);
  if (!period) return ErrorResponse(period.error());

  // The cell: a worker's, a team's, or the council's.
  const int16_t dim = *worker ? 1 : *team ? 0 : -1;
  const int32_t key = static_cast<int32_t>(*worker ? *worker : *team);
  const engine::Cell* cell = nullptr;
  for (const engine::Cell& x : r.cells)
    if (x.period == *period && x.dimension == dim && (dim < 0 || x.key == key)) cell = &x;
  std::vector<int32_t> all, numerator;
  if (cell) {
    all = r.DrillDown(*cell);
    numerator = r.DrillDown(*cell, true);
  }
  const bool named = Can(c.user->role, kReportChildren);
  json items = json::array();
  int names = 0;
  const size_t end = std::min(all.size(), static_cast<size_t>(*offset + *limit));
  for (size_t k = static_cast<size_t>(*offset); k < end; ++k) {
    const int32_t id = all[k];
    json item = {{"id", id},
                 {"in_numerator", std::binary_search(numerator.begin(), numerator.end(), id)}};
    const ChildEntry* ch = directory_.Child(id);
    if (named && ch && CanSee(*c.user, *ch)) {
      item["may_open"] = true;
      if (ch->restricted && !HasGrant(*c.user, id)) {
        item["name"] = "(restricted record)";
        item["restricted"] = true;
      } else {
        item["name"] = ch->name;
        item["date_of_birth"] = DayIso(ch->birth_day);
        item["restricted"] = ch->restricted;
        ++names;
      }
    } else {
      item["may_open"] = false;
    }
    items.push_back(std::move(item));
  }
  // Names of children are personal data leaving the server: the listing is audited (one
  // entry, the indicator as its kind; the children are those of the figure it names).
  if (names) {
    Status st = audit_->Append(AuditEntry{0, 0, c.user->id, c.user->username,
                                          std::string(RoleName(c.user->role)), "report_children", 0,
                                          std::string(r.indicators[0]->info.id), 0,
                                          fmt::format("{} named", names), c.req.remote, 200});
    if (!st.ok())
      return ErrorResponse(Status(StatusCode::kUnavailable, "the audit log cannot be written"));
  }
  const engine::Period& p = r.periods[static_cast<size_t>(*period)];
  return Json(200, json{{"indicator", r.indicators[0]->info.id},
                        {"period",
                         {{"label", p.label}, {"start", p.start.ToIso()}, {"end", p.end.ToIso()}}},
                        {"as_at", r.as_at.ToIso()},
                        {"team_id", *team ? json(*team) : json(nullptr)},
                        {"worker_id", *worker ? json(*worker) : json(nullptr)},
                        {"value", cell && cell->value ? json(*cell->value) : json(nullptr)},
                        {"total", all.size()},
                        {"in_numerator", numerator.size()},
                        {"names_shown", named},
                        {"items", items}});
}

}  // namespace journey::server
