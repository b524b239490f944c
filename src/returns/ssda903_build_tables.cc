// The importer's builder: the tables beyond the episodes. Each table replaces, for the
// children it names, the records of the year it describes (see Builder::Replace); an
// outcome the return gives without a date (OC2's flags) is recorded on 31 March of the year.
#include <fmt/format.h>

#include "returns/ssda903_builder.h"

namespace journey::returns::internal {
namespace {

std::string Str(const Record& r, std::string_view f) { return r.GetString(f).value_or(""); }
model::Value Text(const std::string& s) { return s.empty() ? model::Value{} : model::Value{s}; }
model::Value Day(std::optional<Date> d) { return d ? model::Value{*d} : model::Value{}; }
model::Value Bool(std::optional<bool> b) { return b ? model::Value{*b} : model::Value{}; }
std::string DateKey(const Record& r, std::string_view f) { return model::ValueToString(r.Get(f)); }
std::optional<Date> DayOf(const Record& r, std::string_view f) {
  const model::Value& v = r.Get(f);
  if (auto* d = std::get_if<Date>(&v)) return *d;
  if (auto* t = std::get_if<model::DateTime>(&v)) return t->date();
  return std::nullopt;
}

}  // namespace

void Builder::Reviews(ImportChild& ic, const std::vector<RowRef>& rows) {
  std::vector<Record> fresh;
  for (const RowRef& rr : rows) {
    Cells c = At(rr);
    auto day = c.Day("REVIEW", true);
    if (!day) continue;
    const int64_t period = PeriodOn(ic.want, *day);
    if (!period) {
      c.Bad("REVIEW", fmt::format("child {} is not looked after on this day in the episodes "
                                  "(a review falls within a period of care)",
                                  ic.child));
      continue;
    }
    Record r = New(Kind::kClaReview, ic);
    r.Set("cla_period_id", period);
    r.Set("review_date", *day);
    r.Set("participation", Text(c.Code("REVIEW_CODE", "participation", day)));
    fresh.push_back(std::move(r));
  }
  Replace(
      ic.want, Kind::kClaReview,
      [&](const Record& r) {
        auto d = r.GetDate("review_date");
        return d && *d >= start && *d <= end;
      },
      std::move(fresh), [](const Record& r) { return DateKey(r, "review_date"); });
}

void Builder::Uasc(ImportChild& ic, const std::vector<RowRef>& rows) {
  if (rows.empty()) return;
  Cells c = At(rows.front());
  auto duc = c.Day("DUC");
  // The return gives only when UASC status ceased; a status on record that the year
  // overlaps is updated, otherwise it is taken to begin with the child's first episode.
  for (Record& r : ic.want.of(Kind::kImmigrationStatus)) {
    if (Str(r, "status") != "UASC") continue;
    auto from = r.GetDate("start_date");
    auto to = r.GetDate("end_date");
    if (*from > end || (to && *to < start)) continue;
    if (duc && *duc < *from) {
      c.Bad("DUC", fmt::format("is before the UASC status on record began ({})", from->ToDmy()));
      return;
    }
    r.Set("end_date", Day(duc));
    return;
  }
  std::optional<Date> first;
  for (const Record& e : ic.want.of(Kind::kClaEpisode))
    if (auto d = e.GetDate("start_date"); d && (!first || *d < *first)) first = d;
  Date from = first.value_or(start);
  if (duc && *duc < from) from = *duc;
  Record r = New(Kind::kImmigrationStatus, ic);
  r.Set("status", std::string("UASC"));
  r.Set("start_date", from);
  r.Set("end_date", Day(duc));
  ic.want.of(Kind::kImmigrationStatus).push_back(std::move(r));
}

void Builder::Oc2(ImportChild& ic, const std::vector<RowRef>& rows) {
  if (rows.empty()) return;
  Cells c = At(rows.front());
  auto in_year = [&](std::string_view field) {
    return [this, field](const Record& r) {
      auto d = r.GetDate(field);
      return d && *d >= start && *d <= end;
    };
  };
  // SDQ_SCORE / SDQ_REASON.
  std::vector<Record> sdq;
  auto score = c.Int("SDQ_SCORE", 0, 40);
  std::string reason = c.Code("SDQ_REASON", "sdq_reason", end);
  if (score || !reason.empty()) {
    Record r = New(Kind::kSdq, ic);
    r.Set("sdq_date", end);
    if (score) r.Set("score", *score);
    r.Set("reason", Text(reason));
    sdq.push_back(std::move(r));
  }
  Replace(ic.want, Kind::kSdq, in_year("sdq_date"), std::move(sdq),
          [](const Record& r) { return model::ValueToString(r.Get("sdq_date")); });
  // CONVICTED.
  std::vector<Record> conv;
  if (c.Flag("CONVICTED").value_or(false)) {
    Record r = New(Kind::kConviction, ic);
    r.Set("offence_date", end);
    conv.push_back(std::move(r));
  }
  Replace(ic.want, Kind::kConviction, in_year("offence_date"), std::move(conv),
          [](const Record& r) { return DateKey(r, "offence_date"); });
  // HEALTH_CHECK, TEETH_CHECK, HEALTH_ASSESSMENT: completed checks of the year.
  std::vector<Record> checks;
  const std::pair<std::string_view, std::string_view> kChecks[] = {
      {"HEALTH_CHECK", "REVIEW"}, {"TEETH_CHECK", "DENTAL"}, {"HEALTH_ASSESSMENT", "DEVELOPMENT"}};
  for (const auto& [column, type] : kChecks) {
    if (!c.Flag(column).value_or(false)) continue;
    Record r = New(Kind::kHealthAssessment, ic);
    r.Set("assessment_type", std::string(type));
    r.Set("assessment_date", end);
    r.Set("status", std::string("COMPLETED"));
    checks.push_back(std::move(r));
  }
  Replace(
      ic.want, Kind::kHealthAssessment,
      [&](const Record& r) {
        const std::string t = Str(r, "assessment_type");
        return in_year("assessment_date")(r) && Str(r, "status") == "COMPLETED" && t != "OPTICIAN";
      },
      std::move(checks),
      [](const Record& r) { return Str(r, "assessment_type") + DateKey(r, "assessment_date"); });
  // IMMUNISATIONS.
  std::vector<Record> imm;
  if (auto up = c.Flag("IMMUNISATIONS")) {
    Record r = New(Kind::kImmunisation, ic);
    r.Set("recorded_date", end);
    r.Set("up_to_date", *up);
    imm.push_back(std::move(r));
  }
  Replace(ic.want, Kind::kImmunisation, in_year("recorded_date"), std::move(imm),
          [](const Record& r) { return DateKey(r, "recorded_date"); });
  // SUBSTANCE_MISUSE and the interventions.
  std::vector<Record> misuse;
  if (c.Flag("SUBSTANCE_MISUSE").value_or(false)) {
    Record r = New(Kind::kSubstanceMisuse, ic);
    r.Set("identified_date", end);
    r.Set("intervention_received", Bool(c.Flag("INTERVENTION_RECEIVED")));
    r.Set("intervention_offered", Bool(c.Flag("INTERVENTION_OFFERED")));
    misuse.push_back(std::move(r));
  }
  Replace(ic.want, Kind::kSubstanceMisuse, in_year("identified_date"), std::move(misuse),
          [](const Record& r) { return DateKey(r, "identified_date"); });
}

void Builder::Oc3(ImportChild& ic, const std::vector<RowRef>& rows) {
  if (rows.empty()) return;
  Cells c = At(rows.front());
  auto dob = ic.want.of(Kind::kPerson).front().GetDate("birth_date");
  if (!dob) return;  // reported on the Header
  std::optional<Date> birthday;
  for (int age = 17; age <= 21 && !birthday; ++age) {
    Date b = dob->AddYears(age);
    if (b >= start && b <= end) birthday = b;
  }
  if (!birthday) {
    c.Bad("DOB", fmt::format("OC3 is for care leavers whose 17th to 21st birthday is in {}/{:02}",
                             year - 1, year % 100));
    return;
  }
  Record r = New(Kind::kCareLeaverStatus, ic);
  r.Set("status_date", *birthday);
  r.Set("in_touch", Text(c.Code("IN_TOUCH", "in_touch", birthday)));
  // ACTIV and ACCOM 0: the DfE's code for an activity or accommodation not known (not in
  // touch, refused, died, not required); recorded as not given (the export writes it back).
  if (c["ACTIV"] != "0") r.Set("activity", Text(c.Code("ACTIV", "activity", birthday)));
  // ACCOM: the accommodation's letter and 1 (suitable) or 2 (not suitable).
  const std::string& accom = c["ACCOM"];
  if (!accom.empty() && accom != "0") {
    const char digit = accom.back();
    if (accom.size() != 2 || (digit != '1' && digit != '2')) {
      c.Bad("ACCOM",
            "must be an accommodation letter and 1 (suitable) or 2 (not suitable), "
            "such as U1");
    } else if (Status st =
                   model::CodeLists::Default().Check("accommodation", accom.substr(0, 1), birthday);
               !st.ok()) {
      c.Bad("ACCOM", st.message());
    } else {
      r.Set("accommodation", accom.substr(0, 1));
      r.Set("accommodation_suitable", digit == '1');
    }
  }
  const Date b = *birthday;
  Replace(
      ic.want, Kind::kCareLeaverStatus,
      [&](const Record& x) {
        auto d = x.GetDate("status_date");
        return d && *d >= b.AddMonths(-3) && *d <= b.AddMonths(1);
      },
      {std::move(r)}, [](const Record& x) { return DateKey(x, "status_date"); });
}

void Builder::Adoption(ImportChild& ic, const std::vector<RowRef>& ad1,
                       const std::vector<RowRef>& placed) {
  // One adoption record per decision that the child should be placed for adoption
  // (PlacedAdoption DATE_PLACED, AD1 DATE_INT), matched across years by that date.
  auto find = [&](Date decided) -> Record& {
    for (Record& a : ic.want.of(Kind::kAdoption))
      if (a.GetDate("decision_date") == decided) return a;
    Record a = New(Kind::kAdoption, ic);
    a.Set("decision_date", decided);
    if (int64_t p = PeriodOn(ic.want, decided)) a.Set("cla_period_id", p);
    ic.want.of(Kind::kAdoption).push_back(std::move(a));
    return ic.want.of(Kind::kAdoption).back();
  };
  for (const RowRef& rr : placed) {
    Cells c = At(rr);
    auto decided = c.Day("DATE_PLACED", true);
    if (!decided) continue;
    auto ceased = c.Day("DATE_PLACED_CEASED");
    std::string reason = c.Code("REASON_PLACED_CEASED", "reason_placed_ceased", ceased);
    Record& a = find(*decided);
    a.Set("reversed_date", Day(ceased));
    a.Set("reversed_reason", Text(reason));
  }
  for (const RowRef& rr : ad1) {
    Cells c = At(rr);
    auto decided = c.Day("DATE_INT", true);
    if (!decided) continue;
    auto match = c.Day("DATE_MATCH");
    auto foster = c.Flag("FOSTER_CARE");
    auto number = c.Int("NB_ADOPTR", 1, 2);
    std::string sex = c.Code("SEX_ADOPTR", "sex_adoptr", decided);
    std::string ls = c.Code("LS_ADOPTR", "ls_adoptr", decided);
    // The adoption order: the day the episode ended with E11 or E12 (DEC = the order's date).
    std::optional<Date> order;
    for (const Record& e : ic.want.of(Kind::kClaEpisode)) {
      const std::string rec = Str(e, "rec");
      auto dec = e.GetDate("end_date");
      if ((rec == "E11" || rec == "E12") && dec && *dec >= start && *dec <= end) order = dec;
    }
    Record& a = find(*decided);
    a.Set("match_date", Day(match));
    a.Set("foster_carer", Bool(foster));
    a.Set("order_date", Day(order));
    if (a.GetInt("household_id")) continue;  // the adoptive family is already on record
    if (!number && sex.empty() && ls.empty()) continue;
    Record h(Kind::kAdopterHousehold);
    h.id = Placeholder();
    // The return names no family: a reference of our own, and the decision date standing
    // in for the (unknown) enquiry date.
    h.Set("family_ref", "903-" + ic.child.substr(0, 16));
    h.Set("enquiry_date", *decided);
    h.Set("sex_adoptr", Text(sex));
    h.Set("ls_adoptr", Text(ls));
    if (number) h.Set("number_adopters", *number);
    a.Set("household_id", h.id);
    plan.organisation.push_back(std::move(h));
  }
}

void Builder::PrevPerm(ImportChild& ic, const std::vector<RowRef>& rows) {
  if (rows.empty()) return;
  Cells c = At(rows.front());
  Record r = New(Kind::kPreviousPermanence, ic);
  r.Set("prev_perm", Text(c.Code("PREV_PERM", "previous_permanence", end, true)));
  r.Set("la_perm", Text(c["LA_PERM"]));
  r.Set("date_perm", Text(c["DATE_PERM"]));
  if (c["LA_PERM"].size() > 3) c.Bad("LA_PERM", "a 3-digit LA code, or WAL, SCO, NUK or NIR");
  if (c["DATE_PERM"].size() > 10) c.Bad("DATE_PERM", "dd/mm/yyyy, or zz/mm/yyyy when partial");
  // Recorded as of the day the child started to be looked after in the year.
  std::optional<Date> began;
  for (const Record& e : ic.want.of(Kind::kClaEpisode)) {
    auto d = e.GetDate("start_date");
    if (Str(e, "rne") == "S" && d && *d >= start && *d <= end && (!began || *d < *began)) began = d;
  }
  r.Set("recorded_date", Day(began));
  Replace(
      ic.want, Kind::kPreviousPermanence, [](const Record&) { return true; }, {std::move(r)},
      [](const Record&) { return std::string(); });
}

void Builder::Missing(ImportChild& ic, const std::vector<RowRef>& rows) {
  std::vector<Record> fresh;
  for (const RowRef& rr : rows) {
    Cells c = At(rr);
    auto from = c.Day("MIS_START", true);
    auto to = c.Day("MIS_END");
    std::string type = c.Code("MISSING", "missing_type", from, true);
    if (!from) continue;
    if (to && *to < *from) c.Bad("MIS_END", "is before MIS_START");
    Record r = New(Kind::kMissingEpisode, ic);
    r.Set("missing_type", Text(type));
    r.Set("start_at", model::DateTime::FromDateAndMinutes(*from, 0));
    if (to) r.Set("end_at", model::DateTime::FromDateAndMinutes(*to, 0));
    if (int64_t p = PeriodOn(ic.want, *from)) r.Set("cla_period_id", p);
    fresh.push_back(std::move(r));
  }
  Replace(
      ic.want, Kind::kMissingEpisode,
      [&](const Record& r) {
        auto d = DayOf(r, "start_at");
        return d && *d >= start && *d <= end;
      },
      std::move(fresh), [](const Record& r) { return DateKey(r, "start_at"); });
}

// DoLo (2026/27 on) -> deprivation_of_liberty, replacing the child's orders in force in the
// year. A blank DOLO_END is an order continuing past 31 March.
void Builder::DoLo(ImportChild& ic, const std::vector<RowRef>& rows) {
  std::vector<Record> fresh;
  for (const RowRef& rr : rows) {
    Cells c = At(rr);
    auto from = c.Day("DOLO_START", true);
    auto to = c.Day("DOLO_END");
    if (!from) continue;
    if (to && *to < *from) c.Bad("DOLO_END", "is before DOLO_START");
    Record r = New(Kind::kDeprivationOfLiberty, ic);
    r.Set("start_date", *from);
    if (to) r.Set("end_date", *to);
    // Open at 31 March: keep a later end already on record (a later year loaded first).
    if (!to)
      for (const Record& known : ic.want.of(Kind::kDeprivationOfLiberty))
        if (known.GetDate("start_date") == from)
          if (auto e = known.GetDate("end_date"); e && *e > end) r.Set("end_date", *e);
    fresh.push_back(std::move(r));
  }
  Replace(
      ic.want, Kind::kDeprivationOfLiberty,
      [&](const Record& r) {
        auto f = r.GetDate("start_date");
        auto t = r.GetDate("end_date");
        return f && *f <= end && (!t || *t >= start);
      },
      std::move(fresh), [](const Record& r) { return DateKey(r, "start_date"); });
}

void Builder::SocialWorkers(ImportChild& ic, const std::vector<RowRef>& rows) {
  std::vector<Record> fresh;
  for (const RowRef& rr : rows) {
    Cells c = At(rr);
    auto from = c.Day("SW_DECOM", true);
    auto to = c.Day("SW_DEC");
    std::string reason = c.Code("SW_REASON", "sw_reason", from);
    const std::string& sw = c["SW_ID"];
    if (sw.empty() || sw.size() > 10) {
      c.Bad("SW_ID", "a Social Work England number of up to 10 characters is required");
      continue;
    }
    if (!from) continue;
    if (to && *to < *from) c.Bad("SW_DEC", "is before SW_DECOM");
    // The worker, by registration number: one on record, or one this import adds.
    int64_t worker = 0;
    if (auto w = view.worker ? view.worker(sw) : std::nullopt) worker = *w;
    if (!worker) {
      auto it = new_workers.find(sw);
      if (it == new_workers.end()) {
        Record w(Kind::kWorker);
        w.id = Placeholder();
        w.Set("name", "Social worker " + sw);  // the return has no names
        w.Set("role", std::string("SW"));
        w.Set("swe_number", sw);
        w.Set("start_date", *from);
        it = new_workers.emplace(sw, w.id).first;
        plan.organisation.push_back(std::move(w));
      } else {
        for (Record& w : plan.organisation)  // a worker starts with their first allocation
          if (w.id == it->second && w.GetDate("start_date") > from) w.Set("start_date", *from);
      }
      worker = it->second;
    }
    Record r = New(Kind::kAllocation, ic);
    r.Set("worker_id", worker);
    r.Set("role", std::string("SW"));
    r.Set("start_date", *from);
    r.Set("end_date", Day(to));
    r.Set("change_reason", Text(reason));
    fresh.push_back(std::move(r));
  }
  Replace(
      ic.want, Kind::kAllocation,
      [&](const Record& r) {
        auto from = r.GetDate("start_date");
        auto to = r.GetDate("end_date");
        return Str(r, "role") == "SW" && from && *from <= end && (!to || *to >= start);
      },
      std::move(fresh),
      [](const Record& r) {
        return model::ValueToString(r.Get("worker_id")) + DateKey(r, "start_date");
      });
}

void Builder::Mother(ImportChild& ic, const RowRef& header) {
  Cells c = At(header);
  auto mother = c.Flag("MOTHER");
  auto mc_dob = c.Day("MC_DOB");
  if (!mother) {
    if (mc_dob) c.Bad("MC_DOB", "a child's date of birth needs MOTHER 1");
    return;  // not stated: what is on record stands
  }
  if (!*mother) {
    if (mc_dob) c.Bad("MC_DOB", "a child's date of birth needs MOTHER 1");
    Replace(
        ic.want, Kind::kRelationship,
        // Not a mother at 31 March: a child born later (known from a later year) stays.
        [&](const Record& r) {
          auto born = r.GetDate("start_date");
          return Str(r, "relationship") == "CHILD" && (!born || *born <= end);
        },
        {}, [](const Record&) { return std::string(); });
    return;
  }
  for (Record& r : ic.want.of(Kind::kRelationship)) {
    if (Str(r, "relationship") != "CHILD") continue;
    r.Set("start_date", Day(mc_dob));
    return;
  }
  // Her child, as a person of its own: the return names only the birth date.
  Record baby(Kind::kPerson);
  baby.id = Placeholder();
  baby.child_id = baby.id;
  baby.Set("la_child_id", ic.child.substr(0, 17) + "-MC");
  baby.Set("birth_date", Day(mc_dob));
  Record r = New(Kind::kRelationship, ic);
  r.Set("related_person_id", baby.id);
  r.Set("relationship", std::string("CHILD"));
  r.Set("start_date", Day(mc_dob));
  ic.want.of(Kind::kRelationship).push_back(std::move(r));
  ImportChild b;
  b.child = *baby.GetString("la_child_id");
  b.where = ic.where;
  b.want.child_id = baby.id;
  b.want.of(Kind::kPerson).push_back(std::move(baby));
  plan.children.push_back(std::move(b));
}

}  // namespace journey::returns::internal
