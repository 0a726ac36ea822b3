/**
 * Partner Center's subscription resource (Get Subscriptions API) read into
 * the library's `SoftwareSubscription` (S4).
 * @module
 */
import * as z from 'zod';
import type {
  CalendarDay,
  DecimalInput,
  InstantInput,
  ProductType,
  RefundableQuantity,
  RefundOption,
  ScheduledNextTerm,
  SoftwareSubscription,
  Term,
  UnknownValue,
} from '../core/index.js';
import { epochDayOfMs, formatEpochDay, toInstantMs } from '../core/internal.js';
import type { MarketCode } from '../markets/index.js';
import { marketSchema } from './identifiers.js';
import { coreCheck, expected, parseWith, type SafeParseResult, safeParseWith } from './issues.js';
import {
  billingFrequencyFromPartnerCenter,
  enumKey,
  lookup,
  PARTNER_CENTER_REFUND_TYPES,
  subscriptionStatusFromPartnerCenter,
  termFromPartnerCenter,
} from './partnerCenterValues.js';
import {
  compact,
  currencySchema,
  instantSchema,
  optionalText,
  quantitySchema,
  unitPriceSchema,
} from './primitives.js';

/** @internal A Partner Center text field: a string, `null` or absent. */
export function pcText(what = 'a string'): z.ZodOptional<z.ZodNullable<z.ZodString>> {
  return z.string({ error: expected(`${what} or null`) }).nullish();
}

/** @internal A Partner Center enum field: any string (unknown values are kept). */
export function pcEnum(known: string): z.ZodString {
  return z.string({ error: expected(`a string such as ${known}`) });
}

/** @internal A non-empty id. */
export function pcId(what: string): z.ZodString {
  return z
    .string({ error: expected(`${what} (a non-empty string)`) })
    .min(1, { error: `expected ${what}, got an empty string` });
}

/** @internal A Partner Center instant field, `null` or absent. */
export const pcInstant = instantSchema.nullish();

const pcCount = z
  .int({ error: expected('a whole number of at least 0') })
  .min(0, { error: expected('a whole number of at least 0') });

const ISO_DURATION =
  /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:[.,]\d+)?S)?)?$/;

/**
 * One of Partner Center's `refundOptions` on a subscription, as the library
 * reads it: a `RefundOption` (`./core`). `expiresAt` is `expiresAt`, or
 * `expiresAfter` when Partner Center wrote a timestamp there (it does on the
 * subscription resource); `expiresAfter` keeps an ISO-8601 duration.
 * @category Partner Center
 */
export type PartnerCenterRefundOption = RefundOption;

/**
 * Schema of one of Partner Center's `refundOptions` (`{ type, expiresAt }`
 * or `{ type, expiresAfter }`; `expiresAfter` a timestamp or an ISO-8601
 * duration). Parsed to a {@link PartnerCenterRefundOption}.
 *
 * @example
 * ```ts
 * import { partnerCenterRefundOptionSchema } from 'csp-software-rules/schemas';
 *
 * partnerCenterRefundOptionSchema.parse({ type: 'Full', expiresAfter: '2021-10-16T21:28:19.3058617Z' }); // => { type: 'full', expiresAt: '2021-10-16T21:28:19.3058617Z' }
 * partnerCenterRefundOptionSchema.parse({ type: 'Partial', expiresAfter: 'P7D' }); // => { type: 'partial', expiresAfter: 'P7D' }
 * ```
 * @category Partner Center
 */
export const partnerCenterRefundOptionSchema = z
  .object(
    {
      /** `Full` or `Partial` (any case; other values are kept as `{ unknown }`). */
      type: pcEnum('"Full" or "Partial"'),
      /** When the refund option expires (a timestamp). */
      expiresAt: pcInstant,
      /** The same, as some resources write it: a timestamp, or an ISO-8601 duration such as `P1D`. */
      expiresAfter: pcText('a timestamp or an ISO-8601 duration such as "P1D"'),
    },
    { error: expected('a refund option { type, expiresAt }') },
  )
  .transform((value, ctx): PartnerCenterRefundOption => {
    const type = lookup(PARTNER_CENTER_REFUND_TYPES, enumKey(value.type)) ?? {
      unknown: value.type,
    };
    let expiresAt: InstantInput | undefined = value.expiresAt ?? undefined;
    let expiresAfter: string | undefined;
    const after = value.expiresAfter;
    if (after !== undefined && after !== null) {
      if (/^[Pp]/.test(after)) {
        if (ISO_DURATION.test(after.toUpperCase())) expiresAfter = after.toUpperCase();
        else {
          ctx.addIssue({
            code: 'custom',
            message: 'expected a timestamp or an ISO-8601 duration such as "P1D"',
            path: ['expiresAfter'],
          });
        }
      } else if (coreCheck(ctx, (f) => toInstantMs(after, f), ['expiresAfter']) !== undefined) {
        expiresAt ??= after;
      }
    }
    return compact({ type, expiresAt, expiresAfter });
  });

/**
 * Schema of Partner Center's subscription resource, the fields the rules
 * need (others are ignored; `null` counts as absent). Enum fields accept any
 * string: values this version does not know are kept as `{ unknown }` by
 * {@link fromPartnerCenterSubscription}. Either `effectiveStartDate` or
 * `creationDate` is required.
 *
 * @example
 * ```ts
 * import { partnerCenterSubscriptionSchema } from 'csp-software-rules/schemas';
 *
 * partnerCenterSubscriptionSchema.safeParse({ id: 'a', quantity: 1, termDuration: 'P1Y', billingCycle: 'annual' }).success; // => false
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export const partnerCenterSubscriptionSchema = z
  .object(
    {
      /** The subscription id (a GUID). */
      id: pcId('the subscription id'),
      /** The offer, `<product>:<sku>:<availability>` for new commerce software. */
      offerId: pcText(),
      /** The offer's name. */
      offerName: pcText(),
      /** The subscription's friendly name. */
      friendlyName: pcText(),
      /** The publisher's name, when Partner Center gives it. */
      publisherName: pcText(),
      /** Number of licences: a whole number of at least 1. */
      quantity: quantitySchema,
      /** When the subscription was created (a timestamp, up to 7 fractional digits). */
      creationDate: pcInstant,
      /** When the initial term started. */
      effectiveStartDate: pcInstant,
      /** The last day of the current term (inclusive); far in the future for some subscriptions that do not renew. */
      commitmentEndDate: pcInstant,
      /** Until when Partner Center allows cancelling (authoritative for its term). */
      cancellationAllowedUntilDate: pcInstant,
      /** Whether the subscription renews at term end. */
      autoRenewEnabled: z.boolean({ error: expected('true, false or null') }).nullish(),
      /** `active`, `suspended`, `expired`, `deleted`, `pending`, `disabled`... (any case). */
      status: pcEnum('"active"').nullish(),
      /** `monthly`, `annual`, `triennial`, `none`, `oneTime`/`one_time` (any case). */
      billingCycle: pcEnum('"annual"'),
      /** `P1M`, `P1Y` or `P3Y`. */
      termDuration: pcEnum('"P1Y"'),
      /** Refund options with their expiry. */
      refundOptions: z
        .array(partnerCenterRefundOptionSchema, { error: expected('a list of refund options') })
        .max(100, { error: 'expected at most 100 refund options' })
        .nullish(),
      /** The seats that may still be reduced, each group until its deadline (subscription by id). */
      refundableQuantity: z
        .object(
          {
            /** Seats that may still be reduced. */
            totalQuantity: pcCount,
            /** Each seat group with its deadline. */
            details: z
              .array(
                z.object(
                  {
                    /** Seats in the group. */
                    quantity: pcCount,
                    /** Until when they may be reduced. */
                    allowedUntilDateTime: instantSchema,
                  },
                  { error: expected('{ quantity, allowedUntilDateTime }') },
                ),
                { error: expected('a list of seat groups') },
              )
              .max(10_000, { error: 'expected at most 10000 seat groups' })
              .nullish(),
          },
          { error: expected('{ totalQuantity, details }') },
        )
        .nullish(),
      /** Changes scheduled for the next term: `product` (ids, `billingCycle`, `termDuration`) and `quantity`. */
      scheduledNextTermInstructions: z
        .object(
          {
            /** The next term's product, billing cycle and term. */
            product: z
              .object(
                {
                  /** The product id (first part of `offerId`). */
                  productId: pcText(),
                  /** The SKU id. */
                  skuId: pcText(),
                  /** The availability id. */
                  availabilityId: pcText(),
                  /** The next term's billing cycle. */
                  billingCycle: pcText(),
                  /** The next term's length. */
                  termDuration: pcText(),
                },
                {
                  error: expected(
                    'a product { productId, skuId, availabilityId, billingCycle, termDuration }',
                  ),
                },
              )
              .nullish(),
            /** The next term's seats. */
            quantity: quantitySchema.nullish(),
          },
          { error: expected('{ product, quantity }') },
        )
        .nullish(),
      /** The next term's length when it differs from `termDuration`. */
      renewalTermDuration: pcText(),
      /** `{ id, displayName }`: `Software` or an online-services (license-based) product. */
      productType: z
        .object(
          {
            /** `Software`, `OnlineServicesNCE`, ... */
            id: pcText(),
          },
          { error: expected('a product type { id, displayName }') },
        )
        .nullish(),
    },
    { error: expected('a Partner Center subscription (an object)') },
  )
  .superRefine(
    (value, ctx) => {
      if (value.effectiveStartDate == null && value.creationDate == null) {
        ctx.addIssue({
          code: 'custom',
          message: 'required: expected effectiveStartDate or creationDate (a timestamp)',
          path: ['effectiveStartDate'],
        });
      }
    },
    // Also when other fields failed, so every problem is reported at once.
    { when: (payload) => isPlainObject(payload.value) },
  );

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a subscription resource does not carry, from your catalog, price list
 * and customer record.
 * @category Partner Center
 */
export interface PartnerCenterSubscriptionExtras {
  /** Price of one licence per charge cycle (a decimal), from the price list; only the money rules need it. */
  readonly unitPrice?: DecimalInput;
  /** ISO 4217 code of `unitPrice`. */
  readonly currency?: string;
  /** Publisher (`'Microsoft'`, `'Red Hat'`, `'SUSE'`); default the resource's `publisherName`. */
  readonly publisher?: string;
  /** Product family (see `./billing`). */
  readonly productFamily?: string;
  /** The customer's market (country code). */
  readonly market?: string;
  /** When the current renewal completed, if you know it. */
  readonly renewalCompletedAt?: InstantInput;
}

/**
 * Schema of {@link PartnerCenterSubscriptionExtras}.
 *
 * @example
 * ```ts
 * import { partnerCenterSubscriptionExtrasSchema } from 'csp-software-rules/schemas';
 *
 * partnerCenterSubscriptionExtrasSchema.parse({ unitPrice: '120.00', currency: 'EUR', market: 'it' }); // => { unitPrice: '120.00', currency: 'EUR', market: 'IT' }
 * ```
 * @category Partner Center
 */
export const partnerCenterSubscriptionExtrasSchema = z
  .object(
    {
      /** Price of one licence per charge cycle: a non-negative decimal. */
      unitPrice: unitPriceSchema.optional(),
      /** ISO 4217 code of `unitPrice`. */
      currency: currencySchema.optional(),
      /** Publisher; default the resource's `publisherName`. */
      publisher: optionalText(),
      /** Product family. */
      productFamily: optionalText(),
      /** The customer's market (country code). */
      market: marketSchema.optional(),
      /** When the current renewal completed (an instant). */
      renewalCompletedAt: instantSchema.optional(),
    },
    { error: expected('extras: an object such as { unitPrice, currency }') },
  )
  .superRefine((value, ctx) => {
    if ((value.unitPrice === undefined) !== (value.currency === undefined)) {
      const missing = value.unitPrice === undefined ? 'unitPrice' : 'currency';
      ctx.addIssue({
        code: 'custom',
        message: `required with ${missing === 'unitPrice' ? 'currency' : 'unitPrice'}`,
        path: [missing],
      });
    }
  });

/**
 * A software subscription read from Partner Center: a `SoftwareSubscription`
 * (every rule takes it as is) plus what Partner Center said that the rules
 * do not read.
 * @category Partner Center
 */
export interface PartnerCenterSoftwareSubscription extends SoftwareSubscription {
  /** The Partner Center subscription id. */
  readonly id: string;
  /** The subscription's friendly name. */
  readonly friendlyName?: string;
  /** The offer id (`<product>:<sku>:<availability>`). */
  readonly offerId?: string;
  /** The offer's name. */
  readonly offerName?: string;
  /**
   * The UTC day of `commitmentEndDate`: the last day of the current term,
   * inclusive. For a subscription that does not renew Partner Center can
   * write a far-future placeholder (e.g. `'9999-12-31'`): kept as written,
   * the rules ignore it (year 9000 or later).
   */
  readonly commitmentEndDate?: CalendarDay;
  /** The customer's market, from `extras`. */
  readonly market?: MarketCode;
}

const subscriptionInput = z.object({
  subscription: partnerCenterSubscriptionSchema,
  extras: partnerCenterSubscriptionExtrasSchema.optional(),
});

const PRODUCT_TYPES: readonly (readonly [RegExp, ProductType])[] = [
  [/^software$/i, 'software'],
  [/^onlineservices/i, 'license_based'],
];

function productTypeOf(id: string | null | undefined): ProductType | undefined {
  if (id == null) return undefined;
  for (const [pattern, type] of PRODUCT_TYPES) if (pattern.test(id)) return type;
  return undefined;
}

function scheduledNextTermOf(
  pc: z.output<typeof partnerCenterSubscriptionSchema>['scheduledNextTermInstructions'],
  currentTerm: Term | UnknownValue,
): ScheduledNextTerm | undefined {
  if (pc == null) return undefined;
  const product = pc.product ?? undefined;
  const ids = [product?.productId, product?.skuId, product?.availabilityId];
  const term = product?.termDuration ? termFromPartnerCenter(product.termDuration) : undefined;
  const cycle = product?.billingCycle;
  const next = compact({
    offerId: ids.every((x) => typeof x === 'string' && x !== '') ? ids.join(':') : undefined,
    quantity: pc.quantity ?? undefined,
    term,
    billingFrequency: cycle
      ? billingFrequencyFromPartnerCenter(cycle, term ?? currentTerm)
      : undefined,
  });
  return Object.keys(next).length === 0 ? undefined : next;
}

function refundableQuantityOf(
  pc: z.output<typeof partnerCenterSubscriptionSchema>['refundableQuantity'],
): RefundableQuantity | undefined {
  if (pc == null) return undefined;
  return {
    totalQuantity: pc.totalQuantity,
    details: (pc.details ?? []).map((d) => ({
      quantity: d.quantity,
      allowedUntil: d.allowedUntilDateTime,
    })),
  };
}

function toSubscription(
  value: z.output<typeof subscriptionInput>,
): PartnerCenterSoftwareSubscription {
  const pc = value.subscription;
  const extras = value.extras ?? {};
  const term = termFromPartnerCenter(pc.termDuration);
  const purchasedAt = (pc.effectiveStartDate ?? pc.creationDate) as InstantInput;
  const commitmentEnd = pc.commitmentEndDate ?? undefined;
  return compact({
    kind: 'subscription' as const,
    id: pc.id,
    purchasedAt,
    term,
    billingFrequency: billingFrequencyFromPartnerCenter(pc.billingCycle, term),
    autoRenew: pc.autoRenewEnabled ?? undefined,
    publisher: extras.publisher ?? pc.publisherName ?? undefined,
    productFamily: extras.productFamily,
    quantity: pc.quantity,
    unitPrice: extras.unitPrice,
    currency: extras.currency,
    status: pc.status == null ? undefined : subscriptionStatusFromPartnerCenter(pc.status),
    cancellationAllowedUntil: pc.cancellationAllowedUntilDate ?? undefined,
    renewalCompletedAt: extras.renewalCompletedAt,
    friendlyName: pc.friendlyName ?? undefined,
    offerId: pc.offerId ?? undefined,
    offerName: pc.offerName ?? undefined,
    commitmentEndDate:
      commitmentEnd === undefined
        ? undefined
        : formatEpochDay(epochDayOfMs(toInstantMs(commitmentEnd, 'commitmentEndDate'))),
    refundOptions: pc.refundOptions ?? undefined,
    refundableQuantity: refundableQuantityOf(pc.refundableQuantity),
    scheduledNextTerm: scheduledNextTermOf(pc.scheduledNextTermInstructions, term),
    renewalTerm: pc.renewalTermDuration ? termFromPartnerCenter(pc.renewalTermDuration) : undefined,
    productType: productTypeOf(pc.productType?.id),
    market: extras.market,
  });
}

/**
 * Reads Partner Center's subscription resource (JSON from the Get
 * Subscriptions API) into a `SoftwareSubscription` every rule accepts.
 *
 * - `purchasedAt` = `effectiveStartDate` when present, else `creationDate`
 *   (the start of the initial term; Partner Center often writes it at 00:00Z,
 *   which opens a window no later than the real purchase).
 * - `term` from `termDuration`; `billingFrequency` from `billingCycle`
 *   (`Triennial` → `triennial`; `none`/`oneTime`/`one_time` → the term's
 *   upfront frequency); `status` from `status` (`deleted` stays `deleted`).
 *   Tables: {@link PARTNER_CENTER_TERMS}, {@link PARTNER_CENTER_BILLING_CYCLES},
 *   {@link PARTNER_CENTER_SUBSCRIPTION_STATUSES}. A value this version does
 *   not know becomes `{ unknown: '<raw>' }`, which rules refuse with reason
 *   `unknown_value`: never an error.
 * - `autoRenew` from `autoRenewEnabled` (absent: the purchase-date rule);
 *   `cancellationAllowedUntil` from `cancellationAllowedUntilDate`, as written
 *   (up to 7 fractional digits are read, truncated to the millisecond).
 * - `commitmentEndDate` is kept as its UTC day (inclusive); it may be a
 *   far-future placeholder and no rule reads it.
 * - `refundOptions[]`: `expiresAfter` holding a timestamp is read as `expiresAt`.
 * - From `extras`: `unitPrice`, `currency`, `publisher` (else the resource's
 *   `publisherName`), `productFamily`, `market`, `renewalCompletedAt`.
 *
 * @param json - The subscription resource, as parsed from Partner Center's JSON.
 * @param extras - What the resource does not carry ({@link PartnerCenterSubscriptionExtras}).
 * @returns The subscription, with the Partner Center fields rules do not read.
 * @throws {@link core!CspRuleError} `invalid_input`, naming the first bad field
 *   (`subscription.quantity`, `extras.currency`), every problem in `details.issues`.
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @example
 * ```ts
 * import { fromPartnerCenterSubscription } from 'csp-software-rules/schemas';
 *
 * const sub = fromPartnerCenterSubscription(
 *   {
 *     id: '7ee1b6a5-0b3c-4a0c-9f1e-2f3a4b5c6d7e', offerId: 'DG7GMGF0FKZV:0003:DG7GMGF0DWMS',
 *     quantity: 10, creationDate: '2021-10-15T21:28:19.3058617Z', effectiveStartDate: '2021-10-15T00:00:00Z',
 *     commitmentEndDate: '2024-10-14T00:00:00Z', autoRenewEnabled: true, status: 'Active',
 *     billingCycle: 'Triennial', termDuration: 'P3Y',
 *   },
 *   { unitPrice: '2890.00', currency: 'EUR', publisher: 'Microsoft' },
 * );
 * sub.billingFrequency; // => 'triennial'
 * sub.status; // => 'active'
 * sub.purchasedAt; // => '2021-10-15T00:00:00Z'
 * sub.commitmentEndDate; // => '2024-10-14'
 * fromPartnerCenterSubscription({ id: 'x', quantity: 1, billingCycle: 'Quarterly', termDuration: 'P1Y', creationDate: '2024-01-01' }, { unitPrice: 1, currency: 'EUR' }).billingFrequency; // => { unknown: 'Quarterly' }
 * fromPartnerCenterSubscription({ id: 'x' }, { unitPrice: 1, currency: 'EUR' }); // => throws invalid_input
 * ```
 * @category Partner Center
 */
export function fromPartnerCenterSubscription(
  json: unknown,
  extras?: PartnerCenterSubscriptionExtras,
): PartnerCenterSoftwareSubscription {
  return toSubscription(parseWith(subscriptionInput, { subscription: json, extras }, ''));
}

/**
 * {@link fromPartnerCenterSubscription} without throwing.
 *
 * @param json - The subscription resource.
 * @param extras - What the resource does not carry.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeFromPartnerCenterSubscription } from 'csp-software-rules/schemas';
 *
 * const r = safeFromPartnerCenterSubscription({ id: 'x', quantity: 0 }, { unitPrice: '1', currency: 'XYZ' });
 * r.success ? [] : (r.error.details['issues'] as { code: string }[]).map((i) => i.code); // => ['too_small', 'invalid_type', 'invalid_type', 'custom', 'unknown_currency']
 * ```
 * @category Partner Center
 */
export function safeFromPartnerCenterSubscription(
  json: unknown,
  extras?: unknown,
): SafeParseResult<PartnerCenterSoftwareSubscription> {
  const result = safeParseWith(subscriptionInput, { subscription: json, extras }, '');
  return result.success ? { success: true, data: toSubscription(result.data) } : result;
}
