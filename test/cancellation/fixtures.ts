// The purchases the cancellation tests start from, with overrides: a P1M
// monthly subscription bought 2023-01-31 15:00Z (3 × EUR 10.00), and a
// perpetual SQL Server licence bought 2022-05-02 08:00Z (USD 899.00).
import type { PerpetualPurchase, SoftwareSubscription } from '../../src/core/index.js';

export function sub(over: Partial<SoftwareSubscription> = {}): SoftwareSubscription {
  return {
    kind: 'subscription',
    purchasedAt: '2023-01-31T15:00:00Z',
    term: 'P1M',
    billingFrequency: 'monthly',
    quantity: 3,
    unitPrice: '10.00',
    currency: 'EUR',
    ...over,
  };
}

export function perpetual(over: Partial<PerpetualPurchase> = {}): PerpetualPurchase {
  return {
    kind: 'perpetual',
    purchasedAt: '2022-05-02T08:00:00Z',
    productName: 'SQL Server 2019 Standard',
    orderId: 'ord-1',
    quantity: 1,
    unitPrice: '899.00',
    currency: 'USD',
    ...over,
  };
}

/** A P1Y monthly subscription bought 2022-03-01 09:30Z, one licence at EUR 1. */
export const P1Y_MONTHLY = {
  kind: 'subscription',
  purchasedAt: '2022-03-01T09:30:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 1,
  unitPrice: '1',
  currency: 'EUR',
} as const;
