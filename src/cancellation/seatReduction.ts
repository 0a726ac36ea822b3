/**
 * "May we lower this subscription's quantity now?": the seat-reduction decision.
 * @module
 */
import type { MissingRoleReason } from '../access/index.js';
import type {
  Decision,
  Disagreement,
  InstantInput,
  NextStep,
  ProductType,
  RuleRef,
  SoftwareSubscription,
  UnknownValueReason,
} from '../core/index.js';
import { parseQuantity } from '../core/index.js';
import {
  asRecord,
  checkSubscription,
  formatEpochDay,
  inForceAtMs,
  knownTermMonths,
  type LifecycleAt,
  lifecycleAt,
  subscriptionPatch,
  toInstantMs,
  unknownValueReasons,
} from '../core/internal.js';
import { type WindowAt, windowAt } from './cancellationWindow.js';
import type { AlreadyCancelledReason, ExpiredReason } from './evaluateCancellation.js';
import { checkCancellationOptions } from './options.js';
import { SEAT_REDUCTION_POLICY } from './policy.js';

const NO_OPTIONS = /* @__PURE__ */ checkCancellationOptions({}, false);

/**
 * Options of {@link seatReduction}.
 * @category Cancellation
 */
export interface SeatReductionOptions {
  /** The instant asked about. */
  readonly asOf: InstantInput;
  /** The quantity wanted (at least 1; fewer seats than now). */
  readonly quantity: number;
  /** The user's roles; without Admin agent the decision adds `missing_role`. */
  readonly roles?: readonly string[];
}

/**
 * The quantity asked for is not lower than the current one.
 * @category Cancellation
 */
export interface NotAReductionReason {
  /** Stable code. */
  readonly code: 'not_a_reduction';
  /** The subscription's quantity. */
  readonly current: number;
  /** The quantity asked for. */
  readonly requested: number;
}

/**
 * Partner Center does not reduce the seats of this product type mid-term
 * (software subscriptions, new commerce cancellation policy).
 * @category Cancellation
 */
export interface SeatReductionNotAllowedReason {
  /** Stable code. */
  readonly code: 'seat_reduction_not_allowed';
  /** The subscription's product type. */
  readonly productType: ProductType;
}

/**
 * Fewer seats may still be removed than asked: the others are past their
 * reduction deadline.
 * @category Cancellation
 */
export interface SeatsNotReducibleReason {
  /** Stable code. */
  readonly code: 'seats_not_reducible';
  /** Seats the request removes. */
  readonly requested: number;
  /** Seats that may still be removed at `asOf`. */
  readonly reducible: number;
}

/**
 * Every reason a seat reduction can be refused, in the order a decision
 * lists them.
 * @category Cancellation
 */
export type SeatReductionReason =
  | UnknownValueReason
  | AlreadyCancelledReason
  | ExpiredReason
  | NotAReductionReason
  | SeatReductionNotAllowedReason
  | SeatsNotReducibleReason
  | MissingRoleReason;

/**
 * The facts of a {@link SeatReductionDecision}.
 * @category Cancellation
 */
export interface SeatReductionFacts {
  /** The subscription's `id`, or `null`. */
  readonly id: string | null;
  /** The instant asked about. */
  readonly asOf: Date;
  /** The subscription's quantity. */
  readonly currentQuantity: number;
  /** The quantity asked for. */
  readonly requestedQuantity: number;
  /** The product type the rule applied (`software` when not given). */
  readonly productType: ProductType;
  /**
   * Seats that may still be removed at `asOf` and until when (the earliest
   * deadline among them; `null` when none). `partner_center`: from its
   * `refundableQuantity` (seats whose `allowedUntil` is after `asOf`);
   * `forecast`: every seat while the term's cancellation window is open.
   * Always 0 for a product type that allows no reduction.
   */
  readonly reducible: {
    /** Seats that may still be removed. */
    readonly quantity: number;
    /** The earliest deadline among them, or `null` when none. */
    readonly until: Date | null;
    /** Where the count comes from. */
    readonly source: 'partner_center' | 'forecast';
  };
  /** Partner Center's facts that differ from the forecast. */
  readonly disagreements: readonly Disagreement[];
  /**
   * What can be done instead when the reduction is refused and the
   * subscription renews: `schedule_next_term_quantity`, the lower quantity
   * from the next term on.
   */
  readonly nextSteps: readonly NextStep[];
}

/**
 * The answer of {@link seatReduction}.
 * @category Cancellation
 */
export type SeatReductionDecision = Decision<SeatReductionReason, SeatReductionFacts>;

/**
 * May the subscription's quantity be lowered to `quantity` at `asOf`? A
 * software subscription's seats are never reduced mid-term
 * (`seat_reduction_not_allowed`); a license-based subscription's seats may
 * be, each group until its own deadline: Partner Center's
 * `refundableQuantity` says which (seats added mid-term get their own 7
 * days), and without it every seat is reducible while the term's
 * cancellation window is open (our forecast). Refused while the subscription
 * renews, the decision offers `schedule_next_term_quantity` with the
 * Partner Center PATCH that sets the quantity for the next term, keeping
 * `autoRenewEnabled` and the other next-term instructions.
 *
 * @param subscription - A software subscription (`productType`, `refundableQuantity`, ...).
 * @param options - `asOf`, the `quantity` wanted, optional `roles`.
 * @returns The decision.
 * @throws {@link core!CspRuleError} for an invalid subscription, `invalid_quantity` for a quantity below 1.
 * @see https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy
 * @example
 * ```ts
 * import { seatReduction } from 'csp-software-rules/cancellation';
 *
 * const sub = {
 *   kind: 'subscription', id: 'sub-7', purchasedAt: '2024-03-01T10:00:00Z', term: 'P1Y',
 *   billingFrequency: 'monthly', quantity: 10, autoRenew: true,
 * } as const;
 * const d = seatReduction(sub, { asOf: '2024-03-02T10:00:00Z', quantity: 8 });
 * d.reasons; // => [{ code: 'seat_reduction_not_allowed', productType: 'software' }]
 * d.nextSteps[0]?.effectiveOn; // => '2025-03-01'
 * d.nextSteps[0]?.request.body; // => { id: 'sub-7', autoRenewEnabled: true, scheduledNextTermInstructions: { product: { billingCycle: 'monthly', termDuration: 'P1Y' }, quantity: 8 } }
 *
 * const seats = {
 *   ...sub, productType: 'license_based',
 *   refundableQuantity: { totalQuantity: 3, details: [{ quantity: 3, allowedUntil: '2024-03-08T10:00:00Z' }] },
 * } as const;
 * seatReduction(seats, { asOf: '2024-03-02T10:00:00Z', quantity: 8 }).allowed; // => true
 * seatReduction(seats, { asOf: '2024-03-02T10:00:00Z', quantity: 5 }).reasons; // => [{ code: 'seats_not_reducible', requested: 5, reducible: 3 }]
 * ```
 * @category Cancellation
 */
export function seatReduction(
  subscription: SoftwareSubscription,
  options: SeatReductionOptions,
): SeatReductionDecision {
  const sub = checkSubscription(subscription);
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const requested = parseQuantity(o['quantity'], 'options.quantity');
  const access = checkCancellationOptions({ roles: o['roles'] }).access;
  const current = sub.quantity;
  const policy = inForceAtMs(SEAT_REDUCTION_POLICY, asOfMs);
  const reasons: SeatReductionReason[] = unknownValueReasons(sub.unknownFields);
  const rules: RuleRef[] = [policy.rule];
  const status = sub.status;
  if (status === 'cancelled' || status === 'deleted') {
    reasons.push({ code: 'already_cancelled', status });
  }
  // An unknown term is already an `unknown_value` reason: no term to date.
  const life = sub.term === undefined ? undefined : lifecycleAt(sub, knownTermMonths(sub), asOfMs);
  if (life !== undefined) rules.push(life.rule);
  if (life?.state === 'expired') reasons.push({ code: 'expired' });
  if (requested >= current) reasons.push({ code: 'not_a_reduction', current, requested });

  const productType = sub.productType;
  const reducibleType = policy.value.reducibleProductTypes.includes(productType);
  let reducible: SeatReductionFacts['reducible'];
  if (!reducibleType) {
    reducible = { quantity: 0, until: null, source: 'forecast' };
    reasons.push({ code: 'seat_reduction_not_allowed', productType });
  } else if (sub.refundableQuantity !== undefined) {
    const open = sub.refundableQuantity.details.filter((g) => g.untilMs > asOfMs);
    const quantity = open.reduce((n, g) => n + g.quantity, 0);
    const until = open.reduce((m, g) => Math.min(m, g.untilMs), Number.POSITIVE_INFINITY);
    reducible = {
      quantity,
      until: open.length === 0 ? null : new Date(until),
      source: 'partner_center',
    };
  } else {
    const w = life === undefined ? undefined : windowAt(sub, NO_OPTIONS, life.term);
    if (w !== undefined) rules.push(...w.rules);
    const open =
      w !== undefined && life?.state === 'in_term' && asOfMs >= w.opensMs && asOfMs < w.closesMs;
    reducible = {
      quantity: open ? current : 0,
      until: open ? new Date((w as WindowAt).closesMs) : null,
      source: 'forecast',
    };
  }
  const removed = current - requested;
  if (reducibleType && removed > 0 && removed > reducible.quantity) {
    reasons.push({
      code: 'seats_not_reducible',
      requested: removed,
      reducible: reducible.quantity,
    });
  }
  if (access !== undefined) {
    reasons.push(...access.reasons);
    rules.push(...access.rules);
  }

  const refusedForTheTerm = reasons.some(
    (r) => r.code === 'seat_reduction_not_allowed' || r.code === 'seats_not_reducible',
  );
  const renews = life?.autoRenew && life.state === 'in_term';
  const nextSteps: NextStep[] =
    refusedForTheTerm && renews && removed > 0
      ? [
          {
            action: 'schedule_next_term_quantity',
            effectiveOn: formatEpochDay((life as LifecycleAt).endDay + 1),
            request: subscriptionPatch(sub, subscription, true, { quantity: requested }),
          },
        ]
      : [];
  return {
    allowed: reasons.length === 0,
    reasons,
    rules,
    id: sub.id ?? null,
    asOf: new Date(asOfMs),
    currentQuantity: current,
    requestedQuantity: requested,
    productType,
    reducible,
    disagreements: life?.disagreements ?? [],
    nextSteps,
  };
}
