/**
 * Changing a software subscription's billing frequency: from the next term
 * only.
 * @module
 */
import type { MissingRoleReason } from '../access/index.js';
import type { UnknownValueReason } from '../core/index.js';
import {
  type BillingFrequency,
  type CalendarDay,
  type DatedPolicy,
  type Decision,
  type InstantInput,
  type NextStep,
  parseBillingFrequency,
  type RuleRef,
  type SoftwareSubscription,
  type Term,
} from '../core/index.js';
import {
  addMonthsToEpochDay,
  asRecord,
  authorizeBuiltIn,
  checkSubscription,
  decision,
  fail,
  formatEpochDay,
  formatTerm,
  inForceAtMs,
  lifecycleAt,
  MS_PER_DAY,
  monthsOfTerm,
  renewalTermOf,
  shapedTerm,
  subscriptionPatch,
  toInstantMs,
  unknownValueReasons,
} from '../core/internal.js';
import type { TermDates } from '../lifecycle/index.js';
import {
  checkOffered,
  type FrequencyNotEligibleReason,
  frequenciesByRule,
  frequencyReasons,
  type NotOfferedInCatalogReason,
  planRuleAtMs,
  withinOffered,
} from './eligibility.js';
import { type BillingPlanRule, FREQUENCY_CHANGE_POLICY } from './policy.js';

/** The most days Partner Center's term end may differ from ours and still be read as the same calendar: two month ends differ by up to 3 (31st against 28th). */
const MAX_END_CORRECTION_DAYS = 3;

/**
 * Options of {@link billingFrequencyChange}.
 * @category Billing
 */
export interface BillingFrequencyChangeOptions {
  /** The instant the change is requested. */
  readonly asOf: InstantInput;
  /** The requesting user's roles; when given, `setBillingFrequency` needs Admin agent (see `./access`). */
  readonly roles?: readonly string[];
  /** The plans the catalog offers for the SKU at renewal; when given, the target must be among them. */
  readonly offered?: readonly BillingFrequency[];
  /** Your own dated billing plan policy; omitted = {@link BILLING_PLAN_POLICY}. */
  readonly policy?: DatedPolicy<BillingPlanRule>;
}

/**
 * The subscription has no next term to change:
 * - `cancelled`: status `cancelled` or `deleted`;
 * - `expired`: it has expired (status `expired`, or past its last term);
 * - `legacy_purchase`: bought before 2021-10-14, it expires on the end date set at purchase;
 * - `auto_renew_off`: autorenew is off, so it expires at the end of the current term.
 * @category Billing
 */
export interface WillNotRenewReason {
  /** Stable code. */
  readonly code: 'will_not_renew';
  /** Why it will not renew. */
  readonly cause: 'cancelled' | 'expired' | 'legacy_purchase' | 'auto_renew_off';
  /** For `legacy_purchase` and `auto_renew_off`: the last day it runs (UTC, inclusive). */
  readonly lastDay?: CalendarDay;
}

/**
 * The subscription already has the requested frequency.
 * @category Billing
 */
export interface SameAsCurrentReason {
  /** Stable code. */
  readonly code: 'same_as_current';
  /** The current (and requested) frequency. */
  readonly billingFrequency: BillingFrequency;
}

/**
 * Why a billing-frequency change is refused, in this order: `unknown_value`
 * (one per field), `missing_role`, `will_not_renew`, `same_as_current`,
 * `frequency_not_eligible`, `not_offered_in_catalog`.
 * @category Billing
 */
export type BillingFrequencyChangeReason =
  | UnknownValueReason
  | MissingRoleReason
  | WillNotRenewReason
  | SameAsCurrentReason
  | FrequencyNotEligibleReason
  | NotOfferedInCatalogReason;

/**
 * The facts of a {@link BillingFrequencyChangeDecision}, present allowed or
 * not wherever they can be known.
 * @category Billing
 */
export interface BillingFrequencyChangeFacts {
  /** The instant asked about. */
  readonly asOf: Date;
  /** The requested frequency. */
  readonly to: BillingFrequency;
  /** The current frequency; absent when Partner Center sent an unknown one. */
  readonly from?: BillingFrequency;
  /** The day the change takes effect: the next term's first day (its renewal day). Absent when it will not renew or the term is unknown. */
  readonly effectiveFrom?: CalendarDay;
  /** The term the change applies to (the one after the term current at `asOf`); absent when the term is unknown. */
  readonly nextTerm?: TermDates;
  /** The frequencies allowed for that term (policy at its start ∩ `offered`); absent when the term is unknown. */
  readonly eligible?: readonly BillingFrequency[];
  /**
   * How to make the change when nothing but a role stands in the way:
   * `schedule_next_term_billing_frequency`, the PATCH that sets the next
   * term's billing cycle (keeping `autoRenewEnabled` and the other next-term
   * instructions). Empty otherwise.
   */
  readonly nextSteps: readonly NextStep[];
}

/**
 * The answer of {@link billingFrequencyChange}.
 * @category Billing
 */
export type BillingFrequencyChangeDecision = Decision<
  BillingFrequencyChangeReason,
  BillingFrequencyChangeFacts
>;

/**
 * Whether a software subscription's billing frequency may be changed to
 * `to`, and from when. A change on a software subscription is scheduled for
 * the **next term**, never applied mid-term: `effectiveFrom` is the next
 * term's first day (the `renewsOn` of the term current at `asOf`).
 * When Partner Center's `commitmentEndDate` moves the current term's end,
 * `nextTerm` starts the day after it; it still ends on the purchase
 * anniversary when the two ends differ by at most 3 days (month ends), and
 * otherwise lasts its whole term from that start.
 *
 * Refused, with every failing reason in a stable order:
 * - `unknown_value` `{ field, raw }`: Partner Center sent a term, billing
 *   frequency or status this version does not know (with an unknown term,
 *   no date can be computed);
 * - `missing_role`: `roles` given without one allowing `setBillingFrequency`
 *   (Admin agent; from `./access`, latest permission table);
 * - `will_not_renew` `{ cause }`: cancelled, expired, a legacy purchase
 *   (before 2021-10-14) or autorenew off: there is no next term to change;
 * - `same_as_current`: the subscription already has that frequency;
 * - `frequency_not_eligible`: the next term may not use it;
 * - `not_offered_in_catalog`: `offered` is given and lacks it.
 *
 * Eligibility of the next term (our reading: Microsoft's pages are silent): a renewal
 * is a new term bought on its first day, so the billing plan policy in force
 * at 00:00Z of the renewal day applies, with the subscription's term and
 * `productFamily`. (For the built-in policy this differs from the purchase
 * date only for P3Y subscriptions bought 2021-10-14..21, which may move to
 * annual at renewal.)
 *
 * @param subscription - A software subscription.
 * @param to - The requested billing frequency.
 * @param options - `asOf`; optional `roles`, `offered`, `policy`.
 * @returns `{ allowed, reasons, rules, asOf, to, from?, effectiveFrom?, nextTerm?, eligible?, nextSteps }`.
 * @throws {@link core!CspRuleError} `invalid_billing_frequency` for an unknown `to`;
 *   for the subscription: `invalid_input`, `invalid_instant`, `invalid_quantity`,
 *   `invalid_decimal`, `unknown_currency`...; `invalid_instant` for `asOf`;
 *   `invalid_input` for `roles` not an array of strings or `options` not an object;
 *   `invalid_billing_frequency` in `offered`; `invalid_policy`/`policy_not_in_force`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { billingFrequencyChange } from 'csp-software-rules/billing';
 *
 * const sub = {
 *   kind: 'subscription', purchasedAt: '2022-03-15T10:00:00Z', term: 'P3Y', billingFrequency: 'triennial',
 *   quantity: 10, unitPrice: '300.00', currency: 'EUR',
 * } as const;
 * const d = billingFrequencyChange(sub, 'annual', { asOf: '2023-06-01T00:00:00Z', roles: ['Admin agent'] });
 * d.allowed; // => true
 * d.effectiveFrom; // => '2025-03-15'
 * billingFrequencyChange(sub, 'monthly', { asOf: '2023-06-01T00:00:00Z' }).reasons; // => [{ code: 'frequency_not_eligible', billingFrequency: 'monthly', term: 'P3Y', eligible: ['annual', 'triennial'] }]
 * billingFrequencyChange({ ...sub, autoRenew: false }, 'triennial', { asOf: '2023-06-01T00:00:00Z', roles: ['SalesAgent'] }).reasons.map((r) => r.code); // => ['missing_role', 'will_not_renew', 'same_as_current']
 * ```
 * @category Billing
 */
export function billingFrequencyChange(
  subscription: SoftwareSubscription,
  to: BillingFrequency,
  options: BillingFrequencyChangeOptions,
): BillingFrequencyChangeDecision {
  const sub = checkSubscription(subscription);
  const target = parseBillingFrequency(to, 'to');
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'options.asOf');
  const roles = o['roles'];
  if (roles !== undefined && !Array.isArray(roles)) {
    fail('invalid_input', 'options.roles', 'options.roles: expected an array of role names');
  }
  const offered = checkOffered(o['offered'], 'options.offered');
  const policy = o['policy'] as DatedPolicy<BillingPlanRule> | undefined;

  const reasons: BillingFrequencyChangeReason[] = [];
  const change = inForceAtMs(FREQUENCY_CHANGE_POLICY, asOfMs);
  const rules: RuleRef[] = [change.rule];
  reasons.push(...unknownValueReasons(sub.unknownFields));
  if (roles !== undefined) {
    const access = authorizeBuiltIn('setBillingFrequency', roles);
    reasons.push(...access.reasons);
    rules.push(...access.rules);
  }

  const from = sub.billingFrequency;
  let facts: BillingFrequencyChangeFacts = {
    asOf: new Date(asOfMs),
    to: target,
    ...(from === undefined ? {} : { from }),
    nextSteps: [],
  };
  let nextStartDay: number | undefined;
  const term: Term | undefined = sub.term;
  let eligibilityReasons: BillingFrequencyChangeReason[] = [];
  if (term !== undefined) {
    const months = monthsOfTerm(term);
    const life = lifecycleAt(sub, months, asOfMs);
    rules.push(life.rule);
    let cause: WillNotRenewReason['cause'] | undefined;
    if (life.state === 'cancelled' || life.state === 'expired') {
      cause = life.state;
      reasons.push({ code: 'will_not_renew', cause });
    } else if (!life.autoRenew) {
      // Partner Center's autoRenew wins over the legacy rule: a legacy cause only when it is silent.
      cause =
        life.legacy && life.autoRenewSource !== 'partner_center'
          ? 'legacy_purchase'
          : 'auto_renew_off';
      reasons.push({ code: 'will_not_renew', cause, lastDay: formatEpochDay(life.term.endDay) });
    }
    // The next term starts the day after Partner Center's term end, and lasts
    // its renewal term (renewalTerm, else the scheduled term, else the current one).
    const startDay = life.endDay + 1;
    nextStartDay = cause === undefined ? startDay : undefined;
    const nextLength = renewalTermOf(sub) ?? term;
    const plan = planRuleAtMs(policy, startDay * MS_PER_DAY, 'options.policy');
    rules.push(plan.rule);
    const byPolicy = frequenciesByRule(plan.value, nextLength, sub.productFamily);
    eligibilityReasons = frequencyReasons(target, nextLength, byPolicy, offered);
    const nextMonths = monthsOfTerm(nextLength);
    // Partner Center's end a few days from ours (month ends differ by up to 3)
    // corrects this term: the next one still ends on the purchase anniversary.
    // A larger gap is another calendar: the next term runs from its own start.
    const shift = Math.abs(startDay - (life.term.endDay + 1));
    const endDay =
      nextLength === term && shift === 0
        ? undefined
        : shift <= MAX_END_CORRECTION_DAYS
          ? addMonthsToEpochDay(
              life.term.anchorDay,
              shapedTerm(months, nextMonths, life.term.index + 1).offsetMonths + nextMonths,
            ) - 1
          : addMonthsToEpochDay(startDay, nextMonths) - 1;
    facts = {
      ...facts,
      ...(cause === undefined ? { effectiveFrom: formatEpochDay(startDay) } : {}),
      nextTerm:
        endDay === undefined
          ? formatTerm(life.term.anchorDay, months, life.term.index + 1)
          : {
              termIndex: life.term.index + 1,
              start: formatEpochDay(startDay),
              end: formatEpochDay(endDay),
              renewsOn: formatEpochDay(endDay + 1),
            },
      eligible: withinOffered(byPolicy, offered),
    };
  }
  // What the next term will have: Partner Center's scheduled billing cycle, else the current one.
  const nextFrom = sub.scheduledNextTerm?.billingFrequency ?? from;
  if (nextFrom !== undefined && nextFrom === target) {
    reasons.push({ code: 'same_as_current', billingFrequency: target });
  }
  for (const r of eligibilityReasons) reasons.push(r);
  if (nextStartDay !== undefined && reasons.every((r) => r.code === 'missing_role')) {
    facts = {
      ...facts,
      nextSteps: [
        {
          action: 'schedule_next_term_billing_frequency',
          effectiveOn: formatEpochDay(nextStartDay),
          request: subscriptionPatch(sub, subscription, true, { billingFrequency: target }),
        },
      ],
    };
  }
  return decision(reasons, rules, facts);
}
