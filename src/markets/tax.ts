/**
 * Where commercial prices include tax (S1). Needs codes only, never names.
 * @module
 */
import type { Decision } from '../core/index.js';
import { decision } from '../core/internal.js';
import { type IsoRegionCode, TAX_INCLUSIVE_CODES } from './data/codes.js';
import { taxRule } from './listing.js';
import { isoCodeOf, marketCodeOf, type ParsedMarket, parseMarket } from './parseMarket.js';

/**
 * Whether commercial prices shown to a partner billed in a market include
 * tax. They exclude it everywhere except Australia (`AU`) and Brazil (`BR`).
 * Our reading: the market is the partner's billing location.
 *
 * @param market - An ISO 3166-1 alpha-2 code (plus `XK`) or Partner Center's
 * `XS`, `XE`, `XJ`; any case, surrounding spaces ignored.
 * @returns `true` for `AU` and `BR`, `false` for every other known market.
 * @throws {@link core!CspRuleError} `unknown_market` naming the code, for an
 * unknown code or a non-string.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { pricesIncludeTax } from 'csp-software-rules/markets';
 *
 * pricesIncludeTax('au'); // => true
 * pricesIncludeTax('BR'); // => true
 * pricesIncludeTax('IT'); // => false
 * pricesIncludeTax('EU'); // => throws unknown_market
 * ```
 * @category Markets
 */
export function pricesIncludeTax(market: string): boolean {
  return TAX_INCLUSIVE_CODES.includes(isoCodeOf(marketCodeOf(market, 'market')));
}

/**
 * Why prices in a market are shown without tax.
 * @category Markets
 */
export interface PricesExcludeTaxReason {
  /** Commercial prices in this market exclude tax. */
  readonly code: 'prices_exclude_tax';
  /** The ISO 3166-1 alpha-2 code of the market. */
  readonly market: IsoRegionCode;
}

/**
 * The decision of {@link taxInclusivePricing}: `allowed` (and the fact
 * `pricesIncludeTax`) is whether prices include tax.
 * @category Markets
 */
export type TaxInclusivePricing = Decision<
  PricesExcludeTaxReason,
  ParsedMarket & {
    /** Whether commercial prices in the market include tax (same as `allowed`). */
    readonly pricesIncludeTax: boolean;
  }
>;

/**
 * {@link pricesIncludeTax} as a decision, for callers that log why:
 * `allowed` is `true` when prices include tax; otherwise the reason
 * `prices_exclude_tax`. The rule applied is `markets.tax_inclusive_prices`.
 *
 * @param market - An ISO 3166-1 alpha-2 code (plus `XK`) or Partner Center's
 * `XS`, `XE`, `XJ`; any case, surrounding spaces ignored.
 * @returns `{ allowed, reasons, rules, market, partnerCenterCode, pricesIncludeTax }`.
 * @throws {@link core!CspRuleError} `unknown_market` naming the code, for an
 * unknown code or a non-string.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { taxInclusivePricing } from 'csp-software-rules/markets';
 *
 * taxInclusivePricing('BR').pricesIncludeTax; // => true
 * taxInclusivePricing('BR').reasons; // => []
 * taxInclusivePricing('it').reasons; // => [{ code: 'prices_exclude_tax', market: 'IT' }]
 * taxInclusivePricing('it').rules[0]?.id; // => 'markets.tax_inclusive_prices'
 * ```
 * @category Markets
 */
export function taxInclusivePricing(market: string): TaxInclusivePricing {
  const parsed = parseMarket(market);
  const included = TAX_INCLUSIVE_CODES.includes(parsed.market);
  const reasons: PricesExcludeTaxReason[] = included
    ? []
    : [{ code: 'prices_exclude_tax', market: parsed.market }];
  return decision(reasons, [taxRule()], { ...parsed, pricesIncludeTax: included });
}
