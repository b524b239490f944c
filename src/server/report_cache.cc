#include "server/report_cache.h"

#include <fmt/format.h>

#include <cstdlib>

namespace journey::server {

Status ReportCache::Load(store::Store& store) {
  JOURNEY_ASSIGN_OR_RETURN(auto la, store.GetMeta("generator.la_code"));
  la_code_ = la.value_or("");
  // As `journey report` does: a generated council's database says only its total of
  // children, spread evenly over the ages (engine::Population::Even).
  JOURNEY_ASSIGN_OR_RETURN(auto children, store.GetMeta("generator.children"));
  const int64_t n = children ? std::strtoll(children->c_str(), nullptr, 10) : 0;
  if (n > 0) population_ = engine::Population::Even(n);
  return Status::Ok();
}

Result<std::shared_ptr<const engine::ReportResult>> ReportCache::Get(
    const engine::Projection& projection, const engine::Timescales& timescales,
    engine::ReportRequest req) {
  std::string key = req.as_at.ToIso();
  for (const engine::Period& p : req.periods)
    key += fmt::format("|{}..{}:{}", p.start.ToIso(), p.end.ToIso(), p.label);
  key += "|i";
  for (const std::string& i : req.indicators) key += "," + i;
  key += "|d";
  for (const std::string& d : req.dimensions) key += "," + d;
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first == key) {
      entries_.splice(entries_.begin(), entries_, it);
      return entries_.front().second;
    }
  }
  req.population = population_ ? &*population_ : nullptr;
  JOURNEY_ASSIGN_OR_RETURN(engine::ReportResult r,
                           engine::ComputeIndicators(projection, timescales, req));
  ++computed_;
  entries_.emplace_front(std::move(key),
                         std::make_shared<const engine::ReportResult>(std::move(r)));
  if (entries_.size() > kKeep) entries_.pop_back();
  return entries_.front().second;
}

const std::string* ReportCache::Body(const std::string& target) const {
  for (const auto& [t, body] : bodies_)
    if (t == target) return &body;
  return nullptr;
}

void ReportCache::PutBody(std::string target, std::string body) {
  bodies_.emplace_front(std::move(target), std::move(body));
  if (bodies_.size() > kKeep) bodies_.pop_back();
}

}  // namespace journey::server
