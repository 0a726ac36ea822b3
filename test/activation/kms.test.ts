import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DeviceStatus,
  deviceActivationStatus,
  KMS_ACTIVATION_POLICY,
  KMS_ACTIVATION_VALIDITY_DAYS,
  KMS_RENEWAL_INTERVAL_DAYS,
  KMS_RETRY_INTERVAL_HOURS,
  kmsActivationExpiry,
} from '../../src/activation/index.js';
import { policyInForce } from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone, localOffsetsDiffer } from '../support/tz.js';

const DAY = 86_400_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const T0 = Date.UTC(2024, 0, 1, 8);

/** An instant in 2020-2030, as a Date or an ISO string with Z or an offset. */
const instantMs = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

describe('KMS constants and policy', () => {
  it('are 180 days, 7 days and 2 hours, from S6', () => {
    expect(KMS_ACTIVATION_VALIDITY_DAYS).toBe(180);
    expect(KMS_RENEWAL_INTERVAL_DAYS).toBe(7);
    expect(KMS_RETRY_INTERVAL_HOURS).toBe(2);
    const inForce = policyInForce(KMS_ACTIVATION_POLICY, '2024-01-01');
    if (inForce === undefined)
      throw new Error('the built-in KMS timings are in force at every date');
    expect(inForce.value).toEqual({
      validityDays: 180,
      renewalIntervalDays: 7,
      retryIntervalHours: 2,
    });
    expect(inForce.rule).toEqual({
      id: 'activation.kms_timings',
      source:
        'https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt',
      effectiveFrom: '0000-01-01',
    });
  });
});

describe('kmsActivationExpiry', () => {
  it('lapses 180 days after the last renewal, to the millisecond', () => {
    const r = kmsActivationExpiry({ lastRenewalAt: '2024-01-01T08:00:00.123Z' });
    expect(iso(r.lapsesAt)).toBe('2024-06-29T08:00:00.123Z');
    expect(iso(r.lastRenewalAt)).toBe('2024-01-01T08:00:00.123Z');
    expect(Object.keys(r).sort()).toEqual(['lapsesAt', 'lastRenewalAt']);
  });

  it('reads offsets and Dates', () => {
    const a = kmsActivationExpiry({ lastRenewalAt: '2024-01-01T10:00:00+02:00' });
    const b = kmsActivationExpiry({ lastRenewalAt: new Date(T0) });
    expect(a).toEqual(b);
  });

  it('without a retirement projects nothing', () => {
    const r = kmsActivationExpiry({ lastRenewalAt: new Date(T0), kmsHostRetiredAt: null });
    expect(r.lastRenewalAt.getTime()).toBe(T0);
  });

  it('projects renewals every 7 days strictly before the retirement', () => {
    // Renewals at +7, +14, +21 days; the one due exactly at +28 days fails.
    const at = kmsActivationExpiry({
      lastRenewalAt: new Date(T0),
      kmsHostRetiredAt: new Date(T0 + 28 * DAY),
    });
    expect(at.lastRenewalAt.getTime()).toBe(T0 + 21 * DAY);
    expect(at.lapsesAt.getTime()).toBe(T0 + 201 * DAY);
    // One millisecond later, the renewal at +28 days succeeds.
    const after = kmsActivationExpiry({
      lastRenewalAt: new Date(T0),
      kmsHostRetiredAt: new Date(T0 + 28 * DAY + 1),
    });
    expect(after.lastRenewalAt.getTime()).toBe(T0 + 28 * DAY);
  });

  it('keeps a recorded renewal at or after the retirement as recorded', () => {
    for (const retired of [T0, T0 - DAY]) {
      const r = kmsActivationExpiry({
        lastRenewalAt: new Date(T0),
        kmsHostRetiredAt: new Date(retired),
      });
      expect(r.lastRenewalAt.getTime()).toBe(T0);
    }
  });

  it('accepts a caller policy, read at the renewal', () => {
    const policy = {
      id: 'my.kms',
      versions: [
        {
          effectiveFrom: '2000-01-01',
          source: 'https://example.com',
          value: { validityDays: 30, renewalIntervalDays: 1, retryIntervalHours: 1 },
        },
      ],
    };
    const r = kmsActivationExpiry({
      lastRenewalAt: '2024-01-01',
      kmsHostRetiredAt: '2024-01-03T12:00:00Z',
      policy,
    });
    expect(iso(r.lastRenewalAt)).toBe('2024-01-03T00:00:00.000Z');
    expect(iso(r.lapsesAt)).toBe('2024-02-02T00:00:00.000Z');
    expectRuleError(
      () => kmsActivationExpiry({ lastRenewalAt: '1999-01-01', policy }),
      'policy_not_in_force',
    );
  });

  it('refuses bad input', () => {
    expectRuleError(() => kmsActivationExpiry(null as never), 'invalid_input', 'input');
    expectRuleError(() => kmsActivationExpiry({} as never), 'invalid_instant', 'lastRenewalAt');
    expectRuleError(
      () => kmsActivationExpiry({ lastRenewalAt: '2024-01-01T10:00' }),
      'ambiguous_local_time',
      'lastRenewalAt',
    );
    expectRuleError(
      () => kmsActivationExpiry({ lastRenewalAt: '2024-01-01', kmsHostRetiredAt: 'soon' }),
      'invalid_instant',
      'kmsHostRetiredAt',
    );
    const bad = (value: object) => ({
      id: 'bad',
      versions: [{ effectiveFrom: '2000-01-01', source: 'https://example.com', value }],
    });
    for (const value of [
      { validityDays: 0, renewalIntervalDays: 7, retryIntervalHours: 2 },
      { validityDays: 180, renewalIntervalDays: 1.5, retryIntervalHours: 2 },
      { validityDays: 180, renewalIntervalDays: 7, retryIntervalHours: 0 },
      { validityDays: 180, renewalIntervalDays: 7 },
    ]) {
      expectRuleError(
        () => kmsActivationExpiry({ lastRenewalAt: '2024-01-01', policy: bad(value) as never }),
        'invalid_policy',
        'policy.versions[0].value',
      );
    }
    expectRuleError(
      () =>
        kmsActivationExpiry({ lastRenewalAt: '2024-01-01', policy: bad(null as never) as never }),
      'invalid_policy',
    );
  });

  it('property: the lapse is 180 days after the last renewal, itself the last one the host serves', () => {
    fc.assert(
      fc.property(instantMs, fc.option(instantMs, { nil: undefined }), (renewal, retired) => {
        const r = kmsActivationExpiry({
          lastRenewalAt: new Date(renewal),
          ...(retired === undefined ? {} : { kmsHostRetiredAt: new Date(retired) }),
        });
        const last = r.lastRenewalAt.getTime();
        expect(r.lapsesAt.getTime() - last).toBe(180 * DAY);
        expect((last - renewal) % (7 * DAY)).toBe(0);
        if (retired === undefined || retired <= renewal) {
          expect(last).toBe(renewal);
        } else {
          expect(last).toBeLessThan(retired); // served before retirement
          expect(last + 7 * DAY).toBeGreaterThanOrEqual(retired); // the next one fails
        }
      }),
    );
  });
});

describe('deviceActivationStatus', () => {
  const asOf = '2024-06-10T00:00:00Z';
  const pc = { id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' }; // lapses 2024-06-29T08:00Z

  it('gives the lapse, the whole days left (rounded down) and the rule', () => {
    const s = deviceActivationStatus(pc, { asOf });
    expect(s).toEqual({
      id: 'pc-1',
      status: 'due_soon',
      lapsesAt: new Date('2024-06-29T08:00:00Z'),
      daysLeft: 19,
      lastRenewalAt: new Date('2024-01-01T08:00:00Z'),
      makActivatedAt: null,
      rules: [
        {
          id: 'activation.kms_timings',
          source:
            'https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt',
          effectiveFrom: '0000-01-01',
        },
      ],
    });
  });

  it('is due_soon exactly while daysLeft < warnDays', () => {
    const lapse = Date.UTC(2024, 5, 29, 8);
    const at = (ms: number, warnDays?: number) =>
      deviceActivationStatus(pc, {
        asOf: new Date(ms),
        ...(warnDays === undefined ? {} : { warnDays }),
      });
    expect(at(lapse - 30 * DAY).status).toBe('ok');
    expect(at(lapse - 30 * DAY).daysLeft).toBe(30);
    expect(at(lapse - 30 * DAY + 1).status).toBe('due_soon');
    expect(at(lapse - 30 * DAY + 1).daysLeft).toBe(29);
    expect(at(lapse - 1).status).toBe('due_soon');
    expect(at(lapse - 1).daysLeft).toBe(0);
    expect(at(lapse).status).toBe('lapsed');
    expect(at(lapse).daysLeft).toBe(0);
    expect(at(lapse + 10 * DAY).daysLeft).toBe(0);
    expect(at(lapse - 1, 0).status).toBe('ok');
    expect(at(lapse - 100 * DAY, 120).status).toBe('due_soon');
  });

  it('puts a MAK first, whatever the KMS history', () => {
    const s = deviceActivationStatus(
      { id: 'srv', lastRenewalAt: '2023-01-01', makActivatedAt: '2024-05-01' },
      { asOf },
    );
    expect(s.status).toBe('mak_activated');
    expect(s.lapsesAt).toBeNull();
    expect(s.daysLeft).toBeNull();
    expect(iso(s.makActivatedAt)).toBe('2024-05-01T00:00:00.000Z');
    expect(iso(s.lastRenewalAt)).toBe('2023-01-01T00:00:00.000Z');
  });

  it('calls a device with neither date unknown', () => {
    const s = deviceActivationStatus({ id: 'x', lastRenewalAt: null }, { asOf });
    expect(s).toMatchObject({
      status: 'unknown',
      lapsesAt: null,
      daysLeft: null,
      lastRenewalAt: null,
      makActivatedAt: null,
    });
  });

  it('projects renewals up to the retirement, also past asOf', () => {
    const s = deviceActivationStatus(
      { id: 'pc', lastRenewalAt: '2024-01-01T00:00:00Z' },
      { asOf: '2024-02-01T00:00:00Z', kmsHostRetiredAt: '2024-03-01T00:00:00Z' },
    );
    // Renewals every 7 days from Jan 1: the last before Mar 1 is Feb 26.
    expect(iso(s.lastRenewalAt)).toBe('2024-02-26T00:00:00.000Z');
    expect(iso(s.lapsesAt)).toBe('2024-08-24T00:00:00.000Z');
    expect(s.status).toBe('ok');
  });

  it('refuses bad input', () => {
    expectRuleError(
      () =>
        deviceActivationStatus({ id: 'pc', lastRenewalAt: '2024-06-10T00:00:00.001Z' }, { asOf }),
      'invalid_range',
      'device.lastRenewalAt',
    );
    expectRuleError(
      () => deviceActivationStatus({ id: 'pc', makActivatedAt: '2024-07-01' }, { asOf }),
      'invalid_range',
      'device.makActivatedAt',
    );
    expectRuleError(
      () => deviceActivationStatus({ id: 'pc', lastRenewalAt: 'yesterday' }, { asOf }),
      'invalid_instant',
      'device.lastRenewalAt',
    );
    expectRuleError(
      () => deviceActivationStatus({ id: '' }, { asOf }),
      'invalid_input',
      'device.id',
    );
    expectRuleError(
      () => deviceActivationStatus({ id: 7 } as never, { asOf }),
      'invalid_input',
      'device.id',
    );
    expectRuleError(
      () => deviceActivationStatus(null as never, { asOf }),
      'invalid_input',
      'device',
    );
    expectRuleError(() => deviceActivationStatus(pc, null as never), 'invalid_input', 'options');
    expectRuleError(() => deviceActivationStatus(pc, {} as never), 'invalid_instant', 'asOf');
    for (const warnDays of [-1, 1.5, Number.NaN, '30']) {
      expectRuleError(
        () => deviceActivationStatus(pc, { asOf, warnDays: warnDays as number }),
        'invalid_option',
        'warnDays',
      );
    }
  });

  const order: Record<DeviceStatus, number> = {
    mak_activated: -1,
    unknown: -1,
    ok: 0,
    due_soon: 1,
    lapsed: 2,
  };

  it('property: without a new activation, a device only moves ok → due_soon → lapsed as asOf increases', () => {
    fc.assert(
      fc.property(
        instantMs,
        fc.option(instantMs, { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: 60 }),
        (renewal, retired, offsets, warnDays) => {
          const device = { id: 'pc', lastRenewalAt: new Date(renewal) };
          const statuses = [...offsets]
            .sort((a, b) => a - b)
            .map((o) =>
              deviceActivationStatus(device, {
                asOf: new Date(renewal + o),
                warnDays,
                ...(retired === undefined ? {} : { kmsHostRetiredAt: new Date(retired) }),
              }),
            );
          for (let i = 1; i < statuses.length; i++) {
            const a = statuses[i - 1];
            const b = statuses[i];
            expect(order[b?.status ?? 'ok']).toBeGreaterThanOrEqual(order[a?.status ?? 'ok']);
            expect(b?.lapsesAt).toEqual(a?.lapsesAt); // the lapse does not depend on asOf
            if (a?.status === 'lapsed') expect(b?.status).toBe('lapsed');
          }
        },
      ),
    );
  });

  it('property: agrees with kmsActivationExpiry and floors the days left', () => {
    fc.assert(
      fc.property(
        instantMs,
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.option(instantMs, { nil: undefined }),
        (renewal, elapsed, retired) => {
          const extra = retired === undefined ? {} : { kmsHostRetiredAt: new Date(retired) };
          const s = deviceActivationStatus(
            { id: 'pc', lastRenewalAt: new Date(renewal) },
            { asOf: new Date(renewal + elapsed), ...extra },
          );
          const e = kmsActivationExpiry({ lastRenewalAt: new Date(renewal), ...extra });
          expect(s.lapsesAt).toEqual(e.lapsesAt);
          expect(s.lastRenewalAt).toEqual(e.lastRenewalAt);
          const left = e.lapsesAt.getTime() - (renewal + elapsed);
          expect(s.daysLeft).toBe(left <= 0 ? 0 : Math.floor(left / DAY));
          expect(s.status === 'lapsed').toBe(left <= 0);
        },
      ),
    );
  });

  it('gives the same results in every process time zone', () => {
    expect(localOffsetsDiffer()).toBe(true);
    expectSameInEveryTimeZone(() => [
      kmsActivationExpiry({
        lastRenewalAt: '2024-03-30T23:30:00-03:30',
        kmsHostRetiredAt: '2024-10-27',
      }),
      deviceActivationStatus(
        { id: 'pc', lastRenewalAt: '2024-03-31T01:30:00+14:00' },
        { asOf: '2024-09-01T00:00:00+05:45' },
      ),
    ]);
  });
});
