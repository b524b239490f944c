// Which pages the navigation offers, from the session's permissions (GET /api/session:
// read_children, write_records, team, report, audit, users, grants). The server decides
// what each role may see on every request (issue 5, item 3); this only avoids offering
// links that would be refused.
export const ROLE_NAMES = {
  social_worker: 'Social worker',
  personal_adviser: 'Personal adviser',
  team_manager: 'Team manager',
  reviewing_officer: 'Reviewing officer',
  performance_analyst: 'Performance analyst',
  senior_leader: 'Senior leader',
  administrator: 'Administrator',
  inspector: 'Inspector (read only)',
};

// Roles with a caseload of their own (GET /api/me/work allows these).
const CASEWORK = ['social_worker', 'personal_adviser', 'team_manager', 'reviewing_officer'];

const can = (session, p) => (session.permissions || []).includes(p);

export function navFor(session) {
  const items = [];
  if (CASEWORK.includes(session.user.role)) items.push(['/', 'My work', 'work']);
  if (can(session, 'read_children')) items.push(['/children', 'Children', 'children']);
  if (can(session, 'team')) items.push(['/team', 'My team', 'team']);
  if (can(session, 'report')) items.push(['/performance', 'Performance', 'performance']);
  if (can(session, 'users') || can(session, 'audit')) items.push(['/admin', 'Administration', 'admin']);
  return items;
}

// Where a session lands after signing in: My work for those with a caseload; for leaders,
// analysts and inspectors the scorecard, then the team, then the children.
export function homeFor(session) {
  const nav = navFor(session).map((n) => n[2]);
  const first = ['work', 'performance', 'team', 'children', 'admin'].find((n) => nav.includes(n));
  return { work: '/', performance: '/performance', team: '/team', children: '/children', admin: '/admin' }[first] || '/';
}

export const canRecord = (session) => can(session, 'write_records');
