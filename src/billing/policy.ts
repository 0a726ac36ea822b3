/**
 * Billing plan policy: which billing frequencies a software SKU may
 * use, by purchase date, term and product family; and the rule that a
 * billing-frequency change waits for the next term.
 * @module
 */
import type { BillingFrequency, DatedPolicy, Term } from '../core/index.js';
import { frozen, S1_URL } from '../core/internal.js';

/**
 * Product families whose billing plans differ from the rest of their term.
 * Values are stable ids: store them, compare them, pass them as
 * `productFamily`. Recognise a family from a Partner Center product title with
 * `productFamilyOf`.
 * - `rdsCal2022`: Windows Server 2022 Remote Desktop Services client access
 *   licences (user or device CALs), which Microsoft's page calls "Windows
 *   Remote Desktop Server CAL 2022": billable monthly from 2021-10-22.
 *
 * @example
 * ```ts
 * import { PRODUCT_FAMILIES } from 'csp-software-rules/billing';
 *
 * PRODUCT_FAMILIES.rdsCal2022; // => 'windows-rds-cal-2022'
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Billing
 */
export const PRODUCT_FAMILIES = /* @__PURE__ */ frozen({
  /** Windows Server 2022 Remote Desktop Services CALs ("Windows Remote Desktop Server CAL 2022"). */
  rdsCal2022: 'windows-rds-cal-2022',
} as const satisfies Readonly<Record<string, string>>);

/**
 * A documented product family id (a value of {@link PRODUCT_FAMILIES}).
 * @category Billing
 */
export type ProductFamily = (typeof PRODUCT_FAMILIES)[keyof typeof PRODUCT_FAMILIES];

/**
 * One version of the billing plan rule: the frequencies each term allows, and
 * the frequencies a product family adds to them. A frequency longer than the
 * term never applies, whatever the table says.
 * @category Billing
 */
export interface BillingPlanRule {
  /** Frequencies every software SKU of a term may use. */
  readonly byTerm: Readonly<Record<Term, readonly BillingFrequency[]>>;
  /** Frequencies a product family adds to its term's, by family id. */
  readonly familyAdds: Readonly<Record<string, readonly BillingFrequency[]>>;
}

/**
 * The billing plan rule as a dated policy, evaluated at the **purchase**
 * instant (UTC, to the millisecond: 2021-10-22T00:00:00.000Z is the first
 * instant of the second version).
 * - `0000-01-01` (every earlier purchase; our reading): upfront only, the
 *   frequency equal to the term (`monthly` for P1M, `annual` for P1Y,
 *   `triennial` for P3Y).
 * - `2021-10-22`: three-year SKUs annual or triennial; P1Y and P1M stay
 *   upfront; Windows Remote Desktop Server CAL 2022
 *   ({@link PRODUCT_FAMILIES}`.rdsCal2022`) adds monthly to whatever its term
 *   allows, P1Y and P3Y alike (our reading of "available with monthly billing").
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { BILLING_PLAN_POLICY } from 'csp-software-rules/billing';
 *
 * BILLING_PLAN_POLICY.versions.map((v) => v.effectiveFrom); // => ['0000-01-01', '2021-10-22']
 * BILLING_PLAN_POLICY.versions[1]?.value.byTerm.P3Y; // => ['annual', 'triennial']
 * ```
 * @category Billing
 */
export const BILLING_PLAN_POLICY: DatedPolicy<BillingPlanRule> = /* @__PURE__ */ frozen({
  id: 'billing.plan_eligibility',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: {
        byTerm: { P1M: ['monthly'], P1Y: ['annual'], P3Y: ['triennial'] },
        familyAdds: {},
      },
    },
    {
      effectiveFrom: '2021-10-22',
      source: S1_URL,
      value: {
        byTerm: { P1M: ['monthly'], P1Y: ['annual'], P3Y: ['annual', 'triennial'] },
        familyAdds: { 'windows-rds-cal-2022': ['monthly'] },
      },
    },
  ],
});

/**
 * What a billing-frequency change on a software subscription does: it is
 * scheduled for the next term (`next_term`), never applied mid-term.
 * @category Billing
 */
export interface FrequencyChangeRule {
  /** When a change takes effect: at the start of the next term. */
  readonly takesEffect: 'next_term';
}

/**
 * The rule that a billing-frequency change waits for the next term, as a
 * dated policy evaluated at `asOf`. Its single version starts 0000-01-01,
 * meaning "as far as Microsoft's documents go".
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { FREQUENCY_CHANGE_POLICY } from 'csp-software-rules/billing';
 *
 * FREQUENCY_CHANGE_POLICY.versions[0]?.value; // => { takesEffect: 'next_term' }
 * ```
 * @category Billing
 */
export const FREQUENCY_CHANGE_POLICY: DatedPolicy<FrequencyChangeRule> = /* @__PURE__ */ frozen({
  id: 'billing.frequency_change_next_term',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: { takesEffect: 'next_term' },
    },
  ],
});
