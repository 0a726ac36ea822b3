/**
 * Markets (S1): where Azure reservations are not sold, where
 * commercial prices include tax, and market names in English and Italian.
 * Codes are ISO 3166-1 alpha-2 (plus `XK`) or Partner Center's own `XS`,
 * `XE`, `XJ`, read in any case with surrounding spaces ignored; an unknown
 * code throws `CspRuleError` `unknown_market`.
 *
 * `isAzureReservationAvailable` and `pricesIncludeTax` need only the code
 * tables: a bundle that imports just those ships no names.
 *
 * @module markets
 */
export type { IsoRegionCode, MarketCode, PartnerCenterOnlyCode } from './data/codes.js';
export {
  AZURE_RESERVATIONS_UNAVAILABLE,
  type MarketListing,
  type UnavailableMarket,
} from './data/unavailableMarkets.js';
export { MARKETS_LISTED_AS_OF } from './listing.js';
export { type MarketNameLocale, marketName } from './marketName.js';
export { knownMarkets, type ParsedMarket, parseMarket } from './parseMarket.js';
export {
  azureReservationAvailability,
  isAzureReservationAvailable,
  type ReservationAvailability,
  type ReservationsNotSoldReason,
} from './reservations.js';
export {
  type PricesExcludeTaxReason,
  pricesIncludeTax,
  type TaxInclusivePricing,
  taxInclusivePricing,
} from './tax.js';
