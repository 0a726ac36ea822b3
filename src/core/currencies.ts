/**
 * ISO 4217 minor units, bundled: `Intl.NumberFormat` uses CLDR display digits
 * (HUF, IDR, COP show 0 where ISO says 2) and accepts unknown codes.
 * @module
 */
import { fail, fieldName, quoteIfSafe } from './errors.js';
import { frozen } from './frozen.js';

/**
 * Provenance of a bundled data table.
 * @category Policy
 */
export interface TableSource {
  /** Where the data comes from (a URL). */
  readonly source: string;
  /** The day the table was checked against its source (`YYYY-MM-DD`). */
  readonly listedAsOf: string;
  /** What the table holds and any deliberate difference from the source. */
  readonly note: string;
}

/**
 * Where the currency table comes from and the date it was checked against.
 * @category Money
 */
export const ISO_4217_SOURCE: TableSource = /* @__PURE__ */ frozen({
  source:
    'https://www.six-group.com/en/products-services/financial-information/data-standards.html',
  listedAsOf: '2026-01-01',
  note: 'ISO 4217 List One (active codes); a few codes withdrawn since 2022 are kept so old invoices still read.',
} as const);

// Every active alphabetic code with minor unit 2 (the common case), then the exceptions.
const TWO_DIGITS =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
  'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
  'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC ' +
  'SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ' +
  // withdrawn, still found on invoices issued before their withdrawal
  'ANG CUC HRK SLL ZWL';
const ZERO_DIGITS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DIGITS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DIGITS = 'CLF UYW';

let table: Map<string, number> | undefined;

function currencyTable(): Map<string, number> {
  // Built on first use, not at import, so importing the module costs nothing.
  if (table === undefined) {
    table = new Map();
    for (const [codes, exponent] of [
      [TWO_DIGITS, 2],
      [ZERO_DIGITS, 0],
      [THREE_DIGITS, 3],
      [FOUR_DIGITS, 4],
    ] as const) {
      for (const code of codes.split(' ')) table.set(code, exponent);
    }
  }
  return table;
}

/** @internal The exponent of an ISO 4217 code, or `undefined` for an unknown one (never throws). */
export function currencyExponentOf(currency: string): number | undefined {
  return currencyTable().get(currency);
}

// ASCII letters only: `'ß'.toUpperCase()` is 'SS', so a code is matched on ASCII case alone.
const THREE_LETTERS = /^[A-Za-z]{3}$/;

/** @internal The canonical code of a currency input (`' eur '` → `'EUR'`), or `undefined`. */
export function currencyCodeOf(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  // Fast path: a code already written as ISO 4217 writes it.
  if (currencyTable().has(input)) return input;
  const trimmed = input.trim();
  if (!THREE_LETTERS.test(trimmed)) return undefined;
  const code = trimmed.toUpperCase();
  return currencyTable().has(code) ? code : undefined;
}

function unknownCurrency(currency: unknown, field: string): never {
  const shown = typeof currency === 'string' ? quoteIfSafe(currency.trim(), /^[A-Za-z]{1,4}$/) : '';
  return fail('unknown_currency', field, `${field}: unknown ISO 4217 currency${shown}`);
}

/**
 * Reads a currency code: an ISO 4217 alphabetic code in any ASCII case,
 * surrounding spaces ignored, as every input of the library reads one.
 *
 * @param currency - The code as given (`'EUR'`, `'eur'`, `' Eur '`).
 * @param field - The input field named in an error.
 * @returns The code as ISO 4217 writes it, upper case (`'EUR'`).
 * @throws {@link CspRuleError} `unknown_currency` for a code not in ISO 4217 (`'XYZ'`, `'€'`).
 * @example
 * ```ts
 * import { parseCurrency } from 'csp-software-rules/core';
 *
 * parseCurrency('EUR'); // => 'EUR'
 * parseCurrency(' eur '); // => 'EUR'
 * parseCurrency('XYZ'); // => throws unknown_currency
 * ```
 * @category Money
 */
export function parseCurrency(currency: unknown, field = 'currency'): string {
  fieldName(field);
  return currencyCodeOf(currency) ?? unknownCurrency(currency, field);
}

/**
 * The ISO 4217 minor-unit exponent of a currency (digits after the decimal point).
 *
 * @param currency - An ISO 4217 alphabetic code, any case (`'EUR'`, `'eur'`).
 * @param field - The input field named in an error.
 * @returns 0, 2, 3 or 4.
 * @throws {@link CspRuleError} `unknown_currency` for a code not in ISO 4217 (`'XYZ'`).
 * @example
 * ```ts
 * import { currencyExponent } from 'csp-software-rules/core';
 *
 * currencyExponent('EUR'); // => 2
 * currencyExponent('jpy'); // => 0
 * currencyExponent('KWD'); // => 3
 * currencyExponent('HUF'); // => 2
 * currencyExponent('XYZ'); // => throws unknown_currency
 * ```
 * @category Money
 */
export function currencyExponent(currency: unknown, field = 'currency'): number {
  return currencyTable().get(parseCurrency(currency, field)) as number;
}

/**
 * Every currency code the library knows, sorted.
 *
 * @returns ISO 4217 alphabetic codes.
 * @example
 * ```ts
 * import { knownCurrencies } from 'csp-software-rules/core';
 *
 * knownCurrencies().includes('EUR'); // => true
 * ```
 * @category Money
 */
export function knownCurrencies(): string[] {
  return [...currencyTable().keys()].sort();
}
