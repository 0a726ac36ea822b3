/**
 * The built-in refund policies made ready for hot loops: each policy is
 * checked once (core's `policyAtMs`) and its rule references are built once
 * and frozen, so a refund over a million subscriptions allocates none of them.
 * @internal
 * @module
 */
import type { DatedPolicy, PolicyInForce } from '../core/index.js';
import { HotWeakMap, MS_PER_DAY, policyAtMs, toEpochDay } from '../core/internal.js';

interface Compiled<T> {
  readonly starts: readonly number[];
  readonly inForce: readonly PolicyInForce<T>[];
}

const compiled = /* @__PURE__ */ new HotWeakMap<object, Compiled<unknown>>();

function compile<T>(policy: DatedPolicy<T>): Compiled<T> {
  const cached = compiled.get(policy);
  if (cached !== undefined) return cached as Compiled<T>;
  const starts: number[] = [];
  const inForce: PolicyInForce<T>[] = [];
  for (const v of policy.versions) {
    const ms = toEpochDay(v.effectiveFrom) * MS_PER_DAY;
    const { value, rule } = policyAtMs(policy, ms, policy.id);
    starts.push(ms);
    inForce.push(Object.freeze({ value, rule: Object.freeze(rule) }));
  }
  const result: Compiled<T> = { starts, inForce };
  compiled.set(policy, result);
  return result;
}

/**
 * @internal The version of a built-in policy in force at `ms`; an instant
 * before its first version gets the first version (the defaults apply
 * whatever the date).
 */
export function builtInAt<T>(policy: DatedPolicy<T>, ms: number): PolicyInForce<T> {
  const c = compile(policy);
  for (let i = c.starts.length - 1; i > 0; i--) {
    if ((c.starts[i] as number) <= ms) return c.inForce[i] as PolicyInForce<T>;
  }
  return c.inForce[0] as PolicyInForce<T>;
}
