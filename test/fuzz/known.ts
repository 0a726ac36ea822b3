// Bugs the fuzz found (reported to the lead, not fixed here: test/fuzz only).
// Each is matched by its input so the fuzz keeps looking for other bugs, and
// each has an `it.fails` test with the minimal input in its area's file.

import { OPAQUE } from './hostile.js';
import { deepSome, isWalkable, type KnownBug } from './walk.js';

/** `Object.create(Date.prototype)`: `instanceof Date`, but Date.prototype.getTime throws on it. */
export function isFakeDate(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || OPAQUE.has(v) || !(v instanceof Date)) return false;
  try {
    Date.prototype.getTime.call(v);
    return false;
  } catch {
    return true;
  }
}

/**
 * BUG fake-date: core `toInstantMs` trusts `instanceof Date` and calls
 * `input.getTime()`, which throws `TypeError: this is not a Date object.` for an
 * object whose prototype is Date.prototype but is not a Date (every function
 * that reads an instant, at any depth).
 */
export const FAKE_DATE: KnownBug = {
  id: 'fake-date',
  input: (args) => deepSome(args, isFakeDate),
};

/**
 * BUG field-not-string: the optional `field` argument (the name repeated in
 * error messages) is used unchecked: a Symbol or null-prototype object throws
 * TypeError, a fake Date TypeError, a deep array RangeError (stack), a
 * 2^31-long sparse array RangeError after ~40 s (a hang); any other non-string
 * (a number, an array, a Set) ends up as the CspRuleError's `field` (typed
 * string) and as "[object Set]"-like text in its message.
 */
export function fieldNotString(position: number): KnownBug {
  return {
    id: 'field-not-string',
    input: (args) => args[position] !== undefined && typeof args[position] !== 'string',
  };
}

/**
 * BUG array-species: an input array with an own `constructor` property (a
 * JavaScript caller's odd array) makes the library's `.map`/`.filter` on it
 * throw `TypeError: object.constructor[Symbol.species] is not a constructor`.
 */
export const ARRAY_SPECIES: KnownBug = {
  id: 'array-species',
  input: (args) =>
    deepSome(args, (v) => Array.isArray(v) && !OPAQUE.has(v) && Object.hasOwn(v, 'constructor')),
};

/**
 * BUG huge-sparse-array: the function walks every index of a caller's array
 * (`forEach`, `map`, `includes`, `join`...), so a sparse array of length 2^27
 * (`new Array(2 ** 27)`, element 0 set) takes 3–17 s (2^31: minutes, or the
 * heap runs out) instead of failing at the first hole or at a length bound.
 * Matched where the sweep found it: an array over 10^6 long under one of
 * `keys` (at any depth) or as argument number `argIndexes`.
 */
export function hugeSparseAt(
  keys: readonly string[],
  argIndexes: readonly number[] = [],
): KnownBug {
  const huge = (v: unknown) => Array.isArray(v) && !OPAQUE.has(v) && v.length > 1_000_000;
  return {
    id: 'huge-sparse-array',
    skip: true,
    input: (args) =>
      argIndexes.some((i) => huge(args[i])) ||
      deepSome(
        args,
        (v) =>
          isWalkable(v) &&
          !Array.isArray(v) &&
          keys.some((k) => {
            const d = Object.getOwnPropertyDescriptor(v, k);
            return d !== undefined && 'value' in d && huge(d.value);
          }),
      ),
  };
}

/**
 * BUG date-range-overflow: an instant within a few years of the end of the
 * Date range (±8.64e15 ms, e.g. `new Date(8.64e15)`) is accepted, and the
 * instants computed from it (`+ 15 minutes`, `+ 180 days`...) fall outside
 * the range: the result holds an Invalid Date (a silent wrong result).
 */
export const DATE_RANGE_OVERFLOW: KnownBug = {
  id: 'date-range-overflow',
  input: (args) =>
    deepSome(args, (v) => {
      if (typeof v !== 'object' || v === null || OPAQUE.has(v)) return false;
      if (!(v instanceof Date) || isFakeDate(v)) return false;
      const t = Date.prototype.getTime.call(v);
      return Math.abs(t) > 8.64e15 - 1e12;
    }),
};

/** Whether an array with a hole sits under one of `keys` (at any depth). */
export function holeUnder(keys: readonly string[]): (args: readonly unknown[]) => boolean {
  const holey = (v: unknown) => {
    if (!Array.isArray(v) || OPAQUE.has(v)) return false;
    for (let i = 0; i < Math.min(v.length, 10_000); i++) if (!(i in v)) return true;
    return false;
  };
  return (args) =>
    deepSome(
      args,
      (v) =>
        isWalkable(v) &&
        !Array.isArray(v) &&
        keys.some((k) => {
          const d = Object.getOwnPropertyDescriptor(v, k);
          return d !== undefined && 'value' in d && holey(d.value);
        }),
    );
}

/**
 * BUG policy-sparse-versions: `versions` with a hole passes definePolicy
 * (forEach skips it), and policyInForce then indexes the versions by the
 * positions of the checked ones: `policyInForce({ id: 'p', versions: [<hole>,
 * { effectiveFrom: '2021-09-01', source: 's', value: 1 }] }, '2022-01-01')`
 * throws `TypeError: Cannot read properties of undefined (reading 'value')`.
 */
export const POLICY_SPARSE_VERSIONS: KnownBug = {
  id: 'policy-sparse-versions',
  input: holeUnder(['versions']),
};

/**
 * BUG extended-year-day: days computed past 9999-12-31 or before 0000-01-01
 * (`addDays('2021-01-01', 1e9)` → "2739928-01-05", `termDates({ start:
 * '2021-01-01', term: 'P3Y', termIndex: 3000 })` → "11021-01-01", a Date
 * near the ends of its range → "-271821-04-20") are returned in a form that
 * is not YYYY-MM-DD and that the library's own parseCalendarDay rejects.
 */
export const EXTENDED_YEAR_DAY: KnownBug = {
  id: 'extended-year-day',
  input: () => true,
  problem: /calendar day outside YYYY-MM-DD/,
};

/** Known bugs that may hit any function that reads an instant or maps an array. */
export const GENERIC_BUGS: readonly KnownBug[] = [
  FAKE_DATE,
  ARRAY_SPECIES,
  DATE_RANGE_OVERFLOW,
  EXTENDED_YEAR_DAY,
];

/** Thrown by {@link countingSparse} once too many indexes were read. */
export const WALKED = new Error('walked more than 100,000 indexes of a 2^31-long array');

/**
 * A Proxy of a sparse array of length 2^31 (element 0 = `first`) that throws
 * {@link WALKED} at the 100,001st index read: shows in milliseconds that a
 * function walks every index (the huge-sparse-array bug) without waiting for it.
 */
export function countingSparse(first?: unknown): unknown[] {
  const target = new Array(2 ** 31);
  if (first !== undefined) target[0] = first;
  let reads = 0;
  const count = (k: string | symbol) => {
    if (typeof k === 'string' && /^\d+$/.test(k) && ++reads > 100_000) throw WALKED;
  };
  return new Proxy(target, {
    get: (t, k) => {
      count(k);
      return Reflect.get(t, k);
    },
    has: (t, k) => {
      count(k);
      return Reflect.has(t, k);
    },
  });
}

/** `[<hole>, ...items]`: an array whose index 0 is a hole. */
export function holeThen(...items: unknown[]): unknown[] {
  const a = new Array(items.length + 1);
  items.forEach((item, i) => {
    a[i + 1] = item;
  });
  return a;
}
