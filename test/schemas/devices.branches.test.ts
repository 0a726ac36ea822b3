// Branches of the device schemas (and of isDate and the perpetual quantity
// rule) that the mutation run found unpinned: the messages of deviceSchema
// and devicesSchema (checked on a fresh instance of the module too, whose
// definitions are built inside the test), the fast path's fall-backs to zod
// (encode, async parse, non-lists), its stop rules (validate's abortEarly, the
// 1,000-bad-devices cap) and the repeated id's first use.
import { describe, expect, it } from 'vitest';
import {
  deviceSchema,
  devicesSchema,
  fastDeviceOrUndefined,
  isPlainUtcInstant,
  safeParseDevices,
} from '../../src/schemas/device.js';
import { instantSchema, isDate } from '../../src/schemas/primitives.js';
import { perpetualPurchaseSchema } from '../../src/schemas/purchases.js';
import { freshImport } from '../support/fresh.js';

type DeviceModule = typeof import('../../src/schemas/device.js');

/** zod alone: a clone is built afresh from the definition, without the hand-written path. */
const zodOnly = devicesSchema.clone();

/** What a safeParse returned: the data, or the issues (path, code, message...). */
function outcome(result: { success: boolean; data?: unknown; error?: { issues: unknown } }) {
  return result.success ? { data: result.data } : { issues: result.error?.issues };
}

/** A device whose class is not a plain object: the hand-written path leaves it to zod. */
class OwnDevice {
  constructor(readonly id: string) {}
}

describe('deviceSchema and devicesSchema: their own messages and shapes', () => {
  /** The checks below, on the module as imported and on a fresh instance of it. */
  async function bothInstances(): Promise<DeviceModule[]> {
    const fresh = await freshImport<DeviceModule>('schemas/device.js');
    expect(fresh.devicesSchema).not.toBe(devicesSchema);
    return [{ deviceSchema, devicesSchema } as DeviceModule, fresh];
  }

  it('a device keeps id and instants, drops unknown keys and absent values, accepts long ids', async () => {
    for (const m of await bothInstances()) {
      const read = m.deviceSchema.safeParse({
        id: 'pc-1',
        lastRenewalAt: '2024-01-01',
        makActivatedAt: undefined,
        owner: 'dropped',
      });
      expect(outcome(read)).toEqual({ data: { id: 'pc-1', lastRenewalAt: '2024-01-01' } });
      expect(Object.keys(read.data ?? {})).toEqual(['id', 'lastRenewalAt']);
      expect(m.deviceSchema.parse({ id: 'a-much-longer-device-id' })).toEqual({
        id: 'a-much-longer-device-id',
      });
    }
  });

  it('words a bad id, an empty id and a non-object device with its own messages', async () => {
    for (const m of await bothInstances()) {
      expect(outcome(m.deviceSchema.safeParse({ id: 7 }))).toEqual({
        issues: [
          {
            expected: 'string',
            code: 'invalid_type',
            path: ['id'],
            message: 'expected a device id (a non-empty string), got 7',
          },
        ],
      });
      expect(outcome(m.deviceSchema.safeParse({ id: '' }))).toEqual({
        issues: [
          {
            origin: 'string',
            code: 'too_small',
            minimum: 1,
            inclusive: true,
            path: ['id'],
            message: 'expected a device id, got an empty string',
          },
        ],
      });
      expect(outcome(m.deviceSchema.safeParse('x'))).toEqual({
        issues: [
          {
            expected: 'object',
            code: 'invalid_type',
            path: [],
            message: 'expected a device (an object with an id), got "x"',
          },
        ],
      });
    }
  });

  it('a fleet of one device is accepted (the cap is a maximum)', async () => {
    for (const m of await bothInstances()) {
      expect(outcome(m.devicesSchema.safeParse([{ id: 'pc-1' }]))).toEqual({
        data: [{ id: 'pc-1' }],
      });
    }
  });

  it('words a fleet that is not a list, and one whose length is over the cap', async () => {
    for (const m of await bothInstances()) {
      expect(outcome(m.devicesSchema.safeParse('not a list'))).toEqual({
        issues: [
          {
            expected: 'array',
            code: 'invalid_type',
            path: [],
            message: 'expected a list of devices, got "not a list"',
          },
        ],
      });
      // An object claiming a length over the cap (no array of a million needed):
      // zod's size check reads any length, and words it with the cap's message.
      expect(outcome(m.devicesSchema.safeParse({ length: 1_000_001 }))).toEqual({
        issues: [
          {
            expected: 'array',
            code: 'invalid_type',
            path: [],
            message: 'expected a list of devices, got an object',
          },
          {
            origin: 'unknown',
            code: 'too_big',
            maximum: 1_000_000,
            inclusive: true,
            path: [],
            message: 'expected at most 1000000 devices',
          },
        ],
      });
    }
  });

  it('a function (even with a null prototype and an id) is not a device, on both paths', () => {
    const fn = Object.assign(Object.setPrototypeOf(() => undefined, null) as object, { id: 'a' });
    expect(fastDeviceOrUndefined(fn)).toBeUndefined();
    const expected = {
      issues: [
        {
          expected: 'object',
          code: 'invalid_type',
          path: [0],
          message: 'expected a device (an object with an id), got a function',
        },
      ],
    };
    expect(outcome(devicesSchema.safeParse([fn]))).toEqual(expected);
    expect(outcome(zodOnly.safeParse([fn]))).toEqual(expected);
  });
});

describe('devicesSchema: a repeated id names its first use', () => {
  it('the first use is found wherever it is, not assumed to be devices[0]', () => {
    const fleet = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'b' }];
    const expected = {
      issues: [
        {
          code: 'custom',
          message: 'id already used by devices[1]',
          params: { code: 'duplicate_id' },
          path: [3, 'id'],
        },
      ],
    };
    expect(outcome(devicesSchema.safeParse(fleet))).toEqual(expected);
    expect(outcome(zodOnly.safeParse(fleet))).toEqual(expected);
  });
});

describe('devicesSchema: what the hand-written path leaves to zod', () => {
  it("a non-list is zod's: one invalid_type issue on the list, not one per character", () => {
    const expected = {
      issues: [
        {
          expected: 'array',
          code: 'invalid_type',
          path: [],
          message: 'expected a list of devices, got "abc"',
        },
      ],
    };
    expect(outcome(devicesSchema.safeParse('abc'))).toEqual(expected);
    expect(outcome(zodOnly.safeParse('abc'))).toEqual(expected);
  });

  it("an encode is zod's: the device transform has no inverse, so it is refused", () => {
    for (const schema of [devicesSchema, zodOnly]) {
      expect(() => schema.encode([{ id: 'pc-1' }])).toThrow(
        'Encountered unidirectional transform during encode',
      );
      expect(schema.encode([])).toEqual([]);
    }
  });

  it("an async parse of a device zod reads (a class instance) resolves as zod's does", async () => {
    const fleet = [{ id: 'pc-1' }, new OwnDevice('pc-2')];
    const expected = { data: [{ id: 'pc-1' }, { id: 'pc-2' }] };
    expect(outcome(await devicesSchema.safeParseAsync(fleet))).toEqual(expected);
    expect(outcome(await zodOnly.safeParseAsync(fleet))).toEqual(expected);
  });

  it('a valid plain device is read by hand alone: each field read once, not again by zod', () => {
    let reads = 0;
    const device = {
      get id() {
        reads += 1;
        return 'pc-1';
      },
    };
    expect(outcome(devicesSchema.safeParse([device]))).toEqual({ data: [{ id: 'pc-1' }] });
    expect(reads).toBe(1);
  });

  it("a device with an instant that has no time zone is zod's, which refuses it", () => {
    // '…00.55' has the length and punctuation of a plain instant but no "Z".
    expect(isPlainUtcInstant('2024-01-01T00:00:00.55')).toBe(false);
    expect(isPlainUtcInstant('2024-01-01T00:00:00.1234567890Z')).toBe(false);
    const fleet = [{ id: 'pc-1', lastRenewalAt: '2024-01-01T00:00:00.55' }];
    expect(fastDeviceOrUndefined(fleet[0])).toBeUndefined();
    const expected = {
      issues: [
        {
          code: 'custom',
          message:
            '"2024-01-01T00:00:00.55" has no time zone; add "Z" (UTC) or an offset such as "+02:00"',
          params: { code: 'ambiguous_local_time' },
          path: [0, 'lastRenewalAt'],
        },
      ],
    };
    expect(outcome(devicesSchema.safeParse(fleet))).toEqual(expected);
    expect(outcome(zodOnly.safeParse(fleet))).toEqual(expected);
    const r = safeParseDevices(fleet);
    expect(r.success ? '' : r.error.field).toBe('devices[0].lastRenewalAt');
  });
});

describe('devicesSchema: when the reading stops', () => {
  /** A valid plain device that counts how often its id is read. */
  function counted(): { device: object; reads: () => number } {
    let n = 0;
    return {
      device: {
        get id() {
          n += 1;
          return 'pc-9';
        },
      },
      reads: () => n,
    };
  }

  it('validate (abortEarly) stops at the first device with a problem, as zod does', () => {
    // The repeated id comes first, so the id check stops before the unread rest.
    for (const bad of [{ id: '' }, { id: 7 }, undefined]) {
      for (const schema of [devicesSchema, zodOnly]) {
        const { device, reads } = counted();
        expect(schema.validate([{ id: 'a' }, { id: 'a' }, bad, device])).toBe(false);
        expect(reads()).toBe(0);
      }
    }
    // Without abortEarly every device is read.
    const { device, reads } = counted();
    expect(devicesSchema.safeParse([{ id: '' }, device]).success).toBe(false);
    expect(reads()).toBe(1);
  });

  it('validate gives false, never a TypeError, when a bad device leaves the rest unread', () => {
    // Bug fixed: the repeated-id check read `.id` of the devices zod had not read.
    for (const schema of [devicesSchema, zodOnly]) {
      expect(schema.validate([{ id: '' }, { id: 'a' }])).toBe(false);
      expect(schema.validate([{ id: 7 }, { id: 'a' }, { id: 'a' }])).toBe(false);
      expect(schema.validate([{ id: 'a' }, { id: 'b' }])).toBe(true);
    }
  });

  it('devices zod reads without a problem do not count toward the 1,000 bad devices', () => {
    const fleet = Array.from({ length: 1_001 }, (_, i) => new OwnDevice(`pc-${i}`));
    const r = devicesSchema.safeParse(fleet);
    expect(r.success).toBe(true);
    expect(r.data?.[1_000]).toEqual({ id: 'pc-1000' });
  });

  it('after 1,000 bad devices nothing more is checked, not even repeated ids', () => {
    // Every issue of an empty id lets zod go on; the last issue does not, so
    // the repeated '' (devices[1]) is not reported on top of it.
    const fleet = Array.from({ length: 1_002 }, () => ({ id: '' }));
    const issues = devicesSchema.safeParse(fleet).error?.issues ?? [];
    expect(issues).toHaveLength(1_001);
    expect(issues.filter((issue) => issue.code === 'too_small')).toHaveLength(1_000);
    expect(issues.at(-1)).toEqual({
      code: 'custom',
      message: 'more than 1000 devices have problems: the list was not read past devices[999]',
      params: { code: 'too_many_issues' },
      path: [],
    });
    // Fewer bad devices: zod goes on to the repeated id.
    expect(devicesSchema.safeParse([{ id: '' }, { id: '' }]).error?.issues.at(-1)).toEqual({
      code: 'custom',
      message: 'id already used by devices[0]',
      params: { code: 'duplicate_id' },
      path: [1, 'id'],
    });
  });
});

describe('isDate and instantSchema: an object posing as a Date', () => {
  it('isDate answers false (a boolean) when getTime throws', () => {
    expect(isDate(Object.create(Date.prototype))).toBe(false);
    expect(isDate(new Proxy(new Date(0), {}))).toBe(false);
    expect(isDate(new Date(0))).toBe(true);
  });

  it('instantSchema words it as the union does, not as an Invalid Date from core', () => {
    const r = instantSchema.safeParse(Object.create(Date.prototype));
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]).toMatchObject({
      code: 'invalid_union',
      path: [],
      message:
        'expected a Date or an ISO-8601 string with "Z" or an offset, or YYYY-MM-DD, got Invalid Date',
    });
  });
});

describe('perpetualPurchaseSchema: quantity 0 only for a cancelled line item', () => {
  const base = {
    kind: 'perpetual',
    purchasedAt: '2024-03-01T09:00:00Z',
    quantity: 0,
    unitPrice: '1',
    currency: 'EUR',
  } as const;
  const refused = {
    issues: [
      {
        code: 'custom',
        message: 'expected a whole number of at least 1, got 0 (0 only for a cancelled line item)',
        path: ['quantity'],
      },
    ],
  };

  it('accepts 0 when the status is cancelled', () => {
    expect(outcome(perpetualPurchaseSchema.safeParse({ ...base, status: 'cancelled' }))).toEqual({
      data: { ...base, status: 'cancelled' },
    });
  });

  it('refuses 0 otherwise, with a custom issue on quantity', () => {
    expect(outcome(perpetualPurchaseSchema.safeParse(base))).toEqual(refused);
    expect(outcome(perpetualPurchaseSchema.safeParse({ ...base, status: 'completed' }))).toEqual(
      refused,
    );
    expect(
      outcome(perpetualPurchaseSchema.safeParse({ ...base, status: { unknown: 'cancelled' } })),
    ).toEqual(refused);
  });
});
