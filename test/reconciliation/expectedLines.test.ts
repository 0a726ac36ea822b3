// Microsoft's worked examples and the scenarios of its reconciliation tables,
// to the cent: each row is [chargeType, start, end, unitPrice, EUP, qty, subtotal minor].
import { describe, expect, it } from 'vitest';
import type { ExpectedLine, ExpectedLinesOptions } from '../../src/reconciliation/index.js';
import { expectedLines } from '../../src/reconciliation/index.js';

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
const annualTermMonthly = { ...monthly, term: 'P1Y' } as const;
const licenseBased = { ...annualTermMonthly, productType: 'license_based' } as const;

const at = (day: string) => `${day}T10:00:00Z`;
const lines = (p: Parameters<typeof expectedLines>[0], o: ExpectedLinesOptions) =>
  rows(expectedLines(p, o).lines);

describe('expectedLines: Microsoft worked example (NCE billing FAQ)', () => {
  it('10 seats at EUR 10.08 bought 2021-07-15 and cancelled on the 17th', () => {
    const r = expectedLines(monthly, {
      period: '2021-07',
      history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }],
    });
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['cancelImmediate', '2021-07-17', '2021-08-14', '10.08', '-9.42', 10, -9420],
    ]);
    expect(r.lines.map((l) => l.period)).toEqual(['2021-07', '2021-07']);
    expect(r.lines[1]?.proration).toEqual({ unit: 'days', billed: 29, cycle: 31 });
    expect(r.lines[1]?.exactEffectiveUnitPrice).toBe('-9.4296774193…');
    expect(r.refused).toEqual([]);
    expect(r.rounding.reading).toBe('truncate_unit_price');
  });

  it('the other reading keeps the unit price exact and truncates the line (−94.296… → −94.29)', () => {
    const r = expectedLines(monthly, {
      period: '2021-07',
      rounding: 'truncate_line_total',
      history: [{ type: 'cancel', at: at('2021-07-17') }],
    });
    expect(r.lines[1]?.subtotal.minor).toBe(-9429);
    expect(r.lines[1]?.effectiveUnitPrice).toBe('-9.4296774193…');
    expect(r.rounding.reading).toBe('truncate_line_total');
  });

  it('a currency without minor units (JPY) truncates to the yen', () => {
    const r = expectedLines(
      { ...monthly, currency: 'JPY', unitPrice: '1250' },
      { history: [{ type: 'cancel', at: at('2021-07-17') }] },
    );
    expect(rows(r.lines)).toEqual([
      ['new', '2021-07-15', '2021-08-14', '1250', '1250', 10, 12500],
      ['cancelImmediate', '2021-07-17', '2021-08-14', '1250', '-1169', 10, -11690],
    ]);
  });
});

describe('expectedLines: seat changes (wipe and recreate over the same days)', () => {
  it('adding seats: the old quantity credited, the new one charged, both addQuantity', () => {
    expect(
      lines(annualTermMonthly, {
        period: '2021-07',
        history: [{ type: 'setQuantity', at: at('2021-07-20'), quantity: 15 }],
      }),
    ).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['addQuantity', '2021-07-20', '2021-08-14', '10.08', '-8.45', 10, -8450],
      ['addQuantity', '2021-07-20', '2021-08-14', '10.08', '8.45', 15, 12675],
    ]);
  });

  it('reducing seats of a license-based subscription within 7 days: removeQuantity', () => {
    expect(
      lines(licenseBased, {
        period: '2021-07',
        history: [{ type: 'setQuantity', at: at('2021-07-18'), quantity: 7 }],
      }),
    ).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['removeQuantity', '2021-07-18', '2021-08-14', '10.08', '-9.10', 10, -9100],
      ['removeQuantity', '2021-07-18', '2021-08-14', '10.08', '9.10', 7, 6370],
    ]);
  });

  it('several changes in one cycle: each its own pair, then the next cycle at the last quantity', () => {
    expect(
      lines(licenseBased, {
        period: '2021-08',
        history: [
          { type: 'setQuantity', at: at('2021-08-02'), quantity: 15 },
          { type: 'setQuantity', at: at('2021-08-05'), quantity: 12 },
        ],
      }),
    ).toEqual([
      ['addQuantity', '2021-08-02', '2021-08-14', '10.08', '-4.22', 10, -4220],
      ['addQuantity', '2021-08-02', '2021-08-14', '10.08', '4.22', 15, 6330],
      ['removeQuantity', '2021-08-05', '2021-08-14', '10.08', '-3.25', 15, -4875],
      ['removeQuantity', '2021-08-05', '2021-08-14', '10.08', '3.25', 12, 3900],
      ['cycleCharge', '2021-08-15', '2021-09-14', '10.08', '10.08', 12, 12096],
    ]);
  });

  it('two additions in one cycle of a software subscription', () => {
    expect(
      lines(annualTermMonthly, {
        period: '2021-08',
        history: [
          { type: 'setQuantity', at: at('2021-08-20'), quantity: 12 },
          { type: 'setQuantity', at: at('2021-08-25'), quantity: 20 },
        ],
      }),
    ).toEqual([
      ['cycleCharge', '2021-08-15', '2021-09-14', '10.08', '10.08', 10, 10080],
      ['addQuantity', '2021-08-20', '2021-09-14', '10.08', '-8.45', 10, -8450],
      ['addQuantity', '2021-08-20', '2021-09-14', '10.08', '8.45', 12, 10140],
      ['addQuantity', '2021-08-25', '2021-09-14', '10.08', '-6.82', 12, -8184],
      ['addQuantity', '2021-08-25', '2021-09-14', '10.08', '6.82', 20, 13640],
    ]);
  });
});

describe('expectedLines: events Partner Center refuses produce no line', () => {
  it('a seat reduction on a software subscription', () => {
    const r = expectedLines(annualTermMonthly, {
      period: '2021-07',
      history: [{ type: 'setQuantity', at: at('2021-07-18'), quantity: 7 }],
    });
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new']);
    expect(r.refused.map((x) => [x.index, x.type, x.reasons.map((c) => c.code)])).toEqual([
      [0, 'setQuantity', ['seat_reduction_not_allowed']],
    ]);
  });

  it('a license-based reduction after the seats’ 7 days', () => {
    const r = expectedLines(licenseBased, {
      period: '2021-07',
      history: [{ type: 'setQuantity', at: at('2021-07-25'), quantity: 7 }],
    });
    expect(r.refused[0]?.reasons.map((c) => c.code)).toEqual(['seats_not_reducible']);
  });

  it('a reduction below the seats still reducible (only the 5 added on Aug 2)', () => {
    const r = expectedLines(licenseBased, {
      period: '2021-08',
      history: [
        { type: 'setQuantity', at: at('2021-08-02'), quantity: 15 },
        { type: 'setQuantity', at: at('2021-08-05'), quantity: 8 },
      ],
    });
    expect(r.refused.map((x) => x.index)).toEqual([1]);
    expect(r.lines.at(-1)?.billableQuantity).toBe(15);
  });

  it('a Red Hat plan is never cancellable: no refund line', () => {
    const r = expectedLines(
      { ...annualTermMonthly, publisher: 'Red Hat, Inc.' },
      { period: '2021-07', history: [{ type: 'cancel', at: at('2021-07-16') }] },
    );
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new']);
    expect(r.refused[0]?.reasons.map((c) => c.code)).toEqual(['non_cancellable_publisher']);
  });

  it('a cancellation after the window: no refund line', () => {
    const r = expectedLines(
      { ...annualTermMonthly, billingFrequency: 'annual', unitPrice: '120.96' },
      { history: [{ type: 'cancel', at: at('2021-07-25') }] },
    );
    expect(r.lines.map((l) => l.chargeType)).toEqual(['new']);
    expect(r.refused[0]?.reasons.map((c) => c.code)).toEqual(['window_closed']);
  });
});

describe('expectedLines: upgrade, billing plan, prepaid and installments', () => {
  it('convert (upgrade): the old price credited, the new one charged over the same days', () => {
    expect(
      lines(annualTermMonthly, {
        period: '2021-07',
        history: [{ type: 'convert', at: at('2021-07-20'), unitPrice: '20.16' }],
      }),
    ).toEqual([
      ['new', '2021-07-15', '2021-08-14', '10.08', '10.08', 10, 10080],
      ['convert', '2021-07-20', '2021-08-14', '10.08', '-8.45', 10, -8450],
      ['convert', '2021-07-20', '2021-08-14', '20.16', '16.90', 10, 16900],
    ]);
  });

  it('monthly to annual plan, by days (software subscriptions)', () => {
    expect(
      lines(annualTermMonthly, {
        period: '2021-09',
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
      ['cycleCharge', '2021-09-15', '2021-10-14', '10.08', '10.08', 10, 10080],
      ['changeBillingPlan', '2021-09-20', '2021-10-14', '10.08', '-8.40', 10, -8400],
      ['changeBillingPlan', '2021-09-20', '2022-07-14', '120.96', '98.75', 10, 98750],
    ]);
  });

  it('monthly to annual plan, by whole months (the license-based reading, 10 of 12)', () => {
    const r = expectedLines(licenseBased, {
      period: '2021-09',
      history: [
        {
          type: 'changeBillingPlan',
          at: at('2021-09-20'),
          billingFrequency: 'annual',
          unitPrice: '120.96',
        },
      ],
    });
    expect(rows(r.lines).at(-1)).toEqual([
      'changeBillingPlan',
      '2021-09-20',
      '2022-07-14',
      '120.96',
      '100.80',
      10,
      100800,
    ]);
    expect(r.lines.at(-1)?.proration).toEqual({ unit: 'months', billed: 10, cycle: 12 });
    // The same change prorated by days when asked.
    const days = expectedLines(licenseBased, {
      period: '2021-09',
      billingPlanChangeProration: 'days',
      history: [
        {
          type: 'changeBillingPlan',
          at: at('2021-09-20'),
          billingFrequency: 'annual',
          unitPrice: '120.96',
        },
      ],
    });
    expect(days.lines.at(-1)?.subtotal.minor).toBe(98750);
  });

  it('prepaid (annual upfront): one new line for the term; a cancellation on day 6 refunds 360 days', () => {
    expect(
      lines(
        { ...annualTermMonthly, billingFrequency: 'annual', unitPrice: '120.96' },
        { history: [{ type: 'cancel', at: at('2021-07-20') }] },
      ),
    ).toEqual([
      ['new', '2021-07-15', '2022-07-14', '120.96', '120.96', 10, 120960],
      ['cancelImmediate', '2021-07-20', '2022-07-14', '120.96', '-119.30', 10, -119300],
    ]);
  });

  it('installments: new for the first cycle, cycleCharge for each later one, on its own period', () => {
    const all = expectedLines(annualTermMonthly, {}).lines;
    expect(all).toHaveLength(12);
    expect(all[0]?.chargeType).toBe('new');
    expect(all.slice(1).every((l) => l.chargeType === 'cycleCharge')).toBe(true);
    expect(all.map((l) => l.period)).toEqual([
      '2021-07',
      '2021-08',
      '2021-09',
      '2021-10',
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
    ]);
    expect(rows(expectedLines(annualTermMonthly, { period: '2021-09' }).lines)).toEqual([
      ['cycleCharge', '2021-09-15', '2021-10-14', '10.08', '10.08', 10, 10080],
    ]);
  });

  it('renewal at the price given for the new term', () => {
    expect(
      lines(
        { ...monthly, autoRenew: true },
        {
          period: '2021-08',
          history: [{ type: 'renew', at: '2021-08-15T00:00:00Z', unitPrice: '11.00' }],
        },
      ),
    ).toEqual([['renew', '2021-08-15', '2021-09-14', '11.00', '11.00', 10, 11000]]);
  });
});

describe('expectedLines: month-end cycles', () => {
  it('bought on January 31: each cycle ends the day before the next month’s anniversary', () => {
    const all = expectedLines(
      { ...annualTermMonthly, purchasedAt: '2021-01-31T10:00:00Z' },
      {},
    ).lines;
    expect(
      all.slice(0, 4).map((l) => [l.chargeStartDate, l.chargeEndDate, l.proration?.cycle]),
    ).toEqual([
      ['2021-01-31', '2021-02-27', 28],
      ['2021-02-28', '2021-03-30', 31],
      ['2021-03-31', '2021-04-29', 30],
      ['2021-04-30', '2021-05-30', 31],
    ]);
    // Every cycle is charged in full whatever its length.
    expect(all.every((l) => l.subtotal.minor === 10080)).toBe(true);
  });

  it('a cancellation in February prorates over February’s cycle of 28 days', () => {
    const r = expectedLines(
      { ...monthly, purchasedAt: '2021-01-31T10:00:00Z' },
      { history: [{ type: 'cancel', at: at('2021-02-03') }] },
    );
    // 10.08 / 28 × 25 = 9.00
    expect(rows(r.lines)[1]).toEqual([
      'cancelImmediate',
      '2021-02-03',
      '2021-02-27',
      '10.08',
      '-9.00',
      10,
      -9000,
    ]);
    expect(r.lines[1]?.period).toBe('2021-02');
  });
});

describe('expectedLines: perpetual software', () => {
  const perpetual = {
    kind: 'perpetual',
    id: 'perp-1',
    purchasedAt: '2021-07-15T09:00:00Z',
    quantity: 2,
    unitPrice: '250.00',
    currency: 'EUR',
  } as const;

  it('one new line; cancelled inside its 30 days, a 100% credit', () => {
    expect(lines(perpetual, { history: [{ type: 'cancel', at: at('2021-07-30') }] })).toEqual([
      ['new', '2021-07-15', '2021-07-15', '250.00', '250.00', 2, 50000],
      ['cancelImmediate', '2021-07-30', '2021-07-30', '250.00', '-250.00', 2, -50000],
    ]);
  });

  it('cancelled after its window: refused, no credit', () => {
    const r = expectedLines(perpetual, { history: [{ type: 'cancel', at: at('2021-08-30') }] });
    expect(r.lines).toHaveLength(1);
    expect(r.refused[0]?.reasons.map((c) => c.code)).toEqual(['window_closed']);
  });
});
