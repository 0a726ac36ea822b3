import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocate,
  currencyExponent,
  formatMoney,
  knownCurrencies,
  type Money,
  money,
  moneyFromDecimal,
  multiplyMoney,
  parseDecimal,
  subtractMoney,
} from '../../src/core/index.js';
import { roundQuotient, toScaledDecimal } from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';

const eur = (minor: number): Money => ({ currency: 'EUR', minor });

describe('ISO 4217 table', () => {
  it('uses ISO minor units, not CLDR display digits', () => {
    expect(currencyExponent('HUF')).toBe(2);
    expect(currencyExponent('IDR')).toBe(2);
    expect(currencyExponent('COP')).toBe(2);
    expect(currencyExponent('IQD')).toBe(3);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('USD')).toBe(2);
  });

  it('has unique, well-formed codes and knows every code Intl knows as active that ISO lists', () => {
    const codes = knownCurrencies();
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{3}$/);
    expect(codes.length).toBeGreaterThan(150);
  });

  it('refuses unknown codes', () => {
    for (const bad of ['XYZ', 'EURO', 'E UR', '', 'XXX', 'XAU', 'ЕUR']) {
      expectRuleError(() => currencyExponent(bad), 'unknown_currency', 'currency');
    }
    expectRuleError(() => currencyExponent(42), 'unknown_currency');
  });
});

describe('decimals', () => {
  it('reads strings and numbers exactly', () => {
    expect(parseDecimal('10.08')).toBe('10.08');
    expect(parseDecimal('-0.50')).toBe('-0.5');
    expect(parseDecimal('+7')).toBe('7');
    expect(parseDecimal('007.100')).toBe('7.1');
    expect(parseDecimal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(parseDecimal(1e21)).toBe('1000000000000000000000');
    expect(parseDecimal(-1.5e-7)).toBe('-0.00000015');
    expect(parseDecimal(123.456)).toBe('123.456');
  });

  it('rejects what is not a plain decimal', () => {
    for (const bad of [
      '1e3',
      '10,08',
      '',
      '.5',
      '5.',
      '1.2.3',
      ' 1',
      'NaN',
      'Infinity',
      '0x10',
      '1_000',
    ]) {
      expectRuleError(() => parseDecimal(bad, 'unitPrice'), 'invalid_decimal', 'unitPrice');
    }
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      null,
      undefined,
      {},
      [],
      10n,
    ]) {
      expectRuleError(() => parseDecimal(bad), 'invalid_decimal');
    }
    expectRuleError(() => parseDecimal('1'.repeat(100)), 'invalid_decimal');
  });

  it('parse then format round-trips (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 12 }),
        (units, scale) => {
          const text = parseDecimal(formatFixed(units, scale));
          const again = toScaledDecimal(text, 'x');
          expect(again.units * 10n ** BigInt(scale)).toBe(units * 10n ** BigInt(again.scale));
          expect(parseDecimal(text)).toBe(text);
        },
      ),
    );
  });

  it('numbers are read through their shortest text (property)', () => {
    fc.assert(
      // Within the 60-odd digits a decimal may have (beyond: test/core/numberDigits.test.ts).
      fc.property(
        fc
          .double({ min: -1e40, max: 1e40, noNaN: true })
          .filter((x) => x === 0 || Math.abs(x) >= 1e-40),
        (x) => {
          expect(Number(parseDecimal(x))).toBe(x === 0 ? 0 : x);
        },
      ),
    );
  });
});

function formatFixed(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${body}` : body;
}

describe('rounding', () => {
  it('applies each named mode', () => {
    const cases: [bigint, bigint, bigint, bigint, bigint][] = [
      // n, d, truncate, half-even, half-up
      [25n, 10n, 2n, 2n, 3n],
      [35n, 10n, 3n, 4n, 4n],
      [-25n, 10n, -2n, -2n, -3n],
      [26n, 10n, 2n, 3n, 3n],
      [24n, 10n, 2n, 2n, 2n],
      [-26n, 10n, -2n, -3n, -3n],
      [20n, 10n, 2n, 2n, 2n],
    ];
    for (const [n, d, t, he, hu] of cases) {
      expect(roundQuotient(n, d, 'truncate')).toBe(t);
      expect(roundQuotient(n, d, 'half_even')).toBe(he);
      expect(roundQuotient(n, d, 'half_up')).toBe(hu);
    }
  });

  it('every mode is within one unit of the exact quotient (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          for (const mode of ['truncate', 'half_even', 'half_up'] as const) {
            const q = roundQuotient(n, d, mode);
            const diff = q * d - n;
            expect(diff < 0n ? -diff : diff).toBeLessThan(d);
            if (mode !== 'truncate') expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('money', () => {
  it('builds and formats by ISO exponent', () => {
    expect(formatMoney(money('EUR', 9420))).toBe('94.20');
    expect(formatMoney(money('EUR', 5))).toBe('0.05');
    expect(formatMoney(money('JPY', 1500))).toBe('1500');
    expect(formatMoney(money('KWD', 1))).toBe('0.001');
    expect(formatMoney(money('CLF', 12345))).toBe('1.2345');
    expect(moneyFromDecimal('EUR', '94.2')).toEqual(eur(9420));
    expect(moneyFromDecimal('EUR', 94.2)).toEqual(eur(9420));
    expect(moneyFromDecimal('KWD', '1.2345', 'half_up')).toEqual({ currency: 'KWD', minor: 1235 });
    expect(moneyFromDecimal('KWD', '1.2345', 'truncate')).toEqual({ currency: 'KWD', minor: 1234 });
    expect(moneyFromDecimal('EUR', '1.2300')).toEqual(eur(123));
  });

  it('refuses bad money', () => {
    expectRuleError(() => money('EUR', -1), 'invalid_money', 'minor');
    expectRuleError(() => money('EUR', 1.5), 'invalid_money');
    expectRuleError(() => money('EUR', Number.MAX_SAFE_INTEGER + 1), 'invalid_money');
    expectRuleError(() => money('XYZ', 1), 'unknown_currency');
    expectRuleError(() => moneyFromDecimal('EUR', '-1'), 'invalid_money', 'amount');
    expectRuleError(() => moneyFromDecimal('EUR', '1.001'), 'invalid_money', 'amount');
    expectRuleError(() => moneyFromDecimal('EUR', '1', 'nearest' as never), 'invalid_rounding');
    expectRuleError(
      () => formatMoney({ currency: 'EUR' } as never),
      'invalid_money',
      'money.minor',
    );
    expectRuleError(() => formatMoney(null as never), 'invalid_money', 'money');
  });

  it('adds, subtracts, multiplies within one currency', () => {
    expect(addMoney(eur(1), eur(2), eur(3))).toEqual(eur(6));
    expect(subtractMoney(eur(10), eur(10))).toEqual(eur(0));
    expect(multiplyMoney(eur(1008), 0)).toEqual(eur(0));
    expectRuleError(() => addMoney(), 'invalid_money', 'amounts');
    expectRuleError(
      () => addMoney(eur(1), { currency: 'USD', minor: 1 }),
      'currency_mismatch',
      'amounts[1]',
    );
    expectRuleError(
      () => subtractMoney(eur(1), { currency: 'USD', minor: 1 }),
      'currency_mismatch',
    );
    expectRuleError(() => subtractMoney(eur(1), eur(2)), 'invalid_money');
    expectRuleError(() => multiplyMoney(eur(1), -1), 'invalid_quantity', 'quantity');
    expectRuleError(() => multiplyMoney(eur(1), 1.5), 'invalid_quantity');
  });

  it('moneyFromDecimal then formatMoney round-trips (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'CLF'),
        fc.nat({ max: 2 ** 40 }),
        (currency, minor) => {
          const m = money(currency, minor);
          expect(moneyFromDecimal(currency, formatMoney(m))).toEqual(m);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('allocate', () => {
  it('splits by largest remainder, ties to the earlier part', () => {
    expect(allocate(eur(1000), [1, 1, 1]).map((m) => m.minor)).toEqual([334, 333, 333]);
    expect(allocate(eur(2), [1, 1, 1]).map((m) => m.minor)).toEqual([1, 1, 0]);
    expect(allocate(eur(100), [1, 0, 3]).map((m) => m.minor)).toEqual([25, 0, 75]);
    expect(allocate(eur(5), ['0.1', '0.3']).map((m) => m.minor)).toEqual([1, 4]);
    expect(allocate(eur(0), [1, 2]).map((m) => m.minor)).toEqual([0, 0]);
  });

  it('refuses weights it cannot use', () => {
    expectRuleError(() => allocate(eur(1), []), 'invalid_allocation', 'weights');
    expectRuleError(() => allocate(eur(1), [0, 0]), 'invalid_allocation', 'weights');
    expectRuleError(() => allocate(eur(1), [1, -1]), 'invalid_allocation', 'weights[1]');
    expectRuleError(() => allocate(eur(1), ['x']), 'invalid_decimal', 'weights[0]');
  });

  it('parts add up to the total, are never negative, and equal weights differ by at most one unit (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 45 }),
        fc
          .array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 40 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(eur(total), weights);
          expect(parts.reduce((s, p) => s + p.minor, 0)).toBe(total);
          for (const p of parts) expect(p.minor).toBeGreaterThanOrEqual(0);
          for (let i = 0; i < weights.length; i++) {
            for (let j = 0; j < weights.length; j++) {
              if (weights[i] === weights[j]) {
                expect(
                  Math.abs((parts[i] as Money).minor - (parts[j] as Money).minor),
                ).toBeLessThanOrEqual(1);
              }
            }
            // each part is within one unit of its exact share
            const exact = (total * (weights[i] as number)) / weights.reduce((a, b) => a + b, 0);
            expect(Math.abs((parts[i] as Money).minor - exact)).toBeLessThan(1 + 1e-6 * exact);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
