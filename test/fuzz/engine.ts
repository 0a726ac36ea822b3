// The cross-area fuzz engine (issue 10). Every function an area exports is
// called with 0–4 hostile arguments, and with realistic valid arguments that
// have one to three fields (at any depth) replaced, deleted, turned into
// throwing getters, given own `__proto__` keys or null/polluting prototypes,
// and sometimes deep-frozen (a library that writes to its input then fails).
// Each call must return or throw a CspRuleError (or rethrow the caller's own
// trap, see CallerTrap), within SLOW_MS, without touching any prototype; a
// decision must be well formed and JSON-serialisable; a result must hold no
// Invalid Date, NaN or "NaN"/"undefined"/"[object …]" text the input lacked.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isCspRuleError } from '../../src/core/index.js';
import {
  deepArray,
  deepObject,
  domainValue,
  HUGE_STRINGS,
  hostileValue,
  hugeSparse,
  OPAQUE,
  TRAP,
  throwingProxy,
  trap,
} from './hostile.js';
import { GENERIC_BUGS } from './known.js';
import { show, showCall, showError } from './show.js';
import { childValues, isPlainContainer, isWalkable, type KnownBug } from './walk.js';

export type { KnownBug } from './walk.js';

/** A factory of valid arguments (fresh objects on every call). */
export type Sample = () => unknown[];

export interface AreaSpec {
  readonly area: string;
  readonly module: Readonly<Record<string, unknown>>;
  /** Valid argument lists per function name. */
  readonly samples: Readonly<Record<string, readonly Sample[]>>;
  /** Known bugs per function name. */
  readonly knownBugs?: Readonly<Record<string, readonly KnownBug[]>>;
  /** Functions whose results legitimately hold the caller's own values (no decision/sanity checks). */
  readonly echoes?: readonly string[];
  /**
   * Position of the optional `field` argument (the name an error message
   * repeats) of functions that take one: a long field name may make a long
   * message, by design.
   */
  readonly fieldArg?: Readonly<Record<string, number>>;
  /** Runs per function (default 500; FUZZ_RUNS overrides). */
  readonly numRuns?: number;
}

/** A single call slower than this fails (reported as a possible hang). */
export const SLOW_MS = 1000;

type Fn = (...args: unknown[]) => unknown;

function isClass(v: unknown): boolean {
  return typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));
}

/** Every exported function of a module (classes excluded), sorted by name. */
export function publicFunctions(mod: Readonly<Record<string, unknown>>): [string, Fn][] {
  return Object.entries(mod)
    .filter((e): e is [string, Fn] => typeof e[1] === 'function' && !isClass(e[1]))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

// ---------------------------------------------------------------------------
// Prototype pollution

const PROTOS: readonly object[] = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  BigInt.prototype,
  Symbol.prototype,
  Date.prototype,
  RegExp.prototype,
  Error.prototype,
  Map.prototype,
  Set.prototype,
  Promise.prototype,
];

type Snapshot = Map<string | symbol, PropertyDescriptor>[];

function snapshot(): Snapshot {
  return PROTOS.map((p) => {
    const m = new Map<string | symbol, PropertyDescriptor>();
    for (const k of Reflect.ownKeys(p)) {
      m.set(k, Object.getOwnPropertyDescriptor(p, k) as PropertyDescriptor);
    }
    return m;
  });
}

const BASELINE = snapshot();
const COUNTS = BASELINE.map((m) => m.size);

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return (
    b !== undefined &&
    a.value === b.value &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable
  );
}

/** Every difference between the built-in prototypes now and at load time. */
export function prototypeChanges(): string[] {
  const changes: string[] = [];
  const now = snapshot();
  PROTOS.forEach((p, i) => {
    const name = (p as { constructor?: { name?: string } }).constructor?.name ?? '?';
    const before = BASELINE[i] as Map<string | symbol, PropertyDescriptor>;
    const after = now[i] as Map<string | symbol, PropertyDescriptor>;
    for (const [k, d] of after) {
      if (!before.has(k)) changes.push(`${name}.prototype gained ${String(k)}`);
      else if (!sameDescriptor(before.get(k) as PropertyDescriptor, d)) {
        changes.push(`${name}.prototype.${String(k)} changed`);
      }
    }
    for (const k of before.keys()) {
      if (!after.has(k)) changes.push(`${name}.prototype lost ${String(k)}`);
    }
  });
  if (Object.getPrototypeOf(Object.prototype) !== null)
    changes.push('Object.prototype re-parented');
  return changes;
}

/** Undo any change to the built-in prototypes (so one bug does not poison the other tests). */
function restorePrototypes(): void {
  PROTOS.forEach((p, i) => {
    const before = BASELINE[i] as Map<string | symbol, PropertyDescriptor>;
    for (const k of Reflect.ownKeys(p)) {
      if (!before.has(k)) Reflect.deleteProperty(p, k);
    }
    for (const [k, d] of before) {
      if (!sameDescriptor(d, Object.getOwnPropertyDescriptor(p, k))) Object.defineProperty(p, k, d);
    }
  });
}

function quickPollutionCheck(): string | undefined {
  const probe = {} as Record<string, unknown>;
  if (probe['polluted'] !== undefined || ([] as unknown as Record<string, unknown>)['polluted']) {
    return 'prototype polluted: ({}).polluted is set';
  }
  for (let i = 0; i < PROTOS.length; i++) {
    if (Reflect.ownKeys(PROTOS[i] as object).length !== COUNTS[i]) {
      return `prototype polluted: ${prototypeChanges().join('; ')}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Walking values without running user code

/** Objects and strings reachable from `roots` (bounded): what the caller passed in. */
function reachable(roots: readonly unknown[]): { objects: Set<object>; strings: string[] } {
  const objects = new Set<object>();
  const strings: string[] = [];
  // Breadth first, so a 10,000-deep argument cannot use up the budget of the others.
  const queue: unknown[] = [...roots];
  for (let i = 0; i < queue.length && i < 20_000; i++) {
    const v = queue[i];
    if (typeof v === 'string') strings.push(v);
    else if (typeof v === 'object' && v !== null && !objects.has(v)) {
      objects.add(v);
      if (isWalkable(v)) queue.push(...childValues(v));
    }
  }
  return { objects, strings };
}

/** A day with a year outside 0000–9999 ("10000-01-01", "-271821-04-20"): not the YYYY-MM-DD results promise. */
const EXTENDED_DAY = /^(?:[+-]?\d{5,}|-\d{4})-\d{2}-\d{2}$/;

const BAD_TEXT = ['NaN', 'Invalid Date', '[object ', 'undefined', 'Infinity'] as const;

/** Silent wrong results: Invalid Dates, NaN, "NaN"-like text the input did not contain. */
function sanityProblems(result: unknown, args: readonly unknown[]): string[] {
  const { objects: inputs, strings } = reachable(args);
  const problems: string[] = [];
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[result, 'result']];
  let budget = 20_000;
  while (stack.length > 0 && budget-- > 0 && problems.length < 3) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'number') {
      if (Number.isNaN(v)) problems.push(`${path} is NaN`);
      else if (!Number.isFinite(v)) problems.push(`${path} is ${v}`);
    } else if (typeof v === 'string') {
      if (EXTENDED_DAY.test(v) && !strings.includes(v)) {
        problems.push(`${path} is a calendar day outside YYYY-MM-DD: ${show(v)}`);
      }
      for (const bad of BAD_TEXT) {
        if (v.includes(bad) && !strings.some((s) => s.includes(bad))) {
          problems.push(`${path} contains "${bad}": ${show(v)}`);
        }
      }
    } else if (typeof v === 'object' && v !== null) {
      if (inputs.has(v) || seen.has(v) || OPAQUE.has(v)) continue;
      seen.add(v);
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) problems.push(`${path} is an Invalid Date`);
        continue;
      }
      if (!isWalkable(v)) continue;
      if (Array.isArray(v)) {
        const n = Math.min(v.length, 500);
        for (let i = 0; i < n; i++) stack.push([v[i], `${path}[${i}]`]);
      } else {
        for (const k of Object.keys(v).slice(0, 500)) {
          const d = Object.getOwnPropertyDescriptor(v, k);
          if (d !== undefined && 'value' in d) stack.push([d.value, `${path}.${k}`]);
        }
      }
    }
  }
  return problems;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a decision (`allowed` in the result), if anything. */
function decisionProblems(result: Record<string, unknown>): string[] {
  const p: string[] = [];
  const { allowed, reasons, rules } = result as {
    allowed: unknown;
    reasons: unknown;
    rules: unknown;
  };
  if (typeof allowed !== 'boolean') p.push(`allowed is ${show(allowed)}`);
  if (!Array.isArray(reasons)) p.push(`reasons is ${show(reasons)}`);
  else {
    if (allowed !== (reasons.length === 0)) {
      p.push(`allowed is ${String(allowed)} with ${reasons.length} reasons`);
    }
    for (const r of reasons) {
      if (
        typeof r !== 'object' ||
        r === null ||
        typeof (r as { code?: unknown }).code !== 'string'
      ) {
        p.push(`reason without a string code: ${show(r)}`);
      }
    }
  }
  if (!Array.isArray(rules)) p.push(`rules is ${show(rules)}`);
  else {
    for (const r of rules as unknown[]) {
      const ref = r as { id?: unknown; source?: unknown; effectiveFrom?: unknown } | null;
      if (
        typeof ref?.id !== 'string' ||
        typeof ref.source !== 'string' ||
        typeof ref.effectiveFrom !== 'string' ||
        !DAY_RE.test(ref.effectiveFrom)
      ) {
        p.push(`malformed rule ref: ${show(r)}`);
      }
    }
  }
  try {
    JSON.stringify(result);
  } catch (e) {
    p.push(`decision is not JSON-serialisable: ${showError(e)}`);
  }
  return p;
}

// ---------------------------------------------------------------------------
// One call

export type Verdict =
  | { readonly ok: true; readonly outcome: 'result' | 'rule-error' | 'caller-trap' }
  | { readonly ok: false; readonly problem: string; readonly error?: unknown };

/** Duration of the last {@link judgeCall} call of the function itself. */
let lastCallMs = 0;

/** Calls `fn(...args)` and judges what happened. */
export function judgeCall(
  fn: Fn,
  args: readonly unknown[],
  options: {
    readonly echoes?: boolean;
    readonly fieldArg?: number | undefined;
    /** A call slower than this is a problem (default SLOW_MS). */
    readonly slowMs?: number;
  } = {},
): Verdict {
  let result: unknown;
  let error: unknown;
  let threw = false;
  const started = performance.now();
  try {
    result = fn(...args);
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - started;
  lastCallMs = ms;
  const polluted = quickPollutionCheck();
  if (polluted !== undefined) {
    restorePrototypes();
    return { ok: false, problem: polluted };
  }
  const slowMs = options.slowMs ?? SLOW_MS;
  if (ms > slowMs) return { ok: false, problem: `took ${Math.round(ms)} ms (> ${slowMs} ms)` };
  if (threw) {
    if (error === TRAP) return { ok: true, outcome: 'caller-trap' };
    if (!isCspRuleError(error)) return { ok: false, problem: `threw ${showError(error)}`, error };
    const p: string[] = [];
    const field = options.fieldArg === undefined ? undefined : args[options.fieldArg];
    const longField = typeof field === 'string' && field.length > 500;
    if (typeof error.code !== 'string' || !/^[a-z_]+$/.test(error.code))
      p.push(`code ${show(error.code)}`);
    if (typeof error.field !== 'string' || (error.field.length > 500 && !longField))
      p.push(`field ${show(error.field)}`);
    if (typeof error.message !== 'string' || (error.message.length > 1000 && !longField)) {
      p.push(`message of ${String(error.message).length} chars (echoes the input?)`);
    }
    try {
      JSON.stringify(error);
    } catch (e) {
      p.push(`CspRuleError is not JSON-serialisable: ${showError(e)}`);
    }
    if (p.length > 0)
      return { ok: false, problem: `bad CspRuleError ${error.code}: ${p.join('; ')}`, error };
    return { ok: true, outcome: 'rule-error' };
  }
  if (options.echoes !== true) {
    if (typeof result === 'object' && result !== null && !OPAQUE.has(result)) {
      if (typeof (result as { then?: unknown }).then === 'function') {
        return { ok: false, problem: 'returned a thenable' };
      }
      if (Object.hasOwn(result, 'allowed') && Object.hasOwn(result, 'rules')) {
        const p = decisionProblems(result as Record<string, unknown>);
        if (p.length > 0) return { ok: false, problem: `bad decision: ${p.join('; ')}` };
      } else if (Object.hasOwn(result, 'allowed')) {
        // A decision-like result (explain's Explanation): JSON-serialisable all the same.
        try {
          JSON.stringify(result);
        } catch (e) {
          return {
            ok: false,
            problem: `result with "allowed" is not JSON-serialisable: ${showError(e)}`,
          };
        }
      }
    }
    const p = sanityProblems(result, args);
    if (p.length > 0) return { ok: false, problem: `silent wrong result: ${p.join('; ')}` };
  }
  return { ok: true, outcome: 'result' };
}

// ---------------------------------------------------------------------------
// Near-valid arguments

type Mutation =
  | { readonly op: 'replace'; readonly path: readonly number[]; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: readonly number[] }
  | { readonly op: 'getter'; readonly path: readonly number[] }
  | { readonly op: 'protoKey'; readonly path: readonly number[]; readonly value: unknown }
  | { readonly op: 'setProto'; readonly path: readonly number[]; readonly proto: object | null }
  | {
      readonly op: 'extraKey';
      readonly path: readonly number[];
      readonly key: string;
      readonly value: unknown;
    }
  | { readonly op: 'grow'; readonly path: readonly number[]; readonly length: number };

function mutationArb(hostile: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  const path = fc.array(fc.nat(), { minLength: 1, maxLength: 5 });
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ op: fc.constant('replace' as const), path, value: domainValue }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('replace' as const), path, value: hostile }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), path }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('getter' as const), path }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('protoKey' as const),
        path,
        value: fc.oneof(fc.constant({ polluted: 'yes' }), hostile),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('setProto' as const),
        path,
        proto: fc.constantFrom<object | null>(null, {
          polluted: 'yes',
          kind: 'subscription',
          asOf: '2022-01-01',
          roles: ['AdminAgent'],
          code: 'window_closed',
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('extraKey' as const),
        path,
        key: fc.constantFrom(
          'constructor',
          'prototype',
          'toString',
          'valueOf',
          'toJSON',
          'then',
          'unknown',
        ),
        value: hostile,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('grow' as const),
        path,
        length: fc.constantFrom(100_000, 1_000_000),
      }),
    },
  );
}

function collectOwn(root: unknown, own: Set<object>): void {
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    // Frozen or shared objects (the library's own constants) are never mutated.
    if (isPlainContainer(v) && !own.has(v) && !Object.isFrozen(v)) {
      own.add(v);
      stack.push(...childValues(v));
    }
  }
}

/** An own data property's value (a getter is never run). */
function dataValue(o: object, k: string | number): unknown {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

function keysOf(node: object): (string | number)[] {
  if (Array.isArray(node)) return Array.from({ length: Math.min(node.length, 1000) }, (_, i) => i);
  return Object.keys(node);
}

function applyMutation(root: unknown[], m: Mutation, own: Set<object>): void {
  // Walk down: stop at the end of the path or where the next node is not ours.
  let parent: object = root;
  let key: string | number | undefined;
  for (const step of m.path) {
    if (key !== undefined) {
      const child = dataValue(parent, key);
      if (!(typeof child === 'object' && child !== null && own.has(child))) break;
      parent = child;
    }
    const keys = keysOf(parent);
    if (keys.length === 0) break;
    key = keys[step % keys.length];
  }
  const target = parent as Record<string | number, unknown>;
  const define = (o: object, k: string | number, value: unknown): void => {
    Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  };
  if (key === undefined) {
    if (parent === root) {
      if (m.op === 'replace') root.push(m.value);
      return;
    }
  }
  const child = key === undefined ? undefined : dataValue(target, key);
  const container = typeof child === 'object' && child !== null && own.has(child) ? child : parent;
  switch (m.op) {
    case 'replace':
      if (key !== undefined) define(target, key, m.value);
      return;
    case 'delete':
      if (key !== undefined) delete target[key];
      return;
    case 'getter':
      // (not on the argument list itself: the spread into the call would run it)
      if (key !== undefined && parent !== root) {
        Object.defineProperty(target, key, {
          enumerable: true,
          configurable: true,
          get() {
            trap();
          },
        });
      }
      return;
    case 'protoKey':
      if (container !== root) define(container, '__proto__', m.value);
      return;
    case 'setProto':
      if (container !== root && !Array.isArray(container))
        Object.setPrototypeOf(container, m.proto);
      return;
    case 'extraKey':
      if (container !== root) define(container, m.key, m.value);
      return;
    case 'grow':
      if (Array.isArray(container) && container !== root) container.length = m.length;
      return;
  }
}

function deepFreeze(root: unknown[], own: Set<object>): void {
  const stack: unknown[] = childValues(root);
  const done = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && own.has(v) && !done.has(v)) {
      done.add(v);
      Object.freeze(v);
      stack.push(...childValues(v));
    }
  }
}

/** Valid arguments with 0–3 mutations, sometimes deep-frozen, sometimes with an extra argument. */
export function nearValidArgs(
  samples: readonly Sample[],
  hostile: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown[]> {
  return fc
    .record({
      sample: fc.nat({ max: samples.length - 1 }),
      mutations: fc.array(mutationArb(hostile), { minLength: 0, maxLength: 3 }),
      freeze: fc.boolean(),
      extra: fc.oneof(
        { weight: 6, arbitrary: fc.constant([] as unknown[]) },
        { weight: 1, arbitrary: fc.array(hostile, { minLength: 1, maxLength: 2 }) },
      ),
    })
    .map(({ sample, mutations, freeze, extra }) => {
      const args = (samples[sample] as Sample)();
      const own = new Set<object>();
      for (const a of args) collectOwn(a, own);
      for (const m of mutations) applyMutation(args, m, own);
      if (freeze) deepFreeze(args, own);
      return [...args, ...extra];
    });
}

// ---------------------------------------------------------------------------
// The sweep: every killer value at every position of every sample

type Path = readonly (string | number)[];

/** Every position inside a sample's arguments (the arguments themselves included). */
function pathsOf(args: readonly unknown[]): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = args.map((a, i) => [a, [i]]);
  while (stack.length > 0 && out.length < 200) {
    const [v, path] = stack.shift() as [unknown, Path];
    out.push(path);
    if (isPlainContainer(v) && path.length < 6) {
      for (const k of keysOf(v).slice(0, 20)) stack.push([dataValue(v, k), [...path, k]]);
    }
  }
  return out;
}

function valueAt(args: readonly unknown[], path: Path): unknown {
  let v: unknown = args;
  for (const k of path) v = typeof v === 'object' && v !== null ? dataValue(v, k) : undefined;
  return v;
}

function replaceAt(args: unknown[], path: Path, value: unknown): unknown[] {
  let parent: unknown = args;
  for (const k of path.slice(0, -1)) parent = dataValue(parent as object, k);
  Object.defineProperty(parent as object, path[path.length - 1] as string | number, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return args;
}

function cyclicCopy(original: unknown): unknown {
  const o: Record<string, unknown> =
    isPlainContainer(original) && !Array.isArray(original) ? { ...original } : {};
  o['self'] = o;
  return o;
}

/** Values that break careless code, each built from the value it replaces. */
export const KILLERS: readonly {
  readonly label: string;
  readonly make: (original: unknown) => unknown;
}[] = [
  {
    label: 'a sparse array of length 2^27 (keeping element 0)',
    make: (o) => hugeSparse(Array.isArray(o) ? dataValue(o, 0) : undefined),
  },
  { label: 'a 5 MB string', make: () => HUGE_STRINGS[0] },
  { label: 'a 10,000-deep object', make: () => deepObject(10_000) },
  { label: 'a 10,000-deep array', make: () => deepArray(10_000) },
  { label: 'a cyclic copy', make: cyclicCopy },
  { label: 'a throwing Proxy', make: (o) => throwingProxy(Array.isArray(o) ? [] : {}) },
  { label: 'an Invalid Date', make: () => new Date(Number.NaN) },
  {
    label: 'a null-prototype copy',
    make: (o) => Object.assign(Object.create(null) as object, isPlainContainer(o) ? o : {}),
  },
  {
    label: 'a copy with an own __proto__ key',
    make: (o) =>
      Object.assign(
        JSON.parse('{"__proto__": {"polluted": "yes"}}') as object,
        isPlainContainer(o) && !Array.isArray(o) ? o : {},
      ),
  },
];

export interface SweepCase {
  readonly label: string;
  readonly args: unknown[];
}

/** Each sample with one killer value at one position, for every killer and position. */
export function sweepCases(samples: readonly Sample[]): SweepCase[] {
  const cases: SweepCase[] = [];
  samples.forEach((sample, s) => {
    for (const path of pathsOf(sample())) {
      for (const killer of KILLERS) {
        const args = sample();
        const value = killer.make(valueAt(args, path));
        cases.push({
          label: `sample ${s}, ${path.join('.')} = ${killer.label}`,
          args: replaceAt(args, path, value),
        });
      }
    }
  });
  return cases;
}

/** Runs the sweep of one function: the problems found (known bugs tolerated). */
export function sweepFunction(
  fn: Fn,
  samples: readonly Sample[],
  options: { echoes: boolean; fieldArg: number | undefined; knownBugs: readonly KnownBug[] },
): { problems: string[]; cases: number; known: number; slowestMs: number } {
  const problems: string[] = [];
  let known = 0;
  let slowestMs = 0;
  const cases = sweepCases(samples);
  for (const c of cases) {
    const bug = options.knownBugs.find((b) => b.skip === true && b.input(c.args));
    if (bug?.skip === true) {
      known++;
      continue;
    }
    const v = judgeCall(fn, c.args, options);
    slowestMs = Math.max(slowestMs, lastCallMs);
    if (v.ok) continue;
    if (
      options.knownBugs.some(
        (b) => b.input(c.args) && (b.problem === undefined || b.problem.test(v.problem)),
      )
    )
      known++;
    else problems.push(`${c.label}: ${v.problem}`);
  }
  return { problems, cases: cases.length, known, slowestMs };
}

// ---------------------------------------------------------------------------
// The suite of one area

/**
 * Runs per function: 500, or FUZZ_RUNS for a deeper hunt
 * (`FUZZ_RUNS=5000 npx vitest run test/fuzz`). Replay a failure with the
 * FC_SEED/FC_PATH it prints (test/support/setup.ts). FUZZ_REPORT=1 prints
 * each area's statistics (how often each function returned or refused).
 */
const DEFAULT_RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

interface Tally {
  slowestMs: number;
  result: number;
  'rule-error': number;
  'caller-trap': number;
  known: Map<string, number>;
}

/** Fuzz one function; throws a readable error with the minimal input on failure. */
export function fuzzFunction(
  qualified: string,
  fn: Fn,
  args: fc.Arbitrary<unknown[]>,
  options: {
    numRuns: number;
    echoes: boolean;
    fieldArg: number | undefined;
    knownBugs: readonly KnownBug[];
  },
): Tally {
  const tally: Tally = {
    slowestMs: 0,
    result: 0,
    'rule-error': 0,
    'caller-trap': 0,
    known: new Map(),
  };
  let lastProblem = '';
  const details = fc.check(
    fc.property(args, (a) => {
      const bug = options.knownBugs.find((b) => b.skip === true && b.input(a));
      if (bug?.skip === true) {
        tally.known.set(`${bug.id} (skipped)`, (tally.known.get(`${bug.id} (skipped)`) ?? 0) + 1);
        return true;
      }
      const v = judgeCall(fn, a, options);
      tally.slowestMs = Math.max(tally.slowestMs, lastCallMs);
      if (v.ok) {
        tally[v.outcome]++;
        return true;
      }
      const known = options.knownBugs.find(
        (b) => b.input(a) && (b.problem === undefined || b.problem.test(v.problem)),
      );
      if (known !== undefined) {
        tally.known.set(known.id, (tally.known.get(known.id) ?? 0) + 1);
        return true;
      }
      lastProblem = v.problem;
      return false;
    }),
    { numRuns: options.numRuns },
  );
  if (details.failed) {
    const input = details.counterexample?.[0] ?? [];
    // Re-judge the shrunk input for its own problem text.
    const again = judgeCall(fn, input, options);
    const problem = again.ok
      ? lastProblem || `the fuzz itself threw ${showError(details.errorInstance)}`
      : again.problem;
    throw new Error(
      `${qualified}: ${problem}\n  minimal input: ${showCall(qualified, input)}\n  replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''}`,
    );
  }
  return tally;
}

/** Declares the fuzz tests of one area. */
export function fuzzArea(spec: AreaSpec): void {
  const functions = publicFunctions(spec.module);
  const hostile = hostileValue();
  const hostileArgs = fc.array(hostile, { maxLength: 4 });
  const numRuns =
    process.env['FUZZ_RUNS'] === undefined ? (spec.numRuns ?? DEFAULT_RUNS) : DEFAULT_RUNS;
  const summary: string[] = [];

  describe(`fuzz ${spec.area}`, () => {
    afterAll(() => {
      // Statistics only when asked: `npm test` stays a pass/fail report.
      if (process.env['FUZZ_REPORT'] === '1')
        console.info(
          `fuzz ${spec.area}: ${functions.length} functions × ${numRuns} runs\n${summary.join('\n')}`,
        );
      expect(prototypeChanges()).toEqual([]);
    });

    it('exports functions, and every sample names one of them', () => {
      expect(functions.length).toBeGreaterThan(0);
      const names = new Set(functions.map(([n]) => n));
      expect(Object.keys(spec.samples).filter((n) => !names.has(n))).toEqual([]);
      expect(Object.keys(spec.knownBugs ?? {}).filter((n) => !names.has(n))).toEqual([]);
      const unsampled = functions
        .map(([n]) => n)
        .filter((n) => (spec.samples[n] ?? []).length === 0);
      if (unsampled.length > 0 && process.env['FUZZ_REPORT'] === '1') {
        console.warn(
          `fuzz ${spec.area}: no valid samples for ${unsampled.join(', ')} (fuzzed with hostile arguments only; add samples in test/fuzz/samples)`,
        );
      }
    });

    it.each(functions)(
      '%s: only a result or a CspRuleError',
      (name, fn) => {
        const samples = spec.samples[name] ?? [];
        const args =
          samples.length === 0
            ? hostileArgs
            : fc.oneof(
                { weight: 1, arbitrary: hostileArgs },
                { weight: 3, arbitrary: nearValidArgs(samples, hostile) },
              );
        for (const sample of samples) {
          // The samples themselves must be valid: otherwise the fuzz never gets past the guards.
          const v = judgeCall(fn, sample(), { echoes: spec.echoes?.includes(name) ?? false });
          // (samples use short field names)
          expect(v, `${spec.area}.${name} sample ${showCall(name, sample())}`).toEqual({
            ok: true,
            outcome: 'result',
          });
        }
        const started = performance.now();
        const tally = fuzzFunction(`${spec.area}.${name}`, fn, args, {
          numRuns,
          echoes: spec.echoes?.includes(name) ?? false,
          fieldArg: spec.fieldArg?.[name],
          knownBugs: [...(spec.knownBugs?.[name] ?? []), ...GENERIC_BUGS],
        });
        const known = [...tally.known].map(([id, n]) => `${id}×${n}`).join(' ');
        summary.push(
          `  ${name}: ${tally.result} results, ${tally['rule-error']} CspRuleErrors, ${tally['caller-trap']} caller traps${known === '' ? '' : `, known bugs ${known}`}; slowest call ${tally.slowestMs.toFixed(1)} ms (${Math.round(performance.now() - started)} ms)`,
        );
        expect(prototypeChanges()).toEqual([]);
      },
      30_000,
    );

    it.each(functions)(
      '%s: killer values at every position of every sample',
      (name, fn) => {
        const samples = spec.samples[name] ?? [];
        const started = performance.now();
        const sweep = sweepFunction(fn, samples, {
          echoes: spec.echoes?.includes(name) ?? false,
          fieldArg: spec.fieldArg?.[name],
          knownBugs: [...(spec.knownBugs?.[name] ?? []), ...GENERIC_BUGS],
        });
        summary.push(
          `  ${name} sweep: ${sweep.cases} cases${sweep.known > 0 ? `, ${sweep.known} known-bug cases` : ''}; slowest call ${sweep.slowestMs.toFixed(1)} ms (${Math.round(performance.now() - started)} ms)`,
        );
        expect(sweep.problems, `${spec.area}.${name}`).toEqual([]);
        expect(prototypeChanges()).toEqual([]);
      },
      60_000,
    );
  });
}

/** Asserts `fn(...args)` returns or throws a CspRuleError (for the `it.fails` tests of known bugs). */
export function expectHandled(fn: unknown, args: readonly unknown[]): void {
  const v = judgeCall(fn as Fn, args);
  expect(v, showCall('call', args)).toMatchObject({ ok: true });
}
