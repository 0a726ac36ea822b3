import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../src/core/index.js';
import {
  defaultAutoRenew,
  PURCHASE_DATE_POLICY,
  softwareSubscriptionVisibility,
  subscriptionStatusOn,
} from '../../src/lifecycle/index.js';
import { checkedPurchaseDatePolicy } from '../../src/lifecycle/policy.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const CUTOFF = Date.UTC(2021, 9, 14);

describe('purchase-date rule (2021-10-14)', () => {
  it('is a valid dated policy citing S1', () => {
    expect(checkedPurchaseDatePolicy()).toBe(PURCHASE_DATE_POLICY);
    for (const v of PURCHASE_DATE_POLICY.versions) expect(v.source).toBe(SOURCES.S1.url);
  });

  it('switches exactly at 2021-10-14T00:00:00.000Z', () => {
    const before = softwareSubscriptionVisibility(new Date(CUTOFF - 1));
    const at = softwareSubscriptionVisibility(new Date(CUTOFF));
    expect(before).toEqual({
      getSubscriptionsApi: false,
      subscriptionsPage: false,
      softwarePage: true,
      getOrdersApi: true,
      rules: [
        {
          id: 'lifecycle.purchase_date_visibility',
          source: SOURCES.S1.url,
          effectiveFrom: '0000-01-01',
        },
      ],
    });
    expect(at).toEqual({
      getSubscriptionsApi: true,
      subscriptionsPage: true,
      softwarePage: true,
      getOrdersApi: true,
      rules: [
        {
          id: 'lifecycle.purchase_date_visibility',
          source: SOURCES.S1.url,
          effectiveFrom: '2021-10-14',
        },
      ],
    });
    expect(defaultAutoRenew(new Date(CUTOFF - 1))).toBe(false);
    expect(defaultAutoRenew(new Date(CUTOFF))).toBe(true);
  });

  it('reads offsets in UTC: +02:00 on the 14th local is still the 13th UTC', () => {
    expect(defaultAutoRenew('2021-10-14T01:59:59.999+02:00')).toBe(false);
    expect(defaultAutoRenew('2021-10-14T02:00:00+02:00')).toBe(true);
    expect(defaultAutoRenew('2021-10-13T22:00:00-02:00')).toBe(true);
  });

  it('depends only on which side of the cutoff the instant is (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const v = softwareSubscriptionVisibility(new Date(ms));
        const after = ms >= CUTOFF;
        expect(v.getSubscriptionsApi).toBe(after);
        expect(v.subscriptionsPage).toBe(after);
        expect(v.softwarePage && v.getOrdersApi).toBe(true);
        expect(defaultAutoRenew(new Date(ms).toISOString())).toBe(after);
      }),
    );
  });

  it('rejects bad instants', () => {
    expectRuleError(
      () => softwareSubscriptionVisibility('2021-10-14T00:00'),
      'ambiguous_local_time',
      'purchasedAt',
    );
    expectRuleError(() => defaultAutoRenew(new Date(Number.NaN)), 'invalid_instant', 'purchasedAt');
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      ['2021-10-13T23:59:59.999Z', '2021-10-14', '2021-10-14T00:30:00+01:00'].map((p) => [
        softwareSubscriptionVisibility(p),
        defaultAutoRenew(p),
      ]),
    );
  });
});

describe('subscriptionStatusOn', () => {
  const base = {
    kind: 'subscription',
    purchasedAt: '2022-01-31T10:00:00Z',
    term: 'P1Y',
    billingFrequency: 'annual',
    quantity: 5,
    unitPrice: '100.00',
    currency: 'EUR',
  } as const;

  it('finds the current term and the renewal', () => {
    const s = subscriptionStatusOn(base, { asOf: '2022-06-01T00:00:00Z' });
    expect(s.state).toBe('in_term');
    expect(s.status).toBe('active');
    expect(s.currentTerm).toEqual({
      termIndex: 0,
      start: '2022-01-31',
      end: '2023-01-30',
      renewsOn: '2023-01-31',
    });
    expect(s.autoRenew).toBe(true);
    expect(s.autoRenewSource).toBe('purchase_date_rule');
    expect(s.legacy).toBe(false);
    expect(s.nextEvent).toEqual({ type: 'renewal', on: '2023-01-31' });
    expect(s.asOf.toISOString()).toBe('2022-06-01T00:00:00.000Z');
    expect(
      subscriptionStatusOn(base, { asOf: '2023-01-30T23:59:59.999Z' }).currentTerm.termIndex,
    ).toBe(0);
    expect(subscriptionStatusOn(base, { asOf: '2023-01-31T00:00:00Z' }).currentTerm.termIndex).toBe(
      1,
    );
  });

  it('is not started before the purchase instant', () => {
    const s = subscriptionStatusOn(base, { asOf: '2022-01-31T09:59:59.999Z' });
    expect(s.state).toBe('not_started');
    expect(s.currentTerm.termIndex).toBe(0);
    expect(subscriptionStatusOn(base, { asOf: '2021-01-01' }).state).toBe('not_started');
  });

  it('a legacy subscription expires on its end date when Partner Center says nothing', () => {
    const legacy = { ...base, purchasedAt: '2021-06-30T12:00:00Z' };
    const during = subscriptionStatusOn(legacy, { asOf: '2022-06-29T23:59:59Z' });
    expect(during.legacy).toBe(true);
    expect(during.autoRenew).toBe(false);
    expect(during.autoRenewSource).toBe('purchase_date_rule');
    expect(during.disagreements).toEqual([]);
    expect(during.nextEvent).toEqual({ type: 'expiry', on: '2022-06-29' });
    const after = subscriptionStatusOn(legacy, { asOf: '2022-06-30T00:00:00Z' });
    expect(after.state).toBe('expired');
    expect(after.currentTerm.termIndex).toBe(0);
    expect(after.nextEvent).toEqual({ type: 'none' });
  });

  it('a legacy subscription whose resource says "autoRenewEnabled": true and "status": "active" renews: the fact wins, the forecast is kept beside it', () => {
    const legacy = {
      ...base,
      purchasedAt: '2021-06-30T12:00:00Z',
      autoRenew: true,
      status: 'active',
      scheduledNextTerm: { quantity: 3 },
    } as const;
    const s = subscriptionStatusOn(legacy, { asOf: '2023-01-01' });
    expect(s.state).toBe('in_term');
    expect(s.currentTerm.termIndex).toBe(1);
    expect(s.autoRenew).toBe(true);
    expect(s.autoRenewSource).toBe('partner_center');
    expect(s.forecast).toEqual({
      autoRenew: false,
      state: 'in_term',
      currentTermEnd: '2023-06-29',
    });
    expect(s.disagreements).toEqual([{ field: 'autoRenew', partnerCenter: true, forecast: false }]);
    expect(s.nextEvent).toEqual({ type: 'renewal', on: '2023-06-30' });
    expect(s.nextTerm).toEqual({
      start: '2023-06-30',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 3,
      offerId: null,
      changed: ['quantity'],
    });
  });

  it('autorenew off: expires after the current term; without a status only the initial term ran', () => {
    const off = { ...base, autoRenew: false };
    expect(subscriptionStatusOn(off, { asOf: '2022-12-01' }).nextEvent).toEqual({
      type: 'expiry',
      on: '2023-01-30',
    });
    expect(subscriptionStatusOn(off, { asOf: '2022-12-01' }).autoRenewSource).toBe(
      'partner_center',
    );
    expect(subscriptionStatusOn(off, { asOf: '2023-02-01' }).state).toBe('expired');
    const stillActive = subscriptionStatusOn({ ...off, status: 'active' }, { asOf: '2023-02-01' });
    expect(stillActive.state).toBe('in_term');
    expect(stillActive.currentTerm.termIndex).toBe(1);
    expect(stillActive.nextEvent).toEqual({ type: 'expiry', on: '2024-01-30' });
  });

  it('honours terminal statuses and echoes unknown ones', () => {
    expect(
      subscriptionStatusOn({ ...base, status: 'cancelled' }, { asOf: '2022-02-01' }).state,
    ).toBe('cancelled');
    expect(
      subscriptionStatusOn({ ...base, status: 'deleted' }, { asOf: '2022-02-01' }).nextEvent,
    ).toEqual({
      type: 'none',
    });
    expect(subscriptionStatusOn({ ...base, status: 'expired' }, { asOf: '2022-02-01' }).state).toBe(
      'expired',
    );
    expect(
      subscriptionStatusOn({ ...base, status: 'suspended' }, { asOf: '2022-02-01' }).state,
    ).toBe('in_term');
    const odd = subscriptionStatusOn(
      { ...base, status: { unknown: 'migrating' } },
      { asOf: '2022-02-01' },
    );
    expect(odd.status).toEqual({ unknown: 'migrating' });
  });

  it('rejects what it cannot compute', () => {
    expectRuleError(
      () => subscriptionStatusOn({ ...base, term: { unknown: 'P5Y' } }, { asOf: '2022-02-01' }),
      'invalid_term',
      'subscription.term',
    );
    expectRuleError(() => subscriptionStatusOn(base, { asOf: 'soon' }), 'invalid_instant', 'asOf');
    expectRuleError(
      () => subscriptionStatusOn(base, undefined as never),
      'invalid_instant',
      'asOf',
    );
    expectRuleError(
      () => subscriptionStatusOn({ ...base, quantity: -1 }, { asOf: '2022-02-01' }),
      'invalid_quantity',
    );
  });

  it('the current term always contains asOf, and terms never go back as time passes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2021, 9, 14), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom('P1M', 'P1Y', 'P3Y') as fc.Arbitrary<'P1M' | 'P1Y' | 'P3Y'>,
        fc.integer({ min: 0, max: 4000 * 86_400_000 }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (purchased, term, offset, later) => {
          const sub = { ...base, term, purchasedAt: new Date(purchased) };
          const a = subscriptionStatusOn(sub, { asOf: new Date(purchased + offset) });
          const b = subscriptionStatusOn(sub, { asOf: new Date(purchased + offset + later) });
          const day = new Date(purchased + offset).toISOString().slice(0, 10);
          expect(a.currentTerm.start <= day && day <= a.currentTerm.end).toBe(true);
          expect(b.currentTerm.termIndex).toBeGreaterThanOrEqual(a.currentTerm.termIndex);
        },
      ),
    );
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      ['2022-01-31T09:00:00Z', '2023-01-31T00:00:00+14:00', '2024-03-01T00:00:00-03:30'].map(
        (asOf) => subscriptionStatusOn(base, { asOf }),
      ),
    );
  });
});
