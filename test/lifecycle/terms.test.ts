import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsFromAnchor } from '../../src/core/index.js';
import { formatEpochDay, termIndexAt } from '../../src/core/internal.js';
import { termDates } from '../../src/lifecycle/index.js';

import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

describe('termDates', () => {
  it('P1Y bought on the 31st: end inclusive, renews the next day', () => {
    expect(termDates({ purchasedAt: '2021-01-31', term: 'P1Y' })).toEqual({
      termIndex: 0,
      start: '2021-01-31',
      end: '2022-01-30',
      renewsOn: '2022-01-31',
    });
  });

  it('P1M anchored on Jan 31 never drifts (brief §0, issue 5)', () => {
    const terms = [0, 1, 2, 3, 4].map((k) =>
      termDates({ purchasedAt: '2021-01-31T08:00:00Z', term: 'P1M', termIndex: k }),
    );
    expect(terms.map((t) => [t.start, t.end])).toEqual([
      ['2021-01-31', '2021-02-27'],
      ['2021-02-28', '2021-03-30'],
      ['2021-03-31', '2021-04-29'],
      ['2021-04-30', '2021-05-30'],
      ['2021-05-31', '2021-06-29'],
    ]);
  });

  it('a P1Y bought on a leap day, followed for 5 terms', () => {
    const terms = [0, 1, 2, 3, 4].map((k) =>
      termDates({ purchasedAt: '2020-02-29', term: 'P1Y', termIndex: k }),
    );
    expect(terms.map((t) => [t.start, t.end])).toEqual([
      ['2020-02-29', '2021-02-27'],
      ['2021-02-28', '2022-02-27'],
      ['2022-02-28', '2023-02-27'],
      ['2023-02-28', '2024-02-28'],
      ['2024-02-29', '2025-02-27'],
    ]);
  });

  it('P3Y terms and month ends', () => {
    expect(termDates({ purchasedAt: '2021-08-31', term: 'P3Y' })).toEqual({
      termIndex: 0,
      start: '2021-08-31',
      end: '2024-08-30',
      renewsOn: '2024-08-31',
    });
    expect(termDates({ purchasedAt: '2021-02-28', term: 'P3Y', termIndex: 1 }).end).toBe(
      '2027-02-27',
    );
    expect(termDates({ purchasedAt: '2023-02-28', term: 'P1M' }).end).toBe('2023-03-27');
  });

  it('uses the UTC date of the start instant', () => {
    expect(termDates({ purchasedAt: '2021-10-14T01:00:00+02:00', term: 'P1M' }).start).toBe(
      '2021-10-13',
    );
    expect(
      termDates({ purchasedAt: new Date('2021-10-13T23:59:59.999Z'), term: 'P1M' }).start,
    ).toBe('2021-10-13');
  });

  it('rejects bad input', () => {
    expectRuleError(() => termDates(null as never), 'invalid_input', 'input');
    expectRuleError(
      () => termDates({ purchasedAt: '2021-10-14T10:00', term: 'P1Y' }),
      'ambiguous_local_time',
      'purchasedAt',
    );
    expectRuleError(
      () => termDates({ purchasedAt: '2021-10-14', term: 'P2Y' as never }),
      'invalid_term',
      'term',
    );
    for (const k of [-1, 0.5, Number.NaN, 10_001, '1']) {
      expectRuleError(
        () => termDates({ purchasedAt: '2021-10-14', term: 'P1Y', termIndex: k as number }),
        'invalid_input',
        'termIndex',
      );
    }
  });

  const startArb = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
    .map((ms) => new Date(ms));
  const termArb = fc.constantFrom('P1M', 'P1Y', 'P3Y') as fc.Arbitrary<'P1M' | 'P1Y' | 'P3Y'>;

  it('consecutive terms are contiguous, with no gap or overlap (property)', () => {
    fc.assert(
      fc.property(startArb, termArb, fc.integer({ min: 0, max: 60 }), (start, term, k) => {
        const a = termDates({ purchasedAt: start, term, termIndex: k });
        const b = termDates({ purchasedAt: start, term, termIndex: k + 1 });
        expect(b.start).toBe(a.renewsOn);
        expect(addDays(a.end, 1)).toBe(b.start);
        expect(a.start <= a.end).toBe(true);
      }),
    );
  });

  it('term k computed directly equals term k reached by renewing k times (property)', () => {
    fc.assert(
      fc.property(startArb, termArb, fc.integer({ min: 0, max: 40 }), (start, term, k) => {
        const months = term === 'P1M' ? 1 : term === 'P1Y' ? 12 : 36;
        const anchor = start.toISOString().slice(0, 10);
        // Renewing k times: each renewal starts the day after the previous end.
        let t = termDates({ purchasedAt: start, term, termIndex: 0 });
        for (let i = 1; i <= k; i++) {
          const next = termDates({ purchasedAt: start, term, termIndex: i });
          expect(next.start).toBe(t.renewsOn);
          t = next;
        }
        expect(t.start).toBe(addMonthsFromAnchor(anchor, k * months));
        expect(t.end).toBe(addDays(addMonthsFromAnchor(anchor, (k + 1) * months), -1));
      }),
      { numRuns: 300 },
    );
  });

  it('termIndexAt finds the term containing any day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 25_000 }),
        fc.constantFrom(1, 12, 36),
        fc.integer({ min: 0, max: 5000 }),
        (anchorDay, months, offset) => {
          const day = anchorDay + offset;
          const k = termIndexAt(anchorDay, months, day);
          const t = termDates({
            purchasedAt: formatEpochDay(anchorDay),
            term: months === 1 ? 'P1M' : months === 12 ? 'P1Y' : 'P3Y',
            termIndex: k,
          });
          const d = formatEpochDay(day);
          expect(t.start <= d && d <= t.end).toBe(true);
        },
      ),
    );
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      ['2021-01-31T23:30:00Z', '2020-02-29T00:00:00+14:00', '2021-03-28T01:30:00Z'].flatMap(
        (start) =>
          (['P1M', 'P1Y', 'P3Y'] as const).map((term) =>
            termDates({ purchasedAt: start, term, termIndex: 3 }),
          ),
      ),
    );
  });
});
