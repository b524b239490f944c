// Runs a fuzz target without libFuzzer (for g++ builds and CI): reads the seed files in a
// corpus directory, then feeds a fixed number of deterministic mutations of them (bit
// flips, byte insertions and deletions, splices, truncations) to LLVMFuzzerTestOneInput.
// Not coverage-guided: build with clang and -DJOURNEY_FUZZ=ON for real fuzzing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

uint64_t Next(uint64_t& s) {
  uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string Mutate(const std::vector<std::string>& seeds, uint64_t& s) {
  std::string x = seeds[Next(s) % seeds.size()];
  const int steps = 1 + static_cast<int>(Next(s) % 4);
  static const char kInteresting[] = "\",\r\n/-0123456789:T\xff\xfe\x00 ";
  for (int i = 0; i < steps; ++i) {
    const size_t pos = x.empty() ? 0 : Next(s) % (x.size() + 1);
    switch (Next(s) % 6) {
      case 0:
        if (!x.empty() && pos < x.size()) x[pos] ^= static_cast<char>(1u << (Next(s) % 8));
        break;
      case 1: x.insert(pos, 1, kInteresting[Next(s) % (sizeof(kInteresting) - 1)]); break;
      case 2:
        if (pos < x.size()) x.erase(pos, 1 + Next(s) % 4);
        break;
      case 3: x.resize(pos); break;
      case 4: {
        const std::string& other = seeds[Next(s) % seeds.size()];
        if (!other.empty()) x.insert(pos, other.substr(Next(s) % other.size(), 16));
        break;
      }
      case 5: x.insert(pos, 1, static_cast<char>(Next(s) & 0xff)); break;
    }
  }
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR ITERATIONS\n", argv[0]);
    return 2;
  }
  std::vector<std::string> seeds{""};
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    seeds.push_back(ss.str());
  }
  const long n = std::atol(argv[2]);
  const char* dump = std::getenv("JOURNEY_FUZZ_DUMP");
  uint64_t state = 12345;
  for (const std::string& s : seeds)
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  for (long i = 0; i < n; ++i) {
    std::string x = Mutate(seeds, state);
    if (dump) std::ofstream(dump, std::ios::binary) << x;  // the input that crashes stays behind
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(x.data()), x.size());
  }
  std::printf("%s: %zu seeds and %ld mutations ran without a failure\n", argv[0], seeds.size(), n);
  return 0;
}
