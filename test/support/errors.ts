// Asserts a call throws CspRuleError with a code (and optionally a field).
import { expect } from 'vitest';
import { isCspRuleError } from '../../src/core/index.js';

export function expectRuleError(fn: () => unknown, code: string, field?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected CspRuleError ${code}`).toBeDefined();
  if (!isCspRuleError(caught)) throw caught;
  expect(caught.code).toBe(code);
  if (field !== undefined) expect(caught.field).toBe(field);
}

/** `code [field] message` of the error `fn` throws, or `no error`: one string to pin exactly. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: unknown; field?: unknown; message: string };
    return `${String(err.code)} [${String(err.field)}] ${err.message}`;
  }
  return 'no error';
}
