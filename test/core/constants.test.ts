// Module-level constants of core, pinned: the input regexes, the term and
// status lists, the currency table, the sources, the instant range.
import { describe, expect, it } from 'vitest';
import { parseCalendarDay } from '../../src/core/calendar.js';
import { currencyExponent } from '../../src/core/currencies.js';
import { parseDecimal, ROUNDING_MODES } from '../../src/core/decimal.js';
import { parseInstant } from '../../src/core/instant.js';
import { checkSubscription, SUBSCRIPTION_STATUSES } from '../../src/core/purchase.js';
import * as sources from '../../src/core/sources.js';
import { BILLING_FREQUENCIES, frequencyMonths, TERMS, termMonths } from '../../src/core/term.js';
import { messageOf } from '../support/errors.js';
import { SUBSCRIPTION } from './fixtures.js';

describe('terms and billing frequencies', () => {
  it('lists every term and frequency, shortest first, with its months', () => {
    expect(TERMS).toEqual(['P1M', 'P1Y', 'P3Y']);
    expect(BILLING_FREQUENCIES).toEqual(['monthly', 'annual', 'triennial']);
    expect(TERMS.map((term) => termMonths(term))).toEqual([1, 12, 36]);
    expect(BILLING_FREQUENCIES.map((f) => frequencyMonths(f))).toEqual([1, 12, 36]);
  });
});

describe('subscription statuses', () => {
  it("lists Partner Center's seven statuses, each accepted by the subscription check", () => {
    const statuses = [
      'active',
      'pending',
      'suspended',
      'disabled',
      'expired',
      'cancelled',
      'deleted',
    ];
    expect(SUBSCRIPTION_STATUSES).toEqual(statuses);
    for (const status of statuses) {
      expect(checkSubscription({ ...SUBSCRIPTION, status }).status).toBe(status);
    }
  });
});

describe('rounding modes', () => {
  it('lists truncate, half-even and half-up', () => {
    expect(ROUNDING_MODES).toEqual(['truncate', 'half_even', 'half_up']);
  });
});

describe('plain decimal text', () => {
  it('accepts an optional sign, digits and an optional "." fraction, nothing around them', () => {
    expect(['12', '+1.50', '-0.25', '007', '3.14159'].map((t) => parseDecimal(t))).toEqual([
      '12',
      '1.5',
      '-0.25',
      '7',
      '3.14159',
    ]);
    // Longer than the short path (16 characters): read by the pattern.
    const long = ['12345678901234567', '1234567890123456.5', '+12345678901234567.25'];
    expect(long.map((t) => parseDecimal(t))).toEqual([
      '12345678901234567',
      '1234567890123456.5',
      '12345678901234567.25',
    ]);
    const rejected = ['x12', '12x', ' 12', '12 ', '1.', '.5', '+-1', '1.2.3', '--1', '', 'a.b'];
    rejected.push('12345678901234567x', 'x12345678901234567', '1234567890123456.');
    for (const text of rejected) {
      expect(() => parseDecimal(text), text).toThrow('is not a plain decimal');
    }
  });
});

describe('numbers written with an exponent', () => {
  it('are read exactly from their shortest text', () => {
    expect(parseDecimal(1e-7)).toBe('0.0000001');
    expect(parseDecimal(1.5e-7)).toBe('0.00000015');
    expect(parseDecimal(-1.25e-7)).toBe('-0.000000125');
    expect(parseDecimal(1e-10)).toBe('0.0000000001');
    expect(parseDecimal(1e21)).toBe('1000000000000000000000');
    expect(parseDecimal(-2.5e22)).toBe('-25000000000000000000000');
  });
});

describe('calendar day text', () => {
  it('is exactly YYYY-MM-DD', () => {
    expect(parseCalendarDay('2021-10-14')).toBe('2021-10-14');
    const rejected = ['x2021-10-14', '2021-10-14x', '12021-10-14', '2021-10-145', '2021-1-14'];
    rejected.push('2021-10-4', '21-10-14', 'abcd-10-14', '2021-ab-14', '2021-10-ab');
    for (const text of rejected) {
      expect(
        messageOf(() => parseCalendarDay(text)),
        text,
      ).toBe('invalid_calendar_day [day] day: expected a "YYYY-MM-DD" string');
    }
  });
});

describe('currency table', () => {
  it('has the minor units of every group of codes', () => {
    const codes = ['AED', 'CAD', 'GHS', 'LRD', 'PAB', 'SYP', 'ANG', 'JPY', 'KWD', 'CLF'];
    expect(codes.map((c) => currencyExponent(c))).toEqual([2, 2, 2, 2, 2, 2, 2, 0, 3, 4]);
    expect(messageOf(() => currencyExponent(''))).toBe(
      'unknown_currency [currency] currency: unknown ISO 4217 currency',
    );
  });
});

describe('ISO-8601 instants', () => {
  it('accept the date-time forms Partner Center and people write', () => {
    const at = (text: string) => parseInstant(text).toISOString();
    expect(at('2021-10-14T10:00:00Z')).toBe('2021-10-14T10:00:00.000Z');
    expect(at('2021-10-14t10:00:00z')).toBe('2021-10-14T10:00:00.000Z');
    expect(at('2021-10-14 10:00:00Z')).toBe('2021-10-14T10:00:00.000Z');
    expect(at('2021-10-14T10:00Z')).toBe('2021-10-14T10:00:00.000Z');
    expect(at('2021-10-14T10:00:00.5Z')).toBe('2021-10-14T10:00:00.500Z');
    expect(at('2021-10-14T10:00:00,123456789Z')).toBe('2021-10-14T10:00:00.123Z');
    expect(at('2021-10-14T10:00:00+02:00')).toBe('2021-10-14T08:00:00.000Z');
    expect(at('2021-10-14T10:00:00+0200')).toBe('2021-10-14T08:00:00.000Z');
    expect(at('2021-10-14T10:00:00-05:30')).toBe('2021-10-14T15:30:00.000Z');
    expect(at('2021-10-14T10:00-11:45')).toBe('2021-10-14T21:45:00.000Z');
  });

  it('reject anything before or after the instant, and say when the zone is missing', () => {
    const calls = [
      '12021-10-14T10:00:00Z',
      '2021-10-14T10:00:00Zjunk',
      '2021-10-14T10:00:00+02:00:00',
      '2021-10-14T10:00:00.1234567890Z',
      '2021-10-14T10:00',
    ].map((text) => () => parseInstant(text));
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_instant [instant] instant: "12021-10-14T10:00:00Z" is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_instant [instant] instant: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_instant [instant] instant: "2021-10-14T10:00:00+02:00:00" is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_instant [instant] instant: "2021-10-14T10:00:00.1234567890Z" is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "ambiguous_local_time [instant] instant: "2021-10-14T10:00" has no time zone; add "Z" (UTC) or an offset such as "+02:00"",
      ]
    `);
  });

  it('echo the input in a message only when it is made of date characters', () => {
    const calls = [
      '2021-13-45T10:00:00Z',
      'secret-2021-10-14T10:00',
      '2021-10-14T10:00 secret',
      'password',
    ].map((text) => () => parseInstant(text));
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_instant [instant] instant: "2021-13-45T10:00:00Z" is not a real date and time",
        "invalid_instant [instant] instant: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_instant [instant] instant: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_instant [instant] instant: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
      ]
    `);
  });
});

describe('the instant range', () => {
  it('is years 0000 to 9999 UTC, to the millisecond', () => {
    expect(parseInstant('0000-01-01T00:00:00.000Z').getTime()).toBe(-62_167_219_200_000);
    expect(parseInstant('9999-12-31T23:59:59.999Z').getTime()).toBe(253_402_300_799_999);
    expect(parseInstant(new Date(0)).getTime()).toBe(0);
    for (const outside of [new Date(-62_167_219_200_001), new Date(253_402_300_800_000)]) {
      expect(messageOf(() => parseInstant(outside, 'asOf'))).toBe(
        'invalid_instant [asOf] asOf: outside years 0000-9999 (UTC)',
      );
    }
  });
});

describe('the sources table', () => {
  it('has S1 to S13, each with its id, a title and a Microsoft Learn address', () => {
    const ids = [
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
      'S8',
      'S9',
      'S10',
      'S11',
      'S12',
      'S13',
    ] as const;
    expect(Object.keys(sources.SOURCES)).toEqual(ids);
    const urlConstants: Readonly<Record<string, unknown>> = Object.fromEntries(
      Object.entries(sources).filter(([name]) => name.endsWith('_URL')),
    );
    for (const id of ids) {
      const s = sources.SOURCES[id];
      expect(s.id).toBe(id);
      expect(s.title.length).toBeGreaterThan(10);
      expect(s.url).toMatch(/^https:\/\/learn\.microsoft\.com\/[a-z-]+\/[a-z0-9/-]+$/);
      expect(s.url).toBe(urlConstants[`${id}_URL`]);
    }
    expect(new Set(ids.map((id) => sources.SOURCES[id].url)).size).toBe(13);
    expect(new Set(ids.map((id) => sources.SOURCES[id].title)).size).toBe(13);
    expect(sources.S1_URL).toBe(
      'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
    );
  });
});
