// SSDA903 rules on the dates of episodes: inside the collection year, in order, at ages the
// law allows, and chained (an episode ending X1 is followed the same day by the next).
// Sources: the DfE's SSDA903 validation rules (lac2022_23 onwards) as implemented by
// lac_validator (DATA-SPECS.md §12), rule by rule; messages in our words. Ages are whole
// birthdays: DOB + N years (29 February births reach their birthday on 28 February, as
// Date::AddYears and pandas' DateOffset both do).
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

// The child's Nth birthday, when the Header gives a readable DOB.
std::optional<Date> Birthday(const RuleContext& ctx, const ReadTable& t, size_t i, int years) {
  const std::optional<Date>& dob = ctx.ChildOf(t, i).dob;
  if (!dob) return std::nullopt;
  return dob->AddYears(years);
}

// 351: a child in the return was not over 21 when the collection year began (1 April is
// after the 21st birthday).
Rule Rule351() {
  return RowRule("351", Severity::kError, "Header", "DOB",
                 "Header: the child was not over 21 on 1 April", "DfE 903 rule 351",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto dob = ctx.DateAt(t, i, "DOB");
                   if (!dob || ctx.start() <= dob->AddYears(21)) return "";
                   return fmt::format(
                       "makes the child over 21 on {}; young people over 21 "
                       "are not in the return",
                       ctx.start().ToDmy());
                 });
}

// 352: care does not begin (RNE S) on or after the child's 18th birthday.
Rule Rule352() {
  return RowRule("352", Severity::kError, "Episodes", "DECOM",
                 "Episodes: care does not start (RNE S) at 18 or over", "DfE 903 rule 352",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "RNE") != "S") return "";
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   auto b18 = Birthday(ctx, t, i, 18);
                   if (!decom || !b18 || *decom < *b18) return "";
                   return fmt::format(
                       "starts a period of care (RNE S) on or after the child's "
                       "18th birthday ({})",
                       b18->ToDmy());
                 });
}

// 354 (DECOM) and 385 (DEC): not after 31 March of the collection year.
Rule Rule354() { return NotAfterTheYear("354", "Episodes", "DECOM"); }
Rule Rule385() { return NotAfterTheYear("385", "Episodes", "DEC"); }

// 355: an episode lasts at least a day (DEC is not the same date as DECOM).
Rule Rule355() { return NotTheSameDay("355", "Episodes", "DECOM", "DEC", "the episode"); }

// 356: DEC is not before DECOM.
Rule Rule356() {
  return RowRule("356", Severity::kError, "Episodes", "DEC", "Episodes: DEC not before DECOM",
                 "DfE 903 rule 356",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   auto dec = ctx.DateAt(t, i, "DEC");
                   if (!decom || !dec || *dec >= *decom) return "";
                   return fmt::format("is before the episode began ({})", decom->ToDmy());
                 });
}

// 357: a child's first episode, when it begins in the collection year, starts a period of
// care (RNE S). A first episode from before 1 April is the previous returns' business.
Rule Rule357() {
  Rule r{"357", Severity::kError, "Episodes: the child's first episode has RNE S",
         "DfE 903 rule 357", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const size_t first = child->episodes.front();
      auto decom = ctx.DateAt(*t, first, "DECOM");
      if (!decom || *decom < ctx.start() || t->Get(first, "RNE") == "S") continue;
      ctx.Find(self, *t, first, "RNE",
               "is the child's first episode, so it starts a period of care: RNE must be S "
               "(or an earlier episode is missing from the file)");
    }
  };
  return r;
}

// 358: a child under a youth justice legal status (J1, J2, J3) is over 10 when it begins.
Rule Rule358() {
  return RowRule("358", Severity::kError, "Episodes", "LS",
                 "Episodes: J1-J3 only for a child over 10", "DfE 903 rule 358",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const std::string& ls = t.Get(i, "LS");
                   if (ls != "J1" && ls != "J2" && ls != "J3") return "";
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   auto b10 = Birthday(ctx, t, i, 10);
                   if (!decom || !b10 || *decom > *b10) return "";
                   return fmt::format(
                       "{} is for a child over 10; this episode begins on or "
                       "before the 10th birthday ({})",
                       ls, b10->ToDmy());
                 });
}

// 359: a young person still looked after at 31 March who turned 18 before it is
// accommodated under section 20(5) (V2) in a community home (K2).
Rule Rule359() {
  return RowRule("359", Severity::kError, "Episodes", "LS",
                 "Episodes: over 18 and still looked after only under V2 in K2",
                 "DfE 903 rule 359; Children Act 1989 s20(5)",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (!t.Get(i, "DEC").empty()) return "";
                   if (t.Get(i, "LS") == "V2" && t.Get(i, "PLACE") == "K2") return "";
                   auto b18 = Birthday(ctx, t, i, 18);
                   if (!b18 || *b18 >= ctx.end()) return "";
                   return fmt::format(
                       "the young person turned 18 on {} and is still looked "
                       "after: that is only under section 20(5) (LS V2) in a "
                       "community home (PLACE K2)",
                       b18->ToDmy());
                 });
}

// 386: an adoption (REC E11, E12) is before the 18th birthday.
Rule Rule386() {
  return RowRule("386", Severity::kError, "Episodes", "REC",
                 "Episodes: adopted (E11, E12) before 18", "DfE 903 rule 386",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const std::string& rec = t.Get(i, "REC");
                   if (rec != "E11" && rec != "E12") return "";
                   auto dec = ctx.DateAt(t, i, "DEC");
                   auto b18 = Birthday(ctx, t, i, 18);
                   if (!dec || !b18 || *dec < *b18) return "";
                   return fmt::format(
                       "says the child was adopted, but the episode ended on or "
                       "after the 18th birthday ({})",
                       b18->ToDmy());
                 });
}

// 387: a move to independent living (REC E5, E6) is on or after the 14th birthday.
Rule Rule387() {
  return RowRule("387", Severity::kError, "Episodes", "REC",
                 "Episodes: independent living (E5, E6) only from 14", "DfE 903 rule 387",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const std::string& rec = t.Get(i, "REC");
                   if (rec != "E5" && rec != "E6") return "";
                   auto dec = ctx.DateAt(t, i, "DEC");
                   auto b14 = Birthday(ctx, t, i, 14);
                   if (!dec || !b14 || *dec >= *b14) return "";
                   return fmt::format(
                       "says the child moved to independent living, but the "
                       "child was under 14 (14th birthday {})",
                       b14->ToDmy());
                 });
}

// 389: a transfer to adult social care (REC E7) is on or after the 16th birthday.
Rule Rule389() {
  return RowRule("389", Severity::kError, "Episodes", "REC",
                 "Episodes: transfer to adult social care (E7) only from 16", "DfE 903 rule 389",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "REC") != "E7") return "";
                   auto dec = ctx.DateAt(t, i, "DEC");
                   auto b16 = Birthday(ctx, t, i, 16);
                   if (!dec || !b16 || *dec >= *b16) return "";
                   return fmt::format(
                       "says care passed to adult social care (E7), but the child "
                       "was under 16 (16th birthday {})",
                       b16->ToDmy());
                 });
}

// 388: REC X1 (a new episode begins) is used exactly when the next episode begins the day
// this one ends: an X1 episode with a later one starting another day, an episode ending
// another way on the day the next begins, and a child's last episode ending X1 are each a
// finding. Episodes are taken in DECOM order; unreadable DECOMs are left to rule 141.
Rule Rule388() {
  Rule r{"388", Severity::kError, "Episodes: X1 exactly when the next episode begins that day",
         "DfE 903 rule 388", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("Episodes");
    if (!t) return;
    for (const Child903* child : ctx.ChildrenOf(*t)) {
      const std::span<const size_t> eps = child->dated;
      for (size_t k = 0; k < eps.size(); ++k) {
        const size_t e = eps[k];
        auto dec = ctx.DateAt(*t, e, "DEC");
        const std::string& rec = t->Get(e, "REC");
        if (!dec || rec.empty()) continue;
        if (k + 1 == eps.size()) {
          if (rec == "X1")
            ctx.Find(self, *t, e, "REC",
                     "is X1 (a new episode begins), but no later episode follows; give the "
                     "reason the child left care");
          continue;
        }
        const Date next = *ctx.DateAt(*t, eps[k + 1], "DECOM");
        if (rec == "X1" && *dec != next)
          ctx.Find(self, *t, e, "REC",
                   fmt::format("is X1, but the next episode begins on {}, not the day this one "
                               "ends ({})",
                               next.ToDmy(), dec->ToDmy()));
        else if (rec != "X1" && *dec == next)
          ctx.Find(self, *t, e, "REC",
                   fmt::format("says the child left care, but the next episode begins the same "
                               "day ({}): the reason must be X1",
                               next.ToDmy()));
      }
    }
  };
  return r;
}

// 353: no episode begins before 14 October 1991, when the Children Act 1989 came into force.
Rule Rule353() {
  return RowRule("353", Severity::kError, "Episodes", "DECOM",
                 "Episodes: DECOM not before 14 October 1991", "DfE 903 rule 353; CA 1989",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   if (!decom || *decom >= Date::FromYmd(1991, 10, 14)) return "";
                   return "is before 14/10/1991, when the Children Act 1989 came into force";
                 });
}

// 407: care does not end in a special guardianship order (REC E45-E48) after the child's
// 18th birthday (an order is for a child under 18).
Rule Rule407() {
  return RowRule("407", Severity::kError, "Episodes", "REC",
                 "Episodes: special guardianship (E45-E48) only before 18", "DfE 903 rule 407",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const std::string& rec = t.Get(i, "REC");
                   if (rec != "E45" && rec != "E46" && rec != "E47" && rec != "E48") return "";
                   auto dec = ctx.DateAt(t, i, "DEC");
                   auto b18 = Birthday(ctx, t, i, 18);
                   if (!dec || !b18 || *dec <= *b18) return "";
                   return fmt::format(
                       "is a special guardianship order ({}), but the episode ended after the "
                       "child's 18th birthday ({})",
                       rec, b18->ToDmy());
                 });
}

// 460: staying with the foster carers at 18 (REC E17) is on or after the 18th birthday.
Rule Rule460() {
  return RowRule("460", Severity::kError, "Episodes", "REC",
                 "Episodes: staying with the carers at 18 (E17) only from 18", "DfE 903 rule 460",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "REC") != "E17") return "";
                   auto dec = ctx.DateAt(t, i, "DEC");
                   auto b18 = Birthday(ctx, t, i, 18);
                   if (!dec || !b18 || *dec >= *b18) return "";
                   return fmt::format(
                       "is E17 (stayed with the carers at 18), but the episode ended before the "
                       "child's 18th birthday ({})",
                       b18->ToDmy());
                 });
}

// A placement `place` begins on or after the child's `years`th birthday (Header DOB).
Rule PlacedFromAge(std::string code, std::string place, int years, std::string what) {
  return RowRule(code, Severity::kError, "Episodes", "DECOM",
                 fmt::format("Episodes: {} ({}) only from {}", what, place, years),
                 "DfE 903 rule " + code,
                 [=](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "PLACE") != place) return "";
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   auto birthday = Birthday(ctx, t, i, years);
                   if (!decom || !birthday || *decom >= *birthday) return "";
                   return fmt::format(
                       "begins {} ({}) before the child's {}th birthday ({}); it is for children "
                       "{} or over",
                       what, place, years, birthday->ToDmy(), years);
                 });
}
// 372: youth custody or prison (R5) from 10.
Rule Rule372() { return PlacedFromAge("372", "R5", 10, "youth custody or prison"); }
// 373: a residential school (S1) from 4.
Rule Rule373() { return PlacedFromAge("373", "S1", 4, "a residential school"); }
// 374: residential employment (P3) from 14.
Rule Rule374() { return PlacedFromAge("374", "P3", 14, "residential employment"); }

}  // namespace

std::vector<RuleEntry> EpisodeDateRules() {
  return {{Rule351, 2023}, {Rule352, 2023}, {Rule354, 2023}, {Rule355, 2023}, {Rule356, 2023},
          {Rule357, 2023}, {Rule358, 2023}, {Rule359, 2023}, {Rule385, 2023}, {Rule386, 2023},
          {Rule387, 2023}, {Rule388, 2023}, {Rule389, 2023}, {Rule353, 2023}, {Rule372, 2023},
          {Rule373, 2023}, {Rule374, 2023}, {Rule407, 2023}, {Rule460, 2023}};
}

}  // namespace journey::returns
