// The injected clock: nothing in Journey reads today's date or the time directly.
#pragma once

#include <cstdint>

#include "base/date.h"

namespace journey {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date Today() const = 0;
  // Microseconds since the Unix epoch, UTC.
  virtual int64_t NowMicros() const = 0;
};

// Reads the system clock. Only main() and servers construct one.
class SystemClock final : public Clock {
 public:
  Date Today() const override;
  int64_t NowMicros() const override;
};

// A clock that says what it is told: for tests, the demo and reproducible runs.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date today, int64_t micros_into_day = 9LL * 3600 * 1000000)
      : micros_(static_cast<int64_t>(today.days()) * 86400000000LL + micros_into_day) {}
  Date Today() const override { return Date::FromDays(static_cast<int32_t>(micros_ / 86400000000LL)); }
  int64_t NowMicros() const override { return micros_; }
  void Advance(int64_t micros) { micros_ += micros; }

 private:
  int64_t micros_;
};

}  // namespace journey
