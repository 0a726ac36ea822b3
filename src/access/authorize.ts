/**
 * "May a user with these roles do that?": the permission table applied.
 * @module
 */
import type { DatedPolicy, InstantInput } from '../core/index.js';
import {
  ACTIONS,
  type Action,
  type AuthorizationDecision,
  asRecord,
  type Compiled,
  checkRoles,
  compiled,
  copyTable,
  decideFor,
  denseList,
  fail,
  inForceAtMs,
  isAction,
  latestBuiltIn,
  lookupRole,
  MAX_ROLES,
  PERMISSIONS,
  type PermissionTable,
  type Role,
  roleAt,
} from '../core/internal.js';
import { safeInstantMs } from './instant.js';

export type {
  AuthorizationDecision,
  AuthorizationFacts,
  MissingRoleReason,
} from '../core/internal.js';

/**
 * Options of {@link authorize} and {@link hasPermission}.
 * @category Access
 */
export interface AuthorizeOptions {
  /** Apply the table version in force at this instant; omitted = the latest version. */
  readonly asOf?: InstantInput | undefined;
  /** Your own dated permission table; omitted = {@link PERMISSIONS}. */
  readonly policy?: DatedPolicy<PermissionTable> | undefined;
}

/** Compiled role lists per table value (shared by every version and policy using it). */
const tables = new WeakMap<object, PermissionTable>();

/** Checks a table value once (every action, known roles only) and freezes a copy. */
function compileTable(value: unknown, field: string): PermissionTable {
  // A WeakMap answers undefined for a primitive key.
  const cached = tables.get(value as object);
  if (cached !== undefined) return cached;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('invalid_policy', field, `${field}: expected an object mapping each action to roles`);
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (!isAction(key)) {
      fail('invalid_policy', field, `${field}: has a key that is not an action`);
    }
  }
  const out: Partial<Record<Action, readonly Role[]>> = {};
  for (const action of ACTIONS) {
    const roles = record[action];
    if (!Array.isArray(roles)) {
      fail(
        'invalid_policy',
        `${field}.${action}`,
        `${field}.${action}: expected an array of roles`,
      );
    }
    const list: Role[] = [];
    denseList(roles, `${field}.${action}`, MAX_ROLES, 'invalid_policy').forEach((r, i) => {
      const role = typeof r === 'string' ? lookupRole(r) : undefined;
      if (role === undefined) {
        fail('invalid_policy', `${field}.${action}[${i}]`, `${field}.${action}[${i}]: not a role`);
      }
      if (!list.includes(role)) list.push(role);
    });
    out[action] = Object.freeze(list);
  }
  const table = Object.freeze(out) as PermissionTable;
  tables.set(value, table);
  return table;
}

/** The table to apply for these options: the version in force at `asOf`, else the latest. */
function resolve(options: unknown): Compiled {
  if (options === undefined) return latestBuiltIn();
  const o = asRecord(options, 'options');
  const own = o['policy'] as DatedPolicy<PermissionTable> | undefined;
  const ms =
    o['asOf'] === undefined ? Number.POSITIVE_INFINITY : safeInstantMs(o['asOf'], 'options.asOf');
  return compiled(
    own === undefined
      ? inForceAtMs(PERMISSIONS, ms, copyTable)
      : inForceAtMs(own, ms, compileTable, 'options.policy'),
  );
}

function checkAction(action: unknown): Action {
  if (!isAction(action)) {
    fail(
      'unknown_action',
      'action',
      `action: not a known action; expected one of ${ACTIONS.join(', ')}`,
    );
  }
  return action;
}

/**
 * Whether a user holding `roles` may perform `action`, as a decision.
 *
 * Roles may be our ids or Partner Center display names (read as
 * `parseRole` does). A role string this library does not know grants
 * nothing and is listed in `unknownRoles`; it is not an error, since Partner
 * Center has roles this table does not rule on (and adds new ones).
 * `missing_role` is the only reason.
 *
 * Fast: the table is compiled once per policy, and a call allocates only the
 * decision.
 *
 * @param action - One of {@link ACTIONS}.
 * @param roles - The user's roles (may be empty).
 * @param options - `asOf` and/or your own `policy`.
 * @returns `{ allowed, reasons, rules, action, requiredRoles, grantedBy, unknownRoles }`.
 * @throws {@link core!CspRuleError} `unknown_action` for an action not in
 *   {@link ACTIONS}; `invalid_input` when `roles` is not an array of strings (at most 1,000)
 *   or `options` not an object; `invalid_instant` (or another instant code:
 *   `ambiguous_local_time`, `invalid_calendar_day`) for a bad `asOf`;
 *   `invalid_policy`/`policy_not_in_force` for a bad or not yet valid policy.
 * @example
 * ```ts
 * import { authorize } from 'csp-software-rules/access';
 *
 * authorize('cancel', ['Admin agent']).allowed; // => true
 * authorize('cancel', ['GlobalAdmin', 'Incentive admin']).reasons; // => [{ code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] }]
 * authorize('cancel', ['GlobalAdmin', 'Incentive admin']).unknownRoles; // => ['Incentive admin']
 * authorize('viewActivityLog', ['Referral admin', 'AccountAdmin']).grantedBy; // => ['AccountAdmin', 'ReferralAdmin']
 * authorize('refund' as never, ['AdminAgent']); // => throws unknown_action
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/partner-center/developer/cancel-software-purchases
 * @category Access
 */
export function authorize(
  action: Action,
  roles: readonly string[],
  options?: AuthorizeOptions,
): AuthorizationDecision {
  const act = checkAction(action);
  return decideFor(act, checkRoles(roles), resolve(options));
}

/**
 * Whether a user holding `roles` may perform `action`: the boolean of
 * {@link authorize} (`authorize(action, roles, options).allowed`), without
 * building the decision. Same inputs, same errors.
 *
 * @param action - One of {@link ACTIONS}.
 * @param roles - The user's roles.
 * @param options - `asOf` and/or your own `policy`.
 * @returns `true` when one of the roles allows the action.
 * @throws {@link core!CspRuleError} as {@link authorize}.
 * @example
 * ```ts
 * import { hasPermission } from 'csp-software-rules/access';
 *
 * hasPermission('getKeysAndDownloads', ['admin-agent']); // => true
 * hasPermission('viewActivityLog', ['AdminAgent']); // => false
 * hasPermission('cancel', 'AdminAgent' as never); // => throws invalid_input
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export function hasPermission(
  action: Action,
  roles: readonly string[],
  options?: AuthorizeOptions,
): boolean {
  const act = checkAction(action);
  const list = checkRoles(roles);
  const requiredRoles = resolve(options).required[act];
  let allowed = false;
  for (let i = 0; i < list.length; i++) {
    const role = lookupRole(roleAt(list, i));
    if (!allowed && role !== undefined && requiredRoles.includes(role)) allowed = true;
  }
  return allowed;
}
