// npm run bench:reconcile [lines]: a generated reconciliation file of
// 1,000,000 lines and 52 columns over 100,000 subscriptions (ten lines each:
// a cycle charge and four or five seat additions in November 2026), read by
// the bare CSV parser and reconciled by the library, side by side, each in
// its own process so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERIOD, subscription } from './reconcile-child.mjs';

const LINES_PER_SUBSCRIPTION = 10;

async function generate(path: string, count: number): Promise<void> {
  const { expectedLines } = await import('../dist/reconciliation/index.js');
  const { RECONCILIATION_COLUMNS, recordOf } = await import('../test/support/reconciliation.js');
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  await write(`${RECONCILIATION_COLUMNS.join(',')}\r\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const s = subscription(i);
    for (const line of expectedLines(s.purchase, { period: PERIOD, history: s.history }).lines) {
      const r = recordOf(line, { customerId: s.customerId, taxPercent: 22 });
      chunk += `${RECONCILIATION_COLUMNS.map((c) => field(r[c])).join(',')}\r\n`;
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

function runChild(mode: string, path: string, count: number) {
  const r = spawnSync(
    process.execPath,
    // Plain node (no TypeScript loader): the peak RSS is the library's and the data's.
    [join(import.meta.dirname, 'reconcile-child.mjs'), mode, path, String(count)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { lines: number; seconds: number; peakRssMB: number };
}

async function main(): Promise<void> {
  const [mode] = process.argv.slice(2);
  const lines = Number(mode ?? 1_000_000);
  const count = Math.ceil(lines / LINES_PER_SUBSCRIPTION);
  const file = join(tmpdir(), `csp-reconcile-bench-${count}.csv`);
  if (!existsSync(file)) {
    const t0 = performance.now();
    await generate(file, count);
    console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log(
    `${file}: ${(statSync(file).size / 1e6).toFixed(0)} MB, ${count.toLocaleString('en')} subscriptions`,
  );
  const held = runChild('portfolio', file, count);
  console.log(
    `the portfolio alone (${count.toLocaleString('en')} subscriptions with their histories, built by the caller): peak RSS ${held.peakRssMB.toFixed(0)} MB`,
  );
  const rounds = 3;
  for (let k = 0; k < rounds; k++) {
    const p = runChild('parse', file, count);
    const r = runChild('reconcile', file, count);
    const rate = (x: { lines: number; seconds: number }) => Math.round(x.lines / x.seconds);
    console.log(
      `round ${k + 1}: papaparse ${p.seconds.toFixed(2)} s (${rate(p).toLocaleString('en')} lines/s, peak RSS ${p.peakRssMB.toFixed(0)} MB); ` +
        `reconcile ${r.seconds.toFixed(2)} s (${rate(r).toLocaleString('en')} lines/s, peak RSS ${r.peakRssMB.toFixed(0)} MB, ` +
        `${JSON.stringify(r)}); reconcile/parse throughput ${((100 * rate(r)) / rate(p)).toFixed(0)}%`,
    );
  }
}

await main();
