// Issue 27: a number decimal is read through its shortest text, so 1e308 was
// a 309-digit price (and an Infinity of minor units downstream), where the
// same value written as a string is refused for its length. A number is now
// accepted exactly when its plain expansion, written as a string, would be.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/core/index.js';
import { toScaledDecimal } from '../../src/core/internal.js';
import { expectRuleError } from '../support/errors.js';

/** The plain decimal text of a number's shortest digits (no exponent). */
function plain(x: number): string {
  const t = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(t);
  if (m === null) return t;
  const [, sign = '', int = '', fraction = '', exp = '0'] = m;
  const digits = int + fraction;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function read(input: unknown): string {
  try {
    const d = toScaledDecimal(input, 'amount');
    return `${d.units}e-${d.scale}`;
  } catch {
    return 'refused';
  }
}

describe('number decimals are as long as decimal strings may be (issue 27)', () => {
  it('a number reads as its plain text does, value and refusal alike', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(read(x)).toBe(read(plain(x)));
      }),
      { numRuns: 5000 },
    );
  });
  it('1e308 and 5e-324 are refused; 1e21 and 1e-7 are read exactly', () => {
    expectRuleError(() => parseDecimal(1e308), 'invalid_decimal', 'amount');
    expectRuleError(() => parseDecimal(5e-324), 'invalid_decimal', 'amount');
    expect(parseDecimal(1e21)).toBe('1000000000000000000000');
    expect(parseDecimal(1e-7)).toBe('0.0000001');
    expect(parseDecimal(-1e60)).toBe(`-1${'0'.repeat(60)}`);
    expectRuleError(() => parseDecimal(-1e61), 'invalid_decimal');
    expectRuleError(() => parseDecimal(1e62), 'invalid_decimal');
  });
});
