/**
 * A subscription's history: the dated events that produce reconciliation
 * lines, in our vocabulary, and their run-time guard.
 * @module
 */
import type { BillingFrequency, DecimalInput, InstantInput } from '../core/index.js';
import { parseBillingFrequency, parseQuantity } from '../core/index.js';
import {
  asRecord,
  checkPrice,
  denseList,
  fail,
  optionalString,
  type ScaledDecimal,
  toInstantMs,
} from '../core/internal.js';

/**
 * The seats of a subscription set to `quantity` (more: `addQuantity`; fewer:
 * `removeQuantity`, license-based subscriptions only, within each seat
 * group's own 7 days).
 * @category Reconciliation
 */
export interface SetQuantityEvent {
  /** Discriminant. */
  readonly type: 'setQuantity';
  /** When the change was made. */
  readonly at: InstantInput;
  /** The new quantity (at least 1). */
  readonly quantity: number;
}

/**
 * The subscription (or perpetual order) cancelled: one negative
 * `cancelImmediate` line for the unused days (100% for perpetual software).
 * @category Reconciliation
 */
export interface CancelEvent {
  /** Discriminant. */
  readonly type: 'cancel';
  /** When it was cancelled. */
  readonly at: InstantInput;
  /** Perpetual software: how many licences were cancelled; default all that remain. */
  readonly quantity?: number;
}

/**
 * The billing plan changed mid-term, to `billingFrequency` at `unitPrice`
 * (per charge cycle of the new plan): a `changeBillingPlan` credit of the
 * old plan's unused days and a charge of the new plan's first cycle.
 * @category Reconciliation
 */
export interface ChangeBillingPlanEvent {
  /** Discriminant. */
  readonly type: 'changeBillingPlan';
  /** When the change was made. */
  readonly at: InstantInput;
  /** The new billing plan. */
  readonly billingFrequency: BillingFrequency;
  /** Price of one licence per charge cycle of the new plan. */
  readonly unitPrice: DecimalInput;
}

/**
 * The subscription renewed into the term containing `at`, at the price you
 * give for the new term (and, optionally, the next term's quantity and billing
 * plan). Without one, a subscription that autorenews renews at its current price.
 * @category Reconciliation
 */
export interface RenewEvent {
  /** Discriminant. */
  readonly type: 'renew';
  /** A day of the new term (its first day, as a rule). */
  readonly at: InstantInput;
  /** Price of one licence per charge cycle in the new term. */
  readonly unitPrice: DecimalInput;
  /** Seats in the new term; default the current quantity. */
  readonly quantity?: number;
  /** Billing plan of the new term; default the current one. */
  readonly billingFrequency?: BillingFrequency;
}

/**
 * The subscription converted (upgraded) to another offer at `unitPrice`:
 * a `convert` credit of the old offer's unused days and a `convert` charge
 * of the new one over the same days.
 * @category Reconciliation
 */
export interface ConvertEvent {
  /** Discriminant. */
  readonly type: 'convert';
  /** When it was converted. */
  readonly at: InstantInput;
  /** Price of one licence per charge cycle of the new offer. */
  readonly unitPrice: DecimalInput;
  /** The new offer (`product:sku:availability`), for your records. */
  readonly offerId?: string;
}

/**
 * One dated event of a subscription's history.
 * @category Reconciliation
 */
export type SubscriptionEvent =
  | SetQuantityEvent
  | CancelEvent
  | ChangeBillingPlanEvent
  | RenewEvent
  | ConvertEvent;

/** Every event type. @category Reconciliation */
export type SubscriptionEventType = SubscriptionEvent['type'];

/** @internal An event after its checks, instants as epoch ms. */
export interface CheckedEvent {
  readonly index: number;
  readonly type: SubscriptionEventType;
  readonly atMs: number;
  readonly quantity: number | undefined;
  readonly price: ScaledDecimal | undefined;
  readonly billingFrequency: BillingFrequency | undefined;
}

/** More events than any subscription's history holds. */
export const MAX_EVENTS = 10_000;

const TYPES: readonly string[] = ['setQuantity', 'cancel', 'changeBillingPlan', 'renew', 'convert'];

/** @internal Check a history; events are returned in time order (stable for equal instants). */
export function checkHistory(input: unknown, field = 'history'): CheckedEvent[] {
  if (input === undefined) return [];
  const list = denseList(input, field, MAX_EVENTS);
  const out: CheckedEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = `${field}[${i}]`;
    const r = asRecord(list[i], f);
    const type = r['type'];
    if (typeof type !== 'string' || !TYPES.includes(type)) {
      fail(
        'invalid_input',
        `${f}.type`,
        `${f}.type: expected one of setQuantity, cancel, changeBillingPlan, renew, convert`,
      );
    }
    const t = type as SubscriptionEventType;
    const atMs = toInstantMs(r['at'], `${f}.at`);
    const needsPrice = t === 'changeBillingPlan' || t === 'renew' || t === 'convert';
    const q = r['quantity'];
    if (t === 'setQuantity' && q === undefined)
      fail('missing_field', `${f}.quantity`, `${f}.quantity: required`);
    const bf = r['billingFrequency'];
    if (t === 'changeBillingPlan' && bf === undefined)
      fail('missing_field', `${f}.billingFrequency`, `${f}.billingFrequency: required`);
    if (needsPrice && r['unitPrice'] === undefined)
      fail('missing_field', `${f}.unitPrice`, `${f}.unitPrice: required`);
    optionalString(r['offerId'], `${f}.offerId`);
    out.push({
      index: i,
      type: t,
      atMs,
      quantity: q === undefined ? undefined : parseQuantity(q, `${f}.quantity`),
      price: needsPrice ? checkPrice(r['unitPrice'], `${f}.unitPrice`) : undefined,
      billingFrequency:
        bf === undefined ? undefined : parseBillingFrequency(bf, `${f}.billingFrequency`),
    });
  }
  // Stable: equal instants keep the caller's order.
  return out.sort((a, b) => a.atMs - b.atMs || a.index - b.index);
}
