// Issue 27: a fleet of a million devices is read by a hand-written path for
// the common valid shape; zod reads anything else. The two must agree on
// every input: same data (keys, order, the caller's own Date objects), same
// issues, same messages. The reference is a clone of the schema, which zod
// builds afresh from its definition, without the hand-written path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toInstantMs } from '../../src/core/internal.js';
import { fastDeviceOrUndefined, isPlainUtcInstant } from '../../src/schemas/device.js';
import {
  devicesSchema,
  parseDevices,
  safeParseDevices,
  safeParseWith,
} from '../../src/schemas/index.js';
import { ODD_VALUES } from '../support/anything.js';
import { freshImport } from '../support/fresh.js';

const zodOnly = devicesSchema.clone();

/** A valid UTC instant as `toISOString` writes it, anywhere in years 0000-9999. */
const isoInstant = fc
  .date({
    min: new Date('0000-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

/** The same with 0 to 9 fractional digits (Partner Center writes 7). */
const isoWithDigits = fc
  .tuple(isoInstant, fc.stringMatching(/^[0-9]{0,9}$/))
  .map(([iso, digits]) => `${iso.slice(0, 19)}${digits === '' ? '' : `.${digits}`}Z`);

/** One character replaced, removed or added: near misses of every kind. */
const nearInstant = fc
  .tuple(
    isoWithDigits,
    fc.nat(),
    fc.constantFrom('0', '9', '-', ':', 'T', 't', ' ', 'Z', 'z', '.', ',', '+', 'x', '٣', ''),
    fc.boolean(),
  )
  .map(([iso, at, ch, insert]) => {
    const i = at % (iso.length + 1);
    return insert ? iso.slice(0, i) + ch + iso.slice(i) : iso.slice(0, i) + ch + iso.slice(i + 1);
  });

const instantValue = fc.oneof(
  { weight: 4, arbitrary: isoWithDigits },
  { weight: 3, arbitrary: nearInstant },
  { weight: 1, arbitrary: isoInstant.map((iso) => iso.slice(0, 10)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      '2021-10-14T01:00:00+02:00',
      '2021-10-14T10:00',
      '2021-02-29',
      '2021-10-14T24:00:00Z',
      '+002021-10-14T00:00:00Z',
      new Date('2024-01-01T00:00:00Z'),
      new Date(Number.NaN),
      new Date(8.64e15),
      new Proxy(new Date(0), {}),
      Object.create(Date.prototype),
      new String('2024-01-01'),
      0,
      '',
    ),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
);

const ids = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('pc-1', 'pc-2', 'pc-3', 'srv-1', 'a', 'é', '__proto__') },
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('', 7, null, undefined, ['pc-1']) },
);

/** A device: usually valid or nearly, sometimes anything at all. */
const deviceLike = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record(
        {
          id: ids,
          lastRenewalAt: instantValue,
          makActivatedAt: instantValue,
          owner: fc.string(),
        },
        { requiredKeys: [] },
      )
      .chain((d) =>
        fc.constantFrom<unknown>(
          d,
          Object.assign(Object.create(null) as object, d),
          Object.assign(new (class Device {})(), d),
        ),
      ),
  },
  { weight: 1, arbitrary: fc.anything({ ...ODD_VALUES, maxDepth: 2 }) },
);

/** A fleet that is entirely valid and plain (what the hand-written path reads). */
const plainFleet = fc.array(
  fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 6 }),
      lastRenewalAt: fc.oneof(
        isoWithDigits,
        fc.constant(null),
        fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2100-01-01') }),
      ),
      makActivatedAt: fc.oneof(isoWithDigits, fc.constant(null)),
    },
    { requiredKeys: ['id'] },
  ),
  { maxLength: 30 },
);

/** What a safeParse returned, with each device's keys in order and Dates by identity. */
function outcome(result: { success: boolean; data?: unknown; error?: { issues: unknown } }) {
  if (!result.success) return { success: false, issues: result.error?.issues };
  const data = result.data as Record<string, unknown>[];
  return { success: true, data, keys: data.map((d) => Object.keys(d)) };
}

function expectSameAsZod(fleet: unknown): void {
  const fast = devicesSchema.safeParse(fleet);
  const zod = zodOnly.safeParse(fleet);
  expect(outcome(fast)).toEqual(outcome(zod));
  if (fast.success && zod.success) {
    fast.data.forEach((d, i) => {
      // The caller's own Date objects are passed through, on both paths.
      expect(d.lastRenewalAt).toBe(zod.data[i]?.lastRenewalAt);
      expect(d.makActivatedAt).toBe(zod.data[i]?.makActivatedAt);
    });
  }
  // And the library's error, message and field included.
  const mine = safeParseDevices(fleet);
  const theirs = safeParseWith(zodOnly, fleet, 'devices');
  expect(
    mine.success ? mine.data : [mine.error.message, mine.error.field, mine.error.details],
  ).toEqual(
    theirs.success ? theirs.data : [theirs.error.message, theirs.error.field, theirs.error.details],
  );
}

describe('devices: the hand-written path and zod agree', () => {
  it('the reference is zod alone (a clone of the schema, without the hand-written path)', () => {
    expect(zodOnly._zod.parse).not.toBe(devicesSchema._zod.parse);
    expect(zodOnly.safeParse([{ id: 'pc-1' }]).data).toEqual([{ id: 'pc-1' }]);
  });

  it('on generated fleets, valid and invalid', () => {
    fc.assert(fc.property(fc.array(deviceLike, { maxLength: 12 }), expectSameAsZod), {
      numRuns: 1500,
    });
  });

  it('on valid plain fleets, which the hand-written path reads (so the comparison is not vacuous)', () => {
    fc.assert(
      fc.property(plainFleet, (fleet) => {
        const unique = new Set(fleet.map((d) => d.id)).size === fleet.length;
        expect(fleet.every((d) => fastDeviceOrUndefined(d) !== undefined)).toBe(true);
        expect(devicesSchema.safeParse(fleet).success).toBe(unique);
        expectSameAsZod(fleet);
      }),
      { numRuns: 500 },
    );
  });

  it('on the cases named in the issue and around them', () => {
    const fleet = Array.from({ length: 5_000 }, (_, i) => ({
      id: `pc-${i}`,
      lastRenewalAt: `2024-01-01T${String(i % 24).padStart(2, '0')}:00:00.0000000Z`,
      makActivatedAt: i % 7 === 0 ? '2024-03-01' : null,
    }));
    expectSameAsZod(fleet);
    expectSameAsZod(Array.from({ length: 5_000 }, () => ({ id: 'pc-1' })));
    expectSameAsZod([...fleet, { ...fleet[5] }]);
    expectSameAsZod([...fleet, { id: 'x', lastRenewalAt: '2024-01-01T08:00' }]);
    // An element whose issue lets zod go on (an empty id) and a repeat after it.
    expectSameAsZod([{ id: '' }, { id: 'a' }, { id: '' }, { id: 'a' }]);
    expectSameAsZod([{ id: 'a', lastRenewalAt: '2021-02-30' }, { id: 'a' }]);
    expectSameAsZod(new Array(3));
    expectSameAsZod([]);
    expectSameAsZod('not a list');
    const same = { id: 'pc-1' };
    expectSameAsZod([same, same]);
  });

  it('reads the devices after a bad one by hand, and words each bad one as zod does', () => {
    const fleet: unknown[] = Array.from({ length: 3_000 }, (_, i) => ({ id: `pc-${i}` }));
    fleet[10] = { id: 7 };
    fleet[2_000] = { id: 'x', lastRenewalAt: '2024-01-01T08:00' };
    fleet[2_999] = undefined;
    expectSameAsZod(fleet);
    const r = safeParseDevices(fleet);
    expect(r.success ? [] : r.error.details['issues']).toHaveLength(3);
  });

  it('keeps the hand-written reading after zod has read a list itself', async () => {
    // zod's cycle memoizer replaced the schema's parse on its first call, and
    // with it the hand-written reading (a list that zod read once, such as
    // 'not a list', made every later fleet cost zod's 6 µs a device).
    const fresh = (
      await freshImport<typeof import('../../src/schemas/device.js')>('schemas/device.js')
    ).devicesSchema;
    fresh.safeParse('not a list');
    fresh.safeParse(new Array(1_000_001));
    fresh.safeParse([{ id: 'a' }]);
    const issues = fresh.safeParse([{ id: 'ok' }, ...new Array<unknown>(1_001)]).error?.issues;
    expect(issues?.at(-1)).toMatchObject({ params: { code: 'too_many_issues' } });
  });

  it('lists the problems of 1,000 devices at most, then says the rest was not read', () => {
    // Exactly 1,000 bad devices: every issue is zod's.
    const thousand = [{ id: 'ok' }, ...new Array<unknown>(1_000)];
    expectSameAsZod(thousand);
    // One more, and a million holes (a fuzz finding: 3 to 6 s and a million
    // issues before): the first 1,000 are listed, then one issue for the rest.
    for (const [fleet, stop] of [
      [[{ id: 'ok' }, ...new Array<unknown>(1_001)], 1_000],
      [
        Object.assign(new Array<unknown>(1_000_000), { 0: { id: 'pc-1' }, 1: { id: 'pc-2' } }),
        1_001,
      ],
    ] as const) {
      const zodIssues = zodOnly.safeParse(fleet.slice(0, stop + 1)).error?.issues ?? [];
      expect(zodIssues).toHaveLength(1_000);
      const issues = devicesSchema.safeParse(fleet).error?.issues ?? [];
      expect(issues).toHaveLength(1_001);
      expect(issues.slice(0, 1_000)).toEqual(zodIssues);
      expect(issues[1_000]).toEqual({
        code: 'custom',
        path: [],
        message: `more than 1000 devices have problems: the list was not read past devices[${stop}]`,
        params: { code: 'too_many_issues' },
      });
      const r = safeParseDevices(fleet);
      expect(r.success ? '' : r.error.message).toMatch(
        /^devices\[[12]\]: required: expected a device \(an object with an id\) \(and 1000 more issues\)$/,
      );
    }
    // The 1,001st bad device as the last element: nothing is left unread, no extra issue.
    const last = [{ id: 'ok' }, ...new Array<unknown>(1_000)];
    expect(devicesSchema.safeParse(last).error?.issues).toHaveLength(1_000);
  });

  it('a list longer than 1,000,000 is refused by zod, as before', () => {
    const long = new Array(1_000_001);
    const r = safeParseDevices(long);
    expect(r.success ? '' : r.error.message).toBe('devices: expected at most 1000000 devices');
  });

  it('inputs that throw while read go to zod, which the parsers turn into failures', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(fastDeviceOrUndefined(trap)).toBeUndefined();
    const r = safeParseDevices([trap]);
    expect(r.success ? '' : r.error.field).toBe('devices');
    expect(() => parseDevices([{ id: 'a' }, trap])).toThrow(
      expect.objectContaining({ name: 'CspRuleError', field: 'devices' }),
    );
  });

  it('unusual devices are not read by the hand-written path', () => {
    for (const odd of [
      Object.assign(new (class Device {})(), { id: 'a' }),
      { id: 'a', lastRenewalAt: new Proxy(new Date(0), {}) },
      { id: 'a', lastRenewalAt: '2021-10-14T10:00' },
      { id: '' },
      ['a'],
    ]) {
      expect(fastDeviceOrUndefined(odd)).toBeUndefined();
    }
    expect(
      fastDeviceOrUndefined(Object.assign(Object.create(null) as object, { id: 'a' })),
    ).toEqual({
      id: 'a',
    });
  });
});

describe('isPlainUtcInstant: the instants read without a regular expression', () => {
  it('is true for every instant toISOString writes, with 0 to 9 fractional digits', () => {
    fc.assert(
      fc.property(isoWithDigits, (text) => {
        expect(isPlainUtcInstant(text)).toBe(true);
      }),
    );
  });
  it('is never true for a text core refuses, nor for another shape', () => {
    fc.assert(
      fc.property(fc.oneof(nearInstant, isoWithDigits, fc.string()), (text) => {
        if (!isPlainUtcInstant(text)) return;
        expect(() => toInstantMs(text, 'value')).not.toThrow();
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/);
      }),
      { numRuns: 3000 },
    );
  });
  it.each([
    ['2024-02-29T23:59:59Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2024-04-31T00:00:00Z', false],
    ['2024-01-01T24:00:00Z', false],
    ['2024-01-01T23:60:00Z', false],
    ['2024-01-01T23:59:60Z', false],
    ['2024-13-01T00:00:00Z', false],
    ['2024-00-01T00:00:00Z', false],
    ['2024-01-00T00:00:00Z', false],
    ['2024-01-01T00:00:00.Z', false],
    ['2024-01-01T00:00:00.1234567890Z', false],
    ['2024-01-01T00:00:00,5Z', false],
    ['2024-01-01t00:00:00Z', false],
    ['2024-01-01T00:00:00z', false],
    ['2024-01-01T00:00:00+00:00', false],
    [' 970-01-01T00:00:00Z', false],
    ['2O24-01-01T00:00:00Z', false],
    ['0000-01-01T00:00:00.000Z', true],
    ['9999-12-31T23:59:59.999999999Z', true],
  ])('%s → %s', (text, plain) => {
    expect(isPlainUtcInstant(text)).toBe(plain);
  });
});
