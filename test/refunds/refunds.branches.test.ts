// Branches of the refunds area the other refunds tests leave open: the
// forecast tier of a whole-cycle refund, Partner Center refund options that
// agree with the forecast, carry no expiresAt or offer a partial tier, an
// unknown billing frequency, and remainingObligation's state and messages.
// (An option's expiry at its expiresAt instant is pinned in
// test/lifecycle/partnerCenterFacts.test.ts.)
import { describe, expect, it } from 'vitest';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { cancellationRefund, remainingObligation } from '../../src/refunds/index.js';
import { messageOf } from '../support/errors.js';
import { subscriptionComputation } from '../support/refunds.js';

// Microsoft's example (S3): 10 licences at EUR 10.08 monthly, bought 2021-07-15.
// Cancelled 2021-07-17: 29 of the cycle's 31 days, EUR 94.20 back of 100.80 (prorated).
const SUB = {
  kind: 'subscription',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: '10.08',
  currency: 'EUR',
} as const satisfies SoftwareSubscription;
const DAY_3 = { asOf: '2021-07-17T12:00:00Z' };
const EXPIRES = '2021-07-20T00:00:00Z';

describe('cancellationRefund: the refund tier', () => {
  it('a cancellation on the cycle’s first day forecasts the full tier', () => {
    const r = cancellationRefund(SUB, { asOf: '2021-07-15T12:00:00Z' });
    expect(subscriptionComputation(r).method).toBe('whole_cycle');
    expect(subscriptionComputation(r).refundTier).toEqual({
      value: 'full',
      source: 'forecast',
      forecast: 'full',
    });
    expect(r.refund).toEqual(r.charged);
  });

  it('a full refund within the asked duration forecasts the full tier', () => {
    const r = cancellationRefund(SUB, { ...DAY_3, fullRefundWithin: 'P7D' });
    expect(subscriptionComputation(r).method).toBe('full_refund_within');
    expect(subscriptionComputation(r).refundTier).toEqual({
      value: 'full',
      source: 'forecast',
      forecast: 'full',
    });
  });

  it('a current Partner Center option that agrees with the forecast decides the tier without a disagreement', () => {
    const r = cancellationRefund(
      { ...SUB, refundOptions: [{ type: 'partial', expiresAt: EXPIRES }] },
      DAY_3,
    );
    expect(subscriptionComputation(r).method).toBe('partner_center_refund_option');
    expect(subscriptionComputation(r).refundTier).toEqual({
      value: 'partial',
      source: 'partner_center',
      forecast: 'partial',
    });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 9420 });
    expect(r.disagreements).toEqual([]);
  });

  it('a current partial option prorates even where the forecast is a full refund, and says they disagree', () => {
    const r = cancellationRefund(
      { ...SUB, refundOptions: [{ type: 'partial', expiresAt: EXPIRES }] },
      { ...DAY_3, fullRefundWithin: 'P7D' },
    );
    expect(subscriptionComputation(r).refundTier).toEqual({
      value: 'partial',
      source: 'partner_center',
      forecast: 'full',
    });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 9420 });
    expect(r.disagreements).toEqual([
      { field: 'refundOptions', partnerCenter: 'partial', forecast: 'full' },
    ]);
  });

  it('an option without expiresAt is not current: the forecast decides', () => {
    const r = cancellationRefund({ ...SUB, refundOptions: [{ type: 'full' }] }, DAY_3);
    expect(subscriptionComputation(r).method).toBe('prorated');
    expect(subscriptionComputation(r).refundTier).toEqual({
      value: 'partial',
      source: 'forecast',
      forecast: 'partial',
    });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 9420 });
    expect(r.disagreements).toEqual([]);
  });

  it('an unknown billing frequency on a monthly term is a refusal (unknown_value), not an error', () => {
    const r = cancellationRefund({ ...SUB, billingFrequency: { unknown: 'quarterly' } }, DAY_3);
    expect(r.allowed).toBe(false);
    expect(r.reasons).toEqual([
      { code: 'unknown_value', field: 'purchase.billingFrequency', raw: 'quarterly' },
    ]);
    expect(r.refund).toEqual({ currency: 'EUR', minor: 0 });
    expect(r.computation).toBeNull();
  });
});

describe('remainingObligation: branches', () => {
  const sub = {
    kind: 'subscription',
    purchasedAt: '2023-03-10T08:00:00Z',
    term: 'P1Y',
    billingFrequency: 'monthly',
    quantity: 4,
    unitPrice: '25.00',
    currency: 'USD',
  } as const satisfies SoftwareSubscription;

  it('asked about before its purchase, a subscription Partner Center reports expired has not started', () => {
    const o = remainingObligation({ ...sub, status: 'expired' }, { asOf: '2023-03-01' });
    expect(o.state).toBe('not_started');
    expect(o.currentCycle).toBeNull();
    expect(o.installments).toEqual([]);
  });

  it('a subscription without a price: missing_field on subscription.unitPrice, saying where to take it from', () => {
    // Partner Center's subscription as read: no unitPrice, no currency.
    const { unitPrice: _price, currency: _currency, ...unpriced } = sub;
    expect(messageOf(() => remainingObligation(unpriced, { asOf: '2023-06-01' }))).toBe(
      "missing_field [subscription.unitPrice] subscription.unitPrice: this question needs a price (unitPrice and currency); Partner Center's subscription carries none, take it from your price list",
    );
  });
});
