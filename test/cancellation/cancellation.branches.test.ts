// The branches of a cancellation decision its other tests leave open: the
// autorenew fact behind the next step, Partner Center's deadline against the
// forecast to the millisecond, the shared empty facts, the role-check cache's
// bounds (by its node count), publisher keys made only of a legal form, and a
// caller's window policy whose value is not an object.
import { describe, expect, it } from 'vitest';
import { evaluateCancellation, nonCancellablePublisher } from '../../src/cancellation/index.js';
import { publisherKey } from '../../src/cancellation/nonCancellablePublisher.js';
import { rolesCacheNodes } from '../../src/cancellation/options.js';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';
import { perpetual, sub as subscription } from './fixtures.js';

/**
 * A P1M subscription bought 2023-01-31 15:00Z (autorenew on by the purchase
 * date's default): its window closes 2023-02-07 15:00Z by the policy, its
 * first term ends 2023-02-27.
 */
const sub = (over: Partial<SoftwareSubscription> = {}): SoftwareSubscription =>
  subscription({ id: 'sub-7', ...over });

const IN_WINDOW = '2023-02-03T10:00:00Z';
const AFTER_WINDOW = '2023-02-10T00:00:00Z';

/** The next step a refused, renewing subscription `sub-7` gets. */
const TURN_OFF = [
  {
    action: 'turn_off_autorenew',
    effectiveOn: '2023-02-28',
    request: {
      method: 'PATCH',
      path: '/v1/customers/{customer-tenant-id}/subscriptions/sub-7',
      body: { id: 'sub-7', autoRenewEnabled: false },
    },
  },
];

describe('the next step: turn autorenew off', () => {
  it('is offered when the window has closed on a subscription that renews', () => {
    const d = evaluateCancellation(sub(), { asOf: AFTER_WINDOW });
    expect(d.reasons.map((r) => r.code)).toEqual(['window_closed']);
    expect(d.nextSteps).toEqual(TURN_OFF);
  });

  it('is offered inside the window when the publisher is never cancellable (Red Hat)', () => {
    const d = evaluateCancellation(sub({ publisher: 'Red Hat, Inc.' }), { asOf: IN_WINDOW });
    expect(d.reasons.map((r) => r.code)).toEqual(['non_cancellable_publisher']);
    expect(d.nextSteps).toEqual(TURN_OFF);
  });

  it('carries {subscription-id} in the path and no id in the body when the subscription has none', () => {
    const d = evaluateCancellation(subscription(), { asOf: AFTER_WINDOW });
    expect(d.nextSteps).toEqual([
      {
        action: 'turn_off_autorenew',
        effectiveOn: '2023-02-28',
        request: {
          method: 'PATCH',
          path: '/v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}',
          body: { autoRenewEnabled: false },
        },
      },
    ]);
  });

  it('is not offered while the window is open and the publisher may be cancelled', () => {
    const d = evaluateCancellation(sub(), { asOf: IN_WINDOW });
    expect(d.allowed).toBe(true);
    expect(d.nextSteps).toEqual([]);
  });

  it('is not offered when the subscription does not renew (autoRenew: false)', () => {
    expect(
      evaluateCancellation(sub({ autoRenew: false }), { asOf: AFTER_WINDOW }).nextSteps,
    ).toEqual([]);
    const redHat = evaluateCancellation(sub({ autoRenew: false, publisher: 'Red Hat' }), {
      asOf: IN_WINDOW,
    });
    expect(redHat.reasons.map((r) => r.code)).toEqual(['non_cancellable_publisher']);
    expect(redHat.nextSteps).toEqual([]);
  });

  it('is not offered outside a term, even with autoRenew: true (expired, not started)', () => {
    // Status expired in the renewal term: its window (opened 2023-02-28) closed on 03-07.
    const expired = evaluateCancellation(sub({ autoRenew: true, status: 'expired' }), {
      asOf: '2023-03-15T00:00:00Z',
    });
    expect(expired.reasons.map((r) => r.code)).toEqual(['expired', 'window_closed']);
    expect(expired.nextSteps).toEqual([]);
    // Before the purchase, for a publisher never cancellable.
    const early = evaluateCancellation(sub({ autoRenew: true, publisher: 'SUSE' }), {
      asOf: '2023-01-30T00:00:00Z',
    });
    expect(early.reasons.map((r) => r.code)).toEqual(['not_yet_open', 'non_cancellable_publisher']);
    expect(early.nextSteps).toEqual([]);
  });

  it('is not offered when the term is an unknown value (no term, nothing known to renew)', () => {
    const d = evaluateCancellation(sub({ term: { unknown: 'P2Y' }, publisher: 'Red Hat' }), {
      asOf: IN_WINDOW,
    });
    expect(d.reasons.map((r) => r.code)).toEqual(['unknown_value', 'non_cancellable_publisher']);
    expect(d.nextSteps).toEqual([]);
  });

  it('is not offered for perpetual software, refused for its publisher', () => {
    const d = evaluateCancellation(perpetual({ publisher: 'Red Hat' }), {
      asOf: '2022-05-03T00:00:00Z',
    });
    expect(d.reasons.map((r) => r.code)).toEqual(['non_cancellable_publisher']);
    expect(d.nextSteps).toEqual([]);
  });
});

describe("Partner Center's deadline against the forecast close (2023-02-07 15:00Z)", () => {
  const at = (deadline: string, over: Partial<SoftwareSubscription> = {}) =>
    evaluateCancellation(sub({ cancellationAllowedUntil: deadline, ...over }), { asOf: IN_WINDOW });

  it('a close exactly one day later is a disagreement, dated by the last instants', () => {
    const d = at('2023-02-08T14:59:59.999Z');
    expect(d.window?.source).toBe('partner_center');
    expect(d.disagreements).toEqual([
      {
        field: 'cancellationAllowedUntil',
        partnerCenter: new Date('2023-02-08T14:59:59.999Z'),
        forecast: new Date('2023-02-07T14:59:59.999Z'),
      },
    ]);
  });

  it('a close exactly one day earlier is a disagreement', () => {
    const d = at('2023-02-06T14:59:59.999Z');
    expect(d.window?.source).toBe('partner_center');
    expect(d.disagreements).toEqual([
      {
        field: 'cancellationAllowedUntil',
        partnerCenter: new Date('2023-02-06T14:59:59.999Z'),
        forecast: new Date('2023-02-07T14:59:59.999Z'),
      },
    ]);
  });

  it('a gap of one day less a millisecond, either way, is not', () => {
    for (const deadline of ['2023-02-08T14:59:59.998Z', '2023-02-06T15:00:00.000Z']) {
      const d = at(deadline);
      expect(d.window?.source).toBe('partner_center');
      expect(d.disagreements).toEqual([]);
    }
  });

  it("follows Partner Center's own lifecycle disagreements", () => {
    const d = at('2023-02-09T23:59:00Z', { status: 'suspended', autoRenew: true });
    expect(d.disagreements).toEqual([
      { field: 'autoRenew', partnerCenter: true, forecast: false },
      {
        field: 'cancellationAllowedUntil',
        partnerCenter: new Date('2023-02-09T23:59:00Z'),
        forecast: new Date('2023-02-07T14:59:59.999Z'),
      },
    ]);
  });
});

describe('facts with nothing to report are shared frozen constants', () => {
  it('no disagreement: one frozen empty list for every decision', () => {
    const a = evaluateCancellation(sub(), { asOf: IN_WINDOW });
    const b = evaluateCancellation(sub({ cancellationAllowedUntil: '2023-02-07T23:59:00Z' }), {
      asOf: AFTER_WINDOW,
    });
    expect(a.disagreements).toEqual([]);
    expect(Object.isFrozen(a.disagreements)).toBe(true);
    expect(b.disagreements).toBe(a.disagreements);
  });

  it("Partner Center's lifecycle disagreements alone are passed through", () => {
    const d = evaluateCancellation(sub({ status: 'suspended', autoRenew: true }), {
      asOf: IN_WINDOW,
    });
    expect(d.disagreements).toEqual([{ field: 'autoRenew', partnerCenter: true, forecast: false }]);
  });

  it('no time left at the closing instant itself: the shared zero, as after it', () => {
    const atClose = evaluateCancellation(sub(), { asOf: '2023-02-07T15:00:00Z' });
    const later = evaluateCancellation(sub(), { asOf: AFTER_WINDOW });
    expect(atClose.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 0 });
    expect(Object.isFrozen(atClose.timeRemaining)).toBe(true);
    expect(atClose.timeRemaining).toBe(later.timeRemaining);
    const justBefore = evaluateCancellation(sub(), { asOf: '2023-02-07T14:59:59.999Z' });
    expect(justBefore.timeRemaining).toEqual({ days: 0, hours: 0, milliseconds: 1 });
  });
});

describe('the role-check cache (by its node count)', () => {
  const asOf = IN_WINDOW;
  const check = (roles: unknown) => evaluateCancellation(sub(), { asOf, roles: roles as never });
  const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('never answers for roles that are not an array, even a string naming a cached list', () => {
    expect(check(['Q']).unknownRoles).toEqual(['Q']);
    expect(messageOf(() => check('Q'))).toBe(messageOf(() => check('never-cached')));
    expect(messageOf(() => check('Q'))).toMatch(/^invalid_input \[roles\] /);
  });

  it('caches a list of 16 names, not one of 17', () => {
    const before = rolesCacheNodes();
    const seventeen = names('seventeen-', 17);
    expect(check(seventeen).unknownRoles).toEqual(seventeen);
    expect(rolesCacheNodes()).toBe(before);
    const sixteen = names('sixteen-', 16);
    expect(check(sixteen).unknownRoles).toEqual(sixteen);
    expect(rolesCacheNodes()).toBe(before + 16);
    // A fresh array with the same names is a hit: no node added.
    expect(check([...sixteen]).unknownRoles).toEqual(sixteen);
    expect(rolesCacheNodes()).toBe(before + 16);
  });

  it('caches a name of 64 characters, not one of 65', () => {
    const before = rolesCacheNodes();
    const long = 'L'.repeat(65);
    expect(check([long]).unknownRoles).toEqual([long]);
    expect(rolesCacheNodes()).toBe(before);
    const max = 'M'.repeat(64);
    expect(check([max]).unknownRoles).toEqual([max]);
    expect(rolesCacheNodes()).toBe(before + 1);
  });

  it('a lookup creates no node: a refused list (a non-string after a new name) leaves none', () => {
    const before = rolesCacheNodes();
    expect(messageOf(() => check(['refused-first', 42]))).toMatch(/^invalid_input \[roles\[1\]\] /);
    expect(rolesCacheNodes()).toBe(before);
  });

  it('keeps the lists it holds side by side (a new one does not drop its siblings)', () => {
    const before = rolesCacheNodes();
    check(['side-1']);
    check(['side-2']);
    expect(rolesCacheNodes()).toBe(before + 2);
    check(['side-1']);
    check(['side-2']);
    expect(rolesCacheNodes()).toBe(before + 2);
  });

  it('is cleared only once it holds more than 4096 − 16 nodes', () => {
    const bound = 256 * 16 - 16;
    let n = rolesCacheNodes();
    expect(n).toBeLessThanOrEqual(bound - 16);
    let i = 0;
    while (n < bound) {
      const size = Math.min(16, bound - n);
      check(names(`fill-${i++}-`, size));
      n += size;
      expect(rolesCacheNodes()).toBe(n);
    }
    // At the bound exactly: not cleared yet.
    check(['edge-a']);
    expect(rolesCacheNodes()).toBe(bound + 1);
    // Past it: cleared before the list is added.
    check(['edge-b']);
    expect(rolesCacheNodes()).toBe(1);
    // And still right after the clear.
    expect(check(['Admin agent']).allowed).toBe(true);
    expect(check(['edge-a']).unknownRoles).toEqual(['edge-a']);
  });
});

describe('publisher names', () => {
  it('a name that is only a legal form keeps it as its key (the last word is never dropped)', () => {
    expect(publisherKey('Inc')).toBe('inc');
    expect(publisherKey('L.L.C.')).toBe('llc');
    expect(publisherKey('GmbH & Co')).toBe('gmbh');
    expect(nonCancellablePublisher('Inc')).toBeNull();
  });

  it('runs of separators count as one', () => {
    expect(publisherKey('Red  Hat')).toBe('redhat');
    expect(publisherKey('SUSE,  LLC')).toBe('suse');
    expect(nonCancellablePublisher('Red  Hat')).toBe('Red Hat');
    expect(nonCancellablePublisher('SUSE,  LLC')).toBe('SUSE');
    expect(nonCancellablePublisher('S. U. S. E.')).toBe('SUSE');
  });
});

describe("a caller's window policy whose value is not an object", () => {
  const policy = (version: Record<string, unknown>) => ({
    id: 'odd',
    versions: [{ effectiveFrom: '2020-01-01', source: 's', ...version }],
  });
  const msg =
    'invalid_policy [policy.versions[0].value.days] policy.versions[0].value.days: expected a whole number of days (1-3660)';

  it('a version without a value is invalid_policy', () => {
    expect(
      messageOf(() =>
        evaluateCancellation(sub(), { asOf: IN_WINDOW, policy: policy({}) as never }),
      ),
    ).toBe(msg);
  });

  it('a function carrying days is not a { days } value', () => {
    const value = Object.assign(() => 0, { days: 7 });
    expect(
      messageOf(() =>
        evaluateCancellation(sub(), { asOf: IN_WINDOW, policy: policy({ value }) as never }),
      ),
    ).toBe(msg);
  });
});
