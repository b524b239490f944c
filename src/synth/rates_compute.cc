// Computing each rate of targets.cc from the facts RateCollector gathered.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "synth/dates.h"
#include "synth/rates_impl.h"

namespace journey::synth {
namespace {

bool Open(int32_t start, int32_t end, int32_t day) {
  return start <= day && (end == kOpen || end > day);
}

struct Rates {
  std::map<std::string_view, RateRow> rows;
  void Set(std::string_view key, double num, double den, double scale) {
    RateRow& r = rows[key];
    r.numerator = num;
    r.denominator = den;
    r.value = den > 0 ? scale * num / den : 0;
  }
};

}  // namespace

std::vector<RateRow> RateCollector::Compute() const {
  const Impl& m = *impl_;
  const int32_t ys = year_start_.days(), ye = year_end_.days(), now = as_at_.days();
  const double pop = static_cast<double>(population_);
  Rates out;
  auto in_year = [&](int32_t d) { return d >= ys && d <= ye; };
  auto per10k = [&](std::string_view key, double n) { out.Set(key, n, pop, 10000); };

  per10k("contacts",
         static_cast<double>(std::count_if(m.contacts.begin(), m.contacts.end(), in_year)));

  // Referrals and re-referrals within 12 months of a previous referral.
  std::unordered_map<int64_t, std::vector<int32_t>> by_child;
  for (const auto& r : m.referrals)
    if (r.child) by_child[r.child].push_back(r.day);
  for (auto& [child, days] : by_child) std::sort(days.begin(), days.end());
  double referrals = 0, rereferrals = 0;
  for (const auto& [child, days] : by_child) {
    for (size_t i = 0; i < days.size(); ++i) {
      if (!in_year(days[i])) continue;
      ++referrals;
      if (i > 0 && days[i] - days[i - 1] <= 365) ++rereferrals;
    }
  }
  per10k("referrals", referrals);
  out.Set("rereferrals", rereferrals, referrals, 100);

  double assessed = 0, assessed_45 = 0;
  for (const auto& a : m.assessments) {
    if (a.authorised == kOpen || !in_year(a.authorised)) continue;
    ++assessed;
    if (a.referral > 0 && static_cast<size_t>(a.referral) < m.referrals.size()) {
      const int32_t from = m.referrals[static_cast<size_t>(a.referral)].day;
      if (WdBetween(Date::FromDays(from), Date::FromDays(a.authorised)) <= 45) ++assessed_45;
    }
  }
  per10k("assessments", assessed);
  out.Set("assessments_45wd", assessed_45, assessed, 100);

  double s47 = 0;
  for (const auto& e : m.s47)
    if (e.start && in_year(e.start)) ++s47;
  per10k("s47", s47);
  double icpc = 0, icpc_15 = 0;
  for (const auto& c : m.icpc) {
    if (!in_year(c.day)) continue;
    ++icpc;
    if (c.s47 > 0 && static_cast<size_t>(c.s47) < m.s47.size()) {
      const int64_t sd = m.s47[static_cast<size_t>(c.s47)].strategy;
      if (sd > 0 && static_cast<size_t>(sd) < m.strategy.size() &&
          WdBetween(Date::FromDays(m.strategy[static_cast<size_t>(sd)]), Date::FromDays(c.day)) <=
              15)
        ++icpc_15;
    }
  }
  per10k("icpc", icpc);
  out.Set("icpc_15wd", icpc_15, icpc, 100);

  // Protection plans.
  double cp = 0, started = 0, second = 0, ended = 0, long_plans = 0;
  std::map<std::string, double> category;
  std::unordered_map<int64_t, int32_t> first_plan;
  for (const auto& p : m.plans) {
    auto [it, inserted] = first_plan.try_emplace(p.child, p.start);
    if (!inserted) it->second = std::min(it->second, p.start);
  }
  for (const auto& p : m.plans) {
    if (Open(p.start, p.end, ye)) {
      ++cp;
      ++category[p.category];
    }
    if (in_year(p.start)) {
      ++started;
      if (first_plan[p.child] < p.start) ++second;
    }
    if (p.end != kOpen && in_year(p.end)) {
      ++ended;
      if (p.end - p.start >= 730) ++long_plans;
    }
  }
  per10k("cp", cp);
  for (auto [key, code] : {std::pair{"cp_neg", "NEG"},
                           {"cp_emo", "EMO"},
                           {"cp_phy", "PHY"},
                           {"cp_sab", "SAB"},
                           {"cp_mul", "MUL"}})
    out.Set(key, category[code], cp, 100);
  out.Set("cp_second", second, started, 100);
  out.Set("cp_2years", long_plans, ended, 100);

  std::set<int64_t> cin;
  for (const auto& r : m.referrals)
    if (r.child && !r.nfa && Open(r.day, r.closed, ye)) cin.insert(r.child);
  per10k("cin", static_cast<double>(cin.size()));

  // Looked after on the last day of the year: age, legal status, placement, UASC.
  std::map<int64_t, const Impl::Episode*> open_episode;  // by period
  for (const auto& e : m.episodes)
    if (Open(e.start, e.end, ye)) open_episode[e.period] = &e;
  double lac = 0, starts = 0, uasc = 0;
  std::map<std::string, double> age, status, place;
  std::set<int64_t> lac_children;
  for (size_t id = 1; id < m.periods.size(); ++id) {
    const auto& p = m.periods[id];
    if (!p.child) continue;
    if (in_year(p.start)) ++starts;
    if (!Open(p.start, p.end, ye)) continue;
    ++lac;
    lac_children.insert(p.child);
    const int32_t born = static_cast<size_t>(p.child) < m.birth.size()
                             ? m.birth[static_cast<size_t>(p.child)]
                             : INT32_MIN;
    if (born != INT32_MIN) {
      const int a = AgeInYears(Date::FromDays(born), Date::FromDays(ye));
      ++age[a < 1    ? "lac_age0"
            : a < 5  ? "lac_age1"
            : a < 10 ? "lac_age5"
            : a < 16 ? "lac_age10"
                     : "lac_age16"];
    }
    auto it = open_episode.find(static_cast<int64_t>(id));
    if (it == open_episode.end()) continue;
    ++status[it->second->status];
    const int64_t pl = it->second->placement;
    const std::string type = pl > 0 && static_cast<size_t>(pl) < m.placement.size()
                                 ? m.placement[static_cast<size_t>(pl)]
                                 : "";
    if (!type.empty() && type[0] == 'U') ++place["pl_foster"];
    if (type == "U1" || type == "U2" || type == "U3") ++place["pl_kin"];
    if (type == "K1" || type == "K2" || type == "R1") ++place["pl_homes"];
    if (type == "H5" || type == "P2" || type == "K3") ++place["pl_semi"];
    if (type == "P1") ++place["pl_parents"];
    if (!type.empty() && type[0] == 'A') ++place["pl_adoption"];
  }
  for (const auto& s : m.uasc)
    if (lac_children.count(s.child) && Open(s.start, s.end, ye)) ++uasc;
  per10k("lac", lac);
  for (std::string_view k : {"lac_age0", "lac_age1", "lac_age5", "lac_age10", "lac_age16"})
    out.Set(k, age[std::string(k)], lac, 100);
  for (auto [key, code] :
       {std::pair{"ls_c2", "C2"}, {"ls_c1", "C1"}, {"ls_v2", "V2"}, {"ls_e1", "E1"}})
    out.Set(key, status[code], lac, 100);
  for (std::string_view k : {"pl_foster", "pl_homes", "pl_semi", "pl_parents", "pl_adoption"})
    out.Set(k, place[std::string(k)], lac, 100);
  out.Set("pl_kin", place["pl_kin"], place["pl_foster"], 100);
  per10k("lac_starts", starts);
  out.Set("uasc", uasc, lac, 100);
  double adoptions = 0, sgo = 0;
  for (const auto& e : m.episodes) {
    if (e.end == kOpen || !in_year(e.end)) continue;
    if (e.rec == "E11" || e.rec == "E12") ++adoptions;
    if (e.rec == "E45" || e.rec == "E46" || e.rec == "E47" || e.rec == "E48") ++sgo;
  }
  per10k("adoptions", adoptions);
  per10k("sgo", sgo);

  double leavers = 0, touch = 0, suitable = 0, eet = 0;
  for (const auto& l : m.leavers) {
    if (!in_year(l.day) || static_cast<size_t>(l.child) >= m.birth.size()) continue;
    const int a =
        AgeInYears(Date::FromDays(m.birth[static_cast<size_t>(l.child)]), Date::FromDays(l.day));
    if (a < 19 || a > 21) continue;
    ++leavers;
    touch += l.touch;
    suitable += l.suitable;
    eet += l.eet;
  }
  out.Set("cl_touch", touch, leavers, 100);
  out.Set("cl_suitable", suitable, leavers, 100);
  out.Set("cl_eet", eet, leavers, 100);

  // Going missing: children looked after at any time in the year.
  std::set<int64_t> in_care, went_missing;
  for (const auto& p : m.periods)
    if (p.child && p.start <= ye && (p.end == kOpen || p.end >= ys)) in_care.insert(p.child);
  double episodes = 0;
  std::vector<uint8_t> episode_in_year(m.missing.size(), 0);
  for (size_t id = 1; id < m.missing.size(); ++id) {
    const auto& e = m.missing[id];
    if (!e.child || !e.period || !in_year(e.start)) continue;
    episode_in_year[id] = 1;
    ++episodes;
    went_missing.insert(e.child);
  }
  out.Set("missing", static_cast<double>(went_missing.size()), static_cast<double>(in_care.size()),
          100);
  out.Set("missing_episodes", episodes, static_cast<double>(went_missing.size()), 1);
  double interviews = 0, offered = 0, in_72h = 0;
  for (const auto& i : m.interviews) {
    if (i.missing <= 0 || static_cast<size_t>(i.missing) >= m.missing.size() ||
        !episode_in_year[static_cast<size_t>(i.missing)])
      continue;
    ++interviews;
    if (!i.offered) continue;
    ++offered;
    const int64_t back = m.missing[static_cast<size_t>(i.missing)].end_min;
    if (i.completed_min >= 0 && back >= 0 && i.completed_min - back <= 72 * 60) ++in_72h;
  }
  out.Set("rhi_offered", offered, interviews, 100);
  out.Set("rhi_72h", in_72h, offered, 100);

  // The workforce on the as-at date.
  double staff = 0, agency = 0;
  for (const auto& w : m.workers) {
    if (!w.holds_cases || !(w.start <= now && (w.end == kOpen || w.end >= now))) continue;
    ++staff;
    agency += w.agency;
  }
  out.Set("agency", agency, staff, 100);
  std::map<int64_t, int> caseload;
  std::map<int64_t, std::set<int64_t>> workers_in_year;
  for (const auto& a : m.allocations) {
    if (Open(a.start, a.end, now)) ++caseload[a.worker];
    if (a.start <= ye && (a.end == kOpen || a.end > ys)) workers_in_year[a.child].insert(a.worker);
  }
  double cases = 0;
  for (const auto& [w, n] : caseload) cases += n;
  out.Set("caseload", cases, static_cast<double>(caseload.size()), 1);
  double three = 0;
  for (const auto& [child, ws] : workers_in_year) three += ws.size() >= 3;
  out.Set("workers3", three, static_cast<double>(workers_in_year.size()), 100);

  std::vector<RateRow> rows;
  for (const Target& t : Targets()) {
    RateRow r = out.rows[t.key];
    r.target = &t;
    rows.push_back(r);
  }
  return rows;
}

}  // namespace journey::synth
