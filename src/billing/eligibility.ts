/**
 * Which billing frequencies a software SKU may use.
 * @module
 */
import {
  BILLING_FREQUENCIES,
  type BillingFrequency,
  type DatedPolicy,
  type Decision,
  type InstantInput,
  type PolicyInForce,
  parseBillingFrequency,
  parseTerm,
  type RuleRef,
  type Term,
} from '../core/index.js';
import {
  asRecord,
  decision,
  denseList,
  fail,
  inForceAtMs,
  monthsOfFrequency,
  monthsOfTerm,
  optionalString,
  toInstantMs,
} from '../core/internal.js';
import { BILLING_PLAN_POLICY, type BillingPlanRule } from './policy.js';

/**
 * Input of {@link eligibleBillingFrequencies} (and, with `billingFrequency`,
 * of {@link billingFrequencyDecision}).
 * @category Billing
 */
export interface BillingFrequencyEligibilityInput {
  /** The SKU's term. */
  readonly term: Term;
  /** The purchase instant: the rules in force then apply (UTC, to the millisecond). */
  readonly purchasedAt: InstantInput;
  /**
   * The product family, e.g. {@link PRODUCT_FAMILIES}`.rdsCal2022` (or what
   * `productFamilyOf` returns, `undefined` included); other values get no extra plan.
   */
  readonly productFamily?: string | undefined;
  /** The plans the catalog offers for this SKU (Partner Center's review screen); when given, the result is intersected with them. */
  readonly offered?: readonly BillingFrequency[];
  /** Your own dated billing plan policy; omitted = {@link BILLING_PLAN_POLICY}. */
  readonly policy?: DatedPolicy<BillingPlanRule>;
}

/**
 * Input of {@link billingFrequencyDecision}: the SKU and the plan asked about.
 * @category Billing
 */
export interface BillingFrequencyDecisionInput extends BillingFrequencyEligibilityInput {
  /** The billing frequency asked about. */
  readonly billingFrequency: BillingFrequency;
}

/**
 * The policy does not allow the frequency for this term and product family at that date.
 * @category Billing
 */
export interface FrequencyNotEligibleReason {
  /** Stable code. */
  readonly code: 'frequency_not_eligible';
  /** The frequency asked about. */
  readonly billingFrequency: BillingFrequency;
  /** The term. */
  readonly term: Term;
  /** The frequencies the policy allows for that term, product family and date. */
  readonly eligible: readonly BillingFrequency[];
}

/**
 * The catalog (the `offered` plans) does not offer the frequency for this SKU.
 * @category Billing
 */
export interface NotOfferedInCatalogReason {
  /** Stable code. */
  readonly code: 'not_offered_in_catalog';
  /** The frequency asked about. */
  readonly billingFrequency: BillingFrequency;
  /** The plans the catalog offers, in `monthly, annual, triennial` order. */
  readonly offered: readonly BillingFrequency[];
}

/**
 * Why a billing frequency is refused for a SKU.
 * @category Billing
 */
export type BillingFrequencyReason = FrequencyNotEligibleReason | NotOfferedInCatalogReason;

/**
 * The answer of {@link billingFrequencyDecision}: `{ allowed, reasons, rules,
 * billingFrequency, term, eligible, byPolicy }`.
 * @category Billing
 */
export type BillingFrequencyDecision = Decision<
  BillingFrequencyReason,
  {
    /** The frequency asked about. */
    readonly billingFrequency: BillingFrequency;
    /** The term. */
    readonly term: Term;
    /** Every frequency allowed (policy ∩ catalog), in `monthly, annual, triennial` order. */
    readonly eligible: readonly BillingFrequency[];
    /** The frequencies the policy alone allows. */
    readonly byPolicy: readonly BillingFrequency[];
  }
>;

const NONE: readonly BillingFrequency[] = [];
const checkedRules = /* @__PURE__ */ new WeakSet<object>();

/** Guard a rule value from a (possibly caller-supplied) policy, once per object. */
function checkRule(value: unknown, field: string): BillingPlanRule {
  // A WeakSet answers false for a primitive.
  if (checkedRules.has(value as object)) return value as BillingPlanRule;
  const r = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const byTerm = r['byTerm'];
  const familyAdds = r['familyAdds'];
  const lists: [unknown, string][] = [];
  if (typeof byTerm !== 'object' || byTerm === null) {
    fail('invalid_policy', `${field}.byTerm`, `${field}.byTerm: expected a list per term`);
  }
  for (const t of ['P1M', 'P1Y', 'P3Y'] as const) {
    lists.push([(byTerm as Record<string, unknown>)[t], `${field}.byTerm.${t}`]);
  }
  if (typeof familyAdds !== 'object' || familyAdds === null) {
    fail('invalid_policy', `${field}.familyAdds`, `${field}.familyAdds: expected an object`);
  }
  for (const [k, v] of Object.entries(familyAdds)) lists.push([v, `${field}.familyAdds.${k}`]);
  for (const [list, f] of lists) {
    if (!Array.isArray(list) || !list.every((x) => BILLING_FREQUENCIES.includes(x))) {
      fail('invalid_policy', f, `${f}: expected an array of billing frequencies`);
    }
  }
  checkedRules.add(value as object);
  return value as BillingPlanRule;
}

/** @internal The frequencies a rule allows, in canonical order. */
export function frequenciesByRule(
  rule: BillingPlanRule,
  term: Term,
  family: string | undefined,
): BillingFrequency[] {
  const base = rule.byTerm[term];
  const adds =
    family !== undefined && Object.hasOwn(rule.familyAdds, family)
      ? (rule.familyAdds[family] as readonly BillingFrequency[])
      : NONE;
  const months = monthsOfTerm(term);
  return BILLING_FREQUENCIES.filter(
    (f) => monthsOfFrequency(f) <= months && (base.includes(f) || adds.includes(f)),
  );
}

/** @internal The frequencies of `list` the catalog offers (all when `offered` is undefined). */
export function withinOffered(
  list: BillingFrequency[],
  offered: readonly BillingFrequency[] | undefined,
): BillingFrequency[] {
  return offered === undefined ? list : list.filter((f) => offered.includes(f));
}

/**
 * @internal Why `target` is refused for a SKU, in order: not allowed by the
 * policy (`byPolicy`), not offered in the catalog (`offered`, when given).
 */
export function frequencyReasons(
  target: BillingFrequency,
  term: Term,
  byPolicy: BillingFrequency[],
  offered: BillingFrequency[] | undefined,
): BillingFrequencyReason[] {
  const reasons: BillingFrequencyReason[] = [];
  if (!byPolicy.includes(target)) {
    reasons.push({
      code: 'frequency_not_eligible',
      billingFrequency: target,
      term,
      eligible: byPolicy,
    });
  }
  if (offered !== undefined && !offered.includes(target)) {
    reasons.push({ code: 'not_offered_in_catalog', billingFrequency: target, offered });
  }
  return reasons;
}

/**
 * @internal The plan rule in force at an instant (epoch ms): the caller's
 * table (errors name `field`), else the built-in one; values checked once.
 */
export function planRuleAtMs(
  policy: DatedPolicy<BillingPlanRule> | undefined,
  ms: number,
  field = 'policy',
): PolicyInForce<BillingPlanRule> {
  return policy === undefined
    ? inForceAtMs(BILLING_PLAN_POLICY, ms, checkRule)
    : inForceAtMs(policy, ms, checkRule, field);
}

/** @internal Check an `offered` list; returns it deduplicated in canonical order, or undefined. */
export function checkOffered(input: unknown, field = 'offered'): BillingFrequency[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input)) {
    fail('invalid_input', field, `${field}: expected an array of billing frequencies`);
  }
  // Three frequencies exist: a catalog list longer than 100 is a mistake.
  const seen = denseList(input, field, 100).map((f, i) =>
    parseBillingFrequency(f, `${field}[${i}]`),
  );
  return BILLING_FREQUENCIES.filter((f) => seen.includes(f));
}

interface Evaluated {
  readonly term: Term;
  readonly byPolicy: BillingFrequency[];
  readonly offered: BillingFrequency[] | undefined;
  readonly eligible: BillingFrequency[];
  readonly rule: RuleRef;
}

function evaluate(input: unknown): Evaluated {
  const r = asRecord(input, 'input');
  const term = parseTerm(r['term'], 'term');
  const ms = toInstantMs(r['purchasedAt'], 'purchasedAt');
  const family = optionalString(r['productFamily'], 'productFamily');
  const offered = checkOffered(r['offered']);
  const { value, rule } = planRuleAtMs(r['policy'] as DatedPolicy<BillingPlanRule> | undefined, ms);
  const byPolicy = frequenciesByRule(value, term, family);
  return { term, byPolicy, offered, eligible: withinOffered(byPolicy, offered), rule };
}

/**
 * The billing frequencies a software SKU may use, as a plain array in
 * `monthly, annual, triennial` order. The rules in force at the purchase
 * instant apply ({@link BILLING_PLAN_POLICY}, UTC, to the millisecond): from
 * 2021-10-22 three-year SKUs may be billed annual or triennial, Windows Remote
 * Desktop Server CAL 2022 also monthly; otherwise (and before that date) only
 * upfront, the frequency equal to the term. When `offered` (the plans the
 * catalog shows) is given, the result is intersected with it, so it never
 * grows when `offered` shrinks.
 *
 * @param input - `term`, `purchasedAt`, optional `productFamily`, `offered`, `policy`.
 * @returns The allowed frequencies (possibly empty when `offered` excludes them all).
 * @throws {@link core!CspRuleError} `invalid_term`, `invalid_instant`/`ambiguous_local_time`,
 *   `invalid_billing_frequency` for an unknown value in `offered`, `invalid_input`
 *   (not an object, `offered` not an array, `productFamily` not a string),
 *   `invalid_policy`/`policy_not_in_force` for a bad policy or a purchase before its first version.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { eligibleBillingFrequencies, PRODUCT_FAMILIES } from 'csp-software-rules/billing';
 *
 * eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-22T00:00:00Z' }); // => ['annual', 'triennial']
 * eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-21T23:59:59.999Z' }); // => ['triennial']
 * eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2023-05-02' }); // => ['annual']
 * eligibleBillingFrequencies({ term: 'P1Y', purchasedAt: '2023-05-02', productFamily: PRODUCT_FAMILIES.rdsCal2022 }); // => ['monthly', 'annual']
 * eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2023-05-02', offered: ['triennial'] }); // => ['triennial']
 * eligibleBillingFrequencies({ term: 'P2Y' as never, purchasedAt: '2023-05-02' }); // => throws invalid_term
 * ```
 * @category Billing
 */
export function eligibleBillingFrequencies(
  input: BillingFrequencyEligibilityInput,
): BillingFrequency[] {
  return evaluate(input).eligible;
}

/**
 * Whether a SKU may be billed at `billingFrequency`, as a decision: refused
 * with `frequency_not_eligible` when the policy in force at the purchase
 * instant does not allow it, and `not_offered_in_catalog` when `offered` is
 * given and lacks it (both when both hold, in that order). The facts give
 * every allowed frequency and the policy's own list.
 *
 * @param input - As {@link eligibleBillingFrequencies}, plus `billingFrequency`.
 * @returns `{ allowed, reasons, rules, billingFrequency, term, eligible, byPolicy }`.
 * @throws {@link core!CspRuleError} as {@link eligibleBillingFrequencies}, and
 *   `invalid_billing_frequency` for an unknown `billingFrequency`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { billingFrequencyDecision } from 'csp-software-rules/billing';
 *
 * const d = billingFrequencyDecision({ term: 'P1Y', purchasedAt: '2022-03-01', billingFrequency: 'monthly' });
 * d.allowed; // => false
 * d.reasons; // => [{ code: 'frequency_not_eligible', billingFrequency: 'monthly', term: 'P1Y', eligible: ['annual'] }]
 * billingFrequencyDecision({ term: 'P3Y', purchasedAt: '2022-03-01', billingFrequency: 'annual', offered: ['triennial'] }).reasons; // => [{ code: 'not_offered_in_catalog', billingFrequency: 'annual', offered: ['triennial'] }]
 * billingFrequencyDecision({ term: 'P3Y', purchasedAt: '2022-03-01', billingFrequency: 'annual' }).allowed; // => true
 * ```
 * @category Billing
 */
export function billingFrequencyDecision(
  input: BillingFrequencyDecisionInput,
): BillingFrequencyDecision {
  const e = evaluate(input);
  const billingFrequency = parseBillingFrequency(
    (input as unknown as Record<string, unknown>)['billingFrequency'],
  );
  const reasons = frequencyReasons(billingFrequency, e.term, e.byPolicy, e.offered);
  return decision(reasons, [e.rule], {
    billingFrequency,
    term: e.term,
    eligible: e.eligible,
    byPolicy: e.byPolicy,
  });
}
