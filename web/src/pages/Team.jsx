// My team (managers): each worker's caseload and overdue items (GET /api/team/caseloads) and
// the exception report, most overdue first (GET /api/team/exceptions). Senior leaders choose
// the team (GET /api/teams).
import { href, navigate, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Select, Table, Tag } from '../components/govuk.jsx';
import { capitalise, formatDate, overdueText, urgencyColour } from '../format.js';
import { codeLists } from 'virtual:kinds';
import { ROLE_NAMES } from '../roles.js';

// A worker's role: the worker record's code (data/code_lists.csv worker_role) or an account's.
const roleName = (r) => codeLists.worker_role.find((c) => c.code === r)?.label || ROLE_NAMES[r] || r || '';
import { Loading, Problem } from './Problem.jsx';

export function Team({ params, session }) {
  const q = query({ team_id: params.team_id, as_at: params.as_at });
  const caseloads = useFetch(`/api/team/caseloads${q}`);
  const exceptions = useFetch(`/api/team/exceptions${q}`);
  const chooser = session.user.role === 'senior_leader';
  const teams = useFetch(chooser ? '/api/teams' : null);
  const teamName = caseloads.data?.team?.name;
  usePageTitle(teamName ? `My team: ${teamName}` : 'My team');
  if (caseloads.error) return <Problem error={caseloads.error} />;
  if (!caseloads.data) return <Loading />;
  const workers = caseloads.data.workers || [];
  const items = exceptions.data?.items || [];
  const total = (k) => workers.reduce((n, w) => n + (w[k] || 0), 0);
  return (
    <>
      <span class="govuk-caption-l">As at {formatDate(caseloads.data.as_at)}</span>
      <h1 class="govuk-heading-xl">{teamName || 'My team'}</h1>
      {chooser && teams.data && (
        <Select id="team" label="Team" value={String(params.team_id || caseloads.data.team?.id || '')}
          onInput={(v) => navigate('/team', { team_id: v })}
          options={(teams.data.items || []).map((t) => ({ value: String(t.id), text: t.name }))} />
      )}
      <div class="journey-cards">
        <div class="journey-card"><span class="journey-card__figure">{total('children')}</span><span class="journey-card__label">children allocated</span></div>
        <div class={`journey-card ${total('overdue') ? 'journey-card--red' : 'journey-card--green'}`}><span class="journey-card__figure">{total('overdue')}</span><span class="journey-card__label">overdue items</span></div>
        <div class="journey-card"><span class="journey-card__figure">{total('due_soon')}</span><span class="journey-card__label">due soon</span></div>
      </div>
      <Table
        caption="Caseloads"
        head={['Worker', 'Role', 'Children', 'Overdue', 'Due soon']}
        numeric={[2, 3, 4]}
        rows={workers.map((w) => [
          w.name, roleName(w.role), w.children ?? 0,
          w.overdue ? <Tag colour="red">{w.overdue}</Tag> : '0', w.due_soon ?? 0,
        ])}
      />
      <Table
        caption="Exception report: overdue, most overdue first"
        head={['Child', 'What is overdue', 'Due by', 'Worker', 'Overdue by']}
        empty={exceptions.loading ? 'Loading…' : 'Nothing in the team is overdue.'}
        rows={items.map((i) => [
          i.child_id ? <a class="govuk-link" href={href(`/children/${i.child_id}`)}>{i.child_name}</a> : 'About the worker',
          capitalise(i.rule_title), formatDate(i.due), i.worker_name || 'Not allocated',
          <Tag colour={urgencyColour(i.days_overdue)}>{overdueText(i.days_overdue)}</Tag>,
        ])}
      />
    </>
  );
}
