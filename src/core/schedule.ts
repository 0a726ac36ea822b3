/**
 * Term and charge-cycle arithmetic on epoch days, shared by the lifecycle,
 * billing, cancellation and refunds areas: every term and cycle is counted
 * from the original anchor (clamped to month ends), ends inclusive, and the
 * next one starts the day after.
 * @internal
 * @module
 */
import {
  addMonthsToEpochDay,
  type CalendarDay,
  daysInMonth,
  epochDayFromYmd,
  formatEpochDay,
  ymdFromEpochDay,
} from './calendar.js';
import type { RoundingMode } from './decimal.js';
import { pow10, roundQuotient, type ScaledDecimal } from './decimal.js';
import { fail } from './errors.js';
import { asRecord, parseQuantity } from './guards.js';
import {
  type BillingFrequency,
  monthsOfFrequency,
  monthsOfTerm,
  parseBillingFrequency,
  parseTerm,
  type Term,
} from './term.js';

/**
 * The dates of one term. All days are UTC and inclusive.
 * @category Lifecycle
 */
export interface TermDates {
  /** 0 = the initial term, 1 = the first renewal, ... */
  readonly termIndex: number;
  /** First day of the term. */
  readonly start: CalendarDay;
  /** Last day of the term (inclusive): start + N months − 1 day, from the anchor. */
  readonly end: CalendarDay;
  /** The day the next term starts, if it renews (the day after `end`). */
  readonly renewsOn: CalendarDay;
}

/** @internal First epoch day of term `k` from an anchor day. */
export function termStartDay(anchorDay: number, months: number, k: number): number {
  return addMonthsToEpochDay(anchorDay, k * months);
}

/** @internal Index of the term containing epoch day `day` (≥ anchor). */
export function termIndexAt(anchorDay: number, months: number, day: number): number {
  const [y1, m1] = ymdFromEpochDay(anchorDay);
  const [y2, m2] = ymdFromEpochDay(day);
  let k = Math.max(0, Math.floor(((y2 - y1) * 12 + (m2 - m1)) / months));
  // The month estimate is off by at most one term around clamped month ends.
  if (termStartDay(anchorDay, months, k) > day) k -= 1;
  else if (termStartDay(anchorDay, months, k + 1) <= day) k += 1;
  return Math.max(0, k);
}

/** @internal Dates of term `k` as epoch days. */
export function termDayRange(
  anchorDay: number,
  months: number,
  k: number,
): { startDay: number; endDay: number } {
  return {
    startDay: termStartDay(anchorDay, months, k),
    endDay: termStartDay(anchorDay, months, k + 1) - 1,
  };
}

/**
 * @internal What renewals look like when Partner Center scheduled changes:
 * from the first renewal on, terms last `renewalTerm` (else the scheduled
 * term, else the current one) and use the scheduled billing frequency and
 * quantity (else the current ones). Read from the optional `renewalTerm` and
 * `scheduledNextTerm` fields a subscription carries.
 */
export interface RenewalShape {
  readonly term: Term | undefined;
  readonly billingFrequency: BillingFrequency | undefined;
  readonly quantity: number | undefined;
}

/** @internal Read `renewalTerm` and `scheduledNextTerm` of an input (both optional). */
export function readRenewalShape(r: Readonly<Record<string, unknown>>): RenewalShape {
  const next = r['scheduledNextTerm'];
  const n = next === undefined || next === null ? {} : asRecord(next, 'scheduledNextTerm');
  const renewal = r['renewalTerm'];
  const term =
    renewal !== undefined
      ? parseTerm(renewal, 'renewalTerm')
      : n['term'] === undefined
        ? undefined
        : parseTerm(n['term'], 'scheduledNextTerm.term');
  return {
    term,
    billingFrequency:
      n['billingFrequency'] === undefined
        ? undefined
        : parseBillingFrequency(n['billingFrequency'], 'scheduledNextTerm.billingFrequency'),
    quantity:
      n['quantity'] === undefined
        ? undefined
        : parseQuantity(n['quantity'], 'scheduledNextTerm.quantity'),
  };
}

/**
 * @internal Term `k`'s length and where it starts (months from the anchor)
 * when renewals last `renewalMonths` (the initial term lasts `months`).
 */
export function shapedTerm(
  months: number,
  renewalMonths: number,
  k: number,
): { readonly months: number; readonly offsetMonths: number } {
  return k === 0
    ? { months, offsetMonths: 0 }
    : { months: renewalMonths, offsetMonths: months + (k - 1) * renewalMonths };
}

/** @internal Format a term's dates. */
export function formatTerm(anchorDay: number, months: number, k: number): TermDates {
  const { startDay, endDay } = termDayRange(anchorDay, months, k);
  return {
    termIndex: k,
    start: formatEpochDay(startDay),
    end: formatEpochDay(endDay),
    renewsOn: formatEpochDay(endDay + 1),
  };
}

/** @internal Check a term index. */
export function checkTermIndex(input: unknown, field = 'termIndex'): number {
  if (input === undefined) return 0;
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 0 || input > 10_000) {
    fail('invalid_input', field, `${field}: expected a whole number from 0 (the initial term)`);
  }
  return input;
}

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
      `${field}: the ${frequency} charge cycle is longer than the ${term} term`,
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
  offsetMonths = termIndex * termMonths,
): CycleAt[] {
  const perTerm = termMonths / cycleMonths;
  const out: CycleAt[] = [];
  let startDay = addMonthsToEpochDay(anchorDay, offsetMonths);
  for (let j = 0; j < perTerm; j++) {
    const next = addMonthsToEpochDay(anchorDay, offsetMonths + (j + 1) * cycleMonths);
    out.push({ termIndex, index: j, startDay, endDay: next - 1 });
    startDay = next;
  }
  return out;
}

const MAX_SAFE_MINOR = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/**
 * @internal `price × quantity` in whole minor units of a currency with
 * `exponent` decimals, rounded once with `mode`. Throws `invalid_money` when
 * the result is not a safe integer.
 */
export function priceTimesQuantityMinor(
  price: ScaledDecimal,
  quantity: number,
  exponent: number,
  mode: RoundingMode,
  field = 'amount',
): number {
  const exact = price.units * BigInt(quantity);
  const minor =
    price.scale <= exponent
      ? exact * pow10(exponent - price.scale)
      : roundQuotient(exact, pow10(price.scale - exponent), mode);
  if (minor > MAX_SAFE_MINOR) {
    fail('invalid_money', field, `${field}: the amount is too large for safe minor units`);
  }
  return Number(minor);
}

/**
 * @internal Days of the calendar period a cycle starts in (the
 * `'month_of_start'` count): the start's calendar month for a monthly cycle,
 * else the `cycleMonths / 12` calendar years starting with the start's year.
 */
export function calendarDaysOfStart(startDay: number, cycleMonths: number): number {
  const [y, m] = ymdFromEpochDay(startDay);
  if (cycleMonths < 12) return daysInMonth(y, m);
  return epochDayFromYmd(y + cycleMonths / 12, 1, 1) - epochDayFromYmd(y, 1, 1);
}

/** @internal The day count of a cycle under a {@link CycleDayCount}. */
export function cycleDayCount(
  basis: 'cycle' | 'month_of_start',
  startDay: number,
  endDay: number,
  cycleMonths: number,
): number {
  return basis === 'cycle' ? endDay - startDay + 1 : calendarDaysOfStart(startDay, cycleMonths);
}
