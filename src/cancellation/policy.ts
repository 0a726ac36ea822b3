/**
 * Cancellation policy as data: window lengths, publishers whose
 * plans can never be cancelled, the full-term billing rule, what a
 * cancellation sets in motion. Each is a dated policy with its source.
 * @module
 */
import type { DatedPolicy } from '../core/index.js';
import { frozen, S1_URL, S2_URL, S4_URL } from '../core/internal.js';

/**
 * The length of a cancellation window, in days. With the default
 * `'elapsed_hours'` reading the window lasts `days × 24` hours from its
 * opening instant; with `'calendar_days'` its last day is the opening day + `days`.
 * @category Cancellation
 */
export interface CancellationWindowRule {
  /** Whole days (at least 1). */
  readonly days: number;
}

/**
 * The publishers whose software plans can never be cancelled (or exchanged).
 * @category Cancellation
 */
export interface NonCancellablePublishersRule {
  /** Canonical publisher names, e.g. `'Red Hat'`. */
  readonly publishers: readonly string[];
}

/**
 * What a confirmed cancellation sets in motion.
 * @category Cancellation
 */
export interface CancellationEffectsRule {
  /** Minutes a confirmed cancellation can take to appear in Partner Center. */
  readonly visibilityDelayMinutes: number;
  /** Percentage of a cancelled perpetual order credited on the next monthly invoice. */
  readonly perpetualCreditPercent: number;
}

/**
 * Partner Center's deadline rule: the deadline itself is still allowed.
 * @category Cancellation
 */
export interface PartnerCenterDeadlineRule {
  /** Cancelling is allowed while `asOf ≤ cancellationAllowedUntilDate` (the deadline is inclusive). */
  readonly inclusive: true;
}

/**
 * The full-term billing rule after the window.
 * @category Cancellation
 */
export interface FullTermBillingRule {
  /** The whole term stays billed on any billing plan (monthly, annual, triennial). */
  readonly anyBillingPlan: true;
}

/**
 * The software-subscription cancellation window: the first **seven days of
 * any term** (initial and every renewal). One version, in force from
 * 0000-01-01, so it applies whatever the purchase date: the date the window
 * became seven days is not documented (it was 60 days in 2019 and 30 days in
 * Partner Center's 2021 samples). To audit old purchases, pass your own dated
 * policy as `options.policy`; it is evaluated at the opening instant of the term.
 *
 * @see https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { SUBSCRIPTION_CANCELLATION_POLICY } from 'csp-software-rules/cancellation';
 *
 * SUBSCRIPTION_CANCELLATION_POLICY.versions[0]?.value; // => { days: 7 }
 * SUBSCRIPTION_CANCELLATION_POLICY.versions[0]?.effectiveFrom; // => '0000-01-01'
 * ```
 * @category Cancellation
 */
export const SUBSCRIPTION_CANCELLATION_POLICY: DatedPolicy<CancellationWindowRule> =
  /* @__PURE__ */ frozen({
    id: 'cancellation.subscription_window',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S2_URL,
        value: { days: 7 },
      },
    ],
  });

/**
 * The perpetual-software cancellation window: **30 days** from the purchase
 * (no early termination fee). One version, in force from 0000-01-01 (the
 * default whatever the purchase date; pass your own dated policy to audit).
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { PERPETUAL_CANCELLATION_POLICY } from 'csp-software-rules/cancellation';
 *
 * PERPETUAL_CANCELLATION_POLICY.versions[0]?.value; // => { days: 30 }
 * ```
 * @category Cancellation
 */
export const PERPETUAL_CANCELLATION_POLICY: DatedPolicy<CancellationWindowRule> =
  /* @__PURE__ */ frozen({
    id: 'cancellation.perpetual_window',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S1_URL,
        value: { days: 30 },
      },
    ],
  });

/**
 * Red Hat and SUSE software plans can never be cancelled or exchanged.
 * Publisher names are matched by `nonCancellablePublisher`.
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { NON_CANCELLABLE_PUBLISHERS_POLICY } from 'csp-software-rules/cancellation';
 *
 * NON_CANCELLABLE_PUBLISHERS_POLICY.versions[0]?.value.publishers; // => ['Red Hat', 'SUSE']
 * ```
 * @category Cancellation
 */
export const NON_CANCELLABLE_PUBLISHERS_POLICY: DatedPolicy<NonCancellablePublishersRule> =
  /* @__PURE__ */ frozen({
    id: 'cancellation.non_cancellable_publishers',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S1_URL,
        value: { publishers: ['Red Hat', 'SUSE'] },
      },
    ],
  });

/**
 * Partner Center's own `cancellationAllowedUntilDate` is authoritative for the
 * term it falls in: cancelling is allowed while `asOf` ≤ that instant.
 *
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @example
 * ```ts
 * import { PARTNER_CENTER_DEADLINE_POLICY } from 'csp-software-rules/cancellation';
 *
 * PARTNER_CENTER_DEADLINE_POLICY.id; // => 'cancellation.partner_center_deadline'
 * ```
 * @category Cancellation
 */
export const PARTNER_CENTER_DEADLINE_POLICY: DatedPolicy<PartnerCenterDeadlineRule> =
  /* @__PURE__ */ frozen({
    id: 'cancellation.partner_center_deadline',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S4_URL,
        value: { inclusive: true },
      },
    ],
  });

/**
 * After the window, a software subscription cannot be cancelled and the
 * partner is billed for the full term, even if the customer stops paying or
 * using it, on any billing plan.
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { FULL_TERM_BILLING_POLICY } from 'csp-software-rules/cancellation';
 *
 * FULL_TERM_BILLING_POLICY.versions[0]?.value; // => { anyBillingPlan: true }
 * ```
 * @category Cancellation
 */
export const FULL_TERM_BILLING_POLICY: DatedPolicy<FullTermBillingRule> = /* @__PURE__ */ frozen({
  id: 'cancellation.full_term_billed',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: { anyBillingPlan: true },
    },
  ],
});

/**
 * What follows a confirmed cancellation: keys and download links revoked, the
 * item stays on the Software page without an activation key, the software
 * must be uninstalled, a perpetual order is credited 100% on the next monthly
 * invoice, and the cancellation can take up to 15 minutes to appear in
 * Partner Center. The page states these under perpetual software; applying
 * them to subscriptions too is our reading.
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { CANCELLATION_EFFECTS_POLICY } from 'csp-software-rules/cancellation';
 *
 * CANCELLATION_EFFECTS_POLICY.versions[0]?.value; // => { visibilityDelayMinutes: 15, perpetualCreditPercent: 100 }
 * ```
 * @category Cancellation
 */
export const CANCELLATION_EFFECTS_POLICY: DatedPolicy<CancellationEffectsRule> =
  /* @__PURE__ */ frozen({
    id: 'cancellation.effects',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S1_URL,
        value: { visibilityDelayMinutes: 15, perpetualCreditPercent: 100 },
      },
    ],
  });

/**
 * Which product types' seats may be reduced mid-term.
 * @category Cancellation
 */
export interface SeatReductionRule {
  /** Product types whose quantity may be lowered within each seat group's deadline. */
  readonly reducibleProductTypes: readonly ('software' | 'license_based')[];
}

/**
 * Seat reductions: Partner Center does not reduce a software subscription's
 * quantity mid-term; a license-based subscription's seats may be reduced,
 * each group until its own deadline (`refundableQuantity`). One version, in
 * force from 0000-01-01.
 *
 * @see https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy
 * @example
 * ```ts
 * import { SEAT_REDUCTION_POLICY } from 'csp-software-rules/cancellation';
 *
 * SEAT_REDUCTION_POLICY.versions[0]?.value; // => { reducibleProductTypes: ['license_based'] }
 * ```
 * @category Cancellation
 */
export const SEAT_REDUCTION_POLICY: DatedPolicy<SeatReductionRule> = /* @__PURE__ */ frozen({
  id: 'cancellation.seat_reduction',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S2_URL,
      value: { reducibleProductTypes: ['license_based'] },
    },
  ],
});
