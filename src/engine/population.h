// The child population (aged 0-17) by single year of age and sex, the denominator of every
// rate per 10,000 children. A council loads its own (ONS mid-year estimates) from CSV; a
// generated council, whose database says only its total, gets an even spread.
//
// CSV form (docs/INDICATORS.md, "Population"): a header `age,sex,count`, one row per age
// (0 to 17) and sex (M or F; the code list `sex`), count a whole number >= 0. Every age and
// sex must appear exactly once (36 rows), so a missing row is an error, not a zero.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace journey::engine {

class Population {
 public:
  static constexpr int kAges = 18;  // 0..17

  // `file_name` is used in error messages only.
  static Result<Population> FromCsv(std::string_view text, std::string_view file_name);
  static Result<Population> FromFile(const std::string& path);
  // `total` children spread evenly over the ages in whole numbers, 51.2% boys (ONS mid-2023
  // estimates for England, ages 0-17: about 6.25 million boys of 12.2 million); the default for
  // generated councils, whose children are spread evenly over the years of age.
  static Population Even(int64_t total);

  double Total() const { return total_; }
  // sex: 0 male, 1 female. Ages outside 0..17 have no population (0).
  double At(int age, int sex) const;
  double Age(int age) const { return At(age, 0) + At(age, 1); }
  double Sex(int sex) const;
  double Ages(int from, int to) const;  // inclusive, clamped to 0..17

 private:
  std::array<std::array<double, 2>, kAges> count_{};
  double total_ = 0;
};

}  // namespace journey::engine
