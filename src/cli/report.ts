/**
 * The report: every rule applied to a portfolio at one instant. Pure: the
 * command line (main.ts) supplies the clock, the file and the locale.
 */
import { planMakMigration } from '../activation/index.js';
import type { CancellationDecision } from '../cancellation/index.js';
import {
  type CalendarDay,
  CspRuleError,
  calendarDayOf,
  formatMoney,
  isCspRuleError,
} from '../core/index.js';
import { checkPerpetual, checkSubscription, fail } from '../core/internal.js';
import { explain } from '../explain/index.js';
import { IT_MESSAGES } from '../explain/it/index.js';
import { subscriptionStatusOn } from '../lifecycle/index.js';
import {
  isAzureReservationAvailable,
  marketName,
  parseMarket,
  pricesIncludeTax,
} from '../markets/index.js';
import { cancellationRefund } from '../refunds/index.js';
import type { Portfolio, PortfolioCustomer } from './portfolio.js';

/** Report languages. */
export type ReportLocale = 'en' | 'it';

/** Where a cancellation stands, for one purchase. */
export interface CancellationLine {
  readonly allowed: boolean;
  readonly closesAt: string | null;
  readonly lastDay: CalendarDay | null;
  readonly daysLeft: number;
  readonly hoursLeft: number;
  readonly reasons: readonly string[];
  /** The decision in words (explain), in the report's language. */
  readonly summary: string;
  /** What cancelling at `asOf` would give back (`null` when it cannot be cancelled). */
  readonly refund: {
    readonly settlement: 'prorated_refund' | 'credit';
    readonly amount: string;
    readonly currency: string;
    readonly invoice: string;
  } | null;
}

/** One subscription's line. */
export interface SubscriptionLine {
  readonly id: string;
  readonly name: string;
  readonly term: string;
  readonly billingFrequency: string;
  readonly state: string;
  readonly termStart: CalendarDay;
  readonly termEnd: CalendarDay;
  readonly nextEvent: string;
  readonly cancellation: CancellationLine;
}

/** One perpetual purchase's line. */
export interface PerpetualLine {
  readonly id: string;
  readonly name: string;
  readonly purchasedOn: CalendarDay;
  readonly cancellation: CancellationLine;
}

/** The devices' KMS-to-MAK situation. */
export interface FleetLine {
  readonly devices: number;
  readonly deadline: string | null;
  readonly counts: Readonly<Record<string, number>>;
  readonly lapses: number;
  readonly completesOn: CalendarDay | null;
  readonly warnings: readonly string[];
}

/** One customer's section. */
export interface CustomerReport {
  readonly name: string;
  readonly market: {
    readonly code: string;
    readonly name: string;
    readonly azureReservations: boolean;
    readonly pricesIncludeTax: boolean;
  } | null;
  readonly subscriptions: readonly SubscriptionLine[];
  readonly perpetual: readonly PerpetualLine[];
  readonly fleet: FleetLine | null;
}

/** The whole report. */
export interface Report {
  readonly asOf: string;
  readonly customers: readonly CustomerReport[];
}

/**
 * Runs `fn`, re-raising a rule error with the item's path in front of its
 * field: the rule's own root (`subscription.`) is replaced by `path`, or with
 * `keep` the whole field is put under `path`.
 */
function at<T>(path: string, fn: () => T, keep = false): T {
  try {
    return fn();
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    const rest =
      keep || !e.field.includes('.') ? `.${e.field}` : e.field.slice(e.field.indexOf('.'));
    const field = e.field === 'asOf' ? 'asOf' : `${path}${rest}`;
    throw new CspRuleError(e.code, e.message.replace(e.field, field), {
      field,
      details: e.details,
    });
  }
}

function cancellationLine(
  r: ReturnType<typeof cancellationRefund>,
  locale: ReportLocale,
): CancellationLine {
  const d: CancellationDecision = r.cancellation;
  return {
    allowed: d.allowed,
    closesAt: d.window === null ? null : d.window.closesAt.toISOString(),
    lastDay: d.window === null ? null : d.window.lastDay,
    daysLeft: d.timeRemaining.days,
    hoursLeft: d.timeRemaining.hours,
    reasons: d.reasons.map((reason) => reason.code),
    summary: explain(d, { locale: locale === 'it' ? IT_MESSAGES : 'en' }).summary,
    refund:
      r.allowed && r.invoice !== null
        ? {
            settlement: r.settlement,
            amount: formatMoney(r.refund),
            currency: r.refund.currency,
            invoice: r.invoice.billingPeriod,
          }
        : null,
  };
}

/** The id a subscription is shown under. */
export function subscriptionId(s: PortfolioCustomer['subscriptions'][number], j: number): string {
  return s.id ?? `#${j + 1}`;
}

/** The term as shown (`? P5Y` for one this version does not know). */
export function termText(s: PortfolioCustomer['subscriptions'][number]): string {
  return typeof s.term === 'string' ? s.term : `? ${s.term.unknown}`;
}

/** The billing plan as shown. */
export function planText(s: PortfolioCustomer['subscriptions'][number]): string {
  return typeof s.billingFrequency === 'string'
    ? s.billingFrequency
    : `? ${s.billingFrequency.unknown}`;
}

/** The id a perpetual purchase is shown under. */
export function perpetualId(p: PortfolioCustomer['perpetual'][number], j: number): string {
  return p.orderId ?? p.id ?? `#${j + 1}`;
}

/** A customer's market facts, or `null` without a market. */
export function customerMarket(
  c: PortfolioCustomer,
  i: number,
  locale: ReportLocale,
): CustomerReport['market'] {
  if (c.market === undefined) return null;
  return at(`customers[${i}]`, () => ({
    code: parseMarket(c.market).market,
    name: marketName(c.market as string, locale),
    azureReservations: isAzureReservationAvailable(c.market as string),
    pricesIncludeTax: pricesIncludeTax(c.market as string),
  }));
}

/** The line of subscription `j` of customer `i`. */
export function subscriptionLine(
  c: PortfolioCustomer,
  i: number,
  j: number,
  asOf: Date,
  locale: ReportLocale,
): SubscriptionLine {
  const s = c.subscriptions[j] as PortfolioCustomer['subscriptions'][number];
  return at(`customers[${i}].subscriptions[${j}]`, () => {
    const decision = cancellationRefund(s, { asOf: asOf });
    // A term Partner Center sent that this version does not know: the
    // decision refuses it with unknown_value; there are no term dates to show.
    const status = typeof s.term === 'string' ? subscriptionStatusOn(s, { asOf }) : null;
    const next = status?.nextEvent;
    return {
      id: subscriptionId(s, j),
      name: s.name ?? '',
      term: termText(s),
      billingFrequency: planText(s),
      state: status?.state ?? 'unknown',
      termStart: status?.currentTerm.start ?? '?',
      termEnd: status?.currentTerm.end ?? '?',
      nextEvent:
        next === undefined ? '?' : next.type === 'none' ? 'none' : `${next.type} ${next.on}`,
      cancellation: cancellationLine(decision, locale),
    };
  });
}

/** The line of perpetual purchase `j` of customer `i`. */
export function perpetualLine(
  c: PortfolioCustomer,
  i: number,
  j: number,
  asOf: Date,
  locale: ReportLocale,
): PerpetualLine {
  const p = c.perpetual[j] as PortfolioCustomer['perpetual'][number];
  return at(`customers[${i}].perpetual[${j}]`, () => {
    const decision = cancellationRefund(p, { asOf: asOf });
    return {
      id: perpetualId(p, j),
      name: p.productName ?? '',
      purchasedOn: calendarDayOf(p.purchasedAt),
      cancellation: cancellationLine(decision, locale),
    };
  });
}

/** A customer's KMS-to-MAK situation, or `null` without devices. */
export function customerFleet(c: PortfolioCustomer, i: number, asOf: Date): FleetLine | null {
  if (c.devices.length === 0) return null;
  return at(
    `customers[${i}]`,
    () => {
      const plan = planMakMigration(c.devices, {
        asOf,
        ...(c.kmsHostRetiredAt === undefined ? {} : { kmsHostRetiredAt: c.kmsHostRetiredAt }),
        ...(c.makCapacityPerDay === undefined ? {} : { capacityPerDay: c.makCapacityPerDay }),
      });
      return {
        devices: c.devices.length,
        deadline: plan.deadline === null ? null : plan.deadline.toISOString(),
        counts: plan.counts,
        lapses: plan.lapses.length,
        completesOn: plan.completesOn,
        warnings: plan.warnings.map((w) => w.code),
      };
    },
    true,
  );
}

/**
 * Checks every purchase of the portfolio before any output is written (a
 * streamed report must not stop halfway on a caller mistake): the same
 * checks the rules run, with the purchase's path in the error's field.
 */
export function checkPortfolio(portfolio: Portfolio, locale: ReportLocale): void {
  portfolio.customers.forEach((c, i) => {
    customerMarket(c, i, locale);
    c.subscriptions.forEach((s, j) => {
      at(`customers[${i}].subscriptions[${j}]`, () => {
        checkSubscription(s);
        // The report computes each refund: the money fields are required.
        if (s.unitPrice === undefined) missingMoney('subscription.unitPrice');
        if (s.currency === undefined) missingMoney('subscription.currency');
      });
    });
    c.perpetual.forEach((p, j) => {
      at(`customers[${i}].perpetual[${j}]`, () => checkPerpetual(p));
    });
  });
}

function missingMoney(field: string): never {
  return fail('missing_field', field, `${field}: required to compute the refund`);
}

/** One customer's whole section (the streaming writers build it line by line instead). */
export function customerReport(
  c: PortfolioCustomer,
  i: number,
  asOf: Date,
  locale: ReportLocale,
): CustomerReport {
  const market = customerMarket(c, i, locale);
  const subscriptions: SubscriptionLine[] = [];
  for (let j = 0; j < c.subscriptions.length; j++)
    subscriptions.push(subscriptionLine(c, i, j, asOf, locale));
  const perpetual: PerpetualLine[] = [];
  for (let j = 0; j < c.perpetual.length; j++) perpetual.push(perpetualLine(c, i, j, asOf, locale));
  return { name: c.name, market, subscriptions, perpetual, fleet: customerFleet(c, i, asOf) };
}

/** Applies every rule to the portfolio at `asOf`. */
export function buildReport(portfolio: Portfolio, asOf: Date, locale: ReportLocale): Report {
  return {
    asOf: asOf.toISOString(),
    customers: portfolio.customers.map((c, i) => customerReport(c, i, asOf, locale)),
  };
}
