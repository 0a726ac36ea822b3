/**
 * The whole lifecycle of a subscription: its state at an instant, the dated
 * states ahead, who can use it and whether it is billed.
 * @module
 */
import type {
  CalendarDay,
  Disagreement,
  InstantInput,
  RuleRef,
  SoftwareSubscription,
} from '../core/index.js';
import {
  asRecord,
  checkSubscription,
  epochDayOfMs,
  formatEpochDay,
  inForceAtMs,
  knownTermMonths,
  type LifecycleState,
  lifecycleAt,
  oneOf,
  toInstantMs,
} from '../core/internal.js';
import { type LifecycleDurations, SUBSCRIPTION_LIFECYCLE_POLICY } from './lifecyclePolicy.js';

/**
 * A lifecycle state, in Partner Center's words (`pending` before the
 * purchase instant). Legacy subscriptions (bought before 2021-10-14) know
 * only active, suspended, expired (at their end date) and deleted.
 * @category Lifecycle
 */
export type SubscriptionLifecycleState =
  | 'pending'
  | 'active'
  | 'suspended'
  | 'expired'
  | 'disabled'
  | 'cancelled'
  | 'deleted';

/**
 * What a group of people can do in a state: `full` use, `data_only` (admins
 * of a disabled subscription: data kept, services off), `backup_only`
 * (admins of a cancelled subscription, until deletion), or `none`.
 * @category Lifecycle
 */
export type LifecycleAccess = 'full' | 'data_only' | 'backup_only' | 'none';

/**
 * One state of the timeline: from its first day to its last (inclusive;
 * `null` when not known, or open-ended for the last state).
 * @category Lifecycle
 */
export interface LifecycleSegment {
  /** The state. */
  readonly state: SubscriptionLifecycleState;
  /** Its first UTC day, or `null` when not known (a suspension date you did not give). */
  readonly from: CalendarDay | null;
  /** Its last UTC day (inclusive), or `null`: open-ended or not known. */
  readonly until: CalendarDay | null;
  /** What the customer's users can do. */
  readonly users: LifecycleAccess;
  /** What the customer's admins can do. */
  readonly admins: LifecycleAccess;
  /** Whether Microsoft bills it in this state. */
  readonly billed: boolean;
}

/**
 * Options of {@link subscriptionLifecycle}.
 * @category Lifecycle
 */
export interface SubscriptionLifecycleOptions {
  /** The instant asked about. */
  readonly asOf: InstantInput;
  /** When it was cancelled, if it was (dates the 7-day backup before deletion). */
  readonly cancelledAt?: InstantInput;
  /**
   * Where a suspended new commerce term ends: `'disabled'` (default, the
   * Disabled section: "moved to this 30-day disabled state") or `'expired'`
   * (the Suspended section: "the subscription moves to the expired state").
   */
  readonly suspendedTermEndsIn?: 'disabled' | 'expired';
  /**
   * When a legacy suspended subscription is deleted: `'after_90_days'` of
   * suspension (default) or at `'term_end'` ("by the term's end").
   */
  readonly legacySuspendedDeletion?: 'after_90_days' | 'term_end';
}

/**
 * The result of {@link subscriptionLifecycle}.
 * @category Lifecycle
 */
export interface SubscriptionLifecycle {
  /** The instant asked about. */
  readonly asOf: Date;
  /** The state at `asOf`: Partner Center's `status` when given, else the forecast. */
  readonly state: SubscriptionLifecycleState;
  /** `partner_center` when the state is Partner Center's `status`, else `forecast`. */
  readonly source: 'partner_center' | 'forecast';
  /** The state the dates and the published durations give, without `status`. */
  readonly forecast: SubscriptionLifecycleState;
  /** Partner Center's facts that differ from the forecast. */
  readonly disagreements: readonly Disagreement[];
  /** The first day of the current state, or `null` when not known. */
  readonly since: CalendarDay | null;
  /** The next transition: the state and its first day; `null` when none is dated. */
  readonly next: {
    /** The state entered. */
    readonly state: SubscriptionLifecycleState;
    /** Its first UTC day. */
    readonly on: CalendarDay;
  } | null;
  /** The current state and every dated state after it. */
  readonly timeline: readonly LifecycleSegment[];
  /** What users can do now. */
  readonly users: LifecycleAccess;
  /** What admins can do now. */
  readonly admins: LifecycleAccess;
  /** Whether it is billed now. */
  readonly billed: boolean;
  /** A suspended subscription can be reactivated until its term ends. */
  readonly canReactivate: boolean;
  /** A cancellation can be requested (active or suspended; whether the window is open is `evaluateCancellation`'s answer). */
  readonly canCancel: boolean;
  /** It renews at the term end (autorenew on), or can be set to (active, autorenew off). */
  readonly canRenew: boolean;
  /** Bought before 2021-10-14: the legacy lifecycle. */
  readonly legacy: boolean;
  /** The rules applied: the lifecycle durations and the purchase-date rule. */
  readonly rules: readonly RuleRef[];
}

type Access = Pick<LifecycleSegment, 'users' | 'admins' | 'billed'>;

// Who can do what in each state (Subscription lifecycle states).
const ACCESS: Readonly<Record<SubscriptionLifecycleState, Access>> = {
  pending: { users: 'none', admins: 'none', billed: false },
  active: { users: 'full', admins: 'full', billed: true },
  suspended: { users: 'none', admins: 'full', billed: true },
  expired: { users: 'full', admins: 'full', billed: false },
  disabled: { users: 'none', admins: 'data_only', billed: false },
  cancelled: { users: 'none', admins: 'backup_only', billed: false },
  deleted: { users: 'none', admins: 'none', billed: false },
};

interface Span {
  readonly state: SubscriptionLifecycleState;
  readonly from: number | null;
  readonly until: number | null;
}

/**
 * The whole lifecycle of a subscription at `asOf`: its state (Partner
 * Center's `status` wins over the forecast from dates), since when, the next
 * transition, every dated state ahead, who can use it, whether it is billed,
 * and whether it can be reactivated, cancelled or renewed.
 *
 * New commerce: active; suspended (services off, still billed, can be
 * reactivated before the term ends; suspending turns autorenew off); at the
 * end of a term that does not renew, expired for 30 days (users keep access,
 * not billed), then disabled for 90 days (admins only), then deleted; a
 * suspended term ends in a 30-day disabled state, then the 90 days; a
 * cancelled subscription is deleted, with 7 days for admins to back up.
 * Legacy (bought before 2021-10-14): suspended is not billed and is deleted
 * 90 days after the suspension. Microsoft's page speaks of license-based
 * offers; applying it to software subscriptions is our reading. Where the
 * page contradicts itself, the default follows the explicit durations and
 * the other sentence is an option (`suspendedTermEndsIn`, `legacySuspendedDeletion`).
 * Before the purchase instant the state is `pending` and the timeline the
 * dated one: Partner Center's status describes a later day.
 *
 * @param subscription - A software subscription (its `status`, `suspendedAt`, `autoRenew`...).
 * @param options - `asOf`; `cancelledAt`, `suspendedTermEndsIn`, `legacySuspendedDeletion`.
 * @returns The lifecycle.
 * @throws {@link core!CspRuleError} for an invalid subscription or option (`invalid_option`).
 * @see https://learn.microsoft.com/partner-center/customers/subscription-lifecycle
 * @example
 * ```ts
 * import { subscriptionLifecycle } from 'csp-software-rules/lifecycle';
 *
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2024-01-10T09:00:00Z', term: 'P1Y', billingFrequency: 'annual',
 *   quantity: 5, autoRenew: false,
 * } as const;
 * const l = subscriptionLifecycle(sub, { asOf: '2025-01-20' });
 * [l.state, l.since, l.next]; // => ['expired', '2025-01-10', { state: 'disabled', on: '2025-02-09' }]
 * [l.users, l.billed]; // => ['full', false]
 * l.timeline.map((s) => [s.state, s.from, s.until]); // => [['expired', '2025-01-10', '2025-02-08'], ['disabled', '2025-02-09', '2025-05-09'], ['deleted', '2025-05-10', null]]
 * ```
 * @category Lifecycle
 */
export function subscriptionLifecycle(
  subscription: SoftwareSubscription,
  options: SubscriptionLifecycleOptions,
): SubscriptionLifecycle {
  const sub = checkSubscription(subscription);
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const cancelledMs =
    o['cancelledAt'] === undefined
      ? undefined
      : toInstantMs(o['cancelledAt'], 'options.cancelledAt');
  const endsIn = oneOf(
    o['suspendedTermEndsIn'] ?? 'disabled',
    ['disabled', 'expired'] as const,
    'options.suspendedTermEndsIn',
    'invalid_option',
  );
  const legacyDeletion = oneOf(
    o['legacySuspendedDeletion'] ?? 'after_90_days',
    ['after_90_days', 'term_end'] as const,
    'options.legacySuspendedDeletion',
    'invalid_option',
  );
  const months = knownTermMonths(sub);
  const life = lifecycleAt(sub, months, asOfMs);
  const policy = inForceAtMs(SUBSCRIPTION_LIFECYCLE_POLICY, asOfMs);
  const d = policy.value;
  const asOfDay = epochDayOfMs(asOfMs);
  const end = life.endDay;
  const legacy = life.legacy;
  const status = sub.status;
  const pending = asOfMs < sub.purchasedMs;

  // The forecast: the dates and the published durations alone, as if Partner Center gave no status.
  const plain =
    status === undefined ? life : lifecycleAt({ ...sub, status: undefined }, months, asOfMs);
  const dated = withPending(
    pending,
    activePath(
      plain.term.startDay,
      plain.endDay,
      plain.autoRenew && renewable(plain.state),
      legacy,
      d,
    ),
  );
  const forecast = (dated[spanAt(dated, asOfDay, pending)] as Span).state;

  // The dated path from the current state on, by what Partner Center says (or the dates).
  let spans: Span[];
  // Before the purchase instant Partner Center's status is not the state
  // (see below): the path is the dated one, as for the state.
  if (pending) spans = dated;
  else if (status === 'deleted') spans = [{ state: 'deleted', from: null, until: null }];
  else if (status === 'cancelled') {
    const c = cancelledMs === undefined ? null : epochDayOfMs(cancelledMs);
    spans = [
      { state: 'cancelled', from: c, until: c === null ? null : c + d.cancelledBackupDays - 1 },
      { state: 'deleted', from: c === null ? null : c + d.cancelledBackupDays, until: null },
    ];
  } else if (status === 'suspended') {
    spans = suspendedPath(sub.suspendedMs, end, legacy, legacyDeletion, endsIn, d);
  } else if (status === 'expired' || status === 'disabled') {
    // A status past the term says the term did not renew: the dates date what follows.
    spans = dated;
  } else {
    spans = activePath(life.term.startDay, end, life.autoRenew && renewable(life.state), legacy, d);
  }
  let at = spanAt(spans, asOfDay, pending);
  let state: SubscriptionLifecycleState = forecast;
  let source: SubscriptionLifecycle['source'] = 'forecast';
  const disagreements: Disagreement[] = life.disagreements.filter((x) => x.field !== 'status');
  if (status !== undefined && status !== 'pending' && !pending) {
    source = 'partner_center';
    state = status;
    if (status !== forecast)
      disagreements.push({ field: 'status', partnerCenter: status, forecast });
    if (spans[at]?.state !== status) {
      // Partner Center's state starts the timeline ahead when the path knows it.
      at = spans.findIndex((s) => s.state === status);
      if (at < 0) {
        spans = [{ state: status, from: null, until: null }];
        at = 0;
      }
    }
  }
  const ahead = spans.slice(at);
  const timeline = ahead.map((s) => segment(s, legacy));
  const now = timeline[0] as LifecycleSegment;
  const following = ahead[1];
  return {
    asOf: new Date(asOfMs),
    state,
    source,
    forecast,
    disagreements,
    since: now.from,
    next:
      following === undefined || following.from === null
        ? null
        : { state: following.state, on: formatEpochDay(following.from) },
    timeline,
    users: now.users,
    admins: now.admins,
    billed: now.billed,
    canReactivate: state === 'suspended' && asOfDay <= end,
    canCancel: state === 'active' || state === 'suspended',
    canRenew: state === 'active' && (!legacy || life.autoRenew),
    legacy,
    rules: [policy.rule, life.rule],
  };
}

/** A term that renews when autorenew is on: the current one, or one not yet started. */
function renewable(state: LifecycleState): boolean {
  return state === 'in_term' || state === 'not_started';
}

function withPending(pending: boolean, spans: Span[]): Span[] {
  return pending ? [{ state: 'pending', from: null, until: null }, ...spans] : spans;
}

/** The span containing `day` (the last one when past them all; the first while pending). */
function spanAt(spans: readonly Span[], day: number, pending: boolean): number {
  if (pending) return 0;
  const i = spans.findIndex(
    (s) => (s.from === null || s.from <= day) && (s.until === null || day <= s.until),
  );
  return i < 0 ? spans.length - 1 : i;
}

function segment(s: Span, legacy: boolean): LifecycleSegment {
  const access = ACCESS[s.state];
  return {
    state: s.state,
    from: s.from === null ? null : formatEpochDay(s.from),
    until: s.until === null ? null : formatEpochDay(s.until),
    users: access.users,
    admins: access.admins,
    // A legacy suspended subscription is not billed.
    billed: legacy && s.state === 'suspended' ? false : access.billed,
  };
}

/** Active, and what follows the term end: a renewal, or expired → disabled → deleted. */
function activePath(
  startDay: number,
  end: number,
  renews: boolean,
  legacy: boolean,
  d: LifecycleDurations,
): Span[] {
  if (renews) return [{ state: 'active', from: startDay, until: null }];
  // A legacy subscription expires on the end date set at purchase; nothing later is documented.
  if (legacy) {
    return [
      { state: 'active', from: startDay, until: end },
      { state: 'expired', from: end + 1, until: null },
    ];
  }
  return [{ state: 'active', from: startDay, until: end }, ...afterExpiry(end + 1, d)];
}

function afterExpiry(first: number, d: LifecycleDurations): Span[] {
  const disabledFrom = first + d.expiredDays;
  return [
    { state: 'expired', from: first, until: disabledFrom - 1 },
    { state: 'disabled', from: disabledFrom, until: disabledFrom + d.disabledDays - 1 },
    { state: 'deleted', from: disabledFrom + d.disabledDays, until: null },
  ];
}

function suspendedPath(
  suspendedMs: number | undefined,
  end: number,
  legacy: boolean,
  legacyDeletion: 'after_90_days' | 'term_end',
  endsIn: 'disabled' | 'expired',
  d: LifecycleDurations,
): Span[] {
  const since = suspendedMs === undefined ? null : epochDayOfMs(suspendedMs);
  if (legacy) {
    const deletedOn =
      legacyDeletion === 'term_end'
        ? end + 1
        : since === null
          ? null
          : since + d.legacySuspendedDeletionDays;
    return [
      { state: 'suspended', from: since, until: deletedOn === null ? null : deletedOn - 1 },
      { state: 'deleted', from: deletedOn, until: null },
    ];
  }
  const suspended: Span = { state: 'suspended', from: since, until: end };
  if (endsIn === 'expired') return [suspended, ...afterExpiry(end + 1, d)];
  const retention = end + 1 + d.suspendedTermDisabledDays;
  return [
    suspended,
    // The 30-day disabled state after a suspended term, then the 90-day one: one span.
    { state: 'disabled', from: end + 1, until: retention + d.disabledDays - 1 },
    { state: 'deleted', from: retention + d.disabledDays, until: null },
  ];
}
