// A partner's back office: "can we still cancel this, until when exactly, and
// what happens if we do?" (csp-software-rules/cancellation)
import {
  cancellationEffects,
  cancellationWindow,
  evaluateCancellation,
} from 'csp-software-rules/cancellation';
import { softwareOrderCancellationRequest } from 'csp-software-rules/cancellation/order';

// A monthly Windows Server subscription bought on the 31st at 15:00 UTC.
const windowsServer = {
  kind: 'subscription',
  id: '8a5b2f1e-0c7d-4e2a-9d11-3f6b7c8d9e10',
  purchasedAt: '2023-01-31T15:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  publisher: 'Microsoft',
  quantity: 4,
  unitPrice: '28.90',
  currency: 'EUR',
} as const;
const adminAgent = ['Admin agent'];

// Default reading: 168 elapsed hours from the purchase instant.
const first = evaluateCancellation(windowsServer, {
  asOf: '2023-02-06T09:00:00Z',
  roles: adminAgent,
});
first.allowed; // => true
first.window?.closesAt.toISOString(); // => '2023-02-07T15:00:00.000Z'
first.timeRemaining; // => { days: 1, hours: 6, milliseconds: 108000000 }

// One millisecond at closesAt is too late: the whole term stays billed.
const late = evaluateCancellation(windowsServer, {
  asOf: '2023-02-07T15:00:00Z',
  roles: adminAgent,
});
late.reasons; // => [{ code: 'window_closed', closedAt: new Date('2023-02-07T15:00:00Z') }]
late.billedInFull; // => true

// The renewal term starts on Feb 28 (clamped from the 31st) and has its own window,
// opening at 00:00Z or when the renewal completed.
const renewal = cancellationWindow(
  { ...windowsServer, renewalCompletedAt: '2023-02-28T04:12:00Z' },
  { asOf: '2023-03-01T00:00:00Z' },
);
[renewal.termIndex, renewal.opensAt.toISOString(), renewal.lastDay]; // => [1, '2023-02-28T04:12:00.000Z', '2023-03-07']

// Partner Center's own deadline wins for its term; an old one is ignored and flagged.
const withDeadline = { ...windowsServer, cancellationAllowedUntil: '2023-02-07T23:59:00Z' };
evaluateCancellation(withDeadline, { asOf: '2023-02-07T23:59:00Z' }).allowed; // => true
evaluateCancellation(withDeadline, { asOf: '2023-03-02T10:00:00Z' }).window?.staleDeadlineIgnored; // => true

// Red Hat plans never; a Sales agent never: every reason at once.
const rhel = { ...windowsServer, publisher: 'Red Hat, Inc.' };
const refused = evaluateCancellation(rhel, { asOf: '2023-02-01', roles: ['Sales agent'] });
refused.reasons.map((r) => r.code); // => ['non_cancellable_publisher', 'missing_role']

// Perpetual software: 30 days; what the partner needs, and what follows.
const sql = {
  kind: 'perpetual',
  purchasedAt: '2023-03-10T11:00:00Z',
  productName: 'SQL Server 2022 Standard',
  orderId: 'TXQ2MZG9VDDB',
  quantity: 2,
  unitPrice: '899.00',
  currency: 'USD',
} as const;
const perpetual = evaluateCancellation(sql, {
  asOf: '2023-04-01T11:00:00Z',
  window: 'calendar_days',
});
perpetual.window?.lastDay; // => '2023-04-09'
perpetual.needs.map((n) => `${n.item}:${n.known}`); // => ['customer:false', 'product:true', 'order:true']
const effects = cancellationEffects(sql, { asOf: '2023-04-01T11:00:00Z' });
effects.settlement; // => 'credit'
effects.visibleInPartnerCenterBy.toISOString(); // => '2023-04-01T11:15:00.000Z'

// The Partner Center request that cancels one line item of the order.
const request = softwareOrderCancellationRequest(
  {
    id: 'TXQ2MZG9VDDB',
    customerTenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
    status: 'completed',
    lineItems: [
      { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ', quantity: 2 },
      { lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS', quantity: 1 },
    ],
  },
  [0],
);
request.method; // => 'PATCH'
request.body; // => { id: 'TXQ2MZG9VDDB', status: 'cancelled', lineItems: [{ lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ' }] }
request.orderStatusAfter; // => 'completed'
