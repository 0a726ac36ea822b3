// Valid samples and known bugs of billing for the cross-area fuzz (see ../engine.ts).
import * as billing from '../../src/billing/index.js';
import type { AreaSpec, Sample } from './engine.js';
import { legacy, subscription, triennial } from './fixtures.js';

function plan(): Record<string, unknown> {
  return {
    id: 'custom.billing-plan',
    versions: [
      {
        effectiveFrom: '0000-01-01',
        source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
        value: {
          byTerm: { P1M: ['monthly'], P1Y: ['annual', 'monthly'], P3Y: ['annual', 'triennial'] },
          familyAdds: { 'windows-rds-cal-2022': ['monthly'] },
        },
      },
    ],
  };
}

const samples: Record<string, readonly Sample[]> = {
  billingFrequencyChange: [
    () => [triennial(), 'triennial', { asOf: '2023-06-01T00:00:00Z', roles: ['Admin agent'] }],
    () => [
      subscription(),
      'annual',
      { asOf: '2022-06-01T00:00:00Z', offered: ['annual', 'monthly'] },
    ],
    () => [legacy(), 'monthly', { asOf: '2021-03-15', roles: ['SalesAgent'], policy: plan() }],
  ],
  billingFrequencyDecision: [
    () => [{ term: 'P1Y', purchasedAt: '2022-03-01', billingFrequency: 'monthly' }],
    () => [
      {
        term: 'P3Y',
        purchasedAt: '2022-03-01',
        billingFrequency: 'annual',
        offered: ['triennial'],
      },
    ],
    () => [
      {
        term: 'P1Y',
        purchasedAt: new Date('2023-05-02'),
        billingFrequency: 'monthly',
        productFamily: 'windows-rds-cal-2022',
        policy: plan(),
      },
    ],
  ],
  chargeCycles: [
    () => [{ purchasedAt: '2021-01-31T09:30:00Z', term: 'P1Y', billingFrequency: 'monthly' }],
    () => [{ purchasedAt: '2021-01-31', term: 'P1M', billingFrequency: 'monthly', termIndex: 1 }],
    () => [
      {
        purchasedAt: new Date('2022-03-15T00:00:00Z'),
        term: 'P3Y',
        billingFrequency: 'annual',
        termIndex: 3,
      },
    ],
  ],
  eligibleBillingFrequencies: [
    () => [{ term: 'P3Y', purchasedAt: '2021-10-22T00:00:00Z' }],
    () => [
      {
        term: 'P1Y',
        purchasedAt: '2023-05-02',
        productFamily: 'windows-rds-cal-2022',
        offered: ['monthly'],
      },
    ],
    () => [{ term: 'P1M', purchasedAt: '2023-05-02', policy: plan() }],
  ],
  installmentSchedule: [
    () => [
      {
        purchasedAt: '2022-03-15',
        term: 'P3Y',
        billingFrequency: 'annual',
        quantity: 4,
        unitPrice: '100.125',
        currency: 'EUR',
      },
    ],
    () => [
      {
        purchasedAt: '2022-01-31',
        term: 'P1Y',
        billingFrequency: 'monthly',
        quantity: 1,
        unitPricePerTerm: '100',
        currency: 'EUR',
        rounding: 'half_even',
      },
    ],
    () => [
      {
        purchasedAt: '2022-01-31T10:00:00Z',
        term: 'P1M',
        billingFrequency: 'monthly',
        quantity: 3,
        unitPrice: 1500,
        currency: 'JPY',
        termIndex: 2,
      },
    ],
  ],
  productFamilyOf: [
    () => ['Windows Server 2022 Remote Desktop Services - 1 User CAL'],
    () => ['SQL Server 2022 Standard'],
  ],
};

export const spec: AreaSpec = {
  area: 'billing',
  module: billing,
  samples,
  knownBugs: {},
};
