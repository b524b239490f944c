// `journey calendar`: working-day arithmetic on the England and Wales calendar, or on a
// council's extended copy of the bank-holiday file (--holidays).
//
//   journey calendar --from 2024-01-02 --add 45      prints the date 45 working days later
//   journey calendar --from 02/01/2024 --to 2024-03-06   prints the working days between
#include <memory>
#include <optional>
#include <string>

#include "base/calendar.h"
#include "base/date.h"
#include "cli/command.h"

namespace journey::cli {
namespace {

struct CalendarOptions {
  std::string from;
  std::string to;
  std::string holidays;
  int add = 0;
};

void Fail(CommandContext& ctx, const std::string& message) {
  *ctx.err << "journey calendar: " << message << "\n";
  ctx.exit_code = 2;
}

void RunCalendar(const CalendarOptions& opts, bool has_add, bool has_to, CommandContext& ctx) {
  if (!has_add && !has_to) {
    Fail(ctx,
         "give --add N (the date N working days after --from) or --to DATE (the working "
         "days from --from to DATE)");
    return;
  }
  std::optional<WorkingDayCalendar> loaded;
  if (!opts.holidays.empty()) {
    Result<WorkingDayCalendar> cal = WorkingDayCalendar::FromFile(opts.holidays);
    if (!cal) return Fail(ctx, "--holidays: " + cal.error().message());
    loaded.emplace(std::move(*cal));
  }
  const WorkingDayCalendar& calendar = loaded ? *loaded : WorkingDayCalendar::EnglandAndWales();

  Result<Date> from = Date::Parse(opts.from);
  if (!from) return Fail(ctx, "--from: " + from.error().message());
  if (has_add) {
    Result<Date> result = calendar.AddWorkingDays(*from, opts.add);
    if (!result) return Fail(ctx, result.error().message());
    *ctx.out << result->ToIso() << "\n";
    return;
  }
  Result<Date> to = Date::Parse(opts.to);
  if (!to) return Fail(ctx, "--to: " + to.error().message());
  Result<int> days = calendar.WorkingDaysBetween(*from, *to);
  if (!days) return Fail(ctx, days.error().message());
  *ctx.out << *days << "\n";
}

}  // namespace

void RegisterCalendarCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "calendar",
      "Working days on the England and Wales calendar (Monday to Friday, less bank holidays)");
  auto opts = std::make_shared<CalendarOptions>();
  cmd->add_option("--from", opts->from, "the start date, YYYY-MM-DD or dd/mm/yyyy")->required();
  CLI::Option* add = cmd->add_option(
      "--add", opts->add,
      "print the date this many working days after --from (counting from the next working "
      "day; negative counts back)");
  CLI::Option* to = cmd->add_option(
      "--to", opts->to,
      "print the working days d with from < d <= to (negative if --to is before --from)");
  add->excludes(to);
  cmd->add_option("--holidays", opts->holidays,
                  "a bank-holiday CSV (header date,name) to use instead of the built-in "
                  "England and Wales file, e.g. a council's extended copy");
  cmd->callback(
      [opts, add, to, &ctx] { RunCalendar(*opts, add->count() > 0, to->count() > 0, ctx); });
}

}  // namespace journey::cli
