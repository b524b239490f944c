// `journey import annex-a`: an Annex A workbook (Lists 1 to 11, from any writer) into the
// store, all or nothing, by decision 0006: the facts each row states become records of the
// kinds the export reads them from; figures the record cannot rebuild (counts over the
// twelve months before, the last IRO visit, a second period of care, ...) are kept as the
// `stated_*` fields of the record they describe, used by the export only for a window that
// reaches back to the record's horizon; allocated teams and workers are matched by name to
// the organisation on record, never made from a name. docs/returns/annex-a.md, "Import".
#pragma once

#include <string>
#include <vector>

#include "returns/annex_a_read.h"
#include "returns/ssda903_build.h"   // ImportPlan, StoreView
#include "returns/ssda903_import.h"  // ImportReport
#include "store/store.h"

namespace journey::returns {

// The organisation the lists name: teams and workers on record.
struct AnnexAOrganisation {
  std::vector<model::Record> teams, workers, households;
};

struct AnnexAImportReport {
  ImportReport report;             // problems (nothing written when any) and counts
  std::vector<std::string> notes;  // derived cells that disagree with the facts (not refused)
};

// The records the lists describe as of the inspection date, merged with what `view` says is
// on record. New records get negative placeholder ids. `file` names the workbook in messages.
ImportPlan BuildAnnexAImport(const AnnexA& lists, Date date, const std::string& file,
                             const StoreView& view, const AnnexAOrganisation& org,
                             std::vector<std::string>& notes,
                             const AnnexASpec& spec = AnnexASpec::Default());

// The lists as Journey would write them from the records `plan` would load, compared with
// the workbook's: each derived cell the loaded facts give otherwise (a case status whose
// child in need plan no list carries, an age that disagrees with the date of birth) is a
// note naming the list, column, count and first row (decision 0006: checked, not stored).
void CheckAgainstRecord(const AnnexA& lists, Date date, const ImportPlan& plan,
                        const AnnexAOrganisation& org, std::vector<std::string>& notes);

// Reads the workbook, builds and applies the import in one transaction, and widens the
// record's span to [six months before `date`, `date`] (the record holds each list's events
// from the start of the six-month window).
Result<AnnexAImportReport> ImportAnnexA(store::Store& store, Date date, const InputFile& workbook,
                                        const store::Actor& actor);

}  // namespace journey::returns
