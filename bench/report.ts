// npm run bench:report: the report command on large portfolios, under
// /usr/bin/time -v (wall time and peak RSS of the whole process): 200,000
// subscriptions in one customer, and 1,000,000 across 1,000 customers. Beside
// it, in the same run: reading and JSON.parse of the same file alone, and the
// library answering the report's questions (cancellationRefund and
// subscriptionStatusOn for every subscription) without the report.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seeded } from './harness.js';

const DAY = 86_400_000;
const AS_OF = '2026-11-25T12:00:00Z';
const T0 = Date.UTC(2021, 9, 14);
const PLANS = [
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'triennial'],
  ['P3Y', 'annual'],
] as const;

function portfolio(customers: number, perCustomer: number) {
  const rand = seeded(11);
  const out = [];
  for (let c = 0; c < customers; c++) {
    const subscriptions = new Array(perCustomer);
    for (let j = 0; j < perCustomer; j++) {
      const [term, billingFrequency] = PLANS[(c + j) % PLANS.length] as (typeof PLANS)[number];
      subscriptions[j] = {
        kind: 'subscription',
        id: `${c.toString(16).padStart(4, '0')}-${j.toString(16).padStart(8, '0')}`,
        name: j % 3 === 0 ? 'Windows Server 2022 Standard - 16 Core' : 'SQL Server 2022 Standard',
        purchasedAt: new Date(T0 + Math.floor(rand() * 1870 * DAY)).toISOString(),
        term,
        billingFrequency,
        quantity: 1 + (j % 25),
        unitPrice: `${1 + (j % 997)}.${String(j % 100).padStart(2, '0')}`,
        currency: 'EUR',
        publisher: j % 50 === 0 ? 'Red Hat' : 'Microsoft',
      };
    }
    out.push({ name: `Customer ${c}`, market: c % 7 === 0 ? 'AU' : 'IT', subscriptions });
  }
  return { customers: out };
}

interface Timed {
  seconds: number;
  peakMB: number;
}

/** Runs a command under /usr/bin/time -v, its stdout discarded. */
function timed(args: string[]): Timed {
  const r = spawnSync('/usr/bin/time', ['-v', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    r.stderr,
  );
  if (rss === null || wall === null) throw new Error(r.stderr);
  return {
    seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    peakMB: Number(rss[1]) / 1024,
  };
}

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const parseOnly = `const t=require('fs').readFileSync(process.argv[1],'utf8');const j=JSON.parse(t);if(!j.customers)process.exit(1);`;
const batch = `
import { readFileSync } from 'node:fs';
import { cancellationRefund } from ${JSON.stringify(join(root, 'dist', 'refunds', 'index.js'))};
import { subscriptionStatusOn } from ${JSON.stringify(join(root, 'dist', 'lifecycle', 'index.js'))};
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const asOf = new Date(${JSON.stringify(AS_OF)});
let n = 0;
for (const c of p.customers) for (const s of c.subscriptions) {
  const r = cancellationRefund(s, { asOf });
  const st = subscriptionStatusOn(s, { asOf });
  if (r.allowed || st.state === 'in_term') n++;
}
if (n < 0) process.exit(1);
`;

for (const [customers, per] of [
  [1, 200_000],
  [1_000, 1_000],
] as const) {
  const file = join(tmpdir(), `csp-report-bench-${customers}x${per}.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(portfolio(customers, per)));
  console.log(
    `\n${customers.toLocaleString('en')} × ${per.toLocaleString('en')} subscriptions (${file})`,
  );
  const batchFile = join(tmpdir(), 'csp-report-bench-batch.mjs');
  writeFileSync(batchFile, batch);
  for (let round = 1; round <= 3; round++) {
    const rows: [string, Timed][] = [
      ['read + JSON.parse', timed([process.execPath, '-e', parseOnly, file])],
      ['library batch', timed([process.execPath, batchFile, file])],
      [
        'report --format json',
        timed([process.execPath, cli, 'report', file, '--as-of', AS_OF, '--format', 'json']),
      ],
      [
        'report --format ndjson',
        timed([process.execPath, cli, 'report', file, '--as-of', AS_OF, '--format', 'ndjson']),
      ],
      ['report (table)', timed([process.execPath, cli, 'report', file, '--as-of', AS_OF])],
    ];
    console.log(
      `round ${round}: ${rows.map(([k, v]) => `${k} ${v.seconds.toFixed(2)} s ${v.peakMB.toFixed(0)} MB`).join('; ')}`,
    );
  }
}
