/**
 * Reconciliation: the lines Microsoft's reconciliation file should carry for
 * a purchase and its history (charge types, dates, effective unit prices,
 * subtotals, to the cent), and the reconciliation of a billed file against
 * them, with findings under stable codes. Pure: the file readers are the
 * Node-only subpath `csp-software-rules/files`.
 *
 * @packageDocumentation
 * @module reconciliation
 */
export {
  type BilledLine,
  billedLineReader,
  type MalformedRecord,
  RECONCILIATION_ATTRIBUTES,
} from './billed.js';
export {
  type AppliedLineRounding,
  type BeforePurchaseReason,
  type CycleLongerThanTermReason,
  type EventNotApplicableReason,
  type ExpectedLine,
  type ExpectedLines,
  type ExpectedLinesOptions,
  expectedLines,
  type HistoryReason,
  type NotARenewalReason,
  type QuantityUnchangedReason,
  type RefusedEvent,
  type SubscriptionEndedReason,
} from './expectedLines.js';
export type {
  AmountDiffersFinding,
  BilledAfterCancellationFinding,
  DatesDifferFinding,
  DuplicateLineFinding,
  FindingCode,
  FindingPlace,
  LineDates,
  MalformedLineFinding,
  MissingChargeFinding,
  NotModelledFinding,
  QuantityDiffersFinding,
  ReconciliationFinding,
  RefundMissingFinding,
  RefundNotDueFinding,
  UnexpectedChargeFinding,
  UnitPriceDiffersFinding,
  UnknownSubscriptionFinding,
} from './findings.js';
export type {
  CancelEvent,
  ChangeBillingPlanEvent,
  ConvertEvent,
  RenewEvent,
  SetQuantityEvent,
  SubscriptionEvent,
  SubscriptionEventType,
} from './history.js';
export {
  CHARGE_TYPES,
  type ChargeType,
  MODELLED_CHARGE_TYPES,
  type Proration,
  type SignedMoney,
} from './lines.js';
export {
  BILLING_PLAN_CHANGE_POLICY,
  BILLING_PLAN_CHANGE_PRORATIONS,
  type BillingPlanChangeProration,
  type BillingPlanChangeRule,
  LINE_ROUNDING_POLICY,
  LINE_ROUNDINGS,
  type LineRounding,
  type LineRoundingRule,
  RECONCILIATION_LINES_POLICY,
  type ReconciliationLinesRule,
} from './policy.js';
export {
  type ReadingMatch,
  type ReconciledPurchase,
  type ReconcileOptions,
  type Reconciliation,
  type ReconciliationInput,
  type ReconciliationTotal,
  reconcile,
  reconcileAsync,
} from './reconcile.js';
