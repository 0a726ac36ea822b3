// Valid samples and known bugs of refunds for the cross-area fuzz (see ../engine.ts).
import * as refunds from '../../src/refunds/index.js';
import type { AreaSpec, Sample } from './engine.js';
import { legacy, perpetual, subscription, triennial, windowPolicy } from './fixtures.js';

const samples: Record<string, readonly Sample[]> = {
  cancellationRefund: [
    () => [
      subscription({ term: 'P1M', purchasedAt: '2021-07-15T09:00:00Z', unitPrice: '10.08' }),
      { asOf: '2021-07-17T12:00:00Z' },
    ],
    () => [perpetual(), { asOf: '2022-05-20T16:50:00Z', roles: ['Admin agent'], quantity: 1 }],
    () => [
      subscription(),
      {
        asOf: '2022-03-04T20:00:00Z',
        rounding: { mode: 'half_even', apply: 'total' },
        cycleDays: 'month_of_start',
        fullRefundWithin: 'PT24H',
        listInstallments: true,
        chargeRounding: 'half_up',
        window: 'calendar_days',
      },
    ],
    () => [
      triennial(),
      {
        asOf: new Date('2021-10-16T00:00:00Z'),
        rounding: 'truncate',
        policy: windowPolicy(),
      },
    ],
  ],
  invoiceFor: [() => ['2024-02-17T10:00:00Z'], () => [new Date('2023-12-31T23:30:00Z')]],
  remainingObligation: [
    () => [subscription({ purchasedAt: '2023-03-10T08:00:00Z' }), { asOf: '2023-06-20T00:00:00Z' }],
    () => [
      triennial(),
      {
        asOf: '2022-01-01',
        roles: ['AdminAgent'],
        chargeRounding: 'half_even',
        policy: windowPolicy(),
      },
    ],
    () => [legacy(), { asOf: new Date('2021-03-02T00:00:00Z'), window: 'calendar_days' }],
  ],
};

export const spec: AreaSpec = {
  area: 'refunds',
  module: refunds,
  samples,
  knownBugs: {},
};
