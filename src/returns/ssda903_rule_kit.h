// Internal to the SSDA903 rules: the shapes rules share and the lists of rules by table.
// Each ssda903_rules_<table>.cc file defines its table's rules and lists them with the
// collection years they are in force (the DfE adds, replaces and removes rules by year; a
// replacement is a second entry with the same code from a later year, the first ending the
// year before). ssda903_rules.cc puts the lists together (RulesFor).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "returns/ssda903_rules.h"

namespace journey::returns {

struct RuleEntry {
  Rule (*make)();
  int from_year;    // first collection year in force (2023 = 2022/23, the first we support)
  int to_year = 0;  // last (0 = still in force)
};

// The lists by table (each in its own file).
std::vector<RuleEntry> HeaderRules();
std::vector<RuleEntry> EpisodeRules();
std::vector<RuleEntry> AdoptionRules();      // AD1 and PlacedAdoption
std::vector<RuleEntry> OutcomeRules();       // OC2 and OC3
std::vector<RuleEntry> OtherTableRules();    // Reviews, UASC, PrevPerm, Missing, SWEpisodes
std::vector<RuleEntry> DoLoRules();          // DoLo (from 2026/27)
std::vector<RuleEntry> EpisodeDateRules();   // Episodes: dates, ages and continuity
std::vector<RuleEntry> PlacementRules();     // Episodes: legal statuses and placements over time
std::vector<RuleEntry> CareLeaverRules();    // OC3 and other tables against the episodes
std::vector<RuleEntry> ChangeRules();        // RNE against changes; date- and age-bound codes
std::vector<RuleEntry> ReferenceRules();     // rules needing reference data (--reference)
std::vector<RuleEntry> SocialWorkerRules();  // SWEpisodes (from 2023/24)

// A field that must hold a code of a Journey code list valid in the collection year, or
// one of `only` (a blank is for the rules on required fields).
Rule CodeRule(std::string code, std::string table, std::string field, std::string list,
              std::string source, std::vector<std::string> only = {});
// A date field that must be a real date written dd/mm/yyyy when given; with `required`, a
// blank is a finding too.
Rule DateRule(std::string code, std::string table, std::string field, std::string source,
              bool required = false);
// A rule of one table that looks at one row at a time: `bad(ctx, t, row)` returns the
// message when the row breaks the rule, or "" when it keeps it. The finding is at `field`.
Rule RowRule(std::string code, Severity severity, std::string table, std::string field,
             std::string summary, std::string source,
             std::function<std::string(const RuleContext&, const ReadTable&, size_t)> bad);

// A date field that, when given and readable, is not after 31 March of the collection year.
Rule NotAfterTheYear(std::string code, std::string table, std::string field);
// A date field that, when given and readable, is from 1 April to 31 March of the collection
// year.
Rule InTheYear(std::string code, std::string table, std::string field);
// A span of days that lasts at least a day: `to` (when given) is not the same as `from`.
// `what` names the span in the message ("the episode").
Rule NotTheSameDay(std::string code, std::string table, std::string from, std::string to,
                   std::string what);

// A rule over each pair of a child's consecutive episodes (DECOM order, unreadable DECOMs
// left out): `bad(ctx, t, prev, next)` returns the message for `next`, or "".
Rule PairRule(std::string code, std::string field, std::string summary,
              std::function<std::string(const RuleContext&, const ReadTable&, size_t, size_t)> bad);

// "2025/26" for collection year 2026.
std::string YearName(int year);
inline bool Blank(const std::string& v) { return v.empty(); }
// T0-T4: the temporary placements (a few days away from the usual placement).
inline bool TemporaryPlacement(const std::string& place) {
  return place.size() == 2 && place[0] == 'T' && place[1] >= '0' && place[1] <= '4';
}

}  // namespace journey::returns
