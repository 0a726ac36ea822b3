// Pins the exact messages, codes and paths the schemas area reports, and the
// mapping branches of the Partner Center readers, that the broader tests
// (partnerCenter, issues, identifiers, purchases) only check loosely.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  billingFrequencyFromPartnerCenter,
  currencySchema,
  domainSchema,
  fromPartnerCenterOrder,
  parsePerpetualPurchase,
  parseWith,
  partnerCenterRefundOptionSchema,
  quantitySchema,
  type SchemaIssue,
  safeFromPartnerCenterOrder,
  safeFromPartnerCenterSubscription,
  safeParseCancellationRequest,
  safeParsePerpetualPurchase,
  safeParsePurchase,
  safeParseWith,
  subscriptionStatusFromPartnerCenter,
  tenantIdSchema,
  termFromPartnerCenter,
  toCspRuleError,
} from '../../src/schemas/index.js';
import { coreCheck, received } from '../../src/schemas/issues.js';
import { fixture, SUBSCRIPTION_EXTRAS } from './support.js';

type Result = { success: true } | { success: false; error: { details: Record<string, unknown> } };

/** The issues of a failed result (fails the test on success). */
function issuesOf(r: Result): SchemaIssue[] {
  expect(r.success, 'expected the input to be refused').toBe(false);
  return r.success ? [] : (r.error.details['issues'] as SchemaIssue[]);
}

/** The message a call throws (fails the test when it does not throw). */
function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the call to throw');
}

describe('toCspRuleError, parseWith and safeParseWith', () => {
  it('name the root "input" when no root name is given', () => {
    const r = z.string().safeParse(1);
    const e = r.success ? undefined : toCspRuleError(r.error);
    expect(e?.message).toBe('input: Invalid input: expected string, received number');
    expect(e?.field).toBe('input');
    expect(thrownMessage(() => parseWith(quantitySchema, 0))).toBe(
      'input: expected a whole number of at least 1, got 0',
    );
    const safe = safeParseWith(quantitySchema, 0);
    expect(safe.success ? '' : safe.error.message).toBe(
      'input: expected a whole number of at least 1, got 0',
    );
  });

  it('explain a call without a ZodError in the thrown message', () => {
    expect(thrownMessage(() => toCspRuleError(undefined as never))).toBe(
      'error: expected a ZodError (with issues) and a root name',
    );
  });

  it('keep a path key of exactly 48 characters whole, clip a 49-character one', () => {
    const k48 = 'k'.repeat(48);
    const k49 = 'k'.repeat(49);
    const e = toCspRuleError(
      {
        issues: [
          { code: 'custom', path: [k48], message: 'm' },
          { code: 'custom', path: [k49], message: 'm' },
        ],
      } as never,
      'x',
    );
    expect((e.details['issues'] as SchemaIssue[]).map((i) => i.path)).toEqual([
      ['x', k48],
      ['x', `${k48}…`],
    ]);
  });

  it("take the library's code from params only for custom issues", () => {
    const e = toCspRuleError(
      {
        issues: [
          { code: 'invalid_type', path: [], message: 'a', params: { code: 'lib_code' } },
          { code: 'custom', path: [], message: 'b', params: { code: 'lib_code' } },
        ],
      } as never,
      'x',
    );
    expect((e.details['issues'] as SchemaIssue[]).map((i) => i.code)).toEqual([
      'invalid_type',
      'lib_code',
    ]);
  });
});

describe('received values in messages', () => {
  it('writes booleans as they are and undefined as "nothing"', () => {
    expect(received(true)).toBe('true');
    expect(received(false)).toBe('false');
    expect(received(undefined)).toBe('nothing');
    const r = safeParseWith(quantitySchema, true, 'quantity');
    expect(r.success ? '' : r.error.message).toBe(
      'quantity: expected a whole number of at least 1, got true',
    );
  });
});

describe('coreCheck: core errors become issues', () => {
  it('drops the "value: " prefix of the core message (the path names the field)', () => {
    const issues = issuesOf(safeParseWith(currencySchema, 'XYZ', 'currency'));
    expect(issues).toEqual([
      {
        path: ['currency'],
        message: 'currency: unknown ISO 4217 currency "XYZ"',
        code: 'unknown_currency',
      },
    ]);
  });

  it('rethrows an error that is not a CspRuleError', () => {
    const sink = { addIssue: () => undefined };
    const bug = new TypeError('bug in a check');
    expect(() =>
      coreCheck(sink, () => {
        throw bug;
      }),
    ).toThrow(bug);
  });

  it('puts the issue at the path given (a refund option timestamp in expiresAfter)', () => {
    const issues = issuesOf(
      safeParseWith(
        partnerCenterRefundOptionSchema,
        { type: 'Full', expiresAfter: '2021-13-01' },
        'option',
      ),
    );
    expect(issues).toEqual([
      {
        path: ['option', 'expiresAfter'],
        message: 'option.expiresAfter: "2021-13-01" is not a real calendar date',
        code: 'invalid_calendar_day',
      },
    ]);
  });
});

describe('tenant id and domain issues', () => {
  it('reports a malformed or all-zero tenant id as custom issues', () => {
    expect(issuesOf(safeParseWith(tenantIdSchema, 'contoso', 'tenantId'))).toEqual([
      {
        path: ['tenantId'],
        message:
          'tenantId: expected a tenant id: a GUID such as "4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1" (8-4-4-4-12 hexadecimal digits)',
        code: 'custom',
      },
    ]);
    expect(
      issuesOf(safeParseWith(tenantIdSchema, '00000000-0000-0000-0000-000000000000', 'tenantId')),
    ).toEqual([
      {
        path: ['tenantId'],
        message: 'tenantId: the all-zero GUID is not a tenant id',
        code: 'custom',
      },
    ]);
  });

  it('reports a bad domain as a custom issue', () => {
    expect(issuesOf(safeParseWith(domainSchema, 'contoso', 'domain'))).toEqual([
      {
        path: ['domain'],
        message: 'domain: expected a domain name such as "contoso.onmicrosoft.com"',
        code: 'custom',
      },
    ]);
  });

  it('checks and returns the domain without its surrounding spaces', () => {
    expect(domainSchema.parse('  Contoso.COM  ')).toBe('contoso.com');
    expect(domainSchema.parse('\tFabrikam.onmicrosoft.com.\n')).toBe('fabrikam.onmicrosoft.com');
  });

  it('accepts 253 characters (254 with the final dot) and refuses 254', () => {
    const name253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(name253).toHaveLength(253);
    expect(domainSchema.parse(name253)).toBe(name253);
    expect(domainSchema.parse(`${name253}.`)).toBe(name253);
    const name254 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    expect(issuesOf(safeParseWith(domainSchema, name254, 'domain'))[0]?.message).toBe(
      'domain: a domain name has at most 253 characters',
    );
  });
});

describe('purchase and cancellation request: the kind discriminator', () => {
  it('names the bad kind of a purchase object, and the type of a non-object', () => {
    expect(issuesOf(safeParsePurchase({ kind: 'lease' }))).toEqual([
      {
        path: ['purchase', 'kind'],
        message: 'purchase.kind: expected kind "subscription" or "perpetual", got "lease"',
        code: 'invalid_union',
      },
    ]);
    expect(issuesOf(safeParsePurchase({}))[0]?.message).toBe(
      'purchase.kind: required: expected kind "subscription" or "perpetual"',
    );
    expect(issuesOf(safeParsePurchase([]))[0]?.message).toBe(
      'purchase: expected a purchase (an object with kind "subscription" or "perpetual"), got an array',
    );
  });

  it('names the bad kind of a cancellation request object, and the type of a non-object', () => {
    expect(issuesOf(safeParseCancellationRequest({ kind: 'refund' }))).toEqual([
      {
        path: ['request', 'kind'],
        message: 'request.kind: expected kind "subscription" or "perpetual", got "refund"',
        code: 'invalid_union',
      },
    ]);
    expect(issuesOf(safeParseCancellationRequest([]))[0]?.message).toBe(
      'request: expected a cancellation request (an object with kind "subscription" or "perpetual"), got an array',
    );
  });

  it('names a null customer by its type, not by a "by" it does not have', () => {
    const issues = issuesOf(
      safeParseCancellationRequest({
        kind: 'subscription',
        customer: null,
        subscription: { by: 'id', id: 'x' },
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'request.customer: expected an object { by: name | tenantId | domain, ... }, got null',
    ]);
  });
});

describe('perpetual purchase parse/safeParse', () => {
  it('name the root "purchase"', () => {
    const bad = {
      kind: 'perpetual',
      purchasedAt: '2024-03-01',
      quantity: 0,
      unitPrice: '10',
      currency: 'EUR',
    };
    const e = safeParsePerpetualPurchase(bad);
    expect(e.success ? '' : e.error.field).toBe('purchase.quantity');
    expect(thrownMessage(() => parsePerpetualPurchase(bad))).toBe(
      'purchase.quantity: expected a whole number of at least 1, got 0 (0 only for a cancelled line item)',
    );
  });
});

describe('Partner Center enum readers', () => {
  it('refuse a non-string naming the field', () => {
    expect(thrownMessage(() => subscriptionStatusFromPartnerCenter(5 as never))).toBe(
      'status: expected a string',
    );
    expect(thrownMessage(() => termFromPartnerCenter(null as never))).toBe(
      'termDuration: expected a string',
    );
    expect(thrownMessage(() => billingFrequencyFromPartnerCenter(1 as never, 'P1Y'))).toBe(
      'billingCycle: expected a string',
    );
  });
});

describe('refund options: expiresAt and expiresAfter', () => {
  it('ignores a null expiresAfter (expiresAt stays)', () => {
    expect(
      partnerCenterRefundOptionSchema.parse({
        type: 'Full',
        expiresAt: '2021-10-16T21:28:19.3058617Z',
        expiresAfter: null,
      }),
    ).toEqual({ type: 'full', expiresAt: '2021-10-16T21:28:19.3058617Z' });
  });

  it('reads expiresAfter as a duration only when it starts with P', () => {
    expect(partnerCenterRefundOptionSchema.parse({ type: 'partial', expiresAfter: 'p7d' })).toEqual(
      { type: 'partial', expiresAfter: 'P7D' },
    );
    // "xP1D" is not a duration: it is read (and refused) as a timestamp.
    const issues = issuesOf(
      safeParseWith(
        partnerCenterRefundOptionSchema,
        { type: 'Full', expiresAfter: 'xP1D' },
        'option',
      ),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['option', 'expiresAfter']);
    expect(issues[0]?.code).not.toBe('custom');
  });

  it('refuses a P-value that is not an ISO-8601 duration, at expiresAfter', () => {
    expect(
      issuesOf(
        safeParseWith(
          partnerCenterRefundOptionSchema,
          { type: 'Full', expiresAfter: 'P1X' },
          'option',
        ),
      ),
    ).toEqual([
      {
        path: ['option', 'expiresAfter'],
        message: 'option.expiresAfter: expected a timestamp or an ISO-8601 duration such as "P1D"',
        code: 'custom',
      },
    ]);
  });
});

describe('fromPartnerCenterSubscription: start date', () => {
  it('requires effectiveStartDate or creationDate, reported at effectiveStartDate', () => {
    const json = fixture('subscription-p1y-annual');
    delete json['effectiveStartDate'];
    delete json['creationDate'];
    const issues = issuesOf(safeFromPartnerCenterSubscription(json, SUBSCRIPTION_EXTRAS));
    expect(issues).toEqual([
      {
        path: ['subscription', 'effectiveStartDate'],
        message:
          'subscription.effectiveStartDate: required: expected effectiveStartDate or creationDate (a timestamp)',
        code: 'custom',
      },
    ]);
  });
});

/** A perpetual order with one or more line items, overridable. */
function order(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'TXQ2MZG9VDDB',
    billingCycle: 'one_time',
    creationDate: '2024-03-01T09:12:44.1234567Z',
    lineItems: [{ lineItemNumber: 0, offerId: 'P1:S1:A1', quantity: 2 }],
    ...patch,
  };
}

const OFFERS = { 'P1:S1': { unitPrice: '10.00', productName: 'Product 1' } };

describe('fromPartnerCenterOrder: issues', () => {
  it('names a duplicate line item number', () => {
    const issues = issuesOf(
      safeFromPartnerCenterOrder(
        order({
          lineItems: [
            { lineItemNumber: 3, offerId: 'P1:S1:A1', quantity: 1 },
            { lineItemNumber: 3, offerId: 'P1:S1:A1', quantity: 1 },
          ],
        }),
        { offers: OFFERS, currency: 'EUR' },
      ),
    );
    expect(issues).toEqual([
      {
        path: ['order', 'lineItems', 1, 'lineItemNumber'],
        message: 'order.lineItems[1].lineItemNumber: line item number 3 appears twice',
        code: 'duplicate_id',
      },
    ]);
  });

  it('requires a currency when neither the order nor extras give one', () => {
    expect(issuesOf(safeFromPartnerCenterOrder(order(), { offers: OFFERS }))).toEqual([
      {
        path: ['extras', 'currency'],
        message:
          'extras.currency: required: expected extras.currency, as the order has no currencyCode',
        code: 'custom',
      },
    ]);
  });

  it('accepts extras.currency equal to the order currencyCode, refuses a different one', () => {
    const same = fromPartnerCenterOrder(order({ currencyCode: 'EUR' }), {
      offers: OFFERS,
      currency: 'EUR',
    });
    expect(same.currency).toBe('EUR');
    expect(
      issuesOf(
        safeFromPartnerCenterOrder(order({ currencyCode: 'EUR' }), {
          offers: OFFERS,
          currency: 'USD',
        }),
      ),
    ).toEqual([
      {
        path: ['extras', 'currency'],
        message: "extras.currency: extras.currency USD differs from the order's currencyCode EUR",
        code: 'currency_mismatch',
      },
    ]);
  });

  it('refuses a subscription billing cycle, pointing to fromPartnerCenterSubscription', () => {
    expect(
      issuesOf(
        safeFromPartnerCenterOrder(order({ billingCycle: 'Triennial' }), {
          offers: OFFERS,
          currency: 'EUR',
        }),
      ),
    ).toEqual([
      {
        path: ['order', 'billingCycle'],
        message:
          'order.billingCycle: a "triennial" order is a subscription order; expected a perpetual software order (billingCycle one_time): read its subscriptions with fromPartnerCenterSubscription',
        code: 'custom',
      },
    ]);
  });

  it('names an unpriced offer, clipping an id longer than 64 characters', () => {
    const id64 = `X:${'y'.repeat(62)}`;
    const id65 = `X:${'y'.repeat(63)}`;
    const issues = issuesOf(
      safeFromPartnerCenterOrder(
        order({
          lineItems: [
            { lineItemNumber: 0, offerId: id64, quantity: 1 },
            { lineItemNumber: 1, offerId: id65, quantity: 1 },
          ],
        }),
        { offers: OFFERS, currency: 'EUR' },
      ),
    );
    const hint = 'add it to extras.offers by offer id, "<product>:<sku>" or "<product>"';
    expect(issues).toEqual([
      {
        path: ['extras', 'offers'],
        message: `extras.offers: no price for lineItems[0] (offer "${id64}"); ${hint}`,
        code: 'custom',
      },
      {
        path: ['extras', 'offers'],
        message: `extras.offers: no price for lineItems[1] (offer "${id65.slice(0, 64)}…"); ${hint}`,
        code: 'custom',
      },
    ]);
  });

  it('looks a one-part offer id up as itself only', () => {
    // A price list cannot match "X" through a made-up "<product>:<sku>" key.
    const r = safeFromPartnerCenterOrder(
      order({ lineItems: [{ lineItemNumber: 0, offerId: 'X', quantity: 1 }] }),
      { offers: { 'X:undefined': { unitPrice: '1' } }, currency: 'EUR' },
    );
    expect(issuesOf(r).map((i) => i.path)).toEqual([['extras', 'offers']]);
  });
});

describe('fromPartnerCenterOrder: mapping', () => {
  it('a cancelled order cancels every line item, even one written "completed"', () => {
    const r = fromPartnerCenterOrder(
      order({
        status: 'Cancelled',
        lineItems: [
          { lineItemNumber: 0, offerId: 'P1:S1:A1', quantity: 1, status: 'completed' },
          { lineItemNumber: 1, offerId: 'P1:S1:A2', quantity: 1 },
        ],
      }),
      { offers: OFFERS, currency: 'EUR' },
    );
    expect(r.status).toBe('cancelled');
    expect(r.purchases.map((p) => p.status)).toEqual(['cancelled', 'cancelled']);
    expect(r.lineItems.map((l) => l.status)).toEqual(['completed', undefined]);
  });

  it("keeps a line item's termDuration as Partner Center wrote it", () => {
    const r = fromPartnerCenterOrder(
      order({
        lineItems: [
          { lineItemNumber: 0, offerId: 'P1:S1:A1', quantity: 1, termDuration: 'P1Y' },
          { lineItemNumber: 1, offerId: 'P1:S1:A1', quantity: 1, termDuration: null },
        ],
      }),
      { offers: OFFERS, currency: 'EUR' },
    );
    expect(r.lineItems).toEqual([
      {
        lineItemNumber: 0,
        offerId: 'P1:S1:A1',
        quantity: 1,
        productName: 'Product 1',
        termDuration: 'P1Y',
      },
      { lineItemNumber: 1, offerId: 'P1:S1:A1', quantity: 1, productName: 'Product 1' },
    ]);
  });
});
