/**
 * Options of the cancellation rules, checked once per call.
 * @module
 */
import type { AuthorizationDecision } from '../access/index.js';
import type { DatedPolicy, InstantInput } from '../core/index.js';
import { authorizeBuiltIn, frozen, inForceAtMs, oneOf } from '../core/internal.js';
import type { CancellationWindowRule } from './policy.js';
import { checkDays, checkWindowRule } from './resolve.js';

/**
 * How "seven days" (perpetual: "30 days") is read:
 * - `'elapsed_hours'` (default): the window closes `days × 24` hours after it
 *   opens (168 h for a subscription term, 720 h for perpetual software). It is
 *   the earlier of Microsoft's two readings, so the library never promises
 *   more time than Partner Center gives.
 * - `'calendar_days'`: the last day is the opening day (UTC) + `days`; the
 *   window closes at 00:00Z the day after (Microsoft's samples print such
 *   deadlines as 23:59:00Z of the last day).
 * @category Cancellation
 */
export type WindowReading = 'elapsed_hours' | 'calendar_days';

/** Every {@link WindowReading}. @category Cancellation */
export const WINDOW_READINGS: readonly WindowReading[] = /* @__PURE__ */ frozen([
  'elapsed_hours',
  'calendar_days',
]);

/**
 * Options of `cancellationWindow`.
 * @category Cancellation
 */
export interface CancellationWindowOptions {
  /** The instant asked about: the window of the term current at `asOf`. */
  readonly asOf: InstantInput;
  /** How the window's days are read; default `'elapsed_hours'`. */
  readonly window?: WindowReading;
  /**
   * Your own dated window policy (e.g. 30 days before a date you know),
   * evaluated at the opening instant of the term; default the built-in policy
   * for the purchase's kind.
   */
  readonly policy?: DatedPolicy<CancellationWindowRule>;
  /**
   * A longer window where law requires it: the window lasts at least this
   * many days (read as `window` says). Never shortens a window. It lengthens
   * the policy window only: Partner Center's own deadline, when given, stays authoritative.
   */
  readonly minimumWindowDays?: number;
}

/**
 * Options of `evaluateCancellation`.
 * @category Cancellation
 */
export interface EvaluateCancellationOptions extends CancellationWindowOptions {
  /**
   * The roles of the user who would cancel (our ids such as `'AdminAgent'` or
   * Partner Center's display names). When given without Admin agent, the
   * decision adds `missing_role`. Checked against the current permission table of `./access`.
   */
  readonly roles?: readonly string[];
}

/** @internal Checked options of the window and the decision (without `asOf`). */
export interface CheckedCancellationOptions {
  readonly reading: WindowReading;
  /** Caller's policy, or `undefined` for the built-in policy of the purchase's kind. */
  readonly policy: DatedPolicy<CancellationWindowRule> | undefined;
  /** 0 = none. */
  readonly minimumWindowDays: number;
  /** The role check, when roles were given (and asked for). */
  readonly access: AuthorizationDecision | undefined;
}

/**
 * The role check per list of role names, by content: a service passes a
 * fresh `roles` array with every request (from the caller's token), and the
 * few combinations it sees are checked once. The lists are kept as a tree of
 * names (one level per position), so a lookup builds no key. Bounded;
 * cleared when full.
 */
interface RolesNode {
  decision?: AuthorizationDecision;
  next?: Map<string, RolesNode>;
}
let rolesTree: RolesNode = {};
/** Nodes in the tree: what bounds it (every node created counts, cached or not). */
let rolesNodes = 0;
/** At most 256 lists of 16 names: the tree is cleared before it passes this. */
const ROLES_CACHE_NODES = 256 * 16;
/** Lists longer than this, or with longer names, are checked every time. */
const CACHED_ROLES = 16;
const CACHED_NAME = 64;

/** The tree node of a list of role names (created with `create`), or `undefined` when not one to cache. */
function rolesNode(roles: unknown, create: boolean): RolesNode | undefined {
  if (!Array.isArray(roles) || roles.length > CACHED_ROLES) return undefined;
  let node = rolesTree;
  for (let i = 0; i < roles.length; i++) {
    // Read by index: a hole or a non-string is for the full check to report.
    const r: unknown = roles[i];
    if (typeof r !== 'string' || r.length > CACHED_NAME) return undefined;
    let child = node.next?.get(r);
    if (child === undefined) {
      if (!create) return undefined;
      // Every node made counts, also those of a list given up half-way.
      rolesNodes++;
      child = {};
      if (node.next === undefined) node.next = new Map();
      node.next.set(r, child);
    }
    node = child;
  }
  return node;
}

/** @internal How many nodes the roles cache holds (for its tests). */
export function rolesCacheNodes(): number {
  return rolesNodes;
}

/** `authorize('cancel', roles)` with the built-in table, cached by the roles' names. */
function cancelAccess(roles: unknown): AuthorizationDecision {
  const hit = rolesNode(roles, false)?.decision;
  if (hit !== undefined) return hit;
  const decision = authorizeBuiltIn('cancel', roles);
  for (const r of decision.reasons) Object.freeze(r);
  // Cleared before a list could take it past its bound.
  if (rolesNodes > ROLES_CACHE_NODES - CACHED_ROLES) {
    rolesTree = {};
    rolesNodes = 0;
  }
  const node = rolesNode(roles, true);
  if (node !== undefined) node.decision = decision;
  return decision;
}

/**
 * @internal Check the options of the window, and with `withRoles` the
 * decision's `roles` (everything but `asOf`).
 */
export function checkCancellationOptions(
  o: Readonly<Record<string, unknown>>,
  withRoles = true,
): CheckedCancellationOptions {
  const window = o['window'];
  const minimum = o['minimumWindowDays'];
  const policy = o['policy'] as DatedPolicy<CancellationWindowRule> | undefined;
  const roles = o['roles'];
  const reading =
    window === undefined
      ? 'elapsed_hours'
      : oneOf(window, WINDOW_READINGS, 'window', 'invalid_option');
  const minimumWindowDays =
    minimum === undefined ? 0 : checkDays(minimum, 'invalid_option', 'minimumWindowDays');
  // Checks the policy and its values now (cached), not only when a term needs it.
  if (policy !== undefined) inForceAtMs(policy, Number.MAX_SAFE_INTEGER, checkWindowRule, 'policy');
  // One literal, no spread: this is the batch hot path.
  return {
    reading,
    policy,
    minimumWindowDays,
    access: withRoles && roles !== undefined ? cancelAccess(roles) : undefined,
  };
}
