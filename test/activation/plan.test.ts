import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Device,
  deviceActivationStatus,
  type MakMigrationPlan,
  planMakMigration,
} from '../../src/activation/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const VALID = 180 * DAY;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** A device whose KMS activation lapses at `lapseMs` (no host retirement). */
const lapsingAt = (id: string, lapseMs: number): Device => ({
  id,
  lastRenewalAt: new Date(lapseMs - VALID),
});

describe('planMakMigration: examples', () => {
  const asOf = '2024-06-28T12:00:00Z';
  const fleet: Device[] = [
    { id: 'pc-1', lastRenewalAt: '2024-01-01' }, // lapses 2024-06-29T00Z
    { id: 'pc-2', lastRenewalAt: '2024-01-02' }, // lapses 2024-06-30T00Z
    { id: 'pc-3', lastRenewalAt: '2024-01-02' },
    { id: 'srv-1', makActivatedAt: '2024-06-01' },
    { id: 'old', lastRenewalAt: '2023-12-01T06:00:00Z' }, // lapsed 2024-05-29T06Z
    { id: 'mystery' },
    { id: 'fine', lastRenewalAt: '2024-06-01' }, // lapses 2024-11-28
  ];

  it('gives the deadline, statuses, schedule, lapses and warnings', () => {
    const plan = planMakMigration(fleet, { asOf, capacityPerDay: 2, makActivationLimit: 5 });
    expect(iso(plan.asOf)).toBe('2024-06-28T12:00:00.000Z');
    expect(iso(plan.deadline)).toBe('2024-05-29T06:00:00.000Z');
    expect(plan.needingMak).toBe(6);
    expect(plan.counts).toEqual({ mak_activated: 1, ok: 1, due_soon: 3, lapsed: 1, unknown: 1 });
    expect(plan.byStatus).toEqual({
      mak_activated: ['srv-1'],
      ok: ['fine'],
      due_soon: ['pc-1', 'pc-2', 'pc-3'],
      lapsed: ['old'],
      unknown: ['mystery'],
    });
    expect(plan.devices.map((d) => d.id)).toEqual(fleet.map((d) => d.id));
    expect(plan.capacityPerDay).toBe(2);
    expect(plan.schedule?.map((d) => [d.day, iso(d.activateAt), d.deviceIds])).toEqual([
      ['2024-06-28', '2024-06-28T12:00:00.000Z', ['pc-1', 'pc-2']],
      ['2024-06-29', '2024-06-29T00:00:00.000Z', ['pc-3', 'fine']],
      ['2024-06-30', '2024-06-30T00:00:00.000Z', ['old', 'mystery']],
    ]);
    expect(plan.completesOn).toBe('2024-06-30');
    expect(plan.lapses).toEqual([
      {
        id: 'old',
        lapsesAt: new Date('2024-05-29T06:00:00Z'),
        activateAt: new Date('2024-06-30T00:00:00Z'),
        activateOn: '2024-06-30',
        downtimeDays: 32, // 31 days 18 hours, rounded up
      },
    ]);
    expect(plan.downtimeDeviceDays).toBe(32);
    expect(plan.warnings).toEqual([
      { code: 'mak_activation_limit_exceeded', needed: 6, limit: 5, excess: 1 },
      { code: 'already_lapsed', devices: 1 },
      { code: 'unknown_activation_state', devices: 1 },
    ]);
    expect(plan.rules.map((r) => r.id)).toEqual([
      'activation.kms_timings',
      'activation.channel_methods',
    ]);
    expect(JSON.parse(JSON.stringify(plan)).lapses[0].activateOn).toBe('2024-06-30');
  });

  it('saves only strictly before the lapse: an activation at lapsesAt is a lapse of 0 days', () => {
    const plan = planMakMigration(fleet.slice(0, 3), { asOf, capacityPerDay: 1 });
    expect(plan.schedule?.map((d) => d.deviceIds[0])).toEqual(['pc-1', 'pc-2', 'pc-3']);
    expect(plan.lapses.map((l) => [l.id, iso(l.activateAt), l.downtimeDays])).toEqual([
      ['pc-3', '2024-06-30T00:00:00.000Z', 0],
    ]);
    expect(plan.warnings).toEqual([
      { code: 'capacity_insufficient', devices: 1, capacityPerDay: 1 },
    ]);
  });

  it('does not let a device that lapses anyway take the slot of one that can be saved', () => {
    const t = Date.UTC(2024, 5, 1, 12);
    // 'a' lapses 1 hour after asOf, 'b' and 'c' before the second day's start: only one of
    // a, b, c can be saved on day 0 (capacity 1); 'a' goes first, b and c lapse; 'd' is saved
    // on day 1 and is not pushed behind b and c.
    const plan = planMakMigration(
      [
        lapsingAt('a', t + HOUR),
        lapsingAt('b', t + 2 * HOUR),
        lapsingAt('c', t + 3 * HOUR),
        lapsingAt('d', t + 2 * DAY),
      ],
      { asOf: new Date(t), capacityPerDay: 1 },
    );
    expect(plan.schedule?.map((d) => d.deviceIds[0])).toEqual(['a', 'd', 'b', 'c']);
    expect(plan.lapses.map((l) => [l.id, l.downtimeDays])).toEqual([
      ['b', 2], // lapses Jun 1 14:00, activated Jun 3 00:00: 34 hours → 2 days
      ['c', 3], // lapses Jun 1 15:00, activated Jun 4 00:00: 57 hours → 3 days
    ]);
    expect(plan.downtimeDeviceDays).toBe(5);
  });

  it('without a capacity, has no schedule and lists the devices already lapsed', () => {
    const plan = planMakMigration(fleet, { asOf });
    expect(plan.capacityPerDay).toBeNull();
    expect(plan.schedule).toBeNull();
    expect(plan.completesOn).toBeNull();
    expect(plan.lapses.map((l) => [l.id, iso(l.activateAt), l.downtimeDays])).toEqual([
      ['old', '2024-06-28T12:00:00.000Z', 31],
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual([
      'already_lapsed',
      'unknown_activation_state',
    ]);
  });

  it('projects renewals up to the host retirement', () => {
    const plan = planMakMigration(fleet, {
      asOf,
      kmsHostRetiredAt: '2024-09-01T00:00:00Z',
      warnDays: 7,
    });
    // pc-1 renews every 7 days from Jan 1 until Aug 26; lapses Feb 22 2025.
    expect(iso(plan.devices[0]?.lapsesAt)).toBe('2025-02-22T00:00:00.000Z');
    // 'old' would have lapsed in May by its record, but the host serves until September:
    // the device is assumed on, so its weekly renewals are projected and it has not lapsed.
    expect(plan.byStatus.lapsed).toEqual([]);
    expect(iso(plan.deadline)).toBe('2025-02-22T00:00:00.000Z');
  });

  it('gives a documented empty plan for an empty fleet', () => {
    const empty = planMakMigration([], { asOf, capacityPerDay: 10, makActivationLimit: 0 });
    expect(empty).toEqual({
      asOf: new Date(asOf),
      deadline: null,
      needingMak: 0,
      counts: { mak_activated: 0, ok: 0, due_soon: 0, lapsed: 0, unknown: 0 },
      byStatus: { mak_activated: [], ok: [], due_soon: [], lapsed: [], unknown: [] },
      devices: [],
      capacityPerDay: 10,
      schedule: [],
      completesOn: null,
      lapses: [],
      downtimeDeviceDays: 0,
      warnings: [],
      rules: empty.rules,
    });
    expect(empty.rules).toHaveLength(2);
    expect(planMakMigration([], { asOf }).schedule).toBeNull();
  });

  it('has no deadline when every device is on a MAK or unknown', () => {
    const plan = planMakMigration([{ id: 'a', makActivatedAt: '2024-01-01' }, { id: 'b' }], {
      asOf,
      capacityPerDay: 1,
    });
    expect(plan.deadline).toBeNull();
    expect(plan.schedule?.map((d) => d.deviceIds)).toEqual([['b']]);
    expect(plan.lapses).toEqual([]);
  });

  it('refuses bad input', () => {
    const ok = { asOf };
    expectRuleError(
      () => planMakMigration([{ id: 'a' }, { id: 'b' }, { id: 'a' }], ok),
      'duplicate_id',
      'devices[2].id',
    );
    expectRuleError(
      () => planMakMigration([{ id: 'a' }, { id: 'b', lastRenewalAt: '2024-06-28T12:00:01Z' }], ok),
      'invalid_range',
      'devices[1].lastRenewalAt',
    );
    expectRuleError(
      () => planMakMigration([{ id: 'a', makActivatedAt: '2024-07-01' }], ok),
      'invalid_range',
      'devices[0].makActivatedAt',
    );
    expectRuleError(
      () => planMakMigration([{ id: 'a' }, { id: 'b', lastRenewalAt: '2024-13-01' }], ok),
      'invalid_calendar_day',
      'devices[1].lastRenewalAt',
    );
    expectRuleError(
      () => planMakMigration([{ id: 'a', lastRenewalAt: new Date(Number.NaN) }], ok),
      'invalid_instant',
      'devices[0].lastRenewalAt',
    );
    expectRuleError(
      () => planMakMigration([{ id: 'a' }, {} as Device], ok),
      'invalid_input',
      'devices[1].id',
    );
    expectRuleError(() => planMakMigration([null as never], ok), 'invalid_input', 'devices[0]');
    expectRuleError(() => planMakMigration({} as never, ok), 'invalid_input', 'devices');
    expectRuleError(() => planMakMigration([], null as never), 'invalid_input', 'options');
    for (const capacityPerDay of [0, -1, 1.5, Number.POSITIVE_INFINITY, '3']) {
      expectRuleError(
        () => planMakMigration([], { asOf, capacityPerDay: capacityPerDay as number }),
        'invalid_option',
        'capacityPerDay',
      );
    }
    for (const makActivationLimit of [-1, 2.5]) {
      expectRuleError(
        () => planMakMigration([], { asOf, makActivationLimit }),
        'invalid_option',
        'makActivationLimit',
      );
    }
    expectRuleError(
      () => planMakMigration([], { asOf, warnDays: -3 }),
      'invalid_option',
      'warnDays',
    );
    expectRuleError(
      () => planMakMigration([], { asOf, kmsHostRetiredAt: '2024-01-01T00:00' }),
      'ambiguous_local_time',
      'kmsHostRetiredAt',
    );
  });

  it('gives the same plan in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      planMakMigration(fleet, {
        asOf: '2024-06-28T23:30:00-03:30',
        capacityPerDay: 1,
        kmsHostRetiredAt: '2024-03-31T01:30:00+14:00',
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Properties

const ASOF = Date.UTC(2024, 5, 10, 9, 30);

/** Small fleets whose lapses fall around asOf and the next few days, often on day boundaries. */
const smallFleet = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            kind: fc.constant('kms' as const),
            lapse: fc.integer({ min: -2 * DAY, max: 6 * DAY }),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('kms' as const),
            lapse: fc.integer({ min: -2, max: 6 }).map((d) => Date.UTC(2024, 5, 10 + d) - ASOF),
          }),
        },
        { weight: 1, arbitrary: fc.constant({ kind: 'mak' as const, lapse: 0 }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'unknown' as const, lapse: 0 }) },
      ),
      { maxLength },
    )
    .map((xs) =>
      xs.map((x, i): Device => {
        const id = `d${(i * 7) % 10}${i}`; // ids not in input order
        if (x.kind === 'mak') return { id, makActivatedAt: new Date(ASOF - DAY) };
        if (x.kind === 'unknown') return { id };
        return { id, lastRenewalAt: new Date(ASOF + x.lapse - VALID) };
      }),
    );

/** Time of the slot on day `d` (0 = the day of asOf, at asOf). */
const slotTime = (d: number) => (d === 0 ? ASOF : (Math.floor(ASOF / DAY) + d) * DAY);

/** The most devices any assignment of days within capacity saves (brute force). */
function bruteForceMaxSaved(lapses: readonly number[], capacity: number): number {
  const n = lapses.length;
  const days = new Array<number>(n).fill(0);
  const perDay = new Array<number>(n).fill(0);
  let best = 0;
  const go = (i: number, saved: number): void => {
    if (saved + (n - i) <= best) return;
    if (i === n) {
      best = saved;
      return;
    }
    for (let d = 0; d < n; d++) {
      if ((perDay[d] as number) >= capacity) continue;
      perDay[d] = (perDay[d] as number) + 1;
      days[i] = d;
      go(i + 1, saved + (slotTime(d) < (lapses[i] as number) ? 1 : 0));
      perDay[d] = (perDay[d] as number) - 1;
    }
  };
  go(0, 0);
  return best;
}

function checkScheduleShape(plan: MakMigrationPlan, fleet: readonly Device[], capacity: number) {
  const schedule = plan.schedule ?? [];
  const scheduled = schedule.flatMap((d) => [...d.deviceIds]);
  const needing = fleet.filter((d) => d.makActivatedAt === undefined).map((d) => d.id);
  expect([...scheduled].sort()).toEqual([...needing].sort());
  schedule.forEach((day, k) => {
    expect(day.deviceIds.length).toBeGreaterThan(0);
    expect(day.deviceIds.length).toBeLessThanOrEqual(capacity);
    expect(day.activateAt.getTime()).toBe(slotTime(k));
  });
  // The lapses are exactly the scheduled KMS devices activated at or after their lapse.
  const lapseOf = new Map(plan.devices.map((d) => [d.id, d.lapsesAt?.getTime()]));
  const expected = schedule.flatMap((day) =>
    day.deviceIds
      .filter((id) => {
        const l = lapseOf.get(id);
        return l !== undefined && day.activateAt.getTime() >= l;
      })
      .map((id) => [id, Math.ceil((day.activateAt.getTime() - (lapseOf.get(id) as number)) / DAY)]),
  );
  expect(plan.lapses.map((l) => [l.id, l.downtimeDays])).toEqual(expected);
  expect(plan.downtimeDeviceDays).toBe(expected.reduce((s, [, d]) => s + (d as number), 0));
}

describe('planMakMigration: properties', () => {
  it('the fleet deadline is the earliest lapse of a device not on a MAK', () => {
    fc.assert(
      fc.property(
        smallFleet(30),
        fc.option(fc.integer({ min: -10 * DAY, max: 10 * DAY }), { nil: undefined }),
        (fleet, retire) => {
          const options = {
            asOf: new Date(ASOF),
            ...(retire === undefined ? {} : { kmsHostRetiredAt: new Date(ASOF + retire) }),
          };
          const plan = planMakMigration(fleet, options);
          const lapses = fleet
            .map((d) => deviceActivationStatus(d, options))
            .filter((s) => s.status !== 'mak_activated' && s.lapsesAt !== null)
            .map((s) => s.lapsesAt?.getTime() as number);
          expect(plan.deadline?.getTime() ?? null).toBe(
            lapses.length === 0 ? null : Math.min(...lapses),
          );
          expect(plan.devices).toEqual(fleet.map((d) => deviceActivationStatus(d, options)));
        },
      ),
    );
  });

  it('earliest deadline first saves as many devices as the best assignment (brute force, ≤ 6 devices)', () => {
    fc.assert(
      fc.property(smallFleet(6), fc.integer({ min: 1, max: 3 }), (fleet, capacity) => {
        const plan = planMakMigration(fleet, { asOf: new Date(ASOF), capacityPerDay: capacity });
        checkScheduleShape(plan, fleet, capacity);
        const kmsLapses = plan.devices
          .filter((d) => d.status !== 'mak_activated' && d.lapsesAt !== null)
          .map((d) => d.lapsesAt?.getTime() as number);
        const saved = kmsLapses.length - plan.lapses.length;
        const best = bruteForceMaxSaved(kmsLapses, capacity);
        expect(saved).toBe(best);
        // In particular: if some schedule avoids every lapse, this one does.
        if (best === kmsLapses.length) expect(plan.lapses).toEqual([]);
        // Warnings add up to the lapses.
        const counted = plan.warnings
          .filter((w) => w.code === 'already_lapsed' || w.code === 'capacity_insufficient')
          .reduce((s, w) => s + ('devices' in w ? w.devices : 0), 0);
        expect(counted).toBe(plan.lapses.length);
      }),
      { numRuns: 200 },
    );
  });

  it('never lapses more devices with more capacity', () => {
    fc.assert(
      fc.property(smallFleet(12), fc.integer({ min: 1, max: 4 }), (fleet, capacity) => {
        const at = (c: number) =>
          planMakMigration(fleet, { asOf: new Date(ASOF), capacityPerDay: c }).lapses.length;
        expect(at(capacity + 1)).toBeLessThanOrEqual(at(capacity));
        expect(planMakMigration(fleet, { asOf: new Date(ASOF) }).lapses.length).toBeLessThanOrEqual(
          at(capacity),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('warns about the MAK limit exactly when more devices need one than it allows', () => {
    fc.assert(
      fc.property(smallFleet(10), fc.integer({ min: 0, max: 12 }), (fleet, limit) => {
        const plan = planMakMigration(fleet, { asOf: new Date(ASOF), makActivationLimit: limit });
        const needing = fleet.filter((d) => d.makActivatedAt === undefined).length;
        expect(plan.needingMak).toBe(needing);
        const warning = plan.warnings.find((w) => w.code === 'mak_activation_limit_exceeded');
        expect(warning !== undefined).toBe(needing > limit);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planMakMigration: the order devices are scheduled in', () => {
  // The plain definition the plan's sort must agree with: earliest lapse
  // first, ties by id (a comparator sort); a device that would miss its lapse
  // at the next free slot goes behind the ones still saved; then the unknown
  // devices by id.
  const byLapseThenId = (a: [number, string], b: [number, string]) =>
    a[0] - b[0] || (a[1] < b[1] ? -1 : 1);
  function definedOrder(plan: MakMigrationPlan, capacity: number, asOfMs: number): string[] {
    const kms = plan.devices
      .filter((d) => d.lapsesAt !== null && d.status !== 'mak_activated')
      .map((d): [number, string] => [d.lapsesAt?.getTime() as number, d.id])
      .sort(byLapseThenId);
    const day0 = Math.floor(asOfMs / DAY);
    const slot = (k: number) => (k < capacity ? asOfMs : (day0 + Math.floor(k / capacity)) * DAY);
    const saved: string[] = [];
    const deferred: string[] = [];
    for (const [lapse, id] of kms) (slot(saved.length) < lapse ? saved : deferred).push(id);
    const unknown = plan.byStatus.unknown.slice().sort();
    return [...saved, ...deferred, ...unknown];
  }

  const ASOF_LATE = Date.UTC(9999, 0, 1);
  /** January 1 of year `y` (Date.UTC reads years 0-99 as 1900-1999). */
  const jan1 = (y: number) => new Date(0).setUTCFullYear(y, 0, 1);
  // Renewals at a few shared instants (ties), or anywhere from year 1 to year
  // 9998: spread over millennia, 17 or more lapses no longer fit one number
  // each, and the plan sorts with a comparator instead.
  const renewal = fc.oneof(
    fc.constantFrom(0, 1, 2).map((k) => ASOF_LATE - 100 * DAY - k * DAY),
    fc.integer({ min: ASOF_LATE - 200 * DAY, max: ASOF_LATE }),
    fc.integer({ min: jan1(1), max: jan1(9998) }),
  );
  const fleet = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      renewal: fc.option(renewal, { nil: undefined }),
    }),
    { selector: (d) => d.id, maxLength: 60, size: 'max' },
  );

  it('is earliest lapse first, ties by id, as a comparator sort defines it', () => {
    fc.assert(
      fc.property(fleet, fc.integer({ min: 1, max: 70 }), (devices, capacity) => {
        const input: Device[] = devices.map((d) =>
          d.renewal === undefined ? { id: d.id } : { id: d.id, lastRenewalAt: new Date(d.renewal) },
        );
        const plan = planMakMigration(input, {
          asOf: new Date(ASOF_LATE),
          capacityPerDay: capacity,
        });
        const scheduled = (plan.schedule ?? []).flatMap((d) => [...d.deviceIds]);
        expect(scheduled).toEqual(definedOrder(plan, capacity, ASOF_LATE));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts a fleet whose lapses span millennia and one whose lapses share instants', () => {
    const at = (id: string, y: number) => ({ id, lastRenewalAt: new Date(jan1(y)) });
    // 40 devices from year 1 to 9751, too wide for one number each, and
    // 'b' and 'a' on the same instant: the comparator breaks their tie by id.
    const wide = Array.from({ length: 40 }, (_, k) => at(`w${(k * 7) % 40}`, 1 + k * 250));
    const plan = planMakMigration([at('b', 5000), ...wide, at('a', 5000)], {
      asOf: new Date(ASOF_LATE),
      capacityPerDay: 100,
    });
    const ids = wide.map((d) => d.id);
    expect(plan.schedule?.[0]?.deviceIds).toEqual([
      ...ids.slice(0, 20),
      'a',
      'b',
      ...ids.slice(20),
    ]);
    // 20 devices on two instants, ids out of input order: ties by id.
    const tied = Array.from({ length: 20 }, (_, k) => at(`t${(k * 7) % 20}`, 9990 + (k % 2)));
    const tiedIds = (y: number) =>
      tied
        .filter((_, k) => k % 2 === y)
        .map((d) => d.id)
        .sort();
    const tiedPlan = planMakMigration(tied, { asOf: new Date(ASOF_LATE), capacityPerDay: 100 });
    expect(tiedPlan.schedule?.[0]?.deviceIds).toEqual([...tiedIds(0), ...tiedIds(1)]);
  });

  it('uses one number per device only while every one is exact in a double', () => {
    // 29 devices whose lapses span exactly `range` ms: the largest number,
    // range · 29 + 28, would be 2^53 + 17, past the last exact integer, so the
    // plan must sort with the comparator. Device 12 lapses last.
    const range = Math.floor(Number.MAX_SAFE_INTEGER / 29);
    expect((range + 1) * 29).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    const first = jan1(10);
    const fleet29 = Array.from({ length: 29 }, (_, k) => ({
      id: `d${k}`,
      lastRenewalAt: new Date(k === 12 ? first + range : first + k * DAY),
    }));
    const plan = planMakMigration(fleet29, { asOf: new Date(ASOF_LATE), capacityPerDay: 29 });
    const expected = fleet29.map((d) => d.id).filter((id) => id !== 'd12');
    expect(plan.schedule?.[0]?.deviceIds).toEqual([...expected, 'd12']);
  });
});
