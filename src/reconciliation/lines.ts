/**
 * Shared shapes of reconciliation lines: Microsoft's charge types, signed
 * amounts, and the exact arithmetic of a line under a rounding reading.
 * @module
 */
import type { CalendarDay, RoundingMode } from '../core/index.js';
import {
  formatScaled,
  frozen,
  pow10,
  roundQuotient,
  type ScaledDecimal,
} from '../core/internal.js';
import type { LineRounding } from './policy.js';

/**
 * A reconciliation line's `ChargeType`, in Microsoft's spelling (S11).
 * @category Reconciliation
 */
export type ChargeType =
  | 'new'
  | 'renew'
  | 'cycleCharge'
  | 'addQuantity'
  | 'removeQuantity'
  | 'moveQuantity'
  | 'cancelImmediate'
  | 'convert'
  | 'changeBillingPlan'
  | 'customerCredit'
  | 'extendTerm';

/** Every {@link ChargeType}. @category Reconciliation */
export const CHARGE_TYPES: readonly ChargeType[] = /* @__PURE__ */ frozen([
  'new',
  'renew',
  'cycleCharge',
  'addQuantity',
  'removeQuantity',
  'moveQuantity',
  'cancelImmediate',
  'convert',
  'changeBillingPlan',
  'customerCredit',
  'extendTerm',
]);

/**
 * The charge types this version computes; a billed line of another type
 * (`moveQuantity`, `customerCredit`, `extendTerm`) is `not_modelled`.
 * @category Reconciliation
 */
export const MODELLED_CHARGE_TYPES: readonly ChargeType[] = /* @__PURE__ */ frozen([
  'new',
  'renew',
  'cycleCharge',
  'addQuantity',
  'removeQuantity',
  'cancelImmediate',
  'convert',
  'changeBillingPlan',
]);

/**
 * An amount in whole minor units that may be negative, as reconciliation
 * lines carry them (a credit is negative). `Money` stays non-negative
 * everywhere else; this is its signed sibling, the same plain JSON.
 * @category Reconciliation
 */
export interface SignedMoney {
  /** ISO 4217 alphabetic code. */
  readonly currency: string;
  /** Whole minor units, a safe integer of either sign. */
  readonly minor: number;
}

/**
 * How a line's amount was prorated: `billed` of `cycle` days (or whole
 * months, for a billing-plan change read by months).
 * @category Reconciliation
 */
export interface Proration {
  /** `'days'` or `'months'`. */
  readonly unit: 'days' | 'months';
  /** Days (months) billed, from the event day to the cycle's end. */
  readonly billed: number;
  /** Days (months) of the charge cycle. */
  readonly cycle: number;
}

/** @internal A line before it is formatted: the exact arithmetic kept. */
export interface LineCalc {
  readonly chargeType: ChargeType;
  readonly startDay: number;
  readonly endDay: number;
  readonly price: ScaledDecimal;
  readonly quantity: number;
  readonly sign: 1 | -1;
  /** `undefined` for perpetual software (the unit price itself). */
  readonly proration: Proration | undefined;
  readonly event: number | undefined;
}

/** @internal A rounding: a mode and where it is applied. */
export interface LineRoundingMode {
  readonly mode: RoundingMode;
  readonly apply: 'per_unit' | 'total';
}

/** @internal The `{ mode, apply }` of a documented reading. */
export function roundingOfReading(reading: LineRounding): LineRoundingMode {
  return { mode: 'truncate', apply: reading === 'truncate_unit_price' ? 'per_unit' : 'total' };
}

/** @internal The documented reading a rounding is, if any. */
export function readingOfRounding(r: LineRoundingMode): LineRounding | undefined {
  if (r.mode !== 'truncate') return undefined;
  return r.apply === 'per_unit' ? 'truncate_unit_price' : 'truncate_line_total';
}

/** @internal An exchange rate (or 1) as an exact decimal. */
export const RATE_ONE: ScaledDecimal = { units: 1n, scale: 0 };

/** @internal Numerator and denominator of a line's exact effective unit price, signed. */
export function exactUnitPrice(line: LineCalc): { num: bigint; den: bigint } {
  const p = line.proration;
  const billed = BigInt(p === undefined ? 1 : p.billed);
  const cycle = BigInt(p === undefined ? 1 : p.cycle);
  return {
    num: BigInt(line.sign) * line.price.units * billed,
    den: pow10(line.price.scale) * cycle,
  };
}

/**
 * @internal A line's effective unit price and subtotal in minor units of a
 * currency with `exponent` decimals, after `rate` (pricing to billing
 * currency), under `rounding`, for `quantity` units.
 */
export function lineMinor(
  line: LineCalc,
  quantity: number,
  exponent: number,
  rate: ScaledDecimal,
  rounding: LineRoundingMode,
): { unitMinor: bigint | undefined; totalMinor: bigint } {
  const { num, den } = exactUnitPrice(line);
  const n = num * rate.units * pow10(exponent);
  const d = den * pow10(rate.scale);
  if (rounding.apply === 'per_unit') {
    const unit = roundQuotient(n, d, rounding.mode);
    return { unitMinor: unit, totalMinor: unit * BigInt(quantity) };
  }
  return {
    unitMinor: undefined,
    totalMinor: roundQuotient(n * BigInt(quantity), d, rounding.mode),
  };
}

/** @internal Decimal text of minor units (`-942` → `'-9.42'`). */
export function minorText(minor: bigint, exponent: number): string {
  return formatScaled(minor, exponent, exponent);
}

/** @internal The period (`YYYY-MM`) of a calendar day string. */
export function periodOfDay(day: CalendarDay): string {
  return day.slice(0, 7);
}
