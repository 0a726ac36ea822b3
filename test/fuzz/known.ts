// Bugs the fuzz finds are listed here (or in an area's spec) while they are
// open: each is matched by its input so the fuzz keeps looking for other
// bugs, and each has an `it.fails` test with its minimal input in its area's
// file. Every bug found so far is fixed (issue 10); their minimal inputs stay
// as plain `it` tests in the areas' files and in ../fuzz-findings.test.ts.

import type { KnownBug } from './walk.js';

/** Known bugs that may hit any function (none open). */
export const GENERIC_BUGS: readonly KnownBug[] = [];

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
