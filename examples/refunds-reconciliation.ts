// A finance team reconciles cancellations against Partner Center invoices, to
// the cent: how much comes back, on which invoice, and what stays owed.
// (csp-software-rules/refunds)
import { formatMoney } from 'csp-software-rules/core';
import { cancellationRefund, invoiceFor, remainingObligation } from 'csp-software-rules/refunds';

// Microsoft's example: 10 licences at EUR 10.08 a month, bought July 15, cancelled July 17.
const business = {
  kind: 'subscription',
  id: 'c1f0a9e2-business-standard',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
const refund = cancellationRefund(business, { asOf: '2021-07-17T12:00:00Z' });
refund.allowed; // => true
formatMoney(refund.refund); // => '94.20'
formatMoney(refund.kept); // => '6.60'
// The arithmetic, for the auditor: 29 of 31 days, 10.08 × 29 / 31 = 9.4296… → 9.42 per licence.
const c = refund.computation;
c?.method === 'prorated' && [c.refundDays, c.cycleDays, c.exactPerUnit, c.perUnit?.minor]; // => [29, 31, '9.4296774193…', 942]
refund.invoice; // => { billingPeriod: '2021-07', periodStart: '2021-07-01', periodEnd: '2021-07-31', availableFrom: '2021-08-06', availableBy: '2021-08-08' }

// A three-year Windows Server subscription billed annually, in JPY, cancelled on day 6:
// the first yearly cycle is prorated (360 of 365 days: 150000 × 360 / 365 = 147945.2… → 147945
// per licence), the two later years are never billed.
const windowsServer = {
  kind: 'subscription',
  purchasedAt: '2022-01-15T00:30:00Z',
  term: 'P3Y',
  billingFrequency: 'annual',
  quantity: 2,
  unitPrice: '150000',
  currency: 'JPY',
} as const;
const jp = cancellationRefund(windowsServer, { asOf: '2022-01-20T08:00:00Z' });
[formatMoney(jp.refund), formatMoney(jp.kept)]; // => ['295890', '4110']
jp.notBilled?.count; // => 2
formatMoney(jp.notBilled?.total ?? jp.charged); // => '600000'

// Same-day cancellations: the whole cycle comes back; Microsoft's 24-hour tier on request.
const sameDay = cancellationRefund(windowsServer, { asOf: '2022-01-15T18:00:00Z' });
[sameDay.computation?.method, formatMoney(sameDay.refund)]; // => ['whole_cycle', '300000']
const nextMorning = cancellationRefund(windowsServer, {
  asOf: '2022-01-16T00:10:00Z',
  fullRefundWithin: 'PT24H',
});
[nextMorning.computation?.method, formatMoney(nextMorning.refund)]; // => ['full_refund_within', '300000']

// Too late: no refund, and the partner owes the whole term.
const late = cancellationRefund(windowsServer, { asOf: '2022-01-22T00:30:00Z' });
[late.allowed, formatMoney(late.refund), late.billedInFull]; // => [false, '0', true]
const owed = remainingObligation(windowsServer, { asOf: '2022-06-01T00:00:00Z' });
[owed.windowOpen, owed.installments.map((i) => i.start), formatMoney(owed.remaining)]; // => [false, ['2023-01-15', '2024-01-15'], '600000']

// Perpetual software: a 100% credit of the licences cancelled within 30 days.
const sql = {
  kind: 'perpetual',
  purchasedAt: '2023-03-10T11:00:00Z',
  productName: 'SQL Server 2022 Standard',
  orderId: 'TXQ2MZG9VDDB',
  quantity: 2,
  unitPrice: '899.00',
  currency: 'USD',
} as const;
const credit = cancellationRefund(sql, { asOf: '2023-03-31T23:30:00Z', quantity: 1 });
[credit.settlement, formatMoney(credit.refund), formatMoney(credit.kept)]; // => ['credit', '899.00', '899.00']
credit.invoice?.availableBy; // => '2023-04-08'
invoiceFor('2023-03-31T23:30:00-02:00').billingPeriod; // => '2023-04'
