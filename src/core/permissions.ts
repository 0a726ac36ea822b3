/**
 * The dated permission table: which roles may perform each action.
 * @module
 */
import { frozen } from './frozen.js';
import { type DatedPolicy, definePolicy } from './policy.js';
import type { Action, Role } from './roles.js';
import { S1_URL } from './sources.js';

/**
 * For each action, the roles that may perform it (any one of them suffices).
 * @category Access
 */
export type PermissionTable = { readonly [A in Action]: readonly Role[] };

/**
 * Who may do what, per Microsoft's "Sell software subscriptions through CSP"
 * (S1, which also says that only an Admin agent may cancel):
 * - buying software, getting keys and download links, cancelling, switching
 *   autorenew and setting the billing frequency: **Admin agent** only;
 * - reading the key-access and download activity log: **Account admin**,
 *   **Referral admin** or **Marketing content admin**.
 *
 * No other role grants these actions: S1 names no "or Global admin", so a
 * Global admin who is also an Admin agent must be passed both roles.
 *
 * S1 does not date its role table, so its one version is in force at any
 * date (from 0000-01-01); pass your own policy to `authorize` for another
 * reading.
 *
 * @example
 * ```ts
 * import { PERMISSIONS } from 'csp-software-rules/access';
 *
 * PERMISSIONS.id; // => 'access.permissions'
 * PERMISSIONS.versions[0]?.value.cancel; // => ['AdminAgent']
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export const PERMISSIONS: DatedPolicy<PermissionTable> = /* @__PURE__ */ frozen(
  /* @__PURE__ */ definePolicy({
    id: 'access.permissions',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: S1_URL,
        value: {
          purchase: ['AdminAgent'],
          getKeysAndDownloads: ['AdminAgent'],
          cancel: ['AdminAgent'],
          toggleAutoRenew: ['AdminAgent'],
          setBillingFrequency: ['AdminAgent'],
          viewActivityLog: ['AccountAdmin', 'ReferralAdmin', 'MarketingContentAdmin'],
        },
      },
    ],
  }),
);
