// What a JavaScript caller can pass that types forbid (issue 10): each case
// below was a TypeError, a hang or a malformed day before, found by the fuzz.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsFromAnchor,
  allocate,
  CspRuleError,
  calendarDayOf,
  currencyExponent,
  definePolicy,
  isCspRuleError,
  parseBillingFrequency,
  parseCalendarDay,
  parseDecimal,
  parseInstant,
  parseQuantity,
  parseTerm,
  policyInForce,
} from '../../src/core/index.js';
import { denseList } from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';

/** `[first, <hole>, ...rest]`. */
function withHoleAt1(first: unknown, ...rest: unknown[]): unknown[] {
  const a: unknown[] = new Array(rest.length + 2);
  a[0] = first;
  rest.forEach((v, i) => {
    a[i + 2] = v;
  });
  return a;
}

const EUR = (minor: number) => ({ currency: 'EUR', minor });
const version = (effectiveFrom: string) => ({
  effectiveFrom,
  source: 'https://example.com',
  value: 1,
});

describe('the optional field argument of public parsers', () => {
  const calls: [string, (field: unknown) => unknown][] = [
    ['parseInstant', (f) => parseInstant('x', f as string)],
    ['calendarDayOf', (f) => calendarDayOf('x', f as string)],
    ['parseCalendarDay', (f) => parseCalendarDay('x', f as string)],
    ['parseDecimal', (f) => parseDecimal('x', f as string)],
    ['currencyExponent', (f) => currencyExponent('EUR', f as string)],
    ['parseQuantity', (f) => parseQuantity(1, f as string)],
    ['parseTerm', (f) => parseTerm('P2Y', f as string)],
    ['parseBillingFrequency', (f) => parseBillingFrequency('weekly', f as string)],
  ];
  it.each(calls)('%s refuses a field that is not a string, naming it', (_name, call) => {
    for (const field of [Symbol('f'), Object.create(null), 1, ['a'], new Date(Number.NaN)]) {
      expect(() => call(field)).toThrow(/^field: expected a string, got /);
      expectRuleError(() => call(field), 'invalid_input', 'field');
    }
  });
  it('a string field is used as given', () => {
    expectRuleError(() => parseTerm('P2Y', 'order.term'), 'invalid_term', 'order.term');
    expect(parseTerm('P1Y', 'order.term')).toBe('P1Y');
  });
});

describe('instants a Date object or a string can hold, but a rule cannot use', () => {
  it('an object that borrows Date.prototype is an Invalid Date, not a TypeError', () => {
    expect(() => parseInstant(Object.create(Date.prototype), 'asOf')).toThrow('asOf: Invalid Date');
  });
  it('keeps instants to years 0000-9999 (UTC), to the millisecond', () => {
    expect(parseInstant(new Date('0000-01-01T00:00:00.000Z')).toISOString()).toBe(
      '0000-01-01T00:00:00.000Z',
    );
    expect(parseInstant('9999-12-31T23:59:59.999Z').toISOString()).toBe('9999-12-31T23:59:59.999Z');
    for (const outside of [
      new Date(-62_167_219_200_001),
      new Date('+010000-01-01T00:00:00.000Z'),
      new Date(8.64e15),
      '9999-12-31T23:00:00-02:00',
      '0000-01-01T01:00:00+02:00',
    ]) {
      expect(() => parseInstant(outside, 'asOf')).toThrow('asOf: outside years 0000-9999 (UTC)');
    }
  });
  it('a computed day past 9999-12-31 is invalid_range, never an extended-year day', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('0000-01-02', -1)).toBe('0000-01-01');
    expect(() => addDays('9999-12-31', 1)).toThrow(
      'result: the computed day is outside years 0000-9999',
    );
    expectRuleError(() => addDays('0000-01-01', -1), 'invalid_range', 'result');
    expectRuleError(() => addDays('2021-01-01', 1e9), 'invalid_range', 'result');
    expect(addMonthsFromAnchor('9999-01-31', 11)).toBe('9999-12-31');
    expectRuleError(() => addMonthsFromAnchor('9999-01-31', 12), 'invalid_range', 'result');
    expectRuleError(() => addMonthsFromAnchor('0000-12-31', -12), 'invalid_range', 'result');
  });
  it('writes early years with four digits', () => {
    expect(calendarDayOf('0042-03-04T05:06:07Z')).toBe('0042-03-04');
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
  });
});

describe('arrays from JavaScript callers', () => {
  it('denseList copies into a plain array, failing at the first hole or past its bound', () => {
    const odd = Object.assign([1, 2], { constructor: 1 });
    const copy = denseList(odd, 'xs', 2);
    expect(copy).toEqual([1, 2]);
    expect(copy).not.toBe(odd);
    expect(Object.hasOwn(copy, 'constructor')).toBe(false);
    expect(() => denseList([1, 2, 3], 'xs', 2)).toThrow('xs: more than 2 items');
    expect(() => denseList(withHoleAt1(1, 3), 'xs', 5)).toThrow(
      'xs[1]: missing (a hole in the array)',
    );
    expectRuleError(
      () => denseList(withHoleAt1(1, 3), 'xs', 5, 'invalid_policy'),
      'invalid_policy',
      'xs[1]',
    );
    expect(() => denseList('ab', 'xs', 5)).toThrow('xs: expected an array, got a string');
    expect(denseList([], 'xs', 0)).toEqual([]);
  });
  it('allocate: holes, an own constructor, many weights', () => {
    expectRuleError(
      () => allocate(EUR(1000), withHoleAt1(1, 1) as never),
      'invalid_allocation',
      'weights[1]',
    );
    const odd = Object.assign([1, 1], { constructor: 1 });
    expect(allocate(EUR(1000), odd).map((m) => m.minor)).toEqual([500, 500]);
    const parts = allocate(EUR(1_000_000), new Array(200_000).fill(1));
    expect(parts).toHaveLength(200_000);
    expect(parts.every((m) => m.minor === 5)).toBe(true);
    // The largest scale sets the unit, wherever it sits in the list.
    expect(allocate(EUR(100), ['0.5', 1, '0.25']).map((m) => m.minor)).toEqual([29, 57, 14]);
  });
  it('a policy with a hole in its versions is invalid_policy, not a TypeError', () => {
    const versions: unknown[] = new Array(2);
    versions[1] = version('2021-09-01');
    expectRuleError(
      () => policyInForce({ id: 'p', versions } as never, '2022-01-01'),
      'invalid_policy',
      'table.versions[0]',
    );
  });
  it('a policy reads the versions it checked, even if the caller mutates the array later', () => {
    const versions = [version('2021-01-01')];
    const policy = definePolicy({ id: 'p', versions });
    versions.push({ ...version('2022-01-01'), value: 2 });
    expect(policyInForce(policy, '2023-01-01')?.value).toBe(1);
  });
  it('a policy of more than 10,000 versions is refused', () => {
    const versions = Array.from({ length: 10_001 }, (_, i) => version(addDays('2000-01-01', i)));
    expectRuleError(() => definePolicy({ id: 'p', versions }), 'invalid_policy', 'policy.versions');
    expect(definePolicy({ id: 'p', versions: versions.slice(0, 10_000) }).versions).toHaveLength(
      10_000,
    );
  });
});

describe('new CspRuleError without options', () => {
  it('has an empty field and no details', () => {
    const make = CspRuleError as unknown as new (code: string, message: string) => CspRuleError;
    const e = new make('invalid_input', 'm');
    expect(isCspRuleError(e)).toBe(true);
    expect(e.field).toBe('');
    expect(e.details).toEqual({});
    expect(e.cause).toBeUndefined();
  });
});
