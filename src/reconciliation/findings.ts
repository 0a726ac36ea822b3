/**
 * What reconciling a file finds, one shape per stable code.
 * @module
 */
import type { CalendarDay } from '../core/index.js';
import type { SignedMoney } from './lines.js';
import type { LineRounding } from './policy.js';

/**
 * Where a finding points: the billed line (its number in the file) and the
 * subscription and customer it names.
 * @category Reconciliation
 */
export interface FindingPlace {
  /** The billed line's number, or `null` for an expected line nobody billed. */
  readonly line: number | null;
  /** The subscription's id, or `null`. */
  readonly subscriptionId: string | null;
  /** The customer's tenant id (`CustomerId`), or `null`. */
  readonly customerId: string | null;
  /** The charge type (Microsoft's spelling, as billed or expected). */
  readonly chargeType: string | null;
  /** The billing period, `YYYY-MM`, or `null` when the line has no date. */
  readonly period: string | null;
}

/**
 * A line's dates.
 * @category Reconciliation
 */
export interface LineDates {
  /** `ChargeStartDate`. */
  readonly start: CalendarDay | null;
  /** `ChargeEndDate`. */
  readonly end: CalendarDay | null;
}

/**
 * An expected line nobody billed (a charge).
 * @category Reconciliation
 */
export interface MissingChargeFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'missing_charge';
  /** The expected line's dates. */
  readonly dates: LineDates;
  /** Its quantity. */
  readonly quantity: number;
  /** Its subtotal. */
  readonly expected: SignedMoney;
}

/**
 * An expected credit nobody billed: a refund that did not arrive.
 * @category Reconciliation
 */
export interface RefundMissingFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'refund_missing';
  /** The expected line's dates. */
  readonly dates: LineDates;
  /** Its quantity. */
  readonly quantity: number;
  /** Its subtotal (negative). */
  readonly expected: SignedMoney;
}

/**
 * A billed charge no event explains.
 * @category Reconciliation
 */
export interface UnexpectedChargeFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'unexpected_charge';
  /** The billed line's dates. */
  readonly dates: LineDates;
  /** Its subtotal. */
  readonly billed: SignedMoney;
}

/**
 * A billed credit no event explains.
 * @category Reconciliation
 */
export interface RefundNotDueFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'refund_not_due';
  /** The billed line's dates. */
  readonly dates: LineDates;
  /** Its subtotal (negative). */
  readonly billed: SignedMoney;
}

/**
 * A charge for days after the subscription was cancelled.
 * @category Reconciliation
 */
export interface BilledAfterCancellationFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'billed_after_cancellation';
  /** The cancellation day. */
  readonly cancelledOn: CalendarDay;
  /** The billed line's dates. */
  readonly dates: LineDates;
  /** Its subtotal. */
  readonly billed: SignedMoney;
}

/**
 * The same line billed again.
 * @category Reconciliation
 */
export interface DuplicateLineFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'duplicate_line';
  /** The line it repeats. */
  readonly duplicateOf: number;
  /** Its subtotal. */
  readonly billed: SignedMoney;
}

/**
 * The billed amount is not what the rules give.
 * @category Reconciliation
 */
export interface AmountDiffersFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'amount_differs';
  /** The expected subtotal (in the billing currency). */
  readonly expected: SignedMoney;
  /** The billed subtotal. */
  readonly billed: SignedMoney;
  /** Billed minus expected. */
  readonly difference: SignedMoney;
  /** The reading the expected subtotal was computed with. */
  readonly reading: LineRounding | null;
}

/**
 * The file's `UnitPrice` (or pricing currency) is not the caller's: a
 * promotion or a price change, reported apart from arithmetic errors (the
 * amount is then checked with the billed price).
 * @category Reconciliation
 */
export interface UnitPriceDiffersFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'unit_price_differs';
  /** The caller's price and its currency. */
  readonly expected: {
    /** Decimal text. */
    readonly unitPrice: string;
    /** ISO 4217 code. */
    readonly currency: string;
  };
  /** The billed price and its pricing currency. */
  readonly billed: {
    /** `UnitPrice` as the file wrote it. */
    readonly unitPrice: string | null;
    /** `PricingCurrency`, else `Currency`. */
    readonly currency: string | null;
  };
}

/**
 * The billed quantity is not the expected one (the amount is then checked
 * with the billed quantity).
 * @category Reconciliation
 */
export interface QuantityDiffersFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'quantity_differs';
  /** The expected quantity. */
  readonly expected: number;
  /** The billed quantity. */
  readonly billed: number;
}

/**
 * The billed line's charge dates are not the expected ones.
 * @category Reconciliation
 */
export interface DatesDifferFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'dates_differ';
  /** The expected dates. */
  readonly expected: LineDates;
  /** The billed dates. */
  readonly billed: LineDates;
}

/**
 * A line of a software or license-based product whose subscription is not
 * in the portfolio (or is under another customer).
 * @category Reconciliation
 */
export interface UnknownSubscriptionFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'unknown_subscription';
  /** The customer the portfolio puts the subscription under, when it does (another one). */
  readonly portfolioCustomerId: string | null;
  /** The billed subtotal, or `null` when unreadable. */
  readonly billed: SignedMoney | null;
}

/**
 * Lines this version does not compute: Azure usage, marketplace, or a
 * charge type it does not model. Never reported as wrong; their amounts are
 * in the totals' `notModelled`.
 * @category Reconciliation
 */
export interface NotModelledFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'not_modelled';
  /** `product` (usage, Azure, marketplace) or `charge_type` (`moveQuantity`, `customerCredit`, ...). */
  readonly cause: 'product' | 'charge_type';
  /**
   * How many lines this finding stands for: the lines of one customer,
   * subscription, charge type and period are counted in one finding (`line`
   * is the first), so a file of Azure usage does not fill memory.
   */
  readonly lines: number;
}

/**
 * A line that could not be read; the rest of the file still is.
 * @category Reconciliation
 */
export interface MalformedLineFinding extends FindingPlace {
  /** Stable code. */
  readonly code: 'malformed_line';
  /** The attribute at fault, or `null` for the whole line. */
  readonly field: string | null;
  /** What is wrong. */
  readonly problem: string;
}

/**
 * Everything reconciling finds.
 * @category Reconciliation
 */
export type ReconciliationFinding =
  | MissingChargeFinding
  | RefundMissingFinding
  | UnexpectedChargeFinding
  | RefundNotDueFinding
  | BilledAfterCancellationFinding
  | DuplicateLineFinding
  | AmountDiffersFinding
  | UnitPriceDiffersFinding
  | QuantityDiffersFinding
  | DatesDifferFinding
  | UnknownSubscriptionFinding
  | NotModelledFinding
  | MalformedLineFinding;

/** Every finding code. @category Reconciliation */
export type FindingCode = ReconciliationFinding['code'];
