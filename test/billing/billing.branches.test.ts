// Branches of the billing area that the other billing tests leave open: the
// checks of a caller's billing plan policy, the exact error messages, and the
// next term of a billing-frequency change when Partner Center's
// commitmentEndDate moves the current term's end. Every policy is built
// inside its own test: a policy is checked once per object, so a shared one
// would be checked by whichever test ran first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingPlanRule,
  billingFrequencyChange,
  eligibleBillingFrequencies,
  installmentSchedule,
  productFamilyOf,
} from '../../src/billing/index.js';
import type { DatedPolicy, SoftwareSubscription } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';

const VALUE = 'policy.versions[0].value';

/** A one-version caller policy holding `value`, unchecked. */
function planPolicy(value: unknown): DatedPolicy<BillingPlanRule> {
  return {
    id: 'test.plans',
    versions: [
      { effectiveFrom: '2020-01-01', source: 'https://example.com/plans', value: value as never },
    ],
  };
}

const UPFRONT = { P1M: ['monthly'], P1Y: ['annual'], P3Y: ['triennial'] };
const AT = { term: 'P1Y', purchasedAt: '2021-01-01' } as const;

describe('eligibleBillingFrequencies: a caller policy is checked', () => {
  it('refuses a rule that is a function, even one carrying byTerm and familyAdds', () => {
    const rule = Object.assign(() => undefined, { byTerm: UPFRONT, familyAdds: {} });
    expect(messageOf(() => eligibleBillingFrequencies({ ...AT, policy: planPolicy(rule) }))).toBe(
      `invalid_policy [${VALUE}.byTerm] ${VALUE}.byTerm: expected a list per term`,
    );
  });

  it('refuses a null byTerm with invalid_policy, naming byTerm', () => {
    expect(
      messageOf(() =>
        eligibleBillingFrequencies({
          ...AT,
          policy: planPolicy({ byTerm: null, familyAdds: {} }),
        }),
      ),
    ).toBe(`invalid_policy [${VALUE}.byTerm] ${VALUE}.byTerm: expected a list per term`);
  });

  it('refuses a null familyAdds with invalid_policy, naming familyAdds', () => {
    expect(
      messageOf(() =>
        eligibleBillingFrequencies({
          ...AT,
          policy: planPolicy({ byTerm: UPFRONT, familyAdds: null }),
        }),
      ),
    ).toBe(`invalid_policy [${VALUE}.familyAdds] ${VALUE}.familyAdds: expected an object`);
  });

  it('refuses a term list holding a value that is not a billing frequency, naming that list', () => {
    expect(
      messageOf(() =>
        eligibleBillingFrequencies({
          ...AT,
          policy: planPolicy({ byTerm: { ...UPFRONT, P1Y: ['weekly'] }, familyAdds: {} }),
        }),
      ),
    ).toBe(
      `invalid_policy [${VALUE}.byTerm.P1Y] ${VALUE}.byTerm.P1Y: expected an array of billing frequencies`,
    );
  });

  it('a SKU with no product family gets no family extra, even from a family literally named "undefined"', () => {
    const policy = planPolicy({ byTerm: UPFRONT, familyAdds: { undefined: ['monthly'] } });
    expect(eligibleBillingFrequencies({ ...AT, policy })).toEqual(['annual']);
    expect(eligibleBillingFrequencies({ ...AT, policy, productFamily: 'undefined' })).toEqual([
      'monthly',
      'annual',
    ]);
  });
});

describe('billing: exact error messages', () => {
  it('offered that is not an array: invalid_input on offered, saying a list of frequencies is expected', () => {
    expect(messageOf(() => eligibleBillingFrequencies({ ...AT, offered: 'annual' as never }))).toBe(
      'invalid_input [offered] offered: expected an array of billing frequencies',
    );
  });

  it('productFamilyOf of a non-string title says what it got', () => {
    expect(messageOf(() => productFamilyOf(2022 as never))).toBe(
      'invalid_input [title] title: expected a string, got a number',
    );
  });

  it('billingFrequencyChange with roles that are not an array: invalid_input on options.roles', () => {
    const sub: SoftwareSubscription = {
      kind: 'subscription',
      purchasedAt: '2022-03-15T10:00:00Z',
      term: 'P3Y',
      billingFrequency: 'triennial',
      quantity: 10,
    };
    expect(
      messageOf(() =>
        billingFrequencyChange(sub, 'annual', { asOf: '2023-06-01', roles: 'AdminAgent' as never }),
      ),
    ).toBe('invalid_input [options.roles] options.roles: expected an array of role names');
  });

  const schedule = {
    purchasedAt: '2022-01-31',
    term: 'P3Y',
    billingFrequency: 'monthly',
    quantity: 1,
    currency: 'EUR',
  } as const;

  it('installmentSchedule with both prices, or neither, says to give exactly one', () => {
    expect(
      messageOf(() =>
        installmentSchedule({ ...schedule, unitPrice: '10', unitPricePerTerm: '120' }),
      ),
    ).toBe(
      'invalid_input [unitPricePerTerm] give exactly one of unitPrice (per cycle) or unitPricePerTerm',
    );
    expect(messageOf(() => installmentSchedule(schedule as never))).toBe(
      'invalid_input [unitPrice] give exactly one of unitPrice (per cycle) or unitPricePerTerm',
    );
  });

  it('installmentSchedule whose per-cycle price is safe but whose term total is not: invalid_money', () => {
    // EUR 5,000,000,000,000.00 = 5e14 minor units per cycle; 36 cycles exceed 2^53.
    expect(messageOf(() => installmentSchedule({ ...schedule, unitPrice: '5000000000000' }))).toBe(
      'invalid_money [unitPrice] unitPrice: the term total is too large',
    );
  });
});

// Bought 2022-01-31 (new commerce, renews by default): term 0 is 2022-01-31 .. 2023-01-30,
// and the forecast next term 2023-01-31 .. 2024-01-30.
const P1Y_SUB = {
  kind: 'subscription',
  purchasedAt: '2022-01-31T08:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 10,
  unitPrice: '300.00',
  currency: 'EUR',
} as const satisfies SoftwareSubscription;
const ASOF = { asOf: '2022-06-01T00:00:00Z' };

describe('billingFrequencyChange: the next term after Partner Center commitmentEndDate', () => {
  it('starts the day after a commitmentEndDate two days before the forecast end, and ends on the anchored date', () => {
    const d = billingFrequencyChange(
      { ...P1Y_SUB, commitmentEndDate: '2023-01-28' },
      'monthly',
      ASOF,
    );
    expect(d.effectiveFrom).toBe('2023-01-29');
    expect(d.nextTerm).toEqual({
      termIndex: 1,
      start: '2023-01-29',
      end: '2024-01-30',
      renewsOn: '2024-01-31',
    });
  });

  it('runs a whole term from the day after a commitmentEndDate more than 3 days from ours', () => {
    const d = billingFrequencyChange(
      { ...P1Y_SUB, commitmentEndDate: '2024-01-29' },
      'monthly',
      ASOF,
    );
    expect(d.effectiveFrom).toBe('2024-01-30');
    expect(d.nextTerm).toEqual({
      termIndex: 1,
      start: '2024-01-30',
      end: '2025-01-29',
      renewsOn: '2025-01-30',
    });
  });

  it('keeps the anniversary at a 3-day gap and leaves it at 4', () => {
    const three = billingFrequencyChange(
      { ...P1Y_SUB, commitmentEndDate: '2023-02-02' },
      'monthly',
      ASOF,
    );
    expect(three.nextTerm).toEqual({
      termIndex: 1,
      start: '2023-02-03',
      end: '2024-01-30',
      renewsOn: '2024-01-31',
    });
    const four = billingFrequencyChange(
      { ...P1Y_SUB, commitmentEndDate: '2023-01-26' },
      'monthly',
      ASOF,
    );
    expect(four.nextTerm).toEqual({
      termIndex: 1,
      start: '2023-01-27',
      end: '2024-01-26',
      renewsOn: '2024-01-27',
    });
  });

  it('starts on effectiveFrom even when commitmentEndDate is past the forecast next term', () => {
    // Bug fixed: the next term fell back to the forecast one (2023-01-31 .. 2024-01-30),
    // wholly before effectiveFrom (2024-01-31).
    const d = billingFrequencyChange(
      { ...P1Y_SUB, commitmentEndDate: '2024-01-30' },
      'monthly',
      ASOF,
    );
    expect(d.effectiveFrom).toBe('2024-01-31');
    expect(d.nextTerm).toEqual({
      termIndex: 1,
      start: '2024-01-31',
      end: '2025-01-30',
      renewsOn: '2025-01-31',
    });
  });
});

describe('billingFrequencyChange: any commitmentEndDate Partner Center gives', () => {
  const DAY = 86_400_000;
  it('gives a next term that starts on effectiveFrom and lasts at least 28 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), (days) => {
        // From asOf's day (2022-06-01) to four years on.
        const end = new Date(Date.UTC(2022, 5, 1) + days * DAY).toISOString().slice(0, 10);
        const d = billingFrequencyChange({ ...P1Y_SUB, commitmentEndDate: end }, 'monthly', ASOF);
        const next = d.nextTerm;
        if (next === undefined) throw new Error('no next term');
        expect(next.start).toBe(d.effectiveFrom);
        expect(Date.parse(next.end) - Date.parse(next.start)).toBeGreaterThanOrEqual(27 * DAY);
        expect(Date.parse(next.renewsOn) - Date.parse(next.end)).toBe(DAY);
      }),
    );
  });
});

describe('billingFrequencyChange: will_not_renew and nextSteps', () => {
  it('a legacy subscription whose autorenew Partner Center states off will not renew because autorenew is off, not because it is legacy', () => {
    const legacy = { ...P1Y_SUB, purchasedAt: '2021-10-13T23:59:59.999Z', autoRenew: false };
    expect(billingFrequencyChange(legacy, 'monthly', { asOf: '2022-01-01' }).reasons[0]).toEqual({
      code: 'will_not_renew',
      cause: 'auto_renew_off',
      lastDay: '2022-10-12',
    });
  });

  it('when only a missing role stands in the way, nextSteps still gives the PATCH for the next term', () => {
    const sub = {
      ...P1Y_SUB,
      purchasedAt: '2022-03-15T10:00:00Z',
      term: 'P3Y',
      billingFrequency: 'triennial',
    } as const;
    const d = billingFrequencyChange(sub, 'annual', { asOf: '2023-06-01', roles: ['SalesAgent'] });
    expect(d.reasons.map((r) => r.code)).toEqual(['missing_role']);
    expect(d.nextSteps).toEqual([
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
    ]);
  });
});
