import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingPlanRule,
  billingFrequencyChange,
  eligibleBillingFrequencies,
  FREQUENCY_CHANGE_POLICY,
  PRODUCT_FAMILIES,
} from '../../src/billing/index.js';
import {
  type BillingFrequency,
  type DatedPolicy,
  SOURCES,
  type SoftwareSubscription,
  type Term,
} from '../../src/core/index.js';
import { subscriptionStatusOn } from '../../src/lifecycle/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const P3Y_SUB = {
  kind: 'subscription',
  purchasedAt: '2022-03-15T10:00:00Z',
  term: 'P3Y',
  billingFrequency: 'triennial',
  quantity: 10,
  unitPrice: '300.00',
  currency: 'EUR',
} as const satisfies SoftwareSubscription;
const P1Y_SUB = {
  ...P3Y_SUB,
  purchasedAt: '2022-01-31T08:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
} as const;
const ADMIN = ['Admin agent'];

describe('billingFrequencyChange: allowed, from the next term', () => {
  it('schedules triennial → annual for the next term and says when', () => {
    const d = billingFrequencyChange(P3Y_SUB, 'annual', {
      asOf: '2023-06-01T00:00:00Z',
      roles: ADMIN,
    });
    expect(d).toEqual({
      allowed: true,
      reasons: [],
      rules: [
        {
          id: 'billing.frequency_change_next_term',
          source: SOURCES.S1.url,
          effectiveFrom: '0000-01-01',
        },
        { id: 'access.permissions', source: SOURCES.S1.url, effectiveFrom: '0000-01-01' },
        {
          id: 'lifecycle.purchase_date_visibility',
          source: SOURCES.S1.url,
          effectiveFrom: '2021-10-14',
        },
        { id: 'billing.plan_eligibility', source: SOURCES.S1.url, effectiveFrom: '2021-10-22' },
      ],
      asOf: new Date('2023-06-01T00:00:00Z'),
      to: 'annual',
      from: 'triennial',
      effectiveFrom: '2025-03-15',
      nextTerm: { termIndex: 1, start: '2025-03-15', end: '2028-03-14', renewsOn: '2028-03-15' },
      eligible: ['annual', 'triennial'],
      nextSteps: [
        {
          action: 'schedule_next_term_billing_frequency',
          effectiveOn: '2025-03-15',
          request: {
            method: 'PATCH',
            path: '/v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}',
            body: {
              autoRenewEnabled: true,
              scheduledNextTermInstructions: {
                product: { billingCycle: 'annual', termDuration: 'P3Y' },
                quantity: 10,
              },
            },
          },
        },
      ],
    });
  });

  it('"scheduledNextTermInstructions" and "renewalTermDuration" shape the next term: its length, its eligible plans, what is already scheduled', () => {
    // A P1M renewing as P3Y: the next term may be billed annually, and lasts three years.
    const monthly = {
      ...P3Y_SUB,
      term: 'P1M',
      billingFrequency: 'monthly',
      renewalTerm: 'P3Y',
    } as const;
    const d = billingFrequencyChange(monthly, 'annual', { asOf: '2022-03-20T00:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.nextTerm).toEqual({
      termIndex: 1,
      start: '2022-04-15',
      end: '2025-04-14',
      renewsOn: '2025-04-15',
    });
    expect(d.eligible).toEqual(['annual', 'triennial']);
    // Already scheduled by Partner Center: nothing to change.
    const scheduled = { ...P3Y_SUB, scheduledNextTerm: { billingFrequency: 'annual' } } as const;
    const again = billingFrequencyChange(scheduled, 'annual', { asOf: '2023-06-01T00:00:00Z' });
    expect(again.reasons).toEqual([{ code: 'same_as_current', billingFrequency: 'annual' }]);
    expect(again.nextSteps).toEqual([]);
    // Back to the current plan is a change again.
    expect(
      billingFrequencyChange(scheduled, 'triennial', { asOf: '2023-06-01T00:00:00Z' }).allowed,
    ).toBe(true);
  });

  it('on the renewal day itself, the change waits for the term after', () => {
    const rds = { ...P1Y_SUB, productFamily: PRODUCT_FAMILIES.rdsCal2022 };
    const d = billingFrequencyChange(rds, 'monthly', { asOf: '2023-01-31T00:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.effectiveFrom).toBe('2024-01-31');
    expect(d.nextTerm).toEqual({
      termIndex: 2,
      start: '2024-01-31',
      end: '2025-01-30',
      renewsOn: '2025-01-31',
    });
    expect(d.eligible).toEqual(['monthly', 'annual']);
    // The day before the renewal, the next term is the first renewal.
    expect(
      billingFrequencyChange(rds, 'monthly', { asOf: '2023-01-30T23:59:59.999Z' }).effectiveFrom,
    ).toBe('2023-01-31');
  });

  it('reads eligibility with the policy in force at the renewal (our reading)', () => {
    // Bought 2021-10-15: after the autorenew cutoff, before the 2021-10-22 plans.
    const sub = { ...P3Y_SUB, purchasedAt: '2021-10-15T12:00:00Z' };
    expect(eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: sub.purchasedAt })).toEqual([
      'triennial',
    ]);
    const d = billingFrequencyChange(sub, 'annual', { asOf: '2022-01-01' });
    expect(d.allowed).toBe(true);
    expect(d.effectiveFrom).toBe('2024-10-15');
  });
});

describe('billingFrequencyChange: refused', () => {
  it('same_as_current', () => {
    expect(billingFrequencyChange(P3Y_SUB, 'triennial', { asOf: '2023-06-01' }).reasons).toEqual([
      { code: 'same_as_current', billingFrequency: 'triennial' },
    ]);
  });

  it('frequency_not_eligible and not_offered_in_catalog for the next term', () => {
    const d = billingFrequencyChange(P1Y_SUB, 'monthly', {
      asOf: '2022-06-01',
      offered: ['annual'],
    });
    expect(d.reasons).toEqual([
      {
        code: 'frequency_not_eligible',
        billingFrequency: 'monthly',
        term: 'P1Y',
        eligible: ['annual'],
      },
      { code: 'not_offered_in_catalog', billingFrequency: 'monthly', offered: ['annual'] },
    ]);
    expect(d.effectiveFrom).toBe('2023-01-31');
    expect(billingFrequencyChange(P1Y_SUB, 'triennial', { asOf: '2022-06-01' }).reasons).toEqual([
      {
        code: 'frequency_not_eligible',
        billingFrequency: 'triennial',
        term: 'P1Y',
        eligible: ['annual'],
      },
    ]);
    const offeredLess = billingFrequencyChange(P3Y_SUB, 'annual', {
      asOf: '2023-06-01',
      offered: ['triennial'],
    });
    expect(offeredLess.reasons.map((r) => r.code)).toEqual(['not_offered_in_catalog']);
    expect(offeredLess.eligible).toEqual(['triennial']);
  });

  it('missing_role, as ./access reports it, when roles lack Admin agent', () => {
    for (const roles of [[], ['SalesAgent', 'Global admin'], ['Incentive admin']]) {
      const d = billingFrequencyChange(P3Y_SUB, 'annual', { asOf: '2023-06-01', roles });
      expect(d.reasons).toEqual([
        { code: 'missing_role', action: 'setBillingFrequency', requiredRoles: ['AdminAgent'] },
      ]);
      expect(d.effectiveFrom).toBe('2025-03-15');
    }
    expect(
      billingFrequencyChange(P3Y_SUB, 'annual', { asOf: '2023-06-01', roles: ['AdminAgent'] })
        .allowed,
    ).toBe(true);
  });

  it('will_not_renew: autorenew off, with the last day', () => {
    const d = billingFrequencyChange({ ...P1Y_SUB, autoRenew: false }, 'annual', {
      asOf: '2022-06-01',
    });
    expect(d.reasons).toEqual([
      { code: 'will_not_renew', cause: 'auto_renew_off', lastDay: '2023-01-30' },
      { code: 'same_as_current', billingFrequency: 'annual' },
    ]);
    expect(d.effectiveFrom).toBeUndefined();
    expect(d.nextTerm?.start).toBe('2023-01-31');
  });

  it('will_not_renew: a legacy purchase (before 2021-10-14) expires on its end date', () => {
    const legacy = {
      ...P1Y_SUB,
      purchasedAt: '2021-10-13T23:59:59.999Z',
      billingFrequency: 'annual',
    } as const;
    expect(billingFrequencyChange(legacy, 'monthly', { asOf: '2022-01-01' }).reasons).toEqual([
      { code: 'will_not_renew', cause: 'legacy_purchase', lastDay: '2022-10-12' },
      {
        code: 'frequency_not_eligible',
        billingFrequency: 'monthly',
        term: 'P1Y',
        eligible: ['annual'],
      },
    ]);
    // Partner Center's autoRenewEnabled: true is a fact: it renews, so the change can be scheduled.
    expect(
      billingFrequencyChange({ ...legacy, autoRenew: true }, 'triennial', {
        asOf: '2022-01-01',
      }).reasons.map((r) => r.code),
    ).not.toContain('will_not_renew');
    // After its end date it has expired.
    expect(billingFrequencyChange(legacy, 'annual', { asOf: '2022-10-13' }).reasons[0]).toEqual({
      code: 'will_not_renew',
      cause: 'expired',
    });
  });

  it('will_not_renew: expired or cancelled', () => {
    const at = { asOf: '2022-06-01' };
    expect(billingFrequencyChange({ ...P3Y_SUB, status: 'expired' }, 'annual', at).reasons).toEqual(
      [{ code: 'will_not_renew', cause: 'expired' }],
    );
    expect(
      billingFrequencyChange({ ...P3Y_SUB, status: 'cancelled' }, 'annual', at).reasons,
    ).toEqual([{ code: 'will_not_renew', cause: 'cancelled' }]);
    expect(billingFrequencyChange({ ...P3Y_SUB, status: 'deleted' }, 'annual', at).reasons).toEqual(
      [{ code: 'will_not_renew', cause: 'cancelled' }],
    );
    expect(
      billingFrequencyChange({ ...P1Y_SUB, autoRenew: false }, 'monthly', { asOf: '2023-02-01' })
        .reasons[0],
    ).toEqual({
      code: 'will_not_renew',
      cause: 'expired',
    });
    // "Suspending a new commerce subscription turns off autorenew" (Subscription lifecycle states).
    expect(
      billingFrequencyChange({ ...P3Y_SUB, status: 'suspended' }, 'annual', at).reasons,
    ).toEqual([{ code: 'will_not_renew', cause: 'auto_renew_off', lastDay: expect.any(String) }]);
    expect(
      billingFrequencyChange({ ...P3Y_SUB, status: 'suspended', autoRenew: true }, 'annual', at)
        .allowed,
    ).toBe(true);
  });

  it('unknown_value for values Partner Center added, with no dates when the term is unknown', () => {
    const d = billingFrequencyChange({ ...P3Y_SUB, term: { unknown: 'P5Y' } }, 'annual', {
      asOf: '2023-06-01',
    });
    expect(d.reasons).toEqual([{ code: 'unknown_value', field: 'subscription.term', raw: 'P5Y' }]);
    expect(d.from).toBe('triennial');
    expect('effectiveFrom' in d || 'nextTerm' in d || 'eligible' in d).toBe(false);
    const f = billingFrequencyChange(
      { ...P3Y_SUB, billingFrequency: { unknown: 'quarterly' } },
      'annual',
      { asOf: '2023-06-01' },
    );
    expect(f.reasons).toEqual([
      { code: 'unknown_value', field: 'subscription.billingFrequency', raw: 'quarterly' },
    ]);
    expect('from' in f).toBe(false);
    expect(f.effectiveFrom).toBe('2025-03-15');
    const both = billingFrequencyChange(
      {
        ...P3Y_SUB,
        term: { unknown: 'P5Y' },
        billingFrequency: { unknown: 'quarterly' },
        status: { unknown: 'frozen' },
      },
      'annual',
      { asOf: '2023-06-01', roles: ['SalesAgent'] },
    );
    expect(both.reasons.map((r) => [r.code, 'field' in r ? r.field : undefined])).toEqual([
      ['unknown_value', 'subscription.status'],
      ['unknown_value', 'subscription.term'],
      ['unknown_value', 'subscription.billingFrequency'],
      ['missing_role', undefined],
    ]);
  });

  it('lists every failing reason in a stable order', () => {
    const sub = {
      ...P1Y_SUB,
      billingFrequency: 'monthly',
      autoRenew: false,
      status: { unknown: 'frozen' },
    } as const;
    const d = billingFrequencyChange(sub, 'monthly', {
      asOf: '2022-06-01',
      offered: ['annual'],
      roles: ['HelpdeskAgent'],
    });
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([
      { code: 'unknown_value', field: 'subscription.status', raw: 'frozen' },
      { code: 'missing_role', action: 'setBillingFrequency', requiredRoles: ['AdminAgent'] },
      { code: 'will_not_renew', cause: 'auto_renew_off', lastDay: '2023-01-30' },
      { code: 'same_as_current', billingFrequency: 'monthly' },
      {
        code: 'frequency_not_eligible',
        billingFrequency: 'monthly',
        term: 'P1Y',
        eligible: ['annual'],
      },
      { code: 'not_offered_in_catalog', billingFrequency: 'monthly', offered: ['annual'] },
    ]);
  });
});

describe('billingFrequencyChange: properties', () => {
  const plan = fc.constantFrom<[Term, BillingFrequency]>(
    ['P1M', 'monthly'],
    ['P1Y', 'annual'],
    ['P1Y', 'monthly'],
    ['P3Y', 'annual'],
    ['P3Y', 'triennial'],
  );
  const frequency = fc.constantFrom<BillingFrequency>('monthly', 'annual', 'triennial');
  const arb = fc.record({
    purchasedMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    plan,
    autoRenew: fc.option(fc.boolean(), { nil: undefined }),
    rds: fc.boolean(),
    offsetMs: fc.integer({ min: -10 * 86_400_000, max: 4_000 * 86_400_000 }),
    to: frequency,
  });

  it('allowed ⇔ no reasons; effectiveFrom is the renewsOn of the current term, after asOf, exactly when it renews', () => {
    fc.assert(
      fc.property(
        arb,
        ({ purchasedMs, plan: [term, billingFrequency], autoRenew, rds, offsetMs, to }) => {
          const sub: SoftwareSubscription = {
            ...P3Y_SUB,
            purchasedAt: new Date(purchasedMs),
            term,
            billingFrequency,
            ...(autoRenew === undefined ? {} : { autoRenew }),
            ...(rds ? { productFamily: PRODUCT_FAMILIES.rdsCal2022 } : {}),
          };
          const asOf = new Date(purchasedMs + offsetMs);
          const d = billingFrequencyChange(sub, to, { asOf });
          expect(d.allowed).toBe(d.reasons.length === 0);
          const status = subscriptionStatusOn(sub, { asOf });
          const renews = d.reasons.every((r) => r.code !== 'will_not_renew');
          expect(renews).toBe(status.nextEvent.type === 'renewal');
          expect(d.nextTerm?.start).toBe(status.currentTerm.renewsOn);
          if (renews) {
            expect(d.effectiveFrom).toBe(status.currentTerm.renewsOn);
            expect((d.effectiveFrom as string) > asOf.toISOString().slice(0, 10)).toBe(true);
          } else {
            expect(d.effectiveFrom).toBeUndefined();
          }
          expect(d.reasons.some((r) => r.code === 'same_as_current')).toBe(to === billingFrequency);
          expect(JSON.parse(JSON.stringify(d))).toEqual({ ...d, asOf: asOf.toISOString() });
        },
      ),
    );
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() => [
      billingFrequencyChange(P3Y_SUB, 'annual', { asOf: '2025-03-15T01:00:00+02:00' }),
      billingFrequencyChange({ ...P1Y_SUB, autoRenew: false }, 'monthly', {
        asOf: new Date(Date.UTC(2023, 0, 30, 23, 59)),
      }),
    ]);
  });
});

describe('billingFrequencyChange: bad input', () => {
  const asOf = '2023-06-01';
  it('throws for an unknown target, bad options and bad subscriptions', () => {
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'weekly' as never, { asOf }),
      'invalid_billing_frequency',
      'to',
    );
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', undefined as never),
      'invalid_input',
      'options',
    );
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', {} as never),
      'invalid_instant',
      'options.asOf',
    );
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', { asOf: '2023-06-01T10:00' }),
      'ambiguous_local_time',
      'options.asOf',
    );
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', { asOf, roles: 'AdminAgent' as never }),
      'invalid_input',
      'options.roles',
    );
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', { asOf, roles: [7 as never] }),
      'invalid_input',
    );
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', { asOf, offered: ['yearly' as never] }),
      'invalid_billing_frequency',
      'options.offered[0]',
    );
    expectRuleError(
      () => billingFrequencyChange({ ...P3Y_SUB, quantity: 0 }, 'annual', { asOf }),
      'invalid_quantity',
      'subscription.quantity',
    );
    expectRuleError(
      () => billingFrequencyChange({ ...P3Y_SUB, term: 'P2Y' as never }, 'annual', { asOf }),
      'invalid_term',
      'subscription.term',
    );
    expectRuleError(
      () => billingFrequencyChange({ ...P3Y_SUB, kind: 'perpetual' } as never, 'annual', { asOf }),
      'invalid_input',
      'subscription.kind',
    );
  });

  it('applies the frequency-change rule at any date, even before 1970 (Microsoft dates none of it)', () => {
    expect(
      billingFrequencyChange(P3Y_SUB, 'annual', { asOf: '1969-12-31T23:59:59Z' }).rules[0],
    ).toEqual({
      id: FREQUENCY_CHANGE_POLICY.id,
      source: SOURCES.S1.url,
      effectiveFrom: '0000-01-01',
    });
  });

  it('throws when a caller policy is not in force at the renewal', () => {
    const policy: DatedPolicy<BillingPlanRule> = {
      id: 'late',
      versions: [
        {
          effectiveFrom: '2040-01-01',
          source: 'https://example.com',
          value: {
            byTerm: { P1M: ['monthly'], P1Y: ['annual'], P3Y: ['triennial'] },
            familyAdds: {},
          },
        },
      ],
    };
    expectRuleError(
      () => billingFrequencyChange(P3Y_SUB, 'annual', { asOf, policy }),
      'policy_not_in_force',
      'options.policy',
    );
    // In force at the renewal it is applied.
    const renewsIn2040 = { ...P3Y_SUB, purchasedAt: '2037-01-10' };
    expect(
      billingFrequencyChange(renewsIn2040, 'annual', { asOf: '2038-01-01', policy }).reasons[0]
        ?.code,
    ).toBe('frequency_not_eligible');
  });
});
