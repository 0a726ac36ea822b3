/**
 * The shared vocabulary: instants, UTC calendar days, terms, exact money,
 * decisions, dated policies and the library's one error.
 *
 * @packageDocumentation
 * @module core
 */
export {
  addDays,
  addMonthsFromAnchor,
  type CalendarDay,
  compareDays,
  daysBetween,
  inclusiveDayCount,
  MS_PER_DAY,
  MS_PER_HOUR,
  parseCalendarDay,
  startOfDay,
} from './calendar.js';
export {
  currencyExponent,
  ISO_4217_SOURCE,
  knownCurrencies,
  parseCurrency,
  type TableSource,
} from './currencies.js';
export {
  type DecimalInput,
  parseDecimal,
  ROUNDING_MODES,
  type RoundingMode,
} from './decimal.js';
export { type Decision, decide, type ReasonBase, type RuleRef } from './decision.js';
export {
  CspRuleError,
  type CspRuleErrorCode,
  type CspRuleErrorJSON,
  type CspRuleErrorOptions,
  isCspRuleError,
} from './errors.js';
export { parseQuantity } from './guards.js';
export { calendarDayOf, type InstantInput, parseInstant } from './instant.js';
export type { AutoRenewSource, Disagreement } from './lifecycle.js';
export {
  addMoney,
  allocate,
  formatMoney,
  type Money,
  money,
  moneyFromDecimal,
  multiplyMoney,
  subtractMoney,
} from './money.js';
export type { NextStep, NextStepAction, PartnerCenterRequest } from './nextSteps.js';
export {
  type DatedPolicy,
  definePolicy,
  type PolicyInForce,
  type PolicyVersion,
  policyInForce,
} from './policy.js';
export {
  isUnknownValue,
  type PerpetualPurchase,
  type PerpetualStatus,
  type ProductType,
  type Purchase,
  type RefundableQuantity,
  type RefundOption,
  type ScheduledNextTerm,
  type SoftwareSubscription,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
  type UnknownValue,
  type UnknownValueReason,
} from './purchase.js';
export { POLICY_READINGS } from './readings.js';
export { SOURCES, type Source, type SourceId } from './sources.js';
export {
  BILLING_FREQUENCIES,
  type BillingFrequency,
  frequencyMonths,
  parseBillingFrequency,
  parseTerm,
  TERMS,
  type Term,
  termMonths,
  upfrontFrequency,
} from './term.js';
