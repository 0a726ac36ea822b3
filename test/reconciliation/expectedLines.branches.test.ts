// The branches of expectedLines one rule at a time: option checks, perpetual
// software, refused events (Partner Center refuses them, so only a fuzz
// reached them before), renewals, seat groups and the horizon of the lines.
// Each row is [chargeType, start, end, unitPrice, EUP, qty, subtotal minor].
import { describe, expect, it } from 'vitest';
import type {
  ExpectedLine,
  ExpectedLinesOptions,
  RefusedEvent,
} from '../../src/reconciliation/index.js';
import {
  BILLING_PLAN_CHANGE_POLICY,
  expectedLines,
  LINE_ROUNDING_POLICY,
  RECONCILIATION_LINES_POLICY,
} from '../../src/reconciliation/index.js';
import { periodOfDay } from '../../src/reconciliation/lines.js';
import { messageOf } from '../support/errors.js';

type Row = [string, string, string, string, string, number, number];

const rows = (lines: readonly ExpectedLine[]): Row[] =>
  lines.map((l) => [
    l.chargeType,
    l.chargeStartDate,
    l.chargeEndDate,
    l.unitPrice,
    l.effectiveUnitPrice,
    l.billableQuantity,
    l.subtotal.minor,
  ]);

type Purchase = Parameters<typeof expectedLines>[0];
const lines = (p: Purchase, o: ExpectedLinesOptions = {}) => rows(expectedLines(p, o).lines);
/** The refusals as [index, type, reasons]. */
const refusals = (r: { refused: readonly RefusedEvent[] }) =>
  r.refused.map((x) => [x.index, x.type, x.reasons]);

const at = (day: string, time = '10:00:00') => `${day}T${time}Z`;

// Bought 2021-07-15: a legacy purchase, which does not autorenew unless told.
const monthly = {
  kind: 'subscription',
  id: 'sub-1',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
const renewing = { ...monthly, autoRenew: true } as const;
const annualTermMonthly = { ...monthly, term: 'P1Y' } as const;
const licenseBased = { ...annualTermMonthly, productType: 'license_based' } as const;
const perpetual = {
  kind: 'perpetual',
  id: 'perp-1',
  purchasedAt: '2021-07-15T09:00:00Z',
  quantity: 2,
  unitPrice: '250.00',
  currency: 'EUR',
} as const;

describe('expectedLines: the billing period', () => {
  it('is "YYYY-MM" text only: an array that prints as one is refused', () => {
    expect(messageOf(() => expectedLines(monthly, { period: ['2021-07'] as never }))).toBe(
      'invalid_input [period] period: expected a billing period "YYYY-MM"',
    );
  });

  it('December runs to December 31: a cycle starting on the 31st is in it', () => {
    const r = expectedLines(
      { ...annualTermMonthly, purchasedAt: '2021-07-31T10:00:00Z' },
      { period: '2021-12' },
    );
    expect(rows(r.lines)).toEqual([
      ['cycleCharge', '2021-12-31', '2022-01-30', '10.08', '10.08', 10, 10080],
    ]);
    expect(r.period).toBe('2021-12');
  });

  it('a mid-month cycle of December is billed in December', () => {
    expect(lines(annualTermMonthly, { period: '2021-12' })).toEqual([
      ['cycleCharge', '2021-12-15', '2022-01-14', '10.08', '10.08', 10, 10080],
    ]);
  });

  it('the result names the period asked for, or null without one', () => {
    expect(expectedLines(monthly, { period: '2021-07' }).period).toBe('2021-07');
    expect(expectedLines(monthly).period).toBeNull();
  });

  it('a line is in the calendar month of its start day', () => {
    expect(periodOfDay('2021-07-15')).toBe('2021-07');
    expect(periodOfDay('2022-01-01')).toBe('2022-01');
  });
});

describe('expectedLines: the rounding option', () => {
  const cancelled = { history: [{ type: 'cancel', at: at('2021-07-17') }] } as const;

  it('a reading must be one of the documented two', () => {
    expect(messageOf(() => expectedLines(monthly, { rounding: 'round_half_up' as never }))).toBe(
      'invalid_rounding [rounding] rounding: expected truncate_unit_price, truncate_line_total or { mode, apply }',
    );
  });

  it('truncate_line_total is { truncate, total }', () => {
    expect(expectedLines(monthly, { rounding: 'truncate_line_total' }).rounding).toEqual({
      mode: 'truncate',
      apply: 'total',
      reading: 'truncate_line_total',
    });
  });

  it('an empty { mode, apply } is truncate per unit: the default reading', () => {
    const r = expectedLines(monthly, { ...cancelled, rounding: {} as never });
    expect(r.rounding).toEqual({
      mode: 'truncate',
      apply: 'per_unit',
      reading: 'truncate_unit_price',
    });
    expect(rows(r.lines)[1]).toEqual([
      'cancelImmediate',
      '2021-07-17',
      '2021-08-14',
      '10.08',
      '-9.42',
      10,
      -9420,
    ]);
  });

  it('half-up on the line total: −94.2967… becomes −94.30, no documented reading', () => {
    const r = expectedLines(monthly, {
      ...cancelled,
      rounding: { mode: 'half_up', apply: 'total' },
    });
    expect(r.rounding).toEqual({ mode: 'half_up', apply: 'total', reading: null });
    expect(r.lines[1]?.subtotal.minor).toBe(-9430);
    expect(r.lines[1]?.effectiveUnitPrice).toBe('-9.4296774193…');
  });

  it('half-even per unit: −9.4296… becomes −9.43 a licence', () => {
    const r = expectedLines(monthly, {
      ...cancelled,
      rounding: { mode: 'half_even', apply: 'per_unit' },
    });
    expect(r.rounding).toEqual({ mode: 'half_even', apply: 'per_unit', reading: null });
    expect(r.lines[1]?.effectiveUnitPrice).toBe('-9.43');
    expect(r.lines[1]?.subtotal.minor).toBe(-9430);
  });

  it('refuses a rounding that is not an object, an unknown apply or mode', () => {
    expect(messageOf(() => expectedLines(monthly, { rounding: 5 as never }))).toBe(
      'invalid_input [rounding] rounding: expected an object, got a number',
    );
    expect(messageOf(() => expectedLines(monthly, { rounding: { apply: 'both' } as never }))).toBe(
      'invalid_rounding [rounding.apply] rounding.apply: expected per-unit or total',
    );
    expect(
      messageOf(() => expectedLines(monthly, { rounding: { mode: 'bankers' } as never })),
    ).toBe(
      'invalid_rounding [rounding.mode] rounding.mode: expected one of truncate, half-even, half-up',
    );
  });
});

describe('expectedLines: the cycle-day count and the other options', () => {
  // Bought January 31: the February cycle has 28 days, January 31.
  const jan31 = { ...monthly, purchasedAt: '2021-01-31T10:00:00Z' } as const;
  const history = [{ type: 'cancel', at: at('2021-02-03') }] as const;

  it("'month_of_start' divides by the days of the cycle's first month", () => {
    const r = expectedLines(jan31, { history, cycleDays: 'month_of_start' });
    // 10.08 / 31 × 25 = 8.129… → 8.12
    expect(rows(r.lines)[1]).toEqual([
      'cancelImmediate',
      '2021-02-03',
      '2021-02-27',
      '10.08',
      '-8.12',
      10,
      -8120,
    ]);
    expect(r.lines[1]?.proration).toEqual({ unit: 'days', billed: 25, cycle: 31 });
  });

  it("'cycle' (the default) divides by the cycle's own days", () => {
    const r = expectedLines(jan31, { history, cycleDays: 'cycle' });
    expect(r.lines[1]?.proration).toEqual({ unit: 'days', billed: 25, cycle: 28 });
    expect(r.lines[1]?.subtotal.minor).toBe(-9000);
  });

  it('refuses an unknown cycle-day count or proration, and options that are no object', () => {
    expect(messageOf(() => expectedLines(monthly, { cycleDays: 'calendar' as never }))).toBe(
      'invalid_option [cycleDays] cycleDays: expected one of cycle, month_of_start',
    );
    expect(
      messageOf(() => expectedLines(monthly, { billingPlanChangeProration: 'weeks' as never })),
    ).toBe(
      'invalid_option [billingPlanChangeProration] billingPlanChangeProration: expected one of days, whole_months',
    );
    expect(messageOf(() => expectedLines(monthly, 5 as never))).toBe(
      'invalid_input [options] options: expected an object, got a number',
    );
    expect(messageOf(() => expectedLines(monthly, { history: 'cancel' as never }))).toBe(
      'invalid_input [history] history: expected an array, got a string',
    );
  });
});

describe('expectedLines: the purchase', () => {
  it('a subscription without a price cannot be billed', () => {
    const { unitPrice: _u, currency: _c, ...unpriced } = monthly;
    expect(messageOf(() => expectedLines(unpriced as never))).toBe(
      "missing_field [purchase.unitPrice] purchase.unitPrice: this question needs a price (unitPrice and currency); Partner Center's subscription carries none, take it from your price list",
    );
  });

  it('a billing plan this version does not know has no lines', () => {
    expect(
      messageOf(() =>
        expectedLines({ ...monthly, billingFrequency: { unknown: 'biweekly' } } as never),
      ),
    ).toBe(
      'invalid_billing_frequency [purchase.billingFrequency] purchase.billingFrequency: not a billing plan this version knows',
    );
  });

  it('a charge cycle longer than the term is refused on the purchase', () => {
    expect(messageOf(() => expectedLines({ ...monthly, billingFrequency: 'annual' }))).toBe(
      'invalid_billing_frequency [purchase.billingFrequency] purchase.billingFrequency: the annual charge cycle is longer than the P1M term',
    );
  });

  it('without an id, the result and each line carry null', () => {
    const { id: _id, ...anonymous } = monthly;
    const r = expectedLines(anonymous);
    expect(r.subscriptionId).toBeNull();
    expect(r.lines.map((l) => l.subscriptionId)).toEqual([null]);
  });

  it('a cycle charge is prorated by days, the whole cycle billed', () => {
    expect(expectedLines(monthly).lines[0]?.proration).toEqual({
      unit: 'days',
      billed: 31,
      cycle: 31,
    });
  });

  it('names the rules applied: three for a subscription, two for perpetual software', () => {
    const rule = (p: typeof RECONCILIATION_LINES_POLICY | typeof LINE_ROUNDING_POLICY) => ({
      id: p.id,
      source: p.versions[0]?.source,
      effectiveFrom: '0000-01-01',
    });
    expect(expectedLines(monthly).rules).toEqual([
      rule(RECONCILIATION_LINES_POLICY),
      rule(LINE_ROUNDING_POLICY),
      {
        id: BILLING_PLAN_CHANGE_POLICY.id,
        source: BILLING_PLAN_CHANGE_POLICY.versions[0]?.source,
        effectiveFrom: '0000-01-01',
      },
    ]);
    expect(expectedLines(perpetual).rules).toEqual([
      rule(RECONCILIATION_LINES_POLICY),
      rule(LINE_ROUNDING_POLICY),
    ]);
  });
});

describe('expectedLines: perpetual software', () => {
  it('a line item Partner Center shows cancelled (quantity 0) bills nothing', () => {
    const r = expectedLines(
      { ...perpetual, status: 'cancelled', quantity: 0 },
      { history: [{ type: 'cancel', at: at('2021-07-20') }] },
    );
    expect(r.lines).toEqual([]);
    expect(refusals(r)).toEqual([
      [0, 'cancel', [{ code: 'subscription_ended', cause: 'cancelled', endedOn: '2021-07-20' }]],
    ]);
  });

  it('a period before the purchase has no line', () => {
    expect(lines(perpetual, { period: '2021-06' })).toEqual([]);
  });

  it('a purchase on the last day of the period is in it', () => {
    expect(
      lines({ ...perpetual, purchasedAt: '2021-07-31T22:00:00Z' }, { period: '2021-07' }),
    ).toEqual([['new', '2021-07-31', '2021-07-31', '250.00', '250.00', 2, 50000]]);
  });

  it('a cancellation after the period is not in it (and not refused)', () => {
    const r = expectedLines(perpetual, {
      period: '2021-07',
      history: [{ type: 'cancel', at: at('2021-08-02') }],
    });
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-07-15', '250.00', '250.00', 2, 50000],
    ]);
    expect(r.refused).toEqual([]);
  });

  it('a cancellation on the last day of the period is in it', () => {
    expect(
      lines(perpetual, {
        period: '2021-07',
        history: [{ type: 'cancel', at: at('2021-07-31', '23:00:00') }],
      }),
    ).toEqual([
      ['new', '2021-07-15', '2021-07-15', '250.00', '250.00', 2, 50000],
      ['cancelImmediate', '2021-07-31', '2021-07-31', '250.00', '-250.00', 2, -50000],
    ]);
  });

  it('a seat change is not an event of perpetual software', () => {
    const r = expectedLines(perpetual, {
      history: [{ type: 'setQuantity', at: at('2021-07-20'), quantity: 3 }],
    });
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-07-15', '250.00', '250.00', 2, 50000],
    ]);
    expect(r.refused).toEqual([
      {
        index: 0,
        type: 'setQuantity',
        at: new Date('2021-07-20T10:00:00Z'),
        reasons: [{ code: 'event_not_applicable', eventType: 'setQuantity', kind: 'perpetual' }],
      },
    ]);
  });

  it('a cancellation before the purchase is refused; one at the purchase instant credits', () => {
    const before = expectedLines(perpetual, {
      history: [{ type: 'cancel', at: '2021-07-15T08:59:59Z' }],
    });
    expect(before.lines).toHaveLength(1);
    expect(refusals(before)).toEqual([
      [0, 'cancel', [{ code: 'before_purchase', purchasedAt: new Date('2021-07-15T09:00:00Z') }]],
    ]);
    expect(lines(perpetual, { history: [{ type: 'cancel', at: '2021-07-15T09:00:00Z' }] })).toEqual(
      [
        ['new', '2021-07-15', '2021-07-15', '250.00', '250.00', 2, 50000],
        ['cancelImmediate', '2021-07-15', '2021-07-15', '250.00', '-250.00', 2, -50000],
      ],
    );
  });

  it('licences cancelled one by one; after the last, a cancellation names the day it ended', () => {
    const r = expectedLines(perpetual, {
      history: [
        { type: 'cancel', at: at('2021-07-20'), quantity: 1 },
        { type: 'cancel', at: at('2021-07-22') },
        { type: 'cancel', at: at('2021-07-25') },
      ],
    });
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-07-15', '250.00', '250.00', 2, 50000],
      ['cancelImmediate', '2021-07-20', '2021-07-20', '250.00', '-250.00', 1, -25000],
      ['cancelImmediate', '2021-07-22', '2021-07-22', '250.00', '-250.00', 1, -25000],
    ]);
    expect(r.lines.map((l) => l.event)).toEqual([null, 0, 1]);
    expect(refusals(r)).toEqual([
      [2, 'cancel', [{ code: 'subscription_ended', cause: 'cancelled', endedOn: '2021-07-22' }]],
    ]);
  });

  it('cancelling more licences than remain is refused with the count that remains', () => {
    const r = expectedLines(perpetual, {
      history: [
        { type: 'cancel', at: at('2021-07-18'), quantity: 5 },
        { type: 'cancel', at: at('2021-07-20'), quantity: 1 },
        { type: 'cancel', at: at('2021-07-21'), quantity: 2 },
      ],
    });
    expect(r.lines.map((l) => [l.chargeType, l.billableQuantity])).toEqual([
      ['new', 2],
      ['cancelImmediate', 1],
    ]);
    expect(refusals(r)).toEqual([
      [0, 'cancel', [{ code: 'seats_not_reducible', requested: 5, reducible: 2 }]],
      [2, 'cancel', [{ code: 'seats_not_reducible', requested: 2, reducible: 1 }]],
    ]);
  });
});

describe('expectedLines: renewals', () => {
  it('renew events before the purchase, in the initial term or twice for a term are refused', () => {
    const r = expectedLines(renewing, {
      period: '2021-08',
      history: [
        { type: 'renew', at: at('2021-07-01'), unitPrice: '9.00' },
        { type: 'renew', at: at('2021-07-20'), unitPrice: '9.50' },
        { type: 'renew', at: '2021-08-15T00:00:00Z', unitPrice: '11.00' },
        { type: 'renew', at: at('2021-08-20'), unitPrice: '12.00' },
      ],
    });
    expect(rows(r.lines)).toEqual([
      ['renew', '2021-08-15', '2021-09-14', '11.00', '11.00', 10, 11000],
    ]);
    expect(refusals(r)).toEqual([
      [0, 'renew', [{ code: 'before_purchase', purchasedAt: new Date('2021-07-15T09:00:00Z') }]],
      [1, 'renew', [{ code: 'not_a_renewal', termIndex: 0 }]],
      [3, 'renew', [{ code: 'not_a_renewal', termIndex: 1 }]],
    ]);
  });

  it('without autorenew, the terms renewed one after another are billed, then it expires', () => {
    const r = expectedLines(monthly, {
      history: [
        { type: 'renew', at: '2021-08-15T00:00:00Z', unitPrice: '11.00' },
        { type: 'renew', at: '2021-09-15T00:00:00Z', unitPrice: '12.00' },
        { type: 'setQuantity', at: at('2021-10-20'), quantity: 12 },
      ],
    });
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['renew', '2021-08-15', '2021-09-14', '11.00', '11.00', 10, 11000],
      ['renew', '2021-09-15', '2021-10-14', '12.00', '12.00', 10, 12000],
    ]);
    expect(refusals(r)).toEqual([
      [2, 'setQuantity', [{ code: 'subscription_ended', cause: 'expired', endedOn: '2021-10-14' }]],
    ]);
  });

  it('without events, the lines stop at the end of the first term even when it autorenews', () => {
    expect(lines(renewing)).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
    ]);
  });

  it('without a period, the lines run to the end of the term of the last event', () => {
    expect(
      lines(renewing, { history: [{ type: 'setQuantity', at: at('2021-09-20'), quantity: 12 }] }),
    ).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['renew', '2021-08-15', '2021-09-14', '10.08', '10.08', 10, 10080],
      ['renew', '2021-09-15', '2021-10-14', '10.08', '10.08', 10, 10080],
      ['addQuantity', '2021-09-20', '2021-10-14', '10.08', '-8.40', 10, -8400],
      ['addQuantity', '2021-09-20', '2021-10-14', '10.08', '8.40', 12, 10080],
    ]);
  });

  it("a renewal's price and quantity hold for its first cycle only until an event changes them", () => {
    const history = [
      { type: 'renew', at: '2022-07-15T00:00:00Z', unitPrice: '11.00', quantity: 12 },
      { type: 'setQuantity', at: at('2022-08-20'), quantity: 15 },
      { type: 'convert', at: at('2022-09-20'), unitPrice: '20.00' },
    ] as const;
    const p = { ...annualTermMonthly, autoRenew: true } as const;
    expect(lines(p, { period: '2022-07', history })).toEqual([
      ['renew', '2022-07-15', '2022-08-14', '11.00', '11.00', 12, 13200],
    ]);
    expect(lines(p, { period: '2022-10', history })).toEqual([
      ['cycleCharge', '2022-10-15', '2022-11-14', '20.00', '20.00', 15, 30000],
    ]);
  });

  it('a renewal may bill the new term upfront (annual plan of a P1Y term)', () => {
    const p = { ...annualTermMonthly, autoRenew: true } as const;
    const history = [
      {
        type: 'renew',
        at: '2022-07-15T00:00:00Z',
        unitPrice: '120.00',
        billingFrequency: 'annual',
      },
    ] as const;
    expect(lines(p, { period: '2022-07', history })).toEqual([
      ['renew', '2022-07-15', '2023-07-14', '120.00', '120.00', 10, 120000],
    ]);
    expect(lines(p, { period: '2022-08', history })).toEqual([]);
  });

  it('a renewal plan longer than the term is ignored: the term stays monthly', () => {
    const p = { ...annualTermMonthly, autoRenew: true } as const;
    const history = [
      {
        type: 'renew',
        at: '2022-07-15T00:00:00Z',
        unitPrice: '11.00',
        billingFrequency: 'triennial',
      },
    ] as const;
    expect(lines(p, { period: '2022-07', history })).toEqual([
      ['renew', '2022-07-15', '2022-08-14', '11.00', '11.00', 10, 11000],
    ]);
  });

  it('a renewed term opens a fresh 7-day reduction window for its seats', () => {
    const r = expectedLines(
      { ...monthly, productType: 'license_based', autoRenew: true },
      {
        period: '2021-08',
        history: [
          { type: 'setQuantity', at: at('2021-08-17'), quantity: 8 },
          { type: 'setQuantity', at: at('2021-08-18'), quantity: 6 },
        ],
      },
    );
    expect(r.refused).toEqual([]);
    expect(rows(r.lines)).toEqual([
      ['renew', '2021-08-15', '2021-09-14', '10.08', '10.08', 10, 10080],
      ['removeQuantity', '2021-08-17', '2021-09-14', '10.08', '-9.42', 10, -9420],
      ['removeQuantity', '2021-08-17', '2021-09-14', '10.08', '9.42', 8, 7536],
      ['removeQuantity', '2021-08-18', '2021-09-14', '10.08', '-9.10', 8, -7280],
      ['removeQuantity', '2021-08-18', '2021-09-14', '10.08', '9.10', 6, 5460],
    ]);
  });
});

describe('expectedLines: seat groups (each its own 7 days, the newest removed first)', () => {
  it('seats added late in a cycle may still be removed early in the next one', () => {
    const r = expectedLines(licenseBased, {
      period: '2021-09',
      history: [
        { type: 'setQuantity', at: at('2021-09-12'), quantity: 15 },
        { type: 'setQuantity', at: at('2021-09-16'), quantity: 12 },
      ],
    });
    expect(r.refused).toEqual([]);
    expect(rows(r.lines)).toEqual([
      ['addQuantity', '2021-09-12', '2021-09-14', '10.08', '-0.97', 10, -970],
      ['addQuantity', '2021-09-12', '2021-09-14', '10.08', '0.97', 15, 1455],
      ['cycleCharge', '2021-09-15', '2021-10-14', '10.08', '10.08', 15, 15120],
      ['removeQuantity', '2021-09-16', '2021-10-14', '10.08', '-9.74', 15, -14610],
      ['removeQuantity', '2021-09-16', '2021-10-14', '10.08', '9.74', 12, 11688],
    ]);
  });

  it('a removal takes the newest seats first: what remains reducible is the rest of the older group', () => {
    // Groups: 10 bought (to Jul 22 09:00), +5 on Jul 16 (to Jul 23 10:00), +3 on Jul 17.
    // Removing 4 on Jul 18 takes the 3, then 1 of the 5: on Jul 23 at 05:00 only 4 remain reducible.
    const r = expectedLines(licenseBased, {
      period: '2021-07',
      history: [
        { type: 'setQuantity', at: at('2021-07-16'), quantity: 15 },
        { type: 'setQuantity', at: at('2021-07-17'), quantity: 18 },
        { type: 'setQuantity', at: at('2021-07-18'), quantity: 14 },
        { type: 'setQuantity', at: at('2021-07-23', '05:00:00'), quantity: 9 },
      ],
    });
    expect(refusals(r)).toEqual([
      [3, 'setQuantity', [{ code: 'seats_not_reducible', requested: 5, reducible: 4 }]],
    ]);
    expect(r.lines.map((l) => [l.chargeType, l.billableQuantity, l.event])).toEqual([
      ['new', 10, null],
      ['addQuantity', 10, 0],
      ['addQuantity', 15, 0],
      ['addQuantity', 15, 1],
      ['addQuantity', 18, 1],
      ['removeQuantity', 18, 2],
      ['removeQuantity', 14, 2],
    ]);
  });

  it('the 4 still reducible may all be removed', () => {
    const r = expectedLines(licenseBased, {
      period: '2021-07',
      history: [
        { type: 'setQuantity', at: at('2021-07-16'), quantity: 15 },
        { type: 'setQuantity', at: at('2021-07-17'), quantity: 18 },
        { type: 'setQuantity', at: at('2021-07-18'), quantity: 14 },
        { type: 'setQuantity', at: at('2021-07-23', '05:00:00'), quantity: 10 },
        { type: 'setQuantity', at: at('2021-07-23', '06:00:00'), quantity: 9 },
      ],
    });
    expect(refusals(r)).toEqual([
      [4, 'setQuantity', [{ code: 'seats_not_reducible', requested: 1, reducible: 0 }]],
    ]);
    expect(r.lines.at(-1)?.billableQuantity).toBe(10);
  });
});

describe('expectedLines: subscription events Partner Center refuses', () => {
  it('a seat change before the purchase', () => {
    const r = expectedLines(annualTermMonthly, {
      period: '2021-07',
      history: [{ type: 'setQuantity', at: '2021-07-14T10:00:00Z', quantity: 12 }],
    });
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new']);
    expect(refusals(r)).toEqual([
      [
        0,
        'setQuantity',
        [{ code: 'before_purchase', purchasedAt: new Date('2021-07-15T09:00:00Z') }],
      ],
    ]);
  });

  it('a seat change at the purchase instant is applied over the whole first cycle', () => {
    const r = expectedLines(annualTermMonthly, {
      period: '2021-07',
      history: [{ type: 'setQuantity', at: '2021-07-15T09:00:00Z', quantity: 12 }],
    });
    expect(r.refused).toEqual([]);
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['addQuantity', '2021-07-15', '2021-08-14', '10.08', '-10.08', 10, -10080],
      ['addQuantity', '2021-07-15', '2021-08-14', '10.08', '10.08', 12, 12096],
    ]);
  });

  it('a seat change to the current quantity', () => {
    const r = expectedLines(annualTermMonthly, {
      period: '2021-07',
      history: [{ type: 'setQuantity', at: at('2021-07-20'), quantity: 10 }],
    });
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new']);
    expect(refusals(r)).toEqual([
      [0, 'setQuantity', [{ code: 'quantity_unchanged', quantity: 10 }]],
    ]);
  });

  it('any event after a cancellation names the cancellation day', () => {
    const r = expectedLines(annualTermMonthly, {
      period: '2021-07',
      history: [
        { type: 'cancel', at: at('2021-07-17') },
        { type: 'setQuantity', at: at('2021-07-19'), quantity: 12 },
      ],
    });
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new', 'cancelImmediate']);
    expect(refusals(r)).toEqual([
      [
        1,
        'setQuantity',
        [{ code: 'subscription_ended', cause: 'cancelled', endedOn: '2021-07-17' }],
      ],
    ]);
  });

  it('a billing-plan change to the current plan, or to a cycle longer than the term', () => {
    const r = expectedLines(annualTermMonthly, {
      period: '2021-07',
      history: [
        {
          type: 'changeBillingPlan',
          at: at('2021-07-18'),
          billingFrequency: 'monthly',
          unitPrice: '10.08',
        },
        {
          type: 'changeBillingPlan',
          at: at('2021-07-19'),
          billingFrequency: 'triennial',
          unitPrice: '362.88',
        },
      ],
    });
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new']);
    expect(refusals(r)).toEqual([
      [0, 'changeBillingPlan', [{ code: 'same_as_current', billingFrequency: 'monthly' }]],
      [
        1,
        'changeBillingPlan',
        [{ code: 'cycle_longer_than_term', billingFrequency: 'triennial', term: 'P1Y' }],
      ],
    ]);
  });
});

describe('expectedLines: the horizon of the lines', () => {
  it('after a change to an annual plan, the next charge is the next term: none before', () => {
    expect(
      lines(annualTermMonthly, {
        history: [
          {
            type: 'changeBillingPlan',
            at: at('2021-09-20'),
            billingFrequency: 'annual',
            unitPrice: '120.96',
          },
        ],
      }),
    ).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['cycleCharge', '2021-08-15', '2021-09-14', '10.08', '10.08', 10, 10080],
      ['cycleCharge', '2021-09-15', '2021-10-14', '10.08', '10.08', 10, 10080],
      ['changeBillingPlan', '2021-09-20', '2021-10-14', '10.08', '-8.40', 10, -8400],
      ['changeBillingPlan', '2021-09-20', '2022-07-14', '120.96', '98.75', 10, 98750],
    ]);
  });

  it('an event after the period is not in it (and not refused)', () => {
    const r = expectedLines(monthly, {
      period: '2021-07',
      history: [{ type: 'cancel', at: at('2021-08-02') }],
    });
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
    ]);
    expect(r.refused).toEqual([]);
  });

  it('an event on the last day of the period is in it', () => {
    expect(
      lines(annualTermMonthly, {
        period: '2021-07',
        history: [{ type: 'setQuantity', at: at('2021-07-31', '23:00:00'), quantity: 12 }],
      }),
    ).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['addQuantity', '2021-07-31', '2021-08-14', '10.08', '-4.87', 10, -4870],
      ['addQuantity', '2021-07-31', '2021-08-14', '10.08', '4.87', 12, 5844],
    ]);
  });
});

describe('expectedLines: without a period, the lines run to the end of the last event’s term', () => {
  it('a renewal alone extends them (its term is billed at the renewal’s price)', () => {
    const history = [{ type: 'renew', at: '2021-08-15T00:00:00Z', unitPrice: '11.00' }] as const;
    expect(lines(renewing, { history })).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['renew', '2021-08-15', '2021-09-14', '11.00', '11.00', 10, 11000],
    ]);
  });

  it('a refused renewal does not', () => {
    const history = [{ type: 'renew', at: at('2021-07-20'), unitPrice: '11.00' }] as const;
    expect(lines(renewing, { history })).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
    ]);
  });
});
