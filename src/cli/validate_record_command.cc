// `journey validate --db PATH --year Y [--out DIR]`: every return's rules run against what
// the record would produce for the year, before any return is made. `journey validate 903`
// (files) stays a subcommand of the same group.
#include <fmt/format.h>

#include <filesystem>

#include "cli/command.h"
#include "returns/findings_files.h"
#include "returns/record_validation.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct Args {
  std::string db;
  int year = 0;
  std::string out;
};

Status Run(const Args& a, CommandContext& ctx) {
  if (a.db.empty())
    return InvalidArgument(
        "journey validate: give --db PATH --year Y to check the record, or a return's files "
        "(journey validate 903 --year Y FILES...)");
  if (a.year < 2000 || a.year > 2100)
    return InvalidArgument(fmt::format(
        "--year {}: give the collection year as the DfE's tools do (2026 means 2025/26)", a.year));
  if (!store::IsDatabaseUrl(a.db) && !std::filesystem::exists(a.db))
    return NotFound(fmt::format("no store at {}", a.db));
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  std::vector<returns::Finding> all;
  std::vector<returns::NotRun> not_run;
  int errors = 0;
  for (const returns::RecordCheck& check : returns::RecordChecks()) {
    JOURNEY_ASSIGN_OR_RETURN(returns::RecordValidation v, check.run(*store, a.year));
    for (const returns::Finding& f : v.findings) {
      *ctx.out << v.name << ": " << f.ToString() << "\n";
      errors += f.severity == returns::Severity::kError;
    }
    *ctx.out << fmt::format("{} {}/{:02} from the record: {} rules run, {} not run, {} findings\n",
                            v.name, a.year - 1, a.year % 100, v.rules_run, v.not_run.size(),
                            v.findings.size());
    for (returns::Finding& f : v.findings) all.push_back(std::move(f));
    for (returns::NotRun& n : v.not_run) not_run.push_back({v.name + " " + n.rule, n.reason});
  }
  *ctx.out << returns::FindingsSummary(all, not_run);
  if (!a.out.empty()) {
    JOURNEY_RETURN_IF_ERROR(returns::WriteFindingsFiles(all, not_run, a.out));
    *ctx.out << fmt::format("Findings written to {}/findings.csv, .json and .xlsx\n", a.out);
  }
  if (errors) ctx.exit_code = 1;
  return Status::Ok();
}

}  // namespace

void RegisterValidateRecordCommand(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<Args>();
  CLI::App* va = app.get_subcommand("validate");
  va->require_subcommand(0, 1);
  va->add_option("--db", args->db, "the store: check what the record would produce");
  va->add_option("--year", args->year, "collection year (2026 means 2025/26)");
  va->add_option("--out", args->out, "directory to write findings.csv, .json and .xlsx to");
  va->callback([args, va, &ctx] {
    if (!va->get_subcommands().empty()) return;  // `validate 903` ran
    if (Status st = Run(*args, ctx); !st.ok()) {
      *ctx.err << "journey: " << st.message() << "\n";
      ctx.exit_code = 1;
    }
  });
}

}  // namespace journey::cli
