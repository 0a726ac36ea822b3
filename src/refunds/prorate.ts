/**
 * The exact arithmetic of a prorated refund: bigint throughout, one named
 * rounding, every figure kept so a person can check it.
 * @internal
 * @module
 */
import type { Installment } from '../billing/index.js';
import type { Money, RoundingMode } from '../core/index.js';
import {
  type CycleAt,
  cyclesOfTerm,
  failField,
  formatEpochDay,
  formatScaled,
  pow10,
  quotientText,
  roundQuotient,
  type ScaledDecimal,
} from '../core/internal.js';
import type { RoundingApplication } from './options.js';

/** Fractional digits of the exact amounts shown in a computation. */
export const EXACT_DIGITS = 10;

/** @internal A prorated amount, in minor units and as exact figures. */
export interface Prorated {
  /** The refund in minor units, at most the cap. */
  readonly minor: number;
  /** Whether the rounded amount exceeded the cap (and was limited to it). */
  readonly capped: boolean;
  /** The rounded refund of one unit (per-unit rounding), or `undefined` (total rounding). */
  readonly perUnitMinor: number | undefined;
  /** `unitPrice × days / cycleDays`, decimal text (… when it goes on). */
  readonly exactPerUnit: string;
  /** `unitPrice × days` over `cycleDays`, e.g. `'292.32/31'`. */
  readonly exactPerUnitFraction: string;
  /** The exact refund for the whole quantity, decimal text. */
  readonly exactTotal: string;
}

/**
 * @internal `price × days / cycleDays` per unit (`days ≤ cycleDays`), rounded
 * to whole minor units of a currency with `exponent` decimals, per unit (then
 * × quantity) or on the total, and limited to `capMinor` (the charge).
 */
export function prorate(
  price: ScaledDecimal,
  quantity: number,
  exponent: number,
  days: number,
  cycleDays: number,
  mode: RoundingMode,
  apply: RoundingApplication,
  capMinor: number,
): Prorated {
  const q = BigInt(quantity);
  const perUnitValue = price.units * BigInt(days); // over 10^scale × cycleDays, in currency units
  const den = pow10(price.scale) * BigInt(cycleDays);
  const num = perUnitValue * pow10(exponent); // in minor units, over den
  let total: bigint;
  let perUnit: bigint | undefined;
  if (apply === 'per_unit') {
    perUnit = roundQuotient(num, den, mode);
    total = perUnit * q;
  } else {
    total = roundQuotient(num * q, den, mode);
  }
  const cap = BigInt(capMinor);
  const capped = total > cap;
  return {
    minor: capped ? capMinor : Number(total),
    capped,
    perUnitMinor: perUnit === undefined ? undefined : Number(perUnit),
    exactPerUnit: quotientText(perUnitValue, den, EXACT_DIGITS),
    exactPerUnitFraction: `${formatScaled(perUnitValue, price.scale)}/${cycleDays}`,
    exactTotal: quotientText(perUnitValue * q, den, EXACT_DIGITS),
  };
}

/**
 * @internal The installments of the cycles of `cycle`'s term from the cycle
 * `from` on, each of `amount`.
 */
export function installmentsFrom(
  anchorDay: number,
  termMonths: number,
  cycleMonths: number,
  cycle: CycleAt,
  from: number,
  amount: Money,
): Installment[] {
  return cyclesOfTerm(anchorDay, termMonths, cycleMonths, cycle.termIndex)
    .slice(from)
    .map((c) => ({
      index: c.index,
      start: formatEpochDay(c.startDay),
      end: formatEpochDay(c.endDay),
      amount,
    }));
}

/** @internal `minor`, a term's total, checked to be a safe integer (`invalid_money` on `field`). */
export function termTotal(minor: number, field: string): number {
  if (!Number.isSafeInteger(minor))
    failField(field, 'the term total is too large', 'invalid_money');
  return minor;
}
