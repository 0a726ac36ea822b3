// Branches of the Partner Center readers, the JSON Schema builder and the
// issue plumbing that the broader tests leave open: each test pins one
// behaviour with exact results (data, or issues with path, code and message).
import { describe, expect, it } from 'vitest';
import {
  fromPartnerCenterOrder,
  fromPartnerCenterSubscription,
  JSON_SCHEMA_NAMES,
  jsonSchemas,
  parseWith,
  type SchemaIssue,
  safeFromPartnerCenterOrder,
  safeFromPartnerCenterSubscription,
  safeParseWith,
  toCspRuleError,
} from '../../src/schemas/index.js';
import { buildJsonSchemas } from '../../src/schemas/jsonSchema.js';
import { messageOf } from '../support/errors.js';

function issuesOf(r: {
  success: boolean;
  error?: { details: Record<string, unknown> };
}): SchemaIssue[] {
  return (r.error?.details['issues'] ?? []) as SchemaIssue[];
}

const ORDER = {
  id: 'ORD1',
  status: 'completed',
  billingCycle: 'one_time',
  currencyCode: 'EUR',
  creationDate: '2024-03-01T09:00:00Z',
} as const;

/** An order with these line items (`lineItemNumber` 0, 1, ... unless given). */
function orderWith(...lines: Record<string, unknown>[]): Record<string, unknown> {
  return { ...ORDER, lineItems: lines.map((l, i) => ({ lineItemNumber: i, quantity: 1, ...l })) };
}

describe('fromPartnerCenterOrder: a line item with quantity 0', () => {
  it('is read as cancelled when it has no status of its own (Partner Center cancel response)', () => {
    const order = fromPartnerCenterOrder(
      orderWith({ offerId: 'P:S:A', quantity: 0 }, { offerId: 'P:S:A', quantity: 3 }),
      { offers: { 'P:S:A': { unitPrice: '5.00' } } },
    );
    expect(order.purchases.map((p) => [p.quantity, p.status])).toEqual([
      [0, 'cancelled'],
      [3, 'completed'],
    ]);
    // The line item itself keeps no status: Partner Center gave none.
    expect(order.lineItems[0]).toEqual({ lineItemNumber: 0, offerId: 'P:S:A', quantity: 0 });
    expect(order.status).toBe('completed');
  });

  it('is cancelled even when its own status says completed', () => {
    const order = fromPartnerCenterOrder(
      orderWith({ offerId: 'P:S:A', quantity: 0, status: 'Completed' }),
      { offers: { 'P:S:A': { unitPrice: '5.00' } } },
    );
    expect(order.purchases[0]?.status).toBe('cancelled');
    expect(order.lineItems[0]?.status).toBe('completed');
  });

  it('keeps an unknown status (its own or the order’s) rather than guessing cancelled', () => {
    const ownUnknown = fromPartnerCenterOrder(
      orderWith({ offerId: 'P:S:A', quantity: 0, status: 'Refunded' }),
      { offers: { P: { unitPrice: '5.00' } } },
    );
    expect(ownUnknown.purchases[0]?.status).toEqual({ unknown: 'Refunded' });
    expect(ownUnknown.lineItems[0]?.status).toBe('Refunded');
    const orderUnknown = fromPartnerCenterOrder(
      { ...orderWith({ offerId: 'P:S:A', quantity: 0 }), status: 'Pending' },
      { offers: { P: { unitPrice: '5.00' } } },
    );
    expect(orderUnknown.purchases[0]?.status).toEqual({ unknown: 'Pending' });
    expect(orderUnknown.status).toBe('Pending');
  });

  it('an unknown billing cycle wins over quantity 0: every purchase is { unknown: <cycle> }', () => {
    const order = fromPartnerCenterOrder(
      {
        ...orderWith({ offerId: 'P:S:A', quantity: 0 }, { offerId: 'P:S:A', status: 'cancelled' }),
        billingCycle: 'Biennial',
      },
      { offers: { P: { unitPrice: '5.00' } } },
    );
    expect(order.purchases.map((p) => p.status)).toEqual([
      { unknown: 'Biennial' },
      { unknown: 'Biennial' },
    ]);
    expect(order.billingCycle).toBe('Biennial');
    expect(order.lineItems.map((l) => l.status)).toEqual([undefined, 'cancelled']);
  });
});

describe('fromPartnerCenterOrder: the offer lookup', () => {
  it('an offer id with 3, 2 or 1 parts: exact id first, then <product>:<sku>, then <product>', () => {
    const order = fromPartnerCenterOrder(
      orderWith(
        { offerId: 'P1:S1:A1' }, // exact
        { offerId: 'P1:S1:A2' }, // by SKU
        { offerId: 'P1:S2:A1' }, // by product
        { offerId: 'P2:S1' }, // two parts, exact
        { offerId: 'P2:S2' }, // two parts, by product
        { offerId: 'P3' }, // one part, exact
        { offerId: 'P1:S1:A1:X' }, // a fourth part is ignored: by SKU
      ),
      {
        offers: {
          'P1:S1:A1': { unitPrice: '1' },
          'P1:S1': { unitPrice: '2' },
          P1: { unitPrice: '3' },
          'P2:S1': { unitPrice: '4' },
          P2: { unitPrice: '5' },
          P3: { unitPrice: '6' },
        },
      },
    );
    expect(order.purchases.map((p) => p.unitPrice)).toEqual(['1', '2', '3', '4', '5', '6', '2']);
  });

  it('a shorter key never serves a longer one: "P:S" does not price the one-part offer "P"', () => {
    const r = safeFromPartnerCenterOrder(orderWith({ offerId: 'P' }, { offerId: 'Q:S' }), {
      offers: { 'P:S': { unitPrice: '1' }, 'Q:S:A': { unitPrice: '2' } },
    });
    expect(r.success).toBe(false);
    expect(issuesOf(r)).toEqual([
      {
        path: ['extras', 'offers'],
        code: 'custom',
        message:
          'extras.offers: no price for lineItems[0] (offer "P"); add it to extras.offers by offer id, "<product>:<sku>" or "<product>"',
      },
      {
        path: ['extras', 'offers'],
        code: 'custom',
        message:
          'extras.offers: no price for lineItems[1] (offer "Q:S"); add it to extras.offers by offer id, "<product>:<sku>" or "<product>"',
      },
    ]);
  });

  it('product name and publisher: the offer’s, else the line’s friendlyName and extras.publisher', () => {
    const order = fromPartnerCenterOrder(
      orderWith(
        { offerId: 'P:S:A', friendlyName: 'Line name' },
        { offerId: 'Q:S:A', friendlyName: 'Line name Q' },
        { offerId: 'R:S:A', friendlyName: null },
      ),
      {
        publisher: 'Microsoft',
        offers: {
          P: { unitPrice: '1', productName: 'Offer name', publisher: 'Contoso' },
          Q: { unitPrice: '2' },
          R: { unitPrice: '3' },
        },
      },
    );
    expect(order.purchases.map((p) => [p.productName, p.publisher])).toEqual([
      ['Offer name', 'Contoso'],
      ['Line name Q', 'Microsoft'],
      [undefined, 'Microsoft'],
    ]);
    expect(order.lineItems.map((l) => l.productName)).toEqual([
      'Offer name',
      'Line name Q',
      undefined,
    ]);
    expect('productName' in (order.purchases[2] ?? {})).toBe(false);
  });

  it('an order without a price, a currency and a perpetual cycle: every problem at once, no data', () => {
    const { currencyCode: _, ...noCurrency } = orderWith({ offerId: 'P:S:A' });
    const r = safeFromPartnerCenterOrder(
      { ...noCurrency, billingCycle: 'Monthly' },
      { offers: {} },
    );
    expect(r.success).toBe(false);
    expect(issuesOf(r)).toEqual([
      {
        path: ['extras', 'currency'],
        code: 'custom',
        message:
          'extras.currency: required: expected extras.currency, as the order has no currencyCode',
      },
      {
        path: ['order', 'billingCycle'],
        code: 'custom',
        message:
          'order.billingCycle: a "monthly" order is a subscription order; expected a perpetual software order (billingCycle one_time): read its subscriptions with fromPartnerCenterSubscription',
      },
      {
        path: ['extras', 'offers'],
        code: 'custom',
        message:
          'extras.offers: no price for lineItems[0] (offer "P:S:A"); add it to extras.offers by offer id, "<product>:<sku>" or "<product>"',
      },
    ]);
  });
});

describe('fromPartnerCenterSubscription: extras need unitPrice and currency together', () => {
  const SUB = {
    id: 'sub-1',
    quantity: 1,
    creationDate: '2022-05-01T10:00:00Z',
    billingCycle: 'monthly',
    termDuration: 'P1M',
  };

  it('a currency without unitPrice names extras.unitPrice', () => {
    const r = safeFromPartnerCenterSubscription(SUB, { currency: 'EUR' });
    expect(issuesOf(r)).toEqual([
      {
        path: ['extras', 'unitPrice'],
        code: 'custom',
        message: 'extras.unitPrice: required with currency',
      },
    ]);
    expect(r.success ? '' : r.error.field).toBe('extras.unitPrice');
  });

  it('a unitPrice without currency names extras.currency', () => {
    const r = safeFromPartnerCenterSubscription(SUB, { unitPrice: '10' });
    expect(issuesOf(r)).toEqual([
      {
        path: ['extras', 'currency'],
        code: 'custom',
        message: 'extras.currency: required with unitPrice',
      },
    ]);
  });

  it('both or neither: read', () => {
    expect(fromPartnerCenterSubscription(SUB, { unitPrice: '10', currency: 'EUR' }).unitPrice).toBe(
      '10',
    );
    const none = fromPartnerCenterSubscription(SUB, { publisher: 'Microsoft' });
    expect([none.unitPrice, none.currency, none.publisher]).toEqual([
      undefined,
      undefined,
      'Microsoft',
    ]);
  });
});

describe('fromPartnerCenterSubscription: scheduledNextTermInstructions → scheduledNextTerm', () => {
  const SUB = {
    id: 'sub-1',
    quantity: 4,
    creationDate: '2022-05-01T10:00:00Z',
    billingCycle: 'annual',
    termDuration: 'P1Y',
  };
  const next = (instructions: unknown) =>
    fromPartnerCenterSubscription({ ...SUB, scheduledNextTermInstructions: instructions })
      .scheduledNextTerm;

  it('only a quantity (product absent or null): the quantity alone', () => {
    expect(next({ quantity: 2 })).toEqual({ quantity: 2 });
    expect(next({ product: null, quantity: 2 })).toEqual({ quantity: 2 });
  });

  it('nothing scheduled: absent', () => {
    expect(next({})).toBeUndefined();
    expect(next({ product: {}, quantity: null })).toBeUndefined();
    expect(next(null)).toBeUndefined();
  });

  it('the offer id joins productId, skuId and availabilityId when all three are given', () => {
    expect(
      next({
        product: {
          productId: 'DG7GMGF0FLR2',
          skuId: '0002',
          availabilityId: 'DG7GMGF0FKX5',
          billingCycle: 'annual',
          termDuration: 'P1Y',
        },
        quantity: 2,
      }),
    ).toEqual({
      offerId: 'DG7GMGF0FLR2:0002:DG7GMGF0FKX5',
      quantity: 2,
      term: 'P1Y',
      billingFrequency: 'annual',
    });
  });

  it('no offer id when one of the three is missing, null or empty', () => {
    const ids = { productId: 'P', skuId: 'S', availabilityId: 'A' };
    for (const gap of [
      { productId: undefined },
      { skuId: null },
      { availabilityId: '' },
      { productId: '', skuId: '', availabilityId: '' },
    ]) {
      expect(next({ product: { ...ids, ...gap }, quantity: 3 }), JSON.stringify(gap)).toEqual({
        quantity: 3,
      });
    }
  });

  it('the next term’s upfront cycle is read with the next term, else the current one', () => {
    // Current term P1Y; next term P3Y billed "none": one charge for the three years.
    expect(next({ product: { billingCycle: 'none', termDuration: 'P3Y' } })).toEqual({
      term: 'P3Y',
      billingFrequency: 'triennial',
    });
    // No next term given: the current term (P1Y) decides.
    expect(next({ product: { billingCycle: 'OneTime' } })).toEqual({ billingFrequency: 'annual' });
    expect(next({ product: { billingCycle: 'Monthly' } })).toEqual({ billingFrequency: 'monthly' });
    expect(next({ product: { termDuration: 'P3Y', billingCycle: '' } })).toEqual({ term: 'P3Y' });
  });
});

describe('fromPartnerCenterSubscription: refundableQuantity and productType', () => {
  const SUB = {
    id: 'sub-1',
    quantity: 4,
    creationDate: '2022-05-01T10:00:00Z',
    billingCycle: 'annual',
    termDuration: 'P1Y',
  };

  it('refundableQuantity without details (absent or null): no seat group', () => {
    for (const details of [undefined, null]) {
      expect(
        fromPartnerCenterSubscription({
          ...SUB,
          refundableQuantity: { totalQuantity: 0, details },
        }).refundableQuantity,
      ).toEqual({ totalQuantity: 0, details: [] });
    }
    expect(
      fromPartnerCenterSubscription({
        ...SUB,
        refundableQuantity: {
          totalQuantity: 3,
          details: [{ quantity: 3, allowedUntilDateTime: '2022-05-08T10:00:00Z' }],
        },
      }).refundableQuantity,
    ).toEqual({
      totalQuantity: 3,
      details: [{ quantity: 3, allowedUntil: '2022-05-08T10:00:00Z' }],
    });
  });

  it('productType: Software, OnlineServices…, else absent', () => {
    const typeOf = (productType: unknown) =>
      fromPartnerCenterSubscription({ ...SUB, productType }).productType;
    expect(typeOf({ id: 'Software' })).toBe('software');
    expect(typeOf({ id: 'OnlineServicesNCE' })).toBe('license_based');
    expect(typeOf({ id: 'Azure' })).toBeUndefined();
    expect(typeOf({ id: null })).toBeUndefined();
    expect(typeOf({ id: 'null' })).toBeUndefined();
    expect(typeOf(null)).toBeUndefined();
  });
});

describe('issues: fields and schemas', () => {
  it('a numeric path key is written [key], whatever the number', () => {
    const e = toCspRuleError(
      {
        issues: [
          { path: ['lineItems', 1, 'quantity'], message: 'm', code: 'custom' },
          { path: ['a', Number.NaN], message: 'm', code: 'custom' },
          { path: ['a', Number.POSITIVE_INFINITY, 1.5], message: 'm', code: 'custom' },
        ],
      } as never,
      'order',
    );
    expect((e.details['issues'] as SchemaIssue[]).map((i) => i.message)).toEqual([
      'order.lineItems[1].quantity: m',
      'order.a[NaN]: m',
      'order.a[Infinity][1.5]: m',
    ]);
    expect(e.field).toBe('order.lineItems[1].quantity');
  });

  it('only an object is a schema: a function carrying a safeParse is refused', () => {
    const fake = Object.assign(() => 'x', { safeParse: () => ({ success: true, data: 'x' }) });
    const r = safeParseWith(fake as never, 'x', 'value');
    expect(r.success).toBe(false);
    expect(r.success ? undefined : [r.error.code, r.error.field, r.error.message]).toEqual([
      'invalid_input',
      'schema',
      'schema: expected a zod schema',
    ]);
    expect(messageOf(() => parseWith(fake as never, 'x'))).toBe(
      'invalid_input [schema] schema: expected a zod schema',
    );
    expect(messageOf(() => parseWith(null as never, 'x'))).toBe(
      'invalid_input [schema] schema: expected a zod schema',
    );
    // An object with a safeParse is used as one.
    expect(parseWith({ safeParse: () => ({ success: true, data: 7 }) } as never, 'x')).toBe(7);
  });
});

describe('buildJsonSchemas', () => {
  it('builds every document anew, deeply frozen, equal to the cached ones', () => {
    const built = buildJsonSchemas();
    expect(Object.keys(built)).toEqual([...JSON_SCHEMA_NAMES]);
    expect(built).toEqual(jsonSchemas());
    expect(built).not.toBe(jsonSchemas());
    expect(Object.isFrozen(built)).toBe(true);
    const order = built['partner-center-order'] as {
      properties: { lineItems: { items: Record<string, unknown> } };
    };
    expect(Object.isFrozen(order.properties.lineItems.items)).toBe(true);
  });

  it('the instant document is the instant replacement, titled', () => {
    expect(buildJsonSchemas().instant).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Instant',
      description:
        'An instant: ISO-8601 with "Z" or an offset (up to 9 fractional digits), or YYYY-MM-DD (00:00Z). A local time without offset is refused.',
      type: 'string',
      pattern:
        '^\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:[Zz]|[+-]\\d{2}:?\\d{2}))?$',
    });
  });
});
