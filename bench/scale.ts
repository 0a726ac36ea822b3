// npm run bench:scale [sizes...]: every public function that takes a list,
// timed at 10^4, 10^5 and 10^6 elements against the built package (dist/),
// one process, one core; a Markdown table on stdout (issue 27). Each figure is
// the median of a few runs (5 below 10^6, 3 at it) of one call on a prepared
// input; the growth column is t(10^6) / t(10^5): about 10 is linear, about 12
// n log n, 100 quadratic. A bounded list refused beyond its bound shows how
// fast the refusal is. No test asserts any of this.
import { readFileSync } from 'node:fs';
import { subscription as portfolioSubscription } from './reconcile-child.mjs';

const dist = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const lib = await dist('index.js');
const schemas = await dist('schemas/index.js');

const SIZES = process.argv.slice(2).map(Number).filter(Number.isFinite);
const sizes = SIZES.length > 0 ? SIZES : [10_000, 100_000, 1_000_000];
/** A size is skipped when the one below it took longer than this (the table says so). */
const SKIP_AFTER_MS = 20_000;

interface Case {
  readonly name: string;
  readonly input: string;
  /** The longest list the function takes, when it has a bound below 10^6: timed too. */
  readonly bound?: number;
  /** Builds the input of size n (not timed) and returns the call to time. */
  readonly prepare: (n: number) => () => unknown;
}

/** A deterministic pseudo-random generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const FLEET_START = Date.UTC(2024, 0, 1);

/** A fleet of n devices as a CMDB export gives it: ISO instants (7 digits, as Partner Center writes), some on a MAK. */
function fleet(n: number, dates = false) {
  const random = seeded(27);
  return Array.from({ length: n }, (_, i) => {
    const renewal = new Date(FLEET_START + Math.floor(random() * 170 * DAY));
    const onMak = i % 10 === 0;
    return {
      id: `pc-${i.toString(36).padStart(5, '0')}`,
      lastRenewalAt: dates ? renewal : `${renewal.toISOString().slice(0, 19)}.0000000Z`,
      makActivatedAt: onMak ? (dates ? new Date(FLEET_START + 180 * DAY) : '2024-06-29') : null,
    };
  });
}

const rule = { id: 'demo.rule', source: 'https://example.com', effectiveFrom: '2021-10-14' };
const EUR = (minor: number) => ({ currency: 'EUR', minor });

/** Records of Microsoft's reconciliation file for a portfolio (the columns the reconciler reads). */
function reconciliationInput(lines: number) {
  const purchases: unknown[] = [];
  const records: Record<string, string>[] = [];
  for (let i = 0; records.length < lines; i++) {
    const s = portfolioSubscription(i);
    purchases.push(s);
    for (const line of lib.expectedLines(s.purchase, { period: '2026-11', history: s.history })
      .lines) {
      if (records.length === lines) break;
      const minor = BigInt(line.subtotal.minor);
      const abs = (minor < 0n ? -minor : minor).toString().padStart(3, '0');
      records.push({
        CustomerId: s.customerId,
        SubscriptionId: line.subscriptionId,
        ChargeType: line.chargeType,
        ChargeStartDate: line.chargeStartDate,
        ChargeEndDate: line.chargeEndDate,
        UnitPrice: line.unitPrice,
        EffectiveUnitPrice: line.effectiveUnitPrice,
        BillableQuantity: String(line.billableQuantity),
        Subtotal: `${minor < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`,
        Currency: 'EUR',
      });
    }
  }
  return { purchases, records };
}

const CASES: Case[] = [
  {
    name: '`parseDevices`',
    input: 'valid fleet, ISO strings',
    prepare: (n) => {
      const f = fleet(n);
      return () => schemas.parseDevices(f);
    },
  },
  {
    name: '`safeParseDevices`',
    input: 'valid fleet, ISO strings',
    prepare: (n) => {
      const f = fleet(n);
      return () => schemas.safeParseDevices(f);
    },
  },
  {
    name: '`devicesSchema.safeParse`',
    input: 'valid fleet, ISO strings',
    prepare: (n) => {
      const f = fleet(n);
      return () => schemas.devicesSchema.safeParse(f);
    },
  },
  {
    name: '`safeParseDevices`',
    input: 'valid fleet, `Date`s',
    prepare: (n) => {
      const f = fleet(n, true);
      return () => schemas.safeParseDevices(f);
    },
  },
  {
    name: '`safeParseDevices`',
    input: 'one id n times (refused)',
    prepare: (n) => {
      const f = Array.from({ length: n }, () => ({ id: 'pc-1' }));
      return () => schemas.safeParseDevices(f);
    },
  },
  {
    name: '`safeParseDevices`',
    input: 'last device invalid (zod reads that one)',
    prepare: (n) => {
      const f: unknown[] = fleet(n);
      f[n - 1] = { id: 'bad', lastRenewalAt: '2024-01-01T08:00' };
      return () => schemas.safeParseDevices(f);
    },
  },
  {
    name: '`safeParseDevices`',
    input: 'every device missing (a sparse list)',
    prepare: (n) => {
      const f: unknown[] = new Array(n);
      return () => schemas.safeParseDevices(f);
    },
  },
  {
    name: '`planMakMigration`',
    input: 'valid fleet',
    prepare: (n) => {
      const f = fleet(n);
      return () => lib.planMakMigration(f, { asOf: '2024-07-01T00:00:00Z', capacityPerDay: 500 });
    },
  },
  {
    name: '`planMakMigration`',
    input: 'one id n times (refused)',
    prepare: (n) => {
      const f = Array.from({ length: n }, () => ({ id: 'pc-1' }));
      return () => lib.planMakMigration(f, { asOf: '2024-07-01T00:00:00Z' });
    },
  },
  {
    name: '`filterActivityLog`',
    input: 'entries, half in range',
    prepare: (n) => {
      const log = Array.from({ length: n }, (_, i) => ({
        at: new Date(Date.UTC(2021, 8, 1) + (i % 61) * DAY + i).toISOString(),
        type: i % 3 === 0 ? 'download' : 'keyAccess',
        user: `user${i % 500}@contoso.com`,
        productName: 'Windows 11 Pro',
        productKey: 'XXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
      }));
      return () => lib.filterActivityLog(log, { from: '2021-10-01', to: '2021-10-31' });
    },
  },
  {
    name: '`expectedLines`',
    input: 'history events (bound 10,000)',
    bound: 10_000,
    prepare: (n) => {
      const purchase = {
        kind: 'subscription',
        id: 'sub-1',
        purchasedAt: '2021-01-01T09:00:00Z',
        term: 'P3Y',
        billingFrequency: 'monthly',
        quantity: 10,
        unitPrice: '10.08',
        currency: 'EUR',
      };
      const history = Array.from({ length: n }, (_, i) => ({
        type: 'setQuantity',
        at: new Date(Date.UTC(2021, 1, 1) + i * 60_000).toISOString(),
        quantity: 10 + (i % 50),
      }));
      return () => lib.expectedLines(purchase, { period: '2021-02', history });
    },
  },
  {
    name: '`reconcile`',
    input: 'billed lines (n/10 purchases)',
    prepare: (n) => {
      const { purchases, records } = reconciliationInput(n);
      return () => lib.reconcile(records, purchases, { period: '2026-11' });
    },
  },
  {
    name: '`reconcile`',
    input: 'purchases, nothing billed',
    prepare: (n) => {
      const purchases = Array.from({ length: n }, (_, i) => ({
        customerId: `c${i % 1000}`,
        purchase: {
          kind: 'subscription',
          id: `sub-${i}`,
          purchasedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
          term: 'P1M',
          billingFrequency: 'monthly',
          quantity: 1 + (i % 20),
          unitPrice: '10.08',
          currency: 'EUR',
        },
      }));
      return () => lib.reconcile([], purchases, { period: '2026-11' });
    },
  },
  {
    name: '`allocate`',
    input: 'weights (bound 1,000,000)',
    prepare: (n) => {
      const weights = Array.from({ length: n }, (_, i) => String(1 + (i % 97)));
      return () => lib.allocate(EUR(123_456_789), weights);
    },
  },
  {
    name: '`decide`',
    input: 'reasons (bound 10,000)',
    bound: 10_000,
    prepare: (n) => {
      const reasons = Array.from({ length: n }, (_, i) => ({
        code: 'window_closed',
        closedAt: new Date(FLEET_START + i),
      }));
      return () => lib.decide(reasons, [rule], { lastDay: '2021-10-21' });
    },
  },
  {
    name: '`decide`',
    input: 'a fact holding n values (bound 100,000 values)',
    bound: 99_994,
    prepare: (n) => {
      const facts = { amounts: Array.from({ length: n }, (_, i) => i) };
      return () => lib.decide([], [rule], facts);
    },
  },
  {
    name: '`explain`',
    input: 'reasons (bound 10,000)',
    bound: 10_000,
    prepare: (n) => {
      const reasons = Array.from({ length: n }, () => ({
        code: 'window_closed',
        closedAt: new Date(FLEET_START),
      }));
      return () => lib.explain({ allowed: false, reasons, rules: [rule] });
    },
  },
  {
    name: '`definePolicy` + `policyInForce`',
    input: 'versions (bound 10,000)',
    bound: 10_000,
    prepare: (n) => {
      const versions = Array.from({ length: n }, (_, i) => ({
        effectiveFrom: new Date(Date.UTC(1000, 0, 1) + i * DAY).toISOString().slice(0, 10),
        source: 'https://example.com',
        value: i,
      }));
      return () =>
        lib.policyInForce(lib.definePolicy({ id: 'demo.scale', versions }), '2021-10-14');
    },
  },
  {
    name: '`authorize`',
    input: 'roles (bound 1,000)',
    bound: 1_000,
    prepare: (n) => {
      const roles = Array.from({ length: n }, (_, i) => (i % 2 ? 'SalesAgent' : 'HelpdeskAgent'));
      return () => lib.authorize('cancel', roles);
    },
  },
  {
    name: '`keysAndDownloadsView`',
    input: 'versions (bound 1,000)',
    bound: 1_000,
    prepare: (n) => {
      const versions = Array.from({ length: n }, (_, i) => String(2000 + (i % 30)));
      return () => lib.keysAndDownloadsView({ name: 'SQL Server', versions });
    },
  },
  {
    name: '`eligibleBillingFrequencies`',
    input: 'offered (bound 100)',
    bound: 100,
    prepare: (n) => {
      const offered = Array.from({ length: n }, (_, i) => (i % 2 ? 'annual' : 'monthly'));
      return () =>
        lib.eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2023-05-02', offered });
    },
  },
  {
    name: '`safeFromPartnerCenterOrder`',
    input: 'line items (bound 10,000)',
    bound: 10_000,
    prepare: (n) => {
      const json = JSON.parse(
        readFileSync(
          new URL(
            '../test/fixtures/partner-center/order-perpetual-two-line-items.json',
            import.meta.url,
          ),
          'utf8',
        ),
      );
      const line = json.lineItems[0];
      json.lineItems = Array.from({ length: n }, (_, i) => ({ ...line, lineItemNumber: i }));
      const extras = {
        offers: { 'DG7GMGF0FLR2:0002': { unitPrice: '1859.00' } },
        publisher: 'Microsoft',
        market: 'it',
      };
      return () => schemas.safeFromPartnerCenterOrder(json, extras);
    },
  },
  {
    name: '`softwareOrderCancellationRequest`',
    input: 'line items (bound 10,000)',
    bound: 10_000,
    prepare: (n) => {
      const order = {
        id: 'TXQ2MZG9VDDB',
        customerTenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
        status: 'completed',
        lineItems: Array.from({ length: n }, (_, i) => ({
          lineItemNumber: i,
          offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ',
          quantity: 1,
        })),
      };
      const numbers = Array.from({ length: n }, (_, i) => i);
      return () => lib.softwareOrderCancellationRequest(order, numbers);
    },
  },
];

interface Cell {
  readonly ms?: number;
  readonly cpuMs?: number;
  readonly outcome: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function outcomeOf(run: () => unknown): string {
  try {
    const r = run() as { success?: unknown; error?: { code?: string } } | undefined;
    if (r !== null && typeof r === 'object' && r.success === false) {
      return `failure (${r.error?.code})`;
    }
    return 'ok';
  } catch (e) {
    if (lib.isCspRuleError(e)) return `refused (${(e as { code: string }).code})`;
    throw e;
  }
}

function time(c: Case, n: number): Cell {
  const run = c.prepare(n);
  const outcome = outcomeOf(run); // also the warm-up
  const rounds = n >= 1_000_000 ? 3 : 5;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    outcomeOf(run);
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), outcome };
}

function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '—';
  if (cell.ms === undefined) return cell.outcome;
  const tag = cell.outcome === 'ok' ? '' : ` ${cell.outcome}`;
  return `${fmtMs(cell.ms)}${tag}`;
}

const header = sizes.map((n) => `10^${Math.round(Math.log10(n))}`);
const rows: string[][] = [];
// BENCH_ONLY=devices: only the cases whose function or list mentions it.
const only = process.env['BENCH_ONLY']?.toLowerCase();
for (const c of CASES) {
  if (only !== undefined && !`${c.name} ${c.input}`.toLowerCase().includes(only)) continue;
  const cells: Cell[] = [];
  for (const n of sizes) {
    const before = cells.at(-1);
    if (before?.ms !== undefined && before.ms > SKIP_AFTER_MS) {
      cells.push({ outcome: 'skipped' });
      continue;
    }
    const cell = time(c, n);
    cells.push(cell);
    process.stderr.write(
      `${c.name} (${c.input}) n=${n}: ${cellText(cell)}, cpu ${fmtMs(cell.cpuMs ?? 0)}\n`,
    );
    gc();
  }
  const atBound = c.bound === undefined ? undefined : time(c, c.bound);
  if (atBound !== undefined) {
    process.stderr.write(`${c.name} (${c.input}) at its bound ${c.bound}: ${cellText(atBound)}\n`);
  }
  const [a, b] = cells.slice(-2);
  const growth =
    a?.ms !== undefined && b?.ms !== undefined && a.outcome === 'ok' && b.outcome === 'ok'
      ? `${(b.ms / a.ms).toFixed(1)}×`
      : '—';
  const bound =
    c.bound === undefined ? '—' : `${cellText(atBound)} (n = ${c.bound.toLocaleString('en')})`;
  rows.push([c.name, c.input, ...cells.map(cellText), growth, bound]);
}

const titles = ['function', 'list', ...header, 'growth, last ×10', 'at the bound'];
const table = [titles, titles.map(() => '---'), ...rows];
console.log(table.map((r) => `| ${r.join(' | ')} |`).join('\n'));
console.log(
  `\nNode ${process.version}, ${process.platform} ${process.arch}; median wall time of one call (5 runs, 3 at 10^6).`,
);
