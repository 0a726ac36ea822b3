// Valid samples and known bugs of activation for the cross-area fuzz (see ../engine.ts).
import * as activation from '../../src/activation/index.js';
import type { AreaSpec, Sample } from './engine.js';
import { fleet } from './fixtures.js';

function kmsPolicy(): Record<string, unknown> {
  return {
    id: 'custom.kms',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: 'https://learn.microsoft.com/windows-server/get-started/activation-kms-host',
        value: { validityDays: 180, renewalIntervalDays: 7, retryIntervalHours: 2 },
      },
    ],
  };
}

const samples: Record<string, readonly Sample[]> = {
  activationMethodFor: [
    () => ['CSP'],
    () => ['csp', { requested: 'kms', asOf: '2024-01-01' }],
    () => ['volume_licensing', { requested: 'mak' }],
  ],
  azureHybridBenefitEligibility: [
    () => [{ edition: 'Datacenter', softwareAssurance: true }],
    () => [{ edition: 'Windows Server 2022 Standard', softwareAssurance: false }],
  ],
  azureHybridBenefitSaving: [
    () => [{ currency: 'USD', windowsRate: '0.192', baseRate: '0.096', hours: 730, quantity: 3 }],
    () => [{ currency: 'EUR', windowsRate: '0.3', baseRate: '0.2', rounding: 'half_even' }],
  ],
  deviceActivationStatus: [
    () => [{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' }, { asOf: '2024-06-10T00:00:00Z' }],
    () => [
      { id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' },
      { asOf: '2024-06-10', warnDays: 14, kmsHostRetiredAt: '2024-01-15T08:00:00Z' },
    ],
    () => [
      { id: 'pc-3', makActivatedAt: '2024-05-01' },
      { asOf: new Date('2024-06-10T00:00:00Z'), policy: kmsPolicy() },
    ],
  ],
  kmsActivationExpiry: [
    () => [{ lastRenewalAt: '2024-01-01T08:00:00Z' }],
    () => [
      {
        lastRenewalAt: new Date('2024-01-01T08:00:00Z'),
        kmsHostRetiredAt: '2024-01-15T08:00:00Z',
        policy: kmsPolicy(),
      },
    ],
  ],
  makRunbook: [
    () => [{ id: 'pc-1' }],
    () => [{ id: 'pc-1', makActivatedAt: '2024-05-01' }, { keyPlaceholder: '%MAK%' }],
  ],
  planMakMigration: [
    () => [fleet(), { asOf: '2024-06-28T12:00:00Z', capacityPerDay: 1 }],
    () => [
      fleet(),
      {
        asOf: '2024-06-01',
        capacityPerDay: 2,
        makActivationLimit: 3,
        warnDays: 30,
        kmsHostRetiredAt: '2024-05-01',
      },
    ],
    () => [fleet(), { asOf: '2024-06-28T12:00:00Z', policy: kmsPolicy() }],
  ],
};

export const spec: AreaSpec = {
  area: 'activation',
  module: activation,
  samples,
  knownBugs: {},
};
