/**
 * Term arithmetic on epoch days: every term counted from the
 * original anchor, end inclusive, renewal the next day.
 * @module
 */
import { type BillingFrequency, type InstantInput, type Term, termMonths } from '../core/index.js';
import {
  addMonthsToEpochDay,
  checkTermIndex,
  epochDayOfMs,
  fail,
  formatEpochDay,
  formatTerm,
  readRenewalShape,
  shapedTerm,
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
  /** Partner Center's `renewalTermDuration`: renewals last this long. */
  readonly renewalTerm?: Term;
  /** Partner Center's scheduled next-term changes: renewals last its `term` (when no `renewalTerm`); the other fields are read by the billing rules. */
  readonly scheduledNextTerm?: {
    /** The renewals' term length. */
    readonly term?: Term;
    /** The renewals' billing plan. */
    readonly billingFrequency?: BillingFrequency;
    /** The renewals' seats (read by `installmentSchedule`). */
    readonly quantity?: number;
  };
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
 * // Partner Center's renewalTermDuration: renewals last a year, still counted from the anchor.
 * termDates({ purchasedAt: '2024-01-31', term: 'P1M', renewalTerm: 'P1Y', termIndex: 1 }); // => { termIndex: 1, start: '2024-02-29', end: '2025-02-27', renewsOn: '2025-02-28' }
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
  const k = checkTermIndex(input.termIndex);
  const next = readRenewalShape(input as unknown as Readonly<Record<string, unknown>>).term;
  if (k === 0 || next === undefined) return formatTerm(anchorDay, months, k);
  // Renewals last the scheduled length, counted from the anchor.
  const shaped = shapedTerm(months, termMonths(next), k);
  const startDay = addMonthsToEpochDay(anchorDay, shaped.offsetMonths);
  const endDay = addMonthsToEpochDay(anchorDay, shaped.offsetMonths + shaped.months) - 1;
  return {
    termIndex: k,
    start: formatEpochDay(startDay),
    end: formatEpochDay(endDay),
    renewsOn: formatEpochDay(endDay + 1),
  };
}
