// Runs the indicators over every child once, gives each case its groups, and sums cells.
#include "engine/indicator_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace journey::engine {
namespace {

struct Acc {
  double numerator = 0;
  double sum = 0;
  uint32_t cases = 0;
  std::vector<float> values;  // medians only
};

double Median(std::vector<float>& v) {
  if (v.empty()) return 0;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(mid), v.end());
  const double hi = v[mid];
  if (v.size() % 2) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<long>(mid));
  return (lo + hi) / 2;
}

Cell MakeCell(const IndicatorInfo& info, Acc& a, const std::optional<double>& population) {
  Cell c;
  c.cases = a.cases;
  switch (info.unit) {
    case Unit::kPercent:
      c.numerator = a.numerator;
      c.denominator = a.cases;
      if (a.cases) c.value = 100.0 * a.numerator / a.cases;
      break;
    case Unit::kRatePer10k:
      c.numerator = a.numerator;
      if (population && *population > 0) {
        c.denominator = *population;
        c.value = 10000.0 * a.numerator / *population;
      }
      break;
    case Unit::kCount:
      c.numerator = a.numerator;
      c.denominator = a.cases;
      c.value = a.numerator;
      break;
    case Unit::kMeanDays:
    case Unit::kMean:
      c.numerator = a.sum;
      c.denominator = a.cases;
      if (a.cases) c.value = a.sum / a.cases;
      break;
    case Unit::kMedianDays:
      c.numerator = a.sum;
      c.denominator = a.cases;
      if (a.cases) c.value = Median(a.values);
      break;
  }
  return c;
}

Status CheckPeriods(std::vector<Period>& periods, Date as_at) {
  if (periods.empty()) return InvalidArgument("no period given");
  if (periods.size() > 1000) return InvalidArgument("more than 1,000 periods in one report");
  for (Period& p : periods) {
    if (p.end < p.start) {
      return InvalidArgument(fmt::format(
          "the period {} to {} is empty: it ends before it starts (give a start on or before "
          "the end)",
          p.start.ToIso(), p.end.ToIso()));
    }
    if (p.start > as_at) {
      return InvalidArgument(fmt::format(
          "the period {} to {} is empty as at {}: it starts after the as-at date, so nothing "
          "in it is known yet (give an as-at date on or after {})",
          p.start.ToIso(), p.end.ToIso(), as_at.ToIso(), p.start.ToIso()));
    }
    if (p.end > as_at) p.end = as_at;
    if (p.label.empty()) p.label = fmt::format("{} to {}", p.start.ToIso(), p.end.ToIso());
  }
  return Status::Ok();
}

}  // namespace

Result<ReportResult> ComputeIndicators(const Projection& projection, const Timescales& timescales,
                                       const ReportRequest& request) {
  const IndicatorRegistry& reg = Indicators();
  ReportResult res;
  res.as_at = request.as_at;
  res.periods = request.periods;
  JOURNEY_RETURN_IF_ERROR(CheckPeriods(res.periods, request.as_at));
  if (request.indicators.empty()) {
    for (const IndicatorDef& d : reg.indicators()) res.indicators.push_back(&d);
  }
  for (const std::string& id : request.indicators) {
    const IndicatorDef* d = reg.Find(id);
    if (!d) {
      return Err(NotFound(fmt::format(
          "\"{}\" is not an indicator (the closest: {}; `journey report --list` lists them all)",
          id, fmt::join(reg.Closest(id), ", "))));
    }
    if (std::find(res.indicators.begin(), res.indicators.end(), d) == res.indicators.end())
      res.indicators.push_back(d);
  }
  for (const std::string& id : request.dimensions) {
    const DimensionDef* d = reg.FindDimension(id);
    if (!d) {
      std::vector<std::string_view> all;
      for (const DimensionDef& x : reg.dimensions()) all.push_back(x.id);
      return Err(NotFound(
          fmt::format("\"{}\" is not a breakdown (allowed: {})", id, fmt::join(all, ", "))));
    }
    if (std::find(res.dimensions.begin(), res.dimensions.end(), d) == res.dimensions.end())
      res.dimensions.push_back(d);
  }

  Context ctx;
  ctx.projection = &projection;
  ctx.timescales = &timescales;
  ctx.as_at = request.as_at;
  ctx.periods = res.periods;
  ctx.first_day = ctx.last_day = res.periods[0].start.days();
  for (const Period& p : res.periods) {
    ctx.first_day = std::min(ctx.first_day, p.start.days());
    ctx.last_day = std::max(ctx.last_day, p.end.days());
  }

  const size_t n = res.indicators.size(), nd = res.dimensions.size();
  std::vector<std::unique_ptr<IndicatorImpl>> impls;
  std::vector<Kind> kinds = {Kind::kPerson, Kind::kAllocation};
  auto add_kinds = [&](const std::vector<Kind>& ks) {
    for (Kind k : ks)
      if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
  };
  for (const IndicatorDef* d : res.indicators) {
    impls.push_back(d->make());
    add_kinds(impls.back()->Kinds());
    ctx.rules |= impls.back()->Rules();
  }
  for (const DimensionDef* d : res.dimensions) add_kinds(d->kinds);
  // Kinds not asked for are left empty in every view. Obligations read their rules' kinds:
  // given for the rules the indicators declared (IndicatorImpl::Rules).
  add_kinds(Timescales::KindsFor(ctx.rules));

  res.cases.resize(n);
  res.keys.resize(n);
  Emitter em;
  auto give_keys = [&](size_t i, size_t from, const ChildView* v) {
    const std::vector<Case>& cs = res.cases[i];
    for (size_t c = from; c < cs.size(); ++c)
      for (const DimensionDef* d : res.dimensions)
        res.keys[i].push_back(d->key(DimensionInput{ctx, v, cs[c], res.indicators[i]->info}));
  };
  projection.ForEachChild(kinds, [&](const ChildView& v) {
    for (size_t i = 0; i < n; ++i) {
      em.Bind(&ctx, v.child, &res.cases[i]);
      const size_t before = res.cases[i].size();
      impls[i]->Child(ctx, v, em);
      if (nd) give_keys(i, before, &v);
    }
  });
  for (size_t i = 0; i < n; ++i) {
    em.Bind(&ctx, 0, &res.cases[i]);
    const size_t before = res.cases[i].size();
    impls[i]->Finish(ctx, em);
    if (nd) give_keys(i, before, nullptr);
  }

  // Cells: the total and each dimension's groups, per period.
  const size_t np = res.periods.size();
  for (size_t i = 0; i < n; ++i) {
    const IndicatorInfo& info = res.indicators[i]->info;
    const bool median = info.unit == Unit::kMedianDays;
    const std::vector<Case>& cs = res.cases[i];
    std::vector<Acc> totals(np);
    std::vector<std::unordered_map<int64_t, Acc>> groups(nd);
    auto add = [&](Acc& a, const Case& c) {
      a.cases++;
      a.numerator += c.numerator;
      a.sum += c.value;
      if (median) a.values.push_back(c.value);
    };
    for (size_t c = 0; c < cs.size(); ++c) {
      add(totals[cs[c].period], cs[c]);
      for (size_t d = 0; d < nd; ++d) {
        const int64_t k = (static_cast<int64_t>(cs[c].period) << 32) |
                          static_cast<uint32_t>(res.keys[i][c * nd + d]);
        add(groups[d][k], cs[c]);
      }
    }
    const std::optional<double> total_pop =
        request.population ? std::optional<double>(request.population->Total()) : std::nullopt;
    std::vector<Cell> cells;
    for (size_t p = 0; p < np; ++p) {
      Cell c = MakeCell(info, totals[p], total_pop);
      c.indicator = static_cast<uint32_t>(i);
      c.period = static_cast<uint16_t>(p);
      cells.push_back(std::move(c));
    }
    for (size_t d = 0; d < nd; ++d) {
      const DimensionDef& dim = *res.dimensions[d];
      if (dim.applies && !dim.applies(info)) continue;
      for (auto& [k, acc] : groups[d]) {
        const int32_t key = static_cast<int32_t>(static_cast<uint32_t>(k & 0xffffffff));
        std::optional<double> pop;
        if (request.population && dim.population) pop = dim.population(*request.population, key);
        Cell c = MakeCell(info, acc, pop);
        c.indicator = static_cast<uint32_t>(i);
        c.period = static_cast<uint16_t>(k >> 32);
        c.dimension = static_cast<int16_t>(d);
        c.key = key;
        c.label = dim.label(ctx, info, key);
        cells.push_back(std::move(c));
      }
    }
    std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
      return std::tie(a.period, a.dimension, a.key) < std::tie(b.period, b.dimension, b.key);
    });
    for (Cell& c : cells) res.cells.push_back(std::move(c));
  }
  return res;
}

const Cell* ReportResult::Total(size_t indicator, size_t period) const {
  for (const Cell& c : cells)
    if (c.indicator == indicator && c.period == period && c.dimension < 0) return &c;
  return nullptr;
}

namespace {
template <typename F>
void ForCellCases(const ReportResult& r, const Cell& cell, bool numerator_only, F&& fn) {
  const std::vector<Case>& cs = r.cases[cell.indicator];
  const std::vector<int32_t>& keys = r.keys[cell.indicator];
  const size_t nd = r.dimensions.size();
  for (size_t c = 0; c < cs.size(); ++c) {
    if (cs[c].period != cell.period || (numerator_only && !cs[c].numerator)) continue;
    if (cell.dimension >= 0 && keys[c * nd + static_cast<size_t>(cell.dimension)] != cell.key)
      continue;
    fn(cs[c]);
  }
}
std::vector<int32_t> SortedUnique(std::vector<int32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}
}  // namespace

std::vector<int32_t> ReportResult::DrillDown(const Cell& cell, bool numerator_only) const {
  std::vector<int32_t> out;
  ForCellCases(*this, cell, numerator_only, [&](const Case& c) {
    if (c.child) out.push_back(c.child);
  });
  return SortedUnique(std::move(out));
}

std::vector<int32_t> ReportResult::DrillDownRecords(const Cell& cell, bool numerator_only) const {
  std::vector<int32_t> out;
  ForCellCases(*this, cell, numerator_only, [&](const Case& c) { out.push_back(c.record); });
  return SortedUnique(std::move(out));
}

Period YearTo(Date d) {
  const int y = CollectionYearOf(d);
  return Period{CollectionYearStart(y), d, fmt::format("{}-{:02}", y - 1, y % 100)};
}

Result<std::vector<Period>> TrendPeriods(std::string_view trend, Date as_at) {
  std::vector<Period> out;
  if (trend == "weekly") {
    for (int w = 12; w >= 0; --w) {
      const Date end = as_at.AddDays(-7 * w);
      out.push_back(Period{end.AddDays(-6), end, fmt::format("week to {}", end.ToIso())});
    }
  } else if (trend == "monthly") {
    const YearMonthDay ymd = as_at.ToYmd();
    const Date first = Date::FromYmd(ymd.year, ymd.month, 1);
    for (int m = 11; m >= 0; --m) {
      const Date start = first.AddMonths(-m);
      const Date end = std::min(start.AddMonths(1).AddDays(-1), as_at);
      const YearMonthDay s = start.ToYmd();
      out.push_back(Period{start, end, fmt::format("{}-{:02}", s.year, s.month)});
    }
  } else if (trend == "yearly") {
    const int y = CollectionYearOf(as_at);
    for (int k = 5; k >= 0; --k) {
      const Date end = std::min(CollectionYearEnd(y - k), as_at);
      out.push_back(Period{CollectionYearStart(y - k), end,
                           fmt::format("{}-{:02}", y - k - 1, (y - k) % 100)});
    }
  } else {
    return Err(InvalidArgument(
        fmt::format("--trend \"{}\" is not a trend (allowed: weekly, monthly, yearly)", trend)));
  }
  return out;
}

}  // namespace journey::engine
