// The HTTP/1.1 server: accepts connections, reads requests with limits and timeouts, hands
// each to a Handler and writes the response. Built on Boost.Beast with C++20 coroutines on
// one thread (http_server.cc is the only file that includes Beast or Asio).
//
// One thread for the handlers on purpose: they work on the store and the engine's
// projection, which are not shared between threads, so nothing needs a lock. The one slow,
// self-contained piece of work (a password hash, Response::Offload) runs on a second,
// worker thread, so that sign-ins do not hold up everyone else's requests.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/http.h"

namespace journey::server {

struct HttpOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                   // 0: any free port (see HttpServer::port())
  uint64_t body_limit = 1 << 20;     // larger bodies: 413
  uint32_t header_limit = 16 << 10;  // larger request headers: 431
  int read_timeout_ms = 15000;       // a request must arrive whole within this (slow clients)
  int write_timeout_ms = 15000;
  int keep_alive_ms = 60000;     // an idle kept-alive connection is closed after this
  int shutdown_grace_ms = 5000;  // requests already arriving get this long to finish
  bool handle_signals = false;   // stop gracefully on SIGINT and SIGTERM
};

class HttpServer {
 public:
  // Binds and listens (so the port is known and taken before Run).
  static Result<std::unique_ptr<HttpServer>> Listen(const HttpOptions& options, Handler handler);
  ~HttpServer();

  int port() const;

  // Serves until Stop() (from any thread) or a signal; returns once every connection has
  // finished: a request being read or handled is completed and its response written.
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace journey::server
