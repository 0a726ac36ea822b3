/**
 * "May a user with these roles do that?": the permission table applied.
 * @module
 */
import type { DatedPolicy, Decision, InstantInput, PolicyInForce, RuleRef } from '../core/index.js';
import { asRecord, decision, denseList, fail, inForceAtMs } from '../core/internal.js';
import { safeInstantMs } from './instant.js';
import { lookupRole } from './parseRole.js';
import { PERMISSIONS, type PermissionTable } from './policy.js';
import { ACTIONS, type Action, type Role } from './vocabulary.js';

/**
 * Why an action is refused: none of the caller's roles is one of `requiredRoles`.
 * @category Access
 */
export interface MissingRoleReason {
  /** Stable code. */
  readonly code: 'missing_role';
  /** The action asked about. */
  readonly action: Action;
  /** The roles that would allow it (any one suffices); empty when no role may. */
  readonly requiredRoles: readonly Role[];
}

/**
 * The facts an {@link AuthorizationDecision} carries, allowed or not.
 * @category Access
 */
export interface AuthorizationFacts {
  /** The action asked about. */
  readonly action: Action;
  /** The roles that allow it (any one suffices), in the table's order. */
  readonly requiredRoles: readonly Role[];
  /** The caller's roles that allow it, in `requiredRoles` order; empty when refused. */
  readonly grantedBy: readonly Role[];
  /** The role strings that name no known role, as given (deduplicated); they grant nothing. */
  readonly unknownRoles: readonly string[];
}

/**
 * The answer of {@link authorize}: `{ allowed, reasons, rules, action,
 * requiredRoles, grantedBy, unknownRoles }`. Treat it as read-only: `rules`,
 * `requiredRoles` and empty arrays are frozen and shared between decisions.
 * @category Access
 */
export type AuthorizationDecision = Decision<MissingRoleReason, AuthorizationFacts>;

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

/** A table version made ready for lookups: frozen role lists and its rule reference. */
interface Compiled {
  readonly required: PermissionTable;
  readonly rules: readonly RuleRef[];
}

const EMPTY: readonly never[] = Object.freeze([]);
/** Compiled role lists per table value (shared by every version and policy using it). */
const tables = new WeakMap<object, PermissionTable>();
/** Each version in force, compiled (its rule in a frozen list). */
const versions = new WeakMap<object, Compiled>();

function isAction(input: unknown): input is Action {
  return typeof input === 'string' && (ACTIONS as readonly string[]).includes(input);
}

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

/** The version's table and its rule as a frozen list, once per version. */
function compiled(inForce: PolicyInForce<PermissionTable>): Compiled {
  let c = versions.get(inForce);
  if (c === undefined) {
    c = { required: inForce.value, rules: Object.freeze([inForce.rule]) };
    versions.set(inForce, c);
  }
  return c;
}

/**
 * The built-in table's role lists, frozen copies: they are role ids already
 * (the table is a constant its tests check), so {@link compileTable} has
 * nothing to read.
 */
function copyTable(value: unknown): PermissionTable {
  const out: Partial<Record<Action, readonly Role[]>> = {};
  for (const a of ACTIONS) out[a] = Object.freeze([...(value as PermissionTable)[a]]);
  return Object.freeze(out) as PermissionTable;
}

let builtIn: Compiled | undefined;

/** The latest version of the built-in table, compiled once. */
function latestBuiltIn(): Compiled {
  builtIn ??= compiled(inForceAtMs(PERMISSIONS, Number.POSITIVE_INFINITY, copyTable));
  return builtIn;
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

/** A user holds a few roles, a policy lists a few per action: 1,000 is a mistake. */
const MAX_ROLES = 1000;

function checkRoles(roles: unknown): readonly unknown[] {
  if (!Array.isArray(roles)) {
    fail('invalid_input', 'roles', 'roles: expected an array of role names');
  }
  if (roles.length > MAX_ROLES) fail('invalid_input', 'roles', `roles: more than ${MAX_ROLES}`);
  return roles;
}

function roleAt(list: readonly unknown[], i: number): string {
  const r = list[i];
  if (typeof r !== 'string') fail('invalid_input', `roles[${i}]`, `roles[${i}]: expected a string`);
  return r;
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

function decideFor(
  act: Action,
  list: readonly unknown[],
  { required, rules }: Compiled,
): AuthorizationDecision {
  const requiredRoles = required[act];
  let held: Role[] | undefined;
  let unknownRoles: string[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const text = roleAt(list, i);
    const role = lookupRole(text);
    if (role === undefined) {
      if (unknownRoles === undefined) unknownRoles = [text];
      else if (!unknownRoles.includes(text)) unknownRoles.push(text);
    } else if (requiredRoles.includes(role)) {
      if (held === undefined) held = [role];
      else if (!held.includes(role)) held.push(role);
    }
  }
  const grantedBy =
    held === undefined
      ? EMPTY
      : held.length === 1
        ? held
        : requiredRoles.filter((r) => (held as Role[]).includes(r));
  const reasons: readonly MissingRoleReason[] =
    grantedBy.length > 0 ? EMPTY : [{ code: 'missing_role', action: act, requiredRoles }];
  return decision(reasons, rules, {
    action: act,
    requiredRoles,
    grantedBy,
    unknownRoles: unknownRoles ?? EMPTY,
  });
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
