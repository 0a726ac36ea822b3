/**
 * Instant inputs read without ever echoing a value that is not date-shaped.
 *
 * Core's `toInstantMs` quotes a bad string in its message (clipped to 40
 * characters, which a 29-character product key fits in whole). A product key
 * pasted into a date field (or an entry whose fields were shifted) must not
 * reach an error message, so strings are checked here first: only text made
 * of a `YYYY-MM-DD` date, an optional time, and an optional `Z`/offset reaches
 * core, and its quoted text can then only be a date. A product key cannot
 * have that shape (its first hyphen is at index 5, a date's at index 4).
 * @module
 */
import { describeType, fail, toInstantMs } from '../core/internal.js';

const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.,]*(?:[Zz]|[+-][\d:]*)?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** @internal Whether `input` is a date-only `YYYY-MM-DD` string (shape only). */
export function isDateOnly(input: unknown): input is string {
  return typeof input === 'string' && DATE_ONLY.test(input);
}

/**
 * @internal Epoch milliseconds of an instant input, like core's
 * `toInstantMs`, but an error never contains a string that is not date-shaped.
 */
export function safeInstantMs(input: unknown, field: string): number {
  if (typeof input === 'string' && !DATE_SHAPED.test(input)) {
    fail(
      'invalid_instant',
      field,
      `${field}: expected an ISO-8601 instant with "Z" or an offset, or YYYY-MM-DD (the value is not repeated here)`,
    );
  }
  if (input === undefined) fail('invalid_instant', field, `${field}: required`);
  if (typeof input !== 'string' && !(input instanceof Date)) {
    fail(
      'invalid_instant',
      field,
      `${field}: expected a Date or an ISO-8601 string, got ${describeType(input)}`,
    );
  }
  return toInstantMs(input, field);
}
