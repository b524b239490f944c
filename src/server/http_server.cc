// The only translation unit that includes Boost.Beast and Asio (slow to compile: ~12 s and
// 600 MB). Boost 1.74 with g++ 12 needs <utility> before any Asio header, and has no
// as_tuple: every await uses redirect_error, so nothing here throws.
#include "server/http_server.h"

#include <fmt/format.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <set>
#include <utility>

namespace journey::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using std::chrono::milliseconds;

struct Conn {
  explicit Conn(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  http::request_parser<http::string_body>* parser = nullptr;
  bool writing = false;
  bool handling = false;  // a request is being answered (perhaps waiting for its offload)
  std::string remote;
};

// A short plain-text response for errors found before a request reaches the handler.
Response Plain(int status, std::string_view code, std::string_view message) {
  Response r;
  r.status = status;
  r.body = fmt::format(R"({{"error":{{"code":"{}","message":"{}"}}}})", code, message);
  r.keep_alive = false;
  return r;
}

// Calls fn for a response; an exception becomes a 500. The message may quote request data,
// so it is not logged (no personal data).
template <typename F>
Response Guarded(F&& fn) {
  try {
    return fn();
  } catch (const std::exception&) {
    return Plain(500, "internal", "the server failed to handle the request");
  }
}

// An offload's work, as a coroutine run on the worker pool. `work` is a parameter, so the
// coroutine's frame holds it by value until it has run; a failure is a false result, so
// nothing is thrown across threads.
asio::awaitable<bool> RunWork(std::function<bool()> work) {
  bool ok = false;
  try {
    ok = work();
  } catch (const std::exception&) {
  }
  co_return ok;
}

}  // namespace

struct HttpServer::Impl {
  HttpOptions opt;
  Handler handler;
  asio::io_context ioc{1};
  // Offloaded work (Response::Offload: password hashes) runs here, so the thread above never
  // waits for it. One thread: with the server's, that is the machine's two cores. Declared
  // after ioc so that it is joined before ioc goes.
  asio::thread_pool workers{1};
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  asio::steady_timer grace{ioc};
  std::set<Conn*> conns;
  bool stopping = false;
  int port = 0;

  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(std::shared_ptr<Conn> c);
  asio::awaitable<Response> Answer(Request& req);
  asio::awaitable<bool> Write(Conn& c, Response res, unsigned version, bool head, bool keep);
  void BeginStop();
  void Closed(Conn* c);
};

asio::awaitable<void> HttpServer::Impl::Accept() {
  for (;;) {
    beast::error_code ec;
    tcp::socket s = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (stopping || ec == asio::error::operation_aborted) co_return;
    if (ec) continue;  // e.g. a connection reset before it was accepted
    s.set_option(tcp::no_delay(true), ec);
    auto c = std::make_shared<Conn>(std::move(s));
    c->remote = c->stream.socket().remote_endpoint(ec).address().to_string();
    asio::co_spawn(ioc, Serve(std::move(c)), asio::detached);
  }
}

asio::awaitable<bool> HttpServer::Impl::Write(Conn& c, Response res, unsigned version, bool head,
                                              bool keep) {
  http::response<http::string_body> out{static_cast<http::status>(res.status), version};
  out.set(http::field::content_type, res.content_type);
  for (auto& [k, v] : res.headers) out.set(k, v);
  out.keep_alive(keep && res.keep_alive && !stopping);
  if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  const bool again = out.keep_alive();
  beast::error_code ec;
  c.writing = true;
  c.stream.expires_after(milliseconds(opt.write_timeout_ms));
  if (head) {
    http::response_serializer<http::string_body> sr{out};
    co_await http::async_write_header(c.stream, sr, asio::redirect_error(asio::use_awaitable, ec));
  } else {
    co_await http::async_write(c.stream, out, asio::redirect_error(asio::use_awaitable, ec));
  }
  c.writing = false;
  co_return !ec && again;
}

// The handler's response, after any offloaded work it asked for. Each offload is moved out of
// the response into this coroutine's frame (`job`), so it lives until `then` has run; the
// work runs on the pool, and co_spawn with use_awaitable resumes this coroutine on the
// server's own thread, where `then` is called.
asio::awaitable<Response> HttpServer::Impl::Answer(Request& req) {
  Response res = Guarded([&] { return handler(req); });
  while (res.offload) {
    Response::Offload job = std::move(*res.offload);
    res.offload.reset();
    // Named, not a temporary inside the co_await expression: what lives across the
    // suspension is plainly this frame's.
    asio::awaitable<bool> done =
        asio::co_spawn(workers, RunWork(std::move(job.work)), asio::use_awaitable);
    const bool ok = co_await std::move(done);
    res = Guarded([&] { return job.then(ok); });
  }
  if (res.before_send) {
    // To the back of the queue: the requests already ready are handled (and add their
    // audit entries to the same batch) before this one's is committed.
    co_await asio::post(ioc, asio::use_awaitable);
    std::function<void(Response&)> last = std::move(res.before_send);
    res.before_send = nullptr;
    res = Guarded([&] {
      Response r = std::move(res);
      last(r);
      return r;
    });
  }
  co_return res;
}

asio::awaitable<void> HttpServer::Impl::Serve(std::shared_ptr<Conn> c) {
  conns.insert(c.get());
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(opt.header_limit);
    parser.body_limit(opt.body_limit);
    c->parser = &parser;
    beast::error_code ec;
    // Waiting for the next request on a kept-alive connection may take a while; once it
    // begins, the whole request must arrive within the read timeout (slow clients).
    if (c->buffer.size() == 0) {
      c->stream.expires_after(milliseconds(opt.keep_alive_ms));
      co_await http::async_read_some(c->stream, c->buffer, parser,
                                     asio::redirect_error(asio::use_awaitable, ec));
    }
    if (!ec && !parser.is_done()) {
      c->stream.expires_after(milliseconds(opt.read_timeout_ms));
      co_await http::async_read(c->stream, c->buffer, parser,
                                asio::redirect_error(asio::use_awaitable, ec));
    }
    c->parser = nullptr;
    if (ec) {
      Response err;
      if (ec == http::error::body_limit) {
        err = Plain(413, "payload_too_large",
                    fmt::format("the request body is larger than {} bytes", opt.body_limit));
      } else if (ec == http::error::header_limit) {
        err = Plain(431, "header_too_large",
                    fmt::format("the request headers are larger than {} bytes", opt.header_limit));
      } else if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
                 ec != http::error::end_of_stream && ec != http::error::partial_message) {
        err = Plain(400, "bad_request", "the request is not well-formed HTTP/1.1");
      } else {
        break;  // closed, timed out or cancelled: nothing to answer
      }
      co_await Write(*c, std::move(err), 11, false, false);
      break;
    }
    http::request<http::string_body>& msg = parser.get();
    Request req;
    const bool head = msg.method() == http::verb::head;
    req.method = head ? "GET" : std::string(msg.method_string());
    req.target = std::string(msg.target());
    req.headers.reserve(16);
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      req.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    req.body = std::move(msg.body());
    req.remote = c->remote;
    Response res;
    if (!req.ParseTarget()) {
      res = Plain(400, "bad_request", "the request target is not a well-formed path");
    } else {
      c->handling = true;
      res = co_await Answer(req);
      c->handling = false;
    }
    if (!co_await Write(*c, std::move(res), msg.version(), head, msg.keep_alive())) break;
    if (stopping) break;
  }
  beast::error_code ignored;
  c->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  c->stream.close();
  Closed(c.get());
}

void HttpServer::Impl::Closed(Conn* c) {
  conns.erase(c);
  if (stopping && conns.empty()) grace.cancel();
}

void HttpServer::Impl::BeginStop() {
  if (stopping) return;
  stopping = true;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  // Connections waiting for a next request are closed now; those part-way through one
  // (being read, or its response being written) get the grace period to finish.
  for (Conn* c : conns) {
    const bool idle = !c->writing && !c->handling && c->buffer.size() == 0 &&
                      (c->parser == nullptr || !c->parser->got_some());
    if (idle) c->stream.cancel();
  }
  if (conns.empty()) return;
  grace.expires_after(milliseconds(opt.shutdown_grace_ms));
  grace.async_wait([this](beast::error_code e) {
    if (e) return;
    for (Conn* c : conns) c->stream.cancel();
  });
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(const HttpOptions& options,
                                                       Handler handler) {
  auto impl = std::make_unique<Impl>();
  impl->opt = options;
  impl->handler = std::move(handler);
  beast::error_code ec;
  auto addr = asio::ip::make_address(options.bind, ec);
  if (ec) {
    return Err(InvalidArgument(fmt::format(
        "--bind {}: not an IP address (for example 127.0.0.1 or 0.0.0.0)", options.bind)));
  }
  if (options.port < 0 || options.port > 65535) {
    return Err(InvalidArgument(
        fmt::format("--port {}: out of range (allowed: 0 to 65535)", options.port)));
  }
  tcp::endpoint ep(addr, static_cast<unsigned short>(options.port));
  impl->acceptor.open(ep.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(ep, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Err(Status(
        StatusCode::kUnavailable,
        fmt::format("cannot listen on {}:{}: {}", options.bind, options.port, ec.message())));
  }
  impl->port = impl->acceptor.local_endpoint().port();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

int HttpServer::port() const { return impl_->port; }

void HttpServer::Run() {
  Impl& s = *impl_;
  if (s.opt.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([&s](beast::error_code ec, int) {
      if (!ec) s.BeginStop();
    });
  }
  asio::co_spawn(s.ioc, s.Accept(), asio::detached);
  s.ioc.run();
}

void HttpServer::Stop() {
  Impl* s = impl_.get();
  asio::post(s->ioc, [s] { s->BeginStop(); });
}

}  // namespace journey::server
