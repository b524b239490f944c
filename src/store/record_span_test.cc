// The record's span (store/record_span.h): widened by loads, read back, refused when bad.
#include "store/record_span.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace journey::store {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

class RecordSpanTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("journey_record_span_" + std::to_string(::getpid()) + ".db"))
                .string();
    Remove();
    auto s = OpenSqliteStore(path_, clock_);
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* x : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + x);
  }
  FixedClock clock_{Date::FromYmd(2026, 11, 23)};
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(RecordSpanTest, ALiveRecordHasNoSpan) {
  auto s = ReadRecordSpan(*store_);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->horizon);
  EXPECT_FALSE(s->last);
  EXPECT_EQ(DefaultAsAt(*s, D("2026-11-23")), D("2026-11-23"));
}

TEST_F(RecordSpanTest, WidensButNeverNarrows) {
  ASSERT_TRUE(WidenRecordSpan(*store_, D("2021-04-01"), D("2022-03-31")).ok());
  ASSERT_TRUE(WidenRecordSpan(*store_, D("2022-04-01"), D("2023-03-31")).ok());  // later year
  ASSERT_TRUE(WidenRecordSpan(*store_, D("2020-04-01"), D("2021-03-31")).ok());  // earlier
  auto s = ReadRecordSpan(*store_);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s->horizon, D("2020-04-01"));
  EXPECT_EQ(*s->last, D("2023-03-31"));
  // A record that ends before today is looked at from its last day; one that ends later
  // (a generated future) from today.
  EXPECT_EQ(DefaultAsAt(*s, D("2026-11-23")), D("2023-03-31"));
  EXPECT_EQ(DefaultAsAt(*s, D("2023-03-30")), D("2023-03-30"));
  // Only the horizon: a live record stays live.
  ASSERT_TRUE(WidenRecordSpan(*store_, D("2019-04-01"), std::nullopt).ok());
  s = ReadRecordSpan(*store_);
  EXPECT_EQ(*s->horizon, D("2019-04-01"));
  EXPECT_EQ(*s->last, D("2023-03-31"));
  ASSERT_TRUE(SetHorizon(*store_, D("2022-01-10")).ok());  // a go-live date, set outright
  EXPECT_EQ(*ReadRecordSpan(*store_)->horizon, D("2022-01-10"));
}

TEST_F(RecordSpanTest, AMalformedValueNamesTheKey) {
  ASSERT_TRUE(store_->SetMeta(kHorizonKey, "2021-02-30").ok());
  auto s = ReadRecordSpan(*store_);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message().find("record.horizon: \"2021-02-30\""), std::string::npos)
      << s.error().message();
}

}  // namespace
}  // namespace journey::store
