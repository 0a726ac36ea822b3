/**
 * The shape every rule that can say "no" returns.
 * @module
 */
import { type CalendarDay, toEpochDay } from './calendar.js';
import { describeType, failField } from './errors.js';
import { asRecord, denseList } from './guards.js';
import { toInstantMs } from './instant.js';

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
 * Everything is checked, so that a decision built here is one the library
 * could have returned: JSON data (no `NaN`, no `Infinity`, no Invalid Date,
 * no `bigint`, function, symbol or class instance other than a valid `Date`).
 * The reason and rule objects and the fact values are the caller's, kept as
 * they are (not copied), in new `reasons` and `rules` arrays.
 *
 * @param reasons - Every failing reason (empty when allowed): at most 10,000
 *   objects, each with a snake_case `code` (`'window_closed'`) and JSON data.
 * @param rules - The rules applied: at most 1,000 `{ id, source, effectiveFrom }`,
 *   `id` and `source` non-empty strings, `effectiveFrom` a real `YYYY-MM-DD` day.
 * @param facts - The dates and amounts the caller came for: a plain object,
 *   its values JSON data (copied once: a getter is read once).
 * @returns The decision.
 * @throws {@link CspRuleError} `invalid_input` when `reasons` or `rules` is not
 *   an array (or a longer one), a reason is not an object with a snake_case
 *   code, a rule has no `id` or `source`, `facts` is not a plain object or
 *   tries to set `allowed`, `reasons` or `rules`, or a value is not JSON data
 *   (`field` names it: `reasons[2].closedAt`, `facts.window.start`), or there
 *   are more than 100,000 values in all or nesting deeper than 32;
 *   `invalid_calendar_day` for a rule's `effectiveFrom`; `invalid_instant`
 *   for a `Date` that is not a valid instant of years 0000-9999.
 * @example
 * ```ts
 * import { decide } from 'csp-software-rules/core';
 *
 * const rule = { id: 'demo', source: 'https://example.com', effectiveFrom: '2021-10-14' };
 * decide([], [rule], { lastDay: '2021-10-21' }).allowed; // => true
 * decide([{ code: 'window_closed' }], [rule], {}).allowed; // => false
 * decide([Number.NaN as never], [rule], {}); // => throws invalid_input
 * decide([], [{ ...rule, effectiveFrom: new Date(Number.NaN) as never }], {}); // => throws invalid_calendar_day
 * ```
 * @category Decisions
 */
export function decide<R extends ReasonBase, F extends object>(
  reasons: readonly R[],
  rules: readonly RuleRef[],
  facts: F,
): Decision<R, F> {
  const budget = { left: 100_000 };
  const reasonList = denseList(reasons, 'reasons', 10_000) as R[];
  reasonList.forEach((reason, i) => {
    const field = `reasons[${i}]`;
    const code = asRecord(reason, field)['code'];
    if (typeof code !== 'string' || !CODE.test(code)) {
      failField(`${field}.code`, 'expected a snake_case code');
    }
    checkData(reason, field, budget, 0);
  });
  const ruleList = denseList(rules, 'rules', 1_000) as RuleRef[];
  ruleList.forEach((rule, i) => {
    const field = `rules[${i}]`;
    const r = asRecord(rule, field);
    for (const key of ['id', 'source']) {
      if (typeof r[key] !== 'string' || !r[key])
        failField(`${field}.${key}`, 'expected a non-empty string');
    }
    toEpochDay(r['effectiveFrom'], `${field}.effectiveFrom`);
    checkData(rule, field, budget, 0);
  });
  if (!isPlainObject(facts)) failField('facts', 'expected a plain object');
  // Facts may never overturn what the reasons decided.
  if (
    Object.hasOwn(facts, 'allowed') ||
    Object.hasOwn(facts, 'reasons') ||
    Object.hasOwn(facts, 'rules')
  ) {
    failField('facts', 'cannot set allowed, reasons or rules');
  }
  // Copied once (a getter is read once), then the copy is checked and kept.
  const copy = { ...(facts as object) };
  checkData(copy, 'facts', budget, 0);
  return {
    allowed: reasonList.length === 0,
    reasons: reasonList,
    rules: ruleList,
    ...copy,
  } as Decision<R, F>;
}

const TOO_MANY = 'over 100000 values or 32 levels';
/** A stable reason code: lower-case words joined by `_`. */
const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Made by `{}`, JSON or `Object.create(null)`: not an array, a `Date`, a `Map`, a class instance. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` is JSON data a decision may hold: `undefined` (an
 * absent fact), `null`, a boolean, a string, a finite number, a `Date` an
 * instant may be, or an array or plain object of such values; at most
 * `budget.left` values in all, nested at most 32 deep (so a cycle ends too).
 */
function checkData(value: unknown, field: string, budget: { left: number }, depth: number): void {
  if (--budget.left < 0) failField(field, TOO_MANY);
  const type = typeof value;
  if (value === undefined || value === null || type === 'string' || type === 'boolean') return;
  if (value instanceof Date) {
    toInstantMs(value, field); // an Invalid Date (or one posing as a Date) is refused
    return;
  }
  const list = Array.isArray(value);
  if (list || isPlainObject(value)) {
    if (depth > 32) failField(field, TOO_MANY);
    // A symbol key is kept by a spread, and is no JSON data.
    if (Object.getOwnPropertySymbols(value).length > 0) {
      failField(field, 'expected JSON data, got a symbol key');
    }
    if (list)
      for (let i = 0; i < value.length; i++)
        checkData(value[i], `${field}[${i}]`, budget, depth + 1);
    else
      for (const [key, v] of Object.entries(value))
        checkData(v, `${field}.${key.slice(0, 40)}`, budget, depth + 1);
  } else if (type !== 'number' || !Number.isFinite(value)) {
    failField(
      field,
      `expected JSON data, got ${type === 'object' ? 'a class instance' : describeType(value)}`,
    );
  }
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
