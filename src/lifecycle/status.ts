/**
 * Which term of a subscription is current, and how it ends.
 * @module
 */
import type {
  AutoRenewSource,
  BillingFrequency,
  CalendarDay,
  Disagreement,
  InstantInput,
  RuleRef,
  SoftwareSubscription,
  SubscriptionStatus,
  Term,
  UnknownValue,
} from '../core/index.js';
import {
  checkSubscription,
  formatEpochDay,
  formatTerm,
  knownTermMonths,
  type LifecycleState,
  lifecycleAt,
  type TermDates,
  toInstantMs,
} from '../core/internal.js';

export type { LifecycleState };

/**
 * What happens at the end of the current term: `renewal` on the renewal day,
 * `expiry` after the last covered day (`on`), or `none` (already cancelled or expired).
 * @category Lifecycle
 */
export type NextLifecycleEvent =
  | {
      /** The subscription renews. */
      readonly type: 'renewal';
      /** The first day of the next term. */
      readonly on: CalendarDay;
    }
  | {
      /** The subscription expires. */
      readonly type: 'expiry';
      /** The last day it covers. */
      readonly on: CalendarDay;
    }
  | {
      /** Nothing more happens. */
      readonly type: 'none';
    };

/**
 * What the next term will be: the current values, changed by what Partner
 * Center has scheduled. `changed` lists the fields a scheduled change sets.
 * @category Lifecycle
 */
export interface NextTerm {
  /** Its first day. */
  readonly start: CalendarDay;
  /** Its length (`renewalTerm`, else the scheduled term, else the current one). */
  readonly term: Term | UnknownValue;
  /** Its billing plan. */
  readonly billingFrequency: BillingFrequency | UnknownValue;
  /** Its seats. */
  readonly quantity: number;
  /** Its offer, when Partner Center scheduled a different one. */
  readonly offerId: string | null;
  /** The fields set by Partner Center's scheduled changes. */
  readonly changed: readonly ('term' | 'billingFrequency' | 'quantity' | 'offerId')[];
}

/**
 * The result of {@link subscriptionStatusOn}.
 * @category Lifecycle
 */
export interface SubscriptionStatusOn {
  /** The instant asked about. */
  readonly asOf: Date;
  /** Where the subscription stands. */
  readonly state: LifecycleState;
  /** The status the caller gave (default `active`). */
  readonly status: SubscriptionStatus | UnknownValue;
  /** The term containing `asOf`; before the start, the initial term; once expired, the last term. */
  readonly currentTerm: TermDates;
  /** Whether it renews at the end of the current term: Partner Center's `autoRenew` when given. */
  readonly autoRenew: boolean;
  /** Where `autoRenew` comes from: `partner_center`, `purchase_date_rule` or `suspension`. */
  readonly autoRenewSource: AutoRenewSource;
  /**
   * What the published rules alone forecast: `autoRenew` without Partner
   * Center's value, the `state` the dates give without its `status`, and the
   * current term's last day without its `commitmentEndDate`.
   */
  readonly forecast: {
    /** Autorenew by the published rules alone. */
    readonly autoRenew: boolean;
    /** The state the dates give. */
    readonly state: LifecycleState;
    /** The current term's last day by the dates. */
    readonly currentTermEnd: CalendarDay;
  };
  /** Every Partner Center fact that differs from the forecast (the fact was used). */
  readonly disagreements: readonly Disagreement[];
  /**
   * The next term, when it renews: Partner Center's scheduled changes
   * (`scheduledNextTerm`, `renewalTerm`) over the current values; `null` when
   * it does not renew.
   */
  readonly nextTerm: NextTerm | null;
  /** Bought before 2021-10-14: never renews, not on the Subscriptions page. */
  readonly legacy: boolean;
  /** What happens at the end of the current term, and on which day. */
  readonly nextEvent: NextLifecycleEvent;
  /** The rules applied. */
  readonly rules: readonly RuleRef[];
}

/**
 * Where a subscription stands at `asOf`: the current term (index and dates),
 * whether it renews at the end (autorenew, by default the purchase-date rule)
 * or expires, and the date of that event. A subscription bought before
 * 2021-10-14 never renews: it expires at the end date set at purchase.
 *
 * `autoRenew` is read as the setting at `asOf`. Earlier terms count as renewed
 * when autorenew is on or when you pass a live `status` (`active`, ...); with
 * autorenew off and no status, the subscription is taken to have run only its
 * initial term.
 *
 * @param subscription - A software subscription.
 * @param options - `asOf`: the instant asked about.
 * @returns The state, current term, autorenew and next event.
 * @throws {@link core!CspRuleError} for an invalid subscription (`invalid_input`, `invalid_instant`, `invalid_term` for a term this version does not know, ...).
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { subscriptionStatusOn } from 'csp-software-rules/lifecycle';
 *
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2022-01-31T10:00:00Z', term: 'P1Y', billingFrequency: 'annual',
 *   quantity: 5, unitPrice: '100.00', currency: 'EUR',
 * } as const;
 * const s = subscriptionStatusOn(sub, { asOf: '2023-03-01T00:00:00Z' });
 * s.currentTerm; // => { termIndex: 1, start: '2023-01-31', end: '2024-01-30', renewsOn: '2024-01-31' }
 * s.nextEvent; // => { type: 'renewal', on: '2024-01-31' }
 * subscriptionStatusOn({ ...sub, purchasedAt: '2021-06-01' }, { asOf: '2022-06-01' }).state; // => 'expired'
 * ```
 * @category Lifecycle
 */
export function subscriptionStatusOn(
  subscription: SoftwareSubscription,
  options: { readonly asOf: InstantInput },
): SubscriptionStatusOn {
  const sub = checkSubscription(subscription);
  const asOfMs = toInstantMs(options?.asOf, 'asOf');
  const months = knownTermMonths(sub);
  const life = lifecycleAt(sub, months, asOfMs);
  const forecastTerm = formatTerm(life.term.anchorDay, months, life.term.index);
  // Partner Center's commitmentEndDate, when it speaks for this term, sets its end.
  const term =
    life.endDay === life.term.endDay
      ? forecastTerm
      : {
          ...forecastTerm,
          end: formatEpochDay(life.endDay),
          renewsOn: formatEpochDay(life.endDay + 1),
        };
  let nextEvent: SubscriptionStatusOn['nextEvent'];
  const renews = life.state !== 'cancelled' && life.state !== 'expired' && life.autoRenew;
  if (life.state === 'cancelled' || life.state === 'expired') nextEvent = { type: 'none' };
  else if (life.autoRenew) nextEvent = { type: 'renewal', on: term.renewsOn };
  else nextEvent = { type: 'expiry', on: term.end };
  const raw = subscription as SoftwareSubscription;
  return {
    asOf: new Date(asOfMs),
    state: life.state,
    status: raw.status ?? 'active',
    currentTerm: term,
    autoRenew: life.autoRenew,
    autoRenewSource: life.autoRenewSource,
    forecast: {
      autoRenew: life.forecast.autoRenew,
      state: life.forecast.state,
      currentTermEnd: forecastTerm.end,
    },
    disagreements: life.disagreements,
    nextTerm: renews ? nextTermOf(raw, term.renewsOn) : null,
    legacy: life.legacy,
    nextEvent,
    rules: [life.rule],
  };
}

/** @internal The next term: the current values with Partner Center's scheduled changes applied. */
export function nextTermOf(sub: SoftwareSubscription, start: CalendarDay): NextTerm {
  const s = sub.scheduledNextTerm;
  const changed: NextTerm['changed'][number][] = [];
  const term = sub.renewalTerm ?? s?.term;
  const frequency = s?.billingFrequency;
  const quantity = s?.quantity;
  const offerId = s?.offerId;
  if (term !== undefined && term !== sub.term) changed.push('term');
  if (frequency !== undefined && frequency !== sub.billingFrequency)
    changed.push('billingFrequency');
  if (quantity !== undefined && quantity !== sub.quantity) changed.push('quantity');
  if (offerId !== undefined) changed.push('offerId');
  return {
    start,
    term: term ?? sub.term,
    billingFrequency: frequency ?? sub.billingFrequency,
    quantity: quantity ?? sub.quantity,
    offerId: offerId ?? null,
    changed,
  };
}
