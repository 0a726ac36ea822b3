/**
 * Refunds and credits: the prorated refund of a software subscription's
 * current charge cycle, the 100% credit of cancelled perpetual software, what
 * a subscription still owes to the end of its term, and the monthly invoice a
 * refund or credit lands on. Exact money throughout; every figure shown.
 *
 * @packageDocumentation
 * @module refunds
 */
export {
  type AppliedRounding,
  type CancellationRefund,
  type CancellationRefundFacts,
  cancellationRefund,
  type NotBilledInstallments,
  type PerpetualCreditComputation,
  type RefundCycle,
  type RefundTier,
  type SubscriptionRefundComputation,
} from './cancellationRefund.js';
export { type InvoicePeriod, invoiceFor } from './invoiceFor.js';
export {
  type CancellationRefundOptions,
  type ChargeRoundingOption,
  CYCLE_DAY_COUNTS,
  type CycleDayCount,
  type RefundRounding,
  ROUNDING_APPLICATIONS,
  type RoundingApplication,
} from './options.js';
export {
  FULL_REFUND_TIER_POLICY,
  type FullRefundTierRule,
  INVOICE_PERIOD_POLICY,
  type InvoicePeriodRule,
  PERPETUAL_CREDIT_POLICY,
  type PerpetualCreditRule,
  PRORATED_REFUND_POLICY,
  type ProratedRefundRule,
  REFUND_ROUNDING_POLICY,
  type RefundRoundingRule,
} from './policy.js';
export {
  type RemainingObligation,
  type RemainingObligationFacts,
  type RemainingObligationOptions,
  remainingObligation,
} from './remainingObligation.js';
