// npm run bench:reconcile [lines]: a generated reconciliation file of
// 1,000,000 lines and 52 columns over 100,000 subscriptions (ten lines each:
// a cycle charge and four or five seat additions in November 2026), read by
// the bare CSV parser and reconciled by the library, side by side, each in
// its own process so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';

const LINES_PER_SUBSCRIPTION = 10;
const PERIOD = '2026-11';
const PRICES = ['10.08', '33.60', '245.12', '7.50', '179.20', '1.99'];

/** Subscription `i` of the portfolio, and its history: the same in every process. */
function subscription(i: number) {
  const hex = i.toString(16).padStart(12, '0');
  const month = 1 + (i % 10);
  const day = 1 + (i % 28);
  const quantity = 5 + (i % 20);
  // Four or five seat additions in November: 1 + 2k lines.
  const changes = i % 2 === 0 ? 4 : 5;
  const history = [];
  for (let k = 0; k < changes; k++) {
    const d = 2 + k * 5 + (i % 4);
    history.push({
      type: 'setQuantity' as const,
      at: `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`,
      quantity: quantity + k + 1,
    });
  }
  return {
    customerId: `6f1c2a3b-4d5e-4f60-8a7b-${(i % 5000).toString(16).padStart(12, '0')}`,
    purchase: {
      kind: 'subscription' as const,
      id: `a3c6f0d2-7b1e-4c59-9d8a-${hex}`,
      purchasedAt: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00Z`,
      term: 'P1Y' as const,
      billingFrequency: 'monthly' as const,
      quantity,
      unitPrice: PRICES[i % PRICES.length] as string,
      currency: 'EUR',
      productType: 'license_based' as const,
    },
    history,
  };
}

function portfolio(count: number) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = subscription(i);
  return out;
}

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

/** The parser alone, used the fastest way it offers (chunks of rows), as the reader uses it. */
async function parse(path: string): Promise<Record<string, number>> {
  const stream = createReadStream(path);
  stream.setEncoding('utf8');
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(stream as unknown as File, {
      header: false,
      skipEmptyLines: 'greedy',
      chunk(results) {
        n += (results.data as unknown[]).length;
      },
      complete: () => resolve(),
      error: (e: unknown) => reject(e),
    });
  });
  return { lines: n - 1 };
}

async function child(mode: string, path: string, count: number): Promise<void> {
  // The modules and the portfolio (the caller's data) are ready before the clock starts.
  const { readReconciliationFile } = await import('../dist/files/index.js');
  const { reconcileAsync } = await import('../dist/reconciliation/index.js');
  const purchases = mode === 'parse' ? [] : portfolio(count);
  const t0 = performance.now();
  let result: Record<string, number>;
  if (mode === 'parse') result = await parse(path);
  else {
    const r = await reconcileAsync(readReconciliationFile(path), purchases, { period: PERIOD });
    result = { lines: r.lines, matched: r.matched, findings: r.findings.length };
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(
    JSON.stringify({
      ...result,
      seconds,
      // resourceUsage's maxRSS is in kilobytes.
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function runChild(mode: string, path: string, count: number) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, mode, path, String(count)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { lines: number; seconds: number; peakRssMB: number };
}

async function main(): Promise<void> {
  const [mode, path, countText] = process.argv.slice(2);
  if (mode === 'parse' || mode === 'reconcile') {
    await child(mode, path as string, Number(countText));
    return;
  }
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
