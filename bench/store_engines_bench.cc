// Store benchmark, SQLite against PostgreSQL in the same run: one synthetic council bulk
// loaded through the Store (validation included), then point reads (Store::Get of a
// person by id, and Store::LoadChild: every record of one child) at random.
//
//   build/bench/store_engines_bench --pg URL [--children N] [--years Y] [--reads R]
//
// URL names an empty database that the run may fill (e.g. on the server
// `scripts/pg_test_server start /tmp/pgbench durable` starts: createdb, then its URL).
// The SQLite file goes in the temporary directory and is removed.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <fmt/format.h>

#include "base/clock.h"
#include "store/store.h"
#include "synth/generator.h"

namespace {

using namespace journey;
using Wall = std::chrono::steady_clock;

double Since(Wall::time_point t0) {
  return std::chrono::duration<double>(Wall::now() - t0).count();
}

void Fail(const Status& s) {
  std::fprintf(stderr, "store_engines_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

struct Figures {
  double load_s = 0, get_us = 0, child_us = 0;
};

Figures Run(const std::string& where, const synth::MemorySink& data, int64_t records,
            int reads) {
  FixedClock clock(Date::FromYmd(2026, 3, 31));
  auto store = store::OpenStore(where, clock);
  if (!store) Fail(store.error());
  Figures f;
  const auto t0 = Wall::now();
  auto bulk = (*store)->BeginBulk(store::Actor{"bench"});
  if (!bulk) Fail(bulk.error());
  for (model::Record r : data.org)
    if (Status s = (*bulk)->Add(std::move(r)); !s.ok()) Fail(s);
  for (model::ChildRecords c : data.children)
    if (Status s = (*bulk)->AddChild(std::move(c)); !s.ok()) Fail(s);
  if (Status s = (*bulk)->Commit(); !s.ok()) Fail(s);
  f.load_s = Since(t0);
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<size_t> pick(0, data.children.size() - 1);
  auto t1 = Wall::now();
  for (int i = 0; i < reads; ++i) {
    auto r = (*store)->Get(model::Kind::kPerson, data.children[pick(rng)].child_id);
    if (!r || !*r) Fail(r ? NotFound("a person is missing") : r.error());
  }
  f.get_us = Since(t1) * 1e6 / reads;
  t1 = Wall::now();
  for (int i = 0; i < reads / 10; ++i) {
    auto r = (*store)->LoadChild(data.children[pick(rng)].child_id);
    if (!r) Fail(r.error());
  }
  f.child_us = Since(t1) * 1e6 / (reads / 10);
  std::printf("%-10s load %8.2f s  %9.0f records/s   Get %8.1f us   LoadChild %8.1f us\n",
              store::IsDatabaseUrl(where) ? "PostgreSQL" : "SQLite", f.load_s,
              static_cast<double>(records) / f.load_s, f.get_us, f.child_us);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  synth::Options opt;
  opt.children = 20000;
  opt.years = 3;
  std::string pg;
  int reads = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--children") opt.children = std::atoll(argv[i + 1]);
    else if (a == "--years") opt.years = std::atoi(argv[i + 1]);
    else if (a == "--reads") reads = std::max(10, std::atoi(argv[i + 1]));
    else if (a == "--pg") pg = argv[i + 1];
  }
  if (pg.empty()) {
    std::fprintf(stderr, "store_engines_bench: give --pg postgresql://user@host:port/db\n");
    return 2;
  }
  synth::MemorySink data;
  auto sum = synth::Generate(opt, data);
  if (!sum) Fail(sum.error());
  int64_t records = static_cast<int64_t>(data.org.size());
  for (const auto& c : data.children) records += static_cast<int64_t>(c.size());
  std::printf("%lld children in the population, %zu with records, %lld records\n",
              static_cast<long long>(opt.children), data.children.size(),
              static_cast<long long>(records));
  const std::string file =
      (std::filesystem::temp_directory_path() / "store_engines_bench.db").string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(file + s);
  const Figures lite = Run(file, data, records, reads);
  const Figures post = Run(pg, data, records, reads);
  std::printf("PostgreSQL / SQLite: load time %.2fx, Get %.2fx, LoadChild %.2fx\n",
              post.load_s / lite.load_s, post.get_us / lite.get_us,
              post.child_us / lite.child_us);
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(file + s);
  return 0;
}
