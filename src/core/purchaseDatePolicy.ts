/**
 * The purchase-date rule: what Partner Center shows for software
 * subscriptions and whether they renew by default, by purchase date.
 * @module
 */

import { frozen } from './frozen.js';
import { type DatedPolicy, definePolicy } from './policy.js';
import { S1_URL } from './sources.js';

/**
 * Where a software subscription appears, and whether it autorenews by default.
 * @category Lifecycle
 */
export interface PurchaseDateRule {
  /** Returned by the Get Subscriptions API. */
  readonly getSubscriptionsApi: boolean;
  /** Listed on the customer's Subscriptions page (where autorenew is switched). */
  readonly subscriptionsPage: boolean;
  /** Listed on the customer's Software page. */
  readonly softwarePage: boolean;
  /** Returned by the Get Orders API. */
  readonly getOrdersApi: boolean;
  /** Autorenew default when the subscription does not say. */
  readonly autoRenewByDefault: boolean;
}

/**
 * The purchase-date rule as a dated policy, evaluated at the **purchase**
 * instant: purchases before 2021-10-14 (UTC) are legacy (not in the Get
 * Subscriptions API or on the Subscriptions page, no autorenew: they expire on
 * the end date set at purchase); purchases on or after it are visible
 * everywhere and autorenew by default. The legacy version starts at
 * 0000-01-01, meaning "every earlier purchase". The Software page lists all
 * software bought, whatever the date (our reading).
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { PURCHASE_DATE_POLICY } from 'csp-software-rules/lifecycle';
 *
 * PURCHASE_DATE_POLICY.versions.map((v) => v.effectiveFrom); // => ['0000-01-01', '2021-10-14']
 * ```
 * @category Lifecycle
 */
export const PURCHASE_DATE_POLICY: DatedPolicy<PurchaseDateRule> = /* @__PURE__ */ frozen({
  id: 'lifecycle.purchase_date_visibility',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: {
        getSubscriptionsApi: false,
        subscriptionsPage: false,
        softwarePage: true,
        getOrdersApi: true,
        autoRenewByDefault: false,
      },
    },
    {
      effectiveFrom: '2021-10-14',
      source: S1_URL,
      value: {
        getSubscriptionsApi: true,
        subscriptionsPage: true,
        softwarePage: true,
        getOrdersApi: true,
        autoRenewByDefault: true,
      },
    },
  ],
});

/** @internal Check the built-in policy once (tests call it too). */
export function checkedPurchaseDatePolicy(): DatedPolicy<PurchaseDateRule> {
  return definePolicy(PURCHASE_DATE_POLICY);
}
