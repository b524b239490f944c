// Ofsted's Annex A: Lists 1 to 11 as of an inspection date, derived from the record by
// each list's own window and inclusion rule. Each rule carries a code (AA-Ln-INC, Journey's
// own numbering), written beside its code in annex_a_lists*.cc with its source, and listed
// in docs/returns/annex-a.md. The columns, their order and the value labels are data
// (annex_a_spec.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/validate.h"
#include "returns/annex_a_spec.h"
#include "store/store.h"

namespace journey::returns {

// One cell: blank, text (labels included, already as written), a whole number or a date.
using AnnexACell = std::variant<std::monostate, std::string, int64_t, Date>;
using AnnexARow = std::vector<AnnexACell>;  // one cell per column of the list

struct AnnexASheet {
  const AnnexAList* list = nullptr;
  std::vector<AnnexARow> rows;
  // Read from a workbook: the sheet's name and each row's number in it, for messages.
  std::string read_from;
  std::vector<int> lines;
};

struct AnnexA {
  Date date;                       // the inspection (reference) date
  std::vector<AnnexASheet> lists;  // Lists 1 to 11, in order
  std::vector<std::string> notes;  // what the record could not supply (no personal data)
};

// Records outside a child's journey that the lists name: teams and workers (Allocated Team
// and Allocated Worker are names), adopter households and their children's adoptions
// (List 11, and List 10's family identifier).
struct AnnexAContext {
  std::unordered_map<int64_t, std::string> team_names, worker_names;
  std::unordered_map<int64_t, int64_t> worker_teams;  // worker -> team
  std::vector<model::Record> households;              // adopter_household
  std::unordered_map<int64_t, std::vector<model::Record>> household_adoptions;
  // The record's horizon (store/record_span.h). A figure an Annex A import stated (the
  // `stated_*` fields, cp_plan.previous_plans) is used only for a window that reaches back
  // to it, where the record alone cannot answer (docs/decisions/0006).
  std::optional<Date> horizon;
};

class AnnexAExporter {
 public:
  AnnexAExporter(Date date, const AnnexAContext& context,
                 const AnnexASpec& spec = AnnexASpec::Default());
  ~AnnexAExporter();
  // Adds the rows of Lists 1 to 10 for one child (every kind the lists read).
  void AddChild(const model::ChildRecords& child);
  // Adds List 11 from the context's households; then sorts each list (by its cells in
  // order) so the same record always gives the same lists.
  AnnexA Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The kinds of a child's record the lists read.
const std::vector<model::Kind>& AnnexAKinds();

// How ExportAnnexA reads the store; the lists are the same whichever is chosen.
struct AnnexAReading {
  // Another connection to the same store: the kinds are read on two threads, half each.
  store::Store* second = nullptr;
  // Every field of each record, rather than only those the lists use (AnnexAFields): to
  // check the field lists and to measure what reading less saves.
  bool whole_records = false;
};

// The lists from a store, as of `date`.
Result<AnnexA> ExportAnnexA(store::Store& store, Date date,
                            const AnnexASpec& spec = AnnexASpec::Default(),
                            const AnnexAReading& how = {});

// The fields of `kind` the lists (and the choice of children) read.
const std::vector<std::string_view>& AnnexAFields(model::Kind kind);

// One list as CSV: the header row, dates dd/mm/yyyy, "\n" line ends.
std::string AnnexACsv(const AnnexASheet& sheet);
// DIR/List 1.csv ... DIR/List 11.csv.
Status WriteAnnexACsv(const AnnexA& a, const std::string& dir);
// One workbook: a sheet per list named as the template names it, headers in row 1, dates
// as date cells shown dd/mm/yyyy, whole numbers as numbers. Written with libxlsxwriter.
Status WriteAnnexAXlsx(const AnnexA& a, const std::string& path);

}  // namespace journey::returns
