import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frequenciesByRule, planRuleAtMs } from '../../src/billing/eligibility.js';
import {
  BILLING_PLAN_POLICY,
  type BillingPlanRule,
  billingFrequencyDecision,
  eligibleBillingFrequencies,
  PRODUCT_FAMILIES,
} from '../../src/billing/index.js';
import {
  BILLING_FREQUENCIES,
  type BillingFrequency,
  type DatedPolicy,
  definePolicy,
  SOURCES,
  TERMS,
} from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone, localOffsetsDiffer } from '../support/tz.js';

const RDS = PRODUCT_FAMILIES.rdsCal2022;
const CUTOFF_MS = Date.UTC(2021, 9, 22);
const frequency = fc.constantFrom<BillingFrequency>('monthly', 'annual', 'triennial');
const term = fc.constantFrom(...TERMS);
const family = fc.constantFrom(undefined, RDS, 'windows-server', '__proto__', 'constructor');
const instantMs = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) });
const subsetOf = (list: readonly BillingFrequency[]) => fc.subarray([...list]);

describe('BILLING_PLAN_POLICY', () => {
  it('is a valid dated policy citing S1', () => {
    expect(definePolicy(BILLING_PLAN_POLICY)).toBe(BILLING_PLAN_POLICY);
    for (const v of BILLING_PLAN_POLICY.versions) expect(v.source).toBe(SOURCES.S1.url);
  });
});

describe('eligibleBillingFrequencies', () => {
  it('switches at 2021-10-22T00:00:00.000Z to the millisecond', () => {
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-21T23:59:59.999Z' }),
    ).toEqual(['triennial']);
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-22T00:00:00.000Z' }),
    ).toEqual(['annual', 'triennial']);
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: new Date(CUTOFF_MS - 1) }),
    ).toEqual(['triennial']);
    expect(eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-22' })).toEqual([
      'annual',
      'triennial',
    ]);
  });

  it('reads offsets as UTC: 01:00+02:00 on the 22nd is still the 21st', () => {
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-22T01:00:00+02:00' }),
    ).toEqual(['triennial']);
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-21T23:00:00-01:00' }),
    ).toEqual(['annual', 'triennial']);
  });

  it('keeps P1M and P1Y upfront on both sides of the date', () => {
    for (const purchasedAt of ['2020-01-01', '2021-10-21T23:59:59Z', '2021-10-22', '2030-01-01']) {
      expect(eligibleBillingFrequencies({ term: 'P1M', purchasedAt })).toEqual(['monthly']);
      expect(eligibleBillingFrequencies({ term: 'P1Y', purchasedAt })).toEqual(['annual']);
    }
  });

  it('adds monthly for Windows Remote Desktop Server CAL 2022 from 2021-10-22, P1Y and P3Y alike', () => {
    const after = '2021-10-22T00:00:00Z';
    const before = '2021-10-21T23:59:59.999Z';
    expect(
      eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: after, productFamily: RDS }),
    ).toEqual(['monthly', 'annual']);
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: after, productFamily: RDS }),
    ).toEqual(['monthly', 'annual', 'triennial']);
    expect(
      eligibleBillingFrequencies({ term: 'P1M', purchasedAt: after, productFamily: RDS }),
    ).toEqual(['monthly']);
    expect(
      eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: before, productFamily: RDS }),
    ).toEqual(['annual']);
    expect(
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: before, productFamily: RDS }),
    ).toEqual(['triennial']);
  });

  it('gives other or odd family names nothing extra', () => {
    for (const productFamily of ['windows-server', '__proto__', 'constructor', 'toString', '']) {
      expect(
        eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2023-01-01', productFamily }),
      ).toEqual(['annual']);
    }
  });

  it('intersects with the offered plans, in canonical order, ignoring duplicates', () => {
    const base = { term: 'P3Y', purchasedAt: '2023-01-01', productFamily: RDS } as const;
    expect(
      eligibleBillingFrequencies({ ...base, offered: ['triennial', 'monthly', 'triennial'] }),
    ).toEqual(['monthly', 'triennial']);
    expect(eligibleBillingFrequencies({ ...base, offered: [] })).toEqual([]);
    expect(
      eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2023-01-01', offered: ['monthly'] }),
    ).toEqual([]);
  });

  it('property: before 2021-10-22 a 3-year SKU is triennial only (any family, any catalog with triennial)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: CUTOFF_MS - 1 }),
        family,
        subsetOf(BILLING_FREQUENCIES),
        (ms, productFamily, extra) => {
          const offered = [...extra, 'triennial' as const];
          const input = {
            term: 'P3Y' as const,
            purchasedAt: new Date(ms),
            offered,
            ...(productFamily === undefined ? {} : { productFamily }),
          };
          expect(eligibleBillingFrequencies(input)).toEqual(['triennial']);
        },
      ),
    );
  });

  it('property: eligibility never grows when offered shrinks', () => {
    fc.assert(
      fc.property(
        term,
        instantMs,
        family,
        subsetOf(BILLING_FREQUENCIES),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (t, ms, productFamily, offered, keep) => {
          const smaller = offered.filter((_, i) => keep[i] === true);
          const fam = productFamily === undefined ? {} : { productFamily };
          const big = eligibleBillingFrequencies({
            term: t,
            purchasedAt: new Date(ms),
            offered,
            ...fam,
          });
          const small = eligibleBillingFrequencies({
            term: t,
            purchasedAt: new Date(ms),
            offered: smaller,
            ...fam,
          });
          const all = eligibleBillingFrequencies({ term: t, purchasedAt: new Date(ms), ...fam });
          for (const f of small) expect(big).toContain(f);
          for (const f of big) expect(all).toContain(f);
          for (const f of small) expect(smaller).toContain(f);
        },
      ),
    );
  });

  it('property: results are in canonical order, never empty without a catalog, and never longer than the term', () => {
    const months = { monthly: 1, annual: 12, triennial: 36, P1M: 1, P1Y: 12, P3Y: 36 } as const;
    fc.assert(
      fc.property(term, instantMs, family, (t, ms, productFamily) => {
        const list = eligibleBillingFrequencies({
          term: t,
          purchasedAt: new Date(ms),
          ...(productFamily === undefined ? {} : { productFamily }),
        });
        expect(list.length).toBeGreaterThan(0);
        expect(BILLING_FREQUENCIES.filter((f) => list.includes(f))).toEqual(list);
        for (const f of list) expect(months[f]).toBeLessThanOrEqual(months[t]);
        // Upfront billing (the frequency equal to the term) is always allowed.
        expect(list).toContain(t === 'P1M' ? 'monthly' : t === 'P1Y' ? 'annual' : 'triennial');
      }),
    );
  });

  it('rejects bad input with CspRuleError', () => {
    const ok = { term: 'P1Y', purchasedAt: '2023-01-01' } as const;
    expectRuleError(
      () => eligibleBillingFrequencies({ ...ok, term: 'P2Y' as never }),
      'invalid_term',
      'term',
    );
    expectRuleError(
      () => eligibleBillingFrequencies({ ...ok, purchasedAt: '2023-01-01T10:00' }),
      'ambiguous_local_time',
      'purchasedAt',
    );
    expectRuleError(
      () => eligibleBillingFrequencies({ ...ok, purchasedAt: new Date(Number.NaN) }),
      'invalid_instant',
      'purchasedAt',
    );
    expectRuleError(
      () => eligibleBillingFrequencies({ ...ok, offered: 'annual' as never }),
      'invalid_input',
      'offered',
    );
    expectRuleError(
      () => eligibleBillingFrequencies({ ...ok, offered: ['annual', 'weekly' as never] }),
      'invalid_billing_frequency',
      'offered[1]',
    );
    expectRuleError(
      () => eligibleBillingFrequencies({ ...ok, productFamily: 7 as never }),
      'invalid_input',
      'productFamily',
    );
    expectRuleError(() => eligibleBillingFrequencies(null as never), 'invalid_input', 'input');
    // The built-in plan rule is in force at any date: before 1970 too.
    expect(eligibleBillingFrequencies({ ...ok, purchasedAt: '1969-12-31T23:59:59Z' })).toEqual(
      eligibleBillingFrequencies({ ...ok, purchasedAt: '2000-01-01' }),
    );
  });

  it('applies a caller policy and checks it', () => {
    const policy: DatedPolicy<BillingPlanRule> = {
      id: 'audit.plans',
      versions: [
        {
          effectiveFrom: '2020-01-01',
          source: 'https://example.com/plans',
          value: {
            byTerm: {
              P1M: ['monthly'],
              P1Y: ['monthly', 'annual', 'triennial'],
              P3Y: ['triennial'],
            },
            familyAdds: { x: ['annual'] },
          },
        },
      ],
    };
    // triennial is longer than P1Y: never applies, whatever the table says.
    expect(eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2020-06-01', policy })).toEqual([
      'monthly',
      'annual',
    ]);
    expect(
      eligibleBillingFrequencies({
        term: 'P3Y',
        purchasedAt: '2020-06-01',
        productFamily: 'x',
        policy,
      }),
    ).toEqual(['annual', 'triennial']);
    expectRuleError(
      () => eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2019-06-01', policy }),
      'policy_not_in_force',
    );
    const bad = (value: unknown): DatedPolicy<BillingPlanRule> => ({
      id: 'bad',
      versions: [
        {
          effectiveFrom: '2020-01-01',
          source: 'https://example.com',
          value: value as BillingPlanRule,
        },
      ],
    });
    expectRuleError(
      () =>
        eligibleBillingFrequencies({
          ...{ term: 'P1Y', purchasedAt: '2021-01-01' },
          policy: bad(null),
        }),
      'invalid_policy',
      'policy.versions[0].value.byTerm',
    );
    expectRuleError(
      () =>
        eligibleBillingFrequencies({
          term: 'P1Y',
          purchasedAt: '2021-01-01',
          policy: bad({ byTerm: { P1M: [], P1Y: [] }, familyAdds: {} }),
        }),
      'invalid_policy',
      'policy.versions[0].value.byTerm.P3Y',
    );
    expectRuleError(
      () =>
        eligibleBillingFrequencies({
          term: 'P1Y',
          purchasedAt: '2021-01-01',
          policy: bad({ byTerm: { P1M: [], P1Y: ['weekly'], P3Y: [] }, familyAdds: {} }),
        }),
      'invalid_policy',
      'policy.versions[0].value.byTerm.P1Y',
    );
    expectRuleError(
      () =>
        eligibleBillingFrequencies({
          term: 'P1Y',
          purchasedAt: '2021-01-01',
          policy: bad({ byTerm: { P1M: [], P1Y: [], P3Y: [] } }),
        }),
      'invalid_policy',
      'policy.versions[0].value.familyAdds',
    );
    expectRuleError(
      () =>
        eligibleBillingFrequencies({
          term: 'P1Y',
          purchasedAt: '2021-01-01',
          policy: bad({
            byTerm: { P1M: [], P1Y: [], P3Y: [] },
            familyAdds: { f: ['constructor'] },
          }),
        }),
      'invalid_policy',
      'policy.versions[0].value.familyAdds.f',
    );
    expectRuleError(
      () =>
        eligibleBillingFrequencies({
          term: 'P1Y',
          purchasedAt: '2021-01-01',
          policy: { id: '', versions: [] },
        }),
      'invalid_policy',
    );
  });

  it('exposes the policy lookup for siblings', () => {
    const { value, rule } = planRuleAtMs(undefined, CUTOFF_MS);
    expect(rule).toEqual({
      id: 'billing.plan_eligibility',
      source: SOURCES.S1.url,
      effectiveFrom: '2021-10-22',
    });
    expect(frequenciesByRule(value, 'P3Y', undefined)).toEqual(['annual', 'triennial']);
  });

  it('gives the same result in every process time zone', () => {
    expect(localOffsetsDiffer()).toBe(true);
    expectSameInEveryTimeZone(() => [
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-22T00:00:00Z' }),
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: new Date(CUTOFF_MS - 1) }),
      billingFrequencyDecision({
        term: 'P3Y',
        purchasedAt: '2021-10-21T22:30:00-02:00',
        billingFrequency: 'annual',
      }),
    ]);
  });
});

describe('billingFrequencyDecision', () => {
  it('allows an eligible, offered frequency and names the rule version applied', () => {
    expect(
      billingFrequencyDecision({
        term: 'P3Y',
        purchasedAt: '2022-01-10T08:00:00Z',
        billingFrequency: 'annual',
        offered: ['annual', 'triennial'],
      }),
    ).toEqual({
      allowed: true,
      reasons: [],
      rules: [
        { id: 'billing.plan_eligibility', source: SOURCES.S1.url, effectiveFrom: '2021-10-22' },
      ],
      billingFrequency: 'annual',
      term: 'P3Y',
      eligible: ['annual', 'triennial'],
      byPolicy: ['annual', 'triennial'],
    });
  });

  it('lists both reasons, policy first, when both fail', () => {
    const d = billingFrequencyDecision({
      term: 'P3Y',
      purchasedAt: '2021-06-01',
      billingFrequency: 'annual',
      offered: ['triennial'],
    });
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([
      {
        code: 'frequency_not_eligible',
        billingFrequency: 'annual',
        term: 'P3Y',
        eligible: ['triennial'],
      },
      { code: 'not_offered_in_catalog', billingFrequency: 'annual', offered: ['triennial'] },
    ]);
    expect(d.rules).toEqual([
      { id: 'billing.plan_eligibility', source: SOURCES.S1.url, effectiveFrom: '0000-01-01' },
    ]);
    expect(d.eligible).toEqual(['triennial']);
  });

  it('refuses monthly for a P1Y SKU unless it is an RDS CAL 2022', () => {
    const base = { term: 'P1Y', purchasedAt: '2024-02-29', billingFrequency: 'monthly' } as const;
    expect(billingFrequencyDecision(base).reasons.map((r) => r.code)).toEqual([
      'frequency_not_eligible',
    ]);
    expect(billingFrequencyDecision({ ...base, productFamily: RDS }).allowed).toBe(true);
  });

  it('property: allowed exactly when eligible contains the frequency, and reasons are empty exactly then', () => {
    fc.assert(
      fc.property(
        term,
        instantMs,
        family,
        fc.option(subsetOf(BILLING_FREQUENCIES), { nil: undefined }),
        frequency,
        (t, ms, productFamily, offered, f) => {
          const input = {
            term: t,
            purchasedAt: new Date(ms),
            billingFrequency: f,
            ...(productFamily === undefined ? {} : { productFamily }),
            ...(offered === undefined ? {} : { offered }),
          };
          const d = billingFrequencyDecision(input);
          expect(d.allowed).toBe(d.reasons.length === 0);
          expect(d.allowed).toBe(d.eligible.includes(f));
          expect(d.eligible).toEqual(eligibleBillingFrequencies(input));
        },
      ),
    );
  });

  it('rejects an unknown frequency', () => {
    expectRuleError(
      () =>
        billingFrequencyDecision({
          term: 'P1Y',
          purchasedAt: '2023-01-01',
          billingFrequency: 'quarterly' as never,
        }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
  });
});
