/**
 * The reason codes `explain` knows, derived from the rule areas' own reason types.
 * @module
 */
import type { MissingRoleReason } from '../access/index.js';
import type {
  ActivationMethodReason,
  HybridBenefitReason,
  MakMigrationWarning,
} from '../activation/index.js';
import type { BillingFrequencyChangeReason, BillingFrequencyReason } from '../billing/index.js';
import type {
  CancellationReason,
  NotStartedReason,
  SeatReductionReason,
} from '../cancellation/index.js';
import type { ReasonBase } from '../core/index.js';
import type { AutoRenewToggleReason } from '../lifecycle/index.js';
import type { PricesExcludeTaxReason, ReservationsNotSoldReason } from '../markets/index.js';
import type { HistoryReason, ReconciliationFinding } from '../reconciliation/index.js';
import type { CancellationRefund } from '../refunds/index.js';

/**
 * Every reason a decision of this library can list (and every warning of the
 * KMS-to-MAK migration plan): the union of the areas' exported reason types.
 * A code that appears in two areas (`unknown_value`, `already_cancelled`,
 * `expired`) has each area's shape.
 * @category Explain
 */
export type KnownReason =
  | MissingRoleReason
  | AutoRenewToggleReason
  | BillingFrequencyReason
  | BillingFrequencyChangeReason
  | CancellationReason
  | SeatReductionReason
  | NotStartedReason
  | ActivationMethodReason
  | HybridBenefitReason
  | MakMigrationWarning
  | ReservationsNotSoldReason
  | PricesExcludeTaxReason
  | CancellationRefund['reasons'][number]
  | HistoryReason
  | ReconciliationFinding;

/**
 * Every reason code this version explains (`'window_closed'`, ...).
 * @category Explain
 */
export type ReasonCode = KnownReason['code'];

/**
 * The shape(s) of the reasons with code `C`.
 * @category Explain
 */
export type ReasonOf<C extends ReasonCode> = Extract<KnownReason, ReasonWithCode<C>>;

/**
 * Any reason whose code is `C` (used to pick reasons by code).
 * @category Explain
 */
export interface ReasonWithCode<C extends string> {
  /** The reason code. */
  readonly code: C;
}

/**
 * What `explain` and `explainReason` accept: a reason of this version, or
 * any `{ code, ...data }` (a code from a newer version, or a reason read
 * back from JSON).
 * @category Explain
 */
export type AnyReason =
  | KnownReason
  | ReasonBase
  | {
      /** The reason's code. */
      readonly code: string;
      /** Its data. */
      readonly [field: string]: unknown;
    };
