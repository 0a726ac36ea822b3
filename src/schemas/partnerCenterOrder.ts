/**
 * Partner Center's order resource (Get Orders API) for perpetual software,
 * read into the library's `PerpetualPurchase`s and an order shape that
 * `./cancellation` can build a cancellation request from (S5).
 * @module
 */
import * as z from 'zod';
import type { SoftwareOrderLineItem } from '../cancellation/order/index.js';
import type {
  DecimalInput,
  InstantInput,
  PerpetualPurchase,
  PerpetualStatus,
  UnknownValue,
} from '../core/index.js';
import type { MarketCode } from '../markets/index.js';
import { marketSchema, tenantIdSchema } from './identifiers.js';
import { expected, parseWith, type SafeParseResult, safeParseWith } from './issues.js';
import { pcEnum, pcId, pcText } from './partnerCenterSubscription.js';
import {
  enumKey,
  lookup,
  PARTNER_CENTER_BILLING_CYCLES,
  PARTNER_CENTER_ORDER_STATUSES,
} from './partnerCenterValues.js';
import {
  compact,
  currencySchema,
  instantSchema,
  optionalText,
  unitPriceSchema,
} from './primitives.js';

/** Most line items an order may have (Partner Center orders have a handful). */
const MAX_LINE_ITEMS = 10_000;

/**
 * Schema of one line item of Partner Center's order resource (other fields
 * are ignored; `null` counts as absent).
 *
 * @example
 * ```ts
 * import { partnerCenterOrderLineItemSchema } from 'csp-software-rules/schemas';
 *
 * partnerCenterOrderLineItemSchema.safeParse({ lineItemNumber: 0, offerId: 'DG7GMGF0D3SJ:0002:DG7GMGF0C9G6', quantity: 2 }).success; // => true
 * partnerCenterOrderLineItemSchema.safeParse({ lineItemNumber: -1, offerId: 'x', quantity: 2 }).success; // => false
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/cancel-software-purchases
 * @category Partner Center
 */
export const partnerCenterOrderLineItemSchema = z.object(
  {
    /** The line item's number in the order: 0, 1, ... */
    lineItemNumber: z
      .int({ error: expected('a whole number from 0') })
      .min(0, { error: expected('a whole number from 0') }),
    /** The offer, `<product>:<sku>:<availability>`. */
    offerId: pcId('the offer id'),
    /** Number of licences: a whole number; 0 once the line item is cancelled (Partner Center's cancel response). */
    quantity: z
      .int({ error: expected('a whole number of at least 0') })
      .min(0, { error: expected('a whole number of at least 0') }),
    /** Term, absent for perpetual software. */
    termDuration: pcText(),
    /** The line item's friendly name (the product's name for perpetual software). */
    friendlyName: pcText(),
    /** The subscription or entitlement the line item created, if any. */
    subscriptionId: pcText(),
    /** The line item's status when Partner Center gives one (`cancelled` once cancelled). */
    status: pcEnum('"completed" or "cancelled"').nullish(),
  },
  { error: expected('an order line item (an object)') },
);

/**
 * Schema of Partner Center's order resource, the fields the rules need
 * (others are ignored; `null` counts as absent).
 *
 * @example
 * ```ts
 * import { partnerCenterOrderSchema } from 'csp-software-rules/schemas';
 *
 * partnerCenterOrderSchema.safeParse({ id: 'TXQ2MZG9VDDB', creationDate: '2024-03-01T09:00:00Z', lineItems: [] }).success; // => false
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/cancel-software-purchases
 * @category Partner Center
 */
export const partnerCenterOrderSchema = z
  .object(
    {
      /** The order id. */
      id: pcId('the order id'),
      /** The customer's tenant id (a GUID). */
      referenceCustomerId: tenantIdSchema.nullish(),
      /** `completed` or `cancelled` (any case; other values are kept as `{ unknown }`). */
      status: pcEnum('"completed"').nullish(),
      /** `one_time` for perpetual software (`oneTime`, `none`, any case, also read as one-time). */
      billingCycle: pcEnum('"one_time"').nullish(),
      /** ISO 4217 code of the order's prices. */
      currencyCode: currencySchema.nullish(),
      /** When the order was placed (the purchase instant). */
      creationDate: instantSchema,
      /** The line items (at least one). */
      lineItems: z
        .array(partnerCenterOrderLineItemSchema, { error: expected('a list of line items') })
        .min(1, { error: 'expected at least one line item' })
        .max(MAX_LINE_ITEMS, { error: `expected at most ${MAX_LINE_ITEMS} line items` }),
    },
    { error: expected('a Partner Center order (an object)') },
  )
  .superRefine((order, ctx) => {
    const seen = new Set<number>();
    order.lineItems.forEach((line, i) => {
      if (seen.has(line.lineItemNumber)) {
        ctx.addIssue({
          code: 'custom',
          message: `line item number ${line.lineItemNumber} appears twice`,
          params: { code: 'duplicate_id' },
          path: ['lineItems', i, 'lineItemNumber'],
        });
      }
      seen.add(line.lineItemNumber);
    });
  });

/**
 * What an order's price list gives for one offer.
 * @category Partner Center
 */
export interface PartnerCenterOfferExtras {
  /** Price of one licence (a decimal). */
  readonly unitPrice: DecimalInput;
  /** Product name, as Partner Center shows it; default the line item's `friendlyName`. */
  readonly productName?: string;
  /** Publisher; default `extras.publisher`. */
  readonly publisher?: string;
}

/**
 * What an order resource does not carry, from your price list and customer record.
 * @category Partner Center
 */
export interface PartnerCenterOrderExtras {
  /**
   * Prices (and names) by offer id. A line item's offer is looked up as
   * `<product>:<sku>:<availability>`, then `<product>:<sku>`, then `<product>`,
   * so a price list keyed by SKU serves every availability.
   */
  readonly offers: Readonly<Record<string, PartnerCenterOfferExtras>>;
  /** ISO 4217 code of the prices; default the order's `currencyCode` (they must agree when both are given). */
  readonly currency?: string;
  /** Publisher of every line item without its own. */
  readonly publisher?: string;
  /** The customer's market (country code). */
  readonly market?: string;
  /** The customer's tenant id (a GUID); default the order's `referenceCustomerId`. */
  readonly customerTenantId?: string;
}

const offerExtrasSchema = z.object(
  {
    /** Price of one licence: a non-negative decimal. */
    unitPrice: unitPriceSchema,
    /** Product name. */
    productName: optionalText(),
    /** Publisher. */
    publisher: optionalText(),
  },
  { error: expected('{ unitPrice, productName?, publisher? }') },
);

/**
 * Schema of {@link PartnerCenterOrderExtras}.
 *
 * @example
 * ```ts
 * import { partnerCenterOrderExtrasSchema } from 'csp-software-rules/schemas';
 *
 * partnerCenterOrderExtrasSchema.safeParse({ offers: { 'DG7GMGF0D3SJ:0002': { unitPrice: '899.00' } }, currency: 'USD' }).success; // => true
 * ```
 * @category Partner Center
 */
export const partnerCenterOrderExtrasSchema = z.object(
  {
    /** Prices (and names) by offer id, `<product>:<sku>:<availability>`, `<product>:<sku>` or `<product>`. */
    offers: z.record(z.string(), offerExtrasSchema, {
      error: expected('offers: an object keyed by offer id'),
    }),
    /** ISO 4217 code of the prices; default the order's `currencyCode`. */
    currency: currencySchema.optional(),
    /** Publisher of every line item without its own. */
    publisher: optionalText(),
    /** The customer's market (country code). */
    market: marketSchema.optional(),
    /** The customer's tenant id (a GUID); default the order's `referenceCustomerId`. */
    customerTenantId: tenantIdSchema.optional(),
  },
  { error: expected('extras: an object with offers') },
);

/**
 * One line item of an order read from Partner Center: exactly the line item
 * `./cancellation/order`'s `softwareOrderCancellationRequest` takes (its
 * `status` is `'completed'`, `'cancelled'`, or Partner Center's own text when
 * unknown).
 * @category Partner Center
 */
export type PartnerCenterOrderLineItem = SoftwareOrderLineItem;

/**
 * A perpetual software order read from Partner Center: the order (for the
 * cancellation request) and one `PerpetualPurchase` per line item (for the
 * cancellation and refund rules), in the same order.
 * @category Partner Center
 */
export interface PartnerCenterSoftwareOrder {
  /** The order id. */
  readonly id: string;
  /** The customer's tenant id, from `extras` or the order's `referenceCustomerId`. */
  readonly customerTenantId?: string;
  /** `'completed'`, `'cancelled'`, or Partner Center's own text when unknown. */
  readonly status: string;
  /** The billing cycle as Partner Center wrote it (`'one_time'`...), when given. */
  readonly billingCycle?: string;
  /** When the order was placed (`creationDate`). */
  readonly purchasedAt: InstantInput;
  /** ISO 4217 code of the prices. */
  readonly currency: string;
  /** The customer's market, from `extras`. */
  readonly market?: MarketCode;
  /** The line items. */
  readonly lineItems: readonly PartnerCenterOrderLineItem[];
  /** One perpetual purchase per line item, in the same order. */
  readonly purchases: readonly PerpetualPurchase[];
}

const orderInput = z
  .object({ order: partnerCenterOrderSchema, extras: partnerCenterOrderExtrasSchema })
  .transform((value, ctx) => {
    const { order, extras } = value;
    let currency = extras.currency ?? order.currencyCode ?? undefined;
    if (currency === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'required: expected extras.currency, as the order has no currencyCode',
        path: ['extras', 'currency'],
      });
    } else if (
      extras.currency !== undefined &&
      order.currencyCode != null &&
      extras.currency !== order.currencyCode
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `extras.currency ${extras.currency} differs from the order's currencyCode ${order.currencyCode}`,
        params: { code: 'currency_mismatch' },
        path: ['extras', 'currency'],
      });
      currency = undefined;
    }
    const cycle = order.billingCycle ?? undefined;
    const mapped =
      cycle === undefined ? 'upfront' : lookup(PARTNER_CENTER_BILLING_CYCLES, enumKey(cycle));
    if (mapped !== undefined && mapped !== 'upfront') {
      ctx.addIssue({
        code: 'custom',
        message: `a "${mapped}" order is a subscription order; expected a perpetual software order (billingCycle one_time): read its subscriptions with fromPartnerCenterSubscription`,
        path: ['order', 'billingCycle'],
      });
    }
    const offers = new Map(Object.entries(extras.offers));
    let priced = true;
    const prices = order.lineItems.map((line, i) => {
      const offer = offerFor(offers, line.offerId);
      if (offer === undefined) {
        priced = false;
        ctx.addIssue({
          code: 'custom',
          message: `no price for lineItems[${i}] (offer ${JSON.stringify(clip(line.offerId))}); add it to extras.offers by offer id, "<product>:<sku>" or "<product>"`,
          path: ['extras', 'offers'],
        });
      }
      return offer;
    });
    if (currency === undefined || !priced || (mapped !== undefined && mapped !== 'upfront')) {
      return z.NEVER;
    }
    return toOrder(value, currency, cycle === undefined || mapped !== undefined, prices);
  });

function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

function offerFor(
  offers: ReadonlyMap<string, z.output<typeof offerExtrasSchema>>,
  offerId: string,
): z.output<typeof offerExtrasSchema> | undefined {
  const parts = offerId.split(':', 3);
  return (
    offers.get(offerId) ??
    (parts.length > 2 ? offers.get(`${parts[0]}:${parts[1]}`) : undefined) ??
    (parts.length > 1 ? offers.get(parts[0] ?? '') : undefined)
  );
}

function statusOf(raw: string | null | undefined): PerpetualStatus | UnknownValue | undefined {
  if (raw == null) return undefined;
  return lookup(PARTNER_CENTER_ORDER_STATUSES, enumKey(raw)) ?? { unknown: raw };
}

function toOrder(
  value: {
    readonly order: z.output<typeof partnerCenterOrderSchema>;
    readonly extras: z.output<typeof partnerCenterOrderExtrasSchema>;
  },
  currency: string,
  knownCycle: boolean,
  prices: readonly (z.output<typeof offerExtrasSchema> | undefined)[],
): PartnerCenterSoftwareOrder {
  const { order, extras } = value;
  const orderStatus = statusOf(order.status) ?? 'completed';
  const lineItems: PartnerCenterOrderLineItem[] = [];
  const purchases: PerpetualPurchase[] = [];
  order.lineItems.forEach((line, i) => {
    const offer = prices[i];
    const productName = offer?.productName ?? line.friendlyName ?? undefined;
    const lineStatus = statusOf(line.status);
    // Whole order cancelled: every item is. Otherwise the item's own status, else the order's.
    let status: PerpetualStatus | UnknownValue =
      orderStatus === 'cancelled' ? 'cancelled' : (lineStatus ?? orderStatus);
    // A billing cycle this version does not know may not be perpetual software:
    // the rules must refuse it (unknown_value) rather than apply the 30-day window.
    // Partner Center's cancel response shows a cancelled line item with quantity 0.
    if (line.quantity === 0 && typeof status === 'string') status = 'cancelled';
    if (!knownCycle) status = { unknown: order.billingCycle ?? '' };
    lineItems.push(
      compact({
        lineItemNumber: line.lineItemNumber,
        offerId: line.offerId,
        quantity: line.quantity,
        productName,
        termDuration: line.termDuration ?? undefined,
        status: line.status == null ? undefined : textOf(lineStatus),
      }),
    );
    purchases.push(
      compact({
        kind: 'perpetual' as const,
        id: `${order.id}/${line.lineItemNumber}`,
        purchasedAt: order.creationDate,
        publisher: offer?.publisher ?? extras.publisher,
        productName,
        orderId: order.id,
        quantity: line.quantity,
        unitPrice: offer?.unitPrice ?? '0',
        currency,
        status,
      }),
    );
  });
  return compact({
    id: order.id,
    customerTenantId: extras.customerTenantId ?? order.referenceCustomerId ?? undefined,
    status: typeof orderStatus === 'object' ? orderStatus.unknown : orderStatus,
    billingCycle: order.billingCycle ?? undefined,
    purchasedAt: order.creationDate,
    currency,
    market: extras.market,
    lineItems,
    purchases,
  });
}

function textOf(status: PerpetualStatus | UnknownValue | undefined): string | undefined {
  return typeof status === 'object' ? status.unknown : status;
}

/**
 * Reads Partner Center's order resource for perpetual software (JSON from
 * the Get Orders API) into one `PerpetualPurchase` per line item, plus the
 * order in the shape `./cancellation/order`'s `softwareOrderCancellationRequest` takes.
 *
 * - `purchasedAt` = the order's `creationDate`; `orderId` = the order's `id`;
 *   each purchase's `id` is `<orderId>/<lineItemNumber>`.
 * - Status ({@link PARTNER_CENTER_ORDER_STATUSES}): an order `cancelled`
 *   cancels every item; otherwise an item's own `status` (`cancelled` once it
 *   was cancelled, the order staying `completed`), else the order's. An
 *   unknown status becomes `{ unknown: '<raw>' }`.
 * - `billingCycle` `one_time`/`oneTime`/`none` (any case) or absent: perpetual.
 *   `monthly`/`annual`/`triennial` is a subscription order and an error (read
 *   its subscriptions with {@link fromPartnerCenterSubscription}). A billing
 *   cycle this version does not know gives every purchase the status
 *   `{ unknown: '<billingCycle>' }`, so rules refuse it (`unknown_value`)
 *   rather than apply the perpetual 30-day window to what may be a subscription.
 * - From `extras`: prices and names by offer id, `currency` (else the order's
 *   `currencyCode`), `publisher`, `market`, `customerTenantId` (else the
 *   order's `referenceCustomerId`).
 *
 * @param json - The order resource, as parsed from Partner Center's JSON.
 * @param extras - What the resource does not carry ({@link PartnerCenterOrderExtras}).
 * @returns The order, its line items and one perpetual purchase per line item.
 * @throws {@link core!CspRuleError} `invalid_input`, naming the first bad field
 *   (`order.lineItems[1].quantity`, `extras.offers`), every problem in `details.issues`.
 * @see https://learn.microsoft.com/partner-center/developer/cancel-software-purchases
 * @example
 * ```ts
 * import { fromPartnerCenterOrder } from 'csp-software-rules/schemas';
 *
 * const order = fromPartnerCenterOrder(
 *   {
 *     id: 'TXQ2MZG9VDDB', status: 'completed', billingCycle: 'one_time', creationDate: '2024-03-01T09:12:44.1234567Z',
 *     lineItems: [
 *       { lineItemNumber: 0, offerId: 'DG7GMGF0D3SJ:0002:DG7GMGF0C9G6', quantity: 2 },
 *       { lineItemNumber: 1, offerId: 'DG7GMGF0FKX2:0003:DG7GMGF0C9G7', quantity: 5, status: 'Cancelled' },
 *     ],
 *   },
 *   {
 *     currency: 'USD', publisher: 'Microsoft',
 *     offers: {
 *       'DG7GMGF0D3SJ:0002': { unitPrice: '899.00', productName: 'SQL Server 2022 Standard' },
 *       'DG7GMGF0FKX2': { unitPrice: '35.00', productName: 'Windows Server 2022 CAL' },
 *     },
 *   },
 * );
 * order.status; // => 'completed'
 * order.purchases.map((p) => [p.productName, p.status]); // => [['SQL Server 2022 Standard', 'completed'], ['Windows Server 2022 CAL', 'cancelled']]
 * order.purchases[0]?.id; // => 'TXQ2MZG9VDDB/0'
 * ```
 * @category Partner Center
 */
export function fromPartnerCenterOrder(
  json: unknown,
  extras: PartnerCenterOrderExtras,
): PartnerCenterSoftwareOrder {
  return parseWith(orderInput, { order: json, extras }, '');
}

/**
 * {@link fromPartnerCenterOrder} without throwing.
 *
 * @param json - The order resource.
 * @param extras - What the resource does not carry.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeFromPartnerCenterOrder } from 'csp-software-rules/schemas';
 *
 * const r = safeFromPartnerCenterOrder(
 *   { id: 'A1', billingCycle: 'annual', creationDate: '2024-03-01', lineItems: [{ lineItemNumber: 0, offerId: 'P:S:A', quantity: 1 }] },
 *   { offers: { 'P:S': { unitPrice: 10 } }, currency: 'EUR' },
 * );
 * r.success ? '' : r.error.field; // => 'order.billingCycle'
 * ```
 * @category Partner Center
 */
export function safeFromPartnerCenterOrder(
  json: unknown,
  extras: unknown,
): SafeParseResult<PartnerCenterSoftwareOrder> {
  return safeParseWith(orderInput, { order: json, extras }, '');
}
