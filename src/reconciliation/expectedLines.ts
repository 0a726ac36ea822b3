/**
 * "Which lines will Microsoft bill for this subscription this month?": the
 * expected reconciliation lines of a purchase and its history.
 * @module
 */
import type { SameAsCurrentReason } from '../billing/index.js';
import {
  type CancellationReason,
  evaluateCancellation,
  type SeatReductionNotAllowedReason,
  type SeatsNotReducibleReason,
  SUBSCRIPTION_CANCELLATION_POLICY,
} from '../cancellation/index.js';
import type {
  BillingFrequency,
  CalendarDay,
  Purchase,
  RoundingMode,
  RuleRef,
  Term,
} from '../core/index.js';
import {
  asRecord,
  type CheckedPerpetual,
  chargeCycleAt,
  checkPurchase,
  cycleDayCount,
  cycleMonthsFor,
  epochDayFromYmd,
  epochDayOfMs,
  fail,
  failField,
  formatEpochDay,
  inForceAtMs,
  knownTermMonths,
  lifecycleAt,
  MS_PER_DAY,
  monthsOfFrequency,
  oneOf,
  type PricedSubscription,
  parseRoundingMode,
  priced,
  quotientText,
  termIndexAt,
  termOf,
  termStartDay,
} from '../core/internal.js';
import type { CycleDayCount, RefundRounding } from '../refunds/index.js';
import {
  type CheckedEvent,
  checkHistory,
  type SubscriptionEvent,
  type SubscriptionEventType,
} from './history.js';
import {
  type ChargeType,
  exactUnitPrice,
  type LineCalc,
  type LineRoundingMode,
  lineMinor,
  minorText,
  type Proration,
  RATE_ONE,
  readingOfRounding,
  roundingOfReading,
  type SignedMoney,
} from './lines.js';
import {
  BILLING_PLAN_CHANGE_POLICY,
  BILLING_PLAN_CHANGE_PRORATIONS,
  type BillingPlanChangeProration,
  LINE_ROUNDING_POLICY,
  LINE_ROUNDINGS,
  type LineRounding,
  RECONCILIATION_LINES_POLICY,
} from './policy.js';

/**
 * Options of {@link expectedLines}.
 * @category Reconciliation
 */
export interface ExpectedLinesOptions {
  /**
   * The billing period (`'YYYY-MM'`, a UTC calendar month): only its lines
   * are returned. Omitted: every line through the end of the term of the
   * last event (the first term without events).
   */
  readonly period?: string;
  /** The subscription's events, in any order (they are applied in time order). */
  readonly history?: readonly SubscriptionEvent[];
  /**
   * How a line's exact amount becomes minor units: a documented reading
   * (`'truncate_unit_price'`, the default; `'truncate_line_total'`), or the
   * refunds' `{ mode, apply }` (`per_unit` is the first reading, `total` the second).
   */
  readonly rounding?: LineRounding | RefundRounding;
  /** The day count of a charge cycle, as for refunds: `'cycle'` (default) or `'month_of_start'`. */
  readonly cycleDays?: CycleDayCount;
  /** How a billing-plan change prorates the new plan's first charge; default by product type. */
  readonly billingPlanChangeProration?: BillingPlanChangeProration;
}

/**
 * One reconciliation line Microsoft is expected to bill.
 * @category Reconciliation
 */
export interface ExpectedLine {
  /** The purchase's `id` (its Partner Center subscription id), or `null`. */
  readonly subscriptionId: string | null;
  /** Microsoft's `ChargeType`. */
  readonly chargeType: ChargeType;
  /** `ChargeStartDate`: the event day (the line's billing period is its month). */
  readonly chargeStartDate: CalendarDay;
  /** `ChargeEndDate`: the charge cycle's last day (inclusive). */
  readonly chargeEndDate: CalendarDay;
  /** The billing period, `'YYYY-MM'`. */
  readonly period: string;
  /** `UnitPrice`: the price of one licence per charge cycle, decimal text. */
  readonly unitPrice: string;
  /**
   * `EffectiveUnitPrice` under the line's rounding, signed decimal text:
   * truncated to the minor unit (`'-9.42'`) when rounded per unit, else the
   * exact value to 10 decimals (`'-9.4296774193…'`).
   */
  readonly effectiveUnitPrice: string;
  /** The exact effective unit price, to 10 decimals (`…` when it goes on). */
  readonly exactEffectiveUnitPrice: string;
  /** `BillableQuantity`. */
  readonly billableQuantity: number;
  /** `Subtotal` (before tax), signed: a credit is negative. */
  readonly subtotal: SignedMoney;
  /** How the line was prorated; `null` for perpetual software (no cycle). */
  readonly proration: Proration | null;
  /** The index in the history of the event behind the line, or `null` for a cycle's own charge. */
  readonly event: number | null;
}

/**
 * An event of the history refused, as Partner Center refuses it.
 * @category Reconciliation
 */
export interface RefusedEvent {
  /** Its index in the history passed. */
  readonly index: number;
  /** Its type. */
  readonly type: SubscriptionEventType;
  /** Its instant. */
  readonly at: Date;
  /** Why, in a stable order. */
  readonly reasons: readonly HistoryReason[];
}

/**
 * The quantity set is the current one.
 * @category Reconciliation
 */
export interface QuantityUnchangedReason {
  /** Stable code. */
  readonly code: 'quantity_unchanged';
  /** The current (and requested) quantity. */
  readonly quantity: number;
}

/**
 * The new billing plan's charge cycle is longer than the term.
 * @category Reconciliation
 */
export interface CycleLongerThanTermReason {
  /** Stable code. */
  readonly code: 'cycle_longer_than_term';
  /** The plan asked for. */
  readonly billingFrequency: BillingFrequency;
  /** The subscription's term. */
  readonly term: Term;
}

/**
 * A `renew` event that names no renewal: its instant is in the initial
 * term, or another event already renewed that term.
 * @category Reconciliation
 */
export interface NotARenewalReason {
  /** Stable code. */
  readonly code: 'not_a_renewal';
  /** The term its instant falls in (0 = initial). */
  readonly termIndex: number;
}

/**
 * An event the purchase's kind does not have (a seat change on perpetual software).
 * @category Reconciliation
 */
export interface EventNotApplicableReason {
  /** Stable code. */
  readonly code: 'event_not_applicable';
  /** The event's type. */
  readonly eventType: SubscriptionEventType;
  /** The purchase's kind. */
  readonly kind: 'subscription' | 'perpetual';
}

/**
 * An event before the purchase.
 * @category Reconciliation
 */
export interface BeforePurchaseReason {
  /** Stable code. */
  readonly code: 'before_purchase';
  /** The purchase instant. */
  readonly purchasedAt: Date;
}

/**
 * An event after the subscription ended (cancelled, or expired without renewing).
 * @category Reconciliation
 */
export interface SubscriptionEndedReason {
  /** Stable code. */
  readonly code: 'subscription_ended';
  /** `cancelled` or `expired`. */
  readonly cause: 'cancelled' | 'expired';
  /** The day it ended: the cancellation day, or the last term's last day. */
  readonly endedOn: CalendarDay;
}

/**
 * Why an event of a history is refused.
 * @category Reconciliation
 */
export type HistoryReason =
  | CancellationReason
  | QuantityUnchangedReason
  | SeatReductionNotAllowedReason
  | SeatsNotReducibleReason
  | SameAsCurrentReason
  | CycleLongerThanTermReason
  | NotARenewalReason
  | EventNotApplicableReason
  | BeforePurchaseReason
  | SubscriptionEndedReason;

/**
 * The rounding the lines were computed with.
 * @category Reconciliation
 */
export interface AppliedLineRounding {
  /** The mode (`truncate` for both documented readings). */
  readonly mode: RoundingMode;
  /** `per_unit` (truncate the effective unit price) or `total` (truncate the line). */
  readonly apply: 'per_unit' | 'total';
  /** The documented reading this is, or `null` for another mode. */
  readonly reading: LineRounding | null;
}

/**
 * The expected reconciliation lines of a purchase.
 * @category Reconciliation
 */
export interface ExpectedLines {
  /** The purchase's `id`, or `null`. */
  readonly subscriptionId: string | null;
  /** The period asked for, or `null` (every line to the horizon). */
  readonly period: string | null;
  /** The lines, in event order (a cycle's charge before the events of its first day). */
  readonly lines: readonly ExpectedLine[];
  /** The history's events that were refused (they produce no line). */
  readonly refused: readonly RefusedEvent[];
  /** The rounding applied. */
  readonly rounding: AppliedLineRounding;
  /** The rules applied. */
  readonly rules: readonly RuleRef[];
}

/** @internal Options after their checks. */
export interface CheckedLineOptions {
  readonly period:
    | { readonly text: string; readonly fromDay: number; readonly toDay: number }
    | undefined;
  readonly rounding: LineRoundingMode;
  readonly cycleDays: CycleDayCount;
  readonly proration: BillingPlanChangeProration | undefined;
}

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** @internal A `YYYY-MM` period as its first and last epoch day. */
export function checkPeriod(input: unknown, field = 'period') {
  const m = typeof input === 'string' ? PERIOD_RE.exec(input) : null;
  if (m === null) return failField(field, 'expected a billing period "YYYY-MM"', 'invalid_input');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return {
    text: input as string,
    fromDay: epochDayFromYmd(y, mo, 1),
    toDay: epochDayFromYmd(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) - 1,
  };
}

/** @internal Check the rounding, cycle-day and proration options of a record. */
export function checkLineOptions(o: Readonly<Record<string, unknown>>): CheckedLineOptions {
  const r = o['rounding'];
  let rounding: LineRoundingMode = roundingOfReading(
    inForceAtMs(LINE_ROUNDING_POLICY, 0).value.default,
  );
  if (typeof r === 'string') {
    if (!(LINE_ROUNDINGS as readonly string[]).includes(r))
      failField(
        'rounding',
        'expected truncate_unit_price, truncate_line_total or { mode, apply }',
        'invalid_rounding',
      );
    rounding = roundingOfReading(r as LineRounding);
  } else if (r !== undefined) {
    const rr = asRecord(r, 'rounding');
    const apply = rr['apply'] ?? 'per_unit';
    if (apply !== 'per_unit' && apply !== 'total')
      failField('rounding.apply', 'expected per-unit or total', 'invalid_rounding');
    rounding = {
      mode: rr['mode'] === undefined ? 'truncate' : parseRoundingMode(rr['mode'], 'rounding.mode'),
      apply,
    };
  }
  const cd = o['cycleDays'];
  const pr = o['billingPlanChangeProration'];
  return {
    period: o['period'] === undefined ? undefined : checkPeriod(o['period']),
    rounding,
    cycleDays:
      cd === undefined
        ? 'cycle'
        : oneOf(cd, ['cycle', 'month_of_start'] as const, 'cycleDays', 'invalid_option'),
    proration:
      pr === undefined
        ? undefined
        : oneOf(pr, BILLING_PLAN_CHANGE_PRORATIONS, 'billingPlanChangeProration', 'invalid_option'),
  };
}

/** @internal The lines of a purchase before formatting, and the refused events. */
export interface ComputedLines {
  readonly lines: LineCalc[];
  readonly refused: RefusedEvent[];
  readonly rules: RuleRef[];
  /** The day a cancellation took effect, if one did. */
  readonly cancelledDay: number | undefined;
  readonly currency: string;
  readonly exponent: number;
}

interface SeatGroup {
  quantity: number;
  untilMs: number;
}

function refuse(refused: RefusedEvent[], ev: CheckedEvent, reasons: HistoryReason[]): void {
  refused.push({ index: ev.index, type: ev.type, at: new Date(ev.atMs), reasons });
}

/** The purchase as the cancellation rule sees it at the event: no status fact (the history is the fact). */
function withoutStatus(purchase: Purchase): Purchase {
  const { status: _status, ...rest } = purchase as Purchase & { status?: unknown };
  return rest as Purchase;
}

function cancellationRefused(purchase: Purchase, atMs: number): HistoryReason[] {
  const d = evaluateCancellation(withoutStatus(purchase), { asOf: new Date(atMs) });
  return d.allowed ? [] : [...d.reasons];
}

function perpetualLines(
  purchase: Purchase,
  p: CheckedPerpetual,
  events: readonly CheckedEvent[],
  horizonDay: number,
): ComputedLines {
  const lines: LineCalc[] = [];
  const refused: RefusedEvent[] = [];
  const day = epochDayOfMs(p.purchasedMs);
  let remaining = p.quantity;
  let cancelledDay: number | undefined;
  if (remaining > 0 && day <= horizonDay) {
    lines.push({
      chargeType: 'new',
      startDay: day,
      endDay: day,
      price: p.unitPrice,
      quantity: remaining,
      sign: 1,
      proration: undefined,
      event: undefined,
    });
  }
  for (const ev of events) {
    const evDay = epochDayOfMs(ev.atMs);
    if (evDay > horizonDay) break;
    if (ev.type !== 'cancel') {
      refuse(refused, ev, [
        { code: 'event_not_applicable', eventType: ev.type, kind: 'perpetual' },
      ]);
    } else if (ev.atMs < p.purchasedMs) {
      refuse(refused, ev, [{ code: 'before_purchase', purchasedAt: new Date(p.purchasedMs) }]);
    } else if (remaining === 0) {
      refuse(refused, ev, [
        {
          code: 'subscription_ended',
          cause: 'cancelled',
          endedOn: formatEpochDay(cancelledDay ?? evDay),
        },
      ]);
    } else {
      const reasons = cancellationRefused(purchase, ev.atMs);
      const q = ev.quantity ?? remaining;
      if (q > remaining)
        reasons.push({ code: 'seats_not_reducible', requested: q, reducible: remaining });
      if (reasons.length > 0) refuse(refused, ev, reasons);
      else {
        // A 100% credit of the licences cancelled, on the cancellation day.
        lines.push({
          chargeType: 'cancelImmediate',
          startDay: evDay,
          endDay: evDay,
          price: p.unitPrice,
          quantity: q,
          sign: -1,
          proration: undefined,
          event: ev.index,
        });
        remaining -= q;
        if (remaining === 0) cancelledDay = evDay;
      }
    }
  }
  const rules = [
    inForceAtMs(RECONCILIATION_LINES_POLICY, p.purchasedMs).rule,
    inForceAtMs(LINE_ROUNDING_POLICY, p.purchasedMs).rule,
  ];
  return { lines, refused, rules, cancelledDay, currency: p.currency, exponent: p.exponent };
}

/**
 * The lines of a subscription: each charge cycle's own charge (`new`, then
 * `cycleCharge`, `renew` at a renewal), and the lines of each event in
 * time order, up to `horizonDay`.
 */
function subscriptionLines(
  purchase: Purchase,
  sub: PricedSubscription,
  events: readonly CheckedEvent[],
  o: CheckedLineOptions,
  horizonDay: number | undefined,
): ComputedLines {
  const term = sub.term as Term;
  const tm = knownTermMonths(sub);
  if (sub.billingFrequency === undefined) {
    fail(
      'invalid_billing_frequency',
      'purchase.billingFrequency',
      'purchase.billingFrequency: not a billing plan this version knows',
    );
  }
  let frequency: BillingFrequency = sub.billingFrequency;
  let cm = cycleMonthsFor(term, frequency, 'purchase.billingFrequency');
  const anchor = epochDayOfMs(sub.purchasedMs);
  const { autoRenew } = lifecycleAt(sub, tm, sub.purchasedMs);
  const windowRule = inForceAtMs(SUBSCRIPTION_CANCELLATION_POLICY, sub.purchasedMs);
  const windowMs = windowRule.value.days * MS_PER_DAY;
  const proration =
    o.proration ?? inForceAtMs(BILLING_PLAN_CHANGE_POLICY, sub.purchasedMs).value[sub.productType];
  const lines: LineCalc[] = [];
  const refused: RefusedEvent[] = [];

  // Renewals: the price (and shape) the caller gives for each renewed term.
  const renewals = new Map<number, CheckedEvent>();
  const walk: CheckedEvent[] = [];
  // The last event (the history is in time order), a renewal included: the
  // lines run to the end of its term.
  let lastEventMs: number | undefined;
  for (const ev of events) {
    if (ev.type !== 'renew') {
      walk.push(ev);
      lastEventMs = ev.atMs;
    } else if (ev.atMs < sub.purchasedMs)
      refuse(refused, ev, [{ code: 'before_purchase', purchasedAt: new Date(sub.purchasedMs) }]);
    else {
      const k = termIndexAt(anchor, tm, epochDayOfMs(ev.atMs));
      if (k === 0 || renewals.has(k))
        refuse(refused, ev, [{ code: 'not_a_renewal', termIndex: k }]);
      else {
        renewals.set(k, ev);
        lastEventMs = ev.atMs;
      }
    }
  }
  // Without autorenew, only the terms renewed one after another by events are billed.
  let lastTerm = autoRenew ? Number.POSITIVE_INFINITY : 0;
  while (!autoRenew && renewals.has(lastTerm + 1)) lastTerm += 1;
  const lastEventDay = lastEventMs === undefined ? anchor : epochDayOfMs(lastEventMs);
  const stopDay =
    horizonDay ??
    termStartDay(anchor, tm, termIndexAt(anchor, tm, Math.max(anchor, lastEventDay)) + 1) - 1;

  let q = sub.quantity;
  let price = sub.unitPrice;
  let groups: SeatGroup[] = [{ quantity: q, untilMs: sub.purchasedMs + windowMs }];
  let cursor = anchor;
  let current = { startDay: anchor, endDay: anchor };
  let ended: SubscriptionEndedReason | undefined;
  let cancelledDay: number | undefined;

  const prorated = (
    startDay: number,
    endDay: number,
    cycleStart: number,
    months: number,
  ): Proration => {
    const cycle = cycleDayCount(o.cycleDays, cycleStart, endDay, months);
    return { unit: 'days', billed: Math.min(endDay - startDay + 1, cycle), cycle };
  };
  const push = (
    chargeType: ChargeType,
    startDay: number,
    endDay: number,
    p: Proration | undefined,
    unitPrice: typeof price,
    quantity: number,
    sign: 1 | -1,
    event: number | undefined,
  ) =>
    lines.push({
      chargeType,
      startDay,
      endDay,
      price: unitPrice,
      quantity,
      sign,
      proration: p,
      event,
    });

  let ei = 0;
  for (;;) {
    const ev = walk[ei];
    const evDay = ev === undefined ? Number.POSITIVE_INFINITY : epochDayOfMs(ev.atMs);
    if (ended === undefined && cursor <= stopDay && cursor <= evDay) {
      const k = termIndexAt(anchor, tm, cursor);
      if (k > lastTerm) {
        ended = {
          code: 'subscription_ended',
          cause: 'expired',
          endedOn: formatEpochDay(cursor - 1),
        };
        continue;
      }
      let cycle = chargeCycleAt(anchor, tm, cm, cursor);
      const renewal = renewals.get(k);
      if (k > 0 && cycle.index === 0) {
        // A renewal: the new term's price and shape, and a fresh reduction window.
        if (renewal?.price !== undefined) price = renewal.price;
        if (renewal?.quantity !== undefined) q = renewal.quantity;
        if (renewal?.billingFrequency !== undefined && renewal.billingFrequency !== frequency) {
          const m = monthsOfFrequency(renewal.billingFrequency);
          if (m <= tm) {
            frequency = renewal.billingFrequency;
            cm = m;
            cycle = chargeCycleAt(anchor, tm, cm, cursor);
          }
        }
        groups = [{ quantity: q, untilMs: termOf(sub, tm, k).openedMs + windowMs }];
      }
      const type: ChargeType =
        cursor === anchor ? 'new' : cycle.index === 0 ? 'renew' : 'cycleCharge';
      push(
        type,
        cycle.startDay,
        cycle.endDay,
        {
          unit: 'days',
          billed: cycle.endDay - cycle.startDay + 1,
          cycle: cycle.endDay - cycle.startDay + 1,
        },
        price,
        q,
        1,
        undefined,
      );
      current = cycle;
      cursor = cycle.endDay + 1;
      continue;
    }
    if (ev === undefined || evDay > stopDay) break;
    ei += 1;
    if (ev.atMs < sub.purchasedMs) {
      refuse(refused, ev, [{ code: 'before_purchase', purchasedAt: new Date(sub.purchasedMs) }]);
      continue;
    }
    if (ended !== undefined) {
      refuse(refused, ev, [ended]);
      continue;
    }
    const { startDay, endDay } = current;
    const days = prorated(evDay, endDay, startDay, cm);
    if (ev.type === 'setQuantity') {
      const q2 = ev.quantity as number;
      if (q2 === q) {
        refuse(refused, ev, [{ code: 'quantity_unchanged', quantity: q }]);
        continue;
      }
      if (q2 < q) {
        const removed = q - q2;
        if (sub.productType !== 'license_based') {
          refuse(refused, ev, [
            { code: 'seat_reduction_not_allowed', productType: sub.productType },
          ]);
          continue;
        }
        const open = groups.filter((g) => g.untilMs > ev.atMs);
        const reducible = open.reduce((n, g) => n + g.quantity, 0);
        if (removed > reducible) {
          refuse(refused, ev, [{ code: 'seats_not_reducible', requested: removed, reducible }]);
          continue;
        }
        // The newest seats go first.
        let left = removed;
        for (let i = groups.length - 1; i >= 0 && left > 0; i--) {
          const g = groups[i] as SeatGroup;
          if (g.untilMs <= ev.atMs) continue;
          const take = Math.min(g.quantity, left);
          g.quantity -= take;
          left -= take;
        }
        groups = groups.filter((g) => g.quantity > 0);
      } else {
        groups.push({ quantity: q2 - q, untilMs: ev.atMs + windowMs });
      }
      const type: ChargeType = q2 > q ? 'addQuantity' : 'removeQuantity';
      push(type, evDay, endDay, days, price, q, -1, ev.index);
      push(type, evDay, endDay, days, price, q2, 1, ev.index);
      q = q2;
    } else if (ev.type === 'cancel') {
      const reasons = cancellationRefused(purchase, ev.atMs);
      if (reasons.length > 0) {
        refuse(refused, ev, reasons);
        continue;
      }
      push('cancelImmediate', evDay, endDay, days, price, q, -1, ev.index);
      cancelledDay = evDay;
      ended = { code: 'subscription_ended', cause: 'cancelled', endedOn: formatEpochDay(evDay) };
    } else if (ev.type === 'convert') {
      const p2 = ev.price as typeof price;
      push('convert', evDay, endDay, days, price, q, -1, ev.index);
      push('convert', evDay, endDay, days, p2, q, 1, ev.index);
      price = p2;
    } else {
      // changeBillingPlan
      const f2 = ev.billingFrequency as BillingFrequency;
      if (f2 === frequency) {
        refuse(refused, ev, [{ code: 'same_as_current', billingFrequency: f2 }]);
        continue;
      }
      const m2 = monthsOfFrequency(f2);
      if (m2 > tm) {
        refuse(refused, ev, [{ code: 'cycle_longer_than_term', billingFrequency: f2, term }]);
        continue;
      }
      const next = chargeCycleAt(anchor, tm, m2, evDay);
      const first: Proration =
        proration === 'days'
          ? prorated(evDay, next.endDay, next.startDay, m2)
          : { unit: 'months', billed: m2 - termIndexAt(next.startDay, 1, evDay), cycle: m2 };
      const p2 = ev.price as typeof price;
      push('changeBillingPlan', evDay, endDay, days, price, q, -1, ev.index);
      push('changeBillingPlan', evDay, next.endDay, first, p2, q, 1, ev.index);
      price = p2;
      frequency = f2;
      cm = m2;
      current = next;
      cursor = next.endDay + 1;
    }
  }
  const rules = [
    inForceAtMs(RECONCILIATION_LINES_POLICY, sub.purchasedMs).rule,
    inForceAtMs(LINE_ROUNDING_POLICY, sub.purchasedMs).rule,
    inForceAtMs(BILLING_PLAN_CHANGE_POLICY, sub.purchasedMs).rule,
  ];
  return { lines, refused, rules, cancelledDay, currency: sub.currency, exponent: sub.exponent };
}

/** @internal The computed lines of a checked purchase (every line up to `horizonDay`). */
export function computeLines(
  purchase: Purchase,
  events: readonly CheckedEvent[],
  o: CheckedLineOptions,
  horizonDay: number | undefined,
): ComputedLines {
  const checked = priced(checkPurchase(purchase, 'purchase'), 'purchase');
  if (checked.kind === 'perpetual')
    return perpetualLines(purchase, checked, events, horizonDay ?? Number.POSITIVE_INFINITY);
  return subscriptionLines(purchase, checked as PricedSubscription, events, o, horizonDay);
}

/** @internal A computed line in the public shape. */
export function formatLine(
  line: LineCalc,
  subscriptionId: string | null,
  currency: string,
  exponent: number,
  rounding: LineRoundingMode,
): ExpectedLine {
  const { unitMinor, totalMinor } = lineMinor(line, line.quantity, exponent, RATE_ONE, rounding);
  const { num, den } = exactUnitPrice(line);
  const exact = quotientText(num, den, 10);
  const start = formatEpochDay(line.startDay);
  const minor = Number(totalMinor);
  if (!Number.isSafeInteger(minor)) {
    failField(
      'purchase',
      'a line is too large for safe minor units (price × quantity)',
      'invalid_money',
    );
  }
  return {
    subscriptionId,
    chargeType: line.chargeType,
    chargeStartDate: start,
    chargeEndDate: formatEpochDay(line.endDay),
    period: start.slice(0, 7),
    unitPrice: minorText(line.price.units, line.price.scale),
    effectiveUnitPrice: unitMinor === undefined ? exact : minorText(unitMinor, exponent),
    exactEffectiveUnitPrice: exact,
    billableQuantity: line.quantity,
    subtotal: { currency, minor },
    proration: line.proration ?? null,
    event: line.event ?? null,
  };
}

/**
 * The reconciliation lines Microsoft will bill for a purchase and its
 * history, for one billing period (or up to the end of the term of its
 * last event):
 * - each charge cycle's own charge: `new` for the first (the whole term when
 *   billed upfront), `cycleCharge` for the next ones, `renew` for the first
 *   cycle of a renewed term (at the price of its `renew` event, else the
 *   current one; a subscription that does not autorenew stops at its term end);
 * - `setQuantity`: a wipe of the old quantity (negative) and a recreate of
 *   the new one, `addQuantity` or `removeQuantity`, over the days from the
 *   event to the cycle end; a reduction only for `license_based`
 *   subscriptions, within each seat group's own 7 days;
 * - `cancel`: one negative `cancelImmediate` line for the unused days (when
 *   the cancellation rules allow it); perpetual software: a 100% credit;
 * - `convert`: the old price credited and the new one charged over the same
 *   days; `changeBillingPlan`: the old plan's unused days credited and the new
 *   plan's first cycle charged (by days, or by whole months for license-based).
 *
 * Effective unit price = unit price ÷ charge-cycle days × billed days; the
 * subtotal is truncated per the rounding reading. Events the subscription's
 * kind does not allow are listed in `refused`, with their reasons, and
 * produce no line. Business outcomes never throw.
 *
 * @param purchase - A subscription or perpetual purchase, with its `unitPrice` and `currency`.
 * @param options - `{ period?, history?, rounding?, cycleDays?, billingPlanChangeProration? }`.
 * @returns `{ subscriptionId, period, lines, refused, rounding, rules }`.
 * @throws {@link core!CspRuleError} for a malformed purchase, event or option
 *   (`missing_field` without a price, `invalid_input` for a period not `YYYY-MM`,
 *   `invalid_money` on `purchase` for a line beyond safe minor units).
 * @example
 * ```ts
 * import { expectedLines } from 'csp-software-rules/reconciliation';
 *
 * const r = expectedLines(
 *   { kind: 'subscription', id: 'sub-1', purchasedAt: '2021-07-15T09:00:00Z', term: 'P1M', billingFrequency: 'monthly', quantity: 10, unitPrice: '10.08', currency: 'EUR' },
 *   { period: '2021-07', history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }] },
 * );
 * const [charge, refund] = r.lines;
 * charge?.chargeType; // => 'new'
 * charge?.chargeEndDate; // => '2021-08-14'
 * charge?.subtotal.minor; // => 10080
 * refund?.chargeType; // => 'cancelImmediate'
 * refund?.chargeStartDate; // => '2021-07-17'
 * refund?.effectiveUnitPrice; // => '-9.42'
 * refund?.subtotal.minor; // => -9420
 * ```
 * @category Reconciliation
 */
export function expectedLines(purchase: Purchase, options?: ExpectedLinesOptions): ExpectedLines {
  const o = asRecord(options ?? {}, 'options');
  const checked = checkLineOptions(o);
  const events = checkHistory(o['history'], 'history');
  const computed = computeLines(purchase, events, checked, checked.period?.toDay);
  const id = (purchase as { id?: unknown }).id;
  const subscriptionId = typeof id === 'string' ? id : null;
  const lines: ExpectedLine[] = [];
  for (const line of computed.lines) {
    if (checked.period !== undefined && line.startDay < checked.period.fromDay) continue;
    lines.push(
      formatLine(line, subscriptionId, computed.currency, computed.exponent, checked.rounding),
    );
  }
  return {
    subscriptionId,
    period: checked.period?.text ?? null,
    lines,
    refused: computed.refused,
    rounding: { ...checked.rounding, reading: readingOfRounding(checked.rounding) ?? null },
    rules: computed.rules,
  };
}
