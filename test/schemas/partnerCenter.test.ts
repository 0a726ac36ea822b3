import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import {
  type SoftwareOrder,
  softwareOrderCancellationRequest,
} from '../../src/cancellation/order/index.js';
import type { PerpetualPurchase, SoftwareSubscription } from '../../src/core/index.js';
import { checkPerpetual, checkSubscription } from '../../src/core/internal.js';
import { subscriptionStatusOn } from '../../src/lifecycle/index.js';
import {
  billingFrequencyFromPartnerCenter,
  fromPartnerCenterOrder,
  fromPartnerCenterSubscription,
  PARTNER_CENTER_BILLING_CYCLES,
  PARTNER_CENTER_ORDER_STATUSES,
  PARTNER_CENTER_SUBSCRIPTION_STATUSES,
  PARTNER_CENTER_TERMS,
  type PartnerCenterSoftwareOrder,
  type PartnerCenterSoftwareSubscription,
  partnerCenterRefundOptionSchema,
  type SchemaIssue,
  safeFromPartnerCenterOrder,
  safeFromPartnerCenterSubscription,
  subscriptionStatusFromPartnerCenter,
  termFromPartnerCenter,
} from '../../src/schemas/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';
import {
  fixture,
  ORDER_EXTRAS,
  paramsOf,
  SUBSCRIPTION_EXTRAS,
  SUBSCRIPTION_FIXTURES,
} from './support.js';

function issuesOf(r: {
  success: boolean;
  error?: { details: Record<string, unknown> };
}): SchemaIssue[] {
  return (r.error?.details['issues'] ?? []) as SchemaIssue[];
}

describe('fromPartnerCenterSubscription: the fixtures', () => {
  it('P3Y billed Triennial (capitalised), 7-digit fractions, refund options written expiresAfter', () => {
    const sub = fromPartnerCenterSubscription(
      fixture('subscription-p3y-triennial'),
      SUBSCRIPTION_EXTRAS,
    );
    expect(sub).toEqual({
      kind: 'subscription',
      id: '5b1f4e7a-9c3d-4f2e-8a61-3d2c9b7e1f04',
      purchasedAt: '2022-03-14T00:00:00Z',
      term: 'P3Y',
      billingFrequency: 'triennial',
      autoRenew: true,
      publisher: 'Microsoft',
      quantity: 4,
      unitPrice: '2890.00',
      currency: 'EUR',
      status: 'active',
      cancellationAllowedUntil: '2022-03-21T09:41:27.3058617Z',
      friendlyName: 'WS2022 DC Contoso datacentre',
      offerId: 'DG7GMGF0FKZV:0003:DG7GMGF0DWMS',
      offerName: 'Windows Server 2022 Datacenter - 16 Core License Pack',
      commitmentEndDate: '2025-03-13',
      refundOptions: [
        { type: 'full', expiresAt: '2022-03-15T09:41:27.3058617Z' },
        { type: 'partial', expiresAt: '2022-03-21T09:41:27.3058617Z' },
      ],
      productType: 'software',
      renewalTerm: 'P3Y',
      market: 'IT',
    } satisfies PartnerCenterSoftwareSubscription);
  });

  it('P1Y annual, status "Active"', () => {
    const sub = fromPartnerCenterSubscription(fixture('subscription-p1y-annual'), {
      unitPrice: 1234.5,
      currency: 'USD',
    });
    expect([sub.term, sub.billingFrequency, sub.status, sub.commitmentEndDate]).toEqual([
      'P1Y',
      'annual',
      'active',
      '2025-01-30',
    ]);
    // Without a publisher in extras, the resource's publisherName.
    expect(sub.publisher).toBe('Microsoft Corporation');
    expect(sub.refundOptions).toEqual([{ type: 'full', expiresAt: '2024-02-01T00:00:00Z' }]);
    expect('market' in sub).toBe(false);
  });

  it('legacy (before 2021-10-14), autorenew off, billing "none", far-future end date', () => {
    const sub = fromPartnerCenterSubscription(
      fixture('subscription-legacy-autorenew-off'),
      SUBSCRIPTION_EXTRAS,
    );
    expect(sub.autoRenew).toBe(false);
    expect(sub.billingFrequency).toBe('annual'); // "none" on a P1Y: one charge for the term
    expect(sub.commitmentEndDate).toBe('9999-12-31');
    expect(sub.purchasedAt).toBe('2021-08-03T11:22:33.4445556Z');
    expect(sub.refundOptions).toEqual([]);
    expect('cancellationAllowedUntil' in sub).toBe(false);
  });

  it('every fixture gives a subscription every rule accepts', () => {
    for (const name of SUBSCRIPTION_FIXTURES) {
      const sub: SoftwareSubscription = fromPartnerCenterSubscription(
        fixture(name),
        SUBSCRIPTION_EXTRAS,
      );
      checkSubscription(sub);
    }
  });
});

describe('fixture → domain → decision (round trip)', () => {
  it('P3Y: Partner Center deadline honoured, then closed; lifecycle on the renewal day', () => {
    const sub = fromPartnerCenterSubscription(
      fixture('subscription-p3y-triennial'),
      SUBSCRIPTION_EXTRAS,
    );
    const open = evaluateCancellation(sub, {
      asOf: '2022-03-21T09:41:27.305Z',
      roles: ['Admin agent'],
    });
    expect(open.allowed).toBe(true);
    expect(open.window?.source).toBe('partner_center');
    const closed = evaluateCancellation(sub, { asOf: '2022-03-21T09:41:27.306Z' });
    expect(closed.reasons.map((r) => r.code)).toEqual(['window_closed']);
    expect(closed.billedInFull).toBe(true);
    const life = subscriptionStatusOn(sub, { asOf: '2025-03-14T00:00:00Z' });
    expect(life.currentTerm).toEqual({
      termIndex: 1,
      start: '2025-03-14',
      end: '2028-03-13',
      renewsOn: '2028-03-14',
    });
    // Partner Center's commitmentEndDate is the last day of the initial term.
    expect(subscriptionStatusOn(sub, { asOf: '2024-01-01' }).currentTerm.end).toBe(
      sub.commitmentEndDate,
    );
  });

  it('P1Y: renewed, its window closes at Partner Center deadline', () => {
    const sub = fromPartnerCenterSubscription(
      fixture('subscription-p1y-annual'),
      SUBSCRIPTION_EXTRAS,
    );
    const d = evaluateCancellation(sub, { asOf: '2024-02-03T12:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.window?.termIndex).toBe(1);
    expect(d.window?.closesAt.toISOString()).toBe('2024-02-07T00:00:00.001Z');
    expect(subscriptionStatusOn(sub, { asOf: '2024-02-03' }).currentTerm.end).toBe(
      sub.commitmentEndDate,
    );
  });

  it('legacy: expired after its first term, whatever the far-future end date says', () => {
    const sub = fromPartnerCenterSubscription(
      fixture('subscription-legacy-autorenew-off'),
      SUBSCRIPTION_EXTRAS,
    );
    const life = subscriptionStatusOn(sub, { asOf: '2022-09-01T00:00:00Z' });
    expect([life.state, life.legacy, life.nextEvent]).toEqual(['expired', true, { type: 'none' }]);
    expect(subscriptionStatusOn(sub, { asOf: '2022-01-01' }).nextEvent).toEqual({
      type: 'expiry',
      on: '2022-08-02',
    });
    expect(evaluateCancellation(sub, { asOf: '2022-09-01' }).reasons.map((r) => r.code)).toContain(
      'expired',
    );
  });

  it('an unknown status or billing cycle: refused with unknown_value, never a crash', () => {
    const json = {
      ...fixture('subscription-p1y-annual'),
      status: 'Transferring',
      billingCycle: 'Quarterly',
    };
    const sub = fromPartnerCenterSubscription(json, SUBSCRIPTION_EXTRAS);
    expect(sub.status).toEqual({ unknown: 'Transferring' });
    expect(sub.billingFrequency).toEqual({ unknown: 'Quarterly' });
    const d = evaluateCancellation(sub, { asOf: '2024-02-03T12:00:00Z' });
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toContain('unknown_value');
  });

  it('perpetual order: request body for the lines still active, each purchase decided', () => {
    const order = fromPartnerCenterOrder(fixture('order-partly-cancelled'), ORDER_EXTRAS);
    const asSoftwareOrder: SoftwareOrder = order;
    const request = softwareOrderCancellationRequest(asSoftwareOrder);
    expect(request.path).toBe(
      '/v1/customers/6a0b7c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d/orders/QPNF6XJ7RZ2K',
    );
    expect(request.body.lineItems.map((l) => l.lineItemNumber)).toEqual([0, 2]);
    expect(request.orderStatusAfter).toBe('cancelled');
    const decisions = order.purchases.map((p) =>
      evaluateCancellation(p, { asOf: '2024-06-01T00:00:00Z' }).reasons.map((r) => r.code),
    );
    expect(decisions).toEqual([[], ['already_cancelled'], []]);
    expect(
      evaluateCancellation(order.purchases[0] as PerpetualPurchase, { asOf: '2024-06-20' }).allowed,
    ).toBe(false);
  });

  it('gives the same results in every time zone', () => {
    expectSameInEveryTimeZone(() => {
      const sub = fromPartnerCenterSubscription(
        fixture('subscription-p3y-triennial'),
        SUBSCRIPTION_EXTRAS,
      );
      return [sub, subscriptionStatusOn(sub, { asOf: '2023-01-01T00:00:00+14:00' })];
    });
  });
});

describe("Partner Center's variations (brief §9)", () => {
  const minimal = {
    id: 'sub-1',
    quantity: 1,
    creationDate: '2022-05-01T10:00:00.1234567Z',
    billingCycle: 'monthly',
    termDuration: 'P1M',
  };
  const extras = { unitPrice: '10', currency: 'EUR' };

  it('billing cycle spellings and case', () => {
    const cycles: [string, string, unknown][] = [
      ['Triennial', 'P3Y', 'triennial'],
      ['triennial', 'P3Y', 'triennial'],
      ['ANNUAL', 'P1Y', 'annual'],
      ['Monthly', 'P1Y', 'monthly'],
      ['one_time', 'P1Y', 'annual'],
      ['OneTime', 'P3Y', 'triennial'],
      ['oneTime', 'P1M', 'monthly'],
      ['None', 'P3Y', 'triennial'],
      ['one-time', 'P1Y', 'annual'],
      ['none', 'P5Y', { unknown: 'none' }],
      ['quarterly', 'P1Y', { unknown: 'quarterly' }],
      ['', 'P1Y', { unknown: '' }],
    ];
    for (const [billingCycle, termDuration, expected] of cycles) {
      const sub = fromPartnerCenterSubscription({ ...minimal, billingCycle, termDuration }, extras);
      expect(sub.billingFrequency, billingCycle).toEqual(expected);
    }
  });

  it('statuses: the mapping table, case-insensitive, unknown kept raw', () => {
    const statuses: [string, unknown][] = [
      ['active', 'active'],
      ['Suspended', 'suspended'],
      ['EXPIRED', 'expired'],
      ['deleted', 'deleted'],
      ['Pending', 'pending'],
      ['disabled', 'disabled'],
      ['canceled', 'cancelled'],
      ['constructor', { unknown: 'constructor' }],
      ['__proto__', { unknown: '__proto__' }],
    ];
    for (const [status, expected] of statuses) {
      expect(fromPartnerCenterSubscription({ ...minimal, status }, extras).status).toEqual(
        expected,
      );
    }
    expect('status' in fromPartnerCenterSubscription({ ...minimal, status: null }, extras)).toBe(
      false,
    );
  });

  it('terms, and purchase instant: effectiveStartDate first, else creationDate', () => {
    expect(fromPartnerCenterSubscription({ ...minimal, termDuration: 'p1y' }, extras).term).toBe(
      'P1Y',
    );
    expect(fromPartnerCenterSubscription({ ...minimal, termDuration: 'P36M' }, extras).term).toBe(
      'P3Y',
    );
    expect(fromPartnerCenterSubscription({ ...minimal, termDuration: 'P1D' }, extras).term).toEqual(
      {
        unknown: 'P1D',
      },
    );
    expect(fromPartnerCenterSubscription(minimal, extras).purchasedAt).toBe(minimal.creationDate);
    expect(
      fromPartnerCenterSubscription(
        { ...minimal, effectiveStartDate: '2022-05-02', creationDate: null },
        extras,
      ).purchasedAt,
    ).toBe('2022-05-02');
    const neither = safeFromPartnerCenterSubscription({ ...minimal, creationDate: null }, extras);
    expect(neither.success ? '' : neither.error.field).toBe('subscription.effectiveStartDate');
  });

  it('refund options: expiresAt, expiresAfter as a timestamp or a duration', () => {
    expect(
      partnerCenterRefundOptionSchema.parse({ type: 'FULL', expiresAt: '2022-05-02T10:00:00Z' }),
    ).toEqual({
      type: 'full',
      expiresAt: '2022-05-02T10:00:00Z',
    });
    expect(partnerCenterRefundOptionSchema.parse({ type: 'Partial', expiresAfter: 'p1d' })).toEqual(
      {
        type: 'partial',
        expiresAfter: 'P1D',
      },
    );
    expect(
      partnerCenterRefundOptionSchema.parse({ type: 'Partial', expiresAfter: 'PT36H' }),
    ).toEqual({
      type: 'partial',
      expiresAfter: 'PT36H',
    });
    expect(
      partnerCenterRefundOptionSchema.parse({
        type: 'Full',
        expiresAt: '2022-05-02T10:00:00Z',
        expiresAfter: '2022-05-03T10:00:00Z',
      }),
    ).toEqual({ type: 'full', expiresAt: '2022-05-02T10:00:00Z' });
    expect(partnerCenterRefundOptionSchema.parse({ type: 'Credit' })).toEqual({
      type: { unknown: 'Credit' },
    });
    const bad = partnerCenterRefundOptionSchema.safeParse({ type: 'Full', expiresAfter: 'P' });
    expect(bad.error?.issues[0]?.path).toEqual(['expiresAfter']);
    const badTime = partnerCenterRefundOptionSchema.safeParse({
      type: 'Full',
      expiresAfter: '2022-05-03T10:00',
    });
    expect(paramsOf(badTime.error?.issues[0])).toEqual({ code: 'ambiguous_local_time' });
  });

  it('cancellationAllowedUntilDate with 7 digits is read to the millisecond, toward the past', () => {
    const sub = fromPartnerCenterSubscription(
      { ...minimal, cancellationAllowedUntilDate: '2022-05-08T10:00:00.9999999Z' },
      extras,
    );
    expect(checkSubscription(sub).cancellationAllowedUntilMs).toBe(
      Date.parse('2022-05-08T10:00:00.999Z'),
    );
  });

  it('null fields count as absent; unknown fields are ignored', () => {
    const sub = fromPartnerCenterSubscription(
      {
        ...minimal,
        friendlyName: null,
        autoRenewEnabled: null,
        refundOptions: null,
        commitmentEndDate: null,
        newField: { nested: [1, 2] },
        scheduledNextTermInstructions: { product: { id: 'X' } },
      },
      extras,
    );
    expect(Object.keys(sub).sort()).toEqual(
      [
        'billingFrequency',
        'currency',
        'id',
        'kind',
        'purchasedAt',
        'quantity',
        'status',
        'term',
        'unitPrice',
      ]
        .filter((k) => k !== 'status')
        .sort(),
    );
  });

  it('errors name the field, list every problem, and never throw anything else', () => {
    const r = safeFromPartnerCenterSubscription(
      {
        id: '',
        quantity: 0,
        billingCycle: 7,
        termDuration: 'P1Y',
        creationDate: '2022-05-01T10:00',
      },
      { unitPrice: '-1', currency: 'XYZ', market: 'UK' },
    );
    expect(issuesOf(r).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['subscription.id', 'too_small'],
      ['subscription.quantity', 'too_small'],
      ['subscription.creationDate', 'ambiguous_local_time'],
      ['subscription.billingCycle', 'invalid_type'],
      ['extras.unitPrice', 'invalid_decimal'],
      ['extras.currency', 'unknown_currency'],
      ['extras.market', 'unknown_market'],
    ]);
    expect(r.success ? '' : r.error.field).toBe('subscription.id');
    expectRuleError(
      () => fromPartnerCenterSubscription(null, extras),
      'invalid_input',
      'subscription',
    );
    expectRuleError(
      () => fromPartnerCenterSubscription(minimal, 5 as never),
      'invalid_input',
      'extras',
    );
    // "Parsing a subscription needs no price": extras are optional, a price needs its currency.
    expect(fromPartnerCenterSubscription(minimal).unitPrice).toBeUndefined();
    expectRuleError(
      () => fromPartnerCenterSubscription(minimal, { unitPrice: '10' } as never),
      'invalid_input',
      'extras.currency',
    );
  });

  it('a valid resource maps for any mix of known and unknown enum values', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...Object.keys(PARTNER_CENTER_SUBSCRIPTION_STATUSES)),
          fc.string(),
        ),
        fc.oneof(
          fc.constantFrom(...Object.keys(PARTNER_CENTER_BILLING_CYCLES), 'one_time', 'OneTime'),
          fc.string(),
        ),
        fc.oneof(fc.constantFrom(...Object.keys(PARTNER_CENTER_TERMS)), fc.string()),
        fc.option(fc.boolean(), { nil: null }),
        (status, billingCycle, termDuration, autoRenewEnabled) => {
          const sub = fromPartnerCenterSubscription(
            { ...minimal, status, billingCycle, termDuration, autoRenewEnabled },
            extras,
          );
          checkSubscription(sub);
          if (typeof sub.term === 'object') expect(sub.term.unknown).toBe(termDuration);
          if (typeof sub.status === 'object') expect(sub.status.unknown).toBe(status);
          const d = evaluateCancellation(sub, { asOf: '2022-05-03T00:00:00Z' });
          const unknown =
            typeof sub.term === 'object' ||
            typeof sub.billingFrequency === 'object' ||
            typeof sub.status === 'object';
          expect(d.reasons.some((x) => x.code === 'unknown_value')).toBe(unknown);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the mapping helpers', () => {
  it('map, or keep the raw value', () => {
    expect(subscriptionStatusFromPartnerCenter(' Active ')).toBe('active');
    expect(termFromPartnerCenter(' p3y ')).toBe('P3Y');
    expect(termFromPartnerCenter('toString')).toEqual({ unknown: 'toString' });
    expect(billingFrequencyFromPartnerCenter('ONE_TIME', 'P3Y')).toBe('triennial');
    expect(PARTNER_CENTER_ORDER_STATUSES.completed).toBe('completed');
  });

  it('refuse what is not a string', () => {
    expectRuleError(
      () => subscriptionStatusFromPartnerCenter(3 as never),
      'invalid_input',
      'status',
    );
    expectRuleError(() => termFromPartnerCenter(null as never), 'invalid_input', 'termDuration');
    expectRuleError(
      () => billingFrequencyFromPartnerCenter({} as never, 'P1Y'),
      'invalid_input',
      'billingCycle',
    );
    expectRuleError(
      () => billingFrequencyFromPartnerCenter('none', 'P2Y' as never),
      'invalid_term',
    );
  });
});

describe('fromPartnerCenterOrder', () => {
  it('perpetual order with two line items: one purchase per line', () => {
    const order = fromPartnerCenterOrder(fixture('order-perpetual-two-line-items'), ORDER_EXTRAS);
    expect(order).toEqual({
      id: 'TXQ2MZG9VDDB',
      customerTenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
      status: 'completed',
      billingCycle: 'one_time',
      purchasedAt: '2024-03-01T09:12:44.1234567Z',
      currency: 'EUR',
      market: 'IT',
      lineItems: [
        {
          lineItemNumber: 0,
          offerId: 'DG7GMGF0FLR2:0002:DG7GMGF0FKX5',
          quantity: 2,
          productName: 'SQL Server 2022 Standard',
        },
        {
          lineItemNumber: 1,
          offerId: 'DG7GMGF0FKX2:0005:DG7GMGF0C9G7',
          quantity: 50,
          productName: 'Windows Server 2022 - 1 User CAL',
        },
      ],
      purchases: [
        {
          kind: 'perpetual',
          id: 'TXQ2MZG9VDDB/0',
          purchasedAt: '2024-03-01T09:12:44.1234567Z',
          publisher: 'Microsoft',
          productName: 'SQL Server 2022 Standard',
          orderId: 'TXQ2MZG9VDDB',
          quantity: 2,
          unitPrice: '1859.00',
          currency: 'EUR',
          status: 'completed',
        },
        {
          kind: 'perpetual',
          id: 'TXQ2MZG9VDDB/1',
          purchasedAt: '2024-03-01T09:12:44.1234567Z',
          publisher: 'Microsoft',
          productName: 'Windows Server 2022 - 1 User CAL',
          orderId: 'TXQ2MZG9VDDB',
          quantity: 50,
          unitPrice: '38.50',
          currency: 'EUR',
          status: 'completed',
        },
      ],
    } satisfies PartnerCenterSoftwareOrder);
    for (const p of order.purchases) checkPerpetual(p);
  });

  it('partly cancelled order: the order stays completed, the cancelled line is cancelled', () => {
    const order = fromPartnerCenterOrder(fixture('order-partly-cancelled'), ORDER_EXTRAS);
    expect(order.status).toBe('completed');
    expect(order.billingCycle).toBe('OneTime');
    expect(order.currency).toBe('USD');
    expect(order.lineItems.map((l) => l.status)).toEqual(['completed', 'cancelled', 'completed']);
    expect(order.purchases.map((p) => [p.productName, p.unitPrice, p.status])).toEqual([
      ['Windows Server 2022 - 1 User CAL', '38.50', 'completed'],
      ['RDS 2022 User CAL', '112.10', 'cancelled'],
      ['SQL Server 2022 Standard', '1859.00', 'completed'],
    ]);
  });

  it('a cancelled order cancels every line; statuses in any case; unknown kept', () => {
    const json = fixture('order-perpetual-two-line-items');
    const cancelled = fromPartnerCenterOrder({ ...json, status: 'Canceled' }, ORDER_EXTRAS);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.purchases.map((p) => p.status)).toEqual(['cancelled', 'cancelled']);
    const pending = fromPartnerCenterOrder({ ...json, status: 'Pending' }, ORDER_EXTRAS);
    expect(pending.status).toBe('Pending');
    expect(pending.purchases.map((p) => p.status)).toEqual([
      { unknown: 'Pending' },
      { unknown: 'Pending' },
    ]);
    const noStatus = fromPartnerCenterOrder({ ...json, status: null }, ORDER_EXTRAS);
    expect(noStatus.status).toBe('completed');
    const lineUnknown = fromPartnerCenterOrder(
      {
        ...json,
        lineItems: [
          { lineItemNumber: 0, offerId: 'DG7GMGF0FKX2:0005:X', quantity: 1, status: 'Refunded' },
        ],
      },
      ORDER_EXTRAS,
    );
    expect(lineUnknown.purchases[0]?.status).toEqual({ unknown: 'Refunded' });
    expect(lineUnknown.lineItems[0]?.status).toBe('Refunded');
  });

  it('billing cycles: one-time spellings or none are perpetual; recurring is an error; unknown is refused by rules', () => {
    const json = fixture('order-perpetual-two-line-items');
    for (const billingCycle of ['one_time', 'OneTime', 'none', null]) {
      expect(
        fromPartnerCenterOrder({ ...json, billingCycle }, ORDER_EXTRAS).purchases[0]?.status,
      ).toBe('completed');
    }
    const { billingCycle: _, ...noCycle } = json;
    expect('billingCycle' in fromPartnerCenterOrder(noCycle, ORDER_EXTRAS)).toBe(false);
    const recurring = safeFromPartnerCenterOrder({ ...json, billingCycle: 'Annual' }, ORDER_EXTRAS);
    expect(recurring.success ? '' : recurring.error.field).toBe('order.billingCycle');
    const future = fromPartnerCenterOrder({ ...json, billingCycle: 'Biennial' }, ORDER_EXTRAS);
    expect(future.purchases.map((p) => p.status)).toEqual([
      { unknown: 'Biennial' },
      { unknown: 'Biennial' },
    ]);
    const decision = evaluateCancellation(future.purchases[0] as PerpetualPurchase, {
      asOf: '2024-03-02',
    });
    expect(decision.reasons.map((r) => r.code)).toContain('unknown_value');
  });

  it('prices by offer id, SKU or product; currency from extras or the order', () => {
    const json = fixture('order-perpetual-two-line-items');
    const exact = fromPartnerCenterOrder(json, {
      offers: {
        'DG7GMGF0FLR2:0002:DG7GMGF0FKX5': { unitPrice: 1, publisher: 'Contoso Software' },
        'DG7GMGF0FLR2:0002': { unitPrice: 2 },
        DG7GMGF0FKX2: { unitPrice: 3 },
      },
    });
    expect(exact.purchases.map((p) => [p.unitPrice, p.publisher])).toEqual([
      [1, 'Contoso Software'],
      [3, undefined],
    ]);
    expect(exact.currency).toBe('EUR');
    const missing = safeFromPartnerCenterOrder(json, {
      offers: { DG7GMGF0FKX2: { unitPrice: 3 } },
    });
    expect(issuesOf(missing).map((i) => i.message)).toEqual([
      'extras.offers: no price for lineItems[0] (offer "DG7GMGF0FLR2:0002:DG7GMGF0FKX5"); add it to extras.offers by offer id, "<product>:<sku>" or "<product>"',
    ]);
    const mismatch = safeFromPartnerCenterOrder(json, { ...ORDER_EXTRAS, currency: 'USD' });
    expect(issuesOf(mismatch).map((i) => i.code)).toEqual(['currency_mismatch']);
    const { currencyCode: _, ...noCurrency } = json;
    const none = safeFromPartnerCenterOrder(noCurrency, ORDER_EXTRAS);
    expect(none.success ? '' : none.error.field).toBe('extras.currency');
    expect(fromPartnerCenterOrder(noCurrency, { ...ORDER_EXTRAS, currency: 'CHF' }).currency).toBe(
      'CHF',
    );
  });

  it('the tenant id: extras first, else referenceCustomerId (a GUID)', () => {
    const json = fixture('order-perpetual-two-line-items');
    const tenant = 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE';
    expect(
      fromPartnerCenterOrder(json, { ...ORDER_EXTRAS, customerTenantId: tenant }).customerTenantId,
    ).toBe(tenant.toLowerCase());
    const bad = safeFromPartnerCenterOrder(
      { ...json, referenceCustomerId: 'contoso' },
      ORDER_EXTRAS,
    );
    expect(bad.success ? '' : bad.error.field).toBe('order.referenceCustomerId');
  });

  it('malformed orders: every problem, named', () => {
    const r = safeFromPartnerCenterOrder(
      {
        id: 'X',
        creationDate: 'soon',
        lineItems: [
          { lineItemNumber: 0, offerId: 'A:B:C', quantity: 1 },
          { lineItemNumber: 0, offerId: '', quantity: 1.5 },
        ],
      },
      { offers: [] },
    );
    expect(issuesOf(r).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['order.creationDate', 'invalid_instant'],
      ['order.lineItems.1.offerId', 'too_small'],
      ['order.lineItems.1.quantity', 'invalid_type'],
      ['extras.offers', 'invalid_type'],
    ]);
    const dup = safeFromPartnerCenterOrder(
      {
        id: 'X',
        creationDate: '2024-01-01',
        lineItems: [
          { lineItemNumber: 0, offerId: 'A:B:C', quantity: 1 },
          { lineItemNumber: 0, offerId: 'A:B:D', quantity: 1 },
        ],
      },
      { offers: { A: { unitPrice: 1 } }, currency: 'EUR' },
    );
    expect(issuesOf(dup).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['order.lineItems.1.lineItemNumber', 'duplicate_id'],
    ]);
    expect(dup.success ? '' : dup.error.field).toBe('order.lineItems[1].lineItemNumber');
    expectRuleError(
      () =>
        fromPartnerCenterOrder(
          { id: 'X', creationDate: '2024-01-01', lineItems: [] },
          ORDER_EXTRAS,
        ),
      'invalid_input',
      'order.lineItems',
    );
  });
});
