/**
 * Partner Center's enum spellings and how they map to the library's values
 *. Microsoft adds values over time: a value not in these tables
 * maps to the `{ unknown: '<raw>' }` variant, never to an error or a guess.
 * @module
 */
import type {
  BillingFrequency,
  PerpetualStatus,
  SubscriptionStatus,
  Term,
  UnknownValue,
} from '../core/index.js';
import { upfrontFrequency } from '../core/index.js';
import { fail } from '../core/internal.js';

function text(raw: unknown, field: string): string {
  if (typeof raw !== 'string') fail('invalid_input', field, `${field}: expected a string`);
  return raw;
}

/**
 * Partner Center subscription `status` → ours. Keys are normalised: lower
 * case, with spaces, `_` and `-` removed, so `Active`, `ACTIVE` and ` active `
 * all match. `deleted` (what Partner Center shows for a cancelled
 * subscription) stays `deleted`; `cancelled`/`canceled` map to `cancelled`.
 * Any other value becomes `{ unknown: '<raw>' }`.
 *
 * | Partner Center | ours |
 * |---|---|
 * | `active` | `active` |
 * | `pending` | `pending` |
 * | `suspended` | `suspended` |
 * | `disabled` | `disabled` |
 * | `expired` | `expired` |
 * | `deleted` | `deleted` |
 * | `cancelled`, `canceled` | `cancelled` |
 *
 * @example
 * ```ts
 * import { PARTNER_CENTER_SUBSCRIPTION_STATUSES } from 'csp-software-rules/schemas';
 *
 * PARTNER_CENTER_SUBSCRIPTION_STATUSES.deleted; // => 'deleted'
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export const PARTNER_CENTER_SUBSCRIPTION_STATUSES = {
  /** In use. */
  active: 'active',
  /** Being provisioned. */
  pending: 'pending',
  /** Suspended (e.g. for non-payment); still in its term. */
  suspended: 'suspended',
  /** Disabled. */
  disabled: 'disabled',
  /** Ended at term end without renewing. */
  expired: 'expired',
  /** What Partner Center shows once a subscription is cancelled: kept as `deleted`. */
  deleted: 'deleted',
  /** Cancelled (British spelling). */
  cancelled: 'cancelled',
  /** Cancelled (American spelling). */
  canceled: 'cancelled',
} as const satisfies Readonly<Record<string, SubscriptionStatus>>;

/**
 * Partner Center `billingCycle` → our billing frequency. Keys are normalised
 * as for {@link PARTNER_CENTER_SUBSCRIPTION_STATUSES} (`Triennial`,
 * `one_time`, `OneTime` all match). `none` and `oneTime`/`one_time` on a
 * **subscription** mean one charge for the whole term ("upfront" billing is
 * one cycle for the term), so they map to the frequency equal to the term
 * (`triennial` for P3Y, `annual` for P1Y, `monthly` for P1M); with a term
 * this version does not know, to `{ unknown: '<raw>' }`. Any other value
 * becomes `{ unknown: '<raw>' }`.
 *
 * | Partner Center | ours |
 * |---|---|
 * | `monthly` | `monthly` |
 * | `annual` | `annual` |
 * | `triennial` | `triennial` |
 * | `none`, `oneTime`, `one_time` | `'upfront'`: the term's own frequency |
 *
 * @example
 * ```ts
 * import { PARTNER_CENTER_BILLING_CYCLES } from 'csp-software-rules/schemas';
 *
 * PARTNER_CENTER_BILLING_CYCLES.onetime; // => 'upfront'
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export const PARTNER_CENTER_BILLING_CYCLES = {
  /** Charged every month. */
  monthly: 'monthly',
  /** Charged every year. */
  annual: 'annual',
  /** Charged every three years (`Triennial` in some responses). */
  triennial: 'triennial',
  /** No recurring charge: one charge for the term (the term's own frequency). */
  none: 'upfront',
  /** `oneTime` / `one_time`: one charge for the term (the term's own frequency). */
  onetime: 'upfront',
} as const satisfies Readonly<Record<string, BillingFrequency | 'upfront'>>;

/**
 * Partner Center `termDuration` → our term. Keys are upper case (input is
 * trimmed and upper-cased). `P12M` and `P36M`, the same durations written in
 * months, are read as `P1Y` and `P3Y`. Any other value becomes `{ unknown: '<raw>' }`.
 *
 * @example
 * ```ts
 * import { PARTNER_CENTER_TERMS } from 'csp-software-rules/schemas';
 *
 * PARTNER_CENTER_TERMS.P36M; // => 'P3Y'
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export const PARTNER_CENTER_TERMS = {
  /** One month. */
  P1M: 'P1M',
  /** One year. */
  P1Y: 'P1Y',
  /** Twelve months: one year. */
  P12M: 'P1Y',
  /** Three years. */
  P3Y: 'P3Y',
  /** Thirty-six months: three years. */
  P36M: 'P3Y',
} as const satisfies Readonly<Record<string, Term>>;

/**
 * Partner Center order (and order line item) `status` → ours, keys
 * normalised as for {@link PARTNER_CENTER_SUBSCRIPTION_STATUSES}. Any other
 * value becomes `{ unknown: '<raw>' }`.
 *
 * @example
 * ```ts
 * import { PARTNER_CENTER_ORDER_STATUSES } from 'csp-software-rules/schemas';
 *
 * PARTNER_CENTER_ORDER_STATUSES.canceled; // => 'cancelled'
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/cancel-software-purchases
 * @category Partner Center
 */
export const PARTNER_CENTER_ORDER_STATUSES = {
  /** Placed and fulfilled (also after some of its line items were cancelled). */
  completed: 'completed',
  /** Every line item cancelled (British spelling). */
  cancelled: 'cancelled',
  /** Every line item cancelled (American spelling). */
  canceled: 'cancelled',
} as const satisfies Readonly<Record<string, PerpetualStatus>>;

/**
 * Partner Center `refundOptions[].type` → ours (`Full`, `Partial`, any case).
 * Any other value becomes `{ unknown: '<raw>' }`.
 *
 * @example
 * ```ts
 * import { PARTNER_CENTER_REFUND_TYPES } from 'csp-software-rules/schemas';
 *
 * PARTNER_CENTER_REFUND_TYPES.full; // => 'full'
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export const PARTNER_CENTER_REFUND_TYPES = {
  /** A full refund (`Full`). */
  full: 'full',
  /** A prorated refund (`Partial`). */
  partial: 'partial',
} as const satisfies Readonly<Record<string, 'full' | 'partial'>>;

const SEPARATORS = /[\s_-]+/g;

/** @internal Normalised enum key: lower case, without spaces, `_` or `-`. */
export function enumKey(raw: string): string {
  return raw.toLowerCase().replace(SEPARATORS, '');
}

/** @internal `table[key]` when `key` is the table's own key (never `constructor`, `__proto__`...). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Our subscription status for Partner Center's `status` (see the table of
 * {@link PARTNER_CENTER_SUBSCRIPTION_STATUSES}).
 *
 * @param raw - The status as Partner Center wrote it.
 * @returns The status, or `{ unknown: raw }` for a value this version does not know.
 * @throws {@link core!CspRuleError} `invalid_input` when `raw` is not a string.
 * @example
 * ```ts
 * import { subscriptionStatusFromPartnerCenter } from 'csp-software-rules/schemas';
 *
 * subscriptionStatusFromPartnerCenter('Suspended'); // => 'suspended'
 * subscriptionStatusFromPartnerCenter('transferring'); // => { unknown: 'transferring' }
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export function subscriptionStatusFromPartnerCenter(
  raw: string,
): SubscriptionStatus | UnknownValue {
  const value = text(raw, 'status');
  return lookup(PARTNER_CENTER_SUBSCRIPTION_STATUSES, enumKey(value)) ?? { unknown: value };
}

/**
 * Our term for Partner Center's `termDuration` (see {@link PARTNER_CENTER_TERMS}).
 *
 * @param raw - The term as Partner Center wrote it.
 * @returns The term, or `{ unknown: raw }`.
 * @throws {@link core!CspRuleError} `invalid_input` when `raw` is not a string.
 * @example
 * ```ts
 * import { termFromPartnerCenter } from 'csp-software-rules/schemas';
 *
 * termFromPartnerCenter('p3y'); // => 'P3Y'
 * termFromPartnerCenter('P5Y'); // => { unknown: 'P5Y' }
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export function termFromPartnerCenter(raw: string): Term | UnknownValue {
  const value = text(raw, 'termDuration');
  return lookup(PARTNER_CENTER_TERMS, value.trim().toUpperCase()) ?? { unknown: value };
}

/**
 * Our billing frequency for Partner Center's `billingCycle` on a
 * subscription of `term` (see {@link PARTNER_CENTER_BILLING_CYCLES}: `none`
 * and `oneTime` give the term's upfront frequency).
 *
 * @param raw - The billing cycle as Partner Center wrote it.
 * @param term - The subscription's term (or unknown term).
 * @returns The frequency, or `{ unknown: raw }`.
 * @throws {@link core!CspRuleError} `invalid_input` when `raw` is not a string;
 *   `invalid_term` for a `term` string that is not a term.
 * @example
 * ```ts
 * import { billingFrequencyFromPartnerCenter } from 'csp-software-rules/schemas';
 *
 * billingFrequencyFromPartnerCenter('Triennial', 'P3Y'); // => 'triennial'
 * billingFrequencyFromPartnerCenter('one_time', 'P1Y'); // => 'annual'
 * billingFrequencyFromPartnerCenter('none', { unknown: 'P5Y' }); // => { unknown: 'none' }
 * billingFrequencyFromPartnerCenter('quarterly', 'P1Y'); // => { unknown: 'quarterly' }
 * ```
 * @see https://learn.microsoft.com/partner-center/developer/subscription-resources
 * @category Partner Center
 */
export function billingFrequencyFromPartnerCenter(
  raw: string,
  term: Term | UnknownValue,
): BillingFrequency | UnknownValue {
  const value = text(raw, 'billingCycle');
  const mapped = lookup(PARTNER_CENTER_BILLING_CYCLES, enumKey(value));
  if (mapped === undefined) return { unknown: value };
  if (mapped !== 'upfront') return mapped;
  return typeof term === 'string' ? upfrontFrequency(term) : { unknown: value };
}
