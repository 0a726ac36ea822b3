// Pins what earlier tests left unpinned in the cancellation area: the
// `needs` and `rules` facts of a decision, the built-in policies in force at
// any date, the caller's dated policy (boundaries, checks, rule references
// built once), the role-check cache, and every error message.
import { describe, expect, it } from 'vitest';
import {
  type CancellationWindowRule,
  cancellationEffects,
  cancellationWindow,
  evaluateCancellation,
  nonCancellablePublisher,
} from '../../src/cancellation/index.js';
import {
  type SoftwareOrder,
  softwareOrderCancellationRequest,
} from '../../src/cancellation/order/index.js';
import { type DatedPolicy, type PerpetualPurchase, SOURCES } from '../../src/core/index.js';
import { expectRuleError, messageOf } from '../support/errors.js';
import { sub } from './fixtures.js';

function perpetual(over: Partial<PerpetualPurchase> = {}): PerpetualPurchase {
  return {
    kind: 'perpetual',
    purchasedAt: '2022-05-02T08:00:00Z',
    quantity: 1,
    unitPrice: '899.00',
    currency: 'USD',
    ...over,
  };
}

const codes = (d: { reasons: readonly { code: string }[] }) => d.reasons.map((r) => r.code);
const ruleIds = (d: { rules: readonly { id: string }[] }) => d.rules.map((r) => r.id);

const CUSTOMER = { item: 'customer', anyOf: ['name', 'tenantId', 'domain'], known: false };

describe('evaluateCancellation: what the partner needs before cancelling', () => {
  it('subscription without id: the customer and the subscription (id or friendly name), not known', () => {
    const d = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z' });
    expect(d.needs).toEqual([
      CUSTOMER,
      { item: 'subscription', anyOf: ['id', 'friendlyName'], known: false },
    ]);
  });

  it('subscription with id: the subscription is known', () => {
    const d = evaluateCancellation(sub({ id: 'sub-1' }), { asOf: '2023-02-01T00:00:00Z' });
    expect(d.needs).toEqual([
      CUSTOMER,
      { item: 'subscription', anyOf: ['id', 'friendlyName'], known: true },
    ]);
  });

  it('perpetual: product name and order id, each known only when the purchase carries it', () => {
    const asOf = '2022-05-03T00:00:00Z';
    const needs = (over: Partial<PerpetualPurchase>) =>
      evaluateCancellation(perpetual(over), { asOf }).needs;
    const product = (known: boolean) => ({ item: 'product', anyOf: ['productName'], known });
    const order = (known: boolean) => ({ item: 'order', anyOf: ['orderId'], known });
    expect(needs({})).toEqual([CUSTOMER, product(false), order(false)]);
    expect(needs({ productName: 'SQL Server' })).toEqual([CUSTOMER, product(true), order(false)]);
    expect(needs({ orderId: 'ord-1' })).toEqual([CUSTOMER, product(false), order(true)]);
    expect(needs({ productName: 'SQL Server', orderId: 'ord-1' })).toEqual([
      CUSTOMER,
      product(true),
      order(true),
    ]);
  });

  it('the lists are frozen and shared by every decision (no allocation per decision)', () => {
    const a = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z' });
    const b = evaluateCancellation(sub({ purchasedAt: '2021-01-01T00:00:00Z' }), {
      asOf: '2021-01-02T00:00:00Z',
    });
    expect(b.needs).toBe(a.needs);
    expect(Object.isFrozen(a.needs)).toBe(true);
    for (const need of a.needs) {
      expect(Object.isFrozen(need)).toBe(true);
      expect(Object.isFrozen(need.anyOf)).toBe(true);
    }
  });
});

describe('evaluateCancellation: the rules a decision names', () => {
  it('subscription inside its window: the window policy, the publishers rule, the lifecycle rule', () => {
    const d = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(ruleIds(d).slice(0, 2)).toEqual([
      'cancellation.subscription_window',
      'cancellation.non_cancellable_publishers',
    ]);
    expect(d.rules[0]).toEqual({
      id: 'cancellation.subscription_window',
      source: SOURCES.S2.url,
      effectiveFrom: '0000-01-01',
    });
    expect(ruleIds(d)).not.toContain('cancellation.partner_center_deadline');
    expect(ruleIds(d)).not.toContain('cancellation.full_term_billed');
  });

  it("Partner Center's applied deadline adds its rule right after the window policy", () => {
    const d = evaluateCancellation(sub({ cancellationAllowedUntil: '2023-02-03T23:59:00Z' }), {
      asOf: '2023-02-01T00:00:00Z',
    });
    expect(d.window?.source).toBe('partner_center');
    expect(ruleIds(d).slice(0, 3)).toEqual([
      'cancellation.subscription_window',
      'cancellation.partner_center_deadline',
      'cancellation.non_cancellable_publishers',
    ]);
  });

  it('perpetual: exactly the window policy and the publishers rule; closed adds full-term billing', () => {
    const open = evaluateCancellation(perpetual(), { asOf: '2022-05-03T00:00:00Z' });
    expect(ruleIds(open)).toEqual([
      'cancellation.perpetual_window',
      'cancellation.non_cancellable_publishers',
    ]);
    const closed = evaluateCancellation(perpetual(), { asOf: '2022-06-01T08:00:00Z' });
    expect(closed.billedInFull).toBe(true);
    expect(ruleIds(closed)).toEqual([
      'cancellation.perpetual_window',
      'cancellation.non_cancellable_publishers',
      'cancellation.full_term_billed',
    ]);
  });
});

describe('built-in policies are in force at any date (from 0000-01-01): a 1965 purchase', () => {
  const old = perpetual({ purchasedAt: '1965-03-01T10:00:00Z' });

  it('a 1965 perpetual purchase inside its window is allowed, with the publishers rule', () => {
    const d = evaluateCancellation(old, { asOf: '1965-03-02T10:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.window?.closesAt).toEqual(new Date('1965-03-31T10:00:00Z'));
    expect(ruleIds(d)).toEqual([
      'cancellation.perpetual_window',
      'cancellation.non_cancellable_publishers',
    ]);
  });

  it('after its window it is billed in full under the full-term billing rule', () => {
    const d = evaluateCancellation(old, { asOf: '1965-03-31T10:00:00Z' });
    expect(codes(d)).toEqual(['window_closed']);
    expect(d.billedInFull).toBe(true);
    expect(d.rules.at(-1)).toEqual({
      id: 'cancellation.full_term_billed',
      source: SOURCES.S1.url,
      effectiveFrom: '0000-01-01',
    });
  });

  it('cancellationEffects of a 1965 purchase: 100 % credit, 15 minutes', () => {
    const e = cancellationEffects(old, { asOf: '1965-03-02T10:00:00Z' });
    expect(e.creditPercent).toBe(100);
    expect(e.visibleInPartnerCenterBy).toEqual(new Date('1965-03-02T10:15:00Z'));
  });
});

describe('perpetual window facts', () => {
  it('comes from the policy and never ignores a renewal', () => {
    const w = cancellationWindow(perpetual(), { asOf: '2022-05-03T00:00:00Z' });
    expect(w.source).toBe('policy');
    expect(w.renewalCompletedAtIgnored).toBe(false);
    expect(w.partnerCenterDeadline).toBeNull();
  });
});

describe("a caller's dated window policy", () => {
  const policy: DatedPolicy<CancellationWindowRule> = {
    id: 'audit.window',
    versions: [
      { effectiveFrom: '2019-01-01', source: 'https://example.com/2019', value: { days: 60 } },
      { effectiveFrom: '2022-06-01', source: 'https://example.com/2022', value: { days: 10 } },
    ],
  };
  const at = (purchasedAt: string) =>
    cancellationWindow(perpetual({ purchasedAt }), { asOf: purchasedAt, policy });

  it('a term opening exactly at 00:00Z of a version day uses that version', () => {
    expect(at('2022-06-01T00:00:00Z').closesAt).toEqual(new Date('2022-06-11T00:00:00Z'));
    expect(at('2022-05-31T23:59:59.999Z').closesAt).toEqual(new Date('2022-07-30T23:59:59.999Z'));
  });

  it('the first version applies from its own day', () => {
    expect(at('2019-01-01T00:00:00Z').closesAt).toEqual(new Date('2019-03-02T00:00:00Z'));
    expect(() => at('2018-12-31T23:59:59.999Z')).toThrow(
      'policy: no version in force at 2018-12-31T23:59:59.999Z (the first starts 2019-01-01)',
    );
  });

  it('reports its rule references, built once and frozen, for each version', () => {
    const decide = (purchasedAt: string) =>
      evaluateCancellation(perpetual({ purchasedAt }), { asOf: purchasedAt, policy });
    const first = decide('2020-01-01T00:00:00Z');
    const again = decide('2020-02-01T00:00:00Z');
    expect(first.rules[0]).toEqual({
      id: 'audit.window',
      source: 'https://example.com/2019',
      effectiveFrom: '2019-01-01',
    });
    expect(Object.isFrozen(first.rules[0])).toBe(true);
    expect(again.rules[0]).toBe(first.rules[0]);
    const later = decide('2023-01-01T00:00:00Z');
    const later2 = decide('2023-02-01T00:00:00Z');
    expect(later.rules[0]).toEqual({
      id: 'audit.window',
      source: 'https://example.com/2022',
      effectiveFrom: '2022-06-01',
    });
    expect(Object.isFrozen(later.rules[0])).toBe(true);
    expect(later2.rules[0]).toBe(later.rules[0]);
  });

  it('accepts window lengths from 1 to 3660 days', () => {
    const one = {
      id: 'one',
      versions: [{ effectiveFrom: '2020-01-01', source: 's', value: { days: 1 } }],
    };
    const max = {
      id: 'max',
      versions: [{ effectiveFrom: '2020-01-01', source: 's', value: { days: 3660 } }],
    };
    const asOf = '2022-05-02T08:00:00Z';
    expect(cancellationWindow(perpetual(), { asOf, policy: one }).closesAt).toEqual(
      new Date('2022-05-03T08:00:00Z'),
    );
    // 3660 days = 10 years (3653 days, three leap days) + 7 days.
    expect(cancellationWindow(perpetual(), { asOf, policy: max }).closesAt).toEqual(
      new Date('2032-05-09T08:00:00Z'),
    );
  });

  it('rejects any other window length, naming the version', () => {
    const withValue = (value: unknown) => ({
      id: 'bad',
      versions: [{ effectiveFrom: '2020-01-01', source: 's', value }],
    });
    const calls = [null, 7, { days: 0 }, { days: 1.5 }, { days: '7' }, { days: 3661 }].map(
      (value) => () =>
        cancellationWindow(perpetual(), {
          asOf: '2022-05-02T08:00:00Z',
          policy: withValue(value) as never,
        }),
    );
    const msg = 'invalid_policy [policy.versions[0].value.days] policy.versions[0].value.days';
    expect(calls.map(messageOf)).toEqual(
      calls.map(() => `${msg}: expected a whole number of days (1-3660)`),
    );
  });

  it('is checked when given, even when no window is computed (unknown term)', () => {
    const bad = {
      id: 'bad',
      versions: [{ effectiveFrom: '2020-01-01', source: 's', value: { days: 0 } }],
    };
    const unknownTerm = sub({ term: { unknown: 'P5Y' } as never });
    expect(evaluateCancellation(unknownTerm, { asOf: '2023-02-01T00:00:00Z' }).window).toBeNull();
    expectRuleError(
      () => evaluateCancellation(unknownTerm, { asOf: '2023-02-01T00:00:00Z', policy: bad }),
      'invalid_policy',
      'policy.versions[0].value.days',
    );
  });
});

describe('minimumWindowDays', () => {
  it('accepts 1 (a no-op for a 7-day window) and 3660', () => {
    const asOf = '2023-02-01T00:00:00Z';
    expect(cancellationWindow(sub(), { asOf, minimumWindowDays: 1 }).extended).toBe(false);
    expect(cancellationWindow(sub(), { asOf, minimumWindowDays: 3660 }).extended).toBe(true);
  });

  it('pins its message for anything else', () => {
    const calls = [0, 3661, 2.5, '7', null].map(
      (m) => () =>
        cancellationWindow(sub(), { asOf: '2023-02-01T00:00:00Z', minimumWindowDays: m as never }),
    );
    expect(calls.map(messageOf)).toEqual(
      calls.map(
        () =>
          'invalid_option [minimumWindowDays] minimumWindowDays: expected a whole number of days (1-3660)',
      ),
    );
  });
});

describe('the role check of a batch', () => {
  it('the same roles array is checked once: its facts are shared by the decisions', () => {
    const roles = ['SalesAgent', 'Incentive admin'];
    const a = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z', roles });
    const b = evaluateCancellation(sub(), { asOf: '2023-02-02T00:00:00Z', roles });
    expect(a.unknownRoles).toEqual(['Incentive admin']);
    expect(b.unknownRoles).toBe(a.unknownRoles);
    expect(codes(b)).toEqual(['missing_role']);
    expect(b.reasons[0]).toBe(a.reasons[0]);
  });

  it('an array changed in place is checked again', () => {
    const roles = ['SalesAgent', 'Incentive admin'];
    const a = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z', roles });
    roles[0] = 'AdminAgent';
    const b = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z', roles });
    expect(codes(a)).toEqual(['missing_role']);
    expect(b.allowed).toBe(true);
    roles.push('Another unknown');
    const c = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z', roles });
    expect(c.unknownRoles).toEqual(['Incentive admin', 'Another unknown']);
  });

  it('a different array with the same roles gets the same answer', () => {
    const a = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z', roles: ['AdminAgent'] });
    const b = evaluateCancellation(sub(), { asOf: '2023-02-01T00:00:00Z', roles: ['SalesAgent'] });
    expect([a.allowed, b.allowed]).toEqual([true, false]);
  });
});

describe('cancellation error messages', () => {
  it('nonCancellablePublisher and cancellationEffects', () => {
    expect(messageOf(() => nonCancellablePublisher(42 as never))).toBe(
      'invalid_input [publisher] publisher: expected a string',
    );
    expect(cancellationEffects(perpetual(), { asOf: '2022-05-02T07:59:59.999Z' }).reasons).toEqual([
      { code: 'not_started', purchasedAt: new Date('2022-05-02T08:00:00Z') },
    ]);
  });

  it('softwareOrderCancellationRequest: the order and its line items', () => {
    const line = { lineItemNumber: 0, offerId: 'OFFER:0001', quantity: 1 };
    const order = (over: Record<string, unknown> = {}) =>
      ({ id: 'ORD', status: 'completed', lineItems: [line], ...over }) as SoftwareOrder;
    const withLine = (over: Record<string, unknown>) =>
      order({ lineItems: [{ ...line, ...over }] });
    const two = order({
      lineItems: [line, { lineItemNumber: 1, offerId: 'OFFER:0002', quantity: 1 }],
    });
    const calls: (() => unknown)[] = [
      () => softwareOrderCancellationRequest(order({ id: undefined })),
      () => softwareOrderCancellationRequest(order({ id: '  ' })),
      () => softwareOrderCancellationRequest(order({ customerTenantId: 7 })),
      () => softwareOrderCancellationRequest(order({ customerTenantId: 'not-a-guid' })),
      () => softwareOrderCancellationRequest(order({ status: undefined })),
      () => softwareOrderCancellationRequest(order({ status: '' })),
      () => softwareOrderCancellationRequest(order({ status: 'Cancelled' })),
      () => softwareOrderCancellationRequest(order({ lineItems: undefined })),
      () => softwareOrderCancellationRequest(order({ lineItems: [] })),
      () => softwareOrderCancellationRequest(withLine({ lineItemNumber: -1 })),
      () => softwareOrderCancellationRequest(withLine({ lineItemNumber: '0' })),
      () => softwareOrderCancellationRequest(withLine({ offerId: undefined })),
      () => softwareOrderCancellationRequest(withLine({ offerId: '   ' })),
      () => softwareOrderCancellationRequest(withLine({ termDuration: 12 })),
      () => softwareOrderCancellationRequest(withLine({ status: 12 })),
      () => softwareOrderCancellationRequest(order({ lineItems: [line, line] })),
      () => softwareOrderCancellationRequest(withLine({ status: 'cancelled' })),
      () => softwareOrderCancellationRequest(two, []),
      () => softwareOrderCancellationRequest(two, [0, 5]),
      () => softwareOrderCancellationRequest(two, [0, '1' as never]),
      () =>
        softwareOrderCancellationRequest(
          order({ lineItems: [line, { ...line, lineItemNumber: 1, status: 'cancelled' }] }),
          [0, 1],
        ),
      () => softwareOrderCancellationRequest(two, [1, 1]),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [order.id] order.id: expected a non-empty string",
        "invalid_input [order.id] order.id: expected a non-empty string",
        "invalid_input [order.customerTenantId] order.customerTenantId: expected a string",
        "invalid_input [order.customerTenantId] order.customerTenantId: expected a GUID",
        "invalid_input [order.status] order.status: expected a string such as "completed"",
        "invalid_input [order.status] order.status: expected a string such as "completed"",
        "invalid_input [order.status] order.status: the order is already cancelled",
        "invalid_input [order.lineItems] order.lineItems: expected at least one line item",
        "invalid_input [order.lineItems] order.lineItems: expected at least one line item",
        "invalid_input [order.lineItems[0].lineItemNumber] order.lineItems[0].lineItemNumber: expected a whole number from 0",
        "invalid_input [order.lineItems[0].lineItemNumber] order.lineItems[0].lineItemNumber: expected a whole number from 0",
        "invalid_input [order.lineItems[0].offerId] order.lineItems[0].offerId: expected a non-empty string",
        "invalid_input [order.lineItems[0].offerId] order.lineItems[0].offerId: expected a non-empty string",
        "invalid_input [order.lineItems[0].termDuration] order.lineItems[0].termDuration: expected a string",
        "invalid_input [order.lineItems[0].status] order.lineItems[0].status: expected a string",
        "duplicate_id [order.lineItems[1].lineItemNumber] order.lineItems[1]: line item number repeated",
        "invalid_input [order.lineItems] order.lineItems: every line item is already cancelled",
        "invalid_input [lineItems] lineItems: expected at least one line item number",
        "invalid_input [lineItems[1]] lineItems[1]: not a line item number of this order",
        "invalid_input [lineItems[1]] lineItems[1]: not a line item number of this order",
        "invalid_input [lineItems[1]] lineItems[1]: line item already cancelled",
        "duplicate_id [lineItems[1]] lineItems[1]: line item number repeated",
      ]
    `);
  });
});
