/**
 * Money: plain JSON `{ currency, minor }` in whole ISO 4217 minor units.
 * @module
 */
import { currencyExponentOf, parseCurrency } from './currencies.js';
import {
  type DecimalInput,
  formatScaled,
  parseRoundingMode,
  type RoundingMode,
  roundQuotient,
  toScaledDecimal,
} from './decimal.js';
import { describeType, fail } from './errors.js';
import { denseList } from './guards.js';

/**
 * An amount of money in whole minor units of an ISO 4217 currency:
 * `{ currency: 'EUR', minor: 9420 }` is EUR 94.20. Plain JSON, never negative
 * (charges, refunds and credits are all amounts owed one way).
 * @category Money
 */
export interface Money {
  /** ISO 4217 alphabetic code. */
  readonly currency: string;
  /** Whole minor units (cents for EUR, yen for JPY, fils for KWD); a safe, non-negative integer. */
  readonly minor: number;
}

function checkMinor(minor: unknown, field: string): number {
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor) || minor < 0) {
    const got = typeof minor === 'number' ? String(minor) : describeType(minor);
    fail(
      'invalid_money',
      field,
      `${field}: minor units must be a non-negative safe integer, got ${got}`,
    );
  }
  return minor;
}

/**
 * Builds a {@link Money} value, checking the currency and the minor units.
 *
 * @param currency - ISO 4217 code.
 * @param minor - Whole minor units, non-negative.
 * @returns The money value.
 * @throws {@link CspRuleError} `unknown_currency`, or `invalid_money` for negative, fractional or unsafe minor units.
 * @example
 * ```ts
 * import { money } from 'csp-software-rules/core';
 *
 * money('EUR', 9420); // => { currency: 'EUR', minor: 9420 }
 * money('EUR', 1.5); // => throws invalid_money
 * ```
 * @category Money
 */
export function money(currency: string, minor: number): Money {
  return { currency: parseCurrency(currency), minor: checkMinor(minor, 'minor') };
}

/** @internal Guard a Money received from a caller. */
export function toMoney(input: unknown, field: string): Money {
  if (typeof input !== 'object' || input === null) {
    fail(
      'invalid_money',
      field,
      `${field}: expected { currency, minor }, got ${describeType(input)}`,
    );
  }
  const { currency, minor } = input as { currency?: unknown; minor?: unknown };
  return {
    currency: parseCurrency(currency, `${field}.currency`),
    minor: checkMinor(minor, `${field}.minor`),
  };
}

/**
 * Converts a decimal amount to money. Without `rounding`, an amount with more
 * decimals than the currency has is an error rather than a silent rounding.
 *
 * @param currency - ISO 4217 code (first, as in {@link money}).
 * @param amount - The amount, e.g. `'94.2'` or `94.2`.
 * @param rounding - Optional rounding mode for amounts finer than the minor unit.
 * @returns The money value.
 * @throws {@link CspRuleError} `invalid_decimal`, `unknown_currency`, `invalid_money` (negative, or too many decimals without a rounding mode).
 * @example
 * ```ts
 * import { moneyFromDecimal } from 'csp-software-rules/core';
 *
 * moneyFromDecimal('EUR', '94.2'); // => { currency: 'EUR', minor: 9420 }
 * moneyFromDecimal('JPY', '1500'); // => { currency: 'JPY', minor: 1500 }
 * moneyFromDecimal('EUR', '10.085', 'half_even'); // => { currency: 'EUR', minor: 1008 }
 * moneyFromDecimal('EUR', '10.085'); // => throws invalid_money
 * ```
 * @category Money
 */
export function moneyFromDecimal(
  currency: string,
  amount: DecimalInput,
  rounding?: RoundingMode,
): Money {
  const code = parseCurrency(currency);
  const exponent = currencyExponentOf(code) as number;
  const mode = rounding === undefined ? undefined : parseRoundingMode(rounding);
  const d = toScaledDecimal(amount, 'amount');
  if (d.units < 0n) fail('invalid_money', 'amount', 'amount: must not be negative');
  let minor: bigint;
  if (d.scale <= exponent) {
    minor = d.units * 10n ** BigInt(exponent - d.scale);
  } else {
    const divisor = 10n ** BigInt(d.scale - exponent);
    if (mode === undefined && d.units % divisor !== 0n) {
      fail(
        'invalid_money',
        'amount',
        `amount: ${code} has ${exponent} decimals; pass a rounding mode to round ${formatScaled(d.units, d.scale)}`,
      );
    }
    minor = roundQuotient(d.units, divisor, mode ?? 'truncate');
  }
  return { currency: code, minor: checkMinor(Number(minor), 'amount') };
}

/**
 * Formats money as plain decimal text with exactly the currency's decimals
 * (no symbol, no grouping: for files and reconciliation, not for display).
 *
 * @param m - The money value.
 * @returns E.g. `'94.20'`, `'1500'` (JPY), `'1.250'` (KWD).
 * @example
 * ```ts
 * import { formatMoney } from 'csp-software-rules/core';
 *
 * formatMoney({ currency: 'EUR', minor: 9420 }); // => '94.20'
 * formatMoney({ currency: 'JPY', minor: 1500 }); // => '1500'
 * formatMoney({ currency: 'KWD', minor: 1250 }); // => '1.250'
 * ```
 * @category Money
 */
export function formatMoney(m: Money): string {
  const checked = toMoney(m, 'money');
  const exponent = currencyExponentOf(checked.currency) as number;
  return formatScaled(BigInt(checked.minor), exponent, exponent);
}

/** @internal Throw `currency_mismatch` unless both have the same currency. */
export function assertSameCurrency(a: Money, b: Money, field = 'money'): void {
  if (a.currency !== b.currency) {
    fail('currency_mismatch', field, `${field}: cannot combine ${a.currency} with ${b.currency}`);
  }
}

/**
 * Adds amounts of one currency.
 *
 * @param amounts - At least one amount, all in the same currency.
 * @returns The sum.
 * @throws {@link CspRuleError} `currency_mismatch` when currencies differ; `invalid_money` for an empty list or an unsafe total.
 * @example
 * ```ts
 * import { addMoney } from 'csp-software-rules/core';
 *
 * addMoney({ currency: 'EUR', minor: 1008 }, { currency: 'EUR', minor: 92 }); // => { currency: 'EUR', minor: 1100 }
 * addMoney({ currency: 'EUR', minor: 1 }, { currency: 'USD', minor: 1 }); // => throws currency_mismatch
 * ```
 * @category Money
 */
export function addMoney(...amounts: readonly Money[]): Money {
  const first = amounts[0];
  if (first === undefined) fail('invalid_money', 'amounts', 'amounts: nothing to add');
  const head = toMoney(first, 'amounts[0]');
  let total = head.minor;
  for (let i = 1; i < amounts.length; i++) {
    const m = toMoney(amounts[i], `amounts[${i}]`);
    assertSameCurrency(head, m, `amounts[${i}]`);
    total += m.minor;
  }
  return { currency: head.currency, minor: checkMinor(total, 'total') };
}

/**
 * Subtracts `b` from `a` (same currency; the result may not be negative).
 *
 * @param a - The amount to subtract from.
 * @param b - The amount to subtract.
 * @returns `a - b`.
 * @throws {@link CspRuleError} `currency_mismatch`, or `invalid_money` when `b > a`.
 * @example
 * ```ts
 * import { subtractMoney } from 'csp-software-rules/core';
 *
 * subtractMoney({ currency: 'EUR', minor: 1008 }, { currency: 'EUR', minor: 8 }); // => { currency: 'EUR', minor: 1000 }
 * ```
 * @category Money
 */
export function subtractMoney(a: Money, b: Money): Money {
  const x = toMoney(a, 'a');
  const y = toMoney(b, 'b');
  assertSameCurrency(x, y, 'b');
  return { currency: x.currency, minor: checkMinor(x.minor - y.minor, 'result') };
}

/**
 * Multiplies money by a whole quantity (licences, seats).
 *
 * @param m - The amount per unit.
 * @param quantity - A non-negative whole number.
 * @returns `m × quantity`.
 * @throws {@link CspRuleError} `invalid_quantity` for a negative or fractional quantity.
 * @example
 * ```ts
 * import { multiplyMoney } from 'csp-software-rules/core';
 *
 * multiplyMoney({ currency: 'EUR', minor: 1008 }, 3); // => { currency: 'EUR', minor: 3024 }
 * ```
 * @category Money
 */
export function multiplyMoney(m: Money, quantity: number): Money {
  const x = toMoney(m, 'money');
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    fail('invalid_quantity', 'quantity', 'quantity: expected a non-negative whole number');
  }
  return { currency: x.currency, minor: checkMinor(x.minor * quantity, 'result') };
}

/** More weights than this is a caller's mistake (a split is into invoice lines, licences...). */
const MAX_WEIGHTS = 1_000_000;

/**
 * Splits a total into parts proportional to `weights`, by largest remainder:
 * every part gets its rounded-down share, then the minor units left over go
 * one each to the parts with the largest remainders (ties: the earlier part).
 * The parts always add up to the total; parts of equal weight differ by at
 * most one minor unit.
 *
 * @param total - The amount to split.
 * @param weights - Non-negative decimals, at least one above zero.
 * @returns One amount per weight, in order.
 * @throws {@link CspRuleError} `invalid_allocation` for no weights, a hole or more than 1,000,000 of them, a negative weight or all zeros.
 * @example
 * ```ts
 * import { allocate } from 'csp-software-rules/core';
 *
 * allocate({ currency: 'EUR', minor: 1000 }, [1, 1, 1]).map((m) => m.minor); // => [334, 333, 333]
 * allocate({ currency: 'JPY', minor: 100 }, ['0.5', '0.25', '0.25']).map((m) => m.minor); // => [50, 25, 25]
 * ```
 * @category Money
 */
export function allocate(total: Money, weights: readonly DecimalInput[]): Money[] {
  const t = toMoney(total, 'total');
  const list = denseList(weights, 'weights', MAX_WEIGHTS, 'invalid_allocation');
  if (list.length === 0) {
    fail('invalid_allocation', 'weights', 'weights: expected at least one weight');
  }
  const parsed = list.map((w, i) => toScaledDecimal(w, `weights[${i}]`));
  let scale = 0;
  for (const d of parsed) if (d.scale > scale) scale = d.scale;
  const ints = parsed.map((d) => d.units * 10n ** BigInt(scale - d.scale));
  let sum = 0n;
  for (let i = 0; i < ints.length; i++) {
    const w = ints[i] as bigint;
    if (w < 0n) fail('invalid_allocation', `weights[${i}]`, `weights[${i}]: must not be negative`);
    sum += w;
  }
  if (sum === 0n) fail('invalid_allocation', 'weights', 'weights: at least one must be above zero');
  const amount = BigInt(t.minor);
  const shares = ints.map((w) => (amount * w) / sum);
  const remainders = ints.map((w, i) => ({ i, r: amount * w - (shares[i] as bigint) * sum }));
  let left = amount - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] as bigint) + 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ currency: t.currency, minor: Number(s) }));
}
