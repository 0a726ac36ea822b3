import { describe, expect, it } from 'vitest';
import { decideCancellation } from '../../src/cancellation/evaluateCancellation.js';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import { checkCancellationOptions } from '../../src/cancellation/options.js';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { checkPerpetual, checkSubscription } from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone, localOffsetsDiffer } from '../support/tz.js';
import { perpetual, sub as subscription } from './fixtures.js';

const H = 3_600_000;
const D = 24 * H;

const codes = (d: { reasons: readonly { code: string }[] }) => d.reasons.map((r) => r.code);

/** Every decision here names its subscription. */
const sub = (over: Partial<SoftwareSubscription> = {}): SoftwareSubscription =>
  subscription({ id: 'sub-1', ...over });

describe('boundaries to the millisecond', () => {
  it('initial term: purchase − 1 ms not yet open, purchase allowed, closesAt − 1 ms allowed, closesAt refused', () => {
    const s = sub();
    expect(codes(evaluateCancellation(s, { asOf: '2023-01-31T14:59:59.999Z' }))).toEqual([
      'not_yet_open',
    ]);
    expect(evaluateCancellation(s, { asOf: '2023-01-31T15:00:00Z' }).allowed).toBe(true);
    expect(evaluateCancellation(s, { asOf: '2023-02-07T14:59:59.999Z' }).allowed).toBe(true);
    const closed = evaluateCancellation(s, { asOf: '2023-02-07T15:00:00Z' });
    expect(closed.reasons).toEqual([
      { code: 'window_closed', closedAt: new Date('2023-02-07T15:00:00Z') },
    ]);
  });

  it('calendar days: allowed through 23:59:59.999 of start + 7, refused at 00:00Z', () => {
    const o = { window: 'calendar_days' } as const;
    expect(evaluateCancellation(sub(), { ...o, asOf: '2023-02-07T23:59:59.999Z' }).allowed).toBe(
      true,
    );
    expect(codes(evaluateCancellation(sub(), { ...o, asOf: '2023-02-08T00:00:00Z' }))).toEqual([
      'window_closed',
    ]);
  });

  it('renewal term of a subscription anchored on the 31st: Feb 28 00:00Z to Mar 7 00:00Z', () => {
    const s = sub();
    // The last instant of term 0 is long after its window.
    expect(codes(evaluateCancellation(s, { asOf: '2023-02-27T23:59:59.999Z' }))).toEqual([
      'window_closed',
    ]);
    const opened = evaluateCancellation(s, { asOf: '2023-02-28T00:00:00Z' });
    expect(opened.allowed).toBe(true);
    expect(opened.term).toEqual({
      termIndex: 1,
      start: '2023-02-28',
      end: '2023-03-30',
      renewsOn: '2023-03-31',
    });
    expect(opened.timeRemaining).toEqual({ days: 7, hours: 0, milliseconds: 7 * D });
    expect(evaluateCancellation(s, { asOf: '2023-03-06T23:59:59.999Z' }).allowed).toBe(true);
    expect(codes(evaluateCancellation(s, { asOf: '2023-03-07T00:00:00Z' }))).toEqual([
      'window_closed',
    ]);
    // Term 2 opens on Mar 31 (from the anchor, not Mar 28).
    expect(evaluateCancellation(s, { asOf: '2023-03-31T00:00:00Z' }).window?.termIndex).toBe(2);
    expect(codes(evaluateCancellation(s, { asOf: '2023-03-30T12:00:00Z' }))).toEqual([
      'window_closed',
    ]);
  });

  it('a renewal that completes later that day is not yet open before it', () => {
    const s = sub({ renewalCompletedAt: '2023-02-28T06:30:00Z' });
    const early = evaluateCancellation(s, { asOf: '2023-02-28T06:29:59.999Z' });
    expect(early.reasons).toEqual([
      { code: 'not_yet_open', opensAt: new Date('2023-02-28T06:30:00Z') },
    ]);
    expect(early.timeRemaining.milliseconds).toBe(7 * D + 1);
    expect(early.billedInFull).toBe(false);
    expect(evaluateCancellation(s, { asOf: '2023-02-28T06:30:00Z' }).allowed).toBe(true);
    expect(evaluateCancellation(s, { asOf: '2023-03-07T06:29:59.999Z' }).allowed).toBe(true);
    expect(codes(evaluateCancellation(s, { asOf: '2023-03-07T06:30:00Z' }))).toEqual([
      'window_closed',
    ]);
  });

  it('perpetual: 720 h by default, purchase date + 30 with calendar days', () => {
    const p = perpetual();
    expect(evaluateCancellation(p, { asOf: '2022-06-01T07:59:59.999Z' }).allowed).toBe(true);
    expect(codes(evaluateCancellation(p, { asOf: '2022-06-01T08:00:00Z' }))).toEqual([
      'window_closed',
    ]);
    const o = { window: 'calendar_days' } as const;
    expect(evaluateCancellation(p, { ...o, asOf: '2022-06-01T23:59:59.999Z' }).allowed).toBe(true);
    expect(codes(evaluateCancellation(p, { ...o, asOf: '2022-06-02T00:00:00Z' }))).toEqual([
      'window_closed',
    ]);
    expect(codes(evaluateCancellation(p, { asOf: '2022-05-02T07:59:59.999Z' }))).toEqual([
      'not_yet_open',
    ]);
  });

  it("Partner Center's deadline: allowed at it, refused 1 ms later, even inside the policy window", () => {
    const s = sub({
      purchasedAt: '2022-01-31T10:00:00Z',
      cancellationAllowedUntil: '2022-02-03T23:59:00Z',
    });
    const at = evaluateCancellation(s, { asOf: '2022-02-03T23:59:00.000Z' });
    expect(at.allowed).toBe(true);
    expect(at.window?.source).toBe('partner_center');
    expect(at.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 1 });
    const after = evaluateCancellation(s, { asOf: '2022-02-03T23:59:00.001Z' });
    expect(after.reasons).toEqual([
      { code: 'window_closed', closedAt: new Date('2022-02-03T23:59:00.001Z') },
    ]);
    expect(after.rules.map((r) => r.id)).toContain('cancellation.partner_center_deadline');
  });

  it("Partner Center's later deadline allows what the policy would refuse", () => {
    const s = sub({
      purchasedAt: '2022-01-31T10:00:00Z',
      cancellationAllowedUntil: '2022-02-07T23:59:00Z',
    });
    expect(evaluateCancellation(s, { asOf: '2022-02-07T12:00:00Z' }).allowed).toBe(true);
    expect(
      evaluateCancellation({ ...s, cancellationAllowedUntil: undefined } as never, {
        asOf: '2022-02-07T12:00:00Z',
      }).allowed,
    ).toBe(false);
  });

  it('a stale deadline is ignored (flag), not a reason', () => {
    const s = sub({
      purchasedAt: '2022-01-31T10:00:00Z',
      cancellationAllowedUntil: '2022-02-07T23:59:00Z',
    });
    const d = evaluateCancellation(s, { asOf: '2022-03-02T00:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.window?.staleDeadlineIgnored).toBe(true);
    expect(d.window?.source).toBe('policy');
    expect(d.rules.map((r) => r.id)).not.toContain('cancellation.partner_center_deadline');
  });
});

describe('reasons', () => {
  it('Red Hat and SUSE are refused even inside the window', () => {
    for (const publisher of [
      'RedHat',
      'Red Hat',
      'Red Hat, Inc.',
      'SUSE',
      'SUSE LLC',
      ' suse  llc. ',
    ]) {
      const d = evaluateCancellation(sub({ publisher }), { asOf: '2023-02-01' });
      expect(d.allowed).toBe(false);
      expect(d.reasons).toEqual([
        {
          code: 'non_cancellable_publisher',
          publisher,
          matched: publisher.toLowerCase().includes('suse') ? 'SUSE' : 'Red Hat',
        },
      ]);
      expect(d.billedInFull).toBe(false);
    }
    expect(
      evaluateCancellation(sub({ publisher: 'Redhatch Ltd' }), { asOf: '2023-02-01' }).allowed,
    ).toBe(true);
    expect(
      evaluateCancellation(perpetual({ publisher: 'SUSE' }), { asOf: '2022-05-03' }).allowed,
    ).toBe(false);
  });

  it('missing_role when roles are given without Admin agent; unknown roles listed', () => {
    const asOf = '2023-02-01';
    expect(evaluateCancellation(sub(), { asOf, roles: ['AdminAgent'] }).allowed).toBe(true);
    expect(
      evaluateCancellation(sub(), { asOf, roles: ['Admin agent', 'SalesAgent'] }).allowed,
    ).toBe(true);
    const d = evaluateCancellation(sub(), { asOf, roles: ['GlobalAdmin', 'Incentive admin'] });
    expect(d.reasons).toEqual([
      { code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] },
    ]);
    expect(d.unknownRoles).toEqual(['Incentive admin']);
    expect(d.rules.map((r) => r.id)).toContain('access.permissions');
    expect(codes(evaluateCancellation(sub(), { asOf, roles: [] }))).toEqual(['missing_role']);
    expect(evaluateCancellation(sub(), { asOf }).unknownRoles).toEqual([]);
  });

  it('a roles array changed between calls is checked again', () => {
    const roles = ['AdminAgent'];
    expect(evaluateCancellation(sub(), { asOf: '2023-02-01', roles }).allowed).toBe(true);
    expect(evaluateCancellation(sub(), { asOf: '2023-02-01', roles }).allowed).toBe(true);
    roles[0] = 'SalesAgent';
    expect(codes(evaluateCancellation(sub(), { asOf: '2023-02-01', roles }))).toEqual([
      'missing_role',
    ]);
    roles.push('AdminAgent');
    expect(evaluateCancellation(sub(), { asOf: '2023-02-01', roles }).allowed).toBe(true);
  });

  it('lists every failing reason at once, in the stable order', () => {
    const s = sub({
      status: 'cancelled',
      billingFrequency: { unknown: 'quarterly' },
      publisher: 'Red Hat, Inc.',
    });
    const d = evaluateCancellation(s, { asOf: '2023-02-20', roles: ['SalesAgent'] });
    expect(d.reasons).toEqual([
      { code: 'unknown_value', field: 'purchase.billingFrequency', raw: 'quarterly' },
      { code: 'already_cancelled', status: 'cancelled' },
      { code: 'window_closed', closedAt: new Date('2023-02-07T15:00:00Z') },
      { code: 'non_cancellable_publisher', publisher: 'Red Hat, Inc.', matched: 'Red Hat' },
      { code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] },
    ]);
    expect(d.allowed).toBe(false);
    // Already cancelled: nothing more is billed because of this refusal.
    expect(d.billedInFull).toBe(false);
    const early = evaluateCancellation(
      { ...s, status: 'deleted' },
      { asOf: '2023-01-01', roles: [] },
    );
    expect(codes(early)).toEqual([
      'unknown_value',
      'already_cancelled',
      'not_yet_open',
      'non_cancellable_publisher',
      'missing_role',
    ]);
  });

  it('expired: status expired, or a subscription that did not renew', () => {
    const byStatus = evaluateCancellation(sub({ status: 'expired' }), { asOf: '2023-02-01' });
    expect(byStatus.reasons).toEqual([{ code: 'expired' }]);
    const legacy = evaluateCancellation(sub({ purchasedAt: '2021-06-01T10:00:00Z' }), {
      asOf: '2021-09-01',
    });
    expect(codes(legacy)).toEqual(['expired', 'window_closed']);
    expect(legacy.term?.termIndex).toBe(0);
    const off = evaluateCancellation(sub({ autoRenew: false }), { asOf: '2023-03-01' });
    expect(codes(off)).toEqual(['expired', 'window_closed']);
  });

  it('unknown values are refused with unknown_value; an unknown term leaves no window', () => {
    const d = evaluateCancellation(
      sub({ term: { unknown: 'P2Y' }, status: { unknown: 'migrating' } }),
      {
        asOf: '2023-02-01',
      },
    );
    expect(d.reasons).toEqual([
      { code: 'unknown_value', field: 'purchase.status', raw: 'migrating' },
      { code: 'unknown_value', field: 'purchase.term', raw: 'P2Y' },
    ]);
    expect(d.window).toBeNull();
    expect(d.term).toBeNull();
    expect(d.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 0 });
    expect(d.rules.map((r) => r.id)).toEqual(['cancellation.non_cancellable_publishers']);
    const expired = evaluateCancellation(sub({ term: { unknown: 'P2Y' }, status: 'expired' }), {
      asOf: '2023-02-01',
    });
    expect(codes(expired)).toEqual(['unknown_value', 'expired']);
    const perp = evaluateCancellation(perpetual({ status: { unknown: 'refunded' } }), {
      asOf: '2022-05-03',
    });
    expect(codes(perp)).toEqual(['unknown_value']);
  });

  it('a cancelled perpetual order is already cancelled', () => {
    const d = evaluateCancellation(perpetual({ status: 'cancelled' }), { asOf: '2022-05-03' });
    expect(d.reasons).toEqual([{ code: 'already_cancelled', status: 'cancelled' }]);
    expect(
      evaluateCancellation(perpetual({ status: 'completed' }), { asOf: '2022-05-03' }).allowed,
    ).toBe(true);
  });

  it('suspended, pending and disabled subscriptions are not refused for their status', () => {
    for (const status of ['active', 'suspended', 'pending', 'disabled'] as const) {
      expect(evaluateCancellation(sub({ status }), { asOf: '2023-02-01' }).allowed).toBe(true);
    }
  });
});

describe('facts', () => {
  it('an allowed subscription decision', () => {
    const d = evaluateCancellation(sub(), { asOf: '2023-02-03T10:30:00Z', roles: ['AdminAgent'] });
    expect(d).toEqual({
      allowed: true,
      reasons: [],
      rules: [
        {
          id: 'cancellation.subscription_window',
          source:
            'https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy',
          effectiveFrom: '0000-01-01',
        },
        {
          id: 'cancellation.non_cancellable_publishers',
          source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
          effectiveFrom: '0000-01-01',
        },
        {
          id: 'lifecycle.purchase_date_visibility',
          source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
          effectiveFrom: '2021-10-14',
        },
        expect.objectContaining({ id: 'access.permissions' }),
      ],
      kind: 'subscription',
      id: 'sub-1',
      asOf: new Date('2023-02-03T10:30:00Z'),
      window: {
        termIndex: 0,
        opensAt: new Date('2023-01-31T15:00:00Z'),
        closesAt: new Date('2023-02-07T15:00:00Z'),
        lastDay: '2023-02-07',
        source: 'policy',
        reading: 'elapsed_hours',
        extended: false,
        partnerCenterDeadline: null,
        staleDeadlineIgnored: false,
        renewalCompletedAtIgnored: false,
      },
      timeRemaining: { days: 4, hours: 4, milliseconds: 4 * D + 4.5 * H },
      term: { termIndex: 0, start: '2023-01-31', end: '2023-02-27', renewsOn: '2023-02-28' },
      billedInFull: false,
      needs: [
        { item: 'customer', anyOf: ['name', 'tenantId', 'domain'], known: false },
        { item: 'subscription', anyOf: ['id', 'friendlyName'], known: true },
      ],
      unknownRoles: [],
      disagreements: [],
      nextSteps: [],
    });
    expect(JSON.parse(JSON.stringify(d)).window.closesAt).toBe('2023-02-07T15:00:00.000Z');
  });

  it('a refused subscription whose window closed stays billed for the whole term', () => {
    const d = evaluateCancellation(sub(), { asOf: '2023-02-10' });
    expect(d.billedInFull).toBe(true);
    expect(d.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 0 });
    expect(d.rules.map((r) => r.id)).toContain('cancellation.full_term_billed');
    expect(evaluateCancellation(sub(), { asOf: '2023-02-01' }).billedInFull).toBe(false);
  });

  it('perpetual facts: no term, product name and order id needed', () => {
    const d = evaluateCancellation(perpetual({ orderId: undefined } as never), {
      asOf: '2022-05-10T08:00:00Z',
    });
    expect(d.kind).toBe('perpetual');
    expect(d.id).toBeNull();
    expect(d.term).toBeNull();
    expect(d.timeRemaining).toEqual({ days: 22, hours: 0, milliseconds: 22 * D });
    expect(d.needs).toEqual([
      { item: 'customer', anyOf: ['name', 'tenantId', 'domain'], known: false },
      { item: 'product', anyOf: ['productName'], known: true },
      { item: 'order', anyOf: ['orderId'], known: false },
    ]);
    expect(d.rules.map((r) => r.id)).toEqual([
      'cancellation.perpetual_window',
      'cancellation.non_cancellable_publishers',
    ]);
    const bare = evaluateCancellation(
      perpetual({ productName: undefined, orderId: 'o' } as never),
      { asOf: '2022-05-10' },
    );
    expect(bare.needs.map((n) => n.known)).toEqual([false, false, true]);
    expect(
      evaluateCancellation(sub({ id: undefined } as never), { asOf: '2023-02-01' }).needs[1]?.known,
    ).toBe(false);
    expect(
      evaluateCancellation(perpetual(), { asOf: '2022-05-10' }).needs.map((n) => n.known),
    ).toEqual([false, true, true]);
    expect(
      evaluateCancellation(perpetual({ productName: undefined, orderId: undefined } as never), {
        asOf: '2022-05-10',
      }).needs.map((n) => n.known),
    ).toEqual([false, false, false]);
  });

  it('timeRemaining counts whole days, then whole hours', () => {
    const d = evaluateCancellation(sub(), { asOf: '2023-02-06T15:00:00.001Z' });
    expect(d.timeRemaining).toEqual({ days: 0, hours: 23, milliseconds: D - 1 });
  });
});

describe('internal entry for refunds', () => {
  it('decideCancellation on a checked purchase gives the same decision', () => {
    const s = sub({ publisher: 'SUSE' });
    const asOf = '2023-02-01T00:00:00Z';
    const viaPublic = evaluateCancellation(s, {
      asOf,
      roles: ['SalesAgent'],
      window: 'calendar_days',
    });
    const opts = checkCancellationOptions({ roles: ['SalesAgent'], window: 'calendar_days' });
    expect(decideCancellation(checkSubscription(s, 'purchase'), Date.parse(asOf), opts)).toEqual(
      viaPublic,
    );
    expect(decideCancellation(checkPerpetual(perpetual()), Date.parse('2022-05-03'))).toEqual(
      evaluateCancellation(perpetual(), { asOf: '2022-05-03' }),
    );
    expect(checkCancellationOptions({})).toEqual({
      reading: 'elapsed_hours',
      policy: undefined,
      minimumWindowDays: 0,
      access: undefined,
    });
    expect(checkCancellationOptions({ minimumWindowDays: 9 }).access).toBeUndefined();
  });
});

describe('roles arrays', () => {
  it('an own `constructor` on the roles array is never called (the array is copied by index)', () => {
    const roles = ['Admin agent'];
    Object.defineProperty(roles, 'constructor', { value: { [Symbol.species]: 'not a class' } });
    const first = evaluateCancellation(sub(), { asOf: '2023-02-01', roles });
    expect(first.allowed).toBe(true);
    expect(evaluateCancellation(sub(), { asOf: '2023-02-01', roles })).toEqual(first);
  });
});

describe('errors', () => {
  it('caller mistakes throw CspRuleError', () => {
    expectRuleError(
      () => evaluateCancellation(sub(), { asOf: '2023-02-01', roles: 'AdminAgent' as never }),
      'invalid_input',
      'roles',
    );
    expectRuleError(
      () => evaluateCancellation(sub(), { asOf: '2023-02-01', roles: [1] as never }),
      'invalid_input',
      'roles[0]',
    );
    expectRuleError(
      () => evaluateCancellation(sub(), undefined as never),
      'invalid_input',
      'options',
    );
    expectRuleError(
      () => evaluateCancellation(sub(), { asOf: 'yesterday' }),
      'invalid_instant',
      'asOf',
    );
    expectRuleError(
      () => evaluateCancellation(sub({ quantity: 0 }), { asOf: '2023-02-01' }),
      'invalid_quantity',
    );
    expectRuleError(
      () => evaluateCancellation(sub({ currency: 'XYZ' }), { asOf: '2023-02-01' }),
      'unknown_currency',
    );
    expectRuleError(
      () => evaluateCancellation(sub({ publisher: 42 as never }), { asOf: '2023-02-01' }),
      'invalid_input',
      'purchase.publisher',
    );
    expectRuleError(
      () => evaluateCancellation(sub(), { asOf: '2023-02-01', window: 'weeks' as never }),
      'invalid_option',
    );
  });
});

describe('time zones', () => {
  it('the process time zone really changes in these tests', () => {
    expect(localOffsetsDiffer()).toBe(true);
  });

  it('gives identical decisions in every process TZ', () => {
    expectSameInEveryTimeZone(() => [
      evaluateCancellation(sub(), { asOf: '2023-02-07T14:59:59.999Z' }),
      evaluateCancellation(sub(), { asOf: '2023-03-06T23:59:59.999Z', window: 'calendar_days' }),
      evaluateCancellation(perpetual(), {
        asOf: '2022-06-01T23:30:00+01:00',
        window: 'calendar_days',
      }),
      evaluateCancellation(sub({ purchasedAt: '2023-03-01T01:00:00+02:00' }), {
        asOf: '2023-03-08T12:00:00Z',
        window: 'calendar_days',
      }),
    ]);
  });
});
