// Pins the branches of subscriptionStatusOn and subscriptionLifecycle that the
// other lifecycle tests leave open: Partner Center's commitmentEndDate moving
// the renewal day, when a next term exists and which scheduled changes it
// lists, every Partner Center status against the dated path, the state's
// abilities (reactivate, cancel, renew), legacy billing, suspensions without
// a date, and the exact errors for bad options.
import { describe, expect, it } from 'vitest';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { subscriptionLifecycle, subscriptionStatusOn } from '../../src/lifecycle/index.js';
import { messageOf } from '../support/errors.js';

/** New commerce, bought 2024-01-10 09:00Z: term 0 is 2024-01-10..2025-01-09. */
const sub: SoftwareSubscription = {
  kind: 'subscription',
  id: 'sub-1',
  purchasedAt: '2024-01-10T09:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 5,
};
/** Legacy (before 2021-10-14): term 0 is 2021-06-01..2022-05-31. */
const legacy: SoftwareSubscription = { ...sub, purchasedAt: '2021-06-01T10:00:00Z' };
const inTerm = '2024-06-01';

type Lifecycle = ReturnType<typeof subscriptionLifecycle>;
const states = (l: Lifecycle) => l.timeline.map((s) => [s.state, s.from, s.until]);
const nextTerm = (s: SoftwareSubscription) => subscriptionStatusOn(s, { asOf: inTerm }).nextTerm;

describe('subscriptionStatusOn: commitmentEndDate sets the end of the current term', () => {
  it('a later commitmentEndDate moves the end, the renewal day (the day after) and the next term start', () => {
    const s = subscriptionStatusOn({ ...sub, commitmentEndDate: '2025-01-15' }, { asOf: inTerm });
    expect(s.currentTerm).toEqual({
      termIndex: 0,
      start: '2024-01-10',
      end: '2025-01-15',
      renewsOn: '2025-01-16',
    });
    expect(s.forecast.currentTermEnd).toBe('2025-01-09');
    expect(s.nextEvent).toEqual({ type: 'renewal', on: '2025-01-16' });
    expect(s.nextTerm?.start).toBe('2025-01-16');
    expect(s.disagreements).toEqual([
      { field: 'commitmentEndDate', partnerCenter: '2025-01-15', forecast: '2025-01-09' },
    ]);
  });

  it('without autorenew it expires on the commitmentEndDate', () => {
    const s = subscriptionStatusOn(
      { ...sub, autoRenew: false, commitmentEndDate: '2025-01-15' },
      { asOf: inTerm },
    );
    expect(s.nextEvent).toEqual({ type: 'expiry', on: '2025-01-15' });
    expect(s.currentTerm.renewsOn).toBe('2025-01-16');
  });
});

describe('subscriptionStatusOn: a next term only when it renews (in term, not cancelled or expired, autorenew on)', () => {
  it('in term with autorenew off: no next term, it expires at the term end', () => {
    const s = subscriptionStatusOn({ ...sub, autoRenew: false }, { asOf: inTerm });
    expect([s.state, s.nextTerm, s.nextEvent]).toEqual([
      'in_term',
      null,
      { type: 'expiry', on: '2025-01-09' },
    ]);
  });

  it('status cancelled with autorenew on: no next term, nothing more happens', () => {
    const s = subscriptionStatusOn(
      { ...sub, status: 'cancelled', autoRenew: true },
      { asOf: inTerm },
    );
    expect([s.state, s.autoRenew, s.nextTerm, s.nextEvent]).toEqual([
      'cancelled',
      true,
      null,
      { type: 'none' },
    ]);
  });

  it('status deleted with autorenew on: cancelled, no next term', () => {
    const s = subscriptionStatusOn(
      { ...sub, status: 'deleted', autoRenew: true },
      { asOf: inTerm },
    );
    expect([s.state, s.nextTerm, s.nextEvent]).toEqual(['cancelled', null, { type: 'none' }]);
  });

  it('status expired with autorenew on: no next term, nothing more happens', () => {
    const s = subscriptionStatusOn(
      { ...sub, status: 'expired', autoRenew: true },
      { asOf: inTerm },
    );
    expect([s.state, s.autoRenew, s.nextTerm, s.nextEvent]).toEqual([
      'expired',
      true,
      null,
      { type: 'none' },
    ]);
  });

  it('in term with autorenew on and nothing scheduled: the current values, nothing changed', () => {
    expect(nextTerm(sub)).toEqual({
      start: '2025-01-10',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 5,
      offerId: null,
      changed: [],
    });
  });
});

describe("subscriptionStatusOn: the next term is Partner Center's scheduled changes over the current values", () => {
  it('renewalTerm alone sets the next term length and lists term as changed', () => {
    expect(nextTerm({ ...sub, renewalTerm: 'P3Y' })).toEqual({
      start: '2025-01-10',
      term: 'P3Y',
      billingFrequency: 'annual',
      quantity: 5,
      offerId: null,
      changed: ['term'],
    });
  });

  it('renewalTerm wins over the scheduled term', () => {
    const n = nextTerm({ ...sub, renewalTerm: 'P1M', scheduledNextTerm: { term: 'P3Y' } });
    expect([n?.term, n?.changed]).toEqual(['P1M', ['term']]);
  });

  it('the scheduled term alone sets the next term length', () => {
    const n = nextTerm({ ...sub, scheduledNextTerm: { term: 'P1M' } });
    expect([n?.term, n?.changed]).toEqual(['P1M', ['term']]);
  });

  it('a renewalTerm equal to the current term is not a change', () => {
    const n = nextTerm({ ...sub, renewalTerm: 'P1Y' });
    expect([n?.term, n?.changed]).toEqual(['P1Y', []]);
  });

  it('scheduled values equal to the current ones are not changes', () => {
    const n = nextTerm({
      ...sub,
      scheduledNextTerm: { term: 'P1Y', billingFrequency: 'annual', quantity: 5 },
    });
    expect(n).toEqual({
      start: '2025-01-10',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 5,
      offerId: null,
      changed: [],
    });
  });

  it('a scheduled billing frequency alone is listed as billingFrequency', () => {
    const n = nextTerm({ ...sub, scheduledNextTerm: { billingFrequency: 'monthly' } });
    expect([n?.billingFrequency, n?.quantity, n?.changed]).toEqual([
      'monthly',
      5,
      ['billingFrequency'],
    ]);
  });

  it('a scheduled quantity alone is listed as quantity', () => {
    const n = nextTerm({ ...sub, scheduledNextTerm: { quantity: 8 } });
    expect([n?.quantity, n?.billingFrequency, n?.changed]).toEqual([8, 'annual', ['quantity']]);
  });

  it('a scheduled offer is always listed, with its id', () => {
    const n = nextTerm({
      ...sub,
      scheduledNextTerm: { offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K8RG' },
    });
    expect([n?.offerId, n?.changed]).toEqual(['CFQ7TTC0LH18:0001:CFQ7TTC0K8RG', ['offerId']]);
  });

  it('every field changed: listed in the order term, billingFrequency, quantity, offerId', () => {
    const n = nextTerm({
      ...sub,
      scheduledNextTerm: {
        offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K8RG',
        quantity: 8,
        billingFrequency: 'monthly',
        term: 'P3Y',
      },
    });
    expect(n).toEqual({
      start: '2025-01-10',
      term: 'P3Y',
      billingFrequency: 'monthly',
      quantity: 8,
      offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K8RG',
      changed: ['term', 'billingFrequency', 'quantity', 'offerId'],
    });
  });
});

describe('subscriptionLifecycle: caller mistakes name the option', () => {
  it('options that are not an object: invalid_input on options', () => {
    expect(messageOf(() => subscriptionLifecycle(sub, null as never))).toBe(
      'invalid_input [options] options: expected an object, got null',
    );
  });

  it('no asOf: invalid_instant on asOf', () => {
    expect(messageOf(() => subscriptionLifecycle(sub, {} as never))).toBe(
      'invalid_instant [asOf] asOf: expected a Date or an ISO-8601 string, got undefined',
    );
  });

  it('a cancelledAt that is not an instant: invalid_instant on options.cancelledAt', () => {
    expect(messageOf(() => subscriptionLifecycle(sub, { asOf: inTerm, cancelledAt: 'nope' }))).toBe(
      'invalid_instant [options.cancelledAt] options.cancelledAt: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)',
    );
  });
});

describe('subscriptionLifecycle: pending only before the purchase instant', () => {
  it('at the purchase instant itself it is active', () => {
    const l = subscriptionLifecycle(sub, { asOf: '2024-01-10T09:00:00Z' });
    expect([l.state, l.forecast, l.since, l.next]).toEqual([
      'active',
      'active',
      '2024-01-10',
      null,
    ]);
    expect(states(l)).toEqual([['active', '2024-01-10', null]]);
  });

  it("before the purchase instant, Partner Center's deleted status does not make the state", () => {
    const l = subscriptionLifecycle({ ...sub, status: 'deleted' }, { asOf: '2024-01-01' });
    expect([l.state, l.source, l.forecast, l.disagreements]).toEqual([
      'pending',
      'forecast',
      'pending',
      [],
    ]);
  });

  it('a pending subscription that autorenews renews: no expiry forecast', () => {
    // It expired, then was disabled and deleted, before the fix.
    const l = subscriptionLifecycle(sub, { asOf: '2024-01-01' });
    expect([l.state, l.next]).toEqual(['pending', { state: 'active', on: '2024-01-10' }]);
    expect(states(l)).toEqual([
      ['pending', null, null],
      ['active', '2024-01-10', null],
    ]);
  });

  it.each(['cancelled', 'suspended', 'deleted'] as const)(
    "before the purchase instant, the timeline is the dated one whatever Partner Center's %s says",
    (status) => {
      const l = subscriptionLifecycle(
        { ...sub, status, suspendedAt: '2024-02-01T00:00:00Z' },
        { asOf: '2024-01-01', cancelledAt: '2024-03-01' },
      );
      expect([l.state, l.since, l.billed]).toEqual(['pending', null, false]);
      expect(states(l)).toEqual(states(subscriptionLifecycle(sub, { asOf: '2024-01-01' })));
    },
  );

  it("a status 'pending' after the purchase instant is not used: the forecast is the state", () => {
    const l = subscriptionLifecycle({ ...sub, status: 'pending' }, { asOf: inTerm });
    expect([l.state, l.source, l.forecast, l.disagreements]).toEqual([
      'active',
      'forecast',
      'active',
      [],
    ]);
  });
});

describe("subscriptionLifecycle: Partner Center's status against the dated path", () => {
  it('a status equal to the forecast is used and is no disagreement', () => {
    const l = subscriptionLifecycle({ ...sub, status: 'active' }, { asOf: inTerm });
    expect([l.state, l.source, l.forecast, l.disagreements]).toEqual([
      'active',
      'partner_center',
      'active',
      [],
    ]);
  });

  it('expired while the dates say it renews: the path does not know it, so an undated expired state', () => {
    const l = subscriptionLifecycle(
      { ...sub, status: 'expired', autoRenew: true },
      { asOf: inTerm },
    );
    expect([l.state, l.source, l.forecast, l.since, l.next]).toEqual([
      'expired',
      'partner_center',
      'active',
      null,
      null,
    ]);
    expect(states(l)).toEqual([['expired', null, null]]);
    expect([l.users, l.admins, l.billed]).toEqual(['full', 'full', false]);
    expect(l.disagreements).toEqual([
      { field: 'status', partnerCenter: 'expired', forecast: 'active' },
    ]);
  });

  it('disabled while the dates say it renews: an undated disabled state', () => {
    const l = subscriptionLifecycle(
      { ...sub, status: 'disabled', autoRenew: true },
      { asOf: inTerm },
    );
    expect(states(l)).toEqual([['disabled', null, null]]);
    expect([l.users, l.admins]).toEqual(['none', 'data_only']);
  });

  it('expired with autorenew off: the timeline starts at the dated expired state of the path', () => {
    const l = subscriptionLifecycle(
      { ...sub, status: 'expired', autoRenew: false },
      { asOf: inTerm },
    );
    expect([l.state, l.forecast, l.since, l.next]).toEqual([
      'expired',
      'active',
      '2025-01-10',
      { state: 'disabled', on: '2025-02-09' },
    ]);
    expect(states(l)).toEqual([
      ['expired', '2025-01-10', '2025-02-08'],
      ['disabled', '2025-02-09', '2025-05-09'],
      ['deleted', '2025-05-10', null],
    ]);
  });

  it('deleted in term: one undated deleted state, whatever the dates would date', () => {
    for (const autoRenew of [true, false]) {
      const l = subscriptionLifecycle({ ...sub, status: 'deleted', autoRenew }, { asOf: inTerm });
      expect([l.state, l.since, l.next]).toEqual(['deleted', null, null]);
      expect(states(l)).toEqual([['deleted', null, null]]);
      expect([l.users, l.admins, l.billed]).toEqual(['none', 'none', false]);
    }
  });

  it('cancelled without cancelledAt: the backup and the deletion are undated', () => {
    const l = subscriptionLifecycle({ ...sub, status: 'cancelled' }, { asOf: inTerm });
    expect(states(l)).toEqual([
      ['cancelled', null, null],
      ['deleted', null, null],
    ]);
  });

  it('still cancelled after the 7 backup days: the timeline keeps the dated cancelled state', () => {
    const l = subscriptionLifecycle(
      { ...sub, status: 'cancelled' },
      { asOf: '2024-03-01', cancelledAt: '2024-02-01T10:00:00Z' },
    );
    expect([l.state, l.since, l.next]).toEqual([
      'cancelled',
      '2024-02-01',
      { state: 'deleted', on: '2024-02-08' },
    ]);
    expect(states(l)).toEqual([
      ['cancelled', '2024-02-01', '2024-02-07'],
      ['deleted', '2024-02-08', null],
    ]);
  });
});

describe("subscriptionLifecycle: Partner Center's other facts stay beside the status", () => {
  it('a suspended subscription Partner Center says autorenews: the autoRenew disagreement is kept', () => {
    const l = subscriptionLifecycle(
      { ...sub, status: 'suspended', autoRenew: true },
      { asOf: inTerm },
    );
    expect(l.disagreements).toEqual([
      { field: 'autoRenew', partnerCenter: true, forecast: false },
      { field: 'status', partnerCenter: 'suspended', forecast: 'active' },
    ]);
  });

  it('a commitmentEndDate other than the forecast: the disagreement is kept', () => {
    const l = subscriptionLifecycle({ ...sub, commitmentEndDate: '2025-01-15' }, { asOf: inTerm });
    expect(l.disagreements).toEqual([
      { field: 'commitmentEndDate', partnerCenter: '2025-01-15', forecast: '2025-01-09' },
    ]);
  });
});

describe('subscriptionLifecycle: what can be done in a state', () => {
  const suspended = { ...sub, status: 'suspended', suspendedAt: '2024-03-01' } as const;

  it('suspended: it can be cancelled, not renewed', () => {
    const l = subscriptionLifecycle(suspended, { asOf: inTerm });
    expect([l.canCancel, l.canRenew, l.canReactivate]).toEqual([true, false, true]);
  });

  it('suspended on the last day of the term: it can still be reactivated', () => {
    const l = subscriptionLifecycle(suspended, { asOf: '2025-01-09T23:59:59Z' });
    expect(l.canReactivate).toBe(true);
  });

  it('legacy, suspended past the term it never renewed: it can no longer be reactivated', () => {
    const l = subscriptionLifecycle(
      { ...legacy, status: 'suspended', autoRenew: false },
      { asOf: '2022-07-01' },
    );
    expect([l.state, l.canReactivate, l.canCancel]).toEqual(['suspended', false, true]);
  });

  it('new commerce active with autorenew off: it can be renewed (turned on)', () => {
    const l = subscriptionLifecycle({ ...sub, autoRenew: false }, { asOf: inTerm });
    expect([l.state, l.canRenew, l.canCancel]).toEqual(['active', true, true]);
  });

  it('legacy active: it cannot be renewed, unless Partner Center says it autorenews', () => {
    const off = subscriptionLifecycle(legacy, { asOf: '2021-07-01' });
    expect([off.state, off.legacy, off.canRenew]).toEqual(['active', true, false]);
    const on = subscriptionLifecycle({ ...legacy, autoRenew: true }, { asOf: '2021-07-01' });
    expect([on.state, on.canRenew]).toEqual(['active', true]);
  });
});

describe('subscriptionLifecycle: legacy billing', () => {
  it('a legacy active subscription is billed; expired is not', () => {
    const l = subscriptionLifecycle(legacy, { asOf: '2021-07-01' });
    expect(l.billed).toBe(true);
    expect(l.timeline.map((s) => [s.state, s.billed])).toEqual([
      ['active', true],
      ['expired', false],
    ]);
  });
});

describe('subscriptionLifecycle: a suspension without suspendedAt', () => {
  it('new commerce: the suspended state has no first day, the term end still dates what follows', () => {
    const l = subscriptionLifecycle({ ...sub, status: 'suspended' }, { asOf: inTerm });
    expect([l.since, l.next]).toEqual([null, { state: 'disabled', on: '2025-01-10' }]);
    expect(states(l)).toEqual([
      ['suspended', null, '2025-01-09'],
      ['disabled', '2025-01-10', '2025-05-09'],
      ['deleted', '2025-05-10', null],
    ]);
  });

  it('legacy, deleted 90 days after the suspension: neither state is dated', () => {
    const l = subscriptionLifecycle({ ...legacy, status: 'suspended' }, { asOf: '2021-09-10' });
    expect([l.since, l.next, l.billed]).toEqual([null, null, false]);
    expect(states(l)).toEqual([
      ['suspended', null, null],
      ['deleted', null, null],
    ]);
  });

  it("legacy, deleted by the term's end: dated by the term end alone", () => {
    const l = subscriptionLifecycle(
      { ...legacy, status: 'suspended' },
      { asOf: '2021-09-10', legacySuspendedDeletion: 'term_end' },
    );
    expect(states(l)).toEqual([
      ['suspended', null, '2022-05-31'],
      ['deleted', '2022-06-01', null],
    ]);
  });
});
