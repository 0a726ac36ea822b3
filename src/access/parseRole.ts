/**
 * Reading role names: our ids and Partner Center's display names.
 * @module
 */
import { fail, lookupRole, ROLES, type Role } from '../core/internal.js';

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
