// Runs the indicators over every child once, gives each case its groups, and sums cells.
#include "engine/indicator_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <thread>
#include <unordered_map>

#include "engine/indicator_sums.h"

namespace journey::engine {
namespace {

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

// A set of kinds.
struct KindMask {
  uint64_t bits[(model::kKindCount + 63) / 64] = {};
  void Set(Kind k) {
    bits[static_cast<size_t>(k) / 64] |= uint64_t{1} << (static_cast<size_t>(k) % 64);
  }
  bool Empty() const {
    for (uint64_t b : bits)
      if (b) return false;
    return true;
  }
  bool Intersects(const KindMask& o) const {
    for (size_t i = 0; i < std::size(bits); ++i)
      if (bits[i] & o.bits[i]) return true;
    return false;
  }
};

// One thread's share of the children: its own indicator objects (they may keep state),
// context (the obligation cache), cases and sums.
struct Share {
  Context ctx;
  const ReportResult* res;
  std::vector<std::unique_ptr<IndicatorImpl>> impls;
  std::vector<std::vector<Case>> cases;    // per indicator
  std::vector<std::vector<int32_t>> keys;  // per indicator: cases x dimensions
  internal::CellSums sums;
  Emitter em;

  // Per indicator: the kinds other than person and allocation it reads (as a mask of
  // kinds); a child with no row of any of them gives it nothing to count, so it is not
  // called for that child. An indicator reading only person and allocation is always called.
  std::vector<KindMask> triggers;
  const std::vector<Kind>* kinds = nullptr;  // the kinds in each view

  Share(const Context& base, const ReportResult& r, bool straightforward)
      : ctx(base),
        res(&r),
        cases(r.indicators.size()),
        keys(r.indicators.size()),
        sums(r.indicators, r.dimensions, r.periods.size(), !straightforward) {
    for (const IndicatorDef* d : r.indicators) {
      impls.push_back(d->make());
      KindMask m;
      if (!straightforward)
        for (Kind k : impls.back()->Kinds())
          if (k != Kind::kPerson && k != Kind::kAllocation) m.Set(k);
      triggers.push_back(m);
    }
  }

  // Runs every indicator over one child (null: Finish, the cases about no child) and sums
  // the new cases.
  template <typename F>
  void Run(const ChildView* v, F&& step) {
    sums.BeginChild(ctx, v);
    KindMask has;
    if (v)
      for (Kind k : *kinds)
        if (!v->of(k).empty()) has.Set(k);
    for (size_t i = 0; i < impls.size(); ++i) {
      if (v && !triggers[i].Empty() && !triggers[i].Intersects(has)) continue;
      em.Bind(&ctx, v ? v->child : 0, &cases[i]);
      const size_t before = cases[i].size();
      step(*impls[i]);
      for (size_t c = before; c < cases[i].size(); ++c) sums.KeyAndAdd(i, cases[i][c], &keys[i]);
    }
  }
  void Children(const Projection& p, const std::vector<Kind>& ks, int32_t from, int32_t to) {
    kinds = &ks;
    p.ForEachChildIn(ks, from, to, [&](const ChildView& v) {
      Run(&v, [&](IndicatorImpl& impl) { impl.Child(ctx, v, em); });
    });
  }
  // Joins the next share (children after this one's).
  void Absorb(Share& o) {
    for (size_t i = 0; i < impls.size(); ++i) {
      impls[i]->Absorb(*o.impls[i]);
      cases[i].insert(cases[i].end(), o.cases[i].begin(), o.cases[i].end());
      keys[i].insert(keys[i].end(), o.keys[i].begin(), o.keys[i].end());
    }
    sums.Absorb(o.sums);
  }
  void Finish() {
    Run(nullptr, [&](IndicatorImpl& impl) { impl.Finish(ctx, em); });
  }
};

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

  Context base;
  base.projection = &projection;
  base.timescales = &timescales;
  base.as_at = request.as_at;
  base.periods = res.periods;
  base.first_day = base.last_day = res.periods[0].start.days();
  for (const Period& p : res.periods) {
    base.first_day = std::min(base.first_day, p.start.days());
    base.last_day = std::max(base.last_day, p.end.days());
  }

  // The kinds every view needs, and the rules to compute: the union over the indicators.
  std::vector<Kind> kinds = {Kind::kPerson, Kind::kAllocation};
  auto add_kinds = [&](const std::vector<Kind>& ks) {
    for (Kind k : ks)
      if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
  };
  for (const IndicatorDef* d : res.indicators) {
    const std::unique_ptr<IndicatorImpl> impl = d->make();
    add_kinds(impl->Kinds());
    base.rules |= impl->Rules();
  }
  for (const DimensionDef* d : res.dimensions) add_kinds(d->kinds);
  // Kinds not asked for are left empty in every view. Obligations read their rules' kinds:
  // given for the rules the indicators declared (IndicatorImpl::Rules).
  add_kinds(Timescales::KindsFor(base.rules));

  // The children split into shares, one per thread, each share with its own indicator
  // objects, obligation cache, cases and sums; the shares are then joined in child order,
  // so the cases and cells are the same whatever the number of threads.
  size_t threads =
      request.threads > 0 && !request.straightforward ? static_cast<size_t>(request.threads) : 1;
  if (request.threads <= 0 && !request.straightforward &&
      projection.table(Kind::kPerson).live_rows() >= 20000)
    threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  const std::vector<int32_t> bounds = projection.SplitChildren(threads);
  std::vector<Share> shares;
  shares.reserve(threads);
  for (size_t t = 0; t < threads; ++t) shares.emplace_back(base, res, request.straightforward);
  auto run = [&](size_t t) {
    const int32_t to =
        t + 2 == bounds.size() ? std::numeric_limits<int32_t>::max() : bounds[t + 1] - 1;
    shares[t].Children(projection, kinds, bounds[t], to);
  };
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads; ++t) workers.emplace_back(run, t);
  run(0);
  for (std::thread& w : workers) w.join();

  Share& all = shares[0];
  for (size_t t = 1; t < threads; ++t) all.Absorb(shares[t]);
  all.Finish();
  res.cases = std::move(all.cases);
  res.keys = std::move(all.keys);
  for (size_t i = 0; i < res.indicators.size(); ++i) {
    const IndicatorInfo& info = res.indicators[i]->info;
    for (Cell& c : all.sums.Cells(i, request.population)) {
      if (c.dimension >= 0)
        c.label = res.dimensions[static_cast<size_t>(c.dimension)]->label(all.ctx, info, c.key);
      res.cells.push_back(std::move(c));
    }
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
