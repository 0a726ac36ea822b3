#!/usr/bin/env node
// `npm test`: every check the project has, one line each, and one closing line
// (tests, coverage, size budgets). A step's own output is shown only when it
// fails, so a green run reads as a test report, not as tool chatter.
// Each step is an npm script of package.json, so it can also be run alone.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** [label, npm script, extra arguments]: in order; the first failure stops the run. */
const STEPS = [
  ['types', 'typecheck'],
  ['lint', 'lint'],
  ['build', 'build'],
  ['browser smoke test (headless Chromium)', 'test:browser'],
  ['unit, property, fuzz and package tests', 'test:unit'],
  ['examples type-check', 'typecheck:examples'],
  ['size budgets', 'size', ['--json']],
  ['package lint (publint, attw)', 'lint:pkg'],
  ['API docs', 'docs'],
];

function run(script, extra = []) {
  return new Promise((resolve) => {
    const args = ['run', '--silent', script, ...(extra.length > 0 ? ['--', ...extra] : [])];
    // The package lint packs the package again: dist/ is already built, so its
    // prepack build is skipped.
    const env =
      script === 'lint:pkg' ? { ...process.env, npm_config_ignore_scripts: 'true' } : process.env;
    const child = spawn('npm', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const stdout = [];
    child.stdout.on('data', (d) => {
      out.push(d);
      stdout.push(d);
    });
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        output: Buffer.concat(out).toString('utf8'),
        stdout: Buffer.concat(stdout).toString('utf8'),
      }),
    );
  });
}

function readJson(path) {
  const full = join(ROOT, path);
  return existsSync(full) ? JSON.parse(readFileSync(full, 'utf8')) : undefined;
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const started = Date.now();
const summary = { tests: 'not run', coverage: 'not run', browser: 'not run', size: 'not run' };
let failed;

for (const [label, script, extra] of STEPS) {
  const t0 = Date.now();
  // A report left by an earlier run must not stand in for this one's.
  if (script === 'test:browser') rmSync(join(ROOT, 'reports', 'browser.json'), { force: true });
  const { code, output, stdout } = await run(script, extra);
  let detail = '';
  if (script === 'test:unit') {
    const r = readJson('reports/vitest.json');
    if (r !== undefined) {
      summary.tests = `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
      detail = `: ${summary.tests} in ${r.testResults.length} files`;
    }
    const c = readJson('coverage/coverage-summary.json')?.total;
    if (c !== undefined)
      summary.coverage = ['lines', 'branches', 'functions', 'statements']
        .map((k) => `${c[k].pct}% ${k}`)
        .join(', ');
  }
  if (script === 'test:browser') {
    const r = readJson('reports/browser.json');
    if (r?.status === 'passed') {
      summary.browser = `${r.checks} checks passed in ${r.browser}`;
      detail = `: ${r.checks} checks over ${r.areas} areas and ${r.subpaths} subpaths in ${r.browser}`;
    } else if (r?.status === 'skipped') {
      summary.browser = 'SKIPPED (no Chromium)';
      detail = `: SKIPPED, ${r.reason}`;
    } else summary.browser = 'failed';
  }
  if (script === 'size') {
    try {
      const checks = JSON.parse(stdout);
      const over = checks.filter((c) => !c.passed);
      summary.size = `${checks.length - over.length} of ${checks.length} within budget`;
      detail = `: ${summary.size}`;
      if (over.length > 0)
        detail += `\n${over.map((c) => `    over: ${c.name}: ${c.size} bytes`).join('\n')}`;
    } catch {
      summary.size = 'unreadable';
    }
  }
  const mark = code === 0 ? '✓' : '✗';
  console.log(`${mark} ${label}${detail} (${seconds(Date.now() - t0)})`);
  if (code !== 0) {
    console.log(output.trimEnd().replace(/^/gm, '  '));
    failed = label;
    break;
  }
}

const verdict = failed === undefined ? 'passed' : `FAILED at ${failed}`;
console.log(
  `npm test ${verdict} in ${seconds(Date.now() - started)}: tests ${summary.tests}; coverage ${summary.coverage}; browser ${summary.browser}; size ${summary.size}`,
);
process.exitCode = failed === undefined ? 0 : 1;
