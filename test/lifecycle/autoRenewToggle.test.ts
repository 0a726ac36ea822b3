import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoRenewToggle } from '../../src/lifecycle/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const sub = {
  kind: 'subscription',
  purchasedAt: '2022-03-01T09:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 2,
  unitPrice: '500',
  currency: 'USD',
} as const;

describe('autoRenewToggle', () => {
  it('an Admin agent may switch a current subscription either way', () => {
    const off = autoRenewToggle(sub, { asOf: '2022-06-01', roles: ['AdminAgent'] });
    expect(off).toMatchObject({
      allowed: true,
      reasons: [],
      autoRenew: true,
      to: false,
      atTermEnd: 'expires',
    });
    expect(off.currentTerm?.end).toBe('2023-02-28');
    expect(off.rules.map((r) => r.id)).toContain('lifecycle.purchase_date_visibility');
    const on = autoRenewToggle({ ...sub, autoRenew: false }, { asOf: '2022-06-01' });
    expect(on).toMatchObject({ allowed: true, autoRenew: false, to: true, atTermEnd: 'renews' });
    expect(autoRenewToggle(sub, { asOf: '2022-06-01', to: true }).to).toBe(true);
  });

  it('lists every reason at once', () => {
    const d = autoRenewToggle(
      { ...sub, purchasedAt: '2021-10-13T23:59:59Z', status: 'cancelled' },
      { asOf: '2022-01-01', roles: ['Helpdesk agent', 'Wizard'] },
    );
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => r.code)).toEqual([
      'not_on_subscriptions_page',
      'already_cancelled',
      'missing_role',
    ]);
    expect(d.reasons[0]).toEqual({ code: 'not_on_subscriptions_page', purchasedOn: '2021-10-13' });
  });

  it('refuses expired subscriptions and unknown Partner Center values', () => {
    const expired = autoRenewToggle({ ...sub, autoRenew: false }, { asOf: '2023-03-01' });
    expect(expired.reasons).toEqual([{ code: 'expired' }]);
    const unknown = autoRenewToggle({ ...sub, term: { unknown: 'P5Y' } }, { asOf: '2022-06-01' });
    expect(unknown.reasons).toEqual([
      { code: 'unknown_value', field: 'subscription.term', raw: 'P5Y' },
    ]);
    expect(unknown.currentTerm).toBeUndefined();
    expect(unknown.atTermEnd).toBeUndefined();
  });

  it('rejects bad options', () => {
    expectRuleError(
      () => autoRenewToggle(sub, { asOf: '2022-06-01', to: 'yes' as never }),
      'invalid_input',
      'to',
    );
    expectRuleError(
      () => autoRenewToggle(sub, { asOf: '2022-06-01T10:00' }),
      'ambiguous_local_time',
      'asOf',
    );
  });

  it('allowed exactly when there are no reasons (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 0, 1) }),
        fc.integer({ min: 0, max: 1500 * 86_400_000 }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.subarray(['AdminAgent', 'SalesAgent', 'Nobody']), { nil: undefined }),
        (purchased, offset, autoRenew, roles) => {
          const s =
            autoRenew === undefined
              ? { ...sub, purchasedAt: new Date(purchased) }
              : { ...sub, purchasedAt: new Date(purchased), autoRenew };
          const d = autoRenewToggle(
            s,
            roles === undefined
              ? { asOf: new Date(purchased + offset) }
              : { asOf: new Date(purchased + offset), roles },
          );
          expect(d.allowed).toBe(d.reasons.length === 0);
          if (purchased < Date.UTC(2021, 9, 14)) expect(d.allowed).toBe(false);
        },
      ),
    );
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      autoRenewToggle(sub, { asOf: '2023-03-01T00:30:00+01:00', roles: ['Admin agent'] }),
    );
  });
});
