import { describe, expect, it } from 'vitest';
import { CANCELLATION_EFFECTS_POLICY, cancellationEffects } from '../../src/cancellation/index.js';
import {
  definePolicy,
  type PerpetualPurchase,
  type SoftwareSubscription,
} from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const sub: SoftwareSubscription = {
  kind: 'subscription',
  id: 'sub-9',
  purchasedAt: '2023-01-31T15:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 3,
  unitPrice: '10.00',
  currency: 'EUR',
};
const order: PerpetualPurchase = {
  kind: 'perpetual',
  purchasedAt: '2022-05-02T08:00:00Z',
  quantity: 1,
  unitPrice: '899.00',
  currency: 'USD',
};

describe('cancellationEffects', () => {
  it('perpetual: keys and links revoked, listed without key, uninstall, 100% credit, visible within 15 min', () => {
    expect(cancellationEffects(order, { asOf: '2022-05-20T23:50:00Z' })).toEqual({
      allowed: true,
      reasons: [],
      kind: 'perpetual',
      id: null,
      asOf: new Date('2022-05-20T23:50:00Z'),
      keysRevoked: true,
      downloadLinksRevoked: true,
      listedOnSoftwarePage: true,
      activationKeyAvailable: false,
      mustStopUsing: true,
      mustUninstall: true,
      settlement: 'credit',
      creditPercent: 100,
      appearsOn: 'next_monthly_invoice',
      futureChargeCyclesBilled: false,
      visibleInPartnerCenterBy: new Date('2022-05-21T00:05:00Z'),
      rules: [
        {
          id: 'cancellation.effects',
          source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
          effectiveFrom: '0000-01-01',
        },
      ],
    });
  });

  it('subscription: a prorated refund, computed by ./refunds', () => {
    const e = cancellationEffects(sub, { asOf: new Date('2023-02-02T10:00:00.123Z') });
    expect(e.kind).toBe('subscription');
    expect(e.id).toBe('sub-9');
    expect([e.settlement, e.creditPercent, e.appearsOn, e.futureChargeCyclesBilled]).toEqual([
      'prorated_refund',
      null,
      'next_monthly_invoice',
      false,
    ]);
    expect(e.visibleInPartnerCenterBy.getTime() - e.asOf.getTime()).toBe(15 * 60_000);
    expect(e.visibleInPartnerCenterBy.toISOString()).toBe('2023-02-02T10:15:00.123Z');
  });

  it('a cancellation at the purchase instant is accepted; before it, the reason is not_started', () => {
    expect(cancellationEffects(sub, { asOf: '2023-01-31T15:00:00Z' }).allowed).toBe(true);
    const early = cancellationEffects(sub, { asOf: '2023-01-31T14:59:59.999Z' });
    expect(early.allowed).toBe(false);
    expect(early.reasons).toEqual([
      { code: 'not_started', purchasedAt: new Date('2023-01-31T15:00:00Z') },
    ]);
    expect(early.keysRevoked).toBe(true);
    expectRuleError(() => cancellationEffects(sub, { asOf: 'now' }), 'invalid_instant', 'asOf');
    expectRuleError(() => cancellationEffects(sub, 'x' as never), 'invalid_input', 'options');
    expectRuleError(
      () => cancellationEffects({} as never, { asOf: '2023-02-01' }),
      'invalid_input',
    );
  });

  it('the effects are a dated policy; results do not depend on TZ', () => {
    expect(definePolicy(CANCELLATION_EFFECTS_POLICY)).toBe(CANCELLATION_EFFECTS_POLICY);
    expectSameInEveryTimeZone(() =>
      cancellationEffects(order, { asOf: '2022-05-20T23:50:00-05:00' }),
    );
  });
});
