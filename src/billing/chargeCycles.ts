/**
 * The charge cycles of a term.
 * @module
 */
import {
  type BillingFrequency,
  type CalendarDay,
  type InstantInput,
  parseBillingFrequency,
  parseTerm,
  type Term,
} from '../core/index.js';
import {
  addMonthsToEpochDay,
  asRecord,
  checkTermIndex,
  cycleMonthsFor,
  epochDayOfMs,
  formatEpochDay,
  monthsOfTerm,
  readRenewalShape,
  shapedTerm,
  toInstantMs,
} from '../core/internal.js';

/**
 * One charge cycle: the days one charge covers. Both days are UTC and inclusive.
 * @category Billing
 */
export interface ChargeCycle {
  /** Position within the term: 0 = the first cycle. */
  readonly index: number;
  /** First day of the cycle (the day it is charged). */
  readonly start: CalendarDay;
  /** Last day of the cycle, inclusive (the day before the next cycle starts). */
  readonly end: CalendarDay;
}

/**
 * Input of {@link chargeCycles}.
 * @category Billing
 */
export interface ChargeCyclesInput {
  /** The purchase instant (effective start of the initial term); its UTC date is the anchor. */
  readonly purchasedAt: InstantInput;
  /** Term length. */
  readonly term: Term;
  /** Billing plan; its cycle may not be longer than the term. */
  readonly billingFrequency: BillingFrequency;
  /** Which term: 0 = initial (default), 1 = first renewal, ... */
  readonly termIndex?: number;
  /** Partner Center's `renewalTermDuration`: renewals last this long. */
  readonly renewalTerm?: Term;
  /** Partner Center's scheduled next-term changes: renewals use its `term`, `billingFrequency` (and `quantity`). */
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
 * @internal Read the shared `{ purchasedAt, term, billingFrequency, termIndex }`
 * fields; a renewal (`termIndex` ≥ 1) takes `renewalTerm` and
 * `scheduledNextTerm` into account.
 */
export function readCycleInput(r: Readonly<Record<string, unknown>>) {
  const anchorDay = epochDayOfMs(toInstantMs(r['purchasedAt'], 'purchasedAt'));
  const initialTerm = parseTerm(r['term'], 'term');
  const initialFrequency = parseBillingFrequency(r['billingFrequency'], 'billingFrequency');
  cycleMonthsFor(initialTerm, initialFrequency);
  const termIndex = checkTermIndex(r['termIndex']);
  const next = readRenewalShape(r);
  const renewal = termIndex > 0;
  const term = renewal ? (next.term ?? initialTerm) : initialTerm;
  const billingFrequency = renewal ? (next.billingFrequency ?? initialFrequency) : initialFrequency;
  const cycleMonths = cycleMonthsFor(
    term,
    billingFrequency,
    renewal && next.billingFrequency !== undefined
      ? 'scheduledNextTerm.billingFrequency'
      : 'billingFrequency',
  );
  const { offsetMonths } = shapedTerm(
    monthsOfTerm(initialTerm),
    monthsOfTerm(next.term ?? initialTerm),
    termIndex,
  );
  const quantity = renewal ? next.quantity : undefined;
  return { anchorDay, term, billingFrequency, cycleMonths, termIndex, offsetMonths, quantity };
}

/**
 * The charge cycles of one term: they partition the term exactly (the first
 * starts on the term's first day, each ends the day before the next starts,
 * the last ends on the term's last day). Cycle j of term k starts at
 * anchor + (k·N + j·M) months, N the term's months and M the cycle's
 * (monthly 1, annual 12, triennial 36), **counted from the anchor** and
 * clamped to the month's last day: a P1Y monthly plan bought Jan 31 has
 * cycles starting Jan 31, Feb 28, Mar 31, Apr 30, May 31, ...
 *
 * Deliberate deviation: one of Microsoft's month-end tables
 * (annual term, monthly plan, bought on the 30th of a 31-day month) starts
 * later cycles on "the day before the last day" of each month (e.g. Apr 29
 * for a purchase on Mar 30). That contradicts Microsoft's own monthly-term
 * table for the same purchase date, and we follow clamping from the anchor
 * everywhere: bought Mar 30, cycles start Mar 30, Apr 30, May 30, Jun 30, ...
 *
 * This computes any plan whose cycle fits the term; whether the SKU may use
 * it is {@link eligibleBillingFrequencies}' question.
 *
 * Renewals follow what Partner Center scheduled: pass the subscription's
 * `renewalTerm` and `scheduledNextTerm` (a subscription read by
 * `fromPartnerCenterSubscription` carries them) and terms from the first
 * renewal on have that length and billing plan.
 *
 * @param input - `purchasedAt`, `term`, `billingFrequency`, optional `termIndex` (0 = initial).
 * @returns The cycles in order, `{ index, start, end }` as `YYYY-MM-DD`.
 * @throws {@link core!CspRuleError} `invalid_billing_frequency` for an unknown
 *   frequency or one longer than the term (triennial for P1Y), `invalid_term`,
 *   `invalid_instant`/`ambiguous_local_time` for `purchasedAt`, `invalid_input` for
 *   a bad `termIndex` or a non-object input.
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { chargeCycles } from 'csp-software-rules/billing';
 *
 * const cycles = chargeCycles({ purchasedAt: '2021-01-31T09:30:00Z', term: 'P1Y', billingFrequency: 'monthly' });
 * cycles.slice(0, 3); // => [{ index: 0, start: '2021-01-31', end: '2021-02-27' }, { index: 1, start: '2021-02-28', end: '2021-03-30' }, { index: 2, start: '2021-03-31', end: '2021-04-29' }]
 * cycles[11]; // => { index: 11, start: '2021-12-31', end: '2022-01-30' }
 * chargeCycles({ purchasedAt: '2021-01-31', term: 'P1M', billingFrequency: 'monthly', termIndex: 1 }); // => [{ index: 0, start: '2021-02-28', end: '2021-03-30' }]
 * chargeCycles({ purchasedAt: '2022-03-15', term: 'P3Y', billingFrequency: 'annual' }).map((c) => c.start); // => ['2022-03-15', '2023-03-15', '2024-03-15']
 * chargeCycles({ purchasedAt: '2022-03-15', term: 'P1Y', billingFrequency: 'triennial' }); // => throws invalid_billing_frequency
 * // A P1M subscription scheduled to renew as P1Y billed annually:
 * const renewal = { purchasedAt: '2024-01-31', term: 'P1M', billingFrequency: 'monthly', scheduledNextTerm: { term: 'P1Y', billingFrequency: 'annual' } } as const;
 * chargeCycles({ ...renewal, termIndex: 1 }); // => [{ index: 0, start: '2024-02-29', end: '2025-02-27' }]
 * chargeCycles({ ...renewal, termIndex: 2 }); // => [{ index: 0, start: '2025-02-28', end: '2026-02-27' }]
 * ```
 * @category Billing
 */
export function chargeCycles(input: ChargeCyclesInput): ChargeCycle[] {
  const { anchorDay, term, cycleMonths, offsetMonths } = readCycleInput(asRecord(input, 'input'));
  // Built directly (not as core's cycles then mapped): one object per cycle.
  const perTerm = monthsOfTerm(term) / cycleMonths;
  const out: ChargeCycle[] = [];
  let startDay = addMonthsToEpochDay(anchorDay, offsetMonths);
  for (let j = 0; j < perTerm; j++) {
    const next = addMonthsToEpochDay(anchorDay, offsetMonths + (j + 1) * cycleMonths);
    out.push({ index: j, start: formatEpochDay(startDay), end: formatEpochDay(next - 1) });
    startDay = next;
  }
  return out;
}
