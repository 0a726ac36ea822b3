/**
 * Subscription lifecycle: term dates and renewals counted from the anchor,
 * the 2021-10-14 visibility and autorenew rule, where a subscription stands
 * on a date, and switching autorenew.
 *
 * @packageDocumentation
 * @module lifecycle
 */
export {
  type AutoRenewToggleDecision,
  type AutoRenewToggleFacts,
  type AutoRenewToggleOptions,
  type AutoRenewToggleReason,
  autoRenewToggle,
} from './autoRenewToggle.js';
export {
  type LifecycleDurations,
  SUBSCRIPTION_LIFECYCLE_POLICY,
} from './lifecyclePolicy.js';
export { PURCHASE_DATE_POLICY, type PurchaseDateRule } from './policy.js';
export {
  type LifecycleState,
  type NextLifecycleEvent,
  type NextTerm,
  type SubscriptionStatusOn,
  subscriptionStatusOn,
} from './status.js';
export {
  type LifecycleAccess,
  type LifecycleSegment,
  type SubscriptionLifecycle,
  type SubscriptionLifecycleOptions,
  type SubscriptionLifecycleState,
  subscriptionLifecycle,
} from './subscriptionLifecycle.js';
export { type TermDates, type TermDatesInput, termDates } from './terms.js';
export {
  defaultAutoRenew,
  type SubscriptionVisibility,
  softwareSubscriptionVisibility,
} from './visibility.js';
