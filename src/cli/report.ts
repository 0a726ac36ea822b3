/**
 * The report: every rule applied to a portfolio at one instant, as data
 * (codes, days, instants as `Date`, `Money`, the decisions' reasons with
 * their data; no text: the table renderer and `explain` write the words).
 * Pure: the command line (main.ts) supplies the clock and the file.
 */
import {
  type DeviceStatus,
  type MakLapse,
  type MakMigrationWarning,
  planMakMigration,
} from '../activation/index.js';
import type {
  CancellationDecision,
  CancellationReason,
  Settlement,
  TimeRemaining,
} from '../cancellation/index.js';
import {
  type BillingFrequency,
  type CalendarDay,
  CspRuleError,
  isCspRuleError,
  type Money,
  parseInstant,
  type Term,
  type UnknownValue,
} from '../core/index.js';
import {
  checkPerpetual,
  checkSubscription,
  fail,
  optionalString,
  pow10,
  type ScaledDecimal,
} from '../core/internal.js';
import {
  type LifecycleState,
  type NextLifecycleEvent,
  subscriptionStatusOn,
  type TermDates,
} from '../lifecycle/index.js';
import {
  type IsoRegionCode,
  isAzureReservationAvailable,
  type MarketCode,
  parseMarket,
  pricesIncludeTax,
} from '../markets/index.js';
import { cancellationRefund, type InvoicePeriod } from '../refunds/index.js';
import type { Portfolio, PortfolioCustomer } from './portfolio.js';

/** Report languages (of the table; the JSON report has no text to translate). */
export type ReportLocale = 'en' | 'it';

/**
 * What cancelling at `asOf` would give back: the settlement, the amount and
 * the invoice it lands on.
 */
export interface RefundLine {
  /** `prorated_refund` (a subscription) or `credit` (perpetual software). */
  readonly settlement: Settlement;
  /** The amount refunded or credited. */
  readonly amount: Money;
  /** The invoice the refund or credit lands on (the month of `asOf`). */
  readonly invoice: InvoicePeriod;
}

/** Where a cancellation stands at `asOf`, for one purchase (the library's decision, its facts). */
export interface CancellationLine {
  /** Whether the purchase can be cancelled at `asOf`. */
  readonly allowed: boolean;
  /** Every reason it cannot, with its data, as the cancellation decision lists them. */
  readonly reasons: readonly CancellationReason[];
  /** The cancellation window of the current term; `null` for a term this version does not know. */
  readonly window: {
    /** When cancelling became possible. */
    readonly opensAt: Date;
    /** The first instant cancelling is no longer possible. */
    readonly closesAt: Date;
    /** The last UTC day cancelling is possible. */
    readonly lastDay: CalendarDay;
    /** `partner_center` when Partner Center's deadline set `closesAt`, else `policy`. */
    readonly source: 'policy' | 'partner_center';
  } | null;
  /** Time left until the window closes (zero once closed). */
  readonly timeRemaining: TimeRemaining;
  /** Refused because the window closed: the whole term (or the one-time charge) stays billed. */
  readonly billedInFull: boolean;
  /** What cancelling at `asOf` gives back; `null` when it cannot be cancelled. */
  readonly refund: RefundLine | null;
}

/** One subscription's line. */
export interface SubscriptionLine {
  /** Its position in the customer's subscriptions (Partner Center resources after the portfolio's own). */
  readonly index: number;
  /** The subscription's id, or `null`. */
  readonly id: string | null;
  /** Its display name, or `null`. */
  readonly name: string | null;
  /** Its term, or `{ unknown }` for one this version does not know. */
  readonly term: Term | UnknownValue;
  /** Its billing plan, or `{ unknown }`. */
  readonly billingFrequency: BillingFrequency | UnknownValue;
  /** Licences. */
  readonly quantity: number;
  /** Where it stands at `asOf`; `null` for an unknown term (no term dates). */
  readonly state: LifecycleState | null;
  /** The term containing `asOf` (the initial one before it starts, the last once expired); `null` for an unknown term. */
  readonly currentTerm: TermDates | null;
  /** What happens at the end of the current term; `null` for an unknown term. */
  readonly nextEvent: NextLifecycleEvent | null;
  /** Whether it renews at the end of the current term; `null` for an unknown term. */
  readonly autoRenew: boolean | null;
  /** The cancellation at `asOf`. */
  readonly cancellation: CancellationLine;
}

/** One perpetual purchase's line (one order line item). */
export interface PerpetualLine {
  /** Its position in the customer's perpetual purchases. */
  readonly index: number;
  /** The purchase's id, or `null`. */
  readonly id: string | null;
  /** The order's id, or `null`. */
  readonly orderId: string | null;
  /** The product's name, or `null`. */
  readonly productName: string | null;
  /** Licences. */
  readonly quantity: number;
  /** When it was bought. */
  readonly purchasedAt: Date;
  /** The cancellation at `asOf` (a 100% credit within the window). */
  readonly cancellation: CancellationLine;
}

/** The devices' KMS-to-MAK situation (the migration plan's figures). */
export interface FleetLine {
  /** Devices listed. */
  readonly devices: number;
  /** The earliest KMS lapse among devices not on a MAK; `null` when none. */
  readonly deadline: Date | null;
  /** Devices by status. */
  readonly counts: Readonly<Record<DeviceStatus, number>>;
  /** MAK activations a day planned with; `null` without a capacity. */
  readonly capacityPerDay: number | null;
  /** The last day of the activation schedule; `null` without a capacity or with nothing to do. */
  readonly completesOn: CalendarDay | null;
  /** The devices that lapse all the same, with when and for how long. */
  readonly lapses: readonly MakLapse[];
  /** The lapses' downtime added up, in device-days. */
  readonly downtimeDeviceDays: number;
  /** What the plan cannot do, each with its data. */
  readonly warnings: readonly MakMigrationWarning[];
}

/** A customer's market facts. */
export interface MarketLine {
  /** ISO 3166-1 alpha-2 code of the place. */
  readonly code: IsoRegionCode;
  /** The code as Partner Center writes it (`XS`, `XE`, `XJ` where those were given). */
  readonly partnerCenterCode: MarketCode;
  /** Whether Azure reservations are sold there. */
  readonly azureReservations: boolean;
  /** Whether prices there include tax. */
  readonly pricesIncludeTax: boolean;
}

/** One customer's section. */
export interface CustomerReport {
  /** The customer's name, as the portfolio gives it. */
  readonly name: string;
  /** The customer's tenant id, or `null`. */
  readonly customerId: string | null;
  /** The market's facts; `null` without a market. */
  readonly market: MarketLine | null;
  /** Every subscription, in order. */
  readonly subscriptions: readonly SubscriptionLine[];
  /** Every perpetual purchase, in order. */
  readonly perpetual: readonly PerpetualLine[];
  /** The KMS-to-MAK plan; `null` without devices. */
  readonly fleet: FleetLine | null;
}

/** The whole report. */
export interface Report {
  /** The instant every rule was applied at. */
  readonly asOf: Date;
  /** Every customer, in order. */
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

function cancellationLine(r: ReturnType<typeof cancellationRefund>): CancellationLine {
  const d: CancellationDecision = r.cancellation;
  const w = d.window;
  return {
    allowed: d.allowed,
    reasons: d.reasons,
    window:
      w === null
        ? null
        : { opensAt: w.opensAt, closesAt: w.closesAt, lastDay: w.lastDay, source: w.source },
    timeRemaining: d.timeRemaining,
    billedInFull: d.billedInFull,
    refund:
      r.allowed && r.invoice !== null
        ? { settlement: r.settlement, amount: r.refund, invoice: r.invoice }
        : null,
  };
}

/** The id a subscription is shown under in the table (`#2` without one). */
export function subscriptionId(s: PortfolioCustomer['subscriptions'][number], j: number): string {
  return s.id ?? `#${j + 1}`;
}

/** The id a perpetual purchase is shown under in the table (its order, else its id, else `#2`). */
export function perpetualId(p: PortfolioCustomer['perpetual'][number], j: number): string {
  return p.orderId ?? p.id ?? `#${j + 1}`;
}

/** A customer's market facts, or `null` without a market. */
export function customerMarket(c: PortfolioCustomer, i: number): MarketLine | null {
  if (c.market === undefined) return null;
  return at(`customers[${i}]`, () => {
    const parsed = parseMarket(c.market);
    return {
      code: parsed.market,
      partnerCenterCode: parsed.partnerCenterCode,
      azureReservations: isAzureReservationAvailable(c.market as string),
      pricesIncludeTax: pricesIncludeTax(c.market as string),
    };
  });
}

/** The line of subscription `j` of customer `i`. */
export function subscriptionLine(
  c: PortfolioCustomer,
  i: number,
  j: number,
  asOf: Date,
): SubscriptionLine {
  const s = c.subscriptions[j] as PortfolioCustomer['subscriptions'][number];
  return at(`customers[${i}].subscriptions[${j}]`, () => {
    const decision = cancellationRefund(s, { asOf });
    // A term Partner Center sent that this version does not know: the
    // decision refuses it with unknown_value; there are no term dates.
    const status = typeof s.term === 'string' ? subscriptionStatusOn(s, { asOf }) : null;
    return {
      index: j,
      id: s.id ?? null,
      name: s.name === undefined || s.name === '' ? null : s.name,
      term: s.term,
      billingFrequency: s.billingFrequency,
      quantity: s.quantity,
      state: status?.state ?? null,
      currentTerm: status?.currentTerm ?? null,
      nextEvent: status?.nextEvent ?? null,
      autoRenew: status?.autoRenew ?? null,
      cancellation: cancellationLine(decision),
    };
  });
}

/** The line of perpetual purchase `j` of customer `i`. */
export function perpetualLine(
  c: PortfolioCustomer,
  i: number,
  j: number,
  asOf: Date,
): PerpetualLine {
  const p = c.perpetual[j] as PortfolioCustomer['perpetual'][number];
  return at(`customers[${i}].perpetual[${j}]`, () => {
    const decision = cancellationRefund(p, { asOf });
    return {
      index: j,
      id: p.id ?? null,
      orderId: p.orderId ?? null,
      productName: p.productName ?? null,
      quantity: p.quantity,
      purchasedAt: parseInstant(p.purchasedAt, 'purchase.purchasedAt'),
      cancellation: cancellationLine(decision),
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
        deadline: plan.deadline,
        counts: plan.counts,
        capacityPerDay: plan.capacityPerDay,
        completesOn: plan.completesOn,
        lapses: plan.lapses,
        downtimeDeviceDays: plan.downtimeDeviceDays,
        warnings: plan.warnings,
      };
    },
    true,
  );
}

/**
 * Checks every purchase and fleet of the portfolio before any output is
 * written (a streamed report must not stop halfway on a caller mistake): the
 * same checks the rules run, with the path in the error's field. A fleet is
 * planned here and again when written (the plan is not kept: a fleet of a
 * million devices would sit in memory).
 */
export function checkPortfolio(portfolio: Portfolio, asOf: Date): void {
  const asOfMs = asOf.getTime();
  portfolio.customers.forEach((c, i) => {
    customerMarket(c, i);
    customerFleet(c, i, asOf);
    c.subscriptions.forEach((s, j) => {
      const checked = at(`customers[${i}].subscriptions[${j}]`, () => {
        optionalString(s.name, 'name');
        const sub = checkSubscription(s);
        // The report computes each refund: the money fields are required.
        if (s.unitPrice === undefined) missingMoney('subscription.unitPrice');
        if (s.currency === undefined) missingMoney('subscription.currency');
        return sub;
      });
      if (nearLimits(checked, asOfMs)) subscriptionLine(c, i, j, asOf);
    });
    c.perpetual.forEach((p, j) => {
      const checked = at(`customers[${i}].perpetual[${j}]`, () => {
        optionalString(p.productName, 'productName');
        return checkPerpetual(p);
      });
      if (nearLimits(checked, asOfMs)) perpetualLine(c, i, j, asOf);
    });
  });
}

/** Ten years before the last day the library computes (9999-12-31): a term cannot reach it from before. */
const LAST_SAFE_MS = Date.UTC(9990, 0, 1);
/** A charge a thousandth of the largest safe minor units: 36 installments of it still fit. */
const LAST_SAFE_CHARGE = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 1000));

/**
 * Whether a purchase is close enough to the library's limits (a date in the
 * last years before 10000, a charge near the largest safe number of minor
 * units) that the report's own computation could refuse it: those are
 * computed in full by the check, as the writers will compute them, so the
 * refusal comes before the first byte. Every other purchase passes the
 * writers' arithmetic, and is not computed twice.
 */
function nearLimits(
  p: { readonly purchasedMs: number; readonly quantity: number } & {
    readonly unitPrice?: ScaledDecimal | undefined;
    readonly exponent?: number | undefined;
  },
  asOfMs: number,
): boolean {
  if (asOfMs >= LAST_SAFE_MS || p.purchasedMs >= LAST_SAFE_MS) return true;
  if (p.unitPrice === undefined || p.exponent === undefined) return false;
  // units × quantity / 10^scale, in minor units: compared without dividing.
  return (
    p.unitPrice.units * BigInt(p.quantity) * pow10(p.exponent) >=
    LAST_SAFE_CHARGE * pow10(p.unitPrice.scale)
  );
}

function missingMoney(field: string): never {
  return fail('missing_field', field, `${field}: required to compute the refund`);
}

/** One customer's whole section (the streaming writers build it line by line instead). */
export function customerReport(c: PortfolioCustomer, i: number, asOf: Date): CustomerReport {
  const market = customerMarket(c, i);
  const subscriptions: SubscriptionLine[] = [];
  for (let j = 0; j < c.subscriptions.length; j++)
    subscriptions.push(subscriptionLine(c, i, j, asOf));
  const perpetual: PerpetualLine[] = [];
  for (let j = 0; j < c.perpetual.length; j++) perpetual.push(perpetualLine(c, i, j, asOf));
  return {
    name: c.name,
    customerId: c.customerId ?? null,
    market,
    subscriptions,
    perpetual,
    fleet: customerFleet(c, i, asOf),
  };
}

/** Applies every rule to the portfolio at `asOf`. */
export function buildReport(portfolio: Portfolio, asOf: Date): Report {
  return { asOf, customers: portfolio.customers.map((c, i) => customerReport(c, i, asOf)) };
}
