// SSDA903 rules on legal statuses and placements over time: the short orders the Children
// Act 1989 limits (police protection, EPO, child assessment order, PACE detention), respite
// (V3) and temporary placements (T0-T4). Sources: the DfE's SSDA903 validation rules
// (lac2022_23 onwards) as implemented by lac_validator (DATA-SPECS.md §12), rule by rule;
// messages in our words. A duration is DEC - DECOM in days; an episode still open counts
// to 31 March, as in lac_validator.
#include <fmt/format.h>

#include <algorithm>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

// An episode's end for durations: DEC, or 31 March while it is open.
std::optional<Date> EndOrYearEnd(const RuleContext& ctx, const ReadTable& t, size_t i) {
  if (t.Get(i, "DEC").empty()) return ctx.end();
  return ctx.DateAt(t, i, "DEC");
}

// A legal status that may last at most `max_days`: each run of a child's episodes under
// `ls`, each starting the day the one before ended, from its first DECOM to its last DEC
// (31 March while open). Every episode of a run that is too long is a finding.
// (lac_validator groups the runs slightly differently, through the next episode of any
// status; a run here is only the same status without a break.)
Rule StatusLimit(std::string code, std::string ls, int max_days, std::string what,
                 std::string source) {
  Rule r{code, Severity::kError,
         fmt::format("Episodes: {} ({}) lasts at most {} days", what, ls, max_days),
         std::move(source), nullptr};
  r.check = [ls, max_days, what](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      std::vector<size_t> run;
      std::optional<Date> run_start, run_end;
      auto close = [&] {
        if (!run.empty() && run_start && run_end && *run_end - *run_start > max_days)
          for (size_t e : run)
            ctx.Find(
                self, *t, e, "LS",
                fmt::format("{} ({}) from {} to {} is {} days; the law allows {}", what, ls,
                            run_start->ToDmy(), run_end->ToDmy(), *run_end - *run_start, max_days));
        run.clear();
      };
      for (size_t e : child->episodes) {
        auto decom = ctx.DateAt(*t, e, "DECOM");
        if (!decom || t->Get(e, "LS") != ls) {
          close();
          continue;
        }
        if (run.empty() || !run_end || *decom != *run_end) {
          close();
          run_start = decom;
        }
        run.push_back(e);
        run_end = EndOrYearEnd(ctx, *t, e);
      }
      close();
    }
  };
  return r;
}

// 361: police protection (L1) lasts at most 72 hours (Children Act 1989 s46(6)).
Rule Rule361() {
  return StatusLimit("361", "L1", 3, "police protection", "DfE 903 rule 361; CA 1989 s46(6)");
}
// 362: an emergency protection order (L2) lasts at most 21 days (8 days, extended once by 7;
// the DfE allows 21).
Rule Rule362() {
  return StatusLimit("362", "L2", 21, "an emergency protection order",
                     "DfE 903 rule 362; CA 1989 s45");
}
// 363: a child assessment order (L3) lasts at most 7 days.
Rule Rule363() {
  return StatusLimit("363", "L3", 7, "a child assessment order",
                     "DfE 903 rule 363; CA 1989 s43(5)");
}
// 364: detention in council accommodation under PACE (J2) lasts at most 21 days.
Rule Rule364() {
  return StatusLimit("364", "J2", 21, "PACE detention", "DfE 903 rule 364; PACE 1984 s41-46");
}

// 365: one respite stay (V3) lasts at most 17 days.
Rule Rule365() {
  return RowRule("365", Severity::kError, "Episodes", "DEC",
                 "Episodes: a respite stay (V3) lasts at most 17 days", "DfE 903 rule 365",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "LS") != "V3") return "";
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   auto end = EndOrYearEnd(ctx, t, i);
                   if (!decom || !end || *end - *decom <= 17) return "";
                   return fmt::format(
                       "makes the respite stay (V3) {} days long{}; one stay is "
                       "at most 17 days",
                       *end - *decom, t.Get(i, "DEC").empty() ? " to 31 March" : "");
                 });
}

// 366: a respite stay (V3) is one episode: it begins with RNE S (no change of placement
// during a short break).
Rule Rule366() {
  return RowRule("366", Severity::kError, "Episodes", "RNE",
                 "Episodes: a respite (V3) episode begins with RNE S", "DfE 903 rule 366",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "LS") != "V3" || t.Get(i, "RNE") == "S") return "";
                   return "must be S for a respite stay (LS V3): a child does not change "
                          "placement during a short break";
                 });
}

// 367: respite (V3) totals at most 75 days in the collection year (each stay counted from
// 1 April at the earliest to 31 March at the latest).
Rule Rule367() {
  Rule r{"367", Severity::kError, "Episodes: respite (V3) totals at most 75 days in the year",
         "DfE 903 rule 367", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      std::vector<size_t> stays;
      int total = 0;
      for (size_t e : ctx.RowsOf(*t, *child)) {
        if (t->Get(e, "LS") != "V3") continue;
        auto decom = ctx.DateAt(*t, e, "DECOM");
        auto end = EndOrYearEnd(ctx, *t, e);
        if (!decom || !end) continue;
        const int days = std::min(*end, ctx.end()) - std::max(*decom, ctx.start());
        if (days <= 0) continue;
        stays.push_back(e);
        total += days;
      }
      if (total > 75)
        for (size_t e : stays)
          ctx.Find(self, *t, e, "LS",
                   fmt::format("the child's respite stays (V3) total {} days in the year; at "
                               "most 75 are allowed",
                               total));
    }
  };
  return r;
}

// A temporary placement `place` lasts at most `max_days` (DEC - DECOM, when both given).
Rule TemporaryLimit(std::string code, std::string place, int max_days, std::string what) {
  return RowRule(code, Severity::kError, "Episodes", "DEC",
                 fmt::format("Episodes: {} ({}) lasts at most {} days", what, place, max_days),
                 "DfE 903 rule " + code,
                 [=](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "PLACE") != place) return "";
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   auto dec = ctx.DateAt(t, i, "DEC");
                   if (!decom || !dec || *dec - *decom <= max_days) return "";
                   return fmt::format("makes {} ({}) {} days long; at most {} are allowed", what,
                                      place, *dec - *decom, max_days);
                 });
}
// 375: a temporary placement for hospitalisation (T1) lasts at most six weeks.
Rule Rule375() { return TemporaryLimit("375", "T1", 42, "a temporary stay in hospital"); }
// 376: a temporary placement during the foster carers' holiday (T3) lasts at most 3 weeks.
Rule Rule376() {
  return TemporaryLimit("376", "T3", 21, "a temporary placement for the carers' holiday");
}
// 379: a temporary placement for another reason (T4) lasts at most 7 days.
Rule Rule379() { return TemporaryLimit("379", "T4", 7, "a temporary placement"); }

// 377: at most two temporary placements for the foster carers' holiday (T3) in the year;
// each of a child's T3 episodes is a finding when there are more.
Rule Rule377() {
  Rule r{"377", Severity::kError, "Episodes: at most two T3 placements in the year",
         "DfE 903 rule 377", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      std::vector<size_t> t3;
      for (size_t e : ctx.RowsOf(*t, *child))
        if (t->Get(e, "PLACE") == "T3") t3.push_back(e);
      if (t3.size() > 2)
        for (size_t e : t3)
          ctx.Find(self, *t, e, "PLACE",
                   fmt::format("is one of {} temporary placements for the foster carers' "
                               "holiday (T3) in the year; at most two are allowed",
                               t3.size()));
    }
  };
  return r;
}

// 378: a child placed with parents (P1) is not accommodated under a single period of
// section 20 accommodation (V2).
Rule Rule378() {
  return RowRule("378", Severity::kError, "Episodes", "PLACE",
                 "Episodes: no placement with parents (P1) under V2", "DfE 903 rule 378",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "PLACE") != "P1" || t.Get(i, "LS") != "V2") return "";
                   return "is placement with parents (P1), which a child accommodated under "
                          "section 20 (LS V2) cannot have";
                 });
}

// 380: a period of care does not begin with a temporary placement: a T0-T4 episode begins
// with a change of placement (RNE P or B).
Rule Rule380() {
  return RowRule("380", Severity::kError, "Episodes", "RNE",
                 "Episodes: a temporary placement begins with RNE P or B", "DfE 903 rule 380",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (!TemporaryPlacement(t.Get(i, "PLACE"))) return "";
                   const std::string& rne = t.Get(i, "RNE");
                   if (rne == "P" || rne == "B") return "";
                   return fmt::format(
                       "must be P or B for a temporary placement ({}): care does "
                       "not begin with one, nor does only the legal status change",
                       t.Get(i, "PLACE"));
                 });
}

// 381: a period of care does not end in a temporary placement: a T0-T4 episode that ends
// has REC X1.
Rule Rule381() {
  return RowRule("381", Severity::kError, "Episodes", "REC",
                 "Episodes: a temporary placement ends with REC X1", "DfE 903 rule 381",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (!TemporaryPlacement(t.Get(i, "PLACE"))) return "";
                   const std::string& rec = t.Get(i, "REC");
                   if (rec.empty() || rec == "X1") return "";
                   return fmt::format(
                       "must be X1 for a temporary placement ({}): care does not "
                       "end in one",
                       t.Get(i, "PLACE"));
                 });
}

// 384: a child on respite (V3, V4) is not in a long-term foster placement (U1, U4).
Rule Rule384() {
  return RowRule("384", Severity::kError, "Episodes", "PLACE",
                 "Episodes: no long-term fostering (U1, U4) under V3/V4", "DfE 903 rule 384",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& ls = t.Get(i, "LS");
                   const std::string& p = t.Get(i, "PLACE");
                   if ((ls != "V3" && ls != "V4") || (p != "U1" && p != "U4")) return "";
                   return fmt::format(
                       "is long-term fostering ({}), which a child on respite "
                       "(LS {}) cannot have",
                       p, ls);
                 });
}

// 390: an adoption (REC E11, E12) ends a placement for adoption (A3-A6).
Rule Rule390() {
  return RowRule("390", Severity::kError, "Episodes", "PLACE",
                 "Episodes: an adoption (E11, E12) ends an A3-A6 placement", "DfE 903 rule 390",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& rec = t.Get(i, "REC");
                   if (rec != "E11" && rec != "E12") return "";
                   const std::string& p = t.Get(i, "PLACE");
                   if (p == "A3" || p == "A4" || p == "A5" || p == "A6") return "";
                   return fmt::format(
                       "is {}, but the episode ends in adoption ({}): the child "
                       "must have been placed for adoption (A3-A6)",
                       p.empty() ? "blank" : p, rec);
                 });
}

// 398: no postcodes (so no distance) for a child on respite (V3, V4).
Rule Rule398() {
  return RowRule("398", Severity::kError, "Episodes", "HOME_POST",
                 "Episodes: HOME_POST and PL_POST blank under V3/V4", "DfE 903 rule 398",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& ls = t.Get(i, "LS");
                   if (ls != "V3" && ls != "V4") return "";
                   if (t.Get(i, "HOME_POST").empty() && t.Get(i, "PL_POST").empty()) return "";
                   return fmt::format(
                       "HOME_POST and PL_POST must be blank for respite (LS {}): "
                       "no placement distance is collected for short breaks",
                       ls);
                 });
}

// 382: a child on respite (V3, V4) is not in a temporary placement (T0-T4).
Rule Rule382() {
  return RowRule("382", Severity::kError, "Episodes", "PLACE",
                 "Episodes: no temporary placement (T0-T4) under V3/V4", "DfE 903 rule 382",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& ls = t.Get(i, "LS");
                   if ((ls != "V3" && ls != "V4") || !TemporaryPlacement(t.Get(i, "PLACE")))
                     return "";
                   return fmt::format(
                       "is a temporary placement ({}), which a child on respite (LS {}) cannot "
                       "have",
                       t.Get(i, "PLACE"), ls);
                 });
}

// 408: a placement for adoption with a placement order (A5, A6) is under a placement order
// (LS E1).
Rule Rule408() {
  return RowRule("408", Severity::kError, "Episodes", "LS",
                 "Episodes: A5/A6 placements under a placement order (E1)", "DfE 903 rule 408",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& p = t.Get(i, "PLACE");
                   if ((p != "A5" && p != "A6") || t.Get(i, "LS") == "E1") return "";
                   return fmt::format(
                       "must be E1 (placement order): PLACE {} is a placement for adoption with a "
                       "placement order",
                       p);
                 });
}

// 426: a child on respite has one respite status in the year: not both V3 and V4. Each of
// the child's V3 and V4 episodes is a finding.
Rule Rule426() {
  Rule r{"426", Severity::kError, "Episodes: not both V3 and V4 for one child", "DfE 903 rule 426",
         nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> rows = ctx.RowsOf(*t, *child);
      bool v3 = false, v4 = false;
      for (size_t e : rows) {
        v3 |= t->Get(e, "LS") == "V3";
        v4 |= t->Get(e, "LS") == "V4";
      }
      if (!v3 || !v4) continue;
      for (size_t e : rows) {
        const std::string& ls = t->Get(e, "LS");
        if (ls == "V3" || ls == "V4")
          ctx.Find(self, *t, e, "LS",
                   "the child has both V3 (single short breaks) and V4 (a series of short "
                   "breaks) episodes in the year; one respite status applies");
      }
    }
  };
  return r;
}

// 383: after a temporary placement (T0-T4) between two episodes the child returns to the
// usual placement: the next episode changes placement (RNE P) back to the PLACE before.
Rule Rule383() {
  Rule r{"383", Severity::kError, "Episodes: back to the usual placement after a temporary one",
         "DfE 903 rule 383", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> eps = child->dated;
      for (size_t k = 1; k + 1 < eps.size(); ++k) {
        const size_t before = eps[k - 1], temp = eps[k], after = eps[k + 1];
        if (!TemporaryPlacement(t->Get(temp, "PLACE"))) continue;
        const std::string& usual = t->Get(before, "PLACE");
        if (t->Get(after, "RNE") == "P" && t->Get(after, "PLACE") == usual) continue;
        ctx.Find(self, *t, temp, "PLACE",
                 fmt::format("is a temporary placement, but the next episode (line {}) does not "
                             "return the child to the placement before it ({}) with RNE P",
                             t->lines[after], usual.empty() ? "blank" : usual));
      }
    }
  };
  return r;
}

}  // namespace

std::vector<RuleEntry> PlacementRules() {
  return {{Rule361, 2023}, {Rule362, 2023}, {Rule363, 2023}, {Rule364, 2023}, {Rule365, 2023},
          {Rule366, 2023}, {Rule367, 2023}, {Rule375, 2023}, {Rule376, 2023}, {Rule377, 2023},
          {Rule378, 2023}, {Rule379, 2023}, {Rule380, 2023}, {Rule381, 2023}, {Rule384, 2023},
          {Rule390, 2023}, {Rule398, 2023}, {Rule382, 2023}, {Rule383, 2023}, {Rule408, 2023},
          {Rule426, 2023}};
}

}  // namespace journey::returns
