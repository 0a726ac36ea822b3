import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { invoiceFor, remainingObligation } from '../../src/refunds/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const D = 86_400_000;

const sub: SoftwareSubscription = {
  kind: 'subscription',
  id: 'sub-9',
  purchasedAt: '2023-03-10T08:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 4,
  unitPrice: '25.00',
  currency: 'USD',
};

describe('remainingObligation', () => {
  it('a cancelled subscription stays cancelled, not expired, once its term is over', () => {
    const o = remainingObligation(
      { ...sub, status: 'cancelled' },
      { asOf: '2025-01-01T00:00:00Z' },
    );
    expect(o.state).toBe('cancelled');
    expect(o.installments).toEqual([]);
  });

  it('inside the window: the installments are listed, the obligation is not final', () => {
    const o = remainingObligation(sub, { asOf: '2023-03-12T00:00:00Z' });
    expect(o.state).toBe('in_term');
    expect([o.windowOpen, o.allowed, o.billedInFull]).toEqual([true, true, false]);
    expect(o.currentCycle).toEqual({
      index: 0,
      start: '2023-03-10',
      end: '2023-04-09',
      amount: { currency: 'USD', minor: 10000 },
    });
    expect(o.installments).toHaveLength(11);
    expect(o.remaining).toEqual({ currency: 'USD', minor: 110000 });
    expect(o.termTotal).toEqual({ currency: 'USD', minor: 120000 });
    expect(o.window?.closesAt).toEqual(new Date('2023-03-17T08:00:00Z'));
    expect(o.term).toEqual({
      termIndex: 0,
      start: '2023-03-10',
      end: '2024-03-09',
      renewsOn: '2024-03-10',
    });
    expect([o.id, o.asOf]).toEqual(['sub-9', new Date('2023-03-12T00:00:00Z')]);
  });

  it('after the window: the cycles after the current one are owed, whatever happens', () => {
    // 4 × 25.00 = 100.00 a month. On 2023-06-20 the current cycle is Jun 10 – Jul 9 (index 3,
    // already billed); 8 cycles remain (Jul 10 .. Feb 9): 800.00.
    const o = remainingObligation(sub, { asOf: '2023-06-20T00:00:00Z' });
    expect([o.windowOpen, o.allowed, o.billedInFull]).toEqual([false, false, true]);
    expect(o.currentCycle?.index).toBe(3);
    expect(o.installments.map((i) => i.start)).toEqual([
      '2023-07-10',
      '2023-08-10',
      '2023-09-10',
      '2023-10-10',
      '2023-11-10',
      '2023-12-10',
      '2024-01-10',
      '2024-02-10',
    ]);
    expect(o.installments.at(-1)?.end).toBe('2024-03-09');
    expect(o.remaining).toEqual({ currency: 'USD', minor: 80000 });
    expect(o.rules.map((r) => r.id)).toContain('cancellation.full_term_billed');
    expect(o.cancellation.reasons.map((r) => r.code)).toEqual(['window_closed']);
    // One millisecond before the window closes it is still open; at closesAt it is not.
    expect(remainingObligation(sub, { asOf: '2023-03-17T07:59:59.999Z' }).windowOpen).toBe(true);
    expect(remainingObligation(sub, { asOf: '2023-03-17T08:00:00Z' }).windowOpen).toBe(false);
  });

  it('on the last cycle nothing is left beyond it; upfront plans owe nothing more', () => {
    const last = remainingObligation(sub, { asOf: '2024-03-01T00:00:00Z' });
    expect([last.currentCycle?.index, last.installments.length, last.remaining.minor]).toEqual([
      11, 0, 0,
    ]);
    const annual = remainingObligation(
      { ...sub, billingFrequency: 'annual', unitPrice: '300' },
      { asOf: '2023-05-01' },
    );
    expect(annual.installments).toEqual([]);
    expect(annual.termTotal).toEqual({ currency: 'USD', minor: 120000 });
  });

  it('a three-year term billed annually owes the later years', () => {
    const p3y = { ...sub, term: 'P3Y', billingFrequency: 'annual', unitPrice: '1000' } as const;
    const o = remainingObligation(p3y, { asOf: '2023-04-01T00:00:00Z' });
    expect(o.installments.map((i) => [i.start, i.end])).toEqual([
      ['2024-03-10', '2025-03-09'],
      ['2025-03-10', '2026-03-09'],
    ]);
    expect(o.remaining).toEqual({ currency: 'USD', minor: 800000 });
  });

  it('a Red Hat plan inside its window is open but not cancellable', () => {
    const o = remainingObligation(
      { ...sub, publisher: 'Red Hat' },
      { asOf: '2023-03-11T00:00:00Z', roles: ['AdminAgent'] },
    );
    expect([o.windowOpen, o.allowed, o.billedInFull]).toEqual([true, false, false]);
  });

  it('renewal terms, with the window options of evaluateCancellation', () => {
    // Term 1 opens 2024-03-10T00:00Z; the calendar-day window's last day is Mar 17.
    const o = remainingObligation(sub, { asOf: '2024-03-17T22:00:00Z', window: 'calendar_days' });
    expect(o.term?.termIndex).toBe(1);
    expect([o.windowOpen, o.currentCycle?.start, o.installments.length]).toEqual([
      true,
      '2024-03-10',
      11,
    ]);
  });

  it('a cancelled or expired subscription owes nothing more', () => {
    const cancelled = remainingObligation(
      { ...sub, status: 'cancelled' },
      { asOf: '2023-06-20T00:00:00Z' },
    );
    expect(cancelled.state).toBe('cancelled');
    expect([cancelled.currentCycle, cancelled.installments, cancelled.remaining.minor]).toEqual([
      null,
      [],
      0,
    ]);
    expect(cancelled.billedInFull).toBe(false);
    const expired = remainingObligation(
      { ...sub, autoRenew: false },
      { asOf: '2024-06-20T00:00:00Z' },
    );
    expect(expired.state).toBe('expired');
    expect(expired.remaining.minor).toBe(0);
    const both = remainingObligation(
      { ...sub, status: 'cancelled', autoRenew: false },
      { asOf: '2024-06-20T00:00:00Z' },
    );
    expect(both.state).toBe('cancelled');
    expect(remainingObligation({ ...sub, status: 'expired' }, { asOf: '2023-04-01' }).state).toBe(
      'expired',
    );
  });

  it('rounds each installment once, half-even by default', () => {
    // 3 × 0.125 = 0.375 → 0.38 (half-even: 37.5 → 38), truncate 0.37.
    const fine = { ...sub, quantity: 3, unitPrice: '0.125' };
    expect(remainingObligation(fine, { asOf: '2023-04-01' }).currentCycle?.amount.minor).toBe(38);
    expect(
      remainingObligation(fine, { asOf: '2023-04-01', chargeRounding: 'truncate' }).currentCycle
        ?.amount.minor,
    ).toBe(37);
  });

  it('remaining + billed so far = the term total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2021, 9, 14), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 1100 * D }),
        fc.constantFrom(
          ['P1M', 'monthly'] as const,
          ['P1Y', 'monthly'] as const,
          ['P3Y', 'monthly'] as const,
          ['P3Y', 'annual'] as const,
        ),
        (purchasedMs, offset, [term, billingFrequency]) => {
          const s = {
            ...sub,
            purchasedAt: new Date(purchasedMs).toISOString(),
            term,
            billingFrequency,
          };
          const o = remainingObligation(s, { asOf: new Date(purchasedMs + offset) });
          expect(o.state).toBe('in_term');
          const index = o.currentCycle?.index ?? -1;
          expect(o.remaining.minor + (index + 1) * 10000).toBe(o.termTotal.minor);
          expect(o.windowOpen).toBe(o.allowed);
          expect(o.billedInFull).toBe(!o.windowOpen);
          const asOfDay = new Date(purchasedMs + offset).toISOString().slice(0, 10);
          expect(o.currentCycle?.start.localeCompare(asOfDay)).toBeLessThanOrEqual(0);
          expect(o.installments.every((i) => i.start > asOfDay)).toBe(true);
        },
      ),
    );
  });

  it('is the same in every time zone', () => {
    expectSameInEveryTimeZone(() =>
      remainingObligation(
        { ...sub, purchasedAt: '2023-01-31T23:30:00-02:00' },
        { asOf: '2023-03-01T00:30:00+01:00' },
      ),
    );
  });

  it('throws CspRuleError for caller mistakes', () => {
    expectRuleError(() => remainingObligation(sub, undefined as never), 'invalid_input', 'options');
    expectRuleError(() => remainingObligation(sub, {} as never), 'invalid_instant', 'asOf');
    const early = remainingObligation(sub, { asOf: '2023-03-10T07:59:59Z' });
    expect([early.state, early.allowed, early.installments, early.currentCycle]).toEqual([
      'not_started',
      false,
      [],
      null,
    ]);
    expect(early.reasons.map((r) => r.code)).toEqual(['not_yet_open']);
    expectRuleError(
      () => remainingObligation({ ...sub, term: { unknown: 'P2Y' } }, { asOf: '2023-04-01' }),
      'invalid_term',
    );
    expectRuleError(
      () =>
        remainingObligation(
          { ...sub, billingFrequency: { unknown: 'quarterly' } },
          { asOf: '2023-04-01' },
        ),
      'invalid_billing_frequency',
      'subscription.billingFrequency',
    );
    expectRuleError(
      () => remainingObligation({ ...sub, billingFrequency: 'triennial' }, { asOf: '2023-04-01' }),
      'invalid_billing_frequency',
      'subscription.billingFrequency',
    );
    expectRuleError(
      () => remainingObligation(sub, { asOf: '2023-04-01', chargeRounding: 'up' as never }),
      'invalid_rounding',
      'chargeRounding',
    );
    expectRuleError(
      () => remainingObligation(sub, { asOf: '2023-04-01', minimumWindowDays: 0 }),
      'invalid_option',
      'minimumWindowDays',
    );
    expectRuleError(
      () =>
        remainingObligation(
          { ...sub, term: 'P3Y', quantity: 1, unitPrice: '10000000000000.00' },
          { asOf: '2023-04-01' },
        ),
      'invalid_money',
      'subscription.unitPrice',
    );
    expectRuleError(
      () => remainingObligation({ ...sub, kind: 'perpetual' } as never, { asOf: '2023-04-01' }),
      'invalid_input',
    );
  });
});

describe('invoiceFor', () => {
  it('gives the UTC calendar month and the 6th–8th of the next month', () => {
    expect(invoiceFor('2024-02-17T10:00:00Z')).toEqual({
      billingPeriod: '2024-02',
      periodStart: '2024-02-01',
      periodEnd: '2024-02-29',
      availableFrom: '2024-03-06',
      availableBy: '2024-03-08',
    });
    expect(invoiceFor('2023-02-01')).toMatchObject({ periodEnd: '2023-02-28' });
    expect(invoiceFor(new Date('2023-12-31T23:59:59.999Z'))).toEqual({
      billingPeriod: '2023-12',
      periodStart: '2023-12-01',
      periodEnd: '2023-12-31',
      availableFrom: '2024-01-06',
      availableBy: '2024-01-08',
    });
    // An offset moves the instant to the next UTC month.
    expect(invoiceFor('2023-12-31T23:30:00-02:00').billingPeriod).toBe('2024-01');
    expect(invoiceFor('2023-05-01T01:00:00+02:00').billingPeriod).toBe('2023-04');
    expect(invoiceFor('0999-04-10').billingPeriod).toBe('0999-04');
  });

  it('every instant of a month maps to that month, in every time zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const inv = invoiceFor(new Date(ms));
        expect(inv.billingPeriod).toBe(iso.slice(0, 7));
        expect(inv.periodStart <= iso.slice(0, 10) && iso.slice(0, 10) <= inv.periodEnd).toBe(true);
        const next = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 6));
        expect(inv.availableFrom).toBe(next.toISOString().slice(0, 10));
        expect(inv.availableBy.slice(0, 8)).toBe(inv.availableFrom.slice(0, 8));
      }),
    );
    expectSameInEveryTimeZone(() => invoiceFor('2024-02-29T23:59:59.999Z'));
  });

  it('throws for a bad instant', () => {
    expectRuleError(() => invoiceFor('2024-01-15T10:00'), 'ambiguous_local_time', 'instant');
    expectRuleError(() => invoiceFor(new Date(Number.NaN)), 'invalid_instant', 'instant');
    expectRuleError(() => invoiceFor(42 as never), 'invalid_instant', 'instant');
  });
});
