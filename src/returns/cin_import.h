// `journey import cin`: CIN census XML into the store, all or nothing. Every problem is
// reported (file, line, element path, value, what is allowed) and nothing is written if
// there is any. A child already on record is matched by LAchildID and their record extended,
// so that a council's several census years load into one history; docs/returns/cin.md says
// how each part is matched.
#pragma once

#include <string>
#include <vector>

#include "returns/cin_message.h"
#include "returns/ssda903_build.h"   // ImportPlan, StoreView
#include "returns/ssda903_import.h"  // ImportReport
#include "store/store.h"

namespace journey::returns {

// The records the messages describe, merged with what `view` says is on record. New
// records get negative placeholder ids.
ImportPlan BuildCinImport(const std::vector<CinMessage>& messages, int year, const StoreView& view);

Result<ImportReport> ImportCin(store::Store& store, int year, const std::vector<InputFile>& files,
                               const store::Actor& actor);

}  // namespace journey::returns
