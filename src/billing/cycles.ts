/**
 * Charge-cycle arithmetic on epoch days (brief §3), shared by `chargeCycles`,
 * `installmentSchedule` and, through `internal.ts`, the refunds area.
 * @module
 */
import type { BillingFrequency, Term } from '../core/index.js';
import { addMonthsToEpochDay, fail, monthsOfFrequency, monthsOfTerm } from '../core/internal.js';
import { termIndexAt } from '../lifecycle/internal.js';

/**
 * @internal Months of one charge cycle of `frequency` within `term`; throws
 * `invalid_billing_frequency` when the cycle is longer than the term
 * (triennial billing of a P1Y term). Both arguments must already be checked.
 */
export function cycleMonthsFor(
  term: Term,
  frequency: BillingFrequency,
  field = 'billingFrequency',
): number {
  const m = monthsOfFrequency(frequency);
  if (m > monthsOfTerm(term)) {
    fail(
      'invalid_billing_frequency',
      field,
      `${field}: a ${frequency} charge cycle is longer than a ${term} term`,
      { term, billingFrequency: frequency },
    );
  }
  return m;
}

/** @internal One charge cycle as epoch days (both inclusive). */
export interface CycleAt {
  /** The term the cycle belongs to (0 = initial). */
  readonly termIndex: number;
  /** The cycle's index within its term (0 = first). */
  readonly index: number;
  /** First day (epoch day). */
  readonly startDay: number;
  /** Last day, inclusive (epoch day). */
  readonly endDay: number;
}

/**
 * @internal The charge cycle containing epoch day `day`, for a subscription
 * anchored on `anchorDay` with terms of `termMonths` and cycles of
 * `cycleMonths` (which divides `termMonths`). Cycle j of term k is global
 * cycle g = k·(N/M) + j, starting at anchor + g·M months (clamped, from the
 * anchor); so this is a constant-time lookup, no enumeration.
 * Throws `invalid_range` when `day` is before the anchor.
 */
export function chargeCycleAt(
  anchorDay: number,
  termMonths: number,
  cycleMonths: number,
  day: number,
  field = 'day',
): CycleAt {
  if (day < anchorDay) fail('invalid_range', field, `${field}: before the subscription's start`);
  const g = termIndexAt(anchorDay, cycleMonths, day);
  const perTerm = termMonths / cycleMonths;
  const termIndex = Math.floor(g / perTerm);
  return {
    termIndex,
    index: g - termIndex * perTerm,
    startDay: addMonthsToEpochDay(anchorDay, g * cycleMonths),
    endDay: addMonthsToEpochDay(anchorDay, (g + 1) * cycleMonths) - 1,
  };
}

/** @internal Every charge cycle of term `termIndex`, as epoch days. */
export function cyclesOfTerm(
  anchorDay: number,
  termMonths: number,
  cycleMonths: number,
  termIndex: number,
): CycleAt[] {
  const perTerm = termMonths / cycleMonths;
  const first = termIndex * perTerm;
  const out: CycleAt[] = [];
  let startDay = addMonthsToEpochDay(anchorDay, first * cycleMonths);
  for (let j = 0; j < perTerm; j++) {
    const next = addMonthsToEpochDay(anchorDay, (first + j + 1) * cycleMonths);
    out.push({ termIndex, index: j, startDay, endDay: next - 1 });
    startDay = next;
  }
  return out;
}
