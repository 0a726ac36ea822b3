/**
 * Devices and the KMS arithmetic shared by the activation rules, on epoch
 * milliseconds (no `Date` in the loops).
 * @module
 */
import type { InstantInput } from '../core/index.js';
import { asRecord, describeType, fail, frozen, MS_PER_DAY, toInstantMs } from '../core/internal.js';
import type { KmsTimings } from './policy.js';

/**
 * A Windows device to move from KMS to a MAK.
 * @category Activation
 */
export interface Device {
  /** Your id for the device (host name, asset tag); unique within a fleet. */
  readonly id: string;
  /** Its last successful KMS renewal (or first KMS activation), if known. */
  readonly lastRenewalAt?: InstantInput | null;
  /** When it was activated with a MAK, if it has been. */
  readonly makActivatedAt?: InstantInput | null;
}

/**
 * Where a device stands at `asOf`:
 * - `mak_activated`: activated with a MAK, nothing to do;
 * - `ok`: KMS-activated, lapses in `warnDays` days or more;
 * - `due_soon`: KMS-activated, lapses in less than `warnDays` days;
 * - `lapsed`: its KMS activation has run out (at `lapsesAt` or before `asOf`);
 * - `unknown`: neither a KMS renewal nor a MAK activation is known, so no
 *   lapse can be computed; it still needs a MAK.
 * @category Activation
 */
export type DeviceStatus = 'mak_activated' | 'ok' | 'due_soon' | 'lapsed' | 'unknown';

/** @internal Status codes by index, for compact per-device storage. */
export const STATUS_ORDER: readonly DeviceStatus[] = /* @__PURE__ */ frozen([
  'mak_activated',
  'ok',
  'due_soon',
  'lapsed',
  'unknown',
]);

/**
 * @internal Devices read into numbers, one slot per device: `NaN` where a
 * date is absent. `last` holds the recorded renewal until {@link evaluateInto}
 * replaces it with the projected one; `lapse` is written only for devices
 * with a renewal, and read only for KMS statuses (1 to 3).
 */
export interface DeviceColumns {
  readonly ids: string[];
  readonly mak: Float64Array;
  readonly last: Float64Array;
  readonly lapse: Float64Array;
  readonly status: Uint8Array;
}

/** @internal Columns for `n` devices. */
export function deviceColumns(n: number): DeviceColumns {
  return {
    ids: new Array(n),
    mak: new Float64Array(n),
    last: new Float64Array(n),
    lapse: new Float64Array(n),
    status: new Uint8Array(n),
  };
}

/** @internal The field named in errors for `prefix[index]`, or `prefix`. */
function fieldOf(prefix: string, index: number | undefined): string {
  return index === undefined ? prefix : `${prefix}[${index}]`;
}

/**
 * An optional activation instant not after `asOf`, as epoch ms (`NaN` when
 * absent). The field name is built only on failure, so a fleet's loop makes
 * no strings.
 */
function activationMs(
  input: unknown,
  prefix: string,
  index: number | undefined,
  name: string,
  asOfMs: number,
): number {
  if (input === undefined || input === null) return Number.NaN;
  let ms: number;
  try {
    ms = toInstantMs(input, name);
  } catch {
    return toInstantMs(input, `${fieldOf(prefix, index)}.${name}`); // throws again, naming the device
  }
  if (ms > asOfMs) {
    const field = `${fieldOf(prefix, index)}.${name}`;
    fail('invalid_range', field, `${field}: an activation cannot be later than asOf`);
  }
  return ms;
}

/**
 * @internal Guard a device (a non-empty string id, activation dates not after
 * `asOf`) and write it at slot `i` of `c`; returns its id. With `index`, the
 * field named in errors is `prefix[index]`. No object per device: a fleet
 * plan reads 100,000 of them.
 */
export function checkDeviceInto(
  input: unknown,
  prefix: string,
  index: number | undefined,
  asOfMs: number,
  c: DeviceColumns,
  i: number,
): string {
  const d =
    typeof input === 'object' && input !== null && !Array.isArray(input) && !(input instanceof Date)
      ? (input as Readonly<Record<string, unknown>>)
      : asRecord(input, fieldOf(prefix, index));
  const id = d['id'];
  if (typeof id !== 'string' || id === '') {
    const field = `${fieldOf(prefix, index)}.id`;
    fail('invalid_input', field, `${field}: expected a non-empty string, got ${describeType(id)}`);
  }
  c.ids[i] = id;
  c.last[i] = activationMs(d['lastRenewalAt'], prefix, index, 'lastRenewalAt', asOfMs);
  c.mak[i] = activationMs(d['makActivatedAt'], prefix, index, 'makActivatedAt', asOfMs);
  return id;
}

/**
 * @internal The last successful renewal: `renewalMs` plus every
 * `renewalIntervalDays` strictly before `retiredMs` (a renewal due exactly at
 * retirement fails). Without a retirement (`NaN`), or when the recorded
 * renewal is already at or after it, nothing is projected.
 */
export function projectedLastRenewalMs(
  renewalMs: number,
  retiredMs: number,
  timings: KmsTimings,
): number {
  if (!(retiredMs > renewalMs)) return renewalMs;
  const interval = timings.renewalIntervalDays * MS_PER_DAY;
  return renewalMs + Math.floor((retiredMs - 1 - renewalMs) / interval) * interval;
}

/**
 * @internal Status index (into {@link STATUS_ORDER}) of a KMS device whose
 * activation lapses at `lapseMs`: lapsed from `lapseMs` on, due soon while
 * less than `warnMs` remains.
 */
export function kmsStatusIndex(lapseMs: number, asOfMs: number, warnMs: number): number {
  const left = lapseMs - asOfMs;
  if (left <= 0) return 3;
  return left < warnMs ? 2 : 1;
}

/** @internal Days before a lapse from which a device is `due_soon`, unless a caller says otherwise. */
export const DEFAULT_WARN_DAYS = 30;

/**
 * @internal Evaluate the checked device at slot `i` of `c`: for a device
 * with a renewal, replaces it with the last one (projected) and writes its
 * lapse; writes its status index (into {@link STATUS_ORDER}).
 */
export function evaluateInto(
  c: DeviceColumns,
  i: number,
  retiredMs: number,
  timings: KmsTimings,
  asOfMs: number,
  warnMs: number,
): void {
  const renewalMs = c.last[i] as number;
  let statusIndex = Number.isNaN(c.mak[i] as number) ? 4 : 0;
  if (!Number.isNaN(renewalMs)) {
    const lastMs = projectedLastRenewalMs(renewalMs, retiredMs, timings);
    const lapseMs = lastMs + timings.validityDays * MS_PER_DAY;
    c.last[i] = lastMs;
    c.lapse[i] = lapseMs;
    if (statusIndex !== 0) statusIndex = kmsStatusIndex(lapseMs, asOfMs, warnMs);
  }
  c.status[i] = statusIndex;
}

/** @internal Check an optional whole-number option (`min` and up). */
export function wholeOption(
  input: unknown,
  field: string,
  min: number,
  fallback: number | undefined,
): number | undefined {
  if (input === undefined) return fallback;
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < min) {
    const got = typeof input === 'number' ? String(input) : describeType(input);
    fail(
      'invalid_option',
      field,
      `${field}: expected a whole number of at least ${min}, got ${got}`,
    );
  }
  return input;
}

/** @internal Optional instant: `NaN` when absent. */
export function optionalMs(input: unknown, field: string): number {
  return input === undefined || input === null ? Number.NaN : toInstantMs(input, field);
}
