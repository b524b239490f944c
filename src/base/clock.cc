#include "base/clock.h"

#include <chrono>

namespace journey {

Date SystemClock::Today() const {
  return Date::FromDays(static_cast<int32_t>(NowMicros() / 86400000000LL));
}

int64_t SystemClock::NowMicros() const {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace journey
