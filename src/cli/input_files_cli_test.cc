// The one way every command reads the files it is given (cli/input_files.h): the same
// refusal, naming the file, from 903, CIN, Annex A and governance alike.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_testing.h"

namespace {

using journey::cli::testing::Journey;
using Outcome = journey::cli::testing::Outcome;

class CliInputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("journey_cliinput_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "adir");
    d_ = dir_.string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string d_;
};

TEST_F(CliInputFiles, EveryCommandRefusesAMissingFileByName) {
  const std::string missing = d_ + "/nowhere.csv";
  for (const std::string& cmd :
       {"validate 903 --year 2026 " + missing, "validate cin --year 2026 " + missing,
        "import cin --db " + d_ + "/c.db --year 2026 " + missing, "validate annex-a " + missing,
        "governance load --db " + d_ + "/g.db " + missing}) {
    Outcome r = Journey(cmd);
    EXPECT_NE(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find(missing + ": cannot read"), std::string::npos) << cmd << "\n" << r.out;
  }
}

TEST_F(CliInputFiles, ADirectoryIsRefusedNotReadAsEmpty) {
  Outcome r = Journey("validate annex-a " + d_ + "/adir");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("adir: is a directory"), std::string::npos) << r.out;
  r = Journey("validate 903 --year 2026 " + d_ + "/adir");
  EXPECT_NE(r.out.find("adir: is a directory"), std::string::npos) << r.out;
}

TEST_F(CliInputFiles, AnOversizedFileIsRefusedBeforeReading) {
  {
    std::ofstream f(d_ + "/big.txt");
    f << "x";
  }
  std::filesystem::resize_file(d_ + "/big.txt", (uintmax_t{257} << 20));
  for (const std::string& cmd : {"validate 903 --year 2026 " + d_ + "/big.txt",
                                 "governance load --db " + d_ + "/g.db " + d_ + "/big.txt"}) {
    Outcome r = Journey(cmd);
    EXPECT_NE(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("big.txt: the file is 257 MB; the largest accepted is 256 MB"),
              std::string::npos)
        << cmd << "\n"
        << r.out;
  }
}

TEST_F(CliInputFiles, AYearOutsideTheDfEsIsRefusedTheSameWay) {
  for (const char* cmd : {"validate 903 --year 26 x.csv", "validate cin --year 26 x.xml"}) {
    Outcome r = Journey(cmd);
    EXPECT_NE(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("--year 26: give the collection year"), std::string::npos) << r.out;
  }
}

}  // namespace
