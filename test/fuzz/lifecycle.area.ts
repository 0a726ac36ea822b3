// Valid samples and known bugs of lifecycle for the cross-area fuzz (see ../engine.ts).
import * as lifecycle from '../../src/lifecycle/index.js';
import type { AreaSpec, Sample } from './engine.js';
import { legacy, subscription, triennial } from './fixtures.js';

const samples: Record<string, readonly Sample[]> = {
  autoRenewToggle: [
    () => [subscription(), { asOf: '2022-06-01', roles: ['Admin agent'] }],
    () => [legacy(), { asOf: '2021-06-01', roles: ['Sales agent'], to: true }],
    () => [
      triennial(),
      { asOf: new Date('2025-01-01T00:00:00Z'), roles: ['AdminAgent'], to: false },
    ],
  ],
  defaultAutoRenew: [() => ['2021-10-14'], () => [new Date('2021-10-13T23:59:59.999Z')]],
  softwareSubscriptionVisibility: [
    () => ['2021-10-13T23:59:59.999Z'],
    () => ['2021-10-14T01:00:00+02:00'],
  ],
  subscriptionStatusOn: [
    () => [subscription(), { asOf: '2023-03-01T00:00:00Z' }],
    () => [legacy(), { asOf: '2022-06-01' }],
    () => [triennial(), { asOf: '2024-10-16' }],
  ],
  termDates: [
    () => [{ purchasedAt: '2021-01-31', term: 'P1Y' }],
    () => [{ purchasedAt: '2021-01-31T09:00:00Z', term: 'P1M', termIndex: 1 }],
    () => [{ purchasedAt: new Date('2020-02-29T00:00:00Z'), term: 'P3Y', termIndex: 2 }],
  ],
};

export const spec: AreaSpec = { area: 'lifecycle', module: lifecycle, samples };
