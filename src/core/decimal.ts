/**
 * Exact decimals and named rounding. Prices arrive as decimal text (`'10.08'`)
 * or numbers read through their shortest decimal text, never their binary value.
 * @module
 */
import { describeType, fail, fieldName, quoteIfSafe } from './errors.js';
import { frozen } from './frozen.js';

/**
 * A decimal amount: a string like `'10.08'` or `'-3'`, or a finite number
 * (read through its shortest decimal text: `0.1` is exactly one tenth).
 * Exponents (`'1e3'`), commas (`'10,08'`), `NaN` and `Infinity` are refused.
 * @category Money
 */
export type DecimalInput = string | number;

/**
 * How an exact amount becomes whole minor units.
 * - `truncate`: toward zero (Microsoft's published refund examples);
 * - `half_even`: to nearest, ties to the even unit (banker's rounding);
 * - `half_up`: to nearest, ties away from zero (commercial rounding).
 * @category Money
 */
export type RoundingMode = 'truncate' | 'half_even' | 'half_up';

/** Every {@link RoundingMode}. @category Money */
export const ROUNDING_MODES: readonly RoundingMode[] = /* @__PURE__ */ frozen([
  'truncate',
  'half_even',
  'half_up',
]);

/** @internal An exact decimal: `units / 10^scale`. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;
const NUMBER_EXP_RE = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;
const MAX_DIGITS = 60;

/**
 * A short unsigned plain decimal (a price such as `"94.20"`) read without a
 * regular expression or bigint text parsing: at most 15 digits fit a safe
 * integer exactly. Anything else (`undefined`) takes the general path.
 */
function shortDecimal(text: string): ScaledDecimal | undefined {
  const n = text.length;
  if (n === 0 || n > 16) return undefined;
  let units = 0;
  let digits = 0;
  let scale = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      // One point, with digits on both sides.
      if (scale >= 0 || digits === 0 || i === n - 1) return undefined;
      scale = 0;
    } else if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits += 1;
      if (scale >= 0) scale += 1;
    } else {
      return undefined;
    }
  }
  if (digits > 15) return undefined;
  return { units: BigInt(units), scale: Math.max(scale, 0) };
}

/** @internal Read a decimal input exactly. */
export function toScaledDecimal(input: unknown, field: string): ScaledDecimal {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      fail(
        'invalid_decimal',
        field,
        `${field}: expected a finite decimal, got ${describeType(input)}`,
      );
    }
    text = String(input);
    const e = NUMBER_EXP_RE.exec(text);
    if (e !== null) {
      // 1e-7 or 1e+21: shift the point of the shortest digits, still exact.
      const digits = (e[2] ?? '') + (e[3] ?? '');
      const point = (e[2] ?? '').length + Number(e[4]);
      const units = BigInt(`${e[1]}${digits}`);
      const scale = digits.length - point;
      // No longer than the decimal string may be: 1e308 is not a 309-digit price.
      if (
        (e[1] ?? '').length + (scale > 0 ? Math.max(point, 1) + 1 + scale : point) >
        MAX_DIGITS + 2
      ) {
        fail('invalid_decimal', field, `${field}: too many digits`);
      }
      return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
    }
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return fail(
      'invalid_decimal',
      field,
      `${field}: expected a decimal string or number, got ${describeType(input)}`,
    );
  }
  const short = shortDecimal(text);
  if (short !== undefined) return short;
  const m = text.length <= MAX_DIGITS + 2 ? DECIMAL_RE.exec(text) : null;
  if (m === null) {
    return fail(
      'invalid_decimal',
      field,
      `${field}:${quoteIfSafe(text, /^[0-9eE.,+\- ]{1,24}$/) || ' the value'} is not a plain decimal (digits, optional sign and "." point)`,
    );
  }
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[1] === '-' ? '-' : ''}${m[2]}${fraction}`);
  return { units, scale: fraction.length };
}

const POW10: bigint[] = [];

/** @internal 10^n as a bigint, memoised (n is a small scale or digit count). */
export function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POW10[n] = p;
  }
  return p;
}

/** @internal Canonical decimal text of `units / 10^scale` (no trailing zeros beyond `minScale`). */
export function formatScaled(units: bigint, scale: number, minScale = 0): string {
  const negative = units < 0n;
  // One bigint-to-text conversion, then trailing fraction zeros are dropped as
  // text (a bigint division per zero was the refunds' hot spot).
  let digits = (negative ? -units : units).toString();
  let s = scale;
  if (digits === '0') s = Math.min(s, minScale);
  else {
    let end = digits.length;
    while (s > minScale && digits.charCodeAt(end - 1) === 48) {
      end -= 1;
      s -= 1;
    }
    digits = digits.slice(0, end);
  }
  digits = digits.padStart(s + 1, '0');
  const whole = digits.slice(0, digits.length - s);
  const body = s === 0 ? whole : `${whole}.${digits.slice(digits.length - s)}`;
  return negative ? `-${body}` : body;
}

/**
 * Reads a decimal input and returns its canonical text.
 *
 * @param input - A decimal string or a finite number.
 * @param field - The input field named in an error.
 * @returns The same value as plain decimal text, without redundant zeros.
 * @throws {@link CspRuleError} `invalid_decimal` for `'1e3'`, `'10,08'`, `NaN`, `Infinity`, non-numbers.
 * @example
 * ```ts
 * import { parseDecimal } from 'csp-software-rules/core';
 *
 * parseDecimal('10.080'); // => '10.08'
 * parseDecimal(0.1); // => '0.1'
 * parseDecimal(1e-7); // => '0.0000001'
 * parseDecimal('10,08'); // => throws invalid_decimal
 * ```
 * @category Money
 */
export function parseDecimal(input: unknown, field = 'amount'): string {
  const d = toScaledDecimal(input, fieldName(field));
  return formatScaled(d.units, d.scale);
}

/** @internal Check a rounding mode name. */
export function parseRoundingMode(input: unknown, field = 'rounding'): RoundingMode {
  if (input === 'truncate' || input === 'half_even' || input === 'half_up') return input;
  return fail('invalid_rounding', field, `${field}: expected one of truncate, half-even, half-up`);
}

/**
 * @internal `numerator / denominator` rounded to an integer with `mode`.
 * `denominator` must be positive.
 */
export function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const q = numerator / denominator; // truncates toward zero
  const r = numerator - q * denominator;
  if (r === 0n || mode === 'truncate') return q;
  const sign = numerator < 0n ? -1n : 1n;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice > denominator) return q + sign;
  if (twice < denominator) return q;
  if (mode === 'half_up') return q + sign;
  return q % 2n === 0n ? q : q + sign; // half-even
}

/**
 * @internal Decimal text of `numerator / denominator` with up to `digits`
 * fractional digits, truncated, with `…` when the expansion goes on.
 */
export function quotientText(numerator: bigint, denominator: bigint, digits: number): string {
  const scaled = numerator * pow10(digits);
  const q = scaled / denominator;
  const exact = q * denominator === scaled;
  return formatScaled(q, digits) + (exact ? '' : '…');
}
