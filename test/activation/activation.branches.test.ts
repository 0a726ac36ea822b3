// Pins branches of the activation rules that other tests leave open: an
// invalid `asOf` read by the channel and Azure Hybrid Benefit rules, a
// caller's KMS timings that are not an object, and the fleet-size cap of a
// MAK migration plan (its exact message).
import { describe, expect, it } from 'vitest';
import {
  activationMethodFor,
  azureHybridBenefitEligibility,
  type Device,
  type KmsTimings,
  planMakMigration,
} from '../../src/activation/index.js';
import type { DatedPolicy } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';

const asOf = '2024-06-28T12:00:00Z';

/** A caller's KMS timings table with one version whose value is `value`. */
function timingsTable(value: unknown): DatedPolicy<KmsTimings> {
  return {
    id: 'test.kms_timings',
    versions: [{ effectiveFrom: '2000-01-01', source: 'https://example.com/kms', value }],
  } as unknown as DatedPolicy<KmsTimings>;
}

/** A sparse array of `length` slots, only the last one set: cheap however long. */
function sparse(length: number): Device[] {
  const a: Device[] = [];
  a[length - 1] = undefined as unknown as Device;
  return a;
}

describe('activationMethodFor: asOf', () => {
  it('an asOf that is not an instant is refused, naming asOf', () => {
    expect(messageOf(() => activationMethodFor('csp', { asOf: 5 as unknown as string }))).toBe(
      'invalid_instant [asOf] asOf: expected a Date or an ISO-8601 string, got a number',
    );
  });

  it('an asOf outside years 0000-9999 is refused even with a requested method', () => {
    expect(
      messageOf(() =>
        activationMethodFor('volume_licensing', { requested: 'mak', asOf: new Date(8.64e15) }),
      ),
    ).toBe('invalid_instant [asOf] asOf: outside years 0000-9999 (UTC)');
  });

  it('a valid asOf gives the same answer as none', () => {
    expect(activationMethodFor('VL', { requested: 'kms', asOf })).toEqual(
      activationMethodFor('VL', { requested: 'kms' }),
    );
  });
});

describe('azureHybridBenefitEligibility: asOf', () => {
  it('an asOf that is not an instant is refused, naming asOf', () => {
    expect(
      messageOf(() =>
        azureHybridBenefitEligibility({
          edition: 'Datacenter',
          softwareAssurance: true,
          asOf: null as unknown as string,
        }),
      ),
    ).toBe('invalid_instant [asOf] asOf: expected a Date or an ISO-8601 string, got null');
  });

  it('an invalid Date as asOf is refused even for an edition that does not qualify', () => {
    expect(
      messageOf(() =>
        azureHybridBenefitEligibility({
          edition: 'essentials',
          softwareAssurance: false,
          asOf: new Date(Number.NaN),
        }),
      ),
    ).toBe('invalid_instant [asOf] asOf: Invalid Date');
  });
});

describe('planMakMigration: a caller KMS timings value that is not an object', () => {
  const fleet: Device[] = [{ id: 'pc-1', lastRenewalAt: '2024-01-01' }];

  it('an undefined value is invalid_policy on that version', () => {
    expect(
      messageOf(() => planMakMigration(fleet, { asOf, policy: timingsTable(undefined) })),
    ).toBe(
      'invalid_policy [policy.versions[0].value] policy.versions[0].value: KMS timings need whole positive validityDays and renewalIntervalDays and a positive retryIntervalHours',
    );
  });

  it('a function carrying the three timings is invalid_policy, not read as timings', () => {
    const fn = Object.assign(() => undefined, {
      validityDays: 180,
      renewalIntervalDays: 7,
      retryIntervalHours: 2,
    });
    expect(messageOf(() => planMakMigration(fleet, { asOf, policy: timingsTable(fn) }))).toBe(
      'invalid_policy [policy.versions[0].value] policy.versions[0].value: KMS timings need whole positive validityDays and renewalIntervalDays and a positive retryIntervalHours',
    );
  });

  it('the same timings as a plain object are accepted', () => {
    const plan = planMakMigration(fleet, {
      asOf,
      policy: timingsTable({ validityDays: 180, renewalIntervalDays: 7, retryIntervalHours: 2 }),
    });
    expect(plan.deadline?.toISOString()).toBe('2024-06-29T00:00:00.000Z');
  });
});

describe('planMakMigration: the 10,000,000-device cap', () => {
  it('one device over the cap is refused before any device is read', () => {
    expect(messageOf(() => planMakMigration(sparse(10_000_001), { asOf }))).toBe(
      'invalid_input [devices] devices: more than 10000000 devices in one plan',
    );
  });
});
