import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CspRuleError,
  type DatedPolicy,
  decide,
  definePolicy,
  frequencyMonths,
  isCspRuleError,
  isUnknownValue,
  parseBillingFrequency,
  parseQuantity,
  parseTerm,
  policyInForce,
  SOURCES,
  termMonths,
  upfrontFrequency,
} from '../../src/core/index.js';
import {
  checkPerpetual,
  checkPurchase,
  checkSubscription,
  decision,
  inForceAtMs,
  policyAtMs,
} from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';
import { SUBSCRIPTION } from './fixtures.js';

const policy = definePolicy({
  id: 'test.window',
  versions: [
    { effectiveFrom: '2019-01-01', source: SOURCES.S2.url, value: 60 },
    { effectiveFrom: '2021-09-01', source: SOURCES.S2.url, value: 30 },
    { effectiveFrom: '2022-03-01', source: SOURCES.S2.url, value: 7 },
  ],
});

describe('dated policies', () => {
  it('picks the version in force, boundaries in UTC', () => {
    expect(policyInForce(policy, '2021-08-31T23:59:59.999Z')?.value).toBe(60);
    expect(policyInForce(policy, '2021-09-01T00:00:00Z')?.value).toBe(30);
    expect(policyInForce(policy, '2021-09-01T01:00:00+02:00')?.value).toBe(60);
    expect(policyInForce(policy, '2030-01-01')?.rule).toEqual({
      id: 'test.window',
      source: SOURCES.S2.url,
      effectiveFrom: '2022-03-01',
    });
    expect(policyInForce(policy, '2018-12-31')).toBeUndefined();
  });

  it('refuses malformed policies where they are written', () => {
    expectRuleError(() => definePolicy(null as never), 'invalid_policy', 'policy');
    expectRuleError(
      () => definePolicy({ id: '', versions: [] } as never),
      'invalid_policy',
      'policy.id',
    );
    expectRuleError(
      () => definePolicy({ id: 'x', versions: [] }),
      'invalid_policy',
      'policy.versions',
    );
    expectRuleError(
      () =>
        definePolicy({
          id: 'x',
          versions: [{ effectiveFrom: '2021-02-30', source: 's', value: 1 }],
        }),
      'invalid_policy',
    );
    expectRuleError(
      () => definePolicy({ id: 'x', versions: [{ effectiveFrom: 'soon', source: 's', value: 1 }] }),
      'invalid_policy',
      'policy.versions[0].effectiveFrom',
    );
    expectRuleError(
      () =>
        definePolicy({
          id: 'x',
          versions: [{ effectiveFrom: '2021-01-01', source: '', value: 1 }],
        }),
      'invalid_policy',
      'policy.versions[0].source',
    );
    expectRuleError(
      () =>
        definePolicy({
          id: 'x',
          versions: [
            { effectiveFrom: '2021-01-01', source: 's', value: 1 },
            { effectiveFrom: '2021-01-01', source: 's', value: 2 },
          ],
        }),
      'invalid_policy',
      'policy.versions[1].effectiveFrom',
    );
  });

  it('policyAtMs: the version in force from its first day, none before the first', () => {
    const at = (iso: string) => policyAtMs(policy, Date.parse(iso))?.rule.effectiveFrom;
    expect(at('2018-12-31T23:59:59.999Z')).toBeUndefined();
    expect(policy.versions.map((v) => at(`${v.effectiveFrom}T00:00:00Z`))).toEqual(
      policy.versions.map((v) => v.effectiveFrom),
    );
    expect(policyAtMs(policy, Number.POSITIVE_INFINITY)?.value).toBe(7);
    expectRuleError(
      () => policyAtMs({ id: '', versions: [] }, 0, undefined, 'options.policy'),
      'invalid_policy',
      'options.policy.id',
    );
  });

  it('the version in force never goes back in time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 17_897, max: 25_000 }),
        fc.integer({ min: 0, max: 3000 }),
        (day, later) => {
          const a = policyInForce(policy, new Date(day * 86_400_000))?.rule.effectiveFrom ?? '';
          const b = policyInForce(policy, new Date((day + later) * 86_400_000))?.rule.effectiveFrom;
          expect(a <= (b ?? '')).toBe(true);
        },
      ),
    );
  });
});

describe('decisions', () => {
  it('allowed is derived from reasons (property)', () => {
    // Codes are snake_case (issue 27: decide refuses any other).
    const code = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:_[a-z0-9]{1,8}){0,3}$/);
    fc.assert(
      fc.property(fc.array(fc.record({ code }), { maxLength: 4 }), (reasons) => {
        const d = decide(reasons, [], { x: 1 });
        expect(d.allowed).toBe(reasons.length === 0);
        expect(d.x).toBe(1);
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
        // The library's own rules build theirs without decide's checks, to the same result.
        expect(decision(reasons, [], { x: 1 })).toEqual(d);
      }),
    );
  });
});

describe('CspRuleError', () => {
  it('carries code, field, details and serialises', () => {
    const e = new CspRuleError('unknown_market', 'Unknown market "QQ"', {
      field: 'market',
      details: { market: 'QQ' },
      cause: new Error('inner'),
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CspRuleError');
    expect(e.cause).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'CspRuleError',
      code: 'unknown_market',
      field: 'market',
      message: 'Unknown market "QQ"',
      details: { market: 'QQ' },
    });
    expect(new CspRuleError('invalid_input', 'm', { field: 'f' }).details).toEqual({});
  });

  it('is recognised by brand, not by class identity', () => {
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('csp-software-rules.CspRuleError')]: true,
    });
    expect(isCspRuleError(foreign)).toBe(true);
    expect(isCspRuleError({})).toBe(false);
    expect(isCspRuleError(null)).toBe(false);
    expect(isCspRuleError('CspRuleError')).toBe(false);
  });
});

describe('terms, frequencies, quantities', () => {
  it('reads exact spellings only', () => {
    expect(parseTerm('P1M')).toBe('P1M');
    expect(termMonths('P1Y')).toBe(12);
    expect(frequencyMonths('triennial')).toBe(36);
    expect(upfrontFrequency('P1M')).toBe('monthly');
    expect(upfrontFrequency('P1Y')).toBe('annual');
    expect(parseBillingFrequency('monthly')).toBe('monthly');
    expectRuleError(() => parseTerm('p1y'), 'invalid_term', 'term');
    expectRuleError(() => termMonths('P2Y' as never), 'invalid_term');
    expectRuleError(
      () => parseBillingFrequency('Annual'),
      'invalid_billing_frequency',
      'billingFrequency',
    );
    expectRuleError(() => frequencyMonths('none' as never), 'invalid_billing_frequency');
  });

  it('quantities are whole numbers of at least one', () => {
    expect(parseQuantity(1)).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN, '3', null, 2 ** 60]) {
      expectRuleError(() => parseQuantity(bad), 'invalid_quantity', 'quantity');
    }
  });
});

describe('purchase guards', () => {
  const sub = SUBSCRIPTION;

  it('normalises a subscription and records unknown Partner Center values', () => {
    const c = checkSubscription({
      ...sub,
      status: { unknown: 'migrating' },
      term: { unknown: 'P5Y' },
    });
    expect(c.purchasedMs).toBe(Date.UTC(2022, 0, 31, 10));
    expect(c.term).toBeUndefined();
    expect(c.status).toBeUndefined();
    expect(c.unknownFields).toEqual([
      { field: 'subscription.status', raw: 'migrating' },
      { field: 'subscription.term', raw: 'P5Y' },
    ]);
    expect(isUnknownValue({ unknown: 'x' })).toBe(true);
    expect(checkSubscription({ ...sub, status: 'suspended', autoRenew: false }).status).toBe(
      'suspended',
    );
  });

  it('names the offending field', () => {
    expectRuleError(() => checkSubscription(null), 'invalid_input', 'subscription');
    expectRuleError(
      () => checkSubscription({ ...sub, kind: 'perpetual' }),
      'invalid_input',
      'subscription.kind',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, quantity: 0 }),
      'invalid_quantity',
      'subscription.quantity',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, unitPrice: '-1' }),
      'invalid_decimal',
      'subscription.unitPrice',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, currency: 'XYZ' }),
      'unknown_currency',
      'subscription.currency',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, status: 'gone' }),
      'invalid_input',
      'subscription.status',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, autoRenew: 'yes' }),
      'invalid_input',
      'subscription.autoRenew',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, publisher: 1 }),
      'invalid_input',
      'subscription.publisher',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, purchasedAt: '2022-01-31T10:00' }),
      'ambiguous_local_time',
      'subscription.purchasedAt',
    );
    expectRuleError(
      () => checkSubscription({ ...sub, cancellationAllowedUntil: 'x' }),
      'invalid_instant',
      'subscription.cancellationAllowedUntil',
    );
  });

  it('normalises perpetual purchases and dispatches on kind', () => {
    const p = {
      kind: 'perpetual',
      purchasedAt: '2022-01-31',
      quantity: 1,
      unitPrice: 100,
      currency: 'JPY',
    };
    expect(checkPerpetual(p).exponent).toBe(0);
    expect(checkPerpetual({ ...p, status: { unknown: 'refunding' } }).unknownFields).toEqual([
      { field: 'purchase.status', raw: 'refunding' },
    ]);
    expect(checkPerpetual({ ...p, status: 'cancelled' }).status).toBe('cancelled');
    expect(checkPurchase(p).kind).toBe('perpetual');
    expect(checkPurchase(sub).kind).toBe('subscription');
    expectRuleError(() => checkPurchase({ ...p, kind: 'lease' }), 'invalid_input', 'purchase.kind');
    expectRuleError(() => checkPerpetual(sub), 'invalid_input', 'purchase.kind');
    expectRuleError(
      () => checkPerpetual({ ...p, status: 'open' }),
      'invalid_input',
      'purchase.status',
    );
  });
});

describe('the lookup every rule area uses (inForceAtMs)', () => {
  const policy: DatedPolicy<number> = {
    id: 'test.two-versions',
    versions: [
      { effectiveFrom: '2020-01-01', source: 'https://example.com/a', value: 1 },
      { effectiveFrom: '2022-01-01', source: 'https://example.com/b', value: 2 },
    ],
  };

  it('picks the version in force, built once and shared by every lookup', () => {
    expect(inForceAtMs(policy, Date.UTC(2021, 0, 1)).value).toBe(1);
    expect(inForceAtMs(policy, Date.UTC(2022, 0, 1) - 1).value).toBe(1);
    expect(inForceAtMs(policy, Date.UTC(2022, 0, 1)).rule).toEqual({
      id: 'test.two-versions',
      source: 'https://example.com/b',
      effectiveFrom: '2022-01-01',
    });
    expect(inForceAtMs(policy, Date.UTC(2023, 0, 1))).toBe(
      inForceAtMs(policy, Date.UTC(2022, 5, 1)),
    );
    expect(Object.isFrozen(inForceAtMs(policy, Date.UTC(2023, 0, 1)).rule)).toBe(true);
  });

  it("refuses a caller's table that does not cover the instant, naming the caller's field", () => {
    expect(policyAtMs(policy, Date.UTC(2019, 11, 31, 23, 59, 59, 999))).toBeUndefined();
    expectRuleError(
      () => inForceAtMs(policy, Date.UTC(2019, 0, 1), undefined, 'options.policy'),
      'policy_not_in_force',
      'options.policy',
    );
  });
});
