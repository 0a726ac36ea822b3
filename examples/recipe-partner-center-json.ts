// Recipe: "Reading Partner Center JSON." A partner's service receives the Get
// Subscriptions response of one customer and a software order from the Get
// Orders API, adds what Partner Center does not send (prices, from its price
// list), and asks the rules about each item at 18:00 UTC on 22 October 2024.
// (csp-software-rules/schemas, /cancellation, /refunds)
import { productFamilyOf } from 'csp-software-rules/billing';
import { evaluateCancellation } from 'csp-software-rules/cancellation';
import { softwareOrderCancellationRequest } from 'csp-software-rules/cancellation/order';
import { subscriptionStatusOn } from 'csp-software-rules/lifecycle';
import { cancellationRefund } from 'csp-software-rules/refunds';
import {
  fromPartnerCenterOrder,
  fromPartnerCenterSubscription,
  type PartnerCenterSubscriptionExtras,
  type SchemaIssue,
  safeFromPartnerCenterSubscription,
} from 'csp-software-rules/schemas';

const asOf = '2024-10-22T18:00:00Z';

// GET /v1/customers/{customer-tenant-id}/subscriptions, as Partner Center returns it
// (fields the rules do not read left out). Note the 7 fractional digits, the
// capitalised enums, and Partner Center's own cancellation deadlines.
const response = {
  totalCount: 4,
  items: [
    {
      id: '9b7c4a2e-5d1f-4e3a-8c6b-0a1b2c3d4e5f',
      offerId: 'DG7GMGF0FKZV:0003:DG7GMGF0DWMS',
      offerName: 'Windows Server 2022 Standard - 16 Core License',
      quantity: 4,
      creationDate: '2024-10-15T21:28:19.3058617Z',
      effectiveStartDate: '2024-10-15T00:00:00Z',
      commitmentEndDate: '2027-10-14T00:00:00Z',
      cancellationAllowedUntilDate: '2024-10-22T23:59:00Z',
      autoRenewEnabled: true,
      status: 'Active',
      billingCycle: 'Annual',
      termDuration: 'P3Y',
      refundOptions: [{ type: 'Partial', expiresAfter: '2024-10-22T23:59:00Z' }],
    },
    {
      id: '1d2e3f4a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
      offerId: 'DG7GMGF0FLR2:0002:DG7GMGF0DPT1',
      offerName: 'Windows Server 2022 Remote Desktop Services - 1 User CAL',
      quantity: 25,
      creationDate: '2024-10-18T09:12:45.1234567Z',
      effectiveStartDate: '2024-10-18T00:00:00Z',
      commitmentEndDate: '2025-10-17T00:00:00Z',
      cancellationAllowedUntilDate: '2024-10-25T23:59:00Z',
      autoRenewEnabled: false,
      status: 'active',
      billingCycle: 'monthly',
      termDuration: 'P1Y',
    },
    {
      id: 'e4d3c2b1-0a9f-4e8d-8c7b-6a5f4e3d2c1b',
      offerId: 'DG7GMGF0DWTT:0001:DG7GMGF0DWTV',
      offerName: 'SQL Server 2022 Standard - 2 Core License',
      quantity: 2,
      creationDate: '2024-10-01T07:30:00.0000000Z',
      effectiveStartDate: '2024-10-01T00:00:00Z',
      commitmentEndDate: '2024-10-31T00:00:00Z',
      autoRenewEnabled: true,
      status: 'Deleted',
      billingCycle: 'Monthly',
      termDuration: 'P1M',
    },
    {
      id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
      offerId: 'DG7GMGF0FKZV:0003:DG7GMGF0DWMS',
      offerName: 'Windows Server 2022 Standard - 16 Core License',
      quantity: 1,
      creationDate: '2024-10-20T10:00:00Z',
      effectiveStartDate: '2024-10-20T00:00:00Z',
      status: 'Active',
      billingCycle: 'Quarterly',
      termDuration: 'P1Y',
    },
  ],
  attributes: { objectType: 'Collection' },
};

// The partner's price list: price of one licence per charge cycle, by product:SKU.
const priceList: Readonly<Record<string, string>> = {
  'DG7GMGF0FKZV:0003': '1032.00',
  'DG7GMGF0FLR2:0002': '10.08',
  'DG7GMGF0DWTT:0001': '145.00',
};
function extrasFor(item: { offerId: string; offerName: string }): PartnerCenterSubscriptionExtras {
  const sku = item.offerId.split(':').slice(0, 2).join(':');
  const family = productFamilyOf(item.offerName);
  return {
    unitPrice: priceList[sku] ?? '0',
    currency: 'EUR',
    publisher: 'Microsoft',
    market: 'IT',
    ...(family === undefined ? {} : { productFamily: family }),
  };
}
const subscriptions = response.items.map((item) =>
  fromPartnerCenterSubscription(item, extrasFor(item)),
);
subscriptions.map((s) => [s.term, s.billingFrequency, s.status]); // => [['P3Y', 'annual', 'active'], ['P1Y', 'monthly', 'active'], ['P1M', 'monthly', 'deleted'], ['P1Y', { unknown: 'Quarterly' }, 'active']]
subscriptions[0]?.purchasedAt; // => '2024-10-15T00:00:00Z'
subscriptions[0]?.commitmentEndDate; // => '2027-10-14'
// On the subscription resource `expiresAfter` is a timestamp: read as `expiresAt`.
subscriptions[0]?.refundOptions; // => [{ type: 'partial', expiresAt: '2024-10-22T23:59:00Z' }]
subscriptions[1]?.productFamily; // => 'windows-rds-cal-2022'

// Can each be cancelled now? The deleted one is cancelled already; the one with
// a billing cycle this version does not know is refused rather than guessed.
const decisions = subscriptions.map((s) => evaluateCancellation(s, { asOf }));
decisions.map((d) => [d.allowed, d.reasons.map((r) => r.code)]); // => [[true, []], [true, []], [false, ['already_cancelled', 'window_closed']], [false, ['unknown_value']]]
decisions[3]?.reasons; // => [{ code: 'unknown_value', field: 'purchase.billingFrequency', raw: 'Quarterly' }]
// Partner Center's deadlines decide: the Windows Server one is open until 23:59:00Z
// tonight, though 168 hours from the 00:00Z effective start ended at midnight.
decisions.map((d) => d.window?.closesAt.toISOString()); // => ['2024-10-22T23:59:00.001Z', '2024-10-25T23:59:00.001Z', '2024-10-08T00:00:00.000Z', '2024-10-27T00:00:00.000Z']
decisions[0]?.window?.source; // => 'partner_center'

// What comes back, cancelling now. Windows Server: the cycle 2024-10-15..2025-10-14
// has 365 days, 358 come back: 1032 × 358 / 365 = 1012.2082… → 1012.20, × 4.
// RDS CALs: the cycle 2024-10-18..2024-11-17 has 31 days, 27 come back:
// 10.08 × 27 / 31 = 8.7793… → 8.77, × 25.
subscriptions.map((s) => cancellationRefund(s, { asOf: asOf }).refund.minor); // => [404880, 21925, 0, 0]
// The RDS CALs do not autorenew: they end with their term.
const rds = subscriptions[1];
rds === undefined ? null : subscriptionStatusOn(rds, { asOf }).nextEvent; // => { type: 'expiry', on: '2025-10-17' }

// A malformed item: every problem at once, the first field named.
const broken = { id: 'broken', quantity: 0, billingCycle: 'annual', termDuration: 'P1Y' };
const bad = safeFromPartnerCenterSubscription(broken, { unitPrice: '10.00', currency: 'EUR' });
bad.success ? null : bad.error.field; // => 'subscription.quantity'
const issues = bad.success ? [] : (bad.error.details['issues'] as SchemaIssue[]);
issues.map((i) => i.path.join('.')); // => ['subscription.quantity', 'subscription.effectiveStartDate']

// Perpetual software: GET /v1/customers/{customer-tenant-id}/orders/{order-id}.
const order = fromPartnerCenterOrder(
  {
    id: 'TXQ2MZG9VDDB',
    referenceCustomerId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
    status: 'completed',
    billingCycle: 'one_time',
    currencyCode: 'USD',
    creationDate: '2024-10-02T09:12:44.1234567Z',
    lineItems: [
      { lineItemNumber: 0, offerId: 'DG7GMGF0D3SJ:0002:DG7GMGF0C9G6', quantity: 2 },
      { lineItemNumber: 1, offerId: 'DG7GMGF0FKX2:0003:DG7GMGF0C9G7', quantity: 5 },
    ],
  },
  {
    publisher: 'Microsoft',
    offers: {
      'DG7GMGF0D3SJ:0002': { unitPrice: '899.00', productName: 'SQL Server 2022 Standard' },
      DG7GMGF0FKX2: { unitPrice: '35.00', productName: 'Windows Server 2022 CAL' },
    },
  },
);
order.purchases.map((p) => [p.id, p.productName]); // => [['TXQ2MZG9VDDB/0', 'SQL Server 2022 Standard'], ['TXQ2MZG9VDDB/1', 'Windows Server 2022 CAL']]
// Bought October 2: 30 days, until November 1 at 09:12:44.123 (7 digits read to the millisecond).
const orderDecisions = order.purchases.map((p) => evaluateCancellation(p, { asOf }));
orderDecisions.map((d) => [d.allowed, d.window?.closesAt.toISOString()]); // => [[true, '2024-11-01T09:12:44.123Z'], [true, '2024-11-01T09:12:44.123Z']]
// Cancelling the CALs: a 100% credit of 5 × 35.00, and the request to send.
order.purchases.map((p) => cancellationRefund(p, { asOf: asOf }).refund.minor); // => [179800, 17500]
const request = softwareOrderCancellationRequest(order, [1]);
[request.method, request.path]; // => ['PATCH', '/v1/customers/4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1/orders/TXQ2MZG9VDDB']
request.body; // => { id: 'TXQ2MZG9VDDB', status: 'cancelled', lineItems: [{ lineItemNumber: 1, offerId: 'DG7GMGF0FKX2:0003:DG7GMGF0C9G7' }] }
request.orderStatusAfter; // => 'completed'
