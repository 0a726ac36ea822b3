// Floors of bench/run.ts: minimal hand-written functions doing only the
// arithmetic of the market lookup and the migration plan, on epoch
// milliseconds: no input checks, no decision objects. (The subscription
// rules' floors are in realistic-floors.ts.)

const DAY = 86_400_000;

/** isAzureReservationAvailable: a set lookup on an upper-case code. */
export function floorReservation(set: ReadonlySet<string>, code: string): boolean {
  return !set.has(code);
}

/** planMakMigration: lapses, earliest-deadline-first with daily capacity, count of lapses. */
export function floorPlan(lastRenewalMs: Float64Array, asOfMs: number, capacity: number): number {
  const n = lastRenewalMs.length;
  const lapse = new Float64Array(n);
  for (let i = 0; i < n; i++) lapse[i] = (lastRenewalMs[i] as number) + 180 * DAY;
  lapse.sort();
  const day0 = asOfMs - (asOfMs % DAY);
  let lapses = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / capacity);
    const at = day === 0 ? asOfMs : day0 + day * DAY;
    if (at >= (lapse[i] as number)) lapses++;
  }
  return lapses;
}

/**
 * The plan's floor plus the one thing its result cannot do without: a status
 * per device carrying its two instants as `Date`s (the documented shape of
 * `MakMigrationPlan.devices`). It shows what the result's objects alone cost.
 */
export function floorPlanWithStatuses(
  lastRenewalMs: Float64Array,
  ids: readonly string[],
  asOfMs: number,
  capacity: number,
): unknown[] {
  const lapses = floorPlan(lastRenewalMs, asOfMs, capacity);
  const n = lastRenewalMs.length;
  const statuses: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const last = lastRenewalMs[i] as number;
    statuses[i] = {
      id: ids[i],
      lapsesAt: new Date(last + 180 * DAY),
      lastRenewalAt: new Date(last),
      lapses,
    };
  }
  return statuses;
}
