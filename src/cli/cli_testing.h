// For CLI tests: runs the built `journey` program as a user would.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace journey::cli::testing {

struct Outcome {
  int exit_code;
  std::string out;  // stdout and stderr together
};

inline Outcome Journey(const std::string& args) {
  const std::string cmd = std::string(JOURNEY_BINARY) + " " + args + " 2>&1";
  Outcome r{-1, {}};
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A file's bytes ("" when it cannot be read), for comparing what commands wrote.
inline std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace journey::cli::testing
