import { UTCDate } from '@date-fns/utc';
import { addMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsFromAnchor,
  compareDays,
  daysBetween,
  inclusiveDayCount,
  parseCalendarDay,
  startOfDay,
} from '../../src/core/index.js';
import { formatEpochDay, toEpochDay, ymdFromEpochDay } from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const dayArb = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 })
  .map(formatEpochDay);

describe('epoch days', () => {
  it('round-trip against Date.UTC over four centuries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const [y, m, d] = ymdFromEpochDay(n);
        expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(n);
        expect(toEpochDay(formatEpochDay(n))).toBe(n);
      }),
    );
  });
});

describe('formatEpochDay memo', () => {
  it('stays right past its size bound (20,000 days, twice)', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let n = -5000; n < 15_000; n++) {
        expect(formatEpochDay(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }
    }
  });
});

describe('addMonthsFromAnchor', () => {
  it('clamps to the month end and never drifts', () => {
    expect(addMonthsFromAnchor('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonthsFromAnchor('2021-01-31', 2)).toBe('2021-03-31');
    expect(addMonthsFromAnchor('2021-01-31', 3)).toBe('2021-04-30');
    expect(addMonthsFromAnchor('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonthsFromAnchor('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonthsFromAnchor('2020-02-29', 48)).toBe('2024-02-29');
    expect(addMonthsFromAnchor('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonthsFromAnchor('2021-12-15', 1)).toBe('2022-01-15');
    expect(addMonthsFromAnchor('2021-01-15', -13)).toBe('2019-12-15');
  });

  it('agrees with date-fns addMonths on UTCDate (independent oracle, property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -600, max: 600 }), (day, n) => {
        const expected = addMonths(new UTCDate(`${day}T00:00:00Z`), n)
          .toISOString()
          .slice(0, 10);
        expect(addMonthsFromAnchor(day, n)).toBe(expected);
      }),
    );
  });

  it('k months from the anchor keeps the anchor day when the month has it, over 100+ steps (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 100, max: 400 }), (anchor, steps) => {
        const d = Number(anchor.slice(8, 10));
        let previous = anchor;
        for (let k = 1; k <= steps; k++) {
          const next = addMonthsFromAnchor(anchor, k);
          const nd = Number(next.slice(8, 10));
          expect(nd === d || (nd < d && addDays(next, 1).slice(8, 10) === '01')).toBe(true);
          expect(daysBetween(previous, next)).toBeGreaterThanOrEqual(28);
          expect(daysBetween(previous, next)).toBeLessThanOrEqual(31);
          previous = next;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('stays right past its memo bound and for huge month counts', () => {
    for (let a = 0; a < 200; a++) {
      for (let m = -60; m <= 60; m++) {
        const anchor = formatEpochDay(18_000 + a * 3);
        const expected = addMonths(new UTCDate(`${anchor}T00:00:00Z`), m)
          .toISOString()
          .slice(0, 10);
        expect(addMonthsFromAnchor(anchor, m)).toBe(expected);
      }
    }
    expect(addMonthsFromAnchor('2000-01-31', 40_001)).toBe('5333-06-30');
    expect(addMonthsFromAnchor('5333-06-30', -40_001)).toBe('2000-01-30');
  });

  it('rejects non-integer months and bad anchors', () => {
    expectRuleError(() => addMonthsFromAnchor('2021-01-31', 1.5), 'invalid_input', 'months');
    expectRuleError(() => addMonthsFromAnchor('2021-02-30', 1), 'invalid_calendar_day', 'anchor');
  });
});

describe('day counts', () => {
  it('counts inclusively', () => {
    expect(inclusiveDayCount('2021-01-31', '2021-01-31')).toBe(1);
    expect(inclusiveDayCount('2021-01-31', '2021-02-27')).toBe(28);
    expect(inclusiveDayCount('2023-03-01', '2024-02-29')).toBe(366);
    expectRuleError(() => inclusiveDayCount('2021-02-02', '2021-02-01'), 'invalid_range', 'to');
  });

  it('day counts are additive (property)', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (a, x, y) => {
          const b = addDays(a, x);
          const c = addDays(b, y);
          expect(daysBetween(a, c)).toBe(daysBetween(a, b) + daysBetween(b, c));
          expect(inclusiveDayCount(a, c)).toBe(
            inclusiveDayCount(a, b) + inclusiveDayCount(b, c) - 1,
          );
        },
      ),
    );
  });

  it('compares and starts days in UTC', () => {
    expect(compareDays('2021-01-01', '2021-01-02')).toBe(-1);
    expect(startOfDay('2021-10-14').getTime()).toBe(Date.UTC(2021, 9, 14));
    expect(parseCalendarDay('2021-10-14')).toBe('2021-10-14');
  });

  it('rejects impossible or malformed days', () => {
    for (const bad of [
      '2021-13-01',
      '2021-02-30',
      '2021-00-10',
      '2021-1-1',
      '20211014',
      '2021-10-14T00:00:00Z',
    ]) {
      expectRuleError(() => parseCalendarDay(bad), 'invalid_calendar_day');
    }
    expectRuleError(() => parseCalendarDay(20211014), 'invalid_calendar_day');
    expectRuleError(() => addDays('2021-10-14', Number.NaN), 'invalid_input', 'days');
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() => [
      addMonthsFromAnchor('2021-01-31', 1),
      addDays('2021-03-27', 2),
      startOfDay('2021-03-28'),
      inclusiveDayCount('2021-03-01', '2021-11-01'),
    ]);
  });
});
