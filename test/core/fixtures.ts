// The purchase the core tests start from (a P1Y monthly subscription, 3 × EUR
// 10.08); each test spreads it and changes the field it is about.
export const SUBSCRIPTION = {
  kind: 'subscription',
  purchasedAt: '2022-01-31T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 3,
  unitPrice: '10.08',
  currency: 'EUR',
};
