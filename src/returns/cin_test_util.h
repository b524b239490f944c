// For CIN census tests: a full, valid 2025/26 message (every element of the census present
// at least once) that tests change one value of, at a rule's boundary.
#pragma once

#include <string>

#include "model/statutory.h"
#include "returns/cin_message.h"
#include "returns/cin_rules.h"
#include "returns/cin_xml.h"

namespace journey::returns::testing {

inline Leaf V(std::string v) { return Leaf{std::move(v), 0}; }

// Child C1: born 2015-06-01, one episode referred 2025-05-01 (open at 31 March) with an
// authorised assessment, a CIN plan, a section 47 enquiry with its initial conference and
// a protection plan with a review. Child C2: unborn, one NFA referral.
inline CinMessage FullMessage(int year = 2026) {
  CinMessage m;
  m.file = "cin.xml";
  const std::string y = std::to_string(year);
  auto& h = m.header;
  h.collection = V("CIN");
  h.year = V(y);
  h.reference_date = V(y + "-03-31");
  h.source_level = V("L");
  h.lea = V("990");
  h.software_code = V("Test");
  h.release = V("1");
  h.serial_no = V("1");
  h.date_time = V(y + "-03-31T00:00:00");
  const std::string p = std::to_string(year - 1);  // the year the census period begins in
  CinChild c;
  c.la_child_id = V("C1");
  c.upn = V("E990123456789");  // E: the check letter of 990123456789
  c.birth = V("2015-06-01");
  c.sex = V(year >= 2025 ? "F" : "2");
  c.ethnicity = V("WBRI");
  // Eight codes: the return then uses more than 7 (2887Q) and a child has several (2888Q).
  c.disabilities = {V("MOB"),  V("HAND"), V("PC"),   V("INC"),
                    V("COMM"), V("LD"),   V("HEAR"), V("VIS")};
  CinDetails d;
  d.referral_date = V(p + "-05-01");
  d.source = V("1A");
  d.primary_need = V("N1");
  d.nfa = V("false");
  CinAssessment a;
  a.start = V(p + "-05-02");
  a.authorised = V(p + "-06-10");
  a.has_factors_block = true;
  a.factors = {V("3B"), V("4B")};
  d.assessments.push_back(a);
  d.plans.push_back({0, V(p + "-06-11"), V(p + "-07-01")});
  CinSection47 s;
  s.start = V(p + "-07-01");
  // The target by the one definition the export and the engine use (model/statutory.h).
  s.icpc_target = V(model::InitialConferenceDue(*Date::ParseIso(p + "-07-01"))->ToIso());
  s.icpc_date = V(p + "-07-15");
  s.icpc_not_required = V("false");
  d.section47s.push_back(s);
  CinProtectionPlan cp;
  cp.start = V(p + "-07-15");
  cp.initial_category = V("NEG");
  cp.latest_category = V("NEG");
  cp.previous_plans = V("0");
  cp.reviews = {V(p + "-10-14")};
  d.protection_plans.push_back(cp);
  c.details.push_back(d);
  m.children.push_back(c);
  CinChild u;
  u.la_child_id = V("C2");
  u.upn_unknown = V("UN6");
  u.expected_birth = V(y + "-05-01");
  u.sex = V(year >= 2025 ? "U" : "0");
  u.ethnicity = V("NOBT");
  u.disabilities = {V("NONE")};
  CinDetails n;
  n.referral_date = V(p + "-12-01");
  n.source = V("5A");
  n.primary_need = V("N1");
  n.closure_date = V(p + "-12-01");
  // RC7 (services ceased): RC8 and RC9 say an assessment was made (rule 8825Q).
  n.closure_reason = V("RC7");
  n.nfa = V("true");
  u.details.push_back(n);
  m.children.push_back(u);
  return m;
}

// The message through XML and back, so every value has a line, as a file's would.
inline CinMessage Reread(const CinMessage& m, int year = 2026) {
  return ReadCinXml(InputFile{"cin.xml", CinXml(m, year)}).message;
}

// How many findings of `rule` the message has, read back through its XML as a file would be.
inline size_t N(const std::string& rule, const CinMessage& m, int year = 2026) {
  size_t n = 0;
  for (const Finding& f : ValidateCin(Reread(m, year), year, {}).findings) n += f.rule == rule;
  return n;
}
// C1's one episode and C2's NFA referral.
inline CinDetails& Ep(CinMessage& m) { return m.children[0].details[0]; }
inline CinDetails& Nfa(CinMessage& m) { return m.children[1].details[0]; }

}  // namespace journey::returns::testing
