#include "returns/ssda903_cells.h"

#include <fmt/format.h>

#include <charconv>

#include "model/codes.h"

namespace journey::returns {

std::string Cells::Where() const { return fmt::format("{} line {}", t_.file, line()); }

void Cells::Bad(std::string_view column, std::string message) const {
  problems_.push_back(Problem{t_.file, line(), std::string(column), std::string((*this)[column]),
                              std::move(message)});
}

std::optional<Date> Cells::Day(std::string_view column, bool required) const {
  const std::string& v = (*this)[column];
  if (v.empty()) {
    if (required) Bad(column, "a date is required here (dd/mm/yyyy)");
    return std::nullopt;
  }
  auto d = Date::ParseDmy(v);
  if (!d) {
    Bad(column, d.error().message());
    return std::nullopt;
  }
  return *d;
}

std::string Cells::Code(std::string_view column, std::string_view list, std::optional<Date> on,
                        bool required) const {
  const std::string& v = (*this)[column];
  if (v.empty()) {
    if (required) Bad(column, fmt::format("a code of list {} is required here", list));
    return {};
  }
  Status st = model::CodeLists::Default().Check(list, v, on);
  if (!st.ok()) {
    Bad(column, st.message());
    return {};
  }
  return v;
}

std::optional<bool> Cells::Flag(std::string_view column) const {
  const std::string& v = (*this)[column];
  if (v.empty()) return std::nullopt;
  if (v == "0") return false;
  if (v == "1") return true;
  Bad(column, "must be 0 or 1 (or blank)");
  return std::nullopt;
}

std::optional<int64_t> Cells::Int(std::string_view column, int64_t lo, int64_t hi) const {
  const std::string& v = (*this)[column];
  if (v.empty()) return std::nullopt;
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < lo || n > hi) {
    Bad(column, fmt::format("must be a whole number from {} to {}", lo, hi));
    return std::nullopt;
  }
  return n;
}

}  // namespace journey::returns
