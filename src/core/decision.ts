/**
 * The shape every rule that can say "no" returns.
 * @module
 */
import type { CalendarDay } from './calendar.js';
import { fail } from './errors.js';

/**
 * The rule a decision applied: which one, where Microsoft states it, and
 * since when it is in force.
 * @category Decisions
 */
export interface RuleRef {
  /** Stable rule id, e.g. `'cancellation.subscription_window'`. */
  readonly id: string;
  /** The Microsoft document (URL) the rule comes from. */
  readonly source: string;
  /** The first UTC day the applied version of the rule is in force. */
  readonly effectiveFrom: CalendarDay;
}

/**
 * Base of every reason: a stable snake_case `code` plus the data that explains it.
 * @category Decisions
 */
export interface ReasonBase {
  /** Stable machine-readable code (`'window_closed'`). */
  readonly code: string;
}

/**
 * A decision: `allowed` is `true` exactly when `reasons` is empty; `rules`
 * names every rule applied; the facts `F` (dates, amounts) are present
 * whether allowed or not. JSON-serialisable (only `Date` as a class).
 * @category Decisions
 */
export type Decision<R extends ReasonBase, F extends object = object> = {
  /** Whether the action is allowed. */
  readonly allowed: boolean;
  /** Every failing reason, in a stable order; empty when allowed. */
  readonly reasons: readonly R[];
  /** Every rule applied, with its source and effective date. */
  readonly rules: readonly RuleRef[];
} & F;

/**
 * Builds a decision whose `allowed` is derived from `reasons`, so the two can never disagree.
 *
 * @param reasons - Every failing reason (empty when allowed).
 * @param rules - The rules applied.
 * @param facts - The dates and amounts the caller came for.
 * @returns The decision.
 * @throws {@link CspRuleError} `invalid_input` when `reasons` or `rules` is not an array, or `facts` is not an object or tries to set `allowed`, `reasons` or `rules`.
 * @example
 * ```ts
 * import { decide } from 'csp-software-rules/core';
 *
 * const rule = { id: 'demo', source: 'https://example.com', effectiveFrom: '2021-10-14' };
 * decide([], [rule], { lastDay: '2021-10-21' }).allowed; // => true
 * decide([{ code: 'window_closed' }], [rule], {}).allowed; // => false
 * ```
 * @category Decisions
 */
export function decide<R extends ReasonBase, F extends object>(
  reasons: readonly R[],
  rules: readonly RuleRef[],
  facts: F,
): Decision<R, F> {
  if (!Array.isArray(reasons)) fail('invalid_input', 'reasons', 'reasons: expected an array');
  if (!Array.isArray(rules)) fail('invalid_input', 'rules', 'rules: expected an array');
  if (typeof facts !== 'object' || facts === null) {
    fail('invalid_input', 'facts', 'facts: expected an object');
  }
  // Facts may never overturn what the reasons decided.
  if (
    Object.hasOwn(facts, 'allowed') ||
    Object.hasOwn(facts, 'reasons') ||
    Object.hasOwn(facts, 'rules')
  ) {
    fail('invalid_input', 'facts', 'facts: cannot set allowed, reasons or rules');
  }
  return decision(reasons, rules, facts);
}

/**
 * @internal {@link decide} for the library's own rules, whose reasons, rules
 * and facts are built in code and need no run-time check.
 */
export function decision<R extends ReasonBase, F extends object>(
  reasons: readonly R[],
  rules: readonly RuleRef[],
  facts: F,
): Decision<R, F> {
  return { allowed: reasons.length === 0, reasons, rules, ...facts };
}
