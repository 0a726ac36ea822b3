/**
 * "Is every line Microsoft billed right?": reconcile a reconciliation file's
 * lines against the lines a portfolio's purchases and histories give.
 * @module
 */
import type { Purchase, RuleRef } from '../core/index.js';
import { isCspRuleError } from '../core/index.js';
import {
  asRecord,
  currencyExponentOf,
  denseList,
  describeType,
  fail,
  failField,
  formatEpochDay,
  optionalString,
  pow10,
  type ScaledDecimal,
} from '../core/internal.js';
import { pricesIncludeTax } from '../markets/index.js';
import {
  type BilledLine,
  keyCache,
  lineFromRecord,
  type MalformedRecord,
  readDay,
  readDecimal,
} from './billed.js';
import {
  type AppliedLineRounding,
  type CheckedLineOptions,
  type ComputedLines,
  checkLineOptions,
  checkPeriod,
  computeLines,
  type ExpectedLinesOptions,
} from './expectedLines.js';
import type { LineDates, ReconciliationFinding } from './findings.js';
import { checkHistory, type SubscriptionEvent } from './history.js';
import {
  type ChargeType,
  type LineCalc,
  type LineRoundingMode,
  lineMinor,
  MODELLED_CHARGE_TYPES,
  minorText,
  RATE_ONE,
  readingOfRounding,
  roundingOfReading,
  type SignedMoney,
} from './lines.js';
import { LINE_ROUNDINGS, type LineRounding } from './policy.js';

/** The largest safe number of minor units, as a bigint. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A purchase of the portfolio being reconciled, with its history and customer.
 * @category Reconciliation
 */
export interface ReconciledPurchase {
  /** The subscription (its `id` is the `SubscriptionId` lines name) or perpetual purchase (matched by `id`, else `orderId`). */
  readonly purchase: Purchase;
  /** Its events (see `expectedLines`). */
  readonly history?: readonly SubscriptionEvent[];
  /** The customer's tenant id (`CustomerId` in the file). */
  readonly customerId?: string;
}

/**
 * Options of {@link reconcile} and {@link reconcileAsync}: the rounding and
 * day-count options of `expectedLines`, and the period.
 * @category Reconciliation
 */
export interface ReconcileOptions extends Omit<ExpectedLinesOptions, 'history' | 'period'> {
  /**
   * The billing period the file is for (`'YYYY-MM'`). Expected lines nobody
   * billed are reported for it and for every period a billed line names.
   */
  readonly period?: string;
}

/**
 * A billed line a reading the library does not use by default fits: it matches.
 * @category Reconciliation
 */
export interface ReadingMatch {
  /** The billed line's number. */
  readonly line: number;
  /** Its subscription. */
  readonly subscriptionId: string | null;
  /** Its charge type. */
  readonly chargeType: string;
  /** The documented reading it fits. */
  readonly reading: LineRounding;
}

/**
 * Totals of one customer in one currency.
 * @category Reconciliation
 */
export interface ReconciliationTotal {
  /** The customer's tenant id, or `null` for lines without one. */
  readonly customerId: string | null;
  /** The currency. */
  readonly currency: string;
  /** What the rules give for the modelled lines. */
  readonly expected: SignedMoney;
  /** What the file bills for them. */
  readonly billed: SignedMoney;
  /** Billed minus expected. */
  readonly difference: SignedMoney;
  /** What the file bills for lines not modelled. */
  readonly notModelled: SignedMoney;
  /** Whether the customer's market prices include tax (amounts are compared before tax, `Subtotal`). */
  readonly taxInclusiveMarket: boolean;
}

/**
 * The outcome of a reconciliation.
 * @category Reconciliation
 */
export interface Reconciliation {
  /** Lines read (malformed ones included). */
  readonly lines: number;
  /** Billed lines that matched an expected line (under some reading). */
  readonly matched: number;
  /** The periods reconciled, sorted. */
  readonly periods: readonly string[];
  /** Every finding, in file order, then the expected lines nobody billed. */
  readonly findings: readonly ReconciliationFinding[];
  /** Whether a finding other than `not_modelled` was made. */
  readonly ok: boolean;
  /** The matches that fit another documented reading than the default. */
  readonly otherReadings: readonly ReadingMatch[];
  /** Totals per customer and currency. */
  readonly totals: readonly ReconciliationTotal[];
  /** The rounding expected lines were computed with. */
  readonly rounding: AppliedLineRounding;
  /** The rules applied. */
  readonly rules: readonly RuleRef[];
}

/**
 * What {@link reconcile} reads: a record with Microsoft's attribute names
 * (an object of Graph's JSON lines, a CSV row as an object), or what the
 * `./files` readers yield: `{ line }` (a read line) or `{ malformed }`.
 * @category Reconciliation
 */
export type ReconciliationInput =
  | Readonly<Record<string, unknown>>
  | {
      /** A line already read. */
      readonly line: BilledLine;
    }
  | {
      /** A line that could not be read. */
      readonly malformed: MalformedRecord;
    };

/** More purchases than a portfolio holds. */
const MAX_PURCHASES = 10_000_000;

/** An object with a `Symbol.iterator` (or, with `async`, a `Symbol.asyncIterator`); a string is not a list. */
function isIterable(input: unknown, async = false): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const r = input as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  return (
    typeof r[Symbol.iterator] === 'function' ||
    (async && typeof r[Symbol.asyncIterator] === 'function')
  );
}

/** The caller's lines, checked to be something to iterate (a TypeError otherwise). */
function checkLines(lines: unknown, async = false): void {
  if (!isIterable(lines, async)) {
    failField('lines', `expected an array or an iterable of records, got ${describeType(lines)}`);
  }
}

/** The caller's purchases read into an array: at most {@link MAX_PURCHASES}, so an endless iterable ends. */
function purchaseList(input: unknown): unknown[] {
  if (Array.isArray(input)) return denseList(input, 'purchases', MAX_PURCHASES);
  if (!isIterable(input)) {
    failField('purchases', `expected an array or an iterable, got ${describeType(input)}`);
  }
  const out: unknown[] = [];
  for (const item of input as Iterable<unknown>) {
    if (out.length === MAX_PURCHASES) failField('purchases', `more than ${MAX_PURCHASES} items`);
    out.push(item);
  }
  return out;
}

/** Numbers kept per expected line in {@link PeriodLines.state}. */
const STATE = 4;
const S_LINE = 0; // the matched billed line's number, NaN while unmatched
const S_MINOR = 1; // its subtotal
const S_QUANTITY = 2;
const S_KEY = 3; // its start day, charge type and direction: see matchKey

/** Start day, charge type (index) and direction in one exact number. */
function matchKey(start: number, type: ChargeType, sign: number): number {
  return (start * 16 + MODELLED_CHARGE_TYPES.indexOf(type)) * 2 + (sign > 0 ? 1 : 0);
}

/**
 * What a reconciliation keeps of an entry's expected lines for one period.
 * A million matched lines must not keep a million objects alive: a matched
 * line keeps only its numbers (in `state`), and its computation is dropped.
 */
interface PeriodLines {
  /** The expected lines; `undefined` once matched. */
  readonly calcs: (LineCalc | undefined)[];
  /** {@link STATE} numbers per expected line. */
  readonly state: Float64Array;
  readonly currency: string;
  readonly exponent: number;
  readonly cancelledDay: number | undefined;
}

interface Entry {
  readonly purchase: Purchase;
  readonly id: string | null;
  /**
   * The caller's history, checked when the portfolio is read and checked
   * again (into events) when a period's lines are computed: a copy of every
   * event of 100,000 subscriptions would outweigh the lines themselves.
   */
  readonly history: unknown;
  /** Its position in the portfolio (for the field a caller mistake names). */
  readonly index: number;
  readonly customerId: string | null;
  /** The first period's lines (most entries have one), then any other's. */
  period: string | undefined;
  lines: PeriodLines | undefined;
  others: Map<string, PeriodLines> | undefined;
}

interface TotalAcc {
  customerId: string | null;
  currency: string;
  expected: bigint;
  billed: bigint;
  notModelled: bigint;
  country: string | null;
}

const NOT_SOFTWARE = /azure|usage|marketplace|saas|reserv/i;

/** Charge types by their spelling in a file: Microsoft's, then any case. */
const CHARGE_TYPES: ReadonlyMap<string, ChargeType> = /* @__PURE__ */ new Map(
  MODELLED_CHARGE_TYPES.map((t) => [t.toLowerCase(), t]),
);

function chargeTypeOf(text: string): ChargeType | undefined {
  return CHARGE_TYPES.get(text) ?? CHARGE_TYPES.get(text.toLowerCase());
}

/** Distinct date texts remembered per reconciliation (a file's dates repeat). */
const DAY_CACHE_SIZE = 4096;

/** @internal The state of one reconciliation, fed one line at a time. */
export class Reconciler {
  readonly #o: CheckedLineOptions;
  readonly #byId = new Map<string, Entry>();
  readonly #byOrder = new Map<string, Entry>();
  readonly #entries: Entry[] = [];
  readonly #periods = new Set<string>();
  readonly #findings: ReconciliationFinding[] = [];
  readonly #notModelled = new Map<string, { finding: { lines: number } }>();
  readonly #other: ReadingMatch[] = [];
  readonly #totals = new Map<string, TotalAcc>();
  readonly #keys = keyCache();
  readonly #accepted: LineRoundingMode[];
  #lines = 0;
  #matched = 0;
  #days = new Map<string, number | undefined>();
  /** Every rule applied, once (each purchase's computation lists its own). */
  readonly #rules = new Map<string, RuleRef>();
  #lastTotal: TotalAcc | undefined;

  constructor(purchases: Iterable<ReconciledPurchase>, options: unknown) {
    const o = asRecord(options ?? {}, 'options');
    this.#o = checkLineOptions(o);
    if (this.#o.period !== undefined) this.#periods.add(this.#o.period.text);
    const list = purchaseList(purchases);
    for (let i = 0; i < list.length; i++) {
      const field = `purchases[${i}]`;
      const r = asRecord(list[i], field);
      const purchase = asRecord(r['purchase'], `${field}.purchase`) as unknown as Purchase;
      const id = optionalString((purchase as { id?: unknown }).id, `${field}.purchase.id`) ?? null;
      const orderId = optionalString(
        (purchase as { orderId?: unknown }).orderId,
        `${field}.purchase.orderId`,
      );
      // Checked now (a caller mistake throws before any line is read), kept as given.
      checkHistory(r['history'], `${field}.history`);
      const entry: Entry = {
        purchase,
        id,
        history: r['history'],
        index: i,
        customerId: optionalString(r['customerId'], `${field}.customerId`) ?? null,
        period: undefined,
        lines: undefined,
        others: undefined,
      };
      this.#entries.push(entry);
      if (id !== null) {
        if (this.#byId.has(id))
          failField(
            `${field}.purchase.id`,
            'the same subscription id twice in the portfolio',
            'invalid_input',
          );
        this.#byId.set(id, entry);
      }
      if (orderId !== undefined && purchase.kind === 'perpetual' && !this.#byOrder.has(orderId))
        this.#byOrder.set(orderId, entry);
    }
    // The caller's rounding first, then every documented reading.
    this.#accepted = [this.#o.rounding];
    for (const reading of LINE_ROUNDINGS) {
      const r = roundingOfReading(reading);
      if (r.mode !== this.#o.rounding.mode || r.apply !== this.#o.rounding.apply)
        this.#accepted.push(r);
    }
  }

  /** The expected lines of an entry for a period, computed once. */
  #slots(entry: Entry, period: string): PeriodLines {
    let found = entry.period === period ? entry.lines : entry.others?.get(period);
    if (found === undefined) {
      const { fromDay, toDay } = checkPeriod(period);
      let computed: ComputedLines;
      try {
        const events = checkHistory(entry.history, `purchases[${entry.index}].history`);
        computed = computeLines(entry.purchase, events, this.#o, toDay);
      } catch (e) {
        if (!isCspRuleError(e)) throw e;
        // A purchase the rules refuse is the caller's mistake: say which.
        // 'purchases[' first: it also starts with 'purchase'.
        const field = e.field.startsWith('purchases[')
          ? e.field
          : e.field.startsWith('purchase')
            ? `purchases[${entry.index}].purchase${e.field.slice('purchase'.length)}`
            : `purchases[${entry.index}].purchase.${e.field}`;
        return failField(field, e.message.replace(/^[^:]*: /, ''), e.code);
      }
      for (const rule of computed.rules) {
        const key = `${rule.id}@${rule.effectiveFrom}`;
        if (!this.#rules.has(key)) this.#rules.set(key, rule);
      }
      // Only the period's lines are kept, not the history's whole schedule.
      const calcs: LineCalc[] = [];
      for (const calc of computed.lines)
        if (calc.startDay >= fromDay && calc.startDay <= toDay) calcs.push(calc);
      const state = new Float64Array(calcs.length * STATE);
      for (let i = 0; i < calcs.length; i++) state[i * STATE + S_LINE] = Number.NaN;
      found = {
        calcs,
        state,
        currency: computed.currency,
        exponent: computed.exponent,
        cancelledDay: computed.cancelledDay,
      };
      if (entry.period === undefined) {
        entry.period = period;
        entry.lines = found;
      } else {
        entry.others ??= new Map();
        entry.others.set(period, found);
      }
    }
    return found;
  }

  /** {@link readDay}, remembered: a file of a million lines has a few hundred distinct dates. */
  #day(text: string): number | undefined {
    const known = this.#days.get(text);
    if (known !== undefined || this.#days.has(text)) return known;
    const day = readDay(text);
    if (this.#days.size >= DAY_CACHE_SIZE) this.#days.clear();
    this.#days.set(text, day);
    return day;
  }

  #total(customerId: string | null, currency: string, country: string | null): TotalAcc {
    // Consecutive lines are mostly the same customer's.
    const last = this.#lastTotal;
    if (last !== undefined && last.customerId === customerId && last.currency === currency) {
      if (last.country === null && country !== null) last.country = country;
      return last;
    }
    this.#lastTotal = this.#totalOf(customerId, currency, country);
    return this.#lastTotal;
  }

  #totalOf(customerId: string | null, currency: string, country: string | null): TotalAcc {
    // One total per tenant, however its id is cased.
    const key = `${customerId?.toLowerCase() ?? ''}\u0000${currency}`;
    let t = this.#totals.get(key);
    if (t === undefined) {
      t = { customerId, currency, expected: 0n, billed: 0n, notModelled: 0n, country };
      this.#totals.set(key, t);
    }
    if (t.country === null && country !== null) t.country = country;
    return t;
  }

  #malformed(line: number, field: string | null, problem: string, b?: BilledLine): undefined {
    this.#findings.push({
      code: 'malformed_line',
      line,
      subscriptionId: b?.subscriptionId ?? null,
      customerId: b?.customerId ?? null,
      chargeType: b?.chargeType || null,
      period: null,
      field,
      problem,
    });
  }

  #notModelledLine(b: BilledLine, cause: 'product' | 'charge_type', period: string | null): void {
    const key = `${b.customerId ?? ''}\u0000${b.subscriptionId ?? ''}\u0000${b.chargeType}\u0000${period ?? ''}`;
    const seen = this.#notModelled.get(key);
    if (seen !== undefined) seen.finding.lines += 1;
    else {
      const finding = {
        code: 'not_modelled' as const,
        line: b.line,
        subscriptionId: b.subscriptionId,
        customerId: b.customerId,
        chargeType: b.chargeType,
        period,
        cause,
        lines: 1,
      };
      this.#findings.push(finding);
      this.#notModelled.set(key, { finding });
    }
    // Totalled apart when its amount reads (it is not checked either way).
    const sub = this.#subtotalOf(b);
    if (sub !== undefined)
      this.#total(b.customerId, sub.currency, b.customerCountry).notModelled += BigInt(sub.minor);
  }

  /** Reads one input item. */
  add(item: unknown, position: number): void {
    this.#lines += 1;
    let b: BilledLine;
    // A hole (or undefined) is the caller's list, not a line of a file: one
    // error, not a finding per hole (a sparse array of 2^27 would be 2^27 findings).
    if (item === undefined)
      failField(`lines[${position - 1}]`, 'a hole or undefined where a record was expected');
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      this.#malformed(position, null, 'not a record');
      return;
    }
    const r = item as Record<string, unknown>;
    if (
      Object.hasOwn(r, 'malformed') &&
      typeof r['malformed'] === 'object' &&
      r['malformed'] !== null
    ) {
      const m = r['malformed'] as MalformedRecord;
      this.#malformed(
        Number.isSafeInteger(m.line) && m.line >= 0 ? m.line : position,
        typeof m.field === 'string' ? m.field : null,
        typeof m.problem === 'string' ? m.problem : 'unreadable line',
      );
      return;
    }
    if (Object.hasOwn(r, 'line') && typeof r['line'] === 'object' && r['line'] !== null) {
      b = r['line'] as BilledLine;
      // A line read by billedLineReader carries its number; any other is this position.
      if (!Number.isSafeInteger(b.line) || b.line < 0) b = { ...b, line: position };
    } else b = lineFromRecord(r, position, this.#keys);
    this.#line(b);
  }

  /** A line for a subscription the portfolio lacks, or has under another customer. */
  #unknownSubscription(
    b: BilledLine,
    period: string | null,
    portfolioCustomerId: string | null,
  ): undefined {
    this.#findings.push({
      code: 'unknown_subscription',
      line: b.line,
      subscriptionId: b.subscriptionId,
      customerId: b.customerId,
      chargeType: b.chargeType,
      period,
      portfolioCustomerId,
      billed: this.#subtotalOf(b) ?? null,
    });
  }

  #line(b: BilledLine): undefined {
    // Without a charge type a line cannot even be classified.
    if (b.chargeType === '') return this.#malformed(b.line, 'ChargeType', 'missing', b);
    const start = b.chargeStartDate === null ? undefined : this.#day(b.chargeStartDate);
    const period = start === undefined ? null : formatEpochDay(start).slice(0, 7);
    const type = chargeTypeOf(b.chargeType);
    const entry =
      (b.subscriptionId === null ? undefined : this.#byId.get(b.subscriptionId)) ??
      (b.orderId === null ? undefined : this.#byOrder.get(b.orderId));
    if (entry === undefined) {
      const software =
        type !== undefined &&
        b.meterDescription === null &&
        (b.productCategory === null || !NOT_SOFTWARE.test(b.productCategory));
      if (!software) {
        this.#notModelledLine(b, type === undefined ? 'charge_type' : 'product', period);
        return;
      }
      return this.#unknownSubscription(b, period, null);
    }
    if (
      entry.customerId !== null &&
      b.customerId !== null &&
      entry.customerId.toLowerCase() !== b.customerId.toLowerCase()
    ) {
      return this.#unknownSubscription(b, period, entry.customerId);
    }
    if (type === undefined) {
      this.#notModelledLine(b, 'charge_type', period);
      return;
    }
    // A modelled line: every figure must read.
    if (start === undefined || period === null)
      return this.#malformed(b.line, 'ChargeStartDate', 'not a date', b);
    const end = b.chargeEndDate === null ? undefined : this.#day(b.chargeEndDate);
    if (end === undefined) return this.#malformed(b.line, 'ChargeEndDate', 'not a date', b);
    if (b.currency === null || currencyExponentOf(b.currency) === undefined)
      return this.#malformed(b.line, 'Currency', 'not an ISO 4217 currency', b);
    const subtotal = this.#subtotalOf(b);
    if (subtotal === undefined)
      return this.#malformed(b.line, 'Subtotal', 'not an amount in the currency', b);
    const qty = b.billableQuantity === null ? undefined : readDecimal(b.billableQuantity);
    if (qty === undefined || qty.units < 0n || qty.units % pow10(qty.scale) !== 0n)
      return this.#malformed(b.line, 'BillableQuantity', 'not a whole number of licences', b);
    const quantity = Number(qty.units / pow10(qty.scale));
    const price = b.unitPrice === null ? undefined : readDecimal(b.unitPrice);
    if (b.unitPrice !== null && price === undefined)
      return this.#malformed(b.line, 'UnitPrice', 'not a decimal', b);
    const rate = b.exchangeRate === null ? undefined : readDecimal(b.exchangeRate);
    if (b.exchangeRate !== null && (rate === undefined || rate.units <= 0n))
      return this.#malformed(b.line, 'PCToBCExchangeRate', 'not a positive decimal', b);
    this.#periods.add(period);

    const group = this.#slots(entry, period);
    // A zero amount (a credit of 0.00 for a cheap licence and one day) has
    // no direction of its own: it may match a charge or a credit.
    const sign = subtotal.minor < 0 ? -1 : subtotal.minor > 0 ? 1 : 0;
    // The portfolio's spelling: customer ids match whatever their case.
    const total = this.#total(entry.customerId ?? b.customerId, b.currency, b.customerCountry);
    total.billed += BigInt(subtotal.minor);
    // Built only for a finding: most lines have none.
    const place = () => ({
      line: b.line,
      subscriptionId: b.subscriptionId ?? entry.id,
      customerId: b.customerId ?? entry.customerId,
      chargeType: b.chargeType,
      period,
    });
    const dates = (): LineDates => ({ start: formatEpochDay(start), end: formatEpochDay(end) });

    // The expected line: same charge type, direction and start; else same type and direction.
    const { calcs, state } = group;
    let slot = -1;
    let fallback = -1;
    for (let i = 0; i < calcs.length; i++) {
      const c = calcs[i];
      if (c === undefined || c.chargeType !== type || (sign !== 0 && c.sign !== sign)) continue;
      if (c.startDay === start) {
        if (c.quantity === quantity) {
          slot = i;
          break;
        }
        if (slot < 0) slot = i;
      } else if (fallback < 0) fallback = i;
    }
    if (slot < 0) slot = fallback;
    if (slot < 0) {
      const credit = matchKey(start, type, -1);
      const charge = matchKey(start, type, 1);
      let dup = -1;
      for (let i = 0; dup < 0 && i < calcs.length; i++) {
        const at = i * STATE;
        const key = state[at + S_KEY];
        if (
          calcs[i] === undefined &&
          (sign < 0
            ? key === credit
            : sign > 0
              ? key === charge
              : key === credit || key === charge) &&
          state[at + S_MINOR] === subtotal.minor &&
          state[at + S_QUANTITY] === quantity
        )
          dup = i;
      }
      const cancelled = group.cancelledDay;
      if (dup >= 0)
        this.#findings.push({
          code: 'duplicate_line',
          ...place(),
          duplicateOf: state[dup * STATE + S_LINE] as number,
          billed: subtotal,
        });
      else if (sign < 0)
        this.#findings.push({
          code: 'refund_not_due',
          ...place(),
          dates: dates(),
          billed: subtotal,
        });
      else if (cancelled !== undefined && start >= cancelled)
        this.#findings.push({
          code: 'billed_after_cancellation',
          ...place(),
          cancelledOn: formatEpochDay(cancelled),
          dates: dates(),
          billed: subtotal,
        });
      else
        this.#findings.push({
          code: 'unexpected_charge',
          ...place(),
          dates: dates(),
          billed: subtotal,
        });
      return;
    }
    const calc = calcs[slot] as LineCalc;
    const at = slot * STATE;
    state[at + S_LINE] = b.line;
    state[at + S_MINOR] = subtotal.minor;
    state[at + S_QUANTITY] = quantity;
    state[at + S_KEY] = matchKey(start, type, calc.sign);
    calcs[slot] = undefined;
    this.#matched += 1;
    if (calc.startDay !== start || calc.endDay !== end) {
      this.#findings.push({
        code: 'dates_differ',
        ...place(),
        expected: { start: formatEpochDay(calc.startDay), end: formatEpochDay(calc.endDay) },
        billed: dates(),
      });
    }
    const currency = group.currency;
    const pricing = b.pricingCurrency ?? b.currency;
    let checked: LineCalc = calc;
    if ((price !== undefined && !sameDecimal(price, calc.price)) || pricing !== currency) {
      this.#findings.push({
        ...place(),
        code: 'unit_price_differs',
        expected: { unitPrice: minorText(calc.price.units, calc.price.scale), currency },
        billed: { unitPrice: b.unitPrice, currency: pricing },
      });
      if (price !== undefined) checked = { ...calc, price };
    }
    if (quantity !== calc.quantity) {
      this.#findings.push({
        code: 'quantity_differs',
        ...place(),
        expected: calc.quantity,
        billed: quantity,
      });
    }
    const exponent = currencyExponentOf(b.currency) as number;
    const effectiveRate = rate ?? RATE_ONE;
    let fit: LineRoundingMode | undefined;
    let expectedMinor = 0n;
    for (let i = 0; i < this.#accepted.length; i++) {
      const rounding = this.#accepted[i] as LineRoundingMode;
      const m = lineMinor(checked, quantity, exponent, effectiveRate, rounding).totalMinor;
      if (i === 0) expectedMinor = m;
      if (m === BigInt(subtotal.minor)) {
        fit = rounding;
        break;
      }
    }
    // The totals say what the rules give at the caller's price and quantity:
    // a price that differs shows in the difference (the line's own check used
    // the billed one).
    total.expected +=
      checked === calc && quantity === calc.quantity
        ? expectedMinor
        : lineMinor(calc, calc.quantity, exponent, effectiveRate, this.#o.rounding).totalMinor;
    if (fit === undefined) {
      this.#findings.push({
        ...place(),
        code: 'amount_differs',
        expected: { currency: b.currency, minor: Number(expectedMinor) },
        billed: subtotal,
        difference: { currency: b.currency, minor: subtotal.minor - Number(expectedMinor) },
        reading: readingOfRounding(this.#o.rounding) ?? null,
      });
    } else if (fit !== this.#accepted[0]) {
      const reading = readingOfRounding(fit);
      if (reading !== undefined)
        this.#other.push({
          line: b.line,
          subscriptionId: b.subscriptionId ?? entry.id,
          chargeType: b.chargeType,
          reading,
        });
    }
  }

  #subtotalOf(b: BilledLine): SignedMoney | undefined {
    if (b.subtotal === null || b.currency === null) return undefined;
    const d = readDecimal(b.subtotal);
    const exponent = currencyExponentOf(b.currency);
    if (d === undefined || exponent === undefined || d.scale > exponent) {
      // "94.200" has more digits than cents but is a whole number of them.
      if (d === undefined || exponent === undefined) return undefined;
      const drop = pow10(d.scale - exponent);
      if (d.units % drop !== 0n) return undefined;
      const whole = d.units / drop;
      return Number.isSafeInteger(Number(whole))
        ? { currency: b.currency, minor: Number(whole) }
        : undefined;
    }
    const minor = d.units * pow10(exponent - d.scale);
    return Number.isSafeInteger(Number(minor))
      ? { currency: b.currency, minor: Number(minor) }
      : undefined;
  }

  /** The outcome, once every line is read: the expected lines nobody billed added. */
  finish(): Reconciliation {
    const periods = [...this.#periods].sort();
    for (const entry of this.#entries) {
      for (const period of periods) {
        const group = this.#slots(entry, period);
        for (const c of group.calcs) {
          if (c === undefined) continue;
          const currency = group.currency;
          const minor = lineMinor(
            c,
            c.quantity,
            group.exponent,
            RATE_ONE,
            this.#o.rounding,
          ).totalMinor;
          this.#total(entry.customerId, currency, null).expected += minor;
          const base = {
            line: null,
            subscriptionId: entry.id,
            customerId: entry.customerId,
            chargeType: c.chargeType,
            period,
            dates: { start: formatEpochDay(c.startDay), end: formatEpochDay(c.endDay) },
            quantity: c.quantity,
            expected: { currency, minor: Number(minor) },
          };
          this.#findings.push(
            c.sign < 0 ? { code: 'refund_missing', ...base } : { code: 'missing_charge', ...base },
          );
        }
      }
    }
    const totals: ReconciliationTotal[] = [];
    for (const t of this.#totals.values()) {
      let taxInclusiveMarket = false;
      if (t.country !== null) {
        try {
          taxInclusiveMarket = pricesIncludeTax(t.country);
        } catch (e) {
          if (!isCspRuleError(e)) throw e;
        }
      }
      const money = (minor: bigint, what: string): SignedMoney => {
        // Summed exactly; a sum past the safe integers would lose its last digits.
        if (minor > MAX_SAFE || minor < -MAX_SAFE) {
          fail(
            'invalid_money',
            'totals',
            `totals: the ${what} of customer ${JSON.stringify((t.customerId ?? '').slice(0, 60))} in ${t.currency} is beyond the largest safe number of minor units`,
          );
        }
        return { currency: t.currency, minor: Number(minor) };
      };
      totals.push({
        customerId: t.customerId,
        currency: t.currency,
        expected: money(t.expected, 'expected total'),
        billed: money(t.billed, 'billed total'),
        difference: money(t.billed - t.expected, 'difference'),
        notModelled: money(t.notModelled, 'total not modelled'),
        taxInclusiveMarket,
      });
    }
    totals.sort((a, b) =>
      (a.customerId ?? '') < (b.customerId ?? '')
        ? -1
        : (a.customerId ?? '') > (b.customerId ?? '')
          ? 1
          : a.currency < b.currency
            ? -1
            : a.currency > b.currency
              ? 1
              : 0,
    );
    return {
      lines: this.#lines,
      matched: this.#matched,
      periods,
      findings: this.#findings,
      ok: this.#findings.every((f) => f.code === 'not_modelled'),
      otherReadings: this.#other,
      totals,
      rounding: { ...this.#o.rounding, reading: readingOfRounding(this.#o.rounding) ?? null },
      rules: [...this.#rules.values()],
    };
  }
}

function sameDecimal(a: ScaledDecimal, b: ScaledDecimal): boolean {
  if (a.scale === b.scale) return a.units === b.units;
  return a.scale < b.scale
    ? a.units * pow10(b.scale - a.scale) === b.units
    : b.units * pow10(a.scale - b.scale) === a.units;
}

/**
 * Reconciles the lines of Microsoft's reconciliation data against what a
 * portfolio's purchases and histories give, line by line: each billed line
 * is matched to an expected line (same subscription, charge type, direction
 * and start day) and its dates, unit price, quantity and subtotal checked;
 * expected lines nobody billed are reported at the end. Amounts are compared
 * before tax (`Subtotal`), in the billing currency (after `PCToBCExchangeRate`);
 * a subtotal that fits a documented rounding reading other than the default
 * matches, and `otherReadings` says which. Lines of products this version
 * does not model (Azure usage, marketplace) are `not_modelled`, never wrong;
 * a line that cannot be read is `malformed_line` and the rest is still read.
 *
 * @param lines - The file's records (see {@link ReconciliationInput}).
 * @param purchases - The portfolio: `{ purchase, history?, customerId? }` each.
 * @param options - `{ period?, rounding?, cycleDays?, billingPlanChangeProration? }`.
 * @returns `{ lines, matched, periods, findings, ok, otherReadings, totals, rounding, rules }`.
 * @throws {@link core!CspRuleError} for a malformed purchase, history or option
 *   (the field names the purchase, e.g. `purchases[3].purchase.unitPrice`);
 *   `invalid_input` on `lines` or `purchases` when it is not an array or an
 *   iterable (or holds more than 10,000,000 purchases), and on `lines[i]`
 *   for a hole or `undefined` (the caller's list, not a line of a file). A
 *   malformed line (any other value that is not a readable record) is never
 *   an error: it is a `malformed_line` finding. `invalid_money` on `totals`
 *   when a customer's total in one currency passes the largest safe number
 *   of minor units (about 90 trillion euros), rather than a total that has
 *   lost its last digits.
 * @example
 * ```ts
 * import { reconcile } from 'csp-software-rules/reconciliation';
 *
 * const purchases = [{ customerId: 'c1', purchase: { kind: 'subscription', id: 's1', purchasedAt: '2021-07-15T09:00:00Z', term: 'P1M', billingFrequency: 'monthly', quantity: 10, unitPrice: '10.08', currency: 'EUR' }, history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }] }] as const;
 * const file = [
 *   { CustomerId: 'c1', SubscriptionId: 's1', ChargeType: 'new', ChargeStartDate: '7/15/2021', ChargeEndDate: '8/14/2021', UnitPrice: '10.08', BillableQuantity: '10', Subtotal: '100.80', Currency: 'EUR' },
 *   { CustomerId: 'c1', SubscriptionId: 's1', ChargeType: 'cancelImmediate', ChargeStartDate: '7/17/2021', ChargeEndDate: '8/14/2021', UnitPrice: '10.08', BillableQuantity: '10', Subtotal: '-94.20', Currency: 'EUR' },
 * ];
 * const r = reconcile(file, purchases);
 * r.ok; // => true
 * r.totals[0]?.billed; // => { currency: 'EUR', minor: 660 }
 * reconcile(file.slice(0, 1), purchases).findings.map((f) => f.code); // => ['refund_missing']
 * ```
 * @category Reconciliation
 */
export function reconcile(
  lines: Iterable<ReconciliationInput>,
  purchases: Iterable<ReconciledPurchase>,
  options?: ReconcileOptions,
): Reconciliation {
  const r = new Reconciler(purchases, options);
  checkLines(lines);
  let i = 0;
  for (const item of lines) r.add(item, ++i);
  return r.finish();
}

/**
 * {@link reconcile} for lines that arrive as an async iterable (a file
 * streamed by `readReconciliationFile` of `csp-software-rules/files`, a
 * paged API): one line in memory at a time, besides the expected lines.
 *
 * @param lines - The file's records, sync or async.
 * @param purchases - The portfolio.
 * @param options - As for {@link reconcile}.
 * @returns A promise of the same {@link Reconciliation}.
 * @throws {@link core!CspRuleError} as {@link reconcile} (the promise rejects).
 * @example
 * ```ts
 * import { reconcileAsync } from 'csp-software-rules/reconciliation';
 *
 * async function* lines() {
 *   yield { SubscriptionId: 'x', ChargeType: 'new', MeterDescription: 'Compute hours', Subtotal: '1.00', Currency: 'EUR' };
 * }
 * const r = await reconcileAsync(lines(), []);
 * r.findings[0]?.code; // => 'not_modelled'
 * ```
 * @category Reconciliation
 */
export async function reconcileAsync(
  lines: AsyncIterable<ReconciliationInput> | Iterable<ReconciliationInput>,
  purchases: Iterable<ReconciledPurchase>,
  options?: ReconcileOptions,
): Promise<Reconciliation> {
  const r = new Reconciler(purchases, options);
  checkLines(lines, true);
  let i = 0;
  for await (const item of lines) r.add(item, ++i);
  return r.finish();
}
