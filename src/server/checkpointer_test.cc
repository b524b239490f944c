// The WAL checkpointer: the server's connection never checkpoints, and the log still gets
// copied back into the database file, by the checkpointer's own thread.
#include "server/checkpointer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace journey::server {
namespace {

TEST(ServerCheckpointer, CopiesTheLogBackOffTheWritersThread) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            fmt::format("journey_checkpointer_test_{}.db", getpid()))
                               .string();
  std::filesystem::remove(path);
  auto main = db::Connection::OpenSqlite(path);
  ASSERT_TRUE(main) << main.error().message();
  ASSERT_TRUE((*main)->Exec("CREATE TABLE t (x INTEGER, pad BLOB)").ok());
  {
    auto cp = WalCheckpointer::Start(**main, path, 20);
    ASSERT_TRUE(cp) << cp.error().message();
    ASSERT_NE(*cp, nullptr);
    auto q = (*main)->Prepare("PRAGMA wal_autocheckpoint");
    ASSERT_TRUE(q);
    auto row = q->Step();
    ASSERT_TRUE(row && *row);
    EXPECT_EQ(q->Int(0), 0) << "the writer's connection still checkpoints itself";
    // About 3 MB in 3,000 commits: past SQLite's 1,000-page mark several times over.
    for (int i = 0; i < 3000; ++i)
      ASSERT_TRUE(
          (*main)->Exec(fmt::format("INSERT INTO t VALUES ({}, randomblob(1000))", i)).ok());
    // Only a checkpoint writes pages into the database file itself.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::filesystem::file_size(path) < 2'000'000 &&
           std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_GE(std::filesystem::file_size(path), 2'000'000u);
  }
  main->reset();
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
}

}  // namespace
}  // namespace journey::server
