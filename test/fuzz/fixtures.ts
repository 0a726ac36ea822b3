// Realistic valid inputs (from the areas' TSDoc examples), fresh on every call,
// for the near-valid fuzz: the fuzz swaps one field at a time to reach the
// deep code paths behind the first guard.

export function subscription(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'subscription',
    id: 'sub-1',
    purchasedAt: '2022-03-01T09:30:00Z',
    term: 'P1Y',
    billingFrequency: 'monthly',
    autoRenew: true,
    publisher: 'Microsoft',
    productFamily: 'windows-rds-cal-2022',
    quantity: 10,
    unitPrice: '9.50',
    currency: 'EUR',
    status: 'active',
    ...overrides,
  };
}

/** A triennial subscription with a Partner Center deadline and a completed renewal. */
export function triennial(): Record<string, unknown> {
  return subscription({
    purchasedAt: '2021-10-15T21:28:19.3058617Z',
    term: 'P3Y',
    billingFrequency: 'annual',
    unitPrice: '2890.00',
    cancellationAllowedUntil: '2021-10-22T21:28:19.3058617Z',
    renewalCompletedAt: '2024-10-15T00:02:00Z',
  });
}

/** A legacy (pre-2021-10-14) monthly subscription without autorenew. */
export function legacy(): Record<string, unknown> {
  const s = subscription({
    purchasedAt: '2021-03-01',
    term: 'P1M',
    billingFrequency: 'monthly',
    unitPrice: 12,
    currency: 'USD',
  });
  delete s['autoRenew'];
  delete s['status'];
  return s;
}

export function perpetual(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'perpetual',
    id: 'p-1',
    purchasedAt: '2022-05-02T08:00:00Z',
    publisher: 'Microsoft',
    productName: 'SQL Server 2019 Standard',
    orderId: 'ord-42',
    quantity: 2,
    unitPrice: '899.00',
    currency: 'USD',
    status: 'completed',
    ...overrides,
  };
}

export function policy(value: unknown = 60): Record<string, unknown> {
  return {
    id: 'demo.policy',
    versions: [
      { effectiveFrom: '2019-01-01', source: 'https://example.com/2019', value, note: 'first' },
      { effectiveFrom: '2021-09-01', source: 'https://example.com/2021', value },
    ],
  };
}

export function order(): Record<string, unknown> {
  return {
    id: 'TXQ2MZG9VDDB',
    customerTenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
    status: 'completed',
    lineItems: [
      { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ', quantity: 1 },
      { lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS', quantity: 5 },
    ],
  };
}

export function fleet(): Record<string, unknown>[] {
  return [
    { id: 'pc-1', lastRenewalAt: '2024-01-01' },
    { id: 'pc-2', lastRenewalAt: '2024-01-02T10:00:00Z' },
    { id: 'pc-3', lastRenewalAt: '2024-01-02' },
    { id: 'srv-1', makActivatedAt: '2024-06-01' },
    { id: 'srv-2', lastRenewalAt: '2023-11-01' },
  ];
}

/** A custom cancellation-window policy (7 days, 10 from 2022). */
export function windowPolicy(): Record<string, unknown> {
  return {
    id: 'custom.window',
    versions: [
      {
        effectiveFrom: '1970-01-01',
        source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
        value: { days: 7 },
      },
      {
        effectiveFrom: '2022-01-01',
        source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
        value: { days: 10 },
      },
    ],
  };
}
