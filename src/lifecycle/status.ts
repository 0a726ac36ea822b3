/**
 * Which term of a subscription is current, and how it ends.
 * @module
 */
import type {
  CalendarDay,
  InstantInput,
  RuleRef,
  SoftwareSubscription,
  SubscriptionStatus,
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
  /** Whether it renews at the end of the current term. */
  readonly autoRenew: boolean;
  /** `subscription` when the caller set `autoRenew`, else `purchase_date_rule`. */
  readonly autoRenewSource: 'subscription' | 'purchase_date_rule';
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
  const term = formatTerm(life.term.anchorDay, months, life.term.index);
  let nextEvent: SubscriptionStatusOn['nextEvent'];
  if (life.state === 'cancelled' || life.state === 'expired') nextEvent = { type: 'none' };
  else if (life.autoRenew) nextEvent = { type: 'renewal', on: term.renewsOn };
  else nextEvent = { type: 'expiry', on: formatEpochDay(life.term.endDay) };
  const rawStatus = (subscription as { status?: SubscriptionStatus | UnknownValue }).status;
  return {
    asOf: new Date(asOfMs),
    state: life.state,
    status: rawStatus ?? 'active',
    currentTerm: term,
    autoRenew: life.autoRenew,
    autoRenewSource: life.autoRenewSource,
    legacy: life.legacy,
    nextEvent,
    rules: [life.rule],
  };
}
