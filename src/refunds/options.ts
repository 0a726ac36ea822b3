/**
 * Options of the refund rules, checked once per call.
 * @module
 */
import type { EvaluateCancellationOptions } from '../cancellation/index.js';
import { type InstantInput, parseQuantity, type RoundingMode } from '../core/index.js';
import {
  describeType,
  failField,
  frozen,
  inForceAtMs,
  oneOf,
  optionalBoolean,
  parseRoundingMode,
} from '../core/internal.js';
import { PRORATED_REFUND_POLICY, REFUND_ROUNDING_POLICY } from './policy.js';

/**
 * Where a prorated refund is rounded to whole minor units:
 * - `'per_unit'` (default): each unit's refund is rounded, then multiplied by
 *   the quantity (Microsoft's published examples);
 * - `'total'`: the exact refund for the whole quantity is rounded once.
 * @category Refunds
 */
export type RoundingApplication = 'per_unit' | 'total';

/** Every {@link RoundingApplication}. @category Refunds */
export const ROUNDING_APPLICATIONS: readonly RoundingApplication[] = /* @__PURE__ */ frozen([
  'per_unit',
  'total',
]);

/**
 * How a prorated refund is rounded. Omitted fields keep the default
 * (`truncate`, `per_unit`).
 * @category Refunds
 */
export interface RefundRounding {
  /** `truncate` (default), `half_even` or `half_up`. */
  readonly mode?: RoundingMode;
  /** `per_unit` (default) or `total`. */
  readonly apply?: RoundingApplication;
}

/**
 * The day count a prorated refund divides by:
 * - `'cycle'` (default, our reading): the charge cycle's own length in days
 *   (Jan 31–Feb 27 is 28 days; a yearly cycle spanning Feb 29 is 366);
 * - `'month_of_start'`: Microsoft's "calendar days of the month when you
 *   buy": for a monthly cycle the days of the calendar month the cycle starts
 *   in; for an annual cycle the days of the calendar year it starts in (365 or
 *   366); for a triennial cycle the days of the three calendar years starting
 *   with that year (1095 or 1096). When the cycle is longer than that count
 *   (Feb 28–Mar 30 against February's 28 days) the refund is capped at the
 *   cycle's charge.
 * @category Refunds
 */
export type CycleDayCount = 'cycle' | 'month_of_start';

/** Every {@link CycleDayCount}. @category Refunds */
export const CYCLE_DAY_COUNTS: readonly CycleDayCount[] = /* @__PURE__ */ frozen([
  'cycle',
  'month_of_start',
]);

/**
 * How the charge itself (`unitPrice × quantity`) is rounded when the unit
 * price has more decimals than the currency: the billing area's choice,
 * `half_even` by default (`installmentSchedule`'s `rounding`).
 * @category Refunds
 */
export interface ChargeRoundingOption {
  /** Rounding of `unitPrice × quantity` to the currency's minor unit; default `half_even`. */
  readonly chargeRounding?: RoundingMode;
}

/**
 * Options of `cancellationRefund`: when the cancellation happens, the
 * cancellation window options of `evaluateCancellation` (`roles`, `window`,
 * `policy`, `minimumWindowDays`), and how the refund is computed.
 * @category Refunds
 */
export interface CancellationRefundOptions
  extends Omit<EvaluateCancellationOptions, 'asOf'>,
    ChargeRoundingOption {
  /** When the cancellation is made (the decision is taken at this instant). */
  readonly asOf: InstantInput;
  /** Subscriptions: how the prorated refund is rounded; a mode alone means `{ mode, apply: 'per_unit' }`. */
  readonly rounding?: RoundingMode | RefundRounding;
  /** Subscriptions: the day count of the cycle; default `'cycle'`. */
  readonly cycleDays?: CycleDayCount;
  /**
   * Subscriptions: refund the whole cycle when the cancellation is made within
   * this ISO-8601 duration of the term's opening (the window's `opensAt`):
   * `'PT24H'` for Microsoft's 24-hour full refund. Days, hours, minutes and
   * seconds only (`'P1D'`, `'PT36H'`, `'PT90M'`). Omitted = no full-refund tier.
   */
  readonly fullRefundWithin?: string;
  /**
   * Subscriptions: whether `notBilled.installments` lists every cycle not
   * billed, with its dates and amount. Default `false`: `notBilled` then
   * gives the count, first and last day, amount of each and total only (all
   * installments are equal), which spares a batch formatting up to 70 dates
   * per refund.
   */
  readonly listInstallments?: boolean;
  /**
   * Perpetual software: how many of the order's licences are cancelled and
   * credited (from 1 to the purchase's quantity); default all of them.
   */
  readonly quantity?: number;
}

/** @internal Checked refund options (window options are checked by the cancellation area). */
export interface CheckedRefundOptions {
  readonly mode: RoundingMode;
  readonly apply: RoundingApplication;
  readonly cycleDays: CycleDayCount;
  /** Milliseconds of the full-refund tier, or `undefined`. */
  readonly fullRefundWithinMs: number | undefined;
  /** The duration text as given. */
  readonly fullRefundWithin: string | undefined;
  readonly chargeRounding: RoundingMode;
  readonly quantity: number | undefined;
  readonly listInstallments: boolean;
}

// `(?!$)`: not "P" alone; `T(?=\d)`: a `T` is followed by a figure ("PT", "P1DT" are refused).
const DURATION_RE =
  /^P(?!$)(?:(\d{1,5})D)?(?:T(?=\d)(?:(\d{1,6})H)?(?:(\d{1,8})M)?(?:(\d{1,10})S)?)?$/;

/** @internal Milliseconds of a day-time ISO-8601 duration (`PT24H`, `P1D`, `PT90M`). */
export function durationMs(input: unknown, field: string): number {
  const m = typeof input === 'string' ? DURATION_RE.exec(input) : null;
  if (m === null) {
    failField(
      field,
      `expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got ${typeof input === 'string' ? 'another text' : describeType(input)}`,
      'invalid_duration',
    );
  }
  const [, days = 0, hours = 0, minutes = 0, seconds = 0] = m;
  const ms = ((+days * 24 + +hours) * 60 + +minutes) * 60_000 + +seconds * 1000;
  if (ms <= 0) failField(field, 'the duration must be longer than zero', 'invalid_duration');
  return ms;
}

/** @internal `chargeRounding` of a record: default `half_even`, as billing. */
export function chargeRoundingOf(o: Readonly<Record<string, unknown>>): RoundingMode {
  const mode = o['chargeRounding'];
  return mode === undefined ? 'half_even' : parseRoundingMode(mode, 'chargeRounding');
}

/**
 * @internal Check the refund options of a record (any field may be absent);
 * the rounding and the day count default to the policies in force at `atMs`,
 * the instant whose rules the refund cites.
 */
export function checkRefundOptions(
  o: Readonly<Record<string, unknown>>,
  atMs: number,
): CheckedRefundOptions {
  const rounding = o['rounding'];
  const cycleDays = o['cycleDays'];
  const within = o['fullRefundWithin'];
  const quantity = o['quantity'];
  let { mode, apply } = inForceAtMs(REFUND_ROUNDING_POLICY, atMs).value;
  if (typeof rounding === 'string') {
    mode = parseRoundingMode(rounding, 'rounding');
  } else if (rounding !== undefined) {
    if (typeof rounding !== 'object' || rounding === null || Array.isArray(rounding)) {
      failField(
        'rounding',
        `expected a mode or { mode, apply }, got ${describeType(rounding)}`,
        'invalid_rounding',
      );
    }
    const r = rounding as Readonly<Record<string, unknown>>;
    if (r['mode'] !== undefined) mode = parseRoundingMode(r['mode'], 'rounding.mode');
    if (r['apply'] !== undefined) {
      apply = r['apply'] as RoundingApplication;
      if (!ROUNDING_APPLICATIONS.includes(apply)) {
        failField('rounding.apply', 'expected per-unit or total', 'invalid_rounding');
      }
    }
  }
  return {
    mode,
    apply,
    cycleDays:
      cycleDays === undefined
        ? inForceAtMs(PRORATED_REFUND_POLICY, atMs).value.cycleDays
        : oneOf(cycleDays, CYCLE_DAY_COUNTS, 'cycleDays', 'invalid_option'),
    quantity: quantity === undefined ? undefined : parseQuantity(quantity, 'quantity'),
    fullRefundWithinMs: within === undefined ? undefined : durationMs(within, 'fullRefundWithin'),
    fullRefundWithin: within as string | undefined,
    chargeRounding: chargeRoundingOf(o),
    listInstallments: optionalBoolean(o['listInstallments'], 'listInstallments') ?? false,
  };
}
