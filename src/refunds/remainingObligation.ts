/**
 * What a subscription still owes to the end of its term.
 * @module
 */
import type { Installment } from '../billing/index.js';
import type {
  CancellationDecision,
  CancellationReason,
  CancellationWindow,
  EvaluateCancellationOptions,
} from '../cancellation/index.js';
import { evaluateCancellation } from '../cancellation/index.js';
import type { Decision, Money, SoftwareSubscription } from '../core/index.js';
import {
  asRecord,
  chargeCycleAt,
  checkSubscription,
  cycleMonthsFor,
  epochDayOfMs,
  failField,
  knownTermMonths,
  decision as outcome,
  priced,
  priceTimesQuantityMinor,
  toInstantMs,
} from '../core/internal.js';
import type { TermDates } from '../lifecycle/index.js';
import { type ChargeRoundingOption, chargeRoundingOf } from './options.js';
import { installmentsFrom, termTotal } from './prorate.js';

/**
 * Options of {@link remainingObligation}: the instant asked about, the
 * cancellation window options of `evaluateCancellation`, and the rounding of
 * each installment.
 * @category Refunds
 */
export interface RemainingObligationOptions
  extends EvaluateCancellationOptions,
    ChargeRoundingOption {}

/**
 * What a subscription still owes at `asOf`, present whether or not it may
 * still be cancelled.
 * @category Refunds
 */
export interface RemainingObligationFacts {
  /** The subscription's `id`, or `null`. */
  readonly id: string | null;
  /** The instant asked about. */
  readonly asOf: Date;
  /**
   * `'in_term'`; `'not_started'` (`asOf` is before the purchase: nothing is
   * billed yet); `'cancelled'` (status `cancelled`/`deleted`: nothing more is
   * billed); `'expired'` (past its last term, or status `expired`: nothing
   * more is billed).
   */
  readonly state: 'not_started' | 'in_term' | 'expired' | 'cancelled';
  /** The term current at `asOf` (once expired, the last term). */
  readonly term: TermDates | null;
  /** The term's cancellation window (from the cancellation decision). */
  readonly window: CancellationWindow | null;
  /** Whether `asOf` is inside that window (`opensAt ≤ asOf < closesAt`): the obligation is not final yet. */
  readonly windowOpen: boolean;
  /** From the cancellation decision: the window has closed, the whole term is billed on any billing plan. */
  readonly billedInFull: boolean;
  /** The charge cycle containing `asOf`'s UTC day, billed on its first day; `null` unless `in_term`. */
  readonly currentCycle: Installment | null;
  /** The cycles after it to the end of the term: the installments still to be billed (empty unless `in_term`). */
  readonly installments: readonly Installment[];
  /** Their total: what is still owed beyond the current cycle. */
  readonly remaining: Money;
  /** What the whole term costs: one installment per cycle. */
  readonly termTotal: Money;
  /** The cancellation decision at `asOf` this result reused. */
  readonly cancellation: CancellationDecision;
}

/**
 * The answer of {@link remainingObligation}: `allowed` is whether the
 * subscription may still be cancelled at `asOf` (the obligation is not final
 * yet), with the cancellation decision's reasons and rules when it may not.
 * @category Refunds
 */
export type RemainingObligation = Decision<CancellationReason, RemainingObligationFacts>;

/**
 * The installments a software subscription still has to pay to the end of
 * its current term. After the cancellation window has closed the partner is
 * billed for the whole term, on any billing plan, even if the customer stops
 * paying or using it: that obligation is the charge cycles that start after
 * the cycle containing `asOf`'s UTC day (the current cycle was billed on its
 * first day). Each installment is `unitPrice × quantity` (rounded once with
 * `chargeRounding`, default `half_even` as billing). A renewal is a new term
 * with its own window and is not counted.
 *
 * Before the window closes the same installments are listed, with
 * `windowOpen: true` (and `allowed` when nothing else forbids cancelling):
 * the obligation is not final yet. A cancelled or expired subscription owes
 * nothing more, nor one asked about before its purchase (`not_started`). The
 * window comes from the cancellation decision, never recomputed; the cycles
 * from billing.
 *
 * @param subscription - A software subscription.
 * @param options - `asOf`; the window options of `evaluateCancellation`; `chargeRounding`.
 * @returns `{ allowed, reasons, rules, ... }`: the current cycle, the installments still to be billed, their total, and where the window stands.
 * @throws {@link core!CspRuleError} for an invalid subscription (`invalid_input`,
 *   `invalid_instant`, ...), `invalid_term`/`invalid_billing_frequency` for a
 *   term or billing frequency this version does not know or a cycle longer
 *   than the term, `invalid_instant` for a bad `asOf`, `invalid_rounding` for a bad
 *   `chargeRounding`, `invalid_money` for an amount beyond safe integers, and
 *   the errors of `evaluateCancellation` for its options.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { remainingObligation } from 'csp-software-rules/refunds';
 *
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2023-03-10T08:00:00Z', term: 'P1Y', billingFrequency: 'monthly',
 *   quantity: 4, unitPrice: '25.00', currency: 'USD',
 * } as const;
 * const open = remainingObligation(sub, { asOf: '2023-03-12T00:00:00Z' });
 * [open.windowOpen, open.allowed, open.installments.length]; // => [true, true, 11]
 * const firm = remainingObligation(sub, { asOf: '2023-06-20T00:00:00Z' });
 * firm.currentCycle; // => { index: 3, start: '2023-06-10', end: '2023-07-09', amount: { currency: 'USD', minor: 10000 } }
 * [firm.windowOpen, firm.billedInFull, firm.installments[0]?.start]; // => [false, true, '2023-07-10']
 * firm.remaining; // => { currency: 'USD', minor: 80000 }
 * remainingObligation(sub, { asOf: '2023-03-01' }).state; // => 'not_started'
 * ```
 * @category Refunds
 */
export function remainingObligation(
  subscription: SoftwareSubscription,
  options: RemainingObligationOptions,
): RemainingObligation {
  const checked = priced(checkSubscription(subscription), 'subscription');
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const chargeRounding = chargeRoundingOf(o);
  const termMonths = knownTermMonths(checked);
  const frequency = checked.billingFrequency;
  if (frequency === undefined) {
    failField(
      'subscription.billingFrequency',
      'not a billing frequency this version knows',
      'invalid_billing_frequency',
    );
  }
  const cycleMonths = cycleMonthsFor(
    checked.term as NonNullable<typeof checked.term>,
    frequency,
    'subscription.billingFrequency',
  );
  // The cancellation rule, asked through its public API: its decision is reused, never recomputed.
  const decision = evaluateCancellation(subscription, options);
  const each = priceTimesQuantityMinor(
    checked.unitPrice,
    checked.quantity,
    checked.exponent,
    chargeRounding,
    'subscription.unitPrice',
  );
  const currency = checked.currency;
  let state: RemainingObligationFacts['state'] =
    asOfMs < checked.purchasedMs ? 'not_started' : 'in_term';
  for (const r of decision.reasons) {
    if (r.code === 'already_cancelled') state = 'cancelled';
    else if (r.code === 'expired' && state === 'in_term') state = 'expired';
  }
  const window = decision.window;
  let installments: Installment[] = [];
  if (state === 'in_term') {
    const anchorDay = epochDayOfMs(checked.purchasedMs);
    const cycle = chargeCycleAt(anchorDay, termMonths, cycleMonths, epochDayOfMs(asOfMs), 'asOf');
    installments = installmentsFrom(anchorDay, termMonths, cycleMonths, cycle, cycle.index, {
      currency,
      minor: each,
    });
  }
  // The first installment is the current cycle's.
  const currentCycle = installments.shift() ?? null;
  const termTotalMinor = termTotal(each * (termMonths / cycleMonths), 'subscription.unitPrice');
  return outcome(decision.reasons, decision.rules, {
    id: decision.id,
    asOf: decision.asOf,
    state,
    term: decision.term,
    window,
    windowOpen:
      window !== null && window.opensAt.getTime() <= asOfMs && asOfMs < window.closesAt.getTime(),
    billedInFull: decision.billedInFull,
    currentCycle,
    installments,
    remaining: { currency, minor: each * installments.length },
    termTotal: { currency, minor: termTotalMinor },
    cancellation: decision,
  });
}
