/**
 * Schemas of the two purchase shapes: a software subscription
 * and a perpetual purchase, and their `parse…` / `safeParse…` pairs.
 * @module
 */
import * as z from 'zod';
import type {
  PerpetualPurchase,
  Purchase,
  RefundableQuantity,
  RefundOption,
  ScheduledNextTerm,
  SoftwareSubscription,
} from '../core/index.js';
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
  unknownValueSchema,
} from './primitives.js';

/** A zod shape with exactly the fields of `T`, none missing and none extra. */
type ShapeOf<T> = { readonly [K in keyof T]-?: z.ZodType };

const wholeNumberSchema = z
  .int({ error: expected('a whole number of at least 0') })
  .min(0, { error: expected('a whole number of at least 0') });

/**
 * Schema of a subscription's `RefundOption` (`./core`) in the library's
 * vocabulary: `{ type: 'full' | 'partial' | { unknown }, expiresAt? }`.
 * (Partner Center's own spelling is read by `fromPartnerCenterSubscription`.)
 *
 * @example
 * ```ts
 * import { refundOptionSchema } from 'csp-software-rules/schemas';
 *
 * refundOptionSchema.parse({ type: 'full', expiresAt: '2024-02-08T10:00:00Z' }); // => { type: 'full', expiresAt: '2024-02-08T10:00:00Z' }
 * refundOptionSchema.safeParse({ type: 'Full' }).success; // => false
 * ```
 * @category Schemas
 */
export const refundOptionSchema = z
  .object(
    {
      /** `full`, `partial`, or `{ unknown }`. */
      type: z.union([z.literal(['full', 'partial']), unknownValueSchema], {
        error: expected('"full", "partial" or { unknown: "<raw>" }'),
      }),
      /** Until when it applies (an instant). */
      expiresAt: instantSchema.optional(),
      /** An ISO-8601 duration (the catalog's form). */
      expiresAfter: optionalText(),
    } satisfies ShapeOf<RefundOption>,
    { error: expected('a refund option { type, expiresAt }') },
  )
  .transform((value): RefundOption => compact(value));

/**
 * Schema of `RefundableQuantity` (`./core`): `{ totalQuantity, details: [{ quantity, allowedUntil }] }`.
 *
 * @example
 * ```ts
 * import { refundableQuantitySchema } from 'csp-software-rules/schemas';
 *
 * refundableQuantitySchema.safeParse({ totalQuantity: 2, details: [{ quantity: 2, allowedUntil: '2024-02-08T10:00:00Z' }] }).success; // => true
 * ```
 * @category Schemas
 */
export const refundableQuantitySchema = z.object(
  {
    /** Seats that may still be reduced. */
    totalQuantity: wholeNumberSchema,
    /** Each seat group with its deadline. */
    details: z
      .array(
        z.object(
          {
            /** Seats in the group. */
            quantity: wholeNumberSchema,
            /** Until when they may be reduced (an instant). */
            allowedUntil: instantSchema,
          },
          { error: expected('{ quantity, allowedUntil }') },
        ),
        { error: expected('a list of seat groups') },
      )
      .max(10_000, { error: 'expected at most 10000 seat groups' }),
  } satisfies ShapeOf<RefundableQuantity>,
  { error: expected('{ totalQuantity, details }') },
);

/**
 * Schema of `ScheduledNextTerm` (`./core`): the changes Partner Center will
 * apply at the next renewal (`offerId`, `quantity`, `billingFrequency`, `term`).
 *
 * @example
 * ```ts
 * import { scheduledNextTermSchema } from 'csp-software-rules/schemas';
 *
 * scheduledNextTermSchema.parse({ quantity: 5, billingFrequency: 'monthly' }); // => { quantity: 5, billingFrequency: 'monthly' }
 * ```
 * @category Schemas
 */
export const scheduledNextTermSchema = z
  .object(
    {
      /** The next term's offer. */
      offerId: optionalText(),
      /** The next term's seats. */
      quantity: quantitySchema.optional(),
      /** The next term's billing plan. */
      billingFrequency: billingFrequencyOrUnknownSchema.optional(),
      /** The next term's length. */
      term: termOrUnknownSchema.optional(),
    } satisfies ShapeOf<ScheduledNextTerm>,
    { error: expected('scheduled next-term changes (an object)') },
  )
  .transform((value): ScheduledNextTerm => compact(value));

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
      /** Price of one licence per charge cycle: a non-negative decimal (needed by the money rules). */
      unitPrice: unitPriceSchema.optional(),
      /** ISO 4217 code of `unitPrice`. */
      currency: currencySchema.optional(),
      /** Partner Center's status (omitted = forecast from the dates), or `{ unknown }`. */
      status: subscriptionStatusOrUnknownSchema.optional(),
      /** Partner Center's `cancellationAllowedUntilDate` (an instant). */
      cancellationAllowedUntil: instantSchema.optional(),
      /** When the current renewal completed, if known (an instant). */
      renewalCompletedAt: instantSchema.optional(),
      /** `software` (default) or `license_based`. */
      productType: z
        .literal(['software', 'license_based'], {
          error: expected('"software" or "license_based"'),
        })
        .optional(),
      /** Partner Center's refund options: `[{ type: 'full' | 'partial', expiresAt }]`. */
      refundOptions: z
        .array(refundOptionSchema, { error: expected('a list of refund options') })
        .max(100, { error: 'expected at most 100 refund options' })
        .optional(),
      /** Partner Center's `refundableQuantity`: `{ totalQuantity, details: [{ quantity, allowedUntil }] }`. */
      refundableQuantity: refundableQuantitySchema.optional(),
      /** Partner Center's `commitmentEndDate` (a day or an instant; year 9000+ is a placeholder). */
      commitmentEndDate: instantSchema.optional(),
      /** Partner Center's scheduled next-term changes. */
      scheduledNextTerm: scheduledNextTermSchema.optional(),
      /** Partner Center's `renewalTermDuration`: `P1M`, `P1Y`, `P3Y` or `{ unknown }`. */
      renewalTerm: termOrUnknownSchema.optional(),
      /** When it was suspended, if known (an instant). */
      suspendedAt: instantSchema.optional(),
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
      /** Number of licences: a whole number of at least 1 (0 when `status` is `cancelled`). */
      quantity: wholeNumberSchema,
      /** Price of one licence: a non-negative decimal. */
      unitPrice: unitPriceSchema,
      /** ISO 4217 code of `unitPrice`. */
      currency: currencySchema,
      /** Order status (omitted = `completed`), or `{ unknown }`. */
      status: perpetualStatusOrUnknownSchema.optional(),
    } satisfies ShapeOf<PerpetualPurchase>,
    { error: expected('a perpetual purchase (an object)') },
  )
  .superRefine((value, ctx) => {
    if (value.quantity === 0 && value.status !== 'cancelled') {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a whole number of at least 1, got 0 (0 only for a cancelled line item)',
        path: ['quantity'],
      });
    }
  })
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
 * r.success ? 0 : (r.error.details['issues'] as unknown[]).length; // => 4
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
