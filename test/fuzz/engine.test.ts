// The fuzz engine catches what it claims to catch (a check that cannot fail
// is a defect): each kind of failure, on a deliberately broken function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CspRuleError } from '../../src/core/index.js';
import {
  fuzzFunction,
  judgeCall,
  KILLERS,
  nearValidArgs,
  prototypeChanges,
  publicFunctions,
  SLOW_MS,
  sweepCases,
} from './engine.js';
import { hostileValue, TRAP, throwingProxy } from './hostile.js';
import { countingSparse, holeThen, WALKED } from './known.js';
import { show } from './show.js';

const ruleError = () => new CspRuleError('invalid_input', 'bad', { field: 'x' });
const rules = [{ id: 'r', source: 'https://example.com', effectiveFrom: '2021-10-14' }];

describe('fuzz engine: judgeCall', () => {
  it('accepts a result, a CspRuleError and the caller’s own trap', () => {
    expect(judgeCall(() => 1, [])).toEqual({ ok: true, outcome: 'result' });
    expect(
      judgeCall(() => {
        throw ruleError();
      }, []),
    ).toEqual({ ok: true, outcome: 'rule-error' });
    expect(judgeCall((p) => (p as Record<string, unknown>)['x'], [throwingProxy()])).toEqual({
      ok: true,
      outcome: 'caller-trap',
    });
  });

  it('fails a TypeError, a RangeError and anything else thrown', () => {
    const typeError = judgeCall((x) => (x as { a: { b: number } }).a.b, [{}]);
    expect(typeError).toMatchObject({ ok: false });
    expect(!typeError.ok && typeError.problem).toMatch(/^threw TypeError/);
    const stack = judgeCall(
      function deep(n): unknown {
        return deep((n as number) + 1);
      },
      [0],
    );
    expect(!stack.ok && stack.problem).toMatch(/RangeError/);
    expect(
      judgeCall(() => {
        throw 'a string';
      }, []),
    ).toMatchObject({ ok: false });
  });

  it('fails a write to a frozen input (the library must not mutate its arguments)', () => {
    const v = judgeCall(
      (o) => {
        (o as Record<string, unknown>)['x'] = 1;
      },
      [Object.freeze({})],
    );
    expect(!v.ok && v.problem).toMatch(/TypeError/);
  });

  it('fails prototype pollution, and undoes it', () => {
    const v = judgeCall(() => {
      (Object.prototype as Record<string, unknown>)['polluted'] = 'yes';
    }, []);
    expect(!v.ok && v.problem).toMatch(/prototype polluted/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const w = judgeCall(() => {
      Object.defineProperty(Array.prototype, 'evil', { value: 1, configurable: true });
    }, []);
    expect(!w.ok && w.problem).toMatch(/Array.prototype gained evil/);
    expect(prototypeChanges()).toEqual([]);
  });

  it(`fails a call slower than ${SLOW_MS} ms`, () => {
    const v = judgeCall(() => {
      const end = performance.now() + SLOW_MS + 50;
      while (performance.now() < end) {
        // spin
      }
    }, []);
    expect(!v.ok && v.problem).toMatch(/^took \d+ ms/);
  });

  it('fails malformed or non-JSON decisions', () => {
    const bad = (d: unknown) => judgeCall(() => d, []);
    expect(bad({ allowed: true, reasons: [{ code: 'x' }], rules })).toMatchObject({ ok: false });
    expect(bad({ allowed: 'yes', reasons: [], rules })).toMatchObject({ ok: false });
    expect(bad({ allowed: false, reasons: [{}], rules })).toMatchObject({ ok: false });
    expect(bad({ allowed: true, reasons: [], rules: [{ id: 'r' }] })).toMatchObject({ ok: false });
    expect(bad({ allowed: true, reasons: [], rules, amount: 1n })).toMatchObject({ ok: false });
    expect(bad({ allowed: true, reasons: [], rules, day: '2021-10-14' })).toEqual({
      ok: true,
      outcome: 'result',
    });
  });

  it('fails silent wrong results the input did not carry', () => {
    const v = (result: unknown, args: unknown[] = []) => judgeCall(() => result, args);
    expect(v({ at: new Date(Number.NaN) })).toMatchObject({ ok: false });
    expect(v({ days: Number.NaN })).toMatchObject({ ok: false });
    expect(v(['NaN-NaN-NaN'])).toMatchObject({ ok: false });
    expect(v({ text: 'the role undefined' })).toMatchObject({ ok: false });
    expect(v({ text: 'got [object Object]' })).toMatchObject({ ok: false });
    // ...but the caller's own text may be echoed.
    expect(v({ name: 'NaN' }, ['NaN'])).toEqual({ ok: true, outcome: 'result' });
    expect(judgeCall(() => ({ days: Number.NaN }), [], { echoes: true })).toEqual({
      ok: true,
      outcome: 'result',
    });
  });

  it('fails a CspRuleError whose field is not a string or whose message echoes a huge input', () => {
    const huge = 'k'.repeat(5000);
    const echo = judgeCall(() => {
      throw new CspRuleError('invalid_input', `bad ${huge}`, { field: 'x' });
    }, [huge]);
    expect(echo).toMatchObject({ ok: false });
    const field = judgeCall(() => {
      throw new CspRuleError('invalid_input', 'bad', { field: [] as never });
    }, []);
    expect(field).toMatchObject({ ok: false });
  });
});

describe('fuzz engine: arguments', () => {
  it('near-valid arguments keep most of the sample and reach both outcomes', () => {
    const sample = () => [{ kind: 'subscription', term: 'P1Y', nested: { a: [1, 2] } }, 'x'];
    const seen = { untouched: 0, changed: 0 };
    fc.assert(
      fc.property(nearValidArgs([sample], hostileValue()), (args) => {
        if (show(args) === show(sample())) seen.untouched++;
        else seen.changed++;
      }),
      { numRuns: 300 },
    );
    expect(seen.untouched).toBeGreaterThan(0);
    expect(seen.changed).toBeGreaterThan(150);
  });

  it('fuzzFunction reports the function, the problem and a minimal input', () => {
    const brittle = (o: unknown) => (o as { term: { length: number } }).term.length;
    expect(() =>
      fuzzFunction(
        'demo.brittle',
        brittle as never,
        nearValidArgs([() => [{ term: 'P1Y' }]], hostileValue()),
        {
          numRuns: 200,
          echoes: false,
          fieldArg: undefined,
          knownBugs: [],
        },
      ),
    ).toThrow(/demo\.brittle: threw TypeError[\s\S]*minimal input: demo\.brittle\(/);
  });

  it('a known bug is tolerated only for the inputs it names', () => {
    const brittle = (o: unknown) => (o as { term: { length: number } }).term.length;
    const tally = fuzzFunction('demo.brittle', brittle as never, fc.constant([{ term: null }]), {
      numRuns: 10,
      echoes: false,
      fieldArg: undefined,
      knownBugs: [{ id: 'null-term', input: (a) => (a[0] as { term: unknown }).term === null }],
    });
    expect(tally.known.get('null-term')).toBe(10);
  });

  it('the sweep puts every killer value at every position', () => {
    const cases = sweepCases([() => [{ a: { b: 1 } }, 2]]);
    // positions: 0, 1, 0.a, 0.a.b; each with every killer value
    expect(cases.length).toBe(4 * KILLERS.length);
    expect(cases.some((c) => c.label.includes('0.a.b = a 5 MB string'))).toBe(true);
  });

  it('publicFunctions lists functions, not classes or constants', () => {
    expect(
      publicFunctions({ f: () => 1, C: class {}, k: 1, CspRuleError }).map(([n]) => n),
    ).toEqual(['f']);
  });

  it('the helpers of the known-bug tests do what they say', () => {
    expect(0 in holeThen(1)).toBe(false);
    expect(holeThen(1)[1]).toBe(1);
    const walked = judgeCall((a) => (a as unknown[]).includes('x'), [countingSparse('y')]);
    expect(!walked.ok && walked.problem).toContain(WALKED.message);
    expect(judgeCall((a) => (a as unknown[])[0], [countingSparse('y')])).toEqual({
      ok: true,
      outcome: 'result',
    });
    expect(TRAP.name).toBe('CallerTrap');
  });
});
