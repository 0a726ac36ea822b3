/**
 * UTC calendar days: `'YYYY-MM-DD'` strings outside, integer epoch days inside.
 *
 * Everything here is plain integer arithmetic on UTC values, so no result can
 * depend on the process time zone, and no `TZDate` sits in a hot path.
 * @module
 */
import { fail, fieldName } from './errors.js';

/**
 * A UTC calendar day written `YYYY-MM-DD` (Partner Center dates are UTC).
 * @category Time
 */
export type CalendarDay = string;

/** Milliseconds in one UTC day. */
export const MS_PER_DAY = 86_400_000;
/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;

/** @internal Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** @internal Epoch day (days since 1970-01-01) of a proleptic Gregorian date. */
export function epochDayFromYmd(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil: exact for any year, no Date object.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** @internal `[year, month 1-12, day]` of an epoch day. */
export function ymdFromEpochDay(epochDay: number): [number, number, number] {
  // Hinnant's civil_from_days.
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Formatting dominates batch rules (a decision formats four or five days), and
// a portfolio's dates repeat: memoise. Bounded, and invisible to callers.
let formatted: Map<number, CalendarDay> | undefined;
const FORMAT_CACHE_SIZE = 8192;

/** @internal Epoch days of 0000-01-01 and 9999-12-31: the days `YYYY-MM-DD` can write. */
export const MIN_EPOCH_DAY = -719_528;
/** @internal See {@link MIN_EPOCH_DAY}. */
export const MAX_EPOCH_DAY = 2_932_896;

/**
 * @internal `'YYYY-MM-DD'` of an epoch day. A computed day outside years
 * 0000-9999 cannot be written that way: `invalid_range`, never a malformed day.
 */
export function formatEpochDay(epochDay: number): CalendarDay {
  formatted ??= new Map();
  const hit = formatted.get(epochDay);
  if (hit !== undefined) return hit;
  if (!(epochDay >= MIN_EPOCH_DAY && epochDay <= MAX_EPOCH_DAY)) {
    fail('invalid_range', 'result', 'result: the computed day is outside years 0000-9999');
  }
  const text = formatEpochDayUncached(epochDay);
  if (formatted.size >= FORMAT_CACHE_SIZE) formatted.clear();
  formatted.set(epochDay, text);
  return text;
}

function formatEpochDayUncached(epochDay: number): CalendarDay {
  const [y, m, d] = ymdFromEpochDay(epochDay);
  const ys = String(y).padStart(4, '0');
  return `${ys}-${pad2(m)}-${pad2(d)}`;
}

/** @internal Epoch day of an epoch-millisecond instant (its UTC date). */
export function epochDayOfMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/**
 * @internal The two ASCII digits at `at` as a number, or -1. Instants and days
 * are read digit by digit rather than by a regular expression: it is the
 * hottest input check of every rule.
 */
export function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** @internal The year of `YYYY-MM-DD…` text, or -1 when it does not start `dddd-dd-dd`. */
export function dayPrefixYear(text: string): number {
  const hi = twoDigits(text, 0);
  const lo = twoDigits(text, 2);
  return hi < 0 || lo < 0 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45
    ? -1
    : hi * 100 + lo;
}

/** @internal Parse `YYYY-MM-DD` to an epoch day, or `undefined` when not that shape. Throws on impossible dates. */
export function epochDayFromDayString(
  text: string,
  field: string,
  code: 'invalid_calendar_day' | 'invalid_policy' = 'invalid_calendar_day',
): number | undefined {
  if (text.length !== 10) return undefined;
  const y = dayPrefixYear(text);
  const mo = twoDigits(text, 5);
  const d = twoDigits(text, 8);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    fail(code, field, `${field}: "${text}" is not a real calendar date`);
  }
  return epochDayFromYmd(y, mo, d);
}

/**
 * Reads a calendar day written `YYYY-MM-DD` and returns it normalised.
 *
 * @param input - The day, e.g. `'2021-10-14'`.
 * @param field - The input field named in an error.
 * @returns The same day as `YYYY-MM-DD`.
 * @throws {@link CspRuleError} `invalid_calendar_day` for another shape or an impossible date (`'2021-02-30'`).
 * @example
 * ```ts
 * import { parseCalendarDay } from 'csp-software-rules/core';
 *
 * parseCalendarDay('2024-02-29'); // => '2024-02-29'
 * parseCalendarDay('2021-02-30'); // => throws invalid_calendar_day
 * ```
 * @category Time
 */
export function parseCalendarDay(input: unknown, field = 'day'): CalendarDay {
  return formatEpochDay(toEpochDay(input, fieldName(field)));
}

/** @internal Epoch day of a `YYYY-MM-DD` input. */
export function toEpochDay(input: unknown, field = 'day'): number {
  const day = typeof input === 'string' ? epochDayFromDayString(input, field) : undefined;
  if (day === undefined) {
    fail('invalid_calendar_day', field, `${field}: expected a "YYYY-MM-DD" string`);
  }
  return day;
}

/**
 * Adds (or with a negative `days`, subtracts) whole days to a calendar day.
 *
 * @param day - A `YYYY-MM-DD` day.
 * @param days - A whole number of days.
 * @returns The resulting day.
 * @throws {@link CspRuleError} `invalid_input` when `days` is not a whole number; `invalid_range` when the day would fall outside years 0000-9999.
 * @example
 * ```ts
 * import { addDays } from 'csp-software-rules/core';
 *
 * addDays('2021-10-14', 7); // => '2021-10-21'
 * addDays('2024-03-01', -1); // => '2024-02-29'
 * ```
 * @category Time
 */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  if (!Number.isSafeInteger(days)) fail('invalid_input', 'days', 'days: expected a whole number');
  return formatEpochDay(toEpochDay(day) + days);
}

// Term and cycle lookups add the same few month counts to the same anchors
// over and over: memoise (bounded). Keys stay exact below 2^53.
let monthSums: Map<number, number> | undefined;
const MONTH_CACHE_SIZE = 16384;

/** @internal Anchor + `months` as an epoch day, clamped to the target month's last day. */
export function addMonthsToEpochDay(anchorEpochDay: number, months: number): number {
  if (months < -32768 || months > 32767) return addMonthsUncached(anchorEpochDay, months);
  monthSums ??= new Map();
  const key = anchorEpochDay * 65536 + months + 32768;
  const hit = monthSums.get(key);
  if (hit !== undefined) return hit;
  const day = addMonthsUncached(anchorEpochDay, months);
  if (monthSums.size >= MONTH_CACHE_SIZE) monthSums.clear();
  monthSums.set(key, day);
  return day;
}

function addMonthsUncached(anchorEpochDay: number, months: number): number {
  const [y, m, d] = ymdFromEpochDay(anchorEpochDay);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return epochDayFromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/**
 * Adds months **counted from the anchor**, clamping to the last day of a
 * shorter month: 2021-01-31 + 1 = 2021-02-28, + 2 = 2021-03-31. Never chain
 * results (Feb 28 + 1 month is Mar 28, not Mar 31): always add to the anchor.
 *
 * @param anchor - The anchor day (`YYYY-MM-DD`), e.g. a term's first day.
 * @param months - Whole months, may be negative.
 * @returns The day `months` after the anchor.
 * @throws {@link CspRuleError} `invalid_input` when `months` is not a whole number; `invalid_range` when the day would fall outside years 0000-9999.
 * @example
 * ```ts
 * import { addMonthsFromAnchor } from 'csp-software-rules/core';
 *
 * addMonthsFromAnchor('2021-01-31', 1); // => '2021-02-28'
 * addMonthsFromAnchor('2021-01-31', 2); // => '2021-03-31'
 * addMonthsFromAnchor('2020-02-29', 12); // => '2021-02-28'
 * ```
 * @category Time
 */
export function addMonthsFromAnchor(anchor: CalendarDay, months: number): CalendarDay {
  if (!Number.isSafeInteger(months))
    fail('invalid_input', 'months', 'months: expected a whole number');
  return formatEpochDay(addMonthsToEpochDay(toEpochDay(anchor, 'anchor'), months));
}

/**
 * Number of days from `from` to `to`, both included (`from === to` gives 1).
 *
 * @param from - First day.
 * @param to - Last day, not before `from`.
 * @returns The inclusive count.
 * @throws {@link CspRuleError} `invalid_range` when `to` is before `from`.
 * @example
 * ```ts
 * import { inclusiveDayCount } from 'csp-software-rules/core';
 *
 * inclusiveDayCount('2021-01-31', '2021-02-27'); // => 28
 * inclusiveDayCount('2024-01-01', '2024-12-31'); // => 366
 * ```
 * @category Time
 */
export function inclusiveDayCount(from: CalendarDay, to: CalendarDay): number {
  const a = toEpochDay(from, 'from');
  const b = toEpochDay(to, 'to');
  if (b < a) fail('invalid_range', 'to', `to (${to}) is before from (${from})`);
  return b - a + 1;
}

/**
 * Signed number of days from `from` to `to` (`to - from`).
 *
 * @param from - First day.
 * @param to - Second day.
 * @returns Whole days; negative when `to` is earlier.
 * @example
 * ```ts
 * import { daysBetween } from 'csp-software-rules/core';
 *
 * daysBetween('2021-10-14', '2021-10-21'); // => 7
 * ```
 * @category Time
 */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return toEpochDay(to, 'to') - toEpochDay(from, 'from');
}

/**
 * The instant a UTC calendar day starts (00:00:00.000Z).
 *
 * @param day - A `YYYY-MM-DD` day.
 * @returns A new `Date`.
 * @example
 * ```ts
 * import { startOfDay } from 'csp-software-rules/core';
 *
 * startOfDay('2021-10-14').toISOString(); // => '2021-10-14T00:00:00.000Z'
 * ```
 * @category Time
 */
export function startOfDay(day: CalendarDay): Date {
  return new Date(toEpochDay(day) * MS_PER_DAY);
}

/**
 * Compares two calendar days: negative, zero or positive, like a sort callback.
 *
 * @param a - First day.
 * @param b - Second day.
 * @returns `a - b` in days.
 * @example
 * ```ts
 * import { compareDays } from 'csp-software-rules/core';
 *
 * ['2022-01-01', '2021-12-31'].sort(compareDays); // => ['2021-12-31', '2022-01-01']
 * ```
 * @category Time
 */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return toEpochDay(a, 'a') - toEpochDay(b, 'b');
}
