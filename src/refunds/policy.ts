/**
 * Refund and credit policy as data: the prorated refund of a
 * software subscription, its default rounding, the optional 24-hour full
 * refund, the 100% credit of perpetual software, and the monthly invoice a
 * refund or credit lands on. Each is a dated policy with its Microsoft source.
 * @module
 */
import type { DatedPolicy, RoundingMode } from '../core/index.js';
import { frozen, S1_URL, S3_URL, S8_URL } from '../core/internal.js';

/**
 * How a subscription's prorated refund is counted.
 * @category Refunds
 */
export interface ProratedRefundRule {
  /** The days refunded: from the cancellation day to the end of the current charge cycle, both included. */
  readonly refundDays: 'cancellation_day_to_cycle_end';
  /** The default day count of the cycle: its own length in days (`'cycle'`). */
  readonly cycleDays: 'cycle';
  /** Whether the term's later charge cycles are still billed after a cancellation (never). */
  readonly futureCyclesBilled: false;
}

/**
 * The default rounding of a prorated refund.
 * @category Refunds
 */
export interface RefundRoundingRule {
  /** How the exact amount becomes whole minor units. */
  readonly mode: RoundingMode;
  /** Round each unit's refund then multiply by the quantity (`'per_unit'`), or round the total once (`'total'`). */
  readonly apply: 'per_unit' | 'total';
}

/**
 * The full-refund tier Microsoft's billing pages promise new-commerce purchases.
 * @category Refunds
 */
export interface FullRefundTierRule {
  /** The ISO-8601 duration after the term opens within which the whole cycle is refunded. */
  readonly within: string;
}

/**
 * The credit of a cancelled perpetual software order.
 * @category Refunds
 */
export interface PerpetualCreditRule {
  /** Percentage of the cancelled order (or licences) credited. */
  readonly percent: number;
}

/**
 * The new-commerce billing period and when its invoice becomes available.
 * @category Refunds
 */
export interface InvoicePeriodRule {
  /** The billing period: one UTC calendar month. */
  readonly period: 'utc_calendar_month';
  /** Day of the following month from which the invoice can be available. */
  readonly availableFromDay: number;
  /** Day of the following month by which the invoice is available. */
  readonly availableByDay: number;
  /** Which invoice a cancellation's refund or credit lands on: the one of the month of the cancellation (our reading). */
  readonly cancellationLandsOn: 'month_of_cancellation';
}

/**
 * A software subscription cancelled inside its window gets a prorated refund
 * of the **current charge cycle**: per unit `unitPrice × refundDays /
 * cycleDays`, `refundDays` running from the cancellation day to the cycle end
 * (both included), `cycleDays` the cycle's own length in days (our reading;
 * Microsoft's "calendar days of the month when you buy" is an option). The
 * term's later charge cycles are not billed. One version, from 0000-01-01.
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { PRORATED_REFUND_POLICY } from 'csp-software-rules/refunds';
 *
 * PRORATED_REFUND_POLICY.versions[0]?.value.refundDays; // => 'cancellation_day_to_cycle_end'
 * ```
 * @category Refunds
 */
export const PRORATED_REFUND_POLICY: DatedPolicy<ProratedRefundRule> = /* @__PURE__ */ frozen({
  id: 'refunds.prorated_refund',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: {
        refundDays: 'cancellation_day_to_cycle_end',
        cycleDays: 'cycle',
        futureCyclesBilled: false,
      },
    },
  ],
});

/**
 * Microsoft's published billing examples truncate the per-unit refund to the
 * currency's minor unit, then multiply by the quantity (10 licences at EUR
 * 10.08, 29 of 31 days: 9.4296… → 9.42 × 10 = EUR 94.20). That is the default;
 * `half_even` and `half_up`, per unit or on the total, are options.
 *
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { REFUND_ROUNDING_POLICY } from 'csp-software-rules/refunds';
 *
 * REFUND_ROUNDING_POLICY.versions[0]?.value; // => { mode: 'truncate', apply: 'per_unit' }
 * ```
 * @category Refunds
 */
export const REFUND_ROUNDING_POLICY: DatedPolicy<RefundRoundingRule> = /* @__PURE__ */ frozen({
  id: 'refunds.rounding',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S3_URL,
      value: { mode: 'truncate', apply: 'per_unit' },
    },
  ],
});

/**
 * Microsoft's billing pages promise new-commerce purchases a **full** refund
 * within 24 hours of purchase or renewal; the software page speaks only of a
 * prorated refund. Applied only when the caller asks for it
 * (`fullRefundWithin: 'PT24H'`).
 *
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { FULL_REFUND_TIER_POLICY } from 'csp-software-rules/refunds';
 *
 * FULL_REFUND_TIER_POLICY.versions[0]?.value.within; // => 'PT24H'
 * ```
 * @category Refunds
 */
export const FULL_REFUND_TIER_POLICY: DatedPolicy<FullRefundTierRule> = /* @__PURE__ */ frozen({
  id: 'refunds.full_refund_within',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S3_URL,
      value: { within: 'PT24H' },
    },
  ],
});

/**
 * A cancelled perpetual software order is credited **100%** (no early
 * termination fee) on the next monthly invoice.
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { PERPETUAL_CREDIT_POLICY } from 'csp-software-rules/refunds';
 *
 * PERPETUAL_CREDIT_POLICY.versions[0]?.value; // => { percent: 100 }
 * ```
 * @category Refunds
 */
export const PERPETUAL_CREDIT_POLICY: DatedPolicy<PerpetualCreditRule> = /* @__PURE__ */ frozen({
  id: 'refunds.perpetual_credit',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: { percent: 100 },
    },
  ],
});

/**
 * The new-commerce billing period is one UTC calendar month; its invoice and
 * reconciliation file become available between the 6th and the 8th of the
 * following month. A cancellation's refund or credit lands on the invoice of
 * the month in which the cancellation happened (our reading of "the next
 * monthly invoice").
 *
 * @see https://learn.microsoft.com/partner-center/billing/billing-basics
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { INVOICE_PERIOD_POLICY } from 'csp-software-rules/refunds';
 *
 * INVOICE_PERIOD_POLICY.versions[0]?.value.availableByDay; // => 8
 * ```
 * @category Refunds
 */
export const INVOICE_PERIOD_POLICY: DatedPolicy<InvoicePeriodRule> = /* @__PURE__ */ frozen({
  id: 'refunds.invoice_period',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S8_URL,
      value: {
        period: 'utc_calendar_month',
        availableFromDay: 6,
        availableByDay: 8,
        cancellationLandsOn: 'month_of_cancellation',
      },
    },
  ],
});
