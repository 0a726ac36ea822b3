// npm run bench:calls — the per-call rules on realistic inputs, against two
// floors each (bench/realistic-floors.ts), in one process, against the built
// package (dist/).
//
// Inputs (fixed seed): N distinct subscriptions (default 200,000), each with
// its own `asOf`; purchase instants and `asOf`s half `Date`s, half ISO text;
// a quarter of the subscriptions read by `fromPartnerCenterSubscription` from
// generated Partner Center JSON, the rest hand-built; a fresh options object
// (and, for cancellation, a fresh `roles` array) built inside every call, as
// a service does per request; every result kept in a ring of 1,024 slots so
// no allocation can be optimised away.
//
// Before measuring, each shaped floor's JSON is compared with the library's
// on the first 20,000 hand-built inputs: a floor that builds less than the
// library, or computes something else, stops the benchmark.
//
// Each round runs every variant once over all N inputs (the order rotates
// between rounds); the report gives the median ns a call and the range of
// the library/floor ratios over the rounds.
import * as lib from '../dist/index.js';
import * as schemas from '../dist/schemas/index.js';
import { seeded } from './harness.js';
import {
  bareCancellation,
  bareCycles,
  bareRefund,
  bareStatus,
  bareTermDates,
  shapedCancellation,
  shapedCycles,
  shapedRefund,
  shapedStatus,
  shapedTermDates,
} from './realistic-floors.js';

const N = Number(process.argv[2] ?? 200_000);
const ROUNDS = Number(process.argv[3] ?? 7);
const DAY = 86_400_000;
const rand = seeded(2026);
const T0 = Date.UTC(2021, 9, 15);
const SPAN_DAYS = 5 * 365;
const terms = ['P1M', 'P1Y', 'P3Y'] as const;
const months = { P1M: 1, P1Y: 12, P3Y: 36 } as const;
const plans = { P1M: ['monthly'], P1Y: ['monthly', 'annual'], P3Y: ['annual', 'triennial'] };
const currencies = ['EUR', 'USD', 'JPY'] as const;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const instant = (t: number): Date | string =>
  rand() < 0.5 ? new Date(t) : new Date(t).toISOString();

type Sub = Record<string, unknown> & { purchasedAt: Date | string };
interface Case {
  sub: Sub;
  asOf: Date | string;
  termIndex: number;
  handBuilt: boolean;
}

function generate(): Case[] {
  const out: Case[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const term = pick(terms);
    const billingFrequency = pick(plans[term]);
    const currency = pick(currencies);
    const purchasedMs = T0 + Math.floor(rand() * SPAN_DAYS * DAY) + Math.floor(rand() * DAY);
    // Asked within the first ten days of a term half the time (both outcomes occur),
    // anywhere in the following three years otherwise.
    const k = Math.floor(rand() * (36 / months[term]));
    const asOfMs =
      rand() < 0.5
        ? purchasedMs + k * months[term] * 30.44 * DAY + Math.floor(rand() * 10 * DAY)
        : purchasedMs + Math.floor(rand() * 3 * 365 * DAY);
    const quantity = 1 + Math.floor(rand() * 300);
    const whole = 1 + Math.floor(rand() * 3000);
    const unitPrice =
      currency === 'JPY' ? String(whole * 100) : `${whole}.${String(i % 100).padStart(2, '0')}`;
    const handBuilt = rand() < 0.75;
    let sub: Sub;
    if (handBuilt) {
      sub = {
        kind: 'subscription',
        purchasedAt: instant(purchasedMs),
        term,
        billingFrequency,
        quantity,
        unitPrice,
        currency,
      };
      if (rand() < 0.5) sub['id'] = `sub-${i}`;
    } else {
      sub = schemas.fromPartnerCenterSubscription(
        partnerCenterJson(i, purchasedMs, term, billingFrequency, quantity),
        {
          unitPrice,
          currency,
          publisher: 'Microsoft',
          market: 'IT',
        },
      ) as Sub;
    }
    out[i] = { sub, asOf: instant(asOfMs), termIndex: Math.floor(rand() * 6), handBuilt };
  }
  return out;
}

/** Partner Center's subscription resource for a purchase (its facts agree with the rules). */
function partnerCenterJson(
  i: number,
  purchasedMs: number,
  term: string,
  billingCycle: string,
  quantity: number,
): Record<string, unknown> {
  const day = new Date(purchasedMs - (purchasedMs % DAY)).toISOString();
  const first = lib.termDates({
    purchasedAt: new Date(purchasedMs),
    term: term as 'P1Y',
    termIndex: 0,
  });
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    offerId: 'DG7GMGF0D3SJ:0002:DG7GMGF0C9G6',
    offerName: 'SQL Server 2022 Standard - 2 Core License Pack',
    friendlyName: `SQL ${i}`,
    productType: { id: 'Software', displayName: 'Software' },
    quantity,
    unitType: 'Licenses',
    creationDate: new Date(purchasedMs).toISOString().replace('Z', '1234Z'),
    effectiveStartDate: day,
    commitmentEndDate: `${first.end}T00:00:00Z`,
    cancellationAllowedUntilDate: new Date(purchasedMs + 7 * DAY).toISOString(),
    status: 'Active',
    autoRenewEnabled: true,
    isTrial: false,
    billingType: 'license',
    billingCycle,
    termDuration: term,
    publisherName: 'Microsoft Corporation',
    contractType: 'subscription',
    orderId: `order-${i}`,
    attributes: { objectType: 'Subscription' },
  };
}

// Fresh roles per call, as a request's token gives them.
function roles(i: number): string[] {
  switch (i & 3) {
    case 0:
      return ['Admin agent', 'Sales agent'];
    case 1:
      return ['Admin agent'];
    case 2:
      return ['AdminAgent', 'HelpdeskAgent'];
    default:
      return ['Sales agent'];
  }
}

const ring: unknown[] = new Array(1024);
type Variant = (c: Case, i: number) => unknown;
interface Rule {
  name: string;
  library: Variant;
  bare: Variant;
  shaped: Variant;
}

const rules: Rule[] = [
  {
    name: 'termDates',
    library: (c) =>
      lib.termDates({
        purchasedAt: c.sub.purchasedAt,
        term: c.sub['term'] as 'P1Y',
        termIndex: c.termIndex,
      }),
    bare: (c) =>
      bareTermDates({
        purchasedAt: c.sub.purchasedAt,
        term: c.sub['term'] as string,
        termIndex: c.termIndex,
      }),
    shaped: (c) =>
      shapedTermDates({
        purchasedAt: c.sub.purchasedAt,
        term: c.sub['term'] as string,
        termIndex: c.termIndex,
      }),
  },
  {
    name: 'evaluateCancellation',
    library: (c, i) =>
      lib.evaluateCancellation(c.sub as never, { asOf: c.asOf, roles: roles(i) as never }),
    bare: (c, i) => bareCancellation(c.sub as never, { asOf: c.asOf, roles: roles(i) }),
    shaped: (c, i) => shapedCancellation(c.sub as never, { asOf: c.asOf, roles: roles(i) }),
  },
  {
    name: 'cancellationRefund',
    library: (c) => lib.cancellationRefund(c.sub as never, { asOf: c.asOf }),
    bare: (c) => bareRefund(c.sub as never, { asOf: c.asOf }),
    shaped: (c) => shapedRefund(c.sub as never, { asOf: c.asOf }),
  },
  {
    name: 'subscriptionStatusOn',
    library: (c) => lib.subscriptionStatusOn(c.sub as never, { asOf: c.asOf }),
    bare: (c) => bareStatus(c.sub as never, { asOf: c.asOf }),
    shaped: (c) => shapedStatus(c.sub as never, { asOf: c.asOf }),
  },
  {
    name: 'chargeCycles',
    library: (c) =>
      lib.chargeCycles({
        purchasedAt: c.sub.purchasedAt,
        term: c.sub['term'] as 'P1Y',
        billingFrequency: c.sub['billingFrequency'] as 'monthly',
        termIndex: c.termIndex,
      }),
    bare: (c) =>
      bareCycles({
        purchasedAt: c.sub.purchasedAt,
        term: c.sub['term'] as string,
        billingFrequency: c.sub['billingFrequency'] as string,
        termIndex: c.termIndex,
      }),
    shaped: (c) =>
      shapedCycles({
        purchasedAt: c.sub.purchasedAt,
        term: c.sub['term'] as string,
        billingFrequency: c.sub['billingFrequency'] as string,
        termIndex: c.termIndex,
      }),
  },
];

/** The shaped floor must give the library's JSON, or the ratio means nothing. */
function check(cases: Case[], rule: Rule): void {
  let checked = 0;
  for (let i = 0; i < cases.length && checked < 20_000; i++) {
    const c = cases[i] as Case;
    if (!c.handBuilt) continue;
    checked++;
    const a = JSON.stringify(rule.library(c, i));
    const b = JSON.stringify(rule.shaped(c, i));
    if (a !== b) {
      process.stderr.write(
        `${rule.name}: the shaped floor differs from the library on input ${i}\n${JSON.stringify(c)}\nlibrary ${a}\nfloor   ${b}\n`,
      );
      process.exit(1);
    }
  }
}

function pass(cases: Case[], v: Variant): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < cases.length; i++) ring[i & 1023] = v(cases[i] as Case, i);
  return Number(process.hrtime.bigint() - start) / cases.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}×`;

const cases = generate();
const mix = cases.filter((c) => c.handBuilt).length;
const lines = [
  `Node ${process.version}, ${process.platform}/${process.arch}; ${N.toLocaleString('en-US')} distinct inputs (${mix.toLocaleString('en-US')} hand-built, ${(N - mix).toLocaleString('en-US')} read from Partner Center JSON), ${ROUNDS} rounds.`,
  '',
  '| rule | library ns/call | bare floor ns/call | shaped floor ns/call | library / bare | library / shaped | median / shaped |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
// BENCH_PROFILE=<rule>: only the library's calls of that rule, for `node --cpu-prof`.
const profile = process.env['BENCH_PROFILE'];
if (profile !== undefined) {
  const rule = rules.find((r) => r.name === profile);
  if (rule === undefined) throw new Error(`no rule ${profile}`);
  // Profiled from here, so the inputs' generation is not in the profile.
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  // BENCH_VARIANT=bare|shaped profiles a floor instead.
  const variant = process.env['BENCH_VARIANT'] as 'bare' | 'shaped' | undefined;
  for (let r = 0; r < ROUNDS; r++) pass(cases, rule[variant ?? 'library']);
  const { profile: cpu } = await session.post('Profiler.stop');
  const file = `${profile}.cpuprofile`;
  writeFileSync(file, JSON.stringify(cpu));
  process.stdout.write(`profile written to ${file}\n`);
  process.exit(0);
}
for (const rule of rules) {
  check(cases, rule);
  const variants = [rule.library, rule.bare, rule.shaped];
  for (const v of variants) pass(cases, v); // warm-up
  const ns: number[][] = [[], [], []];
  for (let r = 0; r < ROUNDS; r++)
    for (let j = 0; j < 3; j++) {
      const which = (r + j) % 3;
      (ns[which] as number[]).push(pass(cases, variants[which] as Variant));
    }
  const [l, b, s] = ns as [number[], number[], number[]];
  const shaped = l.map((x, k) => x / (s[k] as number));
  lines.push(
    `| \`${rule.name}\` | ${median(l).toFixed(0)} | ${median(b).toFixed(0)} | ${median(s).toFixed(0)} | ${range(l.map((x, k) => x / (b[k] as number)))} | ${range(shaped)} | ${median(shaped).toFixed(2)}× |`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
void ring;
