/**
 * English messages for every reason code.
 * @module
 */
import { ROLE_DISPLAY_NAMES } from '../../access/index.js';
import { frozen } from '../../core/internal.js';
import { marketName } from '../../markets/index.js';
import {
  factField,
  formatCount,
  formatDates,
  formatDay,
  formatFact,
  formatInstant,
  formatSignedAmount,
  formatToken,
  items,
  joinList,
  lookup,
  quote,
} from '../format.js';
import type { LocaleMessages } from '../types.js';

const UNKNOWN = '(unknown)';

// Partner Center's facts, as a disagreement names them.
const FACTS: Readonly<Record<string, string>> = {
  autoRenew: 'autorenew (autoRenewEnabled)',
  status: 'status',
  commitmentEndDate: 'term end (commitmentEndDate)',
  cancellationAllowedUntil: 'cancellation deadline (cancellationAllowedUntilDate)',
  refundOptions: 'refund tier (refundOptions)',
};

const ACTIONS: Readonly<Record<string, string>> = {
  purchase: 'buy software for a customer',
  getKeysAndDownloads: 'get product keys and download links',
  cancel: 'cancel a purchase',
  toggleAutoRenew: 'switch autorenew on or off',
  setBillingFrequency: 'set the billing frequency',
  viewActivityLog: 'view the key-access and download activity log',
};

const FREQUENCIES: Readonly<Record<string, string>> = {
  monthly: 'monthly',
  annual: 'annual',
  triennial: 'triennial',
};

const TERMS: Readonly<Record<string, string>> = {
  P1M: 'a 1-month term',
  P1Y: 'a 1-year term',
  P3Y: 'a 3-year term',
};

const CHANNELS: Readonly<Record<string, string>> = {
  csp: 'the Cloud Solution Provider (CSP) program',
  volume_licensing: 'volume licensing (VL)',
};

const METHODS: Readonly<Record<string, string>> = {
  kms: 'KMS',
  mak: 'MAK',
};

const USE_METHODS: Readonly<Record<string, string>> = {
  kms: 'KMS (Key Management Service)',
  mak: 'a MAK (multiple activation key)',
};

const PUBLISHERS: Readonly<Record<string, string>> = {
  'Red Hat': 'Red Hat',
  SUSE: 'SUSE',
};

const or = (parts: readonly string[]): string => joinList(parts, 'or');
const text = (value: unknown): string => quote(value) ?? UNKNOWN;
const token = (value: unknown): string => formatToken(value) ?? UNKNOWN;
const role = (value: unknown): string => lookup(ROLE_DISPLAY_NAMES, value) ?? text(value);
const frequency = (value: unknown): string => lookup(FREQUENCIES, value) ?? text(value);
const frequencies = (value: unknown): string => or(items(value).map(frequency));
const method = (value: unknown): string => lookup(METHODS, value) ?? text(value);
const count = (value: unknown): string => formatCount(value) ?? UNKNOWN;
const devices = (value: unknown): string => (value === 1 ? '1 device' : `${count(value)} devices`);
const activations = (value: unknown): string =>
  value === 1 ? '1 activation' : `${count(value)} activations`;

function market(value: unknown): string {
  if (typeof value !== 'string') return UNKNOWN;
  try {
    const name = marketName(value, 'en');
    return name === value ? name : `${name} (${value})`;
  } catch {
    return text(value);
  }
}

/**
 * English: the summary words and the message of every reason code.
 *
 * @example
 * ```ts
 * import { EN_MESSAGES } from 'csp-software-rules/explain';
 *
 * EN_MESSAGES.reasons.expired.brief; // => 'the subscription has expired'
 * EN_MESSAGES.reasons.window_closed.text({ code: 'window_closed', closedAt: new Date('2022-03-22T10:00:00Z') }); // => 'The cancellation window closed at 2022-03-22T10:00:00Z: the purchase can no longer be cancelled.'
 * ```
 * @category Explain
 */
export const EN_MESSAGES: LocaleMessages = /* @__PURE__ */ frozen({
  locale: 'en',
  disagreement: (d) => {
    const field = factField(d);
    const label = (field === undefined ? undefined : lookup(FACTS, field)) ?? text(field);
    const pc = formatFact(d.partnerCenter, 'on', 'off') ?? UNKNOWN;
    const forecast = formatFact(d.forecast, 'on', 'off') ?? UNKNOWN;
    return `Partner Center's ${label} is ${pc}, the published rules give ${forecast}: the decision uses Partner Center's.`;
  },
  allowed: 'Allowed.',
  notAllowed: (briefs) => `Not allowed: ${briefs.join('; ')}.`,
  unknownBrief: (code) => `reason ${text(code)}`,
  unknownText: (code) =>
    `Reason ${text(code)}, which this version of csp-software-rules does not know (it may come from a newer version).`,
  reasons: {
    // access
    missing_role: {
      brief: 'the user lacks the role this needs',
      text: (r) => {
        const action = lookup(ACTIONS, r.action) ?? `do ${text(r.action)}`;
        const roles = items(r.requiredRoles).map(role);
        if (roles.length === 0) {
          return `No role may ${action} under the permission table in force.`;
        }
        const needed =
          roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${or(roles)}`;
        return `To ${action}, the user needs ${needed}, and none of the user's roles grants it.`;
      },
    },

    // lifecycle, billing, cancellation
    unknown_value: {
      brief: 'Partner Center sent a value this version does not know',
      text: (r) =>
        `Partner Center sent ${text(r.raw)} in ${typeof r.field === 'string' ? r.field : UNKNOWN}, a value this version of the rules does not know: they refuse rather than guess.`,
    },
    already_cancelled: {
      brief: 'the purchase is already cancelled',
      text: (r) => {
        const status = 'status' in r ? quote(r.status) : undefined;
        return status === undefined
          ? 'The purchase is already cancelled.'
          : `The purchase is already cancelled (status ${status}).`;
      },
    },
    expired: {
      brief: 'the subscription has expired',
      text: () => 'The subscription has expired: there is nothing left to cancel or renew.',
    },
    not_on_subscriptions_page: {
      brief:
        'the subscription was bought before 2021-10-14 and is not on the Subscriptions page, where autorenew is switched',
      text: (r) =>
        `The subscription was bought on ${formatDay(r.purchasedOn) ?? UNKNOWN}, before 2021-10-14: subscriptions bought before that day are not on the customer's Subscriptions page, where autorenew is switched on or off.`,
    },

    // cancellation
    not_started: {
      brief: 'it had not been bought yet',
      text: (r) => {
        const at = formatInstant(r.purchasedAt);
        return at === undefined
          ? 'That instant is before the purchase: nothing had been bought yet.'
          : `That instant is before the purchase, made at ${at}: nothing had been bought yet.`;
      },
    },
    not_yet_open: {
      brief: 'the cancellation window has not opened yet',
      text: (r) => {
        const at = formatInstant(r.opensAt);
        return at === undefined
          ? 'The cancellation window has not opened yet.'
          : `The cancellation window has not opened yet: it opens at ${at}.`;
      },
    },
    window_closed: {
      brief: 'the cancellation window has closed',
      text: (r) => {
        const at = formatInstant(r.closedAt);
        return at === undefined
          ? 'The cancellation window has closed: the purchase can no longer be cancelled.'
          : `The cancellation window closed at ${at}: the purchase can no longer be cancelled.`;
      },
    },
    non_cancellable_publisher: {
      brief: 'Red Hat and SUSE software plans can never be cancelled',
      text: (r) => {
        const matched = lookup(PUBLISHERS, r.matched) ?? text(r.matched);
        const given = quote(r.publisher);
        const as = given === undefined || r.publisher === r.matched ? '' : ` (publisher ${given})`;
        return `${matched} software plans can never be cancelled or exchanged${as}.`;
      },
    },
    not_a_reduction: {
      brief: 'the quantity asked for is not lower than the current one',
      text: (r) =>
        `The quantity asked for (${formatCount(r.requested) ?? UNKNOWN}) is not lower than the subscription's ${formatCount(r.current) ?? UNKNOWN}: that is not a seat reduction.`,
    },
    seat_reduction_not_allowed: {
      brief: "a software subscription's seats cannot be reduced mid-term",
      text: () =>
        "Partner Center does not reduce a software subscription's quantity during its term: schedule the lower quantity for the next term instead.",
    },
    seats_not_reducible: {
      brief: 'fewer seats can still be removed than asked',
      text: (r) =>
        `The request removes ${formatCount(r.requested) ?? UNKNOWN} seats, but only ${formatCount(r.reducible) ?? UNKNOWN} are still within their reduction deadline.`,
    },

    // reconciliation: refused events of a history
    quantity_unchanged: {
      brief: 'the quantity set is the current one',
      text: (r) =>
        `The event sets the quantity to ${count(r.quantity)}, which it already is: nothing is billed.`,
    },
    cycle_longer_than_term: {
      brief: "the billing plan's cycle is longer than the term",
      text: (r) =>
        `A ${frequency(r.billingFrequency)} billing plan does not fit ${lookup(TERMS, r.term) ?? text(r.term)}.`,
    },
    not_a_renewal: {
      brief: 'the renewal names no new term',
      text: (r) =>
        `The renewal falls in term ${count(r.termIndex)}: the initial term, or a term already renewed by another event.`,
    },
    event_not_applicable: {
      brief: 'the purchase has no such event',
      text: (r) =>
        `A ${text(r.eventType)} event does not apply to ${r.kind === 'perpetual' ? 'perpetual software' : 'a subscription'}.`,
    },
    before_purchase: {
      brief: 'the event is before the purchase',
      text: (r) =>
        `The event is dated before the purchase (${formatInstant(r.purchasedAt) ?? UNKNOWN}).`,
    },
    subscription_ended: {
      brief: 'the subscription had ended',
      text: (r) =>
        `The subscription ${r.cause === 'cancelled' ? 'was cancelled' : 'expired'} on ${formatDay(r.endedOn) ?? UNKNOWN}: nothing after that is billed.`,
    },

    // reconciliation: findings
    missing_charge: {
      brief: 'an expected charge was not billed',
      text: (r) =>
        `Line expected and not billed: ${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}, ${count(r.quantity)} licence(s), ${formatSignedAmount(r.expected) ?? UNKNOWN}.`,
    },
    refund_missing: {
      brief: 'an expected refund did not arrive',
      text: (r) =>
        `Refund expected and not billed: ${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}, ${count(r.quantity)} licence(s), ${formatSignedAmount(r.expected) ?? UNKNOWN}.`,
    },
    unexpected_charge: {
      brief: 'a charge no event explains',
      text: (r) =>
        `Line ${count(r.line)} charges ${formatSignedAmount(r.billed) ?? UNKNOWN} (${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}), which no event of the subscription explains.`,
    },
    refund_not_due: {
      brief: 'a refund no event explains',
      text: (r) =>
        `Line ${count(r.line)} credits ${formatSignedAmount(r.billed) ?? UNKNOWN} (${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}), which no event of the subscription explains.`,
    },
    billed_after_cancellation: {
      brief: 'billed after the cancellation',
      text: (r) =>
        `Line ${count(r.line)} charges ${formatSignedAmount(r.billed) ?? UNKNOWN} from ${formatDates(r.dates) ?? UNKNOWN}, after the cancellation on ${formatDay(r.cancelledOn) ?? UNKNOWN}.`,
    },
    duplicate_line: {
      brief: 'a line billed twice',
      text: (r) =>
        `Line ${count(r.line)} repeats line ${count(r.duplicateOf)} (${formatSignedAmount(r.billed) ?? UNKNOWN}).`,
    },
    amount_differs: {
      brief: 'the amount differs from the rules',
      text: (r) =>
        `Line ${count(r.line)} bills ${formatSignedAmount(r.billed) ?? UNKNOWN} where the rules give ${formatSignedAmount(r.expected) ?? UNKNOWN} (difference ${formatSignedAmount(r.difference) ?? UNKNOWN}).`,
    },
    unit_price_differs: {
      brief: 'the unit price is not yours',
      text: (r) => {
        const e = (r.expected ?? {}) as { unitPrice?: unknown; currency?: unknown };
        const b = (r.billed ?? {}) as { unitPrice?: unknown; currency?: unknown };
        return `Line ${count(r.line)} is priced ${token(b.unitPrice)} ${token(b.currency)}, not ${token(e.unitPrice)} ${token(e.currency)}: a promotion or a price change (its amount is checked with the billed price).`;
      },
    },
    quantity_differs: {
      brief: 'the quantity differs',
      text: (r) =>
        `Line ${count(r.line)} bills ${count(r.billed)} licences where ${count(r.expected)} were expected.`,
    },
    dates_differ: {
      brief: 'the charge dates differ',
      text: (r) =>
        `Line ${count(r.line)} is dated ${formatDates(r.billed) ?? UNKNOWN} where ${formatDates(r.expected) ?? UNKNOWN} was expected.`,
    },
    unknown_subscription: {
      brief: 'the subscription is not in the portfolio',
      text: (r) =>
        typeof r.portfolioCustomerId === 'string'
          ? `Line ${count(r.line)} bills subscription ${text(r.subscriptionId)} to customer ${text(r.customerId)}, but the portfolio has it under ${text(r.portfolioCustomerId)}.`
          : `Line ${count(r.line)} bills subscription ${text(r.subscriptionId)}, which the portfolio does not have.`,
    },
    not_modelled: {
      brief: 'a line this version does not compute',
      text: (r) =>
        `${count(r.lines)} line(s) from line ${count(r.line)} (${token(r.chargeType)}) are ${r.cause === 'charge_type' ? 'of a charge type' : 'for a product (usage, Azure, marketplace)'} this version does not compute: not checked.`,
    },
    malformed_line: {
      brief: 'a line could not be read',
      text: (r) =>
        `Line ${count(r.line)} could not be read${typeof r.field === 'string' ? ` (${text(r.field)})` : ''}: ${text(r.problem)}.`,
    },

    // billing
    frequency_not_eligible: {
      brief: 'the billing plan is not available for this term',
      text: (r) => {
        const term = lookup(TERMS, r.term) ?? `the term ${text(r.term)}`;
        const eligible = items(r.eligible);
        const allowed =
          eligible.length === 0
            ? 'no billing plan is allowed'
            : `the policy allows ${frequencies(eligible)} billing`;
        const plan = lookup(FREQUENCIES, r.billingFrequency);
        const subject =
          plan === undefined
            ? `The billing frequency ${text(r.billingFrequency)}`
            : `${capitalise(plan)} billing`;
        return `${subject} is not available for ${term}: ${allowed}.`;
      },
    },
    not_offered_in_catalog: {
      brief: 'the catalog does not offer this billing plan for the product',
      text: (r) => {
        const offered = items(r.offered);
        const offers =
          offered.length === 0 ? 'it offers none' : `it offers ${frequencies(offered)} billing`;
        return `The catalog does not offer ${frequency(r.billingFrequency)} billing for this product: ${offers}.`;
      },
    },
    will_not_renew: {
      brief: 'the subscription will not renew, so it has no next term to change',
      text: (r) => {
        const last = formatDay(r.lastDay);
        const lastDay = last === undefined ? '' : ` (its last day is ${last})`;
        const why =
          r.cause === 'cancelled'
            ? 'it was cancelled'
            : r.cause === 'expired'
              ? 'it has expired'
              : r.cause === 'legacy_purchase'
                ? `it was bought before 2021-10-14 and expires on the end date set at purchase${lastDay}`
                : r.cause === 'auto_renew_off'
                  ? `autorenew is off, so it expires at the end of the current term${lastDay}`
                  : `of ${text(r.cause)}`;
        return `The subscription will not renew because ${why}: there is no next term whose billing frequency could change.`;
      },
    },
    same_as_current: {
      brief: 'the subscription already has this billing frequency',
      text: (r) =>
        `The subscription already has ${frequency(r.billingFrequency)} billing: there is nothing to change.`,
    },

    // activation
    method_not_available: {
      brief: 'the sales channel does not offer this activation method',
      text: (r) => {
        const channel = lookup(CHANNELS, r.channel) ?? `the channel ${text(r.channel)}`;
        const available = items(r.available).map((m) => lookup(USE_METHODS, m) ?? text(m));
        const use = available.length === 0 ? 'no method is offered' : `use ${or(available)}`;
        const kmsInCsp =
          r.channel === 'csp' && r.requested === 'kms' ? ', not even on request' : '';
        return `${method(r.requested)} activation is not available through ${channel}${kmsInCsp}: ${use}.`;
      },
    },
    edition_not_eligible: {
      brief:
        'only Windows Server Datacenter and Standard licenses qualify for Azure Hybrid Benefit',
      text: (r) =>
        `The edition ${text(r.edition)} does not qualify for Azure Hybrid Benefit: only Windows Server Datacenter and Standard licenses do.`,
    },
    software_assurance_required: {
      brief: 'Azure Hybrid Benefit needs licenses with active Software Assurance',
      text: () =>
        'Azure Hybrid Benefit needs Windows Server licenses with active Software Assurance (or qualifying subscription licenses).',
    },
    mak_activation_limit_exceeded: {
      brief: 'more devices need a MAK than it has activations left',
      text: (r) =>
        `${capitalise(devices(r.needed))} ${r.needed === 1 ? 'needs' : 'need'} a MAK, but it has only ${activations(r.limit)} left: ${count(r.excess)} short.`,
    },
    already_lapsed: {
      brief: 'some devices have already lost their KMS activation',
      text: (r) =>
        `${capitalise(devices(r.devices))} already lost ${r.devices === 1 ? 'its' : 'their'} KMS activation before the plan starts: no schedule can avoid the downtime; activate ${r.devices === 1 ? 'it' : 'them'} with the MAK as soon as possible.`,
    },
    capacity_insufficient: {
      brief:
        'the daily activation capacity cannot reach every device before its KMS activation lapses',
      text: (r) =>
        `At ${count(r.capacityPerDay)} MAK ${r.capacityPerDay === 1 ? 'activation' : 'activations'} a day, ${devices(r.devices)} will lose ${r.devices === 1 ? 'its' : 'their'} KMS activation before getting the MAK.`,
    },
    unknown_activation_state: {
      brief: 'some devices have neither a KMS renewal nor a MAK activation on record',
      text: (r) =>
        `${capitalise(devices(r.devices))} ${r.devices === 1 ? 'has' : 'have'} neither a KMS renewal nor a MAK activation on record: check ${r.devices === 1 ? 'it' : 'them'} by hand.`,
    },

    // markets
    reservations_not_sold_in_market: {
      brief: 'Azure reservations are not available in this market',
      text: (r) =>
        `Azure reservations are not available in ${market(r.partnerCenterCode ?? r.market)}.`,
    },
    prices_exclude_tax: {
      brief: 'commercial prices in this market exclude tax',
      text: (r) => `Commercial prices in ${market(r.market)} exclude tax.`,
    },
  },
});

function capitalise(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}
