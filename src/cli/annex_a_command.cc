// `journey export annex-a` and `journey import annex-a`: Ofsted's Annex A lists out of and
// into a store.
#include <fmt/format.h>

#include <filesystem>
#include <thread>

#include "cli/command.h"
#include "cli/input_files.h"
#include "returns/annex_a_export.h"
#include "returns/annex_a_read.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct AnnexAArgs {
  std::string db = "journey.db";
  std::string date;
  std::string out;
  std::vector<std::string> files;
};

Result<Date> InspectionDate(const std::string& text) {
  auto d = Date::Parse(text);
  if (!d)
    return Err(InvalidArgument(
        fmt::format("--date \"{}\": give the inspection date as YYYY-MM-DD or dd/mm/yyyy", text)));
  return *d;
}

Status RunExport(const AnnexAArgs& a, CommandContext& ctx) {
  JOURNEY_ASSIGN_OR_RETURN(Date date, InspectionDate(a.date));
  if (!store::IsDatabaseUrl(a.db) && !std::filesystem::exists(a.db))
    return NotFound(fmt::format("no store at {}", a.db));
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  // A second connection reads half the kinds on the other core (the same lists).
  std::unique_ptr<store::Store> second;
  if (std::thread::hardware_concurrency() > 1) {
    auto s = store::OpenStore(a.db, *ctx.clock, /*must_exist=*/true);
    if (s) second = std::move(*s);
  }
  JOURNEY_ASSIGN_OR_RETURN(returns::AnnexA lists,
                           returns::ExportAnnexA(*store, date, returns::AnnexASpec::Default(),
                                                 {.second = second.get()}));
  JOURNEY_RETURN_IF_ERROR(returns::WriteAnnexACsv(lists, a.out));
  const std::string book = (std::filesystem::path(a.out) / "Annex_A.xlsx").string();
  JOURNEY_RETURN_IF_ERROR(returns::WriteAnnexAXlsx(lists, book));
  *ctx.out << fmt::format("Annex A as of {} written to {} (Annex_A.xlsx and a CSV per list):\n",
                          date.ToDmy(), a.out);
  for (const returns::AnnexASheet& s : lists.lists)
    *ctx.out << fmt::format("  {:<8} {:>7} rows\n", s.list->sheet, s.rows.size());
  for (const std::string& n : lists.notes) *ctx.out << "  note: " << n << "\n";
  return Status::Ok();
}

// `journey validate annex-a FILE`: the workbook read and every cell checked; with --out,
// the lists as read, as CSVs (the same form the export writes, to compare or load).
Status RunCheck(const AnnexAArgs& a, CommandContext& ctx) {
  if (a.files.size() != 1)
    return InvalidArgument("give one workbook: journey validate annex-a [--out DIR] FILE.xlsx");
  const std::string& path = a.files.front();
  JOURNEY_ASSIGN_OR_RETURN(std::string bytes, ReadInputFile(path));
  const std::string name = InputFileName(path);
  returns::AnnexARead read = returns::ReadAnnexAWorkbook(bytes, name);
  for (const returns::AnnexAProblem& p : read.problems) *ctx.err << p.ToString() << "\n";
  for (const std::string& n : read.notes) *ctx.out << "note: " << n << "\n";
  for (int n : read.found) {
    const returns::AnnexASheet& s = read.lists.lists[static_cast<size_t>(n - 1)];
    *ctx.out << fmt::format("  {:<8} {:>7} rows\n", s.list->sheet, s.rows.size());
  }
  if (!read.problems.empty())
    return InvalidArgument(fmt::format("{}: {} problem{}", name, read.problems.size(),
                                       read.problems.size() == 1 ? "" : "s"));
  if (!a.out.empty()) JOURNEY_RETURN_IF_ERROR(returns::WriteAnnexACsv(read.lists, a.out));
  *ctx.out << fmt::format("{}: {} lists read, every cell as the template allows\n", name,
                          read.found.size());
  return Status::Ok();
}

void Finish(const Status& st, CommandContext& ctx) {
  if (!st.ok()) {
    *ctx.err << "journey: " << st.message() << "\n";
    ctx.exit_code = 1;
  }
}

}  // namespace

void RegisterAnnexACommands(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<AnnexAArgs>();
  CLI::App* ex = app.get_subcommand("export");
  CLI::App* exa = ex->add_subcommand(
      "annex-a", "Ofsted's Annex A Lists 1 to 11 as of an inspection date: a workbook and CSVs");
  exa->add_option("--db", args->db, "the store")->capture_default_str();
  exa->add_option("--date", args->date, "the inspection date (YYYY-MM-DD or dd/mm/yyyy)")
      ->required();
  exa->add_option("--out", args->out, "directory to write Annex_A.xlsx and the CSVs to")
      ->required();
  exa->callback([args, &ctx] { Finish(RunExport(*args, ctx), ctx); });

  CLI::App* va = app.get_subcommand("validate");
  CLI::App* vaa = va->add_subcommand(
      "annex-a", "Read an Annex A workbook and check every sheet and cell against the template");
  vaa->add_option("--out", args->out, "directory to write the lists as read, as CSVs");
  vaa->add_option("file", args->files, "the workbook (.xlsx)")->required();
  vaa->callback([args, &ctx] { Finish(RunCheck(*args, ctx), ctx); });
  RegisterAnnexAImportCommand(app, ctx);
}

}  // namespace journey::cli
