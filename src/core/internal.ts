/**
 * Core helpers for the library's own rule areas. Not part of the public API
 * (not exported from `core/index.ts`): they skip checks the public functions
 * make, and may change in any release.
 * @internal
 * @module
 */
export {
  type AuthorizationDecision,
  type AuthorizationFacts,
  authorizeBuiltIn,
  type Compiled,
  checkRoles,
  compiled,
  copyTable,
  decideFor,
  isAction,
  latestBuiltIn,
  MAX_ROLES,
  type MissingRoleReason,
  roleAt,
} from './authorization.js';
export { HotWeakMap } from './cache.js';
export {
  addMonthsToEpochDay,
  daysInMonth,
  epochDayFromYmd,
  epochDayOfMs,
  formatEpochDay,
  MS_PER_DAY,
  MS_PER_HOUR,
  toEpochDay,
  ymdFromEpochDay,
} from './calendar.js';
export { currencyCodeOf, currencyExponentOf } from './currencies.js';
export {
  formatScaled,
  parseRoundingMode,
  pow10,
  quotientText,
  roundQuotient,
  type ScaledDecimal,
  toScaledDecimal,
} from './decimal.js';
export { decision } from './decision.js';
export { describeType, fail, failField, fieldName } from './errors.js';
export { frozen } from './frozen.js';
export { asRecord, denseList, oneOf, optionalBoolean, optionalString } from './guards.js';
export { toInstantMs } from './instant.js';
export {
  type AutoRenewSource,
  type Disagreement,
  knownTermMonths,
  type LifecycleAt,
  type LifecycleState,
  lifecycleAt,
  purchaseDateRuleAt,
  type TermAt,
  termOf,
} from './lifecycle.js';
export { assertSameCurrency, toMoney } from './money.js';
export { type NextTermChange, subscriptionPatch } from './nextSteps.js';
export { PERMISSIONS, type PermissionTable } from './permissions.js';
export { type CheckedPolicy, checkPolicy, inForceAtMs, policyAtMs } from './policy.js';
export {
  type CheckedPerpetual,
  type CheckedRefundOption,
  type CheckedSubscription,
  checkPerpetual,
  checkPrice,
  checkPurchase,
  checkSubscription,
  PERPETUAL_FIELDS,
  type PricedSubscription,
  priced,
  renewalTermOf,
  SUBSCRIPTION_FIELDS,
  type UnknownField,
  unknownValueReasons,
  withCheckedPurchase,
} from './purchase.js';
export {
  checkedPurchaseDatePolicy,
  PURCHASE_DATE_POLICY,
  type PurchaseDateRule,
} from './purchaseDatePolicy.js';
export {
  ACTIONS,
  type Action,
  lookupRole,
  ROLE_DISPLAY_NAMES,
  ROLES,
  type Role,
} from './roles.js';
export {
  type CycleAt,
  calendarDaysOfStart,
  chargeCycleAt,
  checkTermIndex,
  cycleDayCount,
  cycleMonthsFor,
  cyclesOfTerm,
  formatTerm,
  priceTimesQuantityMinor,
  type RenewalShape,
  readRenewalShape,
  shapedTerm,
  type TermDates,
  termDayRange,
  termIndexAt,
  termStartDay,
} from './schedule.js';
export {
  S1_URL,
  S2_URL,
  S3_URL,
  S4_URL,
  S5_URL,
  S6_URL,
  S7_URL,
  S8_URL,
  S9_URL,
  S10_URL,
  S11_URL,
  S12_URL,
  S13_URL,
} from './sources.js';
export { monthsOfFrequency, monthsOfTerm } from './term.js';
