/**
 * "Can we still cancel this, until when exactly?": the cancellation decision.
 * @module
 */
import type { MissingRoleReason } from '../access/index.js';
import type {
  Decision,
  Disagreement,
  NextStep,
  Purchase,
  RuleRef,
  UnknownValueReason,
} from '../core/index.js';
import {
  asRecord,
  type CheckedPerpetual,
  type CheckedSubscription,
  checkPurchase,
  formatEpochDay,
  inForceAtMs,
  knownTermMonths,
  lifecycleAt,
  MS_PER_DAY,
  MS_PER_HOUR,
  subscriptionPatch,
  toInstantMs,
  unknownValueReasons,
} from '../core/internal.js';
import type { TermDates } from '../lifecycle/index.js';
import { type CancellationWindow, type WindowAt, windowAt } from './cancellationWindow.js';
import { matchPublisher } from './nonCancellablePublisher.js';
import {
  type CheckedCancellationOptions,
  checkCancellationOptions,
  type EvaluateCancellationOptions,
} from './options.js';
import { FULL_TERM_BILLING_POLICY, NON_CANCELLABLE_PUBLISHERS_POLICY } from './policy.js';

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
 * Something the partner needs before cancelling: the customer,
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
  /**
   * Every Partner Center fact that differs from the forecast (the fact was
   * used): its `status` or `autoRenew` against the published rules, its
   * `cancellationAllowedUntil` against the policy's close when they differ by
   * a day or more (a smaller gap is Partner Center's 00:00Z start against
   * the order time).
   */
  readonly disagreements: readonly Disagreement[];
  /**
   * What can be done instead when a subscription may not be cancelled (the
   * window closed, or the publisher's plans are never cancellable) and it
   * still renews: `turn_off_autorenew`, so it ends at its term end. Empty
   * otherwise.
   */
  readonly nextSteps: readonly NextStep[];
}

/**
 * The answer of `evaluateCancellation`: `{ allowed, reasons, rules, ...CancellationFacts }`.
 * @category Cancellation
 */
export type CancellationDecision = Decision<CancellationReason, CancellationFacts>;

const EMPTY: readonly never[] = /* @__PURE__ */ Object.freeze([]);
const ZERO: TimeRemaining = /* @__PURE__ */ Object.freeze({ days: 0, hours: 0, milliseconds: 0 });

function need(
  item: CancellationNeed['item'],
  anyOf: readonly string[],
  known: boolean,
): CancellationNeed {
  return Object.freeze({ item, anyOf: Object.freeze(anyOf), known });
}

const CUSTOMER_NEED = /* @__PURE__ */ need('customer', ['name', 'tenantId', 'domain'], false);

/**
 * The six `needs` lists, frozen: a decision shares one, nothing is allocated
 * per call. 0-1: a subscription without/with `id`; 2-5: perpetual software,
 * + 1 with `productName`, + 2 with `orderId`.
 */
const NEEDS: readonly (readonly CancellationNeed[])[] = /* @__PURE__ */ [0, 1, 2, 3, 4, 5].map(
  (i) =>
    Object.freeze(
      i < 2
        ? [CUSTOMER_NEED, need('subscription', ['id', 'friendlyName'], i > 0)]
        : [
            CUSTOMER_NEED,
            need('product', ['productName'], i % 2 > 0),
            need('order', ['orderId'], i > 3),
          ],
    ),
);

/**
 * @internal The cancellation decision for a checked purchase at `asOfMs`.
 * For the refunds area: it reuses the decision (window, term, reasons)
 * without checking the purchase again.
 */
export function decideCancellation(
  checked: CheckedSubscription | CheckedPerpetual,
  asOfMs: number,
  opts: CheckedCancellationOptions = checkCancellationOptions({}),
  raw?: unknown,
): CancellationDecision {
  const reasons: CancellationReason[] = unknownValueReasons(checked.unknownFields);
  const status = checked.status;
  // A perpetual order's status is `completed` or `cancelled`.
  const alreadyCancelled = status === 'cancelled' || status === 'deleted';
  if (alreadyCancelled) reasons.push({ code: 'already_cancelled', status });
  let w: WindowAt | undefined;
  let term: TermDates | null = null;
  let lifecycleRule: RuleRef | undefined;
  let needs: number;
  let disagreements: readonly Disagreement[] = EMPTY;
  let renewsOn: string | undefined;
  let autoRenew = false;
  if (checked.kind === 'subscription') {
    needs = checked.id === undefined ? 0 : 1;
    if (checked.term !== undefined) {
      const life = lifecycleAt(checked, knownTermMonths(checked), asOfMs);
      const t = life.term;
      if (life.state === 'expired') reasons.push({ code: 'expired' });
      w = windowAt(checked, opts, t);
      lifecycleRule = life.rule;
      autoRenew = life.autoRenew && life.state === 'in_term';
      renewsOn = formatEpochDay(life.endDay + 1);
      const gap = w.closesMs - w.policyClosesMs;
      if (w.window.source === 'partner_center' && (gap >= MS_PER_DAY || gap <= -MS_PER_DAY)) {
        disagreements = [
          ...life.disagreements,
          {
            field: 'cancellationAllowedUntil',
            partnerCenter: new Date(w.closesMs - 1),
            forecast: new Date(w.policyClosesMs - 1),
          },
        ];
      } else if (life.disagreements.length > 0) disagreements = life.disagreements;
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
    needs =
      2 + (checked.productName === undefined ? 0 : 1) + (checked.orderId === undefined ? 0 : 2);
    w = windowAt(checked, opts);
  }
  const closed = w !== undefined && asOfMs >= w.closesMs;
  if (w !== undefined) {
    if (asOfMs < w.opensMs) reasons.push({ code: 'not_yet_open', opensAt: w.window.opensAt });
    if (closed) reasons.push({ code: 'window_closed', closedAt: w.window.closesAt });
  }
  const publisher = checked.publisher;
  const matched = publisher === undefined ? null : matchPublisher(publisher);
  if (matched !== null) {
    reasons.push({ code: 'non_cancellable_publisher', publisher: publisher as string, matched });
  }
  const access = opts.access;
  if (access !== undefined) reasons.push(...access.reasons);

  const billedInFull = closed && !alreadyCancelled;
  const rules: RuleRef[] = w === undefined ? [] : w.rules;
  rules.push(inForceAtMs(NON_CANCELLABLE_PUBLISHERS_POLICY, asOfMs).rule);
  if (lifecycleRule !== undefined) rules.push(lifecycleRule);
  if (billedInFull) rules.push(inForceAtMs(FULL_TERM_BILLING_POLICY, (w as WindowAt).opensMs).rule);
  if (access !== undefined) rules.push(...access.rules);

  let nextSteps: readonly NextStep[] = EMPTY;
  // Refused for good in this term, and it still renews: it can be left to end at the term end.
  if (autoRenew && (closed || matched !== null) && checked.kind === 'subscription') {
    nextSteps = [
      {
        action: 'turn_off_autorenew',
        effectiveOn: renewsOn as string,
        request: subscriptionPatch(checked, raw, true, { autoRenew: false }),
      },
    ];
  }
  const left = w === undefined ? 0 : w.closesMs - asOfMs;
  const days = Math.floor(left / MS_PER_DAY);
  // Built as one literal (not through `decide`'s spread): this is the batch hot
  // path. `allowed` is still derived from `reasons`, as `decide` does.
  return {
    allowed: reasons.length === 0,
    reasons,
    rules,
    kind: checked.kind,
    id: checked.id ?? null,
    asOf: new Date(asOfMs),
    window: w === undefined ? null : w.window,
    timeRemaining:
      left > 0
        ? { days, hours: Math.floor((left - days * MS_PER_DAY) / MS_PER_HOUR), milliseconds: left }
        : ZERO,
    term,
    billedInFull,
    needs: NEEDS[needs] as readonly CancellationNeed[],
    unknownRoles: access === undefined ? EMPTY : access.unknownRoles,
    disagreements,
    nextSteps,
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
 * @param purchase - A software subscription or perpetual purchase.
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
  return decideCancellation(checked, asOfMs, checkCancellationOptions(o), purchase);
}
