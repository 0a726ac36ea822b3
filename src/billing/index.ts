/**
 * Billing plans: which billing frequencies a software SKU may use (by
 * purchase date, term and product family), the charge cycles that split a
 * term, the money due at each cycle start, and changing a subscription's
 * billing frequency from its next term.
 *
 * @packageDocumentation
 * @module billing
 */
export {
  type BillingFrequencyChangeDecision,
  type BillingFrequencyChangeFacts,
  type BillingFrequencyChangeOptions,
  type BillingFrequencyChangeReason,
  billingFrequencyChange,
  type SameAsCurrentReason,
  type WillNotRenewReason,
} from './billingFrequencyChange.js';
export { type ChargeCycle, type ChargeCyclesInput, chargeCycles } from './chargeCycles.js';
export {
  type BillingFrequencyDecision,
  type BillingFrequencyDecisionInput,
  type BillingFrequencyEligibilityInput,
  type BillingFrequencyReason,
  billingFrequencyDecision,
  eligibleBillingFrequencies,
  type FrequencyNotEligibleReason,
  type NotOfferedInCatalogReason,
} from './eligibility.js';
export {
  type Installment,
  type InstallmentSchedule,
  type InstallmentScheduleInput,
  installmentSchedule,
} from './installmentSchedule.js';
export {
  BILLING_PLAN_POLICY,
  type BillingPlanRule,
  FREQUENCY_CHANGE_POLICY,
  type FrequencyChangeRule,
  PRODUCT_FAMILIES,
  type ProductFamily,
} from './policy.js';
export { productFamilyOf } from './productFamilyOf.js';
