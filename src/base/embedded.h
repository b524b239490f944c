// Data files compiled into the binary (bank holidays, code lists), by their path under
// the repository root, e.g. "data/bank_holidays_england_wales.csv".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace journey::embedded {

std::optional<std::string_view> Find(std::string_view path);
std::vector<std::string_view> List();

}  // namespace journey::embedded
