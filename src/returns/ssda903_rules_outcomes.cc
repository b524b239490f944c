// SSDA903 rules on the OC2 (children looked after continuously for 12 months) and OC3
// (care leavers) tables. Sources: the DfE's SSDA903 validation rules as implemented by
// lac_validator (DATA-SPECS.md §12), rule by rule; messages in our words. "Looked after
// continuously" is RuleContext::ContinuouslyLookedAfter (lac_validator's definition).
#include <fmt/format.h>

#include "returns/ssda903_rule_kit.h"

namespace journey::returns {
namespace {

const char* const kOc2Items[] = {
    "CONVICTED",         "HEALTH_CHECK",     "IMMUNISATIONS",         "TEETH_CHECK",
    "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"};
const char* const kOc3Items[] = {"IN_TOUCH", "ACTIV", "ACCOM"};

bool Given(const ReadTable& t, size_t i, std::string_view f) { return !t.Get(i, f).empty(); }

// A rule on OC2 rows that needs the Episodes too (to know who was looked after
// continuously); lac_validator runs these only when both tables are given.
Rule Oc2EpisodeRule(std::string code, std::string field, std::string summary,
                    std::function<std::string(const RuleContext&, const ReadTable&, size_t)> bad) {
  Rule r{code, Severity::kError, std::move(summary), "DfE 903 rule " + code, nullptr};
  r.check = [field, bad](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("OC2");
    if (!t || !ctx.Table("Episodes")) return;
    for (size_t i = 0; i < t->rows.size(); ++i)
      if (std::string m = bad(ctx, *t, i); !m.empty()) ctx.Find(self, *t, i, field, std::move(m));
  };
  return r;
}

// The child's birthday of `years` from OC2's DOB.
std::optional<Date> Birthday(const RuleContext& ctx, const ReadTable& t, size_t i, int years) {
  auto dob = ctx.DateAt(t, i, "DOB");
  if (!dob) return std::nullopt;
  return dob->AddYears(years);
}

// 153: the OC3 items are all given or all blank.
Rule Rule153() {
  return RowRule("153", Severity::kError, "OC3", "IN_TOUCH",
                 "OC3 IN_TOUCH, ACTIV and ACCOM are all given or all blank", "DfE 903 rule 153",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   int given = 0;
                   for (const char* f : kOc3Items) given += Given(t, i, f);
                   if (given == 0 || given == 3) return "";
                   return "IN_TOUCH, ACTIV and ACCOM must all be given or all be blank";
                 });
}

// 158: INTERVENTION_RECEIVED 1 leaves INTERVENTION_OFFERED blank.
Rule Rule158() {
  return RowRule(
      "158", Severity::kError, "OC2", "INTERVENTION_OFFERED",
      "OC2 INTERVENTION_OFFERED is blank when one was received", "DfE 903 rule 158",
      [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
        if (t.Get(i, "INTERVENTION_RECEIVED") != "1" || !Given(t, i, "INTERVENTION_OFFERED"))
          return "";
        return "must be blank when INTERVENTION_RECEIVED is 1 (an intervention "
               "received was offered)";
      });
}

// 159: SUBSTANCE_MISUSE 1 and INTERVENTION_RECEIVED 0 need INTERVENTION_OFFERED.
Rule Rule159() {
  return RowRule("159", Severity::kError, "OC2", "INTERVENTION_OFFERED",
                 "OC2 INTERVENTION_OFFERED is given when none was received", "DfE 903 rule 159",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "SUBSTANCE_MISUSE") != "1" ||
                       t.Get(i, "INTERVENTION_RECEIVED") != "0" ||
                       Given(t, i, "INTERVENTION_OFFERED"))
                     return "";
                   return "is blank: when a substance misuse problem was identified and no "
                          "intervention received, say whether one was offered (0 or 1)";
                 });
}

// 180: SDQ_SCORE, when given, is a whole number from 0 to 40.
Rule Rule180() {
  return RowRule("180", Severity::kError, "OC2", "SDQ_SCORE",
                 "OC2 SDQ_SCORE is a whole number 0-40", "DfE 903 rule 180",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   const std::string& v = t.Get(i, "SDQ_SCORE");
                   if (v.empty()) return "";
                   // pandas reads "20.0" as 20, which the DfE's tool accepts.
                   std::string whole = v;
                   if (whole.size() > 2 && whole.compare(whole.size() - 2, 2, ".0") == 0)
                     whole.resize(whole.size() - 2);
                   bool digits = !whole.empty() && whole.size() <= 2;
                   for (char c : whole) digits &= c >= '0' && c <= '9';
                   if (digits && std::stoi(whole) <= 40) return "";
                   return "is not a strengths and difficulties score: a whole number from 0 to 40";
                 });
}

// 181: the OC2 items, when given, are 0 or 1.
Rule Rule181() {
  Rule r{"181", Severity::kError, "OC2 items are 0 or 1", "DfE 903 rule 181", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("OC2");
    if (!t) return;
    for (size_t i = 0; i < t->rows.size(); ++i)
      for (const char* f : kOc2Items) {
        const std::string& v = t->Get(i, f);
        if (!v.empty() && v != "0" && v != "1") {
          ctx.Find(self, *t, i, f, "must be 0 (no) or 1 (yes), or blank");
          break;  // one finding per row, as the DfE's rule counts rows
        }
      }
  };
  return r;
}

// 182: when any of CONVICTED, HEALTH_CHECK, INTERVENTION_RECEIVED or INTERVENTION_OFFERED is
// given, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE all are.
Rule Rule182() {
  return RowRule("182", Severity::kError, "OC2", "IMMUNISATIONS",
                 "OC2 health items are complete or the row is blank", "DfE 903 rule 182",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   bool others = false;
                   for (const char* f : {"CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED",
                                         "INTERVENTION_OFFERED"})
                     others |= Given(t, i, f);
                   if (!others) return "";
                   std::vector<std::string> blank;
                   for (const char* f :
                        {"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"})
                     if (!Given(t, i, f)) blank.push_back(f);
                   if (blank.empty()) return "";
                   return fmt::format(
                       "the OC2 items are given in part; complete {} or leave "
                       "every OC2 item blank",
                       fmt::join(blank, ", "));
                 });
}

// 192: SUBSTANCE_MISUSE 1 needs INTERVENTION_RECEIVED.
Rule Rule192() {
  return RowRule("192", Severity::kError, "OC2", "INTERVENTION_RECEIVED",
                 "OC2 INTERVENTION_RECEIVED is given for a substance misuse problem",
                 "DfE 903 rule 192",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (t.Get(i, "SUBSTANCE_MISUSE") != "1" || Given(t, i, "INTERVENTION_RECEIVED"))
                     return "";
                   return "is blank: a substance misuse problem was identified, so say whether "
                          "an intervention was received (0 or 1)";
                 });
}

// 193: without a substance misuse problem (SUBSTANCE_MISUSE blank or 0) both intervention
// items are blank.
Rule Rule193() {
  return RowRule(
      "193", Severity::kError, "OC2", "SUBSTANCE_MISUSE",
      "OC2 intervention items only with a substance misuse problem", "DfE 903 rule 193",
      [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
        const std::string& m = t.Get(i, "SUBSTANCE_MISUSE");
        if (!(m.empty() || m == "0")) return "";
        if (!Given(t, i, "INTERVENTION_RECEIVED") && !Given(t, i, "INTERVENTION_OFFERED"))
          return "";
        return "no substance misuse problem is identified, so INTERVENTION_RECEIVED "
               "and INTERVENTION_OFFERED must be blank";
      });
}

// 197a: SDQ_SCORE and SDQ_REASON are not both given.
Rule Rule197a() {
  return RowRule("197a", Severity::kError, "OC2", "SDQ_REASON",
                 "OC2 SDQ_REASON is blank when a score is given", "DfE 903 rule 197a",
                 [](const RuleContext&, const ReadTable& t, size_t i) -> std::string {
                   if (!Given(t, i, "SDQ_SCORE") || !Given(t, i, "SDQ_REASON")) return "";
                   return "a reason for no score is given with a score; give one or the other";
                 });
}

// 188: a child under 4 at 31 March has no SDQ score or reason.
Rule Rule188() {
  return RowRule("188", Severity::kError, "OC2", "SDQ_SCORE",
                 "OC2 no SDQ for a child under 4 at 31 March", "DfE 903 rule 188",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto fourth = Birthday(ctx, t, i, 4);
                   if (!fourth || *fourth <= ctx.end()) return "";
                   if (!Given(t, i, "SDQ_SCORE") && !Given(t, i, "SDQ_REASON")) return "";
                   return fmt::format(
                       "the child is under 4 on {} (4 on {}): leave SDQ_SCORE and "
                       "SDQ_REASON blank",
                       ctx.end().ToDmy(), fourth->ToDmy());
                 });
}

// 189: a child 17 or over on 1 April has no SDQ score or reason.
Rule Rule189() {
  return RowRule("189", Severity::kError, "OC2", "SDQ_SCORE",
                 "OC2 no SDQ for a child 17 or over on 1 April", "DfE 903 rule 189",
                 [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                   auto seventeenth = Birthday(ctx, t, i, 17);
                   if (!seventeenth || *seventeenth > ctx.start()) return "";
                   if (!Given(t, i, "SDQ_SCORE") && !Given(t, i, "SDQ_REASON")) return "";
                   return fmt::format(
                       "the child is 17 or over on {} (17 on {}): leave SDQ_SCORE "
                       "and SDQ_REASON blank",
                       ctx.start().ToDmy(), seventeenth->ToDmy());
                 });
}

// 157: a child looked after continuously, 4 or over on 1 April and 16 or under on 31 March,
// with no score, does not give SDQ1 (no SDQ: under 4 or over 16) as the reason.
Rule Rule157() {
  return Oc2EpisodeRule(
      "157", "SDQ_REASON", "OC2 SDQ_REASON is not SDQ1 for a child aged 4 to 16",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        if (t.Get(i, "SDQ_REASON") != "SDQ1" || Given(t, i, "SDQ_SCORE")) return "";
        auto fourth = Birthday(ctx, t, i, 4), sixteenth = Birthday(ctx, t, i, 16);
        if (!fourth || *fourth > ctx.start() || *sixteenth < ctx.end()) return "";
        if (!ctx.ContinuouslyLookedAfter(ctx.ChildOf(t, i))) return "";
        return "is SDQ1 (the child's age) but the child is 4 or over on 1 April and 16 or under "
               "on 31 March: give the score or another reason";
      });
}

// 185: no SDQ score for a child not looked after continuously for 12 months at 31 March.
Rule Rule185() {
  return Oc2EpisodeRule(
      "185", "SDQ_SCORE", "OC2 SDQ_SCORE only for children looked after for 12 months",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        if (!Given(t, i, "SDQ_SCORE") || ctx.ContinuouslyLookedAfter(ctx.ChildOf(t, i))) return "";
        return "the child was not looked after continuously for 12 months "
               "at 31 March, so no SDQ score is returned";
      });
}

// 198: no reason for no SDQ score for a child not looked after continuously.
Rule Rule198() {
  return Oc2EpisodeRule(
      "198", "SDQ_REASON", "OC2 SDQ_REASON only for children looked after for 12 months",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        if (!Given(t, i, "SDQ_REASON") || ctx.ContinuouslyLookedAfter(ctx.ChildOf(t, i))) return "";
        return "the child was not looked after continuously for 12 months "
               "at 31 March, so no reason for no SDQ score is returned";
      });
}

// 186: a child looked after continuously who is 4 or over on 1 April and under 17 on 31
// March has an SDQ score or a reason for none. (lac_validator flags a row lacking either
// one, which would contradict rule 197a, "not both"; we read the DfE's rule as "not neither".)
Rule Rule186() {
  return Oc2EpisodeRule(
      "186", "SDQ_SCORE", "OC2 SDQ for children aged 4 to 16 looked after for 12 months",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        auto fourth = Birthday(ctx, t, i, 4), seventeenth = Birthday(ctx, t, i, 17);
        if (!fourth || *fourth > ctx.start() || *seventeenth <= ctx.end()) return "";
        if (Given(t, i, "SDQ_SCORE") || Given(t, i, "SDQ_REASON")) return "";
        if (!ctx.ContinuouslyLookedAfter(ctx.ChildOf(t, i))) return "";
        return "the child is 4 or over on 1 April, under 17 on 31 March and looked after for 12 "
               "months: give the SDQ score or the reason for none";
      });
}

// 197B: a child looked after continuously who turns 4 or 17 in the year has a score or a
// reason for none.
Rule Rule197B() {
  return Oc2EpisodeRule(
      "197B", "SDQ_REASON", "OC2 SDQ score or reason for children turning 4 or 17",
      [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
        if (Given(t, i, "SDQ_SCORE") || Given(t, i, "SDQ_REASON")) return "";
        auto fourth = Birthday(ctx, t, i, 4), seventeenth = Birthday(ctx, t, i, 17);
        if (!fourth) return "";
        auto in_year = [&](Date d) { return d >= ctx.start() && d <= ctx.end(); };
        if (!in_year(*fourth) && !in_year(*seventeenth)) return "";
        if (!ctx.ContinuouslyLookedAfter(ctx.ChildOf(t, i))) return "";
        return "the child turns 4 or 17 in the year: give the SDQ score or the reason for none";
      });
}

// 190: a child not looked after continuously has every OC2 item blank.
Rule Rule190() {
  return Oc2EpisodeRule("190", "CONVICTED",
                        "OC2 items only for children looked after for 12 months",
                        [](const RuleContext& ctx, const ReadTable& t, size_t i) -> std::string {
                          bool any = false;
                          for (const char* f : kOc2Items) any |= Given(t, i, f);
                          if (!any || ctx.ContinuouslyLookedAfter(ctx.ChildOf(t, i))) return "";
                          return "the child was not looked after continuously for 12 months at "
                                 "31 March, so the OC2 items are blank";
                        });
}

// 191: a child looked after continuously has IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT
// and SUBSTANCE_MISUSE, and has an OC2 row at all (found at the child's first episode).
Rule Rule191() {
  Rule r{"191", Severity::kError, "OC2 items complete for children looked after for 12 months",
         "DfE 903 rule 191", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* t = ctx.Table("OC2");
    const ReadTable* ep = ctx.Table("Episodes");
    if (!t || !ep) return;
    for (size_t i = 0; i < t->rows.size(); ++i) {
      if (!ctx.ContinuouslyLookedAfter(ctx.ChildOf(*t, i))) continue;
      for (const char* f :
           {"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"})
        if (!Given(*t, i, f)) {
          ctx.Find(self, *t, i, f,
                   "is blank, but the child was looked after continuously for 12 months at 31 "
                   "March: give 0 or 1");
          break;
        }
    }
    for (const Child903* child : ctx.ChildrenOf(*ep)) {
      if (!ctx.RowsOf(*t, *child).empty() || !ctx.ContinuouslyLookedAfter(*child)) continue;
      const size_t first = child->episodes.front();
      ctx.Find(self, *ep, first, "CHILD",
               "the child was looked after continuously for 12 months at 31 March but has no "
               "OC2 row");
    }
  };
  return r;
}

// 187: a child looked after continuously has no AD1 or OC3 data (lac_validator runs this
// only when OC3, AD1 and Episodes are all given).
Rule Rule187() {
  Rule r{"187", Severity::kError, "AD1 and OC3 blank for children looked after for 12 months",
         "DfE 903 rule 187", nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* oc3 = ctx.Table("OC3");
    const ReadTable* ad1 = ctx.Table("AD1");
    if (!oc3 || !ad1 || !ctx.Table("Episodes")) return;
    const std::string why =
        "the child was looked after continuously for 12 months at 31 March, so has no {} data";
    for (size_t i = 0; i < oc3->rows.size(); ++i) {
      bool any = false;
      for (const char* f : kOc3Items) any |= Given(*oc3, i, f);
      if (any && ctx.ContinuouslyLookedAfter(ctx.ChildOf(*oc3, i)))
        ctx.Find(self, *oc3, i, "IN_TOUCH", fmt::format(fmt::runtime(why), "care leaver (OC3)"));
    }
    for (size_t i = 0; i < ad1->rows.size(); ++i) {
      bool any = false;
      for (const char* f :
           {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"})
        any |= Given(*ad1, i, f);
      if (any && ctx.ContinuouslyLookedAfter(ctx.ChildOf(*ad1, i)))
        ctx.Find(self, *ad1, i, "DATE_INT", fmt::format(fmt::runtime(why), "adoption (AD1)"));
    }
  };
  return r;
}

// 215: a child with care leaver data (OC3) has no OC2 items.
Rule Rule215() {
  Rule r{"215", Severity::kError, "OC3: no OC2 items for a care leaver", "DfE 903 rule 215",
         nullptr};
  r.check = [](const Rule& self, const RuleContext& ctx) {
    const ReadTable* oc3 = ctx.Table("OC3");
    const ReadTable* oc2 = ctx.Table("OC2");
    if (!oc3 || !oc2) return;
    for (size_t i = 0; i < oc3->rows.size(); ++i) {
      bool leaver = false;
      for (const char* f : kOc3Items) leaver |= Given(*oc3, i, f);
      if (!leaver) continue;
      for (size_t o : ctx.RowsOf(*oc2, ctx.ChildOf(*oc3, i))) {
        bool any = false;
        for (const char* f : kOc2Items) any |= Given(*oc2, o, f);
        if (any) {
          ctx.Find(self, *oc3, i, "IN_TOUCH",
                   fmt::format("the child also has OC2 items ({} line {}); those are for "
                               "children looked after, not care leavers",
                               oc2->file, oc2->lines[o]));
          break;
        }
      }
    }
  };
  return r;
}

}  // namespace

std::vector<RuleEntry> OutcomeRules() {
  return {{Rule153, 2023}, {Rule157, 2023},  {Rule158, 2023},  {Rule159, 2023}, {Rule180, 2023},
          {Rule181, 2023}, {Rule182, 2023},  {Rule185, 2023},  {Rule186, 2023}, {Rule187, 2023},
          {Rule188, 2023}, {Rule189, 2023},  {Rule190, 2023},  {Rule191, 2023}, {Rule192, 2023},
          {Rule193, 2023}, {Rule197a, 2023}, {Rule197B, 2023}, {Rule198, 2023}, {Rule215, 2023}};
}

}  // namespace journey::returns
