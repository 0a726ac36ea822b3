/**
 * Reading role names: our ids and Partner Center's display names.
 * @module
 */
import { fail } from '../core/internal.js';
import { ROLE_DISPLAY_NAMES, ROLES, type Role } from './vocabulary.js';

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

function normalise(text: string): string {
  return text.toLowerCase().replace(SEPARATORS, '');
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

/**
 * Reads a role: our id (`'AdminAgent'`) or Partner Center's display name
 * (`'Admin agent'`, `'Referral admin'`, `'Marketing content admin'`, ...),
 * ignoring case, spaces, hyphens and underscores. Also accepted: the partner
 * tenant's group names (`'AdminAgents'`, `'SalesAgents'`,
 * `'HelpdeskAgents'`), `'Referrals admin'`, and "administrator" for "admin"
 * (`'Global administrator'`).
 *
 * The error never repeats the input (a product key pasted into the wrong
 * field must not reach a log).
 *
 * @param input - The role name.
 * @returns The role id.
 * @throws {@link core!CspRuleError} `unknown_role` for a string naming no role this
 *   library knows; `invalid_input` when `input` is not a string.
 * @example
 * ```ts
 * import { parseRole } from 'csp-software-rules/access';
 *
 * parseRole('Admin agent'); // => 'AdminAgent'
 * parseRole('MARKETING-CONTENT_ADMIN'); // => 'MarketingContentAdmin'
 * parseRole(' referral admin '); // => 'ReferralAdmin'
 * parseRole('Incentive admin'); // => throws unknown_role
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export function parseRole(input: unknown): Role {
  if (typeof input !== 'string') {
    fail('invalid_input', 'role', 'role: expected a role name (a string)');
  }
  const role = lookupRole(input);
  if (role === undefined) {
    fail('unknown_role', 'role', `role: not a known role; expected one of ${ROLES.join(', ')}`);
  }
  return role;
}
