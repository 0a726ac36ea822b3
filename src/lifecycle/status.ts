/**
 * Which term of a subscription is current, and how it ends (brief §2, §3).
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
  type CheckedSubscription,
  checkSubscription,
  epochDayOfMs,
  fail,
  formatEpochDay,
  MS_PER_DAY,
  monthsOfTerm,
  toInstantMs,
} from '../core/internal.js';
import { formatTerm, type TermDates, termDayRange, termIndexAt } from './terms.js';
import { purchaseDateRuleAt } from './visibility.js';

/**
 * Where a subscription stands at `asOf`:
 * - `not_started`: `asOf` is before the purchase instant;
 * - `in_term`: inside a term (whatever Partner Center's status, e.g. suspended);
 * - `expired`: past the end of its last term (it did not renew), or status `expired`;
 * - `cancelled`: status `cancelled` or `deleted`.
 * @category Lifecycle
 */
export type LifecycleState = 'not_started' | 'in_term' | 'expired' | 'cancelled';

/**
 * What happens at the end of the current term: `renewal` on the renewal day,
 * `expiry` after the last covered day (`on`), or `none` (already cancelled or expired).
 * @category Lifecycle
 */
export type NextLifecycleEvent =
  | {
      /** The subscription renews. */
      readonly kind: 'renewal';
      /** The first day of the next term. */
      readonly on: CalendarDay;
    }
  | {
      /** The subscription expires. */
      readonly kind: 'expiry';
      /** The last day it covers. */
      readonly on: CalendarDay;
    }
  | {
      /** Nothing more happens. */
      readonly kind: 'none';
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
  /** `subscription` when the caller set `autoRenew`, else `purchase-date-rule`. */
  readonly autoRenewSource: 'subscription' | 'purchase-date-rule';
  /** Bought before 2021-10-14: never renews, not on the Subscriptions page. */
  readonly legacy: boolean;
  /** What happens at the end of the current term, and on which day. */
  readonly nextEvent: NextLifecycleEvent;
  /** The rules applied. */
  readonly rules: readonly RuleRef[];
}

/** @internal The term current at an instant, as epoch values. */
export interface TermAt {
  readonly index: number;
  readonly anchorDay: number;
  readonly months: number;
  readonly startDay: number;
  readonly endDay: number;
  /**
   * The instant the term opened: the purchase instant for the initial term;
   * for a renewal, `renewalCompletedAt` when it falls inside that term, else 00:00Z of the renewal day.
   */
  readonly openedMs: number;
  /** True when `renewalCompletedAt` was given but belongs to another term (ignored). */
  readonly renewalCompletedIgnored: boolean;
}

/** @internal The lifecycle of a checked subscription at an instant. */
export interface LifecycleAt {
  readonly state: LifecycleState;
  readonly autoRenew: boolean;
  readonly autoRenewSource: 'subscription' | 'purchase-date-rule';
  readonly legacy: boolean;
  readonly term: TermAt;
  readonly rule: RuleRef;
}

/** @internal Term `k` of a subscription, with its opening instant. */
export function termOf(sub: CheckedSubscription, months: number, k: number): TermAt {
  const anchorDay = epochDayOfMs(sub.purchasedMs);
  const { startDay, endDay } = termDayRange(anchorDay, months, k);
  let openedMs = k === 0 ? sub.purchasedMs : startDay * MS_PER_DAY;
  let renewalCompletedIgnored = false;
  const completed = sub.renewalCompletedMs;
  if (k > 0 && completed !== undefined) {
    if (completed >= startDay * MS_PER_DAY && completed < (endDay + 1) * MS_PER_DAY) {
      openedMs = completed;
    } else {
      renewalCompletedIgnored = true;
    }
  }
  return { index: k, anchorDay, months, startDay, endDay, openedMs, renewalCompletedIgnored };
}

/**
 * @internal Lifecycle of a checked subscription whose term is known.
 *
 * `autoRenew` is the setting at `asOf`. Whether earlier terms renewed: legacy
 * purchases never renew; otherwise past terms count as renewed when autorenew
 * is on, or when the caller states a live status (`active`, `pending`,
 * `suspended`, `disabled`): Partner Center would show it expired otherwise.
 */
export function lifecycleAt(sub: CheckedSubscription, months: number, asOfMs: number): LifecycleAt {
  const { value, rule } = purchaseDateRuleAt(sub.purchasedMs, 'subscription.purchasedAt');
  const legacy = !value.subscriptionsPage;
  const autoRenew = legacy ? false : (sub.autoRenew ?? value.autoRenewByDefault);
  const autoRenewSource =
    legacy || sub.autoRenew === undefined ? 'purchase-date-rule' : 'subscription';
  const anchorDay = epochDayOfMs(sub.purchasedMs);
  const asOfDay = epochDayOfMs(asOfMs);
  const renewedHistory = !legacy && (autoRenew || sub.status !== undefined);
  let k = asOfDay < anchorDay ? 0 : termIndexAt(anchorDay, months, asOfDay);
  let state: LifecycleState = asOfMs < sub.purchasedMs ? 'not_started' : 'in_term';
  if (k > 0 && !renewedHistory) {
    k = 0;
    state = 'expired';
  }
  if (sub.status === 'expired') state = 'expired';
  if (sub.status === 'cancelled' || sub.status === 'deleted') state = 'cancelled';
  return { state, autoRenew, autoRenewSource, legacy, term: termOf(sub, months, k), rule };
}

/** @internal The term months of a checked subscription, or a clear error when unknown. */
export function knownTermMonths(sub: CheckedSubscription, field = 'subscription.term'): number {
  if (sub.term === undefined) {
    const raw = sub.unknownFields.find((f) => f.field.endsWith('.term'))?.raw ?? '';
    fail('invalid_term', field, `${field}: "${raw.slice(0, 16)}" is not a term this version knows`);
  }
  return monthsOfTerm(sub.term);
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
 * @param subscription - A software subscription (ARCHITECTURE shape).
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
 * s.nextEvent; // => { kind: 'renewal', on: '2024-01-31' }
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
  if (life.state === 'cancelled' || life.state === 'expired') nextEvent = { kind: 'none' };
  else if (life.autoRenew) nextEvent = { kind: 'renewal', on: term.renewsOn };
  else nextEvent = { kind: 'expiry', on: formatEpochDay(life.term.endDay) };
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
