#include "engine/population.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "base/csv.h"

namespace journey::engine {

Result<Population> Population::FromCsv(std::string_view text, std::string_view file_name) {
  JOURNEY_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, file_name));
  const int age_col = t.ColumnIndex("age"), sex_col = t.ColumnIndex("sex"),
            count_col = t.ColumnIndex("count");
  if (age_col < 0 || sex_col < 0 || count_col < 0) {
    return Err(InvalidArgument(
        fmt::format("{} line 1: the header must have the columns age, sex and count (found: {})",
                    file_name, fmt::join(t.header, ","))));
  }
  Population p;
  std::array<std::array<int, 2>, kAges> seen_line{};
  for (const CsvRow& row : t.rows) {
    auto where = [&](std::string_view field, std::string_view value, std::string_view allowed) {
      return InvalidArgument(fmt::format("{} line {}: {} \"{}\" is not allowed ({})", file_name,
                                         row.line, field, value, allowed));
    };
    const std::string& age_text = row.fields[static_cast<size_t>(age_col)];
    const std::string& sex_text = row.fields[static_cast<size_t>(sex_col)];
    const std::string& count_text = row.fields[static_cast<size_t>(count_col)];
    int age = -1;
    auto [ap, aec] = std::from_chars(age_text.data(), age_text.data() + age_text.size(), age);
    if (aec != std::errc() || ap != age_text.data() + age_text.size() || age < 0 || age >= kAges)
      return Err(where("age", age_text, "a whole number of years from 0 to 17"));
    int sex = sex_text == "M" ? 0 : sex_text == "F" ? 1 : -1;
    if (sex < 0) return Err(where("sex", sex_text, "M or F"));
    int64_t count = -1;
    auto [cp, cec] =
        std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
    if (cec != std::errc() || cp != count_text.data() + count_text.size() || count < 0 ||
        count > 100000000)
      return Err(where("count", count_text, "a whole number of children from 0 to 100,000,000"));
    int& seen = seen_line[static_cast<size_t>(age)][static_cast<size_t>(sex)];
    if (seen) {
      return Err(
          InvalidArgument(fmt::format("{} line {}: age {} sex {} is given twice (also on "
                                      "line {}); give each age and sex once",
                                      file_name, row.line, age, sex_text, seen)));
    }
    seen = row.line;
    p.count_[static_cast<size_t>(age)][static_cast<size_t>(sex)] = static_cast<double>(count);
    p.total_ += static_cast<double>(count);
  }
  for (int age = 0; age < kAges; ++age)
    for (int sex = 0; sex < 2; ++sex)
      if (!seen_line[static_cast<size_t>(age)][static_cast<size_t>(sex)])
        return Err(InvalidArgument(
            fmt::format("{}: no row for age {} sex {} (give one row for each age 0-17 and "
                        "sex M and F: 36 rows)",
                        file_name, age, sex ? "F" : "M")));
  if (p.total_ <= 0)
    return Err(InvalidArgument(
        fmt::format("{}: the population is 0 (no rate can be computed)", file_name)));
  return p;
}

Result<Population> Population::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(NotFound(fmt::format("{}: the population file cannot be read", path)));
  std::stringstream s;
  s << in.rdbuf();
  return FromCsv(s.str(), path);
}

Population Population::Even(int64_t total) {
  // Whole children: each age gets total / 18 (the first total % 18 ages one more), boys
  // 51.2% of it rounded, girls the rest; so the cells add up to the total exactly.
  Population p;
  for (int a = 0; a < kAges; ++a) {
    const int64_t age = total / kAges + (a < total % kAges ? 1 : 0);
    const int64_t boys = (age * 512 + 500) / 1000;
    p.count_[static_cast<size_t>(a)][0] = static_cast<double>(boys);
    p.count_[static_cast<size_t>(a)][1] = static_cast<double>(age - boys);
  }
  p.total_ = static_cast<double>(total);
  return p;
}

double Population::At(int age, int sex) const {
  if (age < 0 || age >= kAges || sex < 0 || sex > 1) return 0;
  return count_[static_cast<size_t>(age)][static_cast<size_t>(sex)];
}

double Population::Sex(int sex) const {
  double s = 0;
  for (int a = 0; a < kAges; ++a) s += At(a, sex);
  return s;
}

double Population::Ages(int from, int to) const {
  double s = 0;
  for (int a = std::max(from, 0); a <= std::min(to, kAges - 1); ++a) s += Age(a);
  return s;
}

}  // namespace journey::engine
