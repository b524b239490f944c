// `journey import annex-a --db PATH --date D FILE.xlsx`: an Annex A workbook into the store,
// all or nothing (returns/annex_a_import.h). The workbook does not say the inspection date
// its lists were made for, so it is given.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/input_files.h"
#include "returns/annex_a_import.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct ImportArgs {
  std::string db = "journey.db";
  std::string date;
  std::string file;
};

Status Run(const ImportArgs& a, CommandContext& ctx) {
  auto date = Date::Parse(a.date);
  if (!date)
    return InvalidArgument(fmt::format(
        "--date \"{}\": give the inspection date the lists were made for, as YYYY-MM-DD or "
        "dd/mm/yyyy",
        a.date));
  returns::InputFile book;
  JOURNEY_ASSIGN_OR_RETURN(book.text, ReadInputFile(a.file));
  book.name = InputFileName(a.file);
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  store::Actor actor{"import", fmt::format("Annex A as of {}", date->ToDmy()), "cli"};
  JOURNEY_ASSIGN_OR_RETURN(returns::AnnexAImportReport out,
                           returns::ImportAnnexA(*store, *date, book, actor));
  const returns::ImportReport& rep = out.report;
  for (const std::string& n : out.notes) *ctx.out << "note: " << n << "\n";
  if (!rep.problems.empty()) {
    for (const returns::Problem& p : rep.problems) *ctx.err << p.ToString() << "\n";
    return InvalidArgument(fmt::format("{} problem{} found; nothing was written to {}",
                                       rep.problems.size(), rep.problems.size() == 1 ? "" : "s",
                                       a.db));
  }
  *ctx.out << fmt::format(
      "Annex A as of {} loaded into {}: {} children added, {} updated, {} records written.\n",
      date->ToDmy(), a.db, rep.children_added, rep.children_updated, rep.records_written);
  return Status::Ok();
}

}  // namespace

void RegisterAnnexAImportCommand(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* im = app.get_subcommand("import");
  CLI::App* ima = im->add_subcommand(
      "annex-a", "Load an Annex A workbook (Lists 1 to 11) into the store, all or nothing");
  ima->add_option("--db", args->db, "the store")->capture_default_str();
  ima->add_option("--date", args->date, "the inspection date the lists were made for")->required();
  ima->add_option("file", args->file, "the workbook (.xlsx)")->required();
  ima->callback([args, &ctx] {
    if (Status st = Run(*args, ctx); !st.ok()) {
      *ctx.err << "journey: " << st.message() << "\n";
      ctx.exit_code = 1;
    }
  });
}

}  // namespace journey::cli
