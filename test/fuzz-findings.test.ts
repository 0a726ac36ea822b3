// The fuzz's findings outside core, fixed (issue 10): one explicit case each,
// with the error a caller now gets instead of a TypeError, a hang or a leak.
// Outside test/fuzz so mutation testing runs it (the fuzzers are left out there).
import { describe, expect, it } from 'vitest';
import { activityLogQuery, authorize, keysAndDownloadsView } from '../src/access/index.js';
import { activationMethodFor, kmsActivationExpiry } from '../src/activation/index.js';
import { eligibleBillingFrequencies } from '../src/billing/index.js';
import { cancellationEffects } from '../src/cancellation/index.js';
import { softwareOrderCancellationRequest } from '../src/cancellation/order/index.js';
import { explain, explainReason } from '../src/explain/index.js';
import {
  softwareSubscriptionVisibility,
  subscriptionStatusOn,
  termDates,
} from '../src/lifecycle/index.js';
import { invoiceFor } from '../src/refunds/index.js';
import { order, perpetual, subscription } from './fuzz/fixtures.js';
import { expectRuleError } from './support/errors.js';

const many = (n: number, v: unknown) => new Array(n).fill(v);

describe('arrays are bounded and dense', () => {
  it('access: roles, types and selector options', () => {
    expect(authorize('cancel', many(1000, 'AdminAgent')).allowed).toBe(true);
    expectRuleError(() => authorize('cancel', many(1001, 'AdminAgent')), 'invalid_input', 'roles');
    expectRuleError(
      () =>
        activityLogQuery({ from: '2021-10-01', to: '2021-10-31', types: many(101, 'download') }),
      'invalid_input',
      'query.types',
    );
    expect(
      activityLogQuery({ from: '2021-10-01', to: '2021-10-31', types: many(100, 'download') })
        .types,
    ).toEqual(['download']);
    expectRuleError(
      () => keysAndDownloadsView({ name: 'SQL Server', versions: many(1001, '2019') }),
      'invalid_input',
      'product.versions',
    );
  });
  it('billing: a catalog list of more than 100 frequencies', () => {
    const sku = { term: 'P1Y', purchasedAt: '2023-05-02' };
    expect(eligibleBillingFrequencies({ ...sku, offered: many(100, 'annual') } as never)).toEqual([
      'annual',
    ]);
    expectRuleError(
      () => eligibleBillingFrequencies({ ...sku, offered: many(101, 'annual') } as never),
      'invalid_input',
    );
  });
  it('cancellation: line items of an order and of the request', () => {
    expectRuleError(
      () => softwareOrderCancellationRequest(order() as never, many(10_001, 1)),
      'invalid_input',
      'lineItems',
    );
    const big = { ...order(), lineItems: many(10_001, {}) };
    expectRuleError(
      () => softwareOrderCancellationRequest(big as never),
      'invalid_input',
      'order.lineItems',
    );
  });
  it('explain: reasons are bounded; data arrays are read without their holes', () => {
    expectRuleError(
      () =>
        explain({ allowed: false, reasons: many(10_001, { code: 'expired' }), rules: [] } as never),
      'invalid_input',
      'decision.reasons',
    );
    const roles: unknown[] = new Array(3);
    roles[2] = 'AdminAgent';
    const text = explainReason({
      code: 'missing_role',
      action: 'cancel',
      requiredRoles: roles,
    } as never).text;
    expect(text).not.toContain('undefined');
    expect(text).toContain('Admin agent');
  });
});

describe('values that reached a TypeError or a caller trap', () => {
  it('activation: "__proto__" and "constructor" are not channels', () => {
    for (const channel of ['__proto__', 'constructor', 'toString']) {
      expectRuleError(() => activationMethodFor(channel as never), 'unknown_channel', 'channel');
    }
  });
  it('cancellation: an order id with a lone surrogate cannot go into a URL', () => {
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order(), id: 'TXQ\ud800' } as never),
      'invalid_input',
      'order.id',
    );
    const paired = softwareOrderCancellationRequest({ ...order(), id: 'TXQ\ud83d\ude00' } as never);
    expect(paired.path).toContain(encodeURIComponent('\ud83d\ude00'));
  });
  it('instants near the end of the Date range are refused before any date is computed', () => {
    expectRuleError(
      () => cancellationEffects(perpetual() as never, { asOf: new Date(8.64e15) }),
      'invalid_instant',
      'asOf',
    );
    expectRuleError(
      () => kmsActivationExpiry({ lastRenewalAt: new Date(8.64e15) }),
      'invalid_instant',
      'lastRenewalAt',
    );
    // Late instants inside the range still compute.
    expect(
      kmsActivationExpiry({ lastRenewalAt: '9999-01-01T00:00:00Z' }).lapsesAt.toISOString(),
    ).toBe('9999-06-30T00:00:00.000Z');
  });
  it('lifecycle: a term that would end after 9999-12-31 is invalid_range', () => {
    expect(termDates({ purchasedAt: '9996-01-01', term: 'P3Y', termIndex: 0 }).end).toBe(
      '9998-12-31',
    );
    expect(() => termDates({ purchasedAt: '9996-01-01', term: 'P3Y', termIndex: 1 })).toThrow(
      'result: the computed day is outside years 0000-9999',
    );
  });
  it('refunds: December 9999 has no invoice month to land on', () => {
    expect(invoiceFor('9999-11-30T23:59:59Z').availableBy).toBe('9999-12-08');
    expectRuleError(() => invoiceFor('9999-12-31T23:59:59.9999999Z'), 'invalid_range', 'result');
  });
  it('lifecycle: a purchase before 1970 is answered by the purchase-date table (in force at any date)', () => {
    expect(softwareSubscriptionVisibility('1969-12-31T23:59:59Z').subscriptionsPage).toBe(false);
    expect(
      subscriptionStatusOn(subscription({ purchasedAt: '1969-12-31' }) as never, {
        asOf: '1970-02-01',
      }).legacy,
    ).toBe(true);
    expect(softwareSubscriptionVisibility('1970-01-01').subscriptionsPage).toBe(false);
  });
});
