import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeCycles, installmentSchedule } from '../../src/billing/index.js';
import {
  allocate,
  type BillingFrequency,
  type RoundingMode,
  type Term,
} from '../../src/core/index.js';
import { priceTimesQuantityMinor } from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const plan = fc.constantFrom<[Term, BillingFrequency]>(
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
);
const currency = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD');
const exponents: Readonly<Record<string, number>> = { EUR: 2, USD: 2, JPY: 0, KWD: 3 };
const rounding = fc.constantFrom<RoundingMode>('truncate', 'half_even', 'half_up');
/** Decimal text with 0-6 fractional digits. */
const price = fc
  .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => {
    const s = String(units).padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  });
const quantity = fc.integer({ min: 1, max: 5_000 });
const start = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

describe('installmentSchedule: per-cycle unit price', () => {
  it('charges unit price × quantity at each cycle start', () => {
    const s = installmentSchedule({
      purchasedAt: '2022-01-31',
      term: 'P1Y',
      billingFrequency: 'monthly',
      quantity: 25,
      unitPrice: '10.08',
      currency: 'EUR',
    });
    expect(s.installments).toHaveLength(12);
    expect(s.installments[1]).toEqual({
      index: 1,
      start: '2022-02-28',
      end: '2022-03-30',
      amount: { currency: 'EUR', minor: 25_200 },
    });
    expect(s.installments.every((i) => i.amount.minor === 25_200)).toBe(true);
    expect(s.total).toEqual({ currency: 'EUR', minor: 302_400 });
    expect(s).toMatchObject({
      termIndex: 0,
      term: 'P1Y',
      billingFrequency: 'monthly',
      rounding: 'half_even',
    });
  });

  it('rounds the exact price × quantity once (never the unit price first)', () => {
    const base = {
      purchasedAt: '2022-01-01',
      term: 'P1M',
      billingFrequency: 'monthly',
      quantity: 3,
      currency: 'EUR',
    } as const;
    // 0.333 × 3 = 0.999 → 1.00, where rounding the unit first would give 0.99.
    expect(installmentSchedule({ ...base, unitPrice: '0.333' }).total.minor).toBe(100);
    expect(installmentSchedule({ ...base, unitPrice: 0.1 }).total.minor).toBe(30);
  });

  it('names the rounding: half-even by default, half-up and truncate on request', () => {
    const base = {
      purchasedAt: '2022-01-01',
      term: 'P1M',
      billingFrequency: 'monthly',
      quantity: 1,
      currency: 'JPY',
    } as const;
    expect(installmentSchedule({ ...base, unitPrice: '1500.5' }).total.minor).toBe(1500);
    expect(installmentSchedule({ ...base, unitPrice: '1501.5' }).total.minor).toBe(1502);
    expect(
      installmentSchedule({ ...base, unitPrice: '1500.5', rounding: 'half_up' }).total.minor,
    ).toBe(1501);
    expect(
      installmentSchedule({ ...base, unitPrice: '1500.9', rounding: 'truncate' }).total.minor,
    ).toBe(1500);
    const kwd = installmentSchedule({ ...base, currency: 'KWD', unitPrice: '1.2345', quantity: 2 });
    expect(kwd.total).toEqual({ currency: 'KWD', minor: 2469 });
  });

  it('allows a zero price', () => {
    const s = installmentSchedule({
      purchasedAt: '2022-01-01',
      term: 'P3Y',
      billingFrequency: 'annual',
      quantity: 3,
      unitPrice: '0',
      currency: 'USD',
    });
    expect(s.installments.map((i) => i.amount.minor)).toEqual([0, 0, 0]);
  });
});

describe('installmentSchedule: per-term unit price', () => {
  it('splits the term price by largest remainder, earlier installments taking the extra units', () => {
    const s = installmentSchedule({
      purchasedAt: '2022-03-15',
      term: 'P3Y',
      billingFrequency: 'annual',
      quantity: 1,
      unitPricePerTerm: '1000.00',
      currency: 'USD',
    });
    expect(s.installments.map((i) => [i.start, i.amount.minor])).toEqual([
      ['2022-03-15', 33_334],
      ['2023-03-15', 33_333],
      ['2024-03-15', 33_333],
    ]);
    expect(s.total).toEqual({ currency: 'USD', minor: 100_000 });
  });

  it('rounds price × quantity once, then splits', () => {
    const s = installmentSchedule({
      purchasedAt: '2022-03-15',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 3,
      unitPricePerTerm: '33.335',
      currency: 'EUR',
      rounding: 'half_up',
    });
    expect(s.installments.map((i) => i.amount.minor)).toEqual([10_001]);
  });
});

describe('installmentSchedule: properties', () => {
  it('installments sum to the total, which is price × quantity rounded once (per term), and differ by at most one unit', () => {
    fc.assert(
      fc.property(
        start,
        plan,
        quantity,
        price,
        currency,
        rounding,
        (at, [term, billingFrequency], q, p, cur, mode) => {
          const s = installmentSchedule({
            purchasedAt: at,
            term,
            billingFrequency,
            quantity: q,
            unitPricePerTerm: p,
            currency: cur,
            rounding: mode,
          });
          const minors = s.installments.map((i) => i.amount.minor);
          expect(minors.reduce((a, b) => a + b, 0)).toBe(s.total.minor);
          expect(Math.max(...minors) - Math.min(...minors)).toBeLessThanOrEqual(1);
          // Independent check: the total is within one minor unit of the exact price × quantity.
          const { units, scale } = toScaled(p);
          const exact = units * BigInt(q) * 10n ** BigInt(exponents[cur] as number);
          const diff = BigInt(s.total.minor) * 10n ** BigInt(scale) - exact;
          expect((diff < 0n ? -diff : diff) < 10n ** BigInt(scale)).toBe(true);
          expect(s.installments.every((i) => i.amount.currency === cur)).toBe(true);
        },
      ),
    );
  });

  it('per-term prices: the installments are core allocate of the total with equal weights', () => {
    fc.assert(
      fc.property(
        plan,
        quantity,
        price,
        currency,
        rounding,
        ([term, billingFrequency], q, p, cur, mode) => {
          const s = installmentSchedule({
            purchasedAt: '2021-01-31',
            term,
            billingFrequency,
            quantity: q,
            unitPricePerTerm: p,
            currency: cur,
            rounding: mode,
          });
          expect(s.installments.map((i) => i.amount)).toEqual(
            allocate(
              s.total,
              s.installments.map(() => 1),
            ),
          );
        },
      ),
    );
  });

  it('per-cycle prices: every installment equal, total = installment × cycles, cycles = chargeCycles', () => {
    fc.assert(
      fc.property(
        start,
        plan,
        quantity,
        price,
        currency,
        rounding,
        (at, [term, billingFrequency], q, p, cur, mode) => {
          const s = installmentSchedule({
            purchasedAt: at,
            term,
            billingFrequency,
            termIndex: 2,
            quantity: q,
            unitPrice: p,
            currency: cur,
            rounding: mode,
          });
          const first = s.installments[0]?.amount.minor as number;
          expect(s.installments.every((i) => i.amount.minor === first)).toBe(true);
          expect(s.total.minor).toBe(first * s.installments.length);
          expect(
            s.installments.map(({ index, start: st, end }) => ({ index, start: st, end })),
          ).toEqual(chargeCycles({ purchasedAt: at, term, billingFrequency, termIndex: 2 }));
        },
      ),
    );
  });

  it('rounding modes differ by at most one minor unit and bracket the exact amount', () => {
    fc.assert(
      fc.property(quantity, price, currency, (q, p, cur) => {
        const e = exponents[cur] as number;
        const d = toScaled(p);
        const t = priceTimesQuantityMinor(d, q, e, 'truncate');
        const he = priceTimesQuantityMinor(d, q, e, 'half_even');
        const hu = priceTimesQuantityMinor(d, q, e, 'half_up');
        expect(he - t).toBeGreaterThanOrEqual(0);
        expect(he - t).toBeLessThanOrEqual(1);
        expect(hu - he).toBeGreaterThanOrEqual(0);
        expect(hu - t).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      installmentSchedule({
        purchasedAt: '2022-01-31T23:30:00-01:00',
        term: 'P1Y',
        billingFrequency: 'monthly',
        quantity: 7,
        unitPricePerTerm: '99.99',
        currency: 'EUR',
      }),
    );
  });
});

describe('installmentSchedule: bad input', () => {
  const ok = {
    purchasedAt: '2022-01-31',
    term: 'P1Y',
    billingFrequency: 'monthly',
    quantity: 2,
    unitPrice: '10',
    currency: 'EUR',
  } as const;
  const { unitPrice: _unused, ...noPrice } = ok;
  it('refuses bad quantities', () => {
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      expectRuleError(
        () => installmentSchedule({ ...ok, quantity }),
        'invalid_quantity',
        'quantity',
      );
    }
    expectRuleError(
      () => installmentSchedule({ ...ok, quantity: '2' as never }),
      'invalid_quantity',
      'quantity',
    );
  });
  it('refuses prices that are not plain non-negative decimals', () => {
    for (const unitPrice of [
      'abc',
      '1e3',
      '10,08',
      '',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '-1',
    ]) {
      expectRuleError(
        () => installmentSchedule({ ...ok, unitPrice }),
        'invalid_decimal',
        'unitPrice',
      );
    }
    expectRuleError(
      () => installmentSchedule({ ...noPrice, unitPricePerTerm: '-0.01' }),
      'invalid_decimal',
      'unitPricePerTerm',
    );
    expectRuleError(
      () => installmentSchedule({ ...ok, unitPrice: {} as never }),
      'invalid_decimal',
      'unitPrice',
    );
  });
  it('needs exactly one price', () => {
    expectRuleError(
      () => installmentSchedule({ ...ok, unitPricePerTerm: '120' }),
      'invalid_input',
      'unitPricePerTerm',
    );
    expectRuleError(() => installmentSchedule(noPrice as never), 'invalid_input', 'unitPrice');
  });
  it('refuses unknown currencies, rounding modes, plans and terms', () => {
    expectRuleError(
      () => installmentSchedule({ ...ok, currency: 'XYZ' }),
      'unknown_currency',
      'currency',
    );
    expectRuleError(
      () => installmentSchedule({ ...ok, rounding: 'bankers' as never }),
      'invalid_rounding',
      'rounding',
    );
    expectRuleError(
      () => installmentSchedule({ ...ok, billingFrequency: 'triennial' }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
    expectRuleError(
      () => installmentSchedule({ ...ok, billingFrequency: 'weekly' as never }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
    expectRuleError(
      () => installmentSchedule({ ...ok, term: 'P2Y' as never }),
      'invalid_term',
      'term',
    );
    expectRuleError(() => installmentSchedule([] as never), 'invalid_input', 'input');
  });
  it('refuses amounts beyond safe integers', () => {
    expectRuleError(
      () => installmentSchedule({ ...ok, unitPrice: '90071992547409.93' }),
      'invalid_money',
      'unitPrice',
    );
    expectRuleError(
      () => installmentSchedule({ ...ok, term: 'P3Y', quantity: 1, unitPrice: '5000000000000' }),
      'invalid_money',
      'unitPrice',
    );
    expectRuleError(
      () => installmentSchedule({ ...noPrice, unitPricePerTerm: '90071992547409.93' }),
      'invalid_money',
      'unitPricePerTerm',
    );
  });
});

function toScaled(text: string): { units: bigint; scale: number } {
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}
