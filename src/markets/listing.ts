/**
 * Where the market lists come from, and since when we know them.
 * @module
 */
import type { CalendarDay, RuleRef } from '../core/index.js';
import { S1_URL } from '../core/internal.js';

/**
 * The day the market lists were last checked against Microsoft's page (S1),
 * as the project's copy of it shows them. Also the `effectiveFrom` of the
 * market rules: the first day we know this version to be in force (Microsoft
 * does not date the list).
 * @category Markets
 */
export const MARKETS_LISTED_AS_OF: CalendarDay = '2026-11-25';

/**
 * @internal S1's address, core's constant rather than a `SOURCES.S1.url`
 * read: that would keep the sources table in bundles that never use it.
 */
export const MARKETS_SOURCE = S1_URL;

/** Rule id of the reservations list. */
const RESERVATIONS_RULE_ID = 'markets.azure_reservations_unavailable';
/** Rule id of the tax-inclusive markets list. */
const TAX_RULE_ID = 'markets.tax_inclusive_prices';

/** @internal The rule applied by the reservation-availability decision. */
export function reservationsRule(): RuleRef {
  return { id: RESERVATIONS_RULE_ID, source: MARKETS_SOURCE, effectiveFrom: MARKETS_LISTED_AS_OF };
}

/** @internal The rule applied by the tax-inclusive-pricing decision. */
export function taxRule(): RuleRef {
  return { id: TAX_RULE_ID, source: MARKETS_SOURCE, effectiveFrom: MARKETS_LISTED_AS_OF };
}
