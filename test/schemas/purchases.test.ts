import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCspRuleError, type SoftwareSubscription } from '../../src/core/index.js';
import { checkPerpetual, checkSubscription } from '../../src/core/internal.js';
import {
  parsePerpetualPurchase,
  parsePurchase,
  parseSoftwareSubscription,
  type SchemaIssue,
  safeParsePerpetualPurchase,
  safeParsePurchase,
  safeParseSoftwareSubscription,
  softwareSubscriptionSchema,
} from '../../src/schemas/index.js';
import { expectRuleError } from '../support/errors.js';
import { nearSubscription, validSubscription } from './support.js';

function coreAccepts(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    return false;
  }
}

const base = {
  kind: 'subscription',
  purchasedAt: '2021-10-15T21:28:19.3058617Z',
  term: 'P3Y',
  billingFrequency: 'annual',
  quantity: 10,
  unitPrice: '250.00',
  currency: 'EUR',
} as const;

describe('software subscriptions', () => {
  it('valid subscriptions parse to themselves', () => {
    fc.assert(
      fc.property(validSubscription, (sub) => {
        expect(parseSoftwareSubscription(sub)).toEqual(sub);
      }),
    );
  });

  it('the schema accepts exactly what the rules accept', () => {
    fc.assert(
      fc.property(nearSubscription, (input) => {
        const result = safeParseSoftwareSubscription(input);
        expect(result.success).toBe(coreAccepts(() => checkSubscription(input)));
        // What parses is what the rules take without any further error.
        if (result.success) checkSubscription(result.data);
      }),
    );
  });

  it('drops unknown keys and undefined values', () => {
    const parsed = parseSoftwareSubscription({ ...base, note: 'x', id: undefined, polluted: 1 });
    expect(parsed).toEqual(base);
    expect(Object.keys(parsed)).not.toContain('id');
  });

  it('keeps the unknown variant for term, billing frequency and status', () => {
    const parsed: SoftwareSubscription = parseSoftwareSubscription({
      ...base,
      term: { unknown: 'P5Y' },
      billingFrequency: { unknown: 'quarterly', note: 'dropped' },
      status: { unknown: 'transferring' },
    });
    expect(parsed.term).toEqual({ unknown: 'P5Y' });
    expect(parsed.billingFrequency).toEqual({ unknown: 'quarterly' });
    expect(parsed.status).toEqual({ unknown: 'transferring' });
  });

  it('reports every problem at once, the first one as the field', () => {
    const result = safeParseSoftwareSubscription({
      ...base,
      purchasedAt: '2021-10-14T10:00',
      quantity: 0,
      currency: 'XYZ',
      autoRenew: 'yes',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.field).toBe('subscription.purchasedAt');
    const issues = result.error.details['issues'] as SchemaIssue[];
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['subscription.purchasedAt', 'ambiguous_local_time'],
      ['subscription.autoRenew', 'invalid_type'],
      ['subscription.quantity', 'too_small'],
      ['subscription.currency', 'unknown_currency'],
    ]);
    expect(issues[1]?.message).toBe('subscription.autoRenew: expected true or false, got "yes"');
    expect(result.error.message).toBe(`${issues[0]?.message} (and 3 more issues)`);
    expect(JSON.parse(JSON.stringify(result.error))).toMatchObject({ code: 'invalid_input' });
  });

  it('one issue: no "more" suffix', () => {
    const r = safeParseSoftwareSubscription({ ...base, term: 'P2Y' });
    expect(r.success ? '' : r.error.message).toBe(
      'subscription.term: expected one of P1M, P1Y, P3Y, or { unknown: "<raw>" } for a value this version does not know, got "P2Y"',
    );
    const two = safeParseSoftwareSubscription({ ...base, term: 'P2Y', quantity: 0 });
    expect(two.success ? '' : two.error.message).toMatch(/\(and 1 more issue\)$/);
  });

  it('throws the same error the safe form returns', () => {
    expectRuleError(() => parseSoftwareSubscription('x'), 'invalid_input', 'subscription');
    const r = safeParseSoftwareSubscription('x');
    expect(r.success ? '' : r.error.message).toBe(
      'subscription: expected a software subscription (an object), got "x"',
    );
  });

  it('the zod schema can be used directly', () => {
    expect(softwareSubscriptionSchema.safeParse(base).success).toBe(true);
  });
});

describe('perpetual purchases and either purchase', () => {
  const perpetual = {
    kind: 'perpetual',
    purchasedAt: '2024-03-01T09:12:44.1234567Z',
    productName: 'SQL Server 2022 Standard',
    orderId: 'TXQ2MZG9VDDB',
    quantity: 2,
    unitPrice: '1859.00',
    currency: 'EUR',
    status: 'completed',
  } as const;

  it('parse, and agree with the rules', () => {
    expect(parsePerpetualPurchase(perpetual)).toEqual(perpetual);
    fc.assert(
      fc.property(
        fc.record(
          {
            kind: fc.constantFrom('perpetual', 'subscription'),
            purchasedAt: fc.constantFrom('2024-03-01', '2024-03-01T10:00', 5),
            quantity: fc.constantFrom(1, 0, 2.5),
            unitPrice: fc.constantFrom('1', '-1', 'x'),
            currency: fc.constantFrom('EUR', 'XYZ'),
            status: fc.constantFrom('completed', 'cancelled', 'Completed', { unknown: 'pending' }),
            orderId: fc.constantFrom('A1', 7),
          },
          { requiredKeys: ['kind', 'purchasedAt', 'quantity', 'unitPrice', 'currency'] },
        ),
        (input) => {
          const result = safeParsePerpetualPurchase(input);
          expect(result.success).toBe(coreAccepts(() => checkPerpetual(input)));
        },
      ),
    );
  });

  it('either shape by kind', () => {
    expect(parsePurchase(perpetual).kind).toBe('perpetual');
    expect(parsePurchase(base).kind).toBe('subscription');
    expectRuleError(
      () => parsePurchase({ ...base, kind: 'lease' }),
      'invalid_input',
      'purchase.kind',
    );
    const r = safeParsePurchase(null);
    expect(r.success ? '' : r.error.message).toBe(
      'purchase: expected a purchase (an object with kind "subscription" or "perpetual"), got null',
    );
    expect(safeParsePurchase({ ...perpetual, quantity: 0 }).success).toBe(false);
  });
});
