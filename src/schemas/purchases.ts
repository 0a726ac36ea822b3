/**
 * Schemas of the two purchase shapes: a software subscription
 * and a perpetual purchase, and their `parse…` / `safeParse…` pairs.
 * @module
 */
import * as z from 'zod';
import type { PerpetualPurchase, Purchase, SoftwareSubscription } from '../core/index.js';
import { expected, parseWith, type SafeParseResult, safeParseWith } from './issues.js';
import {
  billingFrequencyOrUnknownSchema,
  compact,
  currencySchema,
  instantSchema,
  optionalText,
  perpetualStatusOrUnknownSchema,
  quantitySchema,
  subscriptionStatusOrUnknownSchema,
  termOrUnknownSchema,
  unitPriceSchema,
} from './primitives.js';

/** A zod shape with exactly the fields of `T`, none missing and none extra. */
type ShapeOf<T> = { readonly [K in keyof T]-?: z.ZodType };

/**
 * Schema of a `SoftwareSubscription` (`./core`), the input of the lifecycle,
 * billing, cancellation and refund rules. Each field is checked as the rules
 * check it; `term`, `billingFrequency` and `status` also accept the
 * `{ unknown: '<raw>' }` variant. Keys it does not know are dropped.
 *
 * @example
 * ```ts
 * import { softwareSubscriptionSchema } from 'csp-software-rules/schemas';
 *
 * const input = {
 *   kind: 'subscription', purchasedAt: '2022-01-31T10:00:00Z', term: 'P1Y', billingFrequency: 'annual',
 *   quantity: 5, unitPrice: '100.00', currency: 'EUR', note: 'dropped',
 * };
 * softwareSubscriptionSchema.parse(input).currency; // => 'EUR'
 * 'note' in softwareSubscriptionSchema.parse(input); // => false
 * softwareSubscriptionSchema.safeParse({ ...input, term: 'P2Y' }).success; // => false
 * ```
 * @category Schemas
 */
export const softwareSubscriptionSchema = z
  .object(
    // Exactly the interface's fields: a field added to one and not the other does not compile.
    {
      /** Discriminant: always `'subscription'`. */
      kind: z.literal('subscription', { error: expected('"subscription"') }),
      /** Your own id for it (Partner Center subscription id), echoed in results. */
      id: optionalText(),
      /** When it was bought: the effective start of the initial term (an instant). */
      purchasedAt: instantSchema,
      /** Term length: `P1M`, `P1Y`, `P3Y` or `{ unknown }`. */
      term: termOrUnknownSchema,
      /** Billing plan: `monthly`, `annual`, `triennial` or `{ unknown }`. */
      billingFrequency: billingFrequencyOrUnknownSchema,
      /** Whether it renews at term end; omitted = the purchase-date rule. */
      autoRenew: z.boolean({ error: expected('true or false') }).optional(),
      /** Publisher, e.g. `'Microsoft'`, `'Red Hat'`, `'SUSE'`. */
      publisher: optionalText(),
      /** Product family (see `./billing`). */
      productFamily: optionalText(),
      /** Number of licences: a whole number of at least 1. */
      quantity: quantitySchema,
      /** Price of one licence per charge cycle: a non-negative decimal. */
      unitPrice: unitPriceSchema,
      /** ISO 4217 code of `unitPrice`. */
      currency: currencySchema,
      /** Current status (omitted = `active`), or `{ unknown }`. */
      status: subscriptionStatusOrUnknownSchema.optional(),
      /** Partner Center's `cancellationAllowedUntilDate` (an instant). */
      cancellationAllowedUntil: instantSchema.optional(),
      /** When the current renewal completed, if known (an instant). */
      renewalCompletedAt: instantSchema.optional(),
    } satisfies ShapeOf<SoftwareSubscription>,
    { error: expected('a software subscription (an object)') },
  )
  .transform((value): SoftwareSubscription => compact(value));

/**
 * Schema of a `PerpetualPurchase` (`./core`): perpetual software bought once.
 * `status` also accepts `{ unknown: '<raw>' }`. Keys it does not know are dropped.
 *
 * @example
 * ```ts
 * import { perpetualPurchaseSchema } from 'csp-software-rules/schemas';
 *
 * const p = perpetualPurchaseSchema.parse({
 *   kind: 'perpetual', purchasedAt: '2024-03-01T09:00:00Z', productName: 'SQL Server 2022 Standard',
 *   orderId: 'TXQ2MZG9VDDB', quantity: 2, unitPrice: '899.00', currency: 'USD',
 * });
 * p.orderId; // => 'TXQ2MZG9VDDB'
 * ```
 * @category Schemas
 */
export const perpetualPurchaseSchema = z
  .object(
    // Exactly the interface's fields, as for subscriptions.
    {
      /** Discriminant: always `'perpetual'`. */
      kind: z.literal('perpetual', { error: expected('"perpetual"') }),
      /** Your own id for it, echoed in results. */
      id: optionalText(),
      /** When the order was placed (an instant). */
      purchasedAt: instantSchema,
      /** Publisher. */
      publisher: optionalText(),
      /** Product name, as Partner Center shows it. */
      productName: optionalText(),
      /** Partner Center order id. */
      orderId: optionalText(),
      /** Number of licences: a whole number of at least 1. */
      quantity: quantitySchema,
      /** Price of one licence: a non-negative decimal. */
      unitPrice: unitPriceSchema,
      /** ISO 4217 code of `unitPrice`. */
      currency: currencySchema,
      /** Order status (omitted = `completed`), or `{ unknown }`. */
      status: perpetualStatusOrUnknownSchema.optional(),
    } satisfies ShapeOf<PerpetualPurchase>,
    { error: expected('a perpetual purchase (an object)') },
  )
  .transform((value): PerpetualPurchase => compact(value));

/**
 * Schema of either purchase shape, told apart by `kind` (`'subscription'` or `'perpetual'`).
 *
 * @example
 * ```ts
 * import { purchaseSchema } from 'csp-software-rules/schemas';
 *
 * purchaseSchema.safeParse({ kind: 'lease' }).error?.issues[0]?.message; // => 'expected kind "subscription" or "perpetual", got "lease"'
 * ```
 * @category Schemas
 */
export const purchaseSchema = z.discriminatedUnion(
  'kind',
  [softwareSubscriptionSchema, perpetualPurchaseSchema],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
        ? expected('kind "subscription" or "perpetual"')({
            input: (issue.input as { kind?: unknown }).kind,
          })
        : expected('a purchase (an object with kind "subscription" or "perpetual")')(issue),
  },
);

/**
 * Reads a software subscription from untrusted input (a form, a queue
 * message, JSON): the checks of {@link softwareSubscriptionSchema}, with
 * every problem reported at once.
 *
 * @param input - Anything.
 * @returns The subscription, without unknown keys.
 * @throws {@link core!CspRuleError} `invalid_input`, `field` naming the first
 *   problem (`subscription.purchasedAt`), every problem in `details.issues`.
 * @example
 * ```ts
 * import { parseSoftwareSubscription } from 'csp-software-rules/schemas';
 *
 * const sub = parseSoftwareSubscription({
 *   kind: 'subscription', purchasedAt: '2021-10-15T21:28:19.3058617Z', term: 'P3Y',
 *   billingFrequency: 'annual', quantity: 10, unitPrice: 250, currency: 'EUR',
 * });
 * sub.term; // => 'P3Y'
 * parseSoftwareSubscription({ kind: 'subscription', term: 'P3Y' }); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parseSoftwareSubscription(input: unknown): SoftwareSubscription {
  return parseWith(softwareSubscriptionSchema, input, 'subscription');
}

/**
 * {@link parseSoftwareSubscription} without throwing.
 *
 * @param input - Anything.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParseSoftwareSubscription } from 'csp-software-rules/schemas';
 *
 * const r = safeParseSoftwareSubscription({ kind: 'subscription', purchasedAt: '2021-10-14T10:00' });
 * r.success; // => false
 * r.success ? '' : r.error.field; // => 'subscription.purchasedAt'
 * r.success ? 0 : (r.error.details['issues'] as unknown[]).length; // => 6
 * ```
 * @category Schemas
 */
export function safeParseSoftwareSubscription(
  input: unknown,
): SafeParseResult<SoftwareSubscription> {
  return safeParseWith(softwareSubscriptionSchema, input, 'subscription');
}

/**
 * Reads a perpetual purchase from untrusted input.
 *
 * @param input - Anything.
 * @returns The purchase, without unknown keys.
 * @throws {@link core!CspRuleError} `invalid_input` with every problem in `details.issues`.
 * @example
 * ```ts
 * import { parsePerpetualPurchase } from 'csp-software-rules/schemas';
 *
 * const input = { kind: 'perpetual', purchasedAt: '2024-03-01', quantity: 1, unitPrice: '10', currency: 'EUR' };
 * parsePerpetualPurchase(input).purchasedAt; // => '2024-03-01'
 * parsePerpetualPurchase({ kind: 'perpetual', quantity: 0 }); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parsePerpetualPurchase(input: unknown): PerpetualPurchase {
  return parseWith(perpetualPurchaseSchema, input, 'purchase');
}

/**
 * {@link parsePerpetualPurchase} without throwing.
 *
 * @param input - Anything.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParsePerpetualPurchase } from 'csp-software-rules/schemas';
 *
 * const r = safeParsePerpetualPurchase(null);
 * r.success ? '' : r.error.message; // => 'purchase: expected a perpetual purchase (an object), got null'
 * ```
 * @category Schemas
 */
export function safeParsePerpetualPurchase(input: unknown): SafeParseResult<PerpetualPurchase> {
  return safeParseWith(perpetualPurchaseSchema, input, 'purchase');
}

/**
 * Reads either purchase shape from untrusted input, by its `kind`.
 *
 * @param input - Anything.
 * @returns The subscription or perpetual purchase.
 * @throws {@link core!CspRuleError} `invalid_input` with every problem in `details.issues`.
 * @example
 * ```ts
 * import { parsePurchase } from 'csp-software-rules/schemas';
 *
 * const input = { kind: 'perpetual', purchasedAt: '2024-03-01', quantity: 1, unitPrice: '10', currency: 'EUR' };
 * parsePurchase(input).kind; // => 'perpetual'
 * parsePurchase({ kind: 'lease' }); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parsePurchase(input: unknown): Purchase {
  return parseWith(purchaseSchema, input, 'purchase');
}

/**
 * {@link parsePurchase} without throwing.
 *
 * @param input - Anything.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParsePurchase } from 'csp-software-rules/schemas';
 *
 * safeParsePurchase([]).success; // => false
 * ```
 * @category Schemas
 */
export function safeParsePurchase(input: unknown): SafeParseResult<Purchase> {
  return safeParseWith(purchaseSchema, input, 'purchase');
}
