import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDayOf, parseInstant } from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone, localOffsetsDiffer } from '../support/tz.js';

describe('parseInstant', () => {
  it('reads Z, offsets, fractions and date-only days', () => {
    expect(parseInstant('2021-10-14T00:00:00Z').getTime()).toBe(Date.UTC(2021, 9, 14));
    expect(parseInstant('2021-10-14T00:00:00z').getTime()).toBe(Date.UTC(2021, 9, 14));
    expect(parseInstant('2021-10-14T02:00:00+02:00').toISOString()).toBe(
      '2021-10-14T00:00:00.000Z',
    );
    expect(parseInstant('2021-10-14T02:00:00+0200').toISOString()).toBe('2021-10-14T00:00:00.000Z');
    expect(parseInstant('2021-10-13T21:30:00-02:30').toISOString()).toBe(
      '2021-10-14T00:00:00.000Z',
    );
    expect(parseInstant('2021-10-14 10:00Z').toISOString()).toBe('2021-10-14T10:00:00.000Z');
    expect(parseInstant('2021-10-15T21:28:19.3058617Z').toISOString()).toBe(
      '2021-10-15T21:28:19.305Z',
    );
    expect(parseInstant('2021-10-15T21:28:19.9999999Z').toISOString()).toBe(
      '2021-10-15T21:28:19.999Z',
    );
    expect(parseInstant('2021-10-15T21:28:19.5Z').toISOString()).toBe('2021-10-15T21:28:19.500Z');
    expect(parseInstant('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseInstant('0001-01-01').toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });

  it('returns a copy of a Date, never the caller object', () => {
    const d = new Date('2021-10-14T00:00:00Z');
    const p = parseInstant(d);
    expect(p).not.toBe(d);
    expect(p.getTime()).toBe(d.getTime());
  });

  it('rejects garbage with a code and the field', () => {
    expectRuleError(() => parseInstant(new Date('x'), 'asOf'), 'invalid_instant', 'asOf');
    expectRuleError(() => parseInstant('2021-13-01'), 'invalid_calendar_day', 'instant');
    expectRuleError(() => parseInstant('2021-02-30'), 'invalid_calendar_day');
    expectRuleError(() => parseInstant('2021-02-29T00:00:00Z'), 'invalid_instant');
    expectRuleError(() => parseInstant('2021-10-14T10:00'), 'ambiguous_local_time');
    expectRuleError(() => parseInstant('2021-10-14T10:00:00.123'), 'ambiguous_local_time');
    expectRuleError(() => parseInstant('2021-10-14T24:00:00Z'), 'invalid_instant');
    expectRuleError(() => parseInstant('2021-10-14T10:60:00Z'), 'invalid_instant');
    expectRuleError(() => parseInstant('2021-10-14T10:00:60Z'), 'invalid_instant');
    expectRuleError(() => parseInstant('2021-10-14T10:00:00+24:00'), 'invalid_instant');
    expectRuleError(() => parseInstant('2021-10-14T10:00:00+01:60'), 'invalid_instant');
    expectRuleError(() => parseInstant('Oct 14 2021'), 'invalid_instant');
    expectRuleError(() => parseInstant(''), 'invalid_instant');
    expectRuleError(() => parseInstant(1634169600000), 'invalid_instant');
    expectRuleError(() => parseInstant(Number.NaN), 'invalid_instant');
    expectRuleError(() => parseInstant(null), 'invalid_instant');
    expectRuleError(() => parseInstant(undefined), 'invalid_instant');
    expectRuleError(() => parseInstant({}), 'invalid_instant');
    expectRuleError(() => parseInstant('x'.repeat(100_000)), 'invalid_instant');
  });

  it('agrees with Date.parse on every valid ISO instant with Z (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(parseInstant(d.toISOString()).getTime()).toBe(d.getTime());
        },
      ),
    );
  });

  it('an offset and its UTC form are the same instant (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (d, offset) => {
          const ms = Math.floor(d.getTime() / 60_000) * 60_000;
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseInstant(text).getTime()).toBe(ms);
        },
      ),
    );
  });

  it('never throws anything but CspRuleError on arbitrary input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string(), fc.stringMatching(/^[0-9T:.+Z-]{0,30}$/)),
        (v) => {
          try {
            parseInstant(v);
          } catch (e) {
            expect((e as { name?: string }).name).toBe('CspRuleError');
          }
        },
      ),
    );
  });
});

describe('calendarDayOf', () => {
  it('takes the UTC date', () => {
    expect(calendarDayOf('2021-10-14T01:30:00+02:00')).toBe('2021-10-13');
    expect(calendarDayOf('2021-10-13T23:30:00-01:00')).toBe('2021-10-14');
  });

  it('is the same in every process time zone', () => {
    expect(localOffsetsDiffer()).toBe(true);
    expectSameInEveryTimeZone(() =>
      [
        '2021-10-14T00:00:00Z',
        '2021-10-13T23:59:59.999Z',
        '2024-02-29T12:00:00+14:00',
        new Date(0),
      ].map((x) => [calendarDayOf(x), parseInstant(x)]),
    );
  });
});
