// seatReduction: may a subscription's quantity be lowered at `asOf`? Each
// test pins one behaviour with the exact decision (reasons in order, the
// reducible seats, the rules applied, the next steps). The subscription is the
// TSDoc's: a P1Y monthly subscription bought 2024-03-01 10:00Z, 10 seats,
// autorenew on; its first window closes 168 h later, 2024-03-08 10:00Z.
import { describe, expect, it } from 'vitest';
import { seatReduction } from '../../src/cancellation/index.js';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';

const SOFTWARE = {
  kind: 'subscription',
  id: 'sub-7',
  purchasedAt: '2024-03-01T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 10,
  autoRenew: true,
} as const;

/** The TSDoc's software subscription, with overrides. */
const software = (over: Partial<SoftwareSubscription> = {}): SoftwareSubscription => ({
  ...SOFTWARE,
  ...over,
});

/** The same subscription as a license-based offer (no `refundableQuantity`: the forecast). */
const seats = (over: Partial<SoftwareSubscription> = {}): SoftwareSubscription =>
  software({ productType: 'license_based', ...over });

const IN_WINDOW = '2024-03-02T10:00:00Z';
const WINDOW_CLOSES = '2024-03-08T10:00:00Z';

const SEAT = 'cancellation.seat_reduction';
const LIFE = 'lifecycle.purchase_date_visibility';
const WINDOW = 'cancellation.subscription_window';
const DEADLINE = 'cancellation.partner_center_deadline';
const ACCESS = 'access.permissions';

const ids = (d: { rules: readonly { id: string }[] }) => d.rules.map((r) => r.id);
const steps = (d: { nextSteps: readonly { action: string; effectiveOn: string }[] }) =>
  d.nextSteps.map((s) => [s.action, s.effectiveOn]);

const NONE = { quantity: 0, until: null, source: 'forecast' } as const;
const SCHEDULE_2025 = [['schedule_next_term_quantity', '2025-03-01']];

describe('seatReduction: invalid input throws', () => {
  it('options that are not an object: invalid_input [options]', () => {
    expect(messageOf(() => seatReduction(SOFTWARE, null as never))).toBe(
      'invalid_input [options] options: expected an object, got null',
    );
    expect(messageOf(() => seatReduction(SOFTWARE, [] as never))).toBe(
      'invalid_input [options] options: expected an object, got an array',
    );
  });

  it('a missing, non-string or unreadable asOf: invalid_instant [asOf]', () => {
    expect(messageOf(() => seatReduction(SOFTWARE, { quantity: 8 } as never))).toBe(
      'invalid_instant [asOf] asOf: expected a Date or an ISO-8601 string, got undefined',
    );
    expect(messageOf(() => seatReduction(SOFTWARE, { asOf: 'soon', quantity: 8 }))).toBe(
      'invalid_instant [asOf] asOf: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)',
    );
    expect(
      messageOf(() => seatReduction(SOFTWARE, { asOf: new Date(Number.NaN), quantity: 8 })),
    ).toBe('invalid_instant [asOf] asOf: Invalid Date');
  });

  it('a quantity below 1 or not a whole number: invalid_quantity [options.quantity]', () => {
    expect(messageOf(() => seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 0 }))).toBe(
      'invalid_quantity [options.quantity] options.quantity: expected a whole number of at least 1, got 0',
    );
    expect(messageOf(() => seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 1.5 }))).toBe(
      'invalid_quantity [options.quantity] options.quantity: expected a whole number of at least 1, got 1.5',
    );
    expect(
      messageOf(() => seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: '8' as never })),
    ).toBe(
      'invalid_quantity [options.quantity] options.quantity: expected a whole number of at least 1, got a string',
    );
  });

  it('roles that are not an array of names: invalid_input [roles]', () => {
    expect(
      messageOf(() =>
        seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 8, roles: 'AdminAgent' as never }),
      ),
    ).toBe('invalid_input [roles] roles: expected an array of role names');
    expect(
      messageOf(() =>
        seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 8, roles: [3] as never }),
      ),
    ).toBe('invalid_input [roles[0]] roles[0]: expected a string');
  });
});

describe('seatReduction: a subscription that is over', () => {
  it('status cancelled: already_cancelled with that status, no seat reducible, nothing to schedule', () => {
    const d = seatReduction(seats({ status: 'cancelled' }), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([
      { code: 'already_cancelled', status: 'cancelled' },
      { code: 'seats_not_reducible', requested: 2, reducible: 0 },
    ]);
    expect(d.reducible).toEqual(NONE);
    expect(d.disagreements).toEqual([
      { field: 'status', partnerCenter: 'cancelled', forecast: 'in_term' },
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('status deleted: already_cancelled with that status', () => {
    const d = seatReduction(software({ status: 'deleted' }), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.reasons).toEqual([
      { code: 'already_cancelled', status: 'deleted' },
      { code: 'seat_reduction_not_allowed', productType: 'software' },
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('status active: no already_cancelled', () => {
    const d = seatReduction(seats({ status: 'active' }), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.allowed).toBe(true);
    expect(d.reasons).toEqual([]);
    expect(d.disagreements).toEqual([]);
  });

  it('past its last term without autorenew: expired, no seat reducible, nothing to schedule', () => {
    const d = seatReduction(seats({ autoRenew: false }), {
      asOf: '2025-03-02T10:00:00Z',
      quantity: 8,
    });
    expect(d.reasons).toEqual([
      { code: 'expired' },
      { code: 'seats_not_reducible', requested: 2, reducible: 0 },
    ]);
    expect(d.reducible).toEqual(NONE);
    expect(ids(d)).toEqual([SEAT, LIFE, WINDOW]);
    expect(d.nextSteps).toEqual([]);
  });

  it("Partner Center's status expired inside the open window: expired, and the window does not count", () => {
    const d = seatReduction(seats({ status: 'expired' }), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.reasons).toEqual([
      { code: 'expired' },
      { code: 'seats_not_reducible', requested: 2, reducible: 0 },
    ]);
    expect(d.reducible).toEqual(NONE);
    expect(d.disagreements).toEqual([
      { field: 'status', partnerCenter: 'expired', forecast: 'in_term' },
    ]);
    // Refused for the term, autorenew on, seats removed: but it no longer renews.
    expect(d.nextSteps).toEqual([]);
  });
});

describe('seatReduction: not a reduction', () => {
  it('the same quantity: not_a_reduction, and nothing scheduled though the type is refused', () => {
    const d = seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 10 });
    expect(d.reasons).toEqual([
      { code: 'not_a_reduction', current: 10, requested: 10 },
      { code: 'seat_reduction_not_allowed', productType: 'software' },
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('a larger quantity: not_a_reduction, nothing scheduled', () => {
    const d = seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 12 });
    expect(d.reasons).toEqual([
      { code: 'not_a_reduction', current: 10, requested: 12 },
      { code: 'seat_reduction_not_allowed', productType: 'software' },
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('license-based, the same quantity after the window: not_a_reduction only (no seats removed)', () => {
    const d = seatReduction(seats(), { asOf: WINDOW_CLOSES, quantity: 10 });
    expect(d.reasons).toEqual([{ code: 'not_a_reduction', current: 10, requested: 10 }]);
    expect(d.reducible).toEqual(NONE);
    expect(d.nextSteps).toEqual([]);
  });
});

describe('seatReduction: software subscriptions', () => {
  it('refused mid-term (seat_reduction_not_allowed), 0 seats reducible, the lower quantity scheduled for the next term', () => {
    const d = seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 8 });
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([{ code: 'seat_reduction_not_allowed', productType: 'software' }]);
    expect(d.reducible).toEqual({ quantity: 0, until: null, source: 'forecast' });
    expect(d.productType).toBe('software');
    expect([d.currentQuantity, d.requestedQuantity]).toEqual([10, 8]);
    expect(d.asOf).toEqual(new Date(IN_WINDOW));
    expect(ids(d)).toEqual([SEAT, LIFE]);
    expect(d.nextSteps).toEqual([
      {
        action: 'schedule_next_term_quantity',
        effectiveOn: '2025-03-01',
        request: {
          method: 'PATCH',
          path: '/v1/customers/{customer-tenant-id}/subscriptions/sub-7',
          body: {
            id: 'sub-7',
            autoRenewEnabled: true,
            scheduledNextTermInstructions: {
              product: { billingCycle: 'monthly', termDuration: 'P1Y' },
              quantity: 8,
            },
          },
        },
      },
    ]);
  });

  it('an unknown term: unknown_value first, no lifecycle rule, no disagreements, nothing scheduled', () => {
    const d = seatReduction(software({ term: { unknown: 'P2Y' } }), {
      asOf: IN_WINDOW,
      quantity: 8,
    });
    expect(d.reasons).toEqual([
      { code: 'unknown_value', field: 'subscription.term', raw: 'P2Y' },
      { code: 'seat_reduction_not_allowed', productType: 'software' },
    ]);
    expect(ids(d)).toEqual([SEAT]);
    expect(d.disagreements).toEqual([]);
    expect(d.nextSteps).toEqual([]);
  });
});

describe("seatReduction: license-based with Partner Center's refundableQuantity", () => {
  // 4 seats until 03-08, 2 added later until 03-20, 3 whose deadline is 03-05 10:00Z.
  const refundable = seats({
    refundableQuantity: {
      totalQuantity: 9,
      details: [
        { quantity: 4, allowedUntil: '2024-03-08T10:00:00Z' },
        { quantity: 2, allowedUntil: '2024-03-20T10:00:00Z' },
        { quantity: 3, allowedUntil: '2024-03-05T10:00:00Z' },
      ],
    },
  });

  it('groups still open count; a group whose deadline is exactly asOf is closed; until = the earliest open deadline', () => {
    const d = seatReduction(refundable, { asOf: '2024-03-05T10:00:00Z', quantity: 4 });
    expect(d.allowed).toBe(true);
    expect(d.reasons).toEqual([]);
    expect(d.reducible).toEqual({
      quantity: 6,
      until: new Date('2024-03-08T10:00:00Z'),
      source: 'partner_center',
    });
    // No window forecast when Partner Center says which seats may go.
    expect(ids(d)).toEqual([SEAT, LIFE]);
    expect(d.nextSteps).toEqual([]);
  });

  it('one millisecond before the earliest deadline, every group is open', () => {
    const d = seatReduction(refundable, { asOf: '2024-03-05T09:59:59.999Z', quantity: 1 });
    expect(d.allowed).toBe(true);
    expect(d.reducible).toEqual({
      quantity: 9,
      until: new Date('2024-03-05T10:00:00Z'),
      source: 'partner_center',
    });
  });

  it('more seats removed than still reducible: seats_not_reducible with the seats removed, and the next term scheduled', () => {
    const d = seatReduction(refundable, { asOf: '2024-03-05T10:00:00Z', quantity: 3 });
    expect(d.reasons).toEqual([{ code: 'seats_not_reducible', requested: 7, reducible: 6 }]);
    expect(steps(d)).toEqual(SCHEDULE_2025);
    expect(d.nextSteps[0]?.request.body['scheduledNextTermInstructions']).toMatchObject({
      quantity: 3,
    });
  });

  it('no group open (the last deadline is exactly asOf): 0 seats, until null', () => {
    const d = seatReduction(refundable, { asOf: '2024-03-20T10:00:00Z', quantity: 9 });
    expect(d.reducible).toEqual({ quantity: 0, until: null, source: 'partner_center' });
    expect(d.reasons).toEqual([{ code: 'seats_not_reducible', requested: 1, reducible: 0 }]);
    expect(steps(d)).toEqual(SCHEDULE_2025);
  });
});

describe('seatReduction: license-based without refundableQuantity (the forecast window)', () => {
  it('open on its first instant (the purchase): every seat, until the window closes, with the window rule', () => {
    const d = seatReduction(seats(), { asOf: '2024-03-01T10:00:00Z', quantity: 1 });
    expect(d.allowed).toBe(true);
    expect(d.reasons).toEqual([]);
    expect(d.reducible).toEqual({
      quantity: 10,
      until: new Date(WINDOW_CLOSES),
      source: 'forecast',
    });
    expect(ids(d)).toEqual([SEAT, LIFE, WINDOW]);
    // Allowed: nothing to schedule, though it renews.
    expect(d.nextSteps).toEqual([]);
  });

  it('open one millisecond before it closes', () => {
    const d = seatReduction(seats(), { asOf: '2024-03-08T09:59:59.999Z', quantity: 1 });
    expect(d.allowed).toBe(true);
    expect(d.reducible.quantity).toBe(10);
  });

  it('closed at its closing instant exactly: seats_not_reducible, and the next term scheduled', () => {
    const d = seatReduction(seats(), { asOf: WINDOW_CLOSES, quantity: 8 });
    expect(d.reasons).toEqual([{ code: 'seats_not_reducible', requested: 2, reducible: 0 }]);
    expect(d.reducible).toEqual(NONE);
    expect(ids(d)).toEqual([SEAT, LIFE, WINDOW]);
    expect(steps(d)).toEqual(SCHEDULE_2025);
  });

  it('before the purchase (not started): no seat reducible, nothing scheduled', () => {
    const d = seatReduction(seats(), { asOf: '2024-03-01T09:59:59.999Z', quantity: 8 });
    expect(d.reasons).toEqual([{ code: 'seats_not_reducible', requested: 2, reducible: 0 }]);
    expect(d.reducible).toEqual(NONE);
    expect(d.nextSteps).toEqual([]);
  });

  it('a renewal term before renewalCompletedAt: in the term, but its window is not open yet', () => {
    // Term 2 starts 2025-03-01; its window opens when the renewal completed, 05:00Z.
    const renewed = seats({ renewalCompletedAt: '2025-03-01T05:00:00Z' });
    const d = seatReduction(renewed, { asOf: '2025-03-01T04:59:59.999Z', quantity: 8 });
    expect(d.reasons).toEqual([{ code: 'seats_not_reducible', requested: 2, reducible: 0 }]);
    expect(d.reducible).toEqual(NONE);
    expect(steps(d)).toEqual([['schedule_next_term_quantity', '2026-03-01']]);
    const opened = seatReduction(renewed, { asOf: '2025-03-01T05:00:00Z', quantity: 8 });
    expect(opened.allowed).toBe(true);
    expect(opened.reducible).toEqual({
      quantity: 10,
      until: new Date('2025-03-08T05:00:00Z'),
      source: 'forecast',
    });
  });

  it("Partner Center's cancellationAllowedUntil closes the window (inclusive), and its rule is added", () => {
    const d = seatReduction(seats({ cancellationAllowedUntil: '2024-03-05T23:59:00Z' }), {
      asOf: IN_WINDOW,
      quantity: 8,
    });
    expect(d.allowed).toBe(true);
    expect(d.reducible).toEqual({
      quantity: 10,
      until: new Date('2024-03-05T23:59:00.001Z'),
      source: 'forecast',
    });
    expect(ids(d)).toEqual([SEAT, LIFE, WINDOW, DEADLINE]);
  });

  it('an unknown term: no window, so no seat reducible; unknown_value first, no disagreements', () => {
    const d = seatReduction(seats({ term: { unknown: 'P2Y' } }), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.reasons).toEqual([
      { code: 'unknown_value', field: 'subscription.term', raw: 'P2Y' },
      { code: 'seats_not_reducible', requested: 2, reducible: 0 },
    ]);
    expect(d.reducible).toEqual(NONE);
    expect(ids(d)).toEqual([SEAT]);
    expect(d.disagreements).toEqual([]);
    expect(d.nextSteps).toEqual([]);
  });
});

describe('seatReduction: roles', () => {
  it('without Admin agent: missing_role appended last, and the access rule in rules', () => {
    const d = seatReduction(seats(), {
      asOf: WINDOW_CLOSES,
      quantity: 8,
      roles: ['Helpdesk agent'],
    });
    expect(d.reasons).toEqual([
      { code: 'seats_not_reducible', requested: 2, reducible: 0 },
      { code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] },
    ]);
    expect(ids(d)).toEqual([SEAT, LIFE, WINDOW, ACCESS]);
    // Refused for the term too: the next term is still offered.
    expect(steps(d)).toEqual(SCHEDULE_2025);
  });

  it('Admin agent (id or display name): allowed, the access rule in rules', () => {
    for (const role of ['AdminAgent', 'Admin agent']) {
      const d = seatReduction(seats(), { asOf: IN_WINDOW, quantity: 8, roles: [role] });
      expect(d.allowed).toBe(true);
      expect(d.reasons).toEqual([]);
      expect(ids(d)).toEqual([SEAT, LIFE, WINDOW, ACCESS]);
    }
  });

  it('no roles given: no role check', () => {
    const d = seatReduction(seats(), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.allowed).toBe(true);
    expect(ids(d)).toEqual([SEAT, LIFE, WINDOW]);
  });
});

describe('seatReduction: nextSteps', () => {
  it('refused for a missing role only: nothing to schedule', () => {
    const d = seatReduction(seats(), { asOf: IN_WINDOW, quantity: 8, roles: ['HelpdeskAgent'] });
    expect(d.reasons).toEqual([
      { code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] },
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('refused for the term but autorenew off: nothing to schedule', () => {
    const d = seatReduction(seats({ autoRenew: false }), { asOf: WINDOW_CLOSES, quantity: 8 });
    expect(d.reasons).toEqual([{ code: 'seats_not_reducible', requested: 2, reducible: 0 }]);
    expect(d.nextSteps).toEqual([]);
  });

  it("software, Partner Center's status expired though autorenew is on: nothing to schedule", () => {
    const d = seatReduction(software({ status: 'expired' }), { asOf: IN_WINDOW, quantity: 8 });
    expect(d.reasons).toEqual([
      { code: 'expired' },
      { code: 'seat_reduction_not_allowed', productType: 'software' },
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('software before its purchase (not started): nothing to schedule', () => {
    const d = seatReduction(SOFTWARE, { asOf: '2024-03-01T09:00:00Z', quantity: 8 });
    expect(d.reasons).toEqual([{ code: 'seat_reduction_not_allowed', productType: 'software' }]);
    expect(d.nextSteps).toEqual([]);
  });
});

describe('seatReduction: facts', () => {
  it('id: the subscription id, or null without one', () => {
    const { id: _id, ...withoutId } = seats();
    expect(seatReduction(SOFTWARE, { asOf: IN_WINDOW, quantity: 8 }).id).toBe('sub-7');
    expect(seatReduction(withoutId, { asOf: IN_WINDOW, quantity: 8 }).id).toBe(null);
  });

  it("disagreements: none without Partner Center's facts", () => {
    expect(seatReduction(seats(), { asOf: IN_WINDOW, quantity: 8 }).disagreements).toEqual([]);
  });

  it("disagreements: Partner Center's commitmentEndDate when it differs, and the next term starts the day after it", () => {
    const d = seatReduction(software({ commitmentEndDate: '2025-03-05' }), {
      asOf: IN_WINDOW,
      quantity: 8,
    });
    expect(d.disagreements).toEqual([
      { field: 'commitmentEndDate', partnerCenter: '2025-03-05', forecast: '2025-02-28' },
    ]);
    expect(steps(d)).toEqual([['schedule_next_term_quantity', '2025-03-06']]);
  });
});
