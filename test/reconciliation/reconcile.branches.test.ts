// The branches of reconcile's matching, one rule per test: which expected
// line a billed line is matched to (its own start day first, then the same
// quantity, then the first of its type and direction), what an unmatched line
// is (a duplicate of which line, a refund not due, a charge after the
// cancellation, an unexpected charge), and what a matched line is checked
// against (unit price, pricing currency, quantity, the readings accepted).
// Records carry only the attributes reconcile reads, so each test says which.
import { describe, expect, it } from 'vitest';
import type {
  ReconciledPurchase,
  ReconciliationFinding,
  ReconciliationInput,
} from '../../src/reconciliation/index.js';
import { reconcile, reconcileAsync } from '../../src/reconciliation/index.js';
import {
  C1,
  CANCEL,
  faq,
  NEW,
  PERIOD,
  type Rec,
  rec,
  yearly,
} from '../support/faqReconciliation.js';

// A yearly subscription billed monthly (cycles from the 20th), seats raised
// twice in July: 4 → 6 → 8. Its July lines, in the order the rules give them:
//   addQuantity −4, +6 on the first day, −6, +8 on the second, cycleCharge ×8.
function seatsRaisedOn(first: string, second: string): ReconciledPurchase {
  return {
    customerId: C1,
    purchase: {
      kind: 'subscription',
      id: 'sub-seats',
      purchasedAt: '2021-06-20T09:00:00Z',
      term: 'P1Y',
      billingFrequency: 'monthly',
      quantity: 4,
      unitPrice: '20.00',
      currency: 'EUR',
    },
    history: [
      { type: 'setQuantity', at: first, quantity: 6 },
      { type: 'setQuantity', at: second, quantity: 8 },
    ],
  };
}
/** Raised on 5 and 10 July: 15 and 10 days of a 30-day cycle (10.00 and 6.66 a seat). */
const twoDays = seatsRaisedOn('2021-07-05T08:00:00Z', '2021-07-10T08:00:00Z');
/** Raised twice on 10 July: every addQuantity line starts that day (6.66 a seat). */
const oneDay = seatsRaisedOn('2021-07-10T08:00:00Z', '2021-07-10T09:00:00Z');

function seat(start: string, quantity: string, subtotal: string): Rec {
  return {
    CustomerId: C1,
    SubscriptionId: 'sub-seats',
    ChargeType: 'addQuantity',
    ChargeStartDate: start,
    ChargeEndDate: '7/19/2021',
    UnitPrice: '20.00',
    BillableQuantity: quantity,
    Subtotal: subtotal,
    Currency: 'EUR',
  };
}
const SEATS_CYCLE: Rec = {
  ...seat('7/20/2021', '8', '160.00'),
  ChargeType: 'cycleCharge',
  ChargeEndDate: '8/19/2021',
};
/** The July file of `twoDays`, as the rules give it. */
const TWO_DAYS_FILE: readonly Rec[] = [
  seat('7/5/2021', '4', '-40.00'),
  seat('7/5/2021', '6', '60.00'),
  seat('7/10/2021', '6', '-39.96'),
  seat('7/10/2021', '8', '53.28'),
  SEATS_CYCLE,
];

/** An expected line of `sub-seats` nobody billed. */
function unbilled(
  code: 'missing_charge' | 'refund_missing',
  chargeType: string,
  start: string,
  end: string,
  quantity: number,
  minor: number,
): ReconciliationFinding {
  return {
    code,
    line: null,
    subscriptionId: 'sub-seats',
    customerId: C1,
    chargeType,
    period: PERIOD,
    dates: { start, end },
    quantity,
    expected: { currency: 'EUR', minor },
  };
}

/** Where a finding on a billed line of `sub-faq` points. */
const faqPlace = (line: number, chargeType: string) => ({
  line,
  subscriptionId: 'sub-faq',
  customerId: C1,
  chargeType,
  period: PERIOD,
});

const eur = (minor: number) => ({ currency: 'EUR', minor });
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);
const onLine = (r: { findings: readonly ReconciliationFinding[] }, line: number) =>
  r.findings.filter((f) => f.line === line);

describe('reconcile: the expected line a billed line is matched to', () => {
  it('the expected line of the same start day is taken before an earlier one of the same type', () => {
    // Billed in reverse order: the 10 July lines must not take the 5 July slots.
    const r = reconcile([...TWO_DAYS_FILE].reverse(), [twoDays]);
    expect(r.findings).toEqual([]);
    expect(r.matched).toBe(5);
    expect(r.periods).toEqual([PERIOD]);
  });

  it('a start day no expected line has falls back to the first line of its type and direction (dates_differ)', () => {
    // A credit of 4 seats dated 7 July: the first addQuantity credit (5 July,
    // 4 seats) is the one, not the later one of 10 July (6 seats).
    const r = reconcile([seat('7/7/2021', '4', '-40.00')], [twoDays]);
    expect(r.findings).toEqual([
      {
        code: 'dates_differ',
        line: 1,
        subscriptionId: 'sub-seats',
        customerId: C1,
        chargeType: 'addQuantity',
        period: PERIOD,
        expected: { start: '2021-07-05', end: '2021-07-19' },
        billed: { start: '2021-07-07', end: '2021-07-19' },
      },
      unbilled('missing_charge', 'addQuantity', '2021-07-05', '2021-07-19', 6, 6000),
      unbilled('refund_missing', 'addQuantity', '2021-07-10', '2021-07-19', 6, -3996),
      unbilled('missing_charge', 'addQuantity', '2021-07-10', '2021-07-19', 8, 5328),
      unbilled('missing_charge', 'cycleCharge', '2021-07-20', '2021-08-19', 8, 16000),
    ]);
    expect(r.matched).toBe(1);
  });

  it('on its start day, the expected line of the billed quantity wins over an earlier one', () => {
    // Both charges start on 10 July; the billed 8 seats are the second one's.
    const r = reconcile([seat('7/10/2021', '8', '53.28')], [oneDay]);
    expect(r.findings).toEqual([
      unbilled('refund_missing', 'addQuantity', '2021-07-10', '2021-07-19', 4, -2664),
      unbilled('missing_charge', 'addQuantity', '2021-07-10', '2021-07-19', 6, 3996),
      unbilled('refund_missing', 'addQuantity', '2021-07-10', '2021-07-19', 6, -3996),
      unbilled('missing_charge', 'cycleCharge', '2021-07-20', '2021-08-19', 8, 16000),
    ]);
  });

  it('on its start day, without a line of the billed quantity, the first one is taken (quantity_differs)', () => {
    // 5 seats credited on 10 July: the credits there are of 4 (first) and 6.
    const r = reconcile([seat('7/10/2021', '5', '-33.30')], [oneDay]);
    expect(r.findings).toEqual([
      {
        code: 'quantity_differs',
        line: 1,
        subscriptionId: 'sub-seats',
        customerId: C1,
        chargeType: 'addQuantity',
        period: PERIOD,
        expected: 4,
        billed: 5,
      },
      unbilled('missing_charge', 'addQuantity', '2021-07-10', '2021-07-19', 6, 3996),
      unbilled('refund_missing', 'addQuantity', '2021-07-10', '2021-07-19', 6, -3996),
      unbilled('missing_charge', 'addQuantity', '2021-07-10', '2021-07-19', 8, 5328),
      unbilled('missing_charge', 'cycleCharge', '2021-07-20', '2021-08-19', 8, 16000),
    ]);
  });

  it('the start day wins over the quantity; the expected total keeps the expected quantity', () => {
    // 6 seats charged on 10 July: that day's charge is of 8 seats (quantity_differs),
    // not the 5 July charge of 6 seats. The amount is checked at 6 seats
    // (6.66 × 6 = 39.96); the expected total counts the 8 the rules give.
    const r = reconcile([seat('7/10/2021', '6', '39.96')], [twoDays]);
    expect(r.findings).toEqual([
      {
        code: 'quantity_differs',
        line: 1,
        subscriptionId: 'sub-seats',
        customerId: C1,
        chargeType: 'addQuantity',
        period: PERIOD,
        expected: 8,
        billed: 6,
      },
      unbilled('refund_missing', 'addQuantity', '2021-07-05', '2021-07-19', 4, -4000),
      unbilled('missing_charge', 'addQuantity', '2021-07-05', '2021-07-19', 6, 6000),
      unbilled('refund_missing', 'addQuantity', '2021-07-10', '2021-07-19', 6, -3996),
      unbilled('missing_charge', 'cycleCharge', '2021-07-20', '2021-08-19', 8, 16000),
    ]);
    expect(r.totals).toEqual([
      {
        customerId: C1,
        currency: 'EUR',
        // 5328 (8 seats) − 4000 + 6000 − 3996 + 16000
        expected: eur(19332),
        billed: eur(3996),
        difference: eur(3996 - 19332),
        notModelled: eur(0),
        taxInclusiveMarket: false,
      },
    ]);
  });

  it('a line matches only an expected line of its own charge type', () => {
    const r = reconcile([rec(NEW, { ChargeType: 'renew' }), CANCEL], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'unexpected_charge',
        ...faqPlace(1, 'renew'),
        dates: { start: '2021-07-15', end: '2021-08-14' },
        billed: eur(10080),
      },
      {
        code: 'missing_charge',
        ...faqPlace(1, 'new'),
        line: null,
        dates: { start: '2021-07-15', end: '2021-08-14' },
        quantity: 10,
        expected: eur(10080),
      },
    ]);
    expect(r.matched).toBe(1);
  });

  it('a credit never matches an expected charge (refund_not_due)', () => {
    const r = reconcile([rec(NEW, { Subtotal: '-100.80' }), CANCEL], [faq]);
    expect(codes(r)).toEqual(['refund_not_due', 'missing_charge']);
    expect(r.findings[0]).toEqual({
      code: 'refund_not_due',
      ...faqPlace(1, 'new'),
      dates: { start: '2021-07-15', end: '2021-08-14' },
      billed: eur(-10080),
    });
  });

  it('a positive amount is a charge: a positive cancelImmediate on the cancellation day is billed after it', () => {
    const r = reconcile([NEW, rec(CANCEL, { Subtotal: '94.20' })], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'billed_after_cancellation',
        ...faqPlace(2, 'cancelImmediate'),
        cancelledOn: '2021-07-17',
        dates: { start: '2021-07-17', end: '2021-08-14' },
        billed: eur(9420),
      },
      {
        code: 'refund_missing',
        ...faqPlace(2, 'cancelImmediate'),
        line: null,
        dates: { start: '2021-07-17', end: '2021-08-14' },
        quantity: 10,
        expected: eur(-9420),
      },
    ]);
  });
});

describe('reconcile: a billed line no expected line is left for', () => {
  it('a credit billed twice is a duplicate of the first credit', () => {
    const r = reconcile([NEW, CANCEL, CANCEL], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'duplicate_line',
        ...faqPlace(3, 'cancelImmediate'),
        duplicateOf: 2,
        billed: eur(-9420),
      },
    ]);
    expect(r.matched).toBe(2);
  });

  it('a line billed three times is a duplicate of the first, not of the second', () => {
    // The second copy takes the 10 July credit (its dates, quantity and amount differ).
    const credit = seat('7/5/2021', '4', '-40.00');
    const r = reconcile([credit, credit, credit], [twoDays]);
    expect(onLine(r, 2).map((f) => f.code)).toEqual([
      'dates_differ',
      'quantity_differs',
      'amount_differs',
    ]);
    expect(onLine(r, 3)).toEqual([
      {
        code: 'duplicate_line',
        line: 3,
        subscriptionId: 'sub-seats',
        customerId: C1,
        chargeType: 'addQuantity',
        period: PERIOD,
        duplicateOf: 1,
        billed: eur(-4000),
      },
    ]);
  });

  it('a zero amount billed twice is a duplicate of a matched charge', () => {
    const zero = rec(NEW, { Subtotal: '0.00' });
    const r = reconcile([zero, zero, CANCEL], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        ...faqPlace(1, 'new'),
        expected: eur(10080),
        billed: eur(0),
        difference: eur(-10080),
        reading: 'truncate_unit_price',
      },
      { code: 'duplicate_line', ...faqPlace(2, 'new'), duplicateOf: 1, billed: eur(0) },
    ]);
  });

  it('a zero amount billed twice is a duplicate of a matched credit', () => {
    const zero = rec(CANCEL, { Subtotal: '0.00' });
    const r = reconcile([NEW, zero, zero], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        ...faqPlace(2, 'cancelImmediate'),
        expected: eur(-9420),
        billed: eur(0),
        difference: eur(9420),
        reading: 'truncate_unit_price',
      },
      {
        code: 'duplicate_line',
        ...faqPlace(3, 'cancelImmediate'),
        duplicateOf: 2,
        billed: eur(0),
      },
    ]);
  });

  it('a zero amount of a charge type nobody expects is an unexpected charge, not a duplicate of another type', () => {
    const r = reconcile(
      [
        rec(NEW, { Subtotal: '0.00' }),
        rec(NEW, { ChargeType: 'cycleCharge', Subtotal: '0.00' }),
        CANCEL,
      ],
      [faq],
    );
    expect(onLine(r, 2)).toEqual([
      {
        code: 'unexpected_charge',
        ...faqPlace(2, 'cycleCharge'),
        dates: { start: '2021-07-15', end: '2021-08-14' },
        billed: eur(0),
      },
    ]);
  });

  it('a line is a duplicate only with the same amount and the same quantity', () => {
    const r = reconcile(
      [NEW, CANCEL, rec(NEW, { Subtotal: '100.81' }), rec(NEW, { BillableQuantity: '11' })],
      [faq],
    );
    // Both start before the cancellation: charges the rules do not give.
    expect(r.findings).toEqual([
      {
        code: 'unexpected_charge',
        ...faqPlace(3, 'new'),
        dates: { start: '2021-07-15', end: '2021-08-14' },
        billed: eur(10081),
      },
      {
        code: 'unexpected_charge',
        ...faqPlace(4, 'new'),
        dates: { start: '2021-07-15', end: '2021-08-14' },
        billed: eur(10080),
      },
    ]);
  });

  it('a credit of another charge type with the same amount is not due, not a duplicate', () => {
    const r = reconcile([NEW, CANCEL, rec(CANCEL, { ChargeType: 'addQuantity' })], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'refund_not_due',
        ...faqPlace(3, 'addQuantity'),
        dates: { start: '2021-07-17', end: '2021-08-14' },
        billed: eur(-9420),
      },
    ]);
  });

  it('a charge of another type sixteen days later with the same amount is not a duplicate', () => {
    // The 5 July charge of 6 seats (60.00) is matched; a cycleCharge of 6
    // seats and 60.00 dated 21 July is a charge of its own.
    const late = rec(SEATS_CYCLE, {
      ChargeStartDate: '7/21/2021',
      ChargeEndDate: '8/20/2021',
      BillableQuantity: '6',
      Subtotal: '60.00',
    });
    const r = reconcile([...TWO_DAYS_FILE, late], [twoDays]);
    expect(r.findings).toEqual([
      {
        code: 'unexpected_charge',
        line: 6,
        subscriptionId: 'sub-seats',
        customerId: C1,
        chargeType: 'cycleCharge',
        period: PERIOD,
        dates: { start: '2021-07-21', end: '2021-08-20' },
        billed: eur(6000),
      },
    ]);
  });

  it('an expected line nobody billed yet is never the original of a duplicate', () => {
    // A subscription from the first day of 1970 (day 0), seats raised on the
    // 5th; a zero line of no seats is not a copy of the unbilled seat lines.
    const epoch: ReconciledPurchase = {
      customerId: C1,
      purchase: {
        kind: 'subscription',
        id: 'sub-1970',
        purchasedAt: '1970-01-01T00:00:00Z',
        term: 'P1M',
        billingFrequency: 'monthly',
        quantity: 1,
        unitPrice: '1.00',
        currency: 'EUR',
      },
      history: [{ type: 'setQuantity', at: '1970-01-05T00:00:00Z', quantity: 2 }],
    };
    const first: Rec = {
      CustomerId: C1,
      SubscriptionId: 'sub-1970',
      ChargeType: 'new',
      ChargeStartDate: '1/1/1970',
      ChargeEndDate: '1/31/1970',
      UnitPrice: '1.00',
      BillableQuantity: '1',
      Subtotal: '1.00',
      Currency: 'EUR',
    };
    const r = reconcile([first, rec(first, { BillableQuantity: '0', Subtotal: '0.00' })], [epoch]);
    expect(codes(r)).toEqual(['unexpected_charge', 'refund_missing', 'missing_charge']);
    expect(r.findings[0]).toEqual({
      code: 'unexpected_charge',
      line: 2,
      subscriptionId: 'sub-1970',
      customerId: C1,
      chargeType: 'new',
      period: '1970-01',
      dates: { start: '1970-01-01', end: '1970-01-31' },
      billed: eur(0),
    });
  });
});

describe('reconcile: the unit price and pricing currency of a matched line', () => {
  it('a promotional price is reported; the expected total stays at the caller’s price', () => {
    const r = reconcile([rec(NEW, { UnitPrice: '9.08', Subtotal: '90.80' }), CANCEL], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'unit_price_differs',
        ...faqPlace(1, 'new'),
        expected: { unitPrice: '10.08', currency: 'EUR' },
        billed: { unitPrice: '9.08', currency: 'EUR' },
      },
    ]);
    expect(r.totals).toEqual([
      {
        customerId: C1,
        currency: 'EUR',
        expected: eur(10080 - 9420),
        billed: eur(9080 - 9420),
        difference: eur(-1000),
        notModelled: eur(0),
        taxInclusiveMarket: false,
      },
    ]);
  });

  it('another pricing currency is reported even at the same price', () => {
    const r = reconcile([rec(NEW, { PricingCurrency: 'USD' }), CANCEL], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'unit_price_differs',
        ...faqPlace(1, 'new'),
        expected: { unitPrice: '10.08', currency: 'EUR' },
        billed: { unitPrice: '10.08', currency: 'USD' },
      },
    ]);
  });

  it('a line without UnitPrice is checked at the caller’s price', () => {
    const r = reconcile([rec(NEW, { UnitPrice: undefined }), CANCEL], [faq]);
    expect(r.findings).toEqual([]);
    expect(r.matched).toBe(2);
    // Without a price, another pricing currency is still reported (its price null).
    const other = reconcile(
      [rec(NEW, { UnitPrice: undefined, PricingCurrency: 'USD' }), CANCEL],
      [faq],
    );
    expect(other.findings).toEqual([
      {
        code: 'unit_price_differs',
        ...faqPlace(1, 'new'),
        expected: { unitPrice: '10.08', currency: 'EUR' },
        billed: { unitPrice: null, currency: 'USD' },
      },
    ]);
  });

  it.each([
    // The caller's price is 20.00: fewer or more decimals of the same value are the same price.
    ['20', '80.00', []],
    ['20.0', '80.00', []],
    ['20.000', '80.00', []],
    ['19.9', '79.60', ['unit_price_differs']],
    ['20.1', '80.40', ['unit_price_differs']],
    ['20.001', '80.00', ['unit_price_differs']],
    ['20.00', '80.00', []],
    ['20.01', '80.04', ['unit_price_differs']],
  ] as const)('UnitPrice %s against 20.00 (Subtotal %s)', (unitPrice, subtotal, want) => {
    const line = rec(SEATS_CYCLE, {
      SubscriptionId: 'sub-year',
      UnitPrice: unitPrice,
      BillableQuantity: '4',
      Subtotal: subtotal,
    });
    const r = reconcile([line], [yearly]);
    expect(codes(r)).toEqual(want);
    expect(r.matched).toBe(1);
  });
});

describe('reconcile: the readings a matched amount is accepted under', () => {
  it('with a rounding of the caller’s own, both documented readings are still accepted', () => {
    // Half-up per unit: −10.08 / 31 × 29 = −9.4296… → −9.43 × 10 = −94.30.
    // The billed −94.20 is truncate_unit_price's: it matches, and says so.
    const r = reconcile([NEW, CANCEL], [faq], { rounding: { mode: 'half_up', apply: 'per_unit' } });
    expect(r.findings).toEqual([]);
    expect(r.otherReadings).toEqual([
      {
        line: 2,
        subscriptionId: 'sub-faq',
        chargeType: 'cancelImmediate',
        reading: 'truncate_unit_price',
      },
    ]);
    expect(r.rounding).toEqual({ mode: 'half_up', apply: 'per_unit', reading: null });
    // The expected total is the caller's rounding's.
    expect(r.totals[0]?.expected).toEqual(eur(10080 - 9430));
    expect(r.totals[0]?.difference).toEqual(eur(10));
  });

  it('an amount no reading gives is amount_differs under the caller’s rounding, without a reading', () => {
    const r = reconcile([NEW, rec(CANCEL, { Subtotal: '-94.25' })], [faq], {
      rounding: { mode: 'half_up', apply: 'per_unit' },
    });
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        ...faqPlace(2, 'cancelImmediate'),
        expected: eur(-9430),
        billed: eur(-9425),
        difference: eur(5),
        reading: null,
      },
    ]);
    expect(r.otherReadings).toEqual([]);
  });
});

describe('reconcileAsync: line numbers', () => {
  it('numbers records by their position, from 1', async () => {
    async function* lines(): AsyncGenerator<ReconciliationInput> {
      yield NEW;
      yield 'not a record' as never;
      yield CANCEL;
    }
    const r = await reconcileAsync(lines(), [faq]);
    expect(r.findings).toEqual([
      {
        code: 'malformed_line',
        line: 2,
        subscriptionId: null,
        customerId: null,
        chargeType: null,
        period: null,
        field: null,
        problem: 'not a record',
      },
    ]);
    expect(r.lines).toBe(3);
    expect(r.matched).toBe(2);
  });
});
