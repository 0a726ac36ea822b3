/**
 * Reconciliation policy as data: how Microsoft turns a subscription's events
 * into reconciliation lines, the two rounding readings of its published
 * tables, and how a billing-plan change prorates the new plan's first charge.
 * Each is a dated policy with its Microsoft source.
 * @module
 */
import type { DatedPolicy } from '../core/index.js';
import { frozen, S3_URL, S11_URL, S13_URL } from '../core/internal.js';

/**
 * How an event becomes reconciliation lines (S11, S3).
 * @category Reconciliation
 */
export interface ReconciliationLinesRule {
  /** Effective unit price = unit price ÷ charge-cycle days × billed days. */
  readonly effectiveUnitPrice: 'unit_price_over_cycle_days_times_billed_days';
  /** Billed days run from the event day to the charge cycle's end, both included. */
  readonly billedDays: 'event_day_to_cycle_end';
  /** A seat change bills the old quantity negative and the new one positive, over the same days. */
  readonly seatChange: 'wipe_and_recreate';
  /** The billing period of a line: the UTC calendar month of its event day (its charge start). */
  readonly period: 'calendar_month_of_event_day';
}

/**
 * How an exact line amount becomes whole minor units; both readings truncate
 * toward zero (−112.258 → −112.25):
 * - `'truncate_unit_price'`: the effective unit price is truncated to the
 *   minor unit (after the exchange rate), then multiplied by the quantity
 *   (S13's Subtotal for license-based lines; S3's worked example);
 * - `'truncate_line_total'`: the effective unit price stays exact and the
 *   line total is truncated (the tables of S3 that show an exact effective
 *   unit price).
 * @category Reconciliation
 */
export type LineRounding = 'truncate_unit_price' | 'truncate_line_total';

/** Every {@link LineRounding}, the default first. @category Reconciliation */
export const LINE_ROUNDINGS: readonly LineRounding[] = /* @__PURE__ */ frozen([
  'truncate_unit_price',
  'truncate_line_total',
]);

/**
 * The rounding readings of reconciliation lines: the default, and every
 * documented reading a billed line may fit.
 * @category Reconciliation
 */
export interface LineRoundingRule {
  /** The reading expected lines are computed with. */
  readonly default: LineRounding;
  /** The readings a billed line is accepted under, the default first. */
  readonly accepted: readonly LineRounding[];
}

/**
 * How a billing-plan change prorates the new plan's first charge:
 * - `'days'`: like every other line, by the days left in the new plan's
 *   charge cycle (software subscriptions, by default);
 * - `'whole_months'`: by the whole months left in it, the month of the
 *   change counted (Microsoft's license-based example: the default for
 *   `productType: 'license_based'`).
 * @category Reconciliation
 */
export type BillingPlanChangeProration = 'days' | 'whole_months';

/** Every {@link BillingPlanChangeProration}. @category Reconciliation */
export const BILLING_PLAN_CHANGE_PRORATIONS: readonly BillingPlanChangeProration[] =
  /* @__PURE__ */ frozen(['days', 'whole_months']);

/**
 * The default proration of a billing-plan change, per product type.
 * @category Reconciliation
 */
export interface BillingPlanChangeRule {
  /** Software subscriptions. */
  readonly software: BillingPlanChangeProration;
  /** New commerce license-based subscriptions. */
  readonly license_based: BillingPlanChangeProration;
}

/**
 * The lines a subscription's events produce: effective unit price = unit
 * price ÷ charge-cycle days × billed days, billed days from the event day to
 * the cycle's end (both included), a seat change as a wipe of the old
 * quantity and a recreate of the new one, each line on the billing period of
 * its event day.
 *
 * @see https://learn.microsoft.com/partner-center/billing/recon-file-charge-types
 * @example
 * ```ts
 * import { RECONCILIATION_LINES_POLICY } from 'csp-software-rules/reconciliation';
 *
 * RECONCILIATION_LINES_POLICY.versions[0]?.value.seatChange; // => 'wipe_and_recreate'
 * ```
 * @category Reconciliation
 */
export const RECONCILIATION_LINES_POLICY: DatedPolicy<ReconciliationLinesRule> =
  /* @__PURE__ */ frozen({
    id: 'reconciliation.lines',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S11_URL,
        value: {
          effectiveUnitPrice: 'unit_price_over_cycle_days_times_billed_days',
          billedDays: 'event_day_to_cycle_end',
          seatChange: 'wipe_and_recreate',
          period: 'calendar_month_of_event_day',
        },
      },
    ],
  });

/**
 * The rounding of reconciliation lines: truncate the effective unit price,
 * then multiply (default); a billed line that truncates the line total
 * instead is accepted and said to fit that reading.
 *
 * @see https://learn.microsoft.com/partner-center/billing/modern-invoice-reconciliation-file
 * @example
 * ```ts
 * import { LINE_ROUNDING_POLICY } from 'csp-software-rules/reconciliation';
 *
 * LINE_ROUNDING_POLICY.versions[0]?.value.default; // => 'truncate_unit_price'
 * ```
 * @category Reconciliation
 */
export const LINE_ROUNDING_POLICY: DatedPolicy<LineRoundingRule> = /* @__PURE__ */ frozen({
  id: 'reconciliation.line_rounding',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S13_URL,
      value: { default: 'truncate_unit_price', accepted: LINE_ROUNDINGS },
    },
  ],
});

/**
 * How a billing-plan change prorates the new plan's first charge: by days for
 * software subscriptions, by whole months for license-based ones (S3's
 * license-based example).
 *
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { BILLING_PLAN_CHANGE_POLICY } from 'csp-software-rules/reconciliation';
 *
 * BILLING_PLAN_CHANGE_POLICY.versions[0]?.value; // => { software: 'days', license_based: 'whole_months' }
 * ```
 * @category Reconciliation
 */
export const BILLING_PLAN_CHANGE_POLICY: DatedPolicy<BillingPlanChangeRule> =
  /* @__PURE__ */ frozen({
    id: 'reconciliation.billing_plan_change',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S3_URL,
        value: { software: 'days', license_based: 'whole_months' },
      },
    ],
  });
