/**
 * Reading a market code: ISO 3166-1 alpha-2 or Partner Center's own code,
 * any case, surrounding spaces ignored. Codes only: no names are imported here.
 * @module
 */
import { describeType, fail, fieldName } from '../core/internal.js';
import {
  ISO_REGION_CODES,
  type IsoRegionCode,
  type MarketCode,
  PARTNER_CENTER_ALIASES,
} from './data/codes.js';

/**
 * A market code read from input: the ISO code of the place, and the code
 * Partner Center writes for it.
 * @category Markets
 */
export interface ParsedMarket {
  /** The ISO 3166-1 alpha-2 code of the place (`XK` for Kosovo; `BQ` for Saba). */
  readonly market: IsoRegionCode;
  /**
   * The code as Partner Center writes it: `XS`, `XE` or `XJ` when one of
   * those was given, otherwise the ISO code (Partner Center uses ISO codes for
   * every other market, and `BQ` and `SJ` for Bonaire and Svalbard).
   */
  readonly partnerCenterCode: MarketCode;
}

let known: ReadonlySet<string> | undefined;

/** Every accepted code, built on first use (not at import). */
function knownCodes(): ReadonlySet<string> {
  known ??= new Set([...ISO_REGION_CODES.split(' '), ...Object.keys(PARTNER_CENTER_ALIASES)]);
  return known;
}

// ASCII letters only: `'ß'.toUpperCase()` is 'SS' and `'ıt'.toUpperCase()` is 'IT'.
// Stryker disable next-line Regex: dropping an anchor is equivalent, only two-letter codes are known
const TWO_LETTERS = /^[A-Za-z]{2}$/;
const SHORT_CODE = /^[A-Za-z0-9]{0,8}$/;

/**
 * @internal The normalised code of a market input (upper case, trimmed), in
 * whichever system it was given. The hot path of every market rule.
 */
export function marketCodeOf(input: unknown, field: string): MarketCode {
  if (typeof input !== 'string') {
    return fail(
      'unknown_market',
      field,
      `${field}: expected an ISO 3166-1 alpha-2 or Partner Center market code, got ${describeType(input)}`,
    );
  }
  // Fast path: a code already written as Partner Center and ISO write it.
  if (input.length === 2 && knownCodes().has(input)) return input as MarketCode;
  const trimmed = input.trim();
  if (TWO_LETTERS.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (knownCodes().has(code)) return code as MarketCode;
  }
  // Echo only what looks like a code, never a longer text (a secret pasted in the wrong field).
  const shown = SHORT_CODE.test(trimmed) ? trimmed : undefined;
  return fail(
    'unknown_market',
    field,
    `${field}: unknown market code${shown === undefined ? '' : ` ${JSON.stringify(shown)}`}`,
    shown === undefined ? {} : { market: shown },
  );
}

/** @internal The ISO code of a normalised market code (Partner Center's XS, XE, XJ mapped). */
export function isoCodeOf(code: MarketCode): IsoRegionCode {
  const alias = (PARTNER_CENTER_ALIASES as Readonly<Record<string, IsoRegionCode | undefined>>)[
    code
  ];
  return alias ?? (code as IsoRegionCode);
}

/**
 * Reads a market code: an ISO 3166-1 alpha-2 code (all 249, plus `XK` for
 * Kosovo) or one of Partner Center's own codes (`XS` Saba, `XE` Sint
 * Eustatius, `XJ` Jan Mayen), in any case, surrounding spaces ignored.
 *
 * @param input - The market code, e.g. a customer's country from Partner Center.
 * @param field - The input field named in an error.
 * @returns The place's ISO code and the code Partner Center writes for it.
 * @throws {@link core!CspRuleError} `unknown_market` naming the code, for a code
 * neither system assigns (`QQ`, `ZZ`, `EU`, `UK`, `''`) or a non-string.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { parseMarket } from 'csp-software-rules/markets';
 *
 * parseMarket(' it '); // => { market: 'IT', partnerCenterCode: 'IT' }
 * parseMarket('xs'); // => { market: 'BQ', partnerCenterCode: 'XS' }
 * parseMarket('UK'); // => throws unknown_market
 * ```
 * @category Markets
 */
export function parseMarket(input: unknown, field = 'market'): ParsedMarket {
  const partnerCenterCode = marketCodeOf(input, fieldName(field));
  return { market: isoCodeOf(partnerCenterCode), partnerCenterCode };
}

/**
 * Every market code the library accepts, normalised and sorted: the 250 ISO
 * codes (249 plus `XK`) and Partner Center's `XE`, `XJ`, `XS`.
 *
 * @returns A new array of 253 codes.
 * @example
 * ```ts
 * import { knownMarkets } from 'csp-software-rules/markets';
 *
 * knownMarkets().length; // => 253
 * knownMarkets().includes('XK'); // => true
 * knownMarkets().slice(0, 3); // => ['AD', 'AE', 'AF']
 * ```
 * @category Markets
 */
export function knownMarkets(): MarketCode[] {
  return [...knownCodes()].sort() as MarketCode[];
}
