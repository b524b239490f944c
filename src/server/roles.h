// Roles and what each may do: the one table the server consults on every request
// (docs/server.md explains each choice). Need-to-know about individual children (which
// children a user may open) is in access.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace journey::server {

enum class Role : uint8_t {
  kSocialWorker,
  kPersonalAdviser,
  kTeamManager,
  kReviewingOfficer,  // independent reviewing officer or child protection conference chair
  kAnalyst,           // performance analyst
  kSeniorLeader,      // director, head of service
  kAdministrator,
  kInspector,  // read-only, time-limited (an Ofsted inspection)
  kCount
};

std::string_view RoleName(Role r);  // "social_worker", ...
std::optional<Role> RoleByName(std::string_view name);

// What a route needs. A user may call a route when their role has its permission.
enum Permission : uint32_t {
  kSignedIn = 0,              // any signed-in user
  kReadChildren = 1u << 0,    // list and open children's records (within need-to-know)
  kWriteRecords = 1u << 1,    // record and change events on children they may see
  kMyWork = 1u << 2,          // a caseload of their own
  kTeam = 1u << 3,            // caseloads and exceptions of a team
  kReport = 1u << 4,          // indicators and reports in aggregate
  kReportChildren = 1u << 5,  // the children behind a figure (drill-down to names)
  kAudit = 1u << 6,           // search the audit log
  kUsers = 1u << 7,           // manage accounts
  kGrants = 1u << 8,          // grant access to restricted records
  kAllChildren = 1u << 9,     // every (unrestricted) child, not only their own and team's
};

uint32_t PermissionsOf(Role r);
inline bool Can(Role r, uint32_t needed) { return (PermissionsOf(r) & needed) == needed; }

}  // namespace journey::server
