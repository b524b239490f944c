// The Annex A export: the lists from a store, as CSV files and as one workbook's sheets.
#include "returns/annex_a_export.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unordered_set>

#include "base/csv.h"
#include "returns/annex_a_lists.h"
#include "store/record_span.h"

namespace journey::returns {

using model::ChildRecords;
using model::Kind;
using model::Record;

struct AnnexAExporter::Impl {
  annex_a::Lists lists;
  Impl(Date date, const AnnexAContext& c, const AnnexASpec& s) : lists(date, c, s) {}
};

AnnexAExporter::AnnexAExporter(Date date, const AnnexAContext& context, const AnnexASpec& spec)
    : impl_(std::make_unique<Impl>(date, context, spec)) {}
AnnexAExporter::~AnnexAExporter() = default;

void AnnexAExporter::AddChild(const ChildRecords& child) { impl_->lists.AddChild(child); }

AnnexA AnnexAExporter::Finish() {
  annex_a::Lists& l = impl_->lists;
  l.Adopters();
  AnnexA out;
  out.date = l.w.date;
  for (AnnexASheet& s : l.sheets) {
    // Rows in the order of their cells (the child's id first), so that the same record
    // always gives the same lists, whatever order the children came in.
    std::sort(s.rows.begin(), s.rows.end());
    out.lists.push_back(std::move(s));
  }
  for (const std::string& u : l.unlabelled)
    out.notes.push_back(fmt::format("{} has no label in the template; left blank", u));
  return out;
}

const std::vector<Kind>& AnnexAKinds() {
  static const std::vector<Kind> kinds = {Kind::kDisability,
                                          Kind::kImmigrationStatus,
                                          Kind::kAllocation,
                                          Kind::kContact,
                                          Kind::kEarlyHelpEpisode,
                                          Kind::kEarlyHelpAssessment,
                                          Kind::kReferral,
                                          Kind::kAssessment,
                                          Kind::kSection47Enquiry,
                                          Kind::kCpConference,
                                          Kind::kCpPlan,
                                          Kind::kCinPlan,
                                          Kind::kVisit,
                                          Kind::kClaPeriod,
                                          Kind::kPlacement,
                                          Kind::kClaEpisode,
                                          Kind::kCarePlan,
                                          Kind::kClaReview,
                                          Kind::kHealthAssessment,
                                          Kind::kMissingEpisode,
                                          Kind::kReturnInterview,
                                          Kind::kCourtOrder,
                                          Kind::kAdoption,
                                          Kind::kCareLeaverStatus};
  return kinds;
}

const std::vector<std::string_view>& AnnexAFields(Kind kind) {
  // Read from annex_a_lists*.cc (and the anchors below): a field a list starts to use must
  // be added here; AnnexAExportParallel.* compares these reads with whole records.
  using F = std::vector<std::string_view>;
  static const std::unordered_map<int, F> fields = {
      {static_cast<int>(Kind::kPerson), F{"la_child_id", "sex", "ethnicity", "birth_date"}},
      {static_cast<int>(Kind::kDisability), F{"disability"}},
      {static_cast<int>(Kind::kImmigrationStatus), F{"status", "start_date", "end_date"}},
      {static_cast<int>(Kind::kAllocation),
       F{"role", "start_date", "end_date", "worker_id", "team_id"}},
      {static_cast<int>(Kind::kContact), F{"contact_at", "source"}},
      {static_cast<int>(Kind::kEarlyHelpEpisode), F{"lead_agency"}},
      {static_cast<int>(Kind::kEarlyHelpAssessment),
       F{"start_date", "completed_date", "episode_id"}},
      {static_cast<int>(Kind::kReferral),
       F{"referral_date", "source", "nfa", "closure_date", "primary_need", "closure_reason",
         "stated_referrals_12m", "worker_id", "team_id"}},
      {static_cast<int>(Kind::kAssessment),
       F{"start_date", "authorised_date", "child_seen", "outcome", "worker_id", "team_id"}},
      {static_cast<int>(Kind::kSection47Enquiry),
       F{"start_date", "end_date", "icpc_not_required", "stated_concluded", "stated_s47_12m",
         "stated_icpcs_12m", "worker_id", "team_id"}},
      {static_cast<int>(Kind::kCpConference),
       F{"conference_type", "conference_date", "s47_id", "outcome", "cp_plan_id"}},
      {static_cast<int>(Kind::kCpPlan),
       F{"other_la", "start_date", "end_date", "initial_category", "latest_category",
         "previous_plans", "stated_epo_6m", "worker_id", "team_id"}},
      {static_cast<int>(Kind::kCinPlan), F{"start_date", "end_date"}},
      {static_cast<int>(Kind::kVisit),
       F{"visit_date", "seen", "visit_type", "cp_plan_id", "seen_alone"}},
      {static_cast<int>(Kind::kClaPeriod), F{"start_date"}},
      {static_cast<int>(Kind::kPlacement),
       F{"cla_period_id", "start_date", "end_date", "placement_type", "provider", "postcode", "urn",
         "inside_la", "placement_la"}},
      {static_cast<int>(Kind::kClaEpisode),
       F{"cla_period_id", "placement_id", "start_date", "end_date", "legal_status", "cin", "rec",
         "stated_placements_12m", "stated_missing_12m", "stated_absent_12m",
         "stated_last_iro_visit", "stated_second_period", "stated_uasc_12m", "stated_rhi_offered",
         "stated_ls_start", "stated_rhi_accepted"}},
      {static_cast<int>(Kind::kCarePlan), F{"cla_period_id", "start_date", "plan"}},
      {static_cast<int>(Kind::kClaReview), F{"cla_period_id", "review_date", "iro_id"}},
      {static_cast<int>(Kind::kHealthAssessment),
       F{"assessment_type", "assessment_date", "status"}},
      {static_cast<int>(Kind::kMissingEpisode), F{"missing_type", "start_at"}},
      {static_cast<int>(Kind::kReturnInterview), F{"missing_episode_id", "offered", "accepted"}},
      {static_cast<int>(Kind::kCourtOrder), F{"order_type", "made_date", "end_date"}},
      {static_cast<int>(Kind::kAdoption),
       F{"cla_period_id", "decision_date", "placement_order_date", "match_date", "placed_date",
         "order_date", "reversed_date", "reversed_reason", "household_id", "fostering_to_adopt"}},
      {static_cast<int>(Kind::kCareLeaverStatus),
       F{"status_date", "eligibility", "in_touch", "accommodation", "accommodation_suitable",
         "activity"}},
  };
  static const F kNone;
  auto it = fields.find(static_cast<int>(kind));
  return it == fields.end() ? kNone : it->second;
}

namespace {

// What one connection reads: the anchor kinds' records (kept whole, to find the children
// any list may include) or, once those children are known, theirs of the other kinds.
struct Reads {
  std::unordered_set<int64_t> wanted;
  std::unordered_map<int, std::vector<Record>> by_kind;
  Status status;
};

struct Anchor {
  Kind kind;
  std::string_view from, to;
  bool to_date;  // made by D (care leavers, adoption decisions) rather than in the window
};

// The children any list may include: a record of one of the lists' own kinds that was
// active at some time in the longest window (twelve months) or, for care leavers and
// adoption decisions, made by D. A superset: each list then applies its own rule.
constexpr Anchor kAnchors[] = {
    {Kind::kContact, "contact_at", "contact_at", false},
    {Kind::kEarlyHelpAssessment, "start_date", "completed_date", false},
    {Kind::kReferral, "referral_date", "closure_date", false},
    {Kind::kAssessment, "start_date", "authorised_date", false},
    {Kind::kSection47Enquiry, "start_date", "end_date", false},
    {Kind::kCpPlan, "start_date", "end_date", false},
    {Kind::kClaEpisode, "start_date", "end_date", false},
    {Kind::kCareLeaverStatus, "status_date", "", true},
    {Kind::kAdoption, "decision_date", "", true},
};

bool IsAnchor(Kind k) {
  for (const Anchor& a : kAnchors)
    if (a.kind == k) return true;
  return false;
}

// Runs `part(store, i, reads)` for i = 0, 1, ... n-1, shared between the connections:
// connection j takes i = j, j + c, ... on a thread of its own (the first on this one).
// Each kind is read whole by one connection, so its records keep the store's order.
template <typename F>
std::vector<Reads> Spread(const std::vector<store::Store*>& stores, size_t n, F part) {
  std::vector<Reads> out(stores.size());
  auto run = [&](size_t j) {
    for (size_t i = j; i < n && out[j].status.ok(); i += stores.size())
      out[j].status = part(*stores[j], i, out[j]);
  };
  std::vector<std::thread> threads;
  for (size_t j = 1; j < stores.size(); ++j) threads.emplace_back(run, j);
  run(0);
  for (std::thread& t : threads) t.join();
  return out;
}

}  // namespace

Result<AnnexA> ExportAnnexA(store::Store& store, Date date, const AnnexASpec& spec,
                            const AnnexAReading& how) {
  const annex_a::Windows w(date);
  AnnexAContext ctx;
  JOURNEY_ASSIGN_OR_RETURN(store::RecordSpan span, store::ReadRecordSpan(store));
  ctx.horizon = span.horizon;
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kTeam, [&](const Record& r) {
    ctx.team_names[r.id] = r.GetString("name").value_or("");
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kWorker, [&](const Record& r) {
    ctx.worker_names[r.id] = r.GetString("name").value_or("");
    if (auto t = r.GetInt("team_id")) ctx.worker_teams[r.id] = *t;
    return Status::Ok();
  }));
  JOURNEY_RETURN_IF_ERROR(store.Scan(Kind::kAdopterHousehold, [&](const Record& r) {
    ctx.households.push_back(r);
    return Status::Ok();
  }));
  std::vector<store::Store*> stores = {&store};
  if (how.second) stores.push_back(how.second);
  auto scan = [&](store::Store& s, Kind k, const std::function<Status(const Record&)>& fn) {
    return how.whole_records ? s.Scan(k, fn) : s.ScanFields(k, AnnexAFields(k), fn);
  };

  // First the anchor kinds, kept whole (not scanned again), finding the wanted children.
  std::vector<Reads> first =
      Spread(stores, std::size(kAnchors), [&](store::Store& s, size_t i, Reads& out) {
        const Anchor& a = kAnchors[i];
        std::vector<Record>& keep = out.by_kind[static_cast<int>(a.kind)];
        return scan(s, a.kind, [&](const Record& r) {
          if (w.Active(annex_a::DayOf(r, a.from),
                       a.to.empty() ? std::nullopt : annex_a::DayOf(r, a.to),
                       a.to_date ? w.date : w.six))
            out.wanted.insert(r.child_id);
          keep.push_back(r);
          return Status::Ok();
        });
      });
  std::unordered_set<int64_t> wanted;
  for (Reads& r : first) {
    JOURNEY_RETURN_IF_ERROR(r.status);
    wanted.merge(r.wanted);
  }
  // Then the wanted children's people and records of the other kinds.
  std::vector<Kind> rest = {Kind::kPerson};
  for (Kind k : AnnexAKinds())
    if (!IsAnchor(k)) rest.push_back(k);
  std::vector<Reads> second_reads =
      Spread(stores, rest.size(), [&](store::Store& s, size_t i, Reads& out) {
        std::vector<Record>& keep = out.by_kind[static_cast<int>(rest[i])];
        const bool person = rest[i] == Kind::kPerson;
        // Records come ordered by child: one look-up per child, not per record.
        int64_t last = -1;
        bool want = false;
        return scan(s, rest[i], [&](const Record& r) {
          const int64_t child = person ? r.id : r.child_id;
          if (child != last) {
            last = child;
            want = wanted.count(child) > 0;
          }
          if (want) keep.push_back(r);
          return Status::Ok();
        });
      });
  std::unordered_map<int, std::vector<Record>> read;
  for (std::vector<Reads>* part : {&first, &second_reads})
    for (Reads& r : *part) {
      JOURNEY_RETURN_IF_ERROR(r.status);
      for (auto& [k, recs] : r.by_kind) read[k] = std::move(recs);
    }

  std::unordered_map<int64_t, ChildRecords> children;
  children.reserve(wanted.size());
  for (Record& r : read[static_cast<int>(Kind::kPerson)]) {
    ChildRecords& c = children[r.id];
    c.child_id = r.id;
    c.of(Kind::kPerson).push_back(std::move(r));
  }
  for (Kind k : AnnexAKinds())
    for (Record& r : read[static_cast<int>(k)]) {
      if (k == Kind::kAdoption)
        if (auto h = r.GetInt("household_id")) ctx.household_adoptions[*h].push_back(r);
      auto it = children.find(r.child_id);
      if (it != children.end()) it->second.of(k).push_back(std::move(r));
    }
  AnnexAExporter ex(date, ctx, spec);
  for (const auto& [id, c] : children) ex.AddChild(c);
  return ex.Finish();
}

namespace {

std::string CellText(const AnnexACell& c) {
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* n = std::get_if<int64_t>(&c)) return std::to_string(*n);
  if (auto* d = std::get_if<Date>(&c)) return d->ToDmy();
  return {};
}

}  // namespace

std::string AnnexACsv(const AnnexASheet& sheet) {
  std::vector<std::string> fields;
  for (const AnnexAColumn& c : sheet.list->columns) fields.push_back(c.header);
  std::string out = CsvLine(fields);
  for (const AnnexARow& row : sheet.rows) {
    fields.clear();
    for (const AnnexACell& c : row) fields.push_back(CellText(c));
    out += CsvLine(fields);
  }
  return out;
}

Status WriteAnnexACsv(const AnnexA& a, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return InvalidArgument(fmt::format("cannot create directory {}: {}", dir, ec.message()));
  for (const AnnexASheet& s : a.lists) {
    const std::string path = (std::filesystem::path(dir) / (s.list->sheet + ".csv")).string();
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    const std::string text = AnnexACsv(s);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f) return Internal(fmt::format("could not write {}", path));
  }
  return Status::Ok();
}

}  // namespace journey::returns

#include "returns/xlsx_write.h"

namespace journey::returns {

Status WriteAnnexAXlsx(const AnnexA& a, const std::string& path) {
  if (auto parent = std::filesystem::path(path).parent_path(); !parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
  }
  JOURNEY_ASSIGN_OR_RETURN(auto w, XlsxWriter::Create(path, a.date, /*streaming=*/false));
  for (const AnnexASheet& s : a.lists) {
    std::vector<std::string> headers;
    for (const AnnexAColumn& c : s.list->columns) headers.push_back(c.header);
    JOURNEY_RETURN_IF_ERROR(w->AddSheet(s.list->sheet, headers));
    for (const AnnexARow& row : s.rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        const int col = static_cast<int>(i);
        if (auto* t = std::get_if<std::string>(&row[i]))
          w->Text(col, *t);
        else if (auto* n = std::get_if<int64_t>(&row[i]))
          w->Number(col, static_cast<double>(*n));
        else if (auto* d = std::get_if<Date>(&row[i]))
          w->Day(col, *d);
      }
      w->EndRow();
    }
  }
  return w->Close();
}

}  // namespace journey::returns
