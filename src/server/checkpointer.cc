#include "server/checkpointer.h"

#include <chrono>

namespace journey::server {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(db::Connection& main,
                                                                const std::string& path,
                                                                int interval_ms) {
  if (main.dialect() != db::Dialect::kSqlite) return std::unique_ptr<WalCheckpointer>();
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<db::Connection> own, db::Connection::OpenSqlite(path));
  JOURNEY_RETURN_IF_ERROR(main.Exec("PRAGMA wal_autocheckpoint=0"));
  return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(std::move(own), interval_ms));
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<db::Connection> own, int interval_ms)
    : own_(std::move(own)), interval_ms_(interval_ms) {
  thread_ = std::thread([this] { Loop(); });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void WalCheckpointer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    const bool stopping =
        wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stop_; });
    lock.unlock();
    // PASSIVE: copies what no reader still needs and returns; it never waits for, or makes
    // wait, the server's connection. A failure (the file busy) is retried next time.
    (void)own_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
    lock.lock();
    if (stopping) return;
  }
}

}  // namespace journey::server
