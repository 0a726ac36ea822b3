// Fuzz of every public function of core (issue 10): see engine.ts and core.area.ts.
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index.js';
import { spec } from './core.area.js';
import { fuzzArea, judgeCall } from './engine.js';
import { holeThen } from './known.js';

fuzzArea(spec);

const EUR = (minor: number) => ({ currency: 'EUR', minor });

describe('fuzz core: bugs found (each was an it.fails until fixed)', () => {
  it('fake-date: parseInstant(Object.create(Date.prototype)) throws a CspRuleError', () => {
    expect(judgeCall(core.parseInstant as never, [Object.create(Date.prototype)])).toMatchObject({
      ok: true,
    });
  });
  it('field-not-string: parseInstant(1, Symbol()) throws a CspRuleError', () => {
    expect(judgeCall(core.parseInstant as never, [1, Symbol('f')])).toMatchObject({ ok: true });
  });
  it('field-not-string: parseTerm(1, Object.create(null)) throws a CspRuleError', () => {
    expect(judgeCall(core.parseTerm as never, [1, Object.create(null)])).toMatchObject({
      ok: true,
    });
  });
  it('decide-nullish-reasons (fixed): decide(undefined, [], {}) throws a CspRuleError', () => {
    expect(judgeCall(core.decide as never, [undefined, [], {}])).toMatchObject({ ok: true });
  });
  it('allocate-sparse-or-long: allocate(EUR 10.00, [<hole>, 1, 1]) gives a result or a CspRuleError', () => {
    expect(judgeCall(core.allocate as never, [EUR(1000), holeThen(1, 1)])).toMatchObject({
      ok: true,
    });
  });
  it('allocate-sparse-or-long: allocate(EUR 10.00, 200,000 × [1]) gives a result or a CspRuleError', () => {
    expect(
      judgeCall(core.allocate as never, [EUR(1000), new Array(200_000).fill(1)]),
    ).toMatchObject({ ok: true });
  });
  it('decide-spreads-facts (fixed): decide([], [], 5 MB string) is fast', () => {
    expect(
      judgeCall(core.decide as never, [[], [], 'x'.repeat(5_000_000)], { echoes: true }),
    ).toMatchObject({ ok: true });
  });
  it('extended-year-day: addDays("2021-01-01", 1e9) gives a YYYY-MM-DD day or a CspRuleError', () => {
    expect(judgeCall(core.addDays as never, ['2021-01-01', 1e9])).toMatchObject({ ok: true });
  });
  it('extended-year-day: calendarDayOf(new Date(-8.64e15)) gives a YYYY-MM-DD day or a CspRuleError', () => {
    expect(judgeCall(core.calendarDayOf as never, [new Date(-8.64e15)])).toMatchObject({
      ok: true,
    });
  });
  it('array-species: allocate(EUR 10.00, [1, 1] with an own constructor) throws a CspRuleError or allocates', () => {
    const weights = Object.assign([1, 1], { constructor: 1 });
    expect(judgeCall(core.allocate as never, [EUR(1000), weights])).toMatchObject({ ok: true });
  });
  it('decide-facts-override (fixed): facts cannot overturn allowed/reasons', () => {
    expect(() => core.decide([{ code: 'window_closed' }], [], { allowed: true } as object)).toThrow(
      'facts: cannot set allowed, reasons or rules',
    );
  });
});

describe('fuzz core: the CspRuleError constructor', () => {
  it('constructs with any code and message', () => {
    const e = new core.CspRuleError('invalid_input', 'm', { field: 'f', details: { a: 1 } });
    expect(core.isCspRuleError(e)).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ code: 'invalid_input', field: 'f' });
  });
  it('gives an error for odd codes, messages, fields and details', () => {
    const make = (...args: unknown[]) =>
      new (core.CspRuleError as unknown as new (...a: unknown[]) => unknown)(...args);
    for (const args of [
      ['invalid_input', 'm', {}],
      ['invalid_input', undefined, { field: 'f', cause: new Error('c') }],
      [Symbol('code'), 1n, { field: 1n, details: null }],
      ['x'.repeat(1000), { message: 1 }, Object.create(null)],
    ]) {
      const e = make(...args);
      expect(e).toBeInstanceOf(Error);
      expect(core.isCspRuleError(e)).toBe(true);
    }
  });
  it('ctor-without-options: new CspRuleError(code, message) without options does not throw', () => {
    const make = (...args: unknown[]) =>
      new (core.CspRuleError as unknown as new (...a: unknown[]) => unknown)(...args);
    expect(() => make('invalid_input', 'm')).not.toThrow();
  });
});
