// The hot paths of core (caches, the short decimal reader) are invisible to
// callers: these tests go past their bounds and compare with the plain definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePolicy, parseDecimal, policyInForce } from '../../src/core/index.js';
import { formatScaled, HotWeakMap } from '../../src/core/internal.js';

describe('HotWeakMap', () => {
  it('finds every key, the sixteen it holds first and those after', () => {
    const map = new HotWeakMap<object, number>();
    const keys = Array.from({ length: 20 }, () => ({}));
    for (const [i, k] of keys.entries()) map.set(k, i);
    for (const [i, k] of keys.entries()) expect(map.get(k)).toBe(i);
    expect(map.get({})).toBeUndefined();
  });
  it('policies past the sixteenth are read correctly', () => {
    const policies = Array.from({ length: 20 }, (_, i) =>
      definePolicy({
        id: `p${i}`,
        versions: [{ effectiveFrom: '2021-01-01', source: 'https://example.com', value: i }],
      }),
    );
    for (const [i, p] of policies.entries()) expect(policyInForce(p, '2022-01-01')?.value).toBe(i);
  });
});

describe('formatScaled', () => {
  // The plain definition: divide by ten while the last fraction digit is zero.
  function oracle(units: bigint, scale: number, minScale: number): string {
    let u = units;
    let s = scale;
    while (s > minScale && u % 10n === 0n) {
      u /= 10n;
      s -= 1;
    }
    const negative = u < 0n;
    const digits = (negative ? -u : u).toString().padStart(s + 1, '0');
    const whole = digits.slice(0, digits.length - s);
    const body = s === 0 ? whole : `${whole}.${digits.slice(digits.length - s)}`;
    return negative ? `-${body}` : body;
  }
  it('writes units / 10^scale with trailing zeros dropped down to minScale (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
          fc.constantFrom(0n, 10n, -100n),
        ),
        fc.nat(12),
        fc.nat(4),
        (units, scale, minScale) => {
          expect(formatScaled(units, scale, minScale)).toBe(oracle(units, scale, minScale));
        },
      ),
    );
  });
  it('examples', () => {
    expect(formatScaled(0n, 3, 2)).toBe('0.00');
    expect(formatScaled(50n, 3)).toBe('0.05');
    expect(formatScaled(-1200n, 2)).toBe('-12');
    expect(formatScaled(1200n, 2, 2)).toBe('12.00');
    expect(parseDecimal('10.080')).toBe('10.08');
  });
});

describe('decimal text read on the short path', () => {
  // The general definition: optional sign, digits, optional "." and digits.
  function oracle(text: string): string | 'error' {
    const m = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(text);
    if (m === null || text.length > 62) return 'error';
    const fraction = m[3] ?? '';
    return formatScaled(BigInt(`${m[1] === '-' ? '-' : ''}${m[2]}${fraction}`), fraction.length);
  }
  function read(text: string): string {
    try {
      return parseDecimal(text);
    } catch {
      return 'error';
    }
  }
  it('reads exactly what the general definition reads (property)', () => {
    const digit = fc.constantFrom(...'0123456789');
    const chars = fc.constantFrom(...'0123456789.+-e ,');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: chars, maxLength: 20 }),
          fc
            .tuple(
              fc.string({ unit: digit, minLength: 1, maxLength: 17 }),
              fc.string({ unit: digit, maxLength: 17 }),
            )
            .map(([a, b]) => (b === '' ? a : `${a}.${b}`)),
        ),
        (text) => {
          expect(read(text)).toBe(oracle(text));
        },
      ),
    );
  });
  it('examples at the 15- and 16-digit edge', () => {
    expect(parseDecimal('999999999999999')).toBe('999999999999999');
    expect(parseDecimal('9999999999999999')).toBe('9999999999999999');
    expect(parseDecimal('12345678901234.5')).toBe('12345678901234.5');
    expect(parseDecimal('0000000000094.20')).toBe('94.2');
    for (const bad of ['.5', '5.', '1..2', '', '1.2.3', '٣']) expect(read(bad)).toBe('error');
  });
});
