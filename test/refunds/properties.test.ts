// Invariants of cancellationRefund, checked against an independent oracle
// built from public APIs (billing's chargeCycles, core's day counts) and plain
// bigint arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeCycles, installmentSchedule } from '../../src/billing/index.js';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import {
  type BillingFrequency,
  calendarDayOf,
  inclusiveDayCount,
  type PerpetualPurchase,
  type RoundingMode,
  type SoftwareSubscription,
  type Term,
} from '../../src/core/index.js';
import {
  type CancellationRefund,
  type CancellationRefundOptions,
  cancellationRefund,
  type RoundingApplication,
  remainingObligation,
} from '../../src/refunds/index.js';
import { subscriptionComputation } from '../support/refunds.js';
import { expectSameInEveryTimeZone, localOffsetsDiffer } from '../support/tz.js';

const H = 3_600_000;
const D = 24 * H;
const iso = (ms: number) => new Date(ms).toISOString();

const planArb = fc.constantFrom<[Term, BillingFrequency]>(
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
);
const EXPONENTS: Readonly<Record<string, number>> = { EUR: 2, USD: 2, JPY: 0, KWD: 3 };
const currencyArb = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD');
/** Decimal text with 0-4 fractional digits (unit prices may be finer than the currency). */
const priceArb = fc
  .tuple(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) => {
    const s = String(units).padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  });
const modeArb = fc.constantFrom<RoundingMode>('truncate', 'half_even', 'half_up');
const applyArb = fc.constantFrom<RoundingApplication>('per_unit', 'total');

const subArb = fc.record({
  purchasedMs: fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2032, 0, 1) }),
  plan: planArb,
  quantity: fc.integer({ min: 1, max: 1000 }),
  unitPrice: priceArb,
  currency: currencyArb,
  autoRenew: fc.option(fc.boolean(), { nil: undefined }),
});
type SubSpec = typeof subArb extends fc.Arbitrary<infer T> ? T : never;

function toSub(s: SubSpec): SoftwareSubscription {
  return {
    kind: 'subscription',
    purchasedAt: iso(s.purchasedMs),
    term: s.plan[0],
    billingFrequency: s.plan[1],
    quantity: s.quantity,
    unitPrice: s.unitPrice,
    currency: s.currency,
    ...(s.autoRenew === undefined ? {} : { autoRenew: s.autoRenew }),
  };
}

function scaled(text: string): { units: bigint; scale: number } {
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}

/** n / d rounded half-even (n, d ≥ 0). */
function halfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = 2n * (n - q * d);
  if (r2 > d || (r2 === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** The oracle: the cycle, day counts and charge from public APIs, independently of refunds. */
function oracle(s: SubSpec, r: CancellationRefund, asOfMs: number) {
  const sub = toSub(s);
  const termIndex = r.cancellation.term?.termIndex ?? 0;
  const day = calendarDayOf(iso(asOfMs));
  const cycles = chargeCycles({
    purchasedAt: sub.purchasedAt,
    term: s.plan[0],
    billingFrequency: s.plan[1],
    termIndex,
  });
  const cycle = cycles.find((c) => c.start <= day && day <= c.end);
  if (cycle === undefined) throw new Error('no cycle contains the cancellation day');
  const refundDays = inclusiveDayCount(day, cycle.end);
  const cycleDays = inclusiveDayCount(cycle.start, cycle.end);
  const p = scaled(s.unitPrice);
  const e = EXPONENTS[s.currency] as number;
  const den = 10n ** BigInt(p.scale);
  const charged = halfEven(p.units * BigInt(s.quantity) * 10n ** BigInt(e), den);
  return { cycle, cycles, termIndex, refundDays, cycleDays, p, e, charged };
}

describe('cancellationRefund: invariants', () => {
  it('0 ≤ refund ≤ charged, refund + kept = charged, and allowed as evaluateCancellation says', () => {
    fc.assert(
      fc.property(
        subArb,
        fc.integer({ min: -D, max: 12 * D }),
        modeArb,
        applyArb,
        fc.constantFrom<'cycle' | 'month_of_start'>('cycle', 'month_of_start'),
        fc.option(fc.constantFrom('PT24H', 'P2D'), { nil: undefined }),
        (s, offset, mode, apply, cycleDays, within) => {
          const asOf = iso(s.purchasedMs + offset);
          const options: CancellationRefundOptions = {
            asOf,
            rounding: { mode, apply },
            cycleDays,
            ...(within === undefined ? {} : { fullRefundWithin: within }),
          };
          const r = cancellationRefund(toSub(s), options);
          expect(r.refund.minor).toBeGreaterThanOrEqual(0);
          expect(r.refund.minor).toBeLessThanOrEqual(r.charged.minor);
          expect(r.refund.minor + r.kept.minor).toBe(r.charged.minor);
          expect(Number.isSafeInteger(r.refund.minor)).toBe(true);
          expect(r.refund.currency).toBe(s.currency);
          const d = evaluateCancellation(toSub(s), { asOf: asOf });
          expect(r.allowed).toBe(d.allowed);
          expect(r.reasons).toEqual(d.reasons);
          expect(r.billedInFull).toBe(d.billedInFull);
          if (!r.allowed) {
            expect(r.refund.minor).toBe(0);
            expect(r.computation).toBeNull();
          } else {
            expect(r.allowed).toBe(r.reasons.length === 0);
            expect(r.invoice?.billingPeriod).toBe(asOf.slice(0, 7));
          }
        },
      ),
    );
  });

  it('matches the oracle with the default rounding (truncate per unit, then × quantity)', () => {
    fc.assert(
      fc.property(subArb, fc.integer({ min: 0, max: 7 * D - 1 }), (s, offset) => {
        const asOfMs = s.purchasedMs + offset;
        const r = cancellationRefund(toSub(s), { asOf: iso(asOfMs) });
        expect(r.allowed).toBe(true);
        const o = oracle(s, r, asOfMs);
        const c = subscriptionComputation(r);
        expect(c.cycle).toEqual({
          termIndex: o.termIndex,
          index: o.cycle.index,
          start: o.cycle.start,
          end: o.cycle.end,
        });
        expect([c.refundDays, c.cycleDays]).toEqual([o.refundDays, o.cycleDays]);
        expect(r.charged.minor).toBe(Number(o.charged));
        const perUnit =
          (o.p.units * BigInt(o.refundDays) * 10n ** BigInt(o.e)) /
          (10n ** BigInt(o.p.scale) * BigInt(o.cycleDays));
        const prorated = perUnit * BigInt(s.quantity);
        const expected =
          o.refundDays === o.cycleDays ? o.charged : prorated < o.charged ? prorated : o.charged;
        expect(r.refund.minor).toBe(Number(expected));
        // The later cycles of the term are not billed.
        expect(r.notBilled?.count).toBe(o.cycles.length - 1 - o.cycle.index);
        expect(r.notBilled?.total.minor).toBe(
          Number(o.charged) * (o.cycles.length - 1 - o.cycle.index),
        );
      }),
    );
  });

  it('never grows as the cancellation moves later in the cycle', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        subArb,
        fc.integer({ min: 0, max: 400 * D }),
        fc.integer({ min: 0, max: 40 * D }),
        modeArb,
        applyArb,
        fc.constantFrom<'cycle' | 'month_of_start'>('cycle', 'month_of_start'),
        fc.option(fc.constantFrom('PT24H', 'P3D'), { nil: undefined }),
        (s, early, delta, mode, apply, cycleDays, within) => {
          const late = early + delta;
          const options = (ms: number): CancellationRefundOptions => ({
            asOf: iso(s.purchasedMs + ms),
            minimumWindowDays: 3660,
            rounding: { mode, apply },
            cycleDays,
            ...(within === undefined ? {} : { fullRefundWithin: within }),
          });
          const r1 = cancellationRefund(toSub(s), options(early));
          const r2 = cancellationRefund(toSub(s), options(late));
          if (!r1.allowed || !r2.allowed) return;
          const c1 = subscriptionComputation(r1).cycle;
          const c2 = subscriptionComputation(r2).cycle;
          if (c1.termIndex !== c2.termIndex || c1.index !== c2.index) return;
          compared += 1;
          expect(r2.refund.minor).toBeLessThanOrEqual(r1.refund.minor);
          expect(subscriptionComputation(r2).refundDays).toBeLessThanOrEqual(
            subscriptionComputation(r1).refundDays,
          );
        },
      ),
    );
    // Most pairs fall in one cycle: the property was really exercised.
    expect(compared).toBeGreaterThan((fc.readConfigureGlobal().numRuns ?? 100) / 10);
  });

  it('refunds everything when cancelled on the first day of a cycle (default cycleDays)', () => {
    fc.assert(
      fc.property(
        subArb,
        fc.nat(),
        fc.integer({ min: 0, max: D - 1 }),
        modeArb,
        applyArb,
        (s, pick, msInDay, mode, apply) => {
          const sub = toSub(s);
          const cycles = chargeCycles({
            purchasedAt: sub.purchasedAt,
            term: s.plan[0],
            billingFrequency: s.plan[1],
          });
          const cycle = cycles[pick % cycles.length] as (typeof cycles)[number];
          const dayStart = Date.parse(`${cycle.start}T00:00:00Z`);
          // Cycle 0 starts on the purchase day: not before the purchase instant.
          const asOfMs = Math.max(s.purchasedMs, dayStart + msInDay);
          const r = cancellationRefund(sub, {
            asOf: iso(asOfMs),
            minimumWindowDays: 3660,
            rounding: { mode, apply },
          });
          expect(r.allowed).toBe(true);
          expect(r.refund).toEqual(r.charged);
          expect(r.kept.minor).toBe(0);
          expect(subscriptionComputation(r).method).toBe('whole_cycle');
        },
      ),
    );
  });

  it('rounding modes stay within one minor unit per unit of the exact amount', () => {
    fc.assert(
      fc.property(subArb, fc.integer({ min: 0, max: 7 * D - 1 }), (s, offset) => {
        const asOfMs = s.purchasedMs + offset;
        const run = (mode: RoundingMode, apply: RoundingApplication) =>
          cancellationRefund(toSub(s), {
            asOf: iso(asOfMs),
            rounding: { mode, apply },
          });
        const base = run('truncate', 'per_unit');
        const o = oracle(s, base, asOfMs);
        if (o.refundDays === o.cycleDays) return; // whole cycle: the charge, no proration
        const q = BigInt(s.quantity);
        const den = 10n ** BigInt(o.p.scale) * BigInt(o.cycleDays);
        const perUnitNum = o.p.units * BigInt(o.refundDays) * 10n ** BigInt(o.e);
        const perUnit: number[] = [];
        const total: number[] = [];
        for (const mode of ['truncate', 'half_even', 'half_up'] as const) {
          const pu = run(mode, 'per_unit');
          const tot = run(mode, 'total');
          const c = subscriptionComputation(pu);
          // Each rounded unit amount is less than one minor unit from the exact one.
          const unit = BigInt(c.perUnit?.minor ?? -1);
          const gap = unit * den - perUnitNum;
          expect(gap < den && -gap < den).toBe(true);
          // The total rounding is less than one minor unit from the exact total (or capped).
          const totalGap = BigInt(tot.refund.minor) * den - perUnitNum * q;
          expect((totalGap < den && -totalGap < den) || subscriptionComputation(tot).capped).toBe(
            true,
          );
          if (!c.capped) perUnit.push(pu.refund.minor);
          if (!subscriptionComputation(tot).capped) total.push(tot.refund.minor);
        }
        // Modes differ by at most one minor unit per unit (per-unit), one in all (total).
        if (perUnit.length > 1)
          expect(Math.max(...perUnit) - Math.min(...perUnit)).toBeLessThanOrEqual(s.quantity);
        if (total.length > 1)
          expect(Math.max(...total) - Math.min(...total)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with remainingObligation and billing’s installment schedule on what is not billed', () => {
    fc.assert(
      fc.property(subArb, fc.integer({ min: 0, max: 7 * D - 1 }), (s, offset) => {
        const sub = toSub(s);
        const asOf = iso(s.purchasedMs + offset);
        const r = cancellationRefund(sub, { asOf, listInstallments: true });
        const c = subscriptionComputation(r);
        const schedule = installmentSchedule({
          purchasedAt: sub.purchasedAt,
          term: s.plan[0],
          billingFrequency: s.plan[1],
          termIndex: c.cycle.termIndex,
          quantity: s.quantity,
          unitPrice: s.unitPrice,
          currency: s.currency,
        });
        expect(r.notBilled?.installments).toEqual(schedule.installments.slice(c.cycle.index + 1));
        const o = remainingObligation(sub, { asOf: asOf });
        expect(o.installments).toEqual(r.notBilled?.installments);
        expect(o.remaining).toEqual(r.notBilled?.total);
        expect(o.currentCycle?.amount).toEqual(r.charged);
        expect(o.windowOpen).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('credits perpetual software in full, and never more for fewer licences', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2032, 0, 1) }),
        fc.integer({ min: 0, max: 40 * D }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        priceArb,
        currencyArb,
        (purchasedMs, offset, quantity, pick, unitPrice, currency) => {
          const order: PerpetualPurchase = {
            kind: 'perpetual',
            purchasedAt: iso(purchasedMs),
            quantity,
            unitPrice,
            currency,
          };
          const asOf = iso(purchasedMs + offset);
          const all = cancellationRefund(order, { asOf });
          const part = cancellationRefund(order, {
            asOf,
            quantity: 1 + (pick % quantity),
          });
          expect(all.allowed).toBe(offset < 30 * D);
          expect(all.settlement).toBe('credit');
          expect(all.refund.minor + all.kept.minor).toBe(all.charged.minor);
          expect(part.refund.minor + part.kept.minor).toBe(part.charged.minor);
          if (all.allowed) {
            expect(all.refund).toEqual(all.charged);
            expect(part.refund.minor).toBeLessThanOrEqual(all.refund.minor);
          } else {
            expect([all.refund.minor, part.refund.minor]).toEqual([0, 0]);
          }
        },
      ),
    );
  });

  it('gives the same results in every process time zone', () => {
    expect(localOffsetsDiffer()).toBe(true);
    fc.assert(
      fc.property(subArb, fc.integer({ min: -D, max: 10 * D }), (s, offset) => {
        expectSameInEveryTimeZone(() =>
          cancellationRefund(toSub(s), {
            asOf: iso(s.purchasedMs + offset),
            fullRefundWithin: 'PT24H',
            cycleDays: 'month_of_start',
            listInstallments: true,
          }),
        );
      }),
      { numRuns: 50 },
    );
    expectSameInEveryTimeZone(() => [
      cancellationRefund(
        toSub({
          purchasedMs: Date.UTC(2023, 11, 31, 23, 30),
          plan: ['P1Y', 'monthly'],
          quantity: 3,
          unitPrice: '10.08',
          currency: 'EUR',
          autoRenew: undefined,
        }),
        {
          asOf: '2024-01-01T00:30:00+01:00',
        },
      ),
      remainingObligation(
        toSub({
          purchasedMs: Date.UTC(2023, 0, 31, 22),
          plan: ['P3Y', 'monthly'],
          quantity: 1,
          unitPrice: '5',
          currency: 'JPY',
          autoRenew: true,
        }),
        { asOf: '2024-02-29T23:59:59.999-03:00' },
      ),
    ]);
  });
});
