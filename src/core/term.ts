/**
 * Term durations (ISO-8601, as Partner Center writes them) and billing frequencies.
 * @module
 */
import { fail, fieldName } from './errors.js';
import { frozen } from './frozen.js';

/**
 * A subscription term as Partner Center writes it: one month, one year, three years.
 * @category Time
 */
export type Term = 'P1M' | 'P1Y' | 'P3Y';

/** Every {@link Term}, shortest first. @category Time */
export const TERMS: readonly Term[] = /* @__PURE__ */ frozen(['P1M', 'P1Y', 'P3Y']);

/**
 * How often a subscription is charged within its term (the "billing plan").
 * Upfront billing is the frequency equal to the term.
 * @category Time
 */
export type BillingFrequency = 'monthly' | 'annual' | 'triennial';

/** Every {@link BillingFrequency}, most frequent first. @category Time */
export const BILLING_FREQUENCIES: readonly BillingFrequency[] = /* @__PURE__ */ frozen([
  'monthly',
  'annual',
  'triennial',
]);

/**
 * Checks a term code (exact spelling, as Partner Center's `termDuration`).
 *
 * @param input - The value to check.
 * @param field - The input field named in an error.
 * @returns The term.
 * @throws {@link CspRuleError} `invalid_term` for anything else.
 * @example
 * ```ts
 * import { parseTerm } from 'csp-software-rules/core';
 *
 * parseTerm('P3Y'); // => 'P3Y'
 * parseTerm('P2Y'); // => throws invalid_term
 * ```
 * @category Time
 */
export function parseTerm(input: unknown, field = 'term'): Term {
  if (input === 'P1M' || input === 'P1Y' || input === 'P3Y') return input;
  return fail('invalid_term', fieldName(field), `${field}: expected one of P1M, P1Y, P3Y`);
}

/**
 * Checks a billing frequency (`monthly`, `annual` or `triennial`; Partner
 * Center spellings such as `Triennial` are mapped by `./schemas`).
 *
 * @param input - The value to check.
 * @param field - The input field named in an error.
 * @returns The frequency.
 * @throws {@link CspRuleError} `invalid_billing_frequency` for anything else.
 * @example
 * ```ts
 * import { parseBillingFrequency } from 'csp-software-rules/core';
 *
 * parseBillingFrequency('annual'); // => 'annual'
 * parseBillingFrequency('weekly'); // => throws invalid_billing_frequency
 * ```
 * @category Time
 */
export function parseBillingFrequency(
  input: unknown,
  field = 'billingFrequency',
): BillingFrequency {
  if (input === 'monthly' || input === 'annual' || input === 'triennial') return input;
  return fail(
    'invalid_billing_frequency',
    fieldName(field),
    `${field}: expected one of monthly, annual, triennial`,
  );
}

/**
 * Length of a term in months.
 *
 * @param term - A term.
 * @returns 1, 12 or 36.
 * @example
 * ```ts
 * import { termMonths } from 'csp-software-rules/core';
 *
 * termMonths('P3Y'); // => 36
 * ```
 * @category Time
 */
export function termMonths(term: Term): number {
  return monthsOfTerm(parseTerm(term));
}

/** @internal Months of a term already checked. */
export function monthsOfTerm(term: Term): number {
  return term === 'P1M' ? 1 : term === 'P1Y' ? 12 : 36;
}

/** @internal Months of one charge cycle of a frequency already checked. */
export function monthsOfFrequency(frequency: BillingFrequency): number {
  return frequency === 'monthly' ? 1 : frequency === 'annual' ? 12 : 36;
}

/**
 * Length of one charge cycle of a billing frequency, in months.
 *
 * @param frequency - A billing frequency.
 * @returns 1, 12 or 36.
 * @example
 * ```ts
 * import { frequencyMonths } from 'csp-software-rules/core';
 *
 * frequencyMonths('annual'); // => 12
 * ```
 * @category Time
 */
export function frequencyMonths(frequency: BillingFrequency): number {
  return monthsOfFrequency(parseBillingFrequency(frequency));
}

/**
 * The upfront billing frequency of a term (one charge for the whole term).
 *
 * @param term - A term.
 * @returns `monthly` for P1M, `annual` for P1Y, `triennial` for P3Y.
 * @example
 * ```ts
 * import { upfrontFrequency } from 'csp-software-rules/core';
 *
 * upfrontFrequency('P3Y'); // => 'triennial'
 * ```
 * @category Time
 */
export function upfrontFrequency(term: Term): BillingFrequency {
  const t = parseTerm(term);
  return t === 'P1M' ? 'monthly' : t === 'P1Y' ? 'annual' : 'triennial';
}
