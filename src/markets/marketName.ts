/**
 * Names of markets for people, in English and Italian.
 * @module
 */
import { fail } from '../core/internal.js';
import type { IsoRegionCode } from './data/codes.js';
import {
  AZURE_RESERVATIONS_UNAVAILABLE,
  type UnavailableMarket,
} from './data/unavailableMarkets.js';
import { parseMarket } from './parseMarket.js';

/**
 * The languages {@link marketName} writes.
 * @category Markets
 */
export type MarketNameLocale = 'en' | 'it';

let listedByCode: ReadonlyMap<string, UnavailableMarket> | undefined;

/** The listed markets by Partner Center code (`partnerCenterCode ?? iso`, unique), built on first use. */
function listedMarkets(): ReadonlyMap<string, UnavailableMarket> {
  listedByCode ??= new Map(
    AZURE_RESERVATIONS_UNAVAILABLE.markets.map((m) => [m.partnerCenterCode ?? m.iso, m]),
  );
  return listedByCode;
}

// One Intl.DisplayNames per locale, created on first use; null where the
// runtime has none or refuses it (then the code itself is the name).
const displayNames: Partial<Record<MarketNameLocale, Intl.DisplayNames | null>> = {};

function regionName(iso: IsoRegionCode, locale: MarketNameLocale): string | undefined {
  let names = displayNames[locale];
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      names = null; // no Intl, no Intl.DisplayNames, or no data for the locale
    }
    displayNames[locale] = names;
  }
  return names?.of(iso);
}

/**
 * The name of a market for people. The 109 places where Azure reservations
 * are not sold are named as Microsoft's page names them (the Italian exactly
 * as the Italian page writes it); other markets take the name the runtime's
 * `Intl.DisplayNames` gives (CLDR), or the code itself where the runtime has
 * none. A code is read as Partner Center reads it: `BQ` is Bonaire (Saba and
 * Sint Eustatius are `XS`, `XE`) and `SJ` is Svalbard (Jan Mayen is `XJ`).
 *
 * @param market - An ISO 3166-1 alpha-2 code (plus `XK`) or Partner Center's
 * `XS`, `XE`, `XJ`; any case, surrounding spaces ignored.
 * @param locale - `'en'` (default) or `'it'`.
 * @returns The market's name.
 * @throws {@link core!CspRuleError} `unknown_market` naming the code, for an
 * unknown code or a non-string; `invalid_option` for another locale.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { marketName } from 'csp-software-rules/markets';
 *
 * marketName('CD'); // => 'Congo (DRC)'
 * marketName('cd', 'it'); // => 'Congo (RDC)'
 * marketName('XS', 'it'); // => 'Saba'
 * marketName('SH', 'it'); // => 'Sant’Elena, Ascensione, Tristan da Cunha'
 * marketName('IT', 'it'); // => 'Italia'
 * marketName('DE'); // => 'Germany'
 * marketName('DE', 'fr' as 'en'); // => throws invalid_option
 * ```
 * @category Markets
 */
export function marketName(market: string, locale: MarketNameLocale = 'en'): string {
  const { market: iso, partnerCenterCode } = parseMarket(market);
  if (locale !== 'en' && locale !== 'it') {
    fail('invalid_option', 'locale', 'locale: expected one of en, it');
  }
  const listed = listedMarkets().get(partnerCenterCode);
  if (listed !== undefined) return listed[locale];
  return regionName(iso, locale) ?? iso;
}
