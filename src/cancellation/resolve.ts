/**
 * Dated policies made ready for fast lookups: each policy is checked once
 * (core's `policyAtMs`), its values checked once, and its rule references
 * built once and frozen, so a decision in a hot loop allocates none of them.
 * @internal
 * @module
 */
import type { DatedPolicy, PolicyInForce, RuleRef } from '../core/index.js';
import { fail, HotWeakMap, MS_PER_DAY, policyAtMs, toEpochDay } from '../core/internal.js';
import type { CancellationWindowRule } from './policy.js';

interface Compiled<T> {
  readonly starts: readonly number[];
  readonly inForce: readonly PolicyInForce<T>[];
}

const compiled = /* @__PURE__ */ new HotWeakMap<object, Compiled<unknown>>();

function compile<T>(
  policy: DatedPolicy<T>,
  field: string,
  checkValue: (value: unknown, field: string) => T,
): Compiled<T> {
  const cached = compiled.get(policy as object);
  if (cached !== undefined) return cached as Compiled<T>;
  // Core checks the policy (shape, ascending days, sources) and throws `invalid_policy`.
  policyAtMs(policy, Number.MAX_SAFE_INTEGER, field);
  const starts: number[] = [];
  const inForce: PolicyInForce<T>[] = [];
  policy.versions.forEach((v, i) => {
    const value = checkValue(v.value, `${field}.versions[${i}].value`);
    const rule: RuleRef = Object.freeze({
      id: policy.id,
      source: v.source,
      effectiveFrom: v.effectiveFrom,
    });
    starts.push(toEpochDay(v.effectiveFrom) * MS_PER_DAY);
    inForce.push(Object.freeze({ value, rule }));
  });
  const result: Compiled<T> = { starts, inForce };
  compiled.set(policy as object, result);
  return result;
}

/**
 * @internal The version of a policy in force at `ms`. A built-in policy's
 * first version also covers any earlier instant (the defaults apply whatever
 * the date); a caller's policy throws `policy_not_in_force` before its first version.
 */
export function inForceAt<T>(
  policy: DatedPolicy<T>,
  ms: number,
  field: string,
  checkValue: (value: unknown, field: string) => T,
  builtIn: boolean,
): PolicyInForce<T> {
  const c = compile(policy, field, checkValue);
  for (let i = c.starts.length - 1; i >= 0; i--) {
    if ((c.starts[i] as number) <= ms) return c.inForce[i] as PolicyInForce<T>;
  }
  if (builtIn) return c.inForce[0] as PolicyInForce<T>;
  return policyAtMs(policy, ms, field);
}

/** @internal Accept any value (constant rules whose value is not read). */
export function anyValue<T>(value: unknown): T {
  return value as T;
}

/** @internal Check a window length: `{ days }`, a whole number from 1 to 3660. */
export function checkWindowRule(value: unknown, field: string): CancellationWindowRule {
  const days =
    typeof value === 'object' && value !== null ? (value as { days?: unknown }).days : undefined;
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 1 || days > 3660) {
    fail(
      'invalid_policy',
      `${field}.days`,
      `${field}.days: expected a whole number of days (1-3660)`,
    );
  }
  return Object.freeze({ days });
}
