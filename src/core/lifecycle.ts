/**
 * The lifecycle engine the rule areas share: which term of a checked
 * subscription is current at an instant, whether it renews, and how the
 * purchase-date rule sets its autorenew default.
 * @internal
 * @module
 */
import { epochDayOfMs, MS_PER_DAY } from './calendar.js';
import type { RuleRef } from './decision.js';
import { fail } from './errors.js';
import { inForceAtMs } from './policy.js';
import type { CheckedSubscription } from './purchase.js';
import { PURCHASE_DATE_POLICY } from './purchaseDatePolicy.js';
import { termDayRange, termIndexAt } from './schedule.js';
import { monthsOfTerm } from './term.js';

/**
 * Where a subscription stands at `asOf`:
 * - `not_started`: `asOf` is before the purchase instant;
 * - `in_term`: inside a term (whatever Partner Center's status, e.g. suspended);
 * - `expired`: past the end of its last term (it did not renew), or status `expired`;
 * - `cancelled`: status `cancelled` or `deleted`.
 * @category Lifecycle
 */
export type LifecycleState = 'not_started' | 'in_term' | 'expired' | 'cancelled';

/** @internal The purchase-date rule in force at a purchase instant (epoch ms). */
export function purchaseDateRuleAt(purchasedMs: number) {
  return inForceAtMs(PURCHASE_DATE_POLICY, purchasedMs);
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
  readonly autoRenewSource: 'subscription' | 'purchase_date_rule';
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
  const { value, rule } = purchaseDateRuleAt(sub.purchasedMs);
  const legacy = !value.subscriptionsPage;
  const autoRenew = legacy ? false : (sub.autoRenew ?? value.autoRenewByDefault);
  const autoRenewSource =
    legacy || sub.autoRenew === undefined ? 'purchase_date_rule' : 'subscription';
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
