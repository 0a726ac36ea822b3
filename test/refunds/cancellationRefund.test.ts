// Worked examples of cancellationRefund, computed by hand from Microsoft's
// published billing examples (S3) and the brief's formula (§6):
//   per unit = unitPrice × refundDays / cycleDays, truncated to the minor unit,
//   refund   = per unit × quantity; refundDays = cancellation day .. cycle end, inclusive.
import { describe, expect, it } from 'vitest';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import type { PerpetualPurchase, SoftwareSubscription } from '../../src/core/index.js';
import { cancellationRefund } from '../../src/refunds/index.js';
import { expectRuleError } from '../support/errors.js';
import { subscriptionComputation } from '../support/refunds.js';

const SOURCE_S1 = 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions';
const SOURCE_S3 =
  'https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring';
const SOURCE_S8 = 'https://learn.microsoft.com/partner-center/billing/billing-basics';

function sub(overrides: Partial<SoftwareSubscription> = {}): SoftwareSubscription {
  return {
    kind: 'subscription',
    purchasedAt: '2021-07-15T09:00:00Z',
    term: 'P1M',
    billingFrequency: 'monthly',
    quantity: 10,
    unitPrice: '10.08',
    currency: 'EUR',
    ...overrides,
  };
}

describe('cancellationRefund: monthly plans', () => {
  it("Microsoft's example: 10 licences at EUR 10.08, bought July 15, cancelled July 17", () => {
    // Cycle 2021-07-15 .. 2021-08-14 = 31 days. Refund days Jul 17..Aug 14 = 15 + 14 = 29.
    // 10.08 × 29 / 31 = 292.32 / 31 = 9.429677419… → truncate 9.42 → × 10 = 94.20.
    // Charged 10.08 × 10 = 100.80; kept 100.80 − 94.20 = 6.60.
    const r = cancellationRefund(sub(), { asOf: '2021-07-17T12:00:00Z' });
    expect(r.allowed).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.settlement).toBe('prorated_refund');
    expect(r.refund).toEqual({ currency: 'EUR', minor: 9420 });
    expect(r.charged).toEqual({ currency: 'EUR', minor: 10080 });
    expect(r.kept).toEqual({ currency: 'EUR', minor: 660 });
    expect(r.billedInFull).toBe(false);
    expect(r.asOf).toEqual(new Date('2021-07-17T12:00:00Z'));
    expect(r.computation).toEqual({
      method: 'prorated',
      refundTier: { value: 'partial', source: 'forecast', forecast: 'partial' },
      cancellationDay: '2021-07-17',
      cycle: { termIndex: 0, index: 0, start: '2021-07-15', end: '2021-08-14' },
      cycleDays: 31,
      cycleDayCount: 'cycle',
      refundDays: 29,
      unitPrice: '10.08',
      quantity: 10,
      exactPerUnit: '9.4296774193…',
      exactPerUnitFraction: '292.32/31',
      perUnit: { currency: 'EUR', minor: 942 },
      exactTotal: '94.2967741935…',
      rounding: { mode: 'truncate', apply: 'per_unit' },
      chargeRounding: 'half_even',
      capped: false,
      fullRefundWithin: null,
    });
    // P1M: the current cycle is the whole term, nothing later to cancel.
    expect(r.notBilled).toEqual({
      count: 0,
      from: null,
      to: null,
      amountEach: { currency: 'EUR', minor: 10080 },
      total: { currency: 'EUR', minor: 0 },
      installments: null,
    });
    expect(r.invoice).toEqual({
      billingPeriod: '2021-07',
      periodStart: '2021-07-01',
      periodEnd: '2021-07-31',
      availableFrom: '2021-08-06',
      availableBy: '2021-08-08',
    });
  });

  it('reuses the cancellation decision and adds the refund rules (S1, S3, S8)', () => {
    const r = cancellationRefund(sub(), { asOf: '2021-07-17T12:00:00Z' });
    const d = evaluateCancellation(sub(), { asOf: '2021-07-17T12:00:00Z' });
    expect(r.cancellation).toEqual(d);
    expect(r.rules.slice(0, d.rules.length)).toEqual(d.rules);
    expect(r.rules.slice(d.rules.length)).toEqual([
      { id: 'refunds.prorated_refund', source: SOURCE_S1, effectiveFrom: '0000-01-01' },
      { id: 'refunds.rounding', source: SOURCE_S3, effectiveFrom: '0000-01-01' },
      { id: 'refunds.invoice_period', source: SOURCE_S8, effectiveFrom: '0000-01-01' },
    ]);
    // The decision's own rules are not modified.
    expect(r.cancellation.rules).toEqual(d.rules);
  });

  it('annual term, monthly plan, USD: cycle Feb 15 – Mar 14 (28 days)', () => {
    // S3: bought 2022-02-15, annual term, monthly plan: first charge cycle Feb 15 – Mar 14.
    // Cancel Feb 20: refund days Feb 20..28 (9) + Mar 1..14 (14) = 23.
    // 12.00 × 23 / 28 = 276 / 28 = 9.857142… → 9.85 × 5 = 49.25; charged 60.00, kept 10.75.
    // The 11 later monthly cycles (Mar 15, 2022 .. Feb 14, 2023) are not billed: 11 × 60.00.
    const s = sub({
      purchasedAt: '2022-02-15T10:00:00Z',
      term: 'P1Y',
      quantity: 5,
      unitPrice: '12.00',
      currency: 'USD',
    });
    const r = cancellationRefund(s, { asOf: '2022-02-20T18:30:00Z' });
    expect(r.refund).toEqual({ currency: 'USD', minor: 4925 });
    expect(r.kept).toEqual({ currency: 'USD', minor: 1075 });
    expect(subscriptionComputation(r)).toMatchObject({
      cycle: { termIndex: 0, index: 0, start: '2022-02-15', end: '2022-03-14' },
      cycleDays: 28,
      refundDays: 23,
      exactPerUnit: '9.8571428571…',
      exactPerUnitFraction: '276/28',
      perUnit: { currency: 'USD', minor: 985 },
    });
    expect(r.notBilled).toEqual({
      count: 11,
      from: '2022-03-15',
      to: '2023-02-14',
      amountEach: { currency: 'USD', minor: 6000 },
      total: { currency: 'USD', minor: 66000 },
      installments: null,
    });
    expect(r.invoice?.billingPeriod).toBe('2022-02');
  });

  it('lists the installments not billed on request, as billing schedules them', () => {
    const s = sub({ purchasedAt: '2021-01-31T10:00:00Z', term: 'P1Y', quantity: 1 });
    const r = cancellationRefund(s, {
      asOf: '2021-02-01T10:00:00Z',
      listInstallments: true,
    });
    const list = r.notBilled?.installments ?? [];
    expect(list).toHaveLength(11);
    // Clamped from the anchor (Jan 31): Feb 28, Mar 31, Apr 30, ...
    expect(list.slice(0, 3)).toEqual([
      {
        index: 1,
        start: '2021-02-28',
        end: '2021-03-30',
        amount: { currency: 'EUR', minor: 1008 },
      },
      {
        index: 2,
        start: '2021-03-31',
        end: '2021-04-29',
        amount: { currency: 'EUR', minor: 1008 },
      },
      {
        index: 3,
        start: '2021-04-30',
        end: '2021-05-30',
        amount: { currency: 'EUR', minor: 1008 },
      },
    ]);
    expect(list[10]).toMatchObject({ index: 11, start: '2021-12-31', end: '2022-01-30' });
    expect(r.notBilled).toMatchObject({ count: 11, from: '2021-02-28', to: '2022-01-30' });
    // Cycle Jan 31 – Feb 27 = 28 days; refund days Feb 1..27 = 27.
    // 10.08 × 27 / 28 = 272.16 / 28 = 9.72 exactly.
    expect(subscriptionComputation(r)).toMatchObject({
      cycleDays: 28,
      refundDays: 27,
      exactPerUnit: '9.72',
    });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 972 });
  });

  it('KWD (3 decimals): 7 licences at KWD 3.125, bought Jan 31, cancelled Feb 3', () => {
    // Cycle 2023-01-31 .. 2023-02-27 = 28 days (clamped). Refund days Feb 3..27 = 25.
    // 3.125 × 25 / 28 = 78.125 / 28 = 2.790178… → 2.790 × 7 = 19.530; charged 21.875; kept 2.345.
    const s = sub({
      purchasedAt: '2023-01-31T10:00:00Z',
      term: 'P1Y',
      quantity: 7,
      unitPrice: '3.125',
      currency: 'KWD',
    });
    const r = cancellationRefund(s, { asOf: '2023-02-03T09:00:00Z' });
    expect(r.refund).toEqual({ currency: 'KWD', minor: 19530 });
    expect(r.charged).toEqual({ currency: 'KWD', minor: 21875 });
    expect(r.kept).toEqual({ currency: 'KWD', minor: 2345 });
    expect(subscriptionComputation(r)).toMatchObject({
      cycleDays: 28,
      refundDays: 25,
      exactPerUnitFraction: '78.125/28',
      perUnit: { currency: 'KWD', minor: 2790 },
    });
    // Month of start (January, 31 days): 3.125 × 25 / 31 = 2.520161… → 2.520 × 7 = 17.640.
    const m = cancellationRefund(s, {
      asOf: '2023-02-03T09:00:00Z',
      cycleDays: 'month_of_start',
    });
    expect(m.refund).toEqual({ currency: 'KWD', minor: 17640 });
    expect(subscriptionComputation(m)).toMatchObject({
      cycleDays: 31,
      cycleDayCount: 'month_of_start',
    });
  });
});

describe('cancellationRefund: annual and triennial plans', () => {
  it('annual plan, USD: a cycle spanning Feb 29 has 366 days', () => {
    // Cycle 2023-03-10 .. 2024-03-09 = 366 days (2024-02-29 inside). Cancel 2023-03-14:
    // refund days = 366 − 4 = 362. 1200 × 362 / 366 = 434400 / 366 = 1186.885245… → 1186.88
    // × 3 = 3560.64; charged 3600.00; kept 39.36.
    const s = sub({
      purchasedAt: '2023-03-10T15:00:00Z',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 3,
      unitPrice: '1200.00',
      currency: 'USD',
    });
    const r = cancellationRefund(s, { asOf: '2023-03-14T10:00:00Z' });
    expect(r.refund).toEqual({ currency: 'USD', minor: 356064 });
    expect(r.kept).toEqual({ currency: 'USD', minor: 3936 });
    expect(subscriptionComputation(r)).toMatchObject({
      cycle: { start: '2023-03-10', end: '2024-03-09' },
      cycleDays: 366,
      refundDays: 362,
      perUnit: { currency: 'USD', minor: 118688 },
    });
    expect(r.notBilled?.count).toBe(0);
    // "A year has 365 or 366 days" read on the year the cycle starts (2023: 365):
    // 1200 × 362 / 365 = 434400 / 365 = 1190.136986… → 1190.13 × 3 = 3570.39; kept 29.61.
    const m = cancellationRefund(s, {
      asOf: '2023-03-14T10:00:00Z',
      cycleDays: 'month_of_start',
    });
    expect(m.refund).toEqual({ currency: 'USD', minor: 357039 });
    expect(m.kept).toEqual({ currency: 'USD', minor: 2961 });
    expect(subscriptionComputation(m).cycleDays).toBe(365);
  });

  it('triennial plan, JPY (0 decimals): 2 licences at ¥150,000', () => {
    // Cycle 2022-01-15 .. 2025-01-14 = 365 + 365 + 366 = 1096 days. Cancel 2022-01-20:
    // refund days = 1096 − 5 = 1091. 150000 × 1091 / 1096 = 163650000 / 1096 = 149315.693… → ¥149,315
    // × 2 = ¥298,630; charged ¥300,000; kept ¥1,370.
    const s = sub({
      purchasedAt: '2022-01-15T00:30:00Z',
      term: 'P3Y',
      billingFrequency: 'triennial',
      quantity: 2,
      unitPrice: '150000',
      currency: 'JPY',
    });
    const r = cancellationRefund(s, { asOf: '2022-01-20T08:00:00Z' });
    expect(r.refund).toEqual({ currency: 'JPY', minor: 298630 });
    expect(r.charged).toEqual({ currency: 'JPY', minor: 300000 });
    expect(r.kept).toEqual({ currency: 'JPY', minor: 1370 });
    expect(subscriptionComputation(r)).toMatchObject({
      cycleDays: 1096,
      refundDays: 1091,
      perUnit: { currency: 'JPY', minor: 149315 },
      exactPerUnit: '149315.6934306569…',
    });
    // Half-up per unit: 149316 × 2 = 298632; on the total: 298631.387… → 298631.
    expect(
      cancellationRefund(s, { asOf: '2022-01-20T08:00:00Z', rounding: 'half_up' }).refund.minor,
    ).toBe(298632);
    expect(
      cancellationRefund(s, {
        asOf: '2022-01-20T08:00:00Z',
        rounding: { mode: 'half_up', apply: 'total' },
      }).refund.minor,
    ).toBe(298631);
    // Month of start: years 2022, 2023, 2024 = 1096 days too (2024 is a leap year).
    expect(
      subscriptionComputation(
        cancellationRefund(s, { asOf: '2022-01-20T08:00:00Z', cycleDays: 'month_of_start' }),
      ).cycleDays,
    ).toBe(1096);
  });

  it('three-year term, annual plan, EUR, bought on Feb 29', () => {
    // Cycle 0: 2024-02-29 .. 2025-02-27 (next cycle clamped to Feb 28) = 365 days.
    // Cancel 2024-03-02: refund days 363. 500 × 363 / 365 = 181500 / 365 = 497.260273… → 497.26.
    // Two later annual cycles not billed: 2025-02-28 .. 2027-02-27, 2 × 500.00.
    const s = sub({
      purchasedAt: '2024-02-29T12:00:00Z',
      term: 'P3Y',
      billingFrequency: 'annual',
      quantity: 1,
      unitPrice: '500.00',
    });
    const r = cancellationRefund(s, {
      asOf: '2024-03-02T00:00:00Z',
      listInstallments: true,
    });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 49726 });
    expect(subscriptionComputation(r)).toMatchObject({ cycleDays: 365, refundDays: 363 });
    expect(r.notBilled).toEqual({
      count: 2,
      from: '2025-02-28',
      to: '2027-02-27',
      amountEach: { currency: 'EUR', minor: 50000 },
      total: { currency: 'EUR', minor: 100000 },
      installments: [
        {
          index: 1,
          start: '2025-02-28',
          end: '2026-02-27',
          amount: { currency: 'EUR', minor: 50000 },
        },
        {
          index: 2,
          start: '2026-02-28',
          end: '2027-02-27',
          amount: { currency: 'EUR', minor: 50000 },
        },
      ],
    });
    // Month of start: the calendar year 2024 has 366 days: 181500 / 366 = 495.901… → 495.90.
    expect(
      cancellationRefund(s, { asOf: '2024-03-02T00:00:00Z', cycleDays: 'month_of_start' }).refund
        .minor,
    ).toBe(49590);
  });

  it('a renewal term: the current cycle is the renewal term’s first cycle', () => {
    // Bought 2022-01-31 (P1Y, monthly, autorenews). Term 1 starts 2023-01-31 (window opens
    // 00:00Z). Cycle 2023-01-31 .. 2023-02-27 = 28 days; cancel Feb 2: refund days 26.
    // 10.08 × 26 / 28 = 262.08 / 28 = 9.36 exactly × 10 = 93.60.
    const s = sub({ purchasedAt: '2022-01-31T10:00:00Z', term: 'P1Y' });
    const r = cancellationRefund(s, { asOf: '2023-02-02T10:00:00Z' });
    expect(r.allowed).toBe(true);
    expect(r.refund).toEqual({ currency: 'EUR', minor: 9360 });
    expect(subscriptionComputation(r).cycle).toEqual({
      termIndex: 1,
      index: 0,
      start: '2023-01-31',
      end: '2023-02-27',
    });
    expect(r.notBilled).toMatchObject({ count: 11, from: '2023-02-28', to: '2024-01-30' });
  });
});

describe('cancellationRefund: whole-cycle and full refunds', () => {
  const s = sub({ purchasedAt: '2022-05-10T08:00:00Z', quantity: 3, unitPrice: '10.005' });

  it('refunds the whole cycle charge on the cycle’s first day', () => {
    // 10.005 × 3 = 30.015 → half-even (billing's charge rounding) 30.02. The per-unit
    // truncation (10.00 × 3 = 30.00) does not apply: the whole cycle is refunded.
    const r = cancellationRefund(s, { asOf: '2022-05-10T20:00:00Z' });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 3002 });
    expect(r.kept).toEqual({ currency: 'EUR', minor: 0 });
    expect(subscriptionComputation(r)).toMatchObject({
      method: 'whole_cycle',
      cycleDays: 31,
      refundDays: 31,
      exactPerUnit: '10.005',
      perUnit: { currency: 'EUR', minor: 1000 },
      capped: false,
    });
    const t = cancellationRefund(s, {
      asOf: '2022-05-10T20:00:00Z',
      chargeRounding: 'truncate',
    });
    expect([t.charged.minor, t.refund.minor]).toEqual([3001, 3001]);
  });

  it('fullRefundWithin PT24H: the whole cycle until 24 h after the term opens', () => {
    const full = cancellationRefund(s, {
      asOf: '2022-05-11T07:59:59.999Z',
      fullRefundWithin: 'PT24H',
    });
    expect(full.refund.minor).toBe(3002);
    expect(subscriptionComputation(full)).toMatchObject({
      method: 'full_refund_within',
      refundDays: 30,
      fullRefundWithin: { duration: 'PT24H', until: new Date('2022-05-11T08:00:00Z') },
    });
    expect(full.rules.map((r) => r.id)).toContain('refunds.full_refund_within');
    // At 24 h exactly: prorated. Cycle May 10 .. Jun 9 = 31 days; refund days 30.
    // 10.005 × 30 / 31 = 300.15 / 31 = 9.682258… → 9.68 × 3 = 29.04.
    const after = cancellationRefund(s, {
      asOf: '2022-05-11T08:00:00Z',
      fullRefundWithin: 'PT24H',
    });
    expect(subscriptionComputation(after).method).toBe('prorated');
    expect(after.refund.minor).toBe(2904);
    // Without the option the same instant is prorated too.
    expect(cancellationRefund(s, { asOf: '2022-05-11T07:00:00Z' }).refund.minor).toBe(2904);
    expect(
      cancellationRefund(s, { asOf: '2022-05-11T07:00:00Z', fullRefundWithin: 'P1D' }).refund.minor,
    ).toBe(3002);
  });

  it('caps the refund at the charge when month-of-start counts fewer days than the cycle', () => {
    // Anchor Jan 31, 2023: cycle 1 runs Feb 28 .. Mar 30 (31 days); February has 28.
    // Cancelled on the cycle's first day (a 60-day window here): 31 refund days > 28 → capped.
    const s2 = sub({ purchasedAt: '2023-01-31T10:00:00Z', term: 'P1Y', quantity: 2 });
    const r = cancellationRefund(s2, {
      asOf: '2023-02-28T10:00:00Z',
      minimumWindowDays: 60,
      cycleDays: 'month_of_start',
    });
    expect(r.refund).toEqual(r.charged);
    expect(subscriptionComputation(r)).toMatchObject({
      method: 'whole_cycle',
      cycleDays: 28,
      refundDays: 31,
      capped: true,
      exactPerUnit: '10.08',
    });
    // Day 2 of that cycle: 30 refund days, still more than 28: capped again.
    const r2 = cancellationRefund(s2, {
      asOf: '2023-03-01T10:00:00Z',
      minimumWindowDays: 60,
      cycleDays: 'month_of_start',
    });
    expect([r2.refund.minor, subscriptionComputation(r2).capped]).toEqual([2016, true]);
    // Day 5: 27 refund days of 28: 10.08 × 27 / 28 = 9.72 × 2 = 19.44.
    const r5 = cancellationRefund(s2, {
      asOf: '2023-03-04T10:00:00Z',
      minimumWindowDays: 60,
      cycleDays: 'month_of_start',
    });
    expect([r5.refund.minor, subscriptionComputation(r5).capped]).toEqual([1944, false]);
  });

  it('caps a rounding that would exceed the charge', () => {
    // 1.009 × 100 = 100.90 charged (half-even). Cycle Mar 15, 2023 .. Mar 14, 2024 = 366 days;
    // cancelled Mar 16: 365 days. 1.009 × 365 / 366 = 1.006243… → half-up per unit 1.01 × 100 = 101.00 > 100.90.
    const s3 = sub({
      purchasedAt: '2023-03-15T00:00:00Z',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 100,
      unitPrice: '1.009',
    });
    const r = cancellationRefund(s3, { asOf: '2023-03-16T00:00:00Z', rounding: 'half_up' });
    expect(r.charged.minor).toBe(10090);
    expect(r.refund.minor).toBe(10090);
    expect(subscriptionComputation(r)).toMatchObject({
      method: 'prorated',
      capped: true,
      perUnit: { minor: 101 },
    });
    expect(cancellationRefund(s3, { asOf: '2023-03-16T00:00:00Z' }).refund.minor).toBe(10000);
  });
});

describe('cancellationRefund: rounding options', () => {
  // A 30-day cycle (Jun 10 .. Jul 9) and a 30-day window to reach mid-cycle:
  // EUR 0.05 × 15 / 30 = 0.025 per unit exactly: a tie.
  const s = sub({ purchasedAt: '2022-06-10T00:00:00Z', quantity: 3, unitPrice: '0.05' });
  const at = { asOf: '2022-06-25T12:00:00Z', minimumWindowDays: 30 } as const;

  it('rounds per unit (then × quantity) or on the total, with each mode', () => {
    const refund = (rounding: Parameters<typeof cancellationRefund>[1]['rounding']) =>
      cancellationRefund(s, { ...at, ...(rounding === undefined ? {} : { rounding }) }).refund
        .minor;
    expect(refund(undefined)).toBe(6); // 0.02 × 3
    expect(refund('truncate')).toBe(6);
    expect(refund('half_up')).toBe(9); // 0.03 × 3
    expect(refund('half_even')).toBe(6); // 0.02 × 3 (2 is even)
    expect(refund({ apply: 'total' })).toBe(7); // 0.075 → 0.07
    expect(refund({ mode: 'half_up', apply: 'total' })).toBe(8); // 0.075 → 0.08
    expect(refund({ mode: 'half_even', apply: 'total' })).toBe(8); // 0.075 → 0.08 (8 is even)
    expect(refund({ mode: 'half_even' })).toBe(6);
    const total = cancellationRefund(s, { ...at, rounding: { apply: 'total' } });
    expect(subscriptionComputation(total)).toMatchObject({
      perUnit: null,
      exactTotal: '0.075',
      rounding: { mode: 'truncate', apply: 'total' },
    });
  });
});

describe('cancellationRefund: refused cancellations', () => {
  // Bought 2023-01-31T15:00Z: the 168-hour window closes 2023-02-07T15:00:00.000Z.
  const s = sub({
    purchasedAt: '2023-01-31T15:00:00Z',
    term: 'P1M',
    quantity: 4,
    unitPrice: '28.90',
  });

  it('allows the last millisecond of the window and refuses the next one', () => {
    // Cycle 2023-01-31 .. 2023-02-27 = 28 days; cancelled Feb 7: refund days 21.
    // 28.90 × 21 / 28 = 606.9 / 28 = 21.675 → 21.67 × 4 = 86.68; charged 115.60.
    const last = cancellationRefund(s, { asOf: '2023-02-07T14:59:59.999Z' });
    expect(last.allowed).toBe(true);
    expect(last.refund).toEqual({ currency: 'EUR', minor: 8668 });
    expect(last.billedInFull).toBe(false);
    const late = cancellationRefund(s, { asOf: '2023-02-07T15:00:00Z' });
    expect(late.allowed).toBe(false);
    expect(late.reasons).toEqual([
      { code: 'window_closed', closedAt: new Date('2023-02-07T15:00:00Z') },
    ]);
    expect(late.refund).toEqual({ currency: 'EUR', minor: 0 });
    expect(late.kept).toEqual({ currency: 'EUR', minor: 11560 });
    expect(late.charged).toEqual({ currency: 'EUR', minor: 11560 });
    expect(late.billedInFull).toBe(true);
    expect([late.computation, late.notBilled, late.invoice]).toEqual([null, null, null]);
    expect(late.rules).toEqual(late.cancellation.rules);
    expect(late.rules.map((r) => r.id)).toContain('cancellation.full_term_billed');
  });

  it('carries the cancellation decision’s reasons, the same objects', () => {
    const rhel = { ...s, publisher: 'Red Hat, Inc.' };
    const r = cancellationRefund(rhel, {
      asOf: '2023-02-01T00:00:00Z',
      roles: ['Sales agent'],
    });
    expect(r.allowed).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual(['non_cancellable_publisher', 'missing_role']);
    expect(r.reasons).toBe(r.cancellation.reasons);
    expect(r.billedInFull).toBe(false);
    expect(r.refund.minor).toBe(0);
  });

  it('refuses before the purchase, an already cancelled or an unknown plan', () => {
    expect(
      cancellationRefund(s, { asOf: '2023-01-31T14:00:00Z' }).reasons.map((x) => x.code),
    ).toEqual(['not_yet_open']);
    const cancelled = cancellationRefund(
      { ...s, status: 'cancelled' },
      { asOf: '2023-02-01T00:00:00Z' },
    );
    expect([cancelled.allowed, cancelled.billedInFull]).toEqual([false, false]);
    const unknown = cancellationRefund(
      { ...s, billingFrequency: { unknown: 'quarterly' } },
      { asOf: '2023-02-01T00:00:00Z' },
    );
    expect(unknown.reasons).toEqual([
      { code: 'unknown_value', field: 'purchase.billingFrequency', raw: 'quarterly' },
    ]);
    expect(unknown.charged).toEqual({ currency: 'EUR', minor: 11560 });
    const unknownTerm = cancellationRefund(
      { ...s, term: { unknown: 'P2Y' } },
      { asOf: '2023-02-01T00:00:00Z' },
    );
    expect([unknownTerm.allowed, unknownTerm.settlement, unknownTerm.cancellation.window]).toEqual([
      false,
      'prorated_refund',
      null,
    ]);
  });

  it('honours the window options of evaluateCancellation', () => {
    // Calendar-day reading: last day Feb 7, closes 00:00Z Feb 8.
    const r = cancellationRefund(s, {
      asOf: '2023-02-07T20:00:00Z',
      window: 'calendar_days',
      roles: ['AdminAgent'],
    });
    expect(r.allowed).toBe(true);
    expect(r.refund.minor).toBe(8668);
    // Partner Center's deadline is authoritative.
    const pc = cancellationRefund(
      { ...s, cancellationAllowedUntil: '2023-02-03T23:59:00Z' },
      { asOf: '2023-02-04T00:00:00Z' },
    );
    expect(pc.allowed).toBe(false);
  });
});

describe('cancellationRefund: perpetual software', () => {
  const order: PerpetualPurchase = {
    kind: 'perpetual',
    id: 'ord-1',
    purchasedAt: '2023-03-10T11:00:00Z',
    productName: 'SQL Server 2022 Standard',
    orderId: 'TXQ2MZG9VDDB',
    quantity: 2,
    unitPrice: '899.00',
    currency: 'USD',
  };

  it('credits 100% of the order on the invoice of the month of the cancellation', () => {
    const r = cancellationRefund(order, { asOf: '2023-04-01T11:00:00Z' });
    expect(r.allowed).toBe(true);
    expect(r.settlement).toBe('credit');
    expect(r.id).toBe('ord-1');
    expect(r.refund).toEqual({ currency: 'USD', minor: 179800 });
    expect(r.kept).toEqual({ currency: 'USD', minor: 0 });
    expect(r.computation).toEqual({
      method: 'credit',
      percent: 100,
      unitPrice: '899',
      quantity: 2,
      orderQuantity: 2,
      exactTotal: '1798',
      chargeRounding: 'half_even',
    });
    expect(r.notBilled).toBeNull();
    expect(r.invoice).toEqual({
      billingPeriod: '2023-04',
      periodStart: '2023-04-01',
      periodEnd: '2023-04-30',
      availableFrom: '2023-05-06',
      availableBy: '2023-05-08',
    });
    expect(r.rules.map((x) => x.id).slice(-2)).toEqual([
      'refunds.perpetual_credit',
      'refunds.invoice_period',
    ]);
  });

  it('credits part of the licences with quantity', () => {
    const r = cancellationRefund(order, { asOf: '2023-03-20T00:00:00Z', quantity: 1 });
    expect(r.refund).toEqual({ currency: 'USD', minor: 89900 });
    expect(r.kept).toEqual({ currency: 'USD', minor: 89900 });
    expect(r.charged).toEqual({ currency: 'USD', minor: 179800 });
  });

  it('rounds a finer unit price like the charge (JPY, 3 × ¥1,234.5 = ¥3,703.5 → ¥3,704)', () => {
    const jpy = { ...order, quantity: 3, unitPrice: '1234.5', currency: 'JPY' };
    const r = cancellationRefund(jpy, { asOf: '2023-03-20T00:00:00Z' });
    expect([r.charged.minor, r.refund.minor, r.kept.minor]).toEqual([3704, 3704, 0]);
    // One licence: ¥1,234.5 → ¥1,234 (half-even); kept ¥2,470.
    const one = cancellationRefund(jpy, { asOf: '2023-03-20T00:00:00Z', quantity: 1 });
    expect([one.refund.minor, one.kept.minor]).toEqual([1234, 2470]);
    expect(one.computation).toMatchObject({ exactTotal: '1234.5', quantity: 1, orderQuantity: 3 });
  });

  it('refuses after 30 days: the one-time charge stays billed', () => {
    const r = cancellationRefund(order, { asOf: '2023-04-09T11:00:00Z' });
    expect(r.allowed).toBe(false);
    expect(r.settlement).toBe('credit');
    expect([r.refund.minor, r.kept.minor, r.billedInFull]).toEqual([0, 179800, true]);
    // With the calendar-day reading the last day is purchase date + 30 = Apr 9.
    expect(
      cancellationRefund(order, { asOf: '2023-04-09T23:00:00Z', window: 'calendar_days' }).allowed,
    ).toBe(true);
  });
});

describe('cancellationRefund: caller mistakes', () => {
  const s = sub();
  const at = '2021-07-17T12:00:00Z';

  it('throws CspRuleError for bad options', () => {
    expectRuleError(() => cancellationRefund(s, undefined as never), 'invalid_input', 'options');
    expectRuleError(() => cancellationRefund(s, {} as never), 'invalid_instant', 'asOf');
    expectRuleError(
      () => cancellationRefund(s, { asOf: '2021-07-17T12:00' }),
      'ambiguous_local_time',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, cycleDays: 'days' as never }),
      'invalid_option',
      'cycleDays',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, rounding: 'ceil' as never }),
      'invalid_rounding',
      'rounding',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, rounding: 5 as never }),
      'invalid_rounding',
      'rounding',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, rounding: [] as never }),
      'invalid_rounding',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, rounding: { mode: 'up' as never } }),
      'invalid_rounding',
      'rounding.mode',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, rounding: { apply: 'each' as never } }),
      'invalid_rounding',
      'rounding.apply',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, chargeRounding: 'floor' as never }),
      'invalid_rounding',
      'chargeRounding',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, listInstallments: 'yes' as never }),
      'invalid_input',
      'listInstallments',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, window: 'weeks' as never }),
      'invalid_option',
      'window',
    );
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, roles: 'AdminAgent' as never }),
      'invalid_input',
    );
  });

  it('checks fullRefundWithin as a day-time ISO-8601 duration', () => {
    for (const bad of ['P1M', 'P', 'PT', 'P1DT', 'PT0H', '24h', 'PT1.5H']) {
      expectRuleError(
        () => cancellationRefund(s, { asOf: at, fullRefundWithin: bad }),
        'invalid_duration',
        'fullRefundWithin',
      );
    }
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, fullRefundWithin: 24 as never }),
      'invalid_duration',
    );
    const ok = (d: string) =>
      subscriptionComputation(cancellationRefund(s, { asOf: at, fullRefundWithin: d }))
        .fullRefundWithin?.until;
    expect(ok('PT24H')).toEqual(new Date('2021-07-16T09:00:00Z'));
    expect(ok('P2DT1H30M')).toEqual(new Date('2021-07-17T10:30:00Z'));
    expect(ok('PT90M')).toEqual(new Date('2021-07-15T10:30:00Z'));
    expect(ok('PT3600S')).toEqual(new Date('2021-07-15T10:00:00Z'));
    expect(ok('P3D')).toEqual(new Date('2021-07-18T09:00:00Z'));
  });

  it('checks the quantity option', () => {
    expectRuleError(
      () => cancellationRefund(s, { asOf: at, quantity: 1 }),
      'invalid_option',
      'quantity',
    );
    const order: PerpetualPurchase = {
      kind: 'perpetual',
      purchasedAt: '2021-07-15',
      quantity: 2,
      unitPrice: '10',
      currency: 'EUR',
    };
    expectRuleError(
      () => cancellationRefund(order, { asOf: at, quantity: 3 }),
      'invalid_quantity',
      'quantity',
    );
    expectRuleError(
      () => cancellationRefund(order, { asOf: at, quantity: 0 }),
      'invalid_quantity',
      'quantity',
    );
    expectRuleError(
      () => cancellationRefund(order, { asOf: at, quantity: 1.5 }),
      'invalid_quantity',
    );
  });

  it('throws for an invalid purchase or plan', () => {
    expectRuleError(() => cancellationRefund(null as never, { asOf: at }), 'invalid_input');
    expectRuleError(
      () => cancellationRefund({ ...s, quantity: 0 }, { asOf: at }),
      'invalid_quantity',
    );
    expectRuleError(
      () => cancellationRefund({ ...s, currency: 'XYZ' }, { asOf: at }),
      'unknown_currency',
    );
    expectRuleError(
      () => cancellationRefund({ ...s, unitPrice: '10,08' }, { asOf: at }),
      'invalid_decimal',
    );
    expectRuleError(
      () => cancellationRefund({ ...s, term: 'P1Y', billingFrequency: 'triennial' }, { asOf: at }),
      'invalid_billing_frequency',
      'purchase.billingFrequency',
    );
  });

  it('refuses amounts beyond safe integers', () => {
    // A charge beyond Number.MAX_SAFE_INTEGER minor units.
    expectRuleError(
      () => cancellationRefund({ ...s, unitPrice: '90071992547409.92' }, { asOf: at }),
      'invalid_money',
    );
    // A safe charge whose 35 later installments are not.
    expectRuleError(
      () =>
        cancellationRefund(
          { ...s, term: 'P3Y', quantity: 1, unitPrice: '10000000000000.00' },
          { asOf: at },
        ),
      'invalid_money',
      'purchase.unitPrice',
    );
  });
});
