/**
 * Where one device stands: on a MAK, fine on KMS, due soon, or lapsed.
 * @module
 */
import type { DatedPolicy, InstantInput, RuleRef } from '../core/index.js';
import { asRecord, MS_PER_DAY, toInstantMs } from '../core/internal.js';
import {
  checkDeviceInto,
  DEFAULT_WARN_DAYS,
  type Device,
  type DeviceColumns,
  type DeviceStatus,
  deviceColumns,
  evaluateInto,
  optionalMs,
  STATUS_ORDER,
  wholeOption,
} from './device.js';
import { type KmsTimings, kmsTimingsAt } from './policy.js';

/**
 * Options of {@link deviceActivationStatus} (and of the fleet plan).
 * @category Activation
 */
export interface DeviceActivationStatusOptions {
  /** The instant the question is asked for. */
  readonly asOf: InstantInput;
  /** When the customer's KMS host stops serving (exclusive); see {@link kmsActivationExpiry}. */
  readonly kmsHostRetiredAt?: InstantInput | null;
  /** A device is `due_soon` while less than this many days are left; a whole number, default 30. */
  readonly warnDays?: number;
  /** Your own KMS timings table (default {@link KMS_ACTIVATION_POLICY}), read at `asOf`. */
  readonly policy?: DatedPolicy<KmsTimings>;
}

/**
 * One device's activation state at `asOf`.
 * @category Activation
 */
export interface DeviceActivationStatus {
  /** The device's id. */
  readonly id: string;
  /** Where it stands; see {@link DeviceStatus}. */
  readonly status: DeviceStatus;
  /** When its KMS activation lapses (or lapsed); `null` on a MAK or when unknown. */
  readonly lapsesAt: Date | null;
  /** Whole days left before the lapse, rounded down (`0` once lapsed); `null` when `lapsesAt` is. */
  readonly daysLeft: number | null;
  /** The last successful KMS renewal the lapse counts from (projected up to the host's retirement). */
  readonly lastRenewalAt: Date | null;
  /** When it was activated with a MAK, or `null`. */
  readonly makActivatedAt: Date | null;
  /** The rules applied: the KMS timings. */
  readonly rules: readonly RuleRef[];
}

/**
 * @internal Status of the evaluated device at slot `i` of `c`. `rules` is shared, not copied.
 */
export function statusOf(
  c: DeviceColumns,
  i: number,
  asOfMs: number,
  rules: readonly RuleRef[],
): DeviceActivationStatus {
  const statusIndex = c.status[i] as number;
  const lapseMs = c.lapse[i] as number;
  const lastMs = c.last[i] as number;
  const makMs = c.mak[i] as number;
  const kms = statusIndex === 1 || statusIndex === 2 || statusIndex === 3;
  return {
    id: c.ids[i] as string,
    status: STATUS_ORDER[statusIndex] as DeviceStatus,
    lapsesAt: kms ? new Date(lapseMs) : null,
    daysLeft: kms ? Math.max(0, Math.floor((lapseMs - asOfMs) / MS_PER_DAY)) : null,
    lastRenewalAt: Number.isNaN(lastMs) ? null : new Date(lastMs),
    makActivatedAt: Number.isNaN(makMs) ? null : new Date(makMs),
    rules,
  };
}

/**
 * Where a device's activation stands at `asOf`.
 *
 * - A device with `makActivatedAt` is `mak_activated` (a MAK does not lapse),
 *   whatever its KMS history.
 * - Otherwise its lapse is {@link kmsActivationExpiry}'s: the recorded
 *   renewal plus the renewals projected every 7 days while the host serves
 *   (up to `kmsHostRetiredAt`, also past `asOf`: the device is assumed to stay
 *   on). So `lapsesAt` does not depend on `asOf`, and a device never goes back
 *   from `lapsed` to `ok` as `asOf` moves on without a new activation.
 * - `lapsed` from `lapsesAt` on (the activation is valid strictly before it);
 *   `due_soon` while less than `warnDays` whole days are left, i.e.
 *   `daysLeft < warnDays`; else `ok`.
 * - `daysLeft` = ⌊(`lapsesAt` − `asOf`) / 24 h⌋, never negative.
 * - A device with neither date is `unknown`: it needs a MAK, but no lapse can be computed.
 *
 * @param device - `{ id, lastRenewalAt?, makActivatedAt? }`.
 * @param options - `{ asOf, kmsHostRetiredAt?, warnDays = 30, policy? }`.
 * @returns The status, `lapsesAt`, `daysLeft` and the renewal they count from.
 * @throws {@link core!CspRuleError} `invalid_input` (not an object, no id), `invalid_instant` /
 *   `ambiguous_local_time` (a date), `invalid_range` (an activation after `asOf`),
 *   `invalid_option` (`warnDays` negative or fractional), `invalid_policy` / `policy_not_in_force`.
 * @example
 * ```ts
 * import { deviceActivationStatus } from 'csp-software-rules/activation';
 *
 * const asOf = '2024-06-10T00:00:00Z';
 * const s = deviceActivationStatus({ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' }, { asOf });
 * s.status; // => 'due_soon'
 * s.daysLeft; // => 19
 * deviceActivationStatus({ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' }, { asOf, warnDays: 14 }).status; // => 'ok'
 * deviceActivationStatus({ id: 'pc-2', lastRenewalAt: '2023-11-01' }, { asOf }).status; // => 'lapsed'
 * deviceActivationStatus({ id: 'pc-3', makActivatedAt: '2024-05-01' }, { asOf }).status; // => 'mak_activated'
 * deviceActivationStatus({ id: 'pc-4', lastRenewalAt: '2024-07-01' }, { asOf }); // => throws invalid_range
 * ```
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export function deviceActivationStatus(
  device: Device,
  options: DeviceActivationStatusOptions,
): DeviceActivationStatus {
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const retiredMs = optionalMs(o['kmsHostRetiredAt'], 'kmsHostRetiredAt');
  const warnDays = wholeOption(o['warnDays'], 'warnDays', 0, DEFAULT_WARN_DAYS) as number;
  const { value: timings, rule } = kmsTimingsAt(
    o['policy'] as DatedPolicy<KmsTimings> | undefined,
    asOfMs,
  );
  const c = deviceColumns(1);
  checkDeviceInto(device, 'device', undefined, asOfMs, c, 0);
  evaluateInto(c, 0, retiredMs, timings, asOfMs, warnDays * MS_PER_DAY);
  return statusOf(c, 0, asOfMs, [rule]);
}
