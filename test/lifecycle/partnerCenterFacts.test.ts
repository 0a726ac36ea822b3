// Partner Center's facts beat our forecast. Each test reads a subscription or
// order the way Partner Center returns it and quotes the statement of
// Microsoft's documents it checks.
import { fc, it as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { billingFrequencyChange } from '../../src/billing/index.js';
import { evaluateCancellation, seatReduction } from '../../src/cancellation/index.js';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { explain } from '../../src/explain/index.js';
import { IT_MESSAGES } from '../../src/explain/it/index.js';
import { subscriptionLifecycle, subscriptionStatusOn } from '../../src/lifecycle/index.js';
import { cancellationRefund } from '../../src/refunds/index.js';
import { fromPartnerCenterOrder, fromPartnerCenterSubscription } from '../../src/schemas/index.js';
import { fixture, ORDER_EXTRAS, SUBSCRIPTION_EXTRAS } from '../schemas/support.js';
import { expectRuleError } from '../support/errors.js';

const legacyRenewing = () =>
  fromPartnerCenterSubscription(fixture('subscription-legacy-autorenew-on-scheduled'));
const licenseBased = () =>
  fromPartnerCenterSubscription(fixture('subscription-license-based-refundable'));

describe('autoRenewEnabled beats the purchase-date rule', () => {
  it('bought before 2021-10-14, "autoRenewEnabled": true and scheduledNextTermInstructions: it renews, with the next term Partner Center scheduled', () => {
    const sub = legacyRenewing();
    const s = subscriptionStatusOn(sub, { asOf: '2022-01-01T00:00:00Z' });
    expect([s.legacy, s.autoRenew, s.autoRenewSource]).toEqual([true, true, 'partner_center']);
    expect(s.forecast.autoRenew).toBe(false);
    expect(s.disagreements).toEqual([{ field: 'autoRenew', partnerCenter: true, forecast: false }]);
    // "Legacy end dates are not inclusive": 2022-06-15 is the day the next term starts.
    expect(s.currentTerm).toEqual({
      termIndex: 0,
      start: '2021-06-15',
      end: '2022-06-14',
      renewsOn: '2022-06-15',
    });
    expect(s.nextEvent).toEqual({ type: 'renewal', on: '2022-06-15' });
    expect(s.nextTerm).toMatchObject({ start: '2022-06-15', quantity: 2, term: 'P1Y' });
    expect(s.nextTerm?.changed).toContain('quantity');
  });

  it('the decision explains the disagreement in English and Italian', () => {
    const d = evaluateCancellation(legacyRenewing(), { asOf: '2022-01-01T00:00:00Z' });
    expect(d.disagreements).toContainEqual({
      field: 'autoRenew',
      partnerCenter: true,
      forecast: false,
    });
    expect(explain(d).summary).toMatch(/^Not allowed/);
    expect(explain(d, { locale: IT_MESSAGES }).summary).toMatch(/^Non consentito/);
  });

  it('"Suspending a new commerce subscription turns off autorenew": a suspended subscription does not renew unless Partner Center says so', () => {
    const sub: SoftwareSubscription = {
      ...fromPartnerCenterSubscription(fixture('subscription-p1y-annual')),
      status: 'suspended',
    };
    const { autoRenew: _said, ...silent } = sub;
    const s = subscriptionStatusOn(silent, { asOf: '2024-02-03T12:00:00Z' });
    expect([s.autoRenew, s.autoRenewSource]).toEqual([false, 'suspension']);
    const stated = subscriptionStatusOn({ ...silent, autoRenew: true }, { asOf: '2024-02-03' });
    expect([stated.autoRenew, stated.autoRenewSource]).toEqual([true, 'partner_center']);
    expect(stated.disagreements).toContainEqual({
      field: 'autoRenew',
      partnerCenter: true,
      forecast: false,
    });
  });

  prop.prop([
    fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2026, 0, 1) }),
    fc.boolean(),
    fc.integer({ min: 0, max: 1000 }),
  ])(
    'the value used is the fact whatever the purchase date; without it, the forecast',
    (purchasedMs, given, days) => {
      const base: SoftwareSubscription = {
        kind: 'subscription',
        purchasedAt: new Date(purchasedMs).toISOString(),
        term: 'P1Y',
        billingFrequency: 'monthly',
        quantity: 3,
      };
      const asOf = new Date(purchasedMs + days * 86_400_000);
      const withFact = subscriptionStatusOn({ ...base, autoRenew: given }, { asOf });
      expect([withFact.autoRenew, withFact.autoRenewSource]).toEqual([given, 'partner_center']);
      const without = subscriptionStatusOn(base, { asOf });
      expect(without.autoRenew).toBe(withFact.forecast.autoRenew);
      expect(without.autoRenewSource).not.toBe('partner_center');
      expect(without.disagreements).toEqual([]);
    },
  );
});

describe('status beats the dates', () => {
  prop.prop([
    fc.constantFrom('active', 'suspended', 'expired', 'disabled', 'cancelled', 'deleted' as const),
    fc.option(fc.boolean(), { nil: undefined }),
    fc.integer({ min: 0, max: 900 }),
  ])(
    "the state is Partner Center's status; without it, the state is the forecast the decision kept",
    (status, autoRenew, days) => {
      const base: SoftwareSubscription = {
        kind: 'subscription',
        purchasedAt: '2023-05-10T10:00:00Z',
        term: 'P1Y',
        billingFrequency: 'annual',
        quantity: 2,
        ...(autoRenew === undefined ? {} : { autoRenew }),
      };
      const asOf = new Date(Date.parse('2023-05-10T10:00:00Z') + days * 86_400_000);
      const withFact = subscriptionLifecycle({ ...base, status }, { asOf });
      expect([withFact.state, withFact.source]).toEqual([status, 'partner_center']);
      const without = subscriptionLifecycle(base, { asOf });
      expect(without.state).toBe(withFact.forecast);
      expect(without.source).toBe('forecast');
      expect(withFact.disagreements.some((x) => x.field === 'status')).toBe(
        status !== withFact.forecast,
      );
    },
  );
});

describe('commitmentEndDate', () => {
  it('"New commerce end dates are inclusive": the term ends on commitmentEndDate', () => {
    const s = subscriptionStatusOn(licenseBased(), { asOf: '2024-06-01' });
    expect(s.currentTerm.end).toBe('2025-04-01');
    expect(s.disagreements).toEqual([]);
  });

  it('a different commitmentEndDate is the term end, and a disagreement', () => {
    const sub = { ...licenseBased(), commitmentEndDate: '2025-04-30' };
    const s = subscriptionStatusOn(sub, { asOf: '2024-06-01' });
    expect(s.currentTerm.end).toBe('2025-04-30');
    expect(s.forecast.currentTermEnd).toBe('2025-04-01');
    expect(s.disagreements).toEqual([
      { field: 'commitmentEndDate', partnerCenter: '2025-04-30', forecast: '2025-04-01' },
    ]);
  });

  it('"For subscriptions that can\'t autorenew, this property represents a date far, far away in the future": not a term end', () => {
    const sub = fromPartnerCenterSubscription(fixture('subscription-legacy-autorenew-off'));
    const s = subscriptionStatusOn(sub, { asOf: '2022-01-01' });
    expect(s.currentTerm.end).toBe('2022-08-02');
    expect(s.disagreements).toEqual([]);
  });
});

describe('cancellationAllowedUntilDate and refundOptions', () => {
  it("the window is Partner Center's deadline; a gap of a day or more is a disagreement", () => {
    const sub = { ...licenseBased(), cancellationAllowedUntil: '2024-04-11T00:00:00Z' };
    const d = evaluateCancellation(sub, { asOf: '2024-04-10T12:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.window?.source).toBe('partner_center');
    expect(d.disagreements.map((x) => x.field)).toEqual(['cancellationAllowedUntil']);
    // The fixture's own deadline is the policy's 7 days: no disagreement.
    expect(evaluateCancellation(licenseBased(), { asOf: '2024-04-03' }).disagreements).toEqual([]);
  });

  it('"refundOptions": [{ "type": "Full", "expiresAt": ... }] decides the tier while current', () => {
    const sub = { ...licenseBased(), unitPrice: '6.00', currency: 'EUR' };
    const inside = cancellationRefund(sub, { asOf: '2024-04-05T10:00:00Z' });
    expect(inside.computation).toMatchObject({
      method: 'partner_center_refund_option',
      refundTier: { value: 'full', source: 'partner_center', forecast: 'partial' },
    });
    expect(inside.refund).toEqual(inside.charged);
    expect(inside.disagreements).toContainEqual({
      field: 'refundOptions',
      partnerCenter: 'full',
      forecast: 'partial',
    });
    // Expired options say nothing: the forecast decides.
    const late = cancellationRefund(
      { ...sub, cancellationAllowedUntil: '2024-04-20T00:00:00Z' },
      { asOf: '2024-04-10T10:00:00Z' },
    );
    expect(late.computation).toMatchObject({
      method: 'prorated',
      refundTier: { value: 'partial', source: 'forecast' },
    });
    expect(late.disagreements.map((x) => x.field)).not.toContain('refundOptions');
  });

  it('an option expires at its expiresAt instant: from then on the forecast decides, with no disagreement', () => {
    const sub = {
      ...licenseBased(),
      unitPrice: '6.00',
      currency: 'EUR',
      cancellationAllowedUntil: '2024-04-20T00:00:00Z',
    };
    const before = cancellationRefund(sub, { asOf: '2024-04-08T23:59:59.999Z' });
    expect(before.computation).toMatchObject({ method: 'partner_center_refund_option' });
    const at = cancellationRefund(sub, { asOf: '2024-04-09T00:00:00Z' });
    expect(at.computation).toMatchObject({
      method: 'prorated',
      refundTier: { value: 'partial', source: 'forecast' },
    });
    expect(at.disagreements.map((x) => x.field)).not.toContain('refundOptions');
  });
});

describe('what Partner Center returns parses, and a question needs only what it asks', () => {
  it('a subscription without a price: the window question is answered, the refund names the missing field', () => {
    const sub = fromPartnerCenterSubscription(fixture('subscription-p1y-annual'));
    expect(sub.unitPrice).toBeUndefined();
    expect(evaluateCancellation(sub, { asOf: '2024-02-03T12:00:00Z' }).window).not.toBeNull();
    expectRuleError(
      () => cancellationRefund(sub, { asOf: '2024-02-03T12:00:00Z' }),
      'missing_field',
      'purchase.unitPrice',
    );
    expect(
      cancellationRefund(
        fromPartnerCenterSubscription(fixture('subscription-p1y-annual'), SUBSCRIPTION_EXTRAS),
        { asOf: '2024-02-03T12:00:00Z' },
      ).settlement,
    ).toBeDefined();
  });

  it('the cancel-order response: a cancelled line item with "quantity": 0, the order still "completed"', () => {
    const order = fromPartnerCenterOrder(
      fixture('order-cancel-response-quantity-zero'),
      ORDER_EXTRAS,
    );
    expect(order.status).toBe('completed');
    expect(order.purchases.map((p) => [p.quantity, p.status])).toEqual([
      [0, 'cancelled'],
      [1, 'completed'],
    ]);
    const first = order.purchases[0];
    if (first === undefined) throw new Error('no purchase');
    expect(evaluateCancellation(first, { asOf: '2024-05-21' }).reasons.map((r) => r.code)).toEqual([
      'already_cancelled',
    ]);
  });
});

describe('seat reductions', () => {
  it('software subscriptions: refused, and the lower quantity scheduled for the next term (new commerce cancellation policy)', () => {
    const sub = fromPartnerCenterSubscription(fixture('subscription-p1y-annual'));
    const d = seatReduction(sub, { asOf: '2024-02-03T12:00:00Z', quantity: 1 });
    expect(d.reasons.map((r) => r.code)).toEqual(['seat_reduction_not_allowed']);
    expect(d.nextSteps.map((s) => s.action)).toEqual(['schedule_next_term_quantity']);
    const body = d.nextSteps[0]?.request.body;
    // "autoRenewEnabled" always sent: a PATCH without it turns autorenew off.
    expect(body?.['autoRenewEnabled']).toBe(true);
    expect(body?.['scheduledNextTermInstructions']).toMatchObject({ quantity: 1 });
  });

  it('license-based: refundableQuantity "details[].allowedUntilDateTime" says which seats may still go', () => {
    const sub = licenseBased();
    const early = seatReduction(sub, { asOf: '2024-04-05T10:00:00Z', quantity: 8 });
    expect(early.allowed).toBe(true);
    expect(early.reducible).toEqual({
      quantity: 15,
      until: new Date('2024-04-09T00:00:00Z'),
      source: 'partner_center',
    });
    // After the first group's deadline only the 5 seats added later may go.
    const later = seatReduction(sub, { asOf: '2024-04-10T10:00:00Z', quantity: 8 });
    expect(later.reasons).toEqual([{ code: 'seats_not_reducible', requested: 7, reducible: 5 }]);
    expect(later.nextSteps[0]).toEqual({
      action: 'schedule_next_term_quantity',
      effectiveOn: '2025-04-02',
      request: {
        method: 'PATCH',
        path: '/v1/customers/{customer-tenant-id}/subscriptions/2f4e6a8c-0b1d-4c3e-8f5a-7b9c1d3e5f70',
        body: {
          id: '2f4e6a8c-0b1d-4c3e-8f5a-7b9c1d3e5f70',
          autoRenewEnabled: true,
          scheduledNextTermInstructions: {
            product: {
              productId: 'CFQ7TTC0LH18',
              skuId: '0001',
              availabilityId: 'CFQ7TTC0K59S',
              billingCycle: 'monthly',
              termDuration: 'P1Y',
            },
            quantity: 8,
          },
        },
      },
    });
    expect(seatReduction(sub, { asOf: '2024-04-10T10:00:00Z', quantity: 10 }).allowed).toBe(true);
    expect(
      seatReduction(sub, { asOf: '2024-04-10T10:00:00Z', quantity: 15 }).reasons.map((r) => r.code),
    ).toEqual(['not_a_reduction']);
  });

  it("the next term's length is one precedence everywhere: renewalTermDuration, then the scheduled term", () => {
    const sub = {
      ...fromPartnerCenterSubscription(fixture('subscription-p1y-annual')),
      renewalTerm: 'P3Y',
      scheduledNextTerm: { term: 'P1Y', quantity: 2 },
    } as const;
    const step = seatReduction(sub, { asOf: '2024-02-03T12:00:00Z', quantity: 1 }).nextSteps[0];
    expect(step?.request.body['scheduledNextTermInstructions']).toMatchObject({
      product: { termDuration: 'P3Y' },
    });
    const change = billingFrequencyChange(sub, 'monthly', { asOf: '2024-02-03T12:00:00Z' });
    // P3Y plans (a P1Y next term would allow monthly).
    expect(change.eligible).toEqual(['annual', 'triennial']);
  });

  it('without refundableQuantity: every seat while the window is open (our forecast)', () => {
    const { refundableQuantity: _said, ...sub } = licenseBased();
    expect(seatReduction(sub, { asOf: '2024-04-05', quantity: 1 }).reducible.source).toBe(
      'forecast',
    );
    expect(seatReduction(sub, { asOf: '2024-04-05', quantity: 1 }).allowed).toBe(true);
    expect(seatReduction(sub, { asOf: '2024-05-05', quantity: 1 }).reasons).toEqual([
      { code: 'seats_not_reducible', requested: 14, reducible: 0 },
    ]);
  });

  prop.prop([fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 20 })])(
    'reducible seats never grow as time passes, and never exceed the quantity',
    (days, quantity) => {
      const sub = licenseBased();
      const at = (d: number) =>
        seatReduction(sub, {
          asOf: new Date(Date.parse('2024-04-02T00:00:00Z') + d * 86_400_000),
          quantity,
        }).reducible.quantity;
      expect(at(days + 1)).toBeLessThanOrEqual(at(days));
      expect(at(days)).toBeLessThanOrEqual(15);
    },
  );
});

describe('a cancellation refused after the window: turn autorenew off instead', () => {
  it('the PATCH keeps autoRenewEnabled and the next-term instructions Partner Center scheduled', () => {
    const d = evaluateCancellation(legacyRenewing(), { asOf: '2022-01-01T00:00:00Z' });
    expect(d.reasons.map((r) => r.code)).toEqual(['window_closed']);
    expect(d.nextSteps).toEqual([
      {
        action: 'turn_off_autorenew',
        effectiveOn: '2022-06-15',
        request: {
          method: 'PATCH',
          path: '/v1/customers/{customer-tenant-id}/subscriptions/7c3e2a91-5d4b-4f6e-9a8c-1b2d3e4f5a6b',
          body: {
            id: '7c3e2a91-5d4b-4f6e-9a8c-1b2d3e4f5a6b',
            autoRenewEnabled: false,
            scheduledNextTermInstructions: {
              product: {
                productId: 'DG7GMGF0FLR2',
                skuId: '0002',
                availabilityId: 'DG7GMGF0FKX5',
                billingCycle: 'annual',
                termDuration: 'P1Y',
              },
              quantity: 2,
            },
          },
        },
      },
    ]);
  });
});
