// Reading and validating a CIN census (issue 4, "Speed"; docs/returns/cin.md): a large
// council's census read (pugixml, with element lines) and checked by every 2025/26 rule in
// force, against reading alone and against libxml2's XSD check of the same bytes.
//
//   build/journey generate --children 160000 --db big.db
//   build/journey export cin --db big.db --year 2026 --out bigcin
//   build/bench/cin_bench --file bigcin/CIN_census.xml --year 2026
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "returns/cin_rules.h"
#include "returns/cin_xml.h"
#include "returns/cin_xsd.h"

namespace {

double BestMs(int runs, const std::function<void()>& fn) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    best = std::min(
        best,
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace journey::returns;
  std::string file;
  int year = 2026, runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--file") file = argv[i + 1];
    if (a == "--year") year = std::atoi(argv[i + 1]);
    if (a == "--runs") runs = std::atoi(argv[i + 1]);
  }
  if (file.empty()) {
    std::fprintf(stderr, "usage: cin_bench --file CIN_census.xml [--year Y] [--runs N]\n");
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const InputFile f{"CIN_census.xml", s.str()};
  size_t children = 0, episodes = 0, findings = 0;
  const double read_ms = BestMs(runs, [&] {
    CinRead r = ReadCinXml(f);
    children = r.message.children.size();
    episodes = 0;
    for (const CinChild& c : r.message.children) episodes += c.details.size();
  });
  const CinRead r = ReadCinXml(f);
  const double rules_ms = BestMs(
      runs, [&] { findings = ValidateCin(r.message, year, CinReference{"990"}).findings.size(); });
  const double all_ms = BestMs(runs, [&] {
    CinRead x = ReadCinXml(f);
    findings = ValidateCin(x.message, year, CinReference{"990"}, f.text).findings.size();
  });
  const double xsd_ms = BestMs(runs, [&] { CheckCinXsd(f.text); });
  std::printf("census: %zu children, %zu episodes, %zu KB; %zu rules in force; %zu findings\n",
              children, episodes, f.text.size() / 1024, CinRulesFor(year).size(), findings);
  std::printf("read (pugixml, element lines): %.1f ms\n", read_ms);
  std::printf("rules over the read message:   %.1f ms (%.2f of reading)\n", rules_ms,
              rules_ms / read_ms);
  std::printf("XSD check alone (libxml2):     %.1f ms\n", xsd_ms);
  std::printf("read + rules + XSD:            %.1f ms (%.2f of the XSD check alone)\n", all_ms,
              all_ms / xsd_ms);
  return 0;
}
