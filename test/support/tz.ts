// Runs a computation under several process time zones. Node re-reads
// process.env['TZ'] on assignment, so this works inside one process.
import { expect } from 'vitest';

/** Zones with unusual offsets: +14:00, -03:30, +05:45, DST-switching ones. */
export const TIME_ZONES = [
  'UTC',
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Pago_Pago',
  'Europe/Rome',
  'Australia/Lord_Howe',
] as const;

/** The results of `fn` under each zone, as JSON text (Dates as ISO strings). */
export function resultsInEachTimeZone(fn: () => unknown): string[] {
  const saved = process.env['TZ'];
  try {
    return TIME_ZONES.map((tz) => {
      process.env['TZ'] = tz;
      return JSON.stringify(fn());
    });
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
}

/** Asserts `fn` gives the same result in every zone of {@link TIME_ZONES}. */
export function expectSameInEveryTimeZone(fn: () => unknown): void {
  const [first, ...rest] = resultsInEachTimeZone(fn);
  for (const r of rest) expect(r).toBe(first);
}

/**
 * Sanity: the process really changes zone (else the checks above prove
 * nothing). Mutation runs (vitest.mutation.config.ts) may use worker threads,
 * where assigning TZ has no effect; they set CSP_TZ_CHECKS=off and rely on the
 * main suite for time-zone independence.
 */
export function localOffsetsDiffer(): boolean {
  if (process.env['CSP_TZ_CHECKS'] === 'off') return true;
  const probe = new Date(Date.UTC(2021, 0, 1));
  const offsets = new Set<number>();
  const saved = process.env['TZ'];
  for (const tz of TIME_ZONES) {
    process.env['TZ'] = tz;
    offsets.add(probe.getTimezoneOffset());
  }
  if (saved === undefined) delete process.env['TZ'];
  else process.env['TZ'] = saved;
  return offsets.size > 3;
}
