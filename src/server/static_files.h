// The front end's built files (web/dist), held in memory and served with their content
// types. Vite names bundled assets by their content hash (assets/index-3f2a9c1b.js), so
// those are cached by browsers for a year; index.html is revalidated every time so a new
// build is picked up at once. A path without a file extension that is not a file (a
// front-end route such as /children/42) gets index.html. The files are read again when
// index.html changes on disk (a new build) .
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "server/http.h"

namespace journey::server {

class StaticFiles {
 public:
  void SetRoot(std::string dir) { root_ = std::move(dir); }
  Response Serve(const Request& req);

 private:
  struct File {
    std::string body;
    std::string content_type;
    bool immutable = false;
  };
  void ReloadIfChanged();
  std::string root_;
  int64_t index_mtime_ = -1;  // of index.html when last read; -1: never read
  int64_t last_check_us_ = 0;
  std::unordered_map<std::string, File> files_;  // by URL path ("/assets/x.js")
};

std::string_view ContentTypeFor(std::string_view path);

}  // namespace journey::server
