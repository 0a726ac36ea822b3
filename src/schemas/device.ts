/**
 * Schemas of the devices `./activation` plans a KMS-to-MAK migration for.
 * @module
 */
import * as z from 'zod';
import type { Device } from '../activation/index.js';
import { daysInMonth, toInstantMs } from '../core/internal.js';
import { expected, parseWith, type SafeParseResult, safeParseWith } from './issues.js';
import { compact, instantSchema, isDate } from './primitives.js';

/** Most devices a fleet may list (larger fleets: split them). */
const MAX_DEVICES = 1_000_000;

/**
 * Schema of a `Device` (`./activation`): a non-empty `id`, and optional
 * `lastRenewalAt` / `makActivatedAt` instants (`null` = not known). Whether
 * those dates fall before `asOf` is the rules' check, made when `asOf` is known.
 *
 * @example
 * ```ts
 * import { deviceSchema } from 'csp-software-rules/schemas';
 *
 * deviceSchema.parse({ id: 'pc-1', lastRenewalAt: '2024-01-01', makActivatedAt: null }); // => { id: 'pc-1', lastRenewalAt: '2024-01-01', makActivatedAt: null }
 * deviceSchema.safeParse({ id: '' }).success; // => false
 * ```
 * @category Schemas
 */
export const deviceSchema = z
  .object(
    {
      /** Your id for the device (host name, asset tag): a non-empty string. */
      id: z
        .string({ error: expected('a device id (a non-empty string)') })
        .min(1, { error: 'expected a device id, got an empty string' }),
      /** Its last successful KMS renewal (an instant), `null` or absent when not known. */
      lastRenewalAt: instantSchema.nullish(),
      /** When it was activated with a MAK (an instant), `null` or absent when it was not. */
      makActivatedAt: instantSchema.nullish(),
    },
    { error: expected('a device (an object with an id)') },
  )
  .transform((value): Device => compact(value));

/**
 * Schema of a fleet: a list of {@link deviceSchema} devices whose ids are
 * unique (a repeated id is an issue with code `duplicate_id`), at most 1,000,000.
 * The problems of at most 1,000 devices are listed: after the 1,000th device
 * with a problem, one last issue (`too_many_issues`, on the list itself)
 * says the rest was not read, so a million bad rows cost milliseconds, not a
 * million issues.
 *
 * @example
 * ```ts
 * import { devicesSchema } from 'csp-software-rules/schemas';
 *
 * devicesSchema.safeParse([{ id: 'pc-1' }, { id: 'pc-1' }]).error?.issues[0]?.message; // => 'id already used by devices[0]'
 * ```
 * @category Schemas
 */
export const devicesSchema = /* @__PURE__ */ withFastDevices(
  z
    .array(deviceSchema, { error: expected('a list of devices') })
    .max(MAX_DEVICES, { error: `expected at most ${MAX_DEVICES} devices` })
    .superRefine((devices, ctx) => {
      // The first repeated id is reported, then the check stops: a fleet of
      // 100,000 copies of one device must not make 100,000 issues. One set
      // operation a device (the set grows or it does not); the first use of
      // a repeated id is looked up only when there is one.
      // A device zod left unread (an early abort, as `validate` asks) is skipped.
      const seen = new Set<string>();
      for (let i = 0; i < devices.length; i++) {
        const id = (devices[i] as Device | undefined)?.id;
        if (id === undefined) continue;
        const size = seen.size;
        if (seen.add(id).size === size) {
          let at = 0;
          while ((devices[at] as Device | undefined)?.id !== id) at++;
          ctx.addIssue({
            code: 'custom',
            message: `id already used by devices[${at}]`,
            params: { code: 'duplicate_id' },
            path: [i, 'id'],
          });
          return;
        }
      }
    }),
);

/** Most devices whose problems a fleet's issues list; the reading stops after them. */
const MAX_BAD_DEVICES = 1_000;

/**
 * Gives the fleet schema a hand-written reading of its elements for the
 * common valid shape (zod costs several microseconds a device; a fleet has up
 * to a million). Only the elements' parse is replaced: each element in the
 * common valid shape (a plain object whose fields zod would accept
 * unchanged) is read by hand, and any other is read by `deviceSchema`
 * itself, exactly as zod's array parse reads it (its issues prefixed with
 * the element's index), so issues and messages are zod's. The schema's own
 * checks (the size cap, the repeated id) still run through zod, and a list
 * too long, or an encode, is zod's alone. One bound zod does not have: after
 * {@link MAX_BAD_DEVICES} devices with problems the reading stops with one
 * issue saying so (a million bad rows must not make a million issues).
 * A property test compares both readings on valid and invalid fleets.
 */
function withFastDevices<S extends z.ZodType>(schema: S): S {
  const internals = schema._zod;
  let zodParse = internals.parse;
  const element = deviceSchema._zod;
  const parse: typeof zodParse = (payload, ctx) => {
    const input = payload.value;
    if (ctx.direction === 'backward' || !Array.isArray(input) || input.length > MAX_DEVICES) {
      return zodParse(payload, ctx);
    }
    const n = input.length;
    const out = new Array<unknown>(n);
    const issues = payload.issues;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const item: unknown = input[i];
      const device = fastDeviceOrUndefined(item);
      if (device !== undefined) {
        out[i] = device;
        continue;
      }
      const result = element.run({ value: item, issues: [] }, ctx);
      // deviceSchema has no async part; should one appear, zod reads the list.
      if (result instanceof Promise) return zodParse(payload, ctx);
      out[i] = result.value;
      if (result.issues.length === 0) continue;
      for (const issue of result.issues) {
        const path: PropertyKey[] = [i];
        for (const key of issue.path ?? []) path.push(key);
        issues.push({ ...issue, path });
      }
      if (ctx.abortEarly === true && aborted(result)) break;
      if (++bad === MAX_BAD_DEVICES && i + 1 < n) {
        issues.push({
          code: 'custom',
          message: `more than ${MAX_BAD_DEVICES} devices have problems: the list was not read past devices[${i}]`,
          params: { code: 'too_many_issues' },
          path: [],
          input,
          continue: false,
        });
        break;
      }
    }
    payload.value = out;
    return payload;
  };
  // zod replaces a schema's parse after construction (its cycle memoizer
  // takes its own wrapper out on the first call): what it sets becomes the
  // parse this one falls back to, so the hand-written reading is never lost.
  Object.defineProperty(internals, 'parse', {
    configurable: true,
    enumerable: true,
    get: () => parse,
    set: (next: typeof zodParse) => {
      zodParse = next;
    },
  });
  return schema;
}

/** zod's own rule: an element's result stops the list when any issue may not go on. */
function aborted(result: {
  readonly aborted?: boolean | undefined;
  readonly issues: readonly { readonly continue?: boolean | undefined }[];
}): boolean {
  return result.aborted === true || result.issues.some((issue) => issue.continue !== true);
}

/**
 * @internal {@link fastDevice}, with `undefined` also when reading the
 * element throws (zod then words it): the device as read by hand, or
 * `undefined` when `deviceSchema` reads it.
 */
export function fastDeviceOrUndefined(item: unknown): Device | undefined {
  try {
    return fastDevice(item);
  } catch {
    return undefined;
  }
}

/** One device as `deviceSchema` returns it, or `undefined` for anything unusual. */
function fastDevice(input: unknown): Device | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const d = input as Readonly<Record<string, unknown>>;
  const id = d['id'];
  if (typeof id !== 'string' || id === '') return undefined;
  const last = d['lastRenewalAt'];
  const mak = d['makActivatedAt'];
  if (!isFastInstant(last) || !isFastInstant(mak)) return undefined;
  // The keys in the order zod writes them, without the absent ones.
  if (last === undefined) return mak === undefined ? { id } : { id, makActivatedAt: mak };
  return mak === undefined
    ? { id, lastRenewalAt: last }
    : { id, lastRenewalAt: last, makActivatedAt: mak };
}

/** Absent, `null`, or an instant `instantSchema` accepts (a throw means no). */
function isFastInstant(value: unknown): value is Date | string | null | undefined {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') {
    if (!isPlainUtcInstant(value)) toInstantMs(value, 'value');
    return true;
  }
  if (isDate(value)) {
    toInstantMs(value, 'value');
    return true;
  }
  return false;
}

/** Char code of `'0'`. */
const ZERO = 48;

/** The number written by the two (or four) ASCII digits at `at`, or `NaN`. */
function digits(text: string, at: number, count: 2 | 4): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * @internal Whether `text` is a real UTC instant written
 * `YYYY-MM-DDTHH:mm:ss[.f…]Z` (one to nine fractional digits), the way
 * `toISOString` and Partner Center write them, read without a regular
 * expression. Every such text is one core's `toInstantMs` accepts (four-digit
 * years are always inside its range); `false` only means "not this shape or
 * not real", and the caller asks core.
 */
export function isPlainUtcInstant(text: string): boolean {
  const n = text.length;
  if (n < 20 || n > 30 || text.charCodeAt(n - 1) !== 90 /* Z */) return false;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return false;
  if (text[16] !== ':') return false;
  if (n > 20 && (text[19] !== '.' || n === 21)) return false;
  for (let i = 20; i < n - 1; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return false;
  }
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  // NaN fails every comparison below, so a non-digit is "not this shape".
  return (
    y >= 0 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    digits(text, 11, 2) <= 23 &&
    digits(text, 14, 2) <= 59 &&
    digits(text, 17, 2) <= 59
  );
}

/**
 * Reads a fleet of devices from untrusted input (a CSV import, JSON).
 *
 * @param input - Anything.
 * @returns The devices, without unknown keys.
 * @throws {@link core!CspRuleError} `invalid_input` (`field` such as `devices[3].lastRenewalAt`), every problem in `details.issues`.
 * @example
 * ```ts
 * import { parseDevices } from 'csp-software-rules/schemas';
 *
 * parseDevices([{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z', owner: 'dropped' }]); // => [{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' }]
 * parseDevices([{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00' }]); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parseDevices(input: unknown): Device[] {
  return parseWith(devicesSchema, input, 'devices');
}

/**
 * {@link parseDevices} without throwing.
 *
 * @param input - Anything.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParseDevices } from 'csp-software-rules/schemas';
 *
 * const r = safeParseDevices([{ id: 'pc-1' }, { id: 7 }]);
 * r.success ? '' : r.error.field; // => 'devices[1].id'
 * ```
 * @category Schemas
 */
export function safeParseDevices(input: unknown): SafeParseResult<Device[]> {
  return safeParseWith(devicesSchema, input, 'devices');
}
