/**
 * The built-in refund policies made ready for hot loops, through
 * cancellation's compiled policies: each policy is checked once and its rule
 * references are built once and frozen, so a refund over a million
 * subscriptions allocates none of them.
 * @internal
 * @module
 */
import { anyValue, inForceAt } from '../cancellation/internal.js';
import type { DatedPolicy, PolicyInForce } from '../core/index.js';

/**
 * @internal The version of a built-in policy in force at `ms`; an instant
 * before its first version gets the first version (the defaults apply
 * whatever the date).
 */
export function builtInAt<T>(policy: DatedPolicy<T>, ms: number): PolicyInForce<T> {
  return inForceAt(policy, ms, policy.id, anyValue<T>, true);
}
