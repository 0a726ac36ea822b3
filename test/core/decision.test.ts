// decide: the one way a decision's `allowed` is derived from its reasons, and
// the checks that keep a caller's facts from overturning it. Issue 27: every
// argument is checked (a NaN reason, an Invalid Date rule and a million-item
// facts array were returned as they were), within fixed bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, isCspRuleError } from '../../src/core/index.js';
import { ODD_VALUES } from '../support/anything.js';
import { expectRuleError, messageOf } from '../support/errors.js';

const rule = { id: 'demo', source: 'https://example.com', effectiveFrom: '2021-10-14' };

describe('decide', () => {
  it('is allowed exactly when there is no reason, and keeps the facts beside', () => {
    expect(decide([], [rule], { lastDay: '2021-10-21' })).toEqual({
      allowed: true,
      reasons: [],
      rules: [rule],
      lastDay: '2021-10-21',
    });
    const refused = decide([{ code: 'window_closed' }], [], {});
    expect(refused).toEqual({ allowed: false, reasons: [{ code: 'window_closed' }], rules: [] });
  });
  it('refuses reasons or rules that are not arrays, naming which', () => {
    expect(messageOf(() => decide({} as never, [], {}))).toBe(
      'invalid_input [reasons] reasons: expected an array, got an object',
    );
    expect(messageOf(() => decide([], 'r' as never, {}))).toBe(
      'invalid_input [rules] rules: expected an array, got a string',
    );
  });
  it('refuses facts that are not a plain object', () => {
    const cases = [
      null,
      undefined,
      'x',
      1,
      [],
      new Array(1_000_000),
      new Date(0),
      new Map([['allowed', true]]),
      Object.create({ allowed: true }),
    ];
    for (const facts of cases) {
      expect(messageOf(() => decide([], [], facts as never))).toBe(
        'invalid_input [facts] facts: expected a plain object',
      );
    }
    expect(decide([], [], Object.create(null) as object).allowed).toBe(true);
  });
  it.each(['allowed', 'reasons', 'rules'])('refuses facts that set %s', (key) => {
    expect(messageOf(() => decide([{ code: 'x' }], [], { [key]: true }))).toBe(
      'invalid_input [facts] facts: cannot set allowed, reasons or rules',
    );
  });
});

describe('decide checks every reason, rule and fact (issue 27)', () => {
  it('a reason is an object with a snake_case code', () => {
    expect(messageOf(() => decide([Number.NaN as never], [rule], {}))).toBe(
      'invalid_input [reasons[0]] reasons[0]: expected an object, got NaN',
    );
    for (const code of [
      undefined,
      '',
      'Window closed',
      'window-closed',
      '_x',
      'x_',
      7,
      'snake_Case',
    ]) {
      expectRuleError(
        () => decide([{ code: 'ok' }, { code } as never], [], {}),
        'invalid_input',
        'reasons[1].code',
      );
    }
    expect(decide([{ code: 'seats_not_reducible_2' }], [], {}).allowed).toBe(false);
  });
  it("a reason's data is JSON data: no NaN, Infinity, Invalid Date, bigint, function or class", () => {
    const bad: [unknown, string][] = [
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [10n, 'a bigint'],
      [() => 1, 'a function'],
      [Symbol('s'), 'a symbol'],
      [new Map(), 'a class instance'],
      [new Uint8Array(2), 'a class instance'],
    ];
    for (const [value, got] of bad) {
      expect(messageOf(() => decide([{ code: 'window_closed', closedAt: value }], [], {}))).toBe(
        `invalid_input [reasons[0].closedAt] reasons[0].closedAt: expected JSON data, got ${got}`,
      );
    }
    // A Date must be one an instant may be: valid, real, in years 0000-9999.
    for (const value of [
      new Date(Number.NaN),
      Object.create(Date.prototype),
      new Proxy(new Date(0), {}),
      new Date(8.64e15),
    ]) {
      expectRuleError(
        () => decide([{ code: 'window_closed', closedAt: value }], [], {}),
        'invalid_instant',
        'reasons[0].closedAt',
      );
    }
    // A symbol key: a spread keeps it, JSON drops it (a function was returned under one).
    expect(messageOf(() => decide([], [], { [Symbol('x')]: () => 1 }))).toBe(
      'invalid_input [facts] facts: expected JSON data, got a symbol key',
    );
    expect(
      messageOf(() => decide([{ code: 'window_closed', at: [{ [Symbol('y')]: 1 }] }], [], {})),
    ).toBe(
      'invalid_input [reasons[0].at[0]] reasons[0].at[0]: expected JSON data, got a symbol key',
    );
    const closedAt = new Date('2021-10-21T00:00:00Z');
    const ok = decide([{ code: 'window_closed', closedAt, days: [1, null, 'x'] }], [], {});
    expect(ok.reasons[0]).toEqual({ code: 'window_closed', closedAt, days: [1, null, 'x'] });
  });
  it('a rule has an id, a source and a real YYYY-MM-DD effectiveFrom', () => {
    expect(
      messageOf(() => decide([], [{ ...rule, effectiveFrom: new Date(Number.NaN) as never }], {})),
    ).toBe(
      'invalid_calendar_day [rules[0].effectiveFrom] rules[0].effectiveFrom: expected a "YYYY-MM-DD" string',
    );
    expectRuleError(
      () => decide([], [rule, { ...rule, effectiveFrom: '2021-02-30' }], {}),
      'invalid_calendar_day',
      'rules[1].effectiveFrom',
    );
    expectRuleError(() => decide([], [{ ...rule, id: '' }], {}), 'invalid_input', 'rules[0].id');
    expectRuleError(
      () => decide([], [{ ...rule, source: 1 } as never], {}),
      'invalid_input',
      'rules[0].source',
    );
    expectRuleError(
      () => decide([], [{ ...rule, note: Number.NaN } as never], {}),
      'invalid_input',
      'rules[0].note',
    );
    expectRuleError(() => decide([], [null as never], {}), 'invalid_input', 'rules[0]');
  });
  it('facts are JSON data, named by their path', () => {
    expect(
      messageOf(() => decide([], [], { window: { start: '2021-10-14', days: [7, Number.NaN] } })),
    ).toBe(
      'invalid_input [facts.window.days[1]] facts.window.days[1]: expected JSON data, got NaN',
    );
    expectRuleError(
      () => decide([], [], { 'odd key': new Date(Number.NaN) }),
      'invalid_instant',
      'facts.odd key',
    );
    const lastDay = new Date('2021-10-21T00:00:00Z');
    expect(decide([], [], { lastDay, refund: undefined, n: -0 })).toEqual({
      allowed: true,
      reasons: [],
      rules: [],
      lastDay,
      refund: undefined,
      n: -0,
    });
  });
  it('bounds: 10,000 reasons, 1,000 rules, 100,000 values in all, depth 32', () => {
    const reasons = Array.from({ length: 10_000 }, () => ({ code: 'expired' }));
    expect(decide(reasons, [], {}).reasons).toHaveLength(10_000);
    expectRuleError(() => decide([...reasons, { code: 'x' }], [], {}), 'invalid_input', 'reasons');
    const rules = Array.from({ length: 1_001 }, () => rule);
    expectRuleError(() => decide([], rules, {}), 'invalid_input', 'rules');
    expect(decide([], rules.slice(1), {}).rules).toHaveLength(1_000);
    const facts = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));
    expect(Object.keys(decide([], [], facts(99_999)))).toHaveLength(99_999 + 3);
    expectRuleError(() => decide([], [], facts(100_000)), 'invalid_input', 'facts.f99999');
    // The facts object and its list are two of the 100,000 values.
    expect(messageOf(() => decide([], [], { list: new Array(100_000).fill(0) }))).toBe(
      'invalid_input [facts.list[99998]] facts.list[99998]: over 100000 values or 32 levels',
    );
    expect(decide([], [], { list: new Array(99_000).fill(0) }).allowed).toBe(true);
    expectRuleError(() => decide([], [], { sparse: new Array(2 ** 31) }), 'invalid_input');
    // facts.deep is at depth 1; 32 nested objects are read, a 33rd is not.
    const nested = (levels: number) => {
      let deep: Record<string, unknown> = { leaf: 1 };
      for (let i = 1; i < levels; i++) deep = { deep };
      return { deep };
    };
    expect(decide([], [], nested(32)).allowed).toBe(true);
    expect(messageOf(() => decide([], [], nested(33)))).toMatch(
      /facts(\.deep){33}: over 100000 values or 32 levels$/,
    );
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expectRuleError(() => decide([], [], { cycle }), 'invalid_input');
  });
  it('returns new reason and rule arrays, reads each fact once, keeps a JSON __proto__ key a key', () => {
    const reasons = [{ code: 'expired' }];
    const rules = [rule];
    const d = decide(reasons, rules, {});
    reasons.push({ code: 'window_closed' });
    rules.length = 0;
    expect([d.allowed, d.reasons.length, d.rules.length]).toEqual([false, 1, 1]);
    let reads = 0;
    const facts = {
      get n() {
        reads++;
        return reads === 1 ? 1 : Number.NaN;
      },
    };
    expect(decide([], [], facts).n).toBe(1);
    expect(reads).toBe(1);
    const json = decide([], [], JSON.parse('{"__proto__": {"allowed": false}}') as object);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.keys(json)).toEqual(['allowed', 'reasons', 'rules', '__proto__']);
  });
});

/** Whether a decision holds only JSON data a rule could return. */
function isJsonData(value: unknown, depth = 0): boolean {
  if (depth > 40) return false;
  if (value === undefined || value === null) return true;
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.every((v) => isJsonData(v, depth + 1));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => isJsonData(v, depth + 1));
}

describe('decide on anything', () => {
  const anything = fc.anything({ ...ODD_VALUES, maxDepth: 3 });
  it('returns a decision of JSON data with allowed derived, or throws CspRuleError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ code: fc.constantFrom('expired', 'Bad') }), anything), {
          maxLength: 3,
        }),
        fc.array(fc.oneof(fc.constant(rule), anything), { maxLength: 2 }),
        fc.oneof(fc.dictionary(fc.string(), anything), anything),
        (reasons, rules, facts) => {
          let d: ReturnType<typeof decide>;
          try {
            d = decide(reasons as never, rules as never, facts as never);
          } catch (e) {
            expect(isCspRuleError(e)).toBe(true);
            return;
          }
          expect(d.allowed).toBe(d.reasons.length === 0);
          expect(isJsonData(d)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('accepts every decision whose parts are JSON data', () => {
    const data = fc.jsonValue();
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.constantFrom('expired', 'window_closed'), data }), {
          maxLength: 4,
        }),
        fc.dictionary(
          fc.string().filter((k) => !['allowed', 'reasons', 'rules'].includes(k)),
          fc.oneof(
            data,
            fc.date({
              min: new Date('0000-01-01T00:00:00Z'),
              max: new Date('9999-12-31T23:59:59.999Z'),
              noInvalidDate: true,
            }),
          ),
        ),
        (reasons, facts) => {
          const d = decide(reasons, [rule], facts);
          expect(d.allowed).toBe(reasons.length === 0);
          expect(d.reasons).toEqual(reasons);
        },
      ),
    );
  });
});
