/**
 * What a confirmed cancellation sets in motion.
 * @module
 */
import type { Decision, InstantInput, Purchase } from '../core/index.js';
import { asRecord, checkPurchase, decision, inForceAtMs, toInstantMs } from '../core/internal.js';
import { CANCELLATION_EFFECTS_POLICY } from './policy.js';

/**
 * How a cancellation gives money back: `'credit'` for perpetual software (a
 * credit of the cancelled order), `'prorated_refund'` for a subscription (the
 * current charge cycle, prorated). The same spelling as a refund's
 * `settlement` (`csp-software-rules/refunds`).
 * @category Cancellation
 */
export type Settlement = 'credit' | 'prorated_refund';

/**
 * `asOf` is before the purchase: nothing had been bought to cancel yet.
 * @category Reasons
 */
export interface NotStartedReason {
  /** Stable code. */
  readonly code: 'not_started';
  /** The purchase instant. */
  readonly purchasedAt: Date;
}

/**
 * What follows a confirmed cancellation, present whether or not it could happen.
 * @category Cancellation
 */
export interface CancellationEffectsFacts {
  /** Which kind of purchase. */
  readonly kind: 'subscription' | 'perpetual';
  /** The purchase's `id`, or `null`. */
  readonly id: string | null;
  /** When the cancellation was confirmed. */
  readonly asOf: Date;
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
  /** Credit (perpetual) or prorated refund (subscription); amounts come from `cancellationRefund` (`./refunds`). */
  readonly settlement: Settlement;
  /** Perpetual software: the percentage of the order credited (100); `null` for a prorated refund. */
  readonly creditPercent: number | null;
  /** Where the money appears: the next monthly invoice (the invoice of the month of the cancellation, our reading). */
  readonly appearsOn: 'next_monthly_invoice';
  /** Whether the term's future charge cycles are still billed (never). */
  readonly futureChargeCyclesBilled: boolean;
  /** The cancellation can take up to 15 minutes to appear in Partner Center: `asOf` + 15 min. */
  readonly visibleInPartnerCenterBy: Date;
}

/**
 * The answer of {@link cancellationEffects}: `allowed` is `false` only when
 * `asOf` is before the purchase (reason `not_started`).
 * @category Cancellation
 */
export type CancellationEffects = Decision<NotStartedReason, CancellationEffectsFacts>;

/**
 * Options of {@link cancellationEffects}.
 * @category Cancellation
 */
export interface CancellationEffectsOptions {
  /** When the cancellation was confirmed (not before the purchase). */
  readonly asOf: InstantInput;
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
 * `evaluateCancellation`'s question. The one reason is `not_started`: `asOf`
 * is before the purchase (the effects are still listed).
 *
 * @param purchase - The cancelled subscription or perpetual purchase.
 * @param options - `asOf`: when the cancellation was confirmed.
 * @returns `{ allowed, reasons, rules, ...effects }`.
 * @throws {@link core!CspRuleError} for an invalid purchase, `invalid_instant`
 *   for a bad `asOf`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { cancellationEffects } from 'csp-software-rules/cancellation';
 *
 * const order = {
 *   kind: 'perpetual', purchasedAt: '2022-05-02T08:00:00Z', productName: 'SQL Server 2019 Standard',
 *   orderId: 'ord-42', quantity: 2, unitPrice: '899.00', currency: 'USD',
 * } as const;
 * const e = cancellationEffects(order, { asOf: '2022-05-20T16:50:00Z' });
 * [e.keysRevoked, e.listedOnSoftwarePage, e.activationKeyAvailable]; // => [true, true, false]
 * [e.allowed, e.settlement, e.creditPercent]; // => [true, 'credit', 100]
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
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const { value, rule } = inForceAtMs(CANCELLATION_EFFECTS_POLICY, asOfMs);
  const perpetual = checked.kind === 'perpetual';
  const reasons: NotStartedReason[] =
    asOfMs < checked.purchasedMs
      ? [{ code: 'not_started', purchasedAt: new Date(checked.purchasedMs) }]
      : [];
  return decision(reasons, [rule], {
    kind: checked.kind,
    id: checked.id ?? null,
    asOf: new Date(asOfMs),
    keysRevoked: true,
    downloadLinksRevoked: true,
    listedOnSoftwarePage: true,
    activationKeyAvailable: false,
    mustStopUsing: true,
    mustUninstall: true,
    settlement: perpetual ? 'credit' : 'prorated_refund',
    creditPercent: perpetual ? value.perpetualCreditPercent : null,
    appearsOn: 'next_monthly_invoice',
    futureChargeCyclesBilled: false,
    visibleInPartnerCenterBy: new Date(asOfMs + value.visibilityDelayMinutes * 60_000),
  });
}
