import { describe, expect, it } from 'vitest';
import { formatDate, overdueText, urgencyColour } from './format.js';
import { parseHash } from './router.js';
import { homeFor, navFor } from './roles.js';
import { comparator, downloadHref, rag, showValue } from './pages/Performance.jsx';

describe('format', () => {
  it('writes dates as GOV.UK style asks', () => {
    expect(formatDate('2026-03-27')).toBe('27 March 2026');
    expect(formatDate('2026-03-07T09:05')).toBe('7 March 2026 at 09:05');
    expect(formatDate('')).toBe('');
  });
  it('says how overdue something is', () => {
    expect(overdueText(3)).toBe('3 days overdue');
    expect(overdueText(1)).toBe('1 day overdue');
    expect(overdueText(0)).toBe('Due today');
    expect(overdueText(-1)).toBe('Due tomorrow');
    expect(overdueText(-6)).toBe('Due in 6 days');
    expect([urgencyColour(1), urgencyColour(0), urgencyColour(-6), urgencyColour(-7)]).toEqual(['red', 'amber', 'amber', 'grey']);
  });
});

describe('routes', () => {
  it('parses hash routes and their parameters', () => {
    expect(parseHash('')).toMatchObject({ name: 'work' });
    expect(parseHash('#/children/42')).toMatchObject({ name: 'child', args: ['42'] });
    expect(parseHash('#/children/42/new/visit?reason=x')).toMatchObject({ name: 'record', args: ['42', 'visit'], params: { reason: 'x' } });
    expect(parseHash('#/children/42/records/visit/7')).toMatchObject({ name: 'history', args: ['42', 'visit', '7'] });
    expect(parseHash('#/nowhere')).toMatchObject({ name: 'notfound' });
  });
  it('offers each role only the pages its permissions allow', () => {
    const names = (role, permissions) => navFor({ user: { role }, permissions }).map((n) => n[2]);
    expect(names('social_worker', ['read_children', 'write_records'])).toEqual(['work', 'children']);
    expect(names('team_manager', ['read_children', 'write_records', 'team', 'report'])).toEqual(['work', 'children', 'team', 'performance']);
    expect(names('administrator', ['users', 'audit', 'grants'])).toEqual(['admin']);
    expect(names('performance_analyst', ['report'])).toEqual(['performance']);
    const home = (role, permissions) => homeFor({ user: { role }, permissions });
    expect(home('social_worker', ['read_children', 'write_records'])).toBe('/');
    expect(home('senior_leader', ['read_children', 'team', 'report'])).toBe('/performance');
    expect(home('administrator', ['users', 'audit'])).toBe('/admin');
  });
});

describe('performance', () => {
  const pct = { id: 'a', title: 'Assessments in 45 days', unit: 'percent', polarity: 'higher' };
  it('shows figures and compares with England by polarity', () => {
    expect(showValue(pct, 81.234)).toBe('81.2%');
    expect(showValue(pct, null)).toBe('No data');
    expect(showValue({ unit: 'count' }, 1234)).toBe('1,234');
    expect(showValue({ unit: 'per_10k' }, 42.94)).toBe('42.9 per 10,000');
    expect(rag(pct, 80, 85)).toBe('red');
    expect(rag(pct, 85, 85)).toBe('green');
    expect(rag({ ...pct, polarity: 'lower' }, 80, 85)).toBe('green');
    expect(rag(pct, 80, null)).toBe('grey');
  });
  it('compares with England, else the statistical neighbours', () => {
    expect(comparator({ england: { value: 24 }, neighbours: { value: 20 } })).toBe(24);
    expect(comparator({ england: null, neighbours: { value: 20 } })).toBe(20);
    expect(comparator({ england: null, neighbours: null })).toBe(null);
  });
  it('downloads the figures the server computed', () => {
    expect(downloadHref({ trend: 'yearly', as_at: '2026-03-31' }, 'xlsx', { indicators: 'a' }))
      .toBe('/api/report?as_at=2026-03-31&trend=yearly&indicators=a&format=xlsx');
    expect(downloadHref({}, 'csv')).toBe('/api/report?trend=monthly&format=csv');
  });
});

describe('chronology details', async () => {
  const { detailsText } = await import('./pages/Child.jsx');
  it('uses the form labels, code labels, Yes/No and dates in words', () => {
    expect(detailsText('visit', 'visit_type: CIN; seen: true; seen_alone: false'))
      .toBe('Type of visit: Visit to a child in need; Child seen: Yes; Child seen alone: No');
    expect(detailsText('section47_enquiry', 'end_date: 2026-07-17; outcome: ICPC'))
      .toBe('Enquiry completed: 17 July 2026; Outcome of the enquiry: Initial child protection conference');
    expect(detailsText('supervision', 'supervision_type: CASE')).toBe('Supervision type: CASE');
    expect(detailsText('visit', '')).toBe('');
  });
});
