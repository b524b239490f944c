// The Annex A import: each list's rows into records (BuildAnnexAImport), then the shared
// all-or-nothing write (import_apply.h). Which record each column loads into, and what is
// kept as stated, is in docs/returns/annex-a.md ("Import"); decision 0006 says why.
#include "returns/annex_a_import.h"

#include "returns/annex_a_import_builder.h"
#include "returns/import_apply.h"
#include "store/record_span.h"

namespace journey::returns {
namespace annex_a_import {

void Builder::Sheet(const AnnexASheet& s) {
  for (size_t i = 0; i < s.rows.size(); ++i) {
    Row r{spec_, *s.list, s.rows[i],
          fmt::format("{}, sheet \"{}\" row {}", file_,
                      s.read_from.empty() ? s.list->sheet : s.read_from,
                      i < s.lines.size() ? s.lines[i] : static_cast<int>(i) + 2)};
    if (s.list->number == 11) {
      Adopter(r);
      continue;
    }
    ImportChild* ic = Child(r, s.list->Column("disability") >= 0);
    if (!ic) continue;
    switch (s.list->number) {
      case 1:
        Contact(r, *ic);
        break;
      case 2:
        EarlyHelp(r, *ic);
        break;
      case 3:
        Referral(r, *ic);
        break;
      case 4:
        Assessment(r, *ic);
        break;
      case 5:
        Section47(r, *ic);
        break;
      case 6:
        InNeed(r, *ic);
        break;
      case 7:
        Protection(r, *ic);
        break;
      case 8:
        InCare(r, *ic);
        break;
      case 9:
        CareLeaver(r, *ic);
        break;
      case 10:
        Adoption(r, *ic);
        break;
    }
  }
}

ImportChild* Builder::Child(const Row& r, bool has_disability_column) {
  const std::string id = r.Text("child_id");
  if (id.empty() || id.size() > 20) {
    Bad(r, "child_id", id, "a Child Unique ID has 1 to 20 characters");
    return nullptr;
  }
  auto [it, added] = children_.try_emplace(id);
  ImportChild& ic = it->second;
  if (added) {
    ic.child = id;
    ic.where = r.where;
    if (auto have = view_.child ? view_.child(id) : std::nullopt) {
      ic.have = *have;
      ic.want = *have;
    } else {
      Record p(Kind::kPerson);
      p.id = next_id_--;
      p.child_id = p.id;
      ic.want.child_id = p.id;
      p.Set("la_child_id", id);
      ic.want.of(Kind::kPerson).push_back(std::move(p));
    }
  }
  // The child's details: the first row to give one sets it; a later row that disagrees is
  // a problem (the lists describe one child).
  Record& p = ic.want.of(Kind::kPerson).front();
  auto same = [&](std::string_view key, std::string_view field, Value v) {
    if (model::IsNull(v)) return;
    const Value& have = p.Get(field);
    if (!added && !model::IsNull(have) && have != v && !seen_[id].empty())
      Bad(r, key, r.Text(key).empty() ? model::ValueToString(v) : r.Text(key),
          fmt::format("child {} is given as \"{}\" in an earlier row ({}); a child's {} is the "
                      "same in every list",
                      id, model::ValueToString(have), seen_[id], r.Header(key)));
    else
      p.Set(field, std::move(v));
  };
  same("gender", "sex", Opt(r.Code("gender")));
  same("ethnicity", "ethnicity", Opt(r.Code("ethnicity")));
  same("dob", "birth_date", Opt(r.Day("dob")));
  if (seen_[id].empty()) seen_[id] = r.where;
  // Age is derived: checked against the date of birth, noted when it disagrees.
  auto dob = p.GetDate("birth_date");
  if (auto age = r.Int("age"); age && dob && *dob <= d_ && *age != AgeInYears(*dob, d_))
    notes_.push_back(fmt::format("{}: Age of Child {} but the date of birth gives {} on {}",
                                 r.where, *age, AgeInYears(*dob, d_), d_.ToDmy()));
  if (has_disability_column) {
    // "a) Yes": some disability, type not given. Recorded as DDA (the CIN census code for a
    // disability outside the named ones) unless one is on record already.
    if (auto disabled = r.Flag("disability")) {
      bool any = false;
      for (const Record& x : ic.want.of(Kind::kDisability))
        any |= x.GetString("disability").value_or("NONE") != "NONE";
      if (*disabled && !any) {
        Record x = New(Kind::kDisability, ic.want.child_id);
        x.Set("disability", std::string("DDA"));
        ic.want.of(Kind::kDisability).push_back(std::move(x));
      } else if (!*disabled && any) {
        Bad(r, "disability", r.Text("disability"),
            fmt::format("child {} has a disability on record or in an earlier row", id));
      }
    }
  }
  return &ic;
}

std::pair<std::optional<int64_t>, const Record*> Builder::Allocated(const Row& r) {
  std::optional<int64_t> team;
  const Record* worker = nullptr;
  if (const std::string t = r.Text("team"); !t.empty()) {
    auto it = teams_.find(t);
    if (it == teams_.end())
      Bad(r, "team", t, "no team of this name on record; load the organisation first");
    else
      team = it->second;
  }
  if (const std::string w = r.Text("worker"); !w.empty()) {
    auto [lo, hi] = workers_.equal_range(w);
    if (lo == hi)
      Bad(r, "worker", w, "no worker of this name on record; load the organisation first");
    // Two workers of one name: the one in the named team.
    for (auto it = lo; it != hi; ++it)
      if (!worker || (team && it->second->GetInt("team_id") == team)) worker = it->second;
  }
  return {team, worker};
}

void Builder::Allocate(const Row& r, ImportChild& ic, Date on, bool open, std::string role) {
  // The list names who was allocated on `on` (the end of the row's span); an allocation
  // from that day (open when the row is) says so without claiming when it began.
  auto [team, worker] = Allocated(r);
  if (!worker) return;
  Record& a = Match(ic, Kind::kAllocation, "start_date", on,
                    [&](const Record& x) { return x.GetString("role") == role; });
  a.Set("role", role);
  a.Set("worker_id", worker->id);
  a.Set("team_id", team ? Value{*team} : Value{});
  a.Set("end_date", open ? Value{} : Value{on});
}

}  // namespace annex_a_import

namespace {

using annex_a_import::Builder;
using model::ChildRecords;
using model::Kind;
using model::Record;

// Placeholder ids as the rising positive ones the store will give (import_apply.h), so
// that the export's ties between records of one day break the same way.
Record Positive(Record r) {
  StandInIds(r);
  return r;
}

std::string Shown(const AnnexACell& c) {
  if (auto* t = std::get_if<std::string>(&c)) return *t;
  if (auto* n = std::get_if<int64_t>(&c)) return std::to_string(*n);
  if (auto* d = std::get_if<Date>(&c)) return d->ToDmy();
  return "(blank)";
}

}  // namespace

void CheckAgainstRecord(const AnnexA& lists, Date date, const ImportPlan& plan,
                        const AnnexAOrganisation& org, std::vector<std::string>& notes) {
  AnnexAContext ctx;
  for (const Record& t : org.teams) ctx.team_names[t.id] = t.GetString("name").value_or("");
  for (const Record& w : org.workers) {
    ctx.worker_names[w.id] = w.GetString("name").value_or("");
    if (auto t = w.GetInt("team_id")) ctx.worker_teams[w.id] = *t;
  }
  std::map<int64_t, Record> households;  // on record, as the import leaves them
  for (const Record& h : org.households) households[h.id] = h;
  for (const Record& h : plan.organisation) households[StandInId(h.id)] = Positive(h);
  for (auto& [id, h] : households) ctx.households.push_back(std::move(h));
  ctx.horizon = date.AddMonths(-6);
  std::vector<ChildRecords> children;
  for (const ImportChild& ic : plan.children) {
    ChildRecords c;
    c.child_id = StandInId(ic.want.child_id);
    for (const auto& recs : ic.want.by_kind)
      for (const Record& r : recs) {
        c.of(r.kind).push_back(Positive(r));
        if (r.kind == Kind::kAdoption)
          if (auto h = c.of(r.kind).back().GetInt("household_id"))
            ctx.household_adoptions[*h].push_back(c.of(r.kind).back());
      }
    children.push_back(std::move(c));
  }
  AnnexAExporter ex(date, ctx);
  for (const ChildRecords& c : children) ex.AddChild(c);
  const AnnexA again = ex.Finish();
  for (size_t n = 0; n < lists.lists.size() && n < again.lists.size(); ++n) {
    const AnnexASheet& given = lists.lists[n];
    const AnnexASheet& rebuilt = again.lists[n];
    if (given.rows == rebuilt.rows) continue;
    if (given.rows.size() != rebuilt.rows.size()) {
      notes.push_back(fmt::format("{}: {} rows in the workbook, {} from the records loaded",
                                  given.list->sheet, given.rows.size(), rebuilt.rows.size()));
      continue;
    }
    // Derived cells the loaded facts give otherwise: by column, with the first example.
    std::map<size_t, std::pair<int, std::string>> by_column;
    for (size_t i = 0; i < given.rows.size(); ++i)
      for (size_t c = 0; c < given.rows[i].size(); ++c)
        if (given.rows[i][c] != rebuilt.rows[i][c]) {
          auto& [count, first] = by_column[c];
          if (count++ == 0)
            first = fmt::format("row {}: \"{}\", the records give \"{}\"",
                                i < given.lines.size() ? given.lines[i] : 0,
                                Shown(given.rows[i][c]), Shown(rebuilt.rows[i][c]));
        }
    for (const auto& [c, v] : by_column)
      notes.push_back(
          fmt::format("{}: {} differs in {} row{} from what the records loaded give "
                      "(not refused: derived; first {})",
                      given.list->sheet, given.list->columns[c].header, v.first,
                      v.first == 1 ? "" : "s", v.second));
  }
}

ImportPlan BuildAnnexAImport(const AnnexA& lists, Date date, const std::string& file,
                             const StoreView& view, const AnnexAOrganisation& org,
                             std::vector<std::string>& notes, const AnnexASpec& spec) {
  ImportPlan plan;
  Builder b(date, file, view, org, spec, plan, notes);
  // List 11 first: List 10's family identifiers name its households.
  for (auto it = lists.lists.rbegin(); it != lists.lists.rend(); ++it) b.Sheet(*it);
  b.Finish();
  if (plan.problems.empty()) CheckAgainstRecord(lists, date, plan, org, notes);
  return plan;
}

Result<AnnexAImportReport> ImportAnnexA(store::Store& store, Date date, const InputFile& workbook,
                                        const store::Actor& actor) {
  AnnexAImportReport out;
  ImportReport& rep = out.report;
  AnnexARead read = ReadAnnexAWorkbook(workbook.text, workbook.name);
  for (const AnnexAProblem& p : read.problems)
    rep.problems.push_back(Problem{p.file + (p.sheet.empty() ? "" : ", sheet \"" + p.sheet + "\"") +
                                       (p.row ? fmt::format(" row {}", p.row) : ""),
                                   0, p.column.empty() ? "" : "\"" + p.column + "\"", p.value,
                                   p.message});
  out.notes = read.notes;
  if (!rep.problems.empty()) return out;
  AnnexAOrganisation org;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kTeam, [&](const Record& r) {
    org.teams.push_back(r);
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kWorker, [&](const Record& r) {
    org.workers.push_back(r);
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kAdopterHousehold, [&](const Record& r) {
    org.households.push_back(r);
    return Status::Ok();
  }));
  StoreChildren on_record;
  JOURNEY_RETURN_IF_ERROR(LookUpChildren(store, on_record));
  ImportPlan plan =
      BuildAnnexAImport(read.lists, date, workbook.name, on_record.view, org, out.notes);
  JOURNEY_RETURN_IF_ERROR(on_record.error);
  JOURNEY_RETURN_IF_ERROR(ApplyImport(store, plan, on_record.people.empty(), actor, rep));
  if (rep.problems.empty())
    JOURNEY_RETURN_IF_ERROR(store::WidenRecordSpan(store, date.AddMonths(-6), date));
  return out;
}

}  // namespace journey::returns