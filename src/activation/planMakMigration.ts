/**
 * A fleet's move from KMS to a MAK: its deadline, its devices by status, and
 * a day-by-day schedule that saves as many devices as any schedule can.
 * @module
 */
import type { CalendarDay, DatedPolicy, RuleRef } from '../core/index.js';
import {
  asRecord,
  epochDayOfMs,
  fail,
  formatEpochDay,
  MS_PER_DAY,
  toInstantMs,
} from '../core/internal.js';
import {
  checkDeviceInto,
  DEFAULT_WARN_DAYS,
  type Device,
  type DeviceStatus,
  deviceColumns,
  evaluateInto,
  optionalMs,
  STATUS_ORDER,
  wholeOption,
} from './device.js';
import {
  type DeviceActivationStatus,
  type DeviceActivationStatusOptions,
  statusOf,
} from './deviceActivationStatus.js';
import { ACTIVATION_CHANNEL_POLICY, type KmsTimings, kmsTimingsAt, policyAt } from './policy.js';

/**
 * Options of {@link planMakMigration}.
 * @category Activation
 */
export interface PlanMakMigrationOptions extends DeviceActivationStatusOptions {
  /**
   * How many devices can be activated per UTC day (a whole number ≥ 1). Omitted:
   * no schedule, and capacity is taken as unlimited (every device at `asOf`).
   */
  readonly capacityPerDay?: number;
  /** Activations left on the customer's MAK (a whole number ≥ 0); omitted: not checked. */
  readonly makActivationLimit?: number;
}

/**
 * One day of the schedule.
 * @category Activation
 */
export interface MakScheduleDay {
  /** The UTC day, `YYYY-MM-DD`. */
  readonly day: CalendarDay;
  /** When that day's activations happen: `asOf` on the first day, 00:00Z on the others. */
  readonly activateAt: Date;
  /** The devices activated that day, in order. */
  readonly deviceIds: readonly string[];
}

/**
 * A device whose KMS activation runs out before its MAK activation.
 * @category Activation
 */
export interface MakLapse {
  /** The device's id. */
  readonly id: string;
  /** When its KMS activation lapses (or lapsed). */
  readonly lapsesAt: Date;
  /** When it gets its MAK in the plan. */
  readonly activateAt: Date;
  /** The UTC day of `activateAt`. */
  readonly activateOn: CalendarDay;
  /** Its downtime from `lapsesAt` to `activateAt`, in whole days rounded up. */
  readonly downtimeDays: number;
}

/**
 * Something the plan cannot do, in this order:
 * - `mak_activation_limit_exceeded`: more devices need a MAK than it has activations left;
 * - `already_lapsed`: devices lapsed before `asOf` (no schedule can save them);
 * - `capacity_insufficient`: devices not yet lapsed that the daily capacity cannot reach in time;
 * - `unknown_activation_state`: devices with neither a KMS renewal nor a MAK activation.
 * @category Activation
 */
export type MakMigrationWarning =
  | {
      /** More devices need a MAK than it has activations left. */
      readonly code: 'mak_activation_limit_exceeded';
      /** Devices needing a MAK. */
      readonly needed: number;
      /** Activations left on the MAK. */
      readonly limit: number;
      /** `needed − limit`. */
      readonly excess: number;
    }
  | {
      /** Devices lapsed before `asOf`. */
      readonly code: 'already_lapsed';
      /** How many. */
      readonly devices: number;
    }
  | {
      /** Devices the daily capacity cannot reach before their lapse. */
      readonly code: 'capacity_insufficient';
      /** How many devices the capacity leaves to lapse. */
      readonly devices: number;
      /** The capacity that falls short. */
      readonly capacityPerDay: number;
    }
  | {
      /** Devices with no known activation. */
      readonly code: 'unknown_activation_state';
      /** How many. */
      readonly devices: number;
    };

/**
 * A fleet's KMS-to-MAK migration plan.
 * @category Activation
 */
export interface MakMigrationPlan {
  /** The instant the plan is made for. */
  readonly asOf: Date;
  /** The fleet deadline: the earliest `lapsesAt` among devices not on a MAK (`null`: none). */
  readonly deadline: Date | null;
  /** Devices not yet on a MAK (`ok`, `due_soon`, `lapsed`, `unknown`). */
  readonly needingMak: number;
  /** How many devices have each status. */
  readonly counts: Readonly<Record<DeviceStatus, number>>;
  /** The ids of the devices with each status, in input order. */
  readonly byStatus: Readonly<Record<DeviceStatus, readonly string[]>>;
  /** Every device's status, in input order. */
  readonly devices: readonly DeviceActivationStatus[];
  /** The daily capacity planned with, or `null` (unlimited, no schedule). */
  readonly capacityPerDay: number | null;
  /** Day by day, the activations (only days with some); `null` without a capacity. */
  readonly schedule: readonly MakScheduleDay[] | null;
  /** The last day of the schedule; `null` without a capacity or with nothing to do. */
  readonly completesOn: CalendarDay | null;
  /** The devices that lapse all the same, in schedule order. */
  readonly lapses: readonly MakLapse[];
  /** The lapses' downtime added up, in device-days (each rounded up). */
  readonly downtimeDeviceDays: number;
  /** What the plan cannot do; see {@link MakMigrationWarning}. */
  readonly warnings: readonly MakMigrationWarning[];
  /** The rules applied: the KMS timings and the CSP channel's MAK-only activation. */
  readonly rules: readonly RuleRef[];
}

/**
 * The devices `list` (indices, lapses known) by earliest lapse, then id (ids
 * are unique). When the lapses span few enough milliseconds, each device is
 * one number, `(lapse − earliest) · m + position`, exact in a double, and a
 * typed array sorts those without a comparator (a fleet of 100,000 lapsing
 * within 1,000 days fits); only runs of equal lapses are then compared by
 * id. Otherwise a comparator sort.
 */
function byLapseThenId(list: Int32Array, lapse: Float64Array, ids: readonly string[]): Int32Array {
  const m = list.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    const l = lapse[list[j] as number] as number;
    if (l < min) min = l;
    if (l > max) max = l;
  }
  const tie = byId(ids);
  if ((max - min + 1) * m > Number.MAX_SAFE_INTEGER) {
    return list.sort((a, b) => (lapse[a] as number) - (lapse[b] as number) || tie(a, b));
  }
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) keys[j] = ((lapse[list[j] as number] as number) - min) * m + j;
  keys.sort();
  const sorted = new Int32Array(m);
  for (let j = 0; j < m; j++) sorted[j] = list[(keys[j] as number) % m] as number;
  // Equal lapses came out in input order: order each run by id.
  for (let a = 0; a < m; ) {
    const v = lapse[sorted[a] as number];
    let b = a + 1;
    while (b < m && lapse[sorted[b] as number] === v) b++;
    if (b - a > 1) sorted.subarray(a, b).sort(tie);
    a = b;
  }
  return sorted;
}

function byId(ids: readonly string[]) {
  return (a: number, b: number): number => ((ids[a] as string) < (ids[b] as string) ? -1 : 1);
}

/** Far more devices than any KMS host serves; above it a plan is refused before any is read. */
const MAX_DEVICES = 10_000_000;

/**
 * Plans a fleet's move from KMS to a MAK before the customer's volume-licensing
 * KMS host stops serving.
 *
 * - Each device's status and lapse are {@link deviceActivationStatus}'s.
 * - **Deadline**: the earliest `lapsesAt` among devices not on a MAK, lapsed
 *   ones included (`null` when there is none).
 * - **Schedule** (with `capacityPerDay`): UTC day 0 is the day of `asOf`; the
 *   activations of day D happen at the start of D (at `asOf` on day 0), at
 *   most `capacityPerDay` a day. An activation saves a device only if it
 *   happens strictly before its `lapsesAt` (at `lapsesAt` the activation has
 *   already run out). Devices go earliest deadline first, skipping a device
 *   whose deadline has passed by the next free slot; skipped devices (and
 *   those lapsed before `asOf`) follow in order of lapse, then `unknown`
 *   devices. This saves as many devices as any schedule within capacity can,
 *   so when some schedule avoids every lapse, this one does; devices that
 *   lapse anyway never take a slot from one that can be saved. Ties: by id.
 * - Without a capacity there is no schedule and capacity is unlimited:
 *   `lapses` lists the devices already lapsed, activated at `asOf`.
 * - **Downtime**: per lapsing device, from `lapsesAt` (also before `asOf`) to
 *   its activation, rounded up to whole days; `downtimeDeviceDays` adds them.
 * - An empty fleet gives an empty plan: no deadline, zero counts, no lapses,
 *   no warnings, and an empty schedule (`[]`) when a capacity is given.
 *
 * @param devices - The fleet, ids unique.
 * @param options - `{ asOf, kmsHostRetiredAt?, capacityPerDay?, makActivationLimit?, warnDays = 30, policy? }`.
 * @returns The plan.
 * @throws {@link core!CspRuleError} `invalid_input` (not an array, more than 10,000,000 devices, a device without id), `duplicate_id`,
 *   `invalid_instant` / `ambiguous_local_time`, `invalid_range` (an activation after `asOf`),
 *   `invalid_option` (capacity 0 or fractional, negative or fractional `makActivationLimit` or `warnDays`),
 *   `invalid_policy` / `policy_not_in_force`.
 * @example
 * ```ts
 * import { planMakMigration } from 'csp-software-rules/activation';
 *
 * const fleet = [
 *   { id: 'pc-1', lastRenewalAt: '2024-01-01' },  // lapses 2024-06-29
 *   { id: 'pc-2', lastRenewalAt: '2024-01-02' },  // lapses 2024-06-30
 *   { id: 'pc-3', lastRenewalAt: '2024-01-02' },  // lapses 2024-06-30
 *   { id: 'srv-1', makActivatedAt: '2024-06-01' },
 * ];
 * const plan = planMakMigration(fleet, { asOf: '2024-06-28T12:00:00Z', capacityPerDay: 1 });
 * plan.deadline?.toISOString(); // => '2024-06-29T00:00:00.000Z'
 * plan.byStatus.due_soon; // => ['pc-1', 'pc-2', 'pc-3']
 * plan.schedule?.map((d) => [d.day, ...d.deviceIds]); // => [['2024-06-28', 'pc-1'], ['2024-06-29', 'pc-2'], ['2024-06-30', 'pc-3']]
 * plan.lapses.map((l) => [l.id, l.downtimeDays]); // => [['pc-3', 0]]
 * planMakMigration(fleet, { asOf: '2024-06-28T12:00:00Z', capacityPerDay: 0 }); // => throws invalid_option
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export function planMakMigration(
  devices: readonly Device[],
  options: PlanMakMigrationOptions,
): MakMigrationPlan {
  const o = asRecord(options, 'options');
  const asOfMs = toInstantMs(o['asOf'], 'asOf');
  const retiredMs = optionalMs(o['kmsHostRetiredAt'], 'kmsHostRetiredAt');
  const warnDays = wholeOption(o['warnDays'], 'warnDays', 0, DEFAULT_WARN_DAYS) as number;
  const capacity = wholeOption(o['capacityPerDay'], 'capacityPerDay', 1, undefined);
  const limit = wholeOption(o['makActivationLimit'], 'makActivationLimit', 0, undefined);
  const asOf = new Date(asOfMs);
  const kms = kmsTimingsAt(o['policy'] as DatedPolicy<KmsTimings> | undefined, asOfMs);
  const deviceRules: readonly RuleRef[] = [kms.rule];
  const rules: readonly RuleRef[] = [kms.rule, policyAt(ACTIVATION_CHANNEL_POLICY, asOf).rule];
  if (!Array.isArray(devices)) {
    fail('invalid_input', 'devices', 'devices: expected an array of devices');
  }

  // Read every device into numbers; no Date (nor object) until the results.
  const n = devices.length;
  // Checked before the columns are allocated: a sparse array of 2^27 would take a gigabyte.
  if (n > MAX_DEVICES) {
    fail('invalid_input', 'devices', `devices: more than ${MAX_DEVICES} devices in one plan`);
  }
  const c = deviceColumns(n);
  const ids = c.ids;
  const lapse = c.lapse;
  const seen = new Set<string>();
  const warnMs = warnDays * MS_PER_DAY;
  for (let i = 0; i < n; i++) {
    const id = checkDeviceInto(devices[i], 'devices', i, asOfMs, c, i);
    if (seen.has(id)) {
      fail('duplicate_id', `devices[${i}].id`, `devices[${i}].id: "${id}" appears twice`, { id });
    }
    seen.add(id);
    evaluateInto(c, i, retiredMs, kms.value, asOfMs, warnMs);
  }

  // Statuses and counts; the devices that need a MAK, in lapse order.
  const byStatus: Record<DeviceStatus, string[]> = {
    mak_activated: [],
    ok: [],
    due_soon: [],
    lapsed: [],
    unknown: [],
  };
  const kmsList = new Int32Array(n);
  const unknownList = new Int32Array(n);
  let kmsCount = 0;
  let unknownCount = 0;
  for (let i = 0; i < n; i++) {
    const s = c.status[i] as number;
    byStatus[STATUS_ORDER[s] as DeviceStatus].push(ids[i] as string);
    if (s === 4) unknownList[unknownCount++] = i;
    else if (s !== 0) kmsList[kmsCount++] = i;
  }
  const kmsDevices = byLapseThenId(kmsList.subarray(0, kmsCount), lapse, ids);
  const unknownDevices = unknownList.subarray(0, unknownCount).sort(byId(ids));
  const needingMak = kmsCount + unknownCount;

  // Slot k (0-based) is on day ⌊k / capacity⌋; unlimited capacity puts every slot at asOf.
  const day0 = epochDayOfMs(asOfMs);
  const slotMs = (k: number): number => {
    if (capacity === undefined || k < capacity) return asOfMs;
    return (day0 + Math.floor(k / capacity)) * MS_PER_DAY;
  };

  // Earliest deadline first; a device that would miss its deadline at the next
  // free slot is deferred behind every device that can still be saved.
  const order = new Int32Array(needingMak);
  const deferred = new Int32Array(kmsCount);
  let saved = 0;
  let deferredCount = 0;
  for (const i of kmsDevices) {
    if (slotMs(saved) < (lapse[i] as number)) order[saved++] = i;
    else deferred[deferredCount++] = i;
  }
  order.set(deferred.subarray(0, deferredCount), saved);
  order.set(unknownDevices, kmsCount);

  const lapses: MakLapse[] = [];
  let downtime = 0;
  let alreadyLapsed = 0;
  for (let k = saved; k < kmsCount; k++) {
    const i = order[k] as number;
    const at = slotMs(k);
    const days = Math.ceil((at - (lapse[i] as number)) / MS_PER_DAY);
    if ((lapse[i] as number) <= asOfMs) alreadyLapsed += 1;
    downtime += days;
    lapses.push({
      id: ids[i] as string,
      lapsesAt: new Date(lapse[i] as number),
      activateAt: new Date(at),
      activateOn: formatEpochDay(epochDayOfMs(at)),
      downtimeDays: days,
    });
  }

  let schedule: MakScheduleDay[] | null = null;
  if (capacity !== undefined) {
    schedule = [];
    for (let k = 0; k < order.length; k += capacity) {
      const at = slotMs(k);
      const deviceIds: string[] = [];
      const end = Math.min(order.length, k + capacity);
      for (let j = k; j < end; j++) deviceIds.push(ids[order[j] as number] as string);
      schedule.push({ day: formatEpochDay(epochDayOfMs(at)), activateAt: new Date(at), deviceIds });
    }
  }

  const warnings: MakMigrationWarning[] = [];
  if (limit !== undefined && needingMak > limit) {
    warnings.push({
      code: 'mak_activation_limit_exceeded',
      needed: needingMak,
      limit,
      excess: needingMak - limit,
    });
  }
  if (alreadyLapsed > 0) warnings.push({ code: 'already_lapsed', devices: alreadyLapsed });
  if (capacity !== undefined && deferredCount > alreadyLapsed) {
    warnings.push({
      code: 'capacity_insufficient',
      devices: deferredCount - alreadyLapsed,
      capacityPerDay: capacity,
    });
  }
  if (unknownCount > 0) {
    warnings.push({ code: 'unknown_activation_state', devices: unknownCount });
  }

  const statuses: DeviceActivationStatus[] = new Array(n);
  for (let i = 0; i < n; i++) statuses[i] = statusOf(c, i, asOfMs, deviceRules);

  const lastDay = schedule?.[schedule.length - 1]?.day ?? null;
  return {
    asOf,
    // The fleet deadline: the earliest lapse, the first in lapse order.
    deadline: kmsCount === 0 ? null : new Date(lapse[kmsDevices[0] as number] as number),
    needingMak,
    counts: {
      mak_activated: byStatus.mak_activated.length,
      ok: byStatus.ok.length,
      due_soon: byStatus.due_soon.length,
      lapsed: byStatus.lapsed.length,
      unknown: byStatus.unknown.length,
    },
    byStatus,
    devices: statuses,
    capacityPerDay: capacity ?? null,
    schedule,
    completesOn: lastDay,
    lapses,
    downtimeDeviceDays: downtime,
    warnings,
    rules,
  };
}
