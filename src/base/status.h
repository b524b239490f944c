// Status and Result<T>: the error currency at every layer boundary.
// Codes follow the canonical set (after Abseil) and map to HTTP statuses.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace journey {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // 400: bad input; the message names what and what is allowed
  kUnauthenticated,   // 401
  kPermissionDenied,  // 403
  kNotFound,          // 404
  kAlreadyExists,     // 409
  kAborted,           // 409: a conflict, e.g. a concurrent change
  kFailedPrecondition,  // 422: a cross-record rule refused the write
  kOutOfRange,        // 400: outside what is supported (e.g. a date beyond the calendar)
  kInternal,          // 500
  kUnavailable,       // 503
};

std::string_view StatusCodeName(StatusCode code);
int HttpStatusFor(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

  // Prepends context ("file.csv row 3: ") to the message.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status OutOfRange(std::string m) { return {StatusCode::kOutOfRange, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
inline Status Aborted(std::string m) { return {StatusCode::kAborted, std::move(m)}; }
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}

template <typename T>
using Result = tl::expected<T, Status>;

// Wraps a non-OK Status so it converts to any Result<T>.
inline tl::unexpected<Status> Err(Status s) { return tl::unexpected<Status>(std::move(s)); }

// What the propagation macros return: converts to a Status or to any Result<T>, so the
// same macro serves functions of either return type.
struct StatusReturn {
  Status status;
  operator Status() && { return std::move(status); }  // NOLINT: implicit by design
  template <typename T>
  operator tl::expected<T, Status>() && {  // NOLINT
    return tl::unexpected<Status>(std::move(status));
  }
};

}  // namespace journey

// Propagates a non-OK Status from an expression returning Status.
#define JOURNEY_RETURN_IF_ERROR(expr)            \
  do {                                           \
    ::journey::Status _st = (expr);              \
    if (!_st.ok()) return ::journey::StatusReturn{std::move(_st)}; \
  } while (0)

#define JOURNEY_CONCAT_INNER(a, b) a##b
#define JOURNEY_CONCAT(a, b) JOURNEY_CONCAT_INNER(a, b)
// Assigns the value of a Result<T> expression to lhs, or returns its error.
#define JOURNEY_ASSIGN_OR_RETURN(lhs, expr) \
  JOURNEY_ASSIGN_OR_RETURN_IMPL(JOURNEY_CONCAT(_res_, __LINE__), lhs, expr)
#define JOURNEY_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp) return ::journey::StatusReturn{std::move(tmp).error()}; \
  lhs = std::move(*tmp)
