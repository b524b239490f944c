// For the server's tests: a real server on 127.0.0.1 (a free port) over a small generated
// council, in a thread of the test process, and a plain-socket HTTP client (no Beast in
// the tests, so they build quickly). Real database file, real sockets, no mocks.
#pragma once

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "base/clock.h"
#include "server/app.h"
#include "server/http_server.h"
#include "server/server.h"
#include "synth/load.h"

namespace journey::server::testing {

struct Reply {
  int status = 0;
  std::string head;  // status line and headers, as received
  std::string body;
  std::string Header(std::string_view name) const {  // case-insensitive, first match
    std::string lower_head = head, n(name);
    for (char& c : lower_head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t p = lower_head.find("\r\n" + n + ":");
    if (p == std::string::npos) return "";
    p += 3 + n.size();
    size_t e = head.find("\r\n", p);
    std::string v = head.substr(p, e - p);
    while (!v.empty() && v.front() == ' ') v.erase(0, 1);
    return v;
  }
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// Sends `raw` bytes on a new connection and reads until the server closes it.
inline Reply RawExchange(int port, const std::string& raw) {
  Reply r;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return r;
  }
  size_t sent = 0;
  while (sent < raw.size()) {
    ssize_t n = send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. an oversized body)
    sent += static_cast<size_t>(n);
  }
  shutdown(fd, SHUT_WR);
  std::string all;
  char buf[65536];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    all.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  size_t split = all.find("\r\n\r\n");
  if (split == std::string::npos) return r;
  r.head = all.substr(0, split);
  r.body = all.substr(split + 4);
  std::sscanf(r.head.c_str(), "HTTP/1.1 %d", &r.status);
  return r;
}

// A signed-in (or not) client: keeps the session cookie and CSRF token.
class Client {
 public:
  explicit Client(int port) : port_(port) {}

  Reply Send(std::string_view method, std::string_view target, const std::string& body = "",
             bool with_csrf = true, std::string content_type = "application/json") {
    std::string req =
        fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n", method, target);
    if (!cookie.empty()) req += fmt::format("Cookie: journey_session={}\r\n", cookie);
    if (with_csrf && !csrf.empty()) req += fmt::format("X-CSRF-Token: {}\r\n", csrf);
    if (!body.empty() || method == "POST" || method == "PUT") {
      req += fmt::format("Content-Type: {}\r\nContent-Length: {}\r\n", content_type, body.size());
    }
    req += "\r\n" + body;
    Reply r = RawExchange(port_, req);
    std::string set = r.Header("set-cookie");
    if (set.rfind("journey_session=", 0) == 0) {
      std::string v = set.substr(16, set.find(';') - 16);
      cookie = v;
    }
    return r;
  }
  Reply Get(std::string_view target) { return Send("GET", target); }

  Reply SignIn(const std::string& user, const std::string& password) {
    Reply r = Send("POST", "/api/session",
                   nlohmann::json{{"username", user}, {"password", password}}.dump());
    if (r.status == 200) csrf = r.Json()["csrf_token"].get<std::string>();
    return r;
  }
  Reply SignInDemo(const std::string& user) { return SignIn(user, "journey-demo-" + user); }

  std::string cookie;
  std::string csrf;

 private:
  int port_;
};

// A generated council (generated once per test binary run), served by an App.
class TestServer {
 public:
  // `name` keeps databases of different fixtures apart. `where`, if given, is an empty
  // database to use instead of a temporary file (a postgresql:// URL).
  explicit TestServer(const std::string& name, int64_t children = 2500, std::string where = "") {
    files_ = (std::filesystem::temp_directory_path() /
              fmt::format("journey_server_test_{}_{}.db", getpid(), name))
                 .string();
    db_ = where.empty() ? files_ : where;
    std::filesystem::remove(files_);
    synth::Options opt;
    opt.children = children;
    opt.years = 3;
    opt.seed = 7;
    opt.as_at = Date::FromYmd(2026, 3, 31);
    clock_ = std::make_unique<FixedClock>(opt.as_at);
    {
      auto store = store::OpenStore(db_, *clock_);
      if (!store) throw std::runtime_error(store.error().message());
      auto rep = synth::GenerateIntoStore(opt, **store);
      if (!rep) throw std::runtime_error(rep.error().message());
    }
    AppOptions ao;
    ao.db_path = db_;
    ao.static_dir = StaticDir();
    // argon2id at libsodium's lowest cost: the same code path, without spending a tenth of
    // a second and 64 MiB on every one of the tests' many sign-ins.
    ao.auth.ops_limit = crypto_pwhash_OPSLIMIT_MIN;
    ao.auth.mem_limit = crypto_pwhash_MEMLIMIT_MIN;
    auto app = App::Open(ao, *clock_);
    if (!app) throw std::runtime_error(app.error().message());
    app_ = std::move(*app);
    auto accounts = EnsureDemoAccounts(*app_, *clock_);
    if (!accounts) throw std::runtime_error(accounts.error().message());
    HttpOptions ho;
    ho.port = 0;
    ho.read_timeout_ms = 2000;
    ho.shutdown_grace_ms = 2000;
    auto server = HttpServer::Listen(ho, [this](Request& r) { return app_->Handle(r); });
    if (!server) throw std::runtime_error(server.error().message());
    server_ = std::move(*server);
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~TestServer() {
    server_->Stop();
    thread_.join();
    app_.reset();
    std::filesystem::remove(files_);
    std::filesystem::remove(files_ + "-wal");
    std::filesystem::remove(files_ + "-shm");
    std::filesystem::remove_all(StaticDir());
  }
  int port() const { return server_->port(); }
  App& app() { return *app_; }
  FixedClock& clock() { return *clock_; }
  const std::string& db() const { return db_; }
  HttpServer& http() { return *server_; }
  void StopAndJoin() {
    server_->Stop();
    thread_.join();
    thread_ = std::thread([] {});
  }

  // A tiny built front end: index.html and a hashed asset.
  std::string StaticDir() const { return files_ + ".dist"; }
  void WriteStatic() const {
    std::filesystem::create_directories(StaticDir() + "/assets");
    std::FILE* f = std::fopen((StaticDir() + "/index.html").c_str(), "w");
    std::fputs(
        "<!doctype html><title>Journey</title><script type=module "
        "src=/assets/index-abcdef12.js></script>",
        f);
    std::fclose(f);
    f = std::fopen((StaticDir() + "/assets/index-abcdef12.js").c_str(), "w");
    std::fputs("console.log('journey');\n", f);
    std::fclose(f);
  }

 private:
  std::string db_;     // what the server opens: the file, or the URL given
  std::string files_;  // the temporary file's name (and its front end's directory beside it)
  std::unique_ptr<FixedClock> clock_;
  std::unique_ptr<App> app_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

}  // namespace journey::server::testing
