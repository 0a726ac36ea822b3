import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, isCspRuleError, parseQuantity } from '../../src/core/index.js';
import { toEpochDay, toInstantMs, toMoney, toScaledDecimal } from '../../src/core/internal.js';
import {
  billingFrequencySchema,
  calendarDaySchema,
  currencySchema,
  decimalSchema,
  instantSchema,
  moneySchema,
  perpetualStatusSchema,
  quantitySchema,
  roundingModeSchema,
  subscriptionStatusSchema,
  termSchema,
  unitPriceSchema,
  unknownValueSchema,
} from '../../src/schemas/index.js';
import { ANYTHING, decimalLike, instantLike, paramsOf } from './support.js';

/** The core error code `fn` throws, `null` when it accepts. */
function coreVerdict(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    return e.code;
  }
}

describe('primitive schemas agree with core', () => {
  it('instants: accepted exactly when core accepts, with core code in params', () => {
    fc.assert(
      fc.property(instantLike, (value) => {
        const verdict = coreVerdict(() => toInstantMs(value, 'x'));
        const result = instantSchema.safeParse(value);
        expect(result.success).toBe(verdict === null);
        if (result.success) expect(result.data).toBe(value);
        else if (typeof value === 'string' || (value instanceof Date && verdict !== null)) {
          const params = paramsOf(result.error.issues[0]);
          if (typeof value === 'string') expect(params).toEqual({ code: verdict });
        }
      }),
    );
  });

  it('instants: the Partner Center forms', () => {
    expect(instantSchema.safeParse('2021-10-15T21:28:19.3058617Z').success).toBe(true);
    expect(instantSchema.safeParse('9999-12-31T23:59:59.9999999Z').success).toBe(true);
    expect(instantSchema.safeParse('2021-10-14T01:00:00+02:00').success).toBe(true);
    const local = instantSchema.safeParse('2021-10-14T10:00');
    expect(local.error?.issues[0]).toMatchObject({
      code: 'custom',
      params: { code: 'ambiguous_local_time' },
    });
    expect(instantSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      'required: expected a Date or an ISO-8601 string with "Z" or an offset, or YYYY-MM-DD',
    );
    expect(instantSchema.safeParse(new Date(Number.NaN)).error?.issues[0]?.message).toMatch(
      /got Invalid Date$/,
    );
  });

  it('calendar days', () => {
    fc.assert(
      fc.property(fc.oneof(instantLike, fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)), (value) => {
        const verdict = coreVerdict(() => toEpochDay(value, 'x'));
        expect(calendarDaySchema.safeParse(value).success).toBe(verdict === null);
      }),
    );
  });

  it('decimals and prices', () => {
    fc.assert(
      fc.property(decimalLike, (value) => {
        const verdict = coreVerdict(() => toScaledDecimal(value, 'x'));
        expect(decimalSchema.safeParse(value).success).toBe(verdict === null);
        const negative = verdict === null && toScaledDecimal(value, 'x').units < 0n;
        expect(unitPriceSchema.safeParse(value).success).toBe(verdict === null && !negative);
      }),
    );
    expect(unitPriceSchema.safeParse('-0.00').success).toBe(true);
    expect(unitPriceSchema.safeParse(-0.01).error?.issues[0]).toMatchObject({
      message: 'a price cannot be negative',
      params: { code: 'invalid_decimal' },
    });
    expect(decimalSchema.safeParse(Number.NaN).error?.issues[0]?.message).toBe(
      'expected a decimal string such as "10.08" or a finite number, got NaN',
    );
  });

  it('currencies', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF', 'eur', 'XYZ', 'EURO'), fc.anything()),
        (value) => {
          const verdict = coreVerdict(() => currencyExponent(value, 'x'));
          expect(currencySchema.safeParse(value).success).toBe(verdict === null);
        },
      ),
    );
  });

  it('quantities', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.double(),
          fc.constantFrom(0, 1, -0, 2 ** 53, 2 ** 53 - 1, Number.NaN, '1'),
          fc.anything(),
        ),
        (value) => {
          const verdict = coreVerdict(() => parseQuantity(value));
          expect(quantitySchema.safeParse(value).success).toBe(verdict === null);
        },
      ),
    );
    expect(quantitySchema.safeParse(0).error?.issues[0]?.message).toBe(
      'expected a whole number of at least 1, got 0',
    );
  });

  it('money', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            currency: fc.constantFrom('EUR', 'JPY', 'XYZ'),
            minor: fc.oneof(fc.integer(), fc.double()),
          }),
          fc.anything(ANYTHING),
        ),
        (value) => {
          const verdict = coreVerdict(() => toMoney(value, 'x'));
          const result = moneySchema.safeParse(value);
          // Core reads any object (even an array or a Date) by its properties; the schema wants a plain object.
          if (result.success) expect(verdict).toBeNull();
          if (
            verdict === null &&
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value)
          ) {
            expect(result.success || value instanceof Date).toBe(true);
          }
        },
      ),
    );
  });

  it('enum-like values: exact spellings only', () => {
    expect([...termSchema.values]).toEqual(['P1M', 'P1Y', 'P3Y']);
    expect(termSchema.safeParse('P2Y').error?.issues[0]?.message).toBe(
      'expected one of P1M, P1Y, P3Y, got "P2Y"',
    );
    expect(billingFrequencySchema.safeParse('Triennial').success).toBe(false);
    expect(subscriptionStatusSchema.safeParse('deleted').success).toBe(true);
    expect(perpetualStatusSchema.safeParse('completed').success).toBe(true);
    expect(roundingModeSchema.safeParse('ceil').error?.issues[0]?.message).toBe(
      'expected one of truncate, half_even, half_up, got "ceil"',
    );
    expect(unknownValueSchema.parse({ unknown: 'x', extra: 1 })).toEqual({ unknown: 'x' });
    expect(unknownValueSchema.safeParse({ unknown: 1 }).success).toBe(false);
  });

  it('names what it received without repeating long strings', () => {
    const key = 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY';
    const message = termSchema.safeParse(key).error?.issues[0]?.message ?? '';
    expect(message).toBe('expected one of P1M, P1Y, P3Y, got a string');
    expect(message).not.toContain('ABCDE');
  });
});
