#include "server/static_files.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace journey::server {
namespace fs = std::filesystem;

namespace {

struct TypeByExt {
  std::string_view ext;
  std::string_view type;
};
constexpr TypeByExt kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
};

// Vite's hashed names: "<name>-<hash>.<ext>" under assets/, the hash 8 or more characters.
bool LooksHashed(std::string_view url) {
  if (url.rfind("/assets/", 0) != 0) return false;
  size_t dot = url.rfind('.'), dash = url.rfind('-');
  return dash != std::string_view::npos && dot != std::string_view::npos && dash < dot &&
         dot - dash - 1 >= 8;
}

int64_t MTime(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  return ec ? -1 : static_cast<int64_t>(t.time_since_epoch().count());
}

int64_t NowUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string_view ContentTypeFor(std::string_view path) {
  for (const TypeByExt& t : kTypes) {
    if (path.size() >= t.ext.size() && path.substr(path.size() - t.ext.size()) == t.ext)
      return t.type;
  }
  return "application/octet-stream";
}

void StaticFiles::ReloadIfChanged() {
  // At most once a second: a stat per request would cost more than serving from memory.
  const int64_t now = NowUs();
  if (index_mtime_ != -1 && now - last_check_us_ < 1000000) return;
  last_check_us_ = now;
  const int64_t m = MTime(fs::path(root_) / "index.html");
  if (m == index_mtime_ && m != -1) return;
  files_.clear();
  index_mtime_ = m;
  std::error_code ec;
  if (m == -1) return;
  for (auto it = fs::recursive_directory_iterator(root_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string url = "/" + fs::relative(it->path(), root_).generic_string();
    File f;
    f.body = ss.str();
    f.content_type = std::string(ContentTypeFor(url));
    f.immutable = LooksHashed(url);
    files_[url] = std::move(f);
  }
}

Response StaticFiles::Serve(const Request& req) {
  Response r;
  if (req.method != "GET") {
    r.status = 405;
    r.SetHeader("Allow", "GET, HEAD");
    r.body = R"({"error":{"code":"method_not_allowed","message":"only GET and HEAD here"}})";
    return r;
  }
  ReloadIfChanged();
  std::string path = req.path == "/" ? "/index.html" : req.path;
  auto it = files_.find(path);
  if (it == files_.end()) {
    const size_t slash = path.rfind('/');
    const bool has_ext = path.find('.', slash) != std::string::npos;
    if (!has_ext) it = files_.find("/index.html");  // a front-end route
  }
  if (it == files_.end()) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = files_.empty() ? "The front end is not built: run `npm run build` in web/.\n"
                            : "Not found.\n";
    return r;
  }
  r.content_type = it->second.content_type;
  r.body = it->second.body;
  r.SetHeader("Cache-Control",
              it->second.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace journey::server
