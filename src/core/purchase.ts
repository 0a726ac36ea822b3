/**
 * The two purchase shapes rules are asked about, and their run-time guards.
 * @module
 */
import { currencyExponent } from './currencies.js';
import { type DecimalInput, type ScaledDecimal, toScaledDecimal } from './decimal.js';
import { describeType, fail } from './errors.js';
import { frozen } from './frozen.js';
import { asRecord, optionalBoolean, optionalString, parseQuantity } from './guards.js';
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
  /** Price of one licence per charge cycle (a decimal). */
  readonly unitPrice: DecimalInput;
  /** ISO 4217 code of `unitPrice`. */
  readonly currency: string;
  /** Current status; omitted = `active`. */
  readonly status?: SubscriptionStatus | UnknownValue;
  /** Partner Center's `cancellationAllowedUntilDate`, authoritative for its term. */
  readonly cancellationAllowedUntil?: InstantInput;
  /** When the current renewal completed, if known (opens that term's window). */
  readonly renewalCompletedAt?: InstantInput;
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
  /** Number of licences. */
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
  readonly unitPrice: ScaledDecimal;
  readonly currency: string;
  readonly exponent: number;
  readonly status: SubscriptionStatus | undefined;
  readonly cancellationAllowedUntilMs: number | undefined;
  readonly renewalCompletedMs: number | undefined;
  readonly unknownFields: readonly UnknownField[];
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
  const currency = r['currency'];
  const exponent = currencyExponent(currency, n.currency);
  const status =
    r['status'] === undefined
      ? undefined
      : knownOr(r['status'], n.status, unknownFields, parseSubscriptionStatus);
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
    unitPrice: checkPrice(r['unitPrice'], n.unitPrice),
    currency: currency as string,
    exponent,
    status,
    cancellationAllowedUntilMs: optionalInstant(
      r['cancellationAllowedUntil'],
      n.cancellationAllowedUntil,
    ),
    renewalCompletedMs: optionalInstant(r['renewalCompletedAt'], n.renewalCompletedAt),
    unknownFields,
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
  const currency = r['currency'];
  const exponent = currencyExponent(currency, n.currency);
  return {
    kind: 'perpetual',
    id: optionalString(r['id'], n.id),
    purchasedMs: toInstantMs(r['purchasedAt'], n.purchasedAt),
    publisher: optionalString(r['publisher'], n.publisher),
    productName: optionalString(r['productName'], n.productName),
    orderId: optionalString(r['orderId'], n.orderId),
    quantity: parseQuantity(r['quantity'], n.quantity),
    unitPrice: checkPrice(r['unitPrice'], n.unitPrice),
    currency: currency as string,
    exponent,
    status:
      r['status'] === undefined
        ? undefined
        : knownOr(r['status'], n.status, unknownFields, parsePerpetualStatus),
    unknownFields,
  };
}

/** @internal Check either purchase shape. */
export function checkPurchase(
  input: unknown,
  field = 'purchase',
): CheckedSubscription | CheckedPerpetual {
  const kind = asRecord(input, field)['kind'];
  if (kind === 'subscription') return checkSubscription(input, field);
  if (kind === 'perpetual') return checkPerpetual(input, field);
  return fail(
    'invalid_input',
    `${field}.kind`,
    `${field}.kind: expected "subscription" or "perpetual", got ${describeType(kind)}`,
  );
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
