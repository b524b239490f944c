// `journey horizon`: the span of days the store's record covers (store/record_span.h), and
// setting the horizon to a council's go-live date.
//
//   journey horizon --db journey.db
//   journey horizon --db journey.db --set 2019-04-01
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <string>

#include "cli/command.h"
#include "store/record_span.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct HorizonArgs {
  std::string db;
  std::string set;
};

Status RunHorizon(const HorizonArgs& a, CommandContext& ctx) {
  std::optional<Date> set;
  if (!a.set.empty()) {
    auto d = Date::Parse(a.set);
    if (!d) return d.error().WithContext("--set: ");
    set = *d;
  }
  auto opened = store::OpenStore(a.db, *ctx.clock, /*must_exist=*/true);
  if (!opened) return opened.error().WithContext("--db ");
  std::unique_ptr<store::Store> s = std::move(*opened);
  if (set) JOURNEY_RETURN_IF_ERROR(store::SetHorizon(*s, *set));
  JOURNEY_ASSIGN_OR_RETURN(store::RecordSpan span, store::ReadRecordSpan(*s));
  *ctx.out << fmt::format("horizon {}\nlast day {}\n",
                          span.horizon ? span.horizon->ToIso() : "none (complete from the start)",
                          span.last ? span.last->ToIso() : "none (live)");
  return Status::Ok();
}

}  // namespace

void RegisterHorizonCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "horizon", "The days the record covers; --set the horizon to the council's go-live date");
  auto a = std::make_shared<HorizonArgs>();
  cmd->add_option("--db", a->db, "database file, or postgresql://user@host:port/db")->required();
  cmd->add_option("--set", a->set,
                  "the first day from which the record is complete (YYYY-MM-DD or dd/mm/yyyy)");
  cmd->callback([a, &ctx] {
    Status s = RunHorizon(*a, ctx);
    if (!s.ok()) {
      *ctx.err << "journey horizon: " << s.message() << "\n";
      ctx.exit_code = s.code() == StatusCode::kInvalidArgument ? 2 : 1;
    }
  });
}

}  // namespace journey::cli
