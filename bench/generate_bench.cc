// Generating synthetic councils in memory, into a sink that only counts: records per
// second and peak memory per record. No store is involved.
//
//   build/bench/generate_bench                                   # 1,000,000 children, 12 councils
//   build/bench/generate_bench --children 12000000 --councils 150  # England
//
// Prints the options, the records generated, the time, records per second, the peak
// resident set size and that divided by the records.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "synth/generator.h"

namespace {

class CountSink final : public journey::synth::Sink {
 public:
  journey::Status Organisation(journey::model::Record r) override {
    ++records;
    return journey::Status::Ok();
  }
  journey::Status Child(journey::model::ChildRecords c) override {
    records += static_cast<int64_t>(c.size());
    return journey::Status::Ok();
  }
  int64_t records = 0;
};

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // kilobytes on Linux
}

}  // namespace

int main(int argc, char** argv) {
  journey::synth::Options opt;
  opt.children = 1000000;
  opt.councils = 0;  // default: about 80,000 children a council, as England's average
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* v = argv[i + 1];
    if (flag == "--children")
      opt.children = std::atoll(v);
    else if (flag == "--councils")
      opt.councils = std::atoi(v);
    else if (flag == "--years")
      opt.years = std::atoi(v);
    else if (flag == "--seed")
      opt.seed = std::strtoull(v, nullptr, 10);
    else if (flag == "--threads")
      opt.threads = std::atoi(v);
    else {
      std::fprintf(stderr,
                   "usage: generate_bench [--children N] [--councils K] [--years Y] [--seed S] "
                   "[--threads T]\n");
      return 2;
    }
  }
  if (opt.councils == 0)
    opt.councils = static_cast<int>(std::max<int64_t>(1, opt.children / 80000));
  const long rss_before = PeakRssKb();
  CountSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = CpuSeconds();
  auto summary = journey::synth::Generate(opt, sink);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = CpuSeconds() - cpu0;
  if (!summary) {
    std::fprintf(stderr, "generate_bench: %s\n", summary.error().ToString().c_str());
    return 1;
  }
  const long rss = PeakRssKb();
  std::printf("children %lld, councils %d, years %d, seed %llu, threads %d (0: one per core)\n",
              static_cast<long long>(opt.children), opt.councils, opt.years,
              static_cast<unsigned long long>(opt.seed), opt.threads);
  std::printf(
      "records %lld in %.2f s: %.0f records/s (CPU time %.2f s: %.0f records per CPU second)\n",
      static_cast<long long>(sink.records), secs, static_cast<double>(sink.records) / secs, cpu,
      static_cast<double>(sink.records) / cpu);
  std::printf("peak RSS %.1f MB (%.1f MB before generating): %.1f bytes per record\n", rss / 1024.0,
              rss_before / 1024.0, rss * 1024.0 / static_cast<double>(sink.records));
  return 0;
}
