// Checkpoints of an SQLite database's write-ahead log on a thread of their own.
//
// SQLite appends each commit to the WAL file and, by default, the commit that takes the WAL
// past 1,000 pages copies it back into the database file and syncs it to disk (fdatasync):
// milliseconds on a quiet disk, hundreds on a busy one. On the server that commit is a
// request being answered on the server's only handler thread, so every connection waited
// for the disk (BENCHMARKS.md "Server": the child's record API's p99). With the checkpointer,
// the server's connection never checkpoints (wal_autocheckpoint=0); this thread does, with
// a connection of its own, in PASSIVE mode, which never blocks the writer. Commits stay as
// durable as before (synchronous=NORMAL: a commit survives a crash of the process; a
// checkpoint is what syncs).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.h"
#include "store/db.h"

namespace journey::server {

class WalCheckpointer {
 public:
  // For an SQLite `main` connection to the file `path`: turns its automatic checkpoints off
  // and starts the thread, which checkpoints every `interval_ms`. For PostgreSQL, nullptr
  // (the server does its own).
  static Result<std::unique_ptr<WalCheckpointer>> Start(db::Connection& main,
                                                        const std::string& path,
                                                        int interval_ms = 250);
  ~WalCheckpointer();  // stops the thread after a last checkpoint

  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  WalCheckpointer(std::unique_ptr<db::Connection> own, int interval_ms);
  void Loop();

  std::unique_ptr<db::Connection> own_;
  int interval_ms_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace journey::server
