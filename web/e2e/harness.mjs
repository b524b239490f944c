// The browser tests' harness: a real `journey serve` on a generated council on a free
// 127.0.0.1 port, Debian's chromium driven by playwright-core, axe-core checks, screenshots,
// and a tiny runner that prints "N passed, N failed" (read by CTest and CI).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export function today() {
  return new Date().toISOString().slice(0, 10);
}

// A small council (quick to generate), its history ending today so that what is due is live.
export function generateCouncil(journey, dir) {
  const db = path.join(dir, 'council.db');
  const r = spawnSync(journey, ['generate', '--children', '8000', '--years', '3', '--seed', '5', '--as-at', today(), '--db', db], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`journey generate failed: ${r.stderr}`);
  return db;
}

export function copyDb(db, name) {
  const to = path.join(path.dirname(db), name);
  copyFileSync(db, to);
  return to;
}

// Starts `journey serve` on port 0 (the kernel picks a free one) and reads the address and
// the demo sign-ins it prints.
export function startServer(journey, db, staticDir, extra = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(journey, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1', '--static-dir', staticDir, '--demo-users', ...extra],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`journey serve did not start: ${out}${err}`)); }, 60000);
    const users = {};
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdout.on('data', (d) => {
      out += d;
      for (const m of out.matchAll(/^\s+(\S+)\s+username (\S+)\s+password (\S+)/gm)) users[m[1]] = { role: m[1], username: m[2], password: m[3] };
      const addr = out.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (addr && Object.keys(users).length >= 8) {
        clearTimeout(timer);
        resolve({ url: addr[1], users, proc, stop: () => stopServer(proc) });
      }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`journey serve exited ${code}: ${out}${err}`)); });
  });
}

function stopServer(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) { resolve(); return; }
    proc.removeAllListeners('exit');
    proc.on('exit', resolve);
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), 10000).unref();
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.JOURNEY_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

// A fresh browser context (no cookies, no cache) whose page records console errors and
// Content-Security-Policy violations, which fail the test.
export async function newPage(browser, server) {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|403|404|409|400|422)/.test(m.text())) page.problems.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.setDefaultTimeout(15000);
  return { context, page };
}

export async function signIn(page, user) {
  await page.goto('/');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Sign out' }).waitFor();
}

// axe-core on the page as it stands: no serious or critical violations of WCAG 2.1 A/AA.
export async function checkAccessibility(page, name) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const text = bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n  ');
    throw new Error(`axe on ${name}:\n  ${text}`);
  }
  return result.violations.length;
}

export async function screenshot(page, dir, name) {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // The whole page, cut at 2,400 pixels so that long lists stay readable.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 2400) } });
}

export function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'journey-web-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// Runs the tests one after another, each within its time limit; prints one line per test
// and the closing "N passed, N failed" line.
export async function runTests(tests, { only } = {}) {
  let passed = 0, failed = 0;
  for (const [name, fn, limitMs = 120000] of tests) {
    if (only && !name.includes(only)) continue;
    const t0 = Date.now();
    let timer;
    try {
      await Promise.race([fn(), new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${limitMs} ms`)), limitMs); })]);
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name} (${Date.now() - t0} ms)\n  ${String(e.stack || e).split('\n').slice(0, 8).join('\n  ')}`);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
