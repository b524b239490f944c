// The breakdowns every indicator can be cut by: the child's worker and team (as allocated
// on the case's date), age band, sex, ethnicity, disability, and the indicator's own
// category (e.g. category of abuse). Legal status, placement type and inside/outside the
// council are registered by the looked-after indicators' file, in the same way.
#include <fmt/format.h>

#include "engine/indicator.h"
#include "engine/population.h"
#include "model/kinds.h"

namespace journey::engine {
namespace {

int PersonField(std::string_view f) { return model::FieldOf(Kind::kPerson, f); }

// The person's code in `field` (0 when not recorded).
uint16_t PersonCode(const ChildView* v, int field) {
  if (!v || v->of(Kind::kPerson).empty()) return 0;
  return v->table(Kind::kPerson).Code(field, v->of(Kind::kPerson).begin);
}

std::string PersonCodeText(const Context& ctx, int field, int32_t key) {
  if (key == 0) return "not recorded";
  return std::string(
      ctx.projection->table(Kind::kPerson).CodeText(field, static_cast<uint16_t>(key)));
}

// DfE's age bands (CIN and CLA statistics), plus unborn and 18 and over (care leavers).
enum AgeBand : int32_t { kUnknown, kUnborn, kUnder1, k1to4, k5to9, k10to15, k16to17, k18plus };
int32_t AgeBandOf(int32_t age) {
  if (age == kNoInt) return kUnknown;
  if (age < 0) return kUnborn;
  if (age < 1) return kUnder1;
  if (age <= 4) return k1to4;
  if (age <= 9) return k5to9;
  if (age <= 15) return k10to15;
  if (age <= 17) return k16to17;
  return k18plus;
}

}  // namespace

void RegisterCoreDimensions(IndicatorRegistry& r) {
  r.AddDimension(DimensionDef{"team",
                              "Team (of the worker allocated on the case's date)",
                              {},
                              [](const DimensionInput& in) -> int32_t {
                                if (in.c.worker) return in.ctx.projection->WorkerTeam(in.c.worker);
                                if (!in.child) return 0;
                                int32_t worker, team;
                                AllocatedOn(in.ctx, *in.child, in.c.day, &worker, &team);
                                return team;
                              },
                              [](const Context&, const IndicatorInfo&, int32_t key) {
                                return key ? fmt::format("team {}", key)
                                           : std::string("unallocated");
                              },
                              nullptr});
  r.AddDimension(DimensionDef{"worker",
                              "Worker (allocated on the case's date)",
                              {},
                              [](const DimensionInput& in) -> int32_t {
                                if (in.c.worker || !in.child) return in.c.worker;
                                int32_t worker, team;
                                AllocatedOn(in.ctx, *in.child, in.c.day, &worker, &team);
                                return worker;
                              },
                              [](const Context&, const IndicatorInfo&, int32_t key) {
                                return key ? fmt::format("worker {}", key)
                                           : std::string("unallocated");
                              },
                              nullptr});
  r.AddDimension(DimensionDef{
      "age_band",
      "Age on the case's date (DfE bands)",
      {},
      [](const DimensionInput& in) -> int32_t {
        return in.child ? AgeBandOf(AgeOn(*in.child, in.c.day)) : kUnknown;
      },
      [](const Context&, const IndicatorInfo&, int32_t key) -> std::string {
        static const char* const kLabels[] = {"not known", "unborn", "under 1", "1-4",
                                              "5-9",       "10-15",  "16-17",   "18 and over"};
        return key >= 0 && key <= k18plus ? kLabels[key] : "not known";
      },
      [](const Population& p, int32_t key) -> std::optional<double> {
        switch (key) {
          case kUnder1:
            return p.Ages(0, 0);
          case k1to4:
            return p.Ages(1, 4);
          case k5to9:
            return p.Ages(5, 9);
          case k10to15:
            return p.Ages(10, 15);
          case k16to17:
            return p.Ages(16, 17);
          default:
            return std::nullopt;  // no population of the unborn or of adults
        }
      }});
  r.AddDimension(DimensionDef{"sex",
                              "Sex (903 SEX, CIN GenderCurrent)",
                              {},
                              [](const DimensionInput& in) -> int32_t {
                                static const int f = PersonField("sex");
                                return PersonCode(in.child, f);
                              },
                              [](const Context& ctx, const IndicatorInfo&, int32_t key) {
                                static const int f = PersonField("sex");
                                return PersonCodeText(ctx, f, key);
                              },
                              [](const Population& p, int32_t key) -> std::optional<double> {
                                // Code values are 1 + the index in the sex list (M, F, U).
                                if (key == 1) return p.Sex(0);
                                if (key == 2) return p.Sex(1);
                                return std::nullopt;
                              }});
  r.AddDimension(DimensionDef{"ethnicity",
                              "Ethnicity (DfE main codes)",
                              {},
                              [](const DimensionInput& in) -> int32_t {
                                static const int f = PersonField("ethnicity");
                                return PersonCode(in.child, f);
                              },
                              [](const Context& ctx, const IndicatorInfo&, int32_t key) {
                                static const int f = PersonField("ethnicity");
                                return PersonCodeText(ctx, f, key);
                              },
                              nullptr});
  r.AddDimension(DimensionDef{
      "disability",
      "Disability recorded on or before the case's date (CIN Disability)",
      {Kind::kDisability},
      [](const DimensionInput& in) -> int32_t {
        static const int f_code = model::FieldOf(Kind::kDisability, "disability"),
                         f_date = model::FieldOf(Kind::kDisability, "recorded_date");
        if (!in.child) return 0;
        const KindTable& t = in.child->table(Kind::kDisability);
        static const uint16_t none = t.CodeValue(f_code, "NONE");
        const RowRange rows = in.child->of(Kind::kDisability);
        for (uint32_t i = rows.begin; i < rows.end; ++i) {
          const int32_t d = t.Day(f_date, i);
          if (t.Code(f_code, i) != none && (d == kNoDay || d <= in.c.day)) return 1;
        }
        return 2;
      },
      [](const Context&, const IndicatorInfo&, int32_t key) -> std::string {
        return key == 1 ? "disabled" : key == 2 ? "no disability recorded" : "not known";
      },
      nullptr});
  r.AddDimension(DimensionDef{
      "category",
      "The indicator's own category (e.g. category of abuse, contact outcome)",
      {},
      [](const DimensionInput& in) -> int32_t { return in.c.category; },
      [](const Context& ctx, const IndicatorInfo& info, int32_t key) -> std::string {
        if (info.category_field.empty()) return "(no category)";
        if (key == 0) return "not recorded";
        const int f = model::FieldOf(info.category_kind, info.category_field);
        return std::string(
            ctx.projection->table(info.category_kind).CodeText(f, static_cast<uint16_t>(key)));
      },
      // A category divides the numerator, not the population: a rate by category of abuse
      // is per 10,000 of all children (the DfE's plans by category).
      [](const Population& p, int32_t) -> std::optional<double> { return p.Total(); },
      [](const IndicatorInfo& info) { return !info.category_field.empty(); }});
}

}  // namespace journey::engine
