/**
 * Small run-time checks rule areas use at their entry points (a JavaScript
 * caller or a cast can pass anything). Hand-written, not zod, so a rule does
 * not ship a schema library.
 * @module
 */
import { type CspRuleErrorCode, describeType, fail, fieldName } from './errors.js';

/**
 * Checks a quantity of licences: a whole number of at least 1.
 *
 * @param input - The value to check.
 * @param field - The input field named in an error.
 * @returns The quantity.
 * @throws {@link CspRuleError} `invalid_quantity` for 0, negative, fractional or non-numbers.
 * @example
 * ```ts
 * import { parseQuantity } from 'csp-software-rules/core';
 *
 * parseQuantity(25); // => 25
 * parseQuantity(0); // => throws invalid_quantity
 * ```
 * @category Guards
 */
export function parseQuantity(input: unknown, field = 'quantity'): number {
  fieldName(field);
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 1) {
    const got = typeof input === 'number' ? String(input) : describeType(input);
    fail('invalid_quantity', field, `${field}: expected a whole number of at least 1, got ${got}`);
  }
  return input;
}

/** @internal Check that `input` is a plain object (not null, not an array). */
export function asRecord(input: unknown, field: string): Readonly<Record<string, unknown>> {
  if (
    typeof input !== 'object' ||
    input === null ||
    Array.isArray(input) ||
    input instanceof Date
  ) {
    fail('invalid_input', field, `${field}: expected an object, got ${describeType(input)}`);
  }
  return input as Readonly<Record<string, unknown>>;
}

/** @internal Check that `input` is one of `allowed`. */
export function oneOf<T extends string>(
  input: unknown,
  allowed: readonly T[],
  field: string,
  code: 'invalid_input' | 'invalid_option' = 'invalid_input',
): T {
  if (typeof input !== 'string' || !(allowed as readonly string[]).includes(input)) {
    fail(code, field, `${field}: expected one of ${allowed.join(', ')}`);
  }
  return input as T;
}

/** @internal Check an optional boolean. */
export function optionalBoolean(input: unknown, field: string): boolean | undefined {
  if (input === undefined) return undefined;
  if (typeof input !== 'boolean') fail('invalid_input', field, `${field}: expected true or false`);
  return input;
}

/** @internal Check an optional string. */
export function optionalString(input: unknown, field: string): string | undefined {
  if (input === undefined) return undefined;
  if (typeof input !== 'string') fail('invalid_input', field, `${field}: expected a string`);
  return input;
}

/**
 * @internal A caller's array, checked and copied into a plain array: at most
 * `max` items and no holes. The copy is what rules walk, so a sparse array of
 * length 2^31 fails at once instead of being walked, and an array with an own
 * `constructor` cannot break `.map`.
 */
export function denseList(
  input: unknown,
  field: string,
  max: number,
  code: CspRuleErrorCode = 'invalid_input',
): unknown[] {
  if (!Array.isArray(input))
    fail(code, field, `${field}: expected an array, got ${describeType(input)}`);
  const n = input.length;
  if (n > max) fail(code, field, `${field}: more than ${max} items`);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    if (!(i in input))
      fail(code, `${field}[${i}]`, `${field}[${i}]: missing (a hole in the array)`);
    out.push(input[i]);
  }
  return out;
}
