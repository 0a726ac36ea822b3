/**
 * Schemas of the small values every rule takes: instants, calendar days,
 * decimals, prices, currencies, money, quantities, terms, billing
 * frequencies, statuses. Each reuses core's own check, so a value a schema
 * accepts is a value the rules accept, with the same messages.
 * @module
 */
import * as z from 'zod';
import {
  BILLING_FREQUENCIES,
  parseCurrency,
  ROUNDING_MODES,
  SUBSCRIPTION_STATUSES,
  TERMS,
} from '../core/index.js';
import { toEpochDay, toInstantMs, toScaledDecimal } from '../core/internal.js';
import { coreCheck, expected } from './issues.js';

/**
 * Schema of an instant input (`InstantInput` of `./core`): a valid `Date`, an
 * ISO-8601 string with `Z` or an offset (up to 9 fractional digits; Partner
 * Center writes 7), or a date-only `YYYY-MM-DD` (00:00Z). A local time without
 * an offset is refused, as core's `parseInstant` refuses it (the issue's code
 * is `ambiguous_local_time`). The value is passed through unchanged.
 *
 * @example
 * ```ts
 * import { instantSchema } from 'csp-software-rules/schemas';
 *
 * instantSchema.safeParse('2021-10-15T21:28:19.3058617Z').success; // => true
 * instantSchema.safeParse('2021-10-14').success; // => true
 * instantSchema.safeParse('2021-10-14T10:00').error?.issues[0]?.message; // => '"2021-10-14T10:00" has no time zone; add "Z" (UTC) or an offset such as "+02:00"'
 * instantSchema.safeParse(new Date(Number.NaN)).success; // => false
 * ```
 * @category Schemas
 */
export const instantSchema = z
  .union([z.custom<Date>(isDate), z.string()], {
    error: expected('a Date or an ISO-8601 string with "Z" or an offset, or YYYY-MM-DD'),
  })
  .superRefine((value, ctx) => {
    coreCheck(ctx, (field) => toInstantMs(value, field));
  });

/**
 * @internal A real `Date` (of any realm): `getTime` of `Date.prototype` reads it. A
 * Proxy of a Date or an object posing as one is not (zod's own `z.date()`
 * would call its `getTime` and throw a `TypeError`).
 */
export function isDate(value: unknown): boolean {
  // Not an object, not a Date: answered before the call below, which throws
  // (and an exception costs microseconds) for every string instant.
  if (typeof value !== 'object' || value === null) return false;
  try {
    // An Invalid Date is refused here, as z.date() refuses it.
    return !Number.isNaN(Date.prototype.getTime.call(value));
  } catch {
    return false;
  }
}

/**
 * Schema of a calendar day: a real UTC date written `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { calendarDaySchema } from 'csp-software-rules/schemas';
 *
 * calendarDaySchema.safeParse('2024-02-29').success; // => true
 * calendarDaySchema.safeParse('2021-02-29').error?.issues[0]?.message; // => '"2021-02-29" is not a real calendar date'
 * ```
 * @category Schemas
 */
export const calendarDaySchema = z
  .string({ error: expected('a "YYYY-MM-DD" string') })
  .superRefine((value, ctx) => {
    coreCheck(ctx, (field) => toEpochDay(value, field));
  });

/**
 * Schema of a decimal input (`DecimalInput` of `./core`): a plain decimal
 * string (`'10.08'`, `'-3'`) or a finite number, read exactly. Exponents
 * (`'1e3'`) and commas (`'10,08'`) are refused.
 *
 * @example
 * ```ts
 * import { decimalSchema } from 'csp-software-rules/schemas';
 *
 * decimalSchema.safeParse('10.08').success; // => true
 * decimalSchema.safeParse(Number.POSITIVE_INFINITY).success; // => false
 * decimalSchema.safeParse('10,08').error?.issues[0]?.message; // => '"10,08" is not a plain decimal (digits, optional sign and "." point)'
 * ```
 * @category Schemas
 */
export const decimalSchema = z
  .union([z.string(), z.number()], {
    error: expected('a decimal string such as "10.08" or a finite number'),
  })
  .superRefine((value, ctx) => {
    coreCheck(ctx, (field) => toScaledDecimal(value, field));
  });

/**
 * Schema of a price (`unitPrice`): a decimal input that is not negative.
 *
 * @example
 * ```ts
 * import { unitPriceSchema } from 'csp-software-rules/schemas';
 *
 * unitPriceSchema.safeParse('94.20').success; // => true
 * unitPriceSchema.safeParse('-1').error?.issues[0]?.message; // => 'a price cannot be negative'
 * ```
 * @category Schemas
 */
export const unitPriceSchema = z
  .union([z.string(), z.number()], {
    error: expected('a decimal string such as "10.08" or a finite number'),
  })
  .superRefine((value, ctx) => {
    const price = coreCheck(ctx, (field) => toScaledDecimal(value, field));
    if (price !== undefined && price.units < 0n) {
      ctx.addIssue({
        code: 'custom',
        message: 'a price cannot be negative',
        params: { code: 'invalid_decimal' },
      });
    }
  });

/**
 * Schema of an ISO 4217 currency code in any ASCII case, surrounding spaces
 * ignored (`'EUR'`, `'eur'`, `' Jpy '`), checked against the library's
 * bundled table; the output is the code as ISO 4217 writes it (`'EUR'`).
 *
 * @example
 * ```ts
 * import { currencySchema } from 'csp-software-rules/schemas';
 *
 * currencySchema.parse('EUR'); // => 'EUR'
 * currencySchema.parse('eur'); // => 'EUR'
 * currencySchema.safeParse('XYZ').error?.issues[0]?.message; // => 'unknown ISO 4217 currency "XYZ"'
 * ```
 * @category Schemas
 */
export const currencySchema = z
  .string({ error: expected('an ISO 4217 currency code such as "EUR"') })
  .superRefine((value, ctx) => {
    coreCheck(ctx, (field) => parseCurrency(value, field));
  })
  .transform((value) => parseCurrency(value));

/**
 * Schema of a quantity of licences: a whole number of at least 1.
 *
 * @example
 * ```ts
 * import { quantitySchema } from 'csp-software-rules/schemas';
 *
 * quantitySchema.safeParse(25).success; // => true
 * quantitySchema.safeParse(2.5).error?.issues[0]?.message; // => 'expected a whole number of at least 1, got 2.5'
 * ```
 * @category Schemas
 */
export const quantitySchema = z
  .int({ error: expected('a whole number of at least 1') })
  .min(1, { error: expected('a whole number of at least 1') });

/**
 * Schema of a `Money` value: `{ currency, minor }`, minor units a
 * non-negative safe integer.
 *
 * @example
 * ```ts
 * import { moneySchema } from 'csp-software-rules/schemas';
 *
 * moneySchema.parse({ currency: 'EUR', minor: 9420 }); // => { currency: 'EUR', minor: 9420 }
 * moneySchema.safeParse({ currency: 'EUR', minor: 94.2 }).success; // => false
 * ```
 * @category Schemas
 */
export const moneySchema = z.object(
  {
    /** ISO 4217 alphabetic code. */
    currency: currencySchema,
    /** Whole minor units (cents for EUR), a non-negative safe integer. */
    minor: z
      .int({ error: expected('whole minor units (a non-negative safe integer)') })
      .min(0, { error: expected('whole minor units (a non-negative safe integer)') }),
  },
  { error: expected('money: an object { currency, minor }') },
);

/**
 * Schema of a term: `'P1M'`, `'P1Y'` or `'P3Y'` (exact spelling; Partner
 * Center's other spellings are read by {@link fromPartnerCenterSubscription}).
 *
 * @example
 * ```ts
 * import { termSchema } from 'csp-software-rules/schemas';
 *
 * termSchema.parse('P3Y'); // => 'P3Y'
 * termSchema.safeParse('P2Y').error?.issues[0]?.message; // => 'expected one of P1M, P1Y, P3Y, got "P2Y"'
 * ```
 * @category Schemas
 */
export const termSchema = z.literal(TERMS, {
  error: expected(`one of ${TERMS.join(', ')}`),
});

/**
 * Schema of a billing frequency: `'monthly'`, `'annual'` or `'triennial'`.
 *
 * @example
 * ```ts
 * import { billingFrequencySchema } from 'csp-software-rules/schemas';
 *
 * billingFrequencySchema.parse('annual'); // => 'annual'
 * billingFrequencySchema.safeParse('Annual').success; // => false
 * ```
 * @category Schemas
 */
export const billingFrequencySchema = z.literal(BILLING_FREQUENCIES, {
  error: expected(`one of ${BILLING_FREQUENCIES.join(', ')}`),
});

/**
 * Schema of a subscription status (`SubscriptionStatus` of `./core`).
 *
 * @example
 * ```ts
 * import { subscriptionStatusSchema } from 'csp-software-rules/schemas';
 *
 * subscriptionStatusSchema.parse('suspended'); // => 'suspended'
 * subscriptionStatusSchema.safeParse('Active').success; // => false
 * ```
 * @category Schemas
 */
export const subscriptionStatusSchema = z.literal(SUBSCRIPTION_STATUSES, {
  error: expected(`one of ${SUBSCRIPTION_STATUSES.join(', ')}`),
});

/**
 * Schema of a perpetual order's status: `'completed'` or `'cancelled'`.
 *
 * @example
 * ```ts
 * import { perpetualStatusSchema } from 'csp-software-rules/schemas';
 *
 * perpetualStatusSchema.parse('cancelled'); // => 'cancelled'
 * ```
 * @category Schemas
 */
export const perpetualStatusSchema = z.literal(['completed', 'cancelled'], {
  error: expected('one of completed, cancelled'),
});

/**
 * Schema of a rounding mode: `'truncate'`, `'half_even'` or `'half_up'`.
 *
 * @example
 * ```ts
 * import { roundingModeSchema } from 'csp-software-rules/schemas';
 *
 * roundingModeSchema.parse('half_even'); // => 'half_even'
 * ```
 * @category Schemas
 */
export const roundingModeSchema = z.literal(ROUNDING_MODES, {
  error: expected(`one of ${ROUNDING_MODES.join(', ')}`),
});

/**
 * Schema of the `UnknownValue` variant of `./core`: `{ unknown: '<raw>' }`, a
 * value Partner Center sent that this version of the library does not know.
 *
 * @example
 * ```ts
 * import { unknownValueSchema } from 'csp-software-rules/schemas';
 *
 * unknownValueSchema.parse({ unknown: 'quarterly' }); // => { unknown: 'quarterly' }
 * ```
 * @category Schemas
 */
export const unknownValueSchema = z.object(
  {
    /** The raw value as received. */
    unknown: z.string({ error: expected('the raw value (a string)') }),
  },
  { error: expected('{ unknown: "<raw value>" }') },
);

const OR_UNKNOWN = ', or { unknown: "<raw>" } for a value this version does not know';

/** @internal A term or the unknown variant. */
export const termOrUnknownSchema = z.union([termSchema, unknownValueSchema], {
  error: expected(`one of ${TERMS.join(', ')}${OR_UNKNOWN}`),
});

/** @internal A billing frequency or the unknown variant. */
export const billingFrequencyOrUnknownSchema = z.union(
  [billingFrequencySchema, unknownValueSchema],
  { error: expected(`one of ${BILLING_FREQUENCIES.join(', ')}${OR_UNKNOWN}`) },
);

/** @internal A subscription status or the unknown variant. */
export const subscriptionStatusOrUnknownSchema = z.union(
  [subscriptionStatusSchema, unknownValueSchema],
  { error: expected(`one of ${SUBSCRIPTION_STATUSES.join(', ')}${OR_UNKNOWN}`) },
);

/** @internal A perpetual status or the unknown variant. */
export const perpetualStatusOrUnknownSchema = z.union([perpetualStatusSchema, unknownValueSchema], {
  error: expected(`one of completed, cancelled${OR_UNKNOWN}`),
});

/** @internal An optional string field. */
export function optionalText(what = 'a string'): z.ZodOptional<z.ZodString> {
  return z.string({ error: expected(what) }).optional();
}

/** @internal `T` with its possibly-undefined properties made optional (and never `undefined`). */
export type Compacted<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** @internal Copy of `value` without its `undefined` properties (exactOptionalPropertyTypes). */
export function compact<T extends object>(value: T): Compacted<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as Compacted<T>;
}
