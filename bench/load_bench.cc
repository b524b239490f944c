// Load benchmark: one synthetic council written through Journey's bulk path, against
// SQLite's own bulk path (the sqlite3 shell's .import of the same rows as CSV) into the
// same schema, in the same run.
//
//   build/bench/load_bench [--children N] [--years Y] [--seed S] [--out DIR]
//
// Prints records/s for each and the ratio. Ours validates every record and every child's
// cross-record rules and keeps foreign keys on; .import only parses and inserts text.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/clock.h"
#include "base/csv.h"
#include "store/record_codec.h"
#include "store/store.h"
#include "synth/generator.h"

namespace {

using namespace journey;
using Wall = std::chrono::steady_clock;

double Since(Wall::time_point t0) {
  return std::chrono::duration<double>(Wall::now() - t0).count();
}


void Fail(const Status& s) {
  std::fprintf(stderr, "load_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

void RemoveDb(const std::string& p) {
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s);
}

// A value as the store keeps it, for CSV: dates ISO, booleans 1/0, empty for none.
std::string CsvValue(const model::Value& v) {
  if (auto* b = std::get_if<bool>(&v)) return *b ? "1" : "0";
  return model::ValueToString(v);
}

}  // namespace

int main(int argc, char** argv) {
  synth::Options opt;
  std::string out = "bench/out";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--children") opt.children = std::atoll(argv[i + 1]);
    else if (a == "--years") opt.years = std::atoi(argv[i + 1]);
    else if (a == "--seed") opt.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--out") out = argv[i + 1];
  }
  std::filesystem::create_directories(out);

  // 1. Generate in memory (timed apart from writing).
  auto t0 = Wall::now();
  synth::MemorySink c;
  auto sum = synth::Generate(opt, c);
  if (!sum) Fail(sum.error());
  const double gen_s = Since(t0);
  const int64_t records = sum->records;

  // 2. The same rows as CSV, one file per kind, in the table's column order.
  std::vector<std::ofstream> files;
  std::vector<std::string> paths;
  for (const model::KindDef& d : model::AllKinds()) {
    paths.push_back(fmt::format("{}/{}.csv", out, d.name));
    files.emplace_back(paths.back());
    files.back() << "row_id, " << store::InsertColumns(d.kind) << "\n";
  }
  // .import fills the table's columns in order, so the rowid is written out too.
  std::vector<int64_t> row_ids(model::kKindCount, 0);
  auto write = [&](const model::Record& r) {
    std::string line = fmt::format("{},{},1,1,,0,{}", ++row_ids[static_cast<size_t>(r.kind)], r.id, r.child_id ? std::to_string(r.child_id) : "");
    for (const auto& v : r.values) {
      line += ',';
      line += CsvEscape(CsvValue(v));
    }
    line += '\n';
    files[static_cast<size_t>(r.kind)] << line;
  };
  for (const auto& r : c.org) write(r);
  for (const auto& ch : c.children)
    for (const auto& recs : ch.by_kind)
      for (const auto& r : recs) write(r);
  for (auto& f : files) f.close();

  // 3. Journey's bulk path (after the CSV, as it moves the records into the store).
  const std::string ours = out + "/ours.db";
  RemoveDb(ours);
  FixedClock clock(opt.as_at);
  auto store = store::OpenSqliteStore(ours, clock);
  if (!store) Fail(store.error());
  t0 = Wall::now();
  {
    auto bulk = (*store)->BeginBulk(store::Actor{"bench"});
    if (!bulk) Fail(bulk.error());
    for (auto& r : c.org)
      if (Status s = (*bulk)->Add(std::move(r)); !s.ok()) Fail(s);
    for (auto& ch : c.children)
      if (Status s = (*bulk)->AddChild(std::move(ch)); !s.ok()) Fail(s);
    if (Status s = (*bulk)->Commit(); !s.ok()) Fail(s);
  }
  const double ours_s = Since(t0);
  store->reset();

  // 4. sqlite3 .import into a fresh database with the same schema.
  const std::string theirs = out + "/import.db";
  RemoveDb(theirs);
  {
    auto s = store::OpenSqliteStore(theirs, clock);
    if (!s) Fail(s.error());
  }
  const std::string script = out + "/import.sql";
  {
    std::ofstream sql(script);
    sql << "PRAGMA synchronous=NORMAL;\n"
           "INSERT INTO journey_tx (tx, actor, at_us) VALUES (1, 'bench', 0);\n"
           "BEGIN;\n.mode csv\n";
    for (const model::KindDef& d : model::AllKinds())
      sql << fmt::format(".import --skip 1 {} {}\n", paths[static_cast<size_t>(d.kind)], d.name);
    sql << "COMMIT;\n";
  }
  t0 = Wall::now();
  const std::string cmd = fmt::format("sqlite3 {} < {}", theirs, script);
  if (std::system(cmd.c_str()) != 0) Fail(Internal("sqlite3 .import failed: " + cmd));
  const double theirs_s = Since(t0);

  std::printf("council: %lld children, %d years, seed %llu: %lld records\n",
              static_cast<long long>(opt.children), opt.years,
              static_cast<unsigned long long>(opt.seed), static_cast<long long>(records));
  std::printf("generate in memory:        %8.2f s  %10.0f records/s\n", gen_s, records / gen_s);
  std::printf("journey bulk load:         %8.2f s  %10.0f records/s\n", ours_s, records / ours_s);
  std::printf("sqlite3 .import (CSV):     %8.2f s  %10.0f records/s\n", theirs_s,
              records / theirs_s);
  std::printf("ratio (import time / ours): %.2f  (above 1 means Journey is faster)\n",
              theirs_s / ours_s);
  return 0;
}
