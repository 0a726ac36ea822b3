/**
 * Switching autorenew on the customer's Subscriptions page.
 * @module
 */
import type { MissingRoleReason } from '../access/index.js';
import type {
  Decision,
  InstantInput,
  RuleRef,
  SoftwareSubscription,
  UnknownValueReason,
} from '../core/index.js';
import {
  authorizeBuiltIn,
  checkSubscription,
  decision,
  fail,
  formatEpochDay,
  formatTerm,
  knownTermMonths,
  lifecycleAt,
  type TermDates,
  toInstantMs,
  unknownValueReasons,
} from '../core/internal.js';

/**
 * Why autorenew cannot be switched.
 * @category Lifecycle
 */
export type AutoRenewToggleReason =
  | UnknownValueReason
  | {
      /** Bought before 2021-10-14: not on the Subscriptions page, where autorenew is switched. */
      readonly code: 'not_on_subscriptions_page';
      /** The purchase day. */
      readonly purchasedOn: string;
    }
  | {
      /** The subscription was cancelled. */
      readonly code: 'already_cancelled';
    }
  | {
      /** The subscription has expired. */
      readonly code: 'expired';
    }
  | MissingRoleReason;

/**
 * The facts of an {@link AutoRenewToggleDecision}.
 * @category Lifecycle
 */
export interface AutoRenewToggleFacts {
  /** Autorenew now (the setting, or the purchase-date default). */
  readonly autoRenew: boolean;
  /** The setting asked for. */
  readonly to: boolean;
  /** The current term, when the term is known. */
  readonly currentTerm: TermDates | undefined;
  /** What the switch changes at the end of the current term: renewal on `renewsOn`, or expiry after `end`. */
  readonly atTermEnd: 'renews' | 'expires' | undefined;
}

/**
 * The answer of {@link autoRenewToggle}.
 * @category Lifecycle
 */
export type AutoRenewToggleDecision = Decision<AutoRenewToggleReason, AutoRenewToggleFacts>;

/** Options of {@link autoRenewToggle}. @category Lifecycle */
export interface AutoRenewToggleOptions {
  /** When the switch would be made. */
  readonly asOf: InstantInput;
  /** The user's roles; when given, `toggleAutoRenew` needs Admin agent. */
  readonly roles?: readonly string[];
  /** The setting wanted; omitted = the opposite of the current one. */
  readonly to?: boolean;
}

/**
 * May autorenew be switched on this subscription now? Autorenew is switched
 * on the customer's Subscriptions page, by an Admin agent. A subscription
 * bought before 2021-10-14 is not on that page (our reading: it cannot be
 * toggled there); a cancelled or expired one has nothing left to renew. Every
 * failing reason is listed.
 *
 * @param subscription - A software subscription.
 * @param options - `asOf`, optional `roles` and the wanted setting `to`.
 * @returns The decision, with the current setting and what changes at term end.
 * @throws {@link core!CspRuleError} for an invalid subscription or `asOf`; `invalid_input` for a non-boolean `to`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { autoRenewToggle } from 'csp-software-rules/lifecycle';
 *
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2022-03-01T09:00:00Z', term: 'P1Y', billingFrequency: 'annual',
 *   quantity: 2, unitPrice: '500', currency: 'USD',
 * } as const;
 * const d = autoRenewToggle(sub, { asOf: '2022-06-01', roles: ['Admin agent'] });
 * d.allowed; // => true
 * [d.autoRenew, d.to, d.atTermEnd]; // => [true, false, 'expires']
 * const legacy = autoRenewToggle({ ...sub, purchasedAt: '2021-03-01' }, { asOf: '2021-06-01', roles: ['Sales agent'] });
 * legacy.reasons.map((r) => r.code); // => ['not_on_subscriptions_page', 'missing_role']
 * ```
 * @category Lifecycle
 */
export function autoRenewToggle(
  subscription: SoftwareSubscription,
  options: AutoRenewToggleOptions,
): AutoRenewToggleDecision {
  const sub = checkSubscription(subscription);
  const asOfMs = toInstantMs(options?.asOf, 'asOf');
  if (options.to !== undefined && typeof options.to !== 'boolean') {
    fail('invalid_input', 'to', 'to: expected true or false');
  }
  const reasons: AutoRenewToggleReason[] = unknownValueReasons(sub.unknownFields);
  const rules: RuleRef[] = [];
  let autoRenew = sub.autoRenew ?? false;
  let currentTerm: TermDates | undefined;
  if (sub.term !== undefined) {
    const months = knownTermMonths(sub);
    const life = lifecycleAt(sub, months, asOfMs);
    rules.push(life.rule);
    autoRenew = life.autoRenew;
    currentTerm = formatTerm(life.term.anchorDay, months, life.term.index);
    if (life.legacy) {
      reasons.push({
        code: 'not_on_subscriptions_page',
        purchasedOn: formatEpochDay(life.term.anchorDay),
      });
    }
    if (life.state === 'cancelled') reasons.push({ code: 'already_cancelled' });
    else if (life.state === 'expired') reasons.push({ code: 'expired' });
  }
  const to = options.to ?? !autoRenew;
  const atTermEnd: AutoRenewToggleFacts['atTermEnd'] =
    currentTerm === undefined ? undefined : to ? 'renews' : 'expires';
  if (options.roles !== undefined) {
    const auth = authorizeBuiltIn('toggleAutoRenew', options.roles);
    rules.push(...auth.rules);
    reasons.push(...auth.reasons);
  }
  return decision(reasons, rules, { autoRenew, to, currentTerm, atTermEnd });
}
