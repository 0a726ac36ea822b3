/**
 * What a confirmed cancellation sets in motion (brief §5, §6).
 * @module
 */
import type { InstantInput, Purchase, RuleRef } from '../core/index.js';
import { asRecord, checkPurchase, failField, toInstantMs } from '../core/internal.js';
import { CANCELLATION_EFFECTS_POLICY } from './policy.js';
import { inForceAt } from './resolve.js';

/**
 * The money side of a cancellation. Amounts are computed by `./refunds`
 * (`csp-software-rules/refunds`), which reuses the cancellation decision.
 * @category Cancellation
 */
export interface CancellationSettlement {
  /**
   * `'credit'` for perpetual software (a credit of the cancelled order);
   * `'prorated-refund'` for a subscription (the current charge cycle, prorated).
   */
  readonly kind: 'credit' | 'prorated-refund';
  /** Perpetual software: the percentage of the order credited (100); `null` for a prorated refund. */
  readonly percent: number | null;
  /** Where it appears: the next monthly invoice (the invoice of the month of the cancellation, our reading). */
  readonly appearsOn: 'next-monthly-invoice';
  /** Whether the term's future charge cycles are still billed (never). */
  readonly futureChargeCyclesBilled: boolean;
  /** The module that computes the amount. */
  readonly computeWith: 'csp-software-rules/refunds';
}

/**
 * What follows a confirmed cancellation.
 * @category Cancellation
 */
export interface CancellationEffects {
  /** Which kind of purchase. */
  readonly kind: 'subscription' | 'perpetual';
  /** The purchase's `id`, or `null`. */
  readonly id: string | null;
  /** When the cancellation was confirmed. */
  readonly cancelledAt: Date;
  /** All related software keys are revoked: neither partner nor customer can use them. */
  readonly keysRevoked: boolean;
  /** All related download links are revoked. */
  readonly downloadLinksRevoked: boolean;
  /** The item still shows on the customer's Software page... */
  readonly listedOnSoftwarePage: boolean;
  /** ...but without an activation key. */
  readonly activationKeyAvailable: boolean;
  /** Partner and customer must stop using the cancelled software. */
  readonly mustStopUsing: boolean;
  /** They must uninstall it and remove related downloads and links. */
  readonly mustUninstall: boolean;
  /** Credit (perpetual) or prorated refund (subscription). */
  readonly settlement: CancellationSettlement;
  /** The cancellation can take up to 15 minutes to appear in Partner Center: `cancelledAt` + 15 min. */
  readonly visibleInPartnerCenterBy: Date;
  /** The rules applied. */
  readonly rules: readonly RuleRef[];
}

/**
 * Options of {@link cancellationEffects}.
 * @category Cancellation
 */
export interface CancellationEffectsOptions {
  /** When the cancellation was confirmed (not before the purchase). */
  readonly cancelledAt: InstantInput;
}

/**
 * What a confirmed cancellation sets in motion: all related keys and
 * download links are revoked; the item still shows on the customer's
 * Software page, without an activation key; partner and customer must stop
 * using and uninstall the software; perpetual software is credited 100% on
 * the next monthly invoice, a subscription gets a prorated refund of the
 * current charge cycle (amounts: `./refunds`); and the cancellation can take
 * up to 15 minutes to appear in Partner Center. Microsoft states these under
 * perpetual software; applying them to subscriptions too is our reading.
 *
 * This describes the consequences; whether the cancellation is allowed is
 * `evaluateCancellation`'s question.
 *
 * @param purchase - The cancelled subscription or perpetual purchase.
 * @param options - `cancelledAt`: when the cancellation was confirmed.
 * @returns The effects.
 * @throws {@link core!CspRuleError} for an invalid purchase, `invalid_instant`
 *   for a bad `cancelledAt`, `invalid_range` when `cancelledAt` is before the purchase.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { cancellationEffects } from 'csp-software-rules/cancellation';
 *
 * const order = {
 *   kind: 'perpetual', purchasedAt: '2022-05-02T08:00:00Z', productName: 'SQL Server 2019 Standard',
 *   orderId: 'ord-42', quantity: 2, unitPrice: '899.00', currency: 'USD',
 * } as const;
 * const e = cancellationEffects(order, { cancelledAt: '2022-05-20T16:50:00Z' });
 * [e.keysRevoked, e.listedOnSoftwarePage, e.activationKeyAvailable]; // => [true, true, false]
 * e.settlement.kind; // => 'credit'
 * e.settlement.percent; // => 100
 * e.visibleInPartnerCenterBy.toISOString(); // => '2022-05-20T17:05:00.000Z'
 * ```
 * @category Cancellation
 */
export function cancellationEffects(
  purchase: Purchase,
  options: CancellationEffectsOptions,
): CancellationEffects {
  const checked = checkPurchase(purchase);
  const o = asRecord(options, 'options');
  const cancelledMs = toInstantMs(o['cancelledAt'], 'cancelledAt');
  if (cancelledMs < checked.purchasedMs)
    failField('cancelledAt', 'before the purchase', 'invalid_range');
  const { value, rule } = inForceAt(CANCELLATION_EFFECTS_POLICY, cancelledMs);
  const perpetual = checked.kind === 'perpetual';
  return {
    kind: checked.kind,
    id: checked.id ?? null,
    cancelledAt: new Date(cancelledMs),
    keysRevoked: true,
    downloadLinksRevoked: true,
    listedOnSoftwarePage: true,
    activationKeyAvailable: false,
    mustStopUsing: true,
    mustUninstall: true,
    settlement: {
      kind: perpetual ? 'credit' : 'prorated-refund',
      percent: perpetual ? value.perpetualCreditPercent : null,
      appearsOn: 'next-monthly-invoice',
      futureChargeCyclesBilled: false,
      computeWith: 'csp-software-rules/refunds',
    },
    visibleInPartnerCenterBy: new Date(cancelledMs + value.visibilityDelayMinutes * 60_000),
    rules: [rule],
  };
}
