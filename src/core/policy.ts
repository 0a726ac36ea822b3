/**
 * Dated policy tables: a policy fact (a cutoff, a window length, a list) with
 * the day each version took effect and its source, so a policy change is a
 * data change and an audit of old purchases can pass its own versions.
 * @module
 */

import { HotWeakMap } from './cache.js';
import { type CalendarDay, epochDayFromDayString, MS_PER_DAY } from './calendar.js';
import type { RuleRef } from './decision.js';
import { describeType, fail } from './errors.js';
import { denseList } from './guards.js';
import { type InstantInput, toInstantMs } from './instant.js';

/**
 * One version of a policy: its value, the first UTC day it applies, and where it is stated.
 * @category Policy
 */
export interface PolicyVersion<T> {
  /** First UTC day this version is in force (`YYYY-MM-DD`). */
  readonly effectiveFrom: CalendarDay;
  /** Where the rule is stated (a URL). */
  readonly source: string;
  /** The policy fact. */
  readonly value: T;
  /**
   * Why this reading, when the sources disagree (your own policies; the
   * built-in ones keep their readings in {@link POLICY_READINGS}).
   */
  readonly note?: string;
}

/**
 * A policy with its versions, oldest first.
 * @category Policy
 */
export interface DatedPolicy<T> {
  /** Stable rule id, reported in decisions' `rules`. */
  readonly id: string;
  /** Versions in ascending `effectiveFrom` order. */
  readonly versions: readonly PolicyVersion<T>[];
}

/**
 * The version of a policy in force on a day, with the {@link RuleRef} to report.
 * @category Policy
 */
export interface PolicyInForce<T> {
  /** The policy fact in force. */
  readonly value: T;
  /** The rule reference for a decision's `rules`. */
  readonly rule: RuleRef;
}

/** @internal A policy as checked: its versions (copied) and the start instant of each. */
export interface CheckedPolicy {
  readonly versions: readonly PolicyVersion<unknown>[];
  readonly starts: readonly number[];
}

const checked = /* @__PURE__ */ new HotWeakMap<object, CheckedPolicy>();

/** A policy has a handful of versions; more is a caller's mistake, not a table. */
const MAX_VERSIONS = 10_000;

/**
 * @internal Validate a policy once and cache a plain copy of its versions with
 * the start instant of each: callers read the copy, never the caller's array.
 */
export function checkPolicy<T>(policy: DatedPolicy<T>, field: string): CheckedPolicy {
  if (typeof policy !== 'object' || policy === null) {
    fail(
      'invalid_policy',
      field,
      `${field}: expected { id, versions }, got ${describeType(policy)}`,
    );
  }
  const cached = checked.get(policy);
  if (cached !== undefined) return cached;
  const { id, versions } = policy;
  if (typeof id !== 'string' || id === '')
    fail('invalid_policy', `${field}.id`, `${field}.id: expected a non-empty string`);
  const list = denseList(versions, `${field}.versions`, MAX_VERSIONS, 'invalid_policy');
  if (list.length === 0) {
    fail('invalid_policy', `${field}.versions`, `${field}.versions: expected at least one version`);
  }
  const starts: number[] = [];
  (list as PolicyVersion<T>[]).forEach((v, i) => {
    const f = `${field}.versions[${i}]`;
    const day =
      typeof v === 'object' && v !== null && typeof v.effectiveFrom === 'string'
        ? epochDayFromDayString(v.effectiveFrom, `${f}.effectiveFrom`, 'invalid_policy')
        : undefined;
    if (day === undefined)
      fail('invalid_policy', `${f}.effectiveFrom`, `${f}.effectiveFrom: expected YYYY-MM-DD`);
    if (typeof v.source !== 'string' || v.source === '') {
      fail('invalid_policy', `${f}.source`, `${f}.source: every version needs its source`);
    }
    const previous = starts[starts.length - 1];
    if (previous !== undefined && day * MS_PER_DAY <= previous) {
      fail(
        'invalid_policy',
        `${f}.effectiveFrom`,
        `${f}.effectiveFrom: versions must be in ascending order`,
      );
    }
    starts.push(day * MS_PER_DAY);
  });
  const result = { versions: list as PolicyVersion<unknown>[], starts };
  checked.set(policy, result);
  return result;
}

/**
 * Checks a dated policy (ids, ascending days, a source on every version) and
 * returns it unchanged, so a mistake surfaces where the policy is written.
 * The versions' values are yours, not checked here (see {@link policyInForce}).
 *
 * @param policy - The policy.
 * @returns The same policy.
 * @throws {@link CspRuleError} `invalid_policy` naming the faulty version.
 * @example
 * ```ts
 * import { definePolicy, policyInForce } from 'csp-software-rules/core';
 *
 * const windowDays = definePolicy({
 *   id: 'demo.window-days',
 *   versions: [
 *     { effectiveFrom: '2019-01-01', source: 'https://example.com/2019', value: 60 },
 *     { effectiveFrom: '2021-09-01', source: 'https://example.com/2021', value: 30 },
 *   ],
 * });
 * policyInForce(windowDays, '2020-06-01')?.value; // => 60
 * policyInForce(windowDays, '2021-09-01T00:00:00Z')?.rule.effectiveFrom; // => '2021-09-01'
 * ```
 * @category Policy
 */
export function definePolicy<T>(policy: DatedPolicy<T>): DatedPolicy<T> {
  checkPolicy(policy, 'policy');
  return policy;
}

/**
 * The version of a policy table in force at an instant: the latest version
 * whose `effectiveFrom` UTC day has started at `asOf`. Before the first
 * version nothing is in force, and the answer is `undefined`. The library's
 * own tables begin on `0000-01-01`, the first day an instant may have
 * (Microsoft dates none of their first versions), so they are in force at any
 * instant; a rule given your own table that has no version in force at the
 * instant asked about throws `policy_not_in_force` (the table does not cover
 * the question).
 *
 * A version's `value` is yours and opaque here: it is returned as it is
 * (a `NaN` included), unchecked; the rule that reads the table checks it.
 *
 * @param table - A dated policy.
 * @param asOf - The instant (or `YYYY-MM-DD` day) the rule is evaluated for.
 * @returns The value in force (the table's own, by design) and its rule reference, or `undefined` before the first version.
 * @throws {@link CspRuleError} `invalid_policy` for a malformed table; `invalid_instant` for a bad `asOf`.
 * @example
 * ```ts
 * import { definePolicy, policyInForce } from 'csp-software-rules/core';
 *
 * const cutoff = definePolicy({
 *   id: 'demo.cutoff',
 *   versions: [{ effectiveFrom: '2021-10-14', source: 'https://example.com', value: true }],
 * });
 * policyInForce(cutoff, '2021-10-14T00:00:00Z')?.value; // => true
 * policyInForce(cutoff, '2021-10-13T23:59:59Z'); // => undefined
 * ```
 * @category Policy
 */
export function policyInForce<T>(
  table: DatedPolicy<T>,
  asOf: InstantInput,
): PolicyInForce<T> | undefined {
  return policyAtMs(table, toInstantMs(asOf, 'asOf'), undefined, 'table');
}

interface Compiled<T> {
  readonly starts: readonly number[];
  readonly inForce: readonly PolicyInForce<T>[];
}

const compiled = /* @__PURE__ */ new HotWeakMap<object, Compiled<unknown>>();

/**
 * @internal {@link policyInForce} for an instant already read as epoch ms, the
 * one lookup every area uses. The table is checked once (errors name `field`,
 * default its id), each value checked once with `check` when given, and each
 * version's answer built once and frozen, so a rule in a hot loop allocates
 * nothing to look up its policy. `undefined` before the first version.
 */
export function policyAtMs<T>(
  table: DatedPolicy<T>,
  ms: number,
  check?: (value: unknown, field: string) => T,
  field?: string,
): PolicyInForce<T> | undefined {
  let c = compiled.get(table) as Compiled<T> | undefined;
  if (c === undefined) {
    const name = field ?? (typeof table?.id === 'string' ? table.id : 'policy');
    const { versions, starts } = checkPolicy(table, name);
    c = {
      starts,
      inForce: (versions as readonly PolicyVersion<T>[]).map((v, i) =>
        Object.freeze({
          value: check ? check(v.value, `${name}.versions[${i}].value`) : v.value,
          rule: Object.freeze({ id: table.id, source: v.source, effectiveFrom: v.effectiveFrom }),
        }),
      ),
    };
    compiled.set(table, c);
  }
  for (let i = c.starts.length; i-- > 0; ) {
    if ((c.starts[i] as number) <= ms) return c.inForce[i];
  }
  return undefined;
}

/**
 * @internal {@link policyAtMs} for a rule's own lookup: the library's tables
 * are in force at every instant (their first version starts on 0000-01-01,
 * which a test holds them to); a caller's table (`field`) that has no version
 * in force at the instant asked about is the caller's mistake,
 * `policy_not_in_force` on `field`.
 */
export function inForceAtMs<T>(
  table: DatedPolicy<T>,
  ms: number,
  check?: (value: unknown, field: string) => T,
  field?: string,
): PolicyInForce<T> {
  const found = policyAtMs(table, ms, check, field);
  if (found !== undefined) return found;
  const name = field ?? table.id;
  return fail(
    'policy_not_in_force',
    name,
    // The table's id is not quoted: a caller's id could be anything, even a secret.
    `${name}: no version in force at ${new Date(ms).toISOString()} (the first starts ${table.versions[0]?.effectiveFrom})`,
  );
}
