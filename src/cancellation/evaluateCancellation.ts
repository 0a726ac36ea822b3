/**
 * "Can we still cancel this, until when exactly?": the cancellation decision (brief §5, §8).
 * @module
 */
import { type AuthorizationDecision, authorize, type MissingRoleReason } from '../access/index.js';
import type { Decision, Purchase, RuleRef, UnknownValueReason } from '../core/index.js';
import {
  asRecord,
  type CheckedPerpetual,
  type CheckedSubscription,
  checkPurchase,
  formatEpochDay,
  MS_PER_DAY,
  MS_PER_HOUR,
  toInstantMs,
  unknownValueReasons,
} from '../core/internal.js';
import type { TermDates } from '../lifecycle/index.js';
import { knownTermMonths, lifecycleAt } from '../lifecycle/internal.js';
import {
  type CancellationWindow,
  formatWindow,
  perpetualWindowAt,
  subscriptionWindowAt,
  type WindowAt,
} from './cancellationWindow.js';
import { matchPublisher } from './nonCancellablePublisher.js';
import {
  type CheckedWindowOptions,
  checkWindowOptions,
  DEFAULT_WINDOW_OPTIONS,
  type EvaluateCancellationOptions,
} from './options.js';
import { FULL_TERM_BILLING_POLICY, NON_CANCELLABLE_PUBLISHERS_POLICY } from './policy.js';
import { anyValue, inForceAt } from './resolve.js';

/**
 * The purchase is already cancelled (subscription status `cancelled` or
 * `deleted`; perpetual order status `cancelled`).
 * @category Cancellation
 */
export interface AlreadyCancelledReason {
  /** Stable code. */
  readonly code: 'already_cancelled';
  /** The status that says so. */
  readonly status: 'cancelled' | 'deleted';
}

/**
 * The subscription has expired: status `expired`, or `asOf` is past the end
 * of its last term (it did not renew).
 * @category Cancellation
 */
export interface ExpiredReason {
  /** Stable code. */
  readonly code: 'expired';
}

/**
 * The window has not opened yet: `asOf` is before the purchase, or before the
 * renewal that opens the current term completed.
 * @category Cancellation
 */
export interface NotYetOpenReason {
  /** Stable code. */
  readonly code: 'not_yet_open';
  /** When the window opens. */
  readonly opensAt: Date;
}

/**
 * The window has closed: `asOf` is at or after the window's `closesAt`.
 * @category Cancellation
 */
export interface WindowClosedReason {
  /** Stable code. */
  readonly code: 'window_closed';
  /** The first instant at which cancelling was no longer possible. */
  readonly closedAt: Date;
}

/**
 * Red Hat and SUSE software plans can never be cancelled.
 * @category Cancellation
 */
export interface NonCancellablePublisherReason {
  /** Stable code. */
  readonly code: 'non_cancellable_publisher';
  /** The publisher as given. */
  readonly publisher: string;
  /** The publisher it designates: `'Red Hat'` or `'SUSE'`. */
  readonly matched: string;
}

/**
 * Every reason a cancellation can be refused, in the order a decision lists
 * them: `unknown_value`, `already_cancelled`, `expired`, `not_yet_open`,
 * `window_closed`, `non_cancellable_publisher`, `missing_role`.
 * @category Cancellation
 */
export type CancellationReason =
  | UnknownValueReason
  | AlreadyCancelledReason
  | ExpiredReason
  | NotYetOpenReason
  | WindowClosedReason
  | NonCancellablePublisherReason
  | MissingRoleReason;

/**
 * Time left until the window closes: whole days, then whole hours of the
 * remaining day (both rounded down), and the exact milliseconds. Zero once
 * the window has closed; before it opens, the time until it closes.
 * @category Cancellation
 */
export interface TimeRemaining {
  /** Whole days left. */
  readonly days: number;
  /** Whole hours left beyond `days` (0-23). */
  readonly hours: number;
  /** Exact milliseconds left (`closesAt − asOf`, at least 0). */
  readonly milliseconds: number;
}

/**
 * Something the partner needs before cancelling (brief §5): the customer,
 * and the subscription (ID or friendly name) or, for perpetual software, the
 * product name and the order ID. Field names are those of `CancellationRequest`.
 * @category Cancellation
 */
export interface CancellationNeed {
  /** What must be identified. */
  readonly item: 'customer' | 'subscription' | 'product' | 'order';
  /** The identifiers that can be used; any one suffices. */
  readonly anyOf: readonly string[];
  /**
   * Whether the purchase you passed already carries it (`id` for a
   * subscription, `productName`, `orderId`); the customer is never part of a purchase.
   */
  readonly known: boolean;
}

/**
 * The facts of a {@link CancellationDecision}, present whether allowed or not.
 * @category Cancellation
 */
export interface CancellationFacts {
  /** Which kind of purchase. */
  readonly kind: 'subscription' | 'perpetual';
  /** The purchase's `id`, or `null`. */
  readonly id: string | null;
  /** The instant asked about. */
  readonly asOf: Date;
  /** The window of the term current at `asOf`; `null` only when the term is an unknown value. */
  readonly window: CancellationWindow | null;
  /** Time left until the window closes (zero once closed). */
  readonly timeRemaining: TimeRemaining;
  /** Subscription: the dates of the term the window belongs to; `null` for perpetual software or an unknown term. */
  readonly term: TermDates | null;
  /**
   * `true` when the cancellation is refused because the window has closed
   * (and the purchase is not already cancelled): a subscription stays billed
   * for its **whole term**, on any billing plan, even if the customer stops
   * paying or using it; perpetual software keeps its one-time charge.
   */
  readonly billedInFull: boolean;
  /** What the partner needs before cancelling. */
  readonly needs: readonly CancellationNeed[];
  /** Role strings given in `roles` that name no known role (they grant nothing). */
  readonly unknownRoles: readonly string[];
}

/**
 * The answer of `evaluateCancellation`: `{ allowed, reasons, rules, ...CancellationFacts }`.
 * @category Cancellation
 */
export type CancellationDecision = Decision<CancellationReason, CancellationFacts>;

/** @internal Checked options of the decision (without `asOf`). */
export interface CheckedCancellationOptions extends CheckedWindowOptions {
  /** The role check, when roles were given. */
  readonly access: AuthorizationDecision | undefined;
}

/** @internal The options used when the caller gives none but `asOf`. */
export const DEFAULT_CANCELLATION_OPTIONS: CheckedCancellationOptions =
  /* @__PURE__ */ Object.freeze({
    ...DEFAULT_WINDOW_OPTIONS,
    access: undefined,
  });

const EMPTY: readonly never[] = /* @__PURE__ */ Object.freeze([]);
const ZERO: TimeRemaining = /* @__PURE__ */ Object.freeze({ days: 0, hours: 0, milliseconds: 0 });

interface RolesEntry {
  readonly copy: readonly unknown[];
  readonly decision: AuthorizationDecision;
}
/** The role check per roles array: a batch passing the same array checks it once. */
const rolesCache = /* @__PURE__ */ new WeakMap<object, RolesEntry>();

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** @internal `authorize('cancel', roles)`, cached per roles array (re-checked if its content changed). */
export function cancelAccess(roles: unknown): AuthorizationDecision {
  if (Array.isArray(roles)) {
    const hit = rolesCache.get(roles);
    if (hit !== undefined && sameList(hit.copy, roles)) return hit.decision;
  }
  const decision = authorize('cancel', roles as readonly string[]);
  for (const r of decision.reasons) Object.freeze(r);
  rolesCache.set(roles as object, { copy: (roles as readonly unknown[]).slice(), decision });
  return decision;
}

/** @internal Check the decision's options (everything but `asOf`). */
export function checkCancellationOptions(
  o: Readonly<Record<string, unknown>>,
): CheckedCancellationOptions {
  const windowOptions = checkWindowOptions(o);
  const roles = o['roles'];
  if (roles === undefined) {
    return windowOptions === DEFAULT_WINDOW_OPTIONS
      ? DEFAULT_CANCELLATION_OPTIONS
      : { ...windowOptions, access: undefined };
  }
  return { ...windowOptions, access: cancelAccess(roles) };
}

function need(
  item: CancellationNeed['item'],
  anyOf: readonly string[],
  known: boolean,
): CancellationNeed {
  return Object.freeze({ item, anyOf: Object.freeze(anyOf), known });
}

const CUSTOMER_NEED = /* @__PURE__ */ need('customer', ['name', 'tenantId', 'domain'], false);

/** The six `needs` lists, frozen: a decision shares one, nothing is allocated per call. */
const NEEDS: readonly (readonly CancellationNeed[])[] = /* @__PURE__ */ Object.freeze([
  Object.freeze([CUSTOMER_NEED, need('subscription', ['id', 'friendlyName'], false)]),
  Object.freeze([CUSTOMER_NEED, need('subscription', ['id', 'friendlyName'], true)]),
  Object.freeze([
    CUSTOMER_NEED,
    need('product', ['productName'], false),
    need('order', ['orderId'], false),
  ]),
  Object.freeze([
    CUSTOMER_NEED,
    need('product', ['productName'], true),
    need('order', ['orderId'], false),
  ]),
  Object.freeze([
    CUSTOMER_NEED,
    need('product', ['productName'], false),
    need('order', ['orderId'], true),
  ]),
  Object.freeze([
    CUSTOMER_NEED,
    need('product', ['productName'], true),
    need('order', ['orderId'], true),
  ]),
]);

/** The `needs` fact of a purchase. */
function needsOf(checked: CheckedSubscription | CheckedPerpetual): readonly CancellationNeed[] {
  const index =
    checked.kind === 'subscription'
      ? checked.id === undefined
        ? 0
        : 1
      : 2 + (checked.productName === undefined ? 0 : 1) + (checked.orderId === undefined ? 0 : 2);
  return NEEDS[index] as readonly CancellationNeed[];
}

function remaining(ms: number): TimeRemaining {
  if (ms <= 0) return ZERO;
  const days = Math.floor(ms / MS_PER_DAY);
  return { days, hours: Math.floor((ms - days * MS_PER_DAY) / MS_PER_HOUR), milliseconds: ms };
}

/**
 * @internal The cancellation decision for a checked purchase at `asOfMs`.
 * For the refunds area: it reuses the decision (window, term, reasons)
 * without checking the purchase again.
 */
export function decideCancellation(
  checked: CheckedSubscription | CheckedPerpetual,
  asOfMs: number,
  opts: CheckedCancellationOptions = DEFAULT_CANCELLATION_OPTIONS,
): CancellationDecision {
  const reasons: CancellationReason[] = unknownValueReasons(checked.unknownFields);
  let w: WindowAt | undefined;
  let term: TermDates | null = null;
  let lifecycleRule: RuleRef | undefined;
  let alreadyCancelled = false;
  if (checked.kind === 'subscription') {
    const status = checked.status;
    if (status === 'cancelled' || status === 'deleted') {
      alreadyCancelled = true;
      reasons.push({ code: 'already_cancelled', status });
    }
    if (checked.term !== undefined) {
      const life = lifecycleAt(checked, knownTermMonths(checked), asOfMs);
      if (life.state === 'expired') reasons.push({ code: 'expired' });
      w = subscriptionWindowAt(checked, life, opts);
      lifecycleRule = life.rule;
      const t = life.term;
      term = {
        termIndex: t.index,
        start: formatEpochDay(t.startDay),
        end: formatEpochDay(t.endDay),
        renewsOn: formatEpochDay(t.endDay + 1),
      };
    } else if (status === 'expired') {
      reasons.push({ code: 'expired' });
    }
  } else {
    if (checked.status === 'cancelled') {
      alreadyCancelled = true;
      reasons.push({ code: 'already_cancelled', status: 'cancelled' });
    }
    w = perpetualWindowAt(checked, opts);
  }
  let window: CancellationWindow | null = null;
  let closed = false;
  if (w !== undefined) {
    window = formatWindow(w, opts.reading, new Date(w.closesMs));
    if (asOfMs < w.opensMs) reasons.push({ code: 'not_yet_open', opensAt: window.opensAt });
    if (asOfMs >= w.closesMs) {
      closed = true;
      reasons.push({ code: 'window_closed', closedAt: window.closesAt });
    }
  }
  const publishersRule = inForceAt(
    NON_CANCELLABLE_PUBLISHERS_POLICY,
    asOfMs,
    NON_CANCELLABLE_PUBLISHERS_POLICY.id,
    anyValue,
    true,
  ).rule;
  if (checked.publisher !== undefined) {
    const matched = matchPublisher(checked.publisher);
    if (matched !== null) {
      reasons.push({ code: 'non_cancellable_publisher', publisher: checked.publisher, matched });
    }
  }
  const access = opts.access;
  if (access !== undefined) for (const r of access.reasons) reasons.push(r);

  const billedInFull = closed && !alreadyCancelled;
  const rules: RuleRef[] = w === undefined ? [] : w.rules.slice();
  rules.push(publishersRule);
  if (lifecycleRule !== undefined) rules.push(lifecycleRule);
  if (billedInFull && w !== undefined) {
    rules.push(
      inForceAt(FULL_TERM_BILLING_POLICY, w.opensMs, FULL_TERM_BILLING_POLICY.id, anyValue, true)
        .rule,
    );
  }
  if (access !== undefined) for (const r of access.rules) rules.push(r);

  // Built as one literal (not through `decide`'s spread): this is the batch hot
  // path. `allowed` is still derived from `reasons`, as `decide` does.
  return {
    allowed: reasons.length === 0,
    reasons,
    rules,
    kind: checked.kind,
    id: checked.id ?? null,
    asOf: new Date(asOfMs),
    window,
    timeRemaining: w === undefined ? ZERO : remaining(w.closesMs - asOfMs),
    term,
    billedInFull,
    needs: needsOf(checked),
    unknownRoles: access === undefined ? EMPTY : access.unknownRoles,
  };
}

/**
 * May this purchase be cancelled at `asOf`? A decision listing **every**
 * failing reason at once, in a stable order: `unknown_value` (a value
 * Partner Center sent that this version does not know), `already_cancelled`,
 * `expired`, `not_yet_open`, `window_closed` (with `closedAt`),
 * `non_cancellable_publisher` (Red Hat, SUSE: never cancellable), and
 * `missing_role` when `roles` are given without Admin agent. `allowed` is
 * `true` exactly when there is no reason.
 *
 * Facts, whether allowed or not: the `window` (see `cancellationWindow`:
 * Partner Center's own deadline takes precedence; a stale one is ignored and
 * flagged), `timeRemaining` (whole days and hours), the subscription `term`,
 * `billedInFull` (refused because the window closed: the whole term stays
 * billed on any billing plan), what the partner `needs` before cancelling
 * (customer, and subscription ID/friendly name, or product name and order
 * ID), and `unknownRoles`.
 *
 * Fast: the purchase is checked once, policies and role checks are compiled
 * once (a batch passing the same `roles` array checks it once).
 *
 * @param purchase - A software subscription or perpetual purchase (ARCHITECTURE shapes).
 * @param options - `asOf`; optional `roles`, `window` reading, dated `policy`, `minimumWindowDays`.
 * @returns The decision.
 * @throws {@link core!CspRuleError} for an invalid purchase (`invalid_input`,
 *   `invalid_instant`, `invalid_quantity`, `unknown_currency`, ...),
 *   `invalid_option` for a bad `window` or `minimumWindowDays`,
 *   `invalid_input` when `roles` is not an array of strings,
 *   `invalid_policy`/`policy_not_in_force` for a bad or not yet valid `policy`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy
 * @example
 * ```ts
 * import { evaluateCancellation } from 'csp-software-rules/cancellation';
 *
 * const sub = {
 *   kind: 'subscription', id: 'sub-1', purchasedAt: '2022-03-01T09:30:00Z', term: 'P1Y',
 *   billingFrequency: 'monthly', quantity: 10, unitPrice: '9.50', currency: 'EUR',
 * } as const;
 * const ok = evaluateCancellation(sub, { asOf: '2022-03-04T20:00:00Z', roles: ['Admin agent'] });
 * ok.allowed; // => true
 * ok.timeRemaining; // => { days: 3, hours: 13, milliseconds: 307800000 }
 * const late = evaluateCancellation({ ...sub, publisher: 'Red Hat, Inc.' }, {
 *   asOf: '2022-03-08T09:30:00Z', roles: ['SalesAgent'],
 * });
 * late.reasons.map((r) => r.code); // => ['window_closed', 'non_cancellable_publisher', 'missing_role']
 * late.billedInFull; // => true
 * ```
 * @category Cancellation
 */
export function evaluateCancellation(
  purchase: Purchase,
  options: EvaluateCancellationOptions,
): CancellationDecision {
  const checked = checkPurchase(purchase);
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  return decideCancellation(checked, asOfMs, checkCancellationOptions(o));
}
