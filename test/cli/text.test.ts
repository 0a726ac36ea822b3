// The table's dates: date-fns in the report's language, in UTC, with the
// calendar year the library computes (years 0000 to 9999).
import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant, formatMonth } from '../../src/cli/text.js';
import type { CalendarDay } from '../../src/core/index.js';

const day = (d: string) => d as CalendarDay;

describe('dates in the table', () => {
  it('writes the year as the library counts it, year 0000 included', () => {
    // `yyyy` is the era's year: year 0 would read as 0001 (1 BC).
    expect(formatDay(day('0000-06-01'), 'en')).toBe('1 Jun 0000');
    expect(formatInstant(new Date('0000-01-01T05:00:00Z'), 'en')).toBe('1 Jan 0000 05:00 UTC');
    expect(formatMonth('0000-03', 'it')).toBe('mar 0000');
    expect(formatDay(day('9999-12-31'), 'en')).toBe('31 Dec 9999');
  });

  it('in each language, in UTC', () => {
    expect(formatDay(day('2026-11-25'), 'en')).toBe('25 Nov 2026');
    expect(formatDay(day('2026-11-25'), 'it')).toBe('25 nov 2026');
    expect(formatInstant(new Date('2026-11-27T09:15:00Z'), 'it')).toBe('27 nov 2026 09:15 UTC');
  });
});
