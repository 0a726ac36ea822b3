/**
 * Where Azure reservations are sold (S1). Needs codes only, never names.
 * @module
 */
import type { Decision } from '../core/index.js';
import { decision } from '../core/internal.js';
import {
  type IsoRegionCode,
  type MarketCode,
  RESERVATIONS_UNAVAILABLE_CODES,
} from './data/codes.js';
import { reservationsRule } from './listing.js';
import { isoCodeOf, marketCodeOf, type ParsedMarket, parseMarket } from './parseMarket.js';

let unavailable: ReadonlySet<string> | undefined;

/** ISO codes where reservations are not sold, as a set built on first use. */
function unavailableCodes(): ReadonlySet<string> {
  unavailable ??= new Set(RESERVATIONS_UNAVAILABLE_CODES.split(' '));
  return unavailable;
}

/**
 * Whether Azure reservations can be sold to a customer in a market. They are
 * not sold in the 109 places Microsoft lists (106 ISO codes, see
 * {@link AZURE_RESERVATIONS_UNAVAILABLE}); every other known market is `true`.
 *
 * @param market - An ISO 3166-1 alpha-2 code (plus `XK`) or Partner Center's
 * `XS`, `XE`, `XJ`; any case, surrounding spaces ignored.
 * @returns `false` in a listed market, `true` elsewhere.
 * @throws {@link core!CspRuleError} `unknown_market` naming the code, for a code
 * neither system assigns (`QQ`, `EU`, `UK`, `''`) or a non-string.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { isAzureReservationAvailable } from 'csp-software-rules/markets';
 *
 * isAzureReservationAvailable('IT'); // => true
 * isAzureReservationAvailable(' cn '); // => false
 * isAzureReservationAvailable('VG'); // => false
 * isAzureReservationAvailable('VI'); // => true
 * isAzureReservationAvailable('XS'); // => false
 * isAzureReservationAvailable('UK'); // => throws unknown_market
 * ```
 * @category Markets
 */
export function isAzureReservationAvailable(market: string): boolean {
  return !unavailableCodes().has(isoCodeOf(marketCodeOf(market, 'market')));
}

/**
 * Why Azure reservations cannot be sold in a market.
 * @category Markets
 */
export interface ReservationsNotSoldReason {
  /** Azure reservations are not sold in this market. */
  readonly code: 'reservations_not_sold_in_market';
  /** The ISO 3166-1 alpha-2 code of the market. */
  readonly market: IsoRegionCode;
  /** The market as Partner Center writes it (`XS` for Saba, whose ISO code is Bonaire's `BQ`). */
  readonly partnerCenterCode: MarketCode;
}

/**
 * The decision of {@link azureReservationAvailability}: `allowed` is whether
 * reservations can be sold; the facts name the market in both code systems.
 * @category Markets
 */
export type ReservationAvailability = Decision<ReservationsNotSoldReason, ParsedMarket>;

/**
 * {@link isAzureReservationAvailable} as a decision, for callers that log why:
 * the reason, the rule applied (id `markets.azure_reservations_unavailable`,
 * its source and the day the list was checked) and the normalised market.
 *
 * @param market - An ISO 3166-1 alpha-2 code (plus `XK`) or Partner Center's
 * `XS`, `XE`, `XJ`; any case, surrounding spaces ignored.
 * @returns `{ allowed, reasons, rules, market, partnerCenterCode }`.
 * @throws {@link core!CspRuleError} `unknown_market` naming the code, for an
 * unknown code or a non-string.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { azureReservationAvailability } from 'csp-software-rules/markets';
 *
 * const saba = azureReservationAvailability(' xs ');
 * saba.allowed; // => false
 * saba.reasons; // => [{ code: 'reservations_not_sold_in_market', market: 'BQ', partnerCenterCode: 'XS' }]
 * saba.rules[0]?.source; // => 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions'
 * [saba.market, saba.partnerCenterCode]; // => ['BQ', 'XS']
 * azureReservationAvailability('de').reasons; // => []
 * ```
 * @category Markets
 */
export function azureReservationAvailability(market: string): ReservationAvailability {
  const parsed = parseMarket(market);
  const reasons: ReservationsNotSoldReason[] = unavailableCodes().has(parsed.market)
    ? [
        {
          code: 'reservations_not_sold_in_market',
          market: parsed.market,
          partnerCenterCode: parsed.partnerCenterCode,
        },
      ]
    : [];
  return decision(reasons, [reservationsRule()], parsed);
}
