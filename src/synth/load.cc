#include "synth/load.h"

#include <fmt/format.h>

#include <chrono>

#include "store/record_span.h"
#include "synth/plant.h"

namespace journey::synth {
namespace {

class BulkSink final : public Sink {
 public:
  explicit BulkSink(store::BulkLoader& loader) : loader_(loader) {}
  Status Organisation(model::Record r) override { return loader_.Add(std::move(r)); }
  Status Child(model::ChildRecords c) override { return loader_.AddChild(std::move(c)); }

 private:
  store::BulkLoader& loader_;
};

}  // namespace

Result<LoadReport> GenerateIntoStore(const Options& opt, store::Store& store, Planter* planter) {
  JOURNEY_ASSIGN_OR_RETURN(int64_t people, store.Count(model::Kind::kPerson));
  if (people > 0) {
    return Err(FailedPrecondition(fmt::format(
        "the database already holds {} people: generate into a new file, or delete this one",
        people)));
  }
  // Wall time of a bulk load is a measurement, not a fact of the record: it is the one
  // place Journey reads the machine's clock outside an injected Clock.
  const auto t0 = std::chrono::steady_clock::now();
  JOURNEY_ASSIGN_OR_RETURN(std::unique_ptr<store::BulkLoader> loader,
                           store.BeginBulk(store::Actor{"generator", "synthetic council", "cli"}));
  BulkSink sink(*loader);
  Sink* first = &sink;
  if (planter) {
    planter->SetInner(&sink);
    first = planter;
  }
  JOURNEY_ASSIGN_OR_RETURN(Summary summary, Generate(opt, *first));
  JOURNEY_RETURN_IF_ERROR(loader->Commit());
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  JOURNEY_RETURN_IF_ERROR(store.SetMeta("generator.seed", std::to_string(opt.seed)));
  JOURNEY_RETURN_IF_ERROR(store.SetMeta("generator.children", std::to_string(opt.children)));
  JOURNEY_RETURN_IF_ERROR(store.SetMeta("generator.years", std::to_string(opt.years)));
  JOURNEY_RETURN_IF_ERROR(store.SetMeta("generator.as_at", opt.as_at.ToIso()));
  JOURNEY_RETURN_IF_ERROR(store.SetMeta("generator.councils", std::to_string(opt.councils)));
  JOURNEY_RETURN_IF_ERROR(store.SetMeta("generator.la_code", opt.la_code));
  JOURNEY_RETURN_IF_ERROR(store::WidenRecordSpan(store, HistoryStart(opt), opt.as_at));
  return LoadReport{std::move(summary), secs};
}

}  // namespace journey::synth
