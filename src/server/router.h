// Maps (method, path) to a route: patterns with {name} segments ("/api/children/{id}").
// The router knows nothing of handlers or roles; the App keeps, per route index, what the
// route does and who may call it. Routes() lists every pattern, so a test can hold them
// against docs/api/openapi.yaml.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey::server {

class Router {
 public:
  // Returns the route's index (0, 1, ... in the order added).
  int Add(std::string method, std::string pattern);

  struct Match {
    int index = -1;           // -1: no route
    bool path_known = false;  // the path matched some route, with another method (405)
    std::vector<std::pair<std::string, std::string>> params;
  };
  Match Find(std::string_view method, std::string_view path) const;

  // (method, pattern) of every route, in the order added.
  std::vector<std::pair<std::string, std::string>> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" for a parameter
  };
  std::vector<Route> routes_;
};

// "/a/b/" -> {"a", "b"}; empty segments are dropped.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace journey::server
