/**
 * The built-in refund policies made ready for hot loops, through
 * cancellation's compiled policies: each policy is checked once and its rule
 * references are built once and frozen, so a refund over a million
 * subscriptions allocates none of them. `builtInAt(policy, ms)` is the
 * version of a built-in policy in force at `ms`; an instant before its first
 * version gets the first version (the defaults apply whatever the date).
 * @internal
 * @module
 */
export { inForceAt as builtInAt } from '../cancellation/internal.js';
