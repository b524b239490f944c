// Browser tests of the governance pages (issue 6): the real `journey serve` on a generated
// council with the demo inspection history and a small improvement plan loaded, Debian's
// chromium through playwright-core, axe-core on every page, screenshots. Run by CTest as
// web.browser_governance (web/scripts/ctest.sh governance).
//
//   node e2e/governance.mjs --journey build/journey [--screenshots docs/screenshots] [--only NAME]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  checkAccessibility, launchBrowser, newPage, runTests, screenshot, signIn, startServer,
  tempDir, today,
} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const { values: opts } = parseArgs({
  options: {
    journey: { type: 'string', default: path.join(root, 'build', 'journey') },
    screenshots: { type: 'string' },
    only: { type: 'string' },
  },
});
const shots = opts.screenshots ? path.resolve(opts.screenshots) : null;
const staticDir = path.join(root, 'web', 'dist');
const tmp = tempDir();
let server, browser;

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function journey(args) {
  const r = spawnSync(opts.journey, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`journey ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

// An improvement plan answering a (synthetic) focused visit: one action overdue, one whose
// measure cannot be on target (at least 101% of referrals decided in a working day), one
// done, one not yet due.
function planText() {
  const [y] = today().split('-').map(Number);
  return `worker 1 name="Avery Director" role=DIRECTOR start_date=${y - 3}-01-01
inspection 1 framework=FV council="Demo Council" start_date=${y - 1}-03-01 title="Focused visit: the front door" body=Ofsted
recommendation 1 inspection_id=1 type=AREA_FOR_IMPROVEMENT text="Decide on referrals within one working day." reference="paragraph 4"
recommendation 2 inspection_id=1 type=AREA_FOR_IMPROVEMENT text="Improve management oversight of assessments." reference="paragraph 5"
improvement_action 1 recommendation_id=1 title="Daily MASH triage meeting" owner_id=1 start_date=${y - 1}-04-01 due_date=${y - 1}-06-30 status=AT_RISK evidence="Meeting held most days; not yet at weekends."
improvement_action 2 recommendation_id=1 title="Referral decisions measured weekly" owner_id=1 start_date=${y - 1}-04-01 due_date=${y + 1}-03-31 status=ON_TRACK indicator=referral_decisions_within_1wd target=101
improvement_action 3 recommendation_id=2 title="Assessment audit programme" owner_id=1 start_date=${y - 1}-04-01 due_date=${y - 1}-09-30 status=DONE completed_date=${y - 1}-09-15 evidence="Twelve audits; findings in the QA report."
improvement_action 4 recommendation_id=2 title="Assessments on time" owner_id=1 start_date=${y - 1}-04-01 due_date=${y + 1}-03-31 status=ON_TRACK indicator=assessments_within_45wd target=0
`;
}

async function withPage(fn) {
  const { context, page } = await newPage(browser, server);
  try {
    await fn(page);
    assert(page.problems.length === 0, `browser console errors:\n  ${page.problems.join('\n  ')}`);
  } finally {
    await context.close();
  }
}

async function inspections() {
  await withPage(async (page) => {
    await signIn(page, server.users.senior_leader);
    await page.getByRole('link', { name: 'Governance' }).click();
    await page.getByRole('heading', { name: 'Inspections and improvement plan' }).waitFor();
    // The chart is drawn, and the history is there: the 2011 assessment's grade in its own
    // words, the 2016 single inspection's 17 + 4 recommendations.
    await page.getByTestId('judgement-chart').locator('svg').first().waitFor();
    await page.getByText('Performs adequately (2)').first().waitFor();
    await page.getByText('21 recommendations or areas for development').waitFor();
    const plan = page.getByRole('table', { name: 'Every action, overdue first' });
    await plan.waitFor();
    const first = await plan.locator('tbody tr').first().textContent();
    assert(first.includes('Daily MASH triage meeting') && first.includes('Overdue'), `the overdue action first: ${first}`);
    assert(first.includes('Avery Director'), 'the owner is named');
    await checkAccessibility(page, 'Inspections and improvement plan');
    await screenshot(page, shots, 'governance-inspections');
  });
}

async function leaders() {
  await withPage(async (page) => {
    await signIn(page, server.users.senior_leader);
    await page.goto('/#/governance/leaders');
    await page.getByRole('heading', { name: 'Improvement plan: needs attention' }).waitFor();
    const count = async (id) => Number((await page.getByTestId(id).locator('.journey-card__figure').textContent()).trim());
    assert(await count('overdue-actions') === 1, 'one action overdue');
    assert(await count('off-target') === 1, 'one measure off target (101% cannot be reached)');
    await page.getByRole('table', { name: 'Measures off target' }).getByText('Referral decisions measured weekly').waitFor();
    await checkAccessibility(page, 'Improvement plan: needs attention');
    await screenshot(page, shots, 'governance-leaders');
  });
}

// A social worker is not offered the pages, and the API refuses her.
async function refused() {
  await withPage(async (page) => {
    await signIn(page, server.users.social_worker);
    assert(await page.getByRole('link', { name: 'Governance' }).count() === 0, 'no Governance link');
    const status = await page.evaluate(() => fetch('/api/governance/plan').then((r) => r.status));
    assert(status === 403, `GET /api/governance/plan as a social worker: ${status}`);
  });
}

const tests = [
  ['inspections, the judgement chart and the improvement plan', inspections],
  ['senior leaders see overdue actions and off-target measures', leaders],
  ['a social worker is refused', refused],
];

let ok = false;
try {
  const db = path.join(tmp.dir, 'council.db');
  journey(['generate', '--children', '3000', '--years', '2', '--seed', '7', '--as-at', today(), '--db', db]);
  journey(['governance', 'load', '--db', db]);
  const plan = path.join(tmp.dir, 'plan.journey');
  writeFileSync(plan, planText());
  journey(['governance', 'load', '--db', db, plan]);
  server = await startServer(opts.journey, db, staticDir);
  browser = await launchBrowser();
  ok = await runTests(tests, { only: opts.only });
} catch (e) {
  console.log(`FAIL setting up the governance browser tests: ${e.stack || e}`);
  console.log('0 passed, 1 failed');
} finally {
  await browser?.close();
  await server?.stop();
  tmp.remove();
}
process.exit(ok ? 0 : 1);
