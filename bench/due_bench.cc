// The engine's due lists: every worker's list for a council-sized projection, and the
// update after one write (replace one child, refresh its obligations, reread the worker's
// list), against the full rebuild the update avoids, in the same run.
//
// Until the synthetic generator lands, the council is built from many copies of the
// golden journeys (src/engine/testdata/timescales), each copy's ids renumbered, its dates
// shifted by up to a year and its workers spread over 300 workers in 25 teams.
//
//   build/bench/due_bench [copies] [--synth CHILDREN] [--sqlite PATH]
//     copies: default 95000 (about a million records); --synth: instead, the synthetic
//     generator's council of CHILDREN children (6 years, seed 1); with --sqlite, the council is
//     also bulk-loaded into an SQLite store at PATH and the projection loaded back from it
//     (Projection::Load: one Scan per kind), to time the real load path.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/clock.h"
#include "engine/due.h"
#include "engine/projection.h"
#include "engine/timescales.h"
#include "model/journey_text.h"
#include "store/store.h"
#include "synth/generator.h"

namespace {

namespace fs = std::filesystem;
using journey::Date;
using journey::engine::DueIndex;
using journey::engine::DueQuery;
using journey::engine::DueScope;
using journey::engine::Projection;
using journey::engine::Timescales;
using journey::model::Kind;
using journey::model::Record;

constexpr int kWorkers = 300;
constexpr int kTeams = 25;

double Ms(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The golden journeys, their test directives dropped.
std::vector<journey::model::JourneyText> Templates() {
  std::vector<journey::model::JourneyText> out;
  const fs::path dir =
      fs::path(__FILE__).parent_path().parent_path() / "src/engine/testdata/timescales";
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, text;
    while (std::getline(in, line)) {
      for (const char* d : {"config ", "rules ", "as_at ", "expect "})
        if (line.rfind(d, 0) == 0) line.clear();
      text += line + "\n";
    }
    auto j = journey::model::ParseJourneyText(text, e.path().filename().string());
    if (!j) {
      std::fprintf(stderr, "%s\n", j.error().ToString().c_str());
      std::exit(1);
    }
    out.push_back(std::move(*j));
  }
  return out;
}

// Copy `copy` of a template child: ids offset, dates shifted, workers and teams spread.
journey::model::ChildRecords Copy(const journey::model::ChildRecords& c, int64_t copy,
                                  int64_t id_base) {
  journey::model::ChildRecords out = c;
  out.child_id = id_base + c.child_id;
  const int shift = static_cast<int>((copy * 37) % 365);
  for (auto& recs : out.by_kind) {
    for (Record& r : recs) {
      const auto& def = journey::model::Def(r.kind);
      r.id = id_base + r.id;
      r.child_id = out.child_id;
      for (size_t i = 0; i < r.values.size(); ++i) {
        auto& v = r.values[i];
        if (auto* d = std::get_if<Date>(&v)) *d = d->AddDays(shift);
        if (auto* t = std::get_if<journey::model::DateTime>(&v)) t->minutes += shift * 1440LL;
        if (auto* n = std::get_if<int64_t>(&v);
            n && def.fields[i].type == journey::model::FieldType::kRef) {
          if (def.fields[i].ref_kind == Kind::kWorker)
            *n = 1 + (copy * 7 + *n) % kWorkers;
          else if (def.fields[i].ref_kind == Kind::kTeam)
            *n = 1 + (copy + *n) % kTeams;
          else
            *n = id_base + *n;
        }
      }
    }
  }
  return out;
}

journey::model::JourneyText Council(int copies) {
  const auto templates = Templates();
  journey::model::JourneyText council;
  for (int t = 1; t <= kTeams; ++t) {
    Record r(Kind::kTeam);
    r.id = t;
    r.Set("name", std::string("Team"));
    r.Set("service", std::string("CP_CIN"));
    council.organisation.push_back(r);
  }
  for (int w = 1; w <= kWorkers; ++w) {
    Record r(Kind::kWorker);
    r.id = w;
    r.Set("name", std::string("Worker"));
    r.Set("role", std::string("SW"));
    r.Set("team_id", int64_t{1 + w % kTeams});
    r.Set("start_date", Date::FromYmd(2020, 1, 6));
    council.organisation.push_back(r);
  }
  int64_t copy = 0;
  while (copy < copies) {
    for (const auto& t : templates) {
      const int64_t base = (copy + 1) * 1000;
      for (const auto& [id, child] : t.children)
        council.children[base + id] = Copy(child, copy, base);
      if (++copy >= copies) break;
    }
  }
  return council;
}

// Writes the council into an SQLite store and times Projection::Load from it.
int LoadThroughSqlite(const journey::model::JourneyText& council, const std::string& path,
                      double text_ms) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  journey::FixedClock clock(Date::FromYmd(2025, 1, 15));
  auto store = journey::store::OpenSqliteStore(path, clock);
  if (!store) return std::fprintf(stderr, "%s\n", store.error().ToString().c_str()), 1;
  auto t0 = std::chrono::steady_clock::now();
  auto bulk = (*store)->BeginBulk(journey::store::Actor{"due_bench", "", ""});
  if (!bulk) return std::fprintf(stderr, "%s\n", bulk.error().ToString().c_str()), 1;
  for (const Record& r : council.organisation) {
    journey::Status s = (*bulk)->Add(r);
    if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  }
  for (const auto& [id, c] : council.children) {
    journey::Status s = (*bulk)->AddChild(c);
    if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  }
  journey::Status s = (*bulk)->Commit();
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  const double write_ms = Ms(t0);
  t0 = std::chrono::steady_clock::now();
  auto p = Projection::Load(**store);
  if (!p) return std::fprintf(stderr, "%s\n", p.error().ToString().c_str()), 1;
  const double load_ms = Ms(t0);
  std::printf(
      "sqlite: bulk write %.0f ms; Projection::Load from it %.0f ms (%.0f ns/record, "
      "%.1f times the load from memory)\n",
      write_ms, load_ms, load_ms * 1e6 / static_cast<double>(p->Stats().records),
      load_ms / text_ms);
  return 0;
}

// The synthetic generator's council, collected in memory.
class TextSink final : public journey::synth::Sink {
 public:
  explicit TextSink(journey::model::JourneyText* out) : out_(out) {}
  journey::Status Organisation(Record r) override {
    out_->organisation.push_back(std::move(r));
    return journey::Status::Ok();
  }
  journey::Status Child(journey::model::ChildRecords c) override {
    const int64_t id = c.child_id;
    out_->children.emplace(id, std::move(c));
    return journey::Status::Ok();
  }

 private:
  journey::model::JourneyText* out_;
};

}  // namespace

int main(int argc, char** argv) {
  int copies = 95000;
  int64_t synth_children = 0;
  std::string sqlite;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--sqlite" && i + 1 < argc) {
      sqlite = argv[++i];
    } else if (a == "--synth" && i + 1 < argc) {
      synth_children = std::atoll(argv[++i]);
    } else {
      copies = std::atoi(argv[i]);
    }
  }
  Date as_at = Date::FromYmd(2025, 1, 15);
  journey::model::JourneyText council;
  if (synth_children > 0) {
    journey::synth::Options opt;
    opt.children = synth_children;
    as_at = opt.as_at;
    TextSink sink(&council);
    auto t0 = std::chrono::steady_clock::now();
    auto summary = journey::synth::Generate(opt, sink);
    if (!summary) return std::fprintf(stderr, "%s\n", summary.error().ToString().c_str()), 1;
    std::printf(
        "synthetic council: %lld children in the population, %lld records, generated "
        "in %.0f ms\n",
        static_cast<long long>(synth_children), static_cast<long long>(summary->records), Ms(t0));
  } else {
    council = Council(copies);
  }

  auto t0 = std::chrono::steady_clock::now();
  auto p = Projection::FromText(council);
  if (!p) {
    std::fprintf(stderr, "%s\n", p.error().ToString().c_str());
    return 1;
  }
  const double load_ms = Ms(t0);
  const auto stats = p->Stats();
  std::printf(
      "projection: %zu children, %llu records, %.1f bytes/record (target 48: %.2f of it), "
      "built in %.0f ms from memory\n",
      council.children.size(), static_cast<unsigned long long>(stats.records),
      stats.BytesPerRecord(), stats.BytesPerRecord() / 48.0, load_ms);

  // The widest kinds: what an England mix heavier in them would cost per record.
  std::vector<std::pair<double, std::string_view>> widths;
  for (const auto& t : p->tables())
    if (t.live_rows() > 0)
      widths.emplace_back(static_cast<double>(t.Bytes()) / t.live_rows(),
                          journey::model::KindName(t.kind()));
  std::sort(widths.rbegin(), widths.rend());
  std::printf("widest kinds, bytes/record:");
  for (size_t i = 0; i < widths.size() && i < 6; ++i)
    std::printf(" %.*s %.1f", static_cast<int>(widths[i].second.size()), widths[i].second.data(),
                widths[i].first);
  std::printf("\n");

  if (!sqlite.empty() && LoadThroughSqlite(council, sqlite, load_ms) != 0) return 1;

  Timescales ts;
  t0 = std::chrono::steady_clock::now();
  const auto all = ts.ForAll(*p, as_at);
  const double all_ms = Ms(t0);

  // Every worker's list: the index of open obligations, then each worker's list.
  double best_due_ms = 1e18;
  size_t listed = 0, workers = 0;
  for (int rep = 0; rep < 5; ++rep) {
    t0 = std::chrono::steady_clock::now();
    DueIndex due(*p, ts, as_at);
    listed = 0;
    workers = due.Workers().size();
    for (int32_t w : due.Workers()) listed += due.List(DueQuery{DueScope::kWorker, w, 14}).size();
    best_due_ms = std::min(best_due_ms, Ms(t0));
  }
  std::printf(
      "obligations as at %s: %zu in %.1f ms; every worker's due list (%zu workers, %zu "
      "items due within 14 days or overdue): %.1f ms (target 100 ms: %.2f of it)\n",
      as_at.ToIso().c_str(), all.size(), all_ms, workers, listed, best_due_ms, best_due_ms / 100.0);

  // Update after one write: a visit recorded for a child, the child replaced in the
  // projection, its obligations refreshed, its worker's list reread.
  DueIndex due(*p, ts, as_at);
  std::vector<int64_t> ids;
  for (const auto& [id, c] : council.children)
    if (!c.of(Kind::kAllocation).empty()) ids.push_back(id);
  const int updates = std::min<int>(2000, static_cast<int>(ids.size()));
  std::vector<double> us;
  for (int i = 0; i < updates; ++i) {
    journey::model::ChildRecords c =
        council.children.at(ids[static_cast<size_t>(i) * ids.size() / updates]);
    Record v(Kind::kVisit);
    v.id = 900000000 + i;
    v.child_id = c.child_id;
    v.Set("visit_type", std::string("CP"));
    v.Set("visit_date", as_at);
    c.of(Kind::kVisit).push_back(v);
    const int32_t worker = static_cast<int32_t>(*c.of(Kind::kAllocation)[0].GetInt("worker_id"));
    t0 = std::chrono::steady_clock::now();
    if (!p->ReplaceChild(c).ok()) return 1;
    due.Refresh(static_cast<int32_t>(c.child_id));
    const size_t n = due.List(DueQuery{DueScope::kWorker, worker, 14}).size();
    us.push_back(Ms(t0) * 1000.0 + (n == 123456789 ? 1 : 0));
  }
  std::sort(us.begin(), us.end());
  const double median = us[us.size() / 2], p99 = us[us.size() * 99 / 100], worst = us.back();
  std::printf(
      "update after one write and reread (%d updates): median %.1f us, p99 %.1f us, "
      "worst %.1f us; target 1 ms: median %.3f of it, worst %.2f of it; a full "
      "rebuild instead: %.0f times the median\n",
      updates, median, p99, worst, median / 1000.0, worst / 1000.0,
      (load_ms + best_due_ms) * 1000.0 / median);
  const auto after = p->Stats();
  t0 = std::chrono::steady_clock::now();
  p->CompactAll();  // forced, to measure what a compaction costs
  const double compact_ms = Ms(t0);
  const auto compacted = p->Stats();
  std::printf(
      "after the updates: %llu records, %llu tombstoned, %.1f bytes/record; a full compaction "
      "(off the write path): %.1f ms, leaving %llu tombstoned, %.1f bytes/record\n",
      static_cast<unsigned long long>(after.records), static_cast<unsigned long long>(after.dead),
      after.BytesPerRecord(), compact_ms, static_cast<unsigned long long>(compacted.dead),
      compacted.BytesPerRecord());
  return 0;
}
