// `journey export 903`, `journey import 903` and `journey validate 903`: the SSDA903 return
// out of and into a store, and checked by the DfE's rules.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "base/csv.h"
#include "cli/command.h"
#include "cli/input_files.h"
#include "returns/findings_files.h"
#include "returns/ssda903_export.h"
#include "returns/ssda903_import.h"
#include "returns/ssda903_rules.h"
#include "returns/ssda903_xml.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct ReturnArgs {
  std::string db = "journey.db";
  int year = 0;
  std::string out;
  std::vector<std::string> files;
  std::vector<std::string> previous;  // last year's return, for the cross-year rules
  std::string reference;              // validate: directory of reference lists
  bool xml = false;                   // export: the XML form as well
};

Status RunExport(const ReturnArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(CheckCollectionYear(a.year));
  if (!store::IsDatabaseUrl(a.db) && !std::filesystem::exists(a.db))
    return NotFound(fmt::format("no store at {}", a.db));
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  JOURNEY_ASSIGN_OR_RETURN(returns::Return903 ret, returns::Export903(*store, a.year));
  JOURNEY_RETURN_IF_ERROR(returns::WriteReturn(ret, a.out));
  *ctx.out << fmt::format("SSDA903 {}/{:02} written to {}:\n", a.year - 1, a.year % 100, a.out);
  for (const returns::Table903& t : ret.tables)
    *ctx.out << fmt::format("  {:<16} {:>7} rows\n", t.spec->name + ".csv", t.rows.size());
  for (const std::string& n : ret.notes) *ctx.out << "  note: " << n << "\n";
  if (a.xml) {
    std::vector<std::string> notes;
    const std::string path = (std::filesystem::path(a.out) / "SSDA903.xml").string();
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    const std::string text = returns::Xml903(ret, &notes);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f) return Internal(fmt::format("could not write {}", path));
    *ctx.out << fmt::format("  {:<16} every table in the XML form\n", "SSDA903.xml");
    for (const std::string& n : notes) *ctx.out << "  note: " << n << "\n";
  }
  return Status::Ok();
}

Status RunImport(const ReturnArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(CheckCollectionYear(a.year));
  JOURNEY_ASSIGN_OR_RETURN(std::vector<returns::InputFile> files, ReadInputFiles(a.files));
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  store::Actor actor{"import", fmt::format("SSDA903 {}/{:02}", a.year - 1, a.year % 100), "cli"};
  JOURNEY_ASSIGN_OR_RETURN(returns::ImportReport rep,
                           returns::Import903(*store, a.year, files, actor));
  if (!rep.problems.empty()) {
    for (const returns::Problem& p : rep.problems) *ctx.err << p.ToString() << "\n";
    return InvalidArgument(fmt::format("{} problem{} found; nothing was written to {}",
                                       rep.problems.size(), rep.problems.size() == 1 ? "" : "s",
                                       a.db));
  }
  *ctx.out << fmt::format(
      "SSDA903 {}/{:02} loaded into {}: {} children added, {} updated, {} records written{}.\n",
      a.year - 1, a.year % 100, a.db, rep.children_added, rep.children_updated, rep.records_written,
      rep.episodes_replaced
          ? fmt::format(", {} episodes on record replaced by the files'", rep.episodes_replaced)
          : "");
  return Status::Ok();
}

// `journey validate 903`: the year's rules over the files; a summary by rule, each finding,
// and the findings as CSV in --out when given. Exit 1 when there are errors.
Status RunValidate(const ReturnArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(CheckCollectionYear(a.year));
  JOURNEY_ASSIGN_OR_RETURN(std::vector<returns::InputFile> files, ReadInputFiles(a.files));
  returns::Read903 read = returns::ReadFiles(files, a.year);
  for (const returns::Problem& p : read.problems) *ctx.err << p.ToString() << "\n";
  JOURNEY_ASSIGN_OR_RETURN(std::vector<returns::InputFile> last_files, ReadInputFiles(a.previous));
  returns::Read903 last = returns::ReadFiles(last_files, a.year - 1);
  for (const returns::Problem& p : last.problems) *ctx.err << "last year: " << p.ToString() << "\n";
  returns::Validate903Options options;
  if (!a.previous.empty()) options.previous = &last;
  returns::Reference903 reference;
  if (!a.reference.empty()) {
    JOURNEY_ASSIGN_OR_RETURN(reference, returns::LoadReference903(a.reference));
    options.reference = &reference;
  }
  returns::Validation903 validation = returns::Validate903(read, a.year, options);
  std::vector<returns::Finding>& found = validation.findings;
  int errors = 0;
  for (const returns::Finding& f : found) {
    errors += f.severity == returns::Severity::kError;
    *ctx.out << f.ToString() << "\n";
  }
  *ctx.out << fmt::format("SSDA903 {}/{:02}: {} rules run, {} not run, {} findings ({} errors)\n",
                          a.year - 1, a.year % 100,
                          returns::RulesFor(a.year).size() - validation.not_run.size(),
                          validation.not_run.size(), found.size(), errors);
  *ctx.out << returns::FindingsSummary(found, validation.not_run);
  if (!a.out.empty())
    JOURNEY_RETURN_IF_ERROR(returns::WriteFindingsFiles(found, validation.not_run, a.out));
  if (!read.problems.empty())
    return InvalidArgument(
        fmt::format("{} file problem(s): fix them for every rule to run", read.problems.size()));
  if (errors) ctx.exit_code = 1;
  return Status::Ok();
}

void Finish(const Status& st, CommandContext& ctx) {
  if (!st.ok()) {
    *ctx.err << "journey: " << st.message() << "\n";
    ctx.exit_code = 1;
  }
}

}  // namespace

void RegisterReturnsCommands(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<ReturnArgs>();
  CLI::App* ex = app.add_subcommand("export", "Produce a statutory return from the record");
  ex->require_subcommand(1);
  CLI::App* ex903 = ex->add_subcommand("903", "The SSDA903 return's CSV tables for a year");
  ex903->add_option("--db", args->db, "the store")->capture_default_str();
  ex903->add_option("--year", args->year, "collection year (2026 means 2025/26)")->required();
  ex903->add_option("--out", args->out, "directory to write the tables to")->required();
  ex903->add_flag("--xml", args->xml,
                  "also write SSDA903.xml, the DfE's XML form (EXPSSDA903), which import and "
                  "validate read as they read the CSVs");
  ex903->callback([args, &ctx] { Finish(RunExport(*args, ctx), ctx); });

  CLI::App* im = app.add_subcommand("import", "Load a statutory return into the record");
  im->require_subcommand(1);
  CLI::App* im903 = im->add_subcommand(
      "903",
      "SSDA903 CSV tables (any names; each recognised by its columns) or one XML file, all or "
      "nothing");
  im903->add_option("--db", args->db, "the store")->capture_default_str();
  im903->add_option("--year", args->year, "collection year (2026 means 2025/26)")->required();
  im903->add_option("files", args->files, "the CSV files, or one XML file")->required();
  im903->callback([args, &ctx] { Finish(RunImport(*args, ctx), ctx); });

  CLI::App* va = app.add_subcommand("validate", "Check a statutory return by the DfE's rules");
  va->require_subcommand(1);
  CLI::App* va903 = va->add_subcommand("903", "SSDA903 CSV tables, by the year's rules");
  va903->add_option("--year", args->year, "collection year (2026 means 2025/26)")->required();
  va903->add_option("--out", args->out, "directory to write findings.csv, .json and .xlsx to");
  va903->add_option("--previous", args->previous,
                    "last year's return (its CSV files), for the rules that compare years");
  va903->add_option("--reference", args->reference,
                    "directory of reference lists (la_codes.csv: the council codes), for the "
                    "rules that need them");
  va903->add_option("files", args->files, "the CSV files, or one XML file")->required();
  va903->callback([args, &ctx] { Finish(RunValidate(*args, ctx), ctx); });
}

}  // namespace journey::cli
