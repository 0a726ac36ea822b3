/**
 * A line of Microsoft's reconciliation data, read from a record with
 * Microsoft's attribute names (any case, extra attributes ignored).
 * @module
 */
import type { CalendarDay } from '../core/index.js';
import { isCspRuleError } from '../core/index.js';
import {
  currencyCodeOf,
  epochDayFromYmd,
  failField,
  formatEpochDay,
  frozen,
  type ScaledDecimal,
  toScaledDecimal,
} from '../core/internal.js';

/**
 * One line Microsoft billed, in our vocabulary (every value as the file
 * wrote it, checked; `null` where the file has no value).
 * @category Reconciliation
 */
export interface BilledLine {
  /** Line number in the file (1-based; a CSV's header is line 1), or the record's position. */
  readonly line: number;
  /** `CustomerId`: the customer's tenant id. */
  readonly customerId: string | null;
  /** `CustomerCountry` (market code). */
  readonly customerCountry: string | null;
  /** `SubscriptionId`. */
  readonly subscriptionId: string | null;
  /** `OrderId`. */
  readonly orderId: string | null;
  /** `ProductName`. */
  readonly productName: string | null;
  /** `ChargeType`, as written. */
  readonly chargeType: string;
  /** `ChargeStartDate`, as a UTC day. */
  readonly chargeStartDate: CalendarDay | null;
  /** `ChargeEndDate`, as a UTC day. */
  readonly chargeEndDate: CalendarDay | null;
  /** `UnitPrice`, decimal text. */
  readonly unitPrice: string | null;
  /** `EffectiveUnitPrice`, decimal text. */
  readonly effectiveUnitPrice: string | null;
  /** `BillableQuantity` (`Quantity` when absent), decimal text. */
  readonly billableQuantity: string | null;
  /** `Subtotal` (before tax), decimal text, in `currency`. */
  readonly subtotal: string | null;
  /** `Currency`: the billing currency. */
  readonly currency: string | null;
  /** `PricingCurrency`, when the file has it. */
  readonly pricingCurrency: string | null;
  /** `PCToBCExchangeRate`, decimal text. */
  readonly exchangeRate: string | null;
  /** `ProductCategory`. */
  readonly productCategory: string | null;
  /** `MeterDescription` (usage lines). */
  readonly meterDescription: string | null;
}

/**
 * A record that could not be read as a line: its line number, the attribute
 * at fault and what is wrong.
 * @category Reconciliation
 */
export interface MalformedRecord {
  /** Line number in the file. */
  readonly line: number;
  /** The attribute at fault (Microsoft's name), or `null` for the whole line. */
  readonly field: string | null;
  /** What is wrong, in English. */
  readonly problem: string;
}

/** The attributes read, by their lower-case names, with Microsoft's spelling. */
const ATTRIBUTES = [
  ['customerid', 'CustomerId'],
  ['customercountry', 'CustomerCountry'],
  ['subscriptionid', 'SubscriptionId'],
  ['orderid', 'OrderId'],
  ['productname', 'ProductName'],
  ['chargetype', 'ChargeType'],
  ['chargestartdate', 'ChargeStartDate'],
  ['chargeenddate', 'ChargeEndDate'],
  ['unitprice', 'UnitPrice'],
  ['effectiveunitprice', 'EffectiveUnitPrice'],
  ['billablequantity', 'BillableQuantity'],
  ['quantity', 'Quantity'],
  ['subtotal', 'Subtotal'],
  ['currency', 'Currency'],
  ['pricingcurrency', 'PricingCurrency'],
  ['pctobcexchangerate', 'PCToBCExchangeRate'],
  ['productcategory', 'ProductCategory'],
  ['meterdescription', 'MeterDescription'],
] as const;

/** Microsoft's names of the attributes this library reads. @category Reconciliation */
export const RECONCILIATION_ATTRIBUTES: readonly string[] = /* @__PURE__ */ frozen(
  ATTRIBUTES.map((a) => a[1]),
);

const INDEX_OF: ReadonlyMap<string, number> = new Map(ATTRIBUTES.map((a, i) => [a[0], i]));

/**
 * @internal For a list of attribute names (a CSV header, a record's keys),
 * the position of each attribute read (`-1` when absent). Names match
 * whatever their case; surrounding spaces and a byte-order mark are ignored.
 */
export function attributePositions(names: readonly string[]): Int32Array {
  const pos = new Int32Array(ATTRIBUTES.length).fill(-1);
  for (let i = 0; i < names.length; i++) {
    const key = String(names[i])
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    const at = INDEX_OF.get(key);
    if (at !== undefined && pos[at] === -1) pos[at] = i;
  }
  return pos;
}

/** A currency cell: the ISO spelling of a known code in any case (`eur`), else as written (reconcile reports it). */
function currencyCell(v: string | null): string | null {
  return v === null ? null : (currencyCodeOf(v) ?? v);
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s =
    typeof v === 'string'
      ? v.trim()
      : typeof v === 'number' && Number.isFinite(v)
        ? String(v)
        : undefined;
  if (s === undefined) return null;
  return s === '' ? null : s;
}

/**
 * A reader of rows of values under a header (a CSV parsed by your own
 * parser, in a browser): the attributes this library reads are found in the
 * header once, whatever their case, and each row becomes a {@link BilledLine}.
 *
 * @param header - The column names, in Microsoft's spelling (any case; extra columns ignored).
 * @returns `(values, line) => BilledLine`, `line` being the row's line number.
 * @throws {@link core!CspRuleError} `invalid_input` for a header that is not an
 *   array of strings (or has more than 10,000 columns), and from the reader for
 *   `values` that are not an array or a `line` that is not a whole number ≥ 0.
 * @example
 * ```ts
 * import { billedLineReader } from 'csp-software-rules/reconciliation';
 *
 * const read = billedLineReader(['customerid', 'SUBSCRIPTIONID', 'ChargeType', 'Subtotal', 'Currency', 'Extra']);
 * read(['c1', 's1', 'new', '100.80', 'EUR', 'x'], 2).subtotal; // => '100.80'
 * ```
 * @category Reconciliation
 */
export function billedLineReader(
  header: readonly string[],
): (values: readonly unknown[], line: number) => BilledLine {
  if (!Array.isArray(header)) failField('header', 'expected an array of column names');
  if (header.length > MAX_COLUMNS) failField('header', `more than ${MAX_COLUMNS} columns`);
  const names: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const name: unknown = header[i];
    if (typeof name !== 'string') failField(`header[${i}]`, 'expected a column name (a string)');
    // No attribute name is this long: such a column is one to ignore, unread.
    names.push(name.length > MAX_NAME ? '' : name);
  }
  const pos = attributePositions(names);
  return (values, line) => {
    if (!Array.isArray(values)) failField('values', 'expected the array of a row');
    if (!Number.isSafeInteger(line) || line < 0)
      failField('line', 'expected a line number (a whole number, 0 or more)');
    return lineFromValues(values, pos, line);
  };
}

/** More columns than any file of Microsoft's has by two orders of magnitude. */
const MAX_COLUMNS = 10_000;
const MAX_NAME = 200;

/** @internal The attribute values at `pos` of a row of values. */
export function lineFromValues(
  values: readonly unknown[],
  pos: Int32Array,
  line: number,
): BilledLine {
  const at = (i: number): string | null => {
    const p = pos[i] as number;
    return p < 0 ? null : text(values[p]);
  };
  return {
    line,
    customerId: at(0),
    customerCountry: at(1),
    subscriptionId: at(2),
    orderId: at(3),
    productName: at(4),
    chargeType: at(5) ?? '',
    chargeStartDate: at(6),
    chargeEndDate: at(7),
    unitPrice: at(8),
    effectiveUnitPrice: at(9),
    billableQuantity: at(10) ?? at(11),
    subtotal: at(12),
    currency: currencyCell(at(13)),
    pricingCurrency: currencyCell(at(14)),
    exchangeRate: at(15),
    productCategory: at(16),
    meterDescription: at(17),
  };
}

/** @internal The positions of the last key list seen (the records of one file share it). */
export interface KeyCache {
  keys: string[];
  pos: Int32Array;
}

/** @internal A fresh {@link KeyCache}, one per reconciliation. */
export function keyCache(): KeyCache {
  return { keys: [], pos: attributePositions([]) };
}

/**
 * @internal A record with Microsoft's attribute names as a line (dates and
 * numbers still as written; {@link readDay} and {@link readDecimal} check them).
 */
export function lineFromRecord(
  record: Readonly<Record<string, unknown>>,
  line: number,
  cache: KeyCache,
): BilledLine {
  const keys = Object.keys(record);
  let same = keys.length === cache.keys.length;
  for (let i = 0; same && i < keys.length; i++) same = keys[i] === cache.keys[i];
  if (!same) {
    cache.keys = keys;
    cache.pos = attributePositions(keys);
  }
  const values: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = record[keys[i] as string];
  return lineFromValues(values, cache.pos, line);
}

const ISO_DAY =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]00:?00)?)?$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i;

/**
 * @internal A date as Microsoft writes it in reconciliation files, as a UTC
 * epoch day: `2021-07-15`, `2021-07-15T00:00:00Z` (or without the `Z`: the
 * files' times are UTC), `7/15/2021` (month first, Partner Center's CSV),
 * with an optional time. Another offset than UTC, or an impossible date, is `undefined`.
 */
export function readDay(value: string): number | undefined {
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO_DAY.exec(value);
  if (iso !== null) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    const us = US_DAY.exec(value);
    if (us === null) return undefined;
    m = Number(us[1]);
    d = Number(us[2]);
    y = Number(us[3]);
  }
  if (m < 1 || m > 12 || d < 1) return undefined;
  const day = epochDayFromYmd(y, m, d);
  // 2021-02-30 rolls into March: refused.
  return formatEpochDay(day) ===
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    ? day
    : undefined;
}

/** @internal A decimal as written (`'-9.42'`, `'1,234.50'` with thousands commas is refused), or `undefined`. */
export function readDecimal(value: string): ScaledDecimal | undefined {
  try {
    // A leading '+' is read there; '++1' or '+-1' is refused, not stripped.
    return toScaledDecimal(value, 'value');
  } catch (e) {
    if (isCspRuleError(e)) return undefined;
    throw e;
  }
}
