#include "server/router.h"

namespace journey::server {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view seg = path.substr(0, slash);
    if (!seg.empty()) out.push_back(seg);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

int Router::Add(std::string method, std::string pattern) {
  Route r;
  r.method = std::move(method);
  for (std::string_view s : SplitPath(pattern)) r.segments.emplace_back(s);
  r.pattern = std::move(pattern);
  routes_.push_back(std::move(r));
  return static_cast<int>(routes_.size()) - 1;
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match m;
  const std::vector<std::string_view> segs = SplitPath(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    if (r.segments.size() != segs.size()) continue;
    bool ok = true;
    for (size_t s = 0; s < segs.size() && ok; ++s) {
      const std::string& p = r.segments[s];
      if (!(p.size() > 1 && p.front() == '{' && p.back() == '}') && p != segs[s]) ok = false;
    }
    if (!ok) continue;
    m.path_known = true;
    if (r.method != method) continue;
    m.index = static_cast<int>(i);
    for (size_t s = 0; s < segs.size(); ++s) {
      const std::string& p = r.segments[s];
      if (p.front() == '{') m.params.emplace_back(p.substr(1, p.size() - 2), std::string(segs[s]));
    }
    return m;
  }
  return m;
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

}  // namespace journey::server
