/**
 * Dated policies made ready for fast lookups: each policy is checked once
 * (core's `policyAtMs`), its values checked once, and its rule references
 * built once and frozen, so a decision in a hot loop allocates none of them.
 * Also the small checks the cancellation and refund options share.
 * @internal
 * @module
 */
import type { CspRuleErrorCode, DatedPolicy, PolicyInForce, PolicyVersion } from '../core/index.js';
import { checkPolicy, fail, HotWeakMap, policyAtMs } from '../core/internal.js';
import type { CancellationWindowRule } from './policy.js';

interface Compiled<T> {
  readonly starts: readonly number[];
  readonly inForce: readonly PolicyInForce<T>[];
}

const compiled = /* @__PURE__ */ new HotWeakMap<object, Compiled<unknown>>();

/**
 * @internal The version of a policy in force at `ms`, its values checked with
 * `check` (default: any value) on first use. A built-in policy (no `field`:
 * errors name its id) has its first version also cover any earlier instant
 * (the defaults apply whatever the date); a caller's policy (named by
 * `field`) throws `policy_not_in_force` before its first version.
 */
export function inForceAt<T>(
  policy: DatedPolicy<T>,
  ms: number,
  check?: (value: unknown, field: string) => T,
  field?: string,
): PolicyInForce<T> {
  const name = field ?? policy.id;
  let c = compiled.get(policy) as Compiled<T> | undefined;
  if (c === undefined) {
    // Core checks the policy (shape, ascending days, sources; `invalid_policy`)
    // and hands back a plain copy of its versions: the caller's array is not read again.
    const { versions, starts } = checkPolicy(policy, name);
    c = {
      starts,
      inForce: (versions as readonly PolicyVersion<T>[]).map((v, i) =>
        Object.freeze({
          value: check ? check(v.value, `${name}.versions[${i}].value`) : v.value,
          rule: Object.freeze({ id: policy.id, source: v.source, effectiveFrom: v.effectiveFrom }),
        }),
      ),
    };
    compiled.set(policy, c);
  }
  for (let i = c.starts.length; i-- > 0; ) {
    if ((c.starts[i] as number) <= ms) return c.inForce[i] as PolicyInForce<T>;
  }
  return field === undefined ? (c.inForce[0] as PolicyInForce<T>) : policyAtMs(policy, ms, field);
}

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
