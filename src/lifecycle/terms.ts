/**
 * Term arithmetic on epoch days: every term counted from the
 * original anchor, end inclusive, renewal the next day.
 * @module
 */
import { type InstantInput, type Term, termMonths } from '../core/index.js';
import {
  checkTermIndex,
  epochDayOfMs,
  fail,
  formatTerm,
  type TermDates,
  toInstantMs,
} from '../core/internal.js';

export type { TermDates };

/** Input of {@link termDates}. @category Lifecycle */
export interface TermDatesInput {
  /** The purchase instant (effective start of the initial term); its UTC date is the anchor. */
  readonly purchasedAt: InstantInput;
  /** Term length. */
  readonly term: Term;
  /** Which term: 0 = initial (default). */
  readonly termIndex?: number;
}

/**
 * The dates of a term: `start`, inclusive `end` (start + N months − 1 day) and
 * `renewsOn` (the next day). Term `k` starts `k × N` months after the anchor,
 * counted from the anchor and clamped to the month's end, so a term bought on
 * the 31st never drifts: a P1M bought Jan 31 runs Jan 31–Feb 27, Feb 28–Mar
 * 30, Mar 31–Apr 29...
 *
 * @param input - `purchasedAt` (its UTC date is the anchor), `term`, `termIndex` (0 = initial).
 * @returns The term's dates as `YYYY-MM-DD`.
 * @throws {@link core!CspRuleError} `invalid_instant`/`ambiguous_local_time` for `purchasedAt`, `invalid_term`, `invalid_input` for a bad `termIndex`, `invalid_range` for a term past 9999-12-31.
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { termDates } from 'csp-software-rules/lifecycle';
 *
 * termDates({ purchasedAt: '2021-01-31', term: 'P1Y' }); // => { termIndex: 0, start: '2021-01-31', end: '2022-01-30', renewsOn: '2022-01-31' }
 * termDates({ purchasedAt: '2021-01-31T09:00:00Z', term: 'P1M', termIndex: 1 }).end; // => '2021-03-30'
 * termDates({ purchasedAt: '2020-02-29', term: 'P1Y', termIndex: 1 }).start; // => '2021-02-28'
 * ```
 * @category Lifecycle
 */
export function termDates(input: TermDatesInput): TermDates {
  if (typeof input !== 'object' || input === null) {
    fail('invalid_input', 'input', 'termDates: expected { purchasedAt, term, termIndex? }');
  }
  const anchorDay = epochDayOfMs(toInstantMs(input.purchasedAt, 'purchasedAt'));
  const months = termMonths(input.term);
  return formatTerm(anchorDay, months, checkTermIndex(input.termIndex));
}
