/**
 * The role and action vocabulary shared by every area that asks "may this
 * user do that?" (access, lifecycle, billing, cancellation). Published by
 * `csp-software-rules/access`.
 * @module
 */
import { frozen } from './frozen.js';

/**
 * Every Partner Center role the rules know, by our id (the display name
 * without spaces, in PascalCase).
 *
 * @example
 * ```ts
 * import { ROLES } from 'csp-software-rules/access';
 *
 * ROLES.length; // => 8
 * ROLES[0]; // => 'AdminAgent'
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export const ROLES = /* @__PURE__ */ frozen([
  'AdminAgent',
  'SalesAgent',
  'HelpdeskAgent',
  'GlobalAdmin',
  'AccountAdmin',
  'BillingAdmin',
  'ReferralAdmin',
  'MarketingContentAdmin',
] as const);

/**
 * A Partner Center role, by our id (see {@link ROLES}). Read a display name
 * such as `"Admin agent"` with `parseRole`.
 * @category Access
 */
export type Role = (typeof ROLES)[number];

/**
 * Partner Center's English display name of each role.
 *
 * @example
 * ```ts
 * import { ROLE_DISPLAY_NAMES } from 'csp-software-rules/access';
 *
 * ROLE_DISPLAY_NAMES.ReferralAdmin; // => 'Referral admin'
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export const ROLE_DISPLAY_NAMES = /* @__PURE__ */ frozen({
  /** Display name of `AdminAgent`. */
  AdminAgent: 'Admin agent',
  /** Display name of `SalesAgent`. */
  SalesAgent: 'Sales agent',
  /** Display name of `HelpdeskAgent`. */
  HelpdeskAgent: 'Helpdesk agent',
  /** Display name of `GlobalAdmin`. */
  GlobalAdmin: 'Global admin',
  /** Display name of `AccountAdmin`. */
  AccountAdmin: 'Account admin',
  /** Display name of `BillingAdmin`. */
  BillingAdmin: 'Billing admin',
  /** Display name of `ReferralAdmin`. */
  ReferralAdmin: 'Referral admin',
  /** Display name of `MarketingContentAdmin`. */
  MarketingContentAdmin: 'Marketing content admin',
} as const satisfies Readonly<Record<Role, string>>);

/**
 * Every action the permission table rules on:
 * - `purchase`: buy software for a customer;
 * - `getKeysAndDownloads`: generate product keys and download links;
 * - `cancel`: cancel a software subscription or perpetual purchase;
 * - `toggleAutoRenew`: switch autorenew on or off;
 * - `setBillingFrequency`: choose or change the billing plan;
 * - `viewActivityLog`: read the key-access and download activity log.
 *
 * @example
 * ```ts
 * import { ACTIONS } from 'csp-software-rules/access';
 *
 * ACTIONS.includes('cancel'); // => true
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export const ACTIONS = /* @__PURE__ */ frozen([
  'purchase',
  'getKeysAndDownloads',
  'cancel',
  'toggleAutoRenew',
  'setBillingFrequency',
  'viewActivityLog',
] as const);

/**
 * An action a role may or may not perform (see {@link ACTIONS}).
 * @category Access
 */
export type Action = (typeof ACTIONS)[number];

/**
 * Other spellings Microsoft uses for the same roles, already normalised
 * (lower case, no spaces, hyphens or underscores): the partner tenant's
 * security groups (`AdminAgents`, `SalesAgents`, `HelpdeskAgents`), the
 * plural "Referrals admin" of some Partner Center pages, and "administrator"
 * for "admin" (Microsoft Entra's wording of the same roles).
 */
const ALIASES = {
  AdminAgent: ['adminagents'],
  SalesAgent: ['salesagents'],
  HelpdeskAgent: ['helpdeskagents'],
  GlobalAdmin: ['globaladministrator'],
  AccountAdmin: ['accountadministrator'],
  BillingAdmin: ['billingadministrator'],
  ReferralAdmin: ['referralsadmin', 'referraladministrator', 'referralsadministrator'],
  MarketingContentAdmin: ['marketingcontentadministrator'],
} as const satisfies Readonly<Record<Role, readonly string[]>>;

const SEPARATORS = /[\s_-]+/g;

let exact: Map<string, Role> | undefined;
let normalised: Map<string, Role> | undefined;

const ASCII_UPPER = /[A-Z]+/g;

// ASCII case only (docs/conventions.md, Codes): the Kelvin sign `K` is not a `k`.
function normalise(text: string): string {
  return text.replace(ASCII_UPPER, (m) => m.toLowerCase()).replace(SEPARATORS, '');
}

function tables(): [Map<string, Role>, Map<string, Role>] {
  if (exact === undefined || normalised === undefined) {
    exact = new Map();
    normalised = new Map();
    for (const role of ROLES) {
      exact.set(role, role);
      exact.set(ROLE_DISPLAY_NAMES[role], role);
      normalised.set(normalise(role), role);
      for (const alias of ALIASES[role]) normalised.set(alias, role);
    }
  }
  return [exact, normalised];
}

/**
 * @internal The role a string names, or `undefined` (no error). The exact ids
 * and display names hit a first map; anything else is normalised once.
 */
export function lookupRole(text: string): Role | undefined {
  const [byExact, byNormalised] = tables();
  return byExact.get(text) ?? byNormalised.get(normalise(text));
}
