/**
 * The cancellation window of the term current at an instant.
 * @module
 */
import type { CalendarDay, Purchase, RuleRef } from '../core/index.js';
import {
  asRecord,
  type CheckedPerpetual,
  type CheckedSubscription,
  checkPurchase,
  epochDayOfMs,
  formatEpochDay,
  inForceAtMs,
  knownTermMonths,
  lifecycleAt,
  MS_PER_DAY,
  type TermAt,
  toInstantMs,
} from '../core/internal.js';
import {
  type CancellationWindowOptions,
  type CheckedCancellationOptions,
  checkCancellationOptions,
  type WindowReading,
} from './options.js';
import {
  PARTNER_CENTER_DEADLINE_POLICY,
  PERPETUAL_CANCELLATION_POLICY,
  SUBSCRIPTION_CANCELLATION_POLICY,
} from './policy.js';
import { checkWindowRule } from './resolve.js';

/**
 * How Partner Center's `cancellationAllowedUntil` was used:
 * - `'applied'`: it falls inside the current term (from the term's opening to
 *   the end of its last day) and sets the window's close;
 * - `'stale'`: it is older than the current term's opening (from an earlier
 *   term) and is ignored;
 * - `'later_term'`: it falls after the current term's end (it belongs to a
 *   later term than the one current at `asOf`) and is ignored.
 * @category Cancellation
 */
export type PartnerCenterDeadlineUse = 'applied' | 'stale' | 'later_term';

/**
 * Partner Center's deadline as the caller gave it, and how it was used.
 * @category Cancellation
 */
export interface PartnerCenterDeadline {
  /** The deadline (`cancellationAllowedUntilDate`), as read (sub-millisecond digits truncated). */
  readonly at: Date;
  /** How it was used. */
  readonly use: PartnerCenterDeadlineUse;
}

/**
 * The cancellation window of one term (or of a perpetual purchase).
 * @category Cancellation
 */
export interface CancellationWindow {
  /** The term the window belongs to (0 = initial term; always 0 for perpetual software). */
  readonly termIndex: number;
  /**
   * When cancelling becomes possible: the purchase instant for the initial
   * term and perpetual software; for a renewal, 00:00Z of the renewal day, or
   * `renewalCompletedAt` when it falls inside that term.
   */
  readonly opensAt: Date;
  /**
   * The first instant at which cancelling is no longer possible. Cancelling is
   * possible while `opensAt ≤ asOf < closesAt`. With Partner Center's deadline
   * it is that deadline + 1 ms (allowed while `asOf ≤ deadline`).
   */
  readonly closesAt: Date;
  /** The last UTC day on which cancelling is possible: the day of `closesAt − 1 ms`. */
  readonly lastDay: CalendarDay;
  /** `'partner_center'` when Partner Center's own deadline set `closesAt`, else `'policy'`. */
  readonly source: 'policy' | 'partner_center';
  /** The reading asked for (it does not matter when `source` is `'partner_center'`). */
  readonly reading: WindowReading;
  /** Whether `minimumWindowDays` lengthened the policy window. */
  readonly extended: boolean;
  /** Partner Center's `cancellationAllowedUntil` and its use, or `null` when not given. */
  readonly partnerCenterDeadline: PartnerCenterDeadline | null;
  /** Whether a Partner Center deadline was given but ignored as stale (older than this term's opening). */
  readonly staleDeadlineIgnored: boolean;
  /** Whether `renewalCompletedAt` was given but ignored because it falls outside this term. */
  readonly renewalCompletedAtIgnored: boolean;
}

/** @internal A window, and the epoch values and rules a decision needs. */
export interface WindowAt {
  readonly window: CancellationWindow;
  readonly opensMs: number;
  readonly closesMs: number;
  /** Where the policy alone would close the window (the forecast beside Partner Center's deadline). */
  readonly policyClosesMs: number;
  /** The rules applied: the window policy, and Partner Center's deadline rule when applied (a fresh array). */
  readonly rules: RuleRef[];
}

/**
 * @internal The window of a subscription's term `term` (found by
 * `lifecycleAt`), or of a perpetual purchase (no `term`).
 */
export function windowAt(
  p: CheckedSubscription | CheckedPerpetual,
  opts: CheckedCancellationOptions,
  term?: TermAt,
): WindowAt {
  const opensMs = term === undefined ? p.purchasedMs : term.openedMs;
  // The window length in force at the opening instant: the caller's policy, else the built-in one.
  const { value, rule } =
    opts.policy === undefined
      ? inForceAtMs(
          term === undefined ? PERPETUAL_CANCELLATION_POLICY : SUBSCRIPTION_CANCELLATION_POLICY,
          opensMs,
          checkWindowRule,
        )
      : inForceAtMs(opts.policy, opensMs, checkWindowRule, 'policy');
  const deadlineMs = term && (p as CheckedSubscription).cancellationAllowedUntilMs;
  const use: PartnerCenterDeadlineUse | undefined =
    deadlineMs === undefined
      ? undefined
      : deadlineMs < opensMs
        ? 'stale'
        : deadlineMs >= ((term as TermAt).endDay + 1) * MS_PER_DAY
          ? 'later_term'
          : 'applied';
  const applied = use === 'applied';
  const days = Math.max(value.days, opts.minimumWindowDays);
  const policyClosesMs =
    opts.reading === 'elapsed_hours'
      ? opensMs + days * MS_PER_DAY
      : (epochDayOfMs(opensMs) + days + 1) * MS_PER_DAY;
  const closesMs = applied ? (deadlineMs as number) + 1 : policyClosesMs;
  return {
    window: {
      termIndex: term === undefined ? 0 : term.index,
      opensAt: new Date(opensMs),
      closesAt: new Date(closesMs),
      lastDay: formatEpochDay(epochDayOfMs(closesMs - 1)),
      source: applied ? 'partner_center' : 'policy',
      reading: opts.reading,
      extended: !applied && days > value.days,
      partnerCenterDeadline: use === undefined ? null : { at: new Date(deadlineMs as number), use },
      staleDeadlineIgnored: use === 'stale',
      renewalCompletedAtIgnored: term?.renewalCompletedIgnored === true,
    },
    opensMs,
    closesMs,
    policyClosesMs,
    rules: applied ? [rule, inForceAtMs(PARTNER_CENTER_DEADLINE_POLICY, opensMs).rule] : [rule],
  };
}

/**
 * The cancellation window of the term current at `asOf`: when it opens, the
 * first instant it is closed, its last UTC day, and whether the value comes
 * from the policy or from Partner Center's own deadline.
 *
 * - Software subscription: the first seven days of **any** term. The initial
 *   term opens at the purchase instant; a renewal at 00:00Z of the renewal
 *   day, or at `renewalCompletedAt` when it falls inside that term. Default
 *   reading `'elapsed_hours'`: closes 168 h after opening.
 *   `window: 'calendar_days'`: last day = opening day + 7, closes 00:00Z the
 *   day after. For a subscription that has expired, the window of its last term.
 * - Perpetual software: 30 × 24 h from the purchase instant; with
 *   `'calendar_days'`, last day = purchase date + 30.
 * - Partner Center's `cancellationAllowedUntil` (subscriptions), when it falls
 *   inside the current term, is authoritative: cancelling is allowed while
 *   `asOf ≤` it, so `closesAt` is that instant + 1 ms and `source` is
 *   `'partner_center'`. A value older than the term's opening is stale and
 *   ignored (`staleDeadlineIgnored: true`). Partner Center's samples print
 *   deadlines at 23:59:00Z of the last day.
 *
 * @param purchase - A software subscription or perpetual purchase.
 * @param options - `asOf`; optional `window` reading, your own dated `policy`, `minimumWindowDays`.
 * @returns The window.
 * @throws {@link core!CspRuleError} for an invalid purchase (`invalid_input`,
 *   `invalid_instant`, ...), `invalid_term` for a term this version does not
 *   know, `invalid_option` for a bad `window` or `minimumWindowDays`,
 *   `invalid_policy`/`policy_not_in_force` for a bad or not yet valid `policy`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy
 * @example
 * ```ts
 * import { cancellationWindow } from 'csp-software-rules/cancellation';
 *
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2022-01-31T10:00:00Z', term: 'P1M', billingFrequency: 'monthly',
 *   quantity: 5, unitPrice: '12.00', currency: 'EUR',
 * } as const;
 * const w = cancellationWindow(sub, { asOf: '2022-02-01T00:00:00Z' });
 * w.closesAt.toISOString(); // => '2022-02-07T10:00:00.000Z'
 * w.lastDay; // => '2022-02-07'
 * // The renewal term (Feb 28, clamped from the 31st) opens at 00:00Z and has its own window.
 * const r = cancellationWindow(sub, { asOf: '2022-03-01T12:00:00Z', window: 'calendar_days' });
 * [r.termIndex, r.opensAt.toISOString(), r.lastDay]; // => [1, '2022-02-28T00:00:00.000Z', '2022-03-07']
 * const pc = cancellationWindow({ ...sub, cancellationAllowedUntil: '2022-02-07T23:59:00Z' }, { asOf: '2022-02-01' });
 * [pc.source, pc.closesAt.toISOString()]; // => ['partner_center', '2022-02-07T23:59:00.001Z']
 * ```
 * @category Cancellation
 */
export function cancellationWindow(
  purchase: Purchase,
  options: CancellationWindowOptions,
): CancellationWindow {
  const checked = checkPurchase(purchase);
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const opts = checkCancellationOptions(o, false);
  return windowAt(
    checked,
    opts,
    checked.kind === 'subscription'
      ? lifecycleAt(checked, knownTermMonths(checked), asOfMs).term
      : undefined,
  ).window;
}
