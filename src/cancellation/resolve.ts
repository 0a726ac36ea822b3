/**
 * The small checks the cancellation and refund options share.
 * @internal
 * @module
 */
import type { CspRuleErrorCode } from '../core/index.js';
import { fail } from '../core/internal.js';
import type { CancellationWindowRule } from './policy.js';

/**
 * @internal Throw `code` on `field` unless `value` is a whole number of days
 * from 1 to 3660.
 */
export function checkDays(value: unknown, code: CspRuleErrorCode, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > 3660) {
    fail(code, field, `${field}: expected a whole number of days (1-3660)`);
  }
  return value as number;
}

/** @internal Check a window length: `{ days }`, a whole number from 1 to 3660. */
export function checkWindowRule(value: unknown, field: string): CancellationWindowRule {
  return Object.freeze({
    days: checkDays(
      typeof value === 'object' && value !== null ? (value as { days?: unknown }).days : undefined,
      'invalid_policy',
      `${field}.days`,
    ),
  });
}
