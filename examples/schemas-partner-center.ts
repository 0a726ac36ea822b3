// A partner's back office syncs software subscriptions and orders from the
// Partner Center REST API every night. Each resource is read with the price
// list and the customer record, then asked "can we still cancel this?".
// A resource the library cannot read is logged with every problem, never a crash.
import { evaluateCancellation } from 'csp-software-rules/cancellation';
import { softwareOrderCancellationRequest } from 'csp-software-rules/cancellation/order';
import {
  fromPartnerCenterOrder,
  jsonSchemas,
  type SchemaIssue,
  safeFromPartnerCenterSubscription,
} from 'csp-software-rules/schemas';

// GET /v1/customers/{tenant}/subscriptions, as Partner Center returns it (fields trimmed).
const items: unknown[] = [
  {
    id: '5b1f4e7a-9c3d-4f2e-8a61-3d2c9b7e1f04',
    offerId: 'DG7GMGF0FKZV:0003:DG7GMGF0DWMS',
    friendlyName: 'WS2022 DC Contoso datacentre',
    quantity: 4,
    creationDate: '2022-03-14T09:41:27.3058617Z',
    effectiveStartDate: '2022-03-14T00:00:00Z',
    commitmentEndDate: '2025-03-13T00:00:00Z',
    cancellationAllowedUntilDate: '2022-03-21T09:41:27.3058617Z',
    status: 'active',
    autoRenewEnabled: true,
    billingCycle: 'Triennial',
    termDuration: 'P3Y',
    publisherName: 'Microsoft Corporation',
  },
  { id: 'broken-record', quantity: 0, billingCycle: 'annual', termDuration: 'P1Y' },
];

// The price list gives what a subscription resource does not carry.
const priceList = { unitPrice: '2890.00', currency: 'EUR', publisher: 'Microsoft', market: 'IT' };

const log: string[] = [];
const subscriptions = items.flatMap((json) => {
  const read = safeFromPartnerCenterSubscription(json, priceList);
  if (read.success) return [read.data];
  for (const issue of read.error.details['issues'] as SchemaIssue[]) log.push(issue.message);
  return [];
});

subscriptions.map((s) => [s.friendlyName, s.term, s.billingFrequency]); // => [['WS2022 DC Contoso datacentre', 'P3Y', 'triennial']]
log; // => ['subscription.quantity: expected a whole number of at least 1, got 0', 'subscription.effectiveStartDate: required: expected effectiveStartDate or creationDate (a timestamp)']

// Partner Center's own deadline is authoritative: allowed up to that instant.
const [contoso] = subscriptions;
const onTime =
  contoso &&
  evaluateCancellation(contoso, { asOf: '2022-03-21T09:00:00Z', roles: ['Admin agent'] });
onTime?.allowed; // => true
onTime?.window?.source; // => 'partner_center'
const late = contoso && evaluateCancellation(contoso, { asOf: '2022-03-22T00:00:00Z' });
late?.reasons.map((r) => r.code); // => ['window_closed']

// A perpetual order with one line already cancelled: the PATCH for the rest.
const order = fromPartnerCenterOrder(
  {
    id: 'QPNF6XJ7RZ2K',
    referenceCustomerId: '6a0b7c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d',
    billingCycle: 'OneTime',
    currencyCode: 'USD',
    creationDate: '2024-05-20T14:03:08.5500001Z',
    status: 'completed',
    lineItems: [
      {
        lineItemNumber: 0,
        offerId: 'DG7GMGF0FKX2:0005:DG7GMGF0C9G7',
        quantity: 25,
        status: 'completed',
      },
      {
        lineItemNumber: 1,
        offerId: 'DG7GMGF0DSKB:0008:DG7GMGF0C8X1',
        quantity: 25,
        status: 'cancelled',
      },
    ],
  },
  { offers: { DG7GMGF0FKX2: { unitPrice: '38.50' }, DG7GMGF0DSKB: { unitPrice: '112.10' } } },
);
order.purchases.map((p) => p.status); // => ['completed', 'cancelled']
softwareOrderCancellationRequest(order).body; // => { id: 'QPNF6XJ7RZ2K', status: 'cancelled', lineItems: [{ lineItemNumber: 0, offerId: 'DG7GMGF0FKX2:0005:DG7GMGF0C9G7' }] }

// A service in another language validates the same shapes with the JSON Schema files.
jsonSchemas()['partner-center-subscription']['title']; // => 'PartnerCenterSubscription'
