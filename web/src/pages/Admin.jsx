// Administration: user accounts and roles (GET/POST /api/users), teams (GET /api/teams) and
// the audit log search (GET /api/audit).
import { useState } from 'preact/hooks';
import { post, query } from '../api.js';
import { navigate, usePageTitle } from '../router.js';
import { useFetch } from '../useFetch.js';
import { Button, DateInput, ErrorSummary, NotificationBanner, Select, Table, Tag, TextInput } from '../components/govuk.jsx';
import { parseDateParts } from '../recordForm.js';
import { formatInstant, humanise } from '../format.js';
import { ROLE_NAMES } from '../roles.js';
import { Problem } from './Problem.jsx';

const TABS = [['users', 'Users and roles'], ['teams', 'Teams'], ['audit', 'Audit log']];

export function Admin({ params }) {
  const tab = params.tab || 'users';
  usePageTitle(`Administration: ${TABS.find((t) => t[0] === tab)?.[1] || ''}`);
  return (
    <>
      <h1 class="govuk-heading-xl">Administration</h1>
      <nav class="journey-subnav" aria-label="Administration">
        <ul class="govuk-list journey-subnav__list">
          {TABS.map(([id, text]) => (
            <li key={id}>
              <a class="govuk-link" href={`#/admin?tab=${id}`} aria-current={tab === id ? 'page' : undefined}>{text}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'users' && <Users />}
      {tab === 'teams' && <Teams />}
      {tab === 'audit' && <Audit params={params} />}
    </>
  );
}

function Users() {
  const users = useFetch('/api/users');
  const teams = useFetch('/api/teams');
  const blank = { username: '', name: '', role: '', password: '', team_id: '', expires: {} };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState([]);
  const [done, setDone] = useState('');
  if (users.error) return <Problem error={users.error} />;
  const set = (k) => (v) => setForm({ ...form, [k]: v });
  const err = (k) => errors.find((e) => e.field === k)?.message;
  const submit = async (e) => {
    e.preventDefault();
    const found = [];
    if (!form.username.trim()) found.push({ field: 'username', message: 'Enter a username' });
    if (!form.name.trim()) found.push({ field: 'name', message: 'Enter the person’s full name' });
    if (!form.role) found.push({ field: 'role', message: 'Select a role' });
    if (form.password.length < 12) found.push({ field: 'password', message: 'Enter a password of at least 12 characters' });
    // An inspector's account is time-limited (issue 5, item 3).
    const ends = parseDateParts(form.expires, 'The date the account ends');
    if (form.role === 'inspector' && !ends.value) found.push({ field: 'expires_at', message: ends.error || 'Enter the date the inspector’s account ends' });
    setErrors(found);
    setDone('');
    if (found.length) return;
    try {
      const { expires, ...rest } = form;
      const body = { ...rest, team_id: form.team_id ? Number(form.team_id) : undefined,
        expires_at: form.role === 'inspector' ? `${ends.value}T23:59:59Z` : undefined };
      await post('/api/users', body);
      setDone(`Account ${form.username} created.`);
      setForm(blank);
      users.reload();
    } catch (x) {
      setErrors(x.fields?.length ? x.fields : [{ field: 'username', message: x.message }]);
    }
  };
  return (
    <>
      {done && <NotificationBanner success title="Success"><p class="govuk-notification-banner__heading">{done}</p></NotificationBanner>}
      <Table
        caption="User accounts"
        head={['Name', 'Username', 'Role', 'Team', 'Status']}
        rows={(users.data?.items || []).map((u) => [
          u.name, u.username, ROLE_NAMES[u.role] || u.role, u.team_name || '',
          u.active === false ? <Tag colour="grey">Inactive</Tag> : <Tag colour="green">Active</Tag>,
        ])}
      />
      <h2 class="govuk-heading-m">Create an account</h2>
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors.map((e) => ({ text: e.message, href: `u-${e.field}` }))} />
        <form onSubmit={submit} noValidate>
          <TextInput id="u-username" label="Username" value={form.username} onInput={set('username')} error={err('username')} width="20" spellcheck={false} />
          <TextInput id="u-name" label="Full name" value={form.name} onInput={set('name')} error={err('name')} />
          <Select id="u-role" label="Role" value={form.role} onInput={set('role')} error={err('role')}
            options={Object.entries(ROLE_NAMES).map(([value, text]) => ({ value, text }))} />
          {form.role === 'inspector' && (
            <DateInput id="u-expires_at" legend="Date the account ends" hint="Inspectors' accounts are read-only and end on this date. For example, 19 12 2026"
              value={form.expires} onInput={set('expires')} error={err('expires_at')} />
          )}
          <Select id="u-team_id" label="Team (optional)" value={form.team_id} onInput={set('team_id')} error={err('team_id')} placeholder="No team"
            options={(teams.data?.items || []).map((t) => ({ value: String(t.id), text: t.name }))} />
          <TextInput id="u-password" label="First password" hint="At least 12 characters. Give it to the person in a safe way, not by email." type="password"
            value={form.password} onInput={set('password')} error={err('password')} autocomplete="new-password" width="20" />
          <Button>Create account</Button>
        </form>
      </div></div>
    </>
  );
}

function Teams() {
  const teams = useFetch('/api/teams');
  if (teams.error) return <Problem error={teams.error} />;
  const byId = Object.fromEntries((teams.data?.items || []).map((t) => [t.id, t.name]));
  return (
    <Table caption="Teams" head={['Team', 'Service', 'Part of']}
      rows={(teams.data?.items || []).map((t) => [t.name, t.service || '', byId[t.parent_team_id] || ''])} />
  );
}

const ACTIONS = ['read', 'create', 'change', 'sign_in', 'sign_in_failed', 'sign_out', 'grant', 'user_created', 'refused'];

function Audit({ params }) {
  const [f, setF] = useState({ user: params.user || '', child_id: params.child_id || '', action: params.action || '', from: params.from || '', to: params.to || '' });
  const log = useFetch(`/api/audit${query({ user: params.user, child_id: params.child_id, action: params.action, from: params.from, to: params.to, limit: 100 })}`);
  if (log.error) return <Problem error={log.error} />;
  const set = (k) => (v) => setF({ ...f, [k]: v });
  return (
    <>
      <form class="journey-filters" onSubmit={(e) => { e.preventDefault(); navigate('/admin', { tab: 'audit', ...f }); }}>
        <TextInput id="a-user" label="User" value={f.user} onInput={set('user')} width="10" />
        <TextInput id="a-child" label="Child ID" value={f.child_id} onInput={set('child_id')} width="10" inputmode="numeric" />
        <Select id="a-action" label="Action" value={f.action} onInput={set('action')} placeholder="Any"
          options={ACTIONS.map((a) => ({ value: a, text: a.replace(/_/g, ' ') }))} />
        <TextInput id="a-from" label="From (YYYY-MM-DD)" value={f.from} onInput={set('from')} width="10" />
        <TextInput id="a-to" label="To (YYYY-MM-DD)" value={f.to} onInput={set('to')} width="10" />
        <Button secondary>Search</Button>
      </form>
      <Table
        caption="Audit log, newest first"
        head={['When', 'Who', 'Action', 'Child', 'Record', 'Reason', 'From']}
        empty={log.loading ? 'Loading…' : 'Nothing matches.'}
        rows={(log.data?.items || []).map((a) => [
          <span class="journey-nowrap">{formatInstant(a.at, true)}</span>,
          <>{a.user}{a.role && <><br /><span class="govuk-body-s">{ROLE_NAMES[a.role] || a.role}</span></>}</>,
          a.action === 'refused' ? <Tag colour="red">refused</Tag> : a.action.replace(/_/g, ' '),
          a.child_id || '', a.kind ? `${humanise(a.kind)} ${a.record_id || ''}` : '', a.reason || '', a.origin || '',
        ])}
      />
    </>
  );
}
