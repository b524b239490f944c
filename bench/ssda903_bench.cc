// SSDA903 benchmark: export and import of a large synthetic council's return, with a
// byte-for-byte round trip check, against floors measured in the same run.
//
//   build/bench/ssda903_bench [--children N] [--seed S] [--year 2026] [--out DIR]
//                             [--synth 1 --years Y]   (the synthetic generator's council)
//
// Export is compared with loading each included child's whole record (LoadChild after
// scanning episodes and care leavers' statuses), the obvious way to read it; import with parsing
// the same bytes as CSV (ParseCsv alone) and with the budget for reading a large council's
// return.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "base/clock.h"
#include "base/csv.h"
#include "returns/ssda903_export.h"
#include "returns/ssda903_import.h"
#include "returns/ssda903_read.h"
#include "store/store.h"
#include "synth/load.h"

namespace {

using namespace journey;
using Steady = std::chrono::steady_clock;

double Since(Steady::time_point t0) {
  return std::chrono::duration<double>(Steady::now() - t0).count();
}
void Fail(const Status& s) {
  std::fprintf(stderr, "ssda903_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}
void RemoveDb(const std::string& p) {
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s);
}
template <typename F>
double Best(int runs, F&& f) {
  double best = 1e18;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Steady::now();
    f();
    best = std::min(best, Since(t0));
  }
  return best;
}

// A council of looked-after children built here (the synthetic generator's care journeys
// are still being finished): `n` children, each with one period of care between 2019 and
// 2026 of one to six episodes, reviews every six months, yearly health checks, SDQs and
// immunisations, a social worker, sometimes missing episodes, UASC status or an adoption,
// and care leavers' circumstances at each birthday from 17 to 21.
struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int In(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(int percent) { return In(1, 100) <= percent; }
};

Status BuildCouncil(store::Store& s, int n, uint64_t seed) {
  using model::Kind;
  using model::Record;
  Rng rng{seed};
  auto bulk_r = s.BeginBulk(store::Actor{"bench", "", ""});
  if (!bulk_r) return bulk_r.error();
  auto& bulk = **bulk_r;
  const Date d2015 = Date::FromYmd(2015, 1, 1), d2019 = Date::FromYmd(2019, 4, 1),
             last = Date::FromYmd(2026, 3, 31);
  for (int w = 1; w <= 200; ++w) {
    Record r(Kind::kWorker);
    r.id = w;
    r.Set("name", fmt::format("Worker {}", w));
    r.Set("role", std::string("SW"));
    r.Set("swe_number", fmt::format("SW{:06}", w));
    r.Set("start_date", d2015);
    JOURNEY_RETURN_IF_ERROR(bulk.Add(std::move(r)));
  }
  int64_t id = 0, households = 0;
  const char* kEthnic[] = {"WBRI", "WBRI", "WBRI", "MWBC", "BAFR", "AOTH", "WOTH"};
  const char* kPlace[] = {"U6", "U6", "U4", "U3", "K2", "R1", "P1"};
  const char* kLs[] = {"C2", "C1", "V2", "C2", "E1"};
  for (int i = 1; i <= n; ++i) {
    model::ChildRecords c;
    c.child_id = i;
    auto add = [&](Kind k) -> Record& {
      Record r(k);
      r.id = ++id;
      r.child_id = i;
      c.of(k).push_back(std::move(r));
      return c.of(k).back();
    };
    Record& p = add(Kind::kPerson);
    p.id = i;
    const Date born = d2015.AddDays(-rng.In(0, 365 * 11)).AddDays(rng.In(0, 365 * 10));
    p.Set("la_child_id", fmt::format("LA{:06}", i));
    p.Set("sex", std::string(rng.Chance(50) ? "M" : "F"));
    p.Set("birth_date", born);
    p.Set("ethnicity", std::string(kEthnic[rng.In(0, 6)]));
    p.Set("upn_unknown", std::string("UN1"));
    Date start = std::max(born.AddDays(1), d2019).AddDays(rng.In(0, 6 * 365));
    if (start > last) start = last.AddDays(-rng.In(1, 300));
    Record& period = add(Kind::kClaPeriod);
    period.Set("start_date", start);
    const int64_t period_id = period.id;
    if (rng.Chance(30)) {
      Record& pp = add(Kind::kPreviousPermanence);
      pp.Set("prev_perm", std::string("Z1"));
      pp.Set("recorded_date", start);
    }
    Date d = start;
    const int episodes = rng.In(1, 6);
    int64_t placement = 0;
    std::optional<Date> end;
    std::string last_rec;
    for (int e = 0; e < episodes; ++e) {
      const Date until = d.AddDays(rng.In(20, 400));
      const bool open = until > last;
      const bool final_ep = e + 1 == episodes || open;
      const char* rne = e == 0 ? "S" : (rng.Chance(30) ? "L" : "P");
      if (std::string(rne) != "L") {
        Record& pl = add(Kind::kPlacement);
        pl.Set("cla_period_id", period_id);
        pl.Set("start_date", d);
        pl.Set("placement_type", std::string(kPlace[rng.In(0, 6)]));
        pl.Set("provider", std::string("PR1"));
        pl.Set("postcode", fmt::format("ZZ{} {}AA", rng.In(1, 99), rng.In(1, 9)));
        placement = pl.id;
      }
      Record& ep = add(Kind::kClaEpisode);
      ep.Set("cla_period_id", period_id);
      ep.Set("placement_id", placement);
      ep.Set("start_date", d);
      ep.Set("rne", std::string(rne));
      ep.Set("legal_status", std::string(kLs[rng.In(0, 4)]));
      ep.Set("cin", std::string("N1"));
      if (!open) {
        ep.Set("end_date", until);
        last_rec = final_ep ? (rng.Chance(10) ? "E11" : "E4A") : "X1";
        ep.Set("rec", last_rec);
        end = until;
      } else {
        end.reset();
      }
      // The placement ends with its last episode.
      for (Record& pl : c.of(Kind::kPlacement))
        if (pl.id == placement) pl.Set("end_date", open ? model::Value{} : model::Value{until});
      if (final_ep) break;
      d = until;
    }
    if (end) period.Set("end_date", *end);
    const Date stop = end.value_or(last);
    for (Date r = start.AddDays(20); r <= stop; r = r.AddMonths(6)) {
      Record& rv = add(Kind::kClaReview);
      rv.Set("cla_period_id", period_id);
      rv.Set("review_date", r);
      rv.Set("participation", std::string("PN1"));
    }
    for (Date h = start.AddMonths(1); h <= stop; h = h.AddYears(1)) {
      Record& ha = add(Kind::kHealthAssessment);
      ha.Set("assessment_type", std::string("REVIEW"));
      ha.Set("assessment_date", h);
      ha.Set("status", std::string("COMPLETED"));
      Record& dn = add(Kind::kHealthAssessment);
      dn.Set("assessment_type", std::string("DENTAL"));
      dn.Set("assessment_date", h.AddDays(10));
      dn.Set("status", std::string("COMPLETED"));
      Record& im = add(Kind::kImmunisation);
      im.Set("recorded_date", h);
      im.Set("up_to_date", rng.Chance(90));
      Record& sq = add(Kind::kSdq);
      sq.Set("sdq_date", h);
      sq.Set("score", int64_t{rng.In(0, 40)});
    }
    Record& al = add(Kind::kAllocation);
    al.Set("worker_id", int64_t{rng.In(1, 200)});
    al.Set("role", std::string("SW"));
    al.Set("start_date", start);
    if (end) al.Set("end_date", *end);
    if (start >= Date::FromYmd(2023, 4, 1)) al.Set("change_reason", std::string("FCONTA"));
    for (int m = rng.Chance(15) ? rng.In(1, 3) : 0; m > 0; --m) {
      const Date on = start.AddDays(rng.In(0, std::max(1, stop - start)));
      Record& me = add(Kind::kMissingEpisode);
      me.Set("missing_type", std::string("M"));
      me.Set("start_at", model::DateTime::FromDateAndMinutes(on, 0));
      me.Set("end_at", model::DateTime::FromDateAndMinutes(on.AddDays(1), 0));
      me.Set("cla_period_id", period_id);
    }
    if (rng.Chance(5)) {
      Record& u = add(Kind::kImmigrationStatus);
      u.Set("status", std::string("UASC"));
      u.Set("start_date", start);
      u.Set("end_date", born.AddYears(18) > start ? born.AddYears(18) : start.AddDays(1));
    }
    if (last_rec == "E11" && end) {
      Record h(Kind::kAdopterHousehold);
      h.id = ++households;
      h.Set("family_ref", fmt::format("F{}", h.id));
      h.Set("enquiry_date", start);
      h.Set("sex_adoptr", std::string("MF"));
      h.Set("ls_adoptr", std::string("L11"));
      h.Set("number_adopters", int64_t{2});
      Record& a = add(Kind::kAdoption);
      a.Set("cla_period_id", period_id);
      a.Set("decision_date", std::max(start, end->AddDays(-200)));
      a.Set("match_date", std::max(start, end->AddDays(-100)));
      a.Set("order_date", *end);
      a.Set("household_id", h.id);
      JOURNEY_RETURN_IF_ERROR(bulk.Add(std::move(h)));
    }
    if (start < born.AddYears(17)) {
      for (int age = 17; age <= 21; ++age) {
        const Date b = born.AddYears(age);
        if (b > last || (end && b < *end)) continue;
        Record& st = add(Kind::kCareLeaverStatus);
        st.Set("status_date", b);
        st.Set("in_touch", std::string("YES"));
        st.Set("accommodation", std::string("U"));
        st.Set("accommodation_suitable", true);
        st.Set("activity", std::string("F2"));
      }
    }
    JOURNEY_RETURN_IF_ERROR(bulk.AddChild(std::move(c)));
  }
  return bulk.Commit();
}

}  // namespace

int main(int argc, char** argv) {
  synth::Options opt;
  opt.children = 5000;
  int year = 2026;
  bool use_synth = false;
  std::string out = "bench/out903";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--children")
      opt.children = std::atoll(argv[i + 1]);
    else if (a == "--years")
      opt.years = std::atoi(argv[i + 1]);
    else if (a == "--seed")
      opt.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--year")
      year = std::atoi(argv[i + 1]);
    else if (a == "--out")
      out = argv[i + 1];
    else if (a == "--synth")
      use_synth = std::string(argv[i + 1]) == "1";
  }
  std::filesystem::create_directories(out);
  FixedClock clock(opt.as_at);

  // The council (generated once per size and seed, then reused).
  const std::string council =
      fmt::format("{}/council_{}_{}_{}_{}.db", out, use_synth ? "synth" : "cla", opt.children,
                  opt.years, opt.seed);
  auto a = store::OpenSqliteStore(council, clock);
  if (!a) Fail(a.error());
  if ((*a)->Count(model::Kind::kPerson).value_or(0) == 0) {
    auto t0 = Steady::now();
    if (use_synth) {
      auto rep = synth::GenerateIntoStore(opt, **a);
      if (!rep) Fail(rep.error());
    } else if (Status st = BuildCouncil(**a, static_cast<int>(opt.children), opt.seed); !st.ok()) {
      Fail(st);
    }
    std::printf("built the council in %.1f s\n", Since(t0));
  }

  // Export, best of 3.
  returns::Return903 first;
  const double export_s = Best(3, [&] {
    auto r = returns::Export903(**a, year);
    if (!r) Fail(r.error());
    first = std::move(*r);
  });
  // The obvious alternative: load each included child's whole record.
  const double reads_s = Best(3, [&] {
    std::set<int64_t> kids;
    const Date s = CollectionYearStart(year), e = CollectionYearEnd(year);
    Status st = (*a)->Scan(model::Kind::kClaEpisode, [&](const model::Record& r) {
      auto d = r.GetDate("end_date");
      if (*r.GetDate("start_date") <= e && (!d || *d >= s)) kids.insert(r.child_id);
      return Status::Ok();
    });
    if (!st.ok()) Fail(st);
    st = (*a)->Scan(model::Kind::kCareLeaverStatus, [&](const model::Record& r) {
      kids.insert(r.child_id);
      return Status::Ok();
    });
    if (!st.ok()) Fail(st);
    for (int64_t k : kids)
      if (auto c = (*a)->LoadChild(k); !c) Fail(c.error());
  });

  std::vector<returns::InputFile> files;
  size_t bytes = 0, episodes = 0, children = 0;
  for (const returns::Table903& t : first.tables) {
    files.push_back({t.spec->name + ".csv", returns::TableCsv(t)});
    bytes += files.back().text.size();
    if (t.spec->name == "Episodes") episodes = t.rows.size();
    if (t.spec->name == "Header") children = t.rows.size();
  }
  if (Status st = returns::WriteReturn(first, out + "/export"); !st.ok()) Fail(st);

  // Import into an empty store (best of 3, each into a fresh store).
  const std::string b_path = out + "/imported.db";
  std::unique_ptr<store::Store> b;
  returns::ImportReport rep;
  const double import_s = Best(3, [&] {
    b.reset();
    RemoveDb(b_path);
    auto s = store::OpenSqliteStore(b_path, clock);
    if (!s) Fail(s.error());
    b = std::move(*s);
    auto t0 = Steady::now();
    auto r = returns::Import903(*b, year, files, store::Actor{"bench", "", ""});
    if (!r) Fail(r.error());
    rep = std::move(*r);
    (void)t0;
  });
  if (!rep.problems.empty()) {
    for (size_t i = 0; i < rep.problems.size() && i < 20; ++i)
      std::fprintf(stderr, "%s\n", rep.problems[i].ToString().c_str());
    Fail(InvalidArgument(fmt::format("{} problems importing our own export", rep.problems.size())));
  }
  const double read_s = Best(3, [&] { (void)returns::ReadFiles(files, year); });
  const double csv_s = Best(3, [&] {
    for (const auto& f : files)
      if (auto t = ParseCsv(f.text, f.name); !t) Fail(t.error());
  });

  // Round trip: the imported store's export, byte for byte.
  auto again = returns::Export903(*b, year);
  if (!again) Fail(again.error());
  int differing = 0;
  for (size_t i = 0; i < first.tables.size(); ++i) {
    if (returns::TableCsv(first.tables[i]) != returns::TableCsv(again->tables[i])) {
      ++differing;
      std::printf("round trip: %s differs\n", first.tables[i].spec->name.c_str());
    }
  }

  std::printf(
      "council: %lld children, %d years, seed %llu; return %d/%02d: %zu children, %zu "
      "episodes, %zu KB\n",
      static_cast<long long>(opt.children), opt.years, static_cast<unsigned long long>(opt.seed),
      year - 1, year % 100, children, episodes, bytes >> 10);
  std::printf("export:  %8.1f ms   LoadChild each    %8.1f ms   export / loads  %5.2f\n",
              export_s * 1e3, reads_s * 1e3, export_s / reads_s);
  std::printf("import:  %8.1f ms   ParseCsv alone    %8.1f ms   import / parse %6.1f\n",
              import_s * 1e3, csv_s * 1e3, import_s / csv_s);
  std::printf("         read and recognise %.1f ms (%.2f x ParseCsv); %lld records written\n",
              read_s * 1e3, read_s / csv_s, static_cast<long long>(rep.records_written));
  std::printf("round trip: %s\n", differing ? "DIFFERS" : "byte-identical");
  return differing ? 1 : 0;
}
