import { describe, expect, it } from 'vitest';
import {
  type CancellationWindowRule,
  cancellationWindow,
  PERPETUAL_CANCELLATION_POLICY,
  SUBSCRIPTION_CANCELLATION_POLICY,
} from '../../src/cancellation/index.js';
import { type DatedPolicy, definePolicy } from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { perpetual, sub } from './fixtures.js';

const H = 3_600_000;
const D = 24 * H;
const iso = (d: Date) => d.toISOString();
const ms = (text: string) => Date.parse(text);

describe('policy tables', () => {
  it('are valid dated policies in force at any date (from 0000-01-01) with Microsoft sources', () => {
    for (const p of [SUBSCRIPTION_CANCELLATION_POLICY, PERPETUAL_CANCELLATION_POLICY]) {
      expect(definePolicy(p)).toBe(p);
      expect(p.versions[0]?.effectiveFrom).toBe('0000-01-01');
      expect(p.versions[0]?.source).toMatch(/^https:\/\/learn\.microsoft\.com\/partner-center\//);
    }
    expect(SUBSCRIPTION_CANCELLATION_POLICY.versions[0]?.value.days).toBe(7);
    expect(PERPETUAL_CANCELLATION_POLICY.versions[0]?.value.days).toBe(30);
  });
});

describe('options the window does not read', () => {
  it('ignores roles: who may cancel is a question for the decision, not the window', () => {
    const asOf = '2023-02-01T00:00:00Z';
    expect(cancellationWindow(sub(), { asOf, roles: 5 } as never)).toEqual(
      cancellationWindow(sub(), { asOf }),
    );
  });
});

describe('subscription, initial term', () => {
  it('opens at the purchase instant and closes 168 elapsed hours later (default)', () => {
    const w = cancellationWindow(sub(), { asOf: '2023-02-01T00:00:00Z' });
    expect(w).toEqual({
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
    });
    expect(w.closesAt.getTime() - w.opensAt.getTime()).toBe(168 * H);
  });

  it('a purchase at 00:00:00.000Z has its last day on start + 6 when read in hours', () => {
    const w = cancellationWindow(sub({ purchasedAt: '2023-03-10T00:00:00Z' }), {
      asOf: '2023-03-10T00:00:00Z',
    });
    expect(iso(w.closesAt)).toBe('2023-03-17T00:00:00.000Z');
    expect(w.lastDay).toBe('2023-03-16');
  });

  it('calendar days: last day = start date + 7, closes 00:00Z the day after', () => {
    const w = cancellationWindow(sub(), { asOf: '2023-02-01', window: 'calendar_days' });
    expect(iso(w.opensAt)).toBe('2023-01-31T15:00:00.000Z');
    expect(w.lastDay).toBe('2023-02-07');
    expect(iso(w.closesAt)).toBe('2023-02-08T00:00:00.000Z');
    expect(w.reading).toBe('calendar_days');
  });

  it('an offset purchase instant is read on its UTC day', () => {
    // 2023-03-01T01:00+02:00 is 2023-02-28T23:00Z: the calendar window counts from Feb 28.
    const w = cancellationWindow(sub({ purchasedAt: '2023-03-01T01:00:00+02:00' }), {
      asOf: '2023-03-02T00:00:00Z',
      window: 'calendar_days',
    });
    expect(w.lastDay).toBe('2023-03-07');
    expect(iso(w.closesAt)).toBe('2023-03-08T00:00:00.000Z');
  });

  it('before the purchase, the window is still the initial term one', () => {
    const w = cancellationWindow(sub(), { asOf: '2023-01-01T00:00:00Z' });
    expect(w.termIndex).toBe(0);
    expect(iso(w.opensAt)).toBe('2023-01-31T15:00:00.000Z');
  });
});

describe('subscription, renewal terms anchored on the 31st', () => {
  // P1M bought 2023-01-31: Jan 31–Feb 27, Feb 28–Mar 30, Mar 31–Apr 29, Apr 30–May 30.
  const cases: [string, number, string, string, string][] = [
    [
      '2023-02-27T23:59:59.999Z',
      0,
      '2023-01-31T15:00:00.000Z',
      '2023-02-07T15:00:00.000Z',
      '2023-02-08T00:00:00.000Z',
    ],
    [
      '2023-02-28T00:00:00.000Z',
      1,
      '2023-02-28T00:00:00.000Z',
      '2023-03-07T00:00:00.000Z',
      '2023-03-08T00:00:00.000Z',
    ],
    [
      '2023-03-30T23:59:59.999Z',
      1,
      '2023-02-28T00:00:00.000Z',
      '2023-03-07T00:00:00.000Z',
      '2023-03-08T00:00:00.000Z',
    ],
    [
      '2023-03-31T00:00:00.000Z',
      2,
      '2023-03-31T00:00:00.000Z',
      '2023-04-07T00:00:00.000Z',
      '2023-04-08T00:00:00.000Z',
    ],
    [
      '2023-04-30T12:00:00.000Z',
      3,
      '2023-04-30T00:00:00.000Z',
      '2023-05-07T00:00:00.000Z',
      '2023-05-08T00:00:00.000Z',
    ],
    [
      '2024-02-29T00:00:00.000Z',
      13,
      '2024-02-29T00:00:00.000Z',
      '2024-03-07T00:00:00.000Z',
      '2024-03-08T00:00:00.000Z',
    ],
  ];
  it.each(cases)(
    'at %s: term %i opens %s, closes %s (hours) / %s (calendar)',
    (asOf, k, opens, closesHours, closesCalendar) => {
      const hours = cancellationWindow(sub(), { asOf });
      expect(hours.termIndex).toBe(k);
      expect(iso(hours.opensAt)).toBe(opens);
      expect(iso(hours.closesAt)).toBe(closesHours);
      const cal = cancellationWindow(sub(), { asOf, window: 'calendar_days' });
      expect(cal.termIndex).toBe(k);
      expect(iso(cal.closesAt)).toBe(closesCalendar);
    },
  );

  it('a renewal opens at renewalCompletedAt when it falls inside that term', () => {
    const s = sub({ renewalCompletedAt: '2023-02-28T06:30:00Z' });
    const w = cancellationWindow(s, { asOf: '2023-03-01T00:00:00Z' });
    expect(iso(w.opensAt)).toBe('2023-02-28T06:30:00.000Z');
    expect(iso(w.closesAt)).toBe('2023-03-07T06:30:00.000Z');
    expect(w.renewalCompletedAtIgnored).toBe(false);
    const cal = cancellationWindow(s, { asOf: '2023-03-01T00:00:00Z', window: 'calendar_days' });
    expect(cal.lastDay).toBe('2023-03-07');
  });

  it('a renewalCompletedAt from another term is ignored and flagged', () => {
    const w = cancellationWindow(sub({ renewalCompletedAt: '2023-02-28T06:30:00Z' }), {
      asOf: '2023-03-31T10:00:00Z',
    });
    expect(w.termIndex).toBe(2);
    expect(iso(w.opensAt)).toBe('2023-03-31T00:00:00.000Z');
    expect(w.renewalCompletedAtIgnored).toBe(true);
  });

  it('a P1Y bought on Feb 29 renews on Feb 28 and Feb 29 (from the anchor)', () => {
    const s = sub({ purchasedAt: '2024-02-29T12:00:00Z', term: 'P1Y', billingFrequency: 'annual' });
    expect(iso(cancellationWindow(s, { asOf: '2025-03-01' }).opensAt)).toBe(
      '2025-02-28T00:00:00.000Z',
    );
    expect(iso(cancellationWindow(s, { asOf: '2028-03-01' }).opensAt)).toBe(
      '2028-02-29T00:00:00.000Z',
    );
  });

  it('a legacy subscription (before 2021-10-14) keeps the window of its only term', () => {
    const w = cancellationWindow(sub({ purchasedAt: '2021-06-01T10:00:00Z' }), {
      asOf: '2021-09-01',
    });
    expect(w.termIndex).toBe(0);
    expect(iso(w.closesAt)).toBe('2021-06-08T10:00:00.000Z');
  });
});

describe("Partner Center's own deadline", () => {
  const s = sub({ purchasedAt: '2022-01-31T10:00:00Z' });

  it('is authoritative in its term: allowed while asOf ≤ it, closesAt = it + 1 ms', () => {
    const w = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-02-07T23:59:00Z' },
      { asOf: '2022-02-01' },
    );
    expect(w.source).toBe('partner_center');
    expect(iso(w.closesAt)).toBe('2022-02-07T23:59:00.001Z');
    expect(w.lastDay).toBe('2022-02-07');
    expect(w.partnerCenterDeadline).toEqual({
      at: new Date('2022-02-07T23:59:00Z'),
      use: 'applied',
    });
    expect(w.staleDeadlineIgnored).toBe(false);
  });

  it('takes precedence over both readings and over minimumWindowDays, earlier or later', () => {
    const early = { ...s, cancellationAllowedUntil: '2022-02-03T00:00:00Z' };
    for (const window of ['elapsed_hours', 'calendar_days'] as const) {
      const w = cancellationWindow(early, { asOf: '2022-02-01', window, minimumWindowDays: 14 });
      expect(iso(w.closesAt)).toBe('2022-02-03T00:00:00.001Z');
      expect(w.lastDay).toBe('2022-02-03');
      expect(w.extended).toBe(false);
    }
  });

  it('keeps the 7 digits Partner Center writes, truncated to the millisecond', () => {
    const w = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-02-07T10:00:00.9999999Z' },
      { asOf: '2022-02-01' },
    );
    expect(iso(w.closesAt)).toBe('2022-02-07T10:00:01.000Z');
  });

  it('is applied on the first and the last millisecond of the term', () => {
    const first = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-01-31T10:00:00Z' },
      { asOf: '2022-02-01' },
    );
    expect(first.partnerCenterDeadline?.use).toBe('applied');
    const last = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-02-27T23:59:59.999Z' },
      { asOf: '2022-02-01' },
    );
    expect(last.partnerCenterDeadline?.use).toBe('applied');
  });

  it('older than the current term opening is stale: ignored and flagged', () => {
    const w = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-02-07T23:59:00Z' },
      { asOf: '2022-03-01T12:00:00Z' },
    );
    expect(w.termIndex).toBe(1);
    expect(w.source).toBe('policy');
    expect(w.staleDeadlineIgnored).toBe(true);
    expect(w.partnerCenterDeadline?.use).toBe('stale');
    expect(iso(w.opensAt)).toBe('2022-02-28T00:00:00.000Z');
    expect(iso(w.closesAt)).toBe('2022-03-07T00:00:00.000Z');
  });

  it('before the purchase instant (on the purchase day) is stale too', () => {
    const w = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-01-31T09:59:59.999Z' },
      { asOf: '2022-02-01' },
    );
    expect(w.staleDeadlineIgnored).toBe(true);
  });

  it('after the current term belongs to a later term: ignored, not stale', () => {
    const w = cancellationWindow(
      { ...s, cancellationAllowedUntil: '2022-02-28T00:00:00Z' },
      { asOf: '2022-02-01' },
    );
    expect(w.source).toBe('policy');
    expect(w.partnerCenterDeadline?.use).toBe('later_term');
    expect(w.staleDeadlineIgnored).toBe(false);
  });
});

describe('perpetual software', () => {
  it('30 × 24 hours from the purchase instant by default', () => {
    const w = cancellationWindow(perpetual(), { asOf: '2022-05-10' });
    expect(iso(w.opensAt)).toBe('2022-05-02T08:00:00.000Z');
    expect(iso(w.closesAt)).toBe('2022-06-01T08:00:00.000Z');
    expect(w.closesAt.getTime() - w.opensAt.getTime()).toBe(720 * H);
    expect(w.lastDay).toBe('2022-06-01');
    expect(w.termIndex).toBe(0);
    expect(w.partnerCenterDeadline).toBeNull();
  });

  it('calendar days: last day = purchase date + 30', () => {
    const w = cancellationWindow(perpetual(), { asOf: '2022-05-10', window: 'calendar_days' });
    expect(w.lastDay).toBe('2022-06-01');
    expect(iso(w.closesAt)).toBe('2022-06-02T00:00:00.000Z');
    const feb = cancellationWindow(perpetual({ purchasedAt: '2024-02-10T23:00:00Z' }), {
      asOf: '2024-02-11',
      window: 'calendar_days',
    });
    expect(feb.lastDay).toBe('2024-03-11');
  });

  it('minimumWindowDays lengthens it, never shortens it', () => {
    const longer = cancellationWindow(perpetual(), { asOf: '2022-05-10', minimumWindowDays: 45 });
    expect(longer.closesAt.getTime() - longer.opensAt.getTime()).toBe(45 * D);
    expect(longer.extended).toBe(true);
    const shorter = cancellationWindow(perpetual(), { asOf: '2022-05-10', minimumWindowDays: 14 });
    expect(shorter.closesAt.getTime() - shorter.opensAt.getTime()).toBe(30 * D);
    expect(shorter.extended).toBe(false);
  });
});

describe('options', () => {
  it('minimumWindowDays: a longer subscription window where law requires it', () => {
    const w = cancellationWindow(sub(), { asOf: '2023-02-01', minimumWindowDays: 14 });
    expect(iso(w.closesAt)).toBe('2023-02-14T15:00:00.000Z');
    expect(w.extended).toBe(true);
    const cal = cancellationWindow(sub(), {
      asOf: '2023-02-01',
      minimumWindowDays: 14,
      window: 'calendar_days',
    });
    expect(cal.lastDay).toBe('2023-02-14');
    expect(cancellationWindow(sub(), { asOf: '2023-02-01', minimumWindowDays: 7 }).extended).toBe(
      false,
    );
  });

  it('a caller policy is evaluated at the opening instant of each term', () => {
    const audit: DatedPolicy<CancellationWindowRule> = definePolicy({
      id: 'audit.window',
      versions: [
        { effectiveFrom: '2019-01-01', source: 'https://example.com/2019', value: { days: 60 } },
        { effectiveFrom: '2021-09-01', source: 'https://example.com/2021', value: { days: 30 } },
        { effectiveFrom: '2022-12-01', source: 'https://example.com/now', value: { days: 7 } },
      ],
    });
    const s = sub({ purchasedAt: '2021-11-15T00:00:00Z', term: 'P1Y', billingFrequency: 'annual' });
    const first = cancellationWindow(s, { asOf: '2021-11-20', policy: audit });
    expect(iso(first.closesAt)).toBe('2021-12-15T00:00:00.000Z');
    // The renewal of 2022-11-15 opens before 2022-12-01: still 30 days.
    const second = cancellationWindow(s, { asOf: '2022-11-20', policy: audit });
    expect(iso(second.closesAt)).toBe('2022-12-15T00:00:00.000Z');
    const third = cancellationWindow(s, { asOf: '2023-11-20', policy: audit });
    expect(iso(third.closesAt)).toBe('2023-11-22T00:00:00.000Z');
    const old = cancellationWindow(perpetual({ purchasedAt: '2020-03-01T00:00:00Z' }), {
      asOf: '2020-03-02',
      policy: audit,
    });
    expect(old.closesAt.getTime() - old.opensAt.getTime()).toBe(60 * D);
  });

  it('the built-in policies apply to any purchase date, even before 1970', () => {
    const w = cancellationWindow(perpetual({ purchasedAt: '1969-12-01T00:00:00Z' }), {
      asOf: '1969-12-02',
    });
    expect(w.closesAt.getTime() - w.opensAt.getTime()).toBe(30 * D);
  });

  it('rejects bad options and purchases', () => {
    expectRuleError(() => cancellationWindow(sub(), null as never), 'invalid_input', 'options');
    expectRuleError(() => cancellationWindow(sub(), {} as never), 'invalid_instant', 'asOf');
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01T10:00' }),
      'ambiguous_local_time',
      'asOf',
    );
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01', window: 'days' as never }),
      'invalid_option',
      'window',
    );
    for (const bad of [0, -1, 1.5, 3661, '14']) {
      expectRuleError(
        () => cancellationWindow(sub(), { asOf: '2023-02-01', minimumWindowDays: bad as never }),
        'invalid_option',
        'minimumWindowDays',
      );
    }
    expectRuleError(
      () => cancellationWindow(sub({ term: { unknown: 'P2Y' } }), { asOf: '2023-02-01' }),
      'invalid_term',
    );
    expectRuleError(
      () => cancellationWindow({ kind: 'other' } as never, { asOf: '2023-02-01' }),
      'invalid_input',
      'purchase.kind',
    );
    expectRuleError(
      () => cancellationWindow(sub({ cancellationAllowedUntil: 'soon' }), { asOf: '2023-02-01' }),
      'invalid_instant',
      'purchase.cancellationAllowedUntil',
    );
  });

  it('rejects a bad or not yet valid policy', () => {
    const notYet = definePolicy({
      id: 'later',
      versions: [
        { effectiveFrom: '2030-01-01', source: 'https://example.com', value: { days: 7 } },
      ],
    });
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01', policy: notYet }),
      'policy_not_in_force',
      'policy',
    );
    const zero = {
      id: 'zero',
      versions: [{ effectiveFrom: '2020-01-01', source: 'https://e.x', value: { days: 0 } }],
    };
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01', policy: zero }),
      'invalid_policy',
      'policy.versions[0].value.days',
    );
    const noValue = {
      id: 'nv',
      versions: [{ effectiveFrom: '2020-01-01', source: 'https://e.x', value: null }],
    };
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01', policy: noValue as never }),
      'invalid_policy',
    );
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01', policy: { id: 'x', versions: [] } }),
      'invalid_policy',
    );
    expectRuleError(
      () => cancellationWindow(sub(), { asOf: '2023-02-01', policy: 'seven' as never }),
      'invalid_policy',
    );
  });

  it('timestamps with offsets are read as instants', () => {
    const a = cancellationWindow(sub(), { asOf: '2023-02-07T16:59:59.999+02:00' });
    const b = cancellationWindow(sub(), { asOf: new Date(ms('2023-02-07T14:59:59.999Z')) });
    expect(a).toEqual(b);
  });
});
