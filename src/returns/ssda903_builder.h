// Internal to the importer: builds one child's record from their rows in every table.
// ssda903_build.cc: the person and the periods, placements and episodes;
// ssda903_build_tables.cc: reviews, UASC, outcomes, adoption, permanence, missing, workers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "returns/ssda903_build.h"
#include "returns/ssda903_cells.h"

namespace journey::returns::internal {

using model::ChildRecords;
using model::Kind;
using model::Record;

// One row of one table.
struct RowRef {
  const ReadTable* t;
  size_t row;
};

struct Builder {
  int year;
  Date start, end;  // the collection year: 1 April to 31 March
  const Ssda903Spec& spec;
  const StoreView& view;
  ImportPlan& plan;
  int64_t next_id = -1;
  std::map<std::string, int64_t> new_workers;  // SW_ID -> placeholder, within this import

  int64_t Placeholder() { return next_id--; }
  Cells At(const RowRef& r) const { return Cells(*r.t, r.row, plan.problems); }
  void Problem(const std::string& where, std::string message) {
    plan.problems.push_back(returns::Problem{where, 0, "", "", std::move(message)});
  }

  // Builds the child; `rows` holds their rows by table name.
  void Child(const std::string& child, std::map<std::string, std::vector<RowRef>>& rows);

  // ssda903_build.cc
  void Person(ImportChild& ic, const RowRef& header);
  void Episodes(ImportChild& ic, const std::vector<RowRef>& rows);
  // The period of care containing `day` (after Episodes), or 0.
  int64_t PeriodOn(const ChildRecords& c, Date day) const;
  // Points records whose period of care the import replaced at the period now holding them.
  void Repoint(ImportChild& ic);

  // ssda903_build_tables.cc
  void Reviews(ImportChild& ic, const std::vector<RowRef>& rows);
  void Uasc(ImportChild& ic, const std::vector<RowRef>& rows);
  void Oc2(ImportChild& ic, const std::vector<RowRef>& rows);
  void Oc3(ImportChild& ic, const std::vector<RowRef>& rows);
  void Adoption(ImportChild& ic, const std::vector<RowRef>& ad1, const std::vector<RowRef>& placed);
  void PrevPerm(ImportChild& ic, const std::vector<RowRef>& rows);
  void Missing(ImportChild& ic, const std::vector<RowRef>& rows);
  void DoLo(ImportChild& ic, const std::vector<RowRef>& rows);
  void SocialWorkers(ImportChild& ic, const std::vector<RowRef>& rows);
  void Mother(ImportChild& ic, const RowRef& header);

  // Replaces the child's records of `kind` that satisfy `in_scope` by `fresh`; a fresh
  // record takes over the id of an in-scope record with the same key, so loading the same
  // return twice changes nothing.
  void Replace(ChildRecords& c, Kind kind, const std::function<bool(const Record&)>& in_scope,
               std::vector<Record> fresh, const std::function<std::string(const Record&)>& key);
  Record New(Kind kind, const ImportChild& ic);
};

}  // namespace journey::returns::internal
