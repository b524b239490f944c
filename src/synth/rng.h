// Deterministic random numbers for the generator: splitmix64 to derive seeds, xoshiro256**
// to draw. Written here (not <random>) so that the same seed gives the same council with
// any compiler and standard library: <random>'s distributions are not specified bit for bit.
// Nothing here reads the time or the machine.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

namespace journey::synth {

inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A code and its weight, for weighted choices from small tables.
struct Weighted {
  std::string_view code;
  double weight;
};

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t sm = seed;
    for (uint64_t& w : s_) w = SplitMix64(sm);
  }
  // An independent stream for (seed, stream, index): e.g. one per child, so each child's
  // journey depends only on the seed and its own index, never on the children before it.
  static Rng For(uint64_t seed, uint64_t stream, uint64_t index) {
    uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    uint64_t a = SplitMix64(sm);
    sm = a ^ (index * 0x8CB92BA72F3D8DD7ULL);
    return Rng(SplitMix64(sm));
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n); n > 0.
  int64_t Below(int64_t n) {
    return static_cast<int64_t>(
        (static_cast<unsigned __int128>(Next()) * static_cast<uint64_t>(n)) >> 64);
  }
  // Uniform integer in [lo, hi].
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(int64_t{hi} - lo + 1)); }
  bool Chance(double p) { return Uniform() < p; }
  double Exponential(double mean) { return -mean * std::log1p(-Uniform()); }
  // Standard normal (Box-Muller; one value per call keeps the stream simple).
  double Normal() {
    const double u = 1.0 - Uniform();
    const double v = Uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  // Log-normal with the given median and log-scale spread.
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  // Poisson by inversion (fine for the small means the generator uses).
  int Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30)
      return std::max(0, static_cast<int>(std::lround(mean + std::sqrt(mean) * Normal())));
    const double l = std::exp(-mean);
    int k = 0;
    double p = Uniform();
    while (p > l) {
      ++k;
      p *= Uniform();
    }
    return k;
  }
  // Index into weights (need not sum to 1).
  size_t PickIndex(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  size_t PickIndex(std::initializer_list<double> weights) {
    return PickIndex(std::span<const double>(weights.begin(), weights.size()));
  }
  std::string_view Pick(std::span<const Weighted> table) {
    double total = 0;
    for (const Weighted& w : table) total += w.weight;
    double x = Uniform() * total;
    for (const Weighted& w : table) {
      if (x < w.weight) return w.code;
      x -= w.weight;
    }
    return table.back().code;
  }
  std::string_view Pick(std::initializer_list<Weighted> table) {
    return Pick(std::span<const Weighted>(table.begin(), table.size()));
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace journey::synth
