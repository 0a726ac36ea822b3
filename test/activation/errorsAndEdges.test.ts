// Pins the activation edges that earlier tests left unguarded: every error
// message and field, the spellings a channel, method or edition may take,
// the id tie-breaks of a MAK migration plan, and the exact lapse instant.
import { describe, expect, it } from 'vitest';
import {
  activationMethodFor,
  azureHybridBenefitEligibility,
  azureHybridBenefitSaving,
  type Device,
  deviceActivationStatus,
  KMS_ACTIVATION_POLICY,
  makRunbook,
  planMakMigration,
} from '../../src/activation/index.js';
import { expectRuleError, messageOf } from '../support/errors.js';

function detailsOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return (e as { details: unknown }).details;
  }
  return undefined;
}

const asOf = '2024-06-28T12:00:00Z';

describe('activationMethodFor: channel and method spellings', () => {
  it('a run of spaces and hyphens reads as one underscore', () => {
    expect(activationMethodFor('Volume - Licensing').channel).toBe('volume_licensing');
    expect(activationMethodFor(' volume--licensing ').channel).toBe('volume_licensing');
  });

  it('the requested method ignores case and surrounding spaces', () => {
    const d = activationMethodFor('volume_licensing', { requested: ' MAK ' });
    expect(d).toMatchObject({ allowed: true, reasons: [], requested: 'mak', method: 'mak' });
  });

  it('a method the channel offers is granted with no reason', () => {
    const d = activationMethodFor('csp', { requested: 'mak' });
    expect(d).toMatchObject({ allowed: true, reasons: [], requested: 'mak', method: 'mak' });
  });

  it('pins the messages of a bad channel, method or date', () => {
    const calls: (() => unknown)[] = [
      () => activationMethodFor(42 as never),
      () => activationMethodFor('retail'),
      () => activationMethodFor('csp', { requested: 'phone' as never }),
      () => activationMethodFor('csp', { requested: 1 as never }),
      () => activationMethodFor('csp', { asOf: '1969-12-31T23:59:59.999Z' }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "unknown_channel [channel] channel: expected "csp" or "volume_licensing", got a number",
        "unknown_channel [channel] channel: "retail" is not a known channel (csp, volume_licensing)",
        "invalid_option [requested] requested: expected "kms" or "mak"",
        "invalid_option [requested] requested: expected "kms" or "mak"",
        "no error",
      ]
    `);
  });

  it('an unknown channel is echoed only when it looks like a channel name, never a product key', () => {
    expect(detailsOf(() => activationMethodFor('retail'))).toEqual({ channel: 'retail' });
    expect(detailsOf(() => activationMethodFor('open-value'))).toEqual({ channel: 'open-value' });
    const key = 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY';
    expect(detailsOf(() => activationMethodFor(key))).toEqual({});
    expect(() => activationMethodFor(key)).toThrow(
      'channel: the value is not a known channel (csp, volume_licensing)',
    );
    expect(detailsOf(() => activationMethodFor('retail2'))).toEqual({});
    expect(detailsOf(() => activationMethodFor('a'.repeat(25)))).toEqual({});
    expect(detailsOf(() => activationMethodFor('a'.repeat(24)))).toEqual({
      channel: 'a'.repeat(24),
    });
  });
});

describe('azureHybridBenefitEligibility: edition spellings and messages', () => {
  it('reads an edition whatever its case and surrounding or repeated spaces', () => {
    for (const edition of [' Windows  Server 2022 DATACENTER ', '\tdatacenter\n', 'DataCenter']) {
      const d = azureHybridBenefitEligibility({ edition, softwareAssurance: true });
      expect(d.allowed).toBe(true);
      expect(d.edition).toBe('datacenter');
      expect(d.licenseUse).toBe('reuse');
    }
  });

  it('pins the messages of bad license fields', () => {
    const calls: (() => unknown)[] = [
      () => azureHybridBenefitEligibility({ edition: 7, softwareAssurance: true } as never),
      () =>
        azureHybridBenefitEligibility({ edition: 'standard', softwareAssurance: 'yes' } as never),
      () =>
        azureHybridBenefitEligibility({
          edition: 'standard',
          softwareAssurance: true,
          subscriptionLicense: 1,
        } as never),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [license.edition] license.edition: expected a string, got a number",
        "invalid_input [license.softwareAssurance] license.softwareAssurance: expected true or false",
        "invalid_input [license.subscriptionLicense] license.subscriptionLicense: expected true or false",
      ]
    `);
  });
});

describe('azureHybridBenefitSaving: rate and hours checks', () => {
  it('pins the messages and fields of each bad rate or hours', () => {
    const calls: (() => unknown)[] = [
      () => azureHybridBenefitSaving({ currency: 'USD', windowsRate: '0.2', baseRate: 'x' }),
      () =>
        azureHybridBenefitSaving({
          currency: 'USD',
          windowsRate: '0.2',
          baseRate: '0.1',
          hours: 'x',
        }),
      () => azureHybridBenefitSaving({ currency: 'USD', windowsRate: '0.2', baseRate: '-0.1' }),
      () => azureHybridBenefitSaving({ currency: 'USD', windowsRate: '0', baseRate: '0' }),
      () => azureHybridBenefitSaving({ currency: 'USD', windowsRate: '0.1', baseRate: '0.2' }),
      () =>
        azureHybridBenefitSaving({
          currency: 'USD',
          windowsRate: '0.2',
          baseRate: '0.1',
          hours: -1,
        }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_decimal [baseRate] baseRate: the value is not a plain decimal (digits, optional sign and "." point)",
        "invalid_decimal [hours] hours: the value is not a plain decimal (digits, optional sign and "." point)",
        "invalid_range [baseRate] baseRate: must not be negative",
        "invalid_range [windowsRate] windowsRate: must be above zero",
        "invalid_range [baseRate] baseRate: the Windows rate includes the base compute rate, so it cannot be lower",
        "invalid_range [hours] hours: must not be negative",
      ]
    `);
  });

  it('zero hours is allowed and costs nothing', () => {
    const s = azureHybridBenefitSaving({
      currency: 'USD',
      windowsRate: '0.2',
      baseRate: '0.1',
      hours: 0,
    });
    expect(s.windowsCost).toEqual({ currency: 'USD', minor: 0 });
    expect(s.saving).toEqual({ currency: 'USD', minor: 0 });
    expect(s.ratio).toBe('0.5');
  });
});

describe('devices: a device that is not an object', () => {
  it('is reported on the device itself, whatever it is', () => {
    const calls: (() => unknown)[] = [
      () => deviceActivationStatus(null as never, { asOf }),
      () => deviceActivationStatus('pc-1' as never, { asOf }),
      () => deviceActivationStatus([] as never, { asOf }),
      () => planMakMigration([{ id: 'pc-0' }, 'pc-1' as never], { asOf }),
      () => planMakMigration([{ id: 'pc-0' }, ['pc-1'] as never], { asOf }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [device] device: expected an object, got null",
        "invalid_input [device] device: expected an object, got a string",
        "invalid_input [device] device: expected an object, got an array",
        "invalid_input [devices[1]] devices[1]: expected an object, got a string",
        "invalid_input [devices[1]] devices[1]: expected an object, got an array",
      ]
    `);
  });

  it('a Date is not a device either (the error names the device, not its id)', () => {
    expectRuleError(
      () => deviceActivationStatus(new Date() as never, { asOf }),
      'invalid_input',
      'device',
    );
    expectRuleError(
      () => planMakMigration([{ id: 'pc-0' }, new Date() as never], { asOf }),
      'invalid_input',
      'devices[1]',
    );
  });

  it('pins the id, activation-date and option messages', () => {
    const calls: (() => unknown)[] = [
      () => deviceActivationStatus({ id: '' }, { asOf }),
      () => planMakMigration([{ id: 'pc-0' }, { id: 7 } as never], { asOf }),
      () =>
        deviceActivationStatus({ id: 'pc-1', lastRenewalAt: '2024-06-28T12:00:00.001Z' }, { asOf }),
      () =>
        planMakMigration([{ id: 'pc-0' }, { id: 'pc-1', makActivatedAt: '2024-07-01' }], { asOf }),
      () => deviceActivationStatus({ id: 'pc-1' }, { asOf, kmsHostRetiredAt: 'soon' }),
      () => deviceActivationStatus({ id: 'pc-1' }, { asOf, warnDays: -1 }),
      () => deviceActivationStatus({ id: 'pc-1' }, { asOf, warnDays: 1.5 }),
      () => deviceActivationStatus({ id: 'pc-1' }, { asOf, warnDays: '7' as never }),
      () => planMakMigration([], { asOf, capacityPerDay: 0 }),
      () => planMakMigration([], { asOf, makActivationLimit: -1 }),
      () => planMakMigration([], { asOf: 'soon' }),
      () => planMakMigration({} as never, { asOf }),
      () => deviceActivationStatus({ id: 'pc-1' }, { asOf: '2006-11-29T23:59:59.999Z' }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [device.id] device.id: expected a non-empty string, got a string",
        "invalid_input [devices[1].id] devices[1].id: expected a non-empty string, got a number",
        "invalid_range [device.lastRenewalAt] device.lastRenewalAt: an activation cannot be later than asOf",
        "invalid_range [devices[1].makActivatedAt] devices[1].makActivatedAt: an activation cannot be later than asOf",
        "invalid_instant [kmsHostRetiredAt] kmsHostRetiredAt: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_option [warnDays] warnDays: expected a whole number of at least 0, got -1",
        "invalid_option [warnDays] warnDays: expected a whole number of at least 0, got 1.5",
        "invalid_option [warnDays] warnDays: expected a whole number of at least 0, got a string",
        "invalid_option [capacityPerDay] capacityPerDay: expected a whole number of at least 1, got 0",
        "invalid_option [makActivationLimit] makActivationLimit: expected a whole number of at least 0, got -1",
        "invalid_instant [asOf] asOf: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_input [devices] devices: expected an array of devices",
        "no error",
      ]
    `);
  });

  it('an activation exactly at asOf is accepted', () => {
    const s = deviceActivationStatus({ id: 'pc-1', lastRenewalAt: asOf }, { asOf });
    expect(s.status).toBe('ok');
  });
});

describe('KMS timings of a custom policy', () => {
  const custom = (value: unknown) => ({
    id: 'test.kms',
    versions: [{ effectiveFrom: '2000-01-01', source: 'https://example.test/kms', value }],
  });
  const base = KMS_ACTIVATION_POLICY.versions[0]?.value;

  it('a retry interval given as text is refused, with the full message', () => {
    expect(
      messageOf(() =>
        deviceActivationStatus(
          { id: 'pc-1' },
          { asOf, policy: custom({ ...base, retryIntervalHours: '2' }) as never },
        ),
      ),
    ).toMatchInlineSnapshot(
      `"invalid_policy [policy.versions[0].value] policy.versions[0].value: KMS timings need whole positive validityDays and renewalIntervalDays and a positive retryIntervalHours"`,
    );
  });

  it('well-formed timings are applied', () => {
    const s = deviceActivationStatus(
      { id: 'pc-1', lastRenewalAt: '2024-06-01T00:00:00Z' },
      { asOf, policy: custom({ ...base, validityDays: 30 }) as never },
    );
    expect(s.lapsesAt?.toISOString()).toBe('2024-07-01T00:00:00.000Z');
  });
});

describe('makRunbook: messages and alreadyOnMak', () => {
  it('pins the errors (a key-shaped placeholder is never repeated)', () => {
    const calls: (() => unknown)[] = [
      () => makRunbook({ id: '' }),
      () => makRunbook({ id: 7 } as never),
      () => makRunbook({ id: 'pc-1' }, { keyPlaceholder: '' }),
      () => makRunbook({ id: 'pc-1' }, { keyPlaceholder: '<M A K>' }),
      () => makRunbook({ id: 'pc-1' }, { keyPlaceholder: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY' }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [device.id] device.id: expected a non-empty string, got a string",
        "invalid_input [device.id] device.id: expected a non-empty string, got a number",
        "invalid_option [keyPlaceholder] keyPlaceholder: expected a non-empty placeholder without spaces",
        "invalid_option [keyPlaceholder] keyPlaceholder: expected a non-empty placeholder without spaces",
        "invalid_option [keyPlaceholder] keyPlaceholder: looks like a product key; pass a placeholder, never the key",
      ]
    `);
  });

  it('a null makActivatedAt means not on a MAK', () => {
    expect(makRunbook({ id: 'pc-1', makActivatedAt: null } as never).alreadyOnMak).toBe(false);
    expect(makRunbook({ id: 'pc-1' }).alreadyOnMak).toBe(false);
    expect(makRunbook({ id: 'pc-1', makActivatedAt: '2024-05-01' }).alreadyOnMak).toBe(true);
  });
});

describe('planMakMigration: ids break ties, and a lapse at asOf is already lapsed', () => {
  const sameLapse = (id: string): Device => ({ id, lastRenewalAt: '2024-01-01T00:00:00Z' });

  it('devices lapsing at the same instant are scheduled by id; unknown devices follow, by id', () => {
    const plan = planMakMigration(
      [sameLapse('x'), sameLapse('z'), sameLapse('y'), { id: 'u3' }, { id: 'u1' }, { id: 'u2' }],
      { asOf, capacityPerDay: 10 },
    );
    expect(plan.schedule?.map((d) => d.deviceIds)).toEqual([['x', 'y', 'z', 'u1', 'u2', 'u3']]);
    expect(plan.byStatus.unknown).toEqual(['u3', 'u1', 'u2']);
  });

  it('a device whose activation lapses exactly at asOf counts as already lapsed', () => {
    const at = '2024-06-29T00:00:00Z';
    const plan = planMakMigration([sameLapse('pc-1')], { asOf: at, capacityPerDay: 1 });
    expect(plan.devices[0]?.status).toBe('lapsed');
    expect(plan.warnings).toEqual([{ code: 'already_lapsed', devices: 1 }]);
    expect(plan.lapses).toEqual([
      {
        id: 'pc-1',
        lapsesAt: new Date(at),
        activateAt: new Date(at),
        activateOn: '2024-06-29',
        downtimeDays: 0,
      },
    ]);
  });

  it('a duplicate id names the second device and carries the id', () => {
    const fn = () => planMakMigration([{ id: 'pc-1' }, { id: 'pc-2' }, { id: 'pc-1' }], { asOf });
    expect(messageOf(fn)).toMatchInlineSnapshot(
      `"duplicate_id [devices[2].id] devices[2].id: "pc-1" appears twice"`,
    );
    expect(detailsOf(fn)).toEqual({ id: 'pc-1' });
    expectRuleError(fn, 'duplicate_id', 'devices[2].id');
  });
});

describe('planMakMigration: a list too long to plan', () => {
  it('is refused before any device is read (a sparse array of 2^27 allocates nothing)', () => {
    const huge = new Array(2 ** 27);
    huge[0] = { id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' };
    expectRuleError(
      () => planMakMigration(huge, { asOf: '2024-02-01T00:00:00Z' }),
      'invalid_input',
      'devices',
    );
  });
});
