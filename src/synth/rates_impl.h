// The facts RateCollector gathers from records, shared by rates.cc (gathering) and
// rates_compute.cc (computing).
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "synth/rates.h"

namespace journey::synth {

constexpr int32_t kOpen = INT32_MAX;  // a period with no end

struct RateCollector::Impl {
  struct Referral {
    int64_t child = 0;
    int32_t day = 0, closed = kOpen;
    bool nfa = false;
  };
  struct Assessment {
    int64_t referral = 0;
    int32_t authorised = kOpen;
  };
  struct S47 {
    int64_t strategy = 0;
    int32_t start = 0;
  };
  struct Conference {
    int64_t s47 = 0;
    int32_t day = 0;
  };
  struct Plan {
    int64_t child = 0;
    int32_t start = 0, end = kOpen;
    std::string category;
  };
  struct Period {
    int64_t child = 0;
    int32_t start = 0, end = kOpen;
  };
  struct Episode {
    int64_t period = 0, placement = 0;
    int32_t start = 0, end = kOpen;
    std::string status, rec;
  };
  struct Span {
    int64_t child = 0;
    int32_t start = 0, end = kOpen;
  };
  struct Leaver {
    int64_t child = 0;
    int32_t day = 0;
    bool touch = false, suitable = false, eet = false;
  };
  struct Missing {
    int64_t child = 0, period = 0;
    int32_t start = 0;
    int64_t end_min = -1;
  };
  struct Interview {
    int64_t missing = 0;
    bool offered = false;
    int64_t completed_min = -1;
  };
  struct Worker {
    int32_t start = 0, end = kOpen;
    bool agency = false;
    bool holds_cases = false;
  };
  struct Allocation {
    int64_t child = 0, worker = 0;
    int32_t start = 0, end = kOpen;
  };

  std::vector<int32_t> birth;
  std::vector<int32_t> contacts;
  std::vector<Referral> referrals;
  std::vector<Assessment> assessments;
  std::vector<int32_t> strategy;
  std::vector<S47> s47;
  std::vector<Conference> icpc;
  std::vector<Plan> plans;
  std::vector<Period> periods;
  std::vector<Episode> episodes;
  std::vector<std::string> placement;
  std::vector<Span> uasc;
  std::vector<Leaver> leavers;
  std::vector<Missing> missing;
  std::vector<Interview> interviews;
  std::vector<Worker> workers;
  std::vector<Allocation> allocations;
};

}  // namespace journey::synth
