// Pins the lifecycle edges that earlier tests left unguarded: the exact
// millisecond a term opens and when renewalCompletedAt is believed, the
// purchase instant itself, every error message, and the defaults of
// autoRenewToggle when the term is unknown.
import { describe, expect, it } from 'vitest';
import { cancellationWindow } from '../../src/cancellation/index.js';
import type { SoftwareSubscription } from '../../src/core/index.js';
import {
  autoRenewToggle,
  PURCHASE_DATE_POLICY,
  subscriptionStatusOn,
  termDates,
} from '../../src/lifecycle/index.js';
import { expectRuleError, messageOf } from '../support/errors.js';

/** A monthly subscription bought mid-month (no month-end clamping): term 1 is 2022-04-10..2022-05-09. */
const monthly = {
  kind: 'subscription',
  purchasedAt: '2022-03-10T10:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 1,
  unitPrice: '10.00',
  currency: 'EUR',
  autoRenew: true,
} as const;

function opening(renewalCompletedAt: string | undefined, asOf: string) {
  const sub: SoftwareSubscription =
    renewalCompletedAt === undefined ? monthly : { ...monthly, renewalCompletedAt };
  const w = cancellationWindow(sub, { asOf });
  return {
    termIndex: w.termIndex,
    opensAt: w.opensAt.toISOString(),
    ignored: w.renewalCompletedAtIgnored,
  };
}

describe('a renewal term opens at renewalCompletedAt only when it falls inside that term', () => {
  const inTerm1 = '2022-04-20T00:00:00Z';

  it('at 00:00Z of the renewal day (the first millisecond of the term): believed', () => {
    expect(opening('2022-04-10T00:00:00.000Z', inTerm1)).toEqual({
      termIndex: 1,
      opensAt: '2022-04-10T00:00:00.000Z',
      ignored: false,
    });
  });

  it('the millisecond before the renewal day: ignored, the term opens at 00:00Z', () => {
    expect(opening('2022-04-09T23:59:59.999Z', inTerm1)).toEqual({
      termIndex: 1,
      opensAt: '2022-04-10T00:00:00.000Z',
      ignored: true,
    });
  });

  it('the last millisecond of the term: believed', () => {
    expect(opening('2022-05-09T23:59:59.999Z', inTerm1)).toEqual({
      termIndex: 1,
      opensAt: '2022-05-09T23:59:59.999Z',
      ignored: false,
    });
  });

  it('00:00Z of the next renewal day (outside the term): ignored', () => {
    expect(opening('2022-05-10T00:00:00.000Z', inTerm1)).toEqual({
      termIndex: 1,
      opensAt: '2022-04-10T00:00:00.000Z',
      ignored: true,
    });
  });

  it('not given on a renewal term: not reported as ignored', () => {
    expect(opening(undefined, inTerm1)).toEqual({
      termIndex: 1,
      opensAt: '2022-04-10T00:00:00.000Z',
      ignored: false,
    });
  });

  it('the initial term always opens at the purchase instant, renewalCompletedAt or not', () => {
    expect(opening('2022-03-11T00:00:00Z', '2022-03-12T00:00:00Z')).toEqual({
      termIndex: 0,
      opensAt: '2022-03-10T10:00:00.000Z',
      ignored: false,
    });
  });
});

describe('subscriptionStatusOn: the purchase instant itself is in the term', () => {
  it('not_started the millisecond before, in_term at the purchase instant', () => {
    expect(subscriptionStatusOn(monthly, { asOf: '2022-03-10T09:59:59.999Z' }).state).toBe(
      'not_started',
    );
    expect(subscriptionStatusOn(monthly, { asOf: '2022-03-10T10:00:00.000Z' }).state).toBe(
      'in_term',
    );
  });

  it('reports the purchase-date rule it applied', () => {
    const v = PURCHASE_DATE_POLICY.versions[1];
    expect(subscriptionStatusOn(monthly, { asOf: '2022-03-11' }).rules).toEqual([
      { id: PURCHASE_DATE_POLICY.id, source: v?.source, effectiveFrom: '2021-10-14' },
    ]);
  });
});

describe('subscriptionStatusOn: an unknown term names the received value, clipped to 16 characters', () => {
  it('quotes the term, not another unknown field', () => {
    expect(
      messageOf(() =>
        subscriptionStatusOn(
          { ...monthly, status: { unknown: 'migrating' }, term: { unknown: 'P5Y' } },
          { asOf: '2022-04-01' },
        ),
      ),
    ).toMatchInlineSnapshot(
      `"invalid_term [subscription.term] subscription.term: "P5Y" is not a term this version knows"`,
    );
  });

  it('clips a long value', () => {
    expect(
      messageOf(() =>
        subscriptionStatusOn(
          { ...monthly, term: { unknown: 'P5Y-with-a-very-long-suffix' } },
          { asOf: '2022-04-01' },
        ),
      ),
    ).toMatchInlineSnapshot(
      `"invalid_term [subscription.term] subscription.term: "P5Y-with-a-very-" is not a term this version knows"`,
    );
  });
});

describe('termDates: messages and the termIndex range 0..10000', () => {
  it('pins the errors of a bad input or termIndex', () => {
    const calls: (() => unknown)[] = [
      () => termDates(null as never),
      () => termDates('2021-01-31' as never),
      () => termDates({ purchasedAt: '2021-01-31', term: 'P1Y', termIndex: -1 }),
      () => termDates({ purchasedAt: '2021-01-31', term: 'P1Y', termIndex: 1.5 }),
      () => termDates({ purchasedAt: '2021-01-31', term: 'P1Y', termIndex: '1' as never }),
      () => termDates({ purchasedAt: '2021-01-31', term: 'P1M', termIndex: 10_001 }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [input] termDates: expected { purchasedAt, term, termIndex? }",
        "invalid_input [input] termDates: expected { purchasedAt, term, termIndex? }",
        "invalid_input [termIndex] termIndex: expected a whole number from 0 (the initial term)",
        "invalid_input [termIndex] termIndex: expected a whole number from 0 (the initial term)",
        "invalid_input [termIndex] termIndex: expected a whole number from 0 (the initial term)",
        "invalid_input [termIndex] termIndex: expected a whole number from 0 (the initial term)",
      ]
    `);
  });

  it('accepts the largest index, 10000', () => {
    expect(termDates({ purchasedAt: '2021-01-31', term: 'P1M', termIndex: 10_000 })).toEqual({
      termIndex: 10_000,
      start: '2854-05-31',
      end: '2854-06-29',
      renewsOn: '2854-06-30',
    });
  });
});

describe('autoRenewToggle: arguments and the unknown-term fallback', () => {
  it('a missing options object is an invalid asOf, not a TypeError', () => {
    // expectRuleError rethrows anything that is not a CspRuleError (a TypeError here).
    expectRuleError(() => autoRenewToggle(monthly, undefined as never), 'invalid_instant', 'asOf');
  });

  it('pins the message of a non-boolean `to`', () => {
    expect(
      messageOf(() => autoRenewToggle(monthly, { asOf: '2022-04-01', to: 'yes' as never })),
    ).toMatchInlineSnapshot(`"invalid_input [to] to: expected true or false"`);
  });

  it('with an unknown term, autoRenew is the subscription setting, false when unset, and no rule applies', () => {
    const { autoRenew: _omit, ...unset } = monthly;
    const off = autoRenewToggle({ ...unset, term: { unknown: 'P5Y' } }, { asOf: '2022-04-01' });
    expect(off.autoRenew).toBe(false);
    expect(off.to).toBe(true);
    expect(off.currentTerm).toBeUndefined();
    expect(off.atTermEnd).toBeUndefined();
    expect(off.rules).toEqual([]);
    expect(off.reasons).toEqual([
      { code: 'unknown_value', field: 'subscription.term', raw: 'P5Y' },
    ]);

    const on = autoRenewToggle({ ...monthly, term: { unknown: 'P5Y' } }, { asOf: '2022-04-01' });
    expect(on.autoRenew).toBe(true);
    expect(on.to).toBe(false);
  });
});
