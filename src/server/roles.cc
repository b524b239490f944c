#include "server/roles.h"

#include <array>

namespace journey::server {
namespace {

struct RoleDef {
  Role role;
  std::string_view name;
  uint32_t permissions;
};

// Need-to-know (Working Together to Safeguard Children 2023, information sharing; UK GDPR
// art. 5(1)(c) data minimisation): each role gets what its work needs and no more.
// - Practitioners (social workers, personal advisers, reviewing officers) see and record
//   on the children allocated to them and to their team.
// - Team managers also see their team's caseloads and exceptions, and the figures.
// - Senior leaders see every child's record read-only (case audits, escalations) and all
//   figures; they do not record on cases.
// - Analysts see figures, and the children behind a figure only by id (no names, no
//   records): child-level detail is not their role's need.
// - Administrators manage accounts, grants and the audit log, and see no child's record.
// - Inspectors read every child's record and figure, change nothing, and only until their
//   account's end date.
constexpr std::array<RoleDef, static_cast<size_t>(Role::kCount)> kRoles{{
    {Role::kSocialWorker, "social_worker", kReadChildren | kWriteRecords | kMyWork},
    {Role::kPersonalAdviser, "personal_adviser", kReadChildren | kWriteRecords | kMyWork},
    {Role::kTeamManager, "team_manager",
     kReadChildren | kWriteRecords | kMyWork | kTeam | kReport | kReportChildren},
    {Role::kReviewingOfficer, "reviewing_officer", kReadChildren | kWriteRecords | kMyWork},
    {Role::kAnalyst, "performance_analyst", kReport},
    {Role::kSeniorLeader, "senior_leader",
     kReadChildren | kAllChildren | kTeam | kReport | kReportChildren},
    {Role::kAdministrator, "administrator", kAudit | kUsers | kGrants},
    {Role::kInspector, "inspector", kReadChildren | kAllChildren | kReport | kReportChildren},
}};

}  // namespace

std::string_view RoleName(Role r) {
  size_t i = static_cast<size_t>(r);
  return i < kRoles.size() ? kRoles[i].name : "";
}

std::optional<Role> RoleByName(std::string_view name) {
  for (const RoleDef& d : kRoles)
    if (d.name == name) return d.role;
  return std::nullopt;
}

uint32_t PermissionsOf(Role r) {
  size_t i = static_cast<size_t>(r);
  return i < kRoles.size() ? kRoles[i].permissions : 0;
}

}  // namespace journey::server
