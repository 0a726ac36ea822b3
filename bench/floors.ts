// Floors: minimal hand-written functions doing only the arithmetic each rule
// does, on epoch milliseconds: no input checks, no decision objects, no
// formatting. The library's cost is reported as a ratio to these.

const DAY = 86_400_000;

function daysInMonth(y: number, m0: number): number {
  if (m0 === 1) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m0 === 3 || m0 === 5 || m0 === 8 || m0 === 10 ? 30 : 31;
}

// The same integer civil-date conversions the library uses (no Date objects).
function ymd(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m - 1, doy - Math.floor((153 * mp + 2) / 5) + 1];
}
function dayNumber(y: number, m0: number, d: number): number {
  const m = m0 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Start (epoch ms) of month `k·months` after an anchor day, clamped. */
function addMonthsMs(anchorMs: number, months: number): number {
  const [y, m0, d] = ymd(Math.floor(anchorMs / DAY));
  const t = m0 + months;
  const ty = y + Math.floor(t / 12);
  const tm = ((t % 12) + 12) % 12;
  return dayNumber(ty, tm, Math.min(d, daysInMonth(ty, tm))) * DAY;
}

/** termDates: start and inclusive end of term k. */
export function floorTermDates(startMs: number, months: number, k: number): [number, number] {
  const anchor = startMs - (startMs % DAY);
  return [addMonthsMs(anchor, k * months), addMonthsMs(anchor, (k + 1) * months) - DAY];
}

/** Index of the term containing `asOfMs`. */
function termIndex(anchor: number, months: number, asOfMs: number): number {
  const a = new Date(anchor);
  const b = new Date(asOfMs);
  let k = Math.max(
    0,
    Math.floor(
      ((b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth()) / months,
    ),
  );
  if (addMonthsMs(anchor, k * months) > asOfMs) k -= 1;
  else if (addMonthsMs(anchor, (k + 1) * months) <= asOfMs) k += 1;
  return Math.max(0, k);
}

/** evaluateCancellation: is asOf inside the 168-hour window of its term? */
export function floorCancellation(purchasedMs: number, months: number, asOfMs: number): boolean {
  const anchor = purchasedMs - (purchasedMs % DAY);
  const k = termIndex(anchor, months, asOfMs);
  const opens = k === 0 ? purchasedMs : addMonthsMs(anchor, k * months);
  return asOfMs >= opens && asOfMs < opens + 168 * 3_600_000;
}

/** cancellationRefund (monthly cycles): truncated per-unit prorated refund × quantity, in minor units. */
export function floorRefund(
  purchasedMs: number,
  asOfMs: number,
  unitMinor: number,
  quantity: number,
): number {
  const anchor = purchasedMs - (purchasedMs % DAY);
  const j = termIndex(anchor, 1, asOfMs);
  const start = addMonthsMs(anchor, j);
  const end = addMonthsMs(anchor, j + 1);
  const cycleDays = (end - start) / DAY;
  const refundDays = (end - (asOfMs - (asOfMs % DAY))) / DAY;
  return Math.floor((unitMinor * refundDays) / cycleDays) * quantity;
}

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
