// SSDA903 rules on what changes between one episode and the next (RNE against the legal
// status and placement), and on codes tied to a date or age (E1 from December 2005, review
// participation codes by age). Sources: the DfE's SSDA903 validation rules (lac2022_23
// onwards) as implemented by lac_validator (DATA-SPECS.md §12), rule by rule; messages in
// our words.
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

// 431: a new period of care (RNE S) begins after the previous episode ended, not on or
// before that day (an episode starting the day the last ended continues it).
Rule Rule431() {
  return PairRule("431", "RNE", "Episodes: RNE S only after the previous episode ended",
                  [](const RuleContext& ctx, const ReadTable& t, size_t prev, size_t next) {
                    if (t.Get(next, "RNE") != "S") return std::string();
                    auto decom = ctx.DateAt(t, next, "DECOM");
                    auto dec = ctx.DateAt(t, prev, "DEC");
                    if (!dec || *decom > *dec) return std::string();
                    return fmt::format(
                        "is S (care begins), but the previous episode ended on {}, on or after "
                        "this one began: a continuing episode has RNE P, L, T, U or B",
                        dec->ToDmy());
                  });
}

// The placement's details: PLACE, PL_POST, URN and PLACE_PROVIDER all the same as before.
bool SamePlacement(const ReadTable& t, size_t a, size_t b) {
  for (const char* f : {"PLACE", "PL_POST", "URN", "PLACE_PROVIDER"})
    if (t.Get(a, f) != t.Get(b, f)) return false;
  return true;
}

// 436: RNE B or U (legal status and placement both changed) shows both changes: the legal
// status differs from the episode before, and so does some detail of the placement.
Rule Rule436() {
  return PairRule("436", "RNE", "Episodes: RNE B/U changes both legal status and placement",
                  [](const RuleContext&, const ReadTable& t, size_t prev, size_t next) {
                    const std::string& rne = t.Get(next, "RNE");
                    if (rne != "B" && rne != "U") return std::string();
                    const bool same_ls = t.Get(next, "LS") == t.Get(prev, "LS");
                    const bool same_place = SamePlacement(t, prev, next);
                    if (!same_ls && !same_place) return std::string();
                    return fmt::format(
                        "is {} (legal status and placement both change), but the {} the "
                        "same as in the episode before",
                        rne,
                        same_ls && same_place ? "legal status and placement are"
                        : same_ls             ? "legal status is"
                                              : "placement (PLACE, PL_POST, URN, "
                                                "PLACE_PROVIDER) is");
                  });
}

// 433: an episode continuing care (RNE P, L, T, U, B) begins the day the one before ended.
Rule Rule433() {
  return PairRule("433", "RNE", "Episodes: a continuing episode begins the day the last ended",
                  [](const RuleContext& ctx, const ReadTable& t, size_t prev, size_t next) {
                    const std::string& rne = t.Get(next, "RNE");
                    if (rne != "P" && rne != "L" && rne != "T" && rne != "U" && rne != "B")
                      return std::string();
                    auto decom = ctx.DateAt(t, next, "DECOM");
                    auto dec = ctx.DateAt(t, prev, "DEC");
                    if (dec && *dec == *decom) return std::string();
                    return fmt::format(
                        "is {} (care continues), but the episode before {}: a continuing "
                        "episode begins the day the last one ended",
                        rne, dec ? "ended on " + dec->ToDmy() : std::string("has no end date"));
                  });
}

// 434: RNE L (only the legal status changed) shows exactly that: a different legal status
// and the same placement (PLACE, PL_POST, URN, PLACE_PROVIDER) as the episode before.
Rule Rule434() {
  return PairRule(
      "434", "RNE", "Episodes: RNE L changes the legal status only",
      [](const RuleContext&, const ReadTable& t, size_t prev, size_t next) {
        if (t.Get(next, "RNE") != "L") return std::string();
        const bool same_ls = t.Get(next, "LS") == t.Get(prev, "LS");
        const bool same_place = SamePlacement(t, prev, next);
        if (!same_ls && same_place) return std::string();
        return std::string(same_ls ? "is L (the legal status changed), but the legal status is "
                                     "the same as in the episode before"
                                   : "is L (only the legal status changed), but the placement "
                                     "(PLACE, PL_POST, URN or PLACE_PROVIDER) changed too");
      });
}

// 437: no episode follows one ending in the child's death (E2) or an age assessment
// finding the young person an adult (E15).
Rule Rule437() {
  return PairRule("437", "REC", "Episodes: nothing after REC E2 or E15",
                  [](const RuleContext&, const ReadTable& t, size_t prev, size_t next) {
                    const std::string& rec = t.Get(prev, "REC");
                    if (rec != "E2" && rec != "E15") return std::string();
                    return fmt::format(
                        "the episode before (line {}) ended {}, after which no "
                        "episode can follow",
                        t.lines[prev],
                        rec == "E2" ? "with the child's death (E2)"
                                    : "with the young person found to be an "
                                      "adult (E15)");
                  });
}

// 432: an episode after one that ended care (any REC but X1) starts a period of care: RNE S.
Rule Rule432() {
  return PairRule("432", "RNE", "Episodes: RNE S after an episode that ended care",
                  [](const RuleContext&, const ReadTable& t, size_t prev, size_t next) {
                    const std::string& rec = t.Get(prev, "REC");
                    if (rec.empty() || rec == "X1" || t.Get(next, "RNE") == "S")
                      return std::string();
                    return fmt::format(
                        "is {}, but the episode before (line {}) ended care (REC {}): a new "
                        "period of care begins with RNE S",
                        t.Get(next, "RNE"), t.lines[prev], rec);
                  });
}

// 435: RNE P or T (only the placement changed) shows exactly that: the same legal status and
// a different placement (PLACE, PL_POST, URN or PLACE_PROVIDER) from the episode before.
Rule Rule435() {
  return PairRule("435", "RNE", "Episodes: RNE P/T changes the placement only",
                  [](const RuleContext&, const ReadTable& t, size_t prev, size_t next) {
                    const std::string& rne = t.Get(next, "RNE");
                    if (rne != "P" && rne != "T") return std::string();
                    const bool same_ls = t.Get(next, "LS") == t.Get(prev, "LS");
                    const bool same_place = SamePlacement(t, prev, next);
                    if (same_ls && !same_place) return std::string();
                    return fmt::format(
                        "is {} (only the placement changed), but {}", rne,
                        !same_ls ? "the legal status changed too"
                                 : "the placement (PLACE, PL_POST, URN, PLACE_PROVIDER) is "
                                   "the same as in the episode before");
                  });
}

// 440 and 441: the review participation code says whether the child was under 4 (PN0) or 4
// or over (PN1-PN7) at the review. A review on the 4th birthday is the child's 4th year:
// PN0 then is allowed, as are PN1-PN7.
Rule Rule440() {
  return RowRule("440", Severity::kError, "Reviews", "REVIEW_CODE",
                 "Reviews: PN0 only for a child under 4 at the review", "DfE 903 rule 440",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "REVIEW_CODE") != "PN0") return "";
                   auto dob = ctx.DateAt(t, i, "DOB");
                   auto review = ctx.DateAt(t, i, "REVIEW");
                   if (!dob || !review || *review <= dob->AddYears(4)) return "";
                   return fmt::format(
                       "is PN0 (under 4), but the child was 4 on {}, before the "
                       "review",
                       dob->AddYears(4).ToDmy());
                 });
}
Rule Rule441() {
  return RowRule("441", Severity::kError, "Reviews", "REVIEW_CODE",
                 "Reviews: PN1-PN7 only for a child 4 or over at the review", "DfE 903 rule 441",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   const std::string& code = t.Get(i, "REVIEW_CODE");
                   if (code.size() != 3 || code.rfind("PN", 0) != 0 || code == "PN0") return "";
                   auto dob = ctx.DateAt(t, i, "DOB");
                   auto review = ctx.DateAt(t, i, "REVIEW");
                   if (!dob || !review || *review >= dob->AddYears(4)) return "";
                   return fmt::format("is {} (4 or over), but the child was not 4 until {}", code,
                                      dob->AddYears(4).ToDmy());
                 });
}

// 446: legal status E1 (placement order, Adoption and Children Act 2002) began on 30
// December 2005; the DfE takes episodes from 1 December 2005.
Rule Rule446() {
  return RowRule("446", Severity::kError, "Episodes", "LS", "Episodes: E1 only from December 2005",
                 "DfE 903 rule 446",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "LS") != "E1") return "";
                   auto decom = ctx.DateAt(t, i, "DECOM");
                   if (!decom || *decom >= Date::FromYmd(2005, 12, 1)) return "";
                   return "is E1 (placement order), which did not exist before December 2005";
                 });
}

}  // namespace

std::vector<RuleEntry> ChangeRules() {
  return {{Rule431, 2023}, {Rule433, 2023}, {Rule434, 2023}, {Rule436, 2023}, {Rule437, 2023},
          {Rule440, 2023}, {Rule441, 2023}, {Rule446, 2023}, {Rule432, 2023}, {Rule435, 2023}};
}

}  // namespace journey::returns
