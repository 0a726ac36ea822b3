// The branches of reconcile around the matching: the shapes an input item may
// take (a record, `{ line }`, `{ malformed }`), the figures a modelled line
// must have, the lines of subscriptions the portfolio lacks, lines not
// modelled (counted per customer, subscription, charge type and period), the
// totals (per customer and currency, sorted, with the customer's market), and
// the caller's mistakes, each a CspRuleError naming its field.
import { describe, expect, it } from 'vitest';
import { isCspRuleError } from '../../src/core/index.js';
import type {
  BilledLine,
  ReconciledPurchase,
  ReconciliationInput,
} from '../../src/reconciliation/index.js';
import { billedLineReader, reconcile, reconcileAsync } from '../../src/reconciliation/index.js';
import {
  C1,
  C2,
  CANCEL,
  faq,
  faqPurchase,
  NEW,
  PERIOD,
  type Rec,
  rec,
  ruleError,
  thrown,
  yearly,
} from '../support/faqReconciliation.js';

/** An Azure usage line: not modelled. */
function usage(customerId: string | undefined, subscriptionId: string, start = '7/1/2021'): Rec {
  return rec(
    {
      SubscriptionId: subscriptionId,
      ChargeType: 'new',
      ChargeStartDate: start,
      ChargeEndDate: start,
      UnitPrice: '0.0312',
      BillableQuantity: '744',
      Subtotal: '1.00',
      Currency: 'EUR',
      MeterDescription: 'D2s v3 compute hours',
      ProductCategory: 'Azure plan',
    },
    { CustomerId: customerId },
  );
}

const eur = (minor: number) => ({ currency: 'EUR', minor });
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('reconcile: the items a line may be given as', () => {
  it('null is a malformed line, not a record', () => {
    const r = reconcile([NEW, null as never, CANCEL], [faq]);
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
    expect(r.matched).toBe(2);
  });

  it.each([
    ['malformed', 'yes'],
    ['malformed', null],
    ['line', 5],
    ['line', null],
  ] as const)('a record with an attribute %s of %o is read as a record', (name, value) => {
    const r = reconcile([{ ...NEW, [name]: value }, CANCEL], [faq]);
    expect(r.findings).toEqual([]);
    expect(r.matched).toBe(2);
  });

  it('{ malformed } keeps its line, field and problem when they are well formed', () => {
    const r = reconcile(
      [{ malformed: { line: 0, field: 'Subtotal', problem: 'not a number' } }, NEW, CANCEL],
      [faq],
    );
    expect(r.findings).toEqual([
      {
        code: 'malformed_line',
        line: 0,
        subscriptionId: null,
        customerId: null,
        chargeType: null,
        period: null,
        field: 'Subtotal',
        problem: 'not a number',
      },
    ]);
  });

  it.each([
    [{ line: -1, field: 7 }],
    [{ line: Number.POSITIVE_INFINITY }],
    [{ line: 2.5, field: null, problem: 42 }],
  ])('{ malformed: %o } is numbered by its position, with no field and "unreadable line"', (m) => {
    const r = reconcile([NEW, { malformed: m } as never, CANCEL], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'malformed_line',
        line: 2,
        subscriptionId: null,
        customerId: null,
        chargeType: null,
        period: null,
        field: null,
        problem: 'unreadable line',
      },
    ]);
  });

  // A line read by billedLineReader, its amount one cent off (so that it has a finding).
  const read = billedLineReader(Object.keys(NEW));
  const offByOne: BilledLine = read(Object.values(rec(NEW, { Subtotal: '100.81' })), 1);

  it.each([
    [42, 42],
    [0, 0],
    [-1, 2],
    [Number.NaN, 2],
    [1.5, 2],
  ])('{ line } with line number %s is reported on line %s', (number, want) => {
    const items: ReconciliationInput[] = [CANCEL, { line: { ...offByOne, line: number } }];
    const r = reconcile(items, [faq]);
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        line: want,
        subscriptionId: 'sub-faq',
        customerId: C1,
        chargeType: 'new',
        period: PERIOD,
        expected: eur(10080),
        billed: eur(10081),
        difference: eur(1),
        reading: 'truncate_unit_price',
      },
    ]);
  });

  it('a hole in the caller’s list is one error naming it', () => {
    expect(ruleError(() => reconcile([NEW, undefined as never], [faq]))).toBe(
      'invalid_input [lines[1]] lines[1]: a hole or undefined where a record was expected',
    );
  });
});

describe('reconcile: a modelled line whose figures do not read is malformed', () => {
  it.each([
    ['ChargeType', { ChargeType: undefined }, 'missing', null],
    ['ChargeEndDate', { ChargeEndDate: undefined }, 'not a date', 'new'],
    ['Currency', { Currency: undefined }, 'not an ISO 4217 currency', 'new'],
    ['Subtotal', { Subtotal: undefined }, 'not an amount in the currency', 'new'],
    ['Subtotal', { Subtotal: '++100.80' }, 'not an amount in the currency', 'new'],
    ['Subtotal', { Subtotal: '+-100.80' }, 'not an amount in the currency', 'new'],
    ['BillableQuantity', { BillableQuantity: undefined }, 'not a whole number of licences', 'new'],
    ['BillableQuantity', { BillableQuantity: 'ten' }, 'not a whole number of licences', 'new'],
    ['UnitPrice', { UnitPrice: 'ten' }, 'not a decimal', 'new'],
    ['PCToBCExchangeRate', { PCToBCExchangeRate: 'par' }, 'not a positive decimal', 'new'],
    ['PCToBCExchangeRate', { PCToBCExchangeRate: '-1' }, 'not a positive decimal', 'new'],
  ] as const)('%s (%o): %s', (field, patch, problem, chargeType) => {
    const r = reconcile([rec(NEW, patch), CANCEL], [faq]);
    expect(r.findings[0]).toEqual({
      code: 'malformed_line',
      line: 1,
      subscriptionId: 'sub-faq',
      customerId: C1,
      chargeType,
      period: null,
      field,
      problem,
    });
    expect(codes(r)).toEqual(['malformed_line', 'missing_charge']);
  });

  it('a quantity of 0 reads (quantity_differs), and 10.0 is 10', () => {
    const zero = reconcile([rec(NEW, { BillableQuantity: '0', Subtotal: '0.00' }), CANCEL], [faq]);
    expect(zero.findings).toEqual([
      {
        code: 'quantity_differs',
        line: 1,
        subscriptionId: 'sub-faq',
        customerId: C1,
        chargeType: 'new',
        period: PERIOD,
        expected: 10,
        billed: 0,
      },
    ]);
    const decimal = reconcile([rec(NEW, { BillableQuantity: '10.0' }), CANCEL], [faq]);
    expect(decimal.findings).toEqual([]);
  });

  it('a subtotal with more or fewer decimals than the currency reads when it is whole minor units', () => {
    const r = reconcile(
      [rec(NEW, { Subtotal: '100.800' }), rec(CANCEL, { Subtotal: '-94.2' })],
      [faq],
    );
    expect(r.findings).toEqual([]);
    expect(r.totals[0]?.billed).toEqual(eur(660));
    const cents = reconcile([rec(NEW, { Subtotal: '100.805' }), CANCEL], [faq]);
    expect(codes(cents)).toEqual(['malformed_line', 'missing_charge']);
  });
});

describe('reconcile: lines of subscriptions the portfolio does not hold', () => {
  it.each([
    ['usage (a meter)', { MeterDescription: 'Compute hours' }, 'not_modelled', 'product'],
    ['an Azure category', { ProductCategory: 'Azure plan' }, 'not_modelled', 'product'],
    ['a marketplace category', { ProductCategory: 'Marketplace' }, 'not_modelled', 'product'],
    ['a charge type not modelled', { ChargeType: 'moveQuantity' }, 'not_modelled', 'charge_type'],
    ['a software category', { ProductCategory: 'OnlineServicesNCE' }, 'unknown_subscription', null],
    ['no category', {}, 'unknown_subscription', null],
  ] as const)('%s: %s', (_what, patch, code, cause) => {
    const r = reconcile([rec(NEW, { SubscriptionId: 'sub-stranger', ...patch })], [faq]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.code).toBe(code);
    if (cause !== null) expect(r.findings[0]).toMatchObject({ cause, lines: 1 });
    else expect(r.findings[0]).toMatchObject({ portfolioCustomerId: null, billed: eur(10080) });
    expect(r.ok).toBe(code === 'not_modelled');
  });

  it('an unknown subscription billed in an unknown currency has no billed amount', () => {
    const r = reconcile([rec(NEW, { SubscriptionId: 'sub-stranger', Currency: 'EURO' })], [faq]);
    expect(r.findings).toEqual([
      {
        code: 'unknown_subscription',
        line: 1,
        subscriptionId: 'sub-stranger',
        customerId: C1,
        chargeType: 'new',
        period: PERIOD,
        portfolioCustomerId: null,
        billed: null,
      },
    ]);
  });

  it('a subscription is never matched by its order id', () => {
    // A caller's record may carry an order id on a subscription too.
    const withOrder: ReconciledPurchase = {
      ...faq,
      purchase: { ...faqPurchase, orderId: 'ord-s' } as ReconciledPurchase['purchase'],
    };
    const r = reconcile([rec(NEW, { SubscriptionId: undefined, OrderId: 'ord-s' })], [withOrder]);
    expect(r.findings).toEqual([
      {
        code: 'unknown_subscription',
        line: 1,
        subscriptionId: null,
        customerId: C1,
        chargeType: 'new',
        period: PERIOD,
        portfolioCustomerId: null,
        billed: eur(10080),
      },
    ]);
    expect(r.matched).toBe(0);
    expect(r.periods).toEqual([]);
  });

  it('a portfolio entry without a customer matches the lines of any customer', () => {
    const { customerId: _, ...anyone } = faq;
    const r = reconcile([NEW, CANCEL], [anyone]);
    expect(r.findings).toEqual([]);
    expect(r.totals.map((t) => t.customerId)).toEqual([C1]);
  });

  it('the customer id matches in any case; findings carry the file’s spelling, totals the portfolio’s', () => {
    const upper = C1.toUpperCase();
    const r = reconcile(
      [rec(NEW, { CustomerId: upper, Subtotal: '100.81' }), rec(CANCEL, { CustomerId: upper })],
      [faq],
    );
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        line: 1,
        subscriptionId: 'sub-faq',
        customerId: upper,
        chargeType: 'new',
        period: PERIOD,
        expected: eur(10080),
        billed: eur(10081),
        difference: eur(1),
        reading: 'truncate_unit_price',
      },
    ]);
    expect(r.totals.map((t) => [t.customerId, t.billed.minor])).toEqual([[C1, 661]]);
  });

  it('one tenant spelt in two cases has one total, even with a charge missing', () => {
    // The cancel's credit is not billed: its expected amount joins the same total.
    const r = reconcile([rec(NEW, { CustomerId: C1.toUpperCase() })], [faq]);
    expect(r.findings.map((f) => f.code)).toEqual(['refund_missing']);
    expect(
      r.totals.map((t) => [t.customerId, t.expected.minor, t.billed.minor, t.difference.minor]),
    ).toEqual([[C1, 660, 10080, 9420]]);
  });
});

describe('reconcile: a perpetual purchase matched by its order id', () => {
  // Priced in USD, billed in EUR at 0.3333: 1.00 × 0.3333 = 0.3333 a licence,
  // 3.30 for 10 truncated per unit, 3.33 truncating the total.
  const perpetual: ReconciledPurchase = {
    customerId: C1,
    purchase: {
      kind: 'perpetual',
      id: 'perp-1',
      orderId: 'ord-9',
      purchasedAt: '2021-07-15T09:00:00Z',
      quantity: 10,
      unitPrice: '1.00',
      currency: 'USD',
    },
  };
  // No SubscriptionId, no CustomerId: the purchase names both.
  const line: Rec = {
    OrderId: 'ord-9',
    ChargeType: 'new',
    ChargeStartDate: '7/15/2021',
    ChargeEndDate: '7/15/2021',
    UnitPrice: '1.00',
    BillableQuantity: '10',
    Subtotal: '3.33',
    Currency: 'EUR',
    PricingCurrency: 'USD',
    PCToBCExchangeRate: '0.3333',
  };

  it('another reading’s match names the purchase’s id', () => {
    const r = reconcile([line], [perpetual]);
    expect(r.findings).toEqual([]);
    expect(r.otherReadings).toEqual([
      { line: 1, subscriptionId: 'perp-1', chargeType: 'new', reading: 'truncate_line_total' },
    ]);
    expect(r.totals).toEqual([
      {
        customerId: C1,
        currency: 'EUR',
        expected: eur(330),
        billed: eur(333),
        difference: eur(3),
        notModelled: eur(0),
        taxInclusiveMarket: false,
      },
    ]);
  });

  it('a finding names the purchase’s id and customer', () => {
    const r = reconcile([rec(line, { Subtotal: '3.40' })], [perpetual]);
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        line: 1,
        subscriptionId: 'perp-1',
        customerId: C1,
        chargeType: 'new',
        period: PERIOD,
        expected: eur(330),
        billed: eur(340),
        difference: eur(10),
        reading: 'truncate_unit_price',
      },
    ]);
  });

  it('perpetual purchases without an id are told apart by their order ids', () => {
    const { id: _, ...noId } = perpetual.purchase as { id: string };
    const a = { customerId: C1, purchase: noId } as ReconciledPurchase;
    const b = { customerId: C1, purchase: { ...noId, orderId: 'ord-10' } } as ReconciledPurchase;
    const r = reconcile([line, rec(line, { OrderId: 'ord-10' })], [a, b]);
    expect(r.findings).toEqual([]);
    expect(r.matched).toBe(2);
  });
});

describe('reconcile: lines not modelled', () => {
  it('are counted per customer, subscription, charge type and period', () => {
    const r = reconcile(
      [
        usage(C1, 'az-1'),
        usage(C1, 'az-1', '7/2/2021'),
        usage(C2, 'az-1'),
        usage(C1, 'az-2'),
        usage(C1, 'az-1', '8/1/2021'),
      ],
      [],
    );
    const nm = (line: number, customerId: string, subscriptionId: string, period: string) => ({
      code: 'not_modelled',
      line,
      subscriptionId,
      customerId,
      chargeType: 'new',
      period,
      cause: 'product',
      lines: line === 1 ? 2 : 1,
    });
    expect(r.findings).toEqual([
      nm(1, C1, 'az-1', PERIOD),
      nm(3, C2, 'az-1', PERIOD),
      nm(4, C1, 'az-2', PERIOD),
      nm(5, C1, 'az-1', '2021-08'),
    ]);
    expect(r.ok).toBe(true);
    expect(r.totals.map((t) => [t.customerId, t.notModelled.minor])).toEqual([
      [C1, 400],
      [C2, 100],
    ]);
  });

  it('an amount that does not read is counted, not totalled', () => {
    const r = reconcile(
      [
        rec(usage(C1, 'az-1'), { Subtotal: undefined }),
        rec(usage(C1, 'az-1'), { Subtotal: 'n/a' }),
      ],
      [],
    );
    expect(r.findings).toMatchObject([{ code: 'not_modelled', line: 1, lines: 2 }]);
    expect(r.totals).toEqual([]);
  });
});

describe('reconcile: totals', () => {
  const inclusive = (...countries: (string | undefined)[]) => {
    // Lines of C1 (and, where a country is null, one of C2 in between).
    const lines: Rec[] = [];
    for (const c of countries)
      lines.push(c === 'C2' ? usage(C2, 'az-2') : rec(usage(C1, 'az-1'), { CustomerCountry: c }));
    const r = reconcile(lines, []);
    return r.totals.find((t) => t.customerId === C1)?.taxInclusiveMarket;
  };

  it.each([
    [[undefined, 'AU'], true],
    [['AU', undefined], true],
    [['AU', 'IT'], true],
    [['IT', 'AU'], false],
    [[undefined, 'C2', 'AU'], true],
    [['AU', 'C2', undefined], true],
    [['AU', 'C2', 'IT'], true],
    [['IT', 'C2', 'AU'], false],
    [[undefined, undefined], false],
    [['ZZ'], false],
  ] as const)(
    'the first country a customer’s lines name decides its market: %o → %s',
    (countries, want) => {
      expect(inclusive(...countries)).toBe(want);
    },
  );

  it('are per customer and currency, sorted by customer (none first), then currency', () => {
    const r = reconcile(
      [
        rec(usage(undefined, 'az-0'), { Currency: 'USD', Subtotal: '1.00' }),
        rec(usage(C1, 'az-1'), { Subtotal: '2.00' }),
        rec(usage(undefined, 'az-0'), { Subtotal: '4.00' }),
        rec(usage(C1, 'az-1'), { Currency: 'USD', Subtotal: '8.00' }),
        rec(usage(C1, 'az-1'), { Subtotal: '16.00' }),
        rec(usage(C2, 'az-2'), { Subtotal: '32.00' }),
      ],
      [],
    );
    expect(r.totals.map((t) => [t.customerId, t.currency, t.notModelled.minor])).toEqual([
      [null, 'EUR', 400],
      [null, 'USD', 100],
      [C1, 'EUR', 1800],
      [C1, 'USD', 800],
      [C2, 'EUR', 3200],
    ]);
    expect(r.totals[0]).toEqual({
      customerId: null,
      currency: 'EUR',
      expected: eur(0),
      billed: eur(0),
      difference: eur(0),
      notModelled: eur(400),
      taxInclusiveMarket: false,
    });
  });

  it('an expected line nobody billed adds to the expected total', () => {
    const r = reconcile([NEW], [faq]);
    expect(codes(r)).toEqual(['refund_missing']);
    expect(r.totals).toEqual([
      {
        customerId: C1,
        currency: 'EUR',
        expected: eur(660),
        billed: eur(10080),
        difference: eur(9420),
        notModelled: eur(0),
        taxInclusiveMarket: false,
      },
    ]);
  });

  it('a line without CustomerId counts for the purchase’s customer', () => {
    const r = reconcile([rec(NEW, { CustomerId: undefined }), CANCEL], [faq]);
    expect(r.findings).toEqual([]);
    expect(r.totals.map((t) => [t.customerId, t.billed.minor])).toEqual([[C1, 660]]);
  });
});

describe('reconcile: periods and rules', () => {
  const cycle = (start: string, end: string): Rec => ({
    CustomerId: C1,
    SubscriptionId: 'sub-year',
    ChargeType: 'cycleCharge',
    ChargeStartDate: start,
    ChargeEndDate: end,
    UnitPrice: '20.00',
    BillableQuantity: '4',
    Subtotal: '80.00',
    Currency: 'EUR',
  });

  it('the periods the lines name are sorted, whatever the file’s order', () => {
    const r = reconcile(
      [cycle('8/20/2021', '9/19/2021'), cycle('7/20/2021', '8/19/2021')],
      [yearly],
    );
    expect(r.findings).toEqual([]);
    expect(r.periods).toEqual(['2021-07', '2021-08']);
  });

  it('every rule applied is listed once, however many purchases apply it', () => {
    const r = reconcile([NEW, CANCEL], [faq, yearly], { period: PERIOD });
    expect(codes(r)).toEqual(['missing_charge']);
    expect(r.rules.map((rule) => `${rule.id}@${rule.effectiveFrom}`)).toEqual([
      'reconciliation.lines@0000-01-01',
      'reconciliation.line_rounding@0000-01-01',
      'reconciliation.billing_plan_change@0000-01-01',
    ]);
  });
});

describe('reconcile: caller mistakes throw CspRuleError naming the field', () => {
  it('a history changed after it was checked is named by its own field (not under purchase)', () => {
    // The lines are computed when the first line of a subscription arrives; a
    // generator that edits the history meanwhile is caught there.
    const history: unknown[] = [];
    function* lines() {
      history.push({ type: 'bogus', at: '2021-07-20T00:00:00Z' });
      yield rec(NEW, {});
    }
    const e = thrown(() => reconcile(lines(), [{ ...faq, history: history as never }]));
    expect(isCspRuleError(e) && e.field).toBe('purchases[0].history[0].type');
  });

  it.each([
    [
      'options that are not an object',
      [faq],
      'x',
      'invalid_input [options] options: expected an object, got a string',
    ],
    [
      'an order id that is not a string',
      [{ ...faq, purchase: { ...faqPurchase, orderId: 7 } }],
      undefined,
      'invalid_input [purchases[0].purchase.orderId] purchases[0].purchase.orderId: expected a string',
    ],
    [
      'a customer id that is not a string',
      [{ ...faq, customerId: 7 }],
      undefined,
      'invalid_input [purchases[0].customerId] purchases[0].customerId: expected a string',
    ],
    [
      'a history that is not a list, before any line is read',
      [{ ...faq, history: 'cancelled' }],
      undefined,
      'invalid_input [purchases[0].history] purchases[0].history: expected an array, got a string',
    ],
    [
      'the same subscription twice',
      [faq, faq],
      undefined,
      'invalid_input [purchases[1].purchase.id] purchases[1].purchase.id: the same subscription id twice in the portfolio',
    ],
    [
      'a hole in the purchases',
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point
      [faq, , faq],
      undefined,
      'invalid_input [purchases[1]] purchases[1]: missing (a hole in the array)',
    ],
    [
      'a purchase the rules refuse (no price), once its period is computed',
      [{ ...faq, purchase: { ...faqPurchase, unitPrice: undefined } }],
      { period: PERIOD },
      'missing_field [purchases[0].purchase.unitPrice] purchases[0].purchase.unitPrice: required with currency',
    ],
  ] as const)('%s', (_what, purchases, options, want) => {
    expect(ruleError(() => reconcile([], purchases as never, options as never))).toBe(want);
  });

  it('an async iterable is not a list of purchases, nor (for reconcile) of lines', async () => {
    async function* none() {}
    expect(ruleError(() => reconcile([], none() as never))).toBe(
      'invalid_input [purchases] purchases: expected an array or an iterable, got an object',
    );
    expect(ruleError(() => reconcile(none() as never, [faq]))).toMatch(/^invalid_input \[lines\] /);
    // reconcileAsync takes async lines, never async purchases.
    await expect(reconcileAsync(none(), none() as never)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'purchases',
    });
    expect((await reconcileAsync(none(), [faq])).lines).toBe(0);
  });

  it('an error that is not a CspRuleError is not the caller’s field mistake: it passes through as thrown', () => {
    const boom = new Error('boom');
    const purchase = {
      ...faqPurchase,
      get unitPrice(): string {
        throw boom;
      },
    };
    expect(thrown(() => reconcile([NEW], [{ purchase }]))).toBe(boom);
  });
});
