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
