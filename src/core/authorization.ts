/**
 * The role check every area shares: a permission table applied to a user's
 * roles, as a decision. `authorize` (`csp-software-rules/access`) adds the
 * options path (a date, your own table); lifecycle, billing and cancellation
 * ask the built-in table through {@link authorizeBuiltIn}.
 * @internal
 * @module
 */
import { type Decision, decision, type RuleRef } from './decision.js';
import { fail } from './errors.js';
import { PERMISSIONS, type PermissionTable } from './permissions.js';
import { inForceAtMs, type PolicyInForce } from './policy.js';
import { ACTIONS, type Action, lookupRole, type Role } from './roles.js';

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

/** A table version made ready for lookups: frozen role lists and its rule reference. */
export interface Compiled {
  readonly required: PermissionTable;
  readonly rules: readonly RuleRef[];
}

const EMPTY: readonly never[] = Object.freeze([]);

/** Each version in force, compiled (its rule in a frozen list). */
const versions = new WeakMap<object, Compiled>();

/** The version's table and its rule as a frozen list, once per version. */
export function compiled(inForce: PolicyInForce<PermissionTable>): Compiled {
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
export function copyTable(value: unknown): PermissionTable {
  const out: Partial<Record<Action, readonly Role[]>> = {};
  for (const a of ACTIONS) out[a] = Object.freeze([...(value as PermissionTable)[a]]);
  return Object.freeze(out) as PermissionTable;
}

let builtIn: Compiled | undefined;

/** The latest version of the built-in table, compiled once. */
export function latestBuiltIn(): Compiled {
  builtIn ??= compiled(inForceAtMs(PERMISSIONS, Number.POSITIVE_INFINITY, copyTable));
  return builtIn;
}

/** A user holds a few roles, a policy lists a few per action: 1,000 is a mistake. */
export const MAX_ROLES = 1000;

export function checkRoles(roles: unknown): readonly unknown[] {
  if (!Array.isArray(roles)) {
    fail('invalid_input', 'roles', 'roles: expected an array of role names');
  }
  if (roles.length > MAX_ROLES) fail('invalid_input', 'roles', `roles: more than ${MAX_ROLES}`);
  return roles;
}

export function roleAt(list: readonly unknown[], i: number): string {
  const r = list[i];
  if (typeof r !== 'string') fail('invalid_input', `roles[${i}]`, `roles[${i}]: expected a string`);
  return r;
}

export function decideFor(
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

/** @internal `authorize(action, roles)` with the built-in table: what the other areas ask. */
export function authorizeBuiltIn(action: Action, roles: unknown): AuthorizationDecision {
  return decideFor(action, checkRoles(roles), latestBuiltIn());
}

/** @internal Whether `input` is one of {@link ACTIONS}. */
export function isAction(input: unknown): input is Action {
  return typeof input === 'string' && (ACTIONS as readonly string[]).includes(input);
}
