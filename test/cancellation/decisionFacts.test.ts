// What a partner needs before cancelling, the rules each kind of decision
// reports, the time left at the closing instant, and the publishers whose
// software cannot be cancelled: pinned exactly.
import { describe, expect, it } from 'vitest';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import { P1Y_MONTHLY } from './fixtures.js';

const sub = P1Y_MONTHLY;
const perpetual = {
  kind: 'perpetual',
  purchasedAt: '2022-03-01T09:30:00Z',
  quantity: 1,
  unitPrice: '1',
  currency: 'EUR',
} as const;
const asOf = '2022-03-02T00:00:00Z';
const customer = { item: 'customer', anyOf: ['name', 'tenantId', 'domain'], known: false };
const rule = (id: string, source: string, effectiveFrom = '0000-01-01') => ({
  id,
  source: `https://learn.microsoft.com/partner-center/${source}`,
  effectiveFrom,
});
const WINDOW = rule(
  'cancellation.subscription_window',
  'customers/new-commerce-cancellation-policy',
);
const DEADLINE = rule('cancellation.partner_center_deadline', 'developer/subscription-resources');
const PUBLISHERS = rule(
  'cancellation.non_cancellable_publishers',
  'customers/csp-software-subscriptions',
);
const LIFECYCLE = rule(
  'lifecycle.purchase_date_visibility',
  'customers/csp-software-subscriptions',
  '2021-10-14',
);
const FULL_TERM = rule('cancellation.full_term_billed', 'customers/csp-software-subscriptions');

describe('what a partner needs before cancelling', () => {
  const cases: [string, object, object[]][] = [
    [
      'a subscription without id',
      sub,
      [customer, { item: 'subscription', anyOf: ['id', 'friendlyName'], known: false }],
    ],
    [
      'a subscription with its id',
      { ...sub, id: 's' },
      [customer, { item: 'subscription', anyOf: ['id', 'friendlyName'], known: true }],
    ],
    [
      'perpetual software, nothing known',
      perpetual,
      [
        customer,
        { item: 'product', anyOf: ['productName'], known: false },
        { item: 'order', anyOf: ['orderId'], known: false },
      ],
    ],
    [
      'perpetual software with its product name',
      { ...perpetual, productName: 'x' },
      [
        customer,
        { item: 'product', anyOf: ['productName'], known: true },
        { item: 'order', anyOf: ['orderId'], known: false },
      ],
    ],
    [
      'perpetual software with its order id',
      { ...perpetual, orderId: 'o' },
      [
        customer,
        { item: 'product', anyOf: ['productName'], known: false },
        { item: 'order', anyOf: ['orderId'], known: true },
      ],
    ],
    [
      'perpetual software with both',
      { ...perpetual, productName: 'x', orderId: 'o' },
      [
        customer,
        { item: 'product', anyOf: ['productName'], known: true },
        { item: 'order', anyOf: ['orderId'], known: true },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, purchase, needs) => {
    const d = evaluateCancellation(purchase as never, { asOf });
    expect(d.needs).toEqual(needs);
    expect(Object.isFrozen(d.needs)).toBe(true);
  });
});

describe('the rules a decision reports', () => {
  it('an open window by the policy', () => {
    const d = evaluateCancellation(sub, { asOf });
    expect(d.allowed).toBe(true);
    expect(d.rules).toEqual([WINDOW, PUBLISHERS, LIFECYCLE]);
  });
  it('a window closed by Partner Center deadline, then the policy alone', () => {
    const withDeadline = { ...sub, cancellationAllowedUntil: '2022-03-08T09:30:00Z' };
    expect(evaluateCancellation(withDeadline, { asOf }).rules).toEqual([
      WINDOW,
      DEADLINE,
      PUBLISHERS,
      LIFECYCLE,
    ]);
    expect(evaluateCancellation(sub, { asOf }).rules).toEqual([WINDOW, PUBLISHERS, LIFECYCLE]);
  });
  it('a closed window adds the full-term billing rule, an open one never does', () => {
    const closed = evaluateCancellation(sub, { asOf: '2022-04-01' });
    expect(closed.billedInFull).toBe(true);
    expect(closed.rules).toEqual([WINDOW, PUBLISHERS, LIFECYCLE, FULL_TERM]);
    const cancelled = evaluateCancellation({ ...sub, status: 'cancelled' }, { asOf: '2022-04-01' });
    expect(cancelled.billedInFull).toBe(false);
    expect(cancelled.rules).toEqual([WINDOW, PUBLISHERS, LIFECYCLE]);
  });
  it('time remaining is zero at the closing instant and after', () => {
    const closesAt = evaluateCancellation(sub, { asOf }).window?.closesAt as Date;
    const at = evaluateCancellation(sub, { asOf: closesAt });
    expect(at.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 0 });
    const before = evaluateCancellation(sub, { asOf: new Date(closesAt.getTime() - 1) });
    expect(before.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 1 });
  });
});

describe('publishers whose software cannot be cancelled', () => {
  it.each([
    ['Red Hat, Inc.', 'Red Hat'],
    ['RED-HAT', 'Red Hat'],
    ['SUSE LLC', 'SUSE'],
    ['suse', 'SUSE'],
    ['SUSE Software Solutions Germany GmbH', 'SUSE'],
    ['SUSE Software Solutions', 'SUSE'],
    ['Susex Ltd', null],
    ['Microsoft Corporation', null],
    ['Inc.', null],
  ])('%s → %s', (publisher, matched) => {
    const d = evaluateCancellation({ ...sub, publisher }, { asOf });
    const reason = d.reasons.find((r) => r.code === 'non_cancellable_publisher');
    expect(reason === undefined ? null : (reason as { matched: string }).matched).toBe(matched);
  });
});
