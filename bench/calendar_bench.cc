// Working-day arithmetic: constant time whatever the distance, against the naive
// day-by-day walk, in the same run.
//
//   build/bench/calendar_bench
#include <chrono>
#include <cstdio>

#include "base/calendar.h"

namespace {

using journey::Date;
using journey::WorkingDayCalendar;

// The obvious implementation: step a day at a time, skipping non-working days.
Date NaiveAdd(const WorkingDayCalendar& cal, Date d, int n) {
  while (n > 0) {
    d = d.AddDays(1);
    if (cal.IsWorkingDay(d)) --n;
  }
  return d;
}

template <typename F>
double NsPerCall(F&& f, int calls) {
  auto t0 = std::chrono::steady_clock::now();
  long sink = 0;
  for (int i = 0; i < calls; ++i) sink += f(i);
  auto ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
  if (sink == 42) std::puts("");  // keep the work
  return ns / calls;
}

}  // namespace

int main() {
  const auto& cal = WorkingDayCalendar::EnglandAndWales();
  const Date base = Date::FromYmd(2000, 1, 3);
  constexpr int kCalls = 2000000;
  std::printf("%8s %14s %14s %10s\n", "n", "ours ns/call", "naive ns/call", "naive/ours");
  for (int n : {1, 10, 45, 250, 2500}) {
    double ours = NsPerCall(
        [&](int i) { return cal.AddWorkingDays(base.AddDays(i % 3650), n)->days(); }, kCalls);
    const int naive_calls = n >= 250 ? kCalls / 50 : kCalls / 5;
    double naive = NsPerCall(
        [&](int i) { return NaiveAdd(cal, base.AddDays(i % 3650), n).days(); }, naive_calls);
    std::printf("%8d %14.1f %14.1f %10.1f\n", n, ours, naive, naive / ours);
  }
  double between = NsPerCall(
      [&](int i) { return *cal.WorkingDaysBetween(base.AddDays(i % 3650), base.AddDays(5000)); },
      kCalls);
  std::printf("WorkingDaysBetween over up to 14 years: %.1f ns/call\n", between);
  return 0;
}
