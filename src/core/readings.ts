/**
 * The reading behind each version of the library's dated policies, as text
 * for people. Kept beside `SOURCES` rather than in the policy tables, so a
 * rule area ships its dates, values and sources and not their prose.
 * @module
 */
import type { CalendarDay } from './calendar.js';
import { frozen } from './frozen.js';

/**
 * The reading the library takes for each version of its built-in dated
 * policies, where Microsoft's documents disagree or are silent: keyed by the
 * policy's rule id, then by the version's `effectiveFrom`, exactly as a
 * decision's `rules` names them. Every version of every built-in policy has
 * one, except the perpetual credit's (Microsoft states it; there is nothing
 * to read into it); `docs/policy-readings.md` gives the documents behind
 * each. A policy you pass yourself carries its own `note`.
 *
 * @example
 * ```ts
 * import { POLICY_READINGS } from 'csp-software-rules/core';
 * import { evaluateCancellation } from 'csp-software-rules/cancellation';
 *
 * const d = evaluateCancellation(
 *   { kind: 'perpetual', purchasedAt: '2022-05-02T10:00:00Z', quantity: 1, unitPrice: '100', currency: 'EUR' },
 *   { asOf: '2022-05-10T10:00:00Z' },
 * );
 * const rule = d.rules[0];
 * rule?.id; // => 'cancellation.perpetual_window'
 * POLICY_READINGS[rule?.id ?? '']?.[rule?.effectiveFrom ?? '']; // => 'Within 30 days of the purchase date. Default reading: 30 × 24 elapsed hours from the purchase instant.'
 * ```
 * @category Policy
 */
export const POLICY_READINGS: Readonly<
  Record<string, Readonly<Record<CalendarDay, string>> | undefined>
> = /* @__PURE__ */ frozen({
  // ACTIVATION_CHANNEL_POLICY
  'activation.channel_methods': {
    '0000-01-01': 'Microsoft dates no change of this rule: in force for any date.',
  },
  // AZURE_HYBRID_BENEFIT_POLICY
  'activation.azure_hybrid_benefit': {
    '0000-01-01':
      'S1 says editions "convert or reuse"; which does which is from the Windows Server Azure Hybrid Benefit page (Azure migration allowance). Microsoft dates no change: in force for any date.',
  },
  // BILLING_PLAN_POLICY
  'billing.plan_eligibility': {
    '0000-01-01':
      'Before 2021-10-22 (our reading): billed upfront, the frequency equal to the term.',
    '2021-10-22':
      'As of 2021-10-22: three-year SKUs annual or triennial; Windows Remote Desktop Server CAL 2022 monthly (added to what its term allows: our reading).',
  },
  // CANCELLATION_EFFECTS_POLICY
  'cancellation.effects': {
    '0000-01-01': 'Stated under perpetual software; applied to subscriptions too (our reading).',
  },
  // FREQUENCY_CHANGE_POLICY
  'billing.frequency_change_next_term': {
    '0000-01-01':
      'A billing-frequency change on a software subscription is scheduled for the next term.',
  },
  // FULL_REFUND_TIER_POLICY
  'refunds.full_refund_within': {
    '0000-01-01':
      'An option: the software page (S1) promises only a prorated refund, which already refunds a same-day cancellation in full.',
  },
  // FULL_TERM_BILLING_POLICY
  'cancellation.full_term_billed': {
    '0000-01-01': 'For perpetual software the one-time charge likewise stays billed (our reading).',
  },
  // INVOICE_PERIOD_POLICY
  'refunds.invoice_period': {
    '0000-01-01':
      'Partner Center states dates in UTC. "Next monthly invoice" read as the invoice of the billing period (month) in which the cancellation happened.',
  },
  // KMS_ACTIVATION_POLICY
  'activation.kms_timings': {
    '0000-01-01': 'S6 gives no date for these timings: in force for any date.',
  },
  // NON_CANCELLABLE_PUBLISHERS_POLICY
  'cancellation.non_cancellable_publishers': {
    '0000-01-01':
      'The Italian page of S1 writes "RedHat"; the publishers are Red Hat, Inc. and SUSE LLC.',
  },
  // PARTNER_CENTER_DEADLINE_POLICY
  'cancellation.partner_center_deadline': {
    '0000-01-01':
      'Allowed while asOf ≤ cancellationAllowedUntilDate. A value older than the current term opening is stale (from an earlier term) and ignored.',
  },
  // PERMISSIONS
  'access.permissions': {
    '0000-01-01': 'S1 gives no date for its role table: in force for any date.',
  },
  // PERPETUAL_CANCELLATION_POLICY
  'cancellation.perpetual_window': {
    '0000-01-01':
      'Within 30 days of the purchase date. Default reading: 30 × 24 elapsed hours from the purchase instant.',
  },
  // PRORATED_REFUND_POLICY
  'refunds.prorated_refund': {
    '0000-01-01':
      'The cancellation day is refunded, the days before it are charged. cycleDays = the charge cycle length (our reading); S3 words it as the calendar days of the month (365 or 366 for a year), offered as an option.',
  },
  // SUBSCRIPTION_LIFECYCLE_POLICY
  'lifecycle.subscription_states': {
    '0000-01-01':
      'S10 describes license-based offers; applying it to software subscriptions is our reading. A suspended term ends in the 30-day disabled state (Disabled section: "moved to this 30-day disabled state"), not in expired (Suspended section: "If the subscription is still suspended by the term\'s end, the subscription moves to the expired state."): option suspendedTermEndsIn. A legacy suspended subscription is deleted 90 days after suspension ("after 90 days"), not "by the term\'s end": option legacySuspendedDeletion.',
  },
  // PURCHASE_DATE_POLICY
  'lifecycle.purchase_date_visibility': {
    '0000-01-01':
      'Bought before 2021-10-14: expires on the end date set at purchase. Software page: our reading (it lists all software bought).',
    '2021-10-14':
      'Bought on or after 2021-10-14 (the Italian page lost "or after"; the English original has it).',
  },
  // BILLING_PLAN_CHANGE_POLICY
  'reconciliation.billing_plan_change': {
    '0000-01-01':
      "A billing-plan change prorates the new plan's first charge by days for software subscriptions (our reading: like every other line); by whole months left in the cycle, the month of the change counted, for license-based ones (S3's worked example). Option billingPlanChangeProration.",
  },
  // LINE_ROUNDING_POLICY
  'reconciliation.line_rounding': {
    '0000-01-01':
      "Both readings truncate toward zero. Default: truncate the effective unit price to the minor unit (after PCToBCExchangeRate), then multiply by the quantity (S13's Subtotal; S3's FAQ example). Also accepted: keep the effective unit price exact and truncate the line total (S3's tables that show an exact effective unit price).",
  },
  // RECONCILIATION_LINES_POLICY
  'reconciliation.lines': {
    '0000-01-01':
      'Effective unit price = unit price ÷ charge-cycle days × billed days, billed days from the event day to the cycle end, both included (S11). A seat change wipes the old quantity and recreates the new one over the same days. Each line lands on the calendar month (UTC) of its charge start.',
  },
  // REFUND_ROUNDING_POLICY
  'refunds.rounding': {
    '0000-01-01':
      "Microsoft's examples truncate the per-unit amount, then multiply by the quantity.",
  },
  // SEAT_REDUCTION_POLICY
  'cancellation.seat_reduction': {
    '0000-01-01':
      "Software subscriptions: no seat reduction mid-term (S2). License-based: refundableQuantity decides, each seat group until its allowedUntil; without it, our forecast: every seat while the term's cancellation window is open.",
  },
  // SUBSCRIPTION_CANCELLATION_POLICY
  'cancellation.subscription_window': {
    '0000-01-01':
      'Seven days of any term (S1, S2). Default reading: 168 elapsed hours from the term opening instant ("starts precisely at ... renewal completion", S2), the earlier of the two readings.',
  },
});
