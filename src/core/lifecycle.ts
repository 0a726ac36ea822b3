/**
 * The lifecycle engine the rule areas share: which term of a checked
 * subscription is current at an instant, whether it renews, and how the
 * purchase-date rule sets its autorenew default.
 * @internal
 * @module
 */

import type { CalendarDay } from './calendar.js';
import { epochDayOfMs, formatEpochDay, MS_PER_DAY } from './calendar.js';
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

/**
 * Where autorenew comes from: `partner_center` (the subscription's
 * `autoRenew`, Partner Center's `autoRenewEnabled`), `purchase_date_rule`
 * (the default for the purchase date; never for a purchase before
 * 2021-10-14), or `suspension` ("Suspending a new commerce subscription turns
 * off autorenew").
 * @category Lifecycle
 */
export type AutoRenewSource = 'partner_center' | 'purchase_date_rule' | 'suspension';

/**
 * A fact Partner Center returned that differs from what the published rules
 * forecast. The decision used `partnerCenter`; `forecast` is what it would
 * have been without the fact.
 * @category Decisions
 */
export type Disagreement =
  | {
      /** The subscription's `autoRenew` (`autoRenewEnabled`) against a rule that fixes it (legacy purchase, suspension). */
      readonly field: 'autoRenew';
      /** What Partner Center returned (the value the decision used). */
      readonly partnerCenter: boolean;
      /** What the published rules alone give. */
      readonly forecast: boolean;
    }
  | {
      /** Partner Center's `status` against the state the dates give. */
      readonly field: 'status';
      /** What Partner Center returned (the value the decision used). */
      readonly partnerCenter: string;
      /** What the published rules alone give. */
      readonly forecast: string;
    }
  | {
      /** `commitmentEndDate` against the current term's forecast last day. */
      readonly field: 'commitmentEndDate';
      /** What Partner Center returned (the value the decision used). */
      readonly partnerCenter: CalendarDay;
      /** What the published rules alone give. */
      readonly forecast: CalendarDay;
    }
  | {
      /** `cancellationAllowedUntil` against the policy's close, when they differ by a day or more. */
      readonly field: 'cancellationAllowedUntil';
      /** What Partner Center returned (the value the decision used). */
      readonly partnerCenter: Date;
      /** What the published rules alone give. */
      readonly forecast: Date;
    }
  | {
      /** The refund tier Partner Center's `refundOptions` give against the computed tier. */
      readonly field: 'refundOptions';
      /** What Partner Center returned (the value the decision used). */
      readonly partnerCenter: string;
      /** What the published rules alone give. */
      readonly forecast: string;
    };

/** @internal The lifecycle of a checked subscription at an instant. */
export interface LifecycleAt {
  readonly state: LifecycleState;
  readonly autoRenew: boolean;
  readonly autoRenewSource: AutoRenewSource;
  /** The forecast: autorenew from the published rules alone; the state the dates give with the autorenew in use. */
  readonly forecast: { readonly autoRenew: boolean; readonly state: LifecycleState };
  readonly disagreements: Disagreement[];
  readonly legacy: boolean;
  readonly term: TermAt;
  /** The current term's last day: Partner Center's `commitmentEndDate` when it describes this term, else `term.endDay`. */
  readonly endDay: number;
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
 * Partner Center's facts win: `autoRenew` (its `autoRenewEnabled`) is used
 * whatever the purchase date; a `status` is the state (a live status means
 * every past term renewed); `commitmentEndDate` is the current term's last
 * day while `asOf` is not past it. The forecast is what the published rules
 * give without those facts: a purchase before 2021-10-14 never renews, a
 * suspended subscription does not renew, else the purchase-date default.
 */
export function lifecycleAt(sub: CheckedSubscription, months: number, asOfMs: number): LifecycleAt {
  const { value, rule } = purchaseDateRuleAt(sub.purchasedMs);
  const legacy = !value.subscriptionsPage;
  const suspended = sub.status === 'suspended';
  const forecastAutoRenew = legacy || suspended ? false : value.autoRenewByDefault;
  const given = sub.autoRenew;
  const autoRenew = given ?? forecastAutoRenew;
  const autoRenewSource: AutoRenewSource =
    given !== undefined
      ? 'partner_center'
      : suspended && !legacy
        ? 'suspension'
        : 'purchase_date_rule';
  const disagreements: Disagreement[] = [];
  // The purchase-date default is only a default (a customer may turn it off);
  // a legacy purchase and a suspension fix the value, so a different fact is a disagreement.
  if (given !== undefined && given !== forecastAutoRenew && (legacy || suspended)) {
    disagreements.push({ field: 'autoRenew', partnerCenter: given, forecast: forecastAutoRenew });
  }
  const anchorDay = epochDayOfMs(sub.purchasedMs);
  const asOfDay = epochDayOfMs(asOfMs);
  const started = asOfMs >= sub.purchasedMs;
  const k0 = asOfDay < anchorDay ? 0 : termIndexAt(anchorDay, months, asOfDay);
  // The state the dates give with the autorenew in use (no status fact).
  const forecastState: LifecycleState = !started
    ? 'not_started'
    : k0 > 0 && !autoRenew
      ? 'expired'
      : 'in_term';
  // A live status means past terms renewed, except for a legacy purchase that
  // Partner Center says does not autorenew: it never renewed (the status was read in its term).
  const renewedHistory =
    autoRenew || (sub.status !== undefined && !(legacy && sub.autoRenew === false));
  let k = k0;
  let state: LifecycleState = started ? 'in_term' : 'not_started';
  if (k > 0 && !renewedHistory) {
    k = 0;
    state = 'expired';
  }
  if (sub.status === 'expired') state = 'expired';
  if (sub.status === 'cancelled' || sub.status === 'deleted') state = 'cancelled';
  if (sub.status !== undefined && started && state !== forecastState) {
    disagreements.push({ field: 'status', partnerCenter: sub.status, forecast: forecastState });
  }
  const term = termOf(sub, months, k);
  let endDay = term.endDay;
  // "New commerce end dates are inclusive ... Legacy end dates are not
  // inclusive" (Subscription resources): a legacy term's last day is the day before.
  const pcEnd =
    sub.commitmentEndDay === undefined || !legacy ? sub.commitmentEndDay : sub.commitmentEndDay - 1;
  // The fact describes the term current when Partner Center answered: it
  // speaks for `asOf` while `asOf` is not past it and falls in this term.
  if (pcEnd !== undefined && asOfDay <= pcEnd && pcEnd >= term.startDay) {
    if (pcEnd !== term.endDay) {
      disagreements.push({
        field: 'commitmentEndDate',
        partnerCenter: formatEpochDay(pcEnd),
        forecast: formatEpochDay(term.endDay),
      });
    }
    endDay = pcEnd;
  }
  return {
    state,
    autoRenew,
    autoRenewSource,
    forecast: { autoRenew: forecastAutoRenew, state: forecastState },
    disagreements,
    legacy,
    term,
    endDay,
    rule,
  };
}

/** @internal The term months of a checked subscription, or a clear error when unknown. */
export function knownTermMonths(sub: CheckedSubscription, field = 'subscription.term'): number {
  if (sub.term === undefined) {
    const raw = sub.unknownFields.find((f) => f.field.endsWith('.term'))?.raw ?? '';
    fail('invalid_term', field, `${field}: "${raw.slice(0, 16)}" is not a term this version knows`);
  }
  return monthsOfTerm(sub.term);
}
