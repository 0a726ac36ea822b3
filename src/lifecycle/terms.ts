/**
 * Term arithmetic on epoch days (brief §3): every term counted from the
 * original anchor, end inclusive, renewal the next day.
 * @module
 */
import { type CalendarDay, type InstantInput, type Term, termMonths } from '../core/index.js';
import {
  addMonthsToEpochDay,
  epochDayOfMs,
  fail,
  formatEpochDay,
  toInstantMs,
  ymdFromEpochDay,
} from '../core/internal.js';

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

/** Input of {@link termDates}. @category Lifecycle */
export interface TermDatesInput {
  /** Effective start of the initial term (the purchase instant); its UTC date is the anchor. */
  readonly start: InstantInput;
  /** Term length. */
  readonly term: Term;
  /** Which term: 0 = initial (default). */
  readonly termIndex?: number;
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
 * The dates of a term: `start`, inclusive `end` (start + N months − 1 day) and
 * `renewsOn` (the next day). Term `k` starts `k × N` months after the anchor,
 * counted from the anchor and clamped to the month's end, so a term bought on
 * the 31st never drifts: a P1M bought Jan 31 runs Jan 31–Feb 27, Feb 28–Mar
 * 30, Mar 31–Apr 29...
 *
 * @param input - `start` (the purchase instant; its UTC date is the anchor), `term`, `termIndex` (0 = initial).
 * @returns The term's dates as `YYYY-MM-DD`.
 * @throws {@link core!CspRuleError} `invalid_instant`/`ambiguous_local_time` for `start`, `invalid_term`, `invalid_input` for a bad `termIndex`, `invalid_range` for a term past 9999-12-31.
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { termDates } from 'csp-software-rules/lifecycle';
 *
 * termDates({ start: '2021-01-31', term: 'P1Y' }); // => { termIndex: 0, start: '2021-01-31', end: '2022-01-30', renewsOn: '2022-01-31' }
 * termDates({ start: '2021-01-31T09:00:00Z', term: 'P1M', termIndex: 1 }).end; // => '2021-03-30'
 * termDates({ start: '2020-02-29', term: 'P1Y', termIndex: 1 }).start; // => '2021-02-28'
 * ```
 * @category Lifecycle
 */
export function termDates(input: TermDatesInput): TermDates {
  if (typeof input !== 'object' || input === null) {
    fail('invalid_input', 'input', 'termDates: expected { start, term, termIndex? }');
  }
  const anchorDay = epochDayOfMs(toInstantMs(input.start, 'start'));
  const months = termMonths(input.term);
  return formatTerm(anchorDay, months, checkTermIndex(input.termIndex));
}
