#include "store/store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "model/codes.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/test_db.h"

namespace journey::store {
namespace {

using model::FieldType;
using model::Kind;
using model::KindDef;
using model::Record;

Date D(const char* iso) { return *Date::ParseIso(iso); }

const Date kDay = Date::FromYmd(2024, 6, 3);

// Fills every field of a record with a valid value of its type: codes valid in the
// 2024/25 collection year, dates on kDay (ends 30 days on), references to placeholder -1
// of their kind (every kind has one record in the batch, with id -1).
Record Full(Kind kind) {
  const KindDef& d = model::Def(kind);
  Record r(kind);
  r.id = -1;
  r.child_id = d.child_link == model::ChildLink::kNone ? 0 : -1;
  for (size_t i = 0; i < d.fields.size(); ++i) {
    const model::FieldDef& f = d.fields[i];
    const bool is_end = static_cast<int>(i) == d.end_index;
    switch (f.type) {
      case FieldType::kText: {
        size_t len = f.max_length > 0 ? std::min<size_t>(f.max_length, 6) : 6;
        r.values[i] = std::string(len, 'x');
        break;
      }
      case FieldType::kCode: {
        const auto* list = model::CodeLists::Default().Find(f.code_list);
        for (const auto& e : list->entries())
          if (e.ValidIn(CollectionYearOf(kDay))) {
            r.values[i] = e.code;
            break;
          }
        break;
      }
      case FieldType::kInt:
        r.values[i] = int64_t(f.min < f.max ? f.min : 3);
        break;
      case FieldType::kDecimal:
        r.values[i] = f.min < f.max ? f.min + 0.5 : 2.5;
        break;
      case FieldType::kBool:
        r.values[i] = (i % 2 == 0);
        break;
      case FieldType::kDate:
        r.values[i] = is_end ? kDay.AddDays(30) : kDay;
        break;
      case FieldType::kDateTime:
        r.values[i] = model::DateTime::FromDateAndMinutes(is_end ? kDay.AddDays(30) : kDay, 600);
        break;
      case FieldType::kRef:
        r.values[i] = int64_t{-1};
        break;
    }
  }
  return r;
}

// One record of every kind for one child, consistent with the cross-record rules.
WriteBatch EveryKind() {
  WriteBatch b;
  for (const KindDef& d : model::AllKinds()) {
    Record r = Full(d.kind);
    switch (d.kind) {
      case Kind::kClaEpisode:
        r.Set("rec", std::string("E8"));
        break;
      case Kind::kCpConference:
        r.Set("conference_type", std::string("REVIEW"));
        break;
      case Kind::kRelationship:
        r.Set("related_person_id", int64_t{-2});
        break;
      case Kind::kPerson:
        r.child_id = 0;
        break;
      default:
        break;
    }
    b.Put(r);
  }
  Record mother(Kind::kPerson);
  mother.id = -2;
  mother.Set("la_child_id", std::string("M1"));
  b.Put(mother);
  return b;
}

// Every store test runs against SQLite and against a real PostgreSQL server.
class StoreTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    ASSERT_EQ(db_.error(), "");
    auto s = OpenStore(db_.where(), clock_);
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
  }
  testing::TestDb db_{GetParam()};
  FixedClock clock_{Date::FromYmd(2024, 7, 1)};
  std::unique_ptr<Store> store_;
  Actor actor_{"sw.test", "", "test"};
};

TEST_P(StoreTest, EveryKindWrittenAndReadBackFieldForField) {
  WriteBatch b = EveryKind();
  auto w = store_->Write(actor_, b);
  ASSERT_TRUE(w) << w.error().ToString();
  ASSERT_EQ(w->ids.size(), b.size());
  // Resolve what the placeholders became: every kind's -1 got id 1, the mother id 2.
  for (size_t i = 0; i < b.size(); ++i) {
    Record expected = b.ops()[i].record;
    expected.id = w->ids[i];
    const KindDef& d = model::Def(expected.kind);
    if (expected.kind == Kind::kPerson) {
      expected.child_id = expected.id;
    } else if (expected.child_id == -1) {
      expected.child_id = 1;
    }
    for (size_t f = 0; f < d.fields.size(); ++f) {
      if (auto* id = std::get_if<int64_t>(&expected.values[f]);
          id && d.fields[f].type == FieldType::kRef && *id < 0) {
        *id = *id == -1 ? 1 : 2;
      }
    }
    auto got = store_->Get(expected.kind, expected.id);
    ASSERT_TRUE(got && got->has_value()) << d.name;
    EXPECT_EQ(**got, expected) << d.name;
    for (size_t f = 0; f < d.fields.size(); ++f) {
      EXPECT_EQ((*got)->values[f], expected.values[f]) << d.name << "." << d.fields[f].name;
    }
    EXPECT_EQ((*got)->version, 1);
    EXPECT_EQ((*got)->tx, w->tx);
  }
  auto child = store_->LoadChild(1);
  ASSERT_TRUE(child);
  for (const KindDef& d : model::AllKinds())
    EXPECT_EQ(child->of(d.kind).size(),
              d.child_link == model::ChildLink::kNone && d.kind != Kind::kPerson ? 0u : 1u)
        << d.name;
  auto tx = store_->Transaction(w->tx);
  ASSERT_TRUE(tx);
  EXPECT_EQ(tx->actor, "sw.test");
  EXPECT_EQ(tx->at_micros, clock_.NowMicros());
}

TEST_P(StoreTest, AnUpdateKeepsTheEarlierVersion) {
  ASSERT_TRUE(store_->Write(actor_, EveryKind()));
  auto v1 = store_->Get(Kind::kVisit, 1);
  ASSERT_TRUE(v1 && *v1);
  Record changed = **v1;
  changed.Set("seen_alone", false);
  changed.Set("visit_date", kDay.AddDays(2));
  clock_.Advance(3600LL * 1000000);
  WriteBatch b;
  b.Put(changed);
  auto w = store_->Write(Actor{"tm.test", "correction", "test"}, b);
  ASSERT_TRUE(w) << w.error().ToString();

  auto now = store_->Get(Kind::kVisit, 1);
  EXPECT_EQ((*now)->GetDate("visit_date"), kDay.AddDays(2));
  EXPECT_EQ((*now)->version, 2);
  auto history = store_->History(Kind::kVisit, 1);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].values, (*v1)->values);  // the first version, untouched
  EXPECT_EQ((*history)[1].values, changed.values);
  auto t2 = store_->Transaction((*history)[1].tx);
  EXPECT_EQ(t2->actor, "tm.test");
  EXPECT_EQ(t2->reason, "correction");
  EXPECT_EQ(store_->Count(Kind::kVisit).value(), 1);
}

TEST_P(StoreTest, DeleteKeepsHistory) {
  ASSERT_TRUE(store_->Write(actor_, EveryKind()));
  WriteBatch b;
  b.Delete(Kind::kCaseNote, 1);
  ASSERT_TRUE(store_->Write(actor_, b));
  EXPECT_FALSE(store_->Get(Kind::kCaseNote, 1)->has_value());
  auto h = store_->History(Kind::kCaseNote, 1);
  ASSERT_EQ(h->size(), 2u);
  EXPECT_FALSE((*h)[0].deleted);
  EXPECT_TRUE((*h)[1].deleted);
  EXPECT_EQ(store_->Count(Kind::kCaseNote).value(), 0);
  WriteBatch again;
  again.Delete(Kind::kCaseNote, 1);
  auto w = store_->Write(actor_, again);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code(), StatusCode::kNotFound);
}

int64_t CountTx(const testing::TestDb& db) {
  auto c = db.Connect();
  auto st = (*c)->Prepare("SELECT COUNT(*) FROM journey_tx");
  (void)st->Step();
  return st->Int(0);
}

TEST_P(StoreTest, AFailedTransactionLeavesNothingBehind) {
  ASSERT_TRUE(store_->Write(actor_, EveryKind()));
  const int64_t tx_before = CountTx(db_);
  // A valid visit, then a second protection plan that overlaps the first: all refused.
  WriteBatch b;
  Record visit = *store_->Get(Kind::kVisit, 1).value();
  visit.id = 0;
  b.Put(visit);
  Record plan = *store_->Get(Kind::kCpPlan, 1).value();
  plan.id = 0;
  plan.Set("start_date", kDay.AddDays(10));
  b.Put(plan);
  auto w = store_->Write(actor_, b);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(w.error().message().find("cp_plan 2 (child 1): field start_date value \"2024-06-13\": "
                                     "overlaps cp_plan 1"),
            std::string::npos)
      << w.error().message();
  EXPECT_EQ(store_->Count(Kind::kVisit).value(), 1);
  EXPECT_EQ(store_->Count(Kind::kCpPlan).value(), 1);
  EXPECT_EQ(CountTx(db_), tx_before);
}

TEST_P(StoreTest, RefusesReferencesToMissingWorkersAndChildren) {
  ASSERT_TRUE(store_->Write(actor_, EveryKind()));
  Record note = *store_->Get(Kind::kCaseNote, 1).value();
  note.id = 0;
  note.Set("worker_id", int64_t{99});
  WriteBatch b;
  b.Put(note);
  auto w = store_->Write(actor_, b);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().message(),
            "case_note 2 (child 1): field worker_id value \"99\": no worker 99 exists [JR-REF]");

  note.Set("worker_id", int64_t{1});
  note.child_id = 77;
  WriteBatch b2;
  b2.Put(note);
  w = store_->Write(actor_, b2);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message().find("child 77 does not exist"), std::string::npos);
}

TEST_P(StoreTest, RefusesMovingARecordToAnotherChild) {
  ASSERT_TRUE(store_->Write(actor_, EveryKind()));
  Record note = *store_->Get(Kind::kCaseNote, 1).value();
  note.child_id = 2;
  WriteBatch b;
  b.Put(note);
  auto w = store_->Write(actor_, b);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message().find("cannot move to another child"), std::string::npos);
}

TEST_P(StoreTest, FieldErrorsNameRecordFieldAndValue) {
  Record p(Kind::kPerson);
  p.Set("la_child_id", std::string("C9"));
  p.Set("sex", std::string("Q"));
  WriteBatch b;
  b.Put(p);
  auto w = store_->Write(actor_, b);
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.error().message(),
            "person 1: field sex: value \"Q\" is not a code of list sex (allowed: M, F, U)");
  EXPECT_EQ(store_->Count(Kind::kPerson).value(), 0);
}

TEST_P(StoreTest, WriteNeedsAnActor) {
  Record p(Kind::kPerson);
  p.Set("la_child_id", std::string("C9"));
  WriteBatch b;
  b.Put(p);
  auto w = store_->Write(Actor{}, b);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message().find("acting user"), std::string::npos);
}

// Statement binds $n as SQLite's n-th parameter, which SQLite numbers by first
// appearance: SQL naming $2 before $1 would bind the wrong values, so Prepare refuses it.
// (PostgreSQL numbers parameters by $n itself.)
TEST(SqliteConnection, ParametersOutOfOrderAreRefused) {
  testing::TestDb db(db::Dialect::kSqlite);
  auto c = db.Connect();
  ASSERT_TRUE(c);
  auto bad = (*c)->Prepare("SELECT $2 - $1");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.error().message().find("$2"), std::string::npos) << bad.error().message();
  auto good = (*c)->Prepare("SELECT $1 - $2, $1");
  ASSERT_TRUE(good);
  good->BindInt(1, 10);
  good->BindInt(2, 3);
  ASSERT_TRUE(good->Step().value_or(false));
  EXPECT_EQ(good->Int(0), 7);
}

// PostgreSQL reports a column's type by its standard name.
std::string PgTypeName(std::string_view sql_type, bool pg) {
  if (pg && sql_type == "TIMESTAMP") return "TIMESTAMP WITHOUT TIME ZONE";
  return std::string(sql_type);
}

TEST_P(StoreTest, MigratedSchemaMatchesTheDescriptions) {
  EXPECT_EQ(store_->SchemaVersion().value(), static_cast<int>(Migrations().size()));
  auto c = db_.Connect();
  ASSERT_TRUE(c);
  const bool pg = GetParam() == db::Dialect::kPostgres;
  for (const KindDef& d : model::AllKinds()) {
    auto st = (*c)->Prepare(
        pg ? "SELECT column_name, upper(data_type) FROM information_schema.columns WHERE "
             "table_name = '" +
                 std::string(d.name) + "' ORDER BY ordinal_position"
           : "SELECT name, type FROM pragma_table_info('" + std::string(d.name) +
                 "') ORDER BY cid");
    ASSERT_TRUE(st);
    std::vector<std::pair<std::string, std::string>> cols;
    while (st->Step().value_or(false))
      cols.emplace_back(std::string(st->Text(0)), std::string(st->Text(1)));
    ASSERT_EQ(cols.size(), 7 + d.fields.size()) << d.name << ": write a migration";
    for (size_t i = 0; i < d.fields.size(); ++i) {
      EXPECT_EQ(cols[7 + i].first, d.fields[i].name) << d.name;
      EXPECT_EQ(cols[7 + i].second, PgTypeName(SqlType(d.fields[i].type), pg))
          << d.name << "." << d.fields[i].name;
    }
  }
}

TEST_P(StoreTest, ReopeningAppliesNoMigrationTwice) {
  ASSERT_TRUE(store_->Write(actor_, EveryKind()));
  store_.reset();
  auto again = OpenStore(db_.where(), clock_);
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ((*again)->Count(Kind::kPerson).value(), 2);
  EXPECT_EQ((*again)->SchemaVersion().value(), static_cast<int>(Migrations().size()));
}

TEST_P(StoreTest, MetaRoundTrip) {
  ASSERT_TRUE(store_->SetMeta("k", "v1").ok());
  ASSERT_TRUE(store_->SetMeta("k", "v2").ok());
  EXPECT_EQ(store_->GetMeta("k").value(), "v2");
  EXPECT_FALSE(store_->GetMeta("absent").value().has_value());
}

model::ChildRecords SmallChild(int64_t id, int64_t worker) {
  model::ChildRecords c;
  c.child_id = id;
  Record p(Kind::kPerson);
  p.id = p.child_id = id;
  p.Set("la_child_id", "C" + std::to_string(id));
  c.of(Kind::kPerson).push_back(p);
  Record note(Kind::kCaseNote);
  note.id = id;
  note.child_id = id;
  note.Set("noted_at", model::DateTime::FromDateAndMinutes(kDay, 60));
  note.Set("note_type", std::string("CASE_NOTE"));
  note.Set("text", std::string("synthetic"));
  note.Set("worker_id", worker);
  c.of(Kind::kCaseNote).push_back(note);
  return c;
}

Record Worker(int64_t id) {
  Record w(Kind::kWorker);
  w.id = id;
  w.Set("name", std::string("Worker"));
  w.Set("role", std::string("SW"));
  w.Set("start_date", kDay);
  return w;
}

TEST_P(StoreTest, BulkLoadCommitsAllOrNothing) {
  {
    auto bulk = store_->BeginBulk(Actor{"generator"});
    ASSERT_TRUE(bulk);
    ASSERT_TRUE((*bulk)->AddChild(SmallChild(1, 5)).ok());  // worker 5 arrives later
    ASSERT_TRUE((*bulk)->Add(Worker(5)).ok());
    ASSERT_TRUE((*bulk)->AddChild(SmallChild(2, 5)).ok());
    ASSERT_TRUE((*bulk)->Commit().ok());
  }
  EXPECT_EQ(store_->Count(Kind::kPerson).value(), 2);
  EXPECT_EQ(store_->Count(Kind::kCaseNote).value(), 2);
  {
    auto bulk = store_->BeginBulk(Actor{"generator"});
    ASSERT_TRUE(bulk);
    ASSERT_TRUE((*bulk)->AddChild(SmallChild(3, 5)).ok());
    ASSERT_TRUE((*bulk)->AddChild(SmallChild(4, 6)).ok());  // no worker 6
    Status st = (*bulk)->Commit();
    EXPECT_EQ(st.message(),
              "case_note 4 (child 4): field worker_id value \"6\": no worker 6 exists [JR-REF]");
  }
  EXPECT_EQ(store_->Count(Kind::kPerson).value(), 2);  // child 3 rolled back with child 4
  {
    auto bulk = store_->BeginBulk(Actor{"generator"});
    Status st = (*bulk)->AddChild(SmallChild(1, 5));  // id 1 already used
    if (st.ok()) st = (*bulk)->Commit();  // PostgreSQL's COPY finds it when the rows are sent
    EXPECT_EQ(st.code(), StatusCode::kAlreadyExists) << st.ToString();
    EXPECT_EQ(st.message(), "person 1: id 1 is already in use");
  }
  EXPECT_EQ(store_->Count(Kind::kPerson).value(), 2);
  // Scan yields current records ordered by child.
  std::vector<int64_t> seen;
  ASSERT_TRUE(store_
                  ->Scan(Kind::kCaseNote,
                         [&](const Record& r) {
                           seen.push_back(r.child_id);
                           return Status::Ok();
                         })
                  .ok());
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2}));
}

// The bulk path (COPY's text format on PostgreSQL) stores exactly what a write stores: text
// with the characters COPY escapes, nulls, dates and times, and enough rows that a kind's
// rows are sent in more than one COPY.
TEST_P(StoreTest, BulkLoadStoresValuesExactly) {
  const std::string awkward = "tab\there\nnew line\\N not null\r\\ back \u00e9 \\.";
  constexpr int kChildren = 12000;  // case notes: over the 4 MiB a COPY sends at once
  {
    auto bulk = store_->BeginBulk(Actor{"generator"});
    ASSERT_TRUE(bulk);
    ASSERT_TRUE((*bulk)->Add(Worker(5)).ok());
    for (int id = 1; id <= kChildren; ++id) {
      auto c = SmallChild(id, 5);
      c.of(Kind::kCaseNote)[0].Set("text", id == 7 ? awkward : std::string(400, 'n'));
      ASSERT_TRUE((*bulk)->AddChild(c).ok());
    }
    ASSERT_TRUE((*bulk)->Commit().ok());
  }
  EXPECT_EQ(store_->Count(Kind::kCaseNote).value(), kChildren);
  auto note = store_->Get(Kind::kCaseNote, 7);
  ASSERT_TRUE(note && note->has_value());
  EXPECT_EQ((*note)->GetString("text"), awkward);
  EXPECT_EQ((*note)->Get("noted_at"), model::Value(model::DateTime::FromDateAndMinutes(kDay, 60)));
  auto worker = store_->Get(Kind::kWorker, 5);
  ASSERT_TRUE(worker && worker->has_value());
  EXPECT_EQ(**worker, Worker(5));  // every field, the nulls included
}

TEST_P(StoreTest, BulkRefusesAnInvalidChild) {
  auto bulk = store_->BeginBulk(Actor{"generator"});
  ASSERT_TRUE((*bulk)->Add(Worker(5)).ok());
  auto c = SmallChild(1, 5);
  c.of(Kind::kCaseNote)[0].Set("note_type", std::string("GOSSIP"));
  Status st = (*bulk)->AddChild(c);
  EXPECT_NE(st.message().find("\"GOSSIP\" is not a code of list note_type"), std::string::npos)
      << st.message();
}

}  // namespace
INSTANTIATE_TEST_SUITE_P(Engines, StoreTest,
                         ::testing::Values(db::Dialect::kSqlite, db::Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<db::Dialect>& i) {
                           return std::string(testing::DialectName(i.param));
                         });

}  // namespace journey::store
