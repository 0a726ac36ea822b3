import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeCycles } from '../../src/billing/index.js';
import { addDays, type BillingFrequency, type Term } from '../../src/core/index.js';
import {
  chargeCycleAt,
  cycleMonthsFor,
  cyclesOfTerm,
  epochDayFromYmd,
  formatEpochDay,
} from '../../src/core/internal.js';
import { termDates } from '../../src/lifecycle/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const months: Readonly<Record<Term | BillingFrequency, number>> = {
  P1M: 1,
  P1Y: 12,
  P3Y: 36,
  monthly: 1,
  annual: 12,
  triennial: 36,
};
/** Every (term, frequency) whose cycle fits the term. */
const plan = fc.constantFrom<[Term, BillingFrequency]>(
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
);
const anchorMs = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) });
const pairs = (cycles: readonly { start: string; end: string }[]) =>
  cycles.map((c) => [c.start, c.end]);

describe('chargeCycles: Microsoft month-end tables (clamping from the anchor)', () => {
  it('monthly term bought Jan 31: Jan31–Feb27, Feb28–Mar30, Mar31–Apr29', () => {
    const terms = [0, 1, 2].map((termIndex) =>
      chargeCycles({
        purchasedAt: '2021-01-31T15:00:00Z',
        term: 'P1M',
        billingFrequency: 'monthly',
        termIndex,
      }),
    );
    expect(terms.map(pairs)).toEqual([
      [['2021-01-31', '2021-02-27']],
      [['2021-02-28', '2021-03-30']],
      [['2021-03-31', '2021-04-29']],
    ]);
  });

  it('annual term, monthly plan, bought Jan 31: Feb 28, Mar 31, Apr 30, ... never drifting', () => {
    expect(
      pairs(chargeCycles({ purchasedAt: '2021-01-31', term: 'P1Y', billingFrequency: 'monthly' })),
    ).toEqual([
      ['2021-01-31', '2021-02-27'],
      ['2021-02-28', '2021-03-30'],
      ['2021-03-31', '2021-04-29'],
      ['2021-04-30', '2021-05-30'],
      ['2021-05-31', '2021-06-29'],
      ['2021-06-30', '2021-07-30'],
      ['2021-07-31', '2021-08-30'],
      ['2021-08-31', '2021-09-29'],
      ['2021-09-30', '2021-10-30'],
      ['2021-10-31', '2021-11-29'],
      ['2021-11-30', '2021-12-30'],
      ['2021-12-31', '2022-01-30'],
    ]);
  });

  it('bought Jan 31 of a leap year: the second cycle starts Feb 29', () => {
    expect(
      pairs(
        chargeCycles({ purchasedAt: '2024-01-31', term: 'P1Y', billingFrequency: 'monthly' }).slice(
          0,
          3,
        ),
      ),
    ).toEqual([
      ['2024-01-31', '2024-02-28'],
      ['2024-02-29', '2024-03-30'],
      ['2024-03-31', '2024-04-29'],
    ]);
  });

  it('monthly term bought on the 30th of a 31-day month (Mar 30): Mar30–Apr29, Apr30–May29, May30–Jun29', () => {
    const terms = [0, 1, 2].map(
      (termIndex) =>
        chargeCycles({
          purchasedAt: '2021-03-30',
          term: 'P1M',
          billingFrequency: 'monthly',
          termIndex,
        })[0],
    );
    expect(pairs(terms as { start: string; end: string }[])).toEqual([
      ['2021-03-30', '2021-04-29'],
      ['2021-04-30', '2021-05-29'],
      ['2021-05-30', '2021-06-29'],
    ]);
  });

  it('deviation (brief §0): annual term, monthly plan, bought Mar 30 follows clamping, not "the day before the last day"', () => {
    const cycles = chargeCycles({
      purchasedAt: '2021-03-30',
      term: 'P1Y',
      billingFrequency: 'monthly',
    });
    expect(pairs(cycles)).toEqual([
      ['2021-03-30', '2021-04-29'],
      ['2021-04-30', '2021-05-29'],
      ['2021-05-30', '2021-06-29'],
      ['2021-06-30', '2021-07-29'],
      ['2021-07-30', '2021-08-29'],
      ['2021-08-30', '2021-09-29'],
      ['2021-09-30', '2021-10-29'],
      ['2021-10-30', '2021-11-29'],
      ['2021-11-30', '2021-12-29'],
      ['2021-12-30', '2022-01-29'],
      ['2022-01-30', '2022-02-27'],
      ['2022-02-28', '2022-03-29'],
    ]);
    // Microsoft's one contradicting table would start cycles on the day before
    // each month's last day (Apr 29, Jun 29, Feb 27): we deliberately do not.
    const starts = cycles.map((c) => c.start);
    for (const dayBeforeLast of [
      '2021-04-29',
      '2021-06-29',
      '2021-09-29',
      '2021-11-29',
      '2022-02-27',
    ]) {
      expect(starts).not.toContain(dayBeforeLast);
    }
    // ... and the same purchase on a monthly term gives the same dates (Microsoft's monthly-term table).
    const monthlyTerms = Array.from(
      { length: 12 },
      (_, termIndex) =>
        chargeCycles({
          purchasedAt: '2021-03-30',
          term: 'P1M',
          billingFrequency: 'monthly',
          termIndex,
        })[0],
    );
    expect(monthlyTerms).toEqual(cycles.map((c) => ({ ...c, index: 0 })));
  });

  it('leap day anchor: an annual plan bought 2020-02-29 renews on Feb 28 and returns to Feb 29 in leap years', () => {
    const starts = [0, 1, 2, 3, 4].map(
      (termIndex) =>
        chargeCycles({
          purchasedAt: '2020-02-29',
          term: 'P1Y',
          billingFrequency: 'annual',
          termIndex,
        })[0]?.start,
    );
    expect(starts).toEqual(['2020-02-29', '2021-02-28', '2022-02-28', '2023-02-28', '2024-02-29']);
  });

  it('three-year terms: annual, triennial and monthly plans, and renewal terms', () => {
    expect(
      pairs(
        chargeCycles({
          purchasedAt: '2021-10-31T23:59:59Z',
          term: 'P3Y',
          billingFrequency: 'annual',
        }),
      ),
    ).toEqual([
      ['2021-10-31', '2022-10-30'],
      ['2022-10-31', '2023-10-30'],
      ['2023-10-31', '2024-10-30'],
    ]);
    expect(
      chargeCycles({
        purchasedAt: '2021-10-31',
        term: 'P3Y',
        billingFrequency: 'triennial',
        termIndex: 1,
      }),
    ).toEqual([{ index: 0, start: '2024-10-31', end: '2027-10-30' }]);
    const monthly = chargeCycles({
      purchasedAt: '2021-10-31',
      term: 'P3Y',
      billingFrequency: 'monthly',
      termIndex: 2,
    });
    expect(monthly).toHaveLength(36);
    expect(monthly[0]).toEqual({ index: 0, start: '2027-10-31', end: '2027-11-29' });
    expect(monthly[35]).toEqual({ index: 35, start: '2030-09-30', end: '2030-10-30' });
  });

  it('reads the start instant on its UTC day', () => {
    expect(
      chargeCycles({
        purchasedAt: '2021-02-01T01:00:00+02:00',
        term: 'P1M',
        billingFrequency: 'monthly',
      }),
    ).toEqual([{ index: 0, start: '2021-01-31', end: '2021-02-27' }]);
    expect(
      chargeCycles({
        purchasedAt: new Date(Date.UTC(2021, 0, 31, 23, 59, 59, 999)),
        term: 'P1M',
        billingFrequency: 'monthly',
      })[0]?.start,
    ).toBe('2021-01-31');
  });
});

describe('chargeCycles: properties', () => {
  it('cover the term exactly: first on the term start, contiguous, last on the term end, N/M cycles', () => {
    fc.assert(
      fc.property(
        anchorMs,
        plan,
        fc.integer({ min: 0, max: 60 }),
        (ms, [term, billingFrequency], termIndex) => {
          const start = new Date(ms);
          const cycles = chargeCycles({ purchasedAt: start, term, billingFrequency, termIndex });
          const t = termDates({ purchasedAt: start, term, termIndex });
          expect(cycles).toHaveLength(months[term] / months[billingFrequency]);
          expect(cycles[0]?.start).toBe(t.start);
          expect(cycles[cycles.length - 1]?.end).toBe(t.end);
          cycles.forEach((c, i) => {
            expect(c.index).toBe(i);
            expect(c.start <= c.end).toBe(true);
            const next = cycles[i + 1];
            if (next !== undefined) expect(addDays(c.end, 1)).toBe(next.start);
          });
        },
      ),
    );
  });

  it("a cycle starts on the anchor day of its month, or that month's last day when shorter", () => {
    fc.assert(
      fc.property(
        anchorMs,
        plan,
        fc.integer({ min: 0, max: 20 }),
        (ms, [term, billingFrequency], termIndex) => {
          const anchorDay = new Date(ms).getUTCDate();
          for (const c of chargeCycles({
            purchasedAt: new Date(ms),
            term,
            billingFrequency,
            termIndex,
          })) {
            const [y, m, d] = c.start.split('-').map(Number) as [number, number, number];
            const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
            expect(d).toBe(Math.min(anchorDay, last));
          }
        },
      ),
    );
  });

  it('the same instant gives the same cycles in every process time zone', () => {
    fc.assert(
      fc.property(anchorMs, plan, (ms, [term, billingFrequency]) => {
        expectSameInEveryTimeZone(() =>
          chargeCycles({ purchasedAt: new Date(ms), term, billingFrequency, termIndex: 1 }),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('chargeCycles: bad input', () => {
  const ok = { purchasedAt: '2022-01-31', term: 'P1Y', billingFrequency: 'monthly' } as const;
  it('refuses a frequency longer than the term', () => {
    expectRuleError(
      () => chargeCycles({ ...ok, billingFrequency: 'triennial' }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
    expectRuleError(
      () => chargeCycles({ ...ok, term: 'P1M', billingFrequency: 'annual' }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
  });
  it('refuses unknown terms, frequencies, term indexes and instants', () => {
    expectRuleError(
      () => chargeCycles({ ...ok, billingFrequency: 'quarterly' as never }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
    expectRuleError(() => chargeCycles({ ...ok, term: 'P6M' as never }), 'invalid_term', 'term');
    expectRuleError(() => chargeCycles({ ...ok, termIndex: -1 }), 'invalid_input', 'termIndex');
    expectRuleError(() => chargeCycles({ ...ok, termIndex: 1.5 }), 'invalid_input', 'termIndex');
    expectRuleError(
      () => chargeCycles({ ...ok, purchasedAt: '2022-01-31T10:00' }),
      'ambiguous_local_time',
      'purchasedAt',
    );
    expectRuleError(
      () => chargeCycles({ ...ok, purchasedAt: 'soon' }),
      'invalid_instant',
      'purchasedAt',
    );
    expectRuleError(() => chargeCycles(undefined as never), 'invalid_input', 'input');
  });
});

describe('chargeCycleAt (internal, for refunds)', () => {
  it('finds the Jan 31 anchored monthly cycles around month ends', () => {
    const anchor = epochDayFromYmd(2021, 1, 31);
    const at = (y: number, m: number, d: number) => {
      const c = chargeCycleAt(anchor, 12, 1, epochDayFromYmd(y, m, d));
      return [c.termIndex, c.index, formatEpochDay(c.startDay), formatEpochDay(c.endDay)];
    };
    expect(at(2021, 1, 31)).toEqual([0, 0, '2021-01-31', '2021-02-27']);
    expect(at(2021, 2, 27)).toEqual([0, 0, '2021-01-31', '2021-02-27']);
    expect(at(2021, 2, 28)).toEqual([0, 1, '2021-02-28', '2021-03-30']);
    expect(at(2021, 3, 30)).toEqual([0, 1, '2021-02-28', '2021-03-30']);
    expect(at(2021, 3, 31)).toEqual([0, 2, '2021-03-31', '2021-04-29']);
    expect(at(2022, 1, 30)).toEqual([0, 11, '2021-12-31', '2022-01-30']);
    expect(at(2022, 1, 31)).toEqual([1, 0, '2022-01-31', '2022-02-27']);
  });

  it('property: agrees with the enumerated cycles of its term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80_000 }),
        plan,
        fc.integer({ min: 0, max: 5_000 }),
        (anchorDay, [term, freq], offset) => {
          const day = anchorDay + offset;
          const N = months[term];
          const M = cycleMonthsFor(term, freq);
          const c = chargeCycleAt(anchorDay, N, M, day);
          expect(c.startDay <= day && day <= c.endDay).toBe(true);
          expect(cyclesOfTerm(anchorDay, N, M, c.termIndex)[c.index]).toEqual(c);
        },
      ),
    );
  });

  it('refuses a day before the anchor', () => {
    expectRuleError(() => chargeCycleAt(100, 12, 1, 99), 'invalid_range', 'day');
  });
});
