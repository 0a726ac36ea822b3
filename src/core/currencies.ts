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

/**
 * The ISO 4217 minor-unit exponent of a currency (digits after the decimal point).
 *
 * @param currency - An ISO 4217 alphabetic code, upper case (`'EUR'`).
 * @param field - The input field named in an error.
 * @returns 0, 2, 3 or 4.
 * @throws {@link CspRuleError} `unknown_currency` for a code not in ISO 4217 (`'XYZ'`, `'eur'`).
 * @example
 * ```ts
 * import { currencyExponent } from 'csp-software-rules/core';
 *
 * currencyExponent('EUR'); // => 2
 * currencyExponent('JPY'); // => 0
 * currencyExponent('KWD'); // => 3
 * currencyExponent('HUF'); // => 2
 * currencyExponent('XYZ'); // => throws unknown_currency
 * ```
 * @category Money
 */
export function currencyExponent(currency: unknown, field = 'currency'): number {
  fieldName(field);
  const exponent = typeof currency === 'string' ? currencyTable().get(currency) : undefined;
  if (exponent === undefined) {
    const shown = typeof currency === 'string' ? quoteIfSafe(currency, /^[A-Za-z]{1,4}$/) : '';
    fail('unknown_currency', field, `${field}: unknown ISO 4217 currency${shown}`);
  }
  return exponent;
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
