// `journey export cin`, `journey import cin` and `journey validate cin`: the CIN census out of
// and into a store, and checked by the DfE's rules. Registered under the export, import and
// validate commands that returns_command.cc creates.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "cli/command.h"
#include "cli/input_files.h"
#include "returns/cin_export.h"
#include "returns/cin_import.h"
#include "returns/cin_rules.h"
#include "returns/cin_xml.h"
#include "returns/findings.h"
#include "returns/findings_files.h"
#include "store/store.h"

namespace journey::cli {
namespace {

struct CinArgs {
  std::string db = "journey.db";
  int year = 0;
  std::string out, la;
  std::vector<std::string> files;
};

std::string YearName(int year) { return fmt::format("{}/{:02}", year - 1, year % 100); }

Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!f) return Internal(fmt::format("could not write {}", path));
  return Status::Ok();
}

Status RunExport(const CinArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(CheckCollectionYear(a.year));
  if (!store::IsDatabaseUrl(a.db) && !std::filesystem::exists(a.db))
    return NotFound(fmt::format("no store at {}", a.db));
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  JOURNEY_ASSIGN_OR_RETURN(returns::CinMessage m, returns::ExportCin(*store, a.year));
  std::error_code ec;
  std::filesystem::create_directories(a.out, ec);
  if (ec)
    return InvalidArgument(fmt::format("cannot create directory {}: {}", a.out, ec.message()));
  const std::string path = (std::filesystem::path(a.out) / "CIN_census.xml").string();
  JOURNEY_RETURN_IF_ERROR(WriteText(path, returns::CinXml(m, a.year)));
  size_t episodes = 0;
  for (const auto& c : m.children) episodes += c.details.size();
  *ctx.out << fmt::format("CIN census {} written to {}: {} children, {} CIN episodes\n",
                          YearName(a.year), path, m.children.size(), episodes);
  return Status::Ok();
}

Status RunImport(const CinArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(CheckCollectionYear(a.year));
  JOURNEY_ASSIGN_OR_RETURN(std::vector<returns::InputFile> files, ReadInputFiles(a.files));
  JOURNEY_ASSIGN_OR_RETURN(auto store, store::OpenStore(a.db, *ctx.clock));
  store::Actor actor{"import", fmt::format("CIN census {}", YearName(a.year)), "cli"};
  JOURNEY_ASSIGN_OR_RETURN(returns::ImportReport rep,
                           returns::ImportCin(*store, a.year, files, actor));
  if (!rep.problems.empty()) {
    for (const returns::Problem& p : rep.problems) *ctx.err << p.ToString() << "\n";
    return InvalidArgument(fmt::format("{} problem{} found; nothing was written to {}",
                                       rep.problems.size(), rep.problems.size() == 1 ? "" : "s",
                                       a.db));
  }
  *ctx.out << fmt::format(
      "CIN census {} loaded into {}: {} children added, {} updated, {} records written.\n",
      YearName(a.year), a.db, rep.children_added, rep.children_updated, rep.records_written);
  return Status::Ok();
}

// `journey validate cin`: the year's rules over each file; the summary by rule and by child,
// and the findings as CSV, JSON and xlsx in --out (the same files as validate 903). Exit 1 when
// there are errors.
Status RunValidate(const CinArgs& a, CommandContext& ctx) {
  JOURNEY_RETURN_IF_ERROR(CheckCollectionYear(a.year));
  returns::CinReference ref;
  ref.la_code = a.la;
  std::vector<returns::Finding> found;
  std::vector<returns::NotRun> not_run;
  size_t file_problems = 0;
  for (const std::string& path : a.files) {
    // One file in memory at a time: each is validated on its own.
    JOURNEY_ASSIGN_OR_RETURN(std::string text, ReadInputFile(path));
    const returns::InputFile f{InputFileName(path), std::move(text)};
    returns::CinRead read = returns::ReadCinXml(f);
    for (const returns::Problem& p : read.problems) *ctx.err << p.ToString() << "\n";
    file_problems += read.problems.size();
    if (!read.ok()) continue;
    returns::CinValidation v = returns::ValidateCin(read.message, a.year, ref, f.text);
    found.insert(found.end(), v.findings.begin(), v.findings.end());
    if (not_run.empty()) not_run = std::move(v.not_run);
  }
  for (const returns::Finding& f : found) *ctx.out << f.ToString() << "\n";
  *ctx.out << fmt::format("CIN census {}: {} rules run\n", YearName(a.year),
                          returns::CinRulesFor(a.year).size() - not_run.size());
  *ctx.out << returns::FindingsSummary(found, not_run);
  if (!a.out.empty()) JOURNEY_RETURN_IF_ERROR(returns::WriteFindingsFiles(found, not_run, a.out));
  if (file_problems)
    return InvalidArgument(
        fmt::format("{} file problem(s): fix them for the rules to run", file_problems));
  for (const returns::Finding& f : found)
    if (f.severity == returns::Severity::kError) ctx.exit_code = 1;
  return Status::Ok();
}

void Finish(const Status& st, CommandContext& ctx) {
  if (!st.ok()) {
    *ctx.err << "journey: " << st.message() << "\n";
    ctx.exit_code = 1;
  }
}

}  // namespace

void RegisterCinCommands(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<CinArgs>();
  CLI::App* ex = app.get_subcommand("export");
  CLI::App* e = ex->add_subcommand("cin", "The CIN census XML message for a year");
  e->add_option("--db", args->db, "the store")->capture_default_str();
  e->add_option("--year", args->year, "collection year (2026 means 2025/26)")->required();
  e->add_option("--out", args->out, "directory to write CIN_census.xml to")->required();
  e->callback([args, &ctx] { Finish(RunExport(*args, ctx), ctx); });

  CLI::App* im = app.get_subcommand("import");
  CLI::App* i = im->add_subcommand("cin", "CIN census XML files, all or nothing");
  i->add_option("--db", args->db, "the store")->capture_default_str();
  i->add_option("--year", args->year, "collection year (2026 means 2025/26)")->required();
  i->add_option("files", args->files, "the XML files")->required();
  i->callback([args, &ctx] { Finish(RunImport(*args, ctx), ctx); });

  CLI::App* va = app.get_subcommand("validate");
  CLI::App* v = va->add_subcommand("cin", "CIN census XML files, by the year's rules");
  v->add_option("--year", args->year, "collection year (2026 means 2025/26)")->required();
  v->add_option("--la", args->la, "the council's 3-digit DfE code (Header LEA is checked)");
  v->add_option("--out", args->out, "directory to write findings.csv, .json and .xlsx to");
  v->add_option("files", args->files, "the XML files")->required();
  v->callback([args, &ctx] { Finish(RunValidate(*args, ctx), ctx); });
}

}  // namespace journey::cli
