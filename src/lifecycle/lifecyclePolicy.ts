/**
 * The subscription lifecycle's durations, as a dated table.
 * @module
 */
import { type DatedPolicy, definePolicy } from '../core/index.js';
import { frozen, S10_URL } from '../core/internal.js';

/**
 * How long each lifecycle state lasts, in days.
 * @category Lifecycle
 */
export interface LifecycleDurations {
  /** Expired, after an active term ends without renewing (users keep access, not billed). */
  readonly expiredDays: number;
  /** The disabled state after a suspended term ends. */
  readonly suspendedTermDisabledDays: number;
  /** The disabled state after expired (or after the previous one): admins only, data kept. */
  readonly disabledDays: number;
  /** After a cancellation: admins may back up data before it is deleted. */
  readonly cancelledBackupDays: number;
  /** Legacy: a suspended subscription is deleted this long after its suspension. */
  readonly legacySuspendedDeletionDays: number;
}

/**
 * The lifecycle durations from Microsoft's "Subscription lifecycle states"
 * (08/04/2023): expired 30 days; disabled 30 days after a suspended term,
 * then 90 days; a cancelled subscription is deleted with 7 days for admins to
 * back up; a legacy suspended subscription is deleted after 90 days.
 *
 * @example
 * ```ts
 * import { SUBSCRIPTION_LIFECYCLE_POLICY } from 'csp-software-rules/lifecycle';
 *
 * SUBSCRIPTION_LIFECYCLE_POLICY.versions[0]?.value.disabledDays; // => 90
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/subscription-lifecycle
 * @category Lifecycle
 */
export const SUBSCRIPTION_LIFECYCLE_POLICY: DatedPolicy<LifecycleDurations> =
  /* @__PURE__ */ frozen({
    id: 'lifecycle.subscription_states',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S10_URL,
        value: {
          expiredDays: 30,
          suspendedTermDisabledDays: 30,
          disabledDays: 90,
          cancelledBackupDays: 7,
          legacySuspendedDeletionDays: 90,
        },
      },
    ],
  });

/** @internal Check the built-in policy once (tests call it too). */
export function checkedLifecyclePolicy(): DatedPolicy<LifecycleDurations> {
  return definePolicy(SUBSCRIPTION_LIFECYCLE_POLICY);
}
