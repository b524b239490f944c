// The importer's builder: the person and their periods of care, placements and episodes.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "returns/ssda903_builder.h"

namespace journey::returns {
namespace internal {
namespace {

std::string Str(const Record& r, std::string_view f) { return r.GetString(f).value_or(""); }
model::Value Text(const std::string& s) { return s.empty() ? model::Value{} : model::Value{s}; }
model::Value Day(std::optional<Date> d) { return d ? model::Value{*d} : model::Value{}; }

// An episode as the return describes it, from a row or from the record.
struct Ep {
  Date decom;
  std::optional<Date> dec;
  std::string rne, ls, cin, place, provider, rec, rpc, home, pl_post, urn;
  std::string where;               // the file row, or "" for an episode already on record
  std::optional<RowRef> row;       // the file row
  const Record* old_ep = nullptr;  // the episode on record with this DECOM
  bool SamePlacement(const Ep& o) const {
    return place == o.place && provider == o.provider && urn == o.urn && pl_post == o.pl_post;
  }
};

}  // namespace

Record Builder::New(Kind kind, const ImportChild& ic) {
  Record r(kind);
  r.id = Placeholder();
  r.child_id = ic.want.child_id;
  return r;
}

void Builder::Person(ImportChild& ic, const RowRef& header) {
  Cells c = At(header);
  Record& p = ic.want.of(Kind::kPerson).front();
  auto dob = c.Day("DOB", true);
  p.Set("la_child_id", ic.child);
  p.Set("birth_date", Day(dob));
  if (!c["SEX"].empty()) {
    if (auto sex = spec.FromReturn("SEX", c["SEX"], year)) {
      p.Set("sex", *sex);
    } else {
      c.Bad("SEX", fmt::format("is not a code of SEX in {}/{:02} (allowed: {})", year - 1,
                               year % 100, spec.AllowedIn("SEX", year)));
    }
  } else {
    p.Set("sex", model::Value{});
  }
  p.Set("ethnicity", Text(c.Code("ETHNIC", "ethnicity", end)));
  // UPN holds either a pupil number or the reason there is none (UN1-UN5).
  const std::string& upn = c["UPN"];
  const bool unknown = upn.size() >= 3 && upn.size() <= 4 && upn.rfind("UN", 0) == 0;
  if (unknown) {
    p.Set("upn_unknown", Text(c.Code("UPN", "upn_unknown", end)));
    p.Set("upn", model::Value{});
  } else {
    if (upn.size() > 13) c.Bad("UPN", "a UPN has 13 characters (or UN1-UN5 when unknown)");
    p.Set("upn", Text(upn));
    p.Set("upn_unknown", model::Value{});
  }
}

int64_t Builder::PeriodOn(const ChildRecords& c, Date day) const {
  for (const Record& p : c.of(Kind::kClaPeriod)) {
    auto s = p.GetDate("start_date");
    auto e = p.GetDate("end_date");
    if (s && *s <= day && (!e || day <= *e)) return p.id;
  }
  return 0;
}

void Builder::Episodes(ImportChild& ic, const std::vector<RowRef>& rows) {
  ChildRecords& want = ic.want;
  // The file's episodes.
  std::vector<Ep> eps;
  std::set<Date> decoms;
  for (const RowRef& r : rows) {
    Cells c = At(r);
    auto decom = c.Day("DECOM", true);
    if (!decom) continue;
    if (!decoms.insert(*decom).second) {
      c.Bad("DECOM", fmt::format("child {} has two episodes starting on this day", ic.child));
      continue;
    }
    Ep e;
    e.decom = *decom;
    e.dec = c.Day("DEC");
    e.where = c.Where();
    e.rne = c.Code("RNE", "rne", decom, true);
    e.ls = c.Code("LS", "legal_status", decom, true);
    e.cin = c.Code("CIN", "primary_need", decom);
    // PLACE is checked against its placement's start (below): an episode that only changes
    // the legal status (RNE L) continues a placement that may have begun in an earlier
    // year, under that year's codes.
    e.place = c["PLACE"];
    e.row = r;
    if (e.place.empty()) c.Bad("PLACE", "a placement type is required");
    e.provider = c.Code("PLACE_PROVIDER", "placement_provider", decom);
    e.rec = c.Code("REC", "reason_ceased", e.dec);
    e.rpc = c.Code("REASON_PLACE_CHANGE", "reason_place_change", e.dec);
    e.home = c["HOME_POST"];
    e.pl_post = c["PL_POST"];
    e.urn = c["URN"];
    if (e.dec && *e.dec <= e.decom)
      c.Bad("DEC", "an episode must end after the day it starts (DECOM)");
    if (e.dec && *e.dec > end)
      c.Bad("DEC", fmt::format("is after the end of the collection year ({})", end.ToDmy()));
    if (*decom > end)
      c.Bad("DECOM", fmt::format("is after the end of the collection year ({})", end.ToDmy()));
    if (!e.rec.empty() && !e.dec) c.Bad("REC", "a reason ceased needs DEC");
    if (e.dec && e.rec.empty()) c.Bad("REC", "an episode that ended (DEC) needs REC");
    eps.push_back(std::move(e));
  }
  // Merge with the episodes on record (matched by DECOM). An episode on record that the
  // year covers but the file does not hold is replaced; one outside the year is kept. A
  // file row that leaves DEC blank (open at 31 March) keeps a later end already on record.
  std::map<int64_t, const Record*> old_placements;
  for (const Record& x : want.of(Kind::kPlacement)) old_placements[x.id] = &x;
  std::vector<Record> old_eps = std::move(want.of(Kind::kClaEpisode));
  std::vector<Record> old_periods = std::move(want.of(Kind::kClaPeriod));
  std::vector<Record> old_pls = std::move(want.of(Kind::kPlacement));
  want.of(Kind::kClaEpisode).clear();
  want.of(Kind::kClaPeriod).clear();
  want.of(Kind::kPlacement).clear();
  for (const Record& x : old_eps) {
    auto decom = x.GetDate("start_date");
    auto dec = x.GetDate("end_date");
    auto it = std::find_if(eps.begin(), eps.end(), [&](const Ep& e) { return e.decom == decom; });
    if (it != eps.end()) {
      it->old_ep = &x;
      if (!it->dec && dec && *dec > end) {
        it->dec = dec;
        it->rec = Str(x, "rec");
        it->rpc = Str(x, "reason_place_change");
      }
      continue;
    }
    if (*decom <= end && (!dec || *dec >= start)) {
      ++plan.dropped_episodes;
      continue;
    }
    Ep e;
    e.decom = *decom;
    e.dec = dec;
    e.rne = Str(x, "rne");
    e.ls = Str(x, "legal_status");
    e.cin = Str(x, "cin");
    e.rec = Str(x, "rec");
    e.rpc = Str(x, "reason_place_change");
    e.home = Str(x, "home_postcode");
    if (auto pid = x.GetInt("placement_id"); pid && old_placements.count(*pid)) {
      const Record& pl = *old_placements[*pid];
      e.place = Str(pl, "placement_type");
      e.provider = Str(pl, "provider");
      e.urn = Str(pl, "urn");
      e.pl_post = Str(pl, "postcode");
    }
    e.old_ep = &x;
    eps.push_back(std::move(e));
  }
  std::sort(eps.begin(), eps.end(), [](const Ep& a, const Ep& b) { return a.decom < b.decom; });

  // Periods of care: a new one at RNE S (or where the history on record begins); every
  // other episode continues the one before, which must end that day with REC X1.
  auto where = [&](const Ep& e) { return e.where.empty() ? ic.where + " (on record)" : e.where; };
  std::vector<std::vector<const Ep*>> periods;
  std::vector<bool> began_earlier;
  for (size_t i = 0; i < eps.size(); ++i) {
    const Ep& e = eps[i];
    const Ep* prev = i ? &eps[i - 1] : nullptr;
    const bool prev_continues = prev && prev->rec == "X1";
    if (e.rne == "S" || !prev) {
      if (prev && prev_continues)
        Problem(where(e), fmt::format("child {}: the episode starting {} has RNE S, but the one "
                                      "before (DECOM {}) ended with REC X1, which says the same "
                                      "period of care goes on",
                                      ic.child, e.decom.ToDmy(), prev->decom.ToDmy()));
      if (prev && !prev->dec)
        Problem(where(e), fmt::format("child {}: the episode starting {} starts a new period of "
                                      "care, but the one before (DECOM {}) has no DEC",
                                      ic.child, e.decom.ToDmy(), prev->decom.ToDmy()));
      periods.push_back({&e});
      began_earlier.push_back(e.rne != "S");
      continue;
    }
    if (!prev->dec || *prev->dec != e.decom || !prev_continues) {
      Problem(where(e),
              fmt::format("child {}: the episode starting {} has RNE {}, so it continues the one "
                          "before (DECOM {}), which must end that day with REC X1 (it has DEC "
                          "\"{}\", REC \"{}\")",
                          ic.child, e.decom.ToDmy(), e.rne, prev->decom.ToDmy(),
                          prev->dec ? prev->dec->ToDmy() : "", prev->rec));
    }
    periods.back().push_back(&e);
  }

  // Records, reusing the ids of those on record with the same start.
  auto reuse = [](const std::vector<Record>& olds, std::optional<Date> start_date) {
    for (const Record& o : olds)
      if (o.GetDate("start_date") == start_date) return &o;
    return static_cast<const Record*>(nullptr);
  };
  std::set<int64_t> used_placements;
  for (size_t p = 0; p < periods.size(); ++p) {
    const auto& pe = periods[p];
    Record period = New(Kind::kClaPeriod, ic);
    if (const Record* o = reuse(old_periods, pe.front()->decom)) period = *o;
    period.Set("start_date", pe.front()->decom);
    period.Set("end_date", Day(pe.back()->dec));
    period.Set("began_earlier", began_earlier[p] ? model::Value{true} : model::Value{});
    Record* placement = nullptr;
    for (size_t i = 0; i < pe.size(); ++i) {
      const Ep& e = *pe[i];
      // A new placement unless only the legal status changed (RNE L) and the placement's
      // details are the same.
      const bool same = i > 0 && e.rne == "L" && e.SamePlacement(*pe[i - 1]);
      if (!same) {
        // The first episode on record of a period that began earlier may continue a
        // placement of an earlier year: its code need only exist.
        const bool continues = i == 0 && began_earlier[p] && e.rne == "L";
        if (e.row)
          (void)At(*e.row).Code("PLACE", "placement_type",
                                continues ? std::nullopt : std::optional<Date>(e.decom), true);
        Record pl = New(Kind::kPlacement, ic);
        if (e.old_ep)
          if (auto pid = e.old_ep->GetInt("placement_id"); pid && old_placements.count(*pid))
            pl = *old_placements[*pid];
        if (const Record* o = reuse(old_pls, e.decom); o && pl.id < 0) pl = *o;
        if (pl.id > 0 && !used_placements.insert(pl.id).second) {  // split from one on record
          pl.id = Placeholder();
          pl.version = 0;
        }
        pl.Set("cla_period_id", period.id);
        pl.Set("start_date", e.decom);
        pl.Set("placement_type", Text(e.place));
        pl.Set("provider", Text(e.provider));
        pl.Set("urn", Text(e.urn));
        pl.Set("postcode", Text(e.pl_post));
        want.of(Kind::kPlacement).push_back(std::move(pl));
        placement = &want.of(Kind::kPlacement).back();
      }
      placement->Set("end_date", Day(e.dec));
      placement->Set("change_reason", Text(e.rpc));
      Record ep = e.old_ep ? *e.old_ep : New(Kind::kClaEpisode, ic);
      ep.Set("cla_period_id", period.id);
      ep.Set("placement_id", placement->id);
      ep.Set("start_date", e.decom);
      ep.Set("rne", Text(e.rne));
      ep.Set("legal_status", Text(e.ls));
      ep.Set("cin", Text(e.cin));
      ep.Set("end_date", Day(e.dec));
      ep.Set("rec", Text(e.rec));
      ep.Set("reason_place_change", Text(e.rpc));
      ep.Set("home_postcode", Text(e.home));
      want.of(Kind::kClaEpisode).push_back(std::move(ep));
    }
    want.of(Kind::kClaPeriod).push_back(std::move(period));
  }
}

void Builder::Repoint(ImportChild& ic) {
  std::set<int64_t> periods;
  for (const Record& p : ic.want.of(Kind::kClaPeriod)) periods.insert(p.id);
  for (const model::KindDef& d : model::AllKinds()) {
    if (d.kind == Kind::kPlacement || d.kind == Kind::kClaEpisode) continue;
    for (size_t f = 0; f < d.fields.size(); ++f) {
      if (d.fields[f].ref_kind != Kind::kClaPeriod) continue;
      for (Record& r : ic.want.of(d.kind)) {
        auto id = r.GetInt(d.fields[f].name);
        if (!id || periods.count(*id)) continue;
        const model::Value& dv = d.date_index >= 0 ? r.Get(d.date_index) : model::Value{};
        std::optional<Date> day;
        if (auto* x = std::get_if<Date>(&dv)) day = *x;
        if (auto* x = std::get_if<model::DateTime>(&dv)) day = x->date();
        const int64_t now = day ? PeriodOn(ic.want, *day) : 0;
        if (now) {
          r.Set(static_cast<int>(f), now);
        } else if (d.fields[f].required) {
          Problem(ic.where, fmt::format("child {}: the {} on {} would fall in no period of care "
                                        "once the return's episodes are loaded",
                                        ic.child, d.name, day ? day->ToDmy() : "?"));
        } else {
          r.Set(static_cast<int>(f), model::Value{});
        }
      }
    }
  }
}

void Builder::Replace(ChildRecords& c, Kind kind,
                      const std::function<bool(const Record&)>& in_scope, std::vector<Record> fresh,
                      const std::function<std::string(const Record&)>& key) {
  std::vector<Record> kept, old;
  for (Record& r : c.of(kind)) (in_scope(r) ? old : kept).push_back(std::move(r));
  std::vector<bool> used(old.size());
  for (Record& f : fresh) {
    const std::string k = key(f);
    for (size_t i = 0; i < old.size(); ++i) {
      if (!used[i] && key(old[i]) == k) {
        used[i] = true;
        f.id = old[i].id;
        break;
      }
    }
    kept.push_back(std::move(f));
  }
  c.of(kind) = std::move(kept);
}

void Builder::Child(const std::string& child, std::map<std::string, std::vector<RowRef>>& rows) {
  ImportChild ic;
  ic.child = child;
  auto& header = rows["Header"];
  if (header.empty()) {
    for (const auto& [table, rs] : rows) {
      if (rs.empty()) continue;
      Cells c = At(rs.front());
      c.Bad("CHILD", fmt::format("child {} is in {} but not in the Header table", child, table));
      return;
    }
    return;
  }
  if (header.size() > 1) {
    At(header[1]).Bad("CHILD", fmt::format("child {} has more than one Header row", child));
    return;
  }
  ic.where = At(header.front()).Where();
  if (auto have = view.child ? view.child(child) : std::nullopt) {
    ic.have = *have;
    ic.want = *have;
  } else {
    Record p(Kind::kPerson);
    p.id = Placeholder();
    p.child_id = p.id;
    ic.want.child_id = p.id;
    ic.want.of(Kind::kPerson).push_back(std::move(p));
  }
  Person(ic, header.front());
  Episodes(ic, rows["Episodes"]);
  Repoint(ic);
  Reviews(ic, rows["Reviews"]);
  Uasc(ic, rows["UASC"]);
  Oc2(ic, rows["OC2"]);
  Oc3(ic, rows["OC3"]);
  Adoption(ic, rows["AD1"], rows["PlacedAdoption"]);
  PrevPerm(ic, rows["PrevPerm"]);
  Missing(ic, rows["Missing"]);
  DoLo(ic, rows["DoLo"]);
  SocialWorkers(ic, rows["SWEpisodes"]);
  Mother(ic, header.front());
  plan.children.push_back(std::move(ic));
}

}  // namespace internal

ImportPlan BuildImport(const Read903& read, int year, const StoreView& view,
                       const Ssda903Spec& spec) {
  ImportPlan plan;
  plan.problems = read.problems;
  internal::Builder b{
      year, CollectionYearStart(year), CollectionYearEnd(year), spec, view, plan, -1, {}};
  // Rows by child, then by table (std::map: children in CHILD order, so ids are stable).
  std::map<std::string, std::map<std::string, std::vector<internal::RowRef>>> by_child;
  for (const ReadTable& t : read.tables) {
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const std::string& child = t.rows[i][0];
      if (child.empty() || child.size() > 20) {
        Cells(t, i, plan.problems).Bad("CHILD", "a child's identifier has 1 to 20 characters");
        continue;
      }
      by_child[child][t.spec->name].push_back(internal::RowRef{&t, i});
    }
  }
  for (auto& [child, rows] : by_child) b.Child(child, rows);
  return plan;
}

}  // namespace journey::returns
