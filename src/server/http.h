// Journey's own HTTP request and response types. The handlers, the router and the tests see
// only these; Boost.Beast stays inside http_server.cc (one slow translation unit, kept out of
// every header so nothing else pays for it).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey::server {

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string target;                                        // as sent: path and query
  std::string path;                                          // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote;  // the peer's address (no port)

  // Path parameters filled by the router ({id} -> "42").
  std::vector<std::pair<std::string, std::string>> params;

  std::string_view Header(std::string_view lower_name) const;
  std::string_view Query(std::string_view name) const;  // "" when absent
  bool HasQuery(std::string_view name) const;
  std::string_view Param(std::string_view name) const;
  std::string_view Cookie(std::string_view name) const;

  // Splits `target` into path and query (percent-decoding both). False when the target
  // is not a well-formed origin-form path.
  bool ParseTarget();
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keep_alive = true;

  void SetHeader(std::string name, std::string value);

  // Slow, self-contained work that the answer waits for: checking a password against its
  // argon2id hash costs about 0.1 s of CPU and 64 MiB. The server moves this out of the
  // response, runs `work` on a worker thread while its own thread goes on serving other
  // connections, then calls `then` with work's result on its own thread; what `then`
  // returns is the answer (and may itself carry another offload). `work` owns what it
  // needs by value and touches nothing the handlers share; `then` may use the App.
  struct Offload {
    std::function<bool()> work;
    std::function<Response(bool)> then;
  };
  std::unique_ptr<Offload> offload;

  // Called on the server's thread just before the response is written, after the server has
  // let the other requests that are ready be handled first, so that work they share is done
  // once for all of them: committing their audit entries in one transaction. It may replace
  // the response (a 503 when the entry could not be written).
  std::function<void(Response&)> before_send;
};

using Handler = std::function<Response(Request&)>;

// Percent-decoding ('+' as space in queries). False on a malformed escape or a NUL.
bool UrlDecode(std::string_view in, bool plus_is_space, std::string* out);

}  // namespace journey::server
