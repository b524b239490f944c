// Browser tests (issue 5): the real `journey serve` on a generated council, Debian's
// chromium through playwright-core, axe-core on every page, a screenshot of each page in
// docs/screenshots/. Run by CTest as web.browser (web/scripts/ctest.sh browser).
//
//   node e2e/run.mjs --journey build/journey [--screenshots docs/screenshots] [--only NAME]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  checkAccessibility, copyDb, generateCouncil, launchBrowser, newPage, runTests, screenshot,
  signIn, startServer, tempDir, today,
} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const { values: opts } = parseArgs({
  options: {
    journey: { type: 'string', default: path.join(root, 'build', 'journey') },
    screenshots: { type: 'string' },
    'timing-out': { type: 'string' },
    only: { type: 'string' },
  },
});
const shots = opts.screenshots ? path.resolve(opts.screenshots) : null;
const staticDir = path.join(root, 'web', 'dist');

const tmp = tempDir();
let server, idleServer, browser;
const timings = {};

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function noProblems(page) {
  assert(page.problems.length === 0, `browser console errors:\n  ${page.problems.join('\n  ')}`);
}

async function withPage(fn, srv = server) {
  const { context, page } = await newPage(browser, srv);
  try {
    await fn(page, context);
    noProblems(page);
  } finally {
    await context.close();
  }
}

async function overdueCount(page) {
  const card = page.getByTestId('overdue-count');
  await card.waitFor();
  return Number((await card.locator('.journey-card__figure').textContent()).trim());
}

// The first page of My work on a cold start: a fresh browser context (empty cache), timed
// in the page from navigation to the due list on screen (the mark MyWork.jsx sets). The
// first try is against a server that has just started; three tries, as the two cores are
// shared with whatever else runs, and the best must be under a second.
async function coldStart() {
  const tries = [];
  for (let i = 0; i < 3; i++) {
    await withPage(async (page, context) => {
      const sw = server.users.social_worker;
      const r = await context.request.post('/api/session', { data: { username: sw.username, password: sw.password } });
      assert(r.ok(), `sign-in by API: ${r.status()}`);
      await page.goto('/');
      await page.getByTestId('overdue-count').waitFor();
      await page.locator('table.govuk-table tbody tr').first().waitFor();
      const t = await page.evaluate(() => ({
        usable: performance.getEntriesByName('journey:my-work-usable')[0].startTime,
        dom: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      }));
      tries.push({ usable_ms: Math.round(t.usable), dom_content_loaded_ms: Math.round(t.dom) });
    });
  }
  const best = Math.min(...tries.map((t) => t.usable_ms));
  Object.assign(timings, { my_work_usable_ms: best, tries });
  console.log(`     My work usable after ${tries.map((t) => `${t.usable_ms} ms`).join(', ')} (DOMContentLoaded ${tries.map((t) => t.dom_content_loaded_ms).join(', ')} ms)`);
  assert(best < 1000, `My work took ${best} ms at best to be usable (bound: 1000 ms)`);
}

// Each role signs in and lands on its own first page, which passes axe.
async function eachRole() {
  const home = {
    social_worker: 'My work', personal_adviser: 'My work', team_manager: 'My work', reviewing_officer: 'My work',
    performance_analyst: 'Performance', senior_leader: 'Performance', administrator: 'Administration', inspector: 'Performance',
  };
  for (const [role, user] of Object.entries(server.users)) {
    await withPage(async (page) => {
      await signIn(page, user);
      const h1 = page.locator('main h1');
      await h1.waitFor();
      const want = home[role];
      await page.waitForFunction((w) => document.querySelector('main h1')?.textContent.startsWith(w), want);
      await checkAccessibility(page, `${role}'s first page`);
      if (role !== 'social_worker') await screenshot(page, shots, `home-${role}`); // my-work.png is hers
    });
  }
}

async function signInPage() {
  await withPage(async (page) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await checkAccessibility(page, 'sign-in');
    await screenshot(page, shots, 'sign-in');
    // Wrong password: an error summary that takes focus, and the error beside the field.
    await page.getByLabel('Username').fill(server.users.social_worker.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert(await summary.evaluate((el) => el === document.activeElement), 'the error summary has focus');
    await checkAccessibility(page, 'sign-in with an error');
    await screenshot(page, shots, 'sign-in-error');
    await page.getByLabel('Password').fill('');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#password-error').waitFor();
  });
}

// Record a seen visit for the most overdue visit on My work; the overdue count falls.
async function recordVisit() {
  await withPage(async (page) => {
    await signIn(page, server.users.social_worker);
    const before = await overdueCount(page);
    await screenshot(page, shots, 'my-work');
    await checkAccessibility(page, 'My work');
    const work = await page.evaluate(() => fetch('/api/me/work').then((r) => r.json()));
    const item = work.items.find((i) => i.days_overdue > 0 && /_VISIT$/.test(i.rule) && i.rule !== 'PF_VISIT');
    assert(item, `no overdue visit on My work (rules: ${[...new Set(work.items.map((i) => i.rule))].join(', ')})`);
    const sameChildOverdue = work.items.filter((i) => i.child_id === item.child_id && i.rule === item.rule && i.days_overdue > 0).length;
    await page.getByRole('link', { name: item.child_name }).first().click();
    await page.getByRole('heading', { name: 'At a glance' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    await checkAccessibility(page, 'a child');
    await screenshot(page, shots, 'child');
    await page.getByRole('link', { name: 'Visit', exact: true }).click();
    await page.getByRole('heading', { name: 'Visit' }).waitFor();
    // First with nothing filled in: errors in the summary and beside the fields.
    await page.getByRole('button', { name: /Save visit/ }).click();
    await page.locator('.govuk-error-summary').waitFor();
    assert(await page.locator('#f-visit_date-error').isVisible(), 'error beside the visit date');
    await checkAccessibility(page, 'the visit form with errors');
    await screenshot(page, shots, 'record-visit-errors');
    const type = { CP_VISIT: 'CP', CIN_VISIT: 'CIN', CLA_VISIT: 'CLA' }[item.rule];
    await page.getByLabel('Type of visit').selectOption(type);
    const [y, m, d] = today().split('-');
    await page.getByLabel('Day').fill(String(Number(d)));
    await page.getByLabel('Month').fill(String(Number(m)));
    await page.getByLabel('Year').fill(y);
    await page.locator('#f-seen').check();
    await page.locator('#f-seen_alone').check();
    await screenshot(page, shots, 'record-visit');
    await page.getByRole('button', { name: /Save visit/ }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    await page.getByRole('link', { name: 'My work' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=overdue-count] .journey-card__figure')?.textContent) < n, before, { timeout: 10000 })
      .catch(() => {});
    const after = await overdueCount(page);
    assert(after <= before - sameChildOverdue && after < before, `overdue count went from ${before} to ${after} after recording the visit`);
  });
}

// A record's history of changes, from the chronology.
async function history() {
  await withPage(async (page) => {
    await signIn(page, server.users.social_worker);
    const kids = await page.evaluate(() => fetch('/api/children?limit=5').then((r) => r.json()));
    const child = kids.items.find((c) => !c.restricted);
    await page.goto(`/#/children/${child.id}`);
    await page.getByRole('heading', { name: 'Chronology' }).waitFor();
    await page.locator('table tbody tr a', { hasText: 'Changes' }).first().click();
    await page.getByRole('heading', { name: /^Changes to this/ }).waitFor();
    await page.getByRole('heading', { name: /^Version 1/ }).waitFor();
    await checkAccessibility(page, 'history of a record');
    await screenshot(page, shots, 'history');
  });
}

// A social worker is not offered Administration, and going there is refused by the server,
// also after a reload; a restricted record asks for a reason.
async function refused() {
  await withPage(async (page) => {
    await signIn(page, server.users.social_worker);
    assert(await page.getByRole('link', { name: 'Administration' }).count() === 0, 'no Administration link for a social worker');
    await page.goto('/#/admin');
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    assert(await page.locator('table').count() === 0, 'nothing of the refused page is shown');
    await checkAccessibility(page, 'a refused page');
    await screenshot(page, shots, 'refused');
    const direct = await page.evaluate(() => fetch('/api/users').then((r) => r.status));
    assert(direct === 403, `GET /api/users as a social worker: ${direct}`);
  });
}

// A restricted record asks why it is being opened; with a grant (the demo team manager has
// one) and a reason it opens; without a grant it stays closed whatever the reason.
async function restricted() {
  let childId;
  await withPage(async (page) => {
    await signIn(page, server.users.team_manager);
    const grants = await page.evaluate(async () => {
      for (let offset = 0; offset < 5000; offset += 500) {
        const r = await fetch(`/api/children?limit=500&offset=${offset}`).then((x) => x.json());
        const hit = r.items.find((c) => c.restricted);
        if (hit) return hit.id;
        if (offset + 500 >= r.total) break;
      }
      return null;
    });
    childId = grants;
    assert(childId, 'the team manager can see a restricted child');
    await page.goto(`/#/children/${childId}`);
    await page.getByRole('heading', { name: 'This record is restricted' }).waitFor();
    await page.getByRole('button', { name: 'Open the record' }).click();
    await page.locator('#reason-error').waitFor();
    await checkAccessibility(page, 'asking for a reason');
    await screenshot(page, shots, 'restricted-reason');
    await page.getByLabel('Why do you need to open this record?').fill('Preparing for the adoption panel');
    await page.getByRole('button', { name: 'Open the record' }).click();
    await page.getByRole('heading', { name: 'At a glance' }).waitFor();
    await page.locator('h1 .govuk-tag', { hasText: 'Restricted' }).waitFor();
  });
  await withPage(async (page) => {
    await signIn(page, server.users.social_worker);
    await page.goto(`/#/children/${childId}?reason=${encodeURIComponent('Curious')}`);
    await page.getByRole('heading', { name: /You cannot open this restricted record|You do not have access/ }).waitFor();
    assert(await page.getByRole('heading', { name: 'At a glance' }).count() === 0, 'nothing of the record is shown');
  });
}

async function team() {
  await withPage(async (page) => {
    await signIn(page, server.users.team_manager);
    await page.getByRole('link', { name: 'My team' }).click();
    await page.getByRole('heading', { name: 'Caseloads' }).or(page.locator('caption', { hasText: 'Caseloads' })).first().waitFor();
    await page.locator('caption', { hasText: 'Exception report' }).waitFor();
    await checkAccessibility(page, 'My team');
    await screenshot(page, shots, 'team');
  });
}

async function admin() {
  await withPage(async (page) => {
    await signIn(page, server.users.administrator);
    await page.locator('caption', { hasText: 'User accounts' }).waitFor();
    await page.locator('table tbody tr').nth(2).waitFor();
    await checkAccessibility(page, 'Administration: users');
    await screenshot(page, shots, 'admin-users');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checkAccessibility(page, 'Administration: create account with errors');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('caption', { hasText: 'Audit log' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    await checkAccessibility(page, 'Administration: audit log');
    await screenshot(page, shots, 'admin-audit');
  });
}

async function children() {
  await withPage(async (page) => {
    await signIn(page, server.users.team_manager);
    await page.getByRole('link', { name: 'Children', exact: true }).click();
    await page.getByLabel('Search by name or ID').waitFor();
    await page.locator('table tbody tr').first().waitFor();
    await checkAccessibility(page, 'Children');
    await screenshot(page, shots, 'children');
  });
}

async function performance() {
  await withPage(async (page) => {
    await signIn(page, server.users.performance_analyst);
    await page.getByRole('heading', { name: 'Performance' }).waitFor();
    await page.locator('.journey-indicator').first().waitFor();
    await page.waitForLoadState('networkidle');
    await checkAccessibility(page, 'Performance');
    await screenshot(page, shots, 'performance');
    // An analyst sees the children behind a figure by id only.
    await page.locator('.journey-indicator a', { hasText: 'By team, worker and child' }).first().click();
    await page.getByRole('link', { name: "The children behind the council's figure" }).click();
    await page.getByText('by their Journey ID only').waitFor();
    assert(await page.locator('table a[href^="#/children/"]').count() === 0, 'an analyst was given links to children');
  });
}

// Drill down from a red indicator (worse than England) to a child: council, team, worker,
// the children behind the worker's figure, and the child's record.
async function drillFromRed() {
  await withPage(async (page) => {
    await signIn(page, server.users.senior_leader);
    await page.goto('/#/performance?trend=yearly');
    const red = page.locator('.journey-indicator[data-rag="red"]').first();
    await red.waitFor();
    const title = (await red.locator('h3').textContent()).trim();
    await red.getByRole('link', { name: /By team, worker and child/ }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('table', { name: 'By team' }).waitFor();
    await checkAccessibility(page, 'Performance by team');
    await page.getByRole('table', { name: 'By team' }).locator('tbody a').first().click();
    await page.getByRole('table', { name: 'By worker in the team' }).locator('tbody a').first().click();
    const child = page.locator('table a[href^="#/children/"]').first();
    await child.waitFor();
    await checkAccessibility(page, 'The children behind a figure');
    await screenshot(page, shots, 'performance-drill');
    const name = (await child.textContent()).trim();
    await child.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  });
}

// A session that ends mid-form loses nothing: the server (started with --idle-minutes 1)
// ends the session while a case note is half written; the page warns first, then asks to
// sign in again above the form, which still holds the text; saving then works. A reload
// after that restores the draft from the server.
async function sessionExpiresMidForm() {
  await withPage(async (page) => {
    const sw = idleServer.users.social_worker;
    await signIn(page, sw);
    const kids = await page.evaluate(() => fetch('/api/children?limit=5').then((r) => r.json()));
    const child = kids.items.find((c) => !c.restricted);
    await page.goto(`/#/children/${child.id}/new/case_note`);
    await page.getByRole('heading', { name: 'Case note or management oversight' }).waitFor();
    const text = 'Visited at home. <script>alert(1)</script> Mum says the school run is easier now.';
    await page.getByLabel('The note').fill(text);
    await page.getByLabel('Kind of note').selectOption('CASE_NOTE');
    await page.getByTestId('draft-status').filter({ hasText: 'Draft saved.' }).waitFor();
    // The warning comes before the end (the idle window is one minute, the warning two).
    await page.getByRole('region', { name: 'Session time-out warning' }).waitFor();
    await screenshot(page, shots, 'idle-warning');
    await page.getByRole('heading', { name: 'Your session has ended' }).waitFor({ timeout: 90000 });
    assert(await page.getByLabel('The note').inputValue() === text, 'the note is still in the form');
    await checkAccessibility(page, 'signing in again above a form');
    await screenshot(page, shots, 'session-ended');
    await page.getByLabel('Username').fill(sw.username);
    await page.getByLabel('Password').fill(sw.password);
    await page.getByRole('button', { name: 'Sign in and carry on' }).click();
    await page.getByRole('heading', { name: 'Your session has ended' }).waitFor({ state: 'detached' });
    // Reload: the draft comes back from the server.
    await page.reload();
    await page.getByTestId('draft-status').filter({ hasText: 'We restored what you typed before.' }).waitFor();
    assert(await page.getByLabel('The note').inputValue() === text, 'the draft is restored after a reload');
    const [y, m, d] = today().split('-');
    await page.getByLabel('Day').fill(String(Number(d)));
    await page.getByLabel('Month').fill(String(Number(m)));
    await page.getByLabel('Year').fill(y);
    await page.getByLabel('Time', { exact: true }).fill('10:15');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    // The script in the note is shown as text, not run.
    await page.getByText('<script>alert(1)</script>', { exact: false }).first().waitFor();
    const left = await page.evaluate(() => fetch('/api/drafts').then((r) => r.json()));
    assert(!left.items.some((i) => i.key.includes('case_note')), 'the draft is gone once saved');
  }, idleServer);
}

const tests = [
  ['cold start: My work usable in under a second', coldStart],
  ['sign-in page, wrong password, empty field', signInPage],
  ['each role signs in to its first page', eachRole, 240000],
  ['record a visit and see the overdue count fall', recordVisit],
  ['a record\'s history', history],
  ['a refused page stays refused', refused],
  ['children search', children],
  ['a restricted record asks for a reason', restricted],
  ['my team', team],
  ['performance', performance],
  ['drill down from a red indicator to a child', drillFromRed],
  ['administration', admin],
  ['a session that expires mid-form loses nothing', sessionExpiresMidForm, 180000],
];

let ok = false;
try {
  const db = generateCouncil(opts.journey, tmp.dir);
  const idleDb = copyDb(db, 'idle.db');
  server = await startServer(opts.journey, db, staticDir);
  idleServer = await startServer(opts.journey, idleDb, staticDir, ['--idle-minutes', '1']);
  browser = await launchBrowser();
  ok = await runTests(tests, { only: opts.only });
  if (opts['timing-out'] && timings.my_work_usable_ms) writeFileSync(opts['timing-out'], `${JSON.stringify(timings, null, 2)}\n`);
} catch (e) {
  console.log(`FAIL setting up the browser tests: ${e.stack || e}`);
  console.log('0 passed, 1 failed');
} finally {
  await browser?.close();
  await server?.stop();
  await idleServer?.stop();
  tmp.remove();
}
process.exit(ok ? 0 : 1);
