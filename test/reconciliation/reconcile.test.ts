// Reconciling files generated from the expected lines, then perturbed one
// way at a time: each perturbation gives its own finding, with the numbers.
import { describe, expect, it } from 'vitest';
import type { ReconciledPurchase } from '../../src/reconciliation/index.js';
import { expectedLines, reconcile, reconcileAsync } from '../../src/reconciliation/index.js';
import { type ReconciliationRecord, recordOf, usageRecord } from '../support/reconciliation.js';

const CUSTOMER = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const faq: ReconciledPurchase = {
  customerId: CUSTOMER,
  purchase: {
    kind: 'subscription',
    id: 'sub-faq',
    purchasedAt: '2021-07-15T09:00:00Z',
    term: 'P1M',
    billingFrequency: 'monthly',
    quantity: 10,
    unitPrice: '10.08',
    currency: 'EUR',
  },
  history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }],
};
const seats: ReconciledPurchase = {
  customerId: CUSTOMER,
  purchase: {
    kind: 'subscription',
    id: 'sub-seats',
    purchasedAt: '2021-06-20T09:00:00Z',
    term: 'P1Y',
    billingFrequency: 'monthly',
    quantity: 4,
    unitPrice: '20.00',
    currency: 'EUR',
    productType: 'license_based',
  },
  history: [
    { type: 'setQuantity', at: '2021-07-22T08:00:00Z', quantity: 6 },
    { type: 'setQuantity', at: '2021-07-25T08:00:00Z', quantity: 5 },
  ],
};
const portfolio = [faq, seats];

function fileFor(
  purchases: readonly ReconciledPurchase[],
  period = '2021-07',
): ReconciliationRecord[] {
  const out: ReconciliationRecord[] = [];
  for (const p of purchases) {
    const r = expectedLines(p.purchase, { period, history: p.history ?? [] });
    for (const l of r.lines) out.push(recordOf(l, { customerId: p.customerId ?? '' }));
  }
  return out;
}

const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('reconcile: a file the rules predict', () => {
  it('has no finding and totals per customer and currency', () => {
    const file = fileFor(portfolio);
    expect(file.map((l) => [l.SubscriptionId, l.ChargeType, l.Subtotal])).toEqual([
      ['sub-faq', 'new', '100.80'],
      ['sub-faq', 'cancelImmediate', '-94.20'],
      ['sub-seats', 'cycleCharge', '80.00'],
      // 20.00 / 31 × 29 = 18.70 (truncated) × 4 and × 6
      ['sub-seats', 'addQuantity', '-74.80'],
      ['sub-seats', 'addQuantity', '112.20'],
      // 20.00 / 31 × 26 = 16.77 × 6 and × 5 (the 2 seats added on the 22nd are still reducible)
      ['sub-seats', 'removeQuantity', '-100.62'],
      ['sub-seats', 'removeQuantity', '83.85'],
    ]);
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.lines).toBe(7);
    expect(r.matched).toBe(7);
    expect(r.periods).toEqual(['2021-07']);
    expect(r.totals).toEqual([
      {
        customerId: CUSTOMER,
        currency: 'EUR',
        expected: { currency: 'EUR', minor: 10723 },
        billed: { currency: 'EUR', minor: 10723 },
        difference: { currency: 'EUR', minor: 0 },
        notModelled: { currency: 'EUR', minor: 0 },
        taxInclusiveMarket: false,
      },
    ]);
    expect(r.rounding.reading).toBe('truncate_unit_price');
  });

  it('reads the same from an async iterable, and from `{ line }` items', async () => {
    const file = fileFor(portfolio);
    async function* stream() {
      yield* file;
    }
    const a = await reconcileAsync(stream(), portfolio);
    expect(a).toEqual(reconcile(file, portfolio));
  });

  it('a line that fits the other documented reading matches, and says which', () => {
    const file = fileFor([faq]);
    (file[1] as ReconciliationRecord).Subtotal = '-94.29';
    const r = reconcile(file, [faq]);
    expect(r.findings).toEqual([]);
    expect(r.otherReadings).toEqual([
      {
        line: 2,
        subscriptionId: 'sub-faq',
        chargeType: 'cancelImmediate',
        reading: 'truncate_line_total',
      },
    ]);
    // With that reading as the default, the other line is the one "other".
    const flipped = reconcile(fileFor([faq]), [faq], { rounding: 'truncate_line_total' });
    expect(flipped.findings).toEqual([]);
    expect(flipped.otherReadings.map((m) => m.reading)).toEqual(['truncate_unit_price']);
  });

  it('a usage line (Azure) is not modelled, never wrong, and totalled apart', () => {
    const r = reconcile(
      [...fileFor([faq]), usageRecord(CUSTOMER, 'azure-1'), usageRecord(CUSTOMER, 'azure-1')],
      [faq],
    );
    expect(codes(r)).toEqual(['not_modelled']);
    expect(r.findings[0]).toMatchObject({
      line: 3,
      cause: 'product',
      lines: 2,
      subscriptionId: 'azure-1',
    });
    expect(r.ok).toBe(true);
    expect(r.totals[0]?.notModelled).toEqual({ currency: 'EUR', minor: 4642 });
  });

  it('a total past the safe minor units is refused, never rounded (invalid_money on totals)', () => {
    // Each line is safe (5·10^15 cents); their sum is not (10^16, past 2^53):
    // the total lost its last digits, and the table then failed on it.
    const huge = { ...usageRecord(CUSTOMER, 'azure-1'), Subtotal: '50000000000000.00' };
    expect(() => reconcile([...fileFor([faq]), huge, huge], [faq])).toThrow(
      expect.objectContaining({ code: 'invalid_money', field: 'totals' }),
    );
    // One of them is within bounds, and totalled exactly.
    const one = reconcile([...fileFor([faq]), huge], [faq]);
    expect(one.totals[0]?.notModelled).toEqual({ currency: 'EUR', minor: 5_000_000_000_000_000 });
  });

  it('a charge type this version does not model is not modelled either', () => {
    const file = fileFor([faq]);
    file.push({
      ...(file[0] as ReconciliationRecord),
      ChargeType: 'customerCredit',
      Subtotal: '-5.00',
    });
    const r = reconcile(file, [faq]);
    expect(r.findings).toMatchObject([
      { code: 'not_modelled', cause: 'charge_type', chargeType: 'customerCredit' },
    ]);
  });
});

describe('reconcile: one perturbation, one finding', () => {
  const base = () => fileFor(portfolio);
  const edit = (i: number, patch: Partial<ReconciliationRecord>) => {
    const file = base();
    file[i] = { ...(file[i] as ReconciliationRecord), ...patch };
    return reconcile(file, portfolio, { period: '2021-07' });
  };

  it('amount_differs: one cent more, with expected, billed and difference', () => {
    const r = edit(0, { Subtotal: '100.81' });
    expect(r.findings).toEqual([
      {
        code: 'amount_differs',
        line: 1,
        subscriptionId: 'sub-faq',
        customerId: CUSTOMER,
        chargeType: 'new',
        period: '2021-07',
        expected: { currency: 'EUR', minor: 10080 },
        billed: { currency: 'EUR', minor: 10081 },
        difference: { currency: 'EUR', minor: 1 },
        reading: 'truncate_unit_price',
      },
    ]);
    expect(r.ok).toBe(false);
    expect(r.totals[0]?.difference).toEqual({ currency: 'EUR', minor: 1 });
  });

  it('unit_price_differs: a promotion, apart from the arithmetic (the amount checked at the billed price)', () => {
    const r = edit(0, { UnitPrice: '9.08', EffectiveUnitPrice: '9.08', Subtotal: '90.80' });
    expect(r.findings).toMatchObject([
      {
        code: 'unit_price_differs',
        line: 1,
        expected: { unitPrice: '10.08', currency: 'EUR' },
        billed: { unitPrice: '9.08', currency: 'EUR' },
      },
    ]);
  });

  it('quantity_differs', () => {
    const r = edit(2, { BillableQuantity: '5', Quantity: '5', Subtotal: '100.00' });
    expect(r.findings).toMatchObject([
      { code: 'quantity_differs', line: 3, expected: 4, billed: 5 },
    ]);
  });

  it('dates_differ', () => {
    const r = edit(0, { ChargeEndDate: '8/15/2021' });
    expect(r.findings).toMatchObject([
      {
        code: 'dates_differ',
        expected: { start: '2021-07-15', end: '2021-08-14' },
        billed: { start: '2021-07-15', end: '2021-08-15' },
      },
    ]);
  });

  it('refund_missing: the cancellation credit was never billed', () => {
    const file = base().filter((l) => l.ChargeType !== 'cancelImmediate');
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toEqual([
      {
        code: 'refund_missing',
        line: null,
        subscriptionId: 'sub-faq',
        customerId: CUSTOMER,
        chargeType: 'cancelImmediate',
        period: '2021-07',
        dates: { start: '2021-07-17', end: '2021-08-14' },
        quantity: 10,
        expected: { currency: 'EUR', minor: -9420 },
      },
    ]);
  });

  it('missing_charge: a cycle charge nobody billed', () => {
    const r = reconcile(
      base().filter((l) => l.ChargeType !== 'cycleCharge'),
      portfolio,
      { period: '2021-07' },
    );
    expect(r.findings).toMatchObject([
      {
        code: 'missing_charge',
        subscriptionId: 'sub-seats',
        chargeType: 'cycleCharge',
        quantity: 4,
        expected: { minor: 8000 },
      },
    ]);
  });

  it('duplicate_line: the same line twice', () => {
    const file = base();
    file.push({ ...(file[0] as ReconciliationRecord) });
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toMatchObject([
      { code: 'duplicate_line', line: 8, duplicateOf: 1, billed: { minor: 10080 } },
    ]);
  });

  it('billed_after_cancellation: a charge starting after the cancellation', () => {
    const file = base();
    file.push({
      ...(file[0] as ReconciliationRecord),
      ChargeType: 'cycleCharge',
      ChargeStartDate: '7/20/2021',
      ChargeEndDate: '8/19/2021',
    });
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toMatchObject([
      {
        code: 'billed_after_cancellation',
        line: 8,
        cancelledOn: '2021-07-17',
        dates: { start: '2021-07-20', end: '2021-08-19' },
      },
    ]);
  });

  it('refund_not_due: a credit the rules do not give', () => {
    const file = base();
    file.push({
      ...(file[2] as ReconciliationRecord),
      ChargeType: 'cancelImmediate',
      Subtotal: '-10.00',
    });
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toMatchObject([
      { code: 'refund_not_due', line: 8, subscriptionId: 'sub-seats', billed: { minor: -1000 } },
    ]);
  });

  it('unexpected_charge: a charge the rules do not give', () => {
    const file = base();
    file.push({ ...(file[2] as ReconciliationRecord), ChargeType: 'renew' });
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toMatchObject([{ code: 'unexpected_charge', line: 8, chargeType: 'renew' }]);
  });

  it('unknown_subscription: a software line for a subscription not in the portfolio', () => {
    const file = base();
    file.push({ ...(file[0] as ReconciliationRecord), SubscriptionId: 'sub-stranger' });
    const r = reconcile(file, portfolio, { period: '2021-07' });
    expect(r.findings).toMatchObject([
      {
        code: 'unknown_subscription',
        line: 8,
        subscriptionId: 'sub-stranger',
        portfolioCustomerId: null,
        billed: { minor: 10080 },
      },
    ]);
  });

  it('unknown_subscription: a known subscription billed to another customer', () => {
    const r = edit(0, { CustomerId: 'another-tenant' });
    expect(r.findings).toMatchObject([
      {
        code: 'unknown_subscription',
        line: 1,
        customerId: 'another-tenant',
        portfolioCustomerId: CUSTOMER,
      },
      { code: 'missing_charge', subscriptionId: 'sub-faq', chargeType: 'new' },
    ]);
  });

  it('malformed_line: its line number and attribute, and the rest is still read', () => {
    const file: unknown[] = base();
    file.splice(
      1,
      0,
      { ...(file[0] as ReconciliationRecord), ChargeStartDate: '31/31/2021' },
      'not a record',
    );
    const r = reconcile(file as ReconciliationRecord[], portfolio, { period: '2021-07' });
    expect(r.findings).toMatchObject([
      { code: 'malformed_line', line: 2, field: 'ChargeStartDate', problem: 'not a date' },
      { code: 'malformed_line', line: 3, field: null, problem: 'not a record' },
    ]);
    expect(r.matched).toBe(7);
  });

  it.each([
    ['Subtotal', { Subtotal: '100,80' }],
    ['Subtotal', { Subtotal: '100.801' }],
    ['Currency', { Currency: 'EURO' }],
    ['BillableQuantity', { BillableQuantity: '2.5' }],
    ['BillableQuantity', { BillableQuantity: '-1' }],
    ['ChargeEndDate', { ChargeEndDate: '2021-02-30' }],
    ['UnitPrice', { UnitPrice: 'ten' }],
    ['PCToBCExchangeRate', { PCToBCExchangeRate: '0' }],
  ] as const)('malformed %s (%o)', (field, patch) => {
    const r = edit(0, patch);
    expect(r.findings.map((f) => [f.code, 'field' in f ? f.field : undefined])).toEqual([
      ['malformed_line', field],
      ['missing_charge', undefined],
    ]);
  });
});

describe('reconcile: currencies and dates as Microsoft writes them', () => {
  it('reads ISO dates with a time (Graph) as well as M/D/YYYY (Partner Center)', () => {
    const file = expectedLines(faq.purchase, { history: faq.history ?? [] }).lines.map((l) =>
      recordOf(l, { customerId: CUSTOMER, dates: 'iso' }),
    );
    expect(file[0]?.ChargeStartDate).toBe('2021-07-15T00:00:00Z');
    expect(reconcile(file, [faq]).findings).toEqual([]);
  });

  it('names are case-insensitive; extra attributes are ignored', () => {
    const file = fileFor([faq]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toUpperCase(), v])),
    );
    expect(reconcile(file, [faq]).findings).toEqual([]);
  });

  it('applies PCToBCExchangeRate where pricing and billing currency differ', () => {
    // Priced in USD at 10.00; billed in EUR at 0.9 EUR per USD. The rate
    // applies to the exact effective unit price, then the reading truncates:
    // −10.00 / 31 × 29 × 0.9 = −8.419… → −8.41 × 10.
    const usd: ReconciledPurchase = {
      ...faq,
      purchase: { ...faq.purchase, unitPrice: '10.00', currency: 'USD' },
    };
    const lines = expectedLines(usd.purchase, { history: usd.history ?? [] }).lines;
    expect(lines.map((l) => l.subtotal.minor)).toEqual([10000, -9350]);
    const file = lines.map((l) => ({
      ...recordOf(l, { customerId: CUSTOMER }),
      Currency: 'EUR',
      PricingCurrency: 'USD',
      PCToBCExchangeRate: '0.9',
      Subtotal: l.subtotal.minor > 0 ? '90.00' : '-84.10',
    }));
    const r = reconcile(file, [usd]);
    expect(r.findings).toEqual([]);
    expect(r.totals[0]?.billed).toEqual({ currency: 'EUR', minor: 590 });
    file[1] = { ...(file[1] as (typeof file)[number]), Subtotal: '-84.11' };
    expect(codes(reconcile(file, [usd]))).toEqual(['amount_differs']);
  });

  it('notes a tax-inclusive market (amounts are compared before tax)', () => {
    const file = expectedLines(faq.purchase, { history: faq.history ?? [] }).lines.map((l) =>
      recordOf(l, { customerId: CUSTOMER, country: 'AU', taxPercent: 10 }),
    );
    const r = reconcile(file, [faq]);
    expect(r.findings).toEqual([]);
    expect(r.totals[0]?.taxInclusiveMarket).toBe(true);
  });

  it('a perpetual purchase matches by its id, else its order id', () => {
    const perpetual: ReconciledPurchase = {
      customerId: CUSTOMER,
      purchase: {
        kind: 'perpetual',
        id: 'perp-1',
        orderId: 'ord-9',
        purchasedAt: '2021-07-15T09:00:00Z',
        quantity: 2,
        unitPrice: '250.00',
        currency: 'EUR',
      },
      history: [{ type: 'cancel', at: '2021-07-30T10:00:00Z' }],
    };
    const file = expectedLines(perpetual.purchase, { history: perpetual.history ?? [] }).lines.map(
      (l) => ({ ...recordOf(l, { customerId: CUSTOMER, orderId: 'ord-9' }), SubscriptionId: '' }),
    );
    const r = reconcile(file, [perpetual]);
    expect(r.findings).toEqual([]);
    expect(r.totals[0]?.billed.minor).toBe(0);
  });
});

describe('reconcile: caller mistakes throw CspRuleError naming the purchase', () => {
  it('a purchase without a price', () => {
    const { unitPrice: _, ...noPrice } = faq.purchase as { unitPrice: string };
    expect(() => reconcile(fileFor([faq]), [{ ...faq, purchase: noPrice as never }])).toThrow(
      expect.objectContaining({ name: 'CspRuleError', field: 'purchases[0].purchase.unitPrice' }),
    );
  });

  it('the same subscription twice', () => {
    expect(() => reconcile([], [faq, faq])).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'purchases[1].purchase.id' }),
    );
  });

  it('a period not YYYY-MM', () => {
    expect(() => reconcile([], [faq], { period: '2021-7' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'period' }),
    );
  });
});
