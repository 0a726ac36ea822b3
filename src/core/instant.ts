/**
 * Instants: the moments rules are asked about (`asOf`, `purchasedAt`, ...).
 * @module
 */
import {
  type CalendarDay,
  dayPrefixYear,
  daysInMonth,
  epochDayFromDayString,
  epochDayFromYmd,
  epochDayOfMs,
  formatEpochDay,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  MS_PER_DAY,
  twoDigits,
} from './calendar.js';
import { describeType, fail, fieldName, quoteIfSafe } from './errors.js';

/**
 * What a rule accepts as an instant: a valid `Date`, an ISO-8601 string with
 * `Z` or an offset (up to 9 fractional digits; Partner Center writes 7), or a
 * date-only `YYYY-MM-DD`, read as 00:00Z that day. A local time without an
 * offset is ambiguous and rejected.
 *
 * @category Time
 */
export type InstantInput = Date | string;

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * @internal Epoch milliseconds of an instant input. Sub-millisecond digits are
 * truncated (toward the past), so a deadline read from Partner Center is never
 * moved later.
 */
export function toInstantMs(input: unknown, field: string): number {
  if (input instanceof Date) {
    let ms = Number.NaN;
    try {
      // An object that only borrows Date.prototype makes getTime throw.
      ms = Date.prototype.getTime.call(input);
    } catch {}
    if (Number.isNaN(ms)) fail('invalid_instant', field, `${field}: Invalid Date`);
    return inYearRange(ms, field);
  }
  if (typeof input !== 'string') {
    fail(
      'invalid_instant',
      field,
      `${field}: expected a Date or an ISO-8601 string, got ${describeType(input)}`,
    );
  }
  const fast = plainInstantMs(input);
  return fast !== undefined ? inYearRange(fast, field) : readInstantText(input, field);
}

/** @internal The regular expression's reading of an instant text, with its messages. */
export function readInstantText(input: string, field: string): number {
  const dayOnly = epochDayFromDayString(input, field);
  if (dayOnly !== undefined) return dayOnly * MS_PER_DAY;
  const m = DATE_TIME_RE.exec(input);
  if (m === null) {
    fail(
      'invalid_instant',
      field,
      `${field}:${subject(input)} is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)`,
    );
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    fail('invalid_instant', field, `${field}:${subject(input)} is not a real date and time`);
  }
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    if (m[9] === undefined) {
      fail(
        'ambiguous_local_time',
        field,
        `${field}:${subject(input)} has no time zone; add "Z" (UTC) or an offset such as "+02:00"`,
      );
    }
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) fail('invalid_instant', field, `${field}: offset out of range`);
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return inYearRange(
    epochDayFromYmd(y, mo, d) * MS_PER_DAY +
      ((h * 60 + mi - offsetMinutes) * 60 + s) * 1000 +
      fraction,
    field,
  );
}

/**
 * @internal Epoch milliseconds of an instant text that is valid as written
 * (`YYYY-MM-DD`, or a date and time with seconds, fraction and `Z` or an
 * offset as `DATE_TIME_RE` reads them), read digit by digit; `undefined` for
 * anything else, which the regular expression then reads or rejects with its
 * message. A property test checks both readings agree.
 */
export function plainInstantMs(t: string): number | undefined {
  const n = t.length;
  const y = dayPrefixYear(t);
  const mo = twoDigits(t, 5);
  const d = twoDigits(t, 8);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const day = epochDayFromYmd(y, mo, d) * MS_PER_DAY;
  if (n === 10) return day;
  const sep = t.charCodeAt(10);
  // 'T', 't' or ' ', then HH:mm
  if ((sep !== 84 && sep !== 116 && sep !== 32) || t.charCodeAt(13) !== 58) return undefined;
  const h = twoDigits(t, 11);
  const mi = twoDigits(t, 14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  let i = 16;
  let s = 0;
  let fraction = 0;
  if (t.charCodeAt(i) === 58) {
    s = twoDigits(t, i + 1);
    if (s < 0 || s > 59) return undefined;
    i += 3;
    const dot = t.charCodeAt(i);
    if (dot === 46 || dot === 44) {
      let j = i + 1;
      let digits = 0;
      for (; j < n && j < i + 10; j++) {
        const c = t.charCodeAt(j) - 48;
        if (c < 0 || c > 9) break;
        if (digits < 3) fraction = fraction * 10 + c;
        digits++;
      }
      if (digits === 0) return undefined;
      for (let k = digits; k < 3; k++) fraction *= 10;
      i = j;
    }
  }
  const zone = t.charCodeAt(i);
  let offsetMinutes = 0;
  if (zone === 90 || zone === 122) {
    if (i + 1 !== n) return undefined;
  } else if (zone === 43 || zone === 45) {
    const oh = twoDigits(t, i + 1);
    const colon = t.charCodeAt(i + 3) === 58 ? 1 : 0;
    const om = twoDigits(t, i + 3 + colon);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || i + 5 + colon !== n) return undefined;
    offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  return day + ((h * 60 + mi - offsetMinutes) * 60 + s) * 1000 + fraction;
}

const MIN_MS = MIN_EPOCH_DAY * MS_PER_DAY;
const MAX_MS = (MAX_EPOCH_DAY + 1) * MS_PER_DAY - 1;

/**
 * Instants are kept to years 0000-9999 (UTC): every day a rule computes can
 * then be written `YYYY-MM-DD`, and no computed Date leaves the Date range.
 */
function inYearRange(ms: number, field: string): number {
  if (ms < MIN_MS || ms > MAX_MS) {
    fail('invalid_instant', field, `${field}: outside years 0000-9999 (UTC)`);
  }
  return ms;
}

/**
 * The subject of a message: the quoted input when it is date-like text (never
 * a secret passed by mistake), else "the value".
 */
function subject(text: string): string {
  return quoteIfSafe(text, /^[0-9TtZz:.,+\- ]{1,40}$/) || ' the value';
}

/**
 * Reads an instant input into a new `Date`.
 *
 * @param input - A `Date`, an ISO-8601 string with `Z`/offset, or `YYYY-MM-DD` (00:00Z).
 * @param field - The input field named in an error.
 * @returns A new `Date` (never the caller's object).
 * @throws {@link CspRuleError} `invalid_instant` (Invalid Date, impossible date, not a string or Date)
 *   or `ambiguous_local_time` (no offset).
 * @example
 * ```ts
 * import { parseInstant } from 'csp-software-rules/core';
 *
 * parseInstant('2021-10-15T21:28:19.3058617Z').toISOString(); // => '2021-10-15T21:28:19.305Z'
 * parseInstant('2021-10-14T01:00:00+02:00').toISOString(); // => '2021-10-13T23:00:00.000Z'
 * parseInstant('2021-10-14').toISOString(); // => '2021-10-14T00:00:00.000Z'
 * parseInstant('2021-10-14T10:00'); // => throws ambiguous_local_time
 * ```
 * @category Time
 */
export function parseInstant(input: unknown, field = 'instant'): Date {
  return new Date(toInstantMs(input, fieldName(field)));
}

/**
 * The UTC calendar day of an instant.
 *
 * @param input - An instant input.
 * @param field - The input field named in an error.
 * @returns The day as `YYYY-MM-DD`.
 * @throws {@link CspRuleError} as {@link parseInstant}.
 * @example
 * ```ts
 * import { calendarDayOf } from 'csp-software-rules/core';
 *
 * calendarDayOf('2021-10-14T01:30:00+02:00'); // => '2021-10-13'
 * calendarDayOf(new Date('2021-10-14T23:59:59.999Z')); // => '2021-10-14'
 * ```
 * @category Time
 */
export function calendarDayOf(input: unknown, field = 'instant'): CalendarDay {
  return formatEpochDay(epochDayOfMs(toInstantMs(input, fieldName(field))));
}
