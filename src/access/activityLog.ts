/**
 * The key-access and download activity log: who looked at product keys or
 * downloaded software, over a date range (Partner Center: Account settings >
 * Activity log).
 * @module
 */
import type { CalendarDay, InstantInput } from '../core/index.js';
import {
  asRecord,
  denseList,
  epochDayOfMs,
  fail,
  formatEpochDay,
  frozen,
  MS_PER_DAY,
  oneOf,
} from '../core/internal.js';
import { isDateOnly, safeInstantMs } from './instant.js';

/**
 * What an activity-log entry records: a user viewed a product key
 * (`keyAccess`) or downloaded software (`download`).
 * @category Access
 */
export type ActivityType = 'keyAccess' | 'download';

/**
 * Every {@link ActivityType}.
 *
 * @example
 * ```ts
 * import { ACTIVITY_TYPES } from 'csp-software-rules/access';
 *
 * ACTIVITY_TYPES; // => ['keyAccess', 'download']
 * ```
 * @category Access
 */
export const ACTIVITY_TYPES = /* @__PURE__ */ frozen([
  'keyAccess',
  'download',
] as const satisfies readonly ActivityType[]);

/**
 * One activity-log entry. Other fields (customer, ids, ...) may be present:
 * they are the caller's, kept as they are (never checked, logged or echoed in
 * an error). A `productKey`, when present, must be a string (or `null`): its
 * type is checked, its value never read into a message.
 * @category Access
 */
export interface ActivityLogEntry {
  /** When it happened (an instant input; `YYYY-MM-DD` = 00:00Z that day). */
  readonly at: InstantInput;
  /** What happened. */
  readonly type: ActivityType;
  /** Who did it (user name or id). */
  readonly user: string;
  /** The product whose key or download it was. */
  readonly productName?: string;
  /** The product key viewed, if the log carries it: a string, `null` or absent; never repeated in an error. */
  readonly productKey?: string | null;
  /** Any other field, kept untouched. */
  readonly [field: string]: unknown;
}

/**
 * A date range to read the log over, as the caller writes it.
 * @category Access
 */
export interface ActivityLogQueryInput {
  /** First instant included; a `YYYY-MM-DD` day starts at 00:00Z. */
  readonly from: InstantInput;
  /** Last instant included; a `YYYY-MM-DD` day includes that whole UTC day. */
  readonly to: InstantInput;
  /** Only these types; omitted = both. */
  readonly types?: readonly ActivityType[];
}

/**
 * A checked range: both ends included, to the millisecond.
 * @category Access
 */
export interface ActivityLogQuery {
  /** First instant included. */
  readonly from: Date;
  /** Last instant included (`23:59:59.999Z` when `to` was a day). */
  readonly to: Date;
  /** UTC day of `from`. */
  readonly fromDay: CalendarDay;
  /** UTC day of `to`. */
  readonly toDay: CalendarDay;
  /** The types included (both when the input named none). */
  readonly types: readonly ActivityType[];
}

interface Bounds {
  readonly fromMs: number;
  readonly toMs: number;
  readonly types: readonly ActivityType[];
}

/** Two types exist; a longer list (repeats allowed) is still a short one. */
const MAX_KINDS = 100;

function readTypes(input: unknown, field: string): readonly ActivityType[] {
  if (input === undefined) return ACTIVITY_TYPES;
  const list = Array.isArray(input) ? denseList(input, field, MAX_KINDS) : [];
  if (list.length === 0) {
    fail('invalid_input', field, `${field}: expected a non-empty array of keyAccess, download`);
  }
  const out: ActivityType[] = [];
  list.forEach((k: unknown, i) => {
    const kind = oneOf(k, ACTIVITY_TYPES, `${field}[${i}]`);
    if (!out.includes(kind)) out.push(kind);
  });
  return ACTIVITY_TYPES.filter((k) => out.includes(k));
}

function readBounds(input: unknown): Bounds {
  const r = asRecord(input, 'query');
  const fromMs = safeInstantMs(r['from'], 'query.from');
  const to = r['to'];
  const toStart = safeInstantMs(to, 'query.to');
  // A day-only `to` means "through that day": its last millisecond.
  const toMs = isDateOnly(to) ? toStart + MS_PER_DAY - 1 : toStart;
  if (toMs < fromMs) {
    fail('invalid_range', 'query.to', 'query.to: the range ends before it starts (from > to)');
  }
  return { fromMs, toMs, types: readTypes(r['types'], 'query.types') };
}

/**
 * Checks a date range for the activity log and fixes its two inclusive ends.
 *
 * Our reading, where Partner Center only says "enter the date range": both
 * ends are included; `from` as `YYYY-MM-DD` starts at 00:00Z that day, and
 * `to` as `YYYY-MM-DD` includes **that whole UTC day** (through
 * 23:59:59.999Z), so `{ from: '2021-10-01', to: '2021-10-31' }` is all of
 * October. A `to` given as an instant (a `Date`, or a string with a time) is
 * the last instant included, exactly. Checking `from ≤ to` uses these ends, so
 * `from: '2021-10-14T12:00:00Z', to: '2021-10-14'` is a valid half day.
 * Idempotent: a returned query passed back in gives the same query.
 *
 * @param query - `{ from, to, types? }`.
 * @returns `{ from, to, fromDay, toDay, types }`.
 * @throws {@link core!CspRuleError} `invalid_range` when the range ends before it
 *   starts; `invalid_instant`/`ambiguous_local_time`/`invalid_calendar_day` for
 *   a bad `from` or `to` (a value that is not date-shaped is never repeated in
 *   the message); `invalid_input` when `query` is not an object or `types` is
 *   not a non-empty array of types.
 * @example
 * ```ts
 * import { activityLogQuery } from 'csp-software-rules/access';
 *
 * const q = activityLogQuery({ from: '2021-10-01', to: '2021-10-31' });
 * q.to.toISOString(); // => '2021-10-31T23:59:59.999Z'
 * q.toDay; // => '2021-10-31'
 * activityLogQuery({ from: '2021-10-02', to: '2021-10-01' }); // => throws invalid_range
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export function activityLogQuery(query: ActivityLogQueryInput): ActivityLogQuery {
  const { fromMs, toMs, types } = readBounds(query);
  return {
    from: new Date(fromMs),
    to: new Date(toMs),
    fromDay: formatEpochDay(epochDayOfMs(fromMs)),
    toDay: formatEpochDay(epochDayOfMs(toMs)),
    types,
  };
}

/**
 * The entries of an activity log that fall in a range (both ends included)
 * and are of the types asked for, in their input order. The input array and
 * its entries are not changed; the result holds the same entry objects.
 *
 * Every entry is checked, including those outside the range, so a malformed
 * log is reported rather than half-read: an audit trail with an entry
 * silently skipped would be wrong. A `productKey` that is not a string (`NaN`
 * from a spreadsheet column read as numbers, an object) is such a malformed
 * entry. Fields the library does not read are passed through untouched, as
 * the caller wrote them.
 *
 * @typeParam E - The caller's entry type (extra fields are kept).
 * @param entries - The log entries `{ at, kind, user, productName?, ... }`.
 * @param query - A range as {@link activityLogQuery} takes it (or returns it).
 * @returns The matching entries.
 * @throws {@link core!CspRuleError} as {@link activityLogQuery} for the query;
 *   `invalid_input` when `entries` is not an array, an entry is not an
 *   object, its `kind` is not `keyAccess`/`download`, its `user` is not a
 *   non-empty string, its `productName` not a string or its `productKey`
 *   neither a string nor `null`; `invalid_instant`
 *   (or another instant code) for a bad `at`. Field names locate the entry
 *   (`entries[3].at`); no entry value is ever repeated.
 * @example
 * ```ts
 * import { filterActivityLog } from 'csp-software-rules/access';
 *
 * const log = [
 *   { at: '2021-10-31T23:59:59.9999999Z', type: 'keyAccess', user: 'ana@contoso.com' },
 *   { at: '2021-11-01T00:00:00Z', type: 'download', user: 'bo@contoso.com' },
 *   { at: '2021-10-01T00:00:00Z', type: 'download', user: 'cy@contoso.com' },
 * ] as const;
 * filterActivityLog(log, { from: '2021-10-01', to: '2021-10-31' }).map((e) => e.user); // => ['ana@contoso.com', 'cy@contoso.com']
 * filterActivityLog(log, { from: '2021-10-01', to: '2021-11-01', types: ['download'] }).length; // => 2
 * filterActivityLog([{ ...log[0], productKey: Number.NaN as never }], { from: '2021-10-01', to: '2021-10-31' }); // => throws invalid_input
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export function filterActivityLog<E extends ActivityLogEntry>(
  entries: readonly E[],
  query: ActivityLogQueryInput | ActivityLogQuery,
): E[] {
  const { fromMs, toMs, types } = readBounds(query);
  if (!Array.isArray(entries)) {
    fail('invalid_input', 'entries', 'entries: expected an array of activity-log entries');
  }
  const both = types.length === ACTIVITY_TYPES.length;
  const out: E[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as E;
    const field = `entries[${i}]`;
    const r = asRecord(entry, field);
    const ms = safeInstantMs(r['at'], `${field}.at`);
    const kind = oneOf(r['type'], ACTIVITY_TYPES, `${field}.type`);
    const user = r['user'];
    if (typeof user !== 'string' || user === '') {
      fail('invalid_input', `${field}.user`, `${field}.user: expected a non-empty string`);
    }
    const productName = r['productName'];
    if (productName !== undefined && typeof productName !== 'string') {
      fail('invalid_input', `${field}.productName`, `${field}.productName: expected a string`);
    }
    // A secret's field: its type is checked, its value never described.
    const key = r['productKey'];
    if (key !== undefined && key !== null && typeof key !== 'string') {
      fail(
        'invalid_input',
        `${field}.productKey`,
        `${field}.productKey: expected a string or null`,
      );
    }
    if (ms >= fromMs && ms <= toMs && (both || types.includes(kind))) out.push(entry);
  }
  return out;
}
