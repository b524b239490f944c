// Five indicators computed twice from the same SQLite store in the same run: as SQL
// queries over the store's own tables (current versions: superseded_tx IS NULL and not
// deleted), and by the engine over its in-memory projection loaded from that store. The
// figures must be equal (the bench exits 1 if any differs); it prints both times and
// their ratio (issue 3: the engine at least 50 times faster).
//
//   journey generate --db /tmp/council.db            # the default council, once
//   build/bench/indicators_sql_bench --db /tmp/council.db [--from D --to D] [--reps N]
//
// The period defaults to the last complete DfE collection year on or before the
// generator's as-at date (2025-04-01 to 2026-03-31 for the default council). Times are
// warm: each side runs once untimed, then the best of --reps runs (default 3) is kept.
//
// The SQL side gets no help from the engine: working days come from a temporary calendar
// table built in SQL from the bank holidays (the same embedded list the engine's calendar
// reads), month arithmetic is written in SQL with Journey's clamping (31 January + 1 month
// = 28/29 February), and no index is added to the store's schema.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/clock.h"
#include "engine/indicator_report.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "model/kinds.h"
#include "store/db.h"
#include "store/store.h"

namespace {

using journey::Date;
using journey::Result;
using journey::Status;
using journey::engine::ChildView;
using journey::engine::KindTable;
using journey::engine::kNoDay;
using journey::engine::Projection;
using journey::engine::RowRange;
using journey::model::Kind;

struct Figure {
  int64_t numerator = 0, denominator = 0;
};

double Ms(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "indicators_sql_bench: %s\n", s.ToString().c_str());
  return 1;
}

// "Current version" of a row of table alias `t`.
std::string Cur(const char* t) {
  return fmt::format("{0}.superseded_tx IS NULL AND {0}.deleted = 0", t);
}
// Journey's AddMonths in SQLite: SQLite's own '+N months' rolls 31 January over into
// March; clamping to the month's last day is the smaller of the two dates.
std::string AddMonthsSql(const std::string& d, int n) {
  return fmt::format(
      "min(date({0}, '{1:+d} months'), date({0}, 'start of month', '{2:+d} "
      "months', '-1 day'))",
      d, n, n + 1);
}

// The calendar as SQL tables: cal(day, n) with n the working days on or before the day,
// and wday(n, day) for working days, so that AddWorkingDays(d, k) is
// wday[cal[d].n + k].day (day 0 the event day; a weekend event counts from Monday).
Status BuildSqlCalendar(journey::db::Connection& c) {
  const auto& cal = journey::WorkingDayCalendar::EnglandAndWales();
  JOURNEY_RETURN_IF_ERROR(
      c.Exec("DROP TABLE IF EXISTS temp.bank_holiday; DROP TABLE IF EXISTS temp.cal; "
             "DROP TABLE IF EXISTS temp.wday; "
             "CREATE TEMP TABLE bank_holiday(day DATE PRIMARY KEY) WITHOUT ROWID;"));
  JOURNEY_ASSIGN_OR_RETURN(journey::db::Statement ins,
                           c.Prepare("INSERT INTO temp.bank_holiday(day) VALUES ($1)"));
  for (const journey::BankHoliday& h : cal.holidays()) {
    ins.BindText(1, h.date.ToIso());
    JOURNEY_RETURN_IF_ERROR(ins.Run());
    ins.Reset();
  }
  return c.Exec(fmt::format(
      "CREATE TEMP TABLE cal(day DATE PRIMARY KEY, n INTEGER NOT NULL, working INTEGER NOT "
      "NULL) WITHOUT ROWID;"
      "INSERT INTO temp.cal(day, n, working) "
      "WITH RECURSIVE d(day) AS (SELECT '{}' UNION ALL SELECT date(day, '+1 day') FROM d "
      "WHERE day < '{}'), "
      "w AS (SELECT day, strftime('%w', day) NOT IN ('0', '6') AND day NOT IN (SELECT day FROM "
      "temp.bank_holiday) AS working FROM d) "
      "SELECT day, SUM(working) OVER (ORDER BY day), working FROM w;"
      "CREATE TEMP TABLE wday(n INTEGER PRIMARY KEY, day DATE NOT NULL);"
      "INSERT INTO temp.wday(n, day) SELECT n, day FROM temp.cal WHERE working;",
      cal.first_covered().ToIso(), cal.last_covered().ToIso()));
}

// The engine's five, in SqlIndicators()' order: the registered indicators, computed by the
// framework (ComputeIndicators) in one pass, and, until the protection indicators are
// registered, initial conferences within 15 working days from rule ICPC_15WD's obligations
// met in the period (what the framework's timeliness indicators count).
std::vector<Figure> EngineFigures(const Projection& p, const journey::engine::Timescales& ts,
                                  Date from, Date to) {
  using journey::engine::Obligation;
  using journey::engine::Rule;
  std::vector<Figure> f(5);
  journey::engine::ReportRequest req;
  req.indicators = {"assessments_within_45wd", "rereferrals_12m", "cla_placements_3_or_more",
                    "cla_reviews_on_time"};
  req.periods = {journey::engine::Period{from, to, "period"}};
  req.as_at = to;
  auto r = journey::engine::ComputeIndicators(p, ts, req);
  if (!r) {
    std::fprintf(stderr, "indicators_sql_bench: %s\n", r.error().ToString().c_str());
    std::exit(1);
  }
  const size_t slot[] = {0, 1, 3, 4};
  for (size_t i = 0; i < 4; ++i) {
    const journey::engine::Cell* c = r->Total(i, 0);
    f[slot[i]] = Figure{static_cast<int64_t>(c->numerator), static_cast<int64_t>(c->denominator)};
  }
  const journey::engine::RuleSet icpc = {Rule::kInitialConference};
  std::vector<Obligation> obs;
  const int32_t a = from.days(), b = to.days();
  p.ForEachChild(journey::engine::Timescales::KindsFor(icpc), [&](const ChildView& v) {
    obs.clear();
    ts.ForChild(p, v, to, &obs, false, icpc);
    for (const Obligation& o : obs) {
      if (o.met < a || o.met > b) continue;
      ++f[2].denominator;
      f[2].numerator += o.met <= o.due;
    }
  });
  return f;
}

struct SqlIndicator {
  const char* id;
  std::string sql;  // $1 period start, $2 period end; returns (denominator, numerator)
};

std::vector<SqlIndicator> SqlIndicators() {
  std::vector<SqlIndicator> q;
  // Assessments authorised in the period; on time when authorised on or before 45 working
  // days from the referral (from the assessment's start when it has no referral).
  q.push_back({"assessments_within_45wd", fmt::format(R"(
    WITH a AS (
      SELECT a.authorised_date AS done, coalesce(r.referral_date, a.start_date) AS start
      FROM assessment a
      LEFT JOIN referral r ON r.id = a.referral_id AND r.child_id = a.child_id AND {}
      WHERE {} AND a.authorised_date BETWEEN $1 AND $2)
    SELECT count(*), coalesce(sum(w.day IS NOT NULL AND a.done <= w.day), 0)
    FROM a LEFT JOIN temp.cal c ON c.day = a.start LEFT JOIN temp.wday w ON w.n = c.n + 45)",
                                                      Cur("r"), Cur("a"))});
  // Referrals in the period; a re-referral when the child has an earlier referral (a day
  // or more before) dated on or after the same day 12 months before.
  q.push_back(
      {"rereferrals_12m", fmt::format(R"(
    SELECT count(*), coalesce(sum(EXISTS (
        SELECT 1 FROM referral p
        WHERE p.child_id = r.child_id AND {} AND p.referral_date < r.referral_date
          AND p.referral_date >= {})), 0)
    FROM referral r WHERE {} AND r.referral_date BETWEEN $1 AND $2)",
                                      Cur("p"), AddMonthsSql("r.referral_date", -12), Cur("r"))});
  // Section 47 enquiries (not marked icpc_not_required) whose initial conference was held
  // in the period; on time within 15 working days of the strategy discussion (of the
  // enquiry's start without one). The conference is the one linked to the enquiry or,
  // failing a link, the child's first unlinked initial conference on or after the start
  // (as rule ICPC_15WD finds it).
  q.push_back({"icpc_within_15wd", fmt::format(R"(
    WITH e AS (
      SELECT coalesce(d.discussion_date, s.start_date) AS start, (
          SELECT min(c.conference_date) FROM cp_conference c
          WHERE c.child_id = s.child_id AND {} AND c.conference_type = 'INITIAL'
            AND (c.s47_id = s.id OR (c.s47_id IS NULL
                 AND c.conference_date >= coalesce(d.discussion_date, s.start_date)))) AS met
      FROM section47_enquiry s
      LEFT JOIN strategy_discussion d
        ON d.id = s.strategy_discussion_id AND d.child_id = s.child_id AND {}
      WHERE {} AND coalesce(s.icpc_not_required, 0) = 0)
    SELECT count(*), coalesce(sum(e.met <= w.day), 0)
    FROM e JOIN temp.cal k ON k.day = e.start JOIN temp.wday w ON w.n = k.n + 15
    WHERE e.met BETWEEN $1 AND $2 AND e.start <= $2)",
                                               Cur("c"), Cur("d"), Cur("s"))});
  // Children looked after on the period's last day (not on short breaks: the latest episode
  // open that day is not V3 or V4); in the numerator with 3 or more placements in progress
  // at some time in the period.
  q.push_back({"cla_placements_3_or_more", fmt::format(R"(
    WITH period AS (SELECT $1 AS first_day, $2 AS last_day),
    lac AS (
      SELECT DISTINCT child_id FROM cla_period p, period
      WHERE {} AND p.start_date <= last_day AND (p.end_date IS NULL OR p.end_date > last_day)
        AND coalesce((
          SELECT e.legal_status FROM cla_episode e
          WHERE e.child_id = p.child_id AND {} AND e.start_date <= last_day
            AND (e.end_date IS NULL OR e.end_date > last_day)
          ORDER BY e.start_date DESC, e.id DESC LIMIT 1), '') NOT IN ('V3', 'V4'))
    SELECT count(*), coalesce(sum((
        SELECT count(*) FROM placement pl
        WHERE pl.child_id = lac.child_id AND {} AND pl.start_date <= last_day
          AND (pl.end_date IS NULL OR pl.end_date >= first_day)) >= 3), 0)
    FROM lac, period)",
                                                       Cur("p"), Cur("e"), Cur("pl"))});
  // Looked-after reviews held in the period; on time by the CLA_REVIEW chain: the first
  // within 20 working days of the period's start, the second within 3 months of the
  // first, each later one within 6 months of the one before.
  q.push_back({"cla_reviews_on_time",
               fmt::format(R"(
    WITH rv AS (
      SELECT r.review_date AS d, p.start_date AS start,
             lag(r.review_date) OVER w AS prev, row_number() OVER w AS k
      FROM cla_review r
      JOIN cla_period p ON p.id = r.cla_period_id AND p.child_id = r.child_id AND {}
      WHERE {} AND r.review_date >= p.start_date
      WINDOW w AS (PARTITION BY r.cla_period_id ORDER BY r.review_date))
    SELECT count(*), coalesce(sum(d <= CASE k
        WHEN 1 THEN (SELECT w.day FROM temp.cal c JOIN temp.wday w ON w.n = c.n + 20
                     WHERE c.day = rv.start)
        WHEN 2 THEN {} ELSE {} END), 0)
    FROM rv WHERE d BETWEEN $1 AND $2)",
                           Cur("p"), Cur("r"), AddMonthsSql("prev", 3), AddMonthsSql("prev", 6))});
  return q;
}

Result<Figure> RunSql(journey::db::Connection& c, const std::string& sql, Date from, Date to) {
  JOURNEY_ASSIGN_OR_RETURN(journey::db::Statement st, c.Prepare(sql));
  st.BindText(1, from.ToIso());
  st.BindText(2, to.ToIso());
  JOURNEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return journey::Err(journey::Internal("the query returned no row"));
  return Figure{st.Int(1), st.Int(0)};
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::string from_arg, to_arg;
  int reps = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "indicators_sql_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--db") {
      db = next();
    } else if (a == "--from") {
      from_arg = next();
    } else if (a == "--to") {
      to_arg = next();
    } else if (a == "--reps") {
      reps = std::max(1, std::atoi(next().c_str()));
    } else {
      std::fprintf(stderr,
                   "usage: indicators_sql_bench --db COUNCIL.db [--from YYYY-MM-DD --to "
                   "YYYY-MM-DD] [--reps N]\n(unknown argument %s)\n",
                   a.c_str());
      return 2;
    }
  }
  if (db.empty()) {
    std::fprintf(stderr,
                 "indicators_sql_bench: --db is required (make one with `journey generate "
                 "--db /tmp/council.db`)\n");
    return 2;
  }

  journey::FixedClock clock(Date::FromYmd(2026, 3, 31));
  auto store = journey::store::OpenSqliteStore(db, clock);
  if (!store) return Fail(store.error());
  // The period: the last complete collection year on or before the generator's as-at date.
  Date as_at = Date::FromYmd(2026, 3, 31);
  if (auto meta = (*store)->GetMeta("generator.as_at"); meta && *meta) {
    if (auto d = Date::ParseIso(**meta)) as_at = *d;
  }
  int year = journey::CollectionYearOf(as_at);
  if (journey::CollectionYearEnd(year) > as_at) --year;
  Date from = journey::CollectionYearStart(year), to = journey::CollectionYearEnd(year);
  for (auto [arg, out] : {std::pair{&from_arg, &from}, std::pair{&to_arg, &to}}) {
    if (arg->empty()) continue;
    auto d = Date::ParseIso(*arg);
    if (!d) return Fail(d.error());
    *out = *d;
  }

  auto t0 = std::chrono::steady_clock::now();
  auto p = journey::engine::Projection::Load(**store);
  if (!p) return Fail(p.error());
  const double load_ms = Ms(t0);
  std::printf("%s: %llu records; projection loaded in %.0f ms; period %s to %s\n", db.c_str(),
              static_cast<unsigned long long>(p->Stats().records), load_ms, from.ToIso().c_str(),
              to.ToIso().c_str());

  auto conn = journey::db::Connection::OpenSqlite(db);
  if (!conn) return Fail(conn.error());
  t0 = std::chrono::steady_clock::now();
  if (Status s = BuildSqlCalendar(**conn); !s.ok()) return Fail(s);
  const double cal_ms = Ms(t0);

  const journey::engine::Timescales ts;
  const auto sql = SqlIndicators();
  double engine_all_ms = 1e18;
  std::vector<Figure> by_sql(sql.size()), by_engine(sql.size());
  std::vector<double> sql_ms(sql.size(), 1e18);
  for (int rep = 0; rep <= reps; ++rep) {  // rep 0 warms caches and is not timed
    for (size_t i = 0; i < sql.size(); ++i) {
      t0 = std::chrono::steady_clock::now();
      auto f = RunSql(**conn, sql[i].sql, from, to);
      if (!f) return Fail(f.error().WithContext(fmt::format("{}: ", sql[i].id)));
      if (rep > 0) sql_ms[i] = std::min(sql_ms[i], Ms(t0));
      by_sql[i] = *f;
    }
    t0 = std::chrono::steady_clock::now();
    by_engine = EngineFigures(*p, ts, from, to);
    if (rep > 0) engine_all_ms = std::min(engine_all_ms, Ms(t0));
  }

  int differ = 0;
  double sql_total = 0;
  std::printf("%-26s %19s %19s %10s\n", "indicator", "SQL num/den", "engine num/den", "SQL ms");
  for (size_t i = 0; i < sql.size(); ++i) {
    const bool same = by_sql[i].numerator == by_engine[i].numerator &&
                      by_sql[i].denominator == by_engine[i].denominator;
    differ += !same;
    sql_total += sql_ms[i];
    std::printf(
        "%-26s %9lld/%-9lld %9lld/%-9lld %10.1f %s\n", sql[i].id,
        static_cast<long long>(by_sql[i].numerator), static_cast<long long>(by_sql[i].denominator),
        static_cast<long long>(by_engine[i].numerator),
        static_cast<long long>(by_engine[i].denominator), sql_ms[i], same ? "" : "DIFFERENT");
  }
  std::printf(
      "all five: SQL %.1f ms, engine %.1f ms: the engine %.0f times faster (target at least "
      "50). SQL calendar tables, built once and not counted: %.0f ms.\n",
      sql_total, engine_all_ms, sql_total / engine_all_ms, cal_ms);
  if (differ) {
    std::fprintf(stderr, "indicators_sql_bench: %d figure(s) differ between SQL and engine\n",
                 differ);
    return 1;
  }
  return 0;
}
