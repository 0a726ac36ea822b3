/**
 * Where Partner Center shows a software subscription, and its autorenew default.
 * @module
 */
import type { InstantInput, RuleRef } from '../core/index.js';
import { purchaseDateRuleAt, toInstantMs } from '../core/internal.js';

/**
 * Where a software subscription appears in Partner Center.
 * @category Lifecycle
 */
export interface SubscriptionVisibility {
  /** Returned by the Get Subscriptions API. */
  readonly getSubscriptionsApi: boolean;
  /** Listed on the customer's Subscriptions page. */
  readonly subscriptionsPage: boolean;
  /** Listed on the customer's Software page. */
  readonly softwarePage: boolean;
  /** Returned by the Get Orders API. */
  readonly getOrdersApi: boolean;
  /** The rule applied (the purchase-date rule version in force at the purchase instant). */
  readonly rules: readonly RuleRef[];
}

/**
 * Where Partner Center shows a software subscription bought at `purchasedAt`:
 * bought on or after 2021-10-14 (UTC) it is everywhere; bought before, it is
 * missing from the Get Subscriptions API and the Subscriptions page but still
 * on the Software page and in the Get Orders API.
 *
 * @param purchasedAt - The purchase instant (UTC; an offset moves it to its UTC day).
 * @returns The four visibility flags and the rule applied.
 * @throws {@link core!CspRuleError} `invalid_instant` or `ambiguous_local_time`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { softwareSubscriptionVisibility } from 'csp-software-rules/lifecycle';
 *
 * const legacy = softwareSubscriptionVisibility('2021-10-13T23:59:59.999Z');
 * legacy.getSubscriptionsApi; // => false
 * legacy.softwarePage; // => true
 * softwareSubscriptionVisibility('2021-10-14T01:00:00+02:00').subscriptionsPage; // => false
 * softwareSubscriptionVisibility('2021-10-14T00:00:00Z').subscriptionsPage; // => true
 * ```
 * @category Lifecycle
 */
export function softwareSubscriptionVisibility(purchasedAt: InstantInput): SubscriptionVisibility {
  const { value, rule } = purchaseDateRuleAt(toInstantMs(purchasedAt, 'purchasedAt'));
  return {
    getSubscriptionsApi: value.getSubscriptionsApi,
    subscriptionsPage: value.subscriptionsPage,
    softwarePage: value.softwarePage,
    getOrdersApi: value.getOrdersApi,
    rules: [rule],
  };
}

/**
 * Whether a software subscription autorenews by default: yes when bought on
 * or after 2021-10-14 (UTC); before, it expires on the end date set at purchase.
 *
 * @param purchasedAt - The purchase instant.
 * @returns The autorenew default.
 * @throws {@link core!CspRuleError} `invalid_instant` or `ambiguous_local_time`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { defaultAutoRenew } from 'csp-software-rules/lifecycle';
 *
 * defaultAutoRenew('2021-10-14'); // => true
 * defaultAutoRenew('2021-10-13T23:59:59.999Z'); // => false
 * ```
 * @category Lifecycle
 */
export function defaultAutoRenew(purchasedAt: InstantInput): boolean {
  return purchaseDateRuleAt(toInstantMs(purchasedAt, 'purchasedAt')).value.autoRenewByDefault;
}
