// The whole lifecycle, with the durations of Microsoft's "Subscription
// lifecycle states" (08/04/2023) quoted in the test names.
import { fc, it as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { SOURCES } from '../../src/core/index.js';
import { SUBSCRIPTION_LIFECYCLE_POLICY, subscriptionLifecycle } from '../../src/lifecycle/index.js';
import { checkedLifecyclePolicy } from '../../src/lifecycle/lifecyclePolicy.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const sub: SoftwareSubscription = {
  kind: 'subscription',
  id: 'sub-1',
  purchasedAt: '2024-01-10T09:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 5,
};
const states = (l: ReturnType<typeof subscriptionLifecycle>) =>
  l.timeline.map((s) => [s.state, s.from, s.until]);

describe('subscriptionLifecycle: new commerce', () => {
  it('the policy is valid and cites the lifecycle page', () => {
    expect(checkedLifecyclePolicy()).toBe(SUBSCRIPTION_LIFECYCLE_POLICY);
    expect(SUBSCRIPTION_LIFECYCLE_POLICY.versions[0]?.source).toBe(SOURCES.S10.url);
  });

  it('active and renewing: billed, everyone has access, no dated end', () => {
    const l = subscriptionLifecycle(sub, { asOf: '2024-06-01' });
    expect([l.state, l.source, l.forecast, l.since, l.next]).toEqual([
      'active',
      'forecast',
      'active',
      '2024-01-10',
      null,
    ]);
    expect([l.users, l.admins, l.billed, l.canCancel, l.canRenew, l.canReactivate]).toEqual([
      'full',
      'full',
      true,
      true,
      true,
      false,
    ]);
    expect(l.rules.map((r) => r.id)).toEqual([
      'lifecycle.subscription_states',
      'lifecycle.purchase_date_visibility',
    ]);
  });

  it('"expired ... 30 days", users keep access, not billed; then "90-day disabled state", admins only; then deleted', () => {
    const off = { ...sub, autoRenew: false };
    const before = subscriptionLifecycle(off, { asOf: '2024-06-01' });
    expect(states(before)).toEqual([
      ['active', '2024-01-10', '2025-01-09'],
      ['expired', '2025-01-10', '2025-02-08'],
      ['disabled', '2025-02-09', '2025-05-09'],
      ['deleted', '2025-05-10', null],
    ]);
    expect(before.next).toEqual({ state: 'expired', on: '2025-01-10' });
    const expired = subscriptionLifecycle(off, { asOf: '2025-02-08T23:59:59Z' });
    expect([expired.state, expired.users, expired.admins, expired.billed]).toEqual([
      'expired',
      'full',
      'full',
      false,
    ]);
    const disabled = subscriptionLifecycle(off, { asOf: '2025-02-09' });
    expect([disabled.state, disabled.users, disabled.admins]).toEqual([
      'disabled',
      'none',
      'data_only',
    ]);
    expect(subscriptionLifecycle(off, { asOf: '2025-05-10' }).state).toBe('deleted');
    expect(subscriptionLifecycle(off, { asOf: '2030-01-01' }).next).toBeNull();
  });

  it('"Suspending a new commerce subscription turns off autorenew": suspended, still billed, can be reactivated; the term ends in "this 30-day disabled state", then the 90 days', () => {
    const s = { ...sub, status: 'suspended', suspendedAt: '2024-03-01T12:00:00Z' } as const;
    const l = subscriptionLifecycle(s, { asOf: '2024-06-01' });
    expect([l.state, l.source, l.since, l.billed, l.users, l.canReactivate]).toEqual([
      'suspended',
      'partner_center',
      '2024-03-01',
      true,
      'none',
      true,
    ]);
    expect(states(l)).toEqual([
      ['suspended', '2024-03-01', '2025-01-09'],
      ['disabled', '2025-01-10', '2025-05-09'],
      ['deleted', '2025-05-10', null],
    ]);
    // Option: the Suspended section's "moves to the expired state".
    expect(
      states(subscriptionLifecycle(s, { asOf: '2024-06-01', suspendedTermEndsIn: 'expired' })),
    ).toEqual([
      ['suspended', '2024-03-01', '2025-01-09'],
      ['expired', '2025-01-10', '2025-02-08'],
      ['disabled', '2025-02-09', '2025-05-09'],
      ['deleted', '2025-05-10', null],
    ]);
  });

  it('a cancelled subscription goes straight to deleted, with 7 days for admins to back up', () => {
    const l = subscriptionLifecycle(
      { ...sub, status: 'cancelled' },
      { asOf: '2024-01-12', cancelledAt: '2024-01-11T10:00:00Z' },
    );
    expect(states(l)).toEqual([
      ['cancelled', '2024-01-11', '2024-01-17'],
      ['deleted', '2024-01-18', null],
    ]);
    expect([l.users, l.admins, l.canCancel]).toEqual(['none', 'backup_only', false]);
    const unknown = subscriptionLifecycle({ ...sub, status: 'cancelled' }, { asOf: '2024-01-12' });
    expect([unknown.since, unknown.next]).toEqual([null, null]);
  });

  it("Partner Center's status wins over the dates, and the forecast is kept beside it", () => {
    const l = subscriptionLifecycle(
      { ...sub, autoRenew: false, status: 'active' },
      {
        asOf: '2025-01-20',
      },
    );
    // Autorenew off now, active in the second term: it renewed before autorenew was turned off.
    expect([l.state, l.forecast, l.source]).toEqual(['active', 'expired', 'partner_center']);
    expect(l.disagreements).toEqual([
      { field: 'status', partnerCenter: 'active', forecast: 'expired' },
    ]);
    expect(states(l)).toEqual([
      ['active', '2025-01-10', '2026-01-09'],
      ['expired', '2026-01-10', '2026-02-08'],
      ['disabled', '2026-02-09', '2026-05-09'],
      ['deleted', '2026-05-10', null],
    ]);
    const disabled = subscriptionLifecycle(
      { ...sub, autoRenew: false, status: 'disabled' },
      {
        asOf: '2025-01-20',
      },
    );
    expect([disabled.state, disabled.forecast]).toEqual(['disabled', 'expired']);
    expect(disabled.disagreements).toEqual([
      { field: 'status', partnerCenter: 'disabled', forecast: 'expired' },
    ]);
    expect(disabled.timeline[0]).toMatchObject({ state: 'disabled', from: '2025-02-09' });
    expect(subscriptionLifecycle({ ...sub, status: 'deleted' }, { asOf: '2024-02-01' }).state).toBe(
      'deleted',
    );
  });

  it('pending before the purchase instant', () => {
    const l = subscriptionLifecycle(sub, { asOf: '2024-01-10T08:59:59Z' });
    expect([l.state, l.next]).toEqual(['pending', { state: 'active', on: '2024-01-10' }]);
  });
});

describe('subscriptionLifecycle: legacy (before 2021-10-14)', () => {
  const legacy = { ...sub, purchasedAt: '2021-06-01T10:00:00Z' };

  it('expires on the end date set at purchase', () => {
    expect(states(subscriptionLifecycle(legacy, { asOf: '2021-07-01' }))).toEqual([
      ['active', '2021-06-01', '2022-05-31'],
      ['expired', '2022-06-01', null],
    ]);
  });

  it('suspended: not billed, "deleted after 90 days" (option: "by the term\'s end")', () => {
    const s = { ...legacy, status: 'suspended', suspendedAt: '2021-09-01' } as const;
    const l = subscriptionLifecycle(s, { asOf: '2021-09-10' });
    expect(l.billed).toBe(false);
    expect(states(l)).toEqual([
      ['suspended', '2021-09-01', '2021-11-29'],
      ['deleted', '2021-11-30', null],
    ]);
    expect(
      states(subscriptionLifecycle(s, { asOf: '2021-09-10', legacySuspendedDeletion: 'term_end' })),
    ).toEqual([
      ['suspended', '2021-09-01', '2022-05-31'],
      ['deleted', '2022-06-01', null],
    ]);
  });
});

describe('subscriptionLifecycle: properties and errors', () => {
  prop.prop([
    fc.integer({ min: Date.UTC(2021, 9, 14), max: Date.UTC(2030, 0, 1) }),
    fc.integer({ min: 0, max: 3 * 366 * 86_400_000 }),
    fc.boolean(),
  ])('the timeline is ordered, contiguous, and starts with the state at asOf', (p, dt, renew) => {
    const s = { ...sub, purchasedAt: new Date(p), autoRenew: renew };
    const l = subscriptionLifecycle(s, { asOf: new Date(p + dt) });
    expect(l.timeline[0]?.state).toBe(l.state);
    for (let i = 1; i < l.timeline.length; i++) {
      const prev = l.timeline[i - 1]?.until as string;
      const next = new Date(`${l.timeline[i]?.from}T00:00:00Z`).getTime();
      expect(next - new Date(`${prev}T00:00:00Z`).getTime()).toBe(86_400_000);
    }
  });

  it('refuses bad options with invalid_option', () => {
    expectRuleError(
      () => subscriptionLifecycle(sub, { asOf: '2024-02-01', suspendedTermEndsIn: 'x' as never }),
      'invalid_option',
      'options.suspendedTermEndsIn',
    );
    expectRuleError(
      () =>
        subscriptionLifecycle(sub, { asOf: '2024-02-01', legacySuspendedDeletion: 'x' as never }),
      'invalid_option',
      'options.legacySuspendedDeletion',
    );
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      subscriptionLifecycle({ ...sub, autoRenew: false }, { asOf: '2025-01-10T00:30:00+02:00' }),
    );
  });
});
