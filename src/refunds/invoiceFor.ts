/**
 * The monthly invoice an instant belongs to (S8).
 * @module
 */
import type { CalendarDay, InstantInput } from '../core/index.js';
import {
  epochDayFromYmd,
  epochDayOfMs,
  formatEpochDay,
  inForceAtMs,
  toInstantMs,
  ymdFromEpochDay,
} from '../core/internal.js';
import { INVOICE_PERIOD_POLICY, type InvoicePeriodRule } from './policy.js';

/**
 * A new-commerce billing period (one UTC calendar month) and when its invoice
 * becomes available.
 * @category Refunds
 */
export interface InvoicePeriod {
  /** The billing period, `YYYY-MM` (UTC calendar month). */
  readonly billingPeriod: string;
  /** First day of the period (the 1st of the month). */
  readonly periodStart: CalendarDay;
  /** Last day of the period, inclusive (the month's last day). */
  readonly periodEnd: CalendarDay;
  /** The first day the invoice and reconciliation file can be available: the 6th of the following month. */
  readonly availableFrom: CalendarDay;
  /** The day by which they are available: the 8th of the following month. */
  readonly availableBy: CalendarDay;
}

// A batch cancels at a handful of instants, so a handful of months: memoise
// each month's (frozen) period. Bounded, and invisible to callers.
let periods: Map<number, { readonly rule: unknown; readonly period: InvoicePeriod }> | undefined;

/** @internal The invoice period of an instant given as epoch milliseconds. */
export function invoiceAtMs(ms: number): InvoicePeriod {
  const rule = inForceAtMs(INVOICE_PERIOD_POLICY, ms).value;
  const [y, m] = ymdFromEpochDay(epochDayOfMs(ms));
  periods ??= new Map();
  const key = y * 12 + m;
  const hit = periods.get(key);
  if (hit !== undefined && hit.rule === rule) return hit.period;
  const period = periodOf(y, m, rule);
  if (periods.size >= 1024) periods.clear();
  periods.set(key, { rule, period });
  return period;
}

function periodOf(y: number, m: number, rule: InvoicePeriodRule): InvoicePeriod {
  // Days written by core's formatter: December 9999's invoice, dated in year
  // 10000, is its invalid_range like any other day past 9999-12-31.
  const next = epochDayFromYmd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
  const periodStart = formatEpochDay(epochDayFromYmd(y, m, 1));
  return Object.freeze({
    billingPeriod: periodStart.slice(0, 7),
    periodStart,
    periodEnd: formatEpochDay(next - 1),
    availableFrom: formatEpochDay(next + rule.availableFromDay - 1),
    availableBy: formatEpochDay(next + rule.availableByDay - 1),
  });
}

/**
 * The billing period an instant falls in, and when that period's invoice
 * becomes available. New commerce bills by UTC calendar month; the invoice and
 * reconciliation file for a month become available between the 6th and the
 * 8th of the following month. A refund or credit from a cancellation lands on
 * the invoice of the month in which the cancellation happened (our reading of
 * "the next monthly invoice"): `invoiceFor(asOf)`.
 *
 * @param instant - A `Date`, an ISO-8601 string with `Z`/offset, or `YYYY-MM-DD` (00:00Z).
 * @returns The period (`YYYY-MM`, first and last day) and the invoice's availability days.
 * @throws {@link core!CspRuleError} `invalid_instant` or `ambiguous_local_time` for a bad instant; `invalid_range` in December 9999 (its invoice would be dated in year 10000).
 * @see https://learn.microsoft.com/partner-center/billing/billing-basics
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { invoiceFor } from 'csp-software-rules/refunds';
 *
 * invoiceFor('2024-02-17T10:00:00Z'); // => { billingPeriod: '2024-02', periodStart: '2024-02-01', periodEnd: '2024-02-29', availableFrom: '2024-03-06', availableBy: '2024-03-08' }
 * invoiceFor('2023-12-31T23:30:00-02:00').billingPeriod; // => '2024-01'
 * invoiceFor('2023-12-31T10:00:00Z').availableBy; // => '2024-01-08'
 * invoiceFor('2024-01-15T10:00'); // => throws ambiguous_local_time
 * ```
 * @category Refunds
 */
export function invoiceFor(instant: InstantInput): InvoicePeriod {
  return invoiceAtMs(toInstantMs(instant, 'instant'));
}
