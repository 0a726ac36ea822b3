// decide: the one way a decision's `allowed` is derived from its reasons, and
// the checks that keep a caller's facts from overturning it.
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';

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
      'invalid_input [reasons] reasons: expected an array',
    );
    expect(messageOf(() => decide([], 'r' as never, {}))).toBe(
      'invalid_input [rules] rules: expected an array',
    );
  });
  it('refuses facts that are not an object', () => {
    for (const facts of [null, undefined, 'x', 1]) {
      expect(messageOf(() => decide([], [], facts as never))).toBe(
        'invalid_input [facts] facts: expected an object',
      );
    }
    expect(decide([], [], [] as object).allowed).toBe(true);
  });
  it.each(['allowed', 'reasons', 'rules'])('refuses facts that set %s', (key) => {
    expect(messageOf(() => decide([{ code: 'x' }], [], { [key]: true }))).toBe(
      'invalid_input [facts] facts: cannot set allowed, reasons or rules',
    );
  });
  it('lets inherited keys of the facts through (only own keys could overturn the decision)', () => {
    const facts = Object.create({ allowed: true }) as object;
    expect(decide([{ code: 'x' }], [], facts).allowed).toBe(false);
  });
});
