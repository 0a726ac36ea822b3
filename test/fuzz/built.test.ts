// The fuzz of the built package (issue 27): every export of every subpath
// that package.json publishes, loaded from dist/ as a consumer loads it, so a
// new export cannot escape the fuzz. Each distinct function is fuzzed once
// (the root re-exports the areas' functions) with the areas' samples; a
// function without samples must be listed in HOSTILE_ONLY with the reason.
// Beyond the areas' fuzz (engine.ts): 1,000,000-element arrays in place of
// every list of every sample, every schema's `safeParse` on hostile values
// and huge arrays, and the async functions' rejections.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spec as access } from './access.area.js';
import { spec as activation } from './activation.area.js';
import { spec as billing } from './billing.area.js';
import { spec as cancellation } from './cancellation.area.js';
import { spec as core } from './core.area.js';
import { type AreaSpec, fuzzArea, judgeCall, publicFunctions, type Sample } from './engine.js';
import { spec as explain } from './explain.area.js';
import { subscription } from './fixtures.js';
import { hostileValue, TRAP } from './hostile.js';
import { spec as lifecycle } from './lifecycle.area.js';
import { spec as markets } from './markets.area.js';
import { spec as refunds } from './refunds.area.js';
import { showCall } from './show.js';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};

/** The ESM file of each JavaScript subpath package.json publishes. */
const SUBPATHS = Object.entries(pkg.exports).flatMap(([subpath, target]) => {
  const js =
    typeof target === 'object' && target !== null
      ? (target as { import?: { default?: string } }).import?.default
      : undefined;
  return js?.endsWith('.js') ? [[subpath, join(ROOT, js)] as const] : [];
});

if (!SUBPATHS.every(([, file]) => existsSync(file)))
  throw new Error(
    'test/fuzz/built.test.ts fuzzes dist/: run `npm run build` first (npm test does)',
  );

const modules = new Map<string, Readonly<Record<string, unknown>>>();
for (const [subpath, file] of SUBPATHS)
  modules.set(subpath, (await import(pathToFileURL(file).href)) as Record<string, unknown>);

/** Every distinct exported function, by the first subpath that exports it. */
const functions = new Map<unknown, string>();
const schemas = new Map<
  string,
  { safeParse: (v: unknown) => unknown; validate: (v: unknown) => unknown }
>();
for (const [subpath, mod] of modules) {
  for (const [name, fn] of publicFunctions(mod))
    if (!functions.has(fn)) functions.set(fn, `${subpath} ${name}`);
  for (const [name, v] of Object.entries(mod))
    if (typeof (v as { safeParse?: unknown })?.safeParse === 'function')
      schemas.set(`${subpath} ${name}`, v as never);
}
const byName: Record<string, unknown> = {};
for (const [fn, where] of functions) byName[where.split(' ')[1] as string] = fn;
// FUZZ_ONLY=name,name: only those functions (while fixing what the fuzz found).
const only = process.env['FUZZ_ONLY']?.split(',');
/** Returns a promise: judged by the async test below, not by the synchronous fuzz. */
const ASYNC = new Set(['reconcileAsync']);
const fuzzed: Record<string, unknown> = Object.fromEntries(
  Object.entries(byName).filter(([n]) => !ASYNC.has(n) && (only === undefined || only.includes(n))),
);

// ---------------------------------------------------------------------------
// Samples: the areas' own, and those of the areas that have no fuzz spec.

const purchases = () => [
  {
    customerId: 'c1',
    purchase: subscription({ id: 's1', purchasedAt: '2021-07-15T09:00:00Z', term: 'P1M' }),
    history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }],
  },
];
const billed = () => [
  {
    CustomerId: 'c1',
    SubscriptionId: 's1',
    ChargeType: 'new',
    ChargeStartDate: '7/15/2021',
    ChargeEndDate: '8/14/2021',
    UnitPrice: '9.50',
    BillableQuantity: '10',
    Subtotal: '95.00',
    Currency: 'EUR',
  },
];
const device = (id: string) => ({ id, lastRenewalAt: '2024-01-01T08:00:00Z' });
const partnerCenterSubscription = () => ({
  id: 'c8e2d6a1-3f4b-4c7d-b9e0-1a2b3c4d5e6f',
  offerId: 'DG7GMGF0D3SJ:0002:DG7GMGF0C9G6',
  quantity: 8,
  creationDate: '2023-01-31T16:05:44.9876543Z',
  effectiveStartDate: '2023-01-31T00:00:00Z',
  commitmentEndDate: '2024-01-30T00:00:00Z',
  cancellationAllowedUntilDate: '2023-02-07T00:00:00Z',
  status: 'Active',
  autoRenewEnabled: true,
  billingCycle: 'annual',
  termDuration: 'P1Y',
  productType: { id: 'Software' },
});
const priceExtras = () => ({ unitPrice: '2890.00', currency: 'EUR', publisher: 'Microsoft' });
const order = () => ({
  id: 'ord-1',
  creationDate: '2024-03-01T10:00:00Z',
  status: 'completed',
  currencyCode: 'EUR',
  lineItems: [{ lineItemNumber: 0, offerId: 'DG7GMGF0DSKB', quantity: 2 }],
});
const orderExtras = () => ({ offers: { DG7GMGF0DSKB: { unitPrice: '112.10' } } });
const perpetualInput = () => ({
  kind: 'perpetual',
  purchasedAt: '2024-03-01',
  quantity: 2,
  unitPrice: '899.00',
  currency: 'USD',
});
const cancellationRequest = () => ({
  kind: 'perpetual',
  customer: { by: 'domain', domain: 'FABRIKAM.com' },
  productName: 'SQL Server 2022 Standard',
  orderId: 'TXQ2MZG9VDDB',
});

const MORE_SAMPLES: Record<string, readonly Sample[]> = {
  expectedLines: [
    () => [purchases()[0]?.purchase, { period: '2021-07' }],
    () => [subscription(), { period: '2022-03' }],
  ],
  reconcile: [() => [billed(), purchases()], () => [billed(), purchases(), { period: '2021-07' }]],
  billedLineReader: [
    () => [['CustomerId', 'SubscriptionId', 'ChargeType', 'Subtotal', 'Currency']],
  ],
  parseDevices: [() => [[device('pc-1'), device('pc-2')]]],
  safeParseDevices: [() => [[device('pc-1'), device('pc-2')]]],
  parseSoftwareSubscription: [() => [subscription()]],
  safeParseSoftwareSubscription: [() => [subscription()]],
  parsePurchase: [() => [perpetualInput()], () => [subscription()]],
  safeParsePurchase: [() => [perpetualInput()]],
  parsePerpetualPurchase: [() => [perpetualInput()]],
  safeParsePerpetualPurchase: [() => [perpetualInput()]],
  parseCancellationRequest: [() => [cancellationRequest()]],
  safeParseCancellationRequest: [() => [cancellationRequest()]],
  fromPartnerCenterSubscription: [() => [partnerCenterSubscription(), priceExtras()]],
  safeFromPartnerCenterSubscription: [() => [partnerCenterSubscription(), priceExtras()]],
  fromPartnerCenterOrder: [() => [order(), orderExtras()]],
  safeFromPartnerCenterOrder: [() => [order(), orderExtras()]],
  seatReduction: [
    () => [subscription(), { asOf: '2022-03-02T10:00:00Z', quantity: 8 }],
    () => [
      subscription({ productType: 'license_based' }),
      { asOf: '2022-03-02T10:00:00Z', quantity: 8 },
    ],
  ],
  subscriptionLifecycle: [() => [subscription(), { asOf: '2023-01-20' }]],
  billingFrequencyFromPartnerCenter: [() => ['annual']],
  subscriptionStatusFromPartnerCenter: [() => ['Active']],
  termFromPartnerCenter: [() => ['P1Y']],
};

/**
 * Exported functions fuzzed with hostile arguments only, and why no valid
 * sample is given. A new export without samples fails the first test below
 * until it is given samples or a line here.
 */
const HOSTILE_ONLY: Record<string, string> = {
  jsonSchemas: 'takes no argument',
  parseWith: 'takes a schema: its valid calls are the parse… functions above',
  safeParseWith: 'takes a schema: its valid calls are the safeParse… functions above',
  toCspRuleError: 'takes a zod error',
  reconcileAsync: 'async: its rejections are judged in the async test below',
  readReconciliationFile: 'reads a file (Node-only subpath): judged in the async test below',
  readReconciliationStream: 'reads a stream (Node-only subpath): judged in the async test below',
};

const AREAS: readonly AreaSpec[] = [
  access,
  activation,
  billing,
  cancellation,
  core,
  explain,
  lifecycle,
  markets,
  refunds,
];
const merged = <T>(pick: (s: AreaSpec) => Readonly<Record<string, T>> | undefined) =>
  Object.fromEntries(
    AREAS.flatMap((s) => Object.entries(pick(s) ?? {})).filter(([name]) => name in byName),
  ) as Record<string, T>;
const samples: Record<string, readonly Sample[]> = {
  ...merged((s) => s.samples),
  ...MORE_SAMPLES,
};

describe('the built package: every export is fuzzed', () => {
  it('finds every subpath and function, and every function has samples or a reason', () => {
    expect(SUBPATHS.map(([s]) => s)).toEqual(expect.arrayContaining(['.', './core', './schemas']));
    expect(functions.size).toBeGreaterThan(90);
    const missing = Object.keys(byName).filter(
      (n) => (samples[n] ?? []).length === 0 && HOSTILE_ONLY[n] === undefined,
    );
    expect(missing, 'exports with neither samples nor a HOSTILE_ONLY reason').toEqual([]);
    expect(Object.keys(HOSTILE_ONLY).filter((n) => !(n in byName))).toEqual([]);
  });
});

const builtRuns = Number(process.env['FUZZ_RUNS'] ?? 60);
fuzzArea({
  area: 'built package',
  module: fuzzed,
  samples: Object.fromEntries(Object.entries(samples).filter(([n]) => n in fuzzed)),
  knownBugs: merged((s) => s.knownBugs),
  echoes: AREAS.flatMap((s) => s.echoes ?? []),
  fieldArg: merged((s) => s.fieldArg),
  numRuns: builtRuns,
});

// ---------------------------------------------------------------------------
// 1,000,000-element arrays

const HUGE = 1_000_000;
/** The sample with its `k`-th list (a top-level argument or a property of one) made HUGE long. */
function hugeLists(args: readonly unknown[]): unknown[][] {
  const out: unknown[][] = [];
  args.forEach((arg, i) => {
    if (Array.isArray(arg) && arg.length > 0) {
      const copy = args.slice();
      copy[i] = new Array(HUGE).fill(arg[0]);
      out.push(copy);
    } else if (typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
      for (const [key, v] of Object.entries(arg)) {
        if (!Array.isArray(v) || v.length === 0) continue;
        const copy = args.slice();
        copy[i] = { ...arg, [key]: new Array(HUGE).fill(v[0]) };
        out.push(copy);
      }
    }
  });
  return out;
}

const withLists = Object.entries(samples)
  .filter(([n]) => n in fuzzed)
  .flatMap(([name, list]) =>
    list.flatMap((sample) => hugeLists(sample()).map((args) => [name, args] as const)),
  );

describe('the built package: 1,000,000-element lists', () => {
  it('has lists to make huge', () => {
    if (only === undefined) expect(withLists.length).toBeGreaterThan(10);
  });
  it.each(withLists.map(([name, args], k) => [`${name} #${k}`, name, args] as const))(
    '%s: a result or a CspRuleError, no NaN or Invalid Date',
    (_label, name, args) => {
      const v = judgeCall(byName[name] as never, args, { slowMs: 60_000 });
      expect(
        v,
        showCall(
          name,
          args.map((a) => (Array.isArray(a) ? `[${a.length} items]` : a)),
        ),
      ).toMatchObject({
        ok: true,
      });
    },
    120_000,
  );
});

// ---------------------------------------------------------------------------
// Schemas and async functions

describe('the built package: schemas and async functions', () => {
  it("every schema's safeParse returns, for any value and for huge arrays", () => {
    expect(schemas.size).toBeGreaterThan(20);
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(hostileValue(), (v) => {
          let r: { success?: unknown };
          try {
            r = schema.safeParse(v) as { success?: unknown };
          } catch (e) {
            // zod's own safeParse lets an exception the input itself throws
            // (a throwing getter, a Proxy trap) through: the caller's own, as
            // documented in ./schemas; anything else is a bug.
            expect(e, name).toBe(TRAP);
            return;
          }
          expect(typeof r.success, name).toBe('boolean');
          // zod's validate (abortEarly) stops at the first problem: a boolean, too.
          let valid: unknown;
          try {
            valid = schema.validate(v);
          } catch (e) {
            expect(e, `${name}.validate`).toBe(TRAP);
            return;
          }
          expect(typeof valid, `${name}.validate`).toBe('boolean');
        }),
        { numRuns: 40 },
      );
      for (const v of [new Array(HUGE).fill({}), new Array(HUGE).fill('x'), new Array(HUGE)]) {
        const r = schema.safeParse(v) as { success?: unknown };
        expect(typeof r.success, name).toBe('boolean');
      }
    }
  }, 300_000);

  it('reconcileAsync resolves or rejects with a CspRuleError, whatever it is given', async () => {
    const reconcileAsync = byName['reconcileAsync'] as (...a: unknown[]) => Promise<unknown>;
    const cases: unknown[][] = [
      [billed(), purchases()],
      [new Array(HUGE).fill(billed()[0]), purchases()],
      ...fc.sample(fc.array(hostileValue(), { maxLength: 3 }), { numRuns: 60, seed: 27 }),
    ];
    for (const args of cases) {
      try {
        await reconcileAsync(...args);
      } catch (e) {
        expect((e as { name?: unknown }).name, showCall('reconcileAsync', args)).toBe(
          'CspRuleError',
        );
      }
    }
  }, 120_000);
});
