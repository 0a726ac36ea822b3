/**
 * Cancellation: the window of every term (or of a perpetual purchase), the
 * decision "can we still cancel this, until when exactly?", and what a
 * cancellation sets in motion. Partner Center's cancel request for a software
 * order is the subpath `csp-software-rules/cancellation/order`.
 *
 * @packageDocumentation
 * @module cancellation
 */
export {
  type CancellationEffects,
  type CancellationEffectsFacts,
  type CancellationEffectsOptions,
  cancellationEffects,
  type NotStartedReason,
  type Settlement,
} from './cancellationEffects.js';
export {
  type CancellationWindow,
  cancellationWindow,
  type PartnerCenterDeadline,
  type PartnerCenterDeadlineUse,
} from './cancellationWindow.js';
export {
  type AlreadyCancelledReason,
  type CancellationDecision,
  type CancellationFacts,
  type CancellationNeed,
  type CancellationReason,
  type ExpiredReason,
  evaluateCancellation,
  type NonCancellablePublisherReason,
  type NotYetOpenReason,
  type TimeRemaining,
  type WindowClosedReason,
} from './evaluateCancellation.js';
export { nonCancellablePublisher } from './nonCancellablePublisher.js';
export {
  type CancellationWindowOptions,
  type EvaluateCancellationOptions,
  WINDOW_READINGS,
  type WindowReading,
} from './options.js';
export {
  CANCELLATION_EFFECTS_POLICY,
  type CancellationEffectsRule,
  type CancellationWindowRule,
  FULL_TERM_BILLING_POLICY,
  type FullTermBillingRule,
  NON_CANCELLABLE_PUBLISHERS_POLICY,
  type NonCancellablePublishersRule,
  PARTNER_CENTER_DEADLINE_POLICY,
  type PartnerCenterDeadlineRule,
  PERPETUAL_CANCELLATION_POLICY,
  SEAT_REDUCTION_POLICY,
  type SeatReductionRule,
  SUBSCRIPTION_CANCELLATION_POLICY,
} from './policy.js';
export type {
  CancellationRequest,
  CustomerIdentifier,
  PerpetualCancellationRequest,
  SubscriptionCancellationRequest,
  SubscriptionIdentifier,
} from './requests.js';
export {
  type NotAReductionReason,
  type SeatReductionDecision,
  type SeatReductionFacts,
  type SeatReductionNotAllowedReason,
  type SeatReductionOptions,
  type SeatReductionReason,
  type SeatsNotReducibleReason,
  seatReduction,
} from './seatReduction.js';
