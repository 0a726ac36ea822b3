// Floors: minimal hand-written functions doing only the arithmetic each rule
// does, on epoch milliseconds: no input checks, no decision objects, no
// formatting. The library's cost is reported as a ratio to these.

const DAY = 86_400_000;

function daysInMonth(y: number, m0: number): number {
  return new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
}

/** Start (epoch ms) of month `k·months` after an anchor day, clamped. */
function addMonthsMs(anchorMs: number, months: number): number {
  const d = new Date(anchorMs);
  const y = d.getUTCFullYear();
  const t = d.getUTCMonth() + months;
  const ty = y + Math.floor(t / 12);
  const tm = ((t % 12) + 12) % 12;
  return Date.UTC(ty, tm, Math.min(d.getUTCDate(), daysInMonth(ty, tm)));
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
