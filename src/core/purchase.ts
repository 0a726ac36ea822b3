/**
 * The two purchase shapes rules are asked about, and their run-time guards.
 * @module
 */

import { epochDayFromYmd, epochDayOfMs } from './calendar.js';
import { currencyExponentOf, parseCurrency } from './currencies.js';
import { type DecimalInput, type ScaledDecimal, toScaledDecimal } from './decimal.js';
import { describeType, fail } from './errors.js';
import { frozen } from './frozen.js';
import { asRecord, denseList, optionalBoolean, optionalString, parseQuantity } from './guards.js';
import { type InstantInput, toInstantMs } from './instant.js';
import { type BillingFrequency, parseBillingFrequency, parseTerm, type Term } from './term.js';

/**
 * A value Partner Center sent that this version of the library does not know
 * (Microsoft adds enum values over time). Rules refuse it with reason
 * `unknown_value` instead of guessing.
 * @category Purchases
 */
export interface UnknownValue {
  /** The raw value as received. */
  readonly unknown: string;
}

/**
 * Whether a value is the {@link UnknownValue} variant.
 *
 * @param value - A field that may hold an unknown value.
 * @returns `true` for `{ unknown: string }`.
 * @example
 * ```ts
 * import { isUnknownValue } from 'csp-software-rules/core';
 *
 * isUnknownValue({ unknown: 'quarterly' }); // => true
 * isUnknownValue('annual'); // => false
 * ```
 * @category Purchases
 */
export function isUnknownValue(value: unknown): value is UnknownValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { unknown?: unknown }).unknown === 'string'
  );
}

/**
 * Lifecycle status of a software subscription (Partner Center's `status`;
 * `cancelled` is what a cancellation leaves).
 * @category Purchases
 */
export type SubscriptionStatus =
  | 'active'
  | 'pending'
  | 'suspended'
  | 'disabled'
  | 'expired'
  | 'cancelled'
  | 'deleted';

/** Every {@link SubscriptionStatus}. @category Purchases */
export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = /* @__PURE__ */ frozen([
  'active',
  'pending',
  'suspended',
  'disabled',
  'expired',
  'cancelled',
  'deleted',
]);

/**
 * Status of a perpetual software order (Partner Center's order `status`).
 * @category Purchases
 */
export type PerpetualStatus = 'completed' | 'cancelled';

/**
 * A software subscription (Windows Server, SQL Server, RDS CALs... sold for a term).
 * @category Purchases
 */
export interface SoftwareSubscription {
  /** Discriminant. */
  readonly kind: 'subscription';
  /** Your own id for it (Partner Center subscription id), echoed in results. */
  readonly id?: string;
  /** When it was bought: the effective start of the initial term. */
  readonly purchasedAt: InstantInput;
  /** Term length. */
  readonly term: Term | UnknownValue;
  /** Billing plan: how often it is charged within a term. */
  readonly billingFrequency: BillingFrequency | UnknownValue;
  /** Whether it renews at term end; omitted = the purchase-date rule (on from 2021-10-14). */
  readonly autoRenew?: boolean;
  /** Publisher, e.g. `'Microsoft'`, `'Red Hat'`, `'SUSE'`. */
  readonly publisher?: string;
  /** Product family (see `./billing` for the documented constants). */
  readonly productFamily?: string;
  /** Number of licences. */
  readonly quantity: number;
  /**
   * Price of one licence per charge cycle (a decimal). Only the money rules
   * (refunds, remaining obligation) need it; they refuse a subscription
   * without it with `missing_field`.
   */
  readonly unitPrice?: DecimalInput;
  /** ISO 4217 code of `unitPrice` (any case); needed with `unitPrice`. */
  readonly currency?: string;
  /** Partner Center's `status`, a fact; omitted = forecast from the dates (`active` in a term). */
  readonly status?: SubscriptionStatus | UnknownValue;
  /** Partner Center's `cancellationAllowedUntilDate`, authoritative for its term. */
  readonly cancellationAllowedUntil?: InstantInput;
  /** When the current renewal completed, if known (opens that term's window). */
  readonly renewalCompletedAt?: InstantInput;
  /**
   * `software` (the default: Windows Server, SQL Server... sold for a term)
   * or `license_based` (new commerce seat-based offers such as Microsoft 365,
   * whose seats can be reduced within `refundableQuantity`).
   */
  readonly productType?: ProductType;
  /** Partner Center's `refundOptions`: the refund it offers and until when (a fact while current). */
  readonly refundOptions?: readonly RefundOption[];
  /** Partner Center's `refundableQuantity`: the seats that may still be reduced, each until its deadline. */
  readonly refundableQuantity?: RefundableQuantity;
  /**
   * Partner Center's `commitmentEndDate`: the last day of the current term,
   * inclusive (a day or an instant; its UTC day counts). A far-future
   * placeholder (year 9000 or later, which Microsoft writes for some
   * subscriptions that do not renew) is not a term end and is ignored.
   */
  readonly commitmentEndDate?: InstantInput;
  /** Partner Center's `scheduledNextTermInstructions`: what the next term will be. */
  readonly scheduledNextTerm?: ScheduledNextTerm;
  /** Partner Center's `renewalTermDuration`: the length of the next term, when it differs. */
  readonly renewalTerm?: Term | UnknownValue;
  /** When the subscription was suspended, if you know it (dates the suspended lifecycle). */
  readonly suspendedAt?: InstantInput;
}

/**
 * What kind of product a subscription is: `software` (software subscriptions:
 * cancellable in full within the window, no seat reduction) or
 * `license_based` (new commerce seat-based offers).
 * @category Purchases
 */
export type ProductType = 'software' | 'license_based';

/**
 * One refund Partner Center offers for a subscription (`refundOptions[]`):
 * `full` or `partial`, until `expiresAt`.
 * @category Purchases
 */
export interface RefundOption {
  /** `full` or `partial` (Partner Center's `Full`/`Partial`), or `{ unknown }`. */
  readonly type: 'full' | 'partial' | UnknownValue;
  /** Until when this refund applies (exclusive). */
  readonly expiresAt?: InstantInput;
  /** An ISO-8601 duration (`'P1D'`, the catalog's form); not an instant, so no rule dates it. */
  readonly expiresAfter?: string;
}

/**
 * Partner Center's `refundableQuantity` (subscription by id): how many seats
 * may still be reduced, and each group's own deadline (seats added mid-term
 * get their own window).
 * @category Purchases
 */
export interface RefundableQuantity {
  /** Seats that may still be reduced (`totalQuantity`). */
  readonly totalQuantity: number;
  /** Each seat group (`details[]`: `quantity`, `allowedUntilDateTime`). */
  readonly details: readonly {
    /** Seats in this group. */
    readonly quantity: number;
    /** Until when they may be reduced (exclusive). */
    readonly allowedUntil: InstantInput;
  }[];
}

/**
 * Partner Center's `scheduledNextTermInstructions`: changes that take effect
 * at the next renewal. Every field is optional; an absent one keeps the
 * current value.
 * @category Purchases
 */
export interface ScheduledNextTerm {
  /** The offer of the next term (`<product>:<sku>:<availability>`). */
  readonly offerId?: string;
  /** Seats in the next term. */
  readonly quantity?: number;
  /** Billing plan of the next term. */
  readonly billingFrequency?: BillingFrequency | UnknownValue;
  /** Term of the next term. */
  readonly term?: Term | UnknownValue;
}

/**
 * A perpetual software purchase (bought once, no term).
 * @category Purchases
 */
export interface PerpetualPurchase {
  /** Discriminant. */
  readonly kind: 'perpetual';
  /** Your own id for it, echoed in results. */
  readonly id?: string;
  /** When the order was placed. */
  readonly purchasedAt: InstantInput;
  /** Publisher. */
  readonly publisher?: string;
  /** Product name, as Partner Center shows it. */
  readonly productName?: string;
  /** Partner Center order id. */
  readonly orderId?: string;
  /** Number of licences: at least 1, or 0 for a cancelled line item (as Partner Center shows it). */
  readonly quantity: number;
  /** Price of one licence (a decimal). */
  readonly unitPrice: DecimalInput;
  /** ISO 4217 code of `unitPrice`. */
  readonly currency: string;
  /** Order status; omitted = `completed`. */
  readonly status?: PerpetualStatus | UnknownValue;
}

/**
 * The keys of `T`, listed at run time: the list must name every key of `T`
 * and nothing else, or the call does not compile. The one place the purchase
 * shapes are spelled out is their interfaces; the guards, the zod schemas,
 * the JSON Schemas and the CLI are held to these lists.
 */
function keysOf<T>() {
  return <const L extends readonly (keyof T)[]>(
    list: L &
      ([Exclude<keyof T, L[number]>] extends [never]
        ? unknown
        : { missing: Exclude<keyof T, L[number]> }),
  ): L => list;
}

/** @internal Every field of {@link SoftwareSubscription}, in the order the guard reads them. */
export const SUBSCRIPTION_FIELDS = /* @__PURE__ */ keysOf<SoftwareSubscription>()([
  'kind',
  'currency',
  'status',
  'id',
  'purchasedAt',
  'term',
  'billingFrequency',
  'autoRenew',
  'publisher',
  'productFamily',
  'quantity',
  'unitPrice',
  'cancellationAllowedUntil',
  'renewalCompletedAt',
  'productType',
  'refundOptions',
  'refundableQuantity',
  'commitmentEndDate',
  'scheduledNextTerm',
  'renewalTerm',
  'suspendedAt',
]);

/** @internal Every field of {@link PerpetualPurchase}, in the order the guard reads them. */
export const PERPETUAL_FIELDS = /* @__PURE__ */ keysOf<PerpetualPurchase>()([
  'kind',
  'currency',
  'id',
  'purchasedAt',
  'publisher',
  'productName',
  'orderId',
  'quantity',
  'unitPrice',
  'status',
]);

/**
 * Either purchase shape.
 * @category Purchases
 */
export type Purchase = SoftwareSubscription | PerpetualPurchase;

/** @internal A field that held an {@link UnknownValue}. */
export interface UnknownField {
  readonly field: string;
  readonly raw: string;
}

/** @internal A subscription after its run-time checks, with instants as epoch ms. */
export interface CheckedSubscription {
  readonly kind: 'subscription';
  readonly id: string | undefined;
  readonly purchasedMs: number;
  /** Known term, or undefined when Partner Center sent an unknown one (see `unknownFields`). */
  readonly term: Term | undefined;
  readonly billingFrequency: BillingFrequency | undefined;
  readonly autoRenew: boolean | undefined;
  readonly publisher: string | undefined;
  readonly productFamily: string | undefined;
  readonly quantity: number;
  /** Undefined when the caller gave no price: see {@link pricedSubscription}. */
  readonly unitPrice: ScaledDecimal | undefined;
  readonly currency: string | undefined;
  readonly exponent: number | undefined;
  readonly status: SubscriptionStatus | undefined;
  readonly cancellationAllowedUntilMs: number | undefined;
  readonly renewalCompletedMs: number | undefined;
  readonly productType: ProductType;
  readonly refundOptions: readonly CheckedRefundOption[] | undefined;
  readonly refundableQuantity: CheckedRefundableQuantity | undefined;
  /** The UTC epoch day of `commitmentEndDate`; undefined when absent or a placeholder. */
  readonly commitmentEndDay: number | undefined;
  readonly scheduledNextTerm: CheckedNextTerm | undefined;
  readonly renewalTerm: Term | undefined;
  readonly suspendedMs: number | undefined;
  readonly unknownFields: readonly UnknownField[];
}

/** @internal A refund option after its checks; `type` undefined = unknown (see `unknownFields`). */
export interface CheckedRefundOption {
  readonly type: 'full' | 'partial' | undefined;
  readonly expiresMs: number | undefined;
}

/** @internal `refundableQuantity` after its checks. */
export interface CheckedRefundableQuantity {
  readonly total: number;
  readonly details: readonly { readonly quantity: number; readonly untilMs: number }[];
}

/** @internal `scheduledNextTerm` after its checks (unknown values undefined, listed in `unknownFields`). */
export interface CheckedNextTerm {
  readonly offerId: string | undefined;
  readonly quantity: number | undefined;
  readonly billingFrequency: BillingFrequency | undefined;
  readonly term: Term | undefined;
}

/** @internal A perpetual purchase after its run-time checks. */
export interface CheckedPerpetual {
  readonly kind: 'perpetual';
  readonly id: string | undefined;
  readonly purchasedMs: number;
  readonly publisher: string | undefined;
  readonly productName: string | undefined;
  readonly orderId: string | undefined;
  readonly quantity: number;
  readonly unitPrice: ScaledDecimal;
  readonly currency: string;
  readonly exponent: number;
  readonly status: PerpetualStatus | undefined;
  readonly unknownFields: readonly UnknownField[];
}

function optionalInstant(input: unknown, field: string): number | undefined {
  return input === undefined ? undefined : toInstantMs(input, field);
}

/** @internal Read a price: an exact decimal, not negative. */
export function checkPrice(input: unknown, field: string): ScaledDecimal {
  const price = toScaledDecimal(input, field);
  if (price.units < 0n) fail('invalid_decimal', field, `${field}: a price cannot be negative`);
  return price;
}

function knownOr<T>(
  input: unknown,
  field: string,
  unknownFields: UnknownField[],
  parse: (value: unknown, field: string) => T,
): T | undefined {
  if (isUnknownValue(input)) {
    unknownFields.push({ field, raw: input.unknown });
    return undefined;
  }
  return parse(input, field);
}

function parseSubscriptionStatus(input: unknown, field: string): SubscriptionStatus {
  if ((SUBSCRIPTION_STATUSES as readonly unknown[]).includes(input))
    return input as SubscriptionStatus;
  return fail(
    'invalid_input',
    field,
    `${field}: expected one of ${SUBSCRIPTION_STATUSES.join(', ')}`,
  );
}

function parsePerpetualStatus(input: unknown, field: string): PerpetualStatus {
  if (input === 'completed' || input === 'cancelled') return input;
  return fail('invalid_input', field, `${field}: expected completed or cancelled`);
}

type FieldName = (typeof SUBSCRIPTION_FIELDS)[number] | (typeof PERPETUAL_FIELDS)[number];
type FieldNames = Readonly<Record<FieldName, string>>;

// The dotted names (`purchase.unitPrice`...) of a purchase's fields, built once
// per prefix: a batch checks millions of purchases under the same one or two.
let namesCache: Map<string, FieldNames> | undefined;

function fieldNames(prefix: string): FieldNames {
  namesCache ??= new Map();
  let names = namesCache.get(prefix);
  if (names === undefined) {
    const built: Record<string, string> = {};
    for (const f of SUBSCRIPTION_FIELDS) built[f] = `${prefix}.${f}`;
    for (const f of PERPETUAL_FIELDS) built[f] = `${prefix}.${f}`;
    names = built as FieldNames;
    if (namesCache.size >= 64) namesCache.clear();
    namesCache.set(prefix, names);
  }
  return names;
}

/** @internal Check a subscription (every field) and normalise it. */
export function checkSubscription(input: unknown, field = 'subscription'): CheckedSubscription {
  const r = asRecord(input, field);
  const n = fieldNames(field);
  if (r['kind'] !== 'subscription') {
    fail('invalid_input', n.kind, `${field}.kind: expected "subscription"`);
  }
  const unknownFields: UnknownField[] = [];
  // A price without a currency (or the reverse) is a mistake; neither is fine.
  // Any case is read (`eur`); the checked purchase carries the ISO spelling (`EUR`).
  const currency =
    r['currency'] === undefined ? undefined : parseCurrency(r['currency'], n.currency);
  const exponent = currency === undefined ? undefined : currencyExponentOf(currency);
  const status =
    r['status'] === undefined
      ? undefined
      : knownOr(r['status'], n.status, unknownFields, parseSubscriptionStatus);
  const rawPrice = r['unitPrice'];
  const unitPrice = rawPrice === undefined ? undefined : checkPrice(rawPrice, n.unitPrice);
  if ((unitPrice === undefined) !== (currency === undefined)) {
    const missing = unitPrice === undefined ? n.unitPrice : n.currency;
    fail(
      'missing_field',
      missing,
      `${missing}: required with ${unitPrice === undefined ? 'currency' : 'unitPrice'}`,
    );
  }
  return {
    kind: 'subscription',
    id: optionalString(r['id'], n.id),
    purchasedMs: toInstantMs(r['purchasedAt'], n.purchasedAt),
    term: knownOr(r['term'], n.term, unknownFields, parseTerm),
    billingFrequency: knownOr(
      r['billingFrequency'],
      n.billingFrequency,
      unknownFields,
      parseBillingFrequency,
    ),
    autoRenew: optionalBoolean(r['autoRenew'], n.autoRenew),
    publisher: optionalString(r['publisher'], n.publisher),
    productFamily: optionalString(r['productFamily'], n.productFamily),
    quantity: parseQuantity(r['quantity'], n.quantity),
    unitPrice,
    currency,
    exponent,
    status,
    cancellationAllowedUntilMs: optionalInstant(
      r['cancellationAllowedUntil'],
      n.cancellationAllowedUntil,
    ),
    renewalCompletedMs: optionalInstant(r['renewalCompletedAt'], n.renewalCompletedAt),
    productType: parseProductType(r['productType'], n.productType),
    refundOptions:
      r['refundOptions'] === undefined
        ? undefined
        : checkRefundOptions(r['refundOptions'], n.refundOptions, unknownFields),
    refundableQuantity:
      r['refundableQuantity'] === undefined
        ? undefined
        : checkRefundableQuantity(r['refundableQuantity'], n.refundableQuantity),
    commitmentEndDay: commitmentEndDayOf(r['commitmentEndDate'], n.commitmentEndDate),
    scheduledNextTerm:
      r['scheduledNextTerm'] === undefined
        ? undefined
        : checkNextTerm(r['scheduledNextTerm'], n.scheduledNextTerm, unknownFields),
    renewalTerm:
      r['renewalTerm'] === undefined
        ? undefined
        : knownOr(r['renewalTerm'], n.renewalTerm, unknownFields, parseTerm),
    suspendedMs: optionalInstant(r['suspendedAt'], n.suspendedAt),
    unknownFields,
  };
}

/** @internal A checked subscription that carries a price. */
export type PricedSubscription = CheckedSubscription & {
  readonly unitPrice: ScaledDecimal;
  readonly currency: string;
  readonly exponent: number;
};

/**
 * @internal The checked purchase, held to carrying a price: for the rules
 * that need money. A subscription without one is refused with
 * `missing_field` naming `<field>.unitPrice`.
 */
export function priced<T extends CheckedSubscription | CheckedPerpetual>(
  checked: T,
  field: string,
): T extends CheckedSubscription ? PricedSubscription : CheckedPerpetual {
  if (checked.kind === 'subscription' && checked.unitPrice === undefined) {
    fail(
      'missing_field',
      `${field}.unitPrice`,
      `${field}.unitPrice: this question needs a price (unitPrice and currency); Partner Center's subscription carries none, take it from your price list`,
    );
  }
  return checked as never;
}

/** The year from which a `commitmentEndDate` is Partner Center's "no end" placeholder. */
const COMMITMENT_END_PLACEHOLDER_YEAR = 9000;
const PLACEHOLDER_FROM_DAY = /* @__PURE__ */ epochDayFromYmd(COMMITMENT_END_PLACEHOLDER_YEAR, 1, 1);

function commitmentEndDayOf(input: unknown, field: string): number | undefined {
  if (input === undefined) return undefined;
  const day = epochDayOfMs(toInstantMs(input, field));
  return day >= PLACEHOLDER_FROM_DAY ? undefined : day;
}

function parseProductType(input: unknown, field: string): ProductType {
  if (input === undefined || input === 'software') return 'software';
  if (input === 'license_based') return input;
  return fail('invalid_input', field, `${field}: expected "software" or "license_based"`);
}

function wholeNumber(input: unknown, field: string): number {
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 0) {
    fail('invalid_quantity', field, `${field}: expected a whole number of at least 0`);
  }
  return input;
}

function checkRefundOptions(
  input: unknown,
  field: string,
  unknownFields: UnknownField[],
): CheckedRefundOption[] {
  const list = denseList(input, field, 100);
  const out: CheckedRefundOption[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = `${field}[${i}]`;
    const o = asRecord(list[i], f);
    const type = knownOr(o['type'], `${f}.type`, unknownFields, parseRefundType);
    optionalString(o['expiresAfter'], `${f}.expiresAfter`);
    out.push({ type, expiresMs: optionalInstant(o['expiresAt'], `${f}.expiresAt`) });
  }
  return out;
}

function parseRefundType(input: unknown, field: string): 'full' | 'partial' {
  if (input === 'full' || input === 'partial') return input;
  return fail('invalid_input', field, `${field}: expected "full" or "partial"`);
}

function checkRefundableQuantity(input: unknown, field: string): CheckedRefundableQuantity {
  const r = asRecord(input, field);
  const total = wholeNumber(r['totalQuantity'], `${field}.totalQuantity`);
  const list = denseList(r['details'] ?? [], `${field}.details`, 10_000);
  const details: { quantity: number; untilMs: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = `${field}.details[${i}]`;
    const d = asRecord(list[i], f);
    details.push({
      quantity: wholeNumber(d['quantity'], `${f}.quantity`),
      untilMs: toInstantMs(d['allowedUntil'], `${f}.allowedUntil`),
    });
  }
  return { total, details };
}

function checkNextTerm(
  input: unknown,
  field: string,
  unknownFields: UnknownField[],
): CheckedNextTerm {
  const r = asRecord(input, field);
  const opt = <T>(key: string, parse: (v: unknown, f: string) => T): T | undefined =>
    r[key] === undefined ? undefined : knownOr(r[key], `${field}.${key}`, unknownFields, parse);
  return {
    offerId: optionalString(r['offerId'], `${field}.offerId`),
    quantity:
      r['quantity'] === undefined ? undefined : parseQuantity(r['quantity'], `${field}.quantity`),
    billingFrequency: opt('billingFrequency', parseBillingFrequency),
    term: opt('term', parseTerm),
  };
}

/** @internal Check a perpetual purchase and normalise it. */
export function checkPerpetual(input: unknown, field = 'purchase'): CheckedPerpetual {
  const r = asRecord(input, field);
  const n = fieldNames(field);
  if (r['kind'] !== 'perpetual') {
    fail('invalid_input', n.kind, `${field}.kind: expected "perpetual"`);
  }
  const unknownFields: UnknownField[] = [];
  const currency = parseCurrency(r['currency'], n.currency);
  const exponent = currencyExponentOf(currency) as number;
  const status =
    r['status'] === undefined
      ? undefined
      : knownOr(r['status'], n.status, unknownFields, parsePerpetualStatus);
  // A cancelled line item keeps no licences: Partner Center shows it with quantity 0.
  const quantity =
    status === 'cancelled' && r['quantity'] === 0 ? 0 : parseQuantity(r['quantity'], n.quantity);
  return {
    kind: 'perpetual',
    id: optionalString(r['id'], n.id),
    purchasedMs: toInstantMs(r['purchasedAt'], n.purchasedAt),
    publisher: optionalString(r['publisher'], n.publisher),
    productName: optionalString(r['productName'], n.productName),
    orderId: optionalString(r['orderId'], n.orderId),
    quantity,
    unitPrice: checkPrice(r['unitPrice'], n.unitPrice),
    currency,
    exponent,
    status,
    unknownFields,
  };
}

/** @internal Check either purchase shape. */
export function checkPurchase(
  input: unknown,
  field = 'purchase',
): CheckedSubscription | CheckedPerpetual {
  if (handedInput === input && handedField === field && handedChecked !== undefined)
    return handedChecked;
  const kind = asRecord(input, field)['kind'];
  if (kind === 'subscription') return checkSubscription(input, field);
  if (kind === 'perpetual') return checkPerpetual(input, field);
  return fail(
    'invalid_input',
    `${field}.kind`,
    `${field}.kind: expected "subscription" or "perpetual", got ${describeType(kind)}`,
  );
}

// The purchase a rule has just checked, while it asks another rule about the
// same input (`cancellationRefund` asks `evaluateCancellation`): one
// synchronous call, so the same input is not checked twice. Set and restored
// by `withCheckedPurchase` only.
let handedInput: unknown;
let handedField: string | undefined;
let handedChecked: CheckedSubscription | CheckedPerpetual | undefined;

/**
 * @internal Runs `ask` (a call into another rule's public API with the same
 * `input`) with `checked` as the result of checking `input` as `field`.
 */
export function withCheckedPurchase<T>(
  input: unknown,
  field: string,
  checked: CheckedSubscription | CheckedPerpetual,
  ask: () => T,
): T {
  const input0 = handedInput;
  const field0 = handedField;
  const checked0 = handedChecked;
  handedInput = input;
  handedField = field;
  handedChecked = checked;
  try {
    return ask();
  } finally {
    handedInput = input0;
    handedField = field0;
    handedChecked = checked0;
  }
}

/**
 * The reason every decision gives for a value Partner Center sent that this
 * version does not know (see {@link UnknownValue}).
 * @category Decisions
 */
export interface UnknownValueReason {
  /** Stable code. */
  readonly code: 'unknown_value';
  /** The input field that held it, as a dotted path (`'subscription.status'`). */
  readonly field: string;
  /** The value as received. */
  readonly raw: string;
}

/** @internal One `unknown_value` reason per unknown field, in field order. */
export function unknownValueReasons(fields: readonly UnknownField[]): UnknownValueReason[] {
  const reasons: UnknownValueReason[] = [];
  for (const f of fields) reasons.push({ code: 'unknown_value', field: f.field, raw: f.raw });
  return reasons;
}

/**
 * @internal The length of the subscription's renewals: Partner Center's
 * `renewalTermDuration`, else the scheduled next term's, else the current
 * term (undefined when that is an unknown value). The one precedence every
 * rule that looks past the current term uses.
 */
export function renewalTermOf(sub: CheckedSubscription): Term | undefined {
  return sub.renewalTerm ?? sub.scheduledNextTerm?.term ?? sub.term;
}
