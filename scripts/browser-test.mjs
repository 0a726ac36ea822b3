#!/usr/bin/env node
// `npm run test:browser`: the built ESM (dist/) in headless Chromium.
//
// A tiny node:http server serves the browser-safe subpaths' files from dist/
// (never ./files or the CLI, which are Node-only: asking for them is a
// failure), zod from node_modules, and a page whose import map gives every
// subpath its public name, so test/browser/smoke.js imports the package as an
// app would. The page runs one decision from each area; this script checks
// each result against its expected value, runs the same checks in Node and
// compares, compares each subpath's export names with Node's, and fails on any
// page error, console error or failed request.
//
// The browser is the system's Chromium (playwright-core never downloads one):
// CSP_BROWSER=/path/to/chromium, or the first of the usual places. Without one
// the browser half is SKIPPED (exit 0) and says how to install one, unless
// CSP_REQUIRE_BROWSER=1 or CI is set (then it fails); CSP_REQUIRE_BROWSER=0
// allows the skip even in CI. Writes reports/browser.json for npm test's summary.
import { deepStrictEqual } from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { delimiter, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** Subpaths that are Node-only: not in the page, and refused by the server. */
const NODE_ONLY_SUBPATHS = ['./files'];
const NODE_ONLY_DIST = ['dist/files/', 'dist/cli/'];
/** Runtime dependencies only the Node-only subpaths import. */
const NODE_ONLY_DEPENDENCIES = ['papaparse'];
/** Every area the page must have checked (`root` is the package's root entry). */
const AREAS = [
  'core',
  'markets',
  'access',
  'activation',
  'lifecycle',
  'billing',
  'cancellation',
  'refunds',
  'reconciliation',
  'schemas',
  'explain',
  'root',
];
/** The browser's clock zone and language: far from UTC, so a rule that read either would show. */
const BROWSER_TIME_ZONE = 'Pacific/Kiritimati';
const BROWSER_LOCALE = 'it-IT';
const TIMEOUT_MS = 30_000;
const INSTALL_HINT =
  'install one (Debian/Ubuntu: apt-get install -y chromium) or set CSP_BROWSER=/path/to/chromium';

const strict =
  process.env.CSP_REQUIRE_BROWSER === undefined
    ? !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase())
    : process.env.CSP_REQUIRE_BROWSER === '1';

function report(result) {
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports', 'browser.json'), `${JSON.stringify(result, null, 2)}\n`);
}

function fail(message, extra = {}) {
  console.error(`browser test FAILED: ${message}`);
  report({ status: 'failed', reason: message, ...extra });
  process.exit(1);
}

/** The Chromium to drive: CSP_BROWSER, else the first one found in the usual places. */
function findBrowser() {
  const given = process.env.CSP_BROWSER;
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) fail(`CSP_BROWSER=${given} does not exist`);
    return given;
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  const candidates = [
    // Debian's real binary (/usr/bin/chromium is a shell wrapper around it).
    '/usr/lib/chromium/chromium',
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter((d) => d !== '')
      .flatMap((d) => names.map((n) => join(d, n))),
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  return candidates.find((p) => existsSync(p) && statSync(p).isFile());
}

/** The page's import map: each browser-safe subpath by its public name, and the dependencies. */
function importMap() {
  const imports = {};
  for (const [key, target] of Object.entries(PACKAGE.exports)) {
    if (key === './package.json' || key.includes('*') || NODE_ONLY_SUBPATHS.includes(key)) continue;
    imports[`${PACKAGE.name}${key.slice(1)}`] = `/${target.import.default.slice(2)}`;
  }
  for (const dep of Object.keys(PACKAGE.dependencies)) {
    if (NODE_ONLY_DEPENDENCIES.includes(dep)) continue;
    const manifest = JSON.parse(
      readFileSync(join(ROOT, 'node_modules', dep, 'package.json'), 'utf8'),
    );
    const entry = manifest.exports?.['.']?.import ?? manifest.module;
    const file = typeof entry === 'string' ? entry : entry?.default;
    if (typeof file !== 'string') fail(`${dep} has no ESM entry a browser could import`);
    imports[dep] = `/node_modules/${dep}/${file.replace(/^\.\//, '')}`;
  }
  return { imports };
}

function page(map) {
  const specifiers = Object.keys(map.imports).filter((s) => s.startsWith(PACKAGE.name));
  return `<!doctype html>
<meta charset="utf-8">
<title>${PACKAGE.name}: browser smoke test</title>
<link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify(map)}</script>
<script type="module">
import { runChecks } from '/test/browser/smoke.js';
const surfaces = {};
for (const s of ${JSON.stringify(specifiers)}) surfaces[s] = Object.keys(await import(s)).sort();
window.__smoke = { checks: runChecks(), surfaces };
</script>
`;
}

/** Serves the page, test/browser/, dist/ (less the Node-only parts) and the dependencies' files. */
function serve(html, refused) {
  const allowed = ['dist/', 'test/browser/', 'node_modules/zod/'];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    const rel = normalize(path.slice(1)).split(sep).join('/');
    const file = join(ROOT, rel);
    if (NODE_ONLY_DIST.some((p) => rel.startsWith(p))) {
      refused.push(rel);
      res.writeHead(403).end();
    } else if (
      rel.endsWith('.js') &&
      allowed.some((p) => rel.startsWith(p)) &&
      !rel.split('/').includes('..') &&
      existsSync(file)
    ) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Each check's value against its expectation; returns the failures. */
function compare(where, checks) {
  const failures = [];
  for (const c of checks) {
    if (c.error !== undefined) {
      failures.push(`${where}: ${c.area}: ${c.what}: threw ${c.error}`);
      continue;
    }
    try {
      deepStrictEqual(c.actual, c.expected);
    } catch (e) {
      failures.push(`${where}: ${c.area}: ${c.what}:\n${e.message}`);
    }
  }
  return failures;
}

const started = Date.now();
if (!existsSync(join(ROOT, 'dist', 'index.js'))) fail('dist/ is not built: run npm run build');

// The Node half runs always, so the page's expectations stay right without a browser.
const smokeUrl = pathToFileURL(join(ROOT, 'test', 'browser', 'smoke.js')).href;
const nodeChecks = (await import(smokeUrl)).runChecks();
const nodeFailures = compare('node', nodeChecks);
if (nodeFailures.length > 0) fail(`in Node:\n${nodeFailures.join('\n')}`);

const executablePath = findBrowser();
if (executablePath === undefined) {
  if (strict)
    fail(
      `no Chromium found, and a browser is required here (CI or CSP_REQUIRE_BROWSER=1): ${INSTALL_HINT}`,
    );
  const reason = `no Chromium found: ${INSTALL_HINT}`;
  console.log(
    `browser test SKIPPED (${reason}). The same ${nodeChecks.length} checks passed in Node.`,
  );
  report({ status: 'skipped', reason, nodeChecks: nodeChecks.length });
  process.exit(0);
}

const { chromium } = await import('playwright-core');
const map = importMap();
const refused = [];
const problems = [];
const server = await serve(page(map), refused);
const watchdog = setTimeout(() => fail(`no result within ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
let browser;
try {
  browser = await chromium.launch({ executablePath, headless: true, timeout: TIMEOUT_MS });
  const context = await browser.newContext({
    timezoneId: BROWSER_TIME_ZONE,
    locale: BROWSER_LOCALE,
  });
  const tab = await context.newPage();
  tab.on('pageerror', (e) => problems.push(`page error: ${e.stack || `${e.name}: ${e.message}`}`));
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  tab.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  tab.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const { port } = server.address();
  await tab.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  // The result, or the first sign that it will never come.
  let poll;
  const done = await Promise.race([
    tab.waitForFunction(() => window.__smoke !== undefined, null, { timeout: TIMEOUT_MS }),
    new Promise((resolve) => {
      poll = setInterval(() => {
        if (problems.length > 0) resolve(undefined);
      }, 50);
    }),
  ]);
  clearInterval(poll);
  const result = done === undefined ? undefined : await tab.evaluate(() => window.__smoke);
  const version = browser.version();
  await browser.close();
  server.close();
  clearTimeout(watchdog);

  if (result === undefined) fail(`the page did not finish:\n${problems.join('\n')}`);
  const failures = compare('browser', result.checks);
  if (result.checks.length !== nodeChecks.length)
    failures.push(`browser ran ${result.checks.length} checks, Node ${nodeChecks.length}`);
  for (const [i, c] of result.checks.entries()) {
    try {
      deepStrictEqual(c.actual, nodeChecks[i]?.actual);
    } catch (e) {
      failures.push(`browser and Node differ: ${c.area}: ${c.what}:\n${e.message}`);
    }
  }
  const areas = new Set(result.checks.map((c) => c.area));
  const missing = AREAS.filter((a) => !areas.has(a));
  if (missing.length > 0) failures.push(`no check for: ${missing.join(', ')}`);
  // Every browser-safe subpath loads, with the same exports as in Node.
  for (const [specifier, target] of Object.entries(map.imports)) {
    if (!specifier.startsWith(PACKAGE.name)) continue;
    const inNode = Object.keys(await import(pathToFileURL(join(ROOT, target)).href)).sort();
    try {
      deepStrictEqual(result.surfaces[specifier], inNode);
    } catch (e) {
      failures.push(`${specifier}: exports differ from Node's:\n${e.message}`);
    }
  }
  if (refused.length > 0)
    failures.push(`the page asked for Node-only files: ${refused.join(', ')}`);
  failures.push(...problems);
  if (failures.length > 0) fail(failures.join('\n'), { browser: version });

  const subpaths = Object.keys(result.surfaces).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `browser test passed: ${result.checks.length} checks over ${areas.size} areas and ${subpaths} subpaths in headless Chromium ${version} (${BROWSER_TIME_ZONE}, ${BROWSER_LOCALE}), the same values as Node (${seconds} s)`,
  );
  report({
    status: 'passed',
    browser: `Chromium ${version}`,
    executablePath,
    checks: result.checks.length,
    areas: areas.size,
    subpaths,
  });
} catch (e) {
  await browser?.close().catch(() => {});
  server.close();
  fail(`${executablePath}: ${e instanceof Error ? (e.stack ?? e.message) : inspect(e)}`);
}
