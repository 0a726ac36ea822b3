/**
 * What a cancellation gives back: the prorated refund of a software
 * subscription's current charge cycle, or the credit of a perpetual order
 *, reusing the cancellation decision and billing's charge cycle.
 * @module
 */
import type { Installment } from '../billing/index.js';
import type {
  CancellationDecision,
  CancellationReason,
  CancellationWindow,
  Settlement,
} from '../cancellation/index.js';
import { evaluateCancellation } from '../cancellation/index.js';
import type {
  CalendarDay,
  Decision,
  Disagreement,
  Money,
  Purchase,
  RoundingMode,
  RuleRef,
} from '../core/index.js';
import {
  asRecord,
  type CheckedRefundOption,
  chargeCycleAt,
  checkPurchase,
  cycleDayCount,
  cycleMonthsFor,
  epochDayOfMs,
  failField,
  formatEpochDay,
  formatScaled,
  inForceAtMs,
  knownTermMonths,
  pow10,
  priced,
  priceTimesQuantityMinor,
  quotientText,
  roundQuotient,
  toInstantMs,
  withCheckedPurchase,
} from '../core/internal.js';
import type { TermDates } from '../lifecycle/index.js';
import { type InvoicePeriod, invoiceAtMs } from './invoiceFor.js';
import {
  type CancellationRefundOptions,
  type CycleDayCount,
  checkRefundOptions,
  type RoundingApplication,
} from './options.js';
import {
  FULL_REFUND_TIER_POLICY,
  INVOICE_PERIOD_POLICY,
  PERPETUAL_CREDIT_POLICY,
  PRORATED_REFUND_POLICY,
  REFUND_ROUNDING_POLICY,
} from './policy.js';
import { EXACT_DIGITS, installmentsFrom, prorate, termTotal } from './prorate.js';

/**
 * A charge cycle, as the refund computation shows it. Days are UTC, inclusive.
 * @category Refunds
 */
export interface RefundCycle {
  /** The term the cycle belongs to (0 = initial). */
  readonly termIndex: number;
  /** The cycle's position within its term (0 = first). */
  readonly index: number;
  /** First day of the cycle (the day it was charged). */
  readonly start: CalendarDay;
  /** Last day of the cycle, inclusive. */
  readonly end: CalendarDay;
}

/**
 * How a prorated refund is rounded, as applied.
 * @category Refunds
 */
export interface AppliedRounding {
  /** The rounding mode. */
  readonly mode: RoundingMode;
  /** Per unit then × quantity, or once on the total. */
  readonly apply: RoundingApplication;
}

/**
 * A refund tier: `full` (the cycle's charge) or `partial` (prorated).
 * @category Refunds
 */
export type RefundTier = 'full' | 'partial';

/**
 * Every figure of a subscription's refund, so a person can check it:
 * `perUnit = round(unitPrice × refundDays / cycleDays)`, `refund = perUnit ×
 * quantity` (per-unit rounding) or `round(unitPrice × quantity × refundDays /
 * cycleDays)` (total rounding), never more than the cycle's charge.
 * @category Refunds
 */
export interface SubscriptionRefundComputation {
  /**
   * - `'prorated'`: the formula above;
   * - `'whole_cycle'`: `refundDays` covers the whole `cycleDays` (a
   *   cancellation on the cycle's first day): the refund is the cycle's charge;
   * - `'full_refund_within'`: cancelled within `fullRefundWithin` of the term's
   *   opening: the refund is the cycle's charge;
   * - `'partner_center_refund_option'`: Partner Center's `refundOptions` offer
   *   a tier current at the cancellation (`expiresAt` after it): `full` refunds
   *   the cycle's charge, `partial` the formula; see `refundTier`.
   */
  readonly method:
    | 'prorated'
    | 'whole_cycle'
    | 'full_refund_within'
    | 'partner_center_refund_option';
  /**
   * The tier used (`full`: the cycle's charge; `partial`: prorated), where it
   * came from (`partner_center` when a refund option was current, else
   * `forecast`), and the tier the published rules alone give.
   */
  readonly refundTier: {
    /** The tier used. */
    readonly value: RefundTier;
    /** `partner_center` when a refund option was current, else `forecast`. */
    readonly source: 'partner_center' | 'forecast';
    /** The tier the published rules alone give. */
    readonly forecast: RefundTier;
  };
  /** The UTC day of the cancellation (refunded). */
  readonly cancellationDay: CalendarDay;
  /** The current charge cycle: the one containing the cancellation day. */
  readonly cycle: RefundCycle;
  /** The day count divided by. */
  readonly cycleDays: number;
  /** How `cycleDays` was counted. */
  readonly cycleDayCount: CycleDayCount;
  /** Days refunded: from the cancellation day to the cycle's end, both included. */
  readonly refundDays: number;
  /** The unit price per charge cycle, as exact decimal text. */
  readonly unitPrice: string;
  /** Number of licences refunded. */
  readonly quantity: number;
  /** `unitPrice × min(refundDays, cycleDays) / cycleDays` per unit, exact decimal text (`…` when it goes on). */
  readonly exactPerUnit: string;
  /** The same as a fraction, `unitPrice × days` over `cycleDays` (`'292.32/31'`). */
  readonly exactPerUnitFraction: string;
  /** The per-unit refund after rounding (per-unit rounding), or `null` (total rounding). */
  readonly perUnit: Money | null;
  /** The exact refund for the whole quantity, decimal text, before rounding. */
  readonly exactTotal: string;
  /** The rounding applied to the refund. */
  readonly rounding: AppliedRounding;
  /** The rounding of the cycle's charge (`unitPrice × quantity`). */
  readonly chargeRounding: RoundingMode;
  /** Whether the refund was limited to the cycle's charge (more refund days than `cycleDays`, or a rounding above the charge). */
  readonly capped: boolean;
  /** The full-refund tier asked for: its duration and the first instant it no longer applies; `null` when not asked. */
  readonly fullRefundWithin: {
    /** The ISO-8601 duration given. */
    readonly duration: string;
    /** The window's `opensAt` + the duration. */
    readonly until: Date;
  } | null;
}

/**
 * Every figure of a perpetual order's credit.
 * @category Refunds
 */
export interface PerpetualCreditComputation {
  /** Always `'credit'`. */
  readonly method: 'credit';
  /** Percentage credited (100). */
  readonly percent: number;
  /** The unit price, exact decimal text. */
  readonly unitPrice: string;
  /** Licences credited. */
  readonly quantity: number;
  /** Licences in the order. */
  readonly orderQuantity: number;
  /** The exact credit before rounding, decimal text. */
  readonly exactTotal: string;
  /** The rounding of amounts finer than the currency's minor unit (the charge's). */
  readonly chargeRounding: RoundingMode;
}

/**
 * The installments of the term that will not be billed after the cancellation:
 * the charge cycles after the current one, each `unitPrice × quantity`.
 * @category Refunds
 */
export interface NotBilledInstallments {
  /** How many charge cycles of the term follow the current one (0 when it is the last). */
  readonly count: number;
  /** First day of the first cycle not billed, or `null` when `count` is 0. */
  readonly from: CalendarDay | null;
  /** Last day of the term (the last cycle's end), or `null` when `count` is 0. */
  readonly to: CalendarDay | null;
  /** The amount of each of those installments (the cycle's charge). */
  readonly amountEach: Money;
  /** Their total: `amountEach × count`. */
  readonly total: Money;
  /**
   * One installment per cycle not billed, in order (as billing's
   * `installmentSchedule` lists them) with `listInstallments: true`; else `null`.
   */
  readonly installments: readonly Installment[] | null;
}

/**
 * The facts of a {@link CancellationRefund}, present whether allowed or not.
 * @category Refunds
 */
export interface CancellationRefundFacts {
  /** `'prorated_refund'` for a subscription, `'credit'` for perpetual software (as `cancellationEffects` spells it). */
  readonly settlement: Settlement;
  /** The purchase's `id`, or `null`. */
  readonly id: string | null;
  /** When the cancellation is made. */
  readonly asOf: Date;
  /** What is refunded or credited; zero when the cancellation is refused. */
  readonly refund: Money;
  /** What stays charged: `charged − refund`. */
  readonly kept: Money;
  /**
   * What was charged: for a subscription the charge of one cycle,
   * `unitPrice × quantity` rounded once with `chargeRounding`; for perpetual
   * software the order's one-time charge.
   */
  readonly charged: Money;
  /** From the cancellation decision: refused because the window closed, the whole term stays billed. */
  readonly billedInFull: boolean;
  /** Every figure of the computation; `null` when the cancellation is refused. */
  readonly computation: SubscriptionRefundComputation | PerpetualCreditComputation | null;
  /** Subscription: the later installments of the term that will not be billed; `null` for perpetual software or a refused cancellation. */
  readonly notBilled: NotBilledInstallments | null;
  /** The invoice the refund or credit lands on (the month of the cancellation); `null` when refused. */
  readonly invoice: InvoicePeriod | null;
  /** The cancellation decision this result reused. */
  readonly cancellation: CancellationDecision;
  /** The cancellation's disagreements, and `refundOptions` when Partner Center's tier differs from the forecast. */
  readonly disagreements: readonly Disagreement[];
}

/**
 * The answer of {@link cancellationRefund}: the cancellation's reasons and
 * rules, the refund rules, and {@link CancellationRefundFacts}.
 * @category Refunds
 */
export type CancellationRefund = Decision<CancellationReason, CancellationRefundFacts>;

/**
 * What a cancellation made at `asOf` gives back, as a decision that
 * reuses `evaluateCancellation`'s (same window options: `roles`, `window`,
 * `policy`, `minimumWindowDays`) and billing's charge cycles.
 *
 * **Software subscription**, cancellation allowed: a prorated refund of the
 * **current charge cycle** (the cycle containing the UTC day of
 * `asOf`). Per unit `unitPrice × refundDays / cycleDays`, where
 * `refundDays` runs from the cancellation day to the cycle's end, both
 * included (the cancellation day is refunded), and `cycleDays` is the cycle's
 * length in days (option `cycleDays: 'month_of_start'`: the calendar days of
 * the month, or year(s), the cycle starts in). Default rounding, as in
 * Microsoft's published examples: truncate each unit's refund to the
 * currency's minor unit, then multiply by the quantity; `rounding` offers
 * `half_even`/`half_up`, per unit or on the total. A cancellation on the
 * cycle's first day refunds the whole cycle charge (`method: 'whole_cycle'`);
 * with `fullRefundWithin: 'PT24H'`, so does any cancellation within 24 hours
 * of the term's opening (window `opensAt`). The refund is never negative and
 * never more than the cycle's charge (`unitPrice × quantity`, rounded once
 * with `chargeRounding`, default `half_even` as billing). The term's later
 * cycles are not billed: `notBilled` counts and totals them (and lists them
 * with `listInstallments: true`). Money is exact (bigint)
 * throughout; `computation` shows every figure.
 *
 * **Perpetual software**, cancellation allowed: a 100% credit of the order
 * (`quantity × unitPrice`), or of `quantity` of its licences. Partner
 * Center's order line items carry no price, so a line-item selection is
 * expressed as a quantity of the purchase.
 *
 * Either lands on the invoice of the month of the cancellation (`invoice`,
 * see {@link invoiceFor}). When the cancellation is refused, the result has
 * the cancellation's reasons (the same objects), a zero `refund`, `kept =
 * charged`, `billedInFull` from the decision, and `null` computation, invoice
 * and `notBilled`.
 *
 * Fast: the purchase is checked once; the decision, policies and charge cycle
 * are looked up in constant time.
 *
 * @param purchase - A software subscription or perpetual purchase.
 * @param options - `asOf`; the window options of `evaluateCancellation`; `rounding`, `cycleDays`, `fullRefundWithin`, `chargeRounding`; `quantity` (perpetual).
 * @returns The decision with the refund, what stays charged, the computation and the invoice.
 * @throws {@link core!CspRuleError} for an invalid purchase (`invalid_input`,
 *   `invalid_instant`, `invalid_quantity`, `unknown_currency`,
 *   `invalid_decimal`, ...), `invalid_billing_frequency` for a charge cycle
 *   longer than the term, `invalid_instant` for a bad `asOf`,
 *   `invalid_rounding` for a bad `rounding`/`chargeRounding`,
 *   `invalid_option` for a bad `cycleDays` (or the window options), or a
 *   `quantity` given for a subscription, `invalid_duration` for a bad
 *   `fullRefundWithin`, `invalid_quantity` for a `quantity` above the
 *   order's, `invalid_money` for a charge beyond safe integers, and the
 *   errors of `evaluateCancellation` for its options.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @see https://learn.microsoft.com/partner-center/billing/billing-basics
 * @example
 * ```ts
 * import { cancellationRefund } from 'csp-software-rules/refunds';
 *
 * // 10 licences at EUR 10.08 a month, bought July 15, cancelled July 17:
 * // 29 of the cycle's 31 days; 10.08 × 29 / 31 = 9.4296… → 9.42 per unit, × 10.
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2021-07-15T09:00:00Z', term: 'P1M', billingFrequency: 'monthly',
 *   quantity: 10, unitPrice: '10.08', currency: 'EUR',
 * } as const;
 * const r = cancellationRefund(sub, { asOf: '2021-07-17T12:00:00Z' });
 * r.allowed; // => true
 * r.refund; // => { currency: 'EUR', minor: 9420 }
 * r.kept; // => { currency: 'EUR', minor: 660 }
 * const c = r.computation?.method === 'prorated' ? r.computation : undefined;
 * [c?.cycleDays, c?.refundDays, c?.exactPerUnitFraction]; // => [31, 29, '292.32/31']
 * r.invoice?.billingPeriod; // => '2021-07'
 * const late = cancellationRefund(sub, { asOf: '2021-07-22T09:00:00Z' });
 * [late.allowed, late.refund.minor, late.billedInFull]; // => [false, 0, true]
 * cancellationRefund(sub, { asOf: '2021-07-17T12:00:00Z', cycleDays: 'weekly' as never }); // => throws invalid_option
 * ```
 * @category Refunds
 */
export function cancellationRefund(
  purchase: Purchase,
  options: CancellationRefundOptions,
): CancellationRefund {
  const checked = priced(checkPurchase(purchase), 'purchase');
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const ro = checkRefundOptions(o, asOfMs);
  // The cancellation rule, asked through its public API: its decision is reused, never recomputed.
  // Handed the check above, so the purchase is not checked twice.
  const decision = withCheckedPurchase(purchase, 'purchase', checked, () =>
    evaluateCancellation(purchase, options),
  );
  const currency = checked.currency;
  const charged: Money = {
    currency,
    minor: priceTimesQuantityMinor(
      checked.unitPrice,
      checked.quantity,
      checked.exponent,
      ro.chargeRounding,
      'purchase.unitPrice',
    ),
  };
  let quantity = ro.quantity;
  let cycleMonths: number | undefined;
  if (checked.kind === 'subscription') {
    if (quantity !== undefined) {
      failField(
        'quantity',
        'a subscription is refunded for all its licences (quantity applies to perpetual orders)',
        'invalid_option',
      );
    }
    // A term and billing frequency this version does not know are refusal reasons of the decision.
    if (checked.term !== undefined && checked.billingFrequency !== undefined) {
      cycleMonths = cycleMonthsFor(
        checked.term,
        checked.billingFrequency,
        'purchase.billingFrequency',
      );
    }
  } else {
    quantity ??= checked.quantity;
    if (quantity > checked.quantity) {
      failField(
        'quantity',
        `${quantity} is more than the order's ${checked.quantity} licences`,
        'invalid_quantity',
      );
    }
  }
  let rules: readonly RuleRef[] = decision.rules;
  let refund = 0;
  let computation: CancellationRefundFacts['computation'] = null;
  let notBilled: NotBilledInstallments | null = null;
  let invoice: InvoicePeriod | null = null;
  let disagreements = decision.disagreements;
  if (decision.allowed) {
    const applied = decision.rules.slice();
    rules = applied;
    const price = checked.unitPrice;
    const unitPrice = formatScaled(price.units, price.scale);
    const chargeRounding = ro.chargeRounding;
    if (checked.kind === 'subscription') {
      // Allowed implies a known term and billing frequency, and a window.
      const months = cycleMonths as number;
      const termMonths = knownTermMonths(checked);
      const anchorDay = epochDayOfMs(checked.purchasedMs);
      const day = epochDayOfMs(asOfMs);
      const cycle = chargeCycleAt(anchorDay, termMonths, months, day, 'asOf');
      const refundDays = cycle.endDay - day + 1;
      const cycleDays = cycleDayCount(ro.cycleDays, cycle.startDay, cycle.endDay, months);
      const p = prorate(
        price,
        checked.quantity,
        checked.exponent,
        Math.min(refundDays, cycleDays),
        cycleDays,
        ro.mode,
        ro.apply,
        charged.minor,
      );
      const withinMs = ro.fullRefundWithinMs;
      const untilMs =
        withinMs === undefined
          ? undefined
          : (decision.window as CancellationWindow).opensAt.getTime() + withinMs;
      const forecastMethod =
        untilMs !== undefined && asOfMs < untilMs
          ? 'full_refund_within'
          : refundDays >= cycleDays
            ? 'whole_cycle'
            : 'prorated';
      const forecastTier: RefundTier = forecastMethod === 'prorated' ? 'partial' : 'full';
      // Partner Center's refund option current at the cancellation decides the tier.
      const pcTier = currentRefundTier(checked.refundOptions, asOfMs);
      const tier = pcTier ?? forecastTier;
      const method = pcTier === undefined ? forecastMethod : 'partner_center_refund_option';
      if (pcTier !== undefined && pcTier !== forecastTier) {
        disagreements = [
          ...disagreements,
          { field: 'refundOptions', partnerCenter: pcTier, forecast: forecastTier },
        ];
      }
      refund = tier === 'partial' ? p.minor : charged.minor;
      const count = termMonths / months - 1 - cycle.index;
      const total = termTotal(charged.minor * count, 'purchase.unitPrice');
      applied.push(
        inForceAtMs(PRORATED_REFUND_POLICY, asOfMs).rule,
        inForceAtMs(REFUND_ROUNDING_POLICY, asOfMs).rule,
      );
      if (withinMs !== undefined) {
        applied.push(inForceAtMs(FULL_REFUND_TIER_POLICY, asOfMs).rule);
      }
      computation = {
        method,
        refundTier: {
          value: tier,
          source: pcTier === undefined ? 'forecast' : 'partner_center',
          forecast: forecastTier,
        },
        cancellationDay: formatEpochDay(day),
        cycle: {
          termIndex: cycle.termIndex,
          index: cycle.index,
          start: formatEpochDay(cycle.startDay),
          end: formatEpochDay(cycle.endDay),
        },
        cycleDays,
        cycleDayCount: ro.cycleDays,
        refundDays,
        unitPrice,
        quantity: checked.quantity,
        exactPerUnit: p.exactPerUnit,
        exactPerUnitFraction: p.exactPerUnitFraction,
        perUnit: p.perUnitMinor === undefined ? null : { currency, minor: p.perUnitMinor },
        exactTotal: p.exactTotal,
        rounding: { mode: ro.mode, apply: ro.apply },
        chargeRounding,
        capped: refundDays > cycleDays || p.capped,
        fullRefundWithin:
          untilMs === undefined
            ? null
            : { duration: ro.fullRefundWithin as string, until: new Date(untilMs) },
      };
      notBilled = {
        count,
        from: count === 0 ? null : formatEpochDay(cycle.endDay + 1),
        to: count === 0 ? null : (decision.term as TermDates).end,
        amountEach: charged,
        total: { currency, minor: total },
        installments: ro.listInstallments
          ? installmentsFrom(anchorDay, termMonths, months, cycle, cycle.index + 1, charged)
          : null,
      };
    } else {
      const credit = inForceAtMs(PERPETUAL_CREDIT_POLICY, asOfMs);
      const percent = credit.value.percent;
      const exact = price.units * BigInt(quantity as number) * BigInt(percent); // over 10^scale × 100
      const den = pow10(price.scale) * 100n;
      refund = Number(roundQuotient(exact * pow10(checked.exponent), den, chargeRounding));
      applied.push(credit.rule);
      computation = {
        method: 'credit',
        percent,
        unitPrice,
        quantity: quantity as number,
        orderQuantity: checked.quantity,
        exactTotal: quotientText(exact, den, EXACT_DIGITS),
        chargeRounding,
      };
    }
    applied.push(inForceAtMs(INVOICE_PERIOD_POLICY, asOfMs).rule);
    invoice = invoiceAtMs(asOfMs);
  }
  // One literal, not `decide`'s spread (hot path); `allowed` as the decision's.
  return {
    allowed: decision.allowed,
    reasons: decision.reasons,
    rules,
    settlement: checked.kind === 'subscription' ? 'prorated_refund' : 'credit',
    id: decision.id,
    asOf: decision.asOf,
    refund: { currency, minor: refund },
    kept: { currency, minor: charged.minor - refund },
    charged,
    billedInFull: decision.billedInFull,
    computation,
    notBilled,
    invoice,
    cancellation: decision,
    disagreements,
  };
}

/**
 * The tier of the refund option current at `asOfMs` (`expiresAt` after it):
 * `full` before `partial` when both are; `undefined` when none is current.
 */
function currentRefundTier(
  options: readonly CheckedRefundOption[] | undefined,
  asOfMs: number,
): RefundTier | undefined {
  if (options === undefined) return undefined;
  let tier: RefundTier | undefined;
  for (const o of options) {
    if (o.type === undefined || o.expiresMs === undefined || asOfMs >= o.expiresMs) continue;
    if (o.type === 'full') return 'full';
    tier = 'partial';
  }
  return tier;
}
