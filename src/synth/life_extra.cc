// Around the journey: arrival of unaccompanied children, who holds the case (allocations,
// changes of worker), case supervision, management oversight, audits, complaints, and
// records that touch children outside any case (home education, children missing
// education, private fostering).
#include <algorithm>

#include "synth/life.h"

namespace journey::synth {
namespace {

constexpr std::string_view kNotes[] = {
    "Case discussed; actions and timescales agreed.",
    "Home visit completed; child seen and spoken with.",
    "Information shared with school and health visitor.",
    "Plan reviewed; next steps recorded.",
    "Telephone contact with parent; update given.",
    "Chronology and genogram updated.",
};
constexpr std::string_view kOversight[] = {
    "Management oversight: the plan is progressing; no change needed.",
    "Management oversight: drift identified; actions set with timescales.",
    "Management oversight: threshold reviewed and agreed.",
    "Management oversight: assessment authorised.",
};

}  // namespace

std::vector<size_t> Life::Marks() {
  std::vector<size_t> m(model::kKindCount);
  for (int k = 0; k < model::kKindCount; ++k)
    m[static_cast<size_t>(k)] = b().Count(static_cast<Kind>(k));
  return m;
}

void Life::Arrival() {
  const Date arrived = arrived_;
  b().Add(Kind::kImmigrationStatus)
      .Code(SF(ImmigrationStatus, status), "UASC")
      .Day(SF(ImmigrationStatus, start_date), arrived)
      .Day(SF(ImmigrationStatus, end_date), adult_);
  b().Add(Kind::kImmigrationStatus)
      .Code(SF(ImmigrationStatus, status),
            rng_.Pick({{"REFUGEE", 45}, {"DLR", 15}, {"ASYLUM", 30}, {"ILR", 10}}))
      .Day(SF(ImmigrationStatus, start_date), adult_);
  b().Add(Kind::kPersonIdentifier)
      .Code(SF(PersonIdentifier, identifier_type), "HOME_OFFICE")
      .Text(SF(PersonIdentifier, value), "HO" + std::to_string(1000000 + rng_.Below(9000000)))
      .Day(SF(PersonIdentifier, valid_from), arrived);
  const std::string_view source = rng_.Pick({{"6", 60}, {"5C", 15}, {"8", 15}, {"1D", 10}});
  Rec c = b().Add(Kind::kContact);
  c.At(SF(Contact, contact_at), At(arrived, rng_.Between(0, 1439)))
      .Code(SF(Contact, source), source)
      .Code(SF(Contact, rag_rating), "RED")
      .At(SF(Contact, decision_at), At(arrived, 1439))
      .Code(SF(Contact, outcome), "REFERRAL");
  Involvement(arrived, c.id(), source, Entry::kArrival);
}

// Allocates workers to the phases of a case, in order, to `end`: a worker from the
// service's teams for each phase, a new one when the worker leaves the post (after a
// vacancy, if the post stands empty) or when caseloads, absence or a request change it.
void Life::Allocations(const std::vector<Phase>& phases, Date end, std::string_view role,
                       std::vector<Assigned>* out) {
  std::string_view reason;
  for (size_t i = 0; i < phases.size(); ++i) {
    const Date from = phases[i].from;
    const Date to = i + 1 < phases.size() ? phases[i + 1].from : end;
    if (to <= from) continue;
    if (from > c_.as_at) break;
    if (to < c_.history_start.AddDays(-30)) continue;
    Holder h = w_.Allocate(phases[i].service, from, rng_);
    if (i > 0) reason = "TSPROC";
    for (Date s = h.from; h.found() && s < to && s <= c_.as_at; s = h.from) {
      const Date change =
          s.AddDays(40 + static_cast<int>(rng_.Exponential(role == "IRO" ? 900 : 700)));
      const Date e = Min(Min(h.until, to), change);
      Rec a = b().Add(Kind::kAllocation);
      a.Ref(SF(Allocation, worker_id), h.worker_id)
          .Ref(SF(Allocation, team_id), h.team_id)
          .Code(SF(Allocation, role), role)
          .Day(SF(Allocation, start_date), s);
      if (e != kNever) a.Day(SF(Allocation, end_date), e);
      if (!reason.empty() && CollectionYearOf(s) >= 2024)
        a.Code(SF(Allocation, change_reason), reason);
      out->push_back({h.worker_id, h.team_id, h.manager_id, s, e});
      if (e >= to) break;
      if (e == h.until) {
        reason = rng_.Chance(0.9) ? "LEFTRL" : "ABSENC";
        h = w_.Next(h);
      } else {
        reason = rng_.Pick({{"MANAGE", 40},
                            {"ORGRST", 15},
                            {"ABSENC", 12},
                            {"CHCHAN", 8},
                            {"PCCHAN", 10},
                            {"OTHERS", 15}});
        h = w_.Allocate(phases[i].service, e, rng_);
      }
    }
  }
}

// Records made in a case get the worker who held it on their date.
void Life::AssignWorkers(const std::vector<size_t>& marks, const std::vector<Assigned>& sw) {
  if (sw.empty()) return;
  struct WorkerFields {
    Kind kind;
    int worker, team;
  };
  static const WorkerFields kFields[] = {
      {Kind::kReferral, SF(Referral, worker_id), SF(Referral, team_id)},
      {Kind::kAssessment, SF(Assessment, worker_id), SF(Assessment, team_id)},
      {Kind::kSection47Enquiry, SF(Section47Enquiry, worker_id), SF(Section47Enquiry, team_id)},
      {Kind::kCpPlan, SF(CpPlan, worker_id), SF(CpPlan, team_id)},
      {Kind::kCinPlan, SF(CinPlan, worker_id), SF(CinPlan, team_id)},
      {Kind::kVisit, SF(Visit, worker_id), -1},
  };
  for (const WorkerFields& wf : kFields) {
    auto& recs = b().records().of(wf.kind);
    const int date_field = model::Def(wf.kind).date_index;
    for (size_t i = marks[static_cast<size_t>(wf.kind)]; i < recs.size(); ++i) {
      Record& r = recs[i];
      if (!model::IsNull(r.values[static_cast<size_t>(wf.worker)])) continue;
      const auto* d = std::get_if<Date>(&r.values[static_cast<size_t>(date_field)]);
      if (!d) continue;
      for (const Assigned& a : sw) {
        if (a.from <= *d && *d < a.until) {
          r.values[static_cast<size_t>(wf.worker)] = a.worker;
          if (wf.team >= 0) r.values[static_cast<size_t>(wf.team)] = a.team;
          break;
        }
      }
    }
  }
}

void Life::Note(Date d, std::string_view type, int64_t worker) {
  Rec n = b().Add(Kind::kCaseNote);
  n.At(SF(CaseNote, noted_at), At(d, rng_.Between(8 * 60, 18 * 60)))
      .Code(SF(CaseNote, note_type), type);
  if (type == "OVERSIGHT" || type == "DECISION") {
    n.Text(SF(CaseNote, text), std::string(kOversight[rng_.Below(std::size(kOversight))]));
  } else {
    n.Text(SF(CaseNote, text), std::string(kNotes[rng_.Below(std::size(kNotes))]));
  }
  if (worker) n.Ref(SF(CaseNote, worker_id), worker);
}

// Case supervision every month or two (less often for some workers), management
// oversight and case notes, an audit now and then, and the occasional complaint.
void Life::CaseWork(const std::vector<Assigned>& sw, Date from, Date to) {
  const Date first = c_.history_start.AddDays(-20);
  if (InHistory(from)) Note(from, "DECISION", sw.empty() ? 0 : sw.front().manager);
  for (const Assigned& a : sw) {
    const Date last = Min(Min(a.until, to), c_.as_at);
    const bool lapses = rng_.Chance(0.25);
    for (Date d = Max(a.from, first).AddDays(rng_.Between(14, 45)); d < last;
         d = d.AddDays(lapses ? rng_.Between(40, 120) : rng_.Between(28, 56))) {
      const Date day = NextWorkingDay(d);
      if (day >= last) break;
      if (a.manager && a.manager != a.worker) {
        Rec s = b().Add(Kind::kSupervision);
        s.Code(SF(Supervision, supervision_type), "CASE")
            .Ref(SF(Supervision, worker_id), a.worker)
            .Ref(SF(Supervision, supervisor_id), a.manager)
            .Day(SF(Supervision, supervision_date), day)
            .Flag(SF(Supervision, reflection), rng_.Chance(lapses ? 0.3 : 0.65))
            .Flag(SF(Supervision, challenge), rng_.Chance(lapses ? 0.2 : 0.45))
            .Flag(SF(Supervision, decisions), rng_.Chance(lapses ? 0.6 : 0.92));
      }
      if (rng_.Chance(0.5))
        Note(day.AddDays(rng_.Between(0, 10)), rng_.Chance(0.5) ? "OVERSIGHT" : "CASE_NOTE", 0);
    }
  }
  // Notes without a worker take the case holder on their date.
  auto& notes = b().records().of(Kind::kCaseNote);
  for (Record& n : notes) {
    if (!model::IsNull(n.values[static_cast<size_t>(SF(CaseNote, worker_id))])) continue;
    const Date d = std::get<DateTime>(n.values[static_cast<size_t>(SF(CaseNote, noted_at))]).date();
    for (const Assigned& a : sw)
      if (a.from <= d && d < a.until)
        n.values[static_cast<size_t>(SF(CaseNote, worker_id))] = a.worker;
  }
  if (to - from > 60) {
    Audit(sw, from, to);
    if (rng_.Chance(0.012 * std::max(1.0, static_cast<double>(to - from) / 365.25)))
      Complaint(from, to);
  }
}

void Life::Audit(const std::vector<Assigned>& sw, Date from, Date to) {
  const double years = static_cast<double>(Min(to, c_.as_at) - from) / 365.25;
  if (!rng_.Chance(std::min(0.6, 0.06 * std::max(0.3, years)))) return;
  const Date d = NextWorkingDay(
      from.AddDays(30 + static_cast<int>(rng_.Below(std::max(1, Min(to, c_.as_at) - from - 30)))));
  if (!InHistory(d)) return;
  Holder auditor = w_.Allocate(Service::kQa, d, rng_);
  if (!auditor.found()) auditor = w_.Manager(Service::kQa, d, rng_);
  if (!auditor.found()) return;
  const std::string_view grade =
      rng_.Pick({{"OUTSTANDING", 3}, {"GOOD", 37}, {"RI", 45}, {"INADEQUATE", 15}});
  Rec a = b().Add(Kind::kCaseAudit);
  a.Ref(SF(CaseAudit, auditor_id), auditor.worker_id)
      .Day(SF(CaseAudit, audit_date), d)
      .Code(SF(CaseAudit, grade), grade)
      .Text(SF(CaseAudit, findings),
            std::string(rng_.Pick({{"Plan not SMART; contingency missing.", 30},
                                   {"Good direct work with the child.", 25},
                                   {"Visits not at the planned frequency.", 20},
                                   {"Supervision lacks reflection.", 15},
                                   {"Timely and proportionate response.", 10}})));
  for (const Assigned& s : sw)
    if (s.from <= d && d < s.until) a.Ref(SF(CaseAudit, worker_id), s.worker);
  if (rng_.Chance(0.25)) {
    Holder m = w_.Manager(Service::kQa, d, rng_);
    if (m.found()) {
      a.Ref(SF(CaseAudit, moderator_id), m.worker_id)
          .Day(SF(CaseAudit, moderated_date), AddWd(d, rng_.Between(3, 20)))
          .Code(
              SF(CaseAudit, moderated_grade),
              rng_.Chance(0.8) ? grade : rng_.Pick({{"GOOD", 40}, {"RI", 45}, {"INADEQUATE", 15}}));
    }
  }
}

void Life::Complaint(Date from, Date to) {
  const Date d = from.AddDays(20 + static_cast<int>(rng_.Below(std::max(1, to - from))));
  if (!InHistory(d)) return;
  const bool child = Age(d) >= 10 && rng_.Chance(0.3);
  Rec c = b().Add(Kind::kComplaint);
  c.Day(SF(Complaint, received_date), d)
      .Code(SF(Complaint, complainant), child ? "CHILD" : "ADULT")
      .Text(SF(Complaint, subject), std::string(rng_.Pick({{"Change of social worker", 30},
                                                           {"Contact arrangements", 25},
                                                           {"Quality of the assessment", 20},
                                                           {"Communication", 25}})));
  const int stages = rng_.Chance(0.8) ? 1 : (rng_.Chance(0.8) ? 2 : 3);
  Date s = d;
  for (int i = 1; i <= stages; ++i) {
    const Date responded =
        AddWd(s, i == 1 ? (rng_.Chance(0.7) ? rng_.Between(5, 10) : rng_.Between(11, 30))
                        : rng_.Between(20, 65));
    b().Add(Kind::kComplaintStage)
        .Ref(SF(ComplaintStage, complaint_id), c.id())
        .Int(SF(ComplaintStage, stage), i)
        .Day(SF(ComplaintStage, start_date), s)
        .Day(SF(ComplaintStage, responded_date), responded);
    s = responded.AddDays(rng_.Between(5, 20));
  }
  c.Day(SF(Complaint, closed_date), s)
      .Code(SF(Complaint, outcome),
            rng_.Pick({{"UPHELD", 20}, {"PARTIAL", 30}, {"NOT_UPHELD", 45}, {"WITHDRAWN", 5}}));
  if (rng_.Chance(0.5))
    c.Text(SF(Complaint, lessons), "Keep families informed when a worker changes.");
}

// Records outside any case: elective home education, children missing education,
// private fostering arrangements.
void Life::Extras() {
  const Date five = Birthday(5), sixteen = Birthday(16);
  auto spell = [&](Kind kind, double chance, double median) {
    if (!rng_.Chance(chance)) return;
    const Date start = five.AddDays(static_cast<int>(rng_.Below(std::max(1, sixteen - five))));
    const Date end =
        Min(sixteen, start.AddDays(14 + static_cast<int>(rng_.LogNormal(median, 0.8))));
    if (end < c_.history_start || start > c_.as_at) return;
    const int f_start = model::Def(kind).start_index, f_end = model::Def(kind).end_index;
    b().Add(kind).Day(f_start, start).Day(f_end, end);
  };
  spell(Kind::kElectiveHomeEducation, tier_ == 0 ? 0.02 : 0.05, 420);
  spell(Kind::kMissingEducation, tier_ == 0 ? 0.008 : 0.04, 50);
  if (!arrival_ && rng_.Chance(0.0025)) {
    const Date start = Birthday(8).AddDays(static_cast<int>(rng_.Below(8 * 365)));
    if (start > c_.history_start && start <= c_.as_at) {
      const Date notified = start.AddDays(rng_.Between(0, 40));
      const Date end = Min(sixteen, start.AddDays(rng_.Between(90, 700)));
      Rec pf = b().Add(Kind::kPrivateFostering);
      pf.Day(SF(PrivateFostering, notification_date), notified)
          .Day(SF(PrivateFostering, start_date), start)
          .Day(SF(PrivateFostering, end_date), Max(end, notified));
      pf.Day(SF(PrivateFostering, assessment_completed_date),
             AddWd(notified, rng_.Chance(0.6) ? rng_.Between(10, 30) : rng_.Between(31, 70)));
      Visits("PRIVATE_FOSTERING", SF(Visit, private_fostering_id), pf.id(), notified,
             Max(end, notified), 42, 7);
    }
  }
  if (tier_ >= 2 && rng_.Chance(0.12)) {
    const Date d = Birthday(12).AddDays(static_cast<int>(rng_.Below(5 * 365)));
    if (InHistory(d)) {
      b().Add(Kind::kExploitationRisk)
          .Day(SF(ExploitationRisk, screened_date), d)
          .Code(SF(ExploitationRisk, risk_type), rng_.Chance(female_ ? 0.65 : 0.25) ? "CSE" : "CCE")
          .Code(SF(ExploitationRisk, level),
                rng_.Pick({{"LOW", 50}, {"MEDIUM", 35}, {"HIGH", 15}}));
    }
  }
}

}  // namespace journey::synth
